/* test_hostile.c - the reader against malformed input found by fuzzing and by the hostile
 * suite (issue 8): each case is an input that once misbehaved, and the behaviour it must have.
 * The command-level cases are in the tests/hostile shell cases. */
#include "ng_core.h"
#include "ng_test.h"
#define NG_TEST_FILES_NAME "test_hostile"
#include "ng_test_files.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>


/* Everything a read gave: "id@date" of each article, and the skip messages. */
typedef struct result {
    char ids[2048];
    char skips[8192];
    int n_skips;
    int unfinished; /* articles whose text does not end with a full stop */
} result;

static void on_skip(void *ctx, const char *origin, const char *msg)
{
    result *res = ctx;
    size_t used = strlen(res->skips);
    snprintf(res->skips + used, sizeof res->skips - used, "%s: %s\n", origin, msg);
    res->n_skips++;
}

static int read_all(result *res, const char *path, size_t cap)
{
    ng_reader *r = NULL;
    ng_reader_opts o = {cap, on_skip, res, 0, 0};
    const char *in[] = {path};
    memset(res, 0, sizeof *res);
    if (ng_reader_new(&r, in, 1, &o) < 0) return -1;
    for (;;) {
        ng_article *a = NULL;
        if (ng_reader_next(r, &a) < 0) {
            ng_reader_free(r);
            return -1;
        }
        if (!a) break;
        size_t used = strlen(res->ids);
        snprintf(res->ids + used, sizeof res->ids - used, "%s%s%s%s", used ? "," : "", a->id,
                 a->date ? "@" : "", a->date ? a->date : "");
        res->unfinished += a->len == 0 || a->text[a->len - 1] != '.';
        ng_article_free(a);
    }
    ng_reader_free(r);
    return 0;
}

/* Found by fuzz_reader_text: a UTF-16 byte-order mark with nothing after it (or one odd byte)
 * gave an empty article instead of the "empty file" skip. */
NG_TEST(empty_inputs_are_reported)
{
    result res;
    make_tmpdir();
    const char *p = at("bom.txt");
    write_file(p, "\xff\xfe\x41", 3);
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK_STR(res.ids, "");
    CHECK(strstr(res.skips, "bom.txt: empty file") != NULL);
    write_file(p, "\xfe\xff", 2);
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK_STR(res.ids, "");
    CHECK_INT(res.n_skips, 1);
    /* Found by the hostile suite: an empty CSV corpus was passed over in silence. */
    p = at("none.csv");
    write_file(p, "", 0);
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK(strstr(res.skips, "none.csv: empty file") != NULL);
    write_file(p, "\n\n  \n", 5);
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK(strstr(res.skips, "none.csv: empty file") != NULL);
    rm_rf(tmpdir);
}

/* A row whose quoted text spans lines is named by its first line, as an editor shows it. */
NG_TEST(csv_multiline_row_named_by_its_first_line)
{
    result res;
    make_tmpdir();
    const char *p = at("ml.csv");
    const char *csv = "text,id\n"
                      "\"first line\nsecond\nthird\",,extra\n"  /* ragged, starts on line 2 */
                      "\n"
                      "ok,k5\n";
    write_file(p, csv, strlen(csv));
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK_STR(res.ids, "k5");
    CHECK(strstr(res.skips, "ml.csv:2: row has 3 fields") != NULL);
    rm_rf(tmpdir);
}

/* A date column must name a real day: 2023-02-29 and month 13 are dropped (with a warning),
 * a leap day and a timestamp are kept. */
NG_TEST(csv_dates_must_be_calendar_days)
{
    result res;
    make_tmpdir();
    const char *p = at("d.csv");
    const char *csv = "id,date,text\n" /* distinct texts: a repeated text counts once */
                      "a,2023-02-29,xa\n"
                      "b,2024-02-29,xb\n"
                      "c,2020-13-01,xc\n"
                      "d,2021-04-31,xd\n"
                      "e,2021-12-31T23:59:00Z,xe\n";
    write_file(p, csv, strlen(csv));
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK_STR(res.ids, "a,b@2024-02-29,c,d,e@2021-12-31");
    CHECK(strstr(res.skips, "d.csv:2: date '2023-02-29' is not") != NULL);
    CHECK(strstr(res.skips, "d.csv:4: date '2020-13-01'") != NULL);
    CHECK(strstr(res.skips, "d.csv:5: date '2021-04-31'") != NULL);
    rm_rf(tmpdir);
}

/* One stray quote costs its row, not the rest of the file; in the header it costs the file. */
NG_TEST(csv_stray_quote_skips_one_row)
{
    result res;
    make_tmpdir();
    const char *p = at("q.csv");
    const char *csv = "id,text\n"
                      "a,fine\n"
                      "b,\"closed\" then text\n"
                      "c,un\"doubled\n"
                      "d,also fine\n";
    write_file(p, csv, strlen(csv));
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK_STR(res.ids, "a,d");
    CHECK(strstr(res.skips, "q.csv:3: malformed CSV at line 3") != NULL);
    CHECK(strstr(res.skips, "q.csv:4: malformed CSV at line 4") != NULL);
    CHECK_INT(res.n_skips, 2);
    const char *bad_header = "id,te\"xt\na,b\n";
    write_file(p, bad_header, strlen(bad_header));
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK_STR(res.ids, "");
    CHECK(strstr(res.skips, "q.csv:1: malformed CSV header") != NULL);
    CHECK_INT(res.n_skips, 1);
    rm_rf(tmpdir);
}

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* A cell far larger than the cap is skipped with its row's line, the rows after it are read,
 * and memory stays near the cap (libcsv would otherwise buffer the whole cell). */
NG_TEST(csv_huge_cell_is_skipped_in_bounded_memory)
{
    result res;
    make_tmpdir();
    const char *p = at("big.csv");
    FILE *fp = fopen(p, "wb");
    if (!fp) abort();
    fputs("id,text\nsmall,before\nbig,\"", fp);
    char line[1024];
    memset(line, 'w', sizeof line - 1);
    line[sizeof line - 1] = '\n';
    for (int i = 0; i < 24 * 1024; i++) fwrite(line, 1, sizeof line, fp); /* 24 MB, 24k lines */
    fputs("\"\nspaces,tail", fp);
    for (int i = 0; i < 7000; i++) fwrite("          ", 1, 10, fp); /* blanks across chunks */
    fputs("\nafter,kept\n", fp);
    fclose(fp);
    long before = max_rss_kb();
    CHECK_INT(read_all(&res, p, 1024), 0);
    long grown = max_rss_kb() - before;
    CHECK_STR(res.ids, "small,after");
    CHECK(strstr(res.skips, "big.csv:3: row larger than the article size cap (1024 bytes)") !=
          NULL);
    CHECK(strstr(res.skips, "big.csv:24580: row larger than the article size cap") != NULL);
    CHECK_INT(res.n_skips, 2);
    if (grown > 12 * 1024) fprintf(stderr, "peak memory grew by %ld KB\n", grown);
    CHECK(grown <= 12 * 1024);
    rm_rf(tmpdir);
}

/* A row of 5,000 empty fields is skipped (fields beyond NG_CSV_MAX_FIELDS are not stored). */
NG_TEST(csv_row_with_too_many_fields)
{
    result res;
    make_tmpdir();
    const char *p = at("wide.csv");
    FILE *fp = fopen(p, "wb");
    if (!fp) abort();
    fputs("text,id\nx", fp);
    for (int i = 0; i < 5000; i++) fputc(',', fp);
    fputs("\nkept,k\n", fp);
    fclose(fp);
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK_STR(res.ids, "k");
    CHECK(strstr(res.skips, "wide.csv:2: row larger than the article size cap") != NULL);
    rm_rf(tmpdir);
}

/* A truncated .csv.gz loses the row it was cut in (not read as a shorter article). */
NG_TEST(csv_gz_cut_mid_row_drops_that_row)
{
    result res;
    make_tmpdir();
    const char *whole = at("whole.csv.gz");
    const char *cut = at("cut.csv.gz");
    char rows[64 * 1024];
    size_t n = (size_t)snprintf(rows, sizeof rows, "id,text\n");
    for (int i = 0; i < 400 && n + 200 < sizeof rows; i++)
        n += (size_t)snprintf(rows + n, sizeof rows - n, "r%d,Row %d has some words that take "
                              "room and %d of them.\n", i, i, i * 7919 % 1000);
    gzFile gz = gzopen(whole, "wb1");
    gzwrite(gz, rows, (unsigned)n);
    gzclose(gz);
    FILE *fp = fopen(whole, "rb");
    static char zbytes[64 * 1024];
    size_t zn = fp ? fread(zbytes, 1, sizeof zbytes, fp) : 0;
    if (fp) fclose(fp);
    CHECK(zn > 100);
    /* Cut at 24 places in a row: some fall inside a text field. */
    int unfinished = 0, reported = 0;
    for (size_t at = zn / 2; at < zn / 2 + 24; at++) {
        write_file(cut, zbytes, at);
        CHECK_INT(read_all(&res, cut, 0), 0);
        reported += strstr(res.skips, "cut.csv.gz: truncated gzip file after line") != NULL;
        unfinished += res.unfinished;
        /* The ids given are the rows r0..rK in order: none is lost before the cut. */
        int k = 0;
        for (const char *s = res.ids; *s; k++) {
            char id[16];
            snprintf(id, sizeof id, "r%d", k);
            CHECK(strncmp(s, id, strlen(id)) == 0);
            s = strchr(s, ',');
            if (!s) break;
            s++;
        }
        CHECK(k > 10 && k < 399);
    }
    CHECK_INT(reported, 24);
    CHECK_INT(unfinished, 0);
    rm_rf(tmpdir);
}

/* Found by fuzz_reader_csv: a newline inside a quoted date field reached the warning, which
 * then spanned two lines. Reports are one line whatever the field or the file name holds:
 * control characters are escaped (issue 18: shown as \n, not a space, so the name reads as
 * it is). */
NG_TEST(reports_stay_on_one_line)
{
    result res;
    make_tmpdir();
    const char *p = at("nl.csv");
    const char *csv = "id,date,text\nx,\"2020\nfake: line\",words\n";
    write_file(p, csv, strlen(csv));
    CHECK_INT(read_all(&res, p, 0), 0);
    CHECK_STR(res.ids, "x");
    CHECK_INT(res.n_skips, 1);
    CHECK(strstr(res.skips, "nl.csv:2: date '2020\\nfake: line' is not") != NULL);
    char dir[600];
    snprintf(dir, sizeof dir, "%s/d", tmpdir);
    mkdir(dir, 0755);
    write_file(at("d/bad\nname.txt"), "", 0);
    CHECK_INT(read_all(&res, dir, 0), 0);
    CHECK(strstr(res.skips, "/d/bad\\nname.txt: empty file") != NULL);
    CHECK_INT(res.n_skips, 1);
    rm_rf(tmpdir);
}

NG_TEST_MAIN(empty_inputs_are_reported, csv_multiline_row_named_by_its_first_line,
             csv_dates_must_be_calendar_days, csv_stray_quote_skips_one_row,
             csv_huge_cell_is_skipped_in_bounded_memory, csv_row_with_too_many_fields,
             csv_gz_cut_mid_row_drops_that_row, reports_stay_on_one_line)
