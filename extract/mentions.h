/*
 * mentions.h - pass 1's shared helpers: what one sentence names (private to mentions.c,
 * dict.c, runs.c and personrole.c).
 *
 * Pass 1 reads one sentence s (tokens [a, b)) at a time: dictionary matches first (dict.c),
 * then runs of capitalized words the dictionaries do not know (runs.c), with the title
 * phrase and the apposition around a person's name (personrole.c). While a sentence is read,
 * cov[t - a] is the mention that covers token t, -1 when none. Mentions are appended to
 * w->ms, which may move: hold indexes, not pointers, across ng_mentions__add.
 */
#ifndef NG_MENTIONS_H
#define NG_MENTIONS_H

#include "extract_internal.h"

/* mentions.c: appends a mention (*idx gets its index); a mention of kind over [t0, t1). */
int ng_mentions__add(ng_work *w, uint32_t *idx, const ng_mention *m);
void ng_mentions__init(ng_mention *m, uint32_t s, uint32_t t0, uint32_t t1, uint8_t kind);
/* mentions.c: sorts n mentions stably by sentence, start, and longest first. */
void ng_mentions__sort(ng_mention *v, size_t n);

/* Token t starts with a capital (or is all capitals). */
static inline int ng_mentions__cap(const ng_work *w, uint32_t t)
{
    return (w->tk.v[t].flags & (NG_TK_CAP | NG_TK_UPPER)) != 0;
}

/* Tokens [t0, t1) are now covered by mention idx (-1: by none). */
static inline void ng_mentions__cover(int32_t *cov, uint32_t a, uint32_t t0, uint32_t t1,
                                      int32_t idx)
{
    for (uint32_t k = t0; k < t1; k++)
        cov[k - a] = idx;
}

/* dict.c: the dictionary matches of sentence s, longest first; then their combinations
 * ("the Republic of X", a body with its state, an organization with its head word). */
int ng_dict__matches(ng_work *w, uint32_t s, int32_t *cov);
void ng_dict__combine(ng_work *w, uint32_t s, int32_t *cov);

/* runs.c: organizations and person candidates in the runs of capitalized words. */
int ng_runs__sentence(ng_work *w, uint32_t s, int32_t *cov);

/* personrole.c: the title phrase before a name [r0, r1) ... */
typedef struct prefix_res {
    uint32_t start;    /* first token of the prefix (== name start when none) */
    int32_t affil;     /* entity */
    int32_t affil_org; /* an organization named in the text (neworgs index), -1 */
    int32_t affil2;    /* a role before the titled name names another one ("the chair of X,
                        * Italy's Foreign Minister Y"): entity, -1 */
    int32_t affil2_org; /* ... or an organization named in the text (neworgs index), -1 */
    int32_t title;
    uint8_t ev;
    uint8_t owner;  /* NG_OWN_*: "its ambassador", "that country's president", "Lula's
                     * spokesman" */
    uint32_t own_t; /* NG_OWN_PERSON: the "'s" after the owner's name */
} prefix_res;
/* Capitalized portfolio words (titlemod), demonyms, "and" and commas right before r0 that
 * continue a title's complement ("Minister of Foreign Affairs, Emigration and Egyptian
 * Expatriates X"): the end of the title, 0 when there are none; *dem the state of a demonym
 * among them, -1. */
uint32_t ng_role__portfolio_before(const ng_work *w, const int32_t *cov, uint32_t a, uint32_t r0,
                                  int32_t *dem);
void ng_role__before(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r0, uint32_t r1,
                     prefix_res *res);
/* ... and the apposition after a name ending at r1: *end gets its end; the affiliation,
 * title and evidence the prefix left are completed (a second affiliation in *affil2; the
 * "'s" of a person who owns the role in *own_t: "X, Lula's spokesman"; a pronoun or
 * description owner in *owner, NG_OWN_*: "X, its ambassador", "X, the country's defence
 * minister", "X, the president's adviser" (own_t: the "'s"); else unchanged). */
void ng_role__after(const ng_work *w, uint32_t s, const int32_t *cov, uint32_t r1, uint32_t *end,
                    int32_t *affil, int32_t *affil2, int32_t *affil_org, int32_t *title,
                    uint8_t *ev, uint32_t *own_t, uint8_t *owner);

#endif
