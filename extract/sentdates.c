/* sentdates.c - the date expressions of a sentence, and the one nearest a trigger.
 *
 * "January 28, 2024", "28 January", "April 2" (the article's year; a day after the
 * article's date means last year), "on Thursday" (the latest Thursday on or before the
 * article's date), "yesterday", "last year", "in 1970" (words.csv classes daysago,
 * yearsago, yearprep). Reduced precision dates are ISO 8601 ("2023", "2023-03"). */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

/* Reduced-precision ISO 8601 dates: "2023" and "2023-03" (written digit by digit: snprintf
 * cost some 1,500 instructions a date). */
static void fmt_y(char out[11], int y)
{
    unsigned v = (unsigned)(y < 0 ? 0 : y) % 10000u;
    out[0] = (char)('0' + v / 1000);
    out[1] = (char)('0' + v / 100 % 10);
    out[2] = (char)('0' + v / 10 % 10);
    out[3] = (char)('0' + v % 10);
    out[4] = '\0';
}
static void fmt_ym(char out[11], int y, int m)
{
    unsigned v = (unsigned)(m < 0 ? 0 : m) % 100u;
    fmt_y(out, y);
    out[4] = '-';
    out[5] = (char)('0' + v / 10);
    out[6] = (char)('0' + v % 10);
    out[7] = '\0';
}

/* "Month [day][,] [year]", "day Month [year]": a day later than the article's date without
 * a year is last year's; a day the month lacks ("September 31") gives the month. 0 when
 * there is no date (no year and no article date). */
static int month_date(const ng_work *w, const sctx *c, uint32_t t, int mo, char out[11])
{
    int day = 0, year = 0;
    uint32_t j = t + 1;
    if (j < c->b && (w->tk.v[j].flags & NG_TK_NUM) && w->tk.v[j].flen <= 2) {
        day = atoi(ng_w__fold(w, j));
        j++;
        if (j < c->b && ng_w__punct(w, j, ',')) j++;
    }
    if (j < c->b && (w->tk.v[j].flags & NG_TK_NUM) && w->tk.v[j].flen == 4)
        year = atoi(ng_w__fold(w, j));
    if (!day && t > c->a && (w->tk.v[t - 1].flags & NG_TK_NUM) && w->tk.v[t - 1].flen <= 2)
        day = atoi(ng_w__fold(w, t - 1));
    if (day < 1 || day > 31) day = 0;
    if (!year) {
        if (!w->y) return 0;
        year = w->y;
        if (day && (mo > w->m || (mo == w->m && day > w->d + 1)))
            year--;
        else if (!day && mo > w->m)
            year--;
    }
    if (day && !ng_date__valid(year, mo, day)) day = 0;
    if (day)
        ng_date__format(out, year, mo, day);
    else
        fmt_ym(out, year, mo);
    return 1;
}

/* The article's date moved back `back` days. */
static int days_before(const ng_work *w, int back, char out[11])
{
    int y = w->y, m = w->m, d = w->d;
    if (!w->y) return 0;
    ng_date__add_days(&y, &m, &d, -back);
    ng_date__format(out, y, m, d);
    return 1;
}

/* The date expression at token t in out, 1 when there is one. */
static int date_at(const ng_work *w, const sctx *c, uint32_t t, char out[11])
{
    const ng_tok *k = &w->tk.v[t];
    const char *f = ng_w__fold(w, t);
    int mo, wd, year;
    int32_t n;
    /* every form below starts with a capital, a number or a word of these classes: the
     * other tokens (most) are passed at once (a new form must widen this test) */
    if (!(k->flags & (NG_TK_CAP | NG_TK_NUM)) &&
        !((k->bits | k->pbits) & (NG_W_DAYSAGO | NG_W_YEARSAGO)))
        return 0;
    /* a month that is also a modal ("May") only before a number */
    if ((k->flags & NG_TK_CAP) && (mo = ng_date__month(f, k->flen)) != 0 &&
        !((ng_w__bits(w, t) & NG_W_MODAL) && !(t + 1 < c->b && (w->tk.v[t + 1].flags & NG_TK_NUM))))
        return month_date(w, c, t, mo, out);
    /* "on Thursday": the latest Thursday on or before the article's date */
    if ((k->flags & NG_TK_CAP) && (wd = ng_date__weekday(f, k->flen)) >= 0)
        return w->y && days_before(w, (ng_date__dow(w->y, w->m, w->d) - wd + 7) % 7, out);
    /* "yesterday", "today", "last year": number days or years before */
    if (ng_w__phrase(w, t, c->b, NG_W_DAYSAGO, &n)) return days_before(w, n, out);
    if (ng_w__phrase(w, t, c->b, NG_W_YEARSAGO, &n)) {
        if (!w->y) return 0;
        fmt_y(out, w->y - n);
        return 1;
    }
    /* "in 1970", "since 2021" */
    if ((k->flags & NG_TK_NUM) && k->flen == 4 && t > c->a &&
        (ng_w__bits(w, t - 1) & NG_W_YEARPREP)) {
        year = atoi(f);
        if (year < 1900 || year > 2099) return 0;
        fmt_y(out, year);
        return 1;
    }
    return 0;
}

/* The date expressions of the sentence, read at the first ask: most sentences give no edge,
 * and nothing they are read from (tokens, the article's date) changes in the sentence. */
static void read_dates(const ng_work *w, sctx *c)
{
    c->n_dates = 0;
    for (uint32_t t = c->a; t < c->b && c->n_dates < 16; t++) {
        char out[11] = "";
        if (!date_at(w, c, t, out)) continue;
        c->dates[c->n_dates].t = t;
        memcpy(c->dates[c->n_dates].date, out, sizeof out);
        c->n_dates++;
    }
}

void ng_sentdates__read(const ng_work *w, sctx *c)
{
    (void)w;
    c->n_dates = -1; /* not read yet */
}

const char *ng_sentdates__nearest(const ng_work *w, const sctx *c, uint32_t t)
{
    int best = -1;
    uint32_t bd = 0;
    /* the engine's sctx is never a const object: the steps see it const, the dates are a
     * cache of what its tokens say */
    if (c->n_dates < 0) read_dates(w, (sctx *)c);
    for (int i = 0; i < c->n_dates; i++) {
        uint32_t d = c->dates[i].t > t ? c->dates[i].t - t : t - c->dates[i].t;
        if (best < 0 || d < bd) {
            best = i;
            bd = d;
        }
    }
    if (best >= 0) return c->dates[best].date;
    return w->meta.date;
}
