/* test_core.c - unit tests of core/: buffers, folding, records, the reader, atomic output. */
#include "ng_core.h"
#include "ng_test.h"
#include "relations_internal.h"
#include "test_rel.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char tmpdir[256];

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ng_test_core.XXXXXX");
    if (!mkdtemp(tmpdir)) abort();
}

static void rm_rf(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup of %s failed\n", dir);
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) abort();
    fwrite(data, 1, len, fp);
    fclose(fp);
}

static void write_gz(const char *path, const char *data, size_t len)
{
    gzFile gz = gzopen(path, "wb");
    if (!gz) abort();
    gzwrite(gz, data, (unsigned)len);
    gzclose(gz);
}

/* Collects skip messages. */
typedef struct skips {
    char text[4096];
    int n;
} skips;

static void on_skip(void *ctx, const char *origin, const char *msg)
{
    skips *s = ctx;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof s->text - used, "%s: %s\n", origin, msg);
    s->n++;
}

/* Reads every article of `inputs`; returns their ids joined by ',' in a static buffer. */
static const char *read_all(const char *const *inputs, size_t n, skips *s, char texts[][256])
{
    static char ids[2048];
    ng_reader *r = NULL;
    ng_reader_opts o = {0, on_skip, s, 0, 0};
    ids[0] = '\0';
    if (ng_reader_new(&r, inputs, n, &o) < 0) return "(error)";
    int k = 0;
    for (;;) {
        ng_article *a = NULL;
        if (ng_reader_next(r, &a) < 0) {
            strcat(ids, "(error)");
            break;
        }
        if (!a) break;
        if (ids[0]) strcat(ids, ",");
        strncat(ids, a->id, sizeof ids - strlen(ids) - 1);
        if (texts && k < 8) snprintf(texts[k], 256, "%s", a->text);
        if (a->date && strlen(ids) + 12 < sizeof ids) {
            strcat(ids, "@");
            strcat(ids, a->date);
        }
        k++;
        ng_article_free(a);
    }
    ng_reader_free(r);
    return ids;
}

NG_TEST(buf_appends_and_formats)
{
    ng_buf b = NG_BUF_INIT;
    CHECK_OK(ng_buf_puts(&b, "abc"));
    CHECK_OK(ng_buf_printf(&b, "-%d-%s", 42, "x"));
    for (int i = 0; i < 1000; i++) ng_buf_putc(&b, 'z');
    CHECK_INT(b.len, 3 + 5 + 1000);
    CHECK(strncmp(b.ptr, "abc-42-xzz", 10) == 0);
    CHECK_INT(b.ptr[b.len], 0);
    char *s = ng_buf_detach(&b);
    CHECK(b.ptr == NULL && b.len == 0);
    free(s);
    ng_buf_free(&b);
}

NG_TEST(array_grow_doubles_and_refuses_overflow)
{
    int *v = NULL;
    size_t cap = 0;
    CHECK_OK(NG_ARRAY_GROW(v, cap, 1));
    CHECK(v != NULL && cap >= 1);
    for (size_t n = 0; n < 1000; n++) {
        CHECK_OK(NG_ARRAY_GROW(v, cap, n + 1));
        v[n] = (int)n;
    }
    CHECK(cap >= 1000 && cap < 2000); /* doubled, not grown by one */
    for (size_t n = 0; n < 1000; n++) CHECK_INT(v[n], (int)n);
    size_t before = cap;
    CHECK_OK(NG_ARRAY_GROW(v, cap, 10)); /* already room: nothing changes */
    CHECK_INT(cap, before);
    int *keep = v;
    CHECK_INT(ng_array_grow((void **)&v, &cap, SIZE_MAX / 2, sizeof *v), NG_ENOMEM);
    CHECK(v == keep && cap == before); /* unchanged after a failure */
    CHECK(strstr(ng_error_last(), "out of memory") != NULL);
    free(v);
}

NG_TEST(suffixes_exact_and_ignoring_case)
{
    CHECK(ng_has_suffix("a.ngs.gz", ".gz"));
    CHECK(ng_has_suffix("a.ngs", "a.ngs"));
    CHECK(ng_has_suffix("x", ""));
    CHECK(!ng_has_suffix("a.NGS", ".ngs"));
    CHECK(!ng_has_suffix(".gz", "a.gz"));
    CHECK(!ng_has_suffix(NULL, ".gz"));
    CHECK(ng_has_suffix_nocase("G.GraphML.GZ", 12, ".gz"));
    CHECK(ng_has_suffix_nocase("G.GraphML.GZ", 9, ".graphml"));
    CHECK(!ng_has_suffix_nocase("G.GraphML.GZ", 9, ".gz"));
    CHECK(!ng_has_suffix_nocase("ml", 2, ".graphml"));
}

NG_TEST(dates_are_real_calendar_days)
{
    static const char *const good[] = {"2024-02-29", "2000-02-29", "1999-12-31", "2025-04-30",
                                       "1000-01-01", "9999-12-31"};
    static const char *const bad[] = {"2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
                                      "2024-04-31", "2024-4-01",  "",           "2024-01-01x",
                                      "2024/01/01", "20240101",   "0999-12-31", "2024-01-00"};
    int y = 0, m = 0, d = 0;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        CHECK(ng_date_valid(good[i]));
        CHECK(ng_date_parse(good[i], NULL, NULL, NULL));
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) CHECK(!ng_date_valid(bad[i]));
    CHECK(!ng_date_valid(NULL) && !ng_date_parse(NULL, &y, &m, &d));
    /* parse reads a date at the start of a longer string (a CSV date with a time) */
    CHECK(ng_date_parse("2024-03-05T10:00:00Z", &y, &m, &d));
    CHECK(y == 2024 && m == 3 && d == 5);
    CHECK(!ng_date_parse("2024-02-30 noon", &y, &m, &d));
    CHECK(!ng_date_parse("2024-02", &y, &m, &d));
}

NG_TEST(dates_as_written_keep_their_precision)
{
    char a[11], b[11];
    CHECK_INT(ng_date_precision("2017"), NG_DATE_YEAR);
    CHECK_INT(ng_date_precision("2017-06"), NG_DATE_MONTH);
    CHECK_INT(ng_date_precision("2017-06-05"), NG_DATE_DAY);
    static const char *const bad[] = {"", "17", "0999", "2017-13", "2017-00", "2017-6",
                                      "2017-06-31", "2017-06x", "20170", "2017-", NULL};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) CHECK(!ng_date_precision(bad[i]));
    CHECK(ng_date_span("2017-06", a, b));
    CHECK_STR(a, "2017-06-01");
    CHECK_STR(b, "2017-06-30");
    CHECK(ng_date_span("2024-02", a, b) && strcmp(b, "2024-02-29") == 0);
    CHECK(ng_date_span("2023", a, b));
    CHECK_STR(a, "2023-01-01");
    CHECK_STR(b, "2023-12-31");
    CHECK(ng_date_span("2023-03-04", a, NULL) && strcmp(a, "2023-03-04") == 0);
    CHECK(!ng_date_span("2023-3", a, b) && a[0] == '\0' && b[0] == '\0');
    ng_date_write(a, 987, 1, 9); /* zero-padded, as "%04d-%02d-%02d" */
    CHECK_STR(a, "0987-01-09");
    ng_date_write(a, 2031, 12, 31);
    CHECK_STR(a, "2031-12-31");
    /* the order every stage keeps is byte order: by interval start, the coarser first */
    CHECK(strcmp("2017", "2017-01") < 0 && strcmp("2017-01", "2017-01-01") < 0);
    CHECK(strcmp("2017-05-31", "2017-06") < 0 && strcmp("2017-06", "2017-06-01") < 0);
}

NG_TEST(thread_count_defaults_to_cores_and_is_capped)
{
    CHECK_INT(ng_thread_count(3), 3);
    CHECK_INT(ng_thread_count(1), 1);
    CHECK_INT(ng_thread_count(1000), NG_THREADS_MAX);
    int cores = ng_thread_count(0);
    CHECK(cores >= 1 && cores <= NG_THREADS_MAX);
    CHECK_INT(ng_thread_count(-1), cores);
    double t0 = ng_clock_seconds(), t1 = ng_clock_seconds();
    CHECK(t1 >= t0); /* monotonic: never goes back */
}

NG_TEST(fold_case_accents_punctuation)
{
    ng_buf b = NG_BUF_INIT;
    const char *in =
        "  Ibrahim\xc2\xa0TRAOR\xc3\x89 \xe2\x80\x94 C\xc3\xb4te d\xe2\x80\x99Ivoire  ";
    CHECK_OK(ng_text_fold(&b, in, strlen(in)));
    CHECK_STR(b.ptr, "ibrahim traore - cote d'ivoire");
    ng_buf_clear(&b);
    {
        const char *w = "Stra\xc3\x9f"
                        "e \xc5\x81\xc3\xb3"
                        "d\xc5\xba";
        CHECK_OK(ng_text_fold(&b, w, strlen(w)));
    }
    CHECK_STR(b.ptr, "strasse lodz");
    ng_buf_clear(&b);
    /* invalid bytes are dropped, not copied */
    CHECK_OK(ng_text_fold(&b, "a\xff" "b", 3));
    CHECK_STR(b.ptr, "ab");
    ng_buf_free(&b);
}

NG_TEST(relation_and_type_names_round_trip)
{
    CHECK(ng_rel_count() >= 7);
    for (ng_rel i = 0; i < ng_rel_count(); i++) {
        ng_rel r;
        CHECK_OK(ng_rel_parse(&r, ng_rel_name(i)));
        CHECK_INT(r, i);
    }
    ng_etype t;
    CHECK_OK(ng_etype_parse(&t, "organization"));
    CHECK_INT(t, NG_ETYPE_ORG);
    CHECK(ng_etype_parse(&t, "planet") == NG_EINVAL);
    CHECK(strstr(ng_error_last(), "planet") != NULL);
    CHECK(ng_rel_symmetric(ng_test_rel("met")) && ng_rel_symmetric(ng_test_rel("signed")));
    CHECK(!ng_rel_symmetric(ng_test_rel("withdrew")));
}

NG_TEST(built_in_relations_come_from_relations_csv)
{
    static const char *const seven[] = {"met", "signed", "withdrew", "condemned",
                                         "cut_ties", "member_of", "affiliated_with"};
    /* today's seven first, in today's order: the graph files keep their bytes */
    for (ng_rel i = 0; i < 7; i++) {
        CHECK_STR(ng_rel_name(i), seven[i]);
        CHECK(ng_rel_builtin(i));
    }
    CHECK_STR(ng_rel_name(NG_REL_MAX), "unknown");
    CHECK(ng_rel_get(NG_REL_MAX) == NULL && !ng_rel_symmetric(NG_REL_MAX));
    ng_rel met = ng_test_rel("met"), wd = ng_test_rel("withdrew"), mo = ng_test_rel("member_of");
    ng_rel aff = ng_test_rel("affiliated_with");
    CHECK(ng_rel_symmetric(met) && !ng_rel_hostile(met) && ng_rel_hostile(wd));
    CHECK(!ng_rel_hostile(mo) && ng_rel_hostile(ng_test_rel("cut_ties")));
    CHECK(ng_rel_allows(mo, NG_ETYPE_STATE, NG_ETYPE_ORG));
    CHECK(!ng_rel_allows(mo, NG_ETYPE_PERSON, NG_ETYPE_ORG) &&
          !ng_rel_allows(mo, NG_ETYPE_STATE, NG_ETYPE_STATE));
    CHECK(ng_rel_allows(aff, NG_ETYPE_PERSON, NG_ETYPE_STATE) &&
          !ng_rel_allows(aff, NG_ETYPE_STATE, NG_ETYPE_STATE));
    CHECK(!ng_rel_allows(met, NG_ETYPE_PLACE, NG_ETYPE_STATE)); /* nobody relates to a place */
    CHECK(!ng_rel_allows(wd, NG_ETYPE_STATE, NG_ETYPE_PERSON));
    CHECK(strstr(ng_rel_get(wd)->description, "leaving") != NULL);
    ng_buf b = NG_BUF_INIT;
    CHECK_INT(ng_rel_join(&b, NG_REL_IS_SYMMETRIC, 0, " and "), 3);
    CHECK_STR(b.ptr, "met, signed and restored_ties");
    ng_buf_clear(&b);
    ng_rel_join(&b, NG_REL_IS_HOSTILE, 0, ", ");
    CHECK_STR(b.ptr, "withdrew, condemned, cut_ties, sanctioned");
    /* the two added as data: a row of relations.csv each, after the seven */
    ng_rel sa = ng_test_rel("sanctioned"), rt = ng_test_rel("restored_ties");
    CHECK(sa >= 7 && rt >= 7 && ng_rel_builtin(sa) && ng_rel_builtin(rt));
    CHECK(!ng_rel_symmetric(sa) && ng_rel_hostile(sa) && ng_rel_symmetric(rt) &&
          !ng_rel_hostile(rt));
    CHECK(ng_rel_allows(sa, NG_ETYPE_ORG, NG_ETYPE_PERSON) &&
          !ng_rel_allows(rt, NG_ETYPE_STATE, NG_ETYPE_PERSON));
    ng_buf_free(&b);
    ng_rel r;
    CHECK_INT(ng_rel_parse(&r, "hugged"), NG_EINVAL);
    CHECK(strstr(ng_error_last(), "'hugged'") && strstr(ng_error_last(), "--relations"));
}

/* Declares `csv` under the name "user.csv"; the error code (0 when declared). */
static int declare(const char *csv)
{
    return ng_rel_declare_csv("user.csv", csv, strlen(csv), 0);
}

/* `csv` is refused with a message holding `part`, and the table does not change. */
static void expect_refused_rows(const char *csv, const char *part)
{
    size_t before = ng_rel_count();
    ng_error_clear();
    CHECK_INT(declare(csv), NG_EINVAL);
    if (!strstr(ng_error_last(), part)) {
        fprintf(stderr, "message '%s' lacks '%s'\n", ng_error_last(), part);
        CHECK(0);
    }
    CHECK_INT(ng_rel_count(), before);
}

#define REL_HEADER_NO_NL "name,direction,hostile,subjects,objects,description"
#define REL_HEADER REL_HEADER_NO_NL "\n"

NG_TEST(declared_relations_are_checked_row_by_row)
{
    expect_refused_rows("", "user.csv: empty");
    expect_refused_rows("name,direction,subjects,objects,description\nvisited,directed,person,"
                        "state,went to\n", "user.csv:1: no 'hostile' column");
    expect_refused_rows(REL_HEADER "visited,directed,no,person,state\n",
                        "user.csv:2: 5 fields, but the header has 6");
    expect_refused_rows(REL_HEADER "toured,directed,no,person,state,x\nvisited,both,no,person,"
                        "state,x\n", "user.csv:3: unknown direction 'both' for 'visited'");
    expect_refused_rows(REL_HEADER "visited,directed,maybe,person,state,x\n",
                        "user.csv:2: hostile must be yes or no for 'visited', not 'maybe'");
    expect_refused_rows(REL_HEADER "visited,directed,no,person|country,state,x\n",
                        "user.csv:2: unknown actor type 'country' in subjects");
    expect_refused_rows(REL_HEADER "visited,directed,no,person,,x\n",
                        "user.csv:2: no actor type in objects");
    expect_refused_rows(REL_HEADER "Visited,directed,no,person,state,x\n",
                        "user.csv:2: bad relation name 'Visited'");
    expect_refused_rows(REL_HEADER "met,symmetric,no,person,person,x\n",
                        "user.csv:2: relation 'met' is already declared (it is built in)");
    expect_refused_rows(REL_HEADER "visited,directed,no,person,state,x\n"
                        "\n"
                        "visited,directed,no,person,state,x\n",
                        "user.csv:4: relation 'visited' is declared twice");
    expect_refused_rows(REL_HEADER "visited,directed,no,person,state,\"a\x01b\"\n",
                        "user.csv:2: the description of 'visited'");
    expect_refused_rows("name,direction,hostile,subjects,objects,description,standing\n"
                        "visited,directed,no,person,state,x,often\n",
                        "user.csv:2: standing must be yes or no for 'visited', not 'often'");
    CHECK_INT(ng_rel_parse(&(ng_rel){0}, "visited"), NG_EINVAL); /* nothing was added */
}

/* key of a built-in state, as extract makes it: "state:" + the folded name */
static const char *code_of(const char *name)
{
    static char key[256];
    ng_buf b = NG_BUF_INIT;
    ng_buf_puts(&b, "state:");
    ng_text_fold(&b, name, strlen(name));
    snprintf(key, sizeof key, "%s", b.ptr ? b.ptr : "");
    ng_buf_free(&b);
    return ng_state_code(key);
}

NG_TEST(states_have_their_iso_codes)
{
    CHECK_STR(code_of("Mali"), "MLI");
    CHECK_STR(code_of("Germany"), "DEU");
    CHECK_STR(code_of("São Tomé and Príncipe"), "STP"); /* folded like extract's keys */
    CHECK_STR(code_of("Guinea-Bissau"), "GNB");
    CHECK_STR(code_of("Ivory Coast"), "CIV");
    CHECK_STR(code_of("United States"), "USA");
    CHECK_STR(code_of("Kosovo"), "XKX");   /* user-assigned, as the EU and World Bank use */
    CHECK_STR(code_of("Somaliland"), "");  /* no code */
    CHECK_STR(ng_state_code("organization:ecowas"), "");
    CHECK_STR(ng_state_code("state:atlantis"), "");
    CHECK_STR(ng_state_code(NULL), "");
}

NG_TEST(standing_ties_are_a_column_of_the_table)
{
    /* built in: memberships and offices are standing ties, events are not */
    CHECK(ng_rel_get(ng_test_rel("member_of"))->standing);
    CHECK(ng_rel_get(ng_test_rel("affiliated_with"))->standing);
    CHECK(!ng_rel_get(ng_test_rel("met"))->standing &&
          !ng_rel_get(ng_test_rel("condemned"))->standing);
    /* declared: optional (no when absent), written back only when a row has it */
    const char *csv = "name,direction,hostile,subjects,objects,description,standing\n"
                      "chairs,directed,no,person,organization,heads a body,yes\n"
                      "toured,directed,no,person,state,went round,\n";
    CHECK_OK(declare(csv));
    ng_rel c = ng_test_rel("chairs"), t = ng_test_rel("toured");
    CHECK(ng_rel_get(c)->standing && !ng_rel_get(t)->standing);
    ng_buf b = NG_BUF_INIT;
    CHECK_OK(ng_rel_write_csv(&b, (uint64_t)1 << c | (uint64_t)1 << t));
    CHECK_STR(b.ptr, REL_HEADER_NO_NL ",standing\nchairs,directed,no,person,organization,heads a "
                     "body,yes\ntoured,directed,no,person,state,went round,no\n");
    ng_buf_clear(&b);
    CHECK_OK(ng_rel_write_csv(&b, (uint64_t)1 << t));
    CHECK_STR(b.ptr, REL_HEADER "toured,directed,no,person,state,went round\n");
    ng_buf_free(&b);
}

NG_TEST(declared_relations_join_the_table)
{
    size_t before = ng_rel_count();
    /* any column order, a byte-order mark, spaces around values, a quoted description */
    const char *csv = "\xEF\xBB\xBF" "description,name,direction,hostile,subjects,objects\r\n"
                      "\"went to, in person\",visited, directed ,no,person|state,state|place\r\n"
                      "\"said \"\"no\"\" to\",snubbed,symmetric,yes,state,state|organization\r\n";
    CHECK_OK(declare(csv));
    CHECK_INT(ng_rel_count(), before + 2);
    ng_rel v = ng_test_rel("visited"), s = ng_test_rel("snubbed");
    CHECK_INT(v, before);
    CHECK(!ng_rel_builtin(v) && !ng_rel_symmetric(v) && !ng_rel_hostile(v));
    CHECK(ng_rel_symmetric(s) && ng_rel_hostile(s));
    CHECK(ng_rel_allows(v, NG_ETYPE_STATE, NG_ETYPE_PLACE));
    CHECK(!ng_rel_allows(v, NG_ETYPE_ORG, NG_ETYPE_STATE));
    CHECK_STR(ng_rel_get(v)->description, "went to, in person");
    CHECK_STR(ng_rel_get(s)->description, "said \"no\" to");
    CHECK(declare(csv) == NG_EINVAL && strstr(ng_error_last(), "already declared"));

    /* the definitions written for a graph file read back as the same relations */
    ng_buf b = NG_BUF_INIT, list = NG_BUF_INIT;
    CHECK_OK(ng_rel_write_csv(&b, (uint64_t)1 << v | (uint64_t)1 << s));
    CHECK_STR(b.ptr, REL_HEADER "visited,directed,no,person|state,state|place,\"went to, in "
                                "person\"\nsnubbed,symmetric,yes,state,state|organization,"
                                "\"said \"\"no\"\" to\"\n");
    CHECK_OK(ng_rel_declare_csv("g.graphml", b.ptr, b.len, NG_REL_SAME_OK));
    CHECK_INT(ng_rel_count(), before + 2);
    const char *clash = REL_HEADER "visited,symmetric,no,person|state,state|place,x\n";
    CHECK_INT(ng_rel_declare_csv("g.graphml", clash, strlen(clash), NG_REL_SAME_OK), NG_EINVAL);
    CHECK(strstr(ng_error_last(), "g.graphml:2: relation 'visited' is declared here as "
                                  "symmetric, but this run already has it as directed"));
    /* legends name the declared types a graph uses, after the built-in ones */
    ng_rel_join(&list, NG_REL_IS_HOSTILE, (uint64_t)1 << s, ", ");
    CHECK_STR(list.ptr, "withdrew, condemned, cut_ties, sanctioned, snubbed");
    ng_buf_clear(&list);
    ng_rel_join(&list, NG_REL_IS_HOSTILE, 0, ", ");
    CHECK_STR(list.ptr, "withdrew, condemned, cut_ties, sanctioned");
    ng_buf_free(&b);
    ng_buf_free(&list);

    /* the table has room for NG_REL_MAX in all, and says so past that */
    ng_buf many = NG_BUF_INIT;
    ng_buf_puts(&many, REL_HEADER);
    for (size_t i = ng_rel_count(); i <= NG_REL_MAX; i++)
        ng_buf_printf(&many, "r%zu,directed,no,state,state,\n", i);
    CHECK_INT(declare(many.ptr), NG_EINVAL);
    CHECK(strstr(ng_error_last(), "more than 64 relation types"));
    ng_buf_free(&many);
}

NG_TEST(relations_file_is_read_or_refused)
{
    char path[] = "/tmp/ng_test_rel.XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    const char *csv = REL_HEADER "hosted,directed,no,state,person|state,welcomed on its soil\n";
    CHECK(write(fd, csv, strlen(csv)) == (ssize_t)strlen(csv));
    close(fd);
    CHECK_OK(ng_rel_declare_file(path));
    CHECK(ng_rel_allows(ng_test_rel("hosted"), NG_ETYPE_STATE, NG_ETYPE_PERSON));
    unlink(path);
    CHECK_INT(ng_rel_declare_file(path), NG_EIO);
    CHECK(strstr(ng_error_last(), path) != NULL);
}

NG_TEST(relations_file_lines_end_in_lf_crlf_or_lone_cr)
{
    /* lone CR (an old Mac spreadsheet): each row is named by its own line (issue 18, 11) */
    expect_refused_rows("name,direction,hostile,subjects,objects,description\r"
                        "journeyed,directed,no,person,state,x\rvisited,both,no,person,state,x\r",
                        "user.csv:3: unknown direction 'both' for 'visited'");
    expect_refused_rows(
        "name,direction,hostile,subjects,objects,description\r\n"
        "journeyed,directed,no,person,state,x\r\n\r\nvisited,both,no,person,state,x\r\n",
        "user.csv:4: unknown direction 'both' for 'visited'");
    /* a quoted description across a lone CR is one field (and not one line: refused) */
    expect_refused_rows("name,direction,hostile,subjects,objects,description\r"
                        "journeyed,directed,no,person,state,\"a\rb\"\r",
                        "user.csv:2: the description of 'journeyed'");
    size_t before = ng_rel_count();
    CHECK_OK(
        declare("name,direction,hostile,subjects,objects,description\r"
                "journeyed,directed,no,person,state,x\rsnubbed2,symmetric,yes,state,state,y\r"));
    CHECK_INT(ng_rel_count(), before + 2);
    CHECK_STR(ng_rel_get(ng_test_rel("snubbed2"))->description, "y");
}

NG_TEST(user_relations_are_forgotten_by_reset)
{
    size_t builtins = 0;
    while (builtins < ng_rel_count() && ng_rel_builtin((ng_rel)builtins))
        builtins++;
    CHECK(builtins >= 9);
    CHECK_OK(declare(REL_HEADER "waved_at,directed,no,person,person,x\n"));
    CHECK(ng_rel_count() > builtins);
    ng_rel__reset_user();
    CHECK_INT(ng_rel_count(), builtins);
    CHECK_INT(ng_rel_parse(&(ng_rel){0}, "waved_at"), NG_EINVAL);
    CHECK(ng_rel_get((ng_rel)builtins) == NULL);
    CHECK(ng_rel_builtin(ng_test_rel("met")) && ng_rel_builtin(ng_test_rel("sanctioned")));
    /* the same name can be declared again, with another definition */
    CHECK_OK(declare(REL_HEADER "waved_at,symmetric,no,person,person,x\n"));
    CHECK(ng_rel_symmetric(ng_test_rel("waved_at")));
    ng_rel__reset_user();
    ng_rel__reset_user(); /* nothing to forget: no change */
    CHECK_INT(ng_rel_count(), builtins);
}

NG_TEST(doc_records_copy_their_strings)
{
    ng_doc *d = NULL;
    CHECK_OK(ng_doc_new(&d, "a1", "dir/a1.txt"));
    char key[32], label[32];
    uint32_t idx[20];
    for (int i = 0; i < 20; i++) {
        snprintf(key, sizeof key, "state:s%d", i);
        snprintf(label, sizeof label, "S%d", i);
        ng_actor a = {key, label, NG_ETYPE_STATE, 1, 0, label};
        CHECK_OK(ng_doc_add_actor(d, &a, &idx[i]));
        CHECK_INT(idx[i], i);
    }
    char sentence[] = "S0 met S1.";
    ng_relation r = {0, 1, ng_test_rel("met"), sentence, 7, "2024-01-02"};
    CHECK_OK(ng_doc_add_relation(d, &r));
    sentence[0] = 'X';
    CHECK_STR(d->relations[0].sentence, "S0 met S1.");
    CHECK_STR(d->actors[19].key, "state:s19");
    CHECK_STR(d->relations[0].date, "2024-01-02");
    ng_doc_free(d);
    ng_doc_free(NULL);
}

/* The doc's strings live in its pool: they stay intact while it grows past many blocks (and
 * for a string longer than a block), and the relations of one sentence share its copy. */
NG_TEST(doc_pool_keeps_strings_and_shares_a_sentence)
{
    ng_doc *d = NULL;
    uint32_t idx = 9;
    char big[5000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK_OK(ng_doc_new(&d, "a1", "dir/a1.txt"));
    for (int i = 0; i < 400; i++) {
        char key[64], label[64];
        snprintf(key, sizeof key, "state:a rather long key number %d", i);
        snprintf(label, sizeof label, "Label %d", i);
        ng_actor a = {key, i == 200 ? big : label, NG_ETYPE_STATE, 1, 0, NULL};
        CHECK_OK(ng_doc_add_actor(d, &a, &idx));
        CHECK_INT(idx, i);
    }
    CHECK_STR(d->actors[0].key, "state:a rather long key number 0");
    CHECK_STR(d->actors[199].label, "Label 199");
    CHECK_INT(strlen(d->actors[200].label), sizeof big - 1);
    CHECK_STR(d->actors[399].key, "state:a rather long key number 399");
    CHECK_STR(d->actors[399].aliases, "");
    const char *text = "S0 met S1. S1 met S2.";
    ng_relation r = {0, 1, ng_test_rel("met"), NULL, 0, "2024-01-02"};
    CHECK_OK(ng_doc_add_relation_text(d, &r, text, 10));
    r.target = 2;
    CHECK_OK(ng_doc_add_relation_text(d, &r, text, 10)); /* the same sentence */
    r.offset = 11;
    CHECK_OK(ng_doc_add_relation_text(d, &r, text + 11, 10));
    CHECK_INT(d->n_relations, 3);
    CHECK_STR(d->relations[0].sentence, "S0 met S1.");
    CHECK(d->relations[1].sentence == d->relations[0].sentence);
    CHECK_STR(d->relations[2].sentence, "S1 met S2.");
    CHECK_INT(d->relations[2].offset, 11);
    ng_doc_free(d);
}

NG_TEST(reader_walks_directories_in_sorted_order)
{
    char path[512], texts[8][256];
    skips s = {{0}, 0};
    make_tmpdir();
    snprintf(path, sizeof path, "%s/b", tmpdir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/b/z.txt", tmpdir);
    write_file(path, "Zed.", 4);
    snprintf(path, sizeof path, "%s/a.txt", tmpdir);
    write_file(path, "Alpha.", 6);
    snprintf(path, sizeof path, "%s/c.txt.gz", tmpdir);
    write_gz(path, "Gamma compressed.", 17);
    snprintf(path, sizeof path, "%s/.hidden.txt", tmpdir);
    write_file(path, "hidden", 6);
    snprintf(path, sizeof path, "%s/empty.txt", tmpdir);
    write_file(path, "", 0);
    snprintf(path, sizeof path, "%s/image.png", tmpdir);
    write_file(path, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\0", 20);
    snprintf(path, sizeof path, "%s/loop", tmpdir);
    CHECK(symlink(".", path) == 0);
    const char *in[] = {tmpdir};
    CHECK_STR(read_all(in, 1, &s, texts), "a,b/z,c");
    CHECK_STR(texts[2], "Gamma compressed.");
    CHECK(strstr(s.text, "empty.txt: empty file") != NULL);
    CHECK(strstr(s.text, "1 file is not an article, skipped (image.png)") != NULL);
    CHECK(strstr(s.text, "loop: directory loop") != NULL);
    CHECK_INT(s.n, 3);
    rm_rf(tmpdir);
}

NG_TEST(reader_reports_missing_input_up_front)
{
    ng_reader *r = NULL;
    const char *in[] = {"/nonexistent/ng/input.txt"};
    CHECK(ng_reader_new(&r, in, 1, NULL) == NG_EIO);
    CHECK(r == NULL);
    CHECK(strstr(ng_error_last(), "/nonexistent/ng/input.txt") != NULL);
}

NG_TEST(reader_skips_truncated_and_corrupt_gzip)
{
    char good[512], bad[512], corrupt[512];
    skips s = {{0}, 0};
    make_tmpdir();
    snprintf(good, sizeof good, "%s/good.txt.gz", tmpdir);
    char text[4000];
    for (size_t i = 0; i < sizeof text; i++) text[i] = (char)('a' + (i * 7) % 26);
    write_gz(good, text, sizeof text);
    /* truncated: the first half of a gzip file */
    FILE *fp = fopen(good, "rb");
    char gzbytes[8192];
    size_t n = fread(gzbytes, 1, sizeof gzbytes, fp);
    fclose(fp);
    snprintf(bad, sizeof bad, "%s/truncated.txt.gz", tmpdir);
    write_file(bad, gzbytes, n / 2);
    snprintf(corrupt, sizeof corrupt, "%s/corrupt.txt.gz", tmpdir);
    gzbytes[20] ^= 0x55;
    gzbytes[40] ^= 0x55;
    write_file(corrupt, gzbytes, n);
    const char *in[] = {bad, corrupt, good};
    CHECK_STR(read_all(in, 3, &s, NULL), "good");
    CHECK_INT(s.n, 2);
    CHECK(strstr(s.text, "truncated.txt.gz:") != NULL);
    CHECK(strstr(s.text, "corrupt.txt.gz:") != NULL);
    rm_rf(tmpdir);
}

NG_TEST(reader_caps_article_size)
{
    char path[512];
    skips s = {{0}, 0};
    make_tmpdir();
    snprintf(path, sizeof path, "%s/big.txt", tmpdir);
    char *big = malloc(300000);
    memset(big, 'x', 300000);
    write_file(path, big, 300000);
    free(big);
    ng_reader *r = NULL;
    ng_reader_opts o = {100000, on_skip, &s, 0, 0};
    const char *in[] = {path};
    CHECK_OK(ng_reader_new(&r, in, 1, &o));
    ng_article *a = NULL;
    CHECK_OK(ng_reader_next(r, &a));
    CHECK(a == NULL);
    CHECK(strstr(s.text, "article size cap") != NULL);
    ng_reader_free(r);
    rm_rf(tmpdir);
}

NG_TEST(reader_decodes_utf16_with_bom)
{
    char path[512], texts[8][256];
    skips s = {{0}, 0};
    make_tmpdir();
    snprintf(path, sizeof path, "%s/u16.txt", tmpdir);
    /* "Hé" in UTF-16LE with BOM */
    write_file(path, "\xff\xfeH\0\xe9\0", 6);
    const char *in[] = {path};
    CHECK_STR(read_all(in, 1, &s, texts), "u16");
    CHECK_STR(texts[0], "H\xc3\xa9");
    rm_rf(tmpdir);
}

NG_TEST(reader_csv_rows_with_line_numbers)
{
    char path[512], texts[8][256];
    skips s = {{0}, 0};
    make_tmpdir();
    snprintf(path, sizeof path, "%s/corpus.csv", tmpdir);
    const char *csv = "id,date,Title,text\n"
                      "r1,2024-03-01,One,\"First article,\nwith a newline.\"\n"
                      "r2,2024-03-02,Two\n"        /* ragged: 3 fields */
                      "r3,,Three,Third article.\n"
                      ",bad-date,Four,Fourth.\n";
    write_file(path, csv, strlen(csv));
    const char *in[] = {path};
    CHECK_STR(read_all(in, 1, &s, texts), "r1@2024-03-01,r3,corpus:6");
    CHECK_STR(texts[0], "First article,\nwith a newline.");
    CHECK(strstr(s.text, "corpus.csv:4: row has 3 fields, the header has 4") != NULL);
    CHECK(strstr(s.text, "corpus.csv:6: date 'bad-date'") != NULL);
    rm_rf(tmpdir);
}

NG_TEST(reader_csv_without_text_column_or_with_open_quote)
{
    char p1[512], p2[512], p3[512];
    skips s = {{0}, 0};
    make_tmpdir();
    snprintf(p1, sizeof p1, "%s/notext.csv", tmpdir);
    write_file(p1, "id,body\n1,x\n", 12);
    snprintf(p2, sizeof p2, "%s/open.csv", tmpdir);
    const char *open = "id,text\n1,Good row.\n2,\"never closed\n3,lost\n";
    write_file(p2, open, strlen(open));
    snprintf(p3, sizeof p3, "%s/after.csv.gz", tmpdir);
    write_gz(p3, "text\nStill read.\n", 17);
    const char *in[] = {p1, p2, p3};
    /* The quote opened on line 3 never closes: that row is lost, line 4 is read again. */
    CHECK_STR(read_all(in, 3, &s, NULL), "1,3,after:2");
    CHECK(strstr(s.text, "notext.csv: CSV corpus has no 'text' column: its header has 2 "
                         "columns ('id', 'body'; read with ',' between them)") != NULL);
    CHECK(strstr(s.text, "open.csv:3: unterminated quoted field") != NULL);
    rm_rf(tmpdir);
}

static int count_entries(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) n += e->d_name[0] != '.';
    if (d) closedir(d);
    return n;
}

NG_TEST(out_is_atomic_and_gzip_round_trips)
{
    char path[512];
    make_tmpdir();
    snprintf(path, sizeof path, "%s/g.txt.gz", tmpdir);
    ng_out *o = NULL;
    CHECK_OK(ng_out_open(&o, path, 1));
    for (int i = 0; i < 1000; i++) ng_out_printf(o, "line %d\n", i);
    CHECK(access(path, F_OK) != 0); /* not there before commit */
    CHECK_OK(ng_out_commit(o));
    ng_out_free(o);
    CHECK_INT(count_entries(tmpdir), 1);
    gzFile gz = gzopen(path, "rb");
    char buf[16];
    CHECK(gz && gzread(gz, buf, 7) == 7 && memcmp(buf, "line 0\n", 7) == 0);
    if (gz) gzclose(gz);
    /* an abandoned output leaves nothing behind */
    snprintf(path, sizeof path, "%s/abandoned.txt", tmpdir);
    CHECK_OK(ng_out_open(&o, path, 0));
    ng_out_puts(o, "partial");
    ng_out_free(o);
    CHECK(access(path, F_OK) != 0);
    CHECK_INT(count_entries(tmpdir), 1);
    rm_rf(tmpdir);
}

NG_TEST(out_reports_full_disk)
{
    if (access("/dev/full", W_OK) != 0) SKIP("no /dev/full");
    ng_out *o = NULL;
    CHECK_OK(ng_out_open(&o, "/dev/full", 0));
    char block[8192];
    memset(block, 'x', sizeof block);
    for (int i = 0; i < 16; i++) ng_out_write(o, block, sizeof block);
    CHECK(ng_out_commit(o) == NG_EIO);
    CHECK(strstr(ng_error_last(), "/dev/full: write failed") != NULL);
    ng_out_free(o);
}

NG_TEST(out_refuses_missing_directory)
{
    CHECK(ng_out_check_path("/nonexistent/dir/x.graphml") == NG_EIO);
    CHECK(strstr(ng_error_last(), "does not exist") != NULL);
    CHECK_OK(ng_out_check_path("relative-name.graphml"));
}

/* Issue 18 (finding 13): the registry the signal handler empties has no fixed size (it held
 * 64 entries: the 65th temporary file outlived a signal). */
NG_TEST(cleanup_removes_every_open_temporary_file)
{
    enum { N = 200 };
    char path[512];
    ng_out *o[N];
    make_tmpdir();
    for (int i = 0; i < N; i++) {
        snprintf(path, sizeof path, "%s/g%d.graphml", tmpdir, i);
        o[i] = NULL;
        CHECK_OK(ng_out_open(&o[i], path, 0));
        ng_out_puts(o[i], "partial");
    }
    CHECK_INT(count_entries(tmpdir), N);
    ng_cleanup_run(); /* what the signal handler does */
    CHECK_INT(count_entries(tmpdir), 0);
    for (int i = 0; i < N; i++) ng_out_free(o[i]);
    /* the entries were given back: a tracked path is removed, an untracked one is not */
    snprintf(path, sizeof path, "%s/kept", tmpdir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) fclose(f);
    int h = ng_cleanup_track_file(path);
    CHECK(h >= 0);
    ng_cleanup_untrack(h);
    ng_cleanup_run();
    CHECK_INT(count_entries(tmpdir), 1);
    rm_rf(tmpdir);
}

NG_TEST_MAIN(buf_appends_and_formats, doc_pool_keeps_strings_and_shares_a_sentence,
             array_grow_doubles_and_refuses_overflow, suffixes_exact_and_ignoring_case,
             dates_are_real_calendar_days, dates_as_written_keep_their_precision,
             thread_count_defaults_to_cores_and_is_capped, fold_case_accents_punctuation,
             relation_and_type_names_round_trip, built_in_relations_come_from_relations_csv,
             declared_relations_are_checked_row_by_row, declared_relations_join_the_table,
             standing_ties_are_a_column_of_the_table, states_have_their_iso_codes,
             relations_file_is_read_or_refused, relations_file_lines_end_in_lf_crlf_or_lone_cr,
             user_relations_are_forgotten_by_reset, doc_records_copy_their_strings,
             reader_walks_directories_in_sorted_order, reader_reports_missing_input_up_front,
             reader_skips_truncated_and_corrupt_gzip, reader_caps_article_size,
             reader_decodes_utf16_with_bom, reader_csv_rows_with_line_numbers,
             reader_csv_without_text_column_or_with_open_quote, out_is_atomic_and_gzip_round_trips,
             out_reports_full_disk, out_refuses_missing_directory,
             cleanup_removes_every_open_temporary_file)
