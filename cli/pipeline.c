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
    char message[1024];
    size_t articles, repaired;
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
    char consume_message[1024];   /* the consumer's error message (consumer's role only) */
} shared;

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
            if (doc->bad_bytes) {
                s->repaired++;
                cli_progress_clear(s->progress);
                cli_warn("%s: %u invalid bytes replaced (not UTF-8 or Windows-1252)",
                         article->origin, doc->bad_bytes);
            }
            s->articles++;
            if (cli_verbose && !cli_quiet) {
                cli_progress_clear(s->progress);
                fprintf(stderr, "newsgraph: %s: id %s, date %s, %zu actors, %zu relations\n",
                        article->origin, doc->id, doc->date[0] ? doc->date : "unknown",
                        doc->n_actors, doc->n_relations);
            }
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

static void *worker(void *arg)
{
    shared *s = arg;
    for (;;) {
        ng_article *a = NULL;
        ng_doc *doc = NULL;
        uint64_t seq = 0;
        int error;
        pthread_mutex_lock(&s->read_lock);
        error = s->error ? NG_ERROR : ng_reader_next(s->reader, &a);
        if (error < 0 && !s->error) fail(s, error);
        if (a) {
            cli_progress_update(s->progress, ++s->read, ng_reader_bytes(s->reader));
            seq = s->next_seq++;
        }
        pthread_mutex_unlock(&s->read_lock);
        if (error < 0 || !a) {
            /* Wake the threads waiting for a window slot: nothing more will arrive. */
            pthread_mutex_lock(&s->consume_lock);
            pthread_cond_broadcast(&s->turn);
            pthread_mutex_unlock(&s->consume_lock);
            return NULL;
        }
        error = ng_extract_article(&doc, s->lex, a);
        free(a->text); /* the text is done with; the doc may wait in the window */
        a->text = NULL;
        a->len = 0;
        pthread_mutex_lock(&s->consume_lock);
        if (error < 0) fail(s, error);
        while (!s->error && seq >= s->next_consume + s->window_size)
            pthread_cond_wait(&s->turn, &s->consume_lock);
        if (s->error) {
            pthread_cond_broadcast(&s->turn);
            pthread_mutex_unlock(&s->consume_lock);
            ng_doc_free(doc);
            ng_article_free(a);
            return NULL;
        }
        pending *p = &s->window[seq % s->window_size];
        p->doc = doc;
        p->article = a;
        deliver_in_order(s);
        pthread_cond_broadcast(&s->turn);
        pthread_mutex_unlock(&s->consume_lock);
    }
}

int pipeline_run(const cli_list *inputs, const pipeline_opts *opts, pipeline_consumer consume,
                 void *ctx, pipeline_stats *stats)
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

    if (ng_lexicon_new(&lex) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    for (size_t i = 0; i < opts->actors.n; i++) {
        if (ng_lexicon_load_actors(lex, opts->actors.items[i], on_skip, NULL) < 0) {
            cli_error("%s", ng_error_last());
            goto cleanup;
        }
    }
    for (size_t i = 0; i < opts->lexicons.n; i++) {
        int error = ng_lexicon_load_triggers(lex, opts->lexicons.items[i], on_skip, NULL);
        if (error < 0) {
            cli_error("%s", ng_error_last());
            if (error == NG_EINVAL) rc = NG_EXIT_USAGE; /* a relation that is not declared */
            goto cleanup;
        }
    }
    ng_reader_opts ro = {opts->max_article_bytes, on_skip, &s, 0};
    if (ng_reader_new(&s.reader, inputs->items, inputs->n, &ro) < 0 ||
        (opts->slice_count > 1 &&
         ng_reader_set_slice(s.reader, opts->slice_index, opts->slice_count) < 0)) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if (opts->writes && ((rc = guard_check(opts->cmd, opts->writes, s.reader, &opts->actors)) ||
                         (rc = guard_check(opts->cmd, opts->writes, NULL, &opts->lexicons))))
        goto cleanup;
    rc = NG_EXIT_FAILED;
    s.lex = lex;
    s.consume = consume;
    s.ctx = ctx;
    cli_progress_new(&s.progress, inputs->items, inputs->n);

    int n = ng_thread_count(opts->threads);
    s.window_size = 4 * (size_t)n;
    if (!(s.window = calloc(s.window_size, sizeof *s.window))) {
        cli_error("out of memory");
        goto cleanup;
    }
    if (n == 1) {
        worker(&s);
    } else {
        pthread_t tids[NG_THREADS_MAX];
        int started = 0;
        for (int i = 0; i < n; i++) {
            if (pthread_create(&tids[i], NULL, worker, &s) != 0) break;
            started++;
        }
        if (started == 0) worker(&s);
        for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
    }
    cli_progress_free(s.progress); /* erased before any message below */
    s.progress = NULL;
    if (s.error) {
        cli_error("%s", s.message);
        goto cleanup;
    }
    stats->articles = s.articles;
    stats->repaired = s.repaired;
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

void pipeline_opts_free(pipeline_opts *opts)
{
    cli_list_free(&opts->relations);
    cli_list_free(&opts->actors);
    cli_list_free(&opts->lexicons);
}
