/* sort.c - the integer sort of the graph's edges (finish.c, assemble.c): an edge's order is a
 * few small integers (node, relation, node), packed into one 64-bit key, and 160,000 edges
 * sorted by qsort's callbacks cost more than every other step of the finish together.
 *
 * LSD radix sort, a byte a digit: the counts of all eight digits in one pass, then one
 * scatter per digit that not every key shares (a 40-bit key takes five). O(n), stable: equal
 * keys keep their order, which the callers use as their last tie-break. */
#include "graph_internal.h"

#include <stdlib.h>
#include <string.h>

unsigned ng_sort__bits(uint64_t max)
{
    unsigned bits = 0;
    while (bits < 64 && (max >> bits) != 0) bits++;
    return bits;
}

/* counts[d][b] = how many keys have byte b at digit d */
static void count_digits(const ng_sort_pair *v, size_t n, size_t counts[8][256])
{
    memset(counts, 0, 8 * sizeof counts[0]);
    for (size_t i = 0; i < n; i++) {
        uint64_t k = v[i].key;
        for (unsigned d = 0; d < 8; d++) counts[d][(k >> (8 * d)) & 0xFF]++;
    }
}

int ng_sort__pairs(ng_sort_pair *v, size_t n)
{
    size_t counts[8][256];
    ng_sort_pair *tmp, *from = v, *to;
    if (n < 2) return NG_OK;
    if (!(tmp = ng_malloc(n * sizeof *tmp))) return NG_ENOMEM;
    to = tmp;
    count_digits(v, n, counts);
    for (unsigned d = 0; d < 8; d++) {
        unsigned shift = 8 * d;
        if (counts[d][(from[0].key >> shift) & 0xFF] == n) continue; /* one byte for all */
        size_t at = 0;
        for (unsigned b = 0; b < 256; b++) {
            size_t c = counts[d][b];
            counts[d][b] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++) to[counts[d][(from[i].key >> shift) & 0xFF]++] = from[i];
        ng_sort_pair *t = from;
        from = to;
        to = t;
    }
    if (from != v) memcpy(v, from, n * sizeof *v);
    free(tmp);
    return NG_OK;
}
