/* coref.c - pronouns and descriptions, and the memory of recent actors they resolve to. */
#include "engine.h"

#include <string.h>

/* "the country", "the nation": the state the text is about */
static int is_country_noun(const ng_work *w, uint32_t t)
{
    return ng_w__is(w, t, "country") || ng_w__is(w, t, "nation");
}

void ng_coref__mru_touch(cstate *cs, int32_t a, uint32_t sent)
{
    int i;
    for (i = 0; i < cs->n_mru && cs->mru[i] != a; i++) {}
    if (i == cs->n_mru) { if (cs->n_mru < MRU) cs->n_mru++; i = cs->n_mru - 1; }
    memmove(cs->mru + 1, cs->mru, (size_t)i * sizeof cs->mru[0]);
    memmove(cs->mru_sent + 1, cs->mru_sent, (size_t)i * sizeof cs->mru_sent[0]);
    cs->mru[0] = a;
    cs->mru_sent[0] = sent;
}

void ng_coref__ring_push(const ng_work *w, cstate *cs, const int32_t *acts, uint32_t n, uint32_t sent)
{
    if (n < 2) return;
    recent_group *r = &cs->ring[cs->ring_pos];
    r->n = 0;
    r->persons = r->states = 1;
    for (uint32_t i = 0; i < n && r->n < GMAX; i++) {
        uint32_t k;
        for (k = 0; k < r->n && r->acts[k] != acts[i]; k++) {}
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

/* The latest person affiliated with `state_actor` (and holding `title` when >= 0). */
int32_t ng_coref__person_of(const ng_work *w, const cstate *cs, int32_t state_actor, int32_t title)
{
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < cs->n_mru; i++) {
            const ng_wactor *a = &w->actors[cs->mru[i]];
            if (a->type != NG_ETYPE_PERSON) continue;
            if (state_actor >= 0 && a->affil != state_actor) continue;
            if (pass == 0 && title >= 0 && a->title != title) continue;
            if (state_actor < 0 && (title < 0 || a->title != title)) continue;
            return cs->mru[i];
        }
    return -1;
}

static int32_t latest_of_type(const ng_work *w, const cstate *cs, ng_etype type, uint32_t max_back, int orgs_bloc)
{
    for (int i = 0; i < cs->n_mru; i++) {
        const ng_wactor *a = &w->actors[cs->mru[i]];
        if (cs->cur_sent - cs->mru_sent[i] > max_back && cs->cur_sent >= cs->mru_sent[i]) continue;
        if (a->type != type) continue;
        if (orgs_bloc && a->body >= 0) continue;
        return cs->mru[i];
    }
    return -1;
}

/* Resolves a pronoun/description at tokens [t0, t1) into actors. */
uint32_t ng_coref__resolve(const ng_work *w, const cstate *cs, const sctx *c, int cref, int number,
                              int ctype, uint32_t t0, int32_t *out)
{
    int32_t a = -1;
    switch (cref) {
    case NG_CR_HE: {
        /* the first person before it in this sentence who is not in a prepositional phrase
         * (the subject) nor in an opening subordinate clause ("As X held talks, Y made a
         * trip, where he ..."), else the nearest person before it */
        uint32_t sub_end = c->a;
        if ((w->tk.v[c->a].flags & NG_TK_CAP) &&
            (ng_w__bits(w, c->a) & NG_W_CLAUSE) && !ng_w__is(w, c->a, "that") && !ng_w__is(w, c->a, "which") &&
            !ng_w__is(w, c->a, "who")) {
            for (uint32_t t = c->a + 1; t < t0; t++)
                if (ng_w__punct(w, t, ',')) { sub_end = t; break; }
        }
        for (size_t i = 0; i < c->nu; i++) {
            const unit *u = &c->u[i];
            if (u->t1 > t0) break;
            if (u->an != 1 || w->actors[c->acts[u->a0]].type != NG_ETYPE_PERSON) continue;
            if (u->t0 > c->a && (ng_w__bits(w, u->t0 - 1) & NG_W_PREP)) continue;
            if (u->t0 < sub_end) continue;
            out[0] = c->acts[u->a0];
            return 1;
        }
        for (size_t i = c->nu; i-- > 0;) {
            const unit *u = &c->u[i];
            if (u->t1 > t0 || u->an != 1) continue;
            if (w->actors[c->acts[u->a0]].type == NG_ETYPE_PERSON) { out[0] = c->acts[u->a0]; return 1; }
        }
        for (uint32_t back = 1; back <= 3 && back <= c->s; back++) {
            int32_t p = cs->sent_person[c->s - back];
            if (p >= 0) { out[0] = p; return 1; }
        }
        return 0;
    }
    case NG_CR_THEY:
    case NG_CR_GROUP: {
        if (cref == NG_CR_THEY) {
            /* a list of states or organizations earlier in this sentence */
            for (size_t gi = c->ng; gi-- > 0;) {
                const group *g = &c->g[gi];
                if (g->t1 > t0 || g->an < 2 || g->place) continue;
                int people = 0;
                for (uint32_t k = 0; k < g->an; k++) people += w->actors[c->acts[g->a0 + k]].type == NG_ETYPE_PERSON;
                if (people) continue;
                uint32_t n = g->an > GMAX ? GMAX : g->an;
                memcpy(out, c->acts + g->a0, n * sizeof *out);
                return n;
            }
        }
        if (cref == NG_CR_THEY) {
            /* two people named before it in this sentence ("Speaking alongside X, Y said
             * they had talked") */
            uint32_t n = 0;
            for (size_t i = 0; i < c->nu && n < GMAX; i++) {
                const unit *u = &c->u[i];
                if (u->t1 > t0) break;
                if (u->an != 1 || u->place || w->actors[c->acts[u->a0]].type != NG_ETYPE_PERSON) continue;
                uint32_t k;
                for (k = 0; k < n && out[k] != c->acts[u->a0]; k++) {}
                if (k == n) out[n++] = c->acts[u->a0];
            }
            if (n >= 2) return n;
        }
        if (cref == NG_CR_THEY && ctype == 0) {
            /* "they" stands for states or organizations more often than for people */
            uint32_t n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, 0, NG_ETYPE__COUNT + 1, t0, out);
            if (n) return n;
        }
        for (int i = 0; i < cs->ring_n; i++) {
            const recent_group *r = &cs->ring[(cs->ring_pos - 1 - i + RING) % RING];
            if (cs->cur_sent - r->sent > 4) break;
            if (number > 0 && (int)r->n != number) continue;
            if (ctype == NG_ETYPE_STATE + 1 && !r->states) continue;
            if (ctype == NG_ETYPE_PERSON + 1 && !r->persons) continue;
            if (ctype == NG_ETYPE__COUNT + 1) {
                int people = 0;
                for (uint32_t k = 0; k < r->n; k++) people += w->actors[r->acts[k]].type == NG_ETYPE_PERSON;
                if (people) continue;
            }
            memcpy(out, r->acts, r->n * sizeof *out);
            return r->n;
        }
        if (number >= 2 && number <= GMAX && cs->bysize[number].n == (uint32_t)number &&
            cs->cur_sent - cs->bysize[number].sent <= 12) {
            /* "the three countries" named further back */
            const recent_group *r = &cs->bysize[number];
            if (!(ctype == NG_ETYPE_STATE + 1 && !r->states) && !(ctype == NG_ETYPE_PERSON + 1 && !r->persons)) {
                memcpy(out, r->acts, r->n * sizeof *out);
                return r->n;
            }
        }
        if (cref == NG_CR_THEY && (a = latest_of_type(w, cs, NG_ETYPE_ORG, 2, 1)) >= 0) { out[0] = a; return 1; }
        return 0;
    }
    case NG_CR_IT:
        /* an organization named earlier in this sentence, the nearest ("Mali quit the G5
         * Sahel, while Niger still sits in it") */
        for (size_t i = c->nu; i-- > 0;) {
            const unit *u = &c->u[i];
            if (u->t1 > t0 || u->an != 1 || u->place) continue;
            const ng_wactor *x = &w->actors[c->acts[u->a0]];
            if (x->type == NG_ETYPE_ORG && x->body < 0) { out[0] = c->acts[u->a0]; return 1; }
        }
        a = latest_of_type(w, cs, NG_ETYPE_ORG, 2, 1);
        break;
    case NG_CR_BLOC: {
        /* an organization named earlier in this sentence ("the EU imposed sanctions on
         * Wagner, accusing the group of ..."): an organization of states for "the bloc" */
        for (size_t i = c->nu; i-- > 0;) {
            const unit *u = &c->u[i];
            if (u->t1 > t0 || u->an != 1 || u->place) continue;
            const ng_wactor *x = &w->actors[c->acts[u->a0]];
            if (x->type != NG_ETYPE_ORG || x->body >= 0) continue;
            if (number == 1 || (x->lex >= 0 && (w->lex->ents[x->lex].flags & NG_LXF_MULTISTATE))) {
                out[0] = c->acts[u->a0];
                return 1;
            }
        }
        /* the organization of states most mentioned so far among those of the last sentences */
        uint32_t best = 0;
        for (int i = 0; i < cs->n_mru; i++) {
            const ng_wactor *x = &w->actors[cs->mru[i]];
            if (x->type != NG_ETYPE_ORG || x->body >= 0) continue;
            if (x->lex < 0 || !(w->lex->ents[x->lex].flags & NG_LXF_MULTISTATE)) continue;
            if (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > 6 && a >= 0) continue;
            if (a < 0 || x->mentions > best) { a = cs->mru[i]; best = x->mentions; }
        }
        break;
    }
    case NG_CR_GOV:
    case NG_CR_COUNTRY: {
        uint32_t best = 0;
        /* a state named earlier in this sentence ("X has led Chad since 2021, when ... the
         * country"), the nearest one */
        for (size_t i = c->nu; i-- > 0;) {
            const unit *u = &c->u[i];
            if (u->t1 > t0 || u->an != 1 || u->place) continue;
            if (w->actors[c->acts[u->a0]].type == NG_ETYPE_STATE) { out[0] = c->acts[u->a0]; return 1; }
        }
        for (int i = 0; i < cs->n_mru; i++) {
            const ng_wactor *x = &w->actors[cs->mru[i]];
            if (x->type != NG_ETYPE_STATE) continue;
            if (cs->cur_sent >= cs->mru_sent[i] && cs->cur_sent - cs->mru_sent[i] > 2) continue;
            if (a < 0 || x->mentions > best) { a = cs->mru[i]; best = x->mentions; }
        }
        break;
    }
    case NG_CR_BODY:
        for (int i = 0; i < cs->n_mru && a < 0; i++)
            if (w->actors[cs->mru[i]].body >= 0) a = cs->mru[i];
        break;
    default: break;
    }
    (void)number;
    if (a < 0) return 0;
    out[0] = a;
    return 1;
}

/* Remembers which state a government noun stands for ("junta" -> Mali). */
void ng_coref__gov_note(cstate *cs, uint64_t noun, int32_t actor)
{
    for (int i = 0; i < cs->n_gov; i++)
        if (cs->gov[i].noun == noun) return;
    if (cs->n_gov == 8) return;
    cs->gov[cs->n_gov].noun = noun;
    cs->gov[cs->n_gov].actor = actor;
    cs->n_gov++;
}

/* A subject pronoun right after a verb of saying stands for the speaker: "Taiwan said
 * it ...", "the ministers announced that they ...". Returns the speaker's actors. */
static uint32_t say_subject(const ng_work *w, const sctx *c, uint32_t t, int32_t *out)
{
    uint32_t q = t;
    if (q > c->a && ng_w__is(w, q - 1, "that")) q--;
    if (q <= c->a || !(ng_w__bits(w, q - 1) & NG_W_SAY)) return 0;
    q--;
    while (q > c->a && (ng_w__bits(w, q - 1) & (NG_W_PAST_MARK | NG_W_SKIPADV))) q--;
    int32_t gi = q > c->a ? c->gend[q - 1 - c->a] : -1;
    if (gi < 0 || c->g[gi].place) return 0;
    const group *g = &c->g[gi];
    int person = w->actors[c->acts[g->a0]].type == NG_ETYPE_PERSON;
    int he = ng_w__is(w, t, "he") || ng_w__is(w, t, "she");
    if (he != (person && g->an == 1)) return 0;
    if (ng_w__is(w, t, "it") && (g->an != 1 || person)) return 0;
    uint32_t n = g->an > GMAX ? GMAX : g->an;
    memcpy(out, c->acts + g->a0, n * sizeof *out);
    return n;
}

/* Coreference mentions among tokens no mention covers; appended as units. */
int ng_coref__units(ng_work *w, cstate *cs, sctx *c, const uint8_t *covered)
{
    int error;
    int32_t acts[GMAX];
    for (uint32_t t = c->a; t < c->b; t++) {
        if (covered[t - c->a]) continue;
        const ng_tok *k = &w->tk.v[t];
        if (!(k->flags & NG_TK_WORD)) continue;
        uint32_t n = 0, t1 = t + 1;
        int possessive = ng_w__is(w, t, "his") || ng_w__is(w, t, "her") || ng_w__is(w, t, "their") ||
                         ng_w__is(w, t, "its");
        if (possessive && t + 1 < c->b) {
            /* "his counterparts from X", "her Malian counterpart": a role phrase, not the owner */
            uint32_t q = t + 1;
            while (q < c->b && !covered[q - c->a] && (ng_w__bits(w, q) & NG_W_TITLEMOD)) q++;
            if (q < c->b && (covered[q - c->a] || (ng_w__bits(w, q) & (NG_W_PERSONNOUN | NG_W_GROUPNOUN)))) continue;
        }
        int subj_pron = ng_w__is(w, t, "he") || ng_w__is(w, t, "she") || ng_w__is(w, t, "they") || ng_w__is(w, t, "it");
        if (subj_pron && (n = say_subject(w, c, t, acts)) != 0) {
            /* "Taiwan said it ...", "X announced that they ..." */
        } else if (ng_w__is(w, t, "each") && t + 1 < c->b && (ng_w__bits(w, t + 1) & NG_W_PERSONNOUN) &&
                   !covered[t + 1 - c->a]) {
            /* "greeted each leader": the latest group of people */
            n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, 0, NG_ETYPE_PERSON + 1, t, acts);
            t1 = t + 2;
        } else if (ng_w__is(w, t, "he") || ng_w__is(w, t, "him") || ng_w__is(w, t, "his") ||
            ng_w__is(w, t, "she") || ng_w__is(w, t, "her") || ng_w__is(w, t, "himself") ||
            ng_w__is(w, t, "herself")) {
            n = ng_coref__resolve(w, cs, c, NG_CR_HE, 0, 0, t, acts);
        } else if (ng_w__is(w, t, "they") || ng_w__is(w, t, "them") || ng_w__is(w, t, "their") ||
                   ng_w__is(w, t, "themselves")) {
            n = ng_coref__resolve(w, cs, c, NG_CR_THEY, 0, 0, t, acts);
        } else if ((ng_w__is(w, t, "it") || ng_w__is(w, t, "its")) && !(k->flags & NG_TK_INQUOTE)) {
            n = ng_coref__resolve(w, cs, c, NG_CR_IT, 0, 0, t, acts);
        } else if (ng_w__bits(w, t) & NG_W_DET) {
            /* the [two] [modifiers] NOUN */
            uint32_t j = t + 1;
            int number = 0, mods = 0;
            if (ng_w__is(w, t, "both")) number = 2;
            if (j < c->b && (ng_w__bits(w, j) & NG_W_NUMWORD)) { number = ng_lex__word_number(w->lex, w->tk.v[j].h); j++; }
            if (number > 0 && j == t + 2 && j < c->b && ng_w__is(w, t, "the") &&
                (ng_lex__trigger_first(w->lex, w->tk.v[j].h) >= 0 ||
                 (ng_w__bits(w, j) & (NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL | NG_W_SAY | NG_W_SKIPADV)))) {
                /* "the two signed a communique", "the two had met": the number alone */
                n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
                if (n) {
                    if ((error = ng_units__add(c, t, t + 2, acts, n, 0, 0)) < 0) return error;
                    c->u[c->nu - 1].pron = 1;
                    t = t + 1;
                }
                continue;
            }
            while (j < c->b && mods < 3 && !covered[j - c->a] && (w->tk.v[j].flags & NG_TK_WORD) &&
                   !(ng_w__bits(w, j) & (NG_W_GROUPNOUN | NG_W_BLOCNOUN | NG_W_GOVNOUN | NG_W_CLAUSE | NG_W_PREP | NG_W_BE | NG_W_SAY)) &&
                   !is_country_noun(w, j) && !ng_w__is(w, j, "ministry")) {
                /* modifiers: words that are not the head */
                if (j + 1 < c->b && !(w->tk.v[j + 1].flags & NG_TK_WORD)) break;
                j++;
                mods++;
            }
            while (j < c->b && covered[j - c->a] && mods < 3) { j++; mods++; } /* "the West African bloc" */
            if (j >= c->b || covered[j - c->a] || !(w->tk.v[j].flags & NG_TK_WORD)) continue;
            uint32_t bits = ng_w__bits(w, j);
            int det_the = ng_w__is(w, t, "the") || ng_w__is(w, t, "these") || ng_w__is(w, t, "those") ||
                          ng_w__is(w, t, "both") || ng_w__is(w, t, "all");
            if (!det_the) continue;
            /* part of a name ("the New Delhi Leaders' Declaration"): not a description */
            if ((w->tk.v[j].flags & NG_TK_CAP) && !(w->tk.v[j].flags & NG_TK_FIRST)) continue;
            if (bits & NG_W_GROUPNOUN) {
                int ctype = (bits & NG_W_PERSONNOUN) ? NG_ETYPE_PERSON + 1
                          : (bits & NG_W_PARTYNOUN) ? 0 : NG_ETYPE_STATE + 1;
                /* "the defence ministers of X": a role noun phrase, not a coreference */
                if (j + 1 < c->b && (ng_w__is(w, j + 1, "of") || ng_w__is(w, j + 1, "from"))) continue;
                n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, number, ctype, t, acts);
                if (!n && ctype == NG_ETYPE_PERSON + 1)
                    n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
                t1 = j + 1;
            } else if (number > 0 && j == t + 2 && !(bits & (NG_W_BLOCNOUN | NG_W_GOVNOUN))) {
                /* "the two signed ...": the number alone */
                n = ng_coref__resolve(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
                t1 = t + 2;
            } else if ((bits & NG_W_BLOCNOUN) && number == 0) {
                /* "the bloc of A, B and C" names its members; "the group of fomenting" does not */
                if (j + 2 < c->b && ng_w__is(w, j + 1, "of") &&
                    (covered[j + 2 - c->a] || (w->tk.v[j + 2].flags & NG_TK_CAP) || (ng_w__bits(w, j + 2) & NG_W_DET)))
                    continue;
                /* "the group", "the organisation": any organization; "the bloc": of states */
                int generic = ng_w__is(w, j, "group") || ng_w__is(w, j, "organisation") ||
                              ng_w__is(w, j, "organization") || ng_w__is(w, j, "body");
                n = ng_coref__resolve(w, cs, c, NG_CR_BLOC, generic, 0, t, acts);
                t1 = j + 1;
            } else if ((bits & NG_W_GOVNOUN) && number == 0 && !(bits & NG_W_TROOPS)) {
                /* "the military rulers of X": a role phrase, grouped with X later */
                if (j + 1 < c->b && (ng_w__is(w, j + 1, "of") || ng_w__is(w, j + 1, "from"))) continue;
                /* the same noun stands for the same state all through the article ("the
                 * junta") */
                int gi;
                for (gi = 0; gi < cs->n_gov && cs->gov[gi].noun != w->tk.v[j].h; gi++) {}
                if (gi < cs->n_gov) {
                    acts[0] = cs->gov[gi].actor;
                    n = 1;
                } else {
                    n = ng_coref__resolve(w, cs, c, NG_CR_GOV, 0, 0, t, acts);
                    if (n == 1) ng_coref__gov_note(cs, w->tk.v[j].h, acts[0]);
                }
                t1 = j + 1;
            } else if (is_country_noun(w, j) && number == 0) {
                n = ng_coref__resolve(w, cs, c, NG_CR_COUNTRY, 0, 0, t, acts);
                t1 = j + 1;
            } else if (ng_w__is(w, j, "ministry") && number == 0) {
                n = ng_coref__resolve(w, cs, c, NG_CR_BODY, 0, 0, t, acts);
                t1 = j + 1;
            } else {
                continue;
            }
        } else {
            continue;
        }
        if (n) {
            if ((error = ng_units__add(c, t, t1, acts, n, 0, 0)) < 0) return error;
            c->u[c->nu - 1].pron = ng_w__is(w, t, "he") || ng_w__is(w, t, "she") || ng_w__is(w, t, "they") ||
                                   ng_w__is(w, t, "it");
            /* "his decision", "their withdrawal": the owner of what follows */
            if (possessive && t1 == t + 1 && t1 < c->b && (w->tk.v[t1].flags & NG_TK_WORD)) c->u[c->nu - 1].poss = 1;
            t = t1 - 1;
        }
    }
    return NG_OK;
}
