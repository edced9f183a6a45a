/* lexicon.c - loads the dictionaries (built-in CSV data and user files) into hash tables.
 *
 * Every file is CSV read with libcsv; the first row names the columns (any order; unknown
 * columns are ignored). A bad row is reported through on_skip as "FILE:LINE" with the reason
 * and skipped. After loading, the lexicon is never written again: extraction threads share
 * it read-only. Values loaded later (user files) take precedence over earlier ones for the
 * same phrase. */
#include "extract_internal.h"

#include <csv.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ phrase table */

static int ptab_grow(ng_ptab *t)
{
    size_t nc = t->cap ? t->cap * 2 : 1024;
    ng_ptab_slot *ns = ng_calloc(nc, sizeof *ns);
    if (!ns) return NG_ENOMEM;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slots[i].used) continue;
        size_t j = (size_t)t->slots[i].h & (nc - 1);
        while (ns[j].used)
            j = (j + 1) & (nc - 1);
        ns[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = ns;
    t->cap = nc;
    return NG_OK;
}

static ng_ptab_slot *ptab_slot(ng_ptab *t, uint64_t h)
{
    if ((t->n + 1) * 2 > t->cap && ptab_grow(t) < 0) return NULL;
    size_t j = (size_t)h & (t->cap - 1);
    while (t->slots[j].used) {
        if (t->slots[j].h == h) return &t->slots[j];
        j = (j + 1) & (t->cap - 1);
    }
    t->slots[j].used = 1;
    t->slots[j].h = h;
    t->slots[j].first = -1;
    t->n++;
    return &t->slots[j];
}

static void ptab_free(ng_ptab *t)
{
    free(t->slots);
    free(t->vals);
    memset(t, 0, sizeof *t);
}

/* How a phrase is written (NG_PV_*): with a capital first, all in capitals, or one word
 * with inner capitals ("LeT", "FAMa": the text must have an inner capital too, so that the
 * word "Let" is not Lashkar-e-Taiba), ending with an abbreviation's period. n_tok: its
 * tokens. */
static uint32_t phrase_vflags(const char *phrase, size_t n_tok)
{
    uint32_t vf = 0;
    int letters = 0, uppers = 0, inner_upper = 0;
    if (phrase[0] >= 'A' && phrase[0] <= 'Z') {
        vf |= NG_PV_CAPFIRST;
    } else if ((unsigned char)phrase[0] >= 0xC0) {
        uint32_t cp = ((unsigned char)phrase[0] & 0x1Fu) << 6 | ((unsigned char)phrase[1] & 0x3Fu);
        if (ng_tok__is_upper_cp(cp)) vf |= NG_PV_CAPFIRST;
    }
    for (const char *q = phrase; *q; q++) {
        if ((*q >= 'a' && *q <= 'z')) letters++;
        if ((*q >= 'A' && *q <= 'Z')) {
            letters++;
            uppers++;
            if (q > phrase) inner_upper = 1;
        }
    }
    if (letters >= 2 && uppers == letters)
        vf |= NG_PV_ALLCAPS;
    else if (inner_upper && !strchr(phrase, ' ') && !strchr(phrase, '-') && n_tok == 1)
        vf |= NG_PV_INNERCAP;
    size_t len = strlen(phrase);
    if (len >= 2 && phrase[len - 1] == '.') vf |= NG_PV_DOT;
    return vf;
}

/* Does a token of the phrase belong to word class `cls`? */
static int phrase_has(const ng_lexicon *lex, const ng_toks *tk, ng_wbits cls)
{
    for (size_t i = 0; i < tk->n; i++)
        if (ng_lex__word_bits(lex, tk->v[i].h) & cls) return 1;
    return 0;
}

/* Tokenizes s (len bytes) into the lexicon's loading scratch, emptied first: *out is valid
 * until the next call. */
static int load_tokens(ng_lexicon *lex, const char *s, size_t len, ng_toks **out)
{
    lex->load_tk.fold = &lex->load_fold;
    lex->load_tk.n = 0;
    ng_buf_clear(&lex->load_fold);
    *out = &lex->load_tk;
    return ng_tok__run(&lex->load_tk, &lex->abbrevs, s, 0, len);
}

static int words_put_heads(ng_lexicon *lex, uint64_t h, uint16_t heads);

/* Adds `phrase` (tokenized as running text is) with value (kind, id). Newest value first. */
static int ptab_add(ng_lexicon *lex, ng_ptab *t, const char *phrase, ng_wbits kind, int32_t id)
{
    ng_toks *tk;
    int error;
    uint64_t h = NG_SEQ_SEED;
    ng_ptab_slot *slot = NULL;
    if ((error = load_tokens(lex, phrase, strlen(phrase), &tk)) < 0 || tk->n == 0) return error;
    /* the scan of a sentence probes the table only at the first words of its phrases */
    if (t == &lex->phrases && (error = words_put_heads(lex, tk->v[0].h, NG_TK_PHEAD)) < 0)
        return error;
    for (size_t i = 0; i < tk->n; i++) {
        h = ng_x__seq_hash(h, tk->v[i].h);
        if (!(slot = ptab_slot(t, h))) return NG_ENOMEM;
    }
    if ((error = NG_ARRAY_GROW(t->vals, t->cap_vals, t->n_vals + 1)) < 0) return error;
    uint32_t vf = phrase_vflags(phrase, tk->n);
    /* one entity once per phrase; a ministry written in lower case ("the French foreign
     * ministry": words.csv class bodyword) is still that ministry, while the lower-case
     * "government", "army" or "parliament" stay the words the engine reads as the state */
    for (int32_t v = slot->first; v >= 0; v = t->vals[v].next)
        if (t->vals[v].kind == kind && t->vals[v].id == id) {
            if (t == &lex->phrases && kind == NG_LX_BODY && tk->n >= 2 &&
                phrase_has(lex, tk, NG_W_BODYWORD))
                t->vals[v].vflags &= vf;
            return NG_OK;
        }
    t->vals[t->n_vals].kind = kind;
    t->vals[t->n_vals].id = id;
    t->vals[t->n_vals].vflags = vf;
    t->vals[t->n_vals].next = slot->first;
    slot->first = (int32_t)t->n_vals;
    t->n_vals++;
    if (tk->n > t->max_tokens) t->max_tokens = (uint32_t)tk->n;
    return NG_OK;
}

/* ------------------------------------------------------------------ small hash sets */

static int words_put(ng_lexicon *lex, uint64_t h, ng_wbits bits, int32_t number)
{
    if ((lex->n_words + 1) * 2 > lex->cap_words) {
        size_t nc = lex->cap_words ? lex->cap_words * 2 : 1024;
        ng_wordinfo *nw = ng_calloc(nc, sizeof *nw);
        if (!nw) return NG_ENOMEM;
        for (size_t i = 0; i < lex->cap_words; i++) {
            if (!lex->words[i].used) continue;
            size_t j = (size_t)lex->words[i].h & (nc - 1);
            while (nw[j].used)
                j = (j + 1) & (nc - 1);
            nw[j] = lex->words[i];
        }
        free(lex->words);
        lex->words = nw;
        lex->cap_words = nc;
    }
    size_t j = (size_t)h & (lex->cap_words - 1);
    while (lex->words[j].used && lex->words[j].h != h)
        j = (j + 1) & (lex->cap_words - 1);
    if (!lex->words[j].used) {
        lex->words[j].used = 1;
        lex->words[j].h = h;
        lex->words[j].number = -1;
        lex->n_words++;
    }
    lex->words[j].bits |= bits;
    if (number >= 0) lex->words[j].number = number;
    return NG_OK;
}

static const ng_wordinfo *words_get(const ng_lexicon *lex, uint64_t h)
{
    if (!lex->cap_words) return NULL;
    size_t j = (size_t)h & (lex->cap_words - 1);
    while (lex->words[j].used) {
        if (lex->words[j].h == h) return &lex->words[j];
        j = (j + 1) & (lex->cap_words - 1);
    }
    return NULL;
}

ng_wbits ng_lex__word_bits(const ng_lexicon *lex, uint64_t h)
{
    const ng_wordinfo *w = words_get(lex, h);
    return w ? w->bits : 0;
}

int ng_lex__word_classes(const ng_lexicon *lex, uint64_t h, ng_wbits *bits, ng_wbits *pbits)
{
    const ng_wordinfo *w = words_get(lex, h);
    *bits = w ? w->bits : 0;
    *pbits = w ? w->pbits : 0;
    return w ? w->heads : 0;
}

/* "X has since accused Y": "since" (the one word of classes clause and yearprep, at v) between
 * an auxiliary and a lower-case word that is no determiner is an adverb, neither a
 * subordinator nor a preposition. Out of line: the loop below only tests the bits. */
__attribute__((noinline)) static void since_adverb(const ng_lexicon *lex, ng_tok *v,
                                                   const ng_tok *b, const ng_tok *e)
{
    ng_wbits next = 0, pnext = 0;
    if (v == b || v + 1 >= e || !(v[-1].bits & NG_W_PAST_MARK) || !(v[1].flags & NG_TK_WORD) ||
        (v[1].flags & NG_TK_CAP))
        return;
    ng_lex__word_classes(lex, v[1].h, &next, &pnext);
    if (!(next & NG_W_DET)) v->bits = NG_W_SKIPADV;
}

_Static_assert(((NG_W_CLAUSE | NG_W_YEARPREP) >> 64) == 0, "since's classes fit 64 bits");

ng_wbits ng_lex__classify(const ng_lexicon *lex, ng_tok *v, size_t n)
{
    const uint64_t since = (uint64_t)(NG_W_CLAUSE | NG_W_YEARPREP); /* bits 20 and 44 */
    ng_wbits any = 0;
    for (ng_tok *b = v, *e = v + n; v < e; v++) {
        v->flags |= (uint16_t)ng_lex__word_classes(lex, v->h, &v->bits, &v->pbits);
        if (__builtin_expect(((uint64_t)v->bits & since) == since, 0)) since_adverb(lex, v, b, e);
        any |= v->bits;
    }
    return any;
}

/* The entry of the word with hash h, made (with no classes) when it has none yet. */
static int words_entry(ng_lexicon *lex, uint64_t h, ng_wordinfo **out)
{
    int error = words_put(lex, h, 0, -1);
    if (error < 0) return error;
    size_t j = (size_t)h & (lex->cap_words - 1);
    while (lex->words[j].h != h || !lex->words[j].used)
        j = (j + 1) & (lex->cap_words - 1);
    *out = &lex->words[j];
    return NG_OK;
}

/* Marks the word with hash h as the first word of a dictionary phrase or a trigger (`heads`:
 * NG_TK_PHEAD, NG_TK_TRIG). */
static int words_put_heads(ng_lexicon *lex, uint64_t h, uint16_t heads)
{
    ng_wordinfo *w = NULL;
    int error = words_entry(lex, h, &w);
    if (error == NG_OK) w->heads |= heads;
    return error;
}

/* The first word of a phrase of words.csv of classes `bits` (a word of its own or not). */
static int words_put_head(ng_lexicon *lex, uint64_t h, ng_wbits bits)
{
    ng_wordinfo *w = NULL;
    int error = words_entry(lex, h, &w);
    if (error == NG_OK) w->pbits |= bits;
    return error;
}

int32_t ng_lex__word_number(const ng_lexicon *lex, uint64_t h)
{
    const ng_wordinfo *w = words_get(lex, h);
    return w ? w->number : -1;
}

static int trig_index_put(ng_lexicon *lex, uint64_t h, int32_t idx)
{
    if ((lex->n_trig_index + 1) * 2 > lex->cap_trig_index) {
        size_t nc = lex->cap_trig_index ? lex->cap_trig_index * 2 : 256;
        void *nt = ng_calloc(nc, sizeof *lex->trig_index);
        if (!nt) return NG_ENOMEM;
        __typeof__(lex->trig_index) n2 = nt;
        for (size_t i = 0; i < lex->cap_trig_index; i++) {
            if (!lex->trig_index[i].used) continue;
            size_t j = (size_t)lex->trig_index[i].h & (nc - 1);
            while (n2[j].used)
                j = (j + 1) & (nc - 1);
            n2[j] = lex->trig_index[i];
        }
        free(lex->trig_index);
        lex->trig_index = n2;
        lex->cap_trig_index = nc;
    }
    size_t j = (size_t)h & (lex->cap_trig_index - 1);
    while (lex->trig_index[j].used && lex->trig_index[j].h != h)
        j = (j + 1) & (lex->cap_trig_index - 1);
    if (!lex->trig_index[j].used) {
        lex->trig_index[j].used = 1;
        lex->trig_index[j].h = h;
        lex->trig_index[j].first = -1;
        lex->n_trig_index++;
    }
    /* keep file order within a first word: append at the end of the chain */
    if (lex->trig_index[j].first < 0)
        lex->trig_index[j].first = idx;
    else {
        int32_t k = lex->trig_index[j].first;
        while (lex->triggers[k].next >= 0) {
            if (k == idx) return NG_OK;
            k = lex->triggers[k].next;
        }
        if (k != idx) lex->triggers[k].next = idx;
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ CSV rows */

#define MAX_FIELDS 16
typedef struct csv_row {
    char *f[MAX_FIELDS];   /* into the arena, set when the whole document is parsed */
    size_t fo[MAX_FIELDS]; /* while parsing: the fields' offsets in the arena */
    size_t n;
    size_t line;
} csv_row;

typedef struct csv_ctx {
    csv_row *rows;
    size_t n, cap;
    csv_row cur;
    size_t line;
    int in_row;
    int oom;
    ng_buf arena; /* every field, NUL-terminated, one after another (one allocation, not one
                   * per field) */
} csv_ctx;

static void on_field(void *s, size_t len, void *data)
{
    csv_ctx *c = data;
    if (c->oom) return;
    if (!c->in_row) {
        c->in_row = 1;
        c->cur.line = c->line;
        c->cur.n = 0;
    }
    if (c->cur.n >= MAX_FIELDS) return;
    size_t off = c->arena.len;
    if (ng_buf_put(&c->arena, s ? (const char *)s : "", s ? len : 0) < 0) {
        c->oom = 1;
        return;
    }
    c->arena.len++; /* keeps the NUL ng_buf_put wrote */
    c->cur.fo[c->cur.n++] = off;
}

static void on_row(int term, void *data)
{
    csv_ctx *c = data;
    (void)term;
    if (c->oom) return;
    if (!c->in_row) {
        c->cur.line = c->line;
        c->cur.n = 0;
    }
    c->in_row = 0;
    if (NG_ARRAY_GROW(c->rows, c->cap, c->n + 1) < 0) {
        c->oom = 1;
        return;
    }
    c->rows[c->n++] = c->cur;
    c->cur.n = 0;
}

static void rows_free(csv_ctx *c)
{
    free(c->rows);
    ng_buf_free(&c->arena);
}

/* The fields' pointers, once the arena no longer moves. */
static void rows_resolve(csv_ctx *c)
{
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = 0; j < c->rows[i].n; j++)
            c->rows[i].f[j] = c->arena.ptr + c->rows[i].fo[j];
}

static int csv_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Line s (n bytes before its '\n', no quote, no carriage return) read from the start of a row
 * as libcsv reads it: fields split at commas, spaces and tabs around each dropped, no row for
 * a blank line. Most lexicon lines are such; libcsv took about 40 instructions a byte. */
static void plain_line(csv_ctx *c, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && csv_blank(s[i]))
        i++;
    if (i == n) return;
    for (;;) {
        while (i < n && csv_blank(s[i]))
            i++;
        const char *comma = memchr(s + i, ',', n - i);
        size_t e = comma ? (size_t)(comma - s) : n, z = e;
        while (z > i && csv_blank(s[z - 1]))
            z--;
        on_field((void *)(uintptr_t)(s + i), z - i, c);
        if (e == n) break;
        i = e + 1;
    }
    on_row('\n', c);
}

/* Parses a whole CSV document into rows (line by line, so each row knows its line). */
static int parse_csv(csv_ctx *c, const char *origin, const char *data, size_t len)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_APPEND_NULL) != 0)
        return ng_error_set("%s: cannot start the CSV parser", origin), NG_ENOMEM;
    const int row_start = p.pstate; /* libcsv's state between rows */
    size_t i = 0, lines = 1;
    /* a row a line: the rows' array sized once, not copied as it doubles */
    for (const char *q = data; (q = memchr(q, '\n', (size_t)(data + len - q))) != NULL; q++)
        lines++;
    if (NG_ARRAY_GROW(c->rows, c->cap, lines) < 0) {
        csv_free(&p);
        return NG_ENOMEM;
    }
    c->line = 1;
    while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t j = nl ? (size_t)(nl - data) + 1 : len;
        if (nl && p.pstate == row_start && !memchr(data + i, '"', j - i) &&
            !memchr(data + i, '\r', j - i)) {
            plain_line(c, data + i, j - 1 - i);
        } else if (csv_parse(&p, data + i, j - i, on_field, on_row, c) != j - i) {
            int e = csv_error(&p);
            csv_free(&p);
            ng_error_set("%s:%zu: CSV error: %s", origin, c->line, csv_strerror(e));
            return NG_EFORMAT;
        }
        c->line++;
        i = j;
    }
    c->line--;
    csv_fini(&p, on_field, on_row, c);
    csv_free(&p);
    if (c->oom || c->arena.oom) return NG_ENOMEM;
    rows_resolve(c);
    return NG_OK;
}

/* Column index of `name` in the header row, -1 when absent. */
static int col(const csv_row *hdr, const char *name)
{
    for (size_t i = 0; i < hdr->n; i++) {
        const char *h = hdr->f[i];
        while (*h == ' ' || *h == '#')
            h++;
        if (strcasecmp(h, name) == 0) return (int)i;
    }
    return -1;
}

static const char *field(const csv_row *r, int c)
{
    if (c < 0 || (size_t)c >= r->n || !r->f[c]) return "";
    const char *s = r->f[c];
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static int row_blank(const csv_row *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const char *s = r->f[i];
        while (*s == ' ' || *s == '\t' || *s == '\r')
            s++;
        if (*s) return *s == '#' && i == 0;
    }
    return 1;
}

/* Calls fn for each '|'-separated, trimmed, non-empty item of s. */
typedef int (*item_fn)(ng_lexicon *lex, const char *item, void *arg);
static int each_item(ng_lexicon *lex, const char *s, item_fn fn, void *arg)
{
    char buf[512];
    while (*s) {
        const char *e = strchr(s, '|');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
            n--;
        while (n && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        if (n && n < sizeof buf) {
            memcpy(buf, s, n);
            buf[n] = '\0';
            int error = fn(lex, buf, arg);
            if (error < 0) return error;
        }
        if (!e) break;
        s = e + 1;
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ entities */

static int make_key(char **out, const ng_lexicon *lex, ng_etype type, const char *name)
{
    ng_buf b = NG_BUF_INIT;
    ng_buf_puts(&b, ng_etype_name(type));
    ng_buf_putc(&b, ':');
    if (type == NG_ETYPE_PERSON) {
        if (ng_names__key(&b, lex, name, strlen(name)) < 0) {
            ng_buf_free(&b);
            return NG_ENOMEM;
        }
    } else if (ng_text_fold(&b, name, strlen(name)) < 0) {
        ng_buf_free(&b);
        return NG_ENOMEM;
    }
    if (b.oom) {
        ng_buf_free(&b);
        return NG_ENOMEM;
    }
    *out = ng_buf_detach(&b);
    return NG_OK;
}

static int add_entity(ng_lexicon *lex, int32_t *id, const char *name, ng_etype type,
                      const char *demonym, int32_t state)
{
    if (NG_ARRAY_GROW(lex->ents, lex->cap_ents, lex->n_ents + 1) < 0) return NG_ENOMEM;
    ng_lx_entity *e = &lex->ents[lex->n_ents];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->state = state;
    if (!(e->name = ng_strdup(name))) return NG_ENOMEM;
    if (demonym && *demonym && !(e->demonym = ng_strdup(demonym))) {
        free(e->name);
        return NG_ENOMEM;
    }
    if (make_key(&e->key, lex, type, name) < 0) {
        free(e->name);
        free(e->demonym);
        return NG_ENOMEM;
    }
    *id = (int32_t)lex->n_ents++;
    return NG_OK;
}

typedef struct phrase_arg {
    ng_ptab *t;
    uint64_t kind;
    int32_t id;
} phrase_arg;
static int item_phrase(ng_lexicon *lex, const char *item, void *arg)
{
    phrase_arg *a = arg;
    return ptab_add(lex, a->t, item, a->kind, a->id);
}

static int first_item(char *out, size_t cap, const char *s)
{
    const char *e = strchr(s, '|');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    if (n >= cap) n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
    return n > 0;
}

/* The ASCII letters of the folded s (at most cap - 1) into out; their count. */
static size_t fold_letters(char *out, size_t cap, const char *s)
{
    ng_buf b = NG_BUF_INIT;
    size_t n = 0;
    if (ng_text_fold(&b, s, strlen(s)) == NG_OK && !b.oom)
        for (size_t i = 0; i < b.len && n + 1 < cap; i++)
            if (b.ptr[i] >= 'a' && b.ptr[i] <= 'z') out[n++] = b.ptr[i];
    out[n] = '\0';
    ng_buf_free(&b);
    return n;
}

/* Do x and y fold to the same text (the same key)? */
static int same_fold(const char *x, const char *y)
{
    ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
    int same = ng_text_fold(&a, x, strlen(x)) == NG_OK && ng_text_fold(&b, y, strlen(y)) == NG_OK &&
               !a.oom && !b.oom && a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
    ng_buf_free(&a);
    ng_buf_free(&b);
    return same;
}

/* Are two names of a capital spellings of one city ("Kyiv" and "Kiev", "Tehran" and
 * "Teheran", "Sanaa" and "Sana'a", "Bern" and "Berne"), not two cities ("Porto-Novo" and
 * "Cotonou")? Their letters differ by one edit, or by two between the same first and last
 * letters, in names of four letters or more. */
static int same_city(const char *x, const char *y)
{
    char a[48], b[48];
    size_t na = fold_letters(a, sizeof a, x), nb = fold_letters(b, sizeof b, y);
    unsigned d[48], prev;
    if (na < 4 || nb < 4 || (na > nb ? na - nb : nb - na) > 2) return 0;
    for (size_t j = 0; j <= nb; j++)
        d[j] = (unsigned)j;
    for (size_t i = 1; i <= na; i++) {
        prev = d[0];
        d[0] = (unsigned)i;
        for (size_t j = 1; j <= nb; j++) {
            unsigned cur = d[j], best = prev + (a[i - 1] != b[j - 1]);
            if (d[j] + 1 < best) best = d[j] + 1;
            if (d[j - 1] + 1 < best) best = d[j - 1] + 1;
            d[j] = best;
            prev = cur;
        }
    }
    /* (names whose letters are the same, "Lomé" and "Lome", already share the place's key
     * and keep their own forms) */
    return (d[nb] == 1 || (d[nb] == 2 && a[0] == b[0] && a[na - 1] == b[nb - 1])) ||
           (d[nb] == 0 && !same_fold(x, y));
}

typedef struct capital_arg {
    int32_t state;
    int32_t first; /* the column's first place, -1 before it */
} capital_arg;
/* One place per city of the capital column: an earlier item with its district after a comma
 * or a space ("Washington, D.C.", "Washington DC" after "Washington") names the same place,
 * so that a text that writes both gives one node, and so does another spelling of the first
 * ("Kiev" after "Kyiv": same_city; "Bogota" for "Bogotá" already shares the place's key). Another
 * city of the column (a seat of government: "Abidjan") is a place of its own. */
static int item_capital(ng_lexicon *lex, const char *item, void *arg)
{
    capital_arg *a = arg;
    int32_t cid = -1;
    int error;
    if (a->first >= 0) {
        const char *f = lex->ents[a->first].name;
        size_t pl = strlen(f);
        if (strncmp(item, f, pl) == 0 && (item[pl] == ',' || item[pl] == ' ') &&
            strspn(item + pl, " ,.ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(item + pl))
            cid = a->first;
        else if (same_city(f, item))
            cid = a->first;
    }
    if (cid < 0) {
        if ((error = add_entity(lex, &cid, item, NG_ETYPE_PLACE, NULL, a->state)) < 0)
            return error;
        if (a->first < 0) a->first = cid;
    }
    return ptab_add(lex, &lex->phrases, item, NG_LX_CAPITAL, cid);
}

/* s into buf (cap > 0 bytes), cut as snprintf "%s" cuts, without its cost. */
static void copy_cut(char *buf, size_t cap, const char *s)
{
    size_t n = strnlen(s, cap - 1);
    memcpy(buf, s, n);
    buf[n] = '\0';
}

/* "origin:line" into w (cap bytes, cut as snprintf cuts): every row writes it, few use it,
 * and snprintf was a tenth of the loading. */
static void row_where(char *w, size_t cap, const char *origin, size_t line)
{
    char num[24];
    size_t k = sizeof num, n = 0;
    do {
        num[--k] = (char)('0' + line % 10);
        line /= 10;
    } while (line);
    for (; *origin && n + 1 < cap; origin++)
        w[n++] = *origin;
    if (n + 1 < cap) w[n++] = ':';
    for (; k < sizeof num && n + 1 < cap; k++)
        w[n++] = num[k];
    if (cap) w[n] = '\0';
}

/* Reports a skipped row on one line: a message may quote a field, and a CSV field may hold
 * line breaks or control characters, which are escaped (ng_text_printable). */
static void report_skip(ng_skip_fn on_skip, void *ctx, const char *where, const char *msg)
{
    char w[NG_ERROR_MAX], m[NG_ERROR_MAX];
    if (!on_skip) return;
    ng_text_printable(w, sizeof w, where, strlen(where), 0);
    ng_text_printable(m, sizeof m, msg, strlen(msg), 0);
    on_skip(ctx, w, m);
}

/* The type of an actors row (an organization when the column is empty in built-in data);
 * -1 with *msg when the row is bad. */
static int actor_type(ng_etype *type, const char *name, const char *type_s, int user, char *msg,
                      size_t msglen)
{
    *type = NG_ETYPE_ORG;
    if (!*name) return snprintf(msg, msglen, "empty name"), -1;
    if (*type_s && ng_etype_parse(type, type_s) < 0)
        return snprintf(msg, msglen,
                        "unknown type '%.60s' (use person, state, organization, place)", type_s),
               -1;
    if (!*type_s && user)
        return snprintf(msg, msglen, "empty type (use person, state, organization, place)"), -1;
    if (*type == NG_ETYPE_PERSON && !user)
        return snprintf(msg, msglen, "built-in data never lists people"), -1;
    return 0;
}

/* states.csv, organizations.csv and users' --actors files share these columns. */
static int load_actors(ng_lexicon *lex, csv_ctx *c, const char *origin, int user,
                       ng_skip_fn on_skip, void *ctx)
{
    const csv_row *hdr = &c->rows[0];
    int c_name = col(hdr, "name"), c_type = col(hdr, "type"), c_alias = col(hdr, "aliases"),
        c_dem = col(hdr, "demonyms"), c_cap = col(hdr, "capital"), c_seat = col(hdr, "seats");
    int error;
    char msg[160], where[NG_ERROR_MAX];
    if (c_name < 0) {
        snprintf(where, sizeof where, "%s:1", origin);
        report_skip(on_skip, ctx, where, "no 'name' column in the header; file ignored");
        return NG_OK;
    }
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        const char *name = field(row, c_name), *type_s = field(row, c_type);
        ng_etype type;
        int32_t id;
        char dem[128];
        if (row_blank(row)) continue;
        row_where(where, sizeof where, origin, row->line);
        if (actor_type(&type, name, type_s, user, msg, sizeof msg) < 0) {
            report_skip(on_skip, ctx, where, msg);
            continue;
        }
        if (!first_item(dem, sizeof dem, field(row, c_dem))) dem[0] = '\0';
        if ((error = add_entity(lex, &id, name, type, dem, -1)) < 0) return error;
        if (type == NG_ETYPE_ORG && !user) lex->ents[id].flags |= NG_LXF_MULTISTATE;
        if (type == NG_ETYPE_PLACE && !user) lex->ents[id].flags |= NG_LXF_NONODE;
        phrase_arg pa = {&lex->phrases,
                         type == NG_ETYPE_PERSON  ? NG_LX_PERSON
                         : type == NG_ETYPE_PLACE ? NG_LX_PLACE
                                                  : NG_LX_NAME,
                         id};
        if ((error = item_phrase(lex, name, &pa)) < 0) return error;
        if ((error = each_item(lex, field(row, c_alias), item_phrase, &pa)) < 0) return error;
        if (type == NG_ETYPE_STATE || type == NG_ETYPE_ORG) {
            phrase_arg pd = {&lex->phrases, NG_LX_DEMONYM, id};
            if ((error = each_item(lex, field(row, c_dem), item_phrase, &pd)) < 0) return error;
            phrase_arg ps = {&lex->phrases, NG_LX_SEAT, id};
            if ((error = each_item(lex, field(row, c_seat), item_phrase, &ps)) < 0) return error;
        }
        if (type == NG_ETYPE_STATE) {
            capital_arg ca = {id, -1};
            if ((error = each_item(lex, field(row, c_cap), item_capital, &ca)) < 0) return error;
        }
    }
    return NG_OK;
}

static int load_bodies(ng_lexicon *lex, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                       void *ctx)
{
    const csv_row *hdr = &c->rows[0];
    int c_name = col(hdr, "name"), c_alias = col(hdr, "aliases"), c_type = col(hdr, "type");
    int error;
    char where[NG_ERROR_MAX];
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        const char *name = field(row, c_name);
        if (row_blank(row)) continue;
        if (!*name) {
            row_where(where, sizeof where, origin, row->line);
            report_skip(on_skip, ctx, where, "empty body name");
            continue;
        }
        if (NG_ARRAY_GROW(lex->bodies, lex->cap_bodies, lex->n_bodies + 1) < 0) return NG_ENOMEM;
        ng_lx_body *b = &lex->bodies[lex->n_bodies];
        if (!(b->name = ng_strdup(name))) return NG_ENOMEM;
        if (!(b->type = ng_strdup(field(row, c_type)))) {
            free(b->name);
            return NG_ENOMEM;
        }
        b->is_state = strcmp(b->type, "state") == 0;
        int32_t id = (int32_t)lex->n_bodies++;
        phrase_arg pa = {&lex->phrases, NG_LX_BODY, id};
        if ((error = item_phrase(lex, name, &pa)) < 0) return error;
        if ((error = each_item(lex, field(row, c_alias), item_phrase, &pa)) < 0) return error;
    }
    return NG_OK;
}

/* The body of the lexicon whose name folds as `name` does (ng_text_fold), -1 when none; the
 * name is folded once, each body's into one reused buffer. */
static int32_t body_named(const ng_lexicon *lex, const char *name)
{
    ng_buf x = NG_BUF_INIT, y = NG_BUF_INIT;
    int32_t found = -1;
    if (ng_text_fold(&x, name, strlen(name)) == NG_OK && x.ptr)
        for (size_t b = 0; b < lex->n_bodies && found < 0; b++) {
            ng_buf_clear(&y);
            if (ng_text_fold(&y, lex->bodies[b].name, strlen(lex->bodies[b].name)) == NG_OK &&
                y.ptr && strcmp(x.ptr, y.ptr) == 0)
                found = (int32_t)b;
        }
    ng_buf_free(&x);
    ng_buf_free(&y);
    return found;
}

/* Does a word or phrase of class soleoffice (words.csv) appear in the title ("Prime
 * Minister", "Vice President")? */
static int title_is_sole(uint8_t *out, ng_lexicon *lex, const char *title)
{
    ng_toks *tk;
    const ng_ptab *pt = &lex->wordphrases;
    int error = load_tokens(lex, title, strlen(title), &tk);
    *out = 0;
    for (size_t i = 0; error == NG_OK && i < tk->n && !*out; i++) {
        uint64_t h = NG_SEQ_SEED;
        if (ng_lex__word_bits(lex, tk->v[i].h) & NG_W_SOLEOFFICE) *out = 1;
        for (size_t k = i; k < tk->n && !*out; k++) {
            const ng_ptab_slot *slot;
            h = ng_x__seq_hash(h, tk->v[k].h);
            if (!(slot = ng_ptab__find(pt, h))) break;
            for (int32_t v = slot->first; v >= 0; v = pt->vals[v].next)
                if (pt->vals[v].kind & NG_W_SOLEOFFICE) *out = 1;
        }
    }
    return error;
}

static int32_t lex_entity_named(ng_lexicon *lex, const char *name, int type);

static int load_titles(ng_lexicon *lex, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                       void *ctx)
{
    static const char *const kinds[] = {"office",    "military", "honorific",
                                        "religious", "royal",    "role"};
    const csv_row *hdr = &c->rows[0];
    int c_title = col(hdr, "title"), c_kind = col(hdr, "kind"), c_body = col(hdr, "body");
    int error;
    char where[NG_ERROR_MAX], msg[160];
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        const char *title = field(row, c_title), *kind_s = field(row, c_kind),
                   *body = field(row, c_body);
        int kind = -1;
        if (row_blank(row)) continue;
        row_where(where, sizeof where, origin, row->line);
        for (int k = 0; k < 6; k++)
            if (strcasecmp(kind_s, kinds[k]) == 0) kind = k;
        if (!*title || kind < 0) {
            snprintf(
                msg, sizeof msg, "%s",
                !*title ? "empty title"
                        : "unknown kind (use office, military, honorific, religious, royal, role)");
            report_skip(on_skip, ctx, where, msg);
            continue;
        }
        if (NG_ARRAY_GROW(lex->titles, lex->cap_titles, lex->n_titles + 1) < 0) return NG_ENOMEM;
        ng_lx_title *t = &lex->titles[lex->n_titles];
        if ((error = title_is_sole(&t->sole, lex, title)) < 0) return error;
        if (!(t->title = ng_strdup(title))) return NG_ENOMEM;
        t->kind = kind;
        t->body = t->see = -1;
        if (*body && kind == NG_TITLE_RELIGIOUS)
            t->see = lex_entity_named(lex, body, -1);
        else if (*body && (t->body = body_named(lex, body)) < 0 && kind == NG_TITLE_OFFICE)
            /* an office only one state or organization has ("Secretary of State" written
             * alone: the US; "European Commissioner": the EU) */
            t->see = lex_entity_named(lex, body, -1);
        int32_t id = (int32_t)lex->n_titles++;
        phrase_arg pa = {&lex->phrases, NG_LX_TITLE, id};
        if ((error = item_phrase(lex, title, &pa)) < 0) return error;
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ treaties */

/* The entity of the dictionary of type `type` (or a state or organization when type is -1)
 * whose name or alias is exactly `name`, -1 if none. */
static int32_t lex_entity_named(ng_lexicon *lex, const char *name, int type)
{
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    int32_t found = -1;
    uint64_t h = NG_SEQ_SEED;
    if (ng_tok__run(&tk, &lex->abbrevs, name, 0, strlen(name)) == 0 && tk.n) {
        for (size_t i = 0; i < tk.n; i++)
            h = ng_x__seq_hash(h, tk.v[i].h);
        const ng_ptab_slot *slot = ng_ptab__find(&lex->phrases, h);
        for (int32_t v = slot ? slot->first : -1; v >= 0 && found < 0;
             v = lex->phrases.vals[v].next)
            if (lex->phrases.vals[v].kind == NG_LX_NAME &&
                (type >= 0 ? (int)lex->ents[lex->phrases.vals[v].id].type == type
                           : lex->ents[lex->phrases.vals[v].id].type == NG_ETYPE_ORG ||
                                 lex->ents[lex->phrases.vals[v].id].type == NG_ETYPE_STATE))
                found = lex->phrases.vals[v].id;
    }
    ng_toks__free(&tk);
    ng_buf_free(&fold);
    return found;
}

/* treaties.csv: name,organization,aliases: a treaty whose parties are the members of an
 * organization of organizations.csv ("a state party to the Rome Statute" is a member of the
 * International Criminal Court). */
static int load_treaties(ng_lexicon *lex, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                         void *ctx)
{
    const csv_row *hdr = &c->rows[0];
    int c_name = col(hdr, "name"), c_org = col(hdr, "organization"), c_alias = col(hdr, "aliases");
    int error;
    char where[600], msg[200];
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        if (row_blank(row)) continue;
        row_where(where, sizeof where, origin, row->line);
        int32_t org = lex_entity_named(lex, field(row, c_org), NG_ETYPE_ORG);
        if (!*field(row, c_name) || org < 0) {
            snprintf(msg, sizeof msg, "no name, or organization '%.60s' not in organizations.csv",
                     field(row, c_org));
            report_skip(on_skip, ctx, where, msg);
            continue;
        }
        lex->ents[org].flags |= NG_LXF_TREATYORG;
        phrase_arg pa = {&lex->phrases, NG_LX_TREATY, org};
        if ((error = item_phrase(lex, field(row, c_name), &pa)) < 0) return error;
        if ((error = each_item(lex, field(row, c_alias), item_phrase, &pa)) < 0) return error;
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ triggers */

/* The message for a trigger row whose relation is not in the table. Returns NG_EINVAL. */
static int undeclared(const char *where, const char *name)
{
    ng_buf known = NG_BUF_INIT;
    ng_rel_join(&known, 0, ~(uint64_t)0, ", ");
    ng_error_set("%s: relation '%.40s' is not declared: declare it with --relations FILE.csv "
                 "(name,direction,hostile,subjects,objects,description) or use one of %s",
                 where, name, known.ptr ? known.ptr : "");
    ng_buf_free(&known);
    return NG_EINVAL;
}

/* Parses a trigger pattern: slots separated by spaces, alternatives by '/', a final '?'
 * makes a slot optional, '*' is a gap of up to three tokens that are not actors. */
static int parse_pattern(ng_lexicon *lex, ng_trigger *t, const char *pat, char *why, size_t whylen)
{
    char buf[NG_TR_MAX_PATTERN];
    size_t n = strlen(pat);
    if (n >= sizeof buf) {
        snprintf(why, whylen, "pattern longer than %d bytes", NG_TR_MAX_PATTERN - 1);
        return -1;
    }
    memcpy(buf, pat, n + 1);
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        if (t->n_slot >= NG_TR_MAX_SLOTS) {
            snprintf(why, whylen, "more than %d words in pattern", NG_TR_MAX_SLOTS);
            return -1;
        }
        ng_tr_slot *sl = &t->slot[t->n_slot];
        memset(sl, 0, sizeof *sl);
        size_t wl = strlen(w);
        if (strcmp(w, "*") == 0) {
            if (t->n_slot == 0) {
                snprintf(why, whylen, "a pattern cannot start with '*'");
                return -1;
            }
            sl->gap = 1;
            t->n_slot++;
            continue;
        }
        if (wl > 1 && w[wl - 1] == '?') {
            sl->optional = 1;
            w[--wl] = '\0';
        }
        if (sl->optional && t->n_slot == 0) {
            snprintf(why, whylen, "the first word cannot be optional");
            return -1;
        }
        char *save2 = NULL;
        for (char *a = strtok_r(w, "/", &save2); a; a = strtok_r(NULL, "/", &save2)) {
            ng_buf f = NG_BUF_INIT;
            if (sl->n_alt >= NG_TR_MAX_ALTS) {
                snprintf(why, whylen, "more than %d alternatives", NG_TR_MAX_ALTS);
                return -1;
            }
            if (ng_text_fold(&f, a, strlen(a)) < 0) return NG_ENOMEM;
            sl->alt[sl->n_alt] = ng_x__tok_hash(f.ptr ? f.ptr : "", f.len);
            sl->mask |= NG_TR_ALT_BIT(sl->alt[sl->n_alt]);
            sl->n_alt++;
            ng_buf_free(&f);
        }
        if (!sl->n_alt) {
            snprintf(why, whylen, "empty word in pattern");
            return -1;
        }
        t->n_slot++;
    }
    (void)lex;
    if (!t->n_slot) {
        snprintf(why, whylen, "empty pattern");
        return -1;
    }
    return 0;
}

/* The flags column of triggers.csv (documented in data/README.md). */
static const struct {
    const char *name;
    uint32_t bit;
} trigger_flags[] = {
    {"inverse", NG_TRF_INVERSE},
    {"poss", NG_TRF_POSS},
    {"doc", NG_TRF_DOC},
    {"quote", NG_TRF_QUOTE},
    {"pair", NG_TRF_PAIR},
    {"selfobj", NG_TRF_SELFOBJ},
    {"ellipsis", NG_TRF_ELLIPSIS},
    {"objperson", NG_TRF_OBJPERSON},
    {"counterpart", NG_TRF_COUNTERPART},
    {"partners", NG_TRF_PARTNERS},
    {"bypartners", NG_TRF_BYPARTNERS},
    {"intrans", NG_TRF_INTRANS},
    {"journey", NG_TRF_JOURNEY},
    {"alongside", NG_TRF_ALONGSIDE},
    {"owner", NG_TRF_OWNER},
    {"ofobj", NG_TRF_OFOBJ},
    {"gapobj", NG_TRF_GAPOBJ},
    {"orgsubj", NG_TRF_ORGSUBJ},
    {"favour", NG_TRF_FAVOUR},
    {"purpose", NG_TRF_PURPOSE},
    {"reply", NG_TRF_REPLY},
    {"diplomatic", NG_TRF_DIPLOMATIC},
    {"latest", NG_TRF_LATEST},
    {"memberctx", NG_TRF_MEMBERCTX},
    {"announced", NG_TRF_ANNOUNCED},
    {"active", NG_TRF_ACTIVE},
    {"states", NG_TRF_STATES},
};

/* Parses the '|'-separated flags into t->flags; on an unknown flag, *why says which ones
 * there are and -1 is returned. */
static int parse_flags(ng_trigger *t, const char *fl, char *why, size_t whylen)
{
    const size_t n_flags = sizeof trigger_flags / sizeof trigger_flags[0];
    char buf[256];
    char *save = NULL;
    copy_cut(buf, sizeof buf, fl);
    for (char *p = strtok_r(buf, "|", &save); p; p = strtok_r(NULL, "|", &save)) {
        size_t k;
        while (*p == ' ')
            p++;
        if (!*p) continue;
        for (k = 0; k < n_flags && strcmp(p, trigger_flags[k].name) != 0; k++) {
        }
        if (k < n_flags) {
            t->flags |= trigger_flags[k].bit;
            continue;
        }
        size_t n = (size_t)snprintf(why, whylen, "unknown flag (use");
        for (k = 0; k < n_flags && n < whylen; k++)
            n +=
                (size_t)snprintf(why + n, whylen - n, "%s %s", k ? "," : "", trigger_flags[k].name);
        if (n < whylen) snprintf(why + n, whylen - n, ")");
        return -1;
    }
    return 0;
}

/* The object column: prepositions introducing the object, '-' a direct object; empty: the
 * trigger takes no object. */
static void parse_objects(ng_trigger *t, const char *o)
{
    char buf[128];
    char *save = NULL;
    if (!*o) t->no_object = 1;
    copy_cut(buf, sizeof buf, o);
    for (char *p = strtok_r(buf, "|", &save); p && t->n_prep < 6; p = strtok_r(NULL, "|", &save)) {
        while (*p == ' ')
            p++;
        if (strcmp(p, "-") == 0) {
            t->prep[t->n_prep++] = 0;
            continue;
        }
        ng_buf f = NG_BUF_INIT;
        ng_text_fold(&f, p, strlen(p));
        t->prep[t->n_prep++] = ng_x__tok_hash(f.ptr ? f.ptr : "", f.len);
        ng_buf_free(&f);
    }
}

/* Appends a trigger and indexes it by its first word's alternatives. */
static int add_trigger(ng_lexicon *lex, const ng_trigger *t)
{
    int error;
    if (NG_ARRAY_GROW(lex->triggers, lex->cap_triggers, lex->n_triggers + 1) < 0) return NG_ENOMEM;
    int32_t idx = (int32_t)lex->n_triggers++;
    lex->triggers[idx] = *t;
    if (t->n_slot > lex->max_trigger_slots) lex->max_trigger_slots = t->n_slot;
    for (size_t a = 0; a < t->slot[0].n_alt; a++)
        if ((error = trig_index_put(lex, t->slot[0].alt[a], idx)) < 0 ||
            (error = words_put_heads(lex, t->slot[0].alt[a], NG_TK_TRIG)) < 0)
            return error;
    return NG_OK;
}

/* One row of triggers.csv into *t: 0, -1 with *why when the row is bad (skipped), or an error:
 * NG_EINVAL (message "WHERE: ...") when it names a relation that is not declared. */
static int parse_trigger(ng_lexicon *lex, ng_trigger *t, const csv_row *row, const int *cols,
                         const char *where, char *why, size_t whylen)
{
    int error;
    memset(t, 0, sizeof *t);
    t->next = -1;
    const char *rel = field(row, cols[0]);
    if (!*rel) { /* a row of no relation (or a file that is no triggers file): skipped */
        snprintf(why, whylen, "no relation named");
        return -1;
    }
    /* a typo must not silently lose a whole relation type: stop the run (NG_EINVAL) */
    if (ng_rel_parse(&t->rel, rel) < 0) return undeclared(where, rel);
    const char *form = field(row, cols[1]);
    if (strcasecmp(form, "verb") == 0) {
        t->form = NG_TR_VERB;
    } else if (strcasecmp(form, "noun") == 0) {
        t->form = NG_TR_NOUN;
    } else {
        snprintf(why, whylen, "unknown form (use verb or noun)");
        return -1;
    }
    why[0] = '\0';
    if ((error = parse_pattern(lex, t, field(row, cols[2]), why, whylen)) != 0) return error;
    parse_objects(t, field(row, cols[3]));
    return parse_flags(t, field(row, cols[4]), why, whylen);
}

static int load_triggers(ng_lexicon *lex, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                         void *ctx)
{
    const csv_row *hdr = &c->rows[0];
    const int cols[5] = {col(hdr, "relation"), col(hdr, "form"), col(hdr, "pattern"),
                         col(hdr, "object"), col(hdr, "flags")};
    int error;
    char where[NG_ERROR_MAX], why[256];
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        ng_trigger t;
        if (row_blank(row)) continue;
        row_where(where, sizeof where, origin, row->line);
        if ((error = parse_trigger(lex, &t, row, cols, where, why, sizeof why)) < -1) return error;
        if (error == -1) {
            report_skip(on_skip, ctx, where, why);
            continue;
        }
        if ((error = add_trigger(lex, &t)) < 0) return error;
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ small files */

static int load_abbrevs(ng_lexicon *lex, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                        void *ctx)
{
    const csv_row *hdr = &c->rows[0];
    int c_ab = col(hdr, "abbreviation"), c_kind = col(hdr, "kind");
    char where[NG_ERROR_MAX];
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        const char *ab = field(row, c_ab), *kind = field(row, c_kind);
        char buf[64];
        size_t n = 0;
        if (row_blank(row)) continue;
        for (const char *p = ab; *p && n < sizeof buf - 1; p++)
            buf[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        while (n && buf[n - 1] == '.')
            n--;
        buf[n] = '\0';
        if (!n || strchr(buf, ' ')) {
            row_where(where, sizeof where, origin, row->line);
            report_skip(on_skip, ctx, where, "empty abbreviation or one with a space");
            continue;
        }
        /* kinds: title (never ends a sentence), month (not before a number), other (may end one) */
        int may_end = strcasecmp(kind, "other") == 0 ? 1 : strcasecmp(kind, "month") == 0 ? 2 : 0;
        if (ng_abbrevs__add(&lex->abbrevs, ng_x__tok_hash(buf, n), may_end) < 0) return NG_ENOMEM;
    }
    return NG_OK;
}

/* May rule r match a line whatever its first byte? (Only a "contains" rule, or an empty
 * pattern, can match a line that does not start with the pattern's first byte.) */
static int bp_any_start(const ng_bp_rule *r)
{
    return r->match == NG_BP_CONTAINS || r->len == 0;
}

/* Rebuilds the prefilter of the "contains" rules (bp_oct, bp_step, bp_short_contains). */
static void bp_prefilter(ng_lexicon *lex)
{
    uint32_t step = 8;
    memset(lex->bp_oct, 0, sizeof lex->bp_oct);
    lex->bp_short_contains = 0;
    for (size_t r = 0; r < lex->n_bp; r++) {
        if (lex->bp[r].match != NG_BP_CONTAINS) continue;
        if (lex->bp[r].len < 8)
            lex->bp_short_contains = 1;
        else if (lex->bp[r].len - 7 < step)
            step = (uint32_t)(lex->bp[r].len - 7);
    }
    lex->bp_step = step;
    for (size_t r = 0; r < lex->n_bp; r++) {
        if (lex->bp[r].match != NG_BP_CONTAINS || lex->bp[r].len < 8) continue;
        for (uint32_t o = 0; o < step; o++) {
            uint32_t bit = ng_lex__oct_bit(lex->bp[r].pattern + o);
            lex->bp_oct[bit >> 6] |= 1ULL << (bit & 63);
        }
    }
}

/* Rebuilds lex->bp_by_byte: for each first byte, its rules in file order (a rule that may
 * start with any byte is in every list); and the prefilter. */
static int bp_index(ng_lexicon *lex)
{
    uint32_t count[256] = {0}, any = 0, at[256];
    for (size_t r = 0; r < lex->n_bp; r++) {
        if (bp_any_start(&lex->bp[r]))
            any++;
        else
            count[(unsigned char)lex->bp[r].pattern[0]]++;
    }
    size_t total = 0;
    for (unsigned c = 0; c < 256; c++) {
        lex->bp_byte_off[c] = at[c] = (uint32_t)total;
        total += count[c] + any;
    }
    lex->bp_byte_off[256] = (uint32_t)total;
    int32_t *v = total ? ng_malloc(total * sizeof *v) : NULL;
    if (total && !v) return NG_ENOMEM;
    for (size_t r = 0; r < lex->n_bp; r++) {
        if (!bp_any_start(&lex->bp[r]))
            v[at[(unsigned char)lex->bp[r].pattern[0]]++] = (int32_t)r;
        else
            for (unsigned c = 0; c < 256; c++)
                v[at[c]++] = (int32_t)r;
    }
    free(lex->bp_by_byte);
    lex->bp_by_byte = v;
    bp_prefilter(lex);
    return NG_OK;
}

static int load_boiler(ng_lexicon *lex, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                       void *ctx)
{
    const csv_row *hdr = &c->rows[0];
    int c_match = col(hdr, "match"), c_pat = col(hdr, "pattern");
    char where[NG_ERROR_MAX];
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        const char *m = field(row, c_match), *pat = field(row, c_pat);
        int match;
        if (row_blank(row)) continue;
        row_where(where, sizeof where, origin, row->line);
        if (strcasecmp(m, "exact") == 0)
            match = NG_BP_EXACT;
        else if (strcasecmp(m, "prefix") == 0)
            match = NG_BP_PREFIX;
        else if (strcasecmp(m, "contains") == 0)
            match = NG_BP_CONTAINS;
        else if (strcasecmp(m, "rest") == 0)
            match = NG_BP_REST;
        else if (strcasecmp(m, "label") == 0)
            match = NG_BP_LABEL;
        else {
            report_skip(on_skip, ctx, where,
                        "unknown match (use exact, prefix, contains, rest, label)");
            continue;
        }
        if (!*pat) {
            report_skip(on_skip, ctx, where, "empty pattern");
            continue;
        }
        if (NG_ARRAY_GROW(lex->bp, lex->cap_bp, lex->n_bp + 1) < 0) return NG_ENOMEM;
        ng_buf f = NG_BUF_INIT;
        if (ng_text_fold(&f, pat, strlen(pat)) < 0 || !f.ptr) {
            ng_buf_free(&f);
            return NG_ENOMEM;
        }
        lex->bp[lex->n_bp].len = f.len;
        lex->bp[lex->n_bp].pattern = ng_buf_detach(&f);
        lex->bp[lex->n_bp].match = match;
        lex->n_bp++;
    }
    return bp_index(lex);
}

/* The word classes of words.csv, in the order of their bits (NG_W_*). */
static const char *const word_classes[] = {
    "say",       "modal",      "plan",       "neg",         "cond",        "rumour",
    "decide",    "orghead",    "placehead",  "particle",    "stop",        "notname",
    "groupnoun", "blocnoun",   "govnoun",    "troops",      "doc",         "personnoun",
    "skipadv",   "locprep",    "clause",     "be",          "numword",     "pastmark",
    "titlemod",  "prep",       "det",        "partynoun",   "pronhe",      "pronthey",
    "pronit",    "subjpron",   "objpron",    "countrynoun", "bodynoun",    "bodyword",
    "orgnoun",   "namingverb", "joinverb",   "reciprocal",  "listlink",    "alongside",
    "daysago",   "yearsago",   "yearprep",   "notobj",      "statename",   "areanoun",
    "apposmod",  "ppmark",     "soleoffice", "aliasintro",  "plainword",   "kin",
    "otherside", "membernoun", "membermod",  "notmember",   "treatyparty", "actnoun",
    "namesuffix", "separate",   "favour",     "casenoun",    "former",
    "toidiom",   "reportnoun", "falsity",    "alsoadv",
    "jointmod",  "guestnoun", "address", "compass", "spokesnoun", "tiekind",
    "blocplural", "pressnoun", "titlename", "pluralposs",
    "headoffice", "firmnoun",  "pastpart", "withnoun", "gathering",
    "eventnoun", "indirect", "credence", "treatyhead", "exitword",
    "notify", "facility", "talkto", "linkverb",
    /* Session 9 classes. "reservedNN" keeps the place of bit NN, which no class uses (it was
     * set aside for a branch whose class did not land): a new class takes such a bit by
     * replacing the placeholder with its name and defining NG_W_* for it; no words.csv row
     * names a placeholder. */
    "seatverb", "expertnoun", "armedmod", "sceneopen", "honorword", "letterhead",
    "appointverb", "staffnoun", "reserved101", "entrynoun", "approveverb", "failverb",
    "venueverb", "causative", "postnominal", "issuednoun", "proni", "refword",
    "possdet", "orgjoin", "doneverb", "ledby", "formaladv", "chairnoun",
    "unitnoun", "deskword", "partyrole", "eastfamily", "toadj", "reserved122",
    "companyhead", "meetinghead", "familynoun"};
_Static_assert(sizeof word_classes / sizeof word_classes[0] == NG_W__COUNT,
               "one name per word class");

/* The '|'-separated classes of a words.csv row as bits, 0 when one is unknown. */
static ng_wbits class_bits(const char *cl)
{
    char buf[256];
    char *save = NULL;
    ng_wbits bits = 0;
    copy_cut(buf, sizeof buf, cl);
    for (char *p = strtok_r(buf, "|", &save); p; p = strtok_r(NULL, "|", &save)) {
        size_t k;
        /* the first letter (the names are lower case) before the whole name */
        for (k = 0; k < NG_W__COUNT && ((p[0] | 32) != word_classes[k][0] ||
                                        strcasecmp(p, word_classes[k]) != 0);
             k++) {
        }
        if (k == NG_W__COUNT) return 0;
        bits |= NG_WBIT(k);
    }
    return bits;
}

static int load_words(ng_lexicon *lex, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                      void *ctx)
{
    const csv_row *hdr = &c->rows[0];
    int c_word = col(hdr, "word"), c_class = col(hdr, "class"), c_num = col(hdr, "number");
    char where[NG_ERROR_MAX];
    int error;
    const char *last_cl = NULL; /* the rows of one class follow each other: its bits once */
    ng_wbits last_bits = 0;
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        const char *w = field(row, c_word), *num = field(row, c_num), *cl = field(row, c_class);
        ng_wbits bits = last_cl && strcmp(cl, last_cl) == 0 ? last_bits : class_bits(cl);
        last_cl = cl;
        last_bits = bits;
        if (row_blank(row)) continue;
        row_where(where, sizeof where, origin, row->line);
        if (!bits || !*w) {
            report_skip(on_skip, ctx, where, !*w ? "empty word" : "unknown word class");
            continue;
        }
        /* one token: the word table; several: the phrase table with the bits as kind */
        ng_toks *tk;
        if ((error = load_tokens(lex, w, strlen(w), &tk)) < 0) return error;
        uint64_t head = tk->n ? tk->v[0].h : 0; /* ptab_add reuses the scratch */
        if (tk->n == 1)
            error = words_put(lex, head, bits, *num ? atoi(num) : -1);
        else if (tk->n > 1)
            if ((error = ptab_add(lex, &lex->wordphrases, w, bits, *num ? atoi(num) : -1)) >= 0)
                error = words_put_head(lex, head, bits);
        if (error < 0) return error;
    }
    return NG_OK;
}

static int load_translit(ng_lexicon *lex, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                         void *ctx)
{
    const csv_row *hdr = &c->rows[0];
    int c_from = col(hdr, "from"), c_to = col(hdr, "to"), c_where = col(hdr, "where");
    char where[NG_ERROR_MAX];
    for (size_t r = 1; r < c->n; r++) {
        const csv_row *row = &c->rows[r];
        const char *from = field(row, c_from), *to = field(row, c_to), *w = field(row, c_where);
        if (row_blank(row)) continue;
        if (!*from || strlen(from) > 7 || strlen(to) > 7) {
            row_where(where, sizeof where, origin, row->line);
            report_skip(on_skip, ctx, where, "from must be 1-7 bytes, to 0-7 bytes");
            continue;
        }
        if (NG_ARRAY_GROW(lex->tl, lex->cap_tl, lex->n_tl + 1) < 0) return NG_ENOMEM;
        ng_tl_rule *t = &lex->tl[lex->n_tl++];
        memset(t, 0, sizeof *t);
        memcpy(t->from, from, strlen(from));
        memcpy(t->to, to, strlen(to));
        t->from_len = (uint8_t)strlen(from);
        t->to_len = (uint8_t)strlen(to);
        t->at_end = strcasecmp(w, "end") == 0;
        t->word = strcasecmp(w, "word") == 0;
        {
            /* chain the rules by first byte, in file order (the first match wins) */
            unsigned char b0 = (unsigned char)t->from[0];
            int32_t me = (int32_t)(lex->n_tl - 1);
            t->next = -1;
            int32_t *first = t->word ? lex->tlw_first : lex->tl_first;
            int32_t *last = t->word ? lex->tlw_last : lex->tl_last;
            if (last[b0] >= 0)
                lex->tl[last[b0]].next = me;
            else
                first[b0] = me;
            last[b0] = me;
        }
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ public */

int ng_lexicon__kind_of(const char *filename)
{
    static const char *const names[] = {"states.csv",      "organizations.csv", "bodies.csv",
                                        "titles.csv",      "triggers.csv",      "abbreviations.csv",
                                        "boilerplate.csv", "words.csv",         "translit.csv",
                                        "places.csv",      "treaties.csv"};
    for (int k = 0; k < (int)(sizeof names / sizeof names[0]); k++)
        if (strcmp(filename, names[k]) == 0) return k;
    return -1;
}

/* Length of the valid UTF-8 sequence at s (shortest form, no surrogates, at most U+10FFFF),
 * 0 when the bytes there are not one. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c < 0xC2 || c > 0xF4) return 0;
    size_t want = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n < want) return 0;
    for (size_t k = 1; k < want; k++)
        if ((s[k] & 0xC0u) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && s[1] > 0x9F) return 0; /* surrogate */
    if (c == 0xF0 && s[1] < 0x90) return 0; /* overlong */
    if (c == 0xF4 && s[1] > 0x8F) return 0; /* above U+10FFFF */
    return want;
}

/* A dictionary is read as UTF-8, as the articles are: a file with invalid bytes (one saved
 * as Latin-1 or Windows-1252, say) is read with each of them as U+FFFD, and a warning names
 * the first such line and how many there are. *fixed is NULL when the data was valid. */
static int repair_utf8(char **fixed, size_t *fixed_len, const char *origin, const char *data,
                       size_t len, ng_skip_fn on_skip, void *ctx)
{
    const unsigned char *s = (const unsigned char *)data;
    ng_buf b = NG_BUF_INIT;
    size_t i = 0, line = 1, first_line = 0, bad_lines = 0, last_bad_line = 0;
    *fixed = NULL;
    *fixed_len = 0;
    while (i < len) {
        if (i + 8 <= len) { /* ASCII eight bytes at a time: every built-in file is valid */
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (!(v & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        size_t k = utf8_seq(s + i, len - i);
        if (k == 0) break;
        i += k;
    }
    if (i == len) return NG_OK;
    for (size_t q = 0; q < i; q++) /* the line of the first invalid byte */
        line += s[q] == '\n';
    if (ng_buf_put(&b, data, i) < 0) goto oom;
    while (i < len) {
        size_t k = utf8_seq(s + i, len - i);
        if (k == 0) {
            if (ng_buf_put(&b, "\xEF\xBF\xBD", 3) < 0) goto oom;
            if (line != last_bad_line) {
                if (!first_line) first_line = line;
                bad_lines++;
                last_bad_line = line;
            }
            i++;
            continue;
        }
        if (s[i] == '\n') line++;
        if (ng_buf_put(&b, data + i, k) < 0) goto oom;
        i += k;
    }
    char where[NG_ERROR_MAX], msg[200];
    snprintf(where, sizeof where, "%s:%zu", origin, first_line);
    snprintf(msg, sizeof msg,
             "not valid UTF-8 (%zu line%s): invalid bytes read as U+FFFD; save the file as UTF-8",
             bad_lines, bad_lines == 1 ? "" : "s");
    report_skip(on_skip, ctx, where, msg);
    *fixed_len = b.len;
    *fixed = ng_buf_detach(&b);
    return *fixed ? NG_OK : NG_ENOMEM;
oom:
    ng_buf_free(&b);
    return NG_ENOMEM;
}

/* The rows of one file by its kind. */
static int load_rows(ng_lexicon *lex, int kind, csv_ctx *c, const char *origin, ng_skip_fn on_skip,
                     void *ctx)
{
    switch (kind) {
    case NG_CSV_STATES:
    case NG_CSV_ORGS:
    case NG_CSV_PLACES:
        return load_actors(lex, c, origin, 0, on_skip, ctx);
    case NG_CSV_USER_ACTORS:
        return load_actors(lex, c, origin, 1, on_skip, ctx);
    case NG_CSV_BODIES:
        return load_bodies(lex, c, origin, on_skip, ctx);
    case NG_CSV_TITLES:
        return load_titles(lex, c, origin, on_skip, ctx);
    case NG_CSV_TRIGGERS:
        return load_triggers(lex, c, origin, on_skip, ctx);
    case NG_CSV_ABBREVS:
        return load_abbrevs(lex, c, origin, on_skip, ctx);
    case NG_CSV_BOILER:
        return load_boiler(lex, c, origin, on_skip, ctx);
    case NG_CSV_WORDS:
        return load_words(lex, c, origin, on_skip, ctx);
    case NG_CSV_TRANSLIT:
        return load_translit(lex, c, origin, on_skip, ctx);
    case NG_CSV_TREATIES:
        return load_treaties(lex, c, origin, on_skip, ctx);
    default:
        return ng_error_set("%s: unknown dictionary kind", origin), NG_EINVAL;
    }
}

/* A lexicon generation no lexicon had (ng_lexicon.gen). */
static uint64_t new_gen(void)
{
    static _Atomic uint64_t last;
    return atomic_fetch_add(&last, 1) + 1;
}

int ng_lexicon__load_csv(ng_lexicon *lex, int kind, const char *origin, const char *data,
                         size_t len, ng_skip_fn on_skip, void *ctx)
{
    csv_ctx c;
    int error;
    char *fixed = NULL;
    size_t fixed_len = 0;
    memset(&c, 0, sizeof c);
    /* a UTF-8 byte-order mark, which spreadsheets write, is not part of the first column's
     * name */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    if ((error = repair_utf8(&fixed, &fixed_len, origin, data, len, on_skip, ctx)) < 0)
        goto cleanup;
    if (fixed) {
        data = fixed;
        len = fixed_len;
    }
    if ((error = parse_csv(&c, origin, data, len)) < 0) goto cleanup;
    /* skip leading comment lines ("# ...") before the header */
    while (c.n && c.rows[0].n && c.rows[0].f[0][0] == '#') {
        memmove(c.rows, c.rows + 1, (c.n - 1) * sizeof *c.rows);
        c.n--;
    }
    if (c.n == 0) goto cleanup;
    error = load_rows(lex, kind, &c, origin, on_skip, ctx);
cleanup:
    lex->gen = new_gen(); /* even a failed load may have added rows */
    rows_free(&c);
    free(fixed);
    return error;
}

int ng_lexicon__new_empty(ng_lexicon **out)
{
    *out = ng_calloc(1, sizeof **out);
    if (!*out) return NG_ENOMEM;
    (*out)->gen = new_gen();
    for (size_t b = 0; b < 256; b++)
        (*out)->tl_first[b] = (*out)->tl_last[b] = (*out)->tlw_first[b] = (*out)->tlw_last[b] = -1;
    return NG_OK;
}

/* A built-in file that fails to load is a build defect: report it loudly and count it
 * (ctx: the lexicon; the unit test builtin_data_rows_all_load requires none). */
static void builtin_skip(void *ctx, const char *origin, const char *message)
{
    ((ng_lexicon *)ctx)->builtin_skips++;
    fprintf(stderr, "newsgraph: built-in data %s: %s (row skipped)\n", origin, message);
}

int ng_lexicon_new(ng_lexicon **out)
{
    /* abbreviations first (tokenizing the other files needs them), then word classes and
     * transliteration rules, then actors, places and treaties after the organizations they
     * name, bodies before the titles that name them. */
    static const int order[] = {NG_CSV_ABBREVS, NG_CSV_WORDS,    NG_CSV_TRANSLIT, NG_CSV_STATES,
                                NG_CSV_ORGS,    NG_CSV_PLACES,   NG_CSV_TREATIES, NG_CSV_BODIES,
                                NG_CSV_TITLES,  NG_CSV_TRIGGERS, NG_CSV_BOILER};
    ng_lexicon *lex = NULL;
    int error;
    *out = NULL;
    if ((error = ng_lexicon__new_empty(&lex)) < 0) return error;
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
        for (size_t i = 0; i < ng_embedded_count; i++) {
            if (ng_lexicon__kind_of(ng_embedded_files[i].name) != order[o]) continue;
            if ((error = ng_lexicon__load_csv(lex, order[o], ng_embedded_files[i].name,
                                              ng_embedded_files[i].data, ng_embedded_files[i].len,
                                              builtin_skip, lex)) < 0)
                goto cleanup;
        }
    }
    *out = lex;
    lex = NULL;
cleanup:
    ng_lexicon_free(lex);
    return error;
}

/* Reads a user dictionary whole. The size cap and the stop on a failed allocation keep a
 * wrong path (--actors /dev/zero, a corpus given as a dictionary) from reading forever or
 * taking all memory. */
static int read_file(char **data, size_t *len, const char *path)
{
    FILE *f = fopen(path, "rb");
    ng_buf b = NG_BUF_INIT;
    char chunk[65536];
    size_t n;
    int error = NG_OK;
    if (!f) return ng_error_set("%s: cannot open (check the path and permissions)", path), NG_EIO;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > NG_LEXICON_MAX_BYTES) {
            ng_error_set("%s: larger than %d MiB: not a dictionary (check the path; the cap is "
                         "in README, Limits and errors)",
                         path, NG_LEXICON_MAX_BYTES >> 20);
            error = NG_ELIMIT;
            break;
        }
        if (ng_buf_put(&b, chunk, n) < 0) {
            ng_error_set("%s: out of memory reading the dictionary", path);
            error = NG_ENOMEM;
            break;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (error < 0) {
        ng_buf_free(&b);
        return error;
    }
    if (bad) {
        ng_buf_free(&b);
        return ng_error_set("%s: read error", path), NG_EIO;
    }
    *len = b.len;
    *data = b.ptr ? ng_buf_detach(&b) : ng_strdup("");
    return *data ? NG_OK : NG_ENOMEM;
}

int ng_lexicon_load_actors(ng_lexicon *lex, const char *path, ng_skip_fn on_skip, void *ctx)
{
    char *data = NULL;
    size_t len = 0;
    int error;
    if ((error = read_file(&data, &len, path)) < 0) return error;
    if (len == 0 && on_skip) on_skip(ctx, path, "empty file: no actors added");
    error = ng_lexicon__load_csv(lex, NG_CSV_USER_ACTORS, path, data, len, on_skip, ctx);
    free(data);
    return error;
}

int ng_lexicon_load_triggers(ng_lexicon *lex, const char *path, ng_skip_fn on_skip, void *ctx)
{
    char *data = NULL;
    size_t len = 0;
    int error;
    if ((error = read_file(&data, &len, path)) < 0) return error;
    if (len == 0 && on_skip) on_skip(ctx, path, "empty file: no triggers added");
    error = ng_lexicon__load_csv(lex, NG_CSV_TRIGGERS, path, data, len, on_skip, ctx);
    free(data);
    return error;
}

void ng_lexicon_free(ng_lexicon *lex)
{
    if (!lex) return;
    for (size_t i = 0; i < lex->n_ents; i++) {
        free(lex->ents[i].name);
        free(lex->ents[i].key);
        free(lex->ents[i].demonym);
    }
    free(lex->ents);
    for (size_t i = 0; i < lex->n_bodies; i++) {
        free(lex->bodies[i].name);
        free(lex->bodies[i].type);
    }
    free(lex->bodies);
    for (size_t i = 0; i < lex->n_titles; i++)
        free(lex->titles[i].title);
    free(lex->titles);
    free(lex->triggers);
    free(lex->trig_index);
    ptab_free(&lex->phrases);
    ptab_free(&lex->wordphrases);
    free(lex->words);
    for (size_t i = 0; i < lex->n_bp; i++)
        free(lex->bp[i].pattern);
    free(lex->bp);
    free(lex->bp_by_byte);
    ng_abbrevs__free(&lex->abbrevs);
    free(lex->tl);
    ng_toks__free(&lex->load_tk);
    ng_buf_free(&lex->load_fold);
    free(lex);
}
