/* people.c - which capitalized names are people, and which name variants are one person.
 *
 * A candidate (mentions.c) with evidence (a title, an apposition, a possessive state, a verb
 * of saying next to a name of two words or more, a user dictionary entry) is a person. Names
 * are compared word by word on their transliteration keys (names.c), so "Shoygu" is
 * "Shoigu". Within the article:
 *   - names of two words or more, longest first, join an earlier person whose name contains
 *     them compatibly (a final part "Djibo Bartier", a first part "Hassan Sheikh", or the
 *     first name and a later part "Mahamat Deby"), unless both forms appear in one sentence
 *     (two different people: "Birame Diop" and "Birame Souleye Diop");
 *   - a name without evidence joins a compatible person, else it is dropped;
 *   - a single word (a surname) goes to the person with that name part mentioned most
 *     recently before it (else the next one after it), preferring a last-name match; with no
 *     such person it becomes a partial person (key "person:<surname>") when it has evidence.
 * The label is the fullest form (most words, then most bytes so "Traoré" beats "Traore"). */
#include "extract_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAME 8

typedef struct cand {
    uint32_t m;           /* mention index */
    uint32_t n;           /* words */
    uint64_t h[MAX_NAME]; /* transliteration-key hash of each word */
    uint8_t strong;
    uint8_t royal; /* a royal title and one given name ("Prince Faisal"): h[n - 1] */
} cand;

/* word hash -> people whose name has that word (chained hash table). */
typedef struct pidx {
    int32_t *head;
    size_t cap;
    struct pent {
        uint64_t h;
        int32_t person;
        int32_t pos;
        int32_t next;
    } * e;
    size_t n, ecap;
} pidx;

static int pidx_add(pidx *x, uint64_t h, int32_t person, int32_t pos)
{
    if (NG_ARRAY_GROW(x->e, x->ecap, x->n + 1) < 0) return NG_ENOMEM;
    if ((x->n + 1) * 2 > x->cap) {
        size_t nc = x->cap ? x->cap * 2 : 128;
        int32_t *nh = ng_malloc(nc * sizeof *nh);
        if (!nh) return NG_ENOMEM;
        for (size_t i = 0; i < nc; i++)
            nh[i] = -1;
        for (size_t i = 0; i < x->n; i++) {
            size_t b = (size_t)x->e[i].h & (nc - 1);
            x->e[i].next = nh[b];
            nh[b] = (int32_t)i;
        }
        free(x->head);
        x->head = nh;
        x->cap = nc;
    }
    size_t b = (size_t)h & (x->cap - 1);
    x->e[x->n].h = h;
    x->e[x->n].person = person;
    x->e[x->n].pos = pos;
    x->e[x->n].next = x->head[b];
    x->head[b] = (int32_t)x->n;
    x->n++;
    return NG_OK;
}

static int32_t pidx_first(const pidx *x, uint64_t h)
{
    if (!x->cap) return -1;
    int32_t i = x->head[(size_t)h & (x->cap - 1)];
    while (i >= 0 && x->e[i].h != h)
        i = x->e[i].next;
    return i;
}

static int32_t pidx_next(const pidx *x, int32_t i)
{
    uint64_t h = x->e[i].h;
    i = x->e[i].next;
    while (i >= 0 && x->e[i].h != h)
        i = x->e[i].next;
    return i;
}

/* The transliteration key of a name word; an article particle joined by a hyphen is left
 * out ("al-Assad" is "Assad" alone, "el-Sisi" "Sisi"), so the surname written without it
 * names the same person. */
static int word_key_hash(const ng_work *w, uint32_t t, uint64_t *out)
{
    const char *f = ng_w__fold(w, t);
    uint16_t n = w->tk.v[t].flen;
    if (n > 4 && f[2] == '-' && ((f[0] == 'a' && f[1] == 'l') || (f[0] == 'e' && f[1] == 'l'))) {
        size_t kl;
        const char *s = w->text + w->tk.v[t].off;
        size_t len = w->tk.v[t].len;
        const char *h = memchr(s, '-', len);
        if (h && (size_t)(h - s) + 1 < len)
            return ng_names__key_hash(out, &kl, w->lex, h + 1, len - (size_t)(h - s) - 1);
    }
    return ng_names__tok_key(w, t, out, NULL);
}

/* The keys of name word t appended to c: a given name hyphenated before a lower-case part is
 * its parts ("Kim Jong-un" is "Kim Jong Un", "Kim Yong-chol" "Kim Yong Chol"), so that
 * either way of writing it is one person; other hyphenated words stay one key ("Akufo-Addo",
 * which news writes alone, "al-Assad"). */
static int word_hashes(const ng_work *w, uint32_t t, cand *c)
{
    const ng_tok *k = &w->tk.v[t];
    const char *s = w->text + k->off, *e = s + k->len, *d = memchr(s, '-', k->len);
    const char *f = ng_w__fold(w, t);
    int particle = k->flen > 4 && f[2] == '-' &&
                   ((f[0] == 'a' && f[1] == 'l') || (f[0] == 'e' && f[1] == 'l'));
    if (!d || particle || d == s || d + 1 >= e || !(d[1] >= 'a' && d[1] <= 'z')) {
        int error = word_key_hash(w, t, &c->h[c->n]);
        if (error >= 0) c->n++;
        return error;
    }
    while (s < e && c->n < MAX_NAME) {
        size_t kl;
        d = memchr(s, '-', (size_t)(e - s));
        if (!d) d = e;
        if (d > s) {
            int error = ng_names__key_hash(&c->h[c->n], &kl, w->lex, s, (size_t)(d - s));
            if (error < 0) return error;
            c->n++;
        }
        s = d + 1;
    }
    return NG_OK;
}

/* a (shorter or equal) is a compatible form of b */
static int compat(const cand *a, const cand *b)
{
    uint32_t i, j;
    if (a->n > b->n) return 0;
    if (a->n == b->n) {
        for (i = 0; i < a->n; i++)
            if (a->h[i] != b->h[i]) return 0;
        return 1;
    }
    /* suffix */
    for (i = 0; i < a->n; i++)
        if (a->h[a->n - 1 - i] != b->h[b->n - 1 - i]) break;
    if (i == a->n) return 1;
    /* prefix of two words or more */
    if (a->n >= 2) {
        for (i = 0; i < a->n; i++)
            if (a->h[i] != b->h[i]) break;
        if (i == a->n) return 1;
    }
    /* same first name, the rest a subsequence */
    if (a->n >= 2 && a->h[0] == b->h[0]) {
        for (i = 1, j = 1; i < a->n && j < b->n; j++)
            if (a->h[i] == b->h[j]) i++;
        if (i == a->n) return 1;
    }
    return 0;
}

static int add_person(ng_work *w, pidx *x, const cand *c, int32_t *out, uint32_t m, uint32_t n)
{
    if (NG_ARRAY_GROW(w->people, w->cap_people, w->n_people + 1) < 0) return NG_ENOMEM;
    w->people[w->n_people].name_m = m;
    w->people[w->n_people].n_tok = n;
    w->people[w->n_people].actor = -1;
    w->people[w->n_people].partial = 0;
    w->people[w->n_people].stated = 0;
    *out = (int32_t)w->n_people++;
    for (uint32_t k = 0; k < c->n; k++) {
        /* index each distinct word once per person */
        uint32_t j;
        for (j = 0; j < k; j++)
            if (c->h[j] == c->h[k]) break;
        if (j < k) continue;
        if (pidx_add(x, c->h[k], *out, (int32_t)k) < 0) return NG_ENOMEM;
    }
    return NG_OK;
}

/* Does person p have, in sentence s, a mention whose name differs from c's? */
static int cooccurs(const ng_work *w, const cand *cs, const int32_t *cand_of, int32_t p,
                    const cand *c)
{
    const ng_wsent *se = &w->sents[w->ms[c->m].sent];
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        if (k == c->m || w->ms[k].pers != p || cand_of[k] < 0) continue;
        const cand *o = &cs[cand_of[k]];
        if (o->n != c->n) return 1;
        for (uint32_t i = 0; i < o->n; i++)
            if (o->h[i] != c->h[i]) return 1;
    }
    return 0;
}

/* Bytes of a mention's name (for choosing the label). */
static uint32_t name_bytes(const ng_work *w, uint32_t m)
{
    const ng_mention *x = &w->ms[m];
    return w->tk.v[x->n1 - 1].off + w->tk.v[x->n1 - 1].len - w->tk.v[x->n0].off;
}

/* The article's candidates while people are decided. */
typedef struct resolver {
    cand *cs; /* the candidates with a name, in text order */
    size_t n;
    int32_t *cand_of; /* mention -> candidate, -1 */
    pidx x;           /* name words of the people so far */
    int32_t *last;    /* each person's latest sentence so far (round 3), -1 */
    int32_t *first;   /* each person's first sentence */
    uint8_t *sole;    /* a mention of the person has an office one person holds ("leader") */
} resolver;

/* Royal and religious titles before one name belong to it: "Pope Francis". 1 when they
 * do. */
static int royal_name(ng_work *w, ng_mention *m)
{
    const ng_wsent *se = &w->sents[m->sent];
    if (!((m->ev & NG_EV_ROYAL) && m->n1 - m->n0 == 1 && m->n0 > m->t0)) return 0;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++)
        if (w->ms[k].kind == NG_MK_TITLE && w->ms[k].t1 == m->n0) {
            m->n0 = w->ms[k].t0;
            return 1;
        }
    return 0;
}

/* The candidates: each name's words as transliteration keys, and its strength (evidence). */
static int candidates(ng_work *w, resolver *r)
{
    int error;
    size_t n = 0;
    if (!(r->cand_of = ng_malloc((w->n_ms + 1) * sizeof *r->cand_of))) return NG_ENOMEM;
    for (size_t i = 0; i < w->n_ms; i++) {
        r->cand_of[i] = -1;
        if (w->ms[i].kind == NG_MK_CAND) n++;
    }
    if (!(r->cs = ng_calloc(n + 1, sizeof *r->cs))) return NG_ENOMEM;
    for (size_t i = 0; i < w->n_ms; i++) {
        ng_mention *m = &w->ms[i];
        if (m->kind != NG_MK_CAND) continue;
        int royal = royal_name(w, m);
        cand *c = &r->cs[r->n];
        c->royal = (uint8_t)royal;
        c->m = (uint32_t)i;
        c->n = 0;
        for (uint32_t t = m->n0; t < m->n1 && c->n < MAX_NAME; t++) {
            if (w->tk.v[t].flags & NG_TK_PUNCT) continue;
            if ((error = word_hashes(w, t, c)) < 0) return error;
        }
        if (!c->n) continue;
        c->strong = (m->ev & (NG_EV_TITLE | NG_EV_APPOS | NG_EV_POSS | NG_EV_USER | NG_EV_ROYAL)) ||
                    ((m->ev & (NG_EV_SAY | NG_EV_AGENT | NG_EV_WHO)) && c->n >= 2);
        r->cand_of[i] = (int32_t)r->n;
        r->n++;
    }
    return NG_OK;
}

/* "Mahamat Deby took power after the death of his father Idriss Deby Itno": two forms of
 * the fuller name pc ("Mahamat Idriss Déby Itno") in one sentence that are not forms of each
 * other are two people (relatives share names); the one that starts with pc's first word is
 * pc. 1 when c does not and such another form stands in c's sentence. */
static int rival_form(const ng_work *w, const resolver *r, const cand *c, const cand *pc)
{
    uint32_t sent = w->ms[c->m].sent;
    if (c->h[0] == pc->h[0]) return 0;
    for (size_t i = 0; i < r->n; i++) {
        const cand *o = &r->cs[i];
        if (o->m == c->m || o->n < 2 || w->ms[o->m].sent != sent || o->h[0] != pc->h[0]) continue;
        if (compat(o, pc) && !compat(o, c) && !compat(c, o)) return 1;
    }
    return 0;
}

/* The person with the fullest name of which c is a compatible form and who has no other
 * form in c's sentence, -1. */
static int32_t compatible_person(const ng_work *w, const resolver *r, const cand *c)
{
    int32_t best = -1;
    uint32_t best_n = 0;
    for (int32_t e = pidx_first(&r->x, c->h[c->n - 1]); e >= 0; e = pidx_next(&r->x, e)) {
        int32_t p = r->x.e[e].person;
        const cand *pc = &r->cs[r->cand_of[w->people[p].name_m]];
        if (!compat(c, pc) || cooccurs(w, r->cs, r->cand_of, p, c) || rival_form(w, r, c, pc))
            continue;
        if (best < 0 || pc->n > best_n || (pc->n == best_n && p < best)) {
            best = p;
            best_n = pc->n;
        }
    }
    return best;
}

/* Is a one-word mention used as a surname? Not after a determiner or a place preposition
 * ("the Framework", "talks in Windsor"), except "the Modi government", "the Trump
 * administration". */
static int surname_use(const ng_work *w, const ng_mention *m)
{
    uint32_t t = m->t0, end = w->sents[m->sent].tok0 + w->sents[m->sent].ntok;
    if (t == w->sents[m->sent].tok0 || !(ng_w__bits(w, t - 1) & (NG_W_DET | NG_W_LOCPREP)))
        return 1;
    return m->t1 < end && (ng_w__bits(w, m->t1) & NG_W_GOVNOUN) &&
           !(ng_w__bits(w, t - 1) & NG_W_LOCPREP);
}

/* "the Assad government", "the Biden administration": a surname before a government noun
 * after "the" (a name that only a person's government is named after; alone it makes no
 * person, "the Labour government"). */
static int gov_named_after(const ng_work *w, const ng_mention *m)
{
    uint32_t end = w->sents[m->sent].tok0 + w->sents[m->sent].ntok;
    return m->n1 < end && m->n0 > w->sents[m->sent].tok0 && ng_w__is(w, m->n0 - 1, "the") &&
           !(w->tk.v[m->n1].flags & NG_TK_CAP) && (ng_w__bits(w, m->n1) & NG_W_GOVNOUN) &&
           !(ng_w__bits(w, m->n1) & NG_W_TROOPS);
}

/* Is the separator at t a list's ("," or "and", or ", and")? The token after it, else 0. */
static uint32_t list_sep_end(const ng_work *w, uint32_t t, uint32_t end)
{
    if (t >= end) return 0;
    if (ng_w__punct(w, t, ',')) return t + 1 < end && ng_w__is(w, t + 1, "and") ? t + 2 : t + 1;
    return ng_w__is(w, t, "and") ? t + 1 : 0;
}

/* The candidate whose mention starts at token t in sentence sent (from index k on, candidates
 * being in text order), -1. */
static int32_t cand_at(const ng_work *w, const resolver *r, size_t k, uint32_t sent, uint32_t t)
{
    for (; k < r->n && w->ms[r->cs[k].m].sent == sent && w->ms[r->cs[k].m].t0 <= t; k++)
        if (w->ms[r->cs[k].m].t0 == t) return (int32_t)k;
    return -1;
}

/* "President X Y, Z W and Foreign Minister A B", "X, Y and Z W met": a name of two or three
 * words in a list of names closed by "and" (each item right after "," or "and", the last
 * after "and") where one name has evidence is one of the list's people. A list that does not
 * close on a name ("President X, Kano Pillars and the Super Eagles") or an apposition ("X Y,
 * Nairobi Governor") is none. */
static int list_mate(const ng_work *w, const resolver *r, const cand *c)
{
    const ng_mention *m = &w->ms[c->m];
    uint32_t a = w->sents[m->sent].tok0, b = a + w->sents[m->sent].ntok;
    /* a list's item is right after "and" or a comma, or before one */
    /* "Prime Minister X and Secretary Blinken": a person noun opening the run is a title the
     * dictionary lacks, not a first name */
    if (c->n > 3 || (ng_w__bits(w, m->n0) & NG_W_PERSONNOUN) ||
        !((m->t0 > a && (ng_w__is(w, m->t0 - 1, "and") || ng_w__punct(w, m->t0 - 1, ','))) ||
          list_sep_end(w, m->t1, b)))
        return 0;
    /* the list's first item: walk back over "," / "and" separators */
    size_t self = (size_t)r->cand_of[c->m], first = self; /* c may be a sorted copy */
    while (first > 0) {
        const ng_mention *pm = &w->ms[r->cs[first - 1].m];
        if (pm->sent != m->sent || list_sep_end(w, pm->t1, b) != w->ms[r->cs[first].m].t0) break;
        first--;
    }
    int strong = 0, items = 0, closed = 0;
    for (size_t k = first;;) {
        const ng_mention *km = &w->ms[r->cs[k].m];
        strong |= r->cs[k].strong && k != self;
        items++;
        closed = km->t0 > a && ng_w__is(w, km->t0 - 1, "and") && items > 1;
        uint32_t next = list_sep_end(w, km->t1, b);
        int32_t nk = next ? cand_at(w, r, k + 1, m->sent, next) : -1;
        if (nk < 0) break;
        k = (size_t)nk;
    }
    return strong && closed && items >= 2;
}

/* Is h a word of c other than its first and last (a name of three words or more)? */
static int middle_word(const cand *c, uint64_t h)
{
    for (uint32_t j = 1; j + 1 < c->n; j++)
        if (c->h[j] == h) return 1;
    return 0;
}

/* A weak name stands when a strong single word names its last part, or when news refers
 * back to it the way it refers to people: its surname alone (last word, or first for names
 * written surname first, "Xi" of "Xi Jinping") in two other sentences ("Narendra Modi ...
 * Modi held talks ... Modi and Xi"). Organizations and places are not named by one word of
 * their name again and again. */
static int weak_name_stands(const ng_work *w, const resolver *r, const cand *c)
{
    uint32_t sent = w->ms[c->m].sent, last_s = UINT32_MAX, first_s = UINT32_MAX, mid_s = UINT32_MAX;
    int n_first = 0, n_last = 0, n_mid = 0;
    if (list_mate(w, r, c)) return 1;
    for (size_t k = 0; k < r->n; k++) {
        const cand *o = &r->cs[k];
        if (o->n != 1) continue;
        /* "Recep Tayyip Erdogan met X. Erdogan said ...": a surname alone with evidence of
         * its own (a verb of saying, ", who") names a person as a title would */
        if ((o->strong || (w->ms[o->m].ev & (NG_EV_SAY | NG_EV_WHO | NG_EV_AGENT)) ||
             gov_named_after(w, &w->ms[o->m])) &&
            o->h[0] == c->h[c->n - 1])
            return 1;
        /* "Paetongtarn Shinawatra was suspended ... Paetongtarn's father": a first name
         * alone that a family noun or "who" says is a person's */
        if ((w->ms[o->m].ev & NG_EV_WHO) && o->h[0] == c->h[0] && w->ms[o->m].sent != sent)
            return 1;
        uint32_t s = w->ms[o->m].sent; /* candidates are in text order */
        if (s == sent || !surname_use(w, &w->ms[o->m])) continue;
        if (o->h[0] == c->h[c->n - 1] && s != last_s) {
            if (++n_last >= 2) return 1;
            last_s = s;
        } else if (o->h[0] == c->h[0] && s != first_s) {
            if (++n_first >= 2) return 1;
            first_s = s;
        } else if (s != mid_s && middle_word(c, o->h[0])) {
            /* "Luiz Inácio Lula da Silva ... Lula's advisers ... Lula was": the name news
             * calls the person by may be a middle one */
            if (++n_mid >= 2) return 1;
            mid_s = s;
        }
    }
    return 0;
}

/* Rounds 1 and 2: strong then weak names of two words or more, longest first (a sorted copy:
 * cand_of keeps pointing into the unsorted array). */
static int long_names(ng_work *w, resolver *r)
{
    int error = NG_OK;
    cand *sorted = ng_malloc((r->n + 1) * sizeof *sorted);
    if (!sorted) return NG_ENOMEM;
    /* longest first, then in mention order: r->cs is in mention order
     * and a name has 1..MAX_NAME words, so one stable pass per word count gives it (qsort of
     * these 88-byte records cost some 3,000 instructions an article) */
    size_t k = 0;
    for (uint32_t words = MAX_NAME; words >= 1; words--)
        for (size_t i = 0; i < r->n; i++)
            if (r->cs[i].n == words) sorted[k++] = r->cs[i];
    NG_ASSERT(k == r->n);
    for (int round = 0; round < 2 && error == NG_OK; round++) {
        for (size_t i = 0; i < r->n; i++) {
            cand *c = &sorted[i];
            ng_mention *m = &w->ms[c->m];
            if (c->n < 2 || c->royal || m->pers >= 0 || (round == 0) != (c->strong != 0))
                continue;
            int32_t best = compatible_person(w, r, c);
            if (best >= 0) {
                m->pers = best;
                continue;
            }
            if (round == 1 && !weak_name_stands(w, r, c)) continue;
            if ((error = add_person(w, &r->x, c, &m->pers, c->m, c->n)) < 0) break;
        }
    }
    free(sorted);
    return error;
}

/* Does a mention of person p have the word `title` (a token hash) before its name ("Crown
 * Prince Mohammed bin Salman" for "Prince")? */
static int titled_with(const ng_work *w, int32_t p, uint64_t title)
{
    for (size_t k = 0; k < w->n_ms; k++) {
        const ng_mention *x = &w->ms[k];
        if (x->kind != NG_MK_CAND || x->pers != p) continue;
        for (uint32_t t = x->t0; t < x->n0; t++)
            if (w->tk.v[t].h == title) return 1;
    }
    return 0;
}

/* A royal title and one given name ("Prince Mohammed", "Sheikh Tamim") is the one person
 * whose name starts with that given name and who is written with that title ("Crown Prince
 * Mohammed bin Salman"); else a person of its own ("King Salman" is not "Crown Prince Salman
 * bin Hamad"). After the longer names, so the full name is known wherever it is written. */
static int royal_names(ng_work *w, resolver *r)
{
    for (size_t i = 0; i < r->n; i++) {
        cand *c = &r->cs[i];
        ng_mention *m = &w->ms[c->m];
        if (!c->royal || m->pers >= 0 || c->n < 2) continue;
        uint64_t title = w->tk.v[m->n1 - 2].h;
        int32_t found = -1, n_found = 0;
        for (int32_t e = pidx_first(&r->x, c->h[c->n - 1]); e >= 0; e = pidx_next(&r->x, e)) {
            int32_t p = r->x.e[e].person;
            if (r->x.e[e].pos != 0 || p == found || !titled_with(w, p, title)) continue;
            const cand *pc = &r->cs[r->cand_of[w->people[p].name_m]];
            if (pc->royal || cooccurs(w, r->cs, r->cand_of, p, c)) continue;
            found = p;
            n_found++;
        }
        if (n_found == 1) {
            m->pers = found;
            continue;
        }
        int error = add_person(w, &r->x, c, &m->pers, c->m, c->n);
        if (error < 0) return error;
    }
    return NG_OK;
}

/* Each person's first sentence, for round 3. */
static int recency(ng_work *w, resolver *r)
{
    size_t n = r->n + w->n_people + 1;
    if (!w->n_people && !r->n) return NG_OK;
    if (!(r->last = ng_malloc(n * sizeof *r->last)) ||
        !(r->first = ng_malloc(n * sizeof *r->first)) || !(r->sole = ng_calloc(n, 1)))
        return NG_ENOMEM;
    for (size_t p = 0; p < n; p++) {
        r->last[p] = -1;
        r->first[p] = INT32_MAX;
    }
    for (size_t k = 0; k < w->n_ms; k++) {
        const ng_mention *m = &w->ms[k];
        if (m->kind != NG_MK_CAND || m->pers < 0) continue;
        if ((int32_t)m->sent < r->first[m->pers]) r->first[m->pers] = (int32_t)m->sent;
        if (m->title >= 0 && w->lex->titles[m->title].sole) r->sole[m->pers] = 1;
    }
    return NG_OK;
}

/* A family name written first ("Kim") that several people share, when the latest of them
 * was named more than two sentences back: the one person among them titled with an office
 * one person holds ("North Korean leader Kim Jong-un ... JCS Chairman Kim Myung-soo ...
 * [later] Kim met Trump"), else `latest`. Near the latest one, the text still speaks of
 * that one ("Kim Myung-soo ordered ... Kim said"). */
static int32_t family_name_holder(const resolver *r, const cand *c, const ng_mention *m,
                                  int32_t latest)
{
    int32_t holder = -1;
    if (r->sole[latest] || r->last[latest] < 0 || r->last[latest] + 2 >= (int32_t)m->sent)
        return latest;
    for (int32_t e = pidx_first(&r->x, c->h[0]); e >= 0; e = pidx_next(&r->x, e)) {
        int32_t p = r->x.e[e].person;
        if (r->x.e[e].pos != 0 || !r->sole[p] || r->last[p] < 0 || p == holder) continue;
        if (holder >= 0) return latest;
        holder = p;
    }
    return holder >= 0 ? holder : latest;
}

/* The person a single word (candidate c of mention m) names: a last-name match first (a
 * first word only for names written surname first, "Xi" of "Xi Jinping", when nothing else
 * matches), then the person mentioned most recently before it, else the next one after it
 * (see family_name_holder for a family name several people share); -1. */
static int32_t single_word_person(const ng_work *w, const resolver *r, const cand *c,
                                  const ng_mention *m)
{
    int32_t best = -1;
    long best_score = -1;
    for (int32_t e = pidx_first(&r->x, c->h[0]); e >= 0; e = pidx_next(&r->x, e)) {
        int32_t p = r->x.e[e].person;
        const cand *pc = &r->cs[r->cand_of[w->people[p].name_m]];
        int32_t pos = r->x.e[e].pos;
        long score = (pos > 0 ? 1L << 40 : 0) +
                     (r->last[p] >= 0 ? ((long)r->last[p] + 2) << 2
                                      : (r->first[p] > (int32_t)m->sent ? 4 : 0)) +
                     (pos == (int32_t)pc->n - 1 ? 1 : 0);
        if (score > best_score || (score == best_score && p < best)) {
            best_score = score;
            best = p;
        }
    }
    if (best >= 0 && best_score < (1L << 40)) return family_name_holder(r, c, m, best);
    return best;
}

static int vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Are folded words a and b (n bytes each) one surname spelt with another vowel in one place
 * ("al-bashir", "al-beshir"; "hossein", "hussein" by the keys already)? */
static int vowel_variant(const char *a, const char *b, size_t n)
{
    size_t diff = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i] && (i == 0 || !vowel(a[i]) || !vowel(b[i]) || ++diff > 1)) return 0;
    return diff == 1;
}

/* A surname alone that names no one by its key may be the surname of a person named in full,
 * spelt with another vowel ("Omar al-Bashir ... President al-Beshir, as the Sudanese press
 * spells it"): that person when exactly one has such a last word (five letters or more, the
 * first the same), else -1. Two people with such surnames in one article are rare; two
 * spellings of one are not. */
static int32_t vowel_variant_person(const ng_work *w, const ng_mention *m)
{
    const char *f = ng_w__fold(w, m->n0);
    size_t n = w->tk.v[m->n0].flen;
    int32_t found = -1;
    if (n < 5) return -1;
    for (size_t p = 0; p < w->n_people; p++) {
        const ng_mention *pm = &w->ms[w->people[p].name_m];
        uint32_t t = pm->n1 - 1;
        if (w->people[p].n_tok < 2 || w->tk.v[t].flen != n ||
            !vowel_variant(f, ng_w__fold(w, t), n))
            continue;
        if (found >= 0) return -1;
        found = (int32_t)p;
    }
    return found;
}

/* Round 3: single words in text order; with no person, a single word with evidence is a new
 * partial person (its surname is indexed, so later mentions join it). */
static int single_words(ng_work *w, resolver *r)
{
    int error;
    for (size_t i = 0; i < w->n_ms; i++) {
        ng_mention *m = &w->ms[i];
        if (m->kind != NG_MK_CAND || r->cand_of[i] < 0) continue;
        if (m->pers >= 0) {
            r->last[m->pers] = (int32_t)m->sent;
            continue;
        }
        const cand *c = &r->cs[r->cand_of[i]];
        if (c->n != 1) continue;
        int32_t best = single_word_person(w, r, c, m);
        if (best < 0) best = vowel_variant_person(w, m);
        if (best >= 0) {
            m->pers = best;
        } else if ((m->ev & (NG_EV_TITLE | NG_EV_POSS | NG_EV_APPOS | NG_EV_SAY | NG_EV_USER |
                             NG_EV_ROYAL)) &&
                   ((m->ev & NG_EV_USER) ||
                    !(ng_w__bits(w, m->n0) & (NG_W_ORGHEAD | NG_W_EVENTNOUN)))) {
            /* a lone head word is the end of a name, not a person: "Chile's National
             * Police Service", "the Heads of Government Meeting" */
            if ((error = add_person(w, &r->x, c, &m->pers, (uint32_t)i, 1)) < 0) return error;
            w->people[m->pers].partial = !(m->ev & (NG_EV_USER | NG_EV_ROYAL));
            r->first[m->pers] = (int32_t)m->sent;
        } else {
            continue;
        }
        r->last[m->pers] = (int32_t)m->sent;
    }
    return NG_OK;
}

/* Candidates become people (the others are dropped); each person's label is the fullest form;
 * a single-word person who has a fuller name is not partial. */
static void labels(ng_work *w, const resolver *r)
{
    for (size_t i = 0; i < w->n_ms; i++) {
        ng_mention *m = &w->ms[i];
        if (m->kind != NG_MK_CAND) continue;
        if (m->pers < 0) {
            m->dead = 1;
            continue;
        }
        m->kind = NG_MK_PERSON;
        ng_person *p = &w->people[m->pers];
        const cand *c = &r->cs[r->cand_of[i]];
        if (c->royal && w->people[m->pers].name_m != i) continue; /* a short form of a name */
        if (c->n > p->n_tok ||
            (c->n == p->n_tok && name_bytes(w, (uint32_t)i) > name_bytes(w, p->name_m))) {
            p->name_m = (uint32_t)i;
            p->n_tok = c->n;
        }
    }
    for (size_t i = 0; i < w->n_ms; i++)
        /* a state: an organization (a party, a bloc it chairs) does not say which state a
         * "Prime Minister X" leads */
        if (w->ms[i].kind == NG_MK_PERSON && w->ms[i].st >= 0 &&
            w->lex->ents[w->ms[i].st].type == NG_ETYPE_STATE)
            w->people[w->ms[i].pers].stated = 1;
    for (size_t p = 0; p < w->n_people; p++)
        if (w->people[p].n_tok > 1) w->people[p].partial = 0;
}

int ng_people__resolve(ng_work *w)
{
    resolver r;
    int error;
    memset(&r, 0, sizeof r);
    if ((error = candidates(w, &r)) < 0) goto cleanup;
    if ((error = long_names(w, &r)) < 0) goto cleanup;
    if ((error = royal_names(w, &r)) < 0) goto cleanup;
    if ((error = recency(w, &r)) < 0) goto cleanup;
    if ((error = single_words(w, &r)) < 0) goto cleanup;
    labels(w, &r);
cleanup:
    free(r.cs);
    free(r.cand_of);
    free(r.last);
    free(r.first);
    free(r.sole);
    free(r.x.head);
    free(r.x.e);
    return error;
}
