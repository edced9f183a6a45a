/*
 * guard.h - an output must never replace what the run reads (issue 18, item 5): an input
 * article file, an article file inside an input directory the run reads, a dictionary
 * (--actors, --lexicon), a --relations file, a shard being merged. Checked by device and
 * inode, on the files each -o really writes (-o g.csv writes g.nodes.csv and g.edges.csv,
 * -o DIR/ DIR/nodes.csv and DIR/edges.csv, a Markdown report its .svg), before any work.
 *
 * Ownership: a guard_list owns its file names (borrowing the -o arguments they came from);
 * free with guard_list_free.
 */
#ifndef NG_GUARD_H
#define NG_GUARD_H

#include "cmd.h"

typedef struct guard_file {
    char *file;      /* a file the run will write (owned) */
    const char *arg; /* the -o argument that writes it (borrowed) */
} guard_file;

typedef struct guard_list {
    guard_file *items;
    size_t n;
} guard_list;

/* Adds `file` (copied), written because of `-o arg`. "-" is ignored. 0, or -1 out of memory. */
int guard_add(guard_list *l, const char *file, const char *arg);
void guard_list_free(guard_list *l);

/* Checks every file of `outs` against the article files `r` reads (NULL: none) and against
 * the files in `read_too` (dictionaries, shards). Returns NG_EXIT_OK, or NG_EXIT_USAGE after
 * printing "CMD: -o ARG would overwrite INPUT, which this run reads: ...". */
int guard_check(const char *cmd, const guard_list *outs, const ng_reader *r,
                const cli_list *read_too);

#endif
