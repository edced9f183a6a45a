/* modality.c - is a trigger a fact (not a modal, plan, negation, condition, rumour)? */
#include "engine.h"

/* A phrase of words.csv (several words) starting at t: its class bits. */
static uint32_t phrase_bits(const ng_work *w, uint32_t t, uint32_t b)
{
    const ng_ptab *pt = &w->lex->wordphrases;
    uint64_t h = NG_SEQ_SEED;
    uint32_t bits = 0;
    for (uint32_t k = t; k < b && k - t < pt->max_tokens; k++) {
        const ng_ptab_slot *slot;
        h = ng_x__seq_hash(h, w->tk.v[k].h);
        if (!(slot = ng_ptab__find(pt, h))) break;
        for (int32_t v = slot->first; v >= 0; v = pt->vals[v].next) bits |= pt->vals[v].kind;
    }
    return bits;
}

/* Word and phrase classes of token t for modality; the month "May" is not a modal. */
uint32_t ng_modality__fact_bits(const ng_work *w, const sctx *c, uint32_t t)
{
    uint32_t bits = ng_w__bits(w, t) | phrase_bits(w, t, c->b);
    if ((bits & NG_W_MODAL) && (w->tk.v[t].flags & NG_TK_CAP) && !(w->tk.v[t].flags & NG_TK_FIRST) &&
        ng_date__month(ng_w__fold(w, t), w->tk.v[t].flen))
        bits &= ~(uint32_t)NG_W_MODAL;
    return bits;
}

/* Is the event at [ts, te) not a fact (modal, plan, negation, condition, rumour)? */
int ng_modality__not_fact(const ng_work *w, const sctx *c, uint32_t lo, uint32_t clause, uint32_t ts, uint32_t te, int noun)
{
    uint32_t from = lo;
    if (ts > c->a + 8 && from < ts - 8) from = ts - 8;
    if (noun && ts > c->a + 5 && from < ts - 5) from = ts - 5;
    for (uint32_t t = from; t < ts; t++) {
        if (ng_modality__fact_bits(w, c, t) & NG_NOT_FACT) return 1;
    }
    /* infinitive: only "decided to", "decision to", "voted to" are facts */
    if (ts > c->a && ng_w__is(w, ts - 1, "to") && !noun) {
        int ok = 0;
        for (uint32_t t = ts > c->a + 4 ? ts - 4 : c->a; t + 1 < ts; t++)
            if (ng_w__bits(w, t) & NG_W_DECIDE) ok = 1;
        if (!ok) return 1;
    }
    for (uint32_t t = clause; t < ts; t++)
        if ((ng_w__bits(w, t) | phrase_bits(w, t, c->b)) & NG_W_COND) return 1;
    for (uint32_t t = c->a; t < c->b; t++)
        if (ng_w__bits(w, t) & NG_W_RUMOUR) return 1;
    if (noun) {
        /* "talks between A and B will take place", "a meeting planned for" */
        for (uint32_t t = te; t < c->b && t < te + 14; t++) {
            if (ng_w__punct(w, t, ';') || ng_w__punct(w, t, '.')) break;
            if (ng_modality__fact_bits(w, c, t) & (NG_W_MODAL | NG_W_PLAN)) return 1;
        }
    }
    return 0;
}
