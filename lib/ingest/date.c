/* date.c — the dates of a stream's articles: YYYY-MM-DD or ISO 8601 with a time and an offset,
 * read into seconds since 1970-01-01 UTC so that articles can be compared in time. */
#include <stdbool.h>
#include <stddef.h>

#include "tidings.h"

/* Reads exactly n digits at *s into *v and advances *s. */
static bool digits(const char **s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*s)[i];
        if (c < '0' || c > '9') return false;
        *v = *v * 10 + (c - '0');
    }
    *s += n;
    return true;
}

/* Days from 1970-01-01 to the given civil date (proleptic Gregorian). */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool td_date_parse(const char *s, long long *seconds)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, oh = 0, om = 0, sign = 0;
    if (!s || !digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &mo) || *s++ != '-' || !digits(&s, 2, &d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return false;
    if (*s == 'T' || *s == 't' || *s == ' ') {
        s++;
        if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi)) return false;
        if (*s == ':') {
            s++;
            if (!digits(&s, 2, &sec)) return false;
            if (*s == '.' || *s == ',') {
                s++;
                if (*s < '0' || *s > '9') return false;
                while (*s >= '0' && *s <= '9') s++;
            }
        }
        if (h > 23 || mi > 59 || sec > 60) return false;
        if (*s == 'Z' || *s == 'z') s++;
        else if (*s == '+' || *s == '-') {
            sign = *s++ == '+' ? 1 : -1;
            if (!digits(&s, 2, &oh)) return false;
            if (*s == ':') s++;
            if (!digits(&s, 2, &om) || oh > 23 || om > 59) return false;
        }
    }
    if (*s) return false;
    *seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - sign * (oh * 3600 + om * 60);
    return true;
}
