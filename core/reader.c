/* reader.c - streams articles out of the listing of inputs (reader_list.c): each file by its
 * kind - text and web pages one article per file, CSV and JSON Lines corpora one per row or
 * line - in listing order, skipping the files of other slices, and the articles whose id was
 * given already (the same article read twice would count twice in every weight). */
#include "reader_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Control characters (a newline in a CSV field or a file name) are escaped (\n, \x1b:
 * ng_text_printable), so that every report stays one line and input can neither forge lines
 * of its own nor reach the terminal raw; a report too long is cut with a visible "...". */
void ng_reader__vreport(ng_reader *r, const char *origin, const char *fmt, va_list ap)
{
    char raw[NG_ERROR_MAX], msg[NG_ERROR_MAX], where[NG_ERROR_MAX];
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    if (n < 0) n = 0;
    ng_text_printable(msg, sizeof msg, raw, (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1,
                      (size_t)n >= sizeof raw);
    ng_text_printable(where, sizeof where, origin, strlen(origin), 0);
    if (r->opts.on_skip) r->opts.on_skip(r->opts.ctx, where, msg);
}

void ng_reader__skip(ng_reader *r, const char *origin, const char *fmt, ...)
{
    va_list ap;
    r->skipped++;
    va_start(ap, fmt);
    ng_reader__vreport(r, origin, fmt, ap);
    va_end(ap);
}

void ng_reader__warn(ng_reader *r, const char *origin, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ng_reader__vreport(r, origin, fmt, ap);
    va_end(ap);
}

void ng_reader__tally_add(ng_reader__tally *t, const char *name)
{
    if (t->n < 3) snprintf(t->examples[t->n], sizeof t->examples[t->n], "%s", name);
    t->n++;
}

ng_article *ng_reader__article(const char *id, const char *origin)
{
    ng_article *a = ng_calloc(1, sizeof *a);
    if (!a) return NULL;
    a->id = ng_strdup(id);
    a->origin = ng_strdup(origin);
    if (!a->id || !a->origin) {
        ng_article_free(a);
        return NULL;
    }
    return a;
}

int ng_reader_new(ng_reader **out, const char *const *inputs, size_t n_inputs,
                  const ng_reader_opts *opts)
{
    int error;
    ng_reader *r = ng_calloc(1, sizeof *r);
    *out = NULL;
    if (!r) return NG_ENOMEM;
    if (opts) r->opts = *opts;
    if (!r->opts.max_article_bytes) r->opts.max_article_bytes = NG_DEFAULT_MAX_ARTICLE_BYTES;
    if (!r->opts.max_entries) r->opts.max_entries = NG_DEFAULT_MAX_ENTRIES;
    ng_reader__html_init();
    if ((error = ng_idset_new(&r->ids)) < 0 || (error = ng_idset_new(&r->texts)) < 0 ||
        (error = ng_idset_new(&r->seen_files)) < 0 ||
        (error = ng_idset_new(&r->seen_dirs)) < 0 ||
        (error = ng_reader__list(r, inputs, n_inputs)) < 0) {
        ng_reader_free(r);
        return error;
    }
    *out = r;
    return NG_OK;
}

void ng_reader__tally_names(const ng_reader__tally *t, char *out, size_t size)
{
    snprintf(out, size, "%s%s%s%s%s%s", t->examples[0], t->n > 1 ? ", " : "",
             t->n > 1 ? t->examples[1] : "", t->n > 2 ? ", " : "", t->n > 2 ? t->examples[2] : "",
             t->n > 3 ? ", ..." : "");
}

/* The end of the input: the files newsgraph wrote that were passed over, the duplicates
 * not named one by one. */
static void finish(ng_reader *r)
{
    char names[512];
    r->finished = 1;
    if (r->duplicates_unnamed)
        ng_reader__warn(r, r->label, "%zu more articles with an id or a text read already were "
                        "skipped (%zu duplicates in all)", r->duplicates_unnamed, r->duplicates);
    if (r->ours.n) {
        ng_reader__tally_names(&r->ours, names, sizeof names);
        ng_reader__warn(r, r->label, "%zu file%s newsgraph writes (graphs, shards, tables, "
                        "reports, temporaries) not read as articles (%s)", r->ours.n,
                        r->ours.n == 1 ? "" : "s", names);
    }
}

/* The top bit of each byte of w that is below 0x21 (white space, control bytes): exact for
 * the lowest such byte, which is all the scan below reads. */
static inline uint64_t low_bytes(uint64_t w)
{
    return (w - 0x2121212121212121ULL) & ~w & 0x8080808080808080ULL;
}

static inline int white(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Writes text[0, len) to o with every run of white space made one space, trimmed; returns the
 * length written (never more than len: a space stands for at least one white byte). Eight
 * bytes at a time up to the next byte below 0x21 (stored whole, the length advanced only by
 * the bytes that count), which is then looked at alone. */
static size_t squeeze_space(char *o, const char *text, size_t len)
{
    size_t i = 0, n = 0;
    int space = 0;
    while (i < len) {
#if defined(__SSE2__)
        /* sixteen bytes whose only bytes below 0x21 are single spaces (no two side by side):
         * a space at the start joins the run before it, one at the end is left pending, the
         * rest is copied whole (the usual case in running text) */
        if (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
            /* as signed bytes, 0x80..0xFF are below 0x21 too: exclude them */
            __m128i low = _mm_andnot_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()),
                                           _mm_cmplt_epi8(v, _mm_set1_epi8(0x21)));
            unsigned m = (unsigned)_mm_movemask_epi8(low);
            unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
            if (m == sp && (m & (m >> 1)) == 0) {
                size_t s = m & 1, e = (m >> 15) & 1;
                if (s) space = n > 0;
                if (space) o[n++] = ' ';
                if (s)
                    memcpy(o + n, text + i + 1, 15);
                else
                    _mm_storeu_si128((__m128i *)(void *)(o + n), v);
                n += 16 - s - e;
                space = e && n > 0;
                i += 16;
                continue;
            }
        }
#endif
        if (i + 8 <= len) {
            uint64_t w, m;
            memcpy(&w, text + i, 8);
            m = low_bytes(w);
            size_t k = m ? (size_t)__builtin_ctzll(m) >> 3 : 8;
            if (k) {
                if (space) o[n++] = ' ';
                space = 0;
                memcpy(o + n, &w, 8); /* n + 8 <= i + 8 <= len: inside the reservation */
                /* one space before a byte above 0x20, the usual case, stays as it is */
                if (k < 8 && text[i + k] == ' ' && i + k + 1 < len &&
                    (unsigned char)text[i + k + 1] > 0x20)
                    k++;
                n += k;
                i += k;
                continue;
            }
        }
        char c = text[i++];
        if (white(c)) {
            space = n > 0;
            continue;
        }
        if (space) o[n++] = ' ';
        space = 0;
        o[n++] = c;
    }
    return n;
}

/* 1 when the text of `a` (its bytes with every run of white space made one space, trimmed)
 * was given already under another id, 0 when it is new or empty, NG_ENOMEM. Only two 64-bit
 * hashes per text are kept (ng_idset). */
static int text_seen(ng_reader *r, const ng_article *a)
{
    ng_buf *b = &r->norm;
    ng_buf_clear(b);
    if (ng_buf_grow(b, a->len) < 0) return NG_ENOMEM; /* one reservation, then bytes written */
    b->len = squeeze_space(b->ptr, a->text, a->len);
    b->ptr[b->len] = '\0';
    if (b->len == 0) return 0;
    int fresh = ng_idset_add(r->texts, b->ptr, b->len);
    return fresh < 0 ? fresh : !fresh;
}

/* Gives `a` unless an article with its id, or with its text, was given already (then it is
 * freed, reported): the same article under two names or rows counts once. */
static int keep_unique(ng_reader *r, ng_article **a)
{
    int fresh = ng_idset_add(r->ids, (*a)->id, strlen((*a)->id)), same_text = 0;
    if (fresh < 0) return fresh;
    if (fresh && (same_text = text_seen(r, *a)) < 0) return same_text;
    if (fresh && !same_text) {
        r->articles++;
        return NG_OK;
    }
    r->duplicates++;
    if (r->duplicates <= NG_READER_NAMED_REPORTS) {
        if (same_text)
            ng_reader__skip(r, (*a)->origin, "article '%.200s' has the same text as an article "
                            "read already: this one skipped, so it counts once", (*a)->id);
        else
            ng_reader__skip(r, (*a)->origin, "article id '%.200s' was read already (the same "
                            "article twice?): this one skipped, so it counts once", (*a)->id);
    } else {
        r->skipped++;
        r->duplicates_unnamed++;
    }
    ng_article_free(*a);
    *a = NULL;
    return NG_OK;
}

static void close_stream(ng_reader *r)
{
    if (r->stream.state) r->stream.free(r->stream.state);
    memset(&r->stream, 0, sizeof r->stream);
}

/* Opens or reads the next file of this slice; *out NULL when it gave no article yet. */
static int next_file(ng_reader *r, ng_article **out)
{
    const ng_reader__file *f = &r->files[r->next_file++];
    if (r->slice_count > 1) {
        const char *rel = strcmp(f->path, "-") == 0 ? "stdin" : f->path + f->rel_off;
        if (ng_hash(rel, strlen(rel)) % r->slice_count != r->slice_index)
            return NG_OK; /* another slice's file: not even opened */
    }
    switch (f->kind) {
    case NG_KIND_CSV: return ng_reader__open_csv(r, f);
    case NG_KIND_JSONL: return ng_reader__open_jsonl(r, f);
    case NG_KIND_HTML: return ng_reader__read_html(r, f, out);
    default: return ng_reader__read_text(r, f, out);
    }
}

int ng_reader_next(ng_reader *r, ng_article **out)
{
    int error;
    *out = NULL;
    for (;;) {
        if (r->stream.state) {
            if ((error = r->stream.next(r, r->stream.state, out)) < 0) return error;
            if (!*out) close_stream(r);
        } else if (r->next_file < r->n_files) {
            if ((error = next_file(r, out)) < 0) return error;
        } else {
            if (!r->finished) finish(r);
            return NG_OK;
        }
        if (*out && (error = keep_unique(r, out)) < 0) {
            ng_article_free(*out);
            *out = NULL;
            return error;
        }
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

size_t ng_reader_articles(const ng_reader *r) { return r->articles; }

size_t ng_reader_not_articles(const ng_reader *r) { return r->other.n + r->ours.n; }

void ng_reader_free(ng_reader *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n_files; i++) free(r->files[i].path);
    free(r->files);
    close_stream(r);
    ng_idset_free(r->ids);
    ng_idset_free(r->texts);
    ng_buf_free(&r->norm);
    ng_idset_free(r->seen_files);
    ng_idset_free(r->seen_dirs);
    free(r);
}
