/* sla.h: time-limit arithmetic (限时承诺): the due time of a clock, counted in calendar
 * time or in working hours of a weekly calendar with holidays. Pure functions. */
#ifndef WUYE_SLA_H
#define WUYE_SLA_H
#include <stdbool.h>
#include <stddef.h>

#define SLA_MAX_INTERVALS 4

typedef struct sla_interval {
    int start_minute; /* local minutes from midnight, [start, end) */
    int end_minute;
} sla_interval;

/* A community's working calendar. Days are local dates written as YYYYMMDD. */
typedef struct sla_calendar {
    sla_interval hours[8][SLA_MAX_INTERVALS]; /* [1] Monday .. [7] Sunday */
    int interval_count[8];
    const int *holidays; /* no working hours on these days */
    size_t holiday_count;
    const int *workdays; /* make-up working days (调休): Monday's hours */
    size_t workday_count;
    const char *zone; /* IANA zone of the community, e.g. Asia/Shanghai */
} sla_calendar;

/* A policy's clocks, in minutes; 0 means "not promised". */
typedef struct sla_policy {
    long respond_minutes;
    long onsite_minutes;
    long resolve_minutes;
    bool working;               /* count working hours instead of calendar time */
    long manager_after_minutes; /* past a breach, when it goes on to the office manager */
} sla_policy;

/* The due times of a new ticket (unix seconds; 0: no such promise). */
typedef struct sla_dues {
    long long respond;
    long long onsite;
    long long resolve;
} sla_dues;

/* start plus minutes, counted in calendar time, or in the calendar's working hours
 * when working is true (a calendar with no working hours at all falls back to
 * calendar time rather than never falling due). */
long long sla_add(long long start, long minutes, bool working, const sla_calendar *cal);
/* The dues of a ticket created at created. preferred_time (0: none) is the time agreed
 * with the resident: for a repair without an on-site promise it is the on-site due. */
sla_dues sla_compute(const sla_policy *policy, const sla_calendar *cal, long long created,
                     long long preferred_time, bool is_repair);

#endif
