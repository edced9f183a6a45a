/*
 * export_internal.h - what the export writers share (private to export/).
 *
 * - The attribute model: one list of node columns and one of edge columns, with their
 *   types, read from the graph in one place so that every format carries the same
 *   attributes under the same names (GraphML keys, GEXF attributes, CSV headers, JSON keys).
 * - Text helpers: a UTF-8 decoder that repairs invalid bytes, locale-independent number
 *   formatting, XML escaping.
 * - The colours and shapes of each actor type (GEXF viz and DOT styles agree).
 * - One writer per format: each takes an open ng_out and writes the whole file; the caller
 *   (export.c) opens, commits and frees the output.
 *
 * Nothing here allocates memory the caller must free unless it says so.
 */
#ifndef NG_EXPORT_INTERNAL_H
#define NG_EXPORT_INTERNAL_H

#include "ng_export.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ------------------------------------------------------------------ attribute model */

typedef enum ng_coltype { NG_COL_STRING = 0, NG_COL_INT, NG_COL_REAL } ng_coltype;

typedef struct ng_column {
    const char *name; /* [a-z0-9_], used as GraphML attr.name, GEXF id and title, JSON key */
    ng_coltype type;
} ng_column;

/* One attribute value. `present` is 0 when the value is unknown (empty string, a metric that
 * is not finite): XML writers then omit it, CSV leaves the cell empty, JSON writes null. */
typedef struct ng_value {
    int present;
    ng_coltype type;
    const char *s; /* NG_COL_STRING: borrowed from the graph or a static string */
    long long i;   /* NG_COL_INT */
    double d;      /* NG_COL_REAL: finite when present */
} ng_value;

/* Node columns, in the order every format writes them. The node's id is not a column.
 * NG_NCOL_LABEL is the canonical name; the metric columns exist only when the graph has
 * metrics (see ng_export__node_columns). */
enum {
    NG_NCOL_LABEL = 0,
    NG_NCOL_TYPE,
    NG_NCOL_MENTIONS,
    NG_NCOL_ARTICLES,
    NG_NCOL_ALIASES,
    NG_NCOL_SOURCES,
    NG_NCOL_FIRST_DATE,
    NG_NCOL_LAST_DATE,
    NG_NCOL_CODE, /* a state's ISO 3166 alpha-3 code */
    NG_NCOL_DEGREE, /* first metric column */
    NG_NCOL_IN_DEGREE,
    NG_NCOL_OUT_DEGREE,
    NG_NCOL_STRENGTH,
    NG_NCOL_BETWEENNESS,
    NG_NCOL_CLOSENESS,
    NG_NCOL_HARMONIC,
    NG_NCOL_PAGERANK,
    NG_NCOL_EIGENVECTOR,
    NG_NCOL_COMMUNITY,
    NG_NCOL__COUNT
};
#define NG_NCOL__FIRST_METRIC NG_NCOL_DEGREE

/* Edge columns. The edge's id, endpoints and direction are not columns. */
enum {
    NG_ECOL_RELATION = 0,
    NG_ECOL_WEIGHT,
    NG_ECOL_ARTICLES,
    NG_ECOL_EVIDENCE,
    NG_ECOL_SOURCES,
    NG_ECOL_SOURCE_TITLES,
    NG_ECOL_SOURCE_URLS,
    NG_ECOL_FIRST_DATE,
    NG_ECOL_LAST_DATE,
    NG_ECOL_DATES,
    NG_ECOL__COUNT
};

/* The node columns of `g`: *out gets the static table; returns how many apply
 * (NG_NCOL__FIRST_METRIC without metrics, NG_NCOL__COUNT with them). */
size_t ng_export__node_columns(const ng_column **out, const ng_graph *g);
/* 1 when `name` is the name of a node column (with or without metrics). */
int ng_export__is_node_column(const char *name);
/* The edge columns (static table); returns NG_ECOL__COUNT. */
size_t ng_export__edge_columns(const ng_column **out);
/* Reads column `col` of a node / an edge. */
void ng_export__node_value(ng_value *out, const ng_node *n, size_t col);
/* `tmp` holds a string made for the value (the sources' titles and URLs: the graph keeps
 * each article's once, not these lists); a failure to make it sets tmp->oom, which the
 * writer checks (the caller frees tmp). */
void ng_export__edge_value(ng_value *out, const ng_edge *e, size_t col, ng_buf *tmp);

/* Makes the directory of a "DIR/" target that does not exist yet (one level: its parent was
 * checked by ng_export_check_path); nothing for any other path. NG_EIO with the reason. */
int ng_export__make_directory(const char *path);

/* The latest valid date of any node or edge of `g` (ISO), "" when nothing is dated. */
void ng_export__graph_last_date(char out[11], const ng_graph *g);

/* Appends "N actors, M relations, from K articles" (for file headers), then "; " and the
 * metrics note when there is one. */
void ng_export__summary(ng_buf *b, const ng_graph *g);
/* Appends what a reader must know about the metrics' values (estimated from sampled sources,
 * a metric left empty), plain ASCII; returns 0 (nothing appended) when every metric is
 * exact or there are no metrics. */
int ng_export__metrics_note(ng_buf *b, const ng_graph *g);

/* ------------------------------------------------------------------ text */

#define NG_UTF8_REPLACEMENT 0xFFFDu
#define NG_UTF8_REPLACEMENT_BYTES "\xEF\xBF\xBD" /* U+FFFD in UTF-8, 3 bytes */

/* Decodes one code point from s[0..len) (len >= 1). Invalid or truncated sequences,
 * overlong forms, surrogates and values above U+10FFFF give U+FFFD and consume one byte.
 * *adv receives the bytes consumed. */
uint32_t ng_utf8__next(const char *s, size_t len, size_t *adv);
/* Appends the UTF-8 encoding of code point `c` (assumed valid). */
void ng_utf8__put(ng_buf *b, uint32_t c);

/* Formats a finite double with the fewest significant digits (up to 17) that read back
 * to the same value, '.' as decimal point whatever the locale, no "-0". Returns the
 * length, or 0 (and out = "") when v is NaN or infinite. out must hold 32 bytes. */
size_t ng_export__real(char out[32], double v);
/* Formats v >= 0 with exactly two decimals and no exponent ("12.50"); for DOT and viz. */
size_t ng_export__fixed2(char out[32], double v);

/* ------------------------------------------------------------------ escaping
 *
 * Every escaper copies runs of bytes that need no decision and stops at the bytes its format
 * must look at. ng_export__stop has one bit per format and context; a byte with the bit set
 * ends the run. Every context stops at NUL (the end of the text), at DEL and at every
 * non-ASCII byte (decoded with ng_export__non_ascii), and at the control characters and
 * specials of its format. */
enum {
    NG_STOP_XML_TEXT = 1,   /* controls but tab and LF; & < > */
    NG_STOP_XML_ATTR = 2,   /* every control; & < > " */
    NG_STOP_CSV_BARE = 4,   /* controls but tab, LF, CR */
    NG_STOP_CSV_QUOTED = 8, /* controls but tab, LF, CR; " (doubled) */
    NG_STOP_DOT = 16,       /* every control; " & \ */
    NG_STOP_JSON = 32       /* every control; " \ */
};
extern const unsigned char ng_export__stop[256];

/* What the non-ASCII character at s (NUL-terminated, *s >= 0x80) is to an escaper. */
enum {
    NG_CHAR_PLAIN,   /* a character: *c holds it, *adv its length */
    NG_CHAR_INVALID, /* a byte that starts no valid sequence: write U+FFFD for it (*adv 1) */
    NG_CHAR_C1       /* a C1 control (U+0080..U+009F), which no export keeps as it is */
};
static inline int ng_export__non_ascii(const char *s, uint32_t *c, size_t *adv)
{
    /* NUL-terminated, so the decoder may be given "no limit": it stops at the first byte
     * that does not continue a sequence, and NUL never does */
    *c = ng_utf8__next(s, SIZE_MAX, adv);
    if (*c == NG_UTF8_REPLACEMENT && *adv == 1) return NG_CHAR_INVALID;
    return *c <= 0x9F ? NG_CHAR_C1 : NG_CHAR_PLAIN;
}

/* Appends s to b escaped as XML character data (in_attribute = 0) or as a double-quoted
 * attribute value (in_attribute = 1). Characters XML 1.0 forbids or discourages (C0 controls
 * other than tab, LF, CR; DEL; C1 controls; U+FFFE/U+FFFF) are dropped, invalid UTF-8 becomes
 * U+FFFD, & < > are always escaped, and in attributes " tab LF CR become references so that
 * attribute-value normalization keeps them. */
void ng_xml__escape(ng_buf *b, const char *s, int in_attribute);
/* Every node's id escaped once as an attribute value, for the edges that name their ends
 * (each id would otherwise be escaped again at every edge it ends). */
typedef struct ng_xml_ids {
    ng_buf text; /* the escaped ids, one after the other */
    size_t *at;  /* node i's is text.ptr[at[i], at[i + 1]) */
} ng_xml_ids;
/* NG_ENOMEM (then *x is empty); free with ng_xml__ids_free. */
int ng_xml__ids_make(ng_xml_ids *x, const ng_graph *g);
void ng_xml__ids_free(ng_xml_ids *x);
/* Appends `indent`<edge id="..." source="..." target="..." (GraphML and GEXF: the edge's id and
 * its ends' node ids, escaped as attribute values); the caller adds its attributes and closes
 * the tag. */
void ng_xml__edge_open(ng_buf *b, const char *indent, const ng_xml_ids *ids, const ng_edge *e);

/* ------------------------------------------------------------------ style */

typedef struct ng_type_style {
    unsigned char r, g, b; /* the type's colour (GEXF viz:color, JSON color) */
    const char *hex;       /* the same colour, "#RRGGBB" */
    const char *dot_fill;  /* a lighter tint for DOT fills, "#RRGGBB" */
    const char *dot_shape; /* a Graphviz shape */
} ng_type_style;

const ng_type_style *ng_export__type_style(ng_etype t);

/* The relations of g's edges that are not built in (bit r each): the graph files carry their
 * definitions (GraphML, JSON) and legends name them. */
uint64_t ng_export__declared_relations(const ng_graph *g);

/* ------------------------------------------------------------------ the format table (formats.c) */

/* Writes the whole graph (or one table of it) into an open file, formatting on up to
 * `threads` threads (ng_export__rows; the bytes are the same for any count). */
typedef int (*ng_export__writer)(ng_out *o, const ng_graph *g, int threads);
/* The most files one -o writes (CSV: two tables). */
#define NG_FORMAT_MAX_FILES 2

/* One row of the format table: what the help shows (info) and how the stage writes it. */
typedef struct ng_format_row {
    ng_format_info info;
    unsigned cost;   /* bytes per element, roughly: the largest files are started first */
    size_t n_files;  /* files one -o writes */
    ng_export__writer writers[NG_FORMAT_MAX_FILES]; /* one per file, in the order of paths */
    /* The n_files names one -o PATH writes (each malloc'ed, freed by the caller); NULL when the
     * format writes PATH itself. */
    int (*paths)(char **out, const char *path, int gzip);
} ng_format_row;

/* The row of `f`; NULL (message set) for a value outside ng_format. Static. */
const ng_format_row *ng_format__row(ng_format f);

/* ------------------------------------------------------------------ writers */

int ng_export__graphml(ng_out *o, const ng_graph *g, int threads);
int ng_export__gexf(ng_out *o, const ng_graph *g, int threads);
int ng_export__dot(ng_out *o, const ng_graph *g, int threads);
int ng_export__json(ng_out *o, const ng_graph *g, int threads);
/* Appends `s` (NULL = "") as a JSON string: quotes, escapes, invalid UTF-8 repaired, U+2028
 * and U+2029 escaped (json.c; also the evidence table's JSON Lines). */
void ng_export__json_string(ng_buf *b, const char *s);
/* The CSV tables: one writer per file. */
int ng_export__csv_nodes(ng_out *o, const ng_graph *g, int threads);
int ng_export__csv_edges(ng_out *o, const ng_graph *g, int threads);

/* What a row function may use besides its output, one per formatting thread, kept from row
 * to row (rows.c frees it): strings made for a value (ng_export__edge_value, a tooltip) and
 * an edge's evidence read back. */
typedef struct ng_export_scratch {
    ng_buf buf;
    ng_items items;
} ng_export_scratch; /* zeroed: empty */

/* Puts row i of a file (a node, an edge) at the end of b. Called on any thread: reads only
 * ctx and the graph. Returns 0, or a negative NG_E* with its message set (a failure to
 * append sets b->oom or s->buf.oom instead, which the caller checks). */
typedef int (*ng_export__row_fn)(ng_buf *b, ng_export_scratch *s, const void *ctx, size_t i);
/* Writes `line` (what precedes the rows), then rows 0..n-1 in order, formatted on up to
 * `threads` threads in blocks (rows.c): the same bytes as one thread. Returns 0, NG_ENOMEM or
 * the first error a row gave (its message set on the calling thread); write errors stay in o
 * (sticky). */
int ng_export__rows(ng_out *o, ng_buf *line, size_t n, ng_export__row_fn put, const void *ctx,
                    int threads);

/* ------------------------------------------------------------------ fast appends
 *
 * The writers append millions of short pieces; these inline versions of ng_buf_put/putc copy
 * straight into the buffer when it has room and fall back to ng_buf_put (which grows it and
 * keeps the sticky oom flag) otherwise. The buffer stays NUL-terminated. */

static inline void ng_export__put(ng_buf *b, const char *s, size_t n)
{
    if (b->cap - b->len > n && !b->oom) {
        memcpy(b->ptr + b->len, s, n);
        b->len += n;
        b->ptr[b->len] = '\0';
    } else {
        ng_buf_put(b, s, n);
    }
}

/* A piece every element of a file repeats (a column's opening tag, a JSON key), made once per
 * file with ng_export__tag_set: its bytes and length, so writing it is one copy. */
#define NG_EXPORT_TAG_MAX 96
typedef struct ng_export_tag {
    char text[NG_EXPORT_TAG_MAX];
    size_t len;
} ng_export_tag;
/* printf into t (the result must fit: the pieces are column names in fixed markup). */
void ng_export__tag_set(ng_export_tag *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static inline void ng_export__put_tag(ng_buf *b, const ng_export_tag *t)
{
    ng_export__put(b, t->text, t->len);
}

/* For string literals and other NUL-terminated text (strlen folds away for literals). */
static inline void ng_export__puts(ng_buf *b, const char *s) { ng_export__put(b, s, strlen(s)); }

static inline void ng_export__putc(ng_buf *b, char c)
{
    if (b->cap - b->len > 1 && !b->oom) {
        b->ptr[b->len++] = c;
        b->ptr[b->len] = '\0';
    } else {
        ng_buf_put(b, &c, 1);
    }
}

/* The escapers copy runs of bytes that need no decision. This finds where such a run may end,
 * eight bytes at a time: the index in s[i..len) of the first word holding a byte below 0x20,
 * a byte at or above 0x7F, or one of c1..c4 (ASCII; repeat one when fewer matter); or the
 * last, partial word. The caller finds the exact byte with its own table, so a word that is
 * flagged without need (rare) only costs time. Reads only s[0..len). */
static inline size_t ng_export__skip_plain(const unsigned char *s, size_t i, size_t len,
                                           unsigned c1, unsigned c2, unsigned c3, unsigned c4)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
#if defined(__SSE2__)
    /* sixteen bytes at a time; as signed bytes, 0x80..0xFF are below 0x20 too */
    const __m128i low = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
    const __m128i k1 = _mm_set1_epi8((char)c1), k2 = _mm_set1_epi8((char)c2);
    const __m128i k3 = _mm_set1_epi8((char)c3), k4 = _mm_set1_epi8((char)c4);
#define NG_SKIP_HITS(v)                                                                         \
    (unsigned)_mm_movemask_epi8(_mm_or_si128(                                                   \
        _mm_or_si128(_mm_cmplt_epi8(v, low), _mm_cmpeq_epi8(v, del)),                           \
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, k1), _mm_cmpeq_epi8(v, k2)),                \
                     _mm_or_si128(_mm_cmpeq_epi8(v, k3), _mm_cmpeq_epi8(v, k4)))))
    while (len - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned m = NG_SKIP_HITS(v);
        if (m) return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
    /* the rest of a text of 16 bytes or more: its last sixteen bytes, those before i masked
     * (exact, where the word loop below would stop at a word or a partial tail) */
    if (len >= 16 && i < len) {
        size_t base = len - 16;
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + base));
        unsigned m = NG_SKIP_HITS(v) & (~0u << (i - base));
        return m ? base + (size_t)__builtin_ctz(m) : len;
    }
#undef NG_SKIP_HITS
#endif
    while (len - i >= 8) {
        uint64_t x, e1, e2, e3, e4;
        memcpy(&x, s + i, 8);
        e1 = x ^ (ones * c1);
        e2 = x ^ (ones * c2);
        e3 = x ^ (ones * c3);
        e4 = x ^ (ones * c4);
        uint64_t hit = ((x - ones * 0x20) & ~x)      /* a byte below 0x20 */
                       | x | (x + ones)                /* at or above 0x7F */
                       | ((e1 - ones) & ~e1) | ((e2 - ones) & ~e2) | ((e3 - ones) & ~e3) |
                       ((e4 - ones) & ~e4);           /* one of c1..c4 */
        if (hit & highs) break;
        i += 8;
    }
    return i;
}

/* Decimal digits of an unsigned / signed integer, as printf's %llu / %lld writes them, NUL
 * added; `out` must hold 24 bytes. Returns the length. */
size_t ng_export__utoa(char *out, unsigned long long v);
size_t ng_export__itoa(char *out, long long v);
void ng_export__put_uint(ng_buf *b, unsigned long long v);
void ng_export__put_int(ng_buf *b, long long v);

/* Writes and clears `line` when it holds more than `threshold` bytes (0: always).
 * Returns NG_ENOMEM if an append to `line` had failed. */
int ng_export__flush(ng_out *o, ng_buf *line, size_t threshold);
#define NG_EXPORT_FLUSH_AT ((size_t)256 * 1024)

#endif
