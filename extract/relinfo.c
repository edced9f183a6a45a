/* relinfo.c - the one place the engine asks what a relation is.
 *
 * Everything else the engine does with a relation comes from the flags of its triggers
 * (data/triggers.csv): no rule tests a relation's name. What is left is asked here: how many
 * relations there are, whether one is symmetric, which actor types it joins (subjects and
 * objects, as the columns of a relation table), and the two relations the engine gives
 * itself, not from a trigger: membership ("ORG (A, B, C)") and affiliation (titles and
 * roles). Today the answers come from core's ng_rel and the table below, which holds what
 * a relation table (name,direction,hostile,subjects,objects) says of the built-in
 * relations; a relation table read through core replaces both here and nowhere else. */
#include "engine.h"

#define P (1u << NG_ETYPE_PERSON)
#define S (1u << NG_ETYPE_STATE)
#define O (1u << NG_ETYPE_ORG)

/* The actor types a relation joins, in the order of ng_rel. Nobody relates to a place. */
static const struct {
    const char *name; /* as ng_rel_name */
    uint32_t subjects, objects;
} rel_types[] = {
    {"met", P | S | O, P | S | O},  {"signed", P | S | O, P | S | O},
    {"withdrew", P | S | O, S | O}, {"condemned", P | S | O, P | S | O},
    {"cut_ties", P | S | O, S | O}, {"member_of", S | O, O},
    {"affiliated_with", P, S | O},
};

_Static_assert(sizeof rel_types / sizeof rel_types[0] == NG_REL__COUNT,
               "one row of rel_types per relation");

size_t ng_relinfo__count(void)
{
    return NG_REL__COUNT;
}

int ng_relinfo__symmetric(ng_rel rel)
{
    return ng_rel_symmetric(rel);
}

int ng_relinfo__joins(ng_rel rel, ng_etype subject, ng_etype object)
{
    return (rel_types[rel].subjects & (1u << subject)) && (rel_types[rel].objects & (1u << object));
}

ng_rel ng_relinfo__membership(void)
{
    return NG_REL_MEMBER_OF;
}

ng_rel ng_relinfo__affiliation(void)
{
    return NG_REL_AFFILIATED_WITH;
}
