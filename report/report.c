/* report.c - the report stage's public face (ng_report.h): its format table, and one report
 * made of the model (model.c) and its picture (svg.c), written by the format's writer. */
#include "report_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ng_report {
    ng_report_opts opts; /* the model points at this copy */
    report_model *model;
};

static int write_html(const report_model *m, const char *path, const char *svg_href)
{
    (void)svg_href; /* the page holds its picture inline */
    return report_write_html(m, path);
}

/* One row per format: its --format names (the first is the one messages show), the file
 * name endings that choose it, and its writer. */
static const struct report_format_row {
    const char *names;
    const char *extensions;
    int (*write)(const report_model *m, const char *path, const char *svg_href);
} rows[] = {
    [NG_REPORT_HTML] = {"html", ".html .htm", write_html},
    [NG_REPORT_MD] = {"md markdown", ".md .markdown", report_write_md},
};
_Static_assert(sizeof rows / sizeof rows[0] == NG_REPORT_FORMAT__COUNT,
               "one row per ng_report_format");

/* Whether `s` is one of the space-separated words of `list` (or, with `suffix`, ends in one). */
static int in_list(const char *list, const char *s, int suffix)
{
    for (const char *w = list; *w;) {
        size_t n = strcspn(w, " ");
        char one[32];
        if (n < sizeof one) {
            memcpy(one, w, n);
            one[n] = '\0';
            if (suffix ? ng_has_suffix(s, one) : strcmp(s, one) == 0) return 1;
        }
        w += n + strspn(w + n, " ");
    }
    return 0;
}

/* Writes the first name of each row ("html or md") or every extension of every row
 * (".html, .htm, .md or .markdown") into buf, for messages. */
static void list_words(char *buf, size_t size, int extensions)
{
    const char *word[16];
    size_t len[16], n = 0, used = 0;
    for (int i = 0; i < NG_REPORT_FORMAT__COUNT; i++) {
        for (const char *w = extensions ? rows[i].extensions : rows[i].names; *w && n < 16;) {
            word[n] = w;
            len[n] = strcspn(w, " ");
            w += len[n] + strspn(w + len[n], " ");
            n++;
            if (!extensions) break;
        }
    }
    buf[0] = '\0';
    for (size_t k = 0; k < n && used < size; k++) {
        const char *sep = k == 0 ? "" : k + 1 == n ? " or " : ", ";
        int c = snprintf(buf + used, size - used, "%s%.*s", sep, (int)len[k], word[k]);
        used += c > 0 ? (size_t)c : 0;
    }
}

void ng_report_format_names(char *buf, size_t size) { list_words(buf, size, 0); }

int ng_report_format_parse(ng_report_format *out, const char *name)
{
    char names[64];
    for (int i = 0; name && i < NG_REPORT_FORMAT__COUNT; i++) {
        if (in_list(rows[i].names, name, 0)) {
            *out = (ng_report_format)i;
            return NG_OK;
        }
    }
    ng_report_format_names(names, sizeof names);
    ng_error_set("unknown --format '%s' (use %s)", name ? name : "", names);
    return NG_EINVAL;
}

int ng_report_format_from_path(ng_report_format *out, const char *path)
{
    char extensions[128];
    for (int i = 0; path && i < NG_REPORT_FORMAT__COUNT; i++) {
        if (in_list(rows[i].extensions, path, 1)) {
            *out = (ng_report_format)i;
            return NG_OK;
        }
    }
    list_words(extensions, sizeof extensions, 1);
    ng_error_set("%s: unknown report format (name it %s)", path ? path : "", extensions);
    return NG_EINVAL;
}

int ng_report_new(ng_report **out, const ng_graph *g, const ng_report_opts *opts,
                  const ng_report_run *run)
{
    ng_report *r = NULL;
    int error;

    *out = NULL;
    if (!(r = ng_calloc(1, sizeof *r))) return NG_ENOMEM;
    r->opts = *opts;
    if ((error = report_model_new(&r->model, g, &r->opts, run)) < 0 ||
        (error = report_picture(r->model)) < 0) {
        ng_report_free(r);
        return error;
    }
    *out = r;
    return NG_OK;
}

int ng_report_has_picture(const ng_report *r) { return r->model->svg_file != NULL; }

const char *ng_report_picture_note(const ng_report *r)
{
    return r->model->picture_note ? r->model->picture_note : "";
}

int ng_report_write(const ng_report *r, ng_report_format format, const char *path,
                    const char *svg_href)
{
    if ((unsigned)format >= NG_REPORT_FORMAT__COUNT) {
        ng_error_set("unknown report format %d", (int)format);
        return NG_EINVAL;
    }
    return rows[format].write(r->model, path, svg_href);
}

int ng_report_write_svg(const ng_report *r, const char *path)
{
    return report_write_svg(r->model, path);
}

int ng_report_svg_path(char **out, const char *md_path)
{
    const char *slash = strrchr(md_path, '/');
    const char *dot = strrchr(md_path, '.');
    size_t stem = dot && (!slash || dot > slash + 1) ? (size_t)(dot - md_path) : strlen(md_path);
    char *p = ng_malloc(stem + 5);

    *out = NULL;
    if (!p) return NG_ENOMEM;
    memcpy(p, md_path, stem);
    memcpy(p + stem, ".svg", 5);
    *out = p;
    return NG_OK;
}

void ng_report_free(ng_report *r)
{
    if (!r) return;
    report_model_free(r->model);
    free(r);
}
