/* export.c - format names, the choice of format by file name, and the atomic write.
 *
 * CSV writes two tables, so one -o names two files (see README: CSV):
 *   -o DIR/ (a name ending in '/' or an existing directory) -> DIR/nodes.csv, DIR/edges.csv
 *   -o [PREFIX]nodes.csv (the name ends in "nodes.csv")       -> that file, [PREFIX]edges.csv
 *   -o NAME.csv                                               -> NAME.nodes.csv, NAME.edges.csv
 * (with .csv.gz the same, both compressed). Both are complete before either is renamed. */
#include "export_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const format_names[NG_FORMAT__COUNT] = {
    [NG_FORMAT_GRAPHML] = "graphml", [NG_FORMAT_GEXF] = "gexf", [NG_FORMAT_DOT] = "dot",
    [NG_FORMAT_CSV] = "csv",         [NG_FORMAT_JSON] = "json",
};

/* File name endings, tried in order; ".gz" after any of them compresses. */
static const struct {
    const char *ext;
    ng_format format;
} extensions[] = {
    {".graphml", NG_FORMAT_GRAPHML}, {".gexf", NG_FORMAT_GEXF}, {".dot", NG_FORMAT_DOT},
    {".gv", NG_FORMAT_DOT},          {".csv", NG_FORMAT_CSV},   {".json", NG_FORMAT_JSON},
};

#define KNOWN_EXTENSIONS                                                                           \
    ".graphml, .gexf, .dot (or .gv), .csv (or a directory), .json, each optionally followed "      \
    "by .gz"

const char *ng_format_name(ng_format f)
{
    return (unsigned)f < NG_FORMAT__COUNT ? format_names[f] : "unknown";
}

int ng_format_parse(ng_format *out, const char *name)
{
    for (int i = 0; i < NG_FORMAT__COUNT; i++) {
        if (name && strcasecmp(name, format_names[i]) == 0) {
            *out = (ng_format)i;
            return NG_OK;
        }
    }
    if (name && strcasecmp(name, "gv") == 0) {
        *out = NG_FORMAT_DOT;
        return NG_OK;
    }
    ng_error_set("unknown format '%s' (use graphml, gexf, dot, csv or json)", name ? name : "");
    return NG_EINVAL;
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && strncasecmp(s + len - n, suffix, n) == 0;
}

static int is_directory_target(const char *path)
{
    struct stat st;
    size_t len = strlen(path);
    if (len > 0 && path[len - 1] == '/') return 1;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int ng_format_from_path(ng_format *out, int *gzip, const char *path)
{
    size_t len = path ? strlen(path) : 0;

    *gzip = 0;
    if (len == 0 || strcmp(path, "-") == 0) {
        ng_error_set("standard output has no file name to choose a format from: add "
                     "--format (graphml, gexf, dot, csv or json)");
        return NG_EINVAL;
    }
    /* "DIR/" is a CSV directory. An existing directory without a known extension is one too;
     * with one ("x.graphml/" made by mistake) the extension wins and the path is refused
     * later as a directory, instead of silently writing tables into it. */
    if (path[len - 1] == '/') {
        *out = NG_FORMAT_CSV;
        return NG_OK;
    }
    if (ends_with(path, len, ".gz")) {
        *gzip = 1;
        len -= 3;
    }
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
        /* A bare ".csv" or ".graphml" (nothing before the dot) is a hidden file, not a name. */
        if (ends_with(path, len, extensions[i].ext) && len > strlen(extensions[i].ext)) {
            *out = extensions[i].format;
            return NG_OK;
        }
    }
    *gzip = 0;
    if (is_directory_target(path)) {
        *out = NG_FORMAT_CSV;
        return NG_OK;
    }
    ng_error_set("cannot tell the output format of '%s': use a name ending in " KNOWN_EXTENSIONS
                 ", or give --format",
                 path);
    return NG_EINVAL;
}

int ng_export_csv_paths(char **nodes_out, char **edges_out, const char *path, int gzip)
{
    ng_buf nodes = NG_BUF_INIT, edges = NG_BUF_INIT;
    size_t len = strlen(path);
    const char *gz = gzip ? ".gz" : "";
    int error = NG_OK;

    *nodes_out = *edges_out = NULL;
    if (strcmp(path, "-") == 0) {
        ng_error_set("CSV output is two files (nodes and edges) and cannot go to standard "
                     "output: give a directory (-o DIR/) or a file name (-o NAME.csv)");
        return NG_EINVAL;
    }
    if (is_directory_target(path)) {
        const char *sep = path[len - 1] == '/' ? "" : "/";
        ng_buf_printf(&nodes, "%s%snodes.csv%s", path, sep, gz);
        ng_buf_printf(&edges, "%s%sedges.csv%s", path, sep, gz);
    } else {
        size_t stem = len;
        if (gzip && ends_with(path, stem, ".gz")) stem -= 3;
        if (ends_with(path, stem, ".csv")) stem -= 4;
        if (ends_with(path, stem, "nodes")) {
            ng_buf_printf(&nodes, "%.*s.csv%s", (int)stem, path, gz);
            ng_buf_printf(&edges, "%.*sedges.csv%s", (int)(stem - 5), path, gz);
        } else {
            ng_buf_printf(&nodes, "%.*s.nodes.csv%s", (int)stem, path, gz);
            ng_buf_printf(&edges, "%.*s.edges.csv%s", (int)stem, path, gz);
        }
    }
    if (nodes.oom || edges.oom) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    *nodes_out = ng_buf_detach(&nodes);
    *edges_out = ng_buf_detach(&edges);

cleanup:
    ng_buf_free(&nodes);
    ng_buf_free(&edges);
    return error;
}

int ng_export_check_path(ng_format format, const char *path, int gzip)
{
    char *nodes = NULL, *edges = NULL;
    int error;

    if (format != NG_FORMAT_CSV) return strcmp(path, "-") == 0 ? NG_OK : ng_out_check_path(path);
    if ((error = ng_export_csv_paths(&nodes, &edges, path, gzip)) < 0) goto cleanup;
    if ((error = ng_out_check_path(nodes)) < 0) goto cleanup;
    error = ng_out_check_path(edges);

cleanup:
    free(nodes);
    free(edges);
    return error;
}

/* ------------------------------------------------------------------ writing
 *
 * Every export goes through the same three steps: open its temporary file(s) (the calling
 * thread), write and close them (possibly on a worker thread: the graph is read-only by
 * then, every writer has its own buffers), then rename into place (the calling thread, in
 * the order the exports were given, only when every file of the batch was written). */

typedef int (*writer_fn)(ng_out *o, const ng_graph *g);

typedef struct export_task {
    ng_format format;
    int gzip;
    const char *path;
    char *csv_paths[2]; /* CSV: nodes, edges */
    ng_out *out[2];     /* out[1] only for CSV (the edges table) */
    int error;
    char message[1024]; /* the error message of a worker thread */
    unsigned cost;      /* a rough size, to start the largest files first */
    int direct;         /* written straight to a stream (standard output, a device, a pipe) */
} export_task;

/* Standard output, and existing files that are not regular files (written directly, not
 * through a temporary file): several of them may be one stream, so they are written one
 * after the other, in the order given. */
static int is_direct_path(const char *path)
{
    struct stat st;
    return strcmp(path, "-") == 0 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode));
}

static writer_fn writer_of(ng_format format)
{
    switch (format) {
    case NG_FORMAT_GRAPHML:
        return ng_export__graphml;
    case NG_FORMAT_GEXF:
        return ng_export__gexf;
    case NG_FORMAT_DOT:
        return ng_export__dot;
    case NG_FORMAT_JSON:
        return ng_export__json;
    default:
        return NULL;
    }
}

static int task_open(export_task *t)
{
    int error;
    if (t->format == NG_FORMAT_CSV) {
        if ((error = ng_export_csv_paths(&t->csv_paths[0], &t->csv_paths[1], t->path, t->gzip)) < 0)
            return error;
        if ((error = ng_out_open(&t->out[0], t->csv_paths[0], t->gzip)) < 0) return error;
        return ng_out_open(&t->out[1], t->csv_paths[1], t->gzip);
    }
    if (!writer_of(t->format)) {
        ng_error_set("unknown export format %d", (int)t->format);
        return NG_EINVAL;
    }
    return ng_out_open(&t->out[0], t->path, t->gzip);
}

/* Writes and closes the task's files; safe on any thread. */
static int task_write(export_task *t, const ng_graph *g)
{
    int error;
    if (t->format == NG_FORMAT_CSV) {
        if ((error = ng_export__csv_nodes(t->out[0], g)) < 0) return error;
        if ((error = ng_export__csv_edges(t->out[1], g)) < 0) return error;
        if ((error = ng_out_close(t->out[1])) < 0) return error;
        return ng_out_close(t->out[0]);
    }
    if ((error = writer_of(t->format)(t->out[0], g)) < 0) return error;
    return ng_out_close(t->out[0]);
}

/* Both CSV tables are complete. The edges table is renamed into place first, the nodes table
 * after it; if that second step fails the edges table is removed again, so a failed run never
 * leaves one new table without its partner. */
static int task_commit(export_task *t)
{
    int error;
    if (t->format != NG_FORMAT_CSV) return ng_out_commit(t->out[0]);
    if ((error = ng_out_commit(t->out[1])) < 0) return error;
    if ((error = ng_out_commit(t->out[0])) < 0) unlink(t->csv_paths[1]);
    return error;
}

/* Removes whatever was not committed. */
static void task_free(export_task *t)
{
    ng_out_free(t->out[0]);
    ng_out_free(t->out[1]);
    free(t->csv_paths[0]);
    free(t->csv_paths[1]);
}

/* Bytes per element, roughly, so that the largest files start first (on two threads, the
 * longest file would otherwise often start last and run alone). */
static unsigned task_cost(ng_format f)
{
    switch (f) {
    case NG_FORMAT_JSON: return 5;
    case NG_FORMAT_GEXF: return 4;
    case NG_FORMAT_GRAPHML: return 3;
    default: return 2;
    }
}

typedef struct task_queue {
    export_task *tasks;
    size_t n_tasks;
    size_t *order; /* task indices, largest first; the first direct one stands for all */
    size_t n, next;
    const ng_graph *g;
    pthread_mutex_t lock;
} task_queue;

static void run_task(export_task *t, const ng_graph *g)
{
    if ((t->error = task_write(t, g)) < 0)
        snprintf(t->message, sizeof t->message, "%s", ng_error_last());
}

static void *write_worker(void *arg)
{
    task_queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->lock);
        size_t k = q->next < q->n ? q->order[q->next++] : SIZE_MAX;
        pthread_mutex_unlock(&q->lock);
        if (k == SIZE_MAX) return NULL;
        if (!q->tasks[k].direct) {
            run_task(&q->tasks[k], q->g);
            continue;
        }
        /* the direct outputs all go to whichever thread takes the first of them */
        for (size_t i = 0; i < q->n_tasks; i++)
            if (q->tasks[i].direct) run_task(&q->tasks[i], q->g);
    }
}

int ng_export_write_all(const ng_graph *g, const ng_export_job *jobs, size_t n, int threads)
{
    export_task *tasks = NULL;
    size_t *order = NULL;
    int error = NG_OK;
    task_queue q;

    if (n == 0) return NG_OK;
    if (!(tasks = ng_calloc(n, sizeof *tasks)) || !(order = ng_malloc(n * sizeof *order))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        tasks[i].format = jobs[i].format;
        tasks[i].gzip = jobs[i].gzip;
        tasks[i].path = jobs[i].path;
        tasks[i].cost = task_cost(jobs[i].format);
        order[i] = i;
    }
    size_t n_order = 0;
    int any_direct = 0;
    for (size_t i = 0; i < n; i++) {
        export_task *t = &tasks[i];
        if ((error = task_open(t)) < 0) goto cleanup;
        t->direct = t->format == NG_FORMAT_CSV
                        ? is_direct_path(t->csv_paths[0]) || is_direct_path(t->csv_paths[1])
                        : is_direct_path(t->path);
        if (!t->direct || !any_direct) order[n_order++] = i; /* one entry for all direct ones */
        if (t->direct) any_direct = 1;
    }
    /* largest first; ties keep the given order (insertion sort: a handful of files) */
    for (size_t i = 1; i < n_order; i++) {
        size_t k = order[i], j = i;
        while (j > 0 && tasks[order[j - 1]].cost < tasks[k].cost) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = k;
    }
    memset(&q, 0, sizeof q);
    q.tasks = tasks;
    q.n_tasks = n;
    q.order = order;
    q.n = n_order;
    q.g = g;
    pthread_mutex_init(&q.lock, NULL);
    size_t want = threads > 1 ? (size_t)threads : 1;
    if (want > n_order) want = n_order;
    if (want > 64) want = 64;
    pthread_t tids[64];
    size_t started = 0;
    for (size_t i = 1; i < want; i++) { /* the calling thread is one of them */
        if (pthread_create(&tids[started], NULL, write_worker, &q) != 0) break;
        started++;
    }
    write_worker(&q);
    for (size_t i = 0; i < started; i++) pthread_join(tids[i], NULL);
    pthread_mutex_destroy(&q.lock);

    /* The first failure in the given order is the one reported; nothing is renamed. */
    for (size_t i = 0; i < n; i++) {
        if (tasks[i].error < 0) {
            ng_error_set("%s", tasks[i].message);
            error = tasks[i].error;
            goto cleanup;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if ((error = task_commit(&tasks[i])) < 0) goto cleanup;
    }

cleanup:
    for (size_t i = 0; tasks && i < n; i++) task_free(&tasks[i]);
    free(tasks);
    free(order);
    return error;
}

int ng_export_write(const ng_graph *g, ng_format format, const char *path, int gzip)
{
    ng_export_job job = {format, path, gzip};
    return ng_export_write_all(g, &job, 1, 1);
}
