/* modality.c - is a trigger a fact? Not when a modal verb, a plan, a negation or a denial
 * stands between its subject and it (within its clause), when it is an infinitive no
 * decision governs ("plans to sign", not "decided to withdraw"), when a condition opens its
 * clause, when a rumour word is anywhere in the sentence, or when the sentence asks whether
 * it happened ("Did X meet Y?"). Word classes of words.csv: modal, plan, neg, decide, cond,
 * rumour. */
#include "engine.h"

#include <string.h>

/* Words of classes that make a trigger not a fact. */
#define NOT_FACT (NG_W_MODAL | NG_W_PLAN | NG_W_NEG)

/* Word and phrase classes of token t for modality; the month "May" is not a modal. The
 * phrases are looked up only when one of class `want` (all the caller tests) starts at t:
 * most words head none. */
static ng_wbits fact_bits(const ng_work *w, const sctx *c, uint32_t t, ng_wbits want)
{
    ng_wbits bits = ng_w__bits(w, t);
    if (w->tk.v[t].pbits & want) bits |= ng_w__phrase_bits(w, t, c->b);
    if ((bits & NG_W_MODAL) && (w->tk.v[t].flags & NG_TK_CAP) &&
        !(w->tk.v[t].flags & NG_TK_FIRST) && ng_date__month(ng_w__fold(w, t), w->tk.v[t].flen))
        bits &= ~NG_W_MODAL;
    return bits & want;
}

/* Is there a decision word ("decided", "voted", "the decision to") among tokens [lo, hi)?
 * An ordinal after a determiner ("the first country to") is ordinal_before's. */
static int decision_in(const ng_work *w, const sctx *c, uint32_t lo, uint32_t hi)
{
    for (uint32_t t = lo; t < hi; t++)
        if ((ng_w__bits(w, t) & NG_W_DECIDE) &&
            (t == c->a || !(ng_w__bits(w, t - 1) & NG_W_DET) || ng_w__is(w, t + 1, "to")))
            return 1;
    return 0;
}

/* The group ending at token t that "after" or "since" opens ("after Venezuela"), -1. */
static int32_t after_group(const ng_work *w, const sctx *c, uint32_t t)
{
    int32_t g = c->gend[t - c->a];
    if (g < 0 || c->g[g].t0 <= c->a + 1) return -1;
    uint32_t p = c->g[g].t0 - 1;
    return ng_w__is(w, p, "after") || ng_w__is(w, p, "since") ? g : -1;
}

/* "the first Latin American country to sever ties", "the 31st member to join": an ordinal
 * (a decide word such as first, last, only, or a number written 31st, 2nd) after a
 * determiner, at most seven words before the "to" at `to` (a scope with "in" or "of" may come
 * between: "the first country in the region to"), makes the infinitive a fact,
 * unless a modal, plan or negation comes in the eight words before it. */
static int ordinal_before(const ng_work *w, const sctx *c, uint32_t to)
{
    for (uint32_t t = to; t > c->a + 1 && t + 12 > to;) {
        const ng_tok *k = &w->tk.v[--t];
        /* "the second country, after Venezuela, to leave": the earlier one stands aside */
        int32_t ga = after_group(w, c, ng_w__punct(w, t, ',') && t > c->a ? t - 1 : t);
        if (ga >= 0) {
            t = c->g[ga].t0 - 1;
            if (t > c->a + 1 && ng_w__punct(w, t - 1, ',')) t--;
            continue;
        }
        const char *f = ng_w__fold(w, t);
        int ord =
            (ng_w__bits(w, t) & NG_W_DECIDE) ||
            ((k->flags & NG_TK_NUM) && k->flen > 2 &&
             (memcmp(f + k->flen - 2, "st", 2) == 0 || memcmp(f + k->flen - 2, "nd", 2) == 0 ||
              memcmp(f + k->flen - 2, "rd", 2) == 0 || memcmp(f + k->flen - 2, "th", 2) == 0));
        if (ord) {
            /* "hopes to be the first country to join": a plan or a modal before it */
            if (!(ng_w__bits(w, t - 1) & NG_W_DET)) return 0;
            for (uint32_t q = t > c->a + 8 ? t - 8 : c->a; q < t; q++)
                if (fact_bits(w, c, q, NOT_FACT)) return 0;
            return 1;
        }
        /* "the first country in the region to", "the first member of the bloc to" */
        int scope = ng_w__is(w, t, "in") || ng_w__is(w, t, "of");
        if (!(k->flags & NG_TK_WORD) ||
            (ng_w__bits(w, t) & (NG_W_BE | NG_W_CLAUSE | (scope ? 0 : NG_W_PREP))))
            return 0;
    }
    return 0;
}

/* Is "to" at t an infinitive marker? Not inside a quotation ("'a surrender to terrorism'
 * and accused"), nor before a determiner, a name or a number ("to the UN", "to Kyiv"). */
static int infinitive_to(const ng_work *w, const sctx *c, uint32_t t)
{
    if (!ng_w__is(w, t, "to") || (w->tk.v[t].flags & NG_TK_INQUOTE)) return 0;
    if (t + 1 >= c->b) return 1;
    return !(ng_w__bits(w, t + 1) & NG_W_DET) && (w->tk.v[t + 1].flags & NG_TK_WORD) &&
           !(w->tk.v[t + 1].flags & NG_TK_CAP);
}

/* Does a modal reach the verb at ts after the "and" at and_at (n: the word after the modal)?
 * A modal takes a bare verb: a verb in -ed right after the "and" is another finite verb, the
 * sentence's own ("X said the talks would fail and accused Y"), unless the modal's verb is a
 * perfect or passive auxiliary whose participles it coordinates ("would have met X and
 * signed"). */
static int modal_reaches(const ng_work *w, uint32_t n, uint32_t and_at, uint32_t ts)
{
    uint32_t p = and_at + 1;
    while (p < ts && (ng_w__bits(w, p) & NG_W_SKIPADV))
        p++;
    const char *f = ng_w__fold(w, ts);
    size_t len = w->tk.v[ts].flen;
    if (p != ts || len < 5 || f[len - 2] != 'e' || f[len - 1] != 'd') return 1;
    return n >= and_at || (ng_w__bits(w, n) & (NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL)) ||
           ng_w__is(w, n, "have");
}

/* Does the negation or plan word at t govern a verb ("refused to meet X and sign", "did not
 * meet X and sign", "denied meeting Y")? Not when its object is a noun phrase and "and"
 * starts another verb before the trigger at ts ("denies this and accuses Y"); an article
 * that opens a trigger ("a member of") still starts a noun phrase ("cancelled a trip and
 * met Y"). */
static int governs_trigger(const ng_work *w, const sctx *c, uint32_t t, uint32_t ts)
{
    uint32_t and_at = 0;
    for (uint32_t k = t + 1; k < ts; k++)
        if (ng_w__is(w, k, "and") || ng_w__is(w, k, "but")) and_at = k;
    if (!and_at) return 1;
    uint32_t n = t + 1;
    while (n < and_at && (ng_w__bits(w, n) & NG_W_SKIPADV))
        n++;
    if (ng_w__bits(w, t) & NG_W_MODAL) return modal_reaches(w, n, and_at, ts);
    if (n >= and_at) return 1;
    ng_wbits bits = ng_w__bits(w, n);
    if (ng_w__is(w, n, "to") || ng_w__is(w, n, "that") ||
        (bits & (NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL | NG_W_NEG)) ||
        (!(bits & NG_W_DET) && ng_lex__trigger_first(w->lex, w->tk.v[n].h) >= 0))
        return 1;
    const char *f = ng_w__fold(w, n);
    size_t len = w->tk.v[n].flen;
    return len > 4 && f[len - 3] == 'i' && f[len - 2] == 'n' && f[len - 1] == 'g';
}

/* Where a condition's scope may start: after the last ':', ';' or "that" before ts ("In case
 * you missed it: X announced ..."). */
static uint32_t condition_from(const ng_work *w, uint32_t clause, uint32_t ts)
{
    /* the last one: walked back from ts, the first found */
    for (uint32_t t = ts; t > clause; t--)
        if (ng_w__punct(w, t - 1, ':') || ng_w__punct(w, t - 1, ';') || ng_w__is(w, t - 1, "that"))
            return t;
    return clause;
}

/* A noun trigger called off: a negation or plan verb right before its noun phrase
 * ("cancelled his meeting with X", "postponed the talks", "planned a summit with"; over a
 * determiner and up to two words), or a passive negation after it ("the meeting between A
 * and B was cancelled / has been postponed": a negation word in -ed after a form of "be",
 * not "were not easy"), or a verb of failure after it ("talks with B collapsed": words
 * class failverb). */
static int noun_called_off(const ng_work *w, const sctx *c, uint32_t ts, uint32_t te)
{
    uint32_t t = ts;
    for (int k = 0; k < 3 && t > c->a; k++) {
        ng_wbits bits = fact_bits(w, c, t - 1, NOT_FACT | NG_W_DET);
        if (bits & NOT_FACT) return 1;
        if (!(bits & NG_W_DET) && (w->tk.v[t - 1].flags & (NG_TK_CAP | NG_TK_WORD)) != NG_TK_WORD)
            break;
        t--;
    }
    for (t = te; t < c->b && t < te + 14; t++) {
        if (ng_w__punct(w, t, ';') || ng_w__punct(w, t, '.') || ng_w__punct(w, t, ',')) break;
        /* "after talks between A and B collapsed", "A's accession talks with B stalled":
         * the noun's own verb, before any clause word, says they came to nothing */
        if (ng_w__bits(w, t) & NG_W_CLAUSE) break;
        if (fact_bits(w, c, t, NG_W_FAILVERB)) return 1;
        if (!(ng_w__bits(w, t) & NG_W_BE)) continue;
        uint32_t n = t + 1;
        while (n < c->b && (ng_w__bits(w, n) & (NG_W_SKIPADV | NG_W_BE)))
            n++;
        size_t len = n < c->b ? w->tk.v[n].flen : 0;
        const char *f = len ? ng_w__fold(w, n) : "";
        if (len > 3 && fact_bits(w, c, n, NG_W_NEG) && f[len - 2] == 'e' && f[len - 1] == 'd')
            return 1;
    }
    return 0;
}

/* The subject starting at t1 walked back over its title (at most four capitals, numbers or
 * determiners: "that Turkish President X", "that the 1,500 French soldiers") to the word after a
 * "that"; 0 when no "that" opens it. */
static uint32_t after_that(const ng_work *w, const sctx *c, uint32_t t1)
{
    for (int k = 0; k < 4 && t1 > c->a + 2 && !ng_w__is(w, t1 - 1, "that") &&
                    ((w->tk.v[t1 - 1].flags & (NG_TK_CAP | NG_TK_NUM)) ||
                     (ng_w__bits(w, t1 - 1) & NG_W_DET));
         k++)
        t1--;
    return t1 >= c->a + 2 && ng_w__is(w, t1 - 1, "that") ? t1 : 0;
}

/* "Ankara denied that X met Y", "rejected claims that ...": a negation up to three words
 * before the "that" that opens the clause of the subject starting at t1 (over the subject's
 * title: "denied that Turkish President X met"). */
static int denied_that(const ng_work *w, const sctx *c, uint32_t t1)
{
    if (!(t1 = after_that(w, c, t1))) return 0;
    for (uint32_t t = t1 - 1; t > c->a && t + 4 >= t1; t--)
        if (fact_bits(w, c, t - 1, NG_W_NEG)) return 1;
    return 0;
}

/* "the junta demanded that the French soldiers leave", "urged that X quit": a plan word
 * (words class plan: a demand, a wish, a proposal) up to three words before the "that" that
 * opens the clause of the subject starting at t1: the clause is not told as a fact. */
static int planned_that(const ng_work *w, const sctx *c, uint32_t t1)
{
    if (!(t1 = after_that(w, c, t1))) return 0;
    for (uint32_t t = t1 - 1; t > c->a && t + 4 >= t1; t--)
        if (fact_bits(w, c, t - 1, NG_W_PLAN)) return 1;
    return 0;
}

/* "Reports that X met Y were false", "dismissed as baseless claims that X ...": the subject
 * starting at t1 opens a "that" clause of a report noun (over its title, as denied_that) and
 * the sentence calls something false. A report the article believes stays a fact. */
static int false_report(const ng_work *w, const sctx *c, uint32_t t1)
{
    if (!(t1 = after_that(w, c, t1)) || !(ng_w__bits(w, t1 - 2) & NG_W_REPORTNOUN)) return 0;
    for (uint32_t t = c->a; t < c->b && (w->sents[c->s].bits & NG_W_FALSITY); t++)
        if (ng_w__bits(w, t) & NG_W_FALSITY) return 1;
    return 0;
}

/* Is the plan word at t an act noun ("the launch by X was condemned", "X's launch was
 * condemned"), not a plan ("launch talks")? An act noun (words class actnoun) after a
 * possessive or before "by" or a form of "be". */
static int act_noun(const ng_work *w, const sctx *c, uint32_t t)
{
    if (!(ng_w__bits(w, t) & NG_W_ACTNOUN)) return 0;
    return (t > c->a && (w->tk.v[t - 1].flags & NG_TK_POSS)) ||
           (t + 1 < c->b && (ng_w__is(w, t + 1, "by") || (ng_w__bits(w, t + 1) & NG_W_BE)));
}

/* "..., and to attend a meeting with X", "plans to hold talks with X": a noun trigger that
 * is the object of an infinitive (a verb right before its determiner, "to" before the verb)
 * is as little a fact as the verb would be: only a decision makes it one. */
static int noun_infinitive(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t q = ts;
    while (q > c->a && (ng_w__bits(w, q - 1) & (NG_W_DET | NG_W_TITLEMOD)) &&
           !(w->tk.v[q - 1].flags & NG_TK_CAP) && q + 3 > ts)
        q--;
    if (q < c->a + 2) return 0;
    uint32_t v = q - 1;
    if (!(w->tk.v[v].flags & NG_TK_WORD) || (w->tk.v[v].flags & NG_TK_CAP) ||
        (ng_w__bits(w, v) & (NG_W_PREP | NG_W_DET | NG_W_BE | NG_W_STOP)) || c->gcov[v - c->a] >= 0)
        return 0;
    return infinitive_to(w, c, v - 1) && !decision_in(w, c, v > c->a + 5 ? v - 5 : c->a, v - 1) &&
           !ordinal_before(w, c, v - 1);
}

/* Is the event at [ts, te) not a fact (modal, plan, negation, condition, rumour)? */
static int not_fact(const ng_work *w, const sctx *c, uint32_t lo, uint32_t clause, uint32_t ts,
                    uint32_t te, int noun)
{
    uint32_t from = lo;
    if (ts > c->a + 8 && from < ts - 8) from = ts - 8;
    for (uint32_t t = from; t < ts; t++) {
        if (fact_bits(w, c, t, NOT_FACT) && governs_trigger(w, c, t, ts) && !act_noun(w, c, t))
            return 1;
    }
    /* "held talks on joining NATO", "a debate about leaving": a gerund after a noun's
     * preposition is a topic, not an event */
    if (!noun && ts > c->a + 1 && w->tk.v[ts].flen > 4 &&
        memcmp(ng_w__fold(w, ts) + w->tk.v[ts].flen - 3, "ing", 3) == 0 &&
        (ng_w__is(w, ts - 1, "on") || ng_w__is(w, ts - 1, "about") || ng_w__is(w, ts - 1, "of") ||
         ng_w__is(w, ts - 1, "over")) &&
        (w->tk.v[ts - 2].flags & NG_TK_WORD) && !(w->tk.v[ts - 2].flags & NG_TK_CAP) &&
        c->gcov[ts - 2 - c->a] < 0 && !(ng_w__bits(w, ts - 2) & (NG_W_DET | NG_W_PREP)))
        return 1;
    /* infinitive: only "decided to", "decision to", "voted to" are facts; an adverb may
     * split it ("has yet to formally join"), a passive has "be" ("the accord to be signed") */
    uint32_t inf = ts;
    while (inf > c->a + 1 && (ng_w__bits(w, inf - 1) & (NG_W_SKIPADV | NG_W_BE)) && !noun) {
        /* "demanded that the troops be expelled": a bare "be" is a wish, not a fact */
        if (ng_w__is(w, inf - 1, "be") && !(inf > c->a + 1 && ng_w__is(w, inf - 2, "to")))
            return 1;
        inf--;
    }
    if (inf > c->a && infinitive_to(w, c, inf - 1) && !noun &&
        !decision_in(w, c, inf > c->a + 4 ? inf - 4 : c->a, inf - 1) &&
        !ordinal_before(w, c, inf - 1))
        return 1;
    for (uint32_t t = condition_from(w, clause, ts); t < ts; t++)
        if ((ng_w__bits(w, t) & NG_W_COND) ||
            ((w->tk.v[t].pbits & NG_W_COND) && (ng_w__phrase_bits(w, t, c->b) & NG_W_COND)))
            return 1;
    /* a rumour word anywhere in the sentence: its classes say at once whether it has one */
    for (uint32_t t = c->a; t < c->b && (w->sents[c->s].bits & NG_W_RUMOUR); t++)
        if (ng_w__bits(w, t) & NG_W_RUMOUR) return 1;
    if (noun && noun_called_off(w, c, ts, te)) return 1;
    if (noun && noun_infinitive(w, c, ts)) return 1;
    if (noun) {
        /* "talks between A and B will take place", "a meeting planned for"; not the plan
         * that is the document signed ("the signing of a partnership plan") */
        int say_before = 0;
        for (uint32_t t = c->a; t < ts && !say_before && (w->sents[c->s].bits & NG_W_SAY); t++)
            say_before = (ng_w__bits(w, t) & NG_W_SAY) != 0;
        for (uint32_t t = te; t < c->b && t < te + 14; t++) {
            if (ng_w__punct(w, t, ';') || ng_w__punct(w, t, '.')) break;
            /* "said after his meeting with X that the border would reopen", "After talks with
             * X, Y said the border would reopen": a clause reported after a name is not the
             * meeting's ("the talks, the minister said, will resume" and "a meeting with X
             * that Y had sought may never happen" still are) */
            if (t > te && c->gend[t - 1 - c->a] >= 0 &&
                ((say_before && ng_w__is(w, t, "that")) ||
                 ((ng_w__bits(w, t) & NG_W_SAY) && t + 1 < c->b &&
                  !(w->tk.v[t + 1].flags & NG_TK_PUNCT))))
                break;
            /* "Russia's withdrawal from the treaty will take effect in six months": the
             * decided exit, a date set */
            if ((ng_w__is(w, t, "will") || ng_w__is(w, t, "'ll")) && t + 2 < c->b &&
                ng_w__is(w, t + 1, "take") &&
                ng_w__is(w, t + 2, "effect"))
                break;
            if (fact_bits(w, c, t, NG_W_MODAL | NG_W_PLAN) && !(ng_w__bits(w, t) & NG_W_DOC))
                return 1;
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
        if (infinitive_to(w, c, q - 1))
            return !decision_in(w, c, q - 1 > c->a + 4 ? q - 5 : c->a, q - 1);
        if (fact_bits(w, c, q - 1, NOT_FACT) && governs_trigger(w, c, q - 1, p)) return 1;
    }
    return 0;
}

/* "Will Canada condemn India?", "Did Hungary criticise Israel?": a question whose subject
 * follows an auxiliary (do, a modal, be, have) asks whether the event happened; it is not
 * told as a fact (a wh-question before the auxiliary does take it as told). */
static int asked(const ng_work *w, const sctx *c, int32_t subj)
{
    uint32_t e = c->b, q;
    while (e > c->a && ng_w__punct(w, e - 1, '"'))
        e--;
    if (subj < 0 || e <= c->a || !ng_w__punct(w, e - 1, '?')) return 0;
    for (q = c->g[subj].t0; q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET);)
        q--;
    if (q == c->a) return 0;
    q--;
    /* "Why did Ethiopia quit IGAD?": a wh-question takes the event as given */
    for (uint32_t k = c->a; k < q; k++)
        if (ng_w__is(w, k, "why") || ng_w__is(w, k, "when") || ng_w__is(w, k, "how") ||
            ng_w__is(w, k, "where") || ng_w__is(w, k, "what") || ng_w__is(w, k, "which"))
            return 0;
    return ng_w__is(w, q, "did") || ng_w__is(w, q, "does") || ng_w__is(w, q, "do") ||
           (ng_w__bits(w, q) & (NG_W_MODAL | NG_W_BE | NG_W_PAST_MARK));
}

/* "Peskov denied that Russia had pressured Kyiv and criticised the EU", "X repeated that
 * Nicaragua 'will never again be a colony' and called the OAS ...": a "that" clause between
 * the subject (which the subject search took before it) and the "and" at and_at; the verb
 * after "and" is the subject's second verb, which the clause's own negation or modal does
 * not reach. The words before "that" (at most six) hold no actor, no modal or plan word, and
 * a negation only as a verb ("denied", "rejects"), not "did not say that". */
static int that_clause_between(const ng_work *w, const sctx *c, int32_t subj, uint32_t and_at)
{
    if (subj < 0 || c->g[subj].t1 >= and_at) return 0;
    uint32_t k = c->g[subj].t1;
    for (; k < and_at && k < c->g[subj].t1 + 7 && !ng_w__is(w, k, "that"); k++) {
        if (c->gcov[k - c->a] >= 0 || !(w->tk.v[k].flags & NG_TK_WORD) ||
            fact_bits(w, c, k, NG_W_MODAL | NG_W_PLAN | NG_W_COND))
            return 0;
        const char *f = ng_w__fold(w, k);
        size_t len = w->tk.v[k].flen;
        if (fact_bits(w, c, k, NG_W_NEG) && !(len > 3 && f[len - 1] == 'd') &&
            !(len > 3 && f[len - 1] == 's'))
            return 0;
    }
    return k > c->g[subj].t1 && k + 1 < and_at && ng_w__is(w, k, "that");
}

int ng_modality__blocks(const ng_work *w, const sctx *c, int32_t subj, uint32_t ts, uint32_t te,
                        int noun)
{
    if (asked(w, c, subj)) return 1;
    uint32_t lo = subj >= 0 && c->g[subj].t1 <= ts ? c->g[subj].t1 : c->a;
    /* "the military refused to let him meet X", "would not let the envoy meet X": the
     * subject is the object of a causative verb, whose own modality reaches the bare verb */
    if (subj >= 0 && c->g[subj].t1 <= ts && c->g[subj].t0 > c->a) {
        uint32_t q = c->g[subj].t0;
        while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET))
            q--;
        if (q > c->a && (ng_w__bits(w, q - 1) & NG_W_CAUSATIVE))
            lo = q - 1 > c->a + 8 ? q - 9 : c->a;
    }
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
    else if (!noun && p > c->a + 1 && ng_w__is(w, p - 1, "and") &&
             that_clause_between(w, c, subj, p - 1))
        clause = p - 1;
    if (clause > lo) lo = clause;
    /* "X, who were not consulted, have denounced Y": the relative clause between commas is
     * not the trigger's clause */
    if (subj >= 0 && lo == c->g[subj].t1 && lo + 2 < ts && ng_w__punct(w, lo, ',') &&
        (ng_w__is(w, lo + 1, "who") || ng_w__is(w, lo + 1, "which") ||
         ng_w__is(w, lo + 1, "whose")))
        for (uint32_t k = lo + 2; k < ts; k++)
            if (ng_w__punct(w, k, ',')) {
                lo = k + 1;
                break;
            }
    if (clause == c->a && p > c->a && ng_w__is(w, p - 1, "and") && first_verb_not_fact(w, c, p))
        return 1;
    if (subj >= 0 && c->g[subj].t1 <= ts &&
        (denied_that(w, c, c->g[subj].t0) || false_report(w, c, c->g[subj].t0) ||
         planned_that(w, c, c->g[subj].t0)))
        return 1;
    /* "Neither Serbia nor Bosnia is a member": a negation right before the subject */
    if (subj >= 0 && c->g[subj].t0 > c->a && fact_bits(w, c, c->g[subj].t0 - 1, NG_W_NEG))
        return 1;
    /* "Will Hungary leave the EU?", "Is Mali quitting ECOWAS?": a question opened by a
     * modal or "be" asks, it does not tell */
    if (ng_w__punct(w, c->b - 1, '?') && fact_bits(w, c, c->a, NG_W_MODAL | NG_W_BE))
        return 1;
    return not_fact(w, c, lo, clause, ts, te, noun);
}

/* "X will leave Y, the government announced [on Thursday]": a speech tag of an announcement
 * verb (words class say, number 1) after the first comma after the trigger, its speaker at
 * most five words long, a possessive "'s" not counted ("President Javier Milei's government
 * said"). */
static int tag_after(const ng_work *w, const sctx *c, uint32_t ts)
{
    uint32_t k = ts;
    while (k < c->b && !ng_w__punct(w, k, ','))
        k++;
    for (uint32_t j = k + 1, words = 0; j < c->b && words < 6; j++) {
        ng_wbits b = ng_w__bits(w, j);
        if (w->tk.v[j].flags & NG_TK_POSS) continue;
        if (b & NG_W_SAY) return ng_lex__word_number(w->lex, w->tk.v[j].h) == 1;
        if (!(w->tk.v[j].flags & NG_TK_WORD) || (b & (NG_W_CLAUSE | NG_W_MODAL))) return 0;
        words++;
    }
    return 0;
}

int ng_modality__announced(const ng_work *w, const sctx *c, int32_t subj, uint32_t ts)
{
    if (subj < 0 || c->g[subj].t1 >= ts) return 0;
    uint32_t m = c->g[subj].t1, p = c->g[subj].t0;
    if (!(ng_w__is(w, m, "will") || ng_w__is(w, m, "would") || ng_w__is(w, m, "'ll"))) return 0;
    for (uint32_t k = m + 1; k < ts; k++)
        if (!(ng_w__bits(w, k) & NG_W_SKIPADV)) return 0;
    for (uint32_t t = c->a; t < c->b; t++)
        if (t != m && fact_bits(w, c, t, NOT_FACT | NG_W_COND | NG_W_RUMOUR))
            return 0;
    /* "announced [on Thursday] [that] it would": a date phrase of up to three words */
    if (p > c->a && ng_w__is(w, p - 1, "that")) p--;
    for (int n = 0; n < 3 && p > c->a && !(ng_w__bits(w, p - 1) & NG_W_SAY) &&
                    c->gcov[p - 1 - c->a] < 0 && (w->tk.v[p - 1].flags & NG_TK_WORD);
         n++)
        p--;
    if (p > c->a && (ng_w__bits(w, p - 1) & NG_W_SAY))
        return ng_lex__word_number(w->lex, w->tk.v[p - 1].h) == 1;
    /* "X notified Y that it would leave": a notification is an announcement */
    int32_t gi = p > c->a ? c->gcov[p - 1 - c->a] : -1;
    if (gi >= 0 && c->g[gi].t1 == p && ng_modality__notified(w, c, gi)) return 1;
    /* the sentence's first word, or the first after a dash: a wire dateline the reader
     * does not take for one ("BUENOS AIRES, Argentina (AP) - Argentina will ...") */
    return (p == c->a || ng_w__punct(w, p - 1, '-')) && tag_after(w, c, ts);
}

int ng_modality__notified(const ng_work *w, const sctx *c, int32_t gi)
{
    uint32_t k = c->g[gi].t0;
    while (k > c->a && (ng_w__bits(w, k - 1) & NG_W_DET))
        k--;
    return k > c->a && (ng_w__bits(w, k - 1) & NG_W_NOTIFY);
}
