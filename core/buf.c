/* buf.c - allocation helpers, the growable byte buffer and array, and suffix tests. */
#include "ng_core.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void *ng_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) ng_error_set("out of memory (allocating %zu bytes)", n);
    return p;
}

void *ng_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) ng_error_set("out of memory (allocating %zu x %zu bytes)", n, size);
    return p;
}

void *ng_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) ng_error_set("out of memory (allocating %zu bytes)", n);
    return q;
}

char *ng_strndup(const char *s, size_t n)
{
    char *p = ng_malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ng_strdup(const char *s) { return ng_strndup(s, strlen(s)); }

int ng_buf_grow(ng_buf *b, size_t extra)
{
    if (b->oom) return NG_ENOMEM;
    if (extra > SIZE_MAX - b->len - 1) {
        b->oom = 1;
        ng_error_set("out of memory (buffer overflow)");
        return NG_ENOMEM;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return NG_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = ng_realloc(b->ptr, cap);
    if (!p) {
        b->oom = 1;
        return NG_ENOMEM;
    }
    b->ptr = p;
    b->cap = cap;
    return NG_OK;
}

int ng_buf_put(ng_buf *b, const char *data, size_t len)
{
    if (ng_buf_grow(b, len) < 0) return NG_ENOMEM;
    if (len) memcpy(b->ptr + b->len, data, len);
    b->len += len;
    b->ptr[b->len] = '\0';
    return NG_OK;
}

int ng_buf_puts(ng_buf *b, const char *s) { return ng_buf_put(b, s, strlen(s)); }

int ng_buf_putc(ng_buf *b, char c) { return ng_buf_put(b, &c, 1); }

int ng_buf_printf(ng_buf *b, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return ng_error_set("formatting failed");
    if ((size_t)n < sizeof small) return ng_buf_put(b, small, (size_t)n);
    if (ng_buf_grow(b, (size_t)n) < 0) return NG_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return NG_OK;
}

void ng_buf_clear(ng_buf *b)
{
    b->len = 0;
    if (b->ptr) b->ptr[0] = '\0';
}

char *ng_buf_detach(ng_buf *b)
{
    char *p = b->ptr;
    if (!p) p = ng_strdup("");
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
    return p;
}

void ng_buf_free(ng_buf *b)
{
    if (!b) return;
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

uint64_t ng_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

int ng_array_grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    void *p;
    size_t n = *cap, max;

    if (need <= n) return NG_OK;
    NG_ASSERT(elem > 0);
    max = SIZE_MAX / elem;
    if (need > max) {
        ng_error_set("out of memory (an array of %zu elements of %zu bytes)", need, elem);
        return NG_ENOMEM;
    }
    n = n == 0 ? 8 : n > max / 2 ? max : n * 2;
    if (n < need) n = need;
    /* through memcpy: *ptr is some T *, read and written here as a void * */
    memcpy(&p, ptr, sizeof p);
    if (!(p = ng_realloc(p, n * elem))) return NG_ENOMEM;
    memcpy(ptr, &p, sizeof p);
    *cap = n;
    return NG_OK;
}

int ng_has_suffix(const char *s, const char *suffix)
{
    size_t n = s ? strlen(s) : 0, m = strlen(suffix);
    return s && n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int ng_has_suffix_nocase(const char *s, size_t len, const char *suffix)
{
    size_t m = strlen(suffix);
    return len >= m && strncasecmp(s + len - m, suffix, m) == 0;
}
