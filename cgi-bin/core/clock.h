/* clock.h: times are stored in UTC and shown in the community's time zone. */
#ifndef WUYE_CLOCK_H
#define WUYE_CLOCK_H
#include "arena.h"

/* Makes zone (NULL or invalid: Asia/Shanghai) the process's local time zone for
 * localtime_r and mktime. Cheap when it already is. */
void clock_use_zone(const char *zone);
/* Formats unix time t in zone (an IANA name such as Asia/Shanghai; NULL or invalid:
 * Asia/Shanghai) with strftime format fmt, into a string in the arena. */
const char *clock_format(arena *a, long long t, const char *zone, const char *fmt);

/* Reads a local time "YYYY-MM-DDTHH:MM" (as validated by FIELD_DATETIME) in zone into
 * unix seconds. 0, or -1 when it is not a time that exists there. */
int clock_parse_local(const char *text, const char *zone, long long *out);

/* The local month "YYYY-MM" in zone as unix seconds [start, end): from local midnight
 * of its first day to that of the next month's. 0, or -1 when text is not such a month. */
int clock_month_range(const char *yyyy_mm, const char *zone, long long *start, long long *end);

#endif
