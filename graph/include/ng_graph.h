/*
 * ng_graph.h - the graph stage: merges extracted articles into one actor graph (igraph).
 *
 * Takes: ng_doc records (from extraction or from shards), in any order.
 * Gives: a finished graph with one node per real-world actor and one edge per
 *        (source, relation, target), weights, evidence, sources, dates and, once
 *        ng_graph_compute_metrics has run, centrality and communities.
 *
 * The result is deterministic: the same set of docs gives the same nodes, edges, ids and
 * order whatever the order in which they were added. Nodes are sorted by id (a stable slug of
 * the canonical label), edges by (source id, relation, target id).
 * Only this stage includes igraph; igraph's aborting error handler is replaced by one that
 * records the reason (ng_error_last) and makes the call return NG_EGRAPH.
 *
 * Ownership: the graph owns everything the accessors return; pointers stay valid until
 * ng_graph_free.
 */
#ifndef NG_GRAPH_H
#define NG_GRAPH_H

#include "ng_core.h"

typedef struct ng_graph ng_graph;

/* One supporting mention of an edge. */
typedef struct ng_evidence {
    const char *article;  /* article id */
    const char *title;    /* the article's title, "" when unknown */
    const char *url;      /* the article's URL as the input gave it, "" when unknown */
    const char *sentence;
    uint64_t offset;
    char date[11];        /* "" when unknown */
} ng_evidence;

/* Node metrics (see README: Metrics). Valid when ng_graph_has_metrics() is true. */
typedef struct ng_metrics {
    double degree, in_degree, out_degree, strength;
    double betweenness, closeness, harmonic, pagerank, eigenvector;
    int community;
} ng_metrics;

/* One article behind an edge or a node (of its sample: see ng_graph_set_sources). */
typedef struct ng_source {
    const char *id;
    const char *title; /* "" when unknown */
    const char *url;   /* as the input gave it, "" when unknown */
    char date[11];     /* the article's date, "" when unknown */
} ng_source;

typedef struct ng_node {
    const char *id;       /* stable slug, NMTOKEN-safe: [a-z0-9_-] */
    const char *label;    /* canonical (fullest) name */
    ng_etype type;
    uint32_t mentions;
    const char *aliases;  /* every surface form seen, '|'-separated, sorted */
    const char *code;     /* a state's ISO 3166-1 alpha-3 code ("MLI"), "" when none
                             (ng_state_code; read back from a GraphML's `code`) */
    char first_date[11];  /* earliest dated evidence of any incident edge, "" if none */
    char last_date[11];
    uint32_t articles;    /* distinct articles that name it */
    const char *sources;  /* the sampled articles' ids, '|'-separated, earliest first */
    const ng_source *srcs; /* the sample: at most ng_graph_set_sources, earliest first */
    size_t n_srcs;
    ng_metrics m;
} ng_node;

typedef struct ng_edge {
    const char *id;        /* unique: "e0", "e1", ... in edge order */
    size_t source, target; /* node indices; for symmetric relations source id < target id */
    ng_rel rel;
    int directed;          /* 0 for the symmetric relations (ng_rel_symmetric) */
    uint32_t weight;       /* supporting mentions (>= 1) */
    uint32_t articles;     /* distinct supporting articles (>= 1 when built from articles) */
    const char *evidence;  /* the best supporting sentence */
    const char *sources;   /* the sampled articles' ids, '|'-separated, earliest first */
    const char *source_titles; /* read from GraphML: their titles; NULL in a graph built from
                                  articles, which keeps srcs: see ng_edge_source_list */
    const char *source_urls;   /* likewise their URLs */
    char first_date[11], last_date[11];
    const char *dates;     /* every distinct evidence date, '|'-separated, sorted */
    size_t n_items;        /* kept evidence items (at most NG_GRAPH_MAX_EVIDENCE): the graph
                              keeps them on disk, ng_graph_edge_items reads them */
    uint64_t items_at;     /* where (the graph's own) */
    uint32_t items_len;
    const ng_source *srcs; /* the sample: at most ng_graph_set_sources, earliest first */
    size_t n_srcs;
} ng_edge;

#define NG_GRAPH_MAX_EVIDENCE 8

/* An edge's kept evidence, read back by ng_graph_edge_items: v[0..n) in the kept order
 * (date with undated last, article id, offset, sentence). The strings live in `text`; both
 * stay valid until the next read into the same ng_items or ng_items_free. Zero it before the
 * first use. */
typedef struct ng_items {
    ng_evidence v[NG_GRAPH_MAX_EVIDENCE];
    size_t n;
    char *text; /* owned */
    size_t n_text, cap;
} ng_items;
/* Reads the kept evidence of edge `e` of the finished graph `g` into *out (n = 0 for a graph
 * read from GraphML). Any number of threads may read at once, each into its own ng_items.
 * NG_EIO when the temporary file cannot be read. */
int ng_graph_edge_items(const ng_graph *g, const ng_edge *e, ng_items *out);
void ng_items_free(ng_items *it);
/* Articles each edge and node keeps by default (ng_graph_set_sources), and the most. */
#define NG_GRAPH_SOURCES_DEFAULT 5
#define NG_GRAPH_SOURCES_MAX 1000

/* The titles (urls = 0) or URLs of edge e's sampled articles, joined with '|' in sample order
 * (a '|' inside a title written '/', inside a URL "%7C"; "" when the input gave none): made
 * from e->srcs into `out` (cleared first; the caller frees it), so that a graph keeps one
 * copy of each article's title (issue 16.4); for an edge read from GraphML, the list as read.
 * NULL when out of memory. */
const char *ng_edge_source_list(const ng_edge *e, int urls, ng_buf *out);

int ng_graph_new(ng_graph **out);
void ng_graph_free(ng_graph *g);
/* How many supporting articles (id, title, URL, date) each edge and node keeps: the earliest
 * by the article's date (unknown last), then by id; the rest are only counted (`articles`),
 * so memory grows with the graph, not with the corpus. Call before the first add; NG_EINVAL
 * above NG_GRAPH_SOURCES_MAX. Default NG_GRAPH_SOURCES_DEFAULT; 0 keeps none. */
int ng_graph_set_sources(ng_graph *g, size_t n);

/* Adds one article's extraction. The doc is copied; the caller keeps ownership. Calls must
 * not overlap (any thread, one at a time); this never calls igraph. A doc that names an
 * actor out of range gives NG_EFORMAT and leaves the graph unchanged. */
int ng_graph_add_doc(ng_graph *g, const ng_doc *doc);
/* Folds every doc added to `from` into `into`, as if each had been added to `into`: graphs
 * built from parts of a corpus (one per thread, one per shard), absorbed into one in any
 * order and grouping, finish to the graph of the whole corpus. Neither may be finished.
 * `from` is left with no docs either way (still to be freed with ng_graph_free); on failure
 * `into` holds part of them and is only fit to be freed. Costs about the size of `from`'s
 * aggregates, not its docs. The two graphs must not be in use by other threads meanwhile. */
int ng_graph_absorb(ng_graph *into, ng_graph *from);
/* ng_graph_finish may use up to `threads` threads (default 1: only the caller's); the graph
 * is the same whatever the count. */
void ng_graph_set_threads(ng_graph *g, int threads);
/* Before ng_graph_finish: keep only the edges whose relation is in `relations` (bits
 * ((uint64_t)1 << ng_rel); 0 = every relation) and, when `drop_isolated`, only the actors
 * that keep an edge (build and report: --show-relations, --drop-isolated). Actors are
 * resolved and counted on the whole corpus first, so a filter never changes who is who. */
void ng_graph_set_filter(ng_graph *g, uint64_t relations, int drop_isolated);
/* Resolves actors across the corpus (surname-only people to the unique full name), merges
 * nodes and edges, sorts. Call once after the last add. */
int ng_graph_finish(ng_graph *g);
/* Computes every metric of ng_metrics on the finished graph with the options set by
 * ng_graph_set_metrics_opts (default: all relations, exact within NG_METRICS_BUDGET, one
 * thread per core); definitions in graph/README.md. Seeds igraph's default RNG
 * (process-wide). A metric that cannot be computed (eigenvector centrality when ARPACK does
 * not converge) is left NaN (an empty attribute in every export) and
 * ng_graph_metrics_warning says why; that is not an error. */
int ng_graph_compute_metrics(ng_graph *g);
int ng_graph_has_metrics(const ng_graph *g);

/* Options of ng_graph_compute_metrics_opts; start from NG_METRICS_OPTS_INIT.
 * Betweenness, closeness and harmonic centrality need one shortest-path pass per source
 * node. They are exact when every node as a source costs at most `budget` visits (a pass
 * over a connected component visits its nodes and both ends of its links), or when `exact`
 * is set; otherwise they are estimated from as many sampled sources as the budget allows
 * (graph/README.md: Metrics, with the measured error). Every other metric is exact. The
 * numbers depend on the graph and these options, never on `threads`. */
typedef struct ng_metrics_opts {
    uint64_t relations; /* relations that count: bits ((uint64_t)1 << ng_rel); 0 = all */
    int exact;          /* 1 = always exact (slow: O(nodes x links)) */
    double budget;      /* work for the path metrics, in visits; 0 = NG_METRICS_BUDGET. ARPACK
                         * (eigenvector) may use 2x as many operations, then 4x in its
                         * fallback, before leaving the metric empty */
    size_t sources;     /* sample size when sampling; 0 = what the budget allows, at least
                         * NG_METRICS_SAMPLE_SOURCES */
    int threads;        /* threads for the path metrics; 0 = one per core */
    /* when set, called after each phase with its name ("projection", "betweenness, ...",
     * "pagerank", ...), its wall-clock seconds and the CPU seconds of the process (every
     * thread) meanwhile (for -v and the benchmark) */
    void (*progress)(void *ctx, const char *phase, double seconds, double cpu_seconds);
    /* when set, called as a phase starts (done = total = 0) and, for the path metrics, as
     * sources are done (done of total); from any thread, never two at once */
    void (*tick)(void *ctx, const char *phase, size_t done, size_t total);
    void *progress_ctx; /* given to progress and tick */
} ng_metrics_opts;
#define NG_METRICS_OPTS_INIT {0u, 0, 0.0, 0, 0, NULL, NULL, NULL}
/* The default budget: about 2 CPU-seconds on a 2020s core (graph/README.md: Metrics). */
#define NG_METRICS_BUDGET 3e8
/* The fewest sources a sample has (shared among the connected components by size;
 * components of at most NG_METRICS_SAMPLE_WHOLE nodes are always computed exactly). */
#define NG_METRICS_SAMPLE_SOURCES 256
#define NG_METRICS_SAMPLE_WHOLE 64
/* Computes the metrics over the relations selected (a per-relation view). May be called
 * again with other options: the last call's results are kept. */
int ng_graph_compute_metrics_opts(ng_graph *g, const ng_metrics_opts *opts);
/* The options ng_graph_compute_metrics(g) uses from now on (copied; NULL = the defaults),
 * for callers that let another module trigger the computation (build, merge: --exact). */
void ng_graph_set_metrics_opts(ng_graph *g, const ng_metrics_opts *opts);
/* 0 when betweenness, closeness and harmonic were computed exactly; otherwise the number of
 * sources drawn in the components too large to compute exactly (valid once metrics were
 * computed). */
size_t ng_graph_metrics_sources(const ng_graph *g);
/* NULL, or one line saying which metric the last computation left empty and why (owned by
 * the graph, valid until the next computation or ng_graph_free). */
const char *ng_graph_metrics_warning(const ng_graph *g);
/* Modularity of the community partition on the weighted projection (0 when no edge),
 * and the number of communities; valid once metrics were computed. */
double ng_graph_modularity(const ng_graph *g);
size_t ng_graph_community_count(const ng_graph *g);

/* Reads a GraphML file (.graphml, or gzip-compressed whatever its name; "-" = standard
 * input) written by newsgraph or any other tool, into a finished graph without metrics.
 * Node attributes label (else name, else the node id), type (else "organization"),
 * mentions (else 0), aliases (else the label); edge attributes relation (else, or when
 * this run does not know it, `met` in an undirected graph, `affiliated_with` in a directed
 * one), weight (else 1; rounded, at least 1), evidence, sources, dates, first_date,
 * last_date. The graph attribute `relations` (written by newsgraph when the graph uses
 * relation types a user declared) declares those types in this process (ng_rel_declare_csv,
 * NG_REL_SAME_OK): call it before other threads read the relation table. Node ids are kept
 * when they are valid ids, else made from the labels. Self-loops are dropped; repeated
 * (source, relation, target) edges are merged. *out is freed with ng_graph_free.
 * NG_EFORMAT with a message naming the file when it is not GraphML, NG_EIO when it cannot
 * be read, NG_ELIMIT past NG_GRAPHML_MAX_BYTES, NG_EINVAL when its relation types are
 * malformed or clash with this run's. */
int ng_graph_read_graphml(ng_graph **out, const char *path);
#define NG_GRAPHML_MAX_BYTES ((size_t)1 << 30)

size_t ng_graph_node_count(const ng_graph *g);
size_t ng_graph_edge_count(const ng_graph *g);
const ng_node *ng_graph_node(const ng_graph *g, size_t i);
const ng_edge *ng_graph_edge(const ng_graph *g, size_t i);
/* The relations the finished graph's edges use: bit ((uint64_t)1 << ng_rel) each. */
uint64_t ng_graph_relations_used(const ng_graph *g);
/* Articles added, and how many gave at least one actor. */
size_t ng_graph_article_count(const ng_graph *g);
size_t ng_graph_article_count_with_actors(const ng_graph *g);

#endif
