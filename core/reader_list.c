/* reader_list.c - the inputs expanded to a sorted listing of article files (paths only:
 * memory grows with the number of files, not with their bytes).
 *
 * A directory is walked recursively, names in byte order, hidden entries skipped. Each
 * directory is walked once per run, known by (device, inode): a symbolic link back to a
 * directory on the current path is a loop (reported), a second link to one walked already
 * (a "diamond" of links, or the same INPUT twice) is passed over - so the walk is linear in
 * the directories that exist, not in the paths that lead to them. Each file is listed once
 * the same way (hard links, a file given twice). The entries met are capped
 * (opts.max_entries): past it the listing stops with NG_ELIMIT, naming the INPUT. */
#include "reader_internal.h"

#include <dirent.h>
#include <stdatomic.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DEPTH 64

typedef struct walk {
    ng_reader *r;
    const char *input;   /* the INPUT walked, for the cap's message */
    size_t root_len;     /* relative paths start after root_len + 1 bytes */
    dev_t dev[MAX_DEPTH]; /* the directories on the current path */
    ino_t ino[MAX_DEPTH];
    int depth;
} walk;

/* (device, inode) as the bytes of an id-set key. */
typedef struct file_key {
    uint64_t dev, ino;
} file_key;

static file_key key_of(const struct stat *st)
{
    file_key k = {(uint64_t)st->st_dev, (uint64_t)st->st_ino};
    return k;
}

char *ng_reader__file_id(const ng_reader__file *f)
{
    if (strcmp(f->path, "-") == 0) return ng_strdup("stdin");
    char *id = ng_strdup(f->path + f->rel_off);
    if (!id) return NULL;
    size_t n = strlen(id);
    if (n > 3 && strcmp(id + n - 3, ".gz") == 0) id[n -= 3] = '\0';
    char *slash = strrchr(id, '/');
    char *dot = strrchr(id, '.');
    if (dot && (!slash || dot > slash + 1)) *dot = '\0';
    return id;
}

const char *ng_reader__origin(const ng_reader__file *f)
{
    return strcmp(f->path, "-") == 0 ? "(standard input)" : f->path;
}

/* A link to something listed already: named up to a point, then counted. */
static void passed_over(ng_reader *r, const char *path, const char *what)
{
    if (r->links_named < NG_READER_NAMED_REPORTS) {
        r->links_named++;
        ng_reader__skip(r, path, "%s", what);
    } else {
        r->skipped++;
        r->links_unnamed++;
    }
}

static int add_file(ng_reader *r, const char *path, size_t rel_off, ng_kind kind,
                    const struct stat *st)
{
    if (st) {
        file_key k = key_of(st);
        int fresh = ng_idset_add(r->seen_files, &k, sizeof k);
        if (fresh < 0) return NG_ENOMEM;
        if (!fresh) {
            passed_over(r, path, "the same file as an input listed already (a link, or given "
                                 "twice): read once");
            return NG_OK;
        }
    }
    if (NG_ARRAY_GROW(r->files, r->cap_files, r->n_files + 1) < 0) return NG_ENOMEM;
    ng_reader__file *f = &r->files[r->n_files];
    if (!(f->path = ng_strdup(path))) return NG_ENOMEM;
    f->rel_off = rel_off;
    f->kind = kind;
    r->n_files++;
    return NG_OK;
}

static int count_entry(walk *w)
{
    if (++w->r->entries <= w->r->opts.max_entries) return NG_OK;
    ng_error_set("%s: more than %zu files and directories: the listing is capped there (README: "
                 "Caps); read the corpus in parts (one extract per part, then one merge)",
                 w->input, w->r->opts.max_entries);
    return NG_ELIMIT;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in the open directory `d` (hidden ones left out), sorted; counted against the
 * entry cap. */
static int list_names(walk *w, DIR *d, char ***names_out, size_t *n_out)
{
    int error = NG_OK;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    *names_out = NULL;
    *n_out = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* hidden files, "." and ".." */
        if ((error = count_entry(w)) < 0) goto cleanup;
        if (NG_ARRAY_GROW(names, cap, n + 1) < 0) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        if (!(names[n] = ng_strdup(e->d_name))) { error = NG_ENOMEM; goto cleanup; }
        n++;
    }
    if (n) qsort(names, n, sizeof *names, cmp_str);
cleanup:
    if (error < 0) {
        for (size_t i = 0; i < n; i++) free(names[i]);
        free(names);
        return error;
    }
    *names_out = names;
    *n_out = n;
    return NG_OK;
}

/* Whether the walk may enter `dir` (stat in *st): not a loop, not too deep, not walked yet. */
static int may_enter(walk *w, const char *dir, const struct stat *st)
{
    for (int i = 0; i < w->depth; i++) {
        if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino) {
            ng_reader__skip(w->r, dir, "directory loop (a symbolic link to a parent): skipped");
            return 0;
        }
    }
    if (w->depth == MAX_DEPTH) {
        ng_reader__skip(w->r, dir, "directories nested deeper than %d levels: skipped", MAX_DEPTH);
        return 0;
    }
    file_key k = key_of(st);
    int fresh = ng_idset_add(w->r->seen_dirs, &k, sizeof k);
    if (fresh < 0) return fresh;
    if (!fresh)
        passed_over(w->r, dir, "a directory read already (through another link, or given "
                               "twice): read once");
    return fresh;
}

static int walk_dir(walk *w, const char *dir, const struct stat *dst);

/* What fstatat said of a directory's entry: its stat, or the errno of its failure. */
typedef struct entry_stat {
    struct stat st;
    int err; /* 0: st is set */
} entry_stat;

/* The entries of one directory looked at by several threads (ng_thread_run), each taking
 * the next run of STAT_RUN entries: a directory of 20,000 articles is 20,000 fstatat
 * calls, the kernel's part of the listing, which comes before any article is read. The
 * entries are still walked one after the other, in their order, from the results. */
#define STAT_RUN 64
#define STAT_PARALLEL_MIN 256 /* fewer entries: on the calling thread alone */

typedef struct stat_job {
    int dfd;
    char *const *names;
    entry_stat *out;
    size_t n;
    _Atomic size_t next;
} stat_job;

static void stat_entry(int dfd, const char *name, entry_stat *e)
{
    e->err = fstatat(dfd, name, &e->st, 0) != 0 ? errno : 0;
}

static void *stat_job_run(void *arg)
{
    stat_job *j = arg;
    for (;;) {
        size_t from = atomic_fetch_add(&j->next, STAT_RUN);
        if (from >= j->n) return NULL;
        size_t to = from + STAT_RUN < j->n ? from + STAT_RUN : j->n;
        for (size_t i = from; i < to; i++) stat_entry(j->dfd, j->names[i], &j->out[i]);
    }
}

/* out[i] = what fstatat says of names[i], i < n; NULL when out of memory. */
static entry_stat *stat_entries(const walk *w, int dfd, char *const *names, size_t n)
{
    entry_stat *out = n ? ng_malloc(n * sizeof *out) : NULL;
    if (!out) return NULL;
    stat_job j = {dfd, names, out, n, 0};
    int threads = w->r->opts.threads;
    if (threads > 1 && n >= STAT_PARALLEL_MIN) {
        ng_thread_run(stat_job_run, &j, threads);
    } else {
        for (size_t i = 0; i < n; i++) stat_entry(dfd, names[i], &out[i]);
    }
    return out;
}

/* One entry of a directory (`path`, looked at in *es): a subdirectory, an article file, or
 * something to count. The entry was looked at through the directory's descriptor
 * (fstatat), not its whole path: about 2 microseconds a file to list, half of it walking
 * the path again. */
static int walk_entry(walk *w, const entry_stat *es, const char *path)
{
    ng_reader *r = w->r;
    const struct stat *st = &es->st;
    if (es->err) {
        ng_reader__skip(r, path, "cannot read: %s", strerror(es->err));
        return NG_OK;
    }
    if (S_ISDIR(st->st_mode)) return walk_dir(w, path, st);
    if (!S_ISREG(st->st_mode)) {
        ng_reader__skip(r, path, "not a regular file: skipped");
        return NG_OK;
    }
    ng_kind kind = ng_reader__kind(path);
    const char *rel = path + w->root_len + 1;
    if (kind == NG_KIND_OTHER) ng_reader__tally_add(&r->other, rel);
    else if (kind == NG_KIND_OURS) ng_reader__tally_add(&r->ours, rel);
    else return add_file(r, path, w->root_len + 1, kind, st);
    return NG_OK;
}

static int walk_dir(walk *w, const char *dir, const struct stat *dst)
{
    int error = NG_OK;
    char **names = NULL;
    size_t n = 0;
    DIR *d = NULL;
    entry_stat *stats = NULL;
    ng_buf path = NG_BUF_INIT;
    int enter = may_enter(w, dir, dst);
    if (enter <= 0) return enter;
    if (!(d = opendir(dir))) {
        ng_reader__skip(w->r, dir, "cannot read directory: %s", strerror(errno));
        return NG_OK;
    }
    w->dev[w->depth] = dst->st_dev;
    w->ino[w->depth] = dst->st_ino;
    w->depth++;
    if ((error = list_names(w, d, &names, &n)) < 0) goto cleanup;
    if (n && !(stats = stat_entries(w, dirfd(d), names, n))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    /* "%s/%s" without printf's cost (a directory of 20,000 files), in one buffer */
    ng_buf_puts(&path, dir);
    ng_buf_putc(&path, '/');
    size_t dir_len = path.len;
    for (size_t i = 0; i < n && error >= 0; i++) {
        path.len = dir_len;
        ng_buf_puts(&path, names[i]);
        error = path.oom ? NG_ENOMEM : walk_entry(w, &stats[i], path.ptr);
    }
cleanup:
    w->depth--;
    closedir(d);
    free(stats);
    ng_buf_free(&path);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return error;
}

/* One INPUT: standard input, a directory, or a file named directly. */
static int list_input(ng_reader *r, const char *in)
{
    struct stat st;
    if (strcmp(in, "-") == 0) return add_file(r, "-", 0, NG_KIND_TEXT, NULL);
    if (stat(in, &st) != 0) {
        ng_error_set("%s: cannot read input: %s", in, strerror(errno));
        return NG_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
        walk w;
        memset(&w, 0, sizeof w);
        w.r = r;
        w.input = in;
        char *dir = ng_strdup(in);
        if (!dir) return NG_ENOMEM;
        size_t len = strlen(dir);
        while (len > 1 && dir[len - 1] == '/') dir[--len] = '\0';
        w.root_len = len;
        int error = walk_dir(&w, dir, &st);
        free(dir);
        return error;
    }
    const char *base = strrchr(in, '/');
    ng_kind kind = ng_reader__kind(in);
    if (kind == NG_KIND_OURS) {
        ng_reader__tally_add(&r->ours, in);
        return NG_OK;
    }
    /* named on the command line: read whatever the name says */
    if (kind == NG_KIND_OTHER) kind = NG_KIND_TEXT;
    return add_file(r, in, base ? (size_t)(base + 1 - in) : 0, kind, &st);
}

int ng_reader__list(ng_reader *r, const char *const *inputs, size_t n_inputs)
{
    int error;
    for (size_t i = 0; i < n_inputs; i++) {
        if ((error = list_input(r, inputs[i])) < 0) return error;
    }
    snprintf(r->label, sizeof r->label, "%s", n_inputs == 1 ? inputs[0] : "inputs");
    if (r->links_unnamed)
        ng_reader__warn(r, r->label, "%zu more links to files or directories read already: "
                        "each read once", r->links_unnamed);
    if (r->other.n) {
        char names[512];
        ng_reader__tally_names(&r->other, names, sizeof names);
        ng_reader__warn(r, r->label, "%zu %s, skipped (%s): newsgraph reads %s", r->other.n,
                        r->other.n == 1 ? "file is not an article" : "files are not articles",
                        names, ng_reader_article_extensions());
    }
    return NG_OK;
}

const char *ng_reader_find_input(const ng_reader *r, const char *path)
{
    struct stat st;
    if (!r || strcmp(path, "-") == 0 || stat(path, &st) != 0) return NULL;
    file_key k = key_of(&st);
    if (!ng_idset_has(r->seen_files, &k, sizeof k)) return NULL;
    for (size_t i = 0; i < r->n_files; i++) {
        struct stat fs;
        const ng_reader__file *f = &r->files[i];
        if (strcmp(f->path, "-") == 0 || stat(f->path, &fs) != 0) continue;
        if (fs.st_dev != st.st_dev || fs.st_ino != st.st_ino) continue;
        return ng_reader__sniff_ours(f->path, f->kind) ? NULL : f->path;
    }
    return NULL;
}
