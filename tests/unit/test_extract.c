/*
 * test_extract.c - unit tests of the extraction stage's modules (clean-up, metadata,
 * sentences, tokens, name keys, dates, dictionaries, evidence, purity and bounds).
 * Relations and entities on whole sentences are tested by the .cases files (run_cases.c).
 * Every sentence here was written for these tests.
 */
#include "extract_internal.h"
#include "mentions.h"
#include "ng_test.h"
#include "test_rel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ng_lexicon *lex_get(void)
{
    static ng_lexicon *lex;
    if (!lex && ng_lexicon_new(&lex) < 0) {
        fprintf(stderr, "lexicon: %s\n", ng_error_last());
        exit(1);
    }
    return lex;
}

static ng_doc *extract(const char *text, const char *date)
{
    ng_article a;
    ng_doc *d = NULL;
    memset(&a, 0, sizeof a);
    a.id = (char *)"t";
    a.origin = (char *)"t";
    a.date = (char *)date;
    a.text = (char *)text;
    a.len = strlen(text);
    if (ng_extract_article(&d, lex_get(), &a) < 0) return NULL;
    return d;
}

static const ng_actor *actor(const ng_doc *d, const char *label)
{
    for (size_t i = 0; d && i < d->n_actors; i++)
        if (strcmp(d->actors[i].label, label) == 0) return &d->actors[i];
    return NULL;
}

static int has_rel(const ng_doc *d, ng_rel rel, const char *a, const char *b)
{
    for (size_t i = 0; d && i < d->n_relations; i++) {
        const ng_relation *r = &d->relations[i];
        if (r->rel != rel) continue;
        const char *s = d->actors[r->source].label, *t = d->actors[r->target].label;
        if (!strcmp(s, a) && !strcmp(t, b)) return 1;
        if (ng_rel_symmetric(rel) && !strcmp(s, b) && !strcmp(t, a)) return 1;
    }
    return 0;
}

static char *clean(const char *raw, size_t len, ng_clean_stats *st)
{
    ng_buf b = NG_BUF_INIT;
    if (ng_clean__decode(&b, raw, len, st) < 0) return NULL;
    return ng_buf_detach(&b);
}

/* ------------------------------------------------------------------ clean-up */

NG_TEST(clean_repairs_invalid_utf8_and_counts)
{
    ng_clean_stats st;
    const char raw[] = "Caf\xc3\xa9 in Lom\xc3\xa9 \xff and \xc3 end";
    char *s = clean(raw, sizeof raw - 1, &st);
    CHECK(s != NULL);
    CHECK_INT(st.bad_bytes, 2);
    CHECK_INT(st.cp1252, 0);
    CHECK(strstr(s, "Lom\xc3\xa9") != NULL);
    CHECK(strstr(s, "\xef\xbf\xbd") != NULL); /* U+FFFD */
    free(s);
}

NG_TEST(clean_windows_1252_fallback)
{
    ng_clean_stats st;
    /* "Abidjan’s “envoy” — Côte" in Windows-1252 */
    const char raw[] = "Abidjan\x92s \x93" "envoy\x94 \x97 C\xf4te";
    char *s = clean(raw, sizeof raw - 1, &st);
    CHECK(s != NULL);
    CHECK_INT(st.cp1252, 1);
    CHECK_INT(st.bad_bytes, 0);
    CHECK_STR(s, "Abidjan's \"envoy\" - C\xc3\xb4te");
    free(s);
}

NG_TEST(clean_normalizes_quotes_dashes_spaces)
{
    ng_clean_stats st;
    const char raw[] =
        "\xe2\x80\x9cPeace\xe2\x80\x9d\xe2\x80\x94now \xc2\xabyes\xc2\xbb Irfaan\xc2\xa0"
        "Ali 2023\xe2\x80\x93"
        "2024\r\nend";
    char *s = clean(raw, sizeof raw - 1, &st);
    CHECK_STR(s, "\"Peace\" - now \"yes\" Irfaan Ali 2023-2024\nend");
    free(s);
}

NG_TEST(clean_removes_boilerplate)
{
    ng_clean_stats st;
    const char raw[] = "Home > World > Africa\nNiger joined the talks.\nShare on Facebook\n"
                       "Sign up for our daily newsletter\nRead more\nGhana left.\nDear "
                       "readers,\nSupport us.\nMali said.";
    ng_buf b = NG_BUF_INIT;
    CHECK_OK(ng_clean__decode(&b, raw, sizeof raw - 1, &st));
    size_t before = b.len;
    ng_clean__boilerplate(lex_get(), b.ptr, b.len, &st);
    CHECK_INT(b.len, before); /* offsets kept: lines are blanked */
    CHECK(strstr(b.ptr, "Niger joined the talks.") != NULL);
    CHECK(strstr(b.ptr, "Ghana left.") != NULL);
    CHECK(strstr(b.ptr, "Home") == NULL);
    CHECK(strstr(b.ptr, "Share") == NULL);
    CHECK(strstr(b.ptr, "newsletter") == NULL);
    CHECK(strstr(b.ptr, "Read more") == NULL);
    CHECK(strstr(b.ptr, "Mali said") == NULL); /* everything after "Dear readers" */
    CHECK(st.boiler_lines >= 5);
    ng_buf_free(&b);
}

/* A user's rules, through the index by first byte and the eight-byte filter: a short
 * "contains" pattern (under eight bytes) still matches anywhere, a long one in the middle of
 * a line; a "rest" rule after an earlier rule that matches the same line first blanks only
 * that line, and blanks the rest when it is the first to match. */
NG_TEST(boilerplate_user_rules_in_file_order)
{
    ng_lexicon *lex = NULL;
    ng_clean_stats st;
    const char csv[] = "match,pattern\nprefix,dear friends of\ncontains,zq\n"
                       "contains,watch our videos\nexact,the end\nrest,dear friends\n";
    char text[] = "Chad met Sudan.\nA line with zq inside.\nYou can Watch Our Videos here.\n"
                  "Dear friends of the show.\nThe End.\nNiger left.\nDear friends,\nMali said.";
    CHECK_OK(ng_lexicon__new_empty(&lex));
    CHECK_OK(ng_lexicon__load_csv(lex, NG_CSV_BOILER, "user.csv", csv, sizeof csv - 1, NULL, NULL));
    memset(&st, 0, sizeof st);
    ng_clean__boilerplate(lex, text, strlen(text), &st);
    CHECK(strstr(text, "Chad met Sudan.") != NULL);
    CHECK(strstr(text, "zq") == NULL);
    CHECK(strstr(text, "Videos") == NULL);
    CHECK(strstr(text, "the show") == NULL);
    CHECK(strstr(text, "The End") == NULL);
    CHECK(strstr(text, "Niger left.") != NULL);
    CHECK(strstr(text, "Mali said.") == NULL);
    CHECK_INT(st.boiler_lines, 6);
    ng_lexicon_free(lex);
}

/* Plain lines (printable ASCII, single spaces) are matched in place, the others through
 * their fold: both ways give the same answer, in any case, and a long "contains" pattern is
 * found at every offset (the prefilter probes every few bytes only). */
NG_TEST(boilerplate_plain_and_folded_lines_alike)
{
    const char *killed[] = {"SIGN UP for news",
                            "Sign  up for news",
                            " sign up for news",
                            "Sign up for n\xc3\xa9ws",
                            "READ MORE",
                            "Read more  ",
                            "R\xc3\xa9sum\xc3\xa9 in YOUR INBOX"};
    const char *kept[] = {
        "Sign up for news in a line of more than twelve words that goes on and on",
        "Your inbux is full.", "Reading more", "Signup for news"};
    ng_clean_stats st;
    for (size_t i = 0; i < sizeof killed / sizeof killed[0]; i++) {
        char *t = ng_strdup(killed[i]);
        memset(&st, 0, sizeof st);
        ng_clean__boilerplate(lex_get(), t, strlen(t), &st);
        CHECK_INT(st.boiler_lines, 1);
        free(t);
    }
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        char *t = ng_strdup(kept[i]);
        memset(&st, 0, sizeof st);
        ng_clean__boilerplate(lex_get(), t, strlen(t), &st);
        CHECK_STR(t, kept[i]);
        free(t);
    }
    for (size_t off = 0; off < 12; off++) {
        char t[64];
        snprintf(t, sizeof t, "%.*sGet it in Your Inbox now", (int)off, "abcdefghijkl");
        memset(&st, 0, sizeof st);
        ng_clean__boilerplate(lex_get(), t, strlen(t), &st);
        CHECK_INT(st.boiler_lines, 1);
    }
}

NG_TEST(boilerplate_yields_no_actors)
{
    ng_doc *d = extract("Chad met Sudan in Khartoum.\nFollow us on Twitter for news about France\n"
                        "Subscribe to our newsletter about Germany and Italy", NULL);
    CHECK(d != NULL);
    CHECK(actor(d, "Chad") != NULL);
    CHECK(actor(d, "France") == NULL);
    CHECK(actor(d, "Germany") == NULL);
    ng_doc_free(d);
}

/* ------------------------------------------------------------------ metadata */

NG_TEST(meta_date_header_glued_and_dateline)
{
    ng_meta m;
    const char *t = "   date 2024-02-07 VIENNA, February 7. /APA/. Austria hosted talks.";
    ng_meta__read(&m, t, strlen(t), NULL);
    CHECK_STR(m.date, "2024-02-07");
    CHECK_INT(m.title_len, 0);
    CHECK_STR(t + m.body_start, "Austria hosted talks.");
    CHECK_STR(m.dateline_city, "vienna");
}

NG_TEST(meta_title_and_dash_dateline)
{
    ng_meta m;
    const char *t = "Ghana and Togo Agree on Border\n\nACCRA, Mar 3 - Ghana and Togo signed a "
                    "pact. The year was 2021.";
    ng_meta__read(&m, t, strlen(t), NULL);
    CHECK(m.title_len > 0);
    CHECK(strncmp(t + m.title_off, "Ghana and Togo Agree on Border", m.title_len) == 0);
    CHECK(strncmp(t + m.body_start, "Ghana and Togo signed", 21) == 0);
    CHECK_STR(m.date, "2021-03-03"); /* no year in the dateline: the text's year */
}

NG_TEST(meta_url_header_before_or_after_the_date)
{
    ng_meta m;
    const char *t = "url https://example.org/a?b=1\ndate 2021-01-05\n\nGhana met Togo.";
    ng_meta__read(&m, t, strlen(t), NULL);
    CHECK_STR(m.date, "2021-01-05");
    CHECK(m.url_len == 25 && strncmp(t + m.url_off, "https://example.org/a?b=1", 25) == 0);
    CHECK_STR(t + m.body_start, "Ghana met Togo.");
    const char *t2 = "date 2021-01-05\nurl http://example.org/x  \nGhana met Togo.";
    ng_meta__read(&m, t2, strlen(t2), NULL);
    CHECK(m.url_len == 20 && strncmp(t2 + m.url_off, "http://example.org/x", 20) == 0);
    CHECK_STR(t2 + m.body_start, "Ghana met Togo.");
    /* not a header: not http(s), or text after the URL on its line */
    const char *t3 = "url javascript:alert(1)\nGhana met Togo.";
    ng_meta__read(&m, t3, strlen(t3), NULL);
    CHECK_INT(m.url_len, 0);
    const char *t4 = "url https://example.org is where Ghana met Togo.";
    ng_meta__read(&m, t4, strlen(t4), NULL);
    CHECK_INT(m.url_len, 0);
    CHECK_INT(m.body_start, 0);
}

NG_TEST(meta_reader_date_wins_and_city_dash)
{
    ng_meta m;
    const char *t = "date 2020-01-01\nNEW DELHI, 12 June 2023 - India said so.";
    ng_meta__read(&m, t, strlen(t), "2023-06-13");
    CHECK_STR(m.date, "2023-06-13");
    CHECK(strncmp(t + m.body_start, "India said", 10) == 0);
    const char *t2 = "KAMPALA - Uganda said so.";
    ng_meta__read(&m, t2, strlen(t2), NULL);
    CHECK_STR(t2 + m.body_start, "Uganda said so.");
    const char *t3 = "Uganda said so on Monday.";
    ng_meta__read(&m, t3, strlen(t3), NULL);
    CHECK_INT(m.dateline_len, 0);
    CHECK_INT(m.body_start, 0);
}

/* A dateline without a year takes the largest year 1950..2099 the text writes as a word,
 * wherever it stands (the scan skips eight bytes at a time up to a digit): not inside a longer
 * number, not next to a slash, not from bytes that are digits but for their top bit. */
NG_TEST(meta_dateline_year_from_the_text)
{
    ng_meta m;
    for (size_t pad = 0; pad < 12; pad++) {
        char t[256];
        snprintf(t, sizeof t,
                 "ACCRA, Aug 10 - Ghana said so.%.*s In 2019 and 12021 and 2024/5 and 1/2030, "
                 "\xb2\xb0\xb3\xb1 and \xc2\xb2 2022 too.",
                 (int)pad, "xxxxxxxxxxxx");
        ng_meta__read(&m, t, strlen(t), NULL);
        CHECK_STR(m.date, "2022-08-10");
    }
}

NG_TEST(meta_dateline_day_the_month_lacks_gives_no_date)
{
    ng_meta m;
    /* found by fuzz_dates: "sep31" read as September 31 and given as the article's date */
    const char *t = "OSLO, Sep 31 2021 - Norway said so.";
    ng_meta__read(&m, t, strlen(t), NULL);
    CHECK_STR(m.date, "");
    const char *t2 = "OSLO, Sep 30 2021 - Norway said so.";
    ng_meta__read(&m, t2, strlen(t2), NULL);
    CHECK_STR(m.date, "2021-09-30");
    CHECK(ng_date__valid(2024, 2, 29));
    CHECK(!ng_date__valid(2023, 2, 29));
    CHECK(!ng_date__valid(2021, 9, 31));
    CHECK(!ng_date__valid(2021, 9, 0));
}

/* ------------------------------------------------------------------ sentences and tokens */

static size_t split(const char *t, ng_span **v)
{
    ng_meta m;
    size_t n = 0;
    memset(&m, 0, sizeof m);
    if (ng_split__sentences(v, &n, lex_get(), t, strlen(t), &m) < 0) return 0;
    return n;
}

NG_TEST(split_abbreviations_quotes_decimals_initials)
{
    ng_span *v = NULL;
    const char *t =
        "Gen. Amadou Keita met Col. Ba in the U.S. capital on Jan. 5. Growth was 3.5 percent. "
        "George W. Bush spoke. \"We agree.\" The U.S. The talks ended! Did they? Yes.";
    size_t n = split(t, &v);
    CHECK_INT(n, 8);
    if (n == 8) {
        CHECK(strncmp(t + v[0].off, "Gen. Amadou Keita met Col. Ba in the U.S. capital on Jan. 5.",
                      v[0].len) == 0);
        CHECK(strncmp(t + v[1].off, "Growth was 3.5 percent.", v[1].len) == 0);
        CHECK(strncmp(t + v[2].off, "George W. Bush spoke.", v[2].len) == 0);
        CHECK(strncmp(t + v[3].off, "\"We agree.\"", v[3].len) == 0);
        CHECK(strncmp(t + v[4].off, "The U.S.", v[4].len) == 0);
    }
    free(v);
}

NG_TEST(split_caps_long_sentences)
{
    ng_buf b = NG_BUF_INIT;
    ng_span *v = NULL;
    for (int i = 0; i < 500; i++) ng_buf_puts(&b, "Mali and Niger talked, ");
    size_t n = split(b.ptr, &v);
    CHECK(n >= 5);
    for (size_t i = 0; i < n; i++) CHECK(v[i].len <= NG_MAX_SENTENCE_BYTES);
    free(v);
    ng_buf_free(&b);
}

NG_TEST(tokens_possessive_hyphen_dots)
{
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    const char *t = "Mali's Akufo-Addo met U.S. envoys and N'Guesso.";
    CHECK_OK(ng_tok__run(&tk, &lex_get()->abbrevs, t, 0, strlen(t)));
    CHECK_INT(tk.n, 9);
    if (tk.n == 9) {
        CHECK(tk.v[1].flags & NG_TK_POSS);
        CHECK(strncmp(fold.ptr + tk.v[2].foff, "akufo-addo", tk.v[2].flen) == 0);
        CHECK(strncmp(fold.ptr + tk.v[4].foff, "u.s", tk.v[4].flen) == 0);
        CHECK(tk.v[4].flags & NG_TK_UPPER);
        CHECK(strncmp(fold.ptr + tk.v[7].foff, "n'guesso", tk.v[7].flen) == 0);
    }
    ng_toks__free(&tk);
    ng_buf_free(&fold);
}

/* An overlong sequence that decodes to a digit (0xC0 0xB9 = '9') in a user's dictionary
 * phrase is one punctuation token: the number scan reads bytes and took nothing there, so
 * the tokenizer once made empty tokens at the same place until memory ran out. */
NG_TEST(tokens_overlong_digit)
{
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    const char t[] = "a\xC0\xB9 b";
    CHECK_OK(ng_tok__run(&tk, NULL, t, 0, sizeof t - 1));
    CHECK_INT(tk.n, 3);
    if (tk.n == 3) {
        CHECK(tk.v[1].flags & NG_TK_PUNCT);
        CHECK_INT(tk.v[1].off, 1);
        CHECK_INT(tk.v[1].len, 2);
    }
    ng_toks__free(&tk);
    ng_buf_free(&fold);
}

/* The plain-word path (ASCII words nothing continues) gives the flags of the general one:
 * capital, all capitals (two letters at least, digits aside), first word, in quotes; a
 * word that a mark, a period or a non-ASCII letter continues goes the general way. */
NG_TEST(tokens_plain_word_flags)
{
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    const char *t = "NATO A1 G7s \"Mali said\" Ab.c Caf\xC3\xA9 then-President";
    CHECK_OK(ng_tok__run(&tk, &lex_get()->abbrevs, t, 0, strlen(t)));
    CHECK_INT(tk.n, 13);
    if (tk.n == 13) {
        CHECK_INT(tk.v[0].flags, NG_TK_WORD | NG_TK_CAP | NG_TK_UPPER | NG_TK_FIRST);
        CHECK_INT(tk.v[1].flags, NG_TK_WORD | NG_TK_CAP);  /* one letter */
        CHECK_INT(tk.v[2].flags, NG_TK_WORD | NG_TK_CAP);  /* "G7s": a small letter */
        CHECK_INT(tk.v[4].flags, NG_TK_WORD | NG_TK_CAP | NG_TK_INQUOTE);
        CHECK_INT(tk.v[5].flags, NG_TK_WORD | NG_TK_INQUOTE);
        CHECK_INT(tk.v[7].flags, NG_TK_WORD | NG_TK_CAP); /* "Ab", then "." and "c" */
        CHECK(strncmp(fold.ptr + tk.v[10].foff, "cafe", tk.v[10].flen) == 0);
        CHECK(strncmp(fold.ptr + tk.v[11].foff, "then", tk.v[11].flen) == 0);
        CHECK(tk.v[0].h == ng_x__tok_hash("nato", 4));
        CHECK(tk.v[5].h == ng_x__tok_hash("said", 4));
    }
    ng_toks__free(&tk);
    ng_buf_free(&fold);
}

/* ------------------------------------------------------------------ word classes */

/* Tokens of text (into tk, folded forms into fold) with their word classes from lex, as the
 * extractor sets them; returns the union of the tokens' classes. */
static ng_wbits classified(ng_toks *tk, const ng_lexicon *lex, const char *text)
{
    if (ng_tok__run(tk, &lex->abbrevs, text, 0, strlen(text)) < 0) return 0;
    return ng_lex__classify(lex, tk->v, tk->n);
}

/* Every row of the built-in data loads: a row the loader skips (a trigger slot of more than
 * NG_TR_MAX_ALTS alternatives, a pattern over NG_TR_MAX_PATTERN bytes, an unknown flag or
 * word class) would only warn at run time and lose its words. */
NG_TEST(builtin_data_rows_all_load)
{
    CHECK_INT((int)lex_get()->builtin_skips, 0);
}

/* A class from bit 64 on (NG_W_FORMER) is set from the built-in words.csv on its token and
 * tested in the same expressions as the others; the classes under 64 of the same word stay,
 * and no class of a word leaks to the next bit. */
NG_TEST(word_classes_from_64_builtin)
{
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    ng_wbits any = classified(&tk, lex_get(), "The former president met a senior minister.");
    CHECK((NG_W_FORMER >> 64) != 0 && (ng_wbits)(uint64_t)NG_W_FORMER == 0);
    CHECK(any & NG_W_FORMER);
    CHECK_INT(tk.n, 8);
    if (tk.n == 8) {
        ng_wbits former = tk.v[1].bits;
        CHECK(former & NG_W_FORMER);
        CHECK(former & NG_W_TITLEMOD);  /* its classes under 64 */
        CHECK(former & NG_W_NOTMEMBER);
        CHECK((former & (NG_W_TITLEMOD | NG_W_FORMER)) == (NG_W_TITLEMOD | NG_W_FORMER));
        CHECK(!(former & NG_W_CASENOUN)); /* bit 63 */
        CHECK(!(tk.v[2].bits & NG_W_FORMER));
        CHECK(tk.v[2].bits & NG_W_SOLEOFFICE);
        CHECK(!(tk.v[5].bits & NG_W_FORMER)); /* "senior": titlemod only */
        CHECK(tk.v[5].bits & NG_W_TITLEMOD);
    }
    ng_toks__free(&tk);
    ng_buf_free(&fold);
}

/* The same through a words.csv of its own: words and a phrase of class 64 next to classes
 * 0 and 63, through the token bits, the phrase bits and ng_w__phrase. */
NG_TEST(word_classes_from_64_user_csv)
{
    ng_lexicon *lex = NULL;
    ng_buf fold = NG_BUF_INIT;
    ng_toks tk = {NULL, 0, 0, &fold};
    ng_work w;
    const char csv[] = "word,class,number\nqxa,former,\nqxb,casenoun,\nqxc,former|say,\n"
                       "qxd qxe,former,\nqxd qxf,say,\n";
    CHECK_OK(ng_lexicon__new_empty(&lex));
    CHECK_OK(ng_lexicon__load_csv(lex, NG_CSV_WORDS, "words.csv", csv, sizeof csv - 1, NULL, NULL));
    ng_wbits any = classified(&tk, lex, "qxa qxb qxc qxd qxe qxd qxf");
    CHECK(any == (NG_W_FORMER | NG_W_CASENOUN | NG_W_SAY));
    CHECK_INT(tk.n, 7);
    if (tk.n == 7) {
        CHECK(tk.v[0].bits == NG_W_FORMER);
        CHECK(tk.v[1].bits == NG_W_CASENOUN);
        CHECK(tk.v[2].bits == (NG_W_FORMER | NG_W_SAY));
        CHECK(tk.v[3].bits == 0 && tk.v[3].pbits == (NG_W_FORMER | NG_W_SAY));
        memset(&w, 0, sizeof w);
        w.lex = lex;
        w.tk = tk;
        CHECK_INT(ng_w__phrase(&w, 0, 7, NG_W_FORMER, NULL), 1);
        CHECK_INT(ng_w__phrase(&w, 1, 7, NG_W_FORMER, NULL), 0);
        CHECK_INT(ng_w__phrase(&w, 1, 7, NG_W_CASENOUN, NULL), 1);
        CHECK_INT(ng_w__phrase(&w, 2, 7, NG_W_SAY, NULL), 1);
        CHECK_INT(ng_w__phrase(&w, 3, 7, NG_W_FORMER, NULL), 2);
        CHECK_INT(ng_w__phrase(&w, 3, 7, NG_W_SAY, NULL), 0); /* "qxd qxe" is not a say phrase */
        CHECK_INT(ng_w__phrase(&w, 5, 7, NG_W_SAY, NULL), 2);
        CHECK_INT(ng_w__phrase(&w, 5, 7, NG_W_FORMER, NULL), 0);
        CHECK(ng_w__phrase_bits(&w, 3, 7) == NG_W_FORMER);
        CHECK(ng_w__phrase_bits(&w, 5, 7) == NG_W_SAY);
    }
    ng_toks__free(&tk);
    ng_buf_free(&fold);
    ng_lexicon_free(lex);
}

/* ------------------------------------------------------------------ names */

static char *key(const char *name)
{
    ng_buf b = NG_BUF_INIT;
    ng_names__key(&b, lex_get(), name, strlen(name));
    return b.ptr ? ng_buf_detach(&b) : strdup("");
}

NG_TEST(name_keys_fold_transliteration)
{
    const char *pairs[][2] = {{"Andrey Belov", "Andrei Belov"}, {"Sergey Orlov", "Sergei Orlov"},
                              {"Shoigu", "Shoygu"}, {"Traoré", "Traore"}, {"Spasskiy", "Spassky"},
                              {"Zelenskiy", "Zelenskyy"}, {"Sassou N'Guesso", "Sassou Nguesso"},
                              {"Aleksey", "Alexei"}, {"Nikolay", "Nikolai"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char *a = key(pairs[i][0]), *b = key(pairs[i][1]);
        if (strcmp(a, b) != 0)
            fprintf(stderr, "  %s -> %s, %s -> %s\n", pairs[i][0], a, pairs[i][1], b);
        CHECK(strcmp(a, b) == 0);
        free(a);
        free(b);
    }
    char *x = key("Bola Tinubu"), *y = key("Bola Tunde");
    CHECK(strcmp(x, y) != 0);
    free(x);
    free(y);
}

/* ------------------------------------------------------------------ dates */

NG_TEST(date_helpers)
{
    int y = 2024, m = 3, d = 1;
    CHECK_INT(ng_date__dow(2024, 5, 9), 3); /* a Thursday */
    ng_date__add_days(&y, &m, &d, -1);
    CHECK_INT(y * 10000 + m * 100 + d, 20240229);
    CHECK_INT(ng_date__month("sept", 4), 9);
    CHECK_INT(ng_date__weekday("sunday", 6), 6);
    CHECK(!ng_date_parse("2023-02-30", &y, &m, &d));
}

/* ------------------------------------------------------------------ whole articles */

NG_TEST(evidence_offsets_point_into_clean_text)
{
    const char *t = "date 2023-04-04\nQatar mediated.\nOman met Yemen on Monday.";
    ng_doc *d = extract(t, NULL);
    CHECK(d != NULL);
    CHECK_INT(d->n_relations, 1);
    if (d && d->n_relations == 1) {
        const ng_relation *r = &d->relations[0];
        CHECK_STR(r->sentence, "Oman met Yemen on Monday.");
        CHECK(strncmp(t + r->offset, r->sentence, strlen(r->sentence)) == 0);
        CHECK_STR(r->date, "2023-04-03");
        CHECK_STR(d->date, "2023-04-04");
    }
    ng_doc_free(d);
}

NG_TEST(actors_keys_aliases_mentions)
{
    ng_doc *d = extract("The Russian Federation and Belarus met. Russia later met Armenia.", NULL);
    const ng_actor *a = actor(d, "Russia");
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->key, "state:russia");
        CHECK_INT(a->mentions, 2);
        CHECK_STR(a->aliases, "Russia|Russian Federation");
        CHECK_INT(a->partial, 0);
    }
    ng_doc_free(d);
}

NG_TEST(headline_relations_and_no_new_people_from_title_case)
{
    ng_doc *d = extract(
        "Kenya Signs Trade Pact With Uganda\n\nKenya and Uganda signed a trade pact on Friday.",
        NULL);
    CHECK(has_rel(d, ng_test_rel("signed"), "Kenya", "Uganda"));
    CHECK(d && d->title && strcmp(d->title, "Kenya Signs Trade Pact With Uganda") == 0);
    CHECK(actor(d, "Trade Pact") == NULL);
    ng_doc_free(d);
}

NG_TEST(extraction_is_pure_and_deterministic)
{
    const char *t =
        "Egyptian President Omar Fathy met Sudan's leader, Idris Adam, in Cairo. He thanked Fathy.";
    ng_doc *a = extract(t, "2024-01-01"), *b = extract(t, "2024-01-01");
    CHECK(a && b);
    if (a && b) {
        CHECK_INT(a->n_actors, b->n_actors);
        CHECK_INT(a->n_relations, b->n_relations);
        for (size_t i = 0; i < a->n_actors && i < b->n_actors; i++) {
            CHECK_STR(a->actors[i].key, b->actors[i].key);
            CHECK_STR(a->actors[i].aliases, b->actors[i].aliases);
        }
    }
    ng_doc_free(a);
    ng_doc_free(b);
}

NG_TEST(bad_bytes_reported_on_doc)
{
    /* mostly valid UTF-8 with two stray bytes: repaired, not read as Windows-1252 */
    const char raw[] = "Mali met Niger in Lom\xc3\xa9 and Niamey \xc3\xa9t\xc3\xa9 \xff\xfe.";
    ng_doc *d = extract(raw, NULL);
    CHECK(d != NULL);
    if (d) CHECK_INT(d->bad_bytes, 2);
    CHECK(has_rel(d, ng_test_rel("met"), "Mali", "Niger"));
    ng_doc_free(d);
}

NG_TEST(huge_sentence_is_bounded)
{
    ng_buf b = NG_BUF_INIT;
    for (int i = 0; i < 20000; i++) ng_buf_puts(&b, "Mali, ");
    ng_buf_puts(&b, "and Niger met.");
    ng_doc *d = extract(b.ptr, NULL);
    CHECK(d != NULL);
    ng_doc_free(d);
    ng_buf_free(&b);
}

/* ------------------------------------------------------------------ user dictionaries */

typedef struct skips { int n; char last[256]; } skips;
static void on_skip(void *ctx, const char *origin, const char *msg)
{
    skips *s = ctx;
    s->n++;
    snprintf(s->last, sizeof s->last, "%s: %s", origin, msg);
}

NG_TEST(user_actors_with_bad_rows)
{
    ng_lexicon *lex = NULL;
    skips sk = {0, ""};
    const char *path = "test_extract_actors.csv";
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("name,type,aliases\n"
          "Kivu Liberation Army,organization,KLA\n"
          "Jeanne Mbeki-Lomu,person,J. Mbeki-Lomu\n"
          "Broken Row,planet,\n"
          ",state,\n", f);
    fclose(f);
    CHECK_OK(ng_lexicon_new(&lex));
    CHECK_OK(ng_lexicon_load_actors(lex, path, on_skip, &sk));
    CHECK_INT(sk.n, 2);
    CHECK(strstr(sk.last, "test_extract_actors.csv:5") != NULL);
    ng_article a;
    ng_doc *d = NULL;
    const char *t = "The KLA accused Jeanne Mbeki-Lomu of lying.";
    memset(&a, 0, sizeof a);
    a.id = (char *)"u";
    a.text = (char *)t;
    a.len = strlen(t);
    CHECK_OK(ng_extract_article(&d, lex, &a));
    CHECK(has_rel(d, ng_test_rel("condemned"), "Kivu Liberation Army", "Jeanne Mbeki-Lomu"));
    const ng_actor *p = actor(d, "Jeanne Mbeki-Lomu");
    CHECK(p && p->type == NG_ETYPE_PERSON && !p->partial);
    ng_doc_free(d);
    ng_lexicon_free(lex);
    remove(path);
    CHECK(ng_lexicon_load_actors(lex_get(), "/nonexistent/x.csv", on_skip, &sk) < 0);
}

NG_TEST(user_triggers)
{
    ng_lexicon *lex = NULL;
    skips sk = {0, ""};
    const char *path = "test_extract_triggers.csv";
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("relation,form,pattern,object,flags\n"
          "condemned,verb,rebuffed/rebuffs,-,\n"
          "met,verb,,with,\n"
          "met,noun,tete-a-tete,with,bogus\n", f);
    fclose(f);
    CHECK_OK(ng_lexicon_new(&lex));
    CHECK_OK(ng_lexicon_load_triggers(lex, path, on_skip, &sk));
    CHECK_INT(sk.n, 2); /* the empty pattern, the bogus flag */
    ng_article a;
    ng_doc *d = NULL;
    const char *t = "Peru rebuffed Bolivia.";
    memset(&a, 0, sizeof a);
    a.id = (char *)"u";
    a.text = (char *)t;
    a.len = strlen(t);
    CHECK_OK(ng_extract_article(&d, lex, &a));
    CHECK(has_rel(d, ng_test_rel("condemned"), "Peru", "Bolivia"));
    ng_doc_free(d);
    d = extract(t, NULL); /* the built-in lexicon does not know the word */
    CHECK(!has_rel(d, ng_test_rel("condemned"), "Peru", "Bolivia"));
    ng_doc_free(d);
    ng_lexicon_free(lex);
    remove(path);
}

NG_TEST(a_noun_inside_a_verb_match_is_its_object)
{
    static const char defs[] = "name,direction,hostile,subjects,objects,description\n"
                               "mended,symmetric,no,state,state,ended a break in relations\n";
    ng_lexicon *lex = NULL;
    skips sk = {0, ""};
    const char *path = "test_extract_mended.csv";
    const char *t = "Ecuador patched up the rupture of ties with Mexico.";
    ng_doc *d = extract(t, NULL);
    /* the built-in lexicon reads the noun alone: a rupture (cut_ties) */
    CHECK(d && has_rel(d, ng_test_rel("cut_ties"), "Ecuador", "Mexico"));
    ng_doc_free(d);
    d = NULL;
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("relation,form,pattern,object,flags\n"
          "mended,verb,patched up * rupture/break of/in? ties/relations,with,pair\n", f);
    fclose(f);
    ng_rel r;
    if (ng_rel_parse(&r, "mended") < 0)
        CHECK_OK(ng_rel_declare_csv("defs.csv", defs, sizeof defs - 1, 0));
    CHECK_OK(ng_lexicon_new(&lex));
    CHECK_OK(ng_lexicon_load_triggers(lex, path, on_skip, &sk));
    ng_article a;
    memset(&a, 0, sizeof a);
    a.id = (char *)"m";
    a.text = (char *)t;
    a.len = strlen(t);
    CHECK_OK(ng_extract_article(&d, lex, &a));
    /* with a verb whose match spans it, the noun is that verb's object, no relation of its own */
    CHECK(d && (has_rel(d, ng_test_rel("mended"), "Ecuador", "Mexico") ||
                has_rel(d, ng_test_rel("mended"), "Mexico", "Ecuador")));
    CHECK(d && !has_rel(d, ng_test_rel("cut_ties"), "Ecuador", "Mexico"));
    ng_doc_free(d);
    ng_lexicon_free(lex);
    remove(path);
}

NG_TEST(user_triggers_need_their_relation_declared)
{
    static const char defs[] = "name,direction,hostile,subjects,objects,description\n"
                               "wed,symmetric,no,state,state,a union of two states\n";
    ng_lexicon *lex = NULL;
    skips sk = {0, ""};
    const char *path = "test_extract_wed.csv";
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("relation,form,pattern,object,flags\n"
          "condemned,verb,rebuffed/rebuffs,-,\n"
          "wed,verb,wed/weds/married,-,\n", f);
    fclose(f);
    CHECK_OK(ng_lexicon_new(&lex));
    /* a typo must not lose a relation type silently: the load stops, naming the line */
    ng_rel r;
    if (ng_rel_parse(&r, "wed") < 0) {
        CHECK_INT(ng_lexicon_load_triggers(lex, path, on_skip, &sk), NG_EINVAL);
        CHECK(strstr(ng_error_last(), "test_extract_wed.csv:3: relation 'wed' is not declared"));
        CHECK_OK(ng_rel_declare_csv("defs.csv", defs, sizeof defs - 1, 0));
    }
    ng_lexicon_free(lex);
    lex = NULL;
    CHECK_OK(ng_lexicon_new(&lex));
    CHECK_OK(ng_lexicon_load_triggers(lex, path, on_skip, &sk));
    CHECK_INT(sk.n, 0);
    ng_article a;
    ng_doc *d = NULL;
    const char *t = "Peru married Bolivia. Chile wed Mali's envoy Ada Quill.";
    memset(&a, 0, sizeof a);
    a.id = (char *)"w";
    a.text = (char *)t;
    a.len = strlen(t);
    CHECK_OK(ng_extract_article(&d, lex, &a));
    CHECK(d && (has_rel(d, ng_test_rel("wed"), "Peru", "Bolivia") ||
                has_rel(d, ng_test_rel("wed"), "Bolivia", "Peru")));
    /* the row's object types hold: a person is no object of `wed` */
    for (size_t i = 0; d && i < d->n_relations; i++)
        if (d->relations[i].rel == ng_test_rel("wed"))
            CHECK(d->actors[d->relations[i].target].type == NG_ETYPE_STATE &&
                  d->actors[d->relations[i].source].type == NG_ETYPE_STATE);
    ng_doc_free(d);
    ng_lexicon_free(lex);
    remove(path);
}

/* The mentions' sort is stable, as the merge sort it replaced: mostly sorted arrays (the
 * insertion sort) and arrays out of order everywhere (past its budget of moves) alike, with
 * ties told apart by their original order (kept in .lex). */
NG_TEST(mentions_sort_is_stable)
{
    enum { N = 300 };
    static ng_mention v[N], ref[N];
    uint32_t seed = 7;
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < N; i++) {
            seed = seed * 1103515245u + 12345u;
            memset(&v[i], 0, sizeof v[i]);
            /* rounds 0-1: in order but for one in ten; 2-3: random */
            uint32_t r = (seed >> 8) % 1000;
            v[i].sent = round < 2 && r >= 100 ? (uint32_t)i / 10 : r % 30;
            v[i].t0 = round < 2 && r >= 100 ? (uint32_t)i : (r / 30) % 8;
            v[i].t1 = v[i].t0 + 1 + (r & 1);
            v[i].lex = i;
        }
        memcpy(ref, v, sizeof v);
        for (int i = 1; i < N; i++) /* the reference: a plain stable insertion sort */
            for (int j = i; j > 0; j--) {
                ng_mention *a = &ref[j - 1], *b = &ref[j];
                int gt = a->sent != b->sent ? a->sent > b->sent
                         : a->t0 != b->t0   ? a->t0 > b->t0
                                            : a->t1 < b->t1;
                if (!gt) break;
                ng_mention x = *a;
                *a = *b;
                *b = x;
            }
        ng_mentions__sort(v, N);
        for (int i = 0; i < N; i++)
            CHECK_INT(v[i].lex, ref[i].lex);
    }
}

/* Name keys are remembered per thread across articles, for one lexicon generation: a
 * transliteration rule loaded between two articles applies to the second ("Smirnov" is then
 * "Belov", and the two names one person). */
NG_TEST(name_key_memo_follows_the_lexicon)
{
    const char text[] = "Foreign Minister Andrei Belov met Prime Minister Ivan Smirnov in Moscow.\n"
                        "Andrei Belov said the talks went well. Ivan Smirnov said nothing.";
    const char rule[] = "from,to,where\nsmirnov,belov,word\nivan,andrei,word\n";
    ng_lexicon *lex = NULL;
    ng_article a;
    ng_doc *d1 = NULL, *d2 = NULL;
    memset(&a, 0, sizeof a);
    a.id = a.origin = (char *)"t";
    a.text = (char *)text;
    a.len = sizeof text - 1;
    CHECK_OK(ng_lexicon_new(&lex));
    CHECK_OK(ng_extract_article(&d1, lex, &a));
    CHECK(actor(d1, "Andrei Belov") != NULL);
    CHECK(actor(d1, "Ivan Smirnov") != NULL);
    CHECK_OK(
        ng_lexicon__load_csv(lex, NG_CSV_TRANSLIT, "user.csv", rule, sizeof rule - 1, NULL, NULL));
    CHECK_OK(ng_extract_article(&d2, lex, &a));
    CHECK(d2 != NULL && !(actor(d2, "Andrei Belov") && actor(d2, "Ivan Smirnov")));
    ng_doc_free(d1);
    ng_doc_free(d2);
    ng_lexicon_free(lex);
}

NG_TEST(builtin_data_loads)
{
    const ng_lexicon *lex = lex_get();
    CHECK(lex->n_ents > 300);
    CHECK(lex->n_triggers > 30);
    CHECK(lex->n_titles > 100);
    CHECK(lex->n_bp > 10);
    int may_end = -1;
    CHECK(ng_abbrevs__has(&lex->abbrevs, ng_x__tok_hash("gen", 3), &may_end));
    CHECK_INT(may_end, 0);
}

NG_TEST_MAIN(clean_repairs_invalid_utf8_and_counts, clean_windows_1252_fallback,
             clean_normalizes_quotes_dashes_spaces, clean_removes_boilerplate,
             boilerplate_user_rules_in_file_order, boilerplate_plain_and_folded_lines_alike,
             boilerplate_yields_no_actors, meta_date_header_glued_and_dateline,
             meta_title_and_dash_dateline, meta_reader_date_wins_and_city_dash,
             meta_url_header_before_or_after_the_date, meta_dateline_year_from_the_text,
             meta_dateline_day_the_month_lacks_gives_no_date,
             split_abbreviations_quotes_decimals_initials, split_caps_long_sentences,
             tokens_possessive_hyphen_dots, tokens_overlong_digit, tokens_plain_word_flags,
             builtin_data_rows_all_load, word_classes_from_64_builtin,
             word_classes_from_64_user_csv, name_keys_fold_transliteration, date_helpers,
             evidence_offsets_point_into_clean_text, actors_keys_aliases_mentions,
             headline_relations_and_no_new_people_from_title_case,
             extraction_is_pure_and_deterministic, bad_bytes_reported_on_doc,
             huge_sentence_is_bounded, user_actors_with_bad_rows, user_triggers,
             user_triggers_need_their_relation_declared, a_noun_inside_a_verb_match_is_its_object,
             mentions_sort_is_stable, name_key_memo_follows_the_lexicon, builtin_data_loads)
