/* sla.c: due times of the time-limit clocks (限时承诺), in calendar time or walked
 * through a community's local working hours, holidays and make-up working days. */
#include "sla.h"

#include "../core/clock.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A walk that finds no working time within this many days gives up and counts calendar
 * time: a calendar whose every day is a holiday must not loop for ever. */
#define WALK_DAYS (3 * 366)

static bool day_listed(const int *days, size_t count, int day) {
    for (size_t i = 0; days && i < count; i++)
        if (days[i] == day)
            return true;
    return false;
}

static bool interval_valid(const sla_interval *v) {
    return v->start_minute >= 0 && v->end_minute <= 24 * 60 && v->start_minute < v->end_minute;
}

static int interval_count(const sla_calendar *cal, int weekday) {
    int n = cal->interval_count[weekday];
    return n < 0 ? 0 : n > SLA_MAX_INTERVALS ? SLA_MAX_INTERVALS : n;
}

static bool has_working_hours(const sla_calendar *cal) {
    for (int weekday = 1; weekday <= 7; weekday++)
        for (int i = 0; i < interval_count(cal, weekday); i++)
            if (interval_valid(&cal->hours[weekday][i]))
                return true;
    return false;
}

static int by_start(const void *a, const void *b) {
    const sla_interval *x = a, *y = b;
    return x->start_minute - y->start_minute;
}

/* The working intervals of a local day, sorted; a holiday has none, and a make-up day
 * works Monday's hours whatever weekday it falls on. */
static int day_intervals(const sla_calendar *cal, const struct tm *day, sla_interval *out) {
    int date = (day->tm_year + 1900) * 10000 + (day->tm_mon + 1) * 100 + day->tm_mday;
    if (day_listed(cal->holidays, cal->holiday_count, date))
        return 0;
    int weekday = day->tm_wday == 0 ? 7 : day->tm_wday;
    if (day_listed(cal->workdays, cal->workday_count, date))
        weekday = 1;
    int n = 0;
    for (int i = 0; i < interval_count(cal, weekday); i++)
        if (interval_valid(&cal->hours[weekday][i]))
            out[n++] = cal->hours[weekday][i];
    qsort(out, (size_t)n, sizeof *out, by_start);
    return n;
}

/* Unix time of a local day's minute (1440 is the next midnight); mktime settles DST gaps. */
static long long local_time(const struct tm *day, int minute) {
    struct tm tm = {0};
    tm.tm_year = day->tm_year;
    tm.tm_mon = day->tm_mon;
    tm.tm_mday = day->tm_mday;
    tm.tm_min = minute;
    tm.tm_isdst = -1;
    return (long long)mktime(&tm);
}

static void next_day(struct tm *day) {
    struct tm tm = {0};
    tm.tm_year = day->tm_year;
    tm.tm_mon = day->tm_mon;
    tm.tm_mday = day->tm_mday + 1;
    tm.tm_hour = 12; /* noon: no DST change moves it to another date */
    tm.tm_isdst = -1;
    mktime(&tm);
    *day = tm;
}

/* Walks from start through the working intervals until seconds of working time have
 * passed. False when the walk found too little working time within WALK_DAYS. */
static bool walk_working(long long start, long long seconds, const sla_calendar *cal, long long *due) {
    time_t t = (time_t)start;
    struct tm day;
    if (!localtime_r(&t, &day))
        return false;
    long long cursor = start;
    for (int d = 0; d < WALK_DAYS; d++, next_day(&day)) {
        sla_interval intervals[SLA_MAX_INTERVALS];
        int n = day_intervals(cal, &day, intervals);
        for (int i = 0; i < n; i++) {
            long long begin = local_time(&day, intervals[i].start_minute);
            long long end = local_time(&day, intervals[i].end_minute);
            if (begin < cursor)
                begin = cursor;
            if (end <= begin)
                continue;
            if (seconds <= end - begin) {
                *due = begin + seconds;
                return true;
            }
            seconds -= end - begin;
            cursor = end;
        }
    }
    return false;
}

long long sla_add(long long start, long minutes, bool working, const sla_calendar *cal) {
    if (minutes <= 0)
        return start;
    long long calendar_due = start + (long long)minutes * 60;
    if (!working || !cal || !has_working_hours(cal))
        return calendar_due;
    clock_use_zone(cal->zone);
    long long due;
    bool found = walk_working(start, (long long)minutes * 60, cal, &due);
    return found ? due : calendar_due;
}

sla_dues sla_compute(const sla_policy *policy, const sla_calendar *cal, long long created,
                     long long preferred_time, bool is_repair) {
    sla_dues dues = {0, 0, 0};
    if (policy->respond_minutes > 0)
        dues.respond = sla_add(created, policy->respond_minutes, policy->working, cal);
    bool agreed = false;
    if (policy->onsite_minutes > 0) {
        dues.onsite = sla_add(created, policy->onsite_minutes, policy->working, cal);
    } else if (is_repair && preferred_time > 0) {
        dues.onsite = preferred_time;
        agreed = true;
    }
    if (policy->resolve_minutes > 0) {
        dues.resolve = sla_add(created, policy->resolve_minutes, policy->working, cal);
        /* A visit agreed for after the resolve limit would breach the promise before the
         * technician may even come in: the resolve clock then starts at the agreed time. */
        if (agreed && dues.resolve < dues.onsite)
            dues.resolve = sla_add(preferred_time, policy->resolve_minutes, policy->working, cal);
    }
    return dues;
}
