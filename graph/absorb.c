/* absorb.c - ng_graph_absorb: folds one partial graph's aggregates into another's.
 *
 * Threads (build -jN) and shard readers (merge -jN) each aggregate their docs into a graph of
 * their own, with no lock; the partial graphs are then absorbed into one. Every aggregate is
 * order-independent (sums, set unions, minima and the K smallest items under total orders,
 * merge.c), so folding aggregates gives what adding every doc to one graph gives. The cost is
 * linear in the size of `from`'s aggregates, not in its docs: each string is interned again
 * into `into`'s pool (pointers of one pool mean nothing in another).
 */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

/* *s, a string of another pool, replaced by the same string of `into`'s pool. */
static int reintern(ng_graph *into, const char **s)
{
    return ng_pool__intern(&into->pool, *s, strlen(*s), s);
}

static int reintern_set(ng_graph *into, ng_strset *set)
{
    int error;
    for (uint32_t i = 0; i < set->n; i++) {
        if ((error = reintern(into, &set->v[i])) < 0) return error;
    }
    return NG_OK;
}

static int reintern_ev(ng_graph *into, ng_ev *ev)
{
    int error;
    if (!ev->sentence) return NG_OK; /* an empty best */
    if ((error = reintern(into, &ev->article)) < 0) return error;
    if (!*ev->date) return NG_OK; /* unknown: the literal "", as merge.c gives it */
    return reintern(into, &ev->date);
}

/* Entry i of `from` into `into`: *to gets its index there. */
static int absorb_actor(ng_graph *into, const ng_agg_actor *a, uint32_t *to)
{
    int error;
    const char *key = a->key;
    if ((error = reintern(into, &key)) < 0) return error;
    if ((error = ng_graph__find_or_add_actor(into, key, a->partial, a->type, to)) < 0) {
        return error;
    }
    ng_agg_actor *b = &into->actors[*to];
    if (a->type < b->type) b->type = a->type; /* as add_actor: the smallest type */
    b->mentions += a->mentions;
    for (uint32_t i = 0; i < a->aliases.n; i++) {
        const char *alias = a->aliases.v[i];
        if ((error = reintern(into, &alias)) < 0) return error;
        if ((error = ng_strset__add(&b->aliases, alias)) < 0) return error;
    }
    return NG_OK;
}

/* Aggregate e of `from` (its ends already mapped) into `into`; e is emptied. */
static int absorb_edge(ng_graph *into, ng_agg_edge *e, const uint32_t *map)
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
    if ((error = reintern_set(into, &e->sources)) < 0) return error;
    if ((error = reintern_set(into, &e->dates)) < 0) return error;
    if ((error = reintern_ev(into, &e->best)) < 0) return error;
    for (uint32_t i = 0; i < e->n_items; i++) {
        if ((error = reintern_ev(into, &e->items[i])) < 0) return error;
    }
    if ((error = ng_graph__find_or_add_edge(into, a, e->rel, b, &to)) < 0) return error;
    return ng_agg_edge__absorb(to, e);
}

int ng_graph_absorb(ng_graph *into, ng_graph *from)
{
    int error = NG_OK;
    uint32_t *map = NULL;

    if (into == from || into->finished || from->finished) {
        ng_error_set("internal: ng_graph_absorb needs two distinct graphs, neither finished");
        return NG_EINVAL;
    }
    if (from->n_actors && !(map = ng_malloc(from->n_actors * sizeof *map))) return NG_ENOMEM;
    for (size_t i = 0; i < from->n_actors; i++) {
        if ((error = absorb_actor(into, &from->actors[i], &map[i])) < 0) goto cleanup;
    }
    for (size_t i = 0; i < from->labels.n; i++) {
        const ng_label_count *l = &from->labels.v[i];
        const char *label = l->label;
        if ((error = reintern(into, &label)) < 0) goto cleanup;
        if ((error = ng_label_table__add(&into->labels, map[l->owner], label, l->count)) < 0) {
            goto cleanup;
        }
    }
    for (size_t i = 0; i < from->n_aggs; i++) {
        if ((error = absorb_edge(into, &from->aggs[i], map)) < 0) goto cleanup;
    }
    into->n_articles += from->n_articles;
    into->n_articles_with_actors += from->n_articles_with_actors;
    from->n_articles = from->n_articles_with_actors = 0;

cleanup:
    free(map);
    ng_graph__free_aggregation(from);
    ng_pool__free(&from->pool);
    return error;
}
