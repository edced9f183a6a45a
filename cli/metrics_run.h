/*
 * metrics_run.h - computing a graph's metrics for a command (build, merge, metrics, report):
 * the threads (-j), the progress line while they run, and the warning when a metric had to
 * be left empty.
 *
 * Takes: a finished graph and the command's metric options.
 * Gives: NG_EXIT_OK, or NG_EXIT_FAILED after printing the error.
 */
#ifndef NG_METRICS_RUN_H
#define NG_METRICS_RUN_H

#include "cmd.h"
#include "ng_graph.h"

/* ng_graph_compute_metrics_opts with `opts` (NULL = the defaults; its tick and progress
 * context are replaced) on `threads` threads (0 = one per core). Shows the phase and the
 * sources done on the progress line (a terminal, not --quiet); afterwards prints
 * ng_graph_metrics_warning as a warning. */
int cli_metrics_run(ng_graph *g, const ng_metrics_opts *opts, int threads);

#endif
