/* metrics_accuracy.c - how far the sampled betweenness, closeness and harmonic centrality
 * are from the exact values on one graph (the numbers in graph/README.md: Metrics).
 *
 * usage: ng_metrics_accuracy GRAPH.graphml [SOURCES[,SOURCES...]]
 * The reference is the exact computation (--exact: igraph's numbers bit for bit, as
 * test_metrics_sampling checks, on every core). Each estimate is the sampled computation
 * with SOURCES sources forced whatever the size (0: NG_METRICS_SAMPLE_SOURCES), or, for
 * "default", what `newsgraph` does by default (exact within the budget, else as many
 * sources as the budget allows).
 * Only nodes of components larger than NG_METRICS_SAMPLE_WHOLE count (smaller ones are
 * computed exactly and would flatter the numbers). Prints one TSV line per metric: metric,
 * nodes counted, sources, Spearman rank correlation over them, mean relative error over the
 * 100 top by exact value, how many of the exact top 10 are in the estimated top 20,
 * seconds of the estimate and of the reference.
 */
#include "ng_graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    double v;
    size_t i;
} item;

static int cmp_desc(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->v != y->v) return x->v > y->v ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* Ranks (1 = highest; ties get their average rank) of v[0..n). */
static void ranks(const double *v, size_t n, double *out, item *tmp)
{
    for (size_t i = 0; i < n; i++) tmp[i] = (item){v[i], i};
    qsort(tmp, n, sizeof *tmp, cmp_desc);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && tmp[j].v == tmp[i].v) j++;
        double r = (double)(i + j + 1) / 2.0;
        for (size_t k = i; k < j; k++) out[tmp[k].i] = r;
        i = j;
    }
}

static double pearson(const double *a, const double *b, size_t n)
{
    double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
    for (size_t i = 0; i < n; i++) ma += a[i], mb += b[i];
    ma /= (double)n;
    mb /= (double)n;
    for (size_t i = 0; i < n; i++) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : 1.0;
}

static size_t find(size_t *parent, size_t v)
{
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
}

static double get(const ng_metrics *m, int which)
{
    return which == 0 ? m->betweenness : which == 1 ? m->closeness : m->harmonic;
}

int main(int argc, char **argv)
{
    ng_graph *g = NULL;
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: ng_metrics_accuracy GRAPH.graphml [SOURCES|default[,...]]\n");
        return 2;
    }
    if (ng_graph_read_graphml(&g, argv[1]) < 0) {
        fprintf(stderr, "ng_metrics_accuracy: %s\n", ng_error_last());
        return 1;
    }
    size_t n = ng_graph_node_count(g);
    ng_metrics *ref = calloc(n ? n : 1, sizeof *ref), *est = calloc(n ? n : 1, sizeof *est);
    double *a = calloc(n ? n : 1, sizeof *a), *b = calloc(n ? n : 1, sizeof *b);
    double *ra = calloc(n ? n : 1, sizeof *ra), *rb = calloc(n ? n : 1, sizeof *rb);
    item *tmp = calloc(n ? n : 1, sizeof *tmp), *top = calloc(n ? n : 1, sizeof *top);
    if (!ref || !est || !a || !b || !ra || !rb || !tmp || !top) return 1;

    /* the nodes of components over NG_METRICS_SAMPLE_WHOLE nodes (union-find) */
    size_t *parent = calloc(n ? n : 1, sizeof *parent), *csize = calloc(n ? n : 1, sizeof *csize);
    size_t *keep = calloc(n ? n : 1, sizeof *keep), nk = 0;
    if (!parent || !csize || !keep) return 1;
    for (size_t i = 0; i < n; i++) parent[i] = i;
    for (size_t e = 0; e < ng_graph_edge_count(g); e++) {
        const ng_edge *ed = ng_graph_edge(g, e);
        size_t x = find(parent, ed->source), y = find(parent, ed->target);
        if (x != y) parent[x] = y;
    }
    for (size_t i = 0; i < n; i++) csize[find(parent, i)]++;
    for (size_t i = 0; i < n; i++)
        if (csize[find(parent, i)] > NG_METRICS_SAMPLE_WHOLE) keep[nk++] = i;

    ng_metrics_opts r = NG_METRICS_OPTS_INIT;
    r.exact = 1;
    double t = ng_clock_seconds();
    if (ng_graph_compute_metrics_opts(g, &r) < 0) goto fail;
    double t_ref = ng_clock_seconds() - t;
    for (size_t i = 0; i < n; i++) ref[i] = ng_graph_node(g, i)->m;

    static const char *const names[] = {"betweenness", "closeness", "harmonic"};
    printf("metric\tnodes\tsources\tspearman\ttop100_mean_rel_err\ttop10_in_top20\t"
           "seconds_sampled\tseconds_exact\n");
    const char *list = argc >= 3 ? argv[2] : "0";
    for (const char *p = list; *p;) {
        ng_metrics_opts o = NG_METRICS_OPTS_INIT;
        if (strncmp(p, "default", 7) != 0) {
            o.budget = 1; /* forces a sample of exactly o.sources */
            o.sources = (size_t)strtoul(p, NULL, 10);
        }
        p += strcspn(p, ",");
        if (*p == ',') p++;
        t = ng_clock_seconds();
        if (ng_graph_compute_metrics_opts(g, &o) < 0) goto fail;
        double t_est = ng_clock_seconds() - t;
        size_t sources = ng_graph_metrics_sources(g);
        for (size_t i = 0; i < n; i++) est[i] = ng_graph_node(g, i)->m;
        for (int w = 0; w < 3; w++) {
            for (size_t j = 0; j < nk; j++)
                a[j] = get(&ref[keep[j]], w), b[j] = get(&est[keep[j]], w);
            ranks(a, nk, ra, tmp);
            ranks(b, nk, rb, tmp);
            double rho = pearson(ra, rb, nk);
            for (size_t i = 0; i < nk; i++) top[i] = (item){a[i], i};
            qsort(top, nk, sizeof *top, cmp_desc);
            size_t k = nk < 100 ? nk : 100;
            double err = 0;
            for (size_t j = 0; j < k; j++) {
                size_t i = top[j].i;
                err += a[i] != 0 ? fabs(b[i] - a[i]) / fabs(a[i]) : fabs(b[i]);
            }
            size_t hits = 0;
            for (size_t j = 0; j < 10 && j < nk; j++) hits += rb[top[j].i] <= 20.5;
            printf("%s\t%zu\t%zu\t%.4f\t%.4f\t%zu\t%.2f\t%.2f\n", names[w], nk, sources, rho,
                   k ? err / (double)k : 0.0, hits, t_est, t_ref);
            fflush(stdout);
        }
    }
    ng_graph_free(g);
    free(parent), free(csize), free(keep);
    free(ref), free(est), free(a), free(b), free(ra), free(rb), free(tmp), free(top);
    return 0;
fail:
    fprintf(stderr, "ng_metrics_accuracy: %s\n", ng_error_last());
    ng_graph_free(g);
    return 1;
}
