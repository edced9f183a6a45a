/* test_shard.c - unit tests of the scale-out pieces of core: the shard record format
 * (core/SHARD-FORMAT.md, core/shard.c) and the reader's slices (ng_reader_set_slice).
 *
 * Round trips (plain and gzip), the exact byte layout of a small shard as the format document
 * specifies it (so a change of layout without a version bump fails here), determinism, and
 * refusal of every kind of damaged input: other versions, not a shard, truncation at every
 * byte, checksum failures, and well-checksummed records whose content is out of bounds.
 * Relation types travel by name: a version-1 shard (codes of the seven relations of its time)
 * still reads, and a shard naming a relation this process does not know is refused. */
#include "ng_core.h"
#include "ng_test.h"
#include "test_rel.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char tmpdir[256];

static void rm_tmpdir(void)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup of %s failed\n", tmpdir);
}

/* A path in this run's temporary directory (made on first use, removed at exit). */
static char *path_in(const char *name)
{
    static char buf[4][512];
    static int next;
    if (!tmpdir[0]) {
        snprintf(tmpdir, sizeof tmpdir, "/tmp/ng_test_shard.XXXXXX");
        if (!mkdtemp(tmpdir)) abort();
        atexit(rm_tmpdir);
    }
    char *p = buf[next++ % 4];
    snprintf(p, 512, "%s/%s", tmpdir, name);
    return p;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) abort();
    if (len) fwrite(data, 1, len, fp);
    fclose(fp);
}

/* Reads a whole file; the caller frees. */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *data = NULL;
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    data = malloc((size_t)n + 1);
    if (data && fread(data, 1, (size_t)n, fp) != (size_t)n) {
        free(data);
        data = NULL;
    }
    fclose(fp);
    *len = (size_t)n;
    return data;
}

/* A doc about an invented summit, with every field set, accents, an empty alias list. */
static ng_doc *sample_doc(const char *id)
{
    ng_doc *d = NULL;
    uint32_t a0, a1, a2;
    if (ng_doc_new(&d, id, "wire/2031/summit.txt") < 0) abort();
    free(d->title);
    d->title = ng_strdup("Ministers of Nordland and Québec-Sud meet in Lúcar");
    free(d->url);
    d->url = ng_strdup("https://example.org/a?b=1&c=2");
    strcpy(d->date, "2031-02-03");
    d->bad_bytes = 2;
    d->n_sentences = 7;
    ng_actor a = {"person:ilse vandermeer", "Ilse Vandermeer", NG_ETYPE_PERSON, 3, 0,
                  "Ilse Vandermeer|Vandermeer"};
    ng_actor b = {"state:nordland", "Nordland", NG_ETYPE_STATE, 5, 0, "Nordland|Nordlandic"};
    ng_actor c = {"person:okafor", "Okafor", NG_ETYPE_PERSON, 1, 1, ""};
    if (ng_doc_add_actor(d, &a, &a0) < 0 || ng_doc_add_actor(d, &b, &a1) < 0 ||
        ng_doc_add_actor(d, &c, &a2) < 0)
        abort();
    ng_relation r1 = {
        a0,  a2,          ng_test_rel("met"), "Vandermeer met Okafor in Lúcar on Tuesday.",
        118, "2031-02-01"};
    ng_relation r2 = {a1, a2, ng_test_rel("condemned"), "Nordland condemned the \"decision\".",
                      0,  ""};
    if (ng_doc_add_relation(d, &r1) < 0 || ng_doc_add_relation(d, &r2) < 0) abort();
    return d;
}

static void check_same_doc(const ng_doc *x, const ng_doc *y)
{
    CHECK_STR(x->id, y->id);
    CHECK_STR(x->origin, y->origin);
    CHECK_STR(x->title, y->title);
    CHECK_STR(x->date, y->date);
    CHECK_STR(x->url, y->url);
    CHECK_INT(x->bad_bytes, y->bad_bytes);
    CHECK_INT(x->n_sentences, y->n_sentences);
    CHECK_INT(x->n_actors, y->n_actors);
    CHECK_INT(x->n_relations, y->n_relations);
    for (size_t i = 0; i < x->n_actors && i < y->n_actors; i++) {
        CHECK_STR(x->actors[i].key, y->actors[i].key);
        CHECK_STR(x->actors[i].label, y->actors[i].label);
        CHECK_INT(x->actors[i].type, y->actors[i].type);
        CHECK_INT(x->actors[i].mentions, y->actors[i].mentions);
        CHECK_INT(x->actors[i].partial, y->actors[i].partial);
        CHECK_STR(x->actors[i].aliases, y->actors[i].aliases);
    }
    for (size_t i = 0; i < x->n_relations && i < y->n_relations; i++) {
        CHECK_INT(x->relations[i].source, y->relations[i].source);
        CHECK_INT(x->relations[i].target, y->relations[i].target);
        CHECK_INT(x->relations[i].rel, y->relations[i].rel);
        CHECK_STR(x->relations[i].sentence, y->relations[i].sentence);
        CHECK_INT(x->relations[i].offset, y->relations[i].offset);
        CHECK_STR(x->relations[i].date, y->relations[i].date);
    }
}

/* Writes docs "d1".."dn" (every second one with no actors) to path. */
static void write_sample(const char *path, int gzip, int n)
{
    ng_shard_writer *w = NULL;
    CHECK_OK(ng_shard_writer_open(&w, path, gzip));
    if (!w) return;
    for (int i = 1; i <= n; i++) {
        char id[16];
        ng_doc *d = NULL;
        snprintf(id, sizeof id, "d%d", i);
        if (i % 2) d = sample_doc(id);
        else if (ng_doc_new(&d, id, NULL) < 0) abort();
        CHECK_OK(ng_shard_write_doc(w, d));
        ng_doc_free(d);
    }
    CHECK_OK(ng_shard_writer_commit(w));
    ng_shard_writer_free(w);
}

/* Reads a whole shard; returns the first error (0 when it read to the end record) and the
 * number of docs read. */
static int read_all(const char *path, int *docs)
{
    ng_shard_reader *r = NULL;
    int error;
    *docs = 0;
    if ((error = ng_shard_reader_open(&r, path)) < 0) return error;
    for (;;) {
        ng_doc *d = NULL;
        if ((error = ng_shard_read_doc(r, &d)) < 0) break;
        if (!d) break;
        (*docs)++;
        ng_doc_free(d);
    }
    ng_shard_reader_free(r);
    return error;
}

static void round_trip(int gzip)
{
    const char *path = path_in(gzip ? "rt.ngs.gz" : "rt.ngs");
    ng_shard_reader *r = NULL;
    write_sample(path, gzip, 3);
    size_t len;
    unsigned char *bytes = slurp(path, &len);
    CHECK(bytes && len > 2);
    if (bytes && gzip) CHECK(bytes[0] == 0x1f && bytes[1] == 0x8b);
    if (bytes && !gzip) CHECK(memcmp(bytes, "NGSHARD 2\nR", 11) == 0);
    free(bytes);
    CHECK_OK(ng_shard_reader_open(&r, path));
    if (!r) return;
    for (int i = 1; i <= 3; i++) {
        ng_doc *got = NULL, *want = NULL;
        char id[16];
        snprintf(id, sizeof id, "d%d", i);
        if (i % 2) want = sample_doc(id);
        else if (ng_doc_new(&want, id, NULL) < 0) abort();
        CHECK_OK(ng_shard_read_doc(r, &got));
        CHECK(got != NULL);
        if (got) check_same_doc(want, got);
        ng_doc_free(got);
        ng_doc_free(want);
    }
    ng_doc *end = (ng_doc *)1;
    CHECK_OK(ng_shard_read_doc(r, &end));
    CHECK(end == NULL);
    end = (ng_doc *)1;
    CHECK_OK(ng_shard_read_doc(r, &end)); /* stays at the end */
    CHECK(end == NULL);
    CHECK_INT(ng_shard_reader_count(r), 3);
    ng_shard_reader_free(r);
}

NG_TEST(round_trip_plain) { round_trip(0); }
NG_TEST(round_trip_gzip) { round_trip(1); }

/* ---- an independent encoder of the layout in core/SHARD-FORMAT.md ---- */

static void le(ng_buf *b, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++) ng_buf_putc(b, (char)(unsigned char)(v >> (8 * i)));
}

static void str(ng_buf *b, const char *s)
{
    le(b, strlen(s), 4);
    ng_buf_puts(b, s);
}

/* Wraps `body` as a record with tag `tag`: tag, u32 length, body, u32 CRC-32 of the body. */
static void record(ng_buf *out, char tag, const ng_buf *body)
{
    ng_buf_putc(out, tag);
    le(out, body->len, 4);
    ng_buf_put(out, body->ptr ? body->ptr : "", body->len);
    le(out, crc32(0L, (const Bytef *)(body->ptr ? body->ptr : ""), (uInt)body->len), 4);
}

static void end_record(ng_buf *out, uint64_t docs)
{
    ng_buf body = NG_BUF_INIT;
    le(&body, docs, 8);
    record(out, 'E', &body);
    ng_buf_free(&body);
}

/* The relation names record: `n` names, then the names themselves. */
static void names_record(ng_buf *out, const char *const *names, size_t n)
{
    ng_buf body = NG_BUF_INIT;
    le(&body, n, 4);
    for (size_t i = 0; i < n; i++) str(&body, names[i]);
    record(out, 'R', &body);
    ng_buf_free(&body);
}

/* A version-2 header as this process writes it: the line, then every relation type's name. */
static size_t header_v2(ng_buf *out)
{
    const char *names[NG_REL_MAX];
    size_t n = ng_rel_count(), start = out->len;
    for (size_t i = 0; i < n; i++) names[i] = ng_rel_name((ng_rel)i);
    ng_buf_puts(out, "NGSHARD 2\n");
    names_record(out, names, n);
    return out->len - start;
}

/* Bytes of header_v2: where the first doc record starts. */
static size_t header_len(void)
{
    ng_buf b = NG_BUF_INIT;
    size_t n = header_v2(&b);
    ng_buf_free(&b);
    return n;
}

NG_TEST(byte_layout_matches_the_format_document)
{
    /* One doc: id "k", origin "o", title "", date "2030-01-02", url "u", bad_bytes 1,
     * n_sentences 258, two actors, one relation at offset 2^32 + 5. */
    ng_doc *d = NULL;
    CHECK_OK(ng_doc_new(&d, "k", "o"));
    if (!d) return;
    free(d->url);
    d->url = ng_strdup("u");
    strcpy(d->date, "2030-01-02");
    d->bad_bytes = 1;
    d->n_sentences = 258;
    ng_actor a = {"state:x", "X", NG_ETYPE_STATE, 2, 0, "X"};
    ng_actor b = {"organization:y", "Y", NG_ETYPE_ORG, 1, 0, "Y|Ys"};
    CHECK_OK(ng_doc_add_actor(d, &a, NULL));
    CHECK_OK(ng_doc_add_actor(d, &b, NULL));
    ng_relation r = {0, 1, ng_test_rel("withdrew"), "X left Y.", ((uint64_t)1 << 32) + 5, ""};
    CHECK_OK(ng_doc_add_relation(d, &r));

    const char *path = path_in("layout.ngs");
    ng_shard_writer *w = NULL;
    CHECK_OK(ng_shard_writer_open(&w, path, 0));
    if (w) {
        CHECK_OK(ng_shard_write_doc(w, d));
        CHECK_OK(ng_shard_writer_commit(w));
    }
    ng_shard_writer_free(w);
    ng_doc_free(d);

    ng_buf want = NG_BUF_INIT, body = NG_BUF_INIT;
    size_t head = header_v2(&want);
    str(&body, "k");
    str(&body, "o");
    str(&body, "");
    str(&body, "2030-01-02");
    str(&body, "u");
    le(&body, 1, 4);
    le(&body, 258, 4);
    le(&body, 2, 4);
    str(&body, "state:x");
    str(&body, "X");
    le(&body, 1, 1); /* state */
    le(&body, 2, 4);
    le(&body, 0, 4);
    str(&body, "X");
    str(&body, "organization:y");
    str(&body, "Y");
    le(&body, 2, 1); /* organization */
    le(&body, 1, 4);
    le(&body, 0, 4);
    str(&body, "Y|Ys");
    le(&body, 1, 4);
    le(&body, 0, 4);
    le(&body, 1, 4);
    le(&body, ng_test_rel("withdrew"), 1); /* its code: its place in the names record */
    le(&body, ((uint64_t)1 << 32) + 5, 8);
    str(&body, "");
    str(&body, "X left Y.");
    record(&want, 'D', &body);
    end_record(&want, 1);

    size_t len = 0;
    unsigned char *got = slurp(path, &len);
    CHECK(got != NULL);
    CHECK_INT(len, want.len);
    if (got && len == want.len) CHECK(memcmp(got, want.ptr, len) == 0);
    /* The names record opens with the number of names; the little-endian length of the doc
     * record sits right after its tag. */
    if (got && len > head + 5) {
        CHECK(got[10] == 'R' && got[15] == (unsigned char)ng_rel_count() && got[16] == 0);
        CHECK(got[head] == 'D');
        CHECK_INT(got[head + 1] | got[head + 2] << 8 | got[head + 3] << 16 |
                      (uint32_t)got[head + 4] << 24,
                  body.len);
    }
    free(got);
    ng_buf_free(&want);
    ng_buf_free(&body);
}

NG_TEST(same_docs_give_the_same_bytes)
{
    const char *p1 = path_in("same1.ngs.gz"), *p2 = path_in("same2.ngs.gz");
    write_sample(p1, 1, 5);
    write_sample(p2, 1, 5);
    size_t n1 = 0, n2 = 0;
    unsigned char *a = slurp(p1, &n1), *b = slurp(p2, &n2);
    CHECK(a && b && n1 == n2 && memcmp(a, b, n1) == 0);
    free(a);
    free(b);
}

NG_TEST(empty_shard_is_valid)
{
    const char *path = path_in("empty.ngs");
    int docs = -1;
    write_sample(path, 0, 0);
    CHECK_OK(read_all(path, &docs));
    CHECK_INT(docs, 0);
}

/* Expects reading `path` to fail with `code` and a message containing `part` and the path. */
static void expect_refused(const char *path, int code, const char *part)
{
    int docs;
    ng_error_clear();
    int error = read_all(path, &docs);
    CHECK_INT(error, code);
    if (!strstr(ng_error_last(), part) || !strstr(ng_error_last(), path)) {
        fprintf(stderr, "message '%s' lacks '%s' or the path\n", ng_error_last(), part);
        CHECK(0);
    }
}

NG_TEST(other_version_is_refused)
{
    const char *path = path_in("v3.ngs");
    ng_buf b = NG_BUF_INIT;
    ng_buf_puts(&b, "NGSHARD 3\n");
    end_record(&b, 0);
    write_file(path, b.ptr, b.len);
    expect_refused(path, NG_EFORMAT, "format version 3");
    ng_buf_free(&b);
    write_file(path, "NGSHARD 10\n", 11);
    expect_refused(path, NG_EFORMAT, "reads versions 1 to 2");
    write_file(path, "NGSHARD 0\n", 10);
    expect_refused(path, NG_EFORMAT, "format version 0");
}

/* One doc of one actor pair and one relation of code `code`, for the tests of names. */
static void one_relation_body(ng_buf *body, unsigned code)
{
    ng_buf_clear(body);
    str(body, "v");
    str(body, "v.txt");
    str(body, "");
    str(body, "");
    str(body, "");
    le(body, 0, 4);
    le(body, 1, 4);
    le(body, 2, 4);
    str(body, "state:a");
    str(body, "A");
    le(body, 1, 1);
    le(body, 1, 4);
    le(body, 0, 4);
    str(body, "A");
    str(body, "state:b");
    str(body, "B");
    le(body, 1, 1);
    le(body, 1, 4);
    le(body, 0, 4);
    str(body, "B");
    le(body, 1, 4);
    le(body, 0, 4);
    le(body, 1, 4);
    le(body, code, 1);
    le(body, 0, 8);
    str(body, "");
    str(body, "A broke off relations with B.");
}

/* The one relation of the one doc of the shard at `path`, or -1 when it does not read. */
static long read_one_relation(const char *path)
{
    ng_shard_reader *r = NULL;
    ng_doc *d = NULL;
    long rel = -1;
    if (ng_shard_reader_open(&r, path) == NG_OK && ng_shard_read_doc(r, &d) == NG_OK && d &&
        d->n_relations == 1)
        rel = (long)d->relations[0].rel;
    ng_doc_free(d);
    ng_shard_reader_free(r);
    return rel;
}

NG_TEST(version_1_reads_with_the_seven_relations_of_its_time)
{
    const char *path = path_in("v1.ngs");
    ng_buf b = NG_BUF_INIT, body = NG_BUF_INIT;
    ng_buf_puts(&b, "NGSHARD 1\n"); /* no names record: code 4 was cut_ties */
    one_relation_body(&body, 4);
    record(&b, 'D', &body);
    end_record(&b, 1);
    write_file(path, b.ptr, b.len);
    CHECK_INT(read_one_relation(path), ng_test_rel("cut_ties"));
    ng_buf_clear(&b); /* code 7 did not exist in version 1 */
    ng_buf_puts(&b, "NGSHARD 1\n");
    one_relation_body(&body, 7);
    record(&b, 'D', &body);
    end_record(&b, 1);
    write_file(path, b.ptr, b.len);
    expect_refused(path, NG_EFORMAT, "unknown relation code");
    ng_buf_free(&b);
    ng_buf_free(&body);
}

NG_TEST(relations_are_read_by_name)
{
    const char *path = path_in("names.ngs");
    ng_buf b = NG_BUF_INIT, body = NG_BUF_INIT;
    /* another order than this process's table: code 0 is cut_ties here */
    const char *names[] = {"cut_ties", "met"};
    ng_buf_puts(&b, "NGSHARD 2\n");
    names_record(&b, names, 2);
    one_relation_body(&body, 0);
    record(&b, 'D', &body);
    end_record(&b, 1);
    write_file(path, b.ptr, b.len);
    CHECK_INT(read_one_relation(path), ng_test_rel("cut_ties"));

    /* a name this process does not know: refused at open, telling what to pass */
    const char *unknown[] = {"met", "serenaded"};
    ng_buf_clear(&b);
    ng_buf_puts(&b, "NGSHARD 2\n");
    names_record(&b, unknown, 2);
    end_record(&b, 0);
    write_file(path, b.ptr, b.len);
    expect_refused(path, NG_EINVAL, "relation 'serenaded', which this run does not know: pass "
                                    "--relations");

    /* no names record, or a second one */
    ng_buf_clear(&b);
    ng_buf_puts(&b, "NGSHARD 2\n");
    end_record(&b, 0);
    write_file(path, b.ptr, b.len);
    expect_refused(path, NG_EFORMAT, "no relation names record");
    ng_buf_clear(&b);
    header_v2(&b);
    names_record(&b, names, 2);
    end_record(&b, 0);
    write_file(path, b.ptr, b.len);
    expect_refused(path, NG_EFORMAT, "second relation names record");
    ng_buf_free(&b);
    ng_buf_free(&body);
}

NG_TEST(not_a_shard_is_refused)
{
    const char *path = path_in("notes.ngs");
    write_file(path, "Leaders met in Lúcar.\n", 23);
    expect_refused(path, NG_EFORMAT, "not a newsgraph shard");
    write_file(path, "", 0);
    expect_refused(path, NG_EFORMAT, "empty file");
    write_file(path, "NGSHARD x\n", 10);
    expect_refused(path, NG_EFORMAT, "unreadable shard header");
    write_file(path, "NGSHARD 1", 9); /* cut inside the header line */
    expect_refused(path, NG_EFORMAT, "unreadable shard header");
    int docs;
    CHECK_INT(read_all(path_in("missing.ngs"), &docs), NG_EIO);
    CHECK(strstr(ng_error_last(), "missing.ngs") != NULL);
}

NG_TEST(truncation_at_every_byte_is_refused)
{
    const char *full = path_in("full.ngs"), *cut = path_in("cut.ngs");
    write_sample(full, 0, 3);
    size_t len = 0;
    unsigned char *bytes = slurp(full, &len);
    CHECK(bytes != NULL);
    if (!bytes) return;
    int docs = 0;
    CHECK_OK(read_all(full, &docs));
    CHECK_INT(docs, 3);
    /* Every proper prefix fails: nothing short of the end record reads as a whole shard. */
    int accepted = 0;
    for (size_t n = 0; n < len; n++) {
        write_file(cut, bytes, n);
        if (read_all(cut, &docs) == NG_OK) accepted++;
        else if (!strstr(ng_error_last(), cut)) {
            fprintf(stderr, "prefix %zu: message lacks the path: %s\n", n, ng_error_last());
            CHECK(0);
        }
    }
    CHECK_INT(accepted, 0);
    /* A cut between records names the last whole record. */
    size_t end_len = 5 + 8 + 4;
    write_file(cut, bytes, len - end_len);
    expect_refused(cut, NG_EFORMAT, "ends after record 3 without its end record");
    /* A cut inside a record names that record (the names record is record 0). */
    write_file(cut, bytes, 10 + 5 + 3);
    expect_refused(cut, NG_EFORMAT, "record 0 is truncated");
    write_file(cut, bytes, header_len() + 5 + 3);
    expect_refused(cut, NG_EFORMAT, "record 1 is truncated");
    free(bytes);
}

NG_TEST(truncated_gzip_is_refused)
{
    const char *full = path_in("full.ngs.gz"), *cut = path_in("cut.ngs.gz");
    write_sample(full, 1, 9);
    size_t len = 0;
    unsigned char *bytes = slurp(full, &len);
    CHECK(bytes && len > 40);
    if (!bytes) return;
    int docs;
    /* Every cut, including one inside the gzip trailer after the end record. */
    int accepted = 0;
    for (size_t n = 0; n < len; n++) {
        write_file(cut, bytes, n);
        if (read_all(cut, &docs) == NG_OK) accepted++;
        else if (!strstr(ng_error_last(), cut)) {
            fprintf(stderr, "gzip prefix %zu: message lacks the path: %s\n", n, ng_error_last());
            CHECK(0);
        }
    }
    CHECK_INT(accepted, 0);
    write_file(cut, bytes, len - 4);
    expect_refused(cut, NG_EFORMAT, "truncated or corrupt gzip data");
    free(bytes);
}

NG_TEST(corrupt_bytes_fail_the_checksum)
{
    const char *full = path_in("crc.ngs"), *bad = path_in("crc-bad.ngs");
    write_sample(full, 0, 2);
    size_t len = 0;
    unsigned char *bytes = slurp(full, &len);
    if (!bytes) {
        CHECK(0);
        return;
    }
    size_t head = header_len();
    bytes[head + 5 + 6] ^= 0x20; /* a letter of the first doc's origin */
    write_file(bad, bytes, len);
    expect_refused(bad, NG_EFORMAT, "record 1 fails its checksum");
    bytes[head + 5 + 6] ^= 0x20;
    bytes[10 + 5 + 6] ^= 0x20; /* a letter of a relation name */
    write_file(bad, bytes, len);
    expect_refused(bad, NG_EFORMAT, "record 0 fails its checksum");
    bytes[10 + 5 + 6] ^= 0x20;
    bytes[head + 4] = 0x7f; /* the top byte of the first doc record's length */
    write_file(bad, bytes, len);
    expect_refused(bad, NG_EFORMAT, "more than the format allows");
    free(bytes);
}

/* A shard holding one hand-made doc body (valid checksum) and its end record. */
static void write_forged(const char *path, const ng_buf *body)
{
    ng_buf b = NG_BUF_INIT;
    header_v2(&b);
    record(&b, 'D', body);
    end_record(&b, 1);
    write_file(path, b.ptr, b.len);
    ng_buf_free(&b);
}

/* The head of a doc body: id, origin, title, date, url, bad_bytes, n_sentences. */
static void forged_head(ng_buf *body, const char *date)
{
    ng_buf_clear(body);
    str(body, "f1");
    str(body, "forged.txt");
    str(body, "");
    str(body, date);
    str(body, "");
    le(body, 0, 4);
    le(body, 1, 4);
}

static void forged_actor(ng_buf *body, unsigned type)
{
    str(body, "state:z");
    str(body, "Z");
    le(body, type, 1);
    le(body, 1, 4);
    le(body, 0, 4);
    str(body, "Z");
}

NG_TEST(out_of_bounds_content_is_refused)
{
    const char *path = path_in("forged.ngs");
    ng_buf body = NG_BUF_INIT;
    int docs;

    /* A well-formed forged doc reads: the forgery helpers follow the format. */
    forged_head(&body, "");
    le(&body, 1, 4);
    forged_actor(&body, 1);
    le(&body, 1, 4);
    le(&body, 0, 4);
    le(&body, 0, 4);
    le(&body, 4, 1);
    le(&body, 9, 8);
    str(&body, "");
    str(&body, "Z cut ties with itself.");
    write_forged(path, &body);
    CHECK_OK(read_all(path, &docs));
    CHECK_INT(docs, 1);

    forged_head(&body, "");
    le(&body, 1, 4);
    forged_actor(&body, 1);
    le(&body, 1, 4);
    le(&body, 0, 4);
    le(&body, 1, 4); /* target: no actor 1 */
    le(&body, 4, 1);
    le(&body, 9, 8);
    str(&body, "");
    str(&body, "s");
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "actor index out of range");

    forged_head(&body, "");
    le(&body, 0, 4);
    le(&body, 2, 4); /* two relations, bytes for one */
    le(&body, 0, 4);
    le(&body, 0, 4);
    le(&body, 0, 1);
    le(&body, 0, 8);
    str(&body, "");
    str(&body, "s");
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "relation count exceeds");

    forged_head(&body, "");
    le(&body, 1, 4);
    forged_actor(&body, 9); /* no type 9 */
    le(&body, 0, 4);
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "unknown type code");

    forged_head(&body, "");
    le(&body, 1, 4);
    forged_actor(&body, 1);
    le(&body, 1, 4);
    le(&body, 0, 4);
    le(&body, 0, 4);
    le(&body, ng_rel_count(), 1); /* one past the names record */
    le(&body, 0, 8);
    str(&body, "");
    str(&body, "s");
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "unknown relation code");

    forged_head(&body, "");
    le(&body, 0xffffffffu, 4); /* four billion actors in a few bytes */
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "actor count exceeds");

    forged_head(&body, "2030-01-02T00:00");
    le(&body, 0, 4);
    le(&body, 0, 4);
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "longer than 10 bytes");

    ng_buf_clear(&body);
    le(&body, 2, 4);
    ng_buf_put(&body, "f\0", 2); /* a NUL inside the id */
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "contains a NUL byte");

    ng_buf_clear(&body);
    le(&body, 500, 4); /* a string longer than its record */
    ng_buf_puts(&body, "f1");
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "runs past the end of the record");

    forged_head(&body, "");
    le(&body, 0, 4);
    le(&body, 0, 4);
    ng_buf_putc(&body, 'x'); /* a byte after the last relation */
    write_forged(path, &body);
    expect_refused(path, NG_EFORMAT, "unexpected bytes after the last relation");
    ng_buf_free(&body);
}

NG_TEST(end_record_is_checked)
{
    const char *path = path_in("end.ngs");
    ng_buf b = NG_BUF_INIT;
    header_v2(&b);
    end_record(&b, 4); /* claims four docs, holds none */
    write_file(path, b.ptr, b.len);
    expect_refused(path, NG_EFORMAT, "counts 4 docs but the shard holds 0");
    ng_buf_clear(&b);
    header_v2(&b);
    end_record(&b, 0);
    header_v2(&b); /* two shards concatenated */
    end_record(&b, 0);
    write_file(path, b.ptr, b.len);
    expect_refused(path, NG_EFORMAT, "unexpected data after the end record");
    ng_buf_clear(&b);
    ng_buf_puts(&b, "NGSHARD 1\nZ");
    le(&b, 0, 4);
    le(&b, 0, 4);
    write_file(path, b.ptr, b.len);
    expect_refused(path, NG_EFORMAT, "unknown type (byte 0x5a)");
    ng_buf_free(&b);
}

NG_TEST(writer_refuses_bad_docs_and_leaves_nothing)
{
    const char *path = path_in("refused.ngs");
    ng_shard_writer *w = NULL;
    ng_doc *d = sample_doc("bad");
    d->relations[0].rel = (ng_rel)ng_rel_count();
    CHECK_OK(ng_shard_writer_open(&w, path, 0));
    if (w) {
        CHECK_INT(ng_shard_write_doc(w, d), NG_EINVAL);
        CHECK(strstr(ng_error_last(), "'bad'") != NULL);
        CHECK(ng_shard_writer_commit(w) < 0);
    }
    ng_shard_writer_free(w);
    ng_doc_free(d);
    CHECK(access(path, F_OK) != 0);
    /* Freed without a commit: nothing at the path either. */
    CHECK_OK(ng_shard_writer_open(&w, path, 1));
    ng_shard_writer_free(w);
    CHECK(access(path, F_OK) != 0);
}

/* The ids a reader over `dir` gives with slice index/count, '|'-joined; skips are counted. */
static int skips;
static void count_skip(void *ctx, const char *origin, const char *message)
{
    (void)ctx;
    (void)origin;
    (void)message;
    skips++;
}

static void slice_ids(ng_buf *ids, const char *dir, size_t index, size_t count)
{
    ng_reader *r = NULL;
    ng_reader_opts o = {0, count_skip, NULL, 0, 0};
    const char *inputs[] = {dir};
    ng_buf_clear(ids);
    CHECK_OK(ng_reader_new(&r, inputs, 1, &o));
    if (!r) return;
    CHECK_OK(ng_reader_set_slice(r, index, count));
    for (;;) {
        ng_article *a = NULL;
        CHECK_OK(ng_reader_next(r, &a));
        if (!a) break;
        ng_buf_printf(ids, "%s%s", ids->len ? "|" : "", a->id);
        ng_article_free(a);
    }
    ng_reader_free(r);
}

/* Every id of `all` ('|'-joined) is in exactly one of the n slices' lists. */
static int partitions(const char *all, ng_buf *slices, size_t n)
{
    char copy[512];
    snprintf(copy, sizeof copy, "%s", all);
    for (char *save = NULL, *id = strtok_r(copy, "|", &save); id; id = strtok_r(NULL, "|", &save)) {
        int found = 0;
        for (size_t k = 0; k < n; k++) {
            char padded[600], wanted[80];
            snprintf(padded, sizeof padded, "|%s|", slices[k].ptr ? slices[k].ptr : "");
            snprintf(wanted, sizeof wanted, "|%s|", id);
            found += strstr(padded, wanted) != NULL;
        }
        if (found != 1) return 0;
    }
    return 1;
}

/* Slices are chosen by a hash of each file's path relative to its INPUT: together they read
 * every article once, and a file added between two slice jobs moves no other file. */
NG_TEST(reader_slices_partition_the_listing)
{
    char dir[600], path[700];
    snprintf(dir, sizeof dir, "%s", path_in("corpus"));
    CHECK(mkdir(dir, 0755) == 0);
    const char *names[] = {"a.txt", "b.txt", "c.csv", "d.txt", "e.txt", "f.txt", "g.txt", "h.txt"};
    for (size_t i = 0; i < 8; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (i == 2) write_file(path, "id,text\nc1,Ministers met.\nc2,Envoys met.\n", 41);
        else if (i == 5) write_file(path, "", 0); /* empty: skipped when read */
        else { /* distinct texts: a repeated text counts once */
            char text[64];
            snprintf(text, sizeof text, "Delegates met in L\xc3\xba" "car (%s).\n", names[i]);
            write_file(path, text, strlen(text));
        }
    }
    ng_buf ids = NG_BUF_INIT, before[3] = {NG_BUF_INIT, NG_BUF_INIT, NG_BUF_INIT};
    slice_ids(&ids, dir, 0, 1);
    CHECK_STR(ids.ptr, "a|b|c1|c2|d|e|g|h");
    skips = 0;
    for (size_t k = 0; k < 3; k++) slice_ids(&before[k], dir, k, 3);
    CHECK(partitions(ids.ptr, before, 3));
    CHECK_INT(skips, 1); /* the empty file, in one slice only */
    /* A file added between the jobs: each old file stays in its slice. */
    snprintf(path, sizeof path, "%s/bb.txt", dir);
    write_file(path, "Envoys met in Lucar.\n", 21);
    for (size_t k = 0; k < 3; k++) {
        ng_buf after = NG_BUF_INIT;
        slice_ids(&after, dir, k, 3);
        char padded[600];
        snprintf(padded, sizeof padded, "|%s|", after.ptr ? after.ptr : "");
        char copy[512];
        snprintf(copy, sizeof copy, "%s", before[k].ptr ? before[k].ptr : "");
        for (char *save = NULL, *id = strtok_r(copy, "|", &save); id;
             id = strtok_r(NULL, "|", &save)) {
            char wanted[80];
            snprintf(wanted, sizeof wanted, "|%s|", id);
            CHECK(strstr(padded, wanted) != NULL);
        }
        ng_buf_free(&after);
    }
    slice_ids(&ids, dir, 0, 1);
    for (size_t k = 0; k < 3; k++) slice_ids(&before[k], dir, k, 3);
    CHECK(partitions(ids.ptr, before, 3));
    for (size_t k = 0; k < 3; k++) ng_buf_free(&before[k]);
    ng_buf_free(&ids);

    ng_reader *r = NULL;
    const char *inputs[] = {dir};
    CHECK_OK(ng_reader_new(&r, inputs, 1, NULL));
    if (r) {
        CHECK_INT(ng_reader_set_slice(r, 3, 3), NG_EINVAL);
        CHECK_INT(ng_reader_set_slice(r, 0, 0), NG_EINVAL);
    }
    ng_reader_free(r);
}

NG_TEST_MAIN(round_trip_plain, round_trip_gzip, byte_layout_matches_the_format_document,
             same_docs_give_the_same_bytes, empty_shard_is_valid, other_version_is_refused,
             version_1_reads_with_the_seven_relations_of_its_time, relations_are_read_by_name,
             not_a_shard_is_refused, truncation_at_every_byte_is_refused,
             truncated_gzip_is_refused, corrupt_bytes_fail_the_checksum,
             out_of_bounds_content_is_refused, end_record_is_checked,
             writer_refuses_bad_docs_and_leaves_nothing, reader_slices_partition_the_listing)
