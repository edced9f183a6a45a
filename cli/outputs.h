/*
 * outputs.h - the graph outputs of the commands that write one (build, merge): the -o FILE
 * list and --format, checked before any work; then finishing the graph, its metrics, and
 * every file written from that one graph.
 *
 * Takes: the -o paths and --format name from the command line; later a graph with every doc
 *        added (not yet finished).
 * Gives: exit statuses (NG_EXIT_*) after printing what went wrong; files written atomically.
 * Ownership: outputs_prepare fills `outs` (the paths stay borrowed from argv); free with
 * outputs_free.
 */
#ifndef NG_OUTPUTS_H
#define NG_OUTPUTS_H

#include "cmd.h"
#include "guard.h"
#include "ng_export.h"

typedef struct cli_output {
    const char *path;
    ng_format format;
    int gzip;
    ng_evidence_table *evidence; /* an evidence table (a streamed format) once opened; owned */
} cli_output;

typedef struct cli_outputs {
    cli_output *items;
    size_t n;
    int threads; /* files written at once and metric threads: the command's -j; 0 = cores */
    int exact;   /* --exact: exact path metrics whatever the graph's size */
} cli_outputs;

/* Picks each path's format from its extension (`format_name` for "-" and for names without a
 * known extension, such as /dev/stdout) and checks that every
 * file can be written. `cmd` names the command in messages. Returns NG_EXIT_OK,
 * NG_EXIT_USAGE (a bad name or format), or NG_EXIT_FAILED (an output that cannot be written). */
int outputs_prepare(cli_outputs *outs, const char *cmd, const cli_list *paths,
                    const char *format_name);
/* Adds every file the outputs write to `g` (both tables of a CSV output). 0, or -1 when out
 * of memory (printed). */
int outputs_guard(const cli_outputs *outs, guard_list *g);
/* ng_graph_finish, the metrics unless `no_metrics` (cli_metrics_run: outs->exact, on
 * outs->threads threads), then every output, several files at
 * once (outs->threads); all are written before any is renamed into place (see
 * ng_export_write_all). NG_EXIT_OK or NG_EXIT_FAILED (after printing why). */
int outputs_finish_and_write(ng_graph *g, const cli_outputs *outs, int no_metrics);
/* The evidence tables among the outputs (-o x.evidence.csv, x.evidence.jsonl): written while
 * the articles are extracted, one doc at a time in the order the articles were read, then
 * finished with the graph's files (outputs_finish_and_write closes them before the graph's
 * files are written and renames them after).
 * outputs_has_evidence: 1 when there is one. outputs_evidence_open: opens every one (exit
 * status). outputs_evidence_add: a pipeline_consumer (ctx = the cli_outputs) that appends a
 * doc's rows to each; NG_OK or an NG_E* with its message set. */
int outputs_has_evidence(const cli_outputs *outs);
int outputs_evidence_open(cli_outputs *outs);
int outputs_evidence_add(void *outs, const ng_doc *doc);
/* Prints the FILE paragraph of build's and merge's help: one line per row of export's format
 * table (name, extensions, what it is and is for, the files it writes). */
void outputs_help(FILE *fp);
/* Prints "newsgraph: wrote FILE" for each output written to a file, unless quiet. */
void outputs_report(const cli_outputs *outs);
void outputs_free(cli_outputs *outs);

#endif
