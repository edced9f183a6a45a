/* reader_jsonl.c - a JSON Lines corpus (what scrapers and news datasets write): one JSON
 * object per line, `text` required, `id`, `title`, `url` and `date` (or `published`) used when
 * present. Each line is parsed by jansson on its own, so a broken line is reported as
 * FILE:LINE and skipped and the rest are kept. A line ends at LF, CR LF or a lone CR (none can
 * occur inside a JSON string, which escapes them). A line is capped at twice the article cap
 * (escapes take room) plus 64 KiB: a longer one is skipped without being held in memory.
 * Invalid UTF-8 (a file saved in Windows-1252) is repaired byte by byte (U+FFFD) rather than
 * losing every line with an accent, and counted in one warning. */
#include "reader_internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 65536
#define ROWS_NAMED 50

typedef struct jsonl_state {
    ng_reader *r;
    ng_src src;
    char *path;
    char *idbase;
    char *chunk;
    size_t chunk_pos, chunk_len;
    ng_buf line;       /* the line being assembled */
    size_t line_no;    /* its number (1-based) */
    size_t line_cap;
    int too_long;      /* the line outgrew line_cap: dropped as it comes */
    int prev_cr;       /* the last byte was a CR (a LF right after it ends nothing) */
    int src_eof, eof;
    int seen_content;  /* a non-blank line was met */
    uint64_t counted;
    size_t rows_named, rows_unnamed;
    size_t bad_lines, bad_bytes; /* lines with invalid UTF-8 repaired, and their bytes */
} jsonl_state;

static void jsonl_free(void *p)
{
    jsonl_state *j = p;
    if (!j) return;
    if (j->bad_lines)
        ng_reader__warn(j->r, j->path, "%zu invalid UTF-8 bytes replaced in %zu lines (save the "
                        "file as UTF-8)", j->bad_bytes, j->bad_lines);
    if (j->rows_unnamed)
        ng_reader__warn(j->r, j->path, "%zu more lines reported (not named one by one)",
                        j->rows_unnamed);
    ng_src__close(&j->src);
    free(j->chunk);
    ng_buf_free(&j->line);
    free(j->path);
    free(j->idbase);
    free(j);
}

static void line_report(jsonl_state *j, int skipped, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void line_report(jsonl_state *j, int skipped, const char *fmt, ...)
{
    char origin[NG_ERROR_MAX];
    va_list ap;
    j->r->skipped += skipped != 0;
    if (j->rows_named >= ROWS_NAMED) {
        j->rows_unnamed++;
        return;
    }
    j->rows_named++;
    snprintf(origin, sizeof origin, "%s:%zu", j->path, j->line_no);
    va_start(ap, fmt);
    ng_reader__vreport(j->r, origin, fmt, ap);
    va_end(ap);
}

static char *string_of(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) == 0) return NULL;
    return ng_strndup(json_string_value(v), json_string_length(v));
}

/* "a, b, c" for a message about an object without a text field. */
static void key_list(json_t *o, char *out, size_t size)
{
    const char *key;
    json_t *v;
    size_t used = 0, k = 0;
    out[0] = '\0';
    json_object_foreach(o, key, v)
    {
        (void)v;
        if (k++ == 8 || used + 8 >= size) {
            snprintf(out + used, size - used, ", ...");
            break;
        }
        int n = snprintf(out + used, size - used, "%s'%.30s'", used ? ", " : "", key);
        if (n > 0) used += (size_t)n < size - used ? (size_t)n : size - used - 1;
    }
}

/* id, title, url, date of an object whose text was taken. */
static int fill_article(jsonl_state *j, json_t *o, ng_article *a)
{
    json_t *id = json_object_get(o, "id");
    if (json_is_string(id) && memchr(json_string_value(id), '\0', json_string_length(id))) {
        /* "\u0000" inside: a C string would cut it, perhaps to nothing */
        line_report(j, 0, "'id' holds a NUL character: the article keeps its line number as id");
    } else if (json_is_string(id) && json_string_length(id)) {
        free(a->id);
        if (!(a->id = ng_strndup(json_string_value(id), json_string_length(id)))) return NG_ENOMEM;
    } else if (json_is_integer(id)) {
        char num[32];
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        free(a->id);
        if (!(a->id = ng_strdup(num))) return NG_ENOMEM;
    }
    a->title = string_of(o, "title");
    a->url = string_of(o, "url");
    const char *key = json_object_get(o, "date") ? "date" : "published";
    a->date = string_of(o, key);
    if (a->date && !ng_date_parse(a->date, NULL, NULL, NULL)) {
        line_report(j, 0, "'%s' '%.40s' is not YYYY-MM-DD: the article is read without a date",
                    key, a->date);
        free(a->date);
        a->date = NULL;
    } else if (a->date) {
        a->date[10] = '\0';
    }
    return NG_OK;
}

/* The article of one parsed line, or a report of why not. */
static int from_object(jsonl_state *j, json_t *o, ng_article **out)
{
    char origin[NG_ERROR_MAX], id[NG_ERROR_MAX]; /* a path may be 4 KiB */
    json_t *text = json_object_get(o, "text");
    if (!json_is_string(text)) {
        char keys[400];
        key_list(o, keys, sizeof keys);
        line_report(j, 1, "no 'text' string in this object (its keys: %s): line skipped", keys);
        return NG_OK;
    }
    size_t len = json_string_length(text);
    if (len == 0) {
        line_report(j, 1, "empty 'text': line skipped");
        return NG_OK;
    }
    if (len > j->r->opts.max_article_bytes) {
        line_report(j, 1, "text larger than the article size cap (%zu bytes): line skipped",
                    j->r->opts.max_article_bytes);
        return NG_OK;
    }
    snprintf(origin, sizeof origin, "%s:%zu", j->path, j->line_no);
    snprintf(id, sizeof id, "%s:%zu", j->idbase, j->line_no);
    ng_article *a = ng_reader__article(id, origin);
    if (!a || !(a->text = ng_strndup(json_string_value(text), len)) ||
        fill_article(j, o, a) < 0) {
        ng_article_free(a);
        return NG_ENOMEM;
    }
    a->len = len;
    *out = a;
    return NG_OK;
}

/* A complete line: parsed, checked, made an article (*out) or reported. */
static int take_line(jsonl_state *j, ng_article **out)
{
    const char *s = j->line.ptr ? j->line.ptr : "";
    size_t n = j->line.len, bad, multi;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    if (j->too_long) {
        line_report(j, 1, "line longer than %zu bytes (twice the article cap, plus 64 KiB): "
                    "skipped", j->line_cap);
        return NG_OK;
    }
    if (n == 0) return NG_OK;
    if (!j->seen_content && *s == '[') {
        ng_reader__skip(j->r, j->path, "a JSON array (one document), not JSON Lines (one article "
                        "object per line): file skipped");
        j->eof = 1;
        return NG_OK;
    }
    /* newsgraph's own evidence table (export/evidence.c): not articles */
    if (!j->seen_content && n >= 14 && strncmp(s, "{\"article_id\":", 14) == 0) {
        ng_reader__tally_add(&j->r->ours, j->path);
        j->eof = 1;
        return NG_OK;
    }
    j->seen_content = 1;
    ng_buf fixed = NG_BUF_INIT;
    ng_reader__utf8_count(s, n, &bad, &multi);
    if (bad || memchr(s, '\0', n)) {
        if (ng_reader__utf8_repair(&fixed, s, n) < 0) return NG_ENOMEM;
        j->bad_lines++;
        j->bad_bytes += bad;
        s = fixed.ptr;
        n = fixed.len;
    }
    json_error_t err;
    json_t *o = json_loadb(s, n, JSON_ALLOW_NUL, &err);
    int error = NG_OK;
    if (!o) line_report(j, 1, "not valid JSON (%.120s, at column %d): line skipped", err.text, err.column);
    else if (!json_is_object(o)) line_report(j, 1, "not a JSON object: line skipped");
    else error = from_object(j, o, out);
    json_decref(o);
    ng_buf_free(&fixed);
    return error;
}

/* Appends the next bytes of the current line; 1 when the line is complete. */
static int assemble(jsonl_state *j)
{
    const char *s = j->chunk + j->chunk_pos;
    size_t n = j->chunk_len - j->chunk_pos, i = 0;
    if (j->prev_cr && n && s[0] == '\n') { /* the LF of a CR LF */
        j->chunk_pos++;
        s++;
        n--;
    }
    j->prev_cr = 0;
    while (i < n && s[i] != '\n' && s[i] != '\r') i++;
    if (!j->too_long && j->line.len + i > j->line_cap) {
        j->too_long = 1;
        ng_buf_free(&j->line);
    }
    if (!j->too_long && ng_buf_put(&j->line, s, i) < 0) return NG_ENOMEM;
    j->chunk_pos += i;
    if (i == n) return 0;
    j->prev_cr = s[i] == '\r';
    j->chunk_pos++;
    return 1;
}

static int refill(jsonl_state *j)
{
    size_t n;
    int error = ng_src__read(&j->src, j->chunk, CHUNK, &n);
    j->r->bytes += j->src.bytes - j->counted;
    j->counted = j->src.bytes;
    if (error == NG_ENOMEM) return error;
    if (error < 0) {
        if (j->line_no == 1 && j->line.len == 0)
            ng_reader__skip(j->r, j->path, "%s: skipped", j->src.why);
        else
            ng_reader__skip(j->r, j->path, "%s after line %zu: the line in progress and the rest "
                            "of the file are lost", j->src.why, j->line_no);
        j->eof = 1;
        return NG_OK;
    }
    j->chunk_pos = 0;
    j->chunk_len = n;
    if (n == 0) j->src_eof = 1;
    return NG_OK;
}

static int jsonl_next(ng_reader *r, void *state, ng_article **out)
{
    jsonl_state *j = state;
    int error, complete;
    (void)r;
    *out = NULL;
    while (!j->eof && !*out) {
        if (j->chunk_pos == j->chunk_len) {
            if (j->src_eof) {
                if (j->line.len || j->too_long) error = take_line(j, out);
                else error = NG_OK;
                if (!j->seen_content && !j->eof && !j->rows_named)
                    ng_reader__skip(j->r, j->path, "empty file: skipped");
                j->eof = 1;
                return error;
            }
            if ((error = refill(j)) < 0) return error;
            continue;
        }
        if ((complete = assemble(j)) < 0) return complete;
        if (!complete) continue;
        error = take_line(j, out);
        j->line_no++;
        ng_buf_clear(&j->line);
        j->too_long = 0;
        if (error < 0) return error;
    }
    return NG_OK;
}

int ng_reader__open_jsonl(ng_reader *r, const ng_reader__file *f)
{
    int error;
    jsonl_state *j = ng_calloc(1, sizeof *j);
    if (!j) return NG_ENOMEM;
    j->r = r;
    j->line_no = 1;
    j->line_cap = r->opts.max_article_bytes > (SIZE_MAX - 65536) / 2
                      ? SIZE_MAX
                      : 2 * r->opts.max_article_bytes + 65536;
    if (!(j->path = ng_strdup(f->path)) || !(j->idbase = ng_reader__file_id(f)) ||
        !(j->chunk = ng_malloc(CHUNK))) {
        jsonl_free(j);
        return NG_ENOMEM;
    }
    if ((error = ng_src__open(&j->src, f->path)) < 0) {
        if (error == NG_EIO) ng_reader__skip(r, f->path, "%s", j->src.why);
        jsonl_free(j);
        return error == NG_EIO ? NG_OK : error;
    }
    r->stream.state = j;
    r->stream.next = jsonl_next;
    r->stream.free = jsonl_free;
    return NG_OK;
}
