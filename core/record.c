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

void ng_doc_free(ng_doc *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->n_actors; i++) {
        free(d->actors[i].key);
        free(d->actors[i].label);
        free(d->actors[i].aliases);
    }
    for (size_t i = 0; i < d->n_relations; i++) free(d->relations[i].sentence);
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
    c->key = ng_strdup(a->key ? a->key : "");
    c->label = ng_strdup(a->label ? a->label : "");
    c->aliases = ng_strdup(a->aliases ? a->aliases : "");
    if (!c->key || !c->label || !c->aliases) {
        free(c->key);
        free(c->label);
        free(c->aliases);
        return NG_ENOMEM;
    }
    c->type = a->type;
    c->mentions = a->mentions;
    c->partial = a->partial;
    if (index_out) *index_out = (uint32_t)d->n_actors;
    d->n_actors++;
    return NG_OK;
}

int ng_doc_take_actor(ng_doc *d, ng_actor *a, uint32_t *index_out)
{
    NG_ASSERT(a->key && a->label && a->aliases);
    if (needs_growth(d->n_actors) &&
        reserve((void **)&d->actors, d->n_actors, sizeof *d->actors) < 0)
        return NG_ENOMEM;
    d->actors[d->n_actors] = *a;
    a->key = a->label = a->aliases = NULL;
    if (index_out) *index_out = (uint32_t)d->n_actors;
    d->n_actors++;
    return NG_OK;
}

int ng_doc_take_relation(ng_doc *d, ng_relation *r)
{
    NG_ASSERT(r->sentence && r->source < d->n_actors && r->target < d->n_actors);
    if (needs_growth(d->n_relations) &&
        reserve((void **)&d->relations, d->n_relations, sizeof *d->relations) < 0)
        return NG_ENOMEM;
    ng_relation *c = &d->relations[d->n_relations];
    *c = *r;
    c->date[sizeof c->date - 1] = '\0';
    r->sentence = NULL;
    d->n_relations++;
    return NG_OK;
}

int ng_doc_add_relation(ng_doc *d, const ng_relation *r)
{
    if (needs_growth(d->n_relations) &&
        reserve((void **)&d->relations, d->n_relations, sizeof *d->relations) < 0)
        return NG_ENOMEM;
    NG_ASSERT(r->source < d->n_actors && r->target < d->n_actors);
    ng_relation *c = &d->relations[d->n_relations];
    *c = *r;
    c->date[sizeof c->date - 1] = '\0';
    c->sentence = ng_strdup(r->sentence ? r->sentence : "");
    if (!c->sentence) return NG_ENOMEM;
    d->n_relations++;
    return NG_OK;
}
