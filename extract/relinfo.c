/* relinfo.c - the one place the engine asks what a relation is.
 *
 * Everything else the engine does with a relation comes from the flags of its triggers
 * (data/triggers.csv): no rule tests a relation's name. What is left is asked here, and
 * answered by the relation table every stage reads through core (ng_rel_*, the rows of
 * data/relations.csv and the user's --relations): how many relations there are, whether one
 * is symmetric, which actor types it joins (its subjects and objects columns), and the two
 * relations the engine gives itself, not from a trigger: membership ("ORG (A, B, C)") and
 * affiliation (titles and roles), found by name once. */
#include "engine.h"

#include <pthread.h>
#include <stdlib.h>

static ng_rel membership, affiliation;
static pthread_once_t found = PTHREAD_ONCE_INIT;

/* Built-in rows: a table without them is a build defect, which every test catches. */
static void find_own(void)
{
    if (ng_rel_parse(&membership, "member_of") < 0 ||
        ng_rel_parse(&affiliation, "affiliated_with") < 0) {
        fprintf(stderr, "newsgraph: built-in data relations.csv: %s\n", ng_error_last());
        abort();
    }
}

size_t ng_relinfo__count(void) { return ng_rel_count(); }

int ng_relinfo__symmetric(ng_rel rel) { return ng_rel_symmetric(rel); }

int ng_relinfo__joins(ng_rel rel, ng_etype subject, ng_etype object)
{
    return ng_rel_allows(rel, subject, object);
}

ng_rel ng_relinfo__membership(void)
{
    pthread_once(&found, find_own);
    return membership;
}

ng_rel ng_relinfo__affiliation(void)
{
    pthread_once(&found, find_own);
    return affiliation;
}
