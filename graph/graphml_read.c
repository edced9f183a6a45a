/* graphml_read.c - ng_graph_read_graphml: a GraphML file back into a finished ng_graph, so that
 * `newsgraph metrics` (and later commands) can work on a graph written earlier or by
 * another tool.
 *
 * igraph 0.10.2's reader takes a FILE* and does not decompress, so the file is read through
 * zlib (which passes plain files through unchanged) into memory and handed to igraph with
 * fmemopen. Attributes come through igraph's C attribute handler, which is process-wide:
 * it is installed only for the time of the read (and of the igraph_destroy that must
 * match it) and the previous handler is put back.
 */
#include "graph_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* ------------------------------------------------------------------ reading the bytes */

static int read_all(const char *path, ng_buf *out)
{
    int error = NG_OK;
    gzFile z;
    if (strcmp(path, "-") == 0) {
        int fd = dup(STDIN_FILENO);
        z = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!z && fd >= 0) close(fd);
    } else {
        z = gzopen(path, "rb");
    }
    if (!z) {
        ng_error_set("%s: cannot open: %s", path, errno ? strerror(errno) : "out of memory");
        return errno ? NG_EIO : NG_ENOMEM;
    }
    char chunk[65536];
    for (;;) {
        int n = gzread(z, chunk, sizeof chunk);
        if (n < 0) {
            int zerr;
            const char *msg = gzerror(z, &zerr);
            ng_error_set("%s: read failed: %s", path,
                         zerr == Z_ERRNO ? strerror(errno) : (msg ? msg : "zlib error"));
            error = zerr == Z_ERRNO ? NG_EIO : NG_EFORMAT; /* corrupt or cut stream */
            break;
        }
        if (n == 0) break;
        if (out->len + (size_t)n > NG_GRAPHML_MAX_BYTES) {
            ng_error_set("%s: larger than %zu MiB once decompressed; not read", path,
                         NG_GRAPHML_MAX_BYTES >> 20);
            error = NG_ELIMIT;
            break;
        }
        if ((error = ng_buf_put(out, chunk, (size_t)n)) < 0) break;
    }
    gzclose(z);
    return error;
}

/* ------------------------------------------------------------------ attributes */

/* Where the attributes come from: the one-pass reader's columns, else igraph's graph. */
typedef struct src {
    const igraph_t *ig;
    const ng_gml *doc;
} src;

static size_t src_count(const src *s, igraph_attribute_elemtype_t el)
{
    if (s->doc) return el == IGRAPH_ATTRIBUTE_VERTEX ? s->doc->n_nodes : s->doc->n_edges;
    return (size_t)(el == IGRAPH_ATTRIBUTE_VERTEX ? igraph_vcount(s->ig) : igraph_ecount(s->ig));
}

/* igraph_edge: an undirected graph gives the smaller end first. */
static void src_edge(const src *s, size_t e, size_t *from, size_t *to)
{
    if (s->doc) {
        size_t u = s->doc->ends[2 * e], v = s->doc->ends[2 * e + 1];
        int swap = !s->doc->directed && u > v;
        *from = swap ? v : u;
        *to = swap ? u : v;
        return;
    }
    igraph_integer_t f, t;
    igraph_edge(s->ig, (igraph_integer_t)e, &f, &t); /* e < ecount: cannot fail */
    *from = (size_t)f;
    *to = (size_t)t;
}

static int src_directed(const src *s) { return s->doc ? s->doc->directed : igraph_is_directed(s->ig); }

/* 0 when absent, else the igraph attribute type. */
static int attr_kind(const igraph_t *ig, igraph_attribute_elemtype_t el, const char *name)
{
    igraph_attribute_type_t t;
    if (!igraph_cattribute_has_attr(ig, el, name)) return 0;
    if (igraph_cattribute_table.gettype(ig, &t, el, name) != IGRAPH_SUCCESS) return 0;
    return (int)t;
}

typedef struct {
    const src *src;
    const char *name;
    int kind;
    const ng_gml_col *col; /* the one-pass reader's column */
} attr;

static int domain(igraph_attribute_elemtype_t el)
{
    return el == IGRAPH_ATTRIBUTE_VERTEX ? NG_GML_NODE
           : el == IGRAPH_ATTRIBUTE_EDGE ? NG_GML_EDGE : NG_GML_GRAPH;
}

static attr attr_find(const src *s, igraph_attribute_elemtype_t el, const char *name)
{
    attr a = {s, name, 0, NULL};
    if (!s->doc) {
        a.kind = attr_kind(s->ig, el, name);
        return a;
    }
    int d = domain(el);
    for (size_t k = 0; k < s->doc->n_cols[d]; k++) {
        const ng_gml_col *c = &s->doc->cols[d][k];
        if (c->kind && !strcmp(ng_gml__str(s->doc, c->name), name)) {
            a.kind = c->kind;
            a.col = c;
        }
    }
    return a;
}

/* The one-pass reader's value of element i: its text (a string), or via *x or *b. */
static const char *col_value(const attr *a, size_t i, double *x, int *b)
{
    const ng_gml_col *c = a->col;
    int here = i < c->cap;
    if (c->kind == IGRAPH_ATTRIBUTE_NUMERIC) *x = here ? c->n[i] : c->def_n;
    if (c->kind == IGRAPH_ATTRIBUTE_BOOLEAN) *b = here ? c->b[i] : c->def_b;
    if (c->kind != IGRAPH_ATTRIBUTE_STRING) return NULL;
    uint32_t off = here ? c->s[i] : 0;
    return ng_gml__str(a->src->doc, off ? off : c->def_s);
}

static double attr_num(const attr *a, igraph_attribute_elemtype_t el, igraph_integer_t i)
{
    double x = NAN;
    int b;
    if (a->col) col_value(a, (size_t)i, &x, &b);
    else x = el == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAN(a->src->ig, a->name, i)
                                           : igraph_cattribute_EAN(a->src->ig, a->name, i);
    return x;
}

/* The value as text, or NULL when absent or empty. `tmp` holds formatted numbers. */
static const char *attr_text(igraph_attribute_elemtype_t el, attr a, igraph_integer_t i,
                             char tmp[64])
{
    const char *s = NULL;
    const igraph_t *ig = a.src->ig;
    double x = NAN;
    int b = 0;
    if (a.col && a.kind != IGRAPH_ATTRIBUTE_NUMERIC) {
        s = col_value(&a, (size_t)i, &x, &b);
        if (a.kind == IGRAPH_ATTRIBUTE_BOOLEAN) s = b ? "true" : "false";
    } else if (a.kind == IGRAPH_ATTRIBUTE_STRING) {
        s = el == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(ig, a.name, i)
            : el == IGRAPH_ATTRIBUTE_EDGE ? igraph_cattribute_EAS(ig, a.name, i)
                                          : igraph_cattribute_GAS(ig, a.name);
    } else if (a.kind == IGRAPH_ATTRIBUTE_NUMERIC) {
        x = attr_num(&a, el, i);
        if (isnan(x)) return NULL;
        snprintf(tmp, 64, "%.17g", x);
        s = tmp;
    } else if (a.kind == IGRAPH_ATTRIBUTE_BOOLEAN) {
        b = el == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAB(ig, a.name, i)
                                          : igraph_cattribute_EAB(ig, a.name, i);
        s = b ? "true" : "false";
    }
    return s && *s ? s : NULL;
}

/* The value as a number: 1 when present and numeric (or a string holding a number). */
static int attr_number(igraph_attribute_elemtype_t el, attr a, igraph_integer_t i, double *out)
{
    char tmp[64];
    if (a.kind == IGRAPH_ATTRIBUTE_NUMERIC) {
        *out = attr_num(&a, el, i);
        return isfinite(*out);
    }
    const char *s = attr_text(el, a, i, tmp);
    if (!s) return 0;
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return errno == 0 && end != s && *end == '\0' && isfinite(*out);
}

/* Splits a '|' list into the set (interned), for sorted, unique lists. */
static int add_list(ng_graph *g, ng_strset *set, const char *list)
{
    int error;
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, '|');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > 0) {
            const char *s;
            if ((error = ng_pool__intern(&g->pool, p, len, &s)) < 0) return error;
            if ((error = ng_strset__add(set, s)) < 0) return error;
        }
        p = end ? end + 1 : NULL;
    }
    return NG_OK;
}

static int sorted_list(ng_graph *g, const char *list, const char **out)
{
    int error;
    char *s = NULL;
    ng_strset set = {0};
    if ((error = add_list(g, &set, list)) < 0) goto cleanup;
    ng_strset__compact(&set);
    if ((error = ng_strset__join(&s, &set, &g->out)) < 0) goto cleanup;
    *out = s;
cleanup:
    ng_strset__free(&set);
    return error;
}

/* ------------------------------------------------------------------ nodes */

static int read_nodes(ng_graph *g, const src *s, ng_pending_node *pn)
{
    int error;
    const igraph_attribute_elemtype_t V = IGRAPH_ATTRIBUTE_VERTEX;
    attr a_id = attr_find(s, V, "id"), a_label = attr_find(s, V, "label");
    attr a_name = attr_find(s, V, "name"), a_type = attr_find(s, V, "type");
    attr a_mentions = attr_find(s, V, "mentions"), a_aliases = attr_find(s, V, "aliases");
    attr a_code = attr_find(s, V, "code");
    attr a_articles = attr_find(s, V, "articles"), a_sources = attr_find(s, V, "sources");
    char tmp[64], fallback[32];
    for (igraph_integer_t i = 0; i < (igraph_integer_t)src_count(s, V); i++) {
        ng_pending_node *p = &pn[i];
        const char *id = attr_text(V, a_id, i, tmp);
        snprintf(fallback, sizeof fallback, "n%lld", (long long)i);
        if (!(p->key = ng_arena__strdup(&g->out, id ? id : fallback))) return NG_ENOMEM;
        p->want_id = p->key;
        const char *label = attr_text(V, a_label, i, tmp);
        if (!label) label = attr_text(V, a_name, i, tmp);
        if (!(p->label = ng_arena__strdup(&g->out, label ? label : p->key))) return NG_ENOMEM;
        const char *type = attr_text(V, a_type, i, tmp);
        if (!type || ng_etype_parse(&p->type, type) < 0) p->type = NG_ETYPE_ORG;
        double mentions;
        if (!attr_number(V, a_mentions, i, &mentions) || mentions < 0) mentions = 0;
        p->mentions = mentions > UINT32_MAX ? UINT32_MAX : (uint32_t)mentions;
        double articles;
        if (!attr_number(V, a_articles, i, &articles) || articles < 0) articles = 0;
        p->articles = articles > UINT32_MAX ? UINT32_MAX : (uint32_t)articles;
        const char *sources = attr_text(V, a_sources, i, tmp);
        if (sources && !(p->sources = ng_arena__strdup(&g->out, sources))) return NG_ENOMEM;
        const char *aliases = attr_text(V, a_aliases, i, tmp);
        if ((error = sorted_list(g, aliases ? aliases : p->label, &p->aliases)) < 0) return error;
        const char *code = attr_text(V, a_code, i, tmp);
        if (code && !(p->code = ng_arena__strdup(&g->out, code))) return NG_ENOMEM;
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ edges */

/* An edge as read: ends, relation and its number in the document (node and edge numbers fit
 * in 32 bits: the document is at most NG_GRAPHML_MAX_BYTES). */
typedef struct {
    uint32_t u, v, eid, rel;
    double weight;
} raw_edge;

/* Stable counting sort of raw[0..n) by one field (values < range), through tmp. */
static void count_pass(raw_edge *raw, raw_edge *tmp, size_t n, size_t *count, size_t range,
                       int field)
{
    memset(count, 0, (range + 1) * sizeof *count);
    for (size_t i = 0; i < n; i++) {
        uint32_t k = field == 0 ? raw[i].u : field == 1 ? raw[i].rel : raw[i].v;
        count[k + 1]++;
    }
    for (size_t k = 0; k < range; k++) count[k + 1] += count[k];
    for (size_t i = 0; i < n; i++) {
        uint32_t k = field == 0 ? raw[i].u : field == 1 ? raw[i].rel : raw[i].v;
        tmp[count[k]++] = raw[i];
    }
    memcpy(raw, tmp, n * sizeof *raw);
}

/* Sorts by (u, rel, v, eid): raw is in eid order, and each pass is stable, so sorting by v,
 * then rel, then u gives that order (the keys are unique: the same order as any sort). */
static int sort_raw(raw_edge *raw, size_t n, size_t n_nodes)
{
    size_t range = n_nodes > (size_t)ng_rel_count() ? n_nodes : (size_t)ng_rel_count();
    raw_edge *tmp = ng_malloc(n * sizeof *tmp);
    size_t *count = ng_malloc((range + 1) * sizeof *count);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return NG_ENOMEM;
    }
    count_pass(raw, tmp, n, count, n_nodes, 2);
    count_pass(raw, tmp, n, count, (size_t)ng_rel_count(), 1);
    count_pass(raw, tmp, n, count, n_nodes, 0);
    free(tmp);
    free(count);
    return NG_OK;
}

typedef struct {
    attr relation, weight, evidence, sources, dates, first, last, articles, titles, urls;
} edge_attrs;

static void keep_date(char dst[11], const char *d, int want_min)
{
    if (!ng_date_precision(d)) return;
    if (!dst[0] || (want_min ? strcmp(d, dst) < 0 : strcmp(d, dst) > 0)) {
        memset(dst, 0, 11);
        memcpy(dst, d, strlen(d)); /* at most 10 bytes: ng_date_precision checked it */
    }
}

/* Merges the run raw[0..n) (same u, rel, v) into one pending edge. */
static int merge_run(ng_graph *g, const edge_attrs *ea, const raw_edge *raw,
                     size_t n, ng_pending_edge *pe)
{
    int error = NG_OK;
    const igraph_attribute_elemtype_t E = IGRAPH_ATTRIBUTE_EDGE;
    ng_strset sources = {0}, dates = {0};
    char tmp[64], *s;
    double weight = 0, articles = 0, a;
    int have_articles = 0;
    memset(pe, 0, sizeof *pe);
    pe->u = raw[0].u;
    pe->v = raw[0].v;
    pe->rel = raw[0].rel;
    pe->evidence = pe->source_titles = pe->source_urls = "";
    for (size_t k = 0; k < n; k++) {
        igraph_integer_t e = raw[k].eid;
        weight += raw[k].weight;
        if (attr_number(E, ea->articles, e, &a) && a >= 0) {
            articles += a;
            have_articles = 1;
        }
        /* the sample's titles and URLs: the first edge's that has them */
        const char *t = attr_text(E, ea->titles, e, tmp);
        if (t && *t && !*pe->source_titles && !(pe->source_titles = ng_arena__strdup(&g->out, t))) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        const char *u = attr_text(E, ea->urls, e, tmp);
        if (u && *u && !*pe->source_urls && !(pe->source_urls = ng_arena__strdup(&g->out, u))) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        const char *ev = attr_text(E, ea->evidence, e, tmp);
        if (ev && !*pe->evidence) {
            if (!(pe->evidence = ng_arena__strdup(&g->out, ev))) {
                error = NG_ENOMEM;
                goto cleanup;
            }
        }
        if ((error = add_list(g, &sources, attr_text(E, ea->sources, e, tmp))) < 0 ||
            (error = add_list(g, &dates, attr_text(E, ea->dates, e, tmp))) < 0) {
            goto cleanup;
        }
        const char *first = attr_text(E, ea->first, e, tmp);
        if (first && ng_date_precision(first)) {
            keep_date(pe->first_date, first, 1);
            keep_date(pe->last_date, first, 0);
        }
        const char *last = attr_text(E, ea->last, e, tmp);
        if (last && ng_date_precision(last)) {
            keep_date(pe->first_date, last, 1);
            keep_date(pe->last_date, last, 0);
        }
    }
    ng_strset__compact(&dates);
    /* keep only real dates (of any precision: "2017", "2017-06"), and let first/last cover
     * them */
    uint32_t w = 0;
    for (uint32_t k = 0; k < dates.n; k++) {
        if (!ng_date_precision(dates.v[k])) continue;
        dates.v[w++] = dates.v[k];
        keep_date(pe->first_date, dates.v[k], 1);
        keep_date(pe->last_date, dates.v[k], 0);
    }
    dates.n = dates.clean = w;
    if (dates.n == 0) { /* no list given: the known ends are the dates */
        const char *d;
        for (int k = 0; k < 2; k++) {
            const char *end = k ? pe->last_date : pe->first_date;
            if (!*end) continue;
            if ((error = ng_pool__intern(&g->pool, end, strlen(end), &d)) < 0) goto cleanup;
            if ((error = ng_strset__add(&dates, d)) < 0) goto cleanup;
        }
        ng_strset__compact(&dates);
    }
    ng_strset__compact(&sources);
    if ((error = ng_strset__join(&s, &sources, &g->out)) < 0) goto cleanup;
    pe->sources = s;
    /* a graph without the count: each article listed counts */
    if (!have_articles) articles = sources.n;
    pe->articles = articles > UINT32_MAX ? UINT32_MAX : (uint32_t)articles;
    if ((error = ng_strset__join(&s, &dates, &g->out)) < 0) goto cleanup;
    pe->dates = s;
    pe->weight = weight > UINT32_MAX ? UINT32_MAX : (uint32_t)weight;
cleanup:
    ng_strset__free(&sources);
    ng_strset__free(&dates);
    return error;
}

static int read_edges(ng_graph *g, const src *s, ng_pending_edge **out, size_t *n_out)
{
    int error = NG_OK;
    const igraph_attribute_elemtype_t E = IGRAPH_ATTRIBUTE_EDGE;
    raw_edge *raw = NULL;
    ng_pending_edge *pe = NULL;
    size_t n = 0, m = src_count(s, E), n_pe = 0;
    edge_attrs ea = {attr_find(s, E, "relation"), attr_find(s, E, "weight"),
                     attr_find(s, E, "evidence"), attr_find(s, E, "sources"),
                     attr_find(s, E, "dates"), attr_find(s, E, "first_date"),
                     attr_find(s, E, "last_date"), attr_find(s, E, "articles"),
                     attr_find(s, E, "source_titles"), attr_find(s, E, "source_urls")};
    ng_rel fallback;
    char tmp[64];

    *out = NULL;
    *n_out = 0;
    if (m == 0) return NG_OK;
    /* an edge without a relation, or with one this run does not know (another tool's
     * graph): the documented defaults of ng_graph_read_graphml */
    if ((error = ng_rel_parse(&fallback, src_directed(s) ? "affiliated_with" : "met")) < 0)
        return error;
    if (!(raw = ng_malloc(m * sizeof *raw)) || !(pe = ng_calloc(m, sizeof *pe))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (igraph_integer_t e = 0; e < (igraph_integer_t)m; e++) {
        size_t from, to;
        src_edge(s, (size_t)e, &from, &to);
        if (from == to) continue; /* self-loops say nothing about relations between actors */
        raw_edge r = {(uint32_t)from, (uint32_t)to, (uint32_t)e, fallback, 1.0};
        const char *rel = attr_text(E, ea.relation, e, tmp);
        ng_rel parsed;
        if (rel && ng_rel_parse(&parsed, rel) == NG_OK) r.rel = parsed;
        double w;
        if (attr_number(E, ea.weight, e, &w)) r.weight = w < 1 ? 1 : floor(w + 0.5);
        if (ng_rel_symmetric(r.rel) && r.u > r.v) {
            uint32_t t = r.u;
            r.u = r.v;
            r.v = t;
        }
        raw[n++] = r;
    }
    if (n > 1 && (error = sort_raw(raw, n, src_count(s, IGRAPH_ATTRIBUTE_VERTEX))) < 0)
        goto cleanup;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && raw[j].u == raw[i].u && raw[j].rel == raw[i].rel && raw[j].v == raw[i].v) {
            j++;
        }
        if ((error = merge_run(g, &ea, raw + i, j - i, &pe[n_pe++])) < 0) goto cleanup;
        i = j;
    }
    *out = pe;
    *n_out = n_pe;
    pe = NULL;
cleanup:
    free(raw);
    free(pe);
    return error;
}

/* ------------------------------------------------------------------ declared relations */

/* A graph that uses relation types a user declared carries their definitions (the graph
 * attribute `relations`, the columns of relations.csv: see export/graphml.c). They are
 * declared in this run before the edges are read, so that each edge keeps its type's
 * direction; a type this run already has must be defined the same way. */
static int read_declared(const src *s, const char *path)
{
    char origin[NG_ERROR_MAX], tmp[64];
    attr a = attr_find(s, IGRAPH_ATTRIBUTE_GRAPH, "relations");
    if (a.kind != IGRAPH_ATTRIBUTE_STRING) return NG_OK;
    const char *defs = attr_text(IGRAPH_ATTRIBUTE_GRAPH, a, 0, tmp);
    if (!defs || !*defs) return NG_OK;
    snprintf(origin, sizeof origin, "%s (its relation types)", path);
    return ng_rel_declare_csv(origin, defs, strlen(defs), NG_REL_SAME_OK);
}

/* ------------------------------------------------------------------ why igraph refused */

/* igraph reads a numeric attribute (attr.type double, float, int or long) with strtod and
 * refuses a value out of the range of a double, a denormal (1e-320) included, but its message
 * names neither the value nor the line ("Cannot parse GraphML file"). When igraph refuses a
 * file, this scan finds the first such value so that the message can name it. It is a plain
 * text scan (keys declared with <key id=".." attr.type="..">, values in <data key="..">, and
 * <default> values); it finds nothing in a file that spells these otherwise, which then gets
 * igraph's message as before. */

#define MAX_NUMERIC_KEYS 4096

/* The value of attribute `name` in the tag [tag, end): its span, or 0. */
static int tag_attr(const char *tag, const char *end, const char *name, const char **v, size_t *n)
{
    size_t k = strlen(name);
    for (const char *p = tag + 1; p + k + 2 <= end; p++) { /* p[-1] is at least the '<' */
        if ((p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n' && p[-1] != '\r') ||
            memcmp(p, name, k) != 0 || p[k] != '=' || (p[k + 1] != '"' && p[k + 1] != '\''))
            continue;
        const char *q = memchr(p + k + 2, p[k + 1], (size_t)(end - (p + k + 2)));
        if (!q) return 0;
        *v = p + k + 2;
        *n = (size_t)(q - *v);
        return 1;
    }
    return 0;
}

static int is_numeric_type(const char *t, size_t n)
{
    return (n == 6 && memcmp(t, "double", 6) == 0) || (n == 5 && memcmp(t, "float", 5) == 0) ||
           (n == 3 && memcmp(t, "int", 3) == 0) || (n == 4 && memcmp(t, "long", 4) == 0);
}

/* NULL when the text [v, v+n) (trimmed) is a number strtod reads whole and within range,
 * or is empty (igraph takes the default); else what is wrong with it. */
static const char *number_problem(const char *v, size_t n)
{
    char buf[128];
    while (n && strchr(" \t\r\n", *v)) v++, n--;
    while (n && strchr(" \t\r\n", v[n - 1])) n--;
    if (n == 0) return NULL;
    if (n >= sizeof buf) return "not a number";
    memcpy(buf, v, n);
    buf[n] = '\0';
    char *end;
    errno = 0;
    double x = strtod(buf, &end);
    if (*end != '\0' || end == buf) return "not a number";
    if (errno != ERANGE) return NULL;
    return fabs(x) >= 1.0 ? "too large for a double"
                          : "too small for a double (a denormal): write 0 for a value this small";
}

/* Sets the message for the first numeric value igraph cannot read; 1 when one was found. */
static int explain_bad_number(const char *path, const char *xml, size_t len)
{
    const char *keys[MAX_NUMERIC_KEYS];
    size_t key_len[MAX_NUMERIC_KEYS], n_keys = 0;
    const char *end = xml + len;
    for (const char *p = xml; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt) break;
        const char *v, *id, *t, *value = NULL;
        size_t vn = 0, idn, tn;
        int is_key = (size_t)(end - p) > 5 && memcmp(p, "<key", 4) == 0 && strchr(" \t\r\n", p[4]);
        int is_data = (size_t)(end - p) > 6 && memcmp(p, "<data", 5) == 0 && strchr(" \t\r\n", p[5]);
        int is_default = (size_t)(end - p) > 9 && memcmp(p, "<default>", 9) == 0;
        if (is_key && n_keys < MAX_NUMERIC_KEYS && tag_attr(p, gt, "id", &id, &idn) &&
            tag_attr(p, gt, "attr.type", &t, &tn) && is_numeric_type(t, tn)) {
            keys[n_keys] = id;
            key_len[n_keys++] = idn;
            id = NULL;
        }
        if (is_default && n_keys > 0) { /* the default of the key just declared */
            id = keys[n_keys - 1];
            idn = key_len[n_keys - 1];
            value = gt + 1;
        } else if (is_data && tag_attr(p, gt, "key", &v, &vn)) {
            for (size_t k = 0; k < n_keys && !value; k++)
                if (key_len[k] == vn && memcmp(keys[k], v, vn) == 0) value = gt + 1;
            id = v;
            idn = vn;
        }
        if (!value) continue;
        const char *close = memchr(value, '<', (size_t)(end - value));
        const char *why = close ? number_problem(value, (size_t)(close - value)) : NULL;
        if (!why) continue;
        size_t line = 1;
        for (const char *q = xml; q < value; q++) line += *q == '\n';
        size_t shown = (size_t)(close - value);
        ng_error_set("%s:%zu: value '%.*s' of the numeric attribute '%.*s' cannot be read: %s",
                     path, line, (int)(shown > 64 ? 64 : shown), value, (int)idn, id, why);
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ the reader */

/* Another of newsgraph's formats given where GraphML is read (metrics g.gexf): one line that
 * says which format this is and what to give instead, rather than igraph's parse error. */
static int not_graphml(const char *path, const ng_buf *bytes)
{
    size_t n = bytes->len < 4096 ? bytes->len : 4096;
    char head[4097];
    const char *kind = NULL;
    memcpy(head, bytes->ptr, n);
    head[n] = '\0';
    if (strstr(head, "<graphml")) return NG_OK;
    if (strstr(head, "<gexf")) kind = "GEXF";
    else if (head[0] == '{') kind = "JSON";
    else if (!strncmp(head, "digraph", 7) || strstr(head, "\ndigraph")) kind = "DOT";
    else if (!strncmp(head, "Id,Label,", 9) || !strncmp(head, "Source,Target,", 14)) kind = "CSV";
    if (!kind) return NG_OK; /* igraph says what is wrong */
    ng_error_set("%s: this is %s; this command reads GraphML only (.graphml, .graphml.gz): "
                 "write it with newsgraph build ... -o NAME.graphml",
                 path, kind);
    return NG_EFORMAT;
}

/* What the attributes give, before the graph is assembled. */
typedef struct pending {
    ng_pending_node *pn;
    ng_pending_edge *pe;
    size_t n, n_pe;
} pending;

static void pending_free(pending *pd)
{
    free(pd->pn);
    free(pd->pe);
    memset(pd, 0, sizeof *pd);
}

/* The nodes and edges from the attributes of `s` (either reader's). */
static int collect(ng_graph *g, const src *s, const char *path, pending *pd)
{
    int error;
    pd->n = src_count(s, IGRAPH_ATTRIBUTE_VERTEX);
    if (pd->n && !(pd->pn = ng_calloc(pd->n, sizeof *pd->pn))) return NG_ENOMEM;
    if ((error = read_declared(s, path)) < 0) return error;
    if ((error = read_nodes(g, s, pd->pn)) < 0) return error;
    return read_edges(g, s, &pd->pe, &pd->n_pe);
}

/* igraph's reader, for what the one-pass reader leaves to it. */
static int read_igraph(ng_graph *g, ng_buf *bytes, const char *path, pending *pd)
{
    int error;
    igraph_t ig;
    FILE *f = fmemopen(bytes->ptr, bytes->len, "r");
    if (!f) {
        ng_error_set("%s: cannot read from memory: %s", path, strerror(errno));
        return NG_EIO;
    }
    const igraph_attribute_table_t *old_table = igraph_set_attribute_table(&igraph_cattribute_table);
    ng_igraph__first_error_reset();
    if (igraph_read_graph_graphml(&ig, f, 0) != IGRAPH_SUCCESS) {
        /* igraph's first reason is the cause (the last is often "Cannot parse GraphML
         * file"): prefix the file; a number igraph refused is named with its line */
        const char *first = ng_igraph__first_error();
        if (!strstr(first, "real number") || !explain_bad_number(path, bytes->ptr, bytes->len))
            ng_error_set("%s: not a readable GraphML graph: %s", path,
                         first[0] ? first : ng_error_last());
        igraph_set_attribute_table(old_table);
        fclose(f);
        return NG_EFORMAT;
    }
    src s = {&ig, NULL};
    error = collect(g, &s, path, pd);
    /* done with igraph's attributes: the graph assembled next must not carry any */
    igraph_destroy(&ig); /* with the attribute table it was made with */
    igraph_set_attribute_table(old_table);
    fclose(f);
    return error;
}

/* The one-pass reader; *declined when the document is outside its dialect (it then goes,
 * unchanged, to igraph's). The document's bytes are freed as soon as its values are out. */
static int read_fast(ng_graph *g, ng_buf *bytes, const char *path, pending *pd, int *declined)
{
    ng_gml doc;
    int error = ng_gml__parse(&doc, bytes->ptr, bytes->len);
    *declined = error == NG_EFORMAT;
    if (error == NG_OK) {
        src s = {NULL, &doc};
        ng_buf_free(bytes);
        error = collect(g, &s, path, pd);
    }
    ng_gml__free(&doc);
    return *declined ? NG_OK : error;
}

int ng_graph__read_graphml(ng_graph **out, const char *path, int fast)
{
    int error, declined = 1;
    ng_buf bytes = NG_BUF_INIT;
    ng_graph *g = NULL;
    pending pd = {NULL, NULL, 0, 0};

    *out = NULL;
    ng_igraph__init();
    if ((error = read_all(path, &bytes)) < 0) goto cleanup;
    if (bytes.len == 0) {
        ng_error_set("%s: empty file; expected a GraphML graph", path);
        error = NG_EFORMAT;
        goto cleanup;
    }
    if ((error = not_graphml(path, &bytes)) < 0) goto cleanup;
    if ((error = ng_graph_new(&g)) < 0) goto cleanup;
    g->finished = 1;
    if (fast && (error = read_fast(g, &bytes, path, &pd, &declined)) < 0) goto cleanup;
    if (declined && (error = read_igraph(g, &bytes, path, &pd)) < 0) goto cleanup;
    ng_buf_free(&bytes);
    if ((error = ng_graph__assemble(g, pd.pn, pd.n, pd.pe, pd.n_pe)) < 0) goto cleanup;
    *out = g;
    g = NULL;

cleanup:
    pending_free(&pd);
    ng_buf_free(&bytes);
    ng_graph_free(g);
    return error;
}

/* The one-pass reader for the dialect newsgraph writes, igraph's for any other document
 * (graphml_fast.c); fuzz_graphml and test_graphml_read compare the two paths. */
int ng_graph_read_graphml(ng_graph **out, const char *path)
{
    return ng_graph__read_graphml(out, path, 1);
}
