/* test_metrics_shapes.c - every metric on graphs of known shape (issue 18: a metric that
 * cannot be computed must never cost the graph): paths (closed forms, and long enough that
 * ARPACK does not converge), stars, disconnected graphs, regular and near-regular cycles,
 * one node, no node, several relations between the same pair. Each graph is also checked
 * for what must hold on any graph (finite values, PageRank summing to 1, eigenvector at most
 * 1, communities numbered from 0 in node order). */
#include "ng_graph.h"
#include "ng_test.h"
#include "test_rel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int NEAR(double a, double b) { return fabs(a - b) <= 1e-9 * (fabs(a) + fabs(b)) + 1e-12; }

/* One relation, `times` times (each a supporting mention: weight `times`). */
typedef struct {
    int a, b;
    ng_rel rel;
    int times;
} link;

/* A graph of n people "N0000", "N0001", ... (node i is the i-th: ids sort as numbers) with
 * the links given, its metrics computed with `o` (NULL = the defaults). */
static ng_graph *shape(size_t n, const link *ls, size_t nl, const ng_metrics_opts *o)
{
    ng_doc *d = NULL;
    ng_graph *g = NULL;
    char key[48], label[32];
    if (ng_doc_new(&d, "shape", "shape") < 0) return NULL;
    for (size_t i = 0; i < n; i++) {
        snprintf(key, sizeof key, "person:n%04zu", i);
        snprintf(label, sizeof label, "N%04zu", i);
        ng_actor a = {key, label, NG_ETYPE_PERSON, 1, 0, label};
        if (ng_doc_add_actor(d, &a, NULL) < 0) abort();
    }
    uint64_t offset = 0;
    for (size_t i = 0; i < nl; i++) {
        for (int k = 0; k < ls[i].times; k++) {
            ng_relation r;
            memset(&r, 0, sizeof r);
            r.source = (uint32_t)ls[i].a;
            r.target = (uint32_t)ls[i].b;
            r.rel = ls[i].rel;
            r.sentence = "s";
            r.offset = offset++;
            if (ng_doc_add_relation(d, &r) < 0) abort();
        }
    }
    if (ng_graph_new(&g) < 0 || ng_graph_add_doc(g, d) < 0 || ng_graph_finish(g) < 0 ||
        ng_graph_compute_metrics_opts(g, o) < 0) {
        fprintf(stderr, "shape: %s\n", ng_error_last());
        ng_graph_free(g);
        g = NULL;
    }
    ng_doc_free(d);
    return g;
}

static const ng_metrics *M(const ng_graph *g, size_t i) { return &ng_graph_node(g, i)->m; }

/* A path 0 - 1 - ... - (n-1), weight 1; ls must hold n - 1 links. */
static size_t path_links(link *ls, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) ls[i] = (link){(int)i, (int)i + 1, ng_test_rel("met"), 1};
    return n - 1;
}

/* What holds on every graph; `eigen_empty`: eigenvector centrality was left empty. */
static void check_sane(const ng_graph *g, int eigen_empty)
{
    size_t n = ng_graph_node_count(g), communities = ng_graph_community_count(g), next = 0;
    double pagerank = 0, eigen_max = 0;
    for (size_t i = 0; i < n; i++) {
        const ng_metrics *m = M(g, i);
        double v[] = {m->degree, m->in_degree, m->out_degree, m->strength, m->betweenness,
                      m->closeness, m->harmonic, m->pagerank};
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) CHECK(isfinite(v[k]) && v[k] >= 0);
        if (eigen_empty) {
            CHECK(isnan(m->eigenvector));
        } else {
            CHECK(isfinite(m->eigenvector) && m->eigenvector >= 0 && m->eigenvector <= 1 + 1e-12);
            if (m->eigenvector > eigen_max) eigen_max = m->eigenvector;
        }
        pagerank += m->pagerank;
        /* communities are numbered in the order of their first node */
        CHECK(m->community >= 0 && (size_t)m->community < communities);
        CHECK((size_t)m->community <= next);
        if ((size_t)m->community == next) next++;
    }
    if (n > 0) CHECK(NEAR(pagerank, 1));
    if (!eigen_empty && ng_graph_edge_count(g) > 0) CHECK(NEAR(eigen_max, 1));
    CHECK((ng_graph_metrics_warning(g) != NULL) == eigen_empty);
}

/* ------------------------------------------------------------------ the cases */

NG_TEST(test_shapes__path_closed_forms)
{
    enum { N = 9 };
    link ls[N];
    ng_graph *g = shape(N, ls, path_links(ls, N), NULL);
    CHECK(g != NULL);
    if (!g) return;
    check_sane(g, 0);
    double top = sin(M_PI * ((N + 1) / 2) / (N + 1));
    for (size_t k = 0; k < N; k++) {
        const ng_metrics *m = M(g, k);
        double left = (double)k, right = (double)(N - 1 - k), h = 0;
        for (size_t j = 1; j <= k; j++) h += 1.0 / (double)j;
        for (size_t j = 1; j <= N - 1 - k; j++) h += 1.0 / (double)j;
        CHECK(NEAR(m->degree, (k == 0 || k == N - 1) ? 1 : 2));
        CHECK(m->in_degree == 0 && m->out_degree == 0); /* met is not directed */
        CHECK(NEAR(m->betweenness, left * right));
        CHECK(NEAR(m->closeness, (N - 1) / (left * (left + 1) / 2 + right * (right + 1) / 2)));
        CHECK(NEAR(m->harmonic, h));
        /* the leading eigenvector of a path: sin((k + 1) pi / (n + 1)), ARPACK's tolerance */
        CHECK(fabs(m->eigenvector - sin(M_PI * (double)(k + 1) / (N + 1)) / top) < 1e-9);
        CHECK(NEAR(m->pagerank, M(g, N - 1 - k)->pagerank)); /* symmetric */
    }
    ng_graph_free(g);
}

NG_TEST(test_shapes__long_path_eigenvector_falls_back)
{
    /* 200 actors in a chain, with a budget so small that igraph's ARPACK call gets its
     * minimum of 10 restarts and fails (it needs about 80 on a chain of 300): the wider
     * search still finds the eigenvector (sin((k + 1) pi / 201)); nothing is lost */
    enum { N = 200 };
    link ls[N];
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    o.budget = 1;
    ng_graph *g = shape(N, ls, path_links(ls, N), &o);
    CHECK(g != NULL);
    if (!g) return;
    check_sane(g, 0);
    double top = sin(M_PI * 100 / (N + 1)), worst = 0;
    for (size_t k = 0; k < N; k++) {
        double want = sin(M_PI * (double)(k + 1) / (N + 1)) / top;
        double err = fabs(M(g, k)->eigenvector - want);
        if (err > worst) worst = err;
        CHECK(NEAR(M(g, k)->betweenness, (double)k * (double)(N - 1 - k))); /* exact: 200 < 256 */
    }
    if (worst > 1e-6) fprintf(stderr, "eigenvector of the chain: off by %g\n", worst);
    CHECK(worst <= 1e-6);
    ng_graph_free(g);
}

NG_TEST(test_shapes__eigenvector_left_empty_with_a_warning)
{
    /* 2,000 actors in a chain with the smallest budget: neither ARPACK run converges; the
     * eigenvector is NaN (an empty attribute) everywhere, one warning names it, and every
     * other metric is computed as without the failure */
    enum { N = 2000 };
    static link ls[N];
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    o.budget = 1;
    o.sources = N; /* every node a source: the path metrics are exact and checkable */
    ng_graph *g = shape(N, ls, path_links(ls, N), &o);
    CHECK(g != NULL);
    if (!g) return;
    check_sane(g, 1);
    const char *why = ng_graph_metrics_warning(g);
    CHECK(why && strstr(why, "eigenvector centrality left empty") && strstr(why, "2000 actors"));
    CHECK_INT(ng_graph_metrics_sources(g), 0);
    CHECK(NEAR(M(g, 1000)->betweenness, 1000.0 * 999.0));
    CHECK(ng_graph_community_count(g) > 1);
    ng_graph_free(g);
}

NG_TEST(test_shapes__eigenvector_narrow_retry_on_large_graphs)
{
    /* 25,000 actors in a chain with the smallest budget: the wide search (64 vectors) would
     * cost more than its budget and about a second, so the retry uses igraph's 20 vectors
     * with the looser tolerance, which on a chain this long does not converge either: the
     * column stays empty with the warning, nothing else is lost */
    enum { N = 25000 };
    static link ls[N];
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    o.budget = 1;
    ng_graph *g = shape(N, ls, path_links(ls, N), &o);
    CHECK(g != NULL);
    if (!g) return;
    const char *why = ng_graph_metrics_warning(g);
    CHECK(why && strstr(why, "eigenvector centrality left empty") && strstr(why, "25000 actors"));
    CHECK(isnan(M(g, 0)->eigenvector) && isnan(M(g, N / 2)->eigenvector));
    CHECK(ng_graph_metrics_sources(g) > 0);
    CHECK(M(g, N / 2)->betweenness > 0 && M(g, N / 2)->pagerank > 0);
    ng_graph_free(g);
}

NG_TEST(test_shapes__star)
{
    enum { K = 6 };
    link ls[K];
    for (int i = 0; i < K; i++) ls[i] = (link){0, i + 1, ng_test_rel("condemned"), 1};
    ng_graph *g = shape(K + 1, ls, K, NULL);
    CHECK(g != NULL);
    if (!g) return;
    check_sane(g, 0);
    const ng_metrics *c = M(g, 0), *leaf = M(g, 3);
    CHECK(NEAR(c->degree, K) && NEAR(c->out_degree, K) && c->in_degree == 0);
    CHECK(NEAR(leaf->in_degree, 1) && leaf->out_degree == 0);
    CHECK(NEAR(c->betweenness, K * (K - 1) / 2.0) && leaf->betweenness == 0);
    CHECK(NEAR(c->closeness, 1) && NEAR(leaf->closeness, K / (1.0 + 2.0 * (K - 1))));
    CHECK(NEAR(c->harmonic, K) && NEAR(leaf->harmonic, 1 + (K - 1) / 2.0));
    CHECK(NEAR(c->eigenvector, 1) && NEAR(leaf->eigenvector, 1 / sqrt(K)));
    CHECK(c->pagerank > leaf->pagerank);
    ng_graph_free(g);
}

NG_TEST(test_shapes__disconnected)
{
    /* a triangle 0-1-2, a path 3-4-5, node 6 alone, a pair 7-8 of weight 5 (its eigenvalue
     * 5 beats the triangle's 2: the eigenvector lives there) */
    link ls[] = {{0, 1, ng_test_rel("met"), 1}, {1, 2, ng_test_rel("met"), 1},
                 {0, 2, ng_test_rel("met"), 1}, {3, 4, ng_test_rel("met"), 1},
                 {4, 5, ng_test_rel("met"), 1}, {7, 8, ng_test_rel("signed"), 5}};
    ng_graph *g = shape(9, ls, sizeof ls / sizeof ls[0], NULL);
    CHECK(g != NULL);
    if (!g) return;
    check_sane(g, 0);
    CHECK(M(g, 0)->betweenness == 0 && NEAR(M(g, 4)->betweenness, 1));
    CHECK(NEAR(M(g, 0)->closeness, 1) && NEAR(M(g, 3)->closeness, 2 / 3.0));
    CHECK(NEAR(M(g, 7)->closeness, 5) && NEAR(M(g, 7)->harmonic, 5));
    CHECK(M(g, 6)->closeness == 0 && M(g, 6)->harmonic == 0 && M(g, 6)->degree == 0);
    CHECK(NEAR(M(g, 7)->eigenvector, 1) && NEAR(M(g, 8)->eigenvector, 1));
    for (size_t i = 0; i < 7; i++) CHECK(M(g, i)->eigenvector < 1e-6);
    CHECK(M(g, 0)->community == M(g, 2)->community && M(g, 0)->community != M(g, 3)->community);
    CHECK(M(g, 6)->community != M(g, 5)->community && M(g, 6)->community != M(g, 7)->community);
    ng_graph_free(g);
}

NG_TEST(test_shapes__regular_and_near_regular)
{
    /* a cycle of 9: every node alike */
    enum { N = 9 };
    link ls[N + 2];
    for (int i = 0; i < N; i++) ls[i] = (link){i, (i + 1) % N, ng_test_rel("met"), 1};
    ng_graph *g = shape(N, ls, N, NULL);
    CHECK(g != NULL);
    if (g) {
        check_sane(g, 0);
        for (size_t k = 0; k < N; k++) {
            CHECK(NEAR(M(g, k)->betweenness, (N - 1) * (N - 3) / 8.0));
            CHECK(NEAR(M(g, k)->closeness, 8.0 / 20.0));
            CHECK(NEAR(M(g, k)->harmonic, 2 * (1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0)));
            CHECK(NEAR(M(g, k)->eigenvector, 1) && NEAR(M(g, k)->pagerank, 1.0 / N));
        }
    }
    ng_graph_free(g);
    /* a cycle of 10 (bipartite: eigenvalues 2 and -2) with one chord 0-5: rotating by five
     * maps it onto itself, so node k and node k + 5 share every metric */
    link lc[11];
    for (int i = 0; i < 10; i++) lc[i] = (link){i, (i + 1) % 10, ng_test_rel("met"), 1};
    lc[10] = (link){0, 5, ng_test_rel("met"), 1};
    g = shape(10, lc, 11, NULL);
    CHECK(g != NULL);
    if (g) {
        check_sane(g, 0);
        for (size_t k = 0; k < 5; k++) {
            const ng_metrics *a = M(g, k), *b = M(g, k + 5);
            CHECK(NEAR(a->betweenness, b->betweenness) && NEAR(a->closeness, b->closeness));
            CHECK(NEAR(a->harmonic, b->harmonic) && NEAR(a->pagerank, b->pagerank));
            CHECK(fabs(a->eigenvector - b->eigenvector) < 1e-9);
        }
        CHECK(M(g, 0)->betweenness > M(g, 2)->betweenness);
        CHECK(NEAR(M(g, 0)->eigenvector, 1));
    }
    ng_graph_free(g);
}

NG_TEST(test_shapes__one_node_and_none)
{
    ng_graph *g = shape(1, NULL, 0, NULL);
    CHECK(g != NULL);
    if (g) {
        check_sane(g, 0);
        CHECK(NEAR(M(g, 0)->pagerank, 1) && M(g, 0)->eigenvector == 0);
        CHECK(M(g, 0)->betweenness == 0 && M(g, 0)->closeness == 0 && M(g, 0)->harmonic == 0);
        CHECK_INT(ng_graph_community_count(g), 1);
    }
    ng_graph_free(g);
    g = shape(0, NULL, 0, NULL);
    CHECK(g != NULL);
    if (g) {
        check_sane(g, 0);
        CHECK_INT(ng_graph_node_count(g), 0);
        CHECK(ng_graph_has_metrics(g) && ng_graph_metrics_sources(g) == 0);
    }
    ng_graph_free(g);
}

NG_TEST(test_shapes__several_relations_one_pair)
{
    /* 0 and 1: met twice, signed once, 0 condemned 1 once, 1 condemned 0 three times (four
     * edges, one link of weight 7); 1 - 2 once; a self-loop (0 condemned 0) is dropped */
    link ls[] = {{0, 1, ng_test_rel("met"), 2},       {0, 1, ng_test_rel("signed"), 1},
                 {0, 1, ng_test_rel("condemned"), 1}, {1, 0, ng_test_rel("condemned"), 3},
                 {1, 2, ng_test_rel("met"), 1},       {0, 0, ng_test_rel("condemned"), 2}};
    ng_graph *g = shape(3, ls, sizeof ls / sizeof ls[0], NULL);
    CHECK(g != NULL);
    if (!g) return;
    check_sane(g, 0);
    CHECK_INT(ng_graph_edge_count(g), 5);
    const ng_metrics *a = M(g, 0), *b = M(g, 1), *c = M(g, 2);
    CHECK(NEAR(a->degree, 1) && NEAR(a->strength, 7) && NEAR(b->strength, 8));
    CHECK(NEAR(a->in_degree, 1) && NEAR(a->out_degree, 1)); /* condemned, both ways */
    CHECK(NEAR(b->betweenness, 1));
    /* distances: 0-1 1/7, 1-2 1, 0-2 8/7 */
    CHECK(NEAR(a->closeness, 2 / (1 / 7.0 + 8 / 7.0)) && NEAR(c->harmonic, 1 + 7 / 8.0));
    /* adjacency [[0,7,0],[7,0,1],[0,1,0]]: lambda = sqrt 50, x = (7, sqrt 50, 1) / sqrt 50 */
    CHECK(NEAR(b->eigenvector, 1) && NEAR(a->eigenvector, 7 / sqrt(50)));
    CHECK(NEAR(c->eigenvector, 1 / sqrt(50)));
    ng_graph_free(g);
}

NG_TEST_MAIN(test_shapes__path_closed_forms, test_shapes__long_path_eigenvector_falls_back,
             test_shapes__eigenvector_left_empty_with_a_warning,
             test_shapes__eigenvector_narrow_retry_on_large_graphs, test_shapes__star,
             test_shapes__disconnected, test_shapes__regular_and_near_regular,
             test_shapes__one_node_and_none, test_shapes__several_relations_one_pair)
