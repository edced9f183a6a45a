/* cmd_extract.c - `newsgraph extract INPUT... -o SHARD.ngs[.gz]`: the map step of a
 * map/reduce run. Writes each article's extraction to a shard (core/SHARD-FORMAT.md) that
 * `newsgraph merge` turns into the graph, so that many machines can extract slices of a
 * corpus and one merge builds exactly the graph one `build` would. */
#include "pipeline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int write_doc(void *ctx, const ng_doc *doc) { return ng_shard_write_doc(ctx, doc); }

/* Parses "K/N" (0 <= K < N). */
static int parse_slice(const char *s, size_t *index, size_t *count)
{
    char *end;
    unsigned long long k, n;
    if (*s < '0' || *s > '9') return -1;
    k = strtoull(s, &end, 10);
    if (*end != '/' || end[1] < '0' || end[1] > '9') return -1;
    n = strtoull(end + 1, &end, 10);
    if (*end || n == 0 || k >= n || n > SIZE_MAX) return -1;
    *index = (size_t)k;
    *count = (size_t)n;
    return 0;
}

static void help(const cli_opt *opts)
{
    printf("usage: newsgraph extract [options] INPUT... -o SHARD.ngs[.gz]\n\n"
           "Reads articles and writes each one's extraction (actors, relations, evidence,\n"
           "dates) to a shard file, in input order. 'newsgraph merge' builds the graph and\n"
           "every export from any number of shards: a corpus split in slices, extracted\n"
           "anywhere and merged gives the same files as one 'newsgraph build'.\n\n"
           "INPUT: as for 'newsgraph build'. SHARD: .ngs, or .ngs.gz for gzip; '-' writes an\n"
           "uncompressed shard to standard output. Format: core/SHARD-FORMAT.md.\n\n"
           "--slice K/N splits a run into N jobs with the same INPUTs (e.g. a Slurm job array):\n"
           "job K reads only the input files whose path (relative to its INPUT) hashes to K\n"
           "modulo N, so a file added between two jobs moves no other file; a CSV or JSON Lines\n"
           "corpus is one file. Article ids stay those 'build' gives. A slice may be empty.\n\n"
           "Options:\n");
    cli_print_options(stdout, opts);
}

int cmd_extract(int argc, char **argv)
{
    int rc = NG_EXIT_USAGE, want_help = 0;
    const char *output = NULL, *slice = NULL;
    cli_list inputs = {0};
    pipeline_opts po = {0};
    ng_shard_writer *w = NULL;
    guard_list writes = {0};
    pipeline_stats st;
    const cli_opt opts[] = {
        {'o', "output", OPT_STRING, &output, "SHARD", "write the shard to SHARD (.ngs or .ngs.gz)"},
        PIPELINE_OPTIONS(po),
        {0, "slice", OPT_STRING, &slice, "K/N", "read only slice K of N of the input files (0 <= K < N)"},
        {'q', "quiet", OPT_FLAG, &cli_quiet, NULL, "print errors only"},
        {'v', "verbose", OPT_FLAG, &cli_verbose, NULL, "print progress details"},
        {0, NULL, OPT_FLAG, NULL, NULL, NULL},
    };

    if ((rc = cli_parse(argc, argv, opts, &inputs, &want_help)) != 0) goto cleanup;
    if (want_help) {
        help(opts);
        rc = NG_EXIT_OK;
        goto cleanup;
    }
    rc = NG_EXIT_USAGE;
    if (inputs.n == 0) {
        cli_error("extract: no INPUT given (see newsgraph extract --help)");
        goto cleanup;
    }
    if (!output) {
        cli_error("extract: no output given: add -o SHARD.ngs (or .ngs.gz)");
        goto cleanup;
    }
    if (slice && parse_slice(slice, &po.slice_index, &po.slice_count) < 0) {
        cli_error("extract: --slice %s: give K/N with 0 <= K < N (e.g. --slice 3/16)", slice);
        goto cleanup;
    }
    int gzip = ng_has_suffix(output, ".ngs.gz");
    if (strcmp(output, "-") != 0 && !gzip && !ng_has_suffix(output, ".ngs")) {
        cli_error("extract: %s: a shard is named .ngs or .ngs.gz (graphs are written by "
                  "build and merge)", output);
        goto cleanup;
    }
    /* before the shard is opened: it records the names of every relation type */
    if ((rc = cli_declare_relations(&po.relations)) != NG_EXIT_OK) goto cleanup;
    rc = NG_EXIT_FAILED;
    if (guard_add(&writes, output, output) < 0) {
        cli_error("out of memory");
        goto cleanup;
    }
    po.cmd = "extract";
    po.writes = &writes;
    if (ng_out_check_path(output) < 0 || ng_shard_writer_open(&w, output, gzip) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if ((rc = pipeline_run(&inputs, &po, write_doc, w, &st)) != NG_EXIT_OK) goto cleanup;
    rc = NG_EXIT_FAILED;
    if (ng_shard_writer_commit(w) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if (!cli_quiet) {
        cli_note("%zu articles extracted (%zu skipped), %.1f MB in %.2f s", st.articles, st.skipped,
                 (double)st.bytes / 1e6, st.seconds);
        if (strcmp(output, "-") != 0) cli_note("wrote %s", output);
    }
    rc = NG_EXIT_OK;
cleanup:
    ng_shard_writer_free(w);
    guard_list_free(&writes);
    cli_list_free(&inputs);
    pipeline_opts_free(&po);
    return rc;
}
