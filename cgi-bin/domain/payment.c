/* payment.c: taking a payment and reversing one (see payment.h). Each is one
 * transaction taking its locks in the same order: (a reversal: a decoration case whose
 * deposit it touches,) the cashier's day, the receipt counter, then the bills in id order, so two cashiers at
 * the same bill queue instead of both seeing it unpaid. */
#include "payment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "audit.h"
#include "fee.h"

const char *payment_form_key_new(arena *a) {
    unsigned char r[PAYMENT_FORM_KEY_LEN / 2];
    if (RAND_bytes(r, sizeof r) != 1)
        return NULL;
    char *key = arena_alloc(a, PAYMENT_FORM_KEY_LEN + 1);
    if (!key)
        return NULL;
    for (size_t i = 0; i < sizeof r; i++)
        snprintf(key + 2 * i, 3, "%02x", r[i]);
    return key;
}

bool payment_form_key_valid(const char *s) {
    if (strlen(s) != PAYMENT_FORM_KEY_LEN)
        return false;
    for (const char *c = s; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f')))
            return false;
    return true;
}

/* One bill locked for a payment, with its lines. */
typedef struct locked_bill {
    long long id;
    long long community_id;
    long long unit_id;
    const char *period;
    long long amount_fen, paid_fen;
    db_rows lines; /* id, amount_fen, paid_fen */
} locked_bill;

/* The next receipt number of the community's year "SJ2026-000001", in the arena. The
 * counter row stays locked until the transaction ends, so numbers have no gaps: a
 * rolled-back payment gives its number back. */
db_status payment_next_receipt(page_ctx *ctx, const char **receipt_no) {
    static db_stmt bump = DB_STMT(
        "receipt_counter_bump", "INSERT INTO receipt_counter (community_id, year, next_no) VALUES (?, ?, 2) "
                                "ON DUPLICATE KEY UPDATE next_no = next_no + 1");
    static db_stmt read = DB_STMT("receipt_counter_read", "SELECT next_no - 1 FROM receipt_counter "
                                                          "WHERE community_id = ? AND year = ? FOR UPDATE");
    long long year = atoll(clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y"));
    db_arg args[2] = {DB_INT(ctx->user.community_id), DB_INT(year)};
    db_rows rows;
    db_status s = db_exec(&bump, args, 2, ctx->arena, NULL);
    if (s == DB_OK)
        s = db_exec(&read, args, 2, ctx->arena, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return DB_ERROR;
    *receipt_no = arena_printf(ctx->arena, "SJ%lld-%06lld", year, db_cell_int(&rows, 0, 0));
    return DB_OK;
}

db_status payment_lock_receipts(page_ctx *ctx) {
    /* next_no 1 reads as "no number taken yet"; the duplicate key locks an existing row. */
    static db_stmt lock = DB_STMT(
        "receipt_counter_lock", "INSERT INTO receipt_counter (community_id, year, next_no) VALUES (?, ?, 1) "
                                "ON DUPLICATE KEY UPDATE next_no = next_no");
    long long year = atoll(clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y"));
    db_arg args[2] = {DB_INT(ctx->user.community_id), DB_INT(year)};
    return db_exec(&lock, args, 2, ctx->arena, NULL);
}

/* Locks bill id and its lines into b; b->id is 0 when there is no such bill. */
static db_status lock_bill(arena *a, long long id, locked_bill *b) {
    static db_stmt bill =
        DB_STMT("payment_lock_bill", "SELECT id, community_id, unit_id, period, amount_fen, "
                                     "paid_fen FROM bill WHERE id = ? FOR UPDATE");
    static db_stmt lines = DB_STMT("payment_lock_lines", "SELECT id, amount_fen, paid_fen FROM bill_line "
                                                         "WHERE bill_id = ? ORDER BY id FOR UPDATE");
    db_arg args[1] = {DB_INT(id)};
    db_rows rows;
    memset(b, 0, sizeof *b);
    db_status s = db_exec(&bill, args, 1, a, &rows);
    if (s != DB_OK || rows.count == 0)
        return s;
    b->id = db_cell_int(&rows, 0, 0);
    b->community_id = db_cell_int(&rows, 0, 1);
    b->unit_id = db_cell_int(&rows, 0, 2);
    b->period = db_cell(&rows, 0, 3);
    b->amount_fen = db_cell_int(&rows, 0, 4);
    b->paid_fen = db_cell_int(&rows, 0, 5);
    return db_exec(&lines, args, 1, a, &b->lines);
}

db_status payment_allocate(arena *a, long long payment_id, long long line_id, long long bill_id,
                           long long fen) {
    static db_stmt alloc =
        DB_STMT("payment_alloc_insert", "INSERT INTO payment_alloc (payment_id, bill_line_id, "
                                        "bill_id, amount_fen) VALUES (?, ?, ?, ?)");
    static db_stmt line =
        DB_STMT("payment_line_paid", "UPDATE bill_line SET paid_fen = paid_fen + ? WHERE id = ?");
    static db_stmt bill =
        DB_STMT("payment_bill_paid", "UPDATE bill SET paid_fen = paid_fen + ? WHERE id = ?");
    db_arg aargs[4] = {DB_INT(payment_id), DB_INT(line_id), DB_INT(bill_id), DB_INT(fen)};
    db_arg largs[2] = {DB_INT(fen), DB_INT(line_id)};
    db_arg bargs[2] = {DB_INT(fen), DB_INT(bill_id)};
    db_status s = db_exec(&alloc, aargs, 4, a, NULL);
    if (s == DB_OK)
        s = db_exec(&line, largs, 2, a, NULL);
    if (s == DB_OK)
        s = db_exec(&bill, bargs, 2, a, NULL);
    return s;
}

db_status payment_insert(page_ctx *ctx, const payment_row *p, long long *id) {
    static db_stmt st =
        DB_STMT("payment_insert",
                "INSERT INTO payment (community_id, unit_id, receipt_no, kind, reverses_id, method, "
                "amount_fen, payer, note, staff_id, settlement_id, form_key, taken_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    db_arg args[13] = {DB_INT(ctx->user.community_id),
                       DB_INT(p->unit_id),
                       DB_TEXT(p->receipt_no),
                       DB_TEXT(p->kind),
                       db_int_or_null(p->reverses_id),
                       DB_TEXT(p->method),
                       DB_INT(p->amount_fen),
                       DB_TEXT(p->payer),
                       DB_TEXT(p->note),
                       DB_INT(ctx->user.id),
                       DB_INT(p->settlement_id),
                       p->form_key ? DB_TEXT(p->form_key) : DB_NULL,
                       DB_INT(ctx->now)};
    db_rows rows;
    db_status s = db_exec(&st, args, 13, ctx->arena, &rows);
    if (s == DB_OK)
        *id = (long long)rows.insert_id;
    return s;
}

int payment_lock_today(page_ctx *ctx, long long *settlement_id, payment_refusal *why) {
    const char *day = settlement_today(ctx->arena, ctx->now, ctx->user.community_zone);
    return settlement_lock_open(ctx->arena, ctx->user.community_id, ctx->user.id, day, settlement_id, why);
}

static int compare_ids(const void *x, const void *y) {
    long long a = *(const long long *)x, b = *(const long long *)y;
    return a < b ? -1 : a > b;
}

/* Oldest period first, then bill id: the order a payment is spread in. */
static int compare_bills(const void *x, const void *y) {
    const locked_bill *a = x, *b = y;
    int c = strcmp(a->period, b->period);
    return c ? c : a->id < b->id ? -1 : a->id > b->id;
}

typedef struct take_job {
    page_ctx *ctx;
    const payment_request *req;
    long long *ids; /* sorted, distinct */
    size_t count;
    long long *payment_id;
    payment_refusal *why;
} take_job;

static int take_step(void *arg) {
    static db_stmt used = DB_STMT("payment_form_used", "SELECT id FROM payment WHERE form_key = ?");
    take_job *j = arg;
    page_ctx *ctx = j->ctx;
    arena *a = ctx->arena;
    long long settlement_id;
    int r = payment_lock_today(ctx, &settlement_id, j->why);
    if (r)
        return r;
    db_arg kargs[1] = {DB_TEXT(j->req->form_key)};
    db_rows rows;
    db_status s = db_exec(&used, kargs, 1, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count)
        return settlement_refuse(j->why, 409, NULL, "这张收款单已经提交过了，请勿重复收款。");
    const char *receipt_no;
    if ((s = payment_next_receipt(ctx, &receipt_no)) != DB_OK)
        return s;
    locked_bill *bills = arena_alloc(a, j->count * sizeof *bills);
    if (!bills)
        return DB_ERROR;
    long long unit_id = j->req->unit_id, owed = 0;
    for (size_t i = 0; i < j->count; i++) {
        if ((s = lock_bill(a, j->ids[i], &bills[i])) != DB_OK)
            return s;
        if (!bills[i].id || bills[i].community_id != ctx->user.community_id)
            return settlement_refuse(j->why, 404, NULL, "没有这张账单。");
        if (!unit_id)
            unit_id = bills[i].unit_id;
        if (bills[i].unit_id != unit_id)
            return settlement_refuse(j->why, 422, "bill", "所选账单不属于这个房屋。");
        if (bills[i].amount_fen > bills[i].paid_fen)
            owed += bills[i].amount_fen - bills[i].paid_fen;
    }
    if (owed == 0)
        return settlement_refuse(j->why, 422, "amount", "所选账单已经缴清，无需再收。");
    if (j->req->amount_fen > owed)
        return settlement_refuse(
            j->why, 422, "amount",
            arena_printf(a, "收款金额超过所选账单的欠费合计 %s 元。", money_format(a, owed)));
    payment_row p = {.unit_id = unit_id,
                     .receipt_no = receipt_no,
                     .kind = "payment",
                     .method = j->req->method,
                     .amount_fen = j->req->amount_fen,
                     .payer = j->req->payer,
                     .note = "",
                     .settlement_id = settlement_id,
                     .form_key = j->req->form_key};
    if ((s = payment_insert(ctx, &p, j->payment_id)) == DB_DUPLICATE)
        return settlement_refuse(j->why, 409, NULL, "这张收款单已经提交过了，请勿重复收款。");
    if (s != DB_OK)
        return s;
    qsort(bills, j->count, sizeof *bills, compare_bills);
    long long left = j->req->amount_fen;
    for (size_t i = 0; i < j->count && left > 0; i++) {
        long long bill_owed = bills[i].amount_fen - bills[i].paid_fen;
        for (size_t k = 0; k < bills[i].lines.count && left > 0 && bill_owed > 0; k++) {
            long long line_owed = db_cell_int(&bills[i].lines, k, 1) - db_cell_int(&bills[i].lines, k, 2);
            long long take = line_owed < left ? line_owed : left;
            if (take > bill_owed)
                take = bill_owed;
            if (take <= 0)
                continue;
            if ((s = payment_allocate(a, *j->payment_id, db_cell_int(&bills[i].lines, k, 0), bills[i].id,
                                      take)) != DB_OK)
                return s;
            left -= take;
            bill_owed -= take;
        }
    }
    if (left != 0) /* the bill's total and its lines disagree: take nothing */
        return settlement_refuse(j->why, 409, NULL, "账单金额与明细不一致，请联系管理员核对后再收款。");
    return audit_record(
        ctx, "payment_take", "payment", *j->payment_id,
        arena_printf(a, "%s %s 元 %s", receipt_no, money_format(a, j->req->amount_fen), j->req->method));
}

int payment_take(page_ctx *ctx, const payment_request *req, long long *payment_id, payment_refusal *why) {
    if (req->amount_fen <= 0)
        return settlement_refuse(why, 422, "amount", "请填写大于 0 的收款金额。");
    if (req->bill_count == 0)
        return settlement_refuse(why, 422, "bill", "请选择要缴的账单。");
    if (req->bill_count > PAYMENT_MAX_BILLS)
        return settlement_refuse(why, 422, "bill", "一次最多收 60 张账单。");
    long long *ids = arena_alloc(ctx->arena, req->bill_count * sizeof *ids);
    if (!ids)
        return DB_ERROR;
    memcpy(ids, req->bill_ids, req->bill_count * sizeof *ids);
    qsort(ids, req->bill_count, sizeof *ids, compare_ids);
    size_t n = 0;
    for (size_t i = 0; i < req->bill_count; i++)
        if (n == 0 || ids[n - 1] != ids[i])
            ids[n++] = ids[i];
    take_job j = {ctx, req, ids, n, payment_id, why};
    return settlement_transaction(take_step, &j);
}

typedef struct reverse_job {
    page_ctx *ctx;
    long long payment_id;
    const char *reason;
    long long *reversal_id;
    payment_refusal *why;
} reverse_job;

/* Refuses (409) the reversal of a payment on the charge bill of a decoration case once its
 * permit is issued: the deposit then guarantees the work, and after the refund it has been
 * paid back, so reversing it would pay it out twice. Before the permit it may be reversed.
 * The case is locked (shared) first, as every change of a case locks it before the day, the
 * counter and the bills, so a permit cannot be issued meanwhile on a deposit being reversed. */
static int reverse_charge_check(page_ctx *ctx, long long payment_id, payment_refusal *why) {
    static db_stmt cases =
        DB_STMT("payment_reverse_cases",
                "SELECT DISTINCT r.id FROM payment_alloc a JOIN payment p ON p.id = a.payment_id "
                "JOIN renovation r ON r.charge_bill_id = a.bill_id "
                "WHERE a.payment_id = ? AND p.community_id = ? ORDER BY r.id");
    static db_stmt state =
        DB_STMT("payment_reverse_case_lock", "SELECT state FROM renovation WHERE id = ? LOCK IN SHARE MODE");
    db_arg args[2] = {DB_INT(payment_id), DB_INT(ctx->user.community_id)};
    db_rows ids;
    db_status s = db_exec(&cases, args, 2, ctx->arena, &ids);
    for (size_t i = 0; s == DB_OK && i < ids.count; i++) {
        db_arg cargs[1] = {DB_INT(db_cell_int(&ids, i, 0))};
        db_rows st;
        if ((s = db_exec(&state, cargs, 1, ctx->arena, &st)) != DB_OK)
            return s;
        const char *now = st.count ? db_cell(&st, 0, 0) : "approved";
        if (strcmp(now, "submitted") && strcmp(now, "approved"))
            return settlement_refuse(why, 409, NULL,
                                     "这笔收款是装修押金：押金已用于发放装修许可证或已退还，不能冲正。");
    }
    return s;
}

static int reverse_step(void *arg) {
    static db_stmt orig = DB_STMT("payment_reverse_lock",
                                  "SELECT kind, unit_id, method, amount_fen, payer, receipt_no, "
                                  "(SELECT r.id FROM payment r WHERE r.reverses_id = p.id) FROM payment p "
                                  "WHERE p.id = ? AND p.community_id = ? FOR UPDATE");
    static db_stmt allocs = DB_STMT("payment_reverse_allocs", "SELECT bill_line_id, bill_id, amount_fen "
                                                              "FROM payment_alloc WHERE payment_id = ? "
                                                              "ORDER BY bill_id, bill_line_id");
    reverse_job *j = arg;
    page_ctx *ctx = j->ctx;
    arena *a = ctx->arena;
    int r = reverse_charge_check(ctx, j->payment_id, j->why);
    if (r)
        return r;
    long long settlement_id;
    if ((r = payment_lock_today(ctx, &settlement_id, j->why)) != 0)
        return r;
    db_arg args[2] = {DB_INT(j->payment_id), DB_INT(ctx->user.community_id)};
    db_rows p;
    db_status s = db_exec(&orig, args, 2, a, &p);
    if (s != DB_OK)
        return s;
    if (p.count == 0)
        return settlement_refuse(j->why, 404, NULL, "没有这笔收款。");
    if (!strcmp(db_cell(&p, 0, 0), "reversal"))
        return settlement_refuse(j->why, 409, NULL, "这是一张冲正收据，不能再冲正。");
    if (!strcmp(db_cell(&p, 0, 0), "refund"))
        return settlement_refuse(j->why, 409, NULL, "这是一张退款凭证（装修押金退还），不能冲正。");
    if (db_cell(&p, 0, 6))
        return settlement_refuse(j->why, 409, NULL, "这笔收款已经冲正过了。");
    const char *receipt_no;
    if ((s = payment_next_receipt(ctx, &receipt_no)) != DB_OK)
        return s;
    db_rows al;
    if ((s = db_exec(&allocs, args, 1, a, &al)) != DB_OK)
        return s;
    /* The bills in id order (allocations come sorted by bill), as a payment locks them. */
    locked_bill b;
    for (size_t i = 0; i < al.count; i++)
        if ((i == 0 || db_cell_int(&al, i, 1) != db_cell_int(&al, i - 1, 1)) &&
            (s = lock_bill(a, db_cell_int(&al, i, 1), &b)) != DB_OK)
            return s;
    long long amount = db_cell_int(&p, 0, 3);
    payment_row row = {.unit_id = db_cell_int(&p, 0, 1),
                       .receipt_no = receipt_no,
                       .kind = "reversal",
                       .reverses_id = j->payment_id,
                       .method = db_cell(&p, 0, 2),
                       .amount_fen = -amount,
                       .payer = db_cell(&p, 0, 4),
                       .note = j->reason,
                       .settlement_id = settlement_id};
    if ((s = payment_insert(ctx, &row, j->reversal_id)) == DB_DUPLICATE)
        return settlement_refuse(j->why, 409, NULL, "这笔收款已经冲正过了。");
    if (s != DB_OK)
        return s;
    for (size_t i = 0; i < al.count; i++)
        if ((s = payment_allocate(a, *j->reversal_id, db_cell_int(&al, i, 0), db_cell_int(&al, i, 1),
                                  -db_cell_int(&al, i, 2))) != DB_OK)
            return s;
    return audit_record(ctx, "payment_reverse", "payment", *j->reversal_id,
                        arena_printf(a, "%s 冲正 %s %s 元：%s", receipt_no, db_cell(&p, 0, 5),
                                     money_format(a, amount), j->reason));
}

int payment_reverse(page_ctx *ctx, long long payment_id, const char *reason, long long *reversal_id,
                    payment_refusal *why) {
    reverse_job j = {ctx, payment_id, reason, reversal_id, why};
    return settlement_transaction(reverse_step, &j);
}
