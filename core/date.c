/* date.c - the one check of an ISO date "YYYY-MM-DD" (proleptic Gregorian calendar), and of the
 * reduced-precision dates "YYYY" and "YYYY-MM" that articles write ("in 2023", "in June 2017"). */
#include "ng_core.h"

#include <string.h>

static const int days_in[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int ng_date_parse(const char *s, int *y, int *m, int *d)
{
    int yy, mm, dd;

    if (!s) return 0;
    for (int i = 0; i < 10; i++) { /* stops at a NUL: it is neither a digit nor '-' */
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    mm = (s[5] - '0') * 10 + (s[6] - '0');
    dd = (s[8] - '0') * 10 + (s[9] - '0');
    if (yy < 1000 || mm < 1 || mm > 12 || dd < 1) return 0;
    if (dd > days_in[mm - 1] + (mm == 2 && leap(yy))) return 0;
    if (y) *y = yy;
    if (m) *m = mm;
    if (d) *d = dd;
    return 1;
}

int ng_date_valid(const char *s) { return ng_date_parse(s, NULL, NULL, NULL) && s[10] == '\0'; }

/* Reads `n` digits at `s`; -1 when one is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int ng_date_precision(const char *s)
{
    if (!s) return 0;
    if (ng_date_valid(s)) return NG_DATE_DAY;
    int y = digits(s, 4);
    if (y < 1000) return 0;
    if (s[4] == '\0') return NG_DATE_YEAR;
    if (s[4] != '-') return 0;
    int m = digits(s + 5, 2);
    return m >= 1 && m <= 12 && s[7] == '\0' ? NG_DATE_MONTH : 0;
}

void ng_date_write(char out[11], int y, int m, int d)
{
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

int ng_date_span(const char *s, char first[11], char last[11])
{
    char a[11] = "", b[11] = "";
    int p = ng_date_precision(s), ok = p != 0;
    if (p == NG_DATE_DAY) {
        memcpy(a, s, 11);
        memcpy(b, s, 11);
    } else if (p) {
        int y = digits(s, 4), m = p == NG_DATE_MONTH ? digits(s + 5, 2) : 0;
        int last_day = m >= 1 && m <= 12 ? days_in[m - 1] + (m == 2 && leap(y)) : 31;
        ng_date_write(a, y, m ? m : 1, 1);
        ng_date_write(b, y, m ? m : 12, last_day);
    }
    a[10] = b[10] = '\0';
    if (first) memcpy(first, a, 11);
    if (last) memcpy(last, b, 11);
    return ok;
}
