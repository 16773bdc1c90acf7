/* test_sla.c: due times of the time limits (calendar and working hours, holidays,
 * make-up days, the published defaults) and the sweep's overdue and escalation rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../cgi-bin/domain/sla.h"
#include "../../cgi-bin/domain/sla_sweep.h"

#define MINUTE 60LL
#define HOUR 3600LL

/* Unix time of a wall-clock time in Asia/Shanghai (UTC+8 all year, no DST). */
static long long shanghai(int year, int month, int day, int hour, int minute) {
    struct tm tm = {0};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    return (long long)timegm(&tm) - 8 * HOUR;
}

static void set_hours(sla_calendar *cal, int first_weekday, int last_weekday, int start_minute,
                      int end_minute) {
    for (int d = first_weekday; d <= last_weekday; d++) {
        cal->hours[d][0] = (sla_interval){start_minute, end_minute};
        cal->interval_count[d] = 1;
    }
}

/* Monday to Friday 09:00-17:00 in Shanghai. */
static sla_calendar office_week(void) {
    sla_calendar cal;
    memset(&cal, 0, sizeof cal);
    set_hours(&cal, 1, 5, 9 * 60, 17 * 60);
    cal.zone = "Asia/Shanghai";
    return cal;
}

/* 2026-03-02 is a Monday. */

static void calendar_add_ignores_the_calendar(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    long long friday_night = shanghai(2026, 3, 6, 22, 0);
    assert_int_equal(sla_add(friday_night, 30, false, &cal), friday_night + 30 * MINUTE);
    assert_int_equal(sla_add(friday_night, 1440, false, NULL), friday_night + 24 * HOUR);
    assert_int_equal(sla_add(friday_night, 0, true, &cal), friday_night);
    assert_int_equal(sla_add(friday_night, -5, false, &cal), friday_night);
}

static void working_add_inside_hours(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    assert_int_equal(sla_add(shanghai(2026, 3, 2, 10, 15), 90, true, &cal), shanghai(2026, 3, 2, 11, 45));
}

static void working_add_before_hours_starts_at_opening(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    assert_int_equal(sla_add(shanghai(2026, 3, 2, 6, 30), 60, true, &cal), shanghai(2026, 3, 2, 10, 0));
}

static void working_add_after_hours_starts_next_morning(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    assert_int_equal(sla_add(shanghai(2026, 3, 2, 20, 0), 60, true, &cal), shanghai(2026, 3, 3, 10, 0));
}

static void working_add_across_the_night(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    /* One hour left on Monday, two more on Tuesday morning. */
    assert_int_equal(sla_add(shanghai(2026, 3, 2, 16, 0), 180, true, &cal), shanghai(2026, 3, 3, 11, 0));
}

static void working_add_ending_at_closing_stays_that_day(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    assert_int_equal(sla_add(shanghai(2026, 3, 2, 9, 0), 8 * 60, true, &cal), shanghai(2026, 3, 2, 17, 0));
}

static void working_add_across_the_weekend(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    long long friday = shanghai(2026, 3, 6, 16, 0);
    assert_int_equal(sla_add(friday, 120, true, &cal), shanghai(2026, 3, 9, 10, 0));
    /* Three working days from a Saturday: Monday, Tuesday, Wednesday. */
    assert_int_equal(sla_add(shanghai(2026, 3, 7, 11, 0), 3 * 8 * 60, true, &cal),
                     shanghai(2026, 3, 11, 17, 0));
}

static void working_add_skips_a_holiday(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    static const int holidays[] = {20260303}; /* the Tuesday */
    cal.holidays = holidays;
    cal.holiday_count = 1;
    assert_int_equal(sla_add(shanghai(2026, 3, 2, 16, 0), 120, true, &cal), shanghai(2026, 3, 4, 10, 0));
    /* Starting on the holiday itself counts from the next working morning. */
    assert_int_equal(sla_add(shanghai(2026, 3, 3, 10, 0), 30, true, &cal), shanghai(2026, 3, 4, 9, 30));
}

static void make_up_day_works_monday_hours(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    cal.hours[1][0] = (sla_interval){8 * 60, 18 * 60}; /* Monday opens earlier than Saturday would */
    static const int workdays[] = {20260307};          /* 调休: Saturday is a working day */
    cal.workdays = workdays;
    cal.workday_count = 1;
    assert_int_equal(sla_add(shanghai(2026, 3, 6, 16, 0), 120, true, &cal), shanghai(2026, 3, 7, 9, 0));
    /* Saturday ends at Monday's 18:00; the rest goes to Monday. */
    assert_int_equal(sla_add(shanghai(2026, 3, 7, 17, 0), 120, true, &cal), shanghai(2026, 3, 9, 9, 0));
}

static void lunch_break_is_not_working_time(void **state) {
    (void)state;
    sla_calendar cal;
    memset(&cal, 0, sizeof cal);
    for (int d = 1; d <= 7; d++) {
        /* Given afternoon first: the walk must not depend on the stored order. */
        cal.hours[d][0] = (sla_interval){13 * 60 + 30, 17 * 60 + 30};
        cal.hours[d][1] = (sla_interval){8 * 60 + 30, 12 * 60};
        cal.interval_count[d] = 2;
    }
    cal.zone = "Asia/Shanghai";
    assert_int_equal(sla_add(shanghai(2026, 3, 2, 11, 30), 60, true, &cal), shanghai(2026, 3, 2, 14, 0));
    assert_int_equal(sla_add(shanghai(2026, 3, 2, 12, 30), 60, true, &cal), shanghai(2026, 3, 2, 14, 30));
}

static void zero_hours_calendar_falls_back_to_calendar_time(void **state) {
    (void)state;
    sla_calendar cal;
    memset(&cal, 0, sizeof cal);
    cal.zone = "Asia/Shanghai";
    long long t = shanghai(2026, 3, 2, 20, 0);
    assert_int_equal(sla_add(t, 90, true, &cal), t + 90 * MINUTE);
    /* Intervals that are empty or out of range are no working hours either. */
    cal.hours[1][0] = (sla_interval){600, 600};
    cal.hours[2][0] = (sla_interval){-60, 0};
    cal.hours[3][0] = (sla_interval){1000, 1500};
    cal.interval_count[1] = cal.interval_count[2] = cal.interval_count[3] = 1;
    assert_int_equal(sla_add(t, 90, true, &cal), t + 90 * MINUTE);
    assert_int_equal(sla_add(t, 90, true, NULL), t + 90 * MINUTE);
}

static void calendar_of_holidays_only_ends(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    /* Every day for four years is a holiday: the walk gives up and counts calendar time. */
    enum { DAYS = 4 * 366 };
    int *days = malloc(DAYS * sizeof *days);
    assert_non_null(days);
    for (int i = 0; i < DAYS; i++) {
        time_t t = (time_t)(shanghai(2026, 3, 1, 12, 0) + i * 24 * HOUR + 8 * HOUR);
        struct tm tm;
        gmtime_r(&t, &tm);
        days[i] = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    }
    cal.holidays = days;
    cal.holiday_count = DAYS;
    long long start = shanghai(2026, 3, 2, 10, 0);
    assert_int_equal(sla_add(start, 60, true, &cal), start + HOUR);
    free(days);
}

static void shanghai_zone_is_used_whatever_the_process_zone(void **state) {
    (void)state;
    setenv("TZ", "UTC", 1);
    tzset();
    sla_calendar cal;
    memset(&cal, 0, sizeof cal);
    set_hours(&cal, 1, 7, 8 * 60, 18 * 60);
    cal.zone = "Asia/Shanghai";
    /* 2026-03-02T23:30Z is Tuesday 07:30 in Shanghai: half an hour of work ends at 08:30
     * local, 00:30Z; read in UTC it would have been Monday night. */
    long long start = shanghai(2026, 3, 3, 7, 30);
    assert_int_equal(sla_add(start, 30, true, &cal), shanghai(2026, 3, 3, 8, 30));
    /* No zone, or a path-like one, means Asia/Shanghai. */
    cal.zone = NULL;
    assert_int_equal(sla_add(start, 30, true, &cal), shanghai(2026, 3, 3, 8, 30));
    cal.zone = "../../etc/passwd";
    assert_int_equal(sla_add(start, 30, true, &cal), shanghai(2026, 3, 3, 8, 30));
    unsetenv("TZ");
    tzset();
    assert_int_equal(sla_add(start, 30, true, &cal), shanghai(2026, 3, 3, 8, 30));
}

static void another_zone_follows_its_own_clock(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    cal.zone = "Europe/Berlin";
    /* Monday 2026-03-30 is summer time (UTC+2): 07:00Z is 09:00 there, opening time. */
    struct tm tm = {.tm_year = 126, .tm_mon = 2, .tm_mday = 30, .tm_hour = 7};
    long long start = (long long)timegm(&tm);
    assert_int_equal(sla_add(start, 60, true, &cal), start + HOUR);
    /* Friday 2026-03-27 is still winter time: 16:00Z is 17:00, closing. Monday 09:00
     * CEST is 07:00Z; an hour of work later it is 08:00Z. */
    struct tm friday = {.tm_year = 126, .tm_mon = 2, .tm_mday = 27, .tm_hour = 16};
    assert_int_equal(sla_add((long long)timegm(&friday), 60, true, &cal), start + HOUR);
}

/* The defaults of DOMAIN.md, as sla_policy_default stores them. */
static const sla_policy urgent_repair = {15, 30, 480, false, 120};
static const sla_policy normal_repair = {120, 0, 1440, false, 1440};
static const sla_policy normal_complaint = {1440, 0, 7200, false, 1440};
static const sla_policy normal_inquiry = {1440, 0, 0, true, 1440};

static void urgent_repair_on_site_in_30_minutes(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    long long created = shanghai(2026, 3, 7, 23, 10); /* a Saturday night: calendar time */
    sla_dues d = sla_compute(&urgent_repair, &cal, created, 0, true);
    assert_int_equal(d.respond, created + 15 * MINUTE);
    assert_int_equal(d.onsite, created + 30 * MINUTE);
    assert_int_equal(d.resolve, created + 8 * HOUR);
    /* The promise of 30 minutes wins over an agreed time. */
    d = sla_compute(&urgent_repair, &cal, created, created + 5 * HOUR, true);
    assert_int_equal(d.onsite, created + 30 * MINUTE);
}

static void complaint_answered_within_24_hours(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    long long created = shanghai(2026, 3, 6, 18, 0);
    sla_dues d = sla_compute(&normal_complaint, &cal, created, 0, false);
    assert_int_equal(d.respond, created + 24 * HOUR);
    assert_int_equal(d.onsite, 0);
    assert_int_equal(d.resolve, created + 5 * 24 * HOUR);
}

static void repair_at_the_agreed_time(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    long long created = shanghai(2026, 3, 2, 10, 0);
    long long agreed = created + 3 * HOUR;
    sla_dues d = sla_compute(&normal_repair, &cal, created, agreed, true);
    assert_int_equal(d.respond, created + 2 * HOUR);
    assert_int_equal(d.onsite, agreed);
    assert_int_equal(d.resolve, created + 24 * HOUR);
    /* Without an agreed time there is no on-site promise, only the 24 h. */
    d = sla_compute(&normal_repair, &cal, created, 0, true);
    assert_int_equal(d.onsite, 0);
    assert_int_equal(d.resolve, created + 24 * HOUR);
    /* An agreed time is no on-site promise for other kinds. */
    d = sla_compute(&normal_complaint, &cal, created, agreed, false);
    assert_int_equal(d.onsite, 0);
}

static void visit_agreed_after_the_resolve_limit_moves_it(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    long long created = shanghai(2026, 3, 2, 10, 0);
    long long agreed = created + 3 * 24 * HOUR;
    sla_dues d = sla_compute(&normal_repair, &cal, created, agreed, true);
    assert_int_equal(d.onsite, agreed);
    assert_int_equal(d.resolve, agreed + 24 * HOUR);
}

static void working_policy_counts_working_hours(void **state) {
    (void)state;
    sla_calendar cal = office_week();
    /* 24 working hours from Friday 16:00: 1 + 8 (Mon) + 8 (Tue) + 7 (Wed until 16:00). */
    sla_dues d = sla_compute(&normal_inquiry, &cal, shanghai(2026, 3, 6, 16, 0), 0, false);
    assert_int_equal(d.respond, shanghai(2026, 3, 11, 16, 0));
    assert_int_equal(d.onsite, 0);
    assert_int_equal(d.resolve, 0);
}

/* --- the sweep's rules ------------------------------------------------------------- */

static sla_clock_state complaint_at(long long created) {
    sla_clock_state t;
    memset(&t, 0, sizeof t);
    t.respond_due = created + 24 * HOUR;
    t.resolve_due = created + 5 * 24 * HOUR;
    t.manager_after_minutes = 1440;
    return t;
}

static void sweep_marks_a_missed_promise_once(void **state) {
    (void)state;
    long long created = shanghai(2030, 1, 1, 9, 0);
    sla_clock_state t = complaint_at(created);
    assert_int_equal(sla_sweep_missed(&t, created + 23 * HOUR), 0);
    assert_int_equal(sla_sweep_missed(&t, created + 24 * HOUR), 0); /* due is not yet past */
    assert_int_equal(sla_sweep_missed(&t, created + 25 * HOUR), SLA_BREACH_RESPOND);
    assert_int_equal(sla_sweep_level(&t, SLA_BREACH_RESPOND, created + 25 * HOUR), 1);
    t.breached = SLA_BREACH_RESPOND;
    t.escalation_level = 1;
    assert_int_equal(sla_sweep_missed(&t, created + 25 * HOUR), 0);
    assert_int_equal(sla_sweep_level(&t, 0, created + 25 * HOUR), 1);
    /* A day past the breach it goes to the manager, then stays there. */
    assert_int_equal(sla_sweep_level(&t, 0, created + 48 * HOUR), 1);
    assert_int_equal(sla_sweep_level(&t, 0, created + 48 * HOUR + 1), 2);
    assert_int_equal(sla_sweep_manager_at(&t, t.breached), created + 48 * HOUR);
    assert_int_equal(sla_sweep_manager_at(&t, 0), 0); /* nothing missed: no manager's time */
    t.escalation_level = 2;
    assert_int_equal(sla_sweep_level(&t, 0, created + 90 * HOUR), 2);
}

static void sweep_leaves_kept_promises_alone(void **state) {
    (void)state;
    long long created = shanghai(2030, 1, 1, 9, 0);
    sla_clock_state t = complaint_at(created);
    t.responded = true;
    assert_int_equal(sla_sweep_missed(&t, created + 25 * HOUR), 0);
    assert_int_equal(sla_sweep_level(&t, 0, created + 25 * HOUR), 0);
    t.completed = true;
    assert_int_equal(sla_sweep_missed(&t, created + 10 * 24 * HOUR), 0);
    /* Answered late: the breach stays recorded but no longer goes to the manager. */
    t.completed = false;
    t.breached = SLA_BREACH_RESPOND;
    t.escalation_level = 1;
    assert_int_equal(sla_sweep_level(&t, 0, created + 3 * 24 * HOUR), 1);
    assert_int_equal(sla_sweep_manager_at(&t, t.breached), 0);
    /* ... until the resolve promise is missed too, counted from its own due. */
    long long late = created + 6 * 24 * HOUR;
    assert_int_equal(sla_sweep_missed(&t, late), SLA_BREACH_RESOLVE);
    assert_int_equal(sla_sweep_level(&t, SLA_BREACH_RESOLVE, late), 1);
    assert_int_equal(sla_sweep_level(&t, SLA_BREACH_RESOLVE, t.resolve_due + 24 * HOUR + 1), 2);
    assert_int_equal(sla_sweep_manager_at(&t, SLA_BREACH_RESPOND | SLA_BREACH_RESOLVE),
                     t.resolve_due + 24 * HOUR);
}

static void sweep_catches_up_after_a_long_stop(void **state) {
    (void)state;
    long long created = shanghai(2030, 1, 1, 9, 0);
    sla_clock_state t = complaint_at(created);
    t.onsite_due = created + HOUR;
    long long now = created + 7 * 24 * HOUR;
    assert_int_equal(sla_sweep_missed(&t, now), SLA_BREACH_RESPOND | SLA_BREACH_ONSITE | SLA_BREACH_RESOLVE);
    assert_int_equal(sla_sweep_level(&t, sla_sweep_missed(&t, now), now), 2);
    /* Escalated by hand already: a new breach adds no supervisor step. */
    t.escalation_level = 1;
    assert_int_equal(sla_sweep_level(&t, SLA_BREACH_RESPOND, created + 25 * HOUR), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar_add_ignores_the_calendar),
        cmocka_unit_test(working_add_inside_hours),
        cmocka_unit_test(working_add_before_hours_starts_at_opening),
        cmocka_unit_test(working_add_after_hours_starts_next_morning),
        cmocka_unit_test(working_add_across_the_night),
        cmocka_unit_test(working_add_ending_at_closing_stays_that_day),
        cmocka_unit_test(working_add_across_the_weekend),
        cmocka_unit_test(working_add_skips_a_holiday),
        cmocka_unit_test(make_up_day_works_monday_hours),
        cmocka_unit_test(lunch_break_is_not_working_time),
        cmocka_unit_test(zero_hours_calendar_falls_back_to_calendar_time),
        cmocka_unit_test(calendar_of_holidays_only_ends),
        cmocka_unit_test(shanghai_zone_is_used_whatever_the_process_zone),
        cmocka_unit_test(another_zone_follows_its_own_clock),
        cmocka_unit_test(urgent_repair_on_site_in_30_minutes),
        cmocka_unit_test(complaint_answered_within_24_hours),
        cmocka_unit_test(repair_at_the_agreed_time),
        cmocka_unit_test(visit_agreed_after_the_resolve_limit_moves_it),
        cmocka_unit_test(working_policy_counts_working_hours),
        cmocka_unit_test(sweep_marks_a_missed_promise_once),
        cmocka_unit_test(sweep_leaves_kept_promises_alone),
        cmocka_unit_test(sweep_catches_up_after_a_long_stop),
    };
    return cmocka_run_group_tests_name("time limits", tests, NULL, NULL);
}
