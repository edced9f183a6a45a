/* record.c - the records shared by every stage: articles, docs, actors, relations (the
 * relation types are in relations.c). */
#include "ng_core.h"

#include <stdlib.h>
#include <string.h>

static const char *const etype_names[NG_ETYPE__COUNT] = {"person", "state", "organization",
                                                         "place"};

const char *ng_etype_name(ng_etype t)
{
    return (unsigned)t < NG_ETYPE__COUNT ? etype_names[t] : "unknown";
}

int ng_etype_parse(ng_etype *out, const char *s)
{
    for (int i = 0; i < NG_ETYPE__COUNT; i++) {
        if (strcmp(s, etype_names[i]) == 0) {
            *out = (ng_etype)i;
            return NG_OK;
        }
    }
    if (strcmp(s, "org") == 0) {
        *out = NG_ETYPE_ORG;
        return NG_OK;
    }
    ng_error_set("unknown actor type '%s' (use person, state, organization or place)", s);
    return NG_EINVAL;
}

void ng_article_free(ng_article *a)
{
    if (!a) return;
    free(a->id);
    free(a->origin);
    free(a->date);
    free(a->title);
    free(a->url);
    free(a->text);
    free(a);
}

int ng_doc_new(ng_doc **out, const char *id, const char *origin)
{
    ng_doc *d = ng_calloc(1, sizeof *d);
    *out = NULL;
    if (!d) return NG_ENOMEM;
    d->id = ng_strdup(id ? id : "");
    d->origin = ng_strdup(origin ? origin : (id ? id : ""));
    d->title = ng_strdup("");
    d->url = ng_strdup("");
    if (!d->id || !d->origin || !d->title || !d->url) {
        ng_doc_free(d);
        return NG_ENOMEM;
    }
    *out = d;
    return NG_OK;
}

/* A block of the doc's pool (its strings, NUL-terminated, one after another). */
struct ng_doc_chunk {
    struct ng_doc_chunk *next;
    size_t len, cap;
    char data[];
};

/* A copy of the n bytes at s (and a NUL) in the doc's pool; NULL when out of memory. */
static char *pool_copy(ng_doc *d, const char *s, size_t n)
{
    struct ng_doc_chunk *c = d->pool;
    if (!c || c->cap - c->len < n + 1) {
        size_t cap = c ? (c->cap < 32768 ? c->cap * 2 : c->cap) : 2048 - sizeof *c;
        if (cap < n + 1) cap = n + 1;
        struct ng_doc_chunk *nc = ng_malloc(sizeof *nc + cap);
        if (!nc) return NULL;
        nc->next = c;
        nc->len = 0;
        nc->cap = cap;
        d->pool = c = nc;
    }
    char *p = c->data + c->len;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    c->len += n + 1;
    return p;
}

void ng_doc_free(ng_doc *d)
{
    if (!d) return;
    for (struct ng_doc_chunk *c = d->pool, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(d->actors);
    free(d->relations);
    free(d->id);
    free(d->origin);
    free(d->title);
    free(d->url);
    free(d);
}

/* Arrays of n items have capacity max(4, the next power of two >= n): they grow when n is
 * 0 or a power of two >= 4. */
static int needs_growth(size_t n) { return n == 0 || (n >= 4 && !(n & (n - 1))); }

static int reserve(void **arr, size_t n, size_t size)
{
    size_t cap = n ? n * 2 : 4;
    void *p = ng_realloc(*arr, cap * size);
    if (!p) return NG_ENOMEM;
    *arr = p;
    return NG_OK;
}

int ng_doc_add_actor(ng_doc *d, const ng_actor *a, uint32_t *index_out)
{
    if (needs_growth(d->n_actors) &&
        reserve((void **)&d->actors, d->n_actors, sizeof *d->actors) < 0)
        return NG_ENOMEM;
    ng_actor *c = &d->actors[d->n_actors];
    memset(c, 0, sizeof *c);
    const char *key = a->key ? a->key : "", *label = a->label ? a->label : "";
    const char *aliases = a->aliases ? a->aliases : "";
    if (!(c->key = pool_copy(d, key, strlen(key))) ||
        !(c->label = pool_copy(d, label, strlen(label))) ||
        !(c->aliases = pool_copy(d, aliases, strlen(aliases))))
        return NG_ENOMEM;
    c->type = a->type;
    c->mentions = a->mentions;
    c->partial = a->partial;
    if (index_out) *index_out = (uint32_t)d->n_actors;
    d->n_actors++;
    return NG_OK;
}

int ng_doc_add_relation_text(ng_doc *d, const ng_relation *r, const char *sentence, size_t len)
{
    if (needs_growth(d->n_relations) &&
        reserve((void **)&d->relations, d->n_relations, sizeof *d->relations) < 0)
        return NG_ENOMEM;
    NG_ASSERT(r->source < d->n_actors && r->target < d->n_actors);
    ng_relation *c = &d->relations[d->n_relations];
    const ng_relation *prev = d->n_relations ? c - 1 : NULL;
    *c = *r;
    c->date[sizeof c->date - 1] = '\0';
    /* relations of one sentence follow each other: they share its copy */
    if (prev && prev->offset == r->offset && strnlen(prev->sentence, len + 1) == len &&
        memcmp(prev->sentence, sentence, len) == 0)
        c->sentence = prev->sentence;
    else if (!(c->sentence = pool_copy(d, sentence, len)))
        return NG_ENOMEM;
    d->n_relations++;
    return NG_OK;
}

int ng_doc_add_relation(ng_doc *d, const ng_relation *r)
{
    const char *s = r->sentence ? r->sentence : "";
    return ng_doc_add_relation_text(d, r, s, strlen(s));
}
