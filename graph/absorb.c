/* absorb.c - ng_graph_absorb: folds one partial graph's aggregates into another's.
 *
 * Threads (build -jN) and shard readers (merge -jN) each aggregate their docs into a graph of
 * their own, with no lock; the partial graphs are then absorbed into one. Every aggregate is
 * order-independent (sums, set unions, minima and the K smallest items under total orders,
 * merge.c, sample.c), so folding aggregates gives what adding every doc to one graph gives.
 * The articles an aggregate keeps (ng_src) are no pool strings: they move with it. The cost is
 * linear in the size of `from`'s aggregates, not in its docs: each distinct string is interned
 * again into `into`'s pool (pointers of one pool mean nothing in another).
 */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

/* Strings of `from`'s pool to the same strings of `into`'s: each distinct string is interned
 * once (the pool records its index beside it), not at every place it is used. */
typedef struct xlat {
    ng_graph *into;
    const ng_pool *from;
    const char **to; /* per string of `from`, NULL until first met */
    const ng_spill *spill; /* where `from`'s items have their text */
} xlat;

/* *s, a string of `from`'s pool, replaced by the same string of `into`'s pool. */
static int reintern(xlat *x, const char **s)
{
    uint32_t i;
    if (!ng_pool__index(x->from, *s, &i)) return ng_pool__intern(&x->into->pool, *s, strlen(*s), s);
    if (!x->to[i]) {
        int error = ng_pool__intern(&x->into->pool, *s, strlen(*s), &x->to[i]);
        if (error < 0) return error;
    }
    *s = x->to[i];
    return NG_OK;
}

static int reintern_set(xlat *x, ng_strset *set)
{
    int error;
    for (uint32_t i = 0; i < set->n; i++) {
        if ((error = reintern(x, &set->v[i])) < 0) return error;
    }
    return NG_OK;
}

static int reintern_ev(xlat *x, ng_ev *ev)
{
    if (!ev->src) return NG_OK; /* an empty best */
    /* ev->src is no pool string: it moves with the item, its hold with it */
    if (!*ev->date) return NG_OK; /* unknown: the literal "", as merge.c gives it */
    return reintern(x, &ev->date);
}

/* Entry i of `from` into `into`: *to gets its index there. */
static int absorb_actor(xlat *x, ng_agg_actor *a, uint32_t *to)
{
    int error;
    ng_graph *into = x->into;
    const char *key = a->key;
    if ((error = reintern(x, &key)) < 0) return error;
    if ((error = ng_graph__find_or_add_actor(into, key, a->partial, a->type, to)) < 0) {
        return error;
    }
    ng_agg_actor *b = &into->actors[*to];
    if (a->type < b->type) b->type = a->type; /* as add_actor: the smallest type */
    b->mentions += a->mentions;
    if ((error = ng_sample__absorb(&b->sample, &a->sample, into->n_sources)) < 0) return error;
    for (uint32_t i = 0; i < a->aliases.n; i++) {
        const char *alias = a->aliases.v[i];
        if ((error = reintern(x, &alias)) < 0) return error;
        if ((error = ng_strset__add(&b->aliases, alias)) < 0) return error;
    }
    return NG_OK;
}

/* Aggregate e of `from` (its ends already mapped) into `into`; e is emptied. */
static int absorb_edge(xlat *x, ng_agg_edge *e, const uint32_t *map)
{
    int error;
    uint32_t a = map[e->a], b = map[e->b];
    ng_agg_edge *to;
    /* distinct entries stay distinct, but their order may differ in `into` */
    if (ng_rel_symmetric(e->rel) && a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    if ((error = reintern_set(x, &e->dates)) < 0) return error;
    if ((error = reintern_ev(x, &e->best)) < 0) return error;
    for (uint32_t i = 0; i < e->n_items; i++) {
        if ((error = reintern_ev(x, &e->items[i])) < 0) return error;
    }
    if ((error = ng_graph__find_or_add_edge(x->into, a, e->rel, b, &to)) < 0) return error;
    return ng_agg_edge__absorb(to, &x->into->ev_spill, e, x->spill, x->into->n_sources);
}

int ng_graph_absorb(ng_graph *into, ng_graph *from)
{
    int error = NG_OK;
    uint32_t *map = NULL;
    xlat x = {into, &from->pool, NULL, &from->ev_spill};

    if (into == from || into->finished || from->finished) {
        ng_error_set("internal: ng_graph_absorb needs two distinct graphs, neither finished");
        return NG_EINVAL;
    }
    if ((from->n_actors && !(map = ng_malloc(from->n_actors * sizeof *map))) ||
        (from->pool.n && !(x.to = ng_calloc(from->pool.n, sizeof *x.to)))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < from->n_actors; i++) {
        if ((error = absorb_actor(&x, &from->actors[i], &map[i])) < 0) goto cleanup;
    }
    for (size_t i = 0; i < from->labels.n; i++) {
        const ng_label_count *l = &from->labels.v[i];
        const char *label = l->label;
        if ((error = reintern(&x, &label)) < 0) goto cleanup;
        if ((error = ng_label_table__add(&into->labels, map[l->owner], label, l->count)) < 0) {
            goto cleanup;
        }
    }
    for (size_t i = 0; i < from->n_aggs; i++) {
        if ((error = absorb_edge(&x, &from->aggs[i], map)) < 0) goto cleanup;
    }
    into->n_articles += from->n_articles;
    into->n_articles_with_actors += from->n_articles_with_actors;
    from->n_articles = from->n_articles_with_actors = 0;

cleanup:
    free(map);
    free(x.to);
    ng_graph__free_aggregation(from);
    ng_pool__free(&from->pool);
    return error;
}
