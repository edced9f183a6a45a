/* fuzz_reader_csv.c - the bytes as a CSV corpus (.csv, or .csv.gz when they are gzip)
 * through ng_reader: libcsv in strict mode, line numbers, header columns, ragged rows,
 * the cell cap. Invariants: no crash or leak; every article has an id, an origin
 * "path:LINE", NUL-terminated text within the cap, and a date that is NULL or YYYY-MM-DD. */
#include "fuzz_util.h"

#define CAP ((size_t)64 * 1024)

static int iso_date(const char *s)
{
    if (strlen(s) != 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    const char *path = fuzz_write_file(gz ? "corpus.csv.gz" : "corpus.csv", data, size);
    ng_reader_opts opts = {CAP, fuzz_on_skip, NULL, 0, 0};
    ng_reader *r = NULL;
    ng_article *a = NULL;
    const char *inputs[] = {path};
    size_t plen = strlen(path);
    FUZZ_CHECK(ng_reader_new(&r, inputs, 1, &opts) == NG_OK);
    for (;;) {
        FUZZ_CHECK(ng_reader_next(r, &a) == NG_OK);
        if (!a) break;
        FUZZ_CHECK(a->id && a->origin && a->text);
        FUZZ_CHECK(strncmp(a->origin, path, plen) == 0 && a->origin[plen] == ':');
        FUZZ_CHECK(a->len > 0 && a->len <= CAP);
        FUZZ_CHECK(a->text[a->len] == '\0');
        FUZZ_CHECK(!a->date || iso_date(a->date));
        ng_article_free(a);
    }
    ng_reader_free(r);
    return 0;
}
