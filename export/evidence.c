/* evidence.c - the evidence table: one row per relation mention, written while the articles
 * are extracted (not from the graph), so it never holds more than one article's rows.
 *
 * Columns, in this order (CSV header row; the same keys in each JSON Lines object):
 *   article_id, title, url  the article (title and URL "" when the input gives none)
 *   date         the mention's date at the precision written ("2017-06", "2023"), else the
 *                article's date, as the graph dates its edges; "" when neither is known
 *   relation     the relation type's name
 *   source, target          each actor's label in this article (the fullest name it gives;
 *                the graph's final label is only known at the end of the run)
 *   source_key, target_key  each actor's key ("<type>:<folded name>"), the graph's node id
 *                before resolution across articles (a surname alone may still resolve to a
 *                person named in full elsewhere)
 *   sentence     the supporting sentence
 * Rows come in the order of the articles as read and, inside one, of the doc's relations:
 * the bytes are the same for every -j. A mention whose two actors have the same key is not
 * written (the graph drops it too). CSV cells go through ng_export_csv_cell (quoted,
 * formula-safe); JSON strings through the JSON export's escaping. */
#include "export_internal.h"

#include <stdlib.h>
#include <string.h>

struct ng_evidence_table {
    ng_out *out;
    int jsonl;
    ng_buf row; /* one article's rows, then written at once */
};

static const char *const columns[] = {"article_id", "title",      "url",      "date",
                                      "relation",   "source",     "target",   "source_key",
                                      "target_key", "sentence"};
#define N_COLUMNS (sizeof columns / sizeof columns[0])

int ng_evidence_table_open(ng_evidence_table **out, ng_format format, const char *path, int gzip)
{
    ng_evidence_table *ev = NULL;
    int error;
    *out = NULL;
    if (format != NG_FORMAT_EVIDENCE_CSV && format != NG_FORMAT_EVIDENCE_JSONL) {
        ng_error_set("%s: %s is not an evidence table", path, ng_format_name(format));
        return NG_EINVAL;
    }
    if (!(ev = ng_calloc(1, sizeof *ev))) return NG_ENOMEM;
    ev->jsonl = format == NG_FORMAT_EVIDENCE_JSONL;
    if ((error = ng_out_open(&ev->out, path, gzip)) < 0) goto cleanup;
    if (!ev->jsonl) {
        for (size_t i = 0; i < N_COLUMNS; i++) {
            ng_out_puts(ev->out, i ? "," : "");
            ng_out_puts(ev->out, columns[i]);
        }
        ng_out_puts(ev->out, "\n");
    }
    *out = ev;
    ev = NULL;
cleanup:
    ng_evidence_table_free(ev);
    return error;
}

static void put_cell(ng_evidence_table *ev, size_t column, const char *text)
{
    ng_buf *b = &ev->row;
    if (ev->jsonl) {
        ng_export__puts(b, column ? ",\"" : "{\"");
        ng_export__puts(b, columns[column]);
        ng_export__put(b, "\":", 2);
        ng_export__json_string(b, text ? text : "");
    } else {
        if (column) ng_export__putc(b, ',');
        ng_export_csv_cell(b, text ? text : "");
    }
}

int ng_evidence_table_add(ng_evidence_table *ev, const ng_doc *doc)
{
    ev->row.len = 0;
    for (size_t i = 0; i < doc->n_relations; i++) {
        const ng_relation *r = &doc->relations[i];
        if (r->source >= doc->n_actors || r->target >= doc->n_actors) continue;
        const ng_actor *a = &doc->actors[r->source], *b = &doc->actors[r->target];
        if (a->key && b->key && strcmp(a->key, b->key) == 0) continue;
        char date[11];
        memcpy(date, r->date, sizeof date);
        date[10] = '\0';
        const char *values[N_COLUMNS] = {doc->id,   doc->title, doc->url, ng_date_precision(date) ? date : doc->date,
                                         ng_rel_name(r->rel), a->label, b->label, a->key, b->key, r->sentence};
        for (size_t c = 0; c < N_COLUMNS; c++) put_cell(ev, c, values[c]);
        ng_export__puts(&ev->row, ev->jsonl ? "}\n" : "\n");
    }
    if (ev->row.oom) {
        ng_error_set("out of memory writing the evidence of article %s", doc->id);
        return NG_ENOMEM;
    }
    ng_out_write(ev->out, ev->row.ptr, ev->row.len);
    return NG_OK;
}

int ng_evidence_table_close(ng_evidence_table *ev) { return ng_out_close(ev->out); }

int ng_evidence_table_commit(ng_evidence_table *ev) { return ng_out_commit(ev->out); }

void ng_evidence_table_free(ng_evidence_table *ev)
{
    if (!ev) return;
    ng_out_free(ev->out);
    ng_buf_free(&ev->row);
    free(ev);
}
