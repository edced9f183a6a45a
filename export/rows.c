/* rows.c - ng_export__rows: a file's rows (nodes, edges) formatted on several threads and
 * written in their order.
 *
 * Formatting is most of a writer's work, and one file is often all there is to write (build
 * -o graph.graphml): the other threads would wait. So the rows are cut into blocks of
 * ROWS_BLOCK; each thread takes the next block, formats it into its own buffer, waits for
 * its turn (every earlier block written) and writes it. The bytes are those of one thread
 * formatting every row in order, whatever the count; the memory is one block per thread. */
#include "export_internal.h"

#include <pthread.h>

#define ROWS_BLOCK 512

typedef struct rows_job {
    ng_out *o;
    size_t n;
    ng_export__row_fn put;
    const void *ctx;
    pthread_mutex_t lock;
    pthread_cond_t turn;    /* next_write moved */
    size_t next_block;      /* the next block to format (under lock) */
    size_t next_write;      /* the block whose turn it is to be written (under lock) */
    int error;              /* first failure (under lock): every thread stops */
} rows_job;

/* Formats block k into b (tmp: the row function's scratch). */
static void format_block(rows_job *j, size_t k, ng_buf *b, ng_buf *tmp)
{
    size_t from = k * ROWS_BLOCK, to = from + ROWS_BLOCK < j->n ? from + ROWS_BLOCK : j->n;
    ng_buf_clear(b);
    for (size_t i = from; i < to; i++) j->put(b, tmp, j->ctx, i);
    b->oom |= tmp->oom;
}

static void *rows_worker(void *arg)
{
    rows_job *j = arg;
    ng_buf b = NG_BUF_INIT, tmp = NG_BUF_INIT;
    for (;;) {
        pthread_mutex_lock(&j->lock);
        size_t k = j->next_block++;
        int stop = j->error < 0 || k * ROWS_BLOCK >= j->n;
        pthread_mutex_unlock(&j->lock);
        if (stop) break;
        format_block(j, k, &b, &tmp);
        pthread_mutex_lock(&j->lock);
        while (j->next_write != k && j->error >= 0) pthread_cond_wait(&j->turn, &j->lock);
        stop = j->error < 0;
        pthread_mutex_unlock(&j->lock);
        if (stop) break;
        /* blocks before k are written and the others wait for k: this thread alone writes */
        int error = b.oom ? NG_ENOMEM : NG_OK;
        if (error >= 0) ng_out_write(j->o, b.ptr, b.len);
        pthread_mutex_lock(&j->lock);
        if (error < 0 && j->error >= 0) j->error = error;
        j->next_write++;
        pthread_cond_broadcast(&j->turn);
        pthread_mutex_unlock(&j->lock);
        if (error < 0) break;
    }
    ng_buf_free(&b);
    ng_buf_free(&tmp);
    return NULL;
}

int ng_export__rows(ng_out *o, ng_buf *line, size_t n, ng_export__row_fn put, const void *ctx,
                    int threads)
{
    int error;
    if ((error = ng_export__flush(o, line, 0)) < 0) return error; /* what comes before */
    if (threads > NG_THREADS_MAX) threads = NG_THREADS_MAX;
    if (threads < 2 || n <= ROWS_BLOCK) { /* one thread: straight into line */
        ng_buf tmp = NG_BUF_INIT;
        for (size_t i = 0; i < n && error >= 0; i++) {
            put(line, &tmp, ctx, i);
            line->oom |= tmp.oom;
            error = ng_export__flush(o, line, NG_EXPORT_FLUSH_AT);
        }
        ng_buf_free(&tmp);
        return error;
    }
    rows_job j = {o, n, put, ctx, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0,
                  NG_OK};
    ng_thread_run(rows_worker, &j, threads);
    pthread_mutex_destroy(&j.lock);
    pthread_cond_destroy(&j.turn);
    return j.error;
}
