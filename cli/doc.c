/* doc.c - the man page and the bash completion, generated from the commands' own option tables
 * and --help texts so that neither can drift from the code. At build time (man/CMakeLists.txt)
 * `newsgraph help --man man/newsgraph.1.in` and `newsgraph help --bash-completion
 * man/newsgraph.bash.in` fill the hand-written templates: a line @SYNOPSIS@ or @COMMANDS@
 * (man) or @TABLES@ (bash) becomes the generated part, @VERSION@ the version. */
#include "cmd.h"
#include "ng_export.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What one command documents: its option table (a copy: the command's own lives on its stack)
 * and its --help text, cut in place into the usage line, the prose before the options and the
 * prose after them. */
typedef struct cmd_doc {
    const cli_command *cmd;
    cli_opt *opts;        /* the table, then cli_help_opt, then a NULL row; owned */
    char *text;           /* the captured --help output; owned; the strings below point in it */
    const char *usage;    /* "newsgraph build [options] INPUT..." */
    const char *prose;    /* the paragraphs between the usage line and "Options:" */
    const char *epilogue; /* whatever the command printed after its options */
} cmd_doc;

void cli_command_summary(char *buf, size_t size, const cli_command *c)
{
    size_t n = (size_t)snprintf(buf, size, "%s", c->summary);
    for (int f = 0; c->formats && f < NG_FORMAT__COUNT && n < size; f++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", f ? ", " : " (",
                              ng_format_get((ng_format)f)->title);
    if (c->formats && n < size) snprintf(buf + n, size - n, ")");
}

static cli_opt *taken; /* the table cli_parse handed over in documentation mode */

static void take_table(const cli_opt *opts)
{
    size_t n = 0;
    while (opts[n].long_name) n++;
    free(taken);
    if (!(taken = calloc(n + 2, sizeof *taken))) return;
    memcpy(taken, opts, n * sizeof *taken);
    for (size_t i = 0; i < n; i++) taken[i].value = NULL; /* points into a finished call */
    taken[n] = cli_help_opt;
}

/* Reads what is left of fp from its start into a NUL-terminated string (caller frees). */
static char *slurp(FILE *fp)
{
    long size;
    char *s = NULL;
    if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0)
        return NULL;
    if (!(s = malloc((size_t)size + 1))) return NULL;
    if (fread(s, 1, (size_t)size, fp) != (size_t)size) {
        free(s);
        return NULL;
    }
    s[size] = '\0';
    return s;
}

/* Runs `newsgraph NAME` in documentation mode with its standard output in a temporary file. */
static int capture(cmd_doc *d)
{
    int error = -1, saved = -1, status = 0;
    FILE *tmp = NULL;
    char *argv[] = {(char *)d->cmd->name, NULL};

    fflush(stdout);
    if (!(tmp = tmpfile()) || (saved = dup(STDOUT_FILENO)) < 0) goto cleanup;
    if (dup2(fileno(tmp), STDOUT_FILENO) < 0) goto cleanup;
    cli_doc_hook = take_table;
    status = d->cmd->run(1, argv);
    cli_doc_hook = NULL;
    fflush(stdout);
    if (dup2(saved, STDOUT_FILENO) < 0) goto cleanup;
    if (status != NG_EXIT_OK || !taken || !(d->text = slurp(tmp))) goto cleanup;
    d->opts = taken;
    taken = NULL;
    error = 0;
cleanup:
    if (saved >= 0) close(saved);
    if (tmp) fclose(tmp);
    free(taken);
    taken = NULL;
    if (error < 0) cli_error("help: cannot read the help of '%s'", d->cmd->name);
    return error;
}

/* Cuts d->text into usage, prose and epilogue (see cmd_doc). */
static int split_help(cmd_doc *d)
{
    static const char prefix[] = "usage: ", heading[] = "Options:\n";
    char *s = d->text, *nl, *mark;
    size_t len;
    if (strncmp(s, prefix, strlen(prefix)) != 0 || !(nl = strchr(s, '\n')) ||
        !(mark = strstr(nl, "\n" CLI_DOC_MARK "\n"))) {
        cli_error("help: the help of '%s' does not read 'usage: ...', then the options",
                  d->cmd->name);
        return -1;
    }
    d->epilogue = mark + 3;
    mark[1] = '\0'; /* the prose ends with its last newline */
    *nl = '\0';
    d->usage = s + strlen(prefix);
    d->prose = nl + 1;
    /* drop the "Options:" heading: the man page writes its own */
    len = strlen(d->prose);
    if (len >= strlen(heading) && strcmp(d->prose + len - strlen(heading), heading) == 0)
        nl[1 + len - strlen(heading)] = '\0';
    return 0;
}

/* ---- roff ---- */

/* Writes the UTF-8 sequence at s as a groff \[uXXXX] escape; returns the bytes it used. */
static size_t roff_utf8(FILE *out, const unsigned char *s, size_t n)
{
    size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 1;
    unsigned long cp = len == 4 ? s[0] & 0x07u : len == 3 ? s[0] & 0x0fu : s[0] & 0x1fu;
    if (len == 1 || len > n) {
        fputc('?', out);
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            fputc('?', out);
            return 1;
        }
        cp = cp << 6 | (s[i] & 0x3fu);
    }
    fprintf(out, "\\[u%04lX]", cp);
    return len;
}

/* Writes s[0..n) as roff text: backslashes escaped, a hyphen that starts an option (or '-')
 * as a minus sign, other characters as they are, UTF-8 as groff escapes. */
static void roff(FILE *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if (u[i] == '\\') fputs("\\e", out);
        else if (u[i] == '-' && (i == 0 || strchr(" ('\"[|=/,", s[i - 1])))
            fputs("\\%\\-", out); /* an option: a minus sign, and never hyphenated */
        else if (u[i] == '-' && ((i > 0 && s[i - 1] == '-') || (i + 1 < n && s[i + 1] == '-')))
            fputs("\\-", out);
        else if (u[i] >= 0x80) i += roff_utf8(out, u + i, n - i) - 1;
        else if (u[i] < 0x20 || u[i] == 0x7f) fputc(' ', out);
        else fputc(u[i], out);
    }
}

/* Writes one text line: a line that starts with '.' or '\'' would be a request. */
static void roff_line(FILE *out, const char *s, size_t n)
{
    if (n && (s[0] == '.' || s[0] == '\'')) fputs("\\&", out);
    roff(out, s, n);
    fputc('\n', out);
}

static int is_upper(char c) { return (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_lower(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

/* Writes a usage line, with placeholders (words of two or more capitals) in italics. */
static void roff_usage(FILE *out, const char *s)
{
    size_t i = 0, n = strlen(s);
    if (s[0] == '.' || s[0] == '\'') fputs("\\&", out);
    while (i < n) {
        size_t j = i;
        int word_start = i == 0 || !is_lower(s[i - 1]);
        while (j < n && (is_upper(s[j]) || (j > i && s[j] >= '0' && s[j] <= '9'))) j++;
        if (word_start && j - i >= 2 && !(j < n && is_lower(s[j]))) {
            fputs("\\fI", out);
            roff(out, s + i, j - i);
            fputs("\\fR", out);
            i = j;
            continue;
        }
        j = i + 1;
        while (j < n && !is_upper(s[j])) j++;
        roff(out, s + i, j - i);
        i = j;
    }
}

/* Writes help-text paragraphs: blank lines part paragraphs; indented lines (a table of
 * metrics, say) keep their layout in an indented no-fill block. */
static void man_prose(FILE *out, const char *s)
{
    int in_block = 0, new_para = 1;
    while (*s) {
        const char *end = strchr(s, '\n');
        size_t n = end ? (size_t)(end - s) : strlen(s), skip = 0;
        int indented = n > 0 && s[0] == ' ';
        if (in_block && !indented) {
            fputs(".fi\n.RE\n", out);
            in_block = 0;
        }
        if (n == 0) {
            new_para = 1;
        } else {
            if (new_para) fputs(".PP\n", out);
            new_para = 0;
            if (indented && !in_block) {
                fputs(".RS 2\n.nf\n", out);
                in_block = 1;
            }
            while (indented && skip < 2 && s[skip] == ' ') skip++;
            roff_line(out, s + skip, n - skip);
        }
        s += n + (end ? 1 : 0);
    }
    if (in_block) fputs(".fi\n.RE\n", out);
}

static void man_option(FILE *out, const cli_opt *o)
{
    fputs(".TP\n", out);
    if (o->short_name) fprintf(out, "\\fB\\-%c\\fR, ", o->short_name);
    fputs("\\fB\\-\\-", out);
    roff(out, o->long_name, strlen(o->long_name));
    fputs("\\fR", out);
    if (o->arg) {
        fputs(" \\fI", out);
        roff(out, o->arg, strlen(o->arg));
        fputs("\\fR", out);
    }
    fputc('\n', out);
    roff_line(out, o->help, strlen(o->help));
}

/* Writes "newsgraph NAME" in bold, then the rest of the usage line. */
static void man_usage(FILE *out, const cmd_doc *d)
{
    char head[128];
    size_t n = (size_t)snprintf(head, sizeof head, "newsgraph %s", d->cmd->name);
    if (n < sizeof head && strncmp(d->usage, head, n) == 0 &&
        (d->usage[n] == ' ' || d->usage[n] == '\0')) {
        fprintf(out, ".B newsgraph %s\n", d->cmd->name);
        if (d->usage[n]) {
            roff_usage(out, d->usage + n + 1);
            fputc('\n', out);
        }
    } else {
        roff_usage(out, d->usage);
        fputc('\n', out);
    }
}

static void man_synopsis(FILE *out, const cmd_doc *docs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        man_usage(out, &docs[i]);
        fputs(".br\n", out);
    }
    fputs(".B newsgraph\n\\-\\-help | \\-\\-version | help\n", out);
}

static void man_commands(FILE *out, const cmd_doc *docs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char summary[512];
        cli_command_summary(summary, sizeof summary, docs[i].cmd);
        fprintf(out, ".TP\n.B %s\n", docs[i].cmd->name);
        roff_line(out, summary, strlen(summary));
    }
    for (size_t i = 0; i < n; i++) {
        const cmd_doc *d = &docs[i];
        fprintf(out, ".SS %s\n", d->cmd->name);
        man_usage(out, d);
        man_prose(out, d->prose);
        fputs(".PP\nOptions:\n", out);
        for (const cli_opt *o = d->opts; o->long_name; o++) man_option(out, o);
        if (*d->epilogue) man_prose(out, d->epilogue);
    }
}

/* ---- bash ---- */

/* An option whose value names a file or a directory: the completion offers paths for it. */
static int takes_path(const cli_opt *o)
{
    return o->arg && (strstr(o->arg, "FILE") || strstr(o->arg, "SHARD") || strstr(o->arg, "DIR"));
}

/* Writes the options of one kind as a space-separated list: 0 all, 1 taking a path, 2 taking
 * another value. */
static void bash_list(FILE *out, const cli_opt *opts, int kind)
{
    const char *sep = "";
    for (const cli_opt *o = opts; o->long_name; o++) {
        if ((kind == 1 && !takes_path(o)) || (kind == 2 && (!o->arg || takes_path(o)))) continue;
        if (o->short_name) fprintf(out, "%s-%c", sep, o->short_name), sep = " ";
        fprintf(out, "%s--%s", sep, o->long_name);
        sep = " ";
    }
}

static void bash_tables(FILE *out, const cmd_doc *docs, size_t n)
{
    static const char *const kinds[] = {"options", "paths", "values"};
    fputs("_newsgraph_commands='", out);
    for (size_t i = 0; i < n; i++) fprintf(out, "%s ", docs[i].cmd->name);
    fputs("help'\n", out);
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < 3; k++) {
            fprintf(out, "_newsgraph_%s_%s='", kinds[k], docs[i].cmd->name);
            bash_list(out, docs[i].opts, k);
            fputs("'\n", out);
        }
    }
}

/* Names and options go into shell words and roff requests unquoted: keep them plain. */
static int plain_name(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++) {
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return 0;
    }
    return 1;
}

static int check_doc(const cmd_doc *d)
{
    if (!plain_name(d->cmd->name)) {
        cli_error("help: command name '%s' is not [a-z0-9_-]", d->cmd->name);
        return -1;
    }
    for (const cli_opt *o = d->opts; o->long_name; o++) {
        int documented = o->help && *o->help && (o->kind == OPT_FLAG || o->arg);
        if (!plain_name(o->long_name) || !documented) {
            cli_error("help: %s --%s needs a plain name, a help text and, with a value, an "
                      "argument name", d->cmd->name, o->long_name);
            return -1;
        }
    }
    return 0;
}

/* ---- the template ---- */

static void put_versioned(FILE *out, const char *line)
{
    const char *at;
    while ((at = strstr(line, "@VERSION@"))) {
        fwrite(line, 1, (size_t)(at - line), out);
        fputs(NG_VERSION, out);
        line = at + strlen("@VERSION@");
    }
    fputs(line, out);
}

static int fill(FILE *out, FILE *tpl, const char *tpl_name, int man, const cmd_doc *docs, size_t n)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int error = 0;
    while (!error && (len = getline(&line, &cap, tpl)) >= 0) {
        lineno++;
        if (len > 0 && line[len - 1] == '\n') line[--len] = '\0';
        if (man && strcmp(line, "@SYNOPSIS@") == 0) man_synopsis(out, docs, n);
        else if (man && strcmp(line, "@COMMANDS@") == 0) man_commands(out, docs, n);
        else if (!man && strcmp(line, "@TABLES@") == 0) bash_tables(out, docs, n);
        else if (len > 1 && line[0] == '@' && line[len - 1] == '@') {
            cli_error("help: %s:%zu: unknown placeholder %s", tpl_name, lineno, line);
            error = -1;
        } else {
            put_versioned(out, line);
            fputc('\n', out);
        }
    }
    if (!error && ferror(tpl)) {
        cli_error("help: %s: read failed", tpl_name);
        error = -1;
    }
    free(line);
    return error;
}

/* `help COMMAND` prints the command's --help. */
static int help_command(const char *name, const cli_command *commands, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(commands[i].name, name) == 0) {
            char *argv[] = {(char *)name, "--help", NULL};
            return commands[i].run(2, argv);
        }
    }
    cli_error("help: unknown command '%s' (see newsgraph --help)", name);
    return NG_EXIT_USAGE;
}

int cli_doc_main(int argc, char **argv, const cli_command *commands, size_t n)
{
    int rc = NG_EXIT_FAILED, man;
    cmd_doc *docs = NULL;
    FILE *tpl = NULL;

    if (argc == 2 && argv[1][0] != '-') return help_command(argv[1], commands, n);
    if (argc != 3 || (strcmp(argv[1], "--man") != 0 && strcmp(argv[1], "--bash-completion") != 0)) {
        cli_error("help: give a COMMAND, or --man TEMPLATE or --bash-completion TEMPLATE");
        return NG_EXIT_USAGE;
    }
    man = strcmp(argv[1], "--man") == 0;
    if (!(tpl = fopen(argv[2], "r"))) {
        cli_error("help: %s: cannot read the template", argv[2]);
        goto cleanup;
    }
    if (!(docs = calloc(n, sizeof *docs))) {
        cli_error("out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        docs[i].cmd = &commands[i];
        if (capture(&docs[i]) < 0 || split_help(&docs[i]) < 0 || check_doc(&docs[i]) < 0)
            goto cleanup;
    }
    if (fill(stdout, tpl, argv[2], man, docs, n) < 0) goto cleanup;
    rc = NG_EXIT_OK;
cleanup:
    for (size_t i = 0; docs && i < n; i++) {
        free(docs[i].opts);
        free(docs[i].text);
    }
    free(docs);
    if (tpl) fclose(tpl);
    return rc;
}
