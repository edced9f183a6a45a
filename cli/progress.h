/*
 * progress.h - a one-line progress report on standard error during long runs.
 *
 * Takes: the command's inputs (to estimate the total size) and, as the run goes, the number
 *        of articles and bytes read so far.
 * Gives: a line such as
 *            newsgraph: 12408 articles, 310.2 MB, 41.7 MB/s, 38%, ETA 0:12
 *        redrawn in place (carriage return, no terminal escapes) at most 5 times a second,
 *        first drawn after half a second (short runs stay silent), erased at the end.
 *        Shown only when standard error is a terminal and --quiet is off.
 *
 * Ownership: cli_progress_new makes the object (or sets *out to NULL when no line is to be
 * shown); cli_progress_free erases the line and frees it. Every function accepts NULL and is
 * safe to call from several threads.
 */
#ifndef NG_PROGRESS_H
#define NG_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

typedef struct cli_progress cli_progress;

/* Makes a progress line for a run over `inputs`, or sets *out = NULL when standard error is
 * not a terminal or cli_quiet is set (or memory is short: progress is never worth failing
 * a run). Always returns 0. */
int cli_progress_new(cli_progress **out, const char *const *inputs, size_t n_inputs);
/* Reports that `articles` articles and `bytes` bytes (as ng_reader_bytes counts them) have
 * been read; redraws the line when enough time has passed. */
void cli_progress_update(cli_progress *p, size_t articles, uint64_t bytes);
/* Reports a phase after the reading (the metrics): `done` of `total` steps, total = 0 when
 * unknown; the line becomes "newsgraph: PHASE: DONE/TOTAL sources, P%, ETA m:ss", the time
 * counted from the phase's first report. `phase` must stay valid (a string literal). */
void cli_progress_phase(cli_progress *p, const char *phase, size_t done, size_t total);
/* Erases the line (before a warning is printed); the next update draws it again. */
void cli_progress_clear(cli_progress *p);
/* Erases the line and frees `p`. */
void cli_progress_free(cli_progress *p);

/* Writes the text of the line into buf (NUL-terminated, cut to size). `total` is the
 * estimated input size, 0 when unknown: then no percentage and no ETA are shown. */
void cli_progress_format(char *buf, size_t size, size_t articles, uint64_t bytes,
                         uint64_t total, double seconds);
/* Estimates the bytes the reader will count for `inputs`: regular files by size (.gz files
 * by the uncompressed size in their gzip trailer), directories walked as the reader walks
 * them (hidden entries skipped). Returns 0 when unknown (standard input, a pipe, a .gz
 * larger than 4 GB). CSV corpora are counted whole, while the reader counts their text
 * column only: the estimate errs on the long side there. */
uint64_t cli_progress_estimate(const char *const *inputs, size_t n_inputs);
/* The text of a phase's line (see cli_progress_phase) into buf. */
void cli_progress_format_phase(char *buf, size_t size, const char *phase, size_t done,
                               size_t total, double seconds);

#endif
