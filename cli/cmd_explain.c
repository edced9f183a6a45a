/* cmd_explain.c - `newsgraph explain [options] INPUT... --between "A" ["B"]`: prints every
 * sentence that supports a relation between A and B (with only A: every relation touching A),
 * with its relation, direction, article id and date, grouped by edge, so that an analyst can
 * audit an edge of the graph.
 *
 * It reads and extracts the articles itself (cli/pipeline.h) and keeps every matching
 * relation: the graph keeps only a bounded sample of evidence per edge. A and B are matched
 * against the actors' labels and aliases, case- and accent-insensitively (ng_text_fold). A
 * person an article names by surname only (a "partial" actor, which the graph stage resolves
 * against the corpus) matches when that surname is a word of the name given.
 *
 * Output order is deterministic: edges by (relation, source, target), sentences by (date,
 * article id, offset, sentence). Exit 0 also when nothing matches ("no relation between A and
 * B"), 2 on a bad command line, 1 when the input cannot be read. */
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The actors one side of the query matches, across articles. */
typedef struct side {
    char *fold;      /* ng_text_fold of the name given */
    char *label;     /* the fullest label seen for it (most words, then most bytes) */
} side;

/* One supporting sentence. */
typedef struct hit {
    ng_rel rel;
    uint32_t src_group, dst_group; /* indexes in ex->names (an A or B side, or an actor key) */
    const char *src_label, *dst_label; /* set before sorting */
    char *article;
    char *title, *url; /* NULL when the input gave none */
    char *date;
    char *sentence;
    uint64_t offset;
} hit;

/* The display name of an edge end that is not a query side: one per actor key. */
typedef struct name_ref {
    char *key;
    char *label;
} name_ref;

typedef struct explain {
    side a, b;           /* b.fold == NULL when only A was given */
    name_ref *names;     /* 0 = side A, 1 = side B, then other actors by key */
    size_t n_names, cap_names;
    hit *hits;
    size_t n_hits, cap_hits;
} explain;

static char *fold_dup(const char *s, size_t n)
{
    ng_buf b = NG_BUF_INIT;
    if (ng_text_fold(&b, s, n) < 0 || b.oom) {
        ng_buf_free(&b);
        return NULL;
    }
    return b.ptr ? ng_buf_detach(&b) : ng_strdup("");
}

static size_t word_count(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        int sp = *s == ' ';
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

/* Keeps the fullest of two labels in *slot (most words, then most bytes, then byte order). */
static int keep_fullest(char **slot, const char *label)
{
    if (*slot) {
        size_t wa = word_count(label), wb = word_count(*slot);
        size_t la = strlen(label), lb = strlen(*slot);
        if (wa < wb || (wa == wb && (la < lb || (la == lb && strcmp(label, *slot) >= 0)))) return NG_OK;
    }
    char *copy = ng_strdup(label);
    if (!copy) return NG_ENOMEM;
    free(*slot);
    *slot = copy;
    return NG_OK;
}

/* Is the folded word w (len n) one of the words of the folded name q? */
static int word_of(const char *q, const char *w, size_t n)
{
    for (const char *p = q; *p;) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        if ((size_t)(e - p) == n && n && memcmp(p, w, n) == 0) return 1;
        p = e;
    }
    return 0;
}

/* Does actor `a` match the folded query name q? 1 yes, 0 no, <0 out of memory. */
static int actor_matches(const ng_actor *a, const char *q)
{
    char *f = fold_dup(a->label, strlen(a->label));
    int found = 0;
    if (!f) return NG_ENOMEM;
    if (strcmp(f, q) == 0) found = 1;
    /* a surname alone: its word must be a word of the name asked for */
    if (!found && a->partial && a->type == NG_ETYPE_PERSON && !strchr(f, ' ') && word_of(q, f, strlen(f))) found = 1;
    free(f);
    for (const char *p = a->aliases ? a->aliases : ""; !found && *p;) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *g = fold_dup(p, n);
        if (!g) return NG_ENOMEM;
        found = strcmp(g, q) == 0;
        free(g);
        p = e ? e + 1 : p + n;
    }
    return found;
}

/* The names index of a non-query actor, by key (the fullest label wins). */
static int name_index(explain *ex, const ng_actor *a, uint32_t *out)
{
    for (size_t i = 2; i < ex->n_names; i++)
        if (strcmp(ex->names[i].key, a->key) == 0) {
            *out = (uint32_t)i;
            return keep_fullest(&ex->names[i].label, a->label);
        }
    if (NG_ARRAY_GROW(ex->names, ex->cap_names, ex->n_names + 1) < 0) return NG_ENOMEM;
    name_ref *r = &ex->names[ex->n_names];
    r->key = ng_strdup(a->key);
    r->label = ng_strdup(a->label);
    if (!r->key || !r->label) {
        free(r->key);
        free(r->label);
        return NG_ENOMEM;
    }
    *out = (uint32_t)ex->n_names++;
    return NG_OK;
}

static int add_hit(explain *ex, const ng_doc *doc, const ng_relation *r, uint32_t s, uint32_t t)
{
    if (NG_ARRAY_GROW(ex->hits, ex->cap_hits, ex->n_hits + 1) < 0) return NG_ENOMEM;
    hit *h = &ex->hits[ex->n_hits];
    memset(h, 0, sizeof *h);
    h->rel = r->rel;
    h->src_group = s;
    h->dst_group = t;
    h->offset = r->offset;
    h->article = ng_strdup(doc->id ? doc->id : "");
    h->date = ng_strdup(r->date[0] ? r->date : doc->date);
    h->sentence = ng_strdup(r->sentence ? r->sentence : "");
    h->title = doc->title && *doc->title ? ng_strdup(doc->title) : NULL;
    h->url = doc->url && *doc->url ? ng_strdup(doc->url) : NULL;
    if (!h->article || !h->date || !h->sentence || (doc->title && *doc->title && !h->title) ||
        (doc->url && *doc->url && !h->url)) {
        free(h->article);
        free(h->date);
        free(h->sentence);
        free(h->title);
        free(h->url);
        return NG_ENOMEM;
    }
    ex->n_hits++;
    return NG_OK;
}

/* The consumer: keeps every relation of the doc that joins A and B (or touches A). */
static int collect(void *ctx, const ng_doc *doc)
{
    explain *ex = ctx;
    int error = NG_OK;
    int8_t *in_a = NULL, *in_b = NULL;
    if (!doc->n_actors) return NG_OK;
    if (!(in_a = ng_calloc(doc->n_actors, 1)) || !(in_b = ng_calloc(doc->n_actors, 1))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < doc->n_actors; i++) {
        int m = actor_matches(&doc->actors[i], ex->a.fold);
        if (m < 0) { error = m; goto cleanup; }
        in_a[i] = (int8_t)m;
        if (ex->b.fold) {
            if ((m = actor_matches(&doc->actors[i], ex->b.fold)) < 0) { error = m; goto cleanup; }
            in_b[i] = (int8_t)m;
        }
    }
    for (size_t k = 0; k < doc->n_relations; k++) {
        const ng_relation *r = &doc->relations[k];
        uint32_t s = r->source, t = r->target, gs = 0, gt = 0;
        if (s >= doc->n_actors || t >= doc->n_actors) continue;
        if (ex->b.fold) {
            if (in_a[s] && in_b[t]) gs = 0, gt = 1;
            else if (in_b[s] && in_a[t]) gs = 1, gt = 0;
            else continue;
        } else if (in_a[s] && !in_a[t]) {
            gs = 0;
            if ((error = name_index(ex, &doc->actors[t], &gt)) < 0) goto cleanup;
        } else if (in_a[t] && !in_a[s]) {
            gt = 0;
            if ((error = name_index(ex, &doc->actors[s], &gs)) < 0) goto cleanup;
        } else {
            continue;
        }
        /* a symmetric relation reads from A's side */
        if (ng_rel_symmetric(r->rel) && gt == 0) {
            uint32_t x = gs;
            gs = gt;
            gt = x;
            x = s;
            s = t;
            t = x;
        }
        if (gs <= 1 && (error = keep_fullest(gs == 0 ? &ex->a.label : &ex->b.label, doc->actors[s].label)) < 0)
            goto cleanup;
        if (gt <= 1 && (error = keep_fullest(gt == 0 ? &ex->a.label : &ex->b.label, doc->actors[t].label)) < 0)
            goto cleanup;
        if ((error = add_hit(ex, doc, r, gs, gt)) < 0) goto cleanup;
    }
cleanup:
    free(in_a);
    free(in_b);
    if (error < 0) ng_error_set("explain: out of memory");
    return error;
}

static const char *group_label(const explain *ex, uint32_t g)
{
    if (g == 0) return ex->a.label ? ex->a.label : "?";
    if (g == 1) return ex->b.label ? ex->b.label : "?";
    return ex->names[g].label;
}

static int cmp_hit(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    int c = strcmp(ng_rel_name(a->rel), ng_rel_name(b->rel));
    if (c) return c;
    if ((c = strcmp(a->src_label, b->src_label)) != 0) return c;
    if ((c = strcmp(a->dst_label, b->dst_label)) != 0) return c;
    if (a->src_group != b->src_group) return a->src_group < b->src_group ? -1 : 1;
    if (a->dst_group != b->dst_group) return a->dst_group < b->dst_group ? -1 : 1;
    /* undated last */
    if (!a->date[0] != !b->date[0]) return a->date[0] ? -1 : 1;
    if ((c = strcmp(a->date, b->date)) != 0) return c;
    if ((c = strcmp(a->article, b->article)) != 0) return c;
    if (a->offset != b->offset) return a->offset < b->offset ? -1 : 1;
    return strcmp(a->sentence, b->sentence);
}

static void print_hits(explain *ex, const char *a_given, const char *b_given)
{
    if (!ex->n_hits) {
        if (b_given) printf("no relation between %s and %s\n", a_given, b_given);
        else printf("no relation involving %s\n", a_given);
        return;
    }
    for (size_t i = 0; i < ex->n_hits; i++) {
        ex->hits[i].src_label = group_label(ex, ex->hits[i].src_group);
        ex->hits[i].dst_label = group_label(ex, ex->hits[i].dst_group);
    }
    qsort(ex->hits, ex->n_hits, sizeof *ex->hits, cmp_hit);
    for (size_t i = 0; i < ex->n_hits;) {
        const hit *h = &ex->hits[i];
        size_t j = i;
        while (j < ex->n_hits && ex->hits[j].rel == h->rel && ex->hits[j].src_group == h->src_group &&
               ex->hits[j].dst_group == h->dst_group)
            j++;
        printf("%s%s %s %s %s: %zu sentence%s\n", i ? "\n" : "", ng_rel_name(h->rel),
               group_label(ex, h->src_group), ng_rel_symmetric(h->rel) ? "--" : "->",
               group_label(ex, h->dst_group), j - i, j - i == 1 ? "" : "s");
        for (size_t k = i; k < j; k++) {
            const hit *x = &ex->hits[k];
            /* the id comes from a file name, which may hold a line break or an escape
             * sequence (the sentence was cleaned of control characters by extraction) */
            char id[NG_ERROR_MAX];
            ng_text_printable(id, sizeof id, x->article, strlen(x->article), 0);
            printf("  %s  %s  %s\n", x->date[0] ? x->date : "(no date)", id, x->sentence);
            /* the article to cite: its title and address, when the input gave them */
            if (x->title || x->url) {
                char title[NG_ERROR_MAX], url[NG_ERROR_MAX];
                ng_text_printable(title, sizeof title, x->title ? x->title : "",
                                  x->title ? strlen(x->title) : 0, 0);
                ng_text_printable(url, sizeof url, x->url ? x->url : "", x->url ? strlen(x->url) : 0, 0);
                printf("      %s%s%s%s\n", title, x->title && x->url ? " <" : "", url,
                       x->title && x->url ? ">" : "");
            }
        }
        i = j;
    }
}

static void explain_free(explain *ex)
{
    free(ex->a.fold);
    free(ex->a.label);
    free(ex->b.fold);
    free(ex->b.label);
    for (size_t i = 2; i < ex->n_names; i++) {
        free(ex->names[i].key);
        free(ex->names[i].label);
    }
    free(ex->names);
    for (size_t i = 0; i < ex->n_hits; i++) {
        free(ex->hits[i].article);
        free(ex->hits[i].title);
        free(ex->hits[i].url);
        free(ex->hits[i].date);
        free(ex->hits[i].sentence);
    }
    free(ex->hits);
}

static void help(const cli_opt *opts)
{
    printf("usage: newsgraph explain [options] INPUT... --between \"A\" [\"B\"]\n\n"
           "Prints every sentence of the articles that supports a relation between A and B, with\n"
           "its relation, direction, article id and date, grouped by edge. With only A, every\n"
           "relation that touches A. A and B are matched against the actors' names and aliases\n"
           "(case and accents do not matter); a person an article names by surname only matches\n"
           "when that surname is a word of the name given.\n\n"
           "B is the argument after A unless it starts with '-' or names an existing file or\n"
           "directory; put INPUTs before --between, or end A alone with '--between A --'.\n\n"
           "INPUT: as for 'newsgraph build'.\n\n"
           "Options:\n");
    cli_print_options(stdout, opts);
}

static int is_path(const char *s)
{
    struct stat st;
    return strcmp(s, "-") == 0 || stat(s, &st) == 0;
}

int cmd_explain(int argc, char **argv)
{
    int rc = NG_EXIT_USAGE, want_help = 0, nargs = 0;
    const char *a_given = NULL, *b_given = NULL;
    char **args = NULL;
    cli_list inputs = {0};
    pipeline_opts po = {0};
    pipeline_stats st;
    explain ex;
    memset(&ex, 0, sizeof ex);
    const cli_opt opts[] = {
        /* taken out of argv before the table-driven parse (it takes one or two values); listed
         * here for --help, the man page and the completion */
        {0, "between", OPT_STRING, &a_given, "A [B]", "the actors to explain (required)"},
        PIPELINE_OPTIONS(po),
        {'q', "quiet", OPT_FLAG, &cli_quiet, NULL, "print errors only"},
        {'v', "verbose", OPT_FLAG, &cli_verbose, NULL, "print progress details"},
        {0, NULL, OPT_FLAG, NULL, NULL, NULL},
    };

    /* --between takes one or two values: take it out before the table-driven parse */
    if (!(args = ng_calloc((size_t)argc + 1, sizeof *args))) {
        cli_error("out of memory");
        rc = NG_EXIT_FAILED;
        goto cleanup;
    }
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        if (i > 0 && strncmp(s, "--between=", 10) == 0) s = NULL, a_given = argv[i] + 10;
        else if (i > 0 && strcmp(s, "--between") == 0) {
            if (i + 1 >= argc) {
                cli_error("explain: --between needs a name (--between \"A\" [\"B\"])");
                goto cleanup;
            }
            a_given = argv[++i];
            s = NULL;
        }
        if (!s) {
            if (i + 1 < argc && strcmp(argv[i + 1], "--") == 0) i++;
            else if (i + 1 < argc && argv[i + 1][0] != '-' && !is_path(argv[i + 1])) b_given = argv[++i];
            continue;
        }
        args[nargs++] = argv[i];
    }
    if ((rc = cli_parse(nargs, args, opts, &inputs, &want_help)) != 0) goto cleanup;
    if (want_help) {
        help(opts);
        rc = NG_EXIT_OK;
        goto cleanup;
    }
    rc = NG_EXIT_USAGE;
    if (!a_given || !*a_given || (b_given && !*b_given)) {
        cli_error("explain: give the actors with --between \"A\" [\"B\"] (see newsgraph explain --help)");
        goto cleanup;
    }
    if (inputs.n == 0) {
        cli_error("explain: no INPUT given (see newsgraph explain --help)");
        goto cleanup;
    }
    if ((rc = cli_declare_relations(&po.relations)) != NG_EXIT_OK) goto cleanup;
    rc = NG_EXIT_FAILED;
    if (!(ex.a.fold = fold_dup(a_given, strlen(a_given))) || (b_given && !(ex.b.fold = fold_dup(b_given, strlen(b_given))))) {
        cli_error("out of memory");
        goto cleanup;
    }
    /* names[0] and names[1] stand for the two sides */
    if (!(ex.names = ng_calloc(16, sizeof *ex.names))) {
        cli_error("out of memory");
        goto cleanup;
    }
    ex.cap_names = 16;
    ex.n_names = 2;
    po.cmd = "explain";
    if ((rc = pipeline_run(&inputs, &po, collect, &ex, &st)) != NG_EXIT_OK) goto cleanup;
    print_hits(&ex, a_given, b_given);
    if (!cli_quiet)
        cli_note("%zu articles read (%zu skipped), %zu supporting sentences", st.articles,
                 st.skipped, ex.n_hits);
    rc = NG_EXIT_OK;
cleanup:
    explain_free(&ex);
    free(args);
    cli_list_free(&inputs);
    pipeline_opts_free(&po);
    return rc;
}
