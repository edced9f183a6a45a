/* items.c - an edge's kept evidence as one block of the finished graph's spill file (issue
 * 16.4): the graph keeps where the block is, not the items, so its memory does not grow with
 * the up to NG_GRAPH_MAX_EVIDENCE sentences of each edge.
 *
 * A block is, per item in the kept order: the article offset (8 bytes, this machine's order:
 * the file never leaves the process), then the date, article id, title, URL and sentence,
 * each ending in '\0'. */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

/* The block's strings are measured first and the buffer grown once: the item is seven
 * pieces, each of which would otherwise grow the buffer on its own. */
void ng_items__encode(ng_buf *b, uint64_t offset, const char *date, const char *article,
                      const char *title, const char *url, const char *sentence, size_t len)
{
    const char *f[4] = {date, article, title, url};
    size_t n[4], total = sizeof offset + len + 1;
    for (int k = 0; k < 4; k++) {
        if (!f[k]) f[k] = "";
        n[k] = strlen(f[k]) + 1; /* with its '\0' */
        total += n[k];
    }
    if (ng_buf_grow(b, total) < 0) return; /* b->oom is set: the caller sees it */
    char *o = b->ptr + b->len;
    memcpy(o, &offset, sizeof offset);
    o += sizeof offset;
    for (int k = 0; k < 4; k++) {
        memcpy(o, f[k], n[k]);
        o += n[k];
    }
    if (len) memcpy(o, sentence, len);
    o[len] = '\0';
    b->len += total;
    b->ptr[b->len] = '\0';
}

/* The next '\0'-ended string of [*p, end), or NULL when the block is short. */
static const char *take(const char **p, const char *end)
{
    const char *s = *p, *z = s < end ? memchr(s, '\0', (size_t)(end - s)) : NULL;
    if (!z) return NULL;
    *p = z + 1;
    return s;
}

static int decode(ng_items *out, size_t n_items)
{
    const char *p = out->text, *end = out->text + out->n_text;
    for (size_t k = 0; k < n_items; k++) {
        ng_evidence *it = &out->v[k];
        const char *date;
        if ((size_t)(end - p) < sizeof it->offset) return NG_EFORMAT;
        memcpy(&it->offset, p, sizeof it->offset);
        p += sizeof it->offset;
        if (!(date = take(&p, end)) || !(it->article = take(&p, end)) ||
            !(it->title = take(&p, end)) || !(it->url = take(&p, end)) ||
            !(it->sentence = take(&p, end)))
            return NG_EFORMAT;
        memset(it->date, 0, sizeof it->date);
        memcpy(it->date, date, strnlen(date, sizeof it->date - 1));
    }
    return NG_OK;
}

int ng_graph_edge_items(const ng_graph *g, const ng_edge *e, ng_items *out)
{
    int error;
    out->n = 0;
    if (!e->n_items) return NG_OK;
    if (e->n_items > NG_GRAPH_MAX_EVIDENCE) return NG_EINVAL;
    if (out->cap < e->items_len) {
        char *t = ng_realloc(out->text, e->items_len);
        if (!t) return NG_ENOMEM;
        out->text = t;
        out->cap = e->items_len;
    }
    out->n_text = e->items_len;
    if ((error = ng_spill__get(&g->item_spill, e->items_at, e->items_len, out->text)) < 0)
        return error;
    if ((error = decode(out, e->n_items)) < 0) {
        ng_error_set("internal: the evidence of edge %s is damaged in the temporary file", e->id);
        return error;
    }
    out->n = e->n_items;
    return NG_OK;
}

void ng_items_free(ng_items *it)
{
    if (!it) return;
    free(it->text);
    memset(it, 0, sizeof *it);
}
