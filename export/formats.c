/* formats.c - the format table: every format the export stage writes, each in one row.
 *
 * The names --format takes, the choice of format by file name, the files one -o writes, the
 * writers, and the command line's help and messages all read these rows: adding a format is
 * one row here, its enum constant in ng_export.h, and its writer.
 *
 * CSV writes two tables, so one -o names two files (see README: CSV):
 *   -o DIR/ (a name ending in '/' or an existing directory) -> DIR/nodes.csv, DIR/edges.csv
 *           (a DIR/ that does not exist yet is made when the files are written; its parent
 *           must exist, and is checked before any work like every output's directory)
 *   -o [PREFIX]nodes.csv (the name ends in "nodes.csv")       -> that file, [PREFIX]edges.csv
 *   -o NAME.csv                                               -> NAME.nodes.csv, NAME.edges.csv
 * (with .csv.gz the same, both compressed). Both are complete before either is renamed. */
#include "export_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int csv_paths(char **out, const char *path, int gzip)
{
    return ng_export_csv_paths(&out[0], &out[1], path, gzip);
}

/* Rows in ng_format order. cost: bytes per element, roughly, so that the largest files start
 * first (on two threads the longest file would otherwise often start last and run alone). */
static const ng_format_row rows[] = {
    [NG_FORMAT_GRAPHML] = {{"graphml", "GraphML", ".graphml", 0, NULL,
                            "Gephi, NetworkX, igraph, graphology", 0},
                           3, 1, {ng_export__graphml}, NULL},
    [NG_FORMAT_GEXF] = {{"gexf", "GEXF 1.3", ".gexf", 0, NULL, "Gephi (Timeline), Gephi Lite", 0},
                        4, 1, {ng_export__gexf}, NULL},
    [NG_FORMAT_DOT] = {{"dot", "DOT", ".dot .gv", 0, NULL, "Graphviz (dot, sfdp)", 0},
                       2, 1, {ng_export__dot}, NULL},
    [NG_FORMAT_CSV] = {{"csv", "CSV", ".csv", 1,
                        "NAME.nodes.csv + NAME.edges.csv, or DIR/nodes.csv + DIR/edges.csv",
                        "Gephi's spreadsheet import, pandas", 0},
                       2, 2, {ng_export__csv_nodes, ng_export__csv_edges}, csv_paths},
    [NG_FORMAT_JSON] = {{"json", "JSON", ".json", 0, NULL, "Cytoscape.js (elements)", 0},
                        5, 1, {ng_export__json}, NULL},
    /* The evidence table: written during extraction (evidence.c), no graph writer. Its
     * endings have no leading dot, so "evidence.csv" alone is one; being longer than ".csv"
     * they win over the graph's CSV (ng_format_from_path takes the longest ending). */
    [NG_FORMAT_EVIDENCE_CSV] = {{"evidence-csv", "evidence CSV", "evidence.csv", 0, NULL,
                                 "pandas, spreadsheets", 1},
                                0, 0, {NULL}, NULL},
    [NG_FORMAT_EVIDENCE_JSONL] = {{"evidence-jsonl", "evidence JSON Lines",
                                   "evidence.jsonl .jsonl", 0, NULL, "pandas, jq", 1},
                                  0, 0, {NULL}, NULL},
};
_Static_assert(sizeof rows / sizeof rows[0] == NG_FORMAT__COUNT, "one row per ng_format");

const ng_format_row *ng_format__row(ng_format f)
{
    if ((unsigned)f < NG_FORMAT__COUNT) return &rows[f];
    ng_error_set("unknown export format %d", (int)f);
    return NULL;
}

const ng_format_info *ng_format_get(ng_format f)
{
    return (unsigned)f < NG_FORMAT__COUNT ? &rows[f].info : NULL;
}

const char *ng_format_name(ng_format f)
{
    return (unsigned)f < NG_FORMAT__COUNT ? rows[f].info.name : "unknown";
}

/* Calls fn for each extension of a row (".dot", then ".gv"); stops at the first nonzero. */
static int each_extension(const ng_format_row *r, int (*fn)(const char *ext, size_t n, void *),
                          void *ctx)
{
    for (const char *e = r->info.extensions; *e;) {
        size_t n = strcspn(e, " ");
        int found = fn(e, n, ctx);
        if (found) return found;
        e += n;
        while (*e == ' ') e++;
    }
    return 0;
}

void ng_format_names(char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < NG_FORMAT__COUNT && len < size; i++) {
        const char *sep = i == 0 ? "" : i == NG_FORMAT__COUNT - 1 ? " or " : ", ";
        int k = snprintf(buf + len, size - len, "%s%s", sep, rows[i].info.name);
        len += k > 0 ? (size_t)k : 0;
    }
}

/* ".graphml, .gexf, .dot (or .gv), .csv (or a directory), .json" */
static void list_extensions(char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < NG_FORMAT__COUNT && len < size; i++) {
        const ng_format_info *f = &rows[i].info;
        size_t first = strcspn(f->extensions, " ");
        const char *more = f->extensions + first + strspn(f->extensions + first, " ");
        int k = snprintf(buf + len, size - len, "%s%.*s%s%s%s%s%s", i ? ", " : "", (int)first,
                         f->extensions, *more || f->directory ? " (or " : "", more,
                         *more && f->directory ? ", or " : "", f->directory ? "a directory" : "",
                         *more || f->directory ? ")" : "");
        len += k > 0 ? (size_t)k : 0;
    }
}

/* The name matches a format's name or one of its extensions without the dot ("gv"). */
static int name_is_extension(const char *ext, size_t n, void *name)
{
    size_t skip = ext[0] == '.';
    return strlen(name) == n - skip && strncasecmp(name, ext + skip, n - skip) == 0;
}

int ng_format_parse(ng_format *out, const char *name)
{
    char names[128];
    for (int i = 0; name && i < NG_FORMAT__COUNT; i++) {
        if (strcasecmp(name, rows[i].info.name) == 0 ||
            each_extension(&rows[i], name_is_extension, (void *)name)) {
            *out = (ng_format)i;
            return NG_OK;
        }
    }
    ng_format_names(names, sizeof names);
    ng_error_set("unknown format '%s' (use %s)", name ? name : "", names);
    return NG_EINVAL;
}

static int is_directory_target(const char *path)
{
    struct stat st;
    size_t len = strlen(path);
    if (len > 0 && path[len - 1] == '/') return 1;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The path (its first `len` bytes) ends in the extension, with a name before it: a bare
 * ".csv" or ".graphml" is a hidden file, not a name (an ending without a dot,
 * "evidence.csv", may be the whole name). Gives the ending's length, 0 when it does not end
 * the path. */
typedef struct {
    const char *path;
    size_t len;
} path_end;

static int path_has_extension(const char *ext, size_t n, void *ctx)
{
    const path_end *p = ctx;
    char e[32];
    if (n >= sizeof e) return 0;
    memcpy(e, ext, n);
    e[n] = '\0';
    size_t min = ext[0] == '.' ? n + 1 : n;
    return p->len >= min && ng_has_suffix_nocase(p->path, p->len, e) ? (int)n : 0;
}

/* The length of the longest of the row's endings that ends the path, 0 when none does. */
static int longest_extension(const ng_format_row *r, const path_end *p)
{
    int best = 0;
    for (const char *e = r->info.extensions; *e;) {
        size_t n = strcspn(e, " ");
        int found = path_has_extension(e, n, (void *)p);
        if (found > best) best = found;
        e += n;
        while (*e == ' ') e++;
    }
    return best;
}

static int directory_format(ng_format *out)
{
    for (int i = 0; i < NG_FORMAT__COUNT; i++) {
        if (rows[i].info.directory) {
            *out = (ng_format)i;
            return 1;
        }
    }
    return 0;
}

int ng_format_from_path(ng_format *out, int *gzip, const char *path)
{
    char names[128], extensions[256];
    path_end end = {path, path ? strlen(path) : 0};

    *gzip = 0;
    if (end.len == 0 || strcmp(path, "-") == 0) {
        ng_format_names(names, sizeof names);
        ng_error_set("standard output has no file name to choose a format from: add "
                     "--format (%s)",
                     names);
        return NG_EINVAL;
    }
    /* "DIR/" is a directory target. An existing directory without a known extension is one
     * too; with one ("x.graphml/" made by mistake) the extension wins and the path is refused
     * later as a directory, instead of silently writing tables into it. */
    if (path[end.len - 1] == '/' && directory_format(out)) return NG_OK;
    if (ng_has_suffix_nocase(path, end.len, ".gz")) {
        *gzip = 1;
        end.len -= 3;
    }
    int best = 0; /* the longest ending wins: "x.evidence.csv" is not the graph's CSV */
    for (int i = 0; i < NG_FORMAT__COUNT; i++) {
        int n = longest_extension(&rows[i], &end);
        if (n > best) {
            best = n;
            *out = (ng_format)i;
        }
    }
    if (best) return NG_OK;
    *gzip = 0;
    if (is_directory_target(path) && directory_format(out)) return NG_OK;
    list_extensions(extensions, sizeof extensions);
    ng_error_set("cannot tell the output format of '%s': use a name ending in %s, each "
                 "optionally followed by .gz, or give --format",
                 path, extensions);
    return NG_EINVAL;
}

int ng_export_csv_paths(char **nodes_out, char **edges_out, const char *path, int gzip)
{
    ng_buf nodes = NG_BUF_INIT, edges = NG_BUF_INIT;
    size_t len = strlen(path);
    const char *gz = gzip ? ".gz" : "";
    int error = NG_OK;

    *nodes_out = *edges_out = NULL;
    if (strcmp(path, "-") == 0) {
        ng_error_set("CSV output is two files (nodes and edges) and cannot go to standard "
                     "output: give a directory (-o DIR/) or a file name (-o NAME.csv)");
        return NG_EINVAL;
    }
    if (is_directory_target(path)) {
        const char *sep = path[len - 1] == '/' ? "" : "/";
        ng_buf_printf(&nodes, "%s%snodes.csv%s", path, sep, gz);
        ng_buf_printf(&edges, "%s%sedges.csv%s", path, sep, gz);
    } else {
        size_t stem = len;
        if (gzip && ng_has_suffix_nocase(path, stem, ".gz")) stem -= 3;
        if (ng_has_suffix_nocase(path, stem, ".csv")) stem -= 4;
        if (ng_has_suffix_nocase(path, stem, "nodes")) {
            ng_buf_printf(&nodes, "%.*s.csv%s", (int)stem, path, gz);
            ng_buf_printf(&edges, "%.*sedges.csv%s", (int)(stem - 5), path, gz);
        } else {
            ng_buf_printf(&nodes, "%.*s.nodes.csv%s", (int)stem, path, gz);
            ng_buf_printf(&edges, "%.*s.edges.csv%s", (int)stem, path, gz);
        }
    }
    if (nodes.oom || edges.oom) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    *nodes_out = ng_buf_detach(&nodes);
    *edges_out = ng_buf_detach(&edges);

cleanup:
    ng_buf_free(&nodes);
    ng_buf_free(&edges);
    return error;
}

/* "DIR/" that does not exist yet: its parent must take a new directory, as ng_out_check_path
 * checks a file's directory (DIR itself is made when the files are opened). */
static int new_directory(const char *path, int *is_new)
{
    struct stat st;
    size_t len = strlen(path);
    *is_new = len > 1 && path[len - 1] == '/' && stat(path, &st) != 0;
    return *is_new;
}

int ng_export__make_directory(const char *path)
{
    int is_new;
    if (!new_directory(path, &is_new)) return NG_OK;
    char *dir = ng_strdup(path);
    if (!dir) return NG_ENOMEM;
    dir[strlen(dir) - 1] = '\0';
    int error = mkdir(dir, 0777) == 0 || errno == EEXIST ? NG_OK : NG_EIO;
    if (error) ng_error_set("%s: cannot make the output directory: %s", path, strerror(errno));
    free(dir);
    return error;
}

int ng_export_check_path(ng_format format, const char *path, int gzip)
{
    char *paths[NG_FORMAT_MAX_FILES] = {NULL};
    const ng_format_row *r = ng_format__row(format);
    int error = NG_OK, is_new;

    if (!r) return NG_EINVAL;
    if (!r->paths) return strcmp(path, "-") == 0 ? NG_OK : ng_out_check_path(path);
    if (new_directory(path, &is_new)) {
        char *dir = ng_strdup(path);
        if (!dir) return NG_ENOMEM;
        while (strlen(dir) > 1 && dir[strlen(dir) - 1] == '/') dir[strlen(dir) - 1] = '\0';
        error = ng_out_check_path(dir); /* DIR's parent exists and is writable */
        free(dir);
        return error;
    }
    if ((error = r->paths(paths, path, gzip)) < 0) goto cleanup;
    for (size_t i = 0; i < r->n_files && error == NG_OK; i++) error = ng_out_check_path(paths[i]);

cleanup:
    for (size_t i = 0; i < NG_FORMAT_MAX_FILES; i++) free(paths[i]);
    return error;
}
