/* idset.c - a set of byte strings known by two 64-bit hashes (16 bytes each, whatever the
 * string's length): the article ids a run has read, the (device, inode) pairs of the files and
 * directories it has listed. Open addressing with linear probing, grown at half full.
 *
 * Two independent hashes make a false "seen" (both collide) about 2^-128 per pair: far below
 * any other failure, while memory stays at 32 bytes per member at most. */
#include "ng_core.h"

#include <stdlib.h>
#include <string.h>

typedef struct slot {
    uint64_t a, b; /* a == 0 && b == 0: empty (a real key with both zero is nudged) */
} slot;

struct ng_idset {
    slot *slots;
    size_t cap; /* a power of two */
    size_t n;
};

/* One word into both lanes. */
static inline void key_mix(uint64_t *ha, uint64_t *hb, uint64_t w)
{
    *ha = (*ha ^ w) * 0x9FB21C651E98DF25ULL;
    *ha ^= *ha >> 29;
    *hb ^= w;
    *hb *= 0xFF51AFD7ED558CCDULL;
    *hb ^= *hb >> 33;
}

/* The two hashes of a key in one pass over its 8-byte words (the last one zero-padded; the
 * length seeds both): two multiply-xorshift lanes with different constants and shifts. They
 * live only in memory, for one run, so they may change between versions. */
static void key_of(const void *data, size_t len, uint64_t *a, uint64_t *b)
{
    const unsigned char *p = data;
    uint64_t ha = 0xD6E8FEB86659FD93ULL ^ (uint64_t)len;
    uint64_t hb = 0x9E3779B97F4A7C15ULL ^ (uint64_t)len;
    /* the whole words, then the zero-padded rest once: no length test per word */
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8); /* a whole word: no call */
        key_mix(&ha, &hb, w);
    }
    if (i < len) {
        uint64_t w = 0;
        memcpy(&w, p + i, len - i);
        key_mix(&ha, &hb, w);
    }
    ha *= 0xBF58476D1CE4E5B9ULL;
    hb *= 0xC4CEB9FE1A85EC53ULL;
    *a = ha ^ (ha >> 31);
    *b = hb ^ (hb >> 29);
    if (!*a && !*b) *b = 1;
}

int ng_idset_new(ng_idset **out)
{
    ng_idset *s = ng_calloc(1, sizeof *s);
    *out = NULL;
    if (!s) return NG_ENOMEM;
    s->cap = 64;
    if (!(s->slots = ng_calloc(s->cap, sizeof *s->slots))) {
        free(s);
        return NG_ENOMEM;
    }
    *out = s;
    return NG_OK;
}

static slot *find(slot *slots, size_t cap, uint64_t a, uint64_t b)
{
    size_t i = (size_t)(a ^ (b >> 7)) & (cap - 1);
    while (slots[i].a || slots[i].b) {
        if (slots[i].a == a && slots[i].b == b) return &slots[i];
        i = (i + 1) & (cap - 1);
    }
    return &slots[i];
}

static int grow(ng_idset *s)
{
    size_t cap = s->cap * 2;
    slot *slots = ng_calloc(cap, sizeof *slots);
    if (!slots) return NG_ENOMEM;
    for (size_t i = 0; i < s->cap; i++) {
        if (s->slots[i].a || s->slots[i].b)
            *find(slots, cap, s->slots[i].a, s->slots[i].b) = s->slots[i];
    }
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return NG_OK;
}

int ng_idset_add(ng_idset *s, const void *data, size_t len)
{
    uint64_t a, b;
    key_of(data, len, &a, &b);
    if ((s->n + 1) * 2 > s->cap && grow(s) < 0) return NG_ENOMEM;
    slot *x = find(s->slots, s->cap, a, b);
    if (x->a || x->b) return 0;
    x->a = a;
    x->b = b;
    s->n++;
    return 1;
}

int ng_idset_has(const ng_idset *s, const void *data, size_t len)
{
    uint64_t a, b;
    key_of(data, len, &a, &b);
    const slot *x = find(s->slots, s->cap, a, b);
    return x->a || x->b;
}

size_t ng_idset_count(const ng_idset *s) { return s ? s->n : 0; }

void ng_idset_free(ng_idset *s)
{
    if (!s) return;
    free(s->slots);
    free(s);
}
