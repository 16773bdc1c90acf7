/* staff.c: the SQL behind a staff member's own page. */
#include "staff.h"

#include <string.h>

db_status staff_load(arena *a, long long staff_id, long long community_id, int recent, staff_profile *out) {
    static db_stmt profile = DB_STMT(
        "staff_profile", "SELECT s.name, s.login, s.phone, COALESCE(d.name, ''), c.name FROM staff s "
                         "JOIN community c ON c.id = ? LEFT JOIN department d ON d.id = s.department_id "
                         "WHERE s.id = ?");
    static db_stmt roles =
        DB_STMT("staff_roles", "SELECT r.name FROM staff_role g JOIN role r ON r.id = g.role_id "
                               "WHERE g.staff_id = ? AND g.community_id = ? ORDER BY r.id");
    static db_stmt logins =
        DB_STMT("staff_logins", "SELECT UNIX_TIMESTAMP(at), address, success FROM login_attempt "
                                "WHERE kind = 'staff' AND user_id = ? ORDER BY id DESC LIMIT ?");
    db_rows rows;
    memset(out, 0, sizeof *out);
    db_arg pargs[2] = {DB_INT(community_id), DB_INT(staff_id)};
    db_status s = db_exec(&profile, pargs, 2, a, &rows);
    if (s != DB_OK || rows.count == 0)
        return s;
    out->name = db_cell(&rows, 0, 0);
    out->login = db_cell(&rows, 0, 1);
    out->phone = db_cell(&rows, 0, 2);
    out->department = db_cell(&rows, 0, 3);
    out->community_name = db_cell(&rows, 0, 4);
    db_arg rargs[2] = {DB_INT(staff_id), DB_INT(community_id)};
    if ((s = db_exec(&roles, rargs, 2, a, &rows)) != DB_OK)
        return s;
    out->roles = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof *out->roles);
    if (!out->roles)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++)
        out->roles[i] = db_cell(&rows, i, 0);
    out->role_count = rows.count;
    db_arg largs[2] = {DB_INT(staff_id), DB_INT(recent)};
    if ((s = db_exec(&logins, largs, 2, a, &rows)) != DB_OK)
        return s;
    out->logins = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof *out->logins);
    if (!out->logins)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        out->logins[i].at = db_cell_int(&rows, i, 0);
        out->logins[i].address = db_cell(&rows, i, 1);
        out->logins[i].success = (int)db_cell_int(&rows, i, 2);
    }
    out->login_count = rows.count;
    return DB_OK;
}
