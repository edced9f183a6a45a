/* spill.c - the graph's temporary file: evidence text kept on disk, not in memory (issue
 * 16.4).
 *
 * An edge keeps counts, dates, its best sentence and a bounded sample of its articles in
 * memory; the text of its kept evidence items (up to NG_GRAPH_MAX_EVIDENCE sentences, and in
 * the finished graph each edge's items as one block) is appended here and read back by
 * position. The file is created on the first write in $TMPDIR (else /tmp) and unlinked at
 * once, so nothing is left behind by a crash or a signal; it is never rewritten, so it grows
 * to at most the text of every mention once kept (an evidence item replaced by an earlier one
 * stays as garbage) plus the finished items.
 *
 * One writer at a time; readers use pread for bytes already written to the file, and read
 * the buffer for the rest (on the thread that writes). The finish's threads instead each
 * reserve a range of the file in turn and write it at once with the others (finish.c). A
 * zeroed ng_spill is an empty one. */
#include "graph_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SPILL_BUF (64 * 1024)

void ng_spill__free(ng_spill *s)
{
    if (s->open) close(s->fd);
    free(s->buf);
    memset(s, 0, sizeof *s);
}

/* mkstemp in $TMPDIR (tracked for the signal handler until it is unlinked). */
static int spill_open(ng_spill *s)
{
    const char *dir = getenv("TMPDIR");
    ng_buf name = NG_BUF_INIT;
    ng_buf_printf(&name, "%s/newsgraph-spill.XXXXXX", dir && *dir ? dir : "/tmp");
    if (!name.ptr) return NG_ENOMEM;
    int fd = mkstemp(name.ptr), saved = errno;
    if (fd >= 0) {
        int handle = ng_cleanup_track_file(name.ptr);
        unlink(name.ptr);
        ng_cleanup_untrack(handle);
        s->fd = fd;
        s->open = 1;
    } else {
        ng_error_set("cannot create a temporary file in %s (%s): set TMPDIR to a writable "
                     "folder", dir && *dir ? dir : "/tmp", strerror(saved));
    }
    ng_buf_free(&name);
    return fd < 0 ? NG_EIO : NG_OK;
}

static int pwrite_all(int fd, const char *p, size_t n, uint64_t at)
{
    while (n > 0) {
        ssize_t w = pwrite(fd, p, n, (off_t)at);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            ng_error_set("cannot write the graph's temporary file (%s): free space in TMPDIR",
                         w < 0 ? strerror(errno) : "no space");
            return NG_EIO;
        }
        p += w;
        n -= (size_t)w;
        at += (uint64_t)w;
    }
    return NG_OK;
}

static int write_all(ng_spill *s, const char *p, size_t n)
{
    int error = pwrite_all(s->fd, p, n, s->flushed);
    if (error >= 0) s->flushed += n;
    return error;
}

int ng_spill__flush(ng_spill *s)
{
    int error = s->n ? write_all(s, s->buf, s->n) : NG_OK;
    s->n = 0;
    return error;
}

int ng_spill__put(ng_spill *s, const void *p, size_t n, uint64_t *at)
{
    int error;
    if (!s->open && (error = spill_open(s)) < 0) return error;
    if (!s->buf && !(s->buf = ng_malloc(SPILL_BUF))) return NG_ENOMEM;
    *at = s->flushed + s->n;
    if (s->n + n > SPILL_BUF && (error = ng_spill__flush(s)) < 0) return error;
    if (n > SPILL_BUF) return write_all(s, p, n);
    memcpy(s->buf + s->n, p, n);
    s->n += n;
    return NG_OK;
}

int ng_spill__reserve(ng_spill *s, size_t n, uint64_t *at)
{
    int error;
    if (!s->open && (error = spill_open(s)) < 0) return error;
    if ((error = ng_spill__flush(s)) < 0) return error;
    *at = s->flushed;
    s->flushed += n;
    return NG_OK;
}

int ng_spill__write_at(const ng_spill *s, const void *p, size_t n, uint64_t at)
{
    return pwrite_all(s->fd, p, n, at);
}

int ng_spill__get(const ng_spill *s, uint64_t at, size_t n, void *out)
{
    char *o = out;
    while (n > 0 && at < s->flushed) {
        size_t want = s->flushed - at < n ? (size_t)(s->flushed - at) : n;
        ssize_t r = pread(s->fd, o, want, (off_t)at);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            ng_error_set("cannot read the graph's temporary file (%s)",
                         r < 0 ? strerror(errno) : "truncated");
            return NG_EIO;
        }
        o += r;
        at += (uint64_t)r;
        n -= (size_t)r;
    }
    if (n > 0) {
        if (at - s->flushed + n > s->n) {
            ng_error_set("internal: read past the end of the graph's temporary file");
            return NG_EINVAL;
        }
        memcpy(o, s->buf + (at - s->flushed), n);
    }
    return NG_OK;
}
