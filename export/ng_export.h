/*
 * ng_export.h - the export stage: writes a finished graph in the formats analysts open.
 *
 * Takes: a finished ng_graph (read only, through ng_graph.h's accessors).
 * Gives: files written atomically (temporary file + rename) through core's ng_out:
 *   GraphML (.graphml, .graphml.gz)   Gephi, NetworkX, igraph, graphology
 *   GEXF 1.3 (.gexf, .gexf.gz)        Gephi (Timeline), Gephi Lite
 *   DOT (.dot)                        Graphviz
 *   CSV (.csv: nodes and edges tables for Gephi's spreadsheet import)
 *   JSON (.json: Cytoscape.js elements)
 * Text from articles is always escaped for the target format.
 */
#ifndef NG_EXPORT_H
#define NG_EXPORT_H

#include "ng_graph.h"

typedef enum ng_format {
    NG_FORMAT_GRAPHML = 0,
    NG_FORMAT_GEXF,
    NG_FORMAT_DOT,
    NG_FORMAT_CSV,
    NG_FORMAT_JSON,
    NG_FORMAT__COUNT
} ng_format;

/* "graphml", "gexf", ... Static string. */
const char *ng_format_name(ng_format f);
/* Parses a format name (as given to --format). */
int ng_format_parse(ng_format *out, const char *name);
/* Picks the format from a file name's extension; *gzip is set for a trailing ".gz".
 * NG_EINVAL (with a message listing the known extensions) when none matches. */
int ng_format_from_path(ng_format *out, int *gzip, const char *path);

/* Writes `g` to `path` ("-" = standard output) in `format`, gzip-compressed when `gzip`.
 * Nothing is left at `path` unless the whole file was written. CSV writes two files, named
 * by ng_export_csv_paths; it cannot go to standard output (NG_EINVAL). */
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
 * created (its directory exists and is writable): use it instead of ng_out_check_path,
 * which refuses a directory, the natural target of a CSV export. "-" is always fine. */
int ng_export_check_path(ng_format format, const char *path, int gzip);

#endif
