/* merge.c - ng_graph_add_doc: folds one article's extraction into the running aggregates.
 *
 * Memory grows with the graph, not the corpus: an actor entry per (actor key, partial) and
 * an edge aggregate per (entry, relation, entry) triple, each holding counts, the set of
 * distinct dates, a bounded sample of its articles (sample.c), the best sentence and at most
 * NG_GRAPH_MAX_EVIDENCE evidence items. Every aggregate is order-independent (sums, set unions, minima under a
 * total order), so the same docs in any order give the same aggregates.
 */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ evidence order */

/* The text of `x` (in memory, or read from `sp` into *tmp, which the caller frees). */
static const char *ev_text(const ng_ev *x, const ng_spill *sp, char **tmp, int *error)
{
    if (x->sentence) return x->sentence;
    if (!(*tmp = ng_malloc(x->sentence_len + 1))) {
        *error = NG_ENOMEM;
        return "";
    }
    (*tmp)[x->sentence_len] = '\0';
    if (ng_spill__get(sp, x->at, x->sentence_len, *tmp) < 0) *error = NG_EIO;
    return *tmp;
}

int ng_ev__cmp_keep(const ng_ev *x, const ng_spill *sx, const ng_ev *y, const ng_spill *sy,
                    int *error)
{
    int c;
    if ((c = ng_graph__date_cmp(x->date, y->date)) != 0) return c;
    if ((c = strcmp(x->src->id, y->src->id)) != 0) return c;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    /* a tie so far is one sentence of one article, nearly always: the texts decide */
    char *tx = NULL, *ty = NULL;
    c = strcmp(ev_text(x, sx, &tx, error), ev_text(y, sy, &ty, error));
    free(tx);
    free(ty);
    return c;
}

int ng_ev__cmp_best(const ng_ev *x, const ng_ev *y)
{
    int c;
    if ((c = ng_graph__date_cmp(x->date, y->date)) != 0) return c;
    if (x->sentence_len != y->sentence_len) return x->sentence_len < y->sentence_len ? -1 : 1;
    if ((c = strcmp(x->src->id, y->src->id)) != 0) return c;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    return strcmp(x->sentence, y->sentence);
}

/* Where `c` (text in spill sc or in memory) goes among e's kept items (text in `se`), or -1
 * when it is not kept (the list is full of smaller items, or holds an identical one). */
static int item_slot(const ng_agg_edge *e, const ng_spill *se, const ng_ev *c,
                     const ng_spill *sc, int *error)
{
    uint32_t pos = 0;
    while (pos < e->n_items) {
        int cmp = ng_ev__cmp_keep(c, sc, &e->items[pos], se, error);
        if (cmp == 0) return -1;
        if (cmp < 0) break;
        pos++;
    }
    if (pos >= NG_GRAPH_MAX_EVIDENCE) return -1;
    return (int)pos;
}

/* Room in e->items for one more item, below NG_GRAPH_MAX_EVIDENCE (doubling from 1). */
static int item_room(ng_agg_edge *e)
{
    if (e->n_items < e->cap_items || e->n_items == NG_GRAPH_MAX_EVIDENCE) return NG_OK;
    uint32_t cap = e->cap_items ? e->cap_items * 2 : 1;
    if (cap > NG_GRAPH_MAX_EVIDENCE) cap = NG_GRAPH_MAX_EVIDENCE;
    ng_ev *v = ng_realloc(e->items, cap * sizeof *v);
    if (!v) return NG_ENOMEM;
    e->items = v;
    e->cap_items = cap;
    return NG_OK;
}

/* Inserts `owned` (whose src hold and text the edge now owns) at `pos`, dropping the
 * largest item when the list is full (a spilled text stays in the file, unused); the room
 * was made by item_room. */
static void item_insert(ng_agg_edge *e, int pos, ng_ev owned)
{
    if (e->n_items == NG_GRAPH_MAX_EVIDENCE) {
        free(e->items[NG_GRAPH_MAX_EVIDENCE - 1].sentence);
        ng_src__release(e->items[NG_GRAPH_MAX_EVIDENCE - 1].src);
        e->n_items--;
    }
    memmove(&e->items[pos + 1], &e->items[pos], (e->n_items - (uint32_t)pos) * sizeof(ng_ev));
    e->items[pos] = owned;
    e->n_items++;
}

/* The first item's text stays in memory (most edges have one mention: their finish then
 * reads nothing back), the others' go to the spill file: the memory per edge is bounded
 * whatever the number of mentions. Before another item becomes the first, the first's text
 * moves to `sp`. */
static int demote_first(ng_agg_edge *e, ng_spill *sp)
{
    ng_ev *x = &e->items[0];
    if (!e->n_items || !x->sentence) return NG_OK;
    int error = ng_spill__put(sp, x->sentence, x->sentence_len, &x->at);
    if (error < 0) return error;
    free(x->sentence);
    x->sentence = NULL;
    return NG_OK;
}

/* `x`, an item whose text is owned in memory or in spill `from`, made ready to sit at `pos`
 * of an edge of spill `to`: in memory at 0, in `to` elsewhere. */
static int place_item(ng_ev *x, const ng_spill *from, ng_spill *to, int pos)
{
    int error = NG_OK;
    if (pos == 0 && !x->sentence) { /* from the file to memory */
        char *t = ng_malloc(x->sentence_len + 1);
        if (!t) return NG_ENOMEM;
        t[x->sentence_len] = '\0';
        if ((error = ng_spill__get(from, x->at, x->sentence_len, t)) < 0) {
            free(t);
            return error;
        }
        x->sentence = t;
    } else if (pos > 0 && x->sentence) { /* from memory to the file */
        if ((error = ng_spill__put(to, x->sentence, x->sentence_len, &x->at)) < 0) return error;
        free(x->sentence);
        x->sentence = NULL;
    } else if (pos > 0 && from != to) { /* from one file to another */
        char *t = ng_malloc(x->sentence_len + 1);
        if (!t) return NG_ENOMEM;
        if ((error = ng_spill__get(from, x->at, x->sentence_len, t)) >= 0)
            error = ng_spill__put(to, t, x->sentence_len, &x->at);
        free(t);
    }
    return error;
}

/* Offers one mention's evidence (borrowed) to the edge: copies the sentence only if kept, to
 * memory for the best and the first item, to the graph's spill file for another item. */
static int offer_evidence(ng_graph *g, ng_agg_edge *e, const ng_ev *c)
{
    int error = NG_OK;
    if (!e->best.sentence || ng_ev__cmp_best(c, &e->best) < 0) {
        char *s = ng_strndup(c->sentence, c->sentence_len);
        if (!s) return NG_ENOMEM;
        free(e->best.sentence);
        ng_src__release(e->best.src);
        e->best = *c;
        e->best.sentence = s;
        e->best.src->refs++;
    }
    int pos = item_slot(e, &g->ev_spill, c, NULL, &error);
    if (error < 0 || pos < 0) return error;
    if ((error = item_room(e)) < 0) return error;
    ng_ev owned = *c;
    if (pos == 0) {
        if ((error = demote_first(e, &g->ev_spill)) < 0) return error;
        if (!(owned.sentence = ng_strndup(c->sentence, c->sentence_len))) return NG_ENOMEM;
    } else {
        owned.sentence = NULL;
        if ((error = ng_spill__put(&g->ev_spill, c->sentence, c->sentence_len, &owned.at)) < 0)
            return error;
    }
    owned.src->refs++;
    item_insert(e, pos, owned);
    return NG_OK;
}

int ng_agg_edge__absorb(ng_agg_edge *into, ng_spill *si, ng_agg_edge *from,
                        const ng_spill *sf, uint32_t cap)
{
    int error = NG_OK;
    into->weight += from->weight;
    if ((error = ng_sample__absorb(&into->sample, &from->sample, cap)) < 0) return error;
    if ((error = ng_strset__add_all(&into->dates, &from->dates)) < 0) return error;
    if (from->best.sentence &&
        (!into->best.sentence || ng_ev__cmp_best(&from->best, &into->best) < 0)) {
        ng_ev tmp = into->best;
        into->best = from->best;
        from->best = tmp;
    }
    for (uint32_t i = 0; i < from->n_items; i++) {
        int pos = item_slot(into, si, &from->items[i], sf, &error);
        if (error < 0) return error;
        if (pos < 0) continue;
        if ((error = item_room(into)) < 0 || (pos == 0 && (error = demote_first(into, si)) < 0) ||
            (error = place_item(&from->items[i], sf, si, pos)) < 0)
            return error;
        item_insert(into, pos, from->items[i]);
        from->items[i].src = NULL; /* moved, with its hold on the src and its text */
        from->items[i].sentence = NULL;
    }
    ng_agg_edge__clear(from);
    return NG_OK;
}

/* ------------------------------------------------------------------ lookups */

typedef struct {
    const char *key; /* interned */
    int partial;
} actor_id;

/* Keys are interned (equal keys are one pointer, see actor_eq): the pointer is hashed. */
static uint64_t actor_hash(const actor_id *k)
{
    uintptr_t words[2] = {(uintptr_t)k->key, (uintptr_t)(k->partial != 0)};
    return ng_graph__hash(words, sizeof words);
}

static int actor_eq(const void *ctx, uint32_t idx, const void *key)
{
    const ng_graph *g = ctx;
    const actor_id *k = key;
    return g->actors[idx].key == k->key && g->actors[idx].partial == k->partial;
}

int ng_graph__find_actor(const ng_graph *g, const char *key, int partial, uint32_t *idx)
{
    actor_id k = {key, partial != 0};
    return ng_ihash__find(&g->actor_index, actor_hash(&k), actor_eq, g, &k, idx);
}

int ng_graph__find_or_add_actor(ng_graph *g, const char *key, int partial, ng_etype type,
                                uint32_t *idx)
{
    int error;
    actor_id k = {key, partial != 0};
    uint64_t h = actor_hash(&k);
    if (ng_ihash__find(&g->actor_index, h, actor_eq, g, &k, idx)) return NG_OK;
    if (NG_ARRAY_GROW(g->actors, g->cap_actors, g->n_actors + 1) < 0) return NG_ENOMEM;
    if ((error = ng_ihash__insert(&g->actor_index, h, (uint32_t)g->n_actors)) < 0) return error;
    ng_agg_actor *a = &g->actors[g->n_actors];
    memset(a, 0, sizeof *a);
    a->key = k.key;
    a->partial = k.partial;
    a->type = type;
    *idx = (uint32_t)g->n_actors++;
    return NG_OK;
}

typedef struct {
    uint32_t a, b;
    ng_rel rel;
} edge_id;

static uint64_t edge_hash(const edge_id *k)
{
    uint32_t words[3] = {k->a, (uint32_t)k->rel, k->b};
    return ng_graph__hash(words, sizeof words);
}

static int edge_eq(const void *ctx, uint32_t idx, const void *key)
{
    const ng_graph *g = ctx;
    const edge_id *k = key;
    const ng_agg_edge *e = &g->aggs[idx];
    return e->a == k->a && e->b == k->b && e->rel == k->rel;
}

int ng_graph__find_or_add_edge(ng_graph *g, uint32_t a, ng_rel rel, uint32_t b,
                               ng_agg_edge **out)
{
    int error;
    edge_id k = {a, b, rel};
    uint64_t h = edge_hash(&k);
    uint32_t idx;
    if (!ng_ihash__find(&g->agg_index, h, edge_eq, g, &k, &idx)) {
        if (NG_ARRAY_GROW(g->aggs, g->cap_aggs, g->n_aggs + 1) < 0) return NG_ENOMEM;
        idx = (uint32_t)g->n_aggs;
        if ((error = ng_ihash__insert(&g->agg_index, h, idx)) < 0) return error;
        ng_agg_edge *e = &g->aggs[g->n_aggs++];
        memset(e, 0, sizeof *e);
        e->a = a;
        e->b = b;
        e->rel = rel;
    }
    *out = &g->aggs[idx];
    return NG_OK;
}

/* ------------------------------------------------------------------ actors */

static int add_aliases(ng_graph *g, ng_agg_actor *a, const char *aliases)
{
    int error;
    const char *p = aliases;
    while (p && *p) {
        const char *end = strchr(p, '|');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > 0) {
            const char *s;
            if ((error = ng_pool__intern(&g->pool, p, len, &s)) < 0) return error;
            if ((error = ng_strset__add(&a->aliases, s)) < 0) return error;
        }
        p = end ? end + 1 : NULL;
    }
    return NG_OK;
}

/* The name part of a key ("person:ada lovelace" -> "ada lovelace"), for a missing label. */
static const char *key_name(const char *key)
{
    const char *colon = strchr(key, ':');
    return colon && colon[1] ? colon + 1 : key;
}

static int add_actor(ng_graph *g, const ng_actor *in, uint32_t *idx)
{
    int error;
    const char *key, *label;
    if ((error = ng_pool__intern(&g->pool, in->key, strlen(in->key), &key)) < 0) return error;
    if ((error = ng_graph__find_or_add_actor(g, key, in->partial, in->type, idx)) < 0) {
        return error;
    }
    ng_agg_actor *a = &g->actors[*idx];
    if (in->type < a->type) a->type = in->type; /* keys carry the type; stay order-free anyway */
    a->mentions += in->mentions;
    const char *l = in->label && *in->label ? in->label : key_name(in->key);
    if ((error = ng_pool__intern(&g->pool, l, strlen(l), &label)) < 0) return error;
    if ((error = ng_label_table__add(&g->labels, *idx, label, 1)) < 0) return error;
    return add_aliases(g, a, in->aliases);
}

/* ------------------------------------------------------------------ docs */

/* Checks a doc before touching the graph, so a bad doc (e.g. from a corrupt shard) leaves
 * the graph as it was. */
static int validate_doc(const ng_doc *doc)
{
    const char *id = doc->id ? doc->id : "(no id)";
    for (size_t i = 0; i < doc->n_actors; i++) {
        const ng_actor *a = &doc->actors[i];
        if (!a->key || !*a->key) {
            ng_error_set("article %s: actor %zu has no key; re-run the extraction", id, i);
            return NG_EFORMAT;
        }
        if ((unsigned)a->type >= NG_ETYPE__COUNT) {
            ng_error_set("article %s: actor '%s' has an unknown type (%d)", id, a->key,
                         (int)a->type);
            return NG_EFORMAT;
        }
    }
    for (size_t i = 0; i < doc->n_relations; i++) {
        const ng_relation *r = &doc->relations[i];
        if (r->source >= doc->n_actors || r->target >= doc->n_actors) {
            ng_error_set("article %s: relation %zu names actor %u/%u but the article has %zu "
                         "actors; re-run the extraction", id, i, r->source, r->target,
                         doc->n_actors);
            return NG_EFORMAT;
        }
        if (r->rel >= ng_rel_count()) {
            ng_error_set("article %s: relation %zu has an unknown type (%u)", id, i, r->rel);
            return NG_EFORMAT;
        }
    }
    return NG_OK;
}

/* Adds one mention; *agg gets the aggregate's index (UINT32_MAX for a self-relation). */
static int add_relation(ng_graph *g, const ng_relation *r, const uint32_t *entry, ng_src *src,
                        const char *doc_date, uint32_t *agg)
{
    int error;
    uint32_t a = entry[r->source], b = entry[r->target];
    ng_agg_edge *e;
    *agg = UINT32_MAX;
    if (a == b) return NG_OK; /* an actor related to itself says nothing */
    if (ng_rel_symmetric(r->rel) && a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    if ((error = ng_graph__find_or_add_edge(g, a, r->rel, b, &e)) < 0) return error;
    *agg = (uint32_t)(e - g->aggs);
    e->weight++;

    /* a date as written ("2017-06", "2023") keeps its precision; an undated relation is as
     * old as its article at most: use the article's date */
    char date_buf[11];
    memcpy(date_buf, r->date, sizeof date_buf);
    date_buf[10] = '\0';
    const char *date = "";
    const char *d = ng_date_precision(date_buf) ? date_buf : doc_date;
    if (*d) {
        if ((error = ng_pool__intern(&g->pool, d, strlen(d), &date)) < 0) return error;
        if ((error = ng_strset__add(&e->dates, date)) < 0) return error;
    }
    ng_ev c;
    c.src = src;
    c.date = date;
    c.sentence = r->sentence ? r->sentence : "";
    c.sentence_len = strlen(c.sentence);
    c.offset = r->offset;
    c.at = 0;
    return offer_evidence(g, e, &c);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A doc's actors and relations are a handful: an insertion sort there, where qsort's calls
 * through a comparison pointer cost more than the sorting (about 85 M instructions at 50 MB
 * of articles, under the graph's lock). */
static void sort_u32(uint32_t *v, size_t n)
{
    if (n > 32) {
        qsort(v, n, sizeof *v, cmp_u32);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint32_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--) v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Offers the article once to each distinct index of v[0..n) (sorted here) of its kind. */
static int offer_once(ng_graph *g, uint32_t *v, size_t n, int edges, ng_src *src)
{
    int error;
    sort_u32(v, n);
    for (size_t i = 0; i < n; i++) {
        if (v[i] == UINT32_MAX || (i > 0 && v[i] == v[i - 1])) continue;
        ng_sample *s = edges ? &g->aggs[v[i]].sample : &g->actors[v[i]].sample;
        if ((error = ng_sample__offer(s, src, g->n_sources)) < 0) return error;
    }
    return NG_OK;
}

int ng_graph_add_doc(ng_graph *g, const ng_doc *doc)
{
    int error;
    uint32_t *entry = NULL, *aggs = NULL;
    ng_src *src = NULL;
    char doc_date[11];

    if (g->finished) {
        ng_error_set("internal: ng_graph_add_doc called after ng_graph_finish");
        return NG_EINVAL;
    }
    if ((error = validate_doc(doc)) < 0) return error;
    if ((error = ng_src__new(&src, doc)) < 0) return error;
    memcpy(doc_date, src->date, sizeof doc_date);

    if ((doc->n_actors > 0 && !(entry = ng_malloc(doc->n_actors * sizeof *entry))) ||
        (doc->n_relations > 0 && !(aggs = ng_malloc(doc->n_relations * sizeof *aggs)))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < doc->n_actors; i++) {
        if ((error = add_actor(g, &doc->actors[i], &entry[i])) < 0) goto cleanup;
    }
    for (size_t i = 0; i < doc->n_relations; i++) {
        if ((error = add_relation(g, &doc->relations[i], entry, src, doc_date, &aggs[i])) < 0) {
            goto cleanup;
        }
    }
    /* each edge and each actor counts the article once, however often it supports them */
    if ((error = offer_once(g, aggs, doc->n_relations, 1, src)) < 0 ||
        (error = offer_once(g, entry, doc->n_actors, 0, src)) < 0) {
        goto cleanup;
    }
    g->n_articles++;
    if (doc->n_actors > 0) g->n_articles_with_actors++;

cleanup:
    ng_src__drop_unheld(src);
    free(entry);
    free(aggs);
    return error;
}
