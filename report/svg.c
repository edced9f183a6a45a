/* svg.c - the report's picture: the graph's DOT (export/), laid out by Graphviz.
 *
 * Graphviz runs as a child process started with posix_spawnp, never through a shell: its
 * command line holds only the engine's options and two temporary file names, never text
 * from the articles (which travels inside the DOT file, escaped by the DOT writer). The SVG
 * it writes is read back and made fit for inline use: the XML prolog, DOCTYPE and comments
 * go, and the fixed width/height give way to the viewBox so that the page can scale it.
 * A missing Graphviz, a failure or a timeout is not an error: the report then says why it
 * has no picture. */
#include "report_internal.h"

#include "ng_export.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define LAYOUT_TIMEOUT_SECONDS 120
#define SVG_MAX_BYTES ((size_t)64 * 1024 * 1024)
/* dot's layered drawing reads best for small graphs; sfdp scales to large ones. */
#define DOT_MAX_NODES 30
/* Relation names on the lines are not drawn: the page scales the drawing to its width, and
 * at print size a name along a line is a few points high, or a smudge over a busy graph. The
 * page's legend says what the line styles mean (report_write_html), the matrix and the
 * timeline name every relation, and the tooltips hold the evidence. */

typedef struct tmpfiles {
    char dir[4096];
    char dot[4200], filtered[4200], prog[4200], svg[4200], err[4200];
    int handles[6]; /* in the cleanup registry, so that a signal removes them (-1: none) */
} tmpfiles;

static void remove_tmpfiles(tmpfiles *t)
{
    if (!t->dir[0]) return;
    unlink(t->dot);
    unlink(t->filtered);
    unlink(t->prog);
    unlink(t->svg);
    unlink(t->err);
    rmdir(t->dir);
    for (int i = 0; i < 6; i++) ng_cleanup_untrack(t->handles[i]);
    t->dir[0] = '\0';
}

static int make_tmpfiles(tmpfiles *t)
{
    const char *base = getenv("TMPDIR");
    if (!base || !base[0]) base = "/tmp";
    for (int i = 0; i < 6; i++) t->handles[i] = -1;
    snprintf(t->dir, sizeof t->dir, "%s/newsgraph-report.XXXXXX", base);
    if (!mkdtemp(t->dir)) {
        t->dir[0] = '\0';
        return -1;
    }
    snprintf(t->dot, sizeof t->dot, "%s/graph.dot", t->dir);
    snprintf(t->filtered, sizeof t->filtered, "%s/filtered.dot", t->dir);
    snprintf(t->prog, sizeof t->prog, "%s/core.gvpr", t->dir);
    snprintf(t->svg, sizeof t->svg, "%s/graph.svg", t->dir);
    snprintf(t->err, sizeof t->err, "%s/stderr.txt", t->dir);
    const char *paths[5] = {t->dot, t->filtered, t->prog, t->svg, t->err};
    for (int i = 0; i < 5; i++) t->handles[i] = ng_cleanup_track_file(paths[i]);
    t->handles[5] = ng_cleanup_track_dir(t->dir);
    for (int i = 0; i < 6; i++) {
        if (t->handles[i] < 0) {
            remove_tmpfiles(t);
            errno = ENOMEM;
            return -1;
        }
    }
    return 0;
}

/* Reads a whole file (at most `max` bytes) into b. Returns 0, or -1 (errno set). */
static int read_file(ng_buf *b, const char *path, size_t max)
{
    char chunk[65536];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        if (b->len + (size_t)n > max) {
            close(fd);
            errno = EFBIG;
            return -1;
        }
        ng_buf_put(b, chunk, (size_t)n);
    }
    close(fd);
    return b->oom ? -1 : 0;
}

/* Whether `prog` names an executable file in one of PATH's directories (PATH unset: the
 * system's default, as posix_spawnp). Checked before spawning because posix_spawnp cannot
 * always report a program that is missing: where the child is a plain fork (under valgrind,
 * say) the failed exec shows only as the child's exit status 127. */
static int in_path(const char *prog)
{
    const char *path = getenv("PATH");
    char buf[4096];
    if (!path) path = "/bin:/usr/bin";
    if (strchr(prog, '/')) return access(prog, X_OK) == 0;
    for (const char *p = path;; p++) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        int k = n == 0 ? snprintf(buf, sizeof buf, "./%s", prog)
                       : snprintf(buf, sizeof buf, "%.*s/%s", (int)n, p, prog);
        if (k > 0 && (size_t)k < sizeof buf && access(buf, X_OK) == 0) return 1;
        if (!colon) return 0;
        p = colon;
    }
}

/* Runs `argv` with stdin and stdout on /dev/null and stderr into err_path; waits at most
 * LAYOUT_TIMEOUT_SECONDS. Returns the exit status (0..255), -1 when it could not start
 * (errno set: ENOENT when the program is not installed), -2 on timeout or a signal. */
static int run_child(char *const argv[], const char *err_path)
{
    posix_spawn_file_actions_t fa;
    pid_t pid;
    int status, rc;
    if (!in_path(argv[0])) {
        errno = ENOENT;
        return -1;
    }
    if (posix_spawn_file_actions_init(&fa) != 0) return -1;
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        errno = rc;
        return -1;
    }
    /* Tracked, so that a signal kills and reaps it; untracked only once it has ended and
     * before it is reaped (WNOWAIT), so its id cannot have been reused by then. */
    int handle = ng_cleanup_track_child(pid);
    const struct timespec tick = {0, 20 * 1000 * 1000};
    int timed_out = 0;
    for (long waited_ms = 0;; waited_ms += 20) {
        siginfo_t info;
        memset(&info, 0, sizeof info);
        if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid)
            break;
        if (waited_ms >= LAYOUT_TIMEOUT_SECONDS * 1000L) {
            kill(pid, SIGKILL); /* our own child, by its id */
            timed_out = 1;
            break;
        }
        nanosleep(&tick, NULL);
    }
    ng_cleanup_untrack(handle);
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -2;
    }
    if (timed_out) return -2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

/* strcasestr is a GNU extension: an ASCII case-insensitive search of our own. */
static int contains_nocase(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (strncasecmp(hay + i, needle, n) == 0) return 1;
    return 0;
}

/* The name [s, s+n) without its namespace prefix ("xlink:href" -> "href"). */
static const char *local_name(const char *s, size_t *n)
{
    const char *colon = memchr(s, ':', *n);
    if (!colon) return s;
    *n -= (size_t)(colon + 1 - s);
    return colon + 1;
}

static int name_is(const char *s, size_t n, const char *name)
{
    return n == strlen(name) && strncasecmp(s, name, n) == 0;
}

/* Reads the attributes of the tag after its name, from *p; 0 when one is active content (an
 * on* handler, an href to anything but a fragment of the picture, a style with url() or a
 * script) or the tag is malformed. *p ends on the tag's '>'. */
static int attributes_inert(const char **p)
{
    const char *q = *p;
    for (;;) {
        q += strspn(q, " \t\r\n");
        if (*q == '/') q++;
        if (*q == '>') break;
        if (!*q) return 0;
        size_t n = strcspn(q, " \t\r\n=/>");
        const char *name = local_name(q, &n), *v = "";
        size_t vn = 0;
        q += strcspn(q, " \t\r\n=/>");
        q += strspn(q, " \t\r\n");
        if (*q == '=') {
            q++;
            q += strspn(q, " \t\r\n");
            if (*q != '"' && *q != '\'') return 0;
            const char *e = strchr(q + 1, *q);
            if (!e) return 0;
            v = q + 1;
            vn = (size_t)(e - v);
            q = e + 1;
        }
        if (n >= 2 && strncasecmp(name, "on", 2) == 0) return 0;
        if (name_is(name, n, "href") && (vn == 0 || v[0] != '#')) return 0;
        if (name_is(name, n, "style") &&
            (contains_nocase(v, vn, "url(") || contains_nocase(v, vn, "expression(") ||
             contains_nocase(v, vn, "script:")))
            return 0;
    }
    *p = q;
    return 1;
}

/* Defence in depth: Graphviz escapes the text it is given, but the page never embeds active
 * content. The check reads the markup, tag by tag, never the text: a label or a tooltip that
 * mentions "javascript:" or "<script>" is escaped text, and must not cost the report its
 * picture (it did, when the whole file was searched for those words). Refused: script,
 * foreignObject, iframe, embed, object and handler elements, the attributes above, and any
 * <! or <? after the start (comments were stripped; Graphviz writes no CDATA). */
static int svg_is_inert(const char *svg)
{
    static const char *const active[] = {"script", "foreignobject", "iframe", "embed", "object",
                                         "handler", "use"};
    for (const char *p = svg; (p = strchr(p, '<')) != NULL; p++) {
        if (p[1] == '/') continue;
        if (p[1] == '!' || p[1] == '?') return 0;
        size_t n = strcspn(p + 1, " \t\r\n/>");
        const char *name = local_name(p + 1, &n);
        for (size_t i = 0; i < sizeof active / sizeof active[0]; i++)
            if (name_is(name, n, active[i])) return 0;
        p = p + 1 + strcspn(p + 1, " \t\r\n/>");
        if (!attributes_inert(&p)) return 0;
    }
    return 1;
}

/* Removes every <!-- ... --> comment in place. */
static void strip_comments(ng_buf *b)
{
    char *w = b->ptr, *r = b->ptr, *end = b->ptr + b->len;
    while (r < end) {
        if (end - r >= 4 && memcmp(r, "<!--", 4) == 0) {
            char *close = strstr(r + 4, "-->");
            if (!close) break;
            r = close + 3;
            if (r < end && *r == '\n') r++;
            continue;
        }
        *w++ = *r++;
    }
    b->len = (size_t)(w - b->ptr);
    b->ptr[b->len] = '\0';
}

/* Finds attribute `name="..."` inside [tag, tag_end); gives its value's span. */
static int find_attr(const char *tag, const char *tag_end, const char *name, const char **at,
                     const char **value, size_t *value_len)
{
    size_t n = strlen(name);
    for (const char *p = tag; p + n + 2 < tag_end; p++) {
        if ((p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t') && memcmp(p, name, n) == 0 &&
            p[n] == '=' && p[n + 1] == '"') {
            const char *v = p + n + 2, *q = memchr(v, '"', (size_t)(tag_end - v));
            if (!q) return 0;
            *at = p;
            *value = v;
            *value_len = (size_t)(q - v);
            return 1;
        }
    }
    return 0;
}

/* Makes Graphviz's SVG file an inline <svg> element: everything before "<svg" goes, and so
 * do comments; width/height become a max-width so that the page scales the picture down but
 * never blows a small one up. Returns a new string (caller frees) or NULL when the file does
 * not look like Graphviz's SVG. */
static char *inline_svg(ng_buf *file)
{
    ng_buf out = NG_BUF_INIT;
    strip_comments(file);
    char *svg = strstr(file->ptr, "<svg");
    if (!svg || !strstr(svg, "</svg>")) return NULL;
    if (!svg_is_inert(svg)) return NULL;
    const char *tag_end = strchr(svg, '>');
    if (!tag_end) return NULL;
    const char *w_at, *w_val, *h_at, *h_val;
    size_t w_len, h_len;
    if (!find_attr(svg + 4, tag_end, "width", &w_at, &w_val, &w_len) ||
        !find_attr(svg + 4, tag_end, "height", &h_at, &h_val, &h_len) || h_at < w_at ||
        w_len > 32 || strspn(w_val, "0123456789.ptx") < w_len) {
        return NULL;
    }
    /* <svg ...before width...  [width=".." ...between... height=".."] ...rest> */
    ng_buf_puts(&out, "<svg class=\"graph\" role=\"img\" aria-labelledby=\"picture-caption\"");
    ng_buf_printf(&out, " style=\"max-width:%.*s\"", (int)w_len, w_val);
    ng_buf_put(&out, svg + 4, (size_t)(w_at - (svg + 4)));
    const char *after_w = w_val + w_len + 1;
    ng_buf_put(&out, after_w, (size_t)(h_at - after_w));
    const char *rest = h_val + h_len + 1;
    const char *close = strstr(rest, "</svg>");
    ng_buf_put(&out, rest, (size_t)(close + 6 - rest));
    ng_buf_putc(&out, '\n');
    if (out.oom) {
        ng_buf_free(&out);
        return NULL;
    }
    return ng_buf_detach(&out);
}

/* The first line of the child's stderr, for the note. */
static void first_line(char *buf, size_t size, const char *path)
{
    ng_buf b = NG_BUF_INIT;
    buf[0] = '\0';
    if (read_file(&b, path, 1 << 20) == 0 && b.ptr) {
        size_t n = strcspn(b.ptr, "\r\n");
        snprintf(buf, size, "%.*s", (int)(n > 200 ? 200 : n), b.ptr);
    }
    ng_buf_free(&b);
}

static int set_note(report_model *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int set_note(report_model *m, const char *fmt, ...)
{
    ng_buf b = NG_BUF_INIT;
    va_list ap;
    char tmp[1024];
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    ng_buf_puts(&b, tmp);
    if (b.oom) return NG_ENOMEM;
    free(m->picture_note);
    m->picture_note = ng_buf_detach(&b);
    return NG_OK;
}

/* What the picture shows: the core of the graph. Actors are kept when they have at least
 * `min_degree` relations (edges, any relation, either end), the smallest such bound that keeps
 * at most opts->picture_nodes of them; actors left without a relation after that go too.
 * Computed here to choose the layout and write the caption, and applied to the DOT by gvpr
 * with the same rule. */
typedef struct core {
    size_t min_degree;
    size_t nodes, edges;  /* drawn */
    size_t linked;        /* actors with any relation */
} core;

static int choose_core(core *c, const report_model *m)
{
    size_t n = m->n_nodes, *deg = NULL, *kept_deg = NULL;
    memset(c, 0, sizeof *c);
    if (!(deg = ng_calloc(n ? n : 1, sizeof *deg)) ||
        !(kept_deg = ng_calloc(n ? n : 1, sizeof *kept_deg))) {
        free(deg);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < m->n_edges; i++) {
        const ng_edge *e = ng_graph_edge(m->g, i);
        deg[e->source]++;
        deg[e->target]++; /* a loop counts twice, as in gvpr */
    }
    for (size_t i = 0; i < n; i++) c->linked += deg[i] > 0;
    for (c->min_degree = 1;; c->min_degree++) {
        size_t at_least = 0, any = 0;
        for (size_t i = 0; i < n; i++) {
            at_least += deg[i] >= c->min_degree;
            any += deg[i] > c->min_degree;
        }
        if (at_least <= m->opts->picture_nodes || any == 0) break;
    }
    for (size_t i = 0; i < m->n_edges; i++) {
        const ng_edge *e = ng_graph_edge(m->g, i);
        if (deg[e->source] < c->min_degree || deg[e->target] < c->min_degree) continue;
        kept_deg[e->source]++;
        kept_deg[e->target]++;
        c->edges++;
    }
    for (size_t i = 0; i < n; i++) c->nodes += kept_deg[i] > 0;
    free(deg);
    free(kept_deg);
    return NG_OK;
}

/* The gvpr program applying choose_core's rule (the legend's nodes stay). Marks first and
 * deletes after, so that the result does not depend on the order of the nodes. It holds only
 * numbers: nothing from the articles. */
static int write_core_program(const char *path, size_t min_degree, int drop_labels)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f,
            "BEGIN { node_t n, nx; int drop[node_t]; }\n"
            "BEG_G { }\n" /* without BEG_G, N or E, gvpr 2.43 reads no graph at all */
            "%s"
            "END_G {\n"
            "  for (n = fstnode($G); n; n = nxtnode(n))\n"
            "    if (n.name != \"legend:*\" && n.degree < %zu) drop[n] = 1;\n"
            "  for (drop[n]) delete($G, n);\n"
            "  for (n = fstnode($G); n; n = nx) {\n"
            "    nx = nxtnode(n);\n"
            "    if (n.name != \"legend:*\" && n.degree == 0) delete($G, n);\n"
            "  }\n"
            "}\n",
            drop_labels ? "E { label = \"\"; }\n" : "", min_degree);
    return fclose(f) == 0 ? 0 : -1;
}

/* Runs gvpr (Graphviz's graph filter) with that program. Returns 0 when the filtered DOT
 * was written. */
static int filter_dot(const tmpfiles *t, size_t min_degree, int drop_labels)
{
    char *argv[] = {(char *)"gvpr", (char *)"-c", (char *)"-f", (char *)t->prog, (char *)"-o",
                    (char *)t->filtered, (char *)t->dot, NULL};
    struct stat st;
    if (write_core_program(t->prog, min_degree, drop_labels) < 0) return -1;
    if (run_child(argv, t->err) != 0) return -1;
    return stat(t->filtered, &st) == 0 && st.st_size > 0 ? 0 : -1;
}

/* The Graphviz command line that lays out `in` into `svg` with `prog` (dot or sfdp). */
static void layout_argv(char **argv, const char *prog, char *svg, const char *in)
{
    int argc = 0;
    argv[argc++] = (char *)prog;
    argv[argc++] = (char *)"-Tsvg";
    if (strcmp(prog, "sfdp") == 0) {
        /* A force layout spreads wide and the page scales it down: larger names and a
         * little room around each node keep them legible at the page's width. */
        argv[argc++] = (char *)"-Goverlap=prism";
        argv[argc++] = (char *)"-Gsep=+4";
        argv[argc++] = (char *)"-Nfontsize=18";
    }
    argv[argc++] = (char *)"-o";
    argv[argc++] = svg;
    argv[argc++] = (char *)in;
    argv[argc] = NULL;
}

/* The note under a picture Graphviz drew: engine, what is shown, how to read the lines. */
static int drawn_note(report_model *m, const char *prog, const char *shown, int drop_labels)
{
    ng_buf hostile = NG_BUF_INIT, mutual = NG_BUF_INIT;
    int sfdp = strcmp(prog, "sfdp") == 0;
    ng_rel_join(&hostile, NG_REL_IS_HOSTILE, m->declared, ", ");
    ng_rel_join(&mutual, NG_REL_IS_SYMMETRIC, m->declared, ", ");
    int error = set_note(m, "Laid out by Graphviz %s%s.%s Boxes are states, hexagons "
                            "organizations, ellipses people, houses places; red dashed lines "
                            "are hostile relations (%s), lines without arrows mutual ones "
                            "(%s); line width grows with the supporting mentions.%s Hover for "
                            "details.",
                         prog, sfdp ? " (force-directed)" : " (layered)", shown,
                         hostile.ptr ? hostile.ptr : "", mutual.ptr ? mutual.ptr : "",
                         drop_labels ? " Relation names are not written on the lines (too "
                                       "small to read in print): the legend and the "
                                       "matrix name them."
                                     : "");
    ng_buf_free(&hostile);
    ng_buf_free(&mutual);
    return error;
}

int report_picture(report_model *m)
{
    int error = NG_OK;
    tmpfiles t;
    ng_buf file = NG_BUF_INIT;
    core c;
    const char *engine, *other, *layout_in;
    char shown[256] = "";

    memset(&t, 0, sizeof t);
    if (!m->opts->picture)
        return set_note(m, "No picture: it was turned off with --no-picture.");
    if (m->n_nodes == 0)
        return set_note(m, "No picture: the graph has no actors.");
    if ((error = choose_core(&c, m)) < 0) return error;
    if (c.linked == 0)
        return set_note(m, "No picture: no actor has a relation to draw.");
    if (c.nodes == 0 || c.nodes > 10 * m->opts->picture_nodes)
        return set_note(m, "No picture: no %zu actors stand out from the rest by their number "
                           "of relations (try another --picture-nodes).",
                        m->opts->picture_nodes);
    engine = c.nodes <= DOT_MAX_NODES ? "dot" : "sfdp";
    other = c.nodes <= DOT_MAX_NODES ? "sfdp" : "dot";
    if (make_tmpfiles(&t) < 0)
        return set_note(m, "No picture: cannot create a temporary directory (%s).",
                        strerror(errno));
    if (ng_export_write(m->g, NG_FORMAT_DOT, t.dot, 0) < 0) {
        error = set_note(m, "No picture: writing the DOT file failed (%s).", ng_error_last());
        goto cleanup;
    }
    int drop_labels = 1;
    layout_in = t.dot;
    if (c.nodes < m->n_nodes || drop_labels) {
        if (filter_dot(&t, c.min_degree, drop_labels) == 0) {
            layout_in = t.filtered;
        } else if (c.nodes < c.linked) {
            error = set_note(m, "No picture: Graphviz's gvpr, needed to draw the %zu most "
                                "connected actors only, is missing or failed.", c.nodes);
            goto cleanup;
        } else {
            drop_labels = 0; /* the whole graph as it is, isolated actors included */
        }
    }
    if (layout_in == t.filtered && c.nodes < c.linked)
        snprintf(shown, sizeof shown, " It shows the %zu most connected actors (%zu relations "
                                      "or more each) of %zu, and the %zu relations among them.",
                 c.nodes, c.min_degree, m->n_nodes, c.edges);
    else if (layout_in == t.filtered && c.nodes < m->n_nodes)
        snprintf(shown, sizeof shown, " Actors without any relation are left out.");
    for (int attempt = 0; attempt < 2; attempt++) {
        const char *prog = attempt == 0 ? engine : other;
        char *argv[10];
        layout_argv(argv, prog, t.svg, layout_in);
        int rc = run_child(argv, t.err);
        if (rc == -1 && errno == ENOENT) {
            if (attempt == 0) continue; /* try the other engine */
            error = set_note(m, "No picture: Graphviz is not installed (neither dot nor sfdp "
                                "was found). Install Graphviz (Debian: apt install graphviz) "
                                "and run the report again.");
            goto cleanup;
        }
        if (rc == -1) {
            error = set_note(m, "No picture: cannot start Graphviz %s (%s).", prog,
                             strerror(errno));
            goto cleanup;
        }
        if (rc == -2) {
            error = set_note(m, "No picture: Graphviz %s did not finish within %d seconds.",
                             prog, LAYOUT_TIMEOUT_SECONDS);
            goto cleanup;
        }
        if (rc != 0) {
            char why[256];
            first_line(why, sizeof why, t.err);
            error = set_note(m, "No picture: Graphviz %s failed (exit %d)%s%s", prog, rc,
                             why[0] ? ": " : ".", why);
            goto cleanup;
        }
        if (read_file(&file, t.svg, SVG_MAX_BYTES) < 0) {
            if (file.oom) error = NG_ENOMEM;
            else error = set_note(m, "No picture: cannot read Graphviz's SVG (%s).", strerror(errno));
            goto cleanup;
        }
        if (!file.ptr || !(m->svg = inline_svg(&file))) {
            error = set_note(m, "No picture: Graphviz %s wrote an SVG file this report cannot "
                                "embed.", prog);
            goto cleanup;
        }
        m->svg_file = ng_buf_detach(&file); /* comments stripped, prolog kept */
        error = drawn_note(m, prog, shown, drop_labels);
        goto cleanup;
    }
cleanup:
    ng_buf_free(&file);
    remove_tmpfiles(&t);
    return error;
}
