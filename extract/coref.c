/* coref.c - pronouns and descriptions: what "he", "they", "it", "the bloc", "the two
 * sides", "the junta", "the country", "the ministry" stand for.
 *
 * A subject pronoun right after a verb of saying is the speaker ("Taiwan said it was
 * ending relations"). he/she/his: the first person of the sentence not in a prepositional
 * phrase nor in an opening subordinate clause, else the nearest person before it, else the
 * person of one of the three sentences before. him (her as an object): the nearest person
 * before it who is not its own clause's subject ("X met Y, and Z met him": Y). they/their: a list
 * of states or organizations earlier in the sentence, else two people named before it, else the
 * latest list (of states or organizations first), else the latest organization; "them" right after
 * a plural thing of its sentence ("reviewed the measures and denounced them") is only a list
 * of that sentence. "the two sides",
 * "the three countries", "both countries", "the two leaders": the latest list (or pair of
 * relation partners) of that size and kind, up to twelve sentences back for a size named by
 * a number. "each of the leaders": the description after "of". its: its clause's subject
 * when that is a state or an organization; it/its: an organization earlier in the
 * sentence, else the latest one. A description right before a name is that name. "the
 * bloc": an organization of states of the sentence, else the only one of the sentence
 * before, else the most mentioned recent one.
 * "the junta", "the government", "the country": a state of the sentence, else the most
 * mentioned recent one; a government noun keeps its state all through the article. "the
 * ministry": the latest ministry. The article's memory is recent.c. */
#include "engine.h"

#include <string.h>

static uint32_t one(int32_t *out, int32_t a)
{
    if (a < 0) return 0;
    out[0] = a;
    return 1;
}

static int unit_person(const ng_work *w, const sctx *c, const unit *u)
{
    return u->an == 1 && w->actors[c->acts[u->a0]].type == NG_ETYPE_PERSON;
}

/* The gender a pronoun says (1 he/him/his, 2 she/her), 0 for the others. */
static int pron_gender(const ng_work *w, uint32_t t)
{
    if (ng_w__is(w, t, "he") || ng_w__is(w, t, "him") || ng_w__is(w, t, "his") ||
        ng_w__is(w, t, "himself"))
        return 1;
    if (ng_w__is(w, t, "she") || ng_w__is(w, t, "her") || ng_w__is(w, t, "hers") ||
        ng_w__is(w, t, "herself"))
        return 2;
    return 0;
}

/* What the article's pronouns said of person a so far: 1, 2, or 0 unknown. */
static int gender_of(const cstate *cs, int32_t a)
{
    for (int i = 0; i < cs->n_gender; i++)
        if (cs->gender[i].actor == a) return cs->gender[i].g;
    return 0;
}

/* A pronoun of gender g stood for a: the first word stays. */
static void gender_note(cstate *cs, int32_t a, int g)
{
    if (!g || gender_of(cs, a) || cs->n_gender >= (int)(sizeof cs->gender / sizeof cs->gender[0]))
        return;
    cs->gender[cs->n_gender].actor = a;
    cs->gender[cs->n_gender++].g = (uint8_t)g;
}

/* he/she when the rule's pick `a` is known to be of the other gender, or "she" when a is of
 * none known while a person of this sentence before t0 is known to be a woman (most people
 * in political news are men, so only "she" says much: "Mora suspended Ana Ruiz and referred
 * her for questioning, after Chile said she had met ..." is Ruiz): the nearest person
 * before t0 of the pronoun's gender, else a. */
static int32_t gender_check(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t0, int g,
                            int32_t a)
{
    int ga = gender_of(cs, a);
    if (!g || ga == g || (!ga && g == 1)) return a;
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        if (u->t1 <= t0 && unit_person(w, c, u) && gender_of(cs, c->acts[u->a0]) == g)
            return c->acts[u->a0];
    }
    return a;
}

/* "After he met X, Jordan's King Abdullah said", "Speaking after she met X, Meloni said": a
 * he/she/his right after a clause word (not a relative) of an opening subordinate clause,
 * with no comma and no person before it, looks forward: the person the main clause opens
 * with after the clause's comma (over capitalized titles only), when the gender fits;
 * else -1 (the person of an earlier sentence, as before). */
static int32_t cataphor_he(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t0)
{
    if (t0 <= c->a || !(ng_w__bits(w, t0 - 1) & NG_W_CLAUSE) || ng_w__relative(w, t0 - 1) ||
        ng_w__is(w, t0 - 1, "where"))
        return -1;
    for (uint32_t t = c->a; t < t0; t++)
        if (ng_w__punct(w, t, ',')) return -1;
    uint32_t comma = 0;
    for (uint32_t t = t0 + 1; t < c->b && !comma; t++)
        if (ng_w__punct(w, t, ',')) comma = t;
    if (!comma) return -1;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t0 < t0) return -1;
        if (u->t0 <= comma) continue;
        if (!unit_person(w, c, u)) return -1;
        for (uint32_t t = comma + 1; t < u->t0; t++)
            if (!(w->tk.v[t].flags & NG_TK_CAP)) return -1;
        int32_t a = c->acts[u->a0];
        int g = pron_gender(w, t0), ga = gender_of(cs, a);
        return !g || !ga || ga == g ? a : -1;
    }
    return -1;
}

/* he, she, his: the first person before t0 in this sentence who is not in a prepositional
 * phrase (the subject) nor in an opening subordinate clause ("As X held talks, Y made a
 * trip, where he ...") nor before a ";" (the pronoun's clause has its own), else the
 * nearest person before it, else a recent sentence's. */
static uint32_t resolve_he(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t0,
                           int32_t *out)
{
    /* "A announced ...; B held talks with C and then flew to D, where he met E": the
     * clause after the last ";" before the pronoun has its own subject */
    uint32_t semi = c->a;
    for (uint32_t t = t0; t-- > c->a;)
        if (ng_w__punct(w, t, ';')) {
            semi = t;
            break;
        }
    uint32_t sub_end = c->a;
    /* "he was welcomed by X and Y, after which he held talks with X": a second "he" (or
     * "she") subject of the sentence (of its clause after a ";") is its first one */
    if ((ng_w__bits(w, t0) & NG_W_SUBJPRON) && (ng_w__bits(w, t0) & NG_W_PRONHE))
        for (uint32_t t = semi; t < t0; t++)
            if (w->tk.v[t].h == w->tk.v[t0].h) return resolve_he(w, cs, c, t, out);
    int32_t fwd = cataphor_he(w, cs, c, t0);
    if (fwd >= 0) return one(out, fwd);
    if ((w->tk.v[c->a].flags & NG_TK_CAP) && (ng_w__bits(w, c->a) & NG_W_CLAUSE) &&
        !ng_w__is(w, c->a, "that") && !ng_w__is(w, c->a, "which") && !ng_w__is(w, c->a, "who")) {
        for (uint32_t t = c->a + 1; t < t0; t++)
            if (ng_w__punct(w, t, ',')) {
                sub_end = t;
                break;
            }
    }
    if (semi > sub_end) sub_end = semi;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 > t0) break;
        if (!unit_person(w, c, u)) continue;
        if (u->t0 > c->a && (ng_w__bits(w, u->t0 - 1) & NG_W_PREP)) continue;
        if (u->t0 < sub_end) continue;
        return one(out, c->acts[u->a0]);
    }
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        if (u->t1 <= t0 && unit_person(w, c, u)) return one(out, c->acts[u->a0]);
    }
    for (uint32_t back = 1; back <= 3 && back <= c->s; back++)
        if (cs->sent_person[c->s - back] >= 0) return one(out, cs->sent_person[c->s - back]);
    return 0;
}

/* "X called his comparison 'an attack'", "condemned her remarks": his/her owning an act noun
 * (words class actnoun, one modifier between at most) right after a verb of naming or a
 * condemnation that judges an owner's act (trigger flag poss) is someone other than the
 * verb's subject, as "him" would be; not "his own". */
static int judged_act(const ng_work *w, const sctx *c, uint32_t t)
{
    if (t <= c->a || t + 1 >= c->b || !(ng_w__is(w, t, "his") || ng_w__is(w, t, "her"))) return 0;
    int judge = (ng_w__bits(w, t - 1) & NG_W_NAMINGVERB) != 0;
    for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[t - 1].h); i >= 0 && !judge;
         i = w->lex->triggers[i].next)
        judge = w->lex->triggers[i].form == NG_TR_VERB && w->lex->triggers[i].n_slot == 1 &&
                (w->lex->triggers[i].flags & NG_TRF_POSS);
    if (!judge) return 0;
    for (uint32_t k = t + 1; k < c->b && k <= t + 2 && (w->tk.v[k].flags & NG_TK_WORD); k++) {
        if (ng_w__is(w, k, "own")) return 0;
        if (ng_w__bits(w, k) & NG_W_ACTNOUN) return 1;
    }
    return 0;
}

/* Is the word at t "him", or "her" used as an object (followed by punctuation, a
 * preposition, "and", or the sentence's end: "met her in Rome", not "her decision")? */
static int object_he(const ng_work *w, const sctx *c, uint32_t t)
{
    if (ng_w__is(w, t, "him")) return 1;
    if (!ng_w__is(w, t, "her")) return 0;
    return t + 1 >= c->b || !(w->tk.v[t + 1].flags & NG_TK_WORD) ||
           (ng_w__bits(w, t + 1) & NG_W_PREP) || ng_w__is(w, t + 1, "and");
}

/* him (her as an object) is never its own clause's subject: "X held talks with Y, and Z met
 * him" is Y, "X met Y and thanked him" is Y. The subject is the person right before the verb
 * (over "had", adverbs), else after "and" or a comma the sentence's main subject (what he/she
 * would be); him is the nearest other person before it, else one of the three sentences
 * before. */
static uint32_t resolve_him(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t0,
                            int32_t *out)
{
    int32_t subj = -1;
    uint32_t v = t0, q;
    if (v > c->a) v--; /* the verb */
    q = v;
    while (q > c->a && (ng_w__bits(w, q - 1) & (NG_W_SKIPADV | NG_W_PAST_MARK | NG_W_MODAL)))
        q--;
    int named = 0; /* the verb's subject is an actor right before it */
    for (size_t i = c->nu; i-- > 0;)
        if (c->u[i].t1 == q && !c->u[i].place && c->u[i].an == 1) {
            named = 1;
            if (unit_person(w, c, &c->u[i])) subj = c->acts[c->u[i].a0];
        }
    /* "Pashinyan promised a vote. The Church accused him": a state or an organization right
     * before the verb is its subject, so the person of the sentence before stays free */
    if (!named && resolve_he(w, cs, c, q, out) == 1) subj = out[0];
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        if (u->t1 <= q && unit_person(w, c, u) && c->acts[u->a0] != subj)
            return one(out, c->acts[u->a0]);
    }
    for (uint32_t back = 1; back <= 3 && back <= c->s; back++) {
        int32_t p = cs->sent_person[c->s - back];
        if (p >= 0 && p != subj) return one(out, p);
    }
    return 0;
}

/* his/her of a judged act (judged_act): the person named nearest before it, not the one
 * right before the verb ("X called his comparison"); else as "him". */
static uint32_t resolve_judged(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t0,
                               int32_t *out)
{
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        if (u->t1 > t0 - 1 || !unit_person(w, c, u)) continue;
        if (u->t1 == t0 - 1) break; /* the verb's own subject */
        return one(out, c->acts[u->a0]);
    }
    return resolve_him(w, cs, c, t0, out);
}

static int has_people(const ng_work *w, const int32_t *acts, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        if (w->actors[acts[k]].type == NG_ETYPE_PERSON) return 1;
    return 0;
}

/* "the two men" long after a pair was named (list r), when two other people have been named
 * since ("Kurti accused Vucic ... Vucic said ... the two men blamed each other"): those two,
 * the latest first; 0 otherwise. */
static uint32_t two_people_since(const ng_work *w, const cstate *cs, const recent_group *r,
                                 int32_t *out)
{
    uint32_t n = 0;
    for (int i = 0; i < cs->n_mru && n < 2; i++) {
        if (cs->mru_sent[i] <= r->sent || w->actors[cs->mru[i]].type != NG_ETYPE_PERSON) continue;
        int in_list = 0;
        for (uint32_t k = 0; k < r->n; k++)
            in_list |= r->acts[k] == cs->mru[i];
        if (!in_list) out[n++] = cs->mru[i];
    }
    return n == 2 ? 2 : 0;
}

/* "Lithuania's A, Estonia's B and Latvia's C signed ... All three Baltic states": a list of
 * people each of whom holds office for a different state stands for those states (three or
 * more, the latest list of that size within twelve sentences); n, else 0. */
static uint32_t persons_states(const ng_work *w, const recent_group *r, int32_t *out)
{
    if (!r->persons) return 0;
    for (uint32_t i = 0; i < r->n; i++) {
        int32_t s = w->actors[r->acts[i]].affil;
        if (s < 0 || w->actors[s].type != NG_ETYPE_STATE) return 0;
        for (uint32_t k = 0; k < i; k++)
            if (out[k] == s) return 0;
        out[i] = s;
    }
    return r->n;
}

/* The latest list of `number` actors (0 any) of the kind ctype (see ng_coref__resolve): of
 * the last sentences, else for a size named by a number up to twelve sentences back. */
static uint32_t recent_list(const ng_work *w, const cstate *cs, int number, int ctype, int32_t *out)
{
    for (int i = 0; i < cs->ring_n; i++) {
        const recent_group *r = &cs->ring[(cs->ring_pos - 1 - i + RING) % RING];
        if (cs->cur_sent - r->sent > 4) break;
        if (number > 0 && (int)r->n != number) continue;
        if (ctype == NG_ETYPE_STATE + 1 && !r->states) continue;
        if (ctype == NG_ETYPE_PERSON + 1 && !r->persons) continue;
        if (ctype == NG_ETYPE__COUNT + 1 && has_people(w, r->acts, r->n)) continue;
        memcpy(out, r->acts, r->n * sizeof *out);
        return r->n;
    }
    /* a count of four or more rarely matches a list by chance: it may reach further back
     * ("Biden was joined by A's president, B's ... All four African countries belong to") */
    uint32_t reach = number >= 4 ? 24 : 12;
    if (number >= 2 && number <= GMAX && cs->bysize[number].n == (uint32_t)number &&
        cs->cur_sent - cs->bysize[number].sent <= reach) {
        /* "the three countries" named further back */
        const recent_group *r = &cs->bysize[number];
        uint32_t k = ctype == NG_ETYPE_PERSON + 1 && number == 2 ? two_people_since(w, cs, r, out)
                                                                 : 0;
        if (k) return k;
        if (!(ctype == NG_ETYPE_STATE + 1 && !r->states) &&
            !(ctype == NG_ETYPE_PERSON + 1 && !r->persons)) {
            memcpy(out, r->acts, r->n * sizeof *out);
            return r->n;
        }
        /* three or more: "both countries" is more often the story's two main states */
        if (ctype == NG_ETYPE_STATE + 1 && number >= 3 && (k = persons_states(w, r, out)) != 0)
            return k;
    }
    return 0;
}

/* A list of states or organizations earlier in this sentence (before t0): its size, 0. */
static uint32_t sentence_list(const ng_work *w, const sctx *c, uint32_t t0, int32_t *out)
{
    for (size_t gi = c->ng; gi-- > 0;) {
        const group *g = &c->g[gi];
        if (g->t1 > t0 || g->an < 2 || g->place || has_people(w, c->acts + g->a0, g->an)) continue;
        uint32_t n = g->an > GMAX ? GMAX : g->an;
        memcpy(out, c->acts + g->a0, n * sizeof *out);
        return n;
    }
    return 0;
}

/* The nearest list of exactly n actors of the kind ctype (see ng_coref__resolve) earlier in
 * this sentence (before t0): n, else 0. */
static uint32_t sized_list(const ng_work *w, const sctx *c, uint32_t n, int ctype, uint32_t t0,
                           int32_t *out)
{
    for (size_t gi = c->ng; gi-- > 0;) {
        const group *g = &c->g[gi];
        if (g->t1 > t0 || g->an != n || n > GMAX || g->place) continue;
        int people = has_people(w, c->acts + g->a0, g->an), states = 0;
        for (uint32_t k = 0; k < g->an; k++)
            states += w->actors[c->acts[g->a0 + k]].type == NG_ETYPE_STATE;
        if ((ctype == NG_ETYPE_STATE + 1 && !states) || (ctype == NG_ETYPE_PERSON + 1 && !people) ||
            (ctype == NG_ETYPE__COUNT + 1 && people))
            continue;
        memcpy(out, c->acts + g->a0, n * sizeof *out);
        return n;
    }
    return 0;
}

/* "out of Mali in 2022, Burkina Faso in 2023 and Niger in 2023 after coups in all three
 * countries": exactly n states, one a group, each with its date, chained as the gapped
 * objects of a verb are (ng_object__next_dated), before t0 in this sentence: n, else 0. */
static uint32_t dated_states(const ng_work *w, const sctx *c, uint32_t n, uint32_t t0,
                             int32_t *out)
{
    for (size_t gi = 0; gi < c->ng && n <= GMAX; gi++) {
        uint32_t k = 0;
        for (int32_t g = (int32_t)gi; g >= 0 && k <= n;
             g = ng_object__next_dated(w, c, c->g[g].t1)) {
            if (c->g[g].t1 > t0 || c->g[g].an != 1 ||
                w->actors[c->acts[c->g[g].a0]].type != NG_ETYPE_STATE) {
                k = 0;
                break;
            }
            if (k < n) out[k] = c->acts[c->g[g].a0];
            k++;
        }
        if (k == n) return n;
        if (k > 1) return 0; /* a chain of another size: the nearest list is not this one */
    }
    return 0;
}

/* "Qatar has condemned the remarks. Oman has called for restraint. Together with A and B,
 * the two make up the GCC": for "the two" alone before a verb of membership, with no list
 * of two, exactly n states named in the n sentences before this one are the n (a count of
 * states over a description such as "all four countries" is too weak): n, else 0. */
static uint32_t last_sentences_states(const ng_work *w, const cstate *cs, uint32_t n,
                                      int32_t *out)
{
    uint32_t k = 0;
    if (n < 2 || n > GMAX || cs->cur_sent < n) return 0;
    for (int i = 0; i < cs->n_mru; i++) {
        if (cs->mru_sent[i] >= cs->cur_sent ||
            w->actors[cs->mru[i]].type != NG_ETYPE_STATE)
            continue;
        if (cs->mru_sent[i] < cs->cur_sent - n) break;
        if (k == n) return 0; /* more states than the count */
        out[k++] = cs->mru[i];
    }
    return k == n ? n : 0;
}

/* Does a trigger of membership ("make up", "belong to") open at token j? */
static int membership_verb(const ng_work *w, const sctx *c, uint32_t j)
{
    for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[j].h); i >= 0;
         i = w->lex->triggers[i].next)
        if (w->lex->triggers[i].rel == ng_relinfo__membership() &&
            ng_triggers__spelled_at(w, &w->lex->triggers[i], j, c->b))
            return 1;
    return 0;
}

/* The states of the units before t0 in this sentence when they are exactly two (not
 * places: "met in Lima"): 2, else 0. */
static uint32_t two_states(const ng_work *w, const sctx *c, uint32_t t0, int32_t *out)
{
    uint32_t n = 0;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 > t0) break;
        if (u->place) continue;
        for (uint32_t k = 0; k < u->an; k++) {
            int32_t a = c->acts[u->a0 + k];
            if (w->actors[a].type != NG_ETYPE_STATE) return 0;
            if (n == 1 && out[0] == a) continue;
            if (n == 2 && (out[0] == a || out[1] == a)) continue;
            if (n == 2) return 0;
            out[n++] = a;
        }
    }
    return n == 2 ? 2 : 0;
}

/* they, their: see the file's comment. */
/* "the Venezuelan diplomatic staff had been asked to leave, accusing them of ...": an object
 * "them" after a body of people named by a demonym (the demonym, up to two lower-case words,
 * a plural person, group or troops noun or a staff noun: words class staffnoun) or by a
 * capital after "in" ("the authorities in Bangui") in this sentence, with no name of an
 * actor between, is that state; -1 otherwise. */
static int people_word(const ng_work *w, uint32_t k)
{
    if (ng_w__bits(w, k) & NG_W_STAFFNOUN) return 1;
    size_t n = w->tk.v[k].flen;
    return (ng_w__bits(w, k) & (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_TROOPS)) && n > 3 &&
           ng_w__fold(w, k)[n - 1] == 's'; /* plural: "diplomats", not "the Dutch minister" */
}

static int32_t demonym_people_before(const ng_work *w, const sctx *c, uint32_t t0)
{
    /* an object "them" ("accusing them of"), not "most of them" */
    if (!ng_w__is(w, t0, "them") || t0 <= c->a || (ng_w__bits(w, t0 - 1) & NG_W_PREP)) return -1;
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        if (u->t1 > t0 || (u->place && !u->adj)) continue; /* "in La Paz" */
        if (u->an != 1) return -1;
        /* "the Venezuelan diplomats": one unit that ends with its people noun */
        uint32_t k = u->t1 - 1;
        if (!u->adj && !(w->tk.v[k].flags & NG_TK_CAP) && people_word(w, k))
            return c->acts[u->a0];
        if (!(w->tk.v[u->t0].flags & NG_TK_CAP) && !u->adj) continue; /* "the country" */
        /* "criticised the transitional authorities in Bangui, accusing them": a capital after
         * "in" and a plural government or people noun is the state governed */
        if (!u->adj && u->t0 > c->a + 1 && ng_w__is(w, u->t0 - 1, "in") &&
            (people_word(w, u->t0 - 2) ||
             ((ng_w__bits(w, u->t0 - 2) & NG_W_GOVNOUN) &&
              ng_w__fold(w, u->t0 - 2)[w->tk.v[u->t0 - 2].flen - 1] == 's')))
            return c->acts[u->a0];
        if (!u->adj) return -1;
        /* "the Venezuelan diplomatic staff": the demonym, then up to two words */
        for (k = u->t1; k < t0 && k < u->t1 + 3; k++) {
            if (!(w->tk.v[k].flags & NG_TK_WORD) || (w->tk.v[k].flags & NG_TK_CAP)) return -1;
            if (people_word(w, k)) return c->acts[u->a0];
        }
        return -1;
    }
    return -1;
}

static uint32_t resolve_they(const ng_work *w, const cstate *cs, const sctx *c, int number,
                             int ctype, uint32_t t0, int32_t *out)
{
    int32_t dem = demonym_people_before(w, c, t0);
    if (dem >= 0 && w->actors[dem].type == NG_ETYPE_STATE) return one(out, dem);
    uint32_t n = sentence_list(w, c, t0, out);
    if (n) return n;
    /* two people named before it ("Speaking alongside X, Y said they had talked") */
    for (size_t i = 0; i < c->nu && n < GMAX; i++) {
        const unit *u = &c->u[i];
        if (u->t1 > t0) break;
        if (u->place || !unit_person(w, c, u)) continue;
        uint32_t k;
        for (k = 0; k < n && out[k] != c->acts[u->a0]; k++) {
        }
        if (k == n) out[n++] = c->acts[u->a0];
    }
    if (n >= 2) return n;
    /* "they" stands for states or organizations more often than for people */
    if (ctype == 0 && (n = recent_list(w, cs, 0, NG_ETYPE__COUNT + 1, out)) != 0) return n;
    if ((n = recent_list(w, cs, number, ctype, out)) != 0) return n;
    return one(out, ng_recent__of_type(w, cs, NG_ETYPE_ORG, 2, 1));
}

/* The nearest single actor before t0 in this sentence that `want` accepts, -1. */
static int32_t sentence_actor(const ng_work *w, const sctx *c, uint32_t t0,
                              int (*want)(const ng_work *, const ng_wactor *, int), int arg)
{
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        if (u->t1 > t0 || u->an != 1 || u->place) continue;
        if (want(w, &w->actors[c->acts[u->a0]], arg)) return c->acts[u->a0];
    }
    return -1;
}

/* The one state the units before t0 in this sentence name, -1 if none or several. */
static int32_t only_state_before(const ng_work *w, const sctx *c, uint32_t t0)
{
    int32_t a = -1;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 > t0 || u->place) continue;
        for (uint32_t k = 0; k < u->an; k++) {
            int32_t x = c->acts[u->a0 + k];
            if (w->actors[x].type != NG_ETYPE_STATE) continue;
            if (a >= 0 && a != x) return -1;
            a = x;
        }
    }
    return a;
}

/* An organization that is not a government body; of states unless `any`. */
static int is_org(const ng_work *w, const ng_wactor *x, int any)
{
    /* a treaty is only ever what an exit leaves (runs.c treaty_exits): no "it" */
    return x->type == NG_ETYPE_ORG && x->body < 0 && !x->treaty &&
           (any || (x->lex >= 0 && (w->lex->ents[x->lex].flags & NG_LXF_MULTISTATE)));
}

static int is_state(const ng_work *w, const ng_wactor *x, int arg)
{
    (void)w;
    (void)arg;
    return x->type == NG_ETYPE_STATE;
}

/* The actor the article names most among the recent ones `want` accepts (recent: named in
 * the last `back` sentences, when some actor is already chosen), -1. */
static int32_t most_named(const ng_work *w, const cstate *cs, uint32_t back,
                          int (*want)(const ng_work *, const ng_wactor *, int), int arg)
{
    int32_t a = -1;
    uint32_t best = 0;
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *x = &w->actors[cs->mru[i]];
        if (!want(w, x, arg)) continue;
        if (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > back && a >= 0)
            continue;
        if (a < 0 || x->mentions > best) {
            a = cs->mru[i];
            best = x->mentions;
        }
    }
    return a;
}

/* The one organization of states named in the previous sentence, -1 when none or several:
 * "the bloc" continues the sentence before ("Milei spoke of Mercosur. He called the bloc
 * ..."). */
static int32_t previous_bloc(const ng_work *w, const cstate *cs)
{
    int32_t a = -1;
    for (int i = 0; i < cs->n_mru; i++) {
        if (cs->mru_sent[i] + 1 != cs->cur_sent || !is_org(w, &w->actors[cs->mru[i]], 0)) continue;
        if (a >= 0 && a != cs->mru[i]) return -1;
        a = cs->mru[i];
    }
    return a;
}

/* The state the sentence before this one opened with as its subject (affiliations.c,
 * cs->lead), -1; with no_org, -1 also when that sentence named an organization. */
static int32_t previous_lead(const ng_work *w, const cstate *cs, const sctx *c, int no_org)
{
    if (cs->lead < 0 || cs->lead_sent != c->s || c->s == 0) return -1;
    for (int i = 0; no_org && i < cs->n_mru; i++)
        if (cs->mru_sent[i] + 1 == c->s && is_org(w, &w->actors[cs->mru[i]], 1)) return -1;
    return cs->lead;
}

/* Does the sentence name an organization by a description after t0 ("It quit that grouping",
 * "it left the bloc"): "the", "that" or "this" and a bloc noun? Then an opening "it" is not
 * that organization. */
static int bloc_description_after(const ng_work *w, const sctx *c, uint32_t t0)
{
    for (uint32_t k = t0 + 1; k + 1 < c->b; k++)
        if ((ng_w__is(w, k, "that") || ng_w__is(w, k, "this") || ng_w__is(w, k, "the")) &&
            (ng_w__bits(w, k + 1) & NG_W_BLOCNOUN) && !(w->tk.v[k + 1].flags & NG_TK_CAP))
            return 1;
    return 0;
}

/* The one state named in the last two sentences, -1 when none or several. */
static int32_t only_recent_state(const ng_work *w, const cstate *cs)
{
    int32_t a = -1;
    for (int i = 0; i < cs->n_mru; i++) {
        if (w->actors[cs->mru[i]].type != NG_ETYPE_STATE ||
            (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > 2))
            continue;
        if (a >= 0 && a != cs->mru[i]) return -1;
        a = cs->mru[i];
    }
    return a;
}

/* "It" opening a sentence as an organization: the latest one of the last two sentences, but
 * not one of two sentences back when a state was named in that sentence or after it ("The
 * Maldives bought drones from Baykar. Officials praised the deal. It is a member of SAARC":
 * no company joins); -1. */
static int32_t opening_it_org(const ng_work *w, const cstate *cs)
{
    int32_t a = ng_recent__of_type(w, cs, NG_ETYPE_ORG, 2, 1);
    uint32_t org_sent = 0;
    for (int i = 0; a >= 0 && i < cs->n_mru; i++)
        if (cs->mru[i] == a) org_sent = cs->mru_sent[i];
    if (a < 0 || org_sent + 2 > cs->cur_sent) return a;
    for (int i = 0; i < cs->n_mru; i++)
        if (w->actors[cs->mru[i]].type == NG_ETYPE_STATE && cs->mru_sent[i] >= org_sent) return -1;
    return a;
}

/* "Mali made France pull its troops out": a verb and "its"/"their" troops right after the
 * state of unit u (before t0): that state moves its own troops. */
static int moves_own_troops(const ng_work *w, const unit *u, uint32_t t0)
{
    for (uint32_t k = u->t1 + 1; k + 1 < t0 && k <= u->t1 + 2; k++)
        if ((ng_w__is(w, k, "its") || ng_w__is(w, k, "their")) &&
            (ng_w__bits(w, k + 1) & NG_W_TROOPS) && (w->tk.v[u->t1].flags & NG_TK_WORD))
            return 1;
    return 0;
}

/* The latest state named before t0 in this sentence, -1. A demonym before a troops noun
 * is skipped: "Senegal said French troops had left the country" is Senegal, the host; the
 * troops' own state is never the country they are in or leave (nor a state that moves its
 * own troops: "Mali made France pull its troops out, and the UN mission left the country"). */
static int32_t sentence_state(const ng_work *w, const sctx *c, uint32_t t0)
{
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        if (u->t1 > t0 || u->an != 1 || u->place) continue;
        if (w->actors[c->acts[u->a0]].type != NG_ETYPE_STATE) continue;
        if ((ng_w__bits(w, u->t1 - 1) & NG_W_TROOPS) ||
            (u->t1 < t0 && (ng_w__bits(w, u->t1) & NG_W_TROOPS)) || moves_own_troops(w, u, t0))
            continue;
        return c->acts[u->a0];
    }
    return -1;
}

/* The latest state actor: a state named in the sentence, else the most mentioned of the
 * last sentences. */
static int32_t recent_state(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t0)
{
    int32_t a = sentence_state(w, c, t0);
    if (a >= 0) return a;
    uint32_t best = 0;
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *x = &w->actors[cs->mru[i]];
        if (x->type != NG_ETYPE_STATE) continue;
        if (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > 2) continue;
        if (a < 0 || x->mentions > best) {
            a = cs->mru[i];
            best = x->mentions;
        }
    }
    return a;
}

/* "Panama joined in 2017, five months after it broke off relations with Taiwan", "X broke
 * off relations with Y, and last year it severed ties with Z": "it" opening a subordinate
 * clause (a subordinator that is no relative pronoun, or ", and", up to three words of a
 * time phrase between) is the sentence's main subject, when that is one state or
 * organization; -1 otherwise. */
static int32_t subordinate_it(const ng_work *w, const sctx *c, uint32_t t0)
{
    uint32_t k = t0;
    while (k > c->a && k + 3 > t0 && (w->tk.v[k - 1].flags & NG_TK_WORD) &&
           !(ng_w__bits(w, k - 1) & NG_W_CLAUSE) && !ng_w__is(w, k - 1, "and") &&
           c->gcov[k - 1 - c->a] < 0 && !(ng_w__bits(w, k - 1) & (NG_W_SAY | NG_W_BE)))
        k--;
    if (k <= c->a + 1) return -1;
    uint32_t p = k - 1;
    int sub =
        (ng_w__bits(w, p) & NG_W_CLAUSE) && !ng_w__relative(w, p) && !ng_w__is(w, p, "where");
    int and = (ng_w__is(w, p, "and") && ng_w__punct(w, p - 1, ',')) || ng_w__punct(w, p, ';');
    if (!sub && !and) return -1;
    if (k < t0 && sub) return -1; /* "after last year it": only ", and" takes a time phrase */
    int32_t gi = ng_subject__main(w, c, p);
    if (gi < 0 || c->g[gi].an != 1) return -1;
    int32_t a = c->acts[c->g[gi].a0];
    ng_etype ty = w->actors[a].type;
    return ty == NG_ETYPE_STATE || ty == NG_ETYPE_ORG ? a : -1;
}

/* Does t0 open the sentence, or its main clause after a time phrase ("In December 2021 it
 * broke ...", "On Monday, it said")? */
static int opens_sentence(const ng_work *w, const sctx *c, uint32_t t0)
{
    if (t0 == c->a) return 1;
    uint32_t e = ng_object__when_phrase(w, c, c->a);
    return e > c->a && (e == t0 || (e + 1 == t0 && ng_w__punct(w, e, ',')));
}

uint32_t ng_coref__resolve(const ng_work *w, const cstate *cs, const sctx *c, int cref, int number,
                           int ctype, uint32_t t0, int32_t *out)
{
    int32_t a = -1;
    switch (cref) {
    case NG_CR_HE:
        return resolve_he(w, cs, c, t0, out);
    case NG_CR_THEY:
        return resolve_they(w, cs, c, number, ctype, t0, out);
    case NG_CR_GROUP: {
        /* "X, which brings together A, B, C, D and E, said all five were leaving": a list
         * of that size earlier in this sentence first */
        uint32_t n = number >= 2 ? sized_list(w, c, (uint32_t)number, ctype, t0, out) : 0;
        if (!n && number >= 2 && ctype == NG_ETYPE_STATE + 1)
            n = dated_states(w, c, (uint32_t)number, t0, out);
        /* "Washington suspended its pact with Tbilisi, a charter the two countries
         * signed": the only two states named before it in this sentence */
        if (!n && number == 2 && ctype == NG_ETYPE_STATE + 1) n = two_states(w, c, t0, out);
        return n ? n : recent_list(w, cs, number, ctype, out);
    }
    case NG_CR_IT:
        /* "The archipelago sits on shipping lanes. It is a member of SAARC": opening a
         * sentence after one that opened with a state and named no organization, the state */
        if (opens_sentence(w, c, t0) && (a = previous_lead(w, cs, c, 1)) >= 0) return one(out, a);
        /* "Uzbekistan joined the GUUAM grouping. It quit that grouping in 2005": the
         * organization is named by the description, "it" is the state */
        if (opens_sentence(w, c, t0) && ng_w__is(w, t0, "it") &&
            bloc_description_after(w, c, t0) && (a = previous_lead(w, cs, c, 0)) >= 0)
            return one(out, a);
        if (ng_w__is(w, t0, "it") && (a = subordinate_it(w, c, t0)) >= 0) return one(out, a);
        /* an organization named earlier in this sentence, the nearest ("Mali quit the G5
         * Sahel, while Niger still sits in it"), else the latest */
        /* "The archipelago, best known for its resorts, ...": a possessive with no
         * organization before it in this sentence is the one state named there rather than
         * an organization of another sentence ("Jordan condemned it" is no state; "X
         * established relations with Y after breaking off its ties": two states, none) */
        if ((a = sentence_actor(w, c, t0, is_org, 1)) < 0 &&
            (!ng_w__is(w, t0, "its") || (a = only_state_before(w, c, t0)) < 0))
            a = t0 == c->a ? opening_it_org(w, cs) : ng_recent__of_type(w, cs, NG_ETYPE_ORG, 2, 1);
        return one(out, a);
    case NG_CR_BLOC:
        /* an organization named earlier in this sentence ("the EU imposed sanctions on
         * Wagner, accusing the group of ..."): an organization of states for "the bloc"
         * (number 0), any for "the group" (1); else the organization of states most
         * mentioned among those of the last sentences */
        if ((a = sentence_actor(w, c, t0, is_org, number == 1)) < 0 &&
            (number == 1 || (a = previous_bloc(w, cs)) < 0))
            a = most_named(w, cs, 6, is_org, 0);
        return one(out, a);
    case NG_CR_GOV:
    case NG_CR_COUNTRY:
        /* "It is a member of SAARC. The country quit the Commonwealth": opening a sentence,
         * the state the one before opened with */
        if (cref == NG_CR_COUNTRY && t0 == c->a && (a = previous_lead(w, cs, c, 0)) >= 0)
            return one(out, a);
        /* "the kingdom" (number 1) fits only some states: the one state of the sentence or
         * of the last sentences, none when several could be meant */
        if (number == 1) return one(out, (a = sentence_actor(w, c, t0, is_state, 0)) >= 0
                                              ? a
                                              : only_recent_state(w, cs));
        return one(out, recent_state(w, cs, c, t0));
    case NG_CR_BODY:
        for (int i = 0; i < cs->n_mru && a < 0; i++)
            if (w->actors[cs->mru[i]].body >= 0) a = cs->mru[i];
        return one(out, a);
    default:
        return 0;
    }
}

/* The nearest noun phrase before t in the sentence is a plural thing, not an actor: "the
 * [Indian] measures" (a determiner, names or up to two lower-case modifiers, a lower-case
 * head in -s that is no actor noun). "reviewed the measures and denounced them": "them" is
 * that phrase, not a list of an earlier sentence. */
static int plural_thing_before(const ng_work *w, const sctx *c, const uint8_t *covered, uint32_t t)
{
    const ng_wbits actor_noun = NG_W_GROUPNOUN | NG_W_PERSONNOUN | NG_W_PARTYNOUN |
                                NG_W_BLOCNOUN | NG_W_GOVNOUN | NG_W_COUNTRYNOUN |
                                NG_W_BODYNOUN | NG_W_MEMBERNOUN;
    uint32_t d = t;
    while (d > c->a && !(ng_w__bits(w, d - 1) & NG_W_DET))
        d--;
    if (d <= c->a || d + 1 >= t) return 0;
    uint32_t j = d, mods = 0;
    while (j + 1 < t && (covered[j - c->a] || mods < 2) && (w->tk.v[j].flags & NG_TK_WORD)) {
        if (!covered[j - c->a]) mods++;
        if (j + 1 < t && !(w->tk.v[j + 1].flags & NG_TK_WORD)) break;
        j++;
    }
    for (uint32_t h = d; h <= j && h < t; h++) {
        const ng_tok *k = &w->tk.v[h];
        const char *f = ng_w__fold(w, h);
        if (covered[h - c->a] || !(k->flags & NG_TK_WORD) || (k->flags & NG_TK_CAP)) continue;
        if (k->flen > 3 && f[k->flen - 1] == 's' && f[k->flen - 2] != 's' &&
            f[k->flen - 2] != 'u' && f[k->flen - 2] != 'i' && !(ng_w__bits(w, h) & actor_noun))
            return 1;
    }
    return 0;
}

/* "said the attack killed two children and denounced it as ...": "it" right after a
 * trigger or a naming verb, with "the/this/that ACTNOUN" nearer before it than any actor in
 * the sentence, stands for that act, not for an organization of an earlier sentence. */
static int act_before(const ng_work *w, const sctx *c, const uint8_t *covered, uint32_t t)
{
    if (!ng_w__is(w, t, "it") || t <= c->a + 2) return 0;
    if (ng_lex__trigger_first(w->lex, w->tk.v[t - 1].h) < 0 &&
        !(ng_w__bits(w, t - 1) & NG_W_NAMINGVERB))
        return 0;
    for (uint32_t j = t - 1; j > c->a && j + 16 > t; j--) {
        if (covered[j - c->a]) return 0;
        if ((ng_w__bits(w, j) & NG_W_ACTNOUN) && !(w->tk.v[j].flags & NG_TK_CAP) &&
            (ng_w__is(w, j - 1, "the") || ng_w__is(w, j - 1, "this") ||
             ng_w__is(w, j - 1, "that")))
            return 1;
    }
    return 0;
}

/* "the North", "the South" (capitalized, no capitalized word after it: not "the South
 * China Sea") in an article that names exactly one state called "North ..." or "South ..."
 * (North Korea, South Sudan): that state; -1 otherwise. */
static int32_t the_compass_state(const ng_work *w, const sctx *c, const uint8_t *covered,
                                 uint32_t t)
{
    if (t + 1 >= c->b || !(w->tk.v[t + 1].flags & NG_TK_CAP) || covered[t + 1 - c->a] ||
        (w->tk.v[t + 1].flags & NG_TK_FIRST) || w->tk.v[t + 1].flen != 5 ||
        !ng_w__is(w, t, "the"))
        return -1;
    const char *side = ng_w__is(w, t + 1, "north")   ? "North "
                       : ng_w__is(w, t + 1, "south") ? "South "
                                                     : NULL;
    if (!side || (t + 2 < c->b && (w->tk.v[t + 2].flags & NG_TK_CAP) &&
                  !(w->tk.v[t + 2].flags & NG_TK_POSS)))
        return -1;
    int32_t found = -1;
    for (size_t i = 0; i < w->n_actors; i++) {
        const ng_wactor *x = &w->actors[i];
        if (x->type != NG_ETYPE_STATE || !x->mentions || strncmp(x->label, side, 6) != 0)
            continue;
        if (found >= 0) return -1;
        found = (int32_t)i;
    }
    return found;
}

/* "angering Jordan, which signed a peace treaty with it in 1994", "Mali left ECOWAS,
 * which had sanctioned it": "it" after a preposition or a trigger in a relative clause on one
 * state or organization (only words between "which" and "it") is the sentence's main subject
 * when that is another single state or organization; -1 otherwise ("Jordan, which said it
 * ..." is no object; "the deal, which Ukraine says harms it" has an actor inside). */
static int32_t relative_object_it(const ng_work *w, const sctx *c, const uint8_t *covered,
                                  uint32_t t)
{
    if (!ng_w__is(w, t, "it") || t < c->a + 4 ||
        (!(ng_w__bits(w, t - 1) & NG_W_PREP) &&
         ng_lex__trigger_first(w->lex, w->tk.v[t - 1].h) < 0))
        return -1;
    uint32_t r = t - 2;
    while (r > c->a + 1 && r + 12 > t && !ng_w__is(w, r, "which")) {
        if (covered[r - c->a] || !(w->tk.v[r].flags & NG_TK_WORD)) return -1;
        r--;
    }
    if (!ng_w__is(w, r, "which") || covered[r - c->a]) return -1;
    uint32_t e = ng_w__punct(w, r - 1, ',') ? r - 2 : r - 1;
    int32_t ante = e >= c->a ? c->gend[e - c->a] : -1, gi = ng_subject__main(w, c, r);
    if (ante < 0 || gi < 0 || gi == ante || c->g[ante].an != 1 || c->g[gi].an != 1 ||
        c->g[gi].poss || c->g[ante].place)
        return -1;
    const ng_wactor *x = &w->actors[c->acts[c->g[gi].a0]];
    if (x->type == NG_ETYPE_PERSON || w->actors[c->acts[c->g[ante].a0]].type == NG_ETYPE_PERSON ||
        c->acts[c->g[ante].a0] == c->acts[c->g[gi].a0])
        return -1;
    return c->acts[c->g[gi].a0];
}

/* "But the institution never developed a life beyond the presidents who created it": "it"
 * right after a trigger in a relative clause ("who" or "that" at most four words before) of
 * a sentence that opens with a description no actor stands for ("the institution") is that
 * description, not an organization of earlier sentences; 1 when so. */
static int it_of_description(const ng_work *w, const sctx *c, const uint8_t *covered, uint32_t t)
{
    if (!ng_w__is(w, t, "it") || t < c->a + 4 ||
        ng_lex__trigger_first(w->lex, w->tk.v[t - 1].h) < 0)
        return 0;
    uint32_t r = t - 1;
    while (r > c->a && r + 5 > t && !ng_w__is(w, r, "who") && !ng_w__is(w, r, "that"))
        r--;
    if (!(ng_w__is(w, r, "who") || ng_w__is(w, r, "that"))) return 0;
    uint32_t q = c->a;
    if (ng_w__is(w, q, "but") || ng_w__is(w, q, "and") || ng_w__is(w, q, "yet")) q++;
    uint32_t h = q + 1;
    return h + 1 < r && ng_w__is(w, q, "the") && !covered[h - c->a] && !covered[h + 1 - c->a] &&
           (w->tk.v[h].flags & NG_TK_WORD) && !(w->tk.v[h].flags & (NG_TK_CAP | NG_TK_POSS)) &&
           !ng_w__is(w, h + 1, "of") && !(w->tk.v[h + 1].flags & NG_TK_POSS) &&
           (w->tk.v[h + 1].flags & NG_TK_WORD) && !(w->tk.v[h + 1].flags & NG_TK_CAP);
}

/* "Iran said Washington had sanctioned it": "it" right after a trigger in a clause that a
 * speech verb opens ("said [that] Y had ..."; only Y's name and up to three words between) is
 * the speaker, a single state or organization other than Y; -1 otherwise ("said the deal
 * was dead and Y had killed it"). */
static int32_t reported_object_it(const ng_work *w, const sctx *c, const uint8_t *covered,
                                  uint32_t t)
{
    if (!ng_w__is(w, t, "it") || t < c->a + 4 ||
        ng_lex__trigger_first(w->lex, w->tk.v[t - 1].h) < 0 || covered[t - 1 - c->a])
        return -1;
    uint32_t e = t - 1;
    while (e > c->a && e + 5 > t && !covered[e - 1 - c->a] && (w->tk.v[e - 1].flags & NG_TK_WORD))
        e--;
    if (e <= c->a || !covered[e - 1 - c->a]) return -1;
    int32_t inner = c->gend[e - 1 - c->a];
    if (inner < 0 || c->g[inner].an != 1) return -1;
    uint32_t q = c->g[inner].t0;
    if (q > c->a && ng_w__is(w, q - 1, "that")) q--;
    if (q <= c->a + 1 || !(ng_w__bits(w, q - 1) & NG_W_SAY)) return -1;
    int32_t gi = ng_subject__main(w, c, q - 1);
    if (gi < 0 || gi == inner || c->g[gi].an != 1 || c->g[gi].poss || c->g[gi].t1 + 1 != q)
        return -1;
    int32_t a = c->acts[c->g[gi].a0];
    if (w->actors[a].type == NG_ETYPE_PERSON || a == c->acts[c->g[inner].a0]) return -1;
    return a;
}

/* "the Kremlin rejected [tonight] what it calls 'accusations'": "it" between "what" and a
 * naming verb or a verb of saying is the subject of the verb before "what" (up to three words
 * that name no actor between: "rejected on Tuesday what it") when that is one state or
 * organization; -1 otherwise (not the organization of the sentence before). */
static int32_t what_it(const ng_work *w, const sctx *c, uint32_t t)
{
    if (!ng_w__is(w, t, "it") || t < c->a + 3 || t + 1 >= c->b || !ng_w__is(w, t - 1, "what") ||
        !(ng_w__bits(w, t + 1) & (NG_W_NAMINGVERB | NG_W_SAY)))
        return -1;
    uint32_t v = t - 2;
    while (v > c->a && v + 5 > t && ng_lex__trigger_first(w->lex, w->tk.v[v].h) < 0 &&
           (w->tk.v[v].flags & NG_TK_WORD) && c->gcov[v - c->a] < 0)
        v--;
    if (ng_lex__trigger_first(w->lex, w->tk.v[v].h) < 0) return -1;
    int32_t gi = ng_subject__find(w, c, v);
    if (gi < 0 || c->g[gi].an != 1 || c->g[gi].place || c->g[gi].poss) return -1;
    int32_t a = c->acts[c->g[gi].a0];
    return w->actors[a].type == NG_ETYPE_PERSON ? -1 : a;
}

/* "Mogadishu cut ties with Kenya, accusing it of meddling": "it" right after a trigger in
 * -ing that a comma opens is the nearest state or organization before the comma other than
 * the clause's main subject; -1 if none. */
static int32_t participle_it(const ng_work *w, const sctx *c, uint32_t t)
{
    if (!ng_w__is(w, t, "it") || t < c->a + 3 || !ng_w__punct(w, t - 2, ',') ||
        ng_lex__trigger_first(w->lex, w->tk.v[t - 1].h) < 0 || w->tk.v[t - 1].flen < 5 ||
        memcmp(ng_w__fold(w, t - 1) + w->tk.v[t - 1].flen - 3, "ing", 3) != 0)
        return -1;
    int32_t ms = ng_subject__main(w, c, t - 2);
    for (uint32_t p = t - 2; p > c->a && p + 24 > t; p--) {
        int32_t gi = c->gend[p - 1 - c->a];
        if (gi < 0) continue;
        const group *g = &c->g[gi];
        if (gi == ms) return -1;
        if (g->place || g->poss || g->an != 1) continue;
        int32_t a = c->acts[g->a0];
        return w->actors[a].type == NG_ETYPE_PERSON ? -1 : a;
    }
    return -1;
}

/* The speaker of say_subject is a subject pronoun of this sentence already resolved (a unit
 * ending at q): the pronoun at t after the verb stands for the same actors when it is the
 * same word ("it" after "it", "they" after "they"), or "it" after "his/her government". */
static uint32_t said_by_pronoun(const ng_work *w, const sctx *c, uint32_t q, uint32_t t,
                                int32_t *out)
{
    if (!c->nu || c->u[c->nu - 1].t1 != q || c->u[c->nu - 1].place) return 0;
    const unit *u = &c->u[c->nu - 1];
    /* "His government said it would leave": own_government's state */
    int gov = u->t1 > u->t0 + 1 && (ng_w__is(w, u->t0, "his") || ng_w__is(w, u->t0, "her")) &&
              u->an == 1 && w->actors[c->acts[u->a0]].type == NG_ETYPE_STATE;
    if (!u->pron && !gov) return 0;
    if (!((ng_w__is(w, u->t0, "it") || gov) && ng_w__is(w, t, "it")) &&
        !(ng_w__is(w, u->t0, "they") && ng_w__is(w, t, "they")))
        return 0;
    uint32_t n = u->an > GMAX ? GMAX : u->an;
    memcpy(out, c->acts + u->a0, n * sizeof *out);
    return n;
}

/* "her government broke relations with Taiwan", "announced that his country was leaving":
 * "his"/"her" and a government or country noun (after title modifiers, not troops) at t: the
 * token of that noun, 0 when none. */
static uint32_t own_state_noun(const ng_work *w, const sctx *c, uint32_t t)
{
    const ng_wbits head = NG_W_GOVNOUN | NG_W_COUNTRYNOUN;
    uint32_t q = t + 1;
    if (!(ng_w__is(w, t, "his") || ng_w__is(w, t, "her"))) return 0;
    /* a subject only: opening the sentence or a clause ("that his country was leaving", "In
     * March 2023 her government broke"); as an object the person still acts ("signed on behalf
     * of his country", "said Russia had betrayed his country") */
    if (t > c->a && (w->tk.v[t - 1].flags & NG_TK_WORD) && !(ng_w__bits(w, t - 1) & NG_W_CLAUSE) &&
        !ng_w__is(w, t - 1, "and") && !opens_sentence(w, c, t))
        return 0;
    while (q < c->b && (ng_w__bits(w, q) & NG_W_TITLEMOD) && !(ng_w__bits(w, q) & head))
        q++;
    if (q >= c->b || !(ng_w__bits(w, q) & head) || (ng_w__bits(w, q) & NG_W_TROOPS) ||
        (w->tk.v[q].flags & NG_TK_CAP))
        return 0;
    return q;
}

/* own_state_noun's description stands for the state of the person the pronoun stands for
 * (acts[0]): the state when it is known, else the person until ng_coref__own_states; *t1
 * then covers the noun. Returns 1. */
static uint32_t own_government(const ng_work *w, const sctx *c, uint32_t t, int32_t *acts,
                               uint32_t *t1)
{
    const ng_wactor *p = &w->actors[acts[0]];
    uint32_t q = own_state_noun(w, c, t);
    if (!q || p->type != NG_ETYPE_PERSON) return 1;
    if (p->affil >= 0 && w->actors[p->affil].type == NG_ETYPE_STATE) acts[0] = p->affil;
    *t1 = q + 1;
    return 1;
}

/* After this sentence's affiliations ("Ecuador's President Lenin Moreno announced that his
 * country was leaving"): own_government's descriptions that still stand for a person whose
 * state is now known stand for that state, in their unit and in the group holding it. */
void ng_coref__own_states(const ng_work *w, sctx *c)
{
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        int32_t a = c->acts[u->a0];
        const ng_wactor *p = &w->actors[a];
        if (u->an != 1 || u->t1 < u->t0 + 2 || p->type != NG_ETYPE_PERSON || p->affil < 0 ||
            w->actors[p->affil].type != NG_ETYPE_STATE || own_state_noun(w, c, u->t0) + 1 != u->t1)
            continue;
        c->acts[u->a0] = p->affil;
        for (size_t g = 0; g < c->ng; g++)
            if (c->g[g].u0 <= i && i < c->g[g].u0 + c->g[g].un)
                for (uint32_t k = 0; k < c->g[g].an; k++)
                    if (c->acts[c->g[g].a0 + k] == a) c->acts[c->g[g].a0 + k] = p->affil;
    }
}

/* A subject pronoun right after a verb of saying stands for the speaker: "Taiwan said
 * it ...", "the ministers announced that they ...". Returns the speaker's actors. */
static uint32_t say_subject(const ng_work *w, const sctx *c, uint32_t t, int32_t *out)
{
    uint32_t q = t;
    if (q > c->a && ng_w__is(w, q - 1, "that")) {
        q--;
        /* "said in a statement that it", "told reporters in Rabat on Monday that it": a few
         * words (a place, no other actor, no clause) between the verb and "that" */
        for (uint32_t k = q; k > c->a + 1 && k + 8 > q && !(ng_w__bits(w, k - 1) & NG_W_SAY);) {
            k--;
            int32_t gi = c->gcov[k - c->a];
            /* "notified Moscow and Minsk last August that they": the addressee of a
             * notification stands between; the pronoun is still the notifier */
            if (gi >= 0 && !c->g[gi].place && ng_modality__notified(w, c, gi)) {
                q = c->g[gi].t0;
                while (!(ng_w__bits(w, q - 1) & NG_W_NOTIFY))
                    q--;
                break;
            }
            if ((w->tk.v[k].flags & NG_TK_PUNCT) || (ng_w__bits(w, k) & NG_W_CLAUSE) ||
                (gi >= 0 && !c->g[gi].place))
                break;
            if (ng_w__bits(w, k - 1) & NG_W_SAY) q = k;
        }
    }
    /* "said on Monday it", "said last week they": a time phrase of up to three lower-case
     * words (a month or a weekday) and no "that" */
    if (q == t && q > c->a && !(ng_w__bits(w, q - 1) & NG_W_SAY)) {
        uint32_t k = q;
        while (k > c->a && k + 3 > q && !(ng_w__bits(w, k - 1) & NG_W_SAY) &&
               (w->tk.v[k - 1].flags & NG_TK_WORD) && c->gcov[k - 1 - c->a] < 0 &&
               !(ng_w__bits(w, k - 1) & (NG_W_CLAUSE | NG_W_BE | NG_W_MODAL)))
            k--;
        if (k < q && k > c->a && (ng_w__bits(w, k - 1) & NG_W_SAY) &&
            ng_object__when_phrase(w, c, k) == q)
            q = k;
    }
    if (q <= c->a || !(ng_w__bits(w, q - 1) & (NG_W_SAY | NG_W_NOTIFY))) return 0;
    q--;
    /* "Canada in turn said", "Peru has also said" */
    while (q > c->a && ((ng_w__bits(w, q - 1) & (NG_W_PAST_MARK | NG_W_SKIPADV)) ||
                        (q > c->a + 1 && ng_w__is(w, q - 1, "turn") && ng_w__is(w, q - 2, "in"))))
        q -= ng_w__is(w, q - 1, "turn") ? 2 : 1;
    int32_t gi = q > c->a ? c->gend[q - 1 - c->a] : -1;
    /* "X accused the G7 of ... and said it had lodged ...": a verb of saying after "and"
     * (no comma) has the main subject of the clause, not the object before "and" */
    if (gi < 0 && q > c->a + 1 && ng_w__is(w, q - 1, "and") && !ng_w__punct(w, q - 2, ','))
        gi = ng_subject__main(w, c, q - 1);
    /* "It announced that it was leaving": the speaker is itself a pronoun, resolved just
     * before (units are not yet groups): what it stood for */
    if (gi < 0) return said_by_pronoun(w, c, q, t, out);
    if (c->g[gi].place) return 0;
    const group *g = &c->g[gi];
    int person = w->actors[c->acts[g->a0]].type == NG_ETYPE_PERSON;
    ng_wbits bits = ng_w__bits(w, t);
    int he = (bits & NG_W_SUBJPRON) && (bits & NG_W_PRONHE);
    if (he != (person && g->an == 1)) return 0;
    if ((bits & NG_W_SUBJPRON) && (bits & NG_W_PRONIT) && (g->an != 1 || person)) return 0;
    uint32_t n = g->an > GMAX ? GMAX : g->an;
    memcpy(out, c->acts + g->a0, n * sizeof *out);
    return n;
}

/* The label's last word is the head f (n bytes) in any case: "the Forum" for "the Pacific
 * Islands Forum"; "the Organisation" for "Shanghai Cooperation Organization": -ise/-ize. */
static int label_ends_with(const char *label, const char *f, size_t n)
{
    const char *sp = strrchr(label, ' ');
    if (!sp || strlen(sp + 1) != n) return 0;
    size_t k = 0;
    while (k < n && ((sp[1 + k] | 0x20) == f[k] ||
                     (((sp[1 + k] | 0x20) == 'z' || (sp[1 + k] | 0x20) == 's') &&
                      (f[k] == 'z' || f[k] == 's') && k > 0 && f[k - 1] == 'i')))
        k++;
    return k == n;
}

/* Some word of the label is the head f (n bytes) in any case: "the alliance" for "the
 * Alliance of Sahel States". */
static int label_has_word(const char *label, const char *f, size_t n)
{
    for (const char *p = label; *p;) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        size_t k = 0;
        while (k < len && k < n && (p[k] | 0x20) == f[k])
            k++;
        if (len == n && k == n) return 1;
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

/* "the council" for the Council of the Baltic Sea States, "the league" for the League of
 * Arab States: a name whose head comes first, before "of", is the head word at token t. */
static int label_head_of(const ng_work *w, const char *label, uint32_t t)
{
    const char *f = ng_w__fold(w, t);
    size_t n = w->tk.v[t].flen, k = 0;
    while (k < n && label[k] && (label[k] | 0x20) == f[k])
        k++;
    return k == n && strncmp(label + n, " of ", 4) == 0;
}

/* The one walk of a description of a bloc by its head word j (short_name, named_by_noun):
 * the latest organization of states named in the last eight sentences whose label matches
 * (a description reaches no further back, and never a government body or a person); 0
 * when none. */
static uint32_t recent_bloc(const ng_work *w, const cstate *cs, uint32_t j,
                            int (*fits)(const char *label, const char *f, size_t n), int32_t *out)
{
    const char *f = ng_w__fold(w, j);
    size_t n = w->tk.v[j].flen;
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *x = &w->actors[cs->mru[i]];
        if (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > 8) break;
        if (x->type != NG_ETYPE_ORG || x->body >= 0 || !x->label) continue;
        if (fits(x->label, f, n)) return one(out, cs->mru[i]);
    }
    return 0;
}

/* "the Forum", "the Union": a capitalised head right after "the" that is the last word of
 * an organization of several words named in the last eight sentences (the most recent one)
 * is that organization's short name. Not when a name goes on ("the Forum Secretariat"). */
static uint32_t short_name(const ng_work *w, const cstate *cs, const sctx *c,
                           const uint8_t *covered, uint32_t t, uint32_t j, int32_t *out)
{
    if (j != t + 1 || !ng_w__is(w, t, "the") || !(w->tk.v[j].flags & NG_TK_WORD)) return 0;
    if (j + 1 < c->b && (covered[j + 1 - c->a] || (w->tk.v[j + 1].flags & NG_TK_CAP))) return 0;
    /* "Within the European Union, ... before joining the Union": a name earlier in this
     * sentence is more recent than any of the sentences before */
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        const ng_wactor *x = &w->actors[c->acts[u->a0]];
        if (u->t1 <= t && u->an == 1 && !u->place && x->type == NG_ETYPE_ORG && x->body < 0 &&
            x->label && label_ends_with(x->label, ng_w__fold(w, j), w->tk.v[j].flen))
            return one(out, c->acts[u->a0]);
    }
    return recent_bloc(w, cs, j, label_ends_with, out);
}

/* "the alliance" after "the Alliance of Sahel States", "the community" after "the East
 * African Community": the latest organization named in the last eight sentences whose name
 * holds the description's head noun j as a word (before the most named bloc, which may be
 * another one: "Niger, the third member of the alliance" after ECOWAS and the AES). */
static uint32_t named_by_noun(const ng_work *w, const cstate *cs, uint32_t j, int32_t *out)
{
    return recent_bloc(w, cs, j, label_has_word, out);
}

/* "his guest", "her host", "the visitor", "the visiting minister" (t: the determiner or
 * possessive): the other side of a visit, the latest person of this sentence's two before
 * (three after his/her) who is not named in this sentence before t; *t1 gets the
 * description's end. */
/* (out of line: a rare path kept out of the code every determiner runs through) */
__attribute__((noinline)) static uint32_t guest(const ng_work *w, const cstate *cs,
                                                const sctx *c, const uint8_t *covered, uint32_t t,
                                                int32_t *acts, uint32_t *t1)
{
    uint32_t j = t + 1;
    if (j >= c->b || covered[j - c->a] || !(ng_w__bits(w, j) & NG_W_GUESTNOUN) ||
        (w->tk.v[j].flags & NG_TK_CAP))
        return 0;
    /* "the visiting minister": a person noun after the modifier */
    if (j + 1 < c->b && !covered[j + 1 - c->a] && (ng_w__bits(w, j + 1) & NG_W_PERSONNOUN) &&
        !(w->tk.v[j + 1].flags & NG_TK_CAP))
        j++;
    else if (w->tk.v[j].flen > 4 && memcmp(ng_w__fold(w, j) + w->tk.v[j].flen - 3, "ing", 3) == 0)
        return 0; /* "the visiting" alone is no noun */
    /* "the host country", "the host city": a modifier of another noun. What follows must
     * end the phrase: punctuation, a name, a function word, a verb */
    uint32_t e = j + 1;
    if (e < c->b && (w->tk.v[e].flags & NG_TK_WORD) && !(w->tk.v[e].flags & NG_TK_CAP) &&
        !covered[e - c->a] && !ng_w__is(w, e, "and") && !ng_w__is(w, e, "or") &&
        !(ng_w__bits(w, e) & (NG_W_PREP | NG_W_LOCPREP | NG_W_CLAUSE | NG_W_BE | NG_W_SAY |
                              NG_W_SKIPADV | NG_W_PAST_MARK | NG_W_MODAL | NG_W_NEG)) &&
        ng_lex__trigger_first(w->lex, w->tk.v[e].h) < 0 &&
        !(w->tk.v[e].flen > 3 && memcmp(ng_w__fold(w, e) + w->tk.v[e].flen - 2, "ed", 2) == 0))
        return 0;
    /* "his host, President X": the person named right after is the actor ("He and his host,
     * President X, signed": a list of two) */
    if (j + 1 < c->b && (covered[j + 1 - c->a] ||
                         (ng_w__punct(w, j + 1, ',') && j + 2 < c->b && covered[j + 2 - c->a]))) {
        uint32_t q = covered[j + 1 - c->a] ? j + 1 : j + 2;
        for (size_t k = 0; k < c->nu; k++)
            if (c->u[k].t0 == q && unit_person(w, c, &c->u[k])) {
                *t1 = j + 1;
                return one(acts, c->acts[c->u[k].a0]);
            }
        return 0;
    }
    /* "his guest" has its host in the sentence: its visit may be told a sentence further
     * back than that of "the visiting minister" */
    uint32_t reach = (ng_w__bits(w, t) & NG_W_PRONHE) ? 3 : 2;
    /* "Russian President Vladimir Putin, the host,": an apposition of the person before the
     * comma, who is the host, not the other side of the visit */
    if (t > c->a + 1 && ng_w__punct(w, t - 1, ',') && !(ng_w__bits(w, t) & NG_W_PRONHE))
        for (size_t k = 0; k < c->nu; k++)
            if (c->u[k].t1 == t - 1 && unit_person(w, c, &c->u[k])) {
                *t1 = j + 1;
                return one(acts, c->acts[c->u[k].a0]);
            }
    for (int i = 0; i < cs->n_mru; i++) {
        int32_t a = cs->mru[i];
        if (w->actors[a].type != NG_ETYPE_PERSON || cs->cur_sent - cs->mru_sent[i] > reach)
            continue;
        int here = 0;
        for (size_t k = 0; k < c->nu && !here; k++)
            for (uint32_t m = 0; m < c->u[k].an && c->u[k].t0 < t; m++)
                here |= c->acts[c->u[k].a0 + m] == a;
        if (here) continue;
        *t1 = j + 1;
        return one(acts, a);
    }
    return 0;
}

/* What a description "the [two] [modifiers] NOUN" at t stands for (t: a determiner);
 * *t1 gets its end, *pron 1 when it opens a clause ("the two signed"). */
static uint32_t description(ng_work *w, cstate *cs, const sctx *c, const uint8_t *covered,
                            uint32_t t, int32_t *acts, uint32_t *t1, int *pron);

/* "summoned the Belarusian envoy and criticised his government's decision", "the ambassadors
 * of A and B ... their governments": his/her/their before a government noun (over title
 * modifiers) owned by the envoys named earlier in the sentence, a role of a state (a person
 * noun after a demonym, or before "of" and the states): those states; 0 if none. The
 * subject's own government is "its" ("Lithuania and Latvia ... their government" is not
 * theirs when an envoy is named). */
/* "Nicaragua's own ambassador to the OAS, X, denounced his government": unit u, a state, is a
 * possessive ('s) before a lower-case person noun (over "own" and title modifiers), before t. */
static int possessive_envoy(const ng_work *w, const unit *u, uint32_t t)
{
    uint32_t q = u->t1;
    if (q < t && (w->tk.v[q].flags & NG_TK_POSS))
        q++;
    else if (!(u->t1 > u->t0 && (w->tk.v[u->t1 - 1].flags & NG_TK_POSS)))
        return 0;
    while (q < t && (ng_w__is(w, q, "own") || (ng_w__bits(w, q) & NG_W_TITLEMOD)))
        q++;
    return q < t && (ng_w__bits(w, q) & NG_W_PERSONNOUN) && !(w->tk.v[q].flags & NG_TK_CAP) &&
           !(ng_w__bits(w, q) & NG_W_KIN);
}

static uint32_t envoys_government(ng_work *w, const sctx *c, uint32_t t, int32_t *acts)
{
    uint32_t q = t + 1, n = 0;
    if (!(ng_w__bits(w, t) & (NG_W_PRONHE | NG_W_PRONTHEY)) || t + 1 >= c->b ||
        !(ng_w__is(w, t, "his") || ng_w__is(w, t, "her") || ng_w__is(w, t, "their")))
        return 0;
    while (q < c->b && (ng_w__bits(w, q) & NG_W_TITLEMOD) && !(ng_w__bits(w, q) & NG_W_GOVNOUN))
        q++;
    if (q >= c->b || !(ng_w__bits(w, q) & NG_W_GOVNOUN) || (ng_w__bits(w, q) & NG_W_TROOPS))
        return 0;
    /* "the Polish envoys", "the Belarusian ambassador": a demonym before a person noun */
    const ng_wsent *se = &w->sents[c->s];
    for (uint32_t k = se->m0 + se->nm; k-- > se->m0;) {
        const ng_mention *m = &w->ms[k];
        if (m->dead || m->t1 > t) continue;
        if (m->kind == NG_MK_DEMONYM && m->t1 < t && (ng_w__bits(w, m->t1) & NG_W_PERSONNOUN) &&
            !(w->tk.v[m->t1].flags & NG_TK_CAP) && !(ng_w__bits(w, m->t1) & NG_W_KIN))
        {
            if (ng_actors__get_lex(w, &acts[0], m->lex) < 0) return 0;
            /* the state is a party of the sentence though a demonym named it */
            w->actors[acts[0]].mentions++;
            w->actors[acts[0]].emit = 1;
            return 1;
        }
        break;
    }
    for (size_t i = c->nu; i-- > 0 && !n;) {
        const unit *u = &c->u[i];
        if (u->t1 > t || u->an != 1 || w->actors[c->acts[u->a0]].type != NG_ETYPE_STATE) continue;
        /* "the Belarusian envoy": the unit ends with its person noun */
        if (u->t1 - u->t0 >= 2 && (ng_w__bits(w, u->t1 - 1) & NG_W_PERSONNOUN) &&
            !(w->tk.v[u->t1 - 1].flags & NG_TK_CAP)) {
            acts[n++] = c->acts[u->a0];
            break;
        }
        if (possessive_envoy(w, u, t)) {
            acts[n++] = c->acts[u->a0];
            break;
        }
        /* "the envoys of A and B": the states after "of" */
        uint32_t p = u->t0;
        size_t k = i;
        while (k > 0 && c->u[k - 1].an == 1 && c->u[k - 1].t1 + 2 >= c->u[k].t0 &&
               w->actors[c->acts[c->u[k - 1].a0]].type == NG_ETYPE_STATE)
            p = c->u[--k].t0;
        if (p > c->a + 1 && ng_w__is(w, p - 1, "of") && (ng_w__bits(w, p - 2) & NG_W_PERSONNOUN) &&
            !(w->tk.v[p - 2].flags & NG_TK_CAP))
            for (; k <= i && n < GMAX; k++)
                acts[n++] = c->acts[c->u[k].a0];
        break;
    }
    return n;
}

/* The group right at q (over determiners) followed by a verb of saying, or a verb of saying at
 * q and the group after it: '..." the ministry said', '..." said the ministry'; -1. */
static int32_t speaker_at(const ng_work *w, const sctx *c, uint32_t q)
{
    if (q < c->b && (ng_w__bits(w, q) & NG_W_SAY)) {
        q++;
        return ng_engine__group_after_dets(w, c, &q);
    }
    int32_t gi = ng_engine__group_after_dets(w, c, &q);
    if (gi < 0) return -1;
    q = c->g[gi].t1;
    while (q < c->b && (ng_w__bits(w, q) & NG_W_SKIPADV))
        q++;
    return q < c->b && (ng_w__bits(w, q) & NG_W_SAY) ? gi : -1;
}

/* '"We condemn X's attack," the ministry said', 'X said: "Our government rejects ..."': "we"
 * or "our" inside a quotation is its speaker, the group that says it right after the
 * closing mark (a comma between) or before the opening one (a colon or a comma between);
 * how many actors. */
static uint32_t quote_speaker(const ng_work *w, const sctx *c, uint32_t t, int32_t *out)
{
    if (!(w->tk.v[t].flags & NG_TK_INQUOTE) || !(ng_w__is(w, t, "we") || ng_w__is(w, t, "our")))
        return 0;
    int32_t gi = -1;
    uint32_t k = t + 1;
    while (k < c->b && !(ng_w__punct(w, k, '"') && !(w->tk.v[k].flags & NG_TK_INQUOTE)))
        k++;
    if (k + 1 < c->b) gi = speaker_at(w, c, ng_w__punct(w, k + 1, ',') ? k + 2 : k + 1);
    if (gi < 0) {
        uint32_t o = t;
        while (o > c->a && !ng_w__punct(w, o - 1, '"'))
            o--;
        if (o > c->a + 3 && (ng_w__punct(w, o - 2, ':') || ng_w__punct(w, o - 2, ',')) &&
            (ng_w__bits(w, o - 3) & NG_W_SAY))
            gi = c->gend[o - 4 - c->a];
    }
    if (gi < 0 || c->g[gi].place) return 0;
    uint32_t n = c->g[gi].an > GMAX ? GMAX : c->g[gi].an;
    memcpy(out, c->acts + c->g[gi].a0, n * sizeof *out);
    return n;
}

/* "the treaty (that) it signed with Spain", "the accord that it concluded": "it" opening a
 * relative clause on a document noun (words class doc), with or without "that", or on a
 * capitalized name before "that" ("the Treaty of Friendship that it signed"). */
static int document_relative(const ng_work *w, const sctx *c, uint32_t t)
{
    if (ng_w__bits(w, t - 1) & NG_W_DOC) return 1;
    return ng_w__is(w, t - 1, "that") &&
           ((ng_w__bits(w, t - 2) & NG_W_DOC) || (w->tk.v[t - 2].flags & NG_TK_CAP));
}

/* Is sentence s a header line: at most sixteen tokens, every word capitalized but the
 * determiners and prepositions ("Prime Minister of Australia, The Hon Anthony Albanese MP"),
 * one person named? */
static int header_line(const ng_work *w, uint32_t s)
{
    const ng_wsent *se = &w->sents[s];
    if (se->ntok > 16) return 0;
    /* one person only: "President A and President B" names no one author */
    int people = 0;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++)
        people += !w->ms[k].dead && w->ms[k].kind == NG_MK_PERSON;
    if (people > 1) return 0;
    for (uint32_t t = se->tok0; t < se->tok0 + se->ntok; t++)
        if ((w->tk.v[t].flags & NG_TK_WORD) && !(w->tk.v[t].flags & NG_TK_CAP) &&
            !(ng_w__bits(w, t) & (NG_W_DET | NG_W_PREP)) && !ng_w__is(w, t, "and"))
            return 0;
    return 1;
}

/* The author of a first-person release: the person of the one header line among the
 * article's first six sentences that names one (read before this sentence), -1 when none
 * or two. */
static int32_t release_author(const ng_work *w, const cstate *cs, const sctx *c)
{
    int32_t a = -1;
    for (uint32_t s = 0; s < c->s && s < 6; s++) {
        if (cs->sent_person[s] < 0 || w->sents[s].headline || !header_line(w, s)) continue;
        if (a >= 0 && a != cs->sent_person[s]) return -1;
        a = cs->sent_person[s];
    }
    return a;
}

/* What the word at t stands for when it is a pronoun or a description: the number of actors
 * in acts, 0 when none; *t1 gets its end, *pron whether it opens a clause. */
/* reference's case of he/she/him/his/her at t (bits: its word classes): the guest of a visit,
 * a person judged or an object "him", else the sentence's or the text's person, checked
 * against the pronoun's gender. Apart from reference as the gender bookkeeping is its own. */
static uint32_t reference_he(ng_work *w, cstate *cs, const sctx *c, const uint8_t *covered,
                             uint32_t t, ng_wbits bits, int32_t *acts, uint32_t *t1)
{
    uint32_t n;
    /* "his guest", "her host" */
    if ((bits & NG_W_DET) && t + 1 < c->b && (ng_w__bits(w, t + 1) & NG_W_GUESTNOUN) &&
        (n = guest(w, cs, c, covered, t, acts, t1)) != 0)
        return n;
    int g = pron_gender(w, t);
    n = judged_act(w, c, t) ? resolve_judged(w, cs, c, t, acts)
        : object_he(w, c, t)  ? resolve_him(w, cs, c, t, acts)
                              : ng_coref__resolve(w, cs, c, NG_CR_HE, 0, 0, t, acts);
    if (n == 1) {
        acts[0] = gender_check(w, cs, c, t, g, acts[0]);
        gender_note(cs, acts[0], g);
        n = own_government(w, c, t, acts, t1);
    }
    return n;
}

/* reference's case of it/its outside quotes at t: the subject of a participle, of "what it
 * calls", of the possessive's clause, the main subject after a relative pronoun, a relative
 * or reported object, else the latest state or organization. Apart from reference as each
 * step is a reading of the sentence's structure, not of the pronoun. */
static uint32_t reference_it(ng_work *w, cstate *cs, const sctx *c, const uint8_t *covered,
                             uint32_t t, int32_t *acts)
{
    if (act_before(w, c, covered, t)) return 0;
    int32_t pa = participle_it(w, c, t);
    if (pa >= 0 || (pa = what_it(w, c, t)) >= 0) return one(acts, pa);
    /* "Moscow launched its exit", "NATO said Russia had broken its promise": the
     * possessive is its clause's subject when that is a state or an organization */
    int32_t gi = ng_w__is(w, t, "its") ? ng_subject__find(w, c, t) : -1;
    if (gi >= 0 && c->g[gi].an == 1 && !c->g[gi].place && !c->g[gi].poss &&
        w->actors[c->acts[c->g[gi].a0]].type != NG_ETYPE_PERSON)
        return one(acts, c->acts[c->g[gi].a0]);
    /* "Niger cut ties with France, which it accuses of meddling": "it" after a relative
     * pronoun is the sentence's main subject, a state or an organization other than the
     * antecedent */
    gi = t > c->a + 2 && ng_w__is(w, t, "it") &&
                 (ng_w__is(w, t - 1, "which") || ng_w__is(w, t - 1, "whom") ||
                  document_relative(w, c, t))
             ? ng_subject__main(w, c, t)
             : -1;
    if (gi >= 0 && c->g[gi].an == 1 && !c->g[gi].poss &&
        w->actors[c->acts[c->g[gi].a0]].type != NG_ETYPE_PERSON &&
        c->gend[t - 2 - c->a] != gi &&
        !(ng_w__punct(w, t - 2, ',') && c->gend[t - 3 - c->a] == gi))
        return one(acts, c->acts[c->g[gi].a0]);
    if ((gi = relative_object_it(w, c, covered, t)) >= 0 ||
        (gi = reported_object_it(w, c, covered, t)) >= 0)
        return one(acts, gi);
    if (it_of_description(w, c, covered, t)) return 0;
    return ng_coref__resolve(w, cs, c, NG_CR_IT, 0, 0, t, acts);
}

static uint32_t reference(ng_work *w, cstate *cs, const sctx *c, const uint8_t *covered, uint32_t t,
                          int32_t *acts, uint32_t *t1, int *pron)
{
    uint32_t n;
    *t1 = t + 1;
    ng_wbits bits = ng_w__bits(w, t);
    *pron = (bits & NG_W_SUBJPRON) != 0;
    if ((bits & (NG_W_PRONHE | NG_W_PRONTHEY)) && (n = envoys_government(w, c, t, acts)) != 0)
        return n;
    if ((w->tk.v[t].flags & NG_TK_INQUOTE) && (n = quote_speaker(w, c, t, acts)) != 0) {
        *pron = ng_w__is(w, t, "we");
        return n;
    }
    /* "Today, I was honoured to sign ...": in a release whose header line names its
     * author, "I" outside quotes is the author */
    if ((bits & NG_W_PRONI) && !(w->tk.v[t].flags & NG_TK_INQUOTE)) {
        int32_t a = release_author(w, cs, c);
        *pron = 1;
        return a >= 0 ? one(acts, a) : 0;
    }
    /* "Taiwan said it ...", "X announced that they ..." */
    if (*pron && (n = say_subject(w, c, t, acts)) != 0) return n;
    if (ng_w__is(w, t, "each") && t + 1 < c->b && (ng_w__bits(w, t + 1) & NG_W_PERSONNOUN) &&
        !covered[t + 1 - c->a]) {
        /* "greeted each leader": the latest group of people */
        *t1 = t + 2;
        return ng_coref__resolve(w, cs, c, NG_CR_GROUP, 0, NG_ETYPE_PERSON + 1, t, acts);
    }
    if ((ng_w__is(w, t, "each") || ng_w__is(w, t, "both") || ng_w__is(w, t, "all")) &&
        t + 2 < c->b && ng_w__is(w, t + 1, "of") && !covered[t + 2 - c->a] &&
        (ng_w__bits(w, t + 2) & NG_W_DET))
        /* "received each of the leaders", "both of the countries": the description */
        return description(w, cs, c, covered, t + 2, acts, t1, pron);
    if (bits & NG_W_PRONHE) return reference_he(w, cs, c, covered, t, bits, acts, t1);
    if ((bits & NG_W_PRONTHEY) && (bits & NG_W_OBJPRON) && !(bits & NG_W_SUBJPRON) &&
        plural_thing_before(w, c, covered, t))
        return sentence_list(w, c, t, acts);
    if (bits & NG_W_PRONTHEY) return ng_coref__resolve(w, cs, c, NG_CR_THEY, 0, 0, t, acts);
    if ((bits & NG_W_PRONIT) && !(w->tk.v[t].flags & NG_TK_INQUOTE))
        return reference_it(w, cs, c, covered, t, acts);
    if (!(bits & NG_W_DET)) return 0;
    int32_t cs_state = the_compass_state(w, c, covered, t);
    if (cs_state >= 0) {
        *t1 = t + 2;
        return one(acts, cs_state);
    }
    return description(w, cs, c, covered, t, acts, t1, pron);
}

/* "Washington completed its withdrawal from the agreement": "the treaty", "the agreement"
 * (a lower-case words class treatyhead head right after "the") as what an exit leaves
 * ("withdrawal from", "pulled out of", or right after "quit"/"leave": words class exitword)
 * is the one treaty the article named so far (runs.c treaty_exits; "denouncing the Treaty on
 * Open Skies"); none when it named several. */
static uint32_t left_treaty(const ng_work *w, const cstate *cs, const sctx *c,
                            const uint8_t *covered, uint32_t t, uint32_t j, uint32_t *t1,
                            int32_t *acts)
{
    if (j != t + 1 || j >= c->b || covered[j - c->a] || (w->tk.v[j].flags & NG_TK_CAP) ||
        !(ng_w__bits(w, j) & NG_W_TREATYHEAD) || !ng_w__is(w, t, "the") || t <= c->a)
        return 0;
    if (j + 1 < c->b && (w->tk.v[j + 1].flags & NG_TK_WORD) &&
        !(ng_w__bits(w, j + 1) & (NG_W_PREP | NG_W_LOCPREP | NG_W_YEARPREP | NG_W_CLAUSE |
                                  NG_W_MODAL | NG_W_BE | NG_W_PAST_MARK)) &&
        !(ng_w__phrase_bits(w, j + 1, c->b) & (NG_W_DAYSAGO | NG_W_YEARSAGO)))
        return 0; /* "the treaty talks", "the agreement signed"; not "last year" */
    uint32_t p = t - 1;
    if (ng_w__is(w, p, "from") || ng_w__is(w, p, "of")) {
        if (p > c->a && ng_w__is(w, p, "of") && ng_w__is(w, p - 1, "out")) p--;
        if (p <= c->a || !(ng_w__bits(w, p - 1) & NG_W_EXITWORD)) return 0;
    }
    else if (!(ng_w__bits(w, p) & NG_W_EXITWORD) || ng_lex__word_number(w->lex, w->tk.v[p].h) != 1)
        return 0;
    int32_t a = -1;
    for (uint32_t i = 0; i < w->n_actors; i++)
        if (w->actors[i].treaty && w->actors[i].mentions) {
            if (a >= 0) return 0;
            a = (int32_t)i;
        }
    (void)cs;
    if (a < 0) return 0;
    *t1 = j + 1;
    return one(acts, a);
}

/* "Russia sent peacekeepers ... Those peacekeepers withdrew": "those/these/the" and a plural
 * troops noun (words class troops, no government noun; up to two lower-case modifiers
 * between: "the remaining soldiers"), with no "of"/"from" after it, is the state of the
 * latest demonym's troops ("Russian peacekeepers") of this sentence or the two before. */
static uint32_t troops_of(const ng_work *w, const cstate *cs, const sctx *c,
                          const uint8_t *covered, uint32_t t, uint32_t j, uint32_t *t1,
                          int32_t *acts)
{
    if (cs->troops < 0 || cs->troops_sent > c->s || c->s - cs->troops_sent > 2) return 0;
    for (int n = 0; j < c->b && n < 2 && !covered[j - c->a] && (w->tk.v[j].flags & NG_TK_WORD) &&
                    !(w->tk.v[j].flags & NG_TK_CAP) && !(ng_w__bits(w, j) & NG_W_TROOPS);
         n++)
        j++;
    if (j >= c->b || covered[j - c->a] || (w->tk.v[j].flags & NG_TK_CAP)) return 0;
    ng_wbits bits = ng_w__bits(w, j);
    const char *f = ng_w__fold(w, j);
    uint16_t len = w->tk.v[j].flen;
    if (!(bits & NG_W_TROOPS) || (bits & (NG_W_GOVNOUN | NG_W_PERSONNOUN)) || len < 4 ||
        f[len - 1] != 's')
        return 0;
    if (j + 1 < c->b && (ng_w__is(w, j + 1, "of") || ng_w__is(w, j + 1, "from"))) return 0;
    (void)t;
    *t1 = j + 1;
    return one(acts, cs->troops);
}

/* The head noun of a description after its determiner and number at j: modifiers (at most
 * three words that are not a head) and names ("the West African bloc") are skipped. Returns
 * the head's token, or c->b when there is none. */
static uint32_t description_head(const ng_work *w, const sctx *c, const uint8_t *covered,
                                 uint32_t j)
{
    int mods = 0;
    while (j < c->b && mods < 3 && !covered[j - c->a] && (w->tk.v[j].flags & NG_TK_WORD) &&
           !(ng_w__bits(w, j) & (NG_W_GROUPNOUN | NG_W_BLOCNOUN | NG_W_GOVNOUN | NG_W_CLAUSE |
                                 NG_W_PREP | NG_W_BE | NG_W_SAY)) &&
           !(ng_w__bits(w, j) & (NG_W_COUNTRYNOUN | NG_W_BODYNOUN))) {
        if (j + 1 < c->b && !(w->tk.v[j + 1].flags & NG_TK_WORD)) break;
        j++;
        mods++;
    }
    while (j < c->b && covered[j - c->a] && mods < 3) {
        /* "the three Baltic states": a place name that ends in a lower-case group noun is
         * the description's head */
        if ((ng_w__bits(w, j) & NG_W_GROUPNOUN) && !(w->tk.v[j].flags & NG_TK_CAP) &&
            (j + 1 >= c->b || !covered[j + 1 - c->a]))
            return j;
        j++;
        mods++;
    }
    if (j >= c->b || covered[j - c->a] || !(w->tk.v[j].flags & NG_TK_WORD)) return c->b;
    return j;
}

/* "the Myanmar junta", "the Iranian government": a state named right before a government or
 * country noun is what the description names (the mention's own unit stands, and the noun
 * stands for that state from now on); 1 when so. */
static int state_before_head(const ng_work *w, cstate *cs, const sctx *c, const uint8_t *covered,
                             uint32_t j)
{
    if (j == c->a || !covered[j - 1 - c->a] ||
        !(ng_w__bits(w, j) & (NG_W_GOVNOUN | NG_W_COUNTRYNOUN)) || (ng_w__bits(w, j) & NG_W_TROOPS))
        return 0;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 != j || u->an != 1 || (u->place && !u->adj)) continue;
        int32_t a = c->acts[u->a0];
        if (w->actors[a].type != NG_ETYPE_STATE) return 0;
        if (ng_w__bits(w, j) & NG_W_GOVNOUN) ng_recent__gov_note(cs, w->tk.v[j].h, a);
        return 1;
    }
    return 0;
}

/* "the Trudeau government", "the Trump administration": a person named right before a
 * government noun (no troops word); the description is that person's state when the person
 * holds an office of one, else the person; -1 when no person is named there. */
static int32_t leader_before_head(const ng_work *w, const sctx *c, const uint8_t *covered,
                                  uint32_t j)
{
    if (j == c->a || !covered[j - 1 - c->a] || !(ng_w__bits(w, j) & NG_W_GOVNOUN) ||
        (ng_w__bits(w, j) & NG_W_TROOPS))
        return -1;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 != j || u->an != 1 || u->place) continue;
        int32_t a = c->acts[u->a0];
        if (w->actors[a].type != NG_ETYPE_PERSON) return -1;
        int32_t st = w->actors[a].affil;
        return st >= 0 && w->actors[st].type == NG_ETYPE_STATE ? st : a;
    }
    return -1;
}

/* "the G20 presidency", "the EU presidency": a government noun right after an organization's
 * name is that organization's office, no state's government; "the pro-Western GUUAM
 * grouping", "the BRICS group": a bloc noun after it is the kind of that organization, no
 * reference to another one named before. The name is the actor. */
static int org_before_head(const ng_work *w, const sctx *c, const uint8_t *covered, uint32_t j)
{
    if (j == c->a || !covered[j - 1 - c->a] ||
        !(ng_w__bits(w, j) & (NG_W_GOVNOUN | NG_W_BLOCNOUN)) || (ng_w__bits(w, j) & NG_W_TROOPS))
        return 0;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 == j && u->an == 1 && !u->place &&
            w->actors[c->acts[u->a0]].type == NG_ETYPE_ORG)
            return 1;
    }
    return 0;
}

/* "Saudi Arabia's foreign ministry said the kingdom condemned ...": "the country", "the
 * kingdom", "the government" in a sentence that names no state before t but a state body
 * ("Chile's foreign ministry") is that body's state; 1 with it in acts[0], else 0. */
static uint32_t body_state_before(ng_work *w, const sctx *c, uint32_t t, int32_t *acts)
{
    int32_t body = -1;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 > t || u->place) continue;
        for (uint32_t k = 0; k < u->an; k++) {
            const ng_wactor *x = &w->actors[c->acts[u->a0 + k]];
            if (x->type == NG_ETYPE_STATE) return 0;
            if (x->type == NG_ETYPE_ORG && x->body_state >= 0 && body < 0)
                body = x->body_state;
        }
    }
    if (body < 0 || ng_actors__get_lex(w, &acts[0], body) < 0) return 0;
    /* a party of the sentence though its body named it; counted once when it is new, so
     * that the states the article names most stay as they were */
    if (!w->actors[acts[0]].mentions) w->actors[acts[0]].mentions = 1;
    w->actors[acts[0]].emit = 1;
    return 1;
}

/* The state the article has used the government noun at j for already, -1 if none. */
static int32_t gov_memory(const ng_work *w, const cstate *cs, uint32_t j)
{
    for (int gi = 0; gi < cs->n_gov; gi++)
        if (cs->gov[gi].noun == w->tk.v[j].h) return cs->gov[gi].actor;
    return -1;
}

/* "the junta", "the government": the same noun stands for the same state all through the
 * article. */
static uint32_t government(const ng_work *w, cstate *cs, const sctx *c, uint32_t t, uint32_t j,
                           int32_t *acts)
{
    int32_t known = gov_memory(w, cs, j);
    if (known >= 0) return one(acts, known);
    uint32_t n = ng_coref__resolve(w, cs, c, NG_CR_GOV, 0, 0, t, acts);
    if (n == 1) ng_recent__gov_note(cs, w->tk.v[j].h, acts[0]);
    return n;
}

/* Does every person of a list hold an office one person holds per state (a president, a
 * prime minister, a king), and is there one? */
static int leaders_list(const ng_work *w, const recent_group *r)
{
    uint32_t n = 0;
    for (uint32_t k = 0; k < r->n; k++) {
        const ng_wactor *a = &w->actors[r->acts[k]];
        if (a->type != NG_ETYPE_PERSON) continue;
        if (a->title < 0 || !w->lex->titles[a->title].sole) return 0;
        n++;
    }
    return n >= 2;
}

/* Is every actor of list a in list b? */
static int sublist(const recent_group *a, const recent_group *b)
{
    for (uint32_t i = 0; i < a->n; i++) {
        uint32_t k;
        for (k = 0; k < b->n && b->acts[k] != a->acts[i]; k++) {
        }
        if (k == b->n) return 0;
    }
    return 1;
}

/* "the leaders", "each of the leaders": the latest list of heads of state or government of
 * the last sentences, when there is one ("X and Y agreed ... Z and W sat down with them ...
 * V received each of the leaders": X and Y, not Z and W). With no number, a larger list of
 * leaders that contains it wins ("X hosted A, B and C ... X welcomed the three leaders ...
 * The leaders condemned Y": all four). */
static uint32_t recent_leaders(const ng_work *w, const cstate *cs, int number, int32_t *out)
{
    const recent_group *found = NULL;
    for (int i = 0; i < cs->ring_n; i++) {
        const recent_group *r = &cs->ring[(cs->ring_pos - 1 - i + RING) % RING];
        if (cs->cur_sent - r->sent > (found ? 12 : 6)) break;
        if ((number > 0 && (int)r->n != number) || !leaders_list(w, r)) continue;
        if (!found)
            found = r;
        else if (r->n > found->n && sublist(found, r))
            found = r;
        if (number > 0) break;
    }
    if (!found) return 0;
    memcpy(out, found->acts, found->n * sizeof *out);
    return found->n;
}

/* The one walk of "the two", "the three leaders" over the people this sentence names before
 * t: each distinct person (a unit that is no place) into out, *n of them; 0 when there are
 * more than max (the number is not theirs), 1 otherwise. */
static int people_before(const ng_work *w, const sctx *c, uint32_t t, uint32_t max, int32_t *out,
                         uint32_t *n)
{
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 > t) break;
        if (!u->place && unit_person(w, c, u) &&
            !ng_engine__add_distinct(out, n, max, c->acts[u->a0]))
            return 0;
    }
    return 1;
}

/* "X arrived in Rome to see Y. The two leaders met for an hour": with no list of two, the
 * two people named before it in this sentence and the one before, when they are exactly two
 * (into out); 0 otherwise. */
static uint32_t two_people(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t,
                           int32_t *out)
{
    uint32_t n = 0;
    if (!people_before(w, c, t, 2, out, &n)) return 0;
    for (int i = 0; i < cs->n_mru; i++) {
        if (cs->mru_sent[i] > cs->cur_sent || cs->cur_sent > cs->mru_sent[i] + 1) break;
        int32_t a = cs->mru[i];
        if (w->actors[a].type == NG_ETYPE_PERSON && !ng_engine__add_distinct(out, &n, 2, a))
            return 0;
    }
    return n == 2 ? 2 : 0;
}

/* "Both countries belong to X" with no pair of states named in the last sentences: the two
 * states the article has named most so far, when they stand clearly ahead of every other
 * (each named three times or more, the second more often than the third); 0 otherwise. */
static uint32_t two_main_states(const ng_work *w, int32_t *out)
{
    int32_t best[3] = {-1, -1, -1};
    for (size_t a = 0; a < w->n_actors; a++) {
        if (w->actors[a].type != NG_ETYPE_STATE) continue;
        uint32_t m = w->actors[a].mentions;
        int k = 3;
        while (k > 0 && (best[k - 1] < 0 || w->actors[best[k - 1]].mentions < m))
            k--;
        if (k == 3) continue;
        for (int i = 2; i > k; i--)
            best[i] = best[i - 1];
        best[k] = (int32_t)a;
    }
    if (best[1] < 0 || w->actors[best[1]].mentions < 3 ||
        (best[2] >= 0 && w->actors[best[2]].mentions >= w->actors[best[1]].mentions))
        return 0;
    out[0] = best[0];
    out[1] = best[1];
    return 2;
}

/* "A hosted B and C in Asmara, where the three leaders held a summit": the distinct people
 * named before t in this sentence, when they are exactly `number` (into out); 0 otherwise. */
static uint32_t people_here(const ng_work *w, const sctx *c, uint32_t t, int number, int32_t *out)
{
    uint32_t n = 0;
    if (number < 2 || number > GMAX) return 0;
    return people_before(w, c, t, (uint32_t)number, out, &n) && n == (uint32_t)number ? n : 0;
}

/* "the three countries", "both sides", "the two leaders": for people, exactly that many
 * named before it in this sentence (people_here); else the latest list of that size
 * (number, 0 any) and kind (people for a person noun, any actor for "sides", "parties",
 * else states). */
static uint32_t group_noun(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t,
                           ng_wbits bits, int number, int32_t *acts)
{
    int ctype = (bits & NG_W_PERSONNOUN)  ? NG_ETYPE_PERSON + 1
                : (bits & NG_W_PARTYNOUN) ? 0
                                          : NG_ETYPE_STATE + 1;
    uint32_t n = 0;
    if (ctype == NG_ETYPE_PERSON + 1) n = people_here(w, c, t, number, acts);
    if (!n && (bits & NG_W_PERSONNOUN) && (bits & NG_W_SOLEOFFICE))
        n = recent_leaders(w, cs, number, acts);
    if (!n) n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, number, ctype, t, acts);
    if (!n && ctype == NG_ETYPE_PERSON + 1 && number == 2) n = two_people(w, cs, c, t, acts);
    if (!n && ctype == NG_ETYPE_STATE + 1 && number == 2) n = two_main_states(w, acts);
    if (!n && ctype == NG_ETYPE_PERSON + 1)
        n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
    return n;
}

/* The one organization of states the headline names, for "the bloc" of a body that has
 * named none yet ("ASEAN leaders gather in Vientiane" over "The bloc condemned ..."): the
 * headline is read after the body, so its organization may have no actor yet. 0 when the
 * headline names none or several (or on no memory: the next allocation reports it). */
static uint32_t headline_bloc(ng_work *w, int32_t *acts)
{
    int32_t ent = -1, a = -1;
    for (uint32_t s = 0; s < w->n_sents; s++) {
        if (!w->sents[s].headline) continue;
        for (uint32_t i = w->sents[s].m0; i < w->sents[s].m0 + w->sents[s].nm; i++) {
            const ng_mention *m = &w->ms[i];
            if (m->kind != NG_MK_ORG || m->lex < 0 || m->dead ||
                !(w->lex->ents[m->lex].flags & NG_LXF_MULTISTATE) || m->lex == ent)
                continue;
            if (ent >= 0) return 0;
            ent = m->lex;
        }
    }
    if (ent < 0 || ng_actors__get_lex(w, &a, ent) < 0) return 0;
    return one(acts, a);
}

/* "the court", "the regional force": the one organization among the recent actors whose name
 * ends with the lower-case head noun at j (the International Criminal Court, the EAC Regional
 * Force), -1 if none or several. */
static int32_t org_head(const ng_work *w, const cstate *cs, const sctx *c, uint32_t j)
{
    int32_t found = -1;
    /* "the council of elders": a head with its own "of" is no short form of "Council of X" */
    int head_of = !(j + 1 < c->b && ng_w__is(w, j + 1, "of"));
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *x = &w->actors[cs->mru[i]];
        if (x->type != NG_ETYPE_ORG ||
            !(ng_w__label_ends_with(w, x->label, j) || (head_of && label_head_of(w, x->label, j))))
            continue;
        if (found >= 0) return -1;
        found = cs->mru[i];
    }
    return found;
}

/* "the three countries of 'Russophobia'", "the government of destroying ties": "of" after
 * the head at j opens what the description is accused of (a lower-case word or a quotation
 * that is no determiner nor number), not whose it is ("the ministers of X"). */
static int of_what(const ng_work *w, const sctx *c, const uint8_t *covered, uint32_t j)
{
    if (!(ng_w__is(w, j + 1, "of") && j + 2 < c->b && !covered[j + 2 - c->a] &&
          !(w->tk.v[j + 2].flags & NG_TK_CAP) &&
          !(ng_w__bits(w, j + 2) & (NG_W_DET | NG_W_NUMWORD))))
        return 0;
    /* "the heads of state (and government) of X", "the ministers of defence from X": the
     * noun's own complement, then whose they are (groups.c role_phrases) */
    uint32_t k = j + 3;
    while (k < c->b && k < j + 5 && (w->tk.v[k].flags & NG_TK_WORD) &&
           !(w->tk.v[k].flags & NG_TK_CAP) && !ng_w__is(w, k, "of") && !ng_w__is(w, k, "from") &&
           !(ng_w__bits(w, k) & (NG_W_DET | NG_W_NUMWORD | NG_W_PREP)))
        k++;
    return !(k < c->b && (ng_w__is(w, k, "of") || ng_w__is(w, k, "from")));
}

/* "The statement described X's remarks as ...", "The communique also condemned X": a
 * statement noun (words class issuednoun, one modifier before it at most) that opens the
 * sentence, with no owner after it, is the statement whose issuer one of the two sentences
 * before named (recent.c note_statement); the count of actors, 0. */
static uint32_t the_statement(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t,
                              uint32_t j, uint32_t *t1, int32_t *acts)
{
    if (t != c->a || !ng_w__is(w, t, "the") || cs->stmt_n == 0 || cs->stmt_sent >= c->s ||
        c->s - cs->stmt_sent > 2)
        return 0;
    if (j + 1 < c->b && !(ng_w__bits(w, j) & NG_W_ISSUEDNOUN) &&
        (w->tk.v[j].flags & NG_TK_WORD) && !(w->tk.v[j].flags & NG_TK_CAP))
        j++; /* "the joint statement" */
    if (j + 1 >= c->b || !(ng_w__bits(w, j) & NG_W_ISSUEDNOUN) ||
        (w->tk.v[j].flags & NG_TK_CAP) || (w->tk.v[j + 1].flags & NG_TK_PUNCT) ||
        (ng_w__bits(w, j + 1) & (NG_W_PREP | NG_W_CLAUSE)))
        return 0;
    *t1 = j + 1;
    for (uint32_t i = 0; i < cs->stmt_n; i++)
        acts[i] = cs->stmt_acts[i];
    return cs->stmt_n;
}

/* The organization (not a body) named right before the comma before token t, -1. */
static int32_t apposed_org(const ng_work *w, const sctx *c, uint32_t t)
{
    if (t < c->a + 2 || !ng_w__punct(w, t - 1, ',')) return -1;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t1 != t - 1) continue;
        if (u->an != 1 || u->place || u->pron) return -1;
        int32_t a = c->acts[u->a0];
        return w->actors[a].type == NG_ETYPE_ORG && w->actors[a].body < 0 ? a : -1;
    }
    return -1;
}

/* description's bloc noun at j (words class blocnoun; t: the determiner): "the bloc", "the
 * group", "the organisation"; 0 when an apposition or an "of" phrase after it names the
 * organization or its members. */
static uint32_t bloc_description(ng_work *w, cstate *cs, const sctx *c, const uint8_t *covered,
                                 uint32_t t, uint32_t j, int32_t *acts)
{
    uint32_t n;
    /* "rejoined the continental body, by then the African Union,": an apposition that
     * names the organization (a few lower-case words, then a name) is the actor */
    if (j + 2 < c->b && ng_w__punct(w, j + 1, ',')) {
        uint32_t q = j + 2;
        while (q < c->b && q < j + 6 && !covered[q - c->a] &&
               (w->tk.v[q].flags & NG_TK_WORD) && !(w->tk.v[q].flags & NG_TK_CAP) &&
               !(ng_w__bits(w, q) & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PAST_MARK)))
            q++;
        if (q < c->b && covered[q - c->a] && q > j + 2) return 0;
    }
    /* "the Eurasian Economic Community, the Russian-led trade bloc whose members are ...":
     * a description in apposition right after an organization's name is that one */
    int32_t named = apposed_org(w, c, t);
    if (named >= 0) return one(acts, named);
    /* "the bloc of A, B and C" names its members; "the group of fomenting" does not */
    if (j + 2 < c->b && ng_w__is(w, j + 1, "of") &&
        (covered[j + 2 - c->a] || (w->tk.v[j + 2].flags & NG_TK_CAP) ||
         (ng_w__bits(w, j + 2) & NG_W_DET)))
        return 0;
    /* "the group", "the organisation": any organization; "the bloc": of states */
    int generic = (ng_w__bits(w, j) & NG_W_ORGNOUN) != 0;
    if ((n = named_by_noun(w, cs, j, acts)) != 0) return n;
    n = ng_coref__resolve(w, cs, c, NG_CR_BLOC, generic, 0, t, acts);
    return n || generic || w->sents[c->s].headline ? n : headline_bloc(w, acts);
}

/* description's last reading after "the": an organization by its head noun at j ("the
 * court"), or by the word before j when description_head stopped on "of", "that", "is" ...;
 * *t1 gets the end. 0 when none. */
static uint32_t org_head_description(const ng_work *w, const cstate *cs, const sctx *c,
                                     const uint8_t *covered, uint32_t t, uint32_t j,
                                     uint32_t *t1, int32_t *acts)
{
    uint32_t h = j;
    if ((ng_w__bits(w, j) & (NG_W_PREP | NG_W_CLAUSE | NG_W_BE | NG_W_SAY)) && h > t + 1) h--;
    /* "accused the court of bias"; not "the court of Justice" (a name's complement) */
    if (!ng_w__is(w, t, "the") || (w->tk.v[h].flags & NG_TK_CAP) || covered[h - c->a] ||
        (h + 2 < c->b && ng_w__is(w, h + 1, "of") &&
         (covered[h + 2 - c->a] || (w->tk.v[h + 2].flags & NG_TK_CAP) ||
          (ng_w__bits(w, h + 2) & NG_W_DET))))
        return 0;
    int32_t a = org_head(w, cs, c, h);
    if (a < 0) return 0;
    *t1 = h + 1;
    return one(acts, a);
}

/* "the Arab Maghreb Union, a five-nation bloc founded in 1989 with A and B", "X, a trade
 * bloc whose members are A and B": an indefinite bloc description (modifiers, a bloc noun)
 * in apposition right after an organization's name, before "whose" or a participle in
 * "-ed", is that organization (the clause after it says more of it); 0 otherwise (an
 * indefinite refers to nothing). */
static uint32_t apposed_indefinite(const ng_work *w, const sctx *c, const uint8_t *covered,
                                   uint32_t t, uint32_t *t1, int32_t *acts)
{
    int32_t named = apposed_org(w, c, t);
    if (named < 0) return 0;
    uint32_t j = description_head(w, c, covered, t + 1);
    if (j == c->b || j + 1 >= c->b || !(ng_w__bits(w, j) & NG_W_BLOCNOUN) ||
        (w->tk.v[j].flags & NG_TK_CAP) || covered[j + 1 - c->a])
        return 0;
    const char *f = ng_w__fold(w, j + 1);
    uint16_t len = w->tk.v[j + 1].flen;
    if (!ng_w__is(w, j + 1, "whose") &&
        !(len > 4 && f[len - 2] == 'e' && f[len - 1] == 'd' && !(w->tk.v[j + 1].flags & NG_TK_CAP)))
        return 0;
    *t1 = j + 1;
    return one(acts, named);
}

/* description's second half: the head noun at j of "the [number] [modifiers] HEAD" (t is
 * the determiner), read once description_head has found it. Kept apart from the determiner
 * and number handling before it: here each word class of the head (group, bloc, government,
 * country, body, organization) picks its own resolver. */
static uint32_t described_head(ng_work *w, cstate *cs, const sctx *c, const uint8_t *covered,
                               uint32_t t, uint32_t j, int number, int numtok, uint32_t *t1,
                               int32_t *acts)
{
    uint32_t n;
    if (state_before_head(w, cs, c, covered, j)) return 0;
    int32_t lead = leader_before_head(w, c, covered, j);
    if (lead >= 0) {
        *t1 = j + 1;
        return one(acts, lead);
    }
    if (org_before_head(w, c, covered, j)) return 0;
    /* "the junta in Khartoum", "the authorities in Mali": the state named after "in" */
    if ((ng_w__bits(w, j) & NG_W_GOVNOUN) && j + 2 < c->b && ng_w__is(w, j + 1, "in") &&
        covered[j + 2 - c->a])
        return 0;
    /* "the regional bloc IGAD", "the rebel group M23": the name that follows is the actor */
    if (j + 1 < c->b && covered[j + 1 - c->a]) return 0;
    ng_wbits bits = ng_w__bits(w, j);
    /* part of a name ("the New Delhi Leaders' Declaration"): not a description */
    if ((w->tk.v[j].flags & NG_TK_CAP) && !(w->tk.v[j].flags & NG_TK_FIRST)) {
        *t1 = j + 1;
        return short_name(w, cs, c, covered, t, j, acts);
    }
    int of_follows = j + 1 < c->b && (ng_w__is(w, j + 1, "of") || ng_w__is(w, j + 1, "from"));
    *t1 = j + 1;
    /* "both NATO members", "the three EU member states": a membership, not a coreference */
    if ((bits & NG_W_MEMBERNOUN) && covered[j - 1 - c->a]) return 0;
    /* "the defence ministers of X": a role noun phrase, not a coreference */
    /* ... but "accused the three countries of 'Russophobia'" (a lower-case word or a
     * quotation after "of": what they are accused of) is the description */
    if (bits & NG_W_GROUPNOUN)
        return of_follows && !of_what(w, c, covered, j)
                   ? 0
                   : group_noun(w, cs, c, t, bits, number, acts);
    /* "both sit in X" after a list is a floating quantifier: "both" alone is no number */
    if (numtok && number > 0 && j == t + 2 && !(bits & (NG_W_BLOCNOUN | NG_W_GOVNOUN))) {
        /* "the two signed ...": the number alone */
        *t1 = t + 2;
        return ng_coref__resolve(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
    }
    if (number) return 0;
    if (bits & NG_W_BLOCNOUN) return bloc_description(w, cs, c, covered, t, j, acts);
    if ((bits & NG_W_GOVNOUN) && !(bits & NG_W_TROOPS)) {
        /* "the military rulers of X": a role phrase, grouped with X later; "accused the
         * government of 'destroying' ties" is the description, when the article has used
         * the noun for a state already (a guess from recent states alone is too weak for a
         * target) */
        if (of_follows && !(of_what(w, c, covered, j) && gov_memory(w, cs, j) >= 0)) return 0;
        return (n = body_state_before(w, c, t, acts)) != 0 ? n : government(w, cs, c, t, j, acts);
    }
    if ((bits & NG_W_COUNTRYNOUN) && (n = body_state_before(w, c, t, acts)) != 0) return n;
    if (bits & NG_W_COUNTRYNOUN)
        return ng_coref__resolve(w, cs, c, NG_CR_COUNTRY, ng_w__is(w, j, "kingdom"), 0, t, acts);
    if (bits & NG_W_BODYNOUN) return ng_coref__resolve(w, cs, c, NG_CR_BODY, 0, 0, t, acts);
    return org_head_description(w, cs, c, covered, t, j, t1, acts);
}

static uint32_t description(ng_work *w, cstate *cs, const sctx *c, const uint8_t *covered,
                            uint32_t t, int32_t *acts, uint32_t *t1, int *pron)
{
    uint32_t j = t + 1, n;
    int number = 0;
    if (ng_w__is(w, t, "a") || ng_w__is(w, t, "an"))
        return apposed_indefinite(w, c, covered, t, t1, acts);
    if (!(ng_w__is(w, t, "the") || ng_w__is(w, t, "these") || ng_w__is(w, t, "those") ||
          ng_w__is(w, t, "both") || ng_w__is(w, t, "all")))
        return 0;
    /* "the visitor", "the visiting minister" */
    if (j < c->b && (ng_w__bits(w, j) & NG_W_GUESTNOUN) &&
        (n = guest(w, cs, c, covered, t, acts, t1)) != 0)
        return n;
    if (ng_w__is(w, t, "both")) number = 2;
    int numtok = 0; /* a number word follows the determiner ("the two", not "both") */
    if (j < c->b && (ng_w__bits(w, j) & NG_W_NUMWORD)) {
        number = ng_lex__word_number(w->lex, w->tk.v[j].h);
        numtok = 1;
        j++;
    }
    /* a plural of states (countries, nations, states) is no verb even when a trigger opens
     * with it ("the three states that make up", not "X states that") */
    if (number > 0 && j == t + 2 && j < c->b &&
        (ng_w__is(w, t, "the") || (ng_w__is(w, t, "all") && number > 2)) &&
        !(ng_w__bits(w, j) & NG_W_BLOCPLURAL) &&
        (ng_lex__trigger_first(w->lex, w->tk.v[j].h) >= 0 ||
         (ng_w__bits(w, j) & (NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL | NG_W_SAY | NG_W_SKIPADV)))) {
        /* "the two signed a communique", "the two had met", "all three signed": the number
         * alone; with no list of two, "X handed the report to Y, when the two held talks":
         * the two people named just before (two_people) */
        *t1 = t + 2;
        *pron = 1;
        /* "... Oman called for restraint. Together with A and B, the two make up the GCC":
         * members are states, the ones of the last sentences before an older list */
        n = membership_verb(w, c, j) ? last_sentences_states(w, cs, (uint32_t)number, acts) : 0;
        if (!n) n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
        if (!n && number == 2) n = people_here(w, c, t, 2, acts);
        return n || number != 2 ? n : two_people(w, cs, c, t, acts);
    }
    if (!numtok && (n = troops_of(w, cs, c, covered, t, j, t1, acts)) != 0) return n;
    if (!numtok && (n = left_treaty(w, cs, c, covered, t, j, t1, acts)) != 0) return n;
    if (!numtok && (n = the_statement(w, cs, c, t, j, t1, acts)) != 0) return n;
    /* "the Forum brings together": a capitalised word right after "the" may be a short
     * name even when a word follows it, which description_head would read as a modifier */
    if (!numtok && j < c->b && (w->tk.v[j].flags & NG_TK_CAP) &&
        !(w->tk.v[j].flags & NG_TK_FIRST) && !covered[j - c->a] &&
        (n = short_name(w, cs, c, covered, t, j, acts)) != 0) {
        *t1 = j + 1;
        return n;
    }
    if ((j = description_head(w, c, covered, j)) == c->b) return 0;
    return described_head(w, cs, c, covered, t, j, number, numtok, t1, acts);
}

/* "his counterparts from X", "her Malian counterpart": a possessive before a role is part
 * of the role phrase, not its owner; before a member noun it owns the members ("Its members
 * include A and B"). */
static int role_owner(const ng_work *w, const sctx *c, const uint8_t *covered, uint32_t t)
{
    uint32_t q = t + 1;
    if (t + 1 >= c->b) return 0;
    while (q < c->b && !covered[q - c->a] && (ng_w__bits(w, q) & NG_W_TITLEMOD))
        q++;
    return q < c->b &&
           (covered[q - c->a] || ((ng_w__bits(w, q) & (NG_W_PERSONNOUN | NG_W_GROUPNOUN)) &&
                                  !(ng_w__bits(w, q) & NG_W_MEMBERNOUN)));
}

/* Can reference() find anything at t? Only at a pronoun, a determiner, "we"/"our" in a
 * quotation and "each", "both", "all": most words are rejected here by their classes. */
static int may_refer(const ng_work *w, uint32_t t)
{
    return (ng_w__bits(w, t) & (NG_W_PRONHE | NG_W_PRONTHEY | NG_W_PRONIT | NG_W_SUBJPRON |
                                NG_W_DET | NG_W_REFWORD | NG_W_PRONI)) != 0;
}

int ng_coref__units(ng_work *w, cstate *cs, sctx *c, const uint8_t *covered)
{
    int error;
    int32_t acts[GMAX];
    for (uint32_t t = c->a; t < c->b; t++) {
        uint32_t n, t1;
        int pron;
        if (covered[t - c->a] || !(w->tk.v[t].flags & NG_TK_WORD) || !may_refer(w, t)) continue;
        int possessive = (ng_w__bits(w, t) & NG_W_POSSDET) != 0;
        if (possessive && role_owner(w, c, covered, t)) continue;
        if (!(n = reference(w, cs, c, covered, t, acts, &t1, &pron))) continue;
        if ((error = ng_units__add(c, t, t1, acts, n, 0, 0)) < 0) return error;
        c->u[c->nu - 1].pron = (uint8_t)pron;
        /* "his decision", "their withdrawal": the owner of what follows */
        if (possessive && t1 == t + 1 && t1 < c->b && (w->tk.v[t1].flags & NG_TK_WORD))
            c->u[c->nu - 1].poss = 1;
        t = t1 - 1;
    }
    return NG_OK;
}
