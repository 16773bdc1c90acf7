/* portal/ticket.c: /portal/ticket?id=N, one of the household's tickets as the resident
 * sees it (details, photos, the public timeline) and what they may do with it: leave a
 * comment, rate the work, reopen it, withdraw it. */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/ticket.h"
#include "../domain/ticket_view.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 1000000000000LL,
     .label = "工单编号"},
    {0},
};

static const char *const action_choices[] = {"comment", "rate", "reopen", "withdraw", NULL};
/* The tags a resident may add to a rating, good ones first. */
static const char *const reason_choices[] = {"响应快", "态度好", "质量好", "太慢", "态度差", "质量差", NULL};
#define REASON_COUNT 6

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "text", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .min = 0, .max = 2000, .label = "内容"},
    {.name = "score", .kind = FIELD_INT, .min = 1, .max = 5, .label = "评分"},
    {.name = "reason",
     .kind = FIELD_ENUM,
     .flags = FIELD_REPEATED,
     .choices = reason_choices,
     .max_count = REASON_COUNT,
     .label = "评价标签"},
    {.name = "comment",
     .kind = FIELD_TEXT,
     .flags = FIELD_MULTILINE,
     .min = 0,
     .max = 500,
     .label = "评价内容"},
    {0},
};

static const char *const stars[] = {"★", "★★", "★★★", "★★★★", "★★★★★"};
static const char *const time_format = "%Y-%m-%d %H:%M";

static const char *when(page_ctx *ctx, long long t) {
    return clock_format(ctx->arena, t, ctx->user.community_zone, time_format);
}

/* True when the resident may still ask for the work to be done again. */
static bool may_reopen(const page_ctx *ctx, const ticket_view *t) {
    if (t->status != ST_COMPLETED && t->status != ST_CLOSED)
        return false;
    /* As ticket_apply counts it: from completion, else from closing. */
    long long done = t->completed_at ? t->completed_at : t->closed_at;
    return !done || ctx->now - done <= TICKET_REOPEN_DAYS * 86400LL;
}

/* One sentence on where the ticket stands and what the resident can do next. */
static const char *status_hint(page_ctx *ctx, const ticket_view *t, const ticket_event_view *ev, size_t n) {
    arena *a = ctx->arena;
    switch (t->status) {
    case ST_NEW:
        return "已提交，等待物业服务中心受理。受理前您可以撤销。";
    case ST_ACCEPTED:
        return "物业服务中心已受理，正在安排处理。";
    case ST_DISPATCHED: {
        long long visit = ticket_latest_visit(ev, n);
        if (!strcmp(t->kind, "repair"))
            return visit ? arena_printf(a, "维修人员已派出，预约上门时间 %s，请保持电话畅通。",
                                        when(ctx, visit))
                         : "维修人员已派出，将与您联系确认上门时间，请保持电话畅通。";
        return arena_printf(a, "已交由%s处理。",
                            t->department_name && t->department_name[0] ? t->department_name : "相关部门");
    }
    case ST_IN_PROGRESS:
        return !strcmp(t->kind, "repair") ? "维修人员正在处理。" : "正在处理中。";
    case ST_WAITING:
        return "物业服务中心在等您的回复，请在下方留言。";
    case ST_COMPLETED:
        return t->rating ? "已完成，感谢您的评价。如问题仍未解决，可申请重新处理。" : "已完成，请评价。";
    case ST_CLOSED:
        return "工单已办结关闭。";
    case ST_WITHDRAWN:
        return "您已撤销此工单。";
    default:
        return "";
    }
}

static void add_due(view *body, page_ctx *ctx, const char *label, long long due, long long done) {
    if (!due)
        return;
    view *d = view_add(body, "DUE");
    view_set(d, "LABEL", label);
    view_set(d, "TIME", when(ctx, due));
    view_set(d, "DATETIME", clock_format(ctx->arena, due, ctx->user.community_zone, "%Y-%m-%dT%H:%M"));
    if (done)
        view_set(view_add(d, "DONE"), "AT", when(ctx, done));
}

/* Renders the ticket page; active names the action whose form gets the posted values and
 * errors back (on 422), general a message not tied to one field. */
static int render_ticket(page_ctx *ctx, const ticket_view *t, const char *active, const char *general) {
    ticket_event_view *ev = NULL;
    ticket_photo_view *photos = NULL;
    size_t nev = 0, nphotos = 0;
    int r = ticket_events(ctx->arena, t->id, true, &ev, &nev);
    if (r == 0)
        r = ticket_photos(ctx->arena, t, &photos, &nphotos);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r)
        return page_error(ctx, r, NULL);
    view *body = page_body(ctx, "portal/ticket.tpl", arena_printf(ctx->arena, "工单 %s", t->code));
    if (!body)
        return 500;
    view_set(body, "CSRF", ctx->csrf);
    view_set_int(body, "ID", t->id);
    view_set(body, "CODE", t->code);
    view_set(body, "STATUS", ticket_status_code(t->status));
    view_set(body, "STATUS_NAME", ticket_status_name(t->status));
    view_set(body, "KIND", t->kind);
    const char *kind_name = ticket_kind_name(t->kind);
    view_set(body, "KIND_NAME", kind_name ? kind_name : t->kind);
    view_set(body, "CATEGORY", t->category_name);
    view_set(body, "HINT", status_hint(ctx, t, ev, nev));
    const char *location = ticket_location_name(t->location);
    view_set(body, "LOCATION", location ? location : t->location);
    /* A common-area ticket keeps the reporter's unit for call-backs; it is not where. */
    if (t->unit_code && t->unit_code[0] && !strcmp(t->location, "home"))
        view_set(view_add(body, "UNIT"), "UNIT_CODE", t->unit_code);
    if (t->place && t->place[0])
        view_set(view_add(body, "PLACE"), "VALUE", t->place);
    view_set(body, "DESCRIPTION", t->description);
    view_set(body, "CREATED_AT", when(ctx, t->created_at));
    if (t->reporter_phone && t->reporter_phone[0])
        view_set(view_add(body, "PHONE"), "VALUE", t->reporter_phone);
    if (t->preferred_time)
        view_set(view_add(body, "PREFERRED"), "TIME", when(ctx, t->preferred_time));
    if (t->charge_fen > 0)
        view_set(view_add(body, "CHARGE"), "YUAN", money_format(ctx->arena, t->charge_fen));
    if (t->rating)
        view_set_int(view_add(body, "RATING"), "SCORE", t->rating);
    if (ticket_status_open(t->status)) {
        add_due(body, ctx, "承诺响应", t->respond_due, t->responded_at);
        if (!strcmp(t->kind, "repair"))
            add_due(body, ctx, "承诺上门", t->onsite_due, t->onsite_at);
        add_due(body, ctx, "承诺完成", t->resolve_due, t->completed_at);
    }
    if (t->completed_at)
        view_set(view_add(body, "COMPLETED"), "AT", when(ctx, t->completed_at));
    view *gallery = nphotos ? view_add(body, "PHOTOS") : NULL;
    for (size_t i = 0; i < nphotos; i++) {
        view *p = view_add(gallery, "PHOTO");
        view_set_int(p, "PHOTO_ID", photos[i].id);
        view_set_int(p, "N", (long long)i + 1);
    }
    ticket_fill_timeline(body, ctx->arena, ctx->user.community_zone, ev, nev, false);

    bool posted = ctx->req->method == METHOD_POST;
    if (general) {
        view *g = view_add(body, "GENERAL_ERROR");
        view_set(g, "MESSAGE", general);
    }
    if (t->status <= ST_COMPLETED) {
        view *f = view_add(body, "COMMENT_FORM");
        if (t->status == ST_WAITING)
            view_show(f, "ANSWER");
        if (posted && active && !strcmp(active, "comment"))
            page_form_values(ctx, &ctx->post, f);
    }
    if ((t->status == ST_COMPLETED || t->status == ST_CLOSED) && !t->rating) {
        view *f = view_add(body, "RATE_FORM");
        bool mine = posted && active && !strcmp(active, "rate");
        if (mine)
            page_form_values(ctx, &ctx->post, f);
        long long score = mine ? form_int(&ctx->post, "score") : 0;
        for (int s = 5; s >= 1; s--) {
            view *o = view_add(f, "SCORE_OPTION");
            view_set_int(o, "VALUE", s);
            view_set(o, "STARS", stars[s - 1]);
            if (s == score)
                view_show(o, "CHECKED");
        }
        const field_value *chosen = mine ? form_get(&ctx->post, "reason") : NULL;
        for (const char *const *c = reason_choices; *c; c++) {
            view *o = view_add(f, "REASON_OPTION");
            view_set(o, "VALUE", *c);
            for (size_t i = 0; chosen && chosen->more && i < chosen->nmore; i++)
                if (!strcmp(chosen->more[i]->value, *c))
                    view_show(o, "CHECKED");
        }
    }
    if (may_reopen(ctx, t)) {
        view *f = view_add(body, "REOPEN_FORM");
        view_set_int(f, "DAYS", TICKET_REOPEN_DAYS);
        if (posted && active && !strcmp(active, "reopen"))
            page_form_values(ctx, &ctx->post, f);
    }
    if (t->status == ST_NEW || t->status == ST_ACCEPTED || t->status == ST_DISPATCHED) {
        view *f = view_add(body, "WITHDRAW_FORM");
        if (posted && active && !strcmp(active, "withdraw"))
            page_form_values(ctx, &ctx->post, f);
    }
    return 0;
}

/* Loads ticket id of the query for the signed-in resident: 0, or the status to answer. */
static int load(page_ctx *ctx, ticket_view *t) {
    ticket_refusal why = {0};
    int r = ticket_load_for_resident(ctx->arena, ctx->user.id, form_int(&ctx->query, "id"), t, &why);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r)
        return page_error(ctx, r == 403 ? 404 : r,
                          r == 403 || r == 404 ? "没有找到这张工单，或它不属于您的房屋。" : why.message);
    return 0;
}

static int ticket_get(page_ctx *ctx) {
    ticket_view t;
    int r = load(ctx, &t);
    if (r)
        return r;
    if ((r = render_ticket(ctx, &t, NULL, NULL)) != 0)
        return r;
    /* Read now: home and the list stop flagging its news (a write only when there is news). */
    if (t.last_event_id > t.seen_event_id && (r = ticket_mark_seen(ctx->user.id, t.id, t.last_event_id)) < 0)
        return page_db_error(ctx, (db_status)r);
    return 0;
}

/* The reason tags chosen, joined by 、 as the timeline shows them. */
static const char *joined_reasons(page_ctx *ctx) {
    const field_value *v = form_get(&ctx->post, "reason");
    const char *out = "";
    for (size_t i = 0; v->present && v->more && i < v->nmore; i++)
        out = *out ? arena_printf(ctx->arena, "%s、%s", out, v->more[i]->value) : v->more[i]->value;
    return out;
}

static int ticket_post(page_ctx *ctx) {
    ticket_view t;
    int r = load(ctx, &t);
    if (r)
        return r;
    const char *action = form_text(&ctx->post, "action");
    if (form_get(&ctx->post, "action")->error)
        return page_error(ctx, 422, "请从页面上的按钮提交操作。");
    ticket_action act = {.actor_kind = 'r', .actor_id = ctx->user.id, .now = ctx->now};
    form *f = &ctx->post;
    if (!strcmp(action, "comment")) {
        act.type = EV_COMMENT;
        act.text = form_text(f, "text");
        if (!form_get(f, "text")->present && !form_get(f, "text")->error)
            form_set_error(f, "text", "请填写留言内容");
    } else if (!strcmp(action, "rate")) {
        act.type = EV_RATED;
        act.score = (int)form_int(f, "score");
        act.text = form_text(f, "comment");
        act.reasons = joined_reasons(ctx);
        if (!form_get(f, "score")->present && !form_get(f, "score")->error)
            form_set_error(f, "score", "请选择 1 到 5 星");
    } else if (!strcmp(action, "reopen")) {
        act.type = EV_REOPENED;
        act.text = form_text(f, "text");
        if (!form_get(f, "text")->present && !form_get(f, "text")->error)
            form_set_error(f, "text", "请说明重新打开的原因，例如：仍在漏水");
    } else {
        act.type = EV_WITHDRAWN;
        act.text = "";
    }
    if (f->errors) {
        ctx->resp->status = 422;
        return render_ticket(ctx, &t, action, NULL);
    }
    ticket_refusal why = {0};
    r = ticket_apply(ctx->arena, ctx->user.community_id, t.id, &act, &why);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r == 422) {
        ctx->resp->status = 422;
        if (form_declares(f, why.field)) {
            form_set_error(f, why.field, why.message);
            return render_ticket(ctx, &t, action, NULL);
        }
        return render_ticket(ctx, &t, action, why.message);
    }
    if (r)
        return page_error(ctx, r, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/portal/ticket?id=%lld", t.id));
}

static const page ticket_page = {
    .name = "portal/ticket",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = ticket_get,
    .post = ticket_post,
};

int main(void) {
    return page_main(&ticket_page);
}
