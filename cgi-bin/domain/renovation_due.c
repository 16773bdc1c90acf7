/* renovation_due.c: the inspector's day (renovation_due.h). Each read walks one index:
 * the violations renovation_violation_open (community, state, deadline), the sites
 * renovation_queue (community, state, id) with their latest patrol from
 * renovation_patrol_case (case, date). */
#include "renovation_due.h"

#include <string.h>

#define DUE_LIMIT "500"

static const char *text(const db_rows *r, size_t i, size_t col) {
    const char *s = db_cell(r, i, col);
    return s ? s : "";
}

static db_status load_violations(arena *a, long long community_id, const char *today, renovation_day *out) {
    static db_stmt st = DB_STMT(
        "renovation_due_violations",
        "SELECT v.id, v.renovation_id, u.code, v.notice_no, v.rule, DATE_FORMAT(v.deadline, '%Y-%m-%d'), "
        "v.state, DATEDIFF(?, v.deadline) FROM renovation_violation v JOIN renovation r ON r.id = "
        "v.renovation_id JOIN unit u ON u.id = r.unit_id WHERE v.community_id = ? AND v.state IN ('open', "
        "'escalated') ORDER BY v.deadline, v.id LIMIT " DUE_LIMIT);
    db_rows r;
    db_arg args[2] = {DB_TEXT(today), DB_INT(community_id)};
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    out->violations = arena_alloc(a, (r.count ? r.count : 1) * sizeof *out->violations);
    if (!out->violations)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        renovation_due_violation *v = &out->violations[i];
        *v = (renovation_due_violation){
            db_cell_int(&r, i, 0), db_cell_int(&r, i, 1), text(&r, i, 2), text(&r, i, 3),
            text(&r, i, 4),        text(&r, i, 5),        text(&r, i, 6), (int)db_cell_int(&r, i, 7)};
        if (v->days_over > 0)
            out->overdue_count++;
    }
    out->violation_count = r.count;
    return DB_OK;
}

static db_status load_sites(arena *a, long long community_id, const char *today, int patrol_days,
                            renovation_day *out) {
    static db_stmt st = DB_STMT(
        "renovation_due_sites",
        "SELECT id, code, permit_no, DATE_FORMAT(permit_from, '%Y-%m-%d'), DATE_FORMAT(permit_to, "
        "'%Y-%m-%d'), state, COALESCE(DATE_FORMAT(last, '%Y-%m-%d'), ''), DATEDIFF(?, COALESCE(last, "
        "permit_from)) FROM (SELECT r.id, u.code, r.permit_no, r.permit_from, r.permit_to, r.state, (SELECT "
        "MAX(p.patrol_date) FROM renovation_patrol p WHERE p.renovation_id = r.id) AS last FROM renovation r "
        "JOIN unit u ON u.id = r.unit_id WHERE r.community_id = ? AND r.state IN ('permitted', "
        "'inspecting')) "
        "s WHERE permit_from <= ? AND (last IS NULL OR last <= DATE_SUB(?, INTERVAL ? DAY)) ORDER BY last IS "
        "NOT NULL, "
        "COALESCE(last, permit_from), id LIMIT " DUE_LIMIT);
    static db_stmt active =
        DB_STMT("renovation_due_active", "SELECT COUNT(*) FROM renovation WHERE community_id = ? AND state "
                                         "IN ('permitted', 'inspecting')");
    db_rows r;
    db_arg args[5] = {DB_TEXT(today), DB_INT(community_id), DB_TEXT(today), DB_TEXT(today),
                      DB_INT(patrol_days)};
    db_status s = db_exec(&st, args, 5, a, &r);
    if (s != DB_OK)
        return s;
    out->sites = arena_alloc(a, (r.count ? r.count : 1) * sizeof *out->sites);
    if (!out->sites)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        renovation_due_site *t = &out->sites[i];
        *t = (renovation_due_site){
            db_cell_int(&r, i, 0), text(&r, i, 1), text(&r, i, 2), text(&r, i, 3),
            text(&r, i, 4),        text(&r, i, 5), text(&r, i, 6), (int)db_cell_int(&r, i, 7)};
        if (!strcmp(t->state, "inspecting"))
            out->inspecting_count++;
    }
    out->site_count = r.count;
    db_rows c;
    db_arg cargs[1] = {DB_INT(community_id)};
    if ((s = db_exec(&active, cargs, 1, a, &c)) != DB_OK)
        return s;
    out->active_count = db_cell_int(&c, 0, 0);
    return DB_OK;
}

db_status renovation_day_load(arena *a, long long community_id, const char *today, int patrol_days,
                              renovation_day *out) {
    memset(out, 0, sizeof *out);
    db_status s = load_violations(a, community_id, today, out);
    return s != DB_OK ? s : load_sites(a, community_id, today, patrol_days, out);
}
