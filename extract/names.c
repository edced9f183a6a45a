/* names.c - the identity key of a person's name, folding transliteration variants.
 *
 * Outlets spell one name many ways (Andrey/Andrei, Sergey/Sergei, Shoigu/Shoygu,
 * Spasskiy/Spassky, Traoré/Traore, N'Guesso/Nguesso). The key is built so that such variants
 * give the same string, while the label keeps the fullest real spelling:
 *   1. ng_text_fold: lower case, Latin accents off, curly apostrophes straightened;
 *   2. apostrophes and dots dropped, hyphens become spaces;
 *   3. the rules of extract/data/translit.csv, in file order, at every position of each word
 *      (a rule marked "end" only at the end of a word): e.g. "y" -> "i", "ks" -> "x";
 *   4. a doubled letter becomes one ("spasskii" -> "spaski").
 * The same folding applies to every person key, so two real names can collide only when they
 * differ by nothing but such spelling variants. */
#include "extract_internal.h"

#include <string.h>

static int apply_rules(ng_buf *out, const ng_lexicon *lex, const char *w, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k;
        int done = 0;
        for (k = 0; lex && k < lex->n_tl; k++) {
            const ng_tl_rule *r = &lex->tl[k];
            if (r->from_len > n - i || memcmp(w + i, r->from, r->from_len) != 0) continue;
            if (r->at_end && i + r->from_len != n) continue;
            ng_buf_put(out, r->to, r->to_len);
            i += r->from_len;
            done = 1;
            break;
        }
        if (!done) ng_buf_putc(out, w[i++]);
    }
    return out->oom ? NG_ENOMEM : NG_OK;
}

int ng_names__key(ng_buf *out, const ng_lexicon *lex, const char *name, size_t len)
{
    ng_buf f = NG_BUF_INIT, t = NG_BUF_INIT;
    int error = NG_OK;
    if ((error = ng_text_fold(&f, name, len)) < 0) goto cleanup;
    /* step 2: words of letters and digits only */
    {
        size_t i = 0;
        int first = 1;
        while (i < f.len) {
            char word[256];
            size_t wl = 0;
            while (i < f.len && (f.ptr[i] == ' ' || f.ptr[i] == '-')) i++;
            while (i < f.len && f.ptr[i] != ' ' && f.ptr[i] != '-') {
                char c = f.ptr[i++];
                if (c == '\'' || c == '.' || c == '"') continue;
                if (wl < sizeof word) word[wl++] = c;
            }
            if (!wl) continue;
            if (!first) ng_buf_putc(&t, ' ');
            first = 0;
            if ((error = apply_rules(&t, lex, word, wl)) < 0) goto cleanup;
        }
    }
    /* step 4: collapse doubled letters */
    for (size_t i = 0; i < t.len; i++) {
        if (i > 0 && t.ptr[i] == t.ptr[i - 1] && t.ptr[i] != ' ') continue;
        ng_buf_putc(out, t.ptr[i]);
    }
    if (out->oom) error = NG_ENOMEM;
cleanup:
    ng_buf_free(&f);
    ng_buf_free(&t);
    return error;
}
