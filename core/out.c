/* out.c - atomic output files: write to a temporary file beside the target, rename on commit.
 *
 * A failed or interrupted run never leaves a half-written file at the target path: the data
 * goes to "<target>.tmp.XXXXXXXX", and only ng_out_commit renames it into place, after every
 * write succeeded and the file was flushed and closed. Writes keep the first error (sticky),
 * so writers need no check per call.
 *
 * The temporary name is not predictable and is created exclusively (O_CREAT | O_EXCL |
 * O_NOFOLLOW, a new random suffix on a clash), so a link planted at a guessed name is never
 * written through, and two runs that share a directory and a process id (containers on one
 * volume) never write into the same temporary file. Its mode is the one any new file gets
 * (0666 less the umask), as the target's would be without the rename.
 *
 * Targets that are not regular files are written directly and never replaced: a device
 * (/dev/full), a FIFO, a socket, and any path whose links lead into /dev or /proc (/dev/stdout
 * with standard output redirected to a file resolves to that regular file, and renaming over
 * /dev/stdout would replace the system's link). A link to a regular file is followed: the
 * temporary file goes beside the file it leads to, and the link stays. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* sync_file_range */
#endif
#include "ng_core.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

struct ng_out {
    char *path;    /* as given, for messages */
    char *target;  /* where the rename goes (links followed); NULL when writing directly */
    char *tmp;     /* NULL when writing directly */
    FILE *fp;
    gzFile gz;
    int error;     /* first errno seen, 0 when fine */
    int is_stdout;
    int handle;    /* the temporary file's entry in the cleanup registry, -1 if none */
    int closed;    /* ng_out_close ran: only the rename is left */
    size_t unsent; /* bytes given since the kernel was last asked to start writing them */
};

/* A temporary file's data must be on disk before the rename (ng_out_close syncs it). Waiting
 * for all of it then made the end of a run wait for the disk (some 0.1 s for a 120 MB GraphML
 * on the build machine) after every thread was done: so the kernel is asked to start writing
 * every WRITEBACK_EVERY bytes, while the writers go on, and the final sync waits only for the
 * last piece. Where sync_file_range does not exist, the final sync does it all. */
#define WRITEBACK_EVERY ((size_t)8 << 20)

static void start_writeback(ng_out *o, size_t len)
{
#if defined(__linux__) && defined(SYNC_FILE_RANGE_WRITE)
    if (!o->tmp || (o->unsent += len) < WRITEBACK_EVERY) return;
    o->unsent = 0;
    if (!o->gz && fflush(o->fp) != 0) {
        o->error = errno ? errno : EIO;
        return;
    }
    /* the gzip stream's own descriptor is a dup of fp's: the same file */
    (void)sync_file_range(fileno(o->fp), 0, 0, SYNC_FILE_RANGE_WRITE); /* a hint: no error */
#else
    (void)o;
    (void)len;
#endif
}

/* ------------------------------------------------------------------ where a path leads */

typedef enum { TARGET_NEW, TARGET_REGULAR, TARGET_DIR, TARGET_DIRECT } target_kind;

#define MAX_LINK_HOPS 40

static int in_system_tree(const char *p)
{
    return strncmp(p, "/dev/", 5) == 0 || strcmp(p, "/dev") == 0 || strncmp(p, "/proc/", 6) == 0 ||
           strcmp(p, "/proc") == 0;
}

/* Follows `path` through its symbolic links, one at a time (not realpath: /proc/self/fd/1
 * would resolve to the file behind standard output, hiding that it is a stream). Gives the
 * last name reached in *final (caller frees; NULL for TARGET_DIRECT) and what it is. */
static int resolve(char **final, target_kind *kind, const char *path)
{
    char *cur = ng_strdup(path), link[PATH_MAX];
    *final = NULL;
    if (!cur) return NG_ENOMEM;
    for (int hop = 0;; hop++) {
        struct stat st;
        if (in_system_tree(cur)) { *kind = TARGET_DIRECT; break; }
        if (lstat(cur, &st) != 0) { *kind = TARGET_NEW; break; }
        if (S_ISREG(st.st_mode)) { *kind = TARGET_REGULAR; break; }
        if (S_ISDIR(st.st_mode)) { *kind = TARGET_DIR; break; }
        if (S_ISLNK(st.st_mode) && hop == MAX_LINK_HOPS) {
            free(cur);
            ng_error_set("%s: too many levels of symbolic links (a loop?)", path);
            return NG_EINVAL;
        }
        ssize_t n = S_ISLNK(st.st_mode) ? readlink(cur, link, sizeof link - 1) : -1;
        if (n < 0) { *kind = TARGET_DIRECT; break; } /* a device, a FIFO, a socket */
        link[n] = '\0';
        ng_buf next = NG_BUF_INIT;
        const char *slash = strrchr(cur, '/');
        if (link[0] != '/' && slash) ng_buf_put(&next, cur, (size_t)(slash - cur) + 1);
        ng_buf_puts(&next, link);
        free(cur);
        if (next.oom) {
            ng_buf_free(&next);
            return NG_ENOMEM;
        }
        cur = ng_buf_detach(&next);
    }
    if (*kind == TARGET_DIRECT) {
        free(cur);
        cur = NULL;
    }
    *final = cur;
    return NG_OK;
}

int ng_out_is_direct(const char *path)
{
    char *final = NULL;
    target_kind kind;
    if (strcmp(path, "-") == 0) return 1;
    if (resolve(&final, &kind, path) < 0) return 0;
    free(final);
    return kind == TARGET_DIRECT;
}

int ng_out_check_path(const char *path)
{
    char *final = NULL;
    target_kind kind;
    int error;
    if (strcmp(path, "-") == 0) return NG_OK;
    if ((error = resolve(&final, &kind, path)) < 0) return error;
    if (kind == TARGET_DIRECT) return NG_OK; /* a device or pipe: written directly */
    if (kind == TARGET_DIR) {
        free(final);
        ng_error_set("%s: is a directory (give a file name)", path);
        return NG_EINVAL;
    }
    char *slash = strrchr(final, '/');
    if (slash == final) final[1] = '\0';
    else if (slash) *slash = '\0';
    else strcpy(final, ".");
    struct stat st;
    if (stat(final, &st) != 0 || !S_ISDIR(st.st_mode)) {
        ng_error_set("%s: output directory '%s' does not exist (create it first)", path, final);
        error = NG_EIO;
    } else if (access(final, W_OK) != 0) {
        ng_error_set("%s: output directory '%s' is not writable", path, final);
        error = NG_EIO;
    }
    free(final);
    return error;
}

/* ------------------------------------------------------------------ the temporary file */

/* Random bytes for the temporary name; when the kernel cannot give them, a mix of the clock,
 * the process and a counter (the name is still created exclusively, so this only makes a
 * clash, and a retry, likelier). */
static void random_bytes(unsigned char *p, size_t n)
{
    static _Atomic unsigned long counter;
    if (getrandom(p, n, GRND_NONBLOCK) == (ssize_t)n) return;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ ((uint64_t)getpid() << 17) ^
                 (uint64_t)counter++;
    for (size_t i = 0; i < n; i++) {
        x += 0x9e3779b97f4a7c15ULL; /* splitmix64 */
        uint64_t z = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        p[i] = (unsigned char)(z ^ (z >> 31));
    }
}

#define TMP_SUFFIX_LEN 8
#define TMP_ATTEMPTS 100

/* Creates "<target>.tmp.XXXXXXXX" exclusively: its name in o->tmp, tracked for the signal
 * handler before the file exists (a signal right after the open must find it; unlinking a
 * name not created yet does nothing), and its descriptor in *fd. */
static int create_tmp(ng_out *o, int *fd)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    ng_buf name = NG_BUF_INIT;
    int err = EEXIST;
    ng_buf_printf(&name, "%s.tmp.%0*d", o->target, TMP_SUFFIX_LEN, 0);
    if (name.oom) return NG_ENOMEM;
    o->tmp = ng_buf_detach(&name);
    if ((o->handle = ng_cleanup_track_file(o->tmp)) < 0) {
        free(o->tmp);
        o->tmp = NULL;
        return NG_ENOMEM;
    }
    char *suffix = o->tmp + strlen(o->tmp) - TMP_SUFFIX_LEN;
    for (int attempt = 0; attempt < TMP_ATTEMPTS && err == EEXIST; attempt++) {
        unsigned char r[TMP_SUFFIX_LEN];
        random_bytes(r, sizeof r);
        for (int i = 0; i < TMP_SUFFIX_LEN; i++) suffix[i] = alphabet[r[i] % (sizeof alphabet - 1)];
        *fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (*fd >= 0) return NG_OK;
        err = errno;
    }
    ng_cleanup_untrack(o->handle);
    o->handle = -1;
    free(o->tmp);
    o->tmp = NULL;
    ng_error_set("%s: cannot create the output file: %s", o->path, strerror(err));
    return NG_EIO;
}

/* Opens the stream for o->path: standard output, the target itself (direct), or a new
 * temporary file beside the target. */
static int open_stream(ng_out *o)
{
    char *final = NULL;
    target_kind kind;
    int error, fd = -1;
    if (strcmp(o->path, "-") == 0) {
        o->is_stdout = 1;
        o->fp = stdout;
        return NG_OK;
    }
    if ((error = resolve(&final, &kind, o->path)) < 0) return error;
    if (kind == TARGET_DIRECT) {
        if (!(o->fp = fopen(o->path, "wb"))) {
            ng_error_set("%s: cannot write: %s", o->path, strerror(errno));
            return NG_EIO;
        }
        return NG_OK;
    }
    o->target = final;
    if ((error = create_tmp(o, &fd)) < 0) return error;
    if (!(o->fp = fdopen(fd, "wb"))) {
        ng_error_set("%s: cannot write: %s", o->path, strerror(errno));
        close(fd);
        return NG_EIO;
    }
    return NG_OK;
}

int ng_out_open(ng_out **out, const char *path, int gzip)
{
    int error = NG_OK;
    ng_out *o = ng_calloc(1, sizeof *o);
    *out = NULL;
    if (!o) return NG_ENOMEM;
    o->handle = -1;
    if (!(o->path = ng_strdup(path))) { error = NG_ENOMEM; goto cleanup; }
    if ((error = open_stream(o)) < 0) goto cleanup;
    if (gzip) {
        int fd = dup(fileno(o->fp));
        if (fd < 0 || !(o->gz = gzdopen(fd, "wb9"))) {
            if (fd >= 0) close(fd);
            ng_error_set("%s: cannot start gzip compression", path);
            error = NG_EIO;
            goto cleanup;
        }
    }
    *out = o;
    return NG_OK;
cleanup:
    ng_out_free(o);
    return error;
}

void ng_out_write(ng_out *o, const void *data, size_t len)
{
    if (!o || o->error || o->closed || len == 0) return;
    size_t given = len;
    if (o->gz) {
        /* gzwrite takes an unsigned length: feed large buffers in pieces. */
        const char *p = data;
        while (len > 0) {
            unsigned n = len > (1u << 30) ? (1u << 30) : (unsigned)len;
            if (gzwrite(o->gz, p, n) != (int)n) {
                int zerr;
                gzerror(o->gz, &zerr);
                o->error = zerr == Z_ERRNO && errno ? errno : EIO;
                return;
            }
            p += n;
            len -= n;
        }
    } else if (fwrite(data, 1, len, o->fp) != len) {
        o->error = errno ? errno : EIO;
        return;
    }
    start_writeback(o, given);
}

void ng_out_puts(ng_out *o, const char *s) { ng_out_write(o, s, strlen(s)); }

void ng_out_printf(ng_out *o, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    if (!o || o->error) return;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->error = EINVAL;
        return;
    }
    if ((size_t)n < sizeof small) {
        ng_out_write(o, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        o->error = ENOMEM;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ng_out_write(o, big, (size_t)n);
    free(big);
}

int ng_out_close(ng_out *o)
{
    if (o->closed) return o->error ? NG_EIO : NG_OK;
    o->closed = 1;
    if (o->gz) {
        int rc = gzclose(o->gz);
        o->gz = NULL;
        if (rc != Z_OK && !o->error) o->error = errno ? errno : EIO;
    }
    if (o->fp) {
        if (fflush(o->fp) != 0 && !o->error) o->error = errno ? errno : EIO;
        if (!o->is_stdout) {
            if (!o->error && o->tmp && fsync(fileno(o->fp)) != 0 && errno != EINVAL)
                o->error = errno;
            if (fclose(o->fp) != 0 && !o->error) o->error = errno ? errno : EIO;
        }
        o->fp = NULL;
    }
    if (o->error) {
        ng_error_set("%s: write failed: %s (nothing was written)", o->path, strerror(o->error));
        return NG_EIO;
    }
    return NG_OK;
}

int ng_out_commit(ng_out *o)
{
    int error;
    if ((error = ng_out_close(o)) < 0) return error;
    if (o->tmp) {
        if (rename(o->tmp, o->target) != 0) {
            ng_error_set("%s: cannot move the finished file into place: %s", o->path,
                         strerror(errno));
            return NG_EIO;
        }
        ng_cleanup_untrack(o->handle);
        o->handle = -1;
        free(o->tmp);
        o->tmp = NULL;
    }
    return NG_OK;
}

void ng_out_free(ng_out *o)
{
    if (!o) return;
    if (o->gz) gzclose(o->gz);
    if (o->fp && !o->is_stdout) fclose(o->fp);
    if (o->tmp) {
        unlink(o->tmp);
        ng_cleanup_untrack(o->handle);
        free(o->tmp);
    }
    free(o->target);
    free(o->path);
    free(o);
}
