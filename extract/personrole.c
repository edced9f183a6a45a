/* personrole.c - the role written around a person's name: the title phrase before it
 * ("Russian Deputy Foreign Minister X", "Interim President of Burkina Faso X", "Mali's X",
 * "his Malian counterpart, General X", "its ambassador, X") and the apposition after it ("X,
 * president of the ECOWAS Commission", "X, an American detained in Russia", "X of Burkina
 * Faso"). They give the person's title, the state or organization the title names (the
 * affiliation: the leftmost of the phrase not governed by "to" or "for", unless it owns the
 * title: "adviser to Brazil's President X"), and the evidence that the name is a person's. */
#include "mentions.h"

/* Affiliation-bearing mention kinds: the entity they name (-1 if none). */
static int32_t entity_of(const ng_mention *m)
{
    switch (m->kind) {
    case NG_MK_DEMONYM:
    case NG_MK_STATE:
    case NG_MK_SEAT:
        return m->lex;
    case NG_MK_ORG:
        return m->org >= 0 ? -1 : m->lex;
    case NG_MK_BODY:
        return m->st;
    default:
        return -1;
    }
}

/* A capital written with a possessive before a role stands for its state ("Moscow's
 * ambassador to Washington, X"): the state entity of place mention m followed by "'s" and
 * ending before b, -1 if none. */
static int32_t capital_owner(const ng_work *w, const ng_mention *m, uint32_t b)
{
    if (m->kind != NG_MK_PLACE || m->t1 >= b || !(w->tk.v[m->t1].flags & NG_TK_POSS)) return -1;
    const ng_lx_entity *e = &w->lex->ents[m->lex];
    return (e->flags & NG_LXF_NONODE) ? -1 : e->state;
}

static int affil_kind(const ng_mention *m)
{
    return m->kind == NG_MK_DEMONYM || m->kind == NG_MK_STATE || m->kind == NG_MK_ORG ||
           m->kind == NG_MK_SEAT || m->kind == NG_MK_BODY;
}

/* Does mention m, right after a role's "for", name the one the role serves: an organization,
 * a state's body, or a state with a government noun ("spokesperson for the Labor Party",
 * "for the Russian Foreign Ministry", "for the German government", "for the Israeli
 * military")? A state alone is a destination ("envoy for Sudan"). */
static int served_after_for(const ng_work *w, const ng_mention *m, uint32_t b)
{
    if (m->kind == NG_MK_ORG || (m->kind == NG_MK_BODY && m->st >= 0)) return 1;
    if (m->kind != NG_MK_DEMONYM && m->kind != NG_MK_STATE) return 0;
    uint32_t t = m->t1;
    if (t < b && (w->tk.v[t].flags & NG_TK_POSS)) t++;
    return t < b && !(w->tk.v[t].flags & NG_TK_CAP) &&
           (ng_w__bits(w, t) & (NG_W_GOVNOUN | NG_W_TROOPS));
}

/* Is mention m right after "for" (or "for the") at token f, or a state's body right after
 * "to" ("an adviser to Ukraine's presidential office"; a state or an organization after "to"
 * is a destination: "ambassador to the UN")? */
static int right_after_for(const ng_work *w, const ng_mention *m, uint32_t f)
{
    return (ng_w__is(w, f, "for") || (ng_w__is(w, f, "to") && m->kind == NG_MK_BODY)) &&
           (m->t0 == f + 1 || (m->t0 == f + 2 && ng_w__is(w, f + 1, "the")));
}

/* A mention in a title's complement, before a comma: a state or organization (its entity
 * goes to *ent unless "to"/"for"/"in" governs it: a destination), a place, or capitalized words
 * with no sign of being a name ("Energy, Petroleum and Mines, X", "Land and Sea Transport,
 * X"). 0 when the mention ends the complement. */
static int complement_mention(const ng_work *w, uint32_t a, const ng_mention *m, int32_t *ent,
                              int32_t *org)
{
    if (affil_kind(m) || m->kind == NG_MK_PLACE) {
        int32_t e = entity_of(m);
        if (m->kind == NG_MK_ORG && m->org >= 0) *org = m->org;
        uint32_t b = w->sents[m->sent].tok0 + w->sents[m->sent].ntok;
        int serves = served_after_for(w, m, b) &&
                     ((m->t0 > a && right_after_for(w, m, m->t0 - 1)) ||
                      (m->t0 > a + 1 && right_after_for(w, m, m->t0 - 2)));
        /* "its ambassador in Peru, X": where the holder serves, like "to" */
        int in = m->t0 > a && ng_w__is(w, m->t0 - 1, "in");
        if (e >= 0 && m->kind != NG_MK_PLACE && !in &&
            (serves ||
             !(m->t0 > a && (ng_w__is(w, m->t0 - 1, "to") || ng_w__is(w, m->t0 - 1, "for") ||
                             (ng_w__is(w, m->t0 - 1, "the") && m->t0 > a + 1 &&
                              (ng_w__is(w, m->t0 - 2, "to") || ng_w__is(w, m->t0 - 2, "for")))))))
            *ent = e;
        return 1;
    }
    return m->kind == NG_MK_CAND && m->ev == 0 && m->t1 - m->t0 <= 3;
}

/* A word of a title's complement (read right to left): "of", "for", "and", "the", a
 * possessive, a comma, capitalized words, title modifiers, up to three other lower-case
 * words that are not verbs. */
static int complement_word(const ng_work *w, uint32_t t, int *lower)
{
    const ng_tok *k = &w->tk.v[t];
    ng_wbits bits = ng_w__bits(w, t);
    if (k->flags & NG_TK_PUNCT) return *ng_w__fold(w, t) == ',';
    if (ng_w__is(w, t, "of") || ng_w__is(w, t, "for") || ng_w__is(w, t, "and") ||
        ng_w__is(w, t, "the"))
        return 1;
    if (k->flags & NG_TK_POSS) return 1;
    if ((k->flags & NG_TK_CAP) && !(bits & (NG_W_STOP | NG_W_PLACEHEAD)) &&
        !(k->flags & NG_TK_FIRST))
        return 1;
    return (bits & NG_W_TITLEMOD) ||
           (!(bits & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL)) &&
            ++*lower <= 3);
}

/* The title written by tokens [t0, t1) in any case ("spokesman", "prime minister"), -1. */
static int32_t title_of_words(const ng_work *w, uint32_t t0, uint32_t t1)
{
    const ng_ptab *pt = &w->lex->phrases;
    uint64_t h = NG_SEQ_SEED;
    const ng_ptab_slot *slot = NULL;
    for (uint32_t k = t0; k < t1; k++) {
        h = ng_x__seq_hash(h, w->tk.v[k].h);
        if (!(slot = ng_ptab__find(pt, h))) return -1;
    }
    for (int32_t v = slot ? slot->first : -1; v >= 0; v = pt->vals[v].next)
        if (pt->vals[v].kind == NG_LX_TITLE) return pt->vals[v].id;
    return -1;
}

/* Is token t right after a government body written without its state ("foreign ministry
 * spokesman")? */
static int stateless_body_before(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t t)
{
    int32_t bm = t > a ? cov[t - 1 - a] : -1;
    return bm >= 0 && !w->ms[bm].dead && w->ms[bm].kind == NG_MK_BODY && w->ms[bm].st < 0 &&
           w->ms[bm].t1 == t;
}

/* A plural person noun at t ("Ministers", "Presidents": four letters or more ending in "s",
 * not "ss"). */
static int plural_noun(const ng_work *w, uint32_t t)
{
    const char *f = ng_w__fold(w, t);
    uint16_t n = w->tk.v[t].flen;
    return n > 3 && f[n - 1] == 's' && f[n - 2] != 's';
}

/* "TITLE [of ... complement], Name": finds the title before the comma at `comma`. Returns the
 * title's first token (or (uint32_t)-1), its title id (-1 for a person noun such as
 * "father"), the leftmost entity of the complement not after "to"/"for", and the leftmost
 * organization named in the text in it (*org, neworgs index, -1). An acronym in brackets
 * right before the comma is skipped ("the Prime Minister of the Government of National Unity
 * (GNU), X"). */
static uint32_t title_before_comma(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t comma,
                                   int32_t *title, int32_t *affil, int32_t *org)
{
    uint32_t a = w->sents[s].tok0;
    int64_t j = (int64_t)comma - 1;
    int lower = 0, steps = 0;
    int32_t ent = -1, o = -1;
    *title = -1;
    *affil = -1;
    *org = -1;
    if (j >= (int64_t)a + 3 && ng_w__punct(w, (uint32_t)j, ')') &&
        ng_w__punct(w, (uint32_t)j - 2, '(') && (w->tk.v[j - 1].flags & NG_TK_CAP))
        j -= 3;
    while (j >= (int64_t)a && steps < 16) {
        uint32_t t = (uint32_t)j;
        int32_t mi = cov[t - a];
        steps++;
        if (mi >= 0 && !w->ms[mi].dead && w->ms[mi].t1 == t + 1) {
            const ng_mention *m = &w->ms[mi];
            if (m->kind == NG_MK_TITLE) {
                *title = m->lex;
                *affil = ent;
                *org = o;
                return m->t0;
            }
            if (!complement_mention(w, a, m, &ent, &o)) return (uint32_t)-1;
            j = (int64_t)m->t0 - 1;
            continue;
        }
        if (mi >= 0 && !w->ms[mi].dead) return (uint32_t)-1;
        const ng_tok *k = &w->tk.v[t];
        /* capitalized only as a plural: "the Ministers of Defence of A and B, X and Y" */
        if (!(k->flags & NG_TK_PUNCT) && (ng_w__bits(w, t) & NG_W_PERSONNOUN) &&
            (!(k->flags & NG_TK_CAP) || plural_noun(w, t))) {
            /* a family noun names no affiliation: "the son of Cuban immigrants, X" */
            int kin = (ng_w__bits(w, t) & NG_W_KIN) != 0;
            *affil = kin ? -1 : ent;
            *org = kin ? -1 : o;
            if (!kin && stateless_body_before(w, cov, a, t)) *title = title_of_words(w, t, t + 1);
            /* "The Nigerien prime minister, X": a title of several lower-case words */
            for (uint32_t n = 3; !kin && n >= 2; n--) {
                if (t + 1 < a + n) continue;
                uint32_t f = t + 1 - n, q = f;
                while (q < t && cov[q - a] < 0 && !(w->tk.v[q].flags & NG_TK_CAP))
                    q++;
                int32_t ti = q == t ? title_of_words(w, f, t + 1) : -1;
                if (ti >= 0) {
                    *title = ti;
                    return f;
                }
            }
            /* "the former president, X": a former holder's title, whose state is decided at
             * the end like "former President X" */
            if (!kin && *title < 0 && t > a && (ng_w__bits(w, t - 1) & NG_W_FORMER))
                *title = title_of_words(w, t, t + 1);
            return t;
        }
        if (!complement_word(w, t, &lower)) return (uint32_t)-1;
        j--;
    }
    return (uint32_t)-1;
}

/* Does a word of [t0, t1) say the role is not on its owner's side ("Lula's counterpart",
 * "Lula's wife")? Then the holder does not share the owner's affiliation. */
static int other_side(const ng_work *w, uint32_t t0, uint32_t t1)
{
    for (uint32_t t = t0; t < t1; t++)
        if (ng_w__bits(w, t) & (NG_W_OTHERSIDE | NG_W_KIN)) return 1;
    return 0;
}

int32_t ng_role__owner_title(const ng_work *w, uint32_t a, uint32_t t, uint32_t *t0)
{
    if (!(w->tk.v[t].flags & NG_TK_POSS)) return -1;
    for (uint32_t n = 3; n >= 1; n--) {
        if (t < a + n + 1 || !ng_w__is(w, t - n - 1, "the")) continue;
        int32_t ti = title_of_words(w, t - n, t);
        if (ti >= 0) {
            *t0 = t - n;
            return ti;
        }
    }
    return -1;
}

/* The owner a noun before a possessive stands for: "the country's" (a state), "the bloc's"
 * (an organization of states), "the group's", "the movement's" (any organization); 0. */
static int noun_owner(const ng_work *w, uint32_t t)
{
    ng_wbits bits = ng_w__bits(w, t);
    if (w->tk.v[t].flags & NG_TK_CAP && !(w->tk.v[t].flags & NG_TK_FIRST)) return 0;
    if (bits & NG_W_COUNTRYNOUN) return NG_OWN_COUNTRY;
    if (bits & NG_W_ORGNOUN) return NG_OWN_GROUP;
    if (bits & NG_W_BLOCNOUN) return NG_OWN_BLOC;
    return 0;
}

/* "the president's": a title after "the", no other mention, ending at the "'s" at t: its
 * first token, else (uint32_t)-1. */
static uint32_t title_owned(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t t)
{
    uint32_t t0;
    if (ng_role__owner_title(w, a, t, &t0) < 0) return (uint32_t)-1;
    for (uint32_t k = t0; k < t; k++)
        if (cov[k - a] >= 0 && w->ms[cov[k - a]].kind != NG_MK_TITLE) return (uint32_t)-1;
    return t0;
}

/* The owner of a title written as a pronoun or a description just before it at t
 * ("its", "their", "that country's", "his" or "her" for a role on the owner's side ending
 * before the name at r0, "the president's": a title the article gave someone, whose "'s"
 * goes to *poss): NG_OWN_* and the owner's first token, 0 if none. */
static int pronoun_owner(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t t, uint32_t r0,
                         uint32_t *first, uint32_t *poss)
{
    /* "its own ambassador, X": "own" only stresses the owner before it */
    if (ng_w__is(w, t, "own") && t > a &&
        (ng_w__is(w, t - 1, "its") || ng_w__is(w, t - 1, "their") || ng_w__is(w, t - 1, "his") ||
         ng_w__is(w, t - 1, "her")))
        t--;
    if (ng_w__is(w, t, "its")) {
        *first = t;
        return NG_OWN_ITS;
    }
    if (ng_w__is(w, t, "their")) {
        *first = t;
        return NG_OWN_THEIR;
    }
    if ((ng_w__is(w, t, "his") || ng_w__is(w, t, "her")) && !other_side(w, t + 1, r0)) {
        *first = t;
        return NG_OWN_HIS;
    }
    if ((w->tk.v[t].flags & NG_TK_POSS) && t >= a + 2 &&
        (ng_w__is(w, t - 2, "that") || ng_w__is(w, t - 2, "the"))) {
        int own = noun_owner(w, t - 1);
        if (own) {
            *first = t - 2;
            return own;
        }
    }
    if ((w->tk.v[t].flags & NG_TK_POSS) && t >= a + 2 && !other_side(w, t + 1, r0)) {
        uint32_t m0 = title_owned(w, cov, a, t);
        if (m0 != (uint32_t)-1) {
            *first = m0 - 1;
            *poss = t;
            return NG_OWN_TITLE;
        }
    }
    return 0;
}

/* A lower-case word that may modify a title after its owner ("the president's security
 * adviser"): no mention, no verb or function word. */
static int title_modifier(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    return (k->flags & NG_TK_WORD) && !(k->flags & (NG_TK_CAP | NG_TK_UPPER | NG_TK_POSS)) &&
           cov[t - a] < 0 &&
           !(ng_w__bits(w, t) & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL |
                                 NG_W_PREP | NG_W_DET | NG_W_NEG | NG_W_PLAN));
}

/* The scan of a title phrase, right to left from the name at r0. */
typedef struct pscan {
    const ng_work *w;
    const int32_t *cov;
    uint32_t s, a, r0;
    int64_t p;         /* the token to read next */
    uint32_t accepted; /* leftmost token of the accepted prefix */
    int32_t title, affil;
    int32_t pending; /* the entity just to the right of the scan, -1 */
    int steps, have_title, appos, complement;
    int mods; /* lower-case modifiers read before the title ("de facto", "new") */
    int kin;  /* the noun before the name is of private life ("activist X", "his son X") */
    prefix_res *res;
} pscan;

/* Does a possessive come right before token t over at most two more lower-case modifiers
 * ("Russia's sovereign wealth fund head X": three modifiers in all before the title)? */
static int owner_within_modifiers(const pscan *x, uint32_t t)
{
    const ng_work *w = x->w;
    if (t <= x->a + 1) return 0;
    if (w->tk.v[t - 1].flags & NG_TK_POSS) return 1;
    if (!title_modifier(w, x->cov, x->a, t - 1) || t <= x->a + 2) return 0;
    if (w->tk.v[t - 2].flags & NG_TK_POSS) return 1;
    /* a third one only when none of the three is a noun of people or an adverb ("Kenya's
     * officials later met President X" is no title phrase) */
    for (uint32_t k = t - 2; k <= t; k++)
        if (ng_w__bits(w, k) & (NG_W_PERSONNOUN | NG_W_SKIPADV)) return 0;
    return t > x->a + 3 && title_modifier(w, x->cov, x->a, t - 2) &&
           (w->tk.v[t - 3].flags & NG_TK_POSS);
}

/* What a step of the scan does: NEXT (the rule does not apply), ON (go on at x->p), END. */
enum { NEXT, ON, END };

/* An office wins over a rank or an honorific: "the Minister of the Armed Forces, General X"
 * is a minister. */
static int better_title(const ng_work *w, int32_t title, int32_t ti)
{
    return title < 0 || (w->lex->titles[title].kind != NG_TITLE_OFFICE &&
                         w->lex->titles[ti].kind == NG_TITLE_OFFICE);
}

/* Is the title phrase starting at ts the apposition of a name right before it ("with Ana
 * Ruiz, President of Peru, Tom Reyes, ...": a list of titled people, the title is Ruiz's)? */
static int appos_of_previous(const pscan *x, uint32_t ts)
{
    if (ts < x->a + 2 || !ng_w__punct(x->w, ts - 1, ',')) return 0;
    /* "Joseph R. Biden, Jr., President of ...": over the suffix of the name */
    if (ts >= x->a + 4 && (ng_w__bits(x->w, ts - 2) & NG_W_NAMESUFFIX) &&
        ng_w__punct(x->w, ts - 3, ',') && x->cov[ts - 2 - x->a] < 0)
        ts -= 2;
    int32_t mi = x->cov[ts - 2 - x->a];
    if (mi < 0) return 0;
    const ng_mention *m = &x->w->ms[mi];
    return !m->dead && m->n1 == ts - 1 && (m->kind == NG_MK_CAND || m->kind == NG_MK_PERSON);
}

/* "TITLE ..., Name" at a comma right before the name, or a role before a titled name ("the
 * Vatican's envoy, Archbishop X", "his Malian counterpart, General X"). */
static int role_comma(pscan *x, uint32_t t, int the_honorific)
{
    int32_t ti, af, org;
    uint32_t ts = title_before_comma(x->w, x->s, x->cov, t, &ti, &af, &org);
    if (ts == (uint32_t)-1 || appos_of_previous(x, ts)) return END;
    /* "the Prime Minister of X, the Hon Y": the title is no apposition after a comma itself
     * (in "Y, President of X, the Honorable Z, Prime Minister of W" it is Y's) */
    if (the_honorific && ts > x->a && ng_w__punct(x->w, ts - 1, ',')) return END;
    if (x->affil >= 0 && af >= 0 && af != x->affil) x->res->affil2 = af;
    if (x->affil >= 0 && af < 0 && org >= 0) x->res->affil2_org = org;
    if (x->affil < 0) x->affil = af;
    if (x->affil < 0 && x->res->affil_org < 0) x->res->affil_org = org;
    /* "the European Commissioner for Trade, X": an office only one state or organization has
     * stands for it when its complement names none (an owner further left still wins) */
    if (x->affil < 0 && x->res->affil_org < 0 && !x->res->owner && ti >= 0 &&
        x->w->lex->titles[ti].kind == NG_TITLE_OFFICE && x->w->lex->titles[ti].see >= 0)
        x->affil = x->w->lex->titles[ti].see;
    if (ti >= 0 && better_title(x->w, x->title, ti)) x->title = ti;
    x->have_title = 1;
    x->appos = 1;
    x->res->ev |= NG_EV_APPOS;
    x->accepted = ts;
    x->p = (int64_t)ts - 1;
    return ON;
}

/* Does "and" and a title start the phrase read so far ("... and Chair of the African Union,
 * X")? */
static int joined_title(const pscan *x)
{
    uint32_t t = x->accepted;
    if (t <= x->a || t >= x->r0 || !ng_w__is(x->w, t - 1, "and")) return 0;
    int32_t mi = x->cov[t - x->a];
    return mi >= 0 && !x->w->ms[mi].dead && x->w->ms[mi].kind == NG_MK_TITLE;
}

/* A state or organization in the phrase (mention m ends at t). */
static int prefix_entity(pscan *x, const ng_mention *m, uint32_t t)
{
    const ng_work *w = x->w;
    int32_t ent = entity_of(m);
    if (ent < 0 && m->kind == NG_MK_ORG && m->org >= 0 && x->res->affil_org < 0)
        x->res->affil_org = m->org;
    if (x->have_title && (m->t1 == x->accepted ||
                          (m->t1 + 1 == x->accepted && (w->tk.v[m->t1].flags & NG_TK_POSS)))) {
        /* the title's owner right before it ("Iranian President X", "to Brazil's President
         * X"): never a destination */
        if (ent >= 0 && !x->kin) {
            x->affil = ent;
            x->pending = -1;
        }
    } else {
        if (!x->have_title && m->kind != NG_MK_BODY) {
            /* before any title only a possessive counts: "Mali's Abdoulaye Diop", or the
             * complement of a title further left ("President of Burkina Faso X",
             * "Ambassador to the United States X") */
            int poss = t + 1 < x->r0 && (w->tk.v[t + 1].flags & NG_TK_POSS);
            uint32_t q = m->t0;
            if (q > x->a && ng_w__is(w, q - 1, "the")) q--;
            int of =
                !poss && q > x->a &&
                (ng_w__is(w, q - 1, "of") || ng_w__is(w, q - 1, "to") || ng_w__is(w, q - 1, "for"));
            if (!poss && !of) return END;
            if (of)
                x->complement = 1;
            else
                x->res->ev |= NG_EV_POSS;
        }
        if (m->kind == NG_MK_BODY) x->have_title = 1;
        /* "the Prime Minister of Ghana and Chair of the African Union, X": the complement of
         * a title joined by "and" to the apposition's one is a second affiliation */
        if (ent >= 0 && x->appos && x->affil >= 0 && x->affil != ent && x->res->affil2 < 0 &&
            joined_title(x))
            x->res->affil2 = x->affil;
        if (ent >= 0) x->pending = x->affil = ent;
    }
    x->accepted = m->t0;
    x->p = (int64_t)m->t0 - 1;
    return ON;
}

/* Is place mention m the complement of a title further left: after "for", "to" or "of" (and
 * "the"), or after "and" that joins it to another ("for the Middle East and Africa")? */
static int place_complement(const pscan *x, const ng_mention *m)
{
    uint32_t q = m->t0;
    if (q > x->a && ng_w__is(x->w, q - 1, "the")) q--;
    return q > x->a && (ng_w__is(x->w, q - 1, "for") || ng_w__is(x->w, q - 1, "to") ||
                        ng_w__is(x->w, q - 1, "of") || ng_w__is(x->w, q - 1, "and"));
}

/* Does a state or organization after "to", "for" or "in" (and "the") end right before
 * token t ("Ambassador to Indonesia | Datuk X")? */
static int complement_before(const pscan *x, uint32_t t)
{
    if (t <= x->a) return 0;
    int32_t mi = x->cov[t - 1 - x->a];
    if (mi < 0 || x->w->ms[mi].dead || x->w->ms[mi].t1 != t || !affil_kind(&x->w->ms[mi]))
        return 0;
    uint32_t q = x->w->ms[mi].t0;
    if (q > x->a && ng_w__is(x->w, q - 1, "the")) q--;
    return q > x->a && (ng_w__is(x->w, q - 1, "to") || ng_w__is(x->w, q - 1, "for") ||
                        ng_w__is(x->w, q - 1, "in"));
}

/* A mention that ends at t: a title, a state or organization; anything else ends the
 * phrase. */
static int prefix_mention(pscan *x, const ng_mention *m, uint32_t t)
{
    if (m->kind == NG_MK_TITLE) {
        if (better_title(x->w, x->title, m->lex)) x->title = m->lex;
        /* "Malaysia's Ambassador to Indonesia Datuk X": an honorific right before the name
         * is no office; the words before it are read as before the name */
        if (!x->have_title && x->w->lex->titles[m->lex].kind == NG_TITLE_HONORIFIC &&
            m->t1 == x->r0 && complement_before(x, m->t0)) {
            x->accepted = m->t0;
            x->p = (int64_t)m->t0 - 1;
            return ON;
        }
        x->have_title = 1;
        if (x->pending >= 0) {
            x->affil = x->pending;
            x->pending = -1;
        }
        x->accepted = m->t0;
        x->p = (int64_t)m->t0 - 1;
        return ON;
    }
    if ((m->kind == NG_MK_CAND || m->kind == NG_MK_PERSON) && x->have_title && x->affil < 0 &&
        m->t1 + 1 == x->accepted && (x->w->tk.v[m->t1].flags & NG_TK_POSS) &&
        !other_side(x->w, x->accepted, x->r0)) {
        /* "Lula's spokesman, X": the role is that person's; X shares their affiliation
         * (pass 2). The owner stays outside the phrase. */
        x->res->owner = NG_OWN_PERSON;
        x->res->own_t = m->t1;
        return END;
    }
    int32_t cap = capital_owner(x->w, m, x->r0);
    if (cap >= 0 && x->have_title && m->t1 + 1 == x->accepted) {
        x->affil = cap;
        x->pending = -1;
        x->accepted = m->t0;
        x->p = (int64_t)m->t0 - 1;
        return ON;
    }
    if (m->kind == NG_MK_PLACE && x->have_title && m->t1 == x->accepted &&
        (x->w->tk.v[m->t0].flags & NG_TK_CAP) && !x->appos) {
        /* "France's Africa envoy X", "the US Middle East envoy X": the region of a
         * portfolio between the owner and the title */
        x->accepted = m->t0;
        x->p = (int64_t)m->t0 - 1;
        return ON;
    }
    if (m->kind == NG_MK_PLACE && !x->have_title && place_complement(x, m)) {
        /* "Special Envoy for the Middle East and Africa X": a region the title is aimed at */
        x->complement = 1;
        x->accepted = m->t0;
        x->p = (int64_t)m->t0 - 1;
        return ON;
    }
    return affil_kind(m) ? prefix_entity(x, m, t) : END;
}

/* "President A of Kenya and President B": before the "and" at t, a state or organization
 * after "of [the]" that closes a person's phrase is that person's, not part of B's title. */
static int of_owner_before_and(const pscan *x, uint32_t t)
{
    const ng_work *w = x->w;
    if (t < x->a + 3) return 0;
    int32_t m = x->cov[t - 1 - x->a];
    if (m < 0 || w->ms[m].dead || w->ms[m].t1 != t) return 0;
    if (w->ms[m].kind == NG_MK_PERSON) return 1;
    if (w->ms[m].kind != NG_MK_STATE && w->ms[m].kind != NG_MK_ORG) return 0;
    uint32_t q = w->ms[m].t0;
    if (q > x->a + 1 && ng_w__is(w, q - 1, "the")) q--;
    if (q < x->a + 2 || !ng_w__is(w, q - 1, "of")) return 0;
    int32_t p = x->cov[q - 2 - x->a];
    return p >= 0 && !w->ms[p].dead &&
           (w->ms[p].kind == NG_MK_PERSON || w->ms[p].kind == NG_MK_CAND);
}

/* Does an honorific title ("Hon", "Rt Hon") start at token t? */
static int honorific_at(const pscan *x, uint32_t t)
{
    int32_t mi = t < x->r0 ? x->cov[t - x->a] : -1;
    return mi >= 0 && x->w->ms[mi].kind == NG_MK_TITLE && x->w->ms[mi].t0 == t &&
           x->w->lex->titles[x->w->ms[mi].lex].kind == NG_TITLE_HONORIFIC;
}

/* A word that no mention covers. */
/* prefix_word's case of a lower-case person noun at t before the name or inside a title
 * phrase ("spokesman John Kirby", "former president X", "Kenyan activist X"): it is the
 * title, and in three cases decides the title whose state is found at the end. Apart as
 * these cases set the scan's title where the other words only extend the phrase. */
static int person_noun_before(pscan *x, uint32_t t, ng_wbits bits)
{
    const ng_work *w = x->w;
    /* "leader Muse Bihi Abdi", "spokesman John Kirby", "the leader of Laos X"; after a
     * body without its state, a person noun that is also a title is that title, whose
     * state is decided at the end ("foreign ministry spokesman X") */
    if (x->title < 0 && !(bits & NG_W_KIN) && stateless_body_before(w, x->cov, x->a, t))
        x->title = title_of_words(w, t, t + 1);
    /* "presidential spokesperson X", "government spokesman X", ", spokesman X says": a
     * spokesperson speaks for a state or body, decided at the end when none is named */
    if (x->title < 0 && (bits & NG_W_SPOKESNOUN) && t + 1 == x->r0 && t > x->a &&
        ((ng_w__bits(w, t - 1) & (NG_W_TITLEMOD | NG_W_GOVNOUN)) || ng_w__punct(w, t - 1, ',')))
        x->title = title_of_words(w, t, t + 1);
    /* "Former president X", "then president X": a former holder of a title in lower
     * case, whose state is decided at the end like "former President X" */
    if (x->title < 0 && !(bits & NG_W_KIN) && t + 1 == x->r0 && t > x->a &&
        ((ng_w__bits(w, t - 1) & NG_W_FORMER) ||
         (ng_w__is(w, t - 1, "then") && t > x->a + 1 &&
          ((ng_w__bits(w, t - 2) & NG_W_PREP) || ng_w__punct(w, t - 2, ',')))))
        x->title = title_of_words(w, t, t + 1);
    /* "Congolese activist X", "Kenyan golfers X and Y": a noun of private life holds no
     * office for the state before it */
    if (x->title < 0 && (bits & NG_W_KIN) && t + 1 == x->r0) x->kin = 1;
    x->have_title = 1;
    x->accepted = t;
    return ON;
}

static int prefix_word(pscan *x, uint32_t t)
{
    const ng_work *w = x->w;
    const ng_tok *k = &w->tk.v[t];
    ng_wbits bits = ng_w__bits(w, t);
    x->p--;
    if (k->flags & NG_TK_POSS) return ON;
    /* "the Deputy Prime Minister - Minister of Foreign Affairs X" (an en dash between two
     * offices one person holds): the phrase goes on over the dash to the first title */
    if (ng_w__punct(w, t, '-') && x->have_title && x->accepted == t + 1 && t > x->a &&
        x->cov[t - 1 - x->a] >= 0 && w->ms[x->cov[t - 1 - x->a]].kind == NG_MK_TITLE &&
        w->ms[x->cov[t - 1 - x->a]].t1 == t && !w->ms[x->cov[t - 1 - x->a]].dead)
        return ON;
    if (k->flags & NG_TK_PUNCT) return END;
    if (ng_w__is(w, t, "to") || ng_w__is(w, t, "for")) {
        /* a title already read ends the phrase: "adviser to Brazil's President X"; else the
         * entity to the right is a destination, not the affiliation */
        if (x->have_title) return END;
        if (x->pending >= 0 && x->affil == x->pending) x->affil = -1;
        x->pending = -1;
        return ON;
    }
    if (ng_w__is(w, t, "the") && x->have_title && x->accepted == t + 1 && honorific_at(x, t + 1)) {
        /* "the Prime Minister of Tuvalu, the Hon X": the honorific's article belongs to
         * it, so the role before the comma is X's */
        x->accepted = t;
        return ON;
    }
    /* "the Foreign Office and the Rt Hon X": an honorific takes no complement, so "and"
     * before it (or before its "the") ends the phrase */
    if (ng_w__is(w, t, "and") && x->accepted == t + 1 &&
        (honorific_at(x, t + 1) || (ng_w__is(w, t + 1, "the") && honorific_at(x, t + 2))))
        return END;
    if (ng_w__is(w, t, "of") || ng_w__is(w, t, "the") || ng_w__is(w, t, "and")) {
        /* "Minister of Natural Resources X": capitalized words ending with a plural noun
         * right before the name, after a title's "of" (runs.c title_plural) */
        const char *pf = ng_w__fold(w, x->r0 - 1);
        uint16_t pl = w->tk.v[x->r0 - 1].flen;
        int plural = pl > 3 && pf[pl - 1] == 's' && pf[pl - 2] != 's' && pf[pl - 2] != 'u' &&
                     x->r0 - t <= 3;
        int title_of = plural && ng_w__is(w, t, "of") && t > x->a && x->cov[t - 1 - x->a] >= 0 &&
                       w->ms[x->cov[t - 1 - x->a]].kind == NG_MK_TITLE &&
                       w->ms[x->cov[t - 1 - x->a]].t1 == t && !w->ms[x->cov[t - 1 - x->a]].dead;
        if (ng_w__is(w, t, "and") && x->have_title && of_owner_before_and(x, t)) return END;
        return x->have_title || x->complement || title_of ? ON : END;
    }
    if ((bits & NG_W_PERSONNOUN) && !(k->flags & NG_TK_CAP) &&
        (t + 1 == x->r0 || x->have_title || x->complement))
        return person_noun_before(x, t, bits);
    if ((bits & NG_W_TITLEMOD) ||
        (x->have_title && !(k->flags & NG_TK_CAP) && (bits & NG_W_GOVNOUN)) ||
        (x->have_title && t + 1 == x->accepted && x->mods++ < 3 &&
         title_modifier(w, x->cov, x->a, t) && owner_within_modifiers(x, t)) ||
        (x->have_title && (k->flags & NG_TK_CAP) && !(k->flags & NG_TK_FIRST) &&
         !(bits & (NG_W_STOP | NG_W_NOTNAME)))) {
        /* modifiers before a title ("government spokesman") or capitalized words inside one */
        if (x->have_title) x->accepted = t;
        return ON;
    }
    /* capitalized words of a long title whose head is further left */
    if (!x->have_title && (k->flags & NG_TK_CAP) && !(bits & NG_W_STOP) && x->steps < 12) return ON;
    return END;
}

/* One step of the scan at token t. */
static int prefix_step(pscan *x, uint32_t t)
{
    const ng_work *w = x->w;
    int32_t mi = x->cov[t - x->a];
    if (x->have_title && !x->appos && x->accepted == t + 1 && ng_w__punct(w, t, ',') && t > x->a)
        return role_comma(x, t, 0);
    /* "the Prime Minister of X, the Hon Y": "the" before an honorific after the comma too */
    if (x->have_title && !x->appos && x->accepted == t + 2 && ng_w__punct(w, t, ',') && t > x->a &&
        ng_w__is(w, t + 1, "the") && x->title >= 0 &&
        w->lex->titles[x->title].kind == NG_TITLE_HONORIFIC)
        return role_comma(x, t, 1);
    if (x->have_title && t + 1 == x->accepted) {
        uint32_t first, poss = 0;
        int own = pronoun_owner(w, x->cov, x->a, t, x->r0, &first, &poss);
        /* one modifier between the owner and the title: "the president's security adviser" */
        if (!own && t > x->a && title_modifier(w, x->cov, x->a, t))
            own = pronoun_owner(w, x->cov, x->a, t - 1, x->r0, &first, &poss);
        if (own) {
            if (x->affil < 0) {
                x->res->owner = (uint8_t)own;
                if (own == NG_OWN_TITLE) x->res->own_t = poss;
            }
            x->accepted = first;
            return END;
        }
    }
    if (mi >= 0 && !w->ms[mi].dead)
        return w->ms[mi].t1 == t + 1 ? prefix_mention(x, &w->ms[mi], t) : END;
    return prefix_word(x, t);
}

static int royal_kind(const ng_work *w, int32_t title)
{
    return title >= 0 && (w->lex->titles[title].kind == NG_TITLE_ROYAL ||
                          w->lex->titles[title].kind == NG_TITLE_RELIGIOUS);
}

/* A capitalized royal or religious title written right before the name, whatever role comes
 * before it ("his father, King Salman", "the ruler, Emir Tamim"): the title names the person
 * even when an office or a family noun further left is the phrase's title. */
static int royal_right_before(const pscan *x)
{
    if (x->r0 <= x->a) return 0;
    int32_t mi = x->cov[x->r0 - 1 - x->a];
    if (mi < 0) return 0;
    const ng_mention *m = &x->w->ms[mi];
    return !m->dead && m->kind == NG_MK_TITLE && m->t1 == x->r0 && royal_kind(x->w, m->lex) &&
           (x->w->tk.v[m->t0].flags & NG_TK_CAP);
}

/* Is the phrase's title written alone right before the name, after nothing but words of
 * class former ("Former Secretary of State X")? */
static int title_alone(const pscan *x)
{
    const ng_work *w = x->w;
    if (x->accepted >= x->r0 || x->cov[x->r0 - 1 - x->a] < 0) return 0;
    const ng_mention *m = &w->ms[x->cov[x->r0 - 1 - x->a]];
    if (m->t1 != x->r0 || m->t0 < x->accepted) return 0;
    for (uint32_t t = x->accepted; t < m->t0; t++)
        if (!(ng_w__bits(w, t) & NG_W_FORMER)) return 0;
    return 1;
}

/* The result: the phrase with its determiner ("the", "his", "her", "its", "their", "a"). */
static void prefix_result(const pscan *x)
{
    const ng_work *w = x->w;
    prefix_res *res = x->res;
    uint32_t st = x->accepted;
    if (!x->have_title && !(res->ev & NG_EV_POSS)) return;
    if (st > x->a &&
        (ng_w__is(w, st - 1, "the") || ng_w__is(w, st - 1, "his") || ng_w__is(w, st - 1, "her") ||
         ng_w__is(w, st - 1, "its") || ng_w__is(w, st - 1, "their") || ng_w__is(w, st - 1, "a")))
        st--;
    res->start = st;
    res->affil = x->affil;
    res->title = x->title;
    /* "Pope Francis", "Secretary of State X": a title written alone that always stands for
     * one see or state */
    if (res->affil < 0 && res->affil_org < 0 && !res->owner && x->title >= 0 &&
        w->lex->titles[x->title].see >= 0 && title_alone(x))
        res->affil = w->lex->titles[x->title].see;
    if (x->have_title) res->ev |= NG_EV_TITLE;
    if ((royal_kind(w, x->title) && x->accepted < x->r0 &&
         (w->tk.v[x->accepted].flags & NG_TK_CAP)) ||
        royal_right_before(x))
        res->ev |= NG_EV_ROYAL;
}

/* "(ACR)" ending at the ")" at t that abbreviates the state or organization named right
 * before the "(": the "(" , else (uint32_t)-1. */
static uint32_t acronym_of_previous(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t t)
{
    if (t < a + 3 || !ng_w__punct(w, t, ')')) return (uint32_t)-1;
    int32_t mi = cov[t - 1 - a];
    if (mi < 0 || w->ms[mi].dead || w->ms[mi].t1 != t || w->ms[mi].t0 <= a + 1) return (uint32_t)-1;
    uint32_t open = w->ms[mi].t0 - 1;
    int32_t pi = cov[open - 1 - a];
    if (!ng_w__punct(w, open, '(') || pi < 0 || w->ms[pi].dead || w->ms[pi].t1 != open)
        return (uint32_t)-1;
    int32_t e = entity_of(&w->ms[mi]);
    return e >= 0 && e == entity_of(&w->ms[pi]) ? open : (uint32_t)-1;
}

/* "... by their U.S. counterparts, Dutton said.": a name between a comma and a verb of
 * saying that ends the sentence or its clause is the speaker of what comes before it, not
 * the holder of the role before the comma. */
static int speech_tag(const ng_work *w, uint32_t s, uint32_t r1)
{
    uint32_t b = w->sents[s].tok0 + w->sents[s].ntok;
    return r1 < b && (ng_w__bits(w, r1) & NG_W_SAY) &&
           (r1 + 1 == b || (w->tk.v[r1 + 1].flags & NG_TK_PUNCT));
}

/* The states and organizations of a plural title's complement before the comma at `comma`,
 * left to right ("the foreign ministers of A and B, X and Y"): how many (at most max). */
static uint32_t plural_complement(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t comma,
                                  int32_t *ents, uint32_t max)
{
    int32_t ti, af, org;
    uint32_t a = w->sents[s].tok0, n = 0;
    uint32_t h = title_before_comma(w, s, cov, comma, &ti, &af, &org);
    if (h == (uint32_t)-1) return 0;
    while (h + 1 < comma && !ng_w__is(w, h + 1, "of")) {
        if (cov[h + 1 - a] >= 0 && w->ms[cov[h + 1 - a]].kind != NG_MK_TITLE) return 0;
        h++;
    }
    const char *f = ng_w__fold(w, h);
    uint16_t len = w->tk.v[h].flen;
    if (h + 1 >= comma || len < 4 || f[len - 1] != 's' || f[len - 2] == 's') return 0;
    for (uint32_t t = h + 2; t < comma && n < max; t++) {
        int32_t mi = cov[t - a];
        if (mi < 0 || w->ms[mi].dead || w->ms[mi].t0 != t) continue;
        int32_t e = affil_kind(&w->ms[mi]) ? entity_of(&w->ms[mi]) : -1;
        if (e >= 0) ents[n++] = e;
        t = w->ms[mi].t1 - 1;
    }
    return n;
}

/* "the foreign ministers of A and B, X and Y": a later name of the list after the first
 * one's plural title takes the entity of its rank ("respectively" left unsaid); 1 when it
 * did. */
static int list_of_titled(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r0,
                          prefix_res *res)
{
    uint32_t a = w->sents[s].tok0, k = r0, idx = 0;
    const ng_mention *first = NULL;
    int32_t ents[8];
    while (!first && idx < 8) {
        if (k < a + 2 || !(ng_w__is(w, k - 1, "and") || ng_w__punct(w, k - 1, ','))) return 0;
        int32_t mi = cov[k - 2 - a];
        const ng_mention *m = mi >= 0 ? &w->ms[mi] : NULL;
        if (!m || m->dead || m->kind != NG_MK_CAND || m->n1 != k - 1) return 0;
        idx++;
        if ((m->ev & NG_EV_APPOS) && m->t0 < m->n0 && ng_w__punct(w, m->n0 - 1, ','))
            first = m;
        k = m->n0;
    }
    if (!first || first->st < 0) return 0;
    /* the complement must hold a list before the title's scan is read again */
    uint32_t q = first->t0;
    while (q < first->n0 && !ng_w__is(w, q, "and"))
        q++;
    if (q == first->n0 || plural_complement(w, s, cov, first->n0 - 1, ents, 8) <= idx) return 0;
    res->affil = ents[idx];
    res->title = first->title;
    res->ev = NG_EV_APPOS | NG_EV_TITLE;
    return 1;
}

/* The states of a list that ends at the comma at `comma` ("Brazil and Colombia,"), in text
 * order, into ents (at most max); 0 when anything else is listed. */
static uint32_t states_before_comma(const ng_work *w, uint32_t a, const int32_t *cov,
                                    uint32_t comma, int32_t *ents, uint32_t max)
{
    int32_t rev[8];
    uint32_t n = 0, t = comma;
    while (n < max && n < 8 && t > a) {
        int32_t mi = cov[t - 1 - a];
        if (mi < 0 || w->ms[mi].dead || w->ms[mi].t1 != t || w->ms[mi].kind != NG_MK_STATE)
            return 0;
        rev[n++] = entity_of(&w->ms[mi]);
        t = w->ms[mi].t0;
        if (t > a && (ng_w__is(w, t - 1, "and") || ng_w__punct(w, t - 1, ','))) {
            t--;
            if (t > a && ng_w__is(w, t - 1, "and") && ng_w__punct(w, t, ',')) t--;
            continue;
        }
        break;
    }
    if (n < 2) return 0;
    for (uint32_t i = 0; i < n; i++)
        ents[i] = rev[n - 1 - i];
    return n;
}

/* "Brazil and Colombia, whose presidents A and B have ...": the names listed after "whose"
 * and a plural person noun (one lower-case word before it at most: "whose foreign ministers")
 * take the states listed before the comma, in order ("respectively" left unsaid); 1 when it
 * did. */
static int whose_titled(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r0,
                        prefix_res *res)
{
    uint32_t a = w->sents[s].tok0, k = r0, idx = 0;
    int32_t ents[8];
    /* back over the names listed before this one */
    while (k >= a + 2 && (ng_w__is(w, k - 1, "and") || ng_w__punct(w, k - 1, ',')) && idx < 8) {
        int32_t mi = cov[k - 2 - a];
        const ng_mention *m = mi >= 0 ? &w->ms[mi] : NULL;
        if (!m || m->dead || m->kind != NG_MK_CAND || m->n1 != k - 1) break;
        idx++;
        k = m->n0;
    }
    if (k < a + 4 || !(ng_w__bits(w, k - 1) & NG_W_GROUPNOUN) ||
        !(ng_w__bits(w, k - 1) & NG_W_PERSONNOUN) || (w->tk.v[k - 1].flags & NG_TK_CAP))
        return 0;
    uint32_t q = k - 2;
    if (!ng_w__is(w, q, "whose") && q > a && ng_w__is(w, q - 1, "whose") &&
        !(w->tk.v[q].flags & NG_TK_CAP) && cov[q - a] < 0)
        q--;
    if (!ng_w__is(w, q, "whose") || q <= a || !ng_w__punct(w, q - 1, ',')) return 0;
    uint32_t n = states_before_comma(w, a, cov, q - 1, ents, 8);
    if (idx >= n) return 0;
    res->affil = ents[idx];
    res->start = idx ? r0 : k - 1; /* the later names' phrase is their name alone */
    res->ev = NG_EV_APPOS | NG_EV_TITLE;
    return 1;
}

/* The state or organization a relative clause after a comma is about: "Belarus, whose
 * president X ...", "Tajikistan, where Russia's base is quartered and whose president X"
 * (back from "whose" over one clause opened by where/which/who after the comma), the
 * entity, else -1. */
static int32_t whose_owner(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t q)
{
    uint32_t t = q - 1;
    if (!ng_w__punct(w, t, ',')) {
        if (!ng_w__is(w, t, "and")) return -1;
        while (t > a + 1 && !ng_w__punct(w, t, ',') && q - t < 16)
            t--;
        if (!ng_w__punct(w, t, ',') || !(ng_w__is(w, t + 1, "where") ||
                                        ng_w__is(w, t + 1, "which") || ng_w__is(w, t + 1, "who")))
            return -1;
    }
    int32_t mi = t > a ? cov[t - 1 - a] : -1;
    if (mi < 0 || w->ms[mi].dead || w->ms[mi].t1 != t ||
        (w->ms[mi].kind != NG_MK_STATE && w->ms[mi].kind != NG_MK_ORG))
        return -1;
    /* a list before the comma is whose_titled's ("Chile and Peru, whose presidents") */
    if (w->ms[mi].t0 > a && (ng_w__is(w, w->ms[mi].t0 - 1, "and") ||
                             ng_w__punct(w, w->ms[mi].t0 - 1, ',')))
        return -1;
    return entity_of(&w->ms[mi]);
}

/* "Belarus, whose president X is barred ...": a singular title right after "whose" (one
 * lower-case word before it at most: "whose foreign minister") names the state or
 * organization the clause is about; 1 when it did. */
static int whose_single(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r0,
                        prefix_res *res)
{
    uint32_t a = w->sents[s].tok0, q = r0 - 2;
    if (r0 < a + 4 || !(ng_w__bits(w, r0 - 1) & NG_W_PERSONNOUN) ||
        (ng_w__bits(w, r0 - 1) & NG_W_KIN))
        return 0;
    if (!ng_w__is(w, q, "whose") && ng_w__is(w, q - 1, "whose") && !(w->tk.v[q].flags & NG_TK_CAP))
        q--;
    if (q <= a + 1 || !ng_w__is(w, q, "whose")) return 0;
    int32_t ti = title_of_words(w, q + 1, r0);
    if (ti < 0) ti = title_of_words(w, r0 - 1, r0);
    if (ti < 0 || w->lex->titles[ti].kind != NG_TITLE_OFFICE) return 0;
    int32_t e = whose_owner(w, a, cov, q);
    if (e < 0) return 0;
    res->affil = e;
    res->title = ti;
    res->start = q + 1;
    res->ev = NG_EV_TITLE;
    return 1;
}

/* "Minister of Foreign Affairs, Emigration and Egyptian Expatriates X", "Minister of Foreign
 * Affairs and External Trade X": capitalized words of a title's portfolio (words class
 * titlemod, a demonym among them, *dem its state), "and" and commas between the title and the
 * name. The end of the title (where the scan goes on), 0 when the words before r0 are no such
 * portfolio. */
uint32_t ng_role__portfolio_before(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t r0,
                                  int32_t *dem)
{
    uint32_t t = r0;
    *dem = -1;
    if (t <= a + 2 || cov[t - 1 - a] >= 0 || !ng_mentions__cap(w, t - 1) ||
        !(ng_w__bits(w, t - 1) & NG_W_TITLEMOD))
        return 0;
    int and = 0;
    for (int n = 0; t > a + 1 && n < 8; n++) {
        int32_t mi = cov[t - 1 - a];
        const ng_mention *m = mi >= 0 ? &w->ms[mi] : NULL;
        if (m && !m->dead && m->kind == NG_MK_TITLE && m->t1 == t)
            return and && (ng_w__bits(w, t - 1) & NG_W_TITLEMOD) ? t : 0;
        if (m && !m->dead && m->kind == NG_MK_DEMONYM && m->t1 == t) {
            if (*dem < 0) *dem = m->lex;
            t = m->t0;
        }
        else if (!m && ng_w__is(w, t - 1, "and"))
            and = 1, t--;
        else if (!m && (ng_w__punct(w, t - 1, ',') ||
                        (ng_mentions__cap(w, t - 1) && (ng_w__bits(w, t - 1) & NG_W_TITLEMOD))))
            t--;
        else
            return 0;
    }
    return 0;
}

void ng_role__before(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r0, uint32_t r1,
                     prefix_res *res)
{
    pscan x = {w, cov, s, w->sents[s].tok0, r0, (int64_t)r0 - 1, r0, -1, -1, -1,
               0, 0, 0, 0, 0, 0, res};
    res->start = r0;
    res->affil = res->affil_org = res->affil2 = res->affil2_org = res->title = -1;
    res->ev = 0;
    res->owner = 0;
    res->own_t = 0;
    if (list_of_titled(w, s, cov, r0, res) || whose_titled(w, s, cov, r0, res) ||
        whose_single(w, s, cov, r0, res))
        return;
    if (x.p > (int64_t)x.a && ng_w__punct(w, (uint32_t)x.p, ',') &&
        (speech_tag(w, s, r1) || role_comma(&x, (uint32_t)x.p, 0) == END))
        return;
    if (x.p >= (int64_t)x.a + 3) {
        /* "the leader of the Lao People's Democratic Republic (Lao PDR) X": the acronym of
         * the state just named */
        uint32_t open = acronym_of_previous(w, cov, x.a, (uint32_t)x.p);
        if (open != (uint32_t)-1) {
            x.accepted = open;
            x.p = (int64_t)open - 1;
        }
    }
    int32_t dem;
    uint32_t pf = ng_role__portfolio_before(w, cov, x.a, r0, &dem);
    if (pf) {
        /* "... and Egyptian Expatriates X": the demonym of the portfolio is the state's */
        x.accepted = pf;
        x.p = (int64_t)pf - 1;
        x.affil = dem;
    }
    /* "Air Vice Marshal (Retd.) X": a bracketed word of class former between title and name */
    if (x.p >= (int64_t)x.a + 3 && ng_w__punct(w, (uint32_t)x.p, ')')) {
        int64_t q = x.p - 1;
        if (ng_w__punct(w, (uint32_t)q, '.')) q--;
        if (q > (int64_t)x.a && (ng_w__bits(w, (uint32_t)q) & NG_W_FORMER) &&
            ng_w__punct(w, (uint32_t)q - 1, '(')) {
            x.accepted = (uint32_t)q - 1;
            x.p = q - 2;
        }
    }
    while (x.p >= (int64_t)x.a && x.steps < 16) {
        x.steps++;
        if (prefix_step(&x, (uint32_t)x.p) == END) break;
    }
    prefix_result(&x);
}

/* The scan of an apposition, left to right after the name ending at r1. */
typedef struct sscan {
    const ng_work *w;
    const int32_t *cov;
    uint32_t a, b, r1;
    uint32_t q;     /* the token to read next */
    uint32_t last;  /* end of the apposition read so far */
    uint32_t first; /* first token after ", [the|a|an|his|her]" */
    uint32_t loose; /* lower-case words read before the head */
    uint32_t to_at; /* the last "to"/"for" */
    int have_title, after_head, after_to, indef;
    int kin;        /* the head is a family noun ("the son of Cuban immigrants"): no affiliation */
    uint32_t own_t; /* the "'s" of a person owning the role ("X, Lula's spokesman"), 0 */
    int32_t af, ti;
    int orgown;     /* an owner not resolved here owns the role ("the Commission president",
                     * "the embassy's head"): no state office */
    int venue;      /* after an expert noun's "at"/"with": the organization there is X's */
} sscan;

/* What a step of the apposition does: go ON, END it (the apposition read so far counts), or
 * QUIT (the results are set, or there is no apposition). */
enum { S_ON, S_END, S_QUIT };

/* "chief executive of the Sonatrach plant", "head of Sonatrach's new gas field", "runs the
 * big Sonatrach plant": an organization's name ending at t that names a site it runs (words
 * class facility) after it, over its "'s" and up to three lower-case words; whoever works
 * there is not the organization as a whole. 1 when so. */
int ng_role__names_facility(const ng_work *w, uint32_t t, uint32_t b)
{
    if (t < b && (w->tk.v[t].flags & NG_TK_POSS)) t++;
    for (uint32_t k = t; k < b && k < t + 4; k++) {
        ng_wbits bits = ng_w__bits(w, k);
        if (!(w->tk.v[k].flags & NG_TK_WORD) || (w->tk.v[k].flags & NG_TK_CAP) ||
            (bits & (NG_W_STOP | NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PREP | NG_W_DET)))
            return 0;
        if (bits & NG_W_FACILITY) return 1;
    }
    return 0;
}

/* A state or organization in the apposition: after "to", only the owner of the next title
 * counts ("adviser to Iranian President X"), not a destination. */
static int suffix_entity(sscan *x, const ng_mention *m, int32_t *affil_org)
{
    const ng_work *w = x->w;
    const int32_t *cov = x->cov;
    uint32_t a = x->a, b = x->b;
    int32_t ent = entity_of(m);
    int site = m->kind == NG_MK_ORG && ng_role__names_facility(w, m->t1, b);
    if (site) ent = -1;
    int owner =
        m->t1 < b && ((cov[m->t1 - a] >= 0 && w->ms[cov[m->t1 - a]].kind == NG_MK_TITLE) ||
                      ((w->tk.v[m->t1].flags & NG_TK_POSS) && m->t1 + 1 < b &&
                       cov[m->t1 + 1 - a] >= 0 && w->ms[cov[m->t1 + 1 - a]].kind == NG_MK_TITLE));
    /* "X, spokesperson for the Labor Party / the German government": the one the role
     * serves (a state after "for" is a destination: "envoy for Sudan") */
    if (x->after_to && x->have_title && x->after_head == 0 && served_after_for(w, m, b) &&
        right_after_for(w, m, x->to_at))
        x->after_to = 0;
    if ((!x->after_to || (owner && x->have_title)) && !x->kin && x->af < 0 && ent >= 0) x->af = ent;
    /* "X, an analyst at the Lowy Institute": the organization X works at, not a state
     * ("at Spain's Elcano Royal Institute" is the institute's) */
    int in_venue = x->venue, venue = in_venue && m->kind == NG_MK_ORG && !site;
    if (venue && x->af < 0 && ent >= 0 && *affil_org < 0) x->af = ent;
    if ((venue ? x->af < 0 : !x->after_to && !x->kin && !site) && ent < 0 &&
        m->kind == NG_MK_ORG && m->org >= 0 && *affil_org < 0)
        *affil_org = m->org;
    if (venue) x->venue = 0;
    x->q = m->t1;
    if (x->q < b && (w->tk.v[x->q].flags & NG_TK_POSS)) x->q++;
    if (x->after_to && owner && x->have_title) return S_ON;
    if (m->kind == NG_MK_BODY) x->have_title = 1;
    x->after_to = x->after_head = 0;
    /* the expert's venue stays outside the apposition: its state, "at Spain's Elcano
     * Royal Institute", is a node of its own */
    if (!in_venue) x->last = x->q;
    return S_ON;
}

/* "X, Lula's spokesman": the person named at x->q (a mention, or capitalized words not yet
 * read as a name) ending at the "'s" at poss owns the role that follows; the scan goes on
 * after the "'s". 0 when no role follows. */
static int person_owns_role(sscan *x, uint32_t poss)
{
    const ng_work *w = x->w;
    uint32_t r = poss + 1;
    if (x->q != x->first || x->have_title || r >= x->b || !(w->tk.v[poss].flags & NG_TK_POSS))
        return 0;
    if (!((ng_w__bits(w, r) & (NG_W_PERSONNOUN | NG_W_TITLEMOD)) ||
          (x->cov[r - x->a] >= 0 && w->ms[x->cov[r - x->a]].kind == NG_MK_TITLE)))
        return 0;
    x->own_t = poss;
    x->q = r;
    return 1;
}

/* "X, an adviser to [Supreme Leader] Y": the person named at t after the titles written
 * before the name owns the role (x->own_t: the end of that name, as the "'s" of "Y's
 * adviser"); 0 when no name comes there. */
static int advised_person(sscan *x, uint32_t t)
{
    const ng_work *w = x->w;
    while (t < x->b && x->cov[t - x->a] >= 0 && w->ms[x->cov[t - x->a]].kind == NG_MK_TITLE &&
           w->ms[x->cov[t - x->a]].t0 == t)
        t = w->ms[x->cov[t - x->a]].t1;
    if (t < x->b && x->cov[t - x->a] < 0) {
        /* a name not read yet (names are read left to right): its capitalized words */
        uint32_t k = t;
        while (k < x->b && k < t + 4 && ng_mentions__cap(w, k) && (w->tk.v[k].flags & NG_TK_WORD) &&
               !(ng_w__bits(w, k) & (NG_W_STOP | NG_W_NOTNAME)) && x->cov[k - x->a] < 0)
            k++;
        if (k < t + 2) return 0;
        x->own_t = k;
        return 1;
    }
    if (t >= x->b) return 0;
    const ng_mention *p = &w->ms[x->cov[t - x->a]];
    if (p->dead || p->n0 < t || (p->kind != NG_MK_CAND && p->kind != NG_MK_PERSON)) return 0;
    x->own_t = p->n1;
    return 1;
}

/* suffix_mention on a title: the apposition's title, or after "to" and a title of its own
 * the title of the person advised, where the apposition ends. */
static int suffix_title(sscan *x, const ng_mention *m, uint32_t *end, int32_t *affil,
                        int32_t *title, uint8_t *ev)
{
    if (x->after_to && x->have_title) {
        /* "adviser to [Brazil's] President X": the person advised comes next; the
         * apposition ends before "to", its state is that person's */
        *end = x->to_at;
        if (x->af < 0) advised_person(x, m->t1);
        if (*affil < 0) *affil = x->af;
        if (*title < 0) *title = x->ti;
        *ev |= NG_EV_APPOS;
        return S_QUIT;
    }
    if (x->ti < 0) x->ti = m->lex;
    x->have_title = x->after_head = 1;
    x->q = x->last = m->t1;
    return S_ON;
}

/* A mention that starts the next token. */
static int suffix_mention(sscan *x, const ng_mention *m, uint32_t *end, int32_t *affil,
                          int32_t *affil_org, int32_t *title, uint8_t *ev)
{
    const ng_work *w = x->w;
    if (m->kind == NG_MK_TITLE) return suffix_title(x, m, end, affil, title, ev);
    if (m->kind == NG_MK_DEMONYM && x->indef && x->q == x->first && !x->have_title &&
        m->t1 < x->b && !(ng_w__bits(w, m->t1) & (NG_W_PERSONNOUN | NG_W_TITLEMOD)) &&
        !(x->cov[m->t1 - x->a] >= 0 && w->ms[x->cov[m->t1 - x->a]].kind == NG_MK_TITLE)) {
        /* "X, an American detained in Russia": a demonym as a noun says X is a person, not
         * that X holds office */
        *end = m->t1;
        *ev |= NG_EV_APPOS;
        return S_QUIT;
    }
    if (affil_kind(m)) return suffix_entity(x, m, affil_org);
    int32_t cap = capital_owner(w, m, x->b);
    if (cap >= 0 && x->q == x->first && !x->have_title && m->t1 + 1 < x->b) {
        /* "X, Moscow's ambassador to Washington," */
        if (x->af < 0 && !x->kin) x->af = cap;
        x->q = m->t1 + 1;
        x->last = x->q;
        return S_ON;
    }
    if (m->kind == NG_MK_PLACE && cap < 0 && x->q == x->first && !x->have_title && x->af < 0 &&
        m->t1 + 1 < x->b && (w->tk.v[m->t1].flags & NG_TK_POSS) &&
        (ng_w__bits(w, m->t1 + 1) & (NG_W_PERSONNOUN | NG_W_TITLEMOD))) {
        /* "X, Scotland's first minister,": a region that is no state owns the role; X is a
         * person, whose office is no state's (kin: no title to decide a state for) */
        x->kin = 1;
        x->q = m->t1 + 1;
        return S_ON;
    }
    if (m->kind == NG_MK_PLACE && !x->have_title && m->t1 < x->b &&
        (x->af >= 0 ? (ng_w__bits(w, m->t1) & NG_W_PERSONNOUN)
                    : (ng_w__bits(w, m->t1) & NG_W_EXPERTNOUN) && x->q == x->first)) {
        /* or the region an expert studies: "X, a Pacific analyst at ..." */
        /* a region as the scope of the owner's role: "the White House Arctic coordinator" */
        x->q = m->t1;
        return S_ON;
    }
    if ((m->kind == NG_MK_CAND || m->kind == NG_MK_PERSON) && person_owns_role(x, m->t1))
        return S_ON;
    if ((m->kind == NG_MK_CAND || m->kind == NG_MK_PERSON) && x->after_to && x->have_title &&
        x->af < 0 && m->t0 <= x->to_at + 1 && advised_person(x, x->to_at + 1)) {
        /* "X, a senior adviser to Y,": Y owns the role */
        *end = x->to_at;
        if (*title < 0) *title = x->ti;
        *ev |= NG_EV_APPOS;
        return S_QUIT;
    }
    if (m->kind == NG_MK_CAND || m->kind == NG_MK_PERSON) return S_QUIT; /* a list of people */
    return S_END;
}

/* A lower-case word that may modify an organization's name ("the main opposition X"). */
static int modifier_word(const sscan *x, uint32_t q)
{
    const ng_work *w = x->w;
    return q < x->b && (w->tk.v[q].flags & NG_TK_WORD) && !ng_mentions__cap(w, q) &&
           x->cov[q - x->a] < 0 &&
           !(ng_w__bits(w, q) & (NG_W_STOP | NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PREP));
}

/* Does an organization's mention start at q? */
static int org_at(const sscan *x, uint32_t q)
{
    return q < x->b && x->cov[q - x->a] >= 0 && x->w->ms[x->cov[q - x->a]].kind == NG_MK_ORG &&
           x->w->ms[x->cov[q - x->a]].t0 == q;
}

/* A word that no mention covers. */

/* Does a name of two capitalized words start at q, right after a capitalized title's word
 * that ends a complement ("for Political Affairs Ana Ruiz")? */
static int complement_then_name(const sscan *x, uint32_t q)
{
    const ng_work *w = x->w;
    if (!x->have_title || q + 1 >= x->b || x->cov[q + 1 - x->a] >= 0 ||
        !ng_mentions__cap(w, q - 1) || !(ng_w__bits(w, q - 1) & NG_W_TITLEMOD))
        return 0;
    for (uint32_t k = q; k <= q + 1; k++)
        if (!ng_mentions__cap(w, k) || !(w->tk.v[k].flags & NG_TK_WORD) ||
            (ng_w__bits(w, k) & (NG_W_STOP | NG_W_NOTNAME | NG_W_TITLEMOD)))
            return 0;
    return 1;
}

/* "X, the Commission president,", "X, the Council's chair": right after the determiner, one
 * capitalized noun of an organization (words classes blocnoun, orghead, orgnoun, bodynoun)
 * is the short name of the role's owner, which says X is a person; which organization it is
 * is not read here (no affiliation). */
static int short_org_owner(const sscan *x, uint32_t q)
{
    const ng_work *w = x->w;
    return q == x->first && q > x->a && ng_w__is(w, q - 1, "the") && !x->indef &&
           (ng_w__bits(w, q) & (NG_W_BLOCNOUN | NG_W_ORGHEAD | NG_W_ORGNOUN | NG_W_BODYNOUN)) &&
           !(ng_w__bits(w, q) & NG_W_STOP);
}

/* suffix_word's case of a head noun or its modifier (words classes titlemod, personnoun,
 * apposmod) at q, kept apart because it carries most of the apposition's state (title,
 * kin, head). The caller has already moved x->q past q. */
static int head_word(sscan *x, uint32_t q, ng_wbits bits)
{
    const ng_work *w = x->w;
    /* "hosted by X, the presidents of A, B and C, signed": a plural head noun is no one
     * person's apposition, but the next subject (not "the US" in "presidents of"; kin
     * and the "-us" ending of a singular noun aside) */
    if ((bits & NG_W_PERSONNOUN) && !x->have_title && !(bits & NG_W_KIN) &&
        !(w->tk.v[q].flags & NG_TK_CAP) && plural_noun(w, q) &&
        ng_w__fold(w, q)[w->tk.v[q].flen - 2] != 'u' && q == x->first && q > x->a &&
        ng_w__is(w, q - 1, "the") && q + 1 < x->b && ng_w__is(w, q + 1, "of"))
        return S_QUIT;
    if (bits & NG_W_PERSONNOUN) {
        /* "X, a Kenyan activist,": the demonym before a noun of private life is no
         * office's state */
        if ((bits & NG_W_KIN) && !x->have_title) {
            x->kin = 1;
            x->af = -1;
        }
        /* "X, the foreign minister,", "X, the former prime minister,": a title written
         * in lower case, whose state is decided at the end when none is stated */
        if (!x->have_title && x->ti < 0 && !x->kin && !x->indef && !x->orgown)
            x->ti = q > x->first ? title_of_words(w, q - 1, q + 1) : -1;
        if (!x->have_title && x->ti < 0 && !x->kin && !x->indef && !x->orgown)
            x->ti = title_of_words(w, q, q + 1);
        x->have_title = x->after_head = 1;
        x->last = q + 1;
    }
    return S_ON;
}

/* suffix_word's case of a capitalized word at q once a title was read: either the
 * apposition goes on ("the President of Russia") or the next person's name begins (a list
 * of titled people), which ends the scan with S_QUIT. Kept apart as the three list tests
 * belong together. The caller has already moved x->q past q. */
static int cap_after_title(sscan *x, uint32_t q)
{
    const ng_work *w = x->w;
    /* a capitalized word right after the title is the next person's name: "Joe Biden,
     * German Chancellor Olaf Scholz" is a list, not an apposition */
    if (x->after_head) return S_QUIT;
    /* "X, the President of Russia Vladimir Putin": a name of two capitalized words right
     * after the complement's state or organization is the next person's, whose title
     * this is (a list of titled people), not X's apposition */
    if (x->af >= 0 && x->last == q && q + 1 < x->b && x->cov[q + 1 - x->a] < 0 &&
        ng_mentions__cap(w, q + 1) && (w->tk.v[q + 1].flags & NG_TK_WORD) &&
        !(ng_w__bits(w, q) & (NG_W_STOP | NG_W_NOTNAME)) &&
        !(ng_w__bits(w, q + 1) & (NG_W_STOP | NG_W_NOTNAME)))
        return S_QUIT;
    /* "X, the Under-Secretary-General for Political Affairs Ana Ruiz, ...": a name of two
     * capitalized words right after a complement that ends with a title's word
     * ("Affairs", "Security") is the next person's, as in people_of_run */
    if (q > x->first && complement_then_name(x, q)) return S_QUIT;
    x->last = x->q;
    return S_ON;
}

static int suffix_word(sscan *x)
{
    const ng_work *w = x->w;
    uint32_t q = x->q;
    ng_wbits bits = ng_w__bits(w, q);
    if (q == x->first && ng_mentions__cap(w, q) && (w->tk.v[q].flags & NG_TK_WORD) &&
        !(bits & NG_W_STOP)) {
        /* a name not read yet: "X, Boric's spokesman" */
        uint32_t k = q;
        while (k < x->b && k < q + 3 && ng_mentions__cap(w, k) && (w->tk.v[k].flags & NG_TK_WORD) &&
               x->cov[k - x->a] < 0)
            k++;
        if (k < x->b && person_owns_role(x, k)) return S_ON;
    }
    x->q++;
    if (ng_w__is(w, q, "of") || ng_w__is(w, q, "the") || ng_w__is(w, q, "and")) {
        x->after_head = 0;
        return S_ON;
    }
    /* "X, a political analyst at [the] ...": where an expert works (words class expertnoun) */
    if (x->kin && x->after_head && q > x->first && (ng_w__bits(w, q - 1) & NG_W_EXPERTNOUN) &&
        (ng_w__is(w, q, "at") || ng_w__is(w, q, "with"))) {
        x->venue = 1;
        x->after_head = 0;
        return S_ON;
    }
    if (ng_w__is(w, q, "to") || ng_w__is(w, q, "for")) {
        x->after_to = 1;
        x->to_at = q;
        x->after_head = 0;
        return S_ON;
    }
    if (x->have_title && !x->after_head && q > x->first && ng_w__is(w, q - 1, "the")) {
        /* "chief executive of the state energy company Sonatrach": up to three lower-case
         * words ending with a kind of company or organization before its name */
        uint32_t k = q;
        while (k < x->b && k < q + 3 && x->cov[k - x->a] < 0 && (w->tk.v[k].flags & NG_TK_WORD) &&
               !ng_mentions__cap(w, k) &&
               !(ng_w__bits(w, k) & (NG_W_STOP | NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PREP)))
            k++;
        if (k > q + 1 && k < x->b && (ng_w__bits(w, k - 1) & (NG_W_FIRMNOUN | NG_W_ORGNOUN)) &&
            x->cov[k - x->a] >= 0 && w->ms[x->cov[k - x->a]].kind == NG_MK_ORG &&
            w->ms[x->cov[k - x->a]].t0 == k) {
            x->q = k;
            return S_ON;
        }
    }
    /* "X, a senior member of the Y Party": a member of an organization acts for it */
    if ((bits & NG_W_MEMBERNOUN) && !(bits & NG_W_PERSONNOUN) && !x->have_title && q + 1 < x->b &&
        ng_w__is(w, q + 1, "of") && !(w->tk.v[q].flags & NG_TK_CAP))
        bits |= NG_W_PERSONNOUN;
    if (bits & (NG_W_TITLEMOD | NG_W_PERSONNOUN | NG_W_APPOSMOD)) return head_word(x, q, bits);
    /* "X, a Pacific analyst at": a capitalized word before an expert noun is the field */
    if (!x->have_title && q == x->first && q + 1 < x->b && (w->tk.v[q].flags & NG_TK_WORD) &&
        (ng_w__bits(w, q + 1) & NG_W_EXPERTNOUN) && !(ng_w__bits(w, q) & NG_W_STOP))
        return S_ON;
    if (!x->have_title && x->loose < 2 && (w->tk.v[q].flags & NG_TK_WORD) &&
        (!ng_mentions__cap(w, q) || x->af >= 0 || (x->orgown = short_org_owner(x, q))) &&
        !(bits & (NG_W_STOP | NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL |
                  NG_W_PREP)) &&
        q + 1 < x->b && (ng_w__bits(w, q + 1) & (NG_W_PERSONNOUN | NG_W_TITLEMOD))) {
        /* a word before the head: "a former guerrilla leader of X"; after the owner, a
         * capitalized one too: "the White House Indo-Pacific coordinator" */
        x->loose++;
        return S_ON;
    }
    if (x->have_title && !x->after_head && q > x->first &&
        ((ng_w__is(w, q - 1, "the") &&
          (org_at(x, q + 1) || (modifier_word(x, q + 1) && org_at(x, q + 2)))) ||
         (q > x->first + 1 && ng_w__is(w, q - 2, "the") && modifier_word(x, q - 1) &&
          org_at(x, q + 1))) &&
        modifier_word(x, q))
        return S_ON; /* "a secretary of the [main] opposition Congress party": words before
                      * the name */
    if (ng_mentions__cap(w, q) && !(w->tk.v[q].flags & NG_TK_PUNCT) && x->have_title)
        return cap_after_title(x, q);
    return S_END;
}

/* "Captain Ibrahim Traore of Burkina Faso": the state or organization after "of"; "X of the
 * [main opposition] Y party": an organization the text calls a party, group or movement (words
 * class orgnoun), after at most two lower-case modifiers, is X's and says X is a person. */
static void of_state(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t b, uint32_t r1,
                     uint32_t *end, int32_t *affil, int32_t *affil_org, uint8_t *ev)
{
    uint32_t k = r1 + 1;
    int the = k < b && ng_w__is(w, k, "the"), modifier = 0;
    if (the) k++;
    while (the && modifier < 2 && k + 1 < b && cov[k - a] < 0 && (w->tk.v[k].flags & NG_TK_WORD) &&
           !ng_mentions__cap(w, k) &&
           !(ng_w__bits(w, k) & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PREP | NG_W_DET))) {
        k++;
        modifier++;
    }
    if (k >= b || cov[k - a] < 0 || w->ms[cov[k - a]].t0 != k || w->ms[cov[k - a]].dead) return;
    const ng_mention *m = &w->ms[cov[k - a]];
    /* the kind noun after the name, or inside the dictionary's name ("Congress party",
     * "Democratic Party") */
    int inner = m->kind == NG_MK_ORG && (ng_w__bits(w, m->t1 - 1) & NG_W_ORGNOUN);
    int kind = m->kind == NG_MK_ORG && m->t1 < b && (w->tk.v[m->t1].flags & NG_TK_WORD) &&
               !ng_mentions__cap(w, m->t1) && (ng_w__bits(w, m->t1) & NG_W_ORGNOUN);
    kind |= inner;
    if (modifier && !kind) return;
    if ((m->kind != NG_MK_STATE && m->kind != NG_MK_ORG) ||
        (entity_of(m) < 0 && !(kind && m->org >= 0)))
        return;
    if (entity_of(m) >= 0 && *affil < 0) *affil = entity_of(m);
    if (entity_of(m) < 0 && *affil < 0 && *affil_org < 0) *affil_org = m->org;
    *end = kind && !inner ? m->t1 + 1 : m->t1;
    /* a name of two words at least, not "Leaders of the BRICS group" */
    if (kind && r1 >= a + 2 && ng_mentions__cap(w, r1 - 2) &&
        (w->tk.v[r1 - 2].flags & NG_TK_WORD) &&
        !(ng_w__bits(w, r1 - 1) & (NG_W_PERSONNOUN | NG_W_GROUPNOUN)))
        *ev |= NG_EV_APPOS;
}

/* The owner that opens an apposition at x->q ("X, its ambassador", "X, the country's
 * defence minister", "X, that country's president", "X, the president's adviser"): NG_OWN_*
 * (the "'s" after an owner's title in *poss), x->q moved past it; 0 if none. */
static int appos_owner(sscan *x, uint32_t *poss)
{
    const ng_work *w = x->w;
    uint32_t q = x->q, b = x->b;
    int the = q > x->r1 + 1 && ng_w__is(w, q - 1, "the");
    if (q >= b) return 0;
    if (ng_w__is(w, q, "its") || ng_w__is(w, q, "their")) {
        x->q = q + 1;
        return ng_w__is(w, q, "its") ? NG_OWN_ITS : NG_OWN_THEIR;
    }
    if (ng_w__is(w, q, "that") && q + 2 < b) {
        the = 1;
        q++;
    }
    if (!the || q + 1 >= b) return 0;
    if ((w->tk.v[q + 1].flags & NG_TK_POSS) && noun_owner(w, q)) {
        x->q = q + 2;
        return noun_owner(w, q);
    }
    if ((w->tk.v[q + 1].flags & NG_TK_POSS) && !(w->tk.v[q].flags & NG_TK_CAP) &&
        (w->tk.v[q].flags & NG_TK_WORD) && x->cov[q - x->a] < 0 && q + 2 < b &&
        (ng_w__bits(w, q + 2) & NG_W_PERSONNOUN) && !(ng_w__bits(w, q) & NG_W_STOP)) {
        /* "X, the embassy's head of chancery,": an owner this does not resolve; the role
         * after it still says X is a person (no office, no affiliation from it) */
        x->orgown = 1;
        x->q = q + 2;
    }
    for (uint32_t e = q + 1; e < b && e <= q + 3; e++) {
        if (!(w->tk.v[e].flags & NG_TK_POSS)) continue;
        if (title_owned(w, x->cov, x->a, e) != q) return 0;
        *poss = e;
        x->q = e + 1;
        return NG_OWN_TITLE;
    }
    return 0;
}

/* "A B, the Under-Secretary-General C D, the High Representative of the EU, E F, ...": is
 * the apposition just scanned followed by a comma and a name of two capitalized words (the
 * next person of a list of titled people, whose role it is)? */
static int next_titled_name(const sscan *x)
{
    const ng_work *w = x->w;
    uint32_t q = x->q - 1; /* the comma that ended the scan (suffix_word moved past it) */
    if (q <= x->r1 || q + 2 >= x->b || !ng_w__punct(w, q, ',')) return 0;
    int32_t mi = x->cov[q + 1 - x->a];
    if (mi >= 0 && w->ms[mi].kind != NG_MK_CAND && w->ms[mi].kind != NG_MK_PERSON) return 0;
    for (uint32_t k = q + 1; k <= q + 2; k++)
        if (!ng_mentions__cap(w, k) || !(w->tk.v[k].flags & NG_TK_WORD) ||
            (ng_w__bits(w, k) & (NG_W_STOP | NG_W_NOTNAME | NG_W_TITLEMOD)))
            return 0;
    return 1;
}

/* "X, who is also ASEAN Chairman", "X, who was health minister under Y", "X, who has been
 * named the bloc's envoy", "X, who was appointed as the organization's new secretary-general",
 * "X, who serves as": a relative clause that only states an office reads as an apposition;
 * the token its office starts at, else q (no such clause). */
static uint32_t who_office(const ng_work *w, uint32_t q, uint32_t b)
{
    if (q + 2 >= b || !ng_w__is(w, q, "who")) return q;
    uint32_t t = q + 1;
    int be = 0;
    if ((ng_w__is(w, t, "has") || ng_w__is(w, t, "had")) && ng_w__is(w, t + 1, "been")) {
        t += 2;
        be = 1;
    } else if (ng_w__bits(w, t) & NG_W_BE) {
        t++;
        be = 1;
    }
    while (t < b && (ng_w__bits(w, t) & NG_W_SKIPADV) && !(ng_w__bits(w, t) & NG_W_NEG))
        t++;
    if (t < b && (ng_w__bits(w, t) & NG_W_APPOINTVERB)) {
        t++;
        if (t < b && ng_w__is(w, t, "as"))
            t++;
        else if (!be)
            return q; /* "who serves" without "as" */
    } else if (!be)
        return q;
    return t < b ? t : q;
}

/* "When Clinton visited Tashkent and met Karimov, the US secretary of state praised ...": a
 * name at the comma that closes a subordinate clause opening the sentence (its first word
 * of class clause, no comma before the name, none after the comma) is followed by the main
 * clause's subject, not by an apposition ("As X, the minister, put it" keeps it); the
 * phrase still reads as evidence that the name is a person's, as it did. */
static int main_clause_after(const ng_work *w, uint32_t a, uint32_t b, uint32_t comma)
{
    if (!(ng_w__bits(w, a) & NG_W_CLAUSE) || (ng_w__bits(w, a) & NG_W_DET) || comma + 1 >= b ||
        !ng_w__is(w, comma + 1, "the"))
        return 0;
    for (uint32_t t = a; t < b; t++)
        if (t != comma && (ng_w__punct(w, t, ',') || ng_w__punct(w, t, ';') ||
                           ng_w__punct(w, t, ':')))
            return 0;
    return 1;
}

/* ng_role__after's case of "the ministers Ali Hassan (Lebanon), Ayman Safadi (Jordan) and
 * ...": a state in brackets right after a name of two words at least (r1: the name's end,
 * [a, b) the sentence) is the person's; 1 when read (the outputs set as ng_role__after's),
 * 0 otherwise. Apart because it needs none of the apposition scan's state. */
static int bracket_state(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t b,
                         uint32_t r1, uint32_t *end, int32_t *affil, uint8_t *ev)
{
    if (r1 + 2 < b && ng_w__punct(w, r1, '(') && ng_w__punct(w, r1 + 2, ')') &&
        cov[r1 + 1 - a] >= 0 && w->ms[cov[r1 + 1 - a]].kind == NG_MK_STATE &&
        w->ms[cov[r1 + 1 - a]].t0 == r1 + 1 && r1 >= a + 2 && ng_mentions__cap(w, r1 - 2) &&
        (w->tk.v[r1 - 2].flags & NG_TK_WORD)) {
        if (*affil < 0) *affil = w->ms[cov[r1 + 1 - a]].lex;
        *end = r1 + 3;
        *ev |= NG_EV_APPOS;
        return 1;
    }
    return 0;
}

void ng_role__after(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r1, uint32_t *end,
                    int32_t *affil, int32_t *affil2, int32_t *affil_org, int32_t *title,
                    uint8_t *ev, uint32_t *own_t, uint8_t *owner)
{
    const ng_wsent *se = &w->sents[s];
    sscan x = {w, cov, se->tok0, se->tok0 + se->ntok, r1, r1 + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
               0, -1,  -1, 0, 0};
    uint32_t b = x.b;
    int r = S_ON;
    *end = r1;
    if (r1 >= b) return;
    if (ng_w__is(w, r1, "of")) {
        of_state(w, cov, x.a, b, r1, end, affil, affil_org, ev);
        return;
    }
    if (bracket_state(w, cov, x.a, b, r1, end, affil, ev)) return;
    /* "Anthony Albanese MP, Prime Minister of ...": a post-nominal title in capitals stays
     * with the name, the apposition follows it */
    if (r1 + 1 < b && (w->tk.v[r1].flags & NG_TK_UPPER) && cov[r1 - x.a] >= 0 &&
        w->ms[cov[r1 - x.a]].kind == NG_MK_TITLE && w->ms[cov[r1 - x.a]].t1 == r1 + 1 &&
        ng_w__punct(w, r1 + 1, ',')) {
        *end = x.r1 = r1 = r1 + 1;
        x.q = r1 + 1;
    }
    if (!ng_w__punct(w, r1, ',')) return;
    /* "Joseph R. Biden, Jr., President of ...": the suffix ends the name, the apposition
     * follows it */
    if (r1 + 2 < b && (ng_w__bits(w, r1 + 1) & NG_W_NAMESUFFIX) && ng_w__punct(w, r1 + 2, ',')) {
        *end = x.r1 = r1 = r1 + 2;
        x.q = r1 + 1;
    }
    int main_clause = main_clause_after(w, x.a, b, r1);
    /* ", and the Minister of Trade, Y": the next item of a list, not an apposition */
    if (x.q < b && (ng_w__is(w, x.q, "and") || ng_w__is(w, x.q, "or"))) return;
    /* "from X, to the Forum's Secretary-General, Y": a preposition opens no apposition */
    if (x.q < b && ng_w__is(w, x.q, "to")) return;
    x.q = who_office(w, x.q, b);
    x.indef = x.q < b && (ng_w__is(w, x.q, "a") || ng_w__is(w, x.q, "an"));
    int titled = *title >= 0, the = x.q < b && ng_w__is(w, x.q, "the");
    if (x.q < b && (ng_w__is(w, x.q, "the") || ng_w__is(w, x.q, "a") || ng_w__is(w, x.q, "an") ||
                    ng_w__is(w, x.q, "his") || ng_w__is(w, x.q, "her")))
        x.q++;
    /* "hosted by Chile's President X, the presidents of Argentina, Brazil and Peru signed":
     * a plural title after the comma names others, no apposition of one person */
    if (the && x.q < b && (ng_w__bits(w, x.q) & NG_W_GROUPNOUN) &&
        (ng_w__bits(w, x.q) & NG_W_PERSONNOUN))
        return;
    uint32_t own_poss = 0;
    int own = appos_owner(&x, &own_poss);
    x.first = x.q;
    for (int steps = 0; x.q < b && steps < 14 && r == S_ON; steps++) {
        int32_t mi = cov[x.q - x.a];
        if (mi >= 0 && !w->ms[mi].dead)
            r = w->ms[mi].t0 == x.q
                    ? suffix_mention(&x, &w->ms[mi], end, affil, affil_org, title, ev)
                    : S_END;
        else
            r = suffix_word(&x);
    }
    /* "X, an adviser to Y": the role's owner, when the apposition gave no state */
    if (r == S_QUIT && x.own_t && x.after_to && *affil < 0 && *affil_org < 0) *own_t = x.own_t;
    if (r == S_QUIT || !x.have_title) return;
    if (titled && the && next_titled_name(&x)) return;
    /* the main clause's subject: evidence of a person as before, but no role of theirs */
    if (main_clause) {
        *ev |= NG_EV_APPOS;
        return;
    }
    /* the owner of the role is a name of its own: the apposition does not cover it */
    *end = x.own_t ? r1 : x.last > r1 ? x.last : r1;
    if (*affil < 0)
        *affil = x.af;
    else if (x.af >= 0 && x.af != *affil)
        *affil2 = x.af;
    /* an office in the apposition wins over an honorific before the name ("the Honorable
     * X, Prime Minister of Y") */
    if (x.ti >= 0 && better_title(w, *title, x.ti)) *title = x.ti;
    if (x.own_t && *affil < 0 && *affil_org < 0 && !other_side(w, x.own_t + 1, x.last))
        *own_t = x.own_t;
    if (own && !x.own_t && *affil < 0 && *affil_org < 0 && !other_side(w, x.first, x.last)) {
        *owner = (uint8_t)own;
        if (own == NG_OWN_TITLE) *own_t = own_poss;
    }
    *ev |= NG_EV_APPOS;
}
