/* cmd_metrics.c - `newsgraph metrics GRAPH.graphml`: reads a graph back, recomputes its
 * centralities and communities with igraph and prints the actors ranked by one metric, as an
 * aligned table (80 columns), CSV (RFC 4180 quoting) or a Markdown table. */
#include "cmd.h"
#include "metrics_run.h"
#include "ng_export.h"
#include "ng_graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum { FMT_TABLE, FMT_CSV, FMT_MD } out_format;

/* The metrics a ranking can use, in column order. */
typedef enum {
    M_DEGREE, M_IN, M_OUT, M_STRENGTH, M_BETWEENNESS, M_CLOSENESS, M_HARMONIC, M_PAGERANK,
    M_EIGENVECTOR, M_COMMUNITY, M_MENTIONS, M__COUNT
} metric;

static const char *const metric_names[M__COUNT] = {
    "degree", "in_degree", "out_degree", "strength", "betweenness", "closeness",
    "harmonic", "pagerank", "eigenvector", "community", "mentions"};

static double metric_value(const ng_node *n, metric m)
{
    switch (m) {
    case M_DEGREE: return n->m.degree;
    case M_IN: return n->m.in_degree;
    case M_OUT: return n->m.out_degree;
    case M_STRENGTH: return n->m.strength;
    case M_BETWEENNESS: return n->m.betweenness;
    case M_CLOSENESS: return n->m.closeness;
    case M_HARMONIC: return n->m.harmonic;
    case M_PAGERANK: return n->m.pagerank;
    case M_EIGENVECTOR: return n->m.eigenvector;
    case M_COMMUNITY: return (double)n->m.community;
    case M_MENTIONS: return (double)n->mentions;
    case M__COUNT: break;
    }
    return 0;
}

/* ------------------------------------------------------------------ ranking */

/* One row of the ranking: the sort key travels with the row (qsort has no context). */
typedef struct {
    double value;
    const ng_node *node;
} ranked;

static int cmp_rank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    int xn = isnan(x->value), yn = isnan(y->value); /* a metric left empty ranks last */
    if (xn != yn) return xn ? 1 : -1;
    if (!xn && x->value != y->value) return x->value > y->value ? -1 : 1; /* highest first */
    int c = strcmp(x->node->label, y->node->label);
    return c ? c : strcmp(x->node->id, y->node->id);
}

/* ------------------------------------------------------------------ text cells */

/* Display width of UTF-8 text, one column per code point. */
static size_t text_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* Appends `s` with control characters as spaces, cut to `width` columns with an ellipsis
 * (width 0 = no limit), and pads it to `width` when `pad`. */
static void put_label(ng_buf *b, const char *s, size_t width, int pad)
{
    size_t w = text_width(s), shown = 0;
    size_t limit = width && w > width ? width - 1 : (size_t)-1;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c & 0xC0) != 0x80) {
            if (shown == limit) break;
            shown++;
        }
        ng_buf_putc(b, c < 0x20 || c == 0x7F ? ' ' : (char)c);
    }
    if (width && w > width) {
        ng_buf_puts(b, "\xE2\x80\xA6"); /* … */
        shown++;
    }
    while (pad && shown < width) {
        ng_buf_putc(b, ' ');
        shown++;
    }
}

static const char *short_type(ng_etype t)
{
    return t == NG_ETYPE_ORG ? "org" : ng_etype_name(t);
}

/* The human-readable form of each metric, as in the table and the Markdown. */
static void format_cell(char *out, size_t size, const ng_node *n, metric m)
{
    double v = metric_value(n, m);
    if (isnan(v)) { /* left empty (see the warning) */
        snprintf(out, size, "-");
        return;
    }
    switch (m) {
    case M_BETWEENNESS: snprintf(out, size, "%.1f", v); break;
    case M_CLOSENESS: snprintf(out, size, "%.3f", v); break;
    case M_HARMONIC: snprintf(out, size, "%.2f", v); break;
    case M_PAGERANK: snprintf(out, size, "%.4f", v); break;
    case M_EIGENVECTOR: snprintf(out, size, "%.3f", v); break;
    default: snprintf(out, size, "%.0f", v); break;
    }
}

/* ------------------------------------------------------------------ table */

/* The table shows every metric but mentions, under short headers explained in a legend. */
static const metric table_cols[] = {M_DEGREE, M_IN, M_OUT, M_STRENGTH, M_BETWEENNESS,
                                    M_CLOSENESS, M_HARMONIC, M_PAGERANK, M_EIGENVECTOR,
                                    M_COMMUNITY};
static const char *const table_heads[] = {"deg", "in", "out", "str", "betw",
                                          "close", "harm", "pagerank", "eigen", "comm"};
#define N_TABLE_COLS (sizeof table_cols / sizeof table_cols[0])
#define TABLE_WIDTH 80
#define LABEL_MIN 12

static void print_table(ng_buf *b, const ranked *order, size_t n)
{
    size_t wnum[N_TABLE_COLS], wrank = 1, wtype = 4, wlabel = 5;
    char cell[64];
    for (size_t c = 0; c < N_TABLE_COLS; c++) wnum[c] = strlen(table_heads[c]);
    for (size_t r = 0; r < n; r++) {
        const ng_node *nd = order[r].node;
        snprintf(cell, sizeof cell, "%zu", r + 1);
        if (strlen(cell) > wrank) wrank = strlen(cell);
        if (strlen(short_type(nd->type)) > wtype) wtype = strlen(short_type(nd->type));
        if (text_width(nd->label) > wlabel) wlabel = text_width(nd->label);
        for (size_t c = 0; c < N_TABLE_COLS; c++) {
            format_cell(cell, sizeof cell, nd, table_cols[c]);
            if (strlen(cell) > wnum[c]) wnum[c] = strlen(cell);
        }
    }
    /* the label gets what the other columns leave of 80 columns, at least LABEL_MIN */
    size_t others = wrank + 1 + 1 + wtype;
    for (size_t c = 0; c < N_TABLE_COLS; c++) others += 1 + wnum[c];
    size_t room = others + 1 < TABLE_WIDTH ? TABLE_WIDTH - others - 1 : 0;
    if (room < LABEL_MIN) room = LABEL_MIN;
    if (wlabel > room) wlabel = room;

    ng_buf_printf(b, "%*s ", (int)wrank, "#");
    put_label(b, "actor", wlabel, 1);
    ng_buf_printf(b, " %-*s", (int)wtype, "type");
    for (size_t c = 0; c < N_TABLE_COLS; c++) ng_buf_printf(b, " %*s", (int)wnum[c], table_heads[c]);
    ng_buf_putc(b, '\n');
    for (size_t r = 0; r < n; r++) {
        const ng_node *nd = order[r].node;
        ng_buf_printf(b, "%*zu ", (int)wrank, r + 1);
        put_label(b, nd->label, wlabel, 1);
        ng_buf_printf(b, " %-*s", (int)wtype, short_type(nd->type));
        for (size_t c = 0; c < N_TABLE_COLS; c++) {
            format_cell(cell, sizeof cell, nd, table_cols[c]);
            ng_buf_printf(b, " %*s", (int)wnum[c], cell);
        }
        ng_buf_putc(b, '\n');
    }
    ng_buf_puts(b, "\ndeg: neighbours; in/out: directed relations received/made; str: strength;\n"
                   "betw: betweenness; close: closeness; harm: harmonic; eigen: eigenvector;\n"
                   "comm: community (see newsgraph metrics --help).\n");
}

/* ------------------------------------------------------------------ CSV and Markdown */

static void print_csv(ng_buf *b, const ranked *order, size_t n)
{
    ng_buf_puts(b, "rank,id,label,type,mentions");
    for (size_t m = 0; m < M_MENTIONS; m++) ng_buf_printf(b, ",%s", metric_names[m]);
    ng_buf_putc(b, '\n');
    for (size_t r = 0; r < n; r++) {
        const ng_node *nd = order[r].node;
        ng_buf_printf(b, "%zu,", r + 1);
        ng_export_csv_cell(b, nd->id);
        ng_buf_putc(b, ',');
        ng_export_csv_cell(b, nd->label);
        ng_buf_printf(b, ",%s,%u", ng_etype_name(nd->type), nd->mentions);
        for (size_t m = 0; m < M_MENTIONS; m++) {
            double v = metric_value(nd, (metric)m);
            if (m == M_COMMUNITY) ng_buf_printf(b, ",%d", nd->m.community);
            else if (isnan(v)) ng_buf_putc(b, ','); /* left empty: an empty cell */
            else ng_buf_printf(b, ",%.15g", v);
        }
        ng_buf_putc(b, '\n');
    }
}

/* A Markdown cell: '|' and '\' escaped, line breaks and controls as spaces. */
static void put_md_text(ng_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[') {
            ng_buf_putc(b, '\\');
        }
        ng_buf_putc(b, c < 0x20 || c == 0x7F ? ' ' : (char)c);
    }
}

static void print_md(ng_buf *b, const ranked *order, size_t n)
{
    char cell[64];
    ng_buf_puts(b, "| rank | actor | type | mentions");
    for (size_t m = 0; m < M_MENTIONS; m++) ng_buf_printf(b, " | %s", metric_names[m]);
    ng_buf_puts(b, " |\n|---:|---|---|---:");
    for (size_t m = 0; m < M_MENTIONS; m++) ng_buf_puts(b, "|---:");
    ng_buf_puts(b, "|\n");
    for (size_t r = 0; r < n; r++) {
        const ng_node *nd = order[r].node;
        ng_buf_printf(b, "| %zu | ", r + 1);
        put_md_text(b, nd->label);
        ng_buf_printf(b, " | %s | %u", ng_etype_name(nd->type), nd->mentions);
        for (size_t m = 0; m < M_MENTIONS; m++) {
            format_cell(cell, sizeof cell, nd, (metric)m);
            ng_buf_printf(b, " | %s", cell);
        }
        ng_buf_puts(b, " |\n");
    }
}

/* ------------------------------------------------------------------ options */

static int parse_metric(metric *out, const char *s)
{
    for (size_t m = 0; m < M__COUNT; m++) {
        if (strcmp(s, metric_names[m]) == 0) {
            *out = (metric)m;
            return 0;
        }
    }
    return -1;
}

/* "met,signed" -> bit mask; -1 on an unknown name. Call after the graph is read: it may
 * declare relation types of its own. */
static int parse_relations(uint64_t *mask, const char *list)
{
    char name[64];
    *mask = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (len == 0 || len >= sizeof name) return -1;
        memcpy(name, p, len);
        name[len] = '\0';
        ng_rel r;
        if (ng_rel_parse(&r, name) < 0) return -1;
        *mask |= (uint64_t)1 << r;
        p += len;
        if (*p == ',') p++;
    }
    return *mask ? 0 : -1;
}

/* -v: how long reading and each metrics phase took (wall clock, and CPU over every thread
 * when known: on a shared machine the CPU time is the steadier figure), on stderr. */
static void print_phase(void *ctx, const char *phase, double seconds, double cpu_seconds)
{
    (void)ctx;
    if (cpu_seconds >= 0)
        cli_note("%s: %.2f s (CPU %.2f s)", phase, seconds, cpu_seconds);
    else
        cli_note("%s: %.2f s", phase, seconds);
}

/* CPU seconds of the process so far (every thread), for the phases timed here. */
static double cpu_now(void) { return (double)clock() / CLOCKS_PER_SEC; }

static void help(const cli_opt *opts)
{
    ng_buf mutual = NG_BUF_INIT;
    ng_rel_join(&mutual, NG_REL_IS_SYMMETRIC, 0, " and ");
    printf("usage: newsgraph metrics [options] GRAPH.graphml\n\n"
           "Reads a graph written by newsgraph build (or any GraphML with node labels;\n"
           ".graphml.gz too), recomputes centrality and communities with igraph and prints\n"
           "the actors ranked by one metric, highest first (ties by label).\n"
           "It takes GraphML only, not GEXF, JSON or CSV: build -o NAME.graphml writes it.\n\n"
           "Metrics (on the undirected projection: one link per pair of actors, weight = the\n"
           "sum of their relations' weights, length = 1/weight):\n"
           "  degree       number of distinct neighbours\n"
           "  in_degree    directed relations received (%s are not directed)\n"
           "  out_degree   directed relations made\n"
           "  strength     sum of the weights of the actor's links\n"
           "  betweenness  shortest paths between other actors that pass through the actor\n"
           "  closeness    reachable actors / sum of distances to them (0 when isolated)\n"
           "  harmonic     sum of 1/distance to every other actor\n"
           "  pagerank     PageRank, damping 0.85, weighted\n"
           "  eigenvector  eigenvector centrality, scaled so that the highest is 1\n"
           "  community    Leiden community (modularity), numbered in id order from 0\n"
           "  mentions     times the actor is mentioned in the articles\n\n"
           "Betweenness, closeness and harmonic need one shortest-path pass per actor, run\n"
           "on -j threads. When all of them would take more than --budget node and link\n"
           "visits (default %.0f, a few CPU-seconds; the graph decides, never -j),\n"
           "they are estimated from as many sampled source actors as the budget allows (at\n"
           "least %d), and Leiden stops once a round gains less than 0.01%%: the same\n"
           "numbers on every run, the error is measured in graph/README.md; every output\n"
           "says so. --exact computes them exactly (hours on 100,000 actors). Eigenvector\n"
           "centrality that does not converge is left empty with a warning.\n\n"
           "Options:\n", mutual.ptr ? mutual.ptr : "", NG_METRICS_BUDGET, NG_METRICS_SAMPLE_SOURCES);
    cli_print_options(stdout, opts);
    ng_buf_free(&mutual);
}

int cmd_metrics(int argc, char **argv)
{
    int rc = NG_EXIT_USAGE, want_help = 0, top = 0, exact = 0, threads = 0;
    size_t budget = 0;
    const char *sort_name = "pagerank", *format_name = "table", *relations = NULL;
    cli_list positional = {0};
    ng_graph *g = NULL;
    ranked *order = NULL;
    ng_buf out = NG_BUF_INIT;
    metric by;
    out_format fmt;
    ng_metrics_opts mo = NG_METRICS_OPTS_INIT;
    const cli_opt opts[] = {
        {'n', "top", OPT_INT, &top, "N", "show only the first N actors (default 0: all)"},
        {'s', "sort", OPT_STRING, &sort_name, "METRIC", "rank by METRIC (default pagerank)"},
        {'f', "format", OPT_STRING, &format_name, "FMT", "table (default), csv or md"},
        {0, "relations", OPT_STRING, &relations, "LIST",
         "count only these relations, e.g. met,signed"},
        {0, "exact", OPT_FLAG, &exact, NULL,
         "exact betweenness, closeness, harmonic, communities"},
        {0, "budget", OPT_SIZE, &budget, "N",
         "visits before those are sampled (K, M, G: x1024)"},
        {'j', "threads", OPT_INT, &threads, "N",
         "threads for the path centralities (default: cores)"},
        {'v', "verbose", OPT_FLAG, &cli_verbose, NULL, "print how long each phase took"},
        {0, NULL, OPT_FLAG, NULL, NULL, NULL},
    };

    if ((rc = cli_parse(argc, argv, opts, &positional, &want_help)) != 0) goto cleanup;
    if (want_help) {
        help(opts);
        rc = NG_EXIT_OK;
        goto cleanup;
    }
    rc = NG_EXIT_USAGE;
    if (positional.n != 1) {
        cli_error("metrics: give exactly one GRAPH.graphml (see newsgraph metrics --help)");
        goto cleanup;
    }
    if (parse_metric(&by, sort_name) < 0) {
        cli_error("metrics: --sort: unknown metric '%s' (degree, in_degree, out_degree, "
                  "strength, betweenness, closeness, harmonic, pagerank, eigenvector, "
                  "community, mentions)", sort_name);
        goto cleanup;
    }
    if (strcmp(format_name, "table") == 0) fmt = FMT_TABLE;
    else if (strcmp(format_name, "csv") == 0) fmt = FMT_CSV;
    else if (strcmp(format_name, "md") == 0) fmt = FMT_MD;
    else {
        cli_error("metrics: --format: unknown format '%s' (table, csv, md)", format_name);
        goto cleanup;
    }
    mo.exact = exact;
    mo.budget = (double)budget;
    if (cli_verbose) mo.progress = print_phase;

    rc = NG_EXIT_FAILED;
    double t0 = ng_clock_seconds(), c0 = cpu_now();
    if (ng_graph_read_graphml(&g, positional.items[0]) < 0) {
        cli_error("%s", ng_error_last());
        goto cleanup;
    }
    if (cli_verbose) print_phase(NULL, "read", ng_clock_seconds() - t0, cpu_now() - c0);
    if (relations && parse_relations(&mo.relations, relations) < 0) {
        ng_buf known = NG_BUF_INIT;
        ng_rel_join(&known, 0, ng_graph_relations_used(g), ", ");
        cli_error("metrics: --relations: '%s' is not a comma-separated list of %s", relations,
                  known.ptr ? known.ptr : "");
        ng_buf_free(&known);
        rc = NG_EXIT_USAGE;
        goto cleanup;
    }
    if (cli_metrics_run(g, &mo, threads) != NG_EXIT_OK) goto cleanup;
    t0 = ng_clock_seconds();
    c0 = cpu_now();
    size_t n = ng_graph_node_count(g);
    if (n && !(order = malloc(n * sizeof *order))) {
        cli_error("out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        order[i].node = ng_graph_node(g, i);
        order[i].value = metric_value(order[i].node, by);
    }
    if (n > 1) qsort(order, n, sizeof *order, cmp_rank);
    size_t shown = top > 0 && (size_t)top < n ? (size_t)top : n;

    if (fmt == FMT_TABLE) {
        size_t nc = ng_graph_community_count(g);
        ng_buf_printf(&out, "%zu %s, %zu %s, %zu %s (modularity %.3f); ranked by %s\n\n", n,
                      n == 1 ? "actor" : "actors", ng_graph_edge_count(g),
                      ng_graph_edge_count(g) == 1 ? "relation" : "relations", nc,
                      nc == 1 ? "community" : "communities", ng_graph_modularity(g),
                      metric_names[by]);
        if (ng_graph_metrics_sources(g) > 0)
            ng_buf_printf(&out, "betweenness, closeness and harmonic estimated from %zu sampled "
                                "sources (--exact for exact values)\n\n",
                          ng_graph_metrics_sources(g));
        print_table(&out, order, shown);
    } else if (fmt == FMT_CSV) {
        print_csv(&out, order, shown);
    } else {
        print_md(&out, order, shown);
    }
    if (out.oom) {
        cli_error("out of memory");
        goto cleanup;
    }
    if (out.len) fwrite(out.ptr, 1, out.len, stdout);
    if (cli_verbose) print_phase(NULL, "ranking and output", ng_clock_seconds() - t0, cpu_now() - c0);
    rc = NG_EXIT_OK;

cleanup:
    ng_buf_free(&out);
    free(order);
    ng_graph_free(g);
    cli_list_free(&positional);
    return rc;
}
