/* arrears.c: the SQL of 欠费: units with overdue open bills, their bills and notes, and
 * the appended follow-ups (see arrears.h). */
#include "arrears.h"

#include <string.h>

#include "../core/money.h"
#include "audit.h"
#include "fee.h"

#define ARREARS_MAX_ROWS 20000
#define WRITE_TRIES 3

/* The current owners' names of unit u joined by 、 ("" when none), as an SQL expression. */
#define OWNERS_OF_U                                                                                          \
    "COALESCE((SELECT GROUP_CONCAT(p.name ORDER BY o.since, p.id SEPARATOR '、') FROM occupancy o JOIN "    \
    "person p ON p.id = o.person_id WHERE o.unit_id = u.id AND o.relation = 'owner' AND o.until IS NULL), "  \
    "'')"

int arrears_bucket(int age) {
    return age <= 3 ? 0 : age <= 6 ? 1 : age <= 12 ? 2 : 3;
}

const char *arrears_bucket_name(int bucket) {
    static const char *const names[ARREARS_BUCKETS] = {"3 个月及以内", "4–6 个月", "7–12 个月",
                                                       "12 个月以上"};
    return bucket >= 0 && bucket < ARREARS_BUCKETS ? names[bucket] : "";
}

static const char *text_or_empty(const char *s) {
    return s ? s : "";
}

/* The units in arrears start from the community's unpaid overdue bills (index bill_unpaid);
 * STRAIGHT_JOIN keeps that order, which the optimiser otherwise reverses into a walk over
 * every building and unit of the installation. */
int arrears_list(arena *a, const arrears_filter *f, arrears_row **out, size_t *count,
                 arrears_totals *totals) {
    static db_stmt st = DB_STMT_KEPT(
        "arrears_list",
        "SELECT STRAIGHT_JOIN u.id, u.code, bl.code, " OWNERS_OF_U
        ", x.owed, x.bills, x.oldest, COALESCE(r.reason, ''), "
        "COALESCE(r.text, ''), COALESCE(fu.kind, ''), COALESCE(fu.text, ''), "
        "COALESCE(UNIX_TIMESTAMP(fu.at), 0), COALESCE(DATE_FORMAT(pr.promise_date, '%Y-%m-%d'), '') "
        "FROM (SELECT b.unit_id, SUM(b.amount_fen - b.paid_fen) owed, COUNT(*) bills, MIN(b.period) oldest "
        "FROM bill b WHERE b.community_id = ? AND b.unpaid = 1 AND b.due_date < ? "
        "GROUP BY b.unit_id) x JOIN unit u ON u.id = x.unit_id JOIN building bl ON bl.id = u.building_id "
        "LEFT JOIN arrears_note r ON r.id = (SELECT MAX(n.id) FROM arrears_note n WHERE n.unit_id = u.id "
        "AND n.kind = 'reason') "
        "LEFT JOIN arrears_note fu ON fu.id = (SELECT MAX(n.id) FROM arrears_note n WHERE n.unit_id = u.id "
        "AND n.kind <> 'reason') "
        "LEFT JOIN arrears_note pr ON pr.id = (SELECT MAX(n.id) FROM arrears_note n WHERE n.unit_id = u.id "
        "AND n.kind = 'promise') "
        "WHERE (? = '' OR bl.code = ?) AND (? = '' OR u.code = ?) AND (? = '' OR r.reason = ?) "
        "ORDER BY x.oldest, x.owed DESC, u.code LIMIT 20000");
    const char *building = text_or_empty(f->building), *unit = text_or_empty(f->unit);
    const char *reason = text_or_empty(f->reason);
    db_arg args[8] = {DB_INT(f->community_id), DB_TEXT(f->today), DB_TEXT(building), DB_TEXT(building),
                      DB_TEXT(unit),           DB_TEXT(unit),     DB_TEXT(reason),   DB_TEXT(reason)};
    db_rows r;
    db_status s = db_exec(&st, args, 8, a, &r);
    if (s != DB_OK)
        return s;
    memset(totals, 0, sizeof *totals);
    arrears_row *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof *rows);
    if (!rows)
        return DB_ERROR;
    size_t n = 0;
    for (size_t i = 0; i < r.count && i < ARREARS_MAX_ROWS; i++) {
        arrears_row *w = &rows[n];
        w->oldest_period = db_cell(&r, i, 6);
        w->age = fee_period_valid(w->oldest_period) ? fee_period_diff(w->oldest_period, f->month) : 0;
        if (w->age < 0)
            w->age = 0;
        if (w->age < f->min_age)
            continue;
        w->unit_id = db_cell_int(&r, i, 0);
        w->unit_code = db_cell(&r, i, 1);
        w->building_code = db_cell(&r, i, 2);
        w->owners = db_cell(&r, i, 3);
        w->owed_fen = db_cell_int(&r, i, 4);
        w->bills = db_cell_int(&r, i, 5);
        w->reason = db_cell(&r, i, 7);
        w->reason_text = db_cell(&r, i, 8);
        w->last_kind = db_cell(&r, i, 9);
        w->last_text = db_cell(&r, i, 10);
        w->last_at = db_cell_int(&r, i, 11);
        w->promise_date = db_cell(&r, i, 12);
        int b = arrears_bucket(w->age);
        totals->units++;
        totals->owed_fen += w->owed_fen;
        totals->bucket_units[b]++;
        totals->bucket_fen[b] += w->owed_fen;
        n++;
    }
    *out = rows;
    *count = n;
    return 0;
}

int arrears_bills(arena *a, const arrears_filter *f, arrears_bill **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "arrears_bills",
        "SELECT b.id, b.unit_id, b.period, b.kind, DATE_FORMAT(b.due_date, '%Y-%m-%d'), b.amount_fen, "
        "b.paid_fen, COALESCE((SELECT GROUP_CONCAT(COALESCE(fi.name, l.description) ORDER BY l.id SEPARATOR "
        "'、') FROM bill_line l LEFT JOIN fee_item fi ON fi.id = l.fee_item_id WHERE l.bill_id = b.id), '') "
        "FROM bill b JOIN unit u ON u.id = b.unit_id JOIN building bl ON bl.id = u.building_id "
        "WHERE b.community_id = ? AND b.unpaid = 1 AND b.due_date < ? "
        "AND (? = '' OR bl.code = ?) AND (? = '' OR u.code = ?) "
        "ORDER BY bl.code, u.code, b.period, b.id LIMIT 100000");
    const char *building = text_or_empty(f->building), *unit = text_or_empty(f->unit);
    db_arg args[6] = {DB_INT(f->community_id), DB_TEXT(f->today), DB_TEXT(building),
                      DB_TEXT(building),       DB_TEXT(unit),     DB_TEXT(unit)};
    db_rows r;
    db_status s = db_exec(&st, args, 6, a, &r);
    if (s != DB_OK)
        return s;
    arrears_bill *bills = arena_alloc(a, (r.count ? r.count : 1) * sizeof *bills);
    if (!bills)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        bills[i].id = db_cell_int(&r, i, 0);
        bills[i].unit_id = db_cell_int(&r, i, 1);
        bills[i].period = db_cell(&r, i, 2);
        bills[i].kind = db_cell(&r, i, 3);
        bills[i].due_date = db_cell(&r, i, 4);
        bills[i].amount_fen = db_cell_int(&r, i, 5);
        bills[i].paid_fen = db_cell_int(&r, i, 6);
        bills[i].items = db_cell(&r, i, 7);
    }
    *out = bills;
    *count = r.count;
    return 0;
}

int arrears_community_phone(arena *a, long long community_id, const char **phone) {
    static db_stmt st = DB_STMT("arrears_community_phone", "SELECT phone FROM community WHERE id = ?");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *phone = r.count && db_cell(&r, 0, 0) ? db_cell(&r, 0, 0) : "";
    return 0;
}

int arrears_unit_find(arena *a, long long community_id, const char *code, long long *unit_id,
                      const char **owners) {
    static db_stmt st = DB_STMT("arrears_unit_find", "SELECT u.id, " OWNERS_OF_U
                                                     " FROM unit u WHERE u.community_id = ? AND u.code = ?");
    db_arg args[2] = {DB_INT(community_id), DB_TEXT(code)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return 404;
    *unit_id = db_cell_int(&r, 0, 0);
    *owners = db_cell(&r, 0, 1);
    return 0;
}

int arrears_notes(arena *a, long long unit_id, arrears_note_row **out, size_t *count) {
    static db_stmt st =
        DB_STMT("arrears_notes",
                "SELECT n.id, n.kind, COALESCE(n.reason, ''), n.text, "
                "COALESCE(DATE_FORMAT(n.promise_date, '%Y-%m-%d'), ''), s.name, UNIX_TIMESTAMP(n.at) "
                "FROM arrears_note n JOIN staff s ON s.id = n.staff_id WHERE n.unit_id = ? "
                "ORDER BY n.id DESC LIMIT 500");
    db_arg args[1] = {DB_INT(unit_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    arrears_note_row *notes = arena_alloc(a, (r.count ? r.count : 1) * sizeof *notes);
    if (!notes)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        notes[i].id = db_cell_int(&r, i, 0);
        notes[i].kind = db_cell(&r, i, 1);
        notes[i].reason = db_cell(&r, i, 2);
        notes[i].text = db_cell(&r, i, 3);
        notes[i].promise_date = db_cell(&r, i, 4);
        notes[i].staff_name = db_cell(&r, i, 5);
        notes[i].at = db_cell_int(&r, i, 6);
    }
    *out = notes;
    *count = r.count;
    return 0;
}

static int refuse(arrears_refusal *why, const char *field_name, const char *message) {
    why->field = field_name;
    why->message = message;
    return 422;
}

int arrears_note_check(const arrears_note_input *in, arrears_refusal *why) {
    const char *k = in->kind;
    if (!fee_note_kind_name(k)[0])
        return refuse(why, "kind", "请选择跟进方式");
    if (!strcmp(k, "reason") && !in->reason[0])
        return refuse(why, "reason", "登记欠费原因时请选择原因");
    if (in->reason[0] && !fee_reason_name(in->reason)[0])
        return refuse(why, "reason", "请从列表中选择欠费原因");
    if ((!strcmp(k, "call") || !strcmp(k, "visit")) && !in->text[0])
        return refuse(why, "text", "电话或上门催缴请填写沟通情况");
    if (!strcmp(k, "promise")) {
        if (!in->promise_date[0])
            return refuse(why, "promise_date", "请填写业主承诺的缴费日期");
        if (strcmp(in->promise_date, in->today) < 0)
            return refuse(why, "promise_date", "承诺缴费日期不能早于今天");
    }
    return 0;
}

static db_status note_insert(page_ctx *ctx, long long unit_id, const char *kind, const char *reason,
                             const char *text, const char *promise_date) {
    static db_stmt st = DB_STMT("arrears_note_add",
                                "INSERT INTO arrears_note (community_id, unit_id, kind, reason, text, "
                                "promise_date, staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    db_arg args[8] = {DB_INT(ctx->user.community_id),
                      DB_INT(unit_id),
                      DB_TEXT(kind),
                      reason && reason[0] ? DB_TEXT(reason) : DB_NULL,
                      DB_TEXT(text ? text : ""),
                      promise_date && promise_date[0] ? DB_TEXT(promise_date) : DB_NULL,
                      DB_INT(ctx->user.id),
                      DB_INT(ctx->now)};
    db_rows r;
    return db_exec(&st, args, 8, ctx->arena, &r);
}

int arrears_note_add(page_ctx *ctx, const arrears_note_input *in, arrears_refusal *why) {
    int s = arrears_note_check(in, why);
    if (s)
        return s;
    /* A reason is recorded only with kind reason; other kinds carry none. */
    const char *reason = !strcmp(in->kind, "reason") ? in->reason : "";
    const char *promise = !strcmp(in->kind, "promise") ? in->promise_date : "";
    const char *detail = arena_printf(ctx->arena, "%s %s%s%s", in->unit_code, in->kind, reason[0] ? " " : "",
                                      reason[0] ? reason : (promise[0] ? promise : ""));
    for (int attempt = 0; attempt < WRITE_TRIES; attempt++) {
        if ((s = db_begin()) != DB_OK)
            return s;
        if ((s = note_insert(ctx, in->unit_id, in->kind, reason, in->text, promise)) == DB_OK &&
            (s = audit_record(ctx, "arrears_note", "unit", in->unit_id, detail)) == DB_OK &&
            (s = db_commit()) == DB_OK)
            return 0;
        db_rollback();
        if (s != DB_DEADLOCK)
            return s;
    }
    return s;
}

int arrears_notices_record(page_ctx *ctx, const arrears_row *rows, size_t n) {
    int s = DB_OK;
    for (int attempt = 0; attempt < WRITE_TRIES; attempt++) {
        if ((s = db_begin()) != DB_OK)
            return s;
        size_t i = 0;
        for (; i < n; i++) {
            const char *text = arena_printf(ctx->arena, "缴费通知单：欠费 %s 元",
                                            money_format(ctx->arena, rows[i].owed_fen));
            if ((s = note_insert(ctx, rows[i].unit_id, "notice", NULL, text, NULL)) != DB_OK ||
                (s = audit_record(ctx, "arrears_notice", "unit", rows[i].unit_id, rows[i].unit_code)) !=
                    DB_OK)
                break;
        }
        if (i == n && (s = db_commit()) == DB_OK)
            return 0;
        db_rollback();
        if (s != DB_DEADLOCK)
            return s;
    }
    return s;
}
