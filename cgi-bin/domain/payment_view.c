/* payment_view.c: what the payment, receipt and bill pages read (see payment.h). */
#include "payment.h"

#include <string.h>

#include "archive.h"

/* An array of n elements of size in the arena (at least one, so never NULL for 0). */
static void *alloc_rows(arena *a, size_t n, size_t size) {
    return arena_alloc(a, (n ? n : 1) * size);
}

int payment_unit_find(arena *a, long long community_id, const char *code, payment_unit *out,
                      payment_refusal *why) {
    static db_stmt st =
        DB_STMT("payment_unit_find", "SELECT u.id, u.code, " ARCHIVE_OWNERS_SQL " FROM unit u "
                                     "WHERE u.community_id = ? AND u.code = ?");
    db_arg args[2] = {DB_INT(community_id), DB_TEXT(code)};
    db_rows rows;
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return settlement_refuse(why, 404, "unit", "没有这个房号，请核对后再查。");
    out->id = db_cell_int(&rows, 0, 0);
    out->code = db_cell(&rows, 0, 1);
    out->owners = db_cell(&rows, 0, 2);
    return 0;
}

int payment_open_bills(arena *a, long long unit_id, payment_bill **out, size_t *count) {
    static db_stmt st =
        DB_STMT("payment_open_bills",
                "SELECT id, period, kind, DATE_FORMAT(due_date, '%Y-%m-%d'), amount_fen, paid_fen "
                "FROM bill WHERE unit_id = ? AND amount_fen > paid_fen ORDER BY period, id");
    db_arg args[1] = {DB_INT(unit_id)};
    db_rows rows;
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    if (!(*out = alloc_rows(a, rows.count, sizeof **out)))
        return DB_ERROR;
    *count = rows.count;
    for (size_t i = 0; i < rows.count; i++) {
        payment_bill *b = &(*out)[i];
        b->id = db_cell_int(&rows, i, 0);
        b->period = db_cell(&rows, i, 1);
        b->kind = db_cell(&rows, i, 2);
        b->due_date = db_cell(&rows, i, 3);
        b->amount_fen = db_cell_int(&rows, i, 4);
        b->paid_fen = db_cell_int(&rows, i, 5);
    }
    return 0;
}

/* Rows of id, receipt_no, kind, method, cashier, amount, taken_at, reversed into out. */
static int briefs(arena *a, const db_rows *rows, payment_brief **out, size_t *count) {
    if (!(*out = alloc_rows(a, rows->count, sizeof **out)))
        return DB_ERROR;
    *count = rows->count;
    for (size_t i = 0; i < rows->count; i++) {
        payment_brief *b = &(*out)[i];
        b->id = db_cell_int(rows, i, 0);
        b->receipt_no = db_cell(rows, i, 1);
        b->kind = db_cell(rows, i, 2);
        b->method = db_cell(rows, i, 3);
        b->cashier = db_cell(rows, i, 4);
        b->amount_fen = db_cell_int(rows, i, 5);
        b->taken_at = db_cell_int(rows, i, 6);
        b->reversed = db_cell_int(rows, i, 7) != 0;
    }
    return 0;
}

#define REVERSED_OF(p) "EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = " p ".id)"

int payment_unit_history(arena *a, long long unit_id, int limit, payment_brief **out, size_t *count) {
    static db_stmt st =
        DB_STMT("payment_unit_history",
                "SELECT p.id, p.receipt_no, p.kind, p.method, s.name, p.amount_fen, "
                "UNIX_TIMESTAMP(p.taken_at), " REVERSED_OF(
                    "p") " FROM payment p "
                         "JOIN staff s ON s.id = p.staff_id WHERE p.unit_id = ? ORDER BY p.id DESC LIMIT ?");
    db_arg args[2] = {DB_INT(unit_id), DB_INT(limit)};
    db_rows rows;
    db_status s = db_exec(&st, args, 2, a, &rows);
    return s != DB_OK ? s : briefs(a, &rows, out, count);
}

static db_status receipt_lines(arena *a, payment_receipt *out) {
    static db_stmt st =
        DB_STMT("payment_receipt_lines",
                "SELECT b.id, b.period, b.kind, COALESCE(f.name, l.description), l.description, "
                "x.amount_fen FROM payment_alloc x JOIN bill b ON b.id = x.bill_id "
                "JOIN bill_line l ON l.id = x.bill_line_id LEFT JOIN fee_item f ON f.id = l.fee_item_id "
                "WHERE x.payment_id = ? ORDER BY b.period, b.id, l.id");
    db_arg args[1] = {DB_INT(out->id)};
    db_rows rows;
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    if (!(out->lines = alloc_rows(a, rows.count, sizeof *out->lines)))
        return DB_ERROR;
    out->line_count = rows.count;
    for (size_t i = 0; i < rows.count; i++) {
        payment_line *l = &out->lines[i];
        l->bill_id = db_cell_int(&rows, i, 0);
        l->period = db_cell(&rows, i, 1);
        l->bill_kind = db_cell(&rows, i, 2);
        l->item = db_cell(&rows, i, 3);
        l->description = db_cell(&rows, i, 4);
        l->amount_fen = db_cell_int(&rows, i, 5);
    }
    return DB_OK;
}

int payment_receipt_load(arena *a, long long community_id, long long id, payment_receipt *out,
                         payment_refusal *why) {
    static db_stmt st =
        DB_STMT("payment_receipt",
                /* the owners' subquery has its own o and p, apart from the payments o and p */
                "SELECT p.id, p.unit_id, u.code, " ARCHIVE_OWNERS_SQL
                ", p.receipt_no, p.kind, p.method, p.payer, p.note, p.staff_id, s.name, p.amount_fen, "
                "UNIX_TIMESTAMP(p.taken_at), COALESCE(p.reverses_id, 0), COALESCE(o.receipt_no, ''), "
                "COALESCE(r.id, 0), COALESCE(r.receipt_no, '') FROM payment p "
                "JOIN unit u ON u.id = p.unit_id JOIN staff s ON s.id = p.staff_id "
                "LEFT JOIN payment o ON o.id = p.reverses_id LEFT JOIN payment r ON r.reverses_id = p.id "
                "WHERE p.id = ? AND p.community_id = ?");
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_rows rows;
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return settlement_refuse(why, 404, NULL, "没有这笔收款。");
    memset(out, 0, sizeof *out);
    out->id = db_cell_int(&rows, 0, 0);
    out->unit_id = db_cell_int(&rows, 0, 1);
    out->unit_code = db_cell(&rows, 0, 2);
    out->owners = db_cell(&rows, 0, 3);
    out->receipt_no = db_cell(&rows, 0, 4);
    out->kind = db_cell(&rows, 0, 5);
    out->method = db_cell(&rows, 0, 6);
    out->payer = db_cell(&rows, 0, 7);
    out->note = db_cell(&rows, 0, 8);
    out->staff_id = db_cell_int(&rows, 0, 9);
    out->cashier = db_cell(&rows, 0, 10);
    out->amount_fen = db_cell_int(&rows, 0, 11);
    out->taken_at = db_cell_int(&rows, 0, 12);
    out->reverses_id = db_cell_int(&rows, 0, 13);
    out->reverses_no = db_cell(&rows, 0, 14);
    out->reversed_by_id = db_cell_int(&rows, 0, 15);
    out->reversed_by_no = db_cell(&rows, 0, 16);
    return receipt_lines(a, out);
}

int payment_bill_load(arena *a, long long community_id, long long id, bill_view *out, payment_refusal *why) {
    static db_stmt st =
        DB_STMT("payment_bill", "SELECT b.id, b.unit_id, u.code, " ARCHIVE_OWNERS_SQL ", b.kind, b.period, "
                                "DATE_FORMAT(b.due_date, '%Y-%m-%d'), b.amount_fen, b.paid_fen FROM bill b "
                                "JOIN unit u ON u.id = b.unit_id WHERE b.id = ? AND b.community_id = ?");
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_rows rows;
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return settlement_refuse(why, 404, NULL, "没有这张账单。");
    memset(out, 0, sizeof *out);
    out->id = db_cell_int(&rows, 0, 0);
    out->unit_id = db_cell_int(&rows, 0, 1);
    out->unit_code = db_cell(&rows, 0, 2);
    out->owners = db_cell(&rows, 0, 3);
    out->kind = db_cell(&rows, 0, 4);
    out->period = db_cell(&rows, 0, 5);
    out->due_date = db_cell(&rows, 0, 6);
    out->amount_fen = db_cell_int(&rows, 0, 7);
    out->paid_fen = db_cell_int(&rows, 0, 8);
    int r = fee_account_bill_lines(a, out->id, &out->lines, &out->line_count);
    if (r)
        return r;
    for (size_t i = 0; i < out->line_count; i++)
        out->lines_total_fen += out->lines[i].amount_fen;
    return fee_account_bill_payments(a, out->id, &out->payments, &out->payment_count);
}
