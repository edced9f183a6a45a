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
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

#define MRU 64
#define RING 8
#define GMAX 24

typedef struct unit {
    uint32_t t0, t1;
    uint32_t a0, an;     /* actors in c->acts */
    uint8_t place;       /* a location, not an actor */
    uint8_t role;        /* role noun phrase ("the ministers of X") */
    uint8_t poss;        /* a possessive pronoun ("his decision") */
    uint8_t pron;        /* a subject pronoun: starts a clause, never a list member */
    uint8_t adj;         /* a demonym used as an adjective (also place = 1) */
} unit;

typedef struct group {
    uint32_t t0, t1;
    uint32_t u0, un;     /* consecutive units */
    uint32_t split;      /* first unit of the second conjunct ("between A and B"), 0 = none */
    uint32_t a0, an;     /* actors (deduplicated) in c->acts */
    uint8_t place, poss, role, pp;
    uint8_t adj;         /* a demonym adjective (a place group otherwise) */
} group;

typedef struct dated { uint32_t t; char date[11]; } dated;

typedef struct sctx {
    uint32_t s, a, b;
    unit *u;
    size_t nu, capu;
    group *g;
    size_t ng, capg;
    int32_t *acts;
    size_t nacts, capacts;
    int32_t *gcov, *gstart, *gend; /* token - a -> group */
    dated dates[16];
    int n_dates;
    int32_t last_subj;   /* group of the latest trigger's subject in this sentence */
    int32_t pair_s[GMAX], pair_o[GMAX]; /* partners of this sentence's meetings */
    uint32_t n_pair;
} sctx;

typedef struct recent_group { int32_t acts[GMAX]; uint32_t n, sent; uint8_t persons, states; } recent_group;

/* A person with an office title but no state in the text: the state is decided at the end
 * of the article (an affiliation stated anywhere wins) from these clues. */
#define PEND_EXCL 6
typedef struct pending_affil {
    int32_t actor;
    int32_t title;             /* title id */
    uint32_t sent;
    int32_t before, after;     /* state actors of the sentence (see affiliations), -1 */
    int32_t excl[PEND_EXCL];   /* states the sentence shows are someone else's */
    uint32_t n_excl;
    char date[11];
} pending_affil;

/* "France's ambassador", "the Malian president": a role with its state and no name. */
typedef struct role_seen { uint64_t head; int32_t state; } role_seen;

typedef struct name_word { uint64_t h; int32_t person; uint8_t last; uint32_t mentions; } name_word;

typedef struct cstate {
    name_word *nw;             /* the people's name words (name_words), built on first use */
    size_t n_nw;
    int nw_done;
    pending_affil *pend;
    size_t n_pend, cap_pend;
    role_seen roles[32];
    int n_roles;
    int32_t mru[MRU];          /* actors, most recent first */
    uint32_t mru_sent[MRU];
    int n_mru;
    recent_group ring[RING];   /* latest lists of actors, newest at (ring_pos - 1) */
    recent_group bysize[GMAX + 1]; /* the latest list of each size ("the three countries") */
    struct { uint64_t noun; int32_t actor; } gov[8]; /* "the junta" -> its state, once decided */
    int n_gov;
    int ring_pos, ring_n;
    int32_t *sent_person;      /* first person actor of each sentence, -1 */
    int32_t ell_obj[NG_REL__COUNT][GMAX], ell_subj[NG_REL__COUNT][GMAX];
    uint32_t ell_n[NG_REL__COUNT], ell_ns[NG_REL__COUNT], ell_sent[NG_REL__COUNT];
    uint32_t cur_sent;
} cstate;

/* ------------------------------------------------------------------ small helpers */

static int is_punct(const ng_work *w, uint32_t t, char c)
{
    return (w->tk.v[t].flags & NG_TK_PUNCT) && *ng_w__fold(w, t) == c;
}

/* "the country", "the nation": the state the text is about */
static int is_country_noun(const ng_work *w, uint32_t t)
{
    return ng_w__is(w, t, "country") || ng_w__is(w, t, "nation");
}

static int push_act(sctx *c, int32_t a)
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

static int add_unit(sctx *c, uint32_t t0, uint32_t t1, const int32_t *acts, uint32_t n, int place, int role)
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
        if ((error = push_act(c, acts[i])) < 0) return error;
    u->an = n;
    c->nu++;
    return NG_OK;
}

static void mru_touch(cstate *cs, int32_t a, uint32_t sent)
{
    int i;
    for (i = 0; i < cs->n_mru && cs->mru[i] != a; i++) {}
    if (i == cs->n_mru) { if (cs->n_mru < MRU) cs->n_mru++; i = cs->n_mru - 1; }
    memmove(cs->mru + 1, cs->mru, (size_t)i * sizeof cs->mru[0]);
    memmove(cs->mru_sent + 1, cs->mru_sent, (size_t)i * sizeof cs->mru_sent[0]);
    cs->mru[0] = a;
    cs->mru_sent[0] = sent;
}

static void ring_push(const ng_work *w, cstate *cs, const int32_t *acts, uint32_t n, uint32_t sent)
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

/* ------------------------------------------------------------------ relations */

int ng_engine__add_rel(ng_work *w, int32_t src, int32_t dst, ng_rel rel, uint32_t sent, const char *date)
{
    if (src < 0 || dst < 0 || src == dst) return NG_OK;
    if (ng_rel_symmetric(rel) && src > dst) { int32_t t = src; src = dst; dst = t; }
    for (size_t i = w->n_rels; i-- > 0;) {
        const ng_wrel *r = &w->rels[i];
        if (r->sent != sent) break;
        if (r->src == src && r->dst == dst && r->rel == rel) return NG_OK;
    }
    if (w->n_rels == w->cap_rels) {
        size_t nc = w->cap_rels ? w->cap_rels * 2 : 64;
        ng_wrel *nr = ng_realloc(w->rels, nc * sizeof *nr);
        if (!nr) return NG_ENOMEM;
        w->rels = nr;
        w->cap_rels = nc;
    }
    ng_wrel *r = &w->rels[w->n_rels++];
    r->src = src;
    r->dst = dst;
    r->rel = rel;
    r->sent = sent;
    {
        /* as snprintf "%s" into 11 bytes, without the formatter (this runs per relation) */
        size_t n = date ? strnlen(date, sizeof r->date - 1) : 0;
        if (n) memcpy(r->date, date, n);
        r->date[n] = '\0';
    }
    return NG_OK;
}

/* Type constraints of the relations. */
static int types_ok(const ng_work *w, ng_rel rel, int32_t s, int32_t o)
{
    ng_etype ts = w->actors[s].type, to = w->actors[o].type;
    if (ts == NG_ETYPE_PLACE || to == NG_ETYPE_PLACE) return 0;
    /* a person does not meet or sign with the state they act for */
    if ((rel == NG_REL_MET || rel == NG_REL_SIGNED) &&
        ((ts == NG_ETYPE_PERSON && w->actors[s].affil == o) || (to == NG_ETYPE_PERSON && w->actors[o].affil == s)))
        return 0;
    switch (rel) {
    case NG_REL_MEMBER_OF: return ts != NG_ETYPE_PERSON && to == NG_ETYPE_ORG;
    case NG_REL_AFFILIATED_WITH: return ts == NG_ETYPE_PERSON && to != NG_ETYPE_PERSON;
    case NG_REL_WITHDREW: return to != NG_ETYPE_PERSON;
    case NG_REL_CUT_TIES: return to != NG_ETYPE_PERSON;
    default: return 1;
    }
}

/* ------------------------------------------------------------------ dates */

/* Reduced-precision ISO 8601 dates: "2023" and "2023-03". */
static void fmt_y(char out[11], int y) { snprintf(out, 11, "%04u", (unsigned)(y < 0 ? 0 : y) % 10000u); }
static void fmt_ym(char out[11], int y, int m)
{
    snprintf(out, 11, "%04u-%02u", (unsigned)(y < 0 ? 0 : y) % 10000u, (unsigned)(m < 0 ? 0 : m) % 100u);
}

static void sentence_dates(const ng_work *w, sctx *c)
{
    c->n_dates = 0;
    for (uint32_t t = c->a; t < c->b && c->n_dates < 16; t++) {
        const ng_tok *k = &w->tk.v[t];
        const char *f = ng_w__fold(w, t);
        int mo = 0, day = 0, year = 0, y = 0, m = 0, d = 0;
        char out[11] = "";
        if ((k->flags & NG_TK_CAP) && (mo = ng_date__month(f, k->flen)) != 0 &&
            !(k->flen == 3 && memcmp(f, "may", 3) == 0 && !(t + 1 < c->b && (w->tk.v[t + 1].flags & NG_TK_NUM)))) {
            /* Month [day][,] [year] */
            uint32_t j = t + 1;
            if (j < c->b && (w->tk.v[j].flags & NG_TK_NUM) && w->tk.v[j].flen <= 2) {
                day = atoi(ng_w__fold(w, j));
                j++;
                if (j < c->b && is_punct(w, j, ',')) j++;
            }
            if (j < c->b && (w->tk.v[j].flags & NG_TK_NUM) && w->tk.v[j].flen == 4) year = atoi(ng_w__fold(w, j));
            if (!day && t > c->a && (w->tk.v[t - 1].flags & NG_TK_NUM) && w->tk.v[t - 1].flen <= 2)
                day = atoi(ng_w__fold(w, t - 1));
            if (day < 1 || day > 31) day = 0;
            if (!year) {
                if (!w->y) continue;
                year = w->y;
                /* a month-day later than the article date is last year's */
                if (day && (mo > w->m || (mo == w->m && day > w->d + 1))) year--;
                else if (!day && mo > w->m) year--;
            }
            if (day && !ng_date__valid(year, mo, day)) day = 0; /* "September 31": the month */
            if (day) ng_date__format(out, year, mo, day);
            else fmt_ym(out, year, mo);
        } else if ((k->flags & NG_TK_CAP) && ng_date__weekday(f, k->flen) >= 0) {
            int wd = ng_date__weekday(f, k->flen);
            if (!w->y) continue;
            y = w->y; m = w->m; d = w->d;
            int back = (ng_date__dow(y, m, d) - wd + 7) % 7;
            ng_date__add_days(&y, &m, &d, -back);
            ng_date__format(out, y, m, d);
        } else if (ng_w__is(w, t, "yesterday") || ng_w__is(w, t, "today")) {
            if (!w->y) continue;
            y = w->y; m = w->m; d = w->d;
            if (ng_w__is(w, t, "yesterday")) ng_date__add_days(&y, &m, &d, -1);
            ng_date__format(out, y, m, d);
        } else if (ng_w__is(w, t, "last") && t + 1 < c->b && ng_w__is(w, t + 1, "year")) {
            if (!w->y) continue;
            fmt_y(out, w->y - 1);
        } else if ((k->flags & NG_TK_NUM) && k->flen == 4 && t > c->a &&
                   (ng_w__is(w, t - 1, "in") || ng_w__is(w, t - 1, "since") || ng_w__is(w, t - 1, "early") ||
                    ng_w__is(w, t - 1, "late"))) {
            year = atoi(f);
            if (year < 1900 || year > 2099) continue;
            fmt_y(out, year);
        } else {
            continue;
        }
        c->dates[c->n_dates].t = t;
        memcpy(c->dates[c->n_dates].date, out, sizeof out);
        c->n_dates++;
    }
}

static const char *date_for(const ng_work *w, const sctx *c, uint32_t t)
{
    int best = -1;
    uint32_t bd = 0;
    for (int i = 0; i < c->n_dates; i++) {
        uint32_t d = c->dates[i].t > t ? c->dates[i].t - t : t - c->dates[i].t;
        if (best < 0 || d < bd) { best = i; bd = d; }
    }
    if (best >= 0) return c->dates[best].date;
    return w->meta.date;
}

/* ------------------------------------------------------------------ units */

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
    if (m->t1 + 1 < c->b && is_punct(w, m->t1, ',')) {
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

static int neworg_actor(ng_work *w, int32_t *out, int32_t o)
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

/* The latest person affiliated with `state_actor` (and holding `title` when >= 0). */
static int32_t person_of(const ng_work *w, const cstate *cs, int32_t state_actor, int32_t title)
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
static uint32_t resolve_coref(const ng_work *w, const cstate *cs, const sctx *c, int cref, int number,
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
                if (is_punct(w, t, ',')) { sub_end = t; break; }
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
            uint32_t n = resolve_coref(w, cs, c, NG_CR_GROUP, 0, NG_ETYPE__COUNT + 1, t0, out);
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
static void gov_note(cstate *cs, uint64_t noun, int32_t actor)
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
static int coref_units(ng_work *w, cstate *cs, sctx *c, const uint8_t *covered)
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
            n = resolve_coref(w, cs, c, NG_CR_GROUP, 0, NG_ETYPE_PERSON + 1, t, acts);
            t1 = t + 2;
        } else if (ng_w__is(w, t, "he") || ng_w__is(w, t, "him") || ng_w__is(w, t, "his") ||
            ng_w__is(w, t, "she") || ng_w__is(w, t, "her") || ng_w__is(w, t, "himself") ||
            ng_w__is(w, t, "herself")) {
            n = resolve_coref(w, cs, c, NG_CR_HE, 0, 0, t, acts);
        } else if (ng_w__is(w, t, "they") || ng_w__is(w, t, "them") || ng_w__is(w, t, "their") ||
                   ng_w__is(w, t, "themselves")) {
            n = resolve_coref(w, cs, c, NG_CR_THEY, 0, 0, t, acts);
        } else if ((ng_w__is(w, t, "it") || ng_w__is(w, t, "its")) && !(k->flags & NG_TK_INQUOTE)) {
            n = resolve_coref(w, cs, c, NG_CR_IT, 0, 0, t, acts);
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
                n = resolve_coref(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
                if (n) {
                    if ((error = add_unit(c, t, t + 2, acts, n, 0, 0)) < 0) return error;
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
                n = resolve_coref(w, cs, c, NG_CR_GROUP, number, ctype, t, acts);
                if (!n && ctype == NG_ETYPE_PERSON + 1)
                    n = resolve_coref(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
                t1 = j + 1;
            } else if (number > 0 && j == t + 2 && !(bits & (NG_W_BLOCNOUN | NG_W_GOVNOUN))) {
                /* "the two signed ...": the number alone */
                n = resolve_coref(w, cs, c, NG_CR_GROUP, number, 0, t, acts);
                t1 = t + 2;
            } else if ((bits & NG_W_BLOCNOUN) && number == 0) {
                /* "the bloc of A, B and C" names its members; "the group of fomenting" does not */
                if (j + 2 < c->b && ng_w__is(w, j + 1, "of") &&
                    (covered[j + 2 - c->a] || (w->tk.v[j + 2].flags & NG_TK_CAP) || (ng_w__bits(w, j + 2) & NG_W_DET)))
                    continue;
                /* "the group", "the organisation": any organization; "the bloc": of states */
                int generic = ng_w__is(w, j, "group") || ng_w__is(w, j, "organisation") ||
                              ng_w__is(w, j, "organization") || ng_w__is(w, j, "body");
                n = resolve_coref(w, cs, c, NG_CR_BLOC, generic, 0, t, acts);
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
                    n = resolve_coref(w, cs, c, NG_CR_GOV, 0, 0, t, acts);
                    if (n == 1) gov_note(cs, w->tk.v[j].h, acts[0]);
                }
                t1 = j + 1;
            } else if (is_country_noun(w, j) && number == 0) {
                n = resolve_coref(w, cs, c, NG_CR_COUNTRY, 0, 0, t, acts);
                t1 = j + 1;
            } else if (ng_w__is(w, j, "ministry") && number == 0) {
                n = resolve_coref(w, cs, c, NG_CR_BODY, 0, 0, t, acts);
                t1 = j + 1;
            } else {
                continue;
            }
        } else {
            continue;
        }
        if (n) {
            if ((error = add_unit(c, t, t1, acts, n, 0, 0)) < 0) return error;
            c->u[c->nu - 1].pron = ng_w__is(w, t, "he") || ng_w__is(w, t, "she") || ng_w__is(w, t, "they") ||
                                   ng_w__is(w, t, "it");
            /* "his decision", "their withdrawal": the owner of what follows */
            if (possessive && t1 == t + 1 && t1 < c->b && (w->tk.v[t1].flags & NG_TK_WORD)) c->u[c->nu - 1].poss = 1;
            t = t1 - 1;
        }
    }
    return NG_OK;
}

static int cmp_unit(const void *x, const void *y)
{
    const unit *a = x, *b = y;
    if (a->t0 != b->t0) return a->t0 < b->t0 ? -1 : 1;
    return a->t1 > b->t1 ? -1 : a->t1 < b->t1;
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
static int mention_units(ng_work *w, cstate *cs, sctx *c, uint8_t *covered)
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
                if (m->kind == NG_MK_ORG && m->org >= 0) error = neworg_actor(w, &a, m->org);
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
                    gov_note(cs, w->tk.v[j].h, a);
            }
            break;
        case NG_MK_ORG:
            if (m->org >= 0) error = neworg_actor(w, &a, m->org);
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
                a = person_of(w, cs, sa, -1);
                if (a < 0) a = sa;
                t0--;
                t1 = m->t1 + 1;
                break;
            }
            if (j < c->b && (ng_w__bits(w, j) & (NG_W_TROOPS | NG_W_GOVNOUN)) && w->lex->ents[m->lex].type == NG_ETYPE_STATE) {
                if ((error = ng_actors__get_lex(w, &a, m->lex)) < 0) return error;
                if ((ng_w__bits(w, j) & NG_W_GOVNOUN) && !(ng_w__bits(w, j) & NG_W_TROOPS)) gov_note(cs, w->tk.v[j].h, a);
                t1 = j + 1;
                if (t0 > c->a && ng_w__is(w, t0 - 1, "the")) t0--;
                break;
            }
            if (w->lex->ents[m->lex].type == NG_ETYPE_STATE && m->t1 < c->b && (w->tk.v[m->t1].flags & NG_TK_WORD) &&
                !(w->tk.v[m->t1].flags & NG_TK_CAP) &&
                !(ng_w__bits(w, m->t1) & (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_PREP | NG_W_CLAUSE | NG_W_BE))) {
                /* a mere adjective ("the Russian decision", "Swedish criticism"): not an
                 * actor of the sentence, but what a condemnation may be aimed at (see
                 * find_object) */
                if ((error = ng_actors__get_lex(w, &a, m->lex)) < 0) return error;
                if ((error = add_unit(c, t0, t1, &a, 1, 1, 0)) < 0) return error;
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
            a = person_of(w, cs, sa, m->lex);
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
        if ((error = add_unit(c, t0, t1, acts, 1, place, 0)) < 0) return error;
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
 * mentions), for known_name_units. */
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
static int known_name_units(ng_work *w, cstate *cs, sctx *c, uint8_t *covered)
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
        if ((error = add_unit(c, t0, t + 1, &a, 1, 0, 0)) < 0) return error;
        for (uint32_t q = t0; q <= t; q++) covered[q - c->a] = 1;
        w->actors[a].mentions++;
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ groups */

static int add_group(sctx *c, uint32_t u0, uint32_t un)
{
    int error;
    if (c->ng == c->capg) {
        size_t nc = c->capg ? c->capg * 2 : 32;
        group *ng = ng_realloc(c->g, nc * sizeof *ng);
        if (!ng) return NG_ENOMEM;
        c->g = ng;
        c->capg = nc;
    }
    group *g = &c->g[c->ng];
    memset(g, 0, sizeof *g);
    g->u0 = u0;
    g->un = un;
    g->t0 = c->u[u0].t0;
    g->t1 = c->u[u0 + un - 1].t1;
    g->place = c->u[u0].place;
    g->adj = c->u[u0].adj;
    g->a0 = (uint32_t)c->nacts;
    for (uint32_t i = u0; i < u0 + un; i++) {
        const unit *u = &c->u[i];
        for (uint32_t k = 0; k < u->an; k++) {
            int32_t a = c->acts[u->a0 + k];
            uint32_t j;
            for (j = g->a0; j < c->nacts && c->acts[j] != a; j++) {}
            if (j < c->nacts) continue;
            if ((error = push_act(c, a)) < 0) return error;
        }
    }
    g->an = (uint32_t)c->nacts - g->a0;
    c->ng++;
    return NG_OK;
}

/* Tokens between two units that join a list: ",", "and", ", and", "as well as", "along with",
 * "together with", "&", "or", optionally followed by a determiner. */
static int joins(const ng_work *w, uint32_t t0, uint32_t t1, int *has_and)
{
    uint32_t t = t0;
    int n = 0;
    *has_and = 0;
    if (t0 == t1) return 0;
    while (t < t1) {
        if (is_punct(w, t, ',')) { t++; n++; continue; }
        if (ng_w__is(w, t, "and") || ng_w__is(w, t, "&") || ng_w__is(w, t, "or")) { *has_and = 1; t++; n++; continue; }
        if (t + 1 < t1 && (ng_w__is(w, t, "along") || ng_w__is(w, t, "together")) && ng_w__is(w, t + 1, "with")) { t += 2; n++; continue; }
        if (t + 2 < t1 && ng_w__is(w, t, "as") && ng_w__is(w, t + 1, "well") && ng_w__is(w, t + 2, "as")) { t += 3; n++; continue; }
        if (ng_w__bits(w, t) & NG_W_DET) { if (n == 0) return 0; t++; continue; }
        return 0;
    }
    return n > 0;
}

static int build_groups(ng_work *w, sctx *c)
{
    int error;
    if (c->nu <= 16) {
        /* a few units: a stable insertion sort (the same order as glibc's stable qsort) */
        for (size_t i = 1; i < c->nu; i++) {
            unit x = c->u[i];
            size_t j = i;
            while (j > 0 && cmp_unit(&c->u[j - 1], &x) > 0) { c->u[j] = c->u[j - 1]; j--; }
            c->u[j] = x;
        }
    } else {
        qsort(c->u, c->nu, sizeof *c->u, cmp_unit);
    }
    /* drop units nested in earlier ones */
    {
        size_t k = 0;
        uint32_t end = 0;
        for (size_t i = 0; i < c->nu; i++) {
            if (k && c->u[i].t0 < end) continue;
            c->u[k++] = c->u[i];
            end = c->u[i].t1;
        }
        c->nu = k;
    }
    for (size_t i = 0; i < c->nu;) {
        size_t j = i + 1;
        uint32_t split = 0;
        int n_and = 0, n_comma_only = 0;
        while (j < c->nu && !c->u[i].place && !c->u[j].place && !c->u[j].pron) {
            int has_and;
            if (!joins(w, c->u[j - 1].t1, c->u[j].t0, &has_and)) break;
            /* "X met Y, the ministry said": the reporting clause starts a new group */
            if (!has_and && c->u[j].t1 < c->b && (ng_w__bits(w, c->u[j].t1) & NG_W_SAY)) break;
            if (has_and) { n_and++; if (!split) split = (uint32_t)j; }
            else n_comma_only++;
            j++;
        }
        if ((error = add_group(c, (uint32_t)i, (uint32_t)(j - i))) < 0) return error;
        group *g = &c->g[c->ng - 1];
        /* "between A and B": two conjuncts only when one "and" and no comma list */
        if (n_and == 1 && n_comma_only == 0 && j - i >= 2) g->split = split;
        i = j;
    }
    /* role phrases: "[the] [modifiers] TITLE-or-person-noun of/from GROUP" */
    for (size_t gi = 0; gi < c->ng; gi++) {
        group *g = &c->g[gi];
        if (g->t0 < c->a + 2) continue;
        uint32_t p = g->t0 - 1;
        if (ng_w__is(w, p, "the") && p > c->a) p--;
        if (!(ng_w__is(w, p, "of") || ng_w__is(w, p, "from"))) continue;
        if (p == c->a) continue;
        uint32_t q = p - 1;
        uint32_t bits = ng_w__bits(w, q);
        int is_title = 0;
        const ng_wsent *se = &w->sents[c->s];
        for (uint32_t k = se->m0; k < se->m0 + se->nm; k++)
            if (w->ms[k].kind == NG_MK_TITLE && w->ms[k].t1 == q + 1 && !w->ms[k].dead) { is_title = 1; q = w->ms[k].t0; break; }
        if (!is_title && !(bits & (NG_W_PERSONNOUN | NG_W_GROUPNOUN | NG_W_GOVNOUN))) continue;
        if (!is_title && ng_w__is(w, q, "members") && 0) continue;
        /* the phrase must not belong to a unit already (e.g. a person with a title) */
        if (gi > 0 && c->g[gi - 1].t1 > q) continue;
        while (q > c->a && ((ng_w__bits(w, q - 1) & (NG_W_TITLEMOD | NG_W_DET)) ||
                            ((w->tk.v[q - 1].flags & NG_TK_CAP) && !(ng_w__bits(w, q - 1) & NG_W_STOP) &&
                             !(w->tk.v[q - 1].flags & NG_TK_FIRST) && !(gi > 0 && c->g[gi - 1].t1 >= q)))) {
            q--;
            if (ng_w__bits(w, q) & NG_W_DET) break;
        }
        g->t0 = q;
        g->role = 1;
    }
    /* a role phrase joins the list before it: "X along with his counterparts from A and B",
     * "between X and the ministers of A and B" (two conjuncts: X, and A and B) */
    for (size_t gi = 0; gi + 1 < c->ng;) {
        group *g = &c->g[gi], *h = &c->g[gi + 1];
        int has_and;
        if (!h->role || g->place || h->place || !joins(w, g->t1, h->t0, &has_and)) { gi++; continue; }
        uint32_t a0 = (uint32_t)c->nacts;
        for (int side = 0; side < 2; side++) {
            const group *x = side ? h : g;
            for (uint32_t k = 0; k < x->an; k++) {
                int32_t act = c->acts[x->a0 + k];
                uint32_t j;
                for (j = a0; j < c->nacts && c->acts[j] != act; j++) {}
                if (j == c->nacts && (error = push_act(c, act)) < 0) return error;
            }
        }
        g = &c->g[gi];
        h = &c->g[gi + 1];
        g->split = has_and && !g->split && g->un == 1 ? h->u0 : g->split;
        g->t1 = h->t1;
        g->un += h->un;
        g->a0 = a0;
        g->an = (uint32_t)c->nacts - a0;
        memmove(c->g + gi + 1, c->g + gi + 2, (c->ng - gi - 2) * sizeof *c->g);
        c->ng--;
    }
    /* coverage maps */
    /* gcov, gstart and gend are one allocation of 3 * (b - a): all -1 (bytes 0xFF) */
    memset(c->gcov, 0xFF, 3 * (size_t)(c->b - c->a) * sizeof *c->gcov);
    for (size_t gi = 0; gi < c->ng; gi++) {
        group *g = &c->g[gi];
        for (uint32_t t = g->t0; t < g->t1; t++) c->gcov[t - c->a] = (int32_t)gi;
        c->gstart[g->t0 - c->a] = (int32_t)gi;
        c->gend[g->t1 - 1 - c->a] = (int32_t)gi;
        g->poss = (g->t1 < c->b && (w->tk.v[g->t1].flags & NG_TK_POSS)) || c->u[g->u0 + g->un - 1].poss;
        /* in a prepositional phrase? (role phrases take the preposition of their head) */
        if (g->t0 > c->a) {
            uint32_t p = g->t0 - 1;
            /* "with the Vatican": determiners between */
            while (p > c->a && (ng_w__bits(w, p) & NG_W_DET) && !ng_w__is(w, p, "that")) p--;
            g->pp = (ng_w__bits(w, p) & NG_W_PREP) != 0;
        }
    }
    (void)w;
    return NG_OK;
}

/* ------------------------------------------------------------------ triggers */

static int slot_has(const ng_tr_slot *sl, uint64_t h)
{
    for (uint8_t i = 0; i < sl->n_alt; i++)
        if (sl->alt[i] == h) return 1;
    return 0;
}

static int match_slots(const ng_work *w, const sctx *c, const ng_trigger *tr, int si, uint32_t t,
                       uint32_t *end, int32_t *gap_group)
{
    if (si == tr->n_slot) { *end = t; return 1; }
    const ng_tr_slot *sl = &tr->slot[si];
    if (sl->gap) {
        for (uint32_t g = 0; g <= 3; g++) {
            if (g > 0) {
                uint32_t k = t + g - 1;
                if (k >= c->b || (w->tk.v[k].flags & NG_TK_PUNCT)) break;
                if (c->gcov[k - c->a] >= 0) {
                    /* a possessive actor inside the gap: "becomes NATO's 31st member" */
                    const group *gg = &c->g[c->gcov[k - c->a]];
                    if (!gg->poss) break;
                    *gap_group = c->gcov[k - c->a];
                }
            }
            if (match_slots(w, c, tr, si + 1, t + g, end, gap_group)) return 1;
        }
        return 0;
    }
    if (t < c->b && slot_has(sl, w->tk.v[t].h) && match_slots(w, c, tr, si + 1, t + 1, end, gap_group))
        return 1;
    if (sl->optional) return match_slots(w, c, tr, si + 1, t, end, gap_group);
    return 0;
}

static int is_prep_of(const ng_trigger *tr, uint64_t h)
{
    for (int i = 0; i < tr->n_prep; i++)
        if (tr->prep[i] && tr->prep[i] == h) return 1;
    return 0;
}

static int has_direct(const ng_trigger *tr)
{
    for (int i = 0; i < tr->n_prep; i++)
        if (!tr->prep[i]) return 1;
    return 0;
}

/* Possessive group followed by a government or troops noun stands for its owner. */
static int poss_is_owner(const ng_work *w, const sctx *c, const group *g)
{
    uint32_t j = g->t1 < c->b && (w->tk.v[g->t1].flags & NG_TK_POSS) ? g->t1 + 1 : g->t1;
    if (j < c->b && (ng_w__bits(w, j) & NG_W_TITLEMOD)) j++;
    return j < c->b && (ng_w__bits(w, j) & (NG_W_GOVNOUN | NG_W_TROOPS));
}

static int32_t main_subject(const ng_work *w, const sctx *c, uint32_t before)
{
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->t0 >= before) break;
        if (g->place || (g->pp && !g->role)) continue;
        if (g->poss && !poss_is_owner(w, c, g)) continue;
        return (int32_t)gi;
    }
    return -1;
}

static int32_t find_subject(const ng_work *w, const sctx *c, uint32_t ts)
{
    int64_t j = (int64_t)ts - 1;
    int steps = 0, relative = 0, words = 0;
    while (j >= (int64_t)c->a && steps < 24) {
        uint32_t t = (uint32_t)j;
        int32_t gi = c->gend[t - c->a];
        if (gi >= 0) {
            const group *g = &c->g[gi];
            /* the antecedent of "who"/"which" may sit in a prepositional phrase: "the coup
             * was led by X, who heads ..." */
            if (g->place || (g->pp && !g->role && !relative)) { j = (int64_t)g->t0 - 1; steps++; continue; }
            return gi;
        }
        if (c->gcov[t - c->a] >= 0) { j = (int64_t)c->g[c->gcov[t - c->a]].t0 - 1; continue; }
        if (w->tk.v[t].flags & NG_TK_PUNCT) {
            char ch = *ng_w__fold(w, t);
            if (ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '"') return -1;
            j--;
            steps++;
            continue;
        }
        uint32_t bits = ng_w__bits(w, t);
        if (bits & NG_W_CLAUSE) {
            /* only a relative pronoun right before the verb is its subject ("X, who heads";
             * not "X, which they left") */
            if (ng_w__is(w, t, "who") || ng_w__is(w, t, "which")) { relative = words == 0; j--; continue; }
            return -1;
        }
        if (!(bits & (NG_W_SKIPADV | NG_W_BE | NG_W_PAST_MARK | NG_W_MODAL))) words++;
        j--;
        steps++;
    }
    return -1;
}

/* A phrase of words.csv (several words) starting at t: its class bits. */
static uint32_t phrase_bits(const ng_work *w, uint32_t t, uint32_t b)
{
    const ng_ptab *pt = &w->lex->wordphrases;
    uint64_t h = NG_SEQ_SEED;
    uint32_t bits = 0;
    for (uint32_t k = t; k < b && k - t < pt->max_tokens; k++) {
        const ng_ptab_slot *slot;
        h = ng_x__seq_hash(h, w->tk.v[k].h);
        if (!(slot = ng_ptab__find(pt, h))) break;
        for (int32_t v = slot->first; v >= 0; v = pt->vals[v].next) bits |= pt->vals[v].kind;
    }
    return bits;
}

#define NOT_FACT (NG_W_MODAL | NG_W_PLAN | NG_W_NEG)

/* Word and phrase classes of token t for modality; the month "May" is not a modal. */
static uint32_t fact_bits(const ng_work *w, const sctx *c, uint32_t t)
{
    uint32_t bits = ng_w__bits(w, t) | phrase_bits(w, t, c->b);
    if ((bits & NG_W_MODAL) && (w->tk.v[t].flags & NG_TK_CAP) && !(w->tk.v[t].flags & NG_TK_FIRST) &&
        ng_date__month(ng_w__fold(w, t), w->tk.v[t].flen))
        bits &= ~(uint32_t)NG_W_MODAL;
    return bits;
}

/* Is the event at [ts, te) not a fact (modal, plan, negation, condition, rumour)? */
static int not_fact(const ng_work *w, const sctx *c, uint32_t lo, uint32_t clause, uint32_t ts, uint32_t te, int noun)
{
    uint32_t from = lo;
    if (ts > c->a + 8 && from < ts - 8) from = ts - 8;
    if (noun && ts > c->a + 5 && from < ts - 5) from = ts - 5;
    for (uint32_t t = from; t < ts; t++) {
        if (fact_bits(w, c, t) & NOT_FACT) return 1;
    }
    /* infinitive: only "decided to", "decision to", "voted to" are facts */
    if (ts > c->a && ng_w__is(w, ts - 1, "to") && !noun) {
        int ok = 0;
        for (uint32_t t = ts > c->a + 4 ? ts - 4 : c->a; t + 1 < ts; t++)
            if (ng_w__bits(w, t) & NG_W_DECIDE) ok = 1;
        if (!ok) return 1;
    }
    for (uint32_t t = clause; t < ts; t++)
        if ((ng_w__bits(w, t) | phrase_bits(w, t, c->b)) & NG_W_COND) return 1;
    for (uint32_t t = c->a; t < c->b; t++)
        if (ng_w__bits(w, t) & NG_W_RUMOUR) return 1;
    if (noun) {
        /* "talks between A and B will take place", "a meeting planned for" */
        for (uint32_t t = te; t < c->b && t < te + 14; t++) {
            if (is_punct(w, t, ';') || is_punct(w, t, '.')) break;
            if (fact_bits(w, c, t) & (NG_W_MODAL | NG_W_PLAN)) return 1;
        }
    }
    return 0;
}

static int32_t find_object(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t te, int *prep_seen)
{
    uint32_t j = te;
    int steps = 0, prep = 0, direct = has_direct(tr);
    *prep_seen = 0;
    /* "criticised what he called Israel's attitude": the object follows the inner clause */
    if (direct && j + 2 < c->b && ng_w__is(w, j, "what") && c->gstart[j + 1 - c->a] >= 0) {
        uint32_t k = c->g[c->gstart[j + 1 - c->a]].t1;
        if (k < c->b && (ng_w__is(w, k, "called") || ng_w__is(w, k, "calls") || ng_w__is(w, k, "termed") ||
                         ng_w__is(w, k, "described") || (ng_w__bits(w, k) & NG_W_SAY)))
            j = k + 1;
    }
    while (j < c->b && steps < 14) {
        if (tr->form == NG_TR_NOUN && !prep && steps > 4) return -1; /* "talks ... with": close */
        int32_t gi = c->gstart[j - c->a];
        if (gi >= 0) {
            const group *g = &c->g[gi];
            /* "criticised the Russian decision", "complained about Swedish criticism" */
            if (g->adj && (tr->flags & (NG_TRF_POSS | NG_TRF_QUOTE)) && (prep || direct)) return gi;
            if (g->place) { j = g->t1; steps++; continue; }
            if (prep) {
                if (g->poss && !(tr->flags & NG_TRF_POSS) && !poss_is_owner(w, c, g) && tr->rel != NG_REL_MEMBER_OF) {
                    /* "with Russia's state nuclear corporation Rosatom": the owned thing */
                    j = g->t1 + 1;
                    steps++;
                    continue;
                }
                return gi;
            }
            if (direct) {
                /* a preposition that is part of the trigger ("sit in it") does not make
                 * the object a prepositional phrase */
                if (g->pp && !g->role && g->t0 != te) { j = g->t1; steps++; continue; }
                if (g->poss && !(tr->flags & NG_TRF_POSS) && !poss_is_owner(w, c, g)) { j = g->t1 + 1; steps++; continue; }
                return gi;
            }
            j = g->t1;
            steps++;
            continue;
        }
        if (c->gcov[j - c->a] >= 0) {
            /* a role phrase whose head noun the trigger took ("one of the founding
             * members | of X"): its actors are the object */
            const group *g = &c->g[c->gcov[j - c->a]];
            if (g->role && j == te && c->u[g->u0].t0 > j && is_prep_of(tr, w->tk.v[j].h)) return c->gcov[j - c->a];
            j = g->t1;
            continue;
        }
        if (w->tk.v[j].flags & NG_TK_PUNCT) {
            char ch = *ng_w__fold(w, j);
            if (ch == ';' || ch == ':' || ch == ')' || ch == '.') return -1;
            if (ch == '"' && !(tr->flags & NG_TRF_QUOTE)) return -1;
            /* "the zone where the countries meet, was made public by ...": a comma right
             * after the verb ends its clause */
            if (ch == ',' && j == te && tr->form == NG_TR_VERB) return -1;
            j++;
            steps++;
            continue;
        }
        if (is_prep_of(tr, w->tk.v[j].h)) { prep = 1; *prep_seen = 1; j++; continue; }
        uint32_t bits = ng_w__bits(w, j);
        if ((bits & NG_W_CLAUSE) && !ng_w__is(w, j, "as")) return -1;
        if ((bits & NG_W_SAY) && j > te) return -1;
        j++;
        steps++;
    }
    return -1;
}

/* After an object at t: ", and [out] PREP [the] GROUP" with one of the trigger's
 * prepositions (a few words such as a date may come between); the group or -1. */
static int32_t next_pp_object(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t t)
{
    uint32_t j = t, n = 0;
    while (j < c->b && n < 4 && !ng_w__is(w, j, "and") && c->gcov[j - c->a] < 0 &&
           !((w->tk.v[j].flags & NG_TK_PUNCT) && !is_punct(w, j, ',')) && !(ng_w__bits(w, j) & (NG_W_CLAUSE | NG_W_SAY)))
        j++, n++;
    if (j >= c->b || !ng_w__is(w, j, "and")) return -1;
    j++;
    if (j < c->b && (ng_w__is(w, j, "out") || ng_w__is(w, j, "also"))) j++;
    if (j >= c->b || !is_prep_of(tr, w->tk.v[j].h)) return -1;
    j++;
    while (j < c->b && c->gstart[j - c->a] < 0 && (ng_w__bits(w, j) & NG_W_DET)) j++;
    if (j >= c->b || c->gstart[j - c->a] < 0 || c->g[c->gstart[j - c->a]].place) return -1;
    return c->gstart[j - c->a];
}

static int emit_pairs(ng_work *w, const sctx *c, ng_rel rel, const int32_t *s, uint32_t ns,
                      const int32_t *o, uint32_t no, uint32_t sent, const char *date)
{
    int error;
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t k = 0; k < no; k++) {
            if (!types_ok(w, rel, s[i], o[k])) continue;
            if ((error = ng_engine__add_rel(w, s[i], o[k], rel, sent, date)) < 0) return error;
        }
    (void)c;
    return NG_OK;
}

static int emit_within(ng_work *w, const sctx *c, ng_rel rel, const group *g, uint32_t sent, const char *date)
{
    int error;
    if (g->split) {
        /* between A and B: A x B */
        const unit *us = &c->u[g->split];
        uint32_t left_end = us->a0;
        (void)left_end;
        int32_t L[GMAX], R[GMAX];
        uint32_t nl = 0, nr = 0;
        for (uint32_t ui = g->u0; ui < g->u0 + g->un; ui++) {
            const unit *u = &c->u[ui];
            for (uint32_t k = 0; k < u->an; k++) {
                if (ui < g->split) { if (nl < GMAX) L[nl++] = c->acts[u->a0 + k]; }
                else if (nr < GMAX) R[nr++] = c->acts[u->a0 + k];
            }
        }
        return emit_pairs(w, c, rel, L, nl, R, nr, sent, date);
    }
    for (uint32_t i = 0; i < g->an; i++)
        for (uint32_t k = i + 1; k < g->an; k++) {
            int32_t x = c->acts[g->a0 + i], y = c->acts[g->a0 + k];
            if (!types_ok(w, rel, x, y)) continue;
            if ((error = ng_engine__add_rel(w, x, y, rel, sent, date)) < 0) return error;
        }
    return NG_OK;
}

static int sentence_has_doc(const ng_work *w, const sctx *c)
{
    for (uint32_t t = c->a; t < c->b; t++)
        if (ng_w__bits(w, t) & NG_W_DOC) return 1;
    return 0;
}

static int has_quote_after(const ng_work *w, const sctx *c, uint32_t t)
{
    for (uint32_t k = t; k < c->b && k < t + 4; k++)
        if (is_punct(w, k, '"')) return 1;
    return 0;
}

/* "ORG (A, B, C)": the members listed in brackets after an organization, -1 if none. */
static int32_t members_in_brackets(const ng_work *w, const sctx *c, int32_t gi)
{
    const group *g = &c->g[gi];
    if (g->an != 1 || w->actors[c->acts[g->a0]].type != NG_ETYPE_ORG) return -1;
    if (g->t1 + 2 >= c->b || !is_punct(w, g->t1, '(')) return -1;
    uint32_t q = g->t1 + 1;
    while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET)) q++;
    int32_t m = q < c->b ? c->gstart[q - c->a] : -1;
    if (m < 0 || c->g[m].an < 2 || c->g[m].t1 >= c->b || !is_punct(w, c->g[m].t1, ')')) return -1;
    return m;
}

static int run_trigger(ng_work *w, cstate *cs, sctx *c, const ng_trigger *tr, uint32_t ts, uint32_t te,
                       int32_t gap_group)
{
    int error;
    int noun = tr->form == NG_TR_NOUN;
    int32_t subj = -1, obj = -1, agent = -1;
    int prep_seen = 0, relative_obj = 0;
    const char *date = date_for(w, c, ts);
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
                if ((error = ng_engine__add_rel(w, c->pair_s[k], c->pair_o[k], tr->rel, c->s, date)) < 0) return error;
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
        int participle = !noun && ts > c->a && is_punct(w, ts - 1, ',') && w->tk.v[ts].flen > 4 &&
                         memcmp(ng_w__fold(w, ts) + w->tk.v[ts].flen - 3, "ing", 3) == 0;
        if (after_and && c->gend[p - 1 - c->a] < 0) {
            subj = c->last_subj >= 0 ? c->last_subj : main_subject(w, c, ts);
        } else if (participle) {
            subj = main_subject(w, c, ts);
        } else {
            subj = find_subject(w, c, ts);
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
            else if (subj >= 0 && c->g[subj].t1 + 12 < ts) subj = main_subject(w, c, c->b);
            else if (subj < 0) subj = main_subject(w, c, c->b);
        }
    }
    /* passive: "was received by X", "was signed ... by X and Y" */
    {
        uint32_t p = ts;
        while (p > c->a && (ng_w__bits(w, p - 1) & NG_W_SKIPADV)) p--;
        if (!noun && p > c->a && (ng_w__bits(w, p - 1) & NG_W_BE)) {
            for (uint32_t j = te; j < c->b && j < te + 12; j++) {
                if (is_punct(w, j, ';') || is_punct(w, j, '.')) break;
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
        if (!noun && p > c->a && is_punct(w, p - 1, ',') && w->tk.v[ts].flen > 4 &&
            memcmp(ng_w__fold(w, ts) + w->tk.v[ts].flen - 3, "ing", 3) == 0)
            clause = p - 1;
        else if (!noun && p > c->a + 1 && ng_w__is(w, p - 1, "and") && is_punct(w, p - 2, ','))
            clause = p - 2;
        if (clause > lo) lo = clause;
        if (clause == c->a && p > c->a && ng_w__is(w, p - 1, "and")) {
            /* "... to stop the war and withdraw": the first verb's infinitive or plan */
            for (uint32_t q = p - 1; q > c->a && q + 14 > p; q--) {
                if (is_punct(w, q - 1, ';') || is_punct(w, q - 1, ':')) break;
                if (ng_w__is(w, q - 1, "to")) {
                    int ok = 0;
                    for (uint32_t t = q - 1 > c->a + 4 ? q - 5 : c->a; t + 1 < q; t++)
                        if (ng_w__bits(w, t) & NG_W_DECIDE) ok = 1;
                    if (!ok) return NG_OK;
                    break;
                }
                if (fact_bits(w, c, q - 1) & NOT_FACT) return NG_OK;
            }
        }
        if (not_fact(w, c, lo, clause, ts, te, noun)) return NG_OK;
    }
    if (tr->flags & NG_TRF_SELFOBJ) {
        /* "the grouping of A, B and C": the trigger's noun is the organization */
        int32_t acts[GMAX];
        uint32_t n = 0;
        if (!(ts > c->a && ng_w__is(w, ts - 1, "the"))) return NG_OK;
        n = resolve_coref(w, cs, c, NG_CR_BLOC, 0, 0, ts, acts);
        uint32_t q = te;
        while (q < c->b && c->gstart[q - c->a] < 0 && (ng_w__bits(w, q) & NG_W_DET)) q++;
        if (!n || q >= c->b || c->gstart[q - c->a] < 0) return NG_OK;
        const group *g = &c->g[c->gstart[q - c->a]];
        return emit_pairs(w, c, tr->rel, c->acts + g->a0, g->an, acts, n, c->s, date);
    }
    if (agent >= 0) {
        obj = subj;
        subj = agent;
    } else if (!tr->no_object) {
        obj = find_object(w, c, tr, te, &prep_seen);
        if (noun && obj >= 0 && obj == subj) obj = -1;
        /* "a meeting between A and B": the parties are the list after "between" */
        if (noun && obj >= 0 && c->g[obj].an >= 2 && c->g[obj].t0 > c->a &&
            (ng_w__is(w, c->g[obj].t0 - 1, "between") ||
             (c->g[obj].t0 > c->a + 1 && ng_w__is(w, c->g[obj].t0 - 2, "between"))))
            return emit_within(w, c, tr->rel, &c->g[obj], c->s, date);
    }
    if (obj < 0 && gap_group >= 0) obj = gap_group;
    if (obj < 0 && subj >= 0 && c->g[subj].an >= 2 && ng_rel_symmetric(tr->rel) && te + 1 < c->b &&
        ((ng_w__is(w, te, "each") && ng_w__is(w, te + 1, "other")) || (ng_w__is(w, te, "one") && ng_w__is(w, te + 1, "another")))) {
        /* "the two leaders greeted each other" */
        return emit_within(w, c, tr->rel, &c->g[subj], c->s, date);
    }
    if (obj < 0 && !noun && agent < 0 && subj >= 0 && has_direct(tr)) {
        /* the object of a relative clause is its antecedent: "ECOWAS, which they accuse of
         * serving foreign interests" */
        uint32_t q = c->g[subj].t0;
        if (q > c->a + 1 && (ng_w__is(w, q - 1, "which") || ng_w__is(w, q - 1, "whom"))) {
            uint32_t r = q - 1;
            if (is_punct(w, r - 1, ',')) r--;
            int32_t ante = r > c->a ? c->gend[r - 1 - c->a] : -1;
            if (ante >= 0 && ante != subj && !c->g[ante].place) {
                if ((tr->flags & NG_TRF_QUOTE) && !has_quote_after(w, c, te)) return NG_OK;
                obj = ante;
                relative_obj = 1;
            }
        }
    }
    if (obj >= 0) {
        int32_t members = members_in_brackets(w, c, obj);
        if (members >= 0) {
            const group *og = &c->g[obj];
            const group *mg = &c->g[members];
            if ((error = emit_pairs(w, c, NG_REL_MEMBER_OF, c->acts + mg->a0, mg->an, c->acts + og->a0, og->an, c->s, date)) < 0)
                return error;
            obj = members;
        }
    }
    if ((tr->flags & NG_TRF_QUOTE) && !relative_obj && (obj < 0 || !has_quote_after(w, c, c->g[obj].t1) ||
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
            int32_t ms = main_subject(w, c, ts);
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
        while (prep_seen && (more = next_pp_object(w, c, tr, c->g[more].t1)) >= 0)
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
        if ((error = emit_pairs(w, c, tr->rel, S, ns, O, no, c->s, date)) < 0) return error;
        if (tr->rel == NG_REL_MET)
            for (uint32_t i = 0; i < ns; i++)
                for (uint32_t k = 0; k < no && c->n_pair < GMAX; k++)
                    if (types_ok(w, NG_REL_MET, S[i], O[k]) && S[i] != O[k]) {
                        c->pair_s[c->n_pair] = S[i];
                        c->pair_o[c->n_pair++] = O[k];
                    }
        /* the partners are "the two sides" of the next sentences */
        if (ns + no >= 2 && ns + no <= GMAX) {
            int32_t both[GMAX];
            memcpy(both, S, ns * sizeof *S);
            memcpy(both + ns, O, no * sizeof *O);
            if (ng_rel_symmetric(tr->rel)) ring_push(w, cs, both, ns + no, c->s);
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
        return emit_within(w, c, tr->rel, g, c->s, date);
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
            if (gl >= 0 && c->g[gl].an >= 2) return emit_within(w, c, tr->rel, &c->g[gl], c->s, date);
        }
    }
    /* "... met X, resulting in the signing of a plan": the same partners signed */
    if (noun && tr->rel == NG_REL_SIGNED && !no && c->n_pair) {
        for (uint32_t k = 0; k < c->n_pair; k++)
            if ((error = ng_engine__add_rel(w, c->pair_s[k], c->pair_o[k], NG_REL_SIGNED, c->s, date)) < 0) return error;
    }
    return NG_OK;
}

static int run_triggers(ng_work *w, cstate *cs, sctx *c)
{
    int error;
    uint32_t rel_end[NG_REL__COUNT];
    for (int r = 0; r < NG_REL__COUNT; r++) rel_end[r] = c->a;
    c->last_subj = -1;
    for (uint32_t t = c->a; t < c->b; t++) {
        int32_t first = ng_lex__trigger_first(w->lex, w->tk.v[t].h);
        if (first < 0) continue;
        if (c->gcov[t - c->a] >= 0) continue; /* inside a name */
        /* the longest match per relation at this token */
        int32_t best[NG_REL__COUNT];
        uint32_t best_end[NG_REL__COUNT];
        int32_t best_gap[NG_REL__COUNT];
        for (int r = 0; r < NG_REL__COUNT; r++) best[r] = -1;
        for (int32_t i = first; i >= 0; i = w->lex->triggers[i].next) {
            const ng_trigger *tr = &w->lex->triggers[i];
            uint32_t end = 0;
            int32_t gap_group = -1;
            if (!match_slots(w, c, tr, 0, t, &end, &gap_group)) continue;
            /* a verb after an article or a possessive is an adjective or a noun ("the
             * ousted president", "the visits to X") */
            if (tr->form == NG_TR_VERB && t > c->a &&
                (ng_w__is(w, t - 1, "the") || ng_w__is(w, t - 1, "a") || ng_w__is(w, t - 1, "an") ||
                 ng_w__is(w, t - 1, "his") || ng_w__is(w, t - 1, "her") || ng_w__is(w, t - 1, "its") ||
                 ng_w__is(w, t - 1, "their") || ng_w__is(w, t - 1, "our")))
                continue;
            /* a noun trigger "between"/"with" needs its preposition right after it */
            /* the longest match; at equal length a noun after a determiner ("the signing",
             * "the meeting between") and a verb elsewhere */
            int noun_here = t > c->a && (ng_w__bits(w, t - 1) & (NG_W_DET | NG_W_PREP));
            if (best[tr->rel] < 0 || end > best_end[tr->rel] ||
                (end == best_end[tr->rel] && (tr->form == NG_TR_NOUN) == noun_here &&
                 (w->lex->triggers[best[tr->rel]].form == NG_TR_NOUN) != noun_here)) {
                best[tr->rel] = i;
                best_end[tr->rel] = end;
                best_gap[tr->rel] = gap_group;
            }
        }
        for (int r = 0; r < NG_REL__COUNT; r++) {
            /* not inside a longer match of the same relation ("held talks with": not the
             * noun "talks" again) */
            if (best[r] < 0 || t < rel_end[r]) continue;
            rel_end[r] = best_end[r];
            if ((error = run_trigger(w, cs, c, &w->lex->triggers[best[r]], t, best_end[r], best_gap[r])) < 0)
                return error;
        }
    }
    return NG_OK;
}

/* ------------------------------------------------------------------ affiliations */

/* The single state a group stands for (a person's stated state counts), -1 if none. */
static int32_t group_state(const ng_work *w, const sctx *c, const group *g)
{
    int32_t st = -1;
    for (uint32_t k = 0; k < g->an; k++) {
        int32_t x = c->acts[g->a0 + k];
        if (w->actors[x].type == NG_ETYPE_STATE) { if (st >= 0 && st != x) return -1; st = x; }
    }
    return st;
}

/* Clues for a titled person without a state (the sentence of mention m):
 *  - before: the nearest state before the name that is not in a prepositional phrase
 *    ("Paris took note, and Defence Minister X confirmed");
 *  - after: a state after the name that starts a clause or reports it ("X said Turkey
 *    would ...", "..., the Burkinabe government said");
 *  - excluded: states after the name behind "with", "from", "to", "against", "between"
 *    (the person's counterparts: "waiting for clarification from the Burkinabe
 *    authorities"), and the states of other people there. */
static int add_pending(ng_work *w, cstate *cs, const sctx *c, const ng_mention *m)
{
    pending_affil *p;
    if (cs->n_pend == cs->cap_pend) {
        size_t nc = cs->cap_pend ? cs->cap_pend * 2 : 16;
        pending_affil *np = ng_realloc(cs->pend, nc * sizeof *np);
        if (!np) return NG_ENOMEM;
        cs->pend = np;
        cs->cap_pend = nc;
    }
    p = &cs->pend[cs->n_pend++];
    memset(p, 0, sizeof *p);
    p->actor = m->actor;
    p->title = m->title;
    p->sent = c->s;
    p->before = p->after = -1;
    snprintf(p->date, sizeof p->date, "%s", date_for(w, c, m->t0));
    /* before: the units of groups that are not in a prepositional phrase; a list member
     * right before a preposition starts a clause whose verb is left out ("X was
     * represented by A and Y by B": Y is B's) */
    /* the clause of the name: after the last ";" or ", and he/she/they" before it */
    uint32_t from = c->a;
    for (uint32_t t = c->a; t + 2 < m->t0; t++)
        if (is_punct(w, t, ';') ||
            (is_punct(w, t, ',') && ng_w__is(w, t + 1, "and") &&
             (ng_w__is(w, t + 2, "he") || ng_w__is(w, t + 2, "she") || ng_w__is(w, t + 2, "they"))))
            from = t + 1;
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->place || g->t1 > m->t0 || g->t0 < from) continue;
        for (uint32_t ui = g->u0; ui < g->u0 + g->un; ui++) {
            const unit *u = &c->u[ui];
            if (u->place || u->an != 1) continue;
            int32_t x = c->acts[u->a0];
            if (w->actors[x].type != NG_ETYPE_STATE) continue;
            int gapped = ui > g->u0 && u->t1 < c->b && (ng_w__bits(w, u->t1) & NG_W_PREP);
            if (g->pp && !g->role && !gapped) continue;
            p->before = x;
        }
    }
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->place || g->t1 <= m->t0) continue;
        if (g->t0 < m->t1) continue;
        uint32_t q = g->t0;
        while (q > c->a && (ng_w__bits(w, q - 1) & NG_W_DET) && !ng_w__is(w, q - 1, "that")) q--;
        int counterpart = q > c->a && (ng_w__is(w, q - 1, "with") || ng_w__is(w, q - 1, "from") ||
                                       ng_w__is(w, q - 1, "to") || ng_w__is(w, q - 1, "against") ||
                                       ng_w__is(w, q - 1, "between") || ng_w__is(w, q - 1, "towards"));
        if (counterpart) {
            for (uint32_t k = 0; k < g->an && p->n_excl < PEND_EXCL; k++) {
                int32_t x = c->acts[g->a0 + k];
                int32_t st = w->actors[x].type == NG_ETYPE_STATE ? x : w->actors[x].type == NG_ETYPE_PERSON ? w->actors[x].affil : -1;
                if (st >= 0) p->excl[p->n_excl++] = st;
            }
            continue;
        }
        if (g->pp && !g->role) continue;
        if (p->after < 0) {
            int32_t st = group_state(w, c, g);
            int clause = q > c->a && ((ng_w__bits(w, q - 1) & NG_W_SAY) || ng_w__is(w, q - 1, "that") ||
                                      ng_w__is(w, q - 1, "and") || is_punct(w, q - 1, ';'));
            int reports = g->t1 < c->b && (ng_w__bits(w, g->t1) & NG_W_SAY);
            if (st >= 0 && (clause || reports)) p->after = st;
        }
    }
    return NG_OK;
}

/* Remembers roles named with a state and no name ("France's ambassador", "the Malian
 * president"): a later "Ambassador X" without a state is that state's. */
static void note_roles(const ng_work *w, cstate *cs, const sctx *c)
{
    const ng_wsent *se = &w->sents[c->s];
    for (uint32_t k = se->m0; k < se->m0 + se->nm && cs->n_roles < 32; k++) {
        const ng_mention *m = &w->ms[k];
        if (m->dead || (m->kind != NG_MK_STATE && m->kind != NG_MK_DEMONYM) ||
            w->lex->ents[m->lex].type != NG_ETYPE_STATE)
            continue;
        uint32_t t = m->t1;
        if (m->kind == NG_MK_STATE) {
            if (t >= c->b || !(w->tk.v[t].flags & NG_TK_POSS)) continue;
            t++;
        }
        while (t < c->b && (ng_w__bits(w, t) & NG_W_TITLEMOD) && !(ng_w__bits(w, t) & NG_W_PERSONNOUN)) t++;
        if (t >= c->b || !(ng_w__bits(w, t) & NG_W_PERSONNOUN) || (w->tk.v[t].flags & NG_TK_CAP)) continue;
        /* not the title of a name ("France's ambassador Jean Dupont", "Togo's foreign
         * minister, Robert Agbe") */
        int named = 0;
        for (uint32_t q = se->m0; q < se->m0 + se->nm && !named; q++)
            if (!w->ms[q].dead && w->ms[q].kind == NG_MK_PERSON && w->ms[q].t0 <= t && t < w->ms[q].t1) named = 1;
        if (named) continue;
        int32_t a = w->lex_actor[m->lex];
        if (a < 0) continue;
        cs->roles[cs->n_roles].head = w->tk.v[t].h;
        cs->roles[cs->n_roles].state = a;
        cs->n_roles++;
    }
}

/* An office one person holds in a state at a time: a title naming a ministry (titles.csv
 * body column), or a head of state or government. */
static int unique_office(const ng_work *w, int32_t title)
{
    const ng_lx_title *t = &w->lex->titles[title];
    if (t->body >= 0) return 1;
    return strstr(t->title, "President") || strstr(t->title, "Prime Minister") || strstr(t->title, "Premier") ||
           strstr(t->title, "Chancellor") || strstr(t->title, "King") || strstr(t->title, "Queen") ||
           strstr(t->title, "Crown Prince") || strstr(t->title, "Emir") || strstr(t->title, "Sultan");
}

static int pending_ok(const ng_work *w, const cstate *cs, const pending_affil *p, int32_t st)
{
    if (st < 0 || w->actors[st].type != NG_ETYPE_STATE) return 0;
    for (uint32_t i = 0; i < p->n_excl; i++)
        if (p->excl[i] == st) return 0;
    /* nobody meets, signs with or condemns their own state (or its people) */
    for (size_t r = 0; r < w->n_rels; r++) {
        const ng_wrel *x = &w->rels[r];
        if (x->rel != NG_REL_MET && x->rel != NG_REL_SIGNED && x->rel != NG_REL_CONDEMNED) continue;
        int32_t other = x->src == p->actor ? x->dst : x->dst == p->actor ? x->src : -1;
        if (other < 0) continue;
        if (other == st || (w->actors[other].type == NG_ETYPE_PERSON && w->actors[other].affil == st)) return 0;
    }
    /* another person holds this title for that state ("Nigeria's President X" makes a
     * later "President Y" someone else's): only for offices one person holds (heads of
     * state and government, a named ministry), not "Minister" or "Ambassador" */
    if (!unique_office(w, p->title)) return 1;
    for (size_t i = 0; i < w->n_actors; i++) {
        const ng_wactor *o = &w->actors[i];
        if ((int32_t)i == p->actor || o->type != NG_ETYPE_PERSON || o->affil != st || o->title < 0) continue;
        if (ng_x__tok_hash(w->lex->titles[o->title].title, strlen(w->lex->titles[o->title].title)) ==
            ng_x__tok_hash(w->lex->titles[p->title].title, strlen(w->lex->titles[p->title].title)))
            return 0;
    }
    (void)cs;
    return 1;
}

/* The last word of a title, folded and hashed ("Foreign Minister" -> "minister"). */
static uint64_t title_head(const ng_work *w, int32_t title)
{
    const char *t = w->lex->titles[title].title;
    const char *sp = strrchr(t, ' ');
    const char *h = sp ? sp + 1 : t;
    ng_buf b = NG_BUF_INIT;
    uint64_t r;
    ng_text_fold(&b, h, strlen(h));
    r = ng_x__tok_hash(b.ptr ? b.ptr : "", b.len);
    ng_buf_free(&b);
    return r;
}

/* Affiliations decided at the end also rule out relations a person cannot have with the
 * state they act for: meeting or signing with it, condemning it. */
static void drop_own_state(ng_work *w)
{
    size_t k = 0;
    for (size_t r = 0; r < w->n_rels; r++) {
        const ng_wrel *x = &w->rels[r];
        int own = 0;
        if (x->rel == NG_REL_MET || x->rel == NG_REL_SIGNED || x->rel == NG_REL_CONDEMNED)
            own = (w->actors[x->src].type == NG_ETYPE_PERSON && w->actors[x->src].affil == x->dst) ||
                  (w->actors[x->dst].type == NG_ETYPE_PERSON && w->actors[x->dst].affil == x->src &&
                   x->rel != NG_REL_CONDEMNED);
        if (!own) w->rels[k++] = *x;
    }
    w->n_rels = k;
}

/* Decides the pending affiliations, in text order: a role named earlier with its state,
 * the sentence's state before the name, a state after it, the dateline's state, the state
 * the article names most. A person with a stated affiliation anywhere keeps only that. */
static int resolve_pending(ng_work *w, cstate *cs)
{
    int error;
    for (size_t i = 0; i < cs->n_pend; i++) {
        pending_affil *p = &cs->pend[i];
        ng_wactor *pa = &w->actors[p->actor];
        /* a state stated anywhere wins; an organization (a party, a bloc) does not say
         * which state a president leads */
        int done = pa->affil >= 0 && w->actors[pa->affil].type == NG_ETYPE_STATE;
        for (size_t r = 0; r < w->n_rels && !done; r++)
            if (w->rels[r].src == p->actor && w->rels[r].rel == NG_REL_AFFILIATED_WITH &&
                w->actors[w->rels[r].dst].type == NG_ETYPE_STATE)
                done = 1;
        if (done) continue;
        int32_t st = -1;
        uint64_t head = title_head(w, p->title);
        /* a one-word title only: "the Russian minister" says nothing of "Trade Minister X" */
        if (strchr(w->lex->titles[p->title].title, ' ')) head = 0;
        for (int k = 0; k < cs->n_roles && st < 0 && head; k++)
            if (cs->roles[k].head == head && pending_ok(w, cs, p, cs->roles[k].state)) st = cs->roles[k].state;
        if (st < 0 && pending_ok(w, cs, p, p->before)) st = p->before;
        if (st < 0 && pending_ok(w, cs, p, p->after)) st = p->after;
        if (st < 0 && w->dateline_state >= 0) {
            int32_t d = w->lex_actor[w->dateline_state];
            if (d >= 0 && w->actors[d].mentions && pending_ok(w, cs, p, d)) st = d;
        }
        if (st < 0) {
            uint32_t best = 1, second = 0;
            int32_t top = -1;
            for (size_t a = 0; a < w->n_actors; a++) {
                const ng_wactor *x = &w->actors[a];
                if (x->type != NG_ETYPE_STATE || !pending_ok(w, cs, p, (int32_t)a)) continue;
                if (x->mentions > best) { second = best; best = x->mentions; top = (int32_t)a; }
                else if (x->mentions > second) second = x->mentions;
            }
            if (top >= 0 && best > second) st = top;
        }
        if (st < 0) continue;
        pa->affil = st;
        w->actors[st].emit = 1;
        if ((error = ng_engine__add_rel(w, p->actor, st, NG_REL_AFFILIATED_WITH, p->sent, p->date)) < 0) return error;
    }
    return NG_OK;
}

static int affiliations(ng_work *w, cstate *cs, sctx *c)
{
    const ng_wsent *se = &w->sents[c->s];
    int error;
    for (uint32_t k = se->m0; k < se->m0 + se->nm; k++) {
        const ng_mention *m = &w->ms[k];
        if (m->dead || m->kind != NG_MK_PERSON || m->actor < 0) continue;
        int32_t aff = -1;
        int stated = 0;
        if (m->st >= 0) {
            if ((error = ng_actors__get_lex(w, &aff, m->st)) < 0) return error;
            stated = 1;
        }
        if (aff < 0 && m->st_org >= 0) {
            /* an organization the text names: "leader of the Sandinista Front (FSLN)" */
            if ((error = neworg_actor(w, &aff, m->st_org)) < 0) return error;
            stated = 1;
        }
        if (aff < 0 && m->owner) {
            /* "Paris has recalled its ambassador, X": the clause's subject; "that
             * country's president": the state of the context */
            int32_t acts[GMAX];
            uint32_t n = 0;
            if (m->owner != NG_OWN_COUNTRY) {
                int32_t g = main_subject(w, c, m->t0);
                if (g >= 0 && c->g[g].an == 1 && c->g[g].t1 <= m->t0) {
                    int32_t x = c->acts[c->g[g].a0];
                    if (w->actors[x].type == NG_ETYPE_STATE || w->actors[x].type == NG_ETYPE_ORG) { acts[0] = x; n = 1; }
                }
            }
            if (!n) n = resolve_coref(w, cs, c, NG_CR_COUNTRY, 0, 0, m->t0, acts);
            if (n == 1) { aff = acts[0]; stated = 1; }
        }
        if (aff < 0 && m->title >= 0 &&
            (w->lex->titles[m->title].kind == NG_TITLE_OFFICE || w->lex->titles[m->title].kind == NG_TITLE_ROYAL) &&
            !w->people[m->pers].stated && !(m->ev & NG_EV_POSS)) {
            /* decided at the end of the article (see resolve_pending) */
            if ((error = add_pending(w, cs, c, m)) < 0) return error;
            continue;
        }
        if (m->st2 >= 0) {
            /* "Nigeria's President X, the current chairman of ECOWAS": both */
            int32_t a2;
            if ((error = ng_actors__get_lex(w, &a2, m->st2)) < 0) return error;
            if (w->actors[a2].type != NG_ETYPE_PLACE && a2 != aff) {
                w->actors[a2].emit = 1;
                if (!w->actors[a2].mentions) w->actors[a2].mentions = 1;
                if ((error = ng_engine__add_rel(w, m->actor, a2, NG_REL_AFFILIATED_WITH, c->s, date_for(w, c, m->t0))) < 0)
                    return error;
            }
        }
        if (aff < 0) continue;
        if (w->actors[aff].type == NG_ETYPE_PLACE) continue;
        /* only an affiliation the text states is remembered (for roles and partners) */
        if (stated && w->actors[m->actor].affil < 0) w->actors[m->actor].affil = aff;
        w->actors[aff].emit = 1;
        if (!w->actors[aff].mentions) w->actors[aff].mentions = 1;
        if ((error = ng_engine__add_rel(w, m->actor, aff, NG_REL_AFFILIATED_WITH, c->s, date_for(w, c, m->t0))) < 0)
            return error;
    }
    (void)cs;
    return NG_OK;
}

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
    sentence_dates(w, c);
    if ((error = mention_units(w, cs, c, covered)) < 0) goto cleanup;
    if ((error = known_name_units(w, cs, c, covered)) < 0) goto cleanup;
    /* coreference needs the units found so far in order */
    if ((error = build_groups(w, c)) < 0) goto cleanup; /* lists for "they" in this sentence */
    if ((error = coref_units(w, cs, c, covered)) < 0) goto cleanup;
    c->ng = 0;
    if ((error = build_groups(w, c)) < 0) goto cleanup;
    note_roles(w, cs, c);
    if ((error = affiliations(w, cs, c)) < 0) goto cleanup;
    if ((error = run_triggers(w, cs, c)) < 0) goto cleanup;
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
        if (!g->place && g->an >= 2) ring_push(w, cs, c->acts + g->a0, g->an, s);
    }
    for (size_t gi = 0; gi < c->ng; gi++) {
        const group *g = &c->g[gi];
        if (g->place) continue;
        for (uint32_t k = 0; k < g->an; k++) mru_touch(cs, c->acts[g->a0 + k], s);
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
    if ((error = resolve_pending(w, &cs)) < 0) goto cleanup;
    drop_own_state(w);
cleanup:
    free(cs.nw);
    free(cs.pend);
    free(cs.sent_person);
    free(c.u);
    free(c.g);
    free(c.acts);
    return error;
}
