/* partials.c - partial graphs absorbed into one, pairwise on several threads (partials.h). */
#include "partials.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>


typedef struct pair {
    ng_graph **into, **from; /* slots of parts[] */
    int error;
    char message[1024];
} pair;

typedef struct round {
    pair *pairs;
    size_t n, next;
    pthread_mutex_t lock;
} round;

/* The smaller graph (by docs) is absorbed: the work is linear in its aggregates. */
static void absorb_pair(pair *p)
{
    if (ng_graph_article_count(*p->from) > ng_graph_article_count(*p->into)) {
        ng_graph *t = *p->into;
        *p->into = *p->from;
        *p->from = t;
    }
    if ((p->error = ng_graph_absorb(*p->into, *p->from)) < 0)
        snprintf(p->message, sizeof p->message, "%s", ng_error_last());
}

static void *round_worker(void *arg)
{
    round *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        size_t k = r->next < r->n ? r->next++ : SIZE_MAX;
        pthread_mutex_unlock(&r->lock);
        if (k == SIZE_MAX) return NULL;
        absorb_pair(&r->pairs[k]);
    }
}

/* Runs the round's pairs on up to `threads` threads (the calling thread is one of them). */
static void run_round(round *r, int threads)
{
    pthread_t tids[NG_THREADS_MAX];
    size_t want = threads > 1 ? (size_t)threads : 1, started = 0;
    if (want > r->n) want = r->n;
    if (want > NG_THREADS_MAX) want = NG_THREADS_MAX;
    for (size_t i = 1; i < want; i++) {
        if (pthread_create(&tids[started], NULL, round_worker, r) != 0) break;
        started++;
    }
    round_worker(r);
    for (size_t i = 0; i < started; i++) pthread_join(tids[i], NULL);
}

int partials_absorb(ng_graph **parts, size_t n, int threads)
{
    pair pairs[NG_THREADS_MAX];
    for (size_t step = 1; step < n; step *= 2) {
        round r;
        memset(&r, 0, sizeof r);
        r.pairs = pairs;
        /* at most n/2 pairs per round; rounds of more than NG_THREADS_MAX pairs are
         * cut in pieces (the pairs of a round are independent) */
        for (size_t i = 0; i + step < n; i += 2 * step) {
            pairs[r.n].into = &parts[i];
            pairs[r.n].from = &parts[i + step];
            pairs[r.n].error = 0;
            if (++r.n == NG_THREADS_MAX || i + 3 * step >= n) {
                pthread_mutex_init(&r.lock, NULL);
                run_round(&r, threads);
                pthread_mutex_destroy(&r.lock);
                for (size_t k = 0; k < r.n; k++) {
                    if (pairs[k].error < 0) {
                        ng_error_set("%s", pairs[k].message);
                        return pairs[k].error;
                    }
                }
                r.n = r.next = 0;
            }
        }
    }
    return NG_OK;
}
