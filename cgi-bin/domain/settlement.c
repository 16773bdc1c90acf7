/* settlement.c: 日清, a cashier's day (see settlement.h). */
#include "settlement.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/clock.h"
#include "../core/log.h"
#include "audit.h"
#include "fee.h"

int settlement_refuse(settlement_refusal *why, int status, const char *field_name, const char *message) {
    why->message = message;
    why->field = field_name;
    return status;
}

int settlement_transaction(int (*step)(void *arg), void *arg) {
    int r = DB_ERROR;
    /* Payments of one community queue on its receipt counter; the first ones of a day
     * also race to create their rows, which InnoDB settles by rolling one back. */
    for (int attempt = 0; attempt < 10; attempt++) {
        r = db_begin();
        if (r == DB_OK) {
            r = step(arg);
            if (r == 0)
                r = db_commit();
        }
        if (r == 0)
            return 0;
        if (db_in_transaction())
            db_rollback();
        if (r != DB_DEADLOCK)
            return r;
        usleep((useconds_t)(1000 + rand() % 20000));
    }
    return r;
}

const char *settlement_today(arena *a, long long now, const char *zone) {
    return clock_format(a, now, zone, "%Y-%m-%d");
}

int settlement_lock_open(arena *a, long long community_id, long long staff_id, const char *day, long long *id,
                         settlement_refusal *why) {
    static db_stmt make =
        DB_STMT("settlement_make", "INSERT IGNORE INTO settlement (community_id, staff_id, day) "
                                   "VALUES (?, ?, ?)");
    static db_stmt lock =
        DB_STMT("settlement_lock", "SELECT id, closed_at IS NOT NULL FROM settlement "
                                   "WHERE community_id = ? AND staff_id = ? AND day = ? FOR UPDATE");
    db_arg args[3] = {DB_INT(community_id), DB_INT(staff_id), DB_TEXT(day)};
    db_rows rows;
    /* Locking an existing row first: INSERT IGNORE on a row that exists takes a shared
     * lock, and two of those wanting the row for update deadlock each other. */
    db_status s = db_exec(&lock, args, 3, a, &rows);
    if (s == DB_OK && rows.count == 0 && (s = db_exec(&make, args, 3, a, NULL)) == DB_OK)
        s = db_exec(&lock, args, 3, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0) {
        log_error("settlement_lock: no row after INSERT IGNORE");
        return DB_ERROR;
    }
    *id = db_cell_int(&rows, 0, 0);
    if (db_cell_int(&rows, 0, 1))
        return settlement_refuse(why, 409, NULL, "今日已日清：本日账已结，不能再收款或冲正。");
    return 0;
}

/* The name of staff_id when they work in the community, else NULL. */
static db_status staff_name(arena *a, long long community_id, long long staff_id, const char **name) {
    static db_stmt st = DB_STMT(
        "settlement_staff", "SELECT s.name FROM staff s WHERE s.id = ? AND (s.community_id = ? OR EXISTS "
                            "(SELECT 1 FROM staff_role r WHERE r.staff_id = s.id AND r.community_id = ?))");
    db_arg args[3] = {DB_INT(staff_id), DB_INT(community_id), DB_INT(community_id)};
    db_rows rows;
    db_status s = db_exec(&st, args, 3, a, &rows);
    *name = s == DB_OK && rows.count ? db_cell(&rows, 0, 0) : NULL;
    return s;
}

#define ENTRY_COLUMNS                                                                                        \
    "p.id, p.receipt_no, p.kind, p.method, p.unit_id, u.code, p.payer, COALESCE(o.receipt_no, ''), "         \
    "p.amount_fen, UNIX_TIMESTAMP(p.taken_at) "

static db_status load_entries(arena *a, settlement_day *d) {
    static db_stmt st = DB_STMT("settlement_entries",
                                "SELECT " ENTRY_COLUMNS "FROM payment p JOIN unit u ON u.id = p.unit_id "
                                "LEFT JOIN payment o ON o.id = p.reverses_id "
                                "WHERE p.settlement_id = ? ORDER BY p.id");
    db_arg args[1] = {DB_INT(d->id)};
    db_rows rows;
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    d->entries = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof *d->entries);
    if (!d->entries)
        return DB_ERROR;
    d->entry_count = rows.count;
    for (size_t i = 0; i < rows.count; i++) {
        settlement_entry *e = &d->entries[i];
        e->id = db_cell_int(&rows, i, 0);
        e->receipt_no = db_cell(&rows, i, 1);
        e->kind = db_cell(&rows, i, 2);
        e->method = db_cell(&rows, i, 3);
        e->unit_id = db_cell_int(&rows, i, 4);
        e->unit_code = db_cell(&rows, i, 5);
        e->payer = db_cell(&rows, i, 6);
        e->reverses_no = db_cell(&rows, i, 7);
        e->amount_fen = db_cell_int(&rows, i, 8);
        e->taken_at = db_cell_int(&rows, i, 9);
        d->count++;
        d->total_fen += e->amount_fen;
        for (int m = 0; m < SETTLEMENT_METHODS; m++)
            if (!strcmp(fee_methods[m], e->method)) {
                d->sums[m].count++;
                d->sums[m].total_fen += e->amount_fen;
            }
    }
    return DB_OK;
}

int settlement_day_load(arena *a, long long community_id, long long staff_id, const char *day,
                        settlement_day *out, settlement_refusal *why) {
    static db_stmt st = DB_STMT(
        "settlement_day",
        "SELECT t.id, COALESCE(UNIX_TIMESTAMP(t.closed_at), 0), COALESCE(t.closed_count, 0), "
        "COALESCE(t.closed_total_fen, 0), COALESCE(t.checked_by, 0), COALESCE(c.name, ''), "
        "COALESCE(UNIX_TIMESTAMP(t.checked_at), 0), t.check_note FROM settlement t "
        "LEFT JOIN staff c ON c.id = t.checked_by WHERE t.community_id = ? AND t.staff_id = ? AND t.day = ?");
    memset(out, 0, sizeof *out);
    for (int m = 0; m < SETTLEMENT_METHODS; m++)
        out->sums[m].method = fee_methods[m];
    out->staff_id = staff_id;
    out->day = day;
    out->checker_name = out->check_note = "";
    db_status s = staff_name(a, community_id, staff_id, &out->staff_name);
    if (s != DB_OK)
        return s;
    if (!out->staff_name)
        return settlement_refuse(why, 404, NULL, "没有这位员工。");
    db_arg args[3] = {DB_INT(community_id), DB_INT(staff_id), DB_TEXT(day)};
    db_rows rows;
    if ((s = db_exec(&st, args, 3, a, &rows)) != DB_OK)
        return s;
    if (rows.count == 0)
        return 0;
    out->id = db_cell_int(&rows, 0, 0);
    out->closed_at = db_cell_int(&rows, 0, 1);
    out->closed_count = db_cell_int(&rows, 0, 2);
    out->closed_total_fen = db_cell_int(&rows, 0, 3);
    out->checked_by = db_cell_int(&rows, 0, 4);
    out->checker_name = db_cell(&rows, 0, 5);
    out->checked_at = db_cell_int(&rows, 0, 6);
    out->check_note = db_cell(&rows, 0, 7);
    return load_entries(a, out);
}

typedef struct close_job {
    page_ctx *ctx;
    const char *day;
    settlement_refusal *why;
} close_job;

static int close_step(void *arg) {
    static db_stmt sums =
        DB_STMT("settlement_sums", "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM payment "
                                   "WHERE settlement_id = ?");
    static db_stmt close = DB_STMT("settlement_close", "UPDATE settlement SET closed_at = FROM_UNIXTIME(?), "
                                                       "closed_count = ?, closed_total_fen = ? WHERE id = ?");
    close_job *j = arg;
    page_ctx *ctx = j->ctx;
    long long id;
    int r = settlement_lock_open(ctx->arena, ctx->user.community_id, ctx->user.id, j->day, &id, j->why);
    if (r)
        return r == 409 ? settlement_refuse(j->why, 409, NULL, "这一天已经日清过了。") : r;
    db_arg args[1] = {DB_INT(id)};
    db_rows rows;
    db_status s = db_exec(&sums, args, 1, ctx->arena, &rows);
    if (s != DB_OK)
        return s;
    long long count = db_cell_int(&rows, 0, 0), total = db_cell_int(&rows, 0, 1);
    db_arg cargs[4] = {DB_INT(ctx->now), DB_INT(count), DB_INT(total), DB_INT(id)};
    if ((s = db_exec(&close, cargs, 4, ctx->arena, NULL)) != DB_OK)
        return s;
    return audit_record(ctx, "settlement_close", "settlement", id,
                        arena_printf(ctx->arena, "%s: %lld 笔, %lld 分", j->day, count, total));
}

int settlement_close(page_ctx *ctx, const char *day, settlement_refusal *why) {
    close_job j = {ctx, day, why};
    return settlement_transaction(close_step, &j);
}

typedef struct check_job {
    page_ctx *ctx;
    long long staff_id;
    const char *day;
    const char *note;
    settlement_refusal *why;
} check_job;

static int check_step(void *arg) {
    static db_stmt lock = DB_STMT("settlement_check_lock",
                                  "SELECT id, closed_at IS NOT NULL, checked_by IS NOT NULL FROM settlement "
                                  "WHERE community_id = ? AND staff_id = ? AND day = ? FOR UPDATE");
    static db_stmt mark =
        DB_STMT("settlement_check", "UPDATE settlement SET checked_by = ?, "
                                    "checked_at = FROM_UNIXTIME(?), check_note = ? WHERE id = ?");
    check_job *j = arg;
    page_ctx *ctx = j->ctx;
    if (j->staff_id == ctx->user.id)
        return settlement_refuse(j->why, 403, NULL, "日清须由另一位同事复核，不能复核自己的账。");
    db_arg args[3] = {DB_INT(ctx->user.community_id), DB_INT(j->staff_id), DB_TEXT(j->day)};
    db_rows rows;
    db_status s = db_exec(&lock, args, 3, ctx->arena, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0 || !db_cell_int(&rows, 0, 1))
        return settlement_refuse(j->why, 409, NULL, "这一天还没有日清，收款员日清后才能复核。");
    if (db_cell_int(&rows, 0, 2))
        return settlement_refuse(j->why, 409, NULL, "这一天已经复核过了。");
    long long id = db_cell_int(&rows, 0, 0);
    db_arg margs[4] = {DB_INT(ctx->user.id), DB_INT(ctx->now), DB_TEXT(j->note), DB_INT(id)};
    if ((s = db_exec(&mark, margs, 4, ctx->arena, NULL)) != DB_OK)
        return s;
    return audit_record(ctx, "settlement_check", "settlement", id, j->note);
}

int settlement_check(page_ctx *ctx, long long staff_id, const char *day, const char *note,
                     settlement_refusal *why) {
    check_job j = {ctx, staff_id, day, note, why};
    return settlement_transaction(check_step, &j);
}

int settlement_recent(arena *a, long long community_id, long long staff_id, int limit, settlement_brief **out,
                      size_t *count) {
    static db_stmt st =
        DB_STMT("settlement_recent",
                "SELECT t.staff_id, s.name, DATE_FORMAT(t.day, '%Y-%m-%d'), "
                "(SELECT COUNT(*) FROM payment p WHERE p.settlement_id = t.id), "
                "(SELECT COALESCE(SUM(p.amount_fen), 0) FROM payment p WHERE p.settlement_id = t.id), "
                "COALESCE(UNIX_TIMESTAMP(t.closed_at), 0), COALESCE(UNIX_TIMESTAMP(t.checked_at), 0) "
                "FROM settlement t JOIN staff s ON s.id = t.staff_id WHERE t.community_id = ? AND (? = 0 OR "
                "t.staff_id = ?) "
                "ORDER BY t.day DESC, t.id DESC LIMIT ?");
    db_arg args[4] = {DB_INT(community_id), DB_INT(staff_id), DB_INT(staff_id), DB_INT(limit)};
    db_rows rows;
    db_status s = db_exec(&st, args, 4, a, &rows);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    *count = rows.count;
    for (size_t i = 0; i < rows.count; i++) {
        settlement_brief *b = &(*out)[i];
        b->staff_id = db_cell_int(&rows, i, 0);
        b->staff_name = db_cell(&rows, i, 1);
        b->day = db_cell(&rows, i, 2);
        b->count = db_cell_int(&rows, i, 3);
        b->total_fen = db_cell_int(&rows, i, 4);
        b->closed_at = db_cell_int(&rows, i, 5);
        b->checked_at = db_cell_int(&rows, i, 6);
    }
    return 0;
}
