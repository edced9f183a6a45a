/* fuzz_reader_jsonl.c - the bytes as a JSON Lines corpus (.jsonl, or .jsonl.gz when they are
 * gzip) through ng_reader: line splitting (LF, CR LF, lone CR), the line cap, UTF-8 repair,
 * jansson, the fields. Invariants: no crash or leak; every article has an id, an origin
 * "path:LINE", a NUL-terminated text within the cap, a date that is NULL or YYYY-MM-DD; the
 * ids are distinct (a repeated id is skipped). */
#include "fuzz_util.h"

#define CAP ((size_t)16 * 1024)

static int iso_date(const char *s)
{
    if (strlen(s) != 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    const char *path = fuzz_write_file(gz ? "feed.jsonl.gz" : "feed.jsonl", data, size);
    ng_reader_opts opts = {CAP, fuzz_on_skip, NULL, 0, 0};
    ng_reader *r = NULL;
    ng_article *a = NULL;
    ng_idset *ids = NULL;
    const char *inputs[] = {path};
    size_t plen = strlen(path);
    FUZZ_CHECK(ng_idset_new(&ids) == NG_OK);
    FUZZ_CHECK(ng_reader_new(&r, inputs, 1, &opts) == NG_OK);
    for (;;) {
        FUZZ_CHECK(ng_reader_next(r, &a) == NG_OK);
        if (!a) break;
        FUZZ_CHECK(a->id && *a->id && a->origin && a->text);
        FUZZ_CHECK(strncmp(a->origin, path, plen) == 0 && a->origin[plen] == ':');
        FUZZ_CHECK(atoi(a->origin + plen + 1) >= 1);
        FUZZ_CHECK(a->len > 0 && a->len <= CAP);
        FUZZ_CHECK(a->text[a->len] == '\0');
        FUZZ_CHECK(!a->date || iso_date(a->date));
        FUZZ_CHECK(ng_idset_add(ids, a->id, strlen(a->id)) == 1);
        ng_article_free(a);
    }
    ng_reader_free(r);
    ng_idset_free(ids);
    return 0;
}
