/*
 * test_rel.h - relation types by name for tests: the table (core/relations.c) numbers them,
 * so a test names the relation it means.
 */
#ifndef NG_TEST_REL_H
#define NG_TEST_REL_H

#include "ng_core.h"

#include <stdio.h>
#include <stdlib.h>

/* The relation called `name`; a test that names one the table lacks is broken: it stops. */
static inline ng_rel ng_test_rel(const char *name)
{
    ng_rel r;
    if (ng_rel_parse(&r, name) < 0) {
        fprintf(stderr, "test: %s\n", ng_error_last());
        abort();
    }
    return r;
}

#endif
