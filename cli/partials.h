/*
 * partials.h - partial graphs absorbed into one: the last step of merge -jN (one partial
 * graph per shard-reading thread; build -jN adds to one graph, pipeline.h).
 *
 * Takes: n graphs (not finished), each holding some of the docs.
 * Gives: parts[0] holding every doc; the other graphs left empty (the caller frees them all).
 */
#ifndef NG_PARTIALS_H
#define NG_PARTIALS_H

#include "ng_graph.h"

/* Absorbs parts[1..n) into parts[0], pairwise in rounds (n = 4: 1 into 0 and 3 into 2 at the
 * same time, then 2 into 0), up to `threads` pairs at once; in each pair the graph with fewer
 * docs goes into the other (the pointers in parts[] are swapped accordingly). NG_OK, or the
 * error of the first failing pair with its message (ng_error_last) on the calling thread. */
int partials_absorb(ng_graph **parts, size_t n, int threads);

#endif
