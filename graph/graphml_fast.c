/* graphml_fast.c - one pass over a GraphML document into columns of values (graph_internal.h:
 * ng_gml), for the files newsgraph and most tools write, giving exactly what igraph 0.10.2's
 * reader (libxml2's SAX parser and igraph's handlers, src/io/graphml.c) gives for them, at a
 * fraction of its cost: no allocation per attribute value (the decoded strings go into one
 * buffer, numbers into one array per key), no trie.
 *
 * What it reads: an optional XML declaration (UTF-8), comments, the <graphml> root (no
 * namespace or GraphML's), <key> (for node, edge or graph; typed string, boolean, int, long,
 * float or double, or untyped: ignored as igraph ignores it) with an optional <default>, one
 * <graph>, and in it <data>, <node> and <edge> elements whose ends are nodes declared before.
 * Text is decoded as libxml2 does (the five entities, character references, line ends; in
 * attribute values white space becomes a space). Anything else (a DOCTYPE, CDATA, another
 * element, a second graph, a node seen twice, an edge to a node not declared yet, a value
 * igraph would refuse, bytes that are not UTF-8, ...) returns NG_EFORMAT with doc->why: the
 * caller then hands the file to igraph's reader, which reads it or names the problem as
 * before. So a file is never read differently, only faster.
 */
#include "graph_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ATTRS 32
#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

typedef struct gml_attr {
    const char *name, *val;
    size_t nlen, vlen;
} gml_attr;

typedef struct gml_tag {
    const char *name;
    size_t nlen, n;
    gml_attr a[MAX_ATTRS];
    int empty; /* <name .../> */
} gml_tag;

typedef struct gml_p {
    const char *p, *end;
    ng_gml *doc;
    size_t last_col[3]; /* where the previous <data> of each domain found its key */
    gml_attr last[2];   /* the previous edge's ends as written, and their nodes: edges */
    uint32_t last_v[2]; /* come grouped by source or by target */
} gml_p;

static int leave(gml_p *p, const char *why)
{
    p->doc->why = why;
    return NG_EFORMAT;
}

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int is_name(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.' || c == ':';
}

/* XML names start with a letter, '_' or ':' (libxml2 rejects "2ttr.name"; fuzz_graphml) */
static int is_name_start(char c) { return is_name(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.'; }

static int starts(const gml_p *p, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(p->end - p->p) >= n && memcmp(p->p, s, n) == 0;
}

const char *ng_gml__str(const ng_gml *doc, uint32_t off) { return doc->text.ptr + off; }

/* ------------------------------------------------------------------ the bytes */

/* 0 when `s` is UTF-8 without the characters XML forbids (controls but tab, line feed and
 * carriage return; U+FFFE, U+FFFF); libxml2 refuses such a document. */
static int check_chars(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x80) {
            i++;
            continue;
        }
        if (c < 0x20) {
            if (c != '\t' && c != '\n' && c != '\r') return -1;
            i++;
            continue;
        }
        size_t k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        if (c < 0xC2 || c > 0xF4 || i + k >= n) return -1;
        unsigned lo = 0x80, hi = 0xBF, c1 = s[i + 1];
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
        if (c1 < lo || c1 > hi) return -1;
        for (size_t j = 2; j <= k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return -1;
        if (c == 0xEF && c1 == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) return -1;
        i += k + 1;
    }
    return 0;
}

/* Appends the UTF-8 of a character reference's code point; -1 when XML forbids it. */
static int put_code(char **dst, unsigned long c)
{
    unsigned char *d = (unsigned char *)*dst;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0xD800 && c <= 0xDFFF) ||
        c == 0xFFFE || c == 0xFFFF || c > 0x10FFFF)
        return -1;
    if (c < 0x80) {
        *d++ = (unsigned char)c;
    } else if (c < 0x800) {
        *d++ = (unsigned char)(0xC0 | c >> 6);
        *d++ = (unsigned char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *d++ = (unsigned char)(0xE0 | c >> 12);
        *d++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        *d++ = (unsigned char)(0x80 | (c & 0x3F));
    } else {
        *d++ = (unsigned char)(0xF0 | c >> 18);
        *d++ = (unsigned char)(0x80 | (c >> 12 & 0x3F));
        *d++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        *d++ = (unsigned char)(0x80 | (c & 0x3F));
    }
    *dst = (char *)d;
    return 0;
}

/* The reference at s[0] == '&' (n bytes left) written to *dst; its length, or 0 if invalid. */
static size_t put_ref(char **dst, const char *s, size_t n)
{
    static const char *const names[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
    static const char chars[] = "&<>\"'";
    for (size_t k = 0; k < 5; k++) {
        size_t len = strlen(names[k]);
        if (n > len && memcmp(s + 1, names[k], len) == 0) {
            *(*dst)++ = chars[k];
            return len + 1;
        }
    }
    if (n < 4 || s[1] != '#') return 0;
    int hex = s[2] == 'x';
    size_t i = hex ? 3 : 2, digits = 0;
    unsigned long c = 0;
    for (; i < n && s[i] != ';'; i++, digits++) {
        int d = s[i] >= '0' && s[i] <= '9'                ? s[i] - '0'
                : hex && s[i] >= 'a' && s[i] <= 'f'      ? s[i] - 'a' + 10
                : hex && s[i] >= 'A' && s[i] <= 'F'      ? s[i] - 'A' + 10
                                                         : -1;
        if (d < 0 || digits >= 8) return 0;
        c = c * (hex ? 16 : 10) + (unsigned long)d;
    }
    if (i >= n || digits == 0 || put_code(dst, c) < 0) return 0;
    return i + 1;
}

/* Decodes s[0..n) into doc->text (NUL-terminated) at *off, as libxml2 delivers it: in an
 * attribute value (`attr`) literal white space becomes a space, in text "]]>" is an error. */
static int put_text(gml_p *p, const char *s, size_t n, int attr, uint32_t *off)
{
    ng_buf *t = &p->doc->text;
    if (ng_buf_grow(t, n + 1) < 0) return NG_ENOMEM;
    char *d = t->ptr + t->len, *start = d;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '&') {
            size_t used = put_ref(&d, s + i, n - i);
            if (!used) return leave(p, "an entity other than XML's five, or a bad reference");
            i += used;
        } else if (c == '\r') {
            *d++ = attr ? ' ' : '\n';
            i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        } else {
            if (!attr && c == ']' && n - i >= 3 && s[i + 1] == ']' && s[i + 2] == '>')
                return leave(p, "']]>' in text");
            *d++ = attr && (c == '\t' || c == '\n') ? ' ' : c;
            i++;
        }
    }
    *d = '\0';
    *off = (uint32_t)t->len;
    t->len += (size_t)(d - start) + 1;
    return NG_OK;
}

/* ------------------------------------------------------------------ markup */

/* Skips the comment at p->p ("<!--"); XML forbids "--" in it. */
static int skip_comment(gml_p *p)
{
    const char *e = p->p + 4;
    while ((e = memchr(e, '-', (size_t)(p->end - e))) && p->end - e >= 2 && e[1] != '-') e++;
    if (!e || p->end - e < 3 || e[2] != '>') return leave(p, "a comment with '--' or cut");
    p->p = e + 3;
    return NG_OK;
}

/* Skips white space and comments up to the next '<' of a tag; text there is not ours. */
static int next_tag(gml_p *p)
{
    int error;
    for (;;) {
        while (p->p < p->end && is_ws(*p->p)) p->p++;
        if (p->p >= p->end) return leave(p, "the document ends inside an element");
        if (*p->p != '<') return leave(p, "text outside <data> and <default>");
        if (!starts(p, "<!--")) return NG_OK;
        if ((error = skip_comment(p)) < 0) return error;
    }
}

/* Reads the start tag at p->p ('<' then a name) into *t. */
static int read_tag(gml_p *p, gml_tag *t)
{
    const char *s = p->p + 1, *e = p->end;
    t->name = s;
    while (s < e && is_name(*s)) s++;
    t->nlen = (size_t)(s - t->name);
    t->n = 0;
    t->empty = 0;
    if (!t->nlen || !is_name_start(*t->name))
        return leave(p, "markup other than elements and comments");
    for (;;) {
        const char *gap = s;
        while (s < e && is_ws(*s)) s++;
        if (s >= e) return leave(p, "a cut tag");
        if (*s == '>' || (*s == '/' && s + 1 < e && s[1] == '>')) {
            t->empty = *s == '/';
            p->p = s + 1 + t->empty;
            break;
        }
        if (s == gap || !is_name_start(*s) || t->n == MAX_ATTRS) return leave(p, "an unusual tag");
        gml_attr *a = &t->a[t->n++];
        a->name = s;
        while (s < e && is_name(*s)) s++;
        a->nlen = (size_t)(s - a->name);
        while (s < e && is_ws(*s)) s++;
        if (s < e && *s == '=') s++;
        else return leave(p, "an attribute without a value");
        while (s < e && is_ws(*s)) s++;
        if (s >= e || (*s != '"' && *s != '\'')) return leave(p, "an unquoted attribute");
        const char *q = memchr(s + 1, *s, (size_t)(e - s - 1));
        if (!q || memchr(s + 1, '<', (size_t)(q - s - 1))) return leave(p, "'<' in an attribute");
        a->val = s + 1;
        a->vlen = (size_t)(q - a->val);
        s = q + 1;
    }
    for (size_t i = 0; i < t->n; i++)
        for (size_t j = i + 1; j < t->n; j++)
            if (t->a[i].nlen == t->a[j].nlen && !memcmp(t->a[i].name, t->a[j].name, t->a[i].nlen))
                return leave(p, "an attribute given twice");
    return NG_OK;
}

static int tag_is(const gml_tag *t, const char *name)
{
    return t->nlen == strlen(name) && memcmp(t->name, name, t->nlen) == 0;
}

static int attr_is(const gml_attr *a, const char *name)
{
    return a->nlen == strlen(name) && memcmp(a->name, name, a->nlen) == 0;
}

static int val_is(const gml_attr *a, const char *v)
{
    return a->vlen == strlen(v) && memcmp(a->val, v, a->vlen) == 0;
}

/* The attribute `name` of the tag, or NULL; a prefixed one (another namespace) is not ours. */
static const gml_attr *find_attr(const gml_tag *t, const char *name)
{
    for (size_t i = 0; i < t->n; i++)
        if (attr_is(&t->a[i], name)) return &t->a[i];
    return NULL;
}

static int prefixed_attrs(const gml_tag *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (memchr(t->a[i].name, ':', t->a[i].nlen) || attr_is(&t->a[i], "xmlns")) return 1;
    return 0;
}

/* The end tag </name> at p->p. */
static int end_tag(gml_p *p, const char *name)
{
    size_t n = strlen(name);
    if ((size_t)(p->end - p->p) < n + 3 || p->p[1] != '/' || memcmp(p->p + 2, name, n) != 0)
        return leave(p, "an element other than GraphML's where it is read");
    p->p += n + 2;
    while (p->p < p->end && is_ws(*p->p)) p->p++;
    if (p->p >= p->end || *p->p != '>') return leave(p, "a bad end tag");
    p->p++;
    return NG_OK;
}

/* ------------------------------------------------------------------ values */

/* igraph_i_graphml_parse_numeric: white space trimmed, empty = the default, else strtod over
 * the whole text within the range of a double. */
static int parse_real(gml_p *p, const char *s, double def, double *out)
{
    char buf[128], *end;
    size_t n = strlen(s);
    while (n && is_ws(*s)) s++, n--;
    while (n && is_ws(s[n - 1])) n--;
    if (n == 0) {
        *out = def;
        return NG_OK;
    }
    if (n >= sizeof buf) return leave(p, "a long number");
    memcpy(buf, s, n);
    buf[n] = '\0';
    errno = 0;
    *out = strtod(buf, &end);
    if (errno == ERANGE || *end != '\0') return leave(p, "a number igraph refuses");
    return NG_OK;
}

/* igraph_i_graphml_parse_boolean, less its integers (left to igraph). */
static int parse_bool(gml_p *p, const char *s, int def, unsigned char *out)
{
    size_t n = strlen(s);
    while (n && is_ws(*s)) s++, n--;
    while (n && is_ws(s[n - 1])) n--;
    if (n == 0) *out = (unsigned char)def;
    else if ((n == 4 && !strncasecmp(s, "true", 4)) || (n == 3 && !strncasecmp(s, "yes", 3)))
        *out = 1;
    else if ((n == 5 && !strncasecmp(s, "false", 5)) || (n == 2 && !strncasecmp(s, "no", 2)))
        *out = 0;
    else
        return leave(p, "a boolean other than true, yes, false, no");
    return NG_OK;
}

/* Makes room for element i in the column's values (new ones the default). */
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
        else if (c->kind == IGRAPH_ATTRIBUTE_NUMERIC) c->n[k] = c->def_n;
        else c->b[k] = (unsigned char)c->def_b;
    }
    c->cap = cap;
    return NG_OK;
}

/* Stores the text at `off` (0: no text at all) as element i's value of column c. */
static int col_set(gml_p *p, ng_gml_col *c, size_t i, uint32_t off)
{
    int error;
    const char *s = ng_gml__str(p->doc, off);
    if (c->kind == 0) return NG_OK; /* untyped: igraph ignores it */
    if (*s) {
        const char *q = s;
        while (is_ws(*q)) q++;
        if (!*q) return leave(p, "a value of white space only"); /* libxml2 may drop it */
    }
    if ((error = col_room(c, i)) < 0) return error;
    if (c->kind == IGRAPH_ATTRIBUTE_STRING) c->s[i] = *s ? off : 0;
    else if (c->kind == IGRAPH_ATTRIBUTE_NUMERIC) return parse_real(p, s, c->def_n, &c->n[i]);
    else return parse_bool(p, s, c->def_b, &c->b[i]);
    return NG_OK;
}

/* ------------------------------------------------------------------ keys */

static int key_domain(gml_p *p, const gml_tag *t, int *dom)
{
    const gml_attr *f = find_attr(t, "for");
    if (f && val_is(f, "node")) *dom = NG_GML_NODE;
    else if (f && val_is(f, "edge")) *dom = NG_GML_EDGE;
    else if (f && val_is(f, "graph")) *dom = NG_GML_GRAPH;
    else return leave(p, "a key for something other than node, edge or graph");
    return NG_OK;
}

static int key_kind(gml_p *p, const gml_tag *t, int *kind)
{
    static const char *const types[] = {"string", "boolean", "int", "long", "float", "double"};
    const gml_attr *a = find_attr(t, "attr.type");
    *kind = 0;
    for (size_t k = 0; a && k < 6 && !*kind; k++)
        if (val_is(a, types[k]))
            *kind = k == 0 ? IGRAPH_ATTRIBUTE_STRING
                    : k == 1 ? IGRAPH_ATTRIBUTE_BOOLEAN : IGRAPH_ATTRIBUTE_NUMERIC;
    if (a && !*kind) return leave(p, "an attribute type igraph does not know");
    return NG_OK;
}

/* 1 when the domain already has a key with this id (ids) or attribute name. */
static int key_taken(const ng_gml *doc, int dom, uint32_t id, uint32_t name)
{
    for (size_t k = 0; k < doc->n_cols[dom]; k++) {
        const ng_gml_col *c = &doc->cols[dom][k];
        if (!strcmp(ng_gml__str(doc, c->key), ng_gml__str(doc, id)) ||
            !strcmp(ng_gml__str(doc, c->name), ng_gml__str(doc, name)))
            return 1;
    }
    return 0;
}

/* <default>text</default> of the key just read. */
static int key_default(gml_p *p, ng_gml_col *c)
{
    int error;
    gml_tag t;
    uint32_t off = 0;
    if ((error = read_tag(p, &t)) < 0) return error;
    if (!tag_is(&t, "default") || t.n) return leave(p, "a key with content other than <default>");
    if (!t.empty) {
        const char *lt = memchr(p->p, '<', (size_t)(p->end - p->p));
        if (!lt) return leave(p, "a cut default");
        if ((error = put_text(p, p->p, (size_t)(lt - p->p), 0, &off)) < 0) return error;
        p->p = lt;
        if ((error = end_tag(p, "default")) < 0) return error;
    }
    const char *s = ng_gml__str(p->doc, off);
    if (c->kind == IGRAPH_ATTRIBUTE_STRING) c->def_s = off;
    else if (c->kind == IGRAPH_ATTRIBUTE_NUMERIC) error = parse_real(p, s, NAN, &c->def_n);
    else if (c->kind == IGRAPH_ATTRIBUTE_BOOLEAN) {
        unsigned char b;
        if ((error = parse_bool(p, s, 0, &b)) == NG_OK) c->def_b = b;
    }
    return error;
}

static int read_key(gml_p *p, const gml_tag *t)
{
    int error, dom, kind;
    ng_gml *doc = p->doc;
    const gml_attr *id = find_attr(t, "id"), *name = find_attr(t, "attr.name");
    uint32_t id_off, name_off;
    if (prefixed_attrs(t) || !id) return leave(p, "an unusual key");
    if ((error = key_domain(p, t, &dom)) < 0 || (error = key_kind(p, t, &kind)) < 0) return error;
    if ((error = put_text(p, id->val, id->vlen, 1, &id_off)) < 0) return error;
    name_off = id_off;
    if (name && (error = put_text(p, name->val, name->vlen, 1, &name_off)) < 0) return error;
    if (key_taken(doc, dom, id_off, name_off) ||
        (dom == NG_GML_NODE && !strcmp(ng_gml__str(doc, name_off), "id")))
        return leave(p, "two keys with one id or name, or a node attribute named id");
    if (NG_ARRAY_GROW(doc->cols[dom], doc->cap_cols[dom], doc->n_cols[dom] + 1) < 0)
        return NG_ENOMEM;
    ng_gml_col *c = &doc->cols[dom][doc->n_cols[dom]++];
    memset(c, 0, sizeof *c);
    c->key = id_off;
    c->name = name_off;
    c->kind = kind;
    c->def_n = NAN;
    if (t->empty) return NG_OK;
    if ((error = next_tag(p)) < 0) return error;
    if (p->p[1] != '/') {
        if ((error = key_default(p, c)) < 0 || (error = next_tag(p)) < 0) return error;
    }
    return end_tag(p, "key");
}

/* ------------------------------------------------------------------ data, nodes, edges */

/* The column of domain `dom` whose key id is the raw value `v`, or NULL (igraph ignores
 * <data> with an unknown key). Data come in the same order element after element, so the
 * search starts after the previous one's key. */
static ng_gml_col *find_col(gml_p *p, int dom, const gml_attr *v)
{
    size_t n = p->doc->n_cols[dom];
    for (size_t k = 0; k < n; k++) {
        size_t i = (p->last_col[dom] + 1 + k) % n;
        ng_gml_col *c = &p->doc->cols[dom][i];
        const char *key = ng_gml__str(p->doc, c->key);
        if (strlen(key) == v->vlen && memcmp(key, v->val, v->vlen) == 0) {
            p->last_col[dom] = i;
            return c;
        }
    }
    return NULL;
}

static int read_data(gml_p *p, const gml_tag *t, int dom, size_t elem)
{
    int error;
    uint32_t off = 0;
    const gml_attr *key = find_attr(t, "key");
    /* igraph gives a <data> without a key the key of the <data> before it */
    if (prefixed_attrs(t) || !key) return leave(p, "a data element without a key, or unusual");
    if (memchr(key->val, '&', key->vlen)) return leave(p, "a reference in a data key");
    if (!t->empty) {
        const char *lt = memchr(p->p, '<', (size_t)(p->end - p->p));
        if (!lt) return leave(p, "a cut data element");
        if (lt > p->p && (error = put_text(p, p->p, (size_t)(lt - p->p), 0, &off)) < 0)
            return error;
        p->p = lt;
        if ((error = end_tag(p, "data")) < 0) return error;
    }
    ng_gml_col *c = find_col(p, dom, key);
    return c ? col_set(p, c, elem, off) : NG_OK;
}

/* The <data> children of an element, to its end tag. */
static int read_children(gml_p *p, const gml_tag *t, int dom, size_t elem, const char *name)
{
    int error;
    gml_tag d;
    if (t->empty) return NG_OK;
    for (;;) {
        if ((error = next_tag(p)) < 0) return error;
        if (p->p + 1 < p->end && p->p[1] == '/') return end_tag(p, name);
        if ((error = read_tag(p, &d)) < 0) return error;
        if (!tag_is(&d, "data")) return leave(p, "an element other than <data> in a node or edge");
        if ((error = read_data(p, &d, dom, elem)) < 0) return error;
    }
}

static int id_eq(const void *ctx, uint32_t idx, const void *key)
{
    const ng_gml *doc = ctx;
    return strcmp(ng_gml__str(doc, doc->node_id[idx]), key) == 0;
}

/* The node whose id is the raw attribute value `v`: 1 and *idx when known. */
static int find_node(gml_p *p, const gml_attr *v, uint32_t *off, uint32_t *idx)
{
    int error;
    if ((error = put_text(p, v->val, v->vlen, 1, off)) < 0) return error;
    const char *s = ng_gml__str(p->doc, *off);
    return ng_ihash__find(&p->doc->ids, ng_graph__hash(s, strlen(s)), id_eq, p->doc, s, idx);
}

static int read_node(gml_p *p, const gml_tag *t)
{
    int error;
    ng_gml *doc = p->doc;
    const gml_attr *id = find_attr(t, "id");
    uint32_t off, idx;
    if (prefixed_attrs(t) || !id) return leave(p, "a node without an id, or unusual");
    if ((error = find_node(p, id, &off, &idx)) < 0) return error;
    if (error == 1) return leave(p, "a node declared twice");
    const char *s = ng_gml__str(doc, off);
    if (NG_ARRAY_GROW(doc->node_id, doc->cap_nodes, doc->n_nodes + 1) < 0) return NG_ENOMEM;
    if ((error = ng_ihash__insert(&doc->ids, ng_graph__hash(s, strlen(s)),
                                  (uint32_t)doc->n_nodes)) < 0)
        return error;
    doc->node_id[doc->n_nodes] = off;
    return read_children(p, t, NG_GML_NODE, doc->n_nodes++, "node");
}

/* The node of edge end `v` (k: 0 source, 1 target). */
static int edge_end(gml_p *p, const gml_attr *v, int k, uint32_t *node)
{
    int error;
    uint32_t off;
    const gml_attr *l = &p->last[k];
    if (l->val && v->vlen == l->vlen && memcmp(v->val, l->val, v->vlen) == 0) {
        *node = p->last_v[k];
        return NG_OK;
    }
    size_t mark = p->doc->text.len;
    if ((error = find_node(p, v, &off, node)) < 0) return error;
    p->doc->text.len = mark; /* the id is the node's */
    p->doc->text.ptr[mark] = '\0';
    if (error == 0) return leave(p, "an edge to a node not declared before it");
    p->last[k] = *v;
    p->last_v[k] = *node;
    return NG_OK;
}

static int read_edge(gml_p *p, const gml_tag *t)
{
    int error;
    ng_gml *doc = p->doc;
    const gml_attr *from = find_attr(t, "source"), *to = find_attr(t, "target");
    uint32_t u, v;
    if (prefixed_attrs(t) || !from || !to) return leave(p, "an edge without its ends, or unusual");
    if ((error = edge_end(p, from, 0, &u)) < 0 || (error = edge_end(p, to, 1, &v)) < 0)
        return error;
    if (NG_ARRAY_GROW(doc->ends, doc->cap_edges, 2 * doc->n_edges + 2) < 0) return NG_ENOMEM;
    doc->ends[2 * doc->n_edges] = u;
    doc->ends[2 * doc->n_edges + 1] = v;
    return read_children(p, t, NG_GML_EDGE, doc->n_edges++, "edge");
}

/* ------------------------------------------------------------------ graph and document */

static int read_graph(gml_p *p, const gml_tag *t)
{
    int error;
    gml_tag c;
    const gml_attr *dir = find_attr(t, "edgedefault");
    if (prefixed_attrs(t)) return leave(p, "an unusual graph tag");
    if (dir && !val_is(dir, "directed") && !val_is(dir, "undirected"))
        return leave(p, "an edgedefault other than directed or undirected");
    p->doc->directed = dir && val_is(dir, "directed");
    if (t->empty) return NG_OK;
    for (;;) {
        if ((error = next_tag(p)) < 0) return error;
        if (p->p + 1 < p->end && p->p[1] == '/') return end_tag(p, "graph");
        if ((error = read_tag(p, &c)) < 0) return error;
        if (tag_is(&c, "node")) error = read_node(p, &c);
        else if (tag_is(&c, "edge")) error = read_edge(p, &c);
        else if (tag_is(&c, "data")) error = read_data(p, &c, NG_GML_GRAPH, 0);
        else error = leave(p, "an element other than node, edge and data in the graph");
        if (error < 0) return error;
    }
}

/* The XML declaration, if any: version 1.0, UTF-8 or no encoding named (libxml2 warns of
 * other versions, and igraph fails on any warning). */
static int read_prolog(gml_p *p)
{
    if (!starts(p, "<?xml") || p->end - p->p < 6 || !is_ws(p->p[5])) {
        if (starts(p, "<?")) return leave(p, "a processing instruction");
        return NG_OK;
    }
    const char *s = p->p, *e = s;
    while ((e = memchr(e, '?', (size_t)(p->end - e))) && p->end - e >= 2 && e[1] != '>') e++;
    if (!e || p->end - e < 2) return leave(p, "a cut XML declaration");
    /* Only the declarations GraphML writers give (ours, igraph's, NetworkX's): anything else,
     * even a malformed one libxml2 rejects, goes to igraph's reader (fuzz_graphml's finding). */
    static const char *const known[] = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"", "<?xml version='1.0' encoding='utf-8'",
        "<?xml version=\"1.0\" encoding=\"utf-8\"", "<?xml version='1.0' encoding='UTF-8'",
        "<?xml version=\"1.0\"", "<?xml version='1.0'"};
    size_t n = (size_t)(e - s), k = 0;
    while (k < n && is_ws(s[n - 1 - k])) k++;
    int ok = 0;
    for (size_t i = 0; i < sizeof known / sizeof known[0] && !ok; i++)
        ok = strlen(known[i]) == n - k && memcmp(known[i], s, n - k) == 0;
    if (!ok) return leave(p, "an XML declaration other than version 1.0 in UTF-8");
    p->p = e + 2;
    return NG_OK;
}

/* The root's attributes: GraphML's namespace or none, and every prefix declared with an
 * absolute URI (libxml2 warns otherwise, and igraph fails on a warning). */
static int root_attrs(gml_p *p, const gml_tag *t)
{
    for (size_t i = 0; i < t->n; i++) {
        const gml_attr *a = &t->a[i];
        const char *colon = memchr(a->name, ':', a->nlen);
        size_t plen = colon ? (size_t)(colon - a->name) : a->nlen;
        if (attr_is(a, "xmlns") && !val_is(a, GRAPHML_NS))
            return leave(p, "a namespace other than GraphML's");
        if (plen == 5 && memcmp(a->name, "xmlns", 5) == 0) {
            size_t k = 0;
            while (k < a->vlen && is_name(a->val[k]) && a->val[k] != ':') k++;
            if (k == 0 || k >= a->vlen || a->val[k] != ':') return leave(p, "a relative namespace URI");
            /* a URI holds no space, quote or angle bracket (libxml2 rejects it; fuzz_graphml) */
            for (k = 0; k < a->vlen; k++)
                if ((unsigned char)a->val[k] <= ' ' || strchr("\"<>\\^`{|}", a->val[k]))
                    return leave(p, "a namespace URI that is not valid");
            continue;
        }
        if (!colon || (plen == 3 && memcmp(a->name, "xml", 3) == 0)) continue;
        int declared = 0;
        for (size_t j = 0; j < t->n && !declared; j++)
            declared = t->a[j].nlen == plen + 6 && memcmp(t->a[j].name, "xmlns:", 6) == 0 &&
                       memcmp(t->a[j].name + 6, a->name, plen) == 0;
        if (!declared) return leave(p, "an undeclared namespace prefix");
    }
    return NG_OK;
}

/* The root's content: keys first, then one graph; after the root only comments. */
static int read_root(gml_p *p)
{
    int error, graphs = 0;
    gml_tag t;
    for (;;) {
        if ((error = next_tag(p)) < 0) return error;
        if (p->p + 1 < p->end && p->p[1] == '/') break;
        if ((error = read_tag(p, &t)) < 0) return error;
        if (tag_is(&t, "key") && !graphs) error = read_key(p, &t);
        else if (tag_is(&t, "graph") && !graphs++) error = read_graph(p, &t);
        else error = leave(p, "an element other than keys and one graph in <graphml>");
        if (error < 0) return error;
    }
    if ((error = end_tag(p, "graphml")) < 0) return error;
    if (!graphs) return leave(p, "no graph");
    for (;;) {
        while (p->p < p->end && is_ws(*p->p)) p->p++;
        if (!starts(p, "<!--")) break;
        if ((error = skip_comment(p)) < 0) return error;
    }
    return p->p == p->end ? NG_OK : leave(p, "content after the root element");
}

static int read_doc(gml_p *p)
{
    int error;
    gml_tag t;
    if ((error = read_prolog(p)) < 0 || (error = next_tag(p)) < 0) return error;
    if (starts(p, "<!")) return leave(p, "a DOCTYPE");
    if ((error = read_tag(p, &t)) < 0) return error;
    if (!tag_is(&t, "graphml") || t.empty) return leave(p, "a root other than <graphml>");
    if ((error = root_attrs(p, &t)) < 0) return error;
    return read_root(p);
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
    gml_p p = {xml, xml + len, doc, {0, 0, 0}, {{NULL, NULL, 0, 0}, {NULL, NULL, 0, 0}}, {0, 0}};
    memset(doc, 0, sizeof *doc);
    if (len >= UINT32_MAX / 2) return leave(&p, "larger than 2 GiB");
    if (check_chars((const unsigned char *)xml, len) < 0)
        return leave(&p, "bytes that are not UTF-8, or characters XML forbids");
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
