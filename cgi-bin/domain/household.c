/* household.c: the SQL behind a resident's view of their own home. */
#include "household.h"

#include "fee_account.h"

#include <string.h>

const char *household_relation_name(const char *relation) {
    if (!relation)
        return "";
    if (!strcmp(relation, "owner"))
        return "业主";
    if (!strcmp(relation, "tenant"))
        return "租户";
    if (!strcmp(relation, "family"))
        return "家庭成员";
    return "其他住户";
}

db_status household_load(arena *a, long long account_id, household *out) {
    /* One reading: the unit and the community on every row, a member per row (one row of
     * no member when the account acts for no unit, or nobody lives there now). */
    static db_stmt st = DB_STMT_KEPT(
        "household_load",
        "SELECT u.id, u.code, b.name, u.floor, u.area_m2, u.type, "
        "(SELECT o.relation FROM occupancy o WHERE o.unit_id = u.id AND o.person_id = a.person_id AND "
        "o.until IS NULL LIMIT 1), c.name, c.phone, c.address, IF(u.id IS NULL, 0, " FEE_ACCOUNT_OWED_SQL(
            "u.id") "), "
                    "p.name, m.relation, DATE_FORMAT(m.since, '%Y-%m-%d'), p.id = a.person_id "
                    "FROM account a JOIN community c ON c.id = a.community_id "
                    "LEFT JOIN unit u ON u.id = a.current_unit_id LEFT JOIN building b ON b.id = "
                    "u.building_id "
                    "LEFT JOIN occupancy m ON m.unit_id = u.id AND m.until IS NULL LEFT JOIN person p ON "
                    "p.id = "
                    "m.person_id "
                    "WHERE a.id = ? ORDER BY FIELD(m.relation, 'owner', 'tenant', 'family', 'other'), "
                    "m.since, p.id "
                    "LIMIT 50");
    db_rows rows;
    db_arg args[1] = {DB_INT(account_id)};
    memset(out, 0, sizeof *out);
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return DB_OK;
    out->unit_id = db_cell_int(&rows, 0, 0);
    out->unit_code = db_cell(&rows, 0, 1);
    out->building_name = db_cell(&rows, 0, 2);
    out->floor = (int)db_cell_int(&rows, 0, 3);
    out->area_m2 = db_cell(&rows, 0, 4);
    out->unit_type = db_cell(&rows, 0, 5);
    out->relation = db_cell(&rows, 0, 6);
    out->community_name = db_cell(&rows, 0, 7);
    out->community_phone = db_cell(&rows, 0, 8);
    out->community_address = db_cell(&rows, 0, 9);
    out->owed_fen = db_cell_int(&rows, 0, 10);
    out->members = arena_alloc(a, rows.count * sizeof *out->members);
    if (!out->members)
        return DB_ERROR;
    for (size_t i = 0; out->unit_id && i < rows.count && db_cell(&rows, i, 11); i++) {
        household_member *m = &out->members[out->member_count++];
        m->name = db_cell(&rows, i, 11);
        m->relation = db_cell(&rows, i, 12);
        m->since = db_cell(&rows, i, 13);
        m->is_self = (int)db_cell_int(&rows, i, 14);
    }
    return DB_OK;
}
