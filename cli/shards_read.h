/*
 * shards_read.h - `merge -jN`: the docs of any number of shards read into one graph by N
 * threads, each adding to a partial graph of its own (partials.h).
 *
 * A thread keeps to one shard while there are shards nobody reads, so shards are read and
 * decompressed in parallel; when fewer shards than threads remain, threads share one (its
 * records are read one at a time, their docs added in parallel). The graph does not depend on
 * which thread read what.
 *
 * Takes: shard paths (borrowed; "-" = standard input, read by one thread at a time).
 * Gives: *out, a graph with every doc (not finished; the caller frees it with ng_graph_free).
 */
#ifndef NG_SHARDS_READ_H
#define NG_SHARDS_READ_H

#include "ng_graph.h"
#include "pipeline.h"

/* Reads every doc of `paths[0..n)` into a new graph on `threads` threads (at least 1).
 * stats gets the docs (articles), the threads, the wall time and CPU of the reading threads
 * and of the absorb. NG_OK; SHARDS_READ_DUPLICATE, with *out NULL, when an article id was met
 * twice (the caller reads the shards one at a time instead, keeping the first copy in the
 * order given, as a sequential merge does); or the first error met (message: the shard, the
 * record and what is wrong), with *out NULL. With cli_verbose, says when each shard is read. */
#define SHARDS_READ_DUPLICATE 1
int shards_read_graph(ng_graph **out, const char *const *paths, size_t n, int threads,
                      pipeline_stats *stats);

#endif
