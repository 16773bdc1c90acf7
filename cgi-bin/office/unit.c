/* office/unit.c: /office/unit?id=N, one unit's archive: its people now and before, move
 * records, vehicles and parking, cards and keys with their logs, its tickets; and the
 * front desk's actions on it (POST action=...). */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/archive.h"
#include "../domain/fee_account.h"
#include "../domain/ticket.h"

#define ID_MAX 999999999999LL
#define TICKETS_SHOWN 20

/* Each action: its code, its form's section, the fields it reads and those it needs. */
typedef struct action_def {
    const char *code;
    const char *section;
    const char *fields[14];
    const char *required[5];
} action_def;

static const action_def actions[] = {
    {"move_in",
     "ACT_MOVE_IN",
     {"date", "name", "phone", "id_number", "relation", "share", "checklist", "notes", NULL},
     {"date", "name", "relation", NULL}},
    {"change_owner",
     "ACT_CHANGE_OWNER",
     {"date", "owner1_name", "owner1_phone", "owner1_id_number", "owner1_share", "owner2_name",
      "owner2_phone", "owner2_id_number", "owner2_share", "owner3_name", "owner3_phone", "owner3_id_number",
      "owner3_share", NULL},
     {"date", "owner1_name", "owner1_share", NULL}},
    {"new_tenancy",
     "ACT_NEW_TENANCY",
     {"date", "name", "phone", "id_number", "lease_end", "rent_yuan", NULL},
     {"date", "name", "lease_end", "rent_yuan", NULL}},
    {"end_tenancy",
     "ACT_END_TENANCY",
     {"date", "occupancy", "after_state", NULL},
     {"date", "occupancy", NULL}},
    {"move_out", "ACT_MOVE_OUT", {"date", "checklist", "notes", NULL}, {"date", NULL}},
    {"card_issue", "ACT_CARD_ISSUE", {"number", "person", NULL}, {"number", "person", NULL}},
    {"card_return", "ACT_CARD_RETURN", {"card", NULL}, {"card", NULL}},
    {"card_lost", "ACT_CARD_LOST", {"card", NULL}, {"card", NULL}},
    {"key_issue", "ACT_KEY_ISSUE", {"label", "person", "holder", NULL}, {"label", NULL}},
    {"key_return", "ACT_KEY_RETURN", {"key", NULL}, {"key", NULL}},
    {"vehicle_add",
     "ACT_VEHICLE_ADD",
     {"plate", "model", "colour", "person", "space_code", "lease_start", "lease_end", "fee_yuan", NULL},
     {"plate", NULL}},
};
#define ACTION_COUNT (sizeof actions / sizeof actions[0])

static const char *const action_choices[] = {"move_in",   "change_owner", "new_tenancy", "end_tenancy",
                                             "move_out",  "card_issue",   "card_return", "card_lost",
                                             "key_issue", "key_return",   "vehicle_add", NULL};
static const char *const relation_choices[] = {"owner", "tenant", "family", "other", NULL};
static const char *const after_choices[] = {"occupied", "vacant", NULL};

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .flags = FIELD_REQUIRED, .min = 1, .max = ID_MAX, .label = "房屋"},
    {0},
};

#define PERSON_FIELDS(p, who)                                                                                \
    {.name = p "name", .kind = FIELD_TEXT, .min = 1, .max = 50, .label = who "姓名"},                        \
        {.name = p "phone", .kind = FIELD_PHONE, .label = who "电话"}, {                                     \
        .name = p "id_number", .kind = FIELD_TEXT, .max = 30, .label = who "证件号码"                    \
    }

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "date", .kind = FIELD_DATE, .label = "日期"},
    PERSON_FIELDS("", ""),
    {.name = "relation", .kind = FIELD_ENUM, .choices = relation_choices, .label = "身份"},
    {.name = "share", .kind = FIELD_TEXT, .max = 6, .label = "产权份额"},
    PERSON_FIELDS("owner1_", "新业主"),
    {.name = "owner1_share", .kind = FIELD_TEXT, .max = 6, .label = "份额"},
    PERSON_FIELDS("owner2_", "第二位业主"),
    {.name = "owner2_share", .kind = FIELD_TEXT, .max = 6, .label = "份额"},
    PERSON_FIELDS("owner3_", "第三位业主"),
    {.name = "owner3_share", .kind = FIELD_TEXT, .max = 6, .label = "份额"},
    {.name = "lease_start", .kind = FIELD_DATE, .label = "开始日期"},
    {.name = "lease_end", .kind = FIELD_DATE, .label = "结束日期"},
    {.name = "rent_yuan", .kind = FIELD_TEXT, .max = 12, .label = "月租金"},
    {.name = "occupancy", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "租约"},
    {.name = "after_state", .kind = FIELD_ENUM, .choices = after_choices, .label = "结束后房屋状态"},
    {.name = "checklist",
     .kind = FIELD_ENUM,
     .flags = FIELD_REPEATED,
     .choices = archive_checklist_items,
     .label = "办理事项",
     .max_count = 5},
    {.name = "notes", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 500, .label = "备注"},
    {.name = "number", .kind = FIELD_TEXT, .min = 1, .max = 30, .label = "卡号"},
    {.name = "person", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "持有人"},
    {.name = "card", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "门禁卡"},
    {.name = "key", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "钥匙"},
    {.name = "label", .kind = FIELD_TEXT, .min = 1, .max = 50, .label = "钥匙名称"},
    {.name = "holder", .kind = FIELD_TEXT, .max = 50, .label = "领取人"},
    {.name = "plate", .kind = FIELD_TEXT, .min = 7, .max = 8, .label = "车牌"},
    {.name = "model", .kind = FIELD_TEXT, .max = 50, .label = "车型"},
    {.name = "colour", .kind = FIELD_TEXT, .max = 20, .label = "颜色"},
    {.name = "space_code", .kind = FIELD_TEXT, .max = 20, .label = "车位号"},
    {.name = "fee_yuan", .kind = FIELD_TEXT, .max = 12, .label = "月租费"},
    {0},
};

static const action_def *action_of(const char *code) {
    for (size_t i = 0; i < ACTION_COUNT; i++)
        if (!strcmp(actions[i].code, code))
            return &actions[i];
    return NULL;
}

static const char *when(page_ctx *ctx, long long t) {
    return t ? clock_format(ctx->arena, t, ctx->user.community_zone, "%Y-%m-%d %H:%M") : "";
}

/* The checklist codes as their Chinese names joined by 、. */
static const char *checklist_words(arena *a, const char *codes) {
    const char *out = "";
    char *copy = arena_strdup(a, codes ? codes : "");
    for (char *save = NULL, *t = copy ? strtok_r(copy, ",", &save) : NULL; t; t = strtok_r(NULL, ",", &save))
        out = arena_printf(a, "%s%s%s", out, out[0] ? "、" : "", archive_checklist_name(t));
    return out[0] ? out : "—";
}

static void fill_occupants(page_ctx *ctx, view *body, const archive_unit_file *f) {
    for (size_t i = 0; i < f->occupant_count; i++) {
        const archive_occupant *o = &f->occupants[i];
        bool current = !o->until[0];
        view *r = view_add(body, current ? "CURRENT" : "PAST");
        view_set_int(r, "ID", o->id);
        view_set_int(r, "PERSON_ID", o->person_id);
        view_set(r, "NAME", o->name);
        view_set(r, "PHONE", o->phone[0] ? o->phone : "—");
        view_set(r, "RELATION", o->relation);
        view_set(r, "RELATION_NAME", archive_relation_name(o->relation));
        view_set(r, "SINCE", o->since);
        view_set(r, "UNTIL", o->until);
        const char *terms = "";
        if (!strcmp(o->relation, "owner") && o->share[0])
            terms = arena_printf(ctx->arena, "份额 %s%%", o->share);
        else if (!strcmp(o->relation, "tenant"))
            terms = arena_printf(ctx->arena, "租期 %s 至 %s，月租 %s 元", o->lease_start, o->lease_end,
                                 money_format(ctx->arena, o->rent_fen > 0 ? o->rent_fen : 0));
        view_set(r, "TERMS", terms);
        view_set(r, "SHARE", o->share);
    }
    if (!f->occupant_count)
        view_show(body, "NO_OCCUPANTS");
}

static void fill_records(page_ctx *ctx, view *body, const archive_unit_file *f) {
    for (size_t i = 0; i < f->move_count; i++) {
        const archive_move *m = &f->moves[i];
        view *r = view_add(body, "MOVE");
        view_set(r, "KIND", m->kind);
        view_set(r, "KIND_NAME", archive_state_name(m->kind));
        view_set(r, "DATE", m->on_date);
        view_set(r, "CHECKLIST", checklist_words(ctx->arena, m->checklist));
        view_set(r, "PERSON", m->person_name[0] ? m->person_name : "—");
        view_set(r, "NOTES", m->notes);
        view_set(r, "STAFF", m->staff_name);
    }
    for (size_t i = 0; i < f->vehicle_count; i++) {
        const archive_vehicle *v = &f->vehicles[i];
        view *r = view_add(body, "VEHICLE");
        view_set(r, "PLATE", v->plate);
        view_set(r, "MODEL", v->model);
        view_set(r, "COLOUR", v->colour);
        view_set(r, "PERSON", v->person_name[0] ? v->person_name : "—");
    }
    for (size_t i = 0; i < f->parking_count; i++) {
        const archive_parking *p = &f->parking[i];
        view *r = view_add(body, "PARKING");
        view_set(r, "SPACE", p->space_code);
        view_set(r, "PLATE", p->plate);
        view_set(r, "PERIOD", arena_printf(ctx->arena, "%s 至 %s", p->start_date, p->end_date));
        view_set(r, "FEE", money_format(ctx->arena, p->fee_fen));
        view_set(r, "PERSON", p->person_name[0] ? p->person_name : "—");
    }
    for (size_t i = 0; i < f->card_count; i++) {
        const archive_card *c = &f->cards[i];
        view *r = view_add(body, "CARD");
        view_set_int(r, "ID", c->id);
        view_set(r, "NUMBER", c->number);
        view_set(r, "STATE", c->state);
        view_set(r, "STATE_NAME", archive_state_name(c->state));
        view_set(r, "HOLDER", c->holder[0] ? c->holder : "—");
        view_set(r, "SINCE", when(ctx, c->since));
    }
    for (size_t i = 0; i < f->card_log_count; i++) {
        const archive_log *l = &f->card_logs[i];
        view *r = view_add(body, "CARD_LOG");
        const char *number = "";
        for (size_t j = 0; j < f->card_count; j++)
            if (f->cards[j].id == l->item_id)
                number = f->cards[j].number;
        view_set(r, "ITEM", number);
        view_set(r, "ACTION", l->action);
        view_set(r, "ACTION_NAME", !strcmp(l->action, "lost") ? "挂失" : archive_state_name(l->action));
        view_set(r, "HOLDER", l->holder[0] ? l->holder : "—");
        view_set(r, "STAFF", l->staff_name);
        view_set(r, "AT", when(ctx, l->at));
    }
    for (size_t i = 0; i < f->key_count; i++) {
        const archive_key *k = &f->keys[i];
        view *r = view_add(body, "KEY");
        view_set_int(r, "ID", k->id);
        view_set(r, "LABEL", k->label);
        view_set(r, "STATE", k->state);
        view_set(r, "STATE_NAME", archive_state_name(k->state));
        view_set(r, "HOLDER", k->holder[0] ? k->holder : "—");
        view_set(r, "SINCE", when(ctx, k->since));
    }
    for (size_t i = 0; i < f->key_log_count; i++) {
        const archive_log *l = &f->key_logs[i];
        view *r = view_add(body, "KEY_LOG");
        const char *label = "";
        for (size_t j = 0; j < f->key_count; j++)
            if (f->keys[j].id == l->item_id)
                label = f->keys[j].label;
        view_set(r, "ITEM", label);
        view_set(r, "ACTION", l->action);
        view_set(r, "ACTION_NAME", archive_state_name(l->action));
        view_set(r, "HOLDER", l->holder[0] ? l->holder : "—");
        view_set(r, "STAFF", l->staff_name);
        view_set(r, "AT", when(ctx, l->at));
    }
}

/* The unit's tickets: the queue's search by unit code, kept to this unit exactly. */
static int fill_tickets(page_ctx *ctx, view *body, const archive_unit *u) {
    ticket_filter tf = {.community_id = ctx->user.community_id,
                        .unit_id = u->id,
                        .now = ctx->now,
                        .page = 1,
                        .per_page = TICKETS_SHOWN};
    ticket_row *rows;
    size_t n;
    int s = ticket_list(ctx->arena, &tf, &rows, &n, NULL);
    if (s < 0)
        return s;
    int shown = 0;
    for (size_t i = 0; i < n; i++) {
        view *r = view_add(body, "TICKET");
        view_set_int(r, "ID", rows[i].id);
        view_set(r, "CODE", rows[i].code);
        view_set(r, "STATUS", ticket_status_code(rows[i].status));
        view_set(r, "STATUS_NAME", ticket_status_name(rows[i].status));
        view_set(r, "KIND_NAME", ticket_kind_name(rows[i].kind));
        view_set(r, "DESCRIPTION", rows[i].description);
        view_set(r, "CREATED", when(ctx, rows[i].created_at));
        shown++;
    }
    if (!shown)
        view_show(body, "NO_TICKETS");
    return 0;
}

/* The action forms; failed is re-shown open with the entered values and errors. */
static void fill_actions(page_ctx *ctx, view *body, const archive_unit *u, const archive_unit_file *f,
                         const action_def *failed) {
    if (!archive_roles_may_act(ctx->user.roles)) {
        view_show(body, "READ_ONLY");
        return;
    }
    const char *today = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d");
    bool has_cards = false, has_keys = false, has_tenants = false;
    for (size_t j = 0; j < f->card_count; j++)
        has_cards |= !strcmp(f->cards[j].state, "issued");
    for (size_t j = 0; j < f->key_count; j++)
        has_keys |= !strcmp(f->keys[j].state, "out");
    for (size_t j = 0; j < f->occupant_count; j++)
        has_tenants |= !f->occupants[j].until[0] && !strcmp(f->occupants[j].relation, "tenant");
    for (size_t i = 0; i < ACTION_COUNT; i++) {
        const action_def *a = &actions[i];
        if ((!strcmp(a->code, "card_return") || !strcmp(a->code, "card_lost")) && !has_cards && a != failed)
            continue;
        if (!strcmp(a->code, "key_return") && !has_keys && a != failed)
            continue;
        if (!strcmp(a->code, "end_tenancy") && !has_tenants && a != failed)
            continue;
        view *v = view_add(body, a->section);
        view_set(v, "CSRF", ctx->csrf);
        view_set_int(v, "UNIT_ID", u->id);
        if (a == failed) {
            page_form_values(ctx, &ctx->post, v);
            view_show(v, "OPEN");
        } else {
            view_set(v, "DATE", today);
        }
        long long chosen = a == failed ? form_int(&ctx->post, "person") : 0;
        for (size_t j = 0; j < f->occupant_count; j++) {
            const archive_occupant *o = &f->occupants[j];
            if (o->until[0])
                continue;
            view *p = view_add(v, "PERSON_OPTION");
            view_set_int(p, "ID", o->person_id);
            view_set(p, "NAME",
                     arena_printf(ctx->arena, "%s（%s）", o->name, archive_relation_name(o->relation)));
            if (o->person_id == chosen)
                view_show(p, "SELECTED");
            if (!strcmp(o->relation, "tenant")) {
                view *t = view_add(v, "TENANCY_OPTION");
                view_set_int(t, "ID", o->id);
                view_set(t, "NAME", arena_printf(ctx->arena, "%s（%s 起）", o->name, o->since));
            }
        }
        for (size_t j = 0; j < f->card_count; j++)
            if (!strcmp(f->cards[j].state, "issued")) {
                view *c = view_add(v, "CARD_OPTION");
                view_set_int(c, "ID", f->cards[j].id);
                view_set(c, "NAME",
                         arena_printf(ctx->arena, "%s（%s）", f->cards[j].number, f->cards[j].holder));
            }
        for (size_t j = 0; j < f->key_count; j++)
            if (!strcmp(f->keys[j].state, "out")) {
                view *k = view_add(v, "KEY_OPTION");
                view_set_int(k, "ID", f->keys[j].id);
                view_set(k, "NAME",
                         arena_printf(ctx->arena, "%s（%s）", f->keys[j].label, f->keys[j].holder));
            }
        for (size_t j = 0; archive_checklist_items[j]; j++) {
            view *c = view_add(v, "CHECK_OPTION");
            view_set(c, "CODE", archive_checklist_items[j]);
            view_set(c, "NAME", archive_checklist_name(archive_checklist_items[j]));
            const field_value *cv = a == failed ? form_get(&ctx->post, "checklist") : NULL;
            for (size_t k = 0; cv && k < cv->nmore; k++)
                if (!strcmp(cv->more[k]->value, archive_checklist_items[j]))
                    view_show(c, "CHECKED");
        }
        for (size_t j = 0; relation_choices[j]; j++) {
            view *r = view_add(v, "RELATION_OPTION");
            view_set(r, "CODE", relation_choices[j]);
            view_set(r, "NAME", archive_relation_name(relation_choices[j]));
            if (a == failed && !strcmp(form_text(&ctx->post, "relation"), relation_choices[j]))
                view_show(r, "SELECTED");
        }
    }
}

static int render(page_ctx *ctx, const archive_unit *u, const action_def *failed, const char *notice) {
    archive_unit_file f;
    int s = archive_unit_file_load(ctx->arena, u->id, &f);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/unit.tpl", arena_printf(ctx->arena, "房屋 %s", u->code));
    if (!body)
        return 500;
    view_set_int(body, "ID", u->id);
    view_set(body, "CODE", u->code);
    view_set(body, "STATE", u->state);
    view_set(body, "STATE_NAME", archive_state_name(u->state));
    view_set(body, "BUILDING_NAME", u->building_name);
    view_set_int(body, "FLOOR", u->floor);
    view_set(body, "AREA", u->area_m2);
    view_set(body, "TYPE", u->type);
    if (notice)
        view_set(view_add(body, "NOTICE"), "TEXT", notice);
    fill_occupants(ctx, body, &f);
    fill_records(ctx, body, &f);
    if ((s = fill_tickets(ctx, body, u)) < 0 || (s = fee_account_fill(ctx, body, u->id, u->code)) < 0)
        return page_db_error(ctx, s);
    fill_actions(ctx, body, u, &f, failed);
    return 0;
}

static int load(page_ctx *ctx, archive_unit *u) {
    archive_refusal why = {0};
    int s = archive_unit_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), u, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, why.message);
    return 0;
}

static int unit_get(page_ctx *ctx) {
    archive_unit u;
    int s = load(ctx, &u);
    return s ? s : render(ctx, &u, NULL, NULL);
}

static bool reads(const action_def *a, const char *name) {
    for (size_t i = 0; a->fields[i]; i++)
        if (!strcmp(a->fields[i], name))
            return true;
    return false;
}

/* A share such as 50 or 33.33 (percent) in hundredths of a percent; marks the field. */
static long long share_of(page_ctx *ctx, const char *name) {
    const field_value *v = form_get(&ctx->post, name);
    long long bp = 0;
    if (!v->present || v->error)
        return 0;
    if (money_parse_yuan(v->text, &bp) != 0 || bp <= 0 || bp > 10000) {
        form_set_error(&ctx->post, name, "份额应为 0.01 到 100 之间的百分比，例如 50 或 33.33");
        return 0;
    }
    return bp;
}

static long long yuan_of(page_ctx *ctx, const char *name) {
    const field_value *v = form_get(&ctx->post, name);
    long long fen = 0;
    if (v->present && !v->error && (money_parse_yuan(v->text, &fen) != 0 || fen > 100000000LL))
        form_set_error(&ctx->post, name, "金额应为不超过 100 万元的数字，最多两位小数，例如 3500.00");
    return fen;
}

/* The checklist items sent, joined by commas. */
static const char *checklist_of(page_ctx *ctx) {
    const field_value *v = form_get(&ctx->post, "checklist");
    const char *out = "";
    for (size_t i = 0; v->present && !v->error && i < v->nmore; i++)
        out = arena_printf(ctx->arena, "%s%s%s", out, out[0] ? "," : "", v->more[i]->value);
    return out;
}

/* Reads the action's values from the form, marking what is missing or malformed. */
static archive_action read_action(page_ctx *ctx, const action_def *a) {
    const form *f = &ctx->post;
    for (size_t i = 0; a->required[i]; i++) {
        const field_value *v = form_get(f, a->required[i]);
        if (!v->present && !v->error)
            form_set_error(&ctx->post, a->required[i], "请填写这一项");
    }
    archive_action act = {
        .code = a->code,
        .date = form_text(f, "date"),
        .person = {form_text(f, "name"), form_text(f, "phone"), form_text(f, "id_number")},
        .relation = form_text(f, "relation"),
        .lease_end = form_text(f, "lease_end"),
        .occupancy_id = form_int(f, "occupancy"),
        .after_state = form_text(f, "after_state"),
        .notes = form_text(f, "notes"),
        .number = form_text(f, "number"),
        .person_id = form_int(f, "person"),
        .item_id = form_int(f, !strcmp(a->code, "key_return") ? "key" : "card"),
        .label = form_text(f, "label"),
        .holder = form_text(f, "holder"),
        .model = form_text(f, "model"),
        .colour = form_text(f, "colour"),
        .space_code = form_text(f, "space_code"),
        .lease_start = form_text(f, "lease_start"),
    };
    if (reads(a, "share"))
        act.share_bp = share_of(ctx, "share");
    if (reads(a, "checklist"))
        act.checklist = checklist_of(ctx);
    if (reads(a, "rent_yuan"))
        act.rent_fen = yuan_of(ctx, "rent_yuan");
    if (reads(a, "fee_yuan"))
        act.fee_fen = yuan_of(ctx, "fee_yuan");
    if (reads(a, "plate")) {
        char *plate = arena_strdup(ctx->arena, form_text(f, "plate"));
        for (char *p = plate; p && *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 32);
        act.plate = plate ? plate : "";
    }
    if (!strcmp(a->code, "change_owner")) {
        static const char *const prefix[] = {"owner1_", "owner2_", "owner3_"};
        for (size_t i = 0; i < ARCHIVE_MAX_OWNERS; i++) {
            const char *p = prefix[i];
            const char *name = form_text(f, arena_printf(ctx->arena, "%sname", p));
            const char *share_field = arena_printf(ctx->arena, "%sshare", p);
            if (!name[0])
                continue;
            if (!form_get(f, share_field)->present && !form_get(f, share_field)->error)
                form_set_error(&ctx->post, share_field, "请填写这位业主的份额");
            act.owners[act.owner_count] =
                (archive_new_person){name, form_text(f, arena_printf(ctx->arena, "%sphone", p)),
                                     form_text(f, arena_printf(ctx->arena, "%sid_number", p))};
            act.owner_share_bp[act.owner_count++] = share_of(ctx, share_field);
        }
    }
    return act;
}

static bool action_errors(const page_ctx *ctx, const action_def *a) {
    for (size_t i = 0; a->fields[i]; i++)
        if (form_get(&ctx->post, a->fields[i])->error)
            return true;
    return false;
}

static bool declared(const char *name) {
    for (const field *f = post_fields; name && f->name; f++)
        if (!strcmp(f->name, name))
            return true;
    return false;
}

static int unit_post(page_ctx *ctx) {
    archive_unit u;
    int s = load(ctx, &u);
    if (s)
        return s;
    const field_value *code = form_get(&ctx->post, "action");
    if (code->error)
        return page_error(ctx, 400, "未知的操作，请刷新页面后重试。");
    if (!archive_roles_may_act(ctx->user.roles))
        return page_error(ctx, 403, "您的岗位只能查看房屋档案，办理请找前台或资料管理员。");
    const action_def *a = action_of(code->text);
    archive_action act = read_action(ctx, a);
    if (action_errors(ctx, a)) {
        ctx->resp->status = 422;
        return render(ctx, &u, a, NULL);
    }
    archive_refusal why = {0};
    s = archive_unit_apply(ctx, &u, &act, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s == 422) {
        const char *notice = why.message;
        if (why.field && declared(why.field)) {
            form_set_error(&ctx->post, why.field, why.message);
            notice = NULL;
        }
        ctx->resp->status = 422; /* nothing was written: u is still what is stored */
        return render(ctx, &u, a, notice);
    }
    if (s)
        return page_error(ctx, s, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/unit?id=%lld", u.id));
}

static const page unit_page = {
    .name = "office/unit",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = unit_get,
    .post = unit_post,
};

int main(void) {
    return page_main(&unit_page);
}
