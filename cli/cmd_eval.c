/* cmd_eval.c - `newsgraph eval GOLD_DIR GRAPH.graphml [--show]`: scores a graph against a gold
 * standard (entities.tsv, relations.tsv; read and checked by eval_gold.c), by the rules of the
 * project's reference scorer: a node matches a gold entity when its normalized label equals
 * the entity's name or an alias; relations count once per (subject entity, relation, object
 * entity); recall is a maximum bipartite matching of predicted edges to required gold rows, so
 * one coarse edge cannot stand for several person-level facts. Only relations that the gold
 * uses are scored. Every step is linear (hashes, a sorted index) but the matching, which is
 * Kuhn's augmenting paths, as the reference scorer's, in the same order. */
#include "eval.h"
#include "ng_graph.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The distinct predicted edges, keyed (subject key, relation, object key), in a hash set. */
typedef struct pred_set {
    int *keys;    /* 3 ints per predicted edge */
    size_t n;
    int *slots;   /* open addressing: index + 1 into keys, 0 = empty */
    size_t cap;   /* a power of two, at least twice the edges */
} pred_set;

static size_t triple_hash(const int *k)
{
    return (size_t)ng_hash(k, 3 * sizeof *k);
}

/* Adds the triple unless present; 1 when it was added. */
static int pred_add(pred_set *ps, const int *k)
{
    size_t i = triple_hash(k) & (ps->cap - 1);
    for (; ps->slots[i]; i = (i + 1) & (ps->cap - 1))
        if (memcmp(&ps->keys[3 * (ps->slots[i] - 1)], k, 3 * sizeof *k) == 0) return 0;
    memcpy(&ps->keys[3 * ps->n], k, 3 * sizeof *k);
    ps->slots[i] = (int)++ps->n;
    return 1;
}

static int contains(const int *set, size_t n, int x)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == x) return 1;
    return 0;
}

/* Kuhn's augmenting path for the recall matching: predicted edge p takes a gold row. The
 * search is the reference scorer's recursive one, made iterative (a path may be as long as
 * there are edges) and with a visit stamp per row instead of clearing a visited set. */
typedef struct matching {
    int **cands;
    size_t *n_cands;
    int *owner;    /* gold row -> predicted edge, -1 */
    unsigned *seen; /* gold row -> the stamp of the last search that visited it */
    struct frame { int p; size_t k; } *stack;
} matching;

static int augment(matching *m, int root, unsigned stamp)
{
    size_t depth = 1;
    m->stack[0] = (struct frame){root, 0};
    while (depth) {
        struct frame *f = &m->stack[depth - 1];
        if (f->k == m->n_cands[f->p]) {
            depth--;
            continue;
        }
        int i = m->cands[f->p][f->k++];
        if (m->seen[i] == stamp) continue;
        m->seen[i] = stamp;
        if (m->owner[i] >= 0) {
            m->stack[depth++] = (struct frame){m->owner[i], 0};
            continue;
        }
        for (size_t d = depth; d-- > 0;) /* each frame takes the row it last tried */
            m->owner[m->cands[m->stack[d].p][m->stack[d].k - 1]] = m->stack[d].p;
        return 1;
    }
    return 0;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

/* Rows where `s` is a subject and `o` an object: the shorter of the two index lists, the
 * other side checked in the row (a star, one entity in a million rows, stays linear). */
static int rows_between(const gold *g, ng_rel rel, int s, int o, int **c, size_t *n, size_t *cap,
                        int *any)
{
    size_t ns, no;
    const gold_slot *by_s = gold_rows(g, GOLD_SUBJECT, rel, s, &ns);
    const gold_slot *by_o = gold_rows(g, GOLD_OBJECT, rel, o, &no);
    const gold_slot *rows = ns <= no ? by_s : by_o;
    for (size_t k = 0, m = ns <= no ? ns : no; k < m; k++) {
        const gold_rel *r = &g->rels[rows[k].row];
        if (ns <= no ? !contains(r->obj, r->n_obj, o) : !contains(r->subj, r->n_subj, s)) continue;
        *any = 1;
        if (!r->required) continue;
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 4;
            int *p = realloc(*c, *cap * sizeof *p);
            if (!p) return NG_ENOMEM;
            *c = p;
        }
        (*c)[(*n)++] = (int)rows[k].row;
    }
    return NG_OK;
}

/* The required gold rows predicted edge (se, rel, te) can stand for, ascending and once
 * each (as one pass over the rows gives them), in *out; *any when some row, required or
 * not, matches the edge. */
static int candidates(const gold *g, int se, ng_rel rel, int te, int **out, size_t *n_out, int *any)
{
    size_t n = 0, cap = 0;
    int *c = NULL;
    *any = 0;
    if (rows_between(g, rel, se, te, &c, &n, &cap, any) < 0 ||
        (ng_rel_symmetric(rel) && rows_between(g, rel, te, se, &c, &n, &cap, any) < 0)) {
        free(c);
        return NG_ENOMEM;
    }
    if (n > 1) qsort(c, n, sizeof *c, cmp_int);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || c[u - 1] != c[i]) c[u++] = c[i];
    *out = c;
    *n_out = u;
    return NG_OK;
}

static double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

/* One line of the --show listing: names come from the graph, which another tool may have
 * written, so control characters are escaped as in messages (ng_text_printable). */
static void show_line(ng_buf *shown, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void show_line(ng_buf *shown, const char *fmt, ...)
{
    char raw[NG_ERROR_MAX], line[NG_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    ng_text_printable(line, sizeof line, raw, (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1,
                      (size_t)n >= sizeof raw);
    ng_buf_puts(shown, line);
    ng_buf_putc(shown, '\n');
}

typedef struct scores {
    size_t ent_tp, ent_fp, ent_req, dups, type_ok, type_total;
    size_t rel_tp_pred, rel_fp, req_hit, req_total;
} scores;

/* Entities: each node matched to the gold entity its label names; node_ent[i] gets it. */
static int score_entities(scores *sc, ng_buf *shown, int *node_ent, const gold *g,
                          const ng_graph *graph)
{
    size_t nn = ng_graph_node_count(graph);
    int *matched_by = malloc((g->n_ents ? g->n_ents : 1) * sizeof *matched_by);
    if (!matched_by) return NG_ENOMEM;
    for (size_t i = 0; i < g->n_ents; i++) matched_by[i] = -1;
    for (size_t i = 0; i < nn; i++) {
        const ng_node *nd = ng_graph_node(graph, i);
        int e = gold_entity_of(g, nd->label && *nd->label ? nd->label : nd->id);
        node_ent[i] = e;
        if (e < 0) {
            sc->ent_fp++;
            show_line(shown, "extra node: %s", nd->label);
        } else if (matched_by[e] >= 0) {
            sc->dups++;
            show_line(shown, "duplicate node: %s (also %s, both %s)", nd->label,
                      ng_graph_node(graph, (size_t)matched_by[e])->label, g->ents[e].name);
        } else {
            matched_by[e] = (int)i;
            if (g->ents[e].required) {
                sc->type_total++;
                sc->type_ok += nd->type == g->ents[e].type;
            }
        }
    }
    for (size_t e = 0; e < g->n_ents; e++) {
        if (!g->ents[e].required) continue;
        sc->ent_req++;
        if (matched_by[e] >= 0) sc->ent_tp++;
        else show_line(shown, "missed entity: %s", g->ents[e].name);
    }
    free(matched_by);
    return NG_OK;
}

/* Relations: distinct (subject, relation, object) keys among the relations the gold uses;
 * each gets its candidate required rows in m. */
static int predict_relations(scores *sc, ng_buf *shown, matching *m, size_t *n_pred,
                             const gold *g, const ng_graph *graph, const int *node_ent)
{
    size_t ne = ng_graph_edge_count(graph);
    int used[NG_REL_MAX] = {0};
    pred_set ps = {NULL, 0, NULL, 16};
    int error = NG_ENOMEM;
    for (size_t i = 0; i < g->n_rels; i++) used[g->rels[i].rel] = 1;
    while (ps.cap < 2 * ne) ps.cap *= 2;
    if (!(ps.keys = malloc((ne ? ne : 1) * 3 * sizeof *ps.keys)) ||
        !(ps.slots = calloc(ps.cap, sizeof *ps.slots)))
        goto cleanup;
    for (size_t k = 0; k < ne; k++) {
        const ng_edge *ed = ng_graph_edge(graph, k);
        if (!used[ed->rel]) continue;
        int se = node_ent[ed->source], te = node_ent[ed->target], any = 0;
        /* unmatched endpoints are keyed by node index, offset past the entities */
        int key[3] = {se >= 0 ? se : (int)(g->n_ents + ed->source), (int)ed->rel,
                      te >= 0 ? te : (int)(g->n_ents + ed->target)};
        if (!pred_add(&ps, key)) continue; /* parallel edges of one relation count once */
        size_t p = ps.n - 1;
        if (se >= 0 && te >= 0 && candidates(g, se, ed->rel, te, &m->cands[p], &m->n_cands[p], &any) < 0)
            goto cleanup;
        if (any) {
            sc->rel_tp_pred++;
        } else {
            sc->rel_fp++;
            show_line(shown, "wrong relation: %s %s %s", ng_graph_node(graph, ed->source)->label,
                      ng_rel_name(ed->rel), ng_graph_node(graph, ed->target)->label);
        }
    }
    *n_pred = ps.n;
    error = NG_OK;
cleanup:
    free(ps.keys);
    free(ps.slots);
    return error;
}

/* Recall: the maximum matching of predicted edges to required rows. */
static void match_relations(scores *sc, ng_buf *shown, matching *m, size_t n_pred, const gold *g)
{
    for (size_t i = 0; i < g->n_rels; i++) {
        m->owner[i] = -1;
        m->seen[i] = 0;
    }
    for (size_t p = 0; p < n_pred; p++) augment(m, (int)p, (unsigned)p + 1);
    for (size_t i = 0; i < g->n_rels; i++) {
        if (!g->rels[i].required) continue;
        sc->req_total++;
        if (m->owner[i] >= 0) sc->req_hit++;
        else show_line(shown, "missed relation: %s", g->rels[i].text);
    }
}

static void print_scores(const scores *sc, const ng_graph *graph, const ng_buf *shown, int show)
{
    double ep = ratio((double)sc->ent_tp, (double)(sc->ent_tp + sc->ent_fp + sc->dups));
    double er = ratio((double)sc->ent_tp, (double)sc->ent_req);
    double rp = ratio((double)sc->rel_tp_pred, (double)(sc->rel_tp_pred + sc->rel_fp));
    double rr = ratio((double)sc->req_hit, (double)sc->req_total);
    double ta = ratio((double)sc->type_ok, (double)sc->type_total);
    printf("graph: %zu nodes, %zu edges\n", ng_graph_node_count(graph), ng_graph_edge_count(graph));
    printf("entities : P=%.3f R=%.3f F1=%.3f duplicates=%zu type-accuracy=%.3f\n", ep, er,
           f1(ep, er), sc->dups, ta);
    printf("relations: P=%.3f R=%.3f F1=%.3f\n", rp, rr, f1(rp, rr));
    if (show && shown->ptr) fputs(shown->ptr, stdout);
    printf("summary: entity-F1=%.3f relation-F1=%.3f relation-P=%.3f relation-R=%.3f "
           "duplicates=%zu type-accuracy=%.3f\n",
           f1(ep, er), f1(rp, rr), rp, rr, sc->dups, ta);
}

static int score(const gold *g, const ng_graph *graph, int show)
{
    size_t nn = ng_graph_node_count(graph), ne = ng_graph_edge_count(graph), n_pred = 0;
    scores sc;
    ng_buf shown = NG_BUF_INIT;
    matching m = {0};
    int *node_ent = malloc((nn ? nn : 1) * sizeof *node_ent), error = NG_ENOMEM;
    memset(&sc, 0, sizeof sc);
    m.cands = calloc(ne ? ne : 1, sizeof *m.cands);
    m.n_cands = calloc(ne ? ne : 1, sizeof *m.n_cands);
    m.owner = malloc((g->n_rels ? g->n_rels : 1) * sizeof *m.owner);
    m.seen = malloc((g->n_rels ? g->n_rels : 1) * sizeof *m.seen);
    m.stack = malloc((ne ? ne : 1) * sizeof *m.stack);
    if (!node_ent || !m.cands || !m.n_cands || !m.owner || !m.seen || !m.stack) goto cleanup;
    if ((error = score_entities(&sc, &shown, node_ent, g, graph)) < 0 ||
        (error = predict_relations(&sc, &shown, &m, &n_pred, g, graph, node_ent)) < 0)
        goto cleanup;
    match_relations(&sc, &shown, &m, n_pred, g);
    error = shown.oom ? NG_ENOMEM : NG_OK;
    if (!error) print_scores(&sc, graph, &shown, show);
cleanup:
    for (size_t p = 0; m.cands && p < ne; p++) free(m.cands[p]);
    free(m.cands);
    free(m.n_cands);
    free(m.owner);
    free(m.seen);
    free(m.stack);
    free(node_ent);
    ng_buf_free(&shown);
    return error;
}

int cmd_eval(int argc, char **argv)
{
    int rc = NG_EXIT_USAGE, want_help = 0, show = 0;
    cli_list args = {0};
    gold g;
    ng_graph *graph = NULL;
    const cli_opt opts[] = {
        {0, "show", OPT_FLAG, &show, NULL, "list every miss and every false positive"},
        {0, NULL, OPT_FLAG, NULL, NULL, NULL},
    };

    memset(&g, 0, sizeof g);
    if ((rc = cli_parse(argc, argv, opts, &args, &want_help)) != 0) goto cleanup;
    if (want_help) {
        printf("usage: newsgraph eval GOLD_DIR GRAPH.graphml [--show]\n\n"
               "Scores a graph against a gold standard: GOLD_DIR holds entities.tsv (name, type,\n"
               "aliases, status) and relations.tsv (subject, relation, object, status, evidence),\n"
               "as in fixtures/gold/. Prints precision, recall and F1 for entities and relations,\n"
               "then a one-line summary. A malformed gold row (a column too many or too few, an\n"
               "unknown type, relation or status) is refused with its FILE:LINE (exit 2).\n\n"
               "Options:\n");
        cli_print_options(stdout, opts);
        rc = NG_EXIT_OK;
        goto cleanup;
    }
    rc = NG_EXIT_USAGE;
    if (args.n != 2) {
        cli_error("eval: give GOLD_DIR and GRAPH.graphml (see newsgraph eval --help)");
        goto cleanup;
    }
    rc = NG_EXIT_FAILED;
    /* the graph first: the relation types it declares are then known to the gold's rows */
    if (ng_graph_read_graphml(&graph, args.items[1]) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if ((rc = gold_read(&g, args.items[0])) != NG_EXIT_OK) goto cleanup;
    rc = NG_EXIT_FAILED;
    if (score(&g, graph, show) < 0) {
        cli_error("out of memory");
        goto cleanup;
    }
    rc = NG_EXIT_OK;
cleanup:
    ng_graph_free(graph);
    gold_free(&g);
    cli_list_free(&args);
    return rc;
}
