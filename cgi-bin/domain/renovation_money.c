/* renovation_money.c: approval with the charge bill, the permit, and the money tab's reads
 * of a decoration case (renovation_money.h). The refund is in renovation_refund.c. */
#include "renovation_money.h"

#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "audit.h"
#include "renovation_apply.h"
#include "renovation_money_bill.h"

#define RENO_PERMIT_BACKDATE_DAYS 30 /* a permit may start at most this long before today */

int renovation_money_items(arena *a, long long community_id) {
    static db_stmt add = DB_STMT(
        "reno_money_items", "INSERT IGNORE INTO fee_item (community_id, code, name, kind, unit_types, sort) "
                            "VALUES (?, 'reno_deposit', '装修保证金', 'oneoff', 'residence,shop', 80), "
                            "(?, 'reno_pass', '装修出入证押金', 'oneoff', 'residence,shop', 81)");
    db_arg args[2] = {DB_INT(community_id), DB_INT(community_id)};
    return db_exec(&add, args, 2, a, NULL);
}

int renovation_money_defaults(arena *a, long long community_id, long long *deposit_fen, long long *pass_fen) {
    static db_stmt rates =
        DB_STMT("reno_money_rates",
                "SELECT f.code, (SELECT r.price_e4 FROM fee_rate r WHERE r.fee_item_id = f.id AND "
                "r.valid_from <= UTC_DATE() ORDER BY r.valid_from DESC LIMIT 1) FROM fee_item f "
                "WHERE f.community_id = ? AND f.code IN ('reno_deposit', 'reno_pass')");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&rates, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *deposit_fen = RENO_DEPOSIT_DEFAULT_FEN;
    *pass_fen = RENO_PASS_DEFAULT_FEN;
    for (size_t i = 0; i < r.count; i++) {
        if (!db_cell(&r, i, 1))
            continue; /* no rate: the default */
        long long fen = db_cell_int(&r, i, 1) / 100;
        if (!strcmp(db_cell(&r, i, 0), "reno_deposit"))
            *deposit_fen = fen;
        else
            *pass_fen = fen;
    }
    return 0;
}

static const char *const submitted[] = {"submitted", NULL};
static const char *const approved[] = {"approved", NULL};

int renovation_money_bill(page_ctx *ctx, long long unit_id, long long amount_fen, long long *bill_id) {
    static db_stmt st = DB_STMT(
        "reno_money_bill", "INSERT INTO bill (community_id, unit_id, kind, period, due_date, staff_id, "
                           "created_at, amount_fen) VALUES (?, ?, 'oneoff', ?, ?, ?, FROM_UNIXTIME(?), ?)");
    const char *zone = ctx->user.community_zone;
    const char *period = clock_format(ctx->arena, ctx->now, zone, "%Y-%m");
    const char *today = clock_format(ctx->arena, ctx->now, zone, "%Y-%m-%d");
    if (!period || !today)
        return DB_ERROR;
    db_arg args[7] = {DB_INT(ctx->user.community_id), DB_INT(unit_id),  DB_TEXT(period),   DB_TEXT(today),
                      DB_INT(ctx->user.id),           DB_INT(ctx->now), DB_INT(amount_fen)};
    db_rows r;
    db_status s = db_exec(&st, args, 7, ctx->arena, &r);
    if (s == DB_OK)
        *bill_id = (long long)r.insert_id;
    return s;
}

int renovation_money_line(page_ctx *ctx, long long bill_id, const char *item_code, const char *description,
                          long long quantity, long long price_fen, long long *line_id) {
    static db_stmt st =
        DB_STMT("reno_money_line",
                "INSERT INTO bill_line (community_id, bill_id, fee_item_id, description, quantity_c, "
                "price_e4, amount_fen) VALUES (?, ?, (SELECT id FROM fee_item WHERE "
                "community_id = ? AND code = ?), ?, ?, ?, ?)");
    db_arg args[8] = {DB_INT(ctx->user.community_id), DB_INT(bill_id),
                      DB_INT(ctx->user.community_id), DB_TEXT(item_code),
                      DB_TEXT(description),           DB_INT(quantity * 100),
                      DB_INT(price_fen * 100),        DB_INT(quantity * price_fen)};
    db_rows r;
    db_status s = db_exec(&st, args, 8, ctx->arena, &r);
    if (s == DB_OK && line_id)
        *line_id = (long long)r.insert_id;
    return s;
}

typedef struct approve_job {
    page_ctx *ctx;
    long long id;
    const renovation_approval *req;
    renovation_refusal *why;
} approve_job;

static int approve_step(void *arg) {
    static db_stmt set =
        DB_STMT("reno_money_approve", "UPDATE renovation SET deposit_fen = ?, pass_fee_fen = ?, "
                                      "charge_bill_id = ? WHERE id = ?");
    approve_job *j = arg;
    page_ctx *ctx = j->ctx;
    arena *a = ctx->arena;
    renovation r;
    int st = renovation_lock_change(ctx, j->id, j->req->version, submitted, &r, j->why);
    if (st)
        return st;
    if ((st = renovation_money_items(a, ctx->user.community_id)) != 0)
        return st;
    long long passes = j->req->pass_fee_fen * r.workers, bill_id;
    if ((st = renovation_money_bill(ctx, r.unit_id, j->req->deposit_fen + passes, &bill_id)) != 0)
        return st;
    const char *deposit_text = arena_printf(a, "装修保证金（%s 装修）", r.unit_code);
    const char *pass_text =
        arena_printf(a, "装修出入证押金 %d 张 × %s 元", r.workers, money_format(a, j->req->pass_fee_fen));
    if ((st = renovation_money_line(ctx, bill_id, "reno_deposit", deposit_text, 1, j->req->deposit_fen,
                                    NULL)) != 0)
        return st;
    if (r.workers > 0 && (st = renovation_money_line(ctx, bill_id, "reno_pass", pass_text, r.workers,
                                                     j->req->pass_fee_fen, NULL)) != 0)
        return st;
    db_arg args[4] = {DB_INT(j->req->deposit_fen), DB_INT(j->req->pass_fee_fen), DB_INT(bill_id),
                      DB_INT(r.id)};
    if ((st = db_exec(&set, args, 4, a, NULL)) != DB_OK)
        return st;
    if ((st = renovation_step(ctx, &r, "approve", "approved", j->req->checklist, j->req->note)) != DB_OK)
        return st;
    return audit_record(ctx, "renovation_approve", "renovation", r.id,
                        arena_printf(a, "%s 押金 %s 元，出入证 %d 张 × %s 元，账单 %lld", r.unit_code,
                                     money_format(a, j->req->deposit_fen), r.workers,
                                     money_format(a, j->req->pass_fee_fen), bill_id));
}

int renovation_approve(page_ctx *ctx, long long id, const renovation_approval *req, renovation_refusal *why) {
    if (req->deposit_fen < 100 || req->deposit_fen > RENO_DEPOSIT_MAX_FEN)
        return settlement_refuse(why, 422, "deposit", "装修保证金应在 1 至 100,000 元之间。");
    if (req->pass_fee_fen < 0 || req->pass_fee_fen > RENO_PASS_MAX_FEN)
        return settlement_refuse(why, 422, "pass_fee", "出入证押金应在 0 至 1,000 元之间。");
    approve_job j = {ctx, id, req, why};
    return settlement_transaction(approve_step, &j);
}

typedef struct permit_job {
    page_ctx *ctx;
    long long id;
    int version;
    const char *from, *to;
    renovation_refusal *why;
} permit_job;

/* A permit starts at most RENO_PERMIT_BACKDATE_DAYS before today (community zone) and lasts
 * at most the application's RENOVATION_MAX_DAYS: passes are valid only within it. */
static int check_permit_span(page_ctx *ctx, const char *from, const char *to, renovation_refusal *why) {
    static db_stmt span =
        DB_STMT("reno_money_permit_span", "SELECT DATEDIFF(?, ?), DATEDIFF(?, ?), DATE_FORMAT(DATE_SUB(?, "
                                          "INTERVAL ? DAY), '%Y-%m-%d'), DATE_FORMAT(DATE_ADD(?, "
                                          "INTERVAL ? DAY), '%Y-%m-%d')");
    const char *today = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d");
    if (!today)
        return DB_ERROR;
    db_arg args[8] = {DB_TEXT(from),  DB_TEXT(today),
                      DB_TEXT(to),    DB_TEXT(from),
                      DB_TEXT(today), DB_INT(RENO_PERMIT_BACKDATE_DAYS),
                      DB_TEXT(from),  DB_INT(RENOVATION_MAX_DAYS)};
    db_rows r;
    db_status s = db_exec(&span, args, 8, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    if (r.count != 1 || !db_cell(&r, 0, 0) || !db_cell(&r, 0, 1))
        return settlement_refuse(why, 422, "permit_from", "许可日期无效，请重新填写。");
    if (db_cell_int(&r, 0, 0) < -RENO_PERMIT_BACKDATE_DAYS)
        return settlement_refuse(why, 422, "permit_from",
                                 arena_printf(ctx->arena, "许可开始日期最早为 %s（今天之前 %d 天以内）。",
                                              db_cell(&r, 0, 2), RENO_PERMIT_BACKDATE_DAYS));
    if (db_cell_int(&r, 0, 1) > RENOVATION_MAX_DAYS)
        return settlement_refuse(why, 422, "permit_to",
                                 arena_printf(ctx->arena, "许可期最长 %d 天，截止日期最晚为 %s。",
                                              RENOVATION_MAX_DAYS, db_cell(&r, 0, 3)));
    return 0;
}

static int permit_step(void *arg) {
    static db_stmt bill =
        DB_STMT("reno_money_charge_lock", "SELECT amount_fen, paid_fen FROM bill WHERE id = ? FOR UPDATE");
    static db_stmt unit = DB_STMT("reno_money_unit_lock", "SELECT state FROM unit WHERE id = ? FOR UPDATE");
    static db_stmt set = DB_STMT("reno_money_permit", "UPDATE renovation SET permit_no = ?, permit_from = ?, "
                                                      "permit_to = ?, prior_unit_state = ? WHERE id = ?");
    static db_stmt renovating =
        DB_STMT("reno_money_renovating", "UPDATE unit SET state = 'renovating' WHERE id = ?");
    permit_job *j = arg;
    page_ctx *ctx = j->ctx;
    arena *a = ctx->arena;
    renovation r;
    int st = renovation_lock_change(ctx, j->id, j->version, approved, &r, j->why);
    if (st)
        return st;
    db_arg bargs[1] = {DB_INT(r.charge_bill_id)};
    db_rows b, u;
    if ((st = db_exec(&bill, bargs, 1, a, &b)) != DB_OK)
        return st;
    if (!b.count || db_cell_int(&b, 0, 1) < db_cell_int(&b, 0, 0))
        return settlement_refuse(
            j->why, 409, NULL,
            arena_printf(a, "押金未缴清：装修保证金和出入证押金共 %s 元，已收 %s 元，请先到收款处缴清。",
                         money_format(a, b.count ? db_cell_int(&b, 0, 0) : 0),
                         money_format(a, b.count ? db_cell_int(&b, 0, 1) : 0)));
    const char *from = *j->from ? j->from : r.planned_start, *to = *j->to ? j->to : r.planned_end;
    if (strcmp(from, to) > 0)
        return settlement_refuse(j->why, 422, "permit_to", "许可截止日期不能早于开始日期。");
    if ((st = check_permit_span(ctx, from, to, j->why)) != 0)
        return st;
    db_arg uargs[1] = {DB_INT(r.unit_id)};
    if ((st = db_exec(&unit, uargs, 1, a, &u)) != DB_OK)
        return st;
    const char *no;
    if ((st = renovation_next_no(a, ctx->user.community_id, "permit", ctx->now, ctx->user.community_zone,
                                 &no)) != DB_OK)
        return st;
    const char *prior = u.count && db_cell(&u, 0, 0) ? db_cell(&u, 0, 0) : "occupied";
    db_arg sargs[5] = {DB_TEXT(no), DB_TEXT(from), DB_TEXT(to), DB_TEXT(prior), DB_INT(r.id)};
    if ((st = db_exec(&set, sargs, 5, a, NULL)) != DB_OK ||
        (st = db_exec(&renovating, uargs, 1, a, NULL)) != DB_OK)
        return st;
    if ((st = renovation_step(ctx, &r, "permit", "permitted", NULL, arena_printf(a, "许可证 %s", no))) !=
        DB_OK)
        return st;
    return audit_record(ctx, "renovation_permit", "renovation", r.id,
                        arena_printf(a, "%s %s %s 至 %s", r.unit_code, no, from, to));
}

int renovation_permit(page_ctx *ctx, long long id, int version, const char *from, const char *to,
                      renovation_refusal *why) {
    permit_job j = {ctx, id, version, from ? from : "", to ? to : "", why};
    return settlement_transaction(permit_step, &j);
}

int renovation_money_counts(arena *a, long long id, long long *deductions_fen, int *issued, int *returned,
                            int *lost, int *violations_open) {
    static db_stmt st = DB_STMT(
        "reno_money_counts",
        "SELECT (SELECT COALESCE(SUM(amount_fen), 0) FROM renovation_deduction WHERE renovation_id = ?), "
        "(SELECT COUNT(*) FROM renovation_pass WHERE renovation_id = ? AND state = 'issued'), "
        "(SELECT COUNT(*) FROM renovation_pass WHERE renovation_id = ? AND state = 'returned'), "
        "(SELECT COUNT(*) FROM renovation_pass WHERE renovation_id = ? AND state = 'lost'), "
        "(SELECT COUNT(*) FROM renovation_violation WHERE renovation_id = ? AND state IN ('open', "
        "'escalated'))");
    db_arg args[5] = {DB_INT(id), DB_INT(id), DB_INT(id), DB_INT(id), DB_INT(id)};
    db_rows r;
    db_status s = db_exec(&st, args, 5, a, &r);
    if (s != DB_OK)
        return s;
    *deductions_fen = db_cell_int(&r, 0, 0);
    *issued = (int)db_cell_int(&r, 0, 1);
    *returned = (int)db_cell_int(&r, 0, 2);
    *lost = (int)db_cell_int(&r, 0, 3);
    *violations_open = (int)db_cell_int(&r, 0, 4);
    return 0;
}

void renovation_refund_amounts(const renovation *r, long long deductions_fen, int passes_lost,
                               long long paid_fen, long long *deposit_back_fen, long long *passes_back_fen) {
    long long deposit = r->deposit_fen - deductions_fen;
    long long passes = r->pass_fee_fen * (r->workers - passes_lost);
    deposit = deposit > 0 ? deposit : 0;
    passes = passes > 0 ? passes : 0;
    if (paid_fen < 0)
        paid_fen = 0;
    if (deposit + passes > paid_fen) /* never pay back more than was paid in */
        passes = paid_fen > deposit ? paid_fen - deposit : 0;
    if (deposit > paid_fen)
        deposit = paid_fen;
    *deposit_back_fen = deposit;
    *passes_back_fen = passes;
}

int renovation_money_load(arena *a, const renovation *r, renovation_money_view *out) {
    static db_stmt bill =
        DB_STMT("reno_money_bill_read", "SELECT amount_fen, paid_fen FROM bill WHERE id = ?");
    static db_stmt ded =
        DB_STMT("reno_money_deductions", "SELECT d.amount_fen, d.reason, s.name, UNIX_TIMESTAMP(d.at) FROM "
                                         "renovation_deduction d JOIN staff s ON s.id = d.staff_id WHERE "
                                         "d.renovation_id = ? ORDER BY d.id");
    static db_stmt receipt = DB_STMT("reno_money_receipt", "SELECT receipt_no FROM payment WHERE id = ?");
    memset(out, 0, sizeof *out);
    out->refund_receipt_no = "";
    db_rows b, d, p;
    db_arg bargs[1] = {DB_INT(r->charge_bill_id)}, args[1] = {DB_INT(r->id)};
    db_status s = db_exec(&bill, bargs, 1, a, &b);
    if (s == DB_OK)
        s = db_exec(&ded, args, 1, a, &d);
    if (s != DB_OK)
        return s;
    out->has_bill = b.count > 0;
    out->charge_amount_fen = b.count ? db_cell_int(&b, 0, 0) : 0;
    out->charge_paid_fen = b.count ? db_cell_int(&b, 0, 1) : 0;
    out->deductions = arena_alloc(a, (d.count ? d.count : 1) * sizeof *out->deductions);
    if (!out->deductions)
        return DB_ERROR;
    out->deduction_count = d.count;
    for (size_t i = 0; i < d.count; i++)
        out->deductions[i] = (renovation_deduction_row){db_cell_int(&d, i, 0), db_cell(&d, i, 1),
                                                        db_cell(&d, i, 2), db_cell_int(&d, i, 3)};
    int st = renovation_money_counts(a, r->id, &out->deductions_fen, &out->passes_issued,
                                     &out->passes_returned, &out->passes_lost, &out->violations_open);
    if (st)
        return st;
    renovation_refund_amounts(r, out->deductions_fen, out->passes_lost, out->charge_paid_fen,
                              &out->deposit_back_fen, &out->passes_back_fen);
    out->refund_fen = out->deposit_back_fen + out->passes_back_fen;
    if (r->refund_payment_id) {
        db_arg pargs[1] = {DB_INT(r->refund_payment_id)};
        if ((s = db_exec(&receipt, pargs, 1, a, &p)) != DB_OK)
            return s;
        if (p.count)
            out->refund_receipt_no = db_cell(&p, 0, 0);
    }
    return 0;
}
