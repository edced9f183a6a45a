/* mentions.c - pass 1 over a sentence: what is named in it.
 *
 *  1. Dictionary matches, longest first (states, organizations, demonyms, capitals, seats,
 *     government bodies, titles). Names must start with a capital letter; bodies and titles
 *     may be lower case ("the defence ministry", "the foreign minister").
 *  2. Combinations: "the Republic of X" is X; a body with a state ("Russian Defense
 *     Ministry", "Russia's defence ministry", "Ministry of Defence of the Russian Federation")
 *     is one organization of that state; an organization followed by a capitalized head word
 *     ("ECOWAS Commission") stays that organization.
 *  3. Runs of capitalized words that the dictionaries do not know: a run that ends with an
 *     organization head word (Council, Guard, Group: words.csv class orghead) or is followed
 *     by an acronym in brackets is an organization; one ending with a place head word is a
 *     place (ignored); any other run of at most five words is a person candidate, with its
 *     evidence (a title before it, an apposition after it, a possessive state before it, a
 *     verb of saying next to it) and its affiliation (the state or organization its title
 *     names). people.c decides later which candidates are people. */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

static int add_mention(ng_work *w, uint32_t *idx, const ng_mention *m)
{
    if (w->n_ms == w->cap_ms) {
        size_t nc = w->cap_ms ? w->cap_ms * 2 : 256;
        ng_mention *nm = ng_realloc(w->ms, nc * sizeof *nm);
        if (!nm) return NG_ENOMEM;
        w->ms = nm;
        w->cap_ms = nc;
    }
    w->ms[w->n_ms] = *m;
    *idx = (uint32_t)w->n_ms++;
    return NG_OK;
}

static void mention_init(ng_mention *m, uint32_t s, uint32_t t0, uint32_t t1, uint8_t kind)
{
    memset(m, 0, sizeof *m);
    m->sent = s;
    m->t0 = m->n0 = t0;
    m->t1 = m->n1 = t1;
    m->kind = kind;
    m->lex = m->st = m->st2 = m->st_org = m->title = m->org = m->pers = m->actor = -1;
}

static int tok_cap(const ng_work *w, uint32_t t)
{
    return (w->tk.v[t].flags & (NG_TK_CAP | NG_TK_UPPER)) != 0;
}

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

/* Chooses the best value of a phrase slot for a match starting at token t; -1 if none. */
static int32_t pick_value(const ng_work *w, const ng_ptab_slot *slot, uint32_t t)
{
    const ng_ptab *pt = &w->lex->phrases;
    int32_t best = -1;
    int best_rank = 0;
    for (int32_t v = slot->first; v >= 0; v = pt->vals[v].next) {
        uint32_t k = pt->vals[v].kind;
        uint32_t vf = pt->vals[v].vflags;
        if ((vf & NG_PV_CAPFIRST) && !tok_cap(w, t)) continue;
        if ((vf & NG_PV_ALLCAPS) && !(w->tk.v[t].flags & NG_TK_UPPER)) continue;
        if (vf & NG_PV_INNERCAP) {
            const ng_tok *tok = &w->tk.v[t];
            int inner = 0;
            for (uint32_t q = 1; q < tok->len && !inner; q++)
                inner = w->text[tok->off + q] >= 'A' && w->text[tok->off + q] <= 'Z';
            if (!inner) continue;
        }
        int r = kind_rank(k);
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

/* Step 1: dictionary matches; fills cov[] (token -> mention index or -1). */
static int dict_matches(ng_work *w, uint32_t s, int32_t *cov)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0, b = se->tok0 + se->ntok;
    const ng_ptab *pt = &w->lex->phrases;
    int error;
    for (uint32_t i = a; i < b;) {
        uint64_t h = NG_SEQ_SEED;
        uint32_t ends[16];
        int32_t vals[16];
        int n_end = 0;
        if (w->tk.v[i].flags & (NG_TK_PUNCT | NG_TK_POSS)) {
            i++;
            continue;
        }
        for (uint32_t k = i; k < b && k - i < pt->max_tokens && n_end < 16; k++) {
            const ng_ptab_slot *slot;
            if (w->tk.v[k].flags & NG_TK_POSS) break;
            h = ng_x__seq_hash(h, w->tk.v[k].h);
            if (!(slot = ng_ptab__find(pt, h))) break;
            if (slot->first >= 0) {
                int32_t v = pick_value(w, slot, i);
                if (v >= 0) {
                    ends[n_end] = k + 1;
                    vals[n_end] = v;
                    n_end++;
                }
            }
        }
        if (!n_end) {
            /* a hyphenated title: "Lieutenant-Colonel", "Colonel-Major" */
            const char *f = ng_w__fold(w, i);
            uint16_t fl = w->tk.v[i].flen;
            if ((w->tk.v[i].flags & NG_TK_WORD) && (w->tk.v[i].flags & NG_TK_DASH)) {
                uint64_t hh = NG_SEQ_SEED;
                uint16_t p0 = 0;
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
                    mention_init(&m, s, i, i + 1, NG_MK_TITLE);
                    m.lex = pt->vals[v].id;
                    if ((error = add_mention(w, &idx, &m)) < 0) return error;
                    cov[i - a] = (int32_t)idx;
                    break;
                }
            }
            i++;
            continue;
        }
        uint32_t e = ends[n_end - 1];
        const ng_ptab_val *v = &pt->vals[vals[n_end - 1]];
        ng_mention m;
        uint32_t idx;
        switch (v->kind) {
        case NG_LX_NAME:
            mention_init(&m, s, i, e, mk_of_entity(w, v->id));
            m.lex = v->id;
            break;
        case NG_LX_PERSON:
            mention_init(&m, s, i, e, NG_MK_CAND);
            m.lex = v->id;
            m.ev = NG_EV_USER;
            break;
        case NG_LX_DEMONYM:
            mention_init(&m, s, i, e, NG_MK_DEMONYM);
            m.lex = v->id;
            break;
        case NG_LX_CAPITAL:
            mention_init(&m, s, i, e, NG_MK_PLACE);
            m.lex = v->id;
            break;
        case NG_LX_PLACE:
            mention_init(&m, s, i, e, NG_MK_PLACE);
            m.lex = v->id;
            break;
        case NG_LX_SEAT:
            mention_init(&m, s, i, e, NG_MK_SEAT);
            m.lex = v->id;
            break;
        case NG_LX_BODY:
            mention_init(&m, s, i, e, NG_MK_BODY);
            m.lex = v->id;
            break;
        case NG_LX_TITLE:
            mention_init(&m, s, i, e, NG_MK_TITLE);
            m.lex = v->id;
            break;
        default:
            i++;
            continue;
        }
        if ((error = add_mention(w, &idx, &m)) < 0) return error;
        for (uint32_t k = i; k < e; k++)
            cov[k - a] = (int32_t)idx;
        i = e;
    }
    return NG_OK;
}

static void uncover(int32_t *cov, uint32_t a, uint32_t t0, uint32_t t1, int32_t idx)
{
    for (uint32_t k = t0; k < t1; k++)
        cov[k - a] = idx;
}

/* Step 2: combinations of dictionary matches. */
static void combine(ng_work *w, uint32_t s, int32_t *cov)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0, b = se->tok0 + se->ntok;
    for (uint32_t i = a; i < b; i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        ng_mention *m = &w->ms[mi];
        /* "Republic of [the] X" -> X */
        if (ng_w__is(w, i, "republic") && tok_cap(w, i) && i + 2 < b && ng_w__is(w, i + 1, "of")) {
            uint32_t j = i + 2;
            if (j < b && ng_w__is(w, j, "the")) j++;
            if (j < b && cov[j - a] >= 0 && w->ms[cov[j - a]].kind == NG_MK_STATE &&
                w->ms[cov[j - a]].t0 == j) {
                ng_mention *x = &w->ms[cov[j - a]];
                uint32_t start = i;
                /* one capitalized word before: "Federal Republic of", "Islamic Republic of" */
                if (i > a && cov[i - 1 - a] < 0 && tok_cap(w, i - 1) &&
                    !(w->tk.v[i - 1].flags & NG_TK_FIRST) && !(ng_w__bits(w, i - 1) & NG_W_STOP))
                    start = i - 1;
                if (m->kind == NG_MK_TITLE || m->kind == NG_MK_BODY) m->dead = 1;
                x->t0 = x->n0 = start;
                uncover(cov, a, start, x->t1, cov[j - a]);
                continue;
            }
        }
        if (m->kind == NG_MK_BODY) {
            /* X's body / Demonym body / X body */
            if (i > a) {
                uint32_t p = i - 1;
                int poss = 0;
                if (w->tk.v[p].flags & NG_TK_POSS) {
                    poss = 1;
                    if (p == a) goto after_left;
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
                    uncover(cov, a, m->t0, m->t1, mi);
                }
            }
        after_left:
            /* body in CAPITAL: "the foreign ministry in Taipei" */
            if (m->st < 0 && m->t1 + 1 < b && ng_w__is(w, m->t1, "in")) {
                int32_t xi = cov[m->t1 + 1 - a];
                if (xi >= 0 && w->ms[xi].t0 == m->t1 + 1 && w->ms[xi].kind == NG_MK_PLACE &&
                    !w->ms[xi].dead && w->lex->ents[w->ms[xi].lex].state >= 0)
                    m->st = w->lex->ents[w->ms[xi].lex].state;
            }
            /* body of [the] X */
            if (m->st < 0 && m->t1 + 1 < b && ng_w__is(w, m->t1, "of")) {
                uint32_t j = m->t1 + 1;
                if (j < b && ng_w__is(w, j, "the")) j++;
                int32_t xi = j < b ? cov[j - a] : -1;
                if (xi >= 0 && w->ms[xi].t0 == j && w->ms[xi].kind == NG_MK_STATE) {
                    m->st = w->ms[xi].lex;
                    w->ms[xi].dead = 1;
                    m->t1 = w->ms[xi].t1;
                    uncover(cov, a, m->t0, m->t1, mi);
                }
            }
            continue;
        }
        /* Organization + capitalized head word: "ECOWAS Commission" stays ECOWAS */
        if (m->kind == NG_MK_ORG) {
            uint32_t j = m->t1;
            while (j < b && cov[j - a] < 0 && tok_cap(w, j) && (ng_w__bits(w, j) & NG_W_ORGHEAD) &&
                   j - m->t1 < 2)
                j++;
            if (j > m->t1) {
                m->t1 = j;
                uncover(cov, a, m->t0, j, mi);
            }
        }
    }
}

/* --------------------------------------------------------------- names in the text */

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

static int is_name_tok(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_NUM)) return 0;
    if (!(k->flags & NG_TK_CAP)) return particle_joined(w, t);
    if ((k->flags & NG_TK_UPPER) && k->flen > 1 && !(k->flags & NG_TK_DOT))
        return 0; /* NATO, TASS */
    if (ng_w__bits(w, t) & NG_W_NOTNAME) {
        /* a month after a name and before no number is a name's part: "Zhang Jun",
         * "Kim June" (not "in June 2023", "Monday, April 3") */
        if (t == 0 || !ng_date__month(ng_w__fold(w, t), k->flen)) return 0;
        const ng_tok *pv = &w->tk.v[t - 1];
        if (!(pv->flags & NG_TK_WORD) || !(pv->flags & NG_TK_CAP) ||
            (pv->flags & (NG_TK_UPPER | NG_TK_NUM)) ||
            (ng_w__bits(w, t - 1) & (NG_W_NOTNAME | NG_W_STOP)) || pv->off + pv->len + 1 != k->off)
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

static int is_punct_tok(const ng_work *w, uint32_t t, char c)
{
    return (w->tk.v[t].flags & NG_TK_PUNCT) && *ng_w__fold(w, t) == c;
}

/* Title modifier words allowed inside a title phrase ("Interim", "deputy", "national"). */
static int title_mod(const ng_work *w, uint32_t t)
{
    uint32_t bits = ng_w__bits(w, t);
    if (bits & NG_W_TITLEMOD) return 1;
    return 0;
}

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

static int affil_kind(const ng_mention *m)
{
    return m->kind == NG_MK_DEMONYM || m->kind == NG_MK_STATE || m->kind == NG_MK_ORG ||
           m->kind == NG_MK_SEAT || m->kind == NG_MK_BODY;
}

/* "TITLE [of ... complement], Name": finds the title before the comma at `comma`. Returns the
 * title's first token (or (uint32_t)-1), its title id (-1 for a person noun such as
 * "father") and the leftmost entity of the complement not after "to"/"for". */
static uint32_t title_before_comma(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t comma,
                                   int32_t *title, int32_t *affil)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0;
    int64_t j = (int64_t)comma - 1;
    int lower = 0, steps = 0;
    int32_t ent = -1;
    *title = -1;
    *affil = -1;
    while (j >= (int64_t)a && steps < 16) {
        uint32_t t = (uint32_t)j;
        int32_t mi = cov[t - a];
        steps++;
        if (mi >= 0 && !w->ms[mi].dead && w->ms[mi].t1 == t + 1) {
            const ng_mention *m = &w->ms[mi];
            if (m->kind == NG_MK_TITLE) {
                *title = m->lex;
                *affil = ent;
                return m->t0;
            }
            if (affil_kind(m) || m->kind == NG_MK_PLACE) {
                int32_t e = entity_of(m);
                if (e >= 0 && m->kind != NG_MK_PLACE) {
                    /* governed by "to"/"for": a destination, not the affiliation */
                    if (!(m->t0 > a &&
                          (ng_w__is(w, m->t0 - 1, "to") || ng_w__is(w, m->t0 - 1, "for") ||
                           (ng_w__is(w, m->t0 - 1, "the") && m->t0 > a + 1 &&
                            (ng_w__is(w, m->t0 - 2, "to") || ng_w__is(w, m->t0 - 2, "for"))))))
                        ent = e;
                }
                j = (int64_t)m->t0 - 1;
                continue;
            }
            /* capitalized words with no sign of being a name ("Energy, Petroleum and
             * Mines, X", "Land and Sea Transport, X"): words of the title's complement */
            if (!(m->kind == NG_MK_CAND && m->ev == 0 && m->t1 - m->t0 <= 3)) return (uint32_t)-1;
            j = (int64_t)m->t0 - 1;
            continue;
        }
        if (mi >= 0 && !w->ms[mi].dead) return (uint32_t)-1;
        const ng_tok *k = &w->tk.v[t];
        uint32_t bits = ng_w__bits(w, t);
        if (!(k->flags & NG_TK_PUNCT) && (bits & NG_W_PERSONNOUN) && !(k->flags & NG_TK_CAP)) {
            *affil = ent;
            return t;
        }
        if (k->flags & NG_TK_PUNCT) {
            if (*ng_w__fold(w, t) == ',') {
                j--;
                continue;
            }
            return (uint32_t)-1;
        }
        if (ng_w__is(w, t, "of") || ng_w__is(w, t, "for") || ng_w__is(w, t, "and") ||
            ng_w__is(w, t, "the")) {
            j--;
            continue;
        }
        if (k->flags & NG_TK_POSS) {
            j--;
            continue;
        }
        if ((k->flags & NG_TK_CAP) && !(bits & NG_W_STOP) && !(k->flags & NG_TK_FIRST)) {
            j--;
            continue;
        }
        if ((bits & NG_W_TITLEMOD) ||
            (!(bits & (NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL)) &&
             ++lower <= 3)) {
            j--;
            continue;
        }
        return (uint32_t)-1;
    }
    return (uint32_t)-1;
}

typedef struct prefix_res {
    uint32_t start;    /* first token of the prefix (== name start when none) */
    int32_t affil;     /* entity */
    int32_t affil_org; /* an organization named in the text (neworgs index), -1 */
    int32_t title;
    uint8_t ev;
    uint8_t owner; /* NG_OWN_*: "its ambassador", "that country's president" */
} prefix_res;

/* The owner of a title written as a pronoun or a description just before it at t
 * ("its", "their", "that country's"): NG_OWN_* and the owner's first token, 0 if none. */
static int pronoun_owner(const ng_work *w, uint32_t a, uint32_t t, uint32_t *first)
{
    if (ng_w__is(w, t, "its")) {
        *first = t;
        return NG_OWN_ITS;
    }
    if (ng_w__is(w, t, "their")) {
        *first = t;
        return NG_OWN_THEIR;
    }
    if ((w->tk.v[t].flags & NG_TK_POSS) && t >= a + 2 &&
        (ng_w__is(w, t - 1, "country") || ng_w__is(w, t - 1, "nation")) &&
        (ng_w__is(w, t - 2, "that") || ng_w__is(w, t - 2, "the"))) {
        *first = t - 2;
        return NG_OWN_COUNTRY;
    }
    return 0;
}

/* Scans the title phrase before a name at r0: "Russian Deputy Foreign Minister", "Interim
 * President of Burkina Faso", "Burkina Faso's Minister of Defence,", "his Malian
 * counterpart,", "Somaliland's leader". The affiliation is the leftmost state or organization
 * of the phrase that is not governed by "to" or "for" ("Ambassador to the United States"). */
static void scan_prefix(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r0,
                        prefix_res *res)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0;
    int64_t p = (int64_t)r0 - 1;
    uint32_t accepted = r0; /* leftmost token of an accepted prefix */
    int32_t title = -1, affil = -1;
    int32_t pending_affil = -1; /* entity just to the right of the scan */
    int steps = 0, have_title = 0;
    int appos = 0, complement = 0;
    res->start = r0;
    res->affil = res->affil_org = res->title = -1;
    res->ev = 0;
    res->owner = 0;
    /* "TITLE ..., Name" */
    if (p > (int64_t)a && is_punct_tok(w, (uint32_t)p, ',')) {
        int32_t ti, af;
        uint32_t ts = title_before_comma(w, s, cov, (uint32_t)p, &ti, &af);
        if (ts == (uint32_t)-1) return;
        title = ti;
        affil = af;
        have_title = 1;
        appos = 1;
        res->ev |= NG_EV_APPOS;
        accepted = ts;
        p = (int64_t)ts - 1;
    }
    while (p >= (int64_t)a && steps < 16) {
        uint32_t t = (uint32_t)p;
        int32_t mi = cov[t - a];
        steps++;
        if (have_title && !appos && accepted == t + 1 && is_punct_tok(w, t, ',') && t > a) {
            /* a role before the titled name: "the Vatican's envoy, Archbishop X", "his
             * Malian counterpart, General X", "its ambassador, X" */
            int32_t ti, af;
            uint32_t ts = title_before_comma(w, s, cov, t, &ti, &af);
            if (ts == (uint32_t)-1) break;
            if (affil < 0) affil = af;
            if (ti >= 0 && (title < 0 || (w->lex->titles[title].kind != NG_TITLE_OFFICE &&
                                          w->lex->titles[ti].kind == NG_TITLE_OFFICE)))
                title = ti;
            appos = 1;
            res->ev |= NG_EV_APPOS;
            accepted = ts;
            p = (int64_t)ts - 1;
            continue;
        }
        if (have_title && t + 1 == accepted) {
            uint32_t first;
            int own = pronoun_owner(w, a, t, &first);
            if (own) {
                if (affil < 0) res->owner = (uint8_t)own;
                accepted = first;
                break;
            }
        }
        if (mi >= 0 && !w->ms[mi].dead && w->ms[mi].t1 == t + 1) {
            const ng_mention *m = &w->ms[mi];
            if (m->kind == NG_MK_TITLE) {
                /* an office wins over a rank or an honorific: "the Minister of the Armed
                 * Forces, General X" is a minister */
                if (title < 0 || (w->lex->titles[title].kind != NG_TITLE_OFFICE &&
                                  w->lex->titles[m->lex].kind == NG_TITLE_OFFICE))
                    title = m->lex;
                have_title = 1;
                if (pending_affil >= 0) {
                    affil = pending_affil;
                    pending_affil = -1;
                }
                accepted = m->t0;
                p = (int64_t)m->t0 - 1;
                continue;
            }
            if (affil_kind(m)) {
                int32_t ent = entity_of(m);
                if (ent < 0 && m->kind == NG_MK_ORG && m->org >= 0 && res->affil_org < 0)
                    res->affil_org = m->org;
                if (have_title && (m->t1 == accepted || (m->t1 + 1 == accepted &&
                                                         (w->tk.v[m->t1].flags & NG_TK_POSS)))) {
                    /* the title's owner right before it ("Iranian President X", "to
                     * Brazil's President X"): never a destination */
                    if (ent >= 0) {
                        affil = ent;
                        pending_affil = -1;
                    }
                    accepted = m->t0;
                    p = (int64_t)m->t0 - 1;
                    continue;
                }
                if (!have_title && m->kind != NG_MK_BODY) {
                    /* before any title only a possessive counts: "Mali's Abdoulaye Diop",
                     * or the complement of a title further left ("President of Burkina
                     * Faso X", "Ambassador to the United States X") */
                    int poss = t + 1 < r0 && (w->tk.v[t + 1].flags & NG_TK_POSS);
                    uint32_t q = m->t0;
                    if (q > a && ng_w__is(w, q - 1, "the")) q--;
                    int compl = !poss && q > a &&
                                (ng_w__is(w, q - 1, "of") || ng_w__is(w, q - 1, "to") ||
                                 ng_w__is(w, q - 1, "for"));
                    if (!poss && !compl ) break;
                    if (compl )
                        complement = 1;
                    else
                        res->ev |= NG_EV_POSS;
                }
                if (m->kind == NG_MK_BODY) have_title = 1;
                if (ent >= 0) {
                    pending_affil = ent;
                    affil = ent;
                }
                accepted = m->t0;
                p = (int64_t)m->t0 - 1;
                continue;
            }
            break;
        }
        if (mi >= 0 && !w->ms[mi].dead) break;
        const ng_tok *k = &w->tk.v[t];
        if (k->flags & NG_TK_POSS) {
            p--;
            continue;
        }
        if (k->flags & NG_TK_PUNCT) break;
        if (ng_w__is(w, t, "to") || ng_w__is(w, t, "for")) {
            /* a title already read ends the phrase: "adviser to Brazil's President X" */
            if (have_title) break;
            /* the entity to the right is a destination, not the affiliation */
            if (pending_affil >= 0 && affil == pending_affil) affil = -1;
            pending_affil = -1;
            p--;
            continue;
        }
        if (ng_w__is(w, t, "of") || ng_w__is(w, t, "the") || ng_w__is(w, t, "and")) {
            if (!have_title && !complement) break;
            p--;
            continue;
        }
        if ((ng_w__bits(w, t) & NG_W_PERSONNOUN) && !(k->flags & NG_TK_CAP) &&
            (t + 1 == r0 || have_title)) {
            /* "leader Muse Bihi Abdi", "spokesman John Kirby" */
            have_title = 1;
            accepted = t;
            p--;
            continue;
        }
        if ((ng_w__bits(w, t) & NG_W_TITLEMOD) ||
            (have_title && !(k->flags & NG_TK_CAP) &&
             (ng_w__bits(w, t) & NG_W_GOVNOUN)) || /* "government spokesman" */
            (have_title && (k->flags & NG_TK_CAP) && !(k->flags & NG_TK_FIRST) &&
             !(ng_w__bits(w, t) & (NG_W_STOP | NG_W_NOTNAME)))) {
            /* modifiers before a title or capitalized words inside one */
            if (have_title) accepted = t;
            p--;
            continue;
        }
        if (!have_title && (k->flags & NG_TK_CAP) && !(ng_w__bits(w, t) & NG_W_STOP) &&
            steps < 12) {
            /* capitalized words of a long title whose head is further left */
            p--;
            continue;
        }
        break;
    }
    if (have_title || (res->ev & NG_EV_POSS)) {
        /* include determiners: "the", "his", "her", "its", "their" */
        uint32_t st = accepted;
        if (st > a && (ng_w__is(w, st - 1, "the") || ng_w__is(w, st - 1, "his") ||
                       ng_w__is(w, st - 1, "her") || ng_w__is(w, st - 1, "its") ||
                       ng_w__is(w, st - 1, "their") || ng_w__is(w, st - 1, "a")))
            st--;
        res->start = st;
        res->affil = affil;
        res->title = title;
        if (have_title) res->ev |= NG_EV_TITLE;
        if (title >= 0 &&
            (w->lex->titles[title].kind == NG_TITLE_ROYAL ||
             w->lex->titles[title].kind == NG_TITLE_RELIGIOUS) &&
            accepted < r0 && (w->tk.v[accepted].flags & NG_TK_CAP))
            res->ev |= NG_EV_ROYAL;
    }
}

/* Scans an apposition after a name ending at r1: ", the Defense Minister of Russia",
 * ", Russia's Minister of Defense", ", president of the ECOWAS Commission", ", a general". */
static void scan_suffix(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r1,
                        uint32_t *end, int32_t *affil, int32_t *affil2, int32_t *affil_org,
                        int32_t *title, uint8_t *ev)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0, b = se->tok0 + se->ntok;
    uint32_t q, last = 0;
    int have_title = 0, after_head = 0;
    int32_t af = -1, ti = -1, after_to = 0;
    *end = r1;
    if (r1 >= b) return;
    /* "Captain Ibrahim Traore of Burkina Faso" */
    if (ng_w__is(w, r1, "of")) {
        uint32_t k = r1 + 1;
        if (k < b && ng_w__is(w, k, "the")) k++;
        if (k < b && cov[k - a] >= 0 && w->ms[cov[k - a]].t0 == k && !w->ms[cov[k - a]].dead &&
            (w->ms[cov[k - a]].kind == NG_MK_STATE || w->ms[cov[k - a]].kind == NG_MK_ORG) &&
            entity_of(&w->ms[cov[k - a]]) >= 0) {
            if (*affil < 0) *affil = entity_of(&w->ms[cov[k - a]]);
            *end = w->ms[cov[k - a]].t1;
        }
        return;
    }
    if (!is_punct_tok(w, r1, ',')) return;
    q = r1 + 1;
    /* ", and the Minister of Trade, Y": the next item of a list, not an apposition */
    if (q < b && (ng_w__is(w, q, "and") || ng_w__is(w, q, "or"))) return;
    int indef = q < b && (ng_w__is(w, q, "a") || ng_w__is(w, q, "an"));
    if (q < b && (ng_w__is(w, q, "the") || ng_w__is(w, q, "a") || ng_w__is(w, q, "an") ||
                  ng_w__is(w, q, "his") || ng_w__is(w, q, "her")))
        q++;
    uint32_t first = q, loose = 0, to_at = 0;
    for (int steps = 0; q < b && steps < 14; steps++) {
        int32_t mi = cov[q - a];
        if (mi >= 0 && !w->ms[mi].dead && w->ms[mi].t0 == q) {
            const ng_mention *m = &w->ms[mi];
            if (m->kind == NG_MK_TITLE) {
                if (after_to && have_title) {
                    /* "adviser to [Brazil's] President X": the person advised comes next;
                     * the apposition ends before "to", its state is that person's */
                    *end = to_at;
                    if (*affil < 0) *affil = af;
                    if (*title < 0) *title = ti;
                    *ev |= NG_EV_APPOS;
                    return;
                }
                if (ti < 0) ti = m->lex;
                have_title = 1;
                after_head = 1;
                q = m->t1;
                last = q;
                continue;
            }
            if (m->kind == NG_MK_DEMONYM && indef && q == first && !have_title && m->t1 < b &&
                !(ng_w__bits(w, m->t1) & (NG_W_PERSONNOUN | NG_W_TITLEMOD)) &&
                !(cov[m->t1 - a] >= 0 && w->ms[cov[m->t1 - a]].kind == NG_MK_TITLE)) {
                /* "X, an American detained in Russia": a demonym as a noun says X is a
                 * person, not that X holds office */
                *end = m->t1;
                *ev |= NG_EV_APPOS;
                return;
            }
            if (affil_kind(m)) {
                int32_t ent = entity_of(m);
                int owner =
                    m->t1 < b &&
                    ((cov[m->t1 - a] >= 0 && w->ms[cov[m->t1 - a]].kind == NG_MK_TITLE) ||
                     ((w->tk.v[m->t1].flags & NG_TK_POSS) && m->t1 + 1 < b &&
                      cov[m->t1 + 1 - a] >= 0 && w->ms[cov[m->t1 + 1 - a]].kind == NG_MK_TITLE));
                /* after "to", only the owner of the next title counts ("adviser to Iranian
                 * President X"): not a destination */
                if ((!after_to || (owner && have_title)) && af < 0 && ent >= 0) af = ent;
                if (!after_to && ent < 0 && m->kind == NG_MK_ORG && m->org >= 0 && *affil_org < 0)
                    *affil_org = m->org;
                if (after_to && owner && have_title) {
                    q = m->t1;
                    if (q < b && (w->tk.v[q].flags & NG_TK_POSS)) q++;
                    continue;
                }
                if (m->kind == NG_MK_BODY) have_title = 1;
                after_to = 0;
                after_head = 0;
                q = m->t1;
                if (q < b && (w->tk.v[q].flags & NG_TK_POSS)) q++;
                last = q;
                continue;
            }
            if (m->kind == NG_MK_CAND || m->kind == NG_MK_PERSON) return; /* a list of people */
            break;
        }
        if (mi >= 0 && !w->ms[mi].dead) break;
        if (ng_w__is(w, q, "of") || ng_w__is(w, q, "the") || ng_w__is(w, q, "and")) {
            after_head = 0;
            q++;
            continue;
        }
        if (ng_w__is(w, q, "to") || ng_w__is(w, q, "for")) {
            after_to = 1;
            to_at = q;
            after_head = 0;
            q++;
            continue;
        }
        if (title_mod(w, q) || (ng_w__bits(w, q) & NG_W_PERSONNOUN) || ng_w__is(w, q, "most")) {
            if (ng_w__bits(w, q) & NG_W_PERSONNOUN) {
                have_title = 1;
                after_head = 1;
                last = q + 1;
            }
            q++;
            continue;
        }
        if (!have_title && loose < 2 && (w->tk.v[q].flags & NG_TK_WORD) && !tok_cap(w, q) &&
            !(ng_w__bits(w, q) & (NG_W_STOP | NG_W_CLAUSE | NG_W_SAY | NG_W_BE | NG_W_PAST_MARK |
                                  NG_W_MODAL | NG_W_PREP)) &&
            q + 1 < b && (ng_w__bits(w, q + 1) & (NG_W_PERSONNOUN | NG_W_TITLEMOD))) {
            /* a word before the head: "a former guerrilla leader of X" */
            loose++;
            q++;
            continue;
        }
        if (tok_cap(w, q) && !(w->tk.v[q].flags & NG_TK_PUNCT) && have_title) {
            /* a capitalized word right after the title is the next person's name:
             * "Joe Biden, German Chancellor Olaf Scholz" is a list, not an apposition */
            if (after_head) return;
            q++;
            last = q;
            continue;
        }
        break;
    }
    if (!have_title) return;
    *end = last > r1 ? last : r1;
    if (*affil < 0)
        *affil = af;
    else if (af >= 0 && af != *affil)
        *affil2 = af;
    if (*title < 0) *title = ti;
    *ev |= NG_EV_APPOS;
}

static int find_or_add_org(ng_work *w, int32_t *out, uint64_t name_h, uint32_t name_m, int32_t lex,
                           int32_t st)
{
    for (size_t i = 0; i < w->n_neworgs; i++)
        if (w->neworgs[i].name_h == name_h && w->neworgs[i].lex == lex) {
            *out = (int32_t)i;
            return NG_OK;
        }
    if (w->n_neworgs == w->cap_neworgs) {
        size_t nc = w->cap_neworgs ? w->cap_neworgs * 2 : 16;
        ng_neworg *no = ng_realloc(w->neworgs, nc * sizeof *no);
        if (!no) return NG_ENOMEM;
        w->neworgs = no;
        w->cap_neworgs = nc;
    }
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

static uint64_t seq_hash(const ng_work *w, uint32_t t0, uint32_t t1)
{
    uint64_t h = NG_SEQ_SEED;
    for (uint32_t t = t0; t < t1; t++)
        h = ng_x__seq_hash(h, w->tk.v[t].h);
    return h;
}

/* Capitalized words that are never a person's name but can be part of an organization's
 * ("National", "Security", "Supreme"). */
static int is_run_tok(const ng_work *w, uint32_t t)
{
    const ng_tok *k = &w->tk.v[t];
    if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_NUM) || !(k->flags & NG_TK_CAP)) return 0;
    if ((k->flags & NG_TK_UPPER) && k->flen > 1) return 0;
    uint32_t bits = ng_w__bits(w, t);
    return (bits & NG_W_NOTNAME) && !(bits & NG_W_STOP) &&
           ng_date__month(ng_w__fold(w, t), k->flen) == 0 &&
           ng_date__weekday(ng_w__fold(w, t), k->flen) < 0;
}

/* A person candidate at the name tokens [r0, r1). */
static int person_candidate(ng_work *w, uint32_t s, int32_t *cov, uint32_t r0, uint32_t r1)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0, b = se->tok0 + se->ntok;
    int error;
    /* trim function words at the start ("During", "The") */
    while (r0 < r1 && (ng_w__bits(w, r0) & (NG_W_STOP | NG_W_NOTNAME)))
        r0++;
    if (r0 >= r1) return NG_OK;
    /* "Foreign Minister Israel Katz": a one-word state name before the run, after a title */
    if (r0 > a && cov[r0 - 1 - a] >= 0) {
        int32_t di = cov[r0 - 1 - a];
        ng_mention *d = &w->ms[di];
        if (!d->dead && d->t1 == r0 && d->t1 - d->t0 == 1 &&
            (d->kind == NG_MK_STATE || d->kind == NG_MK_PLACE || d->kind == NG_MK_DEMONYM) &&
            d->t0 > a && cov[d->t0 - 1 - a] >= 0 && w->ms[cov[d->t0 - 1 - a]].kind == NG_MK_TITLE) {
            d->dead = 1;
            cov[d->t0 - a] = -1;
            r0 = d->t0;
        }
    }
    if ((ng_w__bits(w, r1 - 1) & NG_W_PLACEHEAD) || r1 - r0 > 5) return NG_OK;
    /* "Minister of State for Railways Raosaheb Danve": a plural noun that opens a run of
     * three words or more after a title's "for"/"of" belongs to the title */
    if (r1 - r0 >= 3 && r0 > a + 1 && (ng_w__is(w, r0 - 1, "for") || ng_w__is(w, r0 - 1, "of"))) {
        const char *f = ng_w__fold(w, r0);
        uint16_t fl = w->tk.v[r0].flen;
        int title_near = 0;
        for (uint32_t q = r0 - 1; q > a && q + 6 > r0 && !title_near; q--)
            title_near = cov[q - 1 - a] >= 0 && w->ms[cov[q - 1 - a]].kind == NG_MK_TITLE;
        if (title_near && fl > 3 && f[fl - 1] == 's' && f[fl - 2] != 's' && f[fl - 2] != 'u') r0++;
    }
    /* "the Minister of Energy, Petroleum and Mines, X": one word coordinated inside a
     * title's complement is not a name */
    if (r1 - r0 == 1 && r1 + 1 < b && ng_w__is(w, r1, "and") && tok_cap(w, r1 + 1) && r0 > a &&
        is_punct_tok(w, r0 - 1, ','))
        return NG_OK;
    /* "Corps General X", "Brigadier General X": title modifiers, not a name */
    if (r1 < b && cov[r1 - a] >= 0 && w->ms[cov[r1 - a]].kind == NG_MK_TITLE) {
        uint32_t k;
        for (k = r0; k < r1 && (ng_w__bits(w, k) & NG_W_TITLEMOD); k++) {
        }
        if (k == r1) return NG_OK;
    }
    {
        ng_mention m;
        prefix_res pr;
        uint32_t idx, end;
        mention_init(&m, s, r0, r1, NG_MK_CAND);
        scan_prefix(w, s, cov, r0, &pr);
        m.t0 = pr.start;
        m.ev = pr.ev;
        m.st = pr.affil;
        m.st_org = pr.affil_org;
        m.title = pr.title;
        m.owner = pr.owner;
        scan_suffix(w, s, cov, r1, &end, &m.st, &m.st2, &m.st_org, &m.title, &m.ev);
        if (m.st >= 0) m.owner = 0;
        m.t1 = end;
        /* verbs of saying next to the name */
        if (end < b && (ng_w__bits(w, end) & NG_W_SAY)) m.ev |= NG_EV_SAY;
        if (pr.start > a && (ng_w__bits(w, pr.start - 1) & NG_W_SAY)) m.ev |= NG_EV_SAY;
        if (pr.start >= a + 2 && ng_w__is(w, pr.start - 1, "to") &&
            ng_w__is(w, pr.start - 2, "according"))
            m.ev |= NG_EV_SAY;
        if ((error = add_mention(w, &idx, &m)) < 0) return error;
        uncover(cov, a, r0, r1, (int32_t)idx);
    }
    return NG_OK;
}

/* Step 3: runs of capitalized words. */
static int name_runs(ng_work *w, uint32_t s, int32_t *cov)
{
    const ng_wsent *se = &w->sents[s];
    uint32_t a = se->tok0, b = se->tok0 + se->ntok;
    int error;
    /* known organizations followed by an unknown acronym: "... States (ECOWAS)" */
    for (uint32_t i = a; i < b; i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t1 != i + 1 || w->ms[mi].kind != NG_MK_ORG || w->ms[mi].dead)
            continue;
        uint64_t acr = acronym_at(w, i + 1, b);
        if (!acr || cov[i + 2 - a] >= 0) continue;
        int32_t oi;
        if ((error = find_or_add_org(w, &oi, seq_hash(w, w->ms[mi].n0, w->ms[mi].n1), (uint32_t)mi,
                                     w->ms[mi].lex, -1)) < 0)
            return error;
        w->neworgs[oi].acr_h = acr;
    }
    if (se->headline) return NG_OK;
    /* a one-word honorific inside a name ("Hassan Sheikh Mohamud") is part of it, and a
     * capital before a capitalized word ("Rome Statute", "Moscow Times") is part of a longer
     * name */
    for (uint32_t i = a + 1; i + 1 < b; i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        ng_mention *m = &w->ms[mi];
        if (m->kind == NG_MK_TITLE && m->t1 == i + 1) {
            int k = w->lex->titles[m->lex].kind;
            if ((k == NG_TITLE_ROYAL || k == NG_TITLE_RELIGIOUS || k == NG_TITLE_HONORIFIC) &&
                cov[i - 1 - a] < 0 && is_name_tok(w, i - 1) &&
                !(ng_w__bits(w, i - 1) & NG_W_STOP) && cov[i + 1 - a] < 0 &&
                is_name_tok(w, i + 1)) {
                m->dead = 1;
                cov[i - a] = -1;
            }
        }
    }
    for (uint32_t i = a + 1; i < b; i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        ng_mention *m = &w->ms[mi];
        /* "Treaty on Conventional Armed Forces": a body with no state inside a longer name */
        if (m->kind == NG_MK_BODY && m->st < 0 && cov[i - 1 - a] < 0 && tok_cap(w, i) &&
            (is_name_tok(w, i - 1) || is_run_tok(w, i - 1)) &&
            !(w->tk.v[i - 1].flags & NG_TK_FIRST)) {
            m->dead = 1;
            uncover(cov, a, m->t0, m->t1, -1);
        }
    }
    for (uint32_t i = a; i + 1 < b; i++) {
        int32_t mi = cov[i - a];
        if (mi < 0 || w->ms[mi].t0 != i || w->ms[mi].dead) continue;
        ng_mention *m = &w->ms[mi];
        if (m->kind == NG_MK_PLACE && m->t1 < b && cov[m->t1 - a] < 0 && is_name_tok(w, m->t1)) {
            m->dead = 1;
            uncover(cov, a, m->t0, m->t1, -1);
        }
    }
    /* organizations first (pass 0), so that a person's apposition can name one that
     * follows ("X, a former leader of the Sandinista Front"), then people (pass 1) */
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = a; i < b;) {
            if (cov[i - a] >= 0 || !(is_name_tok(w, i) || is_run_tok(w, i))) {
                i++;
                continue;
            }
            uint32_t f0 = i, f1 = i;
            while (f1 < b && cov[f1 - a] < 0) {
                if (is_name_tok(w, f1) || is_run_tok(w, f1)) {
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
                break;
            }
            i = f1;
            while (f0 < f1 && (ng_w__bits(w, f0) & NG_W_STOP))
                f0++;
            if (f0 >= f1) continue;
            /* names of organizations go on over "of", "for", "and", "the": "Committee for the
             * Transition and Restoration of Institutions (CTRI)"; kept only if an organization */
            {
                uint32_t x = f1, last_good = f1;
                while (x < b && x - f1 < 12) {
                    uint32_t y = x;
                    while (y < b && cov[y - a] < 0 &&
                           (ng_w__is(w, y, "of") || ng_w__is(w, y, "for") ||
                            ng_w__is(w, y, "and") || ng_w__is(w, y, "the") ||
                            ng_w__is(w, y, "on") || ng_w__is(w, y, "in")) &&
                           y - x < 3)
                        y++;
                    if (y == x || y >= b || cov[y - a] >= 0 ||
                        !(is_name_tok(w, y) || is_run_tok(w, y)))
                        break;
                    while (y < b && cov[y - a] < 0 && (is_name_tok(w, y) || is_run_tok(w, y)))
                        y++;
                    x = last_good = y;
                }
                if (last_good > f1 && ((ng_w__bits(w, last_good - 1) & NG_W_ORGHEAD) ||
                                       acronym_at(w, last_good, b))) {
                    f1 = last_good;
                    i = f1;
                }
            }
            /* an organization: the run ends with a head word, or an acronym follows */
            {
                uint64_t acr = acronym_at(w, f1, b);
                /* one head word is enough after a demonym ("Ethiopian Airlines") */
                int after_demonym = f0 > a && cov[f0 - 1 - a] >= 0 &&
                                    w->ms[cov[f0 - 1 - a]].kind == NG_MK_DEMONYM &&
                                    w->ms[cov[f0 - 1 - a]].t1 == f0 &&
                                    !(ng_w__bits(w, f1 - 1) & (NG_W_TROOPS | NG_W_GOVNOUN));
                int orghead =
                    (ng_w__bits(w, f1 - 1) & NG_W_ORGHEAD) && (f1 - f0 >= 2 || after_demonym);
                if ((orghead || (acr && f1 - f0 >= 2)) &&
                    !(ng_w__bits(w, f1 - 1) & NG_W_PLACEHEAD)) {
                    uint32_t o0 = f0;
                    int32_t st = -1;
                    ng_mention m;
                    uint32_t idx;
                    int32_t oi;
                    /* a demonym or a state's name just before belongs to it ("Malian Armed
                     * Forces", "Guyana Defence Force", "US Southern Command") */
                    if (o0 > a && cov[o0 - 1 - a] >= 0 &&
                        (w->ms[cov[o0 - 1 - a]].kind == NG_MK_DEMONYM ||
                         (w->ms[cov[o0 - 1 - a]].kind == NG_MK_STATE &&
                          !(w->tk.v[o0 - 1].flags & NG_TK_POSS))) &&
                        w->ms[cov[o0 - 1 - a]].t1 == o0 && !w->ms[cov[o0 - 1 - a]].dead &&
                        w->lex->ents[w->ms[cov[o0 - 1 - a]].lex].type == NG_ETYPE_STATE) {
                        st = w->ms[cov[o0 - 1 - a]].lex;
                        w->ms[cov[o0 - 1 - a]].dead = 1;
                        o0 = w->ms[cov[o0 - 1 - a]].t0;
                    }
                    mention_init(&m, s, o0, f1, NG_MK_ORG);
                    if ((error = add_mention(w, &idx, &m)) < 0) return error;
                    if ((error = find_or_add_org(w, &oi, seq_hash(w, o0, f1), idx, -1, st)) < 0)
                        return error;
                    w->ms[idx].org = oi;
                    if (acr) w->neworgs[oi].acr_h = acr;
                    uncover(cov, a, o0, f1, (int32_t)idx);
                    continue;
                }
            }
            if (pass == 0) continue;
            /* people: the parts of the run between words that are never names */
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
                /* next to words that are never names ("Operation Barkhane", "Task Force Sabre"):
                 * the name of something else */
                int beside = (r0 > f0 && is_run_tok(w, r0 - 1)) || (r1 < f1 && is_run_tok(w, r1));
                if (!beside && (error = person_candidate(w, s, cov, r0, r1)) < 0) return error;
                r0 = r1 > r0 ? r1 : r0 + 1;
            }
        }
    return NG_OK;
}

int ng_mentions__sentence(ng_work *w, uint32_t s)
{
    ng_wsent *se = &w->sents[s];
    int32_t *cov = NULL;
    int error = NG_OK;
    se->m0 = (uint32_t)w->n_ms;
    if (!se->ntok) {
        se->nm = 0;
        return NG_OK;
    }
    if (!(cov = ng_malloc(se->ntok * sizeof *cov))) return NG_ENOMEM;
    for (uint32_t i = 0; i < se->ntok; i++)
        cov[i] = -1;
    if ((error = dict_matches(w, s, cov)) < 0) goto cleanup;
    combine(w, s, cov);
    if ((error = name_runs(w, s, cov)) < 0) goto cleanup;
cleanup:
    se->nm = (uint32_t)(w->n_ms - se->m0);
    free(cov);
    return error;
}

static int cmp_mention(const void *x, const void *y)
{
    const ng_mention *a = x, *b = y;
    if (a->sent != b->sent) return a->sent < b->sent ? -1 : 1;
    if (a->t0 != b->t0) return a->t0 < b->t0 ? -1 : 1;
    if (a->t1 != b->t1) return a->t1 > b->t1 ? -1 : 1;
    return 0;
}

int ng_mentions__acronyms(ng_work *w)
{
    int error;
    /* acronyms anywhere (also before their definition, as in a headline) */
    for (size_t o = 0; o < w->n_neworgs; o++) {
        uint64_t acr = w->neworgs[o].acr_h;
        if (!acr) continue;
        for (uint32_t s = 0; s < w->n_sents; s++) {
            const ng_wsent *se = &w->sents[s];
            for (uint32_t t = se->tok0; t < se->tok0 + se->ntok; t++) {
                if (w->tk.v[t].h != acr || !(w->tk.v[t].flags & NG_TK_CAP)) continue;
                /* skip the definition itself and tokens inside other mentions */
                int inside = 0;
                for (uint32_t k = se->m0; k < se->m0 + se->nm && !inside; k++)
                    if (!w->ms[k].dead && w->ms[k].t0 <= t && t < w->ms[k].t1) inside = 1;
                if (inside) continue;
                if (t > se->tok0 && *ng_w__fold(w, t - 1) == '(') continue;
                ng_mention m;
                uint32_t idx;
                mention_init(&m, s, t, t + 1, NG_MK_ORG);
                m.org = (int32_t)o;
                m.lex = w->neworgs[o].lex;
                if ((error = add_mention(w, &idx, &m)) < 0) return error;
            }
        }
    }
    /* drop dead mentions, sort by sentence and position, and index sentences */
    {
        size_t k = 0;
        for (size_t i = 0; i < w->n_ms; i++)
            if (!w->ms[i].dead) w->ms[k++] = w->ms[i];
        /* neworg name mentions move: remember them by (sent, t0) */
        w->n_ms = k;
    }
    {
        /* keep neworg -> mention links valid across the sort */
        uint64_t *keys = NULL;
        if (w->n_neworgs && !(keys = ng_malloc(w->n_neworgs * sizeof *keys))) return NG_ENOMEM;
        for (size_t o = 0; o < w->n_neworgs; o++)
            keys[o] = 0;
        for (size_t i = 0; i < w->n_ms; i++) {
            const ng_mention *m = &w->ms[i];
            if (m->kind == NG_MK_ORG && m->org >= 0 && !keys[m->org])
                keys[m->org] = ((uint64_t)m->sent << 32 | m->t0) + 1;
        }
        /* mentions are mostly in order already: a stable sort leaves a sorted array as it is */
        size_t unsorted = 0;
        for (size_t i = 1; i < w->n_ms && !unsorted; i++)
            unsorted = cmp_mention(&w->ms[i - 1], &w->ms[i]) > 0;
        if (unsorted) qsort(w->ms, w->n_ms, sizeof *w->ms, cmp_mention);
        for (size_t i = 0; i < w->n_ms; i++) {
            const ng_mention *m = &w->ms[i];
            if (m->kind == NG_MK_ORG && m->org >= 0 &&
                keys[m->org] == (((uint64_t)m->sent << 32 | m->t0) + 1))
                w->neworgs[m->org].name_m = (uint32_t)i;
        }
        free(keys);
    }
    for (uint32_t s = 0; s < w->n_sents; s++) {
        w->sents[s].m0 = 0;
        w->sents[s].nm = 0;
    }
    for (size_t i = w->n_ms; i-- > 0;)
        w->sents[w->ms[i].sent].m0 = (uint32_t)i;
    for (size_t i = 0; i < w->n_ms; i++)
        w->sents[w->ms[i].sent].nm++;
    /* body mentions with st/affiliation indexes point at mentions: they were dropped from
     * candidates (st_org) on purpose; see people.c */
    return NG_OK;
}
