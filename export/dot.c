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

static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */
#define DOT_LIMIT (DOT_MAX_STRING - (sizeof ellipsis - 1))

/* Appends whole characters of s[0..n) (valid UTF-8) while the string (from `start`) stays
 * within DOT_LIMIT; when they do not all fit, the ellipsis follows the last one that does.
 * Returns 0 once the string is full. */
static int put_run(ng_buf *b, const char *s, size_t n, size_t start)
{
    size_t used = b->len - start;
    if (used + n <= DOT_LIMIT) {
        ng_export__put(b, s, n);
        return 1;
    }
    size_t k = DOT_LIMIT - used;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--; /* back to a character start */
    ng_export__put(b, s, k);
    ng_export__put(b, ellipsis, sizeof ellipsis - 1);
    return 0;
}

/* Appends s as a quoted DOT string. Runs of bytes that need no escape are copied at once. */
static void dot_string(ng_buf *b, const char *s)
{
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    size_t i = 0, run = 0, start, len = strlen((const char *)u);

    ng_export__putc(b, '"');
    start = b->len;
    for (;;) {
        i = ng_export__skip_plain(u, i, len, '"', '&', '\\', '"');
        while (!(ng_export__stop[u[i]] & NG_STOP_DOT)) i++;
        unsigned ch = u[i];
        const char *rep = "";
        size_t rn = 0, adv = 1;
        uint32_t c;
        if (ch >= 0x80) {
            int kind = ng_export__non_ascii((const char *)u + i, &c, &adv);
            if (kind == NG_CHAR_PLAIN) {
                i += adv; /* part of the run */
                continue;
            }
            if (kind == NG_CHAR_INVALID) {
                rep = NG_UTF8_REPLACEMENT_BYTES;
                rn = 3;
            } /* C1: dropped */
        } else {
            switch (ch) {
            case '\\': rep = "\\\\"; rn = 2; break;
            case '"': rep = "\\\""; rn = 2; break;
            case '\n': rep = "\\n"; rn = 2; break;
            case '\t': rep = " "; rn = 1; break;
            case '&': rep = "&amp;"; rn = 5; break;
            default: break; /* NUL ends; other controls and DEL are dropped */
            }
        }
        if (!put_run(b, (const char *)u + run, i - run, start)) break;
        if (ch == 0) break;
        if (rn) {
            if (b->len - start + rn > DOT_LIMIT) {
                ng_export__put(b, ellipsis, sizeof ellipsis - 1);
                break;
            }
            ng_export__put(b, rep, rn);
        }
        i += adv;
        run = i;
    }
    ng_export__putc(b, '"');
}

/* Pen width 1 for a single mention, growing with log2 of the weight, at most 8. */
static void put_penwidth(ng_buf *b, uint32_t weight)
{
    char num[32];
    double w = 1.0 + 1.5 * log2(weight > 1 ? (double)weight : 1.0);
    ng_export__puts(b, ", penwidth=\"");
    ng_export__put(b, num, ng_export__fixed2(num, w > 8.0 ? 8.0 : w));
    ng_export__putc(b, '"');
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
 * note on line styles, naming the built-in relations of each style and the declared ones the
 * graph uses), inside a cluster. dot keeps the cluster apart; neato and sfdp ignore
 * clusters, so the legend must read as one labelled box wherever it lands. The table holds
 * only static text and relation names ([a-z0-9_], nothing to escape). */
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
    if (ng_graph_edge_count(g) > 0) {
        uint64_t declared = ng_export__declared_relations(g);
        ng_buf_puts(b, "<TR><TD ALIGN=\"LEFT\">no arrow: ");
        ng_rel_join(b, NG_REL_IS_SYMMETRIC, declared, ", ");
        ng_buf_puts(b, " (symmetric)</TD></TR><TR><TD ALIGN=\"LEFT\">dashed: ");
        ng_rel_join(b, NG_REL_IS_HOSTILE, declared, ", ");
        ng_buf_puts(b, "</TD></TR><TR><TD ALIGN=\"LEFT\">line width: supporting mentions</TD></TR>");
    }
    ng_buf_puts(b, "</TABLE>>];\n  }\n");
}

/* The tooltip: "<type>, N mention(s)[, FIRST to LAST][\nalso: ALIASES]", made in the
 * scratch buffer. */
static int put_node(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const ng_node *n = ng_graph_node(ctx, i);
    const ng_type_style *st = ng_export__type_style(n->type);
    ng_buf *tip = &s->buf;

    ng_buf_clear(tip);
    ng_export__puts(tip, ng_etype_name(n->type));
    ng_export__put(tip, ", ", 2);
    ng_export__put_uint(tip, n->mentions);
    ng_export__puts(tip, n->mentions == 1 ? " mention" : " mentions");
    if (n->first_date[0]) {
        ng_export__put(tip, ", ", 2);
        ng_export__puts(tip, n->first_date);
        ng_export__puts(tip, " to ");
        ng_export__puts(tip, n->last_date);
    }
    if (n->aliases && n->aliases[0]) {
        ng_export__puts(tip, "\nalso: ");
        ng_export__puts(tip, n->aliases);
    }
    ng_export__put(b, "  ", 2);
    dot_string(b, n->id);
    ng_export__puts(b, " [label=");
    dot_string(b, n->label);
    ng_export__puts(b, ", shape=\"");
    ng_export__puts(b, st->dot_shape);
    ng_export__puts(b, "\", fillcolor=\"");
    ng_export__puts(b, st->dot_fill);
    ng_export__puts(b, "\", tooltip=");
    dot_string(b, tip->ptr ? tip->ptr : "");
    ng_export__put(b, "];\n", 3);
    return NG_OK;
}

static int put_edge(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const ng_graph *g = ctx;
    const ng_edge *e = ng_graph_edge(g, i);
    (void)s;
    ng_export__put(b, "  ", 2);
    dot_string(b, ng_graph_node(g, e->source)->id);
    ng_export__puts(b, " -> ");
    dot_string(b, ng_graph_node(g, e->target)->id);
    ng_export__puts(b, " [id=");
    dot_string(b, e->id);
    ng_export__puts(b, ", label=\"");
    ng_export__puts(b, ng_rel_name(e->rel));
    ng_export__putc(b, '"');
    put_penwidth(b, e->weight);
    if (!e->directed) ng_export__puts(b, ", dir=\"none\"");
    if (ng_rel_hostile(e->rel))
        ng_export__puts(b, ", style=\"dashed\", color=\"#C0392B\"");
    if (e->evidence && e->evidence[0]) {
        ng_export__puts(b, ", tooltip=");
        dot_string(b, e->evidence);
    }
    ng_export__put(b, "];\n", 3);
    return NG_OK;
}

int ng_export__dot(ng_out *o, const ng_graph *g, int threads)
{
    ng_buf line = NG_BUF_INIT;
    int error = 0;

    put_header(&line, g);
    put_legend(&line, g);
    if ((error = ng_export__rows(o, &line, ng_graph_node_count(g), put_node, g, threads)) < 0 ||
        (error = ng_export__rows(o, &line, ng_graph_edge_count(g), put_edge, g, threads)) < 0)
        goto cleanup;
    ng_export__put(&line, "}\n", 2);
    error = ng_export__flush(o, &line, 0);

cleanup:
    ng_buf_free(&line);
    return error;
}
