/* fee_account.c: the SQL of one unit's fee account (see fee_account.h), and the unit
 * page's 收费账户 section. */
#include "fee_account.h"

#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "fee.h"

int fee_account_ledger(arena *a, long long unit_id, fee_ledger_entry **out, size_t *count,
                       long long *owed_fen) {
    static db_stmt rows_st =
        DB_STMT("fee_account_ledger", "SELECT 'bill', id, UNIX_TIMESTAMP(created_at), period, '', "
                                      "IF(kind = 'oneoff', (SELECT GROUP_CONCAT(l.description ORDER BY l.id "
                                      "SEPARATOR '；') FROM bill_line l WHERE l.bill_id = bill.id), ''), "
                                      "amount_fen FROM bill WHERE unit_id = ? "
                                      "UNION ALL SELECT kind, id, UNIX_TIMESTAMP(taken_at), '', method, "
                                      "receipt_no, -amount_fen FROM payment "
                                      "WHERE unit_id = ? ORDER BY 3, 1, 2");
    db_arg args[2] = {DB_INT(unit_id), DB_INT(unit_id)};
    db_rows r;
    db_status s = db_exec(&rows_st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    fee_ledger_entry *e = arena_alloc(a, (r.count ? r.count : 1) * sizeof *e);
    if (!e)
        return DB_ERROR;
    long long balance = 0;
    for (size_t i = 0; i < r.count; i++) {
        e[i].kind = db_cell(&r, i, 0);
        e[i].id = db_cell_int(&r, i, 1);
        e[i].at = db_cell_int(&r, i, 2);
        e[i].period = db_cell(&r, i, 3);
        e[i].method = db_cell(&r, i, 4);
        e[i].receipt_no = db_cell(&r, i, 5) ? db_cell(&r, i, 5) : ""; /* a one-off bill: its lines */
        e[i].change_fen = db_cell_int(&r, i, 6);
        balance += e[i].change_fen;
        e[i].balance_fen = balance;
    }
    *out = e;
    *count = r.count;
    return fee_account_owed(a, unit_id, owed_fen);
}

int fee_account_owed(arena *a, long long unit_id, long long *owed_fen) {
    static db_stmt st = DB_STMT("fee_account_owed", "SELECT " FEE_ACCOUNT_OWED_SQL("?"));
    db_arg args[1] = {DB_INT(unit_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *owed_fen = db_cell_int(&r, 0, 0);
    return 0;
}

/* "+12.50" or "−12.50" (a minus sign, not a hyphen, as on printed statements). */
static const char *signed_money(arena *a, long long fen) {
    return arena_printf(a, "%s%s", fen < 0 ? "−" : "+", money_format(a, fen < 0 ? -fen : fen));
}

int fee_account_fill(page_ctx *ctx, view *body, long long unit_id, const char *unit_code) {
    if (!fee_may(ctx->user.roles, FEE_VIEW))
        return 0;
    arena *a = ctx->arena;
    fee_ledger_entry *e;
    size_t n;
    long long owed;
    int s = fee_account_ledger(a, unit_id, &e, &n, &owed);
    if (s)
        return s;
    view *v = view_include(body, "FEE_ACCOUNT", "office/fee-account.tpl");
    if (!v)
        return DB_ERROR;
    long long balance = n ? e[n - 1].balance_fen : 0;
    view_set(v, "UNIT_CODE", unit_code);
    view_set_int(v, "BALANCE_FEN", balance);
    view_set(v, "BALANCE", money_format(a, balance));
    view_set_int(v, "OWED_FEN", owed);
    view_set(v, "OWED", money_format(a, owed));
    if (balance != owed)
        view_show(v, "MISMATCH");
    if (fee_may(ctx->user.roles, FEE_PAY))
        view_set(view_add(v, "MAY_PAY"), "UNIT_CODE", unit_code);
    if (!n)
        view_show(v, "EMPTY");
    const char *zone = ctx->user.community_zone;
    for (size_t i = 0; i < n; i++) {
        bool bill = !strcmp(e[i].kind, "bill");
        view *r = view_add(v, "ENTRY");
        view_set(r, "KIND", e[i].kind);
        view_set_int(r, "ID", e[i].id);
        view_set(r, "DATE", clock_format(a, e[i].at, zone, "%Y-%m-%d"));
        view_set_int(r, "CHANGE_FEN", e[i].change_fen);
        view_set(r, "CHANGE", signed_money(a, e[i].change_fen));
        view_set_int(r, "BALANCE_FEN", e[i].balance_fen);
        view_set(r, "BALANCE", money_format(a, e[i].balance_fen));
        view *d = view_add(r, bill ? "IS_BILL" : "IS_PAYMENT");
        view_set_int(d, "ID", e[i].id);
        if (bill) {
            view_set(d, "PERIOD", e[i].period);
            if (*e[i].receipt_no) /* a one-off bill says what it charges or refunds */
                view_set(view_add(d, "LINES"), "TEXT", e[i].receipt_no);
        } else {
            view_set(d, "RECEIPT_NO", e[i].receipt_no);
            view_set(d, "METHOD_NAME", fee_method_name(e[i].method));
            view_set(d, "WHAT", fee_payment_kind_name(e[i].kind, false));
        }
    }
    return 0;
}

int fee_account_bills(arena *a, long long unit_id, int page_number, int per_page, fee_bill **out,
                      size_t *count, long long *total) {
    static db_stmt sum_st = DB_STMT("fee_account_bill_count", "SELECT COUNT(*) FROM bill WHERE unit_id = ?");
    static db_stmt page_st =
        DB_STMT("fee_account_bills",
                "SELECT id, kind, period, DATE_FORMAT(due_date, '%Y-%m-%d'), amount_fen, paid_fen, "
                "UNIX_TIMESTAMP(created_at) FROM bill WHERE unit_id = ? ORDER BY period DESC, id DESC LIMIT "
                "? OFFSET ?");
    db_rows r;
    db_arg args[3] = {DB_INT(unit_id), DB_INT(per_page), DB_INT((long long)(page_number - 1) * per_page)};
    db_status s = db_exec(&sum_st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *total = db_cell_int(&r, 0, 0);
    if ((s = db_exec(&page_st, args, 3, a, &r)) != DB_OK)
        return s;
    fee_bill *b = arena_alloc(a, (r.count ? r.count : 1) * sizeof *b);
    if (!b)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        b[i].id = db_cell_int(&r, i, 0);
        b[i].kind = db_cell(&r, i, 1);
        b[i].period = db_cell(&r, i, 2);
        b[i].due_date = db_cell(&r, i, 3);
        b[i].amount_fen = db_cell_int(&r, i, 4);
        b[i].paid_fen = db_cell_int(&r, i, 5);
        b[i].created_at = db_cell_int(&r, i, 6);
    }
    *out = b;
    *count = r.count;
    return 0;
}

int fee_account_bill(arena *a, long long unit_id, long long bill_id, fee_bill *out) {
    static db_stmt st =
        DB_STMT("fee_account_bill",
                "SELECT id, kind, period, DATE_FORMAT(due_date, '%Y-%m-%d'), amount_fen, paid_fen, "
                "UNIX_TIMESTAMP(created_at) FROM bill WHERE id = ? AND unit_id = ?");
    db_arg args[2] = {DB_INT(bill_id), DB_INT(unit_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return 404;
    out->id = db_cell_int(&r, 0, 0);
    out->kind = db_cell(&r, 0, 1);
    out->period = db_cell(&r, 0, 2);
    out->due_date = db_cell(&r, 0, 3);
    out->amount_fen = db_cell_int(&r, 0, 4);
    out->paid_fen = db_cell_int(&r, 0, 5);
    out->created_at = db_cell_int(&r, 0, 6);
    return 0;
}

const char *fee_bill_state(const fee_bill *b) {
    return b->paid_fen >= b->amount_fen ? "paid" : b->paid_fen > 0 ? "partial" : "unpaid";
}

const char *fee_bill_state_name(const char *state) {
    return !strcmp(state, "paid") ? "已缴清" : !strcmp(state, "partial") ? "部分缴纳" : "未缴";
}

int fee_account_bill_lines(arena *a, long long bill_id, fee_bill_line **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "fee_account_bill_lines",
        "SELECT l.description, COALESCE(fi.name, ''), COALESCE(l.quantity_c, -1), COALESCE(l.price_e4, -1), "
        "l.amount_fen, l.paid_fen FROM bill_line l LEFT JOIN fee_item fi ON fi.id = l.fee_item_id "
        "WHERE l.bill_id = ? ORDER BY l.id");
    db_arg args[1] = {DB_INT(bill_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    fee_bill_line *l = arena_alloc(a, (r.count ? r.count : 1) * sizeof *l);
    if (!l)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        l[i].description = db_cell(&r, i, 0);
        l[i].item_name = db_cell(&r, i, 1);
        l[i].quantity_c = db_cell_int(&r, i, 2);
        l[i].price_e4 = db_cell_int(&r, i, 3);
        l[i].amount_fen = db_cell_int(&r, i, 4);
        l[i].paid_fen = db_cell_int(&r, i, 5);
    }
    *out = l;
    *count = r.count;
    return 0;
}

int fee_account_bill_payments(arena *a, long long bill_id, fee_bill_payment **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "fee_account_bill_payments",
        "SELECT p.id, p.kind, p.receipt_no, p.method, s.name, UNIX_TIMESTAMP(p.taken_at), "
        "SUM(pa.amount_fen), "
        "EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id) FROM payment_alloc pa "
        "JOIN payment p ON p.id = pa.payment_id JOIN staff s ON s.id = p.staff_id WHERE pa.bill_id = ? "
        "GROUP BY p.id, p.kind, p.receipt_no, p.method, s.name, p.taken_at ORDER BY p.taken_at, p.id");
    db_arg args[1] = {DB_INT(bill_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    fee_bill_payment *p = arena_alloc(a, (r.count ? r.count : 1) * sizeof *p);
    if (!p)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        p[i].id = db_cell_int(&r, i, 0);
        p[i].kind = db_cell(&r, i, 1);
        p[i].receipt_no = db_cell(&r, i, 2);
        p[i].method = db_cell(&r, i, 3);
        p[i].cashier = db_cell(&r, i, 4);
        p[i].taken_at = db_cell_int(&r, i, 5);
        p[i].amount_fen = db_cell_int(&r, i, 6);
        p[i].reversed = db_cell_int(&r, i, 7) != 0;
    }
    *out = p;
    *count = r.count;
    return 0;
}
