/* renovation_accept.c: deductions from the deposit, the acceptance check and the tickets
 * linked to a site (renovation_patrol.h). */
#include <string.h>

#include "../core/money.h"
#include "audit.h"
#include "renovation_patrol.h"

db_status renovation_deducted(arena *a, long long id, long long *fen) {
    static db_stmt st = DB_STMT("renovation_deducted", "SELECT COALESCE(SUM(amount_fen), 0) FROM "
                                                       "renovation_deduction WHERE renovation_id = ?");
    db_rows rows;
    db_arg args[1] = {DB_INT(id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s == DB_OK)
        *fen = rows.count ? db_cell_int(&rows, 0, 0) : 0;
    return s;
}

typedef struct deduct_job {
    page_ctx *ctx;
    long long id, amount_fen, violation_id;
    int version;
    const char *reason;
    renovation_refusal *why;
} deduct_job;

static int deduct_step(void *arg) {
    static const char *const states[] = {"permitted", "inspecting", "accepted", NULL};
    static db_stmt violation =
        DB_STMT("renovation_deduct_violation", "SELECT notice_no FROM renovation_violation WHERE id = ? AND "
                                               "renovation_id = ?");
    static db_stmt add = DB_STMT("renovation_deduction_add",
                                 "INSERT INTO renovation_deduction (renovation_id, violation_id, amount_fen, "
                                 "reason, staff_id, at) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    deduct_job *j = arg;
    page_ctx *ctx = j->ctx;
    renovation r;
    /* The case row stays locked to the commit: two deductions at once queue on it, and
     * the second sees the first in its sum. */
    int st = renovation_lock_change(ctx, j->id, j->version, states, &r, j->why);
    if (st)
        return st;
    db_status s;
    db_rows rows;
    const char *notice_no = "";
    if (j->violation_id) {
        db_arg vargs[2] = {DB_INT(j->violation_id), DB_INT(r.id)};
        if ((s = db_exec(&violation, vargs, 2, ctx->arena, &rows)) != DB_OK)
            return s;
        if (!rows.count)
            return settlement_refuse(j->why, 422, "violation", "这个案卷没有这份违章通知书");
        notice_no = db_cell(&rows, 0, 0);
    }
    long long done = 0;
    if ((s = renovation_deducted(ctx->arena, r.id, &done)) != DB_OK)
        return s;
    if (done + j->amount_fen > r.deposit_fen)
        return settlement_refuse(
            j->why, 422, "amount",
            arena_printf(ctx->arena, "扣款合计不能超过保证金 %s 元：已扣 %s 元，最多还可扣 %s 元",
                         money_format(ctx->arena, r.deposit_fen), money_format(ctx->arena, done),
                         money_format(ctx->arena, r.deposit_fen - done)));
    db_arg args[6] = {DB_INT(r.id),          db_int_or_null(j->violation_id),
                      DB_INT(j->amount_fen), DB_TEXT(j->reason),
                      DB_INT(ctx->user.id),  DB_INT(ctx->now)};
    if ((s = db_exec(&add, args, 6, ctx->arena, NULL)) != DB_OK)
        return s;
    const char *note =
        arena_printf(ctx->arena, "从保证金扣款 %s 元%s%s：%s", money_format(ctx->arena, j->amount_fen),
                     *notice_no ? "，违章通知书 " : "", notice_no, j->reason);
    if ((s = renovation_step(ctx, &r, "note", NULL, NULL, note)) != DB_OK)
        return s;
    return audit_record(ctx, "renovation_deduct", "renovation", r.id, note);
}

int renovation_deduct(page_ctx *ctx, long long id, int version, long long amount_fen, const char *reason,
                      long long violation_id, renovation_refusal *why) {
    if (amount_fen <= 0)
        return settlement_refuse(why, 422, "amount", "请填写扣款金额（大于 0 的元数）");
    if (!reason || !*reason)
        return settlement_refuse(why, 422, "reason", "请写明扣款原因");
    deduct_job j = {ctx, id, amount_fen, violation_id, version, reason, why};
    return settlement_transaction(deduct_step, &j);
}

typedef struct accept_job {
    page_ctx *ctx;
    long long id;
    int version;
    bool pass;
    const char *defects;
    renovation_refusal *why;
} accept_job;

static int accept_step(void *arg) {
    static const char *const states[] = {"inspecting", NULL};
    accept_job *j = arg;
    renovation r;
    int st = renovation_lock_change(j->ctx, j->id, j->version, states, &r, j->why);
    if (st)
        return st;
    const char *note = j->defects ? j->defects : "";
    db_status s = renovation_step(j->ctx, &r, j->pass ? "acceptance_pass" : "acceptance_fail",
                                  j->pass ? "accepted" : "permitted", NULL, note);
    if (s != DB_OK)
        return s;
    return audit_record(j->ctx, j->pass ? "renovation_accept" : "renovation_accept_fail", "renovation", r.id,
                        j->pass ? "验收通过" : note);
}

int renovation_accept(page_ctx *ctx, long long id, int version, bool pass, const char *defects,
                      renovation_refusal *why) {
    if (!pass && (!defects || !*defects))
        return settlement_refuse(why, 422, "defects", "验收未通过时请列出需整改的问题");
    accept_job j = {ctx, id, version, pass, defects, why};
    return settlement_transaction(accept_step, &j);
}

typedef struct link_job {
    page_ctx *ctx;
    long long id;
    int version;
    const char *code;
    renovation_refusal *why;
} link_job;

static int link_step(void *arg) {
    static const char *const states[] = {"submitted",  "returned", "approved", "permitted",
                                         "inspecting", "accepted", NULL};
    static db_stmt find =
        DB_STMT("renovation_ticket_find",
                "SELECT t.id, c.code, c.name, (SELECT l.renovation_id FROM renovation_ticket "
                "l WHERE l.ticket_id = t.id) FROM ticket t JOIN ticket_category c ON c.id = "
                "t.category_id WHERE t.community_id = ? AND t.code = ?");
    static db_stmt add =
        DB_STMT("renovation_ticket_add",
                "INSERT INTO renovation_ticket (ticket_id, renovation_id, staff_id, at) VALUES "
                "(?, ?, ?, FROM_UNIXTIME(?))");
    link_job *j = arg;
    page_ctx *ctx = j->ctx;
    renovation r;
    int st = renovation_lock_change(ctx, j->id, j->version, states, &r, j->why);
    if (st)
        return st;
    db_rows rows;
    db_arg fargs[2] = {DB_INT(r.community_id), DB_TEXT(j->code)};
    db_status s = db_exec(&find, fargs, 2, ctx->arena, &rows);
    if (s != DB_OK)
        return s;
    if (!rows.count)
        return settlement_refuse(j->why, 422, "ticket",
                                 arena_printf(ctx->arena, "本小区没有工单号 %s 的工单", j->code));
    const char *category = db_cell(&rows, 0, 1);
    if (strcmp(category, "noise") && strcmp(category, "decoration"))
        return settlement_refuse(
            j->why, 422, "ticket",
            arena_printf(ctx->arena, "工单 %s 的类别是“%s”，只有噪音或装修类的工单可以关联到装修现场",
                         j->code, db_cell(&rows, 0, 2)));
    if (db_cell(&rows, 0, 3))
        return settlement_refuse(j->why, 409, NULL,
                                 db_cell_int(&rows, 0, 3) == r.id ? "这张工单已经关联到本案卷。"
                                                                  : "这张工单已经关联到另一个装修案卷。");
    long long ticket_id = db_cell_int(&rows, 0, 0);
    db_arg args[4] = {DB_INT(ticket_id), DB_INT(r.id), DB_INT(ctx->user.id), DB_INT(ctx->now)};
    s = db_exec(&add, args, 4, ctx->arena, NULL);
    if (s == DB_DUPLICATE)
        return settlement_refuse(j->why, 409, NULL, "这张工单已经关联到装修案卷。");
    if (s != DB_OK)
        return s;
    const char *note = arena_printf(ctx->arena, "关联工单 %s（%s）", j->code, db_cell(&rows, 0, 2));
    if ((s = renovation_step(ctx, &r, "note", NULL, NULL, note)) != DB_OK)
        return s;
    return audit_record(ctx, "renovation_ticket", "renovation", r.id, note);
}

int renovation_ticket_link(page_ctx *ctx, long long id, int version, const char *ticket_code,
                           renovation_refusal *why) {
    if (!ticket_code || !*ticket_code)
        return settlement_refuse(why, 422, "ticket", "请填写工单号");
    link_job j = {ctx, id, version, ticket_code, why};
    return settlement_transaction(link_step, &j);
}
