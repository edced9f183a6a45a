/*
 * run_cases.c - runs a .cases file through ng_extract_article and compares the edges.
 *
 * Usage: run_cases FILE.cases        (exit 0 when every block passes, 1 otherwise)
 *        run_cases --dump FILE...     (prints the actors and relations of articles)
 *
 * A .cases file is a list of blocks separated by blank lines. In a block:
 *   - text lines (anything else) are the article, joined with newlines;
 *   - `REL | A | B` expects the edge (a symmetric relation in either direction); REL is a
 *     relation of extract/data/relations.csv; A and B are actor labels;
 *   - `!REL | A | B` expects that edge to be absent;
 *   - `%%NONE` expects no edge at all other than affiliated_with;
 *   - `%%date YYYY-MM-DD` gives the article's date (as a reader would);
 *   - `%%break` is an empty line of the article (a paragraph break);
 *   - `@type | Label | person` expects an actor with that label and type;
 *   - `@key | Label | person:key` expects that actor's identity key;
 *   - `@partial | Label` expects a partial person;
 *   - `@absent | Label` expects no actor with that label;
 *   - `@date | REL | A | B | DATE` expects the edge to carry that date;
 *   - lines starting with '#' are comments.
 * Unless a block has `%%SUBSET`, every edge the extraction gives (other than affiliated_with)
 * must be expected: extra edges fail the block, so precision is tested as well as recall.
 */
#include "ng_extract.h"
#include "test_rel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES 256

typedef struct block {
    char *text[MAX_LINES];
    size_t n_text;
    char *exp[MAX_LINES];
    size_t n_exp;
    int none, subset;
    char date[16];
    int line;
} block;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Splits "a | b | c" into fields (in place). */
static size_t split_fields(char *s, char **f, size_t max)
{
    size_t n = 0;
    while (s && n < max) {
        char *bar = strstr(s, " | ");
        if (bar) *bar = '\0';
        f[n++] = trim(s);
        s = bar ? bar + 3 : NULL;
    }
    return n;
}

/* "REL | ..." or "!REL | ...", where REL is a relation of the table (built in or declared). */
static int is_rel_line(const char *s)
{
    char name[NG_REL_NAME_MAX + 1];
    ng_rel rel;
    if (*s == '!') s++;
    const char *bar = strstr(s, " | ");
    if (!bar || (size_t)(bar - s) > NG_REL_NAME_MAX) return 0;
    memcpy(name, s, (size_t)(bar - s));
    name[bar - s] = '\0';
    return ng_rel_parse(&rel, name) == NG_OK;
}

static const ng_actor *find_actor(const ng_doc *d, const char *label)
{
    for (size_t i = 0; i < d->n_actors; i++)
        if (strcmp(d->actors[i].label, label) == 0) return &d->actors[i];
    return NULL;
}

static const ng_relation *find_rel(const ng_doc *d, ng_rel rel, const char *a, const char *b)
{
    for (size_t i = 0; i < d->n_relations; i++) {
        const ng_relation *r = &d->relations[i];
        if (r->rel != rel) continue;
        const char *s = d->actors[r->source].label, *t = d->actors[r->target].label;
        if (strcmp(s, a) == 0 && strcmp(t, b) == 0) return r;
        if (ng_rel_symmetric(rel) && strcmp(s, b) == 0 && strcmp(t, a) == 0) return r;
    }
    return NULL;
}

static void dump(const ng_doc *d, FILE *f)
{
    fprintf(f, "== %s date=%s title=%s bad=%u sentences=%u\n", d->id, d->date,
            d->title ? d->title : "", d->bad_bytes, d->n_sentences);
    for (size_t i = 0; i < d->n_actors; i++) {
        const ng_actor *a = &d->actors[i];
        fprintf(f, "  actor %-12s %-40s %s m=%u%s [%s]\n", ng_etype_name(a->type), a->label, a->key,
                a->mentions, a->partial ? " partial" : "", a->aliases);
    }
    for (size_t i = 0; i < d->n_relations; i++) {
        const ng_relation *r = &d->relations[i];
        fprintf(f, "  %s | %s | %s  (%s @%llu) %.100s\n", ng_rel_name(r->rel),
                d->actors[r->source].label, d->actors[r->target].label, r->date,
                (unsigned long long)r->offset, r->sentence);
    }
}

static int run_block(const ng_lexicon *lex, block *b, const char *file)
{
    ng_buf text = NG_BUF_INIT;
    ng_article art;
    ng_doc *doc = NULL;
    int failed = 0;
    char id[64];
    for (size_t i = 0; i < b->n_text; i++) {
        if (i) ng_buf_putc(&text, '\n');
        ng_buf_puts(&text, b->text[i]);
    }
    snprintf(id, sizeof id, "line%d", b->line);
    memset(&art, 0, sizeof art);
    art.id = id;
    art.origin = id;
    art.date = b->date[0] ? b->date : NULL;
    art.text = text.ptr ? text.ptr : (char *)"";
    art.len = text.len;
    if (ng_extract_article(&doc, lex, &art) < 0) {
        fprintf(stderr, "%s:%d: extraction failed: %s\n", file, b->line, ng_error_last());
        ng_buf_free(&text);
        return 1;
    }
    /* expected edges */
    char *seen_ok = calloc(doc->n_relations + 1, 1);
    for (size_t i = 0; i < b->n_exp; i++) {
        char buf[1024], *f[6];
        snprintf(buf, sizeof buf, "%s", b->exp[i]);
        int rel_line = is_rel_line(buf);
        size_t n = split_fields(buf, f, 6);
        if (rel_line) {
            int neg = f[0][0] == '!';
            ng_rel rel;
            if (n < 3 || ng_rel_parse(&rel, f[0] + neg) < 0) {
                fprintf(stderr, "%s:%d: bad line: %s\n", file, b->line, b->exp[i]);
                failed = 1;
                continue;
            }
            const ng_relation *r = find_rel(doc, rel, f[1], f[2]);
            if (neg && r) {
                fprintf(stderr, "%s:%d: unexpected edge: %s\n", file, b->line, b->exp[i] + 1);
                failed = 1;
            }
            if (!neg && !r) {
                fprintf(stderr, "%s:%d: missing edge: %s\n", file, b->line, b->exp[i]);
                failed = 1;
            }
            if (!neg && r) {
                for (size_t k = 0; k < doc->n_relations; k++)
                    if (doc->relations[k].rel == rel &&
                        find_rel(doc, rel, f[1], f[2]) == &doc->relations[k])
                        seen_ok[k] = 1;
                /* every sentence's copy of this edge counts as expected */
                for (size_t k = 0; k < doc->n_relations; k++) {
                    const ng_relation *x = &doc->relations[k];
                    if (x->rel != rel) continue;
                    const char *s = doc->actors[x->source].label, *t = doc->actors[x->target].label;
                    if ((!strcmp(s, f[1]) && !strcmp(t, f[2])) ||
                        (ng_rel_symmetric(rel) && !strcmp(s, f[2]) && !strcmp(t, f[1])))
                        seen_ok[k] = 1;
                }
            }
            continue;
        }
        if (strcmp(f[0], "@type") == 0 && n >= 3) {
            const ng_actor *a = find_actor(doc, f[1]);
            if (!a || strcmp(ng_etype_name(a->type), f[2]) != 0) {
                fprintf(stderr, "%s:%d: expected actor %s of type %s, got %s\n", file, b->line,
                        f[1], f[2], a ? ng_etype_name(a->type) : "none");
                failed = 1;
            }
        } else if (strcmp(f[0], "@key") == 0 && n >= 3) {
            const ng_actor *a = find_actor(doc, f[1]);
            if (!a || strcmp(a->key, f[2]) != 0) {
                fprintf(stderr, "%s:%d: expected key %s for %s, got %s\n", file, b->line, f[2],
                        f[1], a ? a->key : "none");
                failed = 1;
            }
        } else if (strcmp(f[0], "@partial") == 0 && n >= 2) {
            const ng_actor *a = find_actor(doc, f[1]);
            if (!a || !a->partial) {
                fprintf(stderr, "%s:%d: expected partial person %s\n", file, b->line, f[1]);
                failed = 1;
            }
        } else if (strcmp(f[0], "@absent") == 0 && n >= 2) {
            if (find_actor(doc, f[1])) {
                fprintf(stderr, "%s:%d: unexpected actor %s\n", file, b->line, f[1]);
                failed = 1;
            }
        } else if (strcmp(f[0], "@date") == 0 && n >= 5) {
            ng_rel rel;
            const ng_relation *r =
                ng_rel_parse(&rel, f[1]) == 0 ? find_rel(doc, rel, f[2], f[3]) : NULL;
            for (size_t k = 0; r && k < doc->n_relations; k++)
                if (&doc->relations[k] == r) seen_ok[k] = 1;
            if (!r || strcmp(r->date, f[4]) != 0) {
                fprintf(stderr, "%s:%d: expected date %s on %s %s %s, got %s\n", file, b->line,
                        f[4], f[1], f[2], f[3], r ? r->date : "no edge");
                failed = 1;
            }
        } else {
            fprintf(stderr, "%s:%d: bad expectation: %s\n", file, b->line, b->exp[i]);
            failed = 1;
        }
    }
    if (!b->subset) {
        for (size_t k = 0; k < doc->n_relations; k++) {
            const ng_relation *r = &doc->relations[k];
            if (r->rel == ng_test_rel("affiliated_with") || seen_ok[k]) continue;
            fprintf(stderr, "%s:%d: extra edge: %s | %s | %s\n", file, b->line, ng_rel_name(r->rel),
                    doc->actors[r->source].label, doc->actors[r->target].label);
            failed = 1;
        }
    }
    if (failed) {
        fprintf(stderr, "---- %s:%d: %s\n", file, b->line, art.text);
        dump(doc, stderr);
    }
    free(seen_ok);
    ng_doc_free(doc);
    ng_buf_free(&text);
    return failed;
}

static int run_file(const ng_lexicon *lex, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[8192];
    block b;
    int lineno = 0, failed = 0, blocks = 0, fails = 0;
    if (!f) { fprintf(stderr, "cannot open %s\n", path); return 2; }
    memset(&b, 0, sizeof b);
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        lineno++;
        char *s = got ? trim(line) : NULL;
        if (!got || !*s) {
            if (b.n_text || b.n_exp) {
                blocks++;
                if (run_block(lex, &b, path)) { failed = 1; fails++; }
            }
            for (size_t i = 0; i < b.n_text; i++) free(b.text[i]);
            for (size_t i = 0; i < b.n_exp; i++) free(b.exp[i]);
            memset(&b, 0, sizeof b);
            if (!got) break;
            continue;
        }
        if (*s == '#') continue;
        if (!b.n_text && !b.n_exp) b.line = lineno;
        if (strcmp(s, "%%NONE") == 0) { b.none = 1; continue; }
        if (strcmp(s, "%%SUBSET") == 0) { b.subset = 1; continue; }
        if (strcmp(s, "%%break") == 0) {
            if (b.n_text < MAX_LINES) b.text[b.n_text++] = strdup("");
            continue;
        }
        if (strncmp(s, "%%date ", 7) == 0) {
            snprintf(b.date, sizeof b.date, "%s", s + 7);
            continue;
        }
        if (is_rel_line(s) || s[0] == '@') {
            if (b.n_exp < MAX_LINES) b.exp[b.n_exp++] = strdup(s);
            continue;
        }
        if (b.n_text < MAX_LINES) b.text[b.n_text++] = strdup(s);
    }
    fclose(f);
    printf("%s: %d blocks, %d failed\n", path, blocks, fails);
    return failed;
}

static void on_skip(void *ctx, const char *origin, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "skipped %s: %s\n", origin, msg);
}

int main(int argc, char **argv)
{
    ng_lexicon *lex = NULL;
    int rc = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: run_cases FILE.cases... | run_cases --dump FILE...\n");
        return 2;
    }
    if (ng_lexicon_new(&lex) < 0) {
        fprintf(stderr, "lexicon: %s\n", ng_error_last());
        return 2;
    }
    if (strcmp(argv[1], "--dump") == 0) {
        ng_reader *r = NULL;
        ng_reader_opts ro;
        memset(&ro, 0, sizeof ro);
        ro.on_skip = on_skip;
        if (ng_reader_new(&r, (const char *const *)argv + 2, (size_t)argc - 2, &ro) < 0) {
            fprintf(stderr, "%s\n", ng_error_last());
            ng_lexicon_free(lex);
            return 2;
        }
        for (;;) {
            ng_article *a = NULL;
            ng_doc *d = NULL;
            if (ng_reader_next(r, &a) < 0 || !a) break;
            if (ng_extract_article(&d, lex, a) == 0) dump(d, stdout);
            ng_doc_free(d);
            ng_article_free(a);
        }
        ng_reader_free(r);
    } else {
        for (int i = 1; i < argc; i++)
            if (run_file(lex, argv[i])) rc = 1;
    }
    ng_lexicon_free(lex);
    return rc;
}
