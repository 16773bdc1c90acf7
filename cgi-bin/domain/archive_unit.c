/* archive_unit.c: the front desk's actions on a unit (入伙, 产权变更, tenancies, 迁出, cards,
 * keys, vehicles), each one transaction with its audit row. History is kept: rows are
 * closed with a date or a state and a log row, never deleted or overwritten. */
#include "archive.h"

#include <string.h>

#include "audit.h"

/* Refuses with status and message (422: about field). */
static int refuse(archive_refusal *why, int status, const char *field_name, const char *message) {
    why->field = field_name;
    why->message = message;
    return status;
}

/* Finds the person of the community by name and phone, or adds them. */
static int person_find_or_add(arena *a, long long community_id, const archive_new_person *np, long long *id) {
    static db_stmt find =
        DB_STMT("archive_person_find", "SELECT id FROM person WHERE community_id = ? AND name = ? "
                                       "AND phone = ? AND phone <> '' ORDER BY id LIMIT 1");
    static db_stmt add =
        DB_STMT("archive_person_add",
                "INSERT INTO person (community_id, name, phone, id_number) VALUES (?, ?, ?, ?)");
    const char *phone = np->phone ? np->phone : "";
    db_arg args[4] = {DB_INT(community_id), DB_TEXT(np->name), DB_TEXT(phone),
                      DB_TEXT(np->id_number ? np->id_number : "")};
    db_rows r;
    db_status s = db_exec(&find, args, 3, a, &r);
    if (s != DB_OK)
        return s;
    if (r.count) {
        *id = db_cell_int(&r, 0, 0);
        return 0;
    }
    if ((s = db_exec(&add, args, 4, a, &r)) != DB_OK)
        return s;
    *id = (long long)r.insert_id;
    return 0;
}

/* Whether person_id holds an open occupancy row of the unit (of relation, when set). */
static int occupant_current(arena *a, long long unit_id, long long person_id, const char *relation,
                            bool *yes) {
    static db_stmt st =
        DB_STMT("archive_occupant_current",
                "SELECT COUNT(*) FROM occupancy WHERE unit_id = ? AND person_id = ? AND until "
                "IS NULL AND (? = '' OR relation = ?)");
    const char *rel = relation ? relation : "";
    db_arg args[4] = {DB_INT(unit_id), DB_INT(person_id), DB_TEXT(rel), DB_TEXT(rel)};
    db_rows r;
    db_status s = db_exec(&st, args, 4, a, &r);
    if (s != DB_OK)
        return s;
    *yes = db_cell_int(&r, 0, 0) > 0;
    return 0;
}

static int occupancy_open(arena *a, const archive_unit *u, long long person_id, const char *relation,
                          const char *since, long long share_bp, const char *lease_end, long long rent_fen) {
    static db_stmt st =
        DB_STMT("archive_occupancy_open",
                "INSERT INTO occupancy (community_id, unit_id, person_id, relation, since, "
                "share_pct, lease_start, lease_end, rent_fen) VALUES (?, ?, ?, ?, ?, ? / 100, ?, "
                "?, ?)");
    bool tenant = !strcmp(relation, "tenant");
    db_arg args[9] = {DB_INT(u->community_id),
                      DB_INT(u->id),
                      DB_INT(person_id),
                      DB_TEXT(relation),
                      DB_TEXT(since),
                      share_bp >= 0 ? DB_INT(share_bp) : DB_NULL,
                      tenant ? DB_TEXT(since) : DB_NULL,
                      tenant && lease_end ? DB_TEXT(lease_end) : DB_NULL,
                      tenant ? DB_INT(rent_fen) : DB_NULL};
    return db_exec(&st, args, 9, a, NULL);
}

static int unit_set_state(const archive_unit *u, const char *state) {
    static db_stmt st = DB_STMT("archive_unit_state", "UPDATE unit SET state = ? WHERE id = ?");
    db_arg args[2] = {DB_TEXT(state), DB_INT(u->id)};
    return db_exec(&st, args, 2, NULL, NULL);
}

static int move_add(page_ctx *ctx, const archive_unit *u, long long person_id, const char *kind,
                    const archive_action *act) {
    static db_stmt st =
        DB_STMT("archive_move_add",
                "INSERT INTO move_record (community_id, unit_id, person_id, kind, on_date, "
                "checklist, notes, staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    db_arg args[9] = {DB_INT(u->community_id),
                      DB_INT(u->id),
                      person_id ? DB_INT(person_id) : DB_NULL,
                      DB_TEXT(kind),
                      DB_TEXT(act->date),
                      DB_TEXT(act->checklist ? act->checklist : ""),
                      DB_TEXT(act->notes ? act->notes : ""),
                      DB_INT(ctx->user.id),
                      DB_INT(ctx->now)};
    return db_exec(&st, args, 9, ctx->arena, NULL);
}

/* Locks the unit row for the transaction and reads its state again. */
static int unit_lock(arena *a, const archive_unit *u, const char **state) {
    static db_stmt st = DB_STMT("archive_unit_lock", "SELECT state FROM unit WHERE id = ? FOR UPDATE");
    db_arg args[1] = {DB_INT(u->id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *state = r.count ? db_cell(&r, 0, 0) : u->state;
    return 0;
}

/* Sums the shares (hundredths of a percent) of the unit's current owners. */
static int owner_shares(arena *a, long long unit_id, long long *sum_bp) {
    static db_stmt st = DB_STMT("archive_owner_shares",
                                "SELECT COALESCE(SUM(ROUND(COALESCE(share_pct, 0) * 100)), 0) FROM occupancy "
                                "WHERE unit_id = ? AND relation = 'owner' AND until IS NULL");
    db_arg args[1] = {DB_INT(unit_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *sum_bp = db_cell_int(&r, 0, 0);
    return 0;
}

static int do_move_in(page_ctx *ctx, const archive_unit *u, const char *state, const archive_action *act,
                      archive_refusal *why, const char **detail) {
    arena *a = ctx->arena;
    bool owner = !strcmp(act->relation, "owner");
    long long share = owner ? (act->share_bp > 0 ? act->share_bp : 10000) : -1;
    if (owner) {
        long long held;
        int s = owner_shares(a, u->id, &held);
        if (s)
            return s;
        if (held + share > 10000)
            return refuse(why, 422, "share", "现有业主的份额加上这位业主的份额超过了 100%，请办理产权变更。");
    }
    long long pid;
    int s = person_find_or_add(a, u->community_id, &act->person, &pid);
    if (s)
        return s;
    bool already;
    if ((s = occupant_current(a, u->id, pid, act->relation, &already)) != 0)
        return s;
    if (already)
        return refuse(why, 422, "name", "这位住户已经登记在本房屋，无需重复入伙。");
    if ((s = occupancy_open(a, u, pid, act->relation, act->date, share, NULL, 0)) != 0 ||
        (s = move_add(ctx, u, pid, "move_in", act)) != 0)
        return s;
    const char *next = !strcmp(act->relation, "tenant") || !strcmp(state, "rented") ? "rented" : "occupied";
    if ((s = unit_set_state(u, next)) != 0)
        return s;
    *detail = arena_printf(a, "%s %s %s", act->person.name, act->relation, act->date);
    return 0;
}

static int do_change_owner(page_ctx *ctx, const archive_unit *u, const archive_action *act,
                           archive_refusal *why, const char **detail) {
    static db_stmt latest = DB_STMT("archive_owner_latest_since",
                                    "SELECT COALESCE(DATE_FORMAT(MAX(since), '%Y-%m-%d'), '') FROM occupancy "
                                    "WHERE unit_id = ? AND relation = 'owner' AND until IS NULL");
    static db_stmt close =
        DB_STMT("archive_owner_close", "UPDATE occupancy SET until = ? WHERE unit_id = ? AND "
                                       "relation = 'owner' AND until IS NULL");
    arena *a = ctx->arena;
    long long sum = 0;
    for (size_t i = 0; i < act->owner_count; i++)
        sum += act->owner_share_bp[i];
    if (act->owner_count == 0)
        return refuse(why, 422, "owner1_name", "请填写新业主的姓名。");
    if (sum != 10000)
        return refuse(why, 422, "owner1_share", "新业主的份额合计必须为 100%。");
    db_arg args[2] = {DB_TEXT(act->date), DB_INT(u->id)};
    db_rows r;
    int s = db_exec(&latest, args + 1, 1, a, &r);
    if (s != DB_OK)
        return s;
    const char *since = db_cell(&r, 0, 0);
    if (since && since[0] && strcmp(act->date, since) < 0)
        return refuse(why, 422, "date", "变更日期不能早于现任业主的起始日期。");
    if ((s = db_exec(&close, args, 2, a, &r)) != DB_OK)
        return s;
    const char *names = "";
    long long seen[ARCHIVE_MAX_OWNERS] = {0};
    for (size_t i = 0; i < act->owner_count; i++) {
        long long pid;
        if ((s = person_find_or_add(a, u->community_id, &act->owners[i], &pid)) != 0)
            return s;
        for (size_t j = 0; j < i; j++)
            if (seen[j] == pid)
                return refuse(why, 422, arena_printf(a, "owner%d_name", (int)i + 1),
                              "同一位业主填写了两次。");
        seen[i] = pid;
        if ((s = occupancy_open(a, u, pid, "owner", act->date, act->owner_share_bp[i], NULL, 0)) != 0)
            return s;
        names = arena_printf(a, "%s%s%s", names, i ? "、" : "", act->owners[i].name);
    }
    *detail = arena_printf(a, "产权变更 %s 新业主 %s", act->date, names);
    return 0;
}

static int do_new_tenancy(page_ctx *ctx, const archive_unit *u, const archive_action *act,
                          archive_refusal *why, const char **detail) {
    arena *a = ctx->arena;
    if (!act->lease_end || strcmp(act->lease_end, act->date) <= 0)
        return refuse(why, 422, "lease_end", "租期结束日期必须晚于开始日期。");
    long long pid;
    int s = person_find_or_add(a, u->community_id, &act->person, &pid);
    if (s)
        return s;
    bool already;
    if ((s = occupant_current(a, u->id, pid, "tenant", &already)) != 0)
        return s;
    if (already)
        return refuse(why, 422, "name", "这位租户的租约仍在进行中。");
    if ((s = occupancy_open(a, u, pid, "tenant", act->date, -1, act->lease_end, act->rent_fen)) != 0 ||
        (s = unit_set_state(u, "rented")) != 0)
        return s;
    *detail = arena_printf(a, "%s 租期 %s 至 %s 月租 %lld 分", act->person.name, act->date, act->lease_end,
                           act->rent_fen);
    return 0;
}

static int do_end_tenancy(page_ctx *ctx, const archive_unit *u, const archive_action *act,
                          archive_refusal *why, const char **detail) {
    static db_stmt find =
        DB_STMT("archive_tenancy_find",
                "SELECT DATE_FORMAT(since, '%Y-%m-%d'), person_id FROM occupancy WHERE id = ? "
                "AND unit_id = ? AND relation = 'tenant' AND until IS NULL FOR UPDATE");
    static db_stmt close = DB_STMT("archive_tenancy_close", "UPDATE occupancy SET until = ? WHERE id = ?");
    static db_stmt others = DB_STMT(
        "archive_occupants_left", "SELECT SUM(relation = 'tenant'), SUM(relation <> 'tenant') FROM occupancy "
                                  "WHERE unit_id = ? AND until IS NULL");
    arena *a = ctx->arena;
    db_arg args[2] = {DB_INT(act->occupancy_id), DB_INT(u->id)};
    db_rows r;
    int s = db_exec(&find, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return refuse(why, 409, NULL, "这份租约已经结束，或不属于本房屋。请刷新页面。");
    if (strcmp(act->date, db_cell(&r, 0, 0)) < 0)
        return refuse(why, 422, "date", "结束日期不能早于租约开始日期。");
    db_arg c[2] = {DB_TEXT(act->date), DB_INT(act->occupancy_id)};
    if ((s = db_exec(&close, c, 2, a, NULL)) != DB_OK)
        return s;
    db_arg o[1] = {DB_INT(u->id)};
    if ((s = db_exec(&others, o, 1, a, &r)) != DB_OK)
        return s;
    const char *next = db_cell_int(&r, 0, 0) > 0   ? "rented"
                       : db_cell_int(&r, 0, 1) > 0 ? "occupied"
                                                   : "vacant";
    if (act->after_state && act->after_state[0] && strcmp(next, "rented") != 0)
        next = act->after_state; /* the state the desk chose: occupied or vacant */
    if ((s = unit_set_state(u, next)) != 0)
        return s;
    *detail = arena_printf(a, "租约 %lld 结束于 %s", act->occupancy_id, act->date);
    return 0;
}

static int do_move_out(page_ctx *ctx, const archive_unit *u, const archive_action *act, const char **detail) {
    static db_stmt close =
        DB_STMT("archive_move_out_close",
                "UPDATE occupancy SET until = GREATEST(since, ?) WHERE unit_id = ? AND until IS "
                "NULL AND relation <> 'owner'");
    db_arg args[2] = {DB_TEXT(act->date), DB_INT(u->id)};
    int s = db_exec(&close, args, 2, ctx->arena, NULL);
    if (s != DB_OK)
        return s;
    if ((s = move_add(ctx, u, 0, "move_out", act)) != 0 || (s = unit_set_state(u, "vacant")) != 0)
        return s;
    *detail = arena_printf(ctx->arena, "迁出 %s", act->date);
    return 0;
}

/* The holder of a card or key must live in (or own) the unit now. */
static int check_holder(arena *a, const archive_unit *u, long long person_id, archive_refusal *why) {
    bool yes;
    int s = occupant_current(a, u->id, person_id, NULL, &yes);
    if (s)
        return s;
    return yes ? 0 : refuse(why, 422, "person", "请选择本房屋的现住户或业主。");
}

static int do_card_issue(page_ctx *ctx, const archive_unit *u, const archive_action *act,
                         archive_refusal *why, const char **detail) {
    static db_stmt find = DB_STMT("archive_card_find", "SELECT id, state, unit_id FROM access_card WHERE "
                                                       "community_id = ? AND number = ? FOR UPDATE");
    static db_stmt add =
        DB_STMT("archive_card_add",
                "INSERT INTO access_card (community_id, number, unit_id, person_id, state, since) "
                "VALUES (?, ?, ?, ?, 'issued', FROM_UNIXTIME(?))");
    static db_stmt reissue =
        DB_STMT("archive_card_reissue",
                "UPDATE access_card SET state = 'issued', unit_id = ?, person_id = ?, since = "
                "FROM_UNIXTIME(?) WHERE id = ?");
    static db_stmt log =
        DB_STMT("archive_card_log",
                "INSERT INTO access_card_log (community_id, card_id, action, person_id, staff_id, "
                "at) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    arena *a = ctx->arena;
    int s = check_holder(a, u, act->person_id, why);
    if (s)
        return s;
    db_arg f[2] = {DB_INT(u->community_id), DB_TEXT(act->number)};
    db_rows r;
    if ((s = db_exec(&find, f, 2, a, &r)) != DB_OK)
        return s;
    long long card_id;
    if (!r.count) {
        db_arg args[5] = {DB_INT(u->community_id), DB_TEXT(act->number), DB_INT(u->id),
                          DB_INT(act->person_id), DB_INT(ctx->now)};
        if ((s = db_exec(&add, args, 5, a, &r)) != DB_OK)
            return s;
        card_id = (long long)r.insert_id;
    } else {
        const char *state = db_cell(&r, 0, 1);
        if (!strcmp(state, "issued"))
            return refuse(why, 422, "number", "这张卡已经发出，尚未退还。");
        if (!strcmp(state, "lost"))
            return refuse(why, 422, "number", "这张卡已挂失，不能再发放，请换一张新卡。");
        card_id = db_cell_int(&r, 0, 0);
        db_arg args[4] = {DB_INT(u->id), DB_INT(act->person_id), DB_INT(ctx->now), DB_INT(card_id)};
        if ((s = db_exec(&reissue, args, 4, a, NULL)) != DB_OK)
            return s;
    }
    db_arg l[6] = {DB_INT(u->community_id), DB_INT(card_id),      DB_TEXT("issue"),
                   DB_INT(act->person_id),  DB_INT(ctx->user.id), DB_INT(ctx->now)};
    if ((s = db_exec(&log, l, 6, a, NULL)) != DB_OK)
        return s;
    *detail = arena_printf(a, "门禁卡 %s 发放", act->number);
    return 0;
}

/* Returns or reports lost (act->code) the issued card act->item_id of the unit. */
static int do_card_back(page_ctx *ctx, const archive_unit *u, const archive_action *act, archive_refusal *why,
                        const char **detail) {
    static db_stmt find =
        DB_STMT("archive_card_lock", "SELECT number, person_id FROM access_card WHERE id = ? AND "
                                     "unit_id = ? AND state = 'issued' FOR UPDATE");
    static db_stmt set = DB_STMT("archive_card_set",
                                 "UPDATE access_card SET state = ?, since = FROM_UNIXTIME(?) WHERE id = ?");
    static db_stmt log =
        DB_STMT("archive_card_log_back",
                "INSERT INTO access_card_log (community_id, card_id, action, person_id, staff_id, "
                "at) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    arena *a = ctx->arena;
    bool lost = !strcmp(act->code, "card_lost");
    db_arg f[2] = {DB_INT(act->item_id), DB_INT(u->id)};
    db_rows r;
    int s = db_exec(&find, f, 2, a, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return refuse(why, 409, NULL, "这张卡当前不在发放状态，或不属于本房屋。请刷新页面。");
    const char *number = db_cell(&r, 0, 0);
    long long holder = db_cell_int(&r, 0, 1);
    db_arg set_args[3] = {DB_TEXT(lost ? "lost" : "returned"), DB_INT(ctx->now), DB_INT(act->item_id)};
    if ((s = db_exec(&set, set_args, 3, a, NULL)) != DB_OK)
        return s;
    db_arg l[6] = {DB_INT(u->community_id),           DB_INT(act->item_id), DB_TEXT(lost ? "lost" : "return"),
                   holder ? DB_INT(holder) : DB_NULL, DB_INT(ctx->user.id), DB_INT(ctx->now)};
    if ((s = db_exec(&log, l, 6, a, NULL)) != DB_OK)
        return s;
    *detail = arena_printf(a, "门禁卡 %s %s", number, lost ? "挂失" : "退还");
    return 0;
}

static int do_key_issue(page_ctx *ctx, const archive_unit *u, const archive_action *act, archive_refusal *why,
                        const char **detail) {
    static db_stmt find =
        DB_STMT("archive_key_find", "SELECT id, state FROM key_item WHERE unit_id = ? AND label = "
                                    "? ORDER BY state = 'in' DESC, id LIMIT 1 FOR UPDATE");
    static db_stmt add = DB_STMT(
        "archive_key_add", "INSERT INTO key_item (community_id, unit_id, label, state, holder_person_id, "
                           "holder_text, since) VALUES (?, ?, ?, 'out', ?, ?, FROM_UNIXTIME(?))");
    static db_stmt out =
        DB_STMT("archive_key_out", "UPDATE key_item SET state = 'out', holder_person_id = ?, "
                                   "holder_text = ?, since = FROM_UNIXTIME(?) WHERE id = ?");
    static db_stmt log = DB_STMT("archive_key_log",
                                 "INSERT INTO key_log (community_id, key_id, action, person_id, holder_text, "
                                 "staff_id, at) VALUES (?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    arena *a = ctx->arena;
    const char *holder = act->holder ? act->holder : "";
    int s;
    if (act->person_id && (s = check_holder(a, u, act->person_id, why)) != 0)
        return s;
    if (!act->person_id && !holder[0])
        return refuse(why, 422, "person", "请选择领取人，或填写领取人姓名。");
    db_arg f[2] = {DB_INT(u->id), DB_TEXT(act->label)};
    db_rows r;
    if ((s = db_exec(&find, f, 2, a, &r)) != DB_OK)
        return s;
    db_arg person = act->person_id ? DB_INT(act->person_id) : DB_NULL;
    long long key_id;
    if (r.count && !strcmp(db_cell(&r, 0, 1), "out"))
        return refuse(why, 422, "label", "这把钥匙已经借出，尚未归还。");
    if (r.count) {
        key_id = db_cell_int(&r, 0, 0);
        db_arg args[4] = {person, DB_TEXT(holder), DB_INT(ctx->now), DB_INT(key_id)};
        if ((s = db_exec(&out, args, 4, a, NULL)) != DB_OK)
            return s;
    } else {
        db_arg args[6] = {DB_INT(u->community_id), DB_INT(u->id),   DB_TEXT(act->label), person,
                          DB_TEXT(holder),         DB_INT(ctx->now)};
        if ((s = db_exec(&add, args, 6, a, &r)) != DB_OK)
            return s;
        key_id = (long long)r.insert_id;
    }
    db_arg l[7] = {DB_INT(u->community_id), DB_INT(key_id),       DB_TEXT("issue"), person,
                   DB_TEXT(holder),         DB_INT(ctx->user.id), DB_INT(ctx->now)};
    if ((s = db_exec(&log, l, 7, a, NULL)) != DB_OK)
        return s;
    *detail = arena_printf(a, "钥匙 %s 借出", act->label);
    return 0;
}

static int do_key_return(page_ctx *ctx, const archive_unit *u, const archive_action *act,
                         archive_refusal *why, const char **detail) {
    static db_stmt find =
        DB_STMT("archive_key_lock", "SELECT label, holder_person_id, holder_text FROM key_item "
                                    "WHERE id = ? AND unit_id = ? AND state = 'out' FOR UPDATE");
    static db_stmt back =
        DB_STMT("archive_key_in", "UPDATE key_item SET state = 'in', holder_person_id = NULL, "
                                  "holder_text = '', since = FROM_UNIXTIME(?) WHERE id = ?");
    static db_stmt log = DB_STMT("archive_key_log_return",
                                 "INSERT INTO key_log (community_id, key_id, action, person_id, holder_text, "
                                 "staff_id, at) VALUES (?, ?, 'return', ?, ?, ?, FROM_UNIXTIME(?))");
    arena *a = ctx->arena;
    db_arg f[2] = {DB_INT(act->item_id), DB_INT(u->id)};
    db_rows r;
    int s = db_exec(&find, f, 2, a, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return refuse(why, 409, NULL, "这把钥匙不在借出状态，或不属于本房屋。请刷新页面。");
    const char *label = db_cell(&r, 0, 0);
    long long holder = db_cell_int(&r, 0, 1);
    db_arg b[2] = {DB_INT(ctx->now), DB_INT(act->item_id)};
    if ((s = db_exec(&back, b, 2, a, NULL)) != DB_OK)
        return s;
    db_arg l[6] = {DB_INT(u->community_id),    DB_INT(act->item_id), holder ? DB_INT(holder) : DB_NULL,
                   DB_TEXT(db_cell(&r, 0, 2)), DB_INT(ctx->user.id), DB_INT(ctx->now)};
    if ((s = db_exec(&log, l, 6, a, NULL)) != DB_OK)
        return s;
    *detail = arena_printf(a, "钥匙 %s 归还", label);
    return 0;
}

static int do_vehicle_add(page_ctx *ctx, const archive_unit *u, const archive_action *act,
                          archive_refusal *why, const char **detail) {
    static db_stmt add =
        DB_STMT("archive_vehicle_add", "INSERT INTO vehicle (community_id, unit_id, person_id, "
                                       "plate, model, colour) VALUES (?, ?, ?, ?, ?, ?)");
    static db_stmt lease =
        DB_STMT("archive_parking_add",
                "INSERT INTO parking_lease (community_id, unit_id, person_id, space_code, plate, "
                "start_date, end_date, fee_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    arena *a = ctx->arena;
    int s;
    if (act->person_id && (s = check_holder(a, u, act->person_id, why)) != 0)
        return s;
    bool leased = act->space_code && act->space_code[0];
    if (leased && (!act->lease_start || !act->lease_start[0]))
        return refuse(why, 422, "lease_start", "请填写车位租赁的开始日期。");
    if (leased && (!act->lease_end || strcmp(act->lease_end, act->lease_start) <= 0))
        return refuse(why, 422, "lease_end", "车位租赁的结束日期必须晚于开始日期。");
    db_arg person = act->person_id ? DB_INT(act->person_id) : DB_NULL;
    db_arg v[6] = {DB_INT(u->community_id),
                   DB_INT(u->id),
                   person,
                   DB_TEXT(act->plate),
                   DB_TEXT(act->model ? act->model : ""),
                   DB_TEXT(act->colour ? act->colour : "")};
    s = db_exec(&add, v, 6, a, NULL);
    if (s == DB_DUPLICATE)
        return refuse(why, 422, "plate", "这个车牌已经登记在本小区。");
    if (s != DB_OK)
        return s;
    if (leased) {
        db_arg l[8] = {DB_INT(u->community_id),  DB_INT(u->id),       person,
                       DB_TEXT(act->space_code), DB_TEXT(act->plate), DB_TEXT(act->lease_start),
                       DB_TEXT(act->lease_end),  DB_INT(act->fee_fen)};
        if ((s = db_exec(&lease, l, 8, a, NULL)) != DB_OK)
            return s;
    }
    *detail =
        arena_printf(a, "车辆 %s%s%s", act->plate, leased ? " 车位 " : "", leased ? act->space_code : "");
    return 0;
}

int archive_unit_apply(page_ctx *ctx, const archive_unit *u, const archive_action *act,
                       archive_refusal *why) {
    int s = db_begin();
    if (s != DB_OK)
        return s;
    const char *state, *detail = "";
    const char *c = act->code;
    if ((s = unit_lock(ctx->arena, u, &state)) != 0)
        goto fail;
    if (!strcmp(c, "move_in"))
        s = do_move_in(ctx, u, state, act, why, &detail);
    else if (!strcmp(c, "change_owner"))
        s = do_change_owner(ctx, u, act, why, &detail);
    else if (!strcmp(c, "new_tenancy"))
        s = do_new_tenancy(ctx, u, act, why, &detail);
    else if (!strcmp(c, "end_tenancy"))
        s = do_end_tenancy(ctx, u, act, why, &detail);
    else if (!strcmp(c, "move_out"))
        s = do_move_out(ctx, u, act, &detail);
    else if (!strcmp(c, "card_issue"))
        s = do_card_issue(ctx, u, act, why, &detail);
    else if (!strcmp(c, "card_return") || !strcmp(c, "card_lost"))
        s = do_card_back(ctx, u, act, why, &detail);
    else if (!strcmp(c, "key_issue"))
        s = do_key_issue(ctx, u, act, why, &detail);
    else if (!strcmp(c, "key_return"))
        s = do_key_return(ctx, u, act, why, &detail);
    else if (!strcmp(c, "vehicle_add"))
        s = do_vehicle_add(ctx, u, act, why, &detail);
    else
        s = refuse(why, 400, NULL, "未知的操作。");
    if (s)
        goto fail;
    if ((s = audit_record(ctx, arena_printf(ctx->arena, "archive_%s", c), "unit", u->id, detail)) != DB_OK)
        goto fail;
    if ((s = db_commit()) != DB_OK)
        goto fail;
    return 0;
fail:
    db_rollback();
    return s;
}
