"""Wraps a report in a 390 px wide frame, with a script that measures it once loaded.

usage: narrow_probe.py REPORT.html PROBE.html

The report itself has no script (it is self-contained and inert); this test page holds it in
an iframe (srcdoc, so the script may read it) as wide as a phone screen (390 CSS px; headless
Chromium will not make a window that narrow). On load the script writes on <body>:
data-width (the frame's layout width), data-overflow (how far the page scrolls sideways: 0
when everything fits) and data-wide (how many elements reach past the right edge outside the
boxes that scroll on their own, `.scroll`, and the first few of them).
"""
import html
import sys

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body style="margin:0">
<iframe id="f" style="width:390px;height:3000px;border:0" srcdoc="%s"></iframe>
<script>
window.addEventListener("load", function () {
  var d = document.getElementById("f").contentDocument, root = d.documentElement;
  var w = root.clientWidth, wide = [];
  d.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 0.5 && !e.closest(".scroll"))
      wide.push(e.tagName + (typeof e.className === "string" && e.className ? "." + e.className : ""));
  });
  document.body.setAttribute("data-width", String(w));
  document.body.setAttribute("data-overflow", String(root.scrollWidth - w));
  document.body.setAttribute("data-wide", String(wide.length) + ":" + wide.slice(0, 6).join(" "));
});
</script></body></html>"""

report = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(PAGE % html.escape(report, quote=True))
