/* util.c - the small containers the graph stage aggregates with: an arena, an index hash,
 * a string pool and lazily sorted string sets. */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ arena */

struct ng_arena_chunk {
    ng_arena_chunk *next;
    size_t used, cap;
    max_align_t data[];
};

#define ARENA_CHUNK ((size_t)64 * 1024)

void *ng_arena__alloc(ng_arena *a, size_t n)
{
    size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    ng_arena_chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        c = ng_malloc(sizeof *c + cap);
        if (!c) return NULL;
        c->cap = cap;
        c->used = 0;
        /* A chunk made for one big string goes behind the current one, so the current
         * chunk's free space stays usable. */
        if (a->head && cap > ARENA_CHUNK) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

char *ng_arena__strndup(ng_arena *a, const char *s, size_t n)
{
    char *p = ng_arena__alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ng_arena__strdup(ng_arena *a, const char *s) { return ng_arena__strndup(a, s, strlen(s)); }

int ng_arena__adopt(ng_arena *a, void *p)
{
    if (NG_ARRAY_GROW(a->adopted, a->cap_adopted, a->n_adopted + 1) < 0) return NG_ENOMEM;
    a->adopted[a->n_adopted++] = p;
    return NG_OK;
}

/* The adopted blocks of `from` moved to `into`'s list. */
static int splice_adopted(ng_arena *into, ng_arena *from)
{
    if (!from->n_adopted) return NG_OK;
    if (NG_ARRAY_GROW(into->adopted, into->cap_adopted, into->n_adopted + from->n_adopted) < 0)
        return NG_ENOMEM;
    memcpy(into->adopted + into->n_adopted, from->adopted, from->n_adopted * sizeof *from->adopted);
    into->n_adopted += from->n_adopted;
    free(from->adopted);
    from->adopted = NULL;
    from->n_adopted = from->cap_adopted = 0;
    return NG_OK;
}

int ng_arena__splice(ng_arena *into, ng_arena *from)
{
    int error = splice_adopted(into, from);
    ng_arena_chunk *last = from->head;
    if (!last) return error;
    while (last->next) last = last->next;
    /* behind into's current chunk, whose free space stays usable */
    if (into->head) {
        last->next = into->head->next;
        into->head->next = from->head;
    } else {
        into->head = from->head;
    }
    from->head = NULL;
    return error;
}

void ng_arena__free(ng_arena *a)
{
    if (!a) return;
    ng_arena_chunk *c = a->head;
    while (c) {
        ng_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    for (size_t i = 0; i < a->n_adopted; i++) free(a->adopted[i]);
    free(a->adopted);
    a->adopted = NULL;
    a->n_adopted = a->cap_adopted = 0;
}

/* ------------------------------------------------------------------ index hash */

/* Eight bytes per step (multiply and fold), instead of ng_hash's one: the tables hash every
 * string the graph interns. Only table positions depend on it, never the output. */
uint64_t ng_graph__hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = 0x243F6A8885A308D3ULL ^ (len * k);
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
        p += 8;
        len -= 8;
    }
    if (len) {
        uint64_t w = 0;
        memcpy(&w, p, len);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
}

int ng_ihash__find(const ng_ihash *h, uint64_t hash, ng_ihash_eq eq, const void *ctx,
                   const void *key, uint32_t *idx)
{
    if (h->cap == 0) return 0;
    size_t mask = h->cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        const ng_ihash_slot *s = &h->slots[i];
        if (s->idx1 == 0) return 0;
        if (s->hash == hash && eq(ctx, s->idx1 - 1, key)) {
            *idx = s->idx1 - 1;
            return 1;
        }
    }
}

static void place(ng_ihash_slot *slots, size_t cap, uint64_t hash, uint32_t idx1)
{
    size_t mask = cap - 1;
    size_t i = (size_t)hash & mask;
    while (slots[i].idx1 != 0) i = (i + 1) & mask;
    slots[i].hash = hash;
    slots[i].idx1 = idx1;
}

int ng_ihash__insert(ng_ihash *h, uint64_t hash, uint32_t idx)
{
    if (idx >= UINT32_MAX - 1) {
        ng_error_set("graph too large: more than %u entries in one table", UINT32_MAX - 2);
        return NG_ELIMIT;
    }
    if ((h->n + 1) * 4 > h->cap * 3) { /* keep the load under 3/4 */
        size_t cap = h->cap ? h->cap * 2 : 64;
        ng_ihash_slot *slots = ng_calloc(cap, sizeof *slots);
        if (!slots) return NG_ENOMEM;
        for (size_t i = 0; i < h->cap; i++) {
            if (h->slots[i].idx1) place(slots, cap, h->slots[i].hash, h->slots[i].idx1);
        }
        free(h->slots);
        h->slots = slots;
        h->cap = cap;
    }
    place(h->slots, h->cap, hash, idx + 1);
    h->n++;
    return NG_OK;
}

void ng_ihash__free(ng_ihash *h)
{
    free(h->slots);
    h->slots = NULL;
    h->cap = h->n = 0;
}

/* ------------------------------------------------------------------ string pool */

/* The pool's table: open addressing, linear probing, the load kept under 3/4. The first
 * slot comes from the tag (the hash's high half), so growing never reads the strings. */
static ng_pool_slot *pool_probe(const ng_pool *p, uint32_t tag, const char *s, size_t len)
{
    size_t mask = p->slot_cap - 1;
    for (size_t i = tag & mask;; i = (i + 1) & mask) {
        ng_pool_slot *x = &p->slots[i];
        if (!x->s || (x->tag == tag && x->len == len && memcmp(x->s, s, len) == 0)) return x;
    }
}

static int pool_grow(ng_pool *p)
{
    size_t cap = p->slot_cap ? p->slot_cap * 2 : 64;
    ng_pool_slot *slots = ng_calloc(cap, sizeof *slots);
    if (!slots) return NG_ENOMEM;
    for (size_t i = 0; i < p->slot_cap; i++) {
        const ng_pool_slot *x = &p->slots[i];
        if (!x->s) continue;
        size_t k = x->tag & (cap - 1);
        while (slots[k].s) k = (k + 1) & (cap - 1);
        slots[k] = *x;
    }
    free(p->slots);
    p->slots = slots;
    p->slot_cap = cap;
    return NG_OK;
}

static uint32_t pool_tag(const char *s, size_t len)
{
    return (uint32_t)(ng_graph__hash(s, len) >> 32);
}

int ng_pool__intern(ng_pool *p, const char *s, size_t len, const char **out)
{
    uint32_t tag = pool_tag(s, len);
    if (len >= UINT32_MAX || p->n >= UINT32_MAX - 2) {
        ng_error_set("graph too large: a string of %zu bytes, or more than %u strings", len,
                     UINT32_MAX - 2);
        return NG_ELIMIT;
    }
    if ((p->n + 1) * 4 > p->slot_cap * 3 && pool_grow(p) < 0) return NG_ENOMEM;
    ng_pool_slot *x = pool_probe(p, tag, s, len);
    if (x->s) {
        *out = x->s;
        return NG_OK;
    }
    if (NG_ARRAY_GROW(p->strs, p->cap, p->n + 1) < 0) return NG_ENOMEM;
    /* the string's index just before it (ng_pool__index) */
    char *mem = ng_arena__alloc(&p->arena, sizeof(uint32_t) + len + 1);
    if (!mem) return NG_ENOMEM;
    uint32_t index = (uint32_t)p->n;
    memcpy(mem, &index, sizeof index);
    char *copy = mem + sizeof index;
    memcpy(copy, s, len);
    copy[len] = '\0';
    x->tag = tag;
    x->len = (uint32_t)len;
    x->s = copy;
    p->strs[p->n++] = copy;
    *out = copy;
    return NG_OK;
}

int ng_pool__index(const ng_pool *p, const char *s, uint32_t *idx)
{
    uint32_t i;
    memcpy(&i, s - sizeof i, sizeof i);
    if (i >= p->n || p->strs[i] != s) return 0;
    *idx = i;
    return 1;
}

int ng_pool__contains(const ng_pool *p, const char *s)
{
    size_t len = strlen(s);
    return p->slot_cap && pool_probe(p, pool_tag(s, len), s, len)->s != NULL;
}

void ng_pool__free(ng_pool *p)
{
    ng_arena__free(&p->arena);
    free(p->slots);
    free(p->strs);
    p->slots = NULL;
    p->strs = NULL;
    p->n = p->cap = p->slot_cap = 0;
}

/* ------------------------------------------------------------------ string sets */

static int cmp_strp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int ng_strset__compact(ng_strset *s)
{
    if (s->n == s->clean) return NG_OK;
    if (s->n > 1) qsort(s->v, s->n, sizeof *s->v, cmp_strp);
    uint32_t w = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        /* interned: equal strings are the same pointer */
        if (w == 0 || s->v[w - 1] != s->v[i]) s->v[w++] = s->v[i];
    }
    s->n = s->clean = w;
    return NG_OK;
}

int ng_strset__add(ng_strset *s, const char *interned)
{
    if (s->n > 0 && s->v[s->n - 1] == interned) return NG_OK; /* the common repeat */
    if (s->n == s->cap) {
        if (s->n >= 2 * s->clean + 8) ng_strset__compact(s); /* duplicates may have piled up */
        if (s->n == s->cap) {
            if (s->cap >= UINT32_MAX / 2) {
                ng_error_set("graph too large: a string set passed %u entries", s->cap);
                return NG_ELIMIT;
            }
            uint32_t cap = s->cap ? s->cap * 2 : 2;
            const char **v = ng_realloc(s->v, (size_t)cap * sizeof *v);
            if (!v) return NG_ENOMEM;
            s->v = v;
            s->cap = cap;
        }
    }
    s->v[s->n++] = interned;
    return NG_OK;
}

int ng_strset__add_all(ng_strset *s, const ng_strset *from)
{
    int error;
    for (uint32_t i = 0; i < from->n; i++) {
        if ((error = ng_strset__add(s, from->v[i])) < 0) return error;
    }
    return NG_OK;
}

int ng_strset__join(char **out, const ng_strset *s, ng_arena *a)
{
    size_t len = 0;
    for (uint32_t i = 0; i < s->n; i++) len += strlen(s->v[i]) + 1;
    char *p = ng_arena__alloc(a, len + 1);
    if (!p) return NG_ENOMEM;
    char *w = p;
    for (uint32_t i = 0; i < s->n; i++) {
        if (i) *w++ = '|';
        size_t n = strlen(s->v[i]);
        memcpy(w, s->v[i], n);
        w += n;
    }
    *w = '\0';
    *out = p;
    return NG_OK;
}

void ng_strset__free(ng_strset *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------------ label counts */

typedef struct {
    uint32_t owner;
    const char *label;
} label_key;

static uint64_t label_hash(const label_key *k)
{
    /* labels are interned: the pointer identifies the string */
    uintptr_t words[2] = {(uintptr_t)k->owner, (uintptr_t)k->label};
    return ng_graph__hash(words, sizeof words);
}

static int label_eq(const void *ctx, uint32_t idx, const void *key)
{
    const ng_label_table *t = ctx;
    const label_key *k = key;
    return t->v[idx].owner == k->owner && t->v[idx].label == k->label;
}

int ng_label_table__add(ng_label_table *t, uint32_t owner, const char *label, uint32_t count)
{
    int error;
    label_key k = {owner, label};
    uint64_t h = label_hash(&k);
    uint32_t idx;
    if (ng_ihash__find(&t->index, h, label_eq, t, &k, &idx)) {
        uint64_t c = (uint64_t)t->v[idx].count + count;
        t->v[idx].count = c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
        return NG_OK;
    }
    if (NG_ARRAY_GROW(t->v, t->cap, t->n + 1) < 0) return NG_ENOMEM;
    if ((error = ng_ihash__insert(&t->index, h, (uint32_t)t->n)) < 0) return error;
    t->v[t->n].owner = owner;
    t->v[t->n].label = label;
    t->v[t->n].count = count;
    t->n++;
    return NG_OK;
}

void ng_label_table__free(ng_label_table *t)
{
    free(t->v);
    ng_ihash__free(&t->index);
    memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------------ dates */

int ng_graph__date_cmp(const char *a, const char *b)
{
    if (!*a || !*b) return (*a == '\0') - (*b == '\0');
    return strcmp(a, b);
}
