/* metrics_sample.c - betweenness, closeness and harmonic centrality estimated from sampled
 * source nodes, for graphs too large for the exact computation (one shortest-path tree per
 * node: O(n m log n), hours at 100,000 nodes and 1,000,000 links).
 *
 * The projection is split into its connected components (every path stays inside one):
 *   - a component of at most NG_METRICS_SAMPLE_WHOLE nodes is computed exactly, on the
 *     subgraph of all such components, with the same igraph calls as the exact path;
 *   - a larger component C of |C| nodes gets k_C = min(|C|, max(WHOLE, ceil(k |C| / n)))
 *     sources S_C, drawn uniformly without replacement by a fixed-seed generator (seeded
 *     per component from its first node, so the sample depends only on the graph). One
 *     pass of Brandes' algorithm (Dijkstra, lengths 1/weight, equal lengths decided with
 *     igraph's tolerance) from each source gives both the dependencies and the distances;
 *     the sources are split over two fixed lanes (two threads) whose sums are added in a
 *     fixed order, so the numbers never depend on threads or timing. Then, for each node v
 *     of C:
 *       betweenness(v) = |C| / k_C * (sum over s in S_C of the dependency of s on v), the
 *         Brandes-Pich estimator (the factor makes it unbiased), halved as igraph's
 *         undirected betweenness counts each unordered pair once;
 *       closeness(v) = m_v / (sum over s in S_C, s != v, of d(s, v)), m_v = |S_C \ {v}|:
 *         the inverse of the sampled mean distance (Eppstein-Wang); the projection is
 *         undirected, so one Dijkstra from s gives d(s, v) = d(v, s) for every v;
 *       harmonic(v) = (|C| - 1) / m_v * (sum over s in S_C, s != v, of 1 / d(s, v)).
 *     With k_C = |C| every formula is the exact value (the unit test checks it).
 */
#include "graph_internal.h"

#include <math.h>
#include <pthread.h>
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

static int cmp_int(const void *a, const void *b)
{
    igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
    return x < y ? -1 : x > y;
}

static double finite_or_zero(double x) { return isfinite(x) ? x : 0.0; }

/* The exact metrics of the small components: the subgraph of the nodes in `small` (sorted)
 * with the links among them, and igraph's exact functions on it. */
static int exact_small(ng_graph *g, const igraph_t *proj, const igraph_vector_t *len,
                       const igraph_vector_int_t *small)
{
    int error;
    size_t n = g->n_nodes, ns = (size_t)igraph_vector_int_size(small);
    igraph_integer_t *map = NULL;
    igraph_vector_int_t ends = {0};
    igraph_vector_t sublen = {0}, res = {0};
    igraph_t sub;
    int have_sub = 0;

    if (ns == 0) return NG_OK;
    if (!(map = ng_malloc(n * sizeof *map))) return NG_ENOMEM;
    for (size_t v = 0; v < n; v++) map[v] = -1;
    for (size_t i = 0; i < ns; i++) map[VECTOR(*small)[i]] = (igraph_integer_t)i;
    if ((error = ng_igraph__check(igraph_vector_int_init(&ends, 0))) < 0 ||
        (error = ng_igraph__check(igraph_vector_init(&sublen, 0))) < 0 ||
        (error = ng_igraph__check(igraph_vector_init(&res, 0))) < 0) {
        goto cleanup;
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(proj); e++) {
        igraph_integer_t u = IGRAPH_FROM(proj, e), v = IGRAPH_TO(proj, e);
        if (map[u] < 0 || map[v] < 0) continue;
        if ((error = ng_igraph__check(igraph_vector_int_push_back(&ends, map[u]))) < 0 ||
            (error = ng_igraph__check(igraph_vector_int_push_back(&ends, map[v]))) < 0 ||
            (error = ng_igraph__check(igraph_vector_push_back(&sublen, VECTOR(*len)[e]))) < 0) {
            goto cleanup;
        }
    }
    if ((error = ng_igraph__check(igraph_create(&sub, &ends, (igraph_integer_t)ns,
                                                IGRAPH_UNDIRECTED))) < 0) {
        goto cleanup;
    }
    have_sub = 1;
    if ((error = ng_igraph__check(igraph_betweenness(&sub, &res, igraph_vss_all(),
                                                     IGRAPH_UNDIRECTED, &sublen))) < 0) {
        goto cleanup;
    }
    for (size_t i = 0; i < ns; i++)
        g->nodes[VECTOR(*small)[i]].m.betweenness = finite_or_zero(VECTOR(res)[i]);
    if ((error = ng_igraph__check(igraph_closeness(&sub, &res, NULL, NULL, igraph_vss_all(),
                                                   IGRAPH_ALL, &sublen, 1))) < 0) {
        goto cleanup;
    }
    for (size_t i = 0; i < ns; i++)
        g->nodes[VECTOR(*small)[i]].m.closeness = finite_or_zero(VECTOR(res)[i]);
    if ((error = ng_igraph__check(igraph_harmonic_centrality(&sub, &res, igraph_vss_all(),
                                                             IGRAPH_ALL, &sublen, 0))) < 0) {
        goto cleanup;
    }
    for (size_t i = 0; i < ns; i++)
        g->nodes[VECTOR(*small)[i]].m.harmonic = finite_or_zero(VECTOR(res)[i]);

cleanup:
    if (have_sub) igraph_destroy(&sub);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&sublen);
    igraph_vector_int_destroy(&ends);
    free(map);
    return error;
}

/* ------------------------------------------------------------------ one pass per source */

/* The projection as adjacency arrays: the links of node v are adj[off[v] .. off[v+1]). */
typedef struct {
    size_t n;
    size_t *off;
    uint32_t *adj;
    double *len;
} csr;

/* igraph's tolerant comparison of path lengths (igraph_cmp_epsilon with
 * IGRAPH_SHORTEST_PATH_EPSILON), so that paths igraph counts as equally short (1/3 + 1/6
 * and 1/2) are counted the same here; the common, clearly different case is decided inline. */
static int cmp_len(double a, double b)
{
    if (a == b) return 0;
    double scale = (fabs(a) + fabs(b)) * 1e-9;
    if (a < b - scale) return -1;
    if (a > b + scale) return 1;
    return igraph_cmp_epsilon(a, b, IGRAPH_SHORTEST_PATH_EPSILON);
}

/* What one worker keeps between sources: Dijkstra's state (reset after each source for the
 * nodes reached only) and its own sums, which the caller adds up in a fixed order. */
typedef struct {
    const csr *g;
    const uint32_t *sources; /* this lane's sources, ascending */
    size_t n_sources;
    double *dist, *sigma, *delta;
    uint32_t *heap, *pos; /* binary heap of nodes keyed by dist; pos = index + 1, 0 = out */
    uint32_t *order;      /* nodes in the order they were settled */
    unsigned char *settled;
    double *bc, *sum_d, *sum_inv; /* the lane's sums */
    int failed;
} lane;

static void heap_up(lane *l, size_t i)
{
    uint32_t v = l->heap[i];
    double d = l->dist[v];
    while (i > 0) {
        size_t p = (i - 1) / 2;
        uint32_t u = l->heap[p];
        if (l->dist[u] <= d) break;
        l->heap[i] = u;
        l->pos[u] = (uint32_t)i + 1;
        i = p;
    }
    l->heap[i] = v;
    l->pos[v] = (uint32_t)i + 1;
}

static uint32_t heap_pop(lane *l, size_t *size)
{
    uint32_t top = l->heap[0], last = l->heap[--*size];
    l->pos[top] = 0;
    if (*size == 0) return top;
    double d = l->dist[last];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= *size) break;
        if (c + 1 < *size && l->dist[l->heap[c + 1]] < l->dist[l->heap[c]]) c++;
        if (l->dist[l->heap[c]] >= d) break;
        l->heap[i] = l->heap[c];
        l->pos[l->heap[i]] = (uint32_t)i + 1;
        i = c;
    }
    l->heap[i] = last;
    l->pos[last] = (uint32_t)i + 1;
    return top;
}

/* Brandes' algorithm from one source with weighted lengths: shortest-path counts forward,
 * dependencies backward (predecessors found again from the adjacency, so nothing is stored
 * per path), plus the distance sums for closeness and harmonic. */
static void one_source(lane *l, uint32_t s)
{
    const csr *g = l->g;
    size_t heap_size = 0, n_order = 0;
    l->dist[s] = 0.0;
    l->sigma[s] = 1.0;
    l->heap[heap_size++] = s;
    l->pos[s] = 1;
    while (heap_size > 0) {
        uint32_t u = heap_pop(l, &heap_size);
        l->settled[u] = 1;
        l->order[n_order++] = u;
        double du = l->dist[u];
        for (size_t e = g->off[u]; e < g->off[u + 1]; e++) {
            uint32_t v = g->adj[e];
            if (l->settled[v]) continue;
            double nd = du + g->len[e];
            if (l->dist[v] == INFINITY) {
                l->dist[v] = nd;
                l->sigma[v] = l->sigma[u];
                l->heap[heap_size] = v;
                heap_up(l, heap_size++);
                continue;
            }
            int c = cmp_len(nd, l->dist[v]);
            if (c < 0) {
                l->dist[v] = nd;
                l->sigma[v] = l->sigma[u];
                heap_up(l, l->pos[v] - 1);
            } else if (c == 0) {
                l->sigma[v] += l->sigma[u];
            }
        }
    }
    /* backward: each node's dependency flows to its predecessors on shortest paths */
    for (size_t i = n_order; i-- > 0;) {
        uint32_t w = l->order[i];
        double dw = l->dist[w], coeff = (1.0 + l->delta[w]) / l->sigma[w];
        for (size_t e = g->off[w]; e < g->off[w + 1]; e++) {
            uint32_t v = g->adj[e];
            if (l->dist[v] < dw && cmp_len(l->dist[v] + g->len[e], dw) == 0)
                l->delta[v] += l->sigma[v] * coeff;
        }
        if (w != s) {
            l->bc[w] += l->delta[w];
            l->sum_d[w] += dw;
            l->sum_inv[w] += 1.0 / dw;
        }
    }
    for (size_t i = 0; i < n_order; i++) {
        uint32_t v = l->order[i];
        l->dist[v] = INFINITY;
        l->sigma[v] = l->delta[v] = 0.0;
        l->settled[v] = 0;
    }
}

static void *run_lane(void *arg)
{
    lane *l = arg;
    for (size_t i = 0; i < l->n_sources; i++) one_source(l, l->sources[i]);
    return NULL;
}

/* Two lanes, always: source i of the sorted sample goes to lane i % 2, and the lanes' sums
 * are added lane 0 + lane 1. So the numbers are the same whether the lanes run on two
 * threads (when one can be started) or one after the other. */
#define N_LANES 2

static void lane_free(lane *l)
{
    free(l->dist);
    free(l->sigma);
    free(l->delta);
    free(l->heap);
    free(l->pos);
    free(l->order);
    free(l->settled);
    free(l->bc);
    free(l->sum_d);
    free(l->sum_inv);
    free((void *)l->sources);
}

/* Sums over the sources (ascending) of the dependencies, distances and inverse distances of
 * every node: bc, sum_d, sum_inv (n each, zeroed by the caller). */
static int source_sums(const csr *g, const uint32_t *sources, size_t n_sources, double *bc,
                       double *sum_d, double *sum_inv)
{
    int error = NG_OK;
    size_t n = g->n;
    lane lanes[N_LANES];
    pthread_t thread;
    int started = 0;
    memset(lanes, 0, sizeof lanes);
    for (int k = 0; k < N_LANES; k++) {
        lane *l = &lanes[k];
        uint32_t *mine = ng_malloc((n_sources / N_LANES + 1) * sizeof *mine);
        l->g = g;
        l->sources = mine;
        l->dist = ng_malloc(n * sizeof *l->dist);
        l->sigma = ng_calloc(n, sizeof *l->sigma);
        l->delta = ng_calloc(n, sizeof *l->delta);
        l->heap = ng_malloc(n * sizeof *l->heap);
        l->pos = ng_calloc(n, sizeof *l->pos);
        l->order = ng_malloc(n * sizeof *l->order);
        l->settled = ng_calloc(n, 1);
        l->bc = ng_calloc(n, sizeof *l->bc);
        l->sum_d = ng_calloc(n, sizeof *l->sum_d);
        l->sum_inv = ng_calloc(n, sizeof *l->sum_inv);
        if (!mine || !l->dist || !l->sigma || !l->delta || !l->heap || !l->pos || !l->order ||
            !l->settled || !l->bc || !l->sum_d || !l->sum_inv) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        for (size_t i = (size_t)k; i < n_sources; i += N_LANES) mine[l->n_sources++] = sources[i];
        for (size_t v = 0; v < n; v++) l->dist[v] = INFINITY;
    }
    started = pthread_create(&thread, NULL, run_lane, &lanes[1]) == 0;
    run_lane(&lanes[0]);
    if (started) pthread_join(thread, NULL);
    else run_lane(&lanes[1]);
    for (int k = 0; k < N_LANES; k++) {
        for (size_t v = 0; v < n; v++) {
            bc[v] += lanes[k].bc[v];
            sum_d[v] += lanes[k].sum_d[v];
            sum_inv[v] += lanes[k].sum_inv[v];
        }
    }
cleanup:
    for (int k = 0; k < N_LANES; k++) lane_free(&lanes[k]);
    return error;
}

/* The projection's adjacency arrays, from igraph's edge list (both directions). */
static int make_csr(csr *out, const igraph_t *proj, const igraph_vector_t *len)
{
    size_t n = (size_t)igraph_vcount(proj), m = (size_t)igraph_ecount(proj);
    memset(out, 0, sizeof *out);
    out->n = n;
    out->off = ng_calloc(n + 1, sizeof *out->off);
    out->adj = ng_malloc((2 * m + 1) * sizeof *out->adj);
    out->len = ng_malloc((2 * m + 1) * sizeof *out->len);
    if (!out->off || !out->adj || !out->len) return NG_ENOMEM;
    for (size_t e = 0; e < m; e++) {
        out->off[IGRAPH_FROM(proj, e) + 1]++;
        out->off[IGRAPH_TO(proj, e) + 1]++;
    }
    for (size_t v = 0; v < n; v++) out->off[v + 1] += out->off[v];
    size_t *fill = ng_malloc((n + 1) * sizeof *fill);
    if (!fill) return NG_ENOMEM;
    memcpy(fill, out->off, (n + 1) * sizeof *fill);
    for (size_t e = 0; e < m; e++) {
        size_t u = (size_t)IGRAPH_FROM(proj, e), v = (size_t)IGRAPH_TO(proj, e);
        out->adj[fill[u]] = (uint32_t)v;
        out->len[fill[u]++] = VECTOR(*len)[e];
        out->adj[fill[v]] = (uint32_t)u;
        out->len[fill[v]++] = VECTOR(*len)[e];
    }
    free(fill);
    return NG_OK;
}

static void csr_free(csr *g)
{
    free(g->off);
    free(g->adj);
    free(g->len);
}

int ng_metrics__sampled(ng_graph *g, const igraph_t *proj, const igraph_vector_t *len, size_t k,
                        size_t *n_sources)
{
    int error;
    size_t n = g->n_nodes, n_comp = 0;
    igraph_vector_int_t memb = {0}, csize = {0}, small = {0}, sources = {0};
    igraph_integer_t no = 0;
    size_t *comp_start = NULL, *fill = NULL, *k_comp = NULL;
    igraph_integer_t *comp_nodes = NULL;
    double *sum_d = NULL, *sum_inv = NULL, *bc = NULL;
    unsigned char *is_source = NULL;
    csr adj = {0, NULL, NULL, NULL};

    *n_sources = 0;
    if (n >= UINT32_MAX) {
        ng_error_set("metrics: %zu nodes: too many for sampled metrics", n);
        return NG_ELIMIT;
    }
    if ((error = ng_igraph__check(igraph_vector_int_init(&memb, 0))) < 0 ||
        (error = ng_igraph__check(igraph_vector_int_init(&csize, 0))) < 0 ||
        (error = ng_igraph__check(igraph_vector_int_init(&small, 0))) < 0 ||
        (error = ng_igraph__check(igraph_vector_int_init(&sources, 0))) < 0 ||
        (error = ng_igraph__check(igraph_connected_components(proj, &memb, &csize, &no,
                                                              IGRAPH_WEAK))) < 0) {
        goto cleanup;
    }
    n_comp = (size_t)no;

    /* each component's nodes, in ascending order: comp_nodes[comp_start[c] .. [c+1]) */
    comp_start = ng_calloc(n_comp + 1, sizeof *comp_start);
    fill = ng_calloc(n_comp + 1, sizeof *fill);
    k_comp = ng_calloc(n_comp + 1, sizeof *k_comp);
    comp_nodes = ng_malloc((n ? n : 1) * sizeof *comp_nodes);
    sum_d = ng_calloc(n ? n : 1, sizeof *sum_d);
    sum_inv = ng_calloc(n ? n : 1, sizeof *sum_inv);
    bc = ng_calloc(n ? n : 1, sizeof *bc);
    is_source = ng_calloc(n ? n : 1, 1);
    if (!comp_start || !fill || !k_comp || !comp_nodes || !sum_d || !sum_inv || !bc || !is_source) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t c = 0; c < n_comp; c++) comp_start[c + 1] = comp_start[c] + (size_t)VECTOR(csize)[c];
    for (size_t v = 0; v < n; v++) {
        size_t c = (size_t)VECTOR(memb)[v];
        comp_nodes[comp_start[c] + fill[c]++] = (igraph_integer_t)v;
    }

    /* the sample: whole small components, k_C uniform nodes of each larger one */
    for (size_t c = 0; c < n_comp; c++) {
        size_t size = comp_start[c + 1] - comp_start[c];
        igraph_integer_t *nodes = comp_nodes + comp_start[c];
        if (size < 2) continue; /* an isolated node: every path metric stays 0 */
        if (size <= NG_METRICS_SAMPLE_WHOLE) {
            for (size_t j = 0; j < size; j++) {
                if ((error = ng_igraph__check(igraph_vector_int_push_back(&small, nodes[j]))) < 0)
                    goto cleanup;
            }
            continue;
        }
        /* ceil(k * size / n) without overflow for any realistic k */
        double want = ceil((double)k * (double)size / (double)n);
        size_t kc = want >= (double)size ? size : (size_t)want;
        if (kc < NG_METRICS_SAMPLE_WHOLE) kc = NG_METRICS_SAMPLE_WHOLE;
        k_comp[c] = kc;
        /* partial Fisher-Yates on a copy of the node list (kept sorted for the sums) */
        igraph_integer_t *pick = ng_malloc(size * sizeof *pick);
        if (!pick) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        memcpy(pick, nodes, size * sizeof *pick);
        uint64_t state = SAMPLE_SEED ^ ((uint64_t)nodes[0] * 0x2545F4914F6CDD1DULL);
        for (size_t j = 0; j < kc; j++) {
            size_t r = j + (size_t)(next_random(&state) % (uint64_t)(size - j));
            igraph_integer_t t = pick[j];
            pick[j] = pick[r];
            pick[r] = t;
            is_source[pick[j]] = 1;
        }
        free(pick);
    }
    for (size_t v = 0; v < n; v++) {
        if (!is_source[v]) continue;
        if ((error = ng_igraph__check(igraph_vector_int_push_back(&sources, (igraph_integer_t)v))) < 0)
            goto cleanup;
    }
    qsort(VECTOR(small), (size_t)igraph_vector_int_size(&small), sizeof(igraph_integer_t), cmp_int);

    if ((error = exact_small(g, proj, len, &small)) < 0) goto cleanup;
    size_t n_src = (size_t)igraph_vector_int_size(&sources);
    if (n_src > 0) {
        uint32_t *src = ng_malloc(n_src * sizeof *src);
        if (!src) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        for (size_t i = 0; i < n_src; i++) src[i] = (uint32_t)VECTOR(sources)[i];
        if ((error = make_csr(&adj, proj, len)) == NG_OK)
            error = source_sums(&adj, src, n_src, bc, sum_d, sum_inv);
        free(src);
        if (error < 0) goto cleanup;
        for (size_t v = 0; v < n; v++) {
            size_t c = (size_t)VECTOR(memb)[v];
            if (k_comp[c] == 0) continue; /* isolated or small: done above */
            double size = (double)(comp_start[c + 1] - comp_start[c]);
            double kc = (double)k_comp[c];
            double others = kc - (is_source[v] ? 1.0 : 0.0); /* sources other than v */
            ng_metrics *m = &g->nodes[v].m;
            /* each source counts the paths to every target: halve to count pairs once */
            m->betweenness = finite_or_zero(bc[v] / 2.0 * size / kc);
            m->closeness = others > 0 && sum_d[v] > 0 ? finite_or_zero(others / sum_d[v]) : 0.0;
            m->harmonic = others > 0 ? finite_or_zero(sum_inv[v] * (size - 1.0) / others) : 0.0;
        }
    }
    *n_sources = (size_t)igraph_vector_int_size(&sources);

cleanup:
    csr_free(&adj);
    free(bc);
    free(is_source);
    free(sum_inv);
    free(sum_d);
    free(comp_nodes);
    free(k_comp);
    free(fill);
    free(comp_start);
    igraph_vector_int_destroy(&sources);
    igraph_vector_int_destroy(&small);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&memb);
    return error;
}
