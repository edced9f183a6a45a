/*
 * eval.h - the gold standard that `newsgraph eval` scores against (eval_gold.c): read from
 * GOLD_DIR/entities.tsv and relations.tsv, checked row by row, and indexed so that scoring a
 * graph is linear in its size (hash maps from names to entities, relation rows sorted by
 * relation and subject). cmd_eval.c does the scoring.
 */
#ifndef NG_EVAL_H
#define NG_EVAL_H

#include "cmd.h"

#include <stdint.h>

typedef struct gold_entity {
    char *name;
    ng_etype type;
    int required;
} gold_entity;

typedef struct gold_rel {
    int *subj, *obj; /* entities; "A|B" gives two */
    size_t n_subj, n_obj;
    ng_rel rel;
    int required;
    char *text; /* "subj relation obj" as written, for --show */
} gold_rel;

/* A string -> int hash map (open addressing); the keys are owned by the map. */
typedef struct eval_strmap {
    char **keys;
    int *vals;
    size_t cap, n;
} eval_strmap;

/* One (relation, entity, row) of a relation index. */
typedef struct gold_slot {
    uint32_t rel, ent, row;
} gold_slot;

enum { GOLD_SUBJECT, GOLD_OBJECT };

typedef struct gold {
    gold_entity *ents;
    size_t n_ents, cap_ents;
    gold_rel *rels;
    size_t n_rels, cap_rels;
    eval_strmap by_name; /* exact name -> entity (the first row of that name) */
    eval_strmap by_norm; /* normalized name or alias -> entity */
    gold_slot *index[2];   /* by subject, by object entity: sorted by (rel, ent, row) */
    size_t n_index[2];
} gold;

/* Reads GOLD_DIR. Returns NG_EXIT_OK; NG_EXIT_USAGE after printing "FILE:LINE: why" for a
 * malformed file (a row with another number of columns than the header, an unknown type,
 * relation or status, an empty name, an unknown entity, an alias naming two entities);
 * NG_EXIT_FAILED when a file cannot be read or memory runs out. gold_free frees it. */
int gold_read(gold *g, const char *dir);
void gold_free(gold *g);
/* The entity a node label names (normalized as the reference scorer does), -1 if none. */
int gold_entity_of(const gold *g, const char *label);
/* The rows of relation `rel` with entity `ent` among their subjects (side GOLD_SUBJECT) or
 * objects (GOLD_OBJECT): *n entries from the returned pointer (NULL when none), rows
 * ascending. */
const gold_slot *gold_rows(const gold *g, int side, ng_rel rel, int ent, size_t *n);

#endif
