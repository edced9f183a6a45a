/* engine.c - pass 2: who does what to whom, sentence by sentence.
 *
 * For each sentence (the body in order, the headline last):
 *  1. units: each mention becomes a unit naming one or more actors (a capital after "in",
 *     "at", "from" ... is a place, otherwise it stands for its state; a demonym before
 *     "troops", "government" ... stands for its state; a bare title ("the Russian leader",
 *     "his Malian counterpart") is the last person of that state with that title, else the
 *     state); pronouns and descriptions are resolved (coreference, below);
 *  2. groups: units joined by ",", "and", "as well as", "along with" form one list; a role
 *     noun with "of"/"from" before a list ("the defence ministers of Mali and Niger", "his
 *     counterparts from ...") is that list;
 *  3. triggers (data/triggers.csv) are matched; each gets a subject (the nearest group to the
 *     left that is not in a prepositional phrase; the antecedent of "who"/"which"; the main
 *     subject for a participle after a comma or a verb after "and"; the agent after "by" in a
 *     passive) and an object (the first group after the trigger, or after its preposition);
 *     noun triggers take their parties from "between A and B", "of", a possessive or the
 *     sentence's main subject;
 *  4. modality: a modal verb, a plan, a negation or a denial between the subject and the
 *     trigger, an infinitive not governed by a decision ("plans to sign" but not "decided to
 *     withdraw"), a condition earlier in the sentence or a rumour anywhere in it: no edge;
 *  5. edges respect types (member_of needs an organization as object, affiliated_with a
 *     person as subject, nobody relates to a place) and get the date of the sentence's date
 *     expression nearest the trigger, else the article's date;
 *  6. people with a title naming a state or organization get affiliated_with; for an office
 *     written without a state, the state is decided at the end of the article from the
 *     clues each mention left (resolve_pending; README "Affiliations").
 * Coreference: he/she/his -> the nearest person before in the sentence, else the first person
 * of the latest sentence that has one; they/their -> the latest list of actors, else the latest
 * bloc; "the two sides", "the three countries", "both countries" -> the latest list (or pair of
 * relation partners) of that size and type; "the bloc", "the alliance" -> the latest
 * organization; "the junta", "the government", "the country" -> the latest state; "the
 * ministry" -> the latest ministry. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ driver */

static int run_sentence(ng_work *w, cstate *cs, sctx *c, uint32_t s)
{
    int error;
    uint8_t *covered = NULL;
    const ng_wsent *se = &w->sents[s];
    c->s = s;
    c->a = se->tok0;
    c->b = se->tok0 + se->ntok;
    c->nu = c->ng = c->nacts = 0;
    c->n_pair = 0;
    cs->cur_sent = s;
    if (!se->ntok) return NG_OK;
    if (!(covered = ng_calloc(se->ntok, 1))) return NG_ENOMEM;
    if (!(c->gcov = ng_malloc(se->ntok * 3 * sizeof *c->gcov))) { free(covered); return NG_ENOMEM; }
    c->gstart = c->gcov + se->ntok;
    c->gend = c->gstart + se->ntok;
    ng_sentdates__read(w, c);
    if ((error = ng_units__mentions(w, cs, c, covered)) < 0) goto cleanup;
    if ((error = ng_units__known_names(w, cs, c, covered)) < 0) goto cleanup;
    /* coreference needs the units found so far in order */
    if ((error = ng_groups__build(w, c)) < 0) goto cleanup; /* lists for "they" in this sentence */
    if ((error = ng_coref__units(w, cs, c, covered)) < 0) goto cleanup;
    c->ng = 0;
    if ((error = ng_groups__build(w, c)) < 0) goto cleanup;
    ng_affil__note_roles(w, cs, c);
    if ((error = ng_affil__sentence(w, cs, c)) < 0) goto cleanup;
    if ((error = ng_triggers__run(w, cs, c)) < 0) goto cleanup;
    /* memory for coreference */
    cs->sent_person[s] = -1;
    for (int pass = 0; pass < 2 && cs->sent_person[s] < 0; pass++)
        for (size_t gi = 0; gi < c->ng; gi++) {
            const group *g = &c->g[gi];
            if (g->place || (pass == 0 && g->pp && !g->role)) continue;
            for (uint32_t k = 0; k < g->an; k++) {
                int32_t a = c->acts[g->a0 + k];
                if (w->actors[a].type != NG_ETYPE_PERSON) continue;
                /* in prepositional phrases only: the person the article names most ("The
                 * meeting with X was not the only one for Y") */
                if (cs->sent_person[s] < 0 || (pass == 1 && w->actors[a].mentions > w->actors[cs->sent_person[s]].mentions))
                    cs->sent_person[s] = a;
            }
        }
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (!g->place && g->an >= 2) ng_coref__ring_push(w, cs, c->acts + g->a0, g->an, s);
    }
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->place) continue;
        for (uint32_t k = 0; k < g->an; k++) ng_coref__mru_touch(cs, c->acts[g->a0 + k], s);
    }
cleanup:
    free(covered);
    free(c->gcov);
    c->gcov = c->gstart = c->gend = NULL;
    return error;
}

int ng_engine__run(ng_work *w)
{
    cstate cs;
    sctx c;
    int error = NG_OK;
    memset(&cs, 0, sizeof cs);
    memset(&c, 0, sizeof c);
    if (!(cs.sent_person = ng_malloc((w->n_sents + 1) * sizeof *cs.sent_person))) return NG_ENOMEM;
    for (size_t i = 0; i <= w->n_sents; i++) cs.sent_person[i] = -1;
    /* the body in order, the headline last (it names what the body explains) */
    for (uint32_t s = 0; s < w->n_sents; s++) {
        if (w->sents[s].headline) continue;
        if ((error = run_sentence(w, &cs, &c, s)) < 0) goto cleanup;
    }
    for (uint32_t s = 0; s < w->n_sents; s++) {
        if (!w->sents[s].headline) continue;
        if ((error = run_sentence(w, &cs, &c, s)) < 0) goto cleanup;
    }
    if ((error = ng_affil__resolve_pending(w, &cs)) < 0) goto cleanup;
    ng_affil__drop_own_state(w);
cleanup:
    free(cs.nw);
    free(cs.pend);
    free(cs.sent_person);
    free(c.u);
    free(c.g);
    free(c.acts);
    return error;
}
