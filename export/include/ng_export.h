/*
 * ng_export.h - the export stage: writes a finished graph in the formats analysts open.
 *
 * Takes: a finished ng_graph (read only, through ng_graph.h's accessors).
 * Gives: files written atomically (temporary file + rename) through core's ng_out, in the
 *   formats of export's format table (export/formats.c; ng_format_get describes each row):
 *   GraphML, GEXF 1.3, DOT, CSV (nodes and edges tables), JSON (Cytoscape.js elements), each
 *   optionally gzip-compressed. Text from articles is always escaped for the target format.
 */
#ifndef NG_EXPORT_H
#define NG_EXPORT_H

#include "ng_graph.h"

/* The rows of the format table, in its order. */
typedef enum ng_format {
    NG_FORMAT_GRAPHML = 0,
    NG_FORMAT_GEXF,
    NG_FORMAT_DOT,
    NG_FORMAT_CSV,
    NG_FORMAT_JSON,
    NG_FORMAT_EVIDENCE_CSV,   /* the evidence table (ng_evidence_table below), not the graph */
    NG_FORMAT_EVIDENCE_JSONL,
    NG_FORMAT__COUNT
} ng_format;

/* What the help and the messages say of a format (static strings). */
typedef struct ng_format_info {
    const char *name;       /* --format's name: "graphml" */
    const char *title;      /* "GraphML", "GEXF 1.3" */
    const char *extensions; /* the file name endings, space-separated, usual first: ".dot .gv" */
    int directory;          /* a directory target (-o DIR/) writes this format */
    const char *files;      /* what one -o NAME.ext writes when it is more than that one file
                               ("NAME.nodes.csv + NAME.edges.csv, ..."); NULL otherwise */
    const char *opens_in;   /* the tools it is for: "Gephi (Timeline), Gephi Lite" */
    int streamed;           /* not written from the graph but while the articles are extracted
                               (the evidence table: ng_evidence_table_open) */
} ng_format_info;

/* The row of `f`, NULL when `f` is not a format. Static. */
const ng_format_info *ng_format_get(ng_format f);
/* "graphml", "gexf", ... Static string. */
const char *ng_format_name(ng_format f);
/* Writes every format's name into buf for messages: "graphml, gexf, dot, csv or json"
 * (truncated to `size`, always NUL-terminated; size > 0). */
void ng_format_names(char *buf, size_t size);
/* Parses a format name (as given to --format; case is ignored, and an extension without its
 * dot, such as "gv", names its format too). */
int ng_format_parse(ng_format *out, const char *name);
/* Picks the format from a file name's extension; *gzip is set for a trailing ".gz". The
 * longest ending wins: "x.evidence.csv" and "evidence.csv" are the evidence table, "x.csv" the
 * graph's CSV tables (an ending without a leading dot, "evidence.csv", matches the whole name
 * too). NG_EINVAL (with a message listing the known extensions) when none matches. */
int ng_format_from_path(ng_format *out, int *gzip, const char *path);

/* Writes `g` to `path` ("-" = standard output) in `format`, gzip-compressed when `gzip`.
 * Nothing is left at `path` unless the whole file was written. A format of several files
 * (CSV: named by ng_export_csv_paths) cannot go to standard output (NG_EINVAL). A streamed
 * format (the evidence table: ng_evidence_table below) is refused (NG_EINVAL), here and in
 * ng_export_write_all. */
int ng_export_write(const ng_graph *g, ng_format format, const char *path, int gzip);

/* One file (or CSV pair) of ng_export_write_all. */
typedef struct ng_export_job {
    ng_format format;
    const char *path; /* borrowed */
    int gzip;
} ng_export_job;

/* Writes every job from the one finished graph, up to `threads` files at a time (<= 1: one
 * after the other; the graph is only read). Every file goes to its temporary file first;
 * only when all of them were written are they renamed into place, in the order given. On a
 * failure the message is that of the first failing job in that order, and no temporary file
 * is left; a failure while renaming leaves the jobs renamed before it in place. The bytes of
 * every file are the same whatever `threads` is. */
int ng_export_write_all(const ng_graph *g, const ng_export_job *jobs, size_t n, int threads);

/* The two files a CSV export to `path` writes (see export/README.md, CSV):
 *   "DIR/" or an existing directory DIR  -> DIR/nodes.csv, DIR/edges.csv
 *   "[PREFIX]nodes.csv"                  -> that file, "[PREFIX]edges.csv"
 *   "NAME.csv"                           -> NAME.nodes.csv, NAME.edges.csv
 * with ".gz" kept after ".csv" when `gzip`. The caller frees both strings (free()).
 * NG_EINVAL for "-". */
int ng_export_csv_paths(char **nodes_out, char **edges_out, const char *path, int gzip);

/* Checks, before any work, that every file an export of `format` to `path` writes can be
 * created (its directory exists and is writable; for "DIR/" that does not exist yet, DIR's
 * parent, and the writer then makes DIR): use it instead of ng_out_check_path,
 * which refuses a directory, the natural target of a CSV export. "-" is fine for a format of
 * one file. */
int ng_export_check_path(ng_format format, const char *path, int gzip);

/* Appends one CSV text cell to `out` as every CSV table of newsgraph writes it (the nodes and
 * edges export, `metrics --format csv`): RFC 4180 quoting when needed, control characters
 * dropped, invalid UTF-8 repaired, and a cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) prefixed with ' (OWASP). For text only: numbers
 * are written as they are (a negative number is data). `text` NULL appends nothing. */
void ng_export_csv_cell(ng_buf *out, const char *text);

/* ------------------------------------------------------------------ the evidence table
 *
 * Every supporting mention, one row per relation of each doc (export/evidence.c lists the
 * columns), written as the docs arrive: the caller adds the docs in the order it wants the
 * rows (build: the order the articles were read, whatever -j), and memory holds one doc's
 * rows at a time. The file is atomic like every output: written to a temporary file,
 * finished by ng_evidence_table_close and moved into place by ng_evidence_table_commit. */
typedef struct ng_evidence_table ng_evidence_table;
/* Opens the table at `path` ("-" = standard output) in `format` (NG_FORMAT_EVIDENCE_CSV, with
 * its header row, or NG_FORMAT_EVIDENCE_JSONL). Free with ng_evidence_table_free. */
int ng_evidence_table_open(ng_evidence_table **out, ng_format format, const char *path, int gzip);
/* Appends the rows of `doc` (borrowed). */
int ng_evidence_table_add(ng_evidence_table *ev, const ng_doc *doc);
/* Finishes the file (reports the first write error); ng_evidence_table_commit then renames it. */
int ng_evidence_table_close(ng_evidence_table *ev);
int ng_evidence_table_commit(ng_evidence_table *ev);
/* NULL-safe; removes the temporary file unless committed. */
void ng_evidence_table_free(ng_evidence_table *ev);

#endif
