/* groups.c - units joined into lists, and role phrases that stand for a list.
 *
 * Units joined by ",", "and", "or", "&", "as well as", "along with", "together with" form
 * one group (a place never joins; a subject pronoun starts a clause; "X met Y, the
 * ministry said" ends the list before the reporting clause). "between A and B" keeps its
 * two conjuncts apart (split). A role noun or title before "of"/"from" and a group ("the
 * defence ministers of Mali and Niger", "his counterparts from ...") is a role phrase that
 * stands for the group, and joins a list before it. The maps gcov, gstart and gend give,
 * for each token, the group that covers it, starts or ends there. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

static int cmp_unit(const void *x, const void *y)
{
    const unit *a = x, *b = y;
    if (a->t0 != b->t0) return a->t0 < b->t0 ? -1 : 1;
    return a->t1 > b->t1 ? -1 : a->t1 < b->t1;
}

static int add_group(sctx *c, uint32_t u0, uint32_t un)
{
    int error;
    if (NG_ARRAY_GROW(c->g, c->capg, c->ng + 1) < 0) return NG_ENOMEM;
    group *g = &c->g[c->ng];
    memset(g, 0, sizeof *g);
    g->u0 = u0;
    g->un = un;
    g->t0 = c->u[u0].t0;
    g->t1 = c->u[u0 + un - 1].t1;
    g->place = c->u[u0].place;
    g->adj = c->u[u0].adj;
    g->a0 = (uint32_t)c->nacts;
    for (uint32_t i = u0; i < u0 + un; i++) {
        const unit *u = &c->u[i];
        for (uint32_t k = 0; k < u->an; k++) {
            int32_t a = c->acts[u->a0 + k];
            uint32_t j;
            for (j = g->a0; j < c->nacts && c->acts[j] != a; j++) {
            }
            if (j < c->nacts) continue;
            if ((error = ng_units__push_act(c, a)) < 0) return error;
        }
    }
    g->an = (uint32_t)c->nacts - g->a0;
    c->ng++;
    return NG_OK;
}

/* "X, the couple's son, and Y": an apposition of a determiner and up to five lower-case words
 * (a possessive's 's among them) between commas, right before "and", describes the unit
 * before it; the token after its closing comma, else t0. */
static uint32_t apposition_then_and(const ng_work *w, uint32_t t0, uint32_t t1)
{
    if (!ng_w__punct(w, t0, ',') || t0 + 3 >= t1 || !(ng_w__bits(w, t0 + 1) & NG_W_DET))
        return t0;
    for (uint32_t k = t0 + 2; k + 1 < t1 && k < t0 + 8; k++) {
        if (ng_w__punct(w, k, ',')) return ng_w__is(w, k + 1, "and") && k > t0 + 2 ? k + 1 : t0;
        if ((w->tk.v[k].flags & NG_TK_CAP) || ng_w__is(w, k, "and") ||
            (!(w->tk.v[k].flags & NG_TK_WORD) && !(w->tk.v[k].flags & NG_TK_POSS)) ||
            (ng_w__bits(w, k) & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE)))
            return t0;
    }
    return t0;
}

/* Tokens between two units that join a list: ",", "and", ", and", "&", "or", a phrase of class
 * listlink ("as well as", "along with"), optionally followed by a determiner; an apposition
 * before ", and" (apposition_then_and). */
static int joins(const ng_work *w, uint32_t t0, uint32_t t1, int *has_and)
{
    uint32_t t = t0, len;
    int n = 0;
    *has_and = 0;
    if (t0 == t1) return 0;
    t = apposition_then_and(w, t0, t1);
    while (t < t1) {
        if (ng_w__punct(w, t, ',')) {
            t++;
            n++;
            continue;
        }
        if (ng_w__is(w, t, "and") || ng_w__is(w, t, "&") || ng_w__is(w, t, "or")) {
            *has_and = 1;
            t++;
            n++;
            continue;
        }
        if ((len = ng_w__phrase(w, t, t1, NG_W_LISTLINK, NULL)) != 0) {
            t += len;
            n++;
            continue;
        }
        if (ng_w__bits(w, t) & NG_W_DET) {
            if (n == 0) return 0;
            /* "The Front, a Hamas ally, ...": an apposition, not a list */
            if (!*has_and && (ng_w__is(w, t, "a") || ng_w__is(w, t, "an"))) return 0;
            t++;
            continue;
        }
        return 0;
    }
    return n > 0;
}

/* Units in text order, longest first at one position. */
static void sort_units(sctx *c)
{
    if (c->nu > 16) {
        qsort(c->u, c->nu, sizeof *c->u, cmp_unit);
        return;
    }
    /* a few units: a stable insertion sort (the same order as glibc's stable qsort) */
    for (size_t i = 1; i < c->nu; i++) {
        unit x = c->u[i];
        size_t j = i;
        while (j > 0 && cmp_unit(&c->u[j - 1], &x) > 0) {
            c->u[j] = c->u[j - 1];
            j--;
        }
        c->u[j] = x;
    }
}

/* Drops the units nested in earlier ones. */
static void drop_nested(sctx *c)
{
    size_t k = 0;
    uint32_t end = 0;
    for (size_t i = 0; i < c->nu; i++) {
        if (k && c->u[i].t0 < end) continue;
        c->u[k++] = c->u[i];
        end = c->u[i].t1;
    }
    c->nu = k;
}

/* "the Intergovernmental Authority on Development (IGAD), the Arab League and ...": a unit
 * in brackets right after a unit of the same one actor is its acronym, part of it; the first
 * unit takes the brackets in, so that the list goes on after them. */
static void absorb_acronyms(const ng_work *w, sctx *c)
{
    size_t k = 0;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i], *p = k ? &c->u[k - 1] : NULL;
        if (p && u->t0 == p->t1 + 1 && u->t1 < c->b && ng_w__punct(w, p->t1, '(') &&
            ng_w__punct(w, u->t1, ')') && u->an == 1 && p->an == 1 && !u->place && !p->place &&
            !p->poss && c->acts[u->a0] == c->acts[p->a0]) {
            c->u[k - 1].t1 = u->t1 + 1;
            continue;
        }
        c->u[k++] = *u;
    }
    c->nu = k;
}

/* Is unit u one person (no place, pronoun nor possessive)? */
static int one_person(const ng_work *w, const sctx *c, const unit *u)
{
    return u->an == 1 && !u->place && !u->pron && !u->poss && !u->role &&
           w->actors[c->acts[u->a0]].type == NG_ETYPE_PERSON;
}

/* Does unit v, one state or organization, follow unit u's "of [the]" right after it? */
static int of_owner_after(const ng_work *w, const sctx *c, const unit *u, const unit *v)
{
    uint32_t t = u->t1;
    if (t >= c->b || !ng_w__is(w, t, "of")) return 0;
    t++;
    if (t < c->b && ng_w__is(w, t, "the")) t++;
    return v->t0 == t && v->an == 1 && !v->place && !v->pron && !v->poss && !v->role &&
           (w->actors[c->acts[v->a0]].type == NG_ETYPE_STATE ||
            w->actors[c->acts[v->a0]].type == NG_ETYPE_ORG);
}

/* "President A of Kenya and President B of Uganda signed", "A of Kenya, B of Uganda and C of
 * Tanzania": in a list of people, a person's "of" + a state or organization says whose they
 * are (their affiliation, read in pass 1); the person's unit takes it in, so that the list
 * joins the people, not a state to the next person. */
static void absorb_of_owners(const ng_work *w, sctx *c)
{
    size_t k = 0;
    for (size_t i = 0; i < c->nu; i++) {
        c->u[k++] = c->u[i];
        unit *u = &c->u[k - 1];
        if (i + 1 >= c->nu || !one_person(w, c, u) || !of_owner_after(w, c, u, &c->u[i + 1]))
            continue;
        int has_and;
        const unit *v = &c->u[i + 1], *next = i + 2 < c->nu ? &c->u[i + 2] : NULL;
        int before = k > 1 && one_person(w, c, &c->u[k - 2]) &&
                     joins(w, c->u[k - 2].t1, u->t0, &has_and);
        int after = next && one_person(w, c, next) && joins(w, v->t1, next->t0, &has_and);
        if (!before && !after) continue;
        u->t1 = v->t1;
        i++;
    }
    c->nu = k;
}

/* Does a verb follow token t (over two adverbs)? "after Ruiz accused ...", "since Chile has
 * ...": a trigger's first word, a verb of saying, be/have, a modal, a negation, a past tense
 * in "-ed". */
static int verb_after(const ng_work *w, const sctx *c, uint32_t t)
{
    for (int n = 0; t < c->b && n < 2 && (ng_w__bits(w, t) & NG_W_SKIPADV); n++)
        t++;
    if (t >= c->b || !(w->tk.v[t].flags & NG_TK_WORD) || (w->tk.v[t].flags & NG_TK_POSS)) return 0;
    /* a lower-case word in "-ed" is a past tense ("after Moscow launched its exit") */
    const char *f = ng_w__fold(w, t);
    size_t n = w->tk.v[t].flen;
    if (n > 4 && f[n - 2] == 'e' && f[n - 1] == 'd' && !(w->tk.v[t].flags & NG_TK_CAP)) return 1;
    return ng_lex__trigger_first(w->lex, w->tk.v[t].h) >= 0 ||
           (ng_w__bits(w, t) & (NG_W_SAY | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL | NG_W_NEG));
}

/* verb_after, also over a relative clause between commas right after t ("and Sudan, which
 * had drifted from Tehran, expelled ..."). */
static int verb_after_relative(const ng_work *w, const sctx *c, uint32_t t)
{
    if (verb_after(w, c, t)) return 1;
    if (t + 2 >= c->b || !ng_w__punct(w, t, ',') ||
        !(ng_w__is(w, t + 1, "which") || ng_w__is(w, t + 1, "who")))
        return 0;
    for (uint32_t k = t + 2; k < c->b && k < t + 30; k++) {
        if (ng_w__punct(w, k, ';') || ng_w__punct(w, k, '.')) return 0;
        if (ng_w__punct(w, k, ',')) return verb_after(w, c, k + 1);
    }
    return 0;
}

/* A verb after the list that starts at unit j ("Backed by Qatar and Egypt, Israel and
 * Hamas signed": after "Hamas", not only after "Israel"). */
static int verb_after_list(const ng_work *w, const sctx *c, size_t j)
{
    int has_and;
    while (j + 1 < c->nu && !c->u[j + 1].place && !c->u[j + 1].pron &&
           joins(w, c->u[j].t1, c->u[j + 1].t0, &has_and))
        j++;
    return verb_after(w, c, c->u[j].t1);
}

/* Does an apposition follow the unit u, or close inside it (", leader of ...", ", the
 * party's leader,", ", a former minister,")? The unit starts the main clause after an
 * opening phrase ("In Greece, X, leader of Y, accused Z": not a list "Greece, X"). */
static int apposition_after(const ng_work *w, const sctx *c, const unit *u)
{
    for (uint32_t k = u->t0; k < u->t1; k++)
        if (ng_w__punct(w, k, ',')) return 1;
    uint32_t t = u->t1;
    return t + 1 < c->b && ng_w__punct(w, t, ',') && (w->tk.v[t + 1].flags & NG_TK_WORD) &&
           !(w->tk.v[t + 1].flags & NG_TK_CAP) && !ng_w__is(w, t + 1, "and") &&
           (ng_w__bits(w, t + 1) & (NG_W_DET | NG_W_PERSONNOUN | NG_W_TITLEMOD)) &&
           !ng_w__is(w, t + 1, "that");
}

/* Is token k inside a demonym adjective's unit ("the French manufacturer X")? */
static int adj_unit_at(const sctx *c, uint32_t k)
{
    for (size_t i = 0; i < c->nu && c->u[i].t0 <= k; i++)
        if (c->u[i].adj && k < c->u[i].t1) return 1;
    return 0;
}

/* "with the French manufacturer Alstom", "with the state phosphate group X": where a
 * descriptor of up to four words (lower case, or a demonym adjective) between a determiner
 * and the unit at t0 starts; t0 when there is none. */
static uint32_t descriptor_start(const ng_work *w, const sctx *c, uint32_t t0)
{
    uint32_t q = t0;
    while (q > c->a + 1 && t0 - q < 4 && (w->tk.v[q - 1].flags & NG_TK_WORD) &&
           !(ng_w__bits(w, q - 1) & (NG_W_DET | NG_W_PREP | NG_W_CLAUSE)) &&
           (!(w->tk.v[q - 1].flags & NG_TK_CAP) || adj_unit_at(c, q - 1)))
        q--;
    return q < t0 && (ng_w__bits(w, q - 1) & NG_W_DET) ? q : t0;
}

/* Is the unit at t0 a verb's direct object ("met Y", "accused the Y"): a trigger's word or a
 * past tense in "-ed" right before it (over a determiner other than "that"), not a verb of
 * saying ("said X and Y met" has the list as its subject)? */
static int object_of_verb(const ng_work *w, const sctx *c, uint32_t t0)
{
    uint32_t q = descriptor_start(w, c, t0);
    /* "complained that Venezuela and Bolivia had": "that" opens a clause, no determiner */
    if (q > c->a && ng_w__is(w, q - 1, "that")) return 0;
    if (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET)) q--;
    if (q <= c->a || !(w->tk.v[q - 1].flags & NG_TK_WORD) || (w->tk.v[q - 1].flags & NG_TK_CAP))
        return 0;
    q--;
    if (ng_w__bits(w, q) & (NG_W_SAY | NG_W_PREP | NG_W_CLAUSE | NG_W_MEMBERNOUN |
                            NG_W_GROUPNOUN | NG_W_PERSONNOUN | NG_W_BLOCNOUN | NG_W_GOVNOUN))
        return 0; /* "fellow NATO members A and B objected": a noun, no verb */
    const char *f = ng_w__fold(w, q);
    size_t n = w->tk.v[q].flen;
    return (n > 4 && f[n - 2] == 'e' && f[n - 1] == 'd') ||
           ng_lex__trigger_first(w->lex, w->tk.v[q].h) >= 0;
}

/* The comma that ends an opening subordinate clause ("Since Chile left the OAS, Peru ...") or
 * prepositional phrase ("In talks with Chile, Peru said"), else c->a. */
static uint32_t opening_clause_end(const ng_work *w, const sctx *c)
{
    /* also an opening prepositional phrase: "In an interview with CNN, X accused ...", and
     * a passive participle with its agent: "Accompanied by X, Y met Z", "Flanked by X, ..." */
    const char *f = ng_w__fold(w, c->a);
    size_t n = w->tk.v[c->a].flen;
    int participle = n > 4 && f[n - 2] == 'e' && f[n - 1] == 'd' && c->a + 1 < c->b &&
                     ng_w__is(w, c->a + 1, "by");
    /* "Along with A and B, C joined": an opening alongside phrase (words class alongside) */
    if (!participle && ng_w__phrase(w, c->a, c->b, NG_W_ALONGSIDE, NULL)) participle = 1;
    if ((!(ng_w__bits(w, c->a) & (NG_W_CLAUSE | NG_W_PREP)) && !participle) ||
        ng_w__is(w, c->a, "that") || ng_w__is(w, c->a, "which") || ng_w__is(w, c->a, "who"))
        return c->a;
    /* a ";" or ":" first ends a whole clause, not an opening phrase */
    for (uint32_t t = c->a + 1; t < c->b; t++) {
        if (ng_w__punct(w, t, ';') || ng_w__punct(w, t, ':')) return c->a;
        if (ng_w__punct(w, t, ',')) return t;
    }
    return c->a;
}

/* Does the sentence open with a participle ("Meeting X, Y said", "After meeting X, ...",
 * "Having met X, ...")? The English "-ing" ending is morphology, not a list of words. */
static int participle_opening(const ng_work *w, const sctx *c)
{
    uint32_t t = c->a;
    if (t + 1 < c->b &&
        ((ng_w__bits(w, t) & (NG_W_PREP | NG_W_CLAUSE)) || ng_w__is(w, t, "having")))
        t++;
    if (ng_w__is(w, c->a, "having") && t == c->a + 1) return 1;
    const char *f = ng_w__fold(w, t);
    size_t n = w->tk.v[t].flen;
    return n > 4 && !(w->tk.v[t].flags & NG_TK_POSS) && memcmp(f + n - 3, "ing", 3) == 0 &&
           !(w->tk.v[t].flags & NG_TK_CAP && t > c->a);
}

/* A lower-case word after a unit that no list or phrase word is: the main verb after an
 * opening participle's object ("After meeting X, Kenyan President Y flew home"). */
static int plain_verb_after(const ng_work *w, const sctx *c, uint32_t t)
{
    for (int n = 0; t < c->b && n < 2 && (ng_w__bits(w, t) & NG_W_SKIPADV); n++)
        t++;
    return t < c->b && (w->tk.v[t].flags & NG_TK_WORD) &&
           !(w->tk.v[t].flags & (NG_TK_CAP | NG_TK_POSS)) && !ng_w__is(w, t, "and") &&
           !ng_w__is(w, t, "or") &&
           !(ng_w__bits(w, t) & (NG_W_PREP | NG_W_DET | NG_W_CLAUSE | NG_W_LOCPREP));
}

/* Is the unit at t0 the object of a preposition after a finite verb ("Russia signed a treaty
 * with Iran")? A trigger's word within eight tokens before the preposition, after a unit (its
 * subject) or a past-tense mark, or in "-ed"; no punctuation between. */
static int object_of_verb_pp(const ng_work *w, const sctx *c, uint32_t t0)
{
    uint32_t p = descriptor_start(w, c, t0);
    if (p > c->a && (ng_w__bits(w, p - 1) & NG_W_DET)) p--;
    if (p <= c->a + 1 || !(ng_w__bits(w, p - 1) & NG_W_PREP)) return 0;
    for (uint32_t k = p - 1, n = 0; k > c->a && n < 8; n++) {
        k--;
        if (w->tk.v[k].flags & NG_TK_PUNCT) return 0;
        if ((w->tk.v[k].flags & NG_TK_CAP) || ng_lex__trigger_first(w->lex, w->tk.v[k].h) < 0)
            continue;
        const char *f = ng_w__fold(w, k);
        size_t len = w->tk.v[k].flen;
        if ((len > 4 && f[len - 2] == 'e' && f[len - 1] == 'd') ||
            (k > c->a && (ng_w__bits(w, k - 1) & (NG_W_PAST_MARK | NG_W_SKIPADV))))
            return 1;
        for (size_t i = 0; i < c->nu && c->u[i].t0 < k; i++)
            if (c->u[i].t1 == k && !c->u[i].place) return 1;
    }
    return 0;
}

/* A gapped clause: "signed a treaty with A, and C with D": the unit after "and" (unit j) is
 * followed by the preposition that opens the list (before unit i) and another unit; C starts a
 * clause whose verb is left out, it is no second object. */
static int gapped_clause(const ng_work *w, const sctx *c, size_t i, size_t j)
{
    uint32_t p = c->u[i].t0, q = c->u[j].t1;
    if (p > c->a && (ng_w__bits(w, p - 1) & NG_W_DET)) p--;
    if (p <= c->a || q >= c->b || j + 1 >= c->nu || c->u[j + 1].place || c->u[j + 1].poss ||
        c->u[j + 1].pron || c->u[j + 1].t0 > q + 2 ||
        !(ng_w__bits(w, p - 1) & NG_W_PREP) || (w->tk.v[q].flags & NG_TK_CAP) ||
        w->tk.v[q].h != w->tk.v[p - 1].h)
        return 0;
    if (!(c->u[j + 1].t0 == q + 1 || (ng_w__bits(w, q + 1) & NG_W_DET))) return 0;
    /* the clause ends after D: "with Tanzania with EU backing" is a modifier */
    uint32_t e = c->u[j + 1].t1;
    return e >= c->b || !(w->tk.v[e].flags & NG_TK_WORD) || (w->tk.v[e].flags & NG_TK_CAP) ||
           (ng_w__bits(w, e) & (NG_W_PREP | NG_W_LOCPREP | NG_W_YEARPREP)) || ng_w__is(w, e, "and");
}

/* Is unit i a preposition's object (determiners between)? Not of "between", whose object is
 * a list of two however it is punctuated ("talks between X's minister, Y, and Z took place"). */
static int prep_before(const ng_work *w, const sctx *c, size_t i)
{
    uint32_t p = c->u[i].t0;
    while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_DET))
        p--;
    return p > c->a && (ng_w__bits(w, p - 1) & NG_W_PREP) && !ng_w__is(w, p - 1, "between");
}

/* Does a territory the lexicon lists (never a node: "French Polynesia", "Greenland") fill
 * the gap between units j - 1 and j of a comma list of states, "Fiji, French Polynesia,
 * Kiribati and Nauru"? The list goes on over it; not after "and", nor beside a unit that is
 * no state ("met in Suva, Greenland"). *has_and: what joins the place to unit j. */
static int place_gap(const ng_work *w, const sctx *c, size_t j, int *has_and)
{
    const unit *p = &c->u[j - 1], *u = &c->u[j];
    if (!ng_w__punct(w, p->t1, ',') || p->place || u->place || u->pron || u->poss ||
        p->an != 1 || u->an != 1 || w->actors[c->acts[p->a0]].type != NG_ETYPE_STATE ||
        w->actors[c->acts[u->a0]].type != NG_ETYPE_STATE)
        return 0;
    const ng_wsent *se = &w->sents[c->s];
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *m = &w->ms[k];
        if (m->t0 != p->t1 + 1) continue;
        if (m->dead || m->kind != NG_MK_PLACE || m->t1 >= u->t0) return 0;
        return ng_w__punct(w, m->t1, ',') && joins(w, m->t1, u->t0, has_and);
    }
    return 0;
}

/* "A, who hosted the summit, B and C signed": a relative clause in commas (who/which, up to
 * twelve tokens naming no actor, no verb of saying) between units j - 1 and j of a list that
 * goes on after unit j ("," or "and"); the list goes on over it. */
static int relative_gap(const ng_work *w, const sctx *c, size_t j)
{
    const unit *p = &c->u[j - 1], *u = &c->u[j];
    uint32_t t = p->t1;
    if (t + 3 >= u->t0 || !ng_w__punct(w, t, ',') ||
        !(ng_w__is(w, t + 1, "who") || ng_w__is(w, t + 1, "which")) || u->place || u->pron ||
        u->poss || p->place || u->t1 >= c->b ||
        !(ng_w__is(w, u->t1, "and") || ng_w__punct(w, u->t1, ',')))
        return 0;
    for (uint32_t k = t + 2; k < u->t0 && k < t + 14; k++) {
        if (ng_w__bits(w, k) & NG_W_SAY) return 0;
        if (w->tk.v[k].flags & NG_TK_PUNCT) return ng_w__punct(w, k, ',') && k + 1 == u->t0;
    }
    return 0;
}

/* "... members of the African Union, and Egypt and Somalia are both members of ...": after
 * ", and" at unit j, more units joined by "and" with a verb after them start a clause (one
 * list takes one "and"); 1 when so. */
static int and_list_clause(const ng_work *w, const sctx *c, size_t j)
{
    int has_and;
    for (size_t k = j; k + 1 < c->nu && k < j + 8; k++) {
        const unit *v = &c->u[k + 1];
        if (v->place || v->pron || v->poss || !joins(w, c->u[k].t1, v->t0, &has_and)) return 0;
        if (has_and) return verb_after(w, c, v->t1);
    }
    return 0;
}

/* Is u a description of a bloc in lower case ("the grouping", "the regional bloc": "the",
 * up to two lower-case words, the last a bloc noun)? */
static int bloc_description(const ng_work *w, const unit *u)
{
    if (u->an != 1 || !ng_w__is(w, u->t0, "the") || u->t1 > u->t0 + 3 || u->t1 < u->t0 + 2)
        return 0;
    for (uint32_t t = u->t0 + 1; t < u->t1; t++)
        if (!(w->tk.v[t].flags & NG_TK_WORD) || (w->tk.v[t].flags & NG_TK_CAP)) return 0;
    return (ng_w__bits(w, u->t1 - 1) & NG_W_BLOCNOUN) != 0;
}

/* "the presidents of A and B, together with C's ambassador, signed": a possessive unit
 * after a list-link phrase ("together with", "along with") whose noun is a person noun
 * (up to two lower-case modifiers before it) before a comma (the state's envoy, unnamed)
 * is an item of the list: the state. */
static int linked_envoy(const ng_work *w, const sctx *c, size_t j)
{
    const unit *u = &c->u[j];
    uint32_t k = u->t1;
    if (k < c->b && (w->tk.v[k].flags & NG_TK_POSS)) k++;
    /* up to two modifiers: "C's foreign minister", "C's deputy trade minister" */
    for (int n = 0; n < 2 && k + 2 < c->b && (w->tk.v[k].flags & NG_TK_WORD) &&
                    !(w->tk.v[k].flags & NG_TK_CAP) && !(ng_w__bits(w, k) & NG_W_PERSONNOUN);
         n++)
        k++;
    if (k + 1 >= c->b || !(ng_w__bits(w, k) & NG_W_PERSONNOUN) || !ng_w__punct(w, k + 1, ',') ||
        (w->tk.v[k].flags & NG_TK_CAP))
        return 0;
    for (uint32_t t = c->u[j - 1].t1; t < u->t0; t++)
        if (ng_w__phrase(w, t, u->t0, NG_W_LISTLINK, NULL)) return 1;
    return 0;
}

/* Lists: units joined by ",", "and", ... (not places; a territory inside a list of states
 * is passed over; a subject pronoun starts a clause; "X
 * met Y, the ministry said": the reporting clause starts a new group; nor across the comma
 * that ends an opening subordinate clause when a verb follows: "Since X left the OAS, Peru
 * has ..."). */
static int join_lists(const ng_work *w, sctx *c)
{
    int error;
    uint32_t sub_end = opening_clause_end(w, c);
    int part = -1; /* participle_opening, asked once when a comma joins */
    for (size_t i = 0; i < c->nu;) {
        size_t j = i + 1;
        uint32_t split = 0;
        int n_and = 0, n_comma_only = 0;
        /* a possessive pronoun owns the next noun: "Ukraine and its backers" is no list; a
         * possessive with its noun left out ends one ("all of Mercosur's as well as A"); a
         * state's unnamed envoy after "together with" is an item (linked_envoy) */
        while (j < c->nu && !c->u[i].place && !c->u[j].place && !c->u[j].pron &&
               (!c->u[j].poss || linked_envoy(w, c, j)) && !c->u[j - 1].poss) {
            int has_and;
            if (!joins(w, c->u[j - 1].t1, c->u[j].t0, &has_and) && !place_gap(w, c, j, &has_and) &&
                !(relative_gap(w, c, j) && (has_and = 0, 1)))
                break;
            if (sub_end > c->a && c->u[j - 1].t1 <= sub_end && c->u[j].t0 > sub_end &&
                (verb_after_list(w, c, j) || apposition_after(w, c, &c->u[j])))
                break;
            if (!has_and && c->u[j].t1 < c->b && (ng_w__bits(w, c->u[j].t1) & NG_W_SAY)) break;
            if (!has_and && part && plain_verb_after(w, c, c->u[j].t1) &&
                (part > 0 || (part = participle_opening(w, c)) > 0))
                break;
            /* "X met Y and Z accused W": after a verb's object, "and" + a unit + a verb
             * starts a clause of its own (Z is no object of "met") */
            if (has_and && verb_after(w, c, c->u[j].t1) && object_of_verb(w, c, c->u[i].t0))
                break;
            if (has_and && gapped_clause(w, c, i, j)) break;
            /* "..., embraced by X, and the two men held talks": a description of several
             * actors ("the two men", "both sides") and a verb after "and" start a clause */
            if (has_and && c->u[j].an >= 2 && !c->u[j].role && verb_after(w, c, c->u[j].t1))
                break;
            /* "signed a treaty with Iran, and China welcomed it": after ", and" a unit and a
             * verb (over a relative clause between commas: "and Sudan, which had drifted from
             * Tehran, expelled") start a clause after a verb's prepositional object too */
            if (has_and && ng_w__punct(w, c->u[j - 1].t1, ',') &&
                verb_after_relative(w, c, c->u[j].t1) && object_of_verb_pp(w, c, c->u[i].t0))
                break;
            /* "IGAD, based in Djibouti, and Uganda joined": a preposition's object and a
             * unit joined by ", and" with a verb after it are two clauses (a list of two
             * takes no comma) */
            if (has_and && j == i + 1 && ng_w__punct(w, c->u[i].t1, ',') && prep_before(w, c, i) &&
                verb_after(w, c, c->u[j].t1))
                break;
            if (has_and && ng_w__punct(w, c->u[j - 1].t1, ',') && and_list_clause(w, c, j)) break;
            /* "withdrawing from GUUAM, the grouping it had joined": a bloc described after a
             * comma is the unit before it, not a list item */
            if (!has_and && bloc_description(w, &c->u[j])) break;
            /* "the United States, Manila's treaty ally,": an apposition, not a list */
            if (!has_and && c->u[j].t1 < c->b && (w->tk.v[c->u[j].t1].flags & NG_TK_POSS) &&
                !(w->tk.v[c->u[j - 1].t1].flags & NG_TK_POSS) && !linked_envoy(w, c, j))
                break;
            if (has_and) {
                n_and++;
                if (!split) split = (uint32_t)j;
            } else {
                n_comma_only++;
            }
            j++;
        }
        if ((error = add_group(c, (uint32_t)i, (uint32_t)(j - i))) < 0) return error;
        group *g = &c->g[c->ng - 1];
        /* "between A and B": two conjuncts only when one "and" and no comma list */
        if (n_and == 1 && n_comma_only == 0 && j - i >= 2) g->split = split;
        i = j;
    }
    return NG_OK;
}

/* Is the role phrase's head at q a title of the sentence? *q moves to the title's start. */
static int title_ends_at(const ng_work *w, const sctx *c, uint32_t *q)
{
    const ng_wsent *se = &w->sents[c->s];
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++)
        if (w->ms[k].kind == NG_MK_TITLE && w->ms[k].t1 == *q + 1 && !w->ms[k].dead) {
            *q = w->ms[k].t0;
            return 1;
        }
    return 0;
}

/* Does group g name no person? */
static int no_person(const ng_work *w, const sctx *c, const group *g)
{
    for (uint32_t k = 0; k < g->an; k++)
        if (w->actors[c->acts[g->a0 + k]].type == NG_ETYPE_PERSON) return 0;
    return 1;
}

/* Does the member noun phrase at q say what the list before it is: after a comma or a dash
 * ("A and B, [both] members of ECOWAS, ...", "A, B and C - all members of Y -"), "be" or
 * "among" ("A and B are [among the] members of APEC", "A is among the eight members of Y"),
 * over a number or "fellow"-like words ("the eight")? */
static int appos_member_noun(const ng_work *w, const sctx *c, uint32_t q)
{
    for (int n = 0; q > c->a && n < 4 &&
                    ((ng_w__bits(w, q - 1) & (NG_W_NUMWORD | NG_W_MEMBERMOD | NG_W_DET)) ||
                     (w->tk.v[q - 1].flags & NG_TK_NUM));
         n++)
        q--;
    return q > c->a && (ng_w__punct(w, q - 1, ',') || ng_w__punct(w, q - 1, '-') ||
                        ng_w__is(w, q - 1, "among") ||
                        (ng_w__bits(w, q - 1) & (NG_W_BE | NG_W_SKIPADV)));
}

/* "the heads of state of A and B", "heads of state and government from A, B and C", "the
 * ministers of foreign affairs of A and B": a plural person noun whose own "of" complement is
 * one to three lower-case words ("and" among them) before the role phrase's "of"; the noun's
 * token, else q (the token before "of"). */
static uint32_t of_complement_head(const ng_work *w, const sctx *c, uint32_t q)
{
    uint32_t k = q;
    while (k >= c->a + 2 && q - k < 3 && (w->tk.v[k].flags & NG_TK_WORD) &&
           !(w->tk.v[k].flags & NG_TK_CAP) && !ng_w__is(w, k, "of") &&
           !(ng_w__bits(w, k) & (NG_W_DET | NG_W_NUMWORD | NG_W_PREP))) {
        if (ng_w__is(w, k - 1, "of") && !ng_w__is(w, k, "and") &&
            (ng_w__bits(w, k - 2) & NG_W_PERSONNOUN) && (ng_w__bits(w, k - 2) & NG_W_GROUPNOUN))
            return k - 2;
        k--;
    }
    return q;
}

/* Role phrases: "[the] [modifiers] TITLE-or-person-noun of/from GROUP" stands for the group,
 * and "a spokesperson for GROUP". */
static void role_phrases(const ng_work *w, sctx *c)
{
    for (size_t gi = 0; gi < c->ng; gi++) {
        group *g = &c->g[gi];
        if (g->t0 < c->a + 2) continue;
        uint32_t p = g->t0 - 1;
        if (ng_w__is(w, p, "the") && p > c->a) p--;
        int for_ = ng_w__is(w, p, "for");
        if (!(ng_w__is(w, p, "of") || ng_w__is(w, p, "from") || for_)) continue;
        if (p == c->a) continue;
        uint32_t q = of_complement_head(w, c, p - 1);
        ng_wbits bits = ng_w__bits(w, q);
        /* "a spokesperson for the EU": a spokes noun (words class spokesnoun) before "for",
         * and a state or organization after it; not "the envoy for Sudan" (a brief) */
        if (for_ && (!(bits & NG_W_SPOKESNOUN) || (w->tk.v[q].flags & NG_TK_CAP) ||
                     !no_person(w, c, g)))
            continue;
        int is_title = title_ends_at(w, c, &q);
        if (!is_title && !(bits & (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_GOVNOUN))) continue;
        /* the phrase must not belong to a unit already (e.g. a person with a title) */
        if (gi > 0 && c->g[gi - 1].t1 > q) continue;
        while (q > c->a &&
               ((ng_w__bits(w, q - 1) & (NG_W_TITLEMOD | NG_W_DET)) ||
                ((w->tk.v[q - 1].flags & NG_TK_CAP) && !(ng_w__bits(w, q - 1) & NG_W_STOP) &&
                 !(w->tk.v[q - 1].flags & NG_TK_FIRST) && !(gi > 0 && c->g[gi - 1].t1 >= q)))) {
            q--;
            if (ng_w__bits(w, q) & NG_W_DET) break;
        }
        /* "A and B, [both] members of ECOWAS, ...", "A and B are [among the] members of
         * APEC": a member noun in an apposition or after "be" says what the list is; it
         * stands for nobody */
        if ((bits & NG_W_MEMBERNOUN) && appos_member_noun(w, c, q)) continue;
        g->t0 = q;
        g->role = 1;
    }
}

/* "At a meeting hosted by Chile, the presidents of A, B and C signed": a role phrase after a
 * comma alone (and its determiner) that closes the prepositional phrase the sentence opens
 * with starts the clause, it is no item of that phrase's list ("met with X, the ministers
 * of A and B" still is). */
static int pp_then_role_subject(const ng_work *w, const sctx *c, const group *g, const group *h,
                                int has_and)
{
    uint32_t p = g->t0;
    while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_DET))
        p--;
    if (has_and || p <= c->a || !(ng_w__bits(w, p - 1) & NG_W_PREP) ||
        !(ng_w__bits(w, c->a) & NG_W_PREP) || !ng_w__punct(w, g->t1, ','))
        return 0;
    for (uint32_t t = g->t1 + 1; t < h->t0; t++)
        if (!(ng_w__bits(w, t) & NG_W_DET)) return 0;
    return 1;
}

/* A role phrase joins the list before it: "X along with his counterparts from A and B",
 * "between X and the ministers of A and B" (two conjuncts: X, and A and B). */
static int join_role_lists(const ng_work *w, sctx *c)
{
    int error;
    for (size_t gi = 0; gi + 1 < c->ng;) {
        group *g = &c->g[gi], *h = &c->g[gi + 1];
        int has_and;
        if (!h->role || g->place || h->place || !joins(w, g->t1, h->t0, &has_and) ||
            pp_then_role_subject(w, c, g, h, has_and)) {
            gi++;
            continue;
        }
        uint32_t a0 = (uint32_t)c->nacts;
        for (int side = 0; side < 2; side++) {
            const group *x = side ? h : g;
            for (uint32_t k = 0; k < x->an; k++) {
                int32_t act = c->acts[x->a0 + k];
                uint32_t j;
                for (j = a0; j < c->nacts && c->acts[j] != act; j++) {
                }
                if (j == c->nacts && (error = ng_units__push_act(c, act)) < 0) return error;
            }
        }
        g = &c->g[gi];
        h = &c->g[gi + 1];
        g->split = has_and && !g->split && g->un == 1 ? h->u0 : g->split;
        g->t1 = h->t1;
        g->un += h->un;
        g->a0 = a0;
        g->an = (uint32_t)c->nacts - a0;
        memmove(c->g + gi + 1, c->g + gi + 2, (c->ng - gi - 2) * sizeof *c->g);
        c->ng--;
    }
    return NG_OK;
}

/* "leader of the main opposition Democratic Party", "talks with the ruling Sandinista
 * Front": up to two lower-case modifiers at p (right before an organization's name), after
 * a determiner right after a preposition, keep the name in that prepositional phrase. */
static int modified_pp(const ng_work *w, const sctx *c, uint32_t p)
{
    const ng_wbits stop = NG_W_PREP | NG_W_DET | NG_W_CLAUSE | NG_W_BE | NG_W_SAY |
                          NG_W_PAST_MARK | NG_W_MODAL | NG_W_NEG;
    uint32_t q = p;
    int n = 0;
    while (n < 2 && q > c->a + 1 && (w->tk.v[q].flags & NG_TK_WORD) &&
           !(w->tk.v[q].flags & NG_TK_CAP) && c->gcov[q - c->a] < 0 &&
           !(ng_w__bits(w, q) & stop) && !ng_w__is(w, q, "and") && !ng_w__is(w, q, "or"))
        q--, n++;
    return n > 0 && (ng_w__bits(w, q) & NG_W_DET) && !ng_w__is(w, q, "that") &&
           (ng_w__bits(w, q - 1) & NG_W_PREP);
}

/* The coverage maps, whether each group is possessive, and whether it is in a prepositional
 * phrase (a role phrase takes the preposition of its head). */
static void coverage(const ng_work *w, sctx *c)
{
    /* gcov, gstart and gend are one allocation of 3 * (b - a): all -1 (bytes 0xFF) */
    memset(c->gcov, 0xFF, 3 * (size_t)(c->b - c->a) * sizeof *c->gcov);
    for (size_t gi = 0; gi < c->ng; gi++) {
        group *g = &c->g[gi];
        for (uint32_t t = g->t0; t < g->t1; t++)
            c->gcov[t - c->a] = (int32_t)gi;
        c->gstart[g->t0 - c->a] = (int32_t)gi;
        c->gend[g->t1 - 1 - c->a] = (int32_t)gi;
        g->poss =
            (g->t1 < c->b && (w->tk.v[g->t1].flags & NG_TK_POSS)) || c->u[g->u0 + g->un - 1].poss;
        if (g->t0 > c->a) {
            uint32_t p = g->t0 - 1;
            /* "with the Vatican": determiners between; "in southern Lebanon": a lower-case
             * compass word */
            while (p > c->a &&
                   (((ng_w__bits(w, p) & NG_W_DET) && !ng_w__is(w, p, "that")) ||
                    ((ng_w__bits(w, p) & NG_W_COMPASS) && !(w->tk.v[p].flags & NG_TK_CAP))))
                p--;
            g->pp = (ng_w__bits(w, p) & NG_W_PREP) != 0;
            if (!g->pp && g->an == 1 && w->actors[c->acts[g->a0]].type == NG_ETYPE_ORG &&
                (w->tk.v[g->t0].flags & NG_TK_CAP))
                g->pp = modified_pp(w, c, p);
            /* "officials in Beijing", "the authorities in Bamako": the government there is
             * the actor, not a place (units.c) */
            if (g->pp && p > c->a && ng_w__is(w, p, "in") && !g->place &&
                (ng_w__bits(w, p - 1) & NG_W_GOVNOUN))
                g->pp = 0;
            g->subord = g->pp && (ng_w__bits(w, p) & NG_W_CLAUSE) && verb_after(w, c, g->t1);
        }
    }
}

int ng_groups__build(ng_work *w, sctx *c)
{
    int error;
    sort_units(c);
    drop_nested(c);
    absorb_acronyms(w, c);
    absorb_of_owners(w, c);
    if ((error = join_lists(w, c)) < 0) return error;
    role_phrases(w, c);
    if ((error = join_role_lists(w, c)) < 0) return error;
    coverage(w, c);
    return NG_OK;
}

/* Possessive group followed by a government or troops noun stands for its owner. */
int ng_groups__poss_owner(const ng_work *w, const sctx *c, const group *g)
{
    uint32_t j = g->t1 < c->b && (w->tk.v[g->t1].flags & NG_TK_POSS) ? g->t1 + 1 : g->t1;
    if (j < c->b && (ng_w__bits(w, j) & NG_W_TITLEMOD)) j++;
    return j < c->b && (ng_w__bits(w, j) & (NG_W_GOVNOUN | NG_W_TROOPS));
}
