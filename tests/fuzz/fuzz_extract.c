/* fuzz_extract.c - the bytes as one article's text through ng_extract_article with the
 * built-in lexicon: clean-up, metadata, sentence splitting, tokens, mentions, relations.
 * Invariants: no crash, leak or undefined behaviour; every relation points at actors of
 * the doc and carries a sentence; dates are "" or ISO (day, month or year precision);
 * keys and labels are set. */
#include "fuzz_util.h"
#include "ng_extract.h"

static ng_lexicon *lex;

static void free_lexicon(void) { ng_lexicon_free(lex); }

/* "" or ISO 8601 at day, month or year precision: "2023-03-09", "2023-03", "2023". */
static int date_ok(const char d[11])
{
    size_t n = strnlen(d, 11);
    if (n == 0) return 1;
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (d[i] != '-') return 0;
        } else if (d[i] < '0' || d[i] > '9') {
            return 0;
        }
    }
    if (n >= 7 && (atoi(d + 5) < 1 || atoi(d + 5) > 12)) return 0;
    if (n == 10 && (atoi(d + 8) < 1 || atoi(d + 8) > 31)) return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!lex) {
        FUZZ_CHECK(ng_lexicon_new(&lex) == NG_OK);
        atexit(free_lexicon);
    }
    ng_article a = {0};
    ng_doc *doc = NULL;
    a.id = "fuzz";
    a.origin = "fuzz.txt";
    a.text = malloc(size + 1);
    FUZZ_CHECK(a.text);
    memcpy(a.text, data, size);
    a.text[size] = '\0';
    a.len = size;
    FUZZ_CHECK(ng_extract_article(&doc, lex, &a) == NG_OK);
    FUZZ_CHECK(doc && doc->id && strcmp(doc->id, "fuzz") == 0);
    FUZZ_CHECK(date_ok(doc->date));
    for (size_t i = 0; i < doc->n_actors; i++) {
        const ng_actor *ac = &doc->actors[i];
        FUZZ_CHECK(ac->key && *ac->key && ac->label && *ac->label && ac->aliases);
        FUZZ_CHECK((unsigned)ac->type < NG_ETYPE__COUNT);
        FUZZ_CHECK(!strchr(ac->label, '\n'));
    }
    for (size_t i = 0; i < doc->n_relations; i++) {
        const ng_relation *r = &doc->relations[i];
        FUZZ_CHECK(r->source < doc->n_actors && r->target < doc->n_actors);
        FUZZ_CHECK(r->source != r->target);
        FUZZ_CHECK(r->rel < ng_rel_count());
        FUZZ_CHECK(r->sentence && *r->sentence);
        FUZZ_CHECK(date_ok(r->date));
    }
    ng_doc_free(doc);
    free(a.text);
    return 0;
}
