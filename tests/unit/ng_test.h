/*
 * ng_test.h - the small unit-test harness every stage's test binary uses.
 *
 * A test binary defines its cases with NG_TEST(name) { ... } and lists them in
 * NG_TEST_MAIN(case1, case2, ...). Run with no argument it runs them all; `-s NAME` runs
 * one. Each failed CHECK prints file:line and the expression and marks the case failed;
 * the binary exits 1 when a case failed, 0 otherwise, 77 when every case skipped.
 */
#ifndef NG_TEST_H
#define NG_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ng_test_failed_;
static int ng_test_skipped_;

#define CHECK(cond)                                                                         \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);       \
            ng_test_failed_ = 1;                                                           \
        }                                                                                  \
    } while (0)

#define CHECK_INT(a, b)                                                                     \
    do {                                                                                   \
        long long ng_a_ = (long long)(a), ng_b_ = (long long)(b);                          \
        if (ng_a_ != ng_b_) {                                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", __FILE__,    \
                    __LINE__, #a, #b, ng_a_, ng_b_);                                       \
            ng_test_failed_ = 1;                                                           \
        }                                                                                  \
    } while (0)

#define CHECK_STR(a, b)                                                                     \
    do {                                                                                   \
        const char *ng_a_ = (a), *ng_b_ = (b);                                             \
        if (!ng_a_ || !ng_b_ || strcmp(ng_a_, ng_b_) != 0) {                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (\"%s\" != \"%s\")\n", __FILE__, \
                    __LINE__, #a, #b, ng_a_ ? ng_a_ : "(null)", ng_b_ ? ng_b_ : "(null)"); \
            ng_test_failed_ = 1;                                                           \
        }                                                                                  \
    } while (0)

/* Checks that `call` returns 0 (NG_OK); prints the error message otherwise. */
#define CHECK_OK(call)                                                                      \
    do {                                                                                   \
        int ng_rc_ = (call);                                                               \
        if (ng_rc_ != 0) {                                                                 \
            fprintf(stderr, "%s:%d: %s returned %d: %s\n", __FILE__, __LINE__, #call,      \
                    ng_rc_, ng_error_last());                                              \
            ng_test_failed_ = 1;                                                           \
        }                                                                                  \
    } while (0)

#define SKIP(why)                                                                           \
    do {                                                                                   \
        fprintf(stderr, "skipped: %s\n", why);                                             \
        ng_test_skipped_ = 1;                                                              \
        return;                                                                            \
    } while (0)

#define NG_TEST(name) static void name(void)

typedef struct {
    const char *name;
    void (*fn)(void);
} ng_test_case_;

#define NG_TEST_ENTRY_(fn) {#fn, fn},
#define NG_TEST_MAIN(...)                                                                   \
    int main(int argc, char **argv) {                                                      \
        static const ng_test_case_ cases[] = {NG_TEST_FOREACH_(NG_TEST_ENTRY_, __VA_ARGS__)};\
        const char *only = (argc == 3 && strcmp(argv[1], "-s") == 0) ? argv[2] : NULL;     \
        int failed = 0, ran = 0, skipped = 0;                                              \
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {                      \
            if (only && strcmp(only, cases[i].name) != 0) continue;                        \
            ng_test_failed_ = ng_test_skipped_ = 0;                                        \
            cases[i].fn();                                                                 \
            ran++;                                                                         \
            if (ng_test_failed_) { failed++; fprintf(stderr, "FAIL %s\n", cases[i].name); } \
            else if (ng_test_skipped_) { skipped++; printf("skip %s\n", cases[i].name); }  \
            else printf("ok   %s\n", cases[i].name);                                       \
        }                                                                                  \
        if (ran == 0) { fprintf(stderr, "no test named %s\n", only ? only : ""); return 2; } \
        printf("%d passed, %d failed, %d skipped\n", ran - failed - skipped, failed, skipped); \
        if (failed) return 1;                                                              \
        return skipped == ran ? 77 : 0;                                                    \
    }

/* A small FOREACH over up to 64 arguments. */
#define NG_TEST_NARG_(...) NG_TEST_NARG_I_(__VA_ARGS__, NG_TEST_RSEQ_())
#define NG_TEST_NARG_I_(...) NG_TEST_ARG_N_(__VA_ARGS__)
#define NG_TEST_ARG_N_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16,   \
                       _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30,    \
                       _31, _32, _33, _34, _35, _36, _37, _38, _39, _40, _41, _42, _43, _44,    \
                       _45, _46, _47, _48, _49, _50, _51, _52, _53, _54, _55, _56, _57, _58,    \
                       _59, _60, _61, _62, _63, _64, N, ...)                                    \
    N
#define NG_TEST_RSEQ_()                                                                     \
    64, 63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, \
        41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, \
        19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0
#define NG_TEST_CAT_(a, b) NG_TEST_CAT_I_(a, b)
#define NG_TEST_CAT_I_(a, b) a##b
#define NG_TEST_FOREACH_(m, ...) NG_TEST_CAT_(NG_TEST_FE_, NG_TEST_NARG_(__VA_ARGS__))(m, __VA_ARGS__)
#define NG_TEST_FE_1(m, a) m(a)
#define NG_TEST_FE_2(m, a, ...) m(a) NG_TEST_FE_1(m, __VA_ARGS__)
#define NG_TEST_FE_3(m, a, ...) m(a) NG_TEST_FE_2(m, __VA_ARGS__)
#define NG_TEST_FE_4(m, a, ...) m(a) NG_TEST_FE_3(m, __VA_ARGS__)
#define NG_TEST_FE_5(m, a, ...) m(a) NG_TEST_FE_4(m, __VA_ARGS__)
#define NG_TEST_FE_6(m, a, ...) m(a) NG_TEST_FE_5(m, __VA_ARGS__)
#define NG_TEST_FE_7(m, a, ...) m(a) NG_TEST_FE_6(m, __VA_ARGS__)
#define NG_TEST_FE_8(m, a, ...) m(a) NG_TEST_FE_7(m, __VA_ARGS__)
#define NG_TEST_FE_9(m, a, ...) m(a) NG_TEST_FE_8(m, __VA_ARGS__)
#define NG_TEST_FE_10(m, a, ...) m(a) NG_TEST_FE_9(m, __VA_ARGS__)
#define NG_TEST_FE_11(m, a, ...) m(a) NG_TEST_FE_10(m, __VA_ARGS__)
#define NG_TEST_FE_12(m, a, ...) m(a) NG_TEST_FE_11(m, __VA_ARGS__)
#define NG_TEST_FE_13(m, a, ...) m(a) NG_TEST_FE_12(m, __VA_ARGS__)
#define NG_TEST_FE_14(m, a, ...) m(a) NG_TEST_FE_13(m, __VA_ARGS__)
#define NG_TEST_FE_15(m, a, ...) m(a) NG_TEST_FE_14(m, __VA_ARGS__)
#define NG_TEST_FE_16(m, a, ...) m(a) NG_TEST_FE_15(m, __VA_ARGS__)
#define NG_TEST_FE_17(m, a, ...) m(a) NG_TEST_FE_16(m, __VA_ARGS__)
#define NG_TEST_FE_18(m, a, ...) m(a) NG_TEST_FE_17(m, __VA_ARGS__)
#define NG_TEST_FE_19(m, a, ...) m(a) NG_TEST_FE_18(m, __VA_ARGS__)
#define NG_TEST_FE_20(m, a, ...) m(a) NG_TEST_FE_19(m, __VA_ARGS__)
#define NG_TEST_FE_21(m, a, ...) m(a) NG_TEST_FE_20(m, __VA_ARGS__)
#define NG_TEST_FE_22(m, a, ...) m(a) NG_TEST_FE_21(m, __VA_ARGS__)
#define NG_TEST_FE_23(m, a, ...) m(a) NG_TEST_FE_22(m, __VA_ARGS__)
#define NG_TEST_FE_24(m, a, ...) m(a) NG_TEST_FE_23(m, __VA_ARGS__)
#define NG_TEST_FE_25(m, a, ...) m(a) NG_TEST_FE_24(m, __VA_ARGS__)
#define NG_TEST_FE_26(m, a, ...) m(a) NG_TEST_FE_25(m, __VA_ARGS__)
#define NG_TEST_FE_27(m, a, ...) m(a) NG_TEST_FE_26(m, __VA_ARGS__)
#define NG_TEST_FE_28(m, a, ...) m(a) NG_TEST_FE_27(m, __VA_ARGS__)
#define NG_TEST_FE_29(m, a, ...) m(a) NG_TEST_FE_28(m, __VA_ARGS__)
#define NG_TEST_FE_30(m, a, ...) m(a) NG_TEST_FE_29(m, __VA_ARGS__)
#define NG_TEST_FE_31(m, a, ...) m(a) NG_TEST_FE_30(m, __VA_ARGS__)
#define NG_TEST_FE_32(m, a, ...) m(a) NG_TEST_FE_31(m, __VA_ARGS__)
#define NG_TEST_FE_33(m, a, ...) m(a) NG_TEST_FE_32(m, __VA_ARGS__)
#define NG_TEST_FE_34(m, a, ...) m(a) NG_TEST_FE_33(m, __VA_ARGS__)
#define NG_TEST_FE_35(m, a, ...) m(a) NG_TEST_FE_34(m, __VA_ARGS__)
#define NG_TEST_FE_36(m, a, ...) m(a) NG_TEST_FE_35(m, __VA_ARGS__)
#define NG_TEST_FE_37(m, a, ...) m(a) NG_TEST_FE_36(m, __VA_ARGS__)
#define NG_TEST_FE_38(m, a, ...) m(a) NG_TEST_FE_37(m, __VA_ARGS__)
#define NG_TEST_FE_39(m, a, ...) m(a) NG_TEST_FE_38(m, __VA_ARGS__)
#define NG_TEST_FE_40(m, a, ...) m(a) NG_TEST_FE_39(m, __VA_ARGS__)
#define NG_TEST_FE_41(m, a, ...) m(a) NG_TEST_FE_40(m, __VA_ARGS__)
#define NG_TEST_FE_42(m, a, ...) m(a) NG_TEST_FE_41(m, __VA_ARGS__)
#define NG_TEST_FE_43(m, a, ...) m(a) NG_TEST_FE_42(m, __VA_ARGS__)
#define NG_TEST_FE_44(m, a, ...) m(a) NG_TEST_FE_43(m, __VA_ARGS__)
#define NG_TEST_FE_45(m, a, ...) m(a) NG_TEST_FE_44(m, __VA_ARGS__)
#define NG_TEST_FE_46(m, a, ...) m(a) NG_TEST_FE_45(m, __VA_ARGS__)
#define NG_TEST_FE_47(m, a, ...) m(a) NG_TEST_FE_46(m, __VA_ARGS__)
#define NG_TEST_FE_48(m, a, ...) m(a) NG_TEST_FE_47(m, __VA_ARGS__)
#define NG_TEST_FE_49(m, a, ...) m(a) NG_TEST_FE_48(m, __VA_ARGS__)
#define NG_TEST_FE_50(m, a, ...) m(a) NG_TEST_FE_49(m, __VA_ARGS__)
#define NG_TEST_FE_51(m, a, ...) m(a) NG_TEST_FE_50(m, __VA_ARGS__)
#define NG_TEST_FE_52(m, a, ...) m(a) NG_TEST_FE_51(m, __VA_ARGS__)
#define NG_TEST_FE_53(m, a, ...) m(a) NG_TEST_FE_52(m, __VA_ARGS__)
#define NG_TEST_FE_54(m, a, ...) m(a) NG_TEST_FE_53(m, __VA_ARGS__)
#define NG_TEST_FE_55(m, a, ...) m(a) NG_TEST_FE_54(m, __VA_ARGS__)
#define NG_TEST_FE_56(m, a, ...) m(a) NG_TEST_FE_55(m, __VA_ARGS__)
#define NG_TEST_FE_57(m, a, ...) m(a) NG_TEST_FE_56(m, __VA_ARGS__)
#define NG_TEST_FE_58(m, a, ...) m(a) NG_TEST_FE_57(m, __VA_ARGS__)
#define NG_TEST_FE_59(m, a, ...) m(a) NG_TEST_FE_58(m, __VA_ARGS__)
#define NG_TEST_FE_60(m, a, ...) m(a) NG_TEST_FE_59(m, __VA_ARGS__)
#define NG_TEST_FE_61(m, a, ...) m(a) NG_TEST_FE_60(m, __VA_ARGS__)
#define NG_TEST_FE_62(m, a, ...) m(a) NG_TEST_FE_61(m, __VA_ARGS__)
#define NG_TEST_FE_63(m, a, ...) m(a) NG_TEST_FE_62(m, __VA_ARGS__)
#define NG_TEST_FE_64(m, a, ...) m(a) NG_TEST_FE_63(m, __VA_ARGS__)

#endif
