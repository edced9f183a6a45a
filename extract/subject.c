/* subject.c - the subject of a trigger: a group of the sentence, or -1.
 *
 * A verb's subject is the nearest group to its left that is not in a prepositional phrase
 * (the antecedent of "who"/"which" may be); a participle after a comma and a verb after
 * "and" take the clause's main subject; a passive takes the agent after "by". A noun's
 * parties are its own ("X's withdrawal", "the departure of X") or the sentence's main
 * subject. */
#include "engine.h"

#include <string.h>

int32_t ng_subject__main(const ng_work *w, const sctx *c, uint32_t before)
{
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->t0 >= before) break;
        if (g->place || (g->pp && !g->role) || g->subord) continue;
        if (g->poss && !ng_groups__poss_owner(w, c, g)) continue;
        return (int32_t)gi;
    }
    return -1;
}

/* Is the group that ends right before `comma` one person ("Li Wei, Xi's envoy,": the envoy
 * is Li Wei, not Xi's government)? */
static int person_before(const ng_work *w, const sctx *c, uint32_t comma)
{
    int32_t head = comma > c->a ? c->gend[comma - 1 - c->a] : -1;
    return head >= 0 && c->g[head].an == 1 &&
           w->actors[c->acts[c->g[head].a0]].type == NG_ETYPE_PERSON;
}

/* "al-Shabaab, an al Qaeda affiliate, condemned", "X, Y's ally, condemned": a group inside
 * an apposition ", a/an ...," or ", Y's ...," stands aside; the group before the apposition
 * (-1 when that is no actor), else gi. */
static int32_t before_apposition(const ng_work *w, const sctx *c, int32_t gi, uint32_t ts)
{
    const group *g = &c->g[gi];
    uint32_t q = g->t0, e = g->t1;
    /* a possessive's apposition may run longer: "X, Trump's senior adviser for Africa, who
     * met Y" (lower-case words and places only) */
    int possapp = g->poss && g->un == 1 && q > c->a + 1 && ng_w__punct(w, q - 1, ',') &&
                  (!ng_groups__poss_owner(w, c, g) || person_before(w, c, q - 1));
    uint32_t reach = possapp ? 12 : 3;
    while (e < ts && e < g->t1 + reach && !ng_w__punct(w, e, ',')) {
        if (e > g->t1 && possapp) {
            int32_t in = c->gstart[e - c->a];
            if ((ng_w__bits(w, e) & (NG_W_SAY | NG_W_CLAUSE | NG_W_BE)) ||
                (in >= 0 && !c->g[in].place && !c->g[in].pp))
                break;
        }
        e++;
    }
    if (e >= ts || !ng_w__punct(w, e, ',')) return gi;
    /* "the United States, Manila's treaty ally, condemned": the possessive owns the
     * apposition's noun; the group before it is the subject */
    if (possapp) {
        int32_t head = c->gend[q - 2 - c->a];
        return head >= 0 && !c->g[head].place ? head : gi;
    }
    for (int n = 0; q > c->a + 2 && n < 3 && !ng_w__is(w, q - 1, "a") && !ng_w__is(w, q - 1, "an");
         n++)
        q--;
    if (!(q > c->a + 2 && (ng_w__is(w, q - 1, "a") || ng_w__is(w, q - 1, "an")) &&
          ng_w__punct(w, q - 2, ',')))
        return gi;
    int32_t head = c->gend[q - 3 - c->a];
    if (head < 0) return -1; /* "The Front, a Hamas ally, ...": not Hamas */
    return c->g[head].place ? gi : head;
}

/* "a Chilean delegation led by A and B": when g is the agent of "led/headed by" right after
 * a delegation, mission or government noun, the group that owns that noun ("Chilean"), or
 * c->ng when there is none; -1 when g is no such agent. */
int32_t ng_subject__led_by(const ng_work *w, const sctx *c, const group *g)
{
    uint32_t q = g->t0;
    while (q > c->a && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q - 1) & NG_W_DET) &&
           !ng_w__is(w, q - 1, "by"))
        q--;
    if (q < c->a + 3 || !ng_w__is(w, q - 1, "by") ||
        !(ng_w__bits(w, q - 2) & NG_W_LEDBY) ||
        !(ng_w__bits(w, q - 3) & (NG_W_GOVNOUN | NG_W_GROUPNOUN | NG_W_TROOPS)))
        return -1;
    /* "the Chilean delegation" may be one group, else "Chilean" ends before the noun */
    int32_t own = c->gend[q - 3 - c->a];
    if (own < 0 && q > c->a + 3) own = c->gend[q - 4 - c->a];
    return own >= 0 && !c->g[own].place ? own : (int32_t)c->ng;
}

/* "X, whose government hosted the talks, also received Y", "X, who met Y, accused Z": a
 * verb right after a relative clause between commas has that clause's antecedent as subject;
 * the group, or -1 when the verb does not follow such a clause. */
static int32_t after_relative(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_PAST_MARK | NG_W_MODAL)))
        p--;
    if (p < c->a + 4 || !ng_w__punct(w, p - 1, ',')) return -1;
    for (uint32_t k = p - 2; k > c->a + 1 && k + 30 > p; k--) {
        /* a bracketed acronym inside the clause ("who leads the Democratic Party (MDP)") */
        if ((w->tk.v[k].flags & NG_TK_PUNCT) && !ng_w__punct(w, k, '(') && !ng_w__punct(w, k, ')'))
            return -1;
        if (!(ng_w__is(w, k, "who") || ng_w__is(w, k, "whose") || ng_w__is(w, k, "which")))
            continue;
        /* "X, who leads Y and who was granted asylum, accused Z": two relative clauses */
        if (ng_w__is(w, k - 1, "and")) continue;
        int32_t gi = ng_w__punct(w, k - 1, ',') ? c->gend[k - 2 - c->a] : -1;
        if (gi < 0 || c->g[gi].place || (c->g[gi].pp && !c->g[gi].role)) return -1;
        return gi;
    }
    return -1;
}

/* "X, whose government accuses Y of ...": a verb right after "whose" and a government noun
 * (words class govnoun: government, administration, ministry) has the antecedent of "whose"
 * as subject, the actor whose government it is; the group, or -1. */
static int32_t whose_government(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_PAST_MARK)))
        p--;
    if (p < c->a + 4 || !(ng_w__bits(w, p - 1) & NG_W_GOVNOUN) ||
        (w->tk.v[p - 1].flags & NG_TK_CAP) || c->gcov[p - 1 - c->a] >= 0 ||
        !ng_w__is(w, p - 2, "whose") || !ng_w__punct(w, p - 3, ','))
        return -1;
    int32_t gi = c->gend[p - 4 - c->a];
    return gi >= 0 && !c->g[gi].place && !(c->g[gi].pp && !c->g[gi].role) ? gi : -1;
}

/* "AUKUS, a partnership that binds A and B", "A, B and C, the three states that make up
 * the bloc": "that" after an apposition ", a/an/the [up to three modifiers] NOUN" is a
 * relative pronoun whose antecedent is the name (or list) before the comma. The comma's
 * token, else 0. */
static uint32_t appositive_that(const ng_work *w, const sctx *c, uint32_t t)
{
    if (!ng_w__is(w, t, "that")) return 0;
    uint32_t p = t;
    for (int n = 0; n < 4 && p > c->a + 1; n++) {
        uint32_t k = p - 1;
        if (!(w->tk.v[k].flags & NG_TK_WORD) || (w->tk.v[k].flags & NG_TK_CAP) ||
            c->gcov[k - c->a] >= 0 || (ng_w__bits(w, k) & (NG_W_SAY | NG_W_CLAUSE | NG_W_PREP)))
            return 0;
        if ((ng_w__is(w, k, "a") || ng_w__is(w, k, "an") || ng_w__is(w, k, "the")) && p < t)
            return ng_w__punct(w, k - 1, ',') || ng_w__punct(w, k - 1, '-') ? k - 1 : 0;
        p = k;
    }
    return 0;
}

/* "the three states that make up the bloc" (a description that names the latest list),
 * "the only country that left": "that" right after a group that is no place is a relative
 * pronoun whose antecedent is that group. */
static int that_after_group(const ng_work *w, const sctx *c, uint32_t t)
{
    int32_t gi = t > c->a ? c->gend[t - 1 - c->a] : -1;
    return ng_w__is(w, t, "that") && gi >= 0 && !c->g[gi].place;
}

/* "X - the bloc that groups A, B and 16 others, including C and D - met": a closing dash
 * whose opening dash (no ";", ":" or quote between) is followed by a determiner (a
 * description; not "a delegation - former adviser A and B - was received", where the
 * aside names the subject's people); the opening dash, else 0. */
static uint32_t dash_aside_start(const ng_work *w, const sctx *c, uint32_t close)
{
    for (uint32_t t = close; t-- > c->a + 1;) {
        if (ng_w__punct(w, t, ';') || ng_w__punct(w, t, ':') || ng_w__punct(w, t, '"')) return 0;
        if (!ng_w__punct(w, t, '-')) continue;
        return t + 1 < close && (ng_w__bits(w, t + 1) & NG_W_DET) ? t : 0;
    }
    return 0;
}

/* "X, the bloc that groups A and B, met", "X - the bloc that ... - met": the comma or the
 * mark `ch` right before the description gi (over its determiners) that "that" follows, 0
 * when there is none (the antecedent is then the description itself). */
static uint32_t mark_before_group(const ng_work *w, const sctx *c, int32_t gi, char ch)
{
    uint32_t k = c->g[gi].t0;
    while (k > c->a && (ng_w__bits(w, k - 1) & NG_W_DET))
        k--;
    if (k <= c->a + 1 || c->g[gi].pp) return 0;
    return ng_w__punct(w, k - 1, ',') || ng_w__punct(w, k - 1, ch) ? k - 1 : 0;
}

/* A comma at `comma` may close a relative clause on an earlier noun: "The union, which
 * groups A, B and C, met" (the union met, not A, B and C; so with "whose members are"), "Kenya,
 * which joined the EAC in 2000, accused X"; a comma or a dash may close a participle clause ("The
 * bloc - comprising A, B and C - met"). The mark before the clause, else 0. */
static uint32_t relative_clause_start(const ng_work *w, const sctx *c, uint32_t comma)
{
    uint32_t q = comma;
    char ch = *ng_w__fold(w, comma);
    if (ch == '-' && (q = dash_aside_start(w, c, comma)) != 0) return q;
    q = comma;
    for (int n = 0; q > c->a + 1 && n < 14; n++) {
        q--;
        if (c->gend[q - c->a] >= 0) {
            q = c->g[c->gend[q - c->a]].t0;
            continue;
        }
        if (!(w->tk.v[q].flags & NG_TK_WORD)) return 0;
        /* "The bloc - comprising A, B and C - met", "X, made up of A and B, met": a
         * participle (in "-ing", or a trigger's first word) right after the same mark */
        if (q + 1 < comma && ng_w__punct(w, q - 1, ch) && c->gend[q - 1 - c->a] < 0 &&
            (ng_lex__trigger_first(w->lex, w->tk.v[q].h) >= 0 ||
             (w->tk.v[q].flen > 4 &&
              memcmp(ng_w__fold(w, q) + w->tk.v[q].flen - 3, "ing", 3) == 0)) &&
            q > c->a + 1 && c->gend[q - 2 - c->a] >= 0)
            return q - 1;
        /* "Y, whose members are A, B and C, met": Y met */
        if (ng_w__is(w, q, "which") || ng_w__is(w, q, "who") || ng_w__is(w, q, "whose"))
            return q + 1 < comma && ng_w__punct(w, q - 1, ch) ? q - 1 : 0;
        if (ng_w__is(w, q, "that") && q + 1 < comma && that_after_group(w, c, q))
            return mark_before_group(w, c, c->gend[q - 1 - c->a], ch);
        if (ng_w__is(w, q, "that")) return q + 1 < comma ? appositive_that(w, c, q) : 0;
        if (ng_w__bits(w, q) & (NG_W_CLAUSE | NG_W_SAY)) return 0;
    }
    return 0;
}

/* "the case brought by X at the ICJ, which accuses Y", "X's complaint to the WTO, which
 * accuses Y": a relative clause on a case noun (words class casenoun) has the noun's agent
 * ("brought/filed by X") or owner ("X's") as subject, not the court or body named after it;
 * the group, or -1. */
static int32_t case_agent(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_SKIPADV))
        p--;
    if (p < c->a + 4 || !ng_w__is(w, p - 1, "which") || !ng_w__punct(w, p - 2, ',')) return -1;
    for (uint32_t k = p - 3; k > c->a && k + 24 > p; k--) {
        ng_wbits bits = ng_w__bits(w, k);
        if (ng_w__punct(w, k, ';') || ng_w__punct(w, k, '"') || (bits & (NG_W_CLAUSE | NG_W_SAY)))
            return -1;
        if (!(bits & NG_W_CASENOUN) || c->gcov[k - c->a] >= 0) continue;
        if (k + 3 < p && ng_w__is(w, k + 2, "by") && c->gstart[k + 3 - c->a] >= 0)
            return c->gstart[k + 3 - c->a];
        if (k > c->a + 1 && (w->tk.v[k - 1].flags & NG_TK_POSS) && c->gend[k - 2 - c->a] >= 0)
            return c->gend[k - 2 - c->a];
        return -1;
    }
    return -1;
}

/* Does token t open a reduced relative clause: a lower-case past participle ("founded in",
 * "set up in", "backed by")? The "-ed" ending is morphology; the irregular ones are the
 * words class pastpart. */
static int participle_opens(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_CAP)) return 0;
    return (ng_w__bits(w, t) & NG_W_PASTPART) ||
           (k->flen > 4 && memcmp(ng_w__fold(w, t) + k->flen - 2, "ed", 2) == 0);
}

/* "X, on his first trip to the kingdom since the crisis, put his signature", "the CIS, set
 * up in 1991 as the Soviet Union broke apart, groups": a phrase between commas that opens
 * with a preposition, a past participle or "as", right before the verb at ts (adverbs between),
 * stands aside; the comma before it, else 0. */
static uint32_t parenthetical_start(const ng_work *w, const sctx *c, uint32_t comma, uint32_t ts)
{
    for (uint32_t k = comma + 1; k < ts; k++)
        if (!(ng_w__bits(w, k) & NG_W_SKIPADV)) return 0;
    for (uint32_t k = comma; k > c->a + 1 && k + 16 > comma;) {
        k--;
        if (!(w->tk.v[k].flags & NG_TK_PUNCT)) continue;
        if (!ng_w__punct(w, k, ',')) return 0;
        /* ", as the Sudanese press spells it,", ", as expected,": an aside opened by "as" */
        return (((ng_w__bits(w, k + 1) & NG_W_PREP) && !ng_w__is(w, k + 1, "of")) ||
                participle_opens(w, k + 1) || ng_w__is(w, k + 1, "as")) &&
                       c->gend[k - 1 - c->a] >= 0
                   ? k
                   : 0;
    }
    return 0;
}

/* "Arab states, including Saudi Arabia and Egypt, condemned": a list after ", including"
 * that follows a noun naming no actor stands for its subject. */
static int including_list(const ng_work *w, const sctx *c, const group *g)
{
    uint32_t q = g->t0;
    return q > c->a + 2 && ng_w__is(w, q - 1, "including") && ng_w__punct(w, q - 2, ',') &&
           c->gend[q - 3 - c->a] < 0 && (w->tk.v[q - 3].flags & NG_TK_WORD) &&
           g->t1 < c->b && ng_w__punct(w, g->t1, ',');
}

/* 'it "strongly condemns"', 'X "firmly rejects"': does the quotation that opens at t hold
 * every word up to the trigger at ts (at most three)? */
static int quote_holds(const ng_work *w, uint32_t t, uint32_t ts)
{
    if (ts > t + 4) return 0;
    for (uint32_t k = t + 1; k <= ts; k++)
        if (!(w->tk.v[k].flags & NG_TK_INQUOTE) || !(w->tk.v[k].flags & NG_TK_WORD)) return 0;
    return 1;
}

/* The '(' of an aside in brackets that closes at `close`: a group ends right before the
 * '(' and no quotation, verb of saying or relative word is inside (at most twelve tokens);
 * 0 if not. */
static uint32_t bracket_aside(const ng_work *w, const sctx *c, uint32_t close)
{
    for (uint32_t t = close; t-- > c->a + 1 && t + 13 > close;) {
        if (ng_w__punct(w, t, '"') || ng_w__punct(w, t, ')') || (ng_w__bits(w, t) & NG_W_SAY) ||
            ng_w__is(w, t, "who") || ng_w__is(w, t, "which") || ng_w__is(w, t, "that"))
            return 0;
        if (ng_w__punct(w, t, '(')) return c->gend[t - 1 - c->a] >= 0 ? t : 0;
    }
    return 0;
}

/* Is group gi one person, not inside a prepositional phrase? */
static int one_person(const ng_work *w, const sctx *c, int32_t gi)
{
    return c->g[gi].an == 1 && !c->g[gi].pp &&
           w->actors[c->acts[c->g[gi].a0]].type == NG_ETYPE_PERSON;
}

/* "Xi Jinping, general secretary of the Communist Party of China (CPC) Central Committee
 * and Chinese president, held talks": a verb right after the closing comma of an apposition
 * opened by a lower-case title word after a person's name has that person as subject (the
 * walk back would stop at a group inside the apposition); the group, or -1. */
static int32_t after_title_apposition(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_PAST_MARK)))
        p--;
    if (p < c->a + 5 || !ng_w__punct(w, p - 1, ',')) return -1;
    for (uint32_t k = p - 2; k > c->a + 1 && k + 30 > p; k--) {
        /* the person's mention may hold the first words of its apposition */
        int32_t in = c->gcov[k - c->a];
        if (in >= 0 && c->g[in].t0 + 1 < k && one_person(w, c, in)) {
            for (uint32_t q = c->g[in].t0 + 1; q < k; q++)
                if (ng_w__punct(w, q, ',')) return in;
        }
        if (ng_w__punct(w, k, ';') || ng_w__punct(w, k, ':') || ng_w__punct(w, k, '"') ||
            (ng_w__bits(w, k) & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE)))
            return -1;
        if (!ng_w__punct(w, k, ',')) continue;
        uint32_t t = k + 1;
        if (t < p && ng_w__is(w, t, "the")) t++;
        int32_t gi = c->gend[k - 1 - c->a];
        if (t >= p - 1 || !(w->tk.v[t].flags & NG_TK_WORD) || (w->tk.v[t].flags & NG_TK_CAP) ||
            c->gcov[t - c->a] >= 0 || (ng_w__bits(w, t) & (NG_W_PREP | NG_W_DET | NG_W_STOP)) ||
            gi < 0 || !one_person(w, c, gi))
            return -1;
        return gi;
    }
    return -1;
}

static int32_t whose_owner(const ng_work *w, const sctx *c, uint32_t ts);

/* "the G7 summit in Hiroshima, whose final communique": the gathering of the group before an
 * event noun (words class eventnoun) issued the statement; "in" and the place (up to three
 * capitalized words) may follow the noun. The group, or -1. p: the token after the
 * statement noun. */
static int32_t summit_before_whose(const ng_work *w, const sctx *c, uint32_t p)
{
    uint32_t q = p - 1;
    for (int n = 0;
         n < 2 && q > c->a && !(w->tk.v[q - 1].flags & NG_TK_CAP) && !ng_w__is(w, q - 1, "whose");
         n++)
        q--;
    if (q < c->a + 4 || !ng_w__is(w, q - 1, "whose") || !ng_w__punct(w, q - 2, ',')) return -1;
    q -= 2; /* the comma */
    uint32_t k = q; /* [k, q): the place's capitalized words */
    while (k > c->a + 2 && k + 3 > q && (w->tk.v[k - 1].flags & NG_TK_CAP) &&
           !(ng_w__bits(w, k - 1) & NG_W_LOCPREP))
        k--;
    if (k < q && (ng_w__bits(w, k - 1) & NG_W_LOCPREP)) q = k - 1;
    if (q < c->a + 2 || !(ng_w__bits(w, q - 1) & NG_W_EVENTNOUN) ||
        (w->tk.v[q - 1].flags & NG_TK_CAP))
        return -1;
    int32_t gi = c->gend[q - 2 - c->a];
    return gi >= 0 && !c->g[gi].place && !c->g[gi].pp ? gi : -1;
}

/* "the G7 summit, whose final communique criticised X", "the final statement of the summit
 * condemned X", "a resolution by the assembly denounced X": a statement noun (words class
 * issuednoun) as subject stands for the actor who issued it, the antecedent of "whose" or
 * the group after "of"/"by"/"from"; the group, or -1. */
static int32_t statement_owner(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_PAST_MARK)))
        p--;
    if (p < c->a + 3) return -1;
    int32_t gi = c->gend[p - 1 - c->a];
    if (gi >= 0) {
        uint32_t q = c->g[gi].t0;
        if (q > c->a && ng_w__is(w, q - 1, "the")) q--;
        if (c->g[gi].place || q < c->a + 2 ||
            !(ng_w__is(w, q - 1, "of") || ng_w__is(w, q - 1, "by") || ng_w__is(w, q - 1, "from")) ||
            !(ng_w__bits(w, q - 2) & NG_W_ISSUEDNOUN) || (w->tk.v[q - 2].flags & NG_TK_CAP))
            return -1;
        return gi;
    }
    if (!(ng_w__bits(w, p - 1) & NG_W_ISSUEDNOUN) || (w->tk.v[p - 1].flags & NG_TK_CAP) ||
        c->gcov[p - 1 - c->a] >= 0)
        return -1;
    int32_t own = whose_owner(w, c, p);
    return own >= 0 ? own : summit_before_whose(w, c, p);
}

static int32_t find_subject(const ng_work *w, const sctx *c, uint32_t ts);
static int32_t relative_object_head(const ng_work *w, const sctx *c, int32_t gi);

int32_t ng_subject__find(const ng_work *w, const sctx *c, uint32_t ts)
{
    int32_t gi = find_subject(w, c, ts);
    return gi >= 0 ? relative_object_head(w, c, gi) : gi;
}

/* "a banker close to the central bank, the Saudi Arabian Monetary Agency (SAMA), described":
 * a group set off by commas right after an adjective of the class toadj, "to" and up to three
 * lower-case words names the object of that "to" (an apposition inside the prepositional
 * phrase), not the verb's subject. Returns the adjective's token, or 0. */
static uint32_t toadj_apposition(const ng_work *w, const sctx *c, const group *g)
{
    uint32_t q = g->t0, e = g->t1;
    if (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET)) q--;
    if (q < c->a + 4 || !ng_w__punct(w, q - 1, ',')) return 0;
    if (e + 2 < c->b && ng_w__punct(w, e, '(') && ng_w__punct(w, e + 2, ')')) e += 3;
    if (e >= c->b || !ng_w__punct(w, e, ',')) return 0;
    for (uint32_t k = q - 2, n = 0; k > c->a && n < 4; k--, n++) {
        if (!(w->tk.v[k].flags & NG_TK_WORD) || (w->tk.v[k].flags & NG_TK_CAP) ||
            c->gcov[k - c->a] >= 0)
            return 0;
        if (ng_w__is(w, k, "to")) return (ng_w__bits(w, k - 1) & NG_W_TOADJ) ? k - 1 : 0;
    }
    return 0;
}

/* find_subject's step back over the punctuation mark at t (the walk is at *j == t): 1 with
 * *j (and *steps) moved to where the walk goes on, 0 when the mark ends the search (no
 * subject). Its own function: the marks that a subject may stand across (quotes around the
 * trigger, an acronym or an aside in brackets, a relative clause or a parenthetical between
 * commas) are one question apart from the groups and words the walk reads. */
static int walk_past_punct(const ng_work *w, const sctx *c, uint32_t t, uint32_t ts, int64_t *j,
                           int *steps)
{
    char ch = *ng_w__fold(w, t);
    /* 'it "strongly condemns"': the quotation that holds the trigger opens here */
    if (ch == '"' && (w->tk.v[ts].flags & NG_TK_INQUOTE) && quote_holds(w, t, ts)) {
        (*j)--;
        return 1;
    }
    /* "The Sudanese Armed Forces (SAF) accused": an acronym in brackets right after
     * a group is its name, not a boundary */
    if (ch == ')' && t >= c->a + 3 && ng_w__punct(w, t - 2, '(') &&
        (w->tk.v[t - 1].flags & NG_TK_UPPER) && c->gend[t - 3 - c->a] >= 0) {
        *j = (int64_t)t - 3;
        return 1;
    }
    /* "A and B (Pashinian in some spellings) signed": an aside in brackets right
     * after a group, naming no actor, stands aside */
    if (ch == ')') {
        uint32_t open = bracket_aside(w, c, t);
        if (open) {
            *j = (int64_t)open - 1;
            return 1;
        }
    }
    if (ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '"') return 0;
    uint32_t start = ch == ',' || ch == '-' ? relative_clause_start(w, c, t) : 0;
    if (!start && ch == ',') start = parenthetical_start(w, c, t, ts);
    *j = start ? (int64_t)start - 1 : *j - 1;
    (*steps)++;
    return 1;
}

static int32_t find_subject(const ng_work *w, const sctx *c, uint32_t ts)
{
    int32_t agent = case_agent(w, c, ts);
    if (agent >= 0 && !c->g[agent].place) return agent;
    int32_t rel = after_relative(w, c, ts);
    if (rel >= 0) return before_apposition(w, c, rel, ts);
    rel = whose_government(w, c, ts);
    if (rel >= 0) return rel;
    if ((rel = after_title_apposition(w, c, ts)) >= 0) return rel;
    rel = statement_owner(w, c, ts);
    if (rel >= 0) return rel;
    int64_t j = (int64_t)ts - 1;
    int steps = 0, relative = 0, words = 0;
    while (j >= (int64_t)c->a && steps < 24) {
        uint32_t t = (uint32_t)j;
        int32_t gi = c->gend[t - c->a];
        if (gi >= 0) {
            const group *g = &c->g[gi];
            /* "a Chilean delegation led by A and B was received": the leaders */
            if (!g->place && ng_subject__led_by(w, c, g) >= 0) return gi;
            /* the antecedent of "who"/"which" may sit in a prepositional phrase: "the coup
             * was led by X, who heads ..." */
            if (!g->place && g->pp && including_list(w, c, g)) return gi;
            /* the subject is the noun the adjective follows ("a Saudi banker close to":
             * no actor, not the demonym's state) */
            uint32_t adj = g->place ? 0 : toadj_apposition(w, c, g);
            if (adj) {
                int32_t head = c->gend[adj - 1 - c->a];
                return head >= 0 && !c->g[head].place && !c->g[head].pp ? head : -1;
            }
            if (g->place || (g->pp && !g->role && !relative && !g->subord)) {
                j = (int64_t)g->t0 - 1;
                steps++;
                continue;
            }
            return before_apposition(w, c, gi, ts);
        }
        if (c->gcov[t - c->a] >= 0) {
            j = (int64_t)c->g[c->gcov[t - c->a]].t0 - 1;
            continue;
        }
        if (w->tk.v[t].flags & NG_TK_PUNCT) {
            if (!walk_past_punct(w, c, t, ts, &j, &steps)) return -1;
            continue;
        }
        ng_wbits bits = ng_w__bits(w, t);
        if (bits & NG_W_CLAUSE) {
            /* only a relative pronoun right before the verb is its subject ("X, who heads";
             * not "X, which they left") */
            if (ng_w__is(w, t, "who") || ng_w__is(w, t, "which") ||
                (words == 0 && (appositive_that(w, c, t) != 0 || that_after_group(w, c, t)))) {
                relative = words == 0;
                j--;
                continue;
            }
            /* "Greece, as a member of NATO, undertakes": "as" right before the trigger, after
             * a comma that follows a group, opens an apposition of that group */
            if (words == 0 && ng_w__is(w, t, "as") && t > c->a + 1 && ng_w__punct(w, t - 1, ',') &&
                c->gend[t - 2 - c->a] >= 0) {
                j = (int64_t)t - 2;
                continue;
            }
            return -1;
        }
        if (!(bits & (NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL))) words++;
        j--;
        steps++;
    }
    return -1;
}

/* Is token t a participle right after a comma ("..., calling Iran 'a regime'")? The English
 * "-ing" ending is morphology, not a list of words. */
int ng_subject__comma_participle(const ng_work *w, uint32_t comma, uint32_t t)
{
    return ng_w__punct(w, comma, ',') && w->tk.v[t].flen > 4 &&
           memcmp(ng_w__fold(w, t) + w->tk.v[t].flen - 3, "ing", 3) == 0;
}

/* "Peru recalled its envoy after X declared Y unwelcome and called ...": a verb after the
 * "and" at `and` belongs to the subordinate clause still open before it (a group after
 * after/before/since/when followed by its verb, past the latest trigger's subject, with no
 * comma or ";" between); that clause's subject, -1 if none. */
static int32_t subordinate_subject(const ng_work *w, const sctx *c, uint32_t and)
{
    uint32_t from = c->last_subj >= 0 ? c->g[c->last_subj].t1 : c->a;
    for (uint32_t t = and; t-- > from;) {
        if (w->tk.v[t].flags & NG_TK_PUNCT) {
            if (ng_w__punct(w, t, ',') || ng_w__punct(w, t, ';') || ng_w__punct(w, t, ':'))
                return -1;
            continue;
        }
        int32_t gi = c->gstart[t - c->a];
        if (gi >= 0 && c->g[gi].subord && !c->g[gi].place) return gi;
        if (gi >= 0 || (ng_w__bits(w, t) & NG_W_CLAUSE)) continue;
    }
    return -1;
}

/* "... coups in all three countries, whose juntas turned to Russia and formed the AES": a
 * verb after the "and" at `and` that a relative clause opened by "whose" (no comma, ";" or
 * ":" between) still holds has the antecedent of "whose" as its subject; -1 if none. */
static int32_t whose_clause_subject(const ng_work *w, const sctx *c, uint32_t and)
{
    for (uint32_t t = and; t-- > c->a + 1;) {
        if (ng_w__punct(w, t, ',') || ng_w__punct(w, t, ';') || ng_w__punct(w, t, ':') ||
            ng_w__punct(w, t, '"'))
            return -1;
        if (!(ng_w__bits(w, t) & NG_W_CLAUSE)) continue;
        if (!ng_w__is(w, t, "whose")) return -1;
        uint32_t q = ng_w__punct(w, t - 1, ',') ? t - 1 : t;
        int32_t gi = q > c->a ? c->gend[q - 1 - c->a] : -1;
        return gi >= 0 && !c->g[gi].place && !c->g[gi].poss ? gi : -2;
    }
    return -1;
}

/* "X met Y, who hosted a dinner, and later met Z": ", and" at `and` - 1 closes a relative
 * clause opened by ", who/which" with no other comma between; the verb after it belongs to
 * the clause before that relative clause, whose main subject is returned (-1 if none). */
static int32_t after_closed_relative(const ng_work *w, const sctx *c, uint32_t and)
{
    if (and < c->a + 3 || !ng_w__punct(w, and - 1, ',')) return -1;
    for (uint32_t t = and - 1; t-- > c->a + 1;) {
        if (ng_w__punct(w, t, ';') || ng_w__punct(w, t, ':') || ng_w__punct(w, t, '"')) return -1;
        if (!ng_w__punct(w, t, ',')) continue;
        if (!(ng_w__is(w, t + 1, "who") || ng_w__is(w, t + 1, "which"))) return -1;
        return ng_subject__main(w, c, t);
    }
    return -1;
}

/* "The junta that ousted the elected leader, Tomas Vela, quit ECOWAS", "Peru, which ousted
 * its president, Luis Mora, quit": group gi, followed by a comma, is the object (or its
 * apposition after its own comma) of a relative clause ("that", "who", "which", within twelve
 * words, no other punctuation, "and" or "or" between): the verb's subject is the clause's head, not
 * gi. The head: a group right before ", which"/", who" (that group), a lower-case noun right before
 * "that"/"who" (no actor: -1); gi itself when the pattern is absent. */
static int32_t relative_object_head(const ng_work *w, const sctx *c, int32_t gi)
{
    uint32_t t0 = c->g[gi].t0, t1 = c->g[gi].t1;
    if (t0 < c->a + 4 || t1 >= c->b || !ng_w__punct(w, t1, ',')) return gi;
    for (uint32_t t = t0; t-- > c->a + 1 && t + 12 > t0;) {
        /* only the apposition's own comma, right before gi: "Egypt, which made peace ...,
         * and Jordan" is a list, "ministers, among them X" an aside */
        if (t + 1 == t0 && ng_w__punct(w, t, ',')) continue;
        if ((w->tk.v[t].flags & NG_TK_PUNCT) || ng_w__is(w, t, "and") || ng_w__is(w, t, "or"))
            return gi;
        if (!(ng_w__is(w, t, "that") || ng_w__is(w, t, "who") || ng_w__is(w, t, "which")))
            continue;
        uint32_t h = t - 1;
        if (ng_w__punct(w, h, ',')) {
            int32_t head = h > c->a ? c->gend[h - 1 - c->a] : -1;
            return head >= 0 && !c->g[head].place && !ng_w__is(w, t, "that") ? head : gi;
        }
        int noun = (w->tk.v[h].flags & NG_TK_WORD) && !(w->tk.v[h].flags & NG_TK_CAP) &&
                   c->gcov[h - c->a] < 0 && !(ng_w__bits(w, h) & (NG_W_SAY | NG_W_BE | NG_W_PREP));
        return noun && !ng_w__is(w, t, "which") ? -1 : gi;
    }
    return gi;
}

/* "After meeting X, Y flew home", "Having met X, Y ...", "Meeting X in Y, Z said", "In a
 * statement condemning X, Y said": a participle that opens the sentence (after at most a
 * preposition or a subordinator, or "having", or a preposition and up to three lower-case
 * words) has the subject of the main clause, the group right after the first comma that
 * follows it and no list holds (determiners between); -1, also when a modal, plan or
 * negation follows that subject. */
static int32_t fronted_participle(const ng_work *w, const sctx *c, uint32_t ts)
{
    const char *f = ng_w__fold(w, ts);
    uint16_t len = w->tk.v[ts].flen;
    int ing = len > 4 && memcmp(f + len - 3, "ing", 3) == 0;
    /* "In a statement condemning X, Y said": a preposition and up to three lower-case words
     * naming no actor before it */
    int opener = ing && ts > c->a + 1 && ts <= c->a + 4 && (ng_w__bits(w, c->a) & NG_W_PREP);
    for (uint32_t q = c->a + 1; opener && q < ts; q++)
        opener = (w->tk.v[q].flags & NG_TK_WORD) && !(w->tk.v[q].flags & NG_TK_CAP) &&
                 c->gcov[q - c->a] < 0;
    if (ts > c->a + 1 && !opener) return -1;
    if (ts == c->a + 1 && !(ng_w__is(w, c->a, "having") ||
                            (ing && (ng_w__bits(w, c->a) & (NG_W_PREP | NG_W_CLAUSE)))))
        return -1;
    if (ts == c->a && !ing) return -1;
    for (uint32_t q = ts + 1; q + 1 < c->b && q < ts + 24; q++) {
        if (ng_w__punct(w, q, ';') || ng_w__punct(w, q, ':') || ng_w__punct(w, q, '"')) return -1;
        if (!ng_w__punct(w, q, ',') || c->gcov[q - c->a] >= 0) continue; /* not in a list */
        q++;
        int32_t gi = ng_engine__group_after_dets(w, c, &q);
        if (gi < 0 || c->g[gi].place || c->g[gi].pp) return -1;
        /* "Before meeting X, Y will fly to Z": the main clause's modal or plan reaches it */
        uint32_t v = c->g[gi].t1;
        while (v < c->b && (ng_w__bits(w, v) & NG_W_SKIPADV))
            v++;
        return v < c->b && (ng_w__bits(w, v) & (NG_W_MODAL | NG_W_PLAN | NG_W_NEG)) ? -1 : gi;
    }
    return -1;
}

/* "..., while Cyprus and Malta did so before joining the Union": the subject of a
 * subordinate clause (opened by "while", "whereas", "although" ...: words class clause, not a
 * relative pronoun) whose verb, a few lower-case words, stands right before the subordinator
 * at k; -1. */
static int32_t subclause_subject(const ng_work *w, const sctx *c, uint32_t k)
{
    uint32_t q = k;
    for (int n = 0; q > c->a && n < 4; n++) {
        const ng_tok *tk = &w->tk.v[q - 1];
        if (!(tk->flags & NG_TK_WORD) || (tk->flags & NG_TK_CAP) || c->gcov[q - 1 - c->a] >= 0 ||
            (ng_w__bits(w, q - 1) & (NG_W_CLAUSE | NG_W_PREP)))
            break;
        q--;
    }
    if (q == k || q <= c->a + 1) return -1;
    int32_t gi = c->gend[q - 1 - c->a];
    if (gi < 0 || c->g[gi].place || c->g[gi].poss || c->g[gi].t0 <= c->a) return -1;
    uint32_t o = c->g[gi].t0 - 1;
    return (ng_w__bits(w, o) & NG_W_CLAUSE) && !ng_w__relative(w, o) ? gi : -1;
}

/* "X arrived in Mogadishu, a step the Ethiopian Foreign Ministry described as 'destabilizing',
 * accusing Cairo of ...": the participle after the comma at `comma` has the subject of an
 * apposition's reduced relative clause (a determiner or none, one or two lower-case words,
 * the group, then a lower-case verb in "-ed" or a trigger's first word), -1 otherwise. */
static int32_t appositive_relative_subject(const ng_work *w, const sctx *c, uint32_t comma)
{
    uint32_t p = comma;
    while (p > c->a && p + 30 > comma &&
           (!(w->tk.v[p - 1].flags & NG_TK_PUNCT) || ng_w__punct(w, p - 1, '"')))
        p--;
    if (p <= c->a || !ng_w__punct(w, p - 1, ',') || p + 3 > comma) return -1;
    uint32_t q = p + ((ng_w__bits(w, p) & NG_W_DET) ? 1 : 0), n = 0;
    for (; q < comma && n < 2 && c->gcov[q - c->a] < 0 && (w->tk.v[q].flags & NG_TK_WORD) &&
           !(w->tk.v[q].flags & NG_TK_CAP) &&
           !(ng_w__bits(w, q) & (NG_W_DET | NG_W_PREP | NG_W_CLAUSE | NG_W_SAY | NG_W_BE));
         q++, n++) {
    }
    if (n == 0 || q >= comma) return -1;
    if ((ng_w__bits(w, q) & NG_W_DET) && c->gcov[q - c->a] < 0) q++;
    int32_t gi = q < comma ? c->gstart[q - c->a] : -1;
    if (gi < 0 || c->g[gi].place || c->g[gi].poss || c->g[gi].pp) return -1;
    uint32_t v = c->g[gi].t1;
    if (v >= comma || !(w->tk.v[v].flags & NG_TK_WORD) || (w->tk.v[v].flags & NG_TK_CAP)) return -1;
    const char *f = ng_w__fold(w, v);
    size_t len = w->tk.v[v].flen;
    int verb = (len > 3 && f[len - 2] == 'e' && f[len - 1] == 'd') ||
               ng_lex__trigger_first(w->lex, w->tk.v[v].h) >= 0;
    return verb ? gi : -1;
}

/* "A has stayed in Y, and B has acted as a go-between since visiting Z": the subject of the
 * clause that ", and"/", but" opens before the subordinator at k (the group right after it,
 * then a word that is no group: its verb), when that clause comes after the subject of the
 * sentence's latest trigger; -1. */
static int32_t coordinated_subject(const ng_work *w, const sctx *c, uint32_t k)
{
    uint32_t from = c->last_subj >= 0 ? c->g[c->last_subj].t1 : c->a;
    for (uint32_t t = k; t-- > from + 1;) {
        if (ng_w__punct(w, t, ';') || ng_w__punct(w, t, ':') || ng_w__punct(w, t, '"')) return -1;
        if (!(ng_w__is(w, t, "and") || ng_w__is(w, t, "but")) || !ng_w__punct(w, t - 1, ',') ||
            t + 1 >= k)
            continue;
        uint32_t q = t + 1;
        while (q < k && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET))
            q++;
        int32_t gi = c->gstart[q - c->a];
        if (gi < 0 || c->g[gi].place || c->g[gi].pp || c->g[gi].t1 >= k) return -1;
        uint32_t v = c->g[gi].t1;
        return (w->tk.v[v].flags & NG_TK_WORD) && c->gcov[v - c->a] < 0 &&
                       c->gstart[v - c->a] < 0 && !(ng_w__bits(w, v) & NG_W_PREP)
                   ? gi
                   : -1;
    }
    return -1;
}

/* "The agency said the crown prince received X": between the group gi and the verb at ts, a
 * finite verb of saying (words class say, number 1) right before a determiner and words
 * that are no group (an unresolved subject: "the crown prince"), with no comma, quote,
 * "to" or decision word between ("announced a decision to withdraw" is the subject's own);
 * the reporter is not the verb's subject. */
static int reported_subject_between(const ng_work *w, const sctx *c, int32_t gi, uint32_t ts)
{
    int words = -1;
    for (uint32_t t = c->g[gi].t1; t < ts; t++) {
        ng_wbits bits = ng_w__bits(w, t);
        if (ng_w__punct(w, t, ',') || ng_w__punct(w, t, '"') || ng_w__is(w, t, "to") ||
            (bits & NG_W_DECIDE) || c->gcov[t - c->a] >= 0 || c->gend[t - c->a] >= 0)
            words = -1;
        else if ((bits & NG_W_SAY) && t + 1 < ts && (ng_w__bits(w, t + 1) & NG_W_DET) &&
                 ng_lex__word_number(w->lex, w->tk.v[t].h) == 1)
            words = 0;
        else if (words >= 0 && (w->tk.v[t].flags & NG_TK_WORD) &&
                 !(bits & (NG_W_DET | NG_W_CLAUSE | NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK |
                           NG_W_MODAL)))
            words++;
    }
    return words > 0;
}

/* The subject of a verb at ts by its clause: after "and"/"but" the clause's main subject
 * (the subject of the sentence's latest trigger), a participle after a comma the main
 * subject, else the nearest group before it. */
static int32_t clause_subject(const ng_work *w, const sctx *c, uint32_t ts, int noun)
{
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK)) &&
           !(ng_w__bits(w, p - 1) & NG_W_PREP))
        p--;
    int after_and = p > c->a && (ng_w__is(w, p - 1, "and") || ng_w__is(w, p - 1, "but"));
    int participle = !noun && ts > c->a && ng_subject__comma_participle(w, ts - 1, ts);
    /* absolute "with": "..., with spokesman X accusing Y of meddling" */
    if (!noun && ts > c->a + 2 && w->tk.v[ts].flen > 4 &&
        memcmp(ng_w__fold(w, ts) + w->tk.v[ts].flen - 3, "ing", 3) == 0) {
        int32_t gi = c->gend[ts - 1 - c->a];
        uint32_t q = gi >= 0 ? c->g[gi].t0 : c->a;
        while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET))
            q--;
        if (gi >= 0 && !c->g[gi].place && q > c->a && ng_w__is(w, q - 1, "with") &&
            (q - 1 == c->a || ng_w__punct(w, q - 2, ',')))
            return gi;
    }
    if (after_and && c->gend[p - 1 - c->a] < 0) {
        int32_t sub = subordinate_subject(w, c, p - 1);
        if (sub >= 0) return sub;
        if ((sub = whose_clause_subject(w, c, p - 1)) != -1) return sub >= 0 ? sub : -1;
        sub = after_closed_relative(w, c, p - 1);
        if (sub >= 0) return sub;
        return c->last_subj >= 0 ? c->last_subj : ng_subject__main(w, c, ts);
    }
    if (participle) {
        /* '"...," X said, accusing Y of ...': the speaker right before the verb of saying */
        int32_t sp =
            ts > c->a + 2 && (ng_w__bits(w, ts - 2) & NG_W_SAY) ? c->gend[ts - 3 - c->a] : -1;
        if (sp >= 0 && !c->g[sp].place && !c->g[sp].pp) return sp;
        if ((sp = appositive_relative_subject(w, c, ts - 1)) >= 0) return sp;
        return ng_subject__main(w, c, ts);
    }
    int32_t gi = ng_subject__find(w, c, ts);
    if (gi >= 0 && !noun && reported_subject_between(w, c, gi, ts)) return -1;
    if (gi < 0 && !noun) gi = fronted_participle(w, c, ts);
    /* "X flew home after meeting Y": a gerund after a subordinator has the subject of the
     * sentence's latest trigger, else the main subject */
    if (gi < 0 && !noun && ts > c->a + 1 && (ng_w__bits(w, ts - 1) & NG_W_CLAUSE) &&
        w->tk.v[ts].flen > 4 && memcmp(ng_w__fold(w, ts) + w->tk.v[ts].flen - 3, "ing", 3) == 0 &&
        (gi = subclause_subject(w, c, ts - 1)) < 0 && (gi = coordinated_subject(w, c, ts - 1)) < 0)
        gi = c->last_subj >= 0 ? c->last_subj : ng_subject__main(w, c, ts);
    /* "Its withdrawal leaves X": a possessive pronoun owns a verb's subject, it is not it
     * (but "their troops left" is theirs; a noun's "their departure" is theirs too) */
    if (!noun && gi >= 0 && c->u[c->g[gi].u0 + c->g[gi].un - 1].poss &&
        !ng_groups__poss_owner(w, c, &c->g[gi])) {
        /* "announced its decision to leave Y": the owner of the decision does it, read
         * from the clause's subject when that is the same actor, so that the words between
         * count ("reversed its decision to leave" is no fact) */
        const group *g = &c->g[gi];
        uint32_t q = g->t1;
        if (!(q + 1 < ts && (ng_w__bits(w, q) & NG_W_DECIDE) && ng_w__is(w, q + 1, "to")))
            return -1;
        int32_t own = ng_subject__find(w, c, g->t0);
        if (own >= 0 && c->g[own].an == g->an && !c->g[own].poss &&
            memcmp(c->acts + c->g[own].a0, c->acts + g->a0, g->an * sizeof *c->acts) == 0)
            gi = own;
    }
    return gi;
}

/* "Y, whose [largest] members are A and B", "X, whose withdrawal from Z": the antecedent
 * of "whose" (up to two lower-case words between) owns the noun; -1 if none. */
static int32_t whose_owner(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t p = ts;
    for (int n = 0; n < 2 && p > c->a + 1 && !ng_w__is(w, p - 1, "whose") &&
                    (w->tk.v[p - 1].flags & NG_TK_WORD) && !(w->tk.v[p - 1].flags & NG_TK_CAP) &&
                    c->gcov[p - 1 - c->a] < 0;
         n++)
        p--;
    if (p < c->a + 2 || !ng_w__is(w, p - 1, "whose")) return -1;
    uint32_t q = p - 1;
    if (ng_w__punct(w, q - 1, ',')) q--;
    int32_t gi = q > c->a ? c->gend[q - 1 - c->a] : -1;
    return gi >= 0 && !c->g[gi].place ? gi : -1;
}

/* "Moldova approved its withdrawal from X", "Panama notified China of its withdrawal": a
 * possessive "its"/"their" right after a past-tense verb, or after "of" that follows the
 * verb's object, is owned by the clause's subject (a state or an organization), not by the
 * latest actor before it ("urged Y to reverse its ...", "criticised Y for its ..." keep the
 * pronoun's own reading). The owner group. */
static int32_t pronoun_owner(const ng_work *w, const sctx *c, int32_t own, uint32_t ts)
{
    uint32_t t0 = ts - 1; /* the pronoun: a group of its own, or a possessive token */
    if (ts < c->a + 3 || !(ng_w__is(w, t0, "its") || ng_w__is(w, t0, "their"))) return own;
    uint32_t p = t0 - 1;
    if (ng_w__is(w, p, "of") && c->gend[p - 1 - c->a] >= 0) p = c->g[c->gend[p - 1 - c->a]].t0 - 1;
    while (p > c->a && (ng_w__bits(w, p) & NG_W_DET))
        p--;
    const ng_tok *k = &w->tk.v[p];
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_CAP) || k->flen < 5 ||
        memcmp(ng_w__fold(w, p) + k->flen - 2, "ed", 2) != 0)
        return own;
    int32_t m = ng_subject__main(w, c, p);
    if (m < 0) return -1; /* "the juntas informed Algeria of their withdrawal": not Algeria */
    if (m == own || c->g[m].t1 > p) return own;
    for (uint32_t q = c->g[m].t1; q < p; q++)
        if ((ng_w__bits(w, q) & (NG_W_CLAUSE | NG_W_SAY)) || ng_w__punct(w, q, ';') ||
            ng_w__punct(w, q, ':') || ng_w__punct(w, q, '"'))
            return own;
    for (uint32_t i = 0; i < c->g[m].an; i++) {
        int type = w->actors[c->acts[c->g[m].a0 + i]].type;
        if (type != NG_ETYPE_STATE && type != NG_ETYPE_ORG) return own;
    }
    return m;
}

/* A noun's own party: "X's withdrawal", "the departure of X from Y", "X, whose members";
 * -1 if none. */
static int32_t noun_owner(const ng_work *w, const sctx *c, uint32_t ts, uint32_t te)
{
    int32_t own = whose_owner(w, c, ts);
    if (own >= 0) return own;
    if (ts > c->a) {
        uint32_t p = ts - 1;
        while (p > c->a && (ng_w__bits(w, p) & (NG_W_TITLEMOD | NG_W_PLAN)) &&
               !(w->tk.v[p].flags & NG_TK_POSS))
            p--;
        if ((w->tk.v[p].flags & NG_TK_POSS) && p > c->a && c->gend[p - 1 - c->a] >= 0)
            own = c->gend[p - 1 - c->a];
    }
    /* "the departure of X from Y", "the withdrawal by X from Y" */
    if (own < 0 && te < c->b && (ng_w__is(w, te, "of") || ng_w__is(w, te, "by"))) {
        uint32_t q = te + 1;
        while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET))
            q++;
        if (q < c->b && c->gstart[q - c->a] >= 0) own = c->gstart[q - c->a];
    }
    return own;
}

/* The possessive owner of a noun whose "of X" is its object (ofobj): "Peru's condemnation",
 * "their "firm condemnation"", "its strong criticism" (a few adjectives, "and" and quotation
 * marks between); -1 if none. */
static int32_t possessive_owner(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t p = ts;
    for (int n = 0; p > c->a && n < 5; n++) {
        uint32_t t = --p;
        int32_t gi = c->gend[t - c->a];
        if (w->tk.v[t].flags & NG_TK_POSS) return t > c->a ? c->gend[t - 1 - c->a] : -1;
        if (gi >= 0) return c->g[gi].poss && !c->g[gi].place ? gi : -1;
        if (ng_w__punct(w, t, '"') || ng_w__is(w, t, "and")) continue;
        if (!(w->tk.v[t].flags & NG_TK_WORD) || (w->tk.v[t].flags & NG_TK_CAP) ||
            (ng_w__bits(w, t) & (NG_W_PREP | NG_W_CLAUSE | NG_W_DET | NG_W_BE | NG_W_SAY |
                                 NG_W_PAST_MARK | NG_W_MODAL | NG_W_NEG)))
            return -1;
    }
    return -1;
}

/* Is group g the object of a verb (a lower-case word that is no preposition right before
 * it) followed by "of"/"about" and at most a determiner before the noun at ts? */
static int object_before_pp(const ng_work *w, const sctx *c, const group *g, uint32_t ts)
{
    if (g->pp || g->place || g->t0 <= c->a + 1 || g->t1 >= ts) return 0;
    uint32_t q = g->t1;
    if (!(ng_w__is(w, q, "of") || ng_w__is(w, q, "about"))) return 0;
    q++;
    if (q < ts && (ng_w__bits(w, q) & NG_W_DET)) q++;
    if (q != ts) return 0;
    uint32_t v = g->t0 - 1;
    while (v > c->a && (ng_w__bits(w, v) & NG_W_DET))
        v--;
    const ng_tok *k = &w->tk.v[v];
    return (k->flags & NG_TK_WORD) && !(k->flags & NG_TK_CAP) && c->gcov[v - c->a] < 0 &&
           !(ng_w__bits(w, v) & (NG_W_PREP | NG_W_CLAUSE | NG_W_BE | NG_W_DET)) &&
           !ng_w__is(w, v, "and") && !ng_w__is(w, v, "or");
}

/* The "along with" list between commas that ends right before token e (the comma's token
 * after the list): "..., along with A, B and C, that"; its group, -1. *open: its comma. */
static int32_t along_list(const ng_work *w, const sctx *c, uint32_t e, uint32_t *open)
{
    int32_t gi = e > c->a ? c->gend[e - 1 - c->a] : -1;
    if (gi < 0 || c->g[gi].place) return -1;
    uint32_t q = c->g[gi].t0;
    while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET))
        q--;
    for (uint32_t k = q > c->a + 3 ? q - 2 : c->a + 1; k < q; k++)
        if (ng_w__punct(w, k - 1, ',') && ng_w__phrase(w, k, q, NG_W_ALONGSIDE, NULL) == q - k) {
            *open = k - 1;
            return gi;
        }
    return -1;
}

/* "Nicaragua ..., becoming the second country, after Venezuela, to leave Y", "Peru became
 * the first state since Chile to quit Y": the infinitive after an ordinal (words class
 * decide, after a determiner) and a plural-able country noun has the subject of "became"
 * (or the main subject of the participle "becoming"); the group after "after"/"since" left
 * too (*along). -1 when the form is not there. */
static int32_t ordinal_since(const ng_work *w, const sctx *c, uint32_t ts, int32_t *along)
{
    uint32_t k = ts;
    if (k < c->a + 6 || !ng_w__is(w, k - 1, "to")) return -1;
    k--;
    if (ng_w__punct(w, k - 1, ',')) k--;
    int32_t ga = c->gend[k - 1 - c->a];
    if (ga < 0 || c->g[ga].t0 <= c->a + 4) return -1;
    uint32_t p = c->g[ga].t0 - 1;
    if (!(ng_w__is(w, p, "after") || ng_w__is(w, p, "since"))) return -1;
    if (ng_w__punct(w, p - 1, ',')) p--;
    /* "the second country", "the first Latin American state" */
    uint32_t q = p, n = 0;
    while (q > c->a && n < 4 && !(ng_w__bits(w, q - 1) & NG_W_DECIDE) &&
           (w->tk.v[q - 1].flags & NG_TK_WORD) && !(ng_w__bits(w, q - 1) & (NG_W_CLAUSE | NG_W_BE)))
        q--, n++;
    if (!n || q < c->a + 3 || !(ng_w__bits(w, q - 1) & NG_W_DECIDE) ||
        !(ng_w__bits(w, p - 1) &
          (NG_W_COUNTRYNOUN | NG_W_BLOCPLURAL | NG_W_GROUPNOUN | NG_W_MEMBERNOUN)) ||
        !(ng_w__bits(w, q - 2) & NG_W_DET))
        return -1;
    q -= 2;
    int32_t gi = -1;
    if (ng_w__is(w, q - 1, "becoming") && q > c->a + 2 && ng_w__punct(w, q - 2, ','))
        gi = ng_subject__main(w, c, q - 2);
    else if (ng_w__bits(w, q - 1) & (NG_W_BE | NG_W_LINKVERB))
        gi = q > c->a + 1 ? c->gend[q - 2 - c->a] : -1;
    if (gi < 0 || c->g[gi].place || c->g[gi].pp) return -1;
    *along = ga;
    return gi;
}

int32_t ng_subject__one_of(const ng_work *w, const sctx *c, uint32_t ts, int32_t *along)
{
    *along = -1;
    int32_t os = ordinal_since(w, c, ts, along);
    if (os >= 0) return os;
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_PAST_MARK)))
        p--;
    if (p < c->a + 5 || !(ng_w__is(w, p - 1, "that") || ng_w__is(w, p - 1, "which"))) return -1;
    uint32_t k = p - 1, open = 0;
    int32_t al = ng_w__punct(w, k - 1, ',') ? along_list(w, c, k - 1, &open) : -1;
    if (al >= 0) k = open;
    /* the plural noun phrase: "four states", "the few countries", "the Gulf states" */
    if (k <= c->a || !(ng_w__bits(w, k - 1) & (NG_W_BLOCPLURAL | NG_W_GROUPNOUN))) return -1;
    uint32_t n = 0;
    while (k > c->a && n < 5 && !ng_w__is(w, k - 1, "of") && !ng_w__is(w, k - 1, "among") &&
           (w->tk.v[k - 1].flags & (NG_TK_WORD | NG_TK_NUM)) && c->gcov[k - 1 - c->a] < 0 &&
           !(ng_w__bits(w, k - 1) & (NG_W_CLAUSE | NG_W_SAY | NG_W_NEG | NG_W_NOTMEMBER)))
        k--, n++;
    if (!n || k <= c->a + 1) return -1;
    if (ng_w__is(w, k - 1, "of")) {
        if (k <= c->a + 2 || !ng_w__is(w, k - 2, "one")) return -1;
        k--;
    }
    else if (!ng_w__is(w, k - 1, "among"))
        return -1;
    k--;
    /* "X was one of", "X is among", "X, one of" */
    while (k > c->a && (ng_w__bits(w, k - 1) & NG_W_SKIPADV))
        k--;
    if (k > c->a && ((ng_w__bits(w, k - 1) & NG_W_BE) || ng_w__punct(w, k - 1, ','))) k--;
    else return -1;
    int32_t gi = k > c->a ? c->gend[k - 1 - c->a] : -1;
    if (gi < 0 || c->g[gi].place || c->g[gi].pp) return -1;
    *along = al;
    return gi;
}

/* A noun with no party of its own and no subject near has the sentence's main subject, but
 * not over a clause opened after a comma whose own subject is no actor ("They date back to
 * 2015, when the package was agreed at a summit with X": the summit is not theirs); -1. */
static int32_t main_before_clause(const ng_work *w, const sctx *c, uint32_t ts)
{
    int32_t m = ng_subject__main(w, c, c->b);
    if (m < 0 || c->g[m].t1 >= ts) return m;
    for (uint32_t k = c->g[m].t1 + 1; k < ts; k++)
        if (ng_w__punct(w, k - 1, ',') && (ng_w__bits(w, k) & NG_W_CLAUSE) &&
            !ng_w__is(w, k, "and") && !ng_w__is(w, k, "but"))
            return -1;
    return m;
}

/* "Modi co-chairs the third FIPIC summit with Marape", "the annual ASEAN summit": one
 * organization right before the noun, after "the" and a modifier, names a series of
 * meetings, not one of their parties */
static int series_name(const ng_work *w, const sctx *c, int32_t gi, uint32_t ts)
{
    const group *g = &c->g[gi];
    return g->t1 == ts && g->an == 1 && !g->poss && g->t0 >= c->a + 2 &&
           w->actors[c->acts[g->a0]].type == NG_ETYPE_ORG && ng_w__is(w, g->t0 - 2, "the") &&
           (w->tk.v[g->t0 - 1].flags & NG_TK_WORD) && !(w->tk.v[g->t0 - 1].flags & NG_TK_CAP) &&
           !(ng_w__bits(w, g->t0 - 1) & (NG_W_DET | NG_W_PREP | NG_W_CLAUSE));
}

int32_t ng_subject__of_trigger(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t ts,
                               uint32_t te)
{
    int noun = tr->form == NG_TR_NOUN;
    int32_t along;
    int32_t one = noun ? -1 : ng_subject__one_of(w, c, ts, &along);
    if (one >= 0) return one;
    int32_t subj = clause_subject(w, c, ts, noun);
    if (!noun) return subj;
    /* a noun's own parties, else the sentence's main subject when the nearest group is far */
    int32_t own =
        (tr->flags & NG_TRF_OFOBJ) ? possessive_owner(w, c, ts) : noun_owner(w, c, ts, te);
    if (own >= 0) return own;
    if (subj >= 0 && series_name(w, c, subj, ts)) return main_before_clause(w, c, c->g[subj].t0);
    if (subj >= 0 && (subj = pronoun_owner(w, c, subj, ts)) < 0) return -1;
    if (subj >= 0 && c->g[subj].t1 + 12 < ts) return ng_subject__main(w, c, c->b);
    /* "Panama notified China of its withdrawal", "told Kenya about the decision": a group
     * right after a verb and before "of"/"about" + the noun is that verb's object; the
     * noun's party is the clause's subject before it */
    if (subj >= 0 && object_before_pp(w, c, &c->g[subj], ts)) {
        int32_t m = ng_subject__main(w, c, c->g[subj].t0);
        if (m >= 0) return m;
    }
    if (subj < 0) return main_before_clause(w, c, ts);
    return subj;
}

/* "signed by Presidents A of X, B of Y and C of Z", "by Foreign Ministers A and B": a plural
 * person noun (a title modifier before it) that no group covers, right before a list of
 * people, says what they are; the token after it, else q. */
static uint32_t plural_title_before(const ng_work *w, const sctx *c, uint32_t q)
{
    uint32_t r = q;
    while (r < c->b && r < q + 2 && c->gstart[r - c->a] < 0 && c->gcov[r - c->a] < 0 &&
           (ng_w__bits(w, r) & (NG_W_PERSONNOUN | NG_W_TITLEMOD)))
        r++;
    if (r == q || r >= c->b || c->gstart[r - c->a] < 0) return q;
    ng_wbits last = ng_w__bits(w, r - 1);
    return (last & NG_W_PERSONNOUN) && (last & NG_W_GROUPNOUN) ? r : q;
}

/* "signed by eight countries, including A, B and C": a counted plural of states or people
 * (a number, up to two modifiers, a group noun), a comma and "including" before the list;
 * the token after "including", else q. */
static uint32_t counted_including(const ng_work *w, const sctx *c, uint32_t q)
{
    if (q >= c->b || !((ng_w__bits(w, q) & NG_W_NUMWORD) || (w->tk.v[q].flags & NG_TK_NUM)))
        return q;
    uint32_t k = q + 1;
    while (k < c->b && k < q + 4 && c->gcov[k - c->a] < 0 && !(ng_w__bits(w, k) & NG_W_GROUPNOUN) &&
           (w->tk.v[k].flags & NG_TK_WORD) && !(ng_w__bits(w, k) & (NG_W_PREP | NG_W_CLAUSE)))
        k++;
    if (k >= c->b || !(ng_w__bits(w, k) & NG_W_GROUPNOUN) || c->gcov[k - c->a] >= 0) return q;
    k++;
    if (k < c->b && ng_w__punct(w, k, ',')) k++;
    return k + 1 < c->b && ng_w__is(w, k, "including") ? k + 1 : q;
}

int32_t ng_subject__agent(const ng_work *w, const sctx *c, uint32_t ts, uint32_t *te)
{
    uint32_t p = ts;
    while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_SKIPADV))
        p--;
    if (p == c->a || !(ng_w__bits(w, p - 1) & NG_W_BE)) return -1;
    for (uint32_t j = *te; j < c->b && j < *te + 12; j++) {
        if (ng_w__punct(w, j, ';') || ng_w__punct(w, j, '.')) break;
        if (ng_w__is(w, j, "by")) {
            uint32_t q = j + 1;
            while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET))
                q++;
            q = plural_title_before(w, c, counted_including(w, c, q));
            if (q < c->b && c->gstart[q - c->a] >= 0 && !c->g[c->gstart[q - c->a]].place) {
                *te = j + 1;
                return c->gstart[q - c->a];
            }
            break;
        }
    }
    return -1;
}
