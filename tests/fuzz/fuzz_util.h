/*
 * fuzz_util.h - what the libFuzzer targets share: a private scratch directory for the inputs
 * that must be files (the reader and the loaders take paths), and a check that aborts with
 * a message so that a broken invariant is a finding like a crash.
 *
 * Each target defines LLVMFuzzerTestOneInput. Built with -fsanitize=fuzzer it is a libFuzzer
 * binary; built with standalone_main.c it replays files (regressions, seed corpora) as a plain
 * test, under gcc, the sanitizers or valgrind.
 */
#ifndef NG_FUZZ_UTIL_H
#define NG_FUZZ_UTIL_H

#include "ng_core.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A finding: print what broke and abort (libFuzzer saves the input). */
#define FUZZ_CHECK(cond)                                                                    \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "fuzz invariant failed: %s at %s:%d\n", #cond, __FILE__,       \
                    __LINE__);                                                             \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* The scratch directory (on tmpfs when there is one), made once per process and removed at
 * exit with what is left in it. */
static char fuzz_dir_[256] __attribute__((unused));
static char fuzz_last_[512] __attribute__((unused));

static inline void fuzz_cleanup_(void)
{
    if (fuzz_last_[0]) unlink(fuzz_last_);
    if (fuzz_dir_[0]) rmdir(fuzz_dir_);
}

static inline const char *fuzz_dir(void)
{
    if (!fuzz_dir_[0]) {
        const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(fuzz_dir_, sizeof fuzz_dir_, "%s/ngfuzz.XXXXXX", base);
        if (!mkdtemp(fuzz_dir_)) {
            perror("mkdtemp");
            abort();
        }
        atexit(fuzz_cleanup_);
    }
    return fuzz_dir_;
}

/* Writes `data` to <scratch>/<name> and returns its path (static storage, valid until the
 * next call). The previous file is removed first. */
static inline const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size)
{
    if (fuzz_last_[0]) unlink(fuzz_last_);
    snprintf(fuzz_last_, sizeof fuzz_last_, "%s/%s", fuzz_dir(), name);
    FILE *fp = fopen(fuzz_last_, "wb");
    if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0) {
        perror(fuzz_last_);
        abort();
    }
    return fuzz_last_;
}

/* Skip-callback that checks the message contract: an origin and a non-empty, one-line why. */
static inline void fuzz_on_skip(void *ctx, const char *origin, const char *message)
{
    (void)ctx;
    FUZZ_CHECK(origin && *origin);
    FUZZ_CHECK(message && *message);
    FUZZ_CHECK(!strchr(message, '\n'));
}

#endif
