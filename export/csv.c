/* csv.c - the nodes and edges tables for Gephi's spreadsheet import and for reports.
 *
 * RFC 4180 quoting: a field containing a comma, a double quote, CR or LF is enclosed in
 * double quotes with its quotes doubled; other fields are written bare. Lines end in LF,
 * the file has no byte-order mark (Gephi would read it into the first header). Text is
 * UTF-8 (invalid bytes become U+FFFD, control characters other than tab, CR, LF dropped).
 * Headers follow Gephi and then name every attribute as the other formats do, so that pandas
 * and spreadsheets find the same names: nodes Id, Label, type, mentions, ...; edges Source,
 * Target, Type (Directed/Undirected), Kind, Id, Label, Weight, relation, evidence, ... Gephi
 * reads Id, Label and, on edges, Type, Kind and Weight itself (Kind and Label are the
 * relation); it compares headers case-insensitively and refuses a repeated one, so the nodes
 * table names the actor type `type` only (Gephi has no node Type of its own). An unknown value
 * is an empty cell. A text cell that starts like a formula gets a leading ' (see
 * neutralize_formula). */
#include "export_internal.h"

#include <stdio.h>
#include <string.h>

/* Appends s with control characters dropped, invalid UTF-8 repaired and, when `quoted`,
 * every double quote doubled. */
static void put_clean(ng_buf *b, const char *s, int quoted)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned stop = quoted ? NG_STOP_CSV_QUOTED : NG_STOP_CSV_BARE;
    size_t i = 0, run = 0, len = strlen(s);
    for (;;) {
        /* tab, CR and LF are kept but stop the word scan; the table lets them through */
        i = ng_export__skip_plain(u, i, len, '"', '"', '"', '"');
        while (!(ng_export__stop[u[i]] & stop)) i++;
        unsigned ch = u[i];
        size_t adv = 1;
        uint32_t c;
        int kind = NG_CHAR_C1; /* an ASCII control or DEL is dropped as a C1 control is */
        if (ch == 0) break;
        if (ch == '"') { /* quoted: the quote itself, then its double */
            ng_export__put(b, s + run, i - run + 1);
            ng_export__putc(b, '"');
            run = ++i;
            continue;
        }
        if (ch >= 0x80) {
            kind = ng_export__non_ascii(s + i, &c, &adv);
            if (kind == NG_CHAR_PLAIN) {
                i += adv; /* part of the run */
                continue;
            }
        }
        /* a control character, DEL or C1: dropped; an invalid byte: repaired */
        ng_export__put(b, s + run, i - run);
        if (kind == NG_CHAR_INVALID) ng_export__put(b, NG_UTF8_REPLACEMENT_BYTES, 3);
        i += adv;
        run = i;
    }
    ng_export__put(b, s + run, i - run);
}

/* A text cell that a spreadsheet would run as a formula (OWASP, "CSV injection": one that
 * starts with =, +, -, @, tab or CR) gets a leading apostrophe, which spreadsheets show as
 * text. The test is on the bytes as written, after control characters were dropped, so that
 * "\x01=HYPERLINK(...)" is caught too. Numbers are written by put_value and never pass here:
 * a negative metric stays a number. */
static void neutralize_formula(ng_buf *b, size_t start)
{
    if (b->oom || b->len <= start) return;
    char c = b->ptr[start];
    if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return;
    ng_export__putc(b, '\'');
    if (b->oom) return;
    memmove(b->ptr + start + 1, b->ptr + start, b->len - 1 - start);
    b->ptr[start] = '\'';
}

void ng_export_csv_cell(ng_buf *b, const char *s)
{
    if (!s) return;
    int quoted = strpbrk(s, ",\"\r\n") != NULL;
    if (quoted) ng_export__putc(b, '"');
    size_t start = b->len;
    put_clean(b, s, quoted);
    neutralize_formula(b, start);
    if (quoted) ng_export__putc(b, '"');
}

static void put_field(ng_buf *b, const char *s, int first)
{
    if (!first) ng_export__putc(b, ',');
    ng_export_csv_cell(b, s);
}

static void put_value(ng_buf *b, const ng_value *v)
{
    char num[32];
    ng_export__putc(b, ',');
    if (!v->present) return;
    switch (v->type) {
    case NG_COL_STRING:
        put_field(b, v->s, 1);
        break;
    case NG_COL_INT: /* digits and '-' need no quoting or cleaning */
        ng_export__put_int(b, v->i);
        break;
    case NG_COL_REAL:
        ng_export__put(b, num, ng_export__real(num, v->d));
        break;
    }
}

/* What every row of a table reads (ng_export__rows). */
typedef struct csv_rows {
    const ng_graph *g;
    size_t n_cols;
} csv_rows;

static int put_node(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const csv_rows *r = ctx;
    const ng_node *n = ng_graph_node(r->g, i);
    ng_value v;
    (void)s;
    put_field(b, n->id, 1);
    for (size_t c = 0; c < r->n_cols; c++) {
        ng_export__node_value(&v, n, c);
        put_value(b, &v);
    }
    ng_export__putc(b, '\n');
    return NG_OK;
}

static int put_edge(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i)
{
    const csv_rows *r = ctx;
    const ng_edge *e = ng_graph_edge(r->g, i);
    const char *rel = ng_rel_name(e->rel);
    ng_value v;
    put_field(b, ng_graph_node(r->g, e->source)->id, 1);
    put_field(b, ng_graph_node(r->g, e->target)->id, 0);
    put_field(b, e->directed ? "Directed" : "Undirected", 0);
    put_field(b, rel, 0);
    put_field(b, e->id, 0);
    put_field(b, rel, 0);
    ng_export__edge_value(&v, e, NG_ECOL_WEIGHT, &s->buf);
    put_value(b, &v);
    for (size_t c = 0; c < r->n_cols; c++) {
        if (c == NG_ECOL_WEIGHT) continue;
        ng_export__edge_value(&v, e, c, &s->buf);
        put_value(b, &v);
    }
    ng_export__putc(b, '\n');
    return NG_OK;
}

int ng_export__csv_nodes(ng_out *o, const ng_graph *g, int threads)
{
    ng_buf line = NG_BUF_INIT;
    const ng_column *nc;
    csv_rows r = {g, ng_export__node_columns(&nc, g)};
    int error = 0;

    ng_buf_puts(&line, "Id,Label");
    for (size_t c = NG_NCOL_LABEL + 1; c < r.n_cols; c++)
        put_field(&line, nc[c].name, 0);
    ng_export__putc(&line, '\n');
    if ((error = ng_export__rows(o, &line, ng_graph_node_count(g), put_node, &r, threads)) >= 0)
        error = ng_export__flush(o, &line, 0);
    ng_buf_free(&line);
    return error;
}

int ng_export__csv_edges(ng_out *o, const ng_graph *g, int threads)
{
    ng_buf line = NG_BUF_INIT;
    const ng_column *ec;
    csv_rows r = {g, ng_export__edge_columns(&ec)};
    int error = 0;

    ng_buf_puts(&line, "Source,Target,Type,Kind,Id,Label,Weight");
    for (size_t c = 0; c < r.n_cols; c++)
        if (c != NG_ECOL_WEIGHT) put_field(&line, ec[c].name, 0);
    ng_export__putc(&line, '\n');
    if ((error = ng_export__rows(o, &line, ng_graph_edge_count(g), put_edge, &r, threads)) >= 0)
        error = ng_export__flush(o, &line, 0);
    ng_buf_free(&line);
    return error;
}
