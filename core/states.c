/* states.c - the ISO 3166-1 alpha-3 code of each built-in state, so that analysts can join the
 * graph with other datasets by country.
 *
 * The codes are the `code` column of extract/data/states.csv (the table of states the
 * extraction reads; its other columns are extract's business), embedded into core beside
 * relations.csv and read on first use. A state's actor key is "state:" + the folded name
 * (extract's make_key), so the lookup folds the same way and needs nothing from extract. */
#include "ng_core.h"

#include <csv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct ng_embedded {
    const char *name;
    const char *data;
    size_t len;
};
extern const struct ng_embedded ng_core_embedded_files[];
extern const size_t ng_core_embedded_count;

typedef struct state_code {
    char *key;   /* "state:<folded name>" */
    char code[4];
} state_code;

static state_code *codes;
static size_t n_codes;
static pthread_once_t codes_once = PTHREAD_ONCE_INIT;

/* The parser's state: the header's columns, then one row's name and code at a time. */
typedef struct load_ctx {
    int col, row, c_name, c_code, oom;
    size_t cap;
    char name[256], code[8];
} load_ctx;

static void on_field(void *s, size_t len, void *data)
{
    load_ctx *c = data;
    const char *f = s ? s : "";
    if (c->row == 0) {
        if (len == 4 && !memcmp(f, "name", 4)) c->c_name = c->col;
        if (len == 4 && !memcmp(f, "code", 4)) c->c_code = c->col;
    } else if (c->col == c->c_name && len < sizeof c->name) {
        memcpy(c->name, f, len);
        c->name[len] = '\0';
    } else if (c->col == c->c_code && len == 3) {
        memcpy(c->code, f, 3);
        c->code[3] = '\0';
    }
    c->col++;
}

static void on_row(int term, void *data)
{
    load_ctx *c = data;
    ng_buf key = NG_BUF_INIT;
    (void)term;
    if (c->row++ > 0 && c->name[0] && c->code[0] && !c->oom) {
        ng_buf_puts(&key, "state:");
        if (NG_ARRAY_GROW(codes, c->cap, n_codes + 1) < 0 ||
            ng_text_fold(&key, c->name, strlen(c->name)) < 0 || key.oom) {
            c->oom = 1;
            ng_buf_free(&key);
        } else {
            codes[n_codes].key = ng_buf_detach(&key);
            memcpy(codes[n_codes++].code, c->code, 4);
        }
    }
    c->col = 0;
    c->name[0] = c->code[0] = '\0';
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const state_code *)a)->key, ((const state_code *)b)->key);
}

/* A broken built-in file is a build defect, caught by every test; out of memory at start-up
 * leaves the table empty (no codes) rather than stopping a run. */
static void load_codes(void)
{
    for (size_t i = 0; i < ng_core_embedded_count; i++) {
        const struct ng_embedded *f = &ng_core_embedded_files[i];
        struct csv_parser p;
        load_ctx c = {0, 0, -1, -1, 0, 0, "", ""};
        if (strcmp(f->name, "states.csv") != 0 || csv_init(&p, CSV_APPEND_NULL) != 0) continue;
        if (csv_parse(&p, f->data, f->len, on_field, on_row, &c) == f->len)
            csv_fini(&p, on_field, on_row, &c);
        csv_free(&p);
    }
    if (n_codes > 1) qsort(codes, n_codes, sizeof *codes, cmp_code);
}

const char *ng_state_code(const char *key)
{
    pthread_once(&codes_once, load_codes);
    if (!key || strncmp(key, "state:", 6) != 0) return "";
    state_code probe = {(char *)key, ""};
    const state_code *hit = n_codes ? bsearch(&probe, codes, n_codes, sizeof *codes, cmp_code) : NULL;
    return hit ? hit->code : "";
}
