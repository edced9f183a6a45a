/* reader_src.c - a byte source for every kind of article file: plain, gzip or standard input,
 * decoded to UTF-8 as it streams. A named file whose first two bytes are not gzip's magic is
 * read with read(2) straight into the caller's buffer (zlib's gzread would copy it through
 * its own); gzip files, standard input and anything that cannot be peeked at go through zlib,
 * which reads plain data as it is.
 *
 * The first NG_SRC_SNIFF bytes decide the encoding: a byte-order mark (UTF-8, UTF-16, UTF-32,
 * dropped), else the zero bytes: text in UTF-16 without a mark has a zero in every other byte
 * for Latin letters (LE: the odd bytes, BE: the even ones), UTF-32 three in four, while a
 * binary file (an image, an executable) has zeros at both parities. A file with at least 1%
 * zero bytes that is neither is binary. Everything else passes through as bytes: extraction
 * validates and repairs UTF-8 and Windows-1252 itself. */
#include "reader_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RAW_SIZE 65536

const char *ng_src__enc_name(ng_enc e)
{
    static const char *const names[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"};
    return (unsigned)e <= NG_ENC_UTF32BE ? names[e] : "unknown";
}

/* Opens a named file. A regular file is read with read(2) (s->fd), its first read telling
 * whether it is gzip after all (switch_to_gzip): open, fstat, one read and close for a
 * small article, where a pread of the magic first was one system call more a file. Anything
 * else is peeked at: plain when its first two bytes are not gzip's magic, else (a pipe, a
 * directory: the pread fails) through zlib on the same descriptor. */
static int open_path(ng_src *s, const char *path)
{
    unsigned char magic[2];
    struct stat st;
    errno = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NG_EIO;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        s->fd = fd;
        s->size = (uint64_t)st.st_size;
        s->unpeeked = 1;
        return NG_OK;
    }
    ssize_t got = pread(fd, magic, 2, 0);
    if (got >= 0 && !(got == 2 && magic[0] == 0x1F && magic[1] == 0x8B)) {
        s->fd = fd;
        return NG_OK;
    }
    if (!(s->gz = gzdopen(fd, "rb"))) {
        close(fd);
        return NG_EIO;
    }
    return NG_OK;
}

int ng_src__open(ng_src *s, const char *path)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    if (strcmp(path, "-") == 0) {
        int fd = dup(STDIN_FILENO);
        s->gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!s->gz && fd >= 0) close(fd);
    } else if (open_path(s, path) == NG_OK) {
        return NG_OK;
    }
    if (!s->gz) {
        snprintf(s->why, sizeof s->why, "cannot open: %s", errno ? strerror(errno) : "out of memory");
        return NG_EIO;
    }
    return NG_OK;
}

void ng_src__close(ng_src *s)
{
    if (s->gz) gzclose(s->gz);
    if (s->fd >= 0) close(s->fd);
    free(s->raw);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}

/* read(2) of a plain file into dst, up to cap bytes (fewer only at the end). */
static int fill_plain(ng_src *s, unsigned char *dst, size_t cap, size_t *n)
{
    size_t got = 0;
    while (got < cap) {
        ssize_t k = read(s->fd, dst + got, cap - got);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            snprintf(s->why, sizeof s->why, "unreadable (%s)", strerror(errno));
            return NG_EIO;
        }
        if (k == 0) {
            s->eof = 1;
            break;
        }
        got += (size_t)k;
        /* a short read of a regular file that reached its size is its end: no read(2) more
         * to see 0 */
        if (got < cap && s->size && s->bytes + got >= s->size) {
            s->eof = 1;
            break;
        }
    }
    s->bytes += got;
    *n = got;
    return NG_OK;
}

/* A regular file whose first read showed gzip's magic: read again from its start through
 * zlib, what was read forgotten. */
static int switch_to_gzip(ng_src *s)
{
    if (lseek(s->fd, 0, SEEK_SET) != 0 || !(s->gz = gzdopen(s->fd, "rb"))) {
        snprintf(s->why, sizeof s->why, "unreadable (%s)", errno ? strerror(errno) : "out of memory");
        return NG_EIO;
    }
    s->fd = -1; /* zlib's now */
    s->size = s->bytes = 0;
    s->eof = 0;
    return NG_OK;
}

/* The next bytes into dst: read(2) of a plain file, else gzread; at the end of a gzip
 * stream, checks that its data was complete. */
static int fill(ng_src *s, unsigned char *dst, size_t cap, size_t *n)
{
    if (!s->gz) {
        int first = s->unpeeked, error = fill_plain(s, dst, cap, n);
        s->unpeeked = 0;
        if (error < 0 || !first || !(*n >= 2 && dst[0] == 0x1F && dst[1] == 0x8B)) return error;
        if ((error = switch_to_gzip(s)) < 0) return error;
    }
    int zerr, got = gzread(s->gz, dst, (unsigned)cap);
    *n = 0;
    if (got < 0) {
        const char *msg = gzerror(s->gz, &zerr);
        snprintf(s->why, sizeof s->why, "unreadable (%s)",
                 zerr == Z_ERRNO ? strerror(errno) : (msg && *msg ? msg : "corrupt gzip data"));
        return NG_EIO;
    }
    if (got == 0) {
        const char *msg = gzerror(s->gz, &zerr);
        s->eof = 1;
        if (zerr == Z_BUF_ERROR) {
            s->truncated = 1;
            snprintf(s->why, sizeof s->why, "truncated gzip file");
            return NG_EIO;
        }
        if (zerr != Z_OK) {
            snprintf(s->why, sizeof s->why, "unreadable (%s)", msg && *msg ? msg : "corrupt gzip data");
            return NG_EIO;
        }
    }
    s->bytes += (uint64_t)got;
    *n = (size_t)got;
    return NG_OK;
}

/* The encoding of a first block without a byte-order mark, from where its zero bytes are;
 * -1 for a binary file. */
static int guess(const unsigned char *p, size_t n)
{
    size_t z[4] = {0, 0, 0, 0}, zeros = 0, units = n / 4, pairs = n / 2;
    if (!memchr(p, 0, n)) return NG_ENC_UTF8; /* most files: no zero byte, no count */
    for (size_t i = 0; i < n; i++) {
        if (!p[i]) z[i % 4]++;
    }
    zeros = z[0] + z[1] + z[2] + z[3];
    if (!zeros) return NG_ENC_UTF8;
    if (units >= 2) {
        /* UTF-32: the top byte always zero, the next nearly always, the low one seldom */
        if (z[3] == units && z[2] * 10 >= units * 9 && z[0] * 2 < units) return NG_ENC_UTF32LE;
        if (z[0] == units && z[1] * 10 >= units * 9 && z[3] * 2 < units) return NG_ENC_UTF32BE;
    }
    size_t ze = z[0] + z[2], zo = z[1] + z[3];
    if (pairs >= 4 && zo * 20 >= pairs && ze * 16 <= zo) return NG_ENC_UTF16LE;
    if (pairs >= 4 && ze * 20 >= pairs && zo * 16 <= ze) return NG_ENC_UTF16BE;
    return zeros * 100 >= n ? -1 : NG_ENC_UTF8;
}

static int read_units(ng_src *s, char *buf, size_t cap, size_t *n);

/* The encoding of the first block p[0..n) (s->enc, s->bom); its byte-order mark's length in
 * *skip. NG_EFORMAT for a binary file. */
static int decide(ng_src *s, const unsigned char *p, size_t n, size_t *skip)
{
    static const struct { const char *bom; size_t len; ng_enc enc; } boms[] = {
        {"\x00\x00\xFE\xFF", 4, NG_ENC_UTF32BE}, {"\xFF\xFE\x00\x00", 4, NG_ENC_UTF32LE},
        {"\xEF\xBB\xBF", 3, NG_ENC_UTF8},        {"\xFE\xFF", 2, NG_ENC_UTF16BE},
        {"\xFF\xFE", 2, NG_ENC_UTF16LE},
    };
    *skip = 0;
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++) {
        if (n >= boms[i].len && memcmp(p, boms[i].bom, boms[i].len) == 0) {
            s->enc = boms[i].enc;
            s->bom = 1;
            *skip = boms[i].len;
            return NG_OK;
        }
    }
    int g = guess(p, n);
    if (g < 0) {
        snprintf(s->why, sizeof s->why, "binary file (not text)");
        return NG_EFORMAT;
    }
    s->enc = (ng_enc)g;
    return NG_OK;
}

/* Reads the first block into raw and decides the encoding; drops a byte-order mark. */
static int sniff(ng_src *s)
{
    size_t n, skip;
    int error;
    s->sniffed = 1;
    if (!s->raw && !(s->raw = ng_malloc(RAW_SIZE))) return NG_ENOMEM;
    if ((error = fill(s, s->raw, NG_SRC_SNIFF, &n)) < 0) return error;
    s->raw_len = n;
    if ((error = decide(s, s->raw, n, &skip)) < 0) return error;
    s->raw_pos = skip;
    return NG_OK;
}

/* The first block read straight into the caller's buffer (room for all of it): UTF-8 stays
 * there (its mark dropped), no raw buffer; UTF-16 and UTF-32 are copied to raw to decode. */
static int sniff_into(ng_src *s, char *buf, size_t cap, size_t *n)
{
    size_t got, skip;
    int error;
    s->sniffed = 1;
    if ((error = fill(s, (unsigned char *)buf, cap < NG_SRC_SNIFF ? cap : NG_SRC_SNIFF, &got)) < 0)
        return error;
    if ((error = decide(s, (const unsigned char *)buf, got, &skip)) < 0) return error;
    if (s->enc == NG_ENC_UTF8) {
        if (skip) memmove(buf, buf + skip, got - skip);
        *n = got - skip;
        return NG_OK;
    }
    if (!(s->raw = ng_malloc(RAW_SIZE))) return NG_ENOMEM;
    memcpy(s->raw, buf, got);
    s->raw_len = got;
    s->raw_pos = skip;
    return read_units(s, buf, cap, n);
}

static size_t put_utf8(char *u, uint32_t cp)
{
    if (cp < 0x80) {
        u[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (char)(0xF0 | cp >> 18);
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static uint32_t unit_at(const ng_src *s, size_t i)
{
    const unsigned char *p = s->raw + i;
    switch (s->enc) {
    case NG_ENC_UTF16LE: return (uint32_t)(p[0] | p[1] << 8);
    case NG_ENC_UTF16BE: return (uint32_t)(p[0] << 8 | p[1]);
    case NG_ENC_UTF32LE: return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    default: return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
    }
}

/* Decodes whole code units from raw into out (room for `cap` bytes). A lone surrogate or a
 * value past U+10FFFF becomes U+FFFD; an odd byte at the very end is dropped. */
static size_t decode(ng_src *s, char *out, size_t cap)
{
    size_t unit = s->enc <= NG_ENC_UTF16BE ? 2 : 4, o = 0;
    while (o + 4 <= cap && s->raw_len - s->raw_pos >= unit) {
        uint32_t cp = unit_at(s, s->raw_pos);
        size_t used = unit;
        if (unit == 2 && cp >= 0xD800 && cp <= 0xDBFF) {
            if (s->raw_len - s->raw_pos < 4 && !s->eof) break; /* the pair's second half */
            uint32_t lo = s->raw_len - s->raw_pos >= 4 ? unit_at(s, s->raw_pos + 2) : 0;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                used = 4;
            } else {
                cp = 0xFFFD;
            }
        } else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            cp = 0xFFFD;
        }
        s->raw_pos += used;
        o += put_utf8(out + o, cp);
    }
    return o;
}

static int read_units(ng_src *s, char *buf, size_t cap, size_t *n)
{
    int error;
    for (;;) {
        if ((*n = decode(s, buf, cap)) > 0 || s->eof) return NG_OK;
        size_t keep = s->raw_len - s->raw_pos, got;
        memmove(s->raw, s->raw + s->raw_pos, keep);
        s->raw_pos = 0;
        s->raw_len = keep;
        if ((error = fill(s, s->raw + keep, RAW_SIZE - keep, &got)) < 0) return error;
        s->raw_len += got;
    }
}

int ng_src__read(ng_src *s, char *buf, size_t cap, size_t *n)
{
    int error;
    *n = 0;
    /* room for the whole first block (or the whole file): no copy through raw */
    if (!s->sniffed && (cap >= NG_SRC_SNIFF || (s->size && cap > s->size)))
        return sniff_into(s, buf, cap, n);
    if (!s->sniffed && (error = sniff(s)) < 0) return error;
    if (s->enc != NG_ENC_UTF8) return read_units(s, buf, cap, n);
    if (s->raw_pos < s->raw_len) { /* the rest of the first block */
        size_t k = s->raw_len - s->raw_pos < cap ? s->raw_len - s->raw_pos : cap;
        memcpy(buf, s->raw + s->raw_pos, k);
        s->raw_pos += k;
        *n = k;
        return NG_OK;
    }
    if (s->eof) return NG_OK;
    return fill(s, (unsigned char *)buf, cap, n);
}

/* ---------------------------------------------------------------- UTF-8 and charsets */

/* Length of the valid UTF-8 sequence at s (1..4), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    uint32_t v;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) len = 2, v = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, v = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, v = c & 0x07;
    else return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    return len;
}

void ng_reader__utf8_count(const char *s, size_t n, size_t *bad, size_t *multi)
{
    const unsigned char *p = (const unsigned char *)s;
    *bad = *multi = 0;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_len(p + i, n - i);
        if (!k) {
            (*bad)++;
            i++;
        } else {
            *multi += k > 1;
            i += k;
        }
    }
}

int ng_reader__utf8_repair(ng_buf *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0; /* start of the valid run being copied */
    for (size_t i = 0; i < n;) {
        size_t k = p[i] ? utf8_len(p + i, n - i) : 0;
        if (k) {
            i += k;
            continue;
        }
        ng_buf_put(out, s + run, i - run);
        ng_buf_put(out, "\xEF\xBF\xBD", 3);
        run = ++i;
    }
    ng_buf_put(out, s + run, n - run);
    return out->oom ? NG_ENOMEM : NG_OK;
}

int ng_reader__from_charset(ng_buf *out, const char *s, size_t n, const char *charset)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) return NG_EINVAL;
    char *in = (char *)s;
    size_t left = n;
    while (left > 0 && !out->oom) {
        if (ng_buf_grow(out, (left < 65536 ? left : 65536) * 4 + 16) < 0) break;
        char *o = out->ptr + out->len;
        size_t room = out->cap - out->len - 1, before = room;
        size_t rc = iconv(cd, &in, &left, &o, &room);
        out->len += before - room;
        if (rc == (size_t)-1 && errno != E2BIG) { /* a byte the charset does not define */
            ng_buf_put(out, "\xEF\xBF\xBD", 3);
            in++;
            left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    if (out->ptr) out->ptr[out->len] = '\0';
    iconv_close(cd);
    return out->oom ? NG_ENOMEM : NG_OK;
}
