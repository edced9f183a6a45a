/* reader_text.c - a text article: one whole file (plain, .gz, standard input), read through
 * the byte source (UTF-16 and UTF-32 decoded, binary files refused) up to the article cap. */
#include "reader_internal.h"

#include <stdlib.h>
#include <string.h>

/* Reads all of `f` into `b` (UTF-8), up to the cap. Returns NG_OK when read, 1 when the file
 * was skipped (reported), NG_ENOMEM. */
int ng_reader__slurp(ng_reader *r, const ng_reader__file *f, ng_buf *b, ng_src *s)
{
    const char *origin = ng_reader__origin(f);
    int error = ng_src__open(s, f->path);
    uint64_t counted = 0;
    /* a plain file's size known: one allocation of that size and 64 bytes more (room to
     * see its end without another grow), not 64 KiB blocks (a block of 128 KiB is mmap'ed
     * and unmapped again for every article); room for at least 64 bytes at every read
     * (ng_src__read decodes UTF-16 into at least a few bytes) */
    size_t step = s->size && s->size < 65536 ? (size_t)s->size + 65 : 65536;
    while (error == NG_OK) {
        size_t n;
        if (b->cap - b->len < 65 && (error = ng_buf_grow(b, step)) < 0) break;
        error = ng_src__read(s, b->ptr + b->len, b->cap - b->len - 1, &n);
        r->bytes += s->bytes - counted;
        counted = s->bytes;
        if (error < 0 || n == 0) break;
        b->len += n;
        b->ptr[b->len] = '\0';
        if (b->len > r->opts.max_article_bytes) {
            ng_reader__skip(r, origin, "larger than the article size cap (%zu bytes, see "
                            "--max-article-bytes): skipped", r->opts.max_article_bytes);
            return 1;
        }
    }
    if (error == NG_ENOMEM) return error;
    if (error < 0) {
        ng_reader__skip(r, origin, "%s: skipped", s->why);
        return 1;
    }
    if (b->len == 0) {
        if (s->bom && s->enc != NG_ENC_UTF8)
            ng_reader__skip(r, origin, "empty file (%s byte-order mark only): skipped",
                            ng_src__enc_name(s->enc));
        else
            ng_reader__skip(r, origin, "empty file: skipped");
        return 1;
    }
    return NG_OK;
}

int ng_reader__read_text(ng_reader *r, const ng_reader__file *f, ng_article **out)
{
    ng_buf b = NG_BUF_INIT;
    ng_src s;
    char *id = NULL;
    ng_article *a = NULL;
    *out = NULL;
    int error = ng_reader__slurp(r, f, &b, &s);
    ng_src__close(&s);
    if (error != NG_OK) goto cleanup;
    error = NG_ENOMEM;
    if (!(id = ng_reader__file_id(f)) || !(a = ng_reader__article(id, ng_reader__origin(f))))
        goto cleanup;
    a->len = b.len;
    a->text = ng_buf_detach(&b);
    *out = a;
    a = NULL;
    error = NG_OK;
cleanup:
    free(id);
    ng_buf_free(&b);
    ng_article_free(a);
    return error < 0 ? error : NG_OK;
}
