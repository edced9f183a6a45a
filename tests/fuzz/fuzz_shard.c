/* fuzz_shard.c - the bytes as a shard file through ng_shard_reader (the reader behind
 * `newsgraph merge`). Records carry a CRC-32, which random mutations almost never keep: when
 * the first byte is odd the harness recomputes every record's CRC first, so that the fuzzer
 * reaches the doc decoder; when even, the bytes are used as they are (CRC checks included).
 * Invariants: no crash, leak or unbounded allocation; every doc read has valid indices and
 * enum values; a refusal is NG_EFORMAT or NG_EIO (NG_EINVAL at open for a relation name this
 * process does not know) with a message naming the file. */
#include "fuzz_util.h"

#include <zlib.h>

static void fix_crcs(uint8_t *p, size_t n)
{
    size_t i = 0;
    while (i < n && p[i] != '\n') i++; /* the header line */
    i++;
    while (i + 5 <= n) {
        uint32_t len = (uint32_t)p[i + 1] | (uint32_t)p[i + 2] << 8 | (uint32_t)p[i + 3] << 16 |
                       (uint32_t)p[i + 4] << 24;
        size_t body = i + 5;
        if (len > n - body || n - body - len < 4) return;
        uint32_t crc = (uint32_t)crc32(0L, p + body, len);
        for (int k = 0; k < 4; k++) p[body + len + (size_t)k] = (uint8_t)(crc >> (8 * k));
        i = body + len + 4;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    uint8_t *buf = malloc(size);
    FUZZ_CHECK(buf);
    memcpy(buf, data + 1, size - 1);
    if (data[0] & 1) fix_crcs(buf, size - 1);
    const char *path = fuzz_write_file("in.ngs", buf, size - 1);
    free(buf);
    ng_shard_reader *r = NULL;
    int rc = ng_shard_reader_open(&r, path);
    if (rc < 0) {
        FUZZ_CHECK(rc == NG_EFORMAT || rc == NG_EIO || rc == NG_EINVAL);
        FUZZ_CHECK(strstr(ng_error_last(), "in.ngs") != NULL);
        return 0;
    }
    for (;;) {
        ng_doc *doc = NULL;
        rc = ng_shard_read_doc(r, &doc);
        if (rc < 0) {
            FUZZ_CHECK(rc == NG_EFORMAT || rc == NG_EIO);
            FUZZ_CHECK(strstr(ng_error_last(), "in.ngs") != NULL);
            FUZZ_CHECK(doc == NULL);
            break;
        }
        if (!doc) break;
        FUZZ_CHECK(doc->id && doc->origin);
        for (size_t i = 0; i < doc->n_actors; i++) {
            FUZZ_CHECK(doc->actors[i].key && doc->actors[i].label && doc->actors[i].aliases);
            FUZZ_CHECK((unsigned)doc->actors[i].type < NG_ETYPE__COUNT);
        }
        for (size_t i = 0; i < doc->n_relations; i++) {
            const ng_relation *rel = &doc->relations[i];
            FUZZ_CHECK(rel->source < doc->n_actors && rel->target < doc->n_actors);
            FUZZ_CHECK(rel->rel < ng_rel_count() && rel->sentence);
            FUZZ_CHECK(memchr(rel->date, '\0', sizeof rel->date) != NULL);
        }
        ng_doc_free(doc);
    }
    ng_shard_reader_free(r);
    return 0;
}
