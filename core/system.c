/* system.c - what every stage asks of the machine: a monotonic clock and its core count. */
#include "ng_core.h"

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
