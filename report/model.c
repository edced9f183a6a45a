/* model.c - selects and sorts what the report shows (see report_internal.h).
 *
 * Every ordering ends on node or edge index, which the graph stage makes stable (nodes by id,
 * edges by source, relation, target), so the same graph always gives the same report. */
#include "report_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const report_metric_info metric_info[REPORT_METRIC__COUNT] = {
    [REPORT_DEGREE] = {"degree", "Degree", "Who deals with the most actors?",
                       "number of distinct actors linked to it by any relation, in either direction"},
    [REPORT_STRENGTH] = {"strength", "Strength", "Who is most often reported in relations?",
                         "sum of the weights (supporting mentions) of all its links"},
    [REPORT_BETWEENNESS] = {"betweenness", "Betweenness", "Who brokers between others?",
                            "number of shortest paths between other actors that pass through it "
                            "(path length = 1/weight; unnormalized)"},
    [REPORT_CLOSENESS] = {"closeness", "Closeness",
                          "Who is nearest to everyone in the largest connected part?",
                          "actors it can reach divided by the sum of its distances to them "
                          "(distance = 1/weight)"},
    [REPORT_HARMONIC] = {"harmonic", "Harmonic", "Who is near many actors, across parts?",
                         "sum of 1/distance to every other actor (unreachable actors add 0)"},
    [REPORT_PAGERANK] = {"pagerank", "PageRank", "Who is linked to by well-linked actors?",
                         "share of a random walk along weighted links that stays at it "
                         "(damping 0.85)"},
    [REPORT_EIGENVECTOR] = {"eigenvector", "Eigenvector", "Who sits in the densest core?",
                            "leading eigenvector of the weighted links, scaled so the top actor "
                            "is 1"},
};

const report_metric_info *report_metric_get(report_metric m) { return &metric_info[m]; }

double report_metric_value(const ng_node *n, report_metric m)
{
    switch (m) {
    case REPORT_DEGREE: return n->m.degree;
    case REPORT_STRENGTH: return n->m.strength;
    case REPORT_BETWEENNESS: return n->m.betweenness;
    case REPORT_CLOSENESS: return n->m.closeness;
    case REPORT_HARMONIC: return n->m.harmonic;
    case REPORT_PAGERANK: return n->m.pagerank;
    case REPORT_EIGENVECTOR: return n->m.eigenvector;
    case REPORT_METRIC__COUNT: break;
    }
    return NAN;
}

void report_format_number(char *buf, size_t size, double v)
{
    if (!isfinite(v)) snprintf(buf, size, "n/a");
    else if ((v == floor(v) || fabs(v) >= 1000) && fabs(v) < 1e15) snprintf(buf, size, "%.0f", v);
    else if (fabs(v) >= 0.001 && fabs(v) < 1e6) snprintf(buf, size, "%.4g", v);
    else snprintf(buf, size, "%.3e", v);
}

void report_date_range(char *buf, size_t size, const char *first, const char *last)
{
    if (!first || !first[0]) snprintf(buf, size, "undated");
    else if (!last || !last[0] || strcmp(first, last) == 0) snprintf(buf, size, "%s", first);
    else snprintf(buf, size, "%s to %s", first, last);
}

int report_link_ok(const char *url)
{
    if (!url || !(strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0))
        return 0;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '\'' || *p == '<' || *p == '>' ||
            *p == '\\' || *p == '`')
            return 0;
    }
    return 1;
}

size_t report_edge_articles(const ng_edge *e)
{
    return e->articles ? e->articles : report_count_parts(e->sources);
}

size_t report_count_parts(const char *s)
{
    size_t n = 0;
    if (!s || !*s) return 0;
    for (n = 1; *s; s++) n += *s == '|';
    return n;
}

int report_shows_rel(const report_model *m, ng_rel r)
{
    return r < ng_rel_count() && (ng_rel_builtin(r) || (m->declared >> r & 1u));
}

void report_mutual_names(ng_buf *b, const report_model *m, const char *pre, const char *post)
{
    size_t total = 0, k = 0;
    for (ng_rel r = 0; r < ng_rel_count(); r++) total += report_shows_rel(m, r) && ng_rel_symmetric(r);
    for (ng_rel r = 0; r < ng_rel_count(); r++) {
        if (!report_shows_rel(m, r) || !ng_rel_symmetric(r)) continue;
        if (k) ng_buf_puts(b, k + 1 == total ? " and " : ", ");
        ng_buf_printf(b, "%s%s%s", pre, ng_rel_name(r), post);
        k++;
    }
}

/* ---------------------------------------------------------------- sorting with context */

/* qsort has no context argument: sort small index records that carry their keys. */
typedef struct keyed {
    double key;  /* larger first */
    const char *text; /* then this, ascending (NULL = unused) */
    size_t index;     /* then index, ascending */
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key) return x->key > y->key ? -1 : 1;
    if (x->text && y->text) {
        int c = strcmp(x->text, y->text);
        if (c) return c;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Sorts `n` keyed records and copies at most `limit` indices into a new array. */
static int take_sorted(size_t **out, size_t *n_out, keyed *k, size_t n, size_t limit)
{
    *out = NULL;
    *n_out = 0;
    qsort(k, n, sizeof *k, cmp_keyed);
    if (n > limit) n = limit;
    if (n == 0) return NG_OK;
    if (!(*out = ng_malloc(n * sizeof **out))) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++) (*out)[i] = k[i].index;
    *n_out = n;
    return NG_OK;
}

/* ---------------------------------------------------------------- sections */

static void count_everything(report_model *m)
{
    const ng_graph *g = m->g;
    for (size_t i = 0; i < m->n_nodes; i++) {
        unsigned t = (unsigned)ng_graph_node(g, i)->type;
        if (t < NG_ETYPE__COUNT) m->nodes_by_type[t]++;
    }
    for (size_t i = 0; i < m->n_edges; i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        if (e->rel < NG_REL_MAX) {
            m->edges_by_rel[e->rel]++;
            m->mentions_by_rel[e->rel] += e->weight;
            if (!ng_rel_builtin(e->rel)) m->declared |= (uint64_t)1 << e->rel;
        }
        m->mentions += e->weight;
        if (e->first_date[0] && (!m->first_date[0] || strcmp(e->first_date, m->first_date) < 0))
            memcpy(m->first_date, e->first_date, sizeof m->first_date);
        if (e->last_date[0] && strcmp(e->last_date, m->last_date) > 0)
            memcpy(m->last_date, e->last_date, sizeof m->last_date);
    }
}

static size_t find_root(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static int count_components(report_model *m)
{
    size_t *parent = NULL;
    if (m->n_nodes == 0) return NG_OK;
    if (!(parent = ng_malloc(m->n_nodes * sizeof *parent))) return NG_ENOMEM;
    for (size_t i = 0; i < m->n_nodes; i++) parent[i] = i;
    for (size_t i = 0; i < m->n_edges; i++) {
        const ng_edge *e = ng_graph_edge(m->g, i);
        size_t a = find_root(parent, e->source), b = find_root(parent, e->target);
        if (a != b) parent[a < b ? b : a] = a < b ? a : b;
    }
    for (size_t i = 0; i < m->n_nodes; i++) m->n_components += find_root(parent, i) == i;
    /* The largest part (ties: the one of the smallest node index), where closeness ranks. */
    size_t *size = ng_calloc(m->n_nodes, sizeof *size), best = 0;
    if (!size || !(m->in_main = ng_calloc(m->n_nodes, 1))) {
        free(size);
        free(parent);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < m->n_nodes; i++) size[find_root(parent, i)]++;
    for (size_t i = 0; i < m->n_nodes; i++)
        if (size[i] > size[best]) best = i;
    for (size_t i = 0; i < m->n_nodes; i++) m->in_main[i] = find_root(parent, i) == best;
    m->n_main = size[best];
    free(size);
    free(parent);
    return NG_OK;
}

static int rank_metrics(report_model *m, keyed *k)
{
    int error;
    for (int mt = 0; mt < REPORT_METRIC__COUNT; mt++) {
        size_t n = 0;
        for (size_t i = 0; i < m->n_nodes; i++) {
            double v = report_metric_value(ng_graph_node(m->g, i), (report_metric)mt);
            /* A ranking of zeros says nothing; below 1e-12 is rounding noise (eigenvector
             * centrality of actors outside the main component comes out as 1e-17). */
            if (!isfinite(v) || v < 1e-12) continue;
            /* Closeness counts only the actors an actor reaches, so the two members of a
             * separate pair score as high as the hub of the main part: it is ranked inside the
             * largest connected part only (harmonic compares across parts). */
            if (mt == REPORT_CLOSENESS && !m->in_main[i]) continue;
            k[n++] = (keyed){v, NULL, i};
        }
        if ((error = take_sorted(&m->top[mt], &m->n_top[mt], k, n, m->opts->top)) < 0)
            return error;
    }
    return NG_OK;
}

static int cmp_community(const void *a, const void *b)
{
    const report_community *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return x->members[0] < y->members[0] ? -1 : x->members[0] > y->members[0];
}

/* Groups nodes by their `community` value: groups of two or more become communities, the
 * rest singletons. Members are ordered by PageRank. */
static int group_communities(report_model *m, keyed *k)
{
    int error = NG_OK;
    size_t n = m->n_nodes, n_groups = 0;
    const ng_graph *g = m->g;
    if (n == 0) return NG_OK;
    /* Sort nodes by (community, pagerank desc, index) so that each group is one run. */
    for (size_t i = 0; i < n; i++) {
        const ng_node *nd = ng_graph_node(g, i);
        k[i] = (keyed){nd->m.pagerank, NULL, i};
    }
    qsort(k, n, sizeof *k, cmp_keyed);
    size_t *order = ng_malloc(n * sizeof *order);
    size_t *count = NULL;
    if (!order) return NG_ENOMEM;
    /* Stable bucket by community id, preserving the PageRank order inside each. */
    int max_id = -1;
    for (size_t i = 0; i < n; i++) {
        int c = ng_graph_node(g, i)->m.community;
        if (c > max_id) max_id = c;
    }
    size_t buckets = (size_t)(max_id < 0 ? 0 : max_id) + 2; /* last bucket: negative ids */
    if (!(count = ng_calloc(buckets + 1, sizeof *count))) { error = NG_ENOMEM; goto cleanup; }
    for (size_t i = 0; i < n; i++) {
        int c = ng_graph_node(g, k[i].index)->m.community;
        count[(c < 0 ? buckets - 1 : (size_t)c) + 1]++;
    }
    for (size_t b = 0; b < buckets; b++) count[b + 1] += count[b];
    for (size_t i = 0; i < n; i++) {
        int c = ng_graph_node(g, k[i].index)->m.community;
        order[count[c < 0 ? buckets - 1 : (size_t)c]++] = k[i].index;
    }
    /* count[b] is now the end of bucket b. */
    for (size_t b = 0, start = 0; b < buckets; start = count[b], b++)
        if (count[b] - start >= 2) n_groups++;
    if (n_groups && !(m->communities = ng_calloc(n_groups, sizeof *m->communities))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    if (!(m->singletons = ng_malloc(n * sizeof *m->singletons))) { error = NG_ENOMEM; goto cleanup; }
    for (size_t b = 0, start = 0; b < buckets; start = count[b], b++) {
        size_t size = count[b] - start;
        if (size == 1) {
            m->singletons[m->n_singletons++] = order[start];
        } else if (size >= 2) {
            report_community *c = &m->communities[m->n_communities++];
            c->id = b == buckets - 1 ? -1 : (int)b;
            c->n = size;
            if (!(c->members = ng_malloc(size * sizeof *c->members))) {
                error = NG_ENOMEM;
                goto cleanup;
            }
            memcpy(c->members, order + start, size * sizeof *order);
        }
    }
    if (m->n_communities > 1)
        qsort(m->communities, m->n_communities, sizeof *m->communities, cmp_community);
    /* Singletons in label order: they have no centrality to speak of. */
    for (size_t i = 0; i < m->n_singletons; i++) {
        const ng_node *nd = ng_graph_node(g, m->singletons[i]);
        k[i] = (keyed){0, nd->label ? nd->label : "", m->singletons[i]};
    }
    qsort(k, m->n_singletons, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < m->n_singletons; i++) m->singletons[i] = k[i].index;
    /* Edges inside each community (count[] is reused: bucket -> community position + 1). */
    memset(count, 0, (buckets + 1) * sizeof *count);
    for (size_t c = 0; c < m->n_communities; c++) {
        int id = m->communities[c].id;
        count[id < 0 ? buckets - 1 : (size_t)id] = c + 1;
    }
    for (size_t i = 0; i < m->n_edges; i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        int cs = ng_graph_node(g, e->source)->m.community;
        if (cs != ng_graph_node(g, e->target)->m.community) continue;
        size_t c = count[cs < 0 ? buckets - 1 : (size_t)cs];
        if (c) m->communities[c - 1].n_edges++;
    }
cleanup:
    free(order);
    free(count);
    return error;
}

/* The matrix: the actors with the most partners, and per ordered pair the weight of each
 * relation. Symmetric relations fill both cells of a pair. */
static int build_matrix(report_model *m, keyed *k)
{
    int error;
    size_t n = 0, *pos = NULL;
    for (size_t i = 0; i < m->n_nodes; i++) {
        const ng_node *nd = ng_graph_node(m->g, i);
        if (nd->m.degree <= 0) continue;
        /* degree first, strength breaks ties */
        k[n++] = (keyed){nd->m.degree * 1e9 + nd->m.strength, NULL, i};
    }
    if ((error = take_sorted(&m->matrix, &m->n_matrix, k, n, m->opts->matrix)) < 0) return error;
    if (m->n_matrix == 0) return NG_OK;
    if (!(m->cells = ng_calloc(m->n_matrix * m->n_matrix, sizeof *m->cells))) return NG_ENOMEM;
    if (!(pos = ng_malloc(m->n_nodes * sizeof *pos))) return NG_ENOMEM;
    for (size_t i = 0; i < m->n_nodes; i++) pos[i] = SIZE_MAX;
    for (size_t i = 0; i < m->n_matrix; i++) pos[m->matrix[i]] = i;
    for (size_t i = 0; i < m->n_edges; i++) {
        const ng_edge *e = ng_graph_edge(m->g, i);
        size_t r = pos[e->source], c = pos[e->target];
        if (r == SIZE_MAX || c == SIZE_MAX || e->rel >= NG_REL_MAX) continue;
        m->cells[r * m->n_matrix + c].weight[e->rel] += e->weight;
        if (!e->directed && r != c) m->cells[c * m->n_matrix + r].weight[e->rel] += e->weight;
    }
    free(pos);
    return NG_OK;
}

static int cmp_timeline(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    if (c) return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The relation types the timeline and the evidence list: --show-relations, else every type
 * but the standing ties (memberships, offices: relations.csv's `standing`), which would
 * otherwise fill both lists with who belongs where instead of what happened. */
static void choose_listed(report_model *m)
{
    m->listed = m->opts->listed;
    if (m->listed) return;
    for (ng_rel r = 0; r < ng_rel_count(); r++) {
        const ng_rel_def *d = ng_rel_get(r);
        if (d && !d->standing) m->listed |= (uint64_t)1 << r;
    }
}

int report_lists_rel(const report_model *m, ng_rel r)
{
    return r < NG_REL_MAX && (m->listed >> r & 1u);
}

/* Dated edges by first date; when there are more than the cap, the best supported. */
static int build_timeline(report_model *m, keyed *k)
{
    int error;
    size_t n = 0;
    for (size_t i = 0; i < m->n_edges; i++) {
        const ng_edge *e = ng_graph_edge(m->g, i);
        if (!report_lists_rel(m, e->rel)) {
            m->n_unlisted++;
            continue;
        }
        if (e->first_date[0]) k[n++] = (keyed){(double)e->weight, NULL, i};
    }
    m->n_dated = n;
    if ((error = take_sorted(&m->timeline, &m->n_timeline, k, n, m->opts->timeline_max)) < 0)
        return error;
    for (size_t i = 0; i < m->n_timeline; i++)
        k[i] = (keyed){0, ng_graph_edge(m->g, m->timeline[i])->first_date, m->timeline[i]};
    qsort(k, m->n_timeline, sizeof *k, cmp_timeline);
    for (size_t i = 0; i < m->n_timeline; i++) m->timeline[i] = k[i].index;
    return NG_OK;
}

static int pick_top_edges(report_model *m, keyed *k)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_edges; i++) {
        const ng_edge *e = ng_graph_edge(m->g, i);
        if (report_lists_rel(m, e->rel)) k[n++] = (keyed){(double)e->weight, NULL, i};
    }
    return take_sorted(&m->top_edges, &m->n_top_edges, k, n, m->opts->top);
}

int report_model_new(report_model **out, const ng_graph *g, const report_opts *opts,
                     const report_run *run)
{
    int error = NG_OK;
    report_model *m = NULL;
    keyed *k = NULL;
    size_t nk;

    *out = NULL;
    if (!ng_graph_has_metrics(g)) {
        ng_error_set("internal: report needs a graph with metrics");
        return NG_EINVAL;
    }
    if (!(m = ng_calloc(1, sizeof *m))) return NG_ENOMEM;
    m->g = g;
    m->opts = opts;
    m->title = opts->title && opts->title[0] ? opts->title : "newsgraph report";
    if (run) m->run = *run;
    m->n_nodes = ng_graph_node_count(g);
    m->n_edges = ng_graph_edge_count(g);
    nk = m->n_nodes > m->n_edges ? m->n_nodes : m->n_edges;
    if (!(k = ng_malloc((nk ? nk : 1) * sizeof *k))) { error = NG_ENOMEM; goto cleanup; }

    count_everything(m);
    choose_listed(m);
    if ((error = count_components(m)) < 0 || (error = rank_metrics(m, k)) < 0 ||
        (error = group_communities(m, k)) < 0 || (error = build_matrix(m, k)) < 0 ||
        (error = build_timeline(m, k)) < 0 || (error = pick_top_edges(m, k)) < 0) {
        goto cleanup;
    }
    *out = m;
    m = NULL;
cleanup:
    free(k);
    report_model_free(m);
    return error;
}

void report_model_free(report_model *m)
{
    if (!m) return;
    for (int i = 0; i < REPORT_METRIC__COUNT; i++) free(m->top[i]);
    for (size_t i = 0; i < m->n_communities; i++) free(m->communities[i].members);
    free(m->communities);
    free(m->singletons);
    free(m->matrix);
    free(m->cells);
    free(m->timeline);
    free(m->top_edges);
    free(m->in_main);
    free(m->svg);
    free(m->svg_file);
    free(m->picture_note);
    free(m);
}
