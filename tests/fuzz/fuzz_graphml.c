/* fuzz_graphml.c - the bytes as a GraphML file through the reader behind `newsgraph metrics`
 * with its one-pass path (ng_graph__read_graphml(..., 1): graph/graphml_fast.c for the
 * dialect newsgraph writes, igraph's reader for anything else), then the metrics on what it
 * read. Invariants: no crash, leak or hang; a refusal names the file; a graph that was read
 * has edges between its own nodes, ids and labels set, weights >= 1, no self-loop; the
 * one-pass path and igraph's reader alone (ng_graph__read_graphml(..., 0)) read every input
 * the same way: the same refusal and message, or the same nodes and edges. */
#include "fuzz_util.h"
#include "graph_internal.h"
#include "ng_graph.h"

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The one-pass reader's graph `g` (or refusal rc) against igraph's reading of `path`. */
static void check_same_as_igraph(const ng_graph *g, int rc, const char *path)
{
    char message[NG_ERROR_MAX];
    ng_graph *b = NULL;
    snprintf(message, sizeof message, "%s", rc < 0 ? ng_error_last() : "");
    int rb = ng_graph__read_graphml(&b, path, 0);
    FUZZ_CHECK(rb == rc);
    if (rc < 0) {
        FUZZ_CHECK(strcmp(message, ng_error_last()) == 0);
        return;
    }
    FUZZ_CHECK(ng_graph_node_count(g) == ng_graph_node_count(b));
    FUZZ_CHECK(ng_graph_edge_count(g) == ng_graph_edge_count(b));
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        const ng_node *x = ng_graph_node(g, i), *y = ng_graph_node(b, i);
        FUZZ_CHECK(same_str(x->id, y->id) && same_str(x->label, y->label) &&
                   same_str(x->aliases, y->aliases) && same_str(x->code, y->code) &&
                   same_str(x->sources, y->sources) && x->type == y->type &&
                   x->mentions == y->mentions && x->articles == y->articles);
    }
    for (size_t i = 0; i < ng_graph_edge_count(g); i++) {
        const ng_edge *x = ng_graph_edge(g, i), *y = ng_graph_edge(b, i);
        FUZZ_CHECK(x->source == y->source && x->target == y->target && x->rel == y->rel &&
                   x->weight == y->weight && x->articles == y->articles &&
                   same_str(x->evidence, y->evidence) && same_str(x->sources, y->sources) &&
                   same_str(x->dates, y->dates) && same_str(x->source_titles, y->source_titles) &&
                   same_str(x->source_urls, y->source_urls) &&
                   !strcmp(x->first_date, y->first_date) && !strcmp(x->last_date, y->last_date));
    }
    ng_graph_free(b);
}

/* ------------------------------------------------------------------ inside the dialect */

/* Most inputs are far from the dialect the one-pass reader reads (graph/graphml_fast.c), so
 * the input is also used as the values of a document shaped as newsgraph writes it: its
 * fields (split at NUL bytes) become node ids, labels, numbers, booleans, relations and the
 * graph's relation types, raw (the dialect's edges: references, UTF-8, white space, number
 * forms, an id twice) or escaped as our writer escapes (most such documents are in the
 * dialect: the comparison then runs where the one-pass reader reads). */
typedef struct {
    const char *s;
    size_t n;
} field;

/* The length of the UTF-8 character at s[0..n) when it is one XML allows above U+009F
 * (what our writer keeps), else 0. */
static size_t utf8_char(const unsigned char *s, size_t n)
{
    size_t k = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
    if (s[0] < 0xC2 || s[0] > 0xF4 || n < k) return 0;
    uint32_t c = s[0] & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
    for (size_t j = 1; j < k; j++) {
        if ((s[j] & 0xC0) != 0x80) return 0;
        c = c << 6 | (s[j] & 0x3F);
    }
    int ok = c >= (k == 2 ? 0xA0u : k == 3 ? 0x800u : 0x10000u) && c <= 0x10FFFF &&
             !(c >= 0xD800 && c <= 0xDFFF) && c != 0xFFFE && c != 0xFFFF;
    return ok ? k : 0;
}

static void put_field(ng_buf *b, field f, int escape, int attr)
{
    if (!escape) {
        ng_buf_put(b, f.s, f.n);
        return;
    }
    for (size_t i = 0; i < f.n;) {
        size_t run = i; /* plain ASCII, put as one run */
        while (run < f.n && (unsigned char)f.s[run] >= 0x20 && (unsigned char)f.s[run] < 0x7F &&
               !strchr("&<>\"", f.s[run]))
            run++;
        ng_buf_put(b, f.s + i, run - i);
        if ((i = run) >= f.n) break;
        unsigned char c = (unsigned char)f.s[i];
        const char *rep = "";
        size_t k = 1;
        if (c >= 0x80) { /* as our writer: U+FFFD for a byte that starts no character */
            k = utf8_char((const unsigned char *)f.s + i, f.n - i);
            rep = k ? NULL : "\xEF\xBF\xBD";
            k = k ? k : 1;
        }
        switch (c) {
        case '&': rep = attr ? "" : "&amp;"; break; /* our ids hold no '&' */
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\t': rep = "&#9;"; break;
        case '\n': rep = "&#10;"; break;
        case '\r': rep = "&#13;"; break;
        default: break; /* another control character or DEL: dropped, as our writer does */
        }
        if (rep) ng_buf_puts(b, rep);
        else ng_buf_put(b, f.s + i, k);
        i += k;
    }
}

/* <data key="KEY">field</data> when the field is not empty (and, escaped, a number where
 * one is wanted: our writer writes nothing else there). */
static void put_data(ng_buf *b, const char *key, field f, int escape, int number)
{
    if (f.n == 0) return;
    for (size_t i = 0; escape && number && i < f.n; i++)
        if (!memchr("0123456789.eE+-", f.s[i], 15)) return;
    ng_buf_printf(b, "      <data key=\"%s\">", key);
    put_field(b, f, escape, 0);
    ng_buf_puts(b, "</data>\n");
}

static void put_id(ng_buf *b, const char *attr, field f, size_t i, int escape)
{
    ng_buf_printf(b, " %s=\"", attr);
    if (escape && f.n == 0) ng_buf_printf(b, "n%zu", i);
    else put_field(b, f, escape, 1);
    ng_buf_puts(b, "\"");
}

static void make_doc(ng_buf *b, const field *fs, size_t nf, int escape)
{
    size_t nn = nf < 6 ? nf : 6;
    ng_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- fuzz -->\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                   "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                   "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
                   "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
                   "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                   "  <key id=\"directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>\n"
                   "  <key id=\"relations\" for=\"graph\" attr.name=\"relations\" attr.type=\"string\"/>\n");
    ng_buf_printf(b, "  <graph id=\"fuzz\" edgedefault=\"%s\">\n", nf % 2 ? "directed" : "undirected");
    if (nf > 7) put_data(b, "relations", fs[nf - 1], escape, 0);
    for (size_t i = 0; i < nn; i++) {
        ng_buf_puts(b, "    <node");
        put_id(b, "id", fs[i], i, escape);
        ng_buf_puts(b, ">\n");
        put_data(b, "label", fs[(i + 1) % nf], escape, 0);
        put_data(b, "mentions", fs[(i + 2) % nf], escape, 1);
        ng_buf_puts(b, "    </node>\n");
    }
    for (size_t i = 0; i < nn; i++) {
        size_t j = (i * 7 + 1) % nn;
        ng_buf_printf(b, "    <edge id=\"e%zu\"", i);
        put_id(b, "source", fs[i], i, escape);
        put_id(b, "target", fs[j], j, escape);
        ng_buf_puts(b, ">\n");
        put_data(b, "relation", fs[(i + 3) % nf], escape, 0);
        put_data(b, "weight", fs[(i + 4) % nf], escape, 1);
        field d = fs[(i + 5) % nf];
        if (escape) d = (field){d.n % 2 ? "true" : "false", d.n % 2 ? 4 : 5};
        put_data(b, "directed", d, 0, 0);
        ng_buf_puts(b, "    </edge>\n");
    }
    ng_buf_puts(b, "  </graph>\n</graphml>\n");
}

/* The input's fields in the template, raw and escaped, read both ways. */
static void check_dialect(const uint8_t *data, size_t size)
{
    field fs[16];
    size_t nf = 0;
    const char *p = (const char *)data, *end = p + size;
    while (nf < 16) {
        const char *z = memchr(p, '\0', (size_t)(end - p));
        fs[nf++] = (field){p, (size_t)((z ? z : end) - p)};
        if (!z) break;
        p = z + 1;
    }
    for (int escape = 0; escape < 2; escape++) {
        ng_buf b = NG_BUF_INIT;
        ng_graph *g = NULL;
        make_doc(&b, fs, nf, escape);
        FUZZ_CHECK(!b.oom);
        const char *path = fuzz_write_file("dialect.graphml", (const uint8_t *)b.ptr, b.len);
        int rc = ng_graph__read_graphml(&g, path, 1);
        check_same_as_igraph(g, rc, path);
        ng_graph_free(g);
        ng_buf_free(&b);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_dialect(data, size);
    const char *path = fuzz_write_file("in.graphml", data, size);
    ng_graph *g = NULL;
    int rc = ng_graph__read_graphml(&g, path, 1);
    check_same_as_igraph(g, rc, path);
    if (rc < 0) {
        FUZZ_CHECK(g == NULL);
        FUZZ_CHECK(rc != NG_ENOMEM);
        FUZZ_CHECK(strstr(ng_error_last(), "in.graphml") != NULL);
        return 0;
    }
    size_t n = ng_graph_node_count(g), m = ng_graph_edge_count(g);
    for (size_t i = 0; i < n; i++) {
        const ng_node *v = ng_graph_node(g, i);
        FUZZ_CHECK(v->id && *v->id && v->label && v->aliases);
        FUZZ_CHECK((unsigned)v->type < NG_ETYPE__COUNT);
        if (i > 0) FUZZ_CHECK(strcmp(ng_graph_node(g, i - 1)->id, v->id) < 0);
    }
    for (size_t i = 0; i < m; i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        FUZZ_CHECK(e->source < n && e->target < n && e->source != e->target);
        FUZZ_CHECK(e->weight >= 1 && e->rel < ng_rel_count());
    }
    FUZZ_CHECK(ng_graph_compute_metrics(g) == NG_OK);
    ng_graph_free(g);
    return 0;
}
