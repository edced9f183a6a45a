/* gexf.c - GEXF 1.3 for Gephi (with its Timeline) and Gephi Lite.
 *
 * - One <attributes> block per class, each attribute's id equal to its title (graphology
 *   names columns by id; Gephi by title). The node label and the edge weight are GEXF's own
 *   XML attributes, not declared attributes ("weight" as an attribute would be read as a
 *   dynamic weight).
 * - Edges carry kind = relation (Gephi never merges edges of different kinds, so one pair
 *   keeps `met` and `signed` apart) and label = relation; the symmetric relations (met,
 *   signed, any declared symmetric) are type="undirected" in a directed graph (Gephi and
 *   graphology read mixed graphs).
 * - viz:color by actor type (integer r, g, b: Gephi aborts on anything else), viz:size by
 *   PageRank when metrics exist, else by mentions.
 * - No xsi:schemaLocation: the normative RELAX NG schema does not allow it.
 * - Time: when anything is dated the graph is mode="dynamic" with timeformat="date". A dated
 *   edge lives over the days its dates cover, from the first day of its first date to the last
 *   day of its last ("2017-06" alone: 2017-06-01 to 2017-06-30; "2023": the whole year), so
 *   the Timeline shows each relation when it happened; a dated node lives from its first
 *   dated evidence to the last day the whole graph covers, so an actor stays once it has
 *   appeared. One closed interval per element, so never an overlap (Gephi drops overlapping
 *   intervals). A date as written keeps its precision in the first_date/last_date/dates
 *   attributes ("2017-06"). Undated elements have no interval and are always visible. */
#include "export_internal.h"

#include <math.h>
#include <string.h>

static const char *gexf_type(ng_coltype t)
{
    switch (t) {
    case NG_COL_INT:
        return "integer";
    case NG_COL_REAL:
        return "double";
    default:
        return "string";
    }
}

/* The value viz:size follows, before scaling. */
static double size_basis(const ng_graph *g, const ng_node *n)
{
    double v = ng_graph_has_metrics(g) ? n->m.pagerank : (double)n->mentions;
    return isfinite(v) && v > 0 ? sqrt(v) : 0.0;
}

/* Sizes go from 4 to 30 by the square root of the basis (areas grow with it). */
static void size_range(const ng_graph *g, double *lo, double *hi)
{
    size_t nn = ng_graph_node_count(g);
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t i = 0; i < nn; i++) {
        double v = size_basis(g, ng_graph_node(g, i));
        if (v < *lo) *lo = v;
        if (v > *hi) *hi = v;
    }
}

static double node_size(double v, double lo, double hi)
{
    if (!(hi > lo)) return 10.0;
    return 4.0 + 26.0 * (v - lo) / (hi - lo);
}

static void put_attributes(ng_buf *b, const char *cls, const ng_column *cols, size_t n,
                           size_t skip1, size_t skip2)
{
    ng_buf_printf(b, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
    for (size_t i = 0; i < n; i++) {
        if (i == skip1 || i == skip2) continue;
        ng_buf_printf(b, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", cols[i].name,
                      cols[i].name, gexf_type(cols[i].type));
    }
    ng_buf_puts(b, "    </attributes>\n");
}

/* The start of a column's <attvalue> element, made once per file. */
static void make_tag(ng_export_tag *tag, const char *name)
{
    ng_export__tag_set(tag, "          <attvalue for=\"%s\" value=\"", name);
}

static void put_attvalue(ng_buf *b, const ng_export_tag *tag, const ng_value *v)
{
    char num[32];
    if (!v->present) return;
    ng_export__put_tag(b, tag);
    switch (v->type) {
    case NG_COL_STRING:
        ng_xml__escape(b, v->s, 1);
        break;
    case NG_COL_INT:
        ng_export__put_int(b, v->i);
        break;
    case NG_COL_REAL:
        ng_export__put(b, num, ng_export__real(num, v->d));
        break;
    }
    ng_export__put(b, "\"/>\n", 4);
}

/* An element's interval, when its first date is a date: from the first day that date covers
 * ("2017-06" starts on 2017-06-01) to graph_last (the last day any date covers). */
static void put_interval(ng_buf *b, const char *first, const char *graph_last)
{
    char start[11];
    if (graph_last[0] && ng_date_span(first, start, NULL)) {
        ng_export__puts(b, " start=\"");
        ng_export__put(b, start, 10);
        ng_export__puts(b, "\" end=\"");
        ng_export__put(b, graph_last, 10);
        ng_export__putc(b, '"');
    }
}

/* An edge's interval: the days its dates cover, from the first day of its first date to the
 * last day of its last ("2017-06" alone is 2017-06-01 to 2017-06-30), so the Timeline shows
 * each relation when it happened. One interval per edge, so never an overlap. */
static void put_edge_interval(ng_buf *b, const ng_edge *e, const char *graph_last)
{
    char start[11], end[11];
    const char *last = e->last_date[0] ? e->last_date : e->first_date;
    if (graph_last[0] && ng_date_span(e->first_date, start, NULL) && ng_date_span(last, NULL, end)) {
        ng_export__puts(b, " start=\"");
        ng_export__put(b, start, 10);
        ng_export__puts(b, "\" end=\"");
        ng_export__put(b, end, 10);
        ng_export__putc(b, '"');
    }
}

static void put_header(ng_buf *b, const ng_graph *g, const char *graph_last)
{
    const ng_column *nc, *ec;
    size_t n_nc = ng_export__node_columns(&nc, g), n_ec = ng_export__edge_columns(&ec);

    ng_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                   "version=\"1.3\">\n");
    ng_buf_printf(b, "  <meta>\n    <creator>newsgraph %s</creator>\n", NG_VERSION);
    ng_buf_puts(b, "    <description>Political actors and their relations: ");
    ng_export__summary(b, g);
    ng_buf_puts(b, "</description>\n  </meta>\n");
    if (graph_last[0])
        ng_buf_puts(b, "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" "
                       "timeformat=\"date\" timerepresentation=\"interval\">\n");
    else
        ng_buf_puts(b, "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    put_attributes(b, "node", nc, n_nc, NG_NCOL_LABEL, NG_NCOL_LABEL);
    put_attributes(b, "edge", ec, n_ec, NG_ECOL_WEIGHT, NG_ECOL_WEIGHT);
}

/* What every node and edge shares: the column tags, the dates and the size scale. */
typedef struct gexf_ctx {
    const ng_graph *g;
    ng_xml_ids ids;
    const ng_column *nc, *ec;
    size_t n_nc, n_ec;
    ng_export_tag node_tag[NG_NCOL__COUNT], edge_tag[NG_ECOL__COUNT];
    char graph_last[11];
    double lo, hi;
} gexf_ctx;

static int put_node(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const gexf_ctx *x = ctx;
    const ng_node *n = ng_graph_node(x->g, i);
    const ng_type_style *st = ng_export__type_style(n->type);
    char num[32];
    ng_value v;
    (void)s;

    ng_export__puts(b, "      <node id=\"");
    ng_xml__escape(b, n->id, 1);
    ng_export__puts(b, "\" label=\"");
    ng_xml__escape(b, n->label, 1);
    ng_export__putc(b, '"');
    put_interval(b, n->first_date, x->graph_last);
    ng_export__puts(b, ">\n        <attvalues>\n");
    for (size_t c = 0; c < x->n_nc; c++) {
        if (c == NG_NCOL_LABEL) continue;
        ng_export__node_value(&v, n, c);
        put_attvalue(b, &x->node_tag[c], &v);
    }
    ng_export__puts(b, "        </attvalues>\n        <viz:color r=\"");
    ng_export__put_uint(b, st->r);
    ng_export__puts(b, "\" g=\"");
    ng_export__put_uint(b, st->g);
    ng_export__puts(b, "\" b=\"");
    ng_export__put_uint(b, st->b);
    ng_export__puts(b, "\"/>\n        <viz:size value=\"");
    ng_export__put(b, num, ng_export__fixed2(num, node_size(size_basis(x->g, n), x->lo, x->hi)));
    ng_export__puts(b, "\"/>\n      </node>\n");
    return NG_OK;
}

static int put_edge(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const gexf_ctx *x = ctx;
    const ng_edge *e = ng_graph_edge(x->g, i);
    const char *rel = ng_rel_name(e->rel);
    size_t rel_len = strlen(rel);
    ng_value v;

    ng_xml__edge_open(b, "      ", &x->ids, e);
    if (!e->directed) ng_export__puts(b, " type=\"undirected\"");
    /* Gephi removes an edge of weight 0; the graph guarantees weight >= 1. */
    ng_export__puts(b, " kind=\"");
    ng_export__put(b, rel, rel_len);
    ng_export__puts(b, "\" label=\"");
    ng_export__put(b, rel, rel_len);
    ng_export__puts(b, "\" weight=\"");
    ng_export__put_uint(b, e->weight ? e->weight : 1u);
    ng_export__putc(b, '"');
    put_edge_interval(b, e, x->graph_last);
    ng_export__puts(b, ">\n        <attvalues>\n");
    for (size_t c = 0; c < x->n_ec; c++) {
        if (c == NG_ECOL_WEIGHT) continue;
        ng_export__edge_value(&v, e, c, &s->buf);
        put_attvalue(b, &x->edge_tag[c], &v);
    }
    ng_export__puts(b, "        </attvalues>\n      </edge>\n");
    return NG_OK;
}

int ng_export__gexf(ng_out *o, const ng_graph *g, int threads)
{
    ng_buf line = NG_BUF_INIT;
    size_t nn = ng_graph_node_count(g), ne = ng_graph_edge_count(g);
    gexf_ctx x;
    int error = 0;

    x.g = g;
    x.n_nc = ng_export__node_columns(&x.nc, g);
    x.n_ec = ng_export__edge_columns(&x.ec);
    for (size_t c = 0; c < x.n_nc; c++)
        make_tag(&x.node_tag[c], x.nc[c].name);
    for (size_t c = 0; c < x.n_ec; c++)
        make_tag(&x.edge_tag[c], x.ec[c].name);
    ng_export__graph_last_date(x.graph_last, g);
    size_range(g, &x.lo, &x.hi);
    put_header(&line, g, x.graph_last);
    ng_buf_printf(&line, "    <nodes count=\"%zu\">\n", nn);
    if ((error = ng_xml__ids_make(&x.ids, g)) < 0) goto cleanup;
    if ((error = ng_export__rows(o, &line, nn, put_node, &x, threads)) < 0) goto cleanup;
    ng_buf_printf(&line, "    </nodes>\n    <edges count=\"%zu\">\n", ne);
    if ((error = ng_export__rows(o, &line, ne, put_edge, &x, threads)) < 0) goto cleanup;
    ng_export__puts(&line, "    </edges>\n  </graph>\n</gexf>\n");
    error = ng_export__flush(o, &line, 0);

cleanup:
    ng_xml__ids_free(&x.ids);
    ng_buf_free(&line);
    return error;
}
