/* outputs.c - the -o outputs of build and merge: checked up front, written from one graph. */
#include "outputs.h"

#include "metrics_run.h"
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

int outputs_prepare(cli_outputs *outs, const char *cmd, const cli_list *paths,
                    const char *format_name)
{
    memset(outs, 0, sizeof *outs);
    if (paths->n == 0) return NG_EXIT_OK;
    if (!(outs->items = calloc(paths->n, sizeof *outs->items))) {
        cli_error("out of memory");
        return NG_EXIT_FAILED;
    }
    outs->n = paths->n;
    /* --format names the format of '-o -' and of names without a known extension; it must
     * not contradict a name that has one (the name would silently win). */
    ng_format given = NG_FORMAT__COUNT;
    if (format_name && ng_format_parse(&given, format_name) < 0) {
        cli_error("%s: %s", cmd, ng_error_last());
        return NG_EXIT_USAGE;
    }
    for (size_t i = 0; i < outs->n; i++) {
        cli_output *o = &outs->items[i];
        o->path = paths->items[i];
        if (strcmp(o->path, "-") == 0) {
            if (!format_name) {
                char names[128];
                ng_format_names(names, sizeof names);
                cli_error("%s: '-o -' needs --format (%s)", cmd, names);
                return NG_EXIT_USAGE;
            }
            o->format = given;
        } else if (ng_format_from_path(&o->format, &o->gzip, o->path) < 0) {
            /* A name without a known extension (/dev/stdout, a pipe) takes --format. */
            if (!format_name) {
                cli_error("%s: %s", cmd, ng_error_last());
                return NG_EXIT_USAGE;
            }
            o->gzip = 0;
            o->format = given;
        } else if (format_name && o->format != given) {
            cli_error("%s: -o %s names a %s file but --format says %s: rename the file or drop "
                      "--format (it is for '-o -' and names without a known extension)",
                      cmd, o->path, ng_format_name(o->format), ng_format_name(given));
            return NG_EXIT_USAGE;
        }
        const ng_format_info *info = ng_format_get(o->format);
        if (info && info->files && ng_out_is_direct(o->path)) {
            cli_error("%s: -o %s as %s: it is several files (%s) and cannot go to standard "
                      "output or a stream; give a file name",
                      cmd, o->path, info->name, info->files);
            return NG_EXIT_USAGE;
        }
    }
    /* Refuse unwritable outputs before doing any work. */
    for (size_t i = 0; i < outs->n; i++) {
        const cli_output *o = &outs->items[i];
        if (ng_export_check_path(o->format, o->path, o->gzip) < 0) {
            cli_error("%s", ng_error_last());
            return NG_EXIT_FAILED;
        }
    }
    return NG_EXIT_OK;
}

int outputs_guard(const cli_outputs *outs, guard_list *g)
{
    for (size_t i = 0; i < outs->n; i++) {
        const cli_output *o = &outs->items[i];
        char *nodes = NULL, *edges = NULL;
        int bad = 0;
        if (o->format != NG_FORMAT_CSV || strcmp(o->path, "-") == 0) {
            bad = guard_add(g, o->path, o->path) < 0;
        } else if (ng_export_csv_paths(&nodes, &edges, o->path, o->gzip) < 0) {
            bad = 1;
        } else {
            bad = guard_add(g, nodes, o->path) < 0 || guard_add(g, edges, o->path) < 0;
        }
        free(nodes);
        free(edges);
        if (bad) {
            cli_error("out of memory");
            return -1;
        }
    }
    return 0;
}

/* Wall-clock and process CPU seconds, for the -v timings. */
static void clocks(double t[2])
{
    t[0] = ng_clock_seconds();
    t[1] = pipeline_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
}

/* With -v: "finish 0.21 s (CPU 0.21 s), ..." for the phases timed in t[0..n] (clocks()). */
static void print_phases(const char *const *names, double t[][2], size_t n)
{
    if (!cli_verbose || cli_quiet) return;
    fprintf(stderr, "newsgraph:");
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "%s %s %.2f s (CPU %.2f s)", i ? "," : "", names[i],
                t[i + 1][0] - t[i][0], t[i + 1][1] - t[i][1]);
    fprintf(stderr, "\n");
}

int outputs_finish_and_write(ng_graph *g, const cli_outputs *outs, int no_metrics)
{
    static const char *const phases[] = {"finish", "metrics", "exports"};
    double t[4][2];
    ng_export_job *jobs = NULL;
    int rc = NG_EXIT_FAILED;
    clocks(t[0]);
    if (ng_graph_finish(g) < 0) {
        cli_error("%s", ng_error_last());
        return NG_EXIT_FAILED;
    }
    clocks(t[1]);
    if (!no_metrics) {
        ng_metrics_opts mo = NG_METRICS_OPTS_INIT;
        mo.exact = outs->exact;
        if (cli_metrics_run(g, &mo, outs->threads) != NG_EXIT_OK) return NG_EXIT_FAILED;
    }
    clocks(t[2]);
    /* the evidence tables were written during extraction: finished now, renamed last */
    for (size_t i = 0; i < outs->n; i++) {
        if (outs->items[i].evidence && ng_evidence_table_close(outs->items[i].evidence) < 0) {
            cli_error("%s", ng_error_last());
            return NG_EXIT_FAILED;
        }
    }
    if (!(jobs = calloc(outs->n + 1, sizeof *jobs))) {
        cli_error("out of memory");
        return NG_EXIT_FAILED;
    }
    size_t n_jobs = 0;
    for (size_t i = 0; i < outs->n; i++) {
        if (ng_format_get(outs->items[i].format)->streamed) continue;
        jobs[n_jobs].format = outs->items[i].format;
        jobs[n_jobs].path = outs->items[i].path;
        jobs[n_jobs++].gzip = outs->items[i].gzip;
    }
    /* one thread per file: the bytes do not depend on the thread count */
    if (ng_export_write_all(g, jobs, n_jobs, ng_thread_count(outs->threads)) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    for (size_t i = 0; i < outs->n; i++) {
        if (outs->items[i].evidence && ng_evidence_table_commit(outs->items[i].evidence) < 0) {
            cli_error("%s", ng_error_last());
            goto cleanup;
        }
    }
    clocks(t[3]);
    print_phases(phases, t, 3);
    rc = NG_EXIT_OK;
cleanup:
    free(jobs);
    return rc;
}

void outputs_help(FILE *fp)
{
    fprintf(fp, "FILE: its extension picks the format, and '.gz' after it compresses the file;\n"
                "'-' (or a name without a known extension, such as /dev/stdout) takes --format FMT:\n");
    for (int i = 0; i < NG_FORMAT__COUNT; i++) {
        const ng_format_info *f = ng_format_get((ng_format)i);
        char ext[64];
        if (f->streamed) continue;
        snprintf(ext, sizeof ext, "%s%s", f->extensions, f->directory ? " DIR/" : "");
        fprintf(fp, "  %-8s %-14s %s, for %s\n", f->name, ext, f->title, f->opens_in);
        if (f->files) fprintf(fp, "  %-8s %-14s writes %s\n", "", "", f->files);
    }
    fprintf(fp, "The evidence table: every supporting mention, one row per relation mention (article\n"
                "id, title, url, date, relation, both actors as the article names them and their\n"
                "keys, sentence), written as the articles are read, in their order; a name ending\n"
                "in 'evidence.csv' or 'evidence.jsonl' (or '.jsonl'), so x.evidence.csv is not the\n"
                "graph's CSV:\n");
    for (int i = 0; i < NG_FORMAT__COUNT; i++) {
        const ng_format_info *f = ng_format_get((ng_format)i);
        if (f->streamed)
            fprintf(fp, "  %-14s %-21s %s, for %s\n", f->name, f->extensions, f->title, f->opens_in);
    }
}

void outputs_report(const cli_outputs *outs)
{
    if (cli_quiet) return;
    for (size_t i = 0; i < outs->n; i++) {
        const cli_output *o = &outs->items[i];
        char *nodes = NULL, *edges = NULL;
        if (strcmp(o->path, "-") == 0) continue;
        /* CSV is two files: name them, not the -o that chose them */
        if (o->format == NG_FORMAT_CSV && ng_export_csv_paths(&nodes, &edges, o->path, o->gzip) == 0)
            cli_note("wrote %s and %s", nodes, edges);
        else
            cli_note("wrote %s", o->path);
        free(nodes);
        free(edges);
    }
}

int outputs_has_evidence(const cli_outputs *outs)
{
    for (size_t i = 0; i < outs->n; i++)
        if (ng_format_get(outs->items[i].format)->streamed) return 1;
    return 0;
}

int outputs_evidence_open(cli_outputs *outs)
{
    for (size_t i = 0; i < outs->n; i++) {
        cli_output *o = &outs->items[i];
        if (!ng_format_get(o->format)->streamed) continue;
        if (ng_evidence_table_open(&o->evidence, o->format, o->path, o->gzip) < 0) {
            cli_error("%s", ng_error_last());
            return NG_EXIT_FAILED;
        }
    }
    return NG_EXIT_OK;
}

int outputs_evidence_add(void *ctx, const ng_doc *doc)
{
    cli_outputs *outs = ctx;
    int error;
    for (size_t i = 0; i < outs->n; i++) {
        if (outs->items[i].evidence && (error = ng_evidence_table_add(outs->items[i].evidence, doc)) < 0)
            return error;
    }
    return NG_OK;
}

void outputs_free(cli_outputs *outs)
{
    for (size_t i = 0; i < outs->n; i++) ng_evidence_table_free(outs->items[i].evidence);
    free(outs->items);
    outs->items = NULL;
    outs->n = 0;
}
