/* cmd_build.c - `newsgraph build INPUT... -o FILE [-o FILE ...]`: the main job. */
#include "ng_graph.h"
#include "outputs.h"
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

static void help(const cli_opt *opts)
{
    printf("usage: newsgraph build [options] INPUT... -o FILE [-o FILE ...]\n\n"
           "Reads articles, extracts actors and relations, merges them into one graph, computes\n"
           "centrality and communities, and writes every -o file from that one run.\n\n"
           PIPELINE_INPUT_HELP "\n");
    outputs_help(stdout);
    printf("\nOptions:\n");
    cli_print_options(stdout, opts);
}

int cmd_build(int argc, char **argv)
{
    int rc = NG_EXIT_USAGE, want_help = 0, version = 0, no_metrics = 0, exact = 0;
    const char *format_name = NULL, *show_relations = NULL;
    int drop_isolated = 0;
    uint64_t keep = 0;
    cli_list outputs = {0}, inputs = {0};
    pipeline_opts po = {0};
    cli_outputs outs = {0};
    guard_list writes = {0};
    ng_graph *g = NULL;
    pipeline_stats st;
    const cli_opt opts[] = {
        {'o', "output", OPT_LIST, &outputs, "FILE", "write the graph to FILE (repeatable)"},
        {0, "format", OPT_STRING, &format_name, "FMT", "the format for '-o -' and names with no extension (FMT above)"},
        PIPELINE_OPTIONS(po),
        SHOW_RELATIONS_OPTIONS(show_relations, drop_isolated, "the graph keeps no other"),
        {0, "no-metrics", OPT_FLAG, &no_metrics, NULL, "skip centrality and communities"},
        {0, "exact", OPT_FLAG, &exact, NULL, "exact betweenness, closeness, harmonic on any graph (see metrics --help)"},
        SOURCES_OPTION,
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
    rc = NG_EXIT_USAGE;
    if (inputs.n == 0) {
        cli_error("build: no INPUT given (see newsgraph build --help)");
        goto cleanup;
    }
    if (outputs.n == 0) {
        cli_error("build: no output given: add -o FILE (e.g. -o graph.graphml)");
        goto cleanup;
    }
    if ((rc = cli_declare_relations(&po.relations)) != NG_EXIT_OK) goto cleanup;
    if (show_relations && (rc = cli_relation_list(&keep, "build", show_relations)) != NG_EXIT_OK)
        goto cleanup;
    if ((rc = outputs_prepare(&outs, "build", &outputs, format_name)) != NG_EXIT_OK)
        goto cleanup;
    rc = NG_EXIT_FAILED;
    if (outputs_guard(&outs, &writes) < 0) goto cleanup;
    po.cmd = "build";
    po.writes = &writes;
    if (outputs_has_evidence(&outs)) { /* every mention, written as the articles are read */
        if ((rc = outputs_evidence_open(&outs)) != NG_EXIT_OK) goto cleanup;
        rc = NG_EXIT_FAILED;
        po.also = outputs_evidence_add;
        po.also_ctx = &outs;
    }
    if ((rc = pipeline_build_graph(&g, &inputs, &po, &st)) != NG_EXIT_OK) goto cleanup;
    ng_graph_set_filter(g, keep, drop_isolated); /* before ng_graph_finish */
    if (cli_verbose && !cli_quiet)
        cli_note("extraction %.2f s on %d threads (CPU %.2f s, busiest thread %.2f s)",
                 st.seconds, st.threads, st.cpu_seconds, st.cpu_max_seconds);
    outs.threads = po.threads; /* the files are written by as many threads as extracted */
    outs.exact = exact;
    if ((rc = outputs_finish_and_write(g, &outs, no_metrics)) != NG_EXIT_OK) goto cleanup;
    if (!cli_quiet) {
        cli_note("%zu articles read (%zu skipped), %zu actors, %zu relations, %.1f MB in %.2f s",
                 st.articles, st.skipped, ng_graph_node_count(g), ng_graph_edge_count(g),
                 (double)st.bytes / 1e6, st.seconds);
        pipeline_report_undated(&st);
        outputs_report(&outs);
    }
    rc = NG_EXIT_OK;
cleanup:
    ng_graph_free(g);
    outputs_free(&outs);
    guard_list_free(&writes);
    cli_list_free(&outputs);
    cli_list_free(&inputs);
    pipeline_opts_free(&po);
    return rc;
}
