/* text.c - escaping text from articles for the report's HTML and Markdown.
 *
 * Article text reaches the report through the graph (labels, aliases, evidence sentences,
 * article ids) and is never trusted: every string is decoded as UTF-8 (invalid bytes become
 * U+FFFD), characters XML 1.0 forbids or HTML5 reports as parse errors (C0 and C1 controls
 * but tab and newline, noncharacters) are dropped, and the markup characters of the target
 * format are escaped. */
#include "report_internal.h"

#include <string.h>

/* Decodes one UTF-8 character of s[0..len); invalid, overlong, surrogate or truncated
 * sequences give U+FFFD and consume one byte. */
static uint32_t next_char(const unsigned char *s, size_t len, size_t *adv)
{
    uint32_t c = s[0];
    size_t n;
    uint32_t min;
    *adv = 1;
    if (c < 0x80) return c;
    if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80, c &= 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800, c &= 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000, c &= 0x07;
    else return 0xFFFD;
    if (len < n) return 0xFFFD;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0xFFFD;
        c = c << 6 | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0xFFFD;
    *adv = n;
    return c;
}

/* Characters that never go into the report. */
static int unwanted(uint32_t c)
{
    if (c < 0x20) return c != '\t' && c != '\n';
    if (c >= 0x7F && c <= 0x9F) return 1;
    if (c >= 0xFDD0 && c <= 0xFDEF) return 1;
    return (c & 0xFFFE) == 0xFFFE;
}

typedef enum { MODE_HTML, MODE_MD } escape_mode;

static void put_escaped(ng_buf *b, const char *s, escape_mode mode)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t len = strlen((const char *)p), i = 0;
    while (i < len) {
        size_t adv;
        uint32_t c = next_char(p + i, len - i, &adv);
        const unsigned char *raw = p + i;
        i += adv;
        if (unwanted(c)) continue;
        if (c == 0xFFFD && adv == 1) {
            ng_buf_puts(b, "\xEF\xBF\xBD");
            continue;
        }
        switch (c) {
        case '&': ng_buf_puts(b, "&amp;"); continue;
        case '<': ng_buf_puts(b, "&lt;"); continue;
        case '>': ng_buf_puts(b, "&gt;"); continue;
        default: break;
        }
        if (mode == MODE_HTML) {
            if (c == '"') { ng_buf_puts(b, "&quot;"); continue; }
            if (c == '\'') { ng_buf_puts(b, "&#39;"); continue; }
        } else {
            /* One table cell or list line: no line breaks, no table pipes, no emphasis,
             * links, code spans or headings made of article text. */
            if (c == '\n' || c == '\t') { ng_buf_putc(b, ' '); continue; }
            if (c < 0x80 && strchr("\\`*_[]|#~", (int)c)) {
                ng_buf_putc(b, '\\');
                ng_buf_putc(b, (char)c);
                continue;
            }
        }
        ng_buf_put(b, (const char *)raw, adv);
    }
}

void report_html_escape(ng_buf *b, const char *s) { put_escaped(b, s, MODE_HTML); }

void report_md_escape(ng_buf *b, const char *s) { put_escaped(b, s, MODE_MD); }
