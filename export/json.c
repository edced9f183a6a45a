/* json.c - the graph as Cytoscape.js elements, for web viewers.
 *
 *   {"data": {...about the graph...},
 *    "elements": {"nodes": [{"data": {"id": ..., "label": ..., ...}}, ...],
 *                 "edges": [{"data": {"id": ..., "source": ..., "target": ..., ...}}, ...]}}
 *
 * Every attribute of every format is in `data`, plus `color` (the actor type's colour),
 * `directed` (false for the symmetric relations) and `evidence_items` (every kept supporting
 * sentence with its article, title, URL, offset and date). Text is always a string ("" when unknown);
 * a metric that is not a finite number is null. One element per line. When an edge has a
 * relation type that is not built in, the graph's `data` gets `relation_types`: those types'
 * definitions (name, direction, hostile, subjects, objects, description), so a viewer can
 * style them; a graph of built-in relations keeps its bytes.
 * Cytoscape keeps node and edge ids in one namespace: an edge whose id equals a node's id is
 * written as "edge:<id>" (node ids never contain ':'). */
#include "export_internal.h"

#include <stdlib.h>
#include <string.h>

void ng_export__json_string(ng_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    size_t i = 0, run = 0, len = strlen((const char *)u);
    ng_export__putc(b, '"');
    for (;;) {
        i = ng_export__skip_plain(u, i, len, '"', '\\', '"', '"');
        while (!(ng_export__stop[u[i]] & NG_STOP_JSON)) i++;
        unsigned ch = u[i];
        uint32_t c = ch;
        size_t adv = 1;
        int kind = NG_CHAR_PLAIN;
        if (ch == 0) break;
        if (ch >= 0x80) {
            kind = ng_export__non_ascii((const char *)u + i, &c, &adv);
            if (kind == NG_CHAR_PLAIN && c != 0x2028 && c != 0x2029) {
                i += adv; /* part of the run */
                continue;
            }
        }
        ng_export__put(b, (const char *)u + run, i - run);
        switch (c) {
        case '"':
            ng_export__put(b, "\\\"", 2);
            break;
        case '\\':
            ng_export__put(b, "\\\\", 2);
            break;
        case '\n':
            ng_export__put(b, "\\n", 2);
            break;
        case '\r':
            ng_export__put(b, "\\r", 2);
            break;
        case '\t':
            ng_export__put(b, "\\t", 2);
            break;
        default:
            if (kind == NG_CHAR_INVALID) {
                ng_export__put(b, NG_UTF8_REPLACEMENT_BYTES, 3);
            } else { /* other C0, DEL, C1, U+2028, U+2029 (line terminators in JavaScript) */
                char esc[6] = {'\\', 'u', hex[(c >> 12) & 15], hex[(c >> 8) & 15],
                               hex[(c >> 4) & 15], hex[c & 15]};
                ng_export__put(b, esc, 6);
            }
        }
        i += adv;
        run = i;
    }
    ng_export__put(b, (const char *)u + run, i - run);
    ng_export__putc(b, '"');
}

/* ,"key": for a literal key (its length known when compiled) */
#define PUT_KEY(b, lit) ng_export__put((b), ",\"" lit "\":", sizeof(",\"" lit "\":") - 1)

/* ,"key": for any key (the graph's metrics note) */
static void put_key(ng_buf *b, const char *key)
{
    ng_export__put(b, ",\"", 2);
    ng_export__puts(b, key);
    ng_export__put(b, "\":", 2);
}

static void put_value(ng_buf *b, const ng_value *v)
{
    char num[32];
    size_t n;
    switch (v->type) {
    case NG_COL_STRING:
        ng_export__json_string(b, v->present ? v->s : "");
        break;
    case NG_COL_INT:
        if (v->present)
            ng_export__put_int(b, v->i);
        else
            ng_export__put(b, "null", 4);
        break;
    case NG_COL_REAL:
        if (v->present && (n = ng_export__real(num, v->d)) > 0)
            ng_export__put(b, num, n);
        else
            ng_export__put(b, "null", 4);
        break;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* What every element of the file reads (ng_export__rows: read only while they are written). */
typedef struct json_writer {
    const ng_graph *g;
    const ng_column *nc, *ec;
    size_t n_nc, n_ec;
    ng_export_tag node_keys[NG_NCOL__COUNT], edge_keys[NG_ECOL__COUNT]; /* ,"name": */
    const char **node_ids; /* sorted: the node ids an edge id may equal (see edge_like) */
    size_t n_node_ids;
} json_writer;

/* Each column's ,"name": (column names are [a-z0-9_]: no escaping). */
static void make_keys(ng_export_tag *keys, const ng_column *cols, size_t n)
{
    for (size_t c = 0; c < n; c++) ng_export__tag_set(&keys[c], ",\"%s\":", cols[c].name);
}

/* An id of the form every edge id of the graph has: "e" and digits (assemble.c). */
static int edge_like(const char *id)
{
    if (id[0] != 'e' || !id[1]) return 0;
    for (const char *p = id + 1; *p; p++)
        if (*p < '0' || *p > '9') return 0;
    return 1;
}

/* w->node_ids: the node ids an edge id may equal, sorted: those of the form of an edge id when
 * every edge id has that form (always, but in a graph read back from a file), else all. */
static int collect_node_ids(json_writer *w)
{
    size_t nn = ng_graph_node_count(w->g), ne = ng_graph_edge_count(w->g);
    int all = 0;
    for (size_t i = 0; i < ne && !all; i++) all = !edge_like(ng_graph_edge(w->g, i)->id);
    if (nn && !(w->node_ids = ng_calloc(nn, sizeof *w->node_ids))) return NG_ENOMEM;
    for (size_t i = 0; i < nn; i++) {
        const char *id = ng_graph_node(w->g, i)->id;
        if (all || edge_like(id)) w->node_ids[w->n_node_ids++] = id;
    }
    if (w->n_node_ids > 1) qsort(w->node_ids, w->n_node_ids, sizeof *w->node_ids, cmp_str);
    return NG_OK;
}

/* 1 when the edge id `id` is also a node id (Cytoscape's one namespace). */
static int id_taken(const json_writer *w, const char *id)
{
    return w->n_node_ids &&
           bsearch(&id, w->node_ids, w->n_node_ids, sizeof *w->node_ids, cmp_str) != NULL;
}

static int put_node(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const json_writer *w = ctx;
    const ng_node *n = ng_graph_node(w->g, i);
    ng_value v;
    (void)s;
    ng_export__puts(b, i == 0 ? "{\"data\":{\"id\":" : ",\n{\"data\":{\"id\":");
    ng_export__json_string(b, n->id);
    for (size_t c = 0; c < w->n_nc; c++) {
        ng_export__node_value(&v, n, c);
        ng_export__put_tag(b, &w->node_keys[c]);
        put_value(b, &v);
    }
    PUT_KEY(b, "color");
    ng_export__json_string(b, ng_export__type_style(n->type)->hex);
    ng_export__put(b, "}}", 2);
    return NG_OK;
}

/* The kept evidence of `e`, read back from the graph's temporary file into `items`. */
static int put_items(ng_buf *b, const ng_graph *g, const ng_edge *e, ng_items *items)
{
    int error = ng_graph_edge_items(g, e, items);
    if (error < 0) return error;
    PUT_KEY(b, "evidence_items");
    ng_export__putc(b, '[');
    for (size_t k = 0; k < items->n; k++) {
        const ng_evidence *it = &items->v[k];
        ng_export__puts(b, k ? ",{\"article\":" : "{\"article\":");
        ng_export__json_string(b, it->article);
        PUT_KEY(b, "title");
        ng_export__json_string(b, it->title);
        PUT_KEY(b, "url");
        ng_export__json_string(b, it->url);
        PUT_KEY(b, "sentence");
        ng_export__json_string(b, it->sentence);
        PUT_KEY(b, "offset");
        ng_export__put_uint(b, (unsigned long long)it->offset);
        PUT_KEY(b, "date");
        ng_export__json_string(b, it->date);
        ng_export__putc(b, '}');
    }
    ng_export__put(b, "]}}", 3);
    return NG_OK;
}

static int put_edge(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const json_writer *w = ctx;
    const ng_edge *e = ng_graph_edge(w->g, i);
    ng_value v;
    ng_export__puts(b, i == 0 ? "{\"data\":{\"id\":" : ",\n{\"data\":{\"id\":");
    if (id_taken(w, e->id)) {
        ng_buf_clear(&s->buf); /* rare: an edge id that is also a node id */
        ng_buf_puts(&s->buf, "edge:");
        ng_buf_puts(&s->buf, e->id);
        ng_export__json_string(b, s->buf.ptr);
    } else {
        ng_export__json_string(b, e->id);
    }
    PUT_KEY(b, "source");
    ng_export__json_string(b, ng_graph_node(w->g, e->source)->id);
    PUT_KEY(b, "target");
    ng_export__json_string(b, ng_graph_node(w->g, e->target)->id);
    for (size_t c = 0; c < w->n_ec; c++) {
        ng_export__edge_value(&v, e, c, &s->buf);
        ng_export__put_tag(b, &w->edge_keys[c]);
        put_value(b, &v);
    }
    PUT_KEY(b, "directed");
    ng_export__puts(b, e->directed ? "true" : "false");
    return put_items(b, w->g, e, &s->items);
}

/* "types" for a mask of actor types: ["person","state"]. */
static void put_types(ng_buf *b, unsigned types)
{
    int first = 1;
    ng_export__putc(b, '[');
    for (int t = 0; t < NG_ETYPE__COUNT; t++) {
        if (!(types & (1u << t))) continue;
        if (!first) ng_export__putc(b, ',');
        ng_export__json_string(b, ng_etype_name((ng_etype)t));
        first = 0;
    }
    ng_export__putc(b, ']');
}

/* ,"relation_types":[...] for the declared relation types the graph uses (none: nothing). */
static void put_relation_types(ng_buf *b, const ng_graph *g)
{
    uint64_t declared = ng_export__declared_relations(g);
    int first = 1;
    if (!declared) return;
    ng_export__puts(b, ",\"relation_types\":[");
    for (ng_rel r = 0; r < NG_REL_MAX; r++) {
        const ng_rel_def *d = ng_rel_get(r);
        if (!(declared >> r & 1u) || !d) continue;
        ng_export__puts(b, first ? "{\"name\":" : ",{\"name\":");
        ng_export__json_string(b, d->name);
        PUT_KEY(b, "direction");
        ng_export__json_string(b, d->symmetric ? "symmetric" : "directed");
        PUT_KEY(b, "hostile");
        ng_export__puts(b, d->hostile ? "true" : "false");
        PUT_KEY(b, "subjects");
        put_types(b, d->subjects);
        PUT_KEY(b, "objects");
        put_types(b, d->objects);
        PUT_KEY(b, "description");
        ng_export__json_string(b, d->description);
        ng_export__putc(b, '}');
        first = 0;
    }
    ng_export__putc(b, ']');
}

/* The graph's own data: name, generator, counts, declared relation types, metrics note. */
static void put_graph_data(ng_buf *line, const ng_graph *g)
{
    ng_buf_printf(line,
                  "{\"data\":{\"name\":\"newsgraph\",\"generator\":\"newsgraph %s\","
                  "\"articles\":%zu,\"actors\":%zu,\"relations\":%zu",
                  NG_VERSION, ng_graph_article_count(g), ng_graph_node_count(g),
                  ng_graph_edge_count(g));
    put_relation_types(line, g);
    ng_buf note = NG_BUF_INIT;
    if (ng_export__metrics_note(&note, g) && !note.oom) { /* estimated or missing metrics */
        put_key(line, "metrics_note");
        ng_export__json_string(line, note.ptr);
    }
    ng_buf_free(&note);
}

int ng_export__json(ng_out *o, const ng_graph *g, int threads)
{
    ng_buf line = NG_BUF_INIT;
    size_t nn = ng_graph_node_count(g), ne = ng_graph_edge_count(g);
    json_writer w;
    int error;

    memset(&w, 0, sizeof w);
    w.g = g;
    w.n_nc = ng_export__node_columns(&w.nc, g);
    w.n_ec = ng_export__edge_columns(&w.ec);
    make_keys(w.node_keys, w.nc, w.n_nc);
    make_keys(w.edge_keys, w.ec, w.n_ec);
    if ((error = collect_node_ids(&w)) < 0) goto cleanup;
    put_graph_data(&line, g);
    ng_buf_puts(&line, "},\n\"elements\":{\n\"nodes\":[\n");
    if ((error = ng_export__rows(o, &line, nn, put_node, &w, threads)) < 0) goto cleanup;
    ng_buf_puts(&line, nn ? "\n],\n\"edges\":[\n" : "],\n\"edges\":[\n");
    if ((error = ng_export__rows(o, &line, ne, put_edge, &w, threads)) < 0) goto cleanup;
    ng_buf_puts(&line, ne ? "\n]}}\n" : "]}}\n");
    error = ng_export__flush(o, &line, 0);

cleanup:
    free(w.node_ids);
    ng_buf_free(&line);
    return error;
}
