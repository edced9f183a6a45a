/*
 * ng_report.h - the report stage: a page an analyst can hand in, from a finished graph.
 *
 * Takes: a finished ng_graph whose metrics are computed (ng_graph_compute_metrics), read
 *        through ng_graph.h only; the picture is export's DOT of it, laid out by Graphviz
 *        when Graphviz is installed (run directly, never through a shell).
 * Gives: the report in the formats of the report's format table (report.c): HTML, one
 *        self-contained page (inline CSS and SVG, no script, no request; also well-formed
 *        XML), and Markdown, whose picture is a standalone SVG file beside it. Every file is
 *        written atomically through core's ng_out. The same graph gives the same bytes (no
 *        clock, no paths).
 *
 * Ownership: ng_report_new makes a report, freed by ng_report_free (NULL-safe). The report
 * borrows the graph, which must outlive it; it copies the options. Strings it returns are
 * borrowed from it unless said otherwise.
 */
#ifndef NG_REPORT_H
#define NG_REPORT_H

#include "ng_graph.h"

/* The rows of the report's format table. */
typedef enum ng_report_format {
    NG_REPORT_HTML = 0,
    NG_REPORT_MD,
    NG_REPORT_FORMAT__COUNT
} ng_report_format;

/* Writes the formats' names into buf for messages: "html or md" (truncated to `size`, always
 * NUL-terminated; size > 0). */
void ng_report_format_names(char *buf, size_t size);
/* Parses a --format name ("html", "md" or "markdown"). NG_EINVAL, with a message naming the
 * formats, when it is none of them. */
int ng_report_format_parse(ng_report_format *out, const char *name);
/* Picks the format from a file name's extension (.html, .htm, .md, .markdown). NG_EINVAL,
 * with a message naming the path and the extensions, when none matches. */
int ng_report_format_from_path(ng_report_format *out, const char *path);

/* What the report shows. */
typedef struct ng_report_opts {
    const char *title;     /* page title; NULL = "newsgraph report" */
    size_t top;            /* actors per ranking, edges with evidence (default 10) */
    size_t matrix;         /* actors in the relation matrix (default 12) */
    size_t timeline_max;   /* timeline rows at most (default 200) */
    int picture;           /* 1 = try Graphviz, 0 = no picture (--no-picture) */
    size_t picture_nodes;  /* the picture draws at most this many of the most connected
                              actors (a hairball helps no one; default 70) */
    uint64_t listed;       /* relation types the timeline and the evidence list: bits
                              ((uint64_t)1 << ng_rel); 0 = every type but the standing ties
                              (relations.csv's `standing`: memberships, offices) */
} ng_report_opts;
#define NG_REPORT_OPTS_INIT {NULL, 10, 12, 200, 1, 70, 0}

/* The run that produced the graph, for the report's counts. */
typedef struct ng_report_run {
    size_t articles, skipped;
    uint64_t bytes;
} ng_report_run;

typedef struct ng_report ng_report;

/* Selects and sorts everything the report shows (counts, the rankings by each centrality,
 * the communities, the relation matrix of the top actors, the timeline, the best-supported
 * relations) and draws the picture. Graphviz missing or failing is not an error: the report
 * then has no picture and says why (ng_report_picture_note). NG_EINVAL for a graph without
 * metrics; NG_ENOMEM. `run` may be NULL. */
int ng_report_new(ng_report **out, const ng_graph *g, const ng_report_opts *opts,
                  const ng_report_run *run);
/* 1 when the report has a picture (written inline in HTML, by ng_report_write_svg for
 * Markdown). */
int ng_report_has_picture(const ng_report *r);
/* How the picture was drawn, or why there is none (one paragraph, shown in the report). */
const char *ng_report_picture_note(const ng_report *r);
/* Writes the whole report to `path` ("-" = standard output) in `format`. `svg_href` (Markdown
 * only) is the file name the picture was written to, beside the report, or NULL. */
int ng_report_write(const ng_report *r, ng_report_format format, const char *path,
                    const char *svg_href);
/* Writes the picture as a standalone SVG file (nothing when there is no picture). */
int ng_report_write_svg(const ng_report *r, const char *path);
/* The picture's file beside a Markdown report: "dir/report.md" -> "dir/report.svg". The
 * caller frees *out (free()). NG_ENOMEM. */
int ng_report_svg_path(char **out, const char *md_path);
void ng_report_free(ng_report *r);

#endif
