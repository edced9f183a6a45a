/* html.c - the report as one self-contained HTML5 page.
 *
 * Self-contained: the style sheet is inline, the picture is inline SVG, there is no script,
 * no web font and no URL to fetch, so the page opens offline and can be mailed as is.
 * Well-formed: the page is also valid XML (void elements self-closed, only numeric character
 * references, every attribute quoted), so `xmllint --noout` checks it. Every string that
 * comes from the articles goes through report_html_escape. */
#include "report_internal.h"

#include <math.h>
#include <string.h>

/* Colours of the actor types: export/style.c's Tableau 10 hues, so the page, the picture and
 * Gephi agree. */
static const char css[] =
    ":root{--ink:#1f2933;--muted:#5f6b7a;--line:#e3e7ec;--bg:#f3f5f8;--card:#fff;"
    "--accent:#3b6ea5;--person:#F28E2B;--state:#4E79A7;--organization:#59A14F;"
    "--place:#9D7660;--hostile:#C0392B}\n"
    "*{box-sizing:border-box}\n"
    "html{background:var(--bg)}\n"
    "body{margin:0;color:var(--ink);font:15px/1.55 system-ui,-apple-system,\"Segoe UI\","
    "Roboto,\"Helvetica Neue\",Arial,\"DejaVu Sans\",sans-serif;"
    "-webkit-font-smoothing:antialiased}\n"
    ".wrap{max-width:1180px;margin:0 auto;padding:0 28px}\n"
    "header.top{background:linear-gradient(135deg,#1d2b3a,#2c4a6b);color:#fff;"
    "padding:30px 0 0}\n"
    "header.top h1{margin:0;font-size:30px;font-weight:700;letter-spacing:-.015em}\n"
    "header.top .sub{margin:6px 0 0;color:#c9d6e3;font-size:15px}\n"
    "nav.toc{margin-top:20px;display:flex;flex-wrap:wrap;gap:2px}\n"
    "nav.toc a{color:#dce6f0;text-decoration:none;padding:9px 13px 10px;font-size:14px;"
    "border-radius:7px 7px 0 0}\n"
    "nav.toc a:hover{background:rgba(255,255,255,.12);color:#fff}\n"
    "main.wrap{padding-top:28px;padding-bottom:30px}\n"
    "section{background:var(--card);border:1px solid var(--line);border-radius:12px;"
    "padding:24px 28px;margin:0 0 24px;box-shadow:0 1px 3px rgba(16,24,40,.05)}\n"
    "h2{font-size:21px;margin:0 0 4px;letter-spacing:-.01em}\n"
    "h3{font-size:16px;margin:0}\n"
    "p.lead{color:var(--muted);margin:0 0 18px;font-size:14px;max-width:80ch}\n"
    ".tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:14px;"
    "margin-bottom:22px}\n"
    ".tile{border:1px solid var(--line);border-radius:10px;padding:14px 16px;"
    "background:linear-gradient(#fff,#f8fafc)}\n"
    ".tile .n{display:block;font-size:28px;font-weight:700;line-height:1.2;"
    "font-variant-numeric:tabular-nums}\n"
    ".tile .l{color:var(--muted);font-size:13px}\n"
    ".cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(340px,100%),1fr));"
    "gap:26px;"
    "align-items:start}\n"
    "table{border-collapse:collapse;width:100%;font-size:14px}\n"
    "th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);"
    "vertical-align:top}\n"
    "thead th{font-weight:600;color:var(--muted);font-size:11.5px;text-transform:uppercase;"
    "letter-spacing:.05em;border-bottom:2px solid #cfd6de;vertical-align:bottom}\n"
    "tbody tr:nth-child(even){background:#fafbfc}\n"
    "tbody tr:hover{background:#f1f5f9}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".muted{color:var(--muted)}\n"
    ".actor{overflow-wrap:anywhere}\n"
    ".actor::before{content:\"\";display:inline-block;width:9px;height:9px;"
    "border-radius:50%;margin-right:6px;background:var(--c,#999);vertical-align:1px}\n"
    ".t-person{--c:var(--person)}.t-state{--c:var(--state)}"
    ".t-organization{--c:var(--organization)}.t-place{--c:var(--place)}\n"
    ".swatch{display:inline-block;width:11px;height:11px;border-radius:3px;"
    "margin-right:8px;background:var(--c);vertical-align:-1px}\n"
    ".rel{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;"
    "background:#e6eef7;color:#1f3f63;white-space:nowrap;margin:1px 2px 1px 0}\n"
    ".rel.hostile{background:#fbe8e5;color:#96281b}\n"
    ".rel b{font-weight:600;margin-left:3px}\n"
    ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(340px,100%),1fr));"
    "gap:18px}\n"
    ".card{border:1px solid var(--line);border-radius:10px;padding:14px 16px 8px}\n"
    ".card p.q{margin:2px 0 8px;color:var(--muted);font-size:13px}\n"
    ".card table{table-layout:fixed}\n"
    ".card td{padding:5px 8px}\n"
    ".card td.rank{color:var(--muted);width:2.6em;text-align:right;padding-left:0}\n"
    ".card td.num{width:5.5em;padding-right:0}\n"
    ".guide{background:#f8fafc;align-self:start}\n"
    ".guide dl{display:grid;grid-template-columns:max-content 1fr;gap:8px 16px;margin:6px 0 10px;"
    "font-size:14px}\n"
    ".guide dt{font-weight:600}.guide dd{margin:0;color:#3e4c59}\n"
    "@media (min-width:1100px){.guide{grid-column:span 2}}\n"
    ".card .actor{display:block}\n"
    ".bar{height:4px;background:#e9edf2;border-radius:2px;margin-top:4px}\n"
    ".bar span{display:block;height:4px;background:var(--accent);border-radius:2px}\n"
    "figure{margin:0}\n"
    "svg.graph{display:block;width:100%;height:auto;max-height:1100px;margin:0 auto}\n"
    "figcaption{color:var(--muted);font-size:13px;margin-top:12px}\n"
    ".note{background:#fff8e6;border:1px solid #f1dca6;border-radius:8px;padding:12px 16px;"
    "color:#6a4d00;font-size:14px}\n"
    ".community{border-top:1px solid var(--line);padding:14px 0}\n"
    ".community:first-of-type{border-top:0;padding-top:0}\n"
    ".community .meta{color:var(--muted);font-size:13px;margin-left:8px}\n"
    ".chips{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}\n"
    ".chip{border:1px solid var(--line);border-radius:14px;padding:2px 11px;font-size:13px;"
    "background:#fff}\n"
    ".scroll{overflow-x:auto}\n"
    "table.matrix{table-layout:fixed;font-size:12.5px}\n"
    "table.matrix th,table.matrix td{border:1px solid var(--line);padding:5px;"
    "text-align:center;vertical-align:middle}\n"
    "table.matrix thead th{text-transform:none;letter-spacing:0;font-size:12px;"
    "color:var(--ink);background:#f6f8fa}\n"
    "table.matrix thead th .actor,table.matrix tbody th .actor{white-space:normal}\n"
    "table.matrix tbody th{text-align:left;font-weight:600;background:#f6f8fa;width:140px}\n"
    "table.matrix thead th:first-child{width:140px}\n"
    "table.matrix .rel{white-space:normal;padding:1px 6px}\n"
    "table.matrix td.self{background:repeating-linear-gradient(45deg,#f3f5f8,#f3f5f8 4px,"
    "#fff 4px,#fff 8px)}\n"
    "table.matrix tbody tr:nth-child(even){background:none}\n"
    "table.matrix td.on{background:#f7fafd}\n"
    "td.date{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    ".src{color:var(--muted);font-size:12px;font-family:ui-monospace,\"DejaVu Sans Mono\","
    "Menlo,monospace;overflow-wrap:anywhere}\n"
    ".edge{border-top:1px solid var(--line);padding:16px 0 6px}\n"
    ".edge:first-of-type{border-top:0;padding-top:0}\n"
    ".edge h3 .actor{font-weight:600}\n"
    ".edge .meta{color:var(--muted);font-size:13px;margin:2px 0 6px}\n"
    "blockquote{margin:8px 0;padding:8px 14px;border-left:3px solid var(--accent);"
    "background:#f6f9fc;border-radius:0 8px 8px 0}\n"
    "blockquote p{margin:0}\n"
    "blockquote footer{margin-top:4px}\n"
    "dl.defs{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0}\n"
    "dl.defs dt{font-family:ui-monospace,\"DejaVu Sans Mono\",Menlo,monospace;"
    "font-size:13px;color:var(--accent);padding-top:2px}\n"
    "dl.defs dd{margin:0}\n"
    "body>footer{color:var(--muted);font-size:13px;text-align:center;padding:0 0 36px}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:12px 0 0;padding:0;"
    "list-style:none;font-size:13px}\n"
    ".legend svg{vertical-align:middle;margin-right:6px}\n"
    "cite{font-style:normal}\n"
    /* A phone (390 px): one column, less padding, and the timeline's rows as blocks, so that
     * nothing but the wide matrix (which scrolls in its own box) needs a sideways scroll. */
    "@media (max-width:640px){.wrap{padding:0 10px}section{padding:16px 12px}"
    "header.top h1{font-size:24px}.tiles{grid-template-columns:repeat(2,minmax(0,1fr))}"
    ".guide dl,dl.defs{grid-template-columns:minmax(0,1fr)}"
    "table.stack thead{display:none}table.stack tr{display:block;padding:8px 0;"
    "border-bottom:1px solid var(--line)}table.stack td{display:block;border:0;padding:1px 4px;"
    "text-align:left}table.stack td[data-l]::before{content:attr(data-l) \": \";"
    "color:var(--muted)}td.date{white-space:normal}}\n"
    "@media print{html{background:#fff}header.top{background:#fff;color:var(--ink)}"
    "nav.toc{display:none}section{box-shadow:none;break-inside:avoid-page}}\n";

typedef struct writer {
    const report_model *m;
    const ng_graph *g;
    ng_buf b;
    ng_out *o;
    ng_items items; /* the kept evidence of one edge, read back from the graph */
    int error;      /* a failed read of it */
} writer;

static void flush(writer *w)
{
    if (w->b.len) ng_out_write(w->o, w->b.ptr, w->b.len);
    ng_buf_clear(&w->b);
}

static void put(writer *w, const char *s) { ng_buf_puts(&w->b, s); }
static void esc(writer *w, const char *s) { report_html_escape(&w->b, s); }

static void num(writer *w, double v)
{
    char tmp[64];
    report_format_number(tmp, sizeof tmp, v);
    put(w, tmp);
}

/* An actor's name with its type's colour dot, and its type and mentions on hover. */
static void actor(writer *w, size_t i)
{
    const ng_node *n = ng_graph_node(w->g, i);
    const char *type = ng_etype_name(n->type);
    const char *name = n->label && n->label[0] ? n->label : n->id;
    ng_buf_printf(&w->b, "<span class=\"actor t-%s\" title=\"", type);
    esc(w, name); /* the whole name on hover, where a narrow column cuts it */
    ng_buf_printf(&w->b, " (%s, %u mention%s)\">", type, n->mentions, n->mentions == 1 ? "" : "s");
    esc(w, name);
    put(w, "</span>");
}

/* A relation pill; `weight` > 1 adds the mention count. The name may break after its
 * underscore in a narrow matrix column. */
static void rel(writer *w, ng_rel r, uint32_t weight)
{
    const char *name = ng_rel_name(r), *us = strchr(name, '_');
    ng_buf_printf(&w->b, "<span class=\"rel%s\">", ng_rel_hostile(r) ? " hostile" : "");
    if (us) ng_buf_printf(&w->b, "%.*s<wbr />%s", (int)(us - name + 1), name, us + 1);
    else put(w, name);
    if (weight > 1) ng_buf_printf(&w->b, "<b>%u</b>", weight);
    put(w, "</span>");
}

/* A '|'-separated list of article ids as a comma-separated list, at most `max` shown. */
static void id_list(writer *w, const char *list, size_t max)
{
    size_t shown = 0, total = report_count_parts(list);
    const char *p = list ? list : "";
    ng_buf tmp = NG_BUF_INIT;
    put(w, "<span class=\"src\">");
    while (*p && shown < max) {
        size_t n = strcspn(p, "|");
        ng_buf_clear(&tmp);
        ng_buf_put(&tmp, p, n);
        if (shown) put(w, ", ");
        esc(w, tmp.ptr ? tmp.ptr : "");
        shown++;
        p += n;
        if (*p == '|') p++;
    }
    if (total > shown) ng_buf_printf(&w->b, " and %zu more", total - shown);
    put(w, "</span>");
    if (tmp.oom) w->b.oom = 1;
    ng_buf_free(&tmp);
}

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

/* " N relations of other types (member_of, ...) are not listed: --show-relations ..." for the
 * timeline and the evidence, naming the types the graph has and the lists leave out. */
static void unlisted_note(writer *w)
{
    const report_model *m = w->m;
    size_t k = 0;
    if (m->n_unlisted == 0) return;
    ng_buf_printf(&w->b, " The %zu relation%s of ", m->n_unlisted, plural(m->n_unlisted));
    for (ng_rel r = 0; r < ng_rel_count(); r++) {
        if (report_lists_rel(m, r) || m->edges_by_rel[r] == 0) continue;
        if (k++) put(w, ", ");
        ng_buf_printf(&w->b, "<em>%s</em>", ng_rel_name(r)); /* [a-z0-9_]: nothing to escape */
    }
    put(w, " are not listed here (<code>--show-relations</code> chooses the types).");
}

/* An article cited: its title (else its id) linked to its URL when that is an http(s) link. */
static void cite(writer *w, const char *id, const char *title, const char *url)
{
    int link = report_link_ok(url);
    put(w, "<cite>");
    if (link) {
        put(w, "<a href=\"");
        esc(w, url);
        put(w, "\">");
    }
    esc(w, title && *title ? title : id);
    put(w, link ? "</a></cite>" : "</cite>");
}

/* The articles an edge keeps (its sample, earliest first), each cited, and how many more. */
static void source_list(writer *w, const ng_edge *e)
{
    size_t total = report_edge_articles(e);
    if (e->n_srcs == 0) {
        id_list(w, e->sources, 12);
        return;
    }
    put(w, "<span class=\"src\">");
    for (size_t k = 0; k < e->n_srcs; k++) {
        const ng_source *s = &e->srcs[k];
        if (k) put(w, "; ");
        cite(w, s->id, s->title, s->url);
        if (s->date[0]) {
            put(w, " (");
            esc(w, s->date);
            put(w, ")");
        }
    }
    if (total > e->n_srcs) ng_buf_printf(&w->b, " and %zu more", total - e->n_srcs);
    put(w, "</span>");
}

/* ---------------------------------------------------------------- sections */

static void head(writer *w)
{
    const report_model *m = w->m;
    char range[64];
    put(w, "<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n"
           "<head>\n<meta charset=\"utf-8\" />\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    ng_buf_printf(&w->b, "<meta name=\"generator\" content=\"newsgraph %s\" />\n<title>",
                  NG_VERSION);
    esc(w, m->title);
    put(w, "</title>\n<style>\n");
    put(w, css);
    put(w, "</style>\n</head>\n<body>\n<header class=\"top\"><div class=\"wrap\">\n<h1>");
    esc(w, m->title);
    put(w, "</h1>\n<p class=\"sub\">");
    ng_buf_printf(&w->b, "%zu article%s &#183; %zu actor%s &#183; %zu relation%s", m->run.articles,
                  plural(m->run.articles), m->n_nodes, plural(m->n_nodes), m->n_edges,
                  plural(m->n_edges));
    if (m->first_date[0]) {
        report_date_range(range, sizeof range, m->first_date, m->last_date);
        put(w, " &#183; events dated ");
        put(w, range);
    }
    put(w, "</p>\n<nav class=\"toc\">"
           "<a href=\"#summary\">Summary</a><a href=\"#picture\">Graph</a>"
           "<a href=\"#centrality\">Central actors</a><a href=\"#communities\">Communities</a>"
           "<a href=\"#matrix\">Who did what to whom</a><a href=\"#timeline\">Timeline</a>"
           "<a href=\"#evidence\">Evidence</a><a href=\"#definitions\">Definitions</a>"
           "</nav>\n</div></header>\n<main class=\"wrap\">\n");
}

static void tile(writer *w, size_t n, const char *label)
{
    ng_buf_printf(&w->b, "<div class=\"tile\"><span class=\"n\">%zu</span>"
                         "<span class=\"l\">%s</span></div>\n", n, label);
}

static void summary(writer *w)
{
    const report_model *m = w->m;
    put(w, "<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"lead\">What the articles "
           "gave: actors (nodes) and relations (edges), each relation merged over every "
           "sentence that asserts it.</p>\n<div class=\"tiles\">\n");
    tile(w, m->run.articles, "articles read");
    tile(w, m->n_nodes, "actors");
    tile(w, m->n_edges, "relations");
    tile(w, (size_t)m->mentions, "supporting mentions");
    tile(w, m->n_communities, "communities");
    tile(w, m->n_components, "connected parts");
    put(w, "</div>\n");
    if (m->run.skipped)
        ng_buf_printf(&w->b, "<p class=\"muted\">%zu input%s skipped (reported on standard "
                             "error when the report was made).</p>\n",
                      m->run.skipped, plural(m->run.skipped));
    put(w, "<div class=\"cols\">\n<table>\n<thead><tr><th>Actor type</th>"
           "<th class=\"num\">Actors</th><th class=\"num\">Share</th></tr></thead>\n<tbody>\n");
    for (int t = 0; t < NG_ETYPE__COUNT; t++) {
        const char *name = ng_etype_name((ng_etype)t);
        size_t n = m->nodes_by_type[t];
        ng_buf_printf(&w->b, "<tr><td><span class=\"swatch t-%s\"></span>%s</td>"
                             "<td class=\"num\">%zu</td><td class=\"num\">%.0f%%</td></tr>\n",
                      name, name, n, m->n_nodes ? 100.0 * (double)n / (double)m->n_nodes : 0.0);
    }
    put(w, "</tbody>\n</table>\n<table>\n<thead><tr><th>Relation</th>"
           "<th class=\"num\">Relations</th><th class=\"num\">Mentions</th></tr></thead>\n"
           "<tbody>\n");
    for (ng_rel r = 0; r < ng_rel_count(); r++) {
        if (!report_shows_rel(m, r)) continue;
        put(w, "<tr><td>");
        rel(w, r, 0);
        ng_buf_printf(&w->b, "</td><td class=\"num\">%zu</td><td class=\"num\">%llu</td></tr>\n",
                      m->edges_by_rel[r], (unsigned long long)m->mentions_by_rel[r]);
    }
    put(w, "</tbody>\n</table>\n</div>\n</section>\n");
}

/* One line style of the picture, drawn at the page's text size, and the relations it means
 * (names from the relation table: [a-z0-9_], nothing to escape). */
static void legend_item(writer *w, const char *style, int arrow, unsigned props, int plain)
{
    const report_model *m = w->m;
    size_t k = 0;
    ng_buf_printf(&w->b, "<li><svg width=\"44\" height=\"10\" aria-hidden=\"true\">"
                         "<line x1=\"2\" y1=\"5\" x2=\"%d\" y2=\"5\" %s/>%s</svg>",
                  arrow ? 34 : 42, style,
                  arrow ? "<path d=\"M34 1 L42 5 L34 9 Z\" fill=\"#666666\"/>" : "");
    for (ng_rel r = 0; r < ng_rel_count(); r++) {
        int match = props ? ((props & NG_REL_IS_SYMMETRIC) ? ng_rel_symmetric(r) : ng_rel_hostile(r))
                          : !ng_rel_symmetric(r) && !ng_rel_hostile(r);
        if (!report_shows_rel(m, r) || !match || (plain && ng_rel_hostile(r))) continue;
        ng_buf_printf(&w->b, "%s%s", k++ ? ", " : "", ng_rel_name(r));
    }
    put(w, "</li>");
}

/* The picture's key, in the page's type (the drawing's own legend shrinks with it). */
static void legend(writer *w)
{
    put(w, "<ul class=\"legend\" aria-label=\"Line styles\">");
    legend_item(w, "stroke=\"#666666\" stroke-width=\"2\"", 1, 0, 0);
    legend_item(w, "stroke=\"#666666\" stroke-width=\"2\"", 0, NG_REL_IS_SYMMETRIC, 1);
    legend_item(w, "stroke=\"#C0392B\" stroke-width=\"2\" stroke-dasharray=\"5 3\"", 1,
                NG_REL_IS_HOSTILE, 0);
    put(w, "<li>line width: supporting mentions</li></ul>\n");
}

static void picture(writer *w)
{
    const report_model *m = w->m;
    put(w, "<section id=\"picture\">\n<h2>The graph</h2>\n");
    if (m->svg) {
        put(w, "<figure>\n");
        put(w, m->svg);
        put(w, "<figcaption id=\"picture-caption\">");
        esc(w, m->picture_note);
        put(w, "</figcaption>\n</figure>\n");
        legend(w);
    } else {
        put(w, "<p class=\"note\" id=\"picture-caption\">");
        esc(w, m->picture_note ? m->picture_note : "No picture.");
        put(w, "</p>\n");
    }
    put(w, "</section>\n");
}

static void centrality(writer *w)
{
    const report_model *m = w->m;
    put(w, "<section id=\"centrality\">\n<h2>Central actors</h2>\n<p class=\"lead\">The top "
           "actors by each centrality, computed on the undirected weighted projection (one "
           "link per pair of actors, weight = all their supporting mentions). Definitions are "
           "at the end of the report.</p>\n<div class=\"cards\">\n");
    for (int mt = 0; mt < REPORT_METRIC__COUNT; mt++) {
        const report_metric_info *info = report_metric_get((report_metric)mt);
        ng_buf_printf(&w->b, "<div class=\"card\" id=\"top-%s\">\n<h3>%s</h3>\n"
                             "<p class=\"q\">%s</p>\n", info->name, info->title, info->question);
        if (m->n_top[mt] == 0) {
            put(w, "<p class=\"muted\">Every actor scores 0: there are no relations.</p>\n"
                   "</div>\n");
            continue;
        }
        double max = report_metric_value(ng_graph_node(w->g, m->top[mt][0]), (report_metric)mt);
        put(w, "<table>\n<tbody>\n");
        for (size_t i = 0; i < m->n_top[mt]; i++) {
            size_t node = m->top[mt][i];
            double v = report_metric_value(ng_graph_node(w->g, node), (report_metric)mt);
            ng_buf_printf(&w->b, "<tr><td class=\"rank\">%zu</td><td>", i + 1);
            actor(w, node);
            ng_buf_printf(&w->b, "<div class=\"bar\"><span style=\"width:%.1f%%\"></span></div>"
                                 "</td><td class=\"num\">",
                          max > 0 ? 100.0 * v / max : 0.0);
            num(w, v);
            put(w, "</td></tr>\n");
        }
        put(w, "</tbody>\n</table>\n</div>\n");
    }
    /* Seven cards leave a gap in a grid of three: fill it with how to read them. */
    put(w, "<div class=\"card guide\">\n<h3>Reading the rankings</h3>\n<dl>\n"
           "<dt>Activity</dt><dd><em>Degree</em> counts partners, <em>strength</em> the "
           "mentions behind them: who the articles show dealing with others most.</dd>\n"
           "<dt>Brokerage</dt><dd><em>Betweenness</em> is high for actors on the paths between "
           "groups that are otherwise far apart.</dd>\n"
           "<dt>Reach</dt><dd><em>Closeness</em> is ranked inside the largest connected part "
           "only (elsewhere the members of a small separate pair would top it); "
           "<em>harmonic</em> centrality compares reach across the whole graph.</dd>\n"
           "<dt>Influence</dt><dd><em>PageRank</em> and <em>eigenvector</em> centrality favour "
           "actors linked to actors that are themselves central.</dd>\n"
           "</dl>\n</div>\n</div>\n</section>\n");
}

#define CHIPS_MAX 80

static void communities(writer *w)
{
    const report_model *m = w->m;
    put(w, "<section id=\"communities\">\n<h2>Communities</h2>\n<p class=\"lead\">Groups of "
           "actors more densely linked to each other than to the rest (Leiden, modularity), "
           "most central member first. The id is the <code>community</code> attribute in every "
           "export.</p>\n");
    if (m->n_communities == 0)
        put(w, "<p class=\"muted\">No community has more than one actor.</p>\n");
    for (size_t c = 0; c < m->n_communities; c++) {
        const report_community *cm = &m->communities[c];
        ng_buf_printf(&w->b, "<div class=\"community\">\n<h3>Community %zu"
                             "<span class=\"meta\">%zu actors &#183; %zu relation%s inside "
                             "&#183; id %d</span></h3>\n<div class=\"chips\">",
                      c + 1, cm->n, cm->n_edges, plural(cm->n_edges), cm->id);
        for (size_t i = 0; i < cm->n && i < CHIPS_MAX; i++) {
            put(w, "<span class=\"chip\">");
            actor(w, cm->members[i]);
            put(w, "</span>");
        }
        if (cm->n > CHIPS_MAX)
            ng_buf_printf(&w->b, "<span class=\"chip muted\">and %zu more</span>",
                          cm->n - CHIPS_MAX);
        put(w, "</div>\n</div>\n");
    }
    if (m->n_singletons) {
        ng_buf_printf(&w->b, "<div class=\"community\">\n<h3>On their own<span class=\"meta\">"
                             "%zu actor%s in no group (most have no relation)</span></h3>\n"
                             "<div class=\"chips\">",
                      m->n_singletons, plural(m->n_singletons));
        for (size_t i = 0; i < m->n_singletons && i < CHIPS_MAX; i++) {
            put(w, "<span class=\"chip\">");
            actor(w, m->singletons[i]);
            put(w, "</span>");
        }
        if (m->n_singletons > CHIPS_MAX)
            ng_buf_printf(&w->b, "<span class=\"chip muted\">and %zu more</span>",
                          m->n_singletons - CHIPS_MAX);
        put(w, "</div>\n</div>\n");
    }
    put(w, "</section>\n");
}

static void matrix(writer *w)
{
    const report_model *m = w->m;
    size_t n = m->n_matrix;
    put(w, "<section id=\"matrix\">\n<h2>Who did what to whom</h2>\n<p class=\"lead\">The "
           "relations between the actors with the most partners: each row acted on each "
           "column (the number counts supporting mentions when above one). ");
    report_mutual_names(&w->b, m, "<em>", "</em>");
    put(w, " are mutual and appear on both sides.</p>\n");
    if (n == 0) {
        put(w, "<p class=\"muted\">No relations between actors.</p>\n</section>\n");
        return;
    }
    put(w, "<div class=\"scroll\">\n<table class=\"matrix\">\n<thead><tr><th>"
           "<span class=\"muted\">row &#8594; column</span></th>");
    for (size_t c = 0; c < n; c++) {
        put(w, "<th>");
        actor(w, m->matrix[c]);
        put(w, "</th>");
    }
    put(w, "</tr></thead>\n<tbody>\n");
    for (size_t r = 0; r < n; r++) {
        put(w, "<tr><th>");
        actor(w, m->matrix[r]);
        put(w, "</th>");
        for (size_t c = 0; c < n; c++) {
            const report_cell *cell = &m->cells[r * n + c];
            int any = 0;
            for (ng_rel k = 0; k < ng_rel_count(); k++) any |= cell->weight[k] > 0;
            put(w, r == c && !any ? "<td class=\"self\">" : any ? "<td class=\"on\">" : "<td>");
            for (ng_rel k = 0; k < ng_rel_count(); k++)
                if (cell->weight[k]) rel(w, k, cell->weight[k]);
            put(w, "</td>");
        }
        put(w, "</tr>\n");
    }
    put(w, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void timeline(writer *w)
{
    const report_model *m = w->m;
    put(w, "<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"lead\">Dated relations by "
           "the date of their earliest evidence");
    if (m->n_timeline < m->n_dated)
        ng_buf_printf(&w->b, "; the %zu best-supported of %zu dated relations", m->n_timeline,
                      m->n_dated);
    ng_buf_printf(&w->b, ". %zu of %zu relation%s carry a date.", m->n_dated, m->n_edges,
                  plural(m->n_edges));
    unlisted_note(w);
    put(w, "</p>\n");
    if (m->n_timeline == 0) {
        put(w, "<p class=\"muted\">No dated relations: articles give dates in a first line "
               "<code>date YYYY-MM-DD</code> or a CSV <code>date</code> column.</p>\n"
               "</section>\n");
        return;
    }
    put(w, "<div class=\"scroll\">\n<table class=\"stack\">\n<thead><tr><th>Date</th><th>Source</th>"
           "<th>Relation</th><th>Target</th><th class=\"num\">Mentions</th><th>Articles</th>"
           "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < m->n_timeline; i++) {
        const ng_edge *e = ng_graph_edge(w->g, m->timeline[i]);
        ng_buf_printf(&w->b, "<tr><td class=\"date\">%s", e->first_date);
        if (e->last_date[0] && strcmp(e->last_date, e->first_date) != 0)
            ng_buf_printf(&w->b, "<br /><span class=\"muted\">to %s</span>", e->last_date);
        put(w, "</td><td>");
        actor(w, e->source);
        put(w, "</td><td>");
        rel(w, e->rel, 0);
        put(w, "</td><td>");
        actor(w, e->target);
        ng_buf_printf(&w->b, "</td><td class=\"num\" data-l=\"mentions\">%u</td>"
                             "<td data-l=\"articles\">",
                      e->weight);
        id_list(w, e->sources, 6);
        put(w, "</td></tr>\n");
        if (i % 64 == 63) flush(w);
    }
    put(w, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void evidence(writer *w)
{
    const report_model *m = w->m;
    char range[64];
    put(w, "<section id=\"evidence\">\n<h2>Evidence for the strongest relations</h2>\n"
           "<p class=\"lead\">The relations with the most supporting mentions, each with the "
           "sentences that assert it and the articles they come from");
    ng_buf_printf(&w->b, " (at most %d sentences per relation are kept).",
                  NG_GRAPH_MAX_EVIDENCE);
    unlisted_note(w);
    put(w, "</p>\n");
    if (m->n_top_edges == 0)
        put(w, "<p class=\"muted\">No relations were found in the articles.</p>\n");
    for (size_t i = 0; i < m->n_top_edges; i++) {
        const ng_edge *e = ng_graph_edge(w->g, m->top_edges[i]);
        size_t n_src = report_edge_articles(e);
        put(w, "<div class=\"edge\">\n<h3>");
        actor(w, e->source);
        put(w, " ");
        rel(w, e->rel, 0);
        put(w, " ");
        actor(w, e->target);
        report_date_range(range, sizeof range, e->first_date, e->last_date);
        ng_buf_printf(&w->b, "</h3>\n<p class=\"meta\">%u mention%s &#183; %zu article%s "
                             "&#183; %s</p>\n",
                      e->weight, plural(e->weight), n_src, plural(n_src), range);
        if ((w->error = ng_graph_edge_items(w->g, e, &w->items)) < 0) return;
        for (size_t k = 0; k < w->items.n; k++) {
            const ng_evidence *ev = &w->items.v[k];
            put(w, "<blockquote><p>");
            esc(w, ev->sentence);
            put(w, "</p><footer class=\"src\">");
            cite(w, ev->article, ev->title, ev->url);
            if (ev->date[0]) {
                put(w, " &#183; ");
                esc(w, ev->date);
            }
            put(w, "</footer></blockquote>\n");
        }
        if (w->items.n == 0 && e->evidence && e->evidence[0]) {
            put(w, "<blockquote><p>");
            esc(w, e->evidence);
            put(w, "</p></blockquote>\n");
        }
        put(w, "<p class=\"muted\">Articles: ");
        source_list(w, e);
        put(w, "</p>\n</div>\n");
        flush(w);
    }
    put(w, "</section>\n");
}

static void definitions(writer *w)
{
    put(w, "<section id=\"definitions\">\n<h2>Definitions</h2>\n<p class=\"lead\">Every "
           "metric is a node attribute of the same name in the GraphML, GEXF, CSV and JSON "
           "exports (<code>newsgraph build</code>), and a column of "
           "<code>newsgraph metrics</code>.</p>\n<dl class=\"defs\">\n");
    for (int mt = 0; mt < REPORT_METRIC__COUNT; mt++) {
        const report_metric_info *info = report_metric_get((report_metric)mt);
        ng_buf_printf(&w->b, "<dt>%s</dt><dd>%s</dd>\n", info->name, info->definition);
    }
    put(w, "<dt>in_degree, out_degree</dt><dd>directed relations received and made (");
    report_mutual_names(&w->b, w->m, "", "");
    put(w, " are mutual and count in neither)</dd>\n"
           "<dt>community</dt><dd>Leiden communities (modularity objective, seeded: the same "
           "input gives the same groups)</dd>\n"
           "<dt>weight</dt><dd>supporting mentions of a relation: sentences, over all "
           "articles, that assert it</dd>\n</dl>\n</section>\n");
}

int report_write_html(const report_model *m, const char *path)
{
    int error;
    writer w = {.m = m, .g = m->g, .b = NG_BUF_INIT};
    if ((error = ng_out_open(&w.o, path, 0)) < 0) return error;
    head(&w);
    summary(&w);
    picture(&w);
    flush(&w);
    centrality(&w);
    communities(&w);
    flush(&w);
    matrix(&w);
    flush(&w);
    timeline(&w);
    flush(&w);
    evidence(&w);
    definitions(&w);
    ng_buf_printf(&w.b, "</main>\n<footer>Made with newsgraph %s from %zu article%s. The "
                        "graph behind this report: <code>newsgraph build</code> with the same "
                        "inputs.</footer>\n</body>\n</html>\n",
                  NG_VERSION, m->run.articles, plural(m->run.articles));
    ng_items_free(&w.items);
    if (w.error < 0) {
        ng_buf_free(&w.b);
        ng_out_free(w.o);
        return w.error;
    }
    if (w.b.oom) {
        ng_buf_free(&w.b);
        ng_out_free(w.o);
        ng_error_set("%s: out of memory while writing the report", path);
        return NG_ENOMEM;
    }
    flush(&w);
    ng_buf_free(&w.b);
    error = ng_out_commit(w.o);
    ng_out_free(w.o);
    return error;
}
