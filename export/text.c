/* text.c - UTF-8 repair, locale-independent numbers and XML escaping for the writers. */
#include "export_internal.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t ng_utf8__next(const char *s, size_t len, size_t *adv)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[0], min;
    size_t n;

    *adv = 1;
    if (c < 0x80) return c;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        return NG_UTF8_REPLACEMENT;
    }
    if (len < n) return NG_UTF8_REPLACEMENT;
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) return NG_UTF8_REPLACEMENT;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return NG_UTF8_REPLACEMENT;
    *adv = n;
    return c;
}

void ng_utf8__put(ng_buf *b, uint32_t c)
{
    char t[4];
    size_t n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    ng_buf_put(b, t, n);
}

/* snprintf and strtod follow LC_NUMERIC; the program may have called setlocale. Both sides
 * of the round trip use the same locale, and the decimal point is rewritten to '.'. */
static void to_c_decimal_point(char *s)
{
    const char *dp = localeconv()->decimal_point;
    if (!dp || (dp[0] == '.' && dp[1] == '\0')) return;
    size_t dl = strlen(dp);
    char *p = strstr(s, dp);
    if (!p || dl == 0) return;
    *p = '.';
    memmove(p + 1, p + dl, strlen(p + dl) + 1);
}

size_t ng_export__real(char out[32], double v)
{
    out[0] = '\0';
    if (!isfinite(v)) return 0;
    if (v == 0.0) v = 0.0; /* drops the sign of -0 */
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(out, 32, "%.*g", prec, v);
        if (strtod(out, NULL) == v) break;
    }
    to_c_decimal_point(out);
    return strlen(out);
}

size_t ng_export__fixed2(char out[32], double v)
{
    if (!isfinite(v) || v < 0) v = 0;
    if (v > 1e12) v = 1e12;
    long long hundredths = llround(v * 100.0);
    return (size_t)snprintf(out, 32, "%lld.%02lld", hundredths / 100, hundredths % 100);
}

/* Characters an XML 1.0 document must not (or should not) contain. */
static int xml_dropped(uint32_t c)
{
    if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
    if (c >= 0x7F && c <= 0x9F) return 1;
    return c == 0xFFFE || c == 0xFFFF;
}

void ng_xml__escape(ng_buf *b, const char *s, int in_attribute)
{
    size_t len = s ? strlen(s) : 0, run = 0, i = 0;

    /* Copies runs of plain bytes at once; stops at anything that needs a decision. */
    while (i < len) {
        unsigned char ch = (unsigned char)s[i];
        const char *rep = NULL;
        if (ch >= 0x20 && ch < 0x7F) {
            switch (ch) {
            case '&':
                rep = "&amp;";
                break;
            case '<':
                rep = "&lt;";
                break;
            case '>':
                rep = "&gt;";
                break;
            case '"':
                rep = in_attribute ? "&quot;" : NULL;
                break;
            default:
                break;
            }
            if (!rep) {
                i++;
                continue;
            }
            ng_buf_put(b, s + run, i - run);
            ng_buf_puts(b, rep);
            run = ++i;
            continue;
        }
        size_t adv;
        uint32_t c = ng_utf8__next(s + i, len - i, &adv);
        int plain = !xml_dropped(c) && !(c == NG_UTF8_REPLACEMENT && adv == 1 && ch >= 0x80) &&
                    !(c == '\r') && !(in_attribute && (c == '\t' || c == '\n'));
        if (plain) {
            i += adv;
            continue;
        }
        ng_buf_put(b, s + run, i - run);
        if (c == '\r' || c == '\t' || c == '\n')
            ng_buf_printf(b, "&#%u;", (unsigned)c);
        else if (c == NG_UTF8_REPLACEMENT)
            ng_utf8__put(b, c);
        /* else: dropped */
        i += adv;
        run = i;
    }
    ng_buf_put(b, s + run, i - run);
}

int ng_export__flush(ng_out *o, ng_buf *line, size_t threshold)
{
    if (line->oom) return NG_ENOMEM;
    if (line->len > threshold || (threshold == 0 && line->len)) {
        ng_out_write(o, line->ptr, line->len);
        ng_buf_clear(line);
    }
    return NG_OK;
}
