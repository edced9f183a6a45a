/* assemble.c - the last step shared by ng_graph_finish and the GraphML reader: node ids,
 * the canonical order of nodes and edges, node dates. (No igraph graph is kept: the metrics
 * build their own projection, and making one here for nobody was a serial step at the end
 * of every build.)
 *
 * Node ids are slugs of the canonical label: folded with ng_text_fold (lower case, Latin
 * accents dropped), every run of characters outside [a-z0-9] becomes one '-', no '-' at
 * either end, at most NG_SLUG_MAX bytes; an empty slug becomes "n-<16 hex digits of the
 * key's hash>". Nodes whose slugs collide are ordered by type (person, state, organization,
 * place: "Georgia" the state keeps "georgia", the region becomes "georgia-2"), then by their
 * unique key: the first keeps the slug, the next get "-2", "-3", ... (skipping any id another
 * node already has).
 * Everything depends on the set of nodes only, never on the order they arrived in.
 */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

#define NG_SLUG_MAX 64

int ng_graph__slug(ng_buf *out, const char *label)
{
    int error;
    ng_buf folded = NG_BUF_INIT;
    size_t start = out->len;
    if ((error = ng_text_fold(&folded, label, strlen(label))) < 0) goto cleanup;
    int dash = 0;
    for (size_t i = 0; i < folded.len && out->len - start < NG_SLUG_MAX; i++) {
        char c = folded.ptr[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && out->len > start) ng_buf_putc(out, '-');
            dash = 0;
            ng_buf_putc(out, c);
        } else {
            dash = 1;
        }
    }
    error = out->oom ? NG_ENOMEM : NG_OK;
cleanup:
    ng_buf_free(&folded);
    return error;
}

/* An id given by a file is kept when it is already a valid id. */
static int valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return 0;
    }
    return n > 0 && n <= 4 * NG_SLUG_MAX;
}

typedef struct {
    const char *base;
    ng_etype type;
    const char *key;
    size_t index;
} id_ref;

static int cmp_id_ref(const void *a, const void *b)
{
    const id_ref *x = a, *y = b;
    int c = strcmp(x->base, y->base);
    if (c) return c;
    if (x->type != y->type) return x->type < y->type ? -1 : 1;
    if ((c = strcmp(x->key, y->key))) return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* ids[i] = the id of pending node i (strings in g->out). */
static int assign_ids(ng_graph *g, const ng_pending_node *nodes, size_t n, const char **ids)
{
    int error = NG_OK;
    id_ref *refs = NULL;
    ng_pool used = {0};
    ng_buf b = NG_BUF_INIT;
    const char *unused;

    if (n == 0) return NG_OK;
    if (!(refs = ng_malloc(n * sizeof *refs))) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        ng_buf_clear(&b);
        if (nodes[i].want_id && valid_id(nodes[i].want_id)) {
            ng_buf_puts(&b, nodes[i].want_id);
        } else if ((error = ng_graph__slug(&b, nodes[i].label ? nodes[i].label : "")) < 0) {
            goto cleanup;
        }
        if (b.len == 0) {
            ng_buf_printf(&b, "n-%016llx",
                          (unsigned long long)ng_hash(nodes[i].key, strlen(nodes[i].key)));
        }
        if (b.oom) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        char *base = ng_arena__strndup(&g->out, b.ptr, b.len);
        if (!base) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        refs[i].base = base;
        refs[i].type = nodes[i].type;
        refs[i].key = nodes[i].key;
        refs[i].index = i;
        if ((error = ng_pool__intern(&used, base, b.len, &unused)) < 0) goto cleanup;
    }
    if (n > 1) qsort(refs, n, sizeof *refs, cmp_id_ref);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(refs[i].base, refs[i - 1].base) != 0) {
            ids[refs[i].index] = refs[i].base;
            continue;
        }
        /* a collision: the next free "-N" */
        for (unsigned long k = 2;; k++) {
            ng_buf_clear(&b);
            ng_buf_printf(&b, "%s-%lu", refs[i].base, k);
            if (b.oom) {
                error = NG_ENOMEM;
                goto cleanup;
            }
            if (!ng_pool__contains(&used, b.ptr)) break;
        }
        char *id = ng_arena__strndup(&g->out, b.ptr, b.len);
        if (!id) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        if ((error = ng_pool__intern(&used, id, b.len, &unused)) < 0) goto cleanup;
        ids[refs[i].index] = id;
    }
cleanup:
    free(refs);
    ng_pool__free(&used);
    ng_buf_free(&b);
    return error;
}

/* ------------------------------------------------------------------ sorting */

typedef struct {
    const char *id;
    size_t index;
} node_ref;

static int cmp_node_ref(const void *a, const void *b)
{
    return strcmp(((const node_ref *)a)->id, ((const node_ref *)b)->id);
}

/* The edge order is (source id, relation name, target id); node indices are already in id
 * order, and the relations are ranked by name once, so the sort compares integers only. */
typedef struct {
    size_t source, target;
    unsigned rel_rank;
    size_t index;
} edge_key;

static int cmp_edge_key(const void *a, const void *b)
{
    const edge_key *x = a, *y = b;
    if (x->source != y->source) return x->source < y->source ? -1 : 1;
    if (x->rel_rank != y->rel_rank) return x->rel_rank < y->rel_rank ? -1 : 1;
    if (x->target != y->target) return x->target < y->target ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index; /* never equal: ends are unique */
}

/* rank[r] = the position of ng_rel_name(r) in byte order among all relation names. */
static void rank_relations(unsigned rank[NG_REL_MAX])
{
    size_t n = ng_rel_count();
    for (size_t r = 0; r < n; r++) {
        rank[r] = 0;
        for (size_t q = 0; q < n; q++)
            if (strcmp(ng_rel_name((ng_rel)q), ng_rel_name((ng_rel)r)) < 0) rank[r]++;
    }
}

/* An edge's ends as node indices (in id order), a symmetric relation's lower index first. */
static void edge_ends(const ng_pending_edge *p, const size_t *position, size_t *source,
                      size_t *target)
{
    *source = position[p->u];
    *target = position[p->v];
    if (ng_rel_symmetric(p->rel) && *source > *target) { /* node index order is id order */
        size_t t = *source;
        *source = *target;
        *target = t;
    }
}

/* order[k] = the pending edge that comes k-th in edge_key order, by qsort (for graphs too
 * large to pack a key). */
static int order_by_qsort(const ng_pending_edge *edges, size_t n, const size_t *position,
                          const unsigned rank[NG_REL_MAX], size_t *order)
{
    edge_key *keys = ng_malloc(n * sizeof *keys);
    if (!keys) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        edge_ends(&edges[i], position, &keys[i].source, &keys[i].target);
        keys[i].rel_rank = rank[edges[i].rel];
        keys[i].index = i;
    }
    qsort(keys, n, sizeof *keys, cmp_edge_key);
    for (size_t i = 0; i < n; i++) order[i] = keys[i].index;
    free(keys);
    return NG_OK;
}

/* The same order with (source, relation rank, target) packed into one key of 2 * nb + rb
 * bits (at most 64), sorted by ng_sort__pairs: the ends are unique, so no tie is left. */
static int order_by_radix(const ng_pending_edge *edges, size_t n, const size_t *position,
                          const unsigned rank[NG_REL_MAX], unsigned nb, unsigned rb,
                          size_t *order)
{
    ng_sort_pair *pairs = ng_malloc(n * sizeof *pairs);
    int error;
    if (!pairs) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        size_t source, target;
        edge_ends(&edges[i], position, &source, &target);
        pairs[i].key = (uint64_t)source << (nb + rb) | (uint64_t)rank[edges[i].rel] << nb | target;
        pairs[i].idx = (uint32_t)i;
    }
    if ((error = ng_sort__pairs(pairs, n)) == NG_OK)
        for (size_t i = 0; i < n; i++) order[i] = pairs[i].idx;
    free(pairs);
    return error;
}

/* order[k] = the index of the pending edge that is k-th by edge_key: the edges are then
 * written once, in their place (sorting the written edges moved each of them twice more). */
static int order_edges(const ng_pending_edge *edges, size_t n, size_t n_nodes,
                       const size_t *position, size_t *order)
{
    unsigned rank[NG_REL_MAX];
    unsigned nb = ng_sort__bits(n_nodes), rb = ng_sort__bits(ng_rel_count());
    if (n < 2) {
        if (n) order[0] = 0;
        return NG_OK;
    }
    rank_relations(rank);
    if (2 * nb + rb <= 64 && n < UINT32_MAX)
        return order_by_radix(edges, n, position, rank, nb, rb, order);
    return order_by_qsort(edges, n, position, rank, order);
}

/* "e<i>" into the arena. */
static char *edge_id(ng_arena *a, size_t i)
{
    char tmp[24], *p = tmp + sizeof tmp;
    *--p = '\0';
    do {
        *--p = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    *--p = 'e';
    return ng_arena__strndup(a, p, (size_t)(tmp + sizeof tmp - 1 - p));
}

static void widen_dates(ng_node *n, const ng_edge *e)
{
    if (e->first_date[0] && (!n->first_date[0] || strcmp(e->first_date, n->first_date) < 0)) {
        memcpy(n->first_date, e->first_date, 11);
    }
    if (e->last_date[0] && (!n->last_date[0] || strcmp(e->last_date, n->last_date) > 0)) {
        memcpy(n->last_date, e->last_date, 11);
    }
}

int ng_graph__assemble(ng_graph *g, const ng_pending_node *nodes, size_t n_nodes,
                       const ng_pending_edge *edges, size_t n_edges)
{
    int error = NG_OK;
    const char **ids = NULL;
    node_ref *order = NULL;
    size_t *position = NULL, *edge_order = NULL;

    ng_igraph__init();
    if (n_nodes && (!(ids = ng_calloc(n_nodes, sizeof *ids)) ||
                    !(order = ng_malloc(n_nodes * sizeof *order)) ||
                    !(position = ng_malloc(n_nodes * sizeof *position)) ||
                    !(g->nodes = ng_calloc(n_nodes, sizeof *g->nodes)))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    if (n_edges && !(g->edges = ng_calloc(n_edges, sizeof *g->edges))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    if ((error = assign_ids(g, nodes, n_nodes, ids)) < 0) goto cleanup;

    for (size_t i = 0; i < n_nodes; i++) {
        order[i].id = ids[i];
        order[i].index = i;
    }
    if (n_nodes > 1) qsort(order, n_nodes, sizeof *order, cmp_node_ref);
    for (size_t k = 0; k < n_nodes; k++) {
        const ng_pending_node *p = &nodes[order[k].index];
        ng_node *nd = &g->nodes[k];
        position[order[k].index] = k;
        nd->id = order[k].id;
        nd->label = p->label ? p->label : "";
        nd->type = p->type;
        nd->mentions = p->mentions;
        nd->aliases = p->aliases ? p->aliases : "";
        nd->code = p->code ? p->code : "";
        nd->articles = p->articles;
        nd->sources = p->sources ? p->sources : "";
        nd->srcs = p->srcs;
        nd->n_srcs = p->n_srcs;
    }
    g->n_nodes = n_nodes;

    if (n_edges && !(edge_order = ng_malloc(n_edges * sizeof *edge_order))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    if ((error = order_edges(edges, n_edges, n_nodes, position, edge_order)) < 0) goto cleanup;
    for (size_t i = 0; i < n_edges; i++) {
        const ng_pending_edge *p = &edges[edge_order[i]];
        ng_edge *e = &g->edges[i];
        edge_ends(p, position, &e->source, &e->target);
        e->rel = p->rel;
        e->directed = !ng_rel_symmetric(p->rel);
        e->weight = p->weight;
        e->articles = p->articles;
        e->source_titles = p->source_titles; /* NULL from articles: ng_edge_source_list */
        e->source_urls = p->source_urls;
        e->srcs = p->srcs;
        e->n_srcs = p->n_srcs;
        e->evidence = p->evidence ? p->evidence : "";
        e->sources = p->sources ? p->sources : "";
        e->dates = p->dates ? p->dates : "";
        memcpy(e->first_date, p->first_date, 11);
        memcpy(e->last_date, p->last_date, 11);
        e->n_items = p->n_items;
        e->items_at = p->items_at;
        e->items_len = p->items_len;
    }
    g->n_edges = n_edges;
    for (size_t i = 0; i < n_edges; i++) {
        if (!(g->edges[i].id = edge_id(&g->out, i))) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        widen_dates(&g->nodes[g->edges[i].source], &g->edges[i]);
        widen_dates(&g->nodes[g->edges[i].target], &g->edges[i]);
    }

cleanup:
    free(ids);
    free(order);
    free(position);
    free(edge_order);
    return error;
}
