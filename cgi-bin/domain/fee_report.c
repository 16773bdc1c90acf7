/* fee_report.c: the SQL of 收费报表 (see fee_report.h). */
#include "fee_report.h"

#include <stdio.h>
#include <string.h>

#include "../core/clock.h"

long long fee_report_permille(long long paid_fen, long long amount_fen) {
    if (amount_fen <= 0)
        return -1;
    if (paid_fen < 0)
        paid_fen = 0;
    return (2 * paid_fen * 1000 + amount_fen) / (2 * amount_fen);
}

int fee_report_collections(arena *a, long long community_id, int year, fee_report_collection **out,
                           size_t *count) {
    static db_stmt st = DB_STMT(
        "fee_report_collections",
        "SELECT CAST(SUBSTRING(b.period, 6, 2) AS UNSIGNED), bl.id, bl.code, bl.name, SUM(b.amount_fen), "
        "SUM(b.paid_fen) FROM bill b JOIN unit u ON u.id = b.unit_id JOIN building bl ON bl.id = "
        "u.building_id "
        "WHERE b.community_id = ? AND b.kind = 'period' AND b.period BETWEEN ? AND ? "
        "GROUP BY 1, bl.id, bl.code, bl.name ORDER BY bl.code, 1");
    char from[8], to[8];
    snprintf(from, sizeof from, "%04d-01", year);
    snprintf(to, sizeof to, "%04d-12", year);
    db_arg args[3] = {DB_INT(community_id), DB_TEXT(from), DB_TEXT(to)};
    db_rows r;
    db_status s = db_exec(&st, args, 3, a, &r);
    if (s != DB_OK)
        return s;
    fee_report_collection *c = arena_alloc(a, (r.count ? r.count : 1) * sizeof *c);
    if (!c)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        c[i].month = (int)db_cell_int(&r, i, 0);
        c[i].building_id = db_cell_int(&r, i, 1);
        c[i].building_code = db_cell(&r, i, 2);
        c[i].building_name = db_cell(&r, i, 3);
        c[i].amount_fen = db_cell_int(&r, i, 4);
        c[i].paid_fen = db_cell_int(&r, i, 5);
    }
    *out = c;
    *count = r.count;
    return 0;
}

int fee_report_incomes(arena *a, long long community_id, int year, const char *zone, fee_report_income **out,
                       size_t *count) {
    /* INTERVAL(t, start of February, ..., start of December) is the month's index 0..11. */
    static db_stmt st = DB_STMT(
        "fee_report_incomes",
        "SELECT COALESCE(l.fee_item_id, 0), COALESCE(MAX(fi.name), ''), "
        "INTERVAL(UNIX_TIMESTAMP(p.taken_at), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) + 1, SUM(pa.amount_fen) "
        "FROM payment p JOIN payment_alloc pa ON pa.payment_id = p.id "
        "JOIN bill_line l ON l.id = pa.bill_line_id LEFT JOIN fee_item fi ON fi.id = l.fee_item_id "
        "WHERE p.community_id = ? AND p.taken_at >= FROM_UNIXTIME(?) AND p.taken_at < FROM_UNIXTIME(?) "
        "GROUP BY 1, 3 ORDER BY COALESCE(MAX(fi.sort), 32767), 1, 3");
    long long starts[13];
    for (int m = 0; m < 12; m++) {
        char month[16];
        long long end;
        snprintf(month, sizeof month, "%04d-%02d", year, m + 1);
        if (clock_month_range(month, zone, &starts[m], &end) != 0)
            return 422;
        starts[m + 1] = end;
    }
    db_arg args[14];
    for (int m = 1; m < 12; m++)
        args[m - 1] = DB_INT(starts[m]);
    args[11] = DB_INT(community_id);
    args[12] = DB_INT(starts[0]);
    args[13] = DB_INT(starts[12]);
    db_rows r;
    db_status s = db_exec(&st, args, 14, a, &r);
    if (s != DB_OK)
        return s;
    fee_report_income *in = arena_alloc(a, (r.count ? r.count : 1) * sizeof *in);
    if (!in)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        in[i].item_id = db_cell_int(&r, i, 0);
        in[i].item_name = db_cell(&r, i, 1);
        in[i].month = (int)db_cell_int(&r, i, 2);
        in[i].amount_fen = db_cell_int(&r, i, 3);
    }
    *out = in;
    *count = r.count;
    return 0;
}
