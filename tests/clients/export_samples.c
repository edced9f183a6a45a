/* export_samples.c - writes the export test graphs in every format for the client tests.
 *
 * usage: export_samples DIR
 * Writes DIR/{hostile,plain,empty}.{graphml,graphml.gz,gexf,gexf.gz,dot,json} and
 * DIR/<name>.nodes.csv + DIR/<name>.edges.csv (the graphs of tests/unit/export_graphs.h). */
#include "export_graphs.h"
#include "ng_export.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
    static const char *const graphs[] = {"hostile", "plain", "empty"};
    static const char *const files[] = {".graphml", ".graphml.gz", ".gexf", ".gexf.gz",
                                        ".dot",     ".json",       ".csv"};
    if (argc != 2) {
        fprintf(stderr, "usage: export_samples DIR\n");
        return 2;
    }
    if (mkdir(argv[1], 0777) != 0 && errno != EEXIST) {
        perror(argv[1]);
        return 1;
    }
    for (int v = 0; v < 3; v++) {
        ng_graph *g = NULL;
        if (ng_test_export_graph(&g, v) < 0) {
            fprintf(stderr, "export_samples: %s graph: %s\n", graphs[v], ng_error_last());
            return 1;
        }
        for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
            char path[4096];
            ng_format format;
            int gzip;
            snprintf(path, sizeof path, "%s/%s%s", argv[1], graphs[v], files[f]);
            if (ng_format_from_path(&format, &gzip, path) < 0 ||
                ng_export_write(g, format, path, gzip) < 0) {
                fprintf(stderr, "export_samples: %s: %s\n", path, ng_error_last());
                ng_graph_free(g);
                return 1;
            }
        }
        ng_graph_free(g);
    }
    printf("export_samples: wrote %s\n", argv[1]);
    return 0;
}
