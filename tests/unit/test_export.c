/* test_export.c - the export stage: format choice, number and text helpers, and the bytes
 * of every format written from small graphs built through the graph API. */
#include "export_graphs.h"
#include "export_internal.h"
#include "ng_export.h"
#include "ng_test.h"

#include <csv.h>
#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* ------------------------------------------------------------------ helpers */

static char *path_in(const char *dir, const char *name);

/* Removes a directory and everything under it. */
static void rm_tree(const char *dir)
{
    DIR *dh = opendir(dir);
    struct dirent *de;
    if (dh) {
        while ((de = readdir(dh)) != NULL) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
            char *p = path_in(dir, de->d_name);
            struct stat st;
            if (p && lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
                rm_tree(p);
            else if (p)
                remove(p);
            free(p);
        }
        closedir(dh);
    }
    rmdir(dir);
}

/* A fresh temporary directory (the caller frees the string and calls tmp_done). */
static char *tmp_dir(void)
{
    char *d = strdup("/tmp/ng-export-test-XXXXXX");
    if (d && !mkdtemp(d)) {
        free(d);
        return NULL;
    }
    return d;
}

static void tmp_done(char *d)
{
    if (d) rm_tree(d);
    free(d);
}

static char *path_in(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Reads a whole file (NUL-terminated); NULL when it does not exist. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f) return NULL;
    for (;;) {
        if (NG_ARRAY_GROW(buf, cap, n + 65536 + 1) < 0) break;
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

/* Decompresses a .gz file completely. */
static char *slurp_gz(const char *path, size_t *len)
{
    gzFile z = gzopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!z) return NULL;
    for (;;) {
        if (NG_ARRAY_GROW(buf, cap, n + 65536 + 1) < 0) break;
        int got = gzread(z, buf + n, 65536);
        if (got <= 0) break;
        n += (size_t)got;
    }
    gzclose(z);
    if (buf) buf[n] = '\0';
    *len = n;
    return buf;
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0, l = strlen(needle);
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += l)
        n++;
    return n;
}

/* 1 when every byte sequence is valid UTF-8 and no control character other than the
 * allowed ones (LF always; tab and CR when `tab_cr`) occurs, nor DEL or a C1 control. */
static int clean_utf8(const char *s, size_t len, int tab_cr)
{
    size_t i = 0;
    while (i < len) {
        size_t adv;
        uint32_t c = ng_utf8__next(s + i, len - i, &adv);
        if (c == NG_UTF8_REPLACEMENT && adv == 1) return 0;
        if (c < 0x20 && c != '\n' && !(tab_cr && (c == '\t' || c == '\r'))) return 0;
        if (c >= 0x7F && c <= 0x9F) return 0;
        i += adv;
    }
    return 1;
}

static size_t symmetric_edges(const ng_graph *g)
{
    size_t n = 0;
    for (size_t i = 0; i < ng_graph_edge_count(g); i++)
        n += !ng_graph_edge(g, i)->directed;
    return n;
}

static size_t negative_edges(const ng_graph *g)
{
    size_t n = 0;
    for (size_t i = 0; i < ng_graph_edge_count(g); i++)
        n += ng_rel_hostile(ng_graph_edge(g, i)->rel);
    return n;
}

/* The edge (source label, relation, target label) or NULL; symmetric edges match either way. */
static const ng_edge *find_edge(const ng_graph *g, const char *a, ng_rel rel, const char *b)
{
    for (size_t i = 0; i < ng_graph_edge_count(g); i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        const char *s = ng_graph_node(g, e->source)->label, *t = ng_graph_node(g, e->target)->label;
        if (e->rel != rel) continue;
        if ((!strcmp(s, a) && !strcmp(t, b)) || (!e->directed && !strcmp(s, b) && !strcmp(t, a)))
            return e;
    }
    return NULL;
}

/* Writes `g` in `format` to dir/name and returns the file's bytes. */
static char *write_and_read(const ng_graph *g, ng_format format, const char *dir, const char *name,
                            size_t *len)
{
    char *p = path_in(dir, name);
    char *data = NULL;
    int rc = ng_export_write(g, format, p, 0);
    if (rc != 0)
        fprintf(stderr, "export of %s failed: %s\n", name, ng_error_last());
    else
        data = slurp(p, len);
    free(p);
    return data;
}

static ng_graph *hostile(void)
{
    ng_graph *g = NULL;
    if (ng_test_export_graph(&g, NG_TG_HOSTILE) != 0) {
        fprintf(stderr, "cannot build the hostile graph: %s\n", ng_error_last());
        return NULL;
    }
    return g;
}

/* ------------------------------------------------------------------ formats and paths */

NG_TEST(format_names_parse_both_ways)
{
    for (int f = 0; f < NG_FORMAT__COUNT; f++) {
        ng_format back = NG_FORMAT__COUNT;
        CHECK_OK(ng_format_parse(&back, ng_format_name((ng_format)f)));
        CHECK_INT(back, f);
    }
    ng_format f = NG_FORMAT__COUNT;
    CHECK_OK(ng_format_parse(&f, "GEXF"));
    CHECK_INT(f, NG_FORMAT_GEXF);
    CHECK_OK(ng_format_parse(&f, "gv"));
    CHECK_INT(f, NG_FORMAT_DOT);
    CHECK_INT(ng_format_parse(&f, "xlsx"), NG_EINVAL);
    CHECK(strstr(ng_error_last(), "xlsx") && strstr(ng_error_last(), "graphml"));
}

NG_TEST(format_from_path_by_extension)
{
    static const struct {
        const char *path;
        ng_format f;
        int gz;
    } ok[] = {
        {"g.graphml", NG_FORMAT_GRAPHML, 0}, {"out/g.GraphML.GZ", NG_FORMAT_GRAPHML, 1},
        {"g.gexf", NG_FORMAT_GEXF, 0},       {"a.b/g.gexf.gz", NG_FORMAT_GEXF, 1},
        {"g.dot", NG_FORMAT_DOT, 0},         {"g.gv", NG_FORMAT_DOT, 0},
        {"t.csv", NG_FORMAT_CSV, 0},         {"t.csv.gz", NG_FORMAT_CSV, 1},
        {"j.json", NG_FORMAT_JSON, 0},       {"no/such/dir/", NG_FORMAT_CSV, 0},
        /* the longest ending wins: the evidence table, not the graph's CSV */
        {"x.evidence.csv", NG_FORMAT_EVIDENCE_CSV, 0},
        {"evidence.csv", NG_FORMAT_EVIDENCE_CSV, 0},
        {"d/Evidence.CSV.gz", NG_FORMAT_EVIDENCE_CSV, 1},
        {"x.evidence.jsonl", NG_FORMAT_EVIDENCE_JSONL, 0},
        {"x.jsonl.gz", NG_FORMAT_EVIDENCE_JSONL, 1},
        {"nodes.csv", NG_FORMAT_CSV, 0},
        {"x.evidence.json", NG_FORMAT_JSON, 0},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ng_format f = NG_FORMAT__COUNT;
        int gz = -1;
        CHECK_OK(ng_format_from_path(&f, &gz, ok[i].path));
        if (f != ok[i].f || gz != ok[i].gz) fprintf(stderr, "path %s\n", ok[i].path);
        CHECK_INT(f, ok[i].f);
        CHECK_INT(gz, ok[i].gz);
    }
    static const char *const bad[] = {"g.txt", "g.gz", ".graphml", "graphml", "g.graphml.zip"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ng_format f;
        int gz;
        CHECK_INT(ng_format_from_path(&f, &gz, bad[i]), NG_EINVAL);
        CHECK(strstr(ng_error_last(), bad[i]) && strstr(ng_error_last(), ".gexf"));
    }
    ng_format f;
    int gz;
    CHECK_INT(ng_format_from_path(&f, &gz, "-"), NG_EINVAL);
    CHECK(strstr(ng_error_last(), "--format") != NULL);

    char *d = tmp_dir();
    CHECK(d != NULL);
    if (!d) return;
    CHECK_OK(ng_format_from_path(&f, &gz, d)); /* an existing directory, no slash */
    CHECK_INT(f, NG_FORMAT_CSV);
    tmp_done(d);
}

/* The format table is complete: every row named and described, every extension of every row
 * picks that row (with and without .gz), the message lists read from it, and the rows that
 * write more than one file name them. */
NG_TEST(format_table_rows_drive_names_and_extensions)
{
    char names[128];
    ng_format_names(names, sizeof names);
    CHECK_STR(names, "graphml, gexf, dot, csv, json, evidence-csv or evidence-jsonl");
    CHECK(ng_format_get(NG_FORMAT__COUNT) == NULL);
    for (int i = 0; i < NG_FORMAT__COUNT; i++) {
        const ng_format_info *f = ng_format_get((ng_format)i);
        const ng_format_row *r = ng_format__row((ng_format)i);
        CHECK(f && r && &r->info == f);
        /* a streamed row (the evidence table) has no graph writer, and its first ending no
         * dot ("evidence.csv", a whole name too) */
        CHECK(f->name[0] && f->title[0] && f->opens_in[0] &&
              (f->extensions[0] == '.') == !f->streamed);
        CHECK(strstr(names, f->name) != NULL);
        CHECK(f->streamed ? r->n_files == 0 && !r->paths
                          : r->n_files >= 1 && r->n_files <= NG_FORMAT_MAX_FILES && r->cost > 0);
        for (size_t k = 0; k < r->n_files; k++) CHECK(r->writers[k] != NULL);
        CHECK(f->streamed || ((r->n_files > 1) == (r->paths != NULL) &&
                              (r->paths != NULL) == (f->files != NULL)));
        char ext[32];
        for (const char *e = f->extensions; *e;) {
            size_t n = strcspn(e, " ");
            for (int gz = 0; gz < 2; gz++) {
                char path[64];
                ng_format got = NG_FORMAT__COUNT;
                int got_gz = -1;
                snprintf(ext, sizeof ext, "%.*s", (int)n, e);
                snprintf(path, sizeof path, "dir/x%s%s", ext, gz ? ".gz" : "");
                CHECK_OK(ng_format_from_path(&got, &got_gz, path));
                CHECK_INT(got, i);
                CHECK_INT(got_gz, gz);
            }
            CHECK_OK(ng_format_parse(&(ng_format){0}, ext + (ext[0] == '.'))); /* "gv": DOT */
            e += n + strspn(e + n, " ");
        }
    }
    ng_format f;
    int gz;
    CHECK_INT(ng_format_from_path(&f, &gz, "x.xlsx"), NG_EINVAL);
    CHECK(strstr(ng_error_last(), ".graphml, .gexf, .dot (or .gv), .csv (or a directory), "
                                  ".json, evidence.csv, evidence.jsonl (or .jsonl), each "
                                  "optionally followed by .gz") != NULL);
}

NG_TEST(csv_paths_follow_the_documented_rule)
{
    static const struct {
        const char *path;
        int gz;
        const char *nodes, *edges;
    } cases[] = {
        {"out/", 0, "out/nodes.csv", "out/edges.csv"},
        {"out/nodes.csv", 0, "out/nodes.csv", "out/edges.csv"},
        {"nodes.csv", 0, "nodes.csv", "edges.csv"},
        {"sahel-nodes.csv", 0, "sahel-nodes.csv", "sahel-edges.csv"},
        {"r/graph.csv", 0, "r/graph.nodes.csv", "r/graph.edges.csv"},
        {"graph.csv.gz", 1, "graph.nodes.csv.gz", "graph.edges.csv.gz"},
        {"dir/", 1, "dir/nodes.csv.gz", "dir/edges.csv.gz"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *n = NULL, *e = NULL;
        CHECK_OK(ng_export_csv_paths(&n, &e, cases[i].path, cases[i].gz));
        CHECK_STR(n, cases[i].nodes);
        CHECK_STR(e, cases[i].edges);
        free(n);
        free(e);
    }
    char *n = NULL, *e = NULL;
    CHECK_INT(ng_export_csv_paths(&n, &e, "-", 0), NG_EINVAL);
    CHECK(n == NULL && e == NULL);

    char *d = tmp_dir();
    CHECK(d != NULL);
    if (!d) return;
    CHECK_OK(ng_export_csv_paths(&n, &e, d, 0));
    char *want = path_in(d, "nodes.csv");
    CHECK_STR(n, want);
    free(want);
    free(n);
    free(e);
    CHECK_OK(ng_export_check_path(NG_FORMAT_CSV, d, 0));
    CHECK(ng_export_check_path(NG_FORMAT_GRAPHML, "/nonexistent-ng-dir/g.graphml", 0) < 0);
    /* DIR/ that does not exist is made when written: its parent must exist */
    CHECK(ng_export_check_path(NG_FORMAT_CSV, "/nonexistent-ng-dir/deeper/", 0) < 0);
    char *sub = path_in(d, "new/");
    CHECK_OK(ng_export_check_path(NG_FORMAT_CSV, sub, 0));
    free(sub);
    tmp_done(d);
}

/* ------------------------------------------------------------------ helpers of the stage */

NG_TEST(reals_are_shortest_round_trip_and_locale_free)
{
    char out[32];
    static const struct {
        double v;
        const char *s;
    } cases[] = {
        {0.1, "0.1"},
        {1.0, "1"},
        {-0.0, "0"},
        {2.5, "2.5"},
        {1e-20, "1e-20"},
        {123456789.125, "123456789.125"},
        {-3.75, "-3.75"},
        {0.30000000000000004, "0.30000000000000004"},
        {1.0 / 3.0, "0.3333333333333333"},
        /* integers take a path of their own; %g writes trailing zeros as an exponent */
        {12.0, "12"},
        {-7.0, "-7"},
        {100.0, "1e+02"},
        {120.0, "1.2e+02"},
        {1005.0, "1005"},
        {1e15, "1e+15"},
        {123456789012345.0, "123456789012345"},
        {9007199254740993.0, "9007199254740992"},
        {1e22, "1e+22"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK(ng_export__real(out, cases[i].v) == strlen(cases[i].s));
        CHECK_STR(out, cases[i].s);
        CHECK(strtod(out, NULL) == cases[i].v);
    }
    CHECK_INT(ng_export__real(out, NAN), 0);
    CHECK_STR(out, "");
    CHECK_INT(ng_export__real(out, INFINITY), 0);
    CHECK_INT(ng_export__real(out, -INFINITY), 0);

    ng_export__fixed2(out, 12.5);
    CHECK_STR(out, "12.50");
    ng_export__fixed2(out, 1.0);
    CHECK_STR(out, "1.00");
    ng_export__fixed2(out, 0.004);
    CHECK_STR(out, "0.00");
    ng_export__fixed2(out, NAN);
    CHECK_STR(out, "0.00");

    /* A locale with a decimal comma must not leak into the files (when one is installed). */
    static const char *const comma_locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR"};
    for (size_t i = 0; i < sizeof comma_locales / sizeof comma_locales[0]; i++) {
        if (!setlocale(LC_NUMERIC, comma_locales[i])) continue;
        ng_export__real(out, 2.5);
        CHECK_STR(out, "2.5");
        ng_export__fixed2(out, 2.5);
        CHECK_STR(out, "2.50");
        break;
    }
    setlocale(LC_NUMERIC, "C");
}

NG_TEST(utf8_decoder_repairs_bad_sequences)
{
    size_t adv;
    CHECK_INT(ng_utf8__next("A", 1, &adv), 'A');
    CHECK_INT(adv, 1);
    CHECK_INT(ng_utf8__next("\xC3\xA9", 2, &adv), 0xE9);
    CHECK_INT(adv, 2);
    CHECK_INT(ng_utf8__next("\xE2\x80\xA6", 3, &adv), 0x2026);
    CHECK_INT(adv, 3);
    CHECK_INT(ng_utf8__next("\xF0\x9F\x8E\x89", 4, &adv), 0x1F389);
    CHECK_INT(adv, 4);
    static const char *const bad[] = {"\xC0\x80",         "\xED\xA0\x80", "\xE2\x82",
                                      "\xF5\x80\x80\x80", "\x80",         "\xFF",
                                      "\xF4\x90\x80\x80", "\xE0\x80\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(ng_utf8__next(bad[i], strlen(bad[i]), &adv), NG_UTF8_REPLACEMENT);
        CHECK_INT(adv, 1);
    }
}

NG_TEST(xml_escaping_in_text_and_attributes)
{
    ng_buf b = NG_BUF_INIT;
    ng_xml__escape(&b, "a&b<c>d\"e'f", 0);
    CHECK_STR(b.ptr, "a&amp;b&lt;c&gt;d\"e'f");
    ng_buf_clear(&b);
    ng_xml__escape(&b, "a&b<c>d\"e'f", 1);
    CHECK_STR(b.ptr, "a&amp;b&lt;c&gt;d&quot;e'f");
    ng_buf_clear(&b);
    ng_xml__escape(&b, "x\ty\nz\r", 0);
    CHECK_STR(b.ptr, "x\ty\nz&#13;");
    ng_buf_clear(&b);
    ng_xml__escape(&b, "x\ty\nz\r", 1);
    CHECK_STR(b.ptr, "x&#9;y&#10;z&#13;");
    ng_buf_clear(&b);
    ng_xml__escape(&b, "\x01\x1b\x7f\xc2\x85ok\xef\xbf\xbe", 0); /* C0, DEL, C1, U+FFFE */
    CHECK_STR(b.ptr, "ok");
    ng_buf_clear(&b);
    ng_xml__escape(&b, "\xff]]>\xE2\x82", 0);
    CHECK_STR(b.ptr, "\xEF\xBF\xBD]]&gt;\xEF\xBF\xBD\xEF\xBF\xBD"); /* one per bad byte */
    ng_buf_clear(&b);
    ng_xml__escape(&b, TG_EMOJI " " TG_ARABIC, 1);
    CHECK_STR(b.ptr, TG_EMOJI " " TG_ARABIC);
    CHECK(!b.oom);
    ng_buf_free(&b);
}

/* ------------------------------------------------------------------ GraphML */

NG_TEST(graphml_keys_typed_and_text_escaped)
{
    ng_graph *g = hostile();
    char *d = tmp_dir();
    size_t len = 0;
    char *x = NULL;
    CHECK(g && d);
    if (!g || !d) goto cleanup;
    x = write_and_read(g, NG_FORMAT_GRAPHML, d, "h.graphml", &len);
    CHECK(x != NULL);
    if (!x) goto cleanup;

    CHECK(strncmp(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39) == 0);
    CHECK(strstr(x, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"") != NULL);
    CHECK(strstr(x, "<graph id=\"newsgraph\" edgedefault=\"directed\">") != NULL);
    static const char *const keys[] = {
        "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>",
        "<key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>",
        "<key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>",
        "<key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>",
        "<key id=\"first_date\" for=\"node\" attr.name=\"first_date\" attr.type=\"string\"/>",
        "<key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>",
        "<key id=\"in_degree\" for=\"node\" attr.name=\"in_degree\" attr.type=\"int\"/>",
        "<key id=\"strength\" for=\"node\" attr.name=\"strength\" attr.type=\"double\"/>",
        "<key id=\"pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>",
        "<key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>",
        "<key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>",
        "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>",
        "<key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>",
        "<key id=\"e_sources\" for=\"edge\" attr.name=\"sources\" attr.type=\"string\"/>",
        "<key id=\"e_articles\" for=\"edge\" attr.name=\"articles\" attr.type=\"int\"/>",
        "<key id=\"source_titles\" for=\"edge\" attr.name=\"source_titles\" attr.type=\"string\"/>",
        "<key id=\"e_first_date\" for=\"edge\" attr.name=\"first_date\" attr.type=\"string\"/>",
        "<key id=\"e_last_date\" for=\"edge\" attr.name=\"last_date\" attr.type=\"string\"/>",
        "<key id=\"directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>",
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *k = strstr(x, keys[i]);
        if (!k) fprintf(stderr, "missing %s\n", keys[i]);
        CHECK(k != NULL && k < strstr(x, "<graph "));
    }
    CHECK(strstr(x, "for=\"graph\"") == NULL);
    CHECK(strstr(x, "directed=\"false\"") == NULL); /* NetworkX refuses it in a directed graph */
    CHECK(strstr(strstr(x, "<graph "), "<key") == NULL);

    CHECK(strstr(x, "<data key=\"label\">Ali \"The Lion\" O'Brien &amp; Sons &lt;Ltd&gt;</data>"));
    CHECK(strstr(x, "<data key=\"label\">C:\\Path\\To\\Node\\</data>"));
    CHECK(strstr(x, "<data key=\"label\">Line one\nLine two</data>"));
    CHECK(strstr(x, "<data key=\"label\">BellTab\tEscEnd</data>"));
    CHECK(strstr(x, "<data key=\"label\">" TG_EMOJI "</data>"));
    CHECK(strstr(x, "<data key=\"label\">" TG_ARABIC "</data>"));
    CHECK(strstr(x, "<data key=\"label\">" TG_HEBREW "</data>"));
    CHECK(strstr(x, "&amp;#1; &amp;nbsp; &amp;amp; ]]&gt; -- &lt;!-- x --&gt;"));
    CHECK(strstr(x, "<data key=\"evidence\">He said \"hello\" &amp; left &lt;quickly&gt;.\n"
                    "Next line\\</data>"));
    CHECK(strstr(x, "Cut ties&#13;\nwith subgraph.") != NULL);
    CHECK(clean_utf8(x, len, 1));
    CHECK(strlen(x) == len); /* no NUL byte */

    /* Every node and edge, by the graph's own ids; one directed=false per symmetric edge. */
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        char want[256];
        snprintf(want, sizeof want, "<node id=\"%s\">", ng_graph_node(g, i)->id);
        CHECK(strstr(x, want) != NULL);
    }
    for (size_t i = 0; i < ng_graph_edge_count(g); i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        char want[512];
        snprintf(want, sizeof want, "<edge id=\"%s\" source=\"%s\" target=\"%s\">", e->id,
                 ng_graph_node(g, e->source)->id, ng_graph_node(g, e->target)->id);
        CHECK(strstr(x, want) != NULL);
    }
    CHECK(symmetric_edges(g) >= 3);
    CHECK_INT(count_of(x, "<data key=\"directed\">false</data>"), symmetric_edges(g));
    CHECK_INT(count_of(x, "<data key=\"directed\">true</data>"),
              ng_graph_edge_count(g) - symmetric_edges(g));
    /* The repeated met edge: weight 2, two sources, first and last dates. */
    const ng_edge *met = find_edge(g, TG_QUOTES, ng_test_rel("met"), "node");
    CHECK(met != NULL);
    if (met) CHECK_INT(met->weight, 2);
    CHECK(strstr(x, "<data key=\"weight\">2</data>") != NULL);
    CHECK(strstr(x, "<data key=\"e_first_date\">2024-03-05</data>\n"
                    "      <data key=\"e_last_date\">2024-04-01</data>") != NULL);
    CHECK(strstr(x, "nan<") == NULL && strstr(x, "inf<") == NULL);

cleanup:
    free(x);
    tmp_done(d);
    ng_graph_free(g);
}

NG_TEST(graphml_without_metrics_has_no_metric_keys)
{
    ng_graph *g = NULL;
    char *d = tmp_dir(), *x = NULL;
    size_t len;
    CHECK_OK(ng_test_export_graph(&g, NG_TG_PLAIN));
    if (!g || !d) goto cleanup;
    x = write_and_read(g, NG_FORMAT_GRAPHML, d, "p.graphml", &len);
    CHECK(x != NULL);
    if (!x) goto cleanup;
    CHECK(strstr(x, "attr.name=\"pagerank\"") == NULL);
    CHECK(strstr(x, "attr.name=\"degree\"") == NULL);
    CHECK(strstr(x, "attr.name=\"mentions\"") != NULL);
    CHECK(strstr(x, "key=\"first_date\"") == NULL); /* undated: no empty <data> */
    CHECK_INT(count_of(x, "<node id="), 3);
    CHECK_INT(count_of(x, "<edge id="), 2);

cleanup:
    free(x);
    tmp_done(d);
    ng_graph_free(g);
}

/* ------------------------------------------------------------------ GEXF */

/* Every <attribute id="X" title="Y" ...> has X == Y. Returns how many were seen. */
static size_t check_attribute_ids(const char *x)
{
    size_t n = 0;
    for (const char *p = x; (p = strstr(p, "<attribute id=\"")) != NULL; n++) {
        p += strlen("<attribute id=\"");
        const char *q = strchr(p, '"');
        if (!q) break;
        char want[128];
        snprintf(want, sizeof want, "\" title=\"%.*s\"", (int)(q - p), p);
        CHECK(strncmp(q, want, strlen(want)) == 0);
    }
    return n;
}

/* Every start="A" end="B" pair on one element has A <= B <= the graph's last day, ISO dates. */
static void check_intervals(const char *x, const char *graph_last)
{
    for (const char *p = x; (p = strstr(p, " start=\"")) != NULL; p++) {
        const char *end = strstr(p, " end=\"");
        CHECK(end != NULL && end - p == 8 + 10 + 1);
        if (!end) return;
        CHECK(strncmp(p + 8, end + 6, 10) <= 0);
        CHECK(strncmp(end + 6, graph_last, 10) <= 0);
    }
}

NG_TEST(gexf_kinds_viz_and_timeline)
{
    ng_graph *g = hostile();
    char *d = tmp_dir(), *x = NULL;
    size_t len = 0;
    CHECK(g && d);
    if (!g || !d) goto cleanup;
    x = write_and_read(g, NG_FORMAT_GEXF, d, "h.gexf", &len);
    CHECK(x != NULL);
    if (!x) goto cleanup;

    CHECK(strstr(x, "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                    "version=\"1.3\">\n") != NULL);
    CHECK(strstr(x, "schemaLocation") == NULL); /* the RELAX NG schema rejects it */
    CHECK(strstr(x, "<meta>") != NULL && strstr(x, "<meta>") < strstr(x, "<graph "));
    CHECK(strstr(x, "<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" "
                    "timerepresentation=\"interval\">") != NULL);
    CHECK_INT(count_of(x, "<attributes class=\"node\""), 1);
    CHECK_INT(count_of(x, "<attributes class=\"edge\""), 1);
    CHECK_INT(check_attribute_ids(x), (NG_NCOL__COUNT - 1) + (NG_ECOL__COUNT - 1));
    CHECK(strstr(x, "<attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>") != NULL);
    CHECK(strstr(x, "<attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>") != NULL);
    CHECK(strstr(x, "id=\"weight\"") == NULL); /* would be a dynamic weight */
    CHECK(strstr(x, "id=\"label\"") == NULL);  /* the label is the node's own attribute */

    CHECK(strstr(x, "label=\"Ali &quot;The Lion&quot; O'Brien &amp; Sons &lt;Ltd&gt;\"") != NULL);
    CHECK(strstr(x, "label=\"Line one&#10;Line two\"") != NULL);
    CHECK(strstr(x, "label=\"BellTab&#9;EscEnd\"") != NULL);
    CHECK(strstr(x, "value=\"He said &quot;hello&quot; &amp; left &lt;quickly&gt;.&#10;"
                    "Next line\\\"/>") != NULL);
    CHECK(clean_utf8(x, len, 0)); /* tab and CR are references inside attributes */

    /* Kinds and directions. */
    CHECK_INT(count_of(x, " type=\"undirected\""), symmetric_edges(g));
    CHECK_INT(count_of(x, "kind=\"met\" label=\"met\""), 3);
    CHECK(strstr(x, "type=\"undirected\" kind=\"signed\" label=\"signed\" weight=\"1\"") != NULL);
    /* an edge lives over the days its dates cover; a node from its first to the graph's end */
    CHECK(strstr(x, "type=\"undirected\" kind=\"met\" label=\"met\" weight=\"2\" "
                    "start=\"2024-03-05\" end=\"2024-04-01\"") != NULL);
    CHECK(strstr(x, "\" kind=\"condemned\" label=\"condemned\" weight=\"2\" start=\"2024-03-05\" "
                    "end=\"2024-05-10\"") != NULL);
    CHECK_INT(count_of(x, "<edge id="), ng_graph_edge_count(g));
    CHECK_INT(count_of(x, "<node id="), ng_graph_node_count(g));

    /* viz: integer colours by type, a size for every node. */
    CHECK(strstr(x, "<viz:color r=\"78\" g=\"121\" b=\"167\"/>") != NULL); /* a state */
    CHECK(strstr(x, "<viz:color r=\"242\" g=\"142\" b=\"43\"/>") != NULL); /* a person */
    CHECK_INT(count_of(x, "<viz:size value=\""), ng_graph_node_count(g));
    CHECK_INT(count_of(x, "<viz:color r=\""), ng_graph_node_count(g));
    check_intervals(x, "2024-05-10");
    /* Undated elements have no interval. */
    const ng_node *heb = tg_find_node(g, TG_HEBREW);
    CHECK(heb != NULL);
    if (heb) {
        char want[256];
        snprintf(want, sizeof want, "<node id=\"%s\" label=\"%s\">", heb->id, TG_HEBREW);
        CHECK(strstr(x, want) != NULL);
    }

cleanup:
    free(x);
    tmp_done(d);
    ng_graph_free(g);
}

NG_TEST(gexf_static_without_dates)
{
    ng_graph *g = NULL;
    char *d = tmp_dir(), *x = NULL;
    size_t len;
    CHECK_OK(ng_test_export_graph(&g, NG_TG_PLAIN));
    if (!g || !d) goto cleanup;
    x = write_and_read(g, NG_FORMAT_GEXF, d, "p.gexf", &len);
    CHECK(x != NULL);
    if (!x) goto cleanup;
    CHECK(strstr(x, "<graph defaultedgetype=\"directed\" mode=\"static\">") != NULL);
    CHECK(strstr(x, "timeformat") == NULL && strstr(x, " start=") == NULL);
    CHECK(strstr(x, "pagerank") == NULL);
    /* Without metrics the size follows mentions: Ruritania (4) is the largest, 30. */
    const ng_node *r = tg_find_node(g, "Ruritania");
    CHECK(r != NULL);
    if (r) {
        const char *p = strstr(x, "label=\"Ruritania\"");
        CHECK(p && strstr(p, "<viz:size value=\"30.00\"/>") < strstr(p, "</node>"));
    }
    CHECK(strstr(x, "<viz:size value=\"4.00\"/>") != NULL);

cleanup:
    free(x);
    tmp_done(d);
    ng_graph_free(g);
}

/* ------------------------------------------------------------------ DOT */

/* The content of the quoted DOT string that starts right after `open` (which ends with a
 * quote): its length in bytes, up to the closing unescaped quote. */
static size_t dot_string_len(const char *open)
{
    size_t n = 0;
    while (open[n] && open[n] != '"')
        n += open[n] == '\\' && open[n + 1] ? 2 : 1;
    return n;
}

NG_TEST(dot_quotes_escapes_and_styles)
{
    ng_graph *g = hostile();
    char *d = tmp_dir(), *x = NULL;
    size_t len = 0;
    CHECK(g && d);
    if (!g || !d) goto cleanup;
    x = write_and_read(g, NG_FORMAT_DOT, d, "h.dot", &len);
    CHECK(x != NULL);
    if (!x) goto cleanup;

    CHECK(strstr(x, "digraph \"newsgraph\" {\n") != NULL);
    CHECK(strstr(x, "outputorder=\"edgesfirst\"") != NULL);
    CHECK(strstr(x, "subgraph \"cluster_legend\"") != NULL);
    CHECK(strstr(x, "label=\"Ali \\\"The Lion\\\" O'Brien &amp; Sons <Ltd>\"") != NULL);
    CHECK(strstr(x, "label=\"C:\\\\Path\\\\To\\\\Node\\\\\"") != NULL);
    CHECK(strstr(x, "label=\"Line one\\nLine two\"") != NULL);
    CHECK(strstr(x, "label=\"BellTab EscEnd\"") != NULL);
    CHECK(strstr(x, "label=\"&amp;#1; &amp;nbsp; &amp;amp; ]]> -- <!-- x -->\"") != NULL);
    CHECK(strstr(x, "label=\"" TG_EMOJI "\"") != NULL);
    CHECK(strstr(x, "label=\"" TG_ARABIC "\"") != NULL);
    CHECK(strstr(x, "tooltip=\"He said \\\"hello\\\" &amp; left <quickly>.\\nNext line\\\\\"") !=
          NULL);
    CHECK(strstr(x, "tooltip=\"Cut ties\\nwith subgraph.\"") != NULL);
    CHECK(clean_utf8(x, len, 0)); /* no raw tab, CR or control character */

    /* Keywords as names: always quoted IDs. */
    static const char *const keywords[] = {"node",     "Edge",   "GRAPH",
                                           "subgraph", "strict", "digraph"};
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        const ng_node *n = tg_find_node(g, keywords[i]);
        CHECK(n != NULL);
        if (!n) continue;
        char want[256];
        snprintf(want, sizeof want, "\n  \"%s\" [label=\"%s\", shape=", n->id, keywords[i]);
        CHECK(strstr(x, want) != NULL);
    }

    /* Long strings are cut below 16384 bytes on a character, with no dangling backslash. */
    const char *lp = strstr(x, "label=\"\xC3\x9Cn\xC3\xAF");
    CHECK(lp != NULL);
    if (lp) {
        lp += strlen("label=\"");
        size_t n = dot_string_len(lp);
        CHECK(n < 16384 && n > 15000);
        CHECK(lp[n] == '"');
        CHECK(n >= 3 && memcmp(lp + n - 3, "\xE2\x80\xA6", 3) == 0);
        CHECK(clean_utf8(lp, n, 0));
    }
    const char *tp = strstr(x, "tooltip=\"\xC3\x89vidence");
    CHECK(tp != NULL);
    if (tp) {
        tp += strlen("tooltip=\"");
        size_t n = dot_string_len(tp);
        CHECK(n < 16384 && tp[n] == '"');
    }

    /* Styles: weight never as DOT weight, symmetric undirected, breaks dashed. */
    CHECK(strstr(x, "weight=") == NULL);
    CHECK_INT(count_of(x, "penwidth=\""), ng_graph_edge_count(g) + 1); /* + node default */
    CHECK_INT(count_of(x, "dir=\"none\""), symmetric_edges(g));
    CHECK_INT(count_of(x, "style=\"dashed\""), negative_edges(g));
    CHECK_INT(count_of(x, " -> "), ng_graph_edge_count(g));
    CHECK(strstr(x, "label=\"met\", penwidth=\"2.50\", dir=\"none\"") != NULL); /* weight 2 */
    CHECK(strstr(x, "label=\"signed\", penwidth=\"1.00\", dir=\"none\"") != NULL);
    for (const char *p = x; (p = strstr(p, "penwidth=\"")) != NULL; p++) {
        const char *v = p + strlen("penwidth=\"");
        CHECK(strspn(v, "0123456789.") == strcspn(v, "\"")); /* no exponent, no sign */
    }

cleanup:
    free(x);
    tmp_done(d);
    ng_graph_free(g);
}

/* ------------------------------------------------------------------ CSV */

typedef struct csv_rows {
    char ***rows; /* rows[r][f] */
    size_t *nf;
    size_t n, cap, cap_nf;
    char **cur;
    size_t ncur, cap_cur;
} csv_rows;

static void csv_field_cb(void *s, size_t len, void *data)
{
    csv_rows *t = data;
    if (NG_ARRAY_GROW(t->cur, t->cap_cur, t->ncur + 1) < 0) abort();
    t->cur[t->ncur] = malloc(len + 1);
    memcpy(t->cur[t->ncur], s, len);
    t->cur[t->ncur][len] = '\0';
    t->ncur++;
}

static void csv_row_cb(int c, void *data)
{
    csv_rows *t = data;
    (void)c;
    if (NG_ARRAY_GROW(t->rows, t->cap, t->n + 1) < 0 ||
        NG_ARRAY_GROW(t->nf, t->cap_nf, t->n + 1) < 0)
        abort();
    t->rows[t->n] = t->cur;
    t->nf[t->n] = t->ncur;
    t->n++;
    t->cur = NULL;
    t->ncur = t->cap_cur = 0;
}

static void csv_rows_free(csv_rows *t)
{
    for (size_t r = 0; r < t->n; r++) {
        for (size_t f = 0; f < t->nf[r]; f++)
            free(t->rows[r][f]);
        free(t->rows[r]);
    }
    free(t->rows);
    free(t->nf);
}

/* Parses a file with libcsv in strict mode; 0 when libcsv reports an error. */
static int csv_read(csv_rows *t, const char *path)
{
    size_t len;
    char *data = slurp(path, &len);
    struct csv_parser p;
    int ok = 0;
    memset(t, 0, sizeof *t);
    if (!data || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) goto done;
    ok = csv_parse(&p, data, len, csv_field_cb, csv_row_cb, t) == len &&
         csv_fini(&p, csv_field_cb, csv_row_cb, t) == 0;
    csv_free(&p);
done:
    free(data);
    return ok;
}

/* The row whose field `col` equals `value`, or -1. */
static long csv_find(const csv_rows *t, size_t col, const char *value)
{
    for (size_t r = 1; r < t->n; r++)
        if (col < t->nf[r] && strcmp(t->rows[r][col], value) == 0) return (long)r;
    return -1;
}

NG_TEST(csv_tables_round_trip_through_libcsv)
{
    ng_graph *g = hostile();
    char *d = tmp_dir(), *np = NULL, *ep = NULL, *target = NULL;
    csv_rows nodes = {0}, edges = {0};
    CHECK(g && d);
    if (!g || !d) goto cleanup;
    target = path_in(d, "t.csv");
    CHECK_OK(ng_export_write(g, NG_FORMAT_CSV, target, 0));
    CHECK_OK(ng_export_csv_paths(&np, &ep, target, 0));
    CHECK(csv_read(&nodes, np));
    CHECK(csv_read(&edges, ep));
    CHECK_INT(nodes.n, ng_graph_node_count(g) + 1);
    CHECK_INT(edges.n, ng_graph_edge_count(g) + 1);
    if (nodes.n < 2 || edges.n < 2) goto cleanup;

    static const char *const nh[] = {
        "Id",         "Label",       "type",      "mentions",  "articles",   "aliases",
        "sources",    "first_date",  "last_date", "code",      "degree",     "in_degree",
        "out_degree", "strength",    "betweenness", "closeness", "harmonic", "pagerank",
        "eigenvector", "community"};
    static const char *const eh[] = {"Source",        "Target",      "Type",     "Kind",
                                     "Id",            "Label",       "Weight",   "relation",
                                     "articles",      "evidence",    "sources",  "source_titles",
                                     "source_urls",   "first_date",  "last_date", "dates"};
    CHECK_INT(nodes.nf[0], sizeof nh / sizeof nh[0]);
    for (size_t i = 0; i < nodes.nf[0] && i < sizeof nh / sizeof nh[0]; i++)
        CHECK_STR(nodes.rows[0][i], nh[i]);
    CHECK_INT(edges.nf[0], sizeof eh / sizeof eh[0]);
    for (size_t i = 0; i < edges.nf[0] && i < sizeof eh / sizeof eh[0]; i++)
        CHECK_STR(edges.rows[0][i], eh[i]);
    for (size_t r = 1; r < nodes.n; r++)
        CHECK_INT(nodes.nf[r], nodes.nf[0]);
    for (size_t r = 1; r < edges.n; r++)
        CHECK_INT(edges.nf[r], edges.nf[0]);

    /* Text comes back exactly (controls other than tab, CR, LF dropped). */
    CHECK(csv_find(&nodes, 1, TG_QUOTES) > 0);
    CHECK(csv_find(&nodes, 1, TG_BACKSLASH) > 0);
    CHECK(csv_find(&nodes, 1, TG_NEWLINE) > 0);
    CHECK(csv_find(&nodes, 1, "BellTab\tEscEnd") > 0);
    CHECK(csv_find(&nodes, 1, TG_EMOJI) > 0);
    CHECK(csv_find(&nodes, 1, TG_ARABIC) > 0);
    CHECK(csv_find(&nodes, 1, TG_ENTITIES) > 0);
    long r = csv_find(&edges, 9, TG_SENTENCE1);
    CHECK(r > 0);
    if (r > 0) {
        CHECK_STR(edges.rows[r][2], "Undirected");
        CHECK_STR(edges.rows[r][3], "met");
        CHECK_STR(edges.rows[r][5], "met");
        CHECK_STR(edges.rows[r][6], "2");
        CHECK_STR(edges.rows[r][7], "met");
        CHECK_STR(edges.rows[r][13], "2024-03-05");
        CHECK_STR(edges.rows[r][14], "2024-04-01");
    }
    CHECK(csv_find(&edges, 9, "Signedtabctl") < 0); /* tab is kept */
    CHECK(csv_find(&edges, 9, "Signed\ttabctl") > 0);
    size_t undirected = 0;
    for (size_t i = 1; i < edges.n; i++) {
        undirected += strcmp(edges.rows[i][2], "Undirected") == 0;
        CHECK(!strcmp(edges.rows[i][2], "Directed") || !strcmp(edges.rows[i][2], "Undirected"));
        CHECK_STR(edges.rows[i][3], edges.rows[i][5]);
        CHECK_STR(edges.rows[i][7], edges.rows[i][3]); /* relation = Kind */
    }
    CHECK_INT(undirected, symmetric_edges(g));
    /* A field is quoted only when it must be. */
    size_t len;
    char *raw = slurp(np, &len);
    CHECK(raw && strncmp(raw, "Id,Label,type,mentions,articles,aliases,", 40) == 0);
    CHECK(raw && strstr(raw, ",\"Ali \"\"The Lion\"\" O'Brien & Sons <Ltd>\",person,") != NULL);
    CHECK(raw && clean_utf8(raw, len, 1));
    free(raw);

cleanup:
    csv_rows_free(&nodes);
    csv_rows_free(&edges);
    free(np);
    free(ep);
    free(target);
    tmp_done(d);
    ng_graph_free(g);
}

/* ------------------------------------------------------------------ JSON */

NG_TEST(json_cytoscape_elements_escaped)
{
    ng_graph *g = hostile();
    char *d = tmp_dir(), *x = NULL;
    size_t len = 0;
    CHECK(g && d);
    if (!g || !d) goto cleanup;
    x = write_and_read(g, NG_FORMAT_JSON, d, "h.json", &len);
    CHECK(x != NULL);
    if (!x) goto cleanup;
    CHECK(strncmp(x, "{\"data\":{\"name\":\"newsgraph\"", 26) == 0);
    CHECK(strstr(x, "\"elements\":{\n\"nodes\":[\n{\"data\":{\"id\":") != NULL);
    CHECK(strstr(x, "\"label\":\"Ali \\\"The Lion\\\" O'Brien & Sons <Ltd>\"") != NULL);
    CHECK(strstr(x, "\"label\":\"C:\\\\Path\\\\To\\\\Node\\\\\"") != NULL);
    CHECK(strstr(x, "\"label\":\"Line one\\nLine two\"") != NULL);
    CHECK(strstr(x, "\"label\":\"Bell\\u0007Tab\\tEsc\\u001B\\u007F\\u0085End\"") != NULL);
    CHECK(strstr(x, "\"label\":\"" TG_EMOJI "\"") != NULL);
    CHECK(strstr(x, "\"evidence\":\"Cut ties\\r\\nwith subgraph.\"") != NULL);
    CHECK(strstr(x, "\"directed\":false") != NULL && strstr(x, "\"directed\":true") != NULL);
    CHECK_INT(count_of(x, "\"directed\":false"), symmetric_edges(g));
    CHECK(strstr(x, "\"evidence_items\":[{\"article\":\"wire/one\",") != NULL);
    CHECK(strstr(x, "\"mentions\":6,") != NULL);
    CHECK(clean_utf8(x, len, 0));
    CHECK_INT(count_of(x, "{\"data\":{\"id\":"), ng_graph_node_count(g) + ng_graph_edge_count(g));

    /* Cytoscape shares one id space: an edge id equal to a node id is renamed. */
    const ng_node *e0 = tg_find_node(g, TG_EDGE_LIKE);
    CHECK(e0 != NULL);
    if (e0 && strcmp(e0->id, "e0") == 0) {
        CHECK(strstr(x, "{\"data\":{\"id\":\"edge:e0\",\"source\":") != NULL);
        CHECK(strstr(x, "{\"data\":{\"id\":\"e0\",\"label\":\"e0\"") != NULL);
    }

cleanup:
    free(x);
    tmp_done(d);
    ng_graph_free(g);
}

/* ------------------------------------------------------------------ files */

NG_TEST(gzip_output_decompresses_to_the_same_bytes)
{
    ng_graph *g = hostile();
    char *d = tmp_dir();
    static const struct {
        ng_format f;
        const char *plain, *gz;
    } cases[] = {
        {NG_FORMAT_GRAPHML, "a.graphml", "a.graphml.gz"},
        {NG_FORMAT_GEXF, "a.gexf", "a.gexf.gz"},
        {NG_FORMAT_DOT, "a.dot", "a.dot.gz"},
        {NG_FORMAT_JSON, "a.json", "a.json.gz"},
        {NG_FORMAT_CSV, "a.nodes.csv", "a.nodes.csv.gz"},
    };
    CHECK(g && d);
    if (!g || !d) goto cleanup;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *pp = path_in(d, cases[i].plain), *gp = path_in(d, cases[i].gz);
        size_t pl = 0, gl = 0, rl = 0;
        CHECK_OK(ng_export_write(g, cases[i].f, pp, 0));
        CHECK_OK(ng_export_write(g, cases[i].f, gp, 1));
        char *p = slurp(pp, &pl), *z = slurp_gz(gp, &gl), *raw = slurp(gp, &rl);
        CHECK(p && z && pl > 0 && pl == gl && memcmp(p, z, pl) == 0);
        CHECK(raw && rl > 2 && (unsigned char)raw[0] == 0x1f && (unsigned char)raw[1] == 0x8b);
        CHECK(rl < pl);
        free(p);
        free(z);
        free(raw);
        free(pp);
        free(gp);
    }
    /* The CSV edges table too. */
    char *ep = path_in(d, "a.edges.csv"), *egz = path_in(d, "a.edges.csv.gz");
    size_t el = 0, gl = 0;
    char *e = slurp(ep, &el), *z = slurp_gz(egz, &gl);
    CHECK(e && z && el == gl && memcmp(e, z, el) == 0);
    free(e);
    free(z);
    free(ep);
    free(egz);

cleanup:
    tmp_done(d);
    ng_graph_free(g);
}

NG_TEST(same_graph_same_bytes)
{
    ng_graph *g1 = hostile(), *g2 = hostile();
    char *d = tmp_dir();
    static const char *const names[] = {"x.graphml", "x.gexf", "x.dot", "x.csv", "x.json"};
    CHECK(g1 && g2 && d);
    if (!g1 || !g2 || !d) goto cleanup;
    for (int f = 0; f < NG_FORMAT__COUNT; f++) {
        size_t l1 = 0, l2 = 0;
        if (ng_format_get((ng_format)f)->streamed) { /* not written from a graph: below */
            char *e = path_in(d, "x.evidence.csv");
            CHECK_INT(ng_export_write(g1, (ng_format)f, e, 0), NG_EINVAL);
            free(e);
            continue;
        }
        char *p = path_in(d, names[f]);
        const char *read_name = f == NG_FORMAT_CSV ? "x.edges.csv" : names[f];
        char *rp = path_in(d, read_name);
        CHECK_OK(ng_export_write(g1, (ng_format)f, p, 0));
        char *a = slurp(rp, &l1);
        CHECK_OK(ng_export_write(g2, (ng_format)f, p, 0));
        char *b = slurp(rp, &l2);
        CHECK(a && b && l1 == l2 && memcmp(a, b, l1) == 0);
        free(a);
        free(b);
        free(p);
        free(rp);
    }

cleanup:
    tmp_done(d);
    ng_graph_free(g1);
    ng_graph_free(g2);
}

/* A graph of 107 people in 100 articles, article a: person a met the next seven, person a+1
 * condemned the next six (1,300 edges): ng_export__rows cuts its rows into several blocks. */
static ng_graph *many_edges(void)
{
    ng_graph *g = NULL;
    ng_doc *d = NULL;
    char key[64], label[64], id[32], sentence[96];
    int rc = ng_graph_new(&g);
    for (int a = 0; a < 100 && rc >= 0; a++) {
        snprintf(id, sizeof id, "wire/%02d", a);
        if ((rc = ng_doc_new(&d, id, id)) < 0) break;
        for (int k = 0; k < 8 && rc >= 0; k++) {
            snprintf(key, sizeof key, "person:envoy %c%c", 'a' + (a + k) % 26, 'a' + (a + k) / 26);
            snprintf(label, sizeof label, "Envoy <%d> & \"%d\"", a + k, k);
            ng_actor x = {0};
            x.key = key;
            x.label = label;
            x.type = NG_ETYPE_PERSON;
            x.mentions = 1;
            rc = ng_doc_add_actor(d, &x, NULL);
        }
        for (uint32_t k = 1; k < 8 && rc >= 0; k++) {
            snprintf(sentence, sizeof sentence, "Envoy %d met envoy %u & more.", a, a + k);
            rc = tg_rel(d, 0, k, ng_test_rel("met"), sentence, 10 * k, a % 2 ? "2024-05-01" : "");
        }
        for (uint32_t k = 2; k < 8 && rc >= 0; k++)
            rc = tg_rel(d, 1, k, ng_test_rel("condemned"), "A condemned B.", 5, "2023");
        if (rc >= 0) rc = ng_graph_add_doc(g, d);
        ng_doc_free(d);
        d = NULL;
    }
    if (rc >= 0) rc = ng_graph_finish(g);
    if (rc < 0) {
        ng_graph_free(g);
        return NULL;
    }
    return g;
}

NG_TEST(rows_on_several_threads_same_bytes)
{
    ng_graph *g = many_edges();
    char *d = tmp_dir();
    CHECK(g && d);
    if (!g || !d) goto cleanup;
    CHECK(ng_graph_edge_count(g) == 1300); /* several blocks of rows */
    static const char *const names[] = {"x.graphml", "x.graphml.gz"};
    for (int z = 0; z < 2; z++) {
        char *p = path_in(d, names[z]);
        ng_export_job job = {NG_FORMAT_GRAPHML, p, z};
        size_t l1 = 0, l3 = 0;
        CHECK_OK(ng_export_write_all(g, &job, 1, 1));
        char *one = slurp(p, &l1);
        CHECK_OK(ng_export_write_all(g, &job, 1, 3)); /* one file: its rows on three threads */
        char *three = slurp(p, &l3);
        CHECK(one && three && l1 == l3 && memcmp(one, three, l1) == 0);
        free(one);
        free(three);
        free(p);
    }

cleanup:
    tmp_done(d);
    ng_graph_free(g);
}

/* Names in `dir` that contain ".tmp." (left-over temporary files). */
static size_t leftovers(const char *dir)
{
    DIR *dh = opendir(dir);
    struct dirent *de;
    size_t n = 0;
    if (!dh) return 0;
    while ((de = readdir(dh)) != NULL)
        n += strstr(de->d_name, ".tmp.") != NULL;
    closedir(dh);
    return n;
}

NG_TEST(failed_writes_leave_nothing)
{
    ng_graph *g = NULL;
    char *d = tmp_dir(), *target = NULL, *blocker = NULL, *np = NULL;
    CHECK_OK(ng_test_export_graph(&g, NG_TG_PLAIN));
    if (!g || !d) goto cleanup;

    CHECK(ng_export_write(g, NG_FORMAT_GRAPHML, "/nonexistent-ng-dir/x.graphml", 0) < 0);
    CHECK(ng_error_last()[0] != '\0');

    /* The edges table cannot be renamed into place (a directory is in the way): the nodes
     * table must not appear either. */
    target = path_in(d, "t.csv");
    blocker = path_in(d, "t.edges.csv");
    np = path_in(d, "t.nodes.csv");
    CHECK(mkdir(blocker, 0700) == 0);
    CHECK(ng_export_write(g, NG_FORMAT_CSV, target, 0) < 0);
    CHECK(access(np, F_OK) != 0);
    CHECK_INT(leftovers(d), 0);
    /* The same with the nodes table blocked: no edges table either. */
    char *target2 = path_in(d, "u.csv"), *blocker2 = path_in(d, "u.nodes.csv"),
         *ep2 = path_in(d, "u.edges.csv");
    CHECK(mkdir(blocker2, 0700) == 0);
    CHECK(ng_export_write(g, NG_FORMAT_CSV, target2, 0) < 0);
    CHECK(access(ep2, F_OK) != 0);
    CHECK_INT(leftovers(d), 0);
    free(target2);
    free(blocker2);
    free(ep2);
    CHECK_INT(ng_export_write(g, NG_FORMAT_CSV, "-", 0), NG_EINVAL);

cleanup:
    free(target);
    free(blocker);
    free(np);
    tmp_done(d);
    ng_graph_free(g);
}

NG_TEST(empty_graph_writes_every_format)
{
    ng_graph *g = NULL;
    char *d = tmp_dir();
    size_t len;
    CHECK_OK(ng_test_export_graph(&g, NG_TG_EMPTY));
    if (!g || !d) goto cleanup;
    char *x = write_and_read(g, NG_FORMAT_GRAPHML, d, "e.graphml", &len);
    CHECK(x && strstr(x, "<graph id=\"newsgraph\" edgedefault=\"directed\">\n  </graph>"));
    free(x);
    x = write_and_read(g, NG_FORMAT_GEXF, d, "e.gexf", &len);
    CHECK(x && strstr(x, "<nodes count=\"0\">\n    </nodes>") && strstr(x, "mode=\"static\""));
    free(x);
    x = write_and_read(g, NG_FORMAT_DOT, d, "e.dot", &len);
    CHECK(x && strstr(x, "digraph \"newsgraph\" {") && !strstr(x, "cluster_legend"));
    free(x);
    x = write_and_read(g, NG_FORMAT_JSON, d, "e.json", &len);
    CHECK(x && strstr(x, "\"elements\":{\n\"nodes\":[\n],\n\"edges\":[\n]}}\n"));
    free(x);
    x = write_and_read(g, NG_FORMAT_CSV, d, "e.csv", &len);
    CHECK(x == NULL); /* e.csv itself is not written */
    char *np = path_in(d, "e.nodes.csv");
    x = slurp(np, &len);
    CHECK(
        x &&
        strcmp(x, "Id,Label,type,mentions,articles,aliases,sources,first_date,last_date,code\n") ==
            0);
    free(x);
    free(np);

cleanup:
    tmp_done(d);
    ng_graph_free(g);
}

/* A graph whose edges use two declared relation types (and a third, declared but unused). */
static ng_graph *declared_graph(void)
{
    static const char defs[] =
        "name,direction,hostile,subjects,objects,description\n"
        "hosted,directed,yes,state,state,\"let in, and then expelled\"\n"
        "allied,symmetric,no,state,state,a standing alliance\n"
        "unused,directed,no,state,state,declared and never seen\n";
    const tg_actor actors[] = {
        {"state:ruritania", "Ruritania", NG_ETYPE_STATE, 2, "Ruritania"},
        {"state:zembla", "Zembla", NG_ETYPE_STATE, 2, "Zembla"},
        {"state:arcadia", "Arcadia", NG_ETYPE_STATE, 1, "Arcadia"},
    };
    ng_graph *g = NULL;
    ng_doc *d = NULL;
    ng_rel hosted, allied;
    if (ng_rel_parse(&hosted, "hosted") < 0 &&
        ng_rel_declare_csv("defs.csv", defs, sizeof defs - 1, 0) < 0)
        return NULL;
    hosted = ng_test_rel("hosted");
    allied = ng_test_rel("allied");
    if (ng_graph_new(&g) < 0 || ng_doc_new(&d, "decl", "decl.txt") < 0 ||
        tg_add_actors(d, actors, 3) < 0 ||
        tg_rel(d, 0, 1, hosted, "Ruritania hosted Zembla.", 0, "2031-01-02") < 0 ||
        tg_rel(d, 1, 2, allied, "Zembla and Arcadia are allies.", 30, "") < 0 ||
        tg_rel(d, 0, 1, ng_test_rel("met"), "Ruritania met Zembla.", 60, "") < 0 ||
        ng_graph_add_doc(g, d) < 0 || ng_graph_finish(g) < 0) {
        ng_graph_free(g);
        g = NULL;
    }
    ng_doc_free(d);
    return g;
}

NG_TEST(declared_relations_travel_with_the_graph)
{
    ng_graph *g = declared_graph(), *back = NULL;
    char *d = tmp_dir(), *x = NULL, *p = NULL;
    size_t len;
    CHECK(g != NULL);
    if (!g || !d) goto cleanup;
    x = write_and_read(g, NG_FORMAT_GRAPHML, d, "d.graphml", &len);
    CHECK(x &&
          strstr(x, "<key id=\"relations\" for=\"graph\" attr.name=\"relations\" "
                    "attr.type=\"string\"/>\n  <graph id=\"newsgraph\" edgedefault=\"directed\">\n"
                    "    <data key=\"relations\">name,direction,hostile,subjects,objects,"
                    "description\nhosted,directed,yes,state,state,\"let in, and then "
                    "expelled\"\nallied,symmetric,no,state,state,a standing "
                    "alliance\n</data>\n"));
    CHECK(x && !strstr(x, "unused"));
    free(x);
    /* read back: each type keeps its direction */
    p = path_in(d, "d.graphml");
    CHECK_OK(ng_graph_read_graphml(&back, p));
    CHECK(back && ng_graph_edge_count(back) == 3);
    const ng_edge *h = back ? find_edge(back, "Ruritania", ng_test_rel("hosted"), "Zembla") : NULL;
    const ng_edge *a = back ? find_edge(back, "Arcadia", ng_test_rel("allied"), "Zembla") : NULL;
    CHECK(h && h->directed && a && !a->directed);
    x = write_and_read(g, NG_FORMAT_DOT, d, "d.dot", &len);
    CHECK(x && strstr(x, "no arrow: met, signed, restored_ties, allied (symmetric)"));
    CHECK(x && strstr(x, "dashed: withdrew, condemned, cut_ties, sanctioned, hosted</TD>"));
    CHECK(x &&
          strstr(x, "label=\"hosted\", penwidth=\"1.00\", style=\"dashed\", color=\"#C0392B\""));
    free(x);
    x = write_and_read(g, NG_FORMAT_GEXF, d, "d.gexf", &len);
    CHECK(x && strstr(x, "kind=\"allied\"") && strstr(x, "kind=\"hosted\""));
    free(x);
    x = write_and_read(g, NG_FORMAT_JSON, d, "d.json", &len);
    CHECK(x && strstr(x, "\"relation_types\":[{\"name\":\"hosted\",\"direction\":\"directed\","
                         "\"hostile\":true,\"subjects\":[\"state\"],\"objects\":[\"state\"],"
                         "\"description\":\"let in, and then expelled\"},{\"name\":\"allied\""));
    free(x);
    x = NULL;

cleanup:
    free(x);
    free(p);
    tmp_done(d);
    ng_graph_free(g);
    ng_graph_free(back);
}

NG_TEST_MAIN(format_names_parse_both_ways, format_from_path_by_extension,
             format_table_rows_drive_names_and_extensions,
             csv_paths_follow_the_documented_rule, reals_are_shortest_round_trip_and_locale_free,
             utf8_decoder_repairs_bad_sequences,
             xml_escaping_in_text_and_attributes, graphml_keys_typed_and_text_escaped,
             graphml_without_metrics_has_no_metric_keys, gexf_kinds_viz_and_timeline,
             gexf_static_without_dates, dot_quotes_escapes_and_styles,
             csv_tables_round_trip_through_libcsv, json_cytoscape_elements_escaped,
             gzip_output_decompresses_to_the_same_bytes, same_graph_same_bytes,
             rows_on_several_threads_same_bytes,
             failed_writes_leave_nothing, empty_graph_writes_every_format,
             declared_relations_travel_with_the_graph)
