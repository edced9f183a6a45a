/* runs.c - pass 1, step 3: runs of capitalized words that the dictionaries do not know.
 *
 * A run that ends with an organization head word (Council, Guard, Group: words.csv class
 * orghead), or is followed by an acronym in brackets, is an organization named in the text
 * (a demonym or a state's name just before belongs to it: "Malian Armed Forces"); it goes
 * on over "of", "for", "and", "the", "on", "in" ("Committee for the Transition and
 * Restoration of Institutions (CTRI)"). One ending with a place head word is a place
 * (ignored). Organizations are found first, so that a person's apposition can name one that
 * follows. The other runs are cut into names at words that are never names; a name of at
 * most five words is a person candidate with its title phrase and apposition
 * (personrole.c) and the evidence people.c weighs: a title, an apposition, a possessive
 * state, a verb of saying next to it. A treaty's name right after an exit ("withdrew from the
 * Ottawa Convention") is an organization first (treaty_exits). */
#include "mentions.h"

#include <string.h>

/* "al-Nimr", "bin-Zayed": a lower-case particle joined to a capitalized name */
static int particle_joined(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    const char *raw = w->text + k->off;
    /* no '-' in the whole fold (flen not capped), so none in the word */
    if (!(k->flags & NG_TK_DASH) && k->flen < 0xFFFF) return 0;
    const char *dash = memchr(raw, '-', k->len);
    if (!dash || dash == raw || (size_t)(dash - raw) + 1 >= k->len) return 0;
    if (!(dash[1] >= 'A' && dash[1] <= 'Z')) return 0;
    return (ng_lex__word_bits(w->lex, ng_x__tok_hash(ng_w__fold(w, t), (size_t)(dash - raw))) &
            NG_W_PARTICLE) != 0;
}

/* "Kyiv-based", "Saudi-led", "Iran-backed": a capitalized word whose last part after a
 * hyphen is a lower-case participle (three letters or more, ending in "ed") is an adjective,
 * not a name ("Yoon Suk-yeol", "Kim Jong-un" are names). */
static int hyphen_adjective(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    if (!(k->flags & NG_TK_DASH)) return 0;
    const char *raw = w->text + k->off;
    uint32_t d = k->len;
    while (d > 0 && raw[d - 1] != '-')
        d--;
    if (d == 0 || k->len - d < 3) return 0;
    for (uint32_t q = d; q < k->len; q++)
        if (!(raw[q] >= 'a' && raw[q] <= 'z')) return 0;
    return raw[k->len - 2] == 'e' && raw[k->len - 1] == 'd';
}

/* "Prime Minister KP Sharma Oli", "Vice President JD Vance": two capitals with no vowel
 * between a capitalized word (the title) and a name are the name's initials, not an acronym
 * (acronyms of two letters have a vowel: "US", "EU", "UN"). */
static int initials(const ng_work *w, uint32_t t)
{
    if (!ng_w__initials(w, t) || t == 0 || t + 1 >= w->tk.n) return 0;
    const ng_tok *p = &w->tk.v[t - 1], *n = &w->tk.v[t + 1];
    return (p->flags & NG_TK_WORD) && (p->flags & NG_TK_CAP) && !(p->flags & NG_TK_UPPER) &&
           (n->flags & NG_TK_WORD) && (n->flags & NG_TK_CAP) && !(n->flags & NG_TK_UPPER) &&
           !(n->flags & NG_TK_FIRST);
}

static int name_tok(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_NUM)) return 0;
    if (!(k->flags & NG_TK_CAP)) return particle_joined(w, t);
    /* "Micheal Martin T.D.": post-nominal letters end the name */
    if (hyphen_adjective(w, t) || (ng_w__bits(w, t) & NG_W_POSTNOMINAL)) return 0;
    if ((k->flags & NG_TK_UPPER) && k->flen > 1 && !(k->flags & NG_TK_DOT))
        /* NATO, TASS; but a regnal number after a name is the name's end: "Abdullah II" */
        return initials(w, t) ||
               ((ng_w__bits(w, t) & NG_W_NAMESUFFIX) && t > 0 &&
                (w->tk.v[t - 1].flags & NG_TK_CAP) && !(w->tk.v[t - 1].flags & NG_TK_UPPER) &&
                (w->tk.v[t - 1].flags & NG_TK_WORD));
    if (ng_w__bits(w, t) & NG_W_NOTNAME) {
        /* a month after a name and before no number is a name's part: "Zhang Jun",
         * "Kim June" (not "in June 2023", "Monday, April 3") */
        if (t == 0 || !ng_date__month(ng_w__fold(w, t), k->flen)) return 0;
        const ng_tok *pv = &w->tk.v[t - 1];
        /* "Mrs May", "Dr June": after an honorific too (words class honorword) */
        ng_wbits pb = ng_w__bits(w, t - 1);
        if (!(pv->flags & NG_TK_WORD) || !(pv->flags & NG_TK_CAP) ||
            (pv->flags & (NG_TK_UPPER | NG_TK_NUM)) ||
            ((pb & (NG_W_NOTNAME | NG_W_STOP)) && !(pb & NG_W_HONORWORD)) ||
            pv->off + pv->len + 1 != k->off)
            return 0;
        if (t + 1 < w->tk.n && (w->tk.v[t + 1].flags & NG_TK_NUM)) return 0;
        return 1;
    }
    return 1;
}

static int is_particle(const ng_work *w, uint32_t t)
{
    return (w->tk.v[t].flags & NG_TK_WORD) && (ng_w__bits(w, t) & NG_W_PARTICLE);
}

/* Capitalized words that are never a person's name but can be part of an organization's
 * ("National", "Security", "Supreme"). */
static int run_tok(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_NUM) || !(k->flags & NG_TK_CAP)) return 0;
    if ((k->flags & NG_TK_UPPER) && k->flen > 1) return 0;
    ng_wbits bits = ng_w__bits(w, t);
    return (bits & NG_W_NOTNAME) && !(bits & NG_W_STOP) &&
           ng_date__month(ng_w__fold(w, t), k->flen) == 0 &&
           ng_date__weekday(ng_w__fold(w, t), k->flen) < 0;
}

/* CLS_UPPER: a word in capitals, where the second pass may find a family name (see
 * caps_family_name) */
enum { CLS_NAME = 1, CLS_RUN = 2, CLS_UPPER = 4 };

/* Both tests depend only on the tokens (fixed once the article is tokenized), and the passes
 * below ask them several times per token: each is computed once per sentence. */
static void classify(const ng_work *w, uint32_t a, uint32_t b, uint8_t *cls)
{
    /* the tokens through a local pointer: a store to cls (bytes) may alias w->tk.v, which the
     * compiler would load again at every token */
    const ng_tok *v = w->tk.v;
    for (uint32_t t = a; t < b; t++) {
        /* a word with no capital is a name only when a particle joins it ("al-Nimr"; see
         * particle_joined) */
        if (!(v[t].flags & (NG_TK_CAP | NG_TK_DASH)) && v[t].flen < 0xFFFF) {
            cls[t - a] = 0;
            continue;
        }
        cls[t - a] = (uint8_t)((name_tok(w, t) ? CLS_NAME : 0) | (run_tok(w, t) ? CLS_RUN : 0) |
                               (w->tk.v[t].flags & NG_TK_UPPER ? CLS_UPPER : 0));
    }
}

static int is_name_tok(const ng_work *w, uint32_t t)
{
    return w->run_cls[t - w->run_cls0] & CLS_NAME;
}

static int is_run_tok(const ng_work *w, uint32_t t)
{
    return w->run_cls[t - w->run_cls0] & CLS_RUN;
}

static int find_or_add_org(ng_work *w, int32_t *out, uint64_t name_h, uint32_t name_m, int32_t lex,
                           int32_t st)
{
    for (size_t i = 0; i < w->n_neworgs; i++)
        if (w->neworgs[i].name_h == name_h && w->neworgs[i].lex == lex) {
            *out = (int32_t)i;
            return NG_OK;
        }
    if (NG_ARRAY_GROW(w->neworgs, w->cap_neworgs, w->n_neworgs + 1) < 0) return NG_ENOMEM;
    ng_neworg *o = &w->neworgs[w->n_neworgs];
    memset(o, 0, sizeof *o);
    o->name_h = name_h;
    o->name_m = name_m;
    o->lex = lex;
    o->st = st;
    o->actor = -1;
    *out = (int32_t)w->n_neworgs++;
    return NG_OK;
}

/* "(ACR)" at t: the acronym token's hash, 0 when the tokens are not that. */
static uint64_t acronym_at(const ng_work *w, uint32_t t, uint32_t b)
{
    if (t + 2 >= b || *ng_w__fold(w, t) != '(' || *ng_w__fold(w, t + 2) != ')') return 0;
    const ng_tok *k = &w->tk.v[t + 1];
    if (!(k->flags & NG_TK_WORD) || !(k->flags & NG_TK_CAP) || k->flen < 2 || k->flen > 10)
        return 0;
    /* mostly capitals: "CNSP", "FAMa", "MoU" */
    int caps = 0;
    for (uint32_t i = 0; i < k->len; i++) {
        char c = w->text[k->off + i];
        if (c >= 'A' && c <= 'Z') caps++;
    }
    if (caps * 2 < (int)k->flen) return 0;
    return k->h;
}

/* Do the capitalized words of [t0, t1) spell the acronym in brackets at t1, one initial
 * each ("Maldivian Democratic Party (MDP)", "Commonwealth Ministerial Action Group (CMAG)")? */
static int acronym_spells(const ng_work *w, uint32_t t0, uint32_t t1)
{
    const ng_tok *acr = &w->tk.v[t1 + 1];
    uint32_t n = 0;
    for (uint32_t k = t0; k < t1; k++) {
        if (!ng_mentions__cap(w, k) || !(w->tk.v[k].flags & NG_TK_WORD)) continue;
        if (n >= acr->len || (w->text[acr->off + n] | 32) != (w->text[w->tk.v[k].off] | 32))
            return 0;
        n++;
    }
    return n == acr->len;
}

static uint64_t seq_hash(const ng_work *w, uint32_t t0, uint32_t t1)
{
    uint64_t h = NG_SEQ_SEED;
    for (uint32_t t = t0; t < t1; t++)
        h = ng_x__seq_hash(h, w->tk.v[t].h);
    return h;
}

/* "Foreign Minister Israel Katz": a one-word state name before the run, after a title, is
 * the first name; returns the run's new start. */
static uint32_t state_as_first_name(ng_work *w, uint32_t a, int32_t *cov, uint32_t r0)
{
    if (!(r0 > a && cov[r0 - 1 - a] >= 0)) return r0;
    ng_mention *d = &w->ms[cov[r0 - 1 - a]];
    if (!d->dead && d->t1 == r0 && d->t1 - d->t0 == 1 &&
        (d->kind == NG_MK_STATE || d->kind == NG_MK_PLACE || d->kind == NG_MK_DEMONYM) &&
        d->t0 > a && cov[d->t0 - 1 - a] >= 0 && w->ms[cov[d->t0 - 1 - a]].kind == NG_MK_TITLE) {
        d->dead = 1;
        cov[d->t0 - a] = -1;
        return d->t0;
    }
    return r0;
}

/* "Israel Katz, Israel's defence minister, said", "the Israeli Minister for Foreign Affairs,
 * Israel Katz, who": a one-word state name right before a one-word run that a title
 * apposition follows, or that a title phrase and a comma precede, is the first name (the run
 * alone would be "Katz" of Israel); returns the run's new start. */
static uint32_t state_first_name_appos(ng_work *w, uint32_t s, int32_t *cov, uint32_t r0,
                                       uint32_t r1)
{
    uint32_t a = w->sents[s].tok0;
    if (r1 - r0 != 1 || r0 <= a || cov[r0 - 1 - a] < 0) return r0;
    ng_mention *d = &w->ms[cov[r0 - 1 - a]];
    if (d->dead || d->kind != NG_MK_STATE || d->t1 != r0 || d->t1 - d->t0 != 1) return r0;
    /* not an owner, an object or a list's member: "Israel Katz" opens its sentence or a
     * clause after a comma */
    if (d->t0 > a && !ng_w__punct(w, d->t0 - 1, ',')) return r0;
    if (d->t0 > a + 1 && ng_w__is(w, d->t0 - 2, "and")) return r0;
    uint32_t end = r1, own_t = 0;
    int32_t st = -1, st2 = -1, st_org = -1, title = -1;
    uint8_t ev = 0, owner = 0;
    ng_role__after(w, s, cov, r1, &end, &st, &st2, &st_org, &title, &ev, &own_t, &owner);
    if (!(ev & NG_EV_APPOS)) {
        /* "the Israeli Minister for Foreign Affairs, Israel Katz, who": a title phrase before
         * the comma is the name's, as an apposition after it would be */
        prefix_res pr;
        if (d->t0 == a) return r0;
        ng_role__before(w, s, cov, d->t0, r1, &pr);
        if (pr.start >= d->t0 || !(pr.ev & NG_EV_APPOS)) return r0;
    }
    d->dead = 1;
    cov[d->t0 - a] = -1;
    return d->t0;
}

/* Is the word at t a plural noun (a word of four letters or more ending in "s", not "ss" or
 * "us")? */
static int plural_word(const ng_work *w, uint32_t t)
{
    const char *f = ng_w__fold(w, t);
    uint16_t fl = w->tk.v[t].flen;
    return fl > 3 && f[fl - 1] == 's' && f[fl - 2] != 's' && f[fl - 2] != 'u';
}

/* "Minister of State for Railways Raosaheb Danve", "Minister of Natural Resources Alexander
 * Kozlov", "Minister of Youth and Sports X": after a title's "for"/"of" (or its "and"), the
 * words of the run up to a plural noun among its first two belong to the title when two
 * words at least follow it. The number of words to skip, 0 if none. */
static uint32_t title_plural(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t r0,
                             uint32_t r1)
{
    if (!(r1 - r0 >= 3 && r0 > a + 1 &&
          (ng_w__is(w, r0 - 1, "for") || ng_w__is(w, r0 - 1, "of") || ng_w__is(w, r0 - 1, "and"))))
        return 0;
    int title_near = 0;
    for (uint32_t q = r0 - 1; q > a && q + 6 > r0 && !title_near; q--)
        title_near = cov[q - 1 - a] >= 0 && w->ms[cov[q - 1 - a]].kind == NG_MK_TITLE;
    if (!title_near) return 0;
    if (plural_word(w, r0)) return 1;
    if (r1 - r0 >= 4 && plural_word(w, r0 + 1)) return 2;
    /* "Minister of Youth Fathallah Al-Zani", "Governor of Kano Abba Yusuf": three words right
     * after the title's "of" are a one-word complement and a name of two */
    return r1 - r0 == 3 && ng_w__is(w, r0 - 1, "of") ? 1 : 0;
}

/* Words that look like a name but are not one: one word coordinated inside a title's
 * complement ("the Minister of Energy, Petroleum and Mines, X"); a name's suffix after a comma
 * ("X, Jr."); title modifiers before a
 * title ("Corps General X", "Brigadier General X"). */
static int not_a_name(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov, uint32_t r0,
                      uint32_t r1)
{
    if (r1 - r0 == 1 && r1 + 1 < b && ng_w__is(w, r1, "and") && ng_mentions__cap(w, r1 + 1) &&
        r0 > a && ng_w__punct(w, r0 - 1, ','))
        return 1;
    /* "Joseph R. Biden, Jr., President of ...": the suffix of the name before the comma */
    if (r1 - r0 == 1 && r0 > a && ng_w__punct(w, r0 - 1, ',') &&
        (ng_w__bits(w, r0) & NG_W_NAMESUFFIX))
        return 1;
    if (r1 < b && cov[r1 - a] >= 0 && w->ms[cov[r1 - a]].kind == NG_MK_TITLE) {
        uint32_t k;
        for (k = r0; k < r1 && (ng_w__bits(w, k) & NG_W_TITLEMOD); k++) {
        }
        if (k == r1) return 1;
    }
    return 0;
}

/* Does a verb trigger start at t whose relation only a person can be the subject of
 * (affiliated_with: "headed", "chaired")? */
static int person_verb(const ng_work *w, uint32_t t)
{
    for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[t].h); i >= 0;
         i = w->lex->triggers[i].next) {
        const ng_trigger *tr = &w->lex->triggers[i];
        if (tr->form == NG_TR_VERB && tr->n_slot == 1 &&
            ng_rel_allows(tr->rel, NG_ETYPE_PERSON, NG_ETYPE_ORG) &&
            !ng_rel_allows(tr->rel, NG_ETYPE_STATE, NG_ETYPE_ORG) &&
            !ng_rel_allows(tr->rel, NG_ETYPE_ORG, NG_ETYPE_ORG))
            return 1;
    }
    return 0;
}

/* Is tr a meeting of people: a trigger of one word of a symmetric relation between people
 * that names no document (met, not signed)? The test of meeting_object and meeting_subject. */
static int meeting_of_people(const ng_trigger *tr)
{
    return tr->n_slot == 1 && !(tr->flags & NG_TRF_DOC) && ng_rel_symmetric(tr->rel) &&
           ng_rel_allows(tr->rel, NG_ETYPE_PERSON, NG_ETYPE_PERSON);
}

/* "met X", "a meeting with X", "held talks with X": is the name starting at r0 the object of
 * a meeting (a trigger of one word of a symmetric relation between people that names no
 * document: met, not signed) right before it, or before "with" right before it? A name of
 * two words there is a person's, as after a verb of saying. */
static int meeting_object(const ng_work *w, uint32_t a, uint32_t r0)
{
    int with = r0 >= a + 2 && ng_w__is(w, r0 - 1, "with");
    if (r0 < a + 1 + (uint32_t)with) return 0;
    uint32_t q = r0 - 1 - (uint32_t)with;
    if (w->tk.v[q].flags & NG_TK_CAP) return 0;
    uint64_t with_h = with ? w->tk.v[r0 - 1].h : 0;
    for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[q].h); i >= 0;
         i = w->lex->triggers[i].next) {
        const ng_trigger *tr = &w->lex->triggers[i];
        if (!meeting_of_people(tr)) continue;
        for (uint8_t k = 0; k < tr->n_prep; k++)
            if (tr->prep[k] == with_h) return 1;
    }
    return 0;
}

/* "spoke to X", "phoned X", "in a phone call with X": does a phrase of words class talkto
 * (at most four words) end right before the name starting at r0? */
static int talked_to(const ng_work *w, uint32_t a, uint32_t r0)
{
    for (uint32_t k = 1; k <= 4 && r0 >= a + k; k++)
        if (ng_w__phrase(w, r0 - k, r0, NG_W_TALKTO, NULL) == k) return 1;
    return 0;
}

/* Does the name ending at r1 end its noun phrase (the sentence ends, or punctuation, a
 * preposition, "and", a verb of being or saying follows), so that it is no modifier of a
 * noun after it ("met Camp David staff")? */
static int name_ends_phrase(const ng_work *w, uint32_t b, uint32_t r1)
{
    if (r1 >= b || (w->tk.v[r1].flags & NG_TK_PUNCT) || ng_w__is(w, r1, "and")) return 1;
    return !(w->tk.v[r1].flags & NG_TK_CAP) &&
           (ng_w__bits(w, r1) & (NG_W_PREP | NG_W_LOCPREP | NG_W_BE | NG_W_SAY)) != 0;
}

/* "When Hillary Clinton visited Tashkent", "..., when Andres Manuel Lopez Obrador hosted the
 * summit": a name of two words or more that opens its clause (the sentence, or after a clause
 * word or a comma) right before a finite verb of meeting (a one-slot trigger of a symmetric
 * relation between people that names no document, not its -ing form) is its subject, a
 * person, as before a verb of saying. */
static int meeting_subject(const ng_work *w, uint32_t a, uint32_t b, uint32_t r0, uint32_t r1)
{
    /* two to four words, particles aside ("Jose Maria de la Fuente") */
    uint32_t words = 0;
    for (uint32_t t = r0; t < r1; t++)
        if (!(ng_w__bits(w, t) & NG_W_PARTICLE)) words++;
    if (words < 2 || words > 4) return 0;
    /* "X Y also met", "X Y has received": at most two adverbs or perfect marks before it */
    uint32_t q = r1;
    while (q < b && q < r1 + 2 && !(w->tk.v[q].flags & NG_TK_CAP) &&
           (ng_w__bits(w, q) & (NG_W_SKIPADV | NG_W_PAST_MARK)))
        q++;
    if (q >= b || (w->tk.v[q].flags & (NG_TK_CAP | NG_TK_PUNCT))) return 0;
    /* "Santa Cruz hosted the fair": a venue hosts too; only a name of three words or more
     * ("Andres Manuel Lopez Obrador") is a person's there */
    if ((ng_w__bits(w, q) & NG_W_VENUEVERB) && r1 - r0 < 3) return 0;
    if (r0 > a && !(ng_w__bits(w, r0 - 1) & NG_W_CLAUSE) && !ng_w__punct(w, r0 - 1, ','))
        return 0;
    size_t n = w->tk.v[q].flen;
    if (n > 4 && memcmp(ng_w__fold(w, q) + n - 3, "ing", 3) == 0) return 0;
    for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[q].h); i >= 0;
         i = w->lex->triggers[i].next) {
        const ng_trigger *tr = &w->lex->triggers[i];
        if (tr->form == NG_TR_VERB && meeting_of_people(tr)) return 1;
    }
    return 0;
}

/* "three deputy ministers, among them X", "several officials, including X": a name of two
 * words or more right after "including" or "among them" that follows a plural noun of
 * people and a comma is one of those people; their state is the demonym or state right
 * before the noun (one lower-case word between at most: "three Maldivian deputy ministers")
 * in *st, else -1. */
static int people_among(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t t, int32_t *st)
{
    uint32_t q;
    if (t >= a + 3 && ng_w__is(w, t - 1, "including"))
        q = t - 2;
    else if (t >= a + 4 && ng_w__is(w, t - 1, "them") && ng_w__is(w, t - 2, "among"))
        q = t - 3;
    else
        return 0;
    if (!ng_w__punct(w, q, ',')) return 0;
    ng_wbits bits = ng_w__bits(w, q - 1);
    if (!(bits & NG_W_PERSONNOUN) || !(bits & NG_W_GROUPNOUN) || (w->tk.v[q - 1].flags & NG_TK_CAP))
        return 0;
    *st = -1;
    for (uint32_t d = q - 1; d > a && d + 3 > q; d--) {
        int32_t mi = cov[d - 1 - a];
        if (mi >= 0 && !w->ms[mi].dead && w->ms[mi].t1 == d &&
            (w->ms[mi].kind == NG_MK_DEMONYM || w->ms[mi].kind == NG_MK_STATE) &&
            w->lex->ents[w->ms[mi].lex].type == NG_ETYPE_STATE) {
            *st = w->ms[mi].lex;
            break;
        }
        if (mi >= 0 || (w->tk.v[d - 1].flags & (NG_TK_CAP | NG_TK_PUNCT))) break;
    }
    return 1;
}

/* "Presidents A B and C D", "Foreign Ministers A B and C D": is token t a capitalized plural
 * noun of people (words classes personnoun and groupnoun), a title written for a list? */
static int plural_title(const ng_work *w, uint32_t t)
{
    ng_wbits bits = ng_w__bits(w, t);
    return (w->tk.v[t].flags & NG_TK_CAP) && !(w->tk.v[t].flags & NG_TK_UPPER) &&
           (bits & NG_W_PERSONNOUN) && (bits & NG_W_GROUPNOUN);
}

/* "a generation of leftist leaders - Hugo Chavez, Luiz Inacio Lula da Silva, the Kirchners,
 * Rafael Correa": a name in a list that a dash or a colon opens right after a plural noun of
 * people in lower case ("leaders", "presidents": words classes personnoun and groupnoun)
 * is a person's. Back from r0 over the list's names, particles, "the", commas and "and". */
static int plural_people_list(const ng_work *w, uint32_t a, uint32_t r0)
{
    for (uint32_t t = r0; t > a + 1 && t + 24 > r0; t--) {
        uint32_t k = t - 1;
        const ng_tok *v = &w->tk.v[k];
        if (ng_w__punct(w, k, '-') || ng_w__punct(w, k, ':')) {
            ng_wbits bits = ng_w__bits(w, k - 1);
            return !(w->tk.v[k - 1].flags & NG_TK_CAP) && (bits & NG_W_PERSONNOUN) &&
                   (bits & NG_W_GROUPNOUN);
        }
        if (!(ng_w__punct(w, k, ',') || ng_w__is(w, k, "and") || ng_w__is(w, k, "the") ||
              is_particle(w, k) || ((v->flags & NG_TK_WORD) && (v->flags & NG_TK_CAP))))
            return 0;
    }
    return 0;
}

/* "Peru, under Open Skies, has": is no word of [r0, r1) of a class of words.csv ("open")
 * but a name particle, so that the words may be a leader's name? */
static int plain_name_words(const ng_work *w, uint32_t r0, uint32_t r1)
{
    for (uint32_t t = r0; t < r1; t++)
        if (ng_w__bits(w, t) & ~(ng_wbits)NG_W_PARTICLE) return 0;
    return 1;
}

/* Is "under" at u a term under a leader, not under a plan or a rule ("under Open Skies",
 * "under Lend Lease")? A form of "serve" at most eight words before it ("served as
 * vice-president under X and later under Y"), or a state and a comma right before it and a
 * comma after the name at r1 ("Honduras, under X, has backed ..."). */
static int served_under(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov, uint32_t u,
                        uint32_t r1)
{
    if (r1 < b && ng_w__is(w, r1, "of")) return 0; /* "under Chapter Seven of the Charter" */
    for (uint32_t q = u; q > a && q + 9 > u; q--) {
        const char *f = ng_w__fold(w, q - 1);
        if (w->tk.v[q - 1].flen >= 5 && memcmp(f, "serv", 4) == 0 &&
            !(w->tk.v[q - 1].flags & NG_TK_CAP))
            return 1;
    }
    if (u < a + 2 || !ng_w__punct(w, u - 1, ',') || r1 >= b || !ng_w__punct(w, r1, ',')) return 0;
    if (!plain_name_words(w, u + 1, r1)) return 0;
    int32_t mi = cov[u - 2 - a];
    return mi >= 0 && !w->ms[mi].dead && w->ms[mi].kind == NG_MK_STATE;
}

/* "Honduras, under Xiomara Castro, has backed ...": the state (lexicon entity) a leader
 * named in commas after "under" leads, else -1. */
static int32_t state_under(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                           uint32_t r0, uint32_t r1)
{
    if (r0 < a + 3 || !ng_w__is(w, r0 - 1, "under") || !ng_w__punct(w, r0 - 2, ',') || r1 >= b ||
        !ng_w__punct(w, r1, ','))
        return -1;
    int32_t mi = cov[r0 - 3 - a];
    if (mi < 0 || w->ms[mi].dead || w->ms[mi].kind != NG_MK_STATE || w->ms[mi].t1 != r0 - 2 ||
        !plain_name_words(w, r0, r1))
        return -1;
    return w->ms[mi].lex;
}

/* "the government of X Y", "the former regime of X Y withdrew ...": a name of two words or
 * more after a government noun's "of" (r0 - 1), ending its phrase or followed by a verb
 * (a lower-case word: "granted", "unilaterally"), is the leader it is named after. */
static int gov_of_leader(const ng_work *w, uint32_t b, uint32_t r0, uint32_t r1)
{
    ng_wbits gb = ng_w__bits(w, r0 - 2);
    if ((w->tk.v[r0 - 2].flags & NG_TK_CAP) || !(gb & NG_W_GOVNOUN) ||
        (gb & (NG_W_PERSONNOUN | NG_W_GROUPNOUN)))
        return 0;
    if (name_ends_phrase(w, b, r1)) return 1;
    const ng_tok *k = &w->tk.v[r1];
    /* not a noun the name modifies: "the regime of Sea Dragon captains" */
    return (k->flags & NG_TK_WORD) && !(k->flags & (NG_TK_CAP | NG_TK_NUM | NG_TK_POSS)) &&
           !plural_word(w, r1) &&
           !(ng_w__bits(w, r1) & (NG_W_PERSONNOUN | NG_W_GOVNOUN | NG_W_TROOPS | NG_W_ORGNOUN |
                                  NG_W_BODYWORD | NG_W_GROUPNOUN));
}

/* Does the organization named in the text o (neworgs index) come in [r1, end) right after
 * "of" or "of the" ("chairman of the State Administration Council"), not after another
 * name ("of the EAC Summit of Heads of State": a cut name)? */
static int org_after_of(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t r1,
                        uint32_t end, int32_t o)
{
    for (uint32_t t = r1 + 1; t < end; t++) {
        int32_t mi = cov[t - a];
        if (mi < 0 || w->ms[mi].dead || w->ms[mi].kind != NG_MK_ORG || w->ms[mi].org != o ||
            w->ms[mi].t0 != t)
            continue;
        uint32_t p = ng_w__is(w, t - 1, "the") ? t - 2 : t - 1;
        return p > r1 && ng_w__is(w, p, "of");
    }
    return 0;
}

/* "Paetongtarn's father", "X Y's widow,": is the name ending at end a possessive whose family
 * member follows (a lower-case noun of family, then no noun of a body: not "a sister party")? */
static int family_possessive(const ng_work *w, uint32_t b, uint32_t end)
{
    return end + 1 < b && (w->tk.v[end].flags & NG_TK_POSS) && !ng_mentions__cap(w, end + 1) &&
           (ng_w__bits(w, end + 1) & NG_W_FAMILYNOUN) &&
           (end + 2 >= b ||
            !(ng_w__bits(w, end + 2) & (NG_W_FIRMNOUN | NG_W_ORGNOUN | NG_W_BLOCNOUN)));
}

/* add_candidate's evidence from the words around the name [r0, r1) (its role phrase from p0
 * to m->t1): saying, "who", an agent or object of meeting or talking, the leader after
 * "under" or a government's "of", the state under which it serves, a plural title, into
 * m->ev and m->st. */
static void name_evidence(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                          uint32_t r0, uint32_t r1, uint32_t p0, ng_mention *m)
{
    uint32_t end = m->t1;
    /* verbs of saying next to the name */
    if (end < b && (ng_w__bits(w, end) & NG_W_SAY)) m->ev |= NG_EV_SAY;
    /* "X, who heads the party, ...", "X, whose daughter": "who" speaks of a person; so does a
     * government named after its head ("Paul Kagame's government", "the X administration") */
    if (end + 1 < b && ng_w__punct(w, end, ',') &&
        (ng_w__is(w, end + 1, "who") || ng_w__is(w, end + 1, "whose")))
        m->ev |= NG_EV_WHO;
    if (end + 1 < b && (w->tk.v[end].flags & NG_TK_POSS) && !ng_mentions__cap(w, end + 1) &&
        (ng_w__bits(w, end + 1) & NG_W_GOVNOUN) && !(ng_w__bits(w, end + 1) & NG_W_TROOPS))
        m->ev |= NG_EV_WHO;
    if (family_possessive(w, b, end)) m->ev |= NG_EV_WHO;
    if (p0 > a && (ng_w__bits(w, p0 - 1) & NG_W_SAY)) m->ev |= NG_EV_SAY;
    /* a phrase of saying right before ("according to X") */
    if (p0 >= a + 2 && ng_w__phrase(w, p0 - 2, p0, NG_W_SAY, NULL) == 2)
        m->ev |= NG_EV_SAY;
    /* "the government headed by X"; "met X", "a meeting with X" */
    if (p0 >= a + 2 && ng_w__is(w, p0 - 1, "by") && person_verb(w, p0 - 2))
        m->ev |= NG_EV_AGENT;
    if (p0 == r0 && r1 - r0 >= 2 && meeting_object(w, a, r0) && name_ends_phrase(w, b, r1))
        m->ev |= NG_EV_AGENT;
    if (p0 == r0 && meeting_subject(w, a, b, r0, r1)) m->ev |= NG_EV_SAY;
    /* "spoke to X by phone", "phoned X", "a phone call with X": a person is spoken to */
    if (p0 == r0 && r1 - r0 >= 2 && talked_to(w, a, r0) && name_ends_phrase(w, b, r1))
        m->ev |= NG_EV_AGENT;
    /* "served as vice-president under X Y", "Honduras, under X Y, has ...", "under the
     * administration of X Y", "the government of X Y": a name of two words or more that ends
     * its phrase after "under" or a government noun's "of" is the person who leads */
    if (p0 == r0 && r0 > a + 1 && r1 - r0 >= 2 &&
        ((ng_w__is(w, r0 - 1, "under") && name_ends_phrase(w, b, r1) &&
          served_under(w, a, b, cov, r0 - 1, r1)) ||
         (ng_w__is(w, r0 - 1, "of") && gov_of_leader(w, b, r0, r1))))
        m->ev |= NG_EV_WHO;
    if (p0 == r0 && r1 - r0 >= 2 && m->st < 0 && m->st_org < 0 && !m->owner)
        m->st = state_under(w, a, b, cov, r0, r1);
    /* "Presidents A B and C D": a plural title right before a name of two words */
    if (p0 == r0 && r0 > a && r1 - r0 >= 2 &&
        (plural_title(w, r0 - 1) || plural_people_list(w, a, r0)))
        m->ev |= NG_EV_TITLE;
}

/* Adds the person candidate named by tokens [r0, r1), with its role around the name. */
static int add_candidate(ng_work *w, uint32_t s, int32_t *cov, uint32_t r0, uint32_t r1)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok;
    ng_mention m;
    prefix_res pr;
    uint32_t idx, end;
    int error;
    ng_mentions__init(&m, s, r0, r1, NG_MK_CAND);
    ng_role__before(w, s, cov, r0, r1, &pr);
    m.t0 = pr.start;
    m.ev = pr.ev;
    m.st = pr.affil;
    m.st_org = pr.affil_org;
    m.title = pr.title;
    m.owner = pr.owner;
    m.own_t = pr.own_t;
    /* "In Kandahar, the governor said": a name right after in/at/near with nothing before
     * it is a place, which the words after the comma do not describe */
    end = r1;
    if (!(pr.start == r0 && r0 > a &&
          (ng_w__is(w, r0 - 1, "in") || ng_w__is(w, r0 - 1, "at") || ng_w__is(w, r0 - 1, "near"))))
        ng_role__after(w, s, cov, r1, &end, &m.st, &m.st2, &m.st_org, &m.title, &m.ev, &m.own_t,
                       &m.owner);
    if (m.st2 < 0 && pr.affil2 >= 0) m.st2 = pr.affil2;
    if (m.st2 < 0) m.st2_org = pr.affil2_org;
    /* "Myanmar's Senior General X, chairman of the State Administration Council": a state
     * before the name and an organization named in the apposition, both */
    if (m.st >= 0 && m.st2 < 0 && m.st2_org < 0 && pr.affil_org < 0 && m.st_org >= 0 &&
        org_after_of(w, a, cov, r1, end, m.st_org))
        m.st2_org = m.st_org;
    if (m.own_t && !m.owner) m.owner = NG_OWN_PERSON;
    if (m.st >= 0) m.owner = 0;
    m.t1 = end;
    name_evidence(w, a, b, cov, r0, r1, pr.start, &m);
    int32_t among_st;
    if (r1 - r0 >= 2 && pr.start == r0 && people_among(w, a, cov, pr.start, &among_st)) {
        m.ev |= NG_EV_APPOS;
        if (m.st < 0 && m.st_org < 0 && !m.owner) m.st = among_st;
    }
    if ((error = ng_mentions__add(w, &idx, &m)) < 0) return error;
    ng_mentions__cover(cov, a, r0, r1, (int32_t)idx);
    return NG_OK;
}

/* Is token t written like a Korean given name, a capital, lower-case letters, a hyphen and
 * lower-case letters ("Kwang-chol", "Jong-un"; not "North-South", "UN-backed")? */
static int hyphen_given_name(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    const char *p = w->text + k->off;
    uint32_t i = 1, dash = 0;
    if ((k->flags & (NG_TK_CAP | NG_TK_UPPER | NG_TK_DASH)) != (NG_TK_CAP | NG_TK_DASH) ||
        k->len < 5 || k->len > 16 || p[0] < 'A' || p[0] > 'Z')
        return 0;
    for (; i < k->len; i++)
        if (p[i] == '-' && !dash && i > 1 && i + 1 < k->len)
            dash = i;
        else if (p[i] < 'a' || p[i] > 'z')
            return 0;
    return dash != 0;
}

/* A two-letter function word inside the sentence, written with a capital right before a
 * lone such given name [r0, r1), is a family name: "and No Kwang-chol, then", "Minister No
 * Kwang-chol said" (never the sentence's first word, nor after a quote or colon: "No
 * Pyongyang-backed group ..."). */
static int function_word_family_name(const ng_work *w, uint32_t a, const int32_t *cov,
                                     uint32_t r0, uint32_t r1)
{
    if (r1 != r0 + 1 || r0 < a + 2 || cov[r0 - 1 - a] >= 0) return 0;
    const ng_tok *f = &w->tk.v[r0 - 1];
    if (f->len != 2 || !(ng_w__bits(w, r0 - 1) & NG_W_STOP) ||
        (f->flags & (NG_TK_FIRST | NG_TK_UPPER)) || !(f->flags & NG_TK_CAP) ||
        f->off + f->len + 1 != w->tk.v[r0].off)
        return 0;
    if ((w->tk.v[r0 - 2].flags & NG_TK_PUNCT) && !ng_w__punct(w, r0 - 2, ',')) return 0;
    return hyphen_given_name(w, r0);
}

/* "the Rt Hon Patricia Scotland QC", "Baroness Scotland had": a one-word place or state
 * right after a one-word name that a title precedes [r0, r1), or right after an honorific
 * (r0 == r1), and before no capitalized word nor "'s", is the person's surname, not the
 * place. Kills the place's mention and returns the name's new end; r1 when not so. */
static uint32_t place_as_surname(ng_work *w, uint32_t a, uint32_t b, int32_t *cov, uint32_t r0,
                                 uint32_t r1)
{
    if (r1 - r0 > 1 || r0 <= a || r1 + 1 > b || cov[r0 - 1 - a] < 0 || cov[r1 - a] < 0) return r1;
    const ng_mention *ti = &w->ms[cov[r0 - 1 - a]];
    ng_mention *p = &w->ms[cov[r1 - a]];
    if (ti->dead || ti->kind != NG_MK_TITLE || ti->t1 != r0 || p->dead || p->t0 != r1 ||
        p->t1 != r1 + 1 || (p->kind != NG_MK_PLACE && p->kind != NG_MK_STATE) ||
        (w->tk.v[r1].flags & NG_TK_POSS))
        return r1;
    if (r0 == r1 && w->lex->titles[ti->lex].kind != NG_TITLE_HONORIFIC) return r1;
    if (r1 + 1 < b && (w->tk.v[r1 + 1].flags & NG_TK_POSS)) return r1;
    if (r1 + 1 < b && ng_mentions__cap(w, r1 + 1) && !(w->tk.v[r1 + 1].flags & NG_TK_PUNCT) &&
        !(cov[r1 + 1 - a] >= 0 && w->ms[cov[r1 + 1 - a]].kind == NG_MK_TITLE))
        return r1;
    p->dead = 1;
    cov[r1 - a] = -1;
    return r1 + 1;
}

/* The words of a name [r0, r1) that are not particles: "Mohammed bin Abdulrahman bin Jassim
 * Al Thani" has five. */
static uint32_t name_word_count(const ng_work *w, uint32_t r0, uint32_t r1)
{
    uint32_t n = 0;
    for (uint32_t t = r0; t < r1; t++)
        n += !is_particle(w, t);
    return n;
}

/* "Prime Minister KP Sharma Oli", "Chief Minister MK Stalin": two capitals written together
 * that no dictionary knows, between a title and a name of two words or more, are the
 * initials of the given name (South Asian usage), not an acronym. This is the case that
 * initials() (name_tok: ng_w__initials, no vowel) left outside the run; here a vowel is
 * allowed, no mention covering the token being the guard against "US", "EU". Deliberately
 * not merged with ng_w__initials: that one judges the token alone, anywhere, so it cannot
 * allow vowels; this one is only safe because of its context (a title right before, a name
 * of two words or more after). */
static int initials_given_name(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t r0,
                               uint32_t r1)
{
    if (r1 - r0 < 2 || r0 < a + 2 || cov[r0 - 1 - a] >= 0 || cov[r0 - 2 - a] < 0) return 0;
    const ng_tok *k = &w->tk.v[r0 - 1];
    const ng_mention *ti = &w->ms[cov[r0 - 2 - a]];
    return (k->flags & NG_TK_UPPER) && (k->flags & NG_TK_WORD) && !(k->flags & NG_TK_NUM) &&
           k->len == 2 && !ti->dead && ti->kind == NG_MK_TITLE && ti->t1 == r0 - 1;
}

/* A person candidate at the name tokens [r0, r1). */
static int person_candidate(ng_work *w, uint32_t s, int32_t *cov, uint32_t r0, uint32_t r1)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok;
    /* trim function words at the start ("During", "The"), but for a capitalized function
     * word inside the sentence right after a title before one name word ("President To Lam
     * met", Vietnamese names): no title is followed by a preposition in capitals */
    if (r1 == r0 + 1 && r0 > a + 1 && cov[r0 - 1 - a] < 0 && (ng_w__bits(w, r0 - 1) & NG_W_STOP) &&
        !(w->tk.v[r0 - 1].flags & (NG_TK_FIRST | NG_TK_UPPER | NG_TK_PUNCT)) &&
        ng_mentions__cap(w, r0 - 1) && cov[r0 - 2 - a] >= 0 &&
        w->ms[cov[r0 - 2 - a]].kind == NG_MK_TITLE && w->ms[cov[r0 - 2 - a]].t1 == r0 - 1 &&
        (r1 == b || !ng_mentions__cap(w, r1)))
        return add_candidate(w, s, cov, r0 - 1, r1);
    if (function_word_family_name(w, a, cov, r0, r1)) return add_candidate(w, s, cov, r0 - 1, r1);
    if (initials_given_name(w, a, cov, r0, r1)) r0--;
    /* (a month that name_tok took for a name after a name word or an honorific stays: "Mrs
     * May", "Zhang Jun") */
    while (r0 < r1 && (ng_w__bits(w, r0) & (NG_W_STOP | NG_W_NOTNAME)) &&
           !(is_name_tok(w, r0) && !(ng_w__bits(w, r0) & NG_W_STOP)))
        r0++;
    /* "Presidents A B and C D": the plural title is no part of the name */
    if (r1 - r0 >= 3 && plural_title(w, r0)) r0++;
    if (r0 >= r1) return NG_OK;
    uint32_t r0s = state_as_first_name(w, a, cov, r0);
    r0 = r0s != r0 ? r0s : state_first_name_appos(w, s, cov, r0, r1);
    if ((ng_w__bits(w, r1 - 1) & NG_W_PLACEHEAD) || name_word_count(w, r0, r1) > 5) return NG_OK;
    /* "Kyrgyzstan's Batken region", "the Kharkiv oblast": a lower-case area noun after the
     * run makes it a place's name */
    if (r1 < b && (w->tk.v[r1].flags & NG_TK_WORD) && !(w->tk.v[r1].flags & NG_TK_CAP) &&
        (ng_w__bits(w, r1) & NG_W_AREANOUN))
        return NG_OK;
    r0 += title_plural(w, a, cov, r0, r1);
    if (not_a_name(w, a, b, cov, r0, r1)) return NG_OK;
    r1 = place_as_surname(w, a, b, cov, r0, r1);
    return add_candidate(w, s, cov, r0, r1);
}

/* Known organizations followed by an unknown acronym: "... States (ECOWAS)". */
/* "the Maldivian Democratic Party (MDP)": is the listed organization m the end of a longer
 * name, its acronym in brackets spelling the demonym, state or organization right before it
 * too (and not m alone)? */
static int inside_acronym_name(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                               const ng_mention *m)
{
    if (m->kind != NG_MK_ORG || m->lex < 0 || m->t0 <= a || cov[m->t0 - 1 - a] < 0 ||
        !acronym_at(w, m->t1, b))
        return 0;
    const ng_mention *p = &w->ms[cov[m->t0 - 1 - a]];
    return !p->dead && p->t1 == m->t0 && ng_mentions__cap(w, p->t0) &&
           (p->kind == NG_MK_DEMONYM || p->kind == NG_MK_STATE || p->kind == NG_MK_ORG) &&
           !(w->tk.v[m->t0 - 1].flags & NG_TK_POSS) && acronym_spells(w, p->t0, m->t1) &&
           !acronym_spells(w, m->t0, m->t1);
}

static int acronyms_of_known(ng_work *w, uint32_t a, uint32_t b, const int32_t *cov)
{
    int error;
    for (uint32_t i = a; i < b; i++) {
        int32_t mi = cov[i - a], oi;
        if (mi < 0 || w->ms[mi].t1 != i + 1 || w->ms[mi].kind != NG_MK_ORG || w->ms[mi].dead)
            continue;
        uint64_t acr = acronym_at(w, i + 1, b);
        if (!acr || cov[i + 2 - a] >= 0 || inside_acronym_name(w, a, b, cov, &w->ms[mi])) continue;
        if ((error = find_or_add_org(w, &oi, seq_hash(w, w->ms[mi].n0, w->ms[mi].n1), (uint32_t)mi,
                                     w->ms[mi].lex, -1)) < 0)
            return error;
        w->neworgs[oi].acr_h = acr;
    }
    return NG_OK;
}

static int name_or_run(const ng_work *w, uint32_t t);

/* A capitalized body with no state before "of"/"for" and a name that is not a state
 * ("Government of National Unity", "Ministry of Youth and Sports"), or one word after "the"
 * before an organization head ("the Cabinet Committee on Security"): the body's word opens
 * the name of an organization, which the runs find. */
static int body_opens_name(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                           const ng_mention *m)
{
    uint32_t j = m->t1 + 1;
    if (m->st >= 0 || !ng_mentions__cap(w, m->t0)) return 0;
    /* "the Cabinet Committee on Security": a one-word body after "the" before a head word */
    if (m->t1 == m->t0 + 1 && m->t0 > a && ng_w__is(w, m->t0 - 1, "the") && m->t1 < b &&
        cov[m->t1 - a] < 0 && ng_mentions__cap(w, m->t1) && (ng_w__bits(w, m->t1) & NG_W_ORGHEAD))
        return 1;
    if (j >= b || !(ng_w__is(w, m->t1, "of") || ng_w__is(w, m->t1, "for"))) return 0;
    if (ng_w__is(w, j, "the")) j++;
    return j < b && cov[j - a] < 0 && ng_mentions__cap(w, j) && name_or_run(w, j);
}

/* Is the one-word organization or state m (not an acronym) a surname: right after one or two
 * given names that a title precedes ("Minister Pawel Wagner", "Minister Marie Lusamba Wagner"), or
 * right after an honorific ("Mr Wagner")? */
static int surname_match(const ng_work *w, uint32_t a, const int32_t *cov, const ng_mention *m)
{
    uint32_t i = m->t0;
    if ((m->kind != NG_MK_ORG && m->kind != NG_MK_STATE) || m->org >= 0 ||
        (w->tk.v[i].flags & NG_TK_UPPER) || !(w->tk.v[i].flags & NG_TK_CAP))
        return 0;
    int32_t pi = cov[i - 1 - a];
    if (pi >= 0) {
        const ng_mention *p = &w->ms[pi];
        return !p->dead && p->kind == NG_MK_TITLE && p->t1 == i &&
               w->lex->titles[p->lex].kind == NG_TITLE_HONORIFIC;
    }
    /* one or two given names between ("Foreign Minister Marie Lusamba Wagner") */
    uint32_t f = i;
    while (f > a + 1 && f + 2 > i && cov[f - 1 - a] < 0 && is_name_tok(w, f - 1) &&
           !(w->tk.v[f - 1].flags & NG_TK_FIRST))
        f--;
    if (f == i) return 0;
    int32_t ti = cov[f - 1 - a];
    return ti >= 0 && !w->ms[ti].dead && w->ms[ti].kind == NG_MK_TITLE && w->ms[ti].t1 == f;
}

/* "Special Envoy for the Sahel X", "Envoy for the Middle East and Africa X": a built-in
 * region after a title's "for"/"to" (and "the", or another region and "and") is the title's
 * complement, not part of the name after it. */
static int region_of_title(const ng_work *w, uint32_t a, const int32_t *cov, const ng_mention *m)
{
    uint32_t q = m->t0;
    if (!(w->lex->ents[m->lex].flags & NG_LXF_NONODE)) return 0;
    while (q > a + 1 && (ng_w__is(w, q - 1, "the") || ng_w__is(w, q - 1, "and") ||
                         (cov[q - 1 - a] >= 0 && w->ms[cov[q - 1 - a]].kind == NG_MK_PLACE)))
        q = cov[q - 1 - a] >= 0 ? w->ms[cov[q - 1 - a]].t0 : q - 1;
    if (q <= a + 1 || !(ng_w__is(w, q - 1, "for") || ng_w__is(w, q - 1, "to"))) return 0;
    int32_t ti = cov[q - 2 - a];
    return ti >= 0 && w->ms[ti].kind == NG_MK_TITLE;
}

/* "Foreign Minister Amir Khan Muttaqi", "Defence Minister Gen Nakatani": is the one-word
 * title m also a given name (words class titlename), written without a period right after
 * an office title and before name words (at most the class's number of them, 0 for any), so
 * that it opens the name? No office holder is written with a second title word of that kind
 * ("Army chief Gen. X", "Gen X Y" after no office keep the rank). */
static int title_first_name(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                            const ng_mention *m)
{
    uint32_t i = m->t0;
    if (m->t1 != i + 1 || i <= a || i + 1 >= b || !(ng_w__bits(w, i) & NG_W_TITLENAME) ||
        (w->tk.v[i].flags & (NG_TK_DOT | NG_TK_UPPER)))
        return 0;
    int32_t pi = cov[i - 1 - a];
    if (pi < 0 || w->ms[pi].kind != NG_MK_TITLE || w->ms[pi].dead || w->ms[pi].t1 != i ||
        w->lex->titles[w->ms[pi].lex].kind != NG_TITLE_OFFICE)
        return 0;
    uint32_t j = i + 1;
    while (j < b && cov[j - a] < 0 && is_name_tok(w, j))
        j++;
    int32_t most = ng_lex__word_number(w->lex, w->tk.v[i].h);
    return j > i + 1 && (most <= 0 || j - i - 1 <= (uint32_t)most);
}

static int org_kind(const ng_work *w, uint32_t t);

static int political_adjective(const ng_work *w, uint32_t t);

/* ", the largest opposition party,": an apposition at t that calls the name before it a
 * party, a movement or a faction (words class orgnoun, after "the" and at most three lower-case
 * words, ending the phrase). */
static int party_appos(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov, uint32_t t)
{
    if (t + 2 >= b || !ng_w__punct(w, t, ',') || !ng_w__is(w, t + 1, "the")) return 0;
    for (uint32_t k = t + 2; k < b && k < t + 6; k++) {
        if (cov[k - a] >= 0 || !(w->tk.v[k].flags & NG_TK_WORD) || ng_mentions__cap(w, k) ||
            (ng_w__bits(w, k) & (NG_W_SAY | NG_W_BE | NG_W_PREP | NG_W_CLAUSE)))
            return 0;
        if (org_kind(w, k) && (ng_w__bits(w, k) & NG_W_ORGNOUN))
            return k + 1 >= b || ng_w__punct(w, k + 1, ',') || ng_w__punct(w, k + 1, '.');
    }
    return 0;
}

/* Is the state mention m, of one word, the end of a party's name: "the Vente Venezuela
 * party", "the Free Mali movement" (after a capitalized word that "the" opens, before a
 * lower-case organization noun: described_org reads the name), "the Progressive Party of
 * Maldives" (after a capitalized organization noun and "of": the run goes on over it)? */
static int state_ends_party(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                            const ng_mention *m)
{
    uint32_t i = m->t0;
    if (m->t1 != i + 1) return 0;
    if (i >= a + 3 && ng_w__is(w, i - 1, "of") && cov[i - 2 - a] < 0 &&
        ng_mentions__cap(w, i - 2) && (ng_w__bits(w, i - 2) & NG_W_ORGNOUN) && cov[i - 3 - a] < 0 &&
        is_name_tok(w, i - 3) && !(w->tk.v[i - 3].flags & NG_TK_FIRST))
        return 1;
    /* "the leader of Progressive Slovakia, the largest opposition party," */
    if (i >= a + 2 && cov[i - 1 - a] < 0 && is_name_tok(w, i - 1) &&
        !(w->tk.v[i - 1].flags & NG_TK_FIRST) && political_adjective(w, i - 1) &&
        party_appos(w, a, b, cov, m->t1))
        return 1;
    return i >= a + 2 && i + 1 < b && cov[i - 1 - a] < 0 && is_name_tok(w, i - 1) &&
           !(w->tk.v[i - 1].flags & NG_TK_FIRST) && ng_w__is(w, i - 2, "the") &&
           cov[i + 1 - a] < 0 && org_kind(w, i + 1) && (ng_w__bits(w, i + 1) & NG_W_ORGNOUN);
}

/* Does the word at t end like an adjective of politics ("Democratic", "Socialist",
 * "Republican", "Liberal", "Progressive"), not a proper name ("Wagner")? */
static int political_adjective(const ng_work *w, uint32_t t)
{
    const char *f = ng_w__fold(w, t);
    uint16_t n = w->tk.v[t].flen;
    if (n < 5) return 0;
    return (f[n - 2] == 'i' && f[n - 1] == 'c') || (f[n - 2] == 'a' && f[n - 1] == 'n') ||
           (f[n - 2] == 'a' && f[n - 1] == 'l') || strncmp(f + n - 3, "ist", 3) == 0 ||
           strncmp(f + n - 3, "ive", 3) == 0;
}

/* "the Maldivian Democratic Party": is the organization m a generic party name of the
 * dictionary (an adjective of politics and a capitalized organization noun) right after a
 * demonym that "the" opens, so that it is that state's own party, whose name the runs read
 * whole (demonym before a head word)? "the Russian Wagner Group" stays the group. */
static int demonym_party(const ng_work *w, uint32_t a, const int32_t *cov, const ng_mention *m)
{
    uint32_t i = m->t0;
    if (m->t1 != i + 2 || i < a + 2 || !ng_mentions__cap(w, i + 1) ||
        !(ng_w__bits(w, i + 1) & NG_W_ORGNOUN) || cov[i - 1 - a] < 0 || !political_adjective(w, i))
        return 0;
    const ng_mention *d = &w->ms[cov[i - 1 - a]];
    return d->kind == NG_MK_DEMONYM && !d->dead && d->t1 == i && d->t0 > a &&
           ng_w__is(w, d->t0 - 1, "the");
}

/* "the Democratic Party of Japan", "the Socialist Party of Cote d'Ivoire": is the state
 * mention at y, after "<adjective of politics> <Party> of", the end of a party's name (the
 * phrase ends with it: a bracket, a comma, a stop, a lower-case word follow)? */
static int party_state_at(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov, uint32_t y)
{
    const ng_mention *st = cov[y - a] >= 0 ? &w->ms[cov[y - a]] : NULL;
    if (!st || st->kind != NG_MK_STATE || st->dead || st->t0 != y || y < a + 3 ||
        !ng_w__is(w, y - 1, "of") || !ng_mentions__cap(w, y - 2) ||
        !(ng_w__bits(w, y - 2) & NG_W_ORGNOUN) || !political_adjective(w, y - 3))
        return 0;
    return st->t1 >= b || (w->tk.v[st->t1].flags & NG_TK_PUNCT) ||
           !(w->tk.v[st->t1].flags & NG_TK_CAP);
}

/* "the Democratic Party of Japan": is the organization m a generic party name of the
 * dictionary ("Democratic Party") before "of" and a state that ends a party's name, so that
 * it is that state's own party, whose name the runs read whole (inner_name)? */
static int party_of_state(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                          const ng_mention *m)
{
    return m->t1 == m->t0 + 2 && m->t1 + 1 < b && party_state_at(w, a, b, cov, m->t1 + 1);
}

/* "The Independent National Electoral Commission (INEC) declared ...": is the body m
 * written in capitals without its state and followed by the acronym the article defines, so
 * that it is an organization of its own name (the runs read it with its acronym)? */
static int body_with_acronym(const ng_work *w, uint32_t b, const ng_mention *m)
{
    return m->st < 0 && m->t1 - m->t0 >= 2 && ng_mentions__cap(w, m->t0) &&
           ng_mentions__cap(w, m->t1 - 1) && acronym_at(w, m->t1, b);
}

/* Dictionary matches that are words of a name the text writes (one pass over the sentence's
 * mentions): a title that is a given name, a state that ends a party's name, a generic party
 * name after a demonym, a stateless body with its acronym. */
static void name_words(ng_work *w, uint32_t s, int32_t *cov, uint32_t kinds)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok;
    int party = (kinds & 1u << NG_MK_DEMONYM) != 0;
    for (size_t k = w->sents[s].m0; k < w->n_ms; k++) {
        ng_mention *m = &w->ms[k];
        int drop = 0;
        if (m->dead || cov[m->t0 - a] != (int32_t)k) continue;
        switch (m->kind) {
        case NG_MK_TITLE: drop = title_first_name(w, a, b, cov, m); break;
        case NG_MK_STATE: drop = state_ends_party(w, a, b, cov, m); break;
        case NG_MK_ORG:
            drop = (party && demonym_party(w, a, cov, m)) || party_of_state(w, a, b, cov, m);
            break;
        case NG_MK_BODY: drop = body_with_acronym(w, b, m); break;
        default: break;
        }
        if (drop) {
            m->dead = 1;
            ng_mentions__cover(cov, a, m->t0, m->t1, -1);
        }
    }
}

/* drop_inner_matches' first pass, over titles: a royal, religious or honorific title
 * between name words is part of the name. Its own function as it is the only pass that
 * reads a title's kind. */
static void drop_inner_titles(ng_work *w, uint32_t a, uint32_t b, int32_t *cov)
{
    for (uint32_t i = a + 1; i + 1 < b; i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        ng_mention *m = &w->ms[mi];
        if (m->kind != NG_MK_TITLE || m->t1 != i + 1) continue;
        int k = w->lex->titles[m->lex].kind;
        int named_before = cov[i - 1 - a] < 0 && is_name_tok(w, i - 1) &&
                           !(ng_w__bits(w, i - 1) & NG_W_STOP);
        /* an honorific ends no name: "Zaw Min Tun told" (Tun, a Malay honorific, is the
         * last part of a Burmese name) after two name words, before a lower-case word or
         * a punctuation mark */
        int name_end =
            k == NG_TITLE_HONORIFIC && named_before && i >= a + 2 && cov[i - 2 - a] < 0 &&
            is_name_tok(w, i - 2) && !(ng_w__bits(w, i - 2) & NG_W_STOP) &&
            (w->tk.v[i].flags & NG_TK_WORD) && !(w->tk.v[i].flags & NG_TK_DOT) &&
            ((w->tk.v[i + 1].flags & NG_TK_PUNCT) ||
             ((w->tk.v[i + 1].flags & NG_TK_WORD) && !(w->tk.v[i + 1].flags & NG_TK_CAP)));
        if (((k == NG_TITLE_ROYAL || k == NG_TITLE_RELIGIOUS || k == NG_TITLE_HONORIFIC) &&
             named_before && cov[i + 1 - a] < 0 && is_name_tok(w, i + 1)) ||
            name_end) {
            m->dead = 1;
            cov[i - a] = -1;
        }
    }
}

/* drop_inner_matches' last pass, over organizations: a listed name inside a longer one that
 * the runs read. Its own function as it walks from one mention's end to the next (i jumps to
 * e - 1) where the other passes step token by token. */
static void drop_inner_orgs(ng_work *w, uint32_t a, uint32_t b, int32_t *cov)
{
    /* an acronym inside the name of a building or venue: "at the ASEAN Hall," (after "the",
     * one capitalized word that no mention covers and no head word, then no name goes on)
     * dies; its tokens stay covered (no run reads a person). A state inside a party's name
     * ("the Vamos Chile party") is state_ends_party's: the run reads the party's name. */
    for (uint32_t i = a + 1; i + 1 < b; i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        ng_mention *m = &w->ms[mi];
        uint32_t e = m->t1;
        if (m->kind == NG_MK_ORG && e == i + 1 && e + 1 < b && (w->tk.v[i].flags & NG_TK_UPPER) &&
            ng_w__is(w, i - 1, "the") && cov[e - a] < 0 && is_name_tok(w, e) &&
            !(ng_w__bits(w, e) & (NG_W_ORGHEAD | NG_W_STOP | NG_W_NOTNAME | NG_W_TITLEMOD |
                                  NG_W_PERSONNOUN)) &&
            !(w->tk.v[e].flags & NG_TK_POSS) && !is_name_tok(w, e + 1))
            m->dead = 1;
        else if (m->kind == NG_MK_ORG && m->org < 0 && e + 1 < b && ng_w__is(w, e, "of") &&
                 cov[e + 1 - a] < 0 && is_name_tok(w, e + 1) &&
                 (w->tk.v[e - 1].flags & NG_TK_CAP) && !(w->tk.v[e - 1].flags & NG_TK_UPPER) &&
                 !(ng_w__bits(w, e + 1) & (NG_W_STOP | NG_W_NOTNAME))) {
            /* "the National Rally of Independents": a listed name that a longer one holds */
            m->dead = 1;
            ng_mentions__cover(cov, a, m->t0, m->t1, -1);
        }
        i = e - 1;
    }
}

/* Dictionary matches that are parts of longer names: a one-word honorific inside a name
 * ("Hassan Sheikh Mohamud"), a body with no state after a capitalized word ("Treaty on
 * Conventional Armed Forces"), a capital before a capitalized word ("Rome Statute", "Moscow
 * Times"). */
static void drop_inner_matches(ng_work *w, uint32_t a, uint32_t b, int32_t *cov, uint32_t kinds)
{
    /* each loop looks for mentions of some kinds: none of them, no loop (kinds: a bit per
     * NG_MK_* of the sentence's mentions) */
    if (kinds & 1u << NG_MK_TITLE) drop_inner_titles(w, a, b, cov);
    for (uint32_t i = a + 1; i < b && (kinds & (1u << NG_MK_BODY | 1u << NG_MK_ORG)); i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        ng_mention *m = &w->ms[mi];
        /* "the CSTO's Collective Security Council": a listed name of two words or more ending
         * with a head word ("Security Council") after a capitalized word of a run is the end of
         * a longer name, as a body is */
        int listed_end = m->kind == NG_MK_ORG && m->lex >= 0 && m->t1 >= m->t0 + 2 &&
                         (ng_w__bits(w, m->t1 - 1) & NG_W_ORGHEAD);
        if ((m->kind == NG_MK_BODY || listed_end) && m->st < 0 && cov[i - 1 - a] < 0 &&
            ng_mentions__cap(w, i) &&
            (is_name_tok(w, i - 1) || is_run_tok(w, i - 1)) &&
            !(w->tk.v[i - 1].flags & NG_TK_FIRST)) {
            m->dead = 1;
            ng_mentions__cover(cov, a, m->t0, m->t1, -1);
        }
    }
    for (uint32_t i = a; i + 1 < b && (kinds & (1u << NG_MK_BODY | 1u << NG_MK_PLACE)); i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        ng_mention *m = &w->ms[mi];
        if (m->kind == NG_MK_BODY && body_opens_name(w, a, b, cov, m)) {
            m->dead = 1;
            ng_mentions__cover(cov, a, m->t0, m->t1, -1);
            continue;
        }
        if (m->kind == NG_MK_PLACE && m->t1 < b && cov[m->t1 - a] < 0 && is_name_tok(w, m->t1) &&
            !region_of_title(w, a, cov, m)) {
            m->dead = 1;
            ng_mentions__cover(cov, a, m->t0, m->t1, -1);
        }
    }
    /* "the Maldivian Democratic Party (MDP)": a listed name whose acronym in brackets spells
     * the demonym, state or organization before it too is the end of a longer name, which
     * the runs read (org_run) */
    for (uint32_t i = a + 1; i + 3 < b && (kinds & 1u << NG_MK_ORG); i++) {
        int32_t mi = cov[i - a];
        if (mi >= 0 && w->ms[mi].t0 == i && !w->ms[mi].dead &&
            inside_acronym_name(w, a, b, cov, &w->ms[mi])) {
            w->ms[mi].dead = 1;
            ng_mentions__cover(cov, a, w->ms[mi].t0, w->ms[mi].t1, -1);
        }
    }
    if (kinds & 1u << NG_MK_ORG) drop_inner_orgs(w, a, b, cov);
}

static int name_or_run(const ng_work *w, uint32_t t)
{
    return (w->run_cls[t - w->run_cls0] & (CLS_NAME | CLS_RUN)) != 0;
}

/* The end of the run of name words starting at f0 (particles inside: "Ould", "bin"). */
static uint32_t run_end(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov, uint32_t f0)
{
    uint32_t f1 = f0;
    while (f1 < b && cov[f1 - a] < 0) {
        if (name_or_run(w, f1)) {
            f1++;
            continue;
        }
        if (is_particle(w, f1) && f1 > f0) {
            uint32_t q = f1;
            while (q < b && cov[q - a] < 0 && is_particle(w, q) && q - f1 < 3)
                q++;
            if (q < b && cov[q - a] < 0 && is_name_tok(w, q)) {
                f1 = q;
                continue;
            }
        }
        /* "his People's National Congress": a plural whose possessive is 's (words class
         * pluralposs), capitalized, before capitalized words the last of which is an
         * organization's head (at most three) */
        if (f1 + 1 < b && (w->tk.v[f1].flags & NG_TK_POSS) &&
            (ng_w__bits(w, f1 - 1) & NG_W_PLURALPOSS) && ng_mentions__cap(w, f1 - 1)) {
            uint32_t h = f1 + 1;
            while (h < b && h < f1 + 4 && cov[h - a] < 0 && ng_mentions__cap(w, h) &&
                   name_or_run(w, h) && !(ng_w__bits(w, h) & NG_W_ORGHEAD))
                h++;
            if (h < b && cov[h - a] < 0 && ng_mentions__cap(w, h) &&
                (ng_w__bits(w, h) & NG_W_ORGHEAD)) {
                f1 = h + 1;
                continue;
            }
        }
        /* "the Andean Presidents' Summit", "the Workers' Party": a plural possessive
         * before an organization's head word is inside the name */
        if (f1 > f0 && f1 + 1 < b && (w->tk.v[f1].flags & NG_TK_POSS) && w->tk.v[f1].len == 1 &&
            cov[f1 + 1 - a] < 0 && ng_mentions__cap(w, f1 + 1) &&
            (ng_w__bits(w, f1 + 1) & NG_W_ORGHEAD) && name_or_run(w, f1 + 1)) {
            f1 += 2;
            continue;
        }
        break;
    }
    return f1;
}

/* A one-word capitalized body with no state ("... of Heads of State and Government") or a
 * region ("Treaty on Conventional Armed Forces in Europe") inside an organization's name at
 * y, or a state that ends a party's name (party_state_at): the end of the mention, 0 when
 * there is none. */
static uint32_t inner_name(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                           uint32_t y)
{
    const ng_mention *m = cov[y - a] >= 0 ? &w->ms[cov[y - a]] : NULL;
    if (!m || m->t0 != y || m->dead || !ng_mentions__cap(w, y)) return 0;
    if (party_state_at(w, a, b, cov, y)) return m->t1; /* "Socialist Party of Cote d'Ivoire" */
    if (m->kind == NG_MK_BODY && m->st < 0 && m->t1 == y + 1) return m->t1;
    if (m->kind == NG_MK_PLACE && (w->lex->ents[m->lex].flags & NG_LXF_NONODE)) return m->t1;
    return 0;
}

/* Names of organizations go on over "of", "for", "and", "the", "on", "in"; the longer run
 * is kept only if it ends like an organization's name, or if it opens with one: a head word
 * right before "of", "for" or "on" ("House of Commons", "Council of Representatives",
 * "Government of National Unity"; *head_first is then 1). A state in the complement stops
 * the run ("Government of Ireland" is a body of Ireland). Returns the run's end. */
static uint32_t org_name_end(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                             uint32_t f1, int *head_first)
{
    uint32_t x = f1, last_good = f1;
    int opens = (ng_w__bits(w, f1 - 1) & NG_W_ORGHEAD) && ng_mentions__cap(w, f1 - 1) && f1 < b &&
                (ng_w__is(w, f1, "of") || ng_w__is(w, f1, "for") || ng_w__is(w, f1, "on"));
    *head_first = 0;
    while (x < b && x - f1 < 12) {
        uint32_t y = x;
        while (y < b && cov[y - a] < 0 && (ng_w__bits(w, y) & NG_W_ORGJOIN) && y - x < 3)
            y++;
        if (y == x || y >= b) break;
        /* a region inside any name; a body only in a name its head word opens */
        uint32_t inner = inner_name(w, a, b, cov, y);
        int region = inner && w->ms[cov[y - a]].kind == NG_MK_PLACE;
        /* "in" only after a head ("Mission in Support of ...") or before a region, never
         * after a name ("hosted Netanyahu in the Oval Office"); no "and" after a head: "the
         * X Commission and the Y Commission" are two */
        int in = 0, and = 0;
        for (uint32_t k = x; k < y; k++) {
            in |= ng_w__is(w, k, "in");
            and |= ng_w__is(w, k, "and");
        }
        /* "Alassane Ouattara and the Socialist Party": "and the" right after the first run
         * opens a second name ("Peace and Security Council" has no "the") */
        if ((in && !region && !(ng_w__bits(w, x - 1) & NG_W_ORGHEAD)) ||
            (and && (ng_w__bits(w, x - 1) & NG_W_ORGHEAD)) ||
            (and && x == f1 && y - x == 2 && ng_w__is(w, x + 1, "the")))
            break;
        if (inner && (opens || region)) {
            x = last_good = inner;
            continue;
        }
        if (cov[y - a] >= 0 || !name_or_run(w, y)) break;
        while (y < b && cov[y - a] < 0 && name_or_run(w, y))
            y++;
        /* "Nippon Steel and Mitsubishi Heavy Industries": a name after "and" that ends with a
         * company's head is a second company, not the rest of the first's name */
        if (and && (ng_w__bits(w, y - 1) & NG_W_COMPANYHEAD)) break;
        x = last_good = y;
    }
    if (last_good > f1 &&
        ((ng_w__bits(w, last_good - 1) & NG_W_ORGHEAD) || acronym_at(w, last_good, b)))
        return last_good;
    if (last_good > f1 && opens) {
        *head_first = 1;
        return last_good;
    }
    return f1;
}

/* "4. Practical Cooperation": a line that is nothing but capitalized words (and a number) is a
 * section heading, not an organization named in the text. */
static int section_heading(const ng_work *w, uint32_t a, uint32_t b, uint32_t f0, uint32_t f1)
{
    for (uint32_t t = a; t < b; t++)
        if ((t < f0 || t >= f1) && !(w->tk.v[t].flags & (NG_TK_PUNCT | NG_TK_NUM))) return 0;
    return 1;
}

/* "the OCP Group", "the SCO Business Council", "the ASEAN Business Advisory Council": an
 * acronym right before a run [f0, f1) that ends with an organization's head word opens the
 * name. One no dictionary lists (no mention on it) opens any such run; a listed organization's
 * acronym only a run of two words or more ("ECOWAS Commission" stays ECOWAS, dict.c). Not
 * after another word in capitals (a line in capitals). 1 when the word before f0 is such an
 * acronym. */
static int acronym_opens(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t f0,
                         uint32_t f1)
{
    if (f0 <= a || !(ng_w__bits(w, f1 - 1) & NG_W_ORGHEAD)) return 0;
    const ng_tok *k = &w->tk.v[f0 - 1];
    if (!(k->flags & NG_TK_WORD) || !(k->flags & NG_TK_UPPER) ||
        (k->flags & (NG_TK_DOT | NG_TK_NUM | NG_TK_POSS)) || k->flen < 2 || k->flen > 6 ||
        k->off + k->len + 1 != w->tk.v[f0].off ||
        (f0 > a + 1 && (w->tk.v[f0 - 2].flags & NG_TK_UPPER)))
        return 0;
    int32_t pm = cov[f0 - 1 - a];
    if (pm < 0) return 1;
    const ng_mention *m = &w->ms[pm];
    return !m->dead && m->kind == NG_MK_ORG && m->t0 == f0 - 1 && m->t1 == f0 && f1 - f0 >= 2 &&
           w->lex->ents[m->lex].type == NG_ETYPE_ORG;
}

/* "the 82nd Airborne Division", "the US 7th Fleet": an ordinal right before a run that ends
 * with a military formation's head word (words class unitnoun) is the first word of its name */
static int ordinal_tok(const ng_work *w, uint32_t t)
{
    const char *f = ng_w__fold(w, t);
    uint16_t n = w->tk.v[t].flen, i = 0;
    while (i < n && f[i] >= '0' && f[i] <= '9') i++;
    return i > 0 && n == i + 2 &&
           (!strncmp(f + i, "st", 2) || !strncmp(f + i, "nd", 2) || !strncmp(f + i, "rd", 2) ||
            !strncmp(f + i, "th", 2));
}

static int ordinal_opens(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t f0,
                         uint32_t f1)
{
    if (f0 <= a || cov[f0 - 1 - a] >= 0 || !(ng_w__bits(w, f1 - 1) & NG_W_UNITNOUN)) return 0;
    return ordinal_tok(w, f0 - 1);
}

/* "the 20th CPC National Congress", "the 13th National Congress": a numbered meeting's head
 * (words class meetinghead) after an ordinal names one sitting, an event, not an actor; an
 * acronym before the run is the organization that meets. */
static int numbered_meeting(const ng_work *w, uint32_t a, uint32_t first, uint32_t f1)
{
    return first > a && (ng_w__bits(w, f1 - 1) & NG_W_MEETINGHEAD) && ordinal_tok(w, first - 1);
}

/* "the Ministry of Foreign Affairs, International Cooperation and Gambians Abroad", "Minister
 * for Foreign Affairs and East African Cooperation": capitalized words right after a comma or
 * "and" that follow a title's or a ministry's complement (ending with a word such as
 * "Affairs", words class titlemod) are more of its portfolio, not an organization */
static int portfolio_part(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t f0)
{
    /* "... and Egyptian Expatriates": over a demonym */
    if (f0 > a && cov[f0 - 1 - a] >= 0 && w->ms[cov[f0 - 1 - a]].kind == NG_MK_DEMONYM &&
        w->ms[cov[f0 - 1 - a]].t1 == f0)
        f0 = w->ms[cov[f0 - 1 - a]].t0;
    if (f0 < a + 2 || !(ng_w__punct(w, f0 - 1, ',') || ng_w__is(w, f0 - 1, "and"))) return 0;
    uint32_t q = f0 - 2;
    int32_t mi = cov[q - a];
    if (mi < 0 || w->ms[mi].dead || w->ms[mi].t1 != q + 1 || !ng_mentions__cap(w, q) ||
        !(ng_w__bits(w, q) & NG_W_TITLEMOD))
        return 0;
    return w->ms[mi].kind == NG_MK_TITLE || w->ms[mi].kind == NG_MK_BODY;
}

/* "Press Office", "Public Affairs Department", "a State Party to the Rome Statute", "the
 * Second Party": a run whose every word names a desk of an office (words class deskword) or a
 * party to a treaty (partyrole) is a role or a unit of something else, not an organization */
static int generic_unit(const ng_work *w, uint32_t f0, uint32_t f1)
{
    ng_wbits all = NG_W_DESKWORD | NG_W_PARTYROLE;
    for (uint32_t k = f0; k < f1 && all; k++) all &= ng_w__bits(w, k);
    return f1 - f0 >= 2 && all;
}

/* The run [f0, f1) as an organization when it ends with a head word (one is enough after a
 * demonym: "Ethiopian Airlines") or an acronym follows; a demonym or a state's name just
 * before belongs to it ("Malian Armed Forces", "Guyana Defence Force", "US Southern
 * Command"). 1 when it is one. */
/* "the National Liberation Army (ELN)": a name whose acronym in brackets is a listed
 * organization's and does not spell the name's words (the acronym of its name in another
 * language) is that organization; its lexicon entity, else -1. */
static int32_t translated_listed(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t f0,
                                 uint32_t f1)
{
    int32_t mi = cov[f1 + 1 - a];
    if (mi < 0 || w->ms[mi].dead || w->ms[mi].kind != NG_MK_ORG || w->ms[mi].lex < 0 ||
        w->ms[mi].t0 != f1 + 1 || w->ms[mi].t1 != f1 + 2 || f1 - f0 < 2 ||
        acronym_spells(w, f0, f1))
        return -1;
    return w->ms[mi].lex;
}

static int org_run(ng_work *w, uint32_t s, int32_t *cov, uint32_t f0, uint32_t f1, int named,
                   int *error)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok, idx;
    uint32_t o0 = ordinal_opens(w, a, cov, f0, f1) ? f0 - 1 : f0;
    uint64_t acr = acronym_at(w, f1, b);
    int32_t st = -1, oi, pm = o0 > a ? cov[o0 - 1 - a] : -1;
    int after_demonym = pm >= 0 && w->ms[pm].kind == NG_MK_DEMONYM && w->ms[pm].t1 == o0 &&
                        !(ng_w__bits(w, f1 - 1) & (NG_W_TROOPS | NG_W_GOVNOUN));
    int after_acronym = !named && !after_demonym && o0 == f0 && acronym_opens(w, a, cov, f0, f1);
    /* "Kenya Airways", "Azerbaijan Airlines": a state's name (not its possessive) right before
     * a one-word company head opens the company's name */
    int after_state = pm >= 0 && w->ms[pm].kind == NG_MK_STATE && w->ms[pm].t1 == o0 &&
                      !w->ms[pm].dead && !(w->tk.v[o0 - 1].flags & NG_TK_POSS) &&
                      (ng_w__bits(w, f1 - 1) & NG_W_COMPANYHEAD);
    int orghead = named || ((ng_w__bits(w, f1 - 1) & NG_W_ORGHEAD) &&
                            (f1 - o0 >= 2 || after_demonym || after_acronym || after_state));
    ng_mention m;
    *error = NG_OK;
    /* named 2: an expert's venue, whatever its last word (expert_venue) */
    if (!(orghead || (acr && f1 - f0 >= 2)) ||
        (named < 2 && (ng_w__bits(w, f1 - 1) & NG_W_PLACEHEAD)))
        return 0;
    if (!named && (section_heading(w, a, b, f0, f1) || (!acr && portfolio_part(w, a, cov, f0)) ||
                   (!acr && o0 == f0 && pm < 0 && generic_unit(w, f0, f1))))
        return 0;
    if (!named && numbered_meeting(w, a, after_acronym ? f0 - 1 : o0, f1)) return 0;
    if (after_acronym) {
        if (pm >= 0) w->ms[pm].dead = 1;
        o0 = f0 - 1;
        pm = -1;
    }
    /* "the Commonwealth Ministerial Action Group (CMAG)": a listed organization right before
     * the run opens the name when the acronym in brackets spells both */
    if (pm >= 0 && acr && w->ms[pm].kind == NG_MK_ORG && !w->ms[pm].dead && w->ms[pm].t1 == o0 &&
        !(w->tk.v[o0 - 1].flags & NG_TK_POSS) && ng_mentions__cap(w, w->ms[pm].t0) &&
        acronym_spells(w, w->ms[pm].t0, f1)) {
        w->ms[pm].dead = 1;
        o0 = w->ms[pm].t0;
        pm = -1;
    }
    if (pm >= 0 &&
        (w->ms[pm].kind == NG_MK_DEMONYM ||
         (w->ms[pm].kind == NG_MK_STATE && !(w->tk.v[o0 - 1].flags & NG_TK_POSS))) &&
        w->ms[pm].t1 == o0 && !w->ms[pm].dead &&
        w->lex->ents[w->ms[pm].lex].type == NG_ETYPE_STATE) {
        st = w->ms[pm].lex;
        w->ms[pm].dead = 1;
        o0 = w->ms[pm].t0;
        /* "the Royal Canadian Mounted Police": a capitalized word that is never a name
         * right before the demonym opens the name */
        if (o0 > a && cov[o0 - 1 - a] < 0 && is_run_tok(w, o0 - 1) &&
            !(w->tk.v[o0 - 1].flags & NG_TK_UPPER))
            o0--;
    }
    for (uint32_t k = o0; k < f1; k++)
        if (cov[k - a] >= 0) w->ms[cov[k - a]].dead = 1; /* inner_name */
    ng_mentions__init(&m, s, o0, f1, NG_MK_ORG);
    int32_t listed = acr ? translated_listed(w, a, cov, o0, f1) : -1;
    if (listed >= 0) {
        /* "the National Liberation Army (ELN)": the listed organization, in translation */
        m.lex = listed;
        if ((*error = ng_mentions__add(w, &idx, &m)) < 0) return 1;
        ng_mentions__cover(cov, a, o0, f1, (int32_t)idx);
        return 1;
    }
    if ((*error = ng_mentions__add(w, &idx, &m)) < 0) return 1;
    if ((*error = find_or_add_org(w, &oi, seq_hash(w, o0, f1), idx, -1, st)) < 0) return 1;
    w->ms[idx].org = oi;
    if (acr) w->neworgs[oi].acr_h = acr;
    ng_mentions__cover(cov, a, o0, f1, (int32_t)idx);
    return 1;
}

/* "Minister for Economic Affairs Budi Santoso", "Coordinating Minister of Maritime Affairs X":
 * capitalized words [f0, r0) right after a title's "for"/"of" (within five tokens of the
 * title), ending with a word that is never a name, are the title's complement, and a name of two
 * words or more after them is the holder's, not the end of something else's name. */
static int title_complement_run(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t f0,
                                uint32_t r0, uint32_t r1)
{
    uint32_t a = w->sents[s].tok0;
    if (r1 - r0 < 2 || f0 < a + 2 || !(ng_w__is(w, f0 - 1, "for") || ng_w__is(w, f0 - 1, "of")))
        return 0;
    /* the complement ends with a title's word ("Affairs", "Security", "Trade"), not with a
     * place's ("President of Western Sahara X Y": "Sahara X Y" is no name) */
    if (r0 - f0 > 4 || !(ng_w__bits(w, r0 - 1) & NG_W_TITLEMOD)) return 0;
    /* no capitalized word, "and" or "of" after the name, and no word of it belongs to titles ("for
     * European Neighbourhood Policy and Enlargement Negotiations, X") */
    uint32_t b = a + w->sents[s].ntok;
    if (r1 < b && (ng_mentions__cap(w, r1) || ng_w__is(w, r1, "and") || ng_w__is(w, r1, "of")))
        return 0;
    for (uint32_t k = r0; k < r1; k++)
        if (ng_w__bits(w, k) & NG_W_TITLEMOD) return 0;
    for (uint32_t k = f0; k < r0; k++)
        if (!is_run_tok(w, k) && !is_name_tok(w, k)) return 0;
    for (uint32_t q = f0 - 1; q > a && q + 6 > f0; q--) {
        int32_t mi = cov[q - 1 - a];
        if (mi >= 0 && !w->ms[mi].dead && w->ms[mi].kind == NG_MK_TITLE) return 1;
        if (mi >= 0 || (w->tk.v[q - 1].flags & NG_TK_PUNCT)) return 0;
    }
    return 0;
}

/* "the European Commissioner for Trade, X", "the Commissioner for Enlargement, X": one
 * capitalized word right after a title's "for" and before a comma is the portfolio, no
 * person. */
static int portfolio_word(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r0,
                          uint32_t r1)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok;
    if (r1 != r0 + 1 || r0 < a + 2 || r1 >= b || !ng_w__punct(w, r1, ',') ||
        !ng_w__is(w, r0 - 1, "for"))
        return 0;
    int32_t mi = cov[r0 - 2 - a];
    return mi >= 0 && !w->ms[mi].dead && w->ms[mi].kind == NG_MK_TITLE && w->ms[mi].t1 == r0 - 1;
}

/* People: the parts of the run [f0, f1) between words that are never names; a part next to
 * such a word ("Operation Barkhane", "Task Force Sabre") is the name of something else. */
static int people_of_run(ng_work *w, uint32_t s, int32_t *cov, uint32_t f0, uint32_t f1)
{
    int error;
    for (uint32_t r0 = f0; r0 < f1;) {
        if (!is_name_tok(w, r0)) {
            r0++;
            continue;
        }
        uint32_t r1 = r0;
        while (r1 < f1 && (is_name_tok(w, r1) || (is_particle(w, r1) && r1 > r0)))
            r1++;
        while (r1 > r0 && !is_name_tok(w, r1 - 1))
            r1--;
        /* "Minister of Foreign Affairs and External Trade[, X]": a title's portfolio words
         * after its complement are no name; a name of two words after them is the holder's */
        if (r0 == f0) {
            uint32_t k = r0;
            int32_t dem;
            while (k < r1 && (ng_w__bits(w, k) & NG_W_TITLEMOD))
                k++;
            if (k > r0 && (portfolio_part(w, w->sents[s].tok0, cov, f0) ||
                           ng_role__portfolio_before(w, cov, w->sents[s].tok0, k, &dem)))
                r0 = r1 - k < 2 ? r1 : k;
            if (r0 == r1) continue;
        }
        int beside =
            (r0 > f0 && is_run_tok(w, r0 - 1) && !title_complement_run(w, s, cov, f0, r0, r1) &&
             !(r1 - r0 >= 2 && plural_title(w, r0 - 1))) ||
            (r1 < f1 && is_run_tok(w, r1)) || portfolio_word(w, s, cov, r0, r1);
        /* "MTI/Prime Minister's Press Office": a desk or a treaty's party is no one's name */
        if (!beside && !generic_unit(w, r0, r1) &&
            (error = person_candidate(w, s, cov, r0, r1)) < 0)
            return error;
        r0 = r1 > r0 ? r1 : r0 + 1;
    }
    return NG_OK;
}

/* A lower-case word that names a kind of organization ("group", "coalition", "militia",
 * "party": words.csv orgnoun and blocnoun) at t. */
static int org_kind(const ng_work *w, uint32_t t)
{
    return (w->tk.v[t].flags & NG_TK_WORD) && !(w->tk.v[t].flags & NG_TK_CAP) &&
           (ng_w__bits(w, t) & (NG_W_ORGNOUN | NG_W_BLOCNOUN));
}

/* Does the word at t hold a digit ("G9", "M23")? */
static int digit_word(const ng_work *w, uint32_t t)
{
    const char *f = ng_w__fold(w, t);
    for (uint16_t i = 0; i < w->tk.v[t].flen; i++)
        if (f[i] >= '0' && f[i] <= '9') return 1;
    return 0;
}

/* Does the word at t end like an adjective of a region or a people ("East African",
 * "Pan-Arab" excepted: -an, -ese, -ic, -ish), which a bloc noun after it describes ("the East
 * African bloc") rather than names? */
static int regional_adjective(const ng_work *w, uint32_t t)
{
    const char *f = ng_w__fold(w, t);
    uint16_t n = w->tk.v[t].flen;
    return (n > 3 && f[n - 2] == 'a' && f[n - 1] == 'n') ||
           (n > 4 && strncmp(f + n - 3, "ese", 3) == 0) ||
           (n > 3 && f[n - 2] == 'i' && f[n - 1] == 'c') ||
           (n > 4 && strncmp(f + n - 3, "ish", 3) == 0);
}

/* A lower-case word (or "think tank") that names a kind of company or agency at t: words.csv
 * firmnoun; the number of its words, 0. */
static uint32_t firm_kind(const ng_work *w, uint32_t t, uint32_t b)
{
    if (!(w->tk.v[t].flags & NG_TK_WORD) || (w->tk.v[t].flags & NG_TK_CAP)) return 0;
    return (uint32_t)ng_w__phrase(w, t, b, NG_W_FIRMNOUN, NULL);
}

/* Is a firmnoun word right before [f0, f1) or right after it (the cheap test before
 * described_firm)? */
static inline int firm_beside(const ng_work *w, uint32_t a, uint32_t b, uint32_t f0, uint32_t f1)
{
    return (f0 > a && (w->tk.v[f0 - 1].bits & NG_W_FIRMNOUN)) ||
           (f1 < b && ((w->tk.v[f1].bits | w->tk.v[f1].pbits) & NG_W_FIRMNOUN));
}

/* Does the lower-case word at t end like a finite verb (-ed; -s with plural_s, since a
 * plural noun ends so too) or is it be/say/have or a modal? */
static int verb_like(const ng_work *w, uint32_t t, int plural_s)
{
    const ng_tok *k = &w->tk.v[t];
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_CAP) ||
        (ng_w__bits(w, t) & (NG_W_PREP | NG_W_DET | NG_W_STOP)))
        return 0;
    if (ng_w__bits(w, t) & (NG_W_BE | NG_W_SAY | NG_W_MODAL | NG_W_PAST_MARK)) return 1;
    const char *f = ng_w__fold(w, t);
    uint16_t n = w->tk.v[t].flen;
    return n > 3 && ((f[n - 2] == 'e' && f[n - 1] == 'd') ||
                     (plural_s && f[n - 1] == 's' && f[n - 2] != 's'));
}

/* "The company Ivan Petrov founded signed a deal": a name right after a kind noun that is
 * followed by two verbs is the subject of a relative clause without "that" (the company is
 * the one he founded), not the kind's name; "the firm Alstom signed a deal" keeps it. */
static int zero_relative(const ng_work *w, uint32_t b, const int32_t *cov, uint32_t a,
                         uint32_t f1)
{
    return f1 + 1 < b && cov[f1 - a] < 0 && cov[f1 + 1 - a] < 0 && verb_like(w, f1, 1) &&
           !(ng_w__bits(w, f1) & (NG_W_BE | NG_W_SAY | NG_W_MODAL | NG_W_PAST_MARK)) &&
           verb_like(w, f1 + 1, 0);
}

/* A name of one or two words the text introduces as a company or an agency: "the French
 * manufacturer Alstom", "Morocco's national railway company ONCF", "the state police agency
 * X" (the kind right before the name, up to three lower-case words or a demonym before it
 * after an article or a possessive), "the X Research think tank" (after "the", the kind
 * right after the name). */
static int described_firm(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                          uint32_t f0, uint32_t f1)
{
    if (f1 - f0 > 2) return 0;
    if (f0 > a + 1 && (w->tk.v[f0 - 1].bits & NG_W_FIRMNOUN) && cov[f0 - 1 - a] < 0 &&
        firm_kind(w, f0 - 1, f0) == 1) {
        if (zero_relative(w, b, cov, a, f1)) return 0;
        for (uint32_t q = f0 - 1; q > a && q + 5 > f0; q--) {
            const ng_tok *k = &w->tk.v[q - 1];
            int32_t c = cov[q - 1 - a];
            if (ng_w__is(w, q - 1, "the") || ng_w__is(w, q - 1, "a") || ng_w__is(w, q - 1, "an") ||
                (k->flags & NG_TK_POSS))
                return 1;
            if (c >= 0 && w->ms[c].kind == NG_MK_DEMONYM) continue;
            if (c >= 0 || !(k->flags & NG_TK_WORD) || ng_mentions__cap(w, q - 1) ||
                (ng_w__bits(w, q - 1) & (NG_W_PREP | NG_W_LOCPREP | NG_W_BE | NG_W_SAY)))
                return 0;
        }
        return 0;
    }
    return f1 < b && ((w->tk.v[f1].bits | w->tk.v[f1].pbits) & NG_W_FIRMNOUN) && f0 > a &&
           ng_w__is(w, f0 - 1, "the") && cov[f1 - a] < 0 && firm_kind(w, f1, b) > 0;
}

/* A lower-case word ending in "ly" at t ("mostly", "largely"). */
static int ly_adverb(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    const char *f = ng_w__fold(w, t);
    return (k->flags & NG_TK_WORD) && !(k->flags & NG_TK_CAP) && k->flen > 3 &&
           f[k->flen - 2] == 'l' && f[k->flen - 1] == 'y';
}

/* A lower-case word of an armed group's kind at t (words class armedmod: "rebel",
 * "militant") that no mention covers. */
static int armed_word(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t t)
{
    return cov[t - a] < 0 && (w->tk.v[t].flags & NG_TK_WORD) && !ng_mentions__cap(w, t) &&
           (ng_w__bits(w, t) & NG_W_ARMEDMOD);
}

/* A name the text calls an organization: "the civilian coalition Taqaddum", "the armed
 * group X" (the kind, with up to two lower-case words before it, after an article) or "the
 * X militant group", "the ruling X party" (after "the" and at most one lower-case word, the
 * kind right after the name or after one lower-case word). */
static int described_org(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                         uint32_t f0, uint32_t f1)
{
    if (f0 > a && cov[f0 - 1 - a] < 0 && org_kind(w, f0 - 1)) {
        if (zero_relative(w, b, cov, a, f1)) return 0;
        for (uint32_t q = f0 - 1; q > a && q + 4 > f0; q--) {
            if (ng_w__is(w, q - 1, "the") || ng_w__is(w, q - 1, "a") || ng_w__is(w, q - 1, "an"))
                return 1;
            if (cov[q - 1 - a] >= 0 || !(w->tk.v[q - 1].flags & NG_TK_WORD) ||
                ng_mentions__cap(w, q - 1))
                return 0;
        }
        return 0;
    }
    /* "X, the largest opposition party,": the apposition calls the name a party */
    if (f1 - f0 <= 3 && party_appos(w, a, b, cov, f1)) return 1;
    int the = f0 > a && ng_w__is(w, f0 - 1, "the");
    /* "whose Tisza party", "his Likud party": a possessive before the name and a party,
     * movement or faction noun after it */
    if (!the && f0 > a && f1 < b && org_kind(w, f1) && (ng_w__bits(w, f1) & NG_W_ORGNOUN) &&
        (ng_w__is(w, f0 - 1, "whose") ||
         ((ng_w__bits(w, f0 - 1) & NG_W_DET) &&
          (ng_w__bits(w, f0 - 1) & (NG_W_PRONHE | NG_W_PRONTHEY | NG_W_PRONIT)))))
        return 1;
    if (!the && f0 > a + 1 && ng_w__is(w, f0 - 2, "the") && cov[f0 - 1 - a] < 0 &&
        (w->tk.v[f0 - 1].flags & NG_TK_WORD) && !ng_mentions__cap(w, f0 - 1))
        the = 1; /* "the ruling X party" */
    /* "the rebel Forces Nouvelles": an armed group's kind (words class armedmod) right
     * after "the" before a name of two words or more with a head word */
    if (f0 > a + 1 && ng_w__is(w, f0 - 2, "the") && armed_word(w, cov, a, f0 - 1) &&
        f1 - f0 >= 2) {
        for (uint32_t k = f0; k < f1; k++)
            if (ng_w__bits(w, k) & NG_W_ORGHEAD) return 1;
    }
    if (!the || f1 >= b) return 0;
    if (org_kind(w, f1) && (ng_w__bits(w, f1) & NG_W_ORGNOUN)) return 1;
    /* "the Unitary Platform coalition", "the G9 federation", "the GUUAM grouping": a bloc
     * noun after a name of two words or one with a digit or in capitals ("the Western
     * alliance" names no organization) */
    if (org_kind(w, f1) && !regional_adjective(w, f1 - 1) &&
        (f1 - f0 >= 2 ||
         (f1 - f0 == 1 && (digit_word(w, f0) || ((w->tk.v[f0].flags & NG_TK_UPPER) &&
                                                 !(w->tk.v[f0].flags & NG_TK_DOT))))))
        return 1;
    /* "the X rebel coalition": a bloc noun too after an armed group's kind */
    return f1 + 1 < b && (w->tk.v[f1].flags & NG_TK_WORD) && !ng_mentions__cap(w, f1) &&
           cov[f1 - a] < 0 && org_kind(w, f1 + 1) &&
           ((ng_w__bits(w, f1 + 1) & NG_W_ORGNOUN) || armed_word(w, cov, a, f1)) &&
           !(ng_w__bits(w, f1) & (NG_W_SAY | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL | NG_W_STOP));
}

/* "Members of the X Assembly", "Kim of the Y Party": one word that is not a head before
 * "of"/"for" [the] is not part of the organization's name that follows; returns the name's
 * first token (f0 itself when the rule does not apply). */
static uint32_t org_after_word(const ng_work *w, uint32_t f0, uint32_t r1)
{
    if (r1 != f0 + 1 || !is_name_tok(w, f0) || (ng_w__bits(w, f0) & NG_W_ORGHEAD) ||
        !(ng_w__is(w, r1, "of") || ng_w__is(w, r1, "for"))) {
        /* "Maria Soltan of the Liberal Party": two or three words that can only be a
         * person's name (no word that is never a name, no head word) before "of" */
        if (r1 < f0 + 2 || r1 > f0 + 3 || !ng_w__is(w, r1, "of") ||
            (ng_w__bits(w, r1 - 1) & NG_W_ORGHEAD))
            return f0;
        for (uint32_t k = f0; k < r1; k++)
            if (!is_name_tok(w, k) || is_run_tok(w, k)) return f0;
    }
    uint32_t q = r1 + 1;
    if (ng_w__is(w, q, "the")) q++;
    return q;
}

/* "the Rally of the Republicans (RDR)", "the Rally for Democracy and Renewal (RDR)": an
 * acronym in brackets after the name [f0, f1) that opens with f0's initial and has more
 * letters than the capitalized words after f0 keeps f0 in the name (org_after_word would
 * drop it as "Members of the X Assembly"). */
static int acronym_needs_first(const ng_work *w, uint32_t b, uint32_t f0, uint32_t f1)
{
    if (!acronym_at(w, f1, b)) return 0;
    const ng_tok *acr = &w->tk.v[f1 + 1];
    uint32_t words = 0;
    for (uint32_t k = f0 + 1; k < f1; k++)
        if (ng_mentions__cap(w, k) && (w->tk.v[k].flags & NG_TK_WORD)) words++;
    return (w->text[acr->off] | 32) == (w->text[w->tk.v[f0].off] | 32) && words < acr->flen &&
           !(ng_w__bits(w, f0) & (NG_W_PERSONNOUN | NG_W_MEMBERNOUN | NG_W_STOP));
}

/* "Prime Minister KISHIDA Fumio", "Mr. KISHIDA Fumio": right after a title, a family name
 * in capitals and one given name (the style of Japanese and other official texts) are a
 * name, which an acronym never starts otherwise; actors.c writes it "Fumio Kishida". The
 * end of the name at i, i itself when the rule does not apply. */
static uint32_t caps_family_name(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                                 uint32_t i)
{
    const ng_tok *k = &w->tk.v[i];
    if (i <= a || i + 1 >= b || cov[i - a] >= 0 || cov[i + 1 - a] >= 0 ||
        !(k->flags & NG_TK_UPPER) || (k->flags & (NG_TK_DOT | NG_TK_NUM | NG_TK_DASH)) ||
        k->flen < 2 || cov[i - 1 - a] < 0 || w->ms[cov[i - 1 - a]].kind != NG_MK_TITLE ||
        w->ms[cov[i - 1 - a]].t1 != i)
        return i;
    if (!is_name_tok(w, i + 1) || (w->tk.v[i + 1].flags & NG_TK_UPPER)) return i;
    /* "Mr. LEE Jae Myung": a given name of two words (Korean style, kept in that order by
     * actors.c) */
    uint32_t e = i + 2;
    if (e < b && name_or_run(w, e) && is_name_tok(w, e) && cov[e - a] < 0 &&
        !(w->tk.v[e].flags & NG_TK_UPPER) && !(e + 1 < b && name_or_run(w, e + 1)))
        e++;
    if (e < b && name_or_run(w, e)) return i;
    /* a name has a vowel; initials ("JD Vance") have none */
    for (uint32_t q = 0; q < k->len; q++)
        if (strchr("AEIOUY", w->text[k->off + q])) return e;
    return i;
}

/* "the Forum's Secretary-General" after "the Pacific Islands Forum": one capitalized head
 * word (words.csv orghead, or notname as "Forum") after "the" and before "'s" that ends the
 * name of exactly one organization named before (of two words or more) is that
 * organization. 1 when it is one, 0 when not, or a negative NG_E*. */
static int short_org(ng_work *w, uint32_t s, int32_t *cov, uint32_t f0)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok, idx;
    int error;
    if (f0 == a || f0 + 1 >= b || !(w->tk.v[f0].flags & NG_TK_CAP) ||
        (w->tk.v[f0].flags & NG_TK_FIRST) || !(w->tk.v[f0 + 1].flags & NG_TK_POSS) ||
        !(ng_w__bits(w, f0) & (NG_W_ORGHEAD | NG_W_NOTNAME)) || !ng_w__is(w, f0 - 1, "the"))
        return 0;
    const ng_mention *found = NULL;
    for (size_t k = 0; k < w->n_ms; k++) {
        const ng_mention *x = &w->ms[k];
        if (x->dead || x->kind != NG_MK_ORG || x->t1 - x->t0 < 2 || x->t1 > f0 ||
            w->tk.v[x->t1 - 1].h != w->tk.v[f0].h)
            continue;
        if (found && (found->lex != x->lex || found->org != x->org)) return 0; /* several */
        found = x;
    }
    if (!found) return 0;
    ng_mention m;
    ng_mentions__init(&m, s, f0, f0 + 1, NG_MK_ORG);
    m.lex = found->lex;
    m.org = found->org;
    m.st = found->st;
    if ((error = ng_mentions__add(w, &idx, &m)) < 0) return error;
    ng_mentions__cover(cov, a, f0, f0 + 1, (int32_t)idx);
    return 1;
}

/* The first token from i on whose class has a bit of `starts` (b when none): eight classes
 * at a time (little-endian, as the tokenizer's scans), most tokens being none. */
static uint32_t next_start(const uint8_t *cls, uint32_t a, uint32_t b, uint32_t i, uint8_t starts)
{
    const uint64_t mask = starts * 0x0101010101010101ULL;
    for (; i + 8 <= b; i += 8) {
        uint64_t x;
        memcpy(&x, cls + (i - a), 8);
        if (x & mask) return i + ((uint32_t)__builtin_ctzll(x & mask) >> 3);
    }
    while (i < b && !(cls[i - a] & starts))
        i++;
    return i;
}

static int treaty_head(const ng_work *w, uint32_t a, uint32_t t);
static int treaty_word(const ng_work *w, uint32_t t);

/* "the Treaty of Friendship, Good Neighbourliness and Cooperation": a run after a comma that
 * goes on the capitalized list of a name opened by a treaty's head word and "of" or "on" is
 * part of that name, no organization of its own. */
static int treaty_list_part(const ng_work *w, uint32_t a, uint32_t f0)
{
    if (f0 < a + 4 || !ng_w__punct(w, f0 - 1, ',')) return 0;
    for (uint32_t t = f0 - 1; t > a + 1 && t + 12 > f0; t--) {
        if (ng_w__is(w, t - 1, "of") || ng_w__is(w, t - 1, "on"))
            return treaty_word(w, t) && treaty_head(w, a, t - 2);
        if (!treaty_word(w, t - 1) && !ng_w__punct(w, t - 1, ',') && !ng_w__is(w, t - 1, "and"))
            return 0;
    }
    return 0;
}

/* "withdrawing from GUUAM, the grouping it had joined", "ALBA, a leftist bloc": a word in
 * capitals after a preposition, then a comma, an article and a bloc noun (up to two
 * lower-case words before it), an apposition that says what it is; cov starts at i + 1. */
static int acronym_appos_kind(const ng_work *w, uint32_t b, const int32_t *cov, uint32_t i)
{
    if (i < 1 || !(ng_w__bits(w, i - 1) & NG_W_PREP) || w->tk.v[i].flen < 3 || i + 3 >= b ||
        !ng_w__punct(w, i + 1, ',') ||
        !(ng_w__is(w, i + 2, "the") || ng_w__is(w, i + 2, "a") || ng_w__is(w, i + 2, "an")))
        return 0;
    for (uint32_t q = i + 3, n = 0; q < b && n < 3; q++, n++) {
        if (cov[q - i - 1] >= 0 || !(w->tk.v[q].flags & NG_TK_WORD) ||
            (w->tk.v[q].flags & NG_TK_CAP))
            return 0;
        if (org_kind(w, q) && (ng_w__bits(w, q) & NG_W_BLOCNOUN)) return 1;
    }
    return 0;
}

/* "the pro-Western GUUAM grouping", "the UDAR party", "the KNB security service": a word in
 * capitals right before a bloc noun or a party, movement, faction or service noun (or one
 * lower-case word before it) that described_org accepts */
static int acronym_kind_after(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                              uint32_t i)
{
    if ((w->tk.v[i].flags & NG_TK_UPPER) && (w->tk.v[i].flags & NG_TK_WORD) &&
        !(w->tk.v[i].flags & NG_TK_NUM) && acronym_appos_kind(w, b, cov + (i - a) + 1, i))
        return 1;
    return (w->tk.v[i].flags & NG_TK_UPPER) && (w->tk.v[i].flags & NG_TK_WORD) &&
           !(w->tk.v[i].flags & NG_TK_NUM) && i + 1 < b &&
           ((org_kind(w, i + 1) && (ng_w__bits(w, i + 1) & (NG_W_BLOCNOUN | NG_W_ORGNOUN))) ||
            (i + 2 < b && org_kind(w, i + 2) && (ng_w__bits(w, i + 2) & NG_W_ORGNOUN))) &&
           described_org(w, a, b, cov, i, i + 1);
}

/* Is the word at q a lower-case troops noun ("mission", "force") that "the" opens, with at
 * most two lower-case words or one known name between ("the regional ECCAS force", "the UN
 * mission")? */
static int described_force(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t q)
{
    if (q <= a || !(w->tk.v[q].flags & NG_TK_WORD) || (w->tk.v[q].flags & NG_TK_CAP) ||
        cov[q - a] >= 0 || !(ng_w__bits(w, q) & NG_W_TROOPS))
        return 0;
    for (uint32_t k = q; k > a && k + 4 > q; k--) {
        if (ng_w__is(w, k - 1, "the")) return 1;
        if (!(w->tk.v[k - 1].flags & NG_TK_WORD) ||
            (ng_mentions__cap(w, k - 1) && cov[k - 1 - a] < 0))
            return 0;
    }
    return 0;
}

/* An acronym no dictionary lists that names a peacekeeping mission or a force described
 * before it: right after the troops noun ("the regional ECCAS force MICOPAX"), in its
 * apposition ("the old mission, UNMIS, withdrew"), or in brackets after the phrase the noun
 * opens with "in"/"for" and a state ("the UN mission in Cote d'Ivoire (ONUCI)"). */
static int force_acronym(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov, uint32_t i)
{
    const ng_tok *k = &w->tk.v[i];
    if (!(k->flags & NG_TK_UPPER) || !(k->flags & NG_TK_WORD) || (k->flags & NG_TK_NUM) ||
        k->flen < 4 || i < a + 2 || cov[i - a] >= 0)
        return 0;
    if (described_force(w, a, cov, i - 1)) return 1;
    if (i + 1 >= b) return 0;
    if (ng_w__punct(w, i - 1, ',') && described_force(w, a, cov, i - 2))
        return ng_w__punct(w, i + 1, ',') || ng_w__punct(w, i + 1, '.');
    if (!ng_w__punct(w, i - 1, '(') || !ng_w__punct(w, i + 1, ')') || cov[i - 2 - a] < 0) return 0;
    const ng_mention *st = &w->ms[cov[i - 2 - a]];
    uint32_t p = st->t0;
    return st->kind == NG_MK_STATE && st->t1 == i - 1 && p >= a + 3 &&
           (ng_w__is(w, p - 1, "in") || ng_w__is(w, p - 1, "for")) &&
           described_force(w, a, cov, p - 2);
}

/* runs_pass on the run of name words that starts at i: an organization (pass 0 and 1), else
 * the people in it (pass 1); *next gets the token after what was read. NG_OK or NG_E*. */
/* "X, a political analyst at the Colombo-based Centre for Policy Alternatives", "an economist
 * at the Gulf Research Center": capitalized words after "the" (and a hyphenated participle,
 * "Colombo-based") after "at"/"with" right after an expert noun (words class expertnoun) name
 * the organization the expert works at, whatever its last word. The name's first token (f0 or
 * a place or region mention before it, "Gulf"), 0 when the run is no such venue. */
static uint32_t expert_venue(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t f0)
{
    uint32_t v0 = f0;
    while (v0 > a && cov[v0 - 1 - a] >= 0 && w->ms[cov[v0 - 1 - a]].kind == NG_MK_PLACE &&
           ng_mentions__cap(w, v0 - 1) && v0 + 3 > f0)
        v0 = w->ms[cov[v0 - 1 - a]].t0;
    uint32_t t = v0;
    if (t > a && cov[t - 1 - a] < 0 && hyphen_adjective(w, t - 1)) t--;
    if (t < a + 3 || !ng_w__is(w, t - 1, "the") ||
        !(ng_w__is(w, t - 2, "at") || ng_w__is(w, t - 2, "with")) ||
        !(ng_w__bits(w, t - 3) & NG_W_EXPERTNOUN))
        return 0;
    return v0;
}

/* The end of an expert's venue named from f1 on: over "of", "for", "de", "on" and the
 * capitalized words or the place after them ("University of Dar es Salaam"); not over "in"
 * ("the Gulf Research Center in Dubai") nor "and"; a capitalized word that a title covers
 * ("Mayor") right after the run goes on. */
static uint32_t venue_end(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                          uint32_t f1)
{
    /* "the Universidad Mayor de San Simon": a capitalized word a title covers goes on */
    while (f1 < b && cov[f1 - a] >= 0 && w->ms[cov[f1 - a]].kind == NG_MK_TITLE &&
           w->ms[cov[f1 - a]].t0 == f1 && ng_mentions__cap(w, f1))
        f1 = w->ms[cov[f1 - a]].t1;
    while (f1 + 1 < b && (ng_w__is(w, f1, "of") || ng_w__is(w, f1, "for") ||
                          ng_w__is(w, f1, "on") || is_particle(w, f1))) {
        uint32_t y = f1 + 1;
        if (y < b && ng_w__is(w, y, "the")) y++;
        if (y >= b || !ng_mentions__cap(w, y)) break;
        if (cov[y - a] >= 0) {
            const ng_mention *m = &w->ms[cov[y - a]];
            if (m->t0 != y || (m->kind != NG_MK_PLACE && m->kind != NG_MK_STATE)) break;
            f1 = m->t1;
            continue;
        }
        if (!name_or_run(w, y)) break;
        while (y < b && cov[y - a] < 0 && name_or_run(w, y))
            y++;
        f1 = y;
    }
    return f1;
}

/* Is there an "of" in [t0, t1)? */
static int of_inside(const ng_work *w, uint32_t t0, uint32_t t1)
{
    for (uint32_t k = t0; k < t1; k++)
        if (ng_w__is(w, k, "of")) return 1;
    return 0;
}

static int name_run(ng_work *w, uint32_t s, int32_t *cov, int pass, uint32_t i, uint32_t *next)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok;
    int error = 0;
    uint32_t f0 = i, f1 = run_end(w, a, b, cov, i);
    *next = f1;
    /* "Has Fico broken ranks?", "Is Orban isolated?": an auxiliary opening a question */
    while (f0 < f1 && ((ng_w__bits(w, f0) & NG_W_STOP) ||
                       ((w->tk.v[f0].flags & NG_TK_FIRST) && f0 + 1 < f1 &&
                        (ng_w__bits(w, f0) & (NG_W_BE | NG_W_PAST_MARK)))))
        f0++;
    if (f0 >= f1) return NG_OK;
    if (treaty_list_part(w, a, f0)) return NG_OK;
    /* "the Australia-Tuvalu Falepili Union treaty": a run right before a lower-case
     * document noun names the document, not a body that could sign or meet */
    if (f1 < b && (ng_w__bits(w, f1) & NG_W_DOC) && !(w->tk.v[f1].flags & NG_TK_CAP) &&
        f0 > a && ng_w__is(w, f0 - 1, "the"))
        return NG_OK;
    int head_first;
    uint32_t r1 = f1, v0 = pass == 0 ? expert_venue(w, a, cov, f0) : 0;
    if (v0) {
        *next = venue_end(w, a, b, cov, f1);
        org_run(w, s, cov, v0, *next, 2, &error);
        return error < 0 ? error : NG_OK;
    }
    f1 = *next = org_name_end(w, a, b, cov, f1, &head_first);
    if (f1 > r1 && !head_first && !acronym_needs_first(w, b, f0, f1)) {
        uint32_t g0 = org_after_word(w, f0, r1);
        /* "the Heads of State and Government of the Alliance": after a plural noun of
         * people and "of", a title's complement, then its owner: no organization's name */
        if (g0 > f0 && (ng_w__bits(w, f0) & NG_W_PERSONNOUN) &&
            (ng_w__bits(w, f0) & NG_W_GROUPNOUN) && of_inside(w, g0, f1))
            return NG_OK;
        f0 = g0;
    }
    if (!head_first && f1 - f0 <= 4 && (head_first = described_org(w, a, b, cov, f0, f1)) &&
        f1 - f0 >= 2 && is_run_tok(w, f0) && f0 > a && ly_adverb(w, f0 - 1))
        f0++; /* "the mostly Muslim Seleka rebel coalition": the adjective is no part of it */
    if (!head_first && firm_beside(w, a, b, f0, f1))
        head_first = described_firm(w, a, b, cov, f0, f1);
    if (pass == 0 && f1 == f0 + 1 && (error = short_org(w, s, cov, f0)) != 0)
        return error < 0 ? error : NG_OK;
    if (org_run(w, s, cov, f0, f1, head_first, &error)) return error < 0 ? error : NG_OK;
    if (pass == 1 && (error = people_of_run(w, s, cov, f0, f1)) < 0) return error;
    return NG_OK;
}

/* One pass over the runs: organizations (pass 0), then people (pass 1). */
static int runs_pass(ng_work *w, uint32_t s, int32_t *cov, int pass)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok;
    /* the tokens where something may start (most are neither): skipped at once */
    uint8_t starts = (uint8_t)(CLS_NAME | CLS_RUN | CLS_UPPER);
    int error;
    for (uint32_t i = a; i < b;) {
        i = next_start(w->run_cls, a, b, i, starts);
        if (i >= b) break;
        if (pass == 0 && !(w->run_cls[i - w->run_cls0] & (CLS_NAME | CLS_RUN))) {
            /* "Klitschko of the UDAR party": an acronym before its kind is an organization
             * before the people of the sentence look for theirs */
            if (cov[i - a] < 0 && acronym_kind_after(w, a, b, cov, i)) {
                org_run(w, s, cov, i, i + 1, 1, &error);
                if (error < 0) return error;
            }
            i++;
            continue;
        }
        uint32_t cf = pass == 1 && (w->tk.v[i].flags & NG_TK_UPPER) && cov[i - a] < 0
                          ? caps_family_name(w, a, b, cov, i)
                          : i;
        if (cf > i) {
            if ((error = person_candidate(w, s, cov, i, cf)) < 0) return error;
            i = cf;
            continue;
        }
        if (pass == 1 && cov[i - a] < 0 && (w->tk.v[i].flags & NG_TK_UPPER) &&
            (w->tk.v[i].flags & NG_TK_WORD) && !(w->tk.v[i].flags & NG_TK_NUM) &&
            ((firm_beside(w, a, b, i, i + 1) && described_firm(w, a, b, cov, i, i + 1)) ||
             (i > a && org_kind(w, i - 1) && described_org(w, a, b, cov, i, i + 1)) ||
             acronym_kind_after(w, a, b, cov, i) || force_acronym(w, a, b, cov, i))) {
            /* an acronym no dictionary lists: "the rail operator ONCF", "the state phosphate
             * group OCP", "the pro-Western GUUAM grouping" */
            org_run(w, s, cov, i, i + 1, 1, &error);
            if (error < 0) return error;
            i++;
            continue;
        }
        if (pass == 1 && cov[i - a] >= 0 && place_as_surname(w, a, b, cov, i, i) > i) {
            if ((error = add_candidate(w, s, cov, i, i + 1)) < 0) return error;
            i++;
            continue;
        }
        if (cov[i - a] >= 0 || !name_or_run(w, i)) {
            /* a head word that is no name ("Forum") may be a short form */
            if (pass == 0 && cov[i - a] < 0 && (w->tk.v[i].flags & NG_TK_CAP) &&
                (error = short_org(w, s, cov, i)) < 0)
                return error;
            i++;
            continue;
        }
        if ((error = name_run(w, s, cov, pass, i, &i)) < 0) return error;
    }
    return NG_OK;
}

/* A treaty's head word at t: capitalized, or "treaty" after an acronym ("the INF treaty"). */
static int treaty_head(const ng_work *w, uint32_t a, uint32_t t)
{
    return (ng_w__bits(w, t) & NG_W_TREATYHEAD) &&
           ((w->tk.v[t].flags & NG_TK_CAP) || (t > a && (w->tk.v[t - 1].flags & NG_TK_UPPER)));
}

/* A capitalized word of a treaty's name: no date ("in December", "on Tuesday") */
static int treaty_word(const ng_work *w, uint32_t t)
{
    const char *f = ng_w__fold(w, t);
    size_t n = w->tk.v[t].flen;
    return (w->tk.v[t].flags & (NG_TK_WORD | NG_TK_CAP)) == (NG_TK_WORD | NG_TK_CAP) &&
           !(w->tk.v[t].flags & NG_TK_POSS) && !(n >= 3 && ng_date__month(f, n)) &&
           ng_date__weekday(f, n) < 0;
}

/* Where a treaty's name may start after the exitword at p, or 0: "withdrew (formally) from
 * (the)", "pulled out of (the)", "Latvia's exit from", or right after one of number 1 ("quit
 * (the)"). */
static uint32_t after_exit(const ng_work *w, uint32_t b, uint32_t p)
{
    uint32_t t = p + 1;
    if (t < b && (ng_w__bits(w, t) & NG_W_SKIPADV)) t++;
    if (t + 1 < b && ng_w__is(w, t, "out") &&
        (ng_w__is(w, t + 1, "of") || ng_w__is(w, t + 1, "from")))
        t += 2;
    else if (t < b && ng_w__is(w, t, "from"))
        t++;
    else if (t == p + 1 && ng_lex__word_number(w->lex, w->tk.v[p].h) == 1)
        ;
    else
        return 0;
    if (t < b && ng_w__is(w, t, "the")) t++;
    return t < b ? t : 0;
}

/* The end of a treaty's name from t, or t: capitalized words ending with a head word ("Ottawa
 * Convention", "Comprehensive Military Agreement"), or opened by one ("Convention on Cluster
 * Munitions"), with "of", "on", "for" and capitalized words after ("Treaty on Conventional
 * Armed Forces in Europe"). Not before "'s" or a lower-case event noun ("the Treaty talks"). */
static uint32_t treaty_name_end(const ng_work *w, uint32_t a, uint32_t b, uint32_t t)
{
    uint32_t e = t;
    while (e < b && e - t < 8 && treaty_word(w, e) && !ng_w__is(w, e, "the"))
        e++;
    /* "the Intermediate-Range Nuclear Forces (INF) Treaty": the acronym inside the name */
    if (e > t && e + 3 < b && ng_w__punct(w, e, '(') && (w->tk.v[e + 1].flags & NG_TK_UPPER) &&
        ng_w__punct(w, e + 2, ')') && treaty_head(w, a, e + 3))
        e += 3;
    if (e < b && e > t && treaty_head(w, a, e)) e++; /* "the INF treaty" */
    int ends = e > t + 1 && treaty_head(w, a, e - 1), opens = e == t + 1 && treaty_head(w, a, t);
    if (!ends && !opens) return t;
    uint32_t x = e, e0 = e;
    while (x < b && x - t < 16 &&
           (ng_w__is(w, x, "of") || ng_w__is(w, x, "on") || ng_w__is(w, x, "for") ||
            ng_w__is(w, x, "in") || ng_w__is(w, x, "and"))) {
        uint32_t y = x + 1;
        /* "the Open Skies Treaty and the Arms Trade Treaty" are two */
        if (ng_w__is(w, x, "and") && treaty_head(w, a, x - 1)) break;
        if (y < b && ng_w__is(w, y, "the")) y++;
        if (!(y < b && treaty_word(w, y))) break;
        while (y < b && y - t < 16 && treaty_word(w, y))
            y++;
        x = e = y;
    }
    if (opens && e == t + 1) return t;
    if (e < b && ((w->tk.v[e].flags & NG_TK_POSS) || (ng_w__bits(w, e) & NG_W_EVENTNOUN)))
        return t;
    /* "the Convention on the Prohibition of the Use, Stockpiling, ...": a name with a list
     * inside would be cut */
    if (e > e0 && e + 1 < b && ng_w__punct(w, e, ',') && treaty_word(w, e + 1))
        return t;
    return e;
}

/* The organization of a treaty of data/treaties.csv named [t, e) ("Rome Statute"), -1. */
static int32_t treaty_org(const ng_work *w, uint32_t t, uint32_t e)
{
    const ng_ptab *pt = &w->lex->phrases;
    uint64_t h = NG_SEQ_SEED;
    for (uint32_t k = t; k < e; k++)
        h = ng_x__seq_hash(h, w->tk.v[k].h);
    const ng_ptab_slot *slot = e - t <= pt->max_tokens ? ng_ptab__find(pt, h) : NULL;
    for (int32_t v = slot ? slot->first : -1; v >= 0; v = pt->vals[v].next)
        if (pt->vals[v].kind == NG_LX_TREATY) return pt->vals[v].id;
    return -1;
}

/* The treaty named from t as an actor; *end gets the token after it, t when none. */
static int treaty_actor(ng_work *w, uint32_t s, int32_t *cov, uint32_t t, uint32_t *end)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok, idx;
    uint32_t e = *end = treaty_name_end(w, a, b, t);
    /* one with its acronym in brackets is an organization of runs_pass already */
    if (e == t || acronym_at(w, e, b)) return *end = t, NG_OK;
    for (uint32_t k = t; k < e; k++) {
        int32_t m = cov[k - a];
        if (m >= 0 && !(w->ms[m].t0 >= t && w->ms[m].t1 <= e &&
                        (w->ms[m].kind == NG_MK_PLACE || w->ms[m].kind == NG_MK_DEMONYM ||
                         w->ms[m].kind == NG_MK_STATE)))
            return *end = t, NG_OK;
    }
    int error;
    int32_t oi, org = treaty_org(w, t, e);
    for (uint32_t k = t; k < e; k++)
        if (cov[k - a] >= 0) w->ms[cov[k - a]].dead = 1;
    ng_mention m;
    ng_mentions__init(&m, s, t, e, NG_MK_ORG);
    m.lex = org;
    if ((error = ng_mentions__add(w, &idx, &m)) < 0) return error;
    if (org < 0) {
        if ((error = find_or_add_org(w, &oi, seq_hash(w, t, e), idx, -1, -1)) < 0) return error;
        w->ms[idx].org = oi;
        w->neworgs[oi].treaty = 1;
    }
    ng_mentions__cover(cov, a, t, e, (int32_t)idx);
    return NG_OK;
}

/* "withdrew from the Ottawa Convention": a treaty is an actor only as what a party leaves
 * (policy: withdrew is leaving an organization or a treaty); never a signer, a member or a
 * subject. One of data/treaties.csv is its organization ("the Rome Statute"). */
static int treaty_exits(ng_work *w, uint32_t s, int32_t *cov)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok;
    if (!(w->sents[s].bits & NG_W_EXITWORD)) return NG_OK; /* most sentences tell no exit */
    for (uint32_t p = a + 1; p + 1 < b; p++) {
        if (!(ng_w__bits(w, p) & NG_W_EXITWORD)) continue;
        uint32_t t = after_exit(w, b, p), e;
        int error;
        /* a list of treaties: "left the Open Skies Treaty and the Arms Trade Treaty" */
        while (t && treaty_word(w, t)) {
            if ((error = treaty_actor(w, s, cov, t, &e)) < 0) return error;
            if (e == t) break;
            p = e - 1;
            t = e + 1 < b && (ng_w__is(w, e, "and") || ng_w__punct(w, e, ',')) ? e + 1 : 0;
            if (t && t + 1 < b && ng_w__is(w, t, "the")) t++;
        }
    }
    return NG_OK;
}

/* The kinds of the sentence's mentions so far (a bit per NG_MK_*): the loops below that look
 * for one kind at every token are skipped when there is none. */
static uint32_t sentence_kinds(const ng_work *w, uint32_t s)
{
    uint32_t kinds = 0;
    for (size_t i = w->sents[s].m0; i < w->n_ms; i++)
        kinds |= 1u << w->ms[i].kind;
    return kinds;
}

int ng_runs__sentence(ng_work *w, uint32_t s, int32_t *cov)
{
    uint32_t a = w->sents[s].tok0, b = a + w->sents[s].ntok, kinds = sentence_kinds(w, s);
    int error = NG_OK; /* read by the pass loop below when no acronym step ran */
    if ((kinds & (1u << NG_MK_ORG)) && (error = acronyms_of_known(w, a, b, cov)) < 0) return error;
    if (w->sents[s].headline) return NG_OK;
    uint8_t cls[NG_MAX_SENTENCE_TOKENS];
    classify(w, a, b, cls);
    w->run_cls = cls;
    w->run_cls0 = a;
    drop_inner_matches(w, a, b, cov, kinds);
    if (kinds & (1u << NG_MK_TITLE | 1u << NG_MK_STATE | 1u << NG_MK_ORG | 1u << NG_MK_BODY))
        name_words(w, s, cov, kinds);
    /* a one-word organization or state as a titled person's surname: "Deputy Foreign
     * Minister Pawel Wagner", "Senator Jim Jordan", "Mr Wagner" */
    for (size_t k = w->sents[s].m0; (kinds & 1u << NG_MK_TITLE) && k < w->n_ms; k++) {
        ng_mention *m = &w->ms[k];
        if (!m->dead && m->t1 == m->t0 + 1 && m->t0 > a && cov[m->t0 - a] == (int32_t)k &&
            surname_match(w, a, cov, m)) {
            m->dead = 1;
            cov[m->t0 - a] = -1;
        }
    }
    if ((error = treaty_exits(w, s, cov)) < 0) return error;
    for (int pass = 0; pass < 2 && error >= 0; pass++)
        error = runs_pass(w, s, cov, pass);
    w->run_cls = NULL;
    return error;
}
