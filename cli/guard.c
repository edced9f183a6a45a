/* guard.c - refuses an output that is one of the run's own inputs (see guard.h). */
#include "guard.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int guard_add(guard_list *l, const char *file, const char *arg)
{
    if (strcmp(file, "-") == 0) return 0;
    guard_file *p = realloc(l->items, (l->n + 1) * sizeof *p);
    if (!p) return -1;
    l->items = p;
    if (!(p[l->n].file = strdup(file))) return -1;
    p[l->n].arg = arg;
    l->n++;
    return 0;
}

void guard_list_free(guard_list *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->items[i].file);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

/* The file of `read_too` that is `st` (same device and inode), or NULL. */
static const char *same_file(const struct stat *st, const cli_list *read_too)
{
    for (size_t i = 0; read_too && i < read_too->n; i++) {
        struct stat rs;
        if (strcmp(read_too->items[i], "-") == 0 || stat(read_too->items[i], &rs) != 0) continue;
        if (rs.st_dev == st->st_dev && rs.st_ino == st->st_ino) return read_too->items[i];
    }
    return NULL;
}

int guard_check(const char *cmd, const guard_list *outs, const ng_reader *r,
                const cli_list *read_too)
{
    for (size_t i = 0; i < outs->n; i++) {
        const guard_file *o = &outs->items[i];
        struct stat st;
        if (stat(o->file, &st) != 0) continue; /* not there yet: it cannot be read */
        const char *input = same_file(&st, read_too);
        if (!input) input = ng_reader_find_input(r, o->file);
        if (!input) continue;
        if (strcmp(o->arg, o->file) == 0)
            cli_error("%s: -o %s would overwrite %s, which this run reads: write the output "
                      "elsewhere", cmd, o->arg, input);
        else
            cli_error("%s: -o %s would overwrite %s (it writes %s), which this run reads: write "
                      "the output elsewhere", cmd, o->arg, input, o->file);
        return NG_EXIT_USAGE;
    }
    return NG_EXIT_OK;
}
