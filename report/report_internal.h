/*
 * report_internal.h - the pieces of the report stage (private to report/; ng_report.h is the
 * stage's public face).
 *
 * Takes: a finished ng_graph whose metrics are computed (ng_graph_compute_metrics).
 * Gives: a report_model - everything the report shows, selected and sorted once (counts,
 *        rankings by each centrality, communities, the relation matrix of the top actors,
 *        the timeline, the best-supported edges, the picture) - and one writer per format:
 *          html.c  a self-contained HTML5 page (inline CSS and SVG, no requests),
 *                  also well-formed XML;
 *          md.c    the same sections in Markdown (GitHub-flavoured tables);
 *          svg.c   the picture: the graph's DOT laid out by Graphviz (sfdp or dot),
 *                         run directly (no shell), its SVG read back for inline use.
 * Everything is deterministic: the same graph gives the same bytes (no clock, no paths).
 *
 * Ownership: report_model_new makes the model; report_model_free frees it (NULL-safe). The
 * model borrows the graph, which must outlive it. Strings in the model are owned by it.
 */
#ifndef NG_REPORT_INTERNAL_H
#define NG_REPORT_INTERNAL_H

#include "ng_report.h"

/* The centralities ranked in the report, in the order shown. */
typedef enum report_metric {
    REPORT_DEGREE = 0,
    REPORT_STRENGTH,
    REPORT_BETWEENNESS,
    REPORT_CLOSENESS,
    REPORT_HARMONIC,
    REPORT_PAGERANK,
    REPORT_EIGENVECTOR,
    REPORT_METRIC__COUNT
} report_metric;

typedef struct report_metric_info {
    const char *name;       /* the node attribute in every export: "pagerank" */
    const char *title;      /* "PageRank" */
    const char *question;   /* what it answers for an analyst, one line */
    const char *definition; /* one line, as in the README */
} report_metric_info;

const report_metric_info *report_metric_get(report_metric m);
/* The metric's value for node n (may be NaN for undefined values). */
double report_metric_value(const ng_node *n, report_metric m);
/* Formats a metric value: integers and values from 1000 up as integers, smaller ones with 4
 * significant digits (an exponent below 0.001). */
void report_format_number(char *buf, size_t size, double v);

/* What the command asked for, and the run that produced the graph (ng_report.h). */
typedef ng_report_opts report_opts;
typedef ng_report_run report_run;

typedef struct report_community {
    int id;           /* the `community` attribute value in the exports */
    size_t *members;  /* node indices, most central (PageRank) first */
    size_t n;
    size_t n_edges;   /* edges with both ends inside */
} report_community;

/* One ordered pair of the relation matrix: supporting mentions per relation (0 = none). */
typedef struct report_cell {
    uint32_t weight[NG_REL_MAX];
} report_cell;

typedef struct report_model {
    const ng_graph *g;
    const report_opts *opts;
    const char *title;
    report_run run;
    size_t n_nodes, n_edges;
    uint64_t mentions;                 /* sum of edge weights */
    size_t nodes_by_type[NG_ETYPE__COUNT];
    size_t edges_by_rel[NG_REL_MAX];      /* by relation type (ng_rel) */
    uint64_t mentions_by_rel[NG_REL_MAX];
    uint64_t declared;                 /* the relation types the graph uses that are not built
                                          in (bit r each): shown beside the built-in ones */
    char first_date[11], last_date[11]; /* range of dated evidence, "" when none */
    size_t n_components;               /* connected parts (isolated actors count) */
    unsigned char *in_main;            /* per node: 1 in the largest connected part */
    size_t n_main;                     /* actors in it */

    size_t *top[REPORT_METRIC__COUNT]; /* node indices, best first; only positive values */
    size_t n_top[REPORT_METRIC__COUNT];

    report_community *communities;     /* with two members or more, largest first */
    size_t n_communities;
    size_t *singletons;                /* actors alone in their community, by label order */
    size_t n_singletons;

    size_t *matrix;                    /* node indices: rows and columns */
    size_t n_matrix;
    report_cell *cells;                /* n_matrix * n_matrix, row-major: row acted on column */

    uint64_t listed;                   /* relation types the timeline and evidence list */
    size_t n_unlisted;                 /* edges of the other types */
    size_t *timeline;                  /* dated edge indices, by first date */
    size_t n_timeline, n_dated;        /* shown, and dated edges in the graph */

    size_t *top_edges;                 /* edge indices, by weight */
    size_t n_top_edges;

    char *svg;                         /* inline <svg> element, NULL when no picture */
    char *svg_file;                    /* the same as a standalone SVG file */
    char *picture_note;                /* how it was drawn, or why there is none */
} report_model;

int report_model_new(report_model **out, const ng_graph *g, const report_opts *opts,
                     const report_run *run);
void report_model_free(report_model *m);

/* Lays the graph out with Graphviz and sets m->svg (inline SVG: no XML prolog, DOCTYPE or
 * comments, size from its viewBox), m->svg_file and m->picture_note. Graphviz missing or failing is not
 * an error: the note says why there is no picture. Fails only for lack of memory. */
int report_picture(report_model *m);

/* Writers: the whole report to `path` ("-" = standard output) through ng_out. `svg_href`
 * (Markdown only) is the file name the picture was written to, beside the report, or NULL. */
int report_write_html(const report_model *m, const char *path);
int report_write_md(const report_model *m, const char *path, const char *svg_href);
/* Writes the standalone SVG (nothing when there is no picture). */
int report_write_svg(const report_model *m, const char *path);

/* Small shared helpers (model.c). */
/* "2024-03-01", "2024-03-01 to 2024-05-02" or "undated" (into buf). */
void report_date_range(char *buf, size_t size, const char *first, const char *last);
/* 1 when `url` may be a link in the report: absolute http:// or https://, no control byte,
 * no space, no quote or angle bracket (anything else is shown as text, never linked). */
int report_link_ok(const char *url);
/* The distinct articles behind an edge: its `articles` count, else (a graph read from a file
 * without it) the ids listed in `sources`. */
size_t report_edge_articles(const ng_edge *e);
/* The number of '|'-separated parts of s (the sources and aliases lists); 0 for "". */
size_t report_count_parts(const char *s);
/* 1 when the report lists relation type r: built in, or declared and used by the graph. */
int report_shows_rel(const report_model *m, ng_rel r);
/* 1 when the timeline and the evidence list relation type r (m->listed). */
int report_lists_rel(const report_model *m, ng_rel r);
/* Appends the symmetric relation types the report shows, each as PRE name POST, joined with
 * ", " and " and " before the last ("met and signed"). */
void report_mutual_names(ng_buf *b, const report_model *m, const char *pre, const char *post);

/* Escaping (text.c): append s to b, invalid UTF-8 replaced, control characters
 * dropped. HTML: & < > " ' as entities (safe in text and in attribute values). Markdown: one
 * line, safe in a table cell or list item: & < > as entities, \ ` * _ [ ] | # ~ backslashed,
 * line breaks and tabs as spaces. */
void report_html_escape(ng_buf *b, const char *s);
void report_md_escape(ng_buf *b, const char *s);

#endif
