/* metrics_sample.c - betweenness, closeness and harmonic centrality: exact when the work
 * fits the budget, else estimated from sampled source nodes (graph/README.md: Metrics).
 *
 * Each needs one shortest-path pass per source node (metrics_paths.c); a pass over a
 * connected component C visits its |C| nodes and its 2 m_C link ends. The exact values take
 * every node as a source:
 *     W = sum over components C (|C| >= 2) of |C| * (|C| + 2 m_C)   visits.
 * When W is at most the budget B (opts->budget, NG_METRICS_BUDGET), or opts->exact is set,
 * every value is exact. Otherwise a sample of k sources costs about k * W / n' (n' = the
 * nodes in components of two or more), so k = B * n' / W sources fit the budget; at least
 * NG_METRICS_SAMPLE_SOURCES (or exactly opts->sources when set). At the budget k = n': the
 * sample is every node, so neither the time nor the numbers jump when a corpus grows past it.
 * The choice depends on the graph only, never on the thread count.
 *
 * The k sources are shared among the components by size:
 * k_C = min(|C|, max(NG_METRICS_SAMPLE_WHOLE, ceil(k |C| / n'))), drawn uniformly without
 * replacement by a fixed-seed generator (seeded per component from its first node). A
 * component with k_C = |C| (every component of at most NG_METRICS_SAMPLE_WHOLE nodes) is
 * computed exactly. For each node v of a sampled component C:
 *   betweenness(v) = |C| / k_C * (sum over sources s of the dependency of s on v) / 2, the
 *     Brandes-Pich estimator (unbiased), halved as igraph counts each unordered pair once;
 *   closeness(v) = m_v / (sum over sources s != v of d(s, v)), m_v = |S_C \ {v}|: the
 *     inverse of the sampled mean distance (Eppstein-Wang); d(s, v) = d(v, s) (undirected);
 *   harmonic(v) = (|C| - 1) / m_v * (sum over sources s != v of 1 / d(s, v)).
 */
#include "graph_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLE_SEED 0x6e657773677261ULL /* "newsgra" */

/* splitmix64: a small, well-mixed generator whose sequence is fixed by its seed. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double finite_or_zero(double x) { return isfinite(x) ? x : 0.0; }

/* The connected components: comp[v]; the nodes of component c, ascending, are
 * nodes[start[c] .. start[c+1]); arcs[c] = link ends inside it (2 m_C). Components are
 * numbered in the order of their smallest node. */
typedef struct comps {
    size_t n_comp;
    uint32_t *comp, *nodes;
    size_t *start, *arcs, *k; /* k: sources drawn in it (0 = none, = size: exact) */
} comps;

static void comps_free(comps *c)
{
    free(c->comp);
    free(c->nodes);
    free(c->start);
    free(c->arcs);
    free(c->k);
}

/* Labels the components by breadth-first search (nodes[] is the queue), then lists each
 * component's nodes in ascending order. */
static int find_comps(comps *c, const ng_csr *g)
{
    size_t n = g->n, nn = n ? n : 1, head = 0, tail = 0;
    memset(c, 0, sizeof *c);
    c->comp = ng_malloc(nn * sizeof *c->comp);
    c->nodes = ng_malloc(nn * sizeof *c->nodes);
    c->start = ng_calloc(nn + 1, sizeof *c->start);
    c->arcs = ng_calloc(nn, sizeof *c->arcs);
    c->k = ng_calloc(nn, sizeof *c->k);
    if (!c->comp || !c->nodes || !c->start || !c->arcs || !c->k) return NG_ENOMEM;
    for (size_t v = 0; v < n; v++) c->comp[v] = UINT32_MAX;
    for (size_t s = 0; s < n; s++) {
        if (c->comp[s] != UINT32_MAX) continue;
        uint32_t id = (uint32_t)c->n_comp++;
        c->comp[s] = id;
        c->nodes[tail++] = (uint32_t)s;
        while (head < tail) {
            uint32_t u = c->nodes[head++];
            c->arcs[id] += g->off[u + 1] - g->off[u];
            for (size_t e = g->off[u]; e < g->off[u + 1]; e++) {
                if (c->comp[g->adj[e]] != UINT32_MAX) continue;
                c->comp[g->adj[e]] = id;
                c->nodes[tail++] = g->adj[e];
            }
        }
    }
    /* counting sort by component: ascending within each, as v runs ascending */
    for (size_t v = 0; v < n; v++) c->start[c->comp[v] + 1]++;
    for (size_t i = 0; i < c->n_comp; i++) c->start[i + 1] += c->start[i];
    size_t *fill = ng_malloc((c->n_comp + 1) * sizeof *fill);
    if (!fill) return NG_ENOMEM;
    memcpy(fill, c->start, (c->n_comp + 1) * sizeof *fill);
    for (size_t v = 0; v < n; v++) c->nodes[fill[c->comp[v]]++] = (uint32_t)v;
    free(fill);
    return NG_OK;
}

static size_t comp_size(const comps *c, size_t i) { return c->start[i + 1] - c->start[i]; }

/* Sources per component (c->k): every node when the work fits the budget or opts->exact,
 * else the share of k described at the top. */
static void plan(comps *c, const ng_metrics_opts *o)
{
    double work = 0.0, n2 = 0.0;
    for (size_t i = 0; i < c->n_comp; i++) {
        double size = (double)comp_size(c, i);
        if (size < 2) continue;
        work += size * (size + (double)c->arcs[i]);
        n2 += size;
    }
    double budget = o->budget > 0 ? o->budget : NG_METRICS_BUDGET;
    int exact = o->exact || work <= budget;
    double k = o->sources ? (double)o->sources : floor(budget * n2 / work);
    if (!o->sources && k < NG_METRICS_SAMPLE_SOURCES) k = NG_METRICS_SAMPLE_SOURCES;
    for (size_t i = 0; i < c->n_comp; i++) {
        size_t size = comp_size(c, i);
        if (size < 2) continue; /* an isolated node: every path metric is 0 */
        double want = ceil(k * (double)size / n2);
        size_t kc = exact || want >= (double)size ? size : (size_t)want;
        if (kc < NG_METRICS_SAMPLE_WHOLE) kc = size < NG_METRICS_SAMPLE_WHOLE ? size : NG_METRICS_SAMPLE_WHOLE;
        c->k[i] = kc;
    }
}

/* Marks the sources: all nodes of exact components (exact[v] = 1), k_C nodes of the others
 * by a partial Fisher-Yates shuffle of a copy of their node list. */
static int draw(const comps *c, unsigned char *is_source, unsigned char *exact)
{
    for (size_t i = 0; i < c->n_comp; i++) {
        size_t size = comp_size(c, i), kc = c->k[i];
        const uint32_t *nodes = c->nodes + c->start[i];
        if (kc == 0) continue;
        if (kc == size) {
            for (size_t j = 0; j < size; j++) is_source[nodes[j]] = exact[nodes[j]] = 1;
            continue;
        }
        uint32_t *pick = ng_malloc(size * sizeof *pick);
        if (!pick) return NG_ENOMEM;
        memcpy(pick, nodes, size * sizeof *pick);
        uint64_t state = SAMPLE_SEED ^ ((uint64_t)nodes[0] * 0x2545F4914F6CDD1DULL);
        for (size_t j = 0; j < kc; j++) {
            size_t r = j + (size_t)(next_random(&state) % (uint64_t)(size - j));
            uint32_t t = pick[j];
            pick[j] = pick[r];
            pick[r] = t;
            is_source[pick[j]] = 1;
        }
        free(pick);
    }
    return NG_OK;
}

/* The values of every node from the sums (see the top of the file); the job's arrays are
 * indexed by the node's number in the adjacency the passes ran on (perm[v], see
 * locality_order). */
static void finish_values(ng_graph *g, const comps *c, const ng_paths *job,
                          const unsigned char *is_source, const uint32_t *perm)
{
    for (size_t v = 0; v < g->n_nodes; v++) {
        size_t i = c->comp[v], kc = c->k[i], p = perm[v];
        ng_metrics *m = &g->nodes[v].m;
        if (kc == 0) continue; /* isolated: 0 */
        if (job->exact[p]) {
            m->betweenness = finite_or_zero(job->bc[p] * 0.5);
            m->closeness = finite_or_zero(job->closeness[p]);
            m->harmonic = finite_or_zero(job->harmonic[p]);
            continue;
        }
        double size = (double)comp_size(c, i), k = (double)kc;
        double others = k - (is_source[v] ? 1.0 : 0.0); /* sources other than v */
        m->betweenness = finite_or_zero(job->bc[p] / 2.0 * size / k);
        m->closeness = others > 0 && job->sum_d[p] > 0 ? finite_or_zero(others / job->sum_d[p]) : 0.0;
        m->harmonic = others > 0 ? finite_or_zero(job->sum_inv[p] * (size - 1.0) / others) : 0.0;
    }
}

/* The nodes renumbered for the passes (perm[old] = new), component after component: a
 * sampled component in breadth-first order from its first node, so that neighbours sit
 * close in memory (on millions of nodes the passes mostly wait for memory); an exact
 * component in ascending order, so that its passes (neighbour order, heap ties, the order
 * of the sums), and so its bits, are unchanged. `inv` (new -> old) is the BFS queue. */
static void locality_order(const comps *c, const ng_csr *g, uint32_t *perm, uint32_t *inv)
{
    size_t next = 0;
    for (size_t v = 0; v < g->n; v++) perm[v] = UINT32_MAX;
    for (size_t i = 0; i < c->n_comp; i++) {
        const uint32_t *nodes = c->nodes + c->start[i];
        size_t size = comp_size(c, i);
        if (c->k[i] == 0 || c->k[i] == size) {
            for (size_t j = 0; j < size; j++) {
                perm[nodes[j]] = (uint32_t)next;
                inv[next++] = nodes[j];
            }
            continue;
        }
        size_t head = next;
        perm[nodes[0]] = (uint32_t)next;
        inv[next++] = nodes[0];
        while (head < next) {
            uint32_t u = inv[head++];
            for (size_t e = g->off[u]; e < g->off[u + 1]; e++) {
                if (perm[g->adj[e]] != UINT32_MAX) continue;
                perm[g->adj[e]] = (uint32_t)next;
                inv[next++] = g->adj[e];
            }
        }
    }
}

/* `g` with node v numbered perm[v]; each node's links keep their order (ascending in the
 * exact components, where perm is increasing). */
static int permuted(ng_csr *out, const ng_csr *g, const uint32_t *perm, const uint32_t *inv)
{
    size_t n = g->n, arcs = g->off[n];
    memset(out, 0, sizeof *out);
    out->n = n;
    out->off = ng_malloc((n + 1) * sizeof *out->off);
    out->adj = ng_malloc((arcs + 1) * sizeof *out->adj);
    out->len = ng_malloc((arcs + 1) * sizeof *out->len);
    if (!out->off || !out->adj || !out->len) return NG_ENOMEM;
    out->off[0] = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = inv[i];
        size_t at = out->off[i];
        for (size_t e = g->off[v]; e < g->off[v + 1]; e++, at++) {
            out->adj[at] = perm[g->adj[e]];
            out->len[at] = g->len[e];
        }
        out->off[i + 1] = at;
    }
    return NG_OK;
}

/* The engine's progress, as the caller's: "betweenness, closeness, harmonic", done/total. */
typedef struct tick_ctx {
    const ng_metrics_opts *o;
    const char *phase;
} tick_ctx;

static void tick(void *ctx, size_t done, size_t total)
{
    const tick_ctx *t = ctx;
    t->o->tick(t->o->progress_ctx, t->phase, done, total);
}

/* Fills the job's sources (in ascending order of the original numbers, renumbered by perm)
 * and exact flags (renumbered); sets max_reach; returns the number of sampled sources. */
static size_t list_sources(ng_paths *job, uint32_t *src, unsigned char *exact_new,
                           const comps *c, const unsigned char *is_source,
                           const unsigned char *exact, const uint32_t *perm)
{
    size_t n_src = 0, sampled = 0;
    for (size_t v = 0; v < c->start[c->n_comp]; v++) {
        exact_new[perm[v]] = exact[v];
        if (!is_source[v]) continue;
        src[n_src++] = perm[v];
        if (!exact[v]) sampled++;
        size_t size = comp_size(c, c->comp[v]);
        if (size > job->max_reach) job->max_reach = size;
    }
    job->sources = src;
    job->n_sources = n_src;
    job->exact = exact_new;
    return sampled;
}

/* The scratch of the passes, freed at once. */
typedef struct scratch {
    unsigned char *is_source, *exact, *exact_new;
    uint32_t *src, *perm, *inv;
    ng_csr local;
} scratch;

static void scratch_free(scratch *s)
{
    free(s->is_source);
    free(s->exact);
    free(s->exact_new);
    free(s->src);
    free(s->perm);
    free(s->inv);
    ng_csr__free(&s->local);
}

static int scratch_new(scratch *s, size_t n)
{
    size_t nn = n ? n : 1;
    memset(s, 0, sizeof *s);
    s->is_source = ng_calloc(nn, 1);
    s->exact = ng_calloc(nn, 1);
    s->exact_new = ng_calloc(nn, 1);
    s->src = ng_malloc(nn * sizeof *s->src);
    s->perm = ng_malloc(nn * sizeof *s->perm);
    s->inv = ng_malloc(nn * sizeof *s->inv);
    return s->is_source && s->exact && s->exact_new && s->src && s->perm && s->inv ? NG_OK
                                                                                  : NG_ENOMEM;
}

static int job_arrays(ng_paths *job, size_t n, int sampled)
{
    size_t nn = n ? n : 1;
    job->bc = ng_calloc(nn, sizeof *job->bc);
    job->closeness = ng_calloc(nn, sizeof *job->closeness);
    job->harmonic = ng_calloc(nn, sizeof *job->harmonic);
    if (sampled) {
        job->sum_d = ng_calloc(nn, sizeof *job->sum_d);
        job->sum_inv = ng_calloc(nn, sizeof *job->sum_inv);
    }
    return job->bc && job->closeness && job->harmonic && (!sampled || (job->sum_d && job->sum_inv))
               ? NG_OK
               : NG_ENOMEM;
}

static void job_free(ng_paths *job)
{
    free(job->bc);
    free(job->closeness);
    free(job->harmonic);
    free(job->sum_d);
    free(job->sum_inv);
}

/* 1 when some component is sampled (neither exact nor without sources). */
static int any_sampled(const comps *c)
{
    for (size_t i = 0; i < c->n_comp; i++)
        if (c->k[i] > 0 && c->k[i] < comp_size(c, i)) return 1;
    return 0;
}

/* What ng_metrics__paths_plan decided, for ng_metrics__paths_run. */
struct ng_paths_plan {
    comps c;
    ng_paths job;
    scratch sc;
    tick_ctx tc;
    size_t sampled;
};

void ng_metrics__paths_free(ng_paths_plan *p)
{
    if (!p) return;
    comps_free(&p->c);
    scratch_free(&p->sc);
    job_free(&p->job);
    free(p);
}

int ng_metrics__paths_plan(ng_paths_plan **out, const ng_csr *adj, const ng_metrics_opts *o,
                           size_t *n_sources)
{
    int error;
    size_t n = adj->n;
    ng_paths_plan *p = ng_calloc(1, sizeof *p);

    *out = NULL;
    *n_sources = 0;
    if (!p) return NG_ENOMEM;
    p->tc.o = o;
    if ((error = scratch_new(&p->sc, n)) < 0 || (error = find_comps(&p->c, adj)) < 0) goto cleanup;
    plan(&p->c, o);
    if ((error = draw(&p->c, p->sc.is_source, p->sc.exact)) < 0) goto cleanup;
    p->job.g = adj;
    if (any_sampled(&p->c)) { /* renumbered for locality (exact components keep their order) */
        locality_order(&p->c, adj, p->sc.perm, p->sc.inv);
        if ((error = permuted(&p->sc.local, adj, p->sc.perm, p->sc.inv)) < 0) goto cleanup;
        p->job.g = &p->sc.local;
    } else {
        for (size_t v = 0; v < n; v++) p->sc.perm[v] = (uint32_t)v;
    }
    p->sampled = list_sources(&p->job, p->sc.src, p->sc.exact_new, &p->c, p->sc.is_source,
                              p->sc.exact, p->sc.perm);
    p->job.threads = o->threads > 0 ? o->threads : 1;
    if ((error = job_arrays(&p->job, n, p->sampled > 0)) < 0) goto cleanup;
    p->tc.phase = p->sampled ? "betweenness, closeness, harmonic (sampled)"
                             : "betweenness, closeness, harmonic (exact)";
    if (o->tick) {
        p->job.tick = tick;
        p->job.tick_ctx = &p->tc;
    }
    *n_sources = p->sampled;
    *out = p;
    p = NULL;
cleanup:
    ng_metrics__paths_free(p);
    return error;
}

int ng_metrics__paths_run(ng_graph *g, ng_paths_plan *p)
{
    int error = ng_paths__run(&p->job);
    if (error == NG_OK) finish_values(g, &p->c, &p->job, p->sc.is_source, p->sc.perm);
    return error;
}
