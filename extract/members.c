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
#include <string.h>

static int plain_modifier(const ng_work *w, uint32_t t);
static uint32_t count_before(const ng_work *w, const sctx *c, uint32_t t);

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

/* "admitted X as its eighth member", "as a full member": after "as", a determiner, at most
 * two lower-case modifiers that do not deny membership, and a member noun ("as an observer"
 * is no membership). */
static int as_member(const ng_work *w, const sctx *c, uint32_t q)
{
    if (q >= c->b || !(ng_w__bits(w, q) & NG_W_DET)) return 0;
    for (uint32_t k = q + 1; k < c->b && k < q + 4; k++) {
        ng_wbits bits = ng_w__bits(w, k);
        if (bits & (NG_W_NOTMEMBER | NG_W_NEG)) return 0;
        if (bits & NG_W_MEMBERNOUN) return 1;
        if (!(w->tk.v[k].flags & NG_TK_WORD) || (w->tk.v[k].flags & NG_TK_CAP)) return 0;
    }
    return 0;
}

int ng_members__as_nonmember(const ng_work *w, const sctx *c, int32_t gi)
{
    uint32_t q = c->g[gi].t1;
    if (q < c->b && (ng_w__bits(w, q) & NG_W_BLOCNOUN) && !(w->tk.v[q].flags & NG_TK_CAP)) q++;
    if (q + 2 >= c->b || !ng_w__is(w, q, "as") || !(ng_w__bits(w, q + 1) & NG_W_DET)) return 0;
    for (uint32_t k = q + 2; k < c->b && k < q + 5; k++) {
        if (ng_w__bits(w, k) & NG_W_NOTMEMBER) return 1;
        if (!(w->tk.v[k].flags & NG_TK_WORD) || c->gcov[k - c->a] >= 0) return 0;
    }
    return 0;
}

uint32_t ng_members__counted_intro(const ng_work *w, const sctx *c, uint32_t te, uint32_t o0)
{
    uint32_t q = te;
    if (q < o0 && (ng_w__bits(w, q) & NG_W_DET)) q++;
    if (!(q < o0 && (((ng_w__bits(w, q) & NG_W_NUMWORD) &&
                      ng_lex__word_number(w->lex, w->tk.v[q].h) > 1) ||
                     (w->tk.v[q].flags & NG_TK_NUM))))
        return te;
    q++;
    /* "14 Pacific island nations", "ten Southeast Asian nations": two modifiers at most,
     * lower-case words or capitalized ones that name no actor */
    for (int n = 0; n < 2 && q < o0 && c->gcov[q - c->a] < 0 &&
                    (plain_modifier(w, q) ||
                     ((w->tk.v[q].flags & NG_TK_CAP) && !(ng_w__bits(w, q) & NG_W_STOP))) &&
                    !(ng_w__bits(w, q) & (NG_W_MEMBERNOUN | NG_W_BLOCPLURAL | NG_W_NOTMEMBER));
         n++)
        q++;
    if (!(q < o0 && (ng_w__bits(w, q) & (NG_W_MEMBERNOUN | NG_W_BLOCPLURAL))) ||
        (ng_w__bits(w, q) & (NG_W_NOTMEMBER | NG_W_NEG)))
        return te;
    q += ng_w__bits(w, q) & NG_W_MEMBERNOUN ? ng_w__phrase(w, q, o0, NG_W_MEMBERNOUN, NULL) : 1;
    /* "16 island states and territories, including A": a second plural noun after "and" */
    if (q + 1 < o0 && ng_w__is(w, q, "and") && plain_modifier(w, q + 1) &&
        !(ng_w__bits(w, q + 1) & (NG_W_NOTMEMBER | NG_W_NEG)) && w->tk.v[q + 1].flen > 3 &&
        ng_w__fold(w, q + 1)[w->tk.v[q + 1].flen - 1] == 's')
        q += 2;
    if (q < o0 && ng_w__punct(w, q, ',')) q++;
    if (q < o0 && (ng_w__punct(w, q, '-') || ng_w__punct(w, q, ':') ||
                   ng_w__is(w, q, "including") || ng_w__is(w, q, "namely")))
        return q + 1;
    if (q + 1 < o0 && ((ng_w__is(w, q, "such") && ng_w__is(w, q + 1, "as")) ||
                       (ng_w__is(w, q, "among") && ng_w__is(w, q + 1, "them"))))
        return q + 2;
    return te;
}

int ng_members__org_subject_ok(const ng_work *w, const sctx *c, int32_t subj, int32_t obj,
                               uint32_t te)
{
    if (subj < 0 || obj < 0) return 0;
    const group *s = &c->g[subj], *o = &c->g[obj];
    if (s->poss || s->place) return 0;
    /* "Members of the Arab League include A and B": a role phrase subject only with a
     * member noun for its head ("officials of the EU include" is no membership) */
    uint32_t e = s->t1 < c->b && ng_w__punct(w, s->t1, ',') ? s->t1 + 1 : s->t1;
    if (s->role && !(e < c->b && ng_w__is(w, e, "which"))) { /* "leaders of Y, which groups" */
        uint32_t k = s->t0;
        while (k < s->t1 && !(ng_w__bits(w, k) & NG_W_MEMBERNOUN)) {
            if (ng_w__bits(w, k) & (NG_W_NOTMEMBER | NG_W_NEG)) return 0;
            k++;
        }
        if (k == s->t1 || (s->t0 > c->a && (ng_w__bits(w, s->t0 - 1) & NG_W_NOTMEMBER)))
            return 0;
    }
    for (uint32_t k = 0; k < s->an; k++) {
        const ng_wactor *x = &w->actors[c->acts[s->a0 + k]];
        if (x->type != NG_ETYPE_ORG || x->body >= 0) return 0;
    }
    if (!member_list(w, c, o)) return 0;
    /* "X is a framework in which A, B and C cooperate": the clause's subject lists the
     * members only when it names several ("a forum in which the US has no say") */
    if (te > c->a && ng_w__is(w, te - 1, "which") && o->an < 2) return 0;
    for (uint32_t q = ng_members__counted_intro(w, c, te, o->t0); q < o->t0; q++)
        if (!(ng_w__bits(w, q) & NG_W_DET)) return 0;
    /* "included X in its list", "includes Japan as an observer" ("groups A and B among
     * others" lists them); a date may follow ("admitted X in 2023", "in July") */
    uint32_t q = o->t1;
    if (q + 2 < c->b && ng_w__is(w, q, "among") && ng_w__is(w, q + 1, "others")) q += 2;
    /* "counts A and B among its members" */
    if (q + 3 < c->b && ng_w__is(w, q, "among") && (ng_w__bits(w, q + 1) & NG_W_DET) &&
        (ng_w__bits(w, q + 2) & NG_W_MEMBERNOUN))
        q += 2 + ng_w__phrase(w, q + 2, c->b, NG_W_MEMBERNOUN, NULL);
    if (q + 1 < c->b && (ng_w__bits(w, q) & NG_W_PREP) && !ng_w__is(w, q, "of") &&
        !((w->tk.v[q + 1].flags & NG_TK_NUM) || (ng_w__bits(w, q + 1) & NG_W_NOTNAME)))
        return 0;
    if (q < c->b && ng_w__is(w, q, "as")) return as_member(w, c, q + 1);
    return 1;
}

/* Is token t a modifier of a member noun: a number, "fellow", "founding", "other"? */
static int member_modifier(const ng_work *w, uint32_t t)
{
    return (ng_w__bits(w, t) & (NG_W_MEMBERMOD | NG_W_NUMWORD)) || (w->tk.v[t].flags & NG_TK_NUM);
}

/* A lower-case word that may describe members ("newest", "only", "eighth"): no function
 * word, verb or name. */
static int plain_modifier(const ng_work *w, uint32_t t)
{
    return (w->tk.v[t].flags & NG_TK_WORD) && !(w->tk.v[t].flags & (NG_TK_CAP | NG_TK_POSS)) &&
           !(ng_w__bits(w, t) & (NG_W_PREP | NG_W_CLAUSE | NG_W_DET | NG_W_BE | NG_W_SAY |
                                 NG_W_PAST_MARK | NG_W_MODAL | NG_W_PLAN | NG_W_SKIPADV |
                                 NG_W_LOCPREP));
}

/* The unit ending at token q, -1. */
static int32_t unit_ending(const sctx *c, uint32_t q)
{
    for (size_t i = 0; i < c->nu; i++)
        if (c->u[i].t1 == q) return (int32_t)i;
    return -1;
}

/* The organization of the member noun at t, a unit right before it over modifiers ("three
 * SADC members", "the EU's 27 member states", "its other members", "fellow NATO members");
 * -1 if none or a word says they are not members ("candidate EU members"). *start gets
 * where the noun phrase starts. */
static int32_t member_owner(const ng_work *w, const sctx *c, uint32_t t, uint32_t *start)
{
    int32_t org = -1;
    uint32_t q = t, adj = 0;
    int poss = 0;
    while (q > c->a) {
        uint32_t p = q - 1;
        if (org < 0 && c->gcov[p - c->a] >= 0) {
            int32_t ui = unit_ending(c, q);
            if (ui < 0) return -1;
            const unit *u = &c->u[ui];
            if (u->place || u->an != 1 || w->actors[c->acts[u->a0]].type != NG_ETYPE_ORG ||
                w->actors[c->acts[u->a0]].body >= 0)
                return -1;
            /* "BRICS's newest member": a modifier other than a number only after a
             * possessive organization */
            if (adj && !poss) return -1;
            org = ui;
            q = u->t0;
            continue;
        }
        if (ng_w__bits(w, p) & (NG_W_NOTMEMBER | NG_W_NEG)) return -1;
        poss |= org < 0 && (w->tk.v[p].flags & NG_TK_POSS);
        if (org < 0 && !poss && adj < 2 && plain_modifier(w, p)) {
            adj++;
            q = p;
            continue;
        }
        if (!((org < 0 && (w->tk.v[p].flags & NG_TK_POSS)) || member_modifier(w, p) ||
              (ng_w__bits(w, p) & NG_W_DET)))
            break;
        q = p;
    }
    if (adj && org < 0) return -1;
    *start = q;
    return org;
}

/* "all EU and NATO members": the unit of an organization of states and "and" right before
 * unit ou, -1; *start moves to where the noun phrase starts (over "all", "both"). */
static int32_t org_and_before(const ng_work *w, const sctx *c, int32_t ou, uint32_t *start)
{
    uint32_t q = c->u[ou].t0;
    if (q < c->a + 2 || !ng_w__is(w, q - 1, "and")) return -1;
    int32_t ui = unit_ending(c, q - 1);
    if (ui < 0) return -1;
    const unit *u = &c->u[ui];
    const ng_wactor *x = &w->actors[c->acts[u->a0]];
    if (u->place || u->poss || u->an != 1 || x->type != NG_ETYPE_ORG || x->body >= 0) return -1;
    q = u->t0;
    /* "Estonia and Latvia, both EU and NATO members": the list's group may hold "both" */
    while (q > c->a && unit_ending(c, q) < 0 &&
           (ng_w__bits(w, q - 1) & (NG_W_DET | NG_W_NUMWORD | NG_W_MEMBERMOD)))
        q--;
    if (q > c->a && (ng_w__bits(w, q - 1) & (NG_W_NOTMEMBER | NG_W_NEG))) return -1;
    *start = q;
    return ui;
}

/* Does token p open an apposition or a predicate before a member noun phrase: a comma, a
 * dash ("A, B and C - all members of Y -"), "among" after "be" ("A is among the eight
 * members of Y")? */
static int appos_mark(const ng_work *w, const sctx *c, uint32_t p)
{
    if (ng_w__punct(w, p, ',') || ng_w__punct(w, p, '-')) return 1;
    return p > c->a && ng_w__is(w, p, "among") && (ng_w__bits(w, p - 1) & NG_W_BE);
}

/* "fellow members of ECOWAS (ECOWAS) and of the Commonwealth": the unit of a second
 * organization of states after the one of unit ou, its acronym in brackets, "and of"; -1. */
static int32_t and_of_org(const ng_work *w, const sctx *c, int32_t ou)
{
    uint32_t q = c->u[ou].t1;
    if (q + 2 < c->b && ng_w__punct(w, q, '(') && ng_w__punct(w, q + 2, ')')) q += 3;
    if (q + 2 >= c->b || !ng_w__is(w, q, "and") || !ng_w__is(w, q + 1, "of")) return -1;
    q += ng_w__is(w, q + 2, "the") ? 3 : 2;
    int32_t ui = -1;
    for (size_t i = 0; i < c->nu && ui < 0; i++)
        if (c->u[i].t0 == q) ui = (int32_t)i;
    if (ui < 0) return -1;
    const unit *u = &c->u[ui];
    const ng_wactor *x = &w->actors[c->acts[u->a0]];
    return !u->place && !u->poss && u->an == 1 && x->type == NG_ETYPE_ORG && x->body < 0 ? ui
                                                                                         : -1;
}

/* The actors of units [u0, u1) in out[] (room for GMAX) when each is one plain state (no place,
 * possessive or role): how many; 0 when one is not. Shared by other_linked and counted_appos. */
static uint32_t plain_states(const ng_work *w, const sctx *c, uint32_t u0, uint32_t u1,
                             int32_t *out)
{
    uint32_t n = 0;
    for (uint32_t ui = u0; ui < u1 && n < GMAX; ui++) {
        const unit *u = &c->u[ui];
        if (u->place || u->poss || u->role || u->an != 1 ||
            w->actors[c->acts[u->a0]].type != NG_ETYPE_STATE)
            return 0;
        out[n++] = c->acts[u->a0];
    }
    return n;
}

/* "A and B, the other members of the bloc together with Kazakhstan itself": the states the
 * organization's unit ou is linked to by an alongside phrase in one group (member_of_after)
 * are members too when "other" counts the noun phrase [s, t) ("the other members" besides
 * them). The actors in out[] (room for GMAX), how many. */
static uint32_t other_linked(const ng_work *w, const sctx *c, int32_t ou, uint32_t s, uint32_t t,
                             int32_t *out)
{
    int other = 0;
    for (uint32_t k = s; k < t; k++)
        other |= ng_w__is(w, k, "other");
    int32_t gi = c->gcov[c->u[ou].t0 - c->a];
    if (!other || gi < 0 || c->g[gi].u0 != (uint32_t)ou || c->g[gi].un < 2 ||
        ng_w__phrase(w, c->u[ou].t1, c->b, NG_W_ALONGSIDE, NULL) == 0)
        return 0;
    return plain_states(w, c, (uint32_t)ou + 1, c->g[gi].u0 + c->g[gi].un, out);
}

/* "members of the BRICS group along with A, B and C": the states of a group after the unit
 * ou of an organization (and a bloc noun) and an alongside phrase; the group or -1. */
static int32_t along_after_org(const ng_work *w, const sctx *c, int32_t ou)
{
    uint32_t q = c->u[ou].t1;
    if (q < c->b && (ng_w__bits(w, q) & NG_W_BLOCNOUN) && !(w->tk.v[q].flags & NG_TK_CAP)) q++;
    uint32_t len = q < c->b ? ng_w__phrase(w, q, c->b, NG_W_ALONGSIDE, NULL) : 0;
    if (!len) return -1;
    q += len;
    while (q < c->b && c->gstart[q - c->a] < 0 && ng_w__is(w, q, "the"))
        q++;
    int32_t gi = q < c->b ? c->gstart[q - c->a] : -1;
    if (gi < 0 || !member_list(w, c, &c->g[gi])) return -1;
    for (uint32_t k = 0; k < c->g[gi].an; k++)
        if (w->actors[c->acts[c->g[gi].a0 + k]].type != NG_ETYPE_STATE) return -1;
    return gi;
}

/* "Indonesia, the newest member of BRICS, ...", "A and B, all members of Y,": a member noun
 * in an apposition with "of" and an organization after it; the organization's unit, -1;
 * *start gets where the noun phrase starts (right after the comma). */
static int32_t member_of_after(const ng_work *w, const sctx *c, uint32_t t, uint32_t len,
                               uint32_t *start)
{
    uint32_t q = t + len, p = t;
    if (q + 1 >= c->b || !ng_w__is(w, q, "of")) return -1;
    q++;
    /* "of the bloc": a description's unit starts at its determiner */
    if (ng_w__is(w, q, "the") && c->gstart[q - c->a] < 0) q++;
    /* "members of the 57-member OIC", "of the six-nation GCC": a hyphenated modifier */
    if (q + 1 < c->b && c->gcov[q - c->a] < 0 && (w->tk.v[q].flags & NG_TK_DASH) &&
        (w->tk.v[q].flags & NG_TK_WORD) && !(w->tk.v[q].flags & NG_TK_CAP))
        q++;
    int32_t gi = q < c->b ? c->gstart[q - c->a] : -1;
    /* "the other members of the bloc together with X itself": the organization is the
     * list's first unit when a phrase of class listlink joins the rest */
    int linked = gi >= 0 && c->g[gi].an > 1 && c->u[c->g[gi].u0].an == 1 &&
                 ng_w__phrase(w, c->u[c->g[gi].u0].t1, c->b, NG_W_LISTLINK, NULL) > 0;
    /* "-- the five members of Y, A, B, C, D and E --": Y and its apposed members make one
     * list (counted_appos) */
    linked |= gi >= 0 && c->g[gi].un > 1 && c->u[c->g[gi].u0].an == 1 &&
              ng_w__punct(w, c->u[c->g[gi].u0].t1, ',') && count_before(w, c, t) == c->g[gi].un - 1;
    if (gi < 0 || (c->g[gi].an != 1 && !linked) || c->g[gi].place || c->g[gi].poss ||
        w->actors[c->acts[c->g[gi].a0]].type != NG_ETYPE_ORG ||
        w->actors[c->acts[c->g[gi].a0]].body >= 0)
        return -1;
    for (int n = 0; p > c->a && n < 4 && !appos_mark(w, c, p - 1); n++) {
        if (ng_w__bits(w, p - 1) & (NG_W_NOTMEMBER | NG_W_NEG)) return -1;
        if (!(member_modifier(w, p - 1) || plain_modifier(w, p - 1) ||
              (ng_w__bits(w, p - 1) & NG_W_DET)))
            return -1;
        p--;
    }
    if (p <= c->a || !appos_mark(w, c, p - 1)) return -1;
    *start = p;
    return (int32_t)c->g[gi].u0;
}

/* The list of members before a member noun phrase starting at s whose organization is unit
 * ou: "A, B and C, the original EU members", "A and B, both NATO members" (the list and the
 * apposition make one group: its units before ou), "A is an EU member"; the actors in
 * out[] (room for GMAX), how many. */
static uint32_t members_before(const ng_work *w, const sctx *c, uint32_t s, int32_t ou,
                               int32_t *out)
{
    uint32_t p = s, n = 0;
    int comma = p > c->a && (ng_w__punct(w, p - 1, ',') || ng_w__punct(w, p - 1, '-'));
    /* "A, one of Y's founding members", "A is one of the EU's smallest members", "A and B,
     * two of Y's newest members" */
    if (p > c->a + 2 && ng_w__is(w, p - 1, "of") &&
        (ng_w__is(w, p - 2, "one") || (ng_w__bits(w, p - 2) & NG_W_NUMWORD) ||
         (w->tk.v[p - 2].flags & NG_TK_NUM))) {
        p -= 2;
        comma = ng_w__punct(w, p - 1, ',');
    }
    if (comma) {
        p--;
    } else {
        while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_SKIPADV))
            p--;
        if (p > c->a + 1 && ng_w__is(w, p - 1, "among")) p--; /* "A and B are among EU members" */
        if (!(p > c->a && (ng_w__bits(w, p - 1) & NG_W_BE))) return 0;
        p--;
        while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_PAST_MARK)))
            p--;
    }
    if (p == c->a) return 0;
    int32_t gi = c->gend[p - 1 - c->a];
    if (gi >= 0 && member_list(w, c, &c->g[gi])) {
        for (uint32_t k = 0; k < c->g[gi].an && n < GMAX; k++)
            out[n++] = c->acts[c->g[gi].a0 + k];
        return n;
    }
    gi = comma ? c->gcov[p - 1 - c->a] : -1;
    if (gi < 0 || (uint32_t)ou <= c->g[gi].u0 || (uint32_t)ou >= c->g[gi].u0 + c->g[gi].un)
        return 0;
    for (uint32_t ui = c->g[gi].u0; ui < (uint32_t)ou; ui++) {
        const unit *u = &c->u[ui];
        for (uint32_t k = 0; k < u->an && n < GMAX; k++) {
            const ng_wactor *x = &w->actors[c->acts[u->a0 + k]];
            if (u->place || u->poss || x->type != NG_ETYPE_STATE) return 0;
            out[n++] = c->acts[u->a0 + k];
        }
    }
    return n;
}

/* Is the member noun at t counted ("five member states", "the five longer-standing
 * members", "its ten original members"): a number, then at most two lower-case modifiers
 * that do not deny membership ("five candidate members" is not)? */
static int counted(const ng_work *w, const sctx *c, uint32_t t)
{
    uint32_t p = t;
    for (int n = 0; p > c->a && n < 3; n++) {
        uint32_t k = p - 1;
        const ng_tok *tk = &w->tk.v[k];
        if (ng_w__bits(w, k) & (NG_W_NOTMEMBER | NG_W_NEG)) return 0;
        if (((ng_w__bits(w, k) & NG_W_NUMWORD) && ng_lex__word_number(w->lex, tk->h) > 1) ||
            (tk->flags & NG_TK_NUM))
            return c->gcov[k - c->a] < 0;
        if (!(tk->flags & NG_TK_WORD) || (tk->flags & NG_TK_CAP) || c->gcov[k - c->a] >= 0 ||
            (ng_w__bits(w, k) & (NG_W_DET | NG_W_PREP | NG_W_CLAUSE | NG_W_BE | NG_W_SAY)))
            return 0;
        p = k;
    }
    return 0;
}

/* Does a number open the member noun phrase [s, t) of an organization ("two NATO members,
 * A and B, ...")? */
static int counted_from(const ng_work *w, uint32_t s, uint32_t t)
{
    for (uint32_t k = s; k < t; k++)
        if (((ng_w__bits(w, k) & NG_W_NUMWORD) && ng_lex__word_number(w->lex, w->tk.v[k].h) > 1) ||
            (w->tk.v[k].flags & NG_TK_NUM))
            return 1;
    return 0;
}

/* Has the article already made a state a member of organization a? The dictionary does not
 * tell an organization of states (BRICS) from an institution (European Commission). */
static int has_state_members(const ng_work *w, int32_t a)
{
    for (size_t i = 0; i < w->n_rels; i++)
        if (w->rels[i].dst == a && w->rels[i].rel == ng_relinfo__membership() &&
            w->actors[w->rels[i].src].type == NG_ETYPE_STATE)
            return 1;
    return 0;
}

/* The nearest organization (not a government body) named before token t in this sentence,
 * -1. */
static int32_t sentence_org(const ng_work *w, const sctx *c, uint32_t t)
{
    for (size_t i = c->nu; i-- > 0;) {
        const unit *u = &c->u[i];
        const ng_wactor *x = &w->actors[c->acts[u->a0]];
        if (u->t1 <= t && u->an == 1 && !u->place && x->type == NG_ETYPE_ORG && x->body < 0)
            return c->acts[u->a0];
    }
    return -1;
}

/* The organization a counted member noun with none of its own belongs to ("they joined
 * BRICS, alongside the five longer-standing members, A, B ..."): the nearest organization
 * named earlier in this sentence, else the only one of the two sentences before, when the
 * article already gave it a state as a member; -1. */
static int32_t context_org(const ng_work *w, const cstate *cs, const sctx *c, uint32_t t)
{
    int32_t a = sentence_org(w, c, t);
    for (int i = 0; a < 0 && i < cs->n_mru; i++) {
        const ng_wactor *x = &w->actors[cs->mru[i]];
        if (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > 2) break;
        if (x->type != NG_ETYPE_ORG || x->body >= 0) continue;
        for (int k = i + 1; k < cs->n_mru; k++)
            if (w->actors[cs->mru[k]].type == NG_ETYPE_ORG && w->actors[cs->mru[k]].body < 0 &&
                !(cs->cur_sent >= cs->mru_sent[k] && cs->cur_sent - cs->mru_sent[k] > 2))
                return -1;
        a = cs->mru[i];
    }
    return a >= 0 && has_state_members(w, a) ? a : -1;
}

/* The list of members after a member noun ending at e: "members - A, B and C", "members: A
 * and B", "member states such as A and B", "members, including A", "NATO members A and B";
 * a counted noun also "the five members, A, B and C" (a list of two or more). The group or
 * -1. */
static int32_t members_after(const ng_work *w, const sctx *c, uint32_t e, int count)
{
    uint32_t q = e;
    int comma = 0;
    if (q < c->b && (ng_w__punct(w, q, '-') || ng_w__punct(w, q, ':'))) {
        q++;
    } else if (q + 1 < c->b && ng_w__punct(w, q, ',') && ng_w__is(w, q + 1, "including")) {
        q++;
    } else if (q + 3 < c->b && ng_w__punct(w, q, ',') && ng_w__is(w, q + 1, "such") &&
               ng_w__is(w, q + 2, "as")) {
        q++; /* "the permanent members of the Council, such as A and B" */
    } else if (q + 3 < c->b && ng_w__punct(w, q, ',') && ng_w__is(w, q + 1, "among") &&
               ng_w__is(w, q + 2, "them")) {
        q += 3; /* "its ten members, among them A and B" */
    } else if (count && q + 1 < c->b && ng_w__punct(w, q, ',')) {
        q++;
        comma = 1;
    }
    if (q + 1 < c->b && ng_w__is(w, q, "such") && ng_w__is(w, q + 1, "as"))
        q += 2;
    else if (q < c->b && (ng_w__is(w, q, "including") || ng_w__is(w, q, "namely")))
        q++;
    while (q < c->b && c->gstart[q - c->a] < 0 && ng_w__is(w, q, "the"))
        q++;
    /* "NATO's members, Norway and Denmark among them, ...": a list after the comma that
     * "among them" closes */
    if (!comma && !count && q + 1 < c->b && q == e && ng_w__punct(w, q, ',')) {
        int32_t li = c->gstart[q + 1 - c->a];
        uint32_t k = li >= 0 ? c->g[li].t1 : c->b;
        return k + 1 < c->b && ng_w__is(w, k, "among") && ng_w__is(w, k + 1, "them") &&
                       member_list(w, c, &c->g[li])
                   ? li
                   : -1;
    }
    int32_t gi = q < c->b ? c->gstart[q - c->a] : -1;
    if (gi >= 0 && comma && c->g[gi].an < 2) return -1;
    return gi >= 0 && member_list(w, c, &c->g[gi]) ? gi : -1;
}

/* The unit of an organization of states right after the "of" of a member noun ending at e
 * ("members of [the] Y"), -1. */
static int32_t org_after_of(const ng_work *w, const sctx *c, uint32_t e)
{
    if (e + 1 >= c->b || !ng_w__is(w, e, "of")) return -1;
    uint32_t q = ng_w__is(w, e + 1, "the") ? e + 2 : e + 1;
    for (size_t i = 0; i < c->nu; i++) {
        const unit *u = &c->u[i];
        if (u->t0 != q) continue;
        const ng_wactor *x = &w->actors[c->acts[u->a0]];
        return !u->place && !u->poss && u->an == 1 && x->type == NG_ETYPE_ORG && x->body < 0
                   ? (int32_t)i
                   : -1;
    }
    return -1;
}

/* The number a token writes ("five", "27"), 0 when none or over 999. */
static uint32_t number_value(const ng_work *w, uint32_t k)
{
    const ng_tok *tk = &w->tk.v[k];
    if (ng_w__bits(w, k) & NG_W_NUMWORD) {
        int32_t v = ng_lex__word_number(w->lex, tk->h);
        return v > 0 ? (uint32_t)v : 0;
    }
    if (!(tk->flags & NG_TK_NUM) || tk->len > 3) return 0;
    uint32_t v = 0;
    for (uint32_t i = 0; i < tk->len; i++) {
        char ch = w->text[tk->off + i];
        if (ch < '0' || ch > '9') return 0;
        v = v * 10 + (uint32_t)(ch - '0');
    }
    return v;
}

/* The number that counts the member noun at t over at most two modifiers ("the five
 * permanent members"), 0 if none. */
static uint32_t count_before(const ng_work *w, const sctx *c, uint32_t t)
{
    for (uint32_t k = t, n = 0; k > c->a && n < 3; k--, n++) {
        uint32_t v = number_value(w, k - 1);
        if (v) return v;
        if (!plain_modifier(w, k - 1)) return 0;
    }
    return 0;
}

/* "the five permanent members of the Security Council, A, B, C, D and E": the role phrase
 * of the member noun at t (organization unit ou) and the states apposed to it after a comma
 * make one group (groups.c), or the list is a group of its own after the comma; its units
 * are the members when they are states and as many as the number counting the noun. The actors in
 * out[] (room for GMAX), how many. */
static uint32_t counted_appos(const ng_work *w, const sctx *c, uint32_t t, int32_t ou,
                              int32_t *out)
{
    uint32_t count = count_before(w, c, t);
    int32_t gi = c->gcov[c->u[ou].t0 - c->a];
    uint32_t e = c->u[ou].t1;
    if (count < 2 || e + 1 >= c->b || !ng_w__punct(w, e, ','))
        return 0;
    uint32_t u0 = (uint32_t)ou + 1, u1;
    if (gi >= 0 && c->g[gi].u0 == (uint32_t)ou && c->g[gi].un > 1) {
        u1 = c->g[gi].u0 + c->g[gi].un;
    } else if ((gi = c->gstart[e + 1 - c->a]) >= 0) {
        u0 = c->g[gi].u0; /* "-- the five members of Y, A, B, C, D and E, plus X --" */
        u1 = u0 + c->g[gi].un;
    } else {
        return 0;
    }
    return u1 - u0 == count ? plain_states(w, c, u0, u1, out) : 0;
}

/* A member noun at t (len tokens) heading a role phrase for the organization after its
 * "of" (groups.c): "the permanent members of the Security Council, including A and B",
 * "members of the EU such as A"; a counted noun also before a plain list in commas of as
 * many members (counted_appos): the count keeps out a list that goes on to something else
 * ("the members of NATO, France and Germany said"). Not after a word that denies membership
 * ("candidate members of the EU"). */
static int of_members(ng_work *w, const sctx *c, uint32_t t, uint32_t len)
{
    int32_t ou = org_after_of(w, c, t + len);
    if (ou < 0) return NG_OK;
    for (uint32_t k = t > c->a + 3 ? t - 3 : c->a; k < t; k++)
        if (ng_w__bits(w, k) & (NG_W_NOTMEMBER | NG_W_NEG)) return NG_OK;
    int32_t org = c->acts[c->u[ou].a0], mg = members_after(w, c, c->u[ou].t1, 0);
    if (mg >= 0)
        return ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + c->g[mg].a0,
                              c->g[mg].an, &org, 1, c->s, ng_sentdates__nearest(w, c, t));
    int32_t members[GMAX];
    uint32_t n = counted_appos(w, c, t, ou, members);
    return n ? ng_emit__pairs(w, ng_relinfo__membership(), 0, members, n, &org, 1, c->s,
                              ng_sentdates__nearest(w, c, t))
             : NG_OK;
}

/* "the EU's newest member, Croatia, ...": one state in commas after a member noun with its
 * organization; a list too ("the bloc's other members, Vietnam and Laos,") when a possessive
 * owns the noun (several: "NATO members, A and B, attended" may list attendees); the group or
 * -1. */
static int32_t appos_member(const ng_work *w, const sctx *c, uint32_t e, int several)
{
    if (e + 1 >= c->b || !ng_w__punct(w, e, ',')) return -1;
    int32_t gi = c->gstart[e + 1 - c->a];
    if (gi < 0 || (c->g[gi].an != 1 && !several) || !member_list(w, c, &c->g[gi])) return -1;
    uint32_t q = c->g[gi].t1;
    return q < c->b && ng_w__punct(w, q, ',') ? gi : -1;
}

/* "As a member of the SCO, Pakistan supports ...", "As an EU member, Hungary must ...": a
 * sentence that opens with "As" and a member noun phrase; the list right after its comma is
 * the member. */
static int as_member_front(ng_work *w, const sctx *c, uint32_t t, uint32_t len)
{
    uint32_t as = t;
    while (as > c->a && as + 5 > t && !ng_w__is(w, as - 1, "as"))
        as--;
    /* the sentence's first word, or the first after a dateline's dash */
    if (as == c->a || as + 5 <= t || (as - 1 > c->a && !ng_w__punct(w, as - 2, '-')))
        return NG_OK;
    int32_t ou = -1;
    for (uint32_t k = as; k < t; k++) {
        if (ng_w__bits(w, k) & (NG_W_NOTMEMBER | NG_W_NEG)) return NG_OK;
        if (c->gcov[k - c->a] >= 0) {
            ou = unit_ending(c, t);
            if (ou < 0 || c->u[ou].t0 != k) return NG_OK;
            k = c->u[ou].t1 - 1;
        } else if (!((ng_w__bits(w, k) & NG_W_DET) || member_modifier(w, k) ||
                     plain_modifier(w, k))) {
            return NG_OK;
        }
    }
    uint32_t e = t + len;
    if (ou < 0 && (ou = org_after_of(w, c, e)) >= 0) e = c->u[ou].t1;
    const ng_wactor *x = ou >= 0 ? &w->actors[c->acts[c->u[ou].a0]] : NULL;
    if (!x || c->u[ou].an != 1 || c->u[ou].place || x->type != NG_ETYPE_ORG || x->body >= 0 ||
        e + 1 >= c->b || !ng_w__punct(w, e, ','))
        return NG_OK;
    uint32_t q = e + 1, n = 0, states = 0;
    while (q < c->b && c->gcov[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET))
        q++;
    /* the units from q on of the group there (the list may have joined the organization:
     * "the SCO, Pakistan and India") */
    int32_t gi = q < c->b ? c->gcov[q - c->a] : -1, members[GMAX];
    for (uint32_t ui = gi >= 0 ? c->g[gi].u0 : 0; gi >= 0 && ui < c->g[gi].u0 + c->g[gi].un; ui++) {
        const unit *u = &c->u[ui];
        if (u->t0 < q) continue;
        for (uint32_t k = 0; k < u->an && n < GMAX; k++) {
            const ng_wactor *m = &w->actors[c->acts[u->a0 + k]];
            if (u->place || u->poss || (m->type != NG_ETYPE_STATE && m->type != NG_ETYPE_ORG) ||
                m->body >= 0)
                return NG_OK;
            states += m->type == NG_ETYPE_STATE;
            members[n++] = c->acts[u->a0 + k];
        }
    }
    if (!states || (gi >= 0 && c->g[gi].poss)) return NG_OK;
    int32_t org = c->acts[c->u[ou].a0];
    return ng_emit__pairs(w, ng_relinfo__membership(), 0, members, n, &org, 1, c->s,
                          ng_sentdates__nearest(w, c, t));
}

/* "22 of the EU's 27 members. The other five - A, B, C, D and E - do not", "X left the
 * bloc. The other four, A, B, C and D, ...": right after a sentence naming an organization
 * with its members or a member leaving it (relation.c, member_context), "the other N" and a
 * list of states. */
static int other_members(ng_work *w, const cstate *cs, const sctx *c, uint32_t t)
{
    if (cs->member_org < 0 || c->s - cs->member_org_sent > 1 || t + 3 >= c->b ||
        !ng_w__is(w, t, "other") || !(t > c->a && ng_w__is(w, t - 1, "the")))
        return NG_OK;
    uint32_t q = t + 1;
    if (!(ng_w__bits(w, q) & NG_W_NUMWORD) && !(w->tk.v[q].flags & NG_TK_NUM)) return NG_OK;
    int comma = ng_w__punct(w, q + 1, ',');
    if (!(ng_w__punct(w, q + 1, '-') || ng_w__punct(w, q + 1, ':') || comma)) return NG_OK;
    int32_t gi = c->gstart[q + 2 - c->a];
    /* "the other four, A, B, C and D," names two or more */
    if (gi < 0 || !member_list(w, c, &c->g[gi]) || (comma && c->g[gi].an < 2)) return NG_OK;
    const group *g = &c->g[gi];
    return ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + g->a0, g->an, &cs->member_org,
                          1, c->s, ng_sentdates__nearest(w, c, t));
}

/* The organization of a treaty of data/treaties.csv named from token t, -1; *end gets the
 * token after its name. */
static int32_t treaty_at(const ng_work *w, const sctx *c, uint32_t t, uint32_t *end)
{
    const ng_ptab *pt = &w->lex->phrases;
    uint64_t h = NG_SEQ_SEED;
    int32_t org = -1;
    for (uint32_t k = t; k < c->b && k - t < pt->max_tokens; k++) {
        const ng_ptab_slot *slot;
        h = ng_x__seq_hash(h, w->tk.v[k].h);
        if (!(slot = ng_ptab__find(pt, h))) break;
        for (int32_t v = slot->first; v >= 0; v = pt->vals[v].next)
            if (pt->vals[v].kind == NG_LX_TREATY &&
                (!(pt->vals[v].vflags & NG_PV_CAPFIRST) || (w->tk.v[t].flags & NG_TK_CAP))) {
                org = pt->vals[v].id;
                *end = k + 1;
            }
    }
    return org;
}

/* The list a noun phrase starting at s stands beside: the group right before it ("all of
 * them States Parties"), or before a comma ("A, a state party to"), or the subject of "be"
 * or "become" ("A and B are both parties to", "A also became a state party to"; not under a
 * negation or a modal); -1. */
static int32_t list_beside(const ng_work *w, const sctx *c, uint32_t s)
{
    uint32_t p = s;
    if (p > c->a && c->gend[p - 1 - c->a] >= 0) return c->gend[p - 1 - c->a];
    if (p > c->a + 1 && ng_w__punct(w, p - 1, ',')) return c->gend[p - 2 - c->a];
    while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_SKIPADV))
        p--;
    if (!(p > c->a + 1 && (ng_w__bits(w, p - 1) & (NG_W_BE | NG_W_LINKVERB))))
        return -1;
    p--;
    while (p > c->a + 1 && (ng_w__bits(w, p - 1) & NG_W_SKIPADV))
        p--;
    /* the verb at p is the trigger's start: the subject's modality is looked for between
     * the subject and it ("it could take effect, and X remains a party": not "could") */
    int32_t gi = c->gend[p - 1 - c->a];
    return gi >= 0 && !ng_modality__blocks(w, c, gi, p, s, 0) ? gi : -1;
}

/* "Fiji, a state party to the Rome Statute", "A and B are both parties to the North
 * Atlantic Treaty", "A, together with B and C, all of them States Parties to the Rome
 * Statute": the parties of a treaty of data/treaties.csv are members of its organization.
 * t: a word of class treatyparty, len its tokens. */
static int treaty_parties(ng_work *w, const sctx *c, uint32_t t, uint32_t len)
{
    uint32_t q = t + len, end, s = t;
    /* "state party": t is the phrase's last word */
    if (t > c->a && ng_w__phrase(w, t - 1, c->b, NG_W_TREATYPARTY, NULL) == len + 1) s--;
    if (!(q + 2 < c->b && ng_w__is(w, q, "to"))) return NG_OK;
    q += ng_w__is(w, q + 1, "the") ? 2 : 1;
    int32_t ent = treaty_at(w, c, q, &end), org;
    /* "a state party to the International Criminal Court": the organization itself */
    if (ent < 0 && c->gstart[q - c->a] >= 0 && c->g[c->gstart[q - c->a]].an == 1) {
        const ng_wactor *x = &w->actors[c->acts[c->g[c->gstart[q - c->a]].a0]];
        if (x->type == NG_ETYPE_ORG && x->lex >= 0 &&
            (w->lex->ents[x->lex].flags & NG_LXF_TREATYORG))
            ent = x->lex;
    }
    if (ent < 0) return NG_OK;
    while (s > c->a && c->gend[s - 1 - c->a] < 0 &&
           ((ng_w__bits(w, s - 1) & (NG_W_DET | NG_W_NUMWORD | NG_W_SKIPADV | NG_W_MEMBERMOD)) ||
            ng_w__is(w, s - 1, "as")))
        s--;
    if (s > c->a && (ng_w__bits(w, s - 1) & (NG_W_NOTMEMBER | NG_W_NEG))) return NG_OK;
    int32_t gi = list_beside(w, c, s);
    if (gi < 0 || !member_list(w, c, &c->g[gi])) return NG_OK;
    int error = ng_actors__get_lex(w, &org, ent);
    if (error < 0) return error;
    w->actors[org].emit = 1;
    if (!w->actors[org].mentions) w->actors[org].mentions = 1;
    const group *g = &c->g[gi];
    return ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + g->a0, g->an, &org, 1, c->s,
                          ng_sentdates__nearest(w, c, t));
}

/* "the six-nation GCC - A, B, C, D, E and F - welcomed": the list of two or more between
 * dashes right after an organization of states; the group or -1. */
static int32_t dash_members(const ng_work *w, const sctx *c, int32_t gi)
{
    const group *g = &c->g[gi];
    /* not a possessive, a place, nor a body of an organization (ng_object__enclosed_members
     * tests the rest) */
    if (g->an != 1 || g->poss || g->place || w->actors[c->acts[g->a0]].body >= 0) return -1;
    return ng_object__enclosed_members(w, c, gi, '-', '-');
}

/* May token k stand in a dashed definition of members (dash_definition): a word of the
 * member noun phrase ("the five permanent members of"), a comma, "and" or "plus"? */
static int definition_word(const ng_work *w, uint32_t k)
{
    if (ng_w__punct(w, k, ',')) return 1;
    if (!(w->tk.v[k].flags & NG_TK_WORD) || (w->tk.v[k].flags & NG_TK_CAP)) return 0;
    return ng_w__is(w, k, "and") || ng_w__is(w, k, "plus") || ng_w__is(w, k, "of") ||
           (ng_w__bits(w, k) & (NG_W_DET | NG_W_NUMWORD | NG_W_MEMBERMOD | NG_W_MEMBERNOUN));
}

/* "the so-called P5+1 -- the five permanent members of the UN Security Council, A, B, C, D
 * and E, plus Germany --": an organization of states (unit ui) defined between dashes by
 * a member noun phrase and the states it lists; lower-case words other than those of the
 * member noun phrase (definition_word, plain modifiers right before the member noun) end the
 * reading, so a clause between dashes ("- which A joined after B lifted its veto -") gives
 * nothing. The states in out[] (room for GMAX), how many (two at least), else 0. */
static uint32_t dash_definition(const ng_work *w, const sctx *c, uint32_t ui, int32_t *out)
{
    const unit *o = &c->u[ui];
    uint32_t k = o->t1 + 1, n = 0;
    int noun = 0;
    if (o->an != 1 || o->place || o->poss || k >= c->b || !ng_w__punct(w, o->t1, '-') ||
        w->actors[c->acts[o->a0]].type != NG_ETYPE_ORG || w->actors[c->acts[o->a0]].body >= 0)
        return 0;
    if (ng_w__punct(w, k, '-')) k++; /* "--" */
    for (uint32_t u = ui + 1; k < c->b && !ng_w__punct(w, k, '-'); k++) {
        while (u < c->nu && c->u[u].t1 <= k)
            u++;
        if (u < c->nu && c->u[u].t0 == k) {
            const unit *x = &c->u[u];
            int32_t a = c->acts[x->a0];
            if (x->place || x->poss || x->an != 1) return 0;
            /* the organization of the member noun ("members of the UN Security Council") */
            if (w->actors[a].type == NG_ETYPE_STATE && n < GMAX)
                out[n++] = a;
            else if (!(w->actors[a].type == NG_ETYPE_ORG && x->t0 > c->a &&
                       (ng_w__is(w, x->t0 - 1, "of") || ng_w__is(w, x->t0 - 1, "the"))))
                return 0;
            k = x->t1 - 1;
            continue;
        }
        noun |= (ng_w__bits(w, k) & NG_W_MEMBERNOUN) != 0;
        if (definition_word(w, k)) continue;
        if (!(noun == 0 && plain_modifier(w, k) && k + 1 < c->b &&
              (ng_w__bits(w, k + 1) & (NG_W_MEMBERNOUN | NG_W_MEMBERMOD))))
            return 0;
    }
    return k < c->b && noun && n >= 2 ? n : 0;
}

/* "the Quad (the US, Japan, India and Australia) met", "the GCC - A, B and C - said": an
 * organization defined by the list of its members in brackets or dashes, wherever it
 * stands (a trigger's object does it already for brackets). */
static int bracket_lists(ng_work *w, const sctx *c)
{
    for (uint32_t ui = 0; ui < c->nu; ui++) {
        int32_t members[GMAX];
        uint32_t n = dash_definition(w, c, ui, members);
        int error = n ? ng_emit__pairs(w, ng_relinfo__membership(), 0, members, n,
                                       &c->acts[c->u[ui].a0], 1, c->s,
                                       ng_sentdates__nearest(w, c, c->u[ui].t0))
                      : NG_OK;
        if (error < 0) return error;
    }
    for (size_t gi = 0; gi < c->ng; gi++) {
        int32_t m = c->g[gi].t1 >= c->b ? -1
                    : ng_w__punct(w, c->g[gi].t1, '(')
                        ? ng_object__bracket_members(w, c, (int32_t)gi)
                        : dash_members(w, c, (int32_t)gi);
        if (m < 0 || !member_list(w, c, &c->g[m])) continue;
        const group *og = &c->g[gi], *mg = &c->g[m];
        int error = ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + mg->a0, mg->an,
                                   c->acts + og->a0, og->an, c->s,
                                   ng_sentdates__nearest(w, c, og->t0));
        if (error < 0) return error;
    }
    return NG_OK;
}

/* "Russia-led", "Russian-led", "US-led": the state a word in "-led" names before its
 * hyphen (a state's name or demonym of one word), its lexicon entity; -1 if none. */
static int32_t led_state(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    const char *f = ng_w__fold(w, t);
    if (!(k->flags & NG_TK_DASH) || k->flen < 6 || memcmp(f + k->flen - 4, "-led", 4) != 0)
        return -1;
    uint64_t h = ng_x__seq_hash(NG_SEQ_SEED, ng_x__tok_hash(f, k->flen - 4));
    const ng_ptab_slot *slot = ng_ptab__find(&w->lex->phrases, h);
    for (int32_t v = slot ? slot->first : -1; v >= 0; v = w->lex->phrases.vals[v].next) {
        const ng_ptab_val *pv = &w->lex->phrases.vals[v];
        if (pv->kind == NG_LX_DEMONYM ||
            (pv->kind == NG_LX_NAME && w->lex->ents[pv->id].type == NG_ETYPE_STATE))
            return pv->id;
    }
    return -1;
}

/* "the Russia-led Customs Union [with Belarus and Kazakhstan]", "the Russian-led CSTO": the
 * state named in a word in "-led" right before an organization of states leads it, so it is
 * a member; so are the states of a group after "with" right after the name that ends its
 * clause (punctuation, the end, "in" or "on"). */
static int led_members(ng_work *w, const sctx *c)
{
    for (uint32_t ui = 0; ui < c->nu; ui++) {
        const unit *o = &c->u[ui];
        int32_t lx, st, org = c->acts[o->a0];
        if (o->t0 <= c->a || o->an != 1 || o->place || o->poss ||
            w->actors[org].type != NG_ETYPE_ORG || w->actors[org].body >= 0 ||
            (lx = led_state(w, o->t0 - 1)) < 0)
            continue;
        int error = ng_actors__get_lex(w, &st, lx);
        if (error < 0) return error;
        if (st < 0 || st == org) continue;
        /* named only inside the word: a mention once the article's affiliations are
         * decided (ng_members__led_mentions), so that it weighs in none of them */
        w->actors[st].emit = 1;
        w->actors[st].led = 1;
        int32_t members[GMAX + 1];
        uint32_t n = 0;
        members[n++] = st;
        uint32_t q = o->t1;
        int32_t gz = q + 1 < c->b && ng_w__is(w, q, "with") ? c->gstart[q + 1 - c->a] : -1;
        if (gz >= 0 && member_list(w, c, &c->g[gz]) &&
            (c->g[gz].t1 >= c->b || (w->tk.v[c->g[gz].t1].flags & NG_TK_PUNCT) ||
             ng_w__is(w, c->g[gz].t1, "in") || ng_w__is(w, c->g[gz].t1, "on")))
            for (uint32_t k = 0; k < c->g[gz].an && n < GMAX + 1; k++)
                if (w->actors[c->acts[c->g[gz].a0 + k]].type == NG_ETYPE_STATE)
                    members[n++] = c->acts[c->g[gz].a0 + k];
        if ((error = ng_emit__pairs(w, ng_relinfo__membership(), 0, members, n, &org, 1, c->s,
                                    ng_sentdates__nearest(w, c, o->t0))) < 0)
            return error;
    }
    return NG_OK;
}

/* "... was completed", "... took effect" at q: the entry named before it is done. */
static int entry_done(const ng_work *w, const sctx *c, uint32_t q)
{
    if (q + 1 < c->b && ng_w__is(w, q, "took") && ng_w__is(w, q + 1, "effect")) return 1;
    if (q + 1 >= c->b || !ng_w__is(w, q, "was")) return 0;
    q++;
    /* words classes formaladv, doneverb */
    if (q + 1 < c->b && (ng_w__bits(w, q) & NG_W_FORMALADV)) q++;
    return (ng_w__bits(w, q) & NG_W_DONEVERB) != 0;
}

/* The owner of an entry or an office ("Croatia's accession", "Brazil's G20 presidency"): one
 * actor, neither a place nor a role phrase, with its possessive 's as the token right after
 * it, so that the words after the 's are what it owns. Shared by entry_since and role_owned. */
static int possessive_one(const ng_work *w, const sctx *c, const group *g)
{
    return g->poss && g->an == 1 && !g->place && !g->role && g->t1 < c->b &&
           (w->tk.v[g->t1].flags & NG_TK_POSS);
}

/* The organization of such an entry or office: one actor that is neither a place, an owner
 * of its own ("the EU's") nor a role phrase: the one body the owner joins or presides. */
static int plain_one(const group *g)
{
    return g->an == 1 && !g->place && !g->poss && !g->role;
}

/* "since Croatia's accession to the EU", "after Finland's entry into NATO": a state's or
 * organization's entry noun owned by a possessive right after "since", "after", "following"
 * or "upon" tells of a past entry; without such a word it is as often a hope or a bid
 * ("Ukraine's accession to the EU", "blocked Sweden's accession to NATO"), so gives nothing
 * unless the entry "was completed" or "took effect" right after the organization. */
static int entry_since(ng_work *w, const sctx *c)
{
    static const char *const marks[] = {"since", "after", "following", "upon"};
    static const char *const nouns[] = {"accession", "admission", "entry"};
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        uint32_t t = g->t1 + 1;
        if (!possessive_one(w, c, g) || t + 2 >= c->b) continue;
        int mark = 0, noun = 0;
        for (size_t i = 0; g->t0 > c->a && i < sizeof marks / sizeof *marks; i++)
            mark |= ng_w__is(w, g->t0 - 1, marks[i]);
        for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
            noun |= ng_w__is(w, t, nouns[i]);
        if (!noun || !(ng_w__is(w, t + 1, "to") || ng_w__is(w, t + 1, "into"))) continue;
        uint32_t q = t + 2;
        int32_t oi = ng_engine__group_after_dets(w, c, &q);
        if (oi < 0 || !plain_one(&c->g[oi]) || !(mark || entry_done(w, c, c->g[oi].t1))) continue;
        int32_t m = c->acts[g->a0], org = c->acts[c->g[oi].a0];
        const ng_wactor *x = &w->actors[m], *y = &w->actors[org];
        if ((x->type != NG_ETYPE_STATE && x->type != NG_ETYPE_ORG) || y->type != NG_ETYPE_ORG ||
            y->body >= 0 || m == org)
            continue;
        int error = ng_emit__pairs(w, ng_relinfo__membership(), 0, &m, 1, &org, 1, c->s,
                                   ng_sentdates__nearest(w, c, t));
        if (error < 0) return error;
    }
    return NG_OK;
}

/* "under Brazil's G20 presidency", "during Hungary's EU presidency", "Kazakhstan's CSTO
 * chairmanship": a state's possessive, one organization, then its rotating office: the state
 * holds the office of a body it is a member of (a person's "Macron's EU presidency" is his
 * role, an affiliation found elsewhere). */
static int role_owned(ng_work *w, const sctx *c)
{
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        uint32_t t = g->t1 + 1;
        if (!possessive_one(w, c, g) || t + 1 >= c->b) continue;
        int32_t oi = c->gstart[t - c->a];
        if (oi < 0 || !plain_one(&c->g[oi]) || c->g[oi].t1 >= c->b) continue;
        int noun = (ng_w__bits(w, c->g[oi].t1) & NG_W_CHAIRNOUN) != 0; /* words class chairnoun */
        int32_t m = c->acts[g->a0], org = c->acts[c->g[oi].a0];
        const ng_wactor *x = &w->actors[m], *y = &w->actors[org];
        if (!noun || x->type != NG_ETYPE_STATE || y->type != NG_ETYPE_ORG || y->body >= 0)
            continue;
        int error = ng_emit__pairs(w, ng_relinfo__membership(), 0, &m, 1, &org, 1, c->s,
                                   ng_sentdates__nearest(w, c, t));
        if (error < 0) return error;
    }
    return NG_OK;
}

/* The state that owns the possessive right before token t ("Canada's partners", "its
 * partners" with the sentence's main subject as "its"), -1. */
static int32_t partners_owner(const ng_work *w, const sctx *c, uint32_t t)
{
    int32_t gi = -1;
    if (t <= c->a) return -1;
    if (ng_w__is(w, t - 1, "its") || ng_w__is(w, t - 1, "their"))
        gi = ng_subject__main(w, c, t - 1);
    else if ((w->tk.v[t - 1].flags & NG_TK_POSS) && t > c->a + 1)
        gi = c->gend[t - 1 - c->a] >= 0 ? c->gend[t - 1 - c->a] : c->gend[t - 2 - c->a];
    if (gi < 0 || c->g[gi].an != 1 || c->g[gi].place || c->g[gi].role) return -1;
    int32_t a = c->acts[c->g[gi].a0];
    return w->actors[a].type == NG_ETYPE_STATE ? a : -1;
}

/* "Canada has briefed its partners in the Five Eyes", "Turkey's allies in NATO": a state's
 * possessive, a plural noun of partners and "in" an organization of states: the state is a
 * member of it. */
static int partners_in(ng_work *w, const sctx *c)
{
    for (uint32_t t = c->a; t + 2 < c->b; t++) {
        /* a plural noun of partners: words classes groupnoun and favour or blocplural
         * ("partners", "allies", "governments") */
        ng_wbits bits = ng_w__bits(w, t);
        if (!(bits & NG_W_GROUPNOUN) || !(bits & (NG_W_FAVOUR | NG_W_BLOCPLURAL)) ||
            (w->tk.v[t].flags & NG_TK_CAP) || !ng_w__is(w, t + 1, "in"))
            continue;
        uint32_t q = t + 2;
        int32_t oi = ng_engine__group_after_dets(w, c, &q), st = partners_owner(w, c, t);
        if (oi < 0 || st < 0 || !plain_one(&c->g[oi])) continue;
        int32_t org = c->acts[c->g[oi].a0];
        const ng_wactor *y = &w->actors[org];
        if (y->type != NG_ETYPE_ORG || y->body >= 0 || y->lex < 0 ||
            !(w->lex->ents[y->lex].flags & NG_LXF_MULTISTATE))
            continue;
        int error = ng_emit__pairs(w, ng_relinfo__membership(), 0, &st, 1, &org, 1, c->s,
                                   ng_sentdates__nearest(w, c, t));
        if (error < 0) return error;
    }
    return NG_OK;
}

/* "Within the EU, France has led the opposition", "Within the European Union, Sweden
 * recognised Palestine": a sentence that opens with "Within", an organization of states and
 * a comma, then the clause's subject, states: the states act as its members. */
static int within_opening(ng_work *w, const sctx *c)
{
    uint32_t q = c->a + 1;
    if (c->b < c->a + 5 || !ng_w__is(w, c->a, "within")) return NG_OK;
    int32_t oi = ng_engine__group_after_dets(w, c, &q);
    if (oi < 0 || !plain_one(&c->g[oi]) || c->g[oi].t1 + 2 >= c->b ||
        !ng_w__punct(w, c->g[oi].t1, ','))
        return NG_OK;
    int32_t org = c->acts[c->g[oi].a0];
    const ng_wactor *y = &w->actors[org];
    if (y->type != NG_ETYPE_ORG || y->body >= 0 || y->lex < 0 ||
        !(w->lex->ents[y->lex].flags & NG_LXF_MULTISTATE))
        return NG_OK;
    int32_t sg = c->gstart[c->g[oi].t1 + 1 - c->a];
    if (sg < 0 || !member_list(w, c, &c->g[sg])) return NG_OK;
    const group *g = &c->g[sg];
    return ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + g->a0, g->an, &org, 1, c->s,
                          ng_sentdates__nearest(w, c, g->t0));
}

/* "the G-20, where Russia still sits alongside China, India and Brazil": after an
 * organization of states, a comma and "where", a list of states and a verb of class seatverb
 * (adverbs of class skipadv, "both" or "all" between; a negation, a modal or any other word
 * ends the reading)
 * are its members, and so are the states after an alongside phrase right after the verb. */
static int where_members(ng_work *w, const sctx *c)
{
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        uint32_t q = g->t1;
        if (g->an != 1 || g->poss || g->place || q + 3 >= c->b || !ng_w__punct(w, q, ',') ||
            !ng_w__is(w, q + 1, "where"))
            continue;
        int32_t org = c->acts[g->a0], sg = c->gstart[q + 2 - c->a], ag = -1;
        if (w->actors[org].type != NG_ETYPE_ORG || w->actors[org].body >= 0 || sg < 0 ||
            !member_list(w, c, &c->g[sg]))
            continue;
        uint32_t k = c->g[sg].t1;
        /* "where A and B both sit", "where A still sits" */
        while (k < c->b && ((ng_w__bits(w, k) & NG_W_SKIPADV) || ng_w__is(w, k, "both") ||
                            ng_w__is(w, k, "all")) &&
               !(ng_w__bits(w, k) & (NG_W_NEG | NG_W_MODAL)))
            k++;
        if (k >= c->b || !(ng_w__bits(w, k) & NG_W_SEATVERB)) continue;
        uint32_t len = k + 1 < c->b ? ng_w__phrase(w, k + 1, c->b, NG_W_ALONGSIDE, NULL) : 0;
        if (len && k + 1 + len < c->b) ag = c->gstart[k + 1 + len - c->a];
        int error = ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + c->g[sg].a0,
                                   c->g[sg].an, &org, 1, c->s, ng_sentdates__nearest(w, c, k));
        if (error >= 0 && ag >= 0 && member_list(w, c, &c->g[ag]))
            error = ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + c->g[ag].a0,
                                   c->g[ag].an, &org, 1, c->s, ng_sentdates__nearest(w, c, k));
        if (error < 0) return error;
    }
    return NG_OK;
}

/* noun_members' edges for the member noun at t (its phrase from start): members[nm] of
 * acts[n]; then the states an alongside phrase links to the organization unit ou
 * (other_linked) and a group along with the last organization (along_after_org). */
static int emit_found(ng_work *w, const sctx *c, uint32_t t, uint32_t start, int32_t ou,
                      int32_t ou2, const int32_t *members, uint32_t nm, const int32_t *acts,
                      uint32_t n)
{
    int error;
    if ((error = ng_emit__pairs(w, ng_relinfo__membership(), 0, members, nm, acts, n,
                                c->s, ng_sentdates__nearest(w, c, t))) < 0)
        return error;
    int32_t more[GMAX];
    uint32_t nmore =
        ou >= 0 && ou2 < 0 && c->u[ou].t0 > t ? other_linked(w, c, ou, start, t, more) : 0;
    if (nmore && (error = ng_emit__pairs(w, ng_relinfo__membership(), 0, more, nmore, acts, 1,
                                         c->s, ng_sentdates__nearest(w, c, t))) < 0)
        return error;
    /* "both members of Y and of the BRICS group along with A and B": A and B too */
    int32_t last = ou2 >= 0 && c->u[ou2].t0 > t ? ou2 : ou, ag = -1;
    if (last >= 0 && c->u[last].t0 > t && (ag = along_after_org(w, c, last)) >= 0 &&
        (error = ng_emit__pairs(w, ng_relinfo__membership(), 0, c->acts + c->g[ag].a0,
                                c->g[ag].an, &c->acts[c->u[last].a0], 1, c->s,
                                ng_sentdates__nearest(w, c, t))) < 0)
        return error;
    return NG_OK;
}

/* ng_members__lists on a member noun at t ("members", "member states"; plural: a word of
 * class blocplural after an organization): its organization(s) and members, and the edges;
 * *skip gets how many tokens after t the noun's phrase still takes when it was read. */
static int noun_members(ng_work *w, cstate *cs, const sctx *c, uint32_t t, int plural,
                        uint32_t *skip)
{
    int error;
    uint32_t len = plural ? 1 : ng_w__phrase(w, t, c->b, NG_W_MEMBERNOUN, NULL), start = t,
             n = 0, nm = 0;
    /* "the member countries of ASEAN, including A": the role phrase's head is the
     * noun's last word */
    if (len && (c->gcov[t - c->a] >= 0 || c->gcov[t + len - 1 - c->a] >= 0)) {
        if ((error = of_members(w, c, t, len)) < 0 ||
            (error = as_member_front(w, c, t, len)) < 0)
            return error;
        return NG_OK;
    }
    if (!len) return NG_OK;
    if ((error = as_member_front(w, c, t, len)) < 0) return error;
    int32_t ou = member_owner(w, c, t, &start), acts[GMAX], members[GMAX];
    if (plural && (ou < 0 || c->u[ou].t1 != t)) return NG_OK;
    if (ou < 0) ou = member_of_after(w, c, t, len, &start);
    if (ou >= 0) {
        acts[n++] = cs->member_org = c->acts[c->u[ou].a0];
        cs->member_org_sent = c->s;
    }
    /* "all EU and NATO members", "EU and NATO member Poland": a second organization */
    int32_t ou2 = ou >= 0 && start == c->u[ou].t0 ? org_and_before(w, c, ou, &start) : -1;
    /* "A and B, fellow members of Y and of Z,": a second organization after "and of" */
    if (ou >= 0 && ou2 < 0 && c->u[ou].t0 > t) ou2 = and_of_org(w, c, ou);
    if (ou2 >= 0) acts[n++] = c->acts[c->u[ou2].a0];
    int count = ou < 0 ? counted(w, c, t) : counted_from(w, start, t);
    int32_t mg = members_after(w, c, t + len, count);
    if (mg < 0 && ou >= 0 && !count) {
        const unit *u = &c->u[ou];
        int owned = u->poss || (w->tk.v[u->t1 - 1].flags & NG_TK_POSS) ||
                    (u->t1 < c->b && (w->tk.v[u->t1].flags & NG_TK_POSS));
        mg = appos_member(w, c, t + len, owned);
    }
    /* "five member states - A, B and C", "member states such as A": the organization the
     * article named with its members a few sentences before ("the EU's 27 member
     * states"); not "member states A and B", too loose without an organization */
    if (!n && mg >= 0 && len > 1 && c->g[mg].t0 > t + len && cs->member_org >= 0 &&
        c->s - cs->member_org_sent <= 4) {
        /* "The CICA summit ... brings together 26 member states, including A": an
         * organization this sentence names before the noun comes before the remembered
         * one */
        int32_t a = c->s != cs->member_org_sent ? sentence_org(w, c, t) : -1;
        acts[n++] = a >= 0 ? a : cs->member_org;
    }
    /* "five member states - A, B", "the five longer-standing members, A, B": the
     * organization of states of the context */
    if (!n && mg >= 0 && count && c->g[mg].t0 > t + len &&
        (acts[0] = context_org(w, cs, c, t)) >= 0)
        n = 1;
    if (!n || (n > 1 && ou2 < 0)) return NG_OK;
    if (mg >= 0) {
        for (uint32_t k = 0; k < c->g[mg].an && nm < GMAX; k++)
            members[nm++] = c->acts[c->g[mg].a0 + k];
    } else if (ou >= 0 && ou2 < 0 && c->u[ou].t0 > t &&
               (nm = counted_appos(w, c, t, ou, members)) != 0) {
        /* "-- the five permanent members of Y, A, B, C, D and E --" */
    } else if (ou >= 0 && (nm = members_before(w, c, start, ou2 >= 0 ? ou2 : ou, members)) != 0 &&
               !ng_w__punct(w, start - 1, ',') &&
               ng_modality__blocks(w, c, -1, start, t + len, 0)) {
        return NG_OK; /* "A is not an EU member" */
    }
    if (!nm) return NG_OK;
    if ((error = emit_found(w, c, t, start, ou, ou2, members, nm, acts, (uint32_t)n)) < 0)
        return error;
    *skip = len - 1;
    return NG_OK;
}

void ng_members__led_mentions(ng_work *w)
{
    for (size_t k = 0; k < w->n_rels; k++) {
        ng_wactor *x = &w->actors[w->rels[k].src];
        if (w->rels[k].rel == ng_relinfo__membership() && x->led && !x->mentions) x->mentions = 1;
    }
}

int ng_members__lists(ng_work *w, cstate *cs, const sctx *c)
{
    const ng_wbits words = NG_W_MEMBERNOUN | NG_W_MEMBERMOD | NG_W_TREATYPARTY | NG_W_BLOCPLURAL;
    int error;
    if ((error = bracket_lists(w, c)) < 0 || (error = led_members(w, c)) < 0 ||
        (error = entry_since(w, c)) < 0 ||
        (error = role_owned(w, c)) < 0)
        return error;
    if ((w->sents[c->s].bits & NG_W_SEATVERB) && (error = where_members(w, c)) < 0) return error;
    if ((w->sents[c->s].bits & NG_W_GROUPNOUN) && (error = partners_in(w, c)) < 0) return error;
    if ((error = within_opening(w, c)) < 0) return error;
    if (!(w->sents[c->s].bits & words)) return NG_OK;
    for (uint32_t t = c->a; t < c->b; t++) {
        ng_wbits bits = ng_w__bits(w, t);
        if (!(bits & words)) continue;
        if (bits & NG_W_TREATYPARTY) {
            uint32_t n = ng_w__phrase(w, t, c->b, NG_W_TREATYPARTY, NULL);
            if ((error = treaty_parties(w, c, t, n)) < 0) return error;
            t += n - 1;
            continue;
        }
        /* "the Quad countries - A, B", "NATO allies such as A": a plural of class blocplural
         * is a member noun right after an organization, never alone ("three countries") */
        int plural = !(bits & (NG_W_MEMBERNOUN | NG_W_MEMBERMOD)) && (bits & NG_W_BLOCPLURAL);
        if (plural && !(t > c->a && c->gcov[t - 1 - c->a] >= 0)) continue;
        if ((error = other_members(w, cs, c, t)) < 0) return error;
        if (!(bits & NG_W_MEMBERNOUN) && !plural) continue;
        uint32_t skip = 0;
        if ((error = noun_members(w, cs, c, t, plural, &skip)) < 0) return error;
        t += skip;
    }
    return NG_OK;
}
