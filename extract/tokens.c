/* tokens.c - splits clean text into words, numbers and punctuation, with folded forms.
 *
 * A word keeps inner hyphens ("Akufo-Addo"), inner apostrophes that are not a possessive
 * ("N'Guesso", "d'Ivoire") and the dots of dotted abbreviations ("U.S."). The possessive
 * "'s" (and a bare final "'") is a token of its own (NG_TK_POSS). A final period is absorbed
 * into the word (NG_TK_DOT) when the word is a known abbreviation or a single capital letter
 * (an initial). Folded forms (ng_text_fold: lower case, no accents) go to a shared arena and
 * never contain the absorbed period, so "St. Petersburg" and "St Petersburg" fold alike. */
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

/* Doubles the token array (the callers check for room first: the common case stays inline). */
static int grow_tokens(ng_toks *tk)
{
    size_t nc = tk->cap ? tk->cap * 2 : 256;
    ng_tok *nt = ng_realloc(tk->v, nc * sizeof *nt);
    if (!nt) return NG_ENOMEM;
    tk->v = nt;
    tk->cap = nc;
    return NG_OK;
}

static inline int push(ng_toks *tk, const char *text, uint32_t off, uint32_t len, uint16_t flags)
{
    ng_tok t;
    if (tk->n == tk->cap && grow_tokens(tk) < 0) return NG_ENOMEM;
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
    ng_tok t;
    if (tk->n == tk->cap && grow_tokens(tk) < 0) return NG_ENOMEM;
    memset(&t, 0, sizeof t);
    t.off = off;
    t.len = len;
    t.flags = flags;
    t.foff = (uint32_t)tk->fold->len;
    t.flen = (uint16_t)len;
    t.h = h;
    tk->fold->len += len;
    tk->fold->ptr[tk->fold->len] = '\0';
    tk->v[tk->n++] = t;
    return NG_OK;
}

int ng_tok__run(ng_toks *tk, const ng_lexicon *lex, const char *text, size_t off, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t end = off + len, i = off;
    int error;
    size_t first_word = (size_t)-1;
    size_t start_n = tk->n;
    int in_quote = 0;
    /* room for every folded form of the span (a fold is never longer than its input), so
     * the words below can be folded while they are scanned */
    if (ng_buf_grow(tk->fold, len) < 0) return NG_ENOMEM;
    while (i < end) {
        uint32_t cp;
        size_t n = dec(s + i, end - i, &cp);
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') {
            i += n;
            continue;
        }
        if (is_letter_cp(cp)) {
            size_t a = i, j = i;
            int letters = 0, uppers = 0, dotted = 0;
            uint16_t flags = NG_TK_WORD;
            /* an all-ASCII word is folded (lower case) and hashed as it is scanned, at the
             * end of the fold arena; otherwise push() folds it */
            char *o = tk->fold->ptr + tk->fold->len;
            uint64_t fh = 0xcbf29ce484222325ULL;
            int ascii = 1, dash = 0;
#define FOLD_BYTE(ch)                                                                              \
    do {                                                                                           \
        unsigned f_ = (ch);                                                                        \
        *o++ = (char)f_;                                                                           \
        fh = (fh ^ f_) * 0x100000001b3ULL;                                                         \
    } while (0)
            if (is_upper(cp)) flags |= NG_TK_CAP;
            for (;;) {
                uint32_t c2;
                size_t m;
                if (j >= end) break;
                if (s[j] < 0x80) { /* ASCII: letters and digits without decoding */
                    unsigned b = s[j];
                    if ((b | 32) - 'a' < 26u) {
                        letters++;
                        uppers += b <= 'Z';
                        FOLD_BYTE(b | 32);
                        j++;
                        continue;
                    }
                    if (b - '0' < 10u) {
                        FOLD_BYTE(b);
                        j++;
                        continue;
                    }
                    c2 = b;
                    m = 1;
                } else {
                    ascii = 0;
                    m = dec(s + j, end - j, &c2);
                    if (is_letter_cp(c2)) {
                        letters++;
                        if (is_upper(c2)) uppers++;
                        j += m;
                        continue;
                    }
                }
                if ((c2 == '-' || c2 == '\'') && j + 1 < end) {
                    uint32_t c3;
                    dec(s + j + 1, end - j - 1, &c3);
                    if (!is_letter_cp(c3) && !is_digit_cp(c3)) break;
                    if (c2 == '\'') {
                        /* "'s" at the end of a word is a possessive, not part of it */
                        if ((c3 == 's' || c3 == 'S') && (j + 2 >= end || !is_letter_cp(s[j + 2])))
                            break;
                    }
                    FOLD_BYTE(c2);
                    dash |= c2 == '-';
                    j += 1;
                    continue;
                }
                if (c2 == '.' && j + 2 < end && is_letter_cp(s[j + 1]) && s[j + 1] < 0x80 &&
                    (j + 2 >= end || s[j + 2] == '.') && j - a <= 3 + 2 * (size_t)dotted) {
                    /* U.S. / U.N. / U.K.: single letters joined by dots */
                    if (j - a == 1 || dotted) {
                        dotted = 1;
                        letters++;
                        if (s[j + 1] >= 'A' && s[j + 1] <= 'Z') uppers++;
                        FOLD_BYTE('.');
                        FOLD_BYTE(s[j + 1] | 32u);
                        j += 2;
                        continue;
                    }
                }
                break;
            }
#undef FOLD_BYTE
            if (ascii) {
                fh ^= fh >> 31;
                fh = fh ? fh : 1; /* as ng_x__tok_hash */
            }
            if (letters >= 2 && uppers == letters) flags |= NG_TK_UPPER;
            /* a final period: kept with dotted abbreviations, known abbreviations and
             * single-letter initials (j is at the period, the word is s[a..j)) */
            {
                int absorb = 0;
                if (j < end && s[j] == '.') {
                    if (dotted)
                        absorb = 1;
                    else if (j - a == 1 && (flags & NG_TK_CAP))
                        absorb = 1;
                    else if (lex && j - a < 32 && ascii) {
                        int may_end; /* the lower-cased word is the folded one */
                        if (ng_lex__is_abbrev(lex, fh, &may_end)) absorb = 1;
                    } else if (lex && j - a < 32) {
                        char tmp[32];
                        size_t tl = 0;
                        int may_end;
                        for (size_t k = a; k < j; k++)
                            tmp[tl++] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
                        if (ng_lex__is_abbrev(lex, ng_x__tok_hash(tmp, tl), &may_end)) absorb = 1;
                    }
                }
                if (absorb) flags |= NG_TK_DOT;
                if (first_word == (size_t)-1) {
                    first_word = tk->n;
                    flags |= NG_TK_FIRST;
                }
                if (in_quote) flags |= NG_TK_INQUOTE;
                if (ascii && j - a <= 0xFFFF) {
                    if (dash) flags |= NG_TK_DASH;
                    if ((error = push_folded(tk, (uint32_t)a, (uint32_t)(j - a), flags, fh)) < 0)
                        return error;
                } else if ((error = push(tk, text, (uint32_t)a, (uint32_t)(j - a), flags)) < 0) {
                    return error;
                }
                if (absorb) tk->v[tk->n - 1].len++;
                i = j + (absorb ? 1 : 0);
            }
            continue;
        }
        if (is_digit_cp(cp)) {
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
                } /* 31st, 10km */
                if (s[j] == '-' && j + 1 < end &&
                    (is_digit_cp(s[j + 1]) || is_letter_cp(s[j + 1]))) {
                    j++;
                    continue;
                } /* 82-year-old */
                break;
            }
            uint16_t flags = NG_TK_NUM | NG_TK_WORD;
            if (in_quote) flags |= NG_TK_INQUOTE;
            if ((error = push(tk, text, (uint32_t)i, (uint32_t)(j - i), flags)) < 0) return error;
            i = j;
            continue;
        }
        /* punctuation (one code point) */
        {
            uint16_t flags = NG_TK_PUNCT;
            if (cp == '\'' && i + 1 < end && (s[i + 1] == 's' || s[i + 1] == 'S') &&
                tk->n > start_n && (tk->v[tk->n - 1].flags & NG_TK_WORD) &&
                tk->v[tk->n - 1].off + tk->v[tk->n - 1].len == i &&
                (i + 2 >= end || !is_letter_cp(s[i + 2]))) {
                if ((error = push(tk, text, (uint32_t)i, 2, NG_TK_POSS)) < 0) return error;
                i += 2;
                continue;
            }
            if (cp == '\'' && tk->n > start_n && (tk->v[tk->n - 1].flags & NG_TK_WORD) &&
                tk->v[tk->n - 1].off + tk->v[tk->n - 1].len == i &&
                tk->v[tk->n - 1].flen > 0 && /* a word of invalid bytes folds to nothing */
                tk->fold->ptr[tk->v[tk->n - 1].foff + tk->v[tk->n - 1].flen - 1] == 's' &&
                (i + 1 >= end || !is_letter_cp(s[i + 1]))) {
                /* plural possessive: "the States' " */
                if ((error = push(tk, text, (uint32_t)i, 1, NG_TK_POSS)) < 0) return error;
                i += 1;
                continue;
            }
            if (cp == '"') in_quote = !in_quote;
            if (in_quote) flags |= NG_TK_INQUOTE;
            if ((error = push(tk, text, (uint32_t)i, (uint32_t)n, flags)) < 0) return error;
            i += n;
        }
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
