/* meta.c - the article's header lines (date, url), headline and dateline.
 *
 *   date 2024-03-02            a first line (leading spaces allowed) giving the date; text may
 *                              follow on the same line (the first sentence glued to it);
 *   url https://example.org/a  a header line giving the article's URL (absolute http or https;
 *                              before or after the date line);
 *   Headline Without a Period  the first line is the title when it does not end like a
 *                              sentence and more text follows;
 *   MOSCOW, August 14. /TASS/. datelines at the start of the body: an upper-case city, then
 *   ABUJA, Aug 10 -            a comma and a date (month-day or day-month, optional year) and
 *   NEW DELHI, March 2 -       an optional agency, or the city and a dash, or the city and an
 *   DAKAR -                    agency in parentheses. The dateline is not part of any sentence.
 * The reader's date (CSV column) wins over the header, the header over the dateline. A
 * dateline without a year takes the year of the header; with neither, the largest plausible
 * year written in the text (news mostly names its own year). */
#include "extract_internal.h"

#include <string.h>

static int is_up(char c)
{
    return c >= 'A' && c <= 'Z';
}
static int is_dig(char c)
{
    return c >= '0' && c <= '9';
}

static size_t skip_spaces(const char *t, size_t i, size_t len)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* Reads a month name at t[i..]: returns its month and sets *end, or 0. */
static int read_month(const char *t, size_t i, size_t len, size_t *end)
{
    char w[16];
    size_t j = i, n = 0;
    while (j < len && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z')) && n < 15) {
        w[n++] = (char)(t[j] | 32);
        j++;
    }
    int m = n >= 3 ? ng_date__month(w, n) : 0;
    if (!m) return 0;
    if (j < len && t[j] == '.') j++;
    *end = j;
    return m;
}

static int read_int(const char *t, size_t i, size_t len, size_t maxd, size_t *end)
{
    int v = 0;
    size_t j = i;
    while (j < len && is_dig(t[j]) && j - i < maxd)
        v = v * 10 + (t[j++] - '0');
    if (j == i || (j < len && is_dig(t[j]))) return -1;
    *end = j;
    return v;
}

/* The city of a dateline at t[i..]: up to four upper-case words (with . ' -), at least
 * three capitals; returns its end, 0 when there is none. */
static size_t read_city(const char *t, size_t i, size_t len)
{
    size_t j = i;
    int words = 0, letters = 0;
    while (j < len) {
        size_t w0 = j;
        while (j < len && (is_up(t[j]) || t[j] == '.' || t[j] == '\'' || t[j] == '-' ||
                           (unsigned char)t[j] >= 0x80)) {
            if (is_up(t[j])) letters++;
            j++;
        }
        if (j == w0) break;
        /* a word must not continue in lower case */
        if (j < len && t[j] >= 'a' && t[j] <= 'z') return 0;
        words++;
        if (j < len && t[j] == ' ' && j + 1 < len && is_up(t[j + 1]) && words < 4) {
            /* next word only if it is upper case too (checked by the loop) */
            size_t save = j;
            j++;
            size_t w1 = j;
            while (j < len &&
                   (is_up(t[j]) || t[j] == '.' || t[j] == '-' || (unsigned char)t[j] >= 0x80))
                j++;
            if (j < len && t[j] >= 'a' && t[j] <= 'z') {
                j = save;
                break;
            }
            j = w1;
            continue;
        }
        break;
    }
    return words == 0 || letters < 3 ? 0 : j;
}

/* The date after the city's comma at t[k..]: "August 14", "Aug 10", "14 August", an optional
 * ", 2024" or " 2024", an optional period. Returns its end, 0 when there is none. */
static size_t read_date(const char *t, size_t k, size_t len, int *dm, int *dd, int *dy)
{
    size_t e, e2;
    int d, mo = read_month(t, k, len, &e);
    if (mo) {
        k = skip_spaces(t, e, len);
        d = read_int(t, k, len, 2, &e2);
        if (d < 1 || d > 31) return 0;
        k = e2;
    } else {
        d = read_int(t, k, len, 2, &e);
        if (d < 1 || d > 31) return 0;
        k = skip_spaces(t, e, len);
        if (!(mo = read_month(t, k, len, &e))) return 0;
        k = e;
    }
    *dm = mo;
    *dd = d;
    size_t k2 = k, e3;
    if (k2 < len && t[k2] == ',') k2++;
    k2 = skip_spaces(t, k2, len);
    int y = read_int(t, k2, len, 4, &e3);
    if (y >= 1900 && y <= 2999) {
        *dy = y;
        k = e3;
    }
    if (k < len && t[k] == '.') k++;
    return k;
}

/* The end of "(...)" at t[k] (at most 40 bytes, one line), 0 when it does not close. */
static size_t bracket_end(const char *t, size_t k, size_t len)
{
    size_t e = k + 1;
    while (e < len && t[e] != ')' && t[e] != '\n' && e - k < 40)
        e++;
    return e < len && t[e] == ')' ? e + 1 : 0;
}

/* An optional agency ("/TASS/.", "(Reuters)") after the city or date. */
static size_t skip_agency(const char *t, size_t k, size_t len)
{
    k = skip_spaces(t, k, len);
    if (k < len && t[k] == '/') {
        size_t e = k + 1;
        while (e < len && t[e] != '/' && t[e] != '\n' && e - k < 30)
            e++;
        if (e < len && t[e] == '/') {
            k = e + 1;
            if (k < len && t[k] == '.') k++;
        }
    }
    k = skip_spaces(t, k, len);
    if (k < len && t[k] == '(') {
        size_t e = bracket_end(t, k, len);
        if (e) k = skip_spaces(t, e, len);
    }
    return k;
}

/* Is the rest of the line at t[k..] text with no lower-case letter ("THE TEGUCIGALPA HERALD
 * - NATIONAL": a masthead and its section, no dateline)? An empty rest is not. */
static int masthead_rest(const char *t, size_t k, size_t len)
{
    int letters = 0;
    for (; k < len && t[k] != '\n'; k++) {
        if (t[k] >= 'a' && t[k] <= 'z') return 0;
        if (is_up(t[k])) letters++;
    }
    return letters > 0;
}

/* Tries a dateline at t[i..]; on success fills the meta and returns the end offset. */
static size_t read_dateline(ng_meta *m, const char *t, size_t i, size_t len, int *dm, int *dd,
                            int *dy)
{
    size_t city_end, k;
    *dm = *dd = *dy = 0;
    if (!(city_end = read_city(t, i, len))) return 0;
    k = skip_spaces(t, city_end, len);
    if (k < len && t[k] == ',') {
        if (!(k = read_date(t, skip_spaces(t, k + 1, len), len, dm, dd, dy))) return 0;
    } else if (k < len && t[k] == '(') {
        if (!(k = bracket_end(t, k, len))) return 0;
    } else if (!(k < len && t[k] == '-')) {
        return 0;
    }
    k = skip_agency(t, k, len);
    if (k < len && t[k] == '-') {
        /* "(Xinhua) --": a doubled dash is one */
        while (k < len && t[k] == '-')
            k++;
        k = skip_spaces(t, k, len);
    } else if (!*dm)
        return 0; /* "CITY," without a date and no dash is ordinary text */
    if (masthead_rest(t, k, len)) return 0;
    ng_buf f = NG_BUF_INIT;
    ng_text_fold(&f, t + i, city_end - i);
    size_t cn = f.ptr ? strnlen(f.ptr, sizeof m->dateline_city - 1) : 0; /* as snprintf "%s" */
    if (cn) memcpy(m->dateline_city, f.ptr, cn);
    m->dateline_city[cn] = '\0';
    ng_buf_free(&f);
    m->dateline_off = i;
    m->dateline_len = k - i;
    return k;
}

/* The largest year 1950..2099 written as a word in the text, 0 when none. */
static int max_year(const char *t, size_t len)
{
    int best = 0;
    for (size_t i = 0; i + 4 <= len; i++) {
        /* eight bytes at a time up to a digit (most of a text has none) */
        const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        while (i + 8 <= len) {
            uint64_t x, y;
            memcpy(&x, t + i, 8);
            y = x & ~highs; /* a byte below 0x80 is a digit when y + 0x50 reaches 0x80 and y +
                             * 0x46 does not (no carry: y <= 0x7F) */
            if ((y + ones * 0x50) & ~(y + ones * 0x46) & ~x & highs) break;
            i += 8;
        }
        if (i + 4 > len) break;
        if ((i > 0 && (is_dig(t[i - 1]) || t[i - 1] == '/')) || !is_dig(t[i])) continue;
        if (i + 4 < len && (is_dig(t[i + 4]) || t[i + 4] == '/')) continue;
        int y =
            (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
        if (!is_dig(t[i + 1]) || !is_dig(t[i + 2]) || !is_dig(t[i + 3])) continue;
        if (y >= 1950 && y <= 2099 && y > best) best = y;
    }
    return best;
}

/* A "date YYYY-MM-DD" header at t[i..] (text may follow on its line): the date goes to
 * m->date unless the reader gave one; returns where the text goes on (i when none). */
static size_t read_date_header(ng_meta *m, const char *t, size_t i, size_t len)
{
    int y, mo, d;
    if (!(i + 15 <= len && strncmp(t + i, "date ", 5) == 0 &&
          ng_date_parse(t + skip_spaces(t, i + 5, len), &y, &mo, &d)))
        return i;
    size_t e = skip_spaces(t, i + 5, len) + 10;
    if (!m->date[0]) ng_date__format(m->date, y, mo, d);
    return skip_spaces(t, e, len);
}

/* A "url http(s)://..." header line at t[i..]: the URL (up to the end of its line or a space)
 * is kept; a line whose URL is not absolute http(s) is not a header. Returns where the text
 * goes on (i when none). */
#define NG_META_URL_MAX 2048
static size_t read_url_header(ng_meta *m, const char *t, size_t i, size_t len)
{
    if (!(i + 4 < len && strncmp(t + i, "url ", 4) == 0)) return i;
    size_t a = skip_spaces(t, i + 4, len), e = a;
    while (e < len && t[e] != ' ' && t[e] != '\n' && t[e] != '\t')
        e++;
    int http = (e - a > 7 && strncmp(t + a, "http://", 7) == 0) ||
               (e - a > 8 && strncmp(t + a, "https://", 8) == 0);
    size_t eol = e;
    while (eol < len && t[eol] == ' ')
        eol++;
    if (!http || e - a > NG_META_URL_MAX || (eol < len && t[eol] != '\n')) return i;
    m->url_off = a;
    m->url_len = e - a;
    return eol;
}

/* The header lines at t[i..] ("date YYYY-MM-DD", "url URL", each at most once, in either
 * order); returns where the text goes on. */
static size_t read_header(ng_meta *m, const char *t, size_t i, size_t len)
{
    for (int k = 0; k < 2; k++) {
        size_t j = read_date_header(m, t, i, len);
        if (j == i && !m->url_len) j = read_url_header(m, t, i, len);
        if (j == i) break;
        i = j;
        while (i < len && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t'))
            i++;
    }
    return i;
}

/* The title: the first line at t[i..], if it does not end like a sentence, is not a
 * dateline, and text follows; returns where the body starts (i when there is no title). */
static size_t read_title(ng_meta *m, const char *t, size_t i, size_t len)
{
    size_t line_end = i, e, rest;
    while (line_end < len && t[line_end] != '\n')
        line_end++;
    e = line_end;
    while (e > i && t[e - 1] == ' ')
        e--;
    char last = e > i ? t[e - 1] : '.';
    rest = line_end;
    while (rest < len && (t[rest] == ' ' || t[rest] == '\n'))
        rest++;
    ng_meta tmp;
    int a, b, c;
    memset(&tmp, 0, sizeof tmp);
    int dateline_here = read_dateline(&tmp, t, i, len, &a, &b, &c) != 0;
    if (e > i && rest < len && e - i < 300 && last != '.' && last != '?' && last != '!' &&
        last != ':' && last != ';' && last != ',' && !dateline_here &&
        !(last == '"' && e - i >= 2 && (t[e - 2] == '.' || t[e - 2] == '?'))) {
        m->title_off = i;
        m->title_len = e - i;
        return rest;
    }
    return i;
}

/* The dateline at the start of the body t[i..], also after a byline or a short label line
 * ("By our correspondent", "By Staff Reporter, Abuja"): the body then starts after it, and a
 * dateline's date is the article's when none was given (a year it lacks is the largest year
 * the text names; a day its month lacks, "Sep 31", gives no date). */
static void read_body_dateline(ng_meta *m, const char *t, size_t i, size_t len)
{
    int dm, dd, dy;
    size_t k = read_dateline(m, t, i, len, &dm, &dd, &dy), j = i;
    for (int skip = 0; !k && skip < 3; skip++) {
        size_t e = j;
        while (e < len && t[e] != '\n')
            e++;
        size_t s0 = j, s1 = e;
        while (s1 > s0 && t[s1 - 1] == ' ')
            s1--;
        int byline = s1 - s0 >= 3 && strncmp(t + s0, "By ", 3) == 0;
        if (e >= len || s1 - s0 > 80 ||
            (!byline && s1 > s0 && (t[s1 - 1] == '.' || t[s1 - 1] == '"')))
            break;
        while (e < len && (t[e] == ' ' || t[e] == '\n'))
            e++;
        j = e;
        k = read_dateline(m, t, e, len, &dm, &dd, &dy);
    }
    if (!k) return;
    m->body_start = k;
    if (!m->date[0] && dm) {
        int year = dy;
        if (!year) year = max_year(t, len);
        if (year && ng_date__valid(year, dm, dd)) ng_date__format(m->date, year, dm, dd);
    }
}

void ng_meta__read(ng_meta *m, const char *t, size_t len, const char *given_date)
{
    size_t i = 0;
    int y, mo, d;
    memset(m, 0, sizeof m[0]);
    if (given_date && ng_date_parse(given_date, &y, &mo, &d)) ng_date__format(m->date, y, mo, d);
    while (i < len && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t'))
        i++;
    i = read_header(m, t, i, len);
    m->body_start = i = read_title(m, t, i, len);
    read_body_dateline(m, t, i, len);
}
