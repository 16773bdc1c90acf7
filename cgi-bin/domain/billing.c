/* billing.c: the billing run and one-off bills (see billing.h). The run is set-based:
 * every line of the month goes into a temporary table first, then the bills that do not
 * exist yet are made (INSERT IGNORE against the unique unit+month key, so two runs at
 * once or one after the other make each bill once), then the lines of exactly those
 * bills, then their sums. Amounts use the one rounding of fee.h: ROUND(q * p / 10000),
 * which MariaDB computes exactly on integers (halves away from zero). */
#include "billing.h"

#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"
#include "archive.h"
#include "fee.h"

/* The rate of item f in force on the first day of the month (the one argument). */
#define RATE_JOIN                                                                                            \
    "JOIN fee_rate r ON r.fee_item_id = f.id AND r.valid_from = (SELECT MAX(r2.valid_from) FROM fee_rate "   \
    "r2 "                                                                                                    \
    "WHERE r2.fee_item_id = f.id AND r2.valid_from <= ?) "

static db_stmt tmp_create = DB_STMT(
    "billing_tmp_create", "CREATE TEMPORARY TABLE IF NOT EXISTS billing_tmp ("
                          "unit_id BIGINT UNSIGNED NOT NULL, fee_item_id BIGINT UNSIGNED NULL, "
                          "sort INT NOT NULL, description VARCHAR(200) NOT NULL, quantity_c BIGINT NULL, "
                          "price_e4 BIGINT NULL, amount_fen BIGINT NOT NULL, reading_id BIGINT UNSIGNED "
                          "NULL, lease_id BIGINT UNSIGNED NULL, ticket_id BIGINT UNSIGNED NULL, "
                          "KEY (unit_id)) ENGINE=InnoDB");
static db_stmt tmp_clear = DB_STMT("billing_tmp_clear", "DELETE FROM billing_tmp");

static db_stmt run_insert = DB_STMT(
    "billing_run_insert", "INSERT INTO billing_run (community_id, period, source, staff_id, started_at) "
                          "VALUES (?, ?, ?, ?, FROM_UNIXTIME(?))");

/* Area and fixed fees: args first day, period, community. */
static db_stmt lines_area = DB_STMT(
    "billing_lines_area",
    "INSERT INTO billing_tmp (unit_id, fee_item_id, sort, description, quantity_c, price_e4, amount_fen) "
    "SELECT x.unit_id, x.item_id, x.sort, x.descr, x.qc, x.p, ROUND(x.qc * x.p / 10000) FROM ("
    "SELECT u.id unit_id, f.id item_id, f.sort, CONCAT(?, ' 月', IF(f.kind = 'area', CONCAT(' · ', "
    "u.area_m2, '㎡'), ' · 每户')) descr, "
    "CAST(IF(f.kind = 'area', ROUND(u.area_m2 * 100), 100) AS SIGNED) qc, "
    "IF(f.kind = 'area' AND u.state IN ('vacant', 'unsold'), COALESCE(r.vacant_price_e4, r.price_e4), "
    "r.price_e4) p "
    "FROM fee_item f " RATE_JOIN "JOIN unit u ON u.community_id = f.community_id AND "
    "FIND_IN_SET(u.type, f.unit_types) "
    "WHERE f.community_id = ? AND f.active = 1 AND f.kind IN ('area', 'fixed') AND "
    "(f.kind = 'fixed' OR u.area_m2 > 0)) x WHERE x.p > 0");

/* Metered usage not billed yet, at the tiers of the month's rate: args period (for the
 * text is the reading's own), first day, community, period. */
static db_stmt lines_metered = DB_STMT(
    "billing_lines_metered",
    "INSERT INTO billing_tmp (unit_id, fee_item_id, sort, description, quantity_c, price_e4, amount_fen, "
    "reading_id) "
    "SELECT m.unit_id, f.id, f.sort, CONCAT(m.period, ' 月 · 读数 ', "
    "CAST(COALESCE(m.previous_c, 0) / 100 AS DECIMAL(14, 2)), ' → ', CAST(m.reading_c / 100 AS DECIMAL(14, "
    "2)), "
    "f.unit_label, IF(m.flag = 'lower', '（换表）', '')), m.usage_c, r.price_e4, ROUND(("
    "LEAST(m.usage_c, IF(COALESCE(r.tier2_from_c, 0) > 0, r.tier2_from_c, "
    "IF(COALESCE(r.tier3_from_c, 0) > 0, r.tier3_from_c, m.usage_c))) * r.price_e4 "
    "+ IF(COALESCE(r.tier2_from_c, 0) > 0 AND m.usage_c > r.tier2_from_c, (LEAST(m.usage_c, "
    "IF(COALESCE(r.tier3_from_c, 0) > r.tier2_from_c, r.tier3_from_c, m.usage_c)) - r.tier2_from_c) * "
    "COALESCE(r.tier2_price_e4, 0), 0) "
    "+ IF(COALESCE(r.tier3_from_c, 0) > 0 AND m.usage_c > r.tier3_from_c, (m.usage_c - r.tier3_from_c) * "
    "COALESCE(r.tier3_price_e4, 0), 0)) / 10000), m.id "
    "FROM meter_reading m JOIN fee_item f ON f.id = m.fee_item_id AND f.kind = 'metered' " RATE_JOIN
    "WHERE m.community_id = ? AND m.period <= ? AND m.current_key = 1 AND m.previous_c IS NOT NULL AND "
    "m.usage_c > 0 AND NOT EXISTS (SELECT 1 FROM bill_line bl WHERE bl.reading_id = m.id)");

/* Parking leases running in the month: args period, first day (twice), community. */
static db_stmt lines_parking = DB_STMT(
    "billing_lines_parking",
    "INSERT INTO billing_tmp (unit_id, fee_item_id, sort, description, quantity_c, price_e4, amount_fen, "
    "lease_id) "
    "SELECT l.unit_id, f.id, f.sort, CONCAT(?, ' 月 · 车位 ', l.space_code), 100, "
    "l.fee_fen * 100, l.fee_fen, l.id FROM parking_lease l "
    "JOIN fee_item f ON f.id = (SELECT f2.id FROM fee_item f2 WHERE f2.community_id = l.community_id AND "
    "f2.kind = 'parking' AND f2.active = 1 ORDER BY f2.sort, f2.id LIMIT 1) "
    "WHERE l.start_date <= LAST_DAY(?) AND l.end_date >= ? AND l.community_id = ? AND l.fee_fen > 0");

/* Paid repairs of tickets completed before the month's end: args end, community. */
static db_stmt lines_tickets = DB_STMT(
    "billing_lines_tickets",
    "INSERT INTO billing_tmp (unit_id, fee_item_id, sort, description, amount_fen, ticket_id) "
    "SELECT t.unit_id, (SELECT f.id FROM fee_item f WHERE f.community_id = t.community_id AND "
    "f.code = 'repair'), 1000, CONCAT('有偿维修（工单 ', t.code, '）'), t.charge_fen, t.id FROM ticket t "
    "WHERE t.status IN ('completed', 'closed') AND t.completed_at < FROM_UNIXTIME(?) AND "
    "t.community_id = ? AND t.unit_id IS NOT NULL AND t.charge_fen > 0 AND "
    "NOT EXISTS (SELECT 1 FROM bill_line bl WHERE bl.ticket_id = t.id)");

/* The bills that do not exist yet: args community, period, period, run, first day, staff, now. */
static db_stmt bills_insert = DB_STMT(
    "billing_bills_insert",
    "INSERT IGNORE INTO bill (community_id, unit_id, kind, period, period_key, run_id, due_date, staff_id, "
    "created_at) SELECT ?, t.unit_id, 'period', ?, ?, ?, LAST_DAY(?), ?, FROM_UNIXTIME(?) "
    "FROM (SELECT DISTINCT unit_id FROM billing_tmp) t ORDER BY t.unit_id");

/* The lines of the bills this run made: args community, period, run. */
static db_stmt lines_insert = DB_STMT(
    "billing_lines_insert",
    "INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, quantity_c, price_e4, "
    "amount_fen, reading_id, lease_id, ticket_id) "
    "SELECT ?, b.id, t.fee_item_id, t.description, t.quantity_c, t.price_e4, t.amount_fen, t.reading_id, "
    "t.lease_id, t.ticket_id FROM billing_tmp t JOIN bill b ON b.unit_id = t.unit_id AND "
    "b.period_key = ? WHERE b.run_id = ? ORDER BY t.unit_id, t.sort, t.fee_item_id");

static db_stmt bills_sum = DB_STMT(
    "billing_bills_sum", "UPDATE bill b JOIN (SELECT l.bill_id, SUM(l.amount_fen) s FROM bill_line l "
                         "JOIN bill b2 ON b2.id = l.bill_id WHERE b2.run_id = ? GROUP BY l.bill_id) x "
                         "ON x.bill_id = b.id SET b.amount_fen = x.s");

static db_stmt run_finish = DB_STMT(
    "billing_run_finish",
    "UPDATE billing_run r SET finished_at = FROM_UNIXTIME(?), "
    "bills_created = (SELECT COUNT(*) FROM bill b WHERE b.run_id = r.id), "
    "lines_created = (SELECT COUNT(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.run_id = "
    "r.id), "
    "total_fen = (SELECT COALESCE(SUM(b.amount_fen), 0) FROM bill b WHERE b.run_id = r.id) WHERE r.id = ?");

static db_stmt run_read = DB_STMT(
    "billing_run_read", "SELECT bills_created, lines_created, total_fen FROM billing_run WHERE id = ?");

/* One attempt of the run's transaction. */
static db_status run_once(arena *a, long long community_id, const char *period, const char *first,
                          long long end, long long staff_id, long long now, billing_result *out) {
    db_status s;
    db_rows r;
    if ((s = db_exec(&tmp_create, NULL, 0, NULL, NULL)) != DB_OK ||
        (s = db_exec(&tmp_clear, NULL, 0, NULL, NULL)))
        return s;
    if ((s = db_begin()) != DB_OK)
        return s;
    db_arg run_args[5] = {DB_INT(community_id), DB_TEXT(period), DB_TEXT(staff_id ? "page" : "job"),
                          db_int_or_null(staff_id), DB_INT(now)};
    if ((s = db_exec(&run_insert, run_args, 5, a, &r)) != DB_OK)
        goto fail;
    long long run = (long long)r.insert_id;
    db_arg area[3] = {DB_TEXT(period), DB_TEXT(first), DB_INT(community_id)};
    db_arg metered[3] = {DB_TEXT(first), DB_INT(community_id), DB_TEXT(period)};
    db_arg parking[4] = {DB_TEXT(period), DB_TEXT(first), DB_TEXT(first), DB_INT(community_id)};
    db_arg tickets[2] = {DB_INT(end), DB_INT(community_id)};
    db_arg bills[7] = {DB_INT(community_id), DB_TEXT(period),          DB_TEXT(period), DB_INT(run),
                       DB_TEXT(first),       db_int_or_null(staff_id), DB_INT(now)};
    db_arg lines[3] = {DB_INT(community_id), DB_TEXT(period), DB_INT(run)};
    db_arg one[1] = {DB_INT(run)};
    db_arg finish[2] = {DB_INT(now), DB_INT(run)};
    if ((s = db_exec(&lines_area, area, 3, NULL, NULL)) != DB_OK ||
        (s = db_exec(&lines_metered, metered, 3, NULL, NULL)) != DB_OK ||
        (s = db_exec(&lines_parking, parking, 4, NULL, NULL)) != DB_OK ||
        (s = db_exec(&lines_tickets, tickets, 2, NULL, NULL)) != DB_OK ||
        (s = db_exec(&bills_insert, bills, 7, NULL, NULL)) != DB_OK ||
        (s = db_exec(&lines_insert, lines, 3, NULL, NULL)) != DB_OK ||
        (s = db_exec(&bills_sum, one, 1, NULL, NULL)) != DB_OK ||
        (s = db_exec(&run_finish, finish, 2, NULL, NULL)) != DB_OK ||
        (s = db_exec(&run_read, one, 1, a, &r)) != DB_OK)
        goto fail;
    if ((s = db_commit()) != DB_OK)
        return s;
    out->run_id = run;
    out->bills = r.count ? db_cell_int(&r, 0, 0) : 0;
    out->lines = r.count ? db_cell_int(&r, 0, 1) : 0;
    out->total_fen = r.count ? db_cell_int(&r, 0, 2) : 0;
    db_exec(&tmp_clear, NULL, 0, NULL, NULL);
    return DB_OK;
fail:
    if (db_in_transaction())
        db_rollback();
    return s;
}

db_status billing_run(arena *a, long long community_id, const char *zone, const char *period,
                      long long staff_id, long long now, billing_result *out) {
    long long start, end;
    if (!fee_period_valid(period) || clock_month_range(period, zone, &start, &end) != 0)
        return DB_ERROR;
    const char *first = arena_printf(a, "%s-01", period);
    if (!first)
        return DB_ERROR;
    memset(out, 0, sizeof *out);
    db_status s = DB_DEADLOCK;
    for (int attempt = 0; attempt < 3 && s == DB_DEADLOCK; attempt++)
        s = run_once(a, community_id, period, first, end, staff_id, now, out);
    return s;
}

db_status billing_periods(arena *a, long long community_id, int limit, billing_period **rows, size_t *count) {
    static db_stmt st =
        DB_STMT("billing_periods",
                "SELECT period, COUNT(*), COALESCE(SUM(amount_fen), 0), COALESCE(SUM(paid_fen), 0) "
                "FROM bill WHERE community_id = ? AND kind = 'period' GROUP BY period "
                "ORDER BY period DESC LIMIT ?");
    db_arg args[2] = {DB_INT(community_id), DB_INT(limit)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*rows)[i] = (billing_period){db_cell(&r, i, 0), db_cell_int(&r, i, 1), db_cell_int(&r, i, 2),
                                      db_cell_int(&r, i, 3)};
    *count = r.count;
    return DB_OK;
}

db_status billing_runs(arena *a, long long community_id, int limit, billing_run_row **rows, size_t *count) {
    static db_stmt st =
        DB_STMT("billing_runs",
                "SELECT r.id, r.period, r.source, COALESCE(s.name, ''), UNIX_TIMESTAMP(r.started_at), "
                "COALESCE(UNIX_TIMESTAMP(r.finished_at), 0), r.bills_created, r.lines_created, r.total_fen "
                "FROM billing_run r LEFT JOIN staff s ON s.id = r.staff_id WHERE r.community_id = ? ORDER BY "
                "r.id DESC "
                "LIMIT ?");
    db_arg args[2] = {DB_INT(community_id), DB_INT(limit)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*rows)[i] = (billing_run_row){db_cell_int(&r, i, 0), db_cell(&r, i, 1),     db_cell(&r, i, 2),
                                       db_cell(&r, i, 3),     db_cell_int(&r, i, 4), db_cell_int(&r, i, 5),
                                       db_cell_int(&r, i, 6), db_cell_int(&r, i, 7), db_cell_int(&r, i, 8)};
    *count = r.count;
    return DB_OK;
}

db_status billing_bills(arena *a, long long community_id, const char *period, const char *building,
                        long long offset, long long limit, billing_bill **rows, size_t *count,
                        long long *total) {
    static db_stmt st = DB_STMT(
        "billing_bills", "SELECT b.id, u.code, " ARCHIVE_OWNERS_SQL ", b.kind, b.amount_fen, b.paid_fen, "
                         "(SELECT COUNT(*) FROM bill_line l WHERE l.bill_id = b.id) FROM bill b JOIN unit u "
                         "ON u.id = b.unit_id "
                         "JOIN building g ON g.id = u.building_id WHERE b.community_id = ? AND b.period = ? "
                         "AND (? = '' OR g.code = ?) "
                         "ORDER BY g.code, u.floor, u.code, b.id LIMIT ? OFFSET ?");
    static db_stmt count_st =
        DB_STMT("billing_bills_count", "SELECT COUNT(*) FROM bill b JOIN unit u ON u.id = b.unit_id "
                                       "JOIN building g ON g.id = u.building_id WHERE b.community_id = ? AND "
                                       "b.period = ? AND (? = '' OR g.code = ?)");
    db_arg args[6] = {DB_INT(community_id), DB_TEXT(period), DB_TEXT(building),
                      DB_TEXT(building),    DB_INT(limit),   DB_INT(offset)};
    db_rows r, c;
    db_status s = db_exec(&count_st, args, 4, a, &c);
    if (s != DB_OK || (s = db_exec(&st, args, 6, a, &r)) != DB_OK)
        return s;
    *total = c.count ? db_cell_int(&c, 0, 0) : 0;
    *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*rows)[i] = (billing_bill){db_cell_int(&r, i, 0), db_cell(&r, i, 1),     db_cell(&r, i, 2),
                                    db_cell(&r, i, 3),     db_cell_int(&r, i, 4), db_cell_int(&r, i, 5),
                                    db_cell_int(&r, i, 6)};
    *count = r.count;
    return DB_OK;
}

db_status billing_oneoff_items(arena *a, long long community_id, billing_item **rows, size_t *count) {
    static db_stmt st =
        DB_STMT("billing_oneoff_items",
                "SELECT f.code, f.name, COALESCE((SELECT r.price_e4 FROM fee_rate r WHERE "
                "r.fee_item_id = f.id AND r.valid_from <= UTC_DATE() ORDER BY r.valid_from DESC "
                "LIMIT 1), 0) FROM fee_item f WHERE f.community_id = ? AND f.kind = 'oneoff' AND "
                "f.active = 1 ORDER BY f.sort, f.id");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*rows)[i] = (billing_item){db_cell(&r, i, 0), db_cell(&r, i, 1), db_cell_int(&r, i, 2)};
    *count = r.count;
    return DB_OK;
}

static db_status oneoff_once(long long community_id, long long unit_id, long long item_id, const char *period,
                             const char *today, long long amount_fen, const char *description,
                             long long staff_id, long long now, arena *a, long long *bill_id) {
    static db_stmt bill_st =
        DB_STMT("billing_oneoff_bill",
                "INSERT INTO bill (community_id, unit_id, kind, period, due_date, staff_id, "
                "created_at, amount_fen) VALUES (?, ?, 'oneoff', ?, ?, ?, FROM_UNIXTIME(?), ?)");
    static db_stmt line_st = DB_STMT(
        "billing_oneoff_line", "INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, "
                               "quantity_c, price_e4, amount_fen) VALUES (?, ?, ?, ?, 100, ?, ?)");
    db_status s = db_begin();
    if (s != DB_OK)
        return s;
    db_rows r;
    db_arg b[7] = {DB_INT(community_id), DB_INT(unit_id), DB_TEXT(period),   DB_TEXT(today),
                   DB_INT(staff_id),     DB_INT(now),     DB_INT(amount_fen)};
    if ((s = db_exec(&bill_st, b, 7, a, &r)) != DB_OK)
        goto fail;
    *bill_id = (long long)r.insert_id;
    db_arg l[6] = {DB_INT(community_id), DB_INT(*bill_id),         DB_INT(item_id),
                   DB_TEXT(description), DB_INT(amount_fen * 100), DB_INT(amount_fen)};
    if ((s = db_exec(&line_st, l, 6, NULL, NULL)) != DB_OK)
        goto fail;
    return db_commit();
fail:
    if (db_in_transaction())
        db_rollback();
    *bill_id = 0;
    return s;
}

db_status billing_oneoff(arena *a, long long community_id, const char *zone, const char *unit_code,
                         const char *item_code, long long amount_fen, const char *description,
                         long long staff_id, long long now, long long *bill_id, billing_refusal *why) {
    static db_stmt unit_st =
        DB_STMT("billing_oneoff_unit", "SELECT id FROM unit WHERE community_id = ? AND code = ?");
    static db_stmt item_st = DB_STMT("billing_oneoff_item",
                                     "SELECT id, name FROM fee_item WHERE community_id = ? AND code = ? AND "
                                     "kind = 'oneoff' AND active = 1");
    *bill_id = 0;
    db_rows u, f;
    db_arg ua[2] = {DB_INT(community_id), DB_TEXT(unit_code)};
    db_arg fa[2] = {DB_INT(community_id), DB_TEXT(item_code)};
    db_status s = db_exec(&unit_st, ua, 2, a, &u);
    if (s != DB_OK || (s = db_exec(&item_st, fa, 2, a, &f)) != DB_OK)
        return s;
    if (!u.count) {
        *why = (billing_refusal){"unit", "本小区没有这个房号。"};
        return DB_OK;
    }
    if (!f.count) {
        *why = (billing_refusal){"item", "请选择一个一次性收费项目。"};
        return DB_OK;
    }
    const char *period = clock_format(a, now, zone, "%Y-%m");
    const char *today = clock_format(a, now, zone, "%Y-%m-%d");
    const char *text = description && *description ? description : db_cell(&f, 0, 1);
    if (!period || !today || !text)
        return DB_ERROR;
    s = DB_DEADLOCK;
    for (int attempt = 0; attempt < 3 && s == DB_DEADLOCK; attempt++)
        s = oneoff_once(community_id, db_cell_int(&u, 0, 0), db_cell_int(&f, 0, 0), period, today, amount_fen,
                        text, staff_id, now, a, bill_id);
    return s;
}

db_status billing_community_zone(arena *a, long long community_id, const char **zone, bool *found) {
    static db_stmt st = DB_STMT("billing_community_zone", "SELECT time_zone FROM community WHERE id = ?");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *found = r.count > 0;
    *zone = r.count ? db_cell(&r, 0, 0) : "UTC";
    return DB_OK;
}
