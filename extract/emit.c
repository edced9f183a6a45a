/* emit.c - relation edges, checked for the actor types a relation allows. */
#include "engine.h"

#include <string.h>

int ng_emit__add(ng_work *w, int32_t src, int32_t dst, ng_rel rel, uint32_t sent, const char *date)
{
    if (src < 0 || dst < 0 || src == dst) return NG_OK;
    if (ng_rel_symmetric(rel) && src > dst) {
        int32_t t = src;
        src = dst;
        dst = t;
    }
    for (size_t i = w->n_rels; i-- > 0;) {
        const ng_wrel *r = &w->rels[i];
        if (r->sent != sent) break;
        if (r->src == src && r->dst == dst && r->rel == rel) return NG_OK;
    }
    if (w->n_rels == w->cap_rels) {
        size_t nc = w->cap_rels ? w->cap_rels * 2 : 64;
        ng_wrel *nr = ng_realloc(w->rels, nc * sizeof *nr);
        if (!nr) return NG_ENOMEM;
        w->rels = nr;
        w->cap_rels = nc;
    }
    ng_wrel *r = &w->rels[w->n_rels++];
    r->src = src;
    r->dst = dst;
    r->rel = rel;
    r->sent = sent;
    {
        /* as snprintf "%s" into 11 bytes, without the formatter (this runs per relation) */
        size_t n = date ? strnlen(date, sizeof r->date - 1) : 0;
        if (n) memcpy(r->date, date, n);
        r->date[n] = '\0';
    }
    return NG_OK;
}

/* Type constraints of the relations. */
int ng_emit__types_ok(const ng_work *w, ng_rel rel, int32_t s, int32_t o)
{
    ng_etype ts = w->actors[s].type, to = w->actors[o].type;
    if (ts == NG_ETYPE_PLACE || to == NG_ETYPE_PLACE) return 0;
    /* a person does not meet or sign with the state they act for */
    if ((rel == NG_REL_MET || rel == NG_REL_SIGNED) &&
        ((ts == NG_ETYPE_PERSON && w->actors[s].affil == o) ||
         (to == NG_ETYPE_PERSON && w->actors[o].affil == s)))
        return 0;
    switch (rel) {
    case NG_REL_MEMBER_OF:
        return ts != NG_ETYPE_PERSON && to == NG_ETYPE_ORG;
    case NG_REL_AFFILIATED_WITH:
        return ts == NG_ETYPE_PERSON && to != NG_ETYPE_PERSON;
    case NG_REL_WITHDREW:
        return to != NG_ETYPE_PERSON;
    case NG_REL_CUT_TIES:
        return to != NG_ETYPE_PERSON;
    default:
        return 1;
    }
}

int ng_emit__pairs(ng_work *w, const sctx *c, ng_rel rel, const int32_t *s, uint32_t ns,
                   const int32_t *o, uint32_t no, uint32_t sent, const char *date)
{
    int error;
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t k = 0; k < no; k++) {
            if (!ng_emit__types_ok(w, rel, s[i], o[k])) continue;
            if ((error = ng_emit__add(w, s[i], o[k], rel, sent, date)) < 0) return error;
        }
    (void)c;
    return NG_OK;
}

int ng_emit__within(ng_work *w, const sctx *c, ng_rel rel, const group *g, uint32_t sent,
                    const char *date)
{
    int error;
    if (g->split) {
        /* between A and B: A x B */
        const unit *us = &c->u[g->split];
        uint32_t left_end = us->a0;
        (void)left_end;
        int32_t L[GMAX], R[GMAX];
        uint32_t nl = 0, nr = 0;
        for (uint32_t ui = g->u0; ui < g->u0 + g->un; ui++) {
            const unit *u = &c->u[ui];
            for (uint32_t k = 0; k < u->an; k++) {
                if (ui < g->split) {
                    if (nl < GMAX) L[nl++] = c->acts[u->a0 + k];
                } else if (nr < GMAX)
                    R[nr++] = c->acts[u->a0 + k];
            }
        }
        return ng_emit__pairs(w, c, rel, L, nl, R, nr, sent, date);
    }
    for (uint32_t i = 0; i < g->an; i++)
        for (uint32_t k = i + 1; k < g->an; k++) {
            int32_t x = c->acts[g->a0 + i], y = c->acts[g->a0 + k];
            if (!ng_emit__types_ok(w, rel, x, y)) continue;
            if ((error = ng_emit__add(w, x, y, rel, sent, date)) < 0) return error;
        }
    return NG_OK;
}
