/* date.c - the one check of an ISO date "YYYY-MM-DD" (proleptic Gregorian calendar). */
#include "ng_core.h"

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int ng_date_parse(const char *s, int *y, int *m, int *d)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
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
    if (dd > days[mm - 1] + (mm == 2 && leap(yy))) return 0;
    if (y) *y = yy;
    if (m) *m = mm;
    if (d) *d = dd;
    return 1;
}

int ng_date_valid(const char *s) { return ng_date_parse(s, NULL, NULL, NULL) && s[10] == '\0'; }
