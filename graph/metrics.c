/* metrics.c - node centralities and communities (graph/README.md: Metrics).
 *
 * Every metric but in/out degree is defined on the undirected weighted projection: one
 * edge per pair of actors that share at least one edge of the relations selected, weight =
 * the sum of those edges' weights (any relation, any direction); path length = 1/weight, so
 * that stronger ties are shorter. in_degree/out_degree count the directed edges (one per
 * (source, relation, target); symmetric relations such as met and signed count in neither).
 *
 * Guards for igraph 0.10.2 (fixed upstream later, see export-clients.md):
 *   - PageRank with PRPACK and weights > 0 only (projection weights are >= 1);
 *   - Leiden with a positive iteration count, driven by our own convergence loop
 *     (0.10.2's n_iterations < 0 stops after the first iteration that changes anything);
 *   - no igraph_simplify with attributes: the projection is built by sorting pairs;
 *   - multilevel (Louvain) is not used.
 * Nodes without any edge get 0 for every metric except pagerank (the teleport share) and
 * community (a community of their own).
 * Betweenness, closeness and harmonic come from metrics_sample.c: exact (igraph's numbers,
 * computed by our own passes on every thread) when the work fits the budget, else from
 * sampled sources. Eigenvector centrality comes from metrics_eigen.c (a fallback when ARPACK
 * does not converge). igraph is called from one thread at a time: this one, or, while the
 * passes run with -j2 or more, the thread that runs PageRank, eigenvector and Leiden beside
 * them (paths_and_beside).
 */
#include "graph_internal.h"

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NG_RNG_SEED 42
#define LEIDEN_MAX_ROUNDS 50
#define LEIDEN_BETA 0.01
/* When the path metrics are sampled (the graph is over the budget), Leiden stops as soon as a round improves
 * its quality by less than this fraction: on 100,000 nodes each round costs about a second
 * and the last 25 of 30 rounds gain 0.1% of modularity together (graph/README.md). */
#define LEIDEN_LARGE_MIN_GAIN 1e-4
/* ... and runs at most the rounds the budget pays for: a round of igraph's Leiden costs
 * about 50 times a path visit per node and link end (1.2 CPU-s on 100,000 nodes and
 * 1,000,000 links), so 1,000,000 nodes get 2 rounds, 17,000 nodes about 20. */
#define LEIDEN_ROUND_COST 50.0

typedef struct {
    size_t u, v; /* u < v */
    double w;
} pair;

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->u != y->u) return x->u < y->u ? -1 : 1;
    if (x->v != y->v) return x->v < y->v ? -1 : 1;
    return 0;
}

static int wanted(const ng_metrics_opts *o, ng_rel r)
{
    return o->relations == 0 || (o->relations >> r & 1u);
}

/* The projection's pairs, sorted and merged; *n_out pairs in *out (caller frees). */
static int project(const ng_graph *g, const ng_metrics_opts *o, pair **out, size_t *n_out)
{
    pair *p = NULL;
    size_t n = 0;
    *out = NULL;
    *n_out = 0;
    if (g->n_edges == 0) return NG_OK;
    if (!(p = ng_malloc(g->n_edges * sizeof *p))) return NG_ENOMEM;
    for (size_t i = 0; i < g->n_edges; i++) {
        const ng_edge *e = &g->edges[i];
        if (!wanted(o, e->rel) || e->source == e->target) continue;
        p[n].u = e->source < e->target ? e->source : e->target;
        p[n].v = e->source < e->target ? e->target : e->source;
        p[n].w = (double)e->weight;
        n++;
    }
    if (n > 1) qsort(p, n, sizeof *p, cmp_pair);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (w > 0 && p[w - 1].u == p[i].u && p[w - 1].v == p[i].v) p[w - 1].w += p[i].w;
        else p[w++] = p[i];
    }
    *out = p;
    *n_out = w;
    return NG_OK;
}

/* The phases of the thread beside the path passes, reported once it is joined (the
 * caller's callbacks are called from one thread at a time). */
typedef struct phase_log {
    const char *name[4];
    double wall[4], cpu[4];
    size_t n;
} phase_log;

/* Wall-clock and CPU seconds, of the process (every thread) or of this thread alone, for
 * the phase reports; phases are reported to opts->progress, or kept in `log`. */
typedef struct stopwatch {
    double wall, cpu;
    int thread;
    phase_log *log;
} stopwatch;

static stopwatch clock_now(int thread, phase_log *log)
{
    struct timespec c;
    clock_gettime(thread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID, &c);
    stopwatch t = {ng_clock_seconds(), (double)c.tv_sec + (double)c.tv_nsec / 1e9, thread, log};
    return t;
}

/* Reports a finished phase to opts->progress (when set) and restarts the clock. */
static void phase_done(const ng_metrics_opts *o, const char *name, stopwatch *t0)
{
    stopwatch t = clock_now(t0->thread, t0->log);
    phase_log *l = t0->log;
    if (l && l->n < 4) {
        l->name[l->n] = name;
        l->wall[l->n] = t.wall - t0->wall;
        l->cpu[l->n++] = t.cpu - t0->cpu;
    } else if (!l && o->progress) {
        o->progress(o->progress_ctx, name, t.wall - t0->wall, t.cpu - t0->cpu);
    }
    *t0 = t;
}

/* NaN or infinite results (e.g. igraph's closeness of an isolated node) become 0. */
static double finite_or_zero(double x) { return isfinite(x) ? x : 0.0; }

static double budget_of(const ng_metrics_opts *o)
{
    return o->budget > 0 ? o->budget : NG_METRICS_BUDGET;
}

/* Leiden rounds on a graph over the budget: as many as the budget pays for, at a measured
 * LEIDEN_ROUND_COST visits per node and link end and round, at least 2. */
static int leiden_rounds(const ng_metrics_opts *o, size_t n, size_t m, int large)
{
    if (!large) return LEIDEN_MAX_ROUNDS;
    double r = budget_of(o) / (LEIDEN_ROUND_COST * ((double)n + 2.0 * (double)m));
    return r < 2 ? 2 : r > LEIDEN_MAX_ROUNDS ? LEIDEN_MAX_ROUNDS : (int)r;
}

/* Runs Leiden (modularity objective) until the partition is stable for two rounds, or, when
 * `large`, until a round gains less than LEIDEN_LARGE_MIN_GAIN of the quality; at most
 * `rounds` rounds. */
static int leiden(const igraph_t *proj, const igraph_vector_t *w, const igraph_vector_t *strength,
                  double total_weight, int large, int rounds, igraph_vector_int_t *membership)
{
    int error;
    igraph_vector_int_t before;
    igraph_integer_t n_clusters;
    igraph_real_t quality = 0.0, last_quality = 0.0;
    int stable = 0;

    if ((error = ng_igraph__check(igraph_vector_int_init(&before, 0))) < 0) return error;
    igraph_rng_seed(igraph_rng_default(), NG_RNG_SEED);
    double resolution = 1.0 / (2.0 * total_weight);
    for (int round = 0; round < rounds && stable < 2; round++) {
        if ((error = ng_igraph__check(igraph_vector_int_update(&before, membership))) < 0) break;
        if ((error = ng_igraph__check(igraph_community_leiden(
                 proj, w, strength, resolution, LEIDEN_BETA, round > 0, 1, membership,
                 &n_clusters, &quality))) < 0) {
            break;
        }
        stable = round > 0 && igraph_vector_int_all_e(&before, membership) ? stable + 1 : 0;
        if (large && round > 0 && quality - last_quality < LEIDEN_LARGE_MIN_GAIN * fabs(quality))
            break;
        last_quality = quality;
    }
    igraph_vector_int_destroy(&before);
    return error;
}

/* Numbers communities 0, 1, ... in the order of their first node (nodes are in id order),
 * and returns how many there are. */
static size_t renumber(igraph_vector_int_t *membership, size_t n)
{
    size_t next = 0;
    igraph_integer_t *map = calloc(n ? n : 1, sizeof *map);
    if (!map) return 0;
    for (size_t i = 0; i < n; i++) map[i] = -1;
    for (size_t i = 0; i < n; i++) {
        igraph_integer_t c = VECTOR(*membership)[i];
        if (c < 0 || (size_t)c >= n) c = (igraph_integer_t)i; /* cannot happen; stay safe */
        if (map[c] < 0) map[c] = (igraph_integer_t)next++;
        VECTOR(*membership)[i] = map[c];
    }
    free(map);
    return next;
}

/* Tells the caller which phase runs now (the progress line), when it asked. */
static void phase_start(const ng_metrics_opts *o, const char *name)
{
    if (o->tick) o->tick(o->progress_ctx, name, 0, 0);
}

/* PageRank, eigenvector centrality and Leiden communities (igraph, this thread only). */
static int spectral_and_communities(ng_graph *g, const ng_metrics_opts *o, const igraph_t *proj,
                                    const igraph_vector_t *w, const ng_csr *adj,
                                    double total_weight, stopwatch *t0)
{
    int error;
    size_t n = g->n_nodes;
    igraph_vector_int_t membership = {0};
    igraph_vector_t res = {0}, strength = {0};
    igraph_real_t value, q;

    if ((error = ng_igraph__check(igraph_vector_int_init(&membership, 0))) < 0 ||
        (error = ng_igraph__check(igraph_vector_init(&res, 0))) < 0 ||
        (error = ng_igraph__check(igraph_vector_init(&strength, (igraph_integer_t)n))) < 0) {
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) VECTOR(strength)[i] = g->nodes[i].m.strength;

    /* PageRank: PRPACK, damping 0.85, weights > 0 */
    phase_start(o, "pagerank");
    if ((error = ng_igraph__check(igraph_pagerank(proj, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value,
                                                  igraph_vss_all(), 0, 0.85, w, NULL))) < 0) {
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) g->nodes[i].m.pagerank = finite_or_zero(VECTOR(res)[i]);
    phase_done(o, "pagerank", t0);

    /* eigenvector: leading eigenvector of the weighted adjacency, scaled to max 1 */
    phase_start(o, "eigenvector");
    if ((error = ng_metrics__eigenvector(g, proj, w, adj, budget_of(o))) < 0) goto cleanup;
    phase_done(o, "eigenvector", t0);

    /* communities: Leiden, modularity objective, seeded; sampled graphs stop early */
    phase_start(o, "communities");
    int large = g->metrics_sources > 0;
    int rounds = leiden_rounds(o, n, (size_t)igraph_ecount(proj), large);
    if ((error = leiden(proj, w, &strength, total_weight, large, rounds, &membership)) < 0)
        goto cleanup;
    g->n_communities = renumber(&membership, n);
    for (size_t i = 0; i < n; i++) g->nodes[i].m.community = (int)VECTOR(membership)[i];
    if ((error = ng_igraph__check(igraph_modularity(proj, &membership, w, 1.0, 0, &q))) < 0)
        goto cleanup;
    g->modularity = finite_or_zero(q);
    phase_done(o, "communities", t0);

cleanup:
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&strength);
    igraph_vector_int_destroy(&membership);
    return error;
}

/* PageRank, eigenvector and Leiden on a thread of their own, beside the path passes: they
 * are independent computations (igraph runs on that thread only meanwhile; the passes use no
 * igraph state), each writes its own fields, so the numbers are those of one thread. */
typedef struct beside {
    ng_graph *g;
    ng_metrics_opts o; /* the caller's, without callbacks: the log keeps the phases */
    const igraph_t *proj;
    const igraph_vector_t *w;
    const ng_csr *adj;
    double total_weight, cpu;
    phase_log log;
    int error;
    char message[NG_ERROR_MAX];
} beside;

static void *beside_main(void *arg)
{
    beside *b = arg;
    ng_igraph__thread_init();
    stopwatch t0 = clock_now(1, &b->log), start = t0;
    b->error = spectral_and_communities(b->g, &b->o, b->proj, b->w, b->adj, b->total_weight, &t0);
    if (b->error < 0) snprintf(b->message, sizeof b->message, "%s", ng_error_last());
    b->cpu = clock_now(1, NULL).cpu - start.cpu;
    return NULL;
}

static const char *paths_phase(const ng_graph *g)
{
    return g->metrics_sources ? "betweenness, closeness, harmonic (sampled)"
                              : "betweenness, closeness, harmonic (exact)";
}

/* The passes on o->threads threads and the rest beside them; the path phase's CPU is the
 * process's less the other thread's. */
static int paths_and_beside(ng_graph *g, const ng_metrics_opts *o, ng_paths_plan *plan,
                            beside *b, stopwatch *t0)
{
    pthread_t tid;
    b->o = *o;
    b->o.tick = NULL;
    b->o.progress = NULL;
    int started = pthread_create(&tid, NULL, beside_main, b) == 0;
    int error = ng_metrics__paths_run(g, plan);
    if (started) pthread_join(tid, NULL);
    else beside_main(b); /* no thread to be had: after the passes, the same numbers */
    stopwatch t = clock_now(0, NULL);
    if (o->progress)
        o->progress(o->progress_ctx, paths_phase(g), t.wall - t0->wall, t.cpu - t0->cpu - b->cpu);
    for (size_t i = 0; o->progress && i < b->log.n; i++)
        o->progress(o->progress_ctx, b->log.name[i], b->log.wall[i], b->log.cpu[i]);
    *t0 = t;
    if (error == NG_OK && b->error < 0) {
        ng_error_set("%s", b->message);
        error = b->error;
    }
    return error;
}

/* Centralities and communities on the projection (n > 0, m > 0). */
static int projection_metrics(ng_graph *g, const ng_metrics_opts *o, const pair *pairs, size_t m,
                              double total_weight, stopwatch *t0)
{
    int error;
    size_t n = g->n_nodes;
    int have_proj = 0;
    igraph_t proj;
    /* zeroed vectors are safe to destroy (igraph frees only a non-NULL store) */
    igraph_vector_int_t ends = {0};
    igraph_vector_t w = {0};
    ng_csr adj = {0, NULL, NULL, NULL};
    ng_paths_plan *plan = NULL;

    if (n >= UINT32_MAX - 2) {
        ng_error_set("metrics: %zu actors: too many for the path metrics", n);
        return NG_ELIMIT;
    }
    if ((error = ng_igraph__check(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * m)))) < 0 ||
        (error = ng_igraph__check(igraph_vector_init(&w, (igraph_integer_t)m))) < 0) {
        goto cleanup;
    }
    for (size_t i = 0; i < m; i++) {
        VECTOR(ends)[2 * i] = (igraph_integer_t)pairs[i].u;
        VECTOR(ends)[2 * i + 1] = (igraph_integer_t)pairs[i].v;
        VECTOR(w)[i] = pairs[i].w;
    }
    if ((error = ng_csr__from_ends(&adj, n, VECTOR(ends), VECTOR(w), m)) < 0) goto cleanup;
    if ((error = ng_igraph__check(igraph_create(&proj, &ends, (igraph_integer_t)n,
                                                IGRAPH_UNDIRECTED))) < 0) {
        goto cleanup;
    }
    have_proj = 1;
    /* which sources the passes take (this decides Leiden's rounds too) */
    if ((error = ng_metrics__paths_plan(&plan, &adj, o, &g->metrics_sources)) < 0) goto cleanup;
    phase_done(o, "projection", t0);

    /* betweenness, closeness, harmonic: our own passes, on every thread (metrics_paths.c);
     * with two threads or more, PageRank, eigenvector and Leiden beside them */
    if (o->threads > 1) {
        beside b = {g, *o, &proj, &w, &adj, total_weight, 0.0, {{0}, {0}, {0}, 0}, 0, ""};
        error = paths_and_beside(g, o, plan, &b, t0);
        goto cleanup;
    }
    if ((error = ng_metrics__paths_run(g, plan)) < 0) goto cleanup;
    phase_done(o, paths_phase(g), t0);
    error = spectral_and_communities(g, o, &proj, &w, &adj, total_weight, t0);

cleanup:
    ng_metrics__paths_free(plan);
    if (have_proj) igraph_destroy(&proj);
    ng_csr__free(&adj);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&ends);
    return error;
}

/* Floating noise: a value within 1e-12 of zero, relative to its metric's largest magnitude,
 * is rounding, not a measure (ARPACK leaves eigenvector centralities of 1e-18 on the actors
 * outside the main component; sums of path shares leave 3e-17). It is set to exactly 0, so
 * that every export, the report and `newsgraph metrics` write 0. Small true values (1e-10
 * at the edge of the main component, on a scale of 1) are kept. */
#define NOISE_RELATIVE 1e-12

static void drop_noise(ng_graph *g)
{
    static const size_t fields[] = {
        offsetof(ng_metrics, strength), offsetof(ng_metrics, betweenness),
        offsetof(ng_metrics, closeness), offsetof(ng_metrics, harmonic),
        offsetof(ng_metrics, pagerank), offsetof(ng_metrics, eigenvector)};
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        double max = 0.0;
        for (size_t i = 0; i < g->n_nodes; i++) {
            double v = fabs(*(double *)((char *)&g->nodes[i].m + fields[f]));
            if (v > max) max = v;
        }
        for (size_t i = 0; i < g->n_nodes; i++) {
            double *v = (double *)((char *)&g->nodes[i].m + fields[f]);
            if (fabs(*v) <= max * NOISE_RELATIVE) *v = 0.0;
        }
    }
}

int ng_graph_compute_metrics_opts(ng_graph *g, const ng_metrics_opts *opts)
{
    int error;
    pair *pairs = NULL;
    size_t m = 0, n = g->n_nodes;
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;

    if (!g->finished) {
        ng_error_set("internal: ng_graph_compute_metrics called before ng_graph_finish");
        return NG_EINVAL;
    }
    if (opts) o = *opts;
    else if (g->has_metrics_opts) o = g->metrics_opts;
    stopwatch t0 = clock_now(0, NULL);
    ng_igraph__init();
    /* eigenvector centrality draws its ARPACK start vector from igraph's default RNG and
     * Leiden its node order: seed it so that the same graph gives the same numbers */
    igraph_rng_seed(igraph_rng_default(), NG_RNG_SEED);
    g->has_metrics = 0;
    g->modularity = 0.0;
    g->metrics_sources = 0;
    g->metrics_warning[0] = '\0';
    g->n_communities = n;
    for (size_t i = 0; i < n; i++) {
        memset(&g->nodes[i].m, 0, sizeof g->nodes[i].m);
        g->nodes[i].m.community = (int)i;
        g->nodes[i].m.pagerank = 1.0 / (double)n;
    }
    if ((error = project(g, &o, &pairs, &m)) < 0) goto cleanup;

    double total_weight = 0.0;
    for (size_t i = 0; i < m; i++) {
        g->nodes[pairs[i].u].m.degree += 1;
        g->nodes[pairs[i].v].m.degree += 1;
        g->nodes[pairs[i].u].m.strength += pairs[i].w;
        g->nodes[pairs[i].v].m.strength += pairs[i].w;
        total_weight += pairs[i].w;
    }
    for (size_t i = 0; i < g->n_edges; i++) {
        const ng_edge *e = &g->edges[i];
        if (!e->directed || !wanted(&o, e->rel)) continue;
        g->nodes[e->source].m.out_degree += 1;
        g->nodes[e->target].m.in_degree += 1;
    }
    o.threads = ng_thread_count(o.threads); /* the numbers do not depend on it */
    if (m > 0 && (error = projection_metrics(g, &o, pairs, m, total_weight, &t0)) < 0)
        goto cleanup;
    drop_noise(g);
    g->has_metrics = 1;

cleanup:
    free(pairs);
    return error;
}

int ng_graph_compute_metrics(ng_graph *g) { return ng_graph_compute_metrics_opts(g, NULL); }

void ng_graph_set_metrics_opts(ng_graph *g, const ng_metrics_opts *opts)
{
    static const ng_metrics_opts defaults = NG_METRICS_OPTS_INIT;
    if (!g) return;
    g->metrics_opts = opts ? *opts : defaults;
    g->has_metrics_opts = opts != NULL;
}

size_t ng_graph_metrics_sources(const ng_graph *g) { return g ? g->metrics_sources : 0; }

const char *ng_graph_metrics_warning(const ng_graph *g)
{
    return g && g->metrics_warning[0] ? g->metrics_warning : NULL;
}
