/* pipeline.c - reader -> extraction threads -> consumer, with skipped inputs reported. */
#include "pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct shared {
    ng_reader *reader;
    const ng_lexicon *lex;
    pipeline_consumer consume;
    void *ctx;
    pthread_mutex_t read_lock;    /* the reader is sequential: inputs are read in order */
    pthread_mutex_t consume_lock; /* the consumer sees one doc at a time */
    int error;                    /* first failure: stops every worker */
    char message[1024];
    size_t articles, repaired;
} shared;

static void on_skip(void *ctx, const char *origin, const char *message)
{
    (void)ctx;
    cli_warn("%s: %s", origin, message);
}

static void fail(shared *s, int error)
{
    if (!s->error) {
        s->error = error;
        snprintf(s->message, sizeof s->message, "%s", ng_error_last());
    }
}

static void *worker(void *arg)
{
    shared *s = arg;
    for (;;) {
        ng_article *a = NULL;
        ng_doc *doc = NULL;
        int error;
        pthread_mutex_lock(&s->read_lock);
        error = s->error ? NG_ERROR : ng_reader_next(s->reader, &a);
        if (error < 0 && !s->error) fail(s, error);
        pthread_mutex_unlock(&s->read_lock);
        if (error < 0 || !a) return NULL;
        error = ng_extract_article(&doc, s->lex, a);
        pthread_mutex_lock(&s->consume_lock);
        if (error < 0) {
            fail(s, error);
        } else if (!s->error) {
            if (doc->bad_bytes) {
                s->repaired++;
                cli_warn("%s: %u invalid bytes replaced (not UTF-8 or Windows-1252)",
                         a->origin, doc->bad_bytes);
            }
            s->articles++;
            if ((error = s->consume(s->ctx, doc)) < 0) fail(s, error);
        }
        pthread_mutex_unlock(&s->consume_lock);
        ng_doc_free(doc);
        ng_article_free(a);
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int pipeline_run(const cli_list *inputs, const pipeline_opts *opts, pipeline_consumer consume,
                 void *ctx, pipeline_stats *stats)
{
    int rc = NG_EXIT_FAILED;
    ng_lexicon *lex = NULL;
    shared s;
    double t0 = now();
    memset(&s, 0, sizeof s);
    memset(stats, 0, sizeof *stats);
    pthread_mutex_init(&s.read_lock, NULL);
    pthread_mutex_init(&s.consume_lock, NULL);

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
        if (ng_lexicon_load_triggers(lex, opts->lexicons.items[i], on_skip, NULL) < 0) {
            cli_error("%s", ng_error_last());
            goto cleanup;
        }
    }
    ng_reader_opts ro = {opts->max_article_bytes, on_skip, NULL};
    if (ng_reader_new(&s.reader, inputs->items, inputs->n, &ro) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    s.lex = lex;
    s.consume = consume;
    s.ctx = ctx;

    int n = opts->threads;
    if (n <= 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n = cores > 0 ? (int)cores : 1;
    }
    if (n > 64) n = 64;
    if (n == 1) {
        worker(&s);
    } else {
        pthread_t tids[64];
        int started = 0;
        for (int i = 0; i < n; i++) {
            if (pthread_create(&tids[i], NULL, worker, &s) != 0) break;
            started++;
        }
        if (started == 0) worker(&s);
        for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
    }
    if (s.error) {
        cli_error("%s", s.message);
        goto cleanup;
    }
    stats->articles = s.articles;
    stats->repaired = s.repaired;
    stats->skipped = ng_reader_skipped(s.reader);
    stats->bytes = ng_reader_bytes(s.reader);
    rc = NG_EXIT_OK;
cleanup:
    stats->seconds = now() - t0;
    ng_reader_free(s.reader);
    ng_lexicon_free(lex);
    pthread_mutex_destroy(&s.read_lock);
    pthread_mutex_destroy(&s.consume_lock);
    return rc;
}

void pipeline_opts_free(pipeline_opts *opts)
{
    cli_list_free(&opts->actors);
    cli_list_free(&opts->lexicons);
}
