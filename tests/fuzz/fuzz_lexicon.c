/* fuzz_lexicon.c - the bytes after the first as a user dictionary: --actors
 * (ng_lexicon_load_actors) when bit 0 of the first byte is 0, --lexicon
 * (ng_lexicon_load_triggers) when it is 1; loaded on top of the built-in lexicon when bit 1
 * is set (slow: the built-in data is parsed each time), else into an empty lexicon; then one
 * fixed article is extracted with it (user entries that are empty, punctuation or huge must
 * not break matching). Invariants: no crash or leak; a bad row is reported with the file and
 * line; the loaders fail only when the file cannot be read or (triggers) a row names a
 * relation type that is not declared, with a message naming the file. */
#include "extract_internal.h"
#include "fuzz_util.h"

static const char article[] =
    "date 2022-05-06\nSummit news\n"
    "LISBON, May 6 (Agency) - President Ada Quill of Ruritania met Atlantis's foreign "
    "minister, Ben Ortiz, on Friday. Mali, Niger and Burkina Faso withdrew from ECOWAS. "
    "The U.N. condemned the coup. \"We signed it,\" Quill said. Ortiz is a member of the "
    "Blue Party.\n";

static void on_skip(void *ctx, const char *origin, const char *message)
{
    size_t *n = ctx;
    fuzz_on_skip(NULL, origin, message);
    (*n)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    int triggers = data[0] & 1;
    const char *path = fuzz_write_file("user.csv", data + 1, size - 1);
    ng_lexicon *lex = NULL;
    ng_doc *doc = NULL;
    size_t skipped = 0;
    FUZZ_CHECK((data[0] & 2 ? ng_lexicon_new(&lex) : ng_lexicon__new_empty(&lex)) == NG_OK);
    int rc = triggers ? ng_lexicon_load_triggers(lex, path, on_skip, &skipped)
                      : ng_lexicon_load_actors(lex, path, on_skip, &skipped);
    if (rc < 0) {
        /* Only an unreadable or unusable file fails, and the message names it. */
        FUZZ_CHECK(strstr(ng_error_last(), "user.csv") != NULL);
        FUZZ_CHECK(rc != NG_ENOMEM);
    } else {
        ng_article a = {0};
        a.id = "fixed";
        a.origin = "fixed.txt";
        a.text = (char *)article;
        a.len = sizeof article - 1;
        FUZZ_CHECK(ng_extract_article(&doc, lex, &a) == NG_OK);
        for (size_t i = 0; i < doc->n_relations; i++)
            FUZZ_CHECK(doc->relations[i].source < doc->n_actors &&
                       doc->relations[i].target < doc->n_actors);
        ng_doc_free(doc);
    }
    ng_lexicon_free(lex);
    return 0;
}
