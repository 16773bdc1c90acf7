/* renovation_refund.c: closing a decoration case by paying the deposit back
 * (renovation_money.h): a one-off bill of negative lines settled at once by a payment of
 * kind refund, in the refunding cashier's open day, under the case lock so a case is
 * refunded once. */
#include "renovation_money.h"

#include <string.h>

#include "../core/money.h"
#include "audit.h"
#include "payment.h"
#include "renovation_money_bill.h"

typedef struct refund_job {
    page_ctx *ctx;
    long long id;
    const renovation_refund_request *req;
    long long *payment_id;
    renovation_refusal *why;
} refund_job;

/* One negative line of the refund bill. */
typedef struct refund_line {
    const char *item, *text;
    long long quantity, price_fen, line_id;
} refund_line;

/* The refund bill, its payment and allocations; total_fen > 0. */
static int pay_back(refund_job *j, const renovation *r, refund_line *lines, size_t n, long long total_fen,
                    long long settlement_id, long long *bill_id) {
    page_ctx *ctx = j->ctx;
    arena *a = ctx->arena;
    const char *receipt_no;
    int st = payment_next_receipt(ctx, &receipt_no);
    if (st == 0)
        st = renovation_money_bill(ctx, r->unit_id, -total_fen, bill_id);
    for (size_t i = 0; st == 0 && i < n; i++)
        st = renovation_money_line(ctx, *bill_id, lines[i].item, lines[i].text, lines[i].quantity,
                                   lines[i].price_fen, &lines[i].line_id);
    if (st)
        return st;
    payment_row p = {.unit_id = r->unit_id,
                     .receipt_no = receipt_no,
                     .kind = "refund",
                     .method = j->req->method,
                     .amount_fen = -total_fen,
                     .payer = *j->req->payer ? j->req->payer : r->applicant_name,
                     .note = arena_printf(a, "装修押金退还 %s", r->permit_no),
                     .settlement_id = settlement_id,
                     .form_key = j->req->form_key};
    if ((st = payment_insert(ctx, &p, j->payment_id)) == DB_DUPLICATE)
        return settlement_refuse(j->why, 409, NULL, "这张退款单已经提交过了，请勿重复退款。");
    for (size_t i = 0; st == 0 && i < n; i++)
        st = payment_allocate(a, *j->payment_id, lines[i].line_id, *bill_id,
                              lines[i].quantity * lines[i].price_fen);
    return st;
}

static const char *const accepted[] = {"accepted", NULL};

static int refund_step(void *arg) {
    static db_stmt used = DB_STMT("reno_refund_form_used", "SELECT id FROM payment WHERE form_key = ?");
    static db_stmt charge =
        DB_STMT("reno_refund_charge_lock", "SELECT paid_fen FROM bill WHERE id = ? FOR UPDATE");
    static db_stmt set = DB_STMT("reno_refund_set", "UPDATE renovation SET refund_bill_id = ?, "
                                                    "refund_payment_id = ?, refund_fen = ? WHERE id = ?");
    /* Only a unit still renovating: a change in the archive meanwhile (e.g. rented) stays. */
    static db_stmt unit =
        DB_STMT("reno_refund_unit", "UPDATE unit SET state = ? WHERE id = ? AND state = 'renovating'");
    refund_job *j = arg;
    page_ctx *ctx = j->ctx;
    arena *a = ctx->arena;
    renovation r;
    *j->payment_id = 0;
    int st = renovation_lock_change(ctx, j->id, j->req->version, accepted, &r, j->why);
    if (st)
        return st;
    long long deductions;
    int issued, returned, lost, violations;
    if ((st = renovation_money_counts(a, r.id, &deductions, &issued, &returned, &lost, &violations)) != 0)
        return st;
    if (issued)
        return settlement_refuse(
            j->why, 409, NULL,
            arena_printf(a, "还有 %d 张出入证未交回：请先登记交回或遗失，再办理退款。", issued));
    if (violations)
        return settlement_refuse(j->why, 409, NULL,
                                 arena_printf(a, "还有 %d 份违章通知未整改完毕，不能退款。", violations));
    long long settlement_id;
    if ((st = payment_lock_today(ctx, &settlement_id, j->why)) != 0)
        return st;
    db_arg kargs[1] = {DB_TEXT(j->req->form_key)}, cargs[1] = {DB_INT(r.charge_bill_id)};
    db_rows k, c;
    if ((st = db_exec(&used, kargs, 1, a, &k)) != DB_OK)
        return st;
    if (k.count)
        return settlement_refuse(j->why, 409, NULL, "这张退款单已经提交过了，请勿重复退款。");
    /* The receipt counter before the charge bill, as payment_take and payment_reverse lock
     * them: a refund and a reversal then queue instead of deadlocking. */
    if ((st = payment_lock_receipts(ctx)) != DB_OK || (st = db_exec(&charge, cargs, 1, a, &c)) != DB_OK)
        return st;
    long long deposit_back, passes_back;
    renovation_refund_amounts(&r, deductions, lost, c.count ? db_cell_int(&c, 0, 0) : 0, &deposit_back,
                              &passes_back);
    refund_line lines[2];
    size_t n = 0;
    if (deposit_back > 0)
        lines[n++] = (refund_line){"reno_deposit",
                                   arena_printf(a, "装修保证金退还：押金 %s 元，扣除 %s 元",
                                                money_format(a, r.deposit_fen), money_format(a, deductions)),
                                   1, -deposit_back, 0};
    long long kept = r.workers - lost; /* the passes paid back one by one unless capped */
    if (passes_back > 0)
        lines[n++] = (refund_line){
            "reno_pass", arena_printf(a, "装修出入证押金退还：共 %d 张，遗失 %d 张", r.workers, lost),
            passes_back == kept * r.pass_fee_fen ? kept : 1,
            passes_back == kept * r.pass_fee_fen ? -r.pass_fee_fen : -passes_back, 0};
    long long total = deposit_back + passes_back, bill_id = 0;
    if (total > 0 && (st = pay_back(j, &r, lines, n, total, settlement_id, &bill_id)) != 0)
        return st;
    db_arg sargs[4] = {db_int_or_null(bill_id), db_int_or_null(*j->payment_id), DB_INT(total), DB_INT(r.id)};
    if ((st = db_exec(&set, sargs, 4, a, NULL)) != DB_OK)
        return st;
    /* Renovating before the permit (or not recorded) restores to occupied, not renovating. */
    const char *back =
        *r.prior_unit_state && strcmp(r.prior_unit_state, "renovating") ? r.prior_unit_state : "occupied";
    db_arg uargs[2] = {DB_TEXT(back), DB_INT(r.unit_id)};
    if ((st = db_exec(&unit, uargs, 2, a, NULL)) != DB_OK)
        return st;
    const char *note = arena_printf(a, "退还 %s 元（押金 %s 元，扣除 %s 元，出入证退还 %s 元）",
                                    money_format(a, total), money_format(a, r.deposit_fen),
                                    money_format(a, deductions), money_format(a, passes_back));
    if ((st = renovation_step(ctx, &r, "refund", "closed", NULL, note)) != DB_OK)
        return st;
    return audit_record(ctx, "renovation_refund", "renovation", r.id,
                        arena_printf(a, "%s %s", r.unit_code, note));
}

int renovation_refund(page_ctx *ctx, long long id, const renovation_refund_request *req,
                      long long *payment_id, renovation_refusal *why) {
    refund_job j = {ctx, id, req, payment_id, why};
    return settlement_transaction(refund_step, &j);
}
