/* engine.c - pass 2: who does what to whom, sentence by sentence (the body in order, the
 * headline last: it names what the body explains).
 *
 * For each sentence (engine.h has the state the steps share):
 *  1. units.c: each mention becomes a unit naming an actor (a capital after "in", "at",
 *     "from" ... is a place, otherwise it stands for its state; a demonym before "troops",
 *     "government" ... stands for its state; a bare title ("the Russian leader", "his
 *     Malian counterpart") is the last person of that state with that title, else the
 *     state); known people named by a part of their name in text no mention covers;
 *  2. groups.c: units joined by ",", "and", "as well as", "along with" form one list; a role
 *     noun with "of"/"from" before a list ("the defence ministers of Mali and Niger", "his
 *     counterparts from ...") is that list;
 *  3. coref.c: pronouns and descriptions become units (they need the lists of step 2, which
 *     is then done again with them); recent.c keeps what the article named so far;
 *  4. affiliations.c: people with a title naming a state or organization get
 *     affiliated_with; for an office written without a state, the state is decided at the
 *     end of the article from the clues each mention left;
 *  5. triggers.c: the relation triggers (data/triggers.csv), each read by relation.c:
 *     subject (subject.c), modality (modality.c), object (object.c), edges (emit.c) with the
 *     date of the sentence's date expression nearest the trigger (sentdates.c).
 * At the end of the article the pending affiliations are decided and the relations a person
 * cannot have with their own state are dropped. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

/* covered: room for the longest sentence's tokens (as c->gcov three times), allocated once
 * per article by ng_engine__run. */
static int run_sentence(ng_work *w, cstate *cs, sctx *c, uint32_t s, uint8_t *covered,
                        int32_t *gcov)
{
    int error;
    const ng_wsent *se = &w->sents[s];
    c->s = s;
    c->a = se->tok0;
    c->b = se->tok0 + se->ntok;
    c->nu = c->ng = c->nacts = 0;
    c->n_pair = 0;
    cs->cur_sent = s;
    cs->desc_state = -1;
    if (!se->ntok) return NG_OK;
    memset(covered, 0, se->ntok);
    c->gcov = gcov;
    c->gstart = c->gcov + se->ntok;
    c->gend = c->gstart + se->ntok;
    ng_sentdates__read(w, c);
    if ((error = ng_units__mentions(w, cs, c, covered)) < 0) goto cleanup;
    if ((error = ng_units__known_names(w, cs, c, covered)) < 0) goto cleanup;
    if ((error = ng_units__desc_holder(w, cs, c)) < 0) goto cleanup;
    /* coreference needs the units found so far in order */
    if ((error = ng_groups__build(w, c)) < 0) goto cleanup; /* lists for "they" in this sentence */
    size_t nu = c->nu;
    if ((error = ng_coref__units(w, cs, c, covered)) < 0) goto cleanup;
    /* coreference only appends units; with none appended the lists stand as built (building
     * leaves the units as it found them the second time: sorted, none nested, acronyms in) */
    if (c->nu != nu) {
        c->ng = 0;
        if ((error = ng_groups__build(w, c)) < 0) goto cleanup;
    }
    ng_affil__note_roles(w, cs, c);
    if ((error = ng_affil__sentence(w, cs, c)) < 0) goto cleanup;
    ng_coref__own_states(w, c);
    if ((error = ng_triggers__run(w, cs, c)) < 0) goto cleanup;
    if ((error = ng_members__lists(w, cs, c)) < 0) goto cleanup;
    ng_recent__sentence(w, cs, c);
cleanup:
    c->gcov = c->gstart = c->gend = NULL;
    return error;
}

int ng_engine__run(ng_work *w)
{
    cstate cs;
    sctx c;
    size_t n_rel = ng_relinfo__count();
    uint32_t max_ntok = 1;
    uint8_t *covered = NULL;
    int32_t *gcov = NULL;
    int error = NG_OK;
    memset(&cs, 0, sizeof cs);
    memset(&c, 0, sizeof c);
    for (uint32_t s = 0; s < w->n_sents; s++)
        if (w->sents[s].ntok > max_ntok) max_ntok = w->sents[s].ntok;
    if (!(covered = ng_malloc(max_ntok)) || !(gcov = ng_malloc(max_ntok * 3 * sizeof *gcov)) ||
        !(cs.sent_person = ng_malloc((w->n_sents + 1) * sizeof *cs.sent_person)) ||
        !(cs.last = ng_calloc(n_rel, sizeof *cs.last)) ||
        !(c.best = ng_malloc(n_rel * sizeof *c.best)) ||
        !(c.rel_end = ng_malloc(n_rel * sizeof *c.rel_end))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i <= w->n_sents; i++)
        cs.sent_person[i] = -1;
    cs.member_org = -1;
    cs.troops = -1;
    /* the body in order, the headline last (it names what the body explains) */
    for (uint32_t s = 0; s < w->n_sents; s++) {
        if (w->sents[s].headline) continue;
        if ((error = run_sentence(w, &cs, &c, s, covered, gcov)) < 0) goto cleanup;
    }
    for (uint32_t s = 0; s < w->n_sents; s++) {
        if (!w->sents[s].headline) continue;
        if ((error = run_sentence(w, &cs, &c, s, covered, gcov)) < 0) goto cleanup;
    }
    if ((error = ng_affil__resolve_pending(w, &cs)) < 0) goto cleanup;
    ng_members__led_mentions(w);
    ng_emit__drop_coarse(w);
    ng_emit__states_late(w);
    ng_affil__drop_own_state(w, &cs);
cleanup:
    free(covered);
    free(gcov);
    free(cs.nw);
    free(cs.pend);
    free(cs.sent_person);
    free(cs.last);
    free(c.u);
    free(c.g);
    free(c.acts);
    free(c.best);
    free(c.rel_end);
    return error;
}
