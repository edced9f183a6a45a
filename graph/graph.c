/* graph.c - the ng_graph object: creation, release and the read-only accessors. */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

int ng_graph_new(ng_graph **out)
{
    *out = NULL;
    ng_igraph__init();
    ng_graph *g = ng_calloc(1, sizeof *g);
    if (!g) return NG_ENOMEM;
    g->n_sources = NG_GRAPH_SOURCES_DEFAULT;
    *out = g;
    return NG_OK;
}

int ng_graph_set_sources(ng_graph *g, size_t n)
{
    if (n > NG_GRAPH_SOURCES_MAX) {
        ng_error_set("--sources %zu: at most %d articles per edge and node", n,
                     NG_GRAPH_SOURCES_MAX);
        return NG_EINVAL;
    }
    g->n_sources = (uint32_t)n;
    return NG_OK;
}

void ng_agg_actor__clear(ng_agg_actor *a)
{
    ng_strset__free(&a->aliases);
    ng_sample__clear(&a->sample);
    memset(a, 0, sizeof *a);
}

void ng_agg_edge__clear(ng_agg_edge *e)
{
    free(e->best.sentence);
    ng_src__release(e->best.src);
    for (uint32_t i = 0; i < e->n_items; i++) {
        free(e->items[i].sentence);
        ng_src__release(e->items[i].src);
    }
    free(e->items);
    ng_sample__clear(&e->sample);
    ng_strset__free(&e->dates);
    memset(e, 0, sizeof *e);
}

void ng_graph__free_aggregation(ng_graph *g)
{
    for (size_t i = 0; i < g->n_actors; i++) ng_agg_actor__clear(&g->actors[i]);
    free(g->actors);
    g->actors = NULL;
    g->n_actors = g->cap_actors = 0;
    ng_ihash__free(&g->actor_index);
    ng_label_table__free(&g->labels);
    for (size_t i = 0; i < g->n_aggs; i++) ng_agg_edge__clear(&g->aggs[i]);
    free(g->aggs);
    g->aggs = NULL;
    g->n_aggs = g->cap_aggs = 0;
    ng_ihash__free(&g->agg_index);
    ng_spill__free(&g->ev_spill);
}

void ng_graph_free(ng_graph *g)
{
    if (!g) return;
    ng_graph__free_aggregation(g);
    free(g->nodes);
    free(g->edges);
    ng_spill__free(&g->item_spill);
    free(g->srcs);
    free(g->node_srcs);
    for (size_t i = 0; i < g->n_kept; i++) ng_src__release(g->kept[i]);
    free(g->kept);
    ng_arena__free(&g->out);
    ng_pool__free(&g->pool);
    free(g);
}

void ng_graph_set_threads(ng_graph *g, int threads) { g->threads = threads; }

int ng_graph_has_metrics(const ng_graph *g) { return g && g->has_metrics; }

size_t ng_graph_node_count(const ng_graph *g) { return g ? g->n_nodes : 0; }

size_t ng_graph_edge_count(const ng_graph *g) { return g ? g->n_edges : 0; }

const ng_node *ng_graph_node(const ng_graph *g, size_t i)
{
    return g && i < g->n_nodes ? &g->nodes[i] : NULL;
}

const ng_edge *ng_graph_edge(const ng_graph *g, size_t i)
{
    return g && i < g->n_edges ? &g->edges[i] : NULL;
}

/* Appends `s` to a '|'-separated list, its own '|' written as `bar`. */
static void put_part(ng_buf *b, const char *s, const char *bar)
{
    while (s && *s) { /* runs without '|' at once */
        size_t n = strcspn(s, "|");
        if (n) ng_buf_put(b, s, n);
        s += n;
        if (*s == '|') {
            ng_buf_puts(b, bar);
            s++;
        }
    }
}

const char *ng_edge_source_list(const ng_edge *e, int urls, ng_buf *out)
{
    const char *stored = urls ? e->source_urls : e->source_titles;
    size_t any = 0;
    ng_buf_clear(out);
    if (stored) return stored;
    while (any < e->n_srcs && !*(urls ? e->srcs[any].url : e->srcs[any].title)) any++;
    if (any == e->n_srcs) return ""; /* none known (often every URL): nothing to join */
    for (size_t i = 0; i < e->n_srcs; i++) {
        if (i) ng_buf_putc(out, '|');
        put_part(out, urls ? e->srcs[i].url : e->srcs[i].title, urls ? "%7C" : "/");
    }
    return out->oom ? NULL : out->ptr;
}

uint64_t ng_graph_relations_used(const ng_graph *g)
{
    uint64_t used = 0;
    for (size_t i = 0; g && i < g->n_edges; i++) used |= (uint64_t)1 << g->edges[i].rel;
    return used;
}

size_t ng_graph_article_count(const ng_graph *g) { return g ? g->n_articles : 0; }

size_t ng_graph_article_count_with_actors(const ng_graph *g)
{
    return g ? g->n_articles_with_actors : 0;
}

double ng_graph_modularity(const ng_graph *g) { return g ? g->modularity : 0.0; }

size_t ng_graph_community_count(const ng_graph *g) { return g ? g->n_communities : 0; }
