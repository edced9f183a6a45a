/* relation.c - one trigger: its subject, object and modality, then its edges. */
#include "engine.h"

#include <string.h>

static int sentence_has_doc(const ng_work *w, const sctx *c)
{
    for (uint32_t t = c->a; t < c->b; t++)
        if (ng_w__bits(w, t) & NG_W_DOC) return 1;
    return 0;
}

int ng_relation__run(ng_work *w, cstate *cs, sctx *c, const ng_trigger *tr, uint32_t ts, uint32_t te,
                       int32_t gap_group)
{
    int error;
    int noun = tr->form == NG_TR_NOUN;
    int32_t subj = -1, obj = -1, agent = -1;
    int prep_seen = 0, relative_obj = 0;
    const char *date = ng_sentdates__nearest(w, c, ts);
    int32_t S[GMAX * 2], O[GMAX * 2];
    uint32_t ns = 0, no = 0;
    if ((tr->flags & NG_TRF_DOC) && !sentence_has_doc(w, c)) return NG_OK;
    if (!noun && ng_rel_symmetric(tr->rel) && c->n_pair && ts >= c->a + 2) {
        /* "X held talks with Y, and the two signed ...", "where the two officials spoke":
         * the partners of this sentence */
        uint32_t q = ts - 1;
        while (q > c->a + 1 && !(ng_w__bits(w, q) & NG_W_NUMWORD) && (ng_w__bits(w, q) & (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_SKIPADV)))
            q--;
        if ((ng_w__is(w, q, "two") || ng_w__is(w, q, "both")) && (ng_w__is(w, q - 1, "the") || ng_w__is(w, q, "both"))) {
            for (uint32_t k = 0; k < c->n_pair; k++)
                if ((error = ng_emit__add(w, c->pair_s[k], c->pair_o[k], tr->rel, c->s, date)) < 0) return error;
            return NG_OK;
        }
    }
    /* subject */
    {
        uint32_t p = ts;
        while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK)) &&
               !(ng_w__bits(w, p - 1) & NG_W_PREP))
            p--;
        int after_and = p > c->a && (ng_w__is(w, p - 1, "and") || ng_w__is(w, p - 1, "but"));
        int participle = !noun && ts > c->a && ng_w__punct(w, ts - 1, ',') && w->tk.v[ts].flen > 4 &&
                         memcmp(ng_w__fold(w, ts) + w->tk.v[ts].flen - 3, "ing", 3) == 0;
        if (after_and && c->gend[p - 1 - c->a] < 0) {
            subj = c->last_subj >= 0 ? c->last_subj : ng_subject__main(w, c, ts);
        } else if (participle) {
            subj = ng_subject__main(w, c, ts);
        } else {
            subj = ng_subject__find(w, c, ts);
        }
        if (noun) {
            /* a noun's own parties: "X's withdrawal", "the departure of X from Y", "between" */
            int32_t own = -1;
            if (ts > c->a) {
                uint32_t p2 = ts - 1;
                while (p2 > c->a && (ng_w__bits(w, p2) & (NG_W_TITLEMOD | NG_W_PLAN)) && !(w->tk.v[p2].flags & NG_TK_POSS)) p2--;
                if ((w->tk.v[p2].flags & NG_TK_POSS) && p2 > c->a && c->gend[p2 - 1 - c->a] >= 0) own = c->gend[p2 - 1 - c->a];
            }
            if (own < 0 && te < c->b && ng_w__is(w, te, "of")) {
                uint32_t q = te + 1;
                while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET)) q++;
                if (q < c->b && c->gstart[q - c->a] >= 0) own = c->gstart[q - c->a];
            }
            if (own >= 0) subj = own;
            else if (subj >= 0 && c->g[subj].t1 + 12 < ts) subj = ng_subject__main(w, c, c->b);
            else if (subj < 0) subj = ng_subject__main(w, c, c->b);
        }
    }
    /* passive: "was received by X", "was signed ... by X and Y" */
    {
        uint32_t p = ts;
        while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_SKIPADV)) p--;
        if (!noun && p > c->a && (ng_w__bits(w, p - 1) & NG_W_BE)) {
            for (uint32_t j = te; j < c->b && j < te + 12; j++) {
                if (ng_w__punct(w, j, ';') || ng_w__punct(w, j, '.')) break;
                if (ng_w__is(w, j, "by")) {
                    uint32_t q = j + 1;
                    while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET)) q++;
                    if (q < c->b && c->gstart[q - c->a] >= 0 && !c->g[c->gstart[q - c->a]].place) {
                        agent = c->gstart[q - c->a];
                        te = j + 1;
                    }
                    break;
                }
            }
        }
    }
    {
        uint32_t lo = subj >= 0 && c->g[subj].t1 <= ts ? c->g[subj].t1 : c->a;
        uint32_t p = ts, clause = c->a;
        while (p > c->a && (ng_w__bits(w, p - 1) & (NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK))) p--;
        /* a participle after a comma or a verb after ", and" starts its own clause: the
         * modality of the clause before does not reach it ("X said it could ..., and
         * accused Y", "..., calling Iran 'a regime'") */
        if (!noun && p > c->a && ng_w__punct(w, p - 1, ',') && w->tk.v[ts].flen > 4 &&
            memcmp(ng_w__fold(w, ts) + w->tk.v[ts].flen - 3, "ing", 3) == 0)
            clause = p - 1;
        else if (!noun && p > c->a + 1 && ng_w__is(w, p - 1, "and") && ng_w__punct(w, p - 2, ','))
            clause = p - 2;
        if (clause > lo) lo = clause;
        if (clause == c->a && p > c->a && ng_w__is(w, p - 1, "and")) {
            /* "... to stop the war and withdraw": the first verb's infinitive or plan */
            for (uint32_t q = p - 1; q > c->a && q + 14 > p; q--) {
                if (ng_w__punct(w, q - 1, ';') || ng_w__punct(w, q - 1, ':')) break;
                if (ng_w__is(w, q - 1, "to")) {
                    int ok = 0;
                    for (uint32_t t = q - 1 > c->a + 4 ? q - 5 : c->a; t + 1 < q; t++)
                        if (ng_w__bits(w, t) & NG_W_DECIDE) ok = 1;
                    if (!ok) return NG_OK;
                    break;
                }
                if (ng_modality__fact_bits(w, c, q - 1) & NG_NOT_FACT) return NG_OK;
            }
        }
        if (ng_modality__not_fact(w, c, lo, clause, ts, te, noun)) return NG_OK;
    }
    if (tr->flags & NG_TRF_SELFOBJ) {
        /* "the grouping of A, B and C": the trigger's noun is the organization */
        int32_t acts[GMAX];
        uint32_t n = 0;
        if (!(ts > c->a && ng_w__is(w, ts - 1, "the"))) return NG_OK;
        n = ng_coref__resolve(w, cs, c, NG_CR_BLOC, 0, 0, ts, acts);
        uint32_t q = te;
        while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET)) q++;
        if (!n || q >= c->b || c->gstart[q - c->a] < 0) return NG_OK;
        const group *g = &c->g[c->gstart[q - c->a]];
        return ng_emit__pairs(w, c, tr->rel, c->acts + g->a0, g->an, acts, n, c->s, date);
    }
    if (agent >= 0) {
        obj = subj;
        subj = agent;
    } else if (!tr->no_object) {
        obj = ng_object__find(w, c, tr, te, &prep_seen);
        if (noun && obj >= 0 && obj == subj) obj = -1;
        /* "a meeting between A and B": the parties are the list after "between" */
        if (noun && obj >= 0 && c->g[obj].an >= 2 && c->g[obj].t0 > c->a &&
            (ng_w__is(w, c->g[obj].t0 - 1, "between") ||
             (c->g[obj].t0 > c->a + 1 && ng_w__is(w, c->g[obj].t0 - 2, "between"))))
            return ng_emit__within(w, c, tr->rel, &c->g[obj], c->s, date);
    }
    if (obj < 0 && gap_group >= 0) obj = gap_group;
    if (obj < 0 && subj >= 0 && c->g[subj].an >= 2 && ng_rel_symmetric(tr->rel) && te + 1 < c->b &&
        ((ng_w__is(w, te, "each") && ng_w__is(w, te + 1, "other")) || (ng_w__is(w, te, "one") && ng_w__is(w, te + 1, "another")))) {
        /* "the two leaders greeted each other" */
        return ng_emit__within(w, c, tr->rel, &c->g[subj], c->s, date);
    }
    if (obj < 0 && !noun && agent < 0 && subj >= 0 && ng_object__has_direct(tr)) {
        /* the object of a relative clause is its antecedent: "ECOWAS, which they accuse of
         * serving foreign interests" */
        uint32_t q = c->g[subj].t0;
        if (q > c->a + 1 && (ng_w__is(w, q - 1, "which") || ng_w__is(w, q - 1, "whom"))) {
            uint32_t r = q - 1;
            if (ng_w__punct(w, r - 1, ',')) r--;
            int32_t ante = r > c->a ? c->gend[r - 1 - c->a] : -1;
            if (ante >= 0 && ante != subj && !c->g[ante].place) {
                if ((tr->flags & NG_TRF_QUOTE) && !ng_object__quote_after(w, c, te)) return NG_OK;
                obj = ante;
                relative_obj = 1;
            }
        }
    }
    if (obj >= 0) {
        int32_t members = ng_object__bracket_members(w, c, obj);
        if (members >= 0) {
            const group *og = &c->g[obj];
            const group *mg = &c->g[members];
            if ((error = ng_emit__pairs(w, c, NG_REL_MEMBER_OF, c->acts + mg->a0, mg->an, c->acts + og->a0, og->an, c->s, date)) < 0)
                return error;
            obj = members;
        }
    }
    if ((tr->flags & NG_TRF_QUOTE) && !relative_obj && (obj < 0 || !ng_object__quote_after(w, c, c->g[obj].t1) ||
                                       ng_w__is(w, c->g[obj].t0, "it") || ng_w__is(w, c->g[obj].t0, "them")))
        return NG_OK;
    if (tr->rel == NG_REL_WITHDREW && obj >= 0 && (ng_w__is(w, ts, "left") || ng_w__is(w, ts, "leave") ||
                                                   ng_w__is(w, ts, "leaves") || ng_w__is(w, ts, "leaving"))) {
        /* "left N'Djamena for Moscow", "the president left Mali": a journey */
        if (c->g[obj].t1 < c->b && (ng_w__is(w, c->g[obj].t1, "for") || ng_w__is(w, c->g[obj].t1, "with")))
            return NG_OK;
        if (subj >= 0)
            for (uint32_t k = 0; k < c->g[subj].an; k++)
                if (w->actors[c->acts[c->g[subj].a0 + k]].type == NG_ETYPE_PERSON) return NG_OK;
    }
    /* "X joined Y in cutting ties": Y acts too */
    if (subj >= 0 && ts > c->a + 1 && ng_w__is(w, ts - 1, "in")) {
        int32_t yg = c->gend[ts - 2 - c->a];
        if (yg >= 0 && c->g[yg].t0 > c->a && ng_w__bits(w, c->g[yg].t0 - 1) == 0 &&
            (ng_w__is(w, c->g[yg].t0 - 1, "joined") || ng_w__is(w, c->g[yg].t0 - 1, "joins"))) {
            int32_t ms = ng_subject__main(w, c, ts);
            if (ms >= 0 && ms != yg) {
                for (uint32_t k = 0; k < c->g[ms].an && ns < GMAX; k++) S[ns++] = c->acts[c->g[ms].a0 + k];
            }
        }
    }
    if (subj >= 0)
        for (uint32_t k = 0; k < c->g[subj].an && ns < GMAX * 2; k++) S[ns++] = c->acts[c->g[subj].a0 + k];
    if (tr->rel == NG_REL_MEMBER_OF && obj >= 0 && subj >= 0 && c->g[obj].t1 + 1 < c->b) {
        /* "X and Y sit in it alongside Z and W": members too */
        uint32_t q = c->g[obj].t1;
        if (ng_w__is(w, q, "alongside") || ((ng_w__is(w, q, "along") || ng_w__is(w, q, "together")) && ng_w__is(w, q + 1, "with"))) {
            q += ng_w__is(w, q, "alongside") ? 1 : 2;
            while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET)) q++;
            int32_t gz = q < c->b ? c->gstart[q - c->a] : -1;
            if (gz >= 0 && !c->g[gz].place)
                for (uint32_t k = 0; k < c->g[gz].an && ns < GMAX * 2; k++) S[ns++] = c->acts[c->g[gz].a0 + k];
        }
    }
    if (obj >= 0) {
        for (uint32_t k = 0; k < c->g[obj].an && no < GMAX * 2; k++) {
            O[no++] = c->acts[c->g[obj].a0 + k];
            if (c->g[obj].adj) {
                /* a demonym adjective names its state only when it is the object */
                w->actors[O[no - 1]].emit = 1;
                if (!w->actors[O[no - 1]].mentions) w->actors[O[no - 1]].mentions = 1;
            }
        }
        /* the preposition repeated: "out of Mali last year and out of Chad in May", "with
         * A and with B" */
        int32_t more = obj;
        while (prep_seen && (more = ng_object__next_pp(w, c, tr, c->g[more].t1)) >= 0)
            for (uint32_t k = 0; k < c->g[more].an && no < GMAX * 2; k++) O[no++] = c->acts[c->g[more].a0 + k];
    }
    /* a relation without object may reuse the last object of its kind ("cutting ties") */
    if (!no && (tr->flags & NG_TRF_ELLIPSIS) && cs->ell_n[tr->rel] && c->s - cs->ell_sent[tr->rel] <= 2) {
        /* the other side answering: "X broke off relations with Y. Y said it was ending
         * relations" gives Y -> X */
        int back = 0;
        for (uint32_t k = 0; k < cs->ell_n[tr->rel]; k++)
            for (uint32_t i = 0; i < ns; i++) back |= cs->ell_obj[tr->rel][k] == S[i];
        if (back)
            for (uint32_t k = 0; k < cs->ell_ns[tr->rel]; k++) O[no++] = cs->ell_subj[tr->rel][k];
        else
            for (uint32_t k = 0; k < cs->ell_n[tr->rel]; k++) O[no++] = cs->ell_obj[tr->rel][k];
    }
    c->last_subj = subj;
    if (tr->flags & NG_TRF_INVERSE) {
        int32_t T[GMAX * 2];
        uint32_t nt = ns;
        memcpy(T, S, ns * sizeof *S);
        memcpy(S, O, no * sizeof *O);
        ns = no;
        memcpy(O, T, nt * sizeof *T);
        no = nt;
    }
    if (no && ns) {
        if ((error = ng_emit__pairs(w, c, tr->rel, S, ns, O, no, c->s, date)) < 0) return error;
        if (tr->rel == NG_REL_MET)
            for (uint32_t i = 0; i < ns; i++)
                for (uint32_t k = 0; k < no && c->n_pair < GMAX; k++)
                    if (ng_emit__types_ok(w, NG_REL_MET, S[i], O[k]) && S[i] != O[k]) {
                        c->pair_s[c->n_pair] = S[i];
                        c->pair_o[c->n_pair++] = O[k];
                    }
        /* the partners are "the two sides" of the next sentences */
        if (ns + no >= 2 && ns + no <= GMAX) {
            int32_t both[GMAX];
            memcpy(both, S, ns * sizeof *S);
            memcpy(both + ns, O, no * sizeof *O);
            if (ng_rel_symmetric(tr->rel)) ng_coref__ring_push(w, cs, both, ns + no, c->s);
        }
        if (no <= GMAX && ns <= GMAX) {
            memcpy(cs->ell_obj[tr->rel], O, no * sizeof *O);
            memcpy(cs->ell_subj[tr->rel], S, ns * sizeof *S);
            cs->ell_n[tr->rel] = no;
            cs->ell_ns[tr->rel] = ns;
            cs->ell_sent[tr->rel] = c->s;
        }
        return NG_OK;
    }
    /* no object: a plural subject of a symmetric relation ("X and Y met"), or a "between" */
    if (ns >= 2 && ng_rel_symmetric(tr->rel) && (tr->flags & NG_TRF_PAIR) && !noun) {
        const group *g = agent >= 0 ? &c->g[agent] : &c->g[subj];
        /* "X and Y met bankers": an object that is not an actor, not each other (a signed
         * document is another matter) */
        if (tr->rel == NG_REL_MET && te < c->b && (w->tk.v[te].flags & NG_TK_WORD) && !(w->tk.v[te].flags & NG_TK_CAP) &&
            !(ng_w__bits(w, te) & (NG_W_PREP | NG_W_SKIPADV | NG_W_CLAUSE | NG_W_BE | NG_W_SAY | NG_W_PAST_MARK)) &&
            !ng_w__is(w, te, "and") && !ng_w__is(w, te, "again") && !ng_w__is(w, te, "privately") &&
            !(ng_w__bits(w, te) & NG_W_NUMWORD))
            return NG_OK;
        /* "the zone where the countries meet": borders, not people */
        int people = 0;
        for (uint32_t k = 0; k < g->an; k++) people += w->actors[c->acts[g->a0 + k]].type == NG_ETYPE_PERSON;
        uint32_t q = g->t0;
        while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET)) q--;
        if (!people && q > c->a && ng_w__is(w, q - 1, "where")) return NG_OK;
        return ng_emit__within(w, c, tr->rel, g, c->s, date);
    }
    /* "during talks", "at a meeting": the people of the clause met one another */
    if (noun && ng_rel_symmetric(tr->rel) && !no && ts > c->a + 1) {
        uint32_t p = ts - 1;
        while (p > c->a && (ng_w__bits(w, p) & (NG_W_DET | NG_W_TITLEMOD))) p--;
        if ((ng_w__is(w, p, "during") || ng_w__is(w, p, "at") || ng_w__is(w, p, "in")) && p > c->a) {
            /* the list just before ("X along with his counterparts from A and B during talks"),
             * else the subject */
            int32_t gl = c->gend[p - 1 - c->a];
            if (gl < 0 || c->g[gl].an < 2) gl = subj;
            if (gl >= 0 && c->g[gl].an >= 2) return ng_emit__within(w, c, tr->rel, &c->g[gl], c->s, date);
        }
    }
    /* "... met X, resulting in the signing of a plan": the same partners signed */
    if (noun && tr->rel == NG_REL_SIGNED && !no && c->n_pair) {
        for (uint32_t k = 0; k < c->n_pair; k++)
            if ((error = ng_emit__add(w, c->pair_s[k], c->pair_o[k], NG_REL_SIGNED, c->s, date)) < 0) return error;
    }
    return NG_OK;
}
