/* test_graph_util.c - the graph stage's containers, reached through graph_internal.h: the
 * integer sort of the edges (graph/sort.c) against qsort, and the string pool (graph/util.c). */
#include "graph_internal.h"
#include "ng_test.h"

#include <stdint.h>

static uint64_t next_random(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static int cmp_pair_then_idx(const void *a, const void *b)
{
    const ng_sort_pair *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* keys drawn from `bits` random bits, masked to few values so that ties are common */
static void check_sort(size_t n, unsigned bits, uint64_t mask)
{
    ng_sort_pair *v = malloc(n * sizeof *v), *want = malloc(n * sizeof *want);
    uint64_t seed = 0x9E3779B97F4A7C15ULL ^ n ^ bits;
    CHECK(v && want);
    if (!v || !want) goto cleanup;
    for (size_t i = 0; i < n; i++) {
        uint64_t r = next_random(&seed);
        v[i].key = (bits < 64 ? r & ((UINT64_C(1) << bits) - 1) : r) & mask;
        v[i].idx = (uint32_t)i;
    }
    memcpy(want, v, n * sizeof *v);
    qsort(want, n, sizeof *want, cmp_pair_then_idx); /* stable = ties in index order */
    CHECK_OK(ng_sort__pairs(v, n));
    for (size_t i = 0; i < n; i++) {
        if (v[i].key != want[i].key || v[i].idx != want[i].idx) {
            fprintf(stderr, "n=%zu bits=%u: differs at %zu\n", n, bits, i);
            CHECK(0);
            break;
        }
    }
cleanup:
    free(v);
    free(want);
}

NG_TEST(test_graph_util__radix_sort_is_stable_and_matches_qsort)
{
    check_sort(0, 8, UINT64_MAX);
    check_sort(1, 8, UINT64_MAX);
    check_sort(2, 1, UINT64_MAX);
    check_sort(1000, 4, UINT64_MAX);              /* one digit, many ties */
    check_sort(5000, 40, 0xFF00FF00FF00FFULL);    /* digits every key shares are skipped */
    check_sort(5000, 64, UINT64_MAX);             /* every digit, the top bit set */
    check_sort(70000, 20, UINT64_MAX);
}

NG_TEST(test_graph_util__sort_bits)
{
    CHECK_INT(ng_sort__bits(0), 0);
    CHECK_INT(ng_sort__bits(1), 1);
    CHECK_INT(ng_sort__bits(2), 2);
    CHECK_INT(ng_sort__bits(255), 8);
    CHECK_INT(ng_sort__bits(256), 9);
    CHECK_INT(ng_sort__bits(UINT64_MAX), 64);
}

NG_TEST(test_graph_util__pool_interns_once)
{
    ng_pool p = {0};
    const char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
    char buf[32];
    uint32_t idx = 0;
    CHECK_OK(ng_pool__intern(&p, "ada lovelace", 12, &a));
    CHECK_OK(ng_pool__intern(&p, "ada lovelace and more", 12, &b)); /* by length */
    CHECK_OK(ng_pool__intern(&p, "ada", 3, &c));
    CHECK_OK(ng_pool__intern(&p, "", 0, &d));
    CHECK(a == b);
    CHECK(a != c && c != d);
    CHECK_STR(a, "ada lovelace");
    CHECK_STR(c, "ada");
    CHECK_STR(d, "");
    CHECK(ng_pool__contains(&p, "ada"));
    CHECK(!ng_pool__contains(&p, "ad"));
    CHECK(ng_pool__index(&p, c, &idx) && idx == 1);
    /* thousands of strings: the table grows, every one keeps its pointer */
    for (int i = 0; i < 5000; i++) {
        const char *s;
        int n = snprintf(buf, sizeof buf, "key %d", i);
        CHECK_OK(ng_pool__intern(&p, buf, (size_t)n, &s));
    }
    for (int i = 0; i < 5000; i += 97) {
        const char *s, *again;
        int n = snprintf(buf, sizeof buf, "key %d", i);
        CHECK_OK(ng_pool__intern(&p, buf, (size_t)n, &s));
        CHECK_OK(ng_pool__intern(&p, s, strlen(s), &again));
        CHECK(s == again);
        CHECK_STR(s, buf);
    }
    CHECK_INT(p.n, 5003); /* the three above and the 5000 keys */
    CHECK_OK(ng_pool__intern(&p, "ada lovelace", 12, &b));
    CHECK(a == b);
    ng_pool__free(&p);
    ng_pool__free(&p); /* twice: nothing left */
}

NG_TEST_MAIN(test_graph_util__radix_sort_is_stable_and_matches_qsort, test_graph_util__sort_bits,
             test_graph_util__pool_interns_once)
