/* opt.c - a table-driven option parser, so that usage and --help come from one place. */
#include "cmd.h"
#include "ng_graph.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_quiet, cli_verbose;
void (*cli_doc_hook)(const cli_opt *opts);
const cli_opt cli_help_opt = {'h', "help", OPT_FLAG, NULL, NULL, "show this help and exit"};

/* Prints one report line: text quoted from an input (a CSV field, a file name) may hold line
 * breaks, escape sequences or other control characters, which must not split a report or
 * reach the terminal raw: they are escaped (ng_text_printable). A line too long to keep ends
 * with a visible "...". */
static void report(const char *prefix, const char *fmt, va_list ap)
{
    char raw[NG_ERROR_MAX + 4096], line[NG_ERROR_MAX + 4096];
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    if (n < 0) n = 0;
    size_t len = (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1;
    ng_text_printable(line, sizeof line, raw, len, (size_t)n >= sizeof raw);
    fprintf(stderr, "newsgraph: %s%s\n", prefix, line);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report("error: ", fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    if (cli_quiet) return;
    va_start(ap, fmt);
    report("warning: ", fmt, ap);
    va_end(ap);
}

void cli_note(const char *fmt, ...)
{
    va_list ap;
    if (cli_quiet) return;
    va_start(ap, fmt);
    report("", fmt, ap);
    va_end(ap);
}

void cli_list_free(cli_list *l)
{
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

static int list_push(cli_list *l, const char *s)
{
    if (NG_ARRAY_GROW(l->items, l->cap, l->n + 1) < 0) return -1;
    l->items[l->n++] = s;
    return 0;
}

/* Parses a size with an optional K/M/G suffix (powers of 1024). */
static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-') return -1;
    unsigned long long mul = 1;
    if (*end == 'k' || *end == 'K') mul = 1024ULL, end++;
    else if (*end == 'm' || *end == 'M') mul = 1024ULL * 1024, end++;
    else if (*end == 'g' || *end == 'G') mul = 1024ULL * 1024 * 1024, end++;
    if (*end) return -1;
    if (v > SIZE_MAX / mul) return -1;
    *out = (size_t)(v * mul);
    return 0;
}

/* The largest value of an integer option: far above any useful count (--top, -j, ...), and
 * small enough that no product of two of them overflows. */
#define OPT_INT_MAX 1000000000L

static int set_value(const cli_opt *o, const char *arg, const char *shown)
{
    switch (o->kind) {
    case OPT_FLAG: *(int *)o->value = 1; return 0;
    case OPT_STRING: *(const char **)o->value = arg; return 0;
    case OPT_LIST:
        if (list_push((cli_list *)o->value, arg) < 0) {
            cli_error("out of memory");
            return 2;
        }
        return 0;
    case OPT_SIZE:
        if (parse_size(arg, (size_t *)o->value) < 0) {
            cli_error("%s: '%s' is not a size (a number, optionally with K, M or G)", shown, arg);
            return 2;
        }
        return 0;
    case OPT_INT: {
        char *end;
        errno = 0;
        long v = strtol(arg, &end, 10);
        if (end == arg || *end || (v < 0 && errno != ERANGE)) {
            cli_error("%s: '%s' is not a non-negative integer", shown, arg);
            return 2;
        }
        if (errno == ERANGE || v < 0 || v > OPT_INT_MAX) {
            cli_error("%s: %s is out of range (0 to %ld)", shown, arg, OPT_INT_MAX);
            return 2;
        }
        *(int *)o->value = (int)v;
        return 0;
    }
    }
    return 2;
}

int cli_parse(int argc, char **argv, const cli_opt *opts, cli_list *positional, int *help)
{
    int only_positional = 0;
    if (cli_doc_hook) {
        cli_doc_hook(opts);
        *help = 1;
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_positional || a[0] != '-' || strcmp(a, "-") == 0) {
            if (list_push(positional, a) < 0) return 2;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_positional = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            *help = 1;
            continue;
        }
        const cli_opt *o = NULL;
        const char *inline_arg = NULL;
        char shown[64];
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
            for (const cli_opt *p = opts; p->long_name; p++) {
                if (strlen(p->long_name) == n && strncmp(p->long_name, a + 2, n) == 0) o = p;
            }
            if (eq) inline_arg = eq + 1;
        } else {
            for (const cli_opt *p = opts; p->long_name; p++) {
                if (p->short_name && p->short_name == a[1]) o = p;
            }
            if (o && a[2]) inline_arg = a + 2;
        }
        if (!o) {
            cli_error("unknown option '%s' (see --help)", a);
            return 2;
        }
        snprintf(shown, sizeof shown, "--%s", o->long_name);
        if (o->kind == OPT_FLAG) {
            if (inline_arg) {
                cli_error("%s takes no value", shown);
                return 2;
            }
            *(int *)o->value = 1;
            continue;
        }
        const char *arg = inline_arg;
        if (!arg) {
            if (i + 1 >= argc) {
                cli_error("%s needs a value (%s)", shown, o->arg ? o->arg : "ARG");
                return 2;
            }
            arg = argv[++i];
        }
        int rc = set_value(o, arg, shown);
        if (rc) return rc;
    }
    return 0;
}

static void print_option(FILE *fp, const cli_opt *o)
{
    char left[64];
    if (o->short_name)
        snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->long_name,
                 o->arg ? " " : "", o->arg ? o->arg : "");
    else
        snprintf(left, sizeof left, "    --%s%s%s", o->long_name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
    fprintf(fp, "  %-28s %s\n", left, o->help);
}

void cli_print_options(FILE *fp, const cli_opt *opts)
{
    if (cli_doc_hook) { /* the generator has the table itself: mark where it goes */
        fputs(CLI_DOC_MARK "\n", fp);
        return;
    }
    for (const cli_opt *o = opts; o->long_name; o++) print_option(fp, o);
    print_option(fp, &cli_help_opt);
}

int cli_declare_relations(const cli_list *files)
{
    for (size_t i = 0; i < files->n; i++) {
        if (ng_rel_declare_file(files->items[i]) < 0) {
            cli_error("%s", ng_error_last());
            return NG_EXIT_USAGE;
        }
    }
    return NG_EXIT_OK;
}

int cli_relation_list(uint64_t *mask, const char *cmd, const char *list)
{
    char name[NG_REL_NAME_MAX + 2];
    *mask = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        ng_rel r;
        snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), p);
        if (len == 0 || len >= sizeof name) {
            cli_error("%s: --show-relations: '%s' is not a comma-separated list of relation "
                      "types (e.g. met,signed)",
                      cmd, list);
            return NG_EXIT_USAGE;
        }
        if (ng_rel_parse(&r, name) < 0) {
            cli_error("%s: --show-relations: %s", cmd, ng_error_last());
            return NG_EXIT_USAGE;
        }
        *mask |= (uint64_t)1 << r;
        p += len;
        if (*p == ',') p++;
    }
    if (!*mask) {
        cli_error("%s: --show-relations: give at least one relation type", cmd);
        return NG_EXIT_USAGE;
    }
    return NG_EXIT_OK;
}

size_t cli_sources = NG_GRAPH_SOURCES_DEFAULT;

int cli_check_sources(void)
{
    if (cli_sources <= NG_GRAPH_SOURCES_MAX) return NG_EXIT_OK;
    cli_error("--sources %zu: at most %d articles per edge and node", cli_sources,
              NG_GRAPH_SOURCES_MAX);
    return NG_EXIT_USAGE;
}

int cli_graph_new(ng_graph **out)
{
    int error = ng_graph_new(out);
    if (error >= 0 && (error = ng_graph_set_sources(*out, cli_sources)) < 0) {
        ng_graph_free(*out);
        *out = NULL;
    }
    return error;
}
