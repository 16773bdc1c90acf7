/* renovation.c: what every part of 二次装修管理 shares (renovation.h). */
#include "renovation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/roles.h"
#include "../core/view.h"

typedef struct code_name {
    const char *code, *name;
} code_name;

static const char *lookup(const code_name *t, const char *code) {
    for (; code && t->code; t++)
        if (!strcmp(t->code, code))
            return t->name;
    return "";
}

const char *const renovation_states[] = {"submitted",  "returned", "refused", "approved",  "permitted",
                                         "inspecting", "accepted", "closed",  "withdrawn", NULL};
static const code_name state_names[] = {{"submitted", "待审核"},  {"returned", "退回补充"},
                                        {"refused", "不予批准"},  {"approved", "已批准"},
                                        {"permitted", "施工中"},  {"inspecting", "待验收"},
                                        {"accepted", "验收通过"}, {"closed", "已结案"},
                                        {"withdrawn", "已撤回"},  {NULL, NULL}};

const char *const renovation_scopes[] = {"walls",   "floors", "lines", "kitchen_bath",
                                         "windows", "aircon", NULL};
static const code_name scope_names[] = {
    {"walls", "墙面"},   {"floors", "地面"},     {"lines", "水电线路"}, {"kitchen_bath", "厨卫"},
    {"windows", "门窗"}, {"aircon", "空调机位"}, {NULL, NULL}};

const char *const renovation_checklist[] = {"documents", "licence", "plan",    "scope",
                                            "structure", "dates",   "workers", NULL};
static const code_name checklist_names[] = {{"documents", "申请资料齐全"},
                                            {"licence", "装修公司营业执照、资质"},
                                            {"plan", "施工图纸"},
                                            {"scope", "装修项目明确"},
                                            {"structure", "不改动承重结构"},
                                            {"dates", "施工期限合理"},
                                            {"workers", "施工人员登记"},
                                            {NULL, NULL}};

static const code_name action_names[] = {{"submit", "提交申请"},
                                         {"resubmit", "补充后重新提交"},
                                         {"return", "退回补充"},
                                         {"refuse", "不予批准"},
                                         {"approve", "审批通过"},
                                         {"permit", "发放装修许可证"},
                                         {"request_acceptance", "申请竣工验收"},
                                         {"acceptance_fail", "验收未通过"},
                                         {"acceptance_pass", "验收通过"},
                                         {"refund", "退还押金"},
                                         {"withdraw", "撤回申请"},
                                         {"note", "备注"},
                                         {NULL, NULL}};

const char *renovation_state_name(const char *state) {
    return lookup(state_names, state);
}
const char *renovation_scope_name(const char *scope) {
    return lookup(scope_names, scope);
}
const char *renovation_checklist_name(const char *item) {
    return lookup(checklist_names, item);
}
const char *renovation_action_name(const char *action) {
    return lookup(action_names, action);
}

const char *renovation_set_names(arena *a, const char *set, const char *(*name)(const char *)) {
    size_t cap = 1;
    for (const char *p = set; p && *p; p++)
        cap += 4; /* a code's name is at most four times its bytes, with 、 */
    char *out = arena_alloc(a, cap + 64);
    if (!out)
        return "";
    size_t n = 0;
    out[0] = '\0';
    const char *p = set ? set : "";
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char code[40];
        if (len < sizeof code) {
            memcpy(code, p, len);
            code[len] = '\0';
            const char *nm = name(code);
            size_t need = strlen(nm) + (n ? strlen("、") : 0);
            if (*nm && n + need < cap + 64) {
                n += (size_t)snprintf(out + n, cap + 64 - n, "%s%s", n ? "、" : "", nm);
            }
        }
        p += comma ? len + 1 : len;
    }
    return out;
}

bool renovation_state_final(const char *state) {
    return !strcmp(state, "refused") || !strcmp(state, "closed") || !strcmp(state, "withdrawn");
}

bool renovation_state_active(const char *state) {
    return !strcmp(state, "permitted") || !strcmp(state, "inspecting");
}

bool renovation_may(const char *roles, const char *approve_roles, renovation_act act) {
    static const char *const viewers[] = {"frontdesk", "supervisor", "inspector", "cashier", "clerk",
                                          "manager",   "admin",      "complaint", NULL};
    static const char *const apply[] = {"frontdesk", "inspector", "supervisor", "manager", NULL};
    static const char *const review[] = {"inspector", "supervisor", "manager", NULL};
    static const char *const refund[] = {"cashier", NULL};
    switch (act) {
    case RENO_VIEW:
        return roles_has_any(roles, viewers);
    case RENO_APPLY:
        return roles_has_any(roles, apply);
    case RENO_REVIEW:
    case RENO_PERMIT:
    case RENO_PATROL:
        return roles_has_any(roles, review);
    case RENO_APPROVE: {
        /* any role of the setting's comma list */
        const char *p = approve_roles ? approve_roles : "";
        while (*p) {
            const char *comma = strchr(p, ',');
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            char role[40];
            if (len && len < sizeof role) {
                memcpy(role, p, len);
                role[len] = '\0';
                if (roles_has(roles, role))
                    return true;
            }
            p += comma ? len + 1 : len;
        }
        return false;
    }
    case RENO_REFUND:
        return roles_has_any(roles, refund);
    }
    return false;
}

#define RENO_COLUMNS                                                                                         \
    "r.id, r.community_id, r.unit_id, u.code, r.state, r.source, r.applicant_account_id, r.applicant_name, " \
    "r.applicant_phone, r.company, r.foreman, r.foreman_phone, DATE_FORMAT(r.planned_start, '%Y-%m-%d'), "   \
    "DATE_FORMAT(r.planned_end, '%Y-%m-%d'), r.scope, r.description, r.no_structural, r.workers, "           \
    "r.deposit_fen, "                                                                                        \
    "r.pass_fee_fen, r.charge_bill_id, r.permit_no, DATE_FORMAT(r.permit_from, '%Y-%m-%d'), "                \
    "DATE_FORMAT(r.permit_to, '%Y-%m-%d'), r.prior_unit_state, r.refund_bill_id, r.refund_payment_id, "      \
    "r.refund_fen, r.version, UNIX_TIMESTAMP(r.created_at), UNIX_TIMESTAMP(r.updated_at), "                  \
    "UNIX_TIMESTAMP(r.closed_at) FROM renovation r JOIN unit u ON u.id = r.unit_id "

static const char *text(const db_rows *r, size_t col) {
    const char *s = db_cell(r, 0, col);
    return s ? s : "";
}

static void fill(const db_rows *r, renovation *o) {
    size_t c = 0;
    o->id = db_cell_int(r, 0, c++);
    o->community_id = db_cell_int(r, 0, c++);
    o->unit_id = db_cell_int(r, 0, c++);
    o->unit_code = text(r, c++);
    o->state = text(r, c++);
    o->source = text(r, c++);
    o->applicant_account_id = db_cell_int(r, 0, c++);
    o->applicant_name = text(r, c++);
    o->applicant_phone = text(r, c++);
    o->company = text(r, c++);
    o->foreman = text(r, c++);
    o->foreman_phone = text(r, c++);
    o->planned_start = text(r, c++);
    o->planned_end = text(r, c++);
    o->scope = text(r, c++);
    o->description = text(r, c++);
    o->no_structural = db_cell_int(r, 0, c++) != 0;
    o->workers = (int)db_cell_int(r, 0, c++);
    o->deposit_fen = db_cell_int(r, 0, c++);
    o->pass_fee_fen = db_cell_int(r, 0, c++);
    o->charge_bill_id = db_cell_int(r, 0, c++);
    o->permit_no = text(r, c++);
    o->permit_from = text(r, c++);
    o->permit_to = text(r, c++);
    o->prior_unit_state = text(r, c++);
    o->refund_bill_id = db_cell_int(r, 0, c++);
    o->refund_payment_id = db_cell_int(r, 0, c++);
    o->refund_fen = db_cell_int(r, 0, c++);
    o->version = (int)db_cell_int(r, 0, c++);
    o->created_at = db_cell_int(r, 0, c++);
    o->updated_at = db_cell_int(r, 0, c++);
    o->closed_at = db_cell_int(r, 0, c++);
}

static db_status load_one(db_stmt *st, arena *a, long long key, long long id, renovation *out, bool *found) {
    db_rows r;
    db_arg args[2] = {DB_INT(id), DB_INT(key)};
    db_status s = db_exec(st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *found = r.count > 0;
    if (*found)
        fill(&r, out);
    return DB_OK;
}

db_status renovation_load(arena *a, long long community_id, long long id, renovation *out, bool *found) {
    static db_stmt st =
        DB_STMT("renovation_load", "SELECT " RENO_COLUMNS "WHERE r.id = ? AND r.community_id = ?");
    return load_one(&st, a, community_id, id, out, found);
}

db_status renovation_load_for_unit(arena *a, long long unit_id, long long id, renovation *out, bool *found) {
    static db_stmt st =
        DB_STMT("renovation_load_for_unit", "SELECT " RENO_COLUMNS "WHERE r.id = ? AND r.unit_id = ?");
    return load_one(&st, a, unit_id, id, out, found);
}

db_status renovation_lock(arena *a, long long community_id, long long id, renovation *out, bool *found) {
    static db_stmt st =
        DB_STMT("renovation_lock", "SELECT " RENO_COLUMNS "WHERE r.id = ? AND r.community_id = ? FOR UPDATE");
    return load_one(&st, a, community_id, id, out, found);
}

static bool state_in(const char *state, const char *const *states) {
    for (; states && *states; states++)
        if (!strcmp(state, *states))
            return true;
    return !states;
}

int renovation_lock_change(page_ctx *ctx, long long id, int version, const char *const *states, renovation *r,
                           renovation_refusal *why) {
    bool found = false;
    db_status s = renovation_lock(ctx->arena, ctx->user.community_id, id, r, &found);
    if (s != DB_OK)
        return s;
    if (!found)
        return settlement_refuse(why, 404, NULL, "没有这个装修案卷，或它不属于本小区。");
    if (renovation_state_final(r->state))
        return settlement_refuse(
            why, 409, NULL,
            arena_printf(ctx->arena, "这个装修案卷已%s，不能再更改。", renovation_state_name(r->state)));
    if (!state_in(r->state, states))
        return settlement_refuse(why, 409, NULL,
                                 arena_printf(ctx->arena, "案卷现在是“%s”，不能做这项操作，请刷新页面。",
                                              renovation_state_name(r->state)));
    if (r->version != version)
        return settlement_refuse(why, 409, NULL, "案卷已被他人更改，请刷新页面后重新操作。");
    return 0;
}

db_status renovation_step(page_ctx *ctx, const renovation *r, const char *action, const char *to_state,
                          const char *checklist, const char *note) {
    /* The note is cut to the column's 1000 characters (LEFT counts characters, never splitting
     * one); a longer text a step summarises stays whole in its own row (findings, recheck_note). */
    static db_stmt add =
        DB_STMT("renovation_step_add",
                "INSERT INTO renovation_step (renovation_id, action, from_state, to_state, "
                "checklist, note, staff_id, account_id, at) VALUES (?, ?, ?, ?, ?, LEFT(?, 1000), ?, "
                "?, FROM_UNIXTIME(?))");
    static db_stmt move =
        DB_STMT("renovation_move", "UPDATE renovation SET state = COALESCE(?, state), version = "
                                   "version + 1, updated_at = FROM_UNIXTIME(?), closed_at = "
                                   "IF(? IN ('refused', 'closed', 'withdrawn'), "
                                   "FROM_UNIXTIME(?), closed_at) WHERE id = ?");
    bool staff = ctx->user.kind == ACCOUNT_STAFF;
    const char *to = to_state ? to_state : r->state;
    db_arg args[9] = {DB_INT(r->id),
                      DB_TEXT(action),
                      DB_TEXT(r->state),
                      DB_TEXT(to),
                      DB_TEXT(checklist ? checklist : ""),
                      DB_TEXT(note ? note : ""),
                      staff ? DB_INT(ctx->user.id) : DB_NULL,
                      staff ? DB_NULL : DB_INT(ctx->user.id),
                      DB_INT(ctx->now)};
    db_status s = db_exec(&add, args, 9, ctx->arena, NULL);
    if (s != DB_OK)
        return s;
    db_arg margs[5] = {to_state ? DB_TEXT(to_state) : DB_NULL, DB_INT(ctx->now), DB_TEXT(to),
                       DB_INT(ctx->now), DB_INT(r->id)};
    return db_exec(&move, margs, 5, ctx->arena, NULL);
}

db_status renovation_steps(arena *a, long long id, renovation_step_row **rows, size_t *count) {
    static db_stmt st = DB_STMT(
        "renovation_steps",
        "SELECT s.action, s.from_state, s.to_state, s.checklist, s.note, COALESCE(st.name, "
        "p.name, ac.login_phone, ac.login_email, ''), s.staff_id IS NOT NULL, UNIX_TIMESTAMP(s.at) FROM "
        "renovation_step s LEFT JOIN staff st ON st.id = s.staff_id LEFT JOIN account ac ON "
        "ac.id = s.account_id LEFT JOIN person p ON p.id = ac.person_id WHERE "
        "s.renovation_id = ? ORDER BY s.id");
    db_rows r;
    db_arg args[1] = {DB_INT(id)};
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        const char *c[6];
        for (size_t k = 0; k < 6; k++)
            c[k] = db_cell(&r, i, k) ? db_cell(&r, i, k) : "";
        (*rows)[i] = (renovation_step_row){
            c[0], c[1], c[2], c[3], c[4], c[5], db_cell_int(&r, i, 6) != 0, db_cell_int(&r, i, 7)};
    }
    *count = r.count;
    return DB_OK;
}

db_status renovation_next_no(arena *a, long long community_id, const char *kind, long long now,
                             const char *zone, const char **no) {
    static db_stmt take =
        DB_STMT("renovation_counter_take",
                "INSERT INTO renovation_counter (community_id, year, kind, next_no) VALUES (?, ?, "
                "?, 2) ON DUPLICATE KEY UPDATE next_no = next_no + 1");
    static db_stmt read =
        DB_STMT("renovation_counter_read", "SELECT next_no - 1 FROM renovation_counter WHERE "
                                           "community_id = ? AND year = ? AND kind = ?");
    const char *year_text = clock_format(a, now, zone, "%Y");
    if (!year_text)
        return DB_ERROR;
    long long year = atoll(year_text);
    db_arg args[3] = {DB_INT(community_id), DB_INT(year), DB_TEXT(kind)};
    db_status s = db_exec(&take, args, 3, a, NULL);
    if (s != DB_OK)
        return s;
    db_rows r;
    s = db_exec(&read, args, 3, a, &r);
    if (s != DB_OK)
        return s;
    if (r.count != 1)
        return DB_ERROR;
    const char *prefix = !strcmp(kind, "permit") ? "ZX" : !strcmp(kind, "pass") ? "CR" : "WZ";
    char *out = arena_alloc(a, 32);
    if (!out)
        return DB_ERROR;
    snprintf(out, 32, "%s%lld-%04lld", prefix, year, db_cell_int(&r, 0, 0));
    *no = out;
    return DB_OK;
}

void renovation_view_head(arena *a, view *v, const renovation *r, const char *tab) {
    view_set_int(v, "ID", r->id);
    view_set_int(v, "VERSION", r->version);
    view_set(v, "STATE", r->state);
    view_set(v, "STATE_NAME", renovation_state_name(r->state));
    view *h = view_include(v, "CASE_HEAD", "office/renovation-head.tpl");
    if (!h)
        return;
    view_set_int(h, "ID", r->id);
    view_set(h, "UNIT_CODE", r->unit_code);
    view_set_int(h, "UNIT_ID", r->unit_id);
    view_set(h, "STATE", r->state);
    view_set(h, "STATE_NAME", renovation_state_name(r->state));
    view_set(h, "PERMIT_NO", *r->permit_no ? r->permit_no : "未发证");
    char dates[64];
    snprintf(dates, sizeof dates, "%s 至 %s", r->planned_start, r->planned_end);
    view_set(h, "PLANNED", dates);
    view_set(h, "COMPANY", r->company);
    view_set(h, "FOREMAN", r->foreman);
    view_set(h, "FOREMAN_PHONE", r->foreman_phone);
    view_set(h, "SCOPE", renovation_set_names(a, r->scope, renovation_scope_name));
    static const char *const tabs[] = {"case", "money", "passes", "patrol"};
    char key[32];
    for (size_t i = 0; i < sizeof tabs / sizeof *tabs; i++)
        if (tab && !strcmp(tab, tabs[i])) {
            snprintf(key, sizeof key, "CURRENT_%s", tabs[i]);
            for (char *k = key; *k; k++)
                *k = (char)(*k >= 'a' && *k <= 'z' ? *k - 32 : *k);
            view_set(h, key, "page");
        }
}
