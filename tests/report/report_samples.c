/* report_samples.c - writes the report of each test graph of tests/unit/export_graphs.h
 * (hostile text, a plain graph, an empty graph) as DIR/<name>.html, .md and .svg, with the
 * picture drawn when Graphviz is installed, for check_samples.sh to validate. Only the
 * report stage's public header: this is how a program uses the stage.
 * Usage: report_samples DIR */
#include "export_graphs.h"
#include "ng_report.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    static const char *const names[] = {"hostile", "plain", "empty"};
    if (argc != 2) {
        fprintf(stderr, "usage: report_samples DIR\n");
        return 2;
    }
    for (int v = NG_TG_HOSTILE; v <= NG_TG_EMPTY; v++) {
        ng_graph *g = NULL;
        ng_report *r = NULL;
        char html[4096], md[4096], svg[4096], svg_name[64];
        ng_report_opts opts = NG_REPORT_OPTS_INIT;
        ng_report_run run = {2, 1, 1000};
        opts.title = "Samples <&> \"report\"";
        snprintf(html, sizeof html, "%s/%s.html", argv[1], names[v]);
        snprintf(md, sizeof md, "%s/%s.md", argv[1], names[v]);
        snprintf(svg, sizeof svg, "%s/%s.svg", argv[1], names[v]);
        snprintf(svg_name, sizeof svg_name, "%s.svg", names[v]);
        int rc = ng_test_export_graph(&g, v);
        if (rc == 0 && !ng_graph_has_metrics(g)) rc = ng_graph_compute_metrics(g);
        if (rc == 0) rc = ng_report_new(&r, g, &opts, &run);
        if (rc == 0) rc = ng_report_write(r, NG_REPORT_HTML, html, NULL);
        if (rc == 0) rc = ng_report_write_svg(r, svg);
        if (rc == 0)
            rc = ng_report_write(r, NG_REPORT_MD, md, ng_report_has_picture(r) ? svg_name : NULL);
        if (rc == 0)
            printf("%s: %s\n", names[v],
                   ng_report_has_picture(r) ? "with picture" : ng_report_picture_note(r));
        ng_report_free(r);
        ng_graph_free(g);
        if (rc < 0) {
            fprintf(stderr, "report_samples: %s: %s\n", names[v], ng_error_last());
            return 1;
        }
    }
    return 0;
}
