/* rows.c - ng_export__rows: a file's rows (nodes, edges) formatted on several threads and
 * written in their order.
 *
 * Formatting is most of a writer's work, and one file is often all there is to write (build
 * -o graph.graphml): the other threads would wait. So the rows are cut into blocks of
 * ROWS_BLOCK; each thread takes the next block, formats it into its own buffer and leaves it
 * in its slot of a window of ROWS_WINDOW blocks per thread (eight: at -j2 on the 50 MB
 * corpus, at load 6, two left the threads waiting 0.34-0.76 s for a free slot while the
 * other thread was off its core, four 0.04-0.31 s, eight 0-0.01 s; the peak RSS the same);
 * whichever thread finds the block whose turn it is ready writes it, and every ready block
 * after it, while the others go on formatting (a thread that had to wait for its turn, as the
 * first version did, left its core idle whenever an earlier block took longer: a serial part
 * of -j2). The bytes are those
 * of one thread formatting every row in order, whatever the count; the memory is at most
 * ROWS_WINDOW + 1 blocks per thread. */
#include "export_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define ROWS_BLOCK 512
#define ROWS_WINDOW 8

typedef struct rows_slot {
    ng_buf b;  /* a formatted block waiting for its turn */
    int ready; /* b holds block k of the slot (k % window) */
} rows_slot;

typedef struct rows_job {
    ng_out *o;
    size_t n;
    ng_export__row_fn put;
    const void *ctx;
    pthread_mutex_t lock;
    pthread_cond_t turn;    /* next_write moved, or a failure */
    size_t next_block;      /* the next block to format (under lock) */
    size_t next_write;      /* the block whose turn it is to be written (under lock) */
    rows_slot *slots;       /* the window: block k waits in slots[k % window] */
    size_t window;
    int writing;            /* a thread is writing the ready blocks (under lock) */
    int error;              /* first failure (under lock): every thread stops */
    char message[NG_ERROR_MAX]; /* its message, set on the thread that failed */
} rows_job;

/* Puts row i into b; 0, or the row's error, or NG_ENOMEM when an append failed. */
static int put_row(ng_export__row_fn put, const void *ctx, size_t i, ng_buf *b,
                   ng_export_scratch *s)
{
    int error = put(b, s, ctx, i);
    if (error >= 0 && (b->oom || s->buf.oom)) {
        ng_error_set("out of memory (writing the graph)");
        error = NG_ENOMEM;
    }
    return error;
}

/* Formats block k into b (s: the row function's scratch). */
static int format_block(rows_job *j, size_t k, ng_buf *b, ng_export_scratch *s)
{
    size_t from = k * ROWS_BLOCK, to = from + ROWS_BLOCK < j->n ? from + ROWS_BLOCK : j->n;
    int error = NG_OK;
    ng_buf_clear(b);
    for (size_t i = from; i < to && error >= 0; i++) error = put_row(j->put, j->ctx, i, b, s);
    return error;
}

static void scratch_free(ng_export_scratch *s)
{
    ng_buf_free(&s->buf);
    ng_items_free(&s->items);
}

/* The first failure stops every thread; its message goes to the calling thread. Under lock. */
static void fail(rows_job *j, int error)
{
    if (error < 0 && j->error >= 0) {
        j->error = error;
        snprintf(j->message, sizeof j->message, "%s", ng_error_last());
    }
}

/* The next block to format in *k (waiting while the window is full); 0 when there is none
 * left or a thread failed. Under lock. */
static int take_block(rows_job *j, size_t *k)
{
    while (j->error >= 0 && j->next_block * ROWS_BLOCK < j->n &&
           j->next_block >= j->next_write + j->window)
        pthread_cond_wait(&j->turn, &j->lock);
    if (j->error < 0 || j->next_block * ROWS_BLOCK >= j->n) return 0;
    *k = j->next_block++;
    return 1;
}

/* Writes the block whose turn it is while it is ready, each out of the lock (only the thread
 * with j->writing set writes, so the file gets them in order). `spare` is the caller's
 * empty buffer, swapped with each slot's. Under lock. */
static void write_ready(rows_job *j, ng_buf *spare)
{
    if (j->writing) return; /* that thread will write this block too */
    j->writing = 1;
    for (;;) {
        rows_slot *s = &j->slots[j->next_write % j->window];
        if (!s->ready || j->error < 0) break;
        ng_buf b = s->b;
        s->b = *spare;
        s->ready = 0;
        pthread_mutex_unlock(&j->lock);
        ng_out_write(j->o, b.ptr, b.len);
        ng_buf_clear(&b);
        *spare = b;
        pthread_mutex_lock(&j->lock);
        j->next_write++;
        pthread_cond_broadcast(&j->turn);
    }
    j->writing = 0;
}

static void *rows_worker(void *arg)
{
    rows_job *j = arg;
    ng_buf b = NG_BUF_INIT;
    ng_export_scratch s;
    size_t k;
    memset(&s, 0, sizeof s);
    pthread_mutex_lock(&j->lock);
    while (take_block(j, &k)) {
        pthread_mutex_unlock(&j->lock);
        int error = format_block(j, k, &b, &s);
        pthread_mutex_lock(&j->lock);
        fail(j, error);
        if (error < 0) break;
        rows_slot *slot = &j->slots[k % j->window]; /* empty: k < next_write + window */
        ng_buf t = slot->b;
        slot->b = b;
        slot->ready = 1;
        b = t;
        write_ready(j, &b);
    }
    pthread_cond_broadcast(&j->turn); /* a failure: nobody waits for a block never written */
    pthread_mutex_unlock(&j->lock);
    ng_buf_free(&b);
    scratch_free(&s);
    return NULL;
}

/* One thread: the rows straight into line, written every NG_EXPORT_FLUSH_AT bytes. */
static int rows_alone(ng_out *o, ng_buf *line, size_t n, ng_export__row_fn put, const void *ctx)
{
    ng_export_scratch s;
    memset(&s, 0, sizeof s);
    int error = NG_OK;
    for (size_t i = 0; i < n && error >= 0; i++) {
        if ((error = put_row(put, ctx, i, line, &s)) >= 0)
            error = ng_export__flush(o, line, NG_EXPORT_FLUSH_AT);
    }
    scratch_free(&s);
    return error;
}

int ng_export__rows(ng_out *o, ng_buf *line, size_t n, ng_export__row_fn put, const void *ctx,
                    int threads)
{
    int error;
    if ((error = ng_export__flush(o, line, 0)) < 0) return error; /* what comes before */
    if (threads > NG_THREADS_MAX) threads = NG_THREADS_MAX;
    if (threads < 2 || n <= ROWS_BLOCK) return rows_alone(o, line, n, put, ctx);
    rows_job j = {o, n, put, ctx, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0,
                  NULL, (size_t)threads * ROWS_WINDOW, 0, NG_OK, ""};
    if (!(j.slots = ng_calloc(j.window, sizeof *j.slots))) {
        ng_error_set("out of memory (writing the graph)");
        return NG_ENOMEM;
    }
    ng_thread_run(rows_worker, &j, threads);
    for (size_t i = 0; i < j.window; i++) ng_buf_free(&j.slots[i].b);
    free(j.slots);
    pthread_mutex_destroy(&j.lock);
    pthread_cond_destroy(&j.turn);
    if (j.error < 0) ng_error_set("%s", j.message);
    return j.error;
}
