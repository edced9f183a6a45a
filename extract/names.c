/* names.c - the identity key of a person's name, folding transliteration variants.
 *
 * Outlets spell one name many ways (Andrey/Andrei, Sergey/Sergei, Shoigu/Shoygu,
 * Spasskiy/Spassky, Traoré/Traore, N'Guesso/Nguesso). The key is built so that such variants
 * give the same string, while the label keeps the fullest real spelling:
 *   1. ng_text_fold: lower case, Latin accents off, curly apostrophes straightened;
 *   2. apostrophes and dots dropped, hyphens become spaces;
 *   3. the rules of extract/data/translit.csv, in file order, at every position of each word
 *      (a rule marked "end" only at the end of a word): e.g. "y" -> "i", "ks" -> "x";
 *   4. a doubled letter becomes one ("spasskii" -> "spaski").
 * Before step 3, a rule marked "word" replaces a whole word: the short form of a given name
 * ("Joseph R. Biden" is "Joe Biden", "William" is "Bill").
 * The same folding applies to every person key, so two real names can collide only when they
 * differ by nothing but such spelling variants.
 *
 * This runs for many name words of every article, so it works in stack buffers (a heap
 * buffer only for very long names) and tries at each byte only the rules that start with it
 * (lex->tl_first; the whole-word rules are a chain apart, lex->tlw_first). */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

/* A byte buffer that starts on the stack and moves to the heap when it fills. */
typedef struct kbuf {
    char *p;
    size_t n, cap;
    int heap, oom;
} kbuf;

static int kb_room(kbuf *b, size_t k)
{
    if (b->n + k <= b->cap) return NG_OK;
    if (b->oom) return NG_ENOMEM;
    size_t nc = b->cap * 2;
    while (nc < b->n + k)
        nc *= 2;
    char *np = b->heap ? ng_realloc(b->p, nc) : ng_malloc(nc);
    if (!np) {
        b->oom = 1;
        return NG_ENOMEM;
    }
    if (!b->heap) memcpy(np, b->p, b->n);
    b->p = np;
    b->cap = nc;
    b->heap = 1;
    return NG_OK;
}

static void kb_free(kbuf *b)
{
    if (b->heap) free(b->p);
}

/* Appends word w[0..n) with the transliteration rules applied (at most 7 bytes out per byte
 * in: a rule's `from` has 1-7 bytes, its `to` 0-7). */
static int apply_rules(kbuf *out, const ng_lexicon *lex, const char *w, size_t n)
{
    size_t i = 0;
    char sub[8];
    /* a whole-word rule first: a given name's short form ("Joseph" is "Joe") */
    for (int32_t k = lex && n && n < 8 ? lex->tlw_first[(unsigned char)w[0]] : -1; k >= 0;
         k = lex->tl[k].next) {
        const ng_tl_rule *r = &lex->tl[k];
        if (r->from_len == n && memcmp(w, r->from, n) == 0) {
            memcpy(sub, r->to, r->to_len);
            w = sub;
            n = r->to_len;
            break;
        }
    }
    if (kb_room(out, 7 * n) < 0) return NG_ENOMEM;
    char *o = out->p + out->n;
    while (i < n) {
        int done = 0;
        for (int32_t k = lex ? lex->tl_first[(unsigned char)w[i]] : -1; k >= 0;
             k = lex->tl[k].next) {
            const ng_tl_rule *r = &lex->tl[k];
            if (r->from_len > n - i) continue;
            /* 1-7 bytes: a byte loop, not a memcmp call (this runs at every byte of names) */
            size_t j = 0;
            while (j < r->from_len && w[i + j] == r->from[j])
                j++;
            if (j < r->from_len) continue;
            if (r->at_end && i + r->from_len != n) continue;
            memcpy(o, r->to, r->to_len);
            o += r->to_len;
            i += r->from_len;
            done = 1;
            break;
        }
        if (!done) *o++ = w[i++];
    }
    out->n = (size_t)(o - out->p);
    return NG_OK;
}

/* Steps 1-3 into t (step 4 is left to the callers). */
static int key_words(kbuf *t, const ng_lexicon *lex, const char *name, size_t len)
{
    ng_buf fh = NG_BUF_INIT;
    char fstack[256];
    const char *f;
    size_t flen;
    int error = NG_OK;
    /* step 1: the fold is never longer than its input */
    if (len < sizeof fstack) {
        ng_buf fb = {fstack, 0, sizeof fstack, 0};
        if ((error = ng_text_fold(&fb, name, len)) < 0) goto cleanup;
        f = fb.ptr;
        flen = fb.len;
    } else {
        if ((error = ng_text_fold(&fh, name, len)) < 0) goto cleanup;
        f = fh.ptr ? fh.ptr : "";
        flen = fh.len;
    }
    /* step 2: words of letters and digits only */
    {
        size_t i = 0;
        int first = 1;
        while (i < flen) {
            char word[256];
            size_t wl = 0;
            while (i < flen && (f[i] == ' ' || f[i] == '-'))
                i++;
            while (i < flen && f[i] != ' ' && f[i] != '-') {
                char c = f[i++];
                if (c == '\'' || c == '.' || c == '"') continue;
                if (wl < sizeof word) word[wl++] = c;
            }
            if (!wl) continue;
            if (!first) {
                if ((error = kb_room(t, 1)) < 0) goto cleanup;
                t->p[t->n++] = ' ';
            }
            first = 0;
            if ((error = apply_rules(t, lex, word, wl)) < 0) goto cleanup;
        }
    }
cleanup:
    ng_buf_free(&fh);
    return error;
}

/* Step 4, in place: a doubled letter becomes one. Returns the new length. */
static size_t collapse_doubles(char *p, size_t n)
{
    size_t o = 0;
    char prev = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (i > 0 && c == prev && c != ' ') continue;
        prev = c;
        p[o++] = c;
    }
    return o;
}

int ng_names__key(ng_buf *out, const ng_lexicon *lex, const char *name, size_t len)
{
    char tstack[512];
    kbuf t = {tstack, 0, sizeof tstack, 0, 0};
    int error;
    if ((error = key_words(&t, lex, name, len)) < 0) goto cleanup;
    t.n = collapse_doubles(t.p, t.n);
    error = ng_buf_put(out, t.p, t.n);
cleanup:
    kb_free(&t);
    return error;
}

int ng_names__key_hash(uint64_t *out, size_t *key_len, const ng_lexicon *lex, const char *name,
                       size_t len)
{
    char tstack[512];
    kbuf t = {tstack, 0, sizeof tstack, 0, 0};
    int error;
    if ((error = key_words(&t, lex, name, len)) < 0) goto cleanup;
    t.n = collapse_doubles(t.p, t.n);
    *out = ng_x__tok_hash(t.p, t.n);
    if (key_len) *key_len = t.n;
cleanup:
    kb_free(&t);
    return error;
}

/* ------------------------------------------------------------------ the thread's memo */

/* At most this many names (then emptied: about 1 MB of slots and their bytes), names of at
 * most 64 bytes (longer tokens are not names worth remembering). */
#define MEMO_MAX ((size_t)1 << 14)
#define MEMO_LEN 64

static void memo_clear(ng_keymemo *m)
{
    if (m->slots) memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->n = 0;
    ng_buf_clear(&m->text);
}

void ng_names__memo_reset(ng_keymemo *m, uint64_t gen)
{
    if (m->lex_gen == gen) return;
    memo_clear(m);
    m->lex_gen = gen;
}

void ng_names__memo_free(ng_keymemo *m)
{
    if (!m) return;
    free(m->slots);
    ng_buf_free(&m->text);
    memset(m, 0, sizeof *m);
}

/* The slot of bytes s (len, hash h): the one holding them, else the free one to fill. */
static ng_keymemo_slot *memo_slot(const ng_keymemo *m, uint64_t h, const char *s, size_t len)
{
    size_t j = (size_t)h & (m->cap - 1);
    for (;; j = (j + 1) & (m->cap - 1)) {
        ng_keymemo_slot *e = &m->slots[j];
        if (!e->h || (e->h == h && e->len == len && memcmp(m->text.ptr + e->off, s, len) == 0))
            return e;
    }
}

/* Room for one more name (emptied when full). 0 when there is none (out of memory: the key
 * is then only not remembered). */
static int memo_room(ng_keymemo *m, size_t len)
{
    if (m->n + 1 > MEMO_MAX) memo_clear(m);
    if (m->text.len + len + 1 > m->text.cap && ng_buf_grow(&m->text, len) < 0) {
        m->text.oom = 0;
        return 0;
    }
    if ((m->n + 1) * 2 <= m->cap) return 1;
    size_t nc = m->cap ? m->cap * 2 : 1024;
    ng_keymemo_slot *old = m->slots, *v = ng_calloc(nc, sizeof *v);
    if (!v) return 0;
    size_t oc = m->cap;
    m->slots = v;
    m->cap = nc;
    for (size_t i = 0; i < oc; i++)
        if (old[i].h) *memo_slot(m, old[i].h, m->text.ptr + old[i].off, old[i].len) = old[i];
    free(old);
    return 1;
}

/* ng_names__key_hash of s (len bytes), from the memo when it holds them. */
static int memo_key(ng_keymemo *m, const ng_lexicon *lex, const char *s, size_t len,
                    uint64_t *key_h, size_t *key_len)
{
    uint64_t h = ng_x__tok_hash(s, len);
    ng_keymemo_slot *e = m->cap ? memo_slot(m, h, s, len) : NULL;
    int error;
    if (e && e->h) {
        *key_h = e->key_h;
        *key_len = e->key_len;
        return NG_OK;
    }
    if ((error = ng_names__key_hash(key_h, key_len, lex, s, len)) < 0) return error;
    if (len > MEMO_LEN || !memo_room(m, len)) return NG_OK;
    e = memo_slot(m, h, s, len);
    e->h = h;
    e->key_h = *key_h;
    e->key_len = (uint32_t)*key_len;
    e->off = (uint32_t)m->text.len;
    e->len = (uint32_t)len;
    (void)ng_buf_put(&m->text, s, len); /* cannot fail: memo_room made room */
    m->n++;
    return NG_OK;
}

int ng_names__key_memo(ng_buf *out, ng_keymemo *m, const ng_lexicon *lex, const char *name,
                       size_t len)
{
    uint64_t h;
    ng_keymemo_slot *e;
    if (!m || len > 2 * MEMO_LEN) return ng_names__key(out, lex, name, len);
    h = ng_x__tok_hash(name, len);
    e = m->cap ? memo_slot(m, h, name, len) : NULL;
    if (e && e->h) return ng_buf_put(out, m->text.ptr + e->off + e->len, e->key_len);
    size_t start = out->len;
    int error = ng_names__key(out, lex, name, len);
    size_t key_len = out->len - start;
    if (error < 0 || key_len > 2 * MEMO_LEN || !memo_room(m, len + key_len)) return error;
    e = memo_slot(m, h, name, len);
    e->h = h;
    e->key_h = 0;
    e->key_len = (uint32_t)key_len;
    e->off = (uint32_t)m->text.len;
    e->len = (uint32_t)len;
    /* the name, then its key: neither can fail (memo_room made room) */
    (void)ng_buf_put(&m->text, name, len);
    (void)ng_buf_put(&m->text, out->ptr + start, key_len);
    m->n++;
    return NG_OK;
}

int ng_names__tok_key(const ng_work *w, uint32_t t, uint64_t *out, size_t *key_len)
{
    ng_wkey *k = &w->keys[t];
    if (k->gen != w->key_gen) {
        const char *s = w->text + w->tk.v[t].off;
        size_t n, len = w->tk.v[t].len;
        int error = w->memo ? memo_key(w->memo, w->lex, s, len, &k->h, &n)
                            : ng_names__key_hash(&k->h, &n, w->lex, s, len);
        if (error < 0) return error;
        k->len = (uint32_t)n;
        k->gen = w->key_gen;
    }
    *out = k->h;
    if (key_len) *key_len = k->len;
    return NG_OK;
}
