/* graphml.c - GraphML for Gephi, NetworkX, igraph and graphology.
 *
 * Every <key> comes before <graph>, typed (int, double, string, boolean), with id equal to
 * attr.name except where a node and an edge attribute share a name (key ids are unique per
 * document): the edge key then gets the id "e_<name>". One graph-level key, `relations`, only
 * when an edge has a relation type that is not built in (a user's --relations): its value is
 * those types' rows in the columns of relations.csv, so that `metrics` and `eval` read the
 * graph with each type's direction and hostility; a graph of built-in relations has no
 * graph-level data (Gephi warns about it, and today's files keep their bytes).
 * Every edge is written directed, from the graph's stored source to target: NetworkX refuses
 * directed="false" inside a directed graph and graphology ignores it, so the symmetric
 * relations (met, signed, any declared symmetric; stored once per pair) carry the boolean
 * edge attribute directed=false instead. A value that is unknown (empty text, a non-finite metric) has no
 * <data> element. */
#include "export_internal.h"

#include <string.h>

static const char *xml_type(ng_coltype t)
{
    switch (t) {
    case NG_COL_INT:
        return "int";
    case NG_COL_REAL:
        return "double";
    default:
        return "string";
    }
}

/* The prefix of an edge column's key id: "e_" when a node column has the same name. */
static const char *edge_key_prefix(const char *name)
{
    return ng_export__is_node_column(name) ? "e_" : "";
}

static void put_value(ng_buf *b, const ng_value *v)
{
    char num[32];
    switch (v->type) {
    case NG_COL_STRING:
        ng_xml__escape(b, v->s, 0);
        break;
    case NG_COL_INT:
        ng_export__put_int(b, v->i);
        break;
    case NG_COL_REAL:
        ng_export__put(b, num, ng_export__real(num, v->d));
        break;
    }
}

/* The opening tag of a column's <data> element, made once per file. */
static void make_tag(ng_export_tag *tag, const char *key_prefix, const char *key)
{
    ng_export__tag_set(tag, "      <data key=\"%s%s\">", key_prefix, key);
}

static void put_data(ng_buf *b, const ng_export_tag *tag, const ng_value *v)
{
    if (!v->present) return;
    ng_export__put_tag(b, tag);
    put_value(b, v);
    ng_export__put(b, "</data>\n", 8);
}

static void put_header(ng_buf *b, const ng_graph *g)
{
    uint64_t declared = ng_export__declared_relations(g);
    const ng_column *nc, *ec;
    size_t n_nc = ng_export__node_columns(&nc, g), n_ec = ng_export__edge_columns(&ec);

    ng_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    ng_buf_printf(b, "<!-- newsgraph %s: ", NG_VERSION);
    ng_export__summary(b, g);
    ng_buf_puts(b, " -->\n");
    ng_buf_puts(b, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t i = 0; i < n_nc; i++)
        ng_buf_printf(b, "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                      nc[i].name, nc[i].name, xml_type(nc[i].type));
    for (size_t i = 0; i < n_ec; i++) {
        ng_buf_printf(b, "  <key id=\"%s%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                      edge_key_prefix(ec[i].name), ec[i].name, ec[i].name, xml_type(ec[i].type));
    }
    ng_buf_puts(b, "  <key id=\"directed\" for=\"edge\" attr.name=\"directed\" "
                   "attr.type=\"boolean\"/>\n");
    /* estimated or missing metrics: said as graph data too, for readers that skip comments */
    ng_buf note = NG_BUF_INIT;
    int has_note = ng_export__metrics_note(&note, g) && !note.oom;
    if (declared) {
        ng_buf_puts(b, "  <key id=\"relations\" for=\"graph\" attr.name=\"relations\" "
                       "attr.type=\"string\"/>\n");
    }
    if (has_note)
        ng_buf_puts(b, "  <key id=\"metrics_note\" for=\"graph\" attr.name=\"metrics_note\" "
                       "attr.type=\"string\"/>\n");
    ng_buf_puts(b, "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    if (declared) {
        ng_buf defs = NG_BUF_INIT;
        ng_rel_write_csv(&defs, declared);
        ng_buf_puts(b, "    <data key=\"relations\">");
        ng_xml__escape(b, defs.ptr, 0);
        ng_buf_puts(b, "</data>\n");
        if (defs.oom) b->oom = 1;
        ng_buf_free(&defs);
    }
    if (has_note) {
        ng_buf_puts(b, "    <data key=\"metrics_note\">");
        ng_xml__escape(b, note.ptr, 0);
        ng_buf_puts(b, "</data>\n");
    }
    ng_buf_free(&note);
}

/* What every row of the file reads (ng_export__rows). */
typedef struct graphml_rows {
    const ng_graph *g;
    ng_xml_ids ids;
    size_t n_nc, n_ec;
    ng_export_tag node_tag[NG_NCOL__COUNT], edge_tag[NG_ECOL__COUNT];
} graphml_rows;

static int put_node(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const graphml_rows *r = ctx;
    const ng_node *n = ng_graph_node(r->g, i);
    ng_value v;
    (void)s;
    ng_export__puts(b, "    <node id=\"");
    ng_xml__escape(b, n->id, 1);
    ng_export__puts(b, "\">\n");
    for (size_t c = 0; c < r->n_nc; c++) {
        ng_export__node_value(&v, n, c);
        put_data(b, &r->node_tag[c], &v);
    }
    ng_export__puts(b, "    </node>\n");
    return NG_OK;
}

static int put_edge(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const graphml_rows *r = ctx;
    const ng_edge *e = ng_graph_edge(r->g, i);
    ng_value v;
    ng_xml__edge_open(b, "    ", &r->ids, e);
    ng_export__puts(b, ">\n");
    for (size_t c = 0; c < r->n_ec; c++) {
        ng_export__edge_value(&v, e, c, &s->buf);
        put_data(b, &r->edge_tag[c], &v);
    }
    ng_export__puts(b, e->directed ? "      <data key=\"directed\">true</data>\n"
                                   : "      <data key=\"directed\">false</data>\n");
    ng_export__puts(b, "    </edge>\n");
    return NG_OK;
}

int ng_export__graphml(ng_out *o, const ng_graph *g, int threads)
{
    ng_buf line = NG_BUF_INIT;
    const ng_column *nc, *ec;
    graphml_rows r;
    int error = 0;

    r.g = g;
    r.n_nc = ng_export__node_columns(&nc, g);
    r.n_ec = ng_export__edge_columns(&ec);
    for (size_t c = 0; c < r.n_nc; c++)
        make_tag(&r.node_tag[c], "", nc[c].name);
    for (size_t c = 0; c < r.n_ec; c++)
        make_tag(&r.edge_tag[c], edge_key_prefix(ec[c].name), ec[c].name);
    put_header(&line, g);
    if ((error = ng_xml__ids_make(&r.ids, g)) < 0) goto cleanup;
    if ((error = ng_export__rows(o, &line, ng_graph_node_count(g), put_node, &r, threads)) < 0 ||
        (error = ng_export__rows(o, &line, ng_graph_edge_count(g), put_edge, &r, threads)) < 0)
        goto cleanup;
    ng_export__puts(&line, "  </graph>\n</graphml>\n");
    error = ng_export__flush(o, &line, 0);

cleanup:
    ng_xml__ids_free(&r.ids);
    ng_buf_free(&line);
    return error;
}
