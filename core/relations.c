/* relations.c - the relation types: one process-wide table read by every stage.
 *
 * The built-in rows are extract/data/relations.csv, embedded into this library at build time
 * (cmake/embed.cmake) and parsed on first use by the same loader as a user's --relations file,
 * so the file is the only place a relation is defined. Rows live in a fixed array and are
 * published by storing the new count with release order: a reader that loads the count with
 * acquire order sees every row below it complete, so readers need no lock, and the rows never
 * move or change. Declaring takes a mutex (declarations come at start-up, one at a time).
 * No row allocates: the table needs no freeing. */
#include "ng_core.h"
#include "relations_internal.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct ng_embedded {
    const char *name;
    const char *data;
    size_t len;
};
extern const struct ng_embedded ng_core_embedded_files[];
extern const size_t ng_core_embedded_count;

static ng_rel_def rows[NG_REL_MAX];
static atomic_size_t n_rows;
static pthread_once_t builtins_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t declare_lock = PTHREAD_MUTEX_INITIALIZER;

static int declare(const char *origin, const char *data, size_t len, unsigned flags, int builtin);

/* A broken built-in file is a build defect, caught by every test: stop loudly. */
static void load_builtins(void)
{
    for (size_t i = 0; i < ng_core_embedded_count; i++) {
        const struct ng_embedded *f = &ng_core_embedded_files[i];
        if (strcmp(f->name, "relations.csv") != 0) continue;
        if (declare(f->name, f->data, f->len, 0, 1) < 0) {
            fprintf(stderr, "newsgraph: built-in data %s\n", ng_error_last());
            abort();
        }
    }
    NG_ASSERT(atomic_load(&n_rows) > 0);
}

size_t ng_rel_count(void)
{
    pthread_once(&builtins_once, load_builtins);
    return atomic_load_explicit(&n_rows, memory_order_acquire);
}

const ng_rel_def *ng_rel_get(ng_rel r)
{
    return r < ng_rel_count() ? &rows[r] : NULL;
}

const char *ng_rel_name(ng_rel r)
{
    const ng_rel_def *d = ng_rel_get(r);
    return d ? d->name : "unknown";
}

int ng_rel_symmetric(ng_rel r)
{
    const ng_rel_def *d = ng_rel_get(r);
    return d && d->symmetric;
}

int ng_rel_hostile(ng_rel r)
{
    const ng_rel_def *d = ng_rel_get(r);
    return d && d->hostile;
}

int ng_rel_builtin(ng_rel r)
{
    const ng_rel_def *d = ng_rel_get(r);
    return d && d->builtin;
}

int ng_rel_allows(ng_rel r, ng_etype s, ng_etype o)
{
    const ng_rel_def *d = ng_rel_get(r);
    return d && (unsigned)s < NG_ETYPE__COUNT && (unsigned)o < NG_ETYPE__COUNT &&
           (d->subjects & (1u << s)) && (d->objects & (1u << o));
}

static int find(const char *name, size_t n, ng_rel *out)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(rows[i].name, name) == 0) {
            *out = (ng_rel)i;
            return 1;
        }
    }
    return 0;
}

int ng_rel_parse(ng_rel *out, const char *name)
{
    ng_buf known = NG_BUF_INIT;
    if (find(name, ng_rel_count(), out)) return NG_OK;
    ng_rel_join(&known, 0, ~(uint64_t)0, " or ");
    ng_error_set("unknown relation '%s' (use %s, or declare it with --relations)", name,
                 known.ptr ? known.ptr : "");
    ng_buf_free(&known);
    return NG_EINVAL;
}

size_t ng_rel_join(ng_buf *out, unsigned props, uint64_t extra, const char *last)
{
    size_t n = ng_rel_count(), total = 0, written = 0;
    int pick[NG_REL_MAX];
    for (size_t r = 0; r < n; r++) {
        const ng_rel_def *d = &rows[r];
        pick[r] = (d->builtin || (extra >> r & 1u)) &&
                  (!(props & NG_REL_IS_SYMMETRIC) || d->symmetric) &&
                  (!(props & NG_REL_IS_HOSTILE) || d->hostile);
        total += (size_t)pick[r];
    }
    for (size_t r = 0; r < n; r++) {
        if (!pick[r]) continue;
        if (written) ng_buf_puts(out, written + 1 == total ? last : ", ");
        ng_buf_puts(out, rows[r].name);
        written++;
    }
    return written;
}

/* ------------------------------------------------------------------ writing definitions */

static void put_types(ng_buf *b, unsigned types)
{
    int first = 1;
    for (int t = 0; t < NG_ETYPE__COUNT; t++) {
        if (!(types & (1u << t))) continue;
        if (!first) ng_buf_putc(b, '|');
        ng_buf_puts(b, ng_etype_name((ng_etype)t));
        first = 0;
    }
}

/* A description is quoted (its quotes doubled) when it holds a comma or a quote. */
static void put_description(ng_buf *b, const char *s)
{
    if (!strpbrk(s, ",\"")) {
        ng_buf_puts(b, s);
        return;
    }
    ng_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"') ng_buf_putc(b, '"');
        ng_buf_putc(b, *s);
    }
    ng_buf_putc(b, '"');
}

int ng_rel_write_csv(ng_buf *out, uint64_t which)
{
    size_t n = ng_rel_count();
    int standing = 0; /* the optional column, only when a row needs it (files keep their bytes) */
    for (size_t r = 0; r < n; r++) standing |= (which >> r & 1u) && rows[r].standing;
    ng_buf_printf(out, "name,direction,hostile,subjects,objects,description%s\n",
                  standing ? ",standing" : "");
    for (size_t r = 0; r < n; r++) {
        const ng_rel_def *d = &rows[r];
        if (!(which >> r & 1u)) continue;
        ng_buf_printf(out, "%s,%s,%s,", d->name, d->symmetric ? "symmetric" : "directed",
                      d->hostile ? "yes" : "no");
        put_types(out, d->subjects);
        ng_buf_putc(out, ',');
        put_types(out, d->objects);
        ng_buf_putc(out, ',');
        put_description(out, d->description);
        if (standing) ng_buf_puts(out, d->standing ? ",yes" : ",no");
        ng_buf_putc(out, '\n');
    }
    return out->oom ? NG_ENOMEM : NG_OK;
}

/* ------------------------------------------------------------------ reading CSV rows */

/* The columns up to description are required; standing is optional (no when absent). */
enum {
    COL_NAME,
    COL_DIRECTION,
    COL_HOSTILE,
    COL_SUBJECTS,
    COL_OBJECTS,
    COL_DESCRIPTION,
    COLS_REQUIRED,
    COL_STANDING = COLS_REQUIRED,
    COLS
};
static const char *const col_names[COLS] = {"name",    "direction",   "hostile", "subjects",
                                            "objects", "description", "standing"};
#define HEADER_TEXT "name,direction,hostile,subjects,objects,description"
#define MAX_FIELDS 16

typedef struct row {
    char *f[MAX_FIELDS];
    size_t n;    /* fields seen (may exceed MAX_FIELDS: the rest are not kept) */
    size_t line; /* where the row starts */
} row;

typedef struct rows_ctx {
    row *v;
    size_t n, cap;
    row cur;
    size_t line;
    int in_row, oom;
} rows_ctx;

static void on_field(void *s, size_t len, void *data)
{
    rows_ctx *c = data;
    if (c->oom) return;
    if (!c->in_row) {
        c->in_row = 1;
        c->cur.line = c->line;
        c->cur.n = 0;
    }
    if (c->cur.n < MAX_FIELDS && !(c->cur.f[c->cur.n] = ng_strndup(s ? s : "", s ? len : 0))) {
        c->oom = 1;
        return;
    }
    c->cur.n++;
}

static void on_row(int term, void *data)
{
    rows_ctx *c = data;
    (void)term;
    if (c->oom) return;
    if (!c->in_row) { /* an empty line: no row */
        return;
    }
    c->in_row = 0;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        row *v = ng_realloc(c->v, cap * sizeof *v);
        if (!v) {
            c->oom = 1;
            return;
        }
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = c->cur;
    memset(&c->cur, 0, sizeof c->cur);
}

static void rows_free(rows_ctx *c)
{
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = 0; j < c->v[i].n && j < MAX_FIELDS; j++)
            free(c->v[i].f[j]);
    for (size_t j = 0; c->in_row && j < c->cur.n && j < MAX_FIELDS; j++)
        free(c->cur.f[j]);
    free(c->v);
}

/* The end of the line that starts at i: past its LF, CR LF or lone CR (a spreadsheet on an
 * old Mac ends lines with CR alone; libcsv takes each as a row end, so the lines must agree). */
static size_t line_end(const char *data, size_t len, size_t i)
{
    while (i < len && data[i] != '\n' && data[i] != '\r')
        i++;
    if (i < len && data[i] == '\r' && i + 1 < len && data[i + 1] == '\n') i++;
    return i < len ? i + 1 : i;
}

/* Parses the document one line at a time, so that each row knows the line it starts on. */
static int parse_rows(rows_ctx *c, const char *origin, const char *data, size_t len)
{
    struct csv_parser p;
    int error = NG_OK;
    if (csv_init(&p, CSV_APPEND_NULL) != 0) {
        ng_error_set("%s: cannot start the CSV parser", origin);
        return NG_ENOMEM;
    }
    c->line = 1;
    for (size_t i = 0; i < len && !c->oom;) {
        size_t j = line_end(data, len, i);
        if (csv_parse(&p, data + i, j - i, on_field, on_row, c) != j - i) {
            ng_error_set("%s:%zu: CSV error: %s", origin, c->line, csv_strerror(csv_error(&p)));
            error = NG_EINVAL;
            break;
        }
        c->line++;
        i = j;
    }
    if (!error) csv_fini(&p, on_field, on_row, c);
    csv_free(&p);
    if (!error && c->oom) error = NG_ENOMEM;
    return error;
}

/* ------------------------------------------------------------------ checking a row */

static const char *field(const row *r, int col)
{
    return col >= 0 && (size_t)col < r->n && col < MAX_FIELDS ? r->f[col] : "";
}

/* Trims spaces, tabs and carriage returns at both ends, in place. */
static void trim(char *s)
{
    size_t n = strlen(s), k = 0;
    while (n && strchr(" \t\r", s[n - 1]))
        n--;
    while (k < n && strchr(" \t", s[k]))
        k++;
    memmove(s, s + k, n - k);
    s[n - k] = '\0';
}

static int valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > NG_REL_NAME_MAX || !(s[0] >= 'a' && s[0] <= 'z')) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

/* Valid UTF-8 without control characters. */
static int valid_text(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        size_t k = *u < 0x80             ? 1
                   : (*u & 0xE0) == 0xC0 ? 2
                   : (*u & 0xF0) == 0xE0 ? 3
                   : (*u & 0xF8) == 0xF0 ? 4
                                         : 0;
        if (k == 0 || (k == 1 && (*u < 0x20 || *u == 0x7F)) || (k == 2 && *u < 0xC2)) return 0;
        for (size_t i = 1; i < k; i++)
            if ((u[i] & 0xC0) != 0x80) return 0;
        u += k;
    }
    return 1;
}

/* "person|state" -> bits; `what` is "subjects" or "objects". */
static int parse_types(unsigned *out, const char *list, const char *where, const char *what)
{
    char item[64];
    *out = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, "|");
        ng_etype t;
        snprintf(item, sizeof item, "%.*s", (int)(n < sizeof item - 1 ? n : sizeof item - 1), p);
        trim(item);
        if (ng_etype_parse(&t, item) < 0) {
            ng_error_set("%s: unknown actor type '%s' in %s (use person, state, organization "
                         "or place, '|'-separated)",
                         where, item, what);
            return NG_EINVAL;
        }
        *out |= 1u << t;
        p += n;
        if (*p == '|') p++;
    }
    if (!*out) {
        ng_error_set("%s: no actor type in %s (give e.g. person|state|organization)", where, what);
        return NG_EINVAL;
    }
    return NG_OK;
}

/* Fills d from a row; NG_EINVAL with "WHERE: what to fix". */
static int parse_row(ng_rel_def *d, const row *r, const int *col, size_t want, const char *where)
{
    const char *name = field(r, col[COL_NAME]), *dir = field(r, col[COL_DIRECTION]);
    const char *hostile = field(r, col[COL_HOSTILE]), *desc = field(r, col[COL_DESCRIPTION]);
    int error;
    memset(d, 0, sizeof *d);
    if (r->n < want)
        return ng_error_set("%s: %zu fields, but the header has %zu (" HEADER_TEXT ")", where, r->n,
                            want),
               NG_EINVAL;
    if (!valid_name(name))
        return ng_error_set("%s: bad relation name '%.40s' (lower-case letters, digits and "
                            "'_', starting with a letter, at most %d bytes)",
                            where, name, NG_REL_NAME_MAX),
               NG_EINVAL;
    memcpy(d->name, name, strlen(name) + 1);
    if (strcmp(dir, "symmetric") == 0)
        d->symmetric = 1;
    else if (strcmp(dir, "directed") != 0)
        return ng_error_set("%s: unknown direction '%.40s' for '%s' (use directed or "
                            "symmetric)",
                            where, dir, name),
               NG_EINVAL;
    if (strcmp(hostile, "yes") == 0)
        d->hostile = 1;
    else if (strcmp(hostile, "no") != 0)
        return ng_error_set("%s: hostile must be yes or no for '%s', not '%.40s'", where, name,
                            hostile),
               NG_EINVAL;
    if ((error = parse_types(&d->subjects, field(r, col[COL_SUBJECTS]), where, "subjects")) < 0 ||
        (error = parse_types(&d->objects, field(r, col[COL_OBJECTS]), where, "objects")) < 0)
        return error;
    if (strlen(desc) > NG_REL_DESC_MAX || !valid_text(desc))
        return ng_error_set("%s: the description of '%s' must be UTF-8 text of at most %d "
                            "bytes on one line",
                            where, name, NG_REL_DESC_MAX),
               NG_EINVAL;
    memcpy(d->description, desc, strlen(desc) + 1);
    const char *standing = field(r, col[COL_STANDING]);
    if (strcmp(standing, "yes") == 0)
        d->standing = 1;
    else if (*standing && strcmp(standing, "no") != 0)
        return ng_error_set("%s: standing must be yes or no for '%s', not '%.40s'", where, name,
                            standing),
               NG_EINVAL;
    return NG_OK;
}

static int same_definition(const ng_rel_def *a, const ng_rel_def *b)
{
    return a->symmetric == b->symmetric && a->hostile == b->hostile && a->subjects == b->subjects &&
           a->objects == b->objects;
}

/* Checks a new row against the table (rows [0, n)) and the rows taken before it. Returns 1 to
 * add it, 0 to skip it (a known relation repeated, with NG_REL_SAME_OK), or NG_EINVAL. */
static int check_new(const ng_rel_def *d, size_t n, const ng_rel_def *taken, size_t n_taken,
                     unsigned flags, const char *where)
{
    ng_rel known;
    for (size_t i = 0; i < n_taken; i++)
        if (strcmp(taken[i].name, d->name) == 0)
            return ng_error_set("%s: relation '%s' is declared twice in this file", where, d->name),
                   NG_EINVAL;
    if (!find(d->name, n, &known)) return 1;
    if ((flags & NG_REL_SAME_OK) && same_definition(&rows[known], d)) return 0;
    if (flags & NG_REL_SAME_OK)
        return ng_error_set("%s: relation '%s' is declared here as %s%s, but this run already "
                            "has it as %s%s (check the --relations file)",
                            where, d->name, d->symmetric ? "symmetric" : "directed",
                            d->hostile ? " hostile" : "",
                            rows[known].symmetric ? "symmetric" : "directed",
                            rows[known].hostile ? " hostile" : ""),
               NG_EINVAL;
    return ng_error_set("%s: relation '%s' is already declared%s: give yours another name", where,
                        d->name, rows[known].builtin ? " (it is built in)" : ""),
           NG_EINVAL;
}

/* Column indices from the header row; NG_EINVAL when one is missing. */
static int read_header(int col[COLS], rows_ctx *c, const char *origin)
{
    if (c->n == 0)
        return ng_error_set("%s: empty: a relations file starts with the header row " HEADER_TEXT,
                            origin),
               NG_EINVAL;
    row *h = &c->v[0];
    for (int k = 0; k < COLS; k++)
        col[k] = -1;
    for (size_t i = 0; i < h->n && i < MAX_FIELDS; i++) {
        char *name = h->f[i];
        if (i == 0 && strncmp(name, "\xEF\xBB\xBF", 3) == 0)
            memmove(name, name + 3, strlen(name) - 2);
        trim(name);
        for (int k = 0; k < COLS; k++)
            if (strcmp(name, col_names[k]) == 0 && col[k] < 0) col[k] = (int)i;
    }
    for (int k = 0; k < COLS_REQUIRED; k++)
        if (col[k] < 0)
            return ng_error_set("%s:%zu: no '%s' column (the header row is " HEADER_TEXT ")",
                                origin, h->line, col_names[k]),
                   NG_EINVAL;
    return NG_OK;
}

/* Checks every row (rows [0, n) are the table), then appends the new ones at once. */
static int take_rows(rows_ctx *c, const char *origin, unsigned flags, int builtin)
{
    int col[COLS], error;
    ng_rel_def taken[NG_REL_MAX];
    size_t n = atomic_load_explicit(&n_rows, memory_order_relaxed), n_taken = 0, want = 0;
    char where[NG_ERROR_MAX];
    if ((error = read_header(col, c, origin)) < 0) return error;
    for (int k = 0; k < COLS; k++)
        if ((size_t)col[k] + 1 > want) want = (size_t)col[k] + 1;
    for (size_t i = 1; i < c->n; i++) {
        ng_rel_def d;
        snprintf(where, sizeof where, "%s:%zu", origin, c->v[i].line);
        for (size_t j = 0; j < c->v[i].n && j < MAX_FIELDS; j++)
            trim(c->v[i].f[j]);
        if ((error = parse_row(&d, &c->v[i], col, want, where)) < 0) return error;
        if ((error = check_new(&d, n, taken, n_taken, flags, where)) < 0) return error;
        if (error == 0) continue;
        if (n + n_taken >= NG_REL_MAX)
            return ng_error_set("%s: more than %d relation types in all", where, NG_REL_MAX),
                   NG_EINVAL;
        d.builtin = builtin;
        taken[n_taken++] = d;
    }
    memcpy(rows + n, taken, n_taken * sizeof *taken);
    atomic_store_explicit(&n_rows, n + n_taken, memory_order_release);
    return NG_OK;
}

static int declare(const char *origin, const char *data, size_t len, unsigned flags, int builtin)
{
    rows_ctx c;
    int error;
    memset(&c, 0, sizeof c);
    pthread_mutex_lock(&declare_lock);
    if ((error = parse_rows(&c, origin, data, len)) >= 0)
        error = take_rows(&c, origin, flags, builtin);
    pthread_mutex_unlock(&declare_lock);
    rows_free(&c);
    return error;
}

int ng_rel_declare_csv(const char *origin, const char *data, size_t len, unsigned flags)
{
    ng_rel_count(); /* the built-in rows first */
    return declare(origin, data, len, flags, 0);
}

int ng_rel_declare_file(const char *path)
{
    ng_buf b = NG_BUF_INIT;
    char chunk[16384];
    size_t n;
    int error;
    FILE *f = fopen(path, "rb");
    if (!f) {
        ng_error_set("%s: cannot open the relations file: %s", path, strerror(errno));
        return NG_EIO;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < ((size_t)1 << 20))
        ng_buf_put(&b, chunk, n);
    error = ferror(f) ? NG_EIO : b.oom ? NG_ENOMEM : NG_OK;
    fclose(f);
    if (error == NG_EIO)
        ng_error_set("%s: cannot read the relations file", path);
    else if (!error && b.len >= ((size_t)1 << 20)) {
        ng_error_set("%s: larger than 1 MiB: not a relations file", path);
        error = NG_EINVAL;
    }
    if (!error) error = ng_rel_declare_csv(path, b.ptr ? b.ptr : "", b.len, 0);
    ng_buf_free(&b);
    return error;
}

void ng_rel__reset_user(void)
{
    size_t n = ng_rel_count(), builtins = 0;
    pthread_mutex_lock(&declare_lock);
    while (builtins < n && rows[builtins].builtin)
        builtins++;
    memset(rows + builtins, 0, (n - builtins) * sizeof *rows);
    atomic_store_explicit(&n_rows, builtins, memory_order_release);
    pthread_mutex_unlock(&declare_lock);
}
