/* shards_read.c - shards read into one graph on several threads (shards_read.h). */
#include "shards_read.h"

#include "cmd.h"
#include "partials.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define SHARDS_BATCH 16 /* docs read at each turn at a shard */

typedef struct shard_src {
    const char *path;
    pthread_mutex_t lock;  /* the reader: one record at a time */
    ng_shard_reader *r;    /* opened by the first thread to read it (under lock) */
    uint64_t docs;         /* docs read from it (under lock) */
    int failed;            /* a thread failed reading it (under lock): it reports why */
    int users;             /* threads reading it (under the run's lock) */
    int done;              /* read to its end (under the run's lock) */
} shard_src;

typedef struct run {
    shard_src *src;
    size_t n;
    pthread_mutex_t lock; /* users, done, the failure, ids */
    atomic_int stop;      /* a thread failed or met a duplicate: the others stop */
    int error;
    char message[NG_ERROR_MAX];
    ng_idset *ids;        /* the article ids read */
    int duplicate;        /* an id was read twice */
} run;

typedef struct reader_thread {
    run *m;
    ng_graph *g;
    uint64_t docs;
    double cpu; /* CPU seconds of reader_main */
} reader_thread;

/* Records the first failure (with the calling thread's message) and stops every thread. */
static void fail(run *m, int error)
{
    pthread_mutex_lock(&m->lock);
    if (!m->error) {
        m->error = error;
        snprintf(m->message, sizeof m->message, "%s", ng_error_last());
    }
    atomic_store(&m->stop, 1);
    pthread_mutex_unlock(&m->lock);
}

/* 1 when the ids of docs[0..n) are all new; 0 (and the run stops) when one was read already:
 * which copy a sequential merge keeps depends on the order of the shards, which threads do
 * not keep. */
static int first_ids(run *m, ng_doc *const *docs, size_t n, int *error)
{
    int fresh = 1;
    pthread_mutex_lock(&m->lock);
    for (size_t i = 0; i < n && fresh > 0; i++) {
        const char *id = docs[i]->id ? docs[i]->id : "";
        fresh = ng_idset_add(m->ids, id, strlen(id));
    }
    if (fresh == 0) m->duplicate = 1;
    pthread_mutex_unlock(&m->lock);
    if (fresh < 0) *error = fresh;
    if (fresh == 0) atomic_store(&m->stop, 1);
    return fresh > 0;
}

enum { LEAVE, READ_TO_END, FAILED }; /* why a thread leaves a shard */

/* Leaves `prev` (`why`: one of the above) and picks the shard with the fewest readers among
 * those not done, the first one on a tie; NULL when none is left, a thread failed or an id
 * was met twice. */
static shard_src *pick(run *m, shard_src *prev, int why)
{
    shard_src *best = NULL;
    pthread_mutex_lock(&m->lock);
    if (prev) {
        prev->users--;
        if (why != LEAVE && !prev->done) {
            prev->done = 1;
            if (why == READ_TO_END && cli_verbose && !cli_quiet)
                cli_note("read %s (%llu docs)", prev->path, (unsigned long long)prev->docs);
        }
        if (prev->done && prev->users == 0) { /* nobody holds its lock any more */
            ng_shard_reader_free(prev->r);
            prev->r = NULL;
        }
    }
    for (size_t i = 0; i < m->n && !m->error && !m->duplicate; i++) {
        shard_src *s = &m->src[i];
        if (!s->done && (!best || s->users < best->users)) best = s;
    }
    if (best) best->users++;
    pthread_mutex_unlock(&m->lock);
    return best;
}

/* Up to SHARDS_BATCH docs of `s` into docs[0..*n) (*n = 0 at its end), the first of them the
 * shard's record *first (counted from 1): fewer turns at a shared shard's lock, so threads
 * seldom wait for each other. Returns 1, reading nothing, when another thread failed on this
 * shard (that thread reports the error: the reader is past the damage, so a second reader
 * would only see a confusing one). */
static int next_docs(shard_src *s, ng_doc **docs, size_t *n, uint64_t *first)
{
    int error = NG_OK;
    *n = 0;
    pthread_mutex_lock(&s->lock);
    *first = s->docs + 1;
    if (s->failed) {
        pthread_mutex_unlock(&s->lock);
        return 1;
    }
    if (!s->r) error = ng_shard_reader_open(&s->r, s->path);
    while (error >= 0 && *n < SHARDS_BATCH) {
        if ((error = ng_shard_read_doc(s->r, &docs[*n])) < 0 || !docs[*n]) break;
        s->docs++;
        (*n)++;
    }
    if (error < 0) s->failed = 1;
    pthread_mutex_unlock(&s->lock);
    return error;
}

static void *reader_main(void *arg)
{
    reader_thread *t = arg;
    run *m = t->m;
    ng_doc *docs[SHARDS_BATCH];
    double cpu0 = pipeline_cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
    shard_src *s = pick(m, NULL, LEAVE);
    while (s) {
        size_t n = 0;
        uint64_t first = 0;
        int stopped = atomic_load(&m->stop);
        int error = stopped ? NG_OK : next_docs(s, docs, &n, &first);
        int keep = error >= 0 && n > 0 && first_ids(m, docs, n, &error);
        for (size_t i = 0; i < n; i++) {
            if (keep && error >= 0 && (error = ng_graph_add_doc(t->g, docs[i])) >= 0) t->docs++;
            else if (keep && error < 0) /* the graph's message names the article, not where */
                ng_error_set("%s: record %llu: %s", s->path, (unsigned long long)(first + i),
                             ng_error_last());
            ng_doc_free(docs[i]);
        }
        if (n > 0 && !keep && error >= 0) stopped = 1; /* a duplicate: every thread stops */
        if (error < 0) fail(m, error);
        if (stopped) s = pick(m, s, LEAVE); /* NULL: a thread failed or met a duplicate */
        else if (error != NG_OK) s = pick(m, s, FAILED);
        else if (n == 0) s = pick(m, s, READ_TO_END);
    }
    t->cpu = pipeline_cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0;
    return NULL;
}

/* Runs `n` reader threads (the calling thread alone when n == 1). */
static void run_readers(reader_thread *ts, int n)
{
    pthread_t tids[NG_THREADS_MAX];
    int started = 0;
    if (n > 1) {
        for (int i = 0; i < n; i++) {
            if (pthread_create(&tids[i], NULL, reader_main, &ts[i]) != 0) break;
            started++;
        }
    }
    if (started == 0) reader_main(&ts[0]);
    for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
}

int shards_read_graph(ng_graph **out, const char *const *paths, size_t n, int threads,
                      pipeline_stats *stats)
{
    int error = NG_OK;
    reader_thread ts[NG_THREADS_MAX];
    ng_graph *parts[NG_THREADS_MAX] = {NULL};
    run m;
    double t0 = ng_clock_seconds(), t1, cpu1;
    *out = NULL;
    memset(stats, 0, sizeof *stats);
    if (threads < 1) threads = 1;
    if (threads > NG_THREADS_MAX) threads = NG_THREADS_MAX;
    memset(&m, 0, sizeof m);
    memset(ts, 0, sizeof ts);
    if (!(m.src = ng_calloc(n ? n : 1, sizeof *m.src))) return NG_ENOMEM;
    m.n = n;
    pthread_mutex_init(&m.lock, NULL);
    if ((error = ng_idset_new(&m.ids)) < 0) goto cleanup;
    for (size_t i = 0; i < n; i++) {
        m.src[i].path = paths[i];
        pthread_mutex_init(&m.src[i].lock, NULL);
    }
    for (int i = 0; i < threads; i++) {
        if ((error = cli_graph_new(&parts[i])) < 0) goto cleanup;
        ts[i].m = &m;
        ts[i].g = parts[i];
    }
    run_readers(ts, threads);
    if ((error = m.error) < 0) {
        ng_error_set("%s", m.message);
        goto cleanup;
    }
    if (m.duplicate) {
        error = SHARDS_READ_DUPLICATE;
        goto cleanup;
    }
    stats->threads = threads;
    for (int i = 0; i < threads; i++) {
        stats->articles += ts[i].docs;
        stats->cpu_seconds += ts[i].cpu;
        if (ts[i].cpu > stats->cpu_max_seconds) stats->cpu_max_seconds = ts[i].cpu;
    }
    t1 = ng_clock_seconds();
    cpu1 = pipeline_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
    stats->seconds = t1 - t0;
    if ((error = partials_absorb(parts, (size_t)threads, threads)) < 0) goto cleanup;
    stats->absorb_seconds = ng_clock_seconds() - t1;
    stats->absorb_cpu_seconds = pipeline_cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu1;
    *out = parts[0];
    parts[0] = NULL;
    ng_graph_set_threads(*out, threads); /* its finish too */
cleanup:
    for (int i = 0; i < threads; i++) ng_graph_free(parts[i]);
    for (size_t i = 0; i < n; i++) {
        ng_shard_reader_free(m.src[i].r); /* left by a failed run */
        pthread_mutex_destroy(&m.src[i].lock);
    }
    pthread_mutex_destroy(&m.lock);
    ng_idset_free(m.ids);
    free(m.src);
    return error;
}
