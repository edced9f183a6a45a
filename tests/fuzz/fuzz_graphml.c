/* fuzz_graphml.c - the bytes as a GraphML file through ng_graph_read_graphml (the reader
 * behind `newsgraph metrics`), then the metrics on what it read.
 * Invariants: no crash, leak or hang; a refusal names the file; a graph that was read has
 * edges between its own nodes, ids and labels set, weights >= 1, no self-loop. */
#include "fuzz_util.h"
#include "ng_graph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write_file("in.graphml", data, size);
    ng_graph *g = NULL;
    int rc = ng_graph_read_graphml(&g, path);
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
