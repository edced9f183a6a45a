/*
 * ng_extract.h - the extraction stage: one article in, its actors and relations out.
 *
 * Takes: an ng_article (raw bytes, any encoding) and a lexicon (dictionaries of states,
 *        organizations, titles, relation triggers: built-in CSV data under extract/data/,
 *        embedded at build time, plus the user's --actors / --lexicon CSV files).
 * Gives: an ng_doc (core record): the article's actors with identity keys, aliases and
 *        mention counts, and its relations, each with the supporting sentence, byte offset
 *        and date.
 *
 * Extraction of one article is a pure function of (lexicon, article): no global mutable
 * state, so it runs on many threads at once with one shared, read-only lexicon.
 * This stage knows nothing of igraph or of the graph.
 */
#ifndef NG_EXTRACT_H
#define NG_EXTRACT_H

#include "ng_core.h"

typedef struct ng_lexicon ng_lexicon;

/* Makes a lexicon holding the built-in dictionaries. Free with ng_lexicon_free. */
int ng_lexicon_new(ng_lexicon **out);
/* The largest user dictionary read (--actors, --lexicon): a larger file is refused
 * (NG_ELIMIT) as soon as the cap is passed. */
#define NG_LEXICON_MAX_BYTES (64 << 20)

/* Adds the actors of a user CSV file (columns: name, type, aliases ['|'-separated], ...;
 * see README). A bad row is reported through on_skip ("file.csv:LINE: why") and skipped;
 * returns negative only when the file cannot be read at all. */
int ng_lexicon_load_actors(ng_lexicon *lex, const char *path, ng_skip_fn on_skip, void *ctx);
/* Adds relation triggers from a user CSV file (same columns as extract/data/triggers.csv).
 * Bad rows are reported and skipped as for actors, except a row whose relation is not in the
 * relation table (ng_rel_parse: built in, or declared beforehand with ng_rel_declare_file):
 * that stops the load with NG_EINVAL and "FILE:LINE: ..." saying what to fix, since a typo
 * would otherwise lose a whole relation type. */
int ng_lexicon_load_triggers(ng_lexicon *lex, const char *path, ng_skip_fn on_skip, void *ctx);
void ng_lexicon_free(ng_lexicon *lex);

/* Amplification bounds (docs/errors.md). One phrase that would relate more than
 * NG_EXTRACT_LIST_PAIRS_MAX pairs of actors (a list of 15 actors meeting gives 105; "A, B and
 * C condemned X and Y" gives 6) states a group event, not that many separate facts: it gives
 * no relation. One sentence gives at most NG_EXTRACT_SENTENCE_RELATIONS_MAX relations (the
 * first ones found). Each phrase or sentence so cut is counted in doc->capped_lists. Neither
 * bound is reached on the development sets. */
#define NG_EXTRACT_LIST_PAIRS_MAX 100
#define NG_EXTRACT_SENTENCE_RELATIONS_MAX 200

/* Extracts one article. *out is a new doc owned by the caller (ng_doc_free).
 * Never fails on bad text (it is repaired and counted in doc->bad_bytes); returns
 * negative only on out-of-memory. Thread-safe for a shared lexicon. Each calling thread
 * keeps its token and text buffers (up to 16 MB each) for its next article; they are freed
 * when the thread ends. */
int ng_extract_article(ng_doc **out, const ng_lexicon *lex, const ng_article *article);

#endif
