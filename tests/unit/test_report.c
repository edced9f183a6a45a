/* test_report.c - the report stage's model, escaping and format table (report/), and the
 * progress line (cli/progress.c), on small graphs built here through the graph API. The
 * actors and sentences are invented for these tests. */
#include "ng_test.h"
#include "test_rel.h"

#include "ng_graph.h"
#include "progress.h"
#include "report_internal.h"

#include <math.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* ---------------------------------------------------------------- a small graph */

typedef struct actor_spec {
    const char *key, *label;
    ng_etype type;
} actor_spec;

static int add_actors(ng_doc *d, const actor_spec *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ng_actor x = {0};
        x.key = (char *)a[i].key;
        x.label = (char *)a[i].label;
        x.type = a[i].type;
        x.mentions = 1;
        x.aliases = (char *)a[i].label;
        int rc = ng_doc_add_actor(d, &x, NULL);
        if (rc < 0) return rc;
    }
    return NG_OK;
}

static int add_rel(ng_doc *d, uint32_t s, uint32_t t, ng_rel rel, const char *sentence,
                   const char *date)
{
    ng_relation r = {0};
    r.source = s;
    r.target = t;
    r.rel = rel;
    r.sentence = (char *)sentence;
    snprintf(r.date, sizeof r.date, "%s", date);
    return ng_doc_add_relation(d, &r);
}

/* Ostland and Westmark met twice (two articles); both withdrew from the Pact (dated later
 * than the first meeting); Southia condemned the Pact (undated); Eastia appears alone. */
static ng_graph *small_graph(void)
{
    ng_graph *g = NULL;
    ng_doc *d1 = NULL, *d2 = NULL;
    const actor_spec actors[] = {
        {"state:ostland", "Ostland", NG_ETYPE_STATE},
        {"state:westmark", "Westmark", NG_ETYPE_STATE},
        {"organization:pact", "The Pact", NG_ETYPE_ORG},
        {"state:southia", "Southia", NG_ETYPE_STATE},
        {"state:eastia", "Eastia", NG_ETYPE_STATE},
    };
    int ok =
        ng_graph_new(&g) == 0 && ng_doc_new(&d1, "wire-1", "wire-1.txt") == 0 &&
        ng_doc_new(&d2, "wire-2", "wire-2.txt") == 0 && add_actors(d1, actors, 5) == 0 &&
        add_actors(d2, actors, 2) == 0 &&
        add_rel(d1, 0, 1, ng_test_rel("met"), "Ostland and Westmark met.", "2031-01-05") == 0 &&
        add_rel(d1, 0, 2, ng_test_rel("withdrew"), "Ostland left the Pact.", "2031-02-10") == 0 &&
        add_rel(d1, 1, 2, ng_test_rel("withdrew"), "Westmark left the Pact.", "2031-02-10") == 0 &&
        add_rel(d1, 3, 2, ng_test_rel("condemned"), "Southia condemned the Pact.", "") == 0 &&
        add_rel(d2, 1, 0, ng_test_rel("met"), "Westmark met Ostland again.", "2031-03-01") == 0 &&
        ng_graph_add_doc(g, d1) == 0 && ng_graph_add_doc(g, d2) == 0 && ng_graph_finish(g) == 0 &&
        ng_graph_compute_metrics(g) == 0;
    ng_doc_free(d1);
    ng_doc_free(d2);
    if (!ok) {
        fprintf(stderr, "small_graph: %s\n", ng_error_last());
        ng_graph_free(g);
        return NULL;
    }
    return g;
}

static size_t node_named(const ng_graph *g, const char *label)
{
    for (size_t i = 0; i < ng_graph_node_count(g); i++)
        if (strcmp(ng_graph_node(g, i)->label, label) == 0) return i;
    return SIZE_MAX;
}

static const report_opts default_opts = {NULL, 10, 12, 200, 0, 70, 0};

NG_TEST(model_counts_and_components)
{
    ng_graph *g = small_graph();
    report_model *m = NULL;
    report_run run = {2, 0, 100};
    CHECK(g != NULL);
    if (!g) return;
    CHECK_OK(report_model_new(&m, g, &default_opts, &run));
    if (!m) goto done;
    CHECK_INT(m->n_nodes, 5);
    CHECK_INT(m->n_edges, 4);
    CHECK_INT(m->nodes_by_type[NG_ETYPE_STATE], 4);
    CHECK_INT(m->nodes_by_type[NG_ETYPE_ORG], 1);
    CHECK_INT(m->edges_by_rel[ng_test_rel("met")], 1);    /* met twice: one edge ... */
    CHECK_INT(m->mentions_by_rel[ng_test_rel("met")], 2); /* ... of weight 2 */
    CHECK_INT(m->edges_by_rel[ng_test_rel("withdrew")], 2);
    CHECK_INT(m->mentions, 5);
    CHECK_INT(m->n_components, 2); /* the four linked actors, and Eastia */
    CHECK_STR(m->first_date, "2031-01-05");
    CHECK_STR(m->last_date, "2031-03-01");
    CHECK_STR(m->title, "newsgraph report");
done:
    report_model_free(m);
    ng_graph_free(g);
}

NG_TEST(model_rankings)
{
    ng_graph *g = small_graph();
    report_model *m = NULL;
    if (!g) { CHECK(g != NULL); return; }
    CHECK_OK(report_model_new(&m, g, &default_opts, NULL));
    if (!m) goto done;
    /* The Pact has three partners, Ostland and Westmark two, Southia one, Eastia none. */
    CHECK_INT(m->n_top[REPORT_DEGREE], 4); /* zero scores are left out */
    CHECK_STR(ng_graph_node(g, m->top[REPORT_DEGREE][0])->label, "The Pact");
    CHECK_STR(ng_graph_node(g, m->top[REPORT_DEGREE][3])->label, "Southia");
    /* Strength: Ostland and Westmark have 2 (met) + 1 (withdrew) = 3, the Pact 3 too; the
     * tie goes to node order (ids: organization... sorts before state...). */
    for (size_t i = 0; i + 1 < m->n_top[REPORT_STRENGTH]; i++) {
        double a = ng_graph_node(g, m->top[REPORT_STRENGTH][i])->m.strength;
        double b = ng_graph_node(g, m->top[REPORT_STRENGTH][i + 1])->m.strength;
        CHECK(a > b || (a == b && m->top[REPORT_STRENGTH][i] < m->top[REPORT_STRENGTH][i + 1]));
    }
    /* The Pact brokers between Southia and the others: the only non-zero betweenness. */
    CHECK(m->n_top[REPORT_BETWEENNESS] >= 1);
    CHECK_STR(ng_graph_node(g, m->top[REPORT_BETWEENNESS][0])->label, "The Pact");
    /* --top caps every ranking. */
    report_opts two = default_opts;
    two.top = 2;
    report_model_free(m);
    m = NULL;
    CHECK_OK(report_model_new(&m, g, &two, NULL));
    if (m) {
        for (int k = 0; k < REPORT_METRIC__COUNT; k++) CHECK(m->n_top[k] <= 2);
        CHECK_INT(m->n_top_edges, 2);
    }
done:
    report_model_free(m);
    ng_graph_free(g);
}

NG_TEST(model_communities_and_singletons)
{
    ng_graph *g = small_graph();
    report_model *m = NULL;
    if (!g) { CHECK(g != NULL); return; }
    CHECK_OK(report_model_new(&m, g, &default_opts, NULL));
    if (!m) goto done;
    size_t members = 0;
    for (size_t c = 0; c < m->n_communities; c++) {
        CHECK(m->communities[c].n >= 2);
        if (c) CHECK(m->communities[c].n <= m->communities[c - 1].n);
        members += m->communities[c].n;
        /* members by PageRank, highest first */
        for (size_t i = 0; i + 1 < m->communities[c].n; i++)
            CHECK(ng_graph_node(g, m->communities[c].members[i])->m.pagerank >=
                  ng_graph_node(g, m->communities[c].members[i + 1])->m.pagerank);
    }
    CHECK_INT(members + m->n_singletons, 5);
    size_t eastia = node_named(g, "Eastia");
    int found = 0;
    for (size_t i = 0; i < m->n_singletons; i++) found |= m->singletons[i] == eastia;
    CHECK(found);
done:
    report_model_free(m);
    ng_graph_free(g);
}

NG_TEST(model_matrix_is_directed_but_mutual_relations_fill_both_cells)
{
    ng_graph *g = small_graph();
    report_model *m = NULL;
    if (!g) { CHECK(g != NULL); return; }
    CHECK_OK(report_model_new(&m, g, &default_opts, NULL));
    if (!m) goto done;
    CHECK_INT(m->n_matrix, 4); /* Eastia has no partner: not in the matrix */
    size_t pos[5];
    for (size_t i = 0; i < 5; i++) pos[i] = SIZE_MAX;
    for (size_t i = 0; i < m->n_matrix; i++) pos[m->matrix[i]] = i;
    size_t o = pos[node_named(g, "Ostland")], w = pos[node_named(g, "Westmark")];
    size_t p = pos[node_named(g, "The Pact")], s = pos[node_named(g, "Southia")];
    CHECK(o != SIZE_MAX && w != SIZE_MAX && p != SIZE_MAX && s != SIZE_MAX);
    if (o == SIZE_MAX || w == SIZE_MAX || p == SIZE_MAX || s == SIZE_MAX) goto done;
    size_t n = m->n_matrix;
    CHECK_INT(m->cells[o * n + w].weight[ng_test_rel("met")], 2);
    CHECK_INT(m->cells[w * n + o].weight[ng_test_rel("met")], 2);
    CHECK_INT(m->cells[o * n + p].weight[ng_test_rel("withdrew")], 1);
    CHECK_INT(m->cells[p * n + o].weight[ng_test_rel("withdrew")], 0);
    CHECK_INT(m->cells[s * n + p].weight[ng_test_rel("condemned")], 1);
    CHECK_INT(m->cells[p * n + s].weight[ng_test_rel("condemned")], 0);
    /* --matrix caps the actors, most partners first */
    report_opts one = default_opts;
    one.matrix = 1;
    report_model_free(m);
    m = NULL;
    CHECK_OK(report_model_new(&m, g, &one, NULL));
    if (m) {
        CHECK_INT(m->n_matrix, 1);
        CHECK_STR(ng_graph_node(g, m->matrix[0])->label, "The Pact");
    }
done:
    report_model_free(m);
    ng_graph_free(g);
}

NG_TEST(model_timeline_and_top_edges)
{
    ng_graph *g = small_graph();
    report_model *m = NULL;
    if (!g) { CHECK(g != NULL); return; }
    CHECK_OK(report_model_new(&m, g, &default_opts, NULL));
    if (!m) goto done;
    CHECK_INT(m->n_dated, 3); /* the condemnation has no date */
    CHECK_INT(m->n_timeline, 3);
    const ng_edge *first = ng_graph_edge(g, m->timeline[0]);
    CHECK_INT(first->rel, ng_test_rel("met"));
    CHECK_STR(first->first_date, "2031-01-05");
    for (size_t i = 0; i + 1 < m->n_timeline; i++)
        CHECK(strcmp(ng_graph_edge(g, m->timeline[i])->first_date,
                     ng_graph_edge(g, m->timeline[i + 1])->first_date) <= 0);
    /* The strongest edge comes first in the evidence section, with both sentences. */
    CHECK_INT(m->n_top_edges, 4);
    const ng_edge *top = ng_graph_edge(g, m->top_edges[0]);
    CHECK_INT(top->weight, 2);
    CHECK_INT(top->n_items, 2);
    /* A cap on the timeline keeps the best-supported relations, still in date order. */
    report_opts small = default_opts;
    small.timeline_max = 1;
    report_model_free(m);
    m = NULL;
    CHECK_OK(report_model_new(&m, g, &small, NULL));
    if (m) {
        CHECK_INT(m->n_timeline, 1);
        CHECK_INT(m->n_dated, 3);
        CHECK_INT(ng_graph_edge(g, m->timeline[0])->weight, 2);
    }
done:
    report_model_free(m);
    ng_graph_free(g);
}

/* A main part (Ostland, Westmark, the Pact, Southia; Ostland a member of the Pact) and a pair
 * apart (Northia met Isleland), every relation dated. */
static ng_graph *two_parts_graph(void)
{
    ng_graph *g = NULL;
    ng_doc *d = NULL;
    const actor_spec actors[] = {
        {"state:ostland", "Ostland", NG_ETYPE_STATE},
        {"state:westmark", "Westmark", NG_ETYPE_STATE},
        {"organization:pact", "The Pact", NG_ETYPE_ORG},
        {"state:southia", "Southia", NG_ETYPE_STATE},
        {"state:northia", "Northia", NG_ETYPE_STATE},
        {"state:isleland", "Isleland", NG_ETYPE_STATE},
    };
    int ok =
        ng_graph_new(&g) == 0 && ng_doc_new(&d, "wire-1", "wire-1.txt") == 0 &&
        add_actors(d, actors, 6) == 0 &&
        add_rel(d, 0, 1, ng_test_rel("met"), "Ostland met Westmark.", "2031-01-05") == 0 &&
        add_rel(d, 0, 2, ng_test_rel("member_of"), "Ostland, a Pact member.", "2031-01-06") == 0 &&
        add_rel(d, 1, 2, ng_test_rel("withdrew"), "Westmark left the Pact.", "2031-02-10") == 0 &&
        add_rel(d, 3, 2, ng_test_rel("condemned"), "Southia condemned the Pact.", "2031-02-11") ==
            0 &&
        add_rel(d, 4, 5, ng_test_rel("met"), "Northia met Isleland.", "2031-03-01") == 0 &&
        ng_graph_add_doc(g, d) == 0 && ng_graph_finish(g) == 0 && ng_graph_compute_metrics(g) == 0;
    ng_doc_free(d);
    if (!ok) {
        fprintf(stderr, "two_parts_graph: %s\n", ng_error_last());
        ng_graph_free(g);
        return NULL;
    }
    return g;
}

NG_TEST(model_closeness_ranks_the_largest_part_only)
{
    ng_graph *g = two_parts_graph();
    report_model *m = NULL;
    if (!g) { CHECK(g != NULL); return; }
    CHECK_OK(report_model_new(&m, g, &default_opts, NULL));
    if (!m) goto done;
    /* the pair apart has closeness 1, above everyone in the main part, yet is not ranked */
    size_t north = node_named(g, "Northia");
    CHECK(north != SIZE_MAX && ng_graph_node(g, north)->m.closeness >= 1.0);
    CHECK_INT(m->n_main, 4);
    CHECK_INT(m->n_top[REPORT_CLOSENESS], 4);
    for (size_t i = 0; i < m->n_top[REPORT_CLOSENESS]; i++)
        CHECK(m->in_main[m->top[REPORT_CLOSENESS][i]]);
    CHECK_STR(ng_graph_node(g, m->top[REPORT_CLOSENESS][0])->label, "The Pact");
    /* harmonic compares across parts: the pair is ranked there */
    int seen = 0;
    for (size_t i = 0; i < m->n_top[REPORT_HARMONIC]; i++)
        seen |= m->top[REPORT_HARMONIC][i] == north;
    CHECK(seen);
done:
    report_model_free(m);
    ng_graph_free(g);
}

NG_TEST(model_lists_leave_out_standing_ties_unless_chosen)
{
    ng_graph *g = two_parts_graph();
    report_model *m = NULL;
    ng_rel member = ng_test_rel("member_of");
    if (!g) { CHECK(g != NULL); return; }
    CHECK_OK(report_model_new(&m, g, &default_opts, NULL));
    if (!m) goto done;
    CHECK_INT(m->n_unlisted, 1);
    CHECK_INT(m->n_timeline, 4);
    CHECK_INT(m->n_top_edges, 4);
    for (size_t i = 0; i < m->n_timeline; i++)
        CHECK(ng_graph_edge(g, m->timeline[i])->rel != member);
    for (size_t i = 0; i < m->n_top_edges; i++)
        CHECK(ng_graph_edge(g, m->top_edges[i])->rel != member);
    /* the matrix and the counts still hold it */
    CHECK_INT(m->edges_by_rel[member], 1);
    report_opts only = default_opts;
    only.listed = (uint64_t)1 << member;
    report_model_free(m);
    m = NULL;
    CHECK_OK(report_model_new(&m, g, &only, NULL));
    if (m) {
        CHECK_INT(m->n_timeline, 1);
        CHECK_INT(m->n_top_edges, 1);
        CHECK_INT(m->n_unlisted, 4);
        if (m->n_timeline) CHECK_INT(ng_graph_edge(g, m->timeline[0])->rel, member);
    }
done:
    report_model_free(m);
    ng_graph_free(g);
}

NG_TEST(model_of_empty_graph)
{
    ng_graph *g = NULL;
    report_model *m = NULL;
    CHECK_OK(ng_graph_new(&g));
    CHECK_OK(ng_graph_finish(g));
    CHECK_OK(ng_graph_compute_metrics(g));
    CHECK_OK(report_model_new(&m, g, &default_opts, NULL));
    if (m) {
        CHECK_INT(m->n_nodes, 0);
        CHECK_INT(m->n_communities, 0);
        CHECK_INT(m->n_matrix, 0);
        CHECK_INT(m->n_timeline, 0);
        CHECK_OK(report_picture(m)); /* picture off: a note, no SVG */
        CHECK(m->svg == NULL);
        CHECK(m->picture_note != NULL);
    }
    report_model_free(m);
    ng_graph_free(g);
}

NG_TEST(model_needs_metrics)
{
    ng_graph *g = NULL;
    report_model *m = NULL;
    CHECK_OK(ng_graph_new(&g));
    CHECK_OK(ng_graph_finish(g));
    CHECK(report_model_new(&m, g, &default_opts, NULL) < 0);
    CHECK(m == NULL);
    ng_graph_free(g);
}

/* ---------------------------------------------------------------- escaping */

static char *html(const char *s)
{
    static char out[512];
    ng_buf b = NG_BUF_INIT;
    report_html_escape(&b, s);
    snprintf(out, sizeof out, "%s", b.ptr ? b.ptr : "");
    ng_buf_free(&b);
    return out;
}

static char *md(const char *s)
{
    static char out[512];
    ng_buf b = NG_BUF_INIT;
    report_md_escape(&b, s);
    snprintf(out, sizeof out, "%s", b.ptr ? b.ptr : "");
    ng_buf_free(&b);
    return out;
}

NG_TEST(html_escape_markup_controls_and_bad_bytes)
{
    CHECK_STR(html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK_STR(html("Tom & \"Jerry\" 'n'"), "Tom &amp; &quot;Jerry&quot; &#39;n&#39;");
    CHECK_STR(html("&amp;"), "&amp;amp;");
    CHECK_STR(html("a\x01" "b\x7f" "c\xc2\x85" "d"), "abcd");   /* C0, DEL, C1 dropped */
    CHECK_STR(html("tab\tnew\nline"), "tab\tnew\nline");      /* allowed in XML */
    CHECK_STR(html("bad\xff" "byte"), "bad\xEF\xBF\xBD" "byte"); /* U+FFFD */
    CHECK_STR(html("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
    CHECK_STR(html("\xef\xbf\xbe" "x"), "x");                  /* U+FFFE: not a character */
    CHECK_STR(html("Traor\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8c\x8d"),
              "Traor\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8c\x8d");
    CHECK_STR(html(NULL), "");
}

NG_TEST(md_escape_keeps_one_cell)
{
    CHECK_STR(md("a|b"), "a\\|b");
    CHECK_STR(md("one\ntwo\tthree"), "one two three");
    CHECK_STR(md("*bold* _it_ `code` [link](x) # ~s~ \\"),
              "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\# \\~s\\~ \\\\");
    CHECK_STR(md("<script>&"), "&lt;script&gt;&amp;");
    /* Only ASCII is escaped: U+015C's low byte is a backslash. */
    CHECK_STR(md("\xc5\x9c"), "\xc5\x9c");
}

NG_TEST(numbers_and_dates)
{
    char b[64];
    report_format_number(b, sizeof b, 12);
    CHECK_STR(b, "12");
    report_format_number(b, sizeof b, 0.123456);
    CHECK_STR(b, "0.1235");
    report_format_number(b, sizeof b, 13961234.56); /* betweenness on a large graph */
    CHECK_STR(b, "13961235");
    report_format_number(b, sizeof b, 0.00001234);
    CHECK_STR(b, "1.234e-05");
    report_format_number(b, sizeof b, NAN);
    CHECK_STR(b, "n/a");
    report_date_range(b, sizeof b, "2031-01-05", "2031-01-05");
    CHECK_STR(b, "2031-01-05");
    report_date_range(b, sizeof b, "2031-01-05", "2031-03-01");
    CHECK_STR(b, "2031-01-05 to 2031-03-01");
    report_date_range(b, sizeof b, "", "");
    CHECK_STR(b, "undated");
    CHECK_INT(report_count_parts(""), 0);
    CHECK_INT(report_count_parts("a"), 1);
    CHECK_INT(report_count_parts("a|b|c"), 3);
}

/* ---------------------------------------------------------------- progress */

/* ng_report.h as cmd_report uses it: the format table (names, extensions, messages), the
 * picture's file beside a Markdown report, and a report written in each format. */
NG_TEST(public_api_format_table_and_writers)
{
    ng_report_format f = NG_REPORT_FORMAT__COUNT;
    char names[64], *svg = NULL;
    ng_report_format_names(names, sizeof names);
    CHECK_STR(names, "html or md");
    CHECK_OK(ng_report_format_parse(&f, "markdown"));
    CHECK_INT(f, NG_REPORT_MD);
    CHECK_OK(ng_report_format_parse(&f, "html"));
    CHECK_INT(f, NG_REPORT_HTML);
    CHECK_INT(ng_report_format_parse(&f, "pdf"), NG_EINVAL);
    CHECK_STR(ng_error_last(), "unknown --format 'pdf' (use html or md)");
    CHECK_OK(ng_report_format_from_path(&f, "out/r.htm"));
    CHECK_INT(f, NG_REPORT_HTML);
    CHECK_OK(ng_report_format_from_path(&f, "r.markdown"));
    CHECK_INT(f, NG_REPORT_MD);
    CHECK_INT(ng_report_format_from_path(&f, "r.txt"), NG_EINVAL);
    CHECK_STR(ng_error_last(),
              "r.txt: unknown report format (name it .html, .htm, .md or .markdown)");
    CHECK_OK(ng_report_svg_path(&svg, "a.b/report.md"));
    CHECK_STR(svg, "a.b/report.svg");
    free(svg);
    CHECK_OK(ng_report_svg_path(&svg, "a.b/report"));
    CHECK_STR(svg, "a.b/report.svg");
    free(svg);

    char dir[] = "/tmp/ng-test-report.XXXXXX", html[256], md[256];
    ng_graph *g = small_graph();
    ng_report *r = NULL;
    ng_report_opts opts = NG_REPORT_OPTS_INIT;
    struct stat st;
    opts.picture = 0;
    if (!g) { CHECK(g != NULL); return; }
    if (!mkdtemp(dir)) { ng_graph_free(g); SKIP("no temporary directory"); }
    snprintf(html, sizeof html, "%s/r.html", dir);
    snprintf(md, sizeof md, "%s/r.md", dir);
    CHECK_OK(ng_report_new(&r, g, &opts, NULL));
    if (r) {
        CHECK(!ng_report_has_picture(r));
        CHECK(strstr(ng_report_picture_note(r), "--no-picture") != NULL);
        CHECK_OK(ng_report_write(r, NG_REPORT_HTML, html, NULL));
        CHECK_OK(ng_report_write(r, NG_REPORT_MD, md, NULL));
        CHECK(stat(html, &st) == 0 && st.st_size > 0);
        CHECK(stat(md, &st) == 0 && st.st_size > 0);
        CHECK_INT(ng_report_write(r, NG_REPORT_FORMAT__COUNT, md, NULL), NG_EINVAL);
    }
    ng_report_free(r);
    ng_graph_free(g);
    unlink(html);
    unlink(md);
    rmdir(dir);
}

NG_TEST(progress_line_text)
{
    char b[128];
    cli_progress_format(b, sizeof b, 1200, 50000000, 100000000, 10.0);
    CHECK_STR(b, "newsgraph: 1200 articles, 50.0 MB, 5.0 MB/s, 50%, ETA 0:10");
    cli_progress_format(b, sizeof b, 1, 2500000, 0, 2.0);
    CHECK_STR(b, "newsgraph: 1 article, 2.5 MB, 1.2 MB/s"); /* no total: no ETA */
    /* more read than estimated (a CSV's text column vs its file size): held at 99% */
    cli_progress_format(b, sizeof b, 9, 300, 200, 1.0);
    CHECK(strstr(b, ", 99%, ETA 0:00") != NULL);
    cli_progress_format(b, sizeof b, 10, 1000000, 4000000000000ULL, 3600.0);
    CHECK(strstr(b, "ETA ") != NULL && strchr(strstr(b, "ETA "), ':') != strrchr(b, ':'));
    CHECK(strlen(b) < 80);
    cli_progress_format(b, 16, 123456789, 1, 0, 1.0); /* cut, still terminated */
    CHECK_INT(strlen(b), 15);
}

NG_TEST(progress_line_phase_text)
{
    /* the metrics after the reading: the phase, sources done of all, an ETA from the
     * phase's own start */
    char b[160];
    cli_progress_format_phase(b, sizeof b, "betweenness, closeness, harmonic (exact)", 250, 1000,
                              5.0);
    CHECK_STR(
        b, "newsgraph: betweenness, closeness, harmonic (exact): 250/1000 sources, 25%, ETA 0:15");
    cli_progress_format_phase(b, sizeof b, "pagerank", 0, 0, 1.0); /* no count: the name only */
    CHECK_STR(b, "newsgraph: pagerank");
    cli_progress_format_phase(b, sizeof b, "communities", 0, 10, 0.0); /* nothing done: no ETA */
    CHECK_STR(b, "newsgraph: communities: 0/10 sources, 0%");
    cli_progress_format_phase(b, 20, "betweenness, closeness", 1, 2, 1.0); /* cut, terminated */
    CHECK_INT(strlen(b), 19);
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fwrite(data, 1, len, f);
    fclose(f);
}

NG_TEST(progress_estimate_sizes_inputs)
{
    char dir[] = "/tmp/ng-test-progress.XXXXXX", path[256], sub[256], gz[256], hidden[256];
    char text[3000];
    if (!mkdtemp(dir)) SKIP("no temporary directory");
    memset(text, 'x', sizeof text);
    snprintf(path, sizeof path, "%s/a.txt", dir);
    write_file(path, text, 1000);
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0700);
    snprintf(hidden, sizeof hidden, "%s/sub/.hidden.txt", dir);
    write_file(hidden, text, 500); /* the reader skips hidden files: so does the estimate */
    snprintf(gz, sizeof gz, "%s/sub/b.txt.gz", dir);
    gzFile z = gzopen(gz, "wb");
    if (z) {
        gzwrite(z, text, 3000); /* compresses to a few bytes; counted as 3000 */
        gzclose(z);
    }
    const char *one[] = {path};
    CHECK_INT(cli_progress_estimate(one, 1), 1000);
    const char *all[] = {dir};
    CHECK_INT(cli_progress_estimate(all, 1), 4000);
    const char *with_stdin[] = {path, "-"};
    CHECK_INT(cli_progress_estimate(with_stdin, 2), 0);
    const char *missing[] = {path, "/nonexistent/x.txt"};
    CHECK_INT(cli_progress_estimate(missing, 2), 1000);
    unlink(gz);
    unlink(hidden);
    rmdir(sub);
    unlink(path);
    rmdir(dir);
}

NG_TEST(progress_is_off_when_not_a_terminal)
{
    /* ctest runs with stderr on a pipe or file: no line, and every call accepts NULL. */
    cli_progress *p = (cli_progress *)1;
    const char *in[] = {"-"};
    if (isatty(2)) SKIP("stderr is a terminal");
    CHECK_OK(cli_progress_new(&p, in, 1));
    CHECK(p == NULL);
    cli_progress_update(p, 1, 1);
    cli_progress_clear(p);
    cli_progress_free(p);
}

NG_TEST_MAIN(model_counts_and_components, model_rankings,
             model_closeness_ranks_the_largest_part_only,
             model_lists_leave_out_standing_ties_unless_chosen, model_communities_and_singletons,
             model_matrix_is_directed_but_mutual_relations_fill_both_cells,
             model_timeline_and_top_edges, model_of_empty_graph, model_needs_metrics,
             html_escape_markup_controls_and_bad_bytes, md_escape_keeps_one_cell,
             numbers_and_dates, public_api_format_table_and_writers, progress_line_text,
             progress_line_phase_text, progress_estimate_sizes_inputs,
             progress_is_off_when_not_a_terminal)
