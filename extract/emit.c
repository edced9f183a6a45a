/* emit.c - relation edges: between two sides, or among the members of one list.
 *
 * An edge joins actors of the types its relation allows (relinfo.c); a trigger flagged
 * `counterpart` never joins a person with the state they act for (in a symmetric relation,
 * either way round; affiliations.c checks every such edge again at the end of the article,
 * once late affiliations are known). A symmetric edge is stored with the smaller actor
 * first, and one sentence gives an edge once. A phrase relating too many pairs, or a sentence
 * past too many relations, gives none more (the amplification bounds of ng_extract.h). */
#include "engine.h"

#include <string.h>

int ng_emit__add(ng_work *w, int32_t src, int32_t dst, ng_rel rel, uint32_t flags, uint32_t sent,
                 const char *date)
{
    if (src < 0 || dst < 0 || src == dst) return NG_OK;
    /* a treaty is only what an exit leaves (runs.c treaty_exits): the object of a trigger
     * flagged memberctx, never a subject, a signer or a member */
    if (w->actors[src].treaty || (w->actors[dst].treaty && !(flags & NG_TRF_MEMBERCTX)))
        return NG_OK;
    if (ng_relinfo__symmetric(rel) && src > dst) {
        int32_t t = src;
        src = dst;
        dst = t;
    }
    size_t same = 0;
    for (size_t i = w->n_rels; i-- > 0; same++) {
        const ng_wrel *r = &w->rels[i];
        if (r->sent != sent) break;
        if (r->src == src && r->dst == dst && r->rel == rel) return NG_OK;
    }
    if (same >= NG_EXTRACT_SENTENCE_RELATIONS_MAX) { /* amplification bound (ng_extract.h) */
        if (w->capped_sent != sent + 1) w->capped_lists++;
        w->capped_sent = sent + 1;
        return NG_OK;
    }
    if (NG_ARRAY_GROW(w->rels, w->cap_rels, w->n_rels + 1) < 0) return NG_ENOMEM;
    ng_wrel *r = &w->rels[w->n_rels++];
    r->src = src;
    r->dst = dst;
    r->rel = rel;
    r->sent = sent;
    r->counterpart = (flags & NG_TRF_COUNTERPART) != 0;
    r->inverse = (flags & NG_TRF_INVERSE) != 0;
    r->as_state = 0;
    r->named_state = 0;
    /* as snprintf "%s" into 11 bytes, without the formatter (this runs per relation) */
    size_t n = date ? strnlen(date, sizeof r->date - 1) : 0;
    if (n) memcpy(r->date, date, n);
    r->date[n] = '\0';
    return NG_OK;
}

/* Is one side a person who acts for the other? */
static int acts_for(const ng_work *w, int32_t person, int32_t other)
{
    return w->actors[person].type == NG_ETYPE_PERSON && w->actors[person].affil == other;
}

int ng_emit__types_ok(const ng_work *w, ng_rel rel, uint32_t flags, int32_t s, int32_t o)
{
    if (!ng_relinfo__joins(rel, w->actors[s].type, w->actors[o].type)) return 0;
    return !((flags & NG_TRF_COUNTERPART) && ng_relinfo__symmetric(rel) &&
             (acts_for(w, s, o) || acts_for(w, o, s)));
}

/* A phrase relating more pairs than NG_EXTRACT_LIST_PAIRS_MAX is a group event (ng_extract.h):
 * it gives none, and is counted. */
static int too_many_pairs(ng_work *w, uint64_t pairs)
{
    if (pairs <= NG_EXTRACT_LIST_PAIRS_MAX) return 0;
    w->capped_lists++;
    return 1;
}

int ng_emit__pairs(ng_work *w, ng_rel rel, uint32_t flags, const int32_t *s, uint32_t ns,
                   const int32_t *o, uint32_t no, uint32_t sent, const char *date)
{
    int error;
    if (too_many_pairs(w, (uint64_t)ns * no)) return NG_OK;
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t k = 0; k < no; k++) {
            if (!ng_emit__types_ok(w, rel, flags, s[i], o[k])) continue;
            if ((error = ng_emit__add(w, s[i], o[k], rel, flags, sent, date)) < 0) return error;
        }
    return NG_OK;
}

int ng_emit__within(ng_work *w, const sctx *c, ng_rel rel, uint32_t flags, const group *g,
                    uint32_t sent, const char *date)
{
    int error;
    if (g->split) {
        /* between A and B: A x B */
        int32_t L[GMAX], R[GMAX];
        uint32_t nl = 0, nr = 0;
        for (uint32_t ui = g->u0; ui < g->u0 + g->un; ui++) {
            const unit *u = &c->u[ui];
            for (uint32_t k = 0; k < u->an; k++) {
                if (ui < g->split) {
                    if (nl < GMAX) L[nl++] = c->acts[u->a0 + k];
                } else if (nr < GMAX) {
                    R[nr++] = c->acts[u->a0 + k];
                }
            }
        }
        return ng_emit__pairs(w, rel, flags, L, nl, R, nr, sent, date);
    }
    if (too_many_pairs(w, (uint64_t)g->an * (g->an ? g->an - 1 : 0) / 2)) return NG_OK;
    for (uint32_t i = 0; i < g->an; i++)
        for (uint32_t k = i + 1; k < g->an; k++) {
            int32_t x = c->acts[g->a0 + i], y = c->acts[g->a0 + k];
            if (!ng_emit__types_ok(w, rel, flags, x, y)) continue;
            if ((error = ng_emit__add(w, x, y, rel, flags, sent, date)) < 0) return error;
        }
    return NG_OK;
}

int ng_emit__as_state(ng_work *w, int32_t src, int32_t dst, ng_rel rel, uint32_t flags,
                      uint32_t sent, const char *date)
{
    int32_t side[2] = {src, dst};
    uint8_t late[2] = {0, 0};
    for (int i = 0; i < 2; i++) {
        const ng_wactor *a = &w->actors[side[i]];
        if (a->type != NG_ETYPE_PERSON) continue;
        if (a->affil >= 0 && w->actors[a->affil].type == NG_ETYPE_STATE)
            side[i] = a->affil;
        else
            late[i] = 1;
    }
    size_t before = w->n_rels;
    int error = ng_emit__add(w, side[0], side[1], rel, flags, sent, date);
    if (error < 0 || w->n_rels == before) return error;
    ng_wrel *r = &w->rels[w->n_rels - 1];
    for (int i = 0; i < 2; i++)
        if (late[i]) r->as_state |= r->src == side[i] ? 1 : 2;
    return NG_OK;
}

void ng_emit__states_late(ng_work *w)
{
    size_t n = 0;
    for (size_t k = 0; k < w->n_rels; k++) {
        ng_wrel r = w->rels[k];
        int32_t side[2] = {r.src, r.dst};
        for (int i = 0; i < 2 && r.as_state; i++) {
            int32_t st = w->actors[side[i]].affil;
            if (!(r.as_state & (1 << i))) continue;
            /* a state guessed from the article alone (its dateline, the state it names most)
             * is the person's at best, not a side of the state's own acts */
            side[i] = st >= 0 && w->actors[st].type == NG_ETYPE_STATE &&
                              !w->actors[side[i]].affil_guess
                          ? st
                          : -1;
        }
        /* a side whose state is still unknown: the text named no person's edge */
        if (side[0] < 0 || side[1] < 0 || side[0] == side[1]) continue;
        if (ng_relinfo__symmetric(r.rel) && side[0] > side[1]) {
            int32_t t = side[0];
            side[0] = side[1];
            side[1] = t;
        }
        r.src = side[0];
        r.dst = side[1];
        r.as_state = 0;
        w->actors[r.src].emit = w->actors[r.dst].emit = 1;
        w->rels[n++] = r;
    }
    w->n_rels = n;
}

/* Does the sentence of rels[k] give its relation between a and a person acting for state st?
 * (a sentence's edges are stored together) */
static int person_of_state_too(const ng_work *w, size_t k, int32_t a, int32_t st)
{
    const ng_wrel *e = &w->rels[k];
    size_t i = k;
    while (i > 0 && w->rels[i - 1].sent == e->sent)
        i--;
    for (; i < w->n_rels && w->rels[i].sent == e->sent; i++) {
        const ng_wrel *r = &w->rels[i];
        if (r->rel != e->rel || r->as_state || (r->src != a && r->dst != a)) continue;
        int32_t p = r->src == a ? r->dst : r->src;
        if (p != a && w->actors[p].type == NG_ETYPE_PERSON && w->actors[p].affil == st) return 1;
    }
    return 0;
}

/* "X visited Nigeria and met President Y", "X met Nigeria's leader Y in Abuja": a symmetric
 * counterpart edge with a state is coarse beside the edge the same sentence gives with a
 * person of that state (the person met stands for the state; recall counts the person-level
 * fact, and the state edge is at best optional). Run once the affiliations are known. */
void ng_emit__drop_coarse(ng_work *w)
{
    size_t n = 0;
    for (size_t k = 0; k < w->n_rels; k++) {
        const ng_wrel *r = &w->rels[k];
        int drop = 0;
        if (r->named_state && r->counterpart && !r->as_state && ng_relinfo__symmetric(r->rel))
            for (int i = 0; i < 2 && !drop; i++) {
                int32_t st = i ? r->dst : r->src, a = i ? r->src : r->dst;
                drop = w->actors[st].type == NG_ETYPE_STATE && person_of_state_too(w, k, a, st);
            }
        if (drop) continue;
        if (n != k) w->rels[n] = w->rels[k];
        n++;
    }
    w->n_rels = n;
}
