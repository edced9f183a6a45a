/* reader_kind.c - what a file is: an article file (by its extension), a file newsgraph writes
 * (its graphs, shards and temporaries by name; its CSV tables and report pages, whose names are
 * also article names, by their first bytes), or something else.
 *
 * The one table of extensions is here; README "Inputs" lists the same. */
#include "reader_internal.h"

#include <string.h>
#include <strings.h>

static const struct {
    const char *ext; /* "" = no extension */
    ng_kind kind;
} kinds[] = {
    {".txt", NG_KIND_TEXT},   {".text", NG_KIND_TEXT},     {"", NG_KIND_TEXT},
    {".html", NG_KIND_HTML},  {".htm", NG_KIND_HTML},      {".csv", NG_KIND_CSV},
    {".tsv", NG_KIND_CSV},    {".jsonl", NG_KIND_JSONL},   {".ndjson", NG_KIND_JSONL},
    {".graphml", NG_KIND_OURS}, {".gexf", NG_KIND_OURS},   {".dot", NG_KIND_OURS},
    {".gv", NG_KIND_OURS},    {".json", NG_KIND_OURS},     {".ngs", NG_KIND_OURS},
};

const char *ng_reader_article_extensions(void)
{
    return ".txt, .text, no extension, .html, .htm, .csv, .tsv, .jsonl, .ndjson (each also .gz)";
}

/* The extension of a file name: after the last dot when that is not the first character and
 * the rest holds a letter and only letters and digits ("2024.05.03" has none). */
static const char *extension(const char *name, size_t len)
{
    const char *dot = NULL;
    for (size_t i = len; i > 0; i--) {
        if (name[i - 1] == '.') {
            dot = i - 1 > 0 ? name + i - 1 : NULL;
            break;
        }
    }
    if (!dot) return name + len;
    int letter = 0;
    for (const char *p = dot + 1; p < name + len; p++) {
        if ((*p | 32) >= 'a' && (*p | 32) <= 'z') letter = 1;
        else if (*p < '0' || *p > '9') return name + len;
    }
    return letter ? dot : name + len;
}

ng_kind ng_reader__kind(const char *path)
{
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    size_t len = strlen(name);
    /* temporaries of ng_out ("g.graphml.tmp.k3x9a0qz") and of other tools */
    if (strstr(name, ".tmp.")) return NG_KIND_OURS;
    if (len > 3 && ng_has_suffix_nocase(name, len, ".gz")) len -= 3;
    const char *ext = extension(name, len);
    size_t elen = (size_t)(name + len - ext);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strlen(kinds[i].ext) == elen && strncasecmp(ext, kinds[i].ext, elen) == 0)
            return kinds[i].kind;
    }
    return NG_KIND_OTHER;
}

/* A report page carries <meta name="generator" content="newsgraph VERSION"> in its head. */
int ng_reader__is_our_report(const char *head, size_t n)
{
    static const char mark[] = "<meta name=\"generator\" content=\"newsgraph ";
    size_t m = sizeof mark - 1;
    for (size_t i = 0; i + m <= n; i++) {
        if (head[i] == '<' && strncasecmp(head + i, mark, m) == 0) return 1;
    }
    return 0;
}

/* The nodes table starts "Id,Label", the edges table "Source,Target" (Gephi's names), the
 * evidence table (export/evidence.c) "article_id,title,url,date,relation". */
int ng_reader__is_our_table_header(const char *const *columns, size_t n_columns)
{
    if (n_columns < 2) return 0;
    return (strcmp(columns[0], "Id") == 0 && strcmp(columns[1], "Label") == 0) ||
           (strcmp(columns[0], "Source") == 0 && strcmp(columns[1], "Target") == 0) ||
           (n_columns >= 5 && strcmp(columns[0], "article_id") == 0 &&
            strcmp(columns[1], "title") == 0 && strcmp(columns[4], "relation") == 0);
}

int ng_reader__sniff_ours(const char *path, ng_kind kind)
{
    if (kind == NG_KIND_OURS) return 1;
    if (kind != NG_KIND_HTML && kind != NG_KIND_CSV && kind != NG_KIND_JSONL) return 0;
    char head[2048];
    size_t n = 0;
    ng_src s;
    if (ng_src__open(&s, path) == NG_OK) ng_src__read(&s, head, sizeof head - 1, &n);
    ng_src__close(&s);
    head[n] = '\0';
    if (kind == NG_KIND_HTML) return ng_reader__is_our_report(head, n);
    /* the evidence table's first row or object (export/evidence.c) */
    if (kind == NG_KIND_JSONL) return strncmp(head, "{\"article_id\":", 14) == 0;
    return strncmp(head, "Id,Label,", 9) == 0 || strncmp(head, "Source,Target,", 14) == 0 ||
           strncmp(head, "article_id,title,url,date,relation,", 35) == 0;
}
