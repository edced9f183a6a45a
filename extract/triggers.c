/* triggers.c - the relation triggers of a sentence (data/triggers.csv patterns).
 *
 * At each token that starts some trigger (the lexicon indexes them by first word), every
 * trigger's pattern is matched: a slot is one of its alternative words, optional with '?',
 * and '*' is a gap of up to three words that are not actors (ten after the owner of a judged
 * noun phrase, long_gap; a possessive actor inside it is
 * kept: "becomes NATO's 31st member"; with flag gapobj one actor of any length is, the
 * object: "likened X to"). The longest match of each relation is read
 * (relation.c), unless it lies inside a longer match of the same relation, or is a noun inside
 * the match of another relation's verb (the verb's object: "ended the break in relations"). */
#include "engine.h"

#include <string.h>

static int slot_has(const ng_tr_slot *sl, uint64_t h)
{
    if (!(sl->mask & NG_TR_ALT_BIT(h))) return 0;
    for (uint8_t i = 0; i < sl->n_alt; i++)
        if (sl->alt[i] == h) return 1;
    return 0;
}

/* An actor group gi met inside a pattern's gap: a possessive ("becomes NATO's 31st member")
 * is kept; with flag gapobj the group is the object ("likened X to"), one word of the gap
 * however long it is (with its 's), and a possessive only with flag poss or before a
 * government noun ("likened X's government to"). 0 when the gap cannot hold it;
 * *k gets the group's last token. */
static int gap_actor(const ng_work *w, const sctx *c, const ng_trigger *tr, int32_t gi,
                     uint32_t *k, int32_t *gap_group)
{
    const group *gg = &c->g[gi];
    if (!(tr->flags & NG_TRF_GAPOBJ)) {
        if (!gg->poss) return 0;
        *gap_group = gi;
        return 1;
    }
    /* "compared Ortega's administration with ...": a government noun is its owner; a
     * demonym adjective names its state only with flag poss ("called the Serbian move
     * illegal") */
    /* "described it as 'dangerous'": a pronoun judged so stands for an act as often as for
     * an actor */
    /* "complained that they had been left out": a subject pronoun opening a that-clause
     * is the speaker's own side as often as another's */
    if ((gg->place && !(gg->adj && (tr->flags & NG_TRF_POSS))) || *gap_group >= 0 ||
        (ng_w__bits(w, gg->t0) & NG_W_OBJPRON) ||
        ((ng_w__bits(w, gg->t0) & NG_W_SUBJPRON) && gg->t0 > c->a &&
         ng_w__is(w, gg->t0 - 1, "that")) ||
        (gg->poss && !(tr->flags & NG_TRF_POSS) && !ng_groups__poss_owner(w, c, gg)))
        return 0;
    *gap_group = gi;
    /* its possessive 's is part of the one word ("said Russia's airspace incursions were") */
    *k = gg->poss && gg->t1 < c->b && (w->tk.v[gg->t1].flags & NG_TK_POSS) ? gg->t1 : gg->t1 - 1;
    return 1;
}

/* Whether a gap may run past three words, up to ten: when it opens with the owner of the
 * judged noun phrase (flags gapobj and poss; the owner found in this gap, at its first word or
 * after one determiner: "said Uganda's decision to ban Kenyan imports was", "said the move by
 * Azerbaijan to close the road was", not "said that if X's move was") and a plain word (the
 * clause's verb) must end it. */
static int long_gap(const ng_work *w, const sctx *c, const ng_trigger *tr, const ng_tr_slot *nx,
                    uint32_t t0, int32_t owner_before, int32_t owner)
{
    if (!nx || owner_before >= 0 || owner < 0 || !(tr->flags & NG_TRF_GAPOBJ) ||
        !(tr->flags & NG_TRF_POSS))
        return 0;
    const uint32_t o = c->g[owner].t0;
    return o == t0 || (o == t0 + 1 && (ng_w__bits(w, t0) & NG_W_DET));
}

static int match_slots(const ng_work *w, const sctx *c, const ng_trigger *tr, int si, uint32_t t,
                       uint32_t *end, int32_t *gap_group);

/* "complaining that it had been ... and that Venezuela had blocked ...": a pattern's "that"
 * (slot si, matched at t) whose first clause gives no match may be the "and that" of a
 * coordinated clause further on (up to 40 words, over no ";", ":" or other "that"). */
static int later_that(const ng_work *w, const sctx *c, const ng_trigger *tr, int si, uint32_t t,
                      uint32_t *end, int32_t *gap_group)
{
    if (!ng_w__is(w, t, "that")) return 0;
    for (uint32_t k = t + 1; k + 1 < c->b && k < t + 40; k++) {
        if (ng_w__punct(w, k, ';') || ng_w__punct(w, k, ':')) return 0;
        if (!ng_w__is(w, k + 1, "that")) continue;
        if (!ng_w__is(w, k, "and")) return 0;
        const int32_t keep = *gap_group;
        if (match_slots(w, c, tr, si + 1, k + 2, end, gap_group)) return 1;
        *gap_group = keep;
        return 0;
    }
    return 0;
}

static int match_slots(const ng_work *w, const sctx *c, const ng_trigger *tr, int si, uint32_t t,
                       uint32_t *end, int32_t *gap_group)
{
    if (si == tr->n_slot) {
        /* gapobj without an object column: the gap must hold the object, so that a
         * shorter pattern may read 'called the "reckless" Peruvian blockade' */
        if ((tr->flags & NG_TRF_GAPOBJ) && tr->no_object && *gap_group < 0) return 0;
        *end = t;
        return 1;
    }
    const ng_tr_slot *sl = &tr->slot[si];
    if (sl->gap) {
        uint32_t k = t;
        /* the slot after the gap when it is a plain word: tested here before the call */
        const ng_tr_slot *nx = si + 1 < tr->n_slot && !tr->slot[si + 1].gap &&
                                       !tr->slot[si + 1].optional
                                   ? &tr->slot[si + 1]
                                   : NULL;
        const int32_t owner_before = *gap_group;
        const int np_gap = !(tr->flags & NG_TRF_GAPOBJ) && t > c->a &&
                           ((ng_w__bits(w, t - 1) & NG_W_DET) || ng_w__is(w, t - 1, "of"));
        for (uint32_t g = 0; g <= 10; g++) {
            if (g == 4 && !long_gap(w, c, tr, nx, t, owner_before, *gap_group)) break;
            if (g > 3) {
                /* the rest of a judged noun phrase after its owner ("said X's decision to
                 * ban the dinar was"): plain words and other actors, up to the clause's verb */
                if (k >= c->b || (w->tk.v[k].flags & NG_TK_PUNCT)) break;
                if (c->gcov[k - c->a] >= 0 && c->gcov[k - c->a] != *gap_group)
                    k = c->g[c->gcov[k - c->a]].t1 - 1;
                k++;
            } else if (g > 0) {
                /* quotation marks and commas between modifiers ("a "historic" meeting", "a
                 * brief, animated exchange", "called the move 'a betrayal'") */
                if (k >= c->b || ((w->tk.v[k].flags & NG_TK_PUNCT) && !ng_w__punct(w, k, '"') &&
                                  !ng_w__punct(w, k, '\'') && !ng_w__punct(w, k, ',')))
                    break;
                if (c->gcov[k - c->a] >= 0 &&
                    !gap_actor(w, c, tr, c->gcov[k - c->a], &k, gap_group))
                    break;
                /* a gap after a determiner holds the modifiers of that noun phrase: a
                 * preposition and a determiner open another one, whose words are not the
                 * pattern's ("one of the proposals of the member states of Y" is no
                 * membership; "a series of complaints" and "signatories to the accord
                 * included" still hold) */
                if (np_gap && k + 1 < c->b && (ng_w__bits(w, k) & NG_W_PREP) &&
                    (ng_w__bits(w, k + 1) & NG_W_DET))
                    break;
                k++;
            }
            if (nx && (k >= c->b || !slot_has(nx, w->tk.v[k].h))) continue;
            if (match_slots(w, c, tr, si + 1, k, end, gap_group)) return 1;
        }
        return 0;
    }
    if (t < c->b && slot_has(sl, w->tk.v[t].h) &&
        match_slots(w, c, tr, si + 1, t + 1, end, gap_group))
        return 1;
    if (si + 1 < tr->n_slot && tr->slot[si + 1].gap && t < c->b && slot_has(sl, w->tk.v[t].h) &&
        later_that(w, c, tr, si, t, end, gap_group))
        return 1;
    /* an opening quotation mark between two words of a pattern: the judgment quoted
     * ("described X's decree as "an attack on"", "called the move 'a betrayal'") */
    if (si > 0 && t + 1 < c->b && (ng_w__punct(w, t, '"') || ng_w__punct(w, t, '\'')) &&
        slot_has(sl, w->tk.v[t + 1].h) && match_slots(w, c, tr, si + 1, t + 2, end, gap_group))
        return 1;
    if (sl->optional) return match_slots(w, c, tr, si + 1, t, end, gap_group);
    return 0;
}

/* Can a trigger indexed at t (its first word, never optional here) not match for its second
 * slot, a plain word that is neither at t + 1 nor after a quotation mark there? The same test
 * match_slots makes, before its two calls: most triggers tried fail there. */
static int second_slot_fails(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t t)
{
    if (tr->n_slot < 2 || tr->slot[0].optional || tr->slot[1].gap || tr->slot[1].optional)
        return 0;
    const ng_tr_slot *sl = &tr->slot[1];
    if (t + 1 < c->b && slot_has(sl, w->tk.v[t + 1].h)) return 0;
    return !(t + 2 < c->b && (ng_w__punct(w, t + 1, '"') || ng_w__punct(w, t + 1, '\'')) &&
             slot_has(sl, w->tk.v[t + 2].h));
}

/* Flag active: a passive ("chaired by A") names its body only when the body itself stands
 * right before it, over a comma and an adverb ("the CSTO, currently chaired by X,"), and no
 * preposition opens it ("the monitors of Y, chaired by A," chair the monitors). */
static int passive_refused(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t t,
                           uint32_t end)
{
    if (!(tr->flags & NG_TRF_ACTIVE) || end >= c->b || !ng_w__is(w, end, "by")) return 0;
    uint32_t p = t;
    if (p > c->a + 1 && (ng_w__bits(w, p - 1) & NG_W_SKIPADV) &&
        !(w->tk.v[p - 1].flags & NG_TK_CAP))
        p--;
    if (p > c->a + 1 && ng_w__punct(w, p - 1, ',')) p--;
    int32_t gi = p > c->a ? c->gend[p - 1 - c->a] : -1;
    if (gi < 0 || c->g[gi].pp || c->g[gi].place || c->g[gi].an != 1) return 1;
    return w->actors[c->acts[c->g[gi].a0]].type != NG_ETYPE_ORG;
}

/* A verb after an article or a possessive is an adjective or a noun ("the ousted
 * president", "the visits to X"); not a pattern that opens with its own noun subject and
 * lists its parties after the verb (inverse and pair: "the signatories included A and B"). */
static int verb_as_noun(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t t)
{
    /* "A and B, co-chairs of the Minsk Group": a member noun after a comma before "of" is
     * the head of an apposition, no verb */
    if (tr->form == NG_TR_VERB && t > c->a && t + 1 < c->b && ng_w__punct(w, t - 1, ',') &&
        (ng_w__bits(w, t) & NG_W_MEMBERNOUN) && ng_w__is(w, t + 1, "of"))
        return 1;
    return tr->form == NG_TR_VERB && t > c->a &&
           (tr->flags & (NG_TRF_INVERSE | NG_TRF_PAIR)) != (NG_TRF_INVERSE | NG_TRF_PAIR) &&
           (ng_w__is(w, t - 1, "the") || ng_w__is(w, t - 1, "a") || ng_w__is(w, t - 1, "an") ||
            ng_w__is(w, t - 1, "his") || ng_w__is(w, t - 1, "her") || ng_w__is(w, t - 1, "its") ||
            ng_w__is(w, t - 1, "their") || ng_w__is(w, t - 1, "our"));
}

/* A one-word verb trigger in another sense, by the word right after it (none of its object
 * prepositions): before "of" after a comma, "as" or a verb "to be" it is a noun ("Russia,
 * France and the US, co-chairs of the Minsk Group", "the two are co-chairs of", "as
 * co-chair of"; not after its subject: "Hamas, which he accused of ..."); before "out" it
 * is a phrasal verb of its own ("leaves out", "was left out of"). */
static int verb_other_sense(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t t,
                            uint32_t end)
{
    if (tr->form != NG_TR_VERB || end != t + 1 || end >= c->b) return 0;
    int out = ng_w__is(w, end, "out");
    if (!out && (!ng_w__is(w, end, "of") || t == c->a ||
                 !(ng_w__punct(w, t - 1, ',') || ng_w__is(w, t - 1, "as") ||
                   (ng_w__bits(w, t - 1) & NG_W_BE))))
        return 0;
    for (uint8_t k = 0; k < tr->n_prep; k++)
        if (tr->prep[k] == w->tk.v[end].h) return 0;
    return 1;
}

/* The first token of a pair of sides ending at token p ("the Modi-Xi talks": one
 * capitalized word with a hyphen no name covers; "the Trump - Putin summit": two groups
 * around a dash; pairs.c reads them), else p + 1. */
static uint32_t pair_start(const ng_work *w, const sctx *c, uint32_t p)
{
    const ng_tok *k = &w->tk.v[p];
    int32_t g2 = c->gend[p - c->a];
    if ((k->flags & (NG_TK_WORD | NG_TK_CAP | NG_TK_DASH)) ==
            (NG_TK_WORD | NG_TK_CAP | NG_TK_DASH) &&
        c->gcov[p - c->a] < 0)
        return p;
    if (g2 < 0 || c->g[g2].t0 < c->a + 2 || !ng_w__punct(w, c->g[g2].t0 - 1, '-') ||
        c->gend[c->g[g2].t0 - 2 - c->a] < 0)
        return p + 1;
    return c->g[c->gend[c->g[g2].t0 - 2 - c->a]].t0;
}

/* Is the word at t a noun by its left side: a determiner or preposition right before it (not
 * a gerund with an actor after it: "after meeting X"), or
 * a determiner before up to three modifiers ("a closed-door meeting", "her private
 * meeting"); not over a person or group noun ("the envoy meeting reporters"). */
static int noun_position(const ng_work *w, const sctx *c, uint32_t t)
{
    if ((w->tk.v[t].flags & NG_TK_CAP) && !(w->tk.v[t].flags & NG_TK_FIRST)) {
        /* a meeting named in title case: "the Peru-Chile (Andes) Leaders' Meeting" is a
         * noun after its determiner over capitalized words, brackets and possessives */
        for (uint32_t p = t, n = 0; p > c->a && n < 14; n++) {
            const ng_tok *k = &w->tk.v[--p];
            if (ng_w__bits(w, p) & NG_W_DET) return 1;
            if ((k->flags & NG_TK_WORD) && !(k->flags & (NG_TK_CAP | NG_TK_POSS))) break;
            if ((k->flags & NG_TK_PUNCT) && !ng_w__punct(w, p, '(') && !ng_w__punct(w, p, ')') &&
                !ng_w__punct(w, p, '\'') && !ng_w__punct(w, p, '.') && !ng_w__punct(w, p, '-'))
                break;
        }
    }
    /* "Britain's exit from the EU": a word right after a possessive is a noun */
    if (t > c->a && (w->tk.v[t - 1].flags & NG_TK_POSS)) return 1;
    /* "the US exit from", "the British exit from": one state (or its demonym) between an
     * article and the word */
    int32_t gs = t > c->a ? c->gend[t - 1 - c->a] : -1;
    if (gs >= 0 && c->g[gs].an == 1 && !c->g[gs].place && c->g[gs].t0 > c->a &&
        ng_w__is(w, c->g[gs].t0 - 1, "the") &&
        w->actors[c->acts[c->g[gs].a0]].type == NG_ETYPE_STATE)
        return 1;
    for (uint32_t p = t, n = 0; p > c->a && n <= 3; n++) {
        ng_wbits bits = ng_w__bits(w, --p);
        if (bits & NG_W_DET) return 1;
        /* "after meeting X": a preposition before a gerund with an actor as its object */
        if ((bits & NG_W_PREP) && p + 1 == t)
            return !(t + 1 < c->b && c->gstart[t + 1 - c->a] >= 0 &&
                     !c->g[c->gstart[t + 1 - c->a]].place);
        if (!(w->tk.v[p].flags & NG_TK_WORD) || (w->tk.v[p].flags & (NG_TK_CAP | NG_TK_POSS)) ||
            c->gcov[p - c->a] >= 0 || ng_lex__trigger_first(w->lex, w->tk.v[p].h) >= 0 ||
            (bits & (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_CLAUSE | NG_W_BE | NG_W_PAST_MARK |
                     NG_W_MODAL | NG_W_NEG | NG_W_SAY)) ||
            ng_w__is(w, p, "and") || ng_w__is(w, p, "or")) {
            /* "the Modi-Xi talks", "a Trump - Putin summit" */
            if (!(w->tk.v[p].flags & NG_TK_DASH) && c->gend[p - c->a] < 0) return 0;
            uint32_t ps = pair_start(w, c, p);
            if (ps > p) return 0;
            if (ps == c->a) return 1; /* a headline: "Modi-Xi talks end" */
            p = ps;
        }
    }
    return 0;
}

/* Is the word at t a noun because a verb comes right before it: a verb of saying or a
 * lower-case past form in -ed ("said talks with X could resume", "offered talks with X",
 * "rejected talks with X"), or another lower-case word before an "-s" form ("begin
 * talks"), where a finite verb ("talks", "meets") cannot stand? */
static int after_verb(const ng_work *w, const sctx *c, uint32_t t)
{
    /* a gerund after a verb stays a verb: "was pictured signing the accord with X" */
    const uint16_t n = w->tk.v[t].flen;
    if (t <= c->a || c->gcov[t - 1 - c->a] >= 0 ||
        (n > 4 && memcmp(ng_w__fold(w, t) + n - 3, "ing", 3) == 0))
        return 0;
    const ng_tok *k = &w->tk.v[t - 1];
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_CAP)) return 0;
    ng_wbits bits = ng_w__bits(w, t - 1);
    if (bits & (NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL | NG_W_PREP | NG_W_DET)) return 0;
    if (bits & NG_W_SAY) return 1;
    const char *f = ng_w__fold(w, t - 1);
    if (k->flen > 4 && f[k->flen - 2] == 'e' && f[k->flen - 1] == 'd') return 1;
    /* "to begin accession talks", "resume peace talks": a finite verb ends with "s" and
     * has its subject before it; after a lower-case word that is no subject noun, adverb,
     * clause word or conjunction, the word is the noun (the verb "talks" needs "X talks") */
    return n > 3 && ng_w__fold(w, t)[n - 1] == 's' &&
           !(bits & (NG_W_SKIPADV | NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_CLAUSE | NG_W_NEG |
                     NG_W_PRONTHEY | NG_W_SUBJPRON)) &&
           !ng_w__is(w, t - 1, "and") && !ng_w__is(w, t - 1, "or") &&
           ng_lex__trigger_first(w->lex, k->h) < 0;
}

/* Is the word at t a noun here? "Talks between A and B lasted ...", "Talks were held ...": no
 * verb takes "between" or is followed by "were". */
static int noun_here_at(const ng_work *w, const sctx *c, uint32_t t)
{
    return noun_position(w, c, t) || after_verb(w, c, t) ||
           (t + 1 < c->b && ((ng_w__bits(w, t + 1) & NG_W_BE) || ng_w__is(w, t + 1, "between")));
}

/* The longest match of each relation among the triggers whose first word is at t (chain
 * from `first`); at equal length a noun after a determiner or preposition ("the signing",
 * "the meeting between", "a closed-door meeting") and a verb elsewhere. Returns the set of
 * relations matched (a bit each, NG_REL_MAX 64): best[r] is set only for those. */
static uint64_t best_matches(const ng_work *w, const sctx *c, uint32_t t, int32_t first,
                             match *best)
{
    uint64_t found = 0;
    int noun_here = -1; /* decided only when two matches of one relation tie */
    for (int32_t i = first; i >= 0; i = w->lex->triggers[i].next) {
        const ng_trigger *tr = &w->lex->triggers[i];
        match *b = &best[tr->rel];
        uint32_t end = 0;
        int32_t gap_group = -1;
        if (second_slot_fails(w, c, tr, t) || !match_slots(w, c, tr, 0, t, &end, &gap_group) ||
            verb_as_noun(w, c, tr, t) || verb_other_sense(w, c, tr, t, end) ||
            passive_refused(w, c, tr, t, end))
            continue;
        int take = !(found >> tr->rel & 1) || end > b->end;
        if (!take && end == b->end) {
            if (noun_here < 0) noun_here = noun_here_at(w, c, t);
            take = (tr->form == NG_TR_NOUN) == noun_here &&
                   (w->lex->triggers[b->trig].form == NG_TR_NOUN) != noun_here;
        }
        if (take) {
            found |= (uint64_t)1 << tr->rel;
            b->trig = i;
            b->end = end;
            b->gap = gap_group;
        }
    }
    return found;
}

int ng_triggers__spelled_at(const ng_work *w, const ng_trigger *tr, uint32_t t, uint32_t b)
{
    for (uint8_t k = 0; k < tr->n_slot; k++) {
        const ng_tr_slot *sl = &tr->slot[k];
        if (sl->gap) return 0;
        if (t < b && slot_has(sl, w->tk.v[t].h))
            t++;
        else if (!sl->optional)
            return 0;
    }
    return 1;
}

int ng_triggers__run(ng_work *w, cstate *cs, sctx *c)
{
    int error;
    size_t n_rel = ng_relinfo__count();
    match *best = c->best;
    uint32_t verb_end = c->a; /* the end of the furthest verb match so far, and its relation */
    size_t verb_rel = n_rel;
    for (size_t r = 0; r < n_rel; r++)
        c->rel_end[r] = c->a;
    c->last_subj = -1;
    for (uint32_t t = c->a; t < c->b; t++) {
        /* the index is probed only at the first words of triggers */
        int32_t first =
            (w->tk.v[t].flags & NG_TK_TRIG) ? ng_lex__trigger_first(w->lex, w->tk.v[t].h) : -1;
        if (first < 0 || c->gcov[t - c->a] >= 0) continue; /* none, or inside a name */
        /* the relations matched here, in their order */
        for (uint64_t found = best_matches(w, c, t, first, best); found; found &= found - 1) {
            const size_t r = (size_t)__builtin_ctzll(found);
            /* not inside a longer match of the same relation ("held talks with": not the
             * noun "talks" again) */
            if (t < c->rel_end[r]) continue;
            const ng_trigger *tr = &w->lex->triggers[best[r].trig];
            /* nor a noun inside a longer verb match of another relation: it is that verb's
             * object ("ended the break in relations with X" restores ties, cuts none) */
            if (tr->form == NG_TR_NOUN && t < verb_end && r != verb_rel) continue;
            if (tr->form == NG_TR_VERB && best[r].end > verb_end) {
                verb_end = best[r].end;
                verb_rel = r;
            }
            c->rel_end[r] = best[r].end;
            if ((error = ng_relation__run(w, cs, c, tr, t, best[r].end, best[r].gap)) < 0)
                return error;
        }
    }
    return NG_OK;
}
