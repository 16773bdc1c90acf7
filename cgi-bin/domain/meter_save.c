/* meter_save.c: checking and saving a batch of readings (the sheet or an imported file):
 * every entry is checked first, and only a batch without a problem is written, in one
 * transaction with its audit row. */
#include "meter.h"

#include <string.h>

#include "../core/money.h"
#include "../core/strmap.h"
#include "audit.h"

/* Marks e as not to be saved; answers 0 for the caller to return. */
static int refuse(meter_entry *e, int status, const char *problem) {
    e->status = status;
    e->problem = problem;
    return 0;
}

/* Checks one entry against its unit (found by the caller): the number, a billed month,
 * and the flags a person must confirm. */
static int check_entry(arena *a, const meter_batch *b, meter_entry *e, const meter_unit *u) {
    e->unit = u;
    e->flag = "none";
    if (decimal_parse(e->text, 2, &e->reading_c) != 0)
        return refuse(e, 422, "读数应为数字，最多 2 位小数，例如 1289.5");
    if (u->reading_id && u->reading_c == e->reading_c) {
        e->unchanged = true; /* the reading already in force: nothing to do */
        e->usage_c = u->usage_c;
        e->has_previous = u->has_previous;
        return 0;
    }
    if (u->billed)
        return refuse(e, 409, arena_printf(a, "%s 的 %s 读数已出账，不能再更改", u->code, b->period));
    if (u->later_period) /* the later reading was measured from this one */
        return refuse(e, 409,
                      arena_printf(a, "%s 已有 %s 的读数，不能再录入或更改更早的 %s 读数", u->code,
                                   u->later_period, b->period));
    e->has_previous = u->has_previous;
    if (!u->has_previous)
        return 0; /* a first reading: it bills nothing, so there is nothing to compare */
    if (e->reading_c < u->previous_c) {
        e->flag = "lower";
        e->usage_c = e->reading_c; /* confirmed as a new meter, which started from 0 */
        if (!e->confirmed)
            return refuse(e, 422,
                          arena_printf(a, "读数低于上次读数 %s（%s）：如果换了新表，请勾选确认",
                                       decimal_format(a, u->previous_c, 2), u->previous_period));
    } else {
        e->usage_c = e->reading_c - u->previous_c;
    }
    if (u->history && e->usage_c * u->history > (long long)b->jump_factor * u->history_usage_c) {
        if (!strcmp(e->flag, "none"))
            e->flag = "jump";
        if (!e->confirmed)
            refuse(e, 422,
                   arena_printf(a, "用量 %s 超过近 %d 期平均用量 %s 的 %d 倍：请核对后勾选确认",
                                decimal_format(a, e->usage_c, 2), u->history,
                                decimal_format(a, u->history_usage_c / u->history, 2), b->jump_factor));
    }
    return 0;
}

/* Checks every entry; *problems counts those that cannot be saved. */
static int check_all(arena *a, const meter_batch *b, const meter_unit *units, size_t unit_count,
                     meter_entry *entries, size_t n, size_t *problems) {
    strmap by_code, seen;
    if (strmap_init(a, &by_code, unit_count) != 0 || strmap_init(a, &seen, n) != 0)
        return DB_ERROR;
    for (size_t i = 0; i < unit_count; i++)
        strmap_put(&by_code, units[i].code, i);
    *problems = 0;
    for (size_t i = 0; i < n; i++) {
        meter_entry *e = &entries[i];
        size_t k;
        e->problem = NULL;
        e->status = 0;
        if (!strmap_get(&by_code, e->unit_code, &k))
            refuse(e, 422,
                   arena_printf(a,
                                b->building_id ? "本楼栋没有房号 %s，或该房屋不收此项费用"
                                               : "本小区没有房号 %s，或该房屋不收此项费用",
                                e->unit_code));
        else if (strmap_get(&seen, e->unit_code, &k))
            refuse(e, 422, arena_printf(a, "房号 %s 重复出现，每户每月只能有一个读数", e->unit_code));
        else {
            strmap_put(&seen, e->unit_code, i);
            check_entry(a, b, e, &units[k]);
        }
        if (e->problem)
            (*problems)++;
    }
    return 0;
}

/* Writes one entry: the month's current reading, if any, steps aside (only while it is
 * not billed), and the new one takes its place. 0, 409 when another request got there
 * first or the old reading was billed meanwhile, or a db_status < 0. */
static int write_entry(page_ctx *ctx, const meter_batch *b, const meter_entry *e) {
    static db_stmt retire =
        DB_STMT("meter_retire", "UPDATE meter_reading SET current_key = NULL WHERE id = ? "
                                "AND current_key = 1");
    static db_stmt billed =
        DB_STMT("meter_billed", "SELECT COUNT(*) FROM bill_line WHERE reading_id = ? LOCK IN SHARE MODE");
    static db_stmt add =
        DB_STMT("meter_add",
                "INSERT INTO meter_reading (community_id, unit_id, fee_item_id, period, reading_c, "
                "previous_c, usage_c, flag, source, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, FROM_UNIXTIME(?))");
    const meter_unit *u = e->unit;
    db_rows r;
    db_status s;
    if (u->reading_id) {
        db_arg id[1] = {DB_INT(u->reading_id)};
        if ((s = db_exec(&retire, id, 1, ctx->arena, &r)) != DB_OK)
            return s;
        if (r.affected != 1)
            return 409;
        if ((s = db_exec(&billed, id, 1, ctx->arena, &r)) != DB_OK)
            return s;
        if (db_cell_int(&r, 0, 0))
            return 409;
    }
    db_arg args[11] = {DB_INT(ctx->user.community_id),
                       DB_INT(u->unit_id),
                       DB_INT(b->item_id),
                       DB_TEXT(b->period),
                       DB_INT(e->reading_c),
                       e->has_previous ? DB_INT(u->previous_c) : DB_NULL,
                       DB_INT(e->has_previous ? e->usage_c : 0),
                       DB_TEXT(e->flag),
                       DB_TEXT(b->source),
                       DB_INT(ctx->user.id),
                       DB_INT(ctx->now)};
    s = db_exec(&add, args, 11, ctx->arena, &r);
    return s == DB_DUPLICATE ? 409 : s;
}

int meter_save(page_ctx *ctx, const meter_batch *b, meter_entry *entries, size_t n, size_t *problems,
               size_t *written) {
    *written = 0;
    *problems = 0;
    db_status s = b->write ? db_begin() : DB_OK;
    if (s != DB_OK)
        return s;
    meter_unit *units;
    size_t unit_count;
    if ((s = meter_units(ctx->arena, ctx->user.community_id, b->building_id, b->item_id, b->period, &units,
                         &unit_count)) != DB_OK ||
        (s = check_all(ctx->arena, b, units, unit_count, entries, n, problems)) != DB_OK || *problems ||
        !b->write) {
        if (b->write)
            db_rollback();
        return s;
    }
    size_t replaced = 0;
    for (size_t i = 0; i < n; i++) {
        meter_entry *e = &entries[i];
        if (e->unchanged)
            continue;
        int w = write_entry(ctx, b, e);
        if (w == 409) {
            refuse(e, 409,
                   arena_printf(ctx->arena, "%s 的 %s 读数刚被他人更改或已出账，请刷新后重试", e->unit_code,
                                b->period));
            *problems = 1;
            db_rollback();
            return 0;
        }
        if (w != DB_OK) {
            db_rollback();
            return w;
        }
        replaced += e->unit->reading_id != 0;
        (*written)++;
    }
    const char *detail = arena_printf(ctx->arena, "%s 读数 %lu 条（其中更正 %lu 条），来源 %s", b->period,
                                      (unsigned long)*written, (unsigned long)replaced, b->source);
    if (*written && (s = audit_record(ctx, "meter_save", "fee_item", b->item_id, detail)) != DB_OK) {
        db_rollback();
        return s;
    }
    if ((s = db_commit()) != DB_OK) {
        db_rollback();
        *written = 0;
    }
    return s;
}
