/* ng_test_files.h - a scratch folder for unit tests that write their own inputs: make_tmpdir
 * (under /tmp, named after NG_TEST_FILES_NAME), at(name) for a path inside it (four at a time
 * stay valid), write_file, rm_rf. One copy per test file (static): include it once. */
#ifndef NG_TEST_FILES_H
#define NG_TEST_FILES_H

#include <stdio.h>
#include <stdlib.h>

#ifndef NG_TEST_FILES_NAME
#error "define NG_TEST_FILES_NAME (the test's name, for its /tmp folder) before including"
#endif

static char tmpdir[256];

static inline void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ng_" NG_TEST_FILES_NAME ".XXXXXX");
    if (!mkdtemp(tmpdir)) abort();
}

static inline void rm_rf(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup of %s failed\n", dir);
}

/* <tmpdir>/<name> (four at a time stay valid). */
static inline const char *at(const char *name)
{
    static char path[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", tmpdir, name);
    return path[k];
}

static inline void write_file(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) abort();
    if (len) fwrite(data, 1, len, fp);
    fclose(fp);
}

#endif
