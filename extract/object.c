/* object.c - the object of a trigger: a group of the sentence, or -1.
 *
 * The first group after the trigger, or after one of its prepositions, that is not a place
 * nor in a prepositional phrase of its own; a possessive group is the thing it owns unless
 * the trigger says otherwise (flags poss, owner); a demonym adjective only for a
 * condemnation (poss, quote). "criticised what he called X's attitude" skips the inner
 * clause; a role phrase whose head the trigger took is the object ("one of the founding
 * members of X"). Also: members listed in brackets after an organization, a repeated
 * preposition ("out of Mali and out of Chad"), a quotation after the object, the agent of an
 * act noun ("a betrayal by X"). */
#include "engine.h"

#include <string.h>

static int is_prep_of(const ng_trigger *tr, uint64_t h)
{
    for (int i = 0; i < tr->n_prep; i++)
        if (tr->prep[i] && tr->prep[i] == h) return 1;
    return 0;
}

int ng_object__has_direct(const ng_trigger *tr)
{
    for (int i = 0; i < tr->n_prep; i++)
        if (!tr->prep[i]) return 1;
    return 0;
}

/* "criticised what he called Israel's attitude": the object follows the inner clause; the
 * token where the search starts. */
static uint32_t after_inner_clause(const ng_work *w, const sctx *c, uint32_t j)
{
    if (!(j + 2 < c->b && ng_w__is(w, j, "what") &&
          (c->gstart[j + 1 - c->a] >= 0 || (ng_w__bits(w, j + 1) & NG_W_SUBJPRON))))
        return j;
    /* "what it called": a pronoun no actor stands for is the inner clause's subject too */
    uint32_t k = c->gstart[j + 1 - c->a] >= 0 ? c->g[c->gstart[j + 1 - c->a]].t1 : j + 2;
    if (k < c->b && (ng_w__bits(w, k) & (NG_W_NAMINGVERB | NG_W_SAY))) return k + 1;
    return j;
}

/* quote: "called Australia's move 'a stab in the back'": a possessive that owns an act noun
 * (words class actnoun, one modifier between at most) is judged with its act. */
static int owns_act(const ng_work *w, const sctx *c, const ng_trigger *tr, const group *g)
{
    if (!(tr->flags & NG_TRF_QUOTE)) return 0;
    uint32_t j = g->t1 < c->b && (w->tk.v[g->t1].flags & NG_TK_POSS) ? g->t1 + 1 : g->t1;
    for (uint32_t k = j; k < c->b && k < j + 2 && (w->tk.v[k].flags & NG_TK_WORD); k++)
        if (ng_w__bits(w, k) & NG_W_ACTNOUN) return 1;
    return 0;
}

/* "criticised fellow NATO member Hungary", "met EU member states Austria and Malta": an
 * organization before a member noun (one word may follow it) and an actor is the members'
 * organization, not the object. */
static int org_of_member(const ng_work *w, const sctx *c, const group *g)
{
    if (g->an != 1 || w->actors[c->acts[g->a0]].type != NG_ETYPE_ORG || g->t1 + 1 >= c->b ||
        !(ng_w__bits(w, g->t1) & (NG_W_MEMBERNOUN | NG_W_BLOCPLURAL)))
        return 0;
    uint32_t q = g->t1 + 1;
    if (c->gstart[q - c->a] < 0 && q + 1 < c->b && (w->tk.v[q].flags & NG_TK_WORD) &&
        !(w->tk.v[q].flags & NG_TK_CAP))
        q++;
    return c->gstart[q - c->a] >= 0 && !c->g[c->gstart[q - c->a]].place;
}

int ng_object__names_event(const ng_work *w, const sctx *c, const group *g)
{
    if (g->an != 1 || w->actors[c->acts[g->a0]].type != NG_ETYPE_ORG) return 0;
    return (g->t1 > g->t0 + 1 && (ng_w__bits(w, g->t1 - 1) & NG_W_EVENTNOUN)) ||
           (g->t1 < c->b && (ng_w__bits(w, g->t1) & NG_W_EVENTNOUN));
}

/* Is group gi, met in the search, the object? If not, *j gets where the search goes on. */
static int is_object(const ng_work *w, const sctx *c, const ng_trigger *tr, int32_t gi, int prep,
                     int direct, uint32_t te, uint32_t *j)
{
    const group *g = &c->g[gi];
    int owned = g->poss && !(tr->flags & NG_TRF_POSS) && !ng_groups__poss_owner(w, c, g) &&
                !owns_act(w, c, tr, g);
    /* "criticised the Russian decision", "complained about Swedish criticism" */
    if (g->adj && (tr->flags & (NG_TRF_POSS | NG_TRF_QUOTE)) && (prep || direct)) return 1;
    *j = g->t1;
    if (g->place || org_of_member(w, c, g)) return 0;
    /* "runs the big Sonatrach plant": the site, not the organization */
    if (g->an == 1 && w->actors[c->acts[g->a0]].type == NG_ETYPE_ORG &&
        ng_role__names_facility(w, g->t1, c->b))
        return 0;
    /* "walked out of the OSCE session", "left the ECOWAS summit": an organization's name
     * before a lower-case event noun qualifies the event; an exit (or a return) takes the
     * organization itself */
    if ((tr->flags & NG_TRF_MEMBERCTX) && g->t1 < c->b && (ng_w__bits(w, g->t1) & NG_W_EVENTNOUN) &&
        !(w->tk.v[g->t1].flags & NG_TK_CAP)) {
        *j = c->b;
        return 0;
    }
    /* "hosted the talks as chair of the grouping": a role after "as" is the subject's
     * capacity, no object */
    if (g->role && g->t0 > c->a && ng_w__is(w, g->t0 - 1, "as")) return 0;
    /* "hosted the ASEAN Summit", "received them at the EU summit": an organization that
     * names an event is no party met */
    if ((tr->flags & NG_TRF_COUNTERPART) && ng_relinfo__symmetric(tr->rel) &&
        ng_object__names_event(w, c, g)) {
        *j = c->b;
        return 0;
    }
    if (prep) {
        /* "with Russia's state nuclear corporation Rosatom": the owned thing */
        if (owned && !(tr->flags & NG_TRF_OWNER)) {
            *j = g->t1 + 1;
            return 0;
        }
        return 1;
    }
    if (!direct) return 0;
    /* a preposition that is part of the trigger ("sit in it", "sit in the SCO") does not
     * make the object a prepositional phrase */
    uint32_t q = tr->flags & NG_TRF_ORGSUBJ ? ng_members__counted_intro(w, c, te, g->t0) : te;
    while (q < g->t0 && (ng_w__bits(w, q) & NG_W_DET))
        q++;
    /* purpose: "summoned the envoys of A and B to protest": the envoys' states */
    int envoys_of = (tr->flags & NG_TRF_PURPOSE) && g->t0 > te + 1 &&
                    ng_w__is(w, g->t0 - 1, "of") && (ng_w__bits(w, g->t0 - 2) & NG_W_PERSONNOUN);
    /* "received a delegation led by X": the delegation's leaders are the object */
    if (g->pp && !g->role && g->t0 != q && !envoys_of && ng_subject__led_by(w, c, g) < 0) return 0;
    if (owned) {
        *j = g->t1 + 1;
        return 0;
    }
    return 1;
}

/* A past tense right after a lower-case noun ("the talks surprised"): an "-ed" word with no
 * hyphen ("Saudi-led" is an adjective) after a word that is no determiner, preposition or
 * modifier's adverb ("internationally backed"). */
static int past_after_noun(const ng_work *w, const sctx *c, uint32_t t)
{
    if (t <= c->a) return 0;
    const ng_tok *k = &w->tk.v[t], *p = &w->tk.v[t - 1];
    const char *f = ng_w__fold(w, t), *pf = ng_w__fold(w, t - 1);
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_CAP) || k->flen < 5 ||
        memcmp(f + k->flen - 2, "ed", 2) != 0 || memchr(f, '-', k->flen))
        return 0;
    return (p->flags & NG_TK_WORD) && !(p->flags & (NG_TK_CAP | NG_TK_NUM)) &&
           c->gcov[t - 1 - c->a] < 0 &&
           !(ng_w__bits(w, t - 1) & (NG_W_DET | NG_W_PREP | NG_W_SKIPADV)) &&
           !(p->flen > 2 && memcmp(pf + p->flen - 2, "ly", 2) == 0);
}

/* An "-ing" word ("helping", "meddling"): the English ending is morphology, not a list. */
static int ing_word(const ng_work *w, uint32_t t)
{
    return (w->tk.v[t].flags & NG_TK_WORD) && w->tk.v[t].flen > 4 &&
           memcmp(ng_w__fold(w, t) + w->tk.v[t].flen - 3, "ing", 3) == 0;
}

/* Does a trigger of tr's relation start at token j (not a purpose verb: see
 * verb_trigger_at)? */
static int same_relation(const ng_work *w, const ng_trigger *tr, uint32_t j)
{
    for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[j].h); i >= 0;
         i = w->lex->triggers[i].next)
        if (w->lex->triggers[i].rel == tr->rel &&
            !(w->lex->triggers[i].flags & NG_TRF_PURPOSE))
            return 1;
    return 0;
}

/* Does a trigger start at j that is a verb of its own? A purpose verb ("and summoned X's
 * envoy") is none unless its infinitive follows: the search goes on to its object. */
static int verb_trigger_at(const ng_work *w, uint32_t j)
{
    for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[j].h); i >= 0;
         i = w->lex->triggers[i].next)
        if (!(w->lex->triggers[i].flags & NG_TRF_PURPOSE)) return 1;
    return 0;
}

/* Does punctuation at j end the search? ";", ":", ")", "." do; a quotation mark unless the
 * trigger wants one; a comma right after a verb ends its clause ("the zone where the
 * countries meet, was made public by ..."). */
static int punct_ends(const ng_work *w, const ng_trigger *tr, uint32_t j, uint32_t te)
{
    char ch = *ng_w__fold(w, j);
    if (ch == ';' || ch == ':' || ch == ')' || ch == '.') return 1;
    if (ch == '"' && !(tr->flags & NG_TRF_QUOTE)) return 1;
    return ch == ',' && j == te && tr->form == NG_TR_VERB;
}

/* Does a comma right after a group open the clause of the verb that ends at te ("Chad,
 * criticised for ...")? */
static int opened_by_comma(const ng_work *w, const sctx *c, uint32_t te)
{
    uint32_t p = te;
    while (p > c->a && !(w->tk.v[p - 1].flags & NG_TK_PUNCT) && c->gcov[p - 1 - c->a] < 0 &&
           !(ng_w__bits(w, p - 1) & (NG_W_CLAUSE | NG_W_PREP | NG_W_DET)) && p + 4 > te)
        p--;
    return p > c->a + 1 && ng_w__punct(w, p - 1, ',') && c->gend[p - 2 - c->a] >= 0;
}

/* ofobj: "condemnation of X", "their "firm condemnation" of X's war": the group right after
 * the preposition (determiners between), -1 if none. */
static int32_t of_object(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t te,
                         int *prep_seen)
{
    uint32_t j = te;
    /* the closing mark of a quotation the noun ends */
    if (j < c->b && ng_w__punct(w, j, '"') && (w->tk.v[j - 1].flags & NG_TK_INQUOTE)) j++;
    if (j >= c->b || !is_prep_of(tr, w->tk.v[j].h)) return -1;
    *prep_seen = 1;
    j++;
    int32_t gi = ng_engine__group_after_dets(w, c, &j);
    uint32_t next = 0;
    return gi >= 0 && is_object(w, c, tr, gi, 1, 0, te, &next) ? gi : -1;
}

uint32_t ng_object__quote_skip(const ng_work *w, const sctx *c, uint32_t t)
{
    if (t + 1 >= c->b || !ng_w__punct(w, t, '"') || !(w->tk.v[t + 1].flags & NG_TK_INQUOTE))
        return t;
    for (uint32_t k = t + 1; k < c->b && k < t + 10; k++) {
        if (c->gcov[k - c->a] >= 0) return t;
        if (ng_w__punct(w, k, '"')) return k + 1;
    }
    return t;
}

/* poss: "condemned the attack on civilians by X", "a betrayal by X", "the strikes carried
 * out by X": after an act noun (words class actnoun), the agent after "by" is the target
 * (1), and a demonym after "on"/"against" (or "of" after an act noun that does not name its
 * agent with it) names its victims, not the target ("the attack on Israeli civilians by X",
 * "the killing of Libyan fishermen"; -1: skip the group). */
static int act_agent(const ng_work *w, const sctx *c, const ng_trigger *tr, int32_t gi, int act)
{
    const group *g = &c->g[gi];
    uint32_t p = g->t0;
    if (!act || !(tr->flags & NG_TRF_POSS) || g->poss || (g->place && !g->adj)) return 0;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_DET | NG_W_NUMWORD)))
        p--;
    if (p == c->a) return 0;
    /* "the killing of Libyan fishermen": "of" after an act noun that does not name its agent
     * with it (number 1: "the meddling of X") names the victims too */
    if (g->adj)
        return ng_w__is(w, p - 1, "on") || ng_w__is(w, p - 1, "against") ||
                       (ng_w__is(w, p - 1, "of") && p > c->a + 1 &&
                        (ng_w__bits(w, p - 2) & NG_W_ACTNOUN) &&
                        ng_lex__word_number(w->lex, w->tk.v[p - 2].h) != 1)
                   ? -1
                   : 0;
    return ng_w__is(w, p - 1, "by");
}

/* poss: "condemned the sanctions that the Baltic states imposed", "the raid which X carried
 * out": right after an act noun, the subject of its relative clause (followed by a plain
 * verb, not "is", "said", "must") is the target; -1 otherwise (the clause ends the search). */
static int32_t act_relative(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t j)
{
    if (!(tr->flags & NG_TRF_POSS) || j <= c->a || !(ng_w__bits(w, j - 1) & NG_W_ACTNOUN) ||
        !(ng_w__is(w, j, "that") || ng_w__is(w, j, "which")))
        return -1;
    uint32_t q = j + 1;
    int32_t gi = ng_engine__group_after_dets(w, c, &q);
    if (gi < 0 || c->g[gi].place || c->g[gi].poss || c->g[gi].t1 >= c->b) return -1;
    uint32_t v = c->g[gi].t1;
    if (!(w->tk.v[v].flags & NG_TK_WORD) || (w->tk.v[v].flags & NG_TK_CAP) ||
        (ng_w__bits(w, v) & (NG_W_BE | NG_W_SAY | NG_W_MODAL | NG_W_NEG | NG_W_PLAN |
                             NG_W_PREP | NG_W_CLAUSE | NG_W_PAST_MARK)))
        return -1;
    return gi;
}

/* poss: "denounced the interference of X", "the "manoeuvres" of X": at "of" (token j) right
 * after an act noun whose "of" names its agent (words class actnoun, number 1; not "the
 * invasion of X", whose "of" names the victim), over its closing quotation mark, the group
 * after "of" (determiners between) is the target; -1 if none. */
static int32_t agent_of(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t j)
{
    if (!(tr->flags & NG_TRF_POSS) || !ng_w__is(w, j, "of")) return -1;
    uint32_t n = j - 1;
    if (n > c->a && ng_w__punct(w, n, '"')) n--;
    if (!(ng_w__bits(w, n) & NG_W_ACTNOUN) || ng_lex__word_number(w->lex, w->tk.v[n].h) != 1)
        return -1;
    uint32_t q = j + 1;
    int32_t gi = ng_engine__group_after_dets(w, c, &q);
    return gi >= 0 && !c->g[gi].place && !c->g[gi].poss ? gi : -1;
}

/* "hosted a Chinese delegation headed by X": the delegation's leaders (whose state
 * object_side adds) rather than the group that owns the noun; else gi. */
static int32_t led_by_after(const ng_work *w, const sctx *c, int32_t gi)
{
    uint32_t q = c->g[gi].t1;
    if (q + 2 >= c->b || !(ng_w__bits(w, q) & NG_W_LEDBY) ||
        !ng_w__is(w, q + 1, "by"))
        return gi;
    int32_t lg = c->gstart[q + 2 - c->a];
    return lg >= 0 && !c->g[lg].place && ng_subject__led_by(w, c, &c->g[lg]) >= 0 ? lg : gi;
}

/* "condemned, in the strongest terms, the raid": a phrase between commas right after a
 * verb that opens with a preposition or an adverb and names no actor (at most eight words)
 * stands aside; the token after its closing comma, else t. */
static uint32_t parenthetical_skip(const ng_work *w, const sctx *c, const ng_trigger *tr,
                                   uint32_t t)
{
    if (tr->form != NG_TR_VERB || t + 2 >= c->b || !ng_w__punct(w, t, ',') ||
        !(ng_w__bits(w, t + 1) & (NG_W_PREP | NG_W_SKIPADV)) || ng_w__is(w, t + 1, "and"))
        return t;
    for (uint32_t k = t + 1; k < c->b && k < t + 10; k++) {
        if (c->gcov[k - c->a] >= 0 || (ng_w__bits(w, k) & (NG_W_CLAUSE | NG_W_SAY))) return t;
        if (ng_w__punct(w, k, ',')) return k > t + 1 ? k + 1 : t;
        if ((w->tk.v[k].flags & NG_TK_PUNCT)) return t;
    }
    return t;
}

/* '"strongly condemns" the launch, his spokesperson X said': a group after a comma (up to
 * three words between, none an actor) right before a verb of saying is the speech tag of
 * the sentence, not an object. */
static int speech_tag_group(const ng_work *w, const sctx *c, const group *g, uint32_t te)
{
    if (g->t1 >= c->b || !(ng_w__bits(w, g->t1) & NG_W_SAY) || g->t0 <= te) return 0;
    for (uint32_t p = g->t0; p > te && p + 4 > g->t0; p--) {
        if (ng_w__punct(w, p - 1, ',')) return 1;
        if (!(w->tk.v[p - 1].flags & NG_TK_WORD) || c->gcov[p - 1 - c->a] >= 0) return 0;
    }
    return 0;
}

/* "sat down with Pacific island leaders at the summit venue, including A and B", "met
 * regional ministers, among them A and B" (a symmetric relation): after a lower-case noun of people
 * at j that names no actor, the list after ", including", "such as" or ", among them" (within ten
 * tokens of the same clause) stands for it; the group, else -1. */
static int32_t people_noun_list(const ng_work *w, const sctx *c, uint32_t j)
{
    for (uint32_t k = j + 1; k + 1 < c->b && k < j + 10; k++) {
        uint32_t q = 0;
        if (ng_w__punct(w, k, '.') || ng_w__punct(w, k, ';') || ng_w__punct(w, k, ':') ||
            (ng_w__bits(w, k) & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE)) || verb_trigger_at(w, k))
            return -1;
        if (ng_w__is(w, k, "including") && ng_w__punct(w, k - 1, ','))
            q = k + 1;
        else if (ng_w__is(w, k, "such") && ng_w__is(w, k + 1, "as"))
            q = k + 2;
        else if (ng_w__is(w, k, "among") && k + 2 < c->b && ng_w__is(w, k + 1, "them") &&
                 ng_w__punct(w, k - 1, ','))
            q = k + 2;
        if (!q) continue;
        int32_t gi = ng_engine__group_after_dets(w, c, &q);
        return gi >= 0 && !c->g[gi].place ? gi : -1;
    }
    return -1;
}

/* A lower-case noun of people at j as the object of a symmetric relation's verb (a meeting
 * with leaders including X is one with X; a condemnation of "several neighbours, including
 * Togo" names no target): 1 when it decides the object (*out, -1 for none): the list after
 * it (people_noun_list), or none when a place follows it ("sat down with Caribbean leaders
 * at the CARICOM Secretariat"; not "officials in Beijing", who are the state's: units.c). */
static int people_noun(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t j,
                       int32_t *out)
{
    if ((w->tk.v[j].flags & NG_TK_CAP) || c->gcov[j - c->a] >= 0 || !ng_relinfo__symmetric(tr->rel))
        return 0;
    if ((*out = people_noun_list(w, c, j)) >= 0) return 1;
    return j + 1 < c->b && !(ng_w__bits(w, j) & NG_W_GOVNOUN) &&
           (ng_w__is(w, j + 1, "at") || ng_w__is(w, j + 1, "in"));
}

/* "talks were held in Riyadh on Tuesday between A and B": a date or a place before a noun's
 * preposition costs the search no step; the token after it, else j. */
static uint32_t noun_when_skip(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t j,
                               int prep)
{
    if (tr->form != NG_TR_NOUN || prep ||
        !(ng_w__bits(w, j) & (NG_W_PREP | NG_W_LOCPREP | NG_W_YEARPREP)) ||
        is_prep_of(tr, w->tk.v[j].h))
        return j;
    return ng_object__when_phrase(w, c, j);
}

/* 'condemned "Russia's illegal attempt to annex Crimea"', 'condemned "the brutal Israeli
 * aggression"': a condemnation that judges an owner's act (flag poss) may quote its whole
 * object; the opening mark right after the verb is read through, the closing one ends the
 * search as any quotation mark does. */
static int quoted_object(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t j,
                         uint32_t te, int direct)
{
    return direct && j == te && tr->form == NG_TR_VERB && (tr->flags & NG_TRF_POSS) &&
           j + 1 < c->b && ng_w__punct(w, j, '"') &&
           (w->tk.v[j + 1].flags & NG_TK_INQUOTE);
}

/* A punctuation mark at j on the way to the object: 1 when it is read through (the closing
 * mark of a short quotation after a determiner, kept in *qclose), -1 when it ends the search,
 * 0 when it is one more step. */
static int punct_at(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t j, uint32_t te,
                    int direct, uint32_t *qclose)
{
    /* 'denounced the "manoeuvres" of X': a short quotation naming no actor after a
     * determiner is read through */
    if (direct && j == *qclose) return 1;
    if (direct && ng_w__punct(w, j, '"') && j > c->a &&
        (ng_w__bits(w, j - 1) & NG_W_DET) &&
        ng_object__quote_skip(w, c, j) != j) {
        *qclose = ng_object__quote_skip(w, c, j) - 1;
        return 1;
    }
    if (quoted_object(w, c, tr, j, te, direct)) return 1;
    if (punct_ends(w, tr, j, te)) return -1;
    /* "Chad, criticised for the delays, met Cameroon": a participle clause that a
     * comma opened ends at the next comma */
    if (ng_w__punct(w, j, ',') && tr->form == NG_TR_VERB && opened_by_comma(w, c, te))
        return -1;
    /* ", and al-Sadiq accused ...": a new clause (a list would have started) */
    if (ng_w__punct(w, j, ',') && j + 1 < c->b &&
        (ng_w__is(w, j + 1, "and") || ng_w__is(w, j + 1, "but")))
        return -1;
    /* "condemned the attack, as did Turkey": a comparison names another subject */
    if (ng_w__punct(w, j, ',') && j + 2 < c->b && ng_w__is(w, j + 1, "as") &&
        (ng_w__is(w, j + 2, "did") || ng_w__is(w, j + 2, "does") ||
         ng_w__is(w, j + 2, "do") || ng_w__is(w, j + 2, "has") ||
         ng_w__is(w, j + 2, "have")))
        return -1;
    /* "signed an accord in Beijing, with China as the broker / with X looking on": a
     * "with" after a comma, once the trigger's words are behind, opens an absolute
     * phrase of its own */
    if (ng_w__punct(w, j, ',') && j > te && j + 1 < c->b && ng_w__is(w, j + 1, "with"))
        return -1;
    /* "ordered the withdrawal, rejecting calls from the UK": a participle after a comma
     * opens a clause of its own, whose actors are not the trigger's ("including" goes on
     * with a list) */
    if (ng_w__punct(w, j, ',') && j + 1 < c->b && ing_word(w, j + 1) &&
        !(w->tk.v[j + 1].flags & NG_TK_CAP) && !ng_w__is(w, j + 1, "including"))
        return -1;
    return 0;
}

/* A word at j on the way to the object: 1 with the answer in *out (an agent, a people noun,
 * a relative's actor, or -1 when the word ends the search), 0 when it is one more step; *act
 * records an act noun passed. */
static int word_at(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t j, uint32_t te,
                   int prep, int direct, int *act, int32_t *out)
{
    ng_wbits bits = ng_w__bits(w, j);
    *out = -1;
    int32_t ag = direct ? agent_of(w, c, tr, j) : -1;
    if (ag >= 0) {
        *out = ag;
        return 1;
    }
    *act |= (bits & NG_W_ACTNOUN) != 0;
    int32_t pn;
    if ((bits & (NG_W_PERSONNOUN | NG_W_GROUPNOUN)) && (prep || direct) &&
        people_noun(w, c, tr, j, &pn)) {
        *out = pn;
        return 1;
    }
    if ((bits & NG_W_CLAUSE) && !ng_w__is(w, j, "as")) {
        *out = act_relative(w, c, tr, j);
        return 1;
    }
    if ((bits & NG_W_SAY) && j > te) return 1;
    /* "accused the force of helping the rebels", "which it accused of arming the
     * rebels": the rebels are not the target */
    if (direct && (ng_w__is(w, j, "of") || ng_w__is(w, j, "for")) && j >= te &&
        j + 1 < c->b && ing_word(w, j + 1))
        return 1;
    /* "rejected the accusations of arming the RSF": a pattern that ends in "of" takes
     * an actor, not what the accusation says was done */
    if (direct && j == te && j > c->a &&
        (ng_w__is(w, j - 1, "of") || ng_w__is(w, j - 1, "for")) && ing_word(w, j))
        return 1;
    /* "rejected any attempt to link the country to the attack": the object of an
     * infinitive after a noun is not the target */
    if (direct && j > te + 1 && ng_w__is(w, j, "to") && j + 1 < c->b &&
        c->gstart[j + 1 - c->a] < 0 && (w->tk.v[j + 1].flags & NG_TK_WORD) &&
        !(w->tk.v[j + 1].flags & NG_TK_CAP) &&
        !(ng_w__bits(w, j + 1) & (NG_W_DET | NG_W_NUMWORD)) &&
        (w->tk.v[j - 1].flags & NG_TK_WORD) && !(ng_w__bits(w, j - 1) & NG_W_SKIPADV))
        return 1;
    /* "withdrew from the nuclear deal with Iran", "pulled out of the accord between
     * A and B": after the trigger's preposition, a "with" or "between" names the
     * parties of what is left, not what is left */
    if (prep && (ng_w__is(w, j, "with") || ng_w__is(w, j, "between"))) return 1;
    /* "withdrew from three agreements of the CIS": after the trigger's preposition,
     * a document in lower case before "of" is what is left; its owner is not */
    if (prep && (bits & NG_W_DOC) && !(w->tk.v[j].flags & NG_TK_CAP) && j + 1 < c->b &&
        ng_w__is(w, j + 1, "of"))
        return 1;
    /* "the withdrawal from the talks surprised Y": a past tense after the noun the
     * preposition took ends the object's phrase */
    if (prep && j > te + 1 && past_after_noun(w, c, j)) return 1;
    /* "spoke of a planned meeting with X": the preposition is the nearer trigger's
     * (not a passive's participle: "talks were held between A and B") */
    if (j > te && !prep && same_relation(w, tr, j) && !(ng_w__bits(w, j - 1) & NG_W_BE) &&
        !((bits & NG_W_GUESTNOUN) && (ng_w__bits(w, j - 1) & NG_W_DET)))
        return 1; /* (not "received the visiting minister": a modifier) */
    /* "hosted the envoys and accused Y": the second verb's object */
    if (ng_w__is(w, j, "and") && j > te && j + 1 < c->b &&
        (verb_trigger_at(w, j + 1) ||
         (ng_w__bits(w, j + 1) & NG_W_SAY)))
        return 1;
    return 0;
}

/* Where ng_object__find starts to look for the object after the trigger ending at *te: past
 * a closing quotation mark (which then ends the trigger: *te moves), an inner clause, a
 * parenthetical or a counted noun's introduction. Apart from the walk, which it precedes. */
static uint32_t object_start(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t *te,
                             int direct)
{
    /* 'said it "strongly condemns" the raid': the quotation the trigger ends */
    if (*te < c->b && ng_w__punct(w, *te, '"') && (w->tk.v[*te - 1].flags & NG_TK_INQUOTE) &&
        !(w->tk.v[*te].flags & NG_TK_INQUOTE))
        (*te)++;
    uint32_t j = direct ? after_inner_clause(w, c, ng_object__quote_skip(w, c, *te)) : *te;
    if (direct && j == *te) j = parenthetical_skip(w, c, tr, *te);
    /* "brings together four member states: A, B": the list after the counted noun */
    if ((tr->flags & NG_TRF_ORGSUBJ) && j == *te) j = ng_members__counted_intro(w, c, *te, c->b);
    return j;
}

int32_t ng_object__find(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t te,
                        int *prep_seen)
{
    int steps = 0, prep = 0, direct = ng_object__has_direct(tr), act = 0;
    if (tr->flags & NG_TRF_OFOBJ) {
        *prep_seen = 0;
        return of_object(w, c, tr, te, prep_seen);
    }
    uint32_t j = object_start(w, c, tr, &te, direct);
    *prep_seen = 0;
    uint32_t qclose = 0; /* after "the": the closing mark of a short quotation skipped */
    uint32_t poss_end = 0; /* where a possessive group that is no object ends */
    while (j < c->b && steps < 14) {
        if (tr->form == NG_TR_NOUN && !prep && steps > 4) return -1; /* "talks ... with": close */
        int32_t gi = c->gstart[j - c->a];
        if (gi >= 0 && (tr->flags & NG_TRF_QUOTE) && (w->tk.v[j].flags & NG_TK_INQUOTE)) {
            /* "called the bombardment a 'massacre of the Palestinian people'": the words
             * inside the quotation describe the object, they are not it */
            j = c->g[gi].t1;
            steps++;
            continue;
        }
        if (gi >= 0) {
            if (speech_tag_group(w, c, &c->g[gi], te)) return -1;
            int agent = act_agent(w, c, tr, gi, act);
            if (agent > 0) return gi;
            if (agent < 0) {
                j = c->g[gi].t1;
                steps++;
                continue;
            }
            if (is_object(w, c, tr, gi, prep, direct, te, &j)) return led_by_after(w, c, gi);
            if (c->g[gi].poss) poss_end = c->g[gi].t1;
            steps++;
            continue;
        }
        if (c->gcov[j - c->a] >= 0) {
            /* a role phrase whose head noun the trigger took ("one of the founding
             * members | of X"): its actors are the object */
            const group *g = &c->g[c->gcov[j - c->a]];
            if (g->role && j == te && c->u[g->u0].t0 > j && is_prep_of(tr, w->tk.v[j].h))
                return c->gcov[j - c->a];
            j = g->t1;
            continue;
        }
        /* "include all of Mercosur's as well as A and B": the list goes on after a
         * possessive whose noun is left out */
        uint32_t link =
            j == poss_end || (j == poss_end + 1 && (w->tk.v[poss_end].flags & NG_TK_POSS))
                ? ng_w__phrase(w, j, c->b, NG_W_LISTLINK, NULL)
                : 0;
        if (link) {
            j += link;
            continue;
        }
        uint32_t skip = noun_when_skip(w, c, tr, j, prep);
        if (skip > j) {
            j = skip;
            continue;
        }
        if (w->tk.v[j].flags & NG_TK_PUNCT) {
            int r = punct_at(w, c, tr, j, te, direct, &qclose);
            if (r < 0) return -1;
            if (r > 0) {
                j++;
                continue;
            }
        } else if (is_prep_of(tr, w->tk.v[j].h)) {
            prep = 1;
            *prep_seen = 1;
            j++;
            continue;
        } else {
            int32_t out;
            if (word_at(w, c, tr, j, te, prep, direct, &act, &out)) return out;
        }
        j++;
        steps++;
    }
    return -1;
}

/* "and with the summit's host, Tajik President X": a role of up to four lower-case words
 * (a possessive's 's and "of" among them: "the president's chief of staff") and a comma
 * before a person's name; the name's first token, else j. */
static uint32_t role_before_name(const ng_work *w, const sctx *c, uint32_t j)
{
    for (uint32_t k = j; k < c->b && k < j + 6; k++) {
        if (ng_w__punct(w, k, ',')) {
            int32_t gi = k > j && k + 1 < c->b ? c->gstart[k + 1 - c->a] : -1;
            return gi >= 0 && c->g[gi].an == 1 &&
                           w->actors[c->acts[c->g[gi].a0]].type == NG_ETYPE_PERSON
                       ? k + 1
                       : j;
        }
        if (c->gcov[k - c->a] >= 0 || (w->tk.v[k].flags & NG_TK_CAP) ||
            (!(w->tk.v[k].flags & NG_TK_WORD) && !(w->tk.v[k].flags & NG_TK_POSS)) ||
            (ng_w__bits(w, k) & (NG_W_CLAUSE | NG_W_SAY)) ||
            ((ng_w__bits(w, k) & NG_W_PREP) && !ng_w__is(w, k, "of")))
            return j;
    }
    return j;
}

/* "a member of SICA, whose members include A, B and C, and of ALBA", "a member of ALBA, the
 * alliance founded by A and B, and of SICA": after an apposition or a relative clause after
 * the object (up to 40 tokens, no quotation, colon or semicolon, no verb of saying), ", and"
 * before the trigger's preposition goes on with the object; the token of that "and", else
 * c->b. */
static uint32_t far_and(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t t)
{
    for (uint32_t k = t; k + 2 < c->b && k < t + 40; k++) {
        if (ng_w__bits(w, k) & NG_W_SAY) return c->b;
        if ((w->tk.v[k].flags & NG_TK_PUNCT) && !ng_w__punct(w, k, ',') &&
            !ng_w__punct(w, k, '(') && !ng_w__punct(w, k, ')') && !ng_w__punct(w, k, '-'))
            return c->b;
        if (ng_w__punct(w, k, ',') && ng_w__is(w, k + 1, "and") &&
            is_prep_of(tr, w->tk.v[k + 2].h))
            return k + 1;
    }
    return c->b;
}

/* After an object at t: ", and [out|then] PREP [the] GROUP" with one of the trigger's
 * prepositions (a few words such as a date may come between); the group or -1. */
int32_t ng_object__next_pp(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t t)
{
    uint32_t j = t, n = 0;
    /* "with A, whose country is an SCO partner, and with B": a relative clause in commas
     * after the object (at most twelve words) stands aside */
    if (j + 2 < c->b && ng_w__punct(w, j, ',') &&
        (ng_w__is(w, j + 1, "whose") || ng_w__is(w, j + 1, "who") || ng_w__is(w, j + 1, "which")))
        for (uint32_t k = j + 2; k < c->b && k < j + 14; k++) {
            if (ng_w__punct(w, k, ',')) {
                j = k;
                break;
            }
            if (w->tk.v[k].flags & NG_TK_PUNCT) break;
        }
    while (j < c->b && n < 4 && !ng_w__is(w, j, "and") && c->gcov[j - c->a] < 0 &&
           !((w->tk.v[j].flags & NG_TK_PUNCT) && !ng_w__punct(w, j, ',')) &&
           !(ng_w__bits(w, j) & (NG_W_CLAUSE | NG_W_SAY)))
        j++, n++;
    if (j >= c->b || !ng_w__is(w, j, "and")) j = far_and(w, c, tr, t);
    if (j >= c->b || !ng_w__is(w, j, "and")) return -1;
    j++;
    /* "and out of", "and then with", "and later also with" */
    for (int k = 0; k < 2 && j < c->b && (ng_w__bits(w, j) & (NG_W_PPMARK | NG_W_SKIPADV)); k++)
        j++;
    if (j >= c->b || !is_prep_of(tr, w->tk.v[j].h)) return -1;
    j++;
    while (j < c->b && c->gstart[j - c->a] < 0 && (ng_w__bits(w, j) & NG_W_DET))
        j++;
    if (j < c->b && c->gstart[j - c->a] < 0) j = role_before_name(w, c, j);
    if (j >= c->b || c->gstart[j - c->a] < 0 || c->g[c->gstart[j - c->a]].place) return -1;
    return c->gstart[j - c->a];
}

int ng_object__quote_after(const ng_work *w, const sctx *c, uint32_t t)
{
    for (uint32_t k = t; k < c->b && k < t + 4; k++)
        if (ng_w__punct(w, k, '"')) return 1;
    return 0;
}

uint32_t ng_object__act_quote_after(const ng_work *w, const sctx *c, const ng_trigger *tr,
                                    int32_t gi)
{
    const group *g = &c->g[gi];
    if (!g->poss || !owns_act(w, c, tr, g)) return 0;
    /* "called his comparison of the war with the Holocaust 'an attack'": the act noun's
     * complement comes before the quotation (no comma, no clause of its own between) */
    for (uint32_t k = g->t1; k < c->b && k < g->t1 + 14; k++) {
        if (ng_w__punct(w, k, '"')) return k;
        if ((w->tk.v[k].flags & NG_TK_PUNCT) && !(w->tk.v[k].flags & NG_TK_POSS)) return 0;
        if (ng_w__bits(w, k) & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_MODAL)) return 0;
    }
    return 0;
}

/* "ORG (A, B, C)": the members listed in brackets after an organization, -1 if none. */
int32_t ng_object__bracket_members(const ng_work *w, const sctx *c, int32_t gi)
{
    return ng_object__enclosed_members(w, c, gi, '(', ')');
}

int32_t ng_object__enclosed_members(const ng_work *w, const sctx *c, int32_t gi, char open,
                                    char close)
{
    const group *g = &c->g[gi];
    if (g->an != 1 || w->actors[c->acts[g->a0]].type != NG_ETYPE_ORG) return -1;
    if (g->t1 + 2 >= c->b || !ng_w__punct(w, g->t1, open)) return -1;
    uint32_t q = g->t1 + 1;
    int32_t m = ng_engine__group_after_dets(w, c, &q);
    if (m < 0 || c->g[m].an < 2 || c->g[m].t1 >= c->b || !ng_w__punct(w, c->g[m].t1, close))
        return -1;
    return m;
}

uint32_t ng_object__when_phrase(const ng_work *w, const sctx *c, uint32_t t)
{
    if (t + 1 >= c->b || !(ng_w__bits(w, t) & (NG_W_PREP | NG_W_LOCPREP | NG_W_YEARPREP)))
        return t;
    uint32_t j = t + 1;
    while (j < c->b && j < t + 4 && (w->tk.v[j].flags & (NG_TK_CAP | NG_TK_NUM)) &&
           (c->gcov[j - c->a] < 0 || c->g[c->gcov[j - c->a]].place))
        j++;
    return j > t + 1 ? j : t;
}

int32_t ng_object__next_dated(const ng_work *w, const sctx *c, uint32_t t)
{
    uint32_t j = ng_object__when_phrase(w, c, t);
    if (j == t || j >= c->b) return -1;
    /* "out of Mali in 2022, Burkina Faso in 2023 and Niger in 2023": a comma links dated
     * objects only inside a list that a dated "and" closes */
    int comma = ng_w__punct(w, j, ',');
    if (comma && j + 1 < c->b && ng_w__is(w, j + 1, "and")) comma = 0, j++;
    if (!comma && !ng_w__is(w, j, "and")) return -1;
    j++;
    int32_t gi = ng_engine__group_after_dets(w, c, &j);
    if (gi < 0 || c->g[gi].place || c->g[gi].pp) return -1;
    uint32_t e = c->g[gi].t1;
    if (ng_object__when_phrase(w, c, e) == e) return -1;
    return !comma || ng_object__next_dated(w, c, e) >= 0 ? gi : -1;
}
