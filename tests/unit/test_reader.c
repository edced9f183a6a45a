/* test_reader.c - unit tests of the reader's kinds of input (core/reader_*.c): web pages,
 * JSON Lines, CSV dialects and line ends, encodings, the listing (kinds, links, caps),
 * duplicate ids, and the id set. Every input is written by the test itself. */
#include "ng_core.h"
#include "ng_test.h"
#define NG_TEST_FILES_NAME "test_reader"
#include "ng_test_files.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>


static void put(const char *name, const char *text) { write_file(at(name), text, strlen(text)); }

/* What a read gave: per article "id|date|title|url" and its text; the reports. */
typedef struct got {
    char meta[8][512];
    char text[8][2048];
    int n;
    char reports[8192];
    int n_reports;
    size_t skipped;
} got;

static void on_skip(void *ctx, const char *origin, const char *msg)
{
    got *g = ctx;
    size_t used = strlen(g->reports);
    snprintf(g->reports + used, sizeof g->reports - used, "%s: %s\n", origin, msg);
    g->n_reports++;
}

static int read_inputs(got *g, const char *const *in, size_t n, size_t cap, size_t max_entries)
{
    ng_reader *r = NULL;
    ng_reader_opts o = {cap, on_skip, g, max_entries, 0};
    memset(g, 0, sizeof *g);
    int error = ng_reader_new(&r, in, n, &o);
    if (error < 0) return error;
    for (;;) {
        ng_article *a = NULL;
        if ((error = ng_reader_next(r, &a)) < 0 || !a) break;
        if (g->n < 8) {
            snprintf(g->meta[g->n], sizeof g->meta[g->n], "%s|%s|%s|%s", a->id,
                     a->date ? a->date : "", a->title ? a->title : "", a->url ? a->url : "");
            snprintf(g->text[g->n], sizeof g->text[g->n], "%.*s", (int)a->len, a->text);
        }
        g->n++;
        ng_article_free(a);
    }
    g->skipped = ng_reader_skipped(r);
    ng_reader_free(r);
    return error;
}

static int read_one(got *g, const char *path)
{
    const char *in[] = {path};
    return read_inputs(g, in, 1, 0, 0);
}

#define CHECK_HAS(hay, needle)                                                                   \
    do {                                                                                       \
        if (!strstr((hay), (needle))) {                                                        \
            fprintf(stderr, "%s:%d: '%s' not in:\n%s\n", __FILE__, __LINE__, (needle), (hay)); \
            ng_test_failed_ = 1;                                                               \
        }                                                                                      \
    } while (0)

/* ------------------------------------------------------------------ web pages */

static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n"
    "<title>Sahel exit | Example   News</title>\n"
    "<meta property=\"og:url\" content=\"https://example.org/og\">\n"
    "<meta name=\"date\" content=\"2023-03-30\">\n"
    "<meta property=\"article:published_time\" content=\"2023-04-02T10:00:00Z\">\n"
    "<link rel=\"canonical\" href=\"https://example.org/news/sahel\">\n"
    "<style>p { color: red }</style><script>var s = \"Chad met Sudan.\";</script></head>\n"
    "<body><header><nav><a href=\"/\">Home</a> Menu</nav><p>Site banner</p></header>\n"
    "<main><article><header><h1>Mali and Niger leave</h1></header>\n"
    "<p>Mali and Niger withdrew from ECOWAS on Sunday,\n   the two governments said.</p>"
    "<p>France <b>condemned</b> the coup.<br>Officials said &amp; wrote.</p>\n"
    "<ul><li>One</li><li>Two</li></ul>"
    "<div hidden>Ghana met Togo.</div><div style=\"Display : None\">Benin met Togo.</div>"
    "<span aria-hidden=\"true\">Icon</span><template><p>Template text</p></template>"
    "<noscript>Enable scripts</noscript>"
    "<aside>Related: Kenya signed with Uganda.</aside><form><label>Email</label>"
    "<button>Send</button></form></article></main>\n"
    "<footer>Copyright Egypt</footer></body></html>\n";

NG_TEST(html_keeps_the_article_and_drops_the_rest)
{
    got g;
    make_tmpdir();
    put("sahel.html", page);
    CHECK_OK(read_one(&g, at("sahel.html")));
    CHECK_INT(g.n, 1);
    CHECK_STR(g.meta[0],
              "sahel|2023-04-02|Sahel exit | Example News|https://example.org/news/sahel");
    CHECK_STR(g.text[0],
              "Mali and Niger leave\n\nMali and Niger withdrew from ECOWAS on Sunday, the "
              "two governments said.\n\nFrance condemned the coup.\nOfficials said & "
              "wrote.\n\nOne\nTwo");
    rm_rf(tmpdir);
}

/* og:title wins over <title>, og:url serves without a canonical link, a <time datetime> gives
 * the date without a date meta; outside <article> the body is the text; a relative canonical
 * link is not a URL one can cite. */
NG_TEST(html_title_url_date_fallbacks)
{
    got g;
    make_tmpdir();
    put("p.htm", "<html><head><title>Tab title</title><meta property=\"og:title\" content=\"Og "
                 "title\"><meta property=\"og:url\" content=\"https://x.org/a\"><link "
                 "rel=\"canonical\" href=\"/relative\"></head><body><div><time "
                 "datetime=\"2021-06-05T08:00\">June</time> Chad met Niger.</div></body></html>");
    CHECK_OK(read_one(&g, at("p.htm")));
    CHECK_STR(g.meta[0], "p|2021-06-05|Og title|https://x.org/a");
    CHECK_STR(g.text[0], "June Chad met Niger.");
    put("bad-date.html", "<meta name=date content=2021-02-30><p>Text.</p>");
    CHECK_OK(read_one(&g, at("bad-date.html")));
    CHECK_STR(g.meta[0], "bad-date|||");
    rm_rf(tmpdir);
}

/* The bytes given to libxml2 are valid UTF-8 whatever the page: a declared Latin charset is
 * converted, an undeclared Windows-1252 page is read as such, stray bytes become U+FFFD (and
 * never switch the rest of the page to Latin-1), UTF-16 is decoded. */
NG_TEST(html_encodings)
{
    got g;
    make_tmpdir();
    put("latin.html", "<meta charset=\"iso-8859-1\"><p>Lom\xe9 caf\xe9</p>");
    CHECK_OK(read_one(&g, at("latin.html")));
    CHECK_STR(g.text[0], "Lom\xc3\xa9 caf\xc3\xa9");
    put("cp1252.html", "<p>\x93Lom\xe9\x94</p>");
    CHECK_OK(read_one(&g, at("cp1252.html")));
    CHECK_STR(g.text[0], "\xe2\x80\x9cLom\xc3\xa9\xe2\x80\x9d");
    put("mixed.html", "<p>Lom\xc3\xa9 \xff and caf\xc3\xa9</p>");
    CHECK_OK(read_one(&g, at("mixed.html")));
    CHECK_STR(g.text[0], "Lom\xc3\xa9 \xef\xbf\xbd and caf\xc3\xa9");
    write_file(at("u16.html"), "\xff\xfe<\0p\0>\0\xe9\0<\0/\0p\0>\0", 18);
    CHECK_OK(read_one(&g, at("u16.html")));
    CHECK_STR(g.text[0], "\xc3\xa9");
    rm_rf(tmpdir);
}

/* A page with nothing to read is reported; a newsgraph report is not an article. */
NG_TEST(html_empty_page_and_our_report)
{
    got g;
    make_tmpdir();
    put("nav.html", "<nav>Home</nav><script>x()</script>");
    CHECK_OK(read_one(&g, at("nav.html")));
    CHECK_INT(g.n, 0);
    CHECK_HAS(g.reports, "nav.html: no article text in this page");
    put("report.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\" />\n<meta "
                       "name=\"generator\" content=\"newsgraph 0.1.0\" />\n<title>r</title>"
                       "</head><body><p>Mali met Niger.</p></body></html>");
    CHECK_OK(read_one(&g, at("report.html")));
    CHECK_INT(g.n, 0);
    CHECK_HAS(g.reports, "1 file newsgraph writes");
    CHECK_INT((int)g.skipped, 0);
    rm_rf(tmpdir);
}

/* ------------------------------------------------------------------ JSON Lines */

NG_TEST(jsonl_lines_fields_and_broken_lines)
{
    got g;
    make_tmpdir();
    put("c.jsonl", "{\"id\": 7, \"title\": \"T\", \"url\": \"https://x\", \"published\": "
                   "\"2023-05-10T00:00:00Z\", \"text\": \"First.\"}\n"
                   "{broken\r\n"
                   "\n"
                   "{\"text\": \"Second\\nline.\", \"date\": \"May 2023\", \"id\": \"s2\"}\r"
                   "[1]\n"
                   "{\"title\": \"no text\", \"body\": \"x\"}\n"
                   "{\"text\": \"\"}\n"
                   "{\"text\": \"Caf\xe9 \\u0000 end.\"}");
    CHECK_OK(read_one(&g, at("c.jsonl")));
    CHECK_INT(g.n, 3);
    CHECK_STR(g.meta[0], "7|2023-05-10|T|https://x");
    CHECK_STR(g.meta[1], "s2|||");
    CHECK_STR(g.text[1], "Second\nline.");
    CHECK_STR(g.meta[2], "c:8|||");
    CHECK(memcmp(g.text[2], "Caf\xef\xbf\xbd ", 7) == 0);
    CHECK_HAS(g.reports, "c.jsonl:2: not valid JSON");
    CHECK_HAS(g.reports, "c.jsonl:4: 'date' 'May 2023' is not YYYY-MM-DD");
    CHECK_HAS(g.reports, "c.jsonl:5: not a JSON object");
    CHECK_HAS(g.reports, "c.jsonl:6: no 'text' string in this object (its keys: 'title', 'body')");
    CHECK_HAS(g.reports, "c.jsonl:7: empty 'text'");
    CHECK_HAS(g.reports, "c.jsonl: 1 invalid UTF-8 bytes replaced in 1 lines");
    CHECK_INT((int)g.skipped, 4);
    rm_rf(tmpdir);
}

/* An id holding "\u0000" would be cut to nothing (or collide) as a C string: the article keeps
 * its line-number id and the line is named; a title with one is cut, not refused. */
NG_TEST(jsonl_id_with_nul_keeps_the_line_id)
{
    got g;
    make_tmpdir();
    put("n.jsonl", "{\"id\": \"\\u0000x\", \"text\": \"Mali met Niger.\"}\n"
                   "{\"id\": \"a\\u0000b\", \"title\": \"T\\u0000U\", \"text\": \"Chad.\"}\n"
                   "{\"id\": \"ok\", \"text\": \"Benin.\"}\n");
    CHECK_OK(read_one(&g, at("n.jsonl")));
    CHECK_INT(g.n, 3);
    CHECK_STR(g.meta[0], "n:1|||");
    CHECK_STR(g.meta[1], "n:2||T|");
    CHECK_STR(g.meta[2], "ok|||");
    CHECK_HAS(g.reports,
              "n.jsonl:1: 'id' holds a NUL character: the article keeps its line number");
    CHECK_HAS(g.reports, "n.jsonl:2: 'id' holds a NUL character");
    CHECK_INT((int)g.skipped, 0);
    rm_rf(tmpdir);
}

/* A JSON array is named as such; a line over the cap is skipped without holding it. */
NG_TEST(jsonl_array_and_line_cap)
{
    got g;
    make_tmpdir();
    put("arr.jsonl", "[\n{\"text\": \"x\"}\n]\n");
    CHECK_OK(read_one(&g, at("arr.jsonl")));
    CHECK_INT(g.n, 0);
    CHECK_HAS(g.reports, "arr.jsonl: a JSON array (one document), not JSON Lines");
    FILE *fp = fopen(at("long.jsonl"), "wb");
    fputs("{\"text\": \"", fp);
    for (int i = 0; i < 20000; i++) fputs("words ", fp); /* over twice the cap plus 64 KiB */
    fputs("\"}\n{\"text\": \"Short.\"}\n{\"text\": \"", fp);
    for (int i = 0; i < 500; i++) fputs("words ", fp);    /* over the cap */
    fputs("\"}\n", fp);
    fclose(fp);
    const char *in[] = {at("long.jsonl")};
    CHECK_OK(read_inputs(&g, in, 1, 1000, 0));
    CHECK_INT(g.n, 1);
    CHECK_STR(g.text[0], "Short.");
    CHECK_HAS(g.reports, "long.jsonl:1: line longer than 67536 bytes");
    CHECK_HAS(g.reports, "long.jsonl:3: text larger than the article size cap (1000 bytes)");
    rm_rf(tmpdir);
}

/* ------------------------------------------------------------------ CSV */

NG_TEST(csv_delimiters_from_the_header)
{
    got g;
    make_tmpdir();
    put("semi.csv", "id;date;text\nx1;2023-06-01;\"Togo; Benin, and Ghana.\"\n");
    put("tab.tsv", "id\ttext\ttitle\nt1\tKenya, Uganda.\tA; b\n");
    put("comma.csv", "\"a;b\",text\n1,\"x;y\"\n");
    const char *in[] = {at("semi.csv"), at("tab.tsv"), at("comma.csv")};
    CHECK_OK(read_inputs(&g, in, 3, 0, 0));
    CHECK_INT(g.n, 3);
    CHECK_STR(g.meta[0], "x1|2023-06-01||");
    CHECK_STR(g.text[0], "Togo; Benin, and Ghana.");
    CHECK_STR(g.meta[1], "t1||A; b|");
    CHECK_STR(g.text[1], "Kenya, Uganda.");
    CHECK_STR(g.text[2], "x;y");
    put("body.csv", "id;title;body\n1;t;b\n");
    CHECK_OK(read_one(&g, at("body.csv")));
    CHECK_HAS(g.reports, "body.csv: CSV corpus has no 'text' column: its header has 3 columns "
                         "('id', 'title', 'body'; read with ';' between them)");
    rm_rf(tmpdir);
}

/* Lone CR line ends (old Mac exports): rows split, each named by its own line, and a stray
 * quote costs its own row only. Issue 18, item 11. */
NG_TEST(csv_lone_cr_line_ends)
{
    got g;
    make_tmpdir();
    put("cr.csv", "id,text\rr1,One.\rr2,un\"doubled\rr3,\"closed\" then\rr4,Four.\rr5,5\r\n"
                  "r6,Six.\r");
    CHECK_OK(read_one(&g, at("cr.csv")));
    CHECK_INT(g.n, 4);
    CHECK_STR(g.meta[0], "r1|||");
    CHECK_STR(g.meta[3], "r6|||");
    CHECK_HAS(g.reports, "cr.csv:3: malformed CSV at line 3");
    CHECK_HAS(g.reports, "cr.csv:4: malformed CSV at line 4");
    CHECK_INT(g.n_reports, 2);
    /* Without line numbers per CR, a row without an id is named by its own line. */
    put("cr2.csv", "text\rA.\rB.\rC.\r");
    CHECK_OK(read_one(&g, at("cr2.csv")));
    CHECK_STR(g.meta[2], "cr2:4|||");
    rm_rf(tmpdir);
}

/* A quote that opens a field and never closes swallows the lines after it until a parse error
 * or the end: the row is reported, and the lines after its first are parsed again. */
NG_TEST(csv_open_quote_costs_one_row)
{
    got g;
    make_tmpdir();
    put("open.csv", "id,text\n"
                    "a,Before.\n"
                    "b,\"opened and never closed\n"
                    "c,Third.\n"
                    "d,\"Quoted, fine.\"\n"
                    "e,Last.\n");
    CHECK_OK(read_one(&g, at("open.csv")));
    CHECK_INT(g.n, 4);
    CHECK_STR(g.meta[1], "c|||");
    CHECK_STR(g.meta[2], "d|||");
    CHECK_STR(g.text[2], "Quoted, fine.");
    CHECK_HAS(g.reports, "open.csv:3: malformed CSV at line 5");
    /* At the end of the file the same. */
    put("end.csv", "id,text\na,\"never closed\nb,kept\n");
    CHECK_OK(read_one(&g, at("end.csv")));
    CHECK_INT(g.n, 1);
    CHECK_STR(g.meta[0], "b|||");
    CHECK_HAS(g.reports, "end.csv:2: unterminated quoted field");
    rm_rf(tmpdir);
}

/* A CSV that never ends its header line stops at the header cap (issue 18, item 16); one of
 * NUL bytes is binary at once. */
NG_TEST(csv_header_cap_and_binary)
{
    got g;
    make_tmpdir();
    FILE *fp = fopen(at("wide.csv"), "wb");
    for (int i = 0; i < 300000; i++) fputs("abcd", fp);
    fclose(fp);
    CHECK_OK(read_one(&g, at("wide.csv")));
    CHECK_INT(g.n, 0);
    CHECK_HAS(g.reports, "wide.csv: CSV header longer than 1048576 bytes");
    char zeros[20000];
    memset(zeros, 0, sizeof zeros);
    write_file(at("zero.csv"), zeros, sizeof zeros);
    CHECK_OK(read_one(&g, at("zero.csv")));
    CHECK_HAS(g.reports, "zero.csv: binary file (not text)");
    rm_rf(tmpdir);
}

/* ------------------------------------------------------------------ encodings */

/* UTF-16 without a byte-order mark is found by its zero bytes, UTF-32 is read, a UTF-16 CSV
 * reads like UTF-8 (issue 18, item 14). */
NG_TEST(utf16_and_utf32_with_and_without_bom)
{
    got g;
    make_tmpdir();
    write_file(at("le.txt"), "C\0h\0a\0d\0 \0m\0e\0t\0 \0N\0i\0g\0e\0r\0.\0", 30);
    /* another text: the same one would count once (the reader drops repeated texts) */
    write_file(at("be.txt"), "\0C\0h\0a\0d\0 \0m\0e\0t\0 \0N\0i\0g\0e\0r\0!", 30);
    write_file(at("u32.txt"), "\xff\xfe\0\0H\0\0\0\xe9\0\0\0=\xd8\x01\0", 16); /* bad last */
    write_file(at("u32be.txt"), "\0\0\0H\0\0\0i\0\0\0!\0\0\0.", 16);
    const char *in[] = {at("le.txt"), at("be.txt"), at("u32.txt"), at("u32be.txt")};
    CHECK_OK(read_inputs(&g, in, 4, 0, 0));
    CHECK_INT(g.n, 4);
    CHECK_STR(g.text[0], "Chad met Niger.");
    CHECK_STR(g.text[1], "Chad met Niger!");
    CHECK(strncmp(g.text[2], "H\xc3\xa9", 3) == 0);
    CHECK_STR(g.text[3], "Hi!.");
    write_file(at("u16.csv"), "\xff\xfei\0d\0,\0t\0e\0x\0t\0\n\0a\0,\0\xe9\0\n\0", 26);
    CHECK_OK(read_one(&g, at("u16.csv")));
    CHECK_INT(g.n, 1);
    CHECK_STR(g.meta[0], "a|||");
    CHECK_STR(g.text[0], "\xc3\xa9");
    /* A surrogate pair split across the decoder's blocks stays one character. */
    FILE *fp = fopen(at("pairs.txt"), "wb");
    fwrite("\xff\xfe", 1, 2, fp);
    for (int i = 0; i < 40000; i++) fwrite("\x3d\xd8\x00\xde", 1, 4, fp); /* U+1F600 */
    fclose(fp);
    CHECK_OK(read_one(&g, at("pairs.txt")));
    CHECK_INT(g.n, 1);
    CHECK(strncmp(g.text[0], "\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 8) == 0);
    CHECK_INT(g.n_reports, 0);
    rm_rf(tmpdir);
}

/* ------------------------------------------------------------------ the listing */

NG_TEST(listing_kinds_and_counts)
{
    got g;
    make_tmpdir();
    put("a.txt", "A.");
    put("b.TEXT", "B.");
    put("c", "C.");
    put("2024.05.03", "Dotted.");
    put("notes.md", "notes");
    put("photo.jpg", "jpg");
    put("g.graphml", "<graphml/>");
    put("g.json", "{}");
    put("s.ngs", "NGSHARD 1");
    put("g.graphml.tmp.12.0", "partial");
    put("nodes.csv", "Id,Label,Type\nstate:mali,Mali,state\n");
    const char *in[] = {tmpdir};
    CHECK_OK(read_inputs(&g, in, 1, 0, 0));
    CHECK_INT(g.n, 4);
    CHECK_STR(g.meta[0], "2024.05|||"); /* the id drops one extension, as before */
    CHECK_HAS(g.reports, "2 files are not articles, skipped (notes.md, photo.jpg)");
    CHECK_HAS(g.reports, "5 files newsgraph writes (graphs, shards, tables, reports, temporaries) "
                         "not read as articles (g.graphml, g.graphml.tmp.12.0, g.json, ...)");
    CHECK_INT((int)g.skipped, 0);
    /* named on the command line, any name is read; a graph is not */
    const char *named[] = {at("notes.md"), at("g.graphml")};
    CHECK_OK(read_inputs(&g, named, 2, 0, 0));
    CHECK_INT(g.n, 1);
    CHECK_STR(g.meta[0], "notes|||");
    rm_rf(tmpdir);
}

/* Each directory and file once: a "diamond" of links (each level links twice to the next)
 * is walked in linear time, a loop is named, the same file or directory given twice is read
 * once. Issue 18, items 7 and 12. */
NG_TEST(listing_links_diamond_loop_and_twice)
{
    got g;
    char path[600], next[600];
    make_tmpdir();
    for (int level = 0; level < 24; level++) {
        snprintf(path, sizeof path, "%s/l%02d", tmpdir, level);
        mkdir(path, 0755);
    }
    for (int level = 0; level < 23; level++) {
        snprintf(next, sizeof next, "../l%02d", level + 1);
        snprintf(path, sizeof path, "%s/l%02d/a", tmpdir, level);
        CHECK(symlink(next, path) == 0);
        snprintf(path, sizeof path, "%s/l%02d/b", tmpdir, level);
        CHECK(symlink(next, path) == 0);
    }
    put("l23/bottom.txt", "Bottom.");
    CHECK(symlink(".", at("l23/loop")) == 0);
    const char *in[] = {at("l00"), at("l00"), at("l23/bottom.txt")};
    CHECK_OK(read_inputs(&g, in, 3, 0, 0));
    CHECK_INT(g.n, 1);
    CHECK_STR(g.meta[0], "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/bottom|||");
    /* 23 second links, the directory and the file given again: 20 named, the rest counted */
    CHECK_HAS(g.reports, "/l00/a/a/a/b: a directory read already (through another link");
    CHECK_HAS(g.reports, "/loop: directory loop");
    CHECK_HAS(g.reports, "inputs: 5 more links to files or directories read already");
    CHECK_INT((int)g.skipped, 26);
    rm_rf(tmpdir);
}

/* The same text under two names counts once (issue 17, item 2): white space aside. */
NG_TEST(same_text_under_two_names_counts_once)
{
    got g;
    make_tmpdir();
    put("a.txt", "Chad met Niger.\n\nThey talked.");
    put("b.txt", "  Chad  met Niger.\r\n They\ttalked.\n");
    put("c.txt", "Chad met Mali.");
    const char *in[] = {tmpdir};
    CHECK_OK(read_inputs(&g, in, 1, 0, 0));
    CHECK_INT(g.n, 2);
    CHECK_HAS(g.reports, "b.txt: article 'b' has the same text as an article read already");
    CHECK_INT((int)g.skipped, 1);
    rm_rf(tmpdir);
}

/* The same-text check reads eight bytes at a time up to a byte below 0x21: runs of white
 * space of every length, at every place in the word, still compare as one space; a control
 * byte or a missing space still makes another text. */
NG_TEST(same_text_white_runs_long_texts)
{
    got g;
    make_tmpdir();
    put("d.txt",
        "Burkina Faso and Mali signed\t\t  the accord in Bamako on Tuesday, said Ouagadougou.\n");
    put("e.txt", "\n Burkina Faso and Mali signed the accord in Bamako on Tuesday,\r\n\r\nsaid "
                 "Ouagadougou.");
    put("f.txt",
        "Burkina Faso and Mali signed the\001accord in Bamako on Tuesday, said Ouagadougou.");
    put("g.txt", "Burkina Faso and Mali signedthe accord in Bamako on Tuesday, said Ouagadougou.");
    const char *in[] = {tmpdir};
    CHECK_OK(read_inputs(&g, in, 1, 0, 0));
    CHECK_INT(g.n, 3);
    CHECK_HAS(g.reports, "e.txt: article 'e' has the same text as an article read already");
    CHECK_INT((int)g.skipped, 1);
    rm_rf(tmpdir);
}

/* The same-text check hashes the text as it scans it, packing words into 8-byte blocks: one
 * space at each place of a sentence gives a text of its own every time (the blocks shift),
 * and the same texts with white runs of other lengths and kinds in that place count once. */
NG_TEST(same_text_every_split_differs)
{
    static const char joined[] = "ChadandNigersignedtheaccordonTuesdayinNiamey.";
    const size_t len = sizeof joined - 1;
    got g;
    make_tmpdir();
    for (size_t k = 1; k < len; k++) {
        char name[32], text[128];
        snprintf(name, sizeof name, "s%02zu.txt", k);
        snprintf(text, sizeof text, "%.*s %s", (int)k, joined, joined + k);
        put(name, text);
        snprintf(name, sizeof name, "w%02zu.txt", k);
        snprintf(text, sizeof text, "\t%.*s \r\n\t %s\n", (int)k, joined, joined + k);
        put(name, text);
    }
    const char *in[] = {tmpdir};
    CHECK_OK(read_inputs(&g, in, 1, 0, 0));
    CHECK_INT(g.n, (int)len - 1);
    CHECK_INT((int)g.skipped, (int)len - 1);
    rm_rf(tmpdir);
}

/* The listing stops past its cap with an error naming the input. */
NG_TEST(listing_is_capped)
{
    got g;
    make_tmpdir();
    for (int i = 0; i < 30; i++) {
        char name[32];
        snprintf(name, sizeof name, "f%02d.txt", i);
        put(name, name); /* distinct texts: a repeated text counts once */
    }
    const char *in[] = {tmpdir};
    CHECK_INT(read_inputs(&g, in, 1, 0, 20), NG_ELIMIT);
    CHECK_HAS(ng_error_last(), "more than 20 files and directories");
    CHECK_OK(read_inputs(&g, in, 1, 0, 40));
    CHECK_INT(g.n, 30);
    rm_rf(tmpdir);
}

/* Every article id in read order (one a line), the reports and the skipped count of a
 * directory listed with `threads` threads looking at its entries. */
static int listing_with_threads(ng_buf *ids, got *g, const char *dir, int threads)
{
    ng_reader *r = NULL;
    ng_reader_opts o = {0, on_skip, g, 0, threads};
    const char *in[] = {dir};
    memset(g, 0, sizeof *g);
    ng_buf_clear(ids);
    int error = ng_reader_new(&r, in, 1, &o);
    for (;;) {
        ng_article *a = NULL;
        if (error < 0 || (error = ng_reader_next(r, &a)) < 0 || !a) break;
        ng_buf_puts(ids, a->id);
        ng_buf_putc(ids, '\n');
        g->n++;
        ng_article_free(a);
    }
    g->skipped = r ? ng_reader_skipped(r) : 0;
    ng_reader_free(r);
    return error;
}

/* A directory's entries are looked at by several threads when it is large (reader_list.c):
 * the listing is the same as on one thread, entry for entry - articles in name order, a
 * subdirectory walked in its place, a broken link, a link to a file listed already, files
 * that are not articles. */
NG_TEST(listing_on_threads_is_the_same)
{
    got g1, g3;
    ng_buf ids1 = NG_BUF_INIT, ids3 = NG_BUF_INIT;
    char name[64], text[64];
    make_tmpdir();
    for (int i = 0; i < 700; i++) {
        snprintf(name, sizeof name, "f%04d.txt", 699 - i); /* written out of name order */
        snprintf(text, sizeof text, "Text %d.", i);
        put(name, text);
    }
    CHECK(mkdir(at("f0350.d"), 0755) == 0);
    put("f0350.d/inner.txt", "Inner.");
    put("f0100.md", "notes");
    CHECK(symlink("nowhere.txt", at("f0200.txt.broken.txt")) == 0);
    CHECK(symlink("f0300.txt", at("f0500.link.txt")) == 0);
    CHECK_OK(listing_with_threads(&ids1, &g1, tmpdir, 1));
    CHECK_OK(listing_with_threads(&ids3, &g3, tmpdir, 3));
    CHECK_INT(g1.n, 701);
    CHECK_INT(g3.n, g1.n);
    CHECK_INT((int)g3.skipped, (int)g1.skipped);
    CHECK_INT((int)g1.skipped, 2); /* the broken link, the second name of f0300.txt */
    CHECK_STR(ids3.ptr, ids1.ptr);
    CHECK_STR(g3.reports, g1.reports);
    CHECK_HAS(g1.reports, "f0200.txt.broken.txt: cannot read");
    CHECK_HAS(g1.reports, "f0500.link.txt: the same file as an input listed already");
    CHECK(strncmp(ids1.ptr, "f0000\nf0001\n", 12) == 0);
    CHECK_HAS(ids1.ptr, "f0349\nf0350.d/inner\nf0350\n"); /* "f0350.d" < "f0350.txt" */
    ng_buf_free(&ids1);
    ng_buf_free(&ids3);
    rm_rf(tmpdir);
}

/* The same id twice counts once (issue 18, item 12): two CSVs sharing ids, the same file given
 * under two names. */
NG_TEST(duplicate_ids_are_read_once)
{
    got g;
    make_tmpdir();
    put("one.csv", "id,text\nx1,First.\nx2,Second.\n");
    put("two.csv", "id,text\nx2,Second again.\nx3,Third.\n");
    const char *in[] = {at("one.csv"), at("two.csv")};
    CHECK_OK(read_inputs(&g, in, 2, 0, 0));
    CHECK_INT(g.n, 3);
    CHECK_STR(g.text[1], "Second.");
    CHECK_HAS(g.reports, "two.csv:2: article id 'x2' was read already");
    CHECK_INT((int)g.skipped, 1);
    CHECK(link(at("one.csv"), at("hard.csv")) == 0);
    const char *twice[] = {at("one.csv"), at("hard.csv")};
    CHECK_OK(read_inputs(&g, twice, 2, 0, 0));
    CHECK_INT(g.n, 2);
    CHECK_HAS(g.reports, "hard.csv: the same file as an input listed already");
    rm_rf(tmpdir);
}

/* The files newsgraph wrote are not inputs to protect (they are rewritten), articles are. */
NG_TEST(find_input_by_device_and_inode)
{
    make_tmpdir();
    put("a.txt", "A.");
    put("edges.csv", "Source,Target,Type\na,b,Directed\n");
    put("user.csv", "id,text\n1,x\n");
    CHECK(symlink(at("a.txt"), at("link.graphml")) == 0);
    ng_reader *r = NULL;
    const char *in[] = {tmpdir};
    CHECK_OK(ng_reader_new(&r, in, 1, NULL));
    CHECK(ng_reader_find_input(r, at("link.graphml")) != NULL);
    CHECK(ng_reader_find_input(r, at("user.csv")) != NULL);
    CHECK(ng_reader_find_input(r, at("edges.csv")) == NULL);
    CHECK(ng_reader_find_input(r, "/nonexistent") == NULL);
    ng_reader_free(r);
    rm_rf(tmpdir);
}

NG_TEST(idset_adds_once)
{
    ng_idset *s = NULL;
    CHECK_OK(ng_idset_new(&s));
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "id-%d", i);
        CHECK_INT(ng_idset_add(s, key, strlen(key)), 1);
    }
    for (int i = 0; i < 5000; i += 7) {
        snprintf(key, sizeof key, "id-%d", i);
        CHECK_INT(ng_idset_add(s, key, strlen(key)), 0);
        CHECK(ng_idset_has(s, key, strlen(key)));
    }
    CHECK(!ng_idset_has(s, "id-5000", 7));
    CHECK_INT((int)ng_idset_count(s), 5000);
    CHECK_INT(ng_idset_add(s, "", 0), 1);
    ng_idset_free(s);
    ng_idset_free(NULL);
}

NG_TEST_MAIN(html_keeps_the_article_and_drops_the_rest, html_title_url_date_fallbacks,
             html_encodings, html_empty_page_and_our_report, jsonl_lines_fields_and_broken_lines,
             jsonl_id_with_nul_keeps_the_line_id, jsonl_array_and_line_cap,
             csv_delimiters_from_the_header, csv_lone_cr_line_ends, csv_open_quote_costs_one_row,
             csv_header_cap_and_binary, utf16_and_utf32_with_and_without_bom,
             listing_kinds_and_counts, listing_links_diamond_loop_and_twice,
             same_text_under_two_names_counts_once, same_text_white_runs_long_texts,
             same_text_every_split_differs, listing_is_capped, listing_on_threads_is_the_same,
             duplicate_ids_are_read_once, find_input_by_device_and_inode, idset_adds_once)
