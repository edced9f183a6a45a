/*
 * relations_internal.h - core-internal entry points of the relation table (relations.c) that
 * the public header does not offer: for the fuzz target and the unit tests, which declare
 * many user tables in one process.
 */
#ifndef NG_RELATIONS_INTERNAL_H
#define NG_RELATIONS_INTERNAL_H

/* Forgets every relation type declared after the built-in ones (--relations files, a graph's
 * definitions), as if the process had just started. Only while no other thread reads the
 * table: readers take no lock, and an ng_rel of a forgotten type names another type later. */
void ng_rel__reset_user(void);

#endif
