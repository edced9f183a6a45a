/* report_samples.c - writes the report of each test graph of tests/unit/export_graphs.h
 * (hostile text, a plain graph, an empty graph) as DIR/<name>.html, .md and .svg, with the
 * picture drawn when Graphviz is installed, for check_samples.sh to validate.
 * Usage: report_samples DIR */
#include "export_graphs.h"
#include "report.h"

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
        report_model *m = NULL;
        char html[4096], md[4096], svg[4096], svg_name[64];
        report_opts opts = {"Samples <&> \"report\"", 10, 12, 200, 1, 70};
        report_run run = {2, 1, 1000};
        snprintf(html, sizeof html, "%s/%s.html", argv[1], names[v]);
        snprintf(md, sizeof md, "%s/%s.md", argv[1], names[v]);
        snprintf(svg, sizeof svg, "%s/%s.svg", argv[1], names[v]);
        snprintf(svg_name, sizeof svg_name, "%s.svg", names[v]);
        int rc = ng_test_export_graph(&g, v);
        if (rc == 0 && !ng_graph_has_metrics(g)) rc = ng_graph_compute_metrics(g);
        if (rc == 0) rc = report_model_new(&m, g, &opts, &run);
        if (rc == 0) rc = report_picture(m);
        if (rc == 0) rc = report_write_html(m, html);
        if (rc == 0) rc = report_write_svg(m, svg);
        if (rc == 0) rc = report_write_md(m, md, m->svg_file ? svg_name : NULL);
        if (rc == 0) printf("%s: %s\n", names[v], m->svg ? "with picture" : m->picture_note);
        report_model_free(m);
        ng_graph_free(g);
        if (rc < 0) {
            fprintf(stderr, "report_samples: %s: %s\n", names[v], ng_error_last());
            return 1;
        }
    }
    return 0;
}
