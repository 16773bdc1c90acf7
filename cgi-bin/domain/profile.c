/* profile.c: the SQL of the resident's profile page: their household's contacts, their
 * password and the unit they work in. */
#include "profile.h"

#include <string.h>

#include "../core/password.h"
#include "audit.h"
#include "auth.h"

int profile_load(arena *a, long long account_id, profile *out) {
    static db_stmt head = DB_STMT(
        "profile_head",
        "SELECT p.id, p.name, COALESCE(a.login_phone, a.login_email, ''), p.phone, p.emergency_contact, "
        "COALESCE(a.current_unit_id, 0), COALESCE(u.code, ''), "
        "EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = a.current_unit_id AND o.person_id = p.id "
        "AND o.relation = 'owner' AND o.until IS NULL) "
        "FROM account a JOIN person p ON p.id = a.person_id LEFT JOIN unit u ON u.id = a.current_unit_id "
        "WHERE a.id = ?");
    static db_stmt members =
        DB_STMT("profile_members",
                "SELECT p.id, p.name, o.relation, p.phone, p.emergency_contact, p.id = a.person_id "
                "FROM account a JOIN occupancy o ON o.unit_id = a.current_unit_id AND o.until IS NULL "
                "JOIN person p ON p.id = o.person_id WHERE a.id = ? "
                "ORDER BY FIELD(o.relation, 'owner', 'tenant', 'family', 'other'), o.since, p.id LIMIT 50");
    static db_stmt units =
        DB_STMT("profile_units",
                "SELECT u.id, u.code, b.name, o.relation, u.id = COALESCE(a.current_unit_id, 0) "
                "FROM account a JOIN occupancy o ON o.person_id = a.person_id AND o.until IS NULL "
                "JOIN unit u ON u.id = o.unit_id JOIN building b ON b.id = u.building_id WHERE a.id = ? "
                "ORDER BY u.code, FIELD(o.relation, 'owner', 'tenant', 'family', 'other') LIMIT 50");
    db_rows rows;
    db_arg args[1] = {DB_INT(account_id)};
    memset(out, 0, sizeof *out);
    db_status s = db_exec(&head, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return 404;
    out->person_id = db_cell_int(&rows, 0, 0);
    out->name = db_cell(&rows, 0, 1);
    out->login = db_cell(&rows, 0, 2);
    out->phone = db_cell(&rows, 0, 3);
    out->emergency_contact = db_cell(&rows, 0, 4);
    out->current_unit_id = db_cell_int(&rows, 0, 5);
    out->current_unit_code = db_cell(&rows, 0, 6);
    out->is_owner = db_cell_int(&rows, 0, 7) != 0;

    if ((s = db_exec(&members, args, 1, a, &rows)) != DB_OK)
        return s;
    out->members = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof *out->members);
    if (!out->members)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        profile_member *m = &out->members[i];
        m->person_id = db_cell_int(&rows, i, 0);
        m->name = db_cell(&rows, i, 1);
        m->relation = db_cell(&rows, i, 2);
        m->phone = db_cell(&rows, i, 3);
        m->emergency_contact = db_cell(&rows, i, 4);
        m->is_self = db_cell_int(&rows, i, 5) != 0;
    }
    out->member_count = rows.count;

    if ((s = db_exec(&units, args, 1, a, &rows)) != DB_OK)
        return s;
    out->units = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof *out->units);
    if (!out->units)
        return DB_ERROR;
    size_t n = 0;
    for (size_t i = 0; i < rows.count; i++) {
        long long id = db_cell_int(&rows, i, 0);
        if (n && out->units[n - 1].id == id) /* two rows for one unit: the first relation names it */
            continue;
        profile_unit *u = &out->units[n++];
        u->id = id;
        u->code = db_cell(&rows, i, 1);
        u->building_name = db_cell(&rows, i, 2);
        u->relation = db_cell(&rows, i, 3);
        u->is_current = db_cell_int(&rows, i, 4) != 0;
    }
    out->unit_count = n;
    return 0;
}

int profile_set_contact(page_ctx *ctx, long long person_id, const char *phone,
                        const char *emergency_contact) {
    /* Who the target is to the resident: themselves, a current occupant of the resident's
     * current unit, and whether the resident owns that unit now. */
    static db_stmt who = DB_STMT(
        "profile_contact_who",
        "SELECT a.person_id = ?, "
        "EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = a.current_unit_id AND o.person_id = ? "
        "AND o.until IS NULL), "
        "EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = a.current_unit_id AND o.person_id = a.person_id "
        "AND o.relation = 'owner' AND o.until IS NULL) "
        "FROM account a WHERE a.id = ? AND a.community_id = ?");
    static db_stmt update =
        DB_STMT("profile_contact_update", "UPDATE person SET phone = ?, emergency_contact = ? "
                                          "WHERE id = ? AND community_id = ?");
    db_rows rows;
    int s = db_begin();
    if (s != DB_OK)
        return s;
    db_arg w[4] = {DB_INT(person_id), DB_INT(person_id), DB_INT(ctx->user.id),
                   DB_INT(ctx->user.community_id)};
    if ((s = db_exec(&who, w, 4, ctx->arena, &rows)) != DB_OK)
        goto fail;
    bool self = rows.count && db_cell_int(&rows, 0, 0);
    bool member = rows.count && db_cell_int(&rows, 0, 1);
    bool owner = rows.count && db_cell_int(&rows, 0, 2);
    if (!self && !member) {
        s = 404;
        goto fail;
    }
    if (!self && !owner) {
        s = 403;
        goto fail;
    }
    db_arg u[4] = {DB_TEXT(phone), DB_TEXT(emergency_contact), DB_INT(person_id),
                   DB_INT(ctx->user.community_id)};
    if ((s = db_exec(&update, u, 4, ctx->arena, NULL)) != DB_OK)
        goto fail;
    if ((s = audit_record(ctx, self ? "contact_edit_self" : "contact_edit_member", "person", person_id,
                          "phone,emergency_contact")) != DB_OK)
        goto fail;
    if ((s = db_commit()) != DB_OK)
        goto fail;
    return 0;
fail:
    db_rollback();
    return s;
}

int profile_check_password(page_ctx *ctx, const char *password, bool *matches, long *wait) {
    static db_stmt st = DB_STMT("profile_password_hash",
                                "SELECT password_hash, COALESCE(login_phone, login_email, '') FROM account "
                                "WHERE id = ?");
    db_rows rows;
    db_arg args[1] = {DB_INT(ctx->user.id)};
    *matches = false;
    *wait = 0;
    db_status s = db_exec(&st, args, 1, ctx->arena, &rows);
    if (s != DB_OK || rows.count == 0)
        return s;
    /* Checked as a sign-in is (core/signin.c), counted with the account's sign-ins: a
     * session left open in someone else's hands guesses no faster than the login page. */
    const char *login = db_cell(&rows, 0, 1), *address = ctx->req->remote_addr;
    s = auth_throttle_account(ctx->arena, ACCOUNT_RESIDENT, login, ctx->user.id, address,
                              ctx->config->login_max_failures, ctx->config->login_window_seconds, ctx->now,
                              wait);
    if (s != DB_OK || *wait > 0)
        return s;
    long long attempt;
    if ((s = auth_attempt_begin(ctx->arena, ACCOUNT_RESIDENT, login, address, ctx->user.id, ctx->now,
                                &attempt)) != DB_OK)
        return s;
    *matches = password_verify(password, db_cell(&rows, 0, 0));
    return *matches ? auth_attempt_succeeded(attempt) : DB_OK;
}

int profile_set_password(page_ctx *ctx, const char *new_hash, long long *epoch) {
    static db_stmt update = DB_STMT("profile_password_update",
                                    "UPDATE account SET password_hash = ?, session_epoch = session_epoch + 1 "
                                    "WHERE id = ?");
    static db_stmt read = DB_STMT("profile_password_epoch", "SELECT session_epoch FROM account WHERE id = ?");
    db_rows rows;
    int s = db_begin();
    if (s != DB_OK)
        return s;
    db_arg u[2] = {DB_TEXT(new_hash), DB_INT(ctx->user.id)};
    db_arg r[1] = {DB_INT(ctx->user.id)};
    if ((s = db_exec(&update, u, 2, ctx->arena, NULL)) != DB_OK ||
        (s = db_exec(&read, r, 1, ctx->arena, &rows)) != DB_OK)
        goto fail;
    if (rows.count == 0) {
        s = 404;
        goto fail;
    }
    *epoch = db_cell_int(&rows, 0, 0);
    if ((s = audit_record(ctx, "password_change", "account", ctx->user.id, "")) != DB_OK ||
        (s = db_commit()) != DB_OK)
        goto fail;
    return 0;
fail:
    db_rollback();
    return s;
}

int profile_switch_unit(page_ctx *ctx, long long unit_id) {
    static db_stmt update =
        DB_STMT("profile_switch_unit", "UPDATE account SET current_unit_id = ? WHERE id = ?");
    static db_stmt check = DB_STMT(
        "profile_switch_check",
        "SELECT COUNT(*) FROM account a JOIN occupancy o ON o.person_id = a.person_id AND o.unit_id = ? "
        "AND o.community_id = a.community_id AND o.until IS NULL WHERE a.id = ? FOR UPDATE");
    db_rows rows;
    int s = db_begin();
    if (s != DB_OK)
        return s;
    db_arg c[2] = {DB_INT(unit_id), DB_INT(ctx->user.id)};
    if ((s = db_exec(&check, c, 2, ctx->arena, &rows)) != DB_OK)
        goto fail;
    if (db_cell_int(&rows, 0, 0) == 0) {
        s = 404;
        goto fail;
    }
    db_arg u[2] = {DB_INT(unit_id), DB_INT(ctx->user.id)};
    if ((s = db_exec(&update, u, 2, ctx->arena, NULL)) != DB_OK ||
        (s = audit_record(ctx, "switch_unit", "unit", unit_id, "")) != DB_OK || (s = db_commit()) != DB_OK)
        goto fail;
    return 0;
fail:
    db_rollback();
    return s;
}
