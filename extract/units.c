/* units.c - what the mentions of a sentence name: each becomes a unit of one actor.
 *
 * A state or its seat is the state; a capital is its state when it acts ("Moscow has
 * concluded") and a place after "in", "at", "from" ... or before ", <state>"; a body is
 * its state's ("the Malian defence ministry"), or a bare body the one met before; a demonym
 * before "troops", "government" ... is its state, before a person noun ("the Mauritanian
 * leader") that state's latest person, before another noun a mere adjective; a bare title
 * is the latest person of its state with that title, else the state. Known people are also
 * found by any word of their name in text no mention covers (headlines, lists). */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

int ng_units__push_act(sctx *c, int32_t a)
{
    if (NG_ARRAY_GROW(c->acts, c->capacts, c->nacts + 1) < 0) return NG_ENOMEM;
    c->acts[c->nacts++] = a;
    return NG_OK;
}

int ng_units__add(sctx *c, uint32_t t0, uint32_t t1, const int32_t *acts, uint32_t n, int place,
                  int role)
{
    int error;
    if (!n) return NG_OK;
    if (NG_ARRAY_GROW(c->u, c->capu, c->nu + 1) < 0) return NG_ENOMEM;
    unit *u = &c->u[c->nu];
    u->t0 = t0;
    u->t1 = t1;
    u->a0 = (uint32_t)c->nacts;
    u->place = (uint8_t)place;
    u->role = (uint8_t)role;
    u->poss = 0;
    u->pron = 0;
    u->adj = 0;
    for (uint32_t i = 0; i < n; i++)
        if ((error = ng_units__push_act(c, acts[i])) < 0) return error;
    u->an = n;
    c->nu++;
    return NG_OK;
}

/* "in Moscow", "from Accra": a location; not after a word of address or answer (words class
 * address: "protested to Beijing", "a sharp rebuke from Tokyo") nor after a government noun
 * and "in" ("officials in Beijing"), where the capital is its state. */
static int is_loc_before(const ng_work *w, const sctx *c, uint32_t t0)
{
    if (t0 <= c->a) return 0;
    uint32_t p = t0 - 1;
    if (ng_w__is(w, p, "the") && p > c->a) p--;
    if (p > c->a && (ng_w__is(w, p, "to") || ng_w__is(w, p, "from")) &&
        (ng_w__bits(w, p - 1) & NG_W_ADDRESS))
        return 0;
    /* "officials in Beijing", "the authorities in Bamako": the government there */
    if (p > c->a && ng_w__is(w, p, "in") && (ng_w__bits(w, p - 1) & NG_W_GOVNOUN) &&
        (!(w->tk.v[p - 1].flags & NG_TK_CAP) || (w->tk.v[p - 1].flags & NG_TK_FIRST)))
        return 0;
    return (ng_w__bits(w, p) & NG_W_LOCPREP) != 0;
}

/* Is a capital at [t0, t1) a location ("in Moscow", "Accra, Ghana")? */
static int capital_is_place(const ng_work *w, const sctx *c, const ng_mention *m)
{
    if (is_loc_before(w, c, m->t0)) return 1;
    if (m->t1 + 1 < c->b && ng_w__punct(w, m->t1, ',')) {
        const ng_wsent *se = &w->sents[c->s];
        for (uint32_t k = se->m0; k < se->m0 + se->nm; k++)
            if (w->ms[k].t0 == m->t1 + 1 && w->ms[k].kind == NG_MK_STATE) return 1;
    }
    if (m->t1 < c->b && (w->tk.v[m->t1].flags & NG_TK_WORD) &&
        (ng_w__bits(w, m->t1) & NG_W_AREANOUN))
        return 1;
    return 0;
}

/* Does the state of `a` appear in the article once, as the only state?  */
static int32_t only_state(const ng_work *w)
{
    int32_t found = -1;
    for (size_t i = 0; i < w->n_actors; i++)
        if (w->actors[i].type == NG_ETYPE_STATE && w->actors[i].mentions) {
            if (found >= 0) return -1;
            found = (int32_t)i;
        }
    return found;
}

/* What one mention names: actor a (-1 none) over tokens [t0, t1). */
typedef struct munit {
    int32_t a;
    uint32_t t0, t1;
    uint8_t place; /* a location, not an actor */
    uint8_t adj;   /* a demonym used as a mere adjective */
} munit;

/* An organization named inside a person's title or apposition ("president of the UN
 * Security Council", "head of the Republican Guard") is an actor of the article, though not
 * a party of the sentence. */
static int inner_org(ng_work *w, const ng_mention *m)
{
    int32_t a;
    int error = m->org >= 0 ? ng_actors__neworg(w, &a, m->org) : ng_actors__get_lex(w, &a, m->lex);
    if (error < 0) return error;
    size_t o0 = w->tk.v[m->t0].off, o1 = w->tk.v[m->t1 - 1].off + w->tk.v[m->t1 - 1].len;
    w->actors[a].mentions++;
    w->actors[a].emit = 1;
    return ng_actors__alias(w, a, w->text + o0, o1 - o0);
}

/* A state or its seat; "Mali's junta": the noun stands for Mali in the article. */
static int unit_state(ng_work *w, cstate *cs, const sctx *c, const ng_mention *m, munit *u)
{
    int error;
    if ((error = ng_actors__get_lex(w, &u->a, m->lex)) < 0) return error;
    if (m->t1 + 1 < c->b && (w->tk.v[m->t1].flags & NG_TK_POSS)) {
        uint32_t j = m->t1 + 1;
        while (j < c->b && (ng_w__bits(w, j) & NG_W_TITLEMOD) && !(ng_w__bits(w, j) & NG_W_GOVNOUN))
            j++;
        if (j < c->b && (ng_w__bits(w, j) & NG_W_GOVNOUN) && !(ng_w__bits(w, j) & NG_W_TROOPS))
            ng_recent__gov_note(cs, w->tk.v[j].h, u->a);
    }
    return NG_OK;
}

/* A capital is its state when it acts, a place otherwise; a built-in region or territory
 * (places.csv) is only a name, never a node. */
static int unit_place(ng_work *w, const sctx *c, const ng_mention *m, munit *u)
{
    const ng_lx_entity *e = &w->lex->ents[m->lex];
    if (e->flags & NG_LXF_NONODE) return NG_OK;
    if (e->state >= 0 && !capital_is_place(w, c, m)) return ng_actors__get_lex(w, &u->a, e->state);
    u->place = 1;
    return ng_actors__get_lex(w, &u->a, m->lex);
}

/* A government body with its state; a bare body is the same body met before, else the
 * article's only state's (the government itself: else its clearly leading state's). */
static int unit_body(ng_work *w, const cstate *cs, const ng_mention *m, munit *u)
{
    int32_t st = m->st;
    if (st < 0) {
        for (int i = 0; i < cs->n_mru && u->a < 0; i++)
            if (w->actors[cs->mru[i]].body == m->lex) u->a = cs->mru[i];
        if (u->a < 0) {
            int32_t os = only_state(w);
            /* "The Government continues to condemn X": the state body of the article's
             * clearly leading state */
            if (os < 0 && w->lex->bodies[m->lex].is_state) os = ng_recent__leading_state(w);
            if (os >= 0 && w->actors[os].lex >= 0) st = w->actors[os].lex;
        }
    }
    if (u->a < 0 && st >= 0) return ng_actors__get_body(w, &u->a, m->lex, st);
    return NG_OK;
}

/* Is actor x a person with no title and no state, other than *found (which it becomes)?
 * *found -2 when a second one is met (several). */
static void untitled_candidate(const ng_work *w, int32_t x, int32_t *found)
{
    const ng_wactor *a = &w->actors[x];
    if (*found == -2 || x == *found || a->type != NG_ETYPE_PERSON || a->affil >= 0 || a->title >= 0)
        return;
    *found = *found >= 0 ? -2 : x;
}

/* Person `found` holds the office of `state` said at token t: the affiliation is stated here. */
static int hold_office(ng_work *w, const sctx *c, int32_t found, int32_t state, uint32_t t)
{
    w->actors[found].affil = state;
    w->actors[state].emit = 1;
    if (!w->actors[state].mentions) w->actors[state].mentions = 1;
    return ng_emit__add(w, found, state, ng_relinfo__affiliation(), 0, c->s,
                        ng_sentdates__nearest(w, c, t));
}

/* "Duda cancelled his meeting with X. He called unfair the Ukrainian president's
 * suggestion", "X addressed supporters. The Venezuelan leader said": an office one person
 * holds, of a state none of whose people the article knows, is the one person named in this
 * sentence or the one before with no title and no state, who now acts for that state (the
 * affiliation is stated here; a titled person is left to the end of the article: "Republika
 * Srpska President X ... the Bosnian Serb leader"); *out -1 if none or several. */
static int untitled_holder(int32_t *out, ng_work *w, cstate *cs, const sctx *c,
                           int32_t state, uint32_t t)
{
    int32_t found = -1;
    *out = -1;
    for (int i = 0; i < cs->n_mru; i++) {
        if (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > 1) break;
        untitled_candidate(w, cs->mru[i], &found);
    }
    /* none in the sentences before: the people of this sentence decide, once all are units */
    if (found == -1 && cs->desc_state < 0) {
        cs->desc_state = state;
        cs->desc_t = t;
    }
    if (found < 0) return NG_OK;
    *out = found;
    return hold_office(w, c, found, state, t);
}

/* Does unit u name a person whose mention states an affiliation in this sentence ("X, an
 * analyst at the Y Institute, says the Uzbek leader ...": X is of Y, not the leader)? */
static int stated_here(const ng_work *w, const sctx *c, const unit *u)
{
    const ng_wsent *se = &w->sents[c->s];
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *m = &w->ms[k];
        if (!m->dead && m->kind == NG_MK_PERSON && m->n0 <= u->t0 && u->t0 < m->n1)
            return m->st >= 0 || m->st_org >= 0;
    }
    return 0;
}

int ng_units__desc_holder(ng_work *w, cstate *cs, const sctx *c)
{
    int32_t found = -1;
    /* "Before the summit opened with X, the Kyrgyz president left": after a subordinate
     * clause opening the sentence the office is the main clause's subject, someone else */
    if (cs->desc_state < 0 ||
        ((ng_w__bits(w, c->a) & NG_W_CLAUSE) && !(ng_w__bits(w, c->a) & NG_W_DET)))
        return NG_OK;
    for (size_t i = 0; i < c->nu; i++)
        if (!c->u[i].place && c->u[i].t1 <= cs->desc_t && !stated_here(w, c, &c->u[i]))
            for (uint32_t k = 0; k < c->u[i].an; k++)
                untitled_candidate(w, c->acts[c->u[i].a0 + k], &found);
    return found >= 0 ? hold_office(w, c, found, cs->desc_state, cs->desc_t) : NG_OK;
}

/* Does the title the person holds read as the n words from t ("Prime Minister" for "prime
 * minister"), case aside? */
static int title_reads(const ng_work *w, int32_t title, uint32_t t, uint32_t n)
{
    if (title < 0) return 0;
    const char *s = w->lex->titles[title].title;
    for (uint32_t k = 0; k < n; k++) {
        const char *f = ng_w__fold(w, t + k);
        size_t len = w->tk.v[t + k].flen;
        if (k && *s++ != ' ') return 0;
        for (size_t i = 0; i < len; i++, s++)
            if (!*s || (char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : *s) != f[i]) return 0;
    }
    return !*s;
}

/* "the Armenian prime minister", "the Malaysian crown prince": an office of several words
 * that one person holds (words class soleoffice) after a demonym is the latest person of
 * that state written with that title, else the one untitled person of this sentence or the
 * one before (untitled_holder), else the state; 0 when the words after the demonym are no
 * such office. */
static int demonym_office(ng_work *w, cstate *cs, const sctx *c, ng_mention *m, munit *u,
                          uint32_t d)
{
    uint32_t n = ng_w__phrase_scan(w, m->t1, c->b, NG_W_SOLEOFFICE, NULL);
    if (n < 2 || (w->tk.v[m->t1].flags & NG_TK_CAP) || !(d > c->a && ng_w__is(w, d - 1, "the")) ||
        w->lex->ents[m->lex].type != NG_ETYPE_STATE)
        return 0;
    /* "the Armenian prime minister and Azerbaijani President X": a person's title phrase
     * that pass 1 read from "prime" on starts after the office and its "and" */
    const ng_wsent *se = &w->sents[c->s];
    uint32_t k = (uint32_t)(m - w->ms), e = m->t1 + n;
    if (k + 1 < se->m0 + se->nm && !m[1].dead && m[1].t0 < e) {
        if (m[1].kind != NG_MK_PERSON || m[1].n0 <= e) return 0;
        uint32_t q = e;
        while (q < m[1].n0 && (ng_w__is(w, q, "and") || ng_w__punct(w, q, ',')))
            q++;
        m[1].t0 = q;
    }
    int32_t sa;
    int error;
    if ((error = ng_actors__get_lex(w, &sa, m->lex)) < 0) return error;
    for (int i = 0; i < cs->n_mru && u->a < 0; i++) {
        const ng_wactor *a = &w->actors[cs->mru[i]];
        if (a->type == NG_ETYPE_PERSON && a->affil == sa && title_reads(w, a->title, m->t1, n))
            u->a = cs->mru[i];
    }
    if (u->a < 0 && (error = untitled_holder(&u->a, w, cs, c, sa, m->t0)) < 0) return error;
    if (u->a < 0) u->a = sa;
    u->t0 = d - 1;
    u->t1 = m->t1 + n;
    return 1;
}

/* The title of the person or bare title mentioned last before demonym m in its sentence
 * (the owner of "his Somali counterpart"), -1 if none. */
static int32_t owner_title(const ng_work *w, const sctx *c, const ng_mention *m)
{
    const ng_wsent *se = &w->sents[c->s];
    int32_t title = -1;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *o = &w->ms[k];
        if (o == m || o->t1 > m->t0) break;
        if (o->dead) continue;
        if (o->kind == NG_MK_PERSON && o->pers >= 0)
            title = o->title >= 0 ? o->title
                                  : (o->actor >= 0 ? w->actors[o->actor].title : -1);
        else if (o->kind == NG_MK_TITLE)
            title = o->lex;
    }
    return title;
}

/* "Foreign Minister X met his Somali counterpart": the latest person of state sa who holds
 * the owner's office (the same title, or both heads of state or government), else the state
 * itself (not Somalia's president); any person of sa when the owner's title is unknown
 * ("He met his Somali counterpart"). */
static int32_t counterpart_of(const ng_work *w, const cstate *cs, const sctx *c,
                              const ng_mention *m, int32_t sa)
{
    int32_t ot = owner_title(w, c, m);
    if (ot < 0) return ng_recent__person_of(w, cs, sa, -1);
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *a = &w->actors[cs->mru[i]];
        if (a->type != NG_ETYPE_PERSON || a->affil != sa || a->title < 0) continue;
        if (a->title == ot || (w->lex->titles[a->title].sole && w->lex->titles[ot].sole))
            return cs->mru[i];
    }
    return -1;
}

/* "leaders", "presidents", "foreign ministers": a plural noun of people who hold office
 * (classes personnoun and groupnoun; not "men": "the two men"), in lower case. */
static int office_plural(const ng_work *w, uint32_t t)
{
    ng_wbits bits = ng_w__bits(w, t);
    return (bits & NG_W_PERSONNOUN) && (bits & NG_W_GROUPNOUN) && !ng_w__is(w, t, "men") &&
           (w->tk.v[t].flags & NG_TK_WORD) && !(w->tk.v[t].flags & NG_TK_CAP);
}

/* "Qatari and Turkish officials", "French, German and Italian troops", "the Armenian and
 * Azerbaijani leaders" (a plural noun of office: each demonym's state): a demonym followed by
 * "," or "and" and more demonyms that a troops or government noun closes (one lower-case
 * word between: "technical teams") shares that noun; the noun's token, else j. */
static uint32_t coordinated_demonyms(const ng_work *w, const sctx *c, const ng_mention *m,
                                     uint32_t j)
{
    const ng_wsent *se = &w->sents[c->s];
    const ng_mention *end = w->ms + se->m0 + se->nm, *n = m + 1;
    uint32_t q = j;
    while (n < end && q < c->b && (ng_w__is(w, q, "and") || ng_w__punct(w, q, ',')) &&
           !n->dead && n->kind == NG_MK_DEMONYM && n->t0 == q + 1 &&
           w->lex->ents[n->lex].type == NG_ETYPE_STATE) {
        q = n->t1;
        n++;
    }
    if (q == j || q >= c->b) return j;
    if (q + 1 < c->b && (w->tk.v[q].flags & NG_TK_WORD) && !(w->tk.v[q].flags & NG_TK_CAP) &&
        !(ng_w__bits(w, q) & (NG_W_TROOPS | NG_W_GOVNOUN)) && !office_plural(w, q) &&
        ((ng_w__bits(w, q + 1) & (NG_W_TROOPS | NG_W_GOVNOUN)) || office_plural(w, q + 1)))
        q++;
    return (ng_w__bits(w, q) & (NG_W_TROOPS | NG_W_GOVNOUN)) || office_plural(w, q) ? q : j;
}

/* unit_demonym on the demonym of a state m that no noun after it makes that state's person,
 * troops or government (d: where its modifiers start): a plural of people without a
 * determiner, the last of coordinated demonyms before a plural of office, or a mere
 * adjective. */
static int demonym_alone(ng_work *w, const sctx *c, const ng_mention *m, munit *u, uint32_t d)
{
    /* "Palestinian leaders have denounced": a demonym and a plural of people without a
     * determiner stand for the state ("the Palestinian leaders" may be a list named before) */
    if (m->t1 < c->b && !(w->tk.v[m->t1].flags & NG_TK_CAP) &&
        (ng_w__bits(w, m->t1) & NG_W_GROUPNOUN) && (ng_w__bits(w, m->t1) & NG_W_PERSONNOUN) &&
        !(d > c->a && (ng_w__bits(w, d - 1) & (NG_W_DET | NG_W_NUMWORD)))) {
        u->t1 = m->t1 + 1;
        return ng_actors__get_lex(w, &u->a, m->lex);
    }
    /* "Kenyan and Ugandan foreign ministers": the last demonym of a coordinated list, one
     * lower-case word, a plural of office (the first demonyms read it in
     * coordinated_demonyms) */
    if (d > c->a && (ng_w__is(w, d - 1, "and") || ng_w__punct(w, d - 1, ',')) &&
        m->t1 + 1 < c->b && (w->tk.v[m->t1].flags & NG_TK_WORD) &&
        !(w->tk.v[m->t1].flags & NG_TK_CAP) && office_plural(w, m->t1 + 1) &&
        !(ng_w__bits(w, m->t1) & (NG_W_PREP | NG_W_CLAUSE | NG_W_BE | NG_W_DET))) {
        u->t1 = m->t1 + 2;
        return ng_actors__get_lex(w, &u->a, m->lex);
    }
    if (m->t1 < c->b && (w->tk.v[m->t1].flags & NG_TK_WORD) &&
        !(w->tk.v[m->t1].flags & NG_TK_CAP) &&
        !(ng_w__bits(w, m->t1) &
          (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_PREP | NG_W_CLAUSE | NG_W_BE))) {
        u->place = u->adj = 1;
        return ng_actors__get_lex(w, &u->a, m->lex);
    }
    return NG_OK;
}

/* A demonym: "the Mauritanian leader", "his Kazakh counterpart" (that state's person);
 * "French troops", "the Malian government", "Malian authorities" (the state); a mere
 * adjective ("the Russian decision", "Swedish criticism": not an actor of the sentence, but
 * what a condemnation may be aimed at, see object.c); otherwise nothing. */
static int unit_demonym(ng_work *w, cstate *cs, const sctx *c, ng_mention *m, munit *u)
{
    int error;
    uint32_t j = m->t1;
    int state = w->lex->ents[m->lex].type == NG_ETYPE_STATE;
    if (j < c->b && (w->tk.v[j].flags & NG_TK_WORD) &&
        !(ng_w__bits(w, j) & (NG_W_TROOPS | NG_W_GOVNOUN)) && j + 1 < c->b &&
        (ng_w__bits(w, j + 1) & (NG_W_TROOPS | NG_W_GOVNOUN)))
        j++;
    /* "a senior Ukrainian official": modifiers between the determiner and the demonym */
    uint32_t d = u->t0;
    while (d > c->a + 1 && d + 2 > u->t0 && (ng_w__bits(w, d - 1) & NG_W_TITLEMOD) &&
           !(w->tk.v[d - 1].flags & NG_TK_CAP))
        d--;
    if ((error = demonym_office(w, cs, c, m, u, d)) != 0) return error < 0 ? error : NG_OK;
    if (m->t1 < c->b && (ng_w__bits(w, m->t1) & NG_W_PERSONNOUN) &&
        !(w->tk.v[m->t1].flags & NG_TK_CAP) && d > c->a && (ng_w__bits(w, d - 1) & NG_W_DET) &&
        state && !(ng_w__bits(w, m->t1) & NG_W_GROUPNOUN)) {
        int32_t sa;
        if ((error = ng_actors__get_lex(w, &sa, m->lex)) < 0) return error;
        u->a = (ng_w__bits(w, m->t1) & NG_W_OTHERSIDE) ? counterpart_of(w, cs, c, m, sa)
                                                         : ng_recent__person_of(w, cs, sa, -1);
        if (u->a < 0 && (ng_w__bits(w, m->t1) & NG_W_SOLEOFFICE) &&
            (error = untitled_holder(&u->a, w, cs, c, sa, m->t0)) < 0)
            return error;
        if (u->a < 0) u->a = sa;
        u->t0 = d - 1;
        u->t1 = m->t1 + 1;
        return NG_OK;
    }
    uint32_t jc = state && j == m->t1 ? coordinated_demonyms(w, c, m, j) : j;
    if (jc < c->b && ((ng_w__bits(w, jc) & (NG_W_TROOPS | NG_W_GOVNOUN)) || jc != j) && state) {
        if ((error = ng_actors__get_lex(w, &u->a, m->lex)) < 0) return error;
        if (jc == j && (ng_w__bits(w, j) & NG_W_GOVNOUN) && !(ng_w__bits(w, j) & NG_W_TROOPS))
            ng_recent__gov_note(cs, w->tk.v[j].h, u->a);
        else if (jc == j && !(ng_w__bits(w, j) & NG_W_GOVNOUN)) {
            cs->troops = u->a; /* "Russian peacekeepers": "those peacekeepers" later */
            cs->troops_sent = c->s;
        }
        /* the list's first demonyms end at themselves: the units join as a list */
        u->t1 = jc == j ? j + 1 : m->t1;
        if (u->t0 > c->a && ng_w__is(w, u->t0 - 1, "the")) u->t0--;
        return NG_OK;
    }
    return state ? demonym_alone(w, c, m, u, d) : NG_OK;
}

/* "The Head of State also met X" (words class headoffice, no state named): the person the
 * article names most among the holders of an office one person holds (president, king,
 * prime minister), when one leads (more mentions than any other); -1. */
static int32_t head_of_article(const ng_work *w, const cstate *cs)
{
    int32_t best = -1;
    uint32_t most = 0, second = 0;
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *a = &w->actors[cs->mru[i]];
        if (a->type != NG_ETYPE_PERSON || a->title < 0 || !w->lex->titles[a->title].sole) continue;
        if (a->mentions > most) {
            second = most;
            most = a->mentions;
            best = cs->mru[i];
        } else if (a->mentions > second) {
            second = a->mentions;
        }
    }
    return most > second ? best : -1;
}

/* A bare title: "the Russian leader", "his Malian counterpart", "the Defense Minister of
 * Russia", "the prime minister": the latest person of that state with that title, else the
 * state (mention k of the sentence). */
static int unit_title(ng_work *w, const cstate *cs, const sctx *c, uint32_t k, munit *u)
{
    const ng_wsent *se = &w->sents[c->s];
    const ng_mention *m = &w->ms[k];
    int32_t st = -1;
    uint32_t j = m->t1;
    int error;
    if (k > se->m0) {
        const ng_mention *p = &w->ms[k - 1];
        if (!p->dead && p->kind == NG_MK_DEMONYM && p->t1 == m->t0) {
            st = p->lex;
            u->t0 = p->t0;
        } else if (!p->dead && (p->kind == NG_MK_STATE || p->kind == NG_MK_SEAT) &&
                   p->t1 + 1 == m->t0 && (w->tk.v[p->t1].flags & NG_TK_POSS)) {
            st = p->lex;
            u->t0 = p->t0;
        }
    }
    if (st < 0 && j + 1 < c->b && ng_w__is(w, j, "of") && k + 1 < se->m0 + se->nm) {
        const ng_mention *n2 = &w->ms[k + 1];
        uint32_t q = j + 1;
        if (q < c->b && ng_w__is(w, q, "the")) q++;
        if (n2->t0 == q && n2->kind == NG_MK_STATE) {
            st = n2->lex;
            u->t1 = n2->t1;
        }
    }
    /* plural titles before of/from are role phrases handled by grouping */
    const char *f = ng_w__fold(w, m->t1 - 1);
    if (w->tk.v[m->t1 - 1].flen > 2 && f[w->tk.v[m->t1 - 1].flen - 1] == 's' && st < 0)
        return NG_OK;
    int det = u->t0 > c->a && (ng_w__bits(w, u->t0 - 1) & NG_W_DET);
    if (st < 0 && !det) return NG_OK;
    int32_t sa = -1;
    if (st >= 0 && (error = ng_actors__get_lex(w, &sa, st)) < 0) return error;
    u->a = ng_recent__person_of(w, cs, sa, m->lex);
    if (u->a < 0 && sa < 0 && ng_w__phrase(w, m->t0, m->t1, NG_W_HEADOFFICE, NULL))
        u->a = head_of_article(w, cs);
    if (u->a < 0) u->a = sa;
    if (det) u->t0--;
    return NG_OK;
}

/* Is title `now` the last words of title `had` ("Prince" after "Crown Prince")? The person
 * keeps the fuller title, so that "the crown prince" later still finds them. */
static int shorter_title(const ng_work *w, int32_t had, int32_t now)
{
    if (had < 0 || had == now) return 0;
    const char *h = w->lex->titles[had].title, *n = w->lex->titles[now].title;
    size_t lh = strlen(h), ln = strlen(n);
    return ln < lh && h[lh - ln - 1] == ' ' && strcmp(h + lh - ln, n) == 0;
}

/* The unit of mention k (u->a -1 when it names nothing here). */
static int mention_unit(ng_work *w, cstate *cs, const sctx *c, uint32_t k, munit *u)
{
    ng_mention *m = &w->ms[k];
    int error;
    switch (m->kind) {
    case NG_MK_STATE:
    case NG_MK_SEAT:
        return unit_state(w, cs, c, m, u);
    case NG_MK_ORG:
        return m->org >= 0 ? ng_actors__neworg(w, &u->a, m->org)
                           : ng_actors__get_lex(w, &u->a, m->lex);
    case NG_MK_PLACE:
        return unit_place(w, c, m, u);
    case NG_MK_BODY:
        return unit_body(w, cs, m, u);
    case NG_MK_DEMONYM:
        return unit_demonym(w, cs, c, m, u);
    case NG_MK_TITLE:
        return unit_title(w, cs, c, k, u);
    case NG_MK_PERSON:
        if ((error = ng_actors__person(w, &u->a, m->pers)) < 0) return error;
        /* "Mr. X" after "President X" keeps the office (who holds it is asked later); so
         * does a head of state or government after an office of an organization named too
         * ("Prime Minister X ... X, who is also ASEAN Chairman": "the two leaders") */
        int32_t had = w->actors[u->a].title;
        if (m->title >= 0 && !shorter_title(w, had, m->title) &&
            !(had >= 0 && w->lex->titles[m->title].kind == NG_TITLE_HONORIFIC &&
              w->lex->titles[had].kind != NG_TITLE_HONORIFIC) &&
            !(had >= 0 && w->lex->titles[had].sole && !w->lex->titles[m->title].sole &&
              (m->st_org >= 0 || (m->st >= 0 && w->lex->ents[m->st].type != NG_ETYPE_STATE))))
            w->actors[u->a].title = m->title;
        return NG_OK;
    default:
        return NG_OK;
    }
}

/* Counts a mention of its actor, with the name as written as an alias (demonyms and
 * capitals are not names). */
static int count_mention(ng_work *w, const ng_mention *m, int32_t a, int place)
{
    ng_wactor *wa = &w->actors[a];
    wa->mentions++;
    wa->emit = 1;
    if (m->kind == NG_MK_BODY) return ng_actors__body_name(w, a, m);
    if (!(m->kind == NG_MK_PERSON || m->kind == NG_MK_STATE || m->kind == NG_MK_ORG ||
          (m->kind == NG_MK_PLACE && place)))
        return NG_OK;
    size_t o0 = w->tk.v[m->n0].off, o1 = w->tk.v[m->n1 - 1].off + w->tk.v[m->n1 - 1].len;
    if (m->kind == NG_MK_ORG && m->org >= 0 && w->neworgs[m->org].lex < 0)
        o0 = w->tk.v[m->t0].off, o1 = w->tk.v[m->t1 - 1].off + w->tk.v[m->t1 - 1].len;
    return ng_actors__alias(w, a, w->text + o0, o1 - o0);
}

/* "a Reuters reporter met X", "told an AFP correspondent", "a Chinese journalist": a
 * state or organization right before a lower-case noun of the press (words class
 * pressnoun) only says whose reporter it is; the reporter is no actor, nor is the owner
 * (attribution: speech and interviews do not make the media an actor). */
static int press_modifier(const ng_work *w, const sctx *c, const ng_mention *m, const munit *u)
{
    if (u->t1 >= c->b || !(ng_w__bits(w, u->t1) & NG_W_PRESSNOUN) ||
        (w->tk.v[u->t1].flags & NG_TK_CAP))
        return 0;
    return m->kind == NG_MK_ORG || m->kind == NG_MK_STATE || m->kind == NG_MK_DEMONYM ||
           m->kind == NG_MK_SEAT;
}

int ng_units__mentions(ng_work *w, cstate *cs, sctx *c, uint8_t *covered)
{
    const ng_wsent *se = &w->sents[c->s];
    uint32_t last_end = c->a;
    int error, press = (se->bits & NG_W_PRESSNOUN) != 0;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        ng_mention *m = &w->ms[k];
        munit u = {-1, m->t0, m->t1, 0, 0};
        if (m->dead) continue;
        if (m->t0 < last_end) {
            if (m->kind == NG_MK_ORG && (error = inner_org(w, m)) < 0) return error;
            continue;
        }
        if ((error = mention_unit(w, cs, c, k, &u)) < 0) return error;
        if (u.a < 0 || (press && press_modifier(w, c, m, &u))) continue;
        if ((error = ng_units__add(c, u.t0, u.t1, &u.a, 1, u.place, 0)) < 0) return error;
        c->u[c->nu - 1].adj = u.adj;
        for (uint32_t t = u.t0; t < u.t1; t++)
            covered[t - c->a] = 1;
        last_end = u.t1;
        m->actor = u.a;
        if (!u.adj && (error = count_mention(w, m, u.a, u.place)) < 0) return error;
    }
    /* mark every mention token covered so coreference does not look inside names */
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *m = &w->ms[k];
        if (m->dead) continue;
        for (uint32_t t = m->t0; t < m->t1 && t < c->b; t++)
            if (t >= c->a && (m->kind != NG_MK_TITLE || m->actor >= 0)) covered[t - c->a] = 1;
    }
    return NG_OK;
}

/* A nickname after a person's mention m: "X, widely known as Hemedti," gives the tokens
 * [*n0, *n1) of one or two capitalized words; 0 when none. */
static int nickname(const ng_work *w, const ng_mention *m, uint32_t *n0, uint32_t *n1)
{
    const ng_wsent *se = &w->sents[m->sent];
    uint32_t end = se->tok0 + se->ntok, t = m->t1, len;
    if (m->kind != NG_MK_PERSON || m->pers < 0 || t + 2 >= end || !ng_w__punct(w, t, ',')) return 0;
    t++;
    if (!(len = ng_w__phrase(w, t, end, NG_W_ALIASINTRO, NULL))) {
        /* "widely known as", "better known as": one adverb before the phrase */
        if (!(w->tk.v[t].flags & NG_TK_WORD) || (w->tk.v[t].flags & NG_TK_CAP)) return 0;
        t++;
        if (t >= end || !(len = ng_w__phrase(w, t, end, NG_W_ALIASINTRO, NULL))) return 0;
    }
    *n0 = t += len;
    while (t < end && t < *n0 + 2 && (w->tk.v[t].flags & NG_TK_WORD) &&
           (w->tk.v[t].flags & NG_TK_CAP) && !(ng_w__bits(w, t) & (NG_W_STOP | NG_W_NOTNAME)))
        t++;
    *n1 = t;
    /* the nickname ends the apposition: "..., known as Hemedti, attended" */
    return t > *n0 && (t == end || (w->tk.v[t].flags & NG_TK_PUNCT));
}

/* Appends the key of the word at token q as a name word of person p. */
static int add_name_word(const ng_work *w, cstate *cs, uint32_t q, size_t p, int last,
                         uint32_t mentions)
{
    uint64_t kh;
    if (ng_names__tok_key(w, q, &kh, NULL) < 0) return NG_ENOMEM;
    cs->nw[cs->n_nw].h = kh;
    cs->nw[cs->n_nw].person = (int32_t)p;
    cs->nw[cs->n_nw].last = (uint8_t)last;
    cs->nw[cs->n_nw].mentions = mentions;
    cs->n_nw++;
    return NG_OK;
}

/* The name words of the article's people, once per article: (key hash, person, last word,
 * mentions), for ng_units__known_names; a nickname's words are its person's too. */
static int name_words(ng_work *w, cstate *cs)
{
    size_t n = 0;
    uint32_t k0, k1;
    int error = NG_OK;
    if (cs->nw_done) return NG_OK;
    cs->nw_done = 1;
    for (size_t p = 0; p < w->n_people; p++) {
        const ng_mention *m = &w->ms[w->people[p].name_m];
        n += m->n1 - m->n0;
    }
    for (size_t q = 0; q < w->n_ms; q++)
        if (nickname(w, &w->ms[q], &k0, &k1)) n += k1 - k0;
    if (n && !(cs->nw = ng_malloc(n * sizeof *cs->nw))) return NG_ENOMEM;
    uint32_t *count = w->n_people ? ng_calloc(w->n_people, sizeof *count) : NULL;
    if (w->n_people && !count) return NG_ENOMEM;
    for (size_t q = 0; q < w->n_ms; q++)
        if (w->ms[q].kind == NG_MK_PERSON && w->ms[q].pers >= 0) count[w->ms[q].pers]++;
    for (size_t p = 0; p < w->n_people && error >= 0; p++) {
        const ng_mention *m = &w->ms[w->people[p].name_m];
        for (uint32_t q = m->n0; q < m->n1 && error >= 0; q++)
            if (w->tk.v[q].flags & NG_TK_WORD)
                error = add_name_word(w, cs, q, p, q == m->n1 - 1, count[p]);
    }
    for (size_t i = 0; i < w->n_ms && error >= 0; i++) {
        const ng_mention *m = &w->ms[i];
        if (!nickname(w, m, &k0, &k1)) continue;
        for (uint32_t q = k0; q < k1 && error >= 0; q++)
            error = add_name_word(w, cs, q, (size_t)m->pers, q == k1 - 1, count[m->pers]);
    }
    free(count);
    return error;
}

/* Any word of a name ("Deby" of "Mahamat Idriss Deby Itno") by its key hash h; several
 * people with that word: the one the article names most (a headline is about the article's
 * main figure), then a last-word match; -1 if none. */
static int32_t person_of_word(const cstate *cs, uint64_t h)
{
    int32_t found = -1;
    uint32_t found_m = 0;
    int found_last = 0;
    for (size_t i = 0; i < cs->n_nw; i++) {
        const name_word *x = &cs->nw[i];
        if (x->h != h) continue;
        if (x->person == found) {
            found_last |= x->last;
            continue;
        }
        if (found < 0 || x->mentions > found_m ||
            (x->mentions == found_m && x->last > found_last)) {
            found = x->person;
            found_m = x->mentions;
            found_last = x->last;
        }
    }
    return found;
}

int ng_units__person_word(ng_work *w, cstate *cs, uint64_t h, int32_t *out)
{
    int error;
    *out = -1;
    if ((error = name_words(w, cs)) < 0) return error;
    int32_t p = person_of_word(cs, h);
    return p >= 0 ? ng_actors__person(w, out, p) : NG_OK;
}

/* Known people by a part of their name in text no mention covers (headlines, lists). */
int ng_units__known_names(ng_work *w, cstate *cs, sctx *c, uint8_t *covered)
{
    int error;
    for (uint32_t t = c->a; t < c->b; t++) {
        if (covered[t - c->a] || !(w->tk.v[t].flags & NG_TK_CAP) ||
            !(w->tk.v[t].flags & NG_TK_WORD))
            continue;
        if (ng_w__bits(w, t) & (NG_W_STOP | NG_W_NOTNAME)) continue;
        if ((error = name_words(w, cs)) < 0) return error;
        if (!cs->n_nw) return NG_OK;
        uint64_t h;
        size_t blen;
        if (ng_names__tok_key(w, t, &h, &blen) < 0) return NG_ENOMEM;
        if (!blen) continue;
        int32_t found = person_of_word(cs, h);
        if (found < 0) continue;
        int32_t a;
        if ((error = ng_actors__person(w, &a, found)) < 0) return error;
        uint32_t t0 = t;
        while (t0 > c->a && !covered[t0 - 1 - c->a] && (w->tk.v[t0 - 1].flags & NG_TK_CAP) &&
               !(ng_w__bits(w, t0 - 1) & (NG_W_STOP | NG_W_NOTNAME)))
            t0--;
        if ((error = ng_units__add(c, t0, t + 1, &a, 1, 0, 0)) < 0) return error;
        for (uint32_t q = t0; q <= t; q++)
            covered[q - c->a] = 1;
        w->actors[a].mentions++;
    }
    return NG_OK;
}
