/* mentions.c - pass 1 over a sentence: what is named in it (dict.c, runs.c, personrole.c).
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
#include "mentions.h"

#include <stdlib.h>
#include <string.h>

int ng_mentions__add(ng_work *w, uint32_t *idx, const ng_mention *m)
{
    if (NG_ARRAY_GROW(w->ms, w->cap_ms, w->n_ms + 1) < 0) return NG_ENOMEM;
    w->ms[w->n_ms] = *m;
    *idx = (uint32_t)w->n_ms++;
    return NG_OK;
}

void ng_mentions__init(ng_mention *m, uint32_t s, uint32_t t0, uint32_t t1, uint8_t kind)
{
    memset(m, 0, sizeof *m);
    m->sent = s;
    m->t0 = m->n0 = t0;
    m->t1 = m->n1 = t1;
    m->kind = kind;
    m->lex = m->st = m->st2 = m->st2_org = m->st_org = m->title = m->org = m->pers = m->actor = -1;
}

int ng_mentions__sentence(ng_work *w, uint32_t s)
{
    ng_wsent *se = &w->sents[s];
    int32_t cov[NG_MAX_SENTENCE_TOKENS]; /* a sentence has no more tokens (extract.c) */
    int error = NG_OK;
    se->m0 = (uint32_t)w->n_ms;
    if (!se->ntok) {
        se->nm = 0;
        return NG_OK;
    }
    NG_ASSERT(se->ntok <= NG_MAX_SENTENCE_TOKENS);
    memset(cov, 0xFF, se->ntok * sizeof cov[0]); /* every token uncovered: -1 */
    if ((error = ng_dict__matches(w, s, cov)) < 0) goto cleanup;
    ng_dict__combine(w, s, cov);
    if ((error = ng_runs__sentence(w, s, cov)) < 0) goto cleanup;
cleanup:
    se->nm = (uint32_t)(w->n_ms - se->m0);
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

/* "PACE President X", "INEC chairman X": an acronym the article defines (after pass 1 read
 * the title) that opens the title phrase (a title, or a person noun in lower case) of a
 * person without a stated affiliation, or stands right before it, is its owner. */
static void title_owner(ng_mention *m, uint32_t t, size_t o, int32_t lex)
{
    if ((m->kind != NG_MK_CAND && m->kind != NG_MK_PERSON) || (m->t0 != t && m->t0 != t + 1) ||
        t >= m->n0 ||
        (m->title < 0 && !(m->ev & NG_EV_TITLE)) || m->st >= 0 || m->st_org >= 0 || m->owner)
        return;
    if (lex >= 0)
        m->st = lex;
    else
        m->st_org = (int32_t)o;
}

/* An acronym defined in the article (w->neworgs[o].acr_h) is that organization anywhere,
 * also before its definition (as in a headline), outside other mentions. */
static int acronym_mentions(ng_work *w, size_t o)
{
    uint64_t acr = w->neworgs[o].acr_h;
    int error;
    for (uint32_t s = 0; s < w->n_sents; s++) {
        const ng_wsent *se = &w->sents[s];
        for (uint32_t t = se->tok0; t < se->tok0 + se->ntok; t++) {
            if (w->tk.v[t].h != acr || !(w->tk.v[t].flags & NG_TK_CAP)) continue;
            /* skip the definition itself and tokens inside other mentions; a dictionary
             * acronym of that one token yields to the article's definition ("the National
             * Security Committee (NSC)" is not the dictionary's "NSC") */
            int inside = 0;
            for (uint32_t k = se->m0; k < se->m0 + se->nm && !inside; k++) {
                ng_mention *x = &w->ms[k];
                if (x->dead || x->t0 > t || t >= x->t1) continue;
                if (x->t0 == t && x->t1 == t + 1 && x->org < 0 &&
                    (x->kind == NG_MK_ORG || x->kind == NG_MK_BODY) &&
                    (w->tk.v[t].flags & NG_TK_UPPER) && *ng_w__fold(w, t - (t > se->tok0)) != '(')
                    x->dead = 1;
                else
                    inside = 1;
            }
            for (uint32_t k = se->m0; k < se->m0 + se->nm; k++)
                if (!w->ms[k].dead) title_owner(&w->ms[k], t, o, w->neworgs[o].lex);
            if (inside) continue;
            if (t > se->tok0 && *ng_w__fold(w, t - 1) == '(') continue;
            ng_mention m;
            uint32_t idx;
            ng_mentions__init(&m, s, t, t + 1, NG_MK_ORG);
            m.org = (int32_t)o;
            m.lex = w->neworgs[o].lex;
            if ((error = ng_mentions__add(w, &idx, &m)) < 0) return error;
        }
    }
    return NG_OK;
}

/* A shorter form of an organization named in the text ("the Joint Committee" after "the
 * Withdrawal Agreement Joint Committee"): the last words of exactly one longer name (of two
 * words or more, behind capitalized words) are that organization. */
static void org_short_forms(ng_work *w)
{
    for (size_t i = 0; i < w->n_ms; i++) {
        ng_mention *m = &w->ms[i];
        if (m->kind != NG_MK_ORG || m->org < 0 || w->neworgs[m->org].lex >= 0 || m->dead ||
            m->t1 - m->t0 < 2)
            continue;
        uint32_t n = m->t1 - m->t0;
        int32_t found = -1;
        int several = 0;
        for (size_t o = 0; o < w->n_neworgs && !several; o++) {
            const ng_mention *x = &w->ms[w->neworgs[o].name_m];
            if ((int32_t)o == m->org || w->neworgs[o].lex >= 0 || x->t1 - x->t0 <= n ||
                !ng_mentions__cap(w, x->t1 - n - 1))
                continue;
            uint32_t k = 0;
            while (k < n && w->tk.v[x->t1 - n + k].h == w->tk.v[m->t0 + k].h)
                k++;
            if (k < n || found == (int32_t)o) continue;
            several = found >= 0;
            found = (int32_t)o;
        }
        if (found >= 0 && !several) m->org = found;
    }
}

/* Sorts n mentions stably by cmp_mention. They are mostly in order already (a few in each
 * sentence out of place: about one move per two mentions), which an insertion sort puts in
 * place in about one pass; past a budget of moves (an article out of order everywhere) qsort
 * finishes the job. glibc's qsort is a stable merge sort, and a stable sort of a partly
 * sorted array (a stable sort of its first part, the rest as it was) gives the order of a
 * stable sort of the original: every way gives the same bytes. */
void ng_mentions__sort(ng_mention *v, size_t n)
{
    size_t budget = 4 * n + 64;
    for (size_t i = 1; i < n; i++) {
        if (cmp_mention(&v[i - 1], &v[i]) <= 0) continue;
        ng_mention x = v[i];
        size_t j = i;
        while (j > 0 && cmp_mention(&v[j - 1], &x) > 0)
            j--;
        if (i - j > budget) {
            qsort(v, n, sizeof *v, cmp_mention);
            return;
        }
        budget -= i - j;
        memmove(&v[j + 1], &v[j], (i - j) * sizeof *v);
        v[j] = x;
    }
}

/* Sorts the mentions by sentence and position, keeping each text organization's link to the
 * mention of its name (its longest mention, the first of them). */
static int sort_mentions(ng_work *w)
{
    uint64_t *keys = NULL;
    if (w->n_neworgs && !(keys = ng_malloc(w->n_neworgs * sizeof *keys))) return NG_ENOMEM;
    for (size_t o = 0; o < w->n_neworgs; o++)
        keys[o] = 0;
    uint32_t *len = w->n_neworgs ? ng_calloc(w->n_neworgs, sizeof *len) : NULL;
    if (w->n_neworgs && !len) {
        free(keys);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < w->n_ms; i++) {
        const ng_mention *m = &w->ms[i];
        if (m->kind != NG_MK_ORG || m->org < 0) continue;
        uint64_t key = ((uint64_t)m->sent << 32 | m->t0) + 1;
        if (!keys[m->org] || m->t1 - m->t0 > len[m->org] ||
            (m->t1 - m->t0 == len[m->org] && key < keys[m->org])) {
            keys[m->org] = key;
            len[m->org] = m->t1 - m->t0;
        }
    }
    free(len);
    ng_mentions__sort(w->ms, w->n_ms);
    for (size_t i = 0; i < w->n_ms; i++) {
        const ng_mention *m = &w->ms[i];
        if (m->kind == NG_MK_ORG && m->org >= 0 &&
            keys[m->org] == (((uint64_t)m->sent << 32 | m->t0) + 1))
            w->neworgs[m->org].name_m = (uint32_t)i;
    }
    free(keys);
    return NG_OK;
}

/* Does word t read as a person's surname, not an organization's name: no determiner before
 * it ("the Wagner mercenaries"), and after it no lower-case word but a verb's ("Wagner said",
 * "Wagner later met", "Wagner has")? */
static int surname_use(const ng_work *w, uint32_t a, uint32_t b, uint32_t t)
{
    if (t > a && (ng_w__bits(w, t - 1) & NG_W_DET)) return 0;
    if (t + 1 >= b || !(w->tk.v[t + 1].flags & NG_TK_WORD) || (w->tk.v[t + 1].flags & NG_TK_CAP))
        return 1;
    return (ng_w__bits(w, t + 1) &
            (NG_W_SAY | NG_W_SKIPADV | NG_W_PAST_MARK | NG_W_BE | NG_W_MODAL)) != 0;
}

/* A one-word organization of the dictionary that is the surname of a person the article
 * names in full ("Deputy Foreign Minister Pawel Wagner ... Wagner said") is that person
 * wherever it reads as one: a person candidate, not the organization. */
static int org_surnames(ng_work *w)
{
    uint64_t last[32];
    size_t n = 0, n_ms = w->n_ms, first = n_ms;
    int error;
    for (size_t i = 0; i < n_ms; i++) {
        const ng_mention *m = &w->ms[i];
        if (m->kind == NG_MK_CAND && !m->dead && m->n1 - m->n0 >= 2) {
            if (n < 32) last[n++] = w->tk.v[m->n1 - 1].h;
        }
        else if (first == n_ms && m->kind == NG_MK_ORG && m->lex >= 0 && m->t1 == m->t0 + 1)
            first = i;
    }
    for (size_t i = first; i < n_ms && n; i++) {
        ng_mention *m = &w->ms[i];
        uint32_t t = m->t0;
        if (m->kind != NG_MK_ORG || m->dead || m->org >= 0 || m->lex < 0 || m->t1 != t + 1 ||
            (w->tk.v[t].flags & NG_TK_UPPER))
            continue;
        size_t k = 0;
        while (k < n && last[k] != w->tk.v[t].h)
            k++;
        const ng_wsent *se = &w->sents[m->sent];
        if (k == n || !surname_use(w, se->tok0, se->tok0 + se->ntok, t)) continue;
        ng_mention c;
        uint32_t idx;
        ng_mentions__init(&c, m->sent, t, t + 1, NG_MK_CAND);
        m->dead = 1;
        if ((error = ng_mentions__add(w, &idx, &c)) < 0) return error;
    }
    return NG_OK;
}

/* The initials of an organization named in the text, in lower case ("Forum for
 * India-Pacific Islands Cooperation" -> "fipic": each capitalized word and each part after
 * a hyphen gives its first letter, lower-case words none); 0 when fewer than three. */
static size_t org_initials(const ng_work *w, const ng_mention *m, char *out, size_t cap)
{
    size_t n = 0;
    for (uint32_t t = m->t0; t < m->t1; t++) {
        const char *f = ng_w__fold(w, t);
        if (!(w->tk.v[t].flags & NG_TK_CAP) || (w->tk.v[t].flags & NG_TK_UPPER)) continue;
        for (uint16_t i = 0; i < w->tk.v[t].flen && n + 1 < cap; i++)
            if ((i == 0 || f[i - 1] == '-') && f[i] >= 'a' && f[i] <= 'z') out[n++] = f[i];
    }
    out[n] = 0;
    return n >= 3 && n + 1 < cap ? n : 0;
}

/* Does a mention other than `own`, of several words, spell the initials at token t ("the
 * National Security Council", a government body, beside a new "National Statistics
 * Committee": "NSC" is neither)? */
static int other_initials(const ng_work *w, const ng_mention *own, uint32_t t)
{
    for (size_t k = 0; k < w->n_ms; k++) {
        const ng_mention *x = &w->ms[k];
        char ini[12];
        if (x == own || x->dead || x->t1 - x->t0 < 2 || (x->org >= 0 && x->org == own->org) ||
            (x->kind != NG_MK_ORG && x->kind != NG_MK_BODY))
            continue;
        size_t n = org_initials(w, x, ini, sizeof ini);
        if (n == w->tk.v[t].flen && !memcmp(ini, ng_w__fold(w, t), n)) return 1;
    }
    return 0;
}

/* "the Forum for India-Pacific Islands Cooperation ... FIPIC was launched in 2014": a word
 * in capitals that spells the initials of exactly one organization the article names, and
 * no acronym of its own, is that organization's acronym. */
static void initials_acronyms(ng_work *w)
{
    for (uint32_t t = 0; t < w->tk.n; t++) {
        if (!(w->tk.v[t].flags & NG_TK_UPPER) || w->tk.v[t].flen < 3 || w->tk.v[t].flen > 8)
            continue;
        int32_t found = -1;
        for (size_t o = 0; o < w->n_neworgs; o++) {
            char ini[12];
            const ng_neworg *g = &w->neworgs[o];
            if (g->acr_h || g->lex >= 0 || g->treaty) continue;
            size_t n = org_initials(w, &w->ms[g->name_m], ini, sizeof ini);
            if (n != w->tk.v[t].flen || memcmp(ini, ng_w__fold(w, t), n)) continue;
            if (found >= 0) { /* two organizations share these initials */
                found = -2;
                break;
            }
            found = (int32_t)o;
        }
        if (found >= 0 && !other_initials(w, &w->ms[w->neworgs[found].name_m], t))
            w->neworgs[found].acr_h = w->tk.v[t].h;
    }
}

/* "the pro-Western GUUAM grouping ... withdrawing from GUUAM": an organization the text
 * names by one word in capitals (runs.c) is that word anywhere in the article, as an
 * acronym it defines would be. */
static void own_acronyms(ng_work *w)
{
    for (size_t o = 0; o < w->n_neworgs; o++) {
        ng_neworg *g = &w->neworgs[o];
        const ng_mention *m = &w->ms[g->name_m];
        if (g->acr_h || g->lex >= 0 || g->treaty || m->t1 != m->t0 + 1) continue;
        const ng_tok *k = &w->tk.v[m->t0];
        if ((k->flags & NG_TK_UPPER) && k->flen >= 3 && k->flen <= 8) g->acr_h = k->h;
    }
}

int ng_mentions__acronyms(ng_work *w)
{
    int error;
    size_t k = 0;
    if (w->n_neworgs) initials_acronyms(w);
    own_acronyms(w);
    for (size_t o = 0; o < w->n_neworgs; o++)
        if (w->neworgs[o].acr_h && (error = acronym_mentions(w, o)) < 0) return error;
    org_short_forms(w);
    if ((error = org_surnames(w)) < 0) return error;
    /* drop dead mentions, sort by sentence and position, and index sentences */
    for (size_t i = 0; i < w->n_ms; i++)
        if (!w->ms[i].dead) w->ms[k++] = w->ms[i];
    w->n_ms = k;
    if ((error = sort_mentions(w)) < 0) return error;
    for (uint32_t s = 0; s < w->n_sents; s++) {
        w->sents[s].m0 = 0;
        w->sents[s].nm = 0;
    }
    for (size_t i = w->n_ms; i-- > 0;)
        w->sents[w->ms[i].sent].m0 = (uint32_t)i;
    for (size_t i = 0; i < w->n_ms; i++)
        w->sents[w->ms[i].sent].nm++;
    return NG_OK;
}
