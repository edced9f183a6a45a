/* dot.c - Graphviz DOT, styled by actor type and relation.
 *
 * Every ID and attribute value is a double-quoted string, so keywords (node, edge, graph,
 * digraph, subgraph, strict, in any case) and punctuation in names are harmless. Inside the
 * quotes: backslash and quote are escaped, a newline becomes \n (a centred line break), tab
 * becomes a space, other control characters are dropped, invalid UTF-8 becomes U+FFFD, and
 * & becomes &amp; (Graphviz decodes HTML entities in labels: without this, text such as
 * "&#1;" would put a control character into the SVG). Strings are cut below Graphviz's
 * 16384-byte limit on a whole character, never leaving a lone backslash.
 *
 * Layout defaults: outputorder=edgesfirst (nodes drawn over edges), pack=true (each
 * connected component laid out apart and packed: news graphs have many small ones, which dot
 * would otherwise line up in one very wide rank), overlap=prism and
 * sep=+25 (neato and sfdp remove node overlaps and keep room for edge labels; dot ignores
 * both), a legend in a cluster that dot keeps apart and the others place as one box.
 *
 * Weights map to penwidth, never to DOT's `weight` (an integer layout hint in dot).
 * Numbers are written with two fixed decimals: Graphviz rejects exponents. */
#include "export_internal.h"

#include <math.h>
#include <string.h>

/* Bytes of escaped text kept inside one quoted string (Graphviz 2.43 fails at 16384). */
#define DOT_MAX_STRING 16000

static void put_unit(ng_buf *b, const char *unit, size_t n, size_t start, int *full)
{
    static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */
    if (*full) return;
    if (b->len - start + n > DOT_MAX_STRING - (sizeof ellipsis - 1)) {
        ng_buf_puts(b, ellipsis);
        *full = 1;
        return;
    }
    ng_buf_put(b, unit, n);
}

/* Appends s as a quoted DOT string. */
static void dot_string(ng_buf *b, const char *s)
{
    size_t len = s ? strlen(s) : 0, i = 0, start;
    int full = 0;
    char enc[4];

    ng_buf_putc(b, '"');
    start = b->len;
    while (i < len && !full) {
        size_t adv;
        uint32_t c = ng_utf8__next(s + i, len - i, &adv);
        switch (c) {
        case '\\':
            put_unit(b, "\\\\", 2, start, &full);
            break;
        case '"':
            put_unit(b, "\\\"", 2, start, &full);
            break;
        case '\n':
            put_unit(b, "\\n", 2, start, &full);
            break;
        case '\t':
            put_unit(b, " ", 1, start, &full);
            break;
        case '&':
            put_unit(b, "&amp;", 5, start, &full);
            break;
        default:
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) break; /* control: dropped */
            if (c == NG_UTF8_REPLACEMENT && adv == 1) {
                put_unit(b, "\xEF\xBF\xBD", 3, start, &full);
            } else {
                memcpy(enc, s + i, adv);
                put_unit(b, enc, adv, start, &full);
            }
        }
        i += adv;
    }
    ng_buf_putc(b, '"');
}

/* Pen width 1 for a single mention, growing with log2 of the weight, at most 8. */
static void put_penwidth(ng_buf *b, uint32_t weight)
{
    char num[32];
    double w = 1.0 + 1.5 * log2(weight > 1 ? (double)weight : 1.0);
    ng_export__fixed2(num, w > 8.0 ? 8.0 : w);
    ng_buf_printf(b, ", penwidth=\"%s\"", num);
}

static void put_header(ng_buf *b, const ng_graph *g)
{
    ng_buf_printf(b, "/* newsgraph %s: ", NG_VERSION);
    ng_export__summary(b, g);
    ng_buf_puts(b, ".\n"
                   " * Small graphs: dot -Tsvg FILE -o graph.svg\n"
                   " * Large graphs: sfdp -Goverlap=prism -Tsvg FILE -o graph.svg */\n");
    ng_buf_puts(b, "digraph \"newsgraph\" {\n"
                   "  graph [outputorder=\"edgesfirst\", pack=\"true\", overlap=\"prism\", "
                   "sep=\"+25\", pad=\"0.2\", "
                   "nodesep=\"0.3\", ranksep=\"0.6\", fontname=\"Helvetica\", fontsize=\"10\"];\n"
                   "  node [style=\"filled\", color=\"#555555\", penwidth=\"0.8\", "
                   "fontname=\"Helvetica\", fontsize=\"10\", margin=\"0.08,0.04\"];\n"
                   "  edge [color=\"#666666\", fontcolor=\"#444444\", fontname=\"Helvetica\", "
                   "fontsize=\"8\", arrowsize=\"0.6\"];\n");
}

/* The legend: one node with an HTML-like table (a colour swatch per actor type present and a
 * note on line styles), inside a cluster. dot keeps the cluster apart; neato and sfdp ignore
 * clusters, so the legend must read as one labelled box wherever it lands. The table holds
 * only static text. */
static void put_legend(ng_buf *b, const ng_graph *g)
{
    int present[NG_ETYPE__COUNT] = {0};
    size_t nn = ng_graph_node_count(g);
    for (size_t i = 0; i < nn; i++) {
        unsigned t = (unsigned)ng_graph_node(g, i)->type;
        if (t < NG_ETYPE__COUNT) present[t] = 1;
    }
    if (nn == 0) return;
    ng_buf_puts(b, "  subgraph \"cluster_legend\" {\n"
                   "    graph [label=\"\", style=\"invis\"];\n"
                   "    \"legend:\" [shape=\"plaintext\", style=\"\", tooltip=\"Legend\", label=<"
                   "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\" "
                   "COLOR=\"#999999\"><TR><TD><B>Legend</B></TD></TR>");
    for (int t = 0; t < NG_ETYPE__COUNT; t++) {
        if (!present[t]) continue;
        const ng_type_style *st = ng_export__type_style((ng_etype)t);
        ng_buf_printf(b, "<TR><TD BGCOLOR=\"%s\" BORDER=\"1\" COLOR=\"#555555\">%s (%s)</TD></TR>",
                      st->dot_fill, ng_etype_name((ng_etype)t), st->dot_shape);
    }
    if (ng_graph_edge_count(g) > 0)
        ng_buf_puts(b, "<TR><TD ALIGN=\"LEFT\">no arrow: met, signed (symmetric)</TD></TR>"
                       "<TR><TD ALIGN=\"LEFT\">dashed: withdrew, condemned, cut_ties</TD></TR>"
                       "<TR><TD ALIGN=\"LEFT\">line width: supporting mentions</TD></TR>");
    ng_buf_puts(b, "</TABLE>>];\n  }\n");
}

static void put_node(ng_buf *b, const ng_node *n)
{
    const ng_type_style *st = ng_export__type_style(n->type);
    ng_buf tip = NG_BUF_INIT;

    ng_buf_printf(&tip, "%s, %u mention%s", ng_etype_name(n->type), n->mentions,
                  n->mentions == 1 ? "" : "s");
    if (n->first_date[0]) ng_buf_printf(&tip, ", %s to %s", n->first_date, n->last_date);
    if (n->aliases && n->aliases[0]) {
        ng_buf_puts(&tip, "\nalso: ");
        ng_buf_puts(&tip, n->aliases);
    }
    ng_buf_puts(b, "  ");
    dot_string(b, n->id);
    ng_buf_puts(b, " [label=");
    dot_string(b, n->label);
    ng_buf_printf(b, ", shape=\"%s\", fillcolor=\"%s\", tooltip=", st->dot_shape, st->dot_fill);
    dot_string(b, tip.ptr ? tip.ptr : "");
    ng_buf_puts(b, "];\n");
    if (tip.oom) b->oom = 1;
    ng_buf_free(&tip);
}

static void put_edge(ng_buf *b, const ng_graph *g, const ng_edge *e)
{
    ng_buf_puts(b, "  ");
    dot_string(b, ng_graph_node(g, e->source)->id);
    ng_buf_puts(b, " -> ");
    dot_string(b, ng_graph_node(g, e->target)->id);
    ng_buf_puts(b, " [id=");
    dot_string(b, e->id);
    ng_buf_printf(b, ", label=\"%s\"", ng_rel_name(e->rel));
    put_penwidth(b, e->weight);
    if (!e->directed) ng_buf_puts(b, ", dir=\"none\"");
    if (ng_export__rel_negative(e->rel)) ng_buf_puts(b, ", style=\"dashed\", color=\"#C0392B\"");
    if (e->evidence && e->evidence[0]) {
        ng_buf_puts(b, ", tooltip=");
        dot_string(b, e->evidence);
    }
    ng_buf_puts(b, "];\n");
}

int ng_export__dot(ng_out *o, const ng_graph *g)
{
    ng_buf line = NG_BUF_INIT;
    size_t nn = ng_graph_node_count(g), ne = ng_graph_edge_count(g);
    int error = 0;

    put_header(&line, g);
    put_legend(&line, g);
    for (size_t i = 0; i < nn; i++) {
        put_node(&line, ng_graph_node(g, i));
        if ((error = ng_export__flush(o, &line, NG_EXPORT_FLUSH_AT)) < 0) goto cleanup;
    }
    for (size_t i = 0; i < ne; i++) {
        put_edge(&line, g, ng_graph_edge(g, i));
        if ((error = ng_export__flush(o, &line, NG_EXPORT_FLUSH_AT)) < 0) goto cleanup;
    }
    ng_buf_puts(&line, "}\n");
    error = ng_export__flush(o, &line, 0);

cleanup:
    ng_buf_free(&line);
    return error;
}
