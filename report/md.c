/* md.c - the report in Markdown (GitHub-flavoured tables), same sections as the HTML.
 *
 * Markdown cannot hold the picture inline: `newsgraph report -o report.md` writes Graphviz's
 * SVG beside it as report.svg and links it as an image; to standard output the picture is
 * left out with a note. Every string from the articles goes through report_md_escape, so a
 * cell stays one cell and a sentence cannot open a link, code span, heading or HTML tag. */
#include "report_internal.h"

#include <string.h>

typedef struct writer {
    const report_model *m;
    const ng_graph *g;
    ng_buf b;
    ng_out *o;
    ng_items items; /* the kept evidence of one edge, read back from the graph */
    int error;      /* a failed read of it */
} writer;

static void flush(writer *w)
{
    if (w->b.len) ng_out_write(w->o, w->b.ptr, w->b.len);
    ng_buf_clear(&w->b);
}

static void put(writer *w, const char *s) { ng_buf_puts(&w->b, s); }
static void esc(writer *w, const char *s) { report_md_escape(&w->b, s); }
static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

static void actor(writer *w, size_t i)
{
    const ng_node *n = ng_graph_node(w->g, i);
    esc(w, n->label && n->label[0] ? n->label : n->id);
}

static void id_list(writer *w, const char *list, size_t max)
{
    size_t shown = 0, total = report_count_parts(list);
    const char *p = list ? list : "";
    ng_buf tmp = NG_BUF_INIT;
    while (*p && shown < max) {
        size_t n = strcspn(p, "|");
        ng_buf_clear(&tmp);
        ng_buf_put(&tmp, p, n);
        if (shown) put(w, ", ");
        esc(w, tmp.ptr ? tmp.ptr : "");
        shown++;
        p += n;
        if (*p == '|') p++;
    }
    if (total > shown) ng_buf_printf(&w->b, " and %zu more", total - shown);
    if (tmp.oom) w->b.oom = 1;
    ng_buf_free(&tmp);
}

/* As html.c's: which relation types the timeline and the evidence leave out. */
static void unlisted_note(writer *w)
{
    const report_model *m = w->m;
    size_t k = 0;
    if (m->n_unlisted == 0) return;
    ng_buf_printf(&w->b, " The %zu relation%s of ", m->n_unlisted, plural(m->n_unlisted));
    for (ng_rel r = 0; r < ng_rel_count(); r++) {
        if (report_lists_rel(m, r) || m->edges_by_rel[r] == 0) continue;
        if (k++) put(w, ", ");
        put(w, "*");
        esc(w, ng_rel_name(r));
        put(w, "*");
    }
    put(w, " are not listed here (`--show-relations` chooses the types).");
}

/* The picture's line styles, in words: "arrow: a, b; no arrow: ...; red dashed: ...". */
static void legend(writer *w)
{
    static const char *const what[3] = {"arrow", "no arrow", "red dashed"};
    put(w, "\n\nLines:");
    for (int kind = 0; kind < 3; kind++) {
        size_t k = 0;
        ng_buf_printf(&w->b, "%s %s: ", kind ? ";" : "", what[kind]);
        for (ng_rel r = 0; r < ng_rel_count(); r++) {
            int hostile = ng_rel_hostile(r), mutual = ng_rel_symmetric(r);
            int match = kind == 0 ? !hostile && !mutual : kind == 1 ? mutual && !hostile : hostile;
            if (!report_shows_rel(w->m, r) || !match) continue;
            if (k++) put(w, ", ");
            esc(w, ng_rel_name(r));
        }
    }
    put(w, "; width: supporting mentions.");
}

/* An article cited: its title (else its id), a Markdown link when its URL is http(s). */
static void cite(writer *w, const char *id, const char *title, const char *url)
{
    int link = report_link_ok(url) && !strpbrk(url, "()");
    if (link) put(w, "[");
    esc(w, title && *title ? title : id);
    if (link) {
        put(w, "](");
        put(w, url);
        put(w, ")");
    }
}

/* The articles an edge keeps (its sample, earliest first), each cited, and how many more. */
static void source_list(writer *w, const ng_edge *e)
{
    size_t total = report_edge_articles(e);
    if (e->n_srcs == 0) {
        id_list(w, e->sources, 12);
        return;
    }
    for (size_t k = 0; k < e->n_srcs; k++) {
        const ng_source *s = &e->srcs[k];
        if (k) put(w, "; ");
        cite(w, s->id, s->title, s->url);
        if (s->date[0]) {
            put(w, " (");
            esc(w, s->date);
            put(w, ")");
        }
    }
    if (total > e->n_srcs) ng_buf_printf(&w->b, " and %zu more", total - e->n_srcs);
}

static void summary(writer *w)
{
    const report_model *m = w->m;
    char range[64];
    put(w, "# ");
    esc(w, m->title);
    ng_buf_printf(&w->b, "\n\n%zu article%s · %zu actor%s · %zu relation%s", m->run.articles,
                  plural(m->run.articles), m->n_nodes, plural(m->n_nodes), m->n_edges,
                  plural(m->n_edges));
    if (m->first_date[0]) {
        report_date_range(range, sizeof range, m->first_date, m->last_date);
        ng_buf_printf(&w->b, " · events dated %s", range);
    }
    ng_buf_printf(&w->b, " · made with newsgraph %s\n\n## Summary\n\n", NG_VERSION);
    put(w, "| Articles read | Actors | Relations | Supporting mentions | Communities | "
           "Connected parts |\n|---:|---:|---:|---:|---:|---:|\n");
    ng_buf_printf(&w->b, "| %zu | %zu | %zu | %llu | %zu | %zu |\n\n", m->run.articles,
                  m->n_nodes, m->n_edges, (unsigned long long)m->mentions, m->n_communities,
                  m->n_components);
    if (m->run.skipped)
        ng_buf_printf(&w->b, "%zu input%s skipped (reported on standard error).\n\n",
                      m->run.skipped, plural(m->run.skipped));
    put(w, "| Actor type | Actors |\n|---|---:|\n");
    for (int t = 0; t < NG_ETYPE__COUNT; t++)
        ng_buf_printf(&w->b, "| %s | %zu |\n", ng_etype_name((ng_etype)t), m->nodes_by_type[t]);
    put(w, "\n| Relation | Relations | Mentions |\n|---|---:|---:|\n");
    for (ng_rel r = 0; r < ng_rel_count(); r++)
        if (report_shows_rel(m, r))
            ng_buf_printf(&w->b, "| %s | %zu | %llu |\n", ng_rel_name(r), m->edges_by_rel[r],
                          (unsigned long long)m->mentions_by_rel[r]);
    put(w, "\n");
}

static void picture(writer *w, const char *svg_href)
{
    const report_model *m = w->m;
    put(w, "## The graph\n\n");
    if (m->svg && svg_href) {
        put(w, "![The graph, drawn by Graphviz](");
        /* A file name we made from the output's name: escape only what breaks the link. */
        for (const char *p = svg_href; *p; p++) {
            if (*p == ' ') put(w, "%20");
            else if (*p == '(' || *p == ')' || *p == '<' || *p == '>')
                ng_buf_printf(&w->b, "%%%02X", (unsigned char)*p);
            else ng_buf_putc(&w->b, *p);
        }
        put(w, ")\n\n");
        esc(w, m->picture_note);
        legend(w);
    } else if (m->svg) {
        put(w, "> No picture: Markdown written to standard output has no file beside it for "
               "the SVG. Write the report to a file (-o report.md) to get report.svg.");
    } else {
        put(w, "> ");
        esc(w, m->picture_note ? m->picture_note : "No picture.");
    }
    put(w, "\n\n");
}

static void centrality(writer *w)
{
    const report_model *m = w->m;
    size_t rows = 0;
    char tmp[64];
    put(w, "## Central actors\n\nThe top actors by each centrality (value in parentheses), "
           "on the undirected weighted projection. Definitions are at the end.\n\n| # |");
    for (int mt = 0; mt < REPORT_METRIC__COUNT; mt++) {
        ng_buf_printf(&w->b, " %s |", report_metric_get((report_metric)mt)->title);
        if (m->n_top[mt] > rows) rows = m->n_top[mt];
    }
    put(w, "\n|---:|");
    for (int mt = 0; mt < REPORT_METRIC__COUNT; mt++) put(w, "---|");
    put(w, "\n");
    if (rows == 0) {
        put(w, "| 1 |");
        for (int mt = 0; mt < REPORT_METRIC__COUNT; mt++) put(w, " (all 0) |");
        put(w, "\n");
    }
    for (size_t i = 0; i < rows; i++) {
        ng_buf_printf(&w->b, "| %zu |", i + 1);
        for (int mt = 0; mt < REPORT_METRIC__COUNT; mt++) {
            put(w, " ");
            if (i < m->n_top[mt]) {
                size_t node = m->top[mt][i];
                actor(w, node);
                report_format_number(tmp, sizeof tmp,
                                     report_metric_value(ng_graph_node(w->g, node),
                                                         (report_metric)mt));
                ng_buf_printf(&w->b, " (%s)", tmp);
            }
            put(w, " |");
        }
        put(w, "\n");
    }
    put(w, "\n");
}

static void member_list(writer *w, const size_t *nodes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i) put(w, ", ");
        actor(w, nodes[i]);
        ng_buf_printf(&w->b, " (%s)", ng_etype_name(ng_graph_node(w->g, nodes[i])->type));
    }
    put(w, "\n\n");
}

static void communities(writer *w)
{
    const report_model *m = w->m;
    put(w, "## Communities\n\nLeiden communities (modularity), most central member first; the "
           "id is the `community` attribute in every export.\n\n");
    if (m->n_communities == 0) put(w, "No community has more than one actor.\n\n");
    for (size_t c = 0; c < m->n_communities; c++) {
        const report_community *cm = &m->communities[c];
        ng_buf_printf(&w->b, "### Community %zu: %zu actors, %zu relation%s inside (id %d)\n\n",
                      c + 1, cm->n, cm->n_edges, plural(cm->n_edges), cm->id);
        member_list(w, cm->members, cm->n);
    }
    if (m->n_singletons) {
        ng_buf_printf(&w->b, "### On their own: %zu actor%s in no group\n\n", m->n_singletons,
                      plural(m->n_singletons));
        member_list(w, m->singletons, m->n_singletons);
    }
}

static void matrix(writer *w)
{
    const report_model *m = w->m;
    size_t n = m->n_matrix;
    put(w, "## Who did what to whom\n\nEach row acted on each column (supporting mentions in "
           "parentheses when above one); ");
    report_mutual_names(&w->b, m, "", "");
    put(w, " are mutual and appear on both sides.\n\n");
    if (n == 0) {
        put(w, "No relations between actors.\n\n");
        return;
    }
    put(w, "| row → column |");
    for (size_t c = 0; c < n; c++) {
        put(w, " ");
        actor(w, m->matrix[c]);
        put(w, " |");
    }
    put(w, "\n|---|");
    for (size_t c = 0; c < n; c++) put(w, "---|");
    put(w, "\n");
    for (size_t r = 0; r < n; r++) {
        put(w, "| **");
        actor(w, m->matrix[r]);
        put(w, "** |");
        for (size_t c = 0; c < n; c++) {
            const report_cell *cell = &m->cells[r * n + c];
            int first = 1;
            put(w, " ");
            for (ng_rel k = 0; k < ng_rel_count(); k++) {
                if (!cell->weight[k]) continue;
                ng_buf_printf(&w->b, "%s%s", first ? "" : ", ", ng_rel_name(k));
                if (cell->weight[k] > 1) ng_buf_printf(&w->b, " (%u)", cell->weight[k]);
                first = 0;
            }
            if (first && r == c) put(w, "·");
            put(w, " |");
        }
        put(w, "\n");
    }
    put(w, "\n");
}

static void timeline(writer *w)
{
    const report_model *m = w->m;
    put(w, "## Timeline\n\nDated relations by the date of their earliest evidence");
    if (m->n_timeline < m->n_dated)
        ng_buf_printf(&w->b, "; the %zu best-supported of %zu dated relations", m->n_timeline,
                      m->n_dated);
    ng_buf_printf(&w->b, ". %zu of %zu relation%s carry a date.", m->n_dated, m->n_edges,
                  plural(m->n_edges));
    unlisted_note(w);
    put(w, "\n\n");
    if (m->n_timeline == 0) {
        put(w, "No dated relations.\n\n");
        return;
    }
    put(w, "| Date | Source | Relation | Target | Mentions | Articles |\n"
           "|---|---|---|---|---:|---|\n");
    for (size_t i = 0; i < m->n_timeline; i++) {
        const ng_edge *e = ng_graph_edge(w->g, m->timeline[i]);
        char range[64];
        report_date_range(range, sizeof range, e->first_date, e->last_date);
        ng_buf_printf(&w->b, "| %s | ", range);
        actor(w, e->source);
        ng_buf_printf(&w->b, " | %s | ", ng_rel_name(e->rel));
        actor(w, e->target);
        ng_buf_printf(&w->b, " | %u | ", e->weight);
        id_list(w, e->sources, 6);
        put(w, " |\n");
        if (i % 64 == 63) flush(w);
    }
    put(w, "\n");
}

static void evidence(writer *w)
{
    const report_model *m = w->m;
    char range[64];
    put(w, "## Evidence for the strongest relations\n\n");
    if (m->n_unlisted) {
        put(w, "The relations with the most supporting mentions.");
        unlisted_note(w);
        put(w, "\n\n");
    }
    if (m->n_top_edges == 0) put(w, "No relations were found in the articles.\n\n");
    for (size_t i = 0; i < m->n_top_edges; i++) {
        const ng_edge *e = ng_graph_edge(w->g, m->top_edges[i]);
        size_t n_src = report_edge_articles(e);
        ng_buf_printf(&w->b, "### %zu. ", i + 1);
        actor(w, e->source);
        ng_buf_printf(&w->b, " — %s → ", ng_rel_name(e->rel));
        actor(w, e->target);
        report_date_range(range, sizeof range, e->first_date, e->last_date);
        ng_buf_printf(&w->b, "\n\n%u mention%s · %zu article%s · %s\n\n", e->weight,
                      plural(e->weight), n_src, plural(n_src), range);
        if ((w->error = ng_graph_edge_items(w->g, e, &w->items)) < 0) return;
        for (size_t k = 0; k < w->items.n; k++) {
            const ng_evidence *ev = &w->items.v[k];
            put(w, "- ");
            esc(w, ev->sentence);
            put(w, " — *");
            cite(w, ev->article, ev->title, ev->url);
            if (ev->date[0]) {
                put(w, ", ");
                esc(w, ev->date);
            }
            put(w, "*\n");
        }
        if (w->items.n == 0 && e->evidence && e->evidence[0]) {
            put(w, "- ");
            esc(w, e->evidence);
            put(w, "\n");
        }
        put(w, "\nArticles: ");
        source_list(w, e);
        put(w, "\n\n");
        flush(w);
    }
}

static void definitions(writer *w)
{
    put(w, "## Definitions\n\nEvery metric is a node attribute of the same name in the GraphML, "
           "GEXF, CSV and JSON exports.\n\n");
    for (int mt = 0; mt < REPORT_METRIC__COUNT; mt++) {
        const report_metric_info *info = report_metric_get((report_metric)mt);
        ng_buf_printf(&w->b, "- `%s`: %s\n", info->name, info->definition);
    }
    put(w, "- `in_degree`, `out_degree`: directed relations received and made (");
    report_mutual_names(&w->b, w->m, "", "");
    put(w, " are mutual and count in neither)\n"
           "- `community`: Leiden communities (modularity objective, seeded)\n"
           "- `weight`: supporting mentions of a relation, over all articles\n");
}

int report_write_md(const report_model *m, const char *path, const char *svg_href)
{
    int error;
    writer w = {.m = m, .g = m->g, .b = NG_BUF_INIT};
    if ((error = ng_out_open(&w.o, path, 0)) < 0) return error;
    summary(&w);
    picture(&w, svg_href);
    centrality(&w);
    communities(&w);
    flush(&w);
    matrix(&w);
    timeline(&w);
    evidence(&w);
    definitions(&w);
    ng_items_free(&w.items);
    if (w.error < 0) {
        ng_buf_free(&w.b);
        ng_out_free(w.o);
        return w.error;
    }
    if (w.b.oom) {
        ng_buf_free(&w.b);
        ng_out_free(w.o);
        ng_error_set("%s: out of memory while writing the report", path);
        return NG_ENOMEM;
    }
    flush(&w);
    ng_buf_free(&w.b);
    error = ng_out_commit(w.o);
    ng_out_free(w.o);
    return error;
}

int report_write_svg(const report_model *m, const char *path)
{
    int error;
    ng_out *o = NULL;
    if (!m->svg_file) return NG_OK;
    if ((error = ng_out_open(&o, path, 0)) < 0) return error;
    ng_out_puts(o, m->svg_file);
    error = ng_out_commit(o);
    ng_out_free(o);
    return error;
}
