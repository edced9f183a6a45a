/* system.c - what every stage asks of the machine: a monotonic clock, its core count, threads. */
#include "ng_core.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

double ng_clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int ng_thread_count(int requested)
{
    int n = requested;
    if (n <= 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n = cores <= 0 ? 1 : cores > NG_THREADS_MAX ? NG_THREADS_MAX : (int)cores;
    }
    return n > NG_THREADS_MAX ? NG_THREADS_MAX : n;
}

void ng_thread_run(void *(*fn)(void *), void *arg, int n)
{
    pthread_t tids[NG_THREADS_MAX];
    int started = 0;
    if (n > NG_THREADS_MAX) n = NG_THREADS_MAX;
    for (int t = 1; t < n; t++) {
        if (pthread_create(&tids[started], NULL, fn, arg) != 0) break; /* the others share it */
        started++;
    }
    fn(arg);
    for (int t = 0; t < started; t++) pthread_join(tids[t], NULL);
}
