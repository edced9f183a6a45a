/* graphml_read_time.c - the time of reading one GraphML file with `newsgraph metrics`'s
 * reader, by the one-pass path (graph/graphml_fast.c for the dialect newsgraph writes,
 * igraph's reader for anything else) or by igraph's reader alone (docs/performance.md).
 *
 * usage: ng_graphml_read_time GRAPH.graphml fast|igraph
 * Prints one line: the path taken (one-pass, or igraph when the file is outside the
 * dialect or igraph was asked for), nodes, edges, CPU seconds (user + sys), wall seconds,
 * and peak RSS in MB of the process so far. Exit 1 with the reader's message when the
 * file cannot be read, 2 on a usage error. Not part of the test suite: it times.
 */
#include "graph_internal.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <zlib.h>

static double cpu_seconds(void)
{
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return (double)r.ru_utime.tv_sec + r.ru_utime.tv_usec / 1e6 + (double)r.ru_stime.tv_sec +
           r.ru_stime.tv_usec / 1e6;
}

/* Whether the one-pass reader reads the file itself (a second read, not timed). */
static const char *path_taken(const char *path, int fast)
{
    static char why[160];
    ng_buf bytes = NG_BUF_INIT;
    ng_gml doc;
    char chunk[65536];
    int n;
    gzFile z = fast ? gzopen(path, "rb") : NULL; /* as the reader: .gz or plain */
    if (!z) return "igraph";
    while ((n = gzread(z, chunk, sizeof chunk)) > 0)
        if (ng_buf_put(&bytes, chunk, (size_t)n) < 0) break;
    gzclose(z);
    int rc = ng_gml__parse(&doc, bytes.ptr, bytes.len);
    snprintf(why, sizeof why, "igraph (outside the dialect: %s)", doc.why ? doc.why : "?");
    ng_gml__free(&doc);
    ng_buf_free(&bytes);
    return rc == NG_OK ? "one-pass" : why;
}

int main(int argc, char **argv)
{
    ng_graph *g = NULL;
    if (argc != 3 || (strcmp(argv[2], "fast") && strcmp(argv[2], "igraph"))) {
        fprintf(stderr, "usage: ng_graphml_read_time GRAPH.graphml fast|igraph\n");
        return 2;
    }
    int fast = !strcmp(argv[2], "fast");
    double c0 = cpu_seconds(), w0 = ng_clock_seconds();
    int rc = ng_graph__read_graphml(&g, argv[1], fast);
    double c1 = cpu_seconds(), w1 = ng_clock_seconds();
    if (rc < 0) {
        fprintf(stderr, "ng_graphml_read_time: %s\n", ng_error_last());
        return 1;
    }
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    size_t nodes = ng_graph_node_count(g), edges = ng_graph_edge_count(g);
    ng_graph_free(g);
    printf("%s: %zu nodes, %zu edges, %.2f CPU s, %.2f s wall, peak RSS %ld MB\n",
           path_taken(argv[1], fast), nodes, edges, c1 - c0, w1 - w0, r.ru_maxrss / 1024);
    return 0;
}
