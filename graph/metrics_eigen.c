/* metrics_eigen.c - eigenvector centrality that never costs the user the graph.
 *
 * igraph_eigenvector_centrality runs ARPACK (implicitly restarted Lanczos) with a Krylov
 * space of 20 vectors and machine precision as its tolerance. When the two largest
 * eigenvalues of the adjacency are nearly equal it does not converge: on a chain of 3,000
 * actors the gap is 3e-6 of the eigenvalue, and 0.10.2 fails after 3,000 restarts ("Maximum
 * number of iterations reached", seconds to minutes) with no result. So:
 *   1. igraph's call as before (the same numbers wherever it converges), its restarts capped
 *      so that a failure costs at most the budget (a cap never changes a result that
 *      converges below it);
 *   2. else ARPACK again, called directly, with a Krylov space of up to 64 vectors and a
 *      tolerance of 1e-10 (the chain of 3,000 converges in about 60 restarts), the same start
 *      vector (the strengths) and the same scaling as igraph's (the largest entry 1,
 *      negative rounding noise 0); where 10 restarts of that space would exceed both its
 *      budget and about a second (millions of links), igraph's space of 20 vectors with the
 *      tolerance of 1e-10 instead, for at most NARROW_RESTARTS restarts (at most 1.5 times
 *      the first attempt): on the 1,000,000-actor benchmark graph hubs of nearly equal
 *      strength make the two largest eigenvalues close, and igraph's tolerance (machine
 *      precision) is not reached in 12 restarts where 1e-10 is in 10;
 *   3. else every node's eigenvector is NaN, written as an empty attribute, and
 *      g->metrics_warning says which metric and why. Nothing else is lost.
 * The work of each attempt is estimated as restarts x ncv x (n + 2m + ncv n) (the products
 * with the adjacency, and the reorthogonalization) and kept under 2 x the budget for the
 * first, 4 x for the second (the budget of the path metrics, NG_METRICS_BUDGET, counts
 * visits, each worth several of these operations). The first gets at least 10 restarts (a
 * well-separated eigenvalue converges in a few).
 */
#include "graph_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define IGRAPH_NCV 20    /* igraph_i_arpack_auto_ncv for one eigenvector */
#define WIDE_NCV 64
#define WIDE_TOL 1e-10
#define MIN_RESTARTS 10
#define MAX_RESTARTS 3000 /* igraph's default */
#define NARROW_RESTARTS 15
/* The fallback gets MIN_RESTARTS beyond its budget only while that stays this small (about a
 * second); on larger graphs it runs only when the budget pays for MIN_RESTARTS. */
#define SMALL_WORK 1e9

/* The work of one ARPACK restart with `ncv` vectors. */
static double restart_work(size_t n, size_t arcs, size_t ncv)
{
    return (double)ncv * ((double)n + (double)arcs + (double)ncv * (double)n);
}

/* Restarts that keep a run within `work`, at least `at_least`, at most igraph's default. */
static int restarts(double work, double per, int at_least)
{
    double r = floor(work / (per > 1 ? per : 1));
    if (r < at_least) r = at_least;
    return r > MAX_RESTARTS ? MAX_RESTARTS : (int)r;
}

/* The weighted adjacency times `from` (igraph_i_eigenvector_centrality2 on our adjacency). */
static igraph_error_t times_adjacency(igraph_real_t *to, const igraph_real_t *from, int n,
                                      void *extra)
{
    const ng_csr *g = extra;
    for (int i = 0; i < n; i++) {
        double sum = 0.0;
        for (size_t e = g->off[i]; e < g->off[i + 1]; e++) sum += from[g->adj[e]] / g->len[e];
        to[i] = sum;
    }
    return IGRAPH_SUCCESS;
}

/* igraph's scaling: divided by the entry of largest magnitude, negatives (noise) to 0; all 0
 * when the eigenvalue is not positive. */
static void store_scaled(ng_graph *g, const double *x, double value)
{
    size_t n = g->n_nodes, which = 0;
    double amax = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (fabs(x[i]) > amax) {
            amax = fabs(x[i]);
            which = i;
        }
    }
    for (size_t i = 0; i < n; i++) {
        double v = value <= 0 || amax == 0 ? 0.0 : x[i] / x[which];
        g->nodes[i].m.eigenvector = g->nodes[i].m.degree > 0 && v > 0 && isfinite(v) ? v : 0.0;
    }
}

/* Step 2: ARPACK with a wider Krylov space (or igraph's, on the largest graphs) and a looser
 * tolerance. */
static igraph_error_t wide_arpack(ng_graph *g, const ng_csr *adj, double work)
{
    igraph_error_t rc;
    size_t n = adj->n;
    igraph_arpack_options_t o;
    igraph_vector_t values = {0};
    igraph_matrix_t vectors = {0};

    igraph_arpack_options_init(&o);
    o.n = (int)n;
    o.nev = 1;
    o.ncv = (int)(n < WIDE_NCV ? n : WIDE_NCV);
    o.which[0] = 'L';
    o.which[1] = 'A';
    o.start = 1;
    o.tol = WIDE_TOL;
    double per = restart_work(n, adj->off[n], (size_t)o.ncv);
    o.mxiter = restarts(work, per, MIN_RESTARTS);
    if (work < MIN_RESTARTS * per && MIN_RESTARTS * per > SMALL_WORK) {
        o.ncv = IGRAPH_NCV; /* n is large here: SMALL_WORK was exceeded */
        o.mxiter = NARROW_RESTARTS;
    }
    if ((rc = igraph_vector_init(&values, 0)) != IGRAPH_SUCCESS ||
        (rc = igraph_matrix_init(&vectors, (igraph_integer_t)n, 1)) != IGRAPH_SUCCESS) {
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) /* the strengths, as igraph starts (less its noise) */
        MATRIX(vectors, i, 0) = g->nodes[i].m.strength > 0 ? g->nodes[i].m.strength : 1.0;
    rc = igraph_arpack_rssolve(times_adjacency, (void *)adj, &o, NULL, &values, &vectors);
    if (rc == IGRAPH_SUCCESS) store_scaled(g, &MATRIX(vectors, 0, 0), VECTOR(values)[0]);
cleanup:
    igraph_matrix_destroy(&vectors);
    igraph_vector_destroy(&values);
    return rc;
}

int ng_metrics__eigenvector(ng_graph *g, const igraph_t *proj, const igraph_vector_t *w,
                            const ng_csr *adj, double budget)
{
    int error;
    size_t n = g->n_nodes, arcs = adj->off[n];
    double work = 2.0 * budget;
    igraph_vector_t res = {0};
    igraph_real_t value;
    igraph_arpack_options_t arpack;
    igraph_error_t rc;

    if ((error = ng_igraph__check(igraph_vector_init(&res, 0))) < 0) return error;
    igraph_arpack_options_init(&arpack);
    arpack.mxiter = restarts(work, restart_work(n, arcs, n / 2 < IGRAPH_NCV ? n / 2 + 1 : IGRAPH_NCV),
                             MIN_RESTARTS);
    rc = igraph_eigenvector_centrality(proj, &res, &value, 0, 1, w, &arpack);
    if (rc == IGRAPH_SUCCESS) {
        for (size_t i = 0; i < n; i++) {
            double x = VECTOR(res)[i];
            g->nodes[i].m.eigenvector = g->nodes[i].m.degree > 0 && isfinite(x) ? x : 0.0;
        }
        goto cleanup;
    }
    if (rc == IGRAPH_ENOMEM) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    /* the first failure's reason (the handler put it in ng_error_last) names the cause */
    if ((rc = wide_arpack(g, adj, 2.0 * work)) == IGRAPH_SUCCESS) goto cleanup;
    if (rc == IGRAPH_ENOMEM) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) g->nodes[i].m.eigenvector = NAN;
    snprintf(g->metrics_warning, sizeof g->metrics_warning,
             "eigenvector centrality left empty: ARPACK did not converge on this graph of %zu "
             "actors and %zu links within the work budget (its two largest eigenvalues are "
             "nearly equal, as on long chains of actors); every other metric is complete",
             n, arcs / 2);
cleanup:
    igraph_vector_destroy(&res);
    return error;
}
