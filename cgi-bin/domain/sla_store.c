/* sla_store.c: the SQL that loads time-limit policies and working calendars. */
#include "sla_store.h"

#include <string.h>

#include "../core/log.h"
#include "../core/refcache.h"

/* Holidays and make-up days are a few dozen a year; this only bounds a runaway table. */
#define MAX_CALENDAR_DAYS 5000

/* One row of the community's policies. */
typedef struct kept_policy {
    const char *kind;
    const char *severity;
    sla_policy policy;
} kept_policy;

static int read_policies(arena *a, long long community_id, void *items, size_t *count) {
    static db_stmt st =
        DB_STMT("sla_load_policies",
                "SELECT kind, severity, COALESCE(respond_minutes, 0), COALESCE(onsite_minutes, 0), "
                "COALESCE(resolve_minutes, 0), clock = 'working', manager_after_minutes "
                "FROM sla_policy WHERE community_id = ?");
    kept_policy **out = items;
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    *out = NULL;
    *count = 0;
    if (s != DB_OK || rows.count == 0)
        return s;
    if (!(*out = arena_alloc(a, rows.count * sizeof **out)))
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        kept_policy *k = &(*out)[i];
        k->kind = db_cell(&rows, i, 0);
        k->severity = db_cell(&rows, i, 1);
        k->policy.respond_minutes = (long)db_cell_int(&rows, i, 2);
        k->policy.onsite_minutes = (long)db_cell_int(&rows, i, 3);
        k->policy.resolve_minutes = (long)db_cell_int(&rows, i, 4);
        k->policy.working = db_cell_int(&rows, i, 5) != 0;
        k->policy.manager_after_minutes = (long)db_cell_int(&rows, i, 6);
    }
    *count = rows.count;
    return DB_OK;
}

db_status sla_load_policy(arena *a, long long community_id, const char *kind, const char *severity,
                          sla_policy *out, bool *found) {
    /* Kept by the page process while the community's reference version holds
     * (core/refcache.h; schema/0019_ref_sla.sql raises it). */
    static refcache_slot kept;
    kept_policy *policies = NULL;
    size_t count = 0;
    int s = refcache_read(&kept, read_policies, a, community_id, &policies, &count);
    *found = false;
    memset(out, 0, sizeof *out);
    if (s != DB_OK)
        return (db_status)s;
    for (size_t i = 0; i < count; i++) {
        if (policies[i].kind && policies[i].severity && !strcmp(policies[i].kind, kind) &&
            !strcmp(policies[i].severity, severity)) {
            *out = policies[i].policy;
            *found = true;
            break;
        }
    }
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

/* The community's hours and days, without its zone, in one arena-allocated calendar. */
static int read_calendar(arena *a, long long community_id, void *items, size_t *count) {
    sla_calendar **out = items;
    *count = 0;
    if (!(*out = arena_alloc(a, sizeof **out)))
        return DB_ERROR;
    memset(*out, 0, sizeof **out);
    db_status s = load_hours(a, community_id, *out);
    if (s == DB_OK)
        s = load_days(a, community_id, *out);
    if (s == DB_OK)
        *count = 1;
    return s;
}

db_status sla_load_calendar(arena *a, long long community_id, const char *zone, sla_calendar *out) {
    static db_stmt read_zone = DB_STMT("sla_load_zone", "SELECT time_zone FROM community WHERE id = ?");
    static refcache_slot kept;
    memset(out, 0, sizeof *out);
    db_status s = DB_OK;
    if (!zone) {
        db_rows rows;
        db_arg args[1] = {DB_INT(community_id)};
        if ((s = db_exec(&read_zone, args, 1, a, &rows)) != DB_OK)
            return s;
        if (rows.count > 0)
            zone = db_cell(&rows, 0, 0);
    }
    sla_calendar *cal = NULL;
    size_t count = 0;
    int r = refcache_read(&kept, read_calendar, a, community_id, &cal, &count);
    if (r != DB_OK)
        return (db_status)r;
    if (cal)
        *out = *cal;
    out->zone = zone;
    return DB_OK;
}
