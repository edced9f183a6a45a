/* pipeline.c - reader -> extraction threads -> consumer, with skipped inputs reported. */
#include "pipeline.h"

#include "progress.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* An extracted article waiting for its turn to be consumed. */
typedef struct pending {
    ng_doc *doc; /* NULL when the slot is free */
    ng_article *article;
} pending;

typedef struct shared {
    ng_reader *reader;
    const ng_lexicon *lex;
    pipeline_consumer consume;
    void *ctx;
    pthread_mutex_t read_lock;    /* the reader is sequential: inputs are read in order */
    pthread_mutex_t consume_lock; /* the reorder window; the consumer sees one doc at a time */
    int error;                    /* first failure: stops every worker */
    char message[NG_ERROR_MAX];
    size_t articles, repaired, undated;
    size_t read;                  /* articles the reader gave (under read_lock) */
    cli_progress *progress;       /* NULL unless stderr is a terminal */
    /* Ordered delivery (under consume_lock): articles are numbered as they are read; the
     * consumer takes them in that order from a window of window_size slots, which bounds
     * the docs held in memory when one article is slow. */
    pthread_cond_t turn;          /* signalled whenever next_consume moves or on failure */
    uint64_t next_seq;            /* number of the next article read (under read_lock) */
    uint64_t next_consume;        /* number of the next article to consume */
    pending *window;
    size_t window_size;
    int consuming;                /* a thread is running the consumer (under consume_lock) */
    char consume_message[NG_ERROR_MAX]; /* the consumer's error message (consumer's role only) */
    /* Unordered delivery: thread t hands each doc to take(ctxs[t], doc) itself, with no lock
     * and no window, and take(ctxs[t], NULL) when its input is done; NULL for ordered
     * delivery. */
    void *const *ctxs;
    pipeline_taker take;
} shared;

/* Unordered delivery reads up to this many articles (or PIPELINE_BATCH_BYTES of text) at each
 * turn at the reader: fewer turns, so a thread seldom waits for another to finish reading
 * (which costs a wake-up whenever it does, a long one on a busy machine). */
#define PIPELINE_BATCH 16
#define PIPELINE_BATCH_BYTES ((size_t)1 << 20)

/* One extraction thread. */
typedef struct thread_state {
    shared *s;
    void *ctx;                    /* unordered: this thread's consumer context */
    size_t articles, repaired, undated; /* unordered: this thread's counts */
    double cpu;                   /* CPU seconds the thread spent in worker() */
    /* unordered: articles read in one go, taken from the front */
    ng_article *batch[PIPELINE_BATCH];
    size_t n_batch, next_batch;
} thread_state;

double pipeline_cpu_seconds(clockid_t clock)
{
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) return 0.0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double thread_cpu(void) { return pipeline_cpu_seconds(CLOCK_THREAD_CPUTIME_ID); }

static void on_skip(void *ctx, const char *origin, const char *message)
{
    if (ctx) cli_progress_clear(((shared *)ctx)->progress); /* NULL for the lexicon files */
    cli_warn("%s: %s", origin, message);
}

static void fail(shared *s, int error)
{
    if (!s->error) {
        s->error = error;
        snprintf(s->message, sizeof s->message, "%s", ng_error_last());
    }
}

/* The warning for repaired bytes and, with -v, the article's line. */
static void note_doc(shared *s, const ng_doc *doc, const ng_article *article)
{
    if (doc->bad_bytes) {
        cli_progress_clear(s->progress);
        cli_warn("%s: %u invalid bytes replaced (not UTF-8 or Windows-1252)", article->origin,
                 doc->bad_bytes);
    }
    if (cli_verbose && !cli_quiet && !doc->date[0]) {
        cli_progress_clear(s->progress);
        cli_note("%s: no date (no date line or field, no year in its dateline): its relations "
                 "are dated only by their sentences", article->origin);
    }
    if (doc->capped_lists) {
        cli_progress_clear(s->progress);
        cli_warn("%s: %u phrase%s or sentence%s relating too many actors were cut (a "
                 "phrase with more than %d pairs gives none, a sentence at most %d "
                 "relations; docs/errors.md)",
                 article->origin, doc->capped_lists, doc->capped_lists == 1 ? "" : "s",
                 doc->capped_lists == 1 ? "" : "s", NG_EXTRACT_LIST_PAIRS_MAX,
                 NG_EXTRACT_SENTENCE_RELATIONS_MAX);
    }
    if (cli_verbose && !cli_quiet) {
        cli_progress_clear(s->progress);
        cli_note("%s: id %s, date %s, %zu actors, %zu relations", article->origin, doc->id,
                 doc->date[0] ? doc->date : "unknown", doc->n_actors, doc->n_relations);
    }
}

/* Hands docs to the consumer in reader order, whatever order the threads finish in: a doc
 * waits in its slot of the reorder window until every earlier one was consumed. One thread at
 * a time holds the consumer's role (s->consuming) and consumes every doc that is ready,
 * without holding consume_lock while the consumer runs: the other threads only drop their
 * doc into its slot and go back to extracting. Called with consume_lock held; returns with
 * it held. */
static void deliver_in_order(shared *s)
{
    if (s->consuming) return; /* the thread that consumes will take this doc too */
    s->consuming = 1;
    for (;;) {
        /* The slot stays occupied (next_consume unchanged) until the doc is consumed, so no
         * later doc can be put into it meanwhile. */
        pending *p = &s->window[s->next_consume % s->window_size];
        if (!p->doc) break;
        ng_doc *doc = p->doc;
        ng_article *article = p->article;
        int skip = s->error != 0;
        pthread_mutex_unlock(&s->consume_lock);
        int error = NG_OK;
        if (!skip) {
            note_doc(s, doc, article);
            s->repaired += doc->bad_bytes != 0;
            s->articles++;
            s->undated += !doc->date[0];
            error = s->consume(s->ctx, doc);
            if (error < 0) snprintf(s->consume_message, sizeof s->consume_message, "%s",
                                    ng_error_last());
        }
        ng_doc_free(doc);
        ng_article_free(article);
        pthread_mutex_lock(&s->consume_lock);
        if (error < 0 && !s->error) {
            s->error = error;
            memcpy(s->message, s->consume_message, sizeof s->message);
        }
        p->doc = NULL;
        p->article = NULL;
        s->next_consume++;
        pthread_cond_broadcast(&s->turn);
    }
    s->consuming = 0;
}

/* The next article in reader order (*seq its number), or 0 when the input is done or a
 * thread failed; then wakes the threads waiting for a window slot. */
static int read_next(shared *s, ng_article **a, uint64_t *seq)
{
    pthread_mutex_lock(&s->read_lock);
    int error = s->error ? NG_ERROR : ng_reader_next(s->reader, a);
    if (error < 0 && !s->error) fail(s, error);
    if (*a) {
        cli_progress_update(s->progress, ++s->read, ng_reader_bytes(s->reader));
        *seq = s->next_seq++;
    }
    pthread_mutex_unlock(&s->read_lock);
    if (error < 0 || !*a) {
        pthread_mutex_lock(&s->consume_lock);
        pthread_cond_broadcast(&s->turn);
        pthread_mutex_unlock(&s->consume_lock);
        return 0;
    }
    return 1;
}

/* Unordered delivery: the next article of the thread's batch, refilled from the reader when
 * empty; 0 when the input is done or a thread failed. */
static int take_next(thread_state *t, ng_article **a)
{
    shared *s = t->s;
    if (t->next_batch == t->n_batch) {
        size_t bytes = 0;
        int error = NG_OK;
        t->n_batch = t->next_batch = 0;
        pthread_mutex_lock(&s->read_lock);
        while (!s->error && t->n_batch < PIPELINE_BATCH && bytes < PIPELINE_BATCH_BYTES) {
            ng_article *b = NULL;
            if ((error = ng_reader_next(s->reader, &b)) < 0) fail(s, error);
            if (!b) break;
            cli_progress_update(s->progress, ++s->read, ng_reader_bytes(s->reader));
            t->batch[t->n_batch++] = b;
            bytes += b->len;
        }
        pthread_mutex_unlock(&s->read_lock);
    }
    if (t->next_batch == t->n_batch) return 0;
    *a = t->batch[t->next_batch++];
    return 1;
}

/* Ordered delivery: puts the doc in its window slot (waiting for one) and consumes whatever
 * is ready. Takes the doc and the article; returns 0, or -1 when the run is failing. */
static int deliver(shared *s, uint64_t seq, int error, ng_doc *doc, ng_article *a)
{
    pthread_mutex_lock(&s->consume_lock);
    if (error < 0) fail(s, error);
    while (!s->error && seq >= s->next_consume + s->window_size)
        pthread_cond_wait(&s->turn, &s->consume_lock);
    if (s->error) {
        pthread_cond_broadcast(&s->turn);
        pthread_mutex_unlock(&s->consume_lock);
        ng_doc_free(doc);
        ng_article_free(a);
        return -1;
    }
    pending *p = &s->window[seq % s->window_size];
    p->doc = doc;
    p->article = a;
    deliver_in_order(s);
    pthread_cond_broadcast(&s->turn);
    pthread_mutex_unlock(&s->consume_lock);
    return 0;
}

/* Unordered delivery: the thread hands its own doc (NULL: its input is done) to its own
 * context, waiting for no one. A failure is recorded under read_lock, which every thread takes
 * next (and stops). */
static int take_own(thread_state *t, ng_doc *doc)
{
    shared *s = t->s;
    int error = s->take(t->ctx, doc);
    if (error < 0) {
        pthread_mutex_lock(&s->read_lock);
        fail(s, error);
        pthread_mutex_unlock(&s->read_lock);
    }
    return error < 0 ? -1 : 0;
}

/* Unordered delivery of one extracted article: the doc goes to take_own (which owns it
 * from then on), the article is freed. */
static int consume_own(thread_state *t, int error, ng_doc *doc, ng_article *a)
{
    shared *s = t->s;
    if (error >= 0) {
        if (doc->bad_bytes || doc->capped_lists || cli_verbose) {
            pthread_mutex_lock(&s->read_lock); /* one message at a time */
            note_doc(s, doc, a);
            pthread_mutex_unlock(&s->read_lock);
        }
        t->repaired += doc->bad_bytes != 0;
        t->articles++;
        t->undated += !doc->date[0];
        ng_article_free(a);
        return take_own(t, doc);
    }
    pthread_mutex_lock(&s->read_lock);
    fail(s, error);
    pthread_mutex_unlock(&s->read_lock);
    ng_doc_free(doc);
    ng_article_free(a);
    return -1;
}

static void *worker(void *arg)
{
    thread_state *t = arg;
    shared *s = t->s;
    double cpu0 = thread_cpu();
    for (;;) {
        ng_article *a = NULL;
        ng_doc *doc = NULL;
        uint64_t seq = 0;
        if (!(s->ctxs ? take_next(t, &a) : read_next(s, &a, &seq))) break;
        int error = ng_extract_article(&doc, s->lex, a);
        free(a->text); /* the text is done with; the doc may wait in the window */
        a->text = NULL;
        a->len = 0;
        if ((s->ctxs ? consume_own(t, error, doc, a) : deliver(s, seq, error, doc, a)) < 0) break;
    }
    if (s->ctxs && !s->error) take_own(t, NULL); /* what waits in its context */
    while (t->next_batch < t->n_batch) ng_article_free(t->batch[t->next_batch++]); /* failed */
    t->cpu = thread_cpu() - cpu0;
    return NULL;
}

int pipeline_threads(const pipeline_opts *opts) { return ng_thread_count(opts->threads); }

/* The lexicon of --actors and --lexicon; NULL after printing why, with *rc set to 2 when a
 * --lexicon row names a relation that is not declared (a bad user file), else left alone. */
static ng_lexicon *load_lexicon(const pipeline_opts *opts, int *rc)
{
    ng_lexicon *lex = NULL;
    int error = 0;
    if ((error = ng_lexicon_new(&lex)) < 0) goto fail;
    for (size_t i = 0; i < opts->actors.n; i++) {
        if ((error = ng_lexicon_load_actors(lex, opts->actors.items[i], on_skip, NULL)) < 0)
            goto fail;
    }
    for (size_t i = 0; i < opts->lexicons.n; i++) {
        if ((error = ng_lexicon_load_triggers(lex, opts->lexicons.items[i], on_skip, NULL)) < 0) {
            if (error == NG_EINVAL) *rc = NG_EXIT_USAGE; /* a relation that is not declared */
            goto fail;
        }
    }
    return lex;
fail:
    cli_error("%s", ng_error_last());
    ng_lexicon_free(lex);
    return NULL;
}

/* The lexicon loaded on a second thread while the inputs are listed (-j2 and more): both
 * come before any article, on one thread they were a serial start of every run. Only the
 * built-in lexicon (no --actors, no --lexicon file), which warns of nothing: a user file's
 * warnings would otherwise mix with the listing's. */
typedef struct lexicon_job {
    const pipeline_opts *opts;
    ng_lexicon *lex;
    int rc;
    int threaded; /* a thread runs it (joined by lexicon_join) */
    pthread_t tid;
} lexicon_job;

static void *lexicon_job_run(void *arg)
{
    lexicon_job *j = arg;
    j->lex = load_lexicon(j->opts, &j->rc);
    return NULL;
}

static void lexicon_start(lexicon_job *j, int threads)
{
    if (threads > 1 && j->opts->actors.n == 0 && j->opts->lexicons.n == 0 &&
        pthread_create(&j->tid, NULL, lexicon_job_run, j) == 0) {
        j->threaded = 1;
        return;
    }
    lexicon_job_run(j);
}

/* The lexicon (NULL after its error was printed); the thread joined. */
static ng_lexicon *lexicon_join(lexicon_job *j)
{
    if (j->threaded) pthread_join(j->tid, NULL);
    j->threaded = 0;
    return j->lex;
}

/* Runs n workers (the calling thread alone when n == 1) and sums what they report. */
static void run_workers(shared *s, int n, pipeline_stats *stats)
{
    thread_state ts[NG_THREADS_MAX];
    pthread_t tids[NG_THREADS_MAX];
    int started = 0;
    memset(ts, 0, sizeof ts);
    for (int i = 0; i < n; i++) {
        ts[i].s = s;
        ts[i].ctx = s->ctxs ? s->ctxs[i] : NULL;
    }
    if (n > 1) {
        for (int i = 0; i < n; i++) {
            if (pthread_create(&tids[i], NULL, worker, &ts[i]) != 0) break;
            started++;
        }
    }
    if (started == 0) worker(&ts[0]);
    for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
    stats->threads = started ? started : 1;
    for (int i = 0; i < stats->threads; i++) {
        s->articles += ts[i].articles;
        s->undated += ts[i].undated;
        s->repaired += ts[i].repaired;
        stats->cpu_seconds += ts[i].cpu;
        if (ts[i].cpu > stats->cpu_max_seconds) stats->cpu_max_seconds = ts[i].cpu;
    }
}

/* The pipeline with ordered delivery to (consume, ctx), or unordered delivery to
 * (take, ctxs[thread]) when ctxs is set. */
static int run(const cli_list *inputs, const pipeline_opts *opts, pipeline_consumer consume,
               void *ctx, void *const *ctxs, pipeline_taker take, pipeline_stats *stats)
{
    int rc = NG_EXIT_FAILED;
    ng_lexicon *lex = NULL;
    shared s;
    double t0 = ng_clock_seconds();
    memset(&s, 0, sizeof s);
    memset(stats, 0, sizeof *stats);
    pthread_mutex_init(&s.read_lock, NULL);
    pthread_mutex_init(&s.consume_lock, NULL);
    pthread_cond_init(&s.turn, NULL);

    lexicon_job lj = {opts, NULL, rc, 0, 0};
    int n = pipeline_threads(opts);
    lexicon_start(&lj, n);
    if (!lj.threaded && !lj.lex) {
        rc = lj.rc;
        goto cleanup;
    }
    ng_reader_opts ro = {opts->max_article_bytes, on_skip, &s, 0, n};
    int listed = ng_reader_new(&s.reader, inputs->items, inputs->n, &ro);
    if (listed < 0) cli_error("%s", ng_error_last());
    lex = lexicon_join(&lj);
    if (!lex) rc = lj.rc;
    if (listed < 0 || !lex) goto cleanup;
    if (opts->slice_count > 1 &&
        ng_reader_set_slice(s.reader, opts->slice_index, opts->slice_count) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if (opts->writes && ((rc = guard_check(opts->cmd, opts->writes, s.reader, &opts->actors)) ||
                         (rc = guard_check(opts->cmd, opts->writes, NULL, &opts->lexicons)) ||
                         (rc = guard_check(opts->cmd, opts->writes, NULL, &opts->relations))))
        goto cleanup;
    rc = NG_EXIT_FAILED;
    s.lex = lex;
    s.consume = consume;
    s.ctx = ctx;
    s.ctxs = ctxs;
    s.take = take;
    s.window_size = 4 * (size_t)n;
    if (!(s.window = calloc(s.window_size, sizeof *s.window))) {
        cli_error("out of memory");
        goto cleanup;
    }
    cli_progress_new(&s.progress, inputs->items, inputs->n);
    run_workers(&s, n, stats);
    cli_progress_free(s.progress); /* erased before any message below */
    s.progress = NULL;
    if (s.error) {
        cli_error("%s", s.message);
        goto cleanup;
    }
    stats->articles = s.articles;
    stats->repaired = s.repaired;
    stats->undated = s.undated;
    stats->skipped = ng_reader_skipped(s.reader);
    stats->bytes = ng_reader_bytes(s.reader);
    if (s.articles == 0 && opts->slice_count <= 1) {
        cli_error("%s: no article was read (%zu inputs skipped, %zu files that are not articles): "
                  "nothing written; newsgraph reads %s", opts->cmd ? opts->cmd : "newsgraph",
                  stats->skipped, ng_reader_not_articles(s.reader), ng_reader_article_extensions());
        goto cleanup;
    }
    rc = NG_EXIT_OK;
cleanup:
    stats->seconds = ng_clock_seconds() - t0;
    ng_reader_free(s.reader);
    ng_lexicon_free(lex);
    pthread_mutex_destroy(&s.read_lock);
    pthread_mutex_destroy(&s.consume_lock);
    pthread_cond_destroy(&s.turn);
    for (size_t i = 0; s.window && i < s.window_size; i++) { /* left by a failed run */
        ng_doc_free(s.window[i].doc);
        ng_article_free(s.window[i].article);
    }
    free(s.window);
    return rc;
}

int pipeline_run(const cli_list *inputs, const pipeline_opts *opts, pipeline_consumer consume,
                 void *ctx, pipeline_stats *stats)
{
    return run(inputs, opts, consume, ctx, NULL, NULL, stats);
}

/* Unordered delivery to one graph: each thread adds its own docs, under a lock. The graph is
 * held once, where a partial graph per thread held an aggregate for every edge that thread
 * had seen: with many articles per edge, nearly every edge in each, so -jN held the graph's
 * aggregates about N times until they were absorbed (issue 16.4: ten distinct copies of a
 * corpus peaked at 1.42x one copy with -j2, 1.20x with -j1). Adding is about a fifth of a
 * doc's cost, so a thread often found the lock taken (a fifth of the docs with -j2) and
 * waited: instead it keeps the doc (at most ADD_DEFER docs) and goes on extracting, and adds
 * them all at its next turn; it waits only with ADD_DEFER docs kept, or at the end. */
#define ADD_DEFER 16

typedef struct locked_graph {
    ng_graph *g;
    pthread_mutex_t lock;
} locked_graph;

typedef struct graph_adder { /* one thread's */
    locked_graph *lg;
    ng_doc *docs[ADD_DEFER]; /* extracted, not yet added */
    size_t n;
} graph_adder;

/* pipeline_taker: keeps `doc` and adds what is kept when the lock is free (waiting for it
 * when ADD_DEFER docs are kept, or when doc is NULL: the thread's input is done). */
static int add_doc_deferred(void *ctx, ng_doc *doc)
{
    graph_adder *a = ctx;
    int error = NG_OK;
    if (doc) a->docs[a->n++] = doc;
    if (a->n == 0) return NG_OK;
    if (doc && a->n < ADD_DEFER) {
        if (pthread_mutex_trylock(&a->lg->lock) != 0) return NG_OK; /* later */
    } else {
        pthread_mutex_lock(&a->lg->lock);
    }
    for (size_t i = 0; i < a->n && error >= 0; i++) error = ng_graph_add_doc(a->lg->g, a->docs[i]);
    pthread_mutex_unlock(&a->lg->lock);
    for (size_t i = 0; i < a->n; i++) ng_doc_free(a->docs[i]); /* out of the lock */
    a->n = 0;
    return error;
}

typedef struct ordered_ctx {
    ng_graph *g;
    const pipeline_opts *opts;
} ordered_ctx;

/* With opts->also: the doc into the one graph, then to also(), in read order. */
static int add_doc_in_order(void *ctx, const ng_doc *doc)
{
    const ordered_ctx *c = ctx;
    int error = ng_graph_add_doc(c->g, doc);
    return error < 0 ? error : c->opts->also(c->opts->also_ctx, doc);
}

int pipeline_build_graph(ng_graph **out, const cli_list *inputs, const pipeline_opts *opts,
                         pipeline_stats *stats)
{
    int rc = NG_EXIT_FAILED, n = pipeline_threads(opts);
    locked_graph lg = {NULL, PTHREAD_MUTEX_INITIALIZER};
    graph_adder adders[NG_THREADS_MAX];
    void *ctxs[NG_THREADS_MAX];
    *out = NULL;
    memset(stats, 0, sizeof *stats);
    memset(adders, 0, sizeof adders);
    if (cli_graph_new(&lg.g) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    for (int i = 0; i < n; i++) {
        adders[i].lg = &lg;
        ctxs[i] = &adders[i];
    }
    ordered_ctx oc = {lg.g, opts};
    rc = opts->also ? run(inputs, opts, add_doc_in_order, &oc, NULL, NULL, stats)
                    : run(inputs, opts, NULL, NULL, ctxs, add_doc_deferred, stats);
    if (rc != NG_EXIT_OK) goto cleanup;
    *out = lg.g;
    lg.g = NULL;
    ng_graph_set_threads(*out, n); /* what its finish may use */
cleanup:
    for (int i = 0; i < n && i < NG_THREADS_MAX; i++) /* kept by a failed run */
        for (size_t k = 0; k < adders[i].n; k++) ng_doc_free(adders[i].docs[k]);
    ng_graph_free(lg.g);
    pthread_mutex_destroy(&lg.lock);
    return rc;
}

void pipeline_opts_free(pipeline_opts *opts)
{
    cli_list_free(&opts->relations);
    cli_list_free(&opts->actors);
    cli_list_free(&opts->lexicons);
}

void pipeline_report_undated(const pipeline_stats *stats)
{
    if (cli_quiet || stats->undated == 0) return;
    fprintf(stderr, "newsgraph: %zu article%s without a date (no date line or field, no year in "
            "the dateline)%s\n", stats->undated, stats->undated == 1 ? "" : "s",
            cli_verbose ? "" : ": -v names them");
}
