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

/* ,"key": */
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

static void put_node(ng_buf *b, const ng_graph *g, const ng_node *n, int first)
{
    const ng_column *nc;
    size_t n_nc = ng_export__node_columns(&nc, g);
    ng_value v;

    ng_export__puts(b, first ? "{\"data\":{\"id\":" : ",\n{\"data\":{\"id\":");
    ng_export__json_string(b, n->id);
    for (size_t c = 0; c < n_nc; c++) {
        ng_export__node_value(&v, n, c);
        put_key(b, nc[c].name);
        put_value(b, &v);
    }
    put_key(b, "color");
    ng_export__json_string(b, ng_export__type_style(n->type)->hex);
    ng_export__put(b, "}}", 2);
}

/* The kept evidence of `e`, read back from the graph's temporary file into `items`. */
static int put_items(ng_buf *b, const ng_graph *g, const ng_edge *e, ng_items *items)
{
    int error = ng_graph_edge_items(g, e, items);
    if (error < 0) return error;
    put_key(b, "evidence_items");
    ng_export__putc(b, '[');
    for (size_t k = 0; k < items->n; k++) {
        const ng_evidence *it = &items->v[k];
        ng_export__puts(b, k ? ",{\"article\":" : "{\"article\":");
        ng_export__json_string(b, it->article);
        put_key(b, "title");
        ng_export__json_string(b, it->title);
        put_key(b, "url");
        ng_export__json_string(b, it->url);
        put_key(b, "sentence");
        ng_export__json_string(b, it->sentence);
        put_key(b, "offset");
        ng_export__put_uint(b, (unsigned long long)it->offset);
        put_key(b, "date");
        ng_export__json_string(b, it->date);
        ng_export__putc(b, '}');
    }
    ng_export__put(b, "]}}", 3);
    return NG_OK;
}

static int put_edge(ng_buf *b, const ng_graph *g, const ng_edge *e, const char **node_ids,
                    int first, ng_items *items, ng_buf *tmp)
{
    const ng_column *ec;
    size_t n_ec = ng_export__edge_columns(&ec);
    ng_value v;

    ng_export__puts(b, first ? "{\"data\":{\"id\":" : ",\n{\"data\":{\"id\":");
    if (bsearch(&e->id, node_ids, ng_graph_node_count(g), sizeof *node_ids, cmp_str)) {
        ng_buf_clear(tmp); /* rare: an edge id that is also a node id */
        ng_buf_puts(tmp, "edge:");
        ng_buf_puts(tmp, e->id);
        ng_export__json_string(b, tmp->ptr);
    } else {
        ng_export__json_string(b, e->id);
    }
    put_key(b, "source");
    ng_export__json_string(b, ng_graph_node(g, e->source)->id);
    put_key(b, "target");
    ng_export__json_string(b, ng_graph_node(g, e->target)->id);
    for (size_t c = 0; c < n_ec; c++) {
        ng_export__edge_value(&v, e, c, tmp);
        put_key(b, ec[c].name);
        put_value(b, &v);
    }
    put_key(b, "directed");
    ng_export__puts(b, e->directed ? "true" : "false");
    b->oom |= tmp->oom;
    return put_items(b, g, e, items);
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
        put_key(b, "direction");
        ng_export__json_string(b, d->symmetric ? "symmetric" : "directed");
        put_key(b, "hostile");
        ng_export__puts(b, d->hostile ? "true" : "false");
        put_key(b, "subjects");
        put_types(b, d->subjects);
        put_key(b, "objects");
        put_types(b, d->objects);
        put_key(b, "description");
        ng_export__json_string(b, d->description);
        ng_export__putc(b, '}');
        first = 0;
    }
    ng_export__putc(b, ']');
}

int ng_export__json(ng_out *o, const ng_graph *g)
{
    ng_buf line = NG_BUF_INIT;
    size_t nn = ng_graph_node_count(g), ne = ng_graph_edge_count(g);
    const char **node_ids = NULL;
    ng_items items = {0};
    ng_buf tmp = NG_BUF_INIT;
    int error = 0;

    /* Sorted node ids, to find edge ids that would collide with them. */
    if (nn && !(node_ids = ng_calloc(nn, sizeof *node_ids))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < nn; i++)
        node_ids[i] = ng_graph_node(g, i)->id;
    if (nn) qsort(node_ids, nn, sizeof *node_ids, cmp_str);

    ng_buf_printf(&line,
                  "{\"data\":{\"name\":\"newsgraph\",\"generator\":\"newsgraph %s\","
                  "\"articles\":%zu,\"actors\":%zu,\"relations\":%zu",
                  NG_VERSION, ng_graph_article_count(g), nn, ne);
    put_relation_types(&line, g);
    ng_buf note = NG_BUF_INIT;
    if (ng_export__metrics_note(&note, g) && !note.oom) { /* estimated or missing metrics */
        put_key(&line, "metrics_note");
        ng_export__json_string(&line, note.ptr);
    }
    ng_buf_free(&note);
    ng_buf_puts(&line, "},\n\"elements\":{\n\"nodes\":[\n");
    for (size_t i = 0; i < nn; i++) {
        put_node(&line, g, ng_graph_node(g, i), i == 0);
        if ((error = ng_export__flush(o, &line, NG_EXPORT_FLUSH_AT)) < 0) goto cleanup;
    }
    ng_buf_puts(&line, nn ? "\n],\n\"edges\":[\n" : "],\n\"edges\":[\n");
    for (size_t i = 0; i < ne; i++) {
        if ((error = put_edge(&line, g, ng_graph_edge(g, i), node_ids, i == 0, &items, &tmp)) < 0 ||
            (error = ng_export__flush(o, &line, NG_EXPORT_FLUSH_AT)) < 0)
            goto cleanup;
    }
    ng_buf_puts(&line, ne ? "\n]}}\n" : "]}}\n");
    error = ng_export__flush(o, &line, 0);

cleanup:
    free(node_ids);
    ng_items_free(&items);
    ng_buf_free(&tmp);
    ng_buf_free(&line);
    return error;
}
