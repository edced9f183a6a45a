/*
 * ng_core.h - what every newsgraph stage shares.
 *
 * Takes: nothing from the other stages (core depends on libc, zlib, libcsv, and for the
 *        reader's web pages and JSON Lines on libxml2 and jansson).
 * Gives:
 *   - the error idiom: functions return NG_OK (0) or a negative NG_E* code, and leave a
 *     one-line, thread-local message (ng_error_last) naming the file, article or line and
 *     what to do;
 *   - growable buffers (ng_buf), growable arrays (ng_array_grow) and small string helpers;
 *   - one ISO-date check, a monotonic clock and the default thread count;
 *   - the records that flow between stages: an input article (ng_article), and the result
 *     of extracting one article (ng_doc: its actors and relations, each relation with its
 *     evidence sentence, offset and date);
 *   - the article reader (ng_reader: text, web pages, CSV and JSON Lines corpora, .gz,
 *     directories, stdin) and the id set it keeps (ng_idset);
 *   - the atomic output file (ng_out: temporary file + rename, optional gzip, sticky error);
 *   - text folding used for identity keys (case, Latin accents, apostrophes, dashes);
 *   - shard files (ng_shard_*): docs written by `extract`, read back by `merge`.
 *
 * Ownership: a function that returns a pointer says who frees it. Objects made by
 * ng_x_new(&out, ...) are freed by ng_x_free(x), which accepts NULL.
 */
#ifndef NG_CORE_H
#define NG_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#define NG_VERSION "0.1.0"

/* ------------------------------------------------------------------ errors */

enum {
    NG_OK = 0,
    NG_ERROR = -1,   /* generic failure */
    NG_ENOMEM = -2,  /* out of memory */
    NG_EIO = -3,     /* a read or write failed */
    NG_EINVAL = -4,  /* bad argument or option */
    NG_EFORMAT = -5, /* malformed input (a file, a row, a record) */
    NG_EGRAPH = -6,  /* igraph reported an error */
    NG_ELIMIT = -7,  /* an input exceeded a documented cap */
    NG_EINTR = -8    /* interrupted by a signal */
};

/* The longest error message kept, in bytes (a longer one ends with "..."). */
#define NG_ERROR_MAX 8192

/* Sets this thread's one-line error message (printf format), made printable as by
 * ng_text_printable (a file name with a line break or an escape sequence cannot break the
 * line or reach the terminal raw). Returns NG_ERROR for chaining. */
int ng_error_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The last message set on this thread, or "" when none. Borrowed: valid until the next set. */
const char *ng_error_last(void);
void ng_error_clear(void);
/* A short name for an error code ("out of memory", ...). Static string. */
const char *ng_error_name(int code);

/* Always-on assertion for programmer errors (kept under NDEBUG). */
#define NG_ASSERT(cond)                                                                     \
    do {                                                                                   \
        if (!(cond)) ng_assert_fail(#cond, __FILE__, __LINE__);                            \
    } while (0)
void ng_assert_fail(const char *expr, const char *file, int line) __attribute__((noreturn));

/* ------------------------------------------------------------------ memory and strings */

/* malloc/realloc/strdup that never return NULL silently: on failure they set the error
 * message and return NULL, so callers only check and return NG_ENOMEM. */
void *ng_malloc(size_t n);
void *ng_calloc(size_t n, size_t size);
void *ng_realloc(void *p, size_t n);
char *ng_strdup(const char *s);
char *ng_strndup(const char *s, size_t n);

/* A growable byte buffer, always NUL-terminated when ptr != NULL. Zero-initialize with
 * NG_BUF_INIT. After a failed append `oom` stays set and further appends do nothing, so a
 * writer can check once at the end. Free with ng_buf_free. */
typedef struct ng_buf {
    char *ptr;
    size_t len;
    size_t cap;
    int oom;
} ng_buf;
#define NG_BUF_INIT {NULL, 0, 0, 0}
int ng_buf_grow(ng_buf *b, size_t extra);
int ng_buf_put(ng_buf *b, const char *data, size_t len);
int ng_buf_puts(ng_buf *b, const char *s);
int ng_buf_putc(ng_buf *b, char c);
int ng_buf_printf(ng_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ng_buf_clear(ng_buf *b);
/* Hands the buffer's memory to the caller (who frees it) and resets the buffer. */
char *ng_buf_detach(ng_buf *b);
void ng_buf_free(ng_buf *b);

/* Makes room for `need` elements of `elem` bytes in the array at *ptr, whose capacity is *cap
 * elements: when *cap < need the array is reallocated to the larger of twice *cap (8 at
 * first) and `need`, and *cap updated. New elements are not initialized. NG_ENOMEM (message
 * set) when memory runs out or need * elem overflows; *ptr and *cap are then unchanged. */
int ng_array_grow(void **ptr, size_t *cap, size_t need, size_t elem);
/* The same for a typed array `arr` with a size_t capacity `cap` (no call while there is room;
 * `need` is evaluated twice). */
#define NG_ARRAY_GROW(arr, cap, need)                                                          \
    ((size_t)(need) <= (cap) ? NG_OK : ng_array_grow((void **)&(arr), &(cap), (need), sizeof *(arr)))

/* 1 when `s` ends in `suffix`, byte for byte (0 when s is NULL). */
int ng_has_suffix(const char *s, const char *suffix);
/* 1 when the first `len` bytes of `s` end in `suffix`, ignoring ASCII case (file extensions a
 * user typed: "G.GraphML.GZ"). */
int ng_has_suffix_nocase(const char *s, size_t len, const char *suffix);

/* 64-bit FNV-1a hash of a byte string. */
uint64_t ng_hash(const void *data, size_t len);

/* Folds text for comparison keys: UTF-8 in, ASCII-leaning lower case out. Latin letters with
 * accents lose them (é -> e, ß -> ss), curly apostrophes and quotes become ' and ",
 * dashes become -, any run of white space (including no-break space) becomes one space,
 * leading/trailing space is dropped. Appends to `out`. */
int ng_text_fold(ng_buf *out, const char *s, size_t len);

/* Copies src[0..len) into dst (cap bytes, always NUL-terminated) fit for one terminal line:
 * line breaks and tabs become \n \r \t, other control characters (C0, DEL, C1), the
 * bidirectional overrides and invalid UTF-8 bytes become \xHH or \uHHHH; the rest is copied.
 * When it does not fit, or `cut` says src itself was cut short, the copy ends with "..." at a
 * character boundary. Returns 1 when the copy was cut, else 0. No allocation (safe in error
 * paths). */
int ng_text_printable(char *dst, size_t cap, const char *src, size_t len, int cut);

/* ------------------------------------------------------------------ dates, clock, threads */

/* Reads an ISO date "YYYY-MM-DD" at the start of `s` (anything may follow it, such as a time):
 * 1 when it names a real day of the Gregorian calendar from 1000-01-01 to 9999-12-31, with the
 * parts in *y, *m, *d (each may be NULL); 0 otherwise, and for NULL. The one date check of
 * every stage: dates are kept as these ten bytes, so byte order is time order. */
int ng_date_parse(const char *s, int *y, int *m, int *d);
/* 1 when `s` is exactly such a date, nothing after it. */
int ng_date_valid(const char *s);
/* A date as written may be less precise: "2017" (a year), "2017-06" (a month) or "2017-06-05"
 * (ISO 8601 reduced precision). Returns the precision of `s` when it is exactly one of these
 * (a real month, a year from 1000): NG_DATE_YEAR, NG_DATE_MONTH or NG_DATE_DAY; 0 otherwise
 * and for NULL. Byte order of such dates is the order every stage keeps: by the start of the
 * interval each covers, and at the same start the less precise first ("2017" < "2017-01" <
 * "2017-01-01" < "2017-01-02" < "2017-02"). */
#define NG_DATE_YEAR 1
#define NG_DATE_MONTH 2
#define NG_DATE_DAY 3
int ng_date_precision(const char *s);
/* The days a date of any precision covers: "2017-06" -> 2017-06-01 and 2017-06-30, "2023" ->
 * 2023-01-01 and 2023-12-31, a day -> itself twice (each of first, last may be NULL). 0 and
 * both set to "" when `s` is not a date of ng_date_precision. */
int ng_date_span(const char *s, char first[11], char last[11]);
/* "YYYY-MM-DD" written into out (11 bytes with the NUL) for y 0..9999, m 0..12, d 0..31, the
 * caller's to check; by hand, not snprintf: the exports and the extractor ask for one per node,
 * edge and date mention. */
void ng_date_write(char out[11], int y, int m, int d);

/* Seconds on the monotonic clock (for durations only: not the time of day). */
double ng_clock_seconds(void);

/* The most threads any stage starts for one job. */
#define NG_THREADS_MAX 64
/* The threads to use for a -j of `requested`: itself when positive, else the number of cores
 * (at least 1); never more than NG_THREADS_MAX. */
int ng_thread_count(int requested);
/* Runs fn(arg) on n threads, the calling thread one of them, and returns when all have: for
 * work shared through arg (a queue each thread takes from), so that when a thread cannot be
 * started the others do its part. n is capped at NG_THREADS_MAX. */
void ng_thread_run(void *(*fn)(void *), void *arg, int n);

/* ------------------------------------------------------------------ records */

/* The kind of an actor (node type). */
typedef enum ng_etype {
    NG_ETYPE_PERSON = 0,
    NG_ETYPE_STATE,
    NG_ETYPE_ORG,
    NG_ETYPE_PLACE,
    NG_ETYPE__COUNT
} ng_etype;
/* "person", "state", "organization", "place". Static string. */
const char *ng_etype_name(ng_etype t);
/* Parses those names (and "org"); NG_EINVAL when unknown. */
int ng_etype_parse(ng_etype *out, const char *s);

/* ------------------------------------------------------------------ relation types
 *
 * A relation type is an index (ng_rel) into one process-wide table with the columns of
 * extract/data/relations.csv: name, direction (directed or symmetric), hostile (yes or no), the
 * actor types allowed as subject and as object, and a description. The built-in rows come
 * first, in the file's order (embedded at build time, loaded on first use); rows a user
 * declares (--relations FILE.csv, or the definitions a GraphML file carries) are appended
 * after them. The table only grows, a row never changes once added, and adding is meant for
 * start-up: threads may read the table at any time. Indices are per process: what is stored
 * (shards, graph files) names relations, never numbers them. */
typedef unsigned ng_rel;
#define NG_REL_MAX 64       /* rows in all, built-in and declared (a bit each in a uint64_t) */
#define NG_REL_NAME_MAX 32  /* bytes of a name: [a-z][a-z0-9_]* */
#define NG_REL_DESC_MAX 240 /* bytes of a description */

typedef struct ng_rel_def {
    char name[NG_REL_NAME_MAX + 1];
    int symmetric;       /* 1: stored once per pair, drawn without arrow */
    int hostile;         /* 1: a break or an attack, drawn dashed in red */
    unsigned subjects;   /* allowed actor types: bit (1u << ng_etype) */
    unsigned objects;
    int standing;        /* 1: a standing tie (membership, office), not an event: the
                            report leaves it out of its timeline and evidence by default
                            (optional column `standing`, no when absent) */
    int builtin;         /* 1 for the rows of extract/data/relations.csv */
    char description[NG_REL_DESC_MAX + 1];
} ng_rel_def;

/* Rows in the table (built-in and declared so far). */
size_t ng_rel_count(void);
/* The row of r, or NULL when r is not a row. Borrowed: valid for the life of the process. */
const ng_rel_def *ng_rel_get(ng_rel r);
/* The name of r ("unknown" when r is not a row). Static string. */
const char *ng_rel_name(ng_rel r);
/* Finds a relation by name. NG_EINVAL (message: the name and the relations known) when none. */
int ng_rel_parse(ng_rel *out, const char *name);
/* 1 when r is a row with that property, else 0. */
int ng_rel_symmetric(ng_rel r);
int ng_rel_hostile(ng_rel r);
int ng_rel_builtin(ng_rel r);
/* 1 when r allows a subject of type s and an object of type o. */
int ng_rel_allows(ng_rel r, ng_etype s, ng_etype o);

/* Declares the relations of a CSV document (the columns of relations.csv, in any order,
 * `standing` optional;
 * `origin` names it in messages). Every row is checked before any is added: a name already
 * known, a bad name, direction, hostile value or actor type, a missing column, or a full
 * table gives NG_EINVAL and the message "ORIGIN:LINE: what to fix", and nothing is added.
 * With NG_REL_SAME_OK a row that repeats a known relation with the same direction,
 * hostility and actor types is accepted (and adds nothing). Call before other threads use
 * the table for the relations declared. */
#define NG_REL_SAME_OK 1u
int ng_rel_declare_csv(const char *origin, const char *data, size_t len, unsigned flags);
/* ng_rel_declare_csv on a file's contents. NG_EIO when it cannot be read. */
int ng_rel_declare_file(const char *path);
/* Appends the definitions of the relations in `which` (bit r) as a CSV document with a
 * header row, in table order, for ng_rel_declare_csv to read back. */
int ng_rel_write_csv(ng_buf *out, uint64_t which);

/* Filters of ng_rel_join. */
#define NG_REL_IS_SYMMETRIC 1u
#define NG_REL_IS_HOSTILE 2u
/* Appends the names of the relations that have every property in `props` and are built in
 * or in `extra` (bit r), in table order, separated by ", " and by `last` before the last one
 * (", ", " or ", " and "). Returns how many were written. */
size_t ng_rel_join(ng_buf *out, unsigned props, uint64_t extra, const char *last);

/* The ISO 3166-1 alpha-3 code of the built-in state whose actor key is `key` ("state:mali" ->
 * "MLI"; the `code` column of extract/data/states.csv), or "" when there is none (not a
 * state, a state without a code, a state from a user's --actors file). Static string;
 * thread-safe. */
const char *ng_state_code(const char *key);

/* One input article as the reader gives it. All strings are owned by the article and
 * freed by ng_article_free; `date`, `title`, `url` may be NULL when the source has none
 * (extraction then looks for them in the text). `text` is raw bytes (any encoding):
 * extraction validates and repairs it. */
typedef struct ng_article {
    char *id;     /* stable id: file path relative to its input root without extension,
                     or the CSV/JSON `id`, or "<corpus path without extension>:<line>" */
    char *origin; /* where it came from, for messages: "dir/file.txt", "corpus.csv:12" */
    char *date;   /* ISO YYYY-MM-DD or NULL */
    char *title;
    char *url;
    char *text;   /* NUL-terminated; may contain NUL bytes before `len` */
    size_t len;
} ng_article;
void ng_article_free(ng_article *a);

/* One actor as seen in one article. */
typedef struct ng_actor {
    char *key;      /* identity across articles: "<type>:<folded canonical name>",
                       e.g. "state:russia", "organization:ecowas", "person:vladimir putin" */
    char *label;    /* the fullest name this article gives */
    ng_etype type;
    uint32_t mentions;
    uint32_t partial; /* 1 when a person is only known by a surname in this article:
                         the graph stage resolves it against the corpus */
    char *aliases;  /* every surface form seen, '|'-separated, sorted, unique */
} ng_actor;

/* One relation asserted by one sentence of one article. */
typedef struct ng_relation {
    uint32_t source; /* index into ng_doc.actors */
    uint32_t target; /* index into ng_doc.actors */
    ng_rel rel;
    char *sentence;  /* the supporting sentence (clean text) */
    uint64_t offset; /* byte offset of that sentence in the cleaned article text */
    char date[11];   /* ISO date of the event, "" when unknown */
} ng_relation;

/* The extraction of one article: what ng_extract_article returns and what a shard stores. */
typedef struct ng_doc {
    char *id;
    char *origin;
    char *title;
    char date[11];       /* the article's date, "" when unknown */
    char *url;
    ng_actor *actors;
    size_t n_actors;
    ng_relation *relations;
    size_t n_relations;
    uint32_t bad_bytes;   /* invalid UTF-8 bytes replaced */
    uint32_t n_sentences;
    uint32_t capped_lists; /* phrases or sentences whose relations extraction bounded (see
                              ng_extract.h; for the warning only: not kept in shards) */
    struct ng_doc_chunk *pool; /* the actors' and relations' strings, freed with the doc */
} ng_doc;

/* Makes an empty doc (owned by the caller, freed with ng_doc_free). */
int ng_doc_new(ng_doc **out, const char *id, const char *origin);
void ng_doc_free(ng_doc *doc);
/* Appends a copy of `a`; *index_out receives its index. The copies of its strings (and of a
 * relation's sentence) live in the doc's pool: one allocation for many strings, all freed
 * by ng_doc_free, never one by one (a relation's sentence may be shared with the one
 * before it). */
int ng_doc_add_actor(ng_doc *doc, const ng_actor *a, uint32_t *index_out);
/* Appends a copy of `r` (sentence copied). */
int ng_doc_add_relation(ng_doc *doc, const ng_relation *r);
/* The same with the sentence given as the `len` bytes at `sentence` (r->sentence unused). */
int ng_doc_add_relation_text(ng_doc *doc, const ng_relation *r, const char *sentence, size_t len);

/* ------------------------------------------------------------------ id sets */

/* A set of byte strings (article ids, file identities), each kept as two 64-bit hashes:
 * memory does not grow with the strings' length. Free with ng_idset_free. */
typedef struct ng_idset ng_idset;
int ng_idset_new(ng_idset **out);
/* Adds `data`: 1 when it was new, 0 when it was in the set already, NG_ENOMEM. */
int ng_idset_add(ng_idset *s, const void *data, size_t len);
int ng_idset_has(const ng_idset *s, const void *data, size_t len);
size_t ng_idset_count(const ng_idset *s);
void ng_idset_free(ng_idset *s);

/* ------------------------------------------------------------------ reader */

typedef struct ng_reader ng_reader;

/* Called for every input that is skipped (unreadable, broken, too large, a duplicate), for a
 * malformed CSV row or JSON line, and for the warnings about the listing (files that are not
 * articles, links to directories already read): `origin` names the file (and line), `message`
 * says why, on one line. */
typedef void (*ng_skip_fn)(void *ctx, const char *origin, const char *message);

typedef struct ng_reader_opts {
    size_t max_article_bytes; /* cap per article (after decompression); 0 = default */
    ng_skip_fn on_skip;
    void *ctx;
    size_t max_entries;       /* cap on the files and directories listed; 0 = default */
    int threads;              /* threads that may look at a directory's entries; <= 1: one */
} ng_reader_opts;
#define NG_DEFAULT_MAX_ARTICLE_BYTES ((size_t)64 * 1024 * 1024)
#define NG_DEFAULT_MAX_ENTRIES ((size_t)4 * 1024 * 1024)

/* Makes a reader over `inputs` (the strings are copied; free with ng_reader_free):
 *   - article files, by their extension (case ignored; each also as .gz): text (.txt, .text,
 *     or no extension), saved web pages (.html, .htm), CSV corpora (.csv, .tsv: one article
 *     per row) and JSON Lines corpora (.jsonl, .ndjson: one article per line);
 *   - directories, walked recursively in byte order of names, hidden entries skipped. Only the
 *     article files above are read; other files are counted in one warning, and files
 *     newsgraph writes (.graphml, .gexf, .dot, .gv, .json, .ngs, temporaries) in another.
 *     Each directory and each file (device, inode) is read once per reader, however many links
 *     or inputs lead to it; the listing stops with NG_ELIMIT past max_entries;
 *   - "-" for standard input (text).
 * A file named in `inputs` is read whatever its extension (as text unless it names another
 * kind), except the graph and shard files newsgraph writes, which are skipped.
 * NG_EIO when an input does not exist (message names it), NG_ELIMIT, NG_ENOMEM. */
int ng_reader_new(ng_reader **out, const char *const *inputs, size_t n_inputs,
                  const ng_reader_opts *opts);
/* Gives the next article in *out (the caller frees it with ng_article_free), or *out = NULL
 * at the end. Broken inputs are reported through on_skip and skipped, and so is an article
 * whose id was given already, or whose text was (the same bytes once every run of white
 * space is one space: the same article under two names or rows): the later one, so it counts
 * once; the return value is
 * negative only for failures that stop the run (out of memory). */
int ng_reader_next(ng_reader *r, ng_article **out);
/* Restricts the reader to one slice of its input listing, for running extraction as `count`
 * independent jobs: only the input files whose path relative to their INPUT hashes to `index`
 * modulo `count` are opened; the others are passed over unread. Adding or removing a file
 * moves no other file to another slice. A CSV or JSON Lines corpus is one file (its rows are
 * not split). Call before the first ng_reader_next; NG_EINVAL unless index < count. count 1
 * means everything. */
int ng_reader_set_slice(ng_reader *r, size_t index, size_t count);
/* When `path` (which exists) is one of the article files this reader reads - the same device
 * and inode - returns that input's path as listed (borrowed, valid until ng_reader_free), else
 * NULL. A file newsgraph wrote (its CSV tables, its report page) is not an article: NULL. */
const char *ng_reader_find_input(const ng_reader *r, const char *path);
/* Inputs skipped so far (duplicates included), bytes read so far, articles given so far. */
size_t ng_reader_skipped(const ng_reader *r);
uint64_t ng_reader_bytes(const ng_reader *r);
size_t ng_reader_articles(const ng_reader *r);
/* The article extensions, for messages: ".txt, .text, no extension, .html, ...". Static. */
const char *ng_reader_article_extensions(void);
/* Files in the listing that are not articles (counted in the listing's warnings). */
size_t ng_reader_not_articles(const ng_reader *r);
void ng_reader_free(ng_reader *r);

/* ------------------------------------------------------------------ atomic output */

/* An output file written to a temporary file beside its target, "<target>.tmp.XXXXXXXX"
 * (created exclusively, never through a link, with a random suffix and the mode a new file
 * gets), and renamed over the target by ng_out_commit only when every write succeeded. The
 * target is `path` or, when `path` is a symbolic link, the file the link leads to (the link
 * stays). `path` "-" writes to standard output. A device, a FIFO, a socket, or a link into
 * /dev or /proc (/dev/stdout, /proc/self/fd/1) is written directly, never replaced. With
 * gzip set, bytes are deflated (gzip format). Writes never fail individually: the first
 * error is kept and reported by ng_out_commit. ng_out_free without commit removes the
 * temporary file. */
typedef struct ng_out ng_out;
int ng_out_open(ng_out **out, const char *path, int gzip);
void ng_out_write(ng_out *o, const void *data, size_t len);
void ng_out_puts(ng_out *o, const char *s);
void ng_out_printf(ng_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ng_out_commit(ng_out *o);
/* Finishes the file (flush, sync, close) and reports the first write error, without moving
 * it into place: a later ng_out_commit only renames. Lets several outputs be completed (in
 * parallel) before any of them appears. Writes after it are ignored. */
int ng_out_close(ng_out *o);
void ng_out_free(ng_out *o);
/* Checks that `path`'s directory exists and is writable (refuse before doing any work). */
int ng_out_check_path(const char *path);
/* 1 when `path` is written directly, not through a temporary file: "-", a device, a FIFO,
 * a socket, a link into /dev or /proc (see ng_out_open). */
int ng_out_is_direct(const char *path);

/* What a signal must not leave behind (core/cleanup.c). ng_cleanup_run, called from the
 * signal handler (async-signal-safe), kills and reaps the tracked child processes, then
 * removes the tracked files, then the tracked (emptied) directories. There is no limit on
 * the number tracked. `path` is borrowed and must stay valid until ng_cleanup_untrack.
 * Each returns a handle >= 0 for ng_cleanup_untrack, or NG_ENOMEM. A child is untracked
 * before it is reaped (its id cannot be reused while it is tracked). */
int ng_cleanup_track_file(const char *path);
int ng_cleanup_track_dir(const char *path);
int ng_cleanup_track_child(pid_t pid);
void ng_cleanup_untrack(int handle); /* a negative handle is ignored */
void ng_cleanup_run(void);

/* ------------------------------------------------------------------ shards
 * (owned by the scale-out work: core/shard.c, format in core/SHARD-FORMAT.md)
 *
 * A shard file holds the extraction (ng_doc) of many articles, so that extraction can run on
 * many machines (`newsgraph extract`) and one `newsgraph merge` builds the graph from any
 * number of shards. The format is versioned and machine-independent: a text line
 * "NGSHARD <version>\n", then length-prefixed little-endian records, each with a CRC-32: the
 * names of the relation types (docs store a relation as an index into them, so a shard reads
 * the same whatever relations the reading run declared, in whatever order), the docs, and an
 * end record carrying the number of docs (so a truncated shard is always detected). Every
 * length and count is bounded and checked. Version 1 (no names record: the seven relations of
 * its time) is still read; a shard of an unknown version is refused.
 * A ".gz" shard is the same bytes gzip-compressed; the reader accepts both transparently. */

#define NG_SHARD_MAGIC "NGSHARD"
#define NG_SHARD_VERSION 2
/* The largest record (one doc) a shard may hold: writers refuse larger docs (NG_ELIMIT),
 * readers refuse larger length fields (NG_EFORMAT) before allocating anything. */
#define NG_SHARD_MAX_RECORD ((uint32_t)1 << 30)

typedef struct ng_shard_writer ng_shard_writer;
typedef struct ng_shard_reader ng_shard_reader;

/* Opens `path` for writing through ng_out (temporary file, renamed by commit; "-" is standard
 * output), gzip-compressed when `gzip`, and writes the header line and the names of every
 * relation type known at this point (ng_rel_count()). Free with
 * ng_shard_writer_free (which, without a commit, leaves nothing at `path`). */
int ng_shard_writer_open(ng_shard_writer **out, const char *path, int gzip);
/* Appends one doc (borrowed). NG_ELIMIT when a string or the record exceeds the format's
 * bounds, NG_EINVAL for an out-of-range type, relation or actor index. */
int ng_shard_write_doc(ng_shard_writer *w, const ng_doc *doc);
/* Writes the end record and moves the file into place. */
int ng_shard_writer_commit(ng_shard_writer *w);
void ng_shard_writer_free(ng_shard_writer *w);

/* Opens a shard (plain or gzip; "-" reads standard input) and checks its header line and its
 * relation names: NG_EFORMAT with a message naming the file when it is not a shard or of an
 * unknown version; NG_EINVAL when it names a relation this run does not know (the message
 * says to pass --relations). */
int ng_shard_reader_open(ng_shard_reader **out, const char *path);
/* Gives the next doc in *out (the caller frees it with ng_doc_free), or *out = NULL after the
 * end record. NG_EFORMAT (message: file, record number, what is wrong) for a truncated or
 * corrupt shard; NG_EIO when reading fails. */
int ng_shard_read_doc(ng_shard_reader *r, ng_doc **out);
/* Docs read so far. */
uint64_t ng_shard_reader_count(const ng_shard_reader *r);
void ng_shard_reader_free(ng_shard_reader *r);
/* ------------------------------------------------------------------ end of shards */

#endif
