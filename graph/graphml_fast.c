/* graphml_fast.c - one pass over a GraphML document into columns of values (graph_internal.h:
 * ng_gml), at a fraction of the cost of igraph 0.10.2's reader (libxml2's SAX parser and
 * igraph's handlers, src/io/graphml.c): no allocation per value, no trie.
 *
 * It reads ONE strict dialect, what newsgraph's GraphML writer (export/graphml.c) gives, and
 * hands every other document, unchanged, to igraph's reader (NG_EFORMAT, doc->why): libxml2
 * and igraph then decide, read or refuse, exactly as without this reader. The dialect is kept
 * small enough that igraph reads each document in it in one obvious way, so the two readers
 * cannot differ by a missed corner of XML (fuzzing found four such corners in a reader that
 * took "what libxml2 takes" case by case; tests/fuzz/regressions/fuzz_graphml). The dialect:
 *
 *   document := DECL (S | comment)* root S*                   nothing before DECL or after
 *   DECL     := <?xml version="1.0" encoding="UTF-8"?>        these bytes exactly
 *   comment  := <!-- text without "--" -->                     before the root only
 *   root     := <graphml S xmlns="GRAPHML_NS" [S xmlns:xsi="XSI_NS"
 *                 [S xsi:schemaLocation="SCHEMA_LOCATION"]] S? > S* (key S*)* graph S*
 *               </graphml>
 *   key      := <key S id="NAME" S for="node|edge|graph" S attr.name="NAME"
 *                 S attr.type="string|int|double|boolean" S? />
 *   graph    := <graph [S id="VALUE"] S edgedefault="directed|undirected" S? > S*
 *               (data S*)* (node S*)* (edge S*)* </graph>
 *   node     := <node S id="VALUE" S? (/> | > S* (data S*)* </node>)
 *   edge     := <edge [S id="VALUE"] S source="VALUE" S target="VALUE" S? (/> | > S* (data S*)*
 *               </edge>)
 *   data     := <data S key="NAME" S? >TEXT</data>
 *   S := [ \t\n]+   NAME := [A-Za-z_][A-Za-z0-9_.-]{0,254}
 *
 * Why each limit (what igraph or libxml2 would otherwise do in a way of their own):
 * - Bytes: UTF-8 of XML characters without carriage returns (libxml2 turns CR LF into LF),
 *   DEL or C1 controls (our writer drops them), U+FFFE, U+FFFF, surrogates.
 * - Attribute order and names fixed, no other attribute and no prefix but xsi's: no duplicate,
 *   unknown or namespaced attribute to think about; our writer writes them in this order.
 * - The root's namespace is GraphML's, and xsi's the XML Schema instance URI, byte for byte:
 *   libxml2 checks namespace URIs (fuzz_graphml's third and fourth findings).
 * - VALUE: non-empty, at most 1 MiB, no '<', '>', '"', tab, line feed (libxml2 turns them
 *   into spaces in attribute values), '&' only in the escapes our writer gives but &amp;
 *   (libxml2 hands an attribute's &amp; to igraph as "&#38;": test_graphml_read found it):
 *   &lt; &gt; &quot; &#9; &#10; &#13;. TEXT the same with &amp; too, and may hold '"', tab
 *   and line feed, and is not white space only (libxml2 may report that as ignorable). No
 *   other entity or reference, no CDATA, DOCTYPE, processing instruction, comment in the
 *   graph.
 * - Keys: typed (igraph ignores an untyped key), one per id and per attr.name in a domain
 *   (igraph refuses the first, the second makes two attributes of one name), none named
 *   "id" for nodes or edges (igraph's own "id" attributes), no <default>, no "for" but
 *   node, edge and graph, no type but those our writer gives.
 * - data: its key declared for its element's domain (igraph ignores another); a number
 *   is -?D+(.D+)?([eE][-+]?D+)? within the range of a double (igraph refuses a denormal or
 *   an overflow), a boolean true or false.
 * - One graph, its data before its nodes, its nodes before its edges; a node declared once,
 *   with a non-empty id; each edge between nodes declared before it.
 * Anything else is read by igraph's reader, which is correct for any GraphML, only slower.
 */
#include "graph_internal.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"
#define SCHEMA_LOCATION GRAPHML_NS " " GRAPHML_NS "/1.0/graphml.xsd"
#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
#define MAX_VALUE ((size_t)1 << 20) /* libxml2 refuses values over 10,000,000 bytes */
#define MAX_NAME 255
#define MAX_KEYS 256                /* per domain */

typedef struct span {
    const char *s;
    size_t n;
} span;

typedef struct gml_p {
    const char *p, *end;
    ng_gml *doc;
    size_t last_col[3]; /* where the previous <data> of each domain found its key */
    span last[2];       /* the previous edge's ends as written, and their nodes: edges */
    uint32_t last_v[2]; /* come grouped by source */
} gml_p;

static int leave(gml_p *p, const char *why)
{
    p->doc->why = why;
    return NG_EFORMAT;
}

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n'; }

static size_t skip_ws(gml_p *p)
{
    const char *s = p->p;
    while (p->p < p->end && is_ws(*p->p)) p->p++;
    return (size_t)(p->p - s);
}

/* Steps over the literal `s` when it is next; 1 if it was. */
static int lit(gml_p *p, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)(p->end - p->p) < n || memcmp(p->p, s, n) != 0) return 0;
    p->p += n;
    return 1;
}

static int span_is(span v, const char *s) { return v.n == strlen(s) && memcmp(v.s, s, v.n) == 0; }

const char *ng_gml__str(const ng_gml *doc, uint32_t off) { return doc->text.ptr + off; }

/* ------------------------------------------------------------------ the bytes */

/* 0 when every byte is ASCII printable, tab or line feed, or the UTF-8 of a character above
 * U+009F that XML allows (not a surrogate, U+FFFE or U+FFFF): the dialect's characters. */
static int check_chars(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') {
            i++;
            continue;
        }
        if (c < 0xC2 || c > 0xF4) return -1; /* controls, CR, DEL, continuations, overlongs */
        size_t k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        if (n - i <= k) return -1;
        unsigned lo = 0x80, hi = 0xBF, c1 = s[i + 1];
        if (c == 0xC2) lo = 0xA0; /* U+0080..U+009F: C1 controls */
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F; /* surrogates */
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F; /* above U+10FFFF */
        if (c1 < lo || c1 > hi) return -1;
        for (size_t j = 2; j <= k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return -1;
        if (c == 0xEF && c1 == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) return -1;
        i += k + 1;
    }
    return 0;
}

/* The escapes our writer gives (ng_xml__escape), and the only ones read here. */
static const struct {
    const char *ref;
    size_t n;
    char c;
} escapes[] = {{"&amp;", 5, '&'}, {"&lt;", 4, '<'},   {"&gt;", 4, '>'},  {"&quot;", 6, '"'},
               {"&#9;", 4, '\t'}, {"&#10;", 5, '\n'}, {"&#13;", 5, '\r'}};

/* Decodes the VALUE (attr) or TEXT s[0..n) into doc->text (NUL-terminated) at *off. */
static int put_text(gml_p *p, const char *s, size_t n, int attr, uint32_t *off)
{
    ng_buf *t = &p->doc->text;
    if (n == 0 || n > MAX_VALUE) return leave(p, "an empty value, or one over 1 MiB");
    if (ng_buf_grow(t, n + 1) < 0) return NG_ENOMEM;
    char *d = t->ptr + t->len, *start = d;
    int blank = 1;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '&') {
            size_t k = 0;
            while (k < sizeof escapes / sizeof escapes[0] &&
                   (n - i < escapes[k].n || memcmp(s + i, escapes[k].ref, escapes[k].n) != 0))
                k++;
            if (k == sizeof escapes / sizeof escapes[0])
                return leave(p, "a reference other than the escapes newsgraph writes");
            /* libxml2 gives igraph an attribute's "&amp;" as "&#38;" (it does not replace
             * entities); our writer's ids and keys hold no '&' */
            if (attr && k == 0) return leave(p, "'&amp;' in an attribute");
            *d++ = escapes[k].c;
            i += escapes[k].n;
            blank = 0; /* a reference is never white space libxml2 could drop */
            continue;
        }
        if (c == '<' || c == '>' || (attr && (c == '"' || c == '\t' || c == '\n')))
            return leave(p, "'<', '>', or in an attribute a quote, tab or line feed");
        blank &= is_ws(c);
        *d++ = c;
        i++;
    }
    if (blank) return leave(p, "a value of white space only");
    *d = '\0';
    *off = (uint32_t)t->len;
    t->len += (size_t)(d - start) + 1;
    return NG_OK;
}

/* ------------------------------------------------------------------ attributes and tags */

/* S name="VALUE" next: its raw value in *v, 1; 0 (nothing read) when the attribute next is
 * another or there is none. */
static int attr_opt(gml_p *p, const char *name, span *v)
{
    const char *at = p->p;
    if (skip_ws(p) == 0 || !lit(p, name) || !lit(p, "=\"")) {
        p->p = at;
        return 0;
    }
    const char *q = memchr(p->p, '"', (size_t)(p->end - p->p));
    if (!q) {
        p->p = at;
        return 0;
    }
    v->s = p->p;
    v->n = (size_t)(q - p->p);
    p->p = q + 1;
    return 1;
}

static int attr_req(gml_p *p, const char *name, span *v)
{
    return attr_opt(p, name, v) ? NG_OK : leave(p, "a tag other than the dialect's");
}

static int is_name(span v)
{
    if (v.n == 0 || v.n > MAX_NAME) return 0;
    for (size_t i = 0; i < v.n; i++) {
        char c = v.s[i];
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '-' || c == '.'))) return 0;
    }
    return 1;
}

/* The end of a start tag: S? then '>' or, when allowed, "/>" (*empty). */
static int tag_end(gml_p *p, int may_be_empty, int *empty)
{
    skip_ws(p);
    *empty = may_be_empty && lit(p, "/>");
    if (*empty || lit(p, ">")) return NG_OK;
    return leave(p, "a tag other than the dialect's");
}

/* A VALUE checked as libxml2 would read it, its text not kept (ids igraph does not use). */
static int check_value(gml_p *p, span v)
{
    uint32_t off;
    size_t mark = p->doc->text.len;
    int error = put_text(p, v.s, v.n, 1, &off);
    p->doc->text.len = mark;
    return error;
}

/* ------------------------------------------------------------------ values */

/* The digits at s[*i..n): how many, stepped over. */
static size_t digits(const char *s, size_t n, size_t *i)
{
    size_t from = *i;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') ++*i;
    return *i - from;
}

/* A number as our writer gives it (ng_export__put_int, ng_export__real), -?D+(.D+)?(e[-+]?D+)?,
 * that strtod reads whole within the range of a double. */
static int parse_number(gml_p *p, span v, double *out)
{
    char buf[64], *end;
    size_t i = 0, n = v.n;
    const char *s = v.s;
    int ok = n > 0 && n < sizeof buf;
    if (ok && s[i] == '-') i++;
    ok = ok && digits(s, n, &i) > 0;
    if (ok && i < n && s[i] == '.') {
        i++;
        ok = digits(s, n, &i) > 0;
    }
    if (ok && i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) i++;
        ok = digits(s, n, &i) > 0;
    }
    if (!ok || i != n) return leave(p, "a number not as newsgraph writes it");
    memcpy(buf, s, n);
    buf[n] = '\0';
    errno = 0;
    *out = strtod(buf, &end);
    if (errno == ERANGE || *end != '\0') return leave(p, "a number igraph refuses");
    return NG_OK;
}

/* Makes room for element i in the column's values (new ones the default: no <default> in
 * the dialect, so "", NaN, false). */
static int col_room(ng_gml_col *c, size_t i)
{
    size_t old = c->cap;
    if (i < old) return NG_OK;
    size_t cap = old ? old : 64;
    while (cap <= i) cap *= 2;
    size_t elem = c->kind == IGRAPH_ATTRIBUTE_STRING    ? sizeof *c->s
                  : c->kind == IGRAPH_ATTRIBUTE_NUMERIC ? sizeof *c->n
                                                        : sizeof *c->b;
    void **v = c->kind == IGRAPH_ATTRIBUTE_STRING    ? (void **)&c->s
               : c->kind == IGRAPH_ATTRIBUTE_NUMERIC ? (void **)&c->n
                                                     : (void **)&c->b;
    void *grown = ng_realloc(*v, cap * elem);
    if (!grown) return NG_ENOMEM;
    *v = grown;
    for (size_t k = old; k < cap; k++) {
        if (c->kind == IGRAPH_ATTRIBUTE_STRING) c->s[k] = 0;
        else if (c->kind == IGRAPH_ATTRIBUTE_NUMERIC) c->n[k] = NAN;
        else c->b[k] = 0;
    }
    c->cap = cap;
    return NG_OK;
}

/* The raw TEXT v as element i's value of column c (a later <data> of the same key wins, as
 * in igraph). */
static int col_set(gml_p *p, ng_gml_col *c, size_t i, span v)
{
    int error;
    uint32_t off;
    if ((error = col_room(c, i)) < 0) return error;
    if (c->kind == IGRAPH_ATTRIBUTE_NUMERIC) return parse_number(p, v, &c->n[i]);
    if (c->kind == IGRAPH_ATTRIBUTE_BOOLEAN) {
        if (!span_is(v, "true") && !span_is(v, "false"))
            return leave(p, "a boolean other than true or false");
        c->b[i] = span_is(v, "true");
        return NG_OK;
    }
    if ((error = put_text(p, v.s, v.n, 0, &off)) < 0) return error;
    c->s[i] = off;
    return NG_OK;
}

/* ------------------------------------------------------------------ keys */

/* 1 when the domain already has a key with this id or attribute name. */
static int key_taken(const ng_gml *doc, int dom, span id, span name)
{
    for (size_t k = 0; k < doc->n_cols[dom]; k++) {
        const ng_gml_col *c = &doc->cols[dom][k];
        if (span_is(id, ng_gml__str(doc, c->key)) || span_is(name, ng_gml__str(doc, c->name)))
            return 1;
    }
    return 0;
}

static int put_name(gml_p *p, span v, uint32_t *off)
{
    *off = (uint32_t)p->doc->text.len;
    if (ng_buf_put(&p->doc->text, v.s, v.n) < 0 || ng_buf_put(&p->doc->text, "", 1) < 0)
        return NG_ENOMEM;
    return NG_OK;
}

/* After "<key". */
static int read_key(gml_p *p)
{
    static const char *const doms[] = {"graph", "node", "edge"}; /* NG_GML_GRAPH.. order */
    static const char *const types[] = {"string", "int", "double", "boolean"};
    static const int kinds[] = {IGRAPH_ATTRIBUTE_STRING, IGRAPH_ATTRIBUTE_NUMERIC,
                                IGRAPH_ATTRIBUTE_NUMERIC, IGRAPH_ATTRIBUTE_BOOLEAN};
    int error, dom = 0, type = 0, empty;
    ng_gml *doc = p->doc;
    span id, f, name, t;
    if ((error = attr_req(p, "id", &id)) < 0 || (error = attr_req(p, "for", &f)) < 0 ||
        (error = attr_req(p, "attr.name", &name)) < 0 ||
        (error = attr_req(p, "attr.type", &t)) < 0 || (error = tag_end(p, 1, &empty)) < 0)
        return error;
    while (dom < 3 && !span_is(f, doms[dom])) dom++;
    while (type < 4 && !span_is(t, types[type])) type++;
    if (!empty || dom == 3 || type == 4 || !is_name(id) || !is_name(name))
        return leave(p, "a key other than the dialect's");
    if (key_taken(doc, dom, id, name) || doc->n_cols[dom] == MAX_KEYS ||
        (dom != NG_GML_GRAPH && span_is(name, "id")))
        return leave(p, "two keys with one id or name, or an attribute named id");
    if (NG_ARRAY_GROW(doc->cols[dom], doc->cap_cols[dom], doc->n_cols[dom] + 1) < 0)
        return NG_ENOMEM;
    ng_gml_col *c = &doc->cols[dom][doc->n_cols[dom]++];
    memset(c, 0, sizeof *c);
    c->kind = kinds[type];
    c->def_n = NAN;
    if ((error = put_name(p, id, &c->key)) < 0 || (error = put_name(p, name, &c->name)) < 0)
        return error;
    return NG_OK;
}

/* ------------------------------------------------------------------ data, nodes, edges */

/* The column of domain `dom` whose key id is `v`, or NULL. Data come in the same order
 * element after element, so the search starts after the previous one's key. */
static ng_gml_col *find_col(gml_p *p, int dom, span v)
{
    size_t n = p->doc->n_cols[dom];
    for (size_t k = 0; k < n; k++) {
        size_t i = (p->last_col[dom] + 1 + k) % n;
        ng_gml_col *c = &p->doc->cols[dom][i];
        if (span_is(v, ng_gml__str(p->doc, c->key))) {
            p->last_col[dom] = i;
            return c;
        }
    }
    return NULL;
}

/* After "<data". */
static int read_data(gml_p *p, int dom, size_t elem)
{
    int error, empty;
    span key, text;
    if ((error = attr_req(p, "key", &key)) < 0 || (error = tag_end(p, 0, &empty)) < 0)
        return error;
    const char *lt = memchr(p->p, '<', (size_t)(p->end - p->p));
    if (!lt) return leave(p, "a cut data element");
    text.s = p->p;
    text.n = (size_t)(lt - p->p);
    p->p = lt;
    if (!lit(p, "</data>")) return leave(p, "markup in a data element");
    ng_gml_col *c = find_col(p, dom, key);
    if (!c) return leave(p, "a data element whose key is not declared for its element");
    return col_set(p, c, elem, text);
}

/* The <data> children of a node or an edge, to its end tag `close`. */
static int read_children(gml_p *p, int empty, int dom, size_t elem, const char *close)
{
    int error;
    if (empty) return NG_OK;
    for (;;) {
        skip_ws(p);
        if (lit(p, close)) return NG_OK;
        if (!lit(p, "<data")) return leave(p, "an element other than data in a node or edge");
        if ((error = read_data(p, dom, elem)) < 0) return error;
    }
}

static int id_eq(const void *ctx, uint32_t idx, const void *key)
{
    const ng_gml *doc = ctx;
    return strcmp(ng_gml__str(doc, doc->node_id[idx]), key) == 0;
}

/* The node whose id is the raw VALUE v (decoded at *off): 1 and *idx when known. */
static int find_node(gml_p *p, span v, uint32_t *off, uint32_t *idx)
{
    int error;
    if ((error = put_text(p, v.s, v.n, 1, off)) < 0) return error;
    const char *s = ng_gml__str(p->doc, *off);
    return ng_ihash__find(&p->doc->ids, ng_graph__hash(s, strlen(s)), id_eq, p->doc, s, idx);
}

/* After "<node". */
static int read_node(gml_p *p)
{
    int error, empty;
    ng_gml *doc = p->doc;
    span id;
    uint32_t off, idx;
    if ((error = attr_req(p, "id", &id)) < 0 || (error = tag_end(p, 1, &empty)) < 0)
        return error;
    if ((error = find_node(p, id, &off, &idx)) < 0) return error;
    if (error == 1) return leave(p, "a node declared twice");
    const char *s = ng_gml__str(doc, off);
    if (doc->n_nodes >= UINT32_MAX - 1 ||
        NG_ARRAY_GROW(doc->node_id, doc->cap_nodes, doc->n_nodes + 1) < 0)
        return NG_ENOMEM;
    if ((error = ng_ihash__insert(&doc->ids, ng_graph__hash(s, strlen(s)),
                                  (uint32_t)doc->n_nodes)) < 0)
        return error;
    doc->node_id[doc->n_nodes] = off;
    return read_children(p, empty, NG_GML_NODE, doc->n_nodes++, "</node>");
}

/* The node of edge end `v` (k: 0 source, 1 target). */
static int edge_end(gml_p *p, span v, int k, uint32_t *node)
{
    int error;
    uint32_t off;
    const span *l = &p->last[k];
    if (l->s && v.n == l->n && memcmp(v.s, l->s, v.n) == 0) {
        *node = p->last_v[k];
        return NG_OK;
    }
    size_t mark = p->doc->text.len;
    if ((error = find_node(p, v, &off, node)) < 0) return error;
    p->doc->text.len = mark; /* the id is the node's */
    if (error == 0) return leave(p, "an edge to a node not declared before it");
    p->last[k] = v;
    p->last_v[k] = *node;
    return NG_OK;
}

/* After "<edge". */
static int read_edge(gml_p *p)
{
    int error, empty;
    ng_gml *doc = p->doc;
    span id, from, to;
    uint32_t u, v;
    if ((attr_opt(p, "id", &id) && (error = check_value(p, id)) < 0) ||
        (error = attr_req(p, "source", &from)) < 0 || (error = attr_req(p, "target", &to)) < 0 ||
        (error = tag_end(p, 1, &empty)) < 0)
        return error;
    if ((error = edge_end(p, from, 0, &u)) < 0 || (error = edge_end(p, to, 1, &v)) < 0)
        return error;
    if (NG_ARRAY_GROW(doc->ends, doc->cap_edges, 2 * doc->n_edges + 2) < 0) return NG_ENOMEM;
    doc->ends[2 * doc->n_edges] = u;
    doc->ends[2 * doc->n_edges + 1] = v;
    return read_children(p, empty, NG_GML_EDGE, doc->n_edges++, "</edge>");
}

/* ------------------------------------------------------------------ graph and document */

/* After "<graph": its data, then its nodes, then its edges. */
static int read_graph(gml_p *p)
{
    int error, empty, part = 0; /* 0 data, 1 nodes, 2 edges */
    span id, dir;
    if ((attr_opt(p, "id", &id) && (error = check_value(p, id)) < 0) ||
        (error = attr_req(p, "edgedefault", &dir)) < 0 || (error = tag_end(p, 0, &empty)) < 0)
        return error;
    if (!span_is(dir, "directed") && !span_is(dir, "undirected"))
        return leave(p, "an edgedefault other than directed or undirected");
    p->doc->directed = span_is(dir, "directed");
    for (;;) {
        skip_ws(p);
        if (lit(p, "</graph>")) return NG_OK;
        if (part == 0 && lit(p, "<data")) {
            error = read_data(p, NG_GML_GRAPH, 0);
        } else if (part <= 1 && lit(p, "<node")) {
            part = 1;
            error = read_node(p);
        } else if (lit(p, "<edge")) {
            part = 2;
            error = read_edge(p);
        } else {
            error = leave(p, "an element other than data, nodes, edges in that order");
        }
        if (error < 0) return error;
    }
}

/* The declaration, then white space and comments (without "--", so each ends at the first
 * "--", which must be its "-->"). */
static int read_prolog(gml_p *p)
{
    if (!lit(p, DECL)) return leave(p, "an XML declaration other than newsgraph's");
    for (;;) {
        skip_ws(p);
        if (!lit(p, "<!--")) return NG_OK;
        const char *e = p->p;
        const char *stop = p->end - p->p > (ptrdiff_t)MAX_VALUE ? p->p + MAX_VALUE : p->end;
        while ((e = memchr(e, '-', (size_t)(stop - e))) && stop - e >= 2 && e[1] != '-') e++;
        if (!e || p->end - e < 3 || e[1] != '-' || e[2] != '>')
            return leave(p, "a comment with '--', over 1 MiB, or cut");
        p->p = e + 3;
    }
}

/* <graphml> with GraphML's namespace and, as our writer gives them, xsi's and the schema. */
static int read_root_tag(gml_p *p)
{
    int error, empty;
    span ns, xsi, loc;
    if (!lit(p, "<graphml")) return leave(p, "a root other than <graphml>");
    if ((error = attr_req(p, "xmlns", &ns)) < 0) return error;
    if (!span_is(ns, GRAPHML_NS)) return leave(p, "a namespace other than GraphML's");
    if (attr_opt(p, "xmlns:xsi", &xsi)) {
        if (!span_is(xsi, XSI_NS)) return leave(p, "an xsi namespace other than XML Schema's");
        if (attr_opt(p, "xsi:schemaLocation", &loc) && !span_is(loc, SCHEMA_LOCATION))
            return leave(p, "a schema location other than GraphML's");
    }
    return tag_end(p, 0, &empty);
}

static int read_doc(gml_p *p)
{
    int error;
    if ((error = read_prolog(p)) < 0 || (error = read_root_tag(p)) < 0) return error;
    for (;;) {
        skip_ws(p);
        if (!lit(p, "<key")) break;
        if ((error = read_key(p)) < 0) return error;
    }
    if (!lit(p, "<graph")) return leave(p, "an element other than keys, then one graph");
    if ((error = read_graph(p)) < 0) return error;
    skip_ws(p);
    if (!lit(p, "</graphml>")) return leave(p, "an element other than keys, then one graph");
    skip_ws(p);
    return p->p == p->end ? NG_OK : leave(p, "content after the root element");
}

/* The node ids become the node column "id", as igraph's reader makes it. */
static int add_id_column(ng_gml *doc)
{
    uint32_t off;
    if (NG_ARRAY_GROW(doc->cols[NG_GML_NODE], doc->cap_cols[NG_GML_NODE],
                      doc->n_cols[NG_GML_NODE] + 1) < 0 ||
        ng_buf_put(&doc->text, "id", 3) < 0) /* with its NUL */
        return NG_ENOMEM;
    off = (uint32_t)(doc->text.len - 3);
    ng_gml_col *c = &doc->cols[NG_GML_NODE][doc->n_cols[NG_GML_NODE]++];
    memset(c, 0, sizeof *c);
    c->key = c->name = off;
    c->kind = IGRAPH_ATTRIBUTE_STRING;
    c->s = doc->node_id;
    c->cap = doc->cap_nodes;
    doc->node_id = NULL;
    doc->cap_nodes = 0;
    return NG_OK;
}

int ng_gml__parse(ng_gml *doc, const char *xml, size_t len)
{
    int error;
    gml_p p = {xml, xml + len, doc, {0, 0, 0}, {{NULL, 0}, {NULL, 0}}, {0, 0}};
    memset(doc, 0, sizeof *doc);
    if (len >= UINT32_MAX / 2) return leave(&p, "larger than 2 GiB");
    if (check_chars((const unsigned char *)xml, len) < 0)
        return leave(&p, "bytes other than UTF-8 text without CR, DEL and C1 controls");
    /* offset 0 is the empty string: "no value" */
    if (ng_buf_grow(&doc->text, len / 8 + 64) < 0 || ng_buf_put(&doc->text, "", 1) < 0)
        return NG_ENOMEM;
    if ((error = read_doc(&p)) < 0) return error;
    return add_id_column(doc);
}

void ng_gml__free(ng_gml *doc)
{
    if (!doc) return;
    ng_buf_free(&doc->text);
    for (int d = 0; d < 3; d++) {
        for (size_t k = 0; k < doc->n_cols[d]; k++) {
            free(doc->cols[d][k].s);
            free(doc->cols[d][k].n);
            free(doc->cols[d][k].b);
        }
        free(doc->cols[d]);
    }
    free(doc->node_id);
    free(doc->ends);
    ng_ihash__free(&doc->ids);
    memset(doc, 0, sizeof *doc);
}
