/* reader_html.c - a saved web page: the article text, title, canonical URL and publication
 * date, through libxml2's HTML parser (README: Inputs says why libxml2).
 *
 * The parser runs in SAX mode (no tree: memory is the page and its text). Its start and end
 * events are balanced (it closes implied and unclosed elements itself), so dropping an
 * element is a depth count. Dropped: script, style, nav, footer, aside, forms and their
 * controls, template, noscript, embedded objects, and anything hidden (the hidden attribute,
 * aria-hidden="true", display:none or visibility:hidden in its style); header too, except
 * inside <article> or <main>, where HTML5 makes it the article's own header (its headline).
 * Paragraphs and headings end with a blank line, other blocks and <br> with a line break, so
 * that they end sentences; other white space collapses as a browser shows it. When the page
 * has an <article> (or <main>) with text, only that text is kept (the rest is page chrome).
 *
 * Encoding: the bytes given to libxml2 are always valid UTF-8 (it would switch the rest of a
 * page to Latin-1 at the first invalid byte): UTF-16/32 are decoded by the byte source; a page
 * that is not valid UTF-8 is converted with iconv from the charset it declares (<meta
 * charset>), or from Windows-1252 when it declares none and its invalid bytes outnumber its
 * multi-byte characters (as extraction does for text), else each invalid byte becomes U+FFFD. */
#include "reader_internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
    EL_DROP = 1,     /* left out with everything inside */
    EL_BLOCK = 2,    /* a line break before and after */
    EL_PARA = 4,     /* a blank line before and after */
    EL_BREAK = 8,    /* a line break */
    EL_ARTICLE = 16, /* the article itself */
    EL_HEADER = 32,  /* dropped outside an article */
    EL_TITLE = 64,
    EL_META = 128,
    EL_LINK = 256,
    EL_TIME = 512
};

static const struct {
    const char *name;
    int flags;
} elements[] = {
    {"script", EL_DROP},    {"style", EL_DROP},     {"nav", EL_DROP},       {"footer", EL_DROP},
    {"aside", EL_DROP},     {"form", EL_DROP},      {"button", EL_DROP},    {"select", EL_DROP},
    {"textarea", EL_DROP},  {"template", EL_DROP},  {"noscript", EL_DROP},  {"svg", EL_DROP},
    {"math", EL_DROP},      {"iframe", EL_DROP},    {"object", EL_DROP},    {"canvas", EL_DROP},
    {"dialog", EL_DROP},    {"header", EL_HEADER | EL_BLOCK},
    {"p", EL_PARA},         {"h1", EL_PARA},        {"h2", EL_PARA},        {"h3", EL_PARA},
    {"h4", EL_PARA},        {"h5", EL_PARA},        {"h6", EL_PARA},        {"blockquote", EL_PARA},
    {"pre", EL_PARA},       {"article", EL_ARTICLE | EL_BLOCK}, {"main", EL_ARTICLE | EL_BLOCK},
    {"div", EL_BLOCK},      {"section", EL_BLOCK},  {"li", EL_BLOCK},       {"ul", EL_BLOCK},
    {"ol", EL_BLOCK},       {"dl", EL_BLOCK},       {"dt", EL_BLOCK},       {"dd", EL_BLOCK},
    {"figure", EL_BLOCK},   {"figcaption", EL_BLOCK}, {"table", EL_BLOCK},  {"caption", EL_BLOCK},
    {"tr", EL_BLOCK},       {"td", EL_BLOCK},       {"th", EL_BLOCK},       {"address", EL_BLOCK},
    {"hr", EL_BLOCK},       {"body", EL_BLOCK},     {"details", EL_BLOCK},  {"summary", EL_BLOCK},
    {"center", EL_BLOCK},   {"hgroup", EL_BLOCK},   {"br", EL_BREAK},       {"title", EL_TITLE},
    {"meta", EL_META},      {"link", EL_LINK},      {"time", EL_TIME},
};

/* <meta> names and properties that give the publication date, best first. */
static const char *const date_metas[] = {
    "article:published_time", "og:published_time", "datepublished", "dc.date.issued",
    "dcterms.issued",         "dc.date",           "dcterms.date",  "date",
    "pubdate",                "publishdate",       "publish-date",  "dcterms.created",
};
#define N_DATE_METAS (int)(sizeof date_metas / sizeof date_metas[0])

typedef struct page {
    ng_buf text;      /* every kept text of the body */
    ng_buf art;       /* the kept text inside <article>/<main> */
    ng_buf title_tag; /* <title> */
    char *og_title, *canonical, *og_url;
    char date[11];
    int date_rank;    /* index in date_metas of the date kept; N_DATE_METAS for <time> */
    int skip;         /* > 0: the depth inside a dropped element */
    int in_title;
    int in_article;   /* depth of <article>/<main> elements open */
    int breaks;       /* line breaks owed before the next word (0..2) */
    int space;        /* a space owed before the next word */
    int ours;         /* a newsgraph report */
    int oom;
} page;

static int flags_of(const xmlChar *name)
{
    for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++) {
        if (strcmp((const char *)name, elements[i].name) == 0) return elements[i].flags;
    }
    return 0;
}

static const char *attr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2) {
        if (strcasecmp((const char *)atts[i], name) == 0)
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    }
    return NULL;
}

/* hidden, aria-hidden="true", style="display: none" or "visibility:hidden". */
static int hidden(const xmlChar **atts)
{
    const char *aria = attr(atts, "aria-hidden"), *style = attr(atts, "style");
    if (attr(atts, "hidden") || (aria && strcasecmp(aria, "true") == 0)) return 1;
    if (!style) return 0;
    char squeezed[256];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof squeezed; p++) {
        if (*p != ' ' && *p != '\t' && *p != '\n') squeezed[n++] = (char)(*p | 0x20);
    }
    squeezed[n] = '\0';
    return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static void keep_date(page *pg, const char *value, int rank)
{
    if (rank < pg->date_rank && value && ng_date_parse(value, NULL, NULL, NULL)) {
        memcpy(pg->date, value, 10);
        pg->date[10] = '\0';
        pg->date_rank = rank;
    }
}

static void set_once(page *pg, char **slot, const char *value)
{
    if (*slot || !value || !*value) return;
    if (!(*slot = ng_strdup(value))) pg->oom = 1;
}

/* An absolute http(s) URL one can cite: no space or control character in it. */
static int is_web_url(const char *u)
{
    if (!u || (strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0)) return 0;
    for (; *u; u++) {
        if ((unsigned char)*u <= 0x20 || *u == 0x7f) return 0;
    }
    return 1;
}

static void on_meta(page *pg, const xmlChar **atts)
{
    const char *content = attr(atts, "content");
    const char *keys[3] = {attr(atts, "property"), attr(atts, "name"), attr(atts, "itemprop")};
    if (!content) return;
    for (int k = 0; k < 3; k++) {
        const char *key = keys[k];
        if (!key) continue;
        if (strcasecmp(key, "og:title") == 0) set_once(pg, &pg->og_title, content);
        else if (strcasecmp(key, "og:url") == 0 && is_web_url(content))
            set_once(pg, &pg->og_url, content);
        else if (strcasecmp(key, "generator") == 0 && strncmp(content, "newsgraph", 9) == 0)
            pg->ours = 1;
        for (int i = 0; i < N_DATE_METAS; i++) {
            if (strcasecmp(key, date_metas[i]) == 0) keep_date(pg, content, i);
        }
    }
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    page *pg = ctx;
    if (pg->skip) {
        pg->skip++;
        return;
    }
    int f = flags_of(name);
    if ((f & EL_DROP) || ((f & EL_HEADER) && !pg->in_article) || hidden(atts)) {
        pg->skip = 1;
        return;
    }
    if (f & EL_META) on_meta(pg, atts);
    if (f & EL_LINK) {
        const char *rel = attr(atts, "rel"), *href = attr(atts, "href");
        if (rel && strcasecmp(rel, "canonical") == 0 && is_web_url(href))
            set_once(pg, &pg->canonical, href);
    }
    if (f & EL_TIME) {
        const char *itemprop = attr(atts, "itemprop");
        int published = itemprop && strcasecmp(itemprop, "datePublished") == 0;
        keep_date(pg, attr(atts, "datetime"), published ? 2 : N_DATE_METAS);
    }
    if (f & EL_TITLE) pg->in_title++;
    if (f & EL_ARTICLE) pg->in_article++;
    if ((f & (EL_PARA | EL_BLOCK | EL_BREAK)) && pg->breaks < ((f & EL_PARA) ? 2 : 1))
        pg->breaks = (f & EL_PARA) ? 2 : 1;
}

static void on_end(void *ctx, const xmlChar *name)
{
    page *pg = ctx;
    if (pg->skip) {
        pg->skip--;
        return;
    }
    int f = flags_of(name);
    if ((f & EL_TITLE) && pg->in_title) pg->in_title--;
    if ((f & EL_ARTICLE) && pg->in_article) pg->in_article--;
    if ((f & (EL_PARA | EL_BLOCK)) && pg->breaks < ((f & EL_PARA) ? 2 : 1))
        pg->breaks = (f & EL_PARA) ? 2 : 1;
}

/* Appends a run of non-space bytes, after the breaks or the space owed. */
static void put_word(page *pg, const char *s, size_t n)
{
    ng_buf *outs[2] = {&pg->text, pg->in_article ? &pg->art : NULL};
    for (int k = 0; k < 2 && outs[k]; k++) {
        ng_buf *b = outs[k];
        if (b->len && pg->breaks) ng_buf_put(b, "\n\n", (size_t)pg->breaks);
        else if (b->len && pg->space && b->ptr[b->len - 1] != '\n') ng_buf_putc(b, ' ');
        ng_buf_put(b, s, n);
        if (b->oom) pg->oom = 1;
    }
    pg->breaks = 0;
    pg->space = 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    page *pg = ctx;
    const char *s = (const char *)ch;
    if (pg->skip || len <= 0) return;
    if (pg->in_title) {
        if (ng_buf_put(&pg->title_tag, s, (size_t)len) < 0) pg->oom = 1;
        return;
    }
    for (int i = 0; i < len;) {
        if (is_space(s[i])) {
            pg->space = 1;
            i++;
            continue;
        }
        int j = i;
        while (j < len && !is_space(s[j])) j++;
        put_word(pg, s + i, (size_t)(j - i));
        i = j;
    }
}

/* The charset the page declares in its first 4 KiB (<meta charset=NAME>, or the
 * Content-Type's "charset=NAME"), or "". */
static void declared_charset(const char *s, size_t n, char *out, size_t size)
{
    out[0] = '\0';
    if (n > 4096) n = 4096;
    for (size_t i = 0; i + 8 <= n; i++) {
        if (strncasecmp(s + i, "charset=", 8) != 0) continue;
        size_t j = i + 8, k = 0;
        while (j < n && (s[j] == '"' || s[j] == '\'' || s[j] == ' ')) j++;
        while (j < n && k + 1 < size &&
               (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') || (s[j] >= '0' && s[j] <= '9') ||
                s[j] == '-' || s[j] == '_' || s[j] == '.' || s[j] == ':'))
            out[k++] = s[j++];
        out[k] = '\0';
        return;
    }
}

/* The page's bytes as valid UTF-8 (see the top of the file): valid UTF-8 stays as it is
 * (whatever the page declares: pages saved again are often converted and keep their old
 * declaration), else the declared charset, else Windows-1252 or U+FFFD repairs. */
static int to_utf8(ng_buf *out, const ng_buf *in)
{
    char charset[64];
    size_t bad, multi;
    ng_reader__utf8_count(in->ptr, in->len, &bad, &multi);
    if (!bad && !memchr(in->ptr, '\0', in->len)) return ng_buf_put(out, in->ptr, in->len);
    declared_charset(in->ptr, in->len, charset, sizeof charset);
    const char *legacy = charset[0] && strcasecmp(charset, "utf-8") != 0 &&
                                 strcasecmp(charset, "utf8") != 0
                             ? charset
                             : bad > multi ? "WINDOWS-1252" : NULL;
    if (legacy && !memchr(in->ptr, '\0', in->len) &&
        ng_reader__from_charset(out, in->ptr, in->len, legacy) == NG_OK)
        return NG_OK;
    if (out->oom) return NG_ENOMEM;
    ng_buf_clear(out);
    return ng_reader__utf8_repair(out, in->ptr, in->len);
}

/* Runs libxml2's HTML parser over `html` (valid UTF-8), calling the handlers above. */
static int parse(page *pg, const ng_buf *html)
{
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text; /* script and style come this way: dropped with them */
    sax.initialized = 1;
    htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(&sax, pg, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
    if (!ctxt) return ng_error_set("out of memory (HTML parser)"), NG_ENOMEM;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    size_t off = 0, step = (size_t)1 << 20;
    do {
        size_t n = html->len - off < step ? html->len - off : step;
        htmlParseChunk(ctxt, html->ptr ? html->ptr + off : "", (int)n, off + n == html->len);
        off += n;
    } while (off < html->len && !pg->oom);
    htmlFreeParserCtxt(ctxt);
    return pg->oom ? NG_ENOMEM : NG_OK;
}

/* A title with its white space (and control characters) collapsed; NULL when empty. */
static char *clean_title(const char *t, size_t len)
{
    ng_buf out = NG_BUF_INIT;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)t[i] <= 0x20 || t[i] == 0x7f) {
            space = out.len > 0;
            continue;
        }
        if (space) ng_buf_putc(&out, ' ');
        space = 0;
        ng_buf_putc(&out, t[i]);
    }
    return out.len && !out.oom ? ng_buf_detach(&out) : (ng_buf_free(&out), NULL);
}

/* The article of a parsed page (*out), or a report of why not. */
static int make_article(ng_reader *r, const ng_reader__file *f, page *pg, ng_article **out)
{
    const char *origin = ng_reader__origin(f);
    ng_buf *body = pg->art.len >= 200 ? &pg->art : &pg->text;
    if (pg->ours) {
        ng_reader__tally_add(&r->ours, origin);
        return NG_OK;
    }
    if (body->len == 0) {
        ng_reader__skip(r, origin, "no article text in this page (only scripts, navigation, forms "
                        "or hidden parts): skipped");
        return NG_OK;
    }
    char *id = ng_reader__file_id(f);
    ng_article *a = id ? ng_reader__article(id, origin) : NULL;
    free(id);
    if (!a) return NG_ENOMEM;
    a->title = pg->og_title ? clean_title(pg->og_title, strlen(pg->og_title)) : NULL;
    if (!a->title) a->title = clean_title(pg->title_tag.ptr, pg->title_tag.len);
    a->url = pg->canonical ? ng_strdup(pg->canonical) : pg->og_url ? ng_strdup(pg->og_url) : NULL;
    a->date = pg->date[0] ? ng_strdup(pg->date) : NULL;
    a->len = body->len;
    a->text = ng_buf_detach(body);
    if (!a->text || (pg->date[0] && !a->date)) {
        ng_article_free(a);
        return NG_ENOMEM;
    }
    *out = a;
    return NG_OK;
}

int ng_reader__read_html(ng_reader *r, const ng_reader__file *f, ng_article **out)
{
    ng_buf raw = NG_BUF_INIT, html = NG_BUF_INIT;
    ng_src s;
    page pg;
    memset(&pg, 0, sizeof pg);
    pg.date_rank = N_DATE_METAS + 1;
    *out = NULL;
    int error = ng_reader__slurp(r, f, &raw, &s);
    if (error == NG_OK) error = to_utf8(&html, &raw);
    ng_src__close(&s);
    ng_buf_free(&raw);
    if (error == NG_OK) error = parse(&pg, &html);
    if (error == NG_OK) error = make_article(r, f, &pg, out);
    ng_buf_free(&html);
    ng_buf_free(&pg.text);
    ng_buf_free(&pg.art);
    ng_buf_free(&pg.title_tag);
    free(pg.og_title);
    free(pg.canonical);
    free(pg.og_url);
    return error < 0 ? error : NG_OK;
}

void ng_reader__html_init(void) { xmlInitParser(); }
