/* metrics_dump.c - prints the metrics newsgraph computes for a GraphML graph, at full
 * precision, for check_networkx.py to compare with NetworkX.
 *
 * usage: ng_metrics_dump GRAPH.graphml [RELATION,...]
 * Output (TSV): "modularity\t<Q>", "communities\t<n>", a header line, then one line per
 * node: id, degree, in_degree, out_degree, strength, betweenness, closeness, harmonic,
 * pagerank, eigenvector, community. Exit 0, or 1 with the error on stderr.
 */
#include "ng_graph.h"

#include <string.h>

int main(int argc, char **argv)
{
    ng_graph *g = NULL;
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: ng_metrics_dump GRAPH.graphml [RELATION,...]\n");
        return 2;
    }
    if (argc == 3) {
        char *list = argv[2];
        for (char *name = strtok(list, ","); name; name = strtok(NULL, ",")) {
            ng_rel r;
            if (ng_rel_parse(&r, name) < 0) {
                fprintf(stderr, "ng_metrics_dump: unknown relation '%s'\n", name);
                return 2;
            }
            o.relations |= 1u << r;
        }
    }
    if (ng_graph_read_graphml(&g, argv[1]) < 0 || ng_graph_compute_metrics_opts(g, &o) < 0) {
        fprintf(stderr, "ng_metrics_dump: %s\n", ng_error_last());
        ng_graph_free(g);
        return 1;
    }
    printf("modularity\t%.17g\ncommunities\t%zu\n", ng_graph_modularity(g),
           ng_graph_community_count(g));
    printf("id\tdegree\tin_degree\tout_degree\tstrength\tbetweenness\tcloseness\tharmonic\t"
           "pagerank\teigenvector\tcommunity\n");
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        const ng_node *n = ng_graph_node(g, i);
        const ng_metrics *m = &n->m;
        printf("%s\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%d\n", n->id,
               m->degree, m->in_degree, m->out_degree, m->strength, m->betweenness, m->closeness,
               m->harmonic, m->pagerank, m->eigenvector, m->community);
    }
    ng_graph_free(g);
    return fflush(stdout) == 0 ? 0 : 1;
}
