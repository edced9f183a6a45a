/*
 * graph_internal.h - what the files of the graph stage share (not a public header).
 *
 *   util.c         arena, index hash, string pool, lazy string sets, dates
 *   igraph_glue.c  igraph's error/warning handlers and the call-checking helper
 *   graph.c        the ng_graph object: new/free/accessors
 *   merge.c        ng_graph_add_doc: streaming aggregation of docs by actor key and edge triple
 *   absorb.c       ng_graph_absorb: one partial graph's aggregates folded into another's
 *   sample.c       the articles behind an edge or a node: a count and a bounded sample
 *   spill.c        the temporary file that holds evidence text instead of memory
 *   finish.c       ng_graph_finish: corpus-level resolution, node and edge merge
 *   assemble.c     ids (slugs), sorting, node dates (shared by finish and by the GraphML
 *                  reader)
 *   metrics.c      ng_graph_compute_metrics: the projection, exact centralities, PageRank,
 *                  eigenvector, Leiden
 *   metrics_sample.c betweenness, closeness and harmonic: exact or sampled, by cost
 *   metrics_paths.c  the shortest-path passes behind them, on several threads
 *   metrics_eigen.c  eigenvector centrality, with a fallback when ARPACK does not converge
 *   graphml_read.c ng_graph_read_graphml
 *   graphml_fast.c the one-pass reader it uses for the GraphML newsgraph and most tools write
 */
#ifndef NG_GRAPH_INTERNAL_H
#define NG_GRAPH_INTERNAL_H

#include "ng_graph.h"

#include <igraph.h>
#include <stdatomic.h>

/* ------------------------------------------------------------------ arena */

/* Bump allocator for strings that live as long as the graph; freed all at once, with the
 * blocks it adopted. */
typedef struct ng_arena_chunk ng_arena_chunk;
typedef struct ng_arena {
    ng_arena_chunk *head;
    void **adopted; /* malloc'ed blocks it frees */
    size_t n_adopted, cap_adopted;
} ng_arena;
void *ng_arena__alloc(ng_arena *a, size_t n);
char *ng_arena__strndup(ng_arena *a, const char *s, size_t n);
char *ng_arena__strdup(ng_arena *a, const char *s);
/* Makes the arena free `p` (malloc'ed) with its chunks; NG_ENOMEM, and `p` is not adopted. */
int ng_arena__adopt(ng_arena *a, void *p);
/* Moves every chunk and adopted block of `from` into `into` (their strings stay where they
 * are); `from` is left empty. NG_ENOMEM, and `from` keeps its adopted blocks. */
int ng_arena__splice(ng_arena *into, ng_arena *from);
void ng_arena__free(ng_arena *a);

/* ------------------------------------------------------------------ index hash */

/* Maps a 64-bit hash to a uint32 index into the owner's array; equality is decided by the
 * owner's callback, so the table stores no keys (compact, and one implementation serves
 * actor keys, edge triples and interned strings). */
typedef struct ng_ihash_slot {
    uint64_t hash;
    uint32_t idx1; /* index + 1; 0 = empty */
} ng_ihash_slot;
typedef struct ng_ihash {
    ng_ihash_slot *slots;
    size_t cap, n;
} ng_ihash;
typedef int (*ng_ihash_eq)(const void *ctx, uint32_t idx, const void *key);
/* The hash the tables use (fast, word at a time; not ng_hash, whose values ids may show). */
uint64_t ng_graph__hash(const void *data, size_t len);
/* 1 and *idx when found, 0 otherwise. */
int ng_ihash__find(const ng_ihash *h, uint64_t hash, ng_ihash_eq eq, const void *ctx,
                   const void *key, uint32_t *idx);
/* Adds an entry known to be absent. */
int ng_ihash__insert(ng_ihash *h, uint64_t hash, uint32_t idx);
void ng_ihash__free(ng_ihash *h);

/* ------------------------------------------------------------------ integer sort (sort.c) */

/* A key and the index of what it stands for. */
typedef struct ng_sort_pair {
    uint64_t key;
    uint32_t idx;
} ng_sort_pair;
/* Sorts v[0..n) by key, stably (equal keys keep their order): O(n). NG_ENOMEM. */
int ng_sort__pairs(ng_sort_pair *v, size_t n);
/* The bits needed to write max (0 for 0). */
unsigned ng_sort__bits(uint64_t max);

/* ------------------------------------------------------------------ string pool */

/* Interned strings: equal strings get the same pointer (valid until ng_pool__free). The
 * table's slots hold each string's pointer, length and 32 bits of its hash, so that a probe
 * reads the slot and, on a likely match, the string itself: nothing else (the pool is looked
 * up several times per mention, and at scale every look-up misses the caches). */
typedef struct ng_pool_slot {
    uint32_t tag; /* the high half of the string's hash; its low bits give the first slot */
    uint32_t len;
    const char *s; /* NULL = empty */
} ng_pool_slot;
typedef struct ng_pool {
    ng_arena arena;
    ng_pool_slot *slots;
    size_t slot_cap; /* 0 or a power of two */
    const char **strs;
    size_t n, cap;
} ng_pool;
int ng_pool__intern(ng_pool *p, const char *s, size_t len, const char **out);
/* 1 and *idx (its place in p->strs) when `s`, a string of p or of another pool, is p's. */
int ng_pool__index(const ng_pool *p, const char *s, uint32_t *idx);
int ng_pool__contains(const ng_pool *p, const char *s);
void ng_pool__free(ng_pool *p);

/* ------------------------------------------------------------------ string sets */

/* A set of interned strings kept as an array that is sorted and deduplicated lazily (when it
 * doubles), so adds are amortized O(log n) and memory stays within 2x the distinct count. */
typedef struct ng_strset {
    const char **v;
    uint32_t n, cap, clean; /* v[0..clean) is sorted and unique */
} ng_strset;
int ng_strset__add(ng_strset *s, const char *interned);
int ng_strset__add_all(ng_strset *s, const ng_strset *from);
/* Sorts by byte order and removes duplicates. */
int ng_strset__compact(ng_strset *s);
/* Joins a compacted set with '|' into the arena ("" when empty). */
int ng_strset__join(char **out, const ng_strset *s, ng_arena *a);
void ng_strset__free(ng_strset *s);

/* ------------------------------------------------------------------ small helpers */

/* Compares dates with unknown ("") last. */
int ng_graph__date_cmp(const char *a, const char *b);
/* Appends the id slug of `label` to *out (see assemble.c). */
int ng_graph__slug(ng_buf *out, const char *label);

/* ------------------------------------------------------------------ igraph glue */

/* Installs the non-aborting error handler and a quiet warning handler (once per process). */
void ng_igraph__init(void);
/* Maps an igraph return code to NG_OK or NG_EGRAPH (the handler already set the message). */
int ng_igraph__check(igraph_error_t rc);
/* The first igraph error reported on this thread since ng_igraph__first_error_reset ("" when
 * none). A call can report several (the GraphML reader reports the cause, then "Cannot parse
 * GraphML file"); ng_error_last holds the last, this the cause. */
void ng_igraph__first_error_reset(void);
const char *ng_igraph__first_error(void);

/* ------------------------------------------------------------------ GraphML (graphml_fast.c) */

/* A GraphML document read in one pass: per domain (graph, node, edge) its keys as columns of
 * values, as igraph's reader would have made its attributes. Strings are offsets into
 * `text` (decoded, NUL-terminated; offset 0 is ""). */
enum { NG_GML_GRAPH, NG_GML_NODE, NG_GML_EDGE };
typedef struct ng_gml_col {
    uint32_t key, name; /* the key's id and attr.name (else its id) */
    int kind;           /* 0 (no attr.type: igraph ignores it) or IGRAPH_ATTRIBUTE_{STRING,...} */
    uint32_t def_s;     /* the <default> of a string key */
    double def_n;       /* ... of a numeric one (NaN when none) */
    int def_b;
    size_t cap;         /* elements with room in s, n or b; those past it have the default */
    uint32_t *s;        /* string: each element's value, 0 = the default */
    double *n;          /* numeric */
    unsigned char *b;   /* boolean */
} ng_gml_col;
typedef struct ng_gml {
    ng_buf text;
    int directed; /* the graph's edgedefault */
    ng_gml_col *cols[3];
    size_t n_cols[3], cap_cols[3];
    size_t n_nodes, n_edges, cap_nodes, cap_edges;
    uint32_t *node_id; /* while reading; then the node column "id" */
    uint32_t *ends;    /* source and target of each edge (node numbers, in document order) */
    ng_ihash ids;
    const char *why; /* why the document was left to igraph's reader */
} ng_gml;
/* NG_OK, NG_EFORMAT when the document is not one this reader reads the way igraph does
 * (doc->why says why; give it to igraph's reader), NG_ENOMEM. Free with ng_gml__free (also
 * after a failure). `xml` is not changed. */
int ng_gml__parse(ng_gml *doc, const char *xml, size_t len);
void ng_gml__free(ng_gml *doc);
const char *ng_gml__str(const ng_gml *doc, uint32_t off);
/* ng_graph_read_graphml with (fast = 1) or without the one-pass reader (tests compare them). */
int ng_graph__read_graphml(ng_graph **out, const char *path, int fast);

/* ------------------------------------------------------------------ spill file (spill.c) */

/* An append-only, unlinked temporary file, created on the first put; zeroed = empty. One
 * writer at a time; get reads what a put wrote, on the writing thread or once puts stop. */
typedef struct ng_spill {
    int fd, open;
    uint64_t flushed; /* bytes in the file */
    char *buf;        /* the next bytes, not yet written */
    size_t n;
} ng_spill;
/* Closes the file (its space is freed) and leaves an empty spill. */
void ng_spill__free(ng_spill *s);
/* Appends n bytes; *at gets their position. */
int ng_spill__put(ng_spill *s, const void *p, size_t n, uint64_t *at);
int ng_spill__get(const ng_spill *s, uint64_t at, size_t n, void *out);
int ng_spill__flush(ng_spill *s);
/* Several writers: n bytes at the end of the file kept for one of them (*at: where), which
 * writes them with ng_spill__write_at, on any thread and at the same time as the others.
 * Reserving is one writer at a time (it writes the buffer first); the bytes are read only
 * once written. */
int ng_spill__reserve(ng_spill *s, size_t n, uint64_t *at);
int ng_spill__write_at(const ng_spill *s, const void *p, size_t n, uint64_t at);

/* Appends one kept item to an edge's block (items.c). */
void ng_items__encode(ng_buf *b, uint64_t offset, const char *date, const char *article,
                      const char *title, const char *url, const char *sentence, size_t len);

/* ------------------------------------------------------------------ article samples (sample.c) */

/* One supporting article as the graph remembers it, shared by every sample and evidence item
 * that keeps it: freed when the last holder releases it. */
typedef struct ng_src {
    _Atomic uint32_t refs; /* holders (atomic: the finish's threads let go of them at once) */
    char date[11];  /* the article's date, "" when unknown */
    char *title;    /* NULL when unknown */
    char *url;      /* NULL when unknown */
    int kept;       /* held by the finished graph (ng_graph.kept, finish.c) */
    char id[];
} ng_src;
/* A new src for `doc`, with no holder yet (free it with ng_src__drop_unheld when no sample
 * took it). */
int ng_src__new(ng_src **out, const ng_doc *doc);
/* One holder fewer; frees it after the last. NULL-safe. */
void ng_src__release(ng_src *s);
/* Frees `s` when nothing holds it. NULL-safe. */
void ng_src__drop_unheld(ng_src *s);
/* The sample's order: article date (unknown last), then id. */
int ng_src__cmp(const ng_src *x, const ng_src *y);

/* The distinct articles behind an edge or a node: how many, and the `cap` earliest (by
 * ng_src__cmp), each held. */
typedef struct ng_sample {
    ng_src **v; /* sorted */
    uint32_t n, alloc;
    uint64_t count;
} ng_sample;
/* Counts `src` (offer each article once) and keeps it when among the cap earliest. */
int ng_sample__offer(ng_sample *s, ng_src *src, uint32_t cap);
/* Folds `from` into `into` (counts added, the cap earliest kept); `from` is emptied. */
int ng_sample__absorb(ng_sample *into, ng_sample *from, uint32_t cap);
void ng_sample__clear(ng_sample *s);

/* ------------------------------------------------------------------ aggregation (merge.c) */

/* One piece of evidence during aggregation: the best sentence of an edge (its text in
 * memory), or a kept item (the first's text in memory, the others' in the graph's spill file,
 * at `at`: merge.c). */
typedef struct ng_ev {
    ng_src *src;         /* the article (held while the item is kept) */
    const char *date;    /* interned, "" when unknown */
    char *sentence;      /* owned (malloc), NULL for a spilled item (see `at`); borrowed in a
                          * candidate */
    size_t sentence_len;
    uint64_t offset;
    uint64_t at;         /* item: where the sentence is in the graph's ev_spill */
} ng_ev;
/* The order of kept items: date (unknown last), article id, offset, sentence; the sentences
 * of x and y are in memory or in spills sx and sy (read only to break a tie). *error gets a
 * read failure. */
int ng_ev__cmp_keep(const ng_ev *x, const ng_spill *sx, const ng_ev *y, const ng_spill *sy,
                    int *error);
/* The order of the "best" sentence: date (unknown last), length, article id, offset, text. */
int ng_ev__cmp_best(const ng_ev *x, const ng_ev *y);

/* How many docs gave each label to each owner (an actor entry while merging, a node at
 * finish): a hash table, so that a key given countless spellings stays linear. */
typedef struct ng_label_count {
    uint32_t owner;
    const char *label; /* interned */
    uint32_t count;
} ng_label_count;
typedef struct ng_label_table {
    ng_label_count *v;
    size_t n, cap;
    ng_ihash index;
} ng_label_table;
int ng_label_table__add(ng_label_table *t, uint32_t owner, const char *label, uint32_t count);
void ng_label_table__free(ng_label_table *t);

/* One actor entry: all mentions of an actor key, kept apart for partial (surname-only)
 * occurrences, which finish.c resolves. Its labels are in ng_graph.labels. */
typedef struct ng_agg_actor {
    const char *key; /* interned */
    int partial;
    ng_etype type;
    uint64_t mentions;
    ng_strset aliases;
    ng_sample sample; /* the articles that name it */
} ng_agg_actor;

/* One edge aggregate: (actor entry a, rel, actor entry b); for symmetric relations a < b. */
typedef struct ng_agg_edge {
    uint32_t a, b;
    ng_rel rel;
    uint64_t weight;
    ng_sample sample;  /* the articles behind it */
    ng_strset dates;   /* known dates (bounded by the calendar, not by the corpus) */
    ng_ev best;
    /* the smallest by ng_ev__cmp_keep, sorted; allocated as they come (1, 2, 4, then
     * NG_GRAPH_MAX_EVIDENCE): most edges keep one or two, and an array of edges with room
     * for eight inline was 4 times larger, each of its pages a fault (issue 16) */
    ng_ev *items;
    uint32_t n_items, cap_items;
} ng_agg_edge;

/* 1 and *idx when the entry (interned key, partial) exists. */
struct ng_graph;
int ng_graph__find_actor(const struct ng_graph *g, const char *key, int partial, uint32_t *idx);
/* The entry of (interned key, partial), made empty with `type` when new; *idx its index. */
int ng_graph__find_or_add_actor(struct ng_graph *g, const char *key, int partial, ng_etype type,
                                uint32_t *idx);
/* The aggregate of (entry a, rel, entry b), made empty when new (a < b already for a symmetric
 * relation). *out is valid until the next aggregate is added. */
int ng_graph__find_or_add_edge(struct ng_graph *g, uint32_t a, ng_rel rel, uint32_t b,
                               ng_agg_edge **out);
/* Folds `from` into `into` (sums, unions, best, K smallest, samples of at most `cap`);
 * `from` is emptied. The items of `from` have their text in spill sf, those of `into` in
 * si (the same spill within one graph: the text is then not copied). */
int ng_agg_edge__absorb(ng_agg_edge *into, ng_spill *si, ng_agg_edge *from,
                        const ng_spill *sf, uint32_t cap);
void ng_agg_edge__clear(ng_agg_edge *e);
void ng_agg_actor__clear(ng_agg_actor *a);
/* Frees the aggregation tables (after finish, or with the graph). */
void ng_graph__free_aggregation(struct ng_graph *g);

/* ------------------------------------------------------------------ the graph object */

struct ng_graph {
    int finished, has_metrics;
    size_t n_articles, n_articles_with_actors;
    uint32_t n_sources; /* articles kept per sample (ng_graph_set_sources) */
    ng_pool pool; /* interned keys, labels, aliases, dates */

    /* aggregation, freed by finish */
    ng_agg_actor *actors;
    size_t n_actors, cap_actors;
    ng_ihash actor_index;
    ng_label_table labels; /* owner = actor entry */
    ng_agg_edge *aggs;
    size_t n_aggs, cap_aggs;
    ng_ihash agg_index;
    ng_spill ev_spill; /* the kept items' sentences */

    /* the finished graph */
    ng_arena out; /* every string the accessors return */
    ng_node *nodes;
    size_t n_nodes;
    ng_edge *edges;
    size_t n_edges;
    ng_spill item_spill; /* every edge's kept evidence, one block per edge (finish.c) */
    ng_source *srcs;    /* every edge's sampled articles (its edges point into it) */
    ng_source *node_srcs; /* every node's (its nodes point into it) */
    ng_src **kept;      /* the articles srcs and the items cite, each held once: their id,
                         * title and URL are the ones the aggregation read (not copied) */
    size_t n_kept, cap_kept;

    /* from the last ng_graph_compute_metrics */
    double modularity;
    size_t n_communities;
    size_t metrics_sources; /* 0 = exact; else sources the estimates come from */
    char metrics_warning[256]; /* "" or why a metric was left empty */
    ng_metrics_opts metrics_opts; /* what ng_graph_compute_metrics uses */
    uint64_t keep_rels;           /* ng_graph_set_filter: relations kept (0 = all) */
    int drop_isolated;            /* ng_graph_set_filter: actors without a kept edge go */
    int has_metrics_opts;
    int threads; /* ng_graph_set_threads: what ng_graph_finish may use (<= 1: none) */
};

/* ------------------------------------------------------------------ path metrics */

/* The projection as adjacency arrays: the links of node v are adj[off[v] .. off[v+1]),
 * neighbours ascending (igraph's incidence order), lengths 1/weight. */
typedef struct ng_csr {
    size_t n;
    size_t *off;
    uint32_t *adj;
    double *len;
} ng_csr;
/* From m links ends[2e] < ends[2e+1], sorted, of weights w[e] (n < UINT32_MAX - 2). Free
 * with ng_csr__free (also after a failure). */
int ng_csr__from_ends(ng_csr *out, size_t n, const igraph_integer_t *ends, const double *w,
                      size_t m);
void ng_csr__free(ng_csr *g);

/* One shortest-path pass from each source (metrics_paths.c). The output arrays have g->n
 * entries, zeroed by the caller; the numbers do not depend on `threads`. */
typedef struct ng_paths {
    const ng_csr *g;
    const uint32_t *sources;    /* ascending */
    size_t n_sources;
    const unsigned char *exact; /* per node: 1 when its component is computed exactly */
    size_t max_reach;           /* nodes in the largest component that has a source */
    int threads;                /* >= 1 */
    void (*tick)(void *ctx, size_t done, size_t total); /* sources done (any thread) */
    void *tick_ctx;
    double *bc;                 /* sum over sources, in order, of each node's dependency */
    double *closeness, *harmonic; /* of each source in an exact component (igraph's) */
    double *sum_d, *sum_inv;    /* sampled sources: sums of d(s, v) and 1/d(s, v); NULL when
                                 * no source is sampled */
} ng_paths;
int ng_paths__run(const ng_paths *job);

/* Betweenness, closeness and harmonic centrality of every node of g on the projection
 * `adj`: exact when the work fits opts->budget (or opts->exact), else estimated from sampled
 * sources (metrics_sample.c). The plan decides which (from the graph only) and sets
 * *n_sources to the number of sources drawn in the sampled components, 0 when every value
 * is exact; run does the passes on opts->threads threads (`adj` and `o` must outlive the
 * plan) and sets the values; free (NULL-safe) after either. */
typedef struct ng_paths_plan ng_paths_plan;
int ng_metrics__paths_plan(ng_paths_plan **out, const ng_csr *adj, const ng_metrics_opts *o,
                           size_t *n_sources);
int ng_metrics__paths_run(ng_graph *g, ng_paths_plan *p);
void ng_metrics__paths_free(ng_paths_plan *p);
/* Pins igraph's OpenMP code to one thread on the calling thread (each thread has its own
 * setting; PRPACK's sums must be added in one order: igraph_glue.c). */
void ng_igraph__thread_init(void);

/* Eigenvector centrality into g->nodes[].m.eigenvector (metrics_eigen.c): igraph's ARPACK
 * call, then a wider ARPACK search when it fails to converge, else NaN (written as an empty
 * attribute) and a note in g->metrics_warning. */
int ng_metrics__eigenvector(ng_graph *g, const igraph_t *proj, const igraph_vector_t *w,
                            const ng_csr *adj, double budget);

/* A node or edge before ids are known: what finish.c and graphml_read.c hand to assemble.
 * Every string must already live in g->out (or g->pool). */
typedef struct ng_pending_node {
    const char *label;
    const char *key;     /* unique; breaks ties between nodes whose ids collide */
    const char *want_id; /* preferred id (when valid), or NULL for the slug of the label */
    ng_etype type;
    uint32_t mentions;
    const char *aliases;
    const char *code;    /* ISO 3166 alpha-3, or NULL */
    uint32_t articles;
    const char *sources; /* the sampled ids, '|'-separated */
    ng_source *srcs;     /* into g->node_srcs */
    size_t n_srcs;
} ng_pending_node;

typedef struct ng_pending_edge {
    size_t u, v; /* indices into the pending nodes; u != v */
    ng_rel rel;
    uint32_t weight, articles;
    const char *evidence, *sources, *dates;
    const char *source_titles, *source_urls;
    char first_date[11], last_date[11];
    uint64_t items_at;  /* the block of its items in g->item_spill */
    uint32_t items_len, n_items;
    ng_source *srcs;    /* into g->srcs */
    size_t n_srcs;
} ng_pending_edge;

/* Gives nodes their ids, sorts nodes by id, orients symmetric edges (source id < target
 * id), sorts edges by (source id, relation name, target id), numbers them and sets node
 * dates. No two pending edges may share (u, rel, v), or {u, v} for symmetric
 * relations. Takes ownership of neither array. */
int ng_graph__assemble(ng_graph *g, const ng_pending_node *nodes, size_t n_nodes,
                       const ng_pending_edge *edges, size_t n_edges);

#endif
