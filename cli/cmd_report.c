/* cmd_report.c - `newsgraph report INPUT... -o report.html [-o report.md]`: a page an analyst
 * can hand in, from one run of the pipeline (the report stage: ng_report.h). */
#include "metrics_run.h"
#include "ng_graph.h"
#include "ng_report.h"
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

typedef struct output {
    const char *path;
    ng_report_format format;
    char *svg_path; /* Markdown to a file: the picture beside it (owned) */
} output;

static void help(const cli_opt *opts)
{
    printf("usage: newsgraph report [options] INPUT... -o FILE [-o FILE ...]\n\n"
           "Reads articles like 'newsgraph build' and writes a report an analyst can hand\n"
           "in: counts of articles, actors and relations; the top actors by each centrality;\n"
           "the communities; who did what to whom among the top actors; a dated timeline;\n"
           "the evidence sentences behind the strongest relations; and a picture of the\n"
           "graph drawn by Graphviz (dot or sfdp) when it is installed.\n\n"
           "FILE: .html (one self-contained page: no script, no request, opens offline) or\n"
           ".md (Markdown; the picture is written beside it as NAME.svg). '-' writes to\n"
           "standard output in the --format given.\n\nOptions:\n");
    cli_print_options(stdout, opts);
}

/* Picks each output's format (its extension; --format for "-" and names without a known
 * extension, never against the extension) and refuses unwritable outputs before any work.
 * NG_EXIT_OK, NG_EXIT_USAGE or NG_EXIT_FAILED (after saying why). */
static int prepare_outputs(output *outs, const cli_list *outputs, const char *format_name,
                           int no_picture)
{
    ng_report_format given = NG_REPORT_HTML;
    if (format_name && ng_report_format_parse(&given, format_name) < 0) {
        cli_error("report: %s", ng_error_last());
        return NG_EXIT_USAGE;
    }
    for (size_t i = 0; i < outputs->n; i++) {
        outs[i].path = outputs->items[i];
        if (strcmp(outs[i].path, "-") == 0) {
            if (!format_name) {
                char names[64];
                ng_report_format_names(names, sizeof names);
                cli_error("report: '-o -' needs --format (%s)", names);
                return NG_EXIT_USAGE;
            }
            outs[i].format = given;
        } else if (ng_report_format_from_path(&outs[i].format, outs[i].path) < 0) {
            if (!format_name) {
                cli_error("report: %s", ng_error_last());
                return NG_EXIT_USAGE;
            }
            outs[i].format = given;
        } else if (format_name && outs[i].format != given) {
            cli_error("report: the name -o %s and --format %s disagree: rename the file or drop "
                      "--format (it is for '-o -' and names without a known extension)",
                      outs[i].path, format_name);
            return NG_EXIT_USAGE;
        }
    }
    for (size_t i = 0; i < outputs->n; i++) {
        if (ng_out_check_path(outs[i].path) < 0) {
            cli_error("%s", ng_error_last());
            return NG_EXIT_FAILED;
        }
        if (outs[i].format == NG_REPORT_MD && strcmp(outs[i].path, "-") != 0 && !no_picture &&
            ng_report_svg_path(&outs[i].svg_path, outs[i].path) < 0) {
            cli_error("out of memory");
            return NG_EXIT_FAILED;
        }
    }
    return NG_EXIT_OK;
}

/* The files the outputs write (a Markdown report's picture too), for the guard against
 * overwriting an input. 0, or -1 after saying out of memory. */
static int guard_outputs(guard_list *writes, const output *outs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (guard_add(writes, outs[i].path, outs[i].path) < 0 ||
            (outs[i].svg_path && guard_add(writes, outs[i].svg_path, outs[i].path) < 0)) {
            cli_error("out of memory");
            return -1;
        }
    }
    return 0;
}

/* Writes every output, and the picture beside each Markdown file written to a file. */
static int write_outputs(const ng_report *report, const output *outs, size_t n, int picture)
{
    int error;
    for (size_t i = 0; i < n; i++) {
        const char *href = NULL;
        if (outs[i].svg_path && picture) {
            if ((error = ng_report_write_svg(report, outs[i].svg_path)) < 0) return error;
            href = strrchr(outs[i].svg_path, '/') ? strrchr(outs[i].svg_path, '/') + 1
                                                  : outs[i].svg_path;
        }
        if ((error = ng_report_write(report, outs[i].format, outs[i].path, href)) < 0)
            return error;
    }
    return NG_OK;
}

/* The command line's INPUTs, -o and numbers make sense: NG_EXIT_OK, else NG_EXIT_USAGE. */
static int check_usage(const cli_list *inputs, const cli_list *outputs, int top, int picture_nodes)
{
    if (inputs->n == 0) {
        cli_error("report: no INPUT given (see newsgraph report --help)");
        return NG_EXIT_USAGE;
    }
    if (outputs->n == 0) {
        cli_error("report: no output given: add -o FILE (e.g. -o report.html)");
        return NG_EXIT_USAGE;
    }
    if (top < 1 || picture_nodes < 1) {
        cli_error("report: --%s must be at least 1", top < 1 ? "top" : "picture-nodes");
        return NG_EXIT_USAGE;
    }
    return NG_EXIT_OK;
}

/* The run's summary and the files written, on stderr. */
static void print_summary(const pipeline_stats *st, ng_graph *g, const output *outs, size_t n,
                          int picture)
{
    cli_note("%zu articles read (%zu skipped), %zu actors, %zu relations, %.1f MB in %.2f s",
             st->articles, st->skipped, ng_graph_node_count(g), ng_graph_edge_count(g),
             (double)st->bytes / 1e6, st->seconds);
    pipeline_report_undated(st);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(outs[i].path, "-") == 0) continue;
        if (outs[i].svg_path && picture) cli_note("wrote %s", outs[i].svg_path);
        cli_note("wrote %s", outs[i].path);
    }
}

int cmd_report(int argc, char **argv)
{
    int rc = NG_EXIT_USAGE, want_help = 0, version = 0, no_picture = 0;
    ng_report_opts ro = NG_REPORT_OPTS_INIT;
    int top = (int)ro.top, matrix = (int)ro.matrix, timeline_max = (int)ro.timeline_max;
    int picture_nodes = (int)ro.picture_nodes;
    const char *format_name = NULL, *title = NULL, *show_relations = NULL;
    int drop_isolated = 0;
    uint64_t keep = 0;
    cli_list outputs = {0}, inputs = {0};
    pipeline_opts po = {0};
    output *outs = NULL;
    guard_list writes = {0};
    ng_graph *g = NULL;
    ng_report *report = NULL;
    pipeline_stats st;
    const cli_opt opts[] = {
        {'o', "output", OPT_LIST, &outputs, "FILE", "write the report (.html or .md; repeatable)"},
        {0, "format", OPT_STRING, &format_name, "FMT", "html or md, for '-o -' and names with no extension"},
        {0, "title", OPT_STRING, &title, "TEXT", "the report's title (default: newsgraph report)"},
        {0, "top", OPT_INT, &top, "N", "actors per ranking, relations with evidence (10)"},
        {0, "matrix", OPT_INT, &matrix, "N", "actors in the relation matrix (default 12)"},
        {0, "timeline-max", OPT_INT, &timeline_max, "N", "timeline rows at most (default 200)"},
        {0, "picture-nodes", OPT_INT, &picture_nodes, "N", "actors drawn at most, most connected first (70)"},
        {0, "no-picture", OPT_FLAG, &no_picture, NULL, "do not run Graphviz"},
        SHOW_RELATIONS_OPTIONS(show_relations, drop_isolated,
                               "default: all; the timeline and evidence then omit standing ties"),
        SOURCES_OPTION,
        PIPELINE_OPTIONS(po),
        {'q', "quiet", OPT_FLAG, &cli_quiet, NULL, "print errors only"},
        {'v', "verbose", OPT_FLAG, &cli_verbose, NULL, "print progress details"},
        {0, "version", OPT_FLAG, &version, NULL, "print the version and exit"},
        {0, NULL, OPT_FLAG, NULL, NULL, NULL},
    };

    if ((rc = cli_parse(argc, argv, opts, &inputs, &want_help)) != 0) goto cleanup;
    if ((rc = cli_check_sources()) != NG_EXIT_OK) goto cleanup;
    if (want_help) {
        help(opts);
        rc = NG_EXIT_OK;
        goto cleanup;
    }
    if (version) {
        printf("newsgraph %s\n", NG_VERSION);
        rc = NG_EXIT_OK;
        goto cleanup;
    }
    if ((rc = check_usage(&inputs, &outputs, top, picture_nodes)) != NG_EXIT_OK) goto cleanup;
    if (!(outs = calloc(outputs.n, sizeof *outs))) {
        cli_error("out of memory");
        rc = NG_EXIT_FAILED;
        goto cleanup;
    }
    if ((rc = cli_declare_relations(&po.relations)) != NG_EXIT_OK) goto cleanup;
    if (show_relations && (rc = cli_relation_list(&keep, "report", show_relations)) != NG_EXIT_OK)
        goto cleanup;
    if ((rc = prepare_outputs(outs, &outputs, format_name, no_picture)) != NG_EXIT_OK)
        goto cleanup;
    rc = NG_EXIT_FAILED;
    if (guard_outputs(&writes, outs, outputs.n) < 0) goto cleanup;
    po.cmd = "report";
    po.writes = &writes;
    if ((rc = pipeline_build_graph(&g, &inputs, &po, &st)) != NG_EXIT_OK) goto cleanup;
    ng_graph_set_filter(g, keep, drop_isolated); /* before ng_graph_finish */
    rc = NG_EXIT_FAILED;
    if (ng_graph_finish(g) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if (cli_metrics_run(g, NULL, po.threads) != NG_EXIT_OK) goto cleanup;
    ro.title = title;
    ro.top = (size_t)top;
    ro.matrix = (size_t)matrix;
    ro.timeline_max = (size_t)timeline_max;
    ro.picture = !no_picture;
    ro.picture_nodes = (size_t)picture_nodes;
    ro.listed = keep;
    ng_report_run run = {st.articles, st.skipped, st.bytes};
    if (ng_report_new(&report, g, &ro, &run) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    int picture = ng_report_has_picture(report);
    if (!picture && !no_picture && ng_graph_node_count(g) > 0)
        cli_warn("%s", ng_report_picture_note(report));
    if (write_outputs(report, outs, outputs.n, picture) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if (!cli_quiet) print_summary(&st, g, outs, outputs.n, picture);
    rc = NG_EXIT_OK;
cleanup:
    ng_report_free(report);
    ng_graph_free(g);
    if (outs)
        for (size_t i = 0; i < outputs.n; i++) free(outs[i].svg_path);
    free(outs);
    guard_list_free(&writes);
    cli_list_free(&outputs);
    cli_list_free(&inputs);
    pipeline_opts_free(&po);
    return rc;
}
