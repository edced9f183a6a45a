/* split.c - sentences of the clean text.
 *
 * A line break always ends a sentence (articles put paragraphs and headings on lines of
 * their own). Inside a line, '.', '!' or '?' (possibly followed by closing quotes or
 * brackets) ends a sentence when a space follows and the next word starts with an upper-case
 * letter, a digit or an opening quote. A period does not end a sentence after:
 *   - an abbreviation of kind "title" (Gen., Col., Mr., Dr., St.) in abbreviations.csv;
 *   - an abbreviation of kind "month" (Jan., Aug.) followed by a number;
 *   - an abbreviation of kind "other" (U.S., Inc.) unless the next word is a capitalized
 *     function word ("The", "He", ...: words.csv class stop);
 *   - a single capital letter (an initial: "George W. Bush"), except X after a lower-case word
 *     (the network: "she wrote on X. Roberto Canseco, ..."), or dotted initials that
 *     abbreviations.csv does not list ("President J.A. Kufuor");
 * and a decimal point or a dotted abbreviation has no space after it anyway.
 * Sentences longer than NG_MAX_SENTENCE_BYTES are cut into pieces no longer than that, at the
 * last "; " or ", " before the limit when there is one (else at a space). */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

static int add(ng_span **v, size_t *n, size_t *cap, const char *t, size_t a, size_t b, int headline)
{
    /* trim */
    while (a < b && (t[a] == ' ' || t[a] == '\t'))
        a++;
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    /* needs a letter */
    {
        int letter = 0;
        for (size_t i = a; i < b && !letter; i++)
            letter = ((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z') || (unsigned char)t[i] >= 0xC0;
        if (!letter) return NG_OK;
    }
    while (b - a > NG_MAX_SENTENCE_BYTES) {
        size_t cut = a + NG_MAX_SENTENCE_BYTES, best = 0;
        for (size_t i = cut; i > a + NG_MAX_SENTENCE_BYTES / 2; i--) {
            if ((t[i - 1] == ';' || t[i - 1] == ',') && t[i] == ' ') {
                best = i;
                break;
            }
        }
        if (!best)
            for (size_t i = cut; i > a + 1; i--)
                if (t[i - 1] == ' ') {
                    best = i;
                    break;
                }
        if (!best) {
            best = cut;
            /* never cut inside a UTF-8 sequence */
            while (best > a + 1 && ((unsigned char)t[best] & 0xC0) == 0x80)
                best--;
        }
        int error = add(v, n, cap, t, a, best, headline);
        if (error < 0) return error;
        a = best;
        while (a < b && t[a] == ' ')
            a++;
    }
    if (a >= b) return NG_OK;
    if (NG_ARRAY_GROW(*v, *cap, *n + 1) < 0) return NG_ENOMEM;
    (*v)[*n].off = (uint32_t)a;
    (*v)[*n].len = (uint32_t)(b - a);
    (*v)[*n].headline = (uint8_t)headline;
    (*n)++;
    return NG_OK;
}

static int is_up(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

/* The word that ends at t[e] (exclusive): start offset. */
static size_t word_start(const char *t, size_t lo, size_t e)
{
    size_t s = e;
    while (s > lo && t[s - 1] != ' ' && t[s - 1] != '(' && t[s - 1] != '"' && t[s - 1] != '\n' &&
           t[s - 1] != '-')
        s--;
    return s;
}

static uint64_t fold_hash(const char *t, size_t a, size_t b)
{
    char w[48];
    size_t n = 0;
    for (size_t i = a; i < b && n < sizeof w; i++)
        w[n++] = (char)((t[i] >= 'A' && t[i] <= 'Z') ? t[i] + 32 : t[i]);
    return ng_x__tok_hash(w, n);
}

/* "J.A." of "President J.A. Kufuor": capitals each followed by a period, [ws, p) being all
 * of it but the last period. */
static int dotted_initials(const char *t, size_t ws, size_t p)
{
    if (p - ws < 3 || (p - ws) % 2 == 0) return 0;
    for (size_t k = ws; k < p; k += 2)
        if (!(t[k] >= 'A' && t[k] <= 'Z') || (k + 1 < p && t[k + 1] != '.')) return 0;
    return 1;
}

/* Does a sentence end at the terminator t[p] ('.', '!' or '?')? *after receives the end. */
static int ends_here(const ng_lexicon *lex, const char *t, size_t lo, size_t p, size_t e,
                     size_t *after)
{
    size_t q = p + 1;
    while (q < e && (t[q] == '.' || t[q] == '!' || t[q] == '?'))
        q++; /* "..." "?!" */
    while (q < e && (t[q] == '"' || t[q] == '\'' || t[q] == ')'))
        q++;
    if (q < e && t[q] != ' ') return 0;
    size_t n = q;
    while (n < e && t[n] == ' ')
        n++;
    *after = q;
    if (n >= e) return 1;
    unsigned char c = (unsigned char)t[n];
    if (c == '"' || c == '(' || c == '\'') c = (unsigned char)(n + 1 < e ? t[n + 1] : 'A');
    if (!(is_up(c) || (c >= '0' && c <= '9'))) return 0;
    if (t[p] != '.' || (p + 1 < e && t[p + 1] == '.')) return 1;
    /* the word before the period */
    size_t ws = word_start(t, lo, p);
    /* an initial, except X after a lower-case word: the network ("she wrote on X. Roberto
     * Canseco, ..."; no given name is written X) */
    if (p - ws == 1 && t[ws] >= 'A' && t[ws] <= 'Z' &&
        !(t[ws] == 'X' && ws >= lo + 2 && t[ws - 1] == ' ' && t[ws - 2] >= 'a' && t[ws - 2] <= 'z'))
        return 0;
    if (p > ws) {
        int may_end = 0;
        /* dotted abbreviations "U.S." end with their last period */
        if (lex && ng_abbrevs__has(&lex->abbrevs, fold_hash(t, ws, p), &may_end)) {
            if (may_end == 0) return 0;
            size_t ne = n;
            while (ne < e && t[ne] != ' ')
                ne++;
            if (may_end == 2) { /* month: "Aug. 10" */
                if (t[n] >= '0' && t[n] <= '9') return 0;
            }
            /* ends only before a capitalized function word */
            if (!(ng_lex__word_bits(lex, fold_hash(t, n, ne)) & NG_W_STOP)) return 0;
            return 1;
        }
        /* initials of a given name that no list has ("J.A. Kufuor"), as a single initial */
        if (dotted_initials(t, ws, p)) return 0;
    }
    return 1;
}

/* The first '.', '!' or '?' in t[p, e), or e (p when p >= e): the next period by memchr (the C
 * library's vector scan), then '!' and '?', rare in news, only before it. */
static size_t next_terminator(const char *t, size_t p, size_t e)
{
    if (p >= e) return p; /* the caller steps past a sentence that ended the line */
    const char *d = memchr(t + p, '.', e - p);
    size_t lim = d ? (size_t)(d - t) : e;
    if ((d = memchr(t + p, '!', lim - p)) != NULL) lim = (size_t)(d - t);
    if ((d = memchr(t + p, '?', lim - p)) != NULL) lim = (size_t)(d - t);
    return lim;
}

int ng_split__sentences(ng_span **out, size_t *n_out, const ng_lexicon *lex, const char *t,
                        size_t len, const ng_meta *m)
{
    ng_span *v = NULL;
    size_t n = 0, cap = 0, i;
    int error = NG_OK;
    if (m->title_len &&
        (error = add(&v, &n, &cap, t, m->title_off, m->title_off + m->title_len, 1)) < 0)
        goto cleanup;
    i = m->body_start;
    while (i < len) {
        size_t e, a = i;
        {
            const char *nl = memchr(t + i, '\n', len - i);
            e = nl ? (size_t)(nl - t) : len;
        }
        for (size_t p = i; (p = next_terminator(t, p, e)) < e; p++) {
            size_t after;
            if (ends_here(lex, t, i, p, e, &after)) {
                if ((error = add(&v, &n, &cap, t, a, after, 0)) < 0) goto cleanup;
                a = after;
                p = after;
            }
        }
        if ((error = add(&v, &n, &cap, t, a, e, 0)) < 0) goto cleanup;
        i = e + 1;
    }
    *out = v;
    *n_out = n;
    v = NULL;
cleanup:
    free(v);
    return error;
}
