/* fuzz_graphml.c - the bytes as a GraphML file through the reader behind `newsgraph metrics`
 * with its one-pass path (ng_graph__read_graphml(..., 1): graph/graphml_fast.c for the
 * dialect newsgraph writes, igraph's reader for anything else), then the metrics on what it
 * read. Invariants: no crash, leak or hang; a refusal names the file; a graph that was read
 * has edges between its own nodes, ids and labels set, weights >= 1, no self-loop; the
 * one-pass path and igraph's reader alone (ng_graph__read_graphml(..., 0)) read every input
 * the same way: the same refusal and message, or the same nodes and edges. */
#include "fuzz_util.h"
#include "graph_internal.h"
#include "ng_graph.h"

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The one-pass reader's graph `g` (or refusal rc) against igraph's reading of `path`. */
static void check_same_as_igraph(const ng_graph *g, int rc, const char *path)
{
    char message[NG_ERROR_MAX];
    ng_graph *b = NULL;
    snprintf(message, sizeof message, "%s", rc < 0 ? ng_error_last() : "");
    int rb = ng_graph__read_graphml(&b, path, 0);
    FUZZ_CHECK(rb == rc);
    if (rc < 0) {
        FUZZ_CHECK(strcmp(message, ng_error_last()) == 0);
        return;
    }
    FUZZ_CHECK(ng_graph_node_count(g) == ng_graph_node_count(b));
    FUZZ_CHECK(ng_graph_edge_count(g) == ng_graph_edge_count(b));
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        const ng_node *x = ng_graph_node(g, i), *y = ng_graph_node(b, i);
        FUZZ_CHECK(same_str(x->id, y->id) && same_str(x->label, y->label) &&
                   same_str(x->aliases, y->aliases) && same_str(x->code, y->code) &&
                   same_str(x->sources, y->sources) && x->type == y->type &&
                   x->mentions == y->mentions && x->articles == y->articles);
    }
    for (size_t i = 0; i < ng_graph_edge_count(g); i++) {
        const ng_edge *x = ng_graph_edge(g, i), *y = ng_graph_edge(b, i);
        FUZZ_CHECK(x->source == y->source && x->target == y->target && x->rel == y->rel &&
                   x->weight == y->weight && x->articles == y->articles &&
                   same_str(x->evidence, y->evidence) && same_str(x->sources, y->sources) &&
                   same_str(x->dates, y->dates) && same_str(x->source_titles, y->source_titles) &&
                   same_str(x->source_urls, y->source_urls) &&
                   !strcmp(x->first_date, y->first_date) && !strcmp(x->last_date, y->last_date));
    }
    ng_graph_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write_file("in.graphml", data, size);
    ng_graph *g = NULL;
    int rc = ng_graph__read_graphml(&g, path, 1);
    check_same_as_igraph(g, rc, path);
    if (rc < 0) {
        FUZZ_CHECK(g == NULL);
        FUZZ_CHECK(rc != NG_ENOMEM);
        FUZZ_CHECK(strstr(ng_error_last(), "in.graphml") != NULL);
        return 0;
    }
    size_t n = ng_graph_node_count(g), m = ng_graph_edge_count(g);
    for (size_t i = 0; i < n; i++) {
        const ng_node *v = ng_graph_node(g, i);
        FUZZ_CHECK(v->id && *v->id && v->label && v->aliases);
        FUZZ_CHECK((unsigned)v->type < NG_ETYPE__COUNT);
        if (i > 0) FUZZ_CHECK(strcmp(ng_graph_node(g, i - 1)->id, v->id) < 0);
    }
    for (size_t i = 0; i < m; i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        FUZZ_CHECK(e->source < n && e->target < n && e->source != e->target);
        FUZZ_CHECK(e->weight >= 1 && e->rel < ng_rel_count());
    }
    FUZZ_CHECK(ng_graph_compute_metrics(g) == NG_OK);
    ng_graph_free(g);
    return 0;
}
