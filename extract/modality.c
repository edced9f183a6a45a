/* modality.c - is a trigger a fact? Not when a modal verb, a plan, a negation or a denial
 * stands between its subject and it (within its clause), when it is an infinitive no
 * decision governs ("plans to sign", not "decided to withdraw"), when a condition opens its
 * clause, or when a rumour word is anywhere in the sentence. Word classes of words.csv:
 * modal, plan, neg, decide, cond, rumour. */
#include "engine.h"

/* Words of classes that make a trigger not a fact. */
#define NOT_FACT (NG_W_MODAL | NG_W_PLAN | NG_W_NEG)

/* Word and phrase classes of token t for modality; the month "May" is not a modal. */
static uint64_t fact_bits(const ng_work *w, const sctx *c, uint32_t t)
{
    uint64_t bits = ng_w__bits(w, t) | ng_w__phrase_bits(w, t, c->b);
    if ((bits & NG_W_MODAL) && (w->tk.v[t].flags & NG_TK_CAP) &&
        !(w->tk.v[t].flags & NG_TK_FIRST) && ng_date__month(ng_w__fold(w, t), w->tk.v[t].flen))
        bits &= ~NG_W_MODAL;
    return bits;
}

/* Is there a decision word ("decided", "voted") among tokens [lo, hi)? */
static int decision_in(const ng_work *w, uint32_t lo, uint32_t hi)
{
    for (uint32_t t = lo; t < hi; t++)
        if (ng_w__bits(w, t) & NG_W_DECIDE) return 1;
    return 0;
}

/* Is the event at [ts, te) not a fact (modal, plan, negation, condition, rumour)? */
static int not_fact(const ng_work *w, const sctx *c, uint32_t lo, uint32_t clause, uint32_t ts,
                    uint32_t te, int noun)
{
    uint32_t from = lo;
    if (ts > c->a + 8 && from < ts - 8) from = ts - 8;
    if (noun && ts > c->a + 5 && from < ts - 5) from = ts - 5;
    for (uint32_t t = from; t < ts; t++) {
        if (fact_bits(w, c, t) & NOT_FACT) return 1;
    }
    /* infinitive: only "decided to", "decision to", "voted to" are facts */
    if (ts > c->a && ng_w__is(w, ts - 1, "to") && !noun &&
        !decision_in(w, ts > c->a + 4 ? ts - 4 : c->a, ts - 1))
        return 1;
    for (uint32_t t = clause; t < ts; t++)
        if ((ng_w__bits(w, t) | ng_w__phrase_bits(w, t, c->b)) & NG_W_COND) return 1;
    for (uint32_t t = c->a; t < c->b; t++)
        if (ng_w__bits(w, t) & NG_W_RUMOUR) return 1;
    if (noun) {
        /* "talks between A and B will take place", "a meeting planned for" */
        for (uint32_t t = te; t < c->b && t < te + 14; t++) {
            if (ng_w__punct(w, t, ';') || ng_w__punct(w, t, '.')) break;
            if (fact_bits(w, c, t) & (NG_W_MODAL | NG_W_PLAN)) return 1;
        }
    }
    return 0;
}

/* "... to stop the war and withdraw": the first verb's infinitive or plan reaches a verb
 * after "and" (p: the token after "and"); 1 when it makes the verb not a fact. */
static int first_verb_not_fact(const ng_work *w, const sctx *c, uint32_t p)
{
    for (uint32_t q = p - 1; q > c->a && q + 14 > p; q--) {
        if (ng_w__punct(w, q - 1, ';') || ng_w__punct(w, q - 1, ':')) break;
        if (ng_w__is(w, q - 1, "to"))
            return !decision_in(w, q - 1 > c->a + 4 ? q - 5 : c->a, q - 1);
        if (fact_bits(w, c, q - 1) & NOT_FACT) return 1;
    }
    return 0;
}

int ng_modality__blocks(const ng_work *w, const sctx *c, int32_t subj, uint32_t ts, uint32_t te,
                        int noun)
{
    uint32_t lo = subj >= 0 && c->g[subj].t1 <= ts ? c->g[subj].t1 : c->a;
    uint32_t p = ts, clause = c->a;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK)))
        p--;
    /* a participle after a comma or a verb after ", and" starts its own clause: the
     * modality of the clause before does not reach it ("X said it could ..., and
     * accused Y", "..., calling Iran 'a regime'") */
    if (!noun && p > c->a && ng_subject__comma_participle(w, p - 1, ts))
        clause = p - 1;
    else if (!noun && p > c->a + 1 && ng_w__is(w, p - 1, "and") && ng_w__punct(w, p - 2, ','))
        clause = p - 2;
    if (clause > lo) lo = clause;
    if (clause == c->a && p > c->a && ng_w__is(w, p - 1, "and") && first_verb_not_fact(w, c, p))
        return 1;
    return not_fact(w, c, lo, clause, ts, te, noun);
}
