/* igraph_glue.c - igraph's error and warning handlers.
 *
 * igraph's default error handler aborts the process. Ours records the reason as this
 * thread's ng_error message, frees igraph's temporaries (IGRAPH_FINALLY_FREE, as igraph's
 * documentation requires of handlers that return) and returns, so the failed call returns
 * its error code and ng_igraph__check turns it into NG_EGRAPH.
 *
 * Handlers are process-wide in igraph 0.10 (Debian's build is not thread-safe:
 * IGRAPH_THREAD_SAFE is 0, the handler, the error state and the FINALLY stack are globals).
 * Installing the same two functions once, from whichever ng_graph call comes first, is safe
 * because nothing else in newsgraph installs igraph handlers and every igraph call happens
 * in the graph stage, on one thread at a time: extraction never touches igraph, and the
 * path metrics that run on several threads (metrics_paths.c) use no igraph function (only
 * igraph_cmp_epsilon, which touches no state), also while PageRank, eigenvector centrality
 * and Leiden run beside them on a thread of their own (metrics.c).
 */
#include "graph_internal.h"

#include <pthread.h>
#ifdef _OPENMP
#include <omp.h>
#endif

static _Thread_local char first_error[1024];

void ng_igraph__first_error_reset(void) { first_error[0] = '\0'; }
const char *ng_igraph__first_error(void) { return first_error; }

static void on_igraph_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    ng_error_set("igraph: %s (%s, at %s:%d)", reason ? reason : "unknown error",
                 igraph_strerror(err), file ? file : "?", line);
    if (!first_error[0]) snprintf(first_error, sizeof first_error, "%s", ng_error_last());
    IGRAPH_FINALLY_FREE();
}

/* Warnings (e.g. "graph is disconnected") are expected on real graphs and are handled by
 * our own guards; printing them would only clutter the user's terminal. */
static void on_igraph_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

static pthread_once_t install_once = PTHREAD_ONCE_INIT;

static void install(void)
{
#ifdef _OPENMP
    /* Debian's libigraph runs PRPACK's PageRank with OpenMP: the sums are then added in an
     * order that changes from run to run, and the last digits of every PageRank with them.
     * One OpenMP thread makes the output byte-identical (our threads are in extraction). */
    omp_set_num_threads(1);
#endif
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(on_igraph_warning);
}

void ng_igraph__init(void) { pthread_once(&install_once, install); }

void ng_igraph__thread_init(void)
{
#ifdef _OPENMP
    omp_set_num_threads(1);
#endif
}

int ng_igraph__check(igraph_error_t rc)
{
    if (rc == IGRAPH_SUCCESS) return NG_OK;
    return NG_EGRAPH;
}
