/* pairs.c - a meeting's two sides written as a pair before its noun: "the Modi-Xi talks",
 * "a US-China summit", "the Ruto-Museveni meeting" (one word with a hyphen), "the Trump -
 * Putin summit" (an en dash, which clean.c spaces).
 *
 * News names the parties of a meeting this way once it has named them in full, so each
 * side of a hyphenated word is a person the article already knows by that word of their
 * name (units.c's name words), else a state, organization, demonym or capital of the
 * dictionaries (an acronym in capitals, as dict.c wants). Both sides are people, or neither
 * is ("the Putin-Ukraine talks" is no pair). A place ("the Russia-Africa summit") is
 * neither, so gives nothing. The pair is read only by the noun trigger after it
 * (relation.c), never as a unit: "the Trump-Putin summit was followed by talks with X" does
 * not make Trump and Putin the subject of the talks. */
#include "engine.h"

#include <string.h>

/* The state or organization a dictionary word names (folded f, len bytes; the text as
 * written at s), else -1: a name or alias, a demonym or a capital of a state. */
static int32_t dict_side(const ng_work *w, const char *f, size_t len, const char *s)
{
    const ng_ptab *pt = &w->lex->phrases;
    const ng_ptab_slot *slot =
        ng_ptab__find(pt, ng_x__seq_hash(NG_SEQ_SEED, ng_x__tok_hash(f, len)));
    for (int32_t v = slot ? slot->first : -1; v >= 0; v = pt->vals[v].next) {
        const ng_ptab_val *pv = &pt->vals[v];
        if (pv->vflags & NG_PV_INNERCAP) continue;
        if (pv->vflags & NG_PV_ALLCAPS) {
            int upper = 1;
            for (size_t k = 0; k < len; k++)
                upper &= !(s[k] >= 'a' && s[k] <= 'z');
            if (!upper) continue;
        }
        ng_etype type = w->lex->ents[pv->id].type;
        if (pv->kind == NG_LX_NAME && (type == NG_ETYPE_STATE || type == NG_ETYPE_ORG))
            return pv->id;
        if (pv->kind == NG_LX_DEMONYM && type == NG_ETYPE_STATE) return pv->id;
        if (pv->kind == NG_LX_CAPITAL && w->lex->ents[pv->id].state >= 0)
            return w->lex->ents[pv->id].state; /* a capital's entry is a place of its state */
    }
    return -1;
}

/* The actor one side of a hyphenated word names (text s of slen bytes, folded f of flen),
 * in *out, else -1. */
static int side_actor(ng_work *w, cstate *cs, const char *s, size_t slen, const char *f,
                      size_t flen, int32_t *out)
{
    int32_t e = slen == flen ? dict_side(w, f, flen, s) : -1;
    *out = -1;
    if (e >= 0) return ng_actors__get_lex(w, out, e);
    uint64_t h;
    size_t klen;
    int error = ng_names__key_hash(&h, &klen, w->lex, s, slen);
    if (error < 0 || !klen) return error;
    return ng_units__person_word(w, cs, h, out);
}

/* Both people, or neither. */
static int same_kind(const ng_work *w, const int32_t out[2])
{
    return (w->actors[out[0]].type == NG_ETYPE_PERSON) ==
           (w->actors[out[1]].type == NG_ETYPE_PERSON);
}

/* A hyphenated word at t of two capitalized parts: its actors into out[2]; 1 when both
 * name one (two different actors of the same kind). */
static int hyphen_word(ng_work *w, cstate *cs, const sctx *c, uint32_t t, int32_t out[2])
{
    const ng_tok *k = &w->tk.v[t];
    const char *f = ng_w__fold(w, t), *s = w->text + k->off;
    const char *fd = memchr(f, '-', k->flen), *sd = memchr(s, '-', k->len);
    int error;
    if (c->gcov[t - c->a] >= 0 || !(k->flags & NG_TK_WORD) || !(k->flags & NG_TK_CAP) ||
        !(k->flags & NG_TK_DASH) || !fd || !sd || fd == f || sd == s)
        return 0;
    size_t f1 = (size_t)(fd - f), s1 = (size_t)(sd - s);
    /* two parts exactly, the second capitalized too ("Modi-Xi", not "Akufo-addo") */
    if (memchr(fd + 1, '-', k->flen - f1 - 1) || s1 + 1 >= k->len ||
        !(s[s1 + 1] >= 'A' && s[s1 + 1] <= 'Z'))
        return 0;
    if ((error = side_actor(w, cs, s, s1, f, f1, &out[0])) < 0) return error;
    if (out[0] < 0) return 0;
    if ((error = side_actor(w, cs, s + s1 + 1, k->len - s1 - 1, fd + 1, k->flen - f1 - 1,
                            &out[1])) < 0)
        return error;
    if (out[1] < 0 || out[1] == out[0] || !same_kind(w, out)) return 0;
    for (int i = 0; i < 2; i++) {
        w->actors[out[i]].mentions++;
        w->actors[out[i]].emit = 1;
    }
    return 1;
}

/* "the Trump - Putin summit": one actor, a dash, one actor, right after a determiner or at
 * the start of the sentence (into *start); 1 when so. */
static int dash_pair(const ng_work *w, const sctx *c, uint32_t t, int32_t out[2], uint32_t *start)
{
    int32_t g2 = c->gend[t - c->a];
    if (g2 < 0 || c->g[g2].an != 1 || c->g[g2].place || c->g[g2].t0 < c->a + 2 ||
        !ng_w__punct(w, c->g[g2].t0 - 1, '-'))
        return 0;
    int32_t g1 = c->gend[c->g[g2].t0 - 2 - c->a];
    if (g1 < 0 || c->g[g1].an != 1 || c->g[g1].place || c->g[g1].poss) return 0;
    uint32_t p = c->g[g1].t0;
    if (p > c->a && !(ng_w__bits(w, p - 1) & NG_W_DET)) return 0;
    out[0] = c->acts[c->g[g1].a0];
    out[1] = c->acts[c->g[g2].a0];
    *start = p > c->a ? p - 1 : p;
    return out[0] != out[1] && same_kind(w, out);
}

int ng_pairs__before(ng_work *w, cstate *cs, const sctx *c, uint32_t ts, int32_t out[2],
                     uint32_t *start)
{
    uint32_t p = ts;
    /* "the Modi-Xi bilateral talks", "US-China trade talks": lower-case modifiers */
    for (int n = 0; n < 2 && p > c->a + 1; n++) {
        const ng_tok *k = &w->tk.v[p - 1];
        if (!(k->flags & NG_TK_WORD) || (k->flags & NG_TK_CAP) || c->gcov[p - 1 - c->a] >= 0 ||
            (ng_w__bits(w, p - 1) & (NG_W_DET | NG_W_PREP | NG_W_CLAUSE | NG_W_BE | NG_W_SAY |
                                     NG_W_PAST_MARK | NG_W_MODAL | NG_W_NEG | NG_W_PLAN)))
            break;
        p--;
    }
    *start = 0;
    if (p <= c->a) return 0;
    int r = hyphen_word(w, cs, c, p - 1, out);
    if (r != 0) {
        *start = p - 1;
        return r;
    }
    return dash_pair(w, c, p - 1, out, start);
}
