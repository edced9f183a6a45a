/* test_graph.c - unit tests of the graph stage: merge, resolution, ids, determinism,
 * evidence bounds, metrics on small graphs with known values, GraphML reading. */
#include "ng_graph.h"
#include "ng_test.h"
#include "test_rel.h"

#include <math.h>
#include <stdint.h>
#include <unistd.h>
#include <zlib.h>

/* ------------------------------------------------------------------ building docs */

typedef struct {
    const char *key, *label, *aliases;
    ng_etype type;
    uint32_t mentions;
    uint32_t partial;
} A;

typedef struct {
    uint32_t s, t;
    ng_rel rel;
    const char *sentence;
    uint64_t offset;
    const char *date;
} R;

static void set_date(char dst[11], const char *date)
{
    memset(dst, 0, 11);
    if (date) memcpy(dst, date, strnlen(date, 10));
}

static ng_doc *mkdoc_(const char *id, const char *date, const A *as, size_t na, const R *rs,
                      size_t nr)
{
    ng_doc *d = NULL;
    if (ng_doc_new(&d, id, id) < 0) return NULL;
    set_date(d->date, date);
    for (size_t i = 0; i < na; i++) {
        ng_actor a = {(char *)as[i].key, (char *)as[i].label, as[i].type, as[i].mentions,
                      as[i].partial, (char *)as[i].aliases};
        if (ng_doc_add_actor(d, &a, NULL) < 0) abort();
    }
    for (size_t i = 0; i < nr; i++) {
        ng_relation r;
        memset(&r, 0, sizeof r);
        r.source = rs[i].s;
        r.target = rs[i].t;
        r.rel = rs[i].rel;
        r.sentence = (char *)rs[i].sentence;
        r.offset = rs[i].offset;
        set_date(r.date, rs[i].date);
        if (ng_doc_add_relation(d, &r) < 0) abort();
    }
    return d;
}
#define NA(x) (sizeof(x) / sizeof((x)[0]))
#define MKDOC(id, date, as, rs) mkdoc_(id, date, as, NA(as), rs, NA(rs))
#define MKDOC_NOREL(id, date, as) mkdoc_(id, date, as, NA(as), NULL, 0)

/* Adds docs[order[i]] for each i, finishes; returns the graph (NULL on failure). */
static ng_graph *build(ng_doc **docs, size_t n, const size_t *order)
{
    ng_graph *g = NULL;
    if (ng_graph_new(&g) < 0) return NULL;
    for (size_t i = 0; i < n; i++) {
        if (ng_graph_add_doc(g, docs[order ? order[i] : i]) < 0) {
            fprintf(stderr, "add_doc: %s\n", ng_error_last());
            ng_graph_free(g);
            return NULL;
        }
    }
    if (ng_graph_finish(g) < 0) {
        fprintf(stderr, "finish: %s\n", ng_error_last());
        ng_graph_free(g);
        return NULL;
    }
    return g;
}

static void free_docs(ng_doc **docs, size_t n)
{
    for (size_t i = 0; i < n; i++) ng_doc_free(docs[i]);
}

static const ng_node *node_by_label(const ng_graph *g, const char *label)
{
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        if (strcmp(ng_graph_node(g, i)->label, label) == 0) return ng_graph_node(g, i);
    }
    return NULL;
}

static size_t node_index(const ng_graph *g, const char *label)
{
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        if (strcmp(ng_graph_node(g, i)->label, label) == 0) return i;
    }
    return (size_t)-1;
}

static const ng_edge *find_edge(const ng_graph *g, const char *src, ng_rel rel, const char *dst)
{
    size_t s = node_index(g, src), t = node_index(g, dst);
    for (size_t i = 0; i < ng_graph_edge_count(g); i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        if (e->rel == rel && e->source == s && e->target == t) return e;
    }
    return NULL;
}

/* Everything the accessors expose, as text: two graphs are equal when their dumps are. */
static char *dump(const ng_graph *g)
{
    ng_items items = {0};
    ng_buf list = NG_BUF_INIT, list2 = NG_BUF_INIT;
    ng_buf b = NG_BUF_INIT;
    for (size_t i = 0; i < ng_graph_node_count(g); i++) {
        const ng_node *n = ng_graph_node(g, i);
        ng_buf_printf(&b, "N %s|%s|%s|%u|%s|%s|%s\n", n->id, n->label, ng_etype_name(n->type),
                      n->mentions, n->aliases, n->first_date, n->last_date);
        if (ng_graph_has_metrics(g)) {
            ng_buf_printf(&b, "  M %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %d\n",
                          n->m.degree, n->m.in_degree, n->m.out_degree, n->m.strength,
                          n->m.betweenness, n->m.closeness, n->m.harmonic, n->m.pagerank,
                          n->m.eigenvector, n->m.community);
        }
    }
    for (size_t i = 0; i < ng_graph_edge_count(g); i++) {
        const ng_edge *e = ng_graph_edge(g, i);
        ng_buf_printf(&b, "E %s %s -%s-> %s d=%d w=%u ev=[%s] src=%s dates=%s %s..%s\n", e->id,
                      ng_graph_node(g, e->source)->id, ng_rel_name(e->rel),
                      ng_graph_node(g, e->target)->id, e->directed, e->weight, e->evidence,
                      e->sources, e->dates, e->first_date, e->last_date);
        ng_buf_printf(&b, "  T [%s] U [%s]\n", ng_edge_source_list(e, 0, &list),
                      ng_edge_source_list(e, 1, &list2));
        if (ng_graph_edge_items(g, e, &items) < 0) ng_buf_puts(&b, "  (items unreadable)\n");
        for (size_t k = 0; k < items.n; k++) {
            ng_buf_printf(&b, "  I %s %llu %s [%s]\n", items.v[k].article,
                          (unsigned long long)items.v[k].offset, items.v[k].date,
                          items.v[k].sentence);
        }
    }
    ng_items_free(&items);
    ng_buf_free(&list);
    ng_buf_free(&list2);
    return ng_buf_detach(&b);
}

/* The first graph's dump is kept in *want; every later one must equal it. */
static void same_as_first(char **want, const ng_graph *g)
{
    char *d = dump(g);
    if (!*want) {
        *want = d;
        return;
    }
    CHECK_STR(d, *want);
    free(d);
}

/* ------------------------------------------------------------------ merge */

NG_TEST(test_graph__merge_sums_and_unites)
{
    A a1[] = {{"state:freedonia", "Freedonia", "Freedonia|Freedonian", NG_ETYPE_STATE, 3, 0},
              {"organization:league of ports", "League of Ports", "League of Ports|LoP",
               NG_ETYPE_ORG, 1, 0}};
    R r1[] = {{0, 1, ng_test_rel("withdrew"), "Freedonia quit the League of Ports on Monday.", 40,
               "2024-03-04"}};
    A a2[] = {{"organization:league of ports", "LoP", "LoP", NG_ETYPE_ORG, 2, 0},
              {"state:freedonia", "Freedonia", "Freedonians", NG_ETYPE_STATE, 1, 0}};
    R r2[] = {
        {1, 0, ng_test_rel("withdrew"), "It was Freedonia that walked out of the LoP.", 7, ""},
        {1, 0, ng_test_rel("withdrew"), "Freedonia left.", 90, ""}};
    ng_doc *docs[] = {MKDOC("news/b", "2024-03-05", a1, r1), MKDOC("news/a", "2024-03-02", a2, r2)};
    ng_graph *g = build(docs, 2, NULL);
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_node_count(g), 2);
    CHECK_INT(ng_graph_edge_count(g), 1);
    CHECK_INT(ng_graph_article_count(g), 2);
    const ng_node *f = node_by_label(g, "Freedonia");
    const ng_node *l = node_by_label(g, "League of Ports"); /* 3 words beat "LoP" */
    CHECK(f && l);
    if (f && l) {
        CHECK_STR(f->id, "freedonia");
        CHECK_INT(f->type, NG_ETYPE_STATE);
        CHECK_INT(f->mentions, 4);
        CHECK_STR(f->aliases, "Freedonia|Freedonian|Freedonians");
        CHECK_STR(l->id, "league-of-ports");
        CHECK_INT(l->mentions, 3);
        CHECK_STR(l->aliases, "League of Ports|LoP");
        CHECK_STR(f->first_date, "2024-03-02");
        CHECK_STR(f->last_date, "2024-03-04");
    }
    const ng_edge *e = find_edge(g, "Freedonia", ng_test_rel("withdrew"), "League of Ports");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->id, "e0");
        CHECK_INT(e->directed, 1);
        CHECK_INT(e->weight, 3);
        CHECK_STR(e->sources, "news/a|news/b");
        /* undated relations take their article's date */
        CHECK_STR(e->dates, "2024-03-02|2024-03-04");
        CHECK_STR(e->first_date, "2024-03-02");
        CHECK_STR(e->last_date, "2024-03-04");
        /* earliest date first, then the shortest sentence */
        CHECK_STR(e->evidence, "Freedonia left.");
        CHECK_INT(e->n_items, 3);
        ng_items items = {0};
        CHECK_INT(ng_graph_edge_items(g, e, &items), NG_OK);
        if (items.n == 3) {
            CHECK_STR(items.v[0].article, "news/a");
            CHECK_INT(items.v[0].offset, 7);
            CHECK_INT(items.v[1].offset, 90);
            CHECK_STR(items.v[2].date, "2024-03-04");
        }
        ng_items_free(&items);
    }
    ng_graph_free(g);
    free_docs(docs, 2);
}

NG_TEST(test_graph__label_most_words_then_most_frequent)
{
    A a1[] = {{"person:ruth okafor", "Ruth Okafor", "Okafor|Ruth Okafor", NG_ETYPE_PERSON, 1, 0}};
    A a2[] = {
        {"person:ruth okafor", "Ruth Adaeze Okafor", "Ruth Adaeze Okafor", NG_ETYPE_PERSON, 1, 0}};
    A a3[] = {{"person:ruth okafor", "Ruth N. Okafor", "Ruth N. Okafor", NG_ETYPE_PERSON, 1, 0}};
    A a4[] = {
        {"person:ruth okafor", "Ruth Nkem Okafor", "Ruth Nkem Okafor", NG_ETYPE_PERSON, 1, 0}};
    /* three-word forms: "Ruth Adaeze Okafor" twice beats "Ruth Nkem Okafor" once; "Ruth N.
     * Okafor" (an initial) loses to both, even three times */
    ng_doc *docs[] = {MKDOC_NOREL("d1", "", a1), MKDOC_NOREL("d2", "", a2),
                      MKDOC_NOREL("d3", "", a3), MKDOC_NOREL("d4", "", a4),
                      MKDOC_NOREL("d5", "", a3), MKDOC_NOREL("d6", "", a2),
                      MKDOC_NOREL("d7", "", a3)};
    ng_graph *g = build(docs, 7, NULL);
    CHECK(g != NULL);
    if (g) {
        CHECK_INT(ng_graph_node_count(g), 1);
        CHECK_STR(ng_graph_node(g, 0)->label, "Ruth Adaeze Okafor");
        CHECK_STR(ng_graph_node(g, 0)->id, "ruth-adaeze-okafor");
        CHECK_STR(ng_graph_node(g, 0)->aliases,
                  "Okafor|Ruth Adaeze Okafor|Ruth N. Okafor|Ruth Nkem Okafor|Ruth Okafor");
        CHECK_INT(ng_graph_node(g, 0)->mentions, 7);
        CHECK_INT(ng_graph_edge_count(g), 0);
        CHECK_STR(ng_graph_node(g, 0)->first_date, "");
    }
    ng_graph_free(g);
    /* a tie in words, initials and counts goes to byte order */
    ng_doc *tie[] = {MKDOC_NOREL("d4", "", a4), MKDOC_NOREL("d2", "", a2),
                     MKDOC_NOREL("d3", "", a3)};
    g = build(tie, 3, NULL);
    CHECK(g && strcmp(ng_graph_node(g, 0)->label, "Ruth Adaeze Okafor") == 0);
    ng_graph_free(g);
    free_docs(tie, 3);
    free_docs(docs, 7);
}

NG_TEST(test_graph__symmetric_stored_once_in_id_order)
{
    A a[] = {{"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0},
             {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    R r1[] = {{0, 1, ng_test_rel("met"), "Zembla met Arcadia.", 0, "2023-01-01"},
              {0, 1, ng_test_rel("condemned"), "Zembla condemned Arcadia.", 30, "2023-01-01"}};
    R r2[] = {{1, 0, ng_test_rel("met"), "Arcadia met Zembla.", 0, "2023-02-01"},
              {1, 0, ng_test_rel("signed"), "Arcadia and Zembla signed a pact.", 20, "2023-02-01"},
              {0, 0, ng_test_rel("met"), "Zembla met itself.", 50, "2023-02-01"}};
    ng_doc *docs[] = {MKDOC("x1", "", a, r1), MKDOC("x2", "", a, r2)};
    ng_graph *g = build(docs, 2, NULL);
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_edge_count(g), 3); /* met once, signed, condemned; no self-loop */
    const ng_edge *met = find_edge(g, "Arcadia", ng_test_rel("met"), "Zembla");
    CHECK(met != NULL);
    if (met) {
        CHECK_INT(met->weight, 2);
        CHECK_INT(met->directed, 0);
        CHECK(strcmp(ng_graph_node(g, met->source)->id, ng_graph_node(g, met->target)->id) < 0);
        CHECK_STR(met->sources, "x1|x2");
    }
    CHECK(find_edge(g, "Zembla", ng_test_rel("met"), "Arcadia") == NULL);
    const ng_edge *c = find_edge(g, "Zembla", ng_test_rel("condemned"), "Arcadia");
    CHECK(c && c->directed == 1);
    /* edges sorted by (source id, relation name, target id), ids in that order */
    CHECK_INT(ng_graph_edge(g, 0)->rel, ng_test_rel("met"));
    CHECK_INT(ng_graph_edge(g, 1)->rel, ng_test_rel("signed"));
    CHECK_INT(ng_graph_edge(g, 2)->rel, ng_test_rel("condemned"));
    CHECK_STR(ng_graph_edge(g, 2)->id, "e2");
    ng_graph_free(g);
    free_docs(docs, 2);
}

/* ------------------------------------------------------------------ resolution */

NG_TEST(test_graph__surname_joins_unique_full_name)
{
    A a1[] = {{"person:amara diallo-kane", "Amara Diallo-Kane", "Amara Diallo-Kane",
               NG_ETYPE_PERSON, 2, 0},
              {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0}};
    R r1[] = {
        {0, 1, ng_test_rel("affiliated_with"), "Zembla's envoy Amara Diallo-Kane spoke.", 0, ""}};
    A a2[] = {{"person:diallo-kane", "Diallo-Kane", "Diallo-Kane", NG_ETYPE_PERSON, 3, 1},
              {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0},
              {"person:amara diallo-kane", "Amara Diallo-Kane", "Amara Diallo-Kane",
               NG_ETYPE_PERSON, 1, 0}};
    R r2[] = {
        {0, 1, ng_test_rel("met"), "Diallo-Kane met Arcadia's leaders.", 5, "2022-05-05"},
        {0, 2, ng_test_rel("met"), "Diallo-Kane, that is Amara Diallo-Kane, met herself.", 60, ""}};
    ng_doc *docs[] = {MKDOC("p1", "2022-05-01", a1, r1), MKDOC("p2", "2022-05-06", a2, r2)};
    ng_graph *g = build(docs, 2, NULL);
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_node_count(g), 3);
    const ng_node *p = node_by_label(g, "Amara Diallo-Kane");
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->mentions, 6);
        CHECK_STR(p->aliases, "Amara Diallo-Kane|Diallo-Kane");
        CHECK_STR(p->id, "amara-diallo-kane");
    }
    CHECK(node_by_label(g, "Diallo-Kane") == NULL);
    CHECK(find_edge(g, "Amara Diallo-Kane", ng_test_rel("met"), "Arcadia") ||
          find_edge(g, "Arcadia", ng_test_rel("met"), "Amara Diallo-Kane"));
    CHECK_INT(ng_graph_edge_count(g), 2); /* the self-meeting made by resolution is dropped */
    ng_graph_free(g);
    free_docs(docs, 2);
}

NG_TEST(test_graph__shared_surname_stays_apart)
{
    A a1[] = {{"person:lena marsh", "Lena Marsh", "Lena Marsh", NG_ETYPE_PERSON, 1, 0},
              {"person:tobias marsh", "Tobias Marsh", "Tobias Marsh", NG_ETYPE_PERSON, 1, 0}};
    R r1[] = {{0, 1, ng_test_rel("met"), "Lena Marsh met Tobias Marsh.", 0, ""}};
    A a2[] = {{"person:marsh", "Marsh", "Marsh", NG_ETYPE_PERSON, 1, 1},
              {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0}};
    R r2[] = {{0, 1, ng_test_rel("condemned"), "Marsh condemned Zembla.", 0, ""}};
    /* "person:hmarsh" ends with "marsh" but not as a word: not a candidate */
    A a3[] = {{"person:ida hmarsh", "Ida Hmarsh", "Ida Hmarsh", NG_ETYPE_PERSON, 1, 0}};
    ng_doc *docs[] = {MKDOC("m1", "", a1, r1), MKDOC("m2", "", a2, r2), MKDOC_NOREL("m3", "", a3)};
    ng_graph *g = build(docs, 3, NULL);
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_node_count(g), 5);
    CHECK(node_by_label(g, "Marsh") != NULL);
    CHECK(find_edge(g, "Marsh", ng_test_rel("condemned"), "Zembla") != NULL);
    CHECK_INT(node_by_label(g, "Lena Marsh")->mentions, 1);
    ng_graph_free(g);
    /* with only Ida Hmarsh around, "Marsh" has no candidate either */
    ng_doc *two[] = {docs[1], docs[2]};
    g = build(two, 2, NULL);
    CHECK(g && ng_graph_node_count(g) == 3 && node_by_label(g, "Marsh") != NULL);
    ng_graph_free(g);
    free_docs(docs, 3);
}

NG_TEST(test_graph__surname_joins_same_key_full_entry_when_ambiguous)
{
    /* a mononym seen as a full name in one article and as a partial in another */
    A a1[] = {{"person:odile", "Odile", "Odile", NG_ETYPE_PERSON, 1, 0}};
    A a2[] = {{"person:odile", "Odile", "Odile", NG_ETYPE_PERSON, 2, 1}};
    ng_doc *docs[] = {MKDOC_NOREL("o1", "", a1), MKDOC_NOREL("o2", "", a2)};
    ng_graph *g = build(docs, 2, NULL);
    CHECK(g && ng_graph_node_count(g) == 1 && ng_graph_node(g, 0)->mentions == 3);
    ng_graph_free(g);
    free_docs(docs, 2);
}

NG_TEST(test_graph__surname_written_first_joins_unique_full_name)
{
    /* "Wen" is no full name's last word: the unique full name with that first word */
    A a1[] = {{"person:wen lanfeng", "Wen Lanfeng", "Wen Lanfeng", NG_ETYPE_PERSON, 1, 0},
              {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0}};
    A a2[] = {{"person:wen", "Wen", "Wen", NG_ETYPE_PERSON, 2, 1},
              {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0}};
    R r2[] = {{0, 1, ng_test_rel("condemned"), "Wen condemned Zembla.", 0, ""}};
    ng_doc *docs[] = {MKDOC_NOREL("w1", "", a1), MKDOC("w2", "", a2, r2)};
    ng_graph *g = build(docs, 2, NULL);
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_node_count(g), 2);
    CHECK(node_by_label(g, "Wen") == NULL);
    CHECK(find_edge(g, "Wen Lanfeng", ng_test_rel("condemned"), "Zembla") != NULL);
    ng_graph_free(g);
    /* two full names begin with it: it stays a node of its own */
    A a3[] = {{"person:wen ruiqi", "Wen Ruiqi", "Wen Ruiqi", NG_ETYPE_PERSON, 1, 0}};
    ng_doc *three[] = {docs[0], docs[1], MKDOC_NOREL("w3", "", a3)};
    g = build(three, 3, NULL);
    CHECK(g && ng_graph_node_count(g) == 4 && node_by_label(g, "Wen") != NULL);
    ng_graph_free(g);
    ng_doc_free(three[2]);
    /* a last-word match wins over an inner one: "Wen" is Lu Wen's, not Wen Lanfeng's */
    A a4[] = {{"person:lu wen", "Lu Wen", "Lu Wen", NG_ETYPE_PERSON, 1, 0}};
    ng_doc *four[] = {docs[0], docs[1], MKDOC_NOREL("w4", "", a4)};
    g = build(four, 3, NULL);
    CHECK(g && ng_graph_node_count(g) == 3 &&
          find_edge(g, "Lu Wen", ng_test_rel("condemned"), "Zembla"));
    ng_graph_free(g);
    ng_doc_free(four[2]);
    free_docs(docs, 2);
}

NG_TEST(test_graph__family_name_spellings_join)
{
    /* "Tchiani" in one article, "Tiani" in another, with one long given name: one person */
    A a1[] = {{"person:abdurahamane chiani", "Abdourahamane Tchiani", "Abdourahamane Tchiani",
               NG_ETYPE_PERSON, 1, 0},
              {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0}};
    R r1[] = {{0, 1, ng_test_rel("affiliated_with"), "Zembla's leader Abdourahamane Tchiani.", 0,
               ""}};
    A a2[] = {{"person:abdurahamane tiani", "Abdourahamane Tiani", "Abdourahamane Tiani",
               NG_ETYPE_PERSON, 2, 0},
              {"person:tiani", "Tiani", "Tiani", NG_ETYPE_PERSON, 1, 1}};
    ng_doc *docs[] = {MKDOC("v1", "", a1, r1), MKDOC_NOREL("v2", "", a2)};
    ng_graph *g = build(docs, 2, NULL);
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_node_count(g), 2);
    const ng_node *p = node_by_label(g, "Abdourahamane Tchiani");
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->mentions, 4); /* the surname alone follows the joined name */
        CHECK_STR(p->aliases, "Abdourahamane Tchiani|Abdourahamane Tiani|Tiani");
    }
    CHECK(find_edge(g, "Abdourahamane Tchiani", ng_test_rel("affiliated_with"), "Zembla") != NULL);
    ng_graph_free(g);
    free_docs(docs, 2);
}

/* Near misses of the join above: each pair stays two people. */
NG_TEST(test_graph__family_name_spellings_near_misses)
{
    static const char *pairs[][4] = {
        /* a changed letter is another name */
        {"person:muhamad bin salman", "Mohammad bin Salman",
         "person:muhamad bin sultan", "Mohammad bin Sultan"},
        /* a given name under 8 letters says too little */
        {"person:ali tiani", "Ali Tiani", "person:ali chiani", "Ali Tchiani"},
        /* three letters more */
        {"person:abdurahamane tani", "Abdourahamane Tani",
         "person:abdurahamane tchani", "Abdourahamane Tschani"},
        /* another last letter */
        {"person:abdurahamane tiani", "Abdourahamane Tiani",
         "person:abdurahamane tianis", "Abdourahamane Tianis"},
        /* other given names */
        {"person:abdurahamane tiani", "Abdourahamane Tiani",
         "person:abdurahman chiani", "Abdourahman Tchiani"},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        A a1[] = {{pairs[k][0], pairs[k][1], pairs[k][1], NG_ETYPE_PERSON, 1, 0}};
        A a2[] = {{pairs[k][2], pairs[k][3], pairs[k][3], NG_ETYPE_PERSON, 1, 0}};
        ng_doc *docs[] = {MKDOC_NOREL("n1", "", a1), MKDOC_NOREL("n2", "", a2)};
        ng_graph *g = build(docs, 2, NULL);
        CHECK(g && ng_graph_node_count(g) == 2);
        ng_graph_free(g);
        free_docs(docs, 2);
    }
    /* two variants of one name: no pair is sure, all three stay apart */
#define PERSON(key, label) {key, label, label, NG_ETYPE_PERSON, 1, 0}
    A b1[] = {PERSON("person:abdurahamane tiani", "Abdourahamane Tiani")};
    A b2[] = {PERSON("person:abdurahamane chiani", "Abdourahamane Tchiani")};
    A b3[] = {PERSON("person:abdurahamane tijani", "Abdourahamane Tijani")};
#undef PERSON
    ng_doc *docs[] = {MKDOC_NOREL("b1", "", b1), MKDOC_NOREL("b2", "", b2),
                      MKDOC_NOREL("b3", "", b3)};
    ng_graph *g = build(docs, 3, NULL);
    CHECK(g && ng_graph_node_count(g) == 3);
    ng_graph_free(g);
    free_docs(docs, 3);
}

NG_TEST(test_graph__initial_joins_unique_full_first_name)
{
    A a1[] = {{"person:rokeya tandon", "Rokeya Tandon", "Rokeya Tandon", NG_ETYPE_PERSON, 1, 0}};
    A a2[] = {{"person:r tandon", "R Tandon", "R Tandon|R. Tandon", NG_ETYPE_PERSON, 1, 0},
              {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    R r2[] = {{0, 1, ng_test_rel("affiliated_with"), "Arcadia's minister R. Tandon spoke.", 0, ""}};
    A a3[] = {{"person:tandon", "Tandon", "Tandon", NG_ETYPE_PERSON, 1, 1}};
    ng_doc *docs[] = {MKDOC_NOREL("t1", "", a1), MKDOC("t2", "", a2, r2),
                      MKDOC_NOREL("t3", "", a3)};
    ng_graph *g = build(docs, 3, NULL);
    CHECK(g != NULL);
    if (!g) return;
    /* one person: the initial, the full name and the surname alone */
    CHECK_INT(ng_graph_node_count(g), 2);
    const ng_node *p = node_by_label(g, "Rokeya Tandon");
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->mentions, 3);
        CHECK_STR(p->aliases, "R Tandon|R. Tandon|Rokeya Tandon|Tandon");
    }
    CHECK(find_edge(g, "Rokeya Tandon", ng_test_rel("affiliated_with"), "Arcadia") != NULL);
    ng_graph_free(g);
    /* two full names fit the initial (and a different first letter does not): apart */
    A a4[] = {{"person:ravi tandon", "Ravi Tandon", "Ravi Tandon", NG_ETYPE_PERSON, 1, 0},
              {"person:mira tandon", "Mira Tandon", "Mira Tandon", NG_ETYPE_PERSON, 1, 0}};
    ng_doc *more[] = {docs[0], docs[1], MKDOC_NOREL("t4", "", a4)};
    g = build(more, 3, NULL);
    CHECK(g && node_by_label(g, "R Tandon") != NULL && ng_graph_node_count(g) == 5);
    ng_graph_free(g);
    ng_doc_free(more[2]);
    free_docs(docs, 3);
}

NG_TEST(test_graph__reversed_name_joins)
{
    /* a family name written first in one article and last in another: one person */
    A a1[] = {{"person:tanabe hiroko", "Tanabe Hiroko", "Tanabe Hiroko", NG_ETYPE_PERSON, 1, 0},
              {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0}};
    R r1[] = {
        {0, 1, ng_test_rel("affiliated_with"), "Zembla's Prime Minister Tanabe Hiroko.", 0, ""}};
    A a2[] = {{"person:hiroko tanabe", "Hiroko Tanabe", "Hiroko Tanabe", NG_ETYPE_PERSON, 2, 0},
              {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    R r2[] = {{0, 1, ng_test_rel("met"), "Hiroko Tanabe met Arcadia's envoy.", 0, ""}};
    A a3[] = {{"person:tanabe", "Tanabe", "Tanabe", NG_ETYPE_PERSON, 1, 1}};
    ng_doc *docs[] = {MKDOC("k1", "", a1, r1), MKDOC("k2", "", a2, r2), MKDOC_NOREL("k3", "", a3)};
    ng_graph *g = build(docs, 3, NULL);
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_node_count(g), 3);
    const ng_node *p = node_by_label(g, "Hiroko Tanabe");
    CHECK(p != NULL);
    if (p) CHECK_INT(p->mentions, 4);
    CHECK(find_edge(g, "Hiroko Tanabe", ng_test_rel("affiliated_with"), "Zembla") != NULL);
    CHECK(find_edge(g, "Hiroko Tanabe", ng_test_rel("met"), "Arcadia") != NULL ||
          find_edge(g, "Arcadia", ng_test_rel("met"), "Hiroko Tanabe") != NULL);
    ng_graph_free(g);
    /* near miss: names sharing one word only, or of three words, stay apart */
    A a4[] = {{"person:tanabe kenji", "Tanabe Kenji", "Tanabe Kenji", NG_ETYPE_PERSON, 1, 0},
              {"person:sato tanabe hiroko", "Sato Tanabe Hiroko", "Sato Tanabe Hiroko",
               NG_ETYPE_PERSON, 1, 0}};
    ng_doc *more[] = {docs[1], MKDOC_NOREL("k4", "", a4)};
    g = build(more, 2, NULL);
    CHECK(g && ng_graph_node_count(g) == 4);
    ng_graph_free(g);
    ng_doc_free(more[1]);
    free_docs(docs, 3);
}

#define PERSON(key, label) {key, label, label, NG_ETYPE_PERSON, 1, 0}

/* One doc per name (no relations); the node count of the finished graph, or 0 on failure. */
static size_t people_nodes(const char *const *keys, const char *const *labels, size_t n)
{
    ng_doc *docs[8];
    size_t nodes = 0;
    for (size_t k = 0; k < n; k++) {
        A a[] = {PERSON(keys[k], labels[k])};
        char id[8] = {'p', (char)('0' + k), 0};
        docs[k] = MKDOC_NOREL(id, "", a);
    }
    ng_graph *g = build(docs, n, NULL);
    if (g) nodes = ng_graph_node_count(g);
    ng_graph_free(g);
    free_docs(docs, n);
    return nodes;
}

NG_TEST(test_graph__longer_name_joins)
{
    /* "Abdulla Yameen" in one article, his full name in another: one person, in either order */
    A a1[] = {{"person:abdula yamin", "Abdulla Yameen", "Abdulla Yameen", NG_ETYPE_PERSON, 1, 0},
              {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0}};
    R r1[] = {{0, 1, ng_test_rel("affiliated_with"), "Zembla's President Abdulla Yameen.", 0, ""}};
    A a2[] = {{"person:abdula yamin abdul gayum", "Abdulla Yameen Abdul Gayoom",
               "Abdulla Yameen Abdul Gayoom", NG_ETYPE_PERSON, 1, 0},
              {"person:yamin", "Yameen", "Yameen", NG_ETYPE_PERSON, 1, 1}};
    ng_doc *docs[] = {MKDOC("y1", "", a1, r1), MKDOC_NOREL("y2", "", a2)};
    static const size_t orders[2][2] = {{0, 1}, {1, 0}};
    for (size_t o = 0; o < 2; o++) {
        ng_graph *g = build(docs, 2, orders[o]);
        CHECK(g != NULL);
        if (!g) continue;
        CHECK_INT(ng_graph_node_count(g), 2);
        const ng_node *p = node_by_label(g, "Abdulla Yameen Abdul Gayoom");
        CHECK(p != NULL);
        if (p) CHECK_INT(p->mentions, 3);
        CHECK(find_edge(g, "Abdulla Yameen Abdul Gayoom", ng_test_rel("affiliated_with"),
                        "Zembla") != NULL);
        ng_graph_free(g);
    }
    free_docs(docs, 2);
    /* a chain of ever longer names is one person too */
    static const char *const k3[] = {"person:ana maria lopez", "person:ana maria lopez garcia",
                                     "person:ana maria"};
    static const char *const l3[] = {"Ana Maria Lopez", "Ana Maria Lopez Garcia", "Ana Maria"};
    CHECK_INT(people_nodes(k3, l3, 3), 1);
}

/* Near misses of the join above: each set stays apart. */
NG_TEST(test_graph__longer_name_near_misses)
{
    /* a middle initial: "George Bush" is not the first words of "George W Bush" */
    static const char *const k1[] = {"person:george bush", "person:george w bush"};
    static const char *const l1[] = {"George Bush", "George W Bush"};
    CHECK_INT(people_nodes(k1, l1, 2), 2);
    /* father and son */
    static const char *const k2[] = {"person:martin luther king", "person:martin luther king jr"};
    static const char *const l2[] = {"Martin Luther King", "Martin Luther King Jr"};
    CHECK_INT(people_nodes(k2, l2, 2), 2);
    static const char *const k3[] = {"person:ken griffey", "person:ken griffey ii",
                                     "person:ken griffey sr"};
    static const char *const l3[] = {"Ken Griffey", "Ken Griffey II", "Ken Griffey Sr"};
    CHECK_INT(people_nodes(k3, l3, 3), 3);
    /* two longer names fit: no one is sure */
    static const char *const k4[] = {"person:kim jong", "person:kim jong un", "person:kim jong il"};
    static const char *const l4[] = {"Kim Jong", "Kim Jong Un", "Kim Jong Il"};
    CHECK_INT(people_nodes(k4, l4, 3), 3);
    /* the words of the shorter name are the last words of the longer one (father and son) */
    static const char *const k5[] = {"person:hamad bin khalifa",
                                     "person:tamim bin hamad bin khalifa"};
    static const char *const l5[] = {"Hamad bin Khalifa", "Tamim bin Hamad bin Khalifa"};
    CHECK_INT(people_nodes(k5, l5, 2), 2);
    /* a word that only begins a longer word */
    static const char *const k6[] = {"person:ali reza", "person:ali rezaei"};
    static const char *const l6[] = {"Ali Reza", "Ali Rezaei"};
    CHECK_INT(people_nodes(k6, l6, 2), 2);
}
#undef PERSON

/* ------------------------------------------------------------------ determinism */

static ng_doc **determinism_docs(size_t *n)
{
    static ng_doc *docs[6];
    A a1[] = {{"person:hugo brand", "Hugo Brand", "Hugo Brand", NG_ETYPE_PERSON, 2, 0},
              {"state:zembla", "Zembla", "Zembla|Zemblan", NG_ETYPE_STATE, 1, 0},
              {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    R r1[] = {{0, 1, ng_test_rel("affiliated_with"), "Zemblan minister Hugo Brand arrived.", 0, ""},
              {0, 2, ng_test_rel("met"), "Hugo Brand met Arcadia's envoy.", 40, "2021-06-01"}};
    A a2[] = {{"person:brand", "Brand", "Brand", NG_ETYPE_PERSON, 1, 1},
              {"state:arcadia", "Arcadia", "Arcadia|Arcadian", NG_ETYPE_STATE, 1, 0}};
    R r2[] = {{1, 0, ng_test_rel("met"), "Arcadia met Brand.", 10, "2021-06-02"},
              {0, 1, ng_test_rel("condemned"), "Brand condemned Arcadia.", 50, ""}};
    A a3[] = {{"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0},
              {"organization:league of ports", "League of Ports", "League of Ports",
               NG_ETYPE_ORG, 1, 0},
              {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0}};
    R r3[] = {{0, 1, ng_test_rel("member_of"), "Arcadia is in the League of Ports.", 0, ""},
              {2, 1, ng_test_rel("withdrew"), "Zembla left the League of Ports.", 35, "2021-01-09"},
              {2, 0, ng_test_rel("signed"), "Zembla and Arcadia signed.", 70, ""}};
    A a4[] = {{"place:zembla", "Zembla", "Zembla", NG_ETYPE_PLACE, 1, 0}, /* slug collision */
              {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    R r4[] = {{1, 0, ng_test_rel("condemned"), "Arcadia condemned events in Zembla.", 3, ""}};
    A a5[] = {{"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0},
              {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    R r5[] = {{1, 0, ng_test_rel("signed"), "Arcadia and Zembla signed.", 0, "2021-03-03"},
              {0, 1, ng_test_rel("signed"), "Zembla signed with Arcadia.", 99, "2021-03-03"}};
    A a6[] = {{"organization:league of ports", "LoP", "LoP", NG_ETYPE_ORG, 4, 0}};
    docs[0] = MKDOC("dd/1", "2021-06-01", a1, r1);
    docs[1] = MKDOC("dd/2", "2021-06-03", a2, r2);
    docs[2] = MKDOC("dd/3", "2021-01-10", a3, r3);
    docs[3] = MKDOC("dd/4", "", a4, r4);
    docs[4] = MKDOC("dd/5", "2021-03-04", a5, r5);
    docs[5] = MKDOC_NOREL("dd/6", "2021-07-07", a6);
    *n = 6;
    return docs;
}

static int next_permutation(size_t *p, size_t n)
{
    size_t i = n - 1;
    while (i > 0 && p[i - 1] >= p[i]) i--;
    if (i == 0) return 0;
    size_t j = n - 1;
    while (p[j] <= p[i - 1]) j--;
    size_t t = p[i - 1];
    p[i - 1] = p[j];
    p[j] = t;
    for (size_t a = i, b = n - 1; a < b; a++, b--) {
        t = p[a];
        p[a] = p[b];
        p[b] = t;
    }
    return 1;
}

NG_TEST(test_graph__same_docs_any_order_same_graph)
{
    size_t n;
    ng_doc **docs = determinism_docs(&n);
    size_t order[6] = {0, 1, 2, 3, 4, 5};
    char *first = NULL;
    int perms = 0, differ = 0;
    do {
        ng_graph *g = build(docs, n, order);
        CHECK(g != NULL);
        if (!g) break;
        CHECK_OK(ng_graph_compute_metrics(g));
        char *d = dump(g);
        if (!first) first = d;
        else {
            if (strcmp(first, d) != 0) {
                if (!differ) fprintf(stderr, "--- first\n%s--- differs\n%s", first, d);
                differ++;
            }
            free(d);
        }
        ng_graph_free(g);
        perms++;
    } while (next_permutation(order, n));
    CHECK_INT(perms, 720);
    CHECK_INT(differ, 0);
    /* and the result is what the rules say */
    ng_graph *g = build(docs, n, NULL);
    CHECK(g != NULL);
    if (g) {
        CHECK_INT(ng_graph_node_count(g), 5); /* Brand joined Hugo Brand */
        CHECK_STR(ng_graph_node(g, 0)->id, "arcadia");
        CHECK_STR(ng_graph_node(g, 1)->id, "hugo-brand");
        CHECK_STR(ng_graph_node(g, 2)->id, "league-of-ports");
        CHECK_STR(ng_graph_node(g, 3)->id, "zembla");   /* the state before the place */
        CHECK_STR(ng_graph_node(g, 4)->id, "zembla-2");
        CHECK_INT(ng_graph_node(g, 3)->type, NG_ETYPE_STATE);
        CHECK_INT(ng_graph_node(g, 4)->type, NG_ETYPE_PLACE);
        const ng_edge *met = find_edge(g, "Arcadia", ng_test_rel("met"), "Hugo Brand");
        CHECK(met && met->weight == 2 && strcmp(met->dates, "2021-06-01|2021-06-02") == 0);
        const ng_edge *signed_ = find_edge(g, "Arcadia", ng_test_rel("signed"), "Zembla");
        CHECK(signed_ && signed_->weight == 3 && signed_->directed == 0);
        CHECK_STR(signed_->dates, "2021-01-10|2021-03-03");
        CHECK_STR(signed_->evidence, "Zembla and Arcadia signed.");
        CHECK_STR(ng_graph_node(g, 2)->label, "League of Ports");
        CHECK_INT(ng_graph_node(g, 2)->mentions, 5);
    }
    ng_graph_free(g);
    free(first);
    free_docs(docs, n);
}

/* ------------------------------------------------------------------ evidence bound */

NG_TEST(test_graph__evidence_bounded_counts_exact)
{
    enum { N = 25 };
    ng_doc *docs[N];
    A a[] = {{"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0},
             {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    char ids[N][16], dates[N][11], sent[N][64];
    for (int i = 0; i < N; i++) {
        snprintf(ids[i], sizeof ids[i], "art%02d", i);
        /* dates go down as i goes up: the kept items are the last articles */
        snprintf(dates[i], sizeof dates[i], "2020-%02d-%02d", 12 - i / 3, 28 - i);
        snprintf(sent[i], sizeof sent[i], "Zembla condemned Arcadia (report %d).", i);
        R r[] = {{0, 1, ng_test_rel("condemned"), sent[i], (uint64_t)i, dates[i]}};
        docs[i] = MKDOC(ids[i], "", a, r);
    }
    size_t fwd[N], rev[N];
    for (int i = 0; i < N; i++) fwd[i] = (size_t)i, rev[i] = (size_t)(N - 1 - i);
    ng_graph *g = build(docs, N, fwd), *h = build(docs, N, rev);
    CHECK(g && h);
    if (g && h) {
        const ng_edge *e = ng_graph_edge(g, 0);
        CHECK_INT(e->weight, N);
        CHECK_INT(e->n_items, NG_GRAPH_MAX_EVIDENCE);
        ng_items items = {0};
        CHECK_INT(ng_graph_edge_items(g, e, &items), NG_OK);
        CHECK_INT(items.n, NG_GRAPH_MAX_EVIDENCE);
        for (size_t k = 0; k < items.n; k++) {
            CHECK_STR(items.v[k].article, ids[N - 1 - k]);
            if (k) CHECK(strcmp(items.v[k - 1].date, items.v[k].date) <= 0);
        }
        ng_items_free(&items);
        CHECK_STR(e->first_date, dates[N - 1]);
        CHECK_STR(e->last_date, dates[0]);
        CHECK_STR(e->evidence, sent[N - 1]);
        /* every article counted, the earliest few kept (undated: by id) */
        CHECK_INT(e->articles, N);
        CHECK_INT(e->n_srcs, N < NG_GRAPH_SOURCES_DEFAULT ? N : NG_GRAPH_SOURCES_DEFAULT);
        for (size_t k = 1; k < e->n_srcs; k++)
            CHECK(strcmp(e->srcs[k - 1].id, e->srcs[k].id) < 0);
        char *dg = dump(g), *dh = dump(h);
        CHECK_STR(dg, dh);
        free(dg);
        free(dh);
    }
    ng_graph_free(g);
    ng_graph_free(h);
    free_docs(docs, N);
}

/* ------------------------------------------------------------------ the memory bound */

/* The bound of issue 16.4, by its behaviour: whatever the order of the docs, their split
 * into partial graphs and the finish's threads, an edge and its nodes keep the K earliest
 * articles by (date, undated last; id), every article counted, and the 8 smallest mentions by
 * (date, id, offset, sentence), a tie on the first three broken by the text (which the graph
 * reads back from its temporary file), an identical mention kept once. */
enum { BOUND_N = 40, BOUND_K = 3 };

typedef struct bound_case {
    ng_doc *docs[BOUND_N];
    char ids[BOUND_N][16], dates[BOUND_N][11], titles[BOUND_N][32];
} bound_case;

static void bound_docs(bound_case *c)
{
    A a[] = {{"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0},
             {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    for (int i = 0; i < BOUND_N; i++) {
        int k = (i * 17) % BOUND_N; /* ids not in date order */
        snprintf(c->ids[i], sizeof c->ids[i], "b/%02d", k);
        /* four articles a day, every fifth undated */
        snprintf(c->dates[i], sizeof c->dates[i], "2022-05-%02d", 1 + i / 4);
        if (i % 5 == 4) c->dates[i][0] = '\0';
        snprintf(c->titles[i], sizeof c->titles[i], "Report|%02d", k);
        /* the same offset twice in one article: the sentence decides; and one repeated */
        R r[] = {{0, 1, ng_test_rel("condemned"), "Zembla condemned Arcadia, said B.", 5, ""},
                 {0, 1, ng_test_rel("condemned"), "Zembla condemned Arcadia, said A.", 5, ""},
                 {0, 1, ng_test_rel("condemned"), "Zembla condemned Arcadia, said A.", 5, ""}};
        c->docs[i] = MKDOC(c->ids[i], c->dates[i], a, r);
        free(c->docs[i]->title);
        c->docs[i]->title = strdup(c->titles[i]);
    }
}

/* The article of rank r (0 = earliest) by (date, undated last; id). */
static int bound_rank(const bound_case *c, size_t r)
{
    int order[BOUND_N];
    for (int i = 0; i < BOUND_N; i++) order[i] = i;
    for (int i = 1; i < BOUND_N; i++) { /* insertion sort: few */
        for (int j = i; j > 0; j--) {
            const char *da = c->dates[order[j - 1]], *db = c->dates[order[j]];
            int cmp = !*da != !*db ? (!*da ? 1 : -1) : strcmp(da, db);
            if (!cmp) cmp = strcmp(c->ids[order[j - 1]], c->ids[order[j]]);
            if (cmp <= 0) break;
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    }
    return order[r];
}

/* Adds the docs in `order` to `parts` graphs (doc i to part i % parts), absorbs them, finishes
 * on `threads`; returns the graph. */
static ng_graph *bound_build(bound_case *c, const size_t *order, size_t parts, int threads)
{
    ng_graph *g[3] = {NULL, NULL, NULL};
    for (size_t p = 0; p < parts; p++) {
        if (ng_graph_new(&g[p]) < 0 || ng_graph_set_sources(g[p], BOUND_K) < 0) return NULL;
    }
    for (size_t i = 0; i < BOUND_N; i++)
        if (ng_graph_add_doc(g[i % parts], c->docs[order[i]]) < 0) return NULL;
    for (size_t p = 1; p < parts; p++) {
        if (ng_graph_absorb(g[0], g[p]) < 0) return NULL;
        ng_graph_free(g[p]);
    }
    ng_graph_set_threads(g[0], threads);
    if (ng_graph_finish(g[0]) < 0) return NULL;
    return g[0];
}

static void bound_check(const bound_case *c, const ng_graph *g)
{
    const ng_edge *e = ng_graph_edge(g, 0);
    ng_items items = {0};
    ng_buf b = NG_BUF_INIT, want = NG_BUF_INIT;
    CHECK_INT(e->weight, 3 * BOUND_N);
    CHECK_INT(e->articles, BOUND_N);
    CHECK_INT(e->n_srcs, BOUND_K);
    for (size_t k = 0; k < BOUND_K; k++) {
        int r = bound_rank(c, k);
        CHECK_STR(e->srcs[k].id, c->ids[r]);
        CHECK_STR(ng_graph_node(g, e->source)->srcs[k].id, c->ids[r]);
        ng_buf_printf(&want, "%sReport/%s", k ? "|" : "", c->ids[r] + 2);
    }
    CHECK_STR(ng_edge_source_list(e, 0, &b), want.ptr);
    CHECK_INT(ng_graph_edge_items(g, e, &items), NG_OK);
    CHECK_INT(items.n, NG_GRAPH_MAX_EVIDENCE);
    for (size_t k = 0; k < items.n; k++) { /* two per article: "said A." before "said B." */
        CHECK_STR(items.v[k].article, c->ids[bound_rank(c, k / 2)]);
        CHECK_STR(items.v[k].sentence, k % 2 ? "Zembla condemned Arcadia, said B."
                                             : "Zembla condemned Arcadia, said A.");
    }
    ng_items_free(&items);
    ng_buf_free(&b);
    ng_buf_free(&want);
}

NG_TEST(test_graph__bound_keeps_earliest_any_order_parts_threads)
{
    bound_case c;
    size_t order[BOUND_N];
    char *want = NULL;
    bound_docs(&c);
    for (int way = 0; way < 6; way++) {
        for (size_t i = 0; i < BOUND_N; i++) /* forward, backward, shuffled */
            order[i] = way % 3 == 0 ? i : way % 3 == 1 ? BOUND_N - 1 - i : (i * 7 + 3) % BOUND_N;
        ng_graph *g = bound_build(&c, order, way < 3 ? 1 : 3, way < 3 ? 1 : 2);
        CHECK(g != NULL);
        if (!g) break;
        CHECK_INT(ng_graph_edge_count(g), 1);
        bound_check(&c, g);
        same_as_first(&want, g);
        ng_graph_free(g);
    }
    free(want);
    free_docs(c.docs, BOUND_N);
}

/* ------------------------------------------------------------------ partial graphs */

/* Adds docs[i] to parts[part[i]] (n_parts graphs), then absorbs them into one, in the order
 * given by `into_last` (0: everything into parts[0] in index order; 1: into the last part,
 * backwards, so the grouping and direction differ) and finishes it; returns the dump, or NULL.
 * (No metrics: they are computed from the finished graph alone.) */
static char *build_in_parts(ng_doc **docs, size_t n, const size_t *part, size_t n_parts,
                            int into_last)
{
    ng_graph *parts[4] = {NULL, NULL, NULL, NULL};
    char *d = NULL;
    for (size_t p = 0; p < n_parts; p++) {
        if (ng_graph_new(&parts[p]) < 0) goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        if (ng_graph_add_doc(parts[part[i]], docs[i]) < 0) goto cleanup;
    }
    size_t into = into_last ? n_parts - 1 : 0;
    for (size_t k = 1; k < n_parts; k++) {
        size_t from = into_last ? n_parts - 1 - k : k;
        if (ng_graph_absorb(parts[into], parts[from]) < 0) goto cleanup;
        if (ng_graph_article_count(parts[from]) != 0) goto cleanup; /* left empty */
    }
    if (ng_graph_finish(parts[into]) < 0) goto cleanup;
    d = dump(parts[into]);
cleanup:
    if (!d) fprintf(stderr, "build_in_parts: %s\n", ng_error_last());
    for (size_t p = 0; p < n_parts; p++) ng_graph_free(parts[p]);
    return d;
}

/* Every way of dealing the determinism docs (and one with an empty id, twice) into two
 * partial graphs, and one in seven ways into three, absorbed in two groupings, gives the graph
 * of one build. */
NG_TEST(test_graph__absorbed_parts_same_graph)
{
    enum { N = 8 };
    size_t n6;
    ng_doc **six = determinism_docs(&n6);
    ng_doc *docs[N];
    A az[] = {{"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0},
              {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    R rz[] = {{0, 1, ng_test_rel("signed"), "Zembla signed with Arcadia.", 99, "2021-03-03"},
              {1, 0, ng_test_rel("met"), "Arcadia met Zembla.", 7, ""}};
    for (size_t i = 0; i < n6; i++) docs[i] = six[i];
    docs[6] = MKDOC("", "", az, rz);
    docs[7] = MKDOC("", "", az, rz);
    ng_graph *g = build(docs, N, NULL);
    CHECK(g != NULL);
    if (!g) return;
    char *want = dump(g);
    ng_graph_free(g);
    size_t part[N], ways = 0, differ = 0;
    for (size_t n_parts = 2; n_parts <= 3; n_parts++) {
        size_t all = n_parts == 2 ? 256 : 6561; /* n_parts^8 */
        for (size_t code = 0; code < all; code += n_parts == 2 ? 1 : 7) {
            size_t c = code;
            for (size_t i = 0; i < N; i++, c /= n_parts) part[i] = c % n_parts;
            for (int into_last = 0; into_last < 2; into_last++) {
                char *d = build_in_parts(docs, N, part, n_parts, into_last);
                if (!d || strcmp(d, want) != 0) {
                    if (!differ && d) fprintf(stderr, "--- one build\n%s--- in parts\n%s", want, d);
                    differ++;
                }
                free(d);
                ways++;
            }
        }
    }
    CHECK_INT(ways, 2 * (256 + 938));
    CHECK_INT(differ, 0);
    free(want);
    free_docs(docs, N);
}

/* The kept evidence of an edge split over parts is the K smallest of the whole. */
NG_TEST(test_graph__absorbed_parts_keep_evidence_bound)
{
    enum { N = 25 };
    ng_doc *docs[N];
    A a[] = {{"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0},
             {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    char ids[N][16], dates[N][11], sent[N][64];
    for (int i = 0; i < N; i++) {
        snprintf(ids[i], sizeof ids[i], "art%02d", i);
        snprintf(dates[i], sizeof dates[i], "2020-%02d-%02d", 12 - i / 3, 28 - i);
        snprintf(sent[i], sizeof sent[i], "Zembla condemned Arcadia (report %d).", i);
        R r[] = {{0, 1, ng_test_rel("condemned"), sent[i], (uint64_t)i, i % 4 ? dates[i] : ""}};
        docs[i] = MKDOC(ids[i], "", a, r);
    }
    ng_graph *g = build(docs, N, NULL);
    CHECK(g != NULL);
    char *want = dump(g);
    size_t part[N];
    for (size_t split = 0; split < 3; split++) {
        for (size_t i = 0; i < N; i++)
            part[i] = split == 0 ? i % 2 : split == 1 ? i < 20 : i % 7 == 0;
        char *d = build_in_parts(docs, N, part, 2, (int)split % 2);
        CHECK(d != NULL);
        if (d) CHECK_STR(d, want);
        free(d);
    }
    CHECK_INT(ng_graph_edge(g, 0)->n_items, NG_GRAPH_MAX_EVIDENCE);
    free(want);
    ng_graph_free(g);
    free_docs(docs, N);
}

/* ng_graph_finish on several threads (edges made in runs, each aggregate freed by the thread
 * that made its edge, while edges of other runs cite the same articles: one edge has them
 * all) gives the graph of one thread; enough edges (over 1024 per thread) for every run to be
 * used. */
NG_TEST(test_graph__finish_threads_same_graph)
{
    enum { N = 3000 };
    ng_doc **docs = calloc(N, sizeof *docs);
    char id[N][16], key[N][32], label[N][32], sent[N][64], date[11];
    char *want = NULL;
    CHECK(docs != NULL);
    if (!docs) return;
    for (int i = 0; i < N; i++) {
        snprintf(id[i], sizeof id[i], "doc%04d", i);
        snprintf(key[i], sizeof key[i], "person:ann lee%d", i % 997);
        snprintf(label[i], sizeof label[i], "Ann Lee%d", i % 997);
        snprintf(sent[i], sizeof sent[i], "Ann Lee%d met Zembla (%d).", i % 997, i);
        snprintf(date, sizeof date, "2021-%02d-%02d", 1 + i % 12, 1 + i % 28);
        A a[] = {{key[i], label[i], label[i], NG_ETYPE_PERSON, 1, 0},
                 {"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0},
                 {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
        R r[] = {{0, 1, ng_test_rel("met"), sent[i], (uint64_t)i, i % 3 ? date : ""},
                 {0, 2, (ng_rel)(i % 2 ? ng_test_rel("condemned") : ng_test_rel("signed")), sent[i],
                  9, ""},
                 {2, 1, ng_test_rel("met"), sent[i], 20, date}};
        docs[i] = MKDOC(id[i], i % 5 ? date : "", a, r);
    }
    for (int threads = 1; threads <= 5; threads += 2) {
        ng_graph *g = NULL;
        CHECK_OK(ng_graph_new(&g));
        ng_graph_set_threads(g, threads);
        for (int i = 0; i < N; i++) CHECK_OK(ng_graph_add_doc(g, docs[i]));
        CHECK_OK(ng_graph_finish(g));
        CHECK(ng_graph_edge_count(g) > 2500);
        same_as_first(&want, g);
        ng_graph_free(g);
    }
    free(want);
    free_docs(docs, N);
    free(docs);
}

NG_TEST(test_graph__absorb_refuses_finished_or_same)
{
    ng_graph *a = NULL, *b = NULL;
    CHECK_OK(ng_graph_new(&a));
    CHECK_OK(ng_graph_new(&b));
    CHECK_INT(ng_graph_absorb(a, a), NG_EINVAL);
    CHECK_OK(ng_graph_absorb(a, b)); /* an empty graph adds nothing */
    CHECK_INT(ng_graph_article_count(a), 0);
    CHECK_OK(ng_graph_finish(b));
    CHECK_INT(ng_graph_absorb(a, b), NG_EINVAL);
    CHECK_INT(ng_graph_absorb(b, a), NG_EINVAL);
    CHECK(strstr(ng_error_last(), "finished") != NULL);
    ng_graph_free(a);
    ng_graph_free(b);
}

/* ------------------------------------------------------------------ ids */

NG_TEST(test_graph__ids_are_slugs_with_deterministic_collisions)
{
    A a[] = {{"place:sao tome", "São Tomé", "São Tomé", NG_ETYPE_PLACE, 1, 0},
             {"state:sao tome", "Sao Tome", "Sao Tome", NG_ETYPE_STATE, 1, 0},
             {"organization:sao tome 2", "Sao Tome 2", "Sao Tome 2", NG_ETYPE_ORG, 1, 0},
             {"organization:***", "***", "***", NG_ETYPE_ORG, 1, 0},
             {"organization:  the  -- u.n. ", "  The  -- U.N. ", "U.N.", NG_ETYPE_ORG, 1, 0}};
    ng_doc *docs[] = {MKDOC_NOREL("s1", "", a)};
    ng_graph *g = build(docs, 1, NULL);
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_node_count(g), 5);
    /* sorted by id; "sao-tome-2" is taken by the organization, so the place gets -3 */
    const char *want[] = {NULL, "sao-tome", "sao-tome-2", "sao-tome-3", "the-u-n"};
    for (size_t i = 1; i < 5; i++) CHECK_STR(ng_graph_node(g, i)->id, want[i]);
    CHECK(strncmp(ng_graph_node(g, 0)->id, "n-", 2) == 0 && strlen(ng_graph_node(g, 0)->id) == 18);
    CHECK_STR(node_by_label(g, "Sao Tome")->id, "sao-tome"); /* the state before the place */
    CHECK_STR(node_by_label(g, "Sao Tome 2")->id, "sao-tome-2");
    CHECK_STR(node_by_label(g, "São Tomé")->id, "sao-tome-3");
    ng_graph_free(g);
    free_docs(docs, 1);
}

/* ------------------------------------------------------------------ errors */

NG_TEST(test_graph__bad_doc_rejected_graph_unchanged)
{
    A a[] = {{"state:zembla", "Zembla", "Zembla", NG_ETYPE_STATE, 1, 0},
             {"state:arcadia", "Arcadia", "Arcadia", NG_ETYPE_STATE, 1, 0}};
    R r[] = {{0, 1, ng_test_rel("met"), "They met.", 0, ""}};
    ng_doc *bad = MKDOC("bad", "", a, r);
    bad->relations[0].target = 7;
    ng_doc *good = MKDOC("good", "", a, r);
    ng_graph *g = NULL;
    CHECK_OK(ng_graph_new(&g));
    CHECK_INT(ng_graph_add_doc(g, bad), NG_EFORMAT);
    CHECK(strstr(ng_error_last(), "bad") != NULL);
    CHECK_OK(ng_graph_add_doc(g, good));
    CHECK_OK(ng_graph_finish(g));
    CHECK_INT(ng_graph_article_count(g), 1);
    CHECK_INT(ng_graph_node_count(g), 2);
    CHECK_INT(ng_graph_add_doc(g, good), NG_EINVAL);
    CHECK_INT(ng_graph_finish(g), NG_EINVAL);
    ng_graph_free(g);
    ng_graph_free(NULL);
    ng_doc_free(bad);
    ng_doc_free(good);
    /* metrics before finish */
    CHECK_OK(ng_graph_new(&g));
    CHECK_INT(ng_graph_compute_metrics(g), NG_EINVAL);
    ng_graph_free(g);
}

/* ------------------------------------------------------------------ metrics */

static int NEAR(double a, double b) { return fabs(a - b) <= 1e-9 * (fabs(a) + fabs(b)) + 1e-12; }

/* A graph from an edge list over single-letter state names. */
typedef struct {
    char s, t;
    ng_rel rel;
    int times;
} E;

static ng_graph *letters(const char *nodes, const E *es, size_t n)
{
    ng_doc *d = NULL;
    ng_graph *g = NULL;
    char key[16], label[8];
    if (ng_doc_new(&d, "letters", "letters") < 0) return NULL;
    for (const char *c = nodes; *c; c++) {
        snprintf(key, sizeof key, "state:%c", *c);
        snprintf(label, sizeof label, "%c", *c - 32);
        ng_actor a = {key, label, NG_ETYPE_STATE, 1, 0, label};
        if (ng_doc_add_actor(d, &a, NULL) < 0) abort();
    }
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < es[i].times; k++) {
            ng_relation r;
            memset(&r, 0, sizeof r);
            r.source = (uint32_t)(strchr(nodes, es[i].s) - nodes);
            r.target = (uint32_t)(strchr(nodes, es[i].t) - nodes);
            r.rel = es[i].rel;
            r.sentence = "s";
            r.offset = (uint64_t)(i * 100 + (size_t)k);
            if (ng_doc_add_relation(d, &r) < 0) abort();
        }
    }
    g = build(&d, 1, NULL);
    ng_doc_free(d);
    if (g && ng_graph_compute_metrics(g) < 0) {
        fprintf(stderr, "metrics: %s\n", ng_error_last());
        ng_graph_free(g);
        g = NULL;
    }
    return g;
}

static const ng_metrics *M(const ng_graph *g, char c)
{
    char label[2] = {(char)(c - 32), 0};
    const ng_node *n = node_by_label(g, label);
    return n ? &n->m : NULL;
}

NG_TEST(test_graph__metrics_path_known_values)
{
    /* a - b - c, a-b twice over two relations (weight 2+1 = 3), b-c once */
    E es[] = {{'a', 'b', ng_test_rel("met"), 2},
              {'b', 'a', ng_test_rel("condemned"), 1},
              {'c', 'b', ng_test_rel("condemned"), 1}};
    ng_graph *g = letters("abc", es, NA(es));
    CHECK(g != NULL);
    if (!g) return;
    CHECK(ng_graph_has_metrics(g));
    const ng_metrics *a = M(g, 'a'), *b = M(g, 'b'), *c = M(g, 'c');
    CHECK(NEAR(a->degree, 1) && NEAR(b->degree, 2) && NEAR(c->degree, 1));
    CHECK(NEAR(a->strength, 3) && NEAR(b->strength, 4) && NEAR(c->strength, 1));
    CHECK(NEAR(a->in_degree, 1) && NEAR(a->out_degree, 0)); /* met counts in neither */
    CHECK(NEAR(b->in_degree, 1) && NEAR(b->out_degree, 1));
    CHECK(NEAR(c->out_degree, 1) && NEAR(c->in_degree, 0));
    CHECK(NEAR(b->betweenness, 1) && NEAR(a->betweenness, 0) && NEAR(c->betweenness, 0));
    /* distances: a-b 1/3, b-c 1, a-c 4/3 */
    CHECK(NEAR(a->closeness, 2 / (1.0 / 3 + 4.0 / 3)));
    CHECK(NEAR(b->closeness, 2 / (1.0 / 3 + 1)));
    CHECK(NEAR(c->harmonic, 1 + 0.75));
    CHECK(NEAR(a->pagerank + b->pagerank + c->pagerank, 1));
    CHECK(b->pagerank > a->pagerank && a->pagerank > c->pagerank);
    /* weighted adjacency [[0,3,0],[3,0,1],[0,1,0]]: lambda = sqrt(10), x = (3, sqrt10, 1)/sqrt10 */
    CHECK(NEAR(b->eigenvector, 1));
    CHECK(NEAR(a->eigenvector, 3 / sqrt(10)));
    CHECK(NEAR(c->eigenvector, 1 / sqrt(10)));
    ng_graph_free(g);
}

NG_TEST(test_graph__metrics_pagerank_closed_form)
{
    /* a star: centre c with k=3 leaves, unweighted. PageRank with d = 0.85:
     * leaves x, centre y: x = 0.15/4 + 0.85*y/3, y = 0.15/4 + 0.85*3x, x*3 + y = 1 */
    E es[] = {{'c', 'a', ng_test_rel("met"), 1},
              {'c', 'b', ng_test_rel("met"), 1},
              {'c', 'd', ng_test_rel("met"), 1}};
    ng_graph *g = letters("abcd", es, NA(es));
    CHECK(g != NULL);
    if (!g) return;
    double y = (0.15 / 4 + 0.85 * 0.15 / 4 * 3) / (1 - 0.85 * 0.85);
    double x = (1 - y) / 3;
    CHECK(NEAR(M(g, 'c')->pagerank, y));
    CHECK(NEAR(M(g, 'a')->pagerank, x));
    CHECK(NEAR(M(g, 'c')->betweenness, 3));
    CHECK(NEAR(M(g, 'a')->eigenvector, 1 / sqrt(3)));
    CHECK_INT(ng_graph_community_count(g), 1);
    ng_graph_free(g);
}

NG_TEST(test_graph__communities_two_triangles)
{
    /* two triangles joined by one bridge: two communities, numbered by first node id */
    E es[] = {{'a', 'b', ng_test_rel("met"), 1}, {'b', 'c', ng_test_rel("met"), 1},
              {'a', 'c', ng_test_rel("met"), 1}, {'x', 'y', ng_test_rel("met"), 1},
              {'y', 'z', ng_test_rel("met"), 1}, {'x', 'z', ng_test_rel("met"), 1},
              {'c', 'x', ng_test_rel("met"), 1}};
    ng_graph *g = letters("abcxyz", es, NA(es));
    CHECK(g != NULL);
    if (!g) return;
    CHECK_INT(ng_graph_community_count(g), 2);
    CHECK_INT(M(g, 'a')->community, 0);
    CHECK_INT(M(g, 'b')->community, 0);
    CHECK_INT(M(g, 'c')->community, 0);
    CHECK_INT(M(g, 'x')->community, 1);
    CHECK_INT(M(g, 'z')->community, 1);
    /* Q = sum over communities of (in/m - (deg/2m)^2) = 2 * (3/7 - (7/14)^2) */
    CHECK(NEAR(ng_graph_modularity(g), 2 * (3.0 / 7 - 0.25)));
    ng_graph_free(g);
}

NG_TEST(test_graph__metrics_degenerate_graphs)
{
    ng_graph *g = NULL;
    /* empty */
    CHECK_OK(ng_graph_new(&g));
    CHECK_OK(ng_graph_finish(g));
    CHECK_OK(ng_graph_compute_metrics(g));
    CHECK(ng_graph_has_metrics(g));
    CHECK_INT(ng_graph_node_count(g), 0);
    CHECK_INT(ng_graph_community_count(g), 0);
    ng_graph_free(g);

    /* one node */
    g = letters("a", NULL, 0);
    CHECK(g != NULL);
    if (g) {
        const ng_metrics *a = M(g, 'a');
        CHECK(NEAR(a->pagerank, 1));
        CHECK(a->degree == 0 && a->betweenness == 0 && a->closeness == 0 && a->harmonic == 0);
        CHECK(a->eigenvector == 0 && a->community == 0);
    }
    ng_graph_free(g);

    /* three nodes, no edge */
    g = letters("abc", NULL, 0);
    CHECK(g != NULL);
    if (g) {
        for (const char *c = "abc"; *c; c++) {
            CHECK(NEAR(M(g, *c)->pagerank, 1.0 / 3));
            CHECK(M(g, *c)->eigenvector == 0 && M(g, *c)->closeness == 0);
        }
        CHECK_INT(ng_graph_community_count(g), 3);
        CHECK(M(g, 'c')->community == 2);
        CHECK(ng_graph_modularity(g) == 0);
    }
    ng_graph_free(g);

    /* disconnected: a-b (weight 2) and c-d-e, plus an isolated f */
    E es[] = {{'a', 'b', ng_test_rel("signed"), 2},
              {'c', 'd', ng_test_rel("met"), 1},
              {'d', 'e', ng_test_rel("met"), 1}};
    g = letters("abcdef", es, NA(es));
    CHECK(g != NULL);
    if (g) {
        CHECK(NEAR(M(g, 'a')->closeness, 2)); /* one reachable node at distance 1/2 */
        CHECK(NEAR(M(g, 'c')->closeness, 2 / 3.0));
        CHECK(NEAR(M(g, 'd')->betweenness, 1));
        CHECK(M(g, 'f')->closeness == 0 && M(g, 'f')->harmonic == 0 && M(g, 'f')->eigenvector == 0);
        double sum = 0;
        for (const char *c = "abcdef"; *c; c++) sum += M(g, *c)->pagerank;
        CHECK(NEAR(sum, 1));
        /* the a-b pair (lambda 2) dominates the path (lambda sqrt 2) */
        CHECK(NEAR(M(g, 'a')->eigenvector, 1) && M(g, 'd')->eigenvector < 1e-6);
        CHECK(M(g, 'a')->community == M(g, 'b')->community);
        CHECK(M(g, 'c')->community != M(g, 'a')->community);
        CHECK(M(g, 'f')->community != M(g, 'e')->community);
    }
    ng_graph_free(g);
}

NG_TEST(test_graph__metrics_per_relation_view)
{
    E es[] = {{'a', 'b', ng_test_rel("met"), 1}, {'b', 'c', ng_test_rel("condemned"), 1}};
    ng_graph *g = letters("abc", es, NA(es));
    CHECK(g != NULL);
    if (!g) return;
    ng_metrics_opts o = NG_METRICS_OPTS_INIT;
    o.relations = 1u << ng_test_rel("met");
    CHECK_OK(ng_graph_compute_metrics_opts(g, &o));
    CHECK(M(g, 'b')->degree == 1 && M(g, 'c')->degree == 0 && M(g, 'c')->in_degree == 0);
    CHECK(M(g, 'b')->betweenness == 0);
    CHECK_OK(ng_graph_compute_metrics(g));
    CHECK(M(g, 'b')->degree == 2 && M(g, 'c')->in_degree == 1 && NEAR(M(g, 'b')->betweenness, 1));
    ng_graph_free(g);
}

/* ------------------------------------------------------------------ GraphML */

static const char *tmp_path(const char *name)
{
    static char path[512];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/ng-test-graph-%ld-%s", dir && *dir ? dir : "/tmp",
             (long)getpid(), name);
    return path;
}

static int write_file(const char *path, const char *text, int gzip)
{
    if (gzip) {
        gzFile z = gzopen(path, "wb");
        if (!z) return -1;
        int ok = gzputs(z, text) >= 0;
        return gzclose(z) == Z_OK && ok ? 0 : -1;
    }
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    fputs(text, f);
    return fclose(f) == 0 ? 0 : -1;
}

static const char *GRAPHML =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<key id=\"d1\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "<key id=\"d2\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
    "<key id=\"d3\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
    "<key id=\"d4\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<key id=\"d5\" for=\"edge\" attr.name=\"sources\" attr.type=\"string\"/>\n"
    "<key id=\"d6\" for=\"edge\" attr.name=\"first_date\" attr.type=\"string\"/>\n"
    "<key id=\"d7\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
    "<graph id=\"G\" edgedefault=\"directed\">\n"
    "<node id=\"zembla\"><data key=\"d0\">Zembla</data><data key=\"d1\">state</data>"
    "<data key=\"d2\">4</data></node>\n"
    "<node id=\"N 2\"><data key=\"d0\">Arcádia</data><data key=\"d1\">kingdom</data></node>\n"
    "<node id=\"lop\"><data key=\"d0\">League of Ports</data></node>\n"
    "<edge source=\"N 2\" target=\"zembla\"><data key=\"d3\">met</data><data key=\"d4\">2</data>"
    "<data key=\"d5\">b|a</data><data key=\"d6\">2020-02-02</data>"
    "<data key=\"d7\">They met.</data></edge>\n"
    "<edge source=\"zembla\" target=\"N 2\"><data key=\"d3\">met</data><data key=\"d4\">0.2</data>"
    "<data key=\"d5\">c</data><data key=\"d6\">2020-01-01</data></edge>\n"
    "<edge source=\"zembla\" target=\"lop\"><data key=\"d3\">quarrelled</data></edge>\n"
    "<edge source=\"lop\" target=\"lop\"><data key=\"d3\">met</data></edge>\n"
    "</graph></graphml>\n";

NG_TEST(test_graph__read_graphml_defaults_and_merge)
{
    for (int gz = 0; gz < 2; gz++) {
        const char *path = tmp_path(gz ? "in.graphml.gz" : "in.graphml");
        CHECK_INT(write_file(path, GRAPHML, gz), 0);
        ng_graph *g = NULL;
        CHECK_OK(ng_graph_read_graphml(&g, path));
        unlink(path);
        if (!g) continue;
        CHECK_INT(ng_graph_node_count(g), 3);
        CHECK_STR(ng_graph_node(g, 0)->id, "arcadia"); /* "N 2" is not a valid id */
        CHECK_STR(ng_graph_node(g, 0)->label, "Arcádia");
        CHECK_INT(ng_graph_node(g, 0)->type, NG_ETYPE_ORG); /* unknown type */
        CHECK_STR(ng_graph_node(g, 1)->id, "lop");
        CHECK_STR(ng_graph_node(g, 1)->aliases, "League of Ports");
        CHECK_INT(ng_graph_node(g, 2)->mentions, 4);
        CHECK_INT(ng_graph_node(g, 2)->type, NG_ETYPE_STATE);
        CHECK_INT(ng_graph_edge_count(g), 2); /* two met merged, self-loop dropped */
        const ng_edge *met = find_edge(g, "Arcádia", ng_test_rel("met"), "Zembla");
        CHECK(met != NULL);
        if (met) {
            CHECK_INT(met->weight, 3); /* 2 + (0.2 -> 1) */
            CHECK_STR(met->sources, "a|b|c");
            CHECK_STR(met->first_date, "2020-01-01");
            CHECK_STR(met->last_date, "2020-02-02");
            CHECK_STR(met->dates, "2020-01-01|2020-02-02");
            CHECK_STR(met->evidence, "They met.");
        }
        /* unknown relation in a directed graph */
        CHECK(find_edge(g, "Zembla", ng_test_rel("affiliated_with"), "League of Ports") != NULL);
        CHECK_OK(ng_graph_compute_metrics(g));
        CHECK(NEAR(ng_graph_node(g, 2)->m.strength, 4));
        ng_graph_free(g);
    }
}

NG_TEST(test_graph__read_graphml_errors)
{
    ng_graph *g = NULL;
    CHECK_INT(ng_graph_read_graphml(&g, tmp_path("does-not-exist.graphml")), NG_EIO);
    CHECK(g == NULL);
    const char *bad[] = {"", "<graphml><graph><node id=\"a\"></graph>", "not xml at all",
                         ("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph "
                          "edgedefault=\"directed\"><edge source=\"a\"/></graph></graphml>")};
    for (size_t i = 0; i < NA(bad); i++) {
        const char *path = tmp_path("bad.graphml");
        CHECK_INT(write_file(path, bad[i], 0), 0);
        int rc = ng_graph_read_graphml(&g, path);
        if (rc != NG_EFORMAT) fprintf(stderr, "case %zu: rc %d: %s\n", i, rc, ng_error_last());
        CHECK_INT(rc, NG_EFORMAT);
        CHECK(strstr(ng_error_last(), path) != NULL);
        CHECK(g == NULL);
        unlink(path);
    }
    /* a truncated gzip stream */
    const char *path = tmp_path("cut.graphml.gz");
    CHECK_INT(write_file(path, GRAPHML, 1), 0);
    FILE *f = fopen(path, "r+b");
    if (f) {
        CHECK(ftruncate(fileno(f), 40) == 0);
        fclose(f);
    }
    CHECK_INT(ng_graph_read_graphml(&g, path), NG_EFORMAT);
    CHECK(g == NULL);
    unlink(path);
}

NG_TEST_MAIN(test_graph__merge_sums_and_unites, test_graph__label_most_words_then_most_frequent,
             test_graph__symmetric_stored_once_in_id_order,
             test_graph__surname_joins_unique_full_name, test_graph__shared_surname_stays_apart,
             test_graph__surname_joins_same_key_full_entry_when_ambiguous,
             test_graph__surname_written_first_joins_unique_full_name,
             test_graph__initial_joins_unique_full_first_name, test_graph__reversed_name_joins,
             test_graph__longer_name_joins, test_graph__longer_name_near_misses,
             test_graph__family_name_spellings_join, test_graph__family_name_spellings_near_misses,
             test_graph__same_docs_any_order_same_graph,
             test_graph__evidence_bounded_counts_exact,
             test_graph__bound_keeps_earliest_any_order_parts_threads,
             test_graph__absorbed_parts_same_graph,
             test_graph__absorbed_parts_keep_evidence_bound,
             test_graph__absorb_refuses_finished_or_same, test_graph__finish_threads_same_graph,
             test_graph__ids_are_slugs_with_deterministic_collisions,
             test_graph__bad_doc_rejected_graph_unchanged, test_graph__metrics_path_known_values,
             test_graph__metrics_pagerank_closed_form, test_graph__communities_two_triangles,
             test_graph__metrics_degenerate_graphs, test_graph__metrics_per_relation_view,
             test_graph__read_graphml_defaults_and_merge, test_graph__read_graphml_errors)
