/* shards_read.c - shards read into one graph on several threads (shards_read.h). */
#include "shards_read.h"

#include "cmd.h"
#include "partials.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define SHARDS_MAX_THREADS 64

typedef struct shard_src {
    const char *path;
    pthread_mutex_t lock;  /* the reader: one record at a time */
    ng_shard_reader *r;    /* opened by the first thread to read it (under lock) */
    uint64_t docs;         /* docs read from it (under lock) */
    int users;             /* threads reading it (under the run's lock) */
    int done;              /* read to its end (under the run's lock) */
} shard_src;

typedef struct run {
    shard_src *src;
    size_t n;
    pthread_mutex_t lock; /* users, done, the failure, ids */
    atomic_int stop;      /* a thread failed or met a duplicate: the others stop */
    int error;
    char message[1024];
    ng_idset *ids;        /* the article ids read */
    int duplicate;        /* an id was read twice */
} run;

typedef struct reader_thread {
    run *m;
    ng_graph *g;
    uint64_t docs;
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

/* 1 when the doc's id is new; 0 (and the run stops) when it was read already: which copy a
 * sequential merge keeps depends on the order of the shards, which threads do not keep. */
static int first_id(run *m, const ng_doc *doc, int *error)
{
    const char *id = doc->id ? doc->id : "";
    pthread_mutex_lock(&m->lock);
    int fresh = ng_idset_add(m->ids, id, strlen(id));
    if (fresh == 0) m->duplicate = 1;
    pthread_mutex_unlock(&m->lock);
    if (fresh < 0) *error = fresh;
    if (fresh == 0) atomic_store(&m->stop, 1);
    return fresh > 0;
}

/* Leaves `prev` (finished: read to its end) and picks the shard with the fewest readers
 * among those not done, the first one on a tie; NULL when none is left or a thread failed. */
static shard_src *pick(run *m, shard_src *prev, int finished)
{
    shard_src *best = NULL;
    pthread_mutex_lock(&m->lock);
    if (prev) {
        prev->users--;
        if (finished && !prev->done) {
            prev->done = 1;
            if (cli_verbose && !cli_quiet)
                fprintf(stderr, "newsgraph: read %s (%llu docs)\n", prev->path,
                        (unsigned long long)prev->docs);
        }
        if (prev->done && prev->users == 0) { /* nobody holds its lock any more */
            ng_shard_reader_free(prev->r);
            prev->r = NULL;
        }
    }
    for (size_t i = 0; i < m->n && !m->error; i++) {
        shard_src *s = &m->src[i];
        if (!s->done && (!best || s->users < best->users)) best = s;
    }
    if (best) best->users++;
    pthread_mutex_unlock(&m->lock);
    return best;
}

/* The next doc of `s` into *doc (NULL at its end). */
static int next_doc(shard_src *s, ng_doc **doc)
{
    int error = NG_OK;
    pthread_mutex_lock(&s->lock);
    if (!s->r) error = ng_shard_reader_open(&s->r, s->path);
    if (error >= 0 && (error = ng_shard_read_doc(s->r, doc)) >= 0 && *doc) s->docs++;
    pthread_mutex_unlock(&s->lock);
    return error;
}

static void *reader_main(void *arg)
{
    reader_thread *t = arg;
    run *m = t->m;
    shard_src *s = pick(m, NULL, 0);
    while (s && !atomic_load(&m->stop)) {
        ng_doc *doc = NULL;
        int error = next_doc(s, &doc);
        if (error >= 0 && doc && first_id(m, doc, &error)) error = ng_graph_add_doc(t->g, doc);
        ng_doc_free(doc);
        if (error < 0) {
            fail(m, error);
            pick(m, s, 0); /* leave it */
            return NULL;
        }
        if (doc) t->docs++;
        else s = pick(m, s, 1);
    }
    if (s) pick(m, s, 0);
    return NULL;
}

/* Runs `n` reader threads (the calling thread alone when n == 1). */
static void run_readers(reader_thread *ts, int n)
{
    pthread_t tids[SHARDS_MAX_THREADS];
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
                      uint64_t *docs)
{
    int error = NG_OK;
    reader_thread ts[SHARDS_MAX_THREADS];
    ng_graph *parts[SHARDS_MAX_THREADS] = {NULL};
    run m;
    *out = NULL;
    *docs = 0;
    if (threads < 1) threads = 1;
    if (threads > SHARDS_MAX_THREADS) threads = SHARDS_MAX_THREADS;
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
        if ((error = ng_graph_new(&parts[i])) < 0) goto cleanup;
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
    for (int i = 0; i < threads; i++) *docs += ts[i].docs;
    if ((error = partials_absorb(parts, (size_t)threads, threads)) < 0) goto cleanup;
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
