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

/* A document in the dialect (graph/graphml_fast.c), as newsgraph writes it. */
static const char base[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- newsgraph 0.1.0: 3 actors, 2 relations, from 1 article -->\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
    "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"e_mentions\" for=\"edge\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
    "  <key id=\"directed\" for=\"edge\" attr.name=\"directed\" attr.type=\"boolean\"/>\n"
    "  <key id=\"relations\" for=\"graph\" attr.name=\"relations\" attr.type=\"string\"/>\n"
    "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n"
    "    <data key=\"relations\">name,direction,hostile,subjects,objects,description\n"
    "visited,directed,no,person|state,state,&quot;an official visit, by a leader&quot;\n"
    "</data>\n"
    "    <node id=\"mali\">\n"
    "      <data key=\"label\">Mali</data>\n"
    "      <data key=\"mentions\">7</data>\n"
    "    </node>\n"
    "    <node id=\"fr\">\n"
    "      <data key=\"label\">France</data>\n"
    "    </node>\n"
    "    <node id=\"un\">\n"
    "      <data key=\"label\">UN</data>\n"
    "    </node>\n"
    "    <edge id=\"e1\" source=\"mali\" target=\"fr\">\n"
    "      <data key=\"relation\">visited</data>\n"
    "      <data key=\"weight\">2</data>\n"
    "      <data key=\"directed\">true</data>\n"
    "    </edge>\n"
    "    <edge id=\"e2\" source=\"un\" target=\"mali\">\n"
    "      <data key=\"relation\">met</data>\n"
    "      <data key=\"directed\">false</data>\n"
    "    </edge>\n"
    "  </graph>\n"
    "</graphml>\n";

/* A change to `base`: its first `from` becomes `to` (both NULL: base as it is). */
typedef struct {
    const char *from, *to;
} change;

/* Writes base with the change; 1 when the one-pass reader read it itself. */
static int compare_changed(change c)
{
    ng_buf b = NG_BUF_INIT;
    const char *pos = c.from ? strstr(base, c.from) : NULL;
    if (c.from) CHECK(pos != NULL); /* the test's own mistake */
    if (!pos) {
        ng_buf_put(&b, base, strlen(base));
    } else {
        ng_buf_put(&b, base, (size_t)(pos - base));
        ng_buf_puts(&b, c.to);
        ng_buf_puts(&b, pos + strlen(c.from));
    }
    write_file(at("g.graphml"), b.ptr, b.len);
    ng_buf_free(&b);
    return compare_file(at("g.graphml"));
}

#define NODE_FR "<node id=\"fr\">\n      <data key=\"label\">France</data>\n    </node>"
#define EDGE_E2 "<edge id=\"e2\" source=\"un\" target=\"mali\">"

/* Inside the dialect: each variation it allows, read by the one-pass reader as by igraph. */
static const change inside[] = {
    {NULL, NULL},
    /* bench/metrics-scale's shape: no xsi, no edge ids, elements on one line */
    {"\n         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n         "
     "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
     "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\"",
     ""},
    {"<edge id=\"e1\" ", "<edge "},
    {"<graph id=\"newsgraph\" ", "<graph "},
    {NODE_FR, "<node id=\"fr\"><data key=\"label\">France</data></node>"},
    /* xsi without the schema location; no comment; two comments; empty comments */
    {"\n         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
     "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\"",
     ""},
    {"<!-- newsgraph 0.1.0: 3 actors, 2 relations, from 1 article -->\n", ""},
    {"<!-- newsgraph", "<!----><!-- a - b --> \t\n<!-- newsgraph"},
    /* white space before '>' and "/>", tabs between attributes, trailing white space */
    {"attr.type=\"string\"/>", "attr.type=\"string\" \n/>"},
    {"<node id=\"mali\">", "<node\tid=\"mali\"\n>"},
    {"<data key=\"label\">Mali", "<data key=\"label\" >Mali"},
    {"</graphml>\n", "</graphml>\n\n \t"},
    {"</graphml>\n", "</graphml>"},
    /* empty-element nodes and edges, a node without data, a self-loop, an edge twice */
    {NODE_FR, "<node id=\"fr\"/>"},
    {NODE_FR, "<node id=\"fr\">\n    </node>"},
    {EDGE_E2, "<edge source=\"un\" target=\"un\"/>" EDGE_E2},
    {EDGE_E2,
     "<edge source=\"mali\" target=\"fr\"><data key=\"relation\">visited</data></edge>" EDGE_E2},
    /* every escape our writer gives, in attributes and text; tabs, line ends, UTF-8 in text;
     * white space around references and at the ends of a value */
    {NODE_FR,
     NODE_FR "<node id=\"f&lt;&gt;&quot;&#9;&#10;&#13; \xc3\xa9\xe2\x98\xba\xf0\x9f\x98\x80\"/>"},
    {">France<",
     ">  &amp;  &lt;&gt;&quot;&#9;&#10;&#13;\t\n'\" \xc3\xa9\xe2\x98\xba\xf0\x9f\x98\x80  <"},
    {">France<", "> &#10; <"},
    {">France<", ">\n  France\n  <"},
    {"<graph id=\"newsgraph\"", "<graph id=\"a &lt; b\""},
    {"<edge id=\"e1\"", "<edge id=\"e&lt;1&gt;\""},
    /* numbers in each form of the grammar; booleans; a later value of a key wins */
    {">7<", ">-7<"},
    {">7<", ">0.25<"},
    {">7<", ">1e-05<"},
    {">7<", ">-1.5E+20<"},
    {">7<", ">007.50e3<"},
    {">2<", ">2.2250738585072014e-308<"},
    {">2<", ">1.7976931348623157e308<"},
    {">true<", ">false<"},
    {"<data key=\"mentions\">7</data>",
     "<data key=\"mentions\">7</data><data key=\"mentions\">9</data>"},
    /* undirected; a key for the graph unused; an edge before any node is declared (none) */
    {"edgedefault=\"directed\"", "edgedefault=\"undirected\""},
    {"  <key id=\"label\"",
     "  <key id=\"g\" for=\"graph\" attr.name=\"g\" attr.type=\"boolean\"/>\n  <key id=\"label\""},
    /* key names of every allowed character */
    {"  <key id=\"label\"", "  <key id=\"_a-Z.9\" for=\"node\" attr.name=\"Z.9-a_\" "
                            "attr.type=\"string\"/>\n  <key id=\"label\""},
};

/* Just outside it, one rule each: left to igraph's reader, which reads or refuses it. */
static const change outside[] = {
    /* the bytes */
    {"<?xml", "\xef\xbb\xbf<?xml"},
    {"-->\n", "-->\r\n"},
    {">Mali<", ">Ma\x7fli<"},
    {">Mali<", ">Ma\xc2\x85li<"},
    {">Mali<", ">Ma\xffli<"},
    {">Mali<", ">Ma\xed\xa0\x80li<"},
    {">Mali<", ">Ma\xef\xbf\xbeli<"},
    {">Mali<", ">Ma\x01li<"},
    {">Mali<", ">Ma\xc0\xafli<"},
    /* the prolog */
    {"encoding=\"UTF-8\"", "encoding=\"utf-8\""},
    {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", ""},
    {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>"},
    {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>"},
    {"newsgraph 0.1.0", "news--graph"},
    {"article -->", "article --->"},
    {"<graphml", "<!DOCTYPE graphml>\n<graphml"},
    {"<graphml", "<?pi x?>\n<graphml"},
    /* the root */
    {"xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
     "xmlns=\"http://graphml.graphdrawing.org/xmlns/\""},
    {"xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n", ""},
    {"http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/2]01/XMLSchema-instance"},
    {"xmlns/1.0/graphml.xsd", "xmlns/1.1/graphml.xsd"},
    {"xmlns:xsi=", "xmlns:xs="},
    {"<graphml xmlns", "<graphml x=\"1\" xmlns"},
    {"</graphml>", "</graphml >"},
    {"</graphml>\n", "</graphml>\n<!-- after -->\n"},
    {"</graphml>\n", "</graphml>\n<graphml/>\n"},
    /* keys */
    {"<key id=\"label\" for=\"node\"", "<key for=\"node\" id=\"label\""},
    {"<key id=\"label\" for=\"node\"", "<key id='label' for=\"node\""},
    {"<key id=\"label\" for=\"node\"", "<key id=\"label\"  x=\"1\" for=\"node\""},
    {"attr.type=\"int\"/>", "attr.type=\"long\"/>"},
    {"attr.type=\"int\"/>", "attr.type=\"float\"/>"},
    {"attr.type=\"int\"/>", "attr.type=\"in\"/>"},
    {"attr.type=\"int\"/>", "attr.type=\"int\"><default>1</default></key>"},
    {"attr.type=\"int\"/>", "attr.type=\"int\"></key>"},
    {"for=\"graph\"", "for=\"all\""},
    {"for=\"graph\"", "for=\"grap\""},
    {"<key id=\"label\" for=\"node\" attr.name=\"label\"",
     "<key id=\"label\" for=\"node\" attr.name=\"id\""},
    {"<key id=\"relation\" for=\"edge\" attr.name=\"relation\"",
     "<key id=\"relation\" for=\"edge\" attr.name=\"id\""},
    {"<key id=\"mentions\"", "<key id=\"label\""},
    {"attr.name=\"mentions\" attr.type=\"int\"", "attr.name=\"label\" attr.type=\"int\""},
    {"<key id=\"label\"", "<key id=\"1abel\""},
    {"<key id=\"label\"", "<key id=\"la&amp;bel\""},
    {"  <graph", "  <desc>x</desc>\n  <graph"},
    /* the graph */
    {"edgedefault=\"directed\"", "edgedefault=\"Directed\""},
    {" edgedefault=\"directed\"", ""},
    {"<graph id=\"newsgraph\" edgedefault=\"directed\"",
     "<graph edgedefault=\"directed\" id=\"newsgraph\""},
    {"<graph id=\"newsgraph\"", "<graph id=\"\""},
    {"</graph>\n", "</graph>\n  <graph edgedefault=\"directed\"></graph>\n"},
    {"    <node id=\"mali\">", "    <!-- c -->\n    <node id=\"mali\">"},
    {"    <node id=\"mali\">", "    x\n    <node id=\"mali\">"},
    {"    <node id=\"mali\">", "    <hyperedge/>\n    <node id=\"mali\">"},
    {"    <node id=\"fr\">", "    <data key=\"relations\">x</data>\n    <node id=\"fr\">"},
    {"    <node id=\"fr\">", "    <edge source=\"mali\" target=\"mali\"/>\n    <node id=\"fr\">"},
    /* nodes and edges */
    {NODE_FR, "<node id=\"mali\"/>"},
    {"<node id=\"fr\">", "<node id=\"\">"},
    {"<node id=\"fr\">", "<node id=\"fr\" x=\"1\">"},
    {"<node id=\"fr\">", "<node id=\"fr\" xsi:type=\"x\">"},
    {"<node id=\"fr\">", "<node id=\"f\tr\">"},
    {"<node id=\"fr\">", "<node id=\"f\nr\">"},
    {"<node id=\"fr\">", "<node id=\"f>r\">"},
    {"<node id=\"fr\">", "<node id=\"f&apos;r\">"},
    {NODE_FR, NODE_FR "<node id=\"f&amp;r\"/>"}, /* libxml2 gives igraph "f&#38;r" */
    {"<node id=\"fr\">", "<node id=\"f&#x26;r\">"},
    {"<node id=\"fr\">", "<node id=\"f<r\">"},
    {"<node id=\"fr\">", "<node id=\"f&r\">"},
    {"<node id=\"fr\">", "<node id='fr'>"},
    {"<node id=\"fr\">", "<node id = \"fr\">"},
    {"    </node>", "    </node >"},
    {"<data key=\"label\">France</data>", "<desc>x</desc>"},
    {"<data key=\"label\">France</data>", "<node id=\"x\"/>"},
    {"<data key=\"label\">France</data>", "<graph edgedefault=\"directed\"/>"},
    {"target=\"fr\"", "target=\"zz\""},
    {"source=\"mali\" target=\"fr\"", "target=\"fr\" source=\"mali\""},
    {"<edge id=\"e1\" source=\"mali\"", "<edge id=\"e1\" directed=\"true\" source=\"mali\""},
    {"<edge id=\"e1\"", "<edge id=\"\""},
    /* data */
    {"<data key=\"label\">Mali", "<data key=\"nope\">Mali"},
    {"<data key=\"label\">Mali", "<data key=\"weight\">Mali"},
    {"<data key=\"label\">Mali", "<data>Mali"},
    {"<data key=\"label\">Mali", "<data key=\"label\" x=\"1\">Mali"},
    {"<data key=\"label\">Mali</data>", "<data key=\"label\"></data>"},
    {"<data key=\"label\">Mali</data>", "<data key=\"label\"/>"},
    {">Mali<", "> <"},
    {">Mali<", ">\n\t<"},
    {">Mali<", "><![CDATA[Mali]]><"},
    {">Mali<", ">Ma<!-- c -->li<"},
    {">Mali<", ">Ma<?pi?>li<"},
    {">Mali<", ">Mali&#233;<"},
    {">Mali<", ">Mali&apos;<"},
    {">Mali<", ">Mali&nbsp;<"},
    {">Mali<", ">Mali&#x41;<"},
    {">Mali<", ">Mali&#010;<"},
    {">Mali<", ">Mali><"},
    {">Mali<", ">Mali]]><"},
    {">Mali<", ">Mali&<"},
    {"Mali</data>", "Mali</data >"},
    {">7<", ">+7<"},
    {">7<", "> 7<"},
    {">7<", ">7 <"},
    {">7<", ">0x7<"},
    {">7<", ">7.<"},
    {">7<", ">.5<"},
    {">7<", ">7e<"},
    {">7<", ">inf<"},
    {">7<", ">nan<"},
    {">7<", ">seven<"},
    {">2<", ">1e999<"},
    {">2<", ">4.9e-324<"},
    {">2<", ">1e-310<"},
    {">true<", ">True<"},
    {">true<", ">1<"},
    {">true<", ">yes<"},
    {">true<", "> true<"},
};

NG_TEST(the_dialect_is_read_by_the_one_pass_reader_as_igraph_reads_it)
{
    make_tmpdir();
    for (size_t i = 0; i < sizeof inside / sizeof inside[0]; i++) {
        int t = compare_changed(inside[i]);
        if (!t) fprintf(stderr, "inside[%zu] was left to igraph\n", i);
        CHECK(t);
    }
    rm_rf(tmpdir);
}

NG_TEST(documents_just_outside_the_dialect_go_to_igraph)
{
    make_tmpdir();
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        int t = compare_changed(outside[i]);
        if (t) fprintf(stderr, "outside[%zu] was read by the one-pass reader\n", i);
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
        /* newsgraph's own GraphML: the golden files and the export samples (hostile text) */
        int ours = strstr(g_argv[i], "/golden/") || strstr(g_argv[i], "/export-samples/");
        if (ours && !t) fprintf(stderr, "%s left to igraph\n", g_argv[i]);
        if (ours) CHECK(t);
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
NG_TEST_MAIN(the_dialect_is_read_by_the_one_pass_reader_as_igraph_reads_it,
             documents_just_outside_the_dialect_go_to_igraph, files_read_the_same_both_ways)
