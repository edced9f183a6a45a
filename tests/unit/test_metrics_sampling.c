/* test_metrics_sampling.c - betweenness, closeness and harmonic centrality
 * (graph/metrics_sample.c, graph/metrics_paths.c): the exact values equal igraph's bit for
 * bit on every thread count; the budget decides between exact and sampled; the sample is
 * deterministic whatever the threads; and a sanity bound on the estimate. The graphs are
 * generated here (a seeded preferential attachment), read back through GraphML like
 * `newsgraph metrics` does. igraph is called directly only to get its reference numbers. */
#include "ng_graph.h"
#include "ng_test.h"

#include <igraph.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

/* ------------------------------------------------------------------ generated graphs */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static const char *tmp_path(const char *name)
{
    static char path[512];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/ng-test-sampling-%ld-%s", dir && *dir ? dir : "/tmp",
             (long)getpid(), name);
    return path;
}

/* Edge weights drawn from {1, 2, 3, 6}: lengths 1, 1/2, 1/3, 1/6, so that paths of equal
 * length by different sums (1/3 + 1/6 and 1/2) are common, and igraph's tolerance decides. */
static const unsigned weights[] = {1, 2, 3, 6};

/* A graph of `n` actors: a preferential-attachment core of n - n/5 actors with `links` links
 * per new actor and weights from `weights`, then pairs and paths of three, then isolated
 * actors. */
static ng_graph *generated(size_t n, size_t links, uint64_t seed)
{
    static const char *const rels[] = {"met", "signed", "condemned", "member_of"};
    const char *path = tmp_path("gen.graphml");
    FILE *f = fopen(path, "w");
    if (!f) return NULL;
    fprintf(f,
            "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
            "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
            "<graph edgedefault=\"directed\">\n");
    for (size_t v = 0; v < n; v++) fprintf(f, "<node id=\"v%05zu\"/>\n", v);
    size_t core = n - n / 5, cap = 2 * core * links + 2, n_ends = 0;
    size_t *ends = malloc(cap * sizeof *ends);
    if (!ends) {
        fclose(f);
        return NULL;
    }
    ends[n_ends++] = 0;
    ends[n_ends++] = 1;
    fprintf(f, "<edge source=\"v00000\" target=\"v00001\"><data key=\"r\">met</data></edge>\n");
    for (size_t v = 2; v < core; v++) {
        size_t k = links < v ? links : v, before = n_ends;
        for (size_t j = 0; j < k; j++) {
            size_t u = ends[rng_next(&seed) % before];
            /* drawn one by one: the order of a call's arguments is unspecified (gcc and
             * clang differ), and the graph must not depend on the compiler */
            unsigned w = weights[rng_next(&seed) % 4];
            const char *r = rels[rng_next(&seed) % 4];
            fprintf(f, "<edge source=\"v%05zu\" target=\"v%05zu\"><data key=\"r\">%s</data>"
                       "<data key=\"w\">%u</data></edge>\n",
                    v, u, r, w);
            ends[n_ends++] = u;
            ends[n_ends++] = v;
        }
    }
    free(ends);
    /* the fringe: pairs and paths of three, then the last actors isolated */
    for (size_t v = core; v + 3 < n; v += 3) {
        fprintf(f, "<edge source=\"v%05zu\" target=\"v%05zu\"><data key=\"r\">met</data></edge>\n",
                v, v + 1);
        if (v % 2)
            fprintf(f,
                    "<edge source=\"v%05zu\" target=\"v%05zu\"><data key=\"r\">met</data></edge>\n",
                    v + 1, v + 2);
    }
    fprintf(f, "</graph></graphml>\n");
    if (fclose(f) != 0) return NULL;
    ng_graph *g = NULL;
    if (ng_graph_read_graphml(&g, path) < 0) fprintf(stderr, "read: %s\n", ng_error_last());
    unlink(path);
    return g;
}

/* The three sampled metrics of every node, copied out. */
static double *path_metrics(const ng_graph *g)
{
    size_t n = ng_graph_node_count(g);
    double *v = malloc((3 * n + 1) * sizeof *v);
    if (!v) return NULL;
    for (size_t i = 0; i < n; i++) {
        const ng_metrics *m = &ng_graph_node(g, i)->m;
        v[3 * i] = m->betweenness;
        v[3 * i + 1] = m->closeness;
        v[3 * i + 2] = m->harmonic;
    }
    return v;
}

/* ------------------------------------------------------------------ igraph's numbers */

/* igraph's exact betweenness, closeness and harmonic centrality of g's projection (one link
 * per pair, weights summed over every edge between them, length 1/weight), computed as
 * graph/metrics.c did before it had its own passes; NaN becomes 0. */
static double *igraph_reference(const ng_graph *g)
{
    size_t n = ng_graph_node_count(g), ne = ng_graph_edge_count(g), m = 0;
    double *out = calloc(3 * n + 1, sizeof *out);
    size_t *u = calloc(ne + 1, sizeof *u), *v = calloc(ne + 1, sizeof *v);
    double *w = calloc(ne + 1, sizeof *w);
    if (!out || !u || !v || !w) goto fail;
    /* the edges sorted by (min, max) pair: insertion into a sorted list */
    for (size_t e = 0; e < ne; e++) {
        const ng_edge *ed = ng_graph_edge(g, e);
        size_t a = ed->source < ed->target ? ed->source : ed->target;
        size_t b = ed->source < ed->target ? ed->target : ed->source, i = m;
        while (i > 0 && (u[i - 1] > a || (u[i - 1] == a && v[i - 1] > b))) i--;
        if (i > 0 && u[i - 1] == a && v[i - 1] == b) {
            w[i - 1] += ed->weight;
            continue;
        }
        memmove(u + i + 1, u + i, (m - i) * sizeof *u);
        memmove(v + i + 1, v + i, (m - i) * sizeof *v);
        memmove(w + i + 1, w + i, (m - i) * sizeof *w);
        u[i] = a, v[i] = b, w[i] = ed->weight;
        m++;
    }
    igraph_t proj;
    igraph_vector_int_t ends;
    igraph_vector_t len, res;
    igraph_vector_int_init(&ends, (igraph_integer_t)(2 * m));
    igraph_vector_init(&len, (igraph_integer_t)m);
    igraph_vector_init(&res, 0);
    for (size_t i = 0; i < m; i++) {
        VECTOR(ends)[2 * i] = (igraph_integer_t)u[i];
        VECTOR(ends)[2 * i + 1] = (igraph_integer_t)v[i];
        VECTOR(len)[i] = 1.0 / w[i];
    }
    igraph_create(&proj, &ends, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
    igraph_betweenness(&proj, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, &len);
    for (size_t i = 0; i < n; i++) out[3 * i] = isfinite(VECTOR(res)[i]) ? VECTOR(res)[i] : 0;
    igraph_closeness(&proj, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, &len, 1);
    for (size_t i = 0; i < n; i++) out[3 * i + 1] = isfinite(VECTOR(res)[i]) ? VECTOR(res)[i] : 0;
    igraph_harmonic_centrality(&proj, &res, igraph_vss_all(), IGRAPH_ALL, &len, 0);
    for (size_t i = 0; i < n; i++) out[3 * i + 2] = isfinite(VECTOR(res)[i]) ? VECTOR(res)[i] : 0;
    igraph_destroy(&proj);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&len);
    igraph_vector_int_destroy(&ends);
    free(u), free(v), free(w);
    return out;
fail:
    free(out), free(u), free(v), free(w);
    return NULL;
}

/* The number of values of a and b (3n each) that differ in any bit; prints the first few. */
static size_t differing_bits(const double *a, const double *b, size_t n, const char *what)
{
    size_t bad = 0;
    for (size_t i = 0; a && b && i < 3 * n; i++) {
        if (memcmp(&a[i], &b[i], sizeof a[i]) == 0) continue;
        if (bad++ < 5)
            fprintf(stderr, "%s: node %zu metric %zu: %.17g, igraph %.17g\n", what, i / 3, i % 3,
                    a[i], b[i]);
    }
    return a && b ? bad : 1;
}

/* The work of every node as a source: sum over components of |C| (|C| + 2 m_C), from the
 * graph's distinct pairs (the test's own count, to check the budget's boundary). */
static double exact_work(const ng_graph *g, size_t *n_linked)
{
    size_t n = ng_graph_node_count(g), ne = ng_graph_edge_count(g);
    size_t *root = malloc((n + 1) * sizeof *root), *size = calloc(n + 1, sizeof *size);
    double *arcs = calloc(n + 1, sizeof *arcs), work = 0;
    char *seen = calloc(n * n + 1, 1); /* small graphs only: pairs seen */
    if (!root || !size || !arcs || !seen) goto done;
    for (size_t i = 0; i < n; i++) root[i] = i;
    for (size_t e = 0; e < ne; e++) {
        const ng_edge *ed = ng_graph_edge(g, e);
        size_t a = ed->source, b = ed->target;
        while (root[a] != a) a = root[a];
        while (root[b] != b) b = root[b];
        if (a != b) root[a] = b;
    }
    for (size_t e = 0; e < ne; e++) {
        const ng_edge *ed = ng_graph_edge(g, e);
        size_t a = ed->source < ed->target ? ed->source : ed->target;
        size_t b = ed->source ^ ed->target ^ a, r = a;
        if (seen[a * n + b]) continue;
        seen[a * n + b] = 1;
        while (root[r] != r) r = root[r];
        arcs[r] += 2;
    }
    *n_linked = 0;
    for (size_t i = 0; i < n; i++) {
        size_t r = i;
        while (root[r] != r) r = root[r];
        size[r]++;
    }
    for (size_t i = 0; i < n; i++) {
        if (root[i] != i || size[i] < 2) continue;
        work += (double)size[i] * ((double)size[i] + arcs[i]);
        *n_linked += size[i];
    }
done:
    free(root), free(size), free(arcs), free(seen);
    return work;
}

/* ------------------------------------------------------------------ the cases */

NG_TEST(test_sampling__exact_is_igraph_bit_for_bit)
{
    /* a sparse tree-like core (many equal-length paths through hubs), a denser one, and a
     * larger one; weights 1, 2, 3, 6 make 1/3 + 1/6 = 1/2 ties that igraph's tolerance
     * decides; every thread count gives igraph's bits */
    size_t sizes[] = {300, 400, 900}, links[] = {1, 3, 2};
    for (size_t t = 0; t < 3; t++) {
        ng_graph *g = generated(sizes[t], links[t], 7 + t);
        CHECK(g != NULL);
        if (!g) continue;
        size_t n = ng_graph_node_count(g), nonzero = 0;
        double *ref = igraph_reference(g);
        for (int threads = 1; threads <= 3; threads++) {
            ng_metrics_opts o = NG_METRICS_OPTS_INIT;
            o.threads = threads;
            CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
            CHECK_INT(ng_graph_metrics_sources(g), 0);
            double *ours = path_metrics(g);
            CHECK_INT(differing_bits(ours, ref, n, "exact"), 0);
            free(ours);
        }
        for (size_t i = 0; ref && i < 3 * n; i++) nonzero += ref[i] != 0;
        CHECK(nonzero > n); /* the comparison is not between zeros */
        free(ref);
        ng_graph_free(g);
    }
}

NG_TEST(test_sampling__budget_decides)
{
    ng_graph *g = generated(1200, 2, 1);
    CHECK(g != NULL);
    if (!g) return;
    size_t linked = 0;
    double work = exact_work(g, &linked);
    CHECK(work > 0);
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    /* the default budget: exact */
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    double *exact = path_metrics(g);
    /* a budget of exactly the work: exact; one source less than every linked node: the
     * core's share still rounds up to all of it (the sample shrinks with the budget, so
     * nothing jumps at the boundary) */
    o.budget = work;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    o.budget = work * (1.0 - 0.5 / (double)linked);
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    double *near = path_metrics(g);
    CHECK_INT(differing_bits(near, exact, ng_graph_node_count(g), "budget just below"), 0);
    /* 1% less: 1% fewer sources, estimates within a few percent of the exact values */
    o.budget = work * 0.99;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK(ng_graph_metrics_sources(g) >= 940 && ng_graph_metrics_sources(g) < 960);
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        const ng_metrics *m = &ng_graph_node(g, i)->m;
        if (exact && exact[3 * i + 1] > 0)
            CHECK(fabs(m->closeness - exact[3 * i + 1]) <= 0.02 * exact[3 * i + 1]);
    }
    /* half the work: about half the linked nodes as sources; the core (960 nodes) gets its
     * share k * 960 / linked, the fringe (pairs, paths of three) is computed exactly */
    o.budget = work / 2;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    double k = floor(work / 2 * (double)linked / work);
    CHECK_INT(ng_graph_metrics_sources(g), (size_t)ceil(k * 960 / (double)linked));
    /* a tiny budget: the fewest sources; opts.sources sets the sample size itself */
    o.budget = 1;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g),
              (size_t)ceil(NG_METRICS_SAMPLE_SOURCES * 960.0 / (double)linked));
    o.sources = 10; /* at least NG_METRICS_SAMPLE_WHOLE in a sampled component */
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), NG_METRICS_SAMPLE_WHOLE);
    /* exact forces the exact path whatever the budget */
    o.exact = 1;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    /* the options set on the graph are what ng_graph_compute_metrics uses (build, merge) */
    ng_metrics_opts s = NG_METRICS_OPTS_INIT;
    s.budget = 10;
    ng_graph_set_metrics_opts(g, &s);
    CHECK_OK(ng_graph_compute_metrics(g));
    CHECK(ng_graph_metrics_sources(g) > 0);
    s.exact = 1;
    ng_graph_set_metrics_opts(g, &s);
    CHECK_OK(ng_graph_compute_metrics(g));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    ng_graph_set_metrics_opts(g, NULL);
    CHECK_OK(ng_graph_compute_metrics(g));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    free(exact);
    free(near);
    ng_graph_free(g);
}

NG_TEST(test_sampling__deterministic)
{
    ng_graph *g = generated(600, 2, 3);
    CHECK(g != NULL);
    if (!g) return;
    size_t n = ng_graph_node_count(g);
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    o.budget = 1;
    o.sources = 100;
    o.threads = 1;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    double *first = path_metrics(g);
    size_t s1 = ng_graph_metrics_sources(g);
    CHECK(s1 > 0);
    /* the same bytes again, and on 2, 3 and 5 threads */
    for (int threads = 1; threads <= 5; threads += 1 + (threads == 3)) {
        o.threads = threads;
        CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
        double *again = path_metrics(g);
        CHECK_INT(ng_graph_metrics_sources(g), s1);
        CHECK(first && again && memcmp(first, again, 3 * n * sizeof *first) == 0);
        free(again);
    }
    /* a graph read again from scratch gives the same bytes too */
    ng_graph *h = generated(600, 2, 3);
    CHECK(h != NULL);
    if (h) {
        CHECK_OK(ng_graph_compute_metrics_opts(h, &o));
        double *third = path_metrics(h);
        CHECK(first && third && memcmp(first, third, 3 * n * sizeof *first) == 0);
        free(third);
    }
    /* and a different sample size gives different estimates (the sample matters) */
    o.sources = 200;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    double *other = path_metrics(g);
    CHECK(first && other && memcmp(first, other, 3 * n * sizeof *first) != 0);
    free(first);
    free(other);
    ng_graph_free(h);
    ng_graph_free(g);
}
/* indices of the `k` largest values of metric `w` (0 betweenness, 1 closeness, 2 harmonic) */
static void top_k(const double *v, size_t n, int w, size_t *out, size_t k)
{
    for (size_t j = 0; j < k; j++) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < n; i++) {
            int taken = 0;
            for (size_t t = 0; t < j; t++) taken |= out[t] == i;
            if (!taken && (best == SIZE_MAX || v[3 * i + w] > v[3 * best + w])) best = i;
        }
        out[j] = best;
    }
}

NG_TEST(test_sampling__estimates_close_on_mid_size_graph)
{
    ng_graph *g = generated(3000, 3, 11);
    CHECK(g != NULL);
    if (!g) return;
    size_t n = ng_graph_node_count(g);
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    o.exact = 1;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    double *exact = path_metrics(g);
    o.exact = 0;
    o.budget = 1;
    o.sources = 300; /* 10% of the nodes */
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    double *est = path_metrics(g);
    if (!exact || !est) {
        CHECK(0);
        goto done;
    }
    size_t ex[10], sa[20];
    for (int w = 0; w < 3; w++) {
        /* the 5 top nodes by exact value are among the 20 top of the estimate */
        top_k(exact, n, w, ex, 5);
        top_k(est, n, w, sa, 20);
        for (size_t j = 0; j < 5; j++) {
            int found = 0;
            for (size_t t = 0; t < 20; t++) found |= sa[t] == ex[j];
            if (!found)
                fprintf(stderr, "metric %d: exact #%zu not in the sampled top 20\n", w, j + 1);
            CHECK(found);
        }
        /* the top 10 by exact value are estimated within 35% (closeness: 5%) */
        top_k(exact, n, w, ex, 10);
        for (size_t j = 0; j < 10; j++) {
            double a = exact[3 * ex[j] + w], b = est[3 * ex[j] + w];
            double rel = fabs(b - a) / a;
            if (rel > (w == 1 ? 0.05 : 0.35))
                fprintf(stderr, "metric %d node %zu: exact %g estimate %g\n", w, ex[j], a, b);
            CHECK(rel <= (w == 1 ? 0.05 : 0.35));
        }
    }
done:
    free(exact);
    free(est);
    ng_graph_free(g);
}

/* Every metric of every node, and the graph's, as bytes (for the thread-count comparison). */
static ng_buf all_metrics(const ng_graph *g)
{
    ng_buf b = NG_BUF_INIT;
    for (size_t i = 0; i < ng_graph_node_count(g); i++)
        ng_buf_put(&b, (const char *)&ng_graph_node(g, i)->m, sizeof(ng_metrics));
    double q = ng_graph_modularity(g);
    size_t c = ng_graph_community_count(g), s = ng_graph_metrics_sources(g);
    ng_buf_put(&b, (const char *)&q, sizeof q);
    ng_buf_put(&b, (const char *)&c, sizeof c);
    ng_buf_put(&b, (const char *)&s, sizeof s);
    return b;
}

typedef struct {
    pthread_t caller;
    int others, pagerank, eigenvector, communities, paths;
} phases_seen;

static void on_phase(void *ctx, const char *phase, double seconds, double cpu)
{
    phases_seen *p = ctx;
    (void)seconds;
    (void)cpu;
    if (!pthread_equal(pthread_self(), p->caller)) p->others++;
    p->pagerank += strcmp(phase, "pagerank") == 0;
    p->eigenvector += strcmp(phase, "eigenvector") == 0;
    p->communities += strcmp(phase, "communities") == 0;
    p->paths += strncmp(phase, "betweenness, closeness, harmonic", 32) == 0;
}

/* With -j2 or more PageRank, eigenvector and Leiden run beside the path passes: every metric,
 * sampled or exact, is the same bytes as with one thread, and each phase is reported once,
 * from the caller's thread. */
NG_TEST(test_sampling__beside_the_passes_same_numbers)
{
    for (int sampled = 0; sampled <= 1; sampled++) {
        ng_graph *g = generated(400, 2, 7);
        CHECK(g != NULL);
        if (!g) return;
        ng_metrics_opts o = NG_METRICS_OPTS_INIT;
        o.budget = sampled ? 1 : 0;
        o.threads = 1;
        CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
        CHECK(sampled ? ng_graph_metrics_sources(g) > 0 : ng_graph_metrics_sources(g) == 0);
        ng_buf first = all_metrics(g);
        for (int threads = 2; threads <= 3; threads++) {
            phases_seen seen = {pthread_self(), 0, 0, 0, 0, 0};
            o.threads = threads;
            o.progress = on_phase;
            o.progress_ctx = &seen;
            CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
            ng_buf again = all_metrics(g);
            CHECK(first.len == again.len && memcmp(first.ptr, again.ptr, first.len) == 0);
            CHECK_INT(seen.others, 0);
            CHECK(seen.pagerank == 1 && seen.eigenvector == 1 && seen.communities == 1 &&
                  seen.paths == 1);
            ng_buf_free(&again);
        }
        ng_buf_free(&first);
        ng_graph_free(g);
    }
}

NG_TEST_MAIN(test_sampling__exact_is_igraph_bit_for_bit, test_sampling__budget_decides,
             test_sampling__deterministic, test_sampling__estimates_close_on_mid_size_graph,
             test_sampling__beside_the_passes_same_numbers)
