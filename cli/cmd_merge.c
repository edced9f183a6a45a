/* cmd_merge.c - `newsgraph merge SHARD... -o FILE [-o FILE ...]`: the reduce step. Reads the
 * docs of any number of shards into one graph (on -j threads, shards_read.h) and writes every
 * output exactly as `build` does. The graph does not depend on the order in which docs
 * arrive, so any split of a corpus, merged in any order, gives the files one `build` over the
 * whole corpus gives. An -o ending in .ngs or .ngs.gz writes the docs themselves to one
 * combined shard instead (a step of a tree reduce: fewer, larger files for the next merge);
 * its docs keep the order of the shards given, so then one thread reads them all; so too for
 * an evidence table (-o x.evidence.csv: its rows in the order of the shards given). */
#include "ng_graph.h"
#include "outputs.h"
#include "shards_read.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_shard_path(const char *path)
{
    return ng_has_suffix(path, ".ngs") || ng_has_suffix(path, ".ngs.gz");
}

static void help(const cli_opt *opts)
{
    printf("usage: newsgraph merge [options] SHARD... -o FILE [-o FILE ...]\n\n"
           "Builds the graph from the shards that 'newsgraph extract' wrote, computes\n"
           "centrality and communities, and writes every -o file as 'newsgraph build' does:\n"
           "the same articles give byte-identical files however they were split into shards\n"
           "and in whatever order the shards are given.\n\n"
           "SHARD: a .ngs or .ngs.gz file ('-' reads one from standard input). Give the\n"
           "--relations files the shards were extracted with: a shard names its relation types.\n\n");
    outputs_help(stdout);
    printf("  %-8s %-14s the shards' docs combined into one shard (in the order given, read\n"
           "  %-8s %-14s by one thread)\n\nOptions:\n", "", ".ngs .ngs.gz", "", "");
    cli_print_options(stdout, opts);
}

/* What the shards gave: docs kept, and the ids seen (a doc whose id came before is skipped:
 * a shard merged twice, or the same article in two shards, counts once). */
typedef struct merge_input {
    ng_idset *ids;
    ng_idset *files;   /* (device, inode) of the shard files read */
    uint64_t docs;
    uint64_t duplicates;
    cli_outputs *evidence; /* the outputs when an evidence table is among them: each doc kept
                              goes to it too, in the order read (so one shard at a time) */
} merge_input;

static void skip_duplicate(merge_input *in, const char *path, const ng_doc *doc)
{
    in->duplicates++;
    if (in->duplicates <= 20)
        cli_warn("%s: article id '%.200s' was read already (the same article twice?): this one "
                 "skipped, so it counts once", path, doc->id);
}

/* Reads every doc of one shard into the graph (when any) and the combined shards. */
static int read_shard(const char *path, ng_graph *g, ng_shard_writer **writers, size_t n_writers,
                      merge_input *in)
{
    ng_shard_reader *r = NULL;
    ng_doc *doc = NULL;
    int error, fresh;
    if ((error = ng_shard_reader_open(&r, path)) < 0) goto cleanup;
    for (uint64_t record = 1;; record++) {
        if ((error = ng_shard_read_doc(r, &doc)) < 0 || !doc) break;
        if ((error = fresh = ng_idset_add(in->ids, doc->id, strlen(doc->id))) < 0) break;
        if (!fresh) {
            skip_duplicate(in, path, doc);
        } else {
            /* the reader's own messages name the file and record; the graph's the article */
            if (g && (error = ng_graph_add_doc(g, doc)) < 0) {
                ng_error_set("%s: record %llu: %s", path, (unsigned long long)record,
                             ng_error_last());
                break;
            }
            for (size_t i = 0; i < n_writers; i++) {
                if ((error = ng_shard_write_doc(writers[i], doc)) < 0) goto cleanup;
            }
            if (in->evidence && (error = outputs_evidence_add(in->evidence, doc)) < 0) break;
            in->docs++;
        }
        ng_doc_free(doc);
        doc = NULL;
    }
cleanup:
    ng_doc_free(doc);
    ng_shard_reader_free(r);
    return error;
}

/* A shard file given twice is read once (stdin always). 1 to read it, 0 to pass, -1 OOM. */
static int first_time(merge_input *in, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0) return 1;
    uint64_t key[2] = {(uint64_t)st.st_dev, (uint64_t)st.st_ino};
    int fresh = ng_idset_add(in->files, key, sizeof key);
    if (fresh == 0) cli_warn("%s: the same shard file given twice: read once", path);
    return fresh;
}

/* The graph of every shard read on `threads` threads, each file once (`once` gets the files
 * read; its items are borrowed from `shards`). 1 when that cannot give what a sequential read
 * gives (an article id met twice: the copy kept depends on the order of the shards): then
 * nothing was kept and the caller reads `once` one shard at a time. 0, or after printing
 * why -1, or -2 when a shard names a relation type this run does not know (the command line
 * lacks its --relations). */
static int read_shards_parallel(const cli_list *shards, cli_list *once, int threads,
                                ng_graph **g, merge_input *in)
{
    int rc = -1, error;
    if (ng_idset_new(&in->files) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if (!(once->items = calloc(shards->n, sizeof *once->items))) {
        cli_error("out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < shards->n; i++) {
        int fresh = first_time(in, shards->items[i]);
        if (fresh < 0) {
            cli_error("%s", ng_error_last());
            goto cleanup;
        }
        if (fresh) once->items[once->n++] = shards->items[i];
    }
    pipeline_stats st;
    error = shards_read_graph(g, once->items, once->n, threads, &st);
    if (error < 0) cli_error("%s", ng_error_last());
    rc = error == NG_EINVAL ? -2 : error < 0 ? -1 : error == SHARDS_READ_DUPLICATE ? 1 : 0;
    in->docs = st.articles;
    if (rc == 0 && cli_verbose && !cli_quiet)
        cli_note("shards read in %.2f s on %d threads (CPU %.2f s, busiest thread %.2f s), "
                 "partial graphs absorbed in %.2f s (CPU %.2f s)",
                 st.seconds, st.threads, st.cpu_seconds, st.cpu_max_seconds, st.absorb_seconds,
                 st.absorb_cpu_seconds);
cleanup:
    ng_idset_free(in->files);
    in->files = NULL;
    return rc;
}

/* Refuses an output (a graph file, both CSV tables, a combined shard) that is one of the
 * shards or --relations files read. NG_EXIT_OK, NG_EXIT_USAGE or NG_EXIT_FAILED (after
 * saying why). */
static int guard_shards(const cli_outputs *outs, const cli_list *shard_paths,
                        const cli_list *shards, const cli_list *relations)
{
    guard_list writes = {0};
    int rc = NG_EXIT_FAILED;
    if (outputs_guard(outs, &writes) < 0) goto cleanup;
    for (size_t i = 0; i < shard_paths->n; i++) {
        if (guard_add(&writes, shard_paths->items[i], shard_paths->items[i]) < 0) {
            cli_error("out of memory");
            goto cleanup;
        }
    }
    if ((rc = guard_check("merge", &writes, NULL, shards)) == NG_EXIT_OK)
        rc = guard_check("merge", &writes, NULL, relations);
cleanup:
    guard_list_free(&writes);
    return rc;
}

/* Reads every shard (each file once) into the graph and the combined shards. Returns an exit
 * status, after printing why: 1, or 2 when a shard names a relation type this run does not
 * know (the command line lacks its --relations). */
static int read_shards(const cli_list *shards, ng_graph *g, ng_shard_writer **writers,
                       size_t n_writers, merge_input *in)
{
    int rc = NG_EXIT_FAILED;
    if (ng_idset_new(&in->ids) < 0 || ng_idset_new(&in->files) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    for (size_t i = 0; i < shards->n; i++) {
        int fresh = first_time(in, shards->items[i]), error = NG_OK;
        if (fresh < 0 || (fresh && (error = read_shard(shards->items[i], g, writers, n_writers,
                                                       in)) < 0)) {
            cli_error("%s", ng_error_last());
            if (error == NG_EINVAL) rc = NG_EXIT_USAGE; /* a relation type needs --relations */
            goto cleanup;
        }
        if (cli_verbose)
            cli_note("read %s (%llu docs so far)", shards->items[i], (unsigned long long)in->docs);
    }
    if (in->duplicates > 20)
        cli_warn("%llu more articles with an id read already were skipped (%llu duplicates in all)",
                 (unsigned long long)(in->duplicates - 20), (unsigned long long)in->duplicates);
    rc = NG_EXIT_OK;
cleanup:
    ng_idset_free(in->ids);
    ng_idset_free(in->files);
    in->ids = in->files = NULL;
    return rc;
}

/* The graph (when want_graph) and the combined shards of every shard given: on `threads`
 * threads when no shard is combined, else, or when an article id is met twice, one shard at a
 * time in the order given. Returns an exit status, after printing why: 1, or 2 when a shard
 * names a relation type this run does not know (the command line lacks its --relations). */
static int read_all(const cli_list *shards, int threads, int want_graph, ng_shard_writer **writers,
                    size_t n_writers, ng_graph **g, merge_input *in)
{
    cli_list once = {0}; /* each file once; items borrowed from shards */
    int rc = NG_EXIT_FAILED, sequential = n_writers > 0 || threads == 1 || in->evidence;
    if (!sequential && (sequential = read_shards_parallel(shards, &once, threads, g, in)) < 0) {
        if (sequential == -2) rc = NG_EXIT_USAGE;
        goto cleanup;
    }
    if (sequential) {
        in->docs = 0;
        if (want_graph && cli_graph_new(g) < 0) {
            cli_error("%s", ng_error_last());
            goto cleanup;
        }
        rc = read_shards(once.n ? &once : shards, *g, writers, n_writers, in);
        goto cleanup;
    }
    rc = NG_EXIT_OK;
cleanup:
    cli_list_free(&once);
    return rc;
}

int cmd_merge(int argc, char **argv)
{
    int rc = NG_EXIT_USAGE, want_help = 0, no_metrics = 0, exact = 0, threads = 0;
    const char *format_name = NULL;
    cli_list outputs = {0}, shards = {0}, graph_paths = {0}, shard_paths = {0}, relations = {0};
    cli_outputs outs = {0};
    ng_shard_writer **writers = NULL;
    ng_graph *g = NULL;
    merge_input in = {0};
    double t0 = ng_clock_seconds();
    const cli_opt opts[] = {
        {'o', "output", OPT_LIST, &outputs, "FILE", "write the graph (or a combined shard) to FILE (repeatable)"},
        {0, "format", OPT_STRING, &format_name, "FMT", "the format for '-o -' and names with no extension (FMT above)"},
        {'j', "threads", OPT_INT, &threads, "N", "shards read and files written at once (default: number of cores)"},
        {0, "no-metrics", OPT_FLAG, &no_metrics, NULL, "skip centrality and communities"},
        {0, "exact", OPT_FLAG, &exact, NULL, "exact betweenness, closeness, harmonic on any graph (see metrics --help)"},
        SOURCES_OPTION,
        RELATIONS_OPTION(relations),
        {'q', "quiet", OPT_FLAG, &cli_quiet, NULL, "print errors only"},
        {'v', "verbose", OPT_FLAG, &cli_verbose, NULL, "print progress details"},
        {0, NULL, OPT_FLAG, NULL, NULL, NULL},
    };

    if ((rc = cli_parse(argc, argv, opts, &shards, &want_help)) != 0) goto cleanup;
    if ((rc = cli_check_sources()) != NG_EXIT_OK) goto cleanup;
    if (want_help) {
        help(opts);
        rc = NG_EXIT_OK;
        goto cleanup;
    }
    rc = NG_EXIT_USAGE;
    if (shards.n == 0) {
        cli_error("merge: no SHARD given (make shards with newsgraph extract; see newsgraph "
                  "merge --help)");
        goto cleanup;
    }
    if (outputs.n == 0) {
        cli_error("merge: no output given: add -o FILE (e.g. -o graph.graphml)");
        goto cleanup;
    }
    /* the shards name their relation types: the declared ones must be known first */
    if ((rc = cli_declare_relations(&relations)) != NG_EXIT_OK) goto cleanup;
    /* Split the outputs: graph files go to the export stage, .ngs files get the docs. */
    graph_paths.items = calloc(outputs.n, sizeof *graph_paths.items);
    shard_paths.items = calloc(outputs.n, sizeof *shard_paths.items);
    writers = calloc(outputs.n, sizeof *writers);
    if (!graph_paths.items || !shard_paths.items || !writers) {
        cli_error("out of memory");
        rc = NG_EXIT_FAILED;
        goto cleanup;
    }
    for (size_t i = 0; i < outputs.n; i++) {
        cli_list *l = is_shard_path(outputs.items[i]) ? &shard_paths : &graph_paths;
        l->items[l->n++] = outputs.items[i];
    }
    if ((rc = outputs_prepare(&outs, "merge", &graph_paths, format_name)) != NG_EXIT_OK)
        goto cleanup;
    if ((rc = guard_shards(&outs, &shard_paths, &shards, &relations)) != NG_EXIT_OK) goto cleanup;
    rc = NG_EXIT_FAILED;
    for (size_t i = 0; i < shard_paths.n; i++) {
        const char *p = shard_paths.items[i];
        if (ng_out_check_path(p) < 0 || ng_shard_writer_open(&writers[i], p, ng_has_suffix(p, ".gz")) < 0) {
            cli_error("%s", ng_error_last());
            goto cleanup;
        }
    }
    if (outputs_has_evidence(&outs)) {
        if ((rc = outputs_evidence_open(&outs)) != NG_EXIT_OK) goto cleanup;
        rc = NG_EXIT_FAILED;
        in.evidence = &outs;
    }
    threads = ng_thread_count(threads);
    if ((rc = read_all(&shards, threads, graph_paths.n > 0, writers, shard_paths.n, &g, &in)) !=
        NG_EXIT_OK)
        goto cleanup;
    outs.threads = threads; /* metrics and files too */
    outs.exact = exact;
    if (g && (rc = outputs_finish_and_write(g, &outs, no_metrics)) != NG_EXIT_OK) goto cleanup;
    rc = NG_EXIT_FAILED;
    for (size_t i = 0; i < shard_paths.n; i++) {
        if (ng_shard_writer_commit(writers[i]) < 0) {
            cli_error("%s", ng_error_last());
            goto cleanup;
        }
    }
    if (!cli_quiet) {
        if (g)
            cli_note("%llu articles from %zu shards, %zu actors, %zu relations in %.2f s",
                     (unsigned long long)in.docs, shards.n, ng_graph_node_count(g),
                     ng_graph_edge_count(g), ng_clock_seconds() - t0);
        else
            cli_note("%llu articles from %zu shards in %.2f s", (unsigned long long)in.docs,
                     shards.n, ng_clock_seconds() - t0);
        outputs_report(&outs);
        for (size_t i = 0; i < shard_paths.n; i++) {
            if (strcmp(shard_paths.items[i], "-") != 0) cli_note("wrote %s", shard_paths.items[i]);
        }
    }
    rc = NG_EXIT_OK;
cleanup:
    for (size_t i = 0; writers && i < shard_paths.n; i++) ng_shard_writer_free(writers[i]);
    free(writers);
    ng_graph_free(g);
    outputs_free(&outs);
    cli_list_free(&graph_paths);
    cli_list_free(&shard_paths);
    cli_list_free(&outputs);
    cli_list_free(&shards);
    cli_list_free(&relations);
    return rc;
}
