/* clock.c: local-time formatting. A page process serves one request at a time, so
 * switching TZ per call is safe; the zone is only re-read when it changes. */
#include "clock.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_ZONE "Asia/Shanghai"

const char *clock_format(arena *a, long long t, const char *zone, const char *fmt) {
    static char current[64];
    if (!zone || !*zone || strlen(zone) >= sizeof current || strchr(zone, '.'))
        zone = DEFAULT_ZONE;
    if (strcmp(current, zone) != 0) {
        strcpy(current, zone);
        setenv("TZ", zone, 1);
        tzset();
    }
    time_t when = (time_t)t;
    struct tm tm;
    char out[128];
    if (!localtime_r(&when, &tm) || strftime(out, sizeof out, fmt, &tm) == 0)
        return "";
    return arena_strdup(a, out);
}
