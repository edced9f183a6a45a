/* shard.c - shard files: the docs of many articles, written by `extract`, read by `merge`.
 *
 * The byte layout is specified in core/SHARD-FORMAT.md; keep the two in step, and bump
 * NG_SHARD_VERSION for any change a version-1 reader would misread. Every integer is written
 * byte by byte in little-endian order, so a shard reads the same on every machine. The reader
 * trusts nothing: each length and count is checked against the bytes that remain before any
 * allocation, a record larger than NG_SHARD_MAX_RECORD is refused, each record's CRC-32 is
 * verified, and a shard that ends before its end record is reported as truncated. */
#include "ng_core.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define TAG_DOC 'D'
#define TAG_END 'E'
#define TAG_NAMES 'R'
#define RECORD_HEAD 5u /* tag (1) + body length (4) */
#define RECORD_TAIL 4u /* CRC-32 of the body */
/* The smallest encodings of an actor and a relation (all strings empty): a count larger
 * than the remaining bytes allow is refused before anything is allocated. */
#define MIN_ACTOR_BYTES (4u + 4u + 1u + 4u + 4u + 4u)
#define MIN_RELATION_BYTES (4u + 4u + 1u + 8u + 4u + 4u)
#define MAX_DATE_LEN 10u
/* Version 1 had no names record: its relation codes 0-6 are these names. */
static const char *const v1_names[] = {"met",      "signed",    "withdrew",       "condemned",
                                       "cut_ties", "member_of", "affiliated_with"};
#define V1_NAMES (sizeof v1_names / sizeof v1_names[0])

/* ------------------------------------------------------------------ writing */

struct ng_shard_writer {
    ng_out *out;
    char *path;
    ng_buf rec;    /* the record being encoded, reused */
    uint64_t docs;
    size_t n_names; /* relation codes written: the table's rows when the shard was opened */
    int failed;    /* a write_doc failed: commit refuses */
};

/* Appends the k low bytes of v, least significant first, in place (a record is thousands of
 * these: no copy through a call each); a failed growth leaves b->oom set for end_record. */
static inline void put_le(ng_buf *b, uint64_t v, int k)
{
    if (b->len + (size_t)k + 1 > b->cap && ng_buf_grow(b, (size_t)k) < 0) return;
    for (int i = 0; i < k; i++)
        b->ptr[b->len + (size_t)i] = (char)(unsigned char)(v >> (8 * i));
    b->len += (size_t)k;
    b->ptr[b->len] = '\0';
}

static void put_u8(ng_buf *b, unsigned v)
{
    put_le(b, v, 1);
}

static void put_u32(ng_buf *b, uint32_t v)
{
    put_le(b, v, 4);
}

static void put_u64(ng_buf *b, uint64_t v)
{
    put_le(b, v, 8);
}

static void patch_u32(ng_buf *b, size_t at, uint32_t v)
{
    for (int i = 0; i < 4; i++) b->ptr[at + (size_t)i] = (char)(unsigned char)(v >> (8 * i));
}

/* Appends a length-prefixed string; a NULL string is written as "". */
static int put_str(ng_buf *b, const char *s, const char *what, const char *doc_id)
{
    size_t n = s ? strlen(s) : 0;
    if (n > NG_SHARD_MAX_RECORD) {
        ng_error_set("article '%s': %s of %zu bytes is too large for a shard (limit %u)",
                     doc_id, what, n, (unsigned)NG_SHARD_MAX_RECORD);
        return NG_ELIMIT;
    }
    put_u32(b, (uint32_t)n);
    if (n) ng_buf_put(b, s, n);
    return NG_OK;
}

static int put_date(ng_buf *b, const char date[11], const char *doc_id)
{
    size_t n = strnlen(date, MAX_DATE_LEN + 1);
    if (n > MAX_DATE_LEN) {
        ng_error_set("article '%s': a date field is not terminated (internal error)", doc_id);
        return NG_EINVAL;
    }
    put_u32(b, (uint32_t)n);
    if (n) ng_buf_put(b, date, n);
    return NG_OK;
}

/* Starts a record of type `tag` in b (length patched by end_record). */
static void begin_record(ng_buf *b, char tag)
{
    ng_buf_clear(b);
    put_u8(b, (unsigned char)tag);
    put_u32(b, 0);
}

static int end_record(ng_buf *b, const char *doc_id)
{
    if (b->oom) return NG_ENOMEM;
    size_t body = b->len - RECORD_HEAD;
    if (body > NG_SHARD_MAX_RECORD) {
        ng_error_set("article '%s': its extraction takes %zu bytes, more than a shard record "
                     "may hold (%u): lower --max-article-bytes",
                     doc_id, body, (unsigned)NG_SHARD_MAX_RECORD);
        return NG_ELIMIT;
    }
    patch_u32(b, 1, (uint32_t)body);
    uLong crc = crc32(0L, (const Bytef *)b->ptr + RECORD_HEAD, (uInt)body);
    put_u32(b, (uint32_t)crc);
    return b->oom ? NG_ENOMEM : NG_OK;
}

/* The names record: every relation type this run knows, in table order; a doc's relation code
 * is an index into it. */
static int encode_names(ng_buf *b, size_t n)
{
    int error;
    begin_record(b, TAG_NAMES);
    put_u32(b, (uint32_t)n);
    for (size_t i = 0; i < n; i++)
        if ((error = put_str(b, ng_rel_name((ng_rel)i), "a relation name", "")) < 0) return error;
    return end_record(b, "");
}

static int encode_doc(ng_buf *b, const ng_doc *d, size_t n_names)
{
    const char *id = d->id ? d->id : "";
    int error;
    begin_record(b, TAG_DOC);
    if ((error = put_str(b, d->id, "the id", id)) < 0 ||
        (error = put_str(b, d->origin, "the origin", id)) < 0 ||
        (error = put_str(b, d->title, "the title", id)) < 0 ||
        (error = put_date(b, d->date, id)) < 0 ||
        (error = put_str(b, d->url, "the url", id)) < 0)
        return error;
    put_u32(b, d->bad_bytes);
    put_u32(b, d->n_sentences);
    if (d->n_actors > UINT32_MAX || d->n_relations > UINT32_MAX) {
        ng_error_set("article '%s': too many actors or relations for a shard", id);
        return NG_ELIMIT;
    }
    put_u32(b, (uint32_t)d->n_actors);
    for (size_t i = 0; i < d->n_actors; i++) {
        const ng_actor *a = &d->actors[i];
        if ((unsigned)a->type >= NG_ETYPE__COUNT) {
            ng_error_set("article '%s': actor %zu has no valid type (internal error)", id, i);
            return NG_EINVAL;
        }
        if ((error = put_str(b, a->key, "an actor key", id)) < 0 ||
            (error = put_str(b, a->label, "an actor label", id)) < 0)
            return error;
        put_u8(b, (unsigned)a->type);
        put_u32(b, a->mentions);
        put_u32(b, a->partial);
        if ((error = put_str(b, a->aliases, "an actor's aliases", id)) < 0) return error;
    }
    put_u32(b, (uint32_t)d->n_relations);
    for (size_t i = 0; i < d->n_relations; i++) {
        const ng_relation *r = &d->relations[i];
        if (r->source >= d->n_actors || r->target >= d->n_actors ||
            (size_t)r->rel >= n_names) {
            ng_error_set("article '%s': relation %zu is out of range (internal error)", id, i);
            return NG_EINVAL;
        }
        put_u32(b, r->source);
        put_u32(b, r->target);
        put_u8(b, (unsigned)r->rel);
        put_u64(b, r->offset);
        if ((error = put_date(b, r->date, id)) < 0 ||
            (error = put_str(b, r->sentence, "a sentence", id)) < 0)
            return error;
    }
    return end_record(b, id);
}

int ng_shard_writer_open(ng_shard_writer **out, const char *path, int gzip)
{
    int error;
    ng_shard_writer *w = ng_calloc(1, sizeof *w);
    *out = NULL;
    if (!w) return NG_ENOMEM;
    if (!(w->path = ng_strdup(path))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    if ((error = ng_out_open(&w->out, path, gzip)) < 0) goto cleanup;
    ng_out_printf(w->out, "%s %d\n", NG_SHARD_MAGIC, NG_SHARD_VERSION);
    w->n_names = ng_rel_count();
    if ((error = encode_names(&w->rec, w->n_names)) < 0) goto cleanup;
    ng_out_write(w->out, w->rec.ptr, w->rec.len);
    *out = w;
    return NG_OK;
cleanup:
    ng_shard_writer_free(w);
    return error;
}

int ng_shard_write_doc(ng_shard_writer *w, const ng_doc *doc)
{
    int error = encode_doc(&w->rec, doc, w->n_names);
    if (error < 0) {
        w->failed = 1;
        return error;
    }
    ng_out_write(w->out, w->rec.ptr, w->rec.len);
    w->docs++;
    return NG_OK;
}

int ng_shard_writer_commit(ng_shard_writer *w)
{
    if (w->failed) {
        ng_error_set("%s: a doc could not be written: the shard was not committed", w->path);
        return NG_ERROR;
    }
    begin_record(&w->rec, TAG_END);
    put_u64(&w->rec, w->docs);
    int error = end_record(&w->rec, "");
    if (error < 0) return error;
    ng_out_write(w->out, w->rec.ptr, w->rec.len);
    return ng_out_commit(w->out);
}

void ng_shard_writer_free(ng_shard_writer *w)
{
    if (!w) return;
    ng_out_free(w->out);
    ng_buf_free(&w->rec);
    free(w->path);
    free(w);
}

/* ------------------------------------------------------------------ reading */

struct ng_shard_reader {
    gzFile gz;
    char *path;
    unsigned char *body; /* the current record's body */
    size_t body_cap;
    uint64_t docs;       /* doc records read */
    int done;            /* the end record was read */
    int read_error;      /* NG_EIO or NG_EFORMAT after read_exact failed */
    long version;        /* of the header line */
    ng_rel code[256];    /* the shard's relation code -> this run's relation */
    size_t n_codes;
    ng_buf scratch[3];   /* NUL-terminated copies of strings for ng_doc_add_* */
};

/* A cursor over one record body. `why` receives what is wrong with it. */
typedef struct cursor {
    const unsigned char *p, *end;
    char why[200];
} cursor;

static int bad(cursor *c, const char *what)
{
    snprintf(c->why, sizeof c->why, "%s", what);
    return NG_EFORMAT;
}

static size_t left(const cursor *c) { return (size_t)(c->end - c->p); }

static int get_u8(cursor *c, unsigned *v, const char *what)
{
    if (left(c) < 1) return bad(c, what);
    *v = c->p[0];
    c->p += 1;
    return NG_OK;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int get_u32(cursor *c, uint32_t *v, const char *what)
{
    if (left(c) < 4) return bad(c, what);
    *v = le32(c->p);
    c->p += 4;
    return NG_OK;
}

static int get_u64(cursor *c, uint64_t *v, const char *what)
{
    if (left(c) < 8) return bad(c, what);
    *v = (uint64_t)le32(c->p) | (uint64_t)le32(c->p + 4) << 32;
    c->p += 8;
    return NG_OK;
}

/* A string field, borrowed from the body (not NUL-terminated). */
static int get_str(cursor *c, const char **s, uint32_t *n, const char *what)
{
    char why[160];
    if (left(c) < 4) {
        snprintf(why, sizeof why, "%s: length missing", what);
        return bad(c, why);
    }
    uint32_t len = le32(c->p);
    if (len > left(c) - 4) {
        snprintf(why, sizeof why, "%s: length %u runs past the end of the record", what,
                 (unsigned)len);
        return bad(c, why);
    }
    *s = (const char *)c->p + 4;
    *n = len;
    if (memchr(*s, '\0', len)) {
        snprintf(why, sizeof why, "%s contains a NUL byte", what);
        return bad(c, why);
    }
    c->p += 4 + (size_t)len;
    return NG_OK;
}

static int get_date(cursor *c, char date[11], const char *what)
{
    const char *s;
    uint32_t n;
    int error = get_str(c, &s, &n, what);
    if (error < 0) return error;
    if (n > MAX_DATE_LEN) return bad(c, "a date is longer than 10 bytes");
    memcpy(date, s, n);
    date[n] = '\0';
    return NG_OK;
}

/* A NUL-terminated copy of a borrowed string in a reusable buffer. */
static const char *cstr(ng_buf *b, const char *s, uint32_t n)
{
    ng_buf_clear(b);
    if (ng_buf_put(b, s, n) < 0) return NULL;
    return b->ptr;
}

/* Replaces a doc's string field with a copy of a borrowed string. */
static int set_field(char **field, const char *s, uint32_t n)
{
    char *copy = ng_strndup(s, n);
    if (!copy) return NG_ENOMEM;
    free(*field);
    *field = copy;
    return NG_OK;
}

/* Decodes a doc record body. NG_EFORMAT leaves the reason in c->why. */
static int decode_doc(ng_shard_reader *r, cursor *c, ng_doc **out)
{
    ng_doc *d = NULL;
    const char *id, *origin, *title, *url;
    uint32_t n_id, n_origin, n_title, n_url, n, u;
    int error;
    char date[11];
    if ((error = get_str(c, &id, &n_id, "the article id")) < 0 ||
        (error = get_str(c, &origin, &n_origin, "the origin")) < 0 ||
        (error = get_str(c, &title, &n_title, "the title")) < 0 ||
        (error = get_date(c, date, "the article date")) < 0 ||
        (error = get_str(c, &url, &n_url, "the url")) < 0)
        goto cleanup;
    const char *id_z = cstr(&r->scratch[0], id, n_id);
    const char *origin_z = cstr(&r->scratch[1], origin, n_origin);
    if (!id_z || !origin_z) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    if ((error = ng_doc_new(&d, id_z, origin_z)) < 0) goto cleanup;
    memcpy(d->date, date, sizeof date);
    if ((error = set_field(&d->title, title, n_title)) < 0 ||
        (error = set_field(&d->url, url, n_url)) < 0)
        goto cleanup;
    if ((error = get_u32(c, &d->bad_bytes, "bad_bytes missing")) < 0 ||
        (error = get_u32(c, &d->n_sentences, "n_sentences missing")) < 0 ||
        (error = get_u32(c, &n, "the actor count is missing")) < 0)
        goto cleanup;
    if (n > left(c) / MIN_ACTOR_BYTES) {
        error = bad(c, "the actor count exceeds what the record can hold");
        goto cleanup;
    }
    for (uint32_t i = 0; i < n; i++) {
        ng_actor a;
        const char *key, *label, *aliases;
        uint32_t n_key, n_label, n_aliases;
        memset(&a, 0, sizeof a);
        if ((error = get_str(c, &key, &n_key, "an actor key")) < 0 ||
            (error = get_str(c, &label, &n_label, "an actor label")) < 0 ||
            (error = get_u8(c, &u, "an actor type is missing")) < 0)
            goto cleanup;
        if (u >= NG_ETYPE__COUNT) {
            error = bad(c, "an actor has an unknown type code");
            goto cleanup;
        }
        a.type = (ng_etype)u;
        if ((error = get_u32(c, &a.mentions, "an actor's mentions are missing")) < 0 ||
            (error = get_u32(c, &a.partial, "an actor's partial flag is missing")) < 0 ||
            (error = get_str(c, &aliases, &n_aliases, "an actor's aliases")) < 0)
            goto cleanup;
        a.key = (char *)cstr(&r->scratch[0], key, n_key);
        a.label = (char *)cstr(&r->scratch[1], label, n_label);
        a.aliases = (char *)cstr(&r->scratch[2], aliases, n_aliases);
        if (!a.key || !a.label || !a.aliases) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        if ((error = ng_doc_add_actor(d, &a, NULL)) < 0) goto cleanup;
    }
    if ((error = get_u32(c, &n, "the relation count is missing")) < 0) goto cleanup;
    if (n > left(c) / MIN_RELATION_BYTES) {
        error = bad(c, "the relation count exceeds what the record can hold");
        goto cleanup;
    }
    for (uint32_t i = 0; i < n; i++) {
        ng_relation rel;
        const char *sentence;
        uint32_t n_sentence;
        memset(&rel, 0, sizeof rel);
        if ((error = get_u32(c, &rel.source, "a relation source is missing")) < 0 ||
            (error = get_u32(c, &rel.target, "a relation target is missing")) < 0 ||
            (error = get_u8(c, &u, "a relation type is missing")) < 0)
            goto cleanup;
        if (rel.source >= d->n_actors || rel.target >= d->n_actors) {
            error = bad(c, "a relation names an actor index out of range");
            goto cleanup;
        }
        if (u >= r->n_codes) {
            error = bad(c, "a relation has an unknown relation code");
            goto cleanup;
        }
        rel.rel = r->code[u];
        if ((error = get_u64(c, &rel.offset, "a relation offset is missing")) < 0 ||
            (error = get_date(c, rel.date, "a relation date")) < 0 ||
            (error = get_str(c, &sentence, &n_sentence, "a sentence")) < 0)
            goto cleanup;
        if (!(rel.sentence = (char *)cstr(&r->scratch[0], sentence, n_sentence))) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        if ((error = ng_doc_add_relation(d, &rel)) < 0) goto cleanup;
    }
    if (left(c) != 0) {
        error = bad(c, "unexpected bytes after the last relation");
        goto cleanup;
    }
    *out = d;
    d = NULL;
cleanup:
    ng_doc_free(d);
    return error;
}

/* Reads exactly n bytes; returns the count read (short at the end of the data), or -1 after
 * setting the error message and r->read_error on a read or decompression failure. zlib
 * reports a gzip stream cut short as an ordinary end of file, with Z_BUF_ERROR kept for
 * gzerror: that is checked at every short read, so that a shard whose compressed data was cut
 * after the end record (in the gzip trailer) is refused too. */
static long long read_exact(ng_shard_reader *r, void *dst, size_t n)
{
    size_t got = 0;
    while (got < n) {
        size_t want = n - got > (1u << 20) ? (1u << 20) : n - got;
        int k = gzread(r->gz, (char *)dst + got, (unsigned)want);
        if (k <= 0) {
            int zerr = Z_OK;
            const char *msg = gzerror(r->gz, &zerr);
            if (k == 0 && zerr == Z_OK) break; /* a clean end of file */
            if (zerr == Z_BUF_ERROR || zerr == Z_DATA_ERROR) {
                ng_error_set("%s: truncated or corrupt gzip data (%s): extract it again",
                             r->path, msg);
                r->read_error = NG_EFORMAT;
            } else {
                ng_error_set("%s: cannot read: %s", r->path,
                             zerr == Z_ERRNO ? strerror(errno) : msg);
                r->read_error = NG_EIO;
            }
            return -1;
        }
        got += (size_t)k;
    }
    return (long long)got;
}

/* Reads a body of `len` bytes, growing the buffer only as the bytes actually arrive, so that
 * a corrupt length in a short file never makes us allocate its claimed size. */
static int read_body(ng_shard_reader *r, uint32_t len, uint64_t record)
{
    size_t got = 0;
    while (got < len) {
        size_t chunk = len - got > (1u << 20) ? (1u << 20) : len - got;
        if (NG_ARRAY_GROW(r->body, r->body_cap, got + chunk) < 0) return NG_ENOMEM;
        long long k = read_exact(r, r->body + got, chunk);
        if (k < 0) return r->read_error;
        got += (size_t)k;
        if ((size_t)k < chunk) {
            ng_error_set("%s: record %llu is truncated (%zu of %u bytes): the shard is "
                         "incomplete; extract it again",
                         r->path, (unsigned long long)record, got, (unsigned)len);
            return NG_EFORMAT;
        }
    }
    return NG_OK;
}

static int read_header(ng_shard_reader *r)
{
    char line[64];
    size_t n = 0;
    int newline = 0;
    /* The header line is short: read byte by byte up to the newline. */
    while (n < sizeof line - 1) {
        long long k = read_exact(r, line + n, 1);
        if (k < 0) return r->read_error;
        if (k == 0) break;
        if (line[n] == '\n') {
            newline = 1;
            break;
        }
        n++;
    }
    line[n] = '\0';
    size_t magic = strlen(NG_SHARD_MAGIC);
    if (n == 0) {
        ng_error_set("%s: empty file, not a newsgraph shard (make shards with newsgraph "
                     "extract)", r->path);
        return NG_EFORMAT;
    }
    if (n < magic + 2 || memcmp(line, NG_SHARD_MAGIC " ", magic + 1) != 0) {
        ng_error_set("%s: not a newsgraph shard (no '%s' header line; make shards with "
                     "newsgraph extract)", r->path, NG_SHARD_MAGIC);
        return NG_EFORMAT;
    }
    const char *v = line + magic + 1;
    char *end;
    errno = 0;
    long version = strtol(v, &end, 10);
    if (end == v || *end != '\0' || errno || version < 0 || !newline) {
        ng_error_set("%s: unreadable shard header '%.40s'", r->path, line);
        return NG_EFORMAT;
    }
    if (version < 1 || version > NG_SHARD_VERSION) {
        ng_error_set("%s: shard format version %ld, but newsgraph %s reads versions 1 to %d: "
                     "extract it again with this newsgraph",
                     r->path, version, NG_VERSION, NG_SHARD_VERSION);
        return NG_EFORMAT;
    }
    r->version = version;
    return NG_OK;
}

/* Reads the next record into r->body: *tag and *len. `record` numbers it in messages. */
static int read_record(ng_shard_reader *r, unsigned char *tag, uint32_t *len, uint64_t record)
{
    unsigned char head[RECORD_HEAD], tail[RECORD_TAIL];
    int error;
    long long k = read_exact(r, head, sizeof head);
    if (k < 0) return r->read_error;
    if (k == 0) {
        ng_error_set("%s: truncated: the shard ends after record %llu without its end "
                     "record; extract it again",
                     r->path, (unsigned long long)r->docs);
        return NG_EFORMAT;
    }
    if ((size_t)k < sizeof head) {
        ng_error_set("%s: record %llu is truncated (its header is cut): extract it again",
                     r->path, (unsigned long long)record);
        return NG_EFORMAT;
    }
    *tag = head[0];
    *len = le32(head + 1);
    if (head[0] != TAG_DOC && head[0] != TAG_END && head[0] != TAG_NAMES) {
        ng_error_set("%s: record %llu has an unknown type (byte 0x%02x): the shard is corrupt",
                     r->path, (unsigned long long)record, head[0]);
        return NG_EFORMAT;
    }
    if (*len > NG_SHARD_MAX_RECORD) {
        ng_error_set("%s: record %llu claims %u bytes, more than the format allows (%u): the "
                     "shard is corrupt",
                     r->path, (unsigned long long)record, (unsigned)*len,
                     (unsigned)NG_SHARD_MAX_RECORD);
        return NG_EFORMAT;
    }
    /* (hostile: a zero-length first record left the body NULL, and NULL + 0 is undefined) */
    if ((error = NG_ARRAY_GROW(r->body, r->body_cap, 1)) < 0) return error;
    if ((error = read_body(r, *len, record)) < 0) return error;
    if ((k = read_exact(r, tail, sizeof tail)) < 0) return r->read_error;
    if ((size_t)k < sizeof tail) {
        ng_error_set("%s: record %llu is truncated (its checksum is cut): extract it again",
                     r->path, (unsigned long long)record);
        return NG_EFORMAT;
    }
    uLong crc = crc32(0L, r->body, (uInt)*len);
    if ((uint32_t)crc != le32(tail)) {
        ng_error_set("%s: record %llu fails its checksum: the shard is corrupt; extract it "
                     "again",
                     r->path, (unsigned long long)record);
        return NG_EFORMAT;
    }
    return NG_OK;
}

/* Maps the shard's relation code `code` to this run's relation `name` (n bytes). NG_EINVAL
 * when this run does not know it: the user must declare it as the extracting run did. */
static int map_code(ng_shard_reader *r, size_t code, const char *name, size_t n)
{
    ng_rel rel;
    char z[NG_REL_NAME_MAX + 1];
    if (n > NG_REL_NAME_MAX) {
        ng_error_set("%s: the relation names record is malformed: a name is longer than %d "
                     "bytes", r->path, NG_REL_NAME_MAX);
        return NG_EFORMAT;
    }
    memcpy(z, name, n);
    z[n] = '\0';
    if (ng_rel_parse(&rel, z) < 0) {
        ng_error_set("%s: the shard uses relation '%s', which this run does not know: pass "
                     "--relations with the file the shard was extracted with", r->path, z);
        return NG_EINVAL;
    }
    r->code[code] = rel;
    return NG_OK;
}

/* Version 2 opens with the names of the relations its docs use, by code. */
static int read_names(ng_shard_reader *r)
{
    unsigned char tag;
    uint32_t len, n;
    cursor c;
    int error;
    if (r->version == 1) {
        for (size_t i = 0; i < V1_NAMES; i++)
            if ((error = map_code(r, i, v1_names[i], strlen(v1_names[i]))) < 0) return error;
        r->n_codes = V1_NAMES;
        return NG_OK;
    }
    if ((error = read_record(r, &tag, &len, 0)) < 0) return error;
    c.p = r->body;
    c.end = r->body + len;
    if (tag != TAG_NAMES || get_u32(&c, &n, "") < 0 || n > 256) {
        ng_error_set("%s: no relation names record after the header: the shard is corrupt",
                     r->path);
        return NG_EFORMAT;
    }
    for (uint32_t i = 0; i < n; i++) {
        const char *name;
        uint32_t nlen;
        if (get_str(&c, &name, &nlen, "a relation name") < 0) {
            ng_error_set("%s: the relation names record is malformed: %s", r->path, c.why);
            return NG_EFORMAT;
        }
        if ((error = map_code(r, i, name, nlen)) < 0) return error;
    }
    if (left(&c) != 0) {
        ng_error_set("%s: the relation names record is malformed: trailing bytes", r->path);
        return NG_EFORMAT;
    }
    r->n_codes = n;
    return NG_OK;
}

/* The end record: the doc count must match, and nothing may follow. */
static int read_end(ng_shard_reader *r, cursor *c, uint64_t record)
{
    uint64_t count;
    unsigned char extra;
    long long k;
    if (get_u64(c, &count, "") < 0 || left(c) != 0) {
        ng_error_set("%s: record %llu: malformed end record", r->path,
                     (unsigned long long)record);
        return NG_EFORMAT;
    }
    if (count != r->docs) {
        ng_error_set("%s: the end record counts %llu docs but the shard holds %llu: the "
                     "shard is corrupt",
                     r->path, (unsigned long long)count, (unsigned long long)r->docs);
        return NG_EFORMAT;
    }
    if ((k = read_exact(r, &extra, 1)) < 0) return r->read_error;
    if (k != 0) {
        ng_error_set("%s: unexpected data after the end record (two shards concatenated? "
                     "give them to merge as separate files)",
                     r->path);
        return NG_EFORMAT;
    }
    r->done = 1;
    return NG_OK;
}

int ng_shard_read_doc(ng_shard_reader *r, ng_doc **out)
{
    uint64_t record = r->docs + 1;
    unsigned char tag;
    uint32_t len;
    cursor c;
    int error;
    *out = NULL;
    if (r->done) return NG_OK;
    if ((error = read_record(r, &tag, &len, record)) < 0) return error;
    c.p = r->body;
    c.end = r->body + len;
    c.why[0] = '\0';
    if (tag == TAG_NAMES) {
        ng_error_set("%s: record %llu is a second relation names record: the shard is corrupt",
                     r->path, (unsigned long long)record);
        return NG_EFORMAT;
    }
    if (tag == TAG_END) return read_end(r, &c, record);
    if ((error = decode_doc(r, &c, out)) < 0) {
        if (error == NG_EFORMAT)
            ng_error_set("%s: record %llu is malformed: %s", r->path,
                         (unsigned long long)record, c.why);
        return error;
    }
    r->docs++;
    return NG_OK;
}

int ng_shard_reader_open(ng_shard_reader **out, const char *path)
{
    int error = NG_OK;
    ng_shard_reader *r = ng_calloc(1, sizeof *r);
    *out = NULL;
    if (!r) return NG_ENOMEM;
    if (!(r->path = ng_strdup(path))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    if (strcmp(path, "-") == 0) {
        int fd = dup(STDIN_FILENO);
        r->gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!r->gz && fd >= 0) close(fd);
    } else {
        errno = 0;
        r->gz = gzopen(path, "rb");
    }
    if (!r->gz) {
        ng_error_set("%s: cannot open the shard: %s", path, errno ? strerror(errno) : "error");
        error = NG_EIO;
        goto cleanup;
    }
    gzbuffer(r->gz, 1u << 17);
    if ((error = read_header(r)) < 0 || (error = read_names(r)) < 0) goto cleanup;
    *out = r;
    return NG_OK;
cleanup:
    ng_shard_reader_free(r);
    return error;
}

uint64_t ng_shard_reader_count(const ng_shard_reader *r) { return r ? r->docs : 0; }

void ng_shard_reader_free(ng_shard_reader *r)
{
    if (!r) return;
    if (r->gz) gzclose(r->gz);
    for (size_t i = 0; i < sizeof r->scratch / sizeof r->scratch[0]; i++)
        ng_buf_free(&r->scratch[i]);
    free(r->body);
    free(r->path);
    free(r);
}
