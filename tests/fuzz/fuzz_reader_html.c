/* fuzz_reader_html.c - the bytes as a saved web page (.html, or .html.gz when they are gzip)
 * through ng_reader: the encoding steps (UTF-16/32, a declared charset through iconv,
 * Windows-1252, repairs), libxml2's HTML parser in SAX mode, the dropped elements and the
 * metadata. Invariants: no crash or leak; at most one article, with an id, an origin, a
 * NUL-terminated text of valid UTF-8 (libxml2 is only ever given valid UTF-8), a date that is
 * NULL or YYYY-MM-DD, a URL that is NULL or an absolute http(s) URL without spaces, a title
 * without control characters. */
#include "fuzz_util.h"

#include <strings.h>

#define CAP ((size_t)256 * 1024)

/* Valid UTF-8 (no NUL needed: the text may hold none, libxml2 drops them). */
static int valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                   : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        if (!len || i + len > n) return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
        }
        i += len;
    }
    return 1;
}

static int iso_date(const char *s)
{
    if (strlen(s) != 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
    }
    return 1;
}

static void check_article(const ng_article *a)
{
    FUZZ_CHECK(a->id && *a->id && a->origin && a->text && a->len > 0);
    FUZZ_CHECK(a->text[a->len] == '\0');
    FUZZ_CHECK(valid_utf8((const unsigned char *)a->text, a->len));
    FUZZ_CHECK(!a->date || iso_date(a->date));
    if (a->url) {
        FUZZ_CHECK(strncasecmp(a->url, "http://", 7) == 0 || strncasecmp(a->url, "https://", 8) == 0);
        for (const char *p = a->url; *p; p++) FUZZ_CHECK((unsigned char)*p > 0x20);
    }
    for (const char *p = a->title; p && *p; p++) FUZZ_CHECK((unsigned char)*p >= 0x20);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    const char *path = fuzz_write_file(gz ? "page.html.gz" : "page.html", data, size);
    ng_reader_opts opts = {CAP, fuzz_on_skip, NULL, 0, 0};
    ng_reader *r = NULL;
    ng_article *a = NULL;
    const char *inputs[] = {path};
    int n = 0;
    FUZZ_CHECK(ng_reader_new(&r, inputs, 1, &opts) == NG_OK);
    for (;;) {
        FUZZ_CHECK(ng_reader_next(r, &a) == NG_OK);
        if (!a) break;
        check_article(a);
        n++;
        ng_article_free(a);
    }
    FUZZ_CHECK(n + (int)ng_reader_skipped(r) <= 1);
    ng_reader_free(r);
    return 0;
}
