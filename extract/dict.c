/* dict.c - pass 1, steps 1 and 2: the dictionary matches of a sentence and their
 * combinations.
 *
 *  1. Longest first: at each token, the longest phrase of the dictionaries (states,
 *     organizations, demonyms, capitals, seats, government bodies, titles, users' people).
 *     An entry written with a capital needs a capital in the text, an all-caps acronym
 *     capitals, a one-word name with inner capitals an inner capital; when one phrase has
 *     several values, a name wins over a body, a body over a title, and so on (kind_rank).
 *     A hyphenated word may be a title ("Lieutenant-Colonel").
 *  2. Combinations: "the Republic of X" is X; a body with a state ("Russian Defense
 *     Ministry", "Russia's defence ministry", "the foreign ministry in Taipei", "Ministry of
 *     Defence of the Russian Federation") is one organization of that state; an
 *     organization followed by a capitalized head word ("ECOWAS Commission") stays that
 *     organization. */
#include "mentions.h"
#include <string.h>

/* Priority of phrase value kinds when one phrase has several. */
static int kind_rank(uint32_t k)
{
    switch (k) {
    case NG_LX_PERSON:
        return 8;
    case NG_LX_NAME:
        return 7;
    case NG_LX_BODY:
        return 6;
    case NG_LX_TITLE:
        return 5;
    case NG_LX_SEAT:
        return 4;
    case NG_LX_CAPITAL:
        return 3;
    case NG_LX_DEMONYM:
        return 2;
    case NG_LX_PLACE:
        return 1;
    default:
        return 0;
    }
}

/* Is a state attached right before token i: a demonym, a state's name, or a state's
 * possessive (the mentions before i are made already)? */
static int state_before(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t i)
{
    if (i > a && (w->tk.v[i - 1].flags & NG_TK_POSS)) i--;
    if (i <= a || cov[i - 1 - a] < 0) return 0;
    const ng_mention *p = &w->ms[cov[i - 1 - a]];
    return (p->kind == NG_MK_DEMONYM || p->kind == NG_MK_STATE) && p->t1 == i &&
           w->lex->ents[p->lex].type == NG_ETYPE_STATE;
}

/* An acronym of four letters or more written in title case, as British style has it ("Nato",
 * "Ecowas", "Caricom"), unless those letters are a word or a name (words.csv plainword:
 * "Guam", "Sadr"). One token t. */
static int title_case_acronym(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    if (!(k->flags & NG_TK_CAP) || (k->flags & (NG_TK_UPPER | NG_TK_DASH)) || k->flen < 4 ||
        (ng_w__bits(w, t) & NG_W_PLAINWORD))
        return 0;
    for (uint32_t q = 1; q < k->len; q++)
        if (!(w->text[k->off + q] >= 'a' && w->text[k->off + q] <= 'z')) return 0;
    return 1;
}

/* A title of several words written in lower case between a modifier, a determiner, a
 * possessive or a state and a capitalized name: "former foreign minister X", "Peru's prime
 * minister X" (tokens [t, t + n)). One word ("president", "general") stays a person noun,
 * except right after a state, a demonym, a body of a state or an organization ("Chinese
 * president X", "Egypt's foreign ministry spokesman X", "Pentagon press secretary X"), and a
 * hyphenated compound before a name of two words ("president-elect X Y"). A body with no
 * state is left out: its holder's state would be guessed. */
static int lower_title(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t t, uint32_t n)
{
    if (t <= a || t + n >= w->tk.n || !ng_mentions__cap(w, t + n) ||
        (w->tk.v[t + n].flags & NG_TK_PUNCT))
        return 0;
    int32_t mi = cov[t - 1 - a];
    if (mi >= 0 &&
        (w->ms[mi].kind == NG_MK_DEMONYM || w->ms[mi].kind == NG_MK_STATE ||
         (w->ms[mi].kind == NG_MK_BODY && w->ms[mi].st >= 0) || w->ms[mi].kind == NG_MK_ORG))
        return 1;
    if (n == 1)
        return (w->tk.v[t].flags & NG_TK_DASH) && t + 2 < w->tk.n &&
               !(w->tk.v[t + n].flags & NG_TK_FIRST) && ng_mentions__cap(w, t + 2) &&
               (w->tk.v[t + 2].flags & NG_TK_WORD);
    ng_wbits bits = ng_w__bits(w, t - 1);
    if ((bits & (NG_W_TITLEMOD | NG_W_DET)) || (w->tk.v[t - 1].flags & NG_TK_POSS)) return 1;
    /* "joined by secretary of state Marco Rubio", "sat chief of staff John Kelly": a title of
     * several words in lower case (outlets that write titles so) before a name of two
     * capitalized words */
    uint32_t q = t + n;
    return q + 1 < w->tk.n && !(w->tk.v[q].flags & NG_TK_FIRST) &&
           (w->tk.v[q].flags & NG_TK_WORD) && (w->tk.v[q + 1].flags & NG_TK_WORD) &&
           ng_mentions__cap(w, q + 1) && !(w->tk.v[q + 1].flags & NG_TK_FIRST) &&
           !((ng_w__bits(w, q) | ng_w__bits(w, q + 1)) & (NG_W_STOP | NG_W_NOTNAME));
}

/* "the prime minister of lying", "the crown prince of 'treason'": after a title, "of" and a
 * lower-case word or a quotation that is no determiner nor number opens what the holder is
 * accused of, not the title's complement ("the prime minister of Britain", "of the UK"). */
static int of_act(const ng_work *w, uint32_t j)
{
    if (j >= w->tk.n || (w->tk.v[j].flags & (NG_TK_CAP | NG_TK_FIRST))) return 0;
    if (w->tk.v[j].flags & NG_TK_PUNCT) return ng_w__punct(w, j, '"') || ng_w__punct(w, j, '\'');
    return !(ng_w__bits(w, j) & (NG_W_DET | NG_W_NUMWORD));
}

/* A title in lower case right after "the" with no name after it, standing for its holder
 * (units.c: the latest person written with that title): "the crown prince had greeted X",
 * "the pope received X". Titles of several words, or royal and religious ones, or a rank
 * before a verb; a one-word office ("the president", "the minister") stays a person noun. */
static int lower_title_ref(const ng_work *w, uint32_t a, uint32_t t, uint32_t n, int32_t title)
{
    const ng_lx_title *x = &w->lex->titles[title];
    /* "the senior general": a word inside a title may come between */
    uint32_t d = t > a + 1 && (ng_w__bits(w, t - 1) & NG_W_TITLEMOD) &&
                         x->kind == NG_TITLE_MILITARY && n == 1
                     ? t - 1
                     : t;
    if (d <= a || !ng_w__is(w, d - 1, "the")) return 0;
    if (t + n < w->tk.n && (ng_mentions__cap(w, t + n) || (w->tk.v[t + n].flags & NG_TK_POSS) ||
                            (ng_w__is(w, t + n, "of") && !of_act(w, t + n + 1))))
        return 0;
    if (n >= 2 || x->kind == NG_TITLE_ROYAL || x->kind == NG_TITLE_RELIGIOUS) return 1;
    /* a rank of one word ("the general", "the colonel") only before a verb or a stop: "the
     * general held talks", "the general, who"; not "the general election" */
    if (x->kind != NG_TITLE_MILITARY || t + n >= w->tk.n) return 0;
    uint32_t v = t + n;
    if (w->tk.v[v].flags & NG_TK_PUNCT) return ng_w__punct(w, v, ',') || ng_w__punct(w, v, '.');
    if (ng_w__bits(w, v) & (NG_W_SAY | NG_W_BE | NG_W_PAST_MARK | NG_W_SKIPADV | NG_W_MODAL |
                            NG_W_PASTPART))
        return 1;
    for (int32_t i = ng_lex__trigger_first(w->lex, w->tk.v[v].h); i >= 0;
         i = w->lex->triggers[i].next)
        if (w->lex->triggers[i].form == NG_TR_VERB) return 1; /* "the captain met" */
    uint16_t len = w->tk.v[v].flen;
    return len > 3 && memcmp(ng_w__fold(w, v) + len - 2, "ed", 2) == 0;
}

/* Chooses the best value of a phrase slot for a match of n tokens starting at token t
 * (sentence from a, mentions so far in cov); -1 if none. With a state attached before it, a
 * phrase that names both an organization and a body is the body: "Russian Security Council"
 * is Russia's, not the UN's (asked only of a body value). */
static int32_t pick_value(const ng_work *w, const ng_ptab_slot *slot, uint32_t t, uint32_t n,
                          uint32_t a, const int32_t *cov)
{
    const ng_ptab *pt = &w->lex->phrases;
    int32_t best = -1;
    int best_rank = 0;
    for (int32_t v = slot->first; v >= 0; v = pt->vals[v].next) {
        uint32_t k = pt->vals[v].kind;
        uint32_t vf = pt->vals[v].vflags;
        if ((vf & NG_PV_CAPFIRST) && !ng_mentions__cap(w, t) &&
            !(k == NG_LX_TITLE &&
              (lower_title(w, a, cov, t, n) || lower_title_ref(w, a, t, n, pt->vals[v].id))))
            continue;
        if ((vf & NG_PV_ALLCAPS) && !(w->tk.v[t].flags & NG_TK_UPPER) &&
            !(n == 1 && k == NG_LX_NAME && title_case_acronym(w, t)))
            continue;
        /* "Sen." written without its period is a title only before a name ("Gen Tiani"):
         * "Mr Sen said", "Ambassador Salih Mutlu Sen were" end with a surname */
        if ((vf & NG_PV_DOT) && !(w->tk.v[t + n - 1].flags & NG_TK_DOT) &&
            !(t + n < w->tk.n && ng_mentions__cap(w, t + n)))
            continue;
        if (vf & NG_PV_INNERCAP) {
            const ng_tok *tok = &w->tk.v[t];
            int inner = 0;
            for (uint32_t q = 1; q < tok->len && !inner; q++)
                inner = w->text[tok->off + q] >= 'A' && w->text[tok->off + q] <= 'Z';
            if (!inner) continue;
        }
        int r = k == NG_LX_BODY && state_before(w, a, cov, t) ? 9 : kind_rank(k);
        if (r > best_rank) {
            best_rank = r;
            best = v;
        } /* first (newest) wins ties */
    }
    return best;
}

static uint8_t mk_of_entity(const ng_work *w, int32_t e)
{
    switch (w->lex->ents[e].type) {
    case NG_ETYPE_STATE:
        return NG_MK_STATE;
    case NG_ETYPE_ORG:
        return NG_MK_ORG;
    case NG_ETYPE_PLACE:
        return NG_MK_PLACE;
    default:
        return NG_MK_CAND;
    }
}

/* The longest dictionary phrase starting at token i (before b): its end in *e and its
 * value in *v; 0 when there is none. */
static int longest_phrase(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t i, uint32_t b,
                          uint32_t *e, int32_t *v)
{
    const ng_ptab *pt = &w->lex->phrases;
    uint64_t h = NG_SEQ_SEED;
    int n_end = 0;
    if (!(w->tk.v[i].flags & NG_TK_PHEAD)) return 0; /* no phrase starts with this word */
    for (uint32_t k = i; k < b && k - i < pt->max_tokens && n_end < 16; k++) {
        const ng_ptab_slot *slot;
        /* a possessive inside a name ("People's Republic of China") is a token of the
         * phrase as the lexicon stored it: the table alone says whether a phrase goes on */
        h = ng_x__seq_hash(h, w->tk.v[k].h);
        if (!(slot = ng_ptab__find(pt, h))) break;
        if (slot->first < 0) continue;
        int32_t val = pick_value(w, slot, i, k + 1 - i, a, cov);
        if (val >= 0) {
            *e = k + 1;
            *v = val;
            n_end++;
        }
    }
    return n_end > 0;
}

/* A hyphenated title at token i: "Lieutenant-Colonel", "Colonel-Major". */
static int hyphen_title(ng_work *w, uint32_t s, uint32_t i, int32_t *cov)
{
    const ng_ptab *pt = &w->lex->phrases;
    const char *f = ng_w__fold(w, i);
    uint16_t fl = w->tk.v[i].flen;
    uint64_t hh = NG_SEQ_SEED;
    uint16_t p0 = 0;
    if (!(w->tk.v[i].flags & NG_TK_WORD) || !(w->tk.v[i].flags & NG_TK_DASH)) return NG_OK;
    for (uint16_t q = 0; q <= fl; q++) {
        if (q < fl && f[q] != '-') continue;
        hh = ng_x__seq_hash(hh, ng_x__tok_hash(f + p0, (size_t)(q - p0)));
        p0 = (uint16_t)(q + 1);
    }
    const ng_ptab_slot *slot = ng_ptab__find(pt, hh);
    for (int32_t v = slot ? slot->first : -1; v >= 0; v = pt->vals[v].next) {
        if (pt->vals[v].kind != NG_LX_TITLE) continue;
        ng_mention m;
        uint32_t idx;
        int error;
        ng_mentions__init(&m, s, i, i + 1, NG_MK_TITLE);
        m.lex = pt->vals[v].id;
        if ((error = ng_mentions__add(w, &idx, &m)) < 0) return error;
        cov[i - w->sents[s].tok0] = (int32_t)idx;
        break;
    }
    return NG_OK;
}

/* The mention kind of a phrase value, 0 when it makes none. */
static uint8_t mention_kind(const ng_work *w, const ng_ptab_val *v)
{
    switch (v->kind) {
    case NG_LX_NAME:
        return mk_of_entity(w, v->id);
    case NG_LX_PERSON:
        return NG_MK_CAND;
    case NG_LX_DEMONYM:
        return NG_MK_DEMONYM;
    case NG_LX_CAPITAL:
    case NG_LX_PLACE:
        return NG_MK_PLACE;
    case NG_LX_SEAT:
        return NG_MK_SEAT;
    case NG_LX_BODY:
        return NG_MK_BODY;
    case NG_LX_TITLE:
        return NG_MK_TITLE;
    default:
        return 0;
    }
}

/* Does a title phrase start at the last word of the match [i, e) of two words or more and
 * end after it ("US Treasury" + "Treasury Secretary")? */
static int title_overlaps(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t i, uint32_t e,
                          uint32_t b)
{
    uint32_t e2;
    int32_t vi2;
    return e - i >= 2 && e < b && longest_phrase(w, a, cov, e - 1, b, &e2, &vi2) && e2 > e &&
           w->lex->phrases.vals[vi2].kind == NG_LX_TITLE;
}

int ng_dict__matches(ng_work *w, uint32_t s, int32_t *cov)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0, b = se->tok0 + se->ntok;
    int error;
    for (uint32_t i = a; i < b;) {
        uint32_t e, idx;
        int32_t vi;
        ng_mention m;
        /* most tokens start no phrase and hold no hyphen (hyphen_title): skipped at once */
        while (i < b && !(w->tk.v[i].flags & (NG_TK_PHEAD | NG_TK_DASH)))
            i++;
        if (i >= b) break;
        if (w->tk.v[i].flags & (NG_TK_PUNCT | NG_TK_POSS)) {
            i++;
            continue;
        }
        if (!longest_phrase(w, a, cov, i, b, &e, &vi)) {
            if ((error = hyphen_title(w, s, i, cov)) < 0) return error;
            i++;
            continue;
        }
        const ng_ptab_val *v = &w->lex->phrases.vals[vi];
        uint8_t kind = mention_kind(w, v);
        if (kind == NG_MK_ORG && title_overlaps(w, a, cov, i, e, b)) {
            /* "US Treasury Secretary X": the title wins over the organization ("US
             * Treasury") its first word ends; what comes before it is matched alone */
            if (!longest_phrase(w, a, cov, i, e - 1, &e, &vi)) {
                i++;
                continue;
            }
            v = &w->lex->phrases.vals[vi];
            kind = mention_kind(w, v);
        }
        if (!kind) {
            i++;
            continue;
        }
        ng_mentions__init(&m, s, i, e, kind);
        m.lex = v->id;
        if (v->kind == NG_LX_PERSON) m.ev = NG_EV_USER;
        if ((error = ng_mentions__add(w, &idx, &m)) < 0) return error;
        ng_mentions__cover(cov, a, i, e, (int32_t)idx);
        i = e;
    }
    return NG_OK;
}

/* "Republic of [the] X" at i -> X (with one capitalized word before: "Federal Republic of",
 * "Islamic Republic of"); 1 when it applied. */
static int republic_of(ng_work *w, uint32_t s, int32_t *cov, uint32_t i)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0, b = se->tok0 + se->ntok;
    ng_mention *m = &w->ms[cov[i - a]];
    if (!((ng_w__bits(w, i) & NG_W_STATENAME) && ng_mentions__cap(w, i) && i + 2 < b &&
          ng_w__is(w, i + 1, "of")))
        return 0;
    uint32_t j = i + 2;
    if (j < b && ng_w__is(w, j, "the")) j++;
    if (!(j < b && cov[j - a] >= 0 && w->ms[cov[j - a]].kind == NG_MK_STATE &&
          w->ms[cov[j - a]].t0 == j))
        return 0;
    ng_mention *x = &w->ms[cov[j - a]];
    uint32_t start = i;
    if (i > a && cov[i - 1 - a] < 0 && ng_mentions__cap(w, i - 1) &&
        !(w->tk.v[i - 1].flags & NG_TK_FIRST) && !(ng_w__bits(w, i - 1) & NG_W_STOP))
        start = i - 1;
    if (m->kind == NG_MK_TITLE || m->kind == NG_MK_BODY) m->dead = 1;
    x->t0 = x->n0 = start;
    ng_mentions__cover(cov, a, start, x->t1, cov[j - a]);
    return 1;
}

/* A body's state before it: "X's body", "Demonym body", "X body". */
static void body_state_before(ng_work *w, uint32_t a, int32_t *cov, int32_t mi)
{
    ng_mention *m = &w->ms[mi];
    int poss = 0;
    if (m->t0 <= a) return;
    uint32_t p = m->t0 - 1;
    if (w->tk.v[p].flags & NG_TK_POSS) {
        poss = 1;
        if (p == a) return;
        p--;
    }
    int32_t pi = cov[p - a];
    if (pi >= 0 && !w->ms[pi].dead &&
        (w->ms[pi].kind == NG_MK_DEMONYM || w->ms[pi].kind == NG_MK_STATE) &&
        w->lex->ents[w->ms[pi].lex].type == NG_ETYPE_STATE &&
        (poss || w->ms[pi].kind == NG_MK_DEMONYM || w->ms[pi].kind == NG_MK_STATE)) {
        m->st = w->ms[pi].lex;
        w->ms[pi].dead = 1;
        m->t0 = w->ms[pi].t0;
        ng_mentions__cover(cov, a, m->t0, m->t1, mi);
    }
}

/* A body's state after it: "the foreign ministry in Taipei" (a capital), "body of [the] X". */
/* "the Ministry of Foreign Affairs and External Trade", "Ministry of Foreign Affairs, Trade
 * and Development": capitalized portfolio words (words class titlemod), commas and "and" right
 * after a capitalized body ending with one are more of its name, up to the last such word
 * before "and" and a last part; the body's end, m->t1 when there are none. */
static uint32_t body_portfolio_end(const ng_work *w, uint32_t a, uint32_t b, const int32_t *cov,
                                   const ng_mention *m)
{
    uint32_t t = m->t1, end = m->t1;
    int and = 0;
    if (!ng_mentions__cap(w, m->t0) || !ng_mentions__cap(w, t - 1) ||
        !(ng_w__bits(w, t - 1) & NG_W_TITLEMOD))
        return end;
    while (t < b && t < m->t1 + 8 && cov[t - a] < 0) {
        if (ng_w__is(w, t, "and") || ng_w__punct(w, t, ','))
            and |= ng_w__is(w, t, "and");
        else if (ng_mentions__cap(w, t) && (ng_w__bits(w, t) & NG_W_TITLEMOD) &&
                 (w->tk.v[t].flags & NG_TK_WORD)) {
            if (and && !(t + 1 < b && ng_mentions__cap(w, t + 1) &&
                         !(ng_w__bits(w, t + 1) & NG_W_TITLEMOD)))
                end = t + 1;
        } else
            break;
        t++;
    }
    /* the last part after "and" ends the name: nothing but what ends it after it */
    return t < b && ng_mentions__cap(w, t) && end == t ? m->t1 : end;
}

static void body_state_after(ng_work *w, uint32_t a, uint32_t b, int32_t *cov, int32_t mi)
{
    ng_mention *m = &w->ms[mi];
    uint32_t pe = body_portfolio_end(w, a, b, cov, m);
    if (pe > m->t1) {
        m->t1 = pe;
        ng_mentions__cover(cov, a, m->t0, m->t1, mi);
    }
    if (m->st < 0 && m->t1 + 1 < b && ng_w__is(w, m->t1, "in")) {
        int32_t xi = cov[m->t1 + 1 - a];
        if (xi >= 0 && w->ms[xi].t0 == m->t1 + 1 && w->ms[xi].kind == NG_MK_PLACE &&
            !w->ms[xi].dead && w->lex->ents[w->ms[xi].lex].state >= 0)
            m->st = w->lex->ents[w->ms[xi].lex].state;
    }
    if (m->st < 0 && m->t1 + 1 < b && ng_w__is(w, m->t1, "of")) {
        uint32_t j = m->t1 + 1;
        if (j < b && ng_w__is(w, j, "the")) j++;
        int32_t xi = j < b ? cov[j - a] : -1;
        if (xi >= 0 && w->ms[xi].t0 == j && w->ms[xi].kind == NG_MK_STATE) {
            m->st = w->ms[xi].lex;
            w->ms[xi].dead = 1;
            m->t1 = w->ms[xi].t1;
            ng_mentions__cover(cov, a, m->t0, m->t1, mi);
        }
    }
}

/* Organization + capitalized head word: "ECOWAS Commission" stays ECOWAS. */
static void org_head(ng_work *w, uint32_t a, uint32_t b, int32_t *cov, int32_t mi)
{
    ng_mention *m = &w->ms[mi];
    uint32_t j = m->t1;
    while (j < b && cov[j - a] < 0 && ng_mentions__cap(w, j) && (ng_w__bits(w, j) & NG_W_ORGHEAD) &&
           j - m->t1 < 2)
        j++;
    if (j > m->t1) {
        m->t1 = j;
        ng_mentions__cover(cov, a, m->t0, j, mi);
    }
}

/* A capitalized place head word at t that no mention covers ("Sea", "Strait", "Lake"). */
static int place_head(const ng_work *w, uint32_t a, const int32_t *cov, uint32_t t)
{
    return cov[t - a] < 0 && ng_mentions__cap(w, t) && (ng_w__bits(w, t) & NG_W_PLACEHEAD);
}

/* A title, a state's or a capital's name inside the name of a place or a document is no
 * actor: "General Headquarters", "South China Sea", "Taiwan Strait", "Niger Delta", "Gulf of
 * Mexico", "Lake Chad", "Port Sudan"; "Rome Statute", "Algiers agreement", "Oslo Accords". The
 * mention dies but keeps its tokens (no run reads them as a name). */
static void inside_place_name(ng_work *w, uint32_t a, uint32_t b, int32_t *cov, int32_t mi)
{
    ng_mention *m = &w->ms[mi];
    int capital = m->kind == NG_MK_PLACE && w->lex->ents[m->lex].state >= 0;
    if (m->kind == NG_MK_TITLE && m->t1 < b && place_head(w, a, cov, m->t1) &&
        ng_mentions__cap(w, m->t0)) {
        /* "the General Headquarters", "the President Hotel": a place, no title */
        m->dead = 1;
        cov[m->t1 - a] = mi;
        return;
    }
    if (m->kind != NG_MK_STATE && !capital) return;
    if (m->t1 < b && place_head(w, a, cov, m->t1) && !(w->tk.v[m->t1].flags & NG_TK_POSS)) {
        m->dead = 1;
        cov[m->t1 - a] = mi;
        return;
    }
    if (capital && m->t1 < b && (ng_w__bits(w, m->t1) & NG_W_DOC)) {
        m->dead = 1;
        return;
    }
    if (m->kind != NG_MK_STATE || m->t0 <= a) return;
    uint32_t p = m->t0 - 1;
    if (ng_w__is(w, p, "the") && p > a) p--;
    if (ng_w__is(w, p, "of") && p > a)
        p--;
    else if (p + 1 != m->t0)
        return;
    if (place_head(w, a, cov, p)) m->dead = 1;
}

void ng_dict__combine(ng_work *w, uint32_t s, int32_t *cov)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0, b = se->tok0 + se->ntok;
    if (w->n_ms == se->m0) return; /* no match in the sentence: nothing to combine */
    for (uint32_t i = a; i < b; i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        if (republic_of(w, s, cov, i)) continue;
        inside_place_name(w, a, b, cov, mi);
        if (w->ms[mi].dead) continue;
        if (w->ms[mi].kind == NG_MK_BODY) {
            body_state_before(w, a, cov, mi);
            body_state_after(w, a, b, cov, mi);
        } else if (w->ms[mi].kind == NG_MK_ORG) {
            org_head(w, a, b, cov, mi);
        }
    }
}
