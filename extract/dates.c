/* dates.c - small calendar helpers for article and event dates (proleptic Gregorian). */
#include "extract_internal.h"

#include <stdio.h>
#include <string.h>

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
static int mdays(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 ? 28 + leap(y) : d[m - 1];
}

int ng_date__valid(int y, int m, int d)
{
    return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m);
}

void ng_date__format(char out[11], int y, int m, int d)
{
    if (y < 0 || y > 9999) y = 0;
    if (m < 0 || m > 12) m = 0;
    if (d < 0 || d > 31) d = 0;
    ng_date_write(out, y, m, d);
}

/* Both run for most capitalized words of a text: lengths and first letters that no name
 * has are refused before any comparison (first: bit 1 for a month's, bit 2 for a day's). */
static const unsigned char first[256] = {['j'] = 1, ['f'] = 3, ['m'] = 3, ['a'] = 1, ['s'] = 3,
                                         ['o'] = 1, ['n'] = 1, ['d'] = 1, ['t'] = 2, ['w'] = 2};

int ng_date__month(const char *f, size_t n)
{
    static const char *const full[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};
    static const unsigned char full_len[] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    if (n < 3 || n > 9 || !(first[(unsigned char)f[0]] & 1)) return 0;
    for (int i = 0; i < 12; i++) {
        if (full_len[i] == n && memcmp(full[i], f, n) == 0) return i + 1;
        if (n == 3 && memcmp(abbr[i], f, 3) == 0) return i + 1;
    }
    if (n == 4 && memcmp(f, "sept", 4) == 0) return 9;
    return 0;
}

int ng_date__weekday(const char *f, size_t n)
{
    static const char *const days[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};
    static const unsigned char days_len[] = {6, 7, 9, 8, 6, 8, 6};
    if (n < 6 || n > 9 || !(first[(unsigned char)f[0]] & 2)) return -1;
    for (int i = 0; i < 7; i++)
        if (days_len[i] == n && memcmp(days[i], f, n) == 0) return i;
    return -1;
}

/* days since 1970-01-01 (Howard Hinnant's algorithm) */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

int ng_date__dow(int y, int m, int d)
{
    long z = days_from_civil(y, m, d);
    /* 1970-01-01 was a Thursday (3 with Monday = 0) */
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

void ng_date__add_days(int *y, int *m, int *d, int days)
{
    civil_from_days(days_from_civil(*y, *m, *d) + days, y, m, d);
}
