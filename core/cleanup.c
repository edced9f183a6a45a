/* cleanup.c - what a signal must not leave behind: temporary files and directories, and the
 * child processes writing into them.
 *
 * The registry has no size limit: it is a chain of blocks of TRACK_BLOCK entries, and a
 * block, once linked, is never freed or moved, so the signal handler can walk the chain at
 * any moment without a lock (a fixed table of 64 entries used to leave the 65th temporary
 * file behind). Entries are taken and given back under a lock by the threads that write;
 * an entry is published by storing its kind last (release), and the handler reads the kind
 * first (acquire), so it never sees a half-written entry. Every operation the handler does
 * (kill, waitpid, unlink, rmdir, atomic loads) is async-signal-safe. */
#include "ng_core.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

enum { TRACK_FREE, TRACK_FILE, TRACK_DIR, TRACK_CHILD };

#define TRACK_BLOCK 64

typedef struct tracked {
    const char *path; /* TRACK_FILE, TRACK_DIR (borrowed) */
    pid_t pid;        /* TRACK_CHILD */
    atomic_int kind;  /* written last */
} tracked;

typedef struct track_block {
    tracked e[TRACK_BLOCK];
    _Atomic(struct track_block *) next;
} track_block;

static track_block first_block;
static pthread_mutex_t track_lock = PTHREAD_MUTEX_INITIALIZER;

static int track(int kind, const char *path, pid_t pid)
{
    int handle = NG_ENOMEM;
    pthread_mutex_lock(&track_lock);
    track_block *b = &first_block;
    for (int base = 0;; base += TRACK_BLOCK) {
        for (int i = 0; i < TRACK_BLOCK; i++) {
            tracked *e = &b->e[i];
            if (atomic_load_explicit(&e->kind, memory_order_relaxed) != TRACK_FREE) continue;
            e->path = path;
            e->pid = pid;
            atomic_store_explicit(&e->kind, kind, memory_order_release);
            handle = base + i;
            goto done;
        }
        track_block *next = atomic_load_explicit(&b->next, memory_order_relaxed);
        if (!next) {
            if (!(next = ng_calloc(1, sizeof *next))) goto done; /* never freed: see above */
            atomic_store_explicit(&b->next, next, memory_order_release);
        }
        b = next;
    }
done:
    pthread_mutex_unlock(&track_lock);
    return handle;
}

int ng_cleanup_track_file(const char *path) { return track(TRACK_FILE, path, 0); }
int ng_cleanup_track_dir(const char *path) { return track(TRACK_DIR, path, 0); }
int ng_cleanup_track_child(pid_t pid) { return track(TRACK_CHILD, NULL, pid); }

void ng_cleanup_untrack(int handle)
{
    if (handle < 0) return;
    pthread_mutex_lock(&track_lock);
    track_block *b = &first_block;
    for (int k = handle / TRACK_BLOCK; b && k > 0; k--)
        b = atomic_load_explicit(&b->next, memory_order_relaxed);
    if (b) atomic_store_explicit(&b->e[handle % TRACK_BLOCK].kind, TRACK_FREE, memory_order_release);
    pthread_mutex_unlock(&track_lock);
}

/* One pass over every live entry of one kind. */
static void run_kind(int kind)
{
    for (track_block *b = &first_block; b; b = atomic_load_explicit(&b->next, memory_order_acquire)) {
        for (int i = 0; i < TRACK_BLOCK; i++) {
            tracked *e = &b->e[i];
            if (atomic_load_explicit(&e->kind, memory_order_acquire) != kind) continue;
            if (kind == TRACK_CHILD) {
                /* our own child, by its id; reaped so that nothing outlives the run */
                kill(e->pid, SIGKILL);
                while (waitpid(e->pid, NULL, 0) < 0 && errno == EINTR) {}
            } else if (kind == TRACK_FILE) {
                unlink(e->path);
            } else {
                rmdir(e->path);
            }
        }
    }
}

void ng_cleanup_run(void)
{
    int saved = errno;
    /* children first (they may still be writing into a tracked directory), then the files,
     * then the directories they were in */
    run_kind(TRACK_CHILD);
    run_kind(TRACK_FILE);
    run_kind(TRACK_DIR);
    errno = saved;
}
