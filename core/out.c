/* out.c - atomic output files: write to a temporary file beside the target, rename on commit.
 *
 * A failed or interrupted run never leaves a half-written file at the target path: the data
 * goes to "<path>.tmp.<pid>.<n>", and only ng_out_commit renames it into place, after every
 * write succeeded and the file was flushed and closed. Writes keep the first error (sticky),
 * so writers need no check per call. Targets that are not regular files (/dev/stdout,
 * /dev/full, a pipe) are written directly. */
#include "ng_core.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

struct ng_out {
    char *path;
    char *tmp;     /* NULL when writing directly */
    FILE *fp;
    gzFile gz;
    int error;     /* first errno seen, 0 when fine */
    int is_stdout;
    int slot;      /* index in the temporary-file registry, -1 if none */
    int closed;    /* ng_out_close ran: only the rename is left */
};

/* Temporary files still open, so that a signal handler can remove them. Outputs may be
 * opened, written and committed from several threads (exports are written in parallel):
 * the table and the counter are changed under a lock; the handler reads the table without
 * it, which is safe because a slot is published (pointer stored) only after its string is
 * complete, and unlinking a name that was just renamed away only fails. */
#define MAX_OPEN_OUTPUTS 64
static char *volatile open_tmp[MAX_OPEN_OUTPUTS];
static unsigned tmp_counter;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;

void ng_out_cleanup_all(void)
{
    for (int i = 0; i < MAX_OPEN_OUTPUTS; i++) {
        char *p = open_tmp[i];
        if (p) unlink(p);
    }
}

static int register_tmp(char *tmp)
{
    int slot = -1;
    pthread_mutex_lock(&registry_lock);
    for (int i = 0; i < MAX_OPEN_OUTPUTS; i++) {
        if (!open_tmp[i]) {
            open_tmp[i] = tmp;
            slot = i;
            break;
        }
    }
    pthread_mutex_unlock(&registry_lock);
    return slot;
}

static void unregister_tmp(int slot)
{
    if (slot < 0) return;
    pthread_mutex_lock(&registry_lock);
    open_tmp[slot] = NULL;
    pthread_mutex_unlock(&registry_lock);
}

static unsigned next_tmp_number(void)
{
    pthread_mutex_lock(&registry_lock);
    unsigned n = tmp_counter++;
    pthread_mutex_unlock(&registry_lock);
    return n;
}

int ng_out_check_path(const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0) return NG_OK;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            ng_error_set("%s: is a directory (give a file name)", path);
            return NG_EINVAL;
        }
        if (!S_ISREG(st.st_mode)) return NG_OK; /* a device or pipe: written directly */
    }
    char *dir = ng_strdup(path);
    if (!dir) return NG_ENOMEM;
    char *slash = strrchr(dir, '/');
    if (slash == dir) dir[1] = '\0';
    else if (slash) *slash = '\0';
    else strcpy(dir, ".");
    int error = NG_OK;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        ng_error_set("%s: output directory '%s' does not exist (create it first)", path, dir);
        error = NG_EIO;
    } else if (access(dir, W_OK) != 0) {
        ng_error_set("%s: output directory '%s' is not writable", path, dir);
        error = NG_EIO;
    }
    free(dir);
    return error;
}

int ng_out_open(ng_out **out, const char *path, int gzip)
{
    int error = NG_OK;
    ng_out *o = ng_calloc(1, sizeof *o);
    *out = NULL;
    if (!o) return NG_ENOMEM;
    o->slot = -1;
    if (!(o->path = ng_strdup(path))) { error = NG_ENOMEM; goto cleanup; }
    struct stat st;
    if (strcmp(path, "-") == 0) {
        o->is_stdout = 1;
        o->fp = stdout;
    } else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (!(o->fp = fopen(path, "wb"))) {
            ng_error_set("%s: cannot write: %s", path, strerror(errno));
            error = NG_EIO;
            goto cleanup;
        }
    } else {
        ng_buf tmp = NG_BUF_INIT;
        ng_buf_printf(&tmp, "%s.tmp.%ld.%u", path, (long)getpid(), next_tmp_number());
        if (tmp.oom) { error = NG_ENOMEM; goto cleanup; }
        o->tmp = ng_buf_detach(&tmp);
        o->slot = register_tmp(o->tmp);
        if (!(o->fp = fopen(o->tmp, "wb"))) {
            ng_error_set("%s: cannot create the output file: %s", path, strerror(errno));
            error = NG_EIO;
            goto cleanup;
        }
    }
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
    }
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
        if (rename(o->tmp, o->path) != 0) {
            ng_error_set("%s: cannot move the finished file into place: %s", o->path,
                         strerror(errno));
            return NG_EIO;
        }
        unregister_tmp(o->slot);
        o->slot = -1;
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
        unregister_tmp(o->slot);
        free(o->tmp);
    }
    free(o->path);
    free(o);
}
