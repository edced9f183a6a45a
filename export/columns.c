/* columns.c - the attributes every format writes, read from the graph in one place. */
#include "export_internal.h"

#include <math.h>
#include <string.h>

static const ng_column node_columns[NG_NCOL__COUNT] = {
    [NG_NCOL_LABEL] = {"label", NG_COL_STRING},
    [NG_NCOL_TYPE] = {"type", NG_COL_STRING},
    [NG_NCOL_MENTIONS] = {"mentions", NG_COL_INT},
    [NG_NCOL_ARTICLES] = {"articles", NG_COL_INT},
    [NG_NCOL_ALIASES] = {"aliases", NG_COL_STRING},
    [NG_NCOL_SOURCES] = {"sources", NG_COL_STRING},
    [NG_NCOL_FIRST_DATE] = {"first_date", NG_COL_STRING},
    [NG_NCOL_LAST_DATE] = {"last_date", NG_COL_STRING},
    [NG_NCOL_CODE] = {"code", NG_COL_STRING},
    [NG_NCOL_DEGREE] = {"degree", NG_COL_INT},
    [NG_NCOL_IN_DEGREE] = {"in_degree", NG_COL_INT},
    [NG_NCOL_OUT_DEGREE] = {"out_degree", NG_COL_INT},
    [NG_NCOL_STRENGTH] = {"strength", NG_COL_REAL},
    [NG_NCOL_BETWEENNESS] = {"betweenness", NG_COL_REAL},
    [NG_NCOL_CLOSENESS] = {"closeness", NG_COL_REAL},
    [NG_NCOL_HARMONIC] = {"harmonic", NG_COL_REAL},
    [NG_NCOL_PAGERANK] = {"pagerank", NG_COL_REAL},
    [NG_NCOL_EIGENVECTOR] = {"eigenvector", NG_COL_REAL},
    [NG_NCOL_COMMUNITY] = {"community", NG_COL_INT},
};

static const ng_column edge_columns[NG_ECOL__COUNT] = {
    [NG_ECOL_RELATION] = {"relation", NG_COL_STRING},
    [NG_ECOL_WEIGHT] = {"weight", NG_COL_REAL},
    [NG_ECOL_ARTICLES] = {"articles", NG_COL_INT},
    [NG_ECOL_EVIDENCE] = {"evidence", NG_COL_STRING},
    [NG_ECOL_SOURCES] = {"sources", NG_COL_STRING},
    [NG_ECOL_SOURCE_TITLES] = {"source_titles", NG_COL_STRING},
    [NG_ECOL_SOURCE_URLS] = {"source_urls", NG_COL_STRING},
    [NG_ECOL_FIRST_DATE] = {"first_date", NG_COL_STRING},
    [NG_ECOL_LAST_DATE] = {"last_date", NG_COL_STRING},
    [NG_ECOL_DATES] = {"dates", NG_COL_STRING},
};

size_t ng_export__node_columns(const ng_column **out, const ng_graph *g)
{
    *out = node_columns;
    return ng_graph_has_metrics(g) ? NG_NCOL__COUNT : NG_NCOL__FIRST_METRIC;
}

int ng_export__is_node_column(const char *name)
{
    for (size_t i = 0; i < NG_NCOL__COUNT; i++)
        if (strcmp(node_columns[i].name, name) == 0) return 1;
    return 0;
}

size_t ng_export__edge_columns(const ng_column **out)
{
    *out = edge_columns;
    return NG_ECOL__COUNT;
}

static void set_string(ng_value *v, const char *s)
{
    v->type = NG_COL_STRING;
    v->s = s ? s : "";
    v->present = v->s[0] != '\0';
}

static void set_int(ng_value *v, long long i)
{
    v->type = NG_COL_INT;
    v->i = i;
    v->present = 1;
}

/* Counts are stored as doubles by the graph stage; they are written as integers. */
static void set_count(ng_value *v, double d)
{
    v->type = NG_COL_INT;
    v->present = isfinite(d);
    v->i = v->present ? llround(d) : 0;
}

static void set_real(ng_value *v, double d)
{
    v->type = NG_COL_REAL;
    v->present = isfinite(d);
    v->d = v->present ? d : 0.0;
}

void ng_export__node_value(ng_value *v, const ng_node *n, size_t col)
{
    memset(v, 0, sizeof *v);
    switch (col) {
    case NG_NCOL_LABEL:
        set_string(v, n->label);
        break;
    case NG_NCOL_TYPE:
        set_string(v, ng_etype_name(n->type));
        break;
    case NG_NCOL_MENTIONS:
        set_int(v, n->mentions);
        break;
    case NG_NCOL_ARTICLES:
        set_int(v, n->articles);
        break;
    case NG_NCOL_ALIASES:
        set_string(v, n->aliases);
        break;
    case NG_NCOL_SOURCES:
        set_string(v, n->sources);
        break;
    case NG_NCOL_FIRST_DATE:
        set_string(v, n->first_date);
        break;
    case NG_NCOL_LAST_DATE:
        set_string(v, n->last_date);
        break;
    case NG_NCOL_CODE:
        set_string(v, n->code);
        break;
    case NG_NCOL_DEGREE:
        set_count(v, n->m.degree);
        break;
    case NG_NCOL_IN_DEGREE:
        set_count(v, n->m.in_degree);
        break;
    case NG_NCOL_OUT_DEGREE:
        set_count(v, n->m.out_degree);
        break;
    case NG_NCOL_STRENGTH:
        set_real(v, n->m.strength);
        break;
    case NG_NCOL_BETWEENNESS:
        set_real(v, n->m.betweenness);
        break;
    case NG_NCOL_CLOSENESS:
        set_real(v, n->m.closeness);
        break;
    case NG_NCOL_HARMONIC:
        set_real(v, n->m.harmonic);
        break;
    case NG_NCOL_PAGERANK:
        set_real(v, n->m.pagerank);
        break;
    case NG_NCOL_EIGENVECTOR:
        set_real(v, n->m.eigenvector);
        break;
    case NG_NCOL_COMMUNITY:
        set_int(v, n->m.community);
        v->present = n->m.community >= 0; /* a negative community means "none" */
        break;
    default:
        NG_ASSERT(!"unknown node column");
    }
}

void ng_export__edge_value(ng_value *v, const ng_edge *e, size_t col, ng_buf *tmp)
{
    memset(v, 0, sizeof *v);
    switch (col) {
    case NG_ECOL_RELATION:
        set_string(v, ng_rel_name(e->rel));
        break;
    case NG_ECOL_WEIGHT:
        set_real(v, (double)e->weight);
        break;
    case NG_ECOL_EVIDENCE:
        set_string(v, e->evidence);
        break;
    case NG_ECOL_ARTICLES:
        set_int(v, e->articles);
        break;
    case NG_ECOL_SOURCES:
        set_string(v, e->sources);
        break;
    case NG_ECOL_SOURCE_TITLES:
    case NG_ECOL_SOURCE_URLS:
        set_string(v, ng_edge_source_list(e, col == NG_ECOL_SOURCE_URLS, tmp));
        break;
    case NG_ECOL_FIRST_DATE:
        set_string(v, e->first_date);
        break;
    case NG_ECOL_LAST_DATE:
        set_string(v, e->last_date);
        break;
    case NG_ECOL_DATES:
        set_string(v, e->dates);
        break;
    default:
        NG_ASSERT(!"unknown edge column");
    }
}

/* The last day `d` covers ("2017" ends 2017-12-31), when later than *out. Full dates are
 * ISO YYYY-MM-DD, so byte order is time order. */
static void keep_later(char out[11], const char *d)
{
    char last[11];
    if (ng_date_span(d, NULL, last) && strcmp(last, out) > 0) memcpy(out, last, 11);
}

void ng_export__graph_last_date(char out[11], const ng_graph *g)
{
    out[0] = '\0';
    size_t nn = ng_graph_node_count(g), ne = ng_graph_edge_count(g);
    for (size_t i = 0; i < nn; i++) {
        const ng_node *n = ng_graph_node(g, i);
        keep_later(out, n->first_date);
        keep_later(out, n->last_date);
    }
    for (size_t i = 0; i < ne; i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        keep_later(out, e->first_date);
        keep_later(out, e->last_date);
    }
}

int ng_export__metrics_note(ng_buf *b, const ng_graph *g)
{
    if (!ng_graph_has_metrics(g)) return 0;
    size_t k = ng_graph_metrics_sources(g);
    int empty = ng_graph_metrics_warning(g) != NULL;
    if (k > 0)
        ng_buf_printf(b, "betweenness, closeness and harmonic are estimates from %zu sampled "
                         "source actors (newsgraph --exact for exact values)", k);
    if (empty)
        ng_buf_printf(b, "%seigenvector centrality left empty: it did not converge",
                      k > 0 ? "; " : "");
    return k > 0 || empty;
}

void ng_export__summary(ng_buf *b, const ng_graph *g)
{
    size_t nn = ng_graph_node_count(g), ne = ng_graph_edge_count(g), na = ng_graph_article_count(g);
    ng_buf_printf(b, "%zu actor%s, %zu relation%s, from %zu article%s", nn, nn == 1 ? "" : "s", ne,
                  ne == 1 ? "" : "s", na, na == 1 ? "" : "s");
    ng_buf note = NG_BUF_INIT;
    if (ng_export__metrics_note(&note, g) && !note.oom) {
        ng_buf_puts(b, "; ");
        ng_buf_put(b, note.ptr, note.len);
    }
    ng_buf_free(&note);
}
