/* clock.c: local-time formatting and parsing. A page process serves one request at a
 * time, so switching TZ per call is safe; the zone is only re-read when it changes. */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_ZONE "Asia/Shanghai"

void clock_use_zone(const char *zone) {
    if (!zone || !*zone || strlen(zone) >= 64 || strchr(zone, '.'))
        zone = DEFAULT_ZONE;
    /* Compare with the environment itself, never a cached copy: whatever replaces the
     * environment (libfcgi's stdio layer gives each request a new one) drops TZ. */
    const char *tz = getenv("TZ");
    if (!tz || strcmp(tz, zone) != 0) {
        setenv("TZ", zone, 1);
        tzset();
    }
}

const char *clock_format(arena *a, long long t, const char *zone, const char *fmt) {
    clock_use_zone(zone);
    time_t when = (time_t)t;
    struct tm tm;
    char out[128];
    if (!localtime_r(&when, &tm) || strftime(out, sizeof out, fmt, &tm) == 0)
        return "";
    return arena_strdup(a, out);
}

int clock_parse_local(const char *text, const char *zone, long long *out) {
    int y, mo, d, h, mi, used = 0;
    if (!text || sscanf(text, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &used) != 5 || text[used])
        return -1;
    clock_use_zone(zone);
    struct tm tm = {
        .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_isdst = -1};
    time_t t = mktime(&tm);
    /* mktime normalises 02-30 into March: a changed field means no such time. */
    if (t == (time_t)-1 || tm.tm_year != y - 1900 || tm.tm_mon != mo - 1 || tm.tm_mday != d ||
        tm.tm_hour != h)
        return -1;
    *out = (long long)t;
    return 0;
}

int clock_month_range(const char *yyyy_mm, const char *zone, long long *start, long long *end) {
    /* Only "YYYY-MM" with digits where digits belong; sscanf alone would take "2031-3". */
    if (!yyyy_mm || strlen(yyyy_mm) != 7 || yyyy_mm[4] != '-')
        return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (yyyy_mm[i] < '0' || yyyy_mm[i] > '9'))
            return -1;
    int y = atoi(yyyy_mm), mo = atoi(yyyy_mm + 5);
    if (y < 1971 || y > 9998 || mo < 1 || mo > 12)
        return -1;
    clock_use_zone(zone);
    struct tm first = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = 1, .tm_isdst = -1};
    struct tm next = {.tm_year = y - 1900 + (mo == 12), .tm_mon = mo % 12, .tm_mday = 1, .tm_isdst = -1};
    time_t a = mktime(&first), b = mktime(&next);
    if (a == (time_t)-1 || b == (time_t)-1)
        return -1;
    *start = (long long)a;
    *end = (long long)b;
    return 0;
}
