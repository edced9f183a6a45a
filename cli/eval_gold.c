/* eval_gold.c - reads and checks the gold standard of `newsgraph eval` (see eval.h).
 *
 * A gold file is the user's, and a typo in it must not pass as a silently different standard:
 * a row with another number of columns than the header, an unknown type, relation or status,
 * or an empty name is refused with FILE:LINE. Everything is hashed or sorted, so reading and
 * scoring grow about linearly with the gold (200,000 entities and 1,000,000 relations in seconds; it
 * used to be quadratic: a linear search per alias, per relation name and per edge). */
#include "eval.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_COLUMNS 64
/* A gold file is a regular file of at most this size: a link to /dev/zero or a FIFO that
 * never ends a line would otherwise be read into one endless line. 256 MiB is over twice
 * a gold of a million relations. */
#define GOLD_MAX_BYTES ((off_t)256 << 20)

/* ------------------------------------------------------------------ the string map */

static size_t slot_of(const eval_strmap *m, const char *key)
{
    size_t i = (size_t)ng_hash(key, strlen(key)) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0) i = (i + 1) & (m->cap - 1);
    return i;
}

static int map_grow(eval_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    eval_strmap bigger = {calloc(cap, sizeof(char *)), malloc(cap * sizeof(int)), cap, m->n};
    if (!bigger.keys || !bigger.vals) {
        free(bigger.keys);
        free(bigger.vals);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = slot_of(&bigger, m->keys[i]);
        bigger.keys[j] = m->keys[i];
        bigger.vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    *m = bigger;
    return NG_OK;
}

/* The value of `key`, or -1. */
static int map_get(const eval_strmap *m, const char *key)
{
    if (!m->cap) return -1;
    size_t i = slot_of(m, key);
    return m->keys[i] ? m->vals[i] : -1;
}

/* Adds key -> val unless the key is there; *old gets the value it has (val when added). */
static int map_add(eval_strmap *m, const char *key, int val, int *old)
{
    if ((m->n + 1) * 2 > m->cap && map_grow(m) < 0) return NG_ENOMEM;
    size_t i = slot_of(m, key);
    if (m->keys[i]) {
        *old = m->vals[i];
        return NG_OK;
    }
    if (!(m->keys[i] = strdup(key))) return NG_ENOMEM;
    m->vals[i] = *old = val;
    m->n++;
    return NG_OK;
}

static void map_free(eval_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++) free(m->keys[i]);
    free(m->keys);
    free(m->vals);
}

/* ------------------------------------------------------------------ names */

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

int gold_entity_of(const gold *g, const char *label)
{
    char *n = norm(label);
    int e = n ? map_get(&g->by_norm, n) : -1;
    free(n);
    return e;
}

/* ------------------------------------------------------------------ rows */

typedef struct where {
    const char *path;
    size_t line;
} where;

/* Reports a malformed row (FILE:LINE: why); the gold is the user's file: exit 2. */
static int bad_row(const where *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad_row(const where *w, const char *fmt, ...)
{
    char msg[NG_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cli_error("%s:%zu: %s", w->path, w->line, msg);
    return NG_EXIT_USAGE;
}

static int out_of_memory(void)
{
    cli_error("out of memory");
    return NG_EXIT_FAILED;
}

static int add_alias(gold *g, const char *name, int ent, const where *w)
{
    char *n = norm(name);
    int old = ent, error = n ? map_add(&g->by_norm, n, ent, &old) : NG_ENOMEM;
    free(n);
    if (error < 0) return out_of_memory();
    if (old != ent) return bad_row(w, "alias '%s' names two entities", name);
    return NG_EXIT_OK;
}

static int parse_status(int *required, const char *s, const where *w)
{
    if (strcmp(s, "required") == 0) *required = 1;
    else if (strcmp(s, "optional") == 0) *required = 0;
    else return bad_row(w, "status '%s' is neither 'required' nor 'optional'", s);
    return NG_EXIT_OK;
}

/* name, type, aliases, status */
static int entity_row(gold *g, char **c, const where *w)
{
    gold_entity e = {NULL, NG_ETYPE_PERSON, 0};
    int rc, old;
    if (!c[0][0]) return bad_row(w, "empty name");
    if (ng_etype_parse(&e.type, c[1]) < 0 || strcmp(ng_etype_name(e.type), c[1]) != 0)
        return bad_row(w, "unknown type '%s' (person, state, organization or place)", c[1]);
    if ((rc = parse_status(&e.required, c[3], w)) != NG_EXIT_OK) return rc;
    if (g->n_ents == g->cap_ents) {
        size_t cap = g->cap_ents ? g->cap_ents * 2 : 256;
        gold_entity *p = realloc(g->ents, cap * sizeof *p);
        if (!p) return out_of_memory();
        g->ents = p;
        g->cap_ents = cap;
    }
    int idx = (int)g->n_ents;
    if (!(e.name = strdup(c[0])) || map_add(&g->by_name, c[0], idx, &old) < 0) {
        free(e.name);
        return out_of_memory();
    }
    g->ents[g->n_ents++] = e;
    if ((rc = add_alias(g, c[0], idx, w)) != NG_EXIT_OK) return rc;
    char *save = NULL;
    for (char *a = strtok_r(c[2], "|", &save); a; a = strtok_r(NULL, "|", &save))
        if (*a && (rc = add_alias(g, a, idx, w)) != NG_EXIT_OK) return rc;
    return NG_EXIT_OK;
}

static int parse_names(gold *g, char *field, int **out, size_t *n_out, const where *w)
{
    char *save = NULL;
    for (char *a = strtok_r(field, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
        int e = map_get(&g->by_name, a);
        if (e < 0) return bad_row(w, "relation names unknown entity '%s'", a);
        int *p = realloc(*out, (*n_out + 1) * sizeof *p);
        if (!p) return out_of_memory();
        *out = p;
        (*out)[(*n_out)++] = e;
    }
    if (*n_out == 0) return bad_row(w, "empty subject or object");
    return NG_EXIT_OK;
}

/* The names come from the relation table: the built-in ones and those the graph declares. */
static int unknown_relation(const where *w, const char *name)
{
    ng_buf known = NG_BUF_INIT;
    uint64_t declared = 0;
    for (size_t r = 0; r < ng_rel_count() && r < 64; r++) declared |= (uint64_t)1 << r;
    ng_rel_join(&known, 0, declared, " or ");
    if (known.oom) return out_of_memory();
    int rc = bad_row(w, "unknown relation '%s' (%s; a type of your own must be declared in "
                        "the graph, built with --relations)", name, known.ptr ? known.ptr : "");
    ng_buf_free(&known);
    return rc;
}

/* subject, relation, object, status, evidence */
static int relation_row(gold *g, char **c, const where *w)
{
    gold_rel r;
    int rc;
    memset(&r, 0, sizeof r);
    if (ng_rel_parse(&r.rel, c[1]) < 0) return unknown_relation(w, c[1]);
    if ((rc = parse_status(&r.required, c[3], w)) != NG_EXIT_OK) return rc;
    if (g->n_rels == g->cap_rels) {
        size_t cap = g->cap_rels ? g->cap_rels * 2 : 256;
        gold_rel *p = realloc(g->rels, cap * sizeof *p);
        if (!p) return out_of_memory();
        g->rels = p;
        g->cap_rels = cap;
    }
    ng_buf text = NG_BUF_INIT;
    ng_buf_printf(&text, "%s %s %s", c[0], c[1], c[2]);
    if (text.oom) return out_of_memory();
    r.text = ng_buf_detach(&text);
    g->rels[g->n_rels++] = r; /* owned by g from here, whatever follows */
    gold_rel *p = &g->rels[g->n_rels - 1];
    if ((rc = parse_names(g, c[0], &p->subj, &p->n_subj, w)) != NG_EXIT_OK) return rc;
    return parse_names(g, c[2], &p->obj, &p->n_obj, w);
}

/* ------------------------------------------------------------------ files */

/* Splits a TSV line in place; returns the number of cells (more than `max` counts as max+1). */
static size_t split(char *line, char **cells, size_t max)
{
    size_t n = 0;
    for (char *p = line;; p++) {
        if (n == max) return max + 1;
        cells[n++] = p;
        if (!(p = strchr(p, '\t'))) return n;
        *p = '\0';
    }
}

typedef int (*row_fn)(gold *, char **, const where *);

/* The header row: its first columns must be `want`; gives its number of columns. */
static int read_header(size_t *n_columns, char **cells, size_t n, const char *const *want,
                       size_t n_want, const where *w)
{
    for (size_t i = 0; i < n_want; i++) {
        if (i >= n || strcmp(cells[i], want[i]) != 0) {
            cli_error("%s:%zu: the header must start with the columns %s, %s, ...", w->path,
                      w->line, want[0], want[1]);
            return NG_EXIT_USAGE;
        }
    }
    if (n > MAX_COLUMNS) return bad_row(w, "more than %d columns", MAX_COLUMNS);
    *n_columns = n;
    return NG_EXIT_OK;
}

/* Reads a gold TSV: skips a byte-order mark, comments and blank lines, checks the header,
 * calls row() for each row that has as many columns as the header. */
static int read_tsv(gold *g, const char *path, const char *const *header, size_t n_header,
                    row_fn row)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        cli_error("%s: cannot read the gold file", path);
        return NG_EXIT_FAILED;
    }
    struct stat st;
    int regular = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode);
    if (!regular || st.st_size > GOLD_MAX_BYTES) {
        cli_error("%s: not a gold file: %s", path,
                  !regular ? "not a regular file (a device, a FIFO or a folder)"
                           : "larger than 256 MiB");
        fclose(fp);
        return NG_EXIT_USAGE;
    }
    char *line = NULL, *cells[MAX_COLUMNS + 1];
    size_t cap = 0, n_columns = 0;
    ssize_t len;
    where w = {path, 0};
    int rc = NG_EXIT_OK;
    while (rc == NG_EXIT_OK && (len = getline(&line, &cap, fp)) >= 0) {
        char *p = line;
        if (++w.line == 1 && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3, len -= 3;
        while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == '\r')) p[--len] = '\0';
        if (len == 0 || p[0] == '#') continue;
        size_t n = split(p, cells, MAX_COLUMNS);
        if (!n_columns) rc = read_header(&n_columns, cells, n, header, n_header, &w);
        else if (n != n_columns) {
                rc = bad_row(&w, "row has %s%zu columns, the header has %zu (a tab too many or too few?)",
                         n > MAX_COLUMNS ? "more than " : "", n > MAX_COLUMNS ? (size_t)MAX_COLUMNS : n,
                         n_columns);
        } else rc = row(g, cells, &w);
    }
    if (rc == NG_EXIT_OK && ferror(fp)) {
        cli_error("%s: read error", path);
        rc = NG_EXIT_FAILED;
    }
    if (rc == NG_EXIT_OK && !n_columns) {
        cli_error("%s: no header row (the columns %s, %s, ...)", path, header[0], header[1]);
        rc = NG_EXIT_USAGE;
    }
    free(line);
    fclose(fp);
    return rc;
}

static int cmp_slot(const void *a, const void *b)
{
    const gold_slot *x = a, *y = b;
    if (x->rel != y->rel) return x->rel < y->rel ? -1 : 1;
    if (x->ent != y->ent) return x->ent < y->ent ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* The relation indexes: one entry per (row, subject entity) and per (row, object entity). */
static int index_rows(gold *g)
{
    for (int side = 0; side < 2; side++) {
        size_t n = 0;
        for (size_t i = 0; i < g->n_rels; i++) n += side ? g->rels[i].n_obj : g->rels[i].n_subj;
        gold_slot *x = g->index[side] = malloc((n ? n : 1) * sizeof *x);
        if (!x) return out_of_memory();
        for (size_t i = 0; i < g->n_rels; i++) {
            const gold_rel *r = &g->rels[i];
            const int *ents = side ? r->obj : r->subj;
            for (size_t k = 0; k < (side ? r->n_obj : r->n_subj); k++)
                x[g->n_index[side]++] = (gold_slot){(uint32_t)r->rel, (uint32_t)ents[k], (uint32_t)i};
        }
        qsort(x, g->n_index[side], sizeof *x, cmp_slot);
    }
    return NG_EXIT_OK;
}

const gold_slot *gold_rows(const gold *g, int side, ng_rel rel, int ent, size_t *n)
{
    const gold_slot *x = g->index[side];
    gold_slot key = {(uint32_t)rel, (uint32_t)ent, 0};
    size_t lo = 0, hi = g->n_index[side];
    while (lo < hi) { /* the first entry >= (rel, ent, 0) */
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_slot(&x[mid], &key) < 0) lo = mid + 1;
        else hi = mid;
    }
    size_t end = lo;
    while (end < g->n_index[side] && x[end].rel == key.rel && x[end].ent == key.ent) end++;
    *n = end - lo;
    return *n ? &x[lo] : NULL;
}

int gold_read(gold *g, const char *dir)
{
    static const char *const ent_header[] = {"name", "type", "aliases", "status"};
    static const char *const rel_header[] = {"subject", "relation", "object", "status"};
    ng_buf path = NG_BUF_INIT;
    int rc;
    memset(g, 0, sizeof *g);
    ng_buf_printf(&path, "%s/entities.tsv", dir);
    if (path.oom) return out_of_memory();
    rc = read_tsv(g, path.ptr, ent_header, 4, entity_row);
    ng_buf_clear(&path);
    ng_buf_printf(&path, "%s/relations.tsv", dir);
    if (rc == NG_EXIT_OK) rc = path.oom ? out_of_memory() : read_tsv(g, path.ptr, rel_header, 4, relation_row);
    if (rc == NG_EXIT_OK) rc = index_rows(g);
    ng_buf_free(&path);
    return rc;
}

void gold_free(gold *g)
{
    for (size_t i = 0; i < g->n_ents; i++) free(g->ents[i].name);
    for (size_t i = 0; i < g->n_rels; i++) {
        free(g->rels[i].subj);
        free(g->rels[i].obj);
        free(g->rels[i].text);
    }
    free(g->ents);
    free(g->rels);
    map_free(&g->by_name);
    map_free(&g->by_norm);
    free(g->index[0]);
    free(g->index[1]);
    memset(g, 0, sizeof *g);
}
