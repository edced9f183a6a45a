/*
 * reader_internal.h - what the reader's files share (core/reader*.c). Not a public header.
 *
 * The reader is split by purpose:
 *   reader.c        the ng_reader object: dispatch by kind, slices, duplicate ids, counts
 *   reader_list.c   inputs -> the sorted listing of article files: the directory walk, the
 *                   kinds by extension, each directory and file once, the entry cap
 *   reader_src.c    a byte source: plain, gzip or standard input; the encoding sniffed (BOMs,
 *                   UTF-16/32 by their zero bytes, binary files) and decoded to UTF-8 as it
 *                   streams; UTF-8 repair and legacy charsets for the web pages
 *   reader_text.c   a text article (one per file)
 *   reader_html.c   a saved web page (one per file), through libxml2's HTML parser
 *   reader_csv.c    a CSV corpus (one article per row), through libcsv
 *   reader_jsonl.c  a JSON Lines corpus (one article per line), through jansson
 *   reader_kind.c   what a file is: the table of article extensions, and the files newsgraph
 *                   itself writes, recognised by name or by their first bytes
 *
 * Ownership: the reader owns its listing and the stream in progress; articles handed out are
 * the caller's. Helpers are named ng_reader__*, ng_src__*.
 */
#ifndef NG_READER_INTERNAL_H
#define NG_READER_INTERNAL_H

#include "ng_core.h"

#include <stdarg.h>
#include <sys/types.h>
#include <zlib.h>

/* ------------------------------------------------------------------ kinds of file */

typedef enum ng_kind {
    NG_KIND_TEXT = 0,
    NG_KIND_HTML,
    NG_KIND_CSV,
    NG_KIND_JSONL,
    NG_KIND_OURS,  /* a file newsgraph writes: graph, shard, temporary */
    NG_KIND_OTHER  /* not an article (notes.md, images, .docx, ...) */
} ng_kind;

/* The kind of a file by its name (the extension, case ignored, a ".gz" after it allowed). */
ng_kind ng_reader__kind(const char *name);

/* ------------------------------------------------------------------ the reader */

typedef struct ng_reader__file {
    char *path;     /* as opened; "-" = standard input */
    size_t rel_off; /* the path relative to its INPUT starts here (the id and slice come
                       from it) */
    ng_kind kind;
} ng_reader__file;

/* A corpus read a row or line at a time (CSV, JSON Lines). */
typedef struct ng_reader__stream {
    void *state;
    /* The next article (*out), or *out = NULL at the end; negative only for out of memory. */
    int (*next)(ng_reader *r, void *state, ng_article **out);
    void (*free)(void *state);
} ng_reader__stream;

/* Reports of one kind beyond this many are counted and summed up in one line. */
#define NG_READER_NAMED_REPORTS 20

typedef struct ng_reader__tally {
    size_t n;            /* files in this tally */
    char examples[3][128];
} ng_reader__tally;

struct ng_reader {
    ng_reader__file *files;
    size_t n_files, cap_files, next_file;
    ng_reader_opts opts;
    size_t skipped, articles;
    uint64_t bytes;
    ng_reader__stream stream; /* stream.state != NULL while a corpus is read */
    size_t slice_index, slice_count; /* ng_reader_set_slice; count 0 or 1 = every file */
    ng_idset *ids;        /* article ids given */
    ng_idset *texts;      /* the texts given, white space collapsed (same text, one article) */
    ng_buf norm;          /* the text being checked, white space collapsed (reused) */
    ng_idset *seen_files; /* (device, inode) of every file listed */
    ng_idset *seen_dirs;  /* (device, inode) of every directory walked */
    size_t entries;       /* files and directories met by the walk (capped) */
    ng_reader__tally other, ours;
    size_t duplicates, duplicates_unnamed, links_named, links_unnamed;
    int finished;         /* the end-of-input summaries were given */
    char label[256];      /* the INPUT, or "inputs" when several: where summaries point */
};

/* Reports a skipped input (counted in ng_reader_skipped). printf format; one line. */
void ng_reader__skip(ng_reader *r, const char *origin, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Passes one report to on_skip (counts nothing). */
void ng_reader__vreport(ng_reader *r, const char *origin, const char *fmt, va_list ap);
/* Reports a warning (not counted as a skip). */
void ng_reader__warn(ng_reader *r, const char *origin, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Counts a file in a tally (files not articles, files newsgraph wrote), keeping 3 names. */
void ng_reader__tally_add(ng_reader__tally *t, const char *name);
/* The tally's names for a message: "a, b, c, ...". */
void ng_reader__tally_names(const ng_reader__tally *t, char *out, size_t size);

/* The listing (reader_list.c): fills r->files from the inputs. */
int ng_reader__list(ng_reader *r, const char *const *inputs, size_t n_inputs);
/* The article id of a listed file: its relative path without ".gz" and one extension. The
 * caller frees it. "stdin" for standard input. */
char *ng_reader__file_id(const ng_reader__file *f);
/* What messages call a file: its path, or "(standard input)". */
const char *ng_reader__origin(const ng_reader__file *f);

/* One article per file: *out NULL when the file was skipped (reported). NG_ENOMEM. */
int ng_reader__read_text(ng_reader *r, const ng_reader__file *f, ng_article **out);
int ng_reader__read_html(ng_reader *r, const ng_reader__file *f, ng_article **out);
/* Initialises libxml2 once, before any thread uses it (xmlInitParser). */
void ng_reader__html_init(void);
/* Corpora: set up r->stream (left empty when the file could not be opened: reported). */
int ng_reader__open_csv(ng_reader *r, const ng_reader__file *f);
int ng_reader__open_jsonl(ng_reader *r, const ng_reader__file *f);

/* A new article with copies of id and origin (text and the rest NULL). NULL when out of
 * memory. */
ng_article *ng_reader__article(const char *id, const char *origin);

/* Files newsgraph writes (reader_kind.c). The first bytes of a file (`head`, `n`) are those
 * of a newsgraph report page / a CSV header (`columns`: its first min(n_columns, 5) names) is
 * that of a newsgraph CSV table (nodes, edges or evidence). */
int ng_reader__is_our_report(const char *head, size_t n);
int ng_reader__is_our_table_header(const char *const *columns, size_t n_columns);
/* Reads the start of `path` (gzip allowed) and says whether newsgraph wrote it. */
int ng_reader__sniff_ours(const char *path, ng_kind kind);

/* ------------------------------------------------------------------ byte sources */

typedef enum ng_enc {
    NG_ENC_UTF8 = 0, /* or anything byte-oriented: the consumer decides */
    NG_ENC_UTF16LE,
    NG_ENC_UTF16BE,
    NG_ENC_UTF32LE,
    NG_ENC_UTF32BE
} ng_enc;

#define NG_SRC_SNIFF 8192 /* bytes looked at for the encoding and for binary files */

typedef struct ng_src {
    gzFile gz;      /* a gzip file or standard input; NULL for a plain file read with read(2) */
    int fd;         /* the plain file (-1 when gz) */
    uint64_t size;  /* a plain regular file's size when opened (a hint), else 0 */
    unsigned char *raw; /* read but not yet decoded */
    size_t raw_pos, raw_len;
    ng_enc enc;
    int bom;       /* a byte-order mark was dropped */
    int sniffed;   /* the first block was read and looked at */
    int eof;
    int unpeeked;  /* a regular file whose first bytes were not looked at yet (gzip's magic) */
    int truncated; /* the gzip stream ended early */
    uint64_t bytes; /* bytes read (after gunzip) */
    char why[256];  /* why reading stopped: "binary file (not text)", "truncated gzip file" */
} ng_src;

/* Opens `path` ("-" = standard input). NG_EIO with s->why set when it cannot be opened,
 * NG_ENOMEM. Close with ng_src__close (also after a failed open). */
int ng_src__open(ng_src *s, const char *path);
/* Reads up to `cap` (at least 8) bytes of UTF-8 (UTF-16 and UTF-32 decoded, a byte-order mark
 * dropped) into `buf`; *n = 0 at the end. NG_EFORMAT for a binary file, NG_EIO for a read
 * error or a damaged gzip file (s->why says which), NG_OK. */
int ng_src__read(ng_src *s, char *buf, size_t cap, size_t *n);
void ng_src__close(ng_src *s);
/* The name of an encoding for messages ("UTF-16LE"). */
const char *ng_src__enc_name(ng_enc e);

/* Reads all of a file into `b` as UTF-8 through `s` (opened here; the caller closes it), up to
 * the article cap. NG_OK when read, 1 when the file was skipped (reported), NG_ENOMEM. */
int ng_reader__slurp(ng_reader *r, const ng_reader__file *f, ng_buf *b, ng_src *s);
/* Counts in `s` the invalid UTF-8 bytes and the valid multi-byte characters. */
void ng_reader__utf8_count(const char *s, size_t n, size_t *bad, size_t *multi);
/* Appends `s` to `out` with every invalid UTF-8 byte (and NUL) replaced by U+FFFD. */
int ng_reader__utf8_repair(ng_buf *out, const char *s, size_t n);
/* Appends `s`, in the character set `charset` (an iconv name: "windows-1252"), to `out` as
 * UTF-8; bytes the charset does not define become U+FFFD. NG_EINVAL for an unknown charset. */
int ng_reader__from_charset(ng_buf *out, const char *s, size_t n, const char *charset);

#endif
