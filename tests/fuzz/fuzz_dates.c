/* fuzz_dates.c - the date parsers of extraction: the clean-up then ng_meta__read (the
 * `date YYYY-MM-DD` header, headline and dateline "CITY, Month D (Agency) -") on the bytes,
 * and the calendar helpers on numbers taken from them.
 * Invariants: the date found is "" or a real calendar day; offsets stay inside the text;
 * adding days to a valid date gives a valid date; weekdays are 0..6. */
#include "extract_internal.h"
#include "fuzz_util.h"

static int valid_iso(const char *s)
{
    int y, m, d;
    return s[0] == '\0' || (strlen(s) == 10 && ng_date_parse(s, &y, &m, &d));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ng_buf clean = NG_BUF_INIT;
    ng_clean_stats st;
    ng_meta m;
    memset(&st, 0, sizeof st);
    FUZZ_CHECK(ng_clean__decode(&clean, (const char *)data, size, &st) == NG_OK);
    const char *text = clean.ptr ? clean.ptr : "";
    /* With and without a date given by the reader (CSV column). */
    ng_meta__read(&m, text, clean.len, NULL);
    FUZZ_CHECK(valid_iso(m.date));
    FUZZ_CHECK(m.body_start <= clean.len);
    FUZZ_CHECK(m.title_off + m.title_len <= clean.len);
    FUZZ_CHECK(m.dateline_off + m.dateline_len <= clean.len);
    FUZZ_CHECK(memchr(m.dateline_city, '\0', sizeof m.dateline_city) != NULL);
    ng_meta__read(&m, text, clean.len, "2021-02-29"); /* not a day: ignored */
    FUZZ_CHECK(valid_iso(m.date));
    ng_meta__read(&m, text, clean.len, "2024-02-29");
    FUZZ_CHECK(strcmp(m.date, "2024-02-29") == 0);

    /* Month and weekday names on every prefix of the first word. */
    size_t w = 0;
    while (w < size && w < 16 && data[w] != ' ') w++;
    int month = ng_date__month((const char *)data, w);
    FUZZ_CHECK(month >= 0 && month <= 12);
    int wd = ng_date__weekday((const char *)data, w);
    FUZZ_CHECK(wd >= -1 && wd <= 6);

    /* Calendar arithmetic on a date and an offset read from the bytes. */
    if (size >= 16) {
        char iso[11];
        memcpy(iso, data, 10);
        iso[10] = '\0';
        int y, mo, d;
        if (ng_date_parse(iso, &y, &mo, &d)) {
            int32_t days;
            memcpy(&days, data + 10, sizeof days);
            days %= 400000; /* about a thousand years either way */
            FUZZ_CHECK(ng_date__dow(y, mo, d) >= 0 && ng_date__dow(y, mo, d) <= 6);
            ng_date__add_days(&y, &mo, &d, days);
            char out[11];
            ng_date__format(out, y, mo, d);
            if (y >= 1000 && y <= 9999) FUZZ_CHECK(valid_iso(out));
            FUZZ_CHECK(mo >= 1 && mo <= 12 && d >= 1 && d <= 31);
        }
    }
    ng_buf_free(&clean);
    return 0;
}
