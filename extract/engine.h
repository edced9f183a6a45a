/*
 * engine.h - pass 2's shared state: one sentence (sctx) and the article so far (cstate).
 *
 * Pass 2 reads the sentences one at a time (engine.c drives it). For a sentence it builds
 * units (a span naming one or more actors: a mention, a pronoun resolved, a role phrase),
 * then groups (units joined into a list by ",", "and", ...), then reads the relation
 * triggers with their arguments, and the affiliations of titled people. The article state
 * remembers what coreference and the end-of-article decisions need: the actors most recently
 * named, the latest lists, the pending affiliations, the last object of each relation.
 *
 * Private to the engine's files (engine.c, units.c, coref.c, recent.c, groups.c, triggers.c,
 * subject.c, object.c, modality.c, relation.c, members.c, emit.c, relinfo.c, affiliations.c,
 * sentdates.c). Every array here is malloc'ed by the engine and freed by ng_engine__run
 * before it returns.
 */
#ifndef NG_ENGINE_H
#define NG_ENGINE_H

#include "extract_internal.h"

#define MRU 64  /* actors remembered for coreference, most recent first */
#define RING 8  /* lists of actors remembered ("they", "the two sides") */
#define GMAX 24 /* actors of one list that the rules look at */

/* A span of the sentence naming one or more actors. */
typedef struct unit {
    uint32_t t0, t1;
    uint32_t a0, an; /* actors in c->acts */
    uint8_t place;   /* a location, not an actor */
    uint8_t role;    /* role noun phrase ("the ministers of X") */
    uint8_t poss;    /* a possessive pronoun ("his decision") */
    uint8_t pron;    /* a subject pronoun: starts a clause, never a list member */
    uint8_t adj;     /* a demonym used as an adjective (also place = 1) */
} unit;

/* Consecutive units that form one list ("Mali, Niger and Burkina Faso"). */
typedef struct group {
    uint32_t t0, t1;
    uint32_t u0, un; /* consecutive units */
    uint32_t split;  /* first unit of the second conjunct ("between A and B"), 0 = none */
    uint32_t a0, an; /* actors (deduplicated) in c->acts */
    uint8_t place, poss, role, pp;
    uint8_t adj;    /* a demonym adjective (a place group otherwise) */
    uint8_t subord; /* pp, but the subject of a clause after "after", "before", "since" */
} group;

/* A date expression of the sentence at token t. */
typedef struct dated {
    uint32_t t;
    char date[11];
} dated;

/* The longest match of a relation's triggers at a token (triggers.c). */
typedef struct match {
    int32_t trig; /* trigger index, -1 none */
    uint32_t end;
    int32_t gap; /* a possessive group inside the pattern's gap, -1 */
} match;

/* One sentence: tokens [a, b) of sentence s. */
typedef struct sctx {
    uint32_t s, a, b;
    unit *u;
    size_t nu, capu;
    group *g;
    size_t ng, capg;
    int32_t *acts;
    size_t nacts, capacts;
    int32_t *gcov, *gstart, *gend; /* token - a -> group covering, starting, ending there */
    dated dates[16];
    int n_dates; /* -1: not read yet (sentdates.c reads them at the first ask) */
    int32_t last_subj;                  /* group of the latest trigger's subject */
    int32_t pair_s[GMAX], pair_o[GMAX]; /* partners of this sentence's meetings */
    uint32_t n_pair;
    match *best;       /* triggers.c: per relation (ng_relinfo__count) */
    uint32_t *rel_end; /* triggers.c: per relation */
} sctx;

/* Adds actor a to acts[0..*n), a list of distinct actors ("the three leaders": the people or
 * partners of the sentence, each counted once); 0 when a is new and the list already holds
 * max (more actors than asked for), 1 otherwise. */
static inline int ng_engine__add_distinct(int32_t *acts, uint32_t *n, uint32_t max, int32_t a)
{
    for (uint32_t k = 0; k < *n; k++)
        if (acts[k] == a) return 1;
    if (*n == max) return 0;
    acts[(*n)++] = a;
    return 1;
}

/* The group that starts at *q once determiners not inside a group are skipped ("the", "its"
 * before a list), -1 when none starts there; *q is left at that token. The one way the rules
 * step from a word to the group after it. */
static inline int32_t ng_engine__group_after_dets(const ng_work *w, const sctx *c, uint32_t *q)
{
    while (*q < c->b && c->gstart[*q - c->a] < 0 && (ng_w__bits(w, *q) & NG_W_DET))
        (*q)++;
    return *q < c->b ? c->gstart[*q - c->a] : -1;
}

/* A list of actors named together, for "they" and "the two sides". */
typedef struct recent_group {
    int32_t acts[GMAX];
    uint32_t n, sent;
    uint8_t persons, states;
} recent_group;

/* A person with an office title but no state in the text: the state is decided at the end
 * of the article (an affiliation stated anywhere wins) from these clues. */
#define PEND_EXCL 6
typedef struct pending_affil {
    int32_t actor;
    int32_t title; /* title id (-1 with via) */
    int32_t via;   /* the person whose role this is ("Abiy's chief of staff"): the state
                    * decided for them at the end, -1 */
    uint32_t sent;
    int32_t before, after;   /* state actors of the sentence (see affiliations.c), -1 */
    int32_t mate;            /* the state of the people listed with them, -1 */
    int32_t prev;            /* the state of the previous sentence's opening subject when the
                              * person opens this one, -1 */
    int32_t where;           /* the state the sentence opens in ("In Beijing, X said"), -1 */
    int32_t excl[PEND_EXCL]; /* states the sentence shows are someone else's */
    uint32_t n_excl;
    uint8_t excl_between; /* bit i: excl[i] is of a "between A and B" list (the treaty between
                           * A and B: the person may be a party's), which does not refuse the
                           * dateline's state */
    uint8_t former; /* "former President X": an office held once, no longer the only holder */
    uint8_t via_to; /* the owner is named after "to" ("X, an adviser to Y"): a guessed state
                     * of theirs is not passed on */
    char date[11];
} pending_affil;

/* "France's ambassador", "the Malian president": a role with its state and no name. */
typedef struct role_seen {
    uint64_t head;
    int32_t state;
    uint32_t sent; /* where it was named: only a role named before a title says its state */
} role_seen;

/* A word of a person's name (its transliteration key's hash). */
typedef struct name_word {
    uint64_t h;
    int32_t person;
    uint8_t last;
    uint32_t mentions;
} name_word;

/* The latest edges of a relation: their subjects and objects. */
typedef struct last_edges {
    int32_t obj[GMAX], subj[GMAX];
    uint32_t n, ns, sent;
    uint8_t past; /* dated in another year than the article (any year when the article has no
                   * date): background ("severed relations with Doha in June 2017" in a
                   * 2025 report), no act a later "condemned the attack" judges */
} last_edges;

/* The article so far. */
typedef struct cstate {
    name_word *nw; /* the people's name words (units.c), built on first use */
    size_t n_nw;
    int nw_done;
    pending_affil *pend;
    size_t n_pend, cap_pend;
    role_seen roles[32];
    int n_roles;
    int32_t mru[MRU]; /* actors, most recent first */
    uint32_t mru_sent[MRU];
    int n_mru;
    recent_group ring[RING];       /* latest lists of actors, newest at (ring_pos - 1) */
    recent_group bysize[GMAX + 1]; /* the latest list of each size ("the three countries") */
    struct {
        uint64_t noun;
        int32_t actor;
    } gov[8]; /* "the junta" -> its state, once decided */
    int n_gov;
    int ring_pos, ring_n;
    int32_t *sent_person; /* first person actor of each sentence, -1 */
    last_edges *last;     /* per relation (ng_relinfo__count): for a trigger without an object */
    struct {
        int32_t actor;
        uint8_t g; /* 1 he, 2 she */
    } gender[32]; /* what the pronouns resolved so far say of people (coref.c) */
    int n_gender;
    int32_t member_org;   /* the latest organization named with a member noun ("the EU's 27
                           * member states"): "member states such as A" later, -1 */
    uint32_t member_org_sent;
    int32_t bloc_seen[8]; /* organizations states joined or left so far (relation.c), */
    int n_bloc_seen;      /* the first eight */
    uint32_t cur_sent;
    int32_t lead;       /* the state of the subject that opens sentence lead_sent - 1, -1 */
    uint32_t lead_sent; /* (affiliations.c: "Paris recalled ... Foreign Minister X said") */
    int32_t lead_org;   /* the organization that opens sentence lead_sent - 1 ("The main
                         * opposition X party hit out. Its spokesperson Y said"), -1 */
    int32_t troops;       /* the state of the latest "Russian peacekeepers" (units.c), -1: */
    uint32_t troops_sent; /* "Those peacekeepers withdrew" in the next sentences (coref.c) */
    int32_t stmt_acts[4]; /* who issued the latest statement named with its issuer ("the Saudi
                           * statement", "X issued a statement"; recent.c), for "The statement
                           * described ..." in the next two sentences (coref.c) */
    uint32_t stmt_n, stmt_sent;
    int32_t desc_state;   /* "Milei has called X corrupt, and the Brazilian leader said": the */
    uint32_t desc_t;      /* state of a sole office that found no holder in earlier sentences
                           * and its token, for ng_units__desc_holder; -1 none */
} cstate;

/* units.c: the units of a sentence's mentions, and of known people named in text no mention
 * covers; covered[t - a] marks the tokens units took. */
int ng_units__mentions(ng_work *w, cstate *cs, sctx *c, uint8_t *covered);
int ng_units__known_names(ng_work *w, cstate *cs, sctx *c, uint8_t *covered);
/* After both: the one untitled person named in this sentence before a sole office of a state
 * that found no holder earlier ("Milei has called X corrupt, and the Brazilian leader has
 * said": the people known by name are units only now) holds it. */
int ng_units__desc_holder(ng_work *w, cstate *cs, const sctx *c);
/* The person of the article one of whose name words has the key hash h (the one named most
 * when several), as an actor in *out, else -1. */
int ng_units__person_word(ng_work *w, cstate *cs, uint64_t h, int32_t *out);
/* Appends a unit of n actors (and an actor to c->acts). */
int ng_units__add(sctx *c, uint32_t t0, uint32_t t1, const int32_t *acts, uint32_t n, int place,
                  int role);
int ng_units__push_act(sctx *c, int32_t a);

/* coref.c: the units of pronouns and descriptions in tokens no mention covers. */
int ng_coref__units(ng_work *w, cstate *cs, sctx *c, const uint8_t *covered);
/* "his country", "her government" of a person whose state this sentence's affiliations just
 * decided: that state (after ng_affil__sentence). */
void ng_coref__own_states(const ng_work *w, sctx *c);
/* Resolves a pronoun or description of kind cref (NG_CR_*) before token t0 into out[] (room
 * for GMAX); number: how many ("the three countries"), 0 any; ctype: wanted type + 1, 0 any,
 * NG_ETYPE__COUNT + 1 anything but people. Returns how many actors. */
uint32_t ng_coref__resolve(const ng_work *w, const cstate *cs, const sctx *c, int cref, int number,
                           int ctype, uint32_t t0, int32_t *out);

/* recent.c: the article's memory for coreference. */
/* Actor a was named in sentence `sent` (it becomes the most recent). */
void ng_recent__touch(cstate *cs, int32_t a, uint32_t sent);
/* A list of actors named together (two or more). */
void ng_recent__list(const ng_work *w, cstate *cs, const int32_t *acts, uint32_t n, uint32_t sent);
/* The latest person affiliated with state_actor (and holding title when >= 0), -1. */
int32_t ng_recent__person_of(const ng_work *w, const cstate *cs, int32_t state_actor,
                             int32_t title);
/* The latest actor of a type named in the last max_back sentences (orgs_bloc: not a
 * government body), -1. */
int32_t ng_recent__of_type(const ng_work *w, const cstate *cs, ng_etype type, uint32_t max_back,
                           int orgs_bloc);
/* The one organization of states (a listed one, no government body) that sentence `sent`
 * names, -1 when none or several. */
int32_t ng_recent__only_bloc_of(const ng_work *w, const cstate *cs, uint32_t sent);
/* The state the article has named most so far when it leads clearly (30% more mentions than
 * any other, and at least two), else -1: a two-sided story names its adversary about as
 * often. */
int32_t ng_recent__leading_state(const ng_work *w);
/* A government noun ("junta") stands for this state from now on (the first decision stays). */
void ng_recent__gov_note(cstate *cs, uint64_t noun, int32_t actor);
/* At the end of a sentence: its first person, its lists, its actors. */
void ng_recent__sentence(const ng_work *w, cstate *cs, const sctx *c);

/* groups.c: lists of units and role phrases; the coverage maps c->gcov, gstart, gend. */
int ng_groups__build(ng_work *w, sctx *c);
/* A possessive group followed by a government or troops noun stands for its owner. */
int ng_groups__poss_owner(const ng_work *w, const sctx *c, const group *g);

/* triggers.c: the relation triggers of the sentence, each run by ng_relation__run. */
int ng_triggers__run(ng_work *w, cstate *cs, sctx *c);
/* Do the words from t (before b) spell the trigger tr, slot after slot (an optional slot may
 * be missing; a gap slot never matches here)? A plain check for coreference, which does not
 * run the trigger. */
int ng_triggers__spelled_at(const ng_work *w, const ng_trigger *tr, uint32_t t, uint32_t b);
/* pairs.c: "the Modi-Xi talks", "a US-China summit", "the Trump - Putin summit": the two
 * actors of a pair written with a hyphen (one word) or a spaced dash right before the noun
 * trigger at ts (over up to two lower-case modifiers) into out[2], the token where the pair
 * (or its determiner) starts into *start; 1 when there is one, 0 when not, or an error. */
int ng_pairs__before(ng_work *w, cstate *cs, const sctx *c, uint32_t ts, int32_t out[2],
                     uint32_t *start);
/* relation.c: one trigger at tokens [ts, te): subject, object, modality, edges. */
int ng_relation__run(ng_work *w, cstate *cs, sctx *c, const ng_trigger *tr, uint32_t ts,
                     uint32_t te, int32_t gap_group);

/* subject.c: groups, -1 when none. */
/* The trigger's subject (a verb's by its clause, a noun's own parties). */
int32_t ng_subject__of_trigger(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t ts,
                               uint32_t te);
/* A passive's agent ("was received by X"): *te moves past "by". */
/* subject.c: "X was one of four states, along with A and B, that severed ...", "X is among
 * the countries that left": the relative verb at ts has X as subject (returned), and the
 * "along with" list between commas (*along, -1 if none); -1 when the form is not there. */
int32_t ng_subject__one_of(const ng_work *w, const sctx *c, uint32_t ts, int32_t *along);
int32_t ng_subject__agent(const ng_work *w, const sctx *c, uint32_t ts, uint32_t *te);
/* The first group before token `before` that is not in a prepositional phrase. */
int32_t ng_subject__main(const ng_work *w, const sctx *c, uint32_t before);
/* The nearest group before ts that can be its subject. */
int32_t ng_subject__find(const ng_work *w, const sctx *c, uint32_t ts);
/* The owner group of "[owner] delegation led by G" when G is such a leader group, c->ng when
 * the noun has no owner, -1 when G is not one. */
int32_t ng_subject__led_by(const ng_work *w, const sctx *c, const group *g);
/* Is token t an "-ing" participle and token comma a comma? */
int ng_subject__comma_participle(const ng_work *w, uint32_t comma, uint32_t t);

/* object.c */
int32_t ng_object__find(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t te,
                        int *prep_seen);
int32_t ng_object__next_pp(const ng_work *w, const sctx *c, const ng_trigger *tr, uint32_t t);
/* "met X on Friday and Y on Monday": after a direct object ending at t, a date or place
 * phrase, "and", a group and another such phrase: that group, or -1. */
int32_t ng_object__next_dated(const ng_work *w, const sctx *c, uint32_t t);
/* A date or place phrase at t: a preposition and one to three capitalized words or numbers
 * ("on Friday", "in May 2024", "in Beijing"); its end, or t when there is none. */
uint32_t ng_object__when_phrase(const ng_work *w, const sctx *c, uint32_t t);
int32_t ng_object__bracket_members(const ng_work *w, const sctx *c, int32_t gi);
/* The list of two or more actors right after the one organization gi, between the
 * punctuation open and close ("ORG (A, B)", "ORG - A, B -"), after any determiners; the
 * list's group or -1. Shared by bracket_members and members.c's dash_members. */
int32_t ng_object__enclosed_members(const ng_work *w, const sctx *c, int32_t gi, char open,
                                    char close);
int ng_object__quote_after(const ng_work *w, const sctx *c, uint32_t t);
/* quote: a possessive object that owns an act noun ("his comparison of A with B 'Q'"): the
 * quotation mark after the act's complement (within 14 tokens, no comma or clause between),
 * 0 if none. */
uint32_t ng_object__act_quote_after(const ng_work *w, const sctx *c, const ng_trigger *tr,
                                    int32_t gi);
/* A short quotation without actors opening at t ("condemned 'in the strongest terms' the
 * strike", "called 'unfair' the plan"): the token after it, else t. */
uint32_t ng_object__quote_skip(const ng_work *w, const sctx *c, uint32_t t);
int ng_object__has_direct(const ng_trigger *tr);
/* Does group g name an event rather than a party: one organization whose name ends with an
 * event noun or is followed by one ("the ASEAN Summit", "the EU summit")? */
int ng_object__names_event(const ng_work *w, const sctx *c, const group *g);

/* members.c: may the trigger of flag orgsubj at [.., te) read subj as an organization and
 * obj as its members ("the bloc groups A, B and C")? */
int ng_members__org_subject_ok(const ng_work *w, const sctx *c, int32_t subj, int32_t obj,
                               uint32_t te);
/* members.c: membership written as a list with a member noun ("three SADC members - A, B
 * and C", "fellow NATO members A and B", "A and B, both EU members"). */
int ng_members__lists(ng_work *w, cstate *cs, const sctx *c);
/* At the end of the article: a state named only inside a word in "-led" that leads an
 * organization it is a member of counts one mention (after affiliations are decided). */
void ng_members__led_mentions(ng_work *w);
/* Where the list of members starts after an organization's verb ending at te when a counted
 * plural noun introduces it ("made up of ten nations including A", "groups 15 states - A,
 * B"): the token after "including" / "such as" / the dash; te if there is no such noun.
 * o0: the first token of the object group. */
uint32_t ng_members__counted_intro(const ng_work *w, const sctx *c, uint32_t te, uint32_t o0);
/* "joined Y as an observer", "joined the bloc as a partner country": after the object group
 * gi (and a bloc noun), "as", a determiner, at most two words and a word of class notmember;
 * 1 when so (no membership). */
int ng_members__as_nonmember(const ng_work *w, const sctx *c, int32_t gi);

/* modality.c: 1 when the trigger at [ts, te) with subject group subj is not a fact. */
int ng_modality__blocks(const ng_work *w, const sctx *c, int32_t subj, uint32_t ts, uint32_t te,
                        int noun);
/* modality.c: "X announced on Monday that it would leave Y": is the event at [ts, ..) with
 * subject group subj an announced decision ("will"/"would" right after the subject of a
 * "that" clause of an announcement verb, words class say with number 1), with no other
 * modal, plan, negation, condition or rumour word in the sentence? */
int ng_modality__announced(const ng_work *w, const sctx *c, int32_t subj, uint32_t ts);
/* modality.c: 1 when group gi is the addressee of a notification ("notified [the] Y that":
 * words class notify right before it, over determiners). */
int ng_modality__notified(const ng_work *w, const sctx *c, int32_t gi);

/* emit.c: edges. `flags` are the trigger's (NG_TRF_COUNTERPART rules them), 0 for the edges
 * the engine gives itself. ng_emit__add keeps one edge per (source, target, relation) and
 * sentence; the others first check ng_emit__types_ok. */
int ng_emit__add(ng_work *w, int32_t src, int32_t dst, ng_rel rel, uint32_t flags, uint32_t sent,
                 const char *date);
int ng_emit__types_ok(const ng_work *w, ng_rel rel, uint32_t flags, int32_t s, int32_t o);
int ng_emit__pairs(ng_work *w, ng_rel rel, uint32_t flags, const int32_t *s, uint32_t ns,
                   const int32_t *o, uint32_t no, uint32_t sent, const char *date);
/* "the two governments signed": the edge between the states src and dst stand for (a
 * person's state when known; else the person, whose state ng_emit__states_late puts in at
 * the end of the article, once the pending affiliations are decided). */
int ng_emit__as_state(ng_work *w, int32_t src, int32_t dst, ng_rel rel, uint32_t flags,
                      uint32_t sent, const char *date);
void ng_emit__states_late(ng_work *w);
/* Drops a symmetric counterpart edge with a state when its sentence gives the same relation
 * with a person of that state ("visited Nigeria and met President Y"). */
void ng_emit__drop_coarse(ng_work *w);
int ng_emit__within(ng_work *w, const sctx *c, ng_rel rel, uint32_t flags, const group *g,
                    uint32_t sent, const char *date);

/* relinfo.c: the one place the engine asks what a relation is. */
size_t ng_relinfo__count(void);
int ng_relinfo__symmetric(ng_rel rel);
/* Does the relation join an actor of type `subject` to one of type `object`? */
int ng_relinfo__joins(ng_rel rel, ng_etype subject, ng_etype object);
/* The relation "ORG (A, B, C)" gives (A, B, C members of ORG), and the one of titles. */
ng_rel ng_relinfo__membership(void);
ng_rel ng_relinfo__affiliation(void);

/* affiliations.c */
int ng_affil__sentence(ng_work *w, cstate *cs, sctx *c);
void ng_affil__note_roles(const ng_work *w, cstate *cs, const sctx *c);
int ng_affil__resolve_pending(ng_work *w, cstate *cs);
void ng_affil__drop_own_state(ng_work *w, const cstate *cs);

/* sentdates.c: the sentence's date expressions, and the one nearest a token (else the
 * article's date). _read starts a sentence: its dates are read at the first _nearest. */
void ng_sentdates__read(const ng_work *w, sctx *c);
const char *ng_sentdates__nearest(const ng_work *w, const sctx *c, uint32_t t);

#endif
