/* office/ticket.c: /office/ticket?id=N, one request with everything about it, and the
 * staff actions of its life (POST action=...); print=1 gives the work-order slip 派工单. */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/ticket.h"

#define CHARGE_MAX_FEN 10000000LL

/* The actions of the contract, the event each appends, its form's section and the
 * fields it reads (the others are ignored, whatever they hold). */
typedef struct action_def {
    const char *code;
    ticket_event_type type;
    const char *section;
    const char *fields[4];
} action_def;

static const action_def actions[] = {
    {"accept", EV_ACCEPTED, "ACT_ACCEPT", {NULL}},
    {"dispatch", EV_DISPATCHED, "ACT_DISPATCH", {"dept", "assignee", "visit_time", NULL}},
    {"start", EV_STARTED, "ACT_START", {NULL}},
    {"wait", EV_WAITING, "ACT_WAIT", {"text", NULL}},
    {"complete", EV_COMPLETED, "ACT_COMPLETE", {"resolution", "charge_fen", "charge_yuan", NULL}},
    {"callback", EV_CALLBACK, "ACT_CALLBACK", {"reached", "score", "text", NULL}},
    {"close", EV_CLOSED, "ACT_CLOSE", {NULL}},
    {"reopen", EV_REOPENED, "ACT_REOPEN", {"text", NULL}},
    {"escalate", EV_ESCALATED, "ACT_ESCALATE", {"text", NULL}},
    {"reply", EV_REPLY, "ACT_REPLY", {"text", NULL}},
    {"note", EV_NOTE, "ACT_NOTE", {"text", NULL}},
};
#define ACTION_COUNT (sizeof actions / sizeof actions[0])

static const char *const action_choices[] = {"accept",   "dispatch", "start", "wait",
                                             "complete", "callback", "close", "reopen",
                                             "escalate", "reply",    "note",  NULL};
static const char *const one_choices[] = {"1", NULL};
static const char *const reached_choices[] = {"yes", "no", NULL};

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "工单"},
    {.name = "print", .kind = FIELD_ENUM, .choices = one_choices, .label = "打印"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "text", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 2000, .label = "内容"},
    {.name = "dept", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "部门"},
    {.name = "assignee", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "处理人"},
    {.name = "visit_time", .kind = FIELD_DATETIME, .label = "上门时间"},
    {.name = "resolution", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 2000, .label = "处理结果"},
    {.name = "charge_fen", .kind = FIELD_INT, .min = 0, .max = CHARGE_MAX_FEN, .label = "收费（分）"},
    {.name = "charge_yuan", .kind = FIELD_TEXT, .max = 12, .label = "收费金额"},
    {.name = "reached", .kind = FIELD_ENUM, .choices = reached_choices, .label = "是否联系上业主"},
    {.name = "score", .kind = FIELD_INT, .min = 1, .max = 5, .label = "满意度"},
    {0},
};

/* A technician who holds no desk role works only on the tickets given to them. */
static bool technician_only(const page_ctx *ctx) {
    return page_has_role(ctx, "technician") && !page_has_role(ctx, "frontdesk") &&
           !page_has_role(ctx, "complaint") && !page_has_role(ctx, "supervisor") &&
           !page_has_role(ctx, "manager");
}

static bool declared(const char *name) {
    for (const field *f = post_fields; name && f->name; f++)
        if (!strcmp(f->name, name))
            return true;
    return false;
}

static const action_def *action_of(const char *code) {
    for (size_t i = 0; i < ACTION_COUNT; i++)
        if (!strcmp(actions[i].code, code))
            return &actions[i];
    return NULL;
}

/* Whether the signed-in staff member may take action a on ticket t now. */
static bool may_act(const page_ctx *ctx, const ticket_view *t, const action_def *a) {
    ticket_status next;
    if (!ticket_flow_next(t->status, t->resume_status, a->type, &next))
        return false;
    if (!ticket_roles_may(ctx->user.roles, a->type))
        return false;
    if (a->type == EV_CLOSED && !t->callback_done)
        return false;
    if (a->type == EV_ESCALATED && t->escalation_level >= 2)
        return false;
    return true;
}

/* "剩余 3 小时" or "已超时 2 小时" (minutes under an hour); "" for none. */
static const char *due_words(arena *a, long long due, long long now) {
    if (!due)
        return "";
    long long d = due >= now ? due - now : now - due;
    const char *lead = due >= now ? "剩余" : "已超时";
    if (d >= 3600)
        return arena_printf(a, "%s %lld 小时", lead, d / 3600);
    return arena_printf(a, "%s %lld 分钟", lead, d / 60 > 0 ? d / 60 : 1);
}

static const char *when(page_ctx *ctx, long long t) {
    return t ? clock_format(ctx->arena, t, ctx->user.community_zone, "%Y-%m-%d %H:%M") : "";
}

static const char *clock_name(const char *clock) {
    if (!clock)
        return "";
    return !strcmp(clock, "respond") ? "响应" : !strcmp(clock, "onsite") ? "上门" : "办结";
}

/* One row of the time limits: its due time, when it was kept, or how late it is. */
static void add_due(page_ctx *ctx, view *body, const char *name, long long due, long long done, bool breached,
                    bool open) {
    if (!due)
        return;
    view *d = view_add(body, "DUE_ROW");
    view_set(d, "NAME", name);
    view_set(d, "AT", when(ctx, due));
    if (done) {
        view_set(d, "STATE",
                 arena_printf(ctx->arena, "%s于 %s", done > due ? "超时完成" : "已完成", when(ctx, done)));
        view_set(d, "CLASS", done > due ? "late" : "kept");
    } else if (open) {
        view_set(d, "STATE", due_words(ctx->arena, due, ctx->now));
        view_set(d, "CLASS", due < ctx->now ? "late" : "pending");
    } else {
        view_set(d, "STATE", "—");
        view_set(d, "CLASS", "");
    }
    if (breached)
        view_show(d, "BREACHED");
}

static void fill_facts(page_ctx *ctx, view *body, const ticket_view *t) {
    view_set_int(body, "ID", t->id);
    view_set(body, "CODE", t->code);
    view_set(body, "KIND", t->kind);
    view_set(body, "KIND_NAME", ticket_kind_name(t->kind));
    view_set(body, "CATEGORY_NAME", t->category_name);
    view_set(body, "STATUS", ticket_status_code(t->status));
    view_set(body, "STATUS_NAME", ticket_status_name(t->status));
    view_set(body, "SEVERITY", t->severity);
    view_set(body, "SEVERITY_NAME", ticket_severity_name(t->severity));
    view_set(body, "CHANNEL_NAME", ticket_channel_name(t->channel) ? ticket_channel_name(t->channel) : "");
    view_set(body, "LOCATION_NAME",
             ticket_location_name(t->location) ? ticket_location_name(t->location) : "");
    view_set(body, "UNIT_CODE", t->unit_code[0] ? t->unit_code : "—");
    view_set(body, "PLACE", t->place);
    if (t->place[0])
        view_show(body, "HAS_PLACE");
    view_set(body, "WHERE", t->unit_code[0] ? t->unit_code : t->place);
    view_set(body, "DESCRIPTION", t->description);
    view_set(body, "REPORTER_NAME", t->reporter_name[0] ? t->reporter_name : "—");
    view_set(body, "REPORTER_PHONE", t->reporter_phone[0] ? t->reporter_phone : "—");
    view_set(body, "PREFERRED_AT", t->preferred_time ? when(ctx, t->preferred_time) : "未约定");
    view_set(body, "CREATED_AT", when(ctx, t->created_at));
    view_set(body, "CREATED_BY", t->created_by_name[0] ? t->created_by_name : "—");
    view_set(body, "CREATED_BY_KIND", t->created_by_kind == 'r' ? "业主提交" : "员工登记");
    view_set(body, "OWNER_NAME", t->owner_name[0] ? t->owner_name : "—");
    view_set(body, "DEPARTMENT_NAME", t->department_name[0] ? t->department_name : "未派工");
    view_set(body, "ASSIGNEE_NAME", t->assignee_name[0] ? t->assignee_name : "未指定");
    view_set(body, "CHARGE", money_format(ctx->arena, t->charge_fen));
    if (t->charge_fen > 0)
        view_show(body, "PAID");
    if (t->escalation_level)
        view_set(view_add(body, "ESCALATED"), "NAME",
                 t->escalation_level >= 2 ? "已升级至管理处主任" : "已升级至客服主管");
    if (strcmp(t->severity, "normal") != 0)
        view_show(body, "SEVERE");
    view_set(body, "CALLBACK_STATE",
             t->callback_done            ? "已回访"
             : t->status == ST_COMPLETED ? "待回访"
                                         : "—");
    if (t->rating)
        view_set_int(view_add(body, "RATED"), "SCORE", t->rating);
    bool open = ticket_status_open(t->status);
    add_due(ctx, body, "响应", t->respond_due, t->responded_at, t->breached & 1, open);
    if (!strcmp(t->kind, "repair"))
        add_due(ctx, body, "上门", t->onsite_due, t->onsite_at, t->breached & 2, open);
    add_due(ctx, body, "办结", t->resolve_due, t->completed_at, t->breached & 4, open);
    if (open && t->next_due) {
        view *n = view_add(body, "NEXT_DUE");
        view_set(n, "AT", when(ctx, t->next_due));
        view_set(n, "WORDS", due_words(ctx->arena, t->next_due, ctx->now));
        view_set(n, "CLASS", t->next_due < ctx->now ? "late" : t->next_due - ctx->now <= 7200 ? "soon" : "");
    }
    if (t->status == ST_WAITING && t->waiting_since)
        view_set(view_add(body, "WAITING"), "SINCE", when(ctx, t->waiting_since));
    if (t->breached) {
        view *b = view_add(body, "BREACHES");
        view_set(b, "TEXT",
                 arena_printf(ctx->arena, "%s%s%s", t->breached & 1 ? "响应超时 " : "",
                              t->breached & 2 ? "上门超时 " : "", t->breached & 4 ? "办结超时" : ""));
    }
}

/* The timeline, oldest first, with internal entries marked; *visit_at gets the visit
 * time agreed at the last dispatch. */
static void fill_timeline(page_ctx *ctx, view *body, const ticket_event_view *ev, size_t n,
                          long long *visit_at) {
    *visit_at = 0;
    for (size_t i = 0; i < n; i++) {
        const ticket_event_view *e = &ev[i];
        view *row = view_add(body, "EVENT");
        view_set_int(row, "EVENT_ID", e->id);
        view_set(row, "TYPE", ticket_event_code(e->type));
        view_set(row, "NAME", ticket_event_name(e->type));
        view_set(row, "AT", when(ctx, e->at));
        view_set(row, "ACTOR",
                 e->actor_kind == 'y'                ? "系统"
                 : e->actor_name && e->actor_name[0] ? e->actor_name
                                                     : "—");
        view_set(row, "ACTOR_KIND", e->actor_kind == 'r' ? "业主" : e->actor_kind == 's' ? "员工" : "系统");
        if (!e->public)
            view_show(row, "INTERNAL");
        if (e->text && e->text[0])
            view_set(view_add(row, "TEXT"), "BODY", e->text);
        view_set(row, "STATUS_AFTER", ticket_status_name(e->status_after));
        const char *detail = NULL;
        switch (e->type) {
        case EV_DISPATCHED:
            detail = arena_printf(ctx->arena, "派至 %s%s%s%s%s", e->department_name ? e->department_name : "",
                                  e->assignee_name && e->assignee_name[0] ? " · " : "",
                                  e->assignee_name ? e->assignee_name : "", e->visit_at ? "，约定上门 " : "",
                                  e->visit_at ? when(ctx, e->visit_at) : "");
            *visit_at = e->visit_at;
            break;
        case EV_CALLBACK:
            detail = e->reached == 1
                         ? (e->score ? arena_printf(ctx->arena, "已接通，满意度 %d 分", e->score) : "已接通")
                         : "未接通，可再次回访";
            break;
        case EV_RATED:
            detail = arena_printf(ctx->arena, "业主评价 %d 星", e->score);
            break;
        case EV_COMPLETED:
            if (e->charge_fen > 0)
                detail = arena_printf(ctx->arena, "收费 %s 元", money_format(ctx->arena, e->charge_fen));
            else if (e->charge_fen == 0)
                detail = "无偿服务";
            break;
        case EV_OVERDUE:
            detail = arena_printf(ctx->arena, "%s时限已过", clock_name(e->clock));
            break;
        case EV_ESCALATED:
            detail = e->level >= 2 ? "升级至管理处主任" : "升级至客服主管";
            break;
        default:
            break;
        }
        if (detail)
            view_set(view_add(row, "DETAIL"), "TEXT", detail);
    }
}

/* The step the ticket waits for: its form starts unfolded. */
static bool is_next_step(const ticket_view *t, const action_def *a) {
    switch (a->type) {
    case EV_DISPATCHED:
        return t->status == ST_NEW || t->status == ST_ACCEPTED;
    case EV_COMPLETED:
        return t->status == ST_IN_PROGRESS;
    case EV_CALLBACK:
        return t->status == ST_COMPLETED && !t->callback_done;
    default:
        return false;
    }
}

/* The action forms the staff member may use on t; failed is the action whose form is
 * shown again with its values and errors (NULL on a plain GET). */
static int fill_actions(page_ctx *ctx, view *body, const ticket_view *t, const action_def *failed) {
    bool own = !technician_only(ctx) || t->assignee_staff_id == ctx->user.id;
    if (!own) {
        view_show(body, "NOT_YOURS");
        return 0;
    }
    bool any = false;
    for (size_t i = 0; i < ACTION_COUNT; i++) {
        const action_def *a = &actions[i];
        if (!may_act(ctx, t, a))
            continue;
        any = true;
        view *f = view_add(body, a->section);
        view_set(f, "CSRF", ctx->csrf);
        view_set_int(f, "ID", t->id);
        if (a == failed) {
            page_form_values(ctx, &ctx->post, f);
            view_show(f, "OPEN");
        } else if (!failed && is_next_step(t, a)) {
            view_show(f, "OPEN");
        }
        if (a->type == EV_DISPATCHED) {
            long long dept = t->department_id, assignee = t->assignee_staff_id;
            if (a == failed) {
                dept = form_int(&ctx->post, "dept");
                assignee = form_int(&ctx->post, "assignee");
            }
            if (!dept) {
                ticket_category *cats;
                size_t nc;
                int s = ticket_categories(ctx->arena, t->community_id, &cats, &nc);
                if (s < 0)
                    return s;
                for (size_t j = 0; j < nc; j++)
                    if (cats[j].id == t->category_id)
                        dept = cats[j].department_id;
            }
            ticket_department *deps;
            size_t nd;
            int s = ticket_departments(ctx->arena, t->community_id, &deps, &nd);
            if (s < 0)
                return s;
            for (size_t j = 0; j < nd; j++) {
                view *o = view_add(f, "DEPT_OPTION");
                view_set_int(o, "VALUE", deps[j].id);
                view_set(o, "NAME", deps[j].name);
                if (deps[j].id == dept)
                    view_show(o, "SELECTED");
            }
            ticket_staff *staff;
            size_t ns;
            if ((s = ticket_dispatch_choices(ctx->arena, t->community_id, &staff, &ns)) < 0)
                return s;
            for (size_t j = 0; j < ns; j++) {
                view *o = view_add(f, "ASSIGNEE_OPTION");
                view_set_int(o, "VALUE", staff[j].id);
                view_set(o, "NAME", staff[j].name);
                view_set(o, "DEPARTMENT", staff[j].department_name);
                if (staff[j].id == assignee)
                    view_show(o, "SELECTED");
            }
            view_set(f, "NOW",
                     clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%dT%H:%M"));
        }
        if (a->type == EV_CALLBACK && a == failed) {
            const char *reached = form_text(&ctx->post, "reached");
            if (!strcmp(reached, "yes") || !strcmp(reached, "no"))
                view_show(f, !strcmp(reached, "yes") ? "REACHED_YES" : "REACHED_NO");
        }
        if (a->type == EV_CALLBACK) {
            long long score = a == failed ? form_int(&ctx->post, "score") : 0;
            for (int k = 5; k >= 1; k--) {
                view *o = view_add(f, "SCORE_OPTION");
                view_set_int(o, "VALUE", k);
                view_set(o, "NAME",
                         k == 5   ? "5 分 非常满意"
                         : k == 4 ? "4 分 满意"
                         : k == 3 ? "3 分 一般"
                         : k == 2 ? "2 分 不满意"
                                  : "1 分 非常不满意");
                if (score == k)
                    view_show(o, "SELECTED");
            }
        }
    }
    if (!any)
        view_show(body, "NO_ACTIONS");
    return 0;
}

/* Renders the ticket page (or its slip); failed/notice describe a refused POST. */
static int render(page_ctx *ctx, const ticket_view *t, bool slip, const action_def *failed,
                  const char *notice) {
    ticket_event_view *events;
    size_t nev;
    int s = ticket_events(ctx->arena, t->id, false, &events, &nev);
    if (s < 0)
        return page_db_error(ctx, s);
    ticket_photo_view *photos;
    size_t nph;
    if ((s = ticket_photos(ctx->arena, t->id, &photos, &nph)) < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, slip ? "office/ticket-slip.tpl" : "office/ticket.tpl",
                           arena_printf(ctx->arena, "%s %s", slip ? "派工单" : "工单", t->code));
    if (!body)
        return 500;
    fill_facts(ctx, body, t);
    long long visit_at = 0;
    fill_timeline(ctx, body, events, nev, &visit_at);
    view_set(body, "VISIT_AT", visit_at ? when(ctx, visit_at) : "");
    if (visit_at)
        view_set(view_add(body, "VISIT"), "AT", when(ctx, visit_at));
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "PRINTED_AT", when(ctx, ctx->now));
    view_set(body, "PRINTED_BY", ctx->user.name);
    for (size_t i = 0; i < nph; i++) {
        view *p = view_add(body, "PHOTO");
        view_set_int(p, "PHOTO_ID", photos[i].id);
        view_set_int(p, "NUMBER", (long long)i + 1);
    }
    if (!nph)
        view_show(body, "NO_PHOTOS");
    if (slip)
        return 0;
    if (notice)
        view_set(view_add(body, "NOTICE"), "TEXT", notice);
    if ((s = fill_actions(ctx, body, t, failed)) < 0)
        return page_db_error(ctx, s);
    return 0;
}

/* Loads the ticket of the query for the signed-in staff member. 0, or a status. */
static int load(page_ctx *ctx, ticket_view *t) {
    ticket_refusal why = {0};
    int s = ticket_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), t, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, why.message);
    return 0;
}

static int ticket_get(page_ctx *ctx) {
    ticket_view t;
    int s = load(ctx, &t);
    if (s)
        return s;
    if (technician_only(ctx) && t.assignee_staff_id != ctx->user.id)
        return page_error(ctx, 404, "没有这张工单，或它没有派给您。");
    return render(ctx, &t, form_get(&ctx->query, "print")->present, NULL, NULL);
}

/* The first error among the fields action a reads, or false. */
static bool action_errors(const page_ctx *ctx, const action_def *a) {
    bool bad = false;
    for (size_t i = 0; a->fields[i]; i++)
        if (form_get(&ctx->post, a->fields[i])->error)
            bad = true;
    return bad;
}

/* Answers 422 with the ticket page and the failed action's form. */
static int refuse_action(page_ctx *ctx, const ticket_view *t, const action_def *a, const char *field_name,
                         const char *message) {
    const char *notice = NULL;
    if (field_name && declared(field_name))
        form_set_error(&ctx->post, field_name, message);
    else if (message)
        notice = message;
    ctx->resp->status = 422;
    return render(ctx, t, false, a, notice);
}

static int ticket_post(page_ctx *ctx) {
    ticket_view t;
    int s = load(ctx, &t);
    if (s)
        return s;
    const form *f = &ctx->post;
    const field_value *code = form_get(f, "action");
    if (code->error)
        return page_error(ctx, 400, "未知的操作，请刷新页面后重试。");
    const action_def *a = action_of(code->text);
    if (technician_only(ctx) && t.assignee_staff_id != ctx->user.id)
        return page_error(ctx, 403, "这张工单没有派给您，您不能处理。");
    if (!ticket_roles_may(ctx->user.roles, a->type))
        return page_error(ctx, 403,
                          arena_printf(ctx->arena, "您的岗位不能对工单执行“%s”，请联系客服主管。",
                                       ticket_event_name(a->type)));
    ticket_status next;
    if (!ticket_flow_next(t.status, t.resume_status, a->type, &next))
        return page_error(ctx, 409,
                          arena_printf(ctx->arena, "工单当前状态为“%s”，不能%s。请刷新页面查看最新状态。",
                                       ticket_status_name(t.status), ticket_event_name(a->type)));
    ticket_action act = {
        .type = a->type,
        .actor_kind = 's',
        .actor_id = ctx->user.id,
        .actor_roles = ctx->user.roles,
        .now = ctx->now,
        .text = form_text(f, "text"),
    };
    switch (a->type) {
    case EV_DISPATCHED: {
        if (!form_get(f, "dept")->present && !form_get(f, "dept")->error)
            form_set_error(&ctx->post, "dept", "请选择派往的部门");
        act.department_id = form_int(f, "dept");
        act.assignee_id = form_int(f, "assignee");
        const field_value *v = form_get(f, "visit_time");
        if (v->present && !v->error &&
            clock_parse_local(v->text, ctx->user.community_zone, &act.visit_at) != 0)
            form_set_error(&ctx->post, "visit_time", "这个时间不存在，请重新选择");
        break;
    }
    case EV_COMPLETED: {
        const field_value *res = form_get(f, "resolution");
        if (!res->present && !res->error)
            form_set_error(&ctx->post, "resolution", "请填写处理结果");
        act.text = res->text;
        const field_value *fen = form_get(f, "charge_fen"), *yuan = form_get(f, "charge_yuan");
        if (fen->present) {
            act.charge_fen = fen->number;
        } else if (yuan->present && !yuan->error) {
            if (money_parse_yuan(yuan->text, &act.charge_fen) != 0 || act.charge_fen > CHARGE_MAX_FEN)
                form_set_error(&ctx->post, "charge_yuan",
                               "收费金额应为 0 到 100000 元，最多两位小数，例如 50.00");
        }
        break;
    }
    case EV_CALLBACK: {
        const field_value *reached = form_get(f, "reached");
        if (!reached->present && !reached->error)
            form_set_error(&ctx->post, "reached", "请选择是否联系上业主");
        act.reached = !strcmp(reached->text, "yes") ? 1 : 0;
        act.score = act.reached ? (int)form_int(f, "score") : 0;
        break;
    }
    case EV_NOTE:
    case EV_REPLY:
    case EV_REOPENED:
        if (!form_get(f, "text")->present && !form_get(f, "text")->error)
            form_set_error(&ctx->post, "text",
                           a->type == EV_REOPENED ? "请说明重新打开的原因" : "请填写内容");
        break;
    default:
        break;
    }
    if (action_errors(ctx, a)) {
        ctx->resp->status = 422;
        return render(ctx, &t, false, a, NULL);
    }
    ticket_refusal why = {0};
    s = ticket_apply(ctx->arena, ctx->user.community_id, t.id, &act, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s == 422)
        return refuse_action(ctx, &t, a, why.field, why.message);
    if (s)
        return page_error(ctx, s, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/ticket?id=%lld", t.id));
}

static const page ticket_page = {
    .name = "office/ticket",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = ticket_get,
    .post = ticket_post,
};

int main(void) {
    return page_main(&ticket_page);
}
