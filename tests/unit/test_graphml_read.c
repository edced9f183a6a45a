/* test_graphml_read.c - the one-pass GraphML reader (graph/graphml_fast.c) against igraph's:
 * every document read both ways gives the same graph, node for node and edge for edge, or
 * the same refusal; the documents the one-pass reader must read itself (newsgraph's own
 * GraphML and the common shapes) are read by it; those it must leave to igraph are left.
 * Arguments: GraphML files to compare as well (the golden outputs, the fuzz corpus). */
#define NG_TEST_FILES_NAME "test_graphml_read"
#include "graph_internal.h"
#include "ng_test.h"
#include "ng_test_files.h"

#include <math.h>

static int g_argc;
static char **g_argv;

/* One line per node and edge with every field the reader sets. */
static void dump(ng_buf *b, const ng_graph *g)
{
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        const ng_node *v = ng_graph_node(g, i);
        ng_buf_printf(b, "N %s|%s|%d|%u|%s|%s|%s|%s|%s|%u\n", v->id, v->label, (int)v->type,
                      v->mentions, v->aliases, v->code ? v->code : "-", v->first_date,
                      v->last_date, v->sources ? v->sources : "-", v->articles);
    }
    for (size_t i = 0; i < ng_graph_edge_count(g); i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        ng_buf_printf(b, "E %s|%zu|%zu|%u|%d|%u|%u|%s|%s|%s|%s|%s|%s|%s\n", e->id, e->source,
                      e->target, e->rel, e->directed, e->weight, e->articles, e->evidence,
                      e->sources, e->source_titles ? e->source_titles : "-",
                      e->source_urls ? e->source_urls : "-", e->first_date, e->last_date,
                      e->dates);
    }
}

/* Reads `path` both ways; 1 when the one-pass reader read it itself. */
static int compare_file(const char *path)
{
    ng_graph *a = NULL, *b = NULL;
    ng_buf da = NG_BUF_INIT, db = NG_BUF_INIT, bytes = NG_BUF_INIT;
    char ea[NG_ERROR_MAX];
    int ra = ng_graph__read_graphml(&a, path, 1);
    snprintf(ea, sizeof ea, "%s", ra < 0 ? ng_error_last() : "");
    int rb = ng_graph__read_graphml(&b, path, 0);
    CHECK_INT(ra, rb);
    if (ra < 0 && rb < 0) CHECK_STR(ea, ng_error_last());
    if (a && b) {
        dump(&da, a);
        dump(&db, b);
        CHECK(da.len == db.len && (da.len == 0 || memcmp(da.ptr, db.ptr, da.len) == 0));
        if (da.len != db.len || (da.len && memcmp(da.ptr, db.ptr, da.len)))
            fprintf(stderr, "%s: differs\n--- one-pass\n%s--- igraph\n%s", path, da.ptr, db.ptr);
    }
    /* did the one-pass reader take it? */
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t n;
    while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0) ng_buf_put(&bytes, chunk, n);
    if (f) fclose(f);
    ng_gml doc;
    int taken = bytes.len && ng_gml__parse(&doc, bytes.ptr, bytes.len) == NG_OK;
    ng_gml__free(&doc);
    ng_buf_free(&bytes);
    ng_buf_free(&da);
    ng_buf_free(&db);
    ng_graph_free(a);
    ng_graph_free(b);
    return taken;
}

static int compare_text(const char *xml)
{
    write_file(at("g.graphml"), xml, strlen(xml));
    return compare_file(at("g.graphml"));
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"

/* Documents the one-pass reader reads, each a feature igraph's reader gives in its own way. */
static const char *const taken[] = {
    /* newsgraph's shape: keys, a graph attribute, nodes, edges grouped by source */
    HEAD "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "<key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "<key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
         "<key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
         "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
         "<key id=\"directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>\n"
         "<key id=\"dates\" for=\"edge\" attr.name=\"dates\" attr.type=\"string\"/>\n"
         "<graph id=\"g\" edgedefault=\"directed\">\n"
         "<node id=\"mali\"><data key=\"label\">Mali</data><data key=\"type\">state</data>"
         "<data key=\"mentions\">7</data></node>\n"
         "<node id=\"fr\"><data key=\"label\">France &amp; co &lt;x&gt; &#233;&#x263A;</data>"
         "<data key=\"type\">state</data></node>\n"
         "<node id=\"un\"/>\n"
         "<edge source=\"mali\" target=\"fr\"><data key=\"relation\">cut_ties</data>"
         "<data key=\"weight\">3</data><data key=\"directed\">true</data>"
         "<data key=\"dates\">2020-01-02|2019</data></edge>\n"
         "<edge source=\"mali\" target=\"fr\"><data key=\"relation\">cut_ties</data>"
         "<data key=\"weight\"> 2 </data></edge>\n"
         "<edge source=\"mali\" target=\"un\"><data key=\"relation\">member_of</data></edge>\n"
         "<edge source=\"un\" target=\"mali\"><data key=\"relation\">met</data></edge>\n"
         "<edge source=\"fr\" target=\"fr\"><data key=\"relation\">met</data></edge>\n"
         "</graph>\n</graphml>\n",
    /* undirected: an edge's ends come smaller first; unknown relation and weight below 1 */
    HEAD "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
         "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "<graph edgedefault=\"undirected\">\n<node id=\"b\"/><node id=\"a\"/><node id=\"c\"/>\n"
         "<edge source=\"c\" target=\"b\"><data key=\"r\">condemned</data><data key=\"w\">0.2</data></edge>\n"
         "<edge source=\"b\" target=\"c\"><data key=\"r\">nonsense</data><data key=\"w\">2.5</data></edge>\n"
         "<edge source=\"a\" target=\"c\"/>\n</graph>\n</graphml>\n",
    /* defaults, a key without attr.name, an untyped key, unknown and missing data keys, empty
     * data, later data overriding earlier, comments, CRLF line ends, attribute white space */
    "<?xml version='1.0'?>\r\n<!-- a comment -->\r\n<graphml>\r\n"
    "<key id=\"label\" for=\"node\" attr.type=\"string\"><default>Nobody</default></key>\r\n"
    "<key id=\"m\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"><default>4</default></key>\r\n"
    "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\r\n"
    "<key id=\"x\" for=\"node\" attr.name=\"aliases\" attr.type=\"boolean\"><default>yes</default></key>\r\n"
    "<key id=\"e\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\r\n"
    "<graph edgedefault=\"directed\">\r\n<node id=\"n&#32;1\"><data key=\"label\">One\r\nline</data>"
    "<data key=\"t\">state</data><data key=\"nope\">x</data></node>\r\n"
    "<node id=\"n\t2\"><data key=\"label\"></data><data key=\"m\">9</data><data key=\"m\"/></node>\r\n"
    "<!-- between --><edge source=\"n&#32;1\" target=\"n 2\"><data key=\"e\">said &quot;so&apos;</data>"
    "</edge>\r\n</graph>\r\n</graphml>\r\n<!-- after -->\r\n",
    /* the declared relation types of a graph (a graph attribute) */
    HEAD "<key id=\"relations\" for=\"graph\" attr.name=\"relations\" attr.type=\"string\"/>\n"
         "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
         "<graph edgedefault=\"directed\"><data key=\"relations\">name,symmetric\nsanctioned,no\n</data>\n"
         "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"r\">sanctioned</data></edge>\n"
         "</graph></graphml>",
    /* numbers as labels, no edgedefault (undirected), a graph without nodes */
    HEAD "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"double\"/>\n"
         "<graph><node id=\"p\"><data key=\"l\">1e3</data></node><node id=\"q\"/></graph></graphml>",
    HEAD "<graph edgedefault=\"directed\"/></graphml>",
};

/* Documents it leaves to igraph's reader (which reads them, or refuses them as before). */
static const char *const left[] = {
    HEAD "<graph><node id=\"a\"/><edge source=\"a\" target=\"z\"/></graph></graphml>",
    HEAD "<graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>",
    HEAD "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
         "<graph><node id=\"a\"><data key=\"l\"><![CDATA[x]]></data></node></graph></graphml>",
    HEAD "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
         "<graph><node id=\"a\"><data key=\"l\">&nbsp;</data></node></graph></graphml>",
    HEAD "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>"
         "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"w\">1e999</data></edge></graph></graphml>",
    HEAD "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/><graph>"
         "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"w\">two</data></edge></graph></graphml>",
    HEAD "<graph><node id=\"a\"><graph><node id=\"b\"/></graph></node></graph></graphml>",
    HEAD "<graph><node id=\"a\"/></graph><graph><node id=\"b\"/></graph></graphml>",
    HEAD "<key id=\"l\" for=\"all\" attr.name=\"label\" attr.type=\"string\"/><graph><node id=\"a\"/></graph></graphml>",
    HEAD "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
         "<graph><node id=\"a\"><data key=\"l\"> </data></node></graph></graphml>",
    "<?xml version=\"1.0\"?><!DOCTYPE graphml><graphml><graph><node id=\"a\"/></graph></graphml>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml><graph><node id=\"\xe9\"/></graph></graphml>",
    HEAD "<graph><node id=\"\xff\"/></graph></graphml>",
    HEAD "<graph><node id=\"a\"/></graph></graphml><extra/>",
    HEAD "<graph><node id=\"a\"/></graph>",
    HEAD "<graph><node id=\"a\"><desc>x</desc></node></graph></graphml>",
    "<graphml xmlns=\"http://example.com/other\"><graph><node id=\"a\"/></graph></graphml>",
    HEAD "<key id=\"k\" for=\"node\" attr.name=\"id\" attr.type=\"string\"/><graph><node id=\"a\"/></graph></graphml>",
    HEAD "<graph edgedefault=\"dir\"><node id=\"a\"/></graph></graphml>",
    /* igraph gives a <data> without a key the previous <data>'s key */
    HEAD "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
         "<graph><node id=\"a\"><data key=\"l\">A</data><data>B</data></node></graph></graphml>",
};

NG_TEST(one_pass_reads_the_common_shapes_as_igraph_does)
{
    make_tmpdir();
    for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++) {
        int t = compare_text(taken[i]);
        if (!t) fprintf(stderr, "document %zu was left to igraph\n", i);
        CHECK(t);
    }
    rm_rf(tmpdir);
}

NG_TEST(the_rest_is_left_to_igraph)
{
    make_tmpdir();
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++) {
        int t = compare_text(left[i]);
        if (t) fprintf(stderr, "document %zu was read by the one-pass reader\n", i);
        CHECK(!t);
    }
    rm_rf(tmpdir);
}

/* Every file given (newsgraph's golden GraphML, the fuzz corpus): the same both ways, and
 * newsgraph's own output read by the one-pass reader. */
NG_TEST(files_read_the_same_both_ways)
{
    int n = 0;
    for (int i = 1; i < g_argc; i++) { /* g_argv[0] is the program or the test's name */
        int t = compare_file(g_argv[i]);
        if (strstr(g_argv[i], "/golden/") && !t) fprintf(stderr, "%s left to igraph\n", g_argv[i]);
        if (strstr(g_argv[i], "/golden/")) CHECK(t);
        n++;
    }
    if (n == 0) SKIP("no files given");
}

/* The harness's main, renamed: main passes it `-s NAME` when given, and keeps the files. */
int run(int argc, char **argv);

int main(int argc, char **argv)
{
    int named = argc > 2 && strcmp(argv[1], "-s") == 0;
    g_argc = argc - (named ? 2 : 0);
    g_argv = argv + (named ? 2 : 0);
    return run(named ? 3 : 1, argv);
}

#define main run
NG_TEST_MAIN(one_pass_reads_the_common_shapes_as_igraph_does, the_rest_is_left_to_igraph,
             files_read_the_same_both_ways)
