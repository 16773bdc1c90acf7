/* auth.c: the SQL of logins and sessions for residents (account) and staff. */
#include "auth.h"

#include <string.h>

static const char *kind_name(char kind) {
    return kind == ACCOUNT_STAFF ? "staff" : "resident";
}

db_status auth_find(arena *a, char kind, const char *login, auth_account *out, bool *found) {
    static db_stmt resident = DB_STMT(
        "auth_find_resident", "SELECT id, community_id, password_hash, session_epoch, disabled FROM account "
                              "WHERE login_phone = ? OR login_email = ? LIMIT 1");
    static db_stmt staff = DB_STMT(
        "auth_find_staff", "SELECT id, community_id, password_hash, session_epoch, disabled FROM staff "
                           "WHERE login = ?");
    db_rows rows;
    db_arg args[2] = {DB_TEXT(login), DB_TEXT(login)};
    db_status s =
        kind == ACCOUNT_STAFF ? db_exec(&staff, args, 1, a, &rows) : db_exec(&resident, args, 2, a, &rows);
    *found = false;
    if (s != DB_OK || rows.count == 0)
        return s;
    *found = true;
    out->id = db_cell_int(&rows, 0, 0);
    out->community_id = db_cell_int(&rows, 0, 1);
    out->password_hash = db_cell(&rows, 0, 2);
    out->epoch = db_cell_int(&rows, 0, 3);
    out->disabled = db_cell_int(&rows, 0, 4) != 0;
    return DB_OK;
}

db_status auth_throttle(arena *a, char kind, const char *login, const char *address, int max_failures,
                        long window_seconds, long long now, long *wait_seconds) {
    return auth_throttle_account(a, kind, login, 0, address, max_failures, window_seconds, now, wait_seconds);
}

db_status auth_throttle_account(arena *a, char kind, const char *login, long long user_id,
                                const char *address, int max_failures, long window_seconds, long long now,
                                long *wait_seconds) {
    /* Failures since the account's (or the login text's) last success count against it;
     * every failure in the window counts against the address. The oldest counted
     * failure decides when the window lets the next attempt through. */
    static db_stmt by_login = DB_STMT(
        "auth_throttle_login",
        "SELECT COUNT(*), UNIX_TIMESTAMP(MIN(f.at)) FROM (SELECT at FROM login_attempt "
        "WHERE kind = ? AND (login = ? OR (? <> 0 AND user_id = ?)) AND success = 0 AND at > "
        "FROM_UNIXTIME(?) "
        "AND at > COALESCE((SELECT MAX(at) FROM login_attempt WHERE kind = ? AND (login = ? OR (? <> 0 AND "
        "user_id = ?)) AND success = 1), '1970-01-02') ORDER BY at DESC LIMIT ?) f");
    static db_stmt by_address = DB_STMT(
        "auth_throttle_address", "SELECT COUNT(*), UNIX_TIMESTAMP(MIN(f.at)) FROM (SELECT at FROM "
                                 "login_attempt WHERE address = ? AND success = 0 AND at > FROM_UNIXTIME(?) "
                                 "ORDER BY at DESC LIMIT ?) f");
    long long since = now - window_seconds;
    db_rows rows;
    db_arg largs[10] = {
        DB_TEXT(kind_name(kind)), DB_TEXT(login), DB_INT(user_id), DB_INT(user_id), DB_INT(since),
        DB_TEXT(kind_name(kind)), DB_TEXT(login), DB_INT(user_id), DB_INT(user_id), DB_INT(max_failures)};
    *wait_seconds = 0;
    db_status s = db_exec(&by_login, largs, 10, a, &rows);
    if (s != DB_OK)
        return s;
    if (db_cell_int(&rows, 0, 0) >= max_failures)
        *wait_seconds = (long)(db_cell_int(&rows, 0, 1) + window_seconds - now);
    db_arg aargs[3] = {DB_TEXT(address), DB_INT(since), DB_INT(max_failures)};
    s = db_exec(&by_address, aargs, 3, a, &rows);
    if (s != DB_OK)
        return s;
    if (db_cell_int(&rows, 0, 0) >= max_failures) {
        long wait = (long)(db_cell_int(&rows, 0, 1) + window_seconds - now);
        if (wait > *wait_seconds)
            *wait_seconds = wait;
    }
    if (*wait_seconds < 0)
        *wait_seconds = 0;
    return DB_OK;
}

db_status auth_record_attempt(char kind, const char *login, const char *address, bool success,
                              long long user_id, long long now) {
    static db_stmt st = DB_STMT("auth_record_attempt",
                                "INSERT INTO login_attempt (at, kind, login, address, success, user_id) "
                                "VALUES (FROM_UNIXTIME(?), ?, ?, ?, ?, ?)");
    db_arg args[6] = {DB_INT(now),      DB_TEXT(kind_name(kind)), DB_TEXT(login),
                      DB_TEXT(address), DB_INT(success ? 1 : 0),  user_id ? DB_INT(user_id) : DB_NULL};
    return db_exec(&st, args, 6, NULL, NULL);
}

db_status auth_signed_in(char kind, long long user_id, const char *new_hash, long long now) {
    static db_stmt resident =
        DB_STMT("auth_signed_in_resident", "UPDATE account SET last_login_at = FROM_UNIXTIME(?), "
                                           "password_hash = COALESCE(?, password_hash) WHERE id = ?");
    static db_stmt staff =
        DB_STMT("auth_signed_in_staff", "UPDATE staff SET last_login_at = FROM_UNIXTIME(?), "
                                        "password_hash = COALESCE(?, password_hash) WHERE id = ?");
    db_arg args[3] = {DB_INT(now), new_hash ? DB_TEXT(new_hash) : DB_NULL, DB_INT(user_id)};
    return db_exec(kind == ACCOUNT_STAFF ? &staff : &resident, args, 3, NULL, NULL);
}

db_status auth_end_sessions(char kind, long long user_id) {
    static db_stmt resident = DB_STMT("auth_end_sessions_resident",
                                      "UPDATE account SET session_epoch = session_epoch + 1 WHERE id = ?");
    static db_stmt staff =
        DB_STMT("auth_end_sessions_staff", "UPDATE staff SET session_epoch = session_epoch + 1 WHERE id = ?");
    db_arg args[1] = {DB_INT(user_id)};
    return db_exec(kind == ACCOUNT_STAFF ? &staff : &resident, args, 1, NULL, NULL);
}

db_status auth_session_user(arena *a, const session *s, page_user *user, bool *valid) {
    static db_stmt resident = DB_STMT(
        "auth_session_resident",
        "SELECT a.session_epoch, a.disabled, p.name, c.name, COALESCE(a.login_phone, a.login_email), '', '', "
        "c.time_zone, COALESCE(a.current_unit_id, 0), COALESCE(v.version, 0), COALESCE(dv.version, 0) "
        "FROM account a JOIN person p ON p.id = a.person_id JOIN community c ON c.id = a.community_id "
        "LEFT JOIN community_ref_version v ON v.community_id = c.id "
        "LEFT JOIN community_data_version dv ON dv.community_id = c.id WHERE a.id = ? AND a.community_id = "
        "?");
    /* A staff member's first role in the session's community names them in the header. */
    static db_stmt staff = DB_STMT(
        "auth_session_staff",
        "SELECT s.session_epoch, s.disabled, s.name, c.name, s.login, "
        "GROUP_CONCAT(r.code ORDER BY r.id SEPARATOR ','), "
        "SUBSTRING_INDEX(GROUP_CONCAT(r.name ORDER BY r.id SEPARATOR ','), ',', 1), c.time_zone, 0, "
        "COALESCE(MAX(v.version), 0), COALESCE(MAX(dv.version), 0) "
        "FROM staff s JOIN staff_role g ON g.staff_id = s.id JOIN community c ON c.id = g.community_id "
        "JOIN role r ON r.id = g.role_id LEFT JOIN community_ref_version v ON v.community_id = c.id "
        "LEFT JOIN community_data_version dv ON dv.community_id = c.id "
        "WHERE s.id = ? AND g.community_id = ? GROUP BY s.id, c.id");
    db_rows rows;
    db_arg args[2] = {DB_INT(s->user_id), DB_INT(s->community_id)};
    db_status st = db_exec(s->kind == ACCOUNT_STAFF ? &staff : &resident, args, 2, a, &rows);
    *valid = false;
    if (st != DB_OK || rows.count == 0)
        return st;
    if (db_cell_int(&rows, 0, 0) != s->epoch || db_cell_int(&rows, 0, 1) != 0)
        return DB_OK;
    *valid = true;
    user->id = s->user_id;
    user->community_id = s->community_id;
    user->kind = s->kind;
    user->name = db_cell(&rows, 0, 2);
    user->community_name = db_cell(&rows, 0, 3);
    user->login = db_cell(&rows, 0, 4);
    user->roles = s->kind == ACCOUNT_STAFF ? db_cell(&rows, 0, 5) : NULL;
    user->role_name = s->kind == ACCOUNT_STAFF ? db_cell(&rows, 0, 6) : NULL;
    user->community_zone = db_cell(&rows, 0, 7);
    user->unit_id = db_cell_int(&rows, 0, 8);
    user->ref_version = db_cell_int(&rows, 0, 9);
    user->data_version = db_cell_int(&rows, 0, 10);
    return DB_OK;
}

db_status auth_attempt_begin(arena *a, char kind, const char *login, const char *address, long long user_id,
                             long long now, long long *attempt_id) {
    static db_stmt st = DB_STMT("auth_attempt_begin",
                                "INSERT INTO login_attempt (at, kind, login, address, success, user_id) "
                                "VALUES (FROM_UNIXTIME(?), ?, ?, ?, 0, ?)");
    db_rows rows;
    db_arg args[5] = {DB_INT(now), DB_TEXT(kind_name(kind)), DB_TEXT(login), DB_TEXT(address),
                      user_id ? DB_INT(user_id) : DB_NULL};
    db_status s = db_exec(&st, args, 5, a, &rows);
    if (s == DB_OK)
        *attempt_id = (long long)rows.insert_id;
    return s;
}

db_status auth_attempt_succeeded(long long attempt_id) {
    static db_stmt st =
        DB_STMT("auth_attempt_succeeded", "UPDATE login_attempt SET success = 1 WHERE id = ?");
    db_arg args[1] = {DB_INT(attempt_id)};
    return db_exec(&st, args, 1, NULL, NULL);
}
