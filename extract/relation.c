/* relation.c - one trigger read to its edges: trigger -> subject -> modality -> object ->
 * sides -> edges.
 *
 * ng_relation__run takes a match of a trigger (triggers.c) at tokens [ts, te) and goes
 * through these steps, each a function below; a step may end the reading (no edge, or the
 * edges of a special form such as "between A and B" already given):
 *   1. the trigger's own conditions: a document word nearby (doc), "the two" after a
 *      meeting in the same sentence (its partners);
 *   2. subject (subject.c), and the agent of a passive;
 *   3. modality (modality.c): a modal, plan, negation, condition or rumour gives no edge;
 *   4. object (object.c): the trigger's own noun (selfobj), the group after the trigger or
 *      its preposition, "between A and B", "each other", the antecedent of a relative
 *      clause, members in brackets, a quotation (quote), a journey;
 *   5. the actors of each side: a list joined by "joined Y in", "alongside", a repeated
 *      preposition, the last object of the relation (ellipsis); the sides swapped (inverse);
 *   6. edges (emit.c), and what later triggers remember: the sentence's partners, the last
 *      subject and object of the relation, the pair as "the two sides"; without an object,
 *      a plural subject meets itself ("X and Y met"), "during talks", the partners signing.
 * The flags are those of data/triggers.csv (NG_TRF_*). */
#include "engine.h"

#include <string.h>

/* A step ended the reading of the trigger. */
#define DONE 1

/* One trigger being read. */
typedef struct reading {
    const ng_trigger *tr;
    uint32_t ts, te; /* the trigger's tokens; te moves past "by" in a passive */
    int32_t gap_group;
    int noun;
    const char *date;
    int32_t subj, obj, agent; /* groups, -1 */
    int prep_seen;            /* the object came after one of the trigger's prepositions */
    int relative_obj;         /* the object is the antecedent of a relative clause */
    int event;                /* "called the incident 'unacceptable'": the last object */
    int dated;                /* "met X on Friday and Y on Monday": objects of two events */
    uint32_t obj_units;       /* units of the object group that are the object (0: all) */
    int32_t S[GMAX * 2], O[GMAX * 2];
    uint32_t ns, no;
} reading;

/* A word of class cls in the sentence (its classes are or-ed once when it is read): a
 * document to sign, a word of separate meetings. */
static int sentence_has(const ng_work *w, const sctx *c, ng_wbits cls)
{
    return (w->sents[c->s].bits & cls) != 0;
}

/* "X signed on behalf of his country", "Y signed for her government": the token after such a
 * phrase right at q ("on behalf of" + a possessive or "the" + one word; "for" + a possessive +
 * a country or government noun), q when there is none. */
static uint32_t behalf_after(const ng_work *w, const sctx *c, uint32_t q)
{
    if (q + 4 < c->b && ng_w__is(w, q, "on") && ng_w__is(w, q + 1, "behalf") &&
        ng_w__is(w, q + 2, "of") && (ng_w__bits(w, q + 3) & NG_W_DET) &&
        (w->tk.v[q + 4].flags & NG_TK_WORD) && c->gcov[q + 4 - c->a] < 0)
        return q + 5;
    if (q + 2 < c->b && ng_w__is(w, q, "for") && (ng_w__bits(w, q + 1) & NG_W_DET) &&
        !ng_w__is(w, q + 1, "the") && (ng_w__bits(w, q + 2) & (NG_W_COUNTRYNOUN | NG_W_GOVNOUN)))
        return q + 3;
    return q;
}

/* "The UAE also signed it": an also-word (words class alsoadv, over a past-tense mark) right
 * before the verb, and a signing of the relation in this sentence or the one before: the
 * document is that signing's (no document word needed). So is "X signed on behalf of his
 * country" (behalf_after) after a signing of the one sentence before, even with one party. */
static int also_again(const ng_work *w, const cstate *cs, const sctx *c, uint32_t ts,
                      uint32_t te, const ng_trigger *tr)
{
    const last_edges *e = &cs->last[tr->rel];
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_PAST_MARK))
        p--;
    if (c->s - e->sent > 1) return 0;
    if (p > c->a && (ng_w__bits(w, p - 1) & NG_W_ALSOADV) && e->n + e->ns >= 2) return 1;
    return tr->form == NG_TR_VERB && e->n + e->ns >= 1 && behalf_after(w, c, te) != te;
}

/* doc: "the EU and Mercosur concluded negotiations on a trade agreement": the verb's object
 * (over a determiner and up to three modifiers) is a noun that starts another relation's
 * trigger (talks, a meeting): an event ended, no document signed. */
static int doc_object_event(const ng_work *w, const sctx *c, const reading *r)
{
    uint32_t q = r->te;
    if (r->noun) return 0;
    if (q < c->b && (ng_w__bits(w, q) & NG_W_DET)) q++;
    for (int n = 0; q < c->b && n <= 3; n++, q++) {
        if (!(w->tk.v[q].flags & NG_TK_WORD) || (w->tk.v[q].flags & NG_TK_CAP) ||
            c->gcov[q - c->a] >= 0 || (ng_w__bits(w, q) & (NG_W_DOC | NG_W_PREP)))
            return 0;
        for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[q].h); i >= 0;
             i = w->lex->triggers[i].next)
            if (w->lex->triggers[i].form == NG_TR_NOUN && w->lex->triggers[i].rel != r->tr->rel)
                return 1;
    }
    return 0;
}

/* The state an actor stands for: itself, or a person's affiliation; -1. */
static int32_t side_state(const ng_work *w, int32_t a)
{
    return w->actors[a].type == NG_ETYPE_STATE    ? a
           : w->actors[a].type == NG_ETYPE_PERSON ? w->actors[a].affil
                                                  : -1;
}

/* "X hosted A and B in Asmara, where the three leaders held a summit": the partners of this
 * sentence's meetings, when they are exactly n actors, are all partners of one another. */
static int partners_all(ng_work *w, const sctx *c, const reading *r, int n)
{
    int32_t all[GMAX];
    uint32_t na = 0, max = n < GMAX ? (uint32_t)n : GMAX;
    for (uint32_t k = 0; k < c->n_pair * 2; k++)
        if (!ng_engine__add_distinct(all, &na, max, k & 1 ? c->pair_o[k / 2] : c->pair_s[k / 2]))
            return NG_OK;
    if ((int)na != n) return NG_OK;
    int error = NG_OK;
    for (uint32_t i = 0; i < na && error >= 0; i++)
        for (uint32_t k = i + 1; k < na && error >= 0; k++)
            if (ng_emit__types_ok(w, r->tr->rel, r->tr->flags, all[i], all[k]))
                error = ng_emit__add(w, all[i], all[k], r->tr->rel, r->tr->flags, c->s, r->date);
    return error < 0 ? error : DONE;
}

/* "X held talks with Y, and the two signed ...", "where the two officials spoke": the
 * partners of this sentence's meetings. */
static int the_two_again(ng_work *w, const sctx *c, const reading *r)
{
    int error;
    if (r->noun || !ng_relinfo__symmetric(r->tr->rel) || !c->n_pair || r->ts < c->a + 2)
        return NG_OK;
    uint32_t q = r->ts - 1;
    for (;;) {
        /* "the two heads of state", "the two ministers of defence": over "of" and its word */
        if (q > c->a + 3 && ng_w__is(w, q - 1, "of") && (w->tk.v[q].flags & NG_TK_WORD) &&
            !(w->tk.v[q].flags & NG_TK_CAP) && c->gcov[q - c->a] < 0 &&
            (ng_w__bits(w, q - 2) & NG_W_PERSONNOUN))
            q -= 2;
        if (!(q > c->a + 1 && !(ng_w__bits(w, q) & NG_W_NUMWORD) &&
              (ng_w__bits(w, q) & (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_SKIPADV |
                                   NG_W_GOVNOUN | NG_W_COUNTRYNOUN))))
            break;
        q--;
    }
    /* "the two", "both": a number word of 2; "hosted A and B, where the three leaders held
     * a summit": a larger number, when the sentence's partners are that many actors */
    int num = (ng_w__bits(w, q) & NG_W_NUMWORD) ? ng_lex__word_number(w->lex, w->tk.v[q].h) : 0;
    if (num > 2 && ng_w__is(w, q - 1, "the")) return partners_all(w, c, r, num);
    int two = num == 2;
    if (!(two && (ng_w__is(w, q - 1, "the") || ng_w__is(w, q, "both")))) return NG_OK;
    /* "X held talks with Y, and the two governments signed ...": the partners' states (a
     * group noun that is no person or party noun names states, as in coref.c) */
    int states = 0;
    for (uint32_t k = q + 1; k < r->ts; k++) {
        ng_wbits bits = ng_w__bits(w, k);
        states |= (bits & (NG_W_GOVNOUN | NG_W_COUNTRYNOUN | NG_W_GROUPNOUN)) &&
                  !(bits & (NG_W_PERSONNOUN | NG_W_PARTYNOUN)); /* not "the two officials" */
    }
    for (uint32_t k = 0; k < c->n_pair; k++)
        if ((error = (states ? ng_emit__as_state : ng_emit__add)(w, c->pair_s[k], c->pair_o[k],
                                                                  r->tr->rel, r->tr->flags, c->s,
                                                                  r->date)) < 0)
            return error;
    return DONE;
}

/* diplomatic: "severed military ties", "cut trade relations": a tiekind word of another kind
 * than diplomatic (number 0) in the match, and none of kind 0 ("diplomatic and trade ties"
 * are diplomatic too). */
static int other_ties(const ng_work *w, uint32_t ts, uint32_t te)
{
    int other = 0;
    for (uint32_t t = ts; t < te; t++) {
        if (!(ng_w__bits(w, t) & NG_W_TIEKIND)) continue;
        if (ng_lex__word_number(w->lex, w->tk.v[t].h) == 0) return 0;
        other = 1;
    }
    return other;
}

/* "the grouping of A, B and C": the trigger's noun is the organization (selfobj). */
static int self_object(ng_work *w, const cstate *cs, const sctx *c, const reading *r)
{
    int32_t acts[GMAX];
    uint32_t n;
    if (!(r->ts > c->a && ng_w__is(w, r->ts - 1, "the"))) return DONE;
    n = ng_coref__resolve(w, cs, c, NG_CR_BLOC, 0, 0, r->ts, acts);
    uint32_t q = r->te;
    while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET))
        q++;
    if (!n || q >= c->b || c->gstart[q - c->a] < 0) return DONE;
    const group *g = &c->g[c->gstart[q - c->a]];
    int error =
        ng_emit__pairs(w, r->tr->rel, r->tr->flags, c->acts + g->a0, g->an, acts, n, c->s, r->date);
    return error < 0 ? error : DONE;
}

/* The group right after "by" that follows an act noun (words class actnoun; determiners
 * and one modifier between): "the launch by X", "the joint drills by X"; -1 if none. */
static int32_t act_by_agent(const ng_work *w, const sctx *c, int32_t gi)
{
    uint32_t q = gi >= 0 ? c->g[gi].t0 : c->a;
    while (q > c->a && c->gstart[q - c->a] == gi && (ng_w__bits(w, q - 1) & NG_W_DET))
        q--;
    if (gi < 0 || c->g[gi].place || q < c->a + 2 || !ng_w__is(w, q - 1, "by") ||
        !(ng_w__bits(w, q - 2) & NG_W_ACTNOUN))
        return -1;
    return gi;
}

/* The passive's subject when it is no actor group: "the Chinese action was condemned by X"
 * (poss or quote): a demonym adjective right before an act noun (words class actnoun) right
 * before the verb names its state; "the launch by X was condemned by Y" (poss): the act's
 * agent; -1 if none. */
static int32_t passive_adj_subject(const ng_work *w, const sctx *c, const reading *r)
{
    if (r->subj >= 0 || !(r->tr->flags & (NG_TRF_POSS | NG_TRF_QUOTE))) return -1;
    uint32_t p = r->ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK)))
        p--;
    if (p > c->a && (r->tr->flags & NG_TRF_POSS) && c->gend[p - 1 - c->a] >= 0)
        return act_by_agent(w, c, c->gend[p - 1 - c->a]);
    if (p < c->a + 2 || !(ng_w__bits(w, p - 1) & NG_W_ACTNOUN) || c->gcov[p - 1 - c->a] >= 0)
        return -1;
    int32_t gi = c->gend[p - 2 - c->a];
    return gi >= 0 && c->g[gi].adj ? gi : -1;
}

/* ofobj: "criticism of X by Y": the group after "by" at token q (right after the object, or
 * right after the noun: "the condemnation by Y of X") is the noun's subject; -1 if none. */
static int32_t of_by_agent(const ng_work *w, const sctx *c, uint32_t q)
{
    if (q + 1 >= c->b || !ng_w__is(w, q, "by")) return -1;
    q++;
    int32_t gi = ng_engine__group_after_dets(w, c, &q);
    return gi >= 0 && !c->g[gi].place ? gi : -1;
}

/* "a trilateral meeting of A, B and C", "the talks of X and Y": a meeting noun of a
 * symmetric relation with "of" right after it and a list of two to four actors (no place)
 * is one meeting of them all, whoever the clause's subject is; a summit (words class
 * `gathering`) only when called trilateral or joint right before it. DONE when given, 0
 * otherwise. A plan or a negation of the clause is read by the caller's modality first. */
static int meeting_of(ng_work *w, const sctx *c, const reading *r)
{
    uint32_t te = r->te;
    if (!(r->tr->flags & NG_TRF_PARTNERS) || !ng_relinfo__symmetric(r->tr->rel) ||
        te + 1 >= c->b || !ng_w__is(w, te, "of"))
        return 0;
    uint32_t q = te + 1;
    int32_t gi = ng_engine__group_after_dets(w, c, &q);
    if (gi < 0 || c->g[gi].place || c->g[gi].an < 2 || c->g[gi].an > 4) return 0;
    if ((ng_w__bits(w, te - 1) & NG_W_GATHERING) &&
        !(r->ts > c->a && (ng_w__bits(w, r->ts - 1) & NG_W_JOINTMOD)))
        return 0;
    int error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, &c->g[gi], c->s, r->date);
    return error < 0 ? error : DONE;
}

/* Do groups a and b name the same actors in the same order? */
static int same_actors(const sctx *c, int32_t a, int32_t b)
{
    const group *x = &c->g[a], *y = &c->g[b];
    return x->an == y->an && memcmp(c->acts + x->a0, c->acts + y->a0, x->an * sizeof *c->acts) == 0;
}

/* "The Falepili Union, signed by A and B": one organization right before the comma before
 * the trigger at ts, "by" right after it (te): the text names a document as it would an
 * organization. */
static int org_signed_by(const ng_work *w, const sctx *c, uint32_t ts, uint32_t te)
{
    if (ts < c->a + 2 || !ng_w__punct(w, ts - 1, ',') || te >= c->b || !ng_w__is(w, te, "by"))
        return 0;
    int32_t gi = c->gend[ts - 2 - c->a];
    return gi >= 0 && c->g[gi].an == 1 && !c->g[gi].pp && !c->g[gi].place &&
           w->actors[c->acts[c->g[gi].a0]].type == NG_ETYPE_ORG;
}

/* Is the subject of a document's passive (flag doc) such an organization (org_signed_by)? */
static int signed_document_org(const ng_work *w, const sctx *c, const reading *r)
{
    return (r->tr->flags & NG_TRF_DOC) && c->g[r->subj].t1 + 1 == r->ts &&
           org_signed_by(w, c, r->ts, r->te);
}

/* The object: the passive's subject, else the group after the trigger; "a meeting between
 * A and B" gives its parties at once; a gap's possessive ("becomes NATO's 31st member"). */
static int take_object(ng_work *w, const sctx *c, reading *r)
{
    if (r->agent >= 0) {
        /* "Iran was discussed by the ministers": a verb whose object needs a preposition
         * ("discussed X with Y") has no actor as its passive's subject, only a topic */
        r->obj = !ng_object__has_direct(r->tr) && r->tr->n_prep ? -1
                 : r->subj >= 0                               ? r->subj
                                                              : passive_adj_subject(w, c, r);
        /* "The Falepili Union, signed by A and B": a document's name the text reads as an
         * organization, right before ", signed by", is what was signed, not a party */
        if (r->obj >= 0 && r->obj == r->subj && signed_document_org(w, c, r)) r->obj = -1;
        r->subj = r->agent;
    } else if (!r->tr->no_object) {
        if (r->noun) {
            int error = meeting_of(w, c, r);
            if (error) return error;
        }
        int32_t by_first = r->noun && (r->tr->flags & NG_TRF_OFOBJ) && r->te < c->b &&
                                   ng_w__is(w, r->te, "by")
                               ? of_by_agent(w, c, r->te)
                               : -1;
        /* "the condemnation by X of Y": the agent first, then the object */
        r->obj = ng_object__find(w, c, r->tr, by_first >= 0 ? c->g[by_first].t1 : r->te,
                                 &r->prep_seen);
        if (by_first >= 0 && r->obj >= 0) r->subj = by_first;
        if (r->noun && r->obj >= 0 && (r->tr->flags & NG_TRF_OFOBJ)) {
            int32_t by = of_by_agent(w, c, c->g[r->obj].t1);
            if (by >= 0) r->subj = by;
        }
        if (r->noun && r->obj >= 0 && r->obj == r->subj) r->obj = -1;
        const group *o = r->obj >= 0 ? &c->g[r->obj] : NULL;
        /* "a meeting between A and B", "the signing of the accord by A and B": the parties
         * are the list after "between" or "by" */
        uint32_t p = o && o->t0 > c->a ? o->t0 - 1 : c->a;
        if (p > c->a && (ng_w__bits(w, p) & NG_W_DET)) p--;
        int between = o && o->t0 > c->a &&
                      (ng_w__is(w, o->t0 - 1, "between") ||
                       (o->t0 > c->a + 1 && ng_w__is(w, o->t0 - 2, "between")));
        if (r->noun && o && o->an >= 2 && o->t0 > c->a && (between || ng_w__is(w, p, "by"))) {
            int error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, o, c->s, r->date);
            return error < 0 ? error : DONE;
        }
        /* "talks between Abiy and the rebels" (one party named): the parties are the ones
         * after "between", never the clause's subject ("X welcomed/mediated the talks") */
        if (r->noun && between && o->an < 2) return DONE;
    }
    /* "A and B held their first bilateral talks", "the two leaders had held their talks": a
     * possessive pronoun inside the gap after a plural subject is the subject's own (its
     * owners are the talks' parties); it is no other side */
    if (r->obj < 0 && r->gap_group >= 0 &&
        !(c->u[c->g[r->gap_group].u0].poss && r->subj >= 0 &&
          (c->g[r->subj].an >= 2 || same_actors(c, r->gap_group, r->subj))))
        r->obj = r->gap_group;
    return NG_OK;
}

/* "the two leaders greeted each other": the subject's members are partners; "the two men
 * blamed each other": each member is subject and object of a directed relation. */
static int each_other(ng_work *w, const sctx *c, const reading *r)
{
    uint32_t te = r->te;
    if (r->obj >= 0 || r->subj < 0 || c->g[r->subj].an < 2 || te + 1 >= c->b) return NG_OK;
    if (!ng_w__phrase(w, te, c->b, NG_W_RECIPROCAL, NULL)) return NG_OK;
    const group *g = &c->g[r->subj];
    int error = NG_OK;
    if (ng_relinfo__symmetric(r->tr->rel)) {
        error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, g, c->s, r->date);
        return error < 0 ? error : DONE;
    }
    for (uint32_t i = 0; i < g->an && error >= 0; i++)
        for (uint32_t k = 0; k < g->an && error >= 0; k++) {
            int32_t x = c->acts[g->a0 + i], y = c->acts[g->a0 + k];
            if (i != k && ng_emit__types_ok(w, r->tr->rel, r->tr->flags, x, y))
                error = ng_emit__add(w, x, y, r->tr->rel, r->tr->flags, c->s, r->date);
        }
    return error < 0 ? error : DONE;
}

/* The token after "which"/"whom" that opens a relative clause whose subject group starts
 * at q: q itself, or the "the" before it ("the WHO, which the United States left"); 0 when
 * no relative pronoun comes before. */
static uint32_t relative_start(const ng_work *w, const sctx *c, uint32_t q)
{
    if (q > c->a + 2 && ng_w__is(w, q - 1, "the")) q--;
    return q > c->a + 1 && (ng_w__is(w, q - 1, "which") || ng_w__is(w, q - 1, "whom")) ? q : 0;
}

/* "a format including Russia, which the EU rejected": an actor an example after
 * "including" is no head of the noun phrase the clause is about. */
static int included(const ng_work *w, const sctx *c, const group *g)
{
    uint32_t q = g->t0;
    if (q > c->a && ng_w__is(w, q - 1, "the")) q--;
    return q > c->a && ng_w__is(w, q - 1, "including");
}

/* "the CIS, the loose grouping of former Soviet republics that Georgia quit": "that" right
 * before the subject, after an apposition (", a/an/the" and up to eight lower-case words, an
 * "of" or a demonym among them, one a noun for an actor: bloc, country, government), has the
 * name before the comma as antecedent; its group, or -1. q: the first token of the clause's
 * subject group. */
static int32_t apposition_that(const ng_work *w, const sctx *c, uint32_t q)
{
    if (q > c->a && ng_w__is(w, q - 1, "the")) q--;
    if (q < c->a + 4 || !ng_w__is(w, q - 1, "that")) return -1;
    /* "the loose grouping that Georgia quit": a description the article resolved (a lower-case
     * actor noun) right before "that" */
    const ng_wbits nouns =
        NG_W_BLOCNOUN | NG_W_ORGNOUN | NG_W_COUNTRYNOUN | NG_W_GOVNOUN | NG_W_GROUPNOUN;
    int32_t desc = c->gend[q - 2 - c->a];
    if (desc >= 0 && !c->g[desc].place && (ng_w__bits(w, q - 2) & nouns) &&
        !(w->tk.v[q - 2].flags & NG_TK_CAP))
        return desc;
    int actor_noun = 0; /* "grouping", "country": not "an attack that X condemned" */
    for (uint32_t k = q - 1; k > c->a + 1 && k + 10 > q; k--) {
        uint32_t t = k - 1;
        int32_t gi = c->gcov[t - c->a];
        if (ng_w__punct(w, t, ',')) {
            if (!actor_noun || k + 1 >= q ||
                !(ng_w__is(w, k, "a") || ng_w__is(w, k, "an") || ng_w__is(w, k, "the")))
                return -1;
            int32_t ante = c->gend[t - 1 - c->a];
            return ante >= 0 && !c->g[ante].place && !c->g[ante].pp ? ante : -1;
        }
        if (gi >= 0 && c->g[gi].adj) continue; /* "former Soviet republics" */
        /* "the loose grouping of former Soviet republics that": the description */
        if (gi >= 0 && c->gend[t - c->a] == gi && !c->g[gi].place && !c->g[gi].pp &&
            (ng_w__bits(w, t) & nouns) && !(w->tk.v[t].flags & NG_TK_CAP))
            return gi;
        actor_noun |= (ng_w__bits(w, t) & nouns) != 0;
        if (gi >= 0 || !(w->tk.v[t].flags & NG_TK_WORD) || (w->tk.v[t].flags & NG_TK_CAP) ||
            (ng_w__bits(w, t) & (NG_W_SAY | NG_W_CLAUSE | NG_W_BE | NG_W_PAST_MARK)))
            return -1;
    }
    return -1;
}

/* The object of a relative clause is its antecedent: "ECOWAS, which they accuse of serving
 * foreign interests". */
static int relative_object(const ng_work *w, const sctx *c, reading *r)
{
    if (r->obj >= 0 || r->noun || r->agent >= 0 || r->subj < 0 || !ng_object__has_direct(r->tr))
        return NG_OK;
    uint32_t q = relative_start(w, c, c->g[r->subj].t0);
    if (!q) {
        int32_t ante = apposition_that(w, c, c->g[r->subj].t0);
        if (ante < 0 || ante == r->subj || (r->tr->flags & NG_TRF_QUOTE) ||
            ng_relinfo__symmetric(r->tr->rel))
            return NG_OK;
        r->obj = ante;
        r->relative_obj = 1;
        return NG_OK;
    }
    uint32_t p = q - 1;
    if (ng_w__punct(w, p - 1, ',')) p--;
    /* "the Andean Community (CAN), which they ...": the antecedent is before the brackets */
    if (p > c->a + 2 && ng_w__punct(w, p - 1, ')') && c->gend[p - 1 - c->a] < 0) {
        uint32_t k = p - 1;
        while (k > c->a && k + 6 > p && !ng_w__punct(w, k, '('))
            k--;
        if (ng_w__punct(w, k, '(')) p = k;
    }
    int32_t ante = p > c->a ? c->gend[p - 1 - c->a] : -1;
    if (ante < 0 || ante == r->subj || c->g[ante].place || included(w, c, &c->g[ante]))
        return NG_OK;
    if ((r->tr->flags & NG_TRF_QUOTE) && !ng_object__quote_after(w, c, r->te)) return DONE;
    /* "the ASEAN Summit, which Malaysia hosted": the event, no party met */
    if ((r->tr->flags & NG_TRF_COUNTERPART) && ng_relinfo__symmetric(r->tr->rel) &&
        ng_object__names_event(w, c, &c->g[ante]))
        return DONE;
    r->obj = ante;
    r->relative_obj = 1;
    return NG_OK;
}

/* "SADC, to which Congo also belongs", "the pact, from which Mali withdrew": one of the
 * trigger's prepositions before "which" makes the antecedent the object. */
static int relative_prep_object(const ng_work *w, const sctx *c, reading *r)
{
    if (r->obj >= 0 || r->noun || r->agent >= 0 || r->subj < 0) return NG_OK;
    /* "X, with whom he held talks": the same with "whom" */
    uint32_t q = relative_start(w, c, c->g[r->subj].t0);
    if (q < c->a + 3) return NG_OK;
    int prep = 0;
    for (int i = 0; i < r->tr->n_prep; i++)
        prep |= r->tr->prep[i] && r->tr->prep[i] == w->tk.v[q - 2].h;
    uint32_t p = q - 2;
    if (p > c->a && ng_w__punct(w, p - 1, ',')) p--;
    int32_t ante = prep && p > c->a ? c->gend[p - 1 - c->a] : -1;
    if (ante < 0 || ante == r->subj || c->g[ante].place) return NG_OK;
    r->obj = ante;
    r->relative_obj = 1;
    return NG_OK;
}

/* "ORG (A, B, C)": the members in brackets are members of it, and the object. */
static int bracket_members(ng_work *w, const sctx *c, reading *r)
{
    int32_t members = r->obj >= 0 ? ng_object__bracket_members(w, c, r->obj) : -1;
    if (members < 0) return NG_OK;
    const group *og = &c->g[r->obj], *mg = &c->g[members];
    int error = ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + mg->a0, mg->an,
                               c->acts + og->a0, og->an, c->s, r->date);
    r->obj = members;
    return error;
}

/* gapobj: "compared Chile with Peru", "likened Oslo to Stockholm" compare two actors, a
 * judgement of neither: a state or organization right after the pattern ends the reading.
 * Not after a pattern ending in "of" ("called X a tool of Y": Y is X's master). */
static int compares_actors(const ng_work *w, const sctx *c, uint32_t te)
{
    uint32_t q = te;
    if (te > c->a && ng_w__is(w, te - 1, "of")) return 0;
    while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET))
        q++;
    const group *g = q < c->b && c->gstart[q - c->a] >= 0 ? &c->g[c->gstart[q - c->a]] : NULL;
    for (uint32_t k = 0; g && k < g->an; k++)
        if (w->actors[c->acts[g->a0 + k]].type != NG_ETYPE_PERSON) return 1;
    return 0;
}

/* A quotation between the trigger and its object, after a determiner or none: "called
 * 'unfair' the X", "what he called the 'aggressive' Israeli offensive". */
static int quote_before(const ng_work *w, const sctx *c, const reading *r)
{
    uint32_t q = r->te;
    if (q < c->b && (ng_w__bits(w, q) & NG_W_DET)) q++;
    uint32_t e = ng_object__quote_skip(w, c, q);
    return e != q && e <= c->g[r->obj].t0;
}

/* favour: "rejected the BRICS invitation", "rejects Russia's offer": a goodwill noun (words
 * class favour) right after the object, or a word after it, is what is turned down, and
 * turning it down is no condemnation of its owner. */
static int favour_after(const ng_work *w, const sctx *c, const group *o)
{
    uint32_t j = o->t1 < c->b && (w->tk.v[o->t1].flags & NG_TK_POSS) ? o->t1 + 1 : o->t1;
    for (uint32_t q = j; q < c->b && q < j + 2; q++) {
        if ((w->tk.v[q].flags & NG_TK_PUNCT) || c->gcov[q - c->a] >= 0) return 0;
        if (ng_w__bits(w, q) & NG_W_FAVOUR) return 1;
    }
    return 0;
}

/* quote: the quotation that judges the object (opening within four words of t) praises it
 * ("called Taiwan 'a reliable partner'"): a favour word inside gives no condemnation. */
static int quote_praises(const ng_work *w, const sctx *c, uint32_t t)
{
    uint32_t k = t;
    while (k < c->b && k < t + 4 && !ng_w__punct(w, k, '"'))
        k++;
    if (k >= c->b || !ng_w__punct(w, k, '"')) return 0;
    for (k++; k < c->b && (w->tk.v[k].flags & NG_TK_INQUOTE) && !ng_w__punct(w, k, '"'); k++)
        if (ng_w__bits(w, k) & NG_W_FAVOUR) return 1;
    return 0;
}

/* quote: "thanked the alliance for what he called its 'timely' help", "praised X for what
 * she called ...": "for what ... called" after a verb of thanks or praise (words class
 * favour, in the eight words before "for") names a merit, no condemnation. */
static int thanked_for_what(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t f = ts;
    while (f > c->a && f + 4 > ts && !ng_w__is(w, f - 1, "what"))
        f--;
    if (f < c->a + 3 || !ng_w__is(w, f - 1, "what") || !ng_w__is(w, f - 2, "for")) return 0;
    for (uint32_t k = f - 2; k > c->a && k + 10 > f;) {
        k--;
        if (ng_w__punct(w, k, ';') || ng_w__punct(w, k, ':') || ng_w__punct(w, k, '.')) return 0;
        if (ng_w__bits(w, k) & NG_W_FAVOUR) return 1;
    }
    return 0;
}

/* objperson: "X called on President Y" is a courtesy call on a person; "called on Y to
 * resign", "called on Y and the opposition to talk", "called on Y, his ally, to "stop"",
 * "called on Y for restraint" is an appeal (within twelve words after the object, over
 * commas, before a stop: "for", or a "to" before a lower-case word, a quotation mark
 * between them or not). */
static int person_visited(const ng_work *w, const sctx *c, const reading *r)
{
    if (r->obj < 0) return 0;
    const group *o = &c->g[r->obj];
    for (uint32_t k = 0; k < o->an; k++)
        if (w->actors[c->acts[o->a0 + k]].type != NG_ETYPE_PERSON) return 0;
    for (uint32_t q = o->t1; q < c->b && q < o->t1 + 12; q++) {
        if ((w->tk.v[q].flags & NG_TK_PUNCT) && !ng_w__punct(w, q, '"') &&
            !ng_w__punct(w, q, ','))
            return 1;
        /* "to" before a lower-case word, also inside a quotation ("to "read the text"") */
        uint32_t v = q + 1;
        if (v + 1 < c->b && ng_w__punct(w, v, '"')) v++;
        if (ng_w__is(w, q, "for") ||
            (ng_w__is(w, q, "to") && v < c->b && (w->tk.v[v].flags & NG_TK_WORD) &&
             !(w->tk.v[v].flags & NG_TK_CAP)))
            return 0;
    }
    return 1;
}

/* "discussed relations with Russia", "spoke about ties with China": the object after "with"
 * right after a noun of a relationship (words class withnoun) outside the trigger's words is
 * that noun's other side; a person there ("discussed the border with President X") is still
 * the partner, and a signing's noun is its document ("signed a trade deal with X"). */
static int noun_complement(const ng_work *w, const sctx *c, const reading *r)
{
    if (r->obj < 0 || !r->prep_seen || (r->tr->flags & NG_TRF_DOC)) return 0;
    const group *o = &c->g[r->obj];
    uint32_t p = o->t0;
    if (p > c->a && (ng_w__bits(w, p - 1) & NG_W_DET)) p--;
    if (p < c->a + 2 || p - 1 <= r->te || !ng_w__is(w, p - 1, "with") ||
        !(ng_w__bits(w, p - 2) & NG_W_WITHNOUN) || p - 2 < r->te)
        return 0;
    for (uint32_t k = 0; k < o->an; k++)
        if (w->actors[c->acts[o->a0 + k]].type == NG_ETYPE_PERSON) return 0;
    return 1;
}

/* "received the credentials of the ambassadors of A, B and C": a word of class credence
 * between the trigger and an object that is not a person: an accreditation ceremony, no
 * talks with the envoys' states (the eval policy's met is face-to-face talks). */
static int credence_of_state(const ng_work *w, const sctx *c, const reading *r)
{
    if (r->obj < 0 || !(r->tr->flags & NG_TRF_COUNTERPART)) return 0;
    const group *o = &c->g[r->obj];
    int found = 0;
    for (uint32_t q = r->te; q < o->t0 && !found; q++)
        found = (ng_w__bits(w, q) & NG_W_CREDENCE) != 0;
    for (uint32_t k = 0; k < o->an && found; k++)
        if (w->actors[c->acts[o->a0 + k]].type != NG_ETYPE_PERSON) return 1;
    return 0;
}

/* "welcomed The Gambia back into the Commonwealth", "welcomed Finland into the alliance": a
 * state or organization received "back" or "into" a body is admitted to it, no talks with
 * anyone (a person so welcomed, "welcomed Niinisto to the headquarters", was met). */
static int admitted_object(const ng_work *w, const sctx *c, const reading *r)
{
    if (r->obj < 0 || !(r->tr->flags & NG_TRF_COUNTERPART) || !ng_relinfo__symmetric(r->tr->rel))
        return 0;
    const group *o = &c->g[r->obj];
    uint32_t q = o->t1 + (o->t1 < c->b && ng_w__punct(w, o->t1, '"')); /* welcomed X "back" */
    if (q >= c->b || !(ng_w__is(w, q, "back") || ng_w__is(w, q, "into"))) return 0;
    for (uint32_t k = 0; k < o->an; k++)
        if (w->actors[c->acts[o->a0 + k]].type == NG_ETYPE_PERSON) return 0;
    return 1;
}

/* The object's own conditions: a quotation after it or before it (quote: "called the junta
 * 'illegitimate'") that does not praise it, no goodwill noun after it (favour), not a journey
 * (journey: "left N'Djamena for Moscow", "the president left Mali"), no actor compared with it
 * (gapobj). */
static int object_checks(const ng_work *w, const sctx *c, const reading *r)
{
    const ng_trigger *tr = r->tr;
    if ((tr->flags & NG_TRF_GAPOBJ) && compares_actors(w, c, r->te)) return DONE;
    if (noun_complement(w, c, r)) return DONE;
    uint32_t aq = (tr->flags & NG_TRF_QUOTE) && r->obj >= 0
                      ? ng_object__act_quote_after(w, c, tr, r->obj)
                      : 0;
    /* "called on X to "read the text"", "called for X's "immediate" arrest": a verb with a
     * particle is an appeal, not naming its direct object */
    if ((tr->flags & NG_TRF_QUOTE) && !r->relative_obj && r->te < c->b &&
        (ng_w__bits(w, r->te) & NG_W_PREP) && tr->n_prep == 1 && !tr->prep[0])
        return DONE;
    if ((tr->flags & NG_TRF_QUOTE) && !r->relative_obj &&
        (r->obj < 0 ||
         (!ng_object__quote_after(w, c, c->g[r->obj].t1) && !quote_before(w, c, r) && !aq) ||
         (ng_w__bits(w, c->g[r->obj].t0) & NG_W_OBJPRON)))
        return DONE;
    if ((tr->flags & NG_TRF_QUOTE) && r->obj >= 0 &&
        (quote_praises(w, c, c->g[r->obj].t1) || quote_praises(w, c, r->te) ||
         (aq && quote_praises(w, c, aq)) || thanked_for_what(w, c, r->ts)))
        return DONE;
    if ((tr->flags & NG_TRF_FAVOUR) && r->obj >= 0 && favour_after(w, c, &c->g[r->obj]))
        return DONE;
    if ((tr->flags & NG_TRF_OBJPERSON) && !person_visited(w, c, r)) return DONE;
    if (credence_of_state(w, c, r) || admitted_object(w, c, r)) return DONE;
    /* "joined the African Union as an observer" */
    if (tr->rel == ng_relinfo__membership() && r->obj >= 0 &&
        ng_members__as_nonmember(w, c, r->obj))
        return DONE;
    if ((tr->flags & NG_TRF_JOURNEY) && r->obj >= 0) {
        const group *o = &c->g[r->obj];
        if (o->t1 < c->b && (ng_w__is(w, o->t1, "for") || ng_w__is(w, o->t1, "with"))) return DONE;
        if (r->subj >= 0)
            for (uint32_t k = 0; k < c->g[r->subj].an; k++)
                if (w->actors[c->acts[c->g[r->subj].a0 + k]].type == NG_ETYPE_PERSON) return DONE;
    }
    return NG_OK;
}

/* Appends the actors of group gi to a side (at most max). */
static void side_add(const sctx *c, int32_t *side, uint32_t *n, uint32_t max, int32_t gi)
{
    for (uint32_t k = 0; k < c->g[gi].an && *n < max; k++)
        side[(*n)++] = c->acts[c->g[gi].a0 + k];
}

/* "Belarus forms the Union State with Russia", "Mali founded the AES with Niger in 2023":
 * "with" right after the organization and a group that ends the clause (punctuation, the
 * end, a date's preposition) is a partner in it; 1 (the length of "with") or 0. Not "with
 * Finland's support", "with X still waiting". */
static uint32_t with_partner(const ng_work *w, const sctx *c, uint32_t q)
{
    int32_t og = q > c->a ? c->gend[q - 1 - c->a] : -1;
    if (og < 0 || c->g[og].an != 1 || w->actors[c->acts[c->g[og].a0]].type != NG_ETYPE_ORG)
        return 0;
    uint32_t k = q + 1;
    int32_t gz = ng_engine__group_after_dets(w, c, &k);
    if (gz < 0 || c->g[gz].place || c->g[gz].poss) return 0;
    uint32_t e = c->g[gz].t1;
    return e >= c->b || (w->tk.v[e].flags & NG_TK_PUNCT) || ng_w__is(w, e, "in") ||
                   ng_w__is(w, e, "on")
               ? 1
               : 0;
}

/* "joined the Pacific Alliance, along with Peru": the list joined the organization and the
 * states after "along with" (groups.c); the organization alone is the object, the units after
 * the phrase are subjects too. */
static void alongside_list(const ng_work *w, const sctx *c, reading *r)
{
    const group *o = &c->g[r->obj];
    const unit *u = &c->u[o->u0];
    if (o->un < 2 || u->an != 1 || u->place || u->poss ||
        w->actors[c->acts[u->a0]].type != NG_ETYPE_ORG)
        return;
    uint32_t q = u->t1;
    if (ng_w__punct(w, q, ',')) q++;
    uint32_t len = ng_w__phrase(w, q, c->u[o->u0 + 1].t0, NG_W_ALONGSIDE, NULL);
    if (!len) return;
    q += len;
    while (q < c->u[o->u0 + 1].t0 && (ng_w__bits(w, q) & NG_W_DET))
        q++;
    if (q != c->u[o->u0 + 1].t0) return;
    for (uint32_t ui = o->u0 + 1; ui < o->u0 + o->un; ui++)
        if (c->u[ui].place || c->u[ui].poss || c->u[ui].role) return;
    r->obj_units = 1;
    for (uint32_t ui = o->u0 + 1; ui < o->u0 + o->un; ui++)
        for (uint32_t k = 0; k < c->u[ui].an && r->ns < GMAX * 2; k++)
            r->S[r->ns++] = c->acts[c->u[ui].a0 + k];
}

/* "Together with A, B and C, the two make up the GCC", "Along with A, X joined NATO": a
 * sentence that opens with an alongside phrase and a group in commas right before the
 * subject; that group (not a place, a possessive or a role), else -1. */
static int32_t alongside_front(const ng_work *w, const sctx *c, const reading *r)
{
    uint32_t len = ng_w__phrase(w, c->a, c->b, NG_W_ALONGSIDE, NULL), q = c->a + len;
    if (!len) return -1;
    int32_t gz = ng_engine__group_after_dets(w, c, &q);
    if (gz < 0 || gz == r->subj) return -1;
    const group *g = &c->g[gz];
    if (g->place || g->poss || g->role || g->t1 + 1 != c->g[r->subj].t0 ||
        !ng_w__punct(w, g->t1, ','))
        return -1;
    return gz;
}

/* "X joined Y in cutting ties", "Rwanda joined Kenya and Uganda in signing": the main
 * subject X (returned) and the group Y before "in" (*yg); -1 when the form is not there. */
static int32_t joined_in(const ng_work *w, const sctx *c, const reading *r, int32_t *yg)
{
    uint32_t ts = r->ts;
    if (r->subj < 0 || ts <= c->a + 1 || !ng_w__is(w, ts - 1, "in")) return -1;
    *yg = c->gend[ts - 2 - c->a];
    if (*yg < 0 || c->g[*yg].t0 <= c->a || !(ng_w__bits(w, c->g[*yg].t0 - 1) & NG_W_JOINVERB))
        return -1;
    int32_t ms = ng_subject__main(w, c, ts);
    return ms != *yg ? ms : -1;
}

/* "Kenya, alongside Uganda and Tanzania, signed": an alongside phrase between commas right
 * after the subject and before the verb (over adverbs); its group, else -1. */
static int32_t alongside_subject(const ng_work *w, const sctx *c, const reading *r)
{
    if (r->subj < 0 || r->noun) return -1;
    uint32_t q = c->g[r->subj].t1;
    if (q + 2 >= r->ts || !ng_w__punct(w, q, ',')) return -1;
    uint32_t len = ng_w__phrase(w, q + 1, r->ts, NG_W_ALONGSIDE, NULL);
    if (!len) return -1;
    q += 1 + len;
    while (q < r->ts && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET))
        q++;
    int32_t gz = q < r->ts ? c->gstart[q - c->a] : -1;
    if (gz < 0 || c->g[gz].place || c->g[gz].poss || !ng_w__punct(w, c->g[gz].t1, ',')) return -1;
    q = ng_object__when_phrase(w, c, c->g[gz].t1 + 1); /* "on Friday" */
    while (q < r->ts && (ng_w__bits(w, q) & NG_W_SKIPADV))
        q++;
    return q == r->ts ? gz : -1;
}

/* The subject side: "X joined Y in cutting ties" (Y acts too), the subject, "X and Y sit in
 * it alongside Z and W" (members too). */
static void subject_side(const ng_work *w, const sctx *c, reading *r)
{
    uint32_t ts = r->ts;
    int32_t yg, ms = joined_in(w, c, r, &yg);
    if (ms >= 0) side_add(c, r->S, &r->ns, GMAX, ms);
    int32_t az = alongside_subject(w, c, r);
    if (az >= 0) side_add(c, r->S, &r->ns, GMAX, az);
    if (r->subj >= 0) side_add(c, r->S, &r->ns, GMAX * 2, r->subj);
    /* "X was one of four states, along with A and B, that severed": A and B act too */
    int32_t along = -1;
    if (r->subj >= 0 && !r->noun && ng_subject__one_of(w, c, ts, &along) == r->subj && along >= 0)
        side_add(c, r->S, &r->ns, GMAX * 2, along);
    /* "an Eritrean delegation led by X": the delegation's state acts too */
    int32_t own = r->subj >= 0 ? ng_subject__led_by(w, c, &c->g[r->subj]) : -1;
    if (own >= 0 && own < (int32_t)c->ng) side_add(c, r->S, &r->ns, GMAX * 2, own);
    if ((r->tr->flags & NG_TRF_ALONGSIDE) && r->obj >= 0 && r->subj >= 0) alongside_list(w, c, r);
    /* the opening "Together with A and B," of any membership trigger */
    if (r->tr->rel == ng_relinfo__membership() && r->obj >= 0 && r->subj >= 0) {
        int32_t gf = alongside_front(w, c, r);
        if (gf >= 0) side_add(c, r->S, &r->ns, GMAX * 2, gf);
    }
    if ((r->tr->flags & NG_TRF_ALONGSIDE) && r->obj >= 0 && r->subj >= 0 &&
        c->g[r->obj].t1 + 1 < c->b) {
        uint32_t q = c->g[r->obj].t1;
        /* "joined the GUUAM grouping alongside A and B": a bloc noun after the name */
        if ((ng_w__bits(w, q) & NG_W_BLOCNOUN) && !(w->tk.v[q].flags & NG_TK_CAP) &&
            q + 1 < c->b)
            q++;
        /* "joined the EU in May 2004, along with A and B": a date (or place) phrase before
         * the comma */
        uint32_t d = ng_object__when_phrase(w, c, q);
        if (d > q && ng_w__punct(w, d, ',')) q = d;
        /* "a member of SAARC, alongside India and Nepal" */
        if (ng_w__punct(w, q, ',') && q + 2 < c->b) q++;
        uint32_t len = ng_w__phrase(w, q, c->b, NG_W_ALONGSIDE, NULL);
        if (!len && q == c->g[r->obj].t1 && ng_w__is(w, q, "with")) len = with_partner(w, c, q);
        if (len) {
            q += len;
            int32_t gz = ng_engine__group_after_dets(w, c, &q);
            /* "alongside North Macedonia's bid": a possessive owns its noun */
            if (gz >= 0 && !c->g[gz].place && !c->g[gz].poss)
                side_add(c, r->S, &r->ns, GMAX * 2, gz);
        }
    }
}

/* orgsubj: "brings together India and 14 island nations, including Fiji and Tonga": after
 * the list of members, "and" a counted plural noun that introduces more of them. */
static void counted_more(const ng_work *w, const sctx *c, reading *r)
{
    if (r->obj < 0) return;
    uint32_t q = c->g[r->obj].t1;
    if (q + 3 >= c->b || !ng_w__is(w, q, "and")) return;
    uint32_t k = ng_members__counted_intro(w, c, q + 1, c->b);
    if (k == q + 1) return;
    int32_t gi = ng_engine__group_after_dets(w, c, &k);
    if (gi < 0 || c->g[gi].place || c->g[gi].poss || c->g[gi].role) return;
    for (uint32_t i = 0; i < c->g[gi].an; i++)
        if (w->actors[c->acts[c->g[gi].a0 + i]].type != NG_ETYPE_STATE) return;
    side_add(c, r->O, &r->no, GMAX * 2, gi);
}

/* The object side: the object (a demonym adjective names its state only as an object), the
 * preposition repeated ("out of Mali last year and out of Chad in May", "with A and with
 * B"). */
static void object_side(ng_work *w, const sctx *c, reading *r)
{
    if (r->obj < 0) return;
    const group *o = &c->g[r->obj];
    /* "the Pacific Alliance, along with Peru": the first unit only (alongside_list) */
    uint32_t a0 = r->obj_units ? c->u[o->u0].a0 : o->a0, an = r->obj_units ? c->u[o->u0].an : o->an;
    for (uint32_t k = 0; k < an && r->no < GMAX * 2; k++) {
        int32_t a = c->acts[a0 + k];
        /* purpose: "summoned the Maldivian envoy, X, to protest": the envoy's state is the
         * target, not the messenger */
        if ((r->tr->flags & NG_TRF_PURPOSE) && w->actors[a].type == NG_ETYPE_PERSON &&
            w->actors[a].affil >= 0 && w->actors[w->actors[a].affil].type == NG_ETYPE_STATE)
            a = w->actors[a].affil;
        r->O[r->no++] = a;
        if (o->adj) {
            w->actors[a].emit = 1;
            if (!w->actors[a].mentions) w->actors[a].mentions = 1;
        }
    }
    int32_t more = r->obj, prev = r->obj;
    uint32_t no_before = r->no;
    while (r->prep_seen && (more = ng_object__next_pp(w, c, r->tr, c->g[more].t1)) >= 0) {
        side_add(c, r->O, &r->no, GMAX * 2, more);
        /* "with A in May and with B in June": two events */
        if (ng_object__when_phrase(w, c, c->g[prev].t1) > c->g[prev].t1) r->dated = 1;
        prev = more;
    }
    more = r->obj;
    /* "forced out of Mali in 2022 and Niger in 2023": gapped dated objects after the
     * preposition too, when none is repeated */
    int gapped = !r->prep_seen || r->no == no_before;
    while (gapped && !r->noun && (more = ng_object__next_dated(w, c, c->g[more].t1)) >= 0) {
        side_add(c, r->O, &r->no, GMAX * 2, more);
        r->dated = 1; /* separate events: no co-signers */
    }
    int32_t own = ng_subject__led_by(w, c, o);
    if (own >= 0 && own < (int32_t)c->ng) side_add(c, r->O, &r->no, GMAX * 2, own);
}

/* "Afghanistan joined as the eighth member in 2007", "Greece joined in 2019, which ...": a
 * verb that takes a direct object leaves it out only when nothing that could be one follows
 * it: the clause ends, or "as" and a member noun, or a dated phrase ("in 2019") comes before
 * the end (not "joined the talks", "joined in the protests", "joined as an observer"). */
static int object_left_out(const ng_work *w, const sctx *c, uint32_t te)
{
    uint32_t q = te;
    if (q + 2 < c->b && ng_w__is(w, q, "as") && (ng_w__bits(w, q + 1) & NG_W_DET)) {
        uint32_t k = q + 2;
        while (k < c->b && k < q + 5 && !(ng_w__bits(w, k) & (NG_W_MEMBERNOUN | NG_W_NOTMEMBER)) &&
               (w->tk.v[k].flags & NG_TK_WORD) && !(w->tk.v[k].flags & NG_TK_CAP))
            k++;
        if (k >= c->b || !(ng_w__bits(w, k) & NG_W_MEMBERNOUN) ||
            (ng_w__bits(w, k) & NG_W_NOTMEMBER))
            return 0;
        q = k + 1;
    }
    uint32_t d = ng_object__when_phrase(w, c, q);
    if (d > q) {
        int num = 0;
        for (uint32_t k = q; k < d; k++)
            num |= (w->tk.v[k].flags & NG_TK_NUM) != 0;
        if (!num) return 0;
        q = d;
        /* "Zimbabwe quit in 2003 after being suspended": a dated exit, then its own clause */
        if (q < c->b && (ng_w__bits(w, q) & NG_W_CLAUSE) && !ng_w__relative(w, q)) return 1;
    }
    return q >= c->b || ng_w__punct(w, q, ',') || ng_w__punct(w, q, '.') ||
           ng_w__punct(w, q, ';') || ng_w__is(w, q, "and");
}

/* A trigger without an object may take the last object of its relation ("joined Mali in
 * cutting ties", "Z followed suit"), or its subject when the other side answers ("X broke off
 * relations with Y ... Y said it was ending relations" gives Y -> X). */
static void reuse_last_object(const ng_work *w, const cstate *cs, const sctx *c, reading *r)
{
    const last_edges *e = &cs->last[r->tr->rel];
    if (r->no || !(r->tr->flags & NG_TRF_ELLIPSIS) || !e->n || c->s - e->sent > 2) return;
    /* "Germany pulled out on Thursday" leaves the object out; "pulled out of the talks" names
     * one that is no actor */
    if (r->prep_seen || (ng_object__has_direct(r->tr) && !object_left_out(w, c, r->te))) return;
    /* an exit (memberctx) is a state's or an organization's: "the ambassador withdrew on
     * Monday" is no exit from what a state left before */
    if (r->tr->flags & NG_TRF_MEMBERCTX)
        for (uint32_t i = 0; i < r->ns; i++)
            if (w->actors[r->S[i]].type == NG_ETYPE_PERSON) return;
    /* latest: "Z followed suit", "did the same" repeat the article's latest event (of this
     * sentence or the one before), which must be of this relation alone */
    if (r->tr->flags & NG_TRF_LATEST) {
        if (c->s - e->sent > 1) return; /* this sentence or the one before */
        for (size_t k = 0; k < ng_relinfo__count(); k++)
            if (k != r->tr->rel && cs->last[k].n && cs->last[k].sent >= e->sent) return;
    }
    int back = 0;
    for (uint32_t k = 0; k < e->n; k++)
        for (uint32_t i = 0; i < r->ns; i++)
            back |= e->obj[k] == r->S[i];
    if (back)
        for (uint32_t k = 0; k < e->ns; k++)
            r->O[r->no++] = e->subj[k];
    else
        for (uint32_t k = 0; k < e->n; k++)
            r->O[r->no++] = e->obj[k];
}

/* memberctx on a trigger of membership without an object: the organization a member left
 * or joined earlier in this sentence ("X quit the Commonwealth in 2016 and rejoined in
 * 2020"). */
static void member_context_object(const cstate *cs, const sctx *c, reading *r)
{
    if (r->no || !(r->tr->flags & NG_TRF_MEMBERCTX) || r->tr->rel != ng_relinfo__membership() ||
        cs->member_org < 0 || cs->member_org_sent != c->s)
        return;
    r->O[r->no++] = cs->member_org;
}

/* reply: "Minsk accused Kyiv of ... Kyiv rejected the accusations": without an object, a
 * subject that the relation's last edges (this sentence or the two before) aimed at (itself,
 * or a person of that state) answers their subjects; not a possessive, the claim's owner. */
static void reply_object(const ng_work *w, const cstate *cs, const sctx *c, reading *r)
{
    const last_edges *e = &cs->last[r->tr->rel];
    if (r->no || !(r->tr->flags & NG_TRF_REPLY) || !e->n || c->s - e->sent > 2) return;
    /* "X's claim was absurd": the owner of the claim is the accuser, not one who answers */
    if (r->subj >= 0 && c->g[r->subj].poss) return;
    int back = 0;
    for (uint32_t k = 0; k < e->n; k++)
        for (uint32_t i = 0; i < r->ns; i++)
            back |= e->obj[k] == r->S[i] || (w->actors[r->S[i]].type == NG_ETYPE_PERSON &&
                                             e->obj[k] == w->actors[r->S[i]].affil);
    for (uint32_t k = 0; back && k < e->ns && r->no < GMAX * 2; k++)
        r->O[r->no++] = e->subj[k];
}

/* Did states join or leave the organization earlier in the article (member_context)? */
static int bloc_seen(const cstate *cs, int32_t org)
{
    for (int i = 0; i < cs->n_bloc_seen; i++)
        if (cs->bloc_seen[i] == org) return 1;
    return 0;
}

/* "Argentina and Brazil have said they will leave UNASUR. Of the original twelve, only A and
 * B remain active members": a membership (flag ellipsis) with its organization left out and
 * no membership in the sentences before takes the one organization of states the sentence
 * before names (else the one before that), when its members are states and states joined
 * or left it earlier in the article (member_context). */
static void previous_bloc_object(const ng_work *w, const cstate *cs, const sctx *c, reading *r)
{
    if (r->no || !r->ns || !(r->tr->flags & NG_TRF_ELLIPSIS) ||
        r->tr->rel != ng_relinfo__membership() || r->prep_seen || c->s == 0 ||
        !object_left_out(w, c, r->te))
        return;
    for (uint32_t i = 0; i < r->ns; i++)
        if (w->actors[r->S[i]].type != NG_ETYPE_STATE) return;
    int32_t org = ng_recent__only_bloc_of(w, cs, c->s - 1);
    if (org < 0 && c->s > 1) org = ng_recent__only_bloc_of(w, cs, c->s - 2);
    /* ... that states joined or left earlier in the article (no medium, "the Global Times"),
     * not only the latest such ("Colombia left UNASUR. ... signed to found PROSUR. ...
     * A and B will leave UNASUR. ... only C and D remain active members") */
    if (org >= 0 && bloc_seen(cs, org)) r->O[r->no++] = org;
}

/* "The community was revived in 2000, with Rwanda and Burundi joining in 2007": a verb of
 * membership whose subject follows an absolute ", with" and whose object is left out joins
 * the organization that opens the clause before the comma (after ";" or the sentence's
 * start), when its subjects are states. */
static void absolute_with_object(const ng_work *w, const sctx *c, reading *r)
{
    /* "with A joining in 2007 and C in 2016": the object read after the date and "and" is
     * a gapped subject with its own date */
    int gapped = 0;
    if (r->no && r->obj >= 0) {
        uint32_t d = ng_object__when_phrase(w, c, r->te), e = c->g[r->obj].t1;
        gapped = d > r->te && d + 1 < c->b && ng_w__is(w, d, "and") &&
                 c->gstart[d + 1 - c->a] == r->obj && ng_object__when_phrase(w, c, e) > e;
    }
    for (uint32_t i = 0; gapped && i < r->no; i++)
        gapped = w->actors[r->O[i]].type == NG_ETYPE_STATE;
    if ((r->no && !gapped) || r->noun || r->subj < 0 || r->tr->rel != ng_relinfo__membership() ||
        (r->tr->flags & NG_TRF_INVERSE) || c->g[r->subj].t1 != r->ts ||
        !object_left_out(w, c, r->te))
        return;
    uint32_t q = c->g[r->subj].t0;
    while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET))
        q--;
    if (q < c->a + 2 || !ng_w__is(w, q - 1, "with") || !ng_w__punct(w, q - 2, ',')) return;
    for (uint32_t i = 0; i < r->ns; i++)
        if (w->actors[r->S[i]].type != NG_ETYPE_STATE) return;
    uint32_t start = q - 2;
    while (start > c->a && !ng_w__punct(w, start - 1, ';'))
        start--;
    for (size_t gi = 0; gi < c->ng && c->g[gi].t0 < q - 2; gi++) {
        const group *g = &c->g[gi];
        if (g->t0 < start || g->place || g->pp || g->subord || g->poss) continue;
        const ng_wactor *a = &w->actors[c->acts[g->a0]];
        if (g->an != 1 || a->type != NG_ETYPE_ORG || a->body >= 0 || a->treaty || a->lex < 0 ||
            !(w->lex->ents[a->lex].flags & NG_LXF_MULTISTATE))
            return;
        for (uint32_t i = 0; gapped && i < r->no && r->ns < GMAX * 2; i++)
            r->S[r->ns++] = r->O[i];
        r->no = 0;
        r->O[r->no++] = c->acts[g->a0];
        return;
    }
}

/* inverse: the object did it to the subject ("expelled French troops": France withdrew). */
static void swap_sides(reading *r)
{
    int32_t T[GMAX * 2];
    uint32_t nt = r->ns;
    memcpy(T, r->S, r->ns * sizeof *r->S);
    memcpy(r->S, r->O, r->no * sizeof *r->O);
    r->ns = r->no;
    memcpy(r->O, T, nt * sizeof *T);
    r->no = nt;
}

/* What the words right after the object list say of a meeting of several parties, read in
 * one walk (up to four words, over a date or a place, before a stop): */
enum {
    /* "A and B met C and D respectively": pairs in order when the sides are as long */
    AFTER_RESPECTIVELY = 1,
    /* "A, B and C met D and E separately" (a word of class separate that is not
     * "respectively", which with lists of different sizes stays a cross product): who met
     * whom is not said when both sides are lists (separate_lists) */
    AFTER_SEPARATE = 2
};
static int after_object(const ng_work *w, const sctx *c, const reading *r)
{
    int said = 0;
    if (r->obj < 0) return 0;
    for (uint32_t t = c->g[r->obj].t1; t < c->b && t < c->g[r->obj].t1 + 4; t++) {
        if (ng_w__is(w, t, "respectively"))
            said |= AFTER_RESPECTIVELY;
        else if (ng_w__bits(w, t) & NG_W_SEPARATE)
            said |= AFTER_SEPARATE;
        if (ng_w__punct(w, t, '.') || ng_w__punct(w, t, ';')) break;
    }
    return said;
}

/* "A and B met C and D respectively": as many subjects as objects. */
static int respectively(const reading *r, int after)
{
    return (after & AFTER_RESPECTIVELY) && r->ns >= 2 && r->ns == r->no;
}

/* "a trilateral summit", "a joint meeting": a word of class jointmod right before (one
 * word between at most) a noun of the relation's triggers: one meeting of all its parties. */
static int joint_meeting(const ng_work *w, const sctx *c, ng_rel rel)
{
    for (uint32_t t = c->a; t + 1 < c->b; t++) {
        if (!(ng_w__bits(w, t) & NG_W_JOINTMOD)) continue;
        for (uint32_t k = t + 1; k < c->b && k <= t + 2; k++)
            for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[k].h); i >= 0;
                 i = w->lex->triggers[i].next)
                if (w->lex->triggers[i].rel == rel && w->lex->triggers[i].form == NG_TR_NOUN)
                    return 1;
    }
    return 0;
}

/* A list written on each side (g has two actors or units, an "and" inside it or right after
 * it (not a comma: "X, whose government hosted the talks, received ..."), or an "and" or a
 * comma before it over up to two capitalized or title words: "the Egyptian, Qatari and US
 * mediators", "Qatari officials and US envoy Steve Witkoff", "the Israeli and Hamas
 * delegations"). */
static int listed(const ng_work *w, const sctx *c, const group *g)
{
    if (g->an >= 2 || g->un >= 2) return 1;
    for (uint32_t t = g->t0; t <= g->t1 && t < c->b; t++)
        if (ng_w__is(w, t, "and")) return 1;
    for (uint32_t t = g->t0; t > c->a && t + 3 > g->t0; t--) {
        if (ng_w__is(w, t - 1, "and")) return 1;
        /* a comma after an actor's name continues a list; "Earlier in the day, X" is an
         * opening phrase, and "In Cairo, X" a place */
        if (ng_w__punct(w, t - 1, ',')) {
            int32_t pg = t >= c->a + 2 ? c->gend[t - 2 - c->a] : -1;
            return pg >= 0 && !c->g[pg].place && !c->g[pg].pp;
        }
        if (!(w->tk.v[t - 1].flags & NG_TK_CAP) && !(ng_w__bits(w, t - 1) & NG_W_PERSONNOUN))
            return 0;
    }
    return 0;
}

/* "A, B and C met D and E separately": lists on both sides and a word of separate meetings
 * after the object: who met whom is not said (each mediator each delegation, or the
 * mediators together each one), so no pair is given. "X met D and E separately" (one
 * subject) keeps its pairs. */
static int separate_lists(const ng_work *w, const sctx *c, const reading *r, int after)
{
    return (after & AFTER_SEPARATE) && r->obj >= 0 && r->subj >= 0 &&
           listed(w, c, &c->g[r->subj]) && listed(w, c, &c->g[r->obj]);
}

/* Marks the edges from rels[before] on whose side is a state of the object group o, named
 * as such ("visited Nigeria"): ng_emit__drop_coarse may drop them beside a person of it. */
static void named_states(ng_work *w, const sctx *c, const group *o, size_t before)
{
    for (size_t i = before; i < w->n_rels; i++)
        for (uint32_t k = 0; k < o->an; k++) {
            int32_t a = c->acts[o->a0 + k];
            if (w->actors[a].type == NG_ETYPE_STATE && (w->rels[i].src == a || w->rels[i].dst == a))
                w->rels[i].named_state = 1;
        }
}

/* The edges subject x object (in order with "respectively"); a meeting named in title case
 * ("hosted the Andean Leaders' Meeting with A, B and C") or called joint ("met A and B in
 * a trilateral summit"), with no word of separate meetings, makes its participants partners
 * too; "a closed-door meeting with A and B" does not. */
static int subject_object_edges(ng_work *w, const sctx *c, const reading *r)
{
    ng_rel rel = r->tr->rel;
    uint32_t flags = r->tr->flags;
    int error = NG_OK, after = after_object(w, c, r);
    if (respectively(r, after)) {
        for (uint32_t i = 0; i < r->ns && error >= 0; i++)
            error = ng_emit__pairs(w, rel, flags, &r->S[i], 1, &r->O[i], 1, c->s, r->date);
        return error;
    }
    if (ng_relinfo__symmetric(rel) && separate_lists(w, c, r, after)) return NG_OK;
    size_t before = w->n_rels;
    error = ng_emit__pairs(w, rel, flags, r->S, r->ns, r->O, r->no, c->s, r->date);
    if (r->obj >= 0 && !c->g[r->obj].adj) named_states(w, c, &c->g[r->obj], before);
    if (error >= 0 && r->obj >= 0 && c->g[r->obj].an >= 2 && (flags & NG_TRF_PARTNERS) &&
        ng_relinfo__symmetric(rel) &&
        ((r->noun && r->prep_seen && (w->tk.v[r->ts].flags & NG_TK_CAP) &&
          !(w->tk.v[r->ts].flags & NG_TK_FIRST)) ||
         joint_meeting(w, c, rel)) &&
        !sentence_has(w, c, NG_W_SEPARATE))
        error = ng_emit__within(w, c, rel, flags, &c->g[r->obj], c->s, r->date);
    return error;
}

/* 1 when the first document word after t is singular ("the accord"; not "agreements",
 * "memoranda"): the signing is of one document. */
static int one_document(const ng_work *w, const sctx *c, uint32_t t)
{
    while (t < c->b && !(ng_w__bits(w, t) & NG_W_DOC))
        t++;
    if (t >= c->b) return 0;
    const char *f = ng_w__fold(w, t);
    uint32_t n = w->tk.v[t].flen;
    return !(f[n - 1] == 's' || f[n - 1] == 'a');
}

/* "X signed the accord together with A and B", "signing the document with A and with B":
 * one document signed with several parties makes them co-signers of one another. One
 * document: the first document word after the trigger is singular. */
static int co_signers(ng_work *w, const sctx *c, const reading *r)
{
    if (!(r->tr->flags & NG_TRF_DOC) || r->noun || r->no < 2 || r->dated) return NG_OK;
    if (!one_document(w, c, r->ts)) return NG_OK;
    int error = NG_OK;
    for (uint32_t i = 0; i < r->no && error >= 0; i++)
        for (uint32_t k = i + 1; k < r->no && error >= 0; k++)
            if (r->O[i] != r->O[k] &&
                ng_emit__types_ok(w, r->tr->rel, r->tr->flags, r->O[i], r->O[k]))
                error = ng_emit__add(w, r->O[i], r->O[k], r->tr->rel, r->tr->flags, c->s, r->date);
    return error;
}

/* "Kenya and Uganda signed the agreement with the EU": one document (its first word after
 * the trigger singular), a plural subject and an object: the subjects co-signed it too,
 * unless the sentence tells of separate signings or "each" follows the subject. */
static int co_subjects(ng_work *w, const sctx *c, const reading *r)
{
    if (!(r->tr->flags & NG_TRF_DOC) || r->noun || r->ns < 2 || !r->no || r->dated ||
        sentence_has(w, c, NG_W_SEPARATE) || (r->ts > c->a && ng_w__is(w, r->ts - 1, "each")))
        return NG_OK;
    if (!one_document(w, c, r->ts)) return NG_OK;
    int error = NG_OK;
    /* one side's people ("Putin and Lavrov signed the treaty with X") are no counterparts */
    for (uint32_t i = 0; i < r->ns && error >= 0; i++)
        for (uint32_t k = i + 1; k < r->ns && error >= 0; k++)
            if (r->S[i] != r->S[k] &&
                (side_state(w, r->S[i]) < 0 || side_state(w, r->S[i]) != side_state(w, r->S[k])) &&
                ng_emit__types_ok(w, r->tr->rel, r->tr->flags, r->S[i], r->S[k]))
                error = ng_emit__add(w, r->S[i], r->S[k], r->tr->rel, r->tr->flags, c->s, r->date);
    return error;
}

/* A gapped clause after the object: "Russia signed a treaty with Iran, and China with
 * Pakistan" (and "... with Iran in May, and China with Pakistan in June"): C and D are the
 * sides of the same relation, the verb left out (groups.c keeps C out of the object list). */
static int gapped_edges(ng_work *w, const sctx *c, const reading *r)
{
    if (!r->prep_seen || r->obj < 0 || r->relative_obj) return NG_OK;
    uint32_t p = c->g[r->obj].t0, q = c->g[r->obj].t1;
    if (p > c->a && (ng_w__bits(w, p - 1) & NG_W_DET)) p--;
    if (p <= c->a || !(ng_w__bits(w, p - 1) & NG_W_PREP)) return NG_OK;
    /* over a date or a place ("in May", "in Tehran"): no actor, no verb */
    for (int n = 0; q < c->b && !ng_w__is(w, q, "and"); n++, q++)
        if (n >= 5 || (c->gstart[q - c->a] >= 0 && !c->g[c->gstart[q - c->a]].place) ||
            (!(w->tk.v[q].flags & NG_TK_CAP) && (w->tk.v[q].flags & NG_TK_WORD) &&
             !(ng_w__bits(w, q) & (NG_W_PREP | NG_W_LOCPREP | NG_W_DET | NG_W_YEARPREP))))
            return NG_OK;
    if (++q < c->b && (ng_w__bits(w, q) & NG_W_DET) && c->gstart[q - c->a] < 0) q++;
    int32_t g1 = q < c->b ? c->gstart[q - c->a] : -1;
    if (g1 < 0 || c->g[g1].place || c->g[g1].t1 + 1 >= c->b) return NG_OK;
    q = c->g[g1].t1;
    if (w->tk.v[q].h != w->tk.v[p - 1].h || (w->tk.v[q].flags & NG_TK_CAP)) return NG_OK;
    if (++q < c->b && (ng_w__bits(w, q) & NG_W_DET) && c->gstart[q - c->a] < 0) q++;
    int32_t g2 = q < c->b ? c->gstart[q - c->a] : -1;
    if (g2 < 0 || c->g[g2].place) return NG_OK;
    const group *a = &c->g[g1], *b = &c->g[g2];
    q = b->t1; /* the clause ends after D: "with Tanzania with EU backing" is a modifier */
    if (q < c->b && (w->tk.v[q].flags & NG_TK_WORD) && !(w->tk.v[q].flags & NG_TK_CAP) &&
        !(ng_w__bits(w, q) & (NG_W_PREP | NG_W_LOCPREP | NG_W_YEARPREP)) && !ng_w__is(w, q, "and"))
        return NG_OK;
    return ng_emit__pairs(w, r->tr->rel, r->tr->flags, c->acts + a->a0, a->an, c->acts + b->a0,
                          b->an, c->s, r->date);
}

/* ", as did G" after the trigger ("X met Y, as did Z"; "A and B signed a pact, as did C and
 * D"): G did the same, with the same objects, or with one another when the relation had
 * none; the group G, or -1. */
static int32_t as_did(const ng_work *w, const sctx *c, const reading *r)
{
    for (uint32_t p = r->te; p + 3 < c->b; p++) {
        if (!(w->tk.v[p].flags & NG_TK_PUNCT)) continue; /* the scan looks at punctuation only */
        char ch = *ng_w__fold(w, p);
        if (ch == ';' || ch == '.' || ch == ':') return -1;
        uint32_t t = p + 1;
        if (ch != ',' || !ng_w__is(w, t, "as") ||
            !(ng_w__is(w, t + 1, "did") || ng_w__is(w, t + 1, "does") ||
              (ng_w__bits(w, t + 1) & NG_W_PAST_MARK)))
            continue;
        uint32_t q = t + 2;
        int32_t gi = ng_engine__group_after_dets(w, c, &q);
        return gi >= 0 && !c->g[gi].place && !c->g[gi].pp ? gi : -1;
    }
    return -1;
}

/* "X left the bloc. The other four - A, B ...": an edge of membership or of a trigger with
 * flag memberctx from states to one organization of states makes that organization the one
 * "the other N" of the next sentence belong to (members.c). */
static void member_context(const ng_work *w, cstate *cs, const sctx *c, const reading *r)
{
    if (r->no != 1 || !r->ns ||
        !((r->tr->flags & NG_TRF_MEMBERCTX) || r->tr->rel == ng_relinfo__membership()))
        return;
    const ng_wactor *o = &w->actors[r->O[0]];
    if (o->type != NG_ETYPE_ORG || o->body >= 0) return;
    for (uint32_t i = 0; i < r->ns; i++)
        if (w->actors[r->S[i]].type != NG_ETYPE_STATE) return;
    cs->member_org = r->O[0];
    cs->member_org_sent = c->s;
    for (int i = 0; i < cs->n_bloc_seen; i++)
        if (cs->bloc_seen[i] == r->O[0]) return;
    if (cs->n_bloc_seen < 8) cs->bloc_seen[cs->n_bloc_seen++] = r->O[0];
}

/* The edges subject x object, and what later triggers remember of them. */
static int emit_sides(ng_work *w, cstate *cs, sctx *c, const reading *r)
{
    ng_rel rel = r->tr->rel;
    uint32_t flags = r->tr->flags;
    int error = subject_object_edges(w, c, r);
    if (error >= 0) error = co_signers(w, c, r);
    if (error >= 0) error = co_subjects(w, c, r);
    if (error >= 0) error = gapped_edges(w, c, r);
    int32_t same = as_did(w, c, r);
    if (error >= 0 && same >= 0)
        error = ng_emit__pairs(w, rel, flags, c->acts + c->g[same].a0, c->g[same].an, r->O, r->no,
                               c->s, r->date);
    if (error < 0) return error;
    if (flags & NG_TRF_PARTNERS)
        for (uint32_t i = 0; i < r->ns; i++)
            for (uint32_t k = 0; k < r->no && c->n_pair < GMAX; k++)
                if (ng_emit__types_ok(w, rel, flags, r->S[i], r->O[k]) && r->S[i] != r->O[k]) {
                    c->pair_s[c->n_pair] = r->S[i];
                    c->pair_o[c->n_pair++] = r->O[k];
                }
    /* the partners are "the two sides" of the next sentences */
    if (r->ns + r->no >= 2 && r->ns + r->no <= GMAX) {
        int32_t both[GMAX];
        memcpy(both, r->S, r->ns * sizeof *r->S);
        memcpy(both + r->ns, r->O, r->no * sizeof *r->O);
        if (ng_relinfo__symmetric(rel)) ng_recent__list(w, cs, both, r->ns + r->no, c->s);
    }
    /* "forced out of A in 2022, B in 2023 and C in 2024": the dated objects are "the three"
     * of the next sentences, as a list would be */
    if (r->dated && r->no >= 2 && r->no <= GMAX) ng_recent__list(w, cs, r->O, r->no, c->s);
    member_context(w, cs, c, r);
    if (r->no <= GMAX && r->ns <= GMAX) {
        last_edges *e = &cs->last[rel];
        memcpy(e->obj, r->O, r->no * sizeof *r->O);
        memcpy(e->subj, r->S, r->ns * sizeof *r->S);
        e->n = r->no;
        e->ns = r->ns;
        e->sent = c->s;
        /* a year of its own: another than the article's, or any when the article has none */
        e->past = r->date && strlen(r->date) >= 4 &&
                  (strlen(w->meta.date) < 4 || memcmp(r->date, w->meta.date, 4) != 0);
    }
    return NG_OK;
}

/* No object, a plural subject of a symmetric relation (pair): "X and Y met". Not "X and Y
 * met bankers" (an object that is not an actor; a signed document is another matter), nor
 * "the zone where the countries meet" (borders, not people). */
static int plural_subject(ng_work *w, const sctx *c, const reading *r)
{
    /* inverse: "signatories included A and B": the list is the object */
    int32_t gi = r->agent >= 0 ? r->agent : r->subj >= 0 ? r->subj : r->obj;
    if (gi < 0) return NG_OK;
    const group *g = &c->g[gi];
    uint32_t te = r->te;
    if ((r->tr->flags & NG_TRF_INTRANS) && te < c->b && (w->tk.v[te].flags & NG_TK_WORD) &&
        !(w->tk.v[te].flags & NG_TK_CAP) &&
        !(ng_w__bits(w, te) &
          (NG_W_PREP | NG_W_SKIPADV | NG_W_CLAUSE | NG_W_BE | NG_W_SAY | NG_W_PAST_MARK)) &&
        !ng_w__is(w, te, "and") && !(ng_w__bits(w, te) & NG_W_NOTOBJ) &&
        !(ng_w__bits(w, te) & NG_W_NUMWORD))
        return NG_OK;
    /* "X and Y spoke separately", "met separately with Z": separate meetings; "A and B
     * initialled their own agreements", "... signed their respective accords": each with a
     * party not named here, not with one another */
    if (te < c->b && (ng_w__bits(w, te) & NG_W_SEPARATE)) return NG_OK;
    if (te + 1 < c->b && (ng_w__bits(w, te) & NG_W_PRONTHEY) &&
        ((ng_w__bits(w, te + 1) & NG_W_SEPARATE) || ng_w__is(w, te + 1, "own")))
        return NG_OK;
    /* "X and Y spoke to reporters", "met with officials": a preposition of the verb (or
     * "to") before a noun that is no actor is the verb's object, not a meeting of X and Y */
    if ((r->tr->flags & NG_TRF_INTRANS) && te + 1 < c->b && !r->noun) {
        int prep = ng_w__is(w, te, "to"), direct = 0;
        for (int i = 0; i < r->tr->n_prep && !prep; i++)
            prep = r->tr->prep[i] && r->tr->prep[i] == w->tk.v[te].h;
        for (int i = 0; i < r->tr->n_prep; i++)
            direct |= !r->tr->prep[i];
        /* "X and Y spoke at the opening session": a one-word verb that takes its partner
         * only after a preposition ("spoke with") addresses a venue after "at" + a
         * determiner (not "met at the summit", "held talks at the palace", "talked at
         * length") */
        if (!prep && !direct && r->te == r->ts + 1 && ng_w__is(w, te, "at") &&
            (ng_w__bits(w, te + 1) & NG_W_DET))
            prep = 1;
        uint32_t q = te + 1;
        if (prep && !ng_w__phrase(w, q, c->b, NG_W_RECIPROCAL, NULL)) {
            while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET))
                q++;
            if (q < c->b && c->gcov[q - c->a] < 0 && (w->tk.v[q].flags & NG_TK_WORD) &&
                !(w->tk.v[q].flags & NG_TK_CAP) &&
                !(ng_w__bits(w, q) & (NG_W_NOTOBJ | NG_W_NUMWORD)))
                return NG_OK;
        }
    }
    int people = 0;
    for (uint32_t k = 0; k < g->an; k++)
        people += w->actors[c->acts[g->a0 + k]].type == NG_ETYPE_PERSON;
    uint32_t q = g->t0;
    while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET))
        q--;
    if (!people && q > c->a && ng_w__is(w, q - 1, "where")) return NG_OK;
    /* flag states: "A and B witnessed the signing of ...": their states signed */
    for (uint32_t i = 0; (r->tr->flags & NG_TRF_STATES) && i < g->an; i++)
        for (uint32_t k = i + 1; k < g->an; k++) {
            int error = ng_emit__as_state(w, c->acts[g->a0 + i], c->acts[g->a0 + k], r->tr->rel,
                                          r->tr->flags, c->s, r->date);
            if (error < 0) return error;
        }
    if (r->tr->flags & NG_TRF_STATES) return NG_OK;
    return ng_emit__within(w, c, r->tr->rel, r->tr->flags, g, c->s, r->date);
}

/* Is an actor of g the subject side of a meeting of this sentence with a partner? */
static int partner_subject(const sctx *c, const group *g)
{
    for (uint32_t k = 0; k < c->n_pair; k++)
        for (uint32_t i = 0; i < g->an; i++)
            if (c->pair_s[k] == c->acts[g->a0 + i]) return 1;
    return 0;
}

/* "during talks", "at a meeting", "after ten hours of talks", "following their talks": the
 * possessive's owners, else the list just before ("X along with his counterparts from A and
 * B during talks"), else the subject, met one another. */
static int during_talks(ng_work *w, const sctx *c, const reading *r)
{
    uint32_t p = r->ts - 1;
    /* "following their talks", "their first meeting": the owners met one another */
    for (uint32_t q = p, n = 0; q > c->a && n < 2; q--, n++) {
        int32_t go = c->gend[q - c->a];
        /* "Macron and Scholz's talks": a list that owns the noun */
        if (go < 0 && (w->tk.v[q].flags & NG_TK_POSS) && (go = c->gend[q - 1 - c->a]) >= 0 &&
            c->g[go].an >= 2 && !c->g[go].place && !c->g[go].pp) {
            int error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, &c->g[go], c->s, r->date);
            return error < 0 ? error : DONE;
        }
        if (go >= 0) {
            const group *g = &c->g[go];
            if (!(c->u[g->u0].poss && g->un == 1 && g->an >= 2)) break;
            int error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, g, c->s, r->date);
            return error < 0 ? error : DONE;
        }
        if (!(ng_w__bits(w, q) & NG_W_TITLEMOD) || (w->tk.v[q].flags & NG_TK_CAP)) break;
    }
    while (p > c->a && (ng_w__bits(w, p) & (NG_W_DET | NG_W_TITLEMOD)))
        p--;
    /* "after ten hours of talks", "after almost two days of negotiations" */
    if (p > c->a + 2 && ng_w__is(w, p, "of")) {
        uint32_t q = p - 1;
        for (int n = 0; q > c->a && n < 3 && (w->tk.v[q].flags & NG_TK_WORD) &&
                        !(w->tk.v[q].flags & NG_TK_CAP) && c->gcov[q - c->a] < 0 &&
                        !(ng_w__bits(w, q) & NG_W_PREP);
             n++)
            q--;
        if (q < p - 1 && (ng_w__is(w, q, "after") || ng_w__is(w, q, "following"))) p = q;
    }
    /* "hosted A, B and C for a Quad leaders' meeting": over the noun's modifiers (a name, a
     * possessive, up to five tokens) to "for" right after a list: the list met as one */
    if (ng_w__punct(w, p, '\'') || c->gcov[p - c->a] >= 0 || (w->tk.v[p].flags & NG_TK_POSS) ||
        ((w->tk.v[p].flags & NG_TK_WORD) && !(ng_w__bits(w, p) & NG_W_PREP))) {
        uint32_t q = p;
        for (int n = 0; q > c->a + 1 && n < 5 && !(ng_w__bits(w, q) & NG_W_PREP); n++) {
            uint32_t back = c->gcov[q - c->a] >= 0 ? c->g[c->gcov[q - c->a]].t0 : q;
            if (back <= c->a + 1) break;
            q = back - 1;
        }
        int32_t gf = q > c->a + 1 && q < c->b && ng_w__is(w, q, "for") ? c->gend[q - 1 - c->a] : -1;
        if (gf >= 0 && c->g[gf].an >= 2 && !c->g[gf].place) {
            int error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, &c->g[gf], c->s, r->date);
            return error < 0 ? error : DONE;
        }
    }
    /* "A and B were at the summit", "sat in the same room at the summit": a gathering of
     * many (words class gathering) seats its guests together; only talks or a meeting
     * between them, or their own summit ("their summit", above), is a meeting */
    if (ng_w__bits(w, r->ts) & NG_W_GATHERING) return NG_OK;
    /* "Also present at the meeting were A and B": who attended, not its parties */
    if (p > c->a && ng_w__is(w, p - 1, "present")) return NG_OK;
    int after = ng_w__is(w, p, "after") || ng_w__is(w, p, "following");
    /* "After talks in Ankara, A and B signed ...": the subject after the comma */
    if (!((ng_w__is(w, p, "during") || ng_w__is(w, p, "at") || ng_w__is(w, p, "in") || after) &&
          (p > c->a || after)))
        return NG_OK;
    int32_t gl = p > c->a ? c->gend[p - 1 - c->a] : -1;
    /* "criticised the conduct of A, B and C during the talks": a list in a prepositional
     * phrase is what the sentence is about, not the talks' parties */
    if (gl >= 0 && c->g[gl].pp && !c->g[gl].role && ng_w__is(w, c->g[gl].t0 - 1, "of"))
        return NG_OK;
    if (gl < 0 || c->g[gl].an < 2) {
        gl = r->subj;
        /* "A and B held talks with C in Caracas, at a meeting of defence officials": a
         * subject that already met a partner in this sentence went to the meeting as one
         * side, not to meet one another */
        if (gl >= 0 && partner_subject(c, &c->g[gl])) return NG_OK;
    }
    if (gl < 0 || c->g[gl].an < 2) return NG_OK;
    int error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, &c->g[gl], c->s, r->date);
    return error < 0 ? error : DONE;
}

/* doc: "Bahrain and Israel signed the declaration. The UAE also signed (it)": a subject
 * with an also-word (words class alsoadv) before the verb, no object and no new document
 * after it (nothing, "it", "the" + document, a comma, a preposition), co-signs the text of
 * the latest signing of this sentence or the one before with every party of it. */
static int also_signed(ng_work *w, const cstate *cs, const sctx *c, const reading *r)
{
    const last_edges *e = &cs->last[r->tr->rel];
    uint32_t q = r->te;
    if (!(r->tr->flags & NG_TRF_DOC) || r->noun || r->no || !r->ns ||
        !also_again(w, cs, c, r->ts, r->te, r->tr))
        return NG_OK;
    q = behalf_after(w, c, q);
    if (q < c->b && (ng_w__bits(w, q) & NG_W_PRONIT)) q++;
    else if (q + 1 < c->b && ng_w__is(w, q, "the") && (ng_w__bits(w, q + 1) & NG_W_DOC))
        q += 2;
    /* what may follow: nothing, a date or a place ("on Monday", "in Riyadh"), "as", "and", a
     * clause; not "into law", "off on" */
    if (q < c->b && (w->tk.v[q].flags & NG_TK_WORD) && !(ng_w__bits(w, q) & NG_W_CLAUSE) &&
        !ng_w__is(w, q, "and") && !ng_w__is(w, q, "as") && ng_object__when_phrase(w, c, q) == q)
        return NG_OK;
    int32_t parties[GMAX * 2];
    uint32_t n = 0;
    for (uint32_t k = 0; k < e->ns && n < GMAX * 2; k++)
        parties[n++] = e->subj[k];
    for (uint32_t k = 0; k < e->n && n < GMAX * 2; k++)
        parties[n++] = e->obj[k];
    return ng_emit__pairs(w, r->tr->rel, r->tr->flags, r->S, r->ns, parties, n, c->s, r->date);
}

/* Edges between the actors of groups a and b (each with each). */
static int groups_pairs(ng_work *w, const sctx *c, const reading *r, int32_t a, int32_t b)
{
    const group *ga = &c->g[a], *gb = &c->g[b];
    return ng_emit__pairs(w, r->tr->rel, r->tr->flags, c->acts + ga->a0, ga->an, c->acts + gb->a0,
                          gb->an, c->s, r->date);
}

/* "Rwanda joined Kenya and Uganda in signing the declaration": the main subject with each
 * of the joined; "Kenya, alongside Uganda and Tanzania, signed": the subject with each of the
 * alongside group, whose members act together too (a symmetric relation with no object). */
static int joined_pairs(ng_work *w, const sctx *c, const reading *r)
{
    if (!ng_relinfo__symmetric(r->tr->rel)) return NG_OK;
    int error;
    int32_t az = alongside_subject(w, c, r);
    if (az >= 0) {
        if ((error = groups_pairs(w, c, r, r->subj, az)) < 0) return error;
        if (c->g[az].an >= 2 &&
            (error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, &c->g[az], c->s, r->date)) < 0)
            return error;
    }
    int32_t yg, ms = joined_in(w, c, r, &yg);
    if (ms < 0 || c->g[ms].place || c->g[ms].poss) return NG_OK;
    return groups_pairs(w, c, r, ms, yg);
}

/* "Kenya and Uganda signed the accord, as did Tanzania": one actor after "as did" and a
 * definite document (the same one) co-signs with the subjects. */
static int cosigners(ng_work *w, const sctx *c, const reading *r, int32_t same)
{
    if (same < 0 || c->g[same].an != 1 || !(r->tr->flags & NG_TRF_DOC) || r->subj < 0 ||
        r->te >= c->b || !(ng_w__is(w, r->te, "the") || ng_w__is(w, r->te, "it")))
        return NG_OK;
    return groups_pairs(w, c, r, same, r->subj);
}

/* The edges of a trigger that lacks a side (no object, or no subject). */
static int without_object(ng_work *w, cstate *cs, const sctx *c, const reading *r)
{
    int error;
    int sym = ng_relinfo__symmetric(r->tr->rel);
    if (!r->no && (error = joined_pairs(w, c, r)) < 0) return error;
    if (r->ns >= 2 && sym && (r->tr->flags & NG_TRF_PAIR) && !r->noun) {
        /* "A and B signed the declaration": its parties, for "C also signed it" */
        if ((r->tr->flags & NG_TRF_DOC) && r->ns <= GMAX) {
            last_edges *e = &cs->last[r->tr->rel];
            memcpy(e->subj, r->S, r->ns * sizeof *r->S);
            e->ns = r->ns;
            e->n = 0;
            e->sent = c->s;
        }
        int32_t same = as_did(w, c, r);
        if (same >= 0 && c->g[same].an >= 2 &&
            (error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, &c->g[same], c->s,
                                     r->date)) < 0)
            return error;
        if ((error = cosigners(w, c, r, same)) < 0) return error;
        return plural_subject(w, c, r);
    }
    if (r->no) return NG_OK;
    if ((error = also_signed(w, cs, c, r)) < 0) return error;
    /* "A signed the declaration" with no partner named: its party, for "B signed on behalf
     * of his country" in the next sentence */
    if ((r->tr->flags & NG_TRF_DOC) && !r->noun && r->ns && r->ns <= GMAX &&
        (cs->last[r->tr->rel].sent != c->s ||
         !(cs->last[r->tr->rel].n + cs->last[r->tr->rel].ns))) {
        last_edges *e = &cs->last[r->tr->rel];
        memcpy(e->subj, r->S, r->ns * sizeof *r->S);
        e->ns = r->ns;
        e->n = 0;
        e->sent = c->s;
    }
    if (r->noun && sym && r->ts > c->a && (error = during_talks(w, c, r)) != NG_OK)
        return error < 0 ? error : NG_OK;
    /* "... met X, resulting in the signing of a plan": the same partners signed */
    if ((r->tr->flags & NG_TRF_BYPARTNERS) && c->n_pair)
        for (uint32_t k = 0; k < c->n_pair; k++)
            if ((error = ng_emit__add(w, c->pair_s[k], c->pair_o[k], r->tr->rel, r->tr->flags, c->s,
                                      r->date)) < 0)
                return error;
    return NG_OK;
}

/* A reduced passive of a verb only a person does: "the Government of National Stability
 * headed by X", "the mission, led by Y": the agent after "by" is the subject, the actor right
 * before the verb (a comma between at most) the object; 1 when so read. */
static int person_passive(const ng_work *w, const sctx *c, reading *r)
{
    uint32_t q = r->te, p = r->ts;
    if (r->noun || r->agent >= 0 || q + 1 >= c->b || !ng_w__is(w, q, "by") ||
        ng_rel_allows(r->tr->rel, NG_ETYPE_STATE, NG_ETYPE_ORG) ||
        ng_rel_allows(r->tr->rel, NG_ETYPE_ORG, NG_ETYPE_ORG))
        return 0;
    /* "the council, now chaired by X": an adverb before the participle */
    if (p > c->a + 1 && (ng_w__bits(w, p - 1) & NG_W_SKIPADV) &&
        !(w->tk.v[p - 1].flags & NG_TK_CAP))
        p--;
    if (p > c->a && ng_w__punct(w, p - 1, ',')) p--;
    /* "the National Security Committee (NSC) chaired by X": the acronym in brackets */
    if (p > c->a + 3 && ng_w__punct(w, p - 1, ')') && ng_w__punct(w, p - 3, '(')) p -= 3;
    int32_t before = p > c->a ? c->gend[p - 1 - c->a] : -1;
    int32_t gi = c->gstart[q + 1 - c->a];
    /* "a Chilean delegation led by X" is the delegation's, not a body X heads */
    if (before < 0 || gi < 0 || c->g[before].place || c->g[gi].place || c->g[gi].an != 1 ||
        w->actors[c->acts[c->g[gi].a0]].type != NG_ETYPE_PERSON ||
        ng_subject__led_by(w, c, &c->g[gi]) >= 0)
        return 0;
    r->agent = gi;
    r->subj = before;
    r->te = q + 1;
    return 1;
}

/* "X, accused by Y of ..., denied": a directed relation's reduced passive after a comma has
 * the agent gi (at token q) as subject and the actor before the comma as object ("Sudan's
 * army," over a possessive's government or troops noun); DONE when there is none. */
static int comma_passive(const ng_work *w, const sctx *c, reading *r, int32_t gi, uint32_t q,
                         uint32_t p)
{
    /* p: the comma */
    int32_t before = p > c->a ? c->gend[p - 1 - c->a] : -1;
    if (before < 0 && p > c->a + 2 && (ng_w__bits(w, p - 1) & (NG_W_GOVNOUN | NG_W_TROOPS)) &&
        (w->tk.v[p - 2].flags & NG_TK_POSS))
        before = c->gend[p - 3 - c->a];
    /* "the GUUAM group, formed with A and B": a bloc noun after the organization's name */
    if (before < 0 && p > c->a + 1 && (ng_w__bits(w, p - 1) & NG_W_BLOCNOUN) &&
        !(w->tk.v[p - 1].flags & NG_TK_CAP))
        before = c->gend[p - 2 - c->a];
    if (before < 0 || c->g[before].place || before == gi) return DONE;
    r->agent = gi;
    r->subj = before;
    r->te = q;
    return NG_OK;
}

/* "Founded in 1967 by A, B and C, ASEAN now has ten members": a sentence that opens with a
 * participle of membership (a date or a place may follow), "by" and the founders, then a
 * comma and the organization; the list and the organization are one group ("A, B and C,
 * ASEAN") when a comma follows the "and" of the founders. The founders are members. */
static int opening_participle(ng_work *w, const sctx *c, reading *r)
{
    uint32_t q = r->te;
    if (r->tr->rel != ng_relinfo__membership()) return NG_OK;
    for (int n = 0; q < c->b && n < 4 && c->gcov[q - c->a] < 0 && !ng_w__is(w, q, "by"); n++) {
        if (!(w->tk.v[q].flags & (NG_TK_CAP | NG_TK_NUM)) &&
            !(ng_w__bits(w, q) & (NG_W_LOCPREP | NG_W_YEARPREP | NG_W_DET)))
            return NG_OK;
        q++;
    }
    if (q + 1 >= c->b || !ng_w__is(w, q, "by")) return NG_OK;
    q++;
    int32_t gi = ng_engine__group_after_dets(w, c, &q);
    if (gi < 0 || c->g[gi].place || c->g[gi].poss) return DONE;
    const group *g = &c->g[gi];
    int32_t members[GMAX], org = -1;
    uint32_t n = 0, and_seen = 0;
    for (uint32_t ui = g->u0; ui < g->u0 + g->un; ui++) {
        const unit *u = &c->u[ui];
        if (ui > g->u0) {
            uint32_t p = c->u[ui - 1].t1;
            uint32_t d = u->t0;
            while (d > p + 1 && (ng_w__bits(w, d - 1) & NG_W_DET))
                d--;
            and_seen |= ng_w__is(w, d - 1, "and");
            /* ", ASEAN", ", the GCC": a comma after the founders' "and" ends them */
            if (and_seen && d == p + 1 && ng_w__punct(w, p, ',')) {
                if (ui + 1 == g->u0 + g->un && u->an == 1) org = c->acts[u->a0];
                break;
            }
        }
        for (uint32_t k = 0; k < u->an && n < GMAX; k++) {
            if (u->place || w->actors[c->acts[u->a0 + k]].type != NG_ETYPE_STATE) return DONE;
            members[n++] = c->acts[u->a0 + k];
        }
    }
    /* "by A and B, the bloc ...": the organization in a group of its own after the comma */
    if (org < 0 && g->t1 + 1 < c->b && ng_w__punct(w, g->t1, ',')) {
        uint32_t k = g->t1 + 1;
        int32_t si = ng_engine__group_after_dets(w, c, &k);
        if (si >= 0 && c->g[si].an == 1 && !c->g[si].place && !c->g[si].poss)
            org = c->acts[c->g[si].a0];
    }
    if (org < 0 || !n || w->actors[org].type != NG_ETYPE_ORG || w->actors[org].body >= 0)
        return DONE;
    int error = ng_emit__pairs(w, r->tr->rel, r->tr->flags, members, n, &org, 1, c->s, r->date);
    return error < 0 ? error : DONE;
}

/* "the pact signed", "the agreement in the field of energy signed": a document word right
 * before the participle at ts, or up to five words before it over lower-case words and
 * prepositions naming no actor. */
static int doc_before(const ng_work *w, const sctx *c, uint32_t ts)
{
    for (uint32_t k = ts; k > c->a && k + 6 > ts;) {
        ng_wbits bits = ng_w__bits(w, --k);
        if (bits & NG_W_DOC) return 1;
        if (!(w->tk.v[k].flags & NG_TK_WORD) || (w->tk.v[k].flags & NG_TK_CAP) ||
            c->gcov[k - c->a] >= 0 ||
            (bits & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL | NG_W_NEG)) ||
            ng_w__is(w, k, "and") || ng_w__is(w, k, "by") || ng_w__is(w, k, "between") ||
            ng_w__is(w, k, "with"))
            return 0;
    }
    return 0;
}

/* "the agreement between A and B, signed in Washington in August, ...": a participle after
 * a comma (or a passive after "be": "an accord between A, B and C was signed") with no
 * agent, right after a document's list of two or more after "between": the document's own
 * parties signed it (DONE), else NG_OK. */
static int document_parties(ng_work *w, const sctx *c, const reading *r)
{
    uint32_t comma = r->ts - 1;
    /* "A trilateral accord between A, B and C was signed on Friday": the passive's own
     * subject, over "be" (and adverbs), stands where the comma does */
    uint32_t k = r->ts;
    int be = 0;
    while (k > c->a + 1 && (ng_w__bits(w, k - 1) & (NG_W_BE | NG_W_PAST_MARK | NG_W_SKIPADV))) {
        k--;
        be |= (ng_w__bits(w, k) & NG_W_BE) != 0;
    }
    if (be && c->gend[k - 1 - c->a] >= 0) {
        comma = k;
    } else {
        be = 0;
    }
    if (!(r->tr->flags & NG_TRF_DOC) || !ng_relinfo__symmetric(r->tr->rel) ||
        !(be || ng_w__punct(w, comma, ',')))
        return NG_OK;
    int32_t gi = comma > c->a ? c->gend[comma - 1 - c->a] : -1;
    if (gi < 0 || c->g[gi].an < 2 || c->g[gi].place) return NG_OK;
    uint32_t p = c->g[gi].t0;
    if (p > c->a && (ng_w__bits(w, p - 1) & NG_W_DET)) p--;
    if (!(p > c->a + 1 && ng_w__is(w, p - 1, "between") && (ng_w__bits(w, p - 2) & NG_W_DOC)))
        return NG_OK;
    int error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, &c->g[gi], c->s, r->date);
    return error < 0 ? error : DONE;
}

/* Where a reduced passive's object ends: ts - 1 when a comma is right before the participle
 * at ts ("ALBA, founded by A and B"); ts when a description that names an actor ("the
 * alliance", a coreference in lower case after "the") is right before it ("ALBA, the alliance
 * founded by A and B": the description is the object); else 0. A bare noun ("X, a claim
 * rejected by Y") is no actor and keeps the active reading. */
static uint32_t passive_comma(const ng_work *w, const sctx *c, uint32_t ts)
{
    if (ts <= c->a) return 0;
    if (ng_w__punct(w, ts - 1, ',')) return ts - 1;
    int32_t gd = c->gend[ts - 1 - c->a];
    if (gd < 0) return 0;
    const group *g = &c->g[gd];
    const unit *u = &c->u[g->u0 + g->un - 1];
    /* "the alliance founded by", "a five-nation bloc founded in 1989 with" (an indefinite
     * is a unit only in apposition to an organization: coref.c apposed_indefinite) */
    int the = ng_w__is(w, u->t0, "the") || ng_w__is(w, u->t0, "a") ||
              (u->t0 > c->a && ng_w__is(w, u->t0 - 1, "the"));
    return the && u->t1 == ts && !(w->tk.v[ts - 1].flags & NG_TK_CAP) ? ts : 0;
}

/* "the GUUAM group, formed with A, B and C", "Y, founded in 1989 with A and B": a founding
 * participle (membership, flag alongside) of an organization names its founders after
 * "with" as after "by"; 1 when "with" at q is that and a list of states follows. */
static int founded_with(const ng_work *w, const sctx *c, const reading *r, uint32_t q)
{
    if (r->tr->rel != ng_relinfo__membership() || !(r->tr->flags & NG_TRF_ALONGSIDE) ||
        q + 1 >= c->b || !ng_w__is(w, q, "with"))
        return 0;
    q++;
    int32_t gi = ng_engine__group_after_dets(w, c, &q);
    if (gi < 0 || c->g[gi].place || c->g[gi].poss || c->g[gi].role) return 0;
    for (uint32_t k = 0; k < c->g[gi].an; k++)
        if (w->actors[c->acts[c->g[gi].a0 + k]].type != NG_ETYPE_STATE) return 0;
    return 1;
}

/* A reduced passive "N, signed by A and B", "a meeting with X, hosted by Z" (no "be"), also
 * right after a document ("the pact signed [in Doha] by A and B", "the treaty signed between
 * A and B"): the agents signed with one another, or the host met this sentence's partners;
 * never the active reading with the nearest group as subject. */
static int reduced_passive(ng_work *w, const sctx *c, reading *r)
{
    uint32_t q = r->te;
    if (person_passive(w, c, r)) return NG_OK;
    if (!r->noun && r->agent < 0 && r->ts == c->a) return opening_participle(w, c, r);
    if (r->noun || r->agent >= 0 || r->ts <= c->a) return NG_OK;
    /* "the pact signed by A and B", "the treaty signed in Nairobi by A and B": right after a
     * document noun, over a place */
    int doc = (r->tr->flags & NG_TRF_DOC) && doc_before(w, c, r->ts);
    /* a directed relation also after an apposition's noun ("ALBA, the alliance founded by") */
    uint32_t comma = passive_comma(w, c, r->ts);
    if (comma && comma + 1 < r->ts && ng_relinfo__symmetric(r->tr->rel)) comma = 0;
    /* "memorandums were signed between A and B": a passive of a document, over "be" */
    uint32_t p = r->ts - 1;
    while (p > c->a && (ng_w__bits(w, p) & (NG_W_BE | NG_W_PAST_MARK | NG_W_SKIPADV)))
        p--;
    int be_doc = !doc && p < r->ts - 1 && (ng_w__bits(w, p) & NG_W_DOC) &&
                 (r->tr->flags & NG_TRF_DOC);
    doc |= be_doc;
    if (doc && q + 1 < c->b && (ng_w__bits(w, q) & NG_W_LOCPREP) && c->gstart[q + 1 - c->a] >= 0 &&
        c->g[c->gstart[q + 1 - c->a]].place)
        q = c->g[c->gstart[q + 1 - c->a]].t1;
    /* "the accord signed on Monday by A and B", "signed in May 2020 by": a date, no actor */
    if ((doc || comma) && q < c->b && !ng_w__is(w, q, "by") &&
        !ng_w__is(w, q, "between")) {
        uint32_t k = q, len;
        for (int n = 0; k < c->b && n < 4 && c->gcov[k - c->a] < 0 && !ng_w__is(w, k, "by") &&
                        !(doc && ng_w__is(w, k, "between")) && !founded_with(w, c, r, k);
             n++) {
            if ((len = ng_w__phrase(w, k, c->b, NG_W_DAYSAGO | NG_W_YEARSAGO, NULL)) != 0) {
                k += len; /* "last year", "yesterday" */
                continue;
            }
            if (!(w->tk.v[k].flags & (NG_TK_CAP | NG_TK_NUM)) &&
                !(ng_w__bits(w, k) & (NG_W_PREP | NG_W_LOCPREP | NG_W_YEARPREP | NG_W_DET)))
                break;
            k++;
        }
        if (k < c->b && k > q && (ng_w__is(w, k, "by") || (doc && ng_w__is(w, k, "between")) ||
                                  founded_with(w, c, r, k)))
            q = k;
    }
    if (!doc && q < c->b && !ng_w__is(w, q, "by") && !ng_w__is(w, q, "between")) {
        int error = document_parties(w, c, r);
        if (error != NG_OK) return error;
    }
    if (!(doc || comma) || q >= c->b ||
        !((ng_w__is(w, q, "by") && !be_doc) || (doc && ng_w__is(w, q, "between")) ||
          (comma && founded_with(w, c, r, q))))
        return NG_OK;
    q++;
    int32_t gi = ng_engine__group_after_dets(w, c, &q);
    if (gi >= 0 && !c->g[gi].place && !doc && !ng_relinfo__symmetric(r->tr->rel))
        return comma_passive(w, c, r, gi, q, comma);
    if (gi < 0 || c->g[gi].place || !ng_relinfo__symmetric(r->tr->rel)) return DONE;
    const group *g = &c->g[gi];
    int error = NG_OK;
    if (g->an >= 2 && (r->tr->flags & NG_TRF_PAIR))
        error = ng_emit__within(w, c, r->tr->rel, r->tr->flags, g, c->s, r->date);
    else if (g->an == 1)
        for (uint32_t k = 0; k < c->n_pair && error >= 0; k++) {
            int32_t z = c->acts[g->a0];
            error =
                ng_emit__pairs(w, r->tr->rel, r->tr->flags, &z, 1, &c->pair_s[k], 1, c->s, r->date);
            if (error >= 0)
                error = ng_emit__pairs(w, r->tr->rel, r->tr->flags, &z, 1, &c->pair_o[k], 1, c->s,
                                       r->date);
        }
    return error < 0 ? error : DONE;
}

/* "the Modi-Xi talks", "the Trump - Putin summit": a noun of a symmetric relation right
 * after a pair of its sides (pairs.c), unless called off, planned or denied ("the planned
 * Trump-Putin summit", "the Modi-Xi meeting was postponed"); the pair are partners. */
static int pair_before(ng_work *w, cstate *cs, sctx *c, const reading *r)
{
    int32_t two[2];
    uint32_t start;
    if (!r->noun || r->ts <= c->a || !(r->tr->flags & NG_TRF_COUNTERPART) ||
        !ng_relinfo__symmetric(r->tr->rel))
        return NG_OK;
    int error = ng_pairs__before(w, cs, c, r->ts, two, &start);
    if (error <= 0) return error;
    if (ng_modality__blocks(w, c, -1, start, r->te, 1) ||
        !ng_emit__types_ok(w, r->tr->rel, r->tr->flags, two[0], two[1]))
        return DONE;
    if ((error = ng_emit__add(w, two[0], two[1], r->tr->rel, r->tr->flags, c->s, r->date)) < 0)
        return error;
    if ((r->tr->flags & NG_TRF_PARTNERS) && c->n_pair < GMAX) {
        c->pair_s[c->n_pair] = two[0];
        c->pair_o[c->n_pair++] = two[1];
    }
    ng_recent__list(w, cs, two, 2, c->s);
    return DONE;
}

/* The group after "by" right after a quotation that opens at q ('"a step backwards" by
 * X'): the agent of the act the quotation judges, -1. */
static int32_t agent_after_quote(const ng_work *w, const sctx *c, uint32_t q)
{
    uint32_t e = ng_object__quote_skip(w, c, q);
    if (e == q || e + 1 >= c->b || !ng_w__is(w, e, "by")) return -1;
    uint32_t k = e + 1;
    int32_t gi = ng_engine__group_after_dets(w, c, &k);
    return gi >= 0 && (!c->g[gi].place || c->g[gi].adj) ? gi : -1;
}

/* A judged act with no owner ("X condemned Y's raid. Z called the incident 'unacceptable'",
 * "Z also condemned the blockade", "Z denounced the seizure as ..."): "the/this/that" and an
 * act noun right after a trigger of the relation with flag poss or quote, no actor of the
 * sentence as its object, and (quote) a quotation after it that praises nothing. The act is
 * the one of the latest hostile edges (event_sides), or of the agent after "by" right after
 * the quotation (then r->obj is that group). 1 when r->event or that object is set. */
static int event_object(const ng_work *w, const sctx *c, reading *r)
{
    uint32_t q = r->te;
    /* a quoted verb: "strongly condemns" the launch */
    if (q < c->b && ng_w__punct(w, q, '"') && (w->tk.v[q - 1].flags & NG_TK_INQUOTE)) q++;
    if (r->noun || !(r->tr->flags & (NG_TRF_QUOTE | NG_TRF_POSS)) || q + 2 > c->b) return 0;
    /* 'condemned the strike, calling it "an escalation" by X': "it" that stands for an act
     * (no actor: coref.c act_before) takes only the agent after the quotation */
    if ((r->tr->flags & NG_TRF_QUOTE) && ng_w__is(w, q, "it") && c->gcov[q - c->a] < 0) {
        uint32_t k = q + 1;
        if (ng_w__is(w, k, "a") || ng_w__is(w, k, "an")) k++;
        int32_t gi = agent_after_quote(w, c, k);
        if (gi < 0 || quote_praises(w, c, k)) return 0;
        r->obj = gi;
        return 1;
    }
    if (!(ng_w__is(w, q, "the") || ng_w__is(w, q, "this") || ng_w__is(w, q, "that"))) return 0;
    /* up to two lower-case words before the act noun: "the police action" */
    for (int n = 0; n < 2 && q + 2 < c->b && !(ng_w__bits(w, q + 1) & NG_W_ACTNOUN); n++, q++)
        if (!(w->tk.v[q + 1].flags & NG_TK_WORD) || (w->tk.v[q + 1].flags & NG_TK_CAP) ||
            c->gcov[q + 1 - c->a] >= 0 || (ng_w__bits(w, q + 1) & (NG_W_PREP | NG_W_CLAUSE)))
            return 0;
    if (c->gcov[q + 1 - c->a] >= 0 || (w->tk.v[q + 1].flags & NG_TK_CAP) ||
        !(ng_w__bits(w, q + 1) & NG_W_ACTNOUN))
        return 0;
    if (r->tr->flags & NG_TRF_QUOTE) {
        if (!ng_object__quote_after(w, c, q + 2) || quote_praises(w, c, q + 2)) return 0;
        /* 'called the decision "a step backwards" by X': the act's agent after the quotation */
        int32_t gi = agent_after_quote(w, c, q + 2);
        if (gi >= 0) {
            r->obj = gi;
            return 1;
        }
    } else if (r->obj >= 0 || quote_praises(w, c, q + 2))
        return 0;
    r->event = 1;
    r->obj = -1; /* a group after the quotation is no object of this trigger */
    return 1;
}

/* The state an actor stands for, a state body's state too ("Chile's foreign ministry"). */
static int32_t event_side(const ng_work *w, int32_t a)
{
    if (a >= 0 && w->actors[a].type == NG_ETYPE_PERSON) a = w->actors[a].affil;
    if (a >= 0 && w->actors[a].type == NG_ETYPE_ORG && w->actors[a].body_state >= 0)
        a = w->lex_actor[w->actors[a].body_state];
    return a >= 0 && w->actors[a].type == NG_ETYPE_STATE ? a : -1;
}

/* 1 when actor a is one of the reading's subjects or on their side. */
static int judge_side(const ng_work *w, const reading *r, int32_t a)
{
    for (uint32_t i = 0; i < r->ns; i++) {
        int32_t sa = event_side(w, a), ss = event_side(w, r->S[i]);
        if (a == r->S[i] || (sa >= 0 && sa == ss)) return 1;
    }
    return 0;
}

/* The objects of an event reading, from the latest hostile edges of this sentence or the
 * two before: the last condemnation's targets, or its authors when a target is on the
 * judging side and the edge is of this sentence or the one before ("Peru's X likened
 * Chile's Y to a tyrant. Chile's ministry called the remarks ...": the remarks are X's); the other
 * side of another hostile edge whose author is on the judging side ("Managua broke off relations
 * with Quito, calling the raid ..."). */
/* 1 when every subject of the reading is a person with no state decided yet. */
static int unplaced_judges(const ng_work *w, const reading *r)
{
    for (uint32_t i = 0; i < r->ns; i++)
        if (w->actors[r->S[i]].type != NG_ETYPE_PERSON || w->actors[r->S[i]].affil >= 0) return 0;
    return r->ns > 0;
}

static void event_sides(const ng_work *w, const cstate *cs, const sctx *c, reading *r)
{
    const last_edges *best = NULL;
    int use_subj = 0;
    for (ng_rel k = 0; k < ng_relinfo__count(); k++) {
        const last_edges *e = &cs->last[k];
        int own = k == r->tr->rel, subj = 0, judge = 0;
        if (!e->n || !e->ns || c->s - e->sent > 2 || !ng_rel_hostile(k) || e->past ||
            (best && (e->sent < best->sent || (e->sent == best->sent && !own))))
            continue;
        for (uint32_t i = 0; i < e->n; i++)
            subj |= judge_side(w, r, e->obj[i]);
        for (uint32_t i = 0; i < e->ns; i++)
            judge |= judge_side(w, r, e->subj[i]);
        /* "President X announced that Mexico was breaking off relations with Ecuador,
         * calling the raid ...": a person whose state is not decided yet judges with the
         * authors of another hostile edge of their own sentence */
        if (!own && !judge && e->sent == c->s && unplaced_judges(w, r)) judge = 1;
        /* the authors of the judged act only right after their edge: further back, "the
         * statements" may be anyone's */
        if ((own && subj && (judge || c->s - e->sent > 1)) || (!own && (!judge || subj)))
            continue;
        best = e;
        use_subj = own && subj;
    }
    if (!best) return;
    for (uint32_t k = 0; k < (use_subj ? best->ns : best->n) && r->no < GMAX * 2; k++)
        r->O[r->no++] = use_subj ? best->subj[k] : best->obj[k];
}

/* "Trump said China 'operates' the canal, comments Panama has rejected": a trigger with
 * flag poss and no object whose subject comes right after ", [det] <act noun>" (words class
 * actnoun: comments, remarks, claims) judges what the clause before said: its main subject
 * (one actor, no place, opening the sentence) is the object. */
static void appositive_act_object(const ng_work *w, const sctx *c, reading *r)
{
    if (r->obj >= 0 || r->noun || r->subj < 0 || !(r->tr->flags & NG_TRF_POSS) ||
        !ng_object__has_direct(r->tr))
        return;
    uint32_t q = c->g[r->subj].t0;
    if (q < c->a + 3 || (w->tk.v[q - 1].flags & NG_TK_CAP) ||
        !(ng_w__bits(w, q - 1) & NG_W_ACTNOUN) || c->gcov[q - 1 - c->a] >= 0)
        return;
    uint32_t k = q - 1;
    if (k > c->a && (ng_w__bits(w, k - 1) & NG_W_DET)) k--;
    if (k <= c->a + 1 || !ng_w__punct(w, k - 1, ',')) return;
    /* the clause's subject opens the sentence ("Western governments say mercenaries of the
     * Wagner Group are ..., a claim Bamako rejects": no actor made the claim) */
    int32_t gi = ng_subject__main(w, c, k - 1);
    if (gi < 0 || gi == r->subj || c->g[gi].an != 1 || c->g[gi].place || c->g[gi].t1 > k)
        return;
    for (uint32_t t = c->a; t < c->g[gi].t0; t++) /* a title before it: "US President X" */
        if (!(w->tk.v[t].flags & NG_TK_CAP) && !(ng_w__bits(w, t) & NG_W_DET)) return;
    r->obj = gi;
}

/* A relative clause without "which": "Eritrea rejoined the regional body it had quit in
 * 2007", "Gambia rejoined the Commonwealth it left in 2013". A verb whose subject is a
 * pronoun right after a verb's object, with no object of its own: the object is that
 * noun phrase, the subject the subject of that verb (the group right before it). */
static void contact_relative(const ng_work *w, const sctx *c, reading *r)
{
    if (r->obj >= 0 || r->noun || !ng_object__has_direct(r->tr)) return;
    uint32_t p = r->ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_PAST_MARK)))
        p--;
    if (p < c->a + 4 || !(ng_w__bits(w, p - 1) & NG_W_SUBJPRON) ||
        (ng_w__bits(w, p - 1) & NG_W_PRONHE))
        return;
    int32_t ante = c->gend[p - 2 - c->a];
    if (ante < 0 || c->g[ante].place || c->g[ante].poss || c->g[ante].an != 1) return;
    /* the antecedent is the object of a verb: a lower-case word right before it */
    uint32_t q = c->g[ante].t0;
    while (q > c->a && c->gend[q - 1 - c->a] < 0 && (ng_w__bits(w, q - 1) & NG_W_DET))
        q--;
    if (q < c->a + 2 || !(w->tk.v[q - 1].flags & NG_TK_WORD) ||
        (w->tk.v[q - 1].flags & NG_TK_CAP) ||
        (ng_w__bits(w, q - 1) & (NG_W_PREP | NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_DET)))
        return;
    int32_t sg = c->gend[q - 2 - c->a];
    if (sg < 0 || sg == ante || c->g[sg].place || c->g[sg].poss) return;
    r->obj = ante;
    r->subj = sg;
}

/* "Jammeh withdrew The Gambia from the Commonwealth", "Trump withdrew the United States from
 * the Paris Agreement": a state right after an exit verb (memberctx), and "from" right after
 * it, is the one that leaves; the verb's subject only made it leave. */
static void causative_exit(const ng_work *w, const sctx *c, reading *r)
{
    if (r->noun || r->agent >= 0 || r->obj < 0 || !(r->tr->flags & NG_TRF_MEMBERCTX) ||
        r->tr->rel == ng_relinfo__membership())
        return;
    uint32_t q = r->te;
    if (q < c->b && ng_w__is(w, q, "the")) q++;
    int32_t gi = q < c->b ? c->gstart[q - c->a] : -1;
    if (gi < 0 || gi == r->obj || gi == r->subj || c->g[gi].place || c->g[gi].pp ||
        c->g[gi].poss || c->g[gi].t1 >= c->b || !ng_w__is(w, c->g[gi].t1, "from") ||
        c->g[r->obj].t0 <= c->g[gi].t1)
        return;
    for (uint32_t i = 0; i < c->g[gi].an; i++)
        if (w->actors[c->acts[c->g[gi].a0 + i]].type != NG_ETYPE_STATE) return;
    r->subj = gi;
}

/* "held indirect talks with X", "proximity talks between A and B": a word of class indirect
 * inside the trigger or right before it; the parties did not meet face to face. */
static int indirect_event(const ng_work *w, const sctx *c, const reading *r)
{
    for (uint32_t t = r->ts > c->a ? r->ts - 1 : r->ts; t < r->te && t < c->b; t++)
        if (ng_w__bits(w, t) & NG_W_INDIRECT) return 1;
    return 0;
}

/* "Leaders approved the admission of Venezuela as a full member of Mercosur": "as" right
 * before a membership trigger, after "of" and a group that an entry noun (words class
 * entrynoun) owns, the noun phrase after a verb that makes it a fact (words class
 * approveverb: not "blocked the entry of X as a member"); that group, else -1. */
static int32_t entry_subject(const ng_work *w, const sctx *c, const reading *r)
{
    if (r->tr->rel != ng_relinfo__membership() || r->noun || r->ts < c->a + 6 ||
        !ng_w__is(w, r->ts - 1, "as"))
        return -1;
    int32_t gi = c->gend[r->ts - 2 - c->a];
    if (gi < 0 || c->g[gi].place || c->g[gi].poss || c->g[gi].role) return -1;
    uint32_t q = c->g[gi].t0;
    if (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET)) q--;
    if (q < c->a + 3 || !ng_w__is(w, q - 1, "of") || !(ng_w__bits(w, q - 2) & NG_W_ENTRYNOUN))
        return -1;
    q -= 2;
    for (int n = 0; q > c->a && n < 3 && !(ng_w__bits(w, q - 1) & NG_W_APPROVEVERB); n++) {
        /* "approved the formal admission of": a determiner and lower-case modifiers */
        if (!(w->tk.v[q - 1].flags & NG_TK_WORD) || (w->tk.v[q - 1].flags & NG_TK_CAP) ||
            c->gcov[q - 1 - c->a] >= 0)
            return -1;
        q--;
    }
    if (q <= c->a || !(ng_w__bits(w, q - 1) & NG_W_APPROVEVERB)) return -1;
    /* "has not approved", "may have approved": the verb's own modality (the trigger's
     * subject is after it, where the modality of the trigger does not look) */
    for (uint32_t k = q - 1; k > c->a && k + 4 > q; k--)
        if (ng_w__bits(w, k - 1) & (NG_W_NEG | NG_W_MODAL | NG_W_PLAN)) return -1;
    return gi;
}

/* Is a noun of relation rel within six words before ts, with no punctuation between ("at
 * a summit in the so-called Normandy format hosted by")? */
static int meeting_noun_before(const ng_work *w, const sctx *c, ng_rel rel, uint32_t ts)
{
    for (uint32_t k = ts; k > c->a && k + 6 > ts;) {
        k--;
        if (!(w->tk.v[k].flags & NG_TK_WORD)) return 0;
        for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[k].h); i >= 0;
             i = w->lex->triggers[i].next)
            if (w->lex->triggers[i].rel == rel && w->lex->triggers[i].form == NG_TR_NOUN) return 1;
    }
    return 0;
}

/* Is there a verb trigger of relation rel among tokens [t0, t1) that is a fact for the
 * subject group gs ("A and B met", not "A and B will meet")? */
static int verb_trigger_between(const ng_work *w, const sctx *c, ng_rel rel, int32_t gs,
                                uint32_t t0, uint32_t t1)
{
    for (uint32_t k = t0; k < t1 && k < c->b; k++)
        for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[k].h); i >= 0;
             i = w->lex->triggers[i].next)
            if (w->lex->triggers[i].rel == rel && w->lex->triggers[i].form == NG_TR_VERB)
                return !ng_modality__blocks(w, c, gs, k, k + 1, 0);
    return 0;
}

/* "A and B met in Paris, at a summit hosted by X [and attended by Y]": a venue verb's
 * passive right after the meeting noun of this sentence's meeting; the host (and the
 * guest after "and <participle> by") met its parties (the main subject, before a verb of
 * the relation, and this sentence's partners) and each other. DONE, else NG_OK. */
static int hosted_gathering(ng_work *w, const sctx *c, const reading *r)
{
    ng_rel rel = r->tr->rel;
    if (r->noun || !ng_relinfo__symmetric(rel) || !(ng_w__bits(w, r->ts) & NG_W_VENUEVERB) ||
        r->te + 1 >= c->b || !ng_w__is(w, r->te, "by") || !meeting_noun_before(w, c, rel, r->ts))
        return NG_OK;
    /* the parties: the sentence's main subject, when a verb of this relation follows it */
    int32_t ms = ng_subject__main(w, c, r->ts);
    if (ms < 0 || c->g[ms].place || !verb_trigger_between(w, c, rel, ms, c->g[ms].t1, r->ts))
        return NG_OK;
    int32_t hosts[2 * GMAX], parts[2 * GMAX];
    uint32_t nh = 0, np = 0, q = r->te + 1;
    for (int side = 0; side < 2; side++) {
        int32_t gi = ng_engine__group_after_dets(w, c, &q);
        if (gi < 0 || c->g[gi].place) break;
        for (uint32_t k = 0; k < c->g[gi].an && nh < 2 * GMAX; k++)
            hosts[nh++] = c->acts[c->g[gi].a0 + k];
        /* "... and attended by Y" */
        q = c->g[gi].t1;
        if (q + 3 >= c->b || !ng_w__is(w, q, "and") || !ng_w__is(w, q + 2, "by")) break;
        q += 3;
    }
    if (!nh) return NG_OK;
    for (uint32_t k = 0; k < c->g[ms].an && np < 2 * GMAX; k++)
        parts[np++] = c->acts[c->g[ms].a0 + k];
    for (uint32_t k = 0; k < c->n_pair && np + 1 < 2 * GMAX; k++) {
        parts[np++] = c->pair_s[k];
        parts[np++] = c->pair_o[k];
    }
    int error = ng_emit__pairs(w, rel, r->tr->flags, hosts, nh, parts, np, c->s, r->date);
    for (uint32_t i = 0; i + 1 < nh && error >= 0; i++)
        error = ng_emit__pairs(w, rel, r->tr->flags, hosts + i, 1, hosts + i + 1, nh - i - 1,
                               c->s, r->date);
    return error < 0 ? error : DONE;
}

/* Steps 2 to 4: subject, modality, object; DONE when the reading ends there. */
static int arguments(ng_work *w, cstate *cs, sctx *c, reading *r)
{
    int error;
    r->subj = ng_subject__of_trigger(w, c, r->tr, r->ts, r->te);
    int32_t entry = entry_subject(w, c, r);
    if (entry >= 0) r->subj = entry;
    if (!r->noun) r->agent = ng_subject__agent(w, c, r->ts, &r->te);
    /* "whose members include A and B, would ask ...": a member noun's own verb makes the
     * trigger a clause, which the modality after its list does not reach */
    int noun_clause = r->noun && !(r->tr->flags & NG_TRF_INVERSE);
    if (ng_modality__blocks(w, c, r->subj, r->ts, r->te, noun_clause) &&
        !((r->tr->flags & NG_TRF_ANNOUNCED) && ng_modality__announced(w, c, r->subj, r->ts)))
        return DONE;
    if (indirect_event(w, c, r)) return DONE;
    if ((error = hosted_gathering(w, c, r)) != NG_OK) return error;
    if ((error = reduced_passive(w, c, r)) != NG_OK) return error;
    if (r->tr->flags & NG_TRF_SELFOBJ) return self_object(w, cs, c, r);
    if ((error = take_object(w, c, r)) != NG_OK) return error;
    if ((error = each_other(w, c, r)) != NG_OK) return error;
    if ((error = relative_object(w, c, r)) != NG_OK) return error;
    if ((error = relative_prep_object(w, c, r)) != NG_OK) return error;
    appositive_act_object(w, c, r);
    contact_relative(w, c, r);
    causative_exit(w, c, r);
    if ((error = bracket_members(w, c, r)) < 0) return error;
    if (event_object(w, c, r)) return NG_OK;
    return object_checks(w, c, r);
}


/* Where a match's own words start for its negation test: after the "and that" of a
 * coordinated clause that the pattern's "that" went on to (triggers.c later_that:
 * "complained that it had been without a leader and that X had blocked ..."), else ts. */
static uint32_t coordinated_that(const ng_work *w, uint32_t ts, uint32_t te)
{
    uint32_t own = ts;
    for (uint32_t t = ts + 2; t < te; t++)
        if (ng_w__is(w, t, "that") && ng_w__is(w, t - 1, "and")) own = t;
    return own;
}
/* Flag purpose: "summoned the envoys of A and B to protest": within the clause after the
 * verb, "to" before a word that starts a trigger of the same relation. */
static int purpose_follows(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t te)
{
    for (uint32_t k = te; k + 1 < c->b && k < te + 24; k++) {
        if (ng_w__punct(w, k, '.') || ng_w__punct(w, k, ';') || ng_w__punct(w, k, ':') ||
            ng_w__punct(w, k, '"') || (ng_w__bits(w, k) & NG_W_CLAUSE))
            return 0;
        if (!ng_w__is(w, k, "to")) continue;
        for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[k + 1].h); i >= 0;
             i = w->lex->triggers[i].next)
            if (w->lex->triggers[i].rel == tr->rel &&
                !(w->lex->triggers[i].flags & NG_TRF_PURPOSE))
                return 1;
    }
    return 0;
}

int ng_relation__run(ng_work *w, cstate *cs, sctx *c, const ng_trigger *tr, uint32_t ts,
                     uint32_t te, int32_t gap_group)
{
    reading r;
    int error;
    memset(&r, 0, sizeof r);
    r.tr = tr;
    r.ts = ts;
    r.te = te;
    r.gap_group = gap_group;
    r.noun = tr->form == NG_TR_NOUN;
    r.date = ng_sentdates__nearest(w, c, ts);
    r.subj = r.obj = r.agent = -1;
    if ((tr->flags & NG_TRF_DOC) &&
        (!(sentence_has(w, c, NG_W_DOC) || also_again(w, cs, c, ts, te, tr) ||
           org_signed_by(w, c, ts, te)) ||
         doc_object_event(w, c, &r)))
        return NG_OK;
    if ((tr->flags & NG_TRF_PURPOSE) && !purpose_follows(w, c, tr, te)) return NG_OK;
    /* "became a candidate member", "is an observer member": not a member; "made no complaint
     * against", "cut no ties": a negation in the gap */
    uint32_t own = coordinated_that(w, ts, te);
    for (uint32_t t = ts; t < te; t++)
        if ((ng_w__bits(w, t) & NG_W_NOTMEMBER) || (t > own && (ng_w__bits(w, t) & NG_W_NEG)))
            return NG_OK;
    if ((tr->flags & NG_TRF_DIPLOMATIC) && other_ties(w, ts, te)) return NG_OK;
    /* "its candidate members include A", "its members are not A": a word before a noun
     * trigger that denies membership, a negation right after an inverse one */
    if ((r.noun && ts > c->a && (ng_w__bits(w, ts - 1) & NG_W_NOTMEMBER)) ||
        ((tr->flags & NG_TRF_INVERSE) && te < c->b && (ng_w__bits(w, te) & NG_W_NEG)))
        return NG_OK;
    if ((error = the_two_again(w, c, &r)) != NG_OK) return error < 0 ? error : NG_OK;
    if ((error = pair_before(w, cs, c, &r)) != NG_OK) return error < 0 ? error : NG_OK;
    if ((error = arguments(w, cs, c, &r)) != NG_OK) {
        /* a verb after "and" shares this one's subject even when it gave no edge: "X called
         * the remark 'offensive' and accused Y" */
        if (error > 0 && r.subj >= 0 && r.agent < 0) c->last_subj = r.subj;
        return error < 0 ? error : NG_OK;
    }
    if ((tr->flags & NG_TRF_ORGSUBJ) && !ng_members__org_subject_ok(w, c, r.subj, r.obj, r.te))
        return NG_OK;
    subject_side(w, c, &r);
    object_side(w, c, &r);
    if (tr->flags & NG_TRF_ORGSUBJ) counted_more(w, c, &r);
    /* the bloc of the sentences before, when states joined or left it, comes before the
     * object of the latest membership ("Togo may leave ECOWAS. Ghana remains a member") */
    previous_bloc_object(w, cs, c, &r);
    absolute_with_object(w, c, &r);
    reuse_last_object(w, cs, c, &r);
    member_context_object(cs, c, &r);
    reply_object(w, cs, c, &r);
    if (r.event && !r.no) event_sides(w, cs, c, &r);
    /* a verb after "and" shares the grammatical subject: "X was received by Y and later
     * met Z" is X's meeting with Z, not the agent's */
    c->last_subj = r.agent >= 0 ? r.obj : r.subj;
    if (tr->flags & NG_TRF_INVERSE) swap_sides(&r);
    if (r.no && r.ns) return emit_sides(w, cs, c, &r);
    return without_object(w, cs, c, &r);
}
