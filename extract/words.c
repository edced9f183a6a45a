/* words.c - the word classes of data/words.csv in a sentence: a token's classes are in its
 * `bits` (set once per article); a class may also hold phrases of several words ("stopped
 * short of", "each other", "prime minister"), looked up here from a token on. */
#include "extract_internal.h"

ng_wbits ng_w__phrase_bits(const ng_work *w, uint32_t t, uint32_t end)
{
    const ng_ptab *pt = &w->lex->wordphrases;
    uint64_t h = NG_SEQ_SEED;
    ng_wbits bits = 0;
    if (t >= end || !w->tk.v[t].pbits) return 0;
    for (uint32_t k = t; k < end && k - t < pt->max_tokens; k++) {
        const ng_ptab_slot *slot;
        h = ng_x__seq_hash(h, w->tk.v[k].h);
        if (!(slot = ng_ptab__find(pt, h))) break;
        for (int32_t v = slot->first; v >= 0; v = pt->vals[v].next)
            bits |= pt->vals[v].kind;
    }
    return bits;
}

uint32_t ng_w__phrase_scan(const ng_work *w, uint32_t t, uint32_t end, ng_wbits cls,
                           int32_t *number)
{
    const ng_ptab *pt = &w->lex->wordphrases;
    uint64_t h = NG_SEQ_SEED;
    uint32_t len = 0;
    for (uint32_t k = t; k < end && k - t < pt->max_tokens && (w->tk.v[t].pbits & cls); k++) {
        const ng_ptab_slot *slot;
        h = ng_x__seq_hash(h, w->tk.v[k].h);
        if (!(slot = ng_ptab__find(pt, h))) break;
        for (int32_t v = slot->first; v >= 0; v = pt->vals[v].next)
            if (pt->vals[v].kind & cls) {
                len = k - t + 1;
                if (number) *number = pt->vals[v].id;
            }
    }
    if (!len && t < end && (w->tk.v[t].bits & cls)) {
        len = 1;
        if (number) *number = ng_lex__word_number(w->lex, w->tk.v[t].h);
    }
    return len;
}
