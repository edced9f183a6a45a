/* export.c - writing: every export of one graph opened, written (on several threads) and
 * renamed into place, through the rows of the format table (formats.c). */
#include "export_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ writing
 *
 * Every export goes through the same three steps: open its temporary file(s) (the calling
 * thread), write and close them (possibly on a worker thread: the graph is read-only by
 * then, every writer has its own buffers), then rename into place (the calling thread, in
 * the order the exports were given, only when every file of the batch was written). */

typedef struct export_task {
    const ng_format_row *row;
    int gzip;
    const char *path;
    char *paths[NG_FORMAT_MAX_FILES]; /* the files' names, when the row names them */
    ng_out *out[NG_FORMAT_MAX_FILES]; /* one per file of the row */
    int error;
    char message[NG_ERROR_MAX]; /* the error message of a worker thread */
    int direct;         /* written straight to a stream (standard output, a device, a pipe) */
    int threads;        /* the threads its writer may format on (threads left over by the others) */
} export_task;

/* Standard output, devices, pipes (ng_out_is_direct: written directly, not through a
 * temporary file): several of them may be one stream, so they are written one after the
 * other, in the order given. */
static int is_direct_path(const char *path) { return ng_out_is_direct(path); }

/* The name of the task's file i. */
static const char *task_path(const export_task *t, size_t i)
{
    return t->row->paths ? t->paths[i] : t->path;
}

static int task_open(export_task *t)
{
    int error;
    if (t->row->paths && (error = t->row->paths(t->paths, t->path, t->gzip)) < 0) return error;
    if (t->row->info.directory && (error = ng_export__make_directory(t->path)) < 0) return error;
    for (size_t i = 0; i < t->row->n_files; i++) {
        if ((error = ng_out_open(&t->out[i], task_path(t, i), t->gzip)) < 0) return error;
    }
    return NG_OK;
}

/* Writes the task's files in order, then closes them (the last first); safe on any thread. */
static int task_write(export_task *t, const ng_graph *g)
{
    int error;
    for (size_t i = 0; i < t->row->n_files; i++) {
        if ((error = t->row->writers[i](t->out[i], g, t->threads)) < 0) return error;
    }
    for (size_t i = t->row->n_files; i-- > 0;) {
        if ((error = ng_out_close(t->out[i])) < 0) return error;
    }
    return NG_OK;
}

/* Every file is complete. They are renamed into place the last first (CSV: the edges table,
 * then the nodes table); if a step fails the files renamed before it are removed again, so a
 * failed run never leaves one new table without its partner. */
static int task_commit(export_task *t)
{
    int error;
    for (size_t i = t->row->n_files; i-- > 0;) {
        if ((error = ng_out_commit(t->out[i])) < 0) {
            for (size_t k = i + 1; k < t->row->n_files; k++) unlink(task_path(t, k));
            return error;
        }
    }
    return NG_OK;
}

/* Removes whatever was not committed. */
static void task_free(export_task *t)
{
    for (size_t i = 0; i < NG_FORMAT_MAX_FILES; i++) {
        ng_out_free(t->out[i]);
        free(t->paths[i]);
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
        if (!(tasks[i].row = ng_format__row(jobs[i].format))) {
            error = NG_EINVAL;
            goto cleanup;
        }
        if (tasks[i].row->info.streamed) {
            ng_error_set("%s: the %s is written while the articles are extracted (build), not "
                         "from a graph", jobs[i].path, tasks[i].row->info.title);
            error = NG_EINVAL;
            goto cleanup;
        }
        tasks[i].gzip = jobs[i].gzip;
        tasks[i].path = jobs[i].path;
        order[i] = i;
    }
    size_t n_order = 0;
    int any_direct = 0;
    for (size_t i = 0; i < n; i++) {
        export_task *t = &tasks[i];
        if ((error = task_open(t)) < 0) goto cleanup;
        for (size_t k = 0; k < t->row->n_files; k++) t->direct |= is_direct_path(task_path(t, k));
        if (!t->direct || !any_direct) order[n_order++] = i; /* one entry for all direct ones */
        if (t->direct) any_direct = 1;
    }
    /* largest first; ties keep the given order (insertion sort: a handful of files) */
    for (size_t i = 1; i < n_order; i++) {
        size_t k = order[i], j = i;
        while (j > 0 && tasks[order[j - 1]].row->cost < tasks[k].row->cost) {
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
    /* fewer files than threads: each file's rows are formatted on the threads left over */
    for (size_t i = 0; i < n; i++) tasks[i].threads = want > n_order ? (int)(want / n_order) : 1;
    if (want > n_order) want = n_order;
    if (want > NG_THREADS_MAX) want = NG_THREADS_MAX;
    ng_thread_run(write_worker, &q, (int)want);
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
