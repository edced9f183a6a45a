/*
 * pipeline.h - reading and extraction shared by the commands that take articles
 * (build, report, explain, extract): inputs -> reader -> N extraction threads -> consumers.
 *
 * pipeline_run: the consumer is called with each article's doc, one call at a time (under a
 * lock), in the order the reader gave the articles, whatever the thread count: a small
 * reorder window (4 docs per thread) holds the docs that finish early. So `extract` writes
 * the same shard for every -j. The doc is borrowed for the duration of the call.
 *
 * pipeline_build_graph: no order: each thread adds its docs to the one graph itself, under a
 * lock (the graph does not depend on the order of its docs); a thread that finds the lock
 * taken keeps the doc (a few at most) and adds it at its next turn instead of waiting. Memory
 * is the graph's whatever -j: partial graphs per thread would each hold nearly every edge of
 * a corpus with many articles per edge. With opts->also set (build's evidence tables), the docs go
 * instead in order, as pipeline_run delivers them, to the graph and to also(). Either way the
 * extraction is parallel and adding to the graph serial.
 */
#ifndef NG_PIPELINE_H
#define NG_PIPELINE_H

#include "cmd.h"
#include "guard.h"
#include "ng_extract.h"
#include "ng_graph.h"

#include <time.h>

typedef int (*pipeline_consumer)(void *ctx, const ng_doc *doc);
/* pipeline_build_graph's threads: takes the doc (frees it with ng_doc_free, also on failure);
 * doc NULL: the thread's input is done. */
typedef int (*pipeline_taker)(void *ctx, ng_doc *doc);

typedef struct pipeline_opts {
    cli_list relations;       /* --relations files: the command declares them
                                 (cli_declare_relations) before any work, before pipeline_run */
    cli_list actors;          /* --actors files */
    cli_list lexicons;        /* --lexicon files */
    size_t max_article_bytes; /* --max-article-bytes, 0 = default */
    int threads;              /* -j, 0 = number of cores */
    size_t slice_index;       /* extract --slice K/N: read only the input files whose */
    size_t slice_count;       /* relative path hashes to K modulo N; 0 or 1 = every file */
    const char *cmd;          /* the command, for messages */
    const guard_list *writes; /* the files the run will write: refused (exit 2) when one is an
                                 input article file, a dictionary or a --relations file;
                                 NULL = none */
    pipeline_consumer also;   /* pipeline_build_graph: when set, each doc goes in read order */
    void *also_ctx;           /* to also(also_ctx, doc) too (the evidence tables) */
} pipeline_opts;

typedef struct pipeline_stats {
    size_t articles;   /* extracted */
    size_t skipped;    /* inputs or rows skipped */
    size_t repaired;   /* articles with invalid bytes replaced */
    size_t undated;    /* articles with no date at all (no date line or field, none in the
                          text): their undated relations stay undated */
    uint64_t bytes;    /* input bytes read */
    double seconds;    /* wall time of the run (lexicon, reading, extraction, consumers) */
    /* where the time went, for -v and the benchmark */
    int threads;            /* extraction threads that ran */
    double cpu_seconds;     /* CPU time of the extraction threads, summed */
    double cpu_max_seconds; /* ... of the busiest one */
    double absorb_seconds;  /* shards_read_graph: absorbing the partial graphs (wall) */
    double absorb_cpu_seconds;
} pipeline_stats;

/* The option-table entries every article-reading command accepts. */
#define PIPELINE_OPTIONS(po)                                                                      \
    {0, "actors", OPT_LIST, &(po).actors, "FILE.csv", "add or override actors (name,type,aliases,...)"}, \
    RELATIONS_OPTION((po).relations), \
    {0, "lexicon", OPT_LIST, &(po).lexicons, "FILE.csv", "add relation triggers (columns of extract/data/triggers.csv)"}, \
    {0, "max-article-bytes", OPT_SIZE, &(po).max_article_bytes, "SIZE", "skip articles larger than SIZE (default 64M)"}, \
    {'j', "threads", OPT_INT, &(po).threads, "N", "extraction threads (default: number of cores)"}

/* The INPUT paragraph of the help of every article-reading command. */
#define PIPELINE_INPUT_HELP                                                                       \
    "INPUT: an article file, a directory (read recursively in sorted order), or '-' for\n"       \
    "standard input (text). Articles are text (.txt, .text, or no extension; optional first\n"  \
    "lines 'date YYYY-MM-DD' and 'url URL'), saved web pages (.html, .htm: the article's\n"    \
    "text, title, canonical URL and date), CSV corpora (.csv, .tsv: a header row with a\n"      \
    "'text' column and optional id,date,title,url; ',' ';' or tab between fields) and\n"       \
    "JSON Lines corpora (.jsonl, .ndjson: one object per line with 'text' and optional id,\n"  \
    "title, url, date or published); each may be gzip-compressed (.gz). In a directory,\n"    \
    "other files are skipped and counted, and the graphs, shards and reports newsgraph\n"     \
    "writes are never read. UTF-16 and UTF-32 are read. An article id read twice counts\n"    \
    "once.\n"

/* Seconds of CPU time on `clock` (CLOCK_THREAD_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID), for the
 * -v timings. */
double pipeline_cpu_seconds(clockid_t clock);
/* The number of extraction threads -j asks for (ng_thread_count). */
int pipeline_threads(const pipeline_opts *opts);
/* Runs the pipeline over `inputs` with ordered delivery to consume(ctx, doc); returns an exit
 * status: 0; 1 after printing why (also when no article was read, unless this is one slice of
 * many); 2 when an output is an input (opts->writes) or a --lexicon row names a relation that
 * is not declared, before any article is read. */
int pipeline_run(const cli_list *inputs, const pipeline_opts *opts, pipeline_consumer consume,
                 void *ctx, pipeline_stats *stats);
/* Runs the pipeline over `inputs` into one graph (see above). *out is not finished; the caller frees it with
 * ng_graph_free. Returns an exit status as pipeline_run does (when not 0, *out is NULL). */
int pipeline_build_graph(ng_graph **out, const cli_list *inputs, const pipeline_opts *opts,
                         pipeline_stats *stats);
void pipeline_opts_free(pipeline_opts *opts);
/* Prints the summary line of the articles without a date (nothing when there are none, or
 * with -q). */
void pipeline_report_undated(const pipeline_stats *stats);

#endif
