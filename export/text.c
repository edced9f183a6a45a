/* text.c - UTF-8 repair, locale-independent numbers and XML escaping for the writers. */
#include "export_internal.h"

#include <stdarg.h>

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

/* ------------------------------------------------------------------ numbers
 *
 * The writers format millions of numbers; printf's machinery (format parsing, locale) costs
 * more than the rest of a field. Integers are written by hand; a real that holds an integer
 * (edge weights) too. Other reals keep the snprintf/strtod round trip, searched by bisection:
 * "the p-digit rounding reads back to v" is monotone in p (the closest (p+1)-digit decimal is
 * never farther from v than the closest p-digit one), so the smallest such p is the one the
 * linear search 1..17 finds, and the bytes are the same. */

size_t ng_export__utoa(char *out, unsigned long long v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return n;
}

size_t ng_export__itoa(char *out, long long v)
{
    if (v >= 0) return ng_export__utoa(out, (unsigned long long)v);
    out[0] = '-';
    return 1 + ng_export__utoa(out + 1, 0ULL - (unsigned long long)v);
}

void ng_export__put_uint(ng_buf *b, unsigned long long v)
{
    char num[24];
    ng_export__put(b, num, ng_export__utoa(num, v));
}

void ng_export__put_int(ng_buf *b, long long v)
{
    char num[24];
    ng_export__put(b, num, ng_export__itoa(num, v));
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

/* What "%.{p}g" prints for the integer |v| < 2^53 at the smallest p that reads back: p is
 * the number of significant digits s (fewer digits give another integer, which is exactly
 * representable below 2^53, or a double >= 2^53). %g then uses the exponent form when the
 * exponent d - 1 is >= p, i.e. when the integer ends in zeros. */
static size_t real_integer(char out[32], double v)
{
    char dig[24];
    size_t n = 0;
    unsigned long long u = (unsigned long long)(v < 0 ? -v : v);
    if (v < 0) out[n++] = '-';
    size_t d = ng_export__utoa(dig, u), s = d;
    while (s > 1 && dig[s - 1] == '0') s--;
    if (d == s) {
        memcpy(out + n, dig, d);
        n += d;
    } else {
        out[n++] = dig[0];
        if (s > 1) {
            out[n++] = '.';
            memcpy(out + n, dig + 1, s - 1);
            n += s - 1;
        }
        out[n++] = 'e';
        out[n++] = '+';
        size_t x = d - 1; /* 1..15 */
        out[n++] = (char)('0' + x / 10);
        out[n++] = (char)('0' + x % 10);
    }
    out[n] = '\0';
    return n;
}

size_t ng_export__real(char out[32], double v)
{
    out[0] = '\0';
    if (!isfinite(v)) return 0;
    if (v == 0.0) { /* drops the sign of -0 */
        out[0] = '0';
        out[1] = '\0';
        return 1;
    }
    if (v > -9007199254740992.0 && v < 9007199254740992.0 && v == (double)(long long)v)
        return real_integer(out, v);
    /* The shortest %g that reads back as v; at most 17 digits, so at most 24 characters
     * ("-1.2345678901234567e-308"). The length checks keep GCC's truncation warning quiet. */
    char buf[32];
    int lo = 1, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int k = snprintf(buf, sizeof buf, "%.*g", mid, v);
        if (k > 0 && k < (int)sizeof buf && strtod(buf, NULL) == v) hi = mid;
        else lo = mid + 1;
    }
    int k = snprintf(buf, sizeof buf, "%.*g", lo, v);
    if (k <= 0 || k >= (int)sizeof buf) return 0;
    to_c_decimal_point(buf);
    size_t n = strlen(buf);
    memcpy(out, buf, n + 1);
    return n;
}

size_t ng_export__fixed2(char out[32], double v)
{
    if (!isfinite(v) || v < 0) v = 0;
    if (v > 1e12) v = 1e12;
    long long hundredths = llround(v * 100.0);
    size_t n = ng_export__itoa(out, hundredths / 100);
    long long frac = hundredths % 100;
    out[n++] = '.';
    out[n++] = (char)('0' + frac / 10);
    out[n++] = (char)('0' + frac % 10);
    out[n] = '\0';
    return n;
}

void ng_export__tag_set(ng_export_tag *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->text, sizeof t->text, fmt, ap);
    va_end(ap);
    NG_ASSERT(n >= 0 && (size_t)n < sizeof t->text);
    t->len = (size_t)n;
}

/* ------------------------------------------------------------------ XML escaping */

/* The bytes that end a plain run, per format (export_internal.h). */
#define ALL 0x3F
#define TAB (NG_STOP_XML_ATTR | NG_STOP_DOT | NG_STOP_JSON)
#define LF (NG_STOP_XML_ATTR | NG_STOP_DOT | NG_STOP_JSON)
#define CR (NG_STOP_XML_TEXT | NG_STOP_XML_ATTR | NG_STOP_DOT | NG_STOP_JSON)
#define QUOTE (NG_STOP_XML_ATTR | NG_STOP_CSV_QUOTED | NG_STOP_DOT | NG_STOP_JSON)
#define AMP (NG_STOP_XML_TEXT | NG_STOP_XML_ATTR | NG_STOP_DOT)
#define ANGLE (NG_STOP_XML_TEXT | NG_STOP_XML_ATTR)
#define BSLASH (NG_STOP_DOT | NG_STOP_JSON)
#define A8 ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL
#define Z8 0, 0, 0, 0, 0, 0, 0, 0
const unsigned char ng_export__stop[256] = {
    ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL, TAB, LF, ALL, ALL, CR, ALL, ALL, /* 0x00 */
    A8, A8,                                              /* 0x10 */
    0, 0, QUOTE, 0, 0, 0, AMP, 0, Z8,                    /* 0x20: " & */
    Z8, 0, 0, 0, 0, ANGLE, 0, ANGLE, 0,                  /* 0x30: < > */
    Z8, Z8,                                              /* 0x40 */
    Z8, 0, 0, 0, 0, BSLASH, 0, 0, 0,                     /* 0x50: \ */
    Z8, Z8,                                              /* 0x60 */
    Z8, 0, 0, 0, 0, 0, 0, 0, ALL,                        /* 0x70: DEL */
    A8, A8, A8, A8, A8, A8, A8, A8, A8, A8, A8, A8, A8, A8, A8, A8, /* 0x80-0xFF */
};
#undef ALL
#undef TAB
#undef LF
#undef CR
#undef QUOTE
#undef AMP
#undef ANGLE
#undef BSLASH
#undef A8
#undef Z8

void ng_xml__escape(ng_buf *b, const char *s, int in_attribute)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned stop = in_attribute ? NG_STOP_XML_ATTR : NG_STOP_XML_TEXT;
    unsigned quote = in_attribute ? '"' : '&';
    size_t i = 0, run = 0, len;

    if (!s) return;
    len = strlen(s);
    for (;;) {
        i = ng_export__skip_plain(u, i, len, '&', '<', '>', quote);
        while (!(ng_export__stop[u[i]] & stop)) i++;
        unsigned ch = u[i];
        const char *rep = "";
        size_t rn = 0, adv = 1;
        uint32_t c;
        if (ch == 0) break;
        if (ch >= 0x80) {
            switch (ng_export__non_ascii(s + i, &c, &adv)) {
            case NG_CHAR_INVALID:
                rep = NG_UTF8_REPLACEMENT_BYTES;
                rn = 3;
                break;
            case NG_CHAR_PLAIN:
                if (c != 0xFFFE && c != 0xFFFF) { /* XML 1.0 discourages these two */
                    i += adv; /* plain: part of the run */
                    continue;
                }
                break;
            default: break; /* C1: dropped */
            }
        } else {
            switch (ch) {
            case '&': rep = "&amp;"; rn = 5; break;
            case '<': rep = "&lt;"; rn = 4; break;
            case '>': rep = "&gt;"; rn = 4; break;
            case '"': rep = "&quot;"; rn = 6; break;
            case '\t': rep = "&#9;"; rn = 4; break;
            case '\n': rep = "&#10;"; rn = 5; break;
            case '\r': rep = "&#13;"; rn = 5; break;
            default: break; /* another control character or DEL: dropped */
            }
        }
        ng_export__put(b, s + run, i - run);
        ng_export__put(b, rep, rn);
        i += adv;
        run = i;
    }
    ng_export__put(b, s + run, i - run);
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

int ng_xml__ids_make(ng_xml_ids *x, const ng_graph *g)
{
    size_t n = ng_graph_node_count(g);
    x->text = (ng_buf)NG_BUF_INIT;
    if (!(x->at = malloc((n + 1) * sizeof *x->at))) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        x->at[i] = x->text.len;
        ng_xml__escape(&x->text, ng_graph_node(g, i)->id, 1);
    }
    x->at[n] = x->text.len;
    if (x->text.oom) {
        ng_xml__ids_free(x);
        return NG_ENOMEM;
    }
    return NG_OK;
}

void ng_xml__ids_free(ng_xml_ids *x)
{
    ng_buf_free(&x->text);
    free(x->at);
    x->at = NULL;
}

static void put_id(ng_buf *b, const ng_xml_ids *ids, size_t i)
{
    ng_export__put(b, ids->text.ptr + ids->at[i], ids->at[i + 1] - ids->at[i]);
}

void ng_xml__edge_open(ng_buf *b, const char *indent, const ng_xml_ids *ids, const ng_edge *e)
{
    ng_export__puts(b, indent);
    ng_export__puts(b, "<edge id=\"");
    ng_xml__escape(b, e->id, 1);
    ng_export__puts(b, "\" source=\"");
    put_id(b, ids, e->source);
    ng_export__puts(b, "\" target=\"");
    put_id(b, ids, e->target);
    ng_export__putc(b, '"');
}
