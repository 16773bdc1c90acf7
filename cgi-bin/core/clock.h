/* clock.h: times are stored in UTC and shown in the community's time zone. */
#ifndef WUYE_CLOCK_H
#define WUYE_CLOCK_H
#include "arena.h"

/* Formats unix time t in zone (an IANA name such as Asia/Shanghai; NULL or invalid:
 * Asia/Shanghai) with strftime format fmt, into a string in the arena. */
const char *clock_format(arena *a, long long t, const char *zone, const char *fmt);

#endif
