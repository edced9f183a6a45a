/* units.c - what the mentions of a sentence name: each becomes a unit of one actor. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

int ng_units__push_act(sctx *c, int32_t a)
{
    if (c->nacts == c->capacts) {
        size_t nc = c->capacts ? c->capacts * 2 : 64;
        int32_t *na = ng_realloc(c->acts, nc * sizeof *na);
        if (!na) return NG_ENOMEM;
        c->acts = na;
        c->capacts = nc;
    }
    c->acts[c->nacts++] = a;
    return NG_OK;
}

int ng_units__add(sctx *c, uint32_t t0, uint32_t t1, const int32_t *acts, uint32_t n, int place, int role)
{
    int error;
    if (!n) return NG_OK;
    if (c->nu == c->capu) {
        size_t nc = c->capu ? c->capu * 2 : 32;
        unit *nu = ng_realloc(c->u, nc * sizeof *nu);
        if (!nu) return NG_ENOMEM;
        c->u = nu;
        c->capu = nc;
    }
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

static int is_loc_before(const ng_work *w, const sctx *c, uint32_t t0)
{
    if (t0 <= c->a) return 0;
    uint32_t p = t0 - 1;
    if (ng_w__is(w, p, "the") && p > c->a) p--;
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
    if (m->t1 < c->b && (w->tk.v[m->t1].flags & NG_TK_WORD) && ng_w__is(w, m->t1, "region")) return 1;
    return 0;
}

static int person_actor(ng_work *w, int32_t *out, int32_t p)
{
    ng_person *pe = &w->people[p];
    int error;
    if (pe->actor >= 0) { *out = pe->actor; return NG_OK; }
    const ng_mention *m = &w->ms[pe->name_m];
    if (m->lex >= 0 && w->lex->ents[m->lex].type == NG_ETYPE_PERSON) {
        if ((error = ng_actors__get_lex(w, out, m->lex)) < 0) return error;
    } else {
        size_t a = w->tk.v[m->n0].off, e = w->tk.v[m->n1 - 1].off + w->tk.v[m->n1 - 1].len;
        char *label = ng_strndup(w->text + a, e - a);
        ng_buf key = NG_BUF_INIT;
        if (!label) return NG_ENOMEM;
        ng_buf full = NG_BUF_INIT;
        ng_names__key(&full, w->lex, label, strlen(label));
        /* the key keeps the first and the last word of the name, so that "Bola Tinubu" and
         * "Bola Ahmed Tinubu" meet across articles; when another person of this article
         * already has that short key (two people sharing first and last names), the full
         * name is the key */
        ng_buf_puts(&key, "person:");
        {
            const char *f = full.ptr ? full.ptr : "";
            const char *sp1 = strchr(f, ' '), *sp2 = strrchr(f, ' ');
            if (sp1 && sp2 && sp1 != sp2) {
                ng_buf_put(&key, f, (size_t)(sp1 - f));
                ng_buf_puts(&key, sp2);
                for (size_t i = 0; i < w->n_actors; i++)
                    if (key.ptr && strcmp(w->actors[i].key, key.ptr) == 0) {
                        ng_buf_clear(&key);
                        ng_buf_puts(&key, "person:");
                        ng_buf_puts(&key, f);
                        break;
                    }
            } else {
                ng_buf_puts(&key, f);
            }
        }
        ng_buf_free(&full);
        if (key.oom) { free(label); ng_buf_free(&key); return NG_ENOMEM; }
        error = ng_actors__new(w, out, NG_ETYPE_PERSON, label, key.ptr);
        free(label);
        ng_buf_free(&key);
        if (error < 0) return error;
    }
    w->actors[*out].partial = pe->partial;
    pe->actor = *out;
    return NG_OK;
}

int ng_units__neworg_actor(ng_work *w, int32_t *out, int32_t o)
{
    ng_neworg *no = &w->neworgs[o];
    int error;
    if (no->actor >= 0) { *out = no->actor; return NG_OK; }
    if (no->lex >= 0) {
        if ((error = ng_actors__get_lex(w, out, no->lex)) < 0) return error;
    } else {
        const ng_mention *m = &w->ms[no->name_m];
        size_t a = w->tk.v[m->t0].off, e = w->tk.v[m->t1 - 1].off + w->tk.v[m->t1 - 1].len;
        char *label = ng_strndup(w->text + a, e - a);
        ng_buf key = NG_BUF_INIT;
        if (!label) return NG_ENOMEM;
        ng_buf_puts(&key, "organization:");
        ng_text_fold(&key, label, strlen(label));
        if (key.oom) { free(label); ng_buf_free(&key); return NG_ENOMEM; }
        /* the same name in another form ("the Republican Guard") is one actor */
        *out = -1;
        for (size_t i = 0; i < w->n_actors; i++)
            if (strcmp(w->actors[i].key, key.ptr) == 0) *out = (int32_t)i;
        error = *out >= 0 ? NG_OK : ng_actors__new(w, out, NG_ETYPE_ORG, label, key.ptr);
        free(label);
        ng_buf_free(&key);
        if (error < 0) return error;
    }
    no->actor = *out;
    return NG_OK;
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

/* Units of the mentions of a sentence. */
int ng_units__mentions(ng_work *w, cstate *cs, sctx *c, uint8_t *covered)
{
    const ng_wsent *se = &w->sents[c->s];
    uint32_t last_end = c->a;
    int error;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        ng_mention *m = &w->ms[k];
        int32_t a = -1, acts[2];
        int place = 0;
        uint32_t t0 = m->t0, t1 = m->t1;
        if (m->dead) continue;
        if (m->t0 < last_end) {
            /* an organization or state named inside a person's title or apposition
             * ("president of the UN Security Council", "head of the Republican Guard") is
             * an actor of the article, though not a party of the sentence */
            if (m->kind == NG_MK_ORG) {
                if (m->kind == NG_MK_ORG && m->org >= 0) error = ng_units__neworg_actor(w, &a, m->org);
                else error = ng_actors__get_lex(w, &a, m->lex);
                if (error < 0) return error;
                size_t o0 = w->tk.v[m->t0].off, o1 = w->tk.v[m->t1 - 1].off + w->tk.v[m->t1 - 1].len;
                w->actors[a].mentions++;
                w->actors[a].emit = 1;
                if ((error = ng_actors__alias(w, a, w->text + o0, o1 - o0)) < 0) return error;
            }
            continue;
        }
        switch (m->kind) {
        case NG_MK_STATE:
        case NG_MK_SEAT:
            if ((error = ng_actors__get_lex(w, &a, m->lex)) < 0) return error;
            if (m->t1 + 1 < c->b && (w->tk.v[m->t1].flags & NG_TK_POSS)) {
                /* "Mali's junta": the noun stands for Mali in the article */
                uint32_t j = m->t1 + 1;
                while (j < c->b && (ng_w__bits(w, j) & NG_W_TITLEMOD) && !(ng_w__bits(w, j) & NG_W_GOVNOUN)) j++;
                if (j < c->b && (ng_w__bits(w, j) & NG_W_GOVNOUN) && !(ng_w__bits(w, j) & NG_W_TROOPS))
                    ng_recent__gov_note(cs, w->tk.v[j].h, a);
            }
            break;
        case NG_MK_ORG:
            if (m->org >= 0) error = ng_units__neworg_actor(w, &a, m->org);
            else error = ng_actors__get_lex(w, &a, m->lex);
            if (error < 0) return error;
            break;
        case NG_MK_PLACE: {
            const ng_lx_entity *e = &w->lex->ents[m->lex];
            if (e->state >= 0 && !capital_is_place(w, c, m)) {
                if ((error = ng_actors__get_lex(w, &a, e->state)) < 0) return error;
            } else {
                if ((error = ng_actors__get_lex(w, &a, m->lex)) < 0) return error;
                place = 1;
            }
            break;
        }
        case NG_MK_BODY: {
            int32_t st = m->st;
            if (st < 0) {
                /* a bare body: the same body met before, else the article's only state */
                for (int i = 0; i < cs->n_mru && a < 0; i++)
                    if (w->actors[cs->mru[i]].body == m->lex) a = cs->mru[i];
                if (a < 0) {
                    int32_t os = only_state(w);
                    if (os >= 0 && w->actors[os].lex >= 0) st = w->actors[os].lex;
                }
            }
            if (a < 0 && st >= 0 && (error = ng_actors__get_body(w, &a, m->lex, st)) < 0) return error;
            break;
        }
        case NG_MK_DEMONYM: {
            /* "French troops", "the Malian government", "Malian authorities" */
            uint32_t j = m->t1;
            if (j < c->b && (w->tk.v[j].flags & NG_TK_WORD) && !(ng_w__bits(w, j) & (NG_W_TROOPS | NG_W_GOVNOUN)) &&
                j + 1 < c->b && (ng_w__bits(w, j + 1) & (NG_W_TROOPS | NG_W_GOVNOUN)))
                j++;
            if (m->t1 < c->b && (ng_w__bits(w, m->t1) & NG_W_PERSONNOUN) && !(w->tk.v[m->t1].flags & NG_TK_CAP) &&
                t0 > c->a && (ng_w__bits(w, t0 - 1) & NG_W_DET) && w->lex->ents[m->lex].type == NG_ETYPE_STATE &&
                !(ng_w__bits(w, m->t1) & NG_W_GROUPNOUN)) {
                /* "the Mauritanian leader", "his Kazakh counterpart": that state's person */
                int32_t sa;
                if ((error = ng_actors__get_lex(w, &sa, m->lex)) < 0) return error;
                a = ng_recent__person_of(w, cs, sa, -1);
                if (a < 0) a = sa;
                t0--;
                t1 = m->t1 + 1;
                break;
            }
            if (j < c->b && (ng_w__bits(w, j) & (NG_W_TROOPS | NG_W_GOVNOUN)) && w->lex->ents[m->lex].type == NG_ETYPE_STATE) {
                if ((error = ng_actors__get_lex(w, &a, m->lex)) < 0) return error;
                if ((ng_w__bits(w, j) & NG_W_GOVNOUN) && !(ng_w__bits(w, j) & NG_W_TROOPS)) ng_recent__gov_note(cs, w->tk.v[j].h, a);
                t1 = j + 1;
                if (t0 > c->a && ng_w__is(w, t0 - 1, "the")) t0--;
                break;
            }
            if (w->lex->ents[m->lex].type == NG_ETYPE_STATE && m->t1 < c->b && (w->tk.v[m->t1].flags & NG_TK_WORD) &&
                !(w->tk.v[m->t1].flags & NG_TK_CAP) &&
                !(ng_w__bits(w, m->t1) & (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_PREP | NG_W_CLAUSE | NG_W_BE))) {
                /* a mere adjective ("the Russian decision", "Swedish criticism"): not an
                 * actor of the sentence, but what a condemnation may be aimed at (see
                 * ng_object__find) */
                if ((error = ng_actors__get_lex(w, &a, m->lex)) < 0) return error;
                if ((error = ng_units__add(c, t0, t1, &a, 1, 1, 0)) < 0) return error;
                c->u[c->nu - 1].adj = 1;
                for (uint32_t t = t0; t < t1; t++) covered[t - c->a] = 1;
                last_end = t1;
                m->actor = a;
                continue;
            }
            break;
        }
        case NG_MK_TITLE: {
            /* a bare title: "the Russian leader", "his Malian counterpart", "the Defense
             * Minister of Russia", "the prime minister" */
            int32_t st = -1;
            uint32_t j = m->t1;
            if (k > se->m0) {
                const ng_mention *p = &w->ms[k - 1];
                if (!p->dead && p->kind == NG_MK_DEMONYM && p->t1 == m->t0) { st = p->lex; t0 = p->t0; }
                else if (!p->dead && (p->kind == NG_MK_STATE || p->kind == NG_MK_SEAT) && p->t1 + 1 == m->t0 &&
                         (w->tk.v[p->t1].flags & NG_TK_POSS)) { st = p->lex; t0 = p->t0; }
            }
            if (st < 0 && j + 1 < c->b && ng_w__is(w, j, "of") && k + 1 < se->m0 + se->nm) {
                const ng_mention *n2 = &w->ms[k + 1];
                uint32_t q = j + 1;
                if (q < c->b && ng_w__is(w, q, "the")) q++;
                if (n2->t0 == q && n2->kind == NG_MK_STATE) { st = n2->lex; t1 = n2->t1; }
            }
            /* plural titles before of/from are role phrases handled by grouping */
            const char *f = ng_w__fold(w, m->t1 - 1);
            if (w->tk.v[m->t1 - 1].flen > 2 && f[w->tk.v[m->t1 - 1].flen - 1] == 's' && st < 0) break;
            if (st < 0 && !(t0 > c->a && (ng_w__bits(w, t0 - 1) & NG_W_DET))) break;
            int32_t sa = -1;
            if (st >= 0 && (error = ng_actors__get_lex(w, &sa, st)) < 0) return error;
            a = ng_recent__person_of(w, cs, sa, m->lex);
            if (a < 0) a = sa;
            if (t0 > c->a && (ng_w__bits(w, t0 - 1) & NG_W_DET)) t0--;
            break;
        }
        case NG_MK_PERSON:
            if ((error = person_actor(w, &a, m->pers)) < 0) return error;
            if (m->title >= 0) w->actors[a].title = m->title;
            break;
        default: break;
        }
        if (a < 0) continue;
        acts[0] = a;
        if ((error = ng_units__add(c, t0, t1, acts, 1, place, 0)) < 0) return error;
        for (uint32_t t = t0; t < t1; t++) covered[t - c->a] = 1;
        last_end = t1;
        m->actor = a;
        /* counts and aliases: names as written (demonyms and capitals are not names) */
        ng_wactor *wa = &w->actors[a];
        if (m->kind == NG_MK_PERSON || m->kind == NG_MK_STATE || m->kind == NG_MK_ORG ||
            (m->kind == NG_MK_PLACE && place)) {
            wa->mentions++;
            wa->emit = 1;
            size_t o0 = w->tk.v[m->n0].off, o1 = w->tk.v[m->n1 - 1].off + w->tk.v[m->n1 - 1].len;
            if (m->kind == NG_MK_ORG && m->org >= 0 && w->neworgs[m->org].lex < 0)
                o0 = w->tk.v[m->t0].off, o1 = w->tk.v[m->t1 - 1].off + w->tk.v[m->t1 - 1].len;
            if ((error = ng_actors__alias(w, a, w->text + o0, o1 - o0)) < 0) return error;
        } else {
            wa->mentions++;
            wa->emit = 1;
        }
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

/* The name words of the article's people, once per article: (key hash, person, last word,
 * mentions), for ng_units__known_names. */
static int name_words(ng_work *w, cstate *cs)
{
    size_t n = 0;
    if (cs->nw_done) return NG_OK;
    cs->nw_done = 1;
    for (size_t p = 0; p < w->n_people; p++) {
        const ng_mention *m = &w->ms[w->people[p].name_m];
        n += m->n1 - m->n0;
    }
    if (n && !(cs->nw = ng_malloc(n * sizeof *cs->nw))) return NG_ENOMEM;
    uint32_t *count = w->n_people ? ng_calloc(w->n_people, sizeof *count) : NULL;
    if (w->n_people && !count) return NG_ENOMEM;
    for (size_t q = 0; q < w->n_ms; q++)
        if (w->ms[q].kind == NG_MK_PERSON && w->ms[q].pers >= 0) count[w->ms[q].pers]++;
    for (size_t p = 0; p < w->n_people; p++) {
        const ng_mention *m = &w->ms[w->people[p].name_m];
        for (uint32_t q = m->n0; q < m->n1; q++) {
            if (!(w->tk.v[q].flags & NG_TK_WORD)) continue;
            uint64_t kh;
            if (ng_names__key_hash(&kh, NULL, w->lex, w->text + w->tk.v[q].off, w->tk.v[q].len) < 0) {
                free(count);
                return NG_ENOMEM;
            }
            cs->nw[cs->n_nw].h = kh;
            cs->nw[cs->n_nw].person = (int32_t)p;
            cs->nw[cs->n_nw].last = q == m->n1 - 1;
            cs->nw[cs->n_nw].mentions = count[p];
            cs->n_nw++;
        }
    }
    free(count);
    return NG_OK;
}

/* Known people by a part of their name in text no mention covers (headlines, lists). */
int ng_units__known_names(ng_work *w, cstate *cs, sctx *c, uint8_t *covered)
{
    int error;
    for (uint32_t t = c->a; t < c->b; t++) {
        if (covered[t - c->a] || !(w->tk.v[t].flags & NG_TK_CAP) || !(w->tk.v[t].flags & NG_TK_WORD)) continue;
        if (ng_w__bits(w, t) & (NG_W_STOP | NG_W_NOTNAME)) continue;
        if ((error = name_words(w, cs)) < 0) return error;
        if (!cs->n_nw) return NG_OK;
        const ng_tok *k = &w->tk.v[t];
        uint64_t h;
        size_t blen;
        if (ng_names__key_hash(&h, &blen, w->lex, w->text + k->off, k->len) < 0) return NG_ENOMEM;
        if (!blen) continue;
        /* any word of a name ("Deby" of "Mahamat Idriss Deby Itno"); several people with
         * that word: the one the article names most (a headline is about the article's
         * main figure), then a last-word match */
        int32_t found = -1;
        uint32_t found_m = 0;
        int found_last = 0;
        for (size_t i = 0; i < cs->n_nw; i++) {
            const name_word *x = &cs->nw[i];
            if (x->h != h) continue;
            if (x->person == found) { found_last |= x->last; continue; }
            if (found < 0 || x->mentions > found_m || (x->mentions == found_m && x->last > found_last)) {
                found = x->person;
                found_m = x->mentions;
                found_last = x->last;
            }
        }
        if (found < 0) continue;
        int32_t a;
        if ((error = person_actor(w, &a, found)) < 0) return error;
        uint32_t t0 = t;
        while (t0 > c->a && !covered[t0 - 1 - c->a] && (w->tk.v[t0 - 1].flags & NG_TK_CAP) &&
               !(ng_w__bits(w, t0 - 1) & (NG_W_STOP | NG_W_NOTNAME)))
            t0--;
        if ((error = ng_units__add(c, t0, t + 1, &a, 1, 0, 0)) < 0) return error;
        for (uint32_t q = t0; q <= t; q++) covered[q - c->a] = 1;
        w->actors[a].mentions++;
    }
    return NG_OK;
}
