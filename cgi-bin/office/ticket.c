/* office/ticket.c: /office/ticket?id=N, one request with everything about it, and the
 * staff actions of its life (POST action=...); print=1 gives the work-order slip 派工单. */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/ticket.h"
#include "../domain/ticket_view.h"

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
    return ticket_roles_technician_only(ctx->user.roles);
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

static const char *when(page_ctx *ctx, long long t) {
    return t ? clock_format(ctx->arena, t, ctx->user.community_zone, "%Y-%m-%d %H:%M") : "";
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

/* The dispatch form's choices: departments (the category's by default) and staff. */
static int fill_dispatch(page_ctx *ctx, view *f, const ticket_view *t, bool failed) {
    long long dept = failed ? form_int(&ctx->post, "dept") : t->department_id;
    long long assignee = failed ? form_int(&ctx->post, "assignee") : t->assignee_staff_id;
    int s;
    if (!dept) {
        ticket_category *cats;
        size_t nc;
        if ((s = ticket_categories(ctx->arena, t->community_id, &cats, &nc)) < 0)
            return s;
        for (size_t j = 0; j < nc; j++)
            if (cats[j].id == t->category_id)
                dept = cats[j].department_id;
    }
    ticket_department *deps;
    size_t nd;
    if ((s = ticket_departments(ctx->arena, t->community_id, &deps, &nd)) < 0)
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
    view_set(f, "NOW", clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%dT%H:%M"));
    return 0;
}

/* The callback form's choices: reached or not, and the satisfaction score. */
static void fill_callback(page_ctx *ctx, view *f, bool failed) {
    static const char *const scores[] = {"1 分 非常不满意", "2 分 不满意", "3 分 一般", "4 分 满意",
                                         "5 分 非常满意"};
    if (failed) {
        const char *reached = form_text(&ctx->post, "reached");
        if (!strcmp(reached, "yes") || !strcmp(reached, "no"))
            view_show(f, !strcmp(reached, "yes") ? "REACHED_YES" : "REACHED_NO");
    }
    long long score = failed ? form_int(&ctx->post, "score") : 0;
    for (int k = 5; k >= 1; k--) {
        view *o = view_add(f, "SCORE_OPTION");
        view_set_int(o, "VALUE", k);
        view_set(o, "NAME", scores[k - 1]);
        if (score == k)
            view_show(o, "SELECTED");
    }
}

/* The action forms the staff member may use on t; failed is the action whose form is
 * shown again with its values and errors (NULL on a plain GET). */
static int fill_actions(page_ctx *ctx, view *body, const ticket_view *t, const action_def *failed) {
    if (technician_only(ctx) && t->assignee_staff_id != ctx->user.id) {
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
        int s;
        if (a->type == EV_DISPATCHED && (s = fill_dispatch(ctx, f, t, a == failed)) < 0)
            return s;
        if (a->type == EV_CALLBACK)
            fill_callback(ctx, f, a == failed);
    }
    if (!any)
        view_show(body, "NO_ACTIONS");
    return 0;
}

/* Renders the ticket page; failed/notice describe a refused POST. */
static int render(page_ctx *ctx, const ticket_view *t, const action_def *failed, const char *notice) {
    ticket_event_view *events;
    size_t nev;
    int s = ticket_events(ctx->arena, t->id, false, &events, &nev);
    if (s < 0)
        return page_db_error(ctx, s);
    ticket_photo_view *photos;
    size_t nph;
    if ((s = ticket_photos(ctx->arena, t, &photos, &nph)) < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/ticket.tpl", arena_printf(ctx->arena, "工单 %s", t->code));
    if (!body)
        return 500;
    ticket_fill_facts(body, ctx->arena, ctx->user.community_zone, ctx->now, t);
    ticket_fill_timeline(body, ctx->arena, ctx->user.community_zone, events, nev, true);
    long long visit_at = ticket_latest_visit(events, nev);
    if (visit_at)
        view_set(view_add(body, "VISIT"), "AT", when(ctx, visit_at));
    for (size_t i = 0; i < nph; i++) {
        view *p = view_add(body, "PHOTO");
        view_set_int(p, "PHOTO_ID", photos[i].id);
        view_set_int(p, "NUMBER", (long long)i + 1);
    }
    if (!nph)
        view_show(body, "NO_PHOTOS");
    if (notice)
        view_set(view_add(body, "NOTICE"), "TEXT", notice);
    if ((s = fill_actions(ctx, body, t, failed)) < 0)
        return page_db_error(ctx, s);
    return 0;
}

/* The work-order slip 派工单 to print and take along: the facts, the agreed visit, and
 * who printed it when. */
static int render_slip(page_ctx *ctx, const ticket_view *t) {
    ticket_event_view *events;
    size_t nev;
    int s = ticket_events(ctx->arena, t->id, false, &events, &nev);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/ticket-slip.tpl", arena_printf(ctx->arena, "派工单 %s", t->code));
    if (!body)
        return 500;
    ticket_fill_facts(body, ctx->arena, ctx->user.community_zone, ctx->now, t);
    view_set(body, "VISIT_AT", when(ctx, ticket_latest_visit(events, nev)));
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "PRINTED_AT", when(ctx, ctx->now));
    view_set(body, "PRINTED_BY", ctx->user.name);
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
    if (form_get(&ctx->query, "print")->present)
        return render_slip(ctx, &t);
    return render(ctx, &t, NULL, NULL);
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
    if (form_declares(&ctx->post, field_name))
        form_set_error(&ctx->post, field_name, message);
    else if (message)
        notice = message;
    ctx->resp->status = 422;
    return render(ctx, t, a, notice);
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
        return render(ctx, &t, a, NULL);
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
