/* fuzz_reader_text.c - the bytes as one text article file (plain, gzip, UTF-16, binary...)
 * through ng_reader: decoding, the gzip layer, the size cap, binary detection.
 * Invariants: no crash or leak; an article, when given, is NUL-terminated at len, within
 * the cap, with an id and an origin; a skip names the file. */
#include "fuzz_util.h"

/* A small cap so that a few kilobytes of gzip can cross it (the bomb path). */
#define CAP ((size_t)256 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The first byte picks the file name: the reader treats .gz and other names alike
     * (zlib detects gzip by its magic), but the id is derived from the name. */
    static const char *const names[] = {"a.txt", "b.txt.gz", "c", "d.text"};
    const char *name = names[size ? data[0] % 4 : 0];
    const char *path = fuzz_write_file(name, size ? data + 1 : data, size ? size - 1 : 0);
    ng_reader_opts opts = {CAP, fuzz_on_skip, NULL, 0, 0};
    ng_reader *r = NULL;
    ng_article *a = NULL;
    const char *inputs[] = {path};
    FUZZ_CHECK(ng_reader_new(&r, inputs, 1, &opts) == NG_OK);
    int n_articles = 0;
    for (;;) {
        FUZZ_CHECK(ng_reader_next(r, &a) == NG_OK);
        if (!a) break;
        n_articles++;
        FUZZ_CHECK(a->id && *a->id && a->origin && a->text);
        FUZZ_CHECK(a->len <= CAP * 2); /* UTF-16 grows at most 1.5x */
        FUZZ_CHECK(a->text[a->len] == '\0');
        FUZZ_CHECK(a->len > 0);
        ng_article_free(a);
    }
    /* One file: one article or one skip. */
    FUZZ_CHECK(n_articles + (int)ng_reader_skipped(r) == 1);
    ng_reader_free(r);
    return 0;
}
