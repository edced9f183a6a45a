/* tokens.c - splits clean text into words, numbers and punctuation, with folded forms.
 *
 * A word keeps inner hyphens ("Akufo-Addo"), inner apostrophes that are not a possessive
 * ("N'Guesso", "d'Ivoire") and the dots of dotted abbreviations ("U.S."). The possessive
 * "'s" (and a bare final "'") is a token of its own (NG_TK_POSS). A final period is absorbed
 * into the word (NG_TK_DOT) when the word is a known abbreviation or a single capital letter
 * (an initial). Folded forms (ng_text_fold: lower case, no accents) go to a shared arena and
 * never contain the absorbed period, so "St. Petersburg" and "St Petersburg" fold alike.
 * The abbreviations come as a set (ng_abbrevs, filled by the lexicon from abbreviations.csv):
 * the tokenizer knows nothing else of the lexicon, which tokenizes its own phrases with it. */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

uint64_t ng_x__tok_hash(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 31;
    return h ? h : 1;
}

/* ------------------------------------------------------------------ abbreviations */

int ng_abbrevs__add(ng_abbrevs *set, uint64_t h, int kind)
{
    if ((set->n + 1) * 2 > set->cap) {
        size_t nc = set->cap ? set->cap * 2 : 256;
        uint64_t *nh = ng_calloc(nc, sizeof *nh);
        uint8_t *nk = ng_calloc(nc, 1);
        if (!nh || !nk) {
            free(nh);
            free(nk);
            return NG_ENOMEM;
        }
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->h[i]) continue;
            size_t j = (size_t)set->h[i] & (nc - 1);
            while (nh[j])
                j = (j + 1) & (nc - 1);
            nh[j] = set->h[i];
            nk[j] = set->kind[i];
        }
        free(set->h);
        free(set->kind);
        set->h = nh;
        set->kind = nk;
        set->cap = nc;
    }
    size_t j = (size_t)h & (set->cap - 1);
    while (set->h[j] && set->h[j] != h)
        j = (j + 1) & (set->cap - 1);
    if (!set->h[j]) set->n++;
    set->h[j] = h;
    set->kind[j] = (uint8_t)kind;
    return NG_OK;
}

int ng_abbrevs__has(const ng_abbrevs *set, uint64_t h, int *kind)
{
    if (!set || !set->cap) return 0;
    size_t j = (size_t)h & (set->cap - 1);
    while (set->h[j]) {
        if (set->h[j] == h) {
            if (kind) *kind = set->kind[j];
            return 1;
        }
        j = (j + 1) & (set->cap - 1);
    }
    return 0;
}

void ng_abbrevs__free(ng_abbrevs *set)
{
    free(set->h);
    free(set->kind);
    memset(set, 0, sizeof *set);
}

/* ------------------------------------------------------------------ tokens */

/* Decodes one UTF-8 code point. Article text is clean (valid UTF-8), but dictionary phrases
 * come from users' files: a byte that does not start a whole sequence reads as U+FFFD, one
 * byte long, so that no invalid byte can pass for ASCII (a lone 0xA0 before "u" once
 * decoded as the digit '5' and stalled the scan). */
static inline size_t dec(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC0 || n < 2 || (s[1] & 0xC0u) != 0x80) {
        *cp = 0xFFFD;
        return 1;
    }
    if (c < 0xE0) {
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (n < 3 || (s[2] & 0xC0u) != 0x80) {
        *cp = 0xFFFD;
        return 1;
    }
    if (c < 0xF0) {
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    if (n < 4 || (s[3] & 0xC0u) != 0x80) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    return 4;
}

int ng_tok__is_upper_cp(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z') return 1;
    if (cp < 0xC0) return 0;
    if (cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137) return (cp & 1) == 0;
    if (cp >= 0x139 && cp <= 0x148) return (cp & 1) == 1;
    if (cp >= 0x14A && cp <= 0x177) return (cp & 1) == 0;
    if (cp == 0x178) return 1;
    if (cp >= 0x179 && cp <= 0x17E) return (cp & 1) == 1;
    if (cp >= 0x391 && cp <= 0x3A9) return 1;
    if (cp >= 0x400 && cp <= 0x42F) return 1;
    return 0;
}

static inline int is_letter_cp(uint32_t cp)
{
    if ((cp | 32) >= 'a' && (cp | 32) <= 'z') return 1;
    if (cp < 0xC0) return 0;
    if (cp == 0xD7 || cp == 0xF7) return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF) return 0; /* punctuation, symbols, arrows */
    return 1;                                   /* other letters, U+FFFD */
}

static inline int is_digit_cp(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static inline int is_upper(uint32_t cp)
{
    return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : ng_tok__is_upper_cp(cp);
}

/* Folds and hashes a token of printable ASCII (0x21..0x7E) in one pass: ng_text_fold of such
 * bytes only lowers A-Z. Returns 0 (nothing written) when some byte is outside that range. */
static int fold_ascii(ng_buf *fold, const unsigned char *s, uint32_t len, uint64_t *hash, int *dash)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    char *o = fold->ptr + fold->len;
    int d = 0;
    for (uint32_t i = 0; i < len; i++) {
        unsigned c = s[i];
        if (c <= 0x20 || c >= 0x7F) return 0;
        if (c >= 'A' && c <= 'Z') c += 32;
        d |= c == '-';
        o[i] = (char)c;
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 31;
    *hash = h ? h : 1;
    *dash = d;
    fold->len += len;
    fold->ptr[fold->len] = '\0';
    return 1;
}

static inline int push(ng_toks *tk, const char *text, uint32_t off, uint32_t len, uint16_t flags)
{
    ng_tok t;
    if (tk->n == tk->cap && NG_ARRAY_GROW(tk->v, tk->cap, tk->n + 1) < 0) return NG_ENOMEM;
    memset(&t, 0, sizeof t);
    t.off = off;
    t.len = len;
    t.flags = flags;
    t.foff = (uint32_t)tk->fold->len;
    if (len <= 0xFFFF) {
        if (tk->fold->len + len + 1 > tk->fold->cap && ng_buf_grow(tk->fold, len) < 0)
            return NG_ENOMEM;
        int dash;
        if (fold_ascii(tk->fold, (const unsigned char *)text + off, len, &t.h, &dash)) {
            t.flen = (uint16_t)len;
            if (dash) t.flags |= NG_TK_DASH;
            tk->v[tk->n++] = t;
            return NG_OK;
        }
    }
    if (ng_text_fold(tk->fold, text + off, len) < 0) return NG_ENOMEM;
    size_t fl = tk->fold->len - t.foff;
    if (fl > 0xFFFF) fl = 0xFFFF;
    t.flen = (uint16_t)fl;
    t.h = ng_x__tok_hash(tk->fold->ptr + t.foff, t.flen);
    if (memchr(tk->fold->ptr + t.foff, '-', t.flen)) t.flags |= NG_TK_DASH;
    tk->v[tk->n++] = t;
    return NG_OK;
}

/* Appends a token whose folded form the caller already wrote at the end of the fold arena
 * (flen bytes, hash h). */
static inline int push_folded(ng_toks *tk, uint32_t off, uint32_t len, uint16_t flags, uint64_t h)
{
    if (tk->n == tk->cap && NG_ARRAY_GROW(tk->v, tk->cap, tk->n + 1) < 0) return NG_ENOMEM;
    ng_buf *fold = tk->fold;
    size_t fl = fold->len;
    ng_tok *t = &tk->v[tk->n++]; /* written in place: every field */
    t->off = off;
    t->len = len;
    t->foff = (uint32_t)fl;
    t->flen = (uint16_t)len;
    t->flags = flags;
    t->h = h;
    t->bits = t->pbits = 0;
    fold->len = fl + len;
    fold->ptr[fl + len] = '\0';
    return NG_OK;
}

/* The folded form of each ASCII letter and digit, 0 for every other byte: the scan's one
 * test per byte of a plain word. */
static const unsigned char alnum_fold[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
    ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
#define L(c) [c] = c, [c - 32] = c
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'),
    L('l'), L('m'), L('n'), L('o'), L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'),
    L('w'), L('x'), L('y'), L('z'),
#undef L
};

/* A word being scanned. An all-ASCII word is folded (lower case) and hashed as it is scanned,
 * at the end of the fold arena; otherwise push() folds it. */
typedef struct wscan {
    char *o;     /* where the next folded byte goes */
    uint64_t fh; /* hash of the folded bytes so far (as ng_x__tok_hash) */
    int ascii, dash, dotted;
} wscan;

/* An inner hyphen or apostrophe at j (c2) belongs to the word when a letter or digit
 * follows, except "'s" at the end of a word (a possessive). */
static int inner_mark(const unsigned char *s, size_t j, size_t end, uint32_t c2)
{
    uint32_t c3;
    if (!((c2 == '-' || c2 == '\'') && j + 1 < end)) return 0;
    dec(s + j + 1, end - j - 1, &c3);
    if (!is_letter_cp(c3) && !is_digit_cp(c3)) return 0;
    return !(c2 == '\'' && (c3 == 's' || c3 == 'S') && (j + 2 >= end || !is_letter_cp(s[j + 2])));
}

/* U.S. / U.N. / U.K.: single letters joined by dots (the word starts at a, j is at a dot). */
static int dotted_letter(const unsigned char *s, size_t a, size_t j, size_t end, int dotted)
{
    return j + 2 < end && is_letter_cp(s[j + 1]) && s[j + 1] < 0x80 &&
           (j + 2 >= end || s[j + 2] == '.') && j - a <= 3 + 2 * (size_t)dotted &&
           (j - a == 1 || dotted);
}

/* The rest of the word [a, j) after its first plain run stopped at j (a byte that is no
 * ASCII letter or digit): non-ASCII letters, inner hyphens and apostrophes, dotted letters,
 * each followed by a plain run again. Returns the word's end (the final period, if any, is
 * not part of it). Apart from the hot loop of scan_word, so that the loop keeps its few
 * values in registers. */
__attribute__((noinline)) static size_t scan_word_rest(const unsigned char *s, size_t a, size_t j,
                                                       size_t end, wscan *x)
{
    char *o = x->o;
    uint64_t fh = x->fh;
    int ascii = x->ascii, dash = x->dash, dotted = x->dotted;
    while (j < end) {
        uint32_t c2 = s[j];
        unsigned f = alnum_fold[c2];
        if (f) { /* an ASCII letter or digit */
            *o++ = (char)f;
            fh = (fh ^ f) * 0x100000001b3ULL;
            j++;
            continue;
        }
        if (c2 >= 0x80) {
            size_t m = dec(s + j, end - j, &c2);
            ascii = 0;
            if (is_letter_cp(c2)) {
                j += m;
                continue;
            }
        }
        if (inner_mark(s, j, end, c2)) {
            *o++ = (char)c2;
            fh = (fh ^ c2) * 0x100000001b3ULL;
            dash |= c2 == '-';
            j += 1;
            continue;
        }
        if (c2 == '.' && dotted_letter(s, a, j, end, dotted)) {
            unsigned l = s[j + 1] | 32u;
            dotted = 1;
            *o++ = '.';
            *o++ = (char)l;
            fh = (((fh ^ '.') * 0x100000001b3ULL) ^ l) * 0x100000001b3ULL;
            j += 2;
            continue;
        }
        break;
    }
    x->o = o;
    x->fh = fh;
    x->ascii = ascii;
    x->dash = dash;
    x->dotted = dotted;
    return j;
}

/* Scans the word starting at a: letters and digits, inner hyphens and apostrophes, dotted
 * letters. Returns its end (the final period, if any, is not part of it). Most words are a
 * plain run of ASCII letters ended by a space or a punctuation mark that joins no word: that
 * run is one table lookup, a store and a multiply a byte, with the state in locals (the
 * folded bytes go through a char pointer, which may alias anything, so fields of *x would
 * be reloaded and stored at every byte). */
static inline size_t scan_word(const unsigned char *s, size_t a, size_t end, wscan *x)
{
    size_t j = a;
    char *o = x->o;
    uint64_t fh = x->fh;
    unsigned f;
    while (j < end && (f = alnum_fold[s[j]]) != 0) {
        *o++ = (char)f;
        fh = (fh ^ f) * 0x100000001b3ULL;
        j++;
    }
    x->o = o;
    x->fh = fh;
    /* what ends most words: the end, a space, a comma; not '-', '\'', '.' or a non-ASCII
     * byte, which may continue it */
    if (j >= end || (s[j] < 0x80 && s[j] != '-' && s[j] != '\'' && s[j] != '.')) return j;
    return scan_word_rest(s, a, j, end, x);
}

/* Are the letters of the scanned word [a, j) at least two and all capitals? (Inside a
 * scanned word every non-ASCII sequence is a letter; digits, marks and dots are not.) */
static int all_upper(const unsigned char *s, size_t a, size_t j)
{
    int letters = 0;
    while (a < j) {
        uint32_t cp;
        size_t m = dec(s + a, j - a, &cp);
        if (cp < 0x80 ? (cp | 32) - 'a' < 26u : is_letter_cp(cp)) {
            if (!is_upper(cp)) return 0;
            letters++;
        }
        a += m;
    }
    return letters >= 2;
}

/* Does the period at j belong to the word [a, j)? With dotted abbreviations, single-letter
 * initials and the known abbreviations. */
static int absorbs_period(const ng_abbrevs *ab, const unsigned char *s, size_t a, size_t j,
                          size_t end, int cap, const wscan *x)
{
    int may_end;
    if (!(j < end && s[j] == '.')) return 0;
    if (x->dotted) return 1;
    if (j - a == 1 && cap) return 1;
    if (!ab || j - a >= 32) return 0;
    if (x->ascii) return ng_abbrevs__has(ab, x->fh, &may_end); /* the lower-cased word */
    char tmp[32];
    size_t tl = 0;
    for (size_t k = a; k < j; k++)
        tmp[tl++] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
    return ng_abbrevs__has(ab, ng_x__tok_hash(tmp, tl), &may_end);
}

/* The tokenizer's state over one span. */
typedef struct tscan {
    ng_toks *tk;
    const ng_abbrevs *ab;
    const char *text;
    size_t end;
    size_t start_n; /* the first token of the span */
    int first_done; /* the first word of the span was seen */
    int in_quote;
    int fenced; /* the span's last byte is no ASCII letter or digit (most end with '.') */
} tscan;

/* "then-President", "ex-minister": the length of a prefix "then"/"ex" of the word [a, j)
 * that a hyphen and a letter follow (a word of its own, so the title after it is found),
 * else 0. Called only for hyphenated words. */
static size_t hyphen_prefix(const unsigned char *s, size_t a, size_t j)
{
    size_t n = (s[a] | 32) == 't' ? 4 : (s[a] | 32) == 'e' ? 2 : 0;
    if (!n || a + n + 1 >= j || s[a + n] != '-') return 0;
    if (n == 4 ? ((s[a + 1] | 32) != 'h' || (s[a + 2] | 32) != 'e' || (s[a + 3] | 32) != 'n')
               : (s[a + 1] | 32) != 'x')
        return 0;
    return (unsigned)((s[a + n + 1] | 32) - 'a') < 26u ? n : 0;
}

/* The flags of the word [a, j) (first code point cp) other than its period and dash: word,
 * capital, all capitals, first of its span, in quotes. */
static inline uint16_t word_flags(tscan *z, const unsigned char *s, size_t a, size_t j,
                                  uint32_t cp)
{
    uint16_t flags = NG_TK_WORD;
    if (is_upper(cp) && (flags |= NG_TK_CAP, all_upper(s, a, j))) flags |= NG_TK_UPPER;
    if (!z->first_done) {
        z->first_done = 1;
        flags |= NG_TK_FIRST;
    }
    if (z->in_quote) flags |= NG_TK_INQUOTE;
    return flags;
}

/* The word at a; returns where the next token starts. */
static int push_word(tscan *z, size_t a, uint32_t cp, size_t *next)
{
    const unsigned char *s = (const unsigned char *)z->text;
    ng_toks *tk = z->tk;
    wscan x = {tk->fold->ptr + tk->fold->len, 0xcbf29ce484222325ULL, 1, 0, 0};
    int error;
    size_t j = scan_word(s, a, z->end, &x);
    if (x.ascii) {
        x.fh ^= x.fh >> 31;
        x.fh = x.fh ? x.fh : 1; /* as ng_x__tok_hash */
    }
    uint16_t flags = word_flags(z, s, a, j, cp);
    int absorb = j < z->end && s[j] == '.' &&
                 absorbs_period(z->ab, s, a, j, z->end, flags & NG_TK_CAP, &x);
    if (absorb) flags |= NG_TK_DOT;
    if (x.ascii && j - a <= 0xFFFF) {
        if (x.dash) {
            size_t pre = hyphen_prefix(s, a, j);
            if (pre) { /* rare: the prefix alone (push folds it); the word after the hyphen next */
                *next = a + pre + 1;
                return push(tk, z->text, (uint32_t)a, (uint32_t)pre, flags & ~NG_TK_DOT);
            }
            flags |= NG_TK_DASH;
        }
        error = push_folded(tk, (uint32_t)a, (uint32_t)(j - a), flags, x.fh);
    } else {
        error = push(tk, z->text, (uint32_t)a, (uint32_t)(j - a), flags);
    }
    if (error < 0) return error;
    if (absorb) tk->v[tk->n - 1].len++;
    *next = j + (absorb ? 1 : 0);
    return NG_OK;
}

/* The number at i ("2,000", "3.5", "31st", "10km", "82-year-old"); returns its end. */
static size_t scan_number(const unsigned char *s, size_t i, size_t end)
{
    size_t j = i;
    while (j < end) {
        if (is_digit_cp(s[j])) {
            j++;
            continue;
        }
        if ((s[j] == ',' || s[j] == '.' || s[j] == '/' || s[j] == ':') && j + 1 < end &&
            is_digit_cp(s[j + 1])) {
            j++;
            continue;
        }
        if (s[j] < 0x80 && is_letter_cp(s[j])) {
            j++;
            continue;
        }
        if (s[j] == '-' && j + 1 < end && (is_digit_cp(s[j + 1]) || is_letter_cp(s[j + 1]))) {
            j++;
            continue;
        }
        break;
    }
    return j;
}

/* Is the token before i a word that ends right at i? */
static int word_before(const tscan *z, size_t i)
{
    const ng_toks *tk = z->tk;
    return tk->n > z->start_n && (tk->v[tk->n - 1].flags & NG_TK_WORD) &&
           tk->v[tk->n - 1].off + tk->v[tk->n - 1].len == i;
}

/* One punctuation character (n bytes) at i, or a possessive "'s" / "'"; returns where the
 * next token starts. */
static int push_punct(tscan *z, size_t i, uint32_t cp, size_t n, size_t *next)
{
    const unsigned char *s = (const unsigned char *)z->text;
    ng_toks *tk = z->tk;
    size_t end = z->end;
    uint16_t flags = NG_TK_PUNCT;
    if (cp == '\'' && i + 1 < end && (s[i + 1] == 's' || s[i + 1] == 'S') && word_before(z, i) &&
        (i + 2 >= end || !is_letter_cp(s[i + 2]))) {
        *next = i + 2;
        return push(tk, z->text, (uint32_t)i, 2, NG_TK_POSS);
    }
    if (cp == '\'' && word_before(z, i) &&
        tk->v[tk->n - 1].flen > 0 && /* a word of invalid bytes folds to nothing */
        tk->fold->ptr[tk->v[tk->n - 1].foff + tk->v[tk->n - 1].flen - 1] == 's' &&
        (i + 1 >= end || !is_letter_cp(s[i + 1]))) {
        /* plural possessive: "the States' " */
        *next = i + 1;
        return push(tk, z->text, (uint32_t)i, 1, NG_TK_POSS);
    }
    if (cp == '"') z->in_quote = !z->in_quote;
    if (z->in_quote) flags |= NG_TK_INQUOTE;
    *next = i + n;
    return push(tk, z->text, (uint32_t)i, (uint32_t)n, flags);
}

/* A punctuation mark of printable ASCII at i (not an apostrophe, which may be a
 * possessive), when the token array has room: push() would give it its own byte as the fold,
 * NG_TK_DASH for '-', and the hash of that byte, all known here without folding. */
static int push_punct_byte(tscan *z, size_t i, unsigned c)
{
    ng_toks *tk = z->tk;
    uint16_t flags = NG_TK_PUNCT;
    if (c == '"') z->in_quote = !z->in_quote;
    if (z->in_quote) flags |= NG_TK_INQUOTE;
    if (c == '-') flags |= NG_TK_DASH;
    uint64_t h = (0xcbf29ce484222325ULL ^ c) * 0x100000001b3ULL;
    h ^= h >> 31;
    tk->fold->ptr[tk->fold->len] = (char)c; /* in the span's reservation */
    return push_folded(tk, (uint32_t)i, 1, flags, h ? h : 1);
}

/* The token at i when it does not start with an ASCII letter or a space: a number, a word
 * of a non-ASCII letter, punctuation, other white space. A number starts with an ASCII
 * digit byte: a decoded code point would do for valid UTF-8, but an overlong sequence
 * (0xC0 0xB9) decodes to a digit that scan_number, reading bytes, does not take, and the
 * scan made empty tokens without end. */
__attribute__((noinline)) static int push_other(tscan *z, size_t i, size_t *next)
{
    const unsigned char *s = (const unsigned char *)z->text;
    uint32_t cp;
    if (s[i] - 0x21u < 0x5Eu && !alnum_fold[s[i]] && s[i] != '\'' && z->tk->n < z->tk->cap) {
        *next = i + 1;
        return push_punct_byte(z, i, s[i]);
    }
    size_t n = dec(s + i, z->end - i, &cp);
    if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') {
        *next = i + n;
        return NG_OK;
    }
    if (is_digit_cp(s[i])) {
        size_t j = scan_number(s, i, z->end);
        uint16_t flags = NG_TK_NUM | NG_TK_WORD;
        if (z->in_quote) flags |= NG_TK_INQUOTE;
        *next = j;
        return push(z->tk, z->text, (uint32_t)i, (uint32_t)(j - i), flags);
    }
    if (!is_letter_cp(cp)) return push_punct(z, i, cp, n, next);
    return push_word(z, i, cp, next);
}

/* What may follow a plain ASCII word and still be part of it or change it: '-' and '\''
 * (inner marks, possessives), '.' (dotted letters, an absorbed period) and every non-ASCII
 * byte (letters). After any other byte, or at the end, the word is whole. */
static const unsigned char word_goes_on[256] = {
    ['-'] = 1, ['\''] = 1, ['.'] = 1,
#define H4(x) [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1
#define H16(x) H4(x), H4(x + 4), H4(x + 8), H4(x + 12)
#define H64(x) H16(x), H16(x + 16), H16(x + 32), H16(x + 48)
    H64(0x80), H64(0xC0),
#undef H64
#undef H16
#undef H4
};

/* Are the letters of the ASCII word [a, j) at least two and all capitals? (all_upper for a
 * word without non-ASCII bytes; most capitalized words stop at their second byte.) */
static inline int ascii_all_upper(const unsigned char *s, size_t a, size_t j)
{
    int letters = 0;
    for (; a < j; a++) {
        unsigned c = s[a];
        if (c - 'a' < 26u) return 0;
        letters += c - 'A' < 26u;
    }
    return letters >= 2;
}

/* The hot path: a word of ASCII letters and digits that starts at a (with a letter) and that
 * nothing after it continues (word_goes_on): folded and hashed in one pass, one table lookup
 * a byte, and appended. Returns its end, or 0 when the word goes on or the token array is
 * full (then push_word reads it whole; the bytes written to the arena are overwritten). */
static inline size_t push_plain_word(tscan *z, const unsigned char *s, size_t a)
{
    ng_toks *tk = z->tk;
    char *o = tk->fold->ptr + tk->fold->len;
    size_t j = a, end = z->end;
    uint64_t fh = 0xcbf29ce484222325ULL;
    unsigned f;
    if (z->fenced) { /* the span ends with no letter or digit: the run stops before its end */
        while ((f = alnum_fold[s[j]]) != 0) {
            *o++ = (char)f;
            fh = (fh ^ f) * 0x100000001b3ULL;
            j++;
        }
    } else {
        while (j < end && (f = alnum_fold[s[j]]) != 0) {
            *o++ = (char)f;
            fh = (fh ^ f) * 0x100000001b3ULL;
            j++;
        }
    }
    if ((j < end && word_goes_on[s[j]]) || tk->n == tk->cap || j - a > 0xFFFF) return 0;
    fh ^= fh >> 31;
    uint16_t flags = NG_TK_WORD;
    if ((unsigned)s[a] - 'A' < 26u)
        flags |= ascii_all_upper(s, a, j) ? NG_TK_CAP | NG_TK_UPPER : NG_TK_CAP;
    if (!z->first_done) {
        z->first_done = 1;
        flags |= NG_TK_FIRST;
    }
    if (z->in_quote) flags |= NG_TK_INQUOTE;
    push_folded(tk, (uint32_t)a, (uint32_t)(j - a), flags, fh ? fh : 1); /* room checked */
    return j;
}

int ng_tok__run(ng_toks *tk, const ng_abbrevs *ab, const char *text, size_t off, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    tscan z = {tk, ab, text, off + len, tk->n, 0, 0, len && !alnum_fold[s[off + len - 1]]};
    size_t i = off;
    int error;
    /* room for every folded form of the span (a fold is never longer than its input), so
     * the words below can be folded while they are scanned */
    if (ng_buf_grow(tk->fold, len) < 0) return NG_ENOMEM;
    while (i < z.end) {
        unsigned c = s[i];
        if (c == ' ') { /* most bytes between tokens */
            i++;
            continue;
        }
        /* an ASCII letter starts most tokens: a word, without decoding */
        if (alnum_fold[c] >= 'a') {
            size_t j = push_plain_word(&z, s, i);
            if (j) {
                i = j;
                continue;
            }
            error = push_word(&z, i, c, &i);
        } else {
            error = push_other(&z, i, &i);
        }
        if (error < 0) return error;
    }
    return NG_OK;
}

void ng_toks__free(ng_toks *tk)
{
    if (!tk) return;
    free(tk->v);
    tk->v = NULL;
    tk->n = tk->cap = 0;
}
