/* metrics_run.c - the metrics of a command, with progress and warnings (metrics_run.h). */
#include "metrics_run.h"

#include "progress.h"

/* What the graph stage calls back: the phase and its progress, for the line. */
typedef struct run_ctx {
    cli_progress *line;
    void (*progress)(void *ctx, const char *phase, double seconds, double cpu_seconds);
    void *progress_ctx;
} run_ctx;

static void on_tick(void *ctx, const char *phase, size_t done, size_t total)
{
    cli_progress_phase(((run_ctx *)ctx)->line, phase, done, total);
}

static void on_phase_done(void *ctx, const char *phase, double seconds, double cpu_seconds)
{
    run_ctx *r = ctx;
    cli_progress_clear(r->line); /* -v prints a line of its own */
    r->progress(r->progress_ctx, phase, seconds, cpu_seconds);
}

int cli_metrics_run(ng_graph *g, const ng_metrics_opts *opts, int threads)
{
    ng_metrics_opts mo = NG_METRICS_OPTS_INIT;
    run_ctx r = {NULL, NULL, NULL};
    if (opts) mo = *opts;
    mo.threads = threads;
    cli_progress_new(&r.line, NULL, 0);
    mo.tick = on_tick;
    if (mo.progress) { /* keep the caller's -v report, erasing the line first */
        r.progress = mo.progress;
        r.progress_ctx = mo.progress_ctx;
        mo.progress = on_phase_done;
    }
    mo.progress_ctx = &r;
    int error = ng_graph_compute_metrics_opts(g, &mo);
    cli_progress_free(r.line);
    if (error < 0) {
        cli_error("%s", ng_error_last());
        return NG_EXIT_FAILED;
    }
    const char *why = ng_graph_metrics_warning(g);
    if (why) cli_warn("%s", why);
    return NG_EXIT_OK;
}
