/* clean.c - raw article bytes to clean UTF-8 text, and web boilerplate removal.
 *
 * Decoding: when the bytes are valid UTF-8 they are read as such. When they are not, and
 * the invalid bytes outnumber the valid multi-byte sequences (text saved in Windows-1252),
 * the whole article is read as Windows-1252; otherwise each invalid byte is replaced by
 * U+FFFD. Either way `bad_bytes` counts the bytes that could not be decoded.
 * Normalization: CR LF and CR become LF; control characters, soft hyphens, zero-width
 * characters and byte-order marks go; every kind of space (no-break, thin, ...) becomes ' ';
 * curly apostrophes and quotes, guillemets and primes become ' and "; dashes become '-'
 * (an em or en dash between words gets spaces around it, so "peace—not war" keeps three
 * words); the ellipsis becomes "...". Single angle quotes (used as breadcrumb separators) become
 * '>' and '<'. */
#include "extract_internal.h"

#include <string.h>

static const uint16_t cp1252_hi[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* Length of a valid UTF-8 sequence at s (1..4) or 0 when invalid. */
static size_t utf8_valid(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    size_t len;
    uint32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
    } else
        return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* The decoder writes into `b` directly: every call first makes room for the most one code
 * point can produce (4 bytes), and the terminating NUL is written once at the end. */
static int room(ng_buf *b, size_t k)
{
    return b->len + k + 1 <= b->cap ? NG_OK : ng_buf_grow(b, k);
}

static void put_cp(ng_buf *b, uint32_t cp)
{
    char *u = b->ptr + b->len;
    if (cp < 0x80) {
        u[0] = (char)cp;
        b->len += 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        b->len += 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        b->len += 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        b->len += 4;
    }
}

static void put1(ng_buf *b, char c)
{
    b->ptr[b->len++] = c;
}

static int is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x1680;
}

static int is_digit_at_end(const ng_buf *b)
{
    return b->len > 0 && b->ptr[b->len - 1] >= '0' && b->ptr[b->len - 1] <= '9';
}

/* Does the text so far end with a letter (ASCII, or the last byte of a multi-byte
 * character, as in "Bogotá")? */
static int is_letter_end(const ng_buf *b)
{
    unsigned char c = (unsigned char)b->ptr[b->len - 1];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && c < 0xC0);
}

static int is_spaced_dash(uint32_t cp)
{
    return cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212;
}

/* The ASCII character a quote, prime, guillemet, angle quote or unbreakable hyphen becomes,
 * 0 for any other code point. */
static char plain_mark(uint32_t cp)
{
    switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x00B4:
        return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
        return '"';
    case 0x2039:
        return '<';
    case 0x203A:
        return '>';
    case 0x2010:
    case 0x2011:
        return '-';
    default:
        return 0;
    }
}

/* A dash: between digits a range, kept tight; elsewhere spaced. */
static void put_dash(ng_buf *b, uint32_t cp, uint32_t next)
{
    if ((cp == 0x2013 || cp == 0x2012) && is_digit_at_end(b) && next >= '0' && next <= '9') {
        put1(b, '-');
        return;
    }
    /* "the Forum for India–Pacific Islands Cooperation": an en dash between a letter and a
     * capital joins two names into one compound, as a hyphen does */
    if (cp == 0x2013 && b->len && is_letter_end(b) && next >= 'A' && next <= 'Z') {
        put1(b, '-');
        return;
    }
    if (b->len && b->ptr[b->len - 1] != ' ' && b->ptr[b->len - 1] != '\n') put1(b, ' ');
    put1(b, '-');
    if (next != ' ' && next != '\n' && next != 0 && !is_space_cp(next)) put1(b, ' ');
}

/* Emits one decoded code point with normalization. `next` is the following code point
 * (0 at the end); only dashes look at it. */
static int emit(ng_buf *b, uint32_t cp, uint32_t next)
{
    char c;
    if (room(b, 4) < 0) return NG_ENOMEM;
    if (cp == '\r' || cp == '\n') {
        put1(b, '\n');
    } else if (is_space_cp(cp)) {
        put1(b, ' ');
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
        /* controls */
    } else if (cp == 0xAD || cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060) {
        /* soft hyphen, byte-order mark, zero-width characters */
    } else if ((c = plain_mark(cp)) != 0) {
        put1(b, c);
    } else if (cp == 0x2026) {
        put1(b, '.');
        put1(b, '.');
        put1(b, '.');
    } else if (is_spaced_dash(cp)) {
        put_dash(b, cp, next);
    } else {
        put_cp(b, cp);
    }
    return NG_OK;
}

/* Printable ASCII (0x20..0x7E) passes through the normalization unchanged. */
static int plain_ascii(unsigned c)
{
    return c >= 0x20 && c < 0x7F;
}

/* Is the text Windows-1252 rather than UTF-8? When its invalid bytes outnumber its valid
 * multi-byte sequences. */
static int looks_cp1252(const unsigned char *s, size_t len)
{
    size_t invalid = 0, multi = 0, i;
    for (i = 0; i < len;) {
        uint32_t cp;
        /* ASCII runs, eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (v & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= len) break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_valid(s + i, len - i, &cp);
        if (!n) {
            invalid++;
            i++;
            continue;
        }
        if (n > 1) multi++;
        i += n;
    }
    return invalid > 0 && invalid > multi;
}

/* The Windows-1252 character at s[i] (*next: the following one, 0 at the end). */
static uint32_t cp1252_at(const unsigned char *s, size_t i, size_t len, uint32_t *next,
                          ng_clean_stats *st)
{
    unsigned c = s[i];
    uint32_t cp = c;
    if (c >= 0x80 && c < 0xA0) {
        cp = cp1252_hi[c - 0x80];
        if (!cp) {
            cp = 0xFFFD;
            st->bad_bytes++;
        }
    }
    if (i + 1 < len) {
        unsigned c2 = s[i + 1];
        *next = (c2 >= 0x80 && c2 < 0xA0) ? cp1252_hi[c2 - 0x80] : c2;
    }
    return cp;
}

/* Copies the run of printable ASCII at s[i] (it passes the normalization unchanged);
 * returns its end. */
static size_t copy_ascii(ng_buf *out, const unsigned char *s, size_t i, size_t len)
{
    size_t j = i + 1;
    /* eight bytes at a time while all are in 0x20..0x7E */
    for (; j + 8 <= len; j += 8) {
        const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        uint64_t x;
        memcpy(&x, s + j, 8);
        if (((x - ones * 0x20) & ~x & highs) || (((x + ones) | x) & highs)) break;
    }
    while (j < len && plain_ascii(s[j]))
        j++;
    if (room(out, j - i) < 0) return 0;
    memcpy(out->ptr + out->len, s + i, j - i);
    out->len += j - i;
    return j;
}

/* The UTF-8 character at s[i]: *n gets its length (an invalid byte is U+FFFD, one byte);
 * *next the following one when it is a dash (U+FFFD when that is invalid), else 0. */
static uint32_t utf8_at(const unsigned char *s, size_t i, size_t len, size_t *n, uint32_t *next,
                        ng_clean_stats *st)
{
    uint32_t cp;
    *n = utf8_valid(s + i, len - i, &cp);
    if (!*n) {
        *n = 1;
        cp = 0xFFFD;
        st->bad_bytes++;
    }
    if (is_spaced_dash(cp) && i + *n < len && !utf8_valid(s + i + *n, len - i - *n, next))
        *next = 0xFFFD;
    return cp;
}

/* One decoding of s into out, as UTF-8 or (st->cp1252) as Windows-1252; *invalid gets the
 * number of bytes that were not UTF-8. */
static int decode_pass(ng_buf *out, const unsigned char *s, size_t len, ng_clean_stats *st,
                       size_t *invalid)
{
    *invalid = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp, next = 0;
        size_t n = 1;
        if (st->cp1252) {
            cp = cp1252_at(s, i, len, &next, st);
        } else if (plain_ascii(s[i])) {
            if (!(i = copy_ascii(out, s, i, len))) return NG_ENOMEM;
            continue;
        } else {
            size_t bad = st->bad_bytes;
            cp = utf8_at(s, i, len, &n, &next, st);
            *invalid += st->bad_bytes - bad;
        }
        if (cp == '\r' && i + n < len && s[i + n] == '\n') {
            i += n;
            continue;
        }
        if (cp == 0) { /* a NUL byte is never text: counted, and kept apart as a space */
            st->bad_bytes++;
            cp = ' ';
        }
        if (emit(out, cp, next) < 0) return NG_ENOMEM;
        i += n;
    }
    return NG_OK;
}

int ng_clean__decode(ng_buf *out, const char *raw, size_t len, ng_clean_stats *st)
{
    const unsigned char *s = (const unsigned char *)raw;
    size_t start = out->len, invalid;
    memset(st, 0, sizeof *st);
    if (ng_buf_grow(out, len + len / 8 + 16) < 0) return NG_ENOMEM;
    /* read as UTF-8 first: only a text with bytes that are not UTF-8 may be Windows-1252
     * (looks_cp1252), and is then read again (most texts are read once) */
    if (decode_pass(out, s, len, st, &invalid) < 0) return NG_ENOMEM;
    if (invalid && looks_cp1252(s, len)) {
        out->len = start;
        memset(st, 0, sizeof *st);
        st->cp1252 = 1;
        if (decode_pass(out, s, len, st, &invalid) < 0) return NG_ENOMEM;
    }
    out->ptr[out->len] = '\0';
    return out->oom ? NG_ENOMEM : NG_OK;
}

/* ------------------------------------------------------------------ boilerplate */

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ';
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

/* The words of s, but at most `cap` (the callers only compare with smaller numbers). */
static size_t count_words_upto(const char *s, size_t n, size_t cap)
{
    size_t w = 0, i = 0;
    int in = 0;
    /* eight bytes at a time: a word starts at a non-space byte after a space (or after the
     * previous block's last byte when that was a space) */
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    for (; i + 8 <= n && w < cap; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x); /* byte i + k at bits 8k */
#endif
        uint64_t y = x ^ (ones * ' ');                           /* 0 where a space is */
        uint64_t zero = ~(((y & ~highs) + ~highs) | y | ~highs); /* high bit where y byte is 0 */
        uint64_t word = ~zero & highs;                           /* high bit where not a space */
        uint64_t prev = (word << 8) | (in ? 0x80ULL : 0);        /* the byte before */
        /* the starts (0x80 bytes) counted by summing their top bits with one multiply */
        w += (size_t)((((word & ~prev) >> 7) * ones) >> 56);
        in = (word >> 63) & 1;
    }
    if (w >= cap) return cap;
    for (; i < n; i++) {
        int sp = s[i] == ' ';
        if (!sp && !in && ++w >= cap) return cap;
        in = !sp;
    }
    return w;
}

/* A line as the rules read it: its fold (ng_text_fold), or, when the line is plain
 * (plain_line), its own bytes, which are the fold but for the case of A-Z. Most lines are
 * plain: they are read in place, and folded only for a "contains" rule that may match. */
typedef struct bline {
    const char *s;
    size_t n;
    int plain;
} bline;

/* Is the fold of s (n bytes) s lower-cased, byte for byte? It is when every byte is printable
 * ASCII and no space begins or ends the line or follows another (the fold drops those). */
static int plain_line(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t i = 0;
    uint64_t prev_sp = 0x80; /* as if a space came before: a leading space is not plain */
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x); /* byte i + k at bits 8k */
#endif
        if (((x - ones * 0x20) & ~x & highs) || (((x + ones) | x) & highs)) return 0;
        uint64_t y = x ^ (ones * ' ');
        uint64_t sp = ~(((y & ~highs) + ~highs) | y | ~highs); /* 0x80 at spaces */
        if (sp & ((sp << 8) | prev_sp)) return 0;
        prev_sp = sp >> 56;
    }
    for (; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (c < 0x20 || c > 0x7E || (c == ' ' && prev_sp)) return 0;
        prev_sp = c == ' ' ? 0x80 : 0;
    }
    return n == 0 || !prev_sp;
}

/* The line's fold in f, as the line's view. */
static void bl_fold(bline *l, ng_buf *f, const char *raw, size_t n)
{
    ng_buf_clear(f);
    ng_text_fold(f, raw, n);
    l->s = f->ptr ? f->ptr : "";
    l->n = f->len;
    l->plain = 0;
}

/* Does the line's fold start with the folded pattern p (pn bytes)? */
static int bl_starts(const bline *l, const char *p, size_t pn)
{
    if (l->n < pn) return 0;
    if (!l->plain) return memcmp(l->s, p, pn) == 0;
    for (size_t i = 0; i < pn; i++) {
        unsigned c = (unsigned char)l->s[i];
        if (c - 'A' < 26u) c += 32;
        if (c != (unsigned char)p[i]) return 0;
    }
    return 1;
}

/* 0 when no "contains" pattern can occur in l (none covers any probe: see bp_oct). */
static int may_contain(const ng_lexicon *lex, const char *l, size_t ln)
{
    size_t step = lex->bp_step ? lex->bp_step : 1;
    if (lex->bp_short_contains) return 1;
    for (size_t i = 0; i + 8 <= ln; i += step) {
        uint32_t bit = ng_lex__oct_bit(l + i);
        if (lex->bp_oct[bit >> 6] & (1ULL << (bit & 63))) return 1;
    }
    return 0;
}

/* A breadcrumb trail: "Home > News > Africa" (2+ short segments joined by '>' or '/' or '|'
 * or a middle dot, no segment longer than four words, no final period). */
static int is_breadcrumb(const char *s, size_t n)
{
    size_t segs = 1, words = 0;
    int in = 0;
    if (n == 0 || s[n - 1] == '.') return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '>' || c == '|' || (c == '/' && i > 0 && s[i - 1] == ' ')) {
            segs++;
            if (words > 4) return 0;
            words = 0;
            in = 0;
            continue;
        }
        int sp = c == ' ';
        if (!sp && !in && ++words > 4) return 0; /* the next separator or the end says 0 */
        in = !sp;
    }
    return segs >= 2 && words <= 4;
}

/* A photo caption ending with an agency credit: "... equipment. EPA/STR/TASS". */
static int is_caption_credit(const char *line, size_t n)
{
    size_t e = n, b;
    while (e && line[e - 1] == ' ')
        e--;
    b = e;
    while (b && line[b - 1] != ' ')
        b--;
    if (e - b < 4 || !memchr(line + b, '/', e - b)) return 0;
    for (size_t i = b; i < e; i++) {
        char c = line[i];
        if (!((c >= 'A' && c <= 'Z') || c == '/' || c == '.' || c == '-')) return 0;
    }
    return count_words(line, n) <= 20;
}

/* A byline: "By Jane Doe, Horn of Africa correspondent", "By A and B", "By Staff Reporter":
 * "By " and a capital, a short line that does not end like a sentence. Its name is the
 * writer's, no actor of the story (and no antecedent for a later "Doe"). */
static int is_byline(const char *line, size_t n)
{
    while (n && line[n - 1] == ' ')
        n--;
    if (n < 5 || memcmp(line, "By ", 3) != 0 || !(line[3] >= 'A' && line[3] <= 'Z')) return 0;
    char last = line[n - 1];
    if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ',')
        return 0;
    return count_words_upto(line, n, 13) <= 12;
}

/* Does a boilerplate rule match the line l (raw: its bytes, for folding it when it is
 * plain)? *rest is set when the rule blanks every line after it too. */
static int rule_matches(const ng_lexicon *lex, bline *l, ng_buf *f, const char *raw, int *rest)
{
    /* compare without final punctuation */
    size_t lt = l->n;
    while (lt && (l->s[lt - 1] == '.' || l->s[lt - 1] == ':' || l->s[lt - 1] == '!' ||
                  l->s[lt - 1] == ' '))
        lt--;
    size_t words = SIZE_MAX; /* count_words_upto(, 81), counted when first needed */
    int contains = -1;       /* may_contain(), computed when first needed */
    if (!lex || !l->n || !lex->bp_by_byte) return 0;
    unsigned c0 = (unsigned char)l->s[0];
    if (l->plain && c0 - 'A' < 26u) c0 += 32;
    for (uint32_t k = lex->bp_byte_off[c0]; k < lex->bp_byte_off[c0 + 1]; k++) {
        int32_t r = lex->bp_by_byte[k]; /* only the rules a line starting with c0 may match */
        const char *p = lex->bp[r].pattern;
        size_t pn = lex->bp[r].len;
        switch (lex->bp[r].match) {
        case NG_BP_EXACT:
            if (lt == pn && bl_starts(l, p, pn)) return 1;
            break;
        case NG_BP_PREFIX:
            if (!bl_starts(l, p, pn)) break;
            if (words == SIZE_MAX) words = count_words_upto(l->s, l->n, 81);
            if (words <= 12) return 1;
            break;
        case NG_BP_CONTAINS:
            if (contains < 0) contains = may_contain(lex, l->s, l->n);
            if (!contains) break;
            if (words == SIZE_MAX) words = count_words_upto(l->s, l->n, 81);
            if (words > 80) break;
            if (l->plain) bl_fold(l, f, raw, l->n);
            if (strstr(l->s, p) != NULL) return 1;
            break;
        case NG_BP_REST:
            if (bl_starts(l, p, pn)) return *rest = 1;
            break;
        case NG_BP_LABEL:
            /* "Read more: <a teaser headline of any length>" */
            if (bl_starts(l, p, pn)) return 1;
            break;
        }
    }
    return 0;
}
/* Blanks text[i, e) (offsets kept); counts the line when it had text. */
static void blank_line(char *text, size_t i, size_t e, ng_clean_stats *st)
{
    int nonblank = 0;
    for (size_t k = i; k < e; k++) {
        if (text[k] != ' ') nonblank = 1;
        text[k] = ' ';
    }
    if (nonblank && st) st->boiler_lines++;
}

void ng_clean__boilerplate(const ng_lexicon *lex, char *text, size_t len, ng_clean_stats *st)
{
    size_t i = 0;
    ng_buf f = NG_BUF_INIT;
    int rest = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        int kill = rest;
        if (!kill) {
            bline l = {text + i, e - i, 1};
            if (!plain_line(l.s, l.n)) bl_fold(&l, &f, text + i, e - i);
            kill = rule_matches(lex, &l, &f, text + i, &rest) || (l.n && is_breadcrumb(l.s, l.n)) ||
                   (l.n && is_caption_credit(text + i, e - i)) || is_byline(text + i, e - i);
        }
        if (kill) blank_line(text, i, e, st);
        i = e + 1;
    }
    ng_buf_free(&f);
}
