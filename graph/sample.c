/* sample.c - what an edge or a node remembers of the articles behind it: how many, and a
 * bounded, deterministic sample of them (issue 16.4, 17.2).
 *
 * Memory grows with the graph, not with the corpus: a sample holds at most `cap` articles
 * (--sources, default NG_GRAPH_SOURCES_DEFAULT), the earliest by the article's date (unknown
 * last), then by id; the count of distinct articles is a number. Each article a sample (or a
 * kept evidence item, merge.c) holds is one shared ng_src, counted by reference and freed
 * when the last holder lets it go, so an article no sample keeps costs nothing once its doc
 * is added. A src belongs to one graph at a time (a partial graph's srcs move with its
 * aggregates when it is absorbed); its count is atomic because the finish's threads release
 * the aggregates they have made edges of, and two aggregates may share an article.
 *
 * The sample is order-independent: the K smallest of a set under a total order, whatever the
 * order of the offers and of the merges. Counts add up; an article offered to two samples that
 * are then merged (two actor entries that resolution makes one node, both supported by one
 * article) is counted once when the merged sample shows it twice (always, while the count is
 * at most `cap`), else twice. */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ sources */

static char *dup_or_null(const char *s)
{
    return s && *s ? ng_strdup(s) : NULL;
}

int ng_src__new(ng_src **out, const ng_doc *doc)
{
    const char *id = doc->id ? doc->id : "";
    size_t n = strlen(id);
    ng_src *s = ng_calloc(1, sizeof *s + n + 1);
    *out = NULL;
    if (!s) return NG_ENOMEM;
    atomic_init(&s->refs, 0);
    memcpy(s->id, id, n + 1);
    memcpy(s->date, doc->date, sizeof s->date);
    s->date[10] = '\0';
    if (!ng_date_valid(s->date)) s->date[0] = '\0';
    if ((doc->title && *doc->title && !(s->title = dup_or_null(doc->title))) ||
        (doc->url && *doc->url && !(s->url = dup_or_null(doc->url)))) {
        free(s->title);
        free(s);
        return NG_ENOMEM;
    }
    *out = s;
    return NG_OK;
}

static void src_free(ng_src *s)
{
    free(s->title);
    free(s->url);
    free(s);
}

void ng_src__release(ng_src *s)
{
    if (s && --s->refs == 0) src_free(s);
}

void ng_src__drop_unheld(ng_src *s)
{
    if (s && s->refs == 0) src_free(s);
}

int ng_src__cmp(const ng_src *x, const ng_src *y)
{
    int c;
    if (x == y) return 0;
    if ((c = ng_graph__date_cmp(x->date, y->date)) != 0) return c;
    return strcmp(x->id, y->id);
}

/* ------------------------------------------------------------------ samples */

/* Room for one more item (at most cap in all). */
static int reserve(ng_sample *s, uint32_t cap)
{
    if (s->n < s->alloc) return NG_OK;
    uint32_t want = s->alloc ? s->alloc * 2 : 2;
    if (want > cap) want = cap;
    ng_src **v = ng_realloc(s->v, want * sizeof *v);
    if (!v) return NG_ENOMEM;
    s->v = v;
    s->alloc = want;
    return NG_OK;
}

/* Puts `src` (one more holder) in its place, dropping the largest when the sample is full;
 * nothing when it is not among the cap smallest. Returns 1 when it was there already. */
static int insert(ng_sample *s, ng_src *src, uint32_t cap, int *error)
{
    uint32_t pos = 0;
    *error = NG_OK;
    /* a full sample keeps only what sorts before its last: most offers to a busy edge or
     * actor are decided by that one comparison (and src is then not in it) */
    if (s->n == cap && ng_src__cmp(src, s->v[cap - 1]) > 0) return 0;
    while (pos < s->n) {
        int c = ng_src__cmp(src, s->v[pos]);
        if (c == 0) return 1;
        if (c < 0) break;
        pos++;
    }
    if (pos >= cap) return 0;
    if (s->n == cap) {
        ng_src__release(s->v[cap - 1]);
        s->n--;
    } else if ((*error = reserve(s, cap)) < 0) {
        return 0;
    }
    memmove(&s->v[pos + 1], &s->v[pos], (s->n - pos) * sizeof *s->v);
    s->v[pos] = src;
    src->refs++;
    s->n++;
    return 0;
}

int ng_sample__offer(ng_sample *s, ng_src *src, uint32_t cap)
{
    int error;
    s->count++;
    if (cap == 0) return NG_OK;
    if (insert(s, src, cap, &error)) s->count--; /* offered twice: one article */
    return error;
}

int ng_sample__absorb(ng_sample *into, ng_sample *from, uint32_t cap)
{
    int error = NG_OK;
    into->count += from->count;
    for (uint32_t i = 0; i < from->n && error == NG_OK; i++) {
        if (cap && insert(into, from->v[i], cap, &error) && into->count > 0) into->count--;
    }
    ng_sample__clear(from);
    return error;
}

void ng_sample__clear(ng_sample *s)
{
    for (uint32_t i = 0; i < s->n; i++) ng_src__release(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}
