/* test_metrics_sampling.c - betweenness, closeness and harmonic centrality estimated from
 * sampled sources (graph/metrics_sample.c): when the sampled path is taken, that a sample of
 * every node gives igraph's exact values, determinism, and a sanity bound on the estimate.
 * The graphs are generated here (a seeded preferential attachment), read back through
 * GraphML like `newsgraph metrics` does. */
#include "ng_graph.h"
#include "ng_test.h"

#include <math.h>
#include <stdint.h>
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

/* A graph of `n` actors: a preferential-attachment core of n - n/5 actors with `links` links
 * per new actor and weights 1..4, then pairs and paths of three, then isolated actors. */
static ng_graph *generated(size_t n, size_t links, uint64_t seed)
{
    static const char *const rels[] = {"met", "signed", "condemned", "member_of"};
    const char *path = tmp_path("gen.graphml");
    FILE *f = fopen(path, "w");
    if (!f) return NULL;
    fprintf(f, "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
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
            fprintf(f, "<edge source=\"v%05zu\" target=\"v%05zu\"><data key=\"r\">%s</data>"
                       "<data key=\"w\">%u</data></edge>\n",
                    v, u, rels[rng_next(&seed) % 4], (unsigned)(1 + rng_next(&seed) % 4));
            ends[n_ends++] = u;
            ends[n_ends++] = v;
        }
    }
    free(ends);
    /* the fringe: pairs and paths of three, then the last actors isolated */
    for (size_t v = core; v + 3 < n; v += 3) {
        fprintf(f, "<edge source=\"v%05zu\" target=\"v%05zu\"><data key=\"r\">met</data></edge>\n", v, v + 1);
        if (v % 2)
            fprintf(f, "<edge source=\"v%05zu\" target=\"v%05zu\"><data key=\"r\">met</data></edge>\n", v + 1, v + 2);
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

static int close_to(double a, double b) { return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(b)); }

/* ------------------------------------------------------------------ the cases */

NG_TEST(test_sampling__threshold_decides)
{
    ng_graph *g = generated(300, 2, 1);
    CHECK(g != NULL);
    if (!g) return;
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    /* 300 nodes: below the default threshold, exact */
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    /* at the threshold: still exact; one node above: sampled */
    o.exact_max = 300;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    o.exact_max = 299;
    o.sources = 150;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    /* the core (240 nodes) gets 150 * 240 / 300 = 120 sources; the fringe (10 pairs, 9
     * paths of three, isolated actors) is computed exactly and counts for none */
    CHECK_INT(ng_graph_metrics_sources(g), 120);
    o.sources = 10; /* at least NG_METRICS_SAMPLE_WHOLE in a sampled component */
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), NG_METRICS_SAMPLE_WHOLE);
    o.sources = 150;
    /* exact forces the exact path whatever the size */
    o.exact = 1;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    /* the options set on the graph are what ng_graph_compute_metrics uses (build, merge) */
    ng_metrics_opts s = NG_METRICS_OPTS_INIT;
    s.exact_max = 10;
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
    ng_graph_free(g);
}

NG_TEST(test_sampling__every_node_as_source_is_exact)
{
    /* two graph shapes: a sparse tree-like core (many equal-length paths through hubs) and
     * a denser one with weights, where 1/3 + 1/6 = 1/2 ties must be counted as igraph does */
    size_t links[] = {1, 3};
    for (size_t t = 0; t < 2; t++) {
        ng_graph *g = generated(400, links[t], 7 + t);
        CHECK(g != NULL);
        if (!g) continue;
        size_t n = ng_graph_node_count(g);
        ng_metrics_opts o = NG_METRICS_OPTS_INIT;
        o.exact = 1;
        CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
        double *exact = path_metrics(g);
        double pagerank0 = ng_graph_node(g, 0)->m.pagerank;
        o.exact = 0;
        o.exact_max = 1;
        o.sources = n;
        CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
        CHECK(ng_graph_metrics_sources(g) > 0);
        double *sampled = path_metrics(g);
        size_t bad = 0, nonzero = 0;
        for (size_t i = 0; exact && sampled && i < 3 * n; i++) {
            if (!close_to(sampled[i], exact[i])) {
                if (bad++ < 5)
                    fprintf(stderr, "node %zu metric %zu: sampled %.17g exact %.17g\n", i / 3,
                            i % 3, sampled[i], exact[i]);
            }
            nonzero += exact[i] != 0;
        }
        CHECK_INT(bad, 0);
        CHECK(nonzero > n); /* the comparison is not between zeros */
        CHECK(ng_graph_node(g, 0)->m.pagerank == pagerank0); /* the rest is unchanged */
        free(exact);
        free(sampled);
        ng_graph_free(g);
    }
}

NG_TEST(test_sampling__deterministic)
{
    ng_graph *g = generated(600, 2, 3);
    CHECK(g != NULL);
    if (!g) return;
    size_t n = ng_graph_node_count(g);
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    o.exact_max = 100;
    o.sources = 100;
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    double *first = path_metrics(g);
    size_t s1 = ng_graph_metrics_sources(g);
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    double *second = path_metrics(g);
    CHECK_INT(ng_graph_metrics_sources(g), s1);
    CHECK(first && second && memcmp(first, second, 3 * n * sizeof *first) == 0);
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
    free(second);
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
    o.exact_max = 1000;
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
            if (!found) fprintf(stderr, "metric %d: exact #%zu not in the sampled top 20\n", w, j + 1);
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

NG_TEST_MAIN(test_sampling__threshold_decides, test_sampling__every_node_as_source_is_exact,
             test_sampling__deterministic, test_sampling__estimates_close_on_mid_size_graph)
