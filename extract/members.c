/* members.c - membership written with the organization as the subject.
 *
 * "The bloc groups A, B and C", "the EAC, which comprises A and B", "the alliance brings
 * together A and B" (trigger flag orgsubj): the subject is an organization that is not a
 * government body, and the object, right after the verb, is the list of its members with at
 * least one state and only states or organizations in it. Words of the same verbs say many
 * other things ("the delegation includes two ministers", "the package includes sanctions on
 * X", "the EU included X in its list", "the forum includes Japan as an observer"), so the
 * reading is strict: nothing but determiners between the verb and the list, and nothing
 * after the list that makes it a complement of something else. */
#include "engine.h"

/* Is group g a list of members: states or organizations, at least one state? */
static int member_list(const ng_work *w, const sctx *c, const group *g)
{
    int states = 0;
    if (g->poss || g->place || g->role) return 0;
    for (uint32_t k = 0; k < g->an; k++) {
        const ng_wactor *x = &w->actors[c->acts[g->a0 + k]];
        if (x->type == NG_ETYPE_STATE)
            states++;
        else if (x->type != NG_ETYPE_ORG || x->body >= 0)
            return 0;
    }
    return states > 0;
}

int ng_members__org_subject_ok(const ng_work *w, const sctx *c, int32_t subj, int32_t obj,
                               uint32_t te)
{
    if (subj < 0 || obj < 0) return 0;
    const group *s = &c->g[subj], *o = &c->g[obj];
    if (s->poss || s->place) return 0;
    for (uint32_t k = 0; k < s->an; k++) {
        const ng_wactor *x = &w->actors[c->acts[s->a0 + k]];
        if (x->type != NG_ETYPE_ORG || x->body >= 0) return 0;
    }
    if (!member_list(w, c, o)) return 0;
    for (uint32_t q = te; q < o->t0; q++)
        if (!(ng_w__bits(w, q) & NG_W_DET)) return 0;
    /* "included X in its list", "includes Japan as an observer", "groups A among others" */
    uint32_t q = o->t1;
    if (q < c->b && (ng_w__bits(w, q) & NG_W_PREP) && !ng_w__is(w, q, "of")) return 0;
    if (q < c->b && ng_w__is(w, q, "as")) return 0;
    return 1;
}
