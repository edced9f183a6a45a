/* recent.c - what the article has named so far, for coreference: the actors most recently
 * named (most recent first), the latest lists of actors ("they", "the two sides", "the
 * three countries"), the first person of each sentence ("he"), and the state each
 * government noun stands for ("the junta" -> Mali, once decided). */
#include "engine.h"

#include <string.h>

void ng_recent__touch(cstate *cs, int32_t a, uint32_t sent)
{
    int i;
    for (i = 0; i < cs->n_mru && cs->mru[i] != a; i++) {
    }
    if (i == cs->n_mru) {
        if (cs->n_mru < MRU) cs->n_mru++;
        i = cs->n_mru - 1;
    }
    memmove(cs->mru + 1, cs->mru, (size_t)i * sizeof cs->mru[0]);
    memmove(cs->mru_sent + 1, cs->mru_sent, (size_t)i * sizeof cs->mru_sent[0]);
    cs->mru[0] = a;
    cs->mru_sent[0] = sent;
}

void ng_recent__list(const ng_work *w, cstate *cs, const int32_t *acts, uint32_t n, uint32_t sent)
{
    if (n < 2) return;
    recent_group *r = &cs->ring[cs->ring_pos];
    r->n = 0;
    r->persons = r->states = 1;
    for (uint32_t i = 0; i < n && r->n < GMAX; i++) {
        uint32_t k;
        for (k = 0; k < r->n && r->acts[k] != acts[i]; k++) {
        }
        if (k < r->n) continue;
        r->acts[r->n++] = acts[i];
        if (w->actors[acts[i]].type != NG_ETYPE_PERSON) r->persons = 0;
        if (w->actors[acts[i]].type != NG_ETYPE_STATE) r->states = 0;
    }
    if (r->n < 2) return;
    r->sent = sent;
    if (r->n <= GMAX) cs->bysize[r->n] = *r;
    cs->ring_pos = (cs->ring_pos + 1) % RING;
    if (cs->ring_n < RING) cs->ring_n++;
}

/* Two religious titles of one see are one office: "the pontiff" is the latest "Pope X". */
static int same_see(const ng_work *w, int32_t t1, int32_t t2)
{
    if (t1 < 0 || t2 < 0) return 0;
    const ng_lx_title *x = &w->lex->titles[t1], *y = &w->lex->titles[t2];
    return x->kind == NG_TITLE_RELIGIOUS && y->kind == NG_TITLE_RELIGIOUS && x->see >= 0 &&
           x->see == y->see;
}

/* Titles of one ministry are one office: "Russia's top diplomat" is its Foreign Minister. */
static int same_office(const ng_work *w, int32_t t1, int32_t t2)
{
    if (t1 == t2) return 1;
    if (t1 < 0 || t2 < 0) return 0;
    return w->lex->titles[t1].body >= 0 && w->lex->titles[t1].body == w->lex->titles[t2].body;
}

/* Does person a hold another office than a ministry's title asks ("Russia's top diplomat" is
 * not its president)? */
static int other_office(const ng_work *w, const ng_wactor *a, int32_t title)
{
    return title >= 0 && w->lex->titles[title].body >= 0 && a->title >= 0 &&
           w->lex->titles[a->title].kind == NG_TITLE_OFFICE && !same_office(w, a->title, title);
}

int32_t ng_recent__person_of(const ng_work *w, const cstate *cs, int32_t state_actor, int32_t title)
{
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < cs->n_mru; i++) {
            const ng_wactor *a = &w->actors[cs->mru[i]];
            if (a->type != NG_ETYPE_PERSON) continue;
            if (state_actor >= 0 && a->affil != state_actor) continue;
            if (pass == 0 && title >= 0 && !same_office(w, a->title, title)) continue;
            if (pass == 1 && other_office(w, a, title)) continue;
            if (pass == 2 && (state_actor >= 0 || !same_see(w, a->title, title))) continue;
            if (pass < 2 && state_actor < 0 && (title < 0 || a->title != title)) continue;
            return cs->mru[i];
        }
    return -1;
}

int32_t ng_recent__of_type(const ng_work *w, const cstate *cs, ng_etype type, uint32_t max_back,
                           int orgs_bloc)
{
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *a = &w->actors[cs->mru[i]];
        if (cs->cur_sent - cs->mru_sent[i] > max_back && cs->cur_sent >= cs->mru_sent[i]) continue;
        if (a->type != type) continue;
        if (orgs_bloc && a->body >= 0) continue;
        if (a->treaty) continue; /* only ever what an exit leaves: no "it", no "the group" */
        return cs->mru[i];
    }
    return -1;
}

int32_t ng_recent__only_bloc_of(const ng_work *w, const cstate *cs, uint32_t sent)
{
    int32_t found = -1;
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *a = &w->actors[cs->mru[i]];
        if (cs->mru_sent[i] != sent || a->type != NG_ETYPE_ORG || a->body >= 0 || a->treaty ||
            a->lex < 0 || !(w->lex->ents[a->lex].flags & NG_LXF_MULTISTATE))
            continue;
        if (found >= 0 && found != cs->mru[i]) return -1;
        found = cs->mru[i];
    }
    return found;
}

int32_t ng_recent__leading_state(const ng_work *w)
{
    uint32_t best = 1, second = 0;
    int32_t top = -1;
    for (size_t i = 0; i < w->n_actors; i++) {
        const ng_wactor *x = &w->actors[i];
        if (x->type != NG_ETYPE_STATE) continue;
        if (x->mentions > best) {
            second = best;
            best = x->mentions;
            top = (int32_t)i;
        } else if (x->mentions > second)
            second = x->mentions;
    }
    return top >= 0 && best * 10 > second * 13 ? top : -1;
}

void ng_recent__gov_note(cstate *cs, uint64_t noun, int32_t actor)
{
    for (int i = 0; i < cs->n_gov; i++)
        if (cs->gov[i].noun == noun) return;
    if (cs->n_gov == 8) return;
    cs->gov[cs->n_gov].noun = noun;
    cs->gov[cs->n_gov].actor = actor;
    cs->n_gov++;
}

/* The end of a transcript's speaker label that opens the sentence, words in capitals and
 * brackets before a colon ("HUDAK: ...", "CORRESPONDENT (PETER HUDAK): ..."), or c->a when
 * there is none. The speaker says "I"; the "he" of the next sentences is someone else. */
static uint32_t speaker_label_end(const ng_work *w, const sctx *c)
{
    for (uint32_t t = c->a; t < c->b && t < c->a + 8; t++) {
        const ng_tok *tk = &w->tk.v[t];
        if (ng_w__punct(w, t, ':')) return t > c->a ? t : c->a;
        if ((tk->flags & NG_TK_WORD) ? !(tk->flags & NG_TK_UPPER)
                                     : !(ng_w__punct(w, t, '(') || ng_w__punct(w, t, ')')))
            return c->a;
    }
    return c->a;
}

/* The first person of the sentence not in a prepositional phrase; else, among people in
 * prepositional phrases only, the one the article names most ("The meeting with X was not
 * the only one for Y"); never a transcript's speaker label; -1. */
static int32_t sentence_person(const ng_work *w, const sctx *c)
{
    int32_t best = -1;
    uint32_t label = speaker_label_end(w, c);
    for (int pass = 0; pass < 2 && best < 0; pass++)
        for (size_t gi = 0; gi < c->ng; gi++) {
            const group *g = &c->g[gi];
            if (g->place || (pass == 0 && g->pp && !g->role) || g->t1 <= label) continue;
            for (uint32_t k = 0; k < g->an; k++) {
                int32_t a = c->acts[g->a0 + k];
                if (w->actors[a].type != NG_ETYPE_PERSON) continue;
                if (best < 0 || (pass == 1 && w->actors[a].mentions > w->actors[best].mentions))
                    best = a;
            }
        }
    return best;
}

/* "X was joined at the summit by A, B and C": the subject of a passive of "joined"
 * (words class joinverb) and its agent, the latest list ("The leaders then held talks"
 * takes X too); -1 when gi is no such agent, else the subject's group. */
static int32_t joined_by_subject(const ng_work *w, const sctx *c, const group *g)
{
    uint32_t q = g->t0;
    while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET))
        q--;
    if (q < c->a + 4 || !ng_w__is(w, q - 1, "by")) return -1;
    /* over a short phrase of place or time: "joined at the summit by", "joined on stage by" */
    uint32_t v = q - 1;
    while (v > c->a && v + 6 > q && !(ng_w__bits(w, v - 1) & NG_W_JOINVERB)) {
        int32_t in = c->gcov[v - 1 - c->a];
        if ((w->tk.v[v - 1].flags & NG_TK_PUNCT) || (in >= 0 && !c->g[in].place)) return -1;
        v--;
    }
    if (v < c->a + 3 || !(ng_w__bits(w, v - 1) & NG_W_JOINVERB) ||
        !(ng_w__bits(w, v - 2) & NG_W_BE))
        return -1;
    int32_t s = c->gend[v - 3 - c->a];
    return s >= 0 && !c->g[s].place && !c->g[s].pp ? s : -1;
}

/* The group that issued the statement noun at k: a possessive or a demonym right before it
 * (one modifier between: "the Saudi statement", "Qatar's joint statement"), else the
 * sentence's main subject before it ("X issued a statement", "X said in a statement"); -1. */
static int32_t statement_issuer(const ng_work *w, const sctx *c, uint32_t k)
{
    for (uint32_t q = k; q > c->a && q + 2 >= k; q--) {
        if ((w->tk.v[q - 1].flags & NG_TK_POSS) && q > c->a + 1) q--; /* "Qatar's" */
        int32_t gi = c->gend[q - 1 - c->a];
        if (gi >= 0) return c->g[gi].poss || c->g[gi].adj ? gi : -1;
        if (!(w->tk.v[q - 1].flags & NG_TK_WORD) || (w->tk.v[q - 1].flags & NG_TK_CAP) ||
            (ng_w__bits(w, q - 1) & (NG_W_DET | NG_W_PREP | NG_W_CLAUSE)))
            break;
    }
    int32_t m = ng_subject__main(w, c, k);
    return m >= 0 && !c->g[m].adj ? m : -1;
}

/* Remembers who issued the sentence's first statement noun (words class issuednoun). */
static void note_statement(const ng_work *w, cstate *cs, const sctx *c)
{
    if (!(w->sents[c->s].bits & NG_W_ISSUEDNOUN)) return;
    for (uint32_t k = c->a + 1; k < c->b; k++) {
        if (!(ng_w__bits(w, k) & NG_W_ISSUEDNOUN) || (w->tk.v[k].flags & NG_TK_CAP) ||
            c->gcov[k - c->a] >= 0)
            continue;
        int32_t gi = statement_issuer(w, c, k);
            if (gi < 0 || (c->g[gi].place && !c->g[gi].adj) || c->g[gi].an > 4) return;
        cs->stmt_n = c->g[gi].an;
        memcpy(cs->stmt_acts, c->acts + c->g[gi].a0, cs->stmt_n * sizeof *cs->stmt_acts);
        cs->stmt_sent = c->s;
        return;
    }
}

void ng_recent__sentence(const ng_work *w, cstate *cs, const sctx *c)
{
    cs->sent_person[c->s] = sentence_person(w, c);
    note_statement(w, cs, c);
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (!g->place && g->an >= 2) ng_recent__list(w, cs, c->acts + g->a0, g->an, c->s);
    }
    for (size_t gi = 0; gi < c->ng && (w->sents[c->s].bits & NG_W_JOINVERB); gi++) {
        const group *g = &c->g[gi];
        int32_t s = g->place ? -1 : joined_by_subject(w, c, g);
        if (s < 0 || c->g[s].an + g->an > GMAX) continue;
        int32_t all[GMAX];
        memcpy(all, c->acts + c->g[s].a0, c->g[s].an * sizeof *all);
        memcpy(all + c->g[s].an, c->acts + g->a0, g->an * sizeof *all);
        ng_recent__list(w, cs, all, c->g[s].an + g->an, c->s);
    }
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->place) continue;
        for (uint32_t k = 0; k < g->an; k++)
            ng_recent__touch(cs, c->acts[g->a0 + k], c->s);
    }
}
