/* affiliations.c - affiliated_with from titles and roles.
 *
 * A person's title or role names the state or organization they act for (mentions.c and
 * personrole.c found it; a pronoun owner, "its ambassador", is the clause's subject). An
 * office or a royal title written without a state is decided at the end of the article
 * from the clues each mention left (a role named earlier with its state, the state before
 * the name in its clause, a state after it that starts or reports a clause (not a possessive
 * after a verb of saying: "called Chile's decision a mistake"), the state of the
 * colleagues listed with a minister ("He and Foreign Minister X"), the state that opened the
 * previous sentence when the person opens this one ("Paris recalled its envoy. Foreign
 * Minister X said ..."), the dateline's state, the state the article names clearly most),
 * refusing the states the sentence shows are someone else's and, for an office one person
 * holds, a state whose holder is known (not for a former holder: "former President X").
 * The edges of counterpart triggers a person cannot have with their own state are then
 * dropped. */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The single state a group stands for (a person's stated state counts), -1 if none. */
static int32_t group_state(const ng_work *w, const sctx *c, const group *g)
{
    int32_t st = -1;
    for (uint32_t k = 0; k < g->an; k++) {
        int32_t x = c->acts[g->a0 + k];
        if (w->actors[x].type == NG_ETYPE_STATE) {
            if (st >= 0 && st != x) return -1;
            st = x;
        }
    }
    return st;
}

/* "former President X", "the erstwhile foreign minister X", "then-President X", "under then
 * President X": a word of class former in the title or right before it, "then" joined to it
 * by a hyphen (the tokenizer splits "then-"), or a bare "then" after a preposition, "the" or
 * a comma (elsewhere a bare "then" may be "next": "and then President X spoke"). */
static int former_title(const ng_work *w, const sctx *c, const ng_mention *m)
{
    for (uint32_t t = m->t0 > c->a ? m->t0 - 1 : m->t0; t < m->t1; t++) {
        if (t == m->n0) t = m->n1; /* the title before the name and the apposition after it */
        if (t >= m->t1) break;
        if (ng_w__bits(w, t) & NG_W_FORMER) return 1;
        /* "X, who was health minister under Y", "who had been", "who served as" */
        if (ng_w__is(w, t, "who") && t + 1 < m->t1 &&
            (ng_w__is(w, t + 1, "was") || ng_w__is(w, t + 1, "had") ||
             ng_w__is(w, t + 1, "served")))
            return 1;
        if (!ng_w__is(w, t, "then")) continue;
        if (w->text[w->tk.v[t].off + w->tk.v[t].len] == '-') return 1;
        if (t > c->a && ((ng_w__bits(w, t - 1) & NG_W_PREP) || ng_w__is(w, t - 1, "the") ||
                         ng_w__punct(w, t - 1, ',')))
            return 1;
    }
    return 0;
}

/* A new pending affiliation for the person of mention m. */
static int new_pending(pending_affil **out, const ng_work *w, cstate *cs, const sctx *c,
                       const ng_mention *m)
{
    pending_affil *p;
    if (NG_ARRAY_GROW(cs->pend, cs->cap_pend, cs->n_pend + 1) < 0) return NG_ENOMEM;
    p = &cs->pend[cs->n_pend++];
    memset(p, 0, sizeof *p);
    p->actor = m->actor;
    p->title = m->title;
    p->sent = c->s;
    p->before = p->after = p->via = p->mate = p->prev = p->where = -1;
    p->former = (uint8_t)former_title(w, c, m);
    const char *date = ng_sentdates__nearest(w, c, m->t0);
    size_t dn = strnlen(date, sizeof p->date - 1); /* as snprintf "%s", without its cost */
    memcpy(p->date, date, dn);
    p->date[dn] = '\0';
    *out = p;
    return NG_OK;
}

/* "recalled its ambassador from X": a role its possessive owns, called back from state unit
 * u of role group g (X is where the envoy served, not whose envoy). */
static int owned_role_from(const ng_work *w, const group *g, const unit *u)
{
    uint32_t p = u->t0 - 1;
    ng_wbits owner = ng_w__bits(w, g->t0);
    if (!g->role || u->t0 < g->t0 + 3) return 0;
    if (ng_w__is(w, p, "the")) p--;
    return ng_w__is(w, p, "from") && (owner & NG_W_DET) &&
           (owner & (NG_W_PRONHE | NG_W_PRONTHEY | NG_W_PRONIT));
}

/* "the Grand National Assembly of Türkiye": a state after "of" right after an organization
 * that is no prepositional phrase's is that organization's state, which acts with it. */
static int org_of_state(const ng_work *w, const sctx *c, const group *g)
{
    if (g->an != 1 || g->t0 < c->a + 2 || !ng_w__is(w, g->t0 - 1, "of")) return 0;
    int32_t gi = c->gend[g->t0 - 2 - c->a];
    return gi >= 0 && !c->g[gi].pp && !c->g[gi].place && c->g[gi].an == 1 &&
           w->actors[c->acts[c->g[gi].a0]].type == NG_ETYPE_ORG;
}

/* "Protests spread to Kenya, where President X ...": a place phrase followed by ", where"
 * sets the scene of the clause that follows it. */
static int where_after(const ng_work *w, const sctx *c, const group *g)
{
    return g->t1 + 1 < c->b && ng_w__punct(w, g->t1, ',') && ng_w__is(w, g->t1 + 1, "where");
}

/* The state before the name in its clause (after the last ";" or ", and he/she/they"):
 * the last state of a group that is not in a prepositional phrase (but "in Kenya, where
 * ..." is: where_after); a list member right
 * before a preposition starts a clause whose verb is left out ("X was represented by A and
 * Y by B": Y is B's). In *out, -1 if none. */
static int state_before(int32_t *out, ng_work *w, const sctx *c, const ng_mention *m)
{
    uint32_t from = c->a;
    int32_t before = -1;
    int error;
    for (uint32_t t = c->a; t + 2 < m->t0; t++)
        if (ng_w__punct(w, t, ';') ||
            (ng_w__punct(w, t, ',') && ng_w__is(w, t + 1, "and") &&
             (ng_w__bits(w, t + 2) & NG_W_SUBJPRON) && !(ng_w__bits(w, t + 2) & NG_W_PRONIT)) ||
            /* "Spain adopted its decision, while Norway's recognition, announced by Prime
             * Minister X, ...": a contrasting clause of its own */
            (ng_w__punct(w, t, ',') &&
             (ng_w__is(w, t + 1, "while") || ng_w__is(w, t + 1, "whereas"))))
            from = t + 1;
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->place || g->t1 > m->t0 || g->t0 < from) continue;
        /* "\"Russia has excluded itself,\" Foreign Minister X told ...": a state quoted
         * before the speech tag is what the speaker speaks of */
        if ((w->tk.v[g->t0].flags & NG_TK_INQUOTE) && !(w->tk.v[m->t0].flags & NG_TK_INQUOTE))
            continue;
        for (uint32_t ui = g->u0; ui < g->u0 + g->un; ui++) {
            const unit *u = &c->u[ui];
            if (u->place || u->an != 1) continue;
            int32_t x = c->acts[u->a0];
            /* a state's body stands for its state ("the Grand National Assembly of Türkiye
             * approved ..., and President X signed") */
            if (w->actors[x].type != NG_ETYPE_STATE && w->actors[x].body_state >= 0 &&
                (error = ng_actors__get_lex(w, &x, w->actors[x].body_state)) < 0)
                return error;
            if (x < 0 || w->actors[x].type != NG_ETYPE_STATE) continue;
            int gapped = ui > g->u0 && u->t1 < c->b && (ng_w__bits(w, u->t1) & NG_W_PREP);
            if ((g->pp && !g->role && !gapped && !org_of_state(w, c, g) && !where_after(w, c, g)) ||
                owned_role_from(w, g, u))
                continue;
            /* "approved Sweden's accession": a possessive right after a verb owns its object */
            if (g->poss && g->t0 > c->a && g->t0 != from + 1 &&
                (w->tk.v[g->t0 - 1].flags & NG_TK_WORD) &&
                !(w->tk.v[g->t0 - 1].flags & NG_TK_CAP) &&
                !(ng_w__bits(w, g->t0 - 1) & (NG_W_DET | NG_W_PREP)) &&
                !ng_w__is(w, g->t0 - 1, "and"))
                continue;
            before = x;
        }
    }
    *out = before;
    return NG_OK;
}

/* The place of an opening phrase that ends with "in" and a place before a comma, before the
 * name at t: "Back in Tokyo, ...", "Asked about the pact at a briefing in Beijing, spokesperson
 * X said" (a word of class sceneopen first, the first comma of the sentence, no other actor in
 * the phrase: "Speaking after talks with Russia in Moscow, X said" is none; not "After talks
 * in Moscow, X said", where X may be the visitor); NULL if none. */
static const group *phrase_place(const ng_work *w, const sctx *c, uint32_t t)
{
    uint32_t a = c->a;
    /* a transcript's speaker label ("MARK SIMKIN: Back in Tokyo, ..."): capitalized words */
    while (a < c->a + 4 && a < t && (w->tk.v[a].flags & NG_TK_WORD) &&
           (w->tk.v[a].flags & NG_TK_CAP))
        a++;
    a = a > c->a && ng_w__punct(w, a, ':') ? a + 1 : c->a;
    if (!(ng_w__bits(w, a) & NG_W_SCENEOPEN)) return NULL;
    uint32_t q = a + 1;
    while (q < t && !ng_w__punct(w, q, ',') && !(w->tk.v[q].flags & NG_TK_PUNCT))
        q++;
    if (q >= t || !ng_w__punct(w, q, ',')) return NULL;
    int32_t gi = c->gend[q - 1 - c->a];
    if (gi < 0) return NULL;
    const group *h = &c->g[gi];
    uint32_t in = h->t0 > c->a && ng_w__is(w, h->t0 - 1, "the") ? h->t0 - 1 : h->t0;
    if (h->an != 1 || h->t1 != q || in <= a + 1 || !ng_w__is(w, in - 1, "in")) return NULL;
    for (uint32_t k = a; k < h->t0; k++)
        if (c->gcov[k - c->a] >= 0) return NULL;
    return h;
}

/* The state a sentence opens in: "In Beijing, foreign ministry spokesman X said" (a state or
 * its capital after "In" and before a comma, before the name at t), or that a "where" clause
 * opened by the name is about ("in Seoul, where X said") in *out; -1 if none. */
static int opening_place(int32_t *out, ng_work *w, const sctx *c, uint32_t t)
{
    *out = -1;
    if (!c->ng) return NG_OK;
    const group *g = &c->g[0];
    /* "... was reported in South Korea, where X, leader of ..., said": the place of a
     * "where" clause that the name opens */
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *h = &c->g[gi];
        uint32_t in = h->t0 > c->a && ng_w__is(w, h->t0 - 1, "the") ? h->t0 - 1 : h->t0;
        /* the name right after "where", or after "where he met": a pronoun and one word */
        uint32_t at = h->t1 + 2;
        if (at + 2 == t && (ng_w__bits(w, at) & NG_W_SUBJPRON) &&
            !(ng_w__bits(w, at) & NG_W_PRONIT) &&
            !(w->tk.v[at + 1].flags & (NG_TK_CAP | NG_TK_PUNCT)))
            at = t;
        if (h->an == 1 && at == t && in > c->a &&
            (ng_w__is(w, in - 1, "in") || ng_w__is(w, in - 1, "to")) &&
            ng_w__punct(w, h->t1, ',') && ng_w__is(w, h->t1 + 1, "where")) {
            g = h;
            goto found;
        }
    }
    if (!ng_w__is(w, c->a, "in")) {
        const group *h = phrase_place(w, c, t);
        if (!h) return NG_OK;
        g = h;
        goto found;
    }
    /* "In Tehran the reaction was blunter: X, ..." (no comma): a place opening a clause
     * that a colon ends with no actor in it is the scene of what follows the colon */
    int scene = 0;
    for (uint32_t q = g->t1; q < t && !scene; q++) {
        if (ng_w__punct(w, q, ':')) scene = 1;
        else if ((w->tk.v[q].flags & NG_TK_PUNCT) || c->gcov[q - c->a] >= 0) break;
    }
    if (g->t0 != c->a + 1 || g->an != 1 || g->t1 >= t || (!ng_w__punct(w, g->t1, ',') && !scene))
        return NG_OK;
found:;
    const ng_wactor *x = &w->actors[c->acts[g->a0]];
    if (x->type == NG_ETYPE_STATE) {
        *out = c->acts[g->a0];
        return NG_OK;
    }
    if (x->type != NG_ETYPE_PLACE || x->lex < 0 || w->lex->ents[x->lex].state < 0) return NG_OK;
    return ng_actors__get_lex(w, out, w->lex->ents[x->lex].state);
}

/* The state the sentence states for person actor a in a mention after the one being read
 * ("Foreign Minister X and Türkiye's Ambassador Y": Y's state is read after X) in *out, -1. */
static int stated_later(int32_t *out, ng_work *w, const sctx *c, int32_t a)
{
    const ng_wsent *se = &w->sents[c->s];
    *out = -1;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *q = &w->ms[k];
        if (!q->dead && q->kind == NG_MK_PERSON && q->actor == a && q->st >= 0)
            return ng_actors__get_lex(w, out, q->st);
    }
    return NG_OK;
}

/* The states of a group of counterparts (states, and people's states, also when the
 * sentence states it after the name being read: "met with Israel's Cohen") are someone
 * else's. */
static int exclude_group(ng_work *w, const sctx *c, const group *g, pending_affil *p, int between)
{
    for (uint32_t k = 0; k < g->an && p->n_excl < PEND_EXCL; k++) {
        int32_t x = c->acts[g->a0 + k];
        int32_t st = w->actors[x].type == NG_ETYPE_STATE    ? x
                     : w->actors[x].type == NG_ETYPE_PERSON ? w->actors[x].affil
                                                            : -1;
        if (st < 0 && w->actors[x].type == NG_ETYPE_PERSON) {
            int error = stated_later(&st, w, c, x);
            if (error < 0) return error;
        }
        if (st < 0) continue;
        if (between) p->excl_between |= (uint8_t)(1u << p->n_excl);
        p->excl[p->n_excl++] = st;
    }
    return NG_OK;
}

/* After the name: states behind "with", "from", "to", "against", "between", "towards" are
 * counterparts ("waiting for clarification from the Burkinabe authorities"), but not after
 * an idiom's "to" ("untrue with regard to Poland", "due to X": words class toidiom); the first
 * state that starts a clause or reports it is a clue ("X said Turkey would ...", "..., the
 * Burkinabe government said"). */
static int clues_after(ng_work *w, const sctx *c, const ng_mention *m, pending_affil *p)
{
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->place || g->t1 <= m->t0 || g->t0 < m->t1) continue;
        uint32_t q = g->t0;
        while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET) && !ng_w__is(w, q - 1, "that"))
            q--;
        int to = q > c->a && ng_w__is(w, q - 1, "to") &&
                 !(q > c->a + 1 && (ng_w__bits(w, q - 2) & NG_W_TOIDIOM));
        int counterpart =
            q > c->a && (ng_w__is(w, q - 1, "with") || ng_w__is(w, q - 1, "from") || to ||
                         ng_w__is(w, q - 1, "against") || ng_w__is(w, q - 1, "between") ||
                         ng_w__is(w, q - 1, "towards"));
        if (counterpart) {
            int error = exclude_group(w, c, g, p, ng_w__is(w, q - 1, "between"));
            if (error < 0) return error;
            continue;
        }
        if ((g->pp && !g->role) || p->after >= 0) continue;
        int32_t st = group_state(w, c, g);
        /* after a verb of saying, the group starts a clause only when a verb follows it
         * ("said Turkey would"; not "declared the UAE 'an aggressor state'") */
        int say_clause = q > c->a && (ng_w__bits(w, q - 1) & NG_W_SAY) && g->t1 < c->b &&
                         (w->tk.v[g->t1].flags & NG_TK_WORD) &&
                         !(w->tk.v[g->t1].flags & NG_TK_CAP) &&
                         !(ng_w__bits(w, g->t1) & (NG_W_DET | NG_W_PREP | NG_W_CLAUSE));
        int clause = q > c->a && (say_clause || ng_w__is(w, q - 1, "that") ||
                                  ng_w__is(w, q - 1, "and") || ng_w__punct(w, q - 1, ';'));
        int reports = g->t1 < c->b && (ng_w__bits(w, g->t1) & NG_W_SAY);
        /* "X called Australia's move a betrayal": a possessive is the owner of an object */
        if (st >= 0 && (clause || reports) && !(g->poss && !reports)) p->after = st;
    }
    return NG_OK;
}

/* The one state of the other people of the list that holds mention m ("He and Foreign
 * Minister X said", "attended by Foreign Minister X, Defence Minister Y"), as stated so far
 * or later in the sentence, in *out; -1 when the list has none, or people of two states. */
static int list_mate_state(int32_t *out, ng_work *w, const sctx *c, const ng_mention *m)
{
    *out = -1;
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->place || g->an < 2 || g->t0 > m->t0 || g->t1 < m->t1) continue;
        int32_t st = -1;
        for (uint32_t k = 0; k < g->an; k++) {
            int32_t xa = c->acts[g->a0 + k], af = -1;
            if (xa == m->actor) continue;
            if (w->actors[xa].type != NG_ETYPE_PERSON) return NG_OK;
            af = w->actors[xa].affil;
            if (af < 0) {
                int error = stated_later(&af, w, c, xa);
                if (error < 0) return error;
            }
            if (af < 0 || w->actors[af].type != NG_ETYPE_STATE) continue;
            if (st >= 0 && st != af) return NG_OK;
            st = af;
        }
        *out = st;
        return NG_OK;
    }
    return NG_OK;
}

/* The one state of the subject that opens the sentence ("Paris recalled ...", "Poland's
 * foreign ministry said ...", "Foreign Minister X of Chile said ..."): a state, a person's
 * stated state, a state's body; -1 when none or a mix. */
static int32_t lead_state(const ng_work *w, const sctx *c)
{
    /* "The Maldives sits ...": a leading "the" too */
    if (!c->ng || c->g[0].place || c->g[0].pp ||
        !(c->g[0].t0 == c->a || (c->g[0].t0 == c->a + 1 && ng_w__is(w, c->a, "the"))))
        return -1;
    const group *g = &c->g[0];
    int32_t st = -1;
    for (uint32_t k = 0; k < g->an; k++) {
        const ng_wactor *x = &w->actors[c->acts[g->a0 + k]];
        int32_t s = x->type == NG_ETYPE_STATE    ? c->acts[g->a0 + k]
                    : x->type == NG_ETYPE_PERSON ? x->affil
                    : x->body_state >= 0         ? w->lex_actor[x->body_state]
                                                 : -1;
        if (s < 0 || w->actors[s].type != NG_ETYPE_STATE || (st >= 0 && s != st)) return -1;
        st = s;
    }
    return st;
}

/* Does group g open a clause after a comma or a semicolon and a conjunction (", but the
 * Canal Authority denied", "; the Y")? */
static int opens_later_clause(const ng_work *w, const sctx *c, const group *g)
{
    uint32_t t = g->t0;
    if (t > c->a && ng_w__is(w, t - 1, "the")) t--;
    if (t > c->a && ng_w__punct(w, t - 1, ';')) return 1;
    if (t < c->a + 2 || !ng_w__punct(w, t - 2, ',')) return 0;
    return ng_w__is(w, t - 1, "but") || ng_w__is(w, t - 1, "while") ||
           ng_w__is(w, t - 1, "whereas") || ng_w__is(w, t - 1, "and");
}

/* The one organization that opens the sentence as its subject, after at most three words
 * of its own phrase ("The main opposition Democratic Party hit out"), or that opens its
 * last clause (", but the Canal Authority denied it": the nearest subject); -1. */
static int32_t lead_org(const ng_work *w, const sctx *c)
{
    for (size_t gi = c->ng; gi-- > 1;) {
        const group *g = &c->g[gi];
        if (g->place || g->pp || !opens_later_clause(w, c, g)) continue;
        if (g->an == 1 && w->actors[c->acts[g->a0]].type == NG_ETYPE_ORG) return c->acts[g->a0];
        return -1; /* the last clause's subject is no organization */
    }
    if (!c->ng || c->g[0].place || c->g[0].pp || c->g[0].an != 1 || c->g[0].t0 > c->a + 3 ||
        w->actors[c->acts[c->g[0].a0]].type != NG_ETYPE_ORG)
        return -1;
    for (uint32_t t = c->a; t < c->g[0].t0; t++)
        if (!(w->tk.v[t].flags & NG_TK_WORD) || (t > c->a && (w->tk.v[t].flags & NG_TK_CAP)))
            return -1;
    return c->acts[c->g[0].a0];
}

/* Does a blank line come between sentence s - 1 and s (a new paragraph: "Congo joined in
 * 2022." ends one, "President X signed ..." opens the next, about someone else)? */
static int paragraph_break(const ng_work *w, uint32_t s)
{
    const ng_wsent *a = &w->sents[s - 1], *b = &w->sents[s];
    int lines = 0;
    for (uint32_t i = a->off + a->len; i < b->off && i < w->len; i++) {
        if (w->text[i] == '\n' && ++lines == 2) return 1;
        if (w->text[i] != ' ' && w->text[i] != '\n' && w->text[i] != '\t') lines = 0;
    }
    return 0;
}

/* Does the sentence open with a quotation that ends right before t ("\"Russia has excluded
 * itself,\" Foreign Minister X told ...": the speech tag is the sentence's subject)? */
static int quote_then_tag(const ng_work *w, const sctx *c, uint32_t t)
{
    if (t <= c->a + 2 || !ng_w__punct(w, c->a, '"')) return 0;
    for (uint32_t k = c->a + 1; k < t; k++)
        if (!(w->tk.v[k].flags & NG_TK_INQUOTE) && !(w->tk.v[k].flags & NG_TK_PUNCT)) return 0;
    return ng_w__punct(w, t - 1, '"') || ng_w__punct(w, t - 1, ',');
}

/* A titled person without a state (mention m): the clues of the sentence, for the decision
 * at the end of the article (ng_affil__resolve_pending). */
static int add_pending(ng_work *w, cstate *cs, const sctx *c, const ng_mention *m)
{
    pending_affil *p;
    /* "A and B were joined by X and Y, and by Z and W, respectively": the states go with the
     * names in order, which the clues below do not read; the end of the article would guess */
    for (uint32_t t = m->t1; t < c->b; t++)
        if (ng_w__is(w, t, "respectively")) return NG_OK;
    int error = new_pending(&p, w, cs, c, m);
    if (error < 0) return error;
    if ((error = state_before(&p->before, w, c, m)) < 0) return error;
    if ((error = opening_place(&p->where, w, c, m->t0)) < 0) return error;
    if ((error = clues_after(w, c, m, p)) < 0) return error;
    /* a person who opens the sentence after one a state opened: "Paris recalled its envoy.
     * Foreign Minister X called it ..." (not in a headline: it is read last) */
    uint32_t open = c->a; /* capitalized words of a title before the one read: "Unification" */
    while (open < m->t0 && open < c->a + 2 && (w->tk.v[open].flags & NG_TK_CAP) &&
           (w->tk.v[open].flags & NG_TK_WORD))
        open++;
    if ((m->t0 == open || quote_then_tag(w, c, m->t0)) && cs->lead_sent == c->s && c->s > 0 &&
        !w->sents[c->s].headline && !paragraph_break(w, c->s))
        p->prev = cs->lead;
    /* a head of state or government is no colleague of the people listed with them */
    if (!w->lex->titles[m->title].sole) return list_mate_state(&p->mate, w, c, m);
    return NG_OK;
}

/* Remembers roles named with a state and no name ("France's ambassador", "the Malian
 * president"): a later "Ambassador X" without a state is that state's. */
void ng_affil__note_roles(const ng_work *w, cstate *cs, const sctx *c)
{
    const ng_wsent *se = &w->sents[c->s];
    for (uint32_t k = se->m0; k < se->m0 + se->nm && cs->n_roles < 32; k++) {
        const ng_mention *m = &w->ms[k];
        if (m->dead || (m->kind != NG_MK_STATE && m->kind != NG_MK_DEMONYM) ||
            w->lex->ents[m->lex].type != NG_ETYPE_STATE)
            continue;
        uint32_t t = m->t1;
        if (m->kind == NG_MK_STATE) {
            if (t >= c->b || !(w->tk.v[t].flags & NG_TK_POSS)) continue;
            t++;
        }
        while (t < c->b && (ng_w__bits(w, t) & NG_W_TITLEMOD) &&
               !(ng_w__bits(w, t) & NG_W_PERSONNOUN))
            t++;
        if (t >= c->b || !(ng_w__bits(w, t) & NG_W_PERSONNOUN) || (w->tk.v[t].flags & NG_TK_CAP))
            continue;
        /* not the title of a name ("France's ambassador Jean Dupont", "Togo's foreign
         * minister, Robert Agbe") */
        int named = 0;
        for (uint32_t q = se->m0; q < se->m0 + se->nm && !named; q++)
            if (!w->ms[q].dead && w->ms[q].kind == NG_MK_PERSON && w->ms[q].t0 <= t &&
                t < w->ms[q].t1)
                named = 1;
        if (named) continue;
        int32_t a = w->lex_actor[m->lex];
        if (a < 0) continue;
        cs->roles[cs->n_roles].head = w->tk.v[t].h;
        cs->roles[cs->n_roles].state = a;
        cs->roles[cs->n_roles].sent = c->s;
        cs->n_roles++;
    }
}

/* An office one person holds in a state at a time: a title naming a ministry (titles.csv
 * body column), or a head of state or government (words.csv class soleoffice). */
static int unique_office(const ng_work *w, int32_t title)
{
    const ng_lx_title *t = &w->lex->titles[title];
    return t->body >= 0 || t->sole;
}

/* Was person actor a's state decided from a former office ("former President X")? */
static int held_formerly(const cstate *cs, int32_t a)
{
    for (size_t i = 0; i < cs->n_pend; i++)
        if (cs->pend[i].actor == a && cs->pend[i].former) return 1;
    return 0;
}

/* Can state st be the one of pending p? (home: st is the dateline's, which a "between"
 * list of the sentence does not refuse: "President X ordered the end of the treaty between
 * Honduras and the United States" under a Tegucigalpa dateline) */
static int pending_ok_as(const ng_work *w, const cstate *cs, const pending_affil *p, int32_t st,
                         int home)
{
    if (st < 0 || w->actors[st].type != NG_ETYPE_STATE) return 0;
    for (uint32_t i = 0; i < p->n_excl; i++)
        if (p->excl[i] == st && !(home && (p->excl_between & (1u << i)))) return 0;
    /* nobody meets, signs with or condemns their own state (or its people): no edge of a
     * counterpart trigger */
    for (size_t r = 0; r < w->n_rels; r++) {
        const ng_wrel *x = &w->rels[r];
        /* a former holder may well accuse their own state's government ("Former president
         * X accused the government of ...") */
        if (!x->counterpart || (p->former && !ng_relinfo__symmetric(x->rel))) continue;
        int32_t other = x->src == p->actor ? x->dst : x->dst == p->actor ? x->src : -1;
        /* a former holder may condemn it ("Former President X accused the government") */
        if (other < 0 || (p->former && x->src == p->actor && !ng_relinfo__symmetric(x->rel)))
            continue;
        if (other == st ||
            (w->actors[other].type == NG_ETYPE_PERSON && w->actors[other].affil == st))
            return 0;
    }
    /* a monarch reigns over no republic: a state whose president the text names ("the
     * President of Ghana, X, ... a message from King Y") is not the king's */
    if (w->lex->titles[p->title].kind == NG_TITLE_ROYAL && !p->former)
        for (size_t i = 0; i < w->n_actors; i++) {
            const ng_wactor *o = &w->actors[i];
            if ((int32_t)i != p->actor && o->type == NG_ETYPE_PERSON && o->affil == st &&
                o->title >= 0 && strcmp(w->lex->titles[o->title].title, "President") == 0 &&
                !held_formerly(cs, (int32_t)i))
                return 0;
        }
    /* another person holds this title for that state ("Nigeria's President X" makes a
     * later "President Y" someone else's): only for offices one person holds (heads of
     * state and government, a named ministry), not "Minister" or "Ambassador"; a former
     * holder ("former President X") neither is refused nor refuses */
    if (!unique_office(w, p->title) || p->former) return 1;
    for (size_t i = 0; i < w->n_actors; i++) {
        const ng_wactor *o = &w->actors[i];
        if ((int32_t)i == p->actor || o->type != NG_ETYPE_PERSON || o->affil != st ||
            o->title < 0 || held_formerly(cs, (int32_t)i))
            continue;
        if (ng_x__tok_hash(w->lex->titles[o->title].title,
                           strlen(w->lex->titles[o->title].title)) ==
            ng_x__tok_hash(w->lex->titles[p->title].title, strlen(w->lex->titles[p->title].title)))
            return 0;
    }
    return 1;
}

static int pending_ok(const ng_work *w, const cstate *cs, const pending_affil *p, int32_t st)
{
    return pending_ok_as(w, cs, p, st, 0);
}

/* The last word of a title, folded and hashed ("Foreign Minister" -> "minister"). */
static uint64_t title_head(const ng_work *w, int32_t title)
{
    const char *t = w->lex->titles[title].title;
    const char *sp = strrchr(t, ' ');
    const char *h = sp ? sp + 1 : t;
    ng_buf b = NG_BUF_INIT;
    uint64_t r;
    ng_text_fold(&b, h, strlen(h));
    r = ng_x__tok_hash(b.ptr ? b.ptr : "", b.len);
    ng_buf_free(&b);
    return r;
}

/* Affiliations decided at the end also rule out the edges of counterpart triggers between a
 * person and the state they act for (meeting or signing with it, condemning it; the other
 * way round only in a symmetric relation); a former office holder may condemn it ("Former
 * President X accused Malawi of ..."). */
/* "Paraguay's Congress removed President X": a person whom an institution of their own
 * state expels or removes (an inverse counterpart trigger) is put out of office, not an
 * envoy leaving a host. */
static int removed_by_own_body(const ng_work *w, const ng_wrel *x)
{
    const ng_wactor *p = &w->actors[x->src], *b = &w->actors[x->dst];
    return x->counterpart && x->inverse && p->type == NG_ETYPE_PERSON && p->affil >= 0 &&
           b->type == NG_ETYPE_ORG && b->body_state >= 0 && w->lex_actor[b->body_state] == p->affil;
}

void ng_affil__drop_own_state(ng_work *w, const cstate *cs)
{
    size_t k = 0;
    for (size_t r = 0; r < w->n_rels; r++) {
        const ng_wrel *x = &w->rels[r];
        int own =
            x->counterpart &&
            ((w->actors[x->src].type == NG_ETYPE_PERSON && w->actors[x->src].affil == x->dst &&
              (ng_relinfo__symmetric(x->rel) || !held_formerly(cs, x->src))) ||
             (w->actors[x->dst].type == NG_ETYPE_PERSON && w->actors[x->dst].affil == x->src &&
              ng_relinfo__symmetric(x->rel)) ||
             removed_by_own_body(w, x));
        if (!own) w->rels[k++] = *x;
    }
    w->n_rels = k;
}

/* The roles owned by a person ("Abiy's chief of staff, X") take the state stated or decided
 * for that person, unless X has a state of their own. */
static int resolve_via(ng_work *w, const cstate *cs)
{
    int error;
    for (size_t i = 0; i < cs->n_pend; i++) {
        const pending_affil *p = &cs->pend[i];
        int32_t st = p->via >= 0 ? w->actors[p->via].affil : -1;
        /* "X, an adviser to Y": Y's state guessed from the article alone is not passed on */
        if (st < 0 || w->actors[st].type != NG_ETYPE_STATE || w->actors[p->actor].affil >= 0 ||
            (p->via_to && w->actors[p->via].affil_guess))
            continue;
        int done = 0;
        for (size_t r = 0; r < w->n_rels && !done; r++)
            done = w->rels[r].src == p->actor && w->rels[r].rel == ng_relinfo__affiliation();
        if (done) continue;
        w->actors[p->actor].affil = st;
        w->actors[st].emit = 1;
        if ((error =
                 ng_emit__add(w, p->actor, st, ng_relinfo__affiliation(), 0, p->sent, p->date)) < 0)
            return error;
    }
    return NG_OK;
}

/* Decides the pending ng_affil__sentence, in text order: a role named earlier with its state,
 * the sentence's state before the name, the scene the sentence opens in ("In Tehran, ..."), a
 * state after it, the list mates' state, the state that opened the previous sentence, the
 * dateline's state, the state the article names most.
 * A person with a stated affiliation anywhere keeps only that. */
int ng_affil__resolve_pending(ng_work *w, cstate *cs)
{
    int error;
    for (size_t i = 0; i < cs->n_pend; i++) {
        pending_affil *p = &cs->pend[i];
        ng_wactor *pa = &w->actors[p->actor];
        if (p->via >= 0) continue;
        /* a state stated anywhere wins; an organization (a party, a bloc) does not say
         * which state a president leads */
        int done = pa->affil >= 0 && w->actors[pa->affil].type == NG_ETYPE_STATE;
        for (size_t r = 0; r < w->n_rels && !done; r++)
            if (w->rels[r].src == p->actor && w->rels[r].rel == ng_relinfo__affiliation() &&
                w->actors[w->rels[r].dst].type == NG_ETYPE_STATE)
                done = 1;
        if (done) continue;
        int32_t st = -1;
        uint64_t head = title_head(w, p->title);
        /* a one-word title only: "the Russian minister" says nothing of "Trade Minister X" */
        if (strchr(w->lex->titles[p->title].title, ' ')) head = 0;
        for (int k = 0; k < cs->n_roles && st < 0 && head; k++)
            /* "... Ambassador X said. ... expelled the Ethiopian ambassador": a role named
             * after the title is someone else's */
            if (cs->roles[k].head == head && cs->roles[k].sent <= p->sent &&
                pending_ok(w, cs, p, cs->roles[k].state))
                st = cs->roles[k].state;
        if (st < 0 && pending_ok(w, cs, p, p->before)) st = p->before;
        /* the scene the sentence opens in ("In Tehran, ...") before a state the name's
         * clause speaks of ("X said Armenia had assured it") */
        if (st < 0 && pending_ok(w, cs, p, p->where)) st = p->where;
        if (st < 0 && pending_ok(w, cs, p, p->after)) st = p->after;
        if (st < 0 && pending_ok(w, cs, p, p->mate)) st = p->mate;
        if (st < 0 && pending_ok(w, cs, p, p->prev)) st = p->prev;
        int guess = st < 0;
        if (st < 0 && w->dateline_state >= 0) {
            int32_t d = w->lex_actor[w->dateline_state];
            if (d >= 0 && w->actors[d].mentions && pending_ok_as(w, cs, p, d, 1)) st = d;
        }
        if (st < 0) {
            uint32_t best = 1, second = 0;
            int32_t top = -1;
            for (size_t a = 0; a < w->n_actors; a++) {
                const ng_wactor *x = &w->actors[a];
                if (x->type != NG_ETYPE_STATE || !pending_ok(w, cs, p, (int32_t)a)) continue;
                if (x->mentions > best) {
                    second = best;
                    best = x->mentions;
                    top = (int32_t)a;
                } else if (x->mentions > second)
                    second = x->mentions;
            }
            /* only a clear lead: a state named 30% more often than any other (the subject
             * of a two-sided story is named about as often as its adversary) */
            if (top >= 0 && best * 10 > second * 13) st = top;
        }
        if (st < 0) continue;
        pa->affil = st;
        pa->affil_guess = (uint8_t)guess;
        w->actors[st].emit = 1;
        /* a state known only by its capital ("In Beijing, ...") is named once */
        if (!w->actors[st].mentions) w->actors[st].mentions = 1;
        if ((error =
                 ng_emit__add(w, p->actor, st, ng_relinfo__affiliation(), 0, p->sent, p->date)) < 0)
            return error;
    }
    return resolve_via(w, cs);
}

/* The person who owns the role of mention m: "Lula's spokesman, X", "X, Lula's spokesman"
 * (the person whose name ends before the "'s" at m->own_t), "Milei reversed the course of
 * his predecessor, X" (the one person the sentence names before the role; none when two
 * come before: "Macron met Putin and his spokesman, X"). -1 if none. */
static int32_t owner_person(const ng_work *w, const sctx *c, const ng_mention *m)
{
    const ng_wsent *se = &w->sents[c->s];
    int32_t who = -1;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *o = &w->ms[k];
        if (o == m || (o->kind != NG_MK_PERSON && o->kind != NG_MK_CAND)) continue;
        if (m->owner == NG_OWN_PERSON) {
            if (o->n1 == m->own_t && !o->dead && o->kind == NG_MK_PERSON) return o->actor;
            continue;
        }
        if (o->n1 > m->t0) continue;
        /* a capitalized word opening the sentence that is no name ("Hours earlier X had
         * dismissed his defense minister, Y") */
        if (o->dead && o->t0 == c->a && o->n1 == o->n0 + 1) continue;
        /* a name that is no actor still counts: "his" may be that person's */
        if (o->dead || o->kind != NG_MK_PERSON || o->actor < 0 || (who >= 0 && who != o->actor))
            return -1;
        who = o->actor;
    }
    return who;
}

/* The holder of the title that owns the role of mention m ("the president's adviser, X",
 * "X, the prime minister's spokesman"): the latest person the article gave that title, -1
 * if none. */
static int32_t owner_title_holder(const ng_work *w, const cstate *cs, const sctx *c,
                                  const ng_mention *m)
{
    uint32_t t0;
    int32_t title = ng_role__owner_title(w, c->a, m->own_t, &t0), who = -1;
    if (title < 0) return -1;
    /* two holders of the title ("Ghana's President X met Togo's President Y"): whose? */
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *a = &w->actors[cs->mru[i]];
        if (a->type != NG_ETYPE_PERSON || a->title != title || cs->mru[i] == m->actor) continue;
        if (who >= 0 && who != cs->mru[i]) return -1;
        who = cs->mru[i];
    }
    return who;
}

/* The person who owns the role of mention m, by name, pronoun or title; -1 if none. */
static int32_t role_owner(const ng_work *w, const cstate *cs, const sctx *c, const ng_mention *m)
{
    if (m->owner == NG_OWN_TITLE) return owner_title_holder(w, cs, c, m);
    if (m->owner == NG_OWN_PERSON || m->owner == NG_OWN_HIS) return owner_person(w, c, m);
    return -1;
}

/* Is state st, which "the country's" before t resolved to, the clear one: named in the
 * sentence before t, or else no other state of the last two sentences named as often
 * ("Kenya and Uganda signed a deal. X, the country's defence minister": which?) */
static int clear_country(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t,
                         int32_t st)
{
    for (size_t gi = 0; gi < c->ng; gi++)
        for (uint32_t k = 0; k < c->g[gi].an; k++)
            if (c->g[gi].t1 <= t && c->acts[c->g[gi].a0 + k] == st) return 1;
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *x = &w->actors[cs->mru[i]];
        if (x->type != NG_ETYPE_STATE || cs->mru[i] == st) continue;
        if (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > 2) continue;
        if (x->mentions >= w->actors[st].mentions) return 0;
    }
    return 1;
}

static int32_t org_named_by(const ng_work *w, uint32_t noun);

/* "the league's deputy secretary-general, X" after "the Arab League": the one organization of
 * the article whose name ends with the owner's noun (the "'s" inside the role phrase of m),
 * -1 if none, -2 if several (the owner is then unclear). */
static int32_t org_by_head(const ng_work *w, const sctx *c, const ng_mention *m)
{
    uint32_t noun = 0;
    for (uint32_t t = m->t0 > c->a ? m->t0 : c->a + 1; t < m->t1 && t < c->b && !noun; t++)
        if ((t < m->n0 || t >= m->n1) && (w->tk.v[t].flags & NG_TK_POSS) &&
            !(w->tk.v[t - 1].flags & NG_TK_CAP) &&
            (ng_w__bits(w, t - 1) & (NG_W_BLOCNOUN | NG_W_ORGNOUN)))
            noun = t - 1;
    return noun ? org_named_by(w, noun) : -1;
}

/* The one organization of the article whose name ends with the word at noun ("league": the
 * Arab League), -1 if none, -2 if several. */
static int32_t org_named_by(const ng_work *w, uint32_t noun)
{
    int32_t found = -1;
    for (size_t i = 0; i < w->n_actors; i++) {
        const ng_wactor *x = &w->actors[i];
        if (x->type != NG_ETYPE_ORG || !x->mentions || !ng_w__label_ends_with(w, x->label, noun))
            continue;
        if (found >= 0) return -2;
        found = (int32_t)i;
    }
    return found;
}

/* Does person mention m open a list of names with a role owned by "their" ("Their foreign
 * ministers, A and B")? */
static int their_list_head(const ng_work *w, const sctx *c, const ng_mention *m)
{
    return m->owner == NG_OWN_THEIR && m->n1 + 1 < c->b &&
           (ng_w__is(w, m->n1, "and") || ng_w__punct(w, m->n1, ',')) &&
           (w->tk.v[m->n1 + 1].flags & NG_TK_CAP) && m->n0 > c->a &&
           ng_w__punct(w, m->n0 - 1, ',');
}

/* The person mention of sentence s whose name starts at token t, NULL. */
static const ng_mention *person_at(const ng_work *w, const sctx *c, uint32_t t)
{
    const ng_wsent *se = &w->sents[c->s];
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++)
        if (!w->ms[k].dead && w->ms[k].kind == NG_MK_PERSON && w->ms[k].n0 == t) return &w->ms[k];
    return NULL;
}

/* The one state actor a stands for: a state, or a person's stated state; -1. */
static int32_t state_of_actor(const ng_work *w, int32_t a)
{
    if (w->actors[a].type == NG_ETYPE_STATE) return a;
    if (w->actors[a].type != NG_ETYPE_PERSON) return -1;
    int32_t af = w->actors[a].affil;
    return af >= 0 && w->actors[af].type == NG_ETYPE_STATE ? af : -1;
}

/* "Aliyev and Pashinyan signed a declaration. Their foreign ministers, A and B, initialled
 * the treaty": the names listed after a role owned by "their" take, in order, the states of
 * the list "their" stands for (its people's stated states, or its states), when that list
 * has as many members as names and no state twice ("respectively" left unsaid, as news
 * writes it). The state of mention m (the list's head or a later name), -1 when the list
 * does not fit. */
static int32_t their_list_state(const ng_work *w, const cstate *cs, const sctx *c,
                                const ng_mention *m)
{
    const ng_wsent *se = &w->sents[c->s];
    const ng_mention *head = NULL;
    for (uint32_t k = se->m0; k < se->m0 + se->nm && !head; k++)
        if (!w->ms[k].dead && w->ms[k].kind == NG_MK_PERSON && w->ms[k].n0 <= m->n0 &&
            their_list_head(w, c, &w->ms[k]))
            head = &w->ms[k];
    if (!head) return -1;
    uint32_t n = 1, idx = head == m ? 0 : (uint32_t)-1;
    for (const ng_mention *cur = head; n < 8;) {
        uint32_t t = cur->n1;
        if (t < c->b && ng_w__punct(w, t, ',')) t++;
        if (t < c->b && ng_w__is(w, t, "and")) t++;
        if (t == cur->n1 || !(cur = person_at(w, c, t))) break;
        if (cur == m) idx = n;
        n++;
    }
    if (idx == (uint32_t)-1 || n < 2) return -1;
    int32_t acts[GMAX], st[8];
    for (int pass = 0; pass < 3; pass++) {
        uint32_t k = 0;
        if (pass == 0) {
            /* a list of exactly that many earlier in the sentence ("A and B signed a text
             * with C, and watched as their ministers, X and Y, ...") */
            for (size_t gi = 0; gi < c->ng; gi++)
                if (c->g[gi].t1 <= head->t0 && c->g[gi].an == n && !c->g[gi].place)
                    k = gi + 1;
            if (k) memcpy(acts, &c->acts[c->g[k - 1].a0], n * sizeof *acts);
            k = k ? n : 0;
        } else {
            int ctype = pass == 2 ? NG_ETYPE_STATE + 1 : NG_ETYPE_PERSON + 1;
            k = ng_coref__resolve(w, cs, c, NG_CR_THEY, (int)n, ctype, head->t0, acts);
        }
        if (k != n) continue;
        uint32_t i;
        for (i = 0; i < n; i++) {
            st[i] = state_of_actor(w, acts[i]);
            uint32_t j = 0;
            while (j < i && st[j] != st[i])
                j++;
            if (st[i] < 0 || j < i) break;
        }
        if (i == n) return st[idx];
    }
    return -1;
}

/* "the decision of the Government of Israel to recall its ambassador", "Ireland asked Israel
 * to withdraw its envoy": "its" right after "to" and a verb is the state or organization right
 * before the "to" (the doer of the infinitive), not the clause's subject; -1 if none. */
static int32_t infinitive_owner(const ng_work *w, const sctx *c, const ng_mention *m)
{
    uint32_t p = m->t0;
    while (p < m->n0 && !ng_w__is(w, p, "its"))
        p++;
    if (p >= m->n0 || p < c->a + 3 || !ng_w__is(w, p - 2, "to") ||
        (w->tk.v[p - 1].flags & NG_TK_CAP) || !(w->tk.v[p - 1].flags & NG_TK_WORD))
        return -1;
    int32_t gi = c->gend[p - 3 - c->a];
    if (gi < 0 || c->g[gi].an != 1 || c->g[gi].place) return -1;
    int32_t x = c->acts[c->g[gi].a0];
    int t = w->actors[x].type;
    return t == NG_ETYPE_STATE || t == NG_ETYPE_ORG ? x : -1;
}

/* "In a note, Uzbekistan informed the bloc ...; the CSTO confirmed the move, and its
 * secretary general, X, said": "its" after a semicolon is the state or organization that
 * opens the clause the semicolon starts (after "the"), not the sentence's subject; -1. */
static int32_t semicolon_owner(const ng_work *w, const sctx *c, const ng_mention *m)
{
    uint32_t semi = 0;
    for (uint32_t t = c->a; t < m->t0; t++)
        if (ng_w__punct(w, t, ';')) semi = t + 1;
    if (!semi) return -1;
    if (semi < m->t0 && ng_w__is(w, semi, "the")) semi++;
    int32_t gi = semi < m->t0 ? c->gstart[semi - c->a] : -1;
    if (gi < 0 || c->g[gi].an != 1 || c->g[gi].place || c->g[gi].pp) return -1;
    int32_t x = c->acts[c->g[gi].a0];
    int t = w->actors[x].type;
    return t == NG_ETYPE_STATE || t == NG_ETYPE_ORG ? x : -1;
}

/* The owner of a title written as a pronoun or description: "Paris has recalled its
 * ambassador, X" (the clause's subject), "that country's president" (the state of the
 * context); -1 if none. */
static int32_t owner_affiliation(const ng_work *w, const cstate *cs, const sctx *c,
                                 const ng_mention *m)
{
    int32_t acts[GMAX];
    uint32_t n = 0;
    if (m->owner == NG_OWN_PERSON || m->owner == NG_OWN_HIS || m->owner == NG_OWN_TITLE) {
        int32_t o = role_owner(w, cs, c, m);
        return o >= 0 ? w->actors[o].affil : -1;
    }
    /* "Their foreign ministers, A and B": several owners for a list of names, in order
     * (their_list_state), or none */
    if (their_list_head(w, c, m)) return their_list_state(w, cs, c, m);
    /* "the opposition party and its leader, X": "its" is the organization just named
     * (the one whose name ends with that word), never the clause's state */
    for (uint32_t t = m->t0; m->owner == NG_OWN_ITS && t < m->n0 && t >= c->a + 2; t++)
        if (ng_w__is(w, t, "its") && ng_w__is(w, t - 1, "and") &&
            !(w->tk.v[t - 2].flags & NG_TK_CAP) &&
            (ng_w__bits(w, t - 2) & (NG_W_ORGNOUN | NG_W_BLOCNOUN))) {
            int32_t h = org_named_by(w, t - 2);
            return h >= 0 ? h : -1;
        }
    if (m->owner == NG_OWN_BLOC || m->owner == NG_OWN_GROUP) {
        /* "the bloc's chairman, X", "the group's leader, X"; "the league's envoy" is the
         * article's one League */
        int32_t h = org_by_head(w, c, m);
        if (h != -1) return h >= 0 ? h : -1;
        n = ng_coref__resolve(w, cs, c, NG_CR_BLOC, m->owner == NG_OWN_GROUP, 0, m->t0, acts);
        return n == 1 && w->actors[acts[0]].type == NG_ETYPE_ORG ? acts[0] : -1;
    }
    if (m->owner == NG_OWN_ITS && ((acts[0] = infinitive_owner(w, c, m)) >= 0 ||
                                   (acts[0] = semicolon_owner(w, c, m)) >= 0))
        n = 1;
    if (!n && m->owner != NG_OWN_COUNTRY) {
        int32_t g = ng_subject__main(w, c, m->t0);
        if (g >= 0 && c->g[g].an == 1 && c->g[g].t1 <= m->t0) {
            int32_t x = c->acts[c->g[g].a0];
            if (w->actors[x].type == NG_ETYPE_STATE || w->actors[x].type == NG_ETYPE_ORG) {
                acts[0] = x;
                n = 1;
            }

        }
    }
    /* "The main opposition X party hit out. Its spokesperson Y said": "its" opening the
     * sentence is the organization that opened the one before */
    if (!n && m->owner == NG_OWN_ITS && m->t0 == c->a && c->s > 0 && cs->lead_sent == c->s &&
        cs->lead_org >= 0) {
        acts[0] = cs->lead_org;
        n = 1;
    }
    /* "The BNP welcomed the meeting. Its secretary general X said": an organization's role
     * (titles.csv kind role) after "its" is no state's when no organization is found */
    if (!n && !(m->owner == NG_OWN_ITS && m->title >= 0 &&
                w->lex->titles[m->title].kind == NG_TITLE_ROLE)) {
        n = ng_coref__resolve(w, cs, c, NG_CR_COUNTRY, 0, 0, m->t0, acts);
        if (n == 1 && !clear_country(w, cs, c, m->t0, acts[0])) n = 0;
    }
    return n == 1 ? acts[0] : -1;
}

/* The affiliation the text states for the person of mention m: the state or organization
 * of the title or apposition, an organization named in the text ("leader of the Sandinista
 * Front (FSLN)"), a pronoun owner; -1 if none. */
static int stated_affiliation(int32_t *out, ng_work *w, const cstate *cs, const sctx *c,
                              const ng_mention *m)
{
    *out = -1;
    if (m->st >= 0) return ng_actors__get_lex(w, out, m->st);
    if (m->st_org >= 0) return ng_actors__neworg(w, out, m->st_org);
    if (m->owner) *out = owner_affiliation(w, cs, c, m);
    /* "the foreign ministry ... withdrew its ambassador, X": a state body's office holder
     * named through "its" acts for the body's state */
    if (*out >= 0 && (m->owner == NG_OWN_ITS || m->owner == NG_OWN_THEIR) &&
        w->actors[*out].type == NG_ETYPE_ORG && w->actors[*out].body_state >= 0)
        return ng_actors__get_lex(w, out, w->actors[*out].body_state);
    return NG_OK;
}

/* "an Eritrean delegation led by Foreign Minister X and presidential adviser Y": the one state
 * that owns the delegation whose leaders' list holds mention m, -1 if none. */
static int32_t delegation_state(const ng_work *w, const sctx *c, const ng_mention *m)
{
    if (m->n0 < c->a || m->n0 >= c->b || c->gcov[m->n0 - c->a] < 0) return -1;
    int32_t own = ng_subject__led_by(w, c, &c->g[c->gcov[m->n0 - c->a]]);
    return own >= 0 && own < (int32_t)c->ng ? group_state(w, c, &c->g[own]) : -1;
}

/* person affiliated_with a (an actor the sentence names, emitted). */
static int affiliate(ng_work *w, const sctx *c, const ng_mention *m, int32_t a)
{
    w->actors[a].emit = 1;
    if (!w->actors[a].mentions) w->actors[a].mentions = 1;
    return ng_emit__add(w, m->actor, a, ng_relinfo__affiliation(), 0, c->s,
                        ng_sentdates__nearest(w, c, m->t0));
}

/* "Opposition Leader X", "X, the leader of the Vamos Chile party": a title of the
 * opposition or of a party, which holds no office for the state (the word "opposition" in
 * the title or right before it, "party" in the apposition of a name without a title). */
static int party_title(const ng_work *w, const sctx *c, const ng_mention *m)
{
    for (uint32_t t = m->t0 > c->a ? m->t0 - 1 : m->t0; t < m->n0; t++)
        if (ng_w__is(w, t, "opposition")) return 1;
    /* "X, leader of the main opposition Y Party": in an apposition right after the name
     * too (up to its closing comma) */
    if (m->n1 + 1 < c->b && ng_w__punct(w, m->n1, ','))
        for (uint32_t t = m->n1 + 1; t < c->b && t < m->n1 + 10 && !ng_w__punct(w, t, ','); t++)
            if (ng_w__is(w, t, "opposition")) return 1;
    /* the apposition's span ends before a "party" that no mention covers; a title before
     * the name is an office still ("President X, the leader of the ruling party") */
    for (uint32_t t = m->n1; m->n0 == m->t0 && t <= m->t1 && t < c->b; t++)
        if (ng_w__is(w, t, "party")) return 1;
    /* "X, leader of the main opposition Y Party": "opposition" in the title's complement,
     * up to the comma that closes the apposition */
    for (uint32_t t = m->t1; m->n0 == m->t0 && t < m->t1 + 6 && t < c->b; t++) {
        if (ng_w__punct(w, t, ',') || ng_w__punct(w, t, ';')) break;
        if (ng_w__is(w, t, "opposition")) return 1;
    }
    return 0;
}

/* "the Commission's Executive Vice-President, X": a capitalized possessive that names no
 * actor owns the title (up to three capitalized title words before the mention); the office
 * is that body's, no state's. */
static int unnamed_owner(const ng_work *w, const sctx *c, const ng_mention *m)
{
    uint32_t t = m->t0;
    for (int n = 0; n < 3 && t > c->a + 1 && (w->tk.v[t - 1].flags & NG_TK_CAP) &&
                    (w->tk.v[t - 1].flags & NG_TK_WORD);
         n++)
        t--;
    if (t < c->a + 2 || !(w->tk.v[t - 1].flags & NG_TK_POSS)) return 0;
    const ng_tok *k = &w->tk.v[t - 2];
    return (k->flags & NG_TK_WORD) && (k->flags & NG_TK_CAP) && c->gcov[t - 2 - c->a] < 0;
}

/* An office or royal title without a state, for a person whose state is stated nowhere:
 * decided at the end of the article (not a title of the opposition, nor one a body that
 * names no actor owns). */
static int pending_title(const ng_work *w, const sctx *c, const ng_mention *m)
{
    return m->title >= 0 && !party_title(w, c, m) && !unnamed_owner(w, c, m) &&
           (w->lex->titles[m->title].kind == NG_TITLE_OFFICE ||
            w->lex->titles[m->title].kind == NG_TITLE_ROYAL) &&
           !w->people[m->pers].stated && !(m->ev & NG_EV_POSS);
}

/* The "his"/"her" that owns the title before the name of mention m ("his Personal Envoy,
 * X", "his special envoy X": only title words and a comma between), or 0. */
static uint32_t his_before(const ng_work *w, const sctx *c, const ng_mention *m)
{
    for (uint32_t h = m->n0; h > c->a && h + 6 > m->n0; h--) {
        uint32_t t = h - 1;
        if (ng_w__is(w, t, "his") || ng_w__is(w, t, "her")) return t;
        if (!ng_w__punct(w, t, ',') && !ng_w__punct(w, t, '-') &&
            !(ng_w__bits(w, t) & (NG_W_PERSONNOUN | NG_W_TITLEMOD)) &&
            !(w->tk.v[t].flags & NG_TK_CAP))
            return 0;
    }
    return 0;
}

/* "the UN Secretary-General and his Personal Envoy, X": the organization whose office (a
 * title of kind role with no name, right after the organization) owns the role through
 * "and his/her" at h; -1 if none. */
static int32_t office_owner_org(const ng_work *w, const sctx *c, uint32_t h)
{
    const ng_wsent *se = &w->sents[c->s];
    const ng_mention *title = NULL, *org = NULL;
    if (h < c->a + 3 || !ng_w__is(w, h - 1, "and")) return -1;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *q = &w->ms[k];
        if (!q->dead && q->kind == NG_MK_TITLE && q->t1 == h - 1) title = q;
    }
    if (!title || w->lex->titles[title->lex].kind != NG_TITLE_ROLE) return -1;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *q = &w->ms[k];
        if (!q->dead && q->kind == NG_MK_ORG && q->t1 == title->t0) org = q;
    }
    return org ? org->actor : -1;
}

/* A role owned by "his"/"her" of nobody the sentence names before it ("the UN Secretary-
 * General and his Personal Envoy, X"): the organization of that office, or none (-2) rather
 * than a guess from the clause's states; -1 when the rule does not apply. */
static int32_t his_role_owner(const ng_work *w, const cstate *cs, const sctx *c,
                              const ng_mention *m)
{
    uint32_t h = his_before(w, c, m);
    if (!h || m->owner == NG_OWN_TITLE || m->owner == NG_OWN_BLOC || m->owner == NG_OWN_GROUP)
        return -1;
    if ((m->owner == NG_OWN_HIS || m->owner == NG_OWN_PERSON) && role_owner(w, cs, c, m) >= 0)
        return -1;
    for (uint32_t k = w->sents[c->s].m0; k < w->sents[c->s].m0 + w->sents[c->s].nm; k++) {
        const ng_mention *q = &w->ms[k];
        if (!q->dead && q != m && q->kind == NG_MK_PERSON && q->n1 <= h) return -1;
    }
    int32_t org = office_owner_org(w, c, h);
    return org >= 0 ? org : -2;
}

/* "Secretary General X said the alliance would ...", "to Secretary General X" in a sentence
 * about "the OAS Charter": a role of an organization (titles.csv kind role) whose text names
 * no owner is the one built-in organization the sentence names (by name or as "the
 * alliance"), unless the sentence speaks to or through it (a medium: "told Reuters",
 * "according to AFP", "an interview with the BBC", "Reuters reported"); -1 when none or
 * several. */
static int32_t role_sentence_org(const ng_work *w, const sctx *c, const ng_mention *m)
{
    if (m->title < 0 || w->lex->titles[m->title].kind != NG_TITLE_ROLE || m->owner ||
        w->people[m->pers].stated)
        return -1;
    int32_t org = -1;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        for (uint32_t k = 0; k < u->an && !u->place; k++) {
            int32_t x = c->acts[u->a0 + k];
            const ng_wactor *xa = &w->actors[x];
            if (xa->type != NG_ETYPE_ORG || xa->body >= 0 || xa->lex < 0 ||
                !(w->lex->ents[xa->lex].flags & NG_LXF_MULTISTATE))
                continue;
            /* a medium the holder speaks to ("told Reuters", "spoke to Al Jazeera",
             * "according to AFP", "an interview with the BBC") is no owner; one that
             * reports (", Reuters reported", "a Reuters reporter") makes the sentence
             * unclear */
            int32_t num = -1;
            if (u->t0 > c->a && (ng_w__bits(w, u->t0 - 1) & NG_W_SAY))
                ng_w__phrase(w, u->t0 - 1, u->t0, NG_W_SAY, &num);
            if (u->t1 < c->b && ((ng_w__bits(w, u->t1) & NG_W_PRESSNOUN) ||
                                 ((ng_w__bits(w, u->t1) & NG_W_SAY) && u->t0 > c->a &&
                                  ng_w__punct(w, u->t0 - 1, ','))))
                return -1;
            /* "said the alliance would" (say number 1, an announcement) opens a clause */
            if (u->t0 > c->a &&
                (((ng_w__bits(w, u->t0 - 1) & NG_W_SAY) && num != 1) ||
                 ng_w__is(w, u->t0 - 1, "to") || ng_w__is(w, u->t0 - 1, "with")))
                continue;
            if (org >= 0 && org != x) return -1;
            org = x;
        }
    }
    return org;
}

/* "The State Department condemned the raid ..., spokesman X said": a spokesperson's speech
 * tag after a comma, with a verb of saying after the name, speaks for the organization that
 * opens the sentence as its subject (lead_org); -1 if none. */
static int32_t spokesperson_of_lead(const ng_work *w, const sctx *c, const ng_mention *m)
{
    if (m->t0 <= c->a || m->t0 == m->n0 || !ng_w__punct(w, m->t0 - 1, ',') ||
        !(ng_w__bits(w, m->n0 - 1) & NG_W_SPOKESNOUN) || m->n1 >= c->b ||
        !(ng_w__bits(w, m->n1) & NG_W_SAY))
        return -1;
    return lead_org(w, c);
}

/* "President X held talks with Y ..., presidential spokesman Z said": the speech tag of a
 * spokesperson (a word of class spokesnoun in the title, after a comma, a verb of saying
 * after the name) speaks for the one person that opens the sentence as its subject; -1. */
static int32_t spokesperson_of_lead_person(const ng_work *w, const sctx *c, const ng_mention *m)
{
    if (m->t0 <= c->a || m->t0 == m->n0 || !ng_w__punct(w, m->t0 - 1, ',') || m->n1 >= c->b ||
        !(ng_w__bits(w, m->n1) & NG_W_SAY) || !c->ng)
        return -1;
    int spokes = 0;
    for (uint32_t t = m->t0; t < m->n0 && !spokes; t++)
        spokes = (ng_w__bits(w, t) & NG_W_SPOKESNOUN) != 0;
    const group *g = &c->g[0];
    if (!spokes || g->place || g->pp || g->an != 1 || g->t0 > c->a + 1 || g->t1 >= m->t0) return -1;
    int32_t a = c->acts[g->a0];
    return w->actors[a].type == NG_ETYPE_PERSON && a != m->actor ? a : -1;
}

/* "Prime Minister X was accompanied by Senator Y, Minister for Foreign Affairs": the person
 * named right before "(who) was accompanied by" (only "who", "was", "is", "had", "been" and a
 * comma between) whose list holds mention m (no verb of saying, no ";" between "by" and
 * it); -1 if none. Companions on a trip are of the visitor's side. */
static int32_t companion_of(const ng_work *w, const sctx *c, const ng_mention *m)
{
    uint32_t by = m->t0;
    while (by > c->a + 1 && !(ng_w__is(w, by - 1, "by") && ng_w__is(w, by - 2, "accompanied"))) {
        if (ng_w__punct(w, by - 1, ';') || (ng_w__bits(w, by - 1) & NG_W_SAY)) return -1;
        by--;
    }
    if (by <= c->a + 1) return -1;
    uint32_t t = by - 2;
    while (t > c->a && (ng_w__punct(w, t - 1, ',') || ng_w__is(w, t - 1, "who") ||
                        ng_w__is(w, t - 1, "was") || ng_w__is(w, t - 1, "is") ||
                        ng_w__is(w, t - 1, "had") || ng_w__is(w, t - 1, "been")))
        t--;
    const ng_wsent *se = &w->sents[c->s];
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *o = &w->ms[k];
        if (!o->dead && o->kind == NG_MK_PERSON && o->actor >= 0 && o->actor != m->actor &&
            o->t1 == t)
            return o->actor;
    }
    return -1;
}

/* "X, a researcher at the Timbuktu Institute in Dakar", "X, an analyst with the Y think
 * tank": an indefinite apposition right after the name, at most four words of no verb,
 * preposition or family noun, then "at" or "with" and an organization (no state's body):
 * the place of work, -1 if none. */
static int32_t workplace_org(const ng_work *w, const sctx *c, const ng_mention *m)
{
    uint32_t t = m->n1;
    if (t + 3 >= c->b || !ng_w__punct(w, t, ',') ||
        !(ng_w__is(w, t + 1, "a") || ng_w__is(w, t + 1, "an")))
        return -1;
    uint32_t q = t + 2, end = t + 6;
    while (q < c->b && q < end && (w->tk.v[q].flags & NG_TK_WORD) && c->gcov[q - c->a] < 0 &&
           !(ng_w__bits(w, q) & (NG_W_PREP | NG_W_SAY | NG_W_BE | NG_W_KIN | NG_W_CLAUSE |
                                 NG_W_PAST_MARK | NG_W_PERSONNOUN | NG_W_TITLEMOD)))
        q++;
    if (q == t + 2 || q + 1 >= c->b || !(ng_w__is(w, q, "at") || ng_w__is(w, q, "with"))) return -1;
    q++;
    if (ng_w__is(w, q, "the")) q++;
    int32_t gi = q < c->b ? c->gcov[q - c->a] : -1;
    if (gi < 0 || c->g[gi].t0 != q || c->g[gi].an != 1) return -1;
    int32_t a = c->acts[c->g[gi].a0];
    const ng_wactor *x = &w->actors[a];
    return x->type == NG_ETYPE_ORG && x->body_state < 0 ? a : -1;
}

/* The affiliations of the people of the sentence: stated ones now, the others pending. */
/* sentence_people's last step for person m, whose stated or found affiliation is aff (-1:
 * none): a second state or organization of the apposition, the note of a former holder of a
 * one-person office, then the affiliation itself. Apart from the search for aff above it,
 * which ends in pending entries; this only records what was found. NG_OK or an error. */
static int person_affiliations(ng_work *w, cstate *cs, sctx *c, const ng_mention *m, int32_t aff)
{
    int error;
    if (m->st2 >= 0 || m->st2_org >= 0) {
        /* "Nigeria's President X, the current chairman of ECOWAS": both */
        int32_t a2;
        if ((error = m->st2 >= 0 ? ng_actors__get_lex(w, &a2, m->st2)
                                 : ng_actors__neworg(w, &a2, m->st2_org)) < 0)
            return error;
        if (w->actors[a2].type != NG_ETYPE_PLACE && a2 != aff &&
            (error = affiliate(w, c, m, a2)) < 0)
            return error;
    }
    if (aff < 0 || w->actors[aff].type == NG_ETYPE_PLACE) return NG_OK;
    /* "then South Korean Defense Minister X": a former holder of an office one person
     * holds is noted (a pending entry that the stated state settles), so that the
     * office's later holder is not refused that state */
    if (m->title >= 0 && unique_office(w, m->title) && former_title(w, c, m)) {
        pending_affil *p;
        if ((error = new_pending(&p, w, cs, c, m)) < 0) return error;
    }
    /* only an affiliation the text states is remembered (for roles and partners) */
    if (w->actors[m->actor].affil < 0) w->actors[m->actor].affil = aff;
    return affiliate(w, c, m, aff);
}

static int sentence_people(ng_work *w, cstate *cs, sctx *c)
{
    const ng_wsent *se = &w->sents[c->s];
    int error;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *m = &w->ms[k];
        int32_t aff;
        if (m->dead || m->kind != NG_MK_PERSON || m->actor < 0) continue;
        if ((error = stated_affiliation(&aff, w, cs, c, m)) < 0) return error;
        int32_t work = m->title < 0 ? workplace_org(w, c, m) : -1;
        if (work >= 0 && work != aff && (error = affiliate(w, c, m, work)) < 0) return error;
        if (aff < 0 && !w->people[m->pers].stated) aff = delegation_state(w, c, m);
        if (aff < 0) aff = role_sentence_org(w, c, m);
        if (aff < 0 && !w->people[m->pers].stated) aff = spokesperson_of_lead(w, c, m);
        if (aff < 0 && !m->owner && m->t0 == m->n0) aff = their_list_state(w, cs, c, m);
        /* "his envoy, X" of nobody the sentence names: the organization of an office named
         * before it, else no guess (the role is someone's, not the clause's state's) */
        if (aff < 0 && !w->people[m->pers].stated) {
            int32_t org = his_role_owner(w, cs, c, m);
            if (org >= 0 && (error = affiliate(w, c, m, org)) < 0) return error;
            if (org != -1) continue;
        }
        int32_t lead = aff < 0 && !w->people[m->pers].stated && !m->owner
                           ? spokesperson_of_lead_person(w, c, m)
                           : -1;
        if (aff < 0 && lead < 0 && !w->people[m->pers].stated && !m->owner)
            lead = companion_of(w, c, m);
        if (lead >= 0) {
            pending_affil *p;
            if ((error = new_pending(&p, w, cs, c, m)) < 0) return error;
            p->via = lead;
            continue;
        }
        /* a title's holder or an organization owns the role: theirs or none, never a guess */
        /* "X had dismissed his defense minister, Y": the owner's state, not a guess */
        if (aff < 0 && m->owner != NG_OWN_TITLE && m->owner != NG_OWN_BLOC &&
            m->owner != NG_OWN_GROUP && pending_title(w, c, m) &&
            !(m->owner == NG_OWN_HIS && !w->people[m->pers].stated &&
              role_owner(w, cs, c, m) >= 0)) {
            if ((error = add_pending(w, cs, c, m)) < 0) return error;
            continue;
        }
        if (aff < 0 &&
            (m->owner == NG_OWN_PERSON || m->owner == NG_OWN_HIS || m->owner == NG_OWN_TITLE) &&
            !w->people[m->pers].stated) {
            /* the owner's state may be decided at the end only ("Prime Minister Abiy") */
            int32_t o = role_owner(w, cs, c, m);
            pending_affil *p;
            if (o < 0) continue;
            if ((error = new_pending(&p, w, cs, c, m)) < 0) return error;
            p->via = o;
            p->via_to = m->owner == NG_OWN_PERSON &&
                        (m->own_t >= w->tk.n || !(w->tk.v[m->own_t].flags & NG_TK_POSS));
            continue;
        }
        if ((error = person_affiliations(w, cs, c, m, aff)) < 0) return error;
    }
    return NG_OK;
}

int ng_affil__sentence(ng_work *w, cstate *cs, sctx *c)
{
    int error = sentence_people(w, cs, c);
    cs->lead = lead_state(w, c);
    cs->lead_org = lead_org(w, c);
    cs->lead_sent = c->s + 1;
    return error;
}
