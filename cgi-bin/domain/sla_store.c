/* sla_store.c: the SQL that loads time-limit policies and working calendars. */
#include "sla_store.h"

#include <string.h>

#include "../core/log.h"

/* Holidays and make-up days are a few dozen a year; this only bounds a runaway table. */
#define MAX_CALENDAR_DAYS 5000

db_status sla_load_policy(arena *a, long long community_id, const char *kind, const char *severity,
                          sla_policy *out, bool *found) {
    static db_stmt st =
        DB_STMT("sla_load_policy", "SELECT COALESCE(respond_minutes, 0), COALESCE(onsite_minutes, 0), "
                                   "COALESCE(resolve_minutes, 0), clock = 'working', manager_after_minutes "
                                   "FROM sla_policy WHERE community_id = ? AND kind = ? AND severity = ?");
    db_rows rows;
    db_arg args[3] = {DB_INT(community_id), DB_TEXT(kind), DB_TEXT(severity)};
    db_status s = db_exec(&st, args, 3, a, &rows);
    *found = false;
    memset(out, 0, sizeof *out);
    if (s != DB_OK || rows.count == 0)
        return s;
    *found = true;
    out->respond_minutes = (long)db_cell_int(&rows, 0, 0);
    out->onsite_minutes = (long)db_cell_int(&rows, 0, 1);
    out->resolve_minutes = (long)db_cell_int(&rows, 0, 2);
    out->working = db_cell_int(&rows, 0, 3) != 0;
    out->manager_after_minutes = (long)db_cell_int(&rows, 0, 4);
    return DB_OK;
}

static db_status load_hours(arena *a, long long community_id, sla_calendar *out) {
    static db_stmt st = DB_STMT("sla_load_hours", "SELECT weekday, start_minute, end_minute FROM work_hours "
                                                  "WHERE community_id = ? ORDER BY weekday, start_minute");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    for (size_t i = 0; i < rows.count; i++) {
        long long weekday = db_cell_int(&rows, i, 0);
        if (weekday < 1 || weekday > 7)
            continue;
        int *n = &out->interval_count[weekday];
        if (*n == SLA_MAX_INTERVALS) {
            /* Dropping hours would move dues later without anyone noticing: say so. */
            log_error("sla calendar of community %lld: more than %d intervals on weekday %lld, extra ignored",
                      community_id, SLA_MAX_INTERVALS, weekday);
            continue;
        }
        out->hours[weekday][*n].start_minute = (int)db_cell_int(&rows, i, 1);
        out->hours[weekday][*n].end_minute = (int)db_cell_int(&rows, i, 2);
        (*n)++;
    }
    return DB_OK;
}

static db_status load_days(arena *a, long long community_id, sla_calendar *out) {
    static db_stmt st =
        DB_STMT("sla_load_days", "SELECT YEAR(day) * 10000 + MONTH(day) * 100 + DAYOFMONTH(day), working "
                                 "FROM work_holiday WHERE community_id = ? ORDER BY day DESC LIMIT ?");
    db_rows rows;
    db_arg args[2] = {DB_INT(community_id), DB_INT(MAX_CALENDAR_DAYS)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return DB_OK;
    int *holidays = arena_alloc(a, rows.count * sizeof *holidays);
    int *workdays = arena_alloc(a, rows.count * sizeof *workdays);
    if (!holidays || !workdays)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        int day = (int)db_cell_int(&rows, i, 0);
        if (db_cell_int(&rows, i, 1))
            workdays[out->workday_count++] = day;
        else
            holidays[out->holiday_count++] = day;
    }
    out->holidays = holidays;
    out->workdays = workdays;
    return DB_OK;
}

db_status sla_load_calendar(arena *a, long long community_id, const char *zone, sla_calendar *out) {
    static db_stmt read_zone = DB_STMT("sla_load_zone", "SELECT time_zone FROM community WHERE id = ?");
    memset(out, 0, sizeof *out);
    db_status s = DB_OK;
    out->zone = zone;
    if (!zone) {
        db_rows rows;
        db_arg args[1] = {DB_INT(community_id)};
        if ((s = db_exec(&read_zone, args, 1, a, &rows)) != DB_OK)
            return s;
        if (rows.count > 0)
            out->zone = db_cell(&rows, 0, 0);
    }
    s = load_hours(a, community_id, out);
    if (s == DB_OK)
        s = load_days(a, community_id, out);
    return s;
}
