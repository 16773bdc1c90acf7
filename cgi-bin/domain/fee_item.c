/* fee_item.c: fee items and their rates (see fee_item.h): the list with the rate in force,
 * and the two additions, each one transaction with its audit row. */
#include "fee_item.h"

#include <string.h>

#include "../core/money.h"
#include "audit.h"

#define RATE_COLUMNS                                                                                         \
    "r.id, DATE_FORMAT(r.valid_from, '%Y-%m-%d'), r.price_e4, r.vacant_price_e4, r.tier2_from_c, "           \
    "r.tier2_price_e4, r.tier3_from_c, r.tier3_price_e4, r.note, COALESCE(s.name, ''), "                     \
    "UNIX_TIMESTAMP(r.created_at)"

/* Reads the RATE_COLUMNS starting at column c of row i. */
static fee_rate_row rate_of(const db_rows *r, size_t i, size_t c) {
    fee_rate_row x = {0};
    x.id = db_cell_int(r, i, c);
    x.valid_from = db_cell(r, i, c + 1);
    x.tiers.price_e4 = db_cell_int(r, i, c + 2);
    x.has_vacant = db_cell(r, i, c + 3) != NULL;
    x.vacant_price_e4 = db_cell_int(r, i, c + 3);
    x.tiers.tier2_from_c = db_cell_int(r, i, c + 4);
    x.tiers.tier2_price_e4 = db_cell_int(r, i, c + 5);
    x.tiers.tier3_from_c = db_cell_int(r, i, c + 6);
    x.tiers.tier3_price_e4 = db_cell_int(r, i, c + 7);
    x.note = db_cell(r, i, c + 8);
    x.staff_name = db_cell(r, i, c + 9);
    x.created_at = db_cell_int(r, i, c + 10);
    return x;
}

int fee_items_list(arena *a, long long community_id, const char *today, fee_item_row **out, size_t *count) {
    static db_stmt items = DB_STMT("fee_items_list", "SELECT id, code, name, kind, unit_label, unit_types, "
                                                     "active FROM fee_item WHERE community_id = ? "
                                                     "ORDER BY sort, id");
    static db_stmt rates = DB_STMT(
        "fee_rates_list", "SELECT r.fee_item_id, " RATE_COLUMNS " FROM fee_rate r LEFT JOIN staff s ON "
                          "s.id = r.staff_id WHERE r.community_id = ? ORDER BY r.fee_item_id, "
                          "r.valid_from");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows ir, rr;
    db_status s = db_exec(&items, args, 1, a, &ir);
    if (s != DB_OK || (s = db_exec(&rates, args, 1, a, &rr)) != DB_OK)
        return s;
    fee_item_row *list = arena_alloc(a, (ir.count ? ir.count : 1) * sizeof *list);
    fee_rate_row *all = arena_alloc(a, (rr.count ? rr.count : 1) * sizeof *all);
    if (!list || !all)
        return DB_ERROR;
    for (size_t i = 0; i < ir.count; i++) {
        fee_item_row *it = &list[i];
        *it = (fee_item_row){db_cell_int(&ir, i, 0),
                             db_cell(&ir, i, 1),
                             db_cell(&ir, i, 2),
                             db_cell(&ir, i, 3),
                             db_cell(&ir, i, 4),
                             db_cell(&ir, i, 5),
                             db_cell_int(&ir, i, 6) != 0,
                             NULL,
                             0};
        /* The rates come sorted by item: this item's are one run of them. */
        for (size_t j = 0; j < rr.count; j++) {
            if (db_cell_int(&rr, j, 0) != it->id)
                continue;
            if (!it->rates)
                it->rates = &all[j];
            all[j] = rate_of(&rr, j, 1);
            it->rate_count++;
        }
        for (size_t j = it->rate_count; j-- > 0;) {
            if (strcmp(it->rates[j].valid_from, today) <= 0) {
                it->rates[j].current = true;
                break;
            }
        }
    }
    *out = list;
    *count = ir.count;
    return 0;
}

int fee_rate_in_force(arena *a, long long item_id, const char *day, fee_rate_row *out, bool *found) {
    static db_stmt st =
        DB_STMT("fee_rate_in_force", "SELECT " RATE_COLUMNS " FROM fee_rate r LEFT JOIN staff s "
                                     "ON s.id = r.staff_id WHERE r.fee_item_id = ? AND "
                                     "r.valid_from <= ? ORDER BY r.valid_from DESC LIMIT 1");
    db_arg args[2] = {DB_INT(item_id), DB_TEXT(day)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *found = r.count > 0;
    if (r.count) {
        *out = rate_of(&r, 0, 0);
        out->current = true;
    }
    return 0;
}

static int refuse(fee_refusal *why, const char *field_name, const char *message) {
    why->field = field_name;
    why->message = message;
    return 422;
}

int fee_item_add(page_ctx *ctx, const fee_item_new *item, fee_refusal *why) {
    static db_stmt st = DB_STMT(
        "fee_item_add", "INSERT INTO fee_item (community_id, code, name, kind, unit_label, unit_types, sort, "
                        "created_at) SELECT ?, ?, ?, ?, ?, ?, COALESCE(MAX(sort), 0) + 10, FROM_UNIXTIME(?) "
                        "FROM fee_item WHERE community_id = ?");
    db_arg args[8] = {DB_INT(ctx->user.community_id),
                      DB_TEXT(item->code),
                      DB_TEXT(item->name),
                      DB_TEXT(item->kind),
                      DB_TEXT(item->unit_label),
                      DB_TEXT(item->unit_types),
                      DB_INT(ctx->now),
                      DB_INT(ctx->user.community_id)};
    db_rows r;
    db_status s = db_begin();
    if (s != DB_OK)
        return s;
    if ((s = db_exec(&st, args, 8, ctx->arena, &r)) == DB_DUPLICATE) {
        db_rollback();
        return refuse(why, "code", "这个代码已有收费项目使用，请换一个");
    }
    if (s == DB_OK)
        s = audit_record(
            ctx, "fee_item_add", "fee_item", (long long)r.insert_id,
            arena_printf(ctx->arena, "%s %s（%s）", item->code, item->name, fee_kind_name(item->kind)));
    if (s == DB_OK)
        s = db_commit();
    if (s != DB_OK)
        db_rollback();
    return s;
}

/* The kind-specific rules of a rate; 0 or 422 with why. */
static int rate_fits(const fee_rate_new *n, const char *kind, fee_refusal *why) {
    bool metered = !strcmp(kind, "metered");
    if (n->vacant_price_e4 >= 0 && strcmp(kind, "area") != 0)
        return refuse(why, "vacant_price", "空置价格只适用于按面积收费的项目");
    bool tiers = n->tier2_from_c || n->tier2_price_e4 >= 0 || n->tier3_from_c || n->tier3_price_e4 >= 0;
    if (tiers && !metered)
        return refuse(why, "tier2_from", "阶梯价格只适用于按表计量的项目");
    if (n->tier2_price_e4 >= 0 && !n->tier2_from_c)
        return refuse(why, "tier2_from", "填写了第二档单价，请同时填写第二档的起始用量");
    if (n->tier2_from_c && n->tier2_price_e4 < 0)
        return refuse(why, "tier2_price", "请填写第二档单价");
    if (n->tier3_price_e4 >= 0 && !n->tier3_from_c)
        return refuse(why, "tier3_from", "填写了第三档单价，请同时填写第三档的起始用量");
    if (n->tier3_from_c && n->tier3_price_e4 < 0)
        return refuse(why, "tier3_price", "请填写第三档单价");
    if (n->tier3_from_c && !n->tier2_from_c)
        return refuse(why, "tier3_from", "请先填写第二档，再填写第三档");
    if (n->tier3_from_c && n->tier3_from_c <= n->tier2_from_c)
        return refuse(why, "tier3_from", "第三档的起始用量应大于第二档的起始用量");
    return 0;
}

/* Inside the transaction: the item by code (locked, so that rates of one item are added
 * one at a time), its kind and the latest month billed for it from the new rate's month. */
static int rate_check(page_ctx *ctx, const fee_rate_new *n, long long *item_id, fee_refusal *why) {
    static db_stmt item = DB_STMT("fee_rate_item", "SELECT id, kind FROM fee_item WHERE community_id = ? AND "
                                                   "code = ? FOR UPDATE");
    static db_stmt billed = DB_STMT(
        "fee_rate_billed", "SELECT MAX(b.period) FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE "
                           "l.community_id = ? AND l.fee_item_id = ? AND b.period >= LEFT(?, 7)");
    static db_stmt same = DB_STMT("fee_rate_same", "SELECT COUNT(*) FROM fee_rate WHERE fee_item_id = ? AND "
                                                   "valid_from = ?");
    db_arg args[3] = {DB_INT(ctx->user.community_id), DB_TEXT(n->item_code)};
    db_rows r;
    db_status s = db_exec(&item, args, 2, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return refuse(why, "item", "本小区没有这个收费项目");
    *item_id = db_cell_int(&r, 0, 0);
    int refused = rate_fits(n, db_cell(&r, 0, 1), why);
    if (refused)
        return refused;
    db_arg d[2] = {DB_INT(*item_id), DB_TEXT(n->valid_from)};
    if ((s = db_exec(&same, d, 2, ctx->arena, &r)) != DB_OK)
        return s;
    if (db_cell_int(&r, 0, 0))
        return refuse(why, "valid_from", "该日期已有收费标准");
    db_arg b[3] = {DB_INT(ctx->user.community_id), DB_INT(*item_id), DB_TEXT(n->valid_from)};
    if ((s = db_exec(&billed, b, 3, ctx->arena, &r)) != DB_OK)
        return s;
    if (db_cell(&r, 0, 0))
        return refuse(
            why, "valid_from",
            arena_printf(ctx->arena,
                         "该项目已出账到 %s，新标准只能从此后的月份起执行（否则会改变已出账的金额）",
                         db_cell(&r, 0, 0)));
    return 0;
}

int fee_rate_add(page_ctx *ctx, const fee_rate_new *n, fee_refusal *why) {
    static db_stmt st =
        DB_STMT("fee_rate_add",
                "INSERT INTO fee_rate (community_id, fee_item_id, valid_from, price_e4, vacant_price_e4, "
                "tier2_from_c, tier2_price_e4, tier3_from_c, tier3_price_e4, note, staff_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    long long item_id = 0;
    db_rows r;
    db_status s = db_begin();
    if (s != DB_OK)
        return s;
    int refused = rate_check(ctx, n, &item_id, why);
    if (refused) {
        db_rollback();
        return refused;
    }
    db_arg args[12] = {DB_INT(ctx->user.community_id),
                       DB_INT(item_id),
                       DB_TEXT(n->valid_from),
                       DB_INT(n->price_e4),
                       n->vacant_price_e4 >= 0 ? DB_INT(n->vacant_price_e4) : DB_NULL,
                       db_int_or_null(n->tier2_from_c),
                       n->tier2_from_c ? DB_INT(n->tier2_price_e4) : DB_NULL,
                       db_int_or_null(n->tier3_from_c),
                       n->tier3_from_c ? DB_INT(n->tier3_price_e4) : DB_NULL,
                       DB_TEXT(n->note),
                       DB_INT(ctx->user.id),
                       DB_INT(ctx->now)};
    s = db_exec(&st, args, 12, ctx->arena, &r);
    if (s == DB_DUPLICATE) {
        db_rollback();
        return refuse(why, "valid_from", "该日期已有收费标准");
    }
    if (s == DB_OK)
        s = audit_record(ctx, "fee_rate_add", "fee_rate", (long long)r.insert_id,
                         arena_printf(ctx->arena, "%s 自 %s 起 %s", n->item_code, n->valid_from,
                                      decimal_format(ctx->arena, n->price_e4, 4)));
    if (s == DB_OK)
        s = db_commit();
    if (s != DB_OK)
        db_rollback();
    return s;
}

const char *fee_price_unit(arena *a, const char *kind, const char *unit_label) {
    if (!strcmp(kind, "area"))
        return "元/㎡·月";
    if (!strcmp(kind, "fixed"))
        return "元/户·月";
    if (!strcmp(kind, "metered"))
        return unit_label && unit_label[0] ? arena_printf(a, "元/%s", unit_label) : "元/单位";
    if (!strcmp(kind, "parking"))
        return "元/月";
    return "元";
}
