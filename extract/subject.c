/* subject.c - the subject of a trigger. */
#include "engine.h"

int32_t ng_subject__main(const ng_work *w, const sctx *c, uint32_t before)
{
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->t0 >= before) break;
        if (g->place || (g->pp && !g->role)) continue;
        if (g->poss && !ng_groups__poss_owner(w, c, g)) continue;
        return (int32_t)gi;
    }
    return -1;
}

int32_t ng_subject__find(const ng_work *w, const sctx *c, uint32_t ts)
{
    int64_t j = (int64_t)ts - 1;
    int steps = 0, relative = 0, words = 0;
    while (j >= (int64_t)c->a && steps < 24) {
        uint32_t t = (uint32_t)j;
        int32_t gi = c->gend[t - c->a];
        if (gi >= 0) {
            const group *g = &c->g[gi];
            /* the antecedent of "who"/"which" may sit in a prepositional phrase: "the coup
             * was led by X, who heads ..." */
            if (g->place || (g->pp && !g->role && !relative)) { j = (int64_t)g->t0 - 1; steps++; continue; }
            return gi;
        }
        if (c->gcov[t - c->a] >= 0) { j = (int64_t)c->g[c->gcov[t - c->a]].t0 - 1; continue; }
        if (w->tk.v[t].flags & NG_TK_PUNCT) {
            char ch = *ng_w__fold(w, t);
            if (ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '"') return -1;
            j--;
            steps++;
            continue;
        }
        uint32_t bits = ng_w__bits(w, t);
        if (bits & NG_W_CLAUSE) {
            /* only a relative pronoun right before the verb is its subject ("X, who heads";
             * not "X, which they left") */
            if (ng_w__is(w, t, "who") || ng_w__is(w, t, "which")) { relative = words == 0; j--; continue; }
            return -1;
        }
        if (!(bits & (NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL))) words++;
        j--;
        steps++;
    }
    return -1;
}
