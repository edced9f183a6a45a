/*
 * export_graphs.h - the graphs the export tests write, built through the public graph API.
 *
 * Shared by tests/unit/test_export.c (which checks the bytes) and
 * tests/clients/export_samples.c (which writes them for the real clients to load).
 *
 *   NG_TG_HOSTILE: actors and evidence with quotes, ampersands, angle brackets, backslashes
 *     (one trailing), newlines, tabs, C0/DEL/C1 control characters, emoji, right-to-left
 *     text, DOT keywords as names, entity-like text, invalid UTF-8, a 39 000-byte label and a
 *     20 000-byte sentence; parallel edges of two kinds on one pair; dated and undated
 *     evidence; metrics computed.
 *   NG_TG_PLAIN: three actors, two undated relations, no metrics (a static graph).
 *   NG_TG_EMPTY: no article, no node.
 *
 * ng_test_export_graph(&g, variant) gives a finished graph the caller frees with
 * ng_graph_free. The strings below are invented for these tests.
 */
#ifndef NG_EXPORT_GRAPHS_H
#define NG_EXPORT_GRAPHS_H

#include "ng_core.h"
#include "ng_graph.h"
#include "test_rel.h"

#include <stdlib.h>
#include <string.h>

enum { NG_TG_HOSTILE = 0, NG_TG_PLAIN, NG_TG_EMPTY };

/* Labels the tests look for. */
#define TG_QUOTES "Ali \"The Lion\" O'Brien & Sons <Ltd>"
#define TG_BACKSLASH "C:\\Path\\To\\Node\\"
#define TG_NEWLINE "Line one\nLine two"
#define TG_CONTROL                                                                                 \
    "Bell\x07Tab\tEsc\x1b\x7f\xc2\x85"                                                             \
    "End"
#define TG_EMOJI "Flag \xF0\x9F\x87\xB2\xF0\x9F\x87\xB1 Party \xF0\x9F\x8E\x89"
#define TG_ARABIC                                                                                  \
    "\xD8\xAC\xD9\x85\xD9\x87\xD9\x88\xD8\xB1\xD9\x8A\xD8\xA9 \xD9\x85\xD8\xA7\xD9\x84\xD9\x8A"
#define TG_HEBREW "\xD7\x99\xD7\xA9\xD7\xA8\xD7\x90\xD7\x9C"
#define TG_BADUTF8                                                                                 \
    "Bad\xff\xfe"                                                                                  \
    "Bytes\xe2\x82"
#define TG_ENTITIES "&#1; &nbsp; &amp; ]]> -- <!-- x -->"
#define TG_EDGE_LIKE "e0"
#define TG_SENTENCE1 "He said \"hello\" & left <quickly>.\nNext line\\"
#define TG_SENTENCE2                                                                               \
    "Signed\ttab\x01"                                                                              \
    "ctl"
/* The long label: this unit repeated TG_LONG_REPEAT times. */
#define TG_LONG_UNIT                                                                               \
    "\xC3\x9Cn\xC3\xAF"                                                                            \
    "c\xC3\xB6"                                                                                    \
    "d\xC3\xA9\\ "
#define TG_LONG_REPEAT 3000

typedef struct tg_actor {
    const char *key, *label;
    ng_etype type;
    uint32_t mentions;
    const char *aliases;
} tg_actor;

static inline char *tg_repeat(const char *unit, size_t times)
{
    size_t n = strlen(unit);
    char *s = malloc(n * times + 1);
    if (!s) return NULL;
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * n, unit, n);
    s[n * times] = '\0';
    return s;
}

static inline int tg_add_actors(ng_doc *d, const tg_actor *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ng_actor x = {0};
        x.key = (char *)a[i].key;
        x.label = (char *)a[i].label;
        x.type = a[i].type;
        x.mentions = a[i].mentions;
        x.aliases = (char *)a[i].aliases;
        int rc = ng_doc_add_actor(d, &x, NULL);
        if (rc < 0) return rc;
    }
    return NG_OK;
}

static inline int tg_rel(ng_doc *d, uint32_t s, uint32_t t, ng_rel rel, const char *sentence,
                         uint64_t offset, const char *date)
{
    ng_relation r = {0};
    r.source = s;
    r.target = t;
    r.rel = rel;
    r.sentence = (char *)sentence;
    r.offset = offset;
    size_t n = strlen(date);
    memcpy(r.date, date, n < sizeof r.date ? n : sizeof r.date - 1);
    return ng_doc_add_relation(d, &r);
}

static inline int tg_hostile(ng_graph *g)
{
    char *long_label = tg_repeat(TG_LONG_UNIT, TG_LONG_REPEAT);
    char *long_sentence = tg_repeat("\xC3\x89vidence \\ \" & <x> ", 1000);
    ng_doc *d1 = NULL, *d2 = NULL;
    int rc = NG_ENOMEM;
    if (!long_label || !long_sentence) goto cleanup;

    const tg_actor actors[] = {
        {"person:ali the lion", TG_QUOTES, NG_ETYPE_PERSON, 3, "Ali|Ali \"The Lion\"|O'Brien"},
        {"organization:c path", TG_BACKSLASH, NG_ETYPE_ORG, 1, "C:\\Path"},
        {"person:line one", TG_NEWLINE, NG_ETYPE_PERSON, 2, ""},
        {"state:bell", TG_CONTROL, NG_ETYPE_STATE, 1, "Bell\x07"},
        {"organization:flag party", TG_EMOJI, NG_ETYPE_ORG, 1, "\xF0\x9F\x8E\x89"},
        {"state:arabic", TG_ARABIC, NG_ETYPE_STATE, 2, TG_ARABIC},
        {"state:hebrew", TG_HEBREW, NG_ETYPE_STATE, 1, ""},
        {"organization:node", "node", NG_ETYPE_ORG, 1, "node"},
        {"organization:edge", "Edge", NG_ETYPE_ORG, 1, ""},
        {"organization:graph", "GRAPH", NG_ETYPE_ORG, 1, ""},
        {"organization:subgraph", "subgraph", NG_ETYPE_ORG, 1, ""},
        {"organization:strict", "strict", NG_ETYPE_ORG, 1, ""},
        {"organization:digraph", "digraph", NG_ETYPE_ORG, 1, ""},
        {"person:long", long_label, NG_ETYPE_PERSON, 1, ""},
        {"place:bad bytes", TG_BADUTF8, NG_ETYPE_PLACE, 1, ""},
        {"organization:entities", TG_ENTITIES, NG_ETYPE_ORG, 1, ""},
        {"person:e0", TG_EDGE_LIKE, NG_ETYPE_PERSON, 1, ""},
    };
    if ((rc = ng_doc_new(&d1, "wire/one", "wire/one.txt")) < 0) goto cleanup;
    /* No article date: relations without their own date stay undated. */
    if ((rc = tg_add_actors(d1, actors, sizeof actors / sizeof actors[0])) < 0) goto cleanup;
    if ((rc = tg_rel(d1, 0, 7, ng_test_rel("met"), TG_SENTENCE1, 10, "2024-03-05")) < 0 ||
        (rc = tg_rel(d1, 0, 7, ng_test_rel("signed"), TG_SENTENCE2, 90, "2024-03-05")) < 0 ||
        (rc = tg_rel(d1, 1, 2, ng_test_rel("condemned"), long_sentence, 200, "2024-03-05")) < 0 ||
        (rc = tg_rel(d1, 3, 4, ng_test_rel("withdrew"), "Withdrew from \xF0\x9F\x8E\x89.", 300, "")) < 0 ||
        (rc = tg_rel(d1, 5, 8, ng_test_rel("member_of"), TG_ARABIC " " TG_HEBREW, 400, "")) < 0 ||
        (rc = tg_rel(d1, 13, 9, ng_test_rel("affiliated_with"), "Long one works for GRAPH.", 500, "")) <
            0 ||
        (rc = tg_rel(d1, 6, 10, ng_test_rel("cut_ties"), "Cut ties\r\nwith subgraph.", 600, "")) < 0 ||
        (rc = tg_rel(d1, 11, 12, ng_test_rel("met"), "strict met digraph", 700, "")) < 0 ||
        (rc = tg_rel(d1, 14, 15, ng_test_rel("met"), TG_BADUTF8 " met " TG_ENTITIES, 800, "")) < 0 ||
        (rc = tg_rel(d1, 16, 7, ng_test_rel("member_of"), "e0 is in node.", 900, "")) < 0)
        goto cleanup;
    if ((rc = ng_graph_add_doc(g, d1)) < 0) goto cleanup;

    /* A second article repeats two relations later on: weights 2, two dates, two sources. */
    if ((rc = ng_doc_new(&d2, "wire/two & \"more\"", "wire/two.txt")) < 0) goto cleanup;
    memcpy(d2->date, "2024-04-01", 11);
    if ((rc = tg_add_actors(d2, actors, 3)) < 0) goto cleanup;
    if ((rc = ng_doc_add_actor(d2,
                               &(ng_actor){.key = "organization:node",
                                           .label = "node",
                                           .type = NG_ETYPE_ORG,
                                           .mentions = 1,
                                           .aliases = "node"},
                               NULL)) < 0)
        goto cleanup;
    if ((rc = tg_rel(d2, 3, 0, ng_test_rel("met"), "Node met Ali again.", 5, "2024-04-01")) < 0 ||
        (rc = tg_rel(d2, 1, 2, ng_test_rel("condemned"), "C condemned Line again.", 50, "2024-05-10")) < 0)
        goto cleanup;
    if ((rc = ng_graph_add_doc(g, d2)) < 0) goto cleanup;
    if ((rc = ng_graph_finish(g)) < 0) goto cleanup;
    rc = ng_graph_compute_metrics(g);

cleanup:
    ng_doc_free(d1);
    ng_doc_free(d2);
    free(long_label);
    free(long_sentence);
    return rc;
}

static inline int tg_plain(ng_graph *g)
{
    ng_doc *d = NULL;
    int rc;
    const tg_actor actors[] = {
        {"state:ruritania", "Ruritania", NG_ETYPE_STATE, 4, "Ruritania|Ruritanian"},
        {"organization:league of bees", "League of Bees", NG_ETYPE_ORG, 2, "League of Bees|LoB"},
        {"person:ada quill", "Ada Quill", NG_ETYPE_PERSON, 1, "Ada Quill|Quill"},
    };
    if ((rc = ng_doc_new(&d, "plain", "plain.txt")) < 0) goto cleanup;
    if ((rc = tg_add_actors(d, actors, 3)) < 0) goto cleanup;
    if ((rc = tg_rel(d, 0, 1, ng_test_rel("withdrew"), "Ruritania withdrew from the League of Bees.", 0,
                     "")) < 0 ||
        (rc = tg_rel(d, 2, 0, ng_test_rel("affiliated_with"), "Ruritanian envoy Ada Quill spoke.", 44,
                     "")) < 0)
        goto cleanup;
    if ((rc = ng_graph_add_doc(g, d)) < 0) goto cleanup;
    rc = ng_graph_finish(g);

cleanup:
    ng_doc_free(d);
    return rc;
}

static inline int ng_test_export_graph(ng_graph **out, int variant)
{
    ng_graph *g = NULL;
    int rc;
    *out = NULL;
    if ((rc = ng_graph_new(&g)) < 0) return rc;
    if (variant == NG_TG_HOSTILE)
        rc = tg_hostile(g);
    else if (variant == NG_TG_PLAIN)
        rc = tg_plain(g);
    else
        rc = ng_graph_finish(g);
    if (rc < 0) {
        ng_graph_free(g);
        return rc;
    }
    *out = g;
    return NG_OK;
}

/* The node whose label is `label`, or NULL. */
static inline const ng_node *tg_find_node(const ng_graph *g, const char *label)
{
    for (size_t i = 0; i < ng_graph_node_count(g); i++)
        if (strcmp(ng_graph_node(g, i)->label, label) == 0) return ng_graph_node(g, i);
    return NULL;
}

#endif
