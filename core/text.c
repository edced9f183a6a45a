/* text.c - folding text into comparison keys (case, Latin accents, punctuation variants), and
 * making text printable on one terminal line (ng_text_printable). */
#include "ng_core.h"

#include "fold_table.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s[0..len); returns its length (>= 1) and the code point, or
 * length 1 and cp = -1 for an invalid byte. */
static size_t utf8_decode(const unsigned char *s, size_t len, long *cp)
{
    unsigned c = s[0];
    size_t n;
    long v;
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; }
    else { *cp = -1; return 1; }
    if (n > len) { *cp = -1; return 1; }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = -1; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return n;
}

static int is_space_cp(long cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

int ng_text_fold(ng_buf *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    /* The output is never longer than the input (every fold maps a sequence to at most as many
     * bytes), so one reservation lets the loop write directly: this runs for every token. */
    if (ng_buf_grow(out, len) < 0) return NG_ENOMEM;
    char *w = out->ptr + out->len;
    char *const begin = w;
    int pending_space = 0;
    size_t i = 0;
    while (i < len) {
        /* eight bytes at a time while they are printable ASCII (0x20..0x7E) without two
         * spaces in a row: then the fold only lowers A-Z and keeps single spaces, and the
         * pending-space rule is applied at the block's edges */
        if (i + 8 <= len) {
            const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
            uint64_t x;
            memcpy(&x, p + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            x = __builtin_bswap64(x); /* byte i + k at bits 8k */
#endif
            if (!((x - ones * 0x20) & ~x & highs) && !(((x + ones) | x) & highs)) {
                uint64_t y = x ^ (ones * ' ');
                uint64_t sp = ~(((y & ~highs) + ~highs) | y | ~highs); /* 0x80 at spaces */
                int first_sp = (int)(sp & 0x80);
                if (!(sp & (sp << 8)) && (!first_sp || (!pending_space && w > begin))) {
                    if (!first_sp) {
                        if (pending_space && w > begin) *w++ = ' ';
                    }
                    uint64_t ge_a = x + ones * (0x80 - 'A'), ge_z1 = x + ones * (0x80 - 'Z' - 1);
                    x |= ((ge_a & ~ge_z1) & highs) >> 2; /* A-Z get 0x20 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
                    x = __builtin_bswap64(x);
#endif
                    memcpy(w, &x, 8); /* w + 8 <= begin + i + 8: the output never runs ahead */
                    pending_space = (int)(sp >> 63); /* a final space waits for the next word */
                    w += 8 - pending_space;
                    i += 8;
                    continue;
                }
            }
        }
        unsigned c = p[i];
        if (c < 0x80) { /* other ASCII: spaces and controls */
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                pending_space = 1;
            } else {
                if (pending_space && w > begin) *w++ = ' ';
                pending_space = 0;
                *w++ = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            }
            i++;
            continue;
        }
        long cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        const char *rep = NULL;
        if (cp < 0 || cp == 0xAD || cp == 0x200B || cp == 0xFEFF) { /* invalid, soft hyphen, ZW */
            i += n;
            continue;
        }
        if (is_space_cp(cp)) {
            pending_space = 1;
            i += n;
            continue;
        }
        if (cp >= NG_FOLD_FIRST && cp <= NG_FOLD_LAST && ng_fold_table[cp - NG_FOLD_FIRST][0]) {
            rep = ng_fold_table[cp - NG_FOLD_FIRST];
        } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032 || cp == 0xB4 ||
                   cp == 0x2BC) {
            rep = "'";
        } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB) {
            rep = "\"";
        } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) {
            rep = "-";
        }
        if (pending_space && w > begin) *w++ = ' ';
        pending_space = 0;
        if (rep) {
            size_t m = strlen(rep);
            NG_ASSERT(m <= n);
            memcpy(w, rep, m);
            w += m;
        } else {
            memcpy(w, s + i, n);
            w += n;
        }
        i += n;
    }
    out->len = (size_t)(w - out->ptr);
    out->ptr[out->len] = '\0';
    return NG_OK;
}

/* ------------------------------------------------------------------ printable */

/* Characters a terminal would act on, or that would change how the line reads: C0 and C1
 * controls, DEL, and the bidirectional overrides and isolates (a file name with U+202E reads
 * backwards). */
static int acts_on_terminal(long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/* The escape of one character or invalid byte, in esc (at most 7 bytes and a NUL). */
static size_t escape_one(char esc[8], long cp, unsigned char byte)
{
    if (cp == '\n') return (size_t)snprintf(esc, 8, "\\n");
    if (cp == '\r') return (size_t)snprintf(esc, 8, "\\r");
    if (cp == '\t') return (size_t)snprintf(esc, 8, "\\t");
    if (cp < 0) return (size_t)snprintf(esc, 8, "\\x%02x", byte); /* an invalid byte */
    if (cp < 0x80) return (size_t)snprintf(esc, 8, "\\x%02x", (unsigned)cp);
    return (size_t)snprintf(esc, 8, "\\u%04lx", (unsigned long)cp);
}

#define CUT_MARK "..."

int ng_text_printable(char *dst, size_t cap, const char *src, size_t len, int cut)
{
    const unsigned char *s = (const unsigned char *)src;
    const size_t mark = sizeof CUT_MARK - 1;
    size_t used = 0, fits_with_mark = 0, i = 0;
    if (cap == 0) return 1;
    if (cut) { /* the text was already cut: drop a character cut in two */
        size_t k = len;
        while (k > 0 && len - k < 3 && (s[k - 1] & 0xC0) == 0x80)
            k--;
        if (k > 0 && s[k - 1] >= 0xC0) len = k - 1;
    }
    while (i < len) {
        long cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        char esc[8];
        const char *piece = src + i;
        size_t plen = n;
        if (cp < 0 || acts_on_terminal(cp)) {
            plen = escape_one(esc, cp, s[i]);
            piece = esc;
        }
        if (used + plen > cap - 1) {
            cut = 1;
            break;
        }
        memcpy(dst + used, piece, plen);
        used += plen;
        if (used + mark <= cap - 1) fits_with_mark = used;
        i += n;
    }
    if (cut) {
        used = fits_with_mark;
        if (used + mark <= cap - 1) {
            memcpy(dst + used, CUT_MARK, mark);
            used += mark;
        }
    }
    dst[used] = '\0';
    return cut;
}
