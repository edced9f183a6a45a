/* progress.c - the progress line on standard error (see progress.h). */
#include "progress.h"

#include "cmd.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROGRESS_FIRST_DRAW 0.5 /* seconds before the first line: short runs stay silent */
#define PROGRESS_INTERVAL 0.2   /* at most 5 redraws a second */
#define WALK_MAX_DEPTH 64       /* as the reader: deeper directories are skipped */

struct cli_progress {
    pthread_mutex_t lock;
    uint64_t total;  /* estimated bytes, 0 = unknown */
    double start, last_draw;
    size_t shown;    /* characters of the line now on screen, 0 = none */
    const char *phase; /* the phase of cli_progress_phase, and when it started */
    double phase_start;
};

/* The uncompressed size a gzip file records in its last 4 bytes (modulo 4 GiB), or the file
 * size when it is not gzip. Returns 0 when unknown. */
static uint64_t file_bytes(const char *path, const struct stat *st)
{
    unsigned char head[2], tail[4];
    uint64_t size = (uint64_t)st->st_size;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    if (size >= 18 && pread(fd, head, 2, 0) == 2 && head[0] == 0x1f && head[1] == 0x8b) {
        uint64_t isize = 0;
        if (pread(fd, tail, 4, (off_t)(size - 4)) == 4)
            isize = (uint64_t)tail[0] | (uint64_t)tail[1] << 8 | (uint64_t)tail[2] << 16 |
                    (uint64_t)tail[3] << 24;
        /* A compressed file above 4 GiB wraps the trailer: its size is unknown. */
        size = size >= ((uint64_t)1 << 32) ? 0 : isize;
    }
    close(fd);
    return size;
}

/* Adds the size of `path` to *total; sets *unknown when some part cannot be sized. */
static void add_path(const char *path, int depth, uint64_t *total, int *unknown)
{
    struct stat st;
    if (stat(path, &st) != 0) return; /* the reader skips it too */
    if (S_ISREG(st.st_mode)) {
        uint64_t n = file_bytes(path, &st);
        if (n == 0 && st.st_size > 0) *unknown = 1;
        *total += n;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (depth == 0) *unknown = 1; /* a pipe given by name: read, size unknown */
        return;
    }
    if (depth >= WALK_MAX_DEPTH) return;
    DIR *d = opendir(path);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) && !*unknown) {
        if (e->d_name[0] == '.') continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *sub = malloc(n);
        if (!sub) {
            *unknown = 1;
            break;
        }
        snprintf(sub, n, "%s/%s", path, e->d_name);
        add_path(sub, depth + 1, total, unknown);
        free(sub);
    }
    closedir(d);
}

uint64_t cli_progress_estimate(const char *const *inputs, size_t n_inputs)
{
    uint64_t total = 0;
    int unknown = 0;
    for (size_t i = 0; i < n_inputs && !unknown; i++) {
        if (strcmp(inputs[i], "-") == 0) unknown = 1;
        else add_path(inputs[i], 0, &total, &unknown);
    }
    return unknown ? 0 : total;
}

/* "1:05" or "2:01:05". */
static void format_duration(char *buf, size_t size, double seconds)
{
    unsigned long s = seconds < 0 ? 0 : seconds > 359999 ? 359999 : (unsigned long)(seconds + 0.5);
    if (s >= 3600) snprintf(buf, size, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
    else snprintf(buf, size, "%lu:%02lu", s / 60, s % 60);
}

void cli_progress_format(char *buf, size_t size, size_t articles, uint64_t bytes,
                         uint64_t total, double seconds)
{
    double mb = (double)bytes / 1e6;
    double rate = seconds > 0 ? mb / seconds : 0;
    int n = snprintf(buf, size, "newsgraph: %zu article%s, %.1f MB, %.1f MB/s", articles,
                     articles == 1 ? "" : "s", mb, rate);
    if (n < 0 || (size_t)n >= size || total == 0) return;
    /* The estimate can fall short of what is read (a CSV's text vs its size): hold at 99%. */
    double frac = (double)bytes / (double)total;
    if (frac > 0.99) frac = 0.99;
    int pct = (int)(frac * 100);
    if (rate > 0 && bytes > 0) {
        char eta[32];
        format_duration(eta, sizeof eta, seconds * (1 - frac) / frac);
        snprintf(buf + n, size - (size_t)n, ", %d%%, ETA %s", pct, eta);
    } else {
        snprintf(buf + n, size - (size_t)n, ", %d%%", pct);
    }
}

int cli_progress_new(cli_progress **out, const char *const *inputs, size_t n_inputs)
{
    *out = NULL;
    if (cli_quiet || !isatty(STDERR_FILENO)) return 0;
    cli_progress *p = calloc(1, sizeof *p);
    if (!p) return 0;
    pthread_mutex_init(&p->lock, NULL);
    p->total = cli_progress_estimate(inputs, n_inputs);
    p->start = p->last_draw = ng_clock_seconds();
    *out = p;
    return 0;
}

void cli_progress_format_phase(char *buf, size_t size, const char *phase, size_t done,
                               size_t total, double seconds)
{
    int n = snprintf(buf, size, "newsgraph: %s", phase);
    if (n < 0 || (size_t)n >= size || total == 0) return;
    double frac = (double)done / (double)total;
    int m = snprintf(buf + n, size - (size_t)n, ": %zu/%zu sources, %d%%", done, total,
                     (int)(frac * 100));
    if (m < 0 || (size_t)(n + m) >= size || done == 0 || seconds <= 0) return;
    char eta[32];
    format_duration(eta, sizeof eta, seconds * (1 - frac) / frac);
    snprintf(buf + n + m, size - (size_t)(n + m), ", ETA %s", eta);
}

/* Overwrites the shown line with spaces and returns to its start. Lock held. */
static void erase(cli_progress *p)
{
    if (!p->shown) return;
    fprintf(stderr, "\r%*s\r", (int)p->shown, "");
    fflush(stderr);
    p->shown = 0;
}

/* Draws `line` over the shown one. Lock held. */
static void draw(cli_progress *p, const char *line, double t)
{
    size_t len = strlen(line);
    /* Pad over a longer previous line instead of using terminal escapes. */
    fprintf(stderr, "\r%s%*s", line, p->shown > len ? (int)(p->shown - len) : 0, "");
    fflush(stderr);
    if (len > p->shown) p->shown = len;
    p->last_draw = t;
}

void cli_progress_update(cli_progress *p, size_t articles, uint64_t bytes)
{
    if (!p) return;
    pthread_mutex_lock(&p->lock);
    double t = ng_clock_seconds();
    if (t - p->last_draw >= PROGRESS_INTERVAL && t - p->start >= PROGRESS_FIRST_DRAW) {
        char line[128];
        cli_progress_format(line, sizeof line, articles, bytes, p->total, t - p->start);
        draw(p, line, t);
    }
    pthread_mutex_unlock(&p->lock);
}

void cli_progress_phase(cli_progress *p, const char *phase, size_t done, size_t total)
{
    if (!p) return;
    pthread_mutex_lock(&p->lock);
    double t = ng_clock_seconds();
    int changed = phase != p->phase;
    if (changed) {
        p->phase = phase;
        p->phase_start = t;
    }
    /* a new phase is shown at once (once the run is past its first half second) */
    if ((changed || t - p->last_draw >= PROGRESS_INTERVAL) && t - p->start >= PROGRESS_FIRST_DRAW) {
        char line[160];
        cli_progress_format_phase(line, sizeof line, phase, done, total, t - p->phase_start);
        draw(p, line, t);
    }
    pthread_mutex_unlock(&p->lock);
}

void cli_progress_clear(cli_progress *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->lock);
    erase(p);
    pthread_mutex_unlock(&p->lock);
}

void cli_progress_free(cli_progress *p)
{
    if (!p) return;
    cli_progress_clear(p);
    pthread_mutex_destroy(&p->lock);
    free(p);
}
