/* reader_csv.c - a CSV corpus, one article per row, parsed incrementally with libcsv in
 * strict mode from the byte source (so a UTF-16 spreadsheet export reads like UTF-8).
 *
 * The delimiter is read off the header line: the most frequent of ',', ';' and tab outside
 * quotes (what European spreadsheets save). Input is fed one line at a time - a line ends at
 * LF, CR LF or a lone CR (old Mac exports) - so every row is named by the line it starts on.
 * After a parse error (a stray quote) the row is reported and skipped and parsing restarts:
 * at the next line when the row was one line; when it ran over several lines (a quote that
 * opened a field and never closed swallows the lines after it) the lines after its first
 * are parsed again, from a copy kept of the row's bytes (up to ROW_COPY_MAX), so a stray quote
 * costs its own row, not every row after it. A header longer than HEADER_MAX or a line
 * longer than LINE_MAX (a file that never ends a line) stops the file at once. */
#include "reader_internal.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* Fields kept per row (and columns per header): a row with more is skipped, so that a line
 * of commas cannot allocate a field table without bound. */
#define MAX_FIELDS 4096
#define HEADER_MAX ((size_t)1 << 20)
#define ROW_COPY_MAX ((size_t)1 << 20)
#define MAX_REPLAYS 64 /* re-parses per file: bounds the work a file of stray quotes costs */
#define CHUNK 65536
#define ROWS_NAMED 50  /* row reports per file named one by one; the rest counted */

typedef struct csv_state {
    ng_reader *r;
    ng_src src;
    char *path;
    char *idbase;       /* the file's id, for the ids of rows without an id column */
    struct csv_parser parser;
    int parser_ready;
    size_t line;        /* the line being fed (1-based) */
    size_t line_bytes;  /* bytes of that line fed so far */
    size_t row_start;   /* the line where the parser last stood between rows */
    size_t row_line;    /* the line the current row started on */
    size_t row_bytes;   /* bytes in the fields of the current row so far */
    ng_buf *fields;     /* fields of the current row */
    size_t n_fields, cap_fields;
    int header_done;
    int col_text, col_id, col_date, col_title, col_url;
    size_t n_columns;
    ng_article **queue; /* rows completed, waiting to be returned */
    size_t q_head, q_len, q_cap;
    ng_buf in;          /* decoded input not yet fed: file bytes, or lines to parse again */
    size_t in_pos;
    ng_buf row_copy;    /* the current row's bytes as fed, while under ROW_COPY_MAX */
    size_t row_first;   /* bytes of the row's first line in row_copy; SIZE_MAX until known */
    int copy_over;      /* the row outgrew ROW_COPY_MAX: it cannot be parsed again */
    size_t replays;
    int src_eof;        /* the source gave its last byte */
    int eof;            /* nothing more to parse */
    int failed;         /* out of memory or no usable header: the rest of the file is skipped */
    int skip_line;      /* after a parse error: drop input up to the next line end */
    int too_big;        /* the current row exceeded the article cap or MAX_FIELDS */
    size_t header_fed;  /* bytes fed before the header row ended */
    size_t line_cap;    /* twice the article cap plus HEADER_MAX (saturated) */
    uint64_t counted;   /* source bytes added to the reader's count */
    int delim_known;
    size_t rows_named, rows_unnamed;
} csv_state;

/* libcsv's parser states (libcsv.c): between rows, and inside a quoted field after a quote. */
enum { CSV_ROW_NOT_BEGUN = 0, CSV_FIELD_MIGHT_HAVE_ENDED = 3 };

static void csv_state_free(void *p)
{
    csv_state *c = p;
    if (!c) return;
    if (c->rows_unnamed)
        ng_reader__warn(c->r, c->path, "%zu more rows reported (not named one by one)",
                        c->rows_unnamed);
    ng_src__close(&c->src);
    if (c->parser_ready) csv_free(&c->parser);
    for (size_t i = 0; i < c->cap_fields; i++) ng_buf_free(&c->fields[i]);
    free(c->fields);
    for (size_t i = 0; i < c->q_len; i++) ng_article_free(c->queue[(c->q_head + i) % c->q_cap]);
    free(c->queue);
    ng_buf_free(&c->in);
    ng_buf_free(&c->row_copy);
    free(c->path);
    free(c->idbase);
    free(c);
}

/* A report about one row, "FILE:LINE: ...": named up to ROWS_NAMED per file, then counted.
 * `skipped`: the row is lost (counted in the reader's skips), else a warning. */
static void row_report(csv_state *c, int skipped, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void row_report(csv_state *c, int skipped, size_t line, const char *fmt, ...)
{
    char origin[NG_ERROR_MAX];
    va_list ap;
    c->r->skipped += skipped != 0;
    if (c->rows_named >= ROWS_NAMED) {
        c->rows_unnamed++;
        return;
    }
    c->rows_named++;
    snprintf(origin, sizeof origin, "%s:%zu", c->path, line);
    va_start(ap, fmt);
    ng_reader__vreport(c->r, origin, fmt, ap);
    va_end(ap);
}

static void field_cb(void *data, size_t len, void *p)
{
    csv_state *c = p;
    if (c->n_fields == 0 && !c->too_big) c->row_line = c->row_start;
    c->row_bytes += len;
    if (c->too_big || c->n_fields >= MAX_FIELDS || c->row_bytes > c->r->opts.max_article_bytes) {
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

/* "id; title; body" for the message about a header without a text column. */
static void column_list(const csv_state *c, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < c->n_fields && i < 12 && used + 4 < size; i++) {
        int n = snprintf(out + used, size - used, "%s'%.40s'", i ? ", " : "",
                         c->fields[i].ptr ? c->fields[i].ptr : "");
        if (n < 0) break;
        used += (size_t)n < size - used ? (size_t)n : size - used - 1;
    }
    if (c->n_fields > 12 && used + 6 < size) snprintf(out + used, size - used, ", ...");
}

/* The header row: which column holds what. A newsgraph nodes/edges/evidence table is one of
 * ours. */
static void read_header(csv_state *c)
{
    ng_reader *r = c->r;
    c->header_done = 1;
    if (c->too_big) {
        ng_reader__skip(r, c->path, "CSV header has more than %d columns or exceeds the size "
                        "cap: file skipped", MAX_FIELDS);
        c->failed = NG_EFORMAT;
        return;
    }
    c->n_columns = c->n_fields;
    const char *names[5] = {"", "", "", "", ""}; /* the first columns: enough to know ours */
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
        if (i < 5 && c->fields[i].ptr) names[i] = c->fields[i].ptr;
    }
    if (c->col_text >= 0) return;
    c->failed = NG_EFORMAT;
    if (ng_reader__is_our_table_header(names, c->n_fields)) {
        ng_reader__tally_add(&r->ours, c->path);
        return;
    }
    char cols[600], delim[3] = {(char)c->parser.delim_char, 0, 0};
    if (delim[0] == '\t') memcpy(delim, "\\t", 3);
    column_list(c, cols, sizeof cols);
    ng_reader__skip(r, c->path, "CSV corpus has no 'text' column: its header has %zu column%s "
                    "(%s; read with '%s' between them): file skipped; name the column that "
                    "holds the article 'text'", c->n_fields, c->n_fields == 1 ? "" : "s", cols,
                    delim);
}

/* A complete data row: an article, or a report of why not. */
static void read_row(csv_state *c)
{
    if (c->too_big) {
        row_report(c, 1, c->row_line, "row larger than the article size cap (%zu bytes) or with "
                   "more than %d fields: skipped", c->r->opts.max_article_bytes, MAX_FIELDS);
        return;
    }
    if (c->n_fields == 1 && c->fields[0].len == 0) return; /* a blank line */
    if (c->n_fields != c->n_columns) {
        row_report(c, 1, c->row_line, "row has %zu fields, the header has %zu: skipped",
                   c->n_fields, c->n_columns);
        return;
    }
    if (c->fields[c->col_text].len == 0) {
        row_report(c, 1, c->row_line, "empty 'text' field: row skipped");
        return;
    }
    char origin[NG_ERROR_MAX], id[NG_ERROR_MAX]; /* a path may be 4 KiB */
    snprintf(origin, sizeof origin, "%s:%zu", c->path, c->row_line);
    snprintf(id, sizeof id, "%s:%zu", c->idbase, c->row_line);
    char *given = field_dup(c, c->col_id);
    ng_article *a = ng_reader__article(given ? given : id, origin);
    free(given);
    if (!a) goto oom;
    a->date = field_dup(c, c->col_date);
    if (a->date && !ng_date_parse(a->date, NULL, NULL, NULL)) {
        row_report(c, 0, c->row_line, "date '%.40s' is not YYYY-MM-DD: the row is read without a "
                   "date", a->date);
        free(a->date);
        a->date = NULL;
    } else if (a->date) {
        a->date[10] = '\0';
    }
    a->title = field_dup(c, c->col_title);
    a->url = field_dup(c, c->col_url);
    a->len = c->fields[c->col_text].len;
    a->text = field_dup(c, c->col_text);
    if (!a->text || push_article(c, a) < 0) goto oom;
    return;
oom:
    ng_article_free(a);
    c->failed = NG_ENOMEM;
}

static void row_cb(int term, void *p)
{
    csv_state *c = p;
    (void)term;
    if (!c->failed) {
        if (!c->header_done) read_header(c);
        else read_row(c);
    }
    c->n_fields = 0;
    c->row_bytes = 0;
    c->too_big = 0;
}

/* The delimiter of the header line: the most frequent of , ; tab outside quotes. */
static unsigned char sniff_delimiter(const char *s, size_t n)
{
    size_t count[3] = {0, 0, 0};
    static const char delims[3] = {',', ';', '\t'};
    int quoted = 0;
    for (size_t i = 0; i < n && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
        if (s[i] == '"') quoted = !quoted;
        for (int k = 0; k < 3 && !quoted; k++) count[k] += s[i] == delims[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++) {
        if (count[k] > count[best]) best = k;
    }
    return (unsigned char)delims[best];
}

/* Clears the parser between rows, keeping its buffer. */
static void reset_parser(csv_state *c)
{
    c->parser.pstate = CSV_ROW_NOT_BEGUN;
    c->parser.quoted = 0;
    c->parser.spaces = 0;
    c->parser.entry_pos = 0;
    c->parser.status = 0;
    c->n_fields = 0;
    c->row_bytes = 0;
    c->too_big = 0;
}

/* Parses the row's lines after its first again: they go back in front of the input. */
static int replay_row(csv_state *c)
{
    ng_buf again = NG_BUF_INIT;
    ng_buf_put(&again, c->row_copy.ptr + c->row_first, c->row_copy.len - c->row_first);
    if (c->in.ptr) ng_buf_put(&again, c->in.ptr + c->in_pos, c->in.len - c->in_pos);
    if (again.oom) {
        ng_buf_free(&again);
        return NG_ENOMEM;
    }
    ng_buf_free(&c->in);
    c->in = again;
    c->in_pos = 0;
    c->line = c->row_start + 1;
    c->line_bytes = 0;
    c->replays++;
    c->skip_line = 0;
    ng_buf_clear(&c->row_copy);
    c->row_first = SIZE_MAX;
    return 1;
}

/* Whether the row in progress ran over several lines and can be parsed again. */
static int can_replay(const csv_state *c)
{
    return c->header_done && !c->copy_over && c->row_first != SIZE_MAX &&
           c->row_copy.len > c->row_first && c->replays < MAX_REPLAYS;
}

/* After a parse error (strict quoting): reports the row and restarts after it. An error in
 * the header skips the file (its columns are unknown). 1 when the input restarts with the
 * row's later lines (replay_row). */
static int resync(csv_state *c)
{
    if (!c->header_done) {
        char origin[NG_ERROR_MAX];
        snprintf(origin, sizeof origin, "%s:%zu", c->path, c->row_start);
        ng_reader__skip(c->r, origin, "malformed CSV header (a stray quote): file skipped");
        c->failed = NG_EFORMAT;
        return NG_OK;
    }
    if (csv_error(&c->parser) == CSV_EPARSE)
        row_report(c, 1, c->row_start, "malformed CSV at line %zu (a quote inside a field that "
                   "is not doubled, or text after a closing quote): row skipped", c->line);
    else
        row_report(c, 1, c->row_start, "malformed CSV at line %zu (%s): row skipped", c->line,
                   csv_strerror(csv_error(&c->parser)));
    int again = can_replay(c);
    reset_parser(c);
    if (again) return replay_row(c);
    c->skip_line = 1;
    return NG_OK;
}

/* Feeds one piece of a line to libcsv. Before it, notes where a row would start (a row is
 * named by its first line, even when a quoted field spans lines) and keeps a copy of the
 * row's bytes. After it, bounds libcsv's own field buffer: a field already larger than the cap
 * is skipped anyway, so its bytes are dropped from the buffer as they come, keeping the last
 * byte (the quote libcsv may still remove) and whether trailing spaces were seen (which
 * decides how a following quote parses). Memory stays near the cap whatever the cell.
 * 1 when the input restarts (replay_row). */
static int feed(csv_state *c, const char *data, size_t len, int ends_line)
{
    struct csv_parser *p = &c->parser;
    if (p->pstate == CSV_ROW_NOT_BEGUN) {
        c->row_start = c->line;
        ng_buf_clear(&c->row_copy);
        c->row_first = SIZE_MAX;
        c->copy_over = 0;
    }
    if (!c->copy_over && c->row_copy.len + len > ROW_COPY_MAX) {
        c->copy_over = 1;
        ng_buf_free(&c->row_copy);
    }
    if (!c->copy_over && ng_buf_put(&c->row_copy, data, len) < 0) return NG_ENOMEM;
    if (ends_line && c->row_first == SIZE_MAX) c->row_first = c->row_copy.len;
    if (csv_parse(p, data, len, field_cb, row_cb, c) != len) return resync(c);
    if (p->pstate != CSV_ROW_NOT_BEGUN && p->entry_pos > c->r->opts.max_article_bytes) {
        size_t keep = p->spaces ? 2 : 1;
        memmove(p->entry_buf, p->entry_buf + p->entry_pos - keep, keep);
        p->entry_pos = keep;
        p->spaces = keep - 1;
        c->too_big = 1;
        if (c->n_fields == 0) c->row_line = c->row_start;
    }
    return NG_OK;
}

/* The next piece of input up to and including a line end (LF, CR LF, lone CR). A CR at the
 * end of the input so far waits for the next byte (it may be the CR of a CR LF). Returns its
 * length (0: more input needed) and whether it ends a line. */
static size_t next_piece(const csv_state *c, int *ends_line)
{
    *ends_line = 0;
    if (!c->in.ptr) return 0;
    const char *s = c->in.ptr + c->in_pos;
    size_t n = c->in.len - c->in_pos;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            *ends_line = 1;
            return i + 1;
        }
        if (s[i] != '\r') continue;
        if (i + 1 < n || c->src_eof) {
            *ends_line = 1;
            return i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
        }
        return i; /* a CR last: wait for the next byte */
    }
    return n;
}

/* Feeds the input buffer, line piece by line piece, until it is used up or a row is queued. */
static int feed_input(csv_state *c)
{
    int error;
    while (!c->failed && c->q_len == 0) {
        int ends_line;
        size_t n = next_piece(c, &ends_line);
        if (n == 0) return NG_OK;
        const char *piece = c->in.ptr + c->in_pos;
        c->in_pos += n;
        c->line_bytes += n;
        if (!c->header_done && (c->header_fed += n) > HEADER_MAX) {
            ng_reader__skip(c->r, c->path, "CSV header longer than %zu bytes (not a CSV corpus, "
                            "or no line end): file skipped", HEADER_MAX);
            c->failed = NG_EFORMAT;
            return NG_OK;
        }
        if (c->line_bytes > c->line_cap) {
            ng_reader__skip(c->r, c->path, "line %zu is longer than %zu bytes (no line end?): "
                            "the rest of the file skipped", c->line, c->line_bytes);
            c->failed = NG_EFORMAT;
            return NG_OK;
        }
        if (!c->skip_line && (error = feed(c, piece, n, ends_line)) != NG_OK) {
            if (error < 0) return error;
            continue; /* replayed: the input and the line count restarted */
        }
        if (ends_line) {
            c->skip_line = 0;
            c->line++;
            c->line_bytes = 0;
        }
    }
    return NG_OK;
}

/* The end of the file: the last row (a row in an unterminated quote may be parsed again). */
static int finish_file(csv_state *c)
{
    if (c->src.truncated) {
        /* The last row is cut short: drop it rather than keep half an article. */
        ng_reader__skip(c->r, c->path, "truncated gzip file after line %zu: the row in progress "
                        "and the rest of the file are lost", c->line);
        csv_fini(&c->parser, NULL, NULL, NULL);
    } else if (csv_fini(&c->parser, field_cb, row_cb, c) != 0 && !c->failed) {
        int again = can_replay(c);
        row_report(c, 1, c->row_start, "unterminated quoted field (a stray quote?): %s",
                   again ? "this row skipped, the lines after its first are read again"
                         : "the row from this line on is skipped");
        reset_parser(c);
        if (again) return replay_row(c) < 0 ? NG_ENOMEM : NG_OK;
    } else if (!c->header_done && !c->failed) {
        ng_reader__skip(c->r, c->path, "empty file (no CSV header row): skipped");
    }
    c->eof = 1;
    return NG_OK;
}

/* Reads a chunk of the file into the input buffer (after what is left of it). */
static int refill(csv_state *c)
{
    size_t keep = c->in.len - c->in_pos, n;
    if (keep) memmove(c->in.ptr, c->in.ptr + c->in_pos, keep);
    c->in.len = keep;
    c->in_pos = 0;
    if (ng_buf_grow(&c->in, CHUNK) < 0) return NG_ENOMEM;
    int error = ng_src__read(&c->src, c->in.ptr + keep, CHUNK, &n);
    c->r->bytes += c->src.bytes - c->counted;
    c->counted = c->src.bytes;
    if (error == NG_ENOMEM) return error;
    if (error < 0 && !c->src.truncated) {
        if (!c->header_done && c->line == 1 && c->line_bytes == 0)
            ng_reader__skip(c->r, c->path, "%s: skipped", c->src.why);
        else
            ng_reader__skip(c->r, c->path, "unreadable after line %zu (%s): rest of file "
                            "skipped", c->line, c->src.why);
        c->failed = NG_EFORMAT;
        return NG_OK;
    }
    c->in.len = keep + n;
    c->in.ptr[c->in.len] = '\0';
    if (n == 0) c->src_eof = 1;
    if (!c->delim_known && n) {
        csv_set_delim(&c->parser, sniff_delimiter(c->in.ptr, c->in.len));
        c->delim_known = 1;
    }
    return NG_OK;
}

/* Feeds the parser until a row is queued or the file ends. */
static int pump(csv_state *c)
{
    int error;
    while (c->q_len == 0 && !c->eof && !c->failed) {
        if ((error = feed_input(c)) < 0) return error;
        if (c->q_len || c->failed) break;
        if (c->src_eof) {
            if ((error = finish_file(c)) < 0) return error;
            continue;
        }
        if ((error = refill(c)) < 0) return error;
    }
    return c->failed == NG_ENOMEM ? NG_ENOMEM : NG_OK;
}

static int csv_next(ng_reader *r, void *state, ng_article **out)
{
    csv_state *c = state;
    int error;
    (void)r;
    *out = NULL;
    if ((error = pump(c)) < 0) return error;
    if (c->q_len) {
        *out = c->queue[c->q_head];
        c->q_head = (c->q_head + 1) % c->q_cap;
        c->q_len--;
    }
    return NG_OK;
}

int ng_reader__open_csv(ng_reader *r, const ng_reader__file *f)
{
    int error;
    csv_state *c = ng_calloc(1, sizeof *c);
    if (!c) return NG_ENOMEM;
    c->r = r;
    c->col_text = c->col_id = c->col_date = c->col_title = c->col_url = -1;
    c->line = c->row_start = 1;
    c->row_first = SIZE_MAX;
    c->line_cap = r->opts.max_article_bytes > (SIZE_MAX - HEADER_MAX) / 2
                      ? SIZE_MAX
                      : 2 * r->opts.max_article_bytes + HEADER_MAX;
    if (!(c->path = ng_strdup(f->path)) || !(c->idbase = ng_reader__file_id(f))) {
        csv_state_free(c);
        return NG_ENOMEM;
    }
    if (csv_init(&c->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        csv_state_free(c);
        ng_error_set("out of memory (CSV parser)");
        return NG_ENOMEM;
    }
    c->parser_ready = 1;
    csv_set_blk_size(&c->parser, 65536); /* grow a long field in few steps */
    if ((error = ng_src__open(&c->src, f->path)) < 0) {
        if (error == NG_EIO) ng_reader__skip(r, f->path, "%s", c->src.why);
        csv_state_free(c);
        return error == NG_EIO ? NG_OK : error;
    }
    r->stream.state = c;
    r->stream.next = csv_next;
    r->stream.free = csv_state_free;
    return NG_OK;
}
