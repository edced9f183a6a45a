/* extract.c - ng_extract_article: one article in, its actors and relations out.
 *
 * The steps (see extract_internal.h for the modules): clean the bytes, read the metadata,
 * split sentences, tokenize, find mentions (pass 1), decide who the people are, then
 * relations, coreference and affiliations (pass 2), and write the doc. Everything lives in
 * one ng_work that is freed before returning, but for the room of the thread's token, fold,
 * text and name-key buffers and its entity->actor table (all -1 again), kept per thread for
 * the next article (no contents survive a call); it only reads the lexicon, so any number
 * of threads may call it at once. */
#include "extract_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Each thread keeps its token array, fold arena, clean text, name keys (stamped per article),
 * entity->actor table (reset to -1) and its mention, person, organization, actor and relation
 * arrays between articles (their room, not their contents),
 * so that an article allocates none of them again; a thread's are freed when the thread
 * ends (the key's destructor; the main thread's stay reachable until exit).
 * Room above NG_CACHE_MAX bytes is given back after the article that needed it. */
typedef struct work_cache {
    ng_tok *tok;
    size_t tok_cap;
    ng_buf fold, clean;
    ng_wkey *keys;
    size_t keys_cap;
    uint32_t key_gen;
    int32_t *lex_actor; /* all -1 */
    size_t n_lex_actor;
    ng_keymemo memo, names; /* lent to each article, never moved */
    struct kept {
        void *v;
        size_t cap;
    } ms, people, neworgs, actors, rels; /* the work's arrays of those names (n = 0) */
} work_cache;
#define NG_CACHE_MAX ((size_t)16 << 20)
static _Thread_local work_cache cache;
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static int cache_ok;

static void cache_free(void *p)
{
    work_cache *c = p;
    free(c->tok);
    free(c->keys);
    free(c->lex_actor);
    free(c->ms.v);
    free(c->people.v);
    free(c->neworgs.v);
    free(c->actors.v);
    free(c->rels.v);
    ng_names__memo_free(&c->memo);
    ng_names__memo_free(&c->names);
    ng_buf_free(&c->fold);
    ng_buf_free(&c->clean);
    memset(c, 0, sizeof *c);
}

static void cache_init(void)
{
    cache_ok = pthread_key_create(&cache_key, cache_free) == 0;
}

/* Moves the thread's arrays into the work and the clean text buffer (empty). */
static void cache_take(ng_work *w, ng_buf *clean)
{
    pthread_once(&cache_once, cache_init);
    if (!cache_ok || (!cache.tok && pthread_setspecific(cache_key, &cache) != 0)) return;
    w->tk.v = cache.tok;
    w->tk.cap = cache.tok_cap;
    w->fold = cache.fold;
    w->keys = cache.keys;
    w->cap_keys = cache.keys_cap;
    w->key_gen = cache.key_gen;
    w->lex_actor = cache.lex_actor;
    w->n_lex_actor = cache.n_lex_actor;
#define TAKE(f) (w->f = cache.f.v, w->cap_##f = cache.f.cap)
    TAKE(ms), TAKE(people), TAKE(neworgs), TAKE(actors), TAKE(rels);
#undef TAKE
    *clean = cache.clean;
    ng_buf_clear(&w->fold);
    ng_buf_clear(clean);
    clean->oom = w->fold.oom = 0;
    ng_keymemo memo = cache.memo, names = cache.names;
    memset(&cache, 0, sizeof cache);
    cache.memo = memo;
    cache.names = names;
    ng_names__memo_reset(&cache.memo, w->lex->gen);
    ng_names__memo_reset(&cache.names, w->lex->gen);
    w->memo = &cache.memo;
    w->memo_names = &cache.names;
}

/* Gives them back (or frees them when there is no key or they grew too big). */
static void cache_give(ng_work *w, ng_buf *clean)
{
    if (cache_ok && !cache.tok && w->tk.cap * sizeof *w->tk.v <= NG_CACHE_MAX &&
        w->fold.cap <= NG_CACHE_MAX && clean->cap <= NG_CACHE_MAX && w->tk.v) {
        cache.tok = w->tk.v;
        cache.tok_cap = w->tk.cap;
        cache.fold = w->fold;
        cache.clean = *clean;
        cache.key_gen = w->key_gen;
        if (w->lex_actor) {
            cache.lex_actor = w->lex_actor;
            cache.n_lex_actor = w->n_lex_actor;
            w->lex_actor = NULL;
            w->n_lex_actor = 0;
        }
        if (w->cap_keys * sizeof *w->keys <= NG_CACHE_MAX) {
            cache.keys = w->keys;
            cache.keys_cap = w->cap_keys;
            w->keys = NULL;
            w->cap_keys = 0;
        }
#define GIVE(f)                                                                             \
    if (w->cap_##f * sizeof *w->f <= NG_CACHE_MAX) {                                        \
        cache.f.v = w->f;                                                                   \
        cache.f.cap = w->cap_##f;                                                           \
        w->f = NULL;                                                                        \
        w->cap_##f = 0;                                                                     \
    }
        GIVE(ms) GIVE(people) GIVE(neworgs) GIVE(actors) GIVE(rels)
#undef GIVE
        w->tk.v = NULL;
        w->tk.n = w->tk.cap = 0;
        memset(&w->fold, 0, sizeof w->fold);
        memset(clean, 0, sizeof *clean);
    }
    ng_toks__free(&w->tk);
    free(w->keys);
    w->keys = NULL;
    free(w->ms);
    free(w->people);
    free(w->neworgs);
    free(w->actors);
    free(w->rels);
    w->ms = NULL;
    w->people = NULL;
    w->neworgs = NULL;
    w->actors = NULL;
    w->rels = NULL;
    free(w->lex_actor);
    w->lex_actor = NULL;
    ng_buf_free(&w->fold);
    ng_buf_free(clean);
}

/* Sets w->lex_actor all -1 again (for the next article): the entries of the actors'
 * entities, or all of them when one entity shares another's actor. */
static void lex_actor_reset(ng_work *w)
{
    if (!w->lex_actor) return;
    if (w->lex_actor_other) {
        for (size_t i = 0; i < w->n_lex_actor; i++)
            w->lex_actor[i] = -1;
        return;
    }
    for (size_t i = 0; i < w->n_actors; i++)
        if (w->actors[i].lex >= 0) w->lex_actor[w->actors[i].lex] = -1;
}

/* Frees what the article made; its arrays stay for cache_give. */
static void work_free(ng_work *w)
{
    free(w->sents);
    lex_actor_reset(w);
    ng_actors__clear(w);
}

/* The state a tokenized phrase names (v, n tokens): its name or its capital, -1. */
static int32_t phrase_state(const ng_lexicon *lex, const ng_tok *v, size_t n)
{
    uint64_t h = NG_SEQ_SEED;
    int32_t st = -1;
    for (size_t i = 0; i < n; i++)
        h = ng_x__seq_hash(h, v[i].h);
    const ng_ptab_slot *slot = ng_ptab__find(&lex->phrases, h);
    for (int32_t k = slot ? slot->first : -1; k >= 0 && st < 0; k = lex->phrases.vals[k].next) {
        const ng_ptab_val *pv = &lex->phrases.vals[k];
        if (pv->kind == NG_LX_CAPITAL)
            st = lex->ents[pv->id].state;
        else if (pv->kind == NG_LX_NAME && lex->ents[pv->id].type == NG_ETYPE_STATE)
            st = pv->id;
    }
    return st;
}

/* A letterhead line s (len bytes): its state when its first word is of class letterhead,
 * its other words capitalized (or a determiner, preposition, conjunction) and a state's name
 * ends it (the longest such ending), -1. */
static int32_t letterhead_line(const ng_lexicon *lex, const char *s, size_t len)
{
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    int32_t st = -1;
    int head = ng_tok__run(&tk, &lex->abbrevs, s, 0, len) == 0 && tk.n >= 2 &&
               (ng_lex__word_bits(lex, tk.v[0].h) & NG_W_LETTERHEAD);
    /* a letterhead's words are capitalized but for "of", "the", "and": "Prime Minister to
     * visit Japan" is a headline */
    for (size_t k = 1; k < tk.n && head; k++)
        if ((tk.v[k].flags & NG_TK_WORD) && !(tk.v[k].flags & NG_TK_CAP) &&
            !(ng_lex__word_bits(lex, tk.v[k].h) & (NG_W_DET | NG_W_PREP)) &&
            tk.v[k].h != ng_x__tok_hash("and", 3))
            head = 0;
    if (head)
        for (size_t k = 1; k < tk.n && st < 0; k++)
            st = phrase_state(lex, tk.v + k, tk.n - k);
    ng_toks__free(&tk);
    ng_buf_free(&fold);
    return st;
}

/* The state whose capital (or name) is the dateline's city, -1 if none. */
static int32_t dateline_state(const ng_lexicon *lex, const char *city)
{
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    int32_t st = -1;
    if (!city || !*city) return -1;
    /* "MOSCOW/OUAGADOUGOU": the first city */
    size_t clen = strcspn(city, "/");
    if (ng_tok__run(&tk, &lex->abbrevs, city, 0, clen) == 0 && tk.n)
        st = phrase_state(lex, tk.v, tk.n);
    ng_toks__free(&tk);
    ng_buf_free(&fold);
    return st;
}

/* The state of a release's letterhead: one of the first five lines, short and with no
 * period at its end, that opens with a word of class letterhead ("Government of India",
 * "Ministry of Foreign Affairs of Japan", "REPUBLIC OF ALBANIA", "Prime Minister's Office of
 * Japan") and ends with a state's name; -1 if none. A release speaks for that state as a
 * dateline's city places a report. */
static int32_t letterhead_state(const ng_lexicon *lex, const char *t, size_t len)
{
    size_t i = 0;
    for (int line = 0; line < 5 && i < len; line++) {
        size_t e = i;
        while (e < len && t[e] != '\n')
            e++;
        size_t n = e;
        while (n > i && (t[n - 1] == ' ' || t[n - 1] == '\r'))
            n--;
        int32_t st =
            n > i && n - i <= 100 && t[n - 1] != '.' ? letterhead_line(lex, t + i, n - i) : -1;
        if (st >= 0) return st;
        i = e + 1;
    }
    return -1;
}

/* The doc's title (the reader's, else the text's headline) and URL (the reader's, else the
 * text's `url` header line). */
static int doc_title_url(ng_doc *doc, const ng_work *w, const ng_article *article)
{
    char *title = NULL;
    if (article->title && *article->title)
        title = ng_strdup(article->title);
    else if (w->meta.title_len)
        title = ng_strndup(w->text + w->meta.title_off, w->meta.title_len);
    if (title) {
        free(doc->title);
        doc->title = title;
    } else if ((article->title && *article->title) || w->meta.title_len) {
        return NG_ENOMEM;
    }
    if (article->url || w->meta.url_len) {
        char *url = article->url ? ng_strdup(article->url)
                                 : ng_strndup(w->text + w->meta.url_off, w->meta.url_len);
        if (!url) return NG_ENOMEM;
        free(doc->url);
        doc->url = url;
    }
    return NG_OK;
}

/* Sentences and their tokens (at most NG_MAX_SENTENCE_TOKENS per sentence: the rule engine
 * looks at no more), with each token's word classes (the rules ask for them many times). */
static int sentences(ng_work *w)
{
    ng_span *spans = NULL;
    size_t n_spans = 0;
    int error;
    if ((error = ng_split__sentences(&spans, &n_spans, w->lex, w->text, w->len, &w->meta)) < 0)
        goto cleanup;
    if (n_spans && !(w->sents = ng_calloc(n_spans, sizeof *w->sents))) {
        error = NG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n_spans; i++) {
        ng_wsent *se = &w->sents[w->n_sents];
        se->off = spans[i].off;
        se->len = spans[i].len;
        se->headline = spans[i].headline;
        se->tok0 = (uint32_t)w->tk.n;
        if ((error = ng_tok__run(&w->tk, &w->lex->abbrevs, w->text, se->off, se->len)) < 0)
            goto cleanup;
        se->ntok = (uint32_t)(w->tk.n - se->tok0);
        if (se->ntok > NG_MAX_SENTENCE_TOKENS) {
            w->tk.n = se->tok0 + NG_MAX_SENTENCE_TOKENS;
            se->ntok = NG_MAX_SENTENCE_TOKENS;
        }
        w->n_sents++;
    }
    /* with the classes of the phrases starting at each token, so that the rules' phrase
     * lookups skip the other tokens at once */
    for (size_t s = 0; s < w->n_sents; s++) {
        ng_wsent *se = &w->sents[s];
        se->bits = ng_lex__classify(w->lex, w->tk.v + se->tok0, se->ntok);
    }
    /* every token's name key unknown (ng_names__tok_key): a new stamp, zero-filled room */
    if (w->tk.n > w->cap_keys) {
        free(w->keys);
        w->cap_keys = 0;
        if (!(w->keys = ng_calloc(w->tk.n, sizeof *w->keys))) {
            error = NG_ENOMEM;
            goto cleanup;
        }
        w->cap_keys = w->tk.n;
    }
    if (++w->key_gen == 0) {
        if (w->cap_keys) memset(w->keys, 0, w->cap_keys * sizeof *w->keys);
        w->key_gen = 1;
    }
cleanup:
    free(spans);
    return error;
}

/* Pass 1 (mentions), people, pass 2 (the engine), and the doc. */
static int passes(ng_work *w, ng_doc *doc)
{
    const ng_lexicon *lex = w->lex;
    int error;
    /* the thread's table from the last article is all -1 (lex_actor_reset) */
    if (w->lex_actor && w->n_lex_actor != lex->n_ents) {
        free(w->lex_actor);
        w->lex_actor = NULL;
        w->n_lex_actor = 0;
    }
    if (!w->lex_actor && lex->n_ents) {
        if (!(w->lex_actor = ng_malloc(lex->n_ents * sizeof *w->lex_actor))) return NG_ENOMEM;
        w->n_lex_actor = lex->n_ents;
        for (size_t i = 0; i < lex->n_ents; i++)
            w->lex_actor[i] = -1;
    }
    w->dateline_state = dateline_state(lex, w->meta.dateline_city);
    if (w->dateline_state < 0) w->dateline_state = letterhead_state(lex, w->text, w->len);
    for (uint32_t s = 0; s < w->n_sents; s++)
        if ((error = ng_mentions__sentence(w, s)) < 0) return error;
    if ((error = ng_mentions__acronyms(w)) < 0) return error;
    if ((error = ng_people__resolve(w)) < 0) return error;
    if ((error = ng_engine__run(w)) < 0) return error;
    doc->capped_lists = w->capped_lists;
    return ng_actors__to_doc(w, doc);
}

int ng_extract_article(ng_doc **out, const ng_lexicon *lex, const ng_article *article)
{
    ng_work w;
    ng_buf clean = NG_BUF_INIT;
    ng_clean_stats st;
    ng_doc *doc = NULL;
    int error;
    *out = NULL;
    memset(&w, 0, sizeof w);
    w.lex = lex;
    w.tk.fold = &w.fold;
    cache_take(&w, &clean);
    if ((error = ng_doc_new(&doc, article->id ? article->id : "",
                            article->origin ? article->origin : "")) < 0)
        goto cleanup;
    if ((error = ng_clean__decode(&clean, article->text ? article->text : "",
                                  article->text ? article->len : 0, &st)) < 0)
        goto cleanup;
    ng_clean__boilerplate(lex, clean.ptr, clean.len, &st);
    doc->bad_bytes = st.bad_bytes;
    w.text = clean.ptr;
    w.len = clean.len;
    ng_meta__read(&w.meta, w.text, w.len, article->date);
    if (!ng_date_parse(w.meta.date, &w.y, &w.m, &w.d)) w.y = w.m = w.d = 0;
    memcpy(doc->date, w.meta.date, sizeof doc->date);
    if ((error = doc_title_url(doc, &w, article)) < 0) goto cleanup;
    if ((error = sentences(&w)) < 0) goto cleanup;
    doc->n_sentences = (uint32_t)w.n_sents;
    if ((error = passes(&w, doc)) < 0) goto cleanup;
    *out = doc;
    doc = NULL;
cleanup:
    work_free(&w);
    cache_give(&w, &clean);
    ng_doc_free(doc);
    return error;
}
