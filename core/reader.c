/* reader.c - streams articles out of files, directories, standard input and CSV corpora.
 *
 * Directories are expanded to a sorted list of file paths up front (paths only: memory grows
 * with the number of files, not with their bytes). Each text file is one article, read through
 * zlib's gzread, which reads plain files as they are and inflates .gz ones. A CSV corpus is
 * parsed incrementally with libcsv, one line of input at a time so that every row is known by
 * its line number, and yields one article per row. */
#include "ng_core.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

typedef struct file_item {
    char *path; /* as opened */
    char *id;   /* article id derived from the path */
} file_item;

/* The CSV corpus being read, if any. */
typedef struct csv_state {
    gzFile gz;
    char *path;
    struct csv_parser parser;
    int parser_ready;
    size_t line;            /* current input line (1-based) */
    size_t row_line;        /* line where the current row started */
    size_t row_start;       /* line where the parser last stood between rows */
    size_t row_bytes;       /* bytes in the fields of the current row so far */
    ng_buf *fields;         /* fields of the current row */
    size_t n_fields, cap_fields;
    int header_done;
    int col_text, col_id, col_date, col_title, col_url;
    size_t n_columns;
    ng_article **queue;     /* rows completed, waiting to be returned */
    size_t q_head, q_len, q_cap;
    int eof;
    int failed;             /* out of memory or no usable header: the rest of the file is skipped */
    int skip_line;          /* after a parse error: drop input up to the next newline */
    int too_big;            /* the current row exceeded the article cap or NG_CSV_MAX_FIELDS */
    char *base;             /* file name without directory and extension, for row ids */
} csv_state;

struct ng_reader {
    file_item *files;
    size_t n_files, cap_files, next_file;
    ng_reader_opts opts;
    size_t skipped;
    uint64_t bytes;
    csv_state *csv;
    ng_buf scratch;
    size_t slice_index, slice_count; /* ng_reader_set_slice; count 0 or 1 = every file */
};

static void skip(ng_reader *r, const char *origin, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Control characters (a newline in a CSV field or a file name) become spaces, so that every
 * report stays one line and input cannot forge lines of its own. */
static void one_line(char *s)
{
    for (; *s; s++) {
        if ((unsigned char)*s < 0x20 || *s == 0x7f) *s = ' ';
    }
}

static void skip(ng_reader *r, const char *origin, const char *fmt, ...)
{
    char msg[512], where[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(where, sizeof where, "%s", origin);
    one_line(msg);
    one_line(where);
    r->skipped++;
    if (r->opts.on_skip) r->opts.on_skip(r->opts.ctx, where, msg);
}

static int is_csv(const char *path)
{
    return ng_has_suffix(path, ".csv") || ng_has_suffix(path, ".csv.gz");
}

/* The article id of a file: its path relative to the input root, without .gz and one more
 * extension. */
static char *make_id(const char *rel)
{
    char *id = ng_strdup(rel);
    if (!id) return NULL;
    size_t n = strlen(id);
    if (n > 3 && strcmp(id + n - 3, ".gz") == 0) id[n -= 3] = '\0';
    char *slash = strrchr(id, '/');
    char *dot = strrchr(id, '.');
    if (dot && (!slash || dot > slash + 1)) *dot = '\0';
    return id;
}

static int add_file(ng_reader *r, const char *path, const char *rel)
{
    if (NG_ARRAY_GROW(r->files, r->cap_files, r->n_files + 1) < 0) return NG_ENOMEM;
    file_item *f = &r->files[r->n_files];
    f->path = ng_strdup(path);
    f->id = make_id(rel);
    if (!f->path || !f->id) {
        free(f->path);
        free(f->id);
        return NG_ENOMEM;
    }
    r->n_files++;
    return NG_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directories on the current walk, to refuse symlink loops. */
typedef struct walk_stack {
    dev_t dev[64];
    ino_t ino[64];
    int depth;
} walk_stack;

static int walk_dir(ng_reader *r, const char *dir, const char *rel, walk_stack *ws)
{
    int error = NG_OK;
    DIR *d = NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct stat st;
    if (stat(dir, &st) != 0) {
        skip(r, dir, "cannot read directory: %s", strerror(errno));
        return NG_OK;
    }
    for (int i = 0; i < ws->depth; i++) {
        if (ws->dev[i] == st.st_dev && ws->ino[i] == st.st_ino) {
            skip(r, dir, "directory loop (a symbolic link to a parent): skipped");
            return NG_OK;
        }
    }
    if (ws->depth == 64) {
        skip(r, dir, "directories nested deeper than 64 levels: skipped");
        return NG_OK;
    }
    ws->dev[ws->depth] = st.st_dev;
    ws->ino[ws->depth] = st.st_ino;
    ws->depth++;
    if (!(d = opendir(dir))) {
        skip(r, dir, "cannot read directory: %s", strerror(errno));
        goto cleanup;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* hidden files, "." and ".." */
        if (NG_ARRAY_GROW(names, cap, n + 1) < 0) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        if (!(names[n] = ng_strdup(e->d_name))) { error = NG_ENOMEM; goto cleanup; }
        n++;
    }
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        ng_buf path = NG_BUF_INIT, sub = NG_BUF_INIT;
        ng_buf_printf(&path, "%s/%s", dir, names[i]);
        if (rel[0]) ng_buf_printf(&sub, "%s/%s", rel, names[i]);
        else ng_buf_puts(&sub, names[i]);
        if (path.oom || sub.oom) {
            ng_buf_free(&path);
            ng_buf_free(&sub);
            error = NG_ENOMEM;
            goto cleanup;
        }
        if (stat(path.ptr, &st) != 0) {
            skip(r, path.ptr, "cannot read: %s", strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            error = walk_dir(r, path.ptr, sub.ptr, ws);
        } else if (S_ISREG(st.st_mode)) {
            error = add_file(r, path.ptr, sub.ptr);
        } else {
            skip(r, path.ptr, "not a regular file: skipped");
        }
        ng_buf_free(&path);
        ng_buf_free(&sub);
        if (error < 0) goto cleanup;
    }
cleanup:
    ws->depth--;
    if (d) closedir(d);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return error;
}

int ng_reader_new(ng_reader **out, const char *const *inputs, size_t n_inputs,
                  const ng_reader_opts *opts)
{
    int error = NG_OK;
    ng_reader *r = ng_calloc(1, sizeof *r);
    *out = NULL;
    if (!r) return NG_ENOMEM;
    if (opts) r->opts = *opts;
    if (!r->opts.max_article_bytes) r->opts.max_article_bytes = NG_DEFAULT_MAX_ARTICLE_BYTES;
    for (size_t i = 0; i < n_inputs; i++) {
        const char *in = inputs[i];
        struct stat st;
        if (strcmp(in, "-") == 0) {
            if ((error = add_file(r, "-", "stdin")) < 0) goto cleanup;
            continue;
        }
        if (stat(in, &st) != 0) {
            error = NG_EIO;
            ng_error_set("%s: cannot read input: %s", in, strerror(errno));
            goto cleanup;
        }
        if (S_ISDIR(st.st_mode)) {
            walk_stack ws = {.depth = 0};
            size_t len = strlen(in);
            char *dir = ng_strdup(in);
            if (!dir) { error = NG_ENOMEM; goto cleanup; }
            while (len > 1 && dir[len - 1] == '/') dir[--len] = '\0';
            error = walk_dir(r, dir, "", &ws);
            free(dir);
            if (error < 0) goto cleanup;
        } else {
            const char *base = strrchr(in, '/');
            if ((error = add_file(r, in, base ? base + 1 : in)) < 0) goto cleanup;
        }
    }
    *out = r;
    return NG_OK;
cleanup:
    ng_reader_free(r);
    return error;
}

/* ---------------------------------------------------------------- text files */

/* Converts UTF-16 (with a BOM) to UTF-8 in place of `buf`. */
static int utf16_to_utf8(ng_buf *buf)
{
    ng_buf out = NG_BUF_INIT;
    const unsigned char *p = (const unsigned char *)buf->ptr;
    int le = p[0] == 0xFF;
    for (size_t i = 2; i + 1 < buf->len; i += 2) {
        unsigned long cp = le ? (unsigned long)(p[i] | p[i + 1] << 8) : (unsigned long)(p[i] << 8 | p[i + 1]);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < buf->len) {
            unsigned long lo = le ? (unsigned long)(p[i + 2] | p[i + 3] << 8)
                                  : (unsigned long)(p[i + 2] << 8 | p[i + 3]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        char enc[4];
        size_t n;
        if (cp < 0x80) { enc[0] = (char)cp; n = 1; }
        else if (cp < 0x800) { enc[0] = (char)(0xC0 | cp >> 6); enc[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
        else if (cp < 0x10000) {
            enc[0] = (char)(0xE0 | cp >> 12); enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            enc[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
        } else {
            enc[0] = (char)(0xF0 | cp >> 18); enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
            enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); enc[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
        }
        ng_buf_put(&out, enc, n);
    }
    if (out.oom) {
        ng_buf_free(&out);
        return NG_ENOMEM;
    }
    if (!out.ptr) ng_buf_puts(&out, "");
    ng_buf_free(buf);
    *buf = out;
    return NG_OK;
}

/* Looks like a binary file (an image, an executable): NUL bytes early on, no UTF-16 BOM. */
static int looks_binary(const ng_buf *b)
{
    size_t n = b->len < 8192 ? b->len : 8192, nul = 0;
    for (size_t i = 0; i < n; i++) nul += b->ptr[i] == '\0';
    return nul > 0 && nul * 100 >= n; /* at least 1% NUL bytes */
}

/* Reads one whole text article. Returns NG_OK with *out set, NG_OK with *out NULL when the file
 * was skipped (reported), or NG_ENOMEM. */
static int read_text(ng_reader *r, const file_item *f, ng_article **out)
{
    int error = NG_OK;
    ng_buf b = NG_BUF_INIT;
    ng_article *a = NULL;
    gzFile gz = NULL;
    *out = NULL;
    if (strcmp(f->path, "-") == 0) {
        int fd = dup(STDIN_FILENO);
        gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!gz && fd >= 0) close(fd);
    } else {
        gz = gzopen(f->path, "rb");
    }
    const char *origin = strcmp(f->path, "-") == 0 ? "(standard input)" : f->path;
    if (!gz) {
        skip(r, origin, "cannot open: %s", errno ? strerror(errno) : "out of memory");
        goto cleanup;
    }
    for (;;) {
        if ((error = ng_buf_grow(&b, 65536)) < 0) goto cleanup;
        int n = gzread(gz, b.ptr + b.len, 65536);
        if (n < 0) {
            int zerr;
            const char *msg = gzerror(gz, &zerr);
            skip(r, origin, "unreadable (%s): skipped",
                 zerr == Z_ERRNO ? strerror(errno) : (msg && *msg ? msg : "corrupt gzip data"));
            goto cleanup;
        }
        if (n == 0) break;
        b.len += (size_t)n;
        b.ptr[b.len] = '\0';
        r->bytes += (uint64_t)n;
        if (b.len > r->opts.max_article_bytes) {
            skip(r, origin, "larger than the article size cap (%zu bytes, see --max-article-bytes): skipped",
                 r->opts.max_article_bytes);
            goto cleanup;
        }
    }
    {
        int zerr;
        const char *msg = gzerror(gz, &zerr);
        if (zerr != Z_OK && zerr != Z_BUF_ERROR) {
            skip(r, origin, "unreadable (%s): skipped", msg && *msg ? msg : "corrupt gzip data");
            goto cleanup;
        }
        if (zerr == Z_BUF_ERROR) {
            skip(r, origin, "truncated gzip file: skipped");
            goto cleanup;
        }
    }
    if (b.len == 0) {
        skip(r, origin, "empty file: skipped");
        goto cleanup;
    }
    if (b.len >= 2 && (((unsigned char)b.ptr[0] == 0xFF && (unsigned char)b.ptr[1] == 0xFE) ||
                       ((unsigned char)b.ptr[0] == 0xFE && (unsigned char)b.ptr[1] == 0xFF))) {
        if ((error = utf16_to_utf8(&b)) < 0) goto cleanup;
        if (b.len == 0) { /* a byte-order mark and nothing else */
            skip(r, origin, "empty file (UTF-16 byte-order mark only): skipped");
            goto cleanup;
        }
    } else if (looks_binary(&b)) {
        skip(r, origin, "binary file (not text): skipped");
        goto cleanup;
    }
    if (!(a = ng_calloc(1, sizeof *a))) { error = NG_ENOMEM; goto cleanup; }
    a->id = ng_strdup(f->id);
    a->origin = ng_strdup(origin);
    if (!a->id || !a->origin) { error = NG_ENOMEM; goto cleanup; }
    a->len = b.len;
    a->text = ng_buf_detach(&b);
    *out = a;
    a = NULL;
cleanup:
    if (gz) gzclose(gz);
    ng_buf_free(&b);
    ng_article_free(a);
    return error;
}

/* ---------------------------------------------------------------- CSV corpora */

static void csv_state_free(csv_state *c)
{
    if (!c) return;
    if (c->gz) gzclose(c->gz);
    if (c->parser_ready) csv_free(&c->parser);
    for (size_t i = 0; i < c->cap_fields; i++) ng_buf_free(&c->fields[i]);
    free(c->fields);
    for (size_t i = 0; i < c->q_len; i++) ng_article_free(c->queue[(c->q_head + i) % c->q_cap]);
    free(c->queue);
    free(c->path);
    free(c->base);
    free(c);
}

/* Fields kept per row (and columns per header): a row with more is skipped, so that a line
 * of commas cannot allocate a field table without bound. */
#define NG_CSV_MAX_FIELDS 4096

typedef struct csv_ctx {
    ng_reader *r;
    csv_state *c;
} csv_ctx;

static void csv_field_cb(void *data, size_t len, void *p)
{
    csv_ctx *x = p;
    csv_state *c = x->c;
    if (c->n_fields == 0 && !c->too_big) c->row_line = c->row_start;
    c->row_bytes += len;
    if (c->too_big || c->n_fields >= NG_CSV_MAX_FIELDS ||
        c->row_bytes > x->r->opts.max_article_bytes) {
        c->too_big = 1;
        c->n_fields++; /* counted, not kept */
        return;
    }
    if (c->n_fields == c->cap_fields) {
        size_t old = c->cap_fields;
        if (NG_ARRAY_GROW(c->fields, c->cap_fields, c->n_fields + 1) < 0) {
            c->failed = NG_ENOMEM;
            return;
        }
        for (size_t i = old; i < c->cap_fields; i++) c->fields[i] = (ng_buf)NG_BUF_INIT;
    }
    ng_buf *f = &c->fields[c->n_fields++];
    ng_buf_clear(f);
    ng_buf_put(f, data ? data : "", len);
    if (f->oom) c->failed = NG_ENOMEM;
}

static int push_article(csv_state *c, ng_article *a)
{
    if (c->q_len == c->q_cap) {
        size_t cap = c->q_cap ? c->q_cap * 2 : 8;
        ng_article **q = ng_malloc(cap * sizeof *q);
        if (!q) return NG_ENOMEM;
        for (size_t i = 0; i < c->q_len; i++) q[i] = c->queue[(c->q_head + i) % c->q_cap];
        free(c->queue);
        c->queue = q;
        c->q_head = 0;
        c->q_cap = cap;
    }
    c->queue[(c->q_head + c->q_len++) % c->q_cap] = a;
    return NG_OK;
}

static char *field_dup(csv_state *c, int col)
{
    if (col < 0 || (size_t)col >= c->n_fields || c->fields[col].len == 0) return NULL;
    return ng_strndup(c->fields[col].ptr, c->fields[col].len);
}

static void csv_row_cb(int term, void *p)
{
    csv_ctx *x = p;
    csv_state *c = x->c;
    ng_reader *r = x->r;
    char origin[1024];
    (void)term;
    snprintf(origin, sizeof origin, "%s:%zu", c->path, c->row_line);
    if (c->failed) return;
    if (!c->header_done) {
        c->header_done = 1;
        if (c->too_big) {
            skip(r, c->path, "CSV header has more than %d columns or exceeds the size cap: file skipped",
                 NG_CSV_MAX_FIELDS);
            c->failed = NG_EFORMAT;
            return;
        }
        c->n_columns = c->n_fields;
        for (size_t i = 0; i < c->n_fields; i++) {
            ng_buf fold = NG_BUF_INIT;
            ng_text_fold(&fold, c->fields[i].ptr ? c->fields[i].ptr : "", c->fields[i].len);
            const char *h = fold.ptr ? fold.ptr : "";
            if (strcmp(h, "text") == 0) c->col_text = (int)i;
            else if (strcmp(h, "id") == 0) c->col_id = (int)i;
            else if (strcmp(h, "date") == 0) c->col_date = (int)i;
            else if (strcmp(h, "title") == 0) c->col_title = (int)i;
            else if (strcmp(h, "url") == 0) c->col_url = (int)i;
            ng_buf_free(&fold);
        }
        if (c->col_text < 0) {
            skip(r, c->path, "CSV corpus has no 'text' column in its header: file skipped");
            c->failed = NG_EFORMAT;
        }
        c->n_fields = 0;
        return;
    }
    if (c->too_big) {
        skip(r, origin, "row larger than the article size cap (%zu bytes) or with more than %d "
             "fields: skipped", r->opts.max_article_bytes, NG_CSV_MAX_FIELDS);
    } else if (c->n_fields == 1 && c->fields[0].len == 0) {
        /* a blank line */
    } else if (c->n_fields != c->n_columns) {
        skip(r, origin, "row has %zu fields, the header has %zu: skipped", c->n_fields,
             c->n_columns);
    } else if (c->fields[c->col_text].len == 0) {
        skip(r, origin, "empty 'text' field: row skipped");
    } else {
        ng_article *a = ng_calloc(1, sizeof *a);
        if (!a) { c->failed = NG_ENOMEM; goto done; }
        a->id = field_dup(c, c->col_id);
        if (!a->id) {
            char id[600];
            snprintf(id, sizeof id, "%s:%zu", c->base, c->row_line);
            a->id = ng_strdup(id);
        }
        a->origin = ng_strdup(origin);
        a->date = field_dup(c, c->col_date);
        if (a->date && !ng_date_parse(a->date, NULL, NULL, NULL)) {
            skip(r, origin, "date '%.40s' is not YYYY-MM-DD: the row is read without a date", a->date);
            r->skipped--; /* a warning, not a skipped article */
            free(a->date);
            a->date = NULL;
        } else if (a->date) {
            a->date[10] = '\0';
        }
        a->title = field_dup(c, c->col_title);
        a->url = field_dup(c, c->col_url);
        a->len = c->fields[c->col_text].len;
        a->text = field_dup(c, c->col_text);
        r->bytes += a->len;
        if (!a->id || !a->origin || !a->text || push_article(c, a) < 0) {
            ng_article_free(a);
            c->failed = NG_ENOMEM;
        }
    }
done:
    c->n_fields = 0;
    c->row_bytes = 0;
    c->too_big = 0;
}

static int open_csv(ng_reader *r, const file_item *f)
{
    csv_state *c = ng_calloc(1, sizeof *c);
    if (!c) return NG_ENOMEM;
    c->col_text = c->col_id = c->col_date = c->col_title = c->col_url = -1;
    c->line = c->row_start = 1;
    c->path = ng_strdup(f->path);
    const char *base = strrchr(f->id, '/');
    c->base = ng_strdup(base ? base + 1 : f->id);
    if (!c->path || !c->base) {
        csv_state_free(c);
        return NG_ENOMEM;
    }
    if (csv_init(&c->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        csv_state_free(c);
        return ng_error_set("out of memory (CSV parser)"), NG_ENOMEM;
    }
    c->parser_ready = 1;
    csv_set_blk_size(&c->parser, 65536); /* grow a long field in few steps */
    c->gz = gzopen(f->path, "rb");
    if (!c->gz) {
        skip(r, f->path, "cannot open: %s", strerror(errno));
        csv_state_free(c);
        return NG_OK;
    }
    r->csv = c;
    return NG_OK;
}

/* libcsv's parser states (libcsv.c): between rows, and inside a quoted field after a quote. */
enum { CSV_ROW_NOT_BEGUN = 0, CSV_FIELD_MIGHT_HAVE_ENDED = 3 };

/* Feeds one piece of a line to libcsv. Before it, notes where a row would start (so that a
 * row is named by its first line, even when a quoted field spans lines). After it, bounds
 * libcsv's own field buffer: a field already larger than the cap is skipped anyway, so its
 * bytes are dropped from the buffer as they come, keeping the last byte (the quote libcsv
 * may still remove) and whether trailing spaces were seen (which decides how a following
 * quote parses). Memory stays near the cap whatever the size of the cell. */
static int feed_csv(csv_state *c, csv_ctx *x, const char *data, size_t len)
{
    struct csv_parser *p = &c->parser;
    if (p->pstate == CSV_ROW_NOT_BEGUN) c->row_start = c->line;
    if (csv_parse(p, data, len, csv_field_cb, csv_row_cb, x) != len) return -1;
    if (p->pstate != CSV_ROW_NOT_BEGUN && p->entry_pos > x->r->opts.max_article_bytes) {
        size_t keep = p->spaces ? 2 : 1;
        memmove(p->entry_buf, p->entry_buf + p->entry_pos - keep, keep);
        p->entry_pos = keep;
        p->spaces = keep - 1;
        c->too_big = 1;
        if (c->n_fields == 0) c->row_line = c->row_start;
    }
    return 0;
}

/* After a parse error (strict quoting): reports the row, drops it and the rest of its line,
 * and restarts the parser at the next line, so one bad quote costs one row, not the file.
 * An error in the header row skips the file (its columns are unknown). */
static void csv_resync(ng_reader *r, csv_state *c)
{
    char origin[1024];
    snprintf(origin, sizeof origin, "%s:%zu", c->path, c->row_start);
    if (!c->header_done) {
        skip(r, origin, "malformed CSV header (a stray quote): file skipped");
        c->failed = NG_EFORMAT;
        return;
    }
    if (csv_error(&c->parser) == CSV_EPARSE)
        skip(r, origin, "malformed CSV at line %zu (a quote inside a field that is not doubled, "
             "or text after a closing quote): row skipped", c->line);
    else
        skip(r, origin, "malformed CSV at line %zu (%s): row skipped", c->line,
             csv_strerror(csv_error(&c->parser)));
    /* Reset the parser between rows; its buffer is kept. */
    c->parser.pstate = CSV_ROW_NOT_BEGUN;
    c->parser.quoted = 0;
    c->parser.spaces = 0;
    c->parser.entry_pos = 0;
    c->parser.status = 0;
    c->n_fields = 0;
    c->row_bytes = 0;
    c->too_big = 0;
}

/* Feeds the CSV parser until a row is queued or the file ends. */
static int pump_csv(ng_reader *r)
{
    csv_state *c = r->csv;
    csv_ctx x = {r, c};
    char chunk[65536];
    while (c->q_len == 0 && !c->eof && !c->failed) {
        int n = gzread(c->gz, chunk, sizeof chunk);
        if (n < 0) {
            int zerr;
            const char *msg = gzerror(c->gz, &zerr);
            skip(r, c->path, "unreadable after line %zu (%s): rest of file skipped", c->line,
                 msg && *msg ? msg : "corrupt gzip data");
            c->eof = 1;
            break;
        }
        if (n == 0) {
            int zerr;
            gzerror(c->gz, &zerr);
            if (zerr == Z_BUF_ERROR) {
                /* The last row is cut short: drop it rather than keep half an article. */
                skip(r, c->path, "truncated gzip file after line %zu: the row in progress and "
                     "the rest of the file are lost", c->line);
                csv_fini(&c->parser, NULL, NULL, NULL);
            } else if (csv_fini(&c->parser, csv_field_cb, csv_row_cb, &x) != 0 && !c->failed) {
                char origin[1024];
                snprintf(origin, sizeof origin, "%s:%zu", c->path, c->row_start);
                skip(r, origin, "unterminated quoted field: the row from this line on is skipped");
            } else if (!c->header_done && !c->failed) {
                skip(r, c->path, "empty file (no CSV header row): skipped");
            }
            c->eof = 1;
            break;
        }
        /* Feed line by line so that the row callbacks know the line number. */
        size_t start = 0;
        for (size_t i = 0; i < (size_t)n && !c->failed; i++) {
            if (chunk[i] != '\n') continue;
            if (!c->skip_line && feed_csv(c, &x, chunk + start, i + 1 - start) < 0)
                csv_resync(r, c);
            c->skip_line = 0;
            c->line++;
            start = i + 1;
        }
        if (!c->failed && !c->skip_line && start < (size_t)n &&
            feed_csv(c, &x, chunk + start, (size_t)n - start) < 0) {
            csv_resync(r, c);
            c->skip_line = 1; /* the rest of this line is in the next chunk */
        }
    }
    return c->failed == NG_ENOMEM ? NG_ENOMEM : NG_OK;
}

int ng_reader_next(ng_reader *r, ng_article **out)
{
    int error;
    *out = NULL;
    for (;;) {
        if (r->csv) {
            csv_state *c = r->csv;
            if ((error = pump_csv(r)) < 0) return error;
            if (c->q_len) {
                *out = c->queue[c->q_head];
                c->q_head = (c->q_head + 1) % c->q_cap;
                c->q_len--;
                return NG_OK;
            }
            csv_state_free(c);
            r->csv = NULL;
        }
        if (r->next_file >= r->n_files) return NG_OK;
        const file_item *f = &r->files[r->next_file++];
        if (r->slice_count > 1 && (r->next_file - 1) % r->slice_count != r->slice_index)
            continue; /* another slice's file: not even opened */
        if (strcmp(f->path, "-") != 0 && is_csv(f->path)) {
            if ((error = open_csv(r, f)) < 0) return error;
            continue;
        }
        if ((error = read_text(r, f, out)) < 0) return error;
        if (*out) return NG_OK;
    }
}

int ng_reader_set_slice(ng_reader *r, size_t index, size_t count)
{
    if (count == 0 || index >= count) {
        ng_error_set("slice %zu/%zu: the slice number must be below the count (0/4 .. 3/4)",
                     index, count);
        return NG_EINVAL;
    }
    r->slice_index = index;
    r->slice_count = count;
    return NG_OK;
}

size_t ng_reader_skipped(const ng_reader *r) { return r->skipped; }

uint64_t ng_reader_bytes(const ng_reader *r) { return r->bytes; }

void ng_reader_free(ng_reader *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n_files; i++) {
        free(r->files[i].path);
        free(r->files[i].id);
    }
    free(r->files);
    csv_state_free(r->csv);
    ng_buf_free(&r->scratch);
    free(r);
}
