/* cmd_eval.c - `newsgraph eval GOLD_DIR GRAPH.graphml [--show]`: scores a graph against a gold
 * standard (entities.tsv, relations.tsv), by the rules of the project's reference scorer:
 * a node matches a gold entity when its normalized label equals the entity's name or an alias;
 * relations count once per (subject entity, relation, object entity); recall is a maximum
 * bipartite matching of predicted edges to required gold rows, so one coarse edge cannot stand
 * for several person-level facts. Only relations that the gold uses are scored. */
#include "cmd.h"
#include "ng_graph.h"

#include <stdlib.h>
#include <string.h>

typedef struct gold_entity {
    char *name;
    char *type;
    int required;
} gold_entity;

typedef struct alias_entry {
    char *norm;
    int entity;
} alias_entry;

typedef struct gold_rel {
    int *subj, *obj;
    size_t n_subj, n_obj;
    ng_rel rel;
    int required;
    char *text; /* "subj relation obj" as written, for --show */
} gold_rel;

typedef struct gold {
    gold_entity *ents;
    size_t n_ents;
    alias_entry *aliases;
    size_t n_aliases;
    gold_rel *rels;
    size_t n_rels;
} gold;

/* Normalizes a name as the reference scorer does: accents, case, apostrophes, dashes, white
 * space, surrounding punctuation, a leading "the". Caller frees. */
static char *norm(const char *s)
{
    ng_buf b = NG_BUF_INIT;
    ng_text_fold(&b, s, strlen(s));
    char *p = ng_buf_detach(&b);
    if (!p) return NULL;
    size_t n = strlen(p), start = 0;
    while (start < n && strchr(" .,;:\"'()[]", p[start])) start++;
    while (n > start && strchr(" .,;:\"'()[]", p[n - 1])) n--;
    p[n] = '\0';
    if (n - start >= 4 && strncmp(p + start, "the ", 4) == 0) start += 4;
    memmove(p, p + start, n - start + 1);
    return p;
}

static int cmp_alias(const void *a, const void *b)
{
    return strcmp(((const alias_entry *)a)->norm, ((const alias_entry *)b)->norm);
}

static int find_entity_by_norm(const gold *g, const char *n)
{
    alias_entry key = {(char *)n, 0};
    alias_entry *e = bsearch(&key, g->aliases, g->n_aliases, sizeof key, cmp_alias);
    return e ? e->entity : -1;
}

static int find_entity_by_name(const gold *g, const char *name)
{
    for (size_t i = 0; i < g->n_ents; i++)
        if (strcmp(g->ents[i].name, name) == 0) return (int)i;
    return -1;
}

/* Splits a TSV line in place into at most `max` cells. */
static size_t split(char *line, char sep, char **cells, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        cells[n++] = p;
        char *t = strchr(p, sep);
        if (!t) break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

/* Reads a gold TSV: skips comments and blank lines, checks the header, calls row() per line. */
static int read_tsv(const char *path, const char *const *header, size_t n_header,
                    int (*row)(gold *, char **, size_t, const char *, int), gold *g)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        cli_error("%s: cannot read the gold file", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, seen_header = 0, rc = 0;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len == 0 || line[0] == '#') continue;
        char *cells[16];
        size_t n = split(line, '\t', cells, 16);
        if (!seen_header) {
            seen_header = 1;
            for (size_t i = 0; i < n_header; i++) {
                if (i >= n || strcmp(cells[i], header[i]) != 0) {
                    cli_error("%s:%d: the header must start with the columns %s, %s, ...", path,
                              lineno, header[0], header[1]);
                    rc = -1;
                    goto done;
                }
            }
            continue;
        }
        for (size_t i = n; i < n_header; i++) cells[i] = "";
        if (row(g, cells, n < n_header ? n_header : n, path, lineno) < 0) {
            rc = -1;
            goto done;
        }
    }
done:
    free(line);
    fclose(fp);
    return rc;
}

static int add_alias(gold *g, const char *name, int ent, const char *path, int lineno)
{
    char *n = norm(name);
    if (!n) return -1;
    for (size_t i = 0; i < g->n_aliases; i++) {
        if (strcmp(g->aliases[i].norm, n) == 0) {
            if (g->aliases[i].entity != ent) {
                cli_error("%s:%d: alias '%s' names two entities", path, lineno, name);
                free(n);
                return -1;
            }
            free(n);
            return 0;
        }
    }
    alias_entry *p = realloc(g->aliases, (g->n_aliases + 1) * sizeof *p);
    if (!p) {
        free(n);
        return -1;
    }
    g->aliases = p;
    g->aliases[g->n_aliases++] = (alias_entry){n, ent};
    return 0;
}

static int entity_row(gold *g, char **c, size_t n, const char *path, int lineno)
{
    (void)n;
    gold_entity *p = realloc(g->ents, (g->n_ents + 1) * sizeof *p);
    if (!p) return -1;
    g->ents = p;
    int idx = (int)g->n_ents++;
    g->ents[idx] = (gold_entity){strdup(c[0]), strdup(c[1]), strcmp(c[3], "required") == 0};
    if (add_alias(g, c[0], idx, path, lineno) < 0) return -1;
    char *save = NULL;
    for (char *a = strtok_r(c[2], "|", &save); a; a = strtok_r(NULL, "|", &save))
        if (*a && add_alias(g, a, idx, path, lineno) < 0) return -1;
    return 0;
}

static int parse_names(gold *g, char *field, int **out, size_t *n_out, const char *path,
                       int lineno)
{
    char *save = NULL;
    for (char *a = strtok_r(field, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
        int e = find_entity_by_name(g, a);
        if (e < 0) {
            cli_error("%s:%d: relation names unknown entity '%s'", path, lineno, a);
            return -1;
        }
        int *p = realloc(*out, (*n_out + 1) * sizeof *p);
        if (!p) return -1;
        *out = p;
        (*out)[(*n_out)++] = e;
    }
    return 0;
}

static int relation_row(gold *g, char **c, size_t n, const char *path, int lineno)
{
    (void)n;
    ng_rel rel;
    char text[1024];
    if (ng_rel_parse(&rel, c[1]) < 0) return 0; /* relations newsgraph does not know */
    snprintf(text, sizeof text, "%s %s %s", c[0], c[1], c[2]);
    gold_rel *p = realloc(g->rels, (g->n_rels + 1) * sizeof *p);
    if (!p) return -1;
    g->rels = p;
    gold_rel *r = &g->rels[g->n_rels++];
    memset(r, 0, sizeof *r);
    r->rel = rel;
    r->required = strcmp(c[3], "required") == 0;
    r->text = strdup(text);
    if (parse_names(g, c[0], &r->subj, &r->n_subj, path, lineno) < 0) return -1;
    if (parse_names(g, c[2], &r->obj, &r->n_obj, path, lineno) < 0) return -1;
    return 0;
}

static void gold_free(gold *g)
{
    for (size_t i = 0; i < g->n_ents; i++) {
        free(g->ents[i].name);
        free(g->ents[i].type);
    }
    for (size_t i = 0; i < g->n_aliases; i++) free(g->aliases[i].norm);
    for (size_t i = 0; i < g->n_rels; i++) {
        free(g->rels[i].subj);
        free(g->rels[i].obj);
        free(g->rels[i].text);
    }
    free(g->ents);
    free(g->aliases);
    free(g->rels);
}

static int contains(const int *set, size_t n, int x)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == x) return 1;
    return 0;
}

/* Kuhn's augmenting path for the recall matching: predicted edge p takes a gold row. */
typedef struct matching {
    int **cands;
    size_t *n_cands;
    int *owner;    /* gold row -> predicted edge, -1 */
    char *visited; /* per gold row */
} matching;

static int augment(matching *m, int p)
{
    for (size_t k = 0; k < m->n_cands[p]; k++) {
        int i = m->cands[p][k];
        if (m->visited[i]) continue;
        m->visited[i] = 1;
        if (m->owner[i] < 0 || augment(m, m->owner[i])) {
            m->owner[i] = p;
            return 1;
        }
    }
    return 0;
}

static double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

int cmd_eval(int argc, char **argv)
{
    int rc = NG_EXIT_USAGE, want_help = 0, show = 0;
    cli_list args = {0};
    gold g = {0};
    ng_graph *graph = NULL;
    int *node_ent = NULL, *edge_key = NULL;
    matching m = {0};
    size_t n_pred = 0;
    const cli_opt opts[] = {
        {0, "show", OPT_FLAG, &show, NULL, "list every miss and every false positive"},
        {0, NULL, OPT_FLAG, NULL, NULL, NULL},
    };
    static const char *const ent_header[] = {"name", "type", "aliases", "status"};
    static const char *const rel_header[] = {"subject", "relation", "object", "status"};

    if ((rc = cli_parse(argc, argv, opts, &args, &want_help)) != 0) goto cleanup;
    if (want_help) {
        printf("usage: newsgraph eval GOLD_DIR GRAPH.graphml [--show]\n\n"
               "Scores a graph against a gold standard: GOLD_DIR holds entities.tsv (name, type,\n"
               "aliases, status) and relations.tsv (subject, relation, object, status, evidence),\n"
               "as in fixtures/gold/. Prints precision, recall and F1 for entities and relations,\n"
               "then a one-line summary.\n\nOptions:\n");
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
    char path[4096];
    snprintf(path, sizeof path, "%s/entities.tsv", args.items[0]);
    if (read_tsv(path, ent_header, 4, entity_row, &g) < 0) goto cleanup;
    qsort(g.aliases, g.n_aliases, sizeof *g.aliases, cmp_alias);
    snprintf(path, sizeof path, "%s/relations.tsv", args.items[0]);
    if (read_tsv(path, rel_header, 4, relation_row, &g) < 0) goto cleanup;

    /* Entities. */
    size_t nn = ng_graph_node_count(graph), ne = ng_graph_edge_count(graph);
    int *matched_by = malloc(g.n_ents * sizeof *matched_by);
    node_ent = malloc((nn ? nn : 1) * sizeof *node_ent);
    if (!matched_by || !node_ent) {
        free(matched_by);
        cli_error("out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < g.n_ents; i++) matched_by[i] = -1;
    size_t ent_fp = 0, dups = 0, type_ok = 0, type_total = 0, ent_tp = 0, ent_req = 0;
    ng_buf shown = NG_BUF_INIT;
    for (size_t i = 0; i < nn; i++) {
        const ng_node *nd = ng_graph_node(graph, i);
        char *n = norm(nd->label && *nd->label ? nd->label : nd->id);
        int e = n ? find_entity_by_norm(&g, n) : -1;
        free(n);
        node_ent[i] = e;
        if (e < 0) {
            ent_fp++;
            ng_buf_printf(&shown, "extra node: %s\n", nd->label);
        } else if (matched_by[e] >= 0) {
            dups++;
            ng_buf_printf(&shown, "duplicate node: %s (also %s, both %s)\n", nd->label,
                          ng_graph_node(graph, (size_t)matched_by[e])->label, g.ents[e].name);
        } else {
            matched_by[e] = (int)i;
            if (g.ents[e].required) {
                type_total++;
                type_ok += strcmp(ng_etype_name(nd->type), g.ents[e].type) == 0;
            }
        }
    }
    for (size_t e = 0; e < g.n_ents; e++) {
        if (!g.ents[e].required) continue;
        ent_req++;
        if (matched_by[e] >= 0) ent_tp++;
        else ng_buf_printf(&shown, "missed entity: %s\n", g.ents[e].name);
    }
    free(matched_by);
    double ep = ratio((double)ent_tp, (double)(ent_tp + ent_fp + dups));
    double er = ratio((double)ent_tp, (double)ent_req);

    /* Relations: distinct (subject, relation, object) keys among the relations the gold uses. */
    int used[NG_REL_MAX] = {0};
    for (size_t i = 0; i < g.n_rels; i++) used[g.rels[i].rel] = 1;
    m.cands = calloc(ne ? ne : 1, sizeof *m.cands);
    m.n_cands = calloc(ne ? ne : 1, sizeof *m.n_cands);
    m.owner = malloc((g.n_rels ? g.n_rels : 1) * sizeof *m.owner);
    m.visited = malloc(g.n_rels ? g.n_rels : 1);
    edge_key = malloc((ne ? ne : 1) * 3 * sizeof *edge_key);
    if (!m.cands || !m.n_cands || !m.owner || !m.visited || !edge_key) {
        cli_error("out of memory");
        ng_buf_free(&shown);
        goto cleanup;
    }
    size_t tp_pred = 0, rel_fp = 0;
    for (size_t k = 0; k < ne; k++) {
        const ng_edge *ed = ng_graph_edge(graph, k);
        if (!used[ed->rel]) continue;
        int se = node_ent[ed->source], te = node_ent[ed->target];
        /* unmatched endpoints are keyed by node index, offset past the entities */
        int ks = se >= 0 ? se : (int)(g.n_ents + ed->source);
        int kt = te >= 0 ? te : (int)(g.n_ents + ed->target);
        int dup = 0;
        for (size_t q = 0; q < n_pred && !dup; q++)
            dup = edge_key[3 * q] == ks && edge_key[3 * q + 1] == (int)ed->rel &&
                  edge_key[3 * q + 2] == kt;
        if (dup) continue;
        size_t p = n_pred++;
        edge_key[3 * p] = ks;
        edge_key[3 * p + 1] = (int)ed->rel;
        edge_key[3 * p + 2] = kt;
        int ok = 0;
        for (size_t i = 0; i < g.n_rels; i++) {
            const gold_rel *r = &g.rels[i];
            if (r->rel != ed->rel || se < 0 || te < 0) continue;
            int fwd = contains(r->subj, r->n_subj, se) && contains(r->obj, r->n_obj, te);
            int back = ng_rel_symmetric(ed->rel) && contains(r->obj, r->n_obj, se) &&
                       contains(r->subj, r->n_subj, te);
            if (!fwd && !back) continue;
            ok = 1;
            if (r->required) {
                int *c = realloc(m.cands[p], (m.n_cands[p] + 1) * sizeof *c);
                if (!c) continue;
                m.cands[p] = c;
                c[m.n_cands[p]++] = (int)i;
            }
        }
        if (ok) {
            tp_pred++;
        } else {
            rel_fp++;
            ng_buf_printf(&shown, "wrong relation: %s %s %s\n",
                          ng_graph_node(graph, ed->source)->label, ng_rel_name(ed->rel),
                          ng_graph_node(graph, ed->target)->label);
        }
    }
    for (size_t i = 0; i < g.n_rels; i++) m.owner[i] = -1;
    for (size_t p = 0; p < n_pred; p++) {
        memset(m.visited, 0, g.n_rels ? g.n_rels : 1);
        augment(&m, (int)p);
    }
    size_t req_total = 0, req_hit = 0;
    for (size_t i = 0; i < g.n_rels; i++) {
        if (!g.rels[i].required) continue;
        req_total++;
        if (m.owner[i] >= 0) req_hit++;
        else ng_buf_printf(&shown, "missed relation: %s\n", g.rels[i].text);
    }
    double rp = ratio((double)tp_pred, (double)(tp_pred + rel_fp));
    double rr = ratio((double)req_hit, (double)req_total);
    printf("graph: %zu nodes, %zu edges\n", nn, ne);
    printf("entities : P=%.3f R=%.3f F1=%.3f duplicates=%zu type-accuracy=%.3f\n", ep, er,
           f1(ep, er), dups, ratio((double)type_ok, (double)type_total));
    printf("relations: P=%.3f R=%.3f F1=%.3f\n", rp, rr, f1(rp, rr));
    if (show && shown.ptr) fputs(shown.ptr, stdout);
    printf("summary: entity-F1=%.3f relation-F1=%.3f relation-P=%.3f relation-R=%.3f "
           "duplicates=%zu type-accuracy=%.3f\n",
           f1(ep, er), f1(rp, rr), rp, rr, dups, ratio((double)type_ok, (double)type_total));
    ng_buf_free(&shown);
    rc = NG_EXIT_OK;
cleanup:
    if (m.cands)
        for (size_t p = 0; p < (ng_graph_edge_count(graph)); p++) free(m.cands[p]);
    free(m.cands);
    free(m.n_cands);
    free(m.owner);
    free(m.visited);
    free(edge_key);
    free(node_ent);
    ng_graph_free(graph);
    gold_free(&g);
    cli_list_free(&args);
    return rc;
}
