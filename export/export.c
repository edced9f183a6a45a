/* export.c - format names, the choice of format by file name, and the atomic write.
 *
 * CSV writes two tables, so one -o names two files (see README: CSV):
 *   -o DIR/ (a name ending in '/' or an existing directory) -> DIR/nodes.csv, DIR/edges.csv
 *   -o [PREFIX]nodes.csv (the name ends in "nodes.csv")       -> that file, [PREFIX]edges.csv
 *   -o NAME.csv                                               -> NAME.nodes.csv, NAME.edges.csv
 * (with .csv.gz the same, both compressed). Both are complete before either is renamed. */
#include "export_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const format_names[NG_FORMAT__COUNT] = {
    [NG_FORMAT_GRAPHML] = "graphml", [NG_FORMAT_GEXF] = "gexf", [NG_FORMAT_DOT] = "dot",
    [NG_FORMAT_CSV] = "csv",         [NG_FORMAT_JSON] = "json",
};

/* File name endings, tried in order; ".gz" after any of them compresses. */
static const struct {
    const char *ext;
    ng_format format;
} extensions[] = {
    {".graphml", NG_FORMAT_GRAPHML}, {".gexf", NG_FORMAT_GEXF}, {".dot", NG_FORMAT_DOT},
    {".gv", NG_FORMAT_DOT},          {".csv", NG_FORMAT_CSV},   {".json", NG_FORMAT_JSON},
};

#define KNOWN_EXTENSIONS                                                                           \
    ".graphml, .gexf, .dot (or .gv), .csv (or a directory), .json, each optionally followed "      \
    "by .gz"

const char *ng_format_name(ng_format f)
{
    return (unsigned)f < NG_FORMAT__COUNT ? format_names[f] : "unknown";
}

int ng_format_parse(ng_format *out, const char *name)
{
    for (int i = 0; i < NG_FORMAT__COUNT; i++) {
        if (name && strcasecmp(name, format_names[i]) == 0) {
            *out = (ng_format)i;
            return NG_OK;
        }
    }
    if (name && strcasecmp(name, "gv") == 0) {
        *out = NG_FORMAT_DOT;
        return NG_OK;
    }
    ng_error_set("unknown format '%s' (use graphml, gexf, dot, csv or json)", name ? name : "");
    return NG_EINVAL;
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && strncasecmp(s + len - n, suffix, n) == 0;
}

static int is_directory_target(const char *path)
{
    struct stat st;
    size_t len = strlen(path);
    if (len > 0 && path[len - 1] == '/') return 1;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int ng_format_from_path(ng_format *out, int *gzip, const char *path)
{
    size_t len = path ? strlen(path) : 0;

    *gzip = 0;
    if (len == 0 || strcmp(path, "-") == 0) {
        ng_error_set("standard output has no file name to choose a format from: add "
                     "--format (graphml, gexf, dot, csv or json)");
        return NG_EINVAL;
    }
    /* "DIR/" is a CSV directory. An existing directory without a known extension is one too;
     * with one ("x.graphml/" made by mistake) the extension wins and the path is refused
     * later as a directory, instead of silently writing tables into it. */
    if (path[len - 1] == '/') {
        *out = NG_FORMAT_CSV;
        return NG_OK;
    }
    if (ends_with(path, len, ".gz")) {
        *gzip = 1;
        len -= 3;
    }
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
        /* A bare ".csv" or ".graphml" (nothing before the dot) is a hidden file, not a name. */
        if (ends_with(path, len, extensions[i].ext) && len > strlen(extensions[i].ext)) {
            *out = extensions[i].format;
            return NG_OK;
        }
    }
    *gzip = 0;
    if (is_directory_target(path)) {
        *out = NG_FORMAT_CSV;
        return NG_OK;
    }
    ng_error_set("cannot tell the output format of '%s': use a name ending in " KNOWN_EXTENSIONS
                 ", or give --format",
                 path);
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
        if (gzip && ends_with(path, stem, ".gz")) stem -= 3;
        if (ends_with(path, stem, ".csv")) stem -= 4;
        if (ends_with(path, stem, "nodes")) {
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

int ng_export_check_path(ng_format format, const char *path, int gzip)
{
    char *nodes = NULL, *edges = NULL;
    int error;

    if (format != NG_FORMAT_CSV) return strcmp(path, "-") == 0 ? NG_OK : ng_out_check_path(path);
    if ((error = ng_export_csv_paths(&nodes, &edges, path, gzip)) < 0) goto cleanup;
    if ((error = ng_out_check_path(nodes)) < 0) goto cleanup;
    error = ng_out_check_path(edges);

cleanup:
    free(nodes);
    free(edges);
    return error;
}

typedef int (*writer_fn)(ng_out *o, const ng_graph *g);

static int write_one(const ng_graph *g, writer_fn fn, const char *path, int gzip)
{
    ng_out *o = NULL;
    int error;

    if ((error = ng_out_open(&o, path, gzip)) < 0) goto cleanup;
    if ((error = fn(o, g)) < 0) goto cleanup;
    error = ng_out_commit(o);

cleanup:
    ng_out_free(o);
    return error;
}

/* Both tables go to temporary files. The edges table is renamed into place first, the nodes
 * table after it; if that second step fails the edges table is removed again, so a failed
 * run never leaves one new table without its partner. */
static int write_csv(const ng_graph *g, const char *path, int gzip)
{
    char *nodes_path = NULL, *edges_path = NULL;
    ng_out *nodes = NULL, *edges = NULL;
    int error;

    if ((error = ng_export_csv_paths(&nodes_path, &edges_path, path, gzip)) < 0) goto cleanup;
    if ((error = ng_out_open(&nodes, nodes_path, gzip)) < 0) goto cleanup;
    if ((error = ng_out_open(&edges, edges_path, gzip)) < 0) goto cleanup;
    if ((error = ng_export__csv_nodes(nodes, g)) < 0) goto cleanup;
    if ((error = ng_export__csv_edges(edges, g)) < 0) goto cleanup;
    if ((error = ng_out_commit(edges)) < 0) goto cleanup;
    if ((error = ng_out_commit(nodes)) < 0) {
        unlink(edges_path);
        goto cleanup;
    }

cleanup:
    ng_out_free(nodes);
    ng_out_free(edges);
    free(nodes_path);
    free(edges_path);
    return error;
}

int ng_export_write(const ng_graph *g, ng_format format, const char *path, int gzip)
{
    switch (format) {
    case NG_FORMAT_GRAPHML:
        return write_one(g, ng_export__graphml, path, gzip);
    case NG_FORMAT_GEXF:
        return write_one(g, ng_export__gexf, path, gzip);
    case NG_FORMAT_DOT:
        return write_one(g, ng_export__dot, path, gzip);
    case NG_FORMAT_JSON:
        return write_one(g, ng_export__json, path, gzip);
    case NG_FORMAT_CSV:
        return write_csv(g, path, gzip);
    default:
        break;
    }
    ng_error_set("unknown export format %d", (int)format);
    return NG_EINVAL;
}
