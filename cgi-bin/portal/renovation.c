/* portal/renovation.c: /portal/renovation, 装修申请 for the resident's household: the list
 * of its cases; ?new=1 the application form; ?id=N one case with its attachments, steps
 * and the office's reasons, and what the resident may do next (resubmit when returned,
 * withdraw, ask for the acceptance check). POST without id applies; with id,
 * action=resubmit, withdraw or request_acceptance with the case's version. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/renovation_form.h"
#include "../domain/renovation_list.h"

static const char *const one_choices[] = {"1", NULL};
static const char *const saved_choices[] = {"apply", "resubmit", "withdraw", "request_acceptance", NULL};
static const char *const action_choices[] = {"resubmit", "withdraw", "request_acceptance", NULL};

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "装修申请"},
    {.name = "new", .kind = FIELD_ENUM, .choices = one_choices, .label = "新申请"},
    {.name = "saved", .kind = FIELD_ENUM, .choices = saved_choices, .label = "已保存"},
    {0},
};

static const field post_fields[] = {
    {.name = "action", .kind = FIELD_ENUM, .choices = action_choices, .label = "操作"},
    {.name = "version", .kind = FIELD_INT, .min = 1, .max = 1000000000, .label = "版本"},
    RENOVATION_FORM_FIELDS,
    {0},
};

static const char *saved_message(const char *saved) {
    return !strcmp(saved, "apply") ? "装修申请已提交，物业审核后会在这里告诉您结果。"
           : !strcmp(saved, "resubmit") ? "已重新提交，请等待物业审核。"
           : !strcmp(saved, "withdraw") ? "装修申请已撤回。"
                                        : "已申请竣工验收，装修管理员会联系您约定验收时间。";
}

static void show_saved(page_ctx *ctx, view *body) {
    const char *saved = form_text(&ctx->query, "saved");
    if (ctx->req->method != METHOD_POST && *saved) {
        view *s = view_add(body, "SAVED");
        view_set(s, "WHAT", saved);
        view_set(s, "MESSAGE", saved_message(saved));
    }
}

/* The resident's unit, or 0 when the account has none. */
static int household_unit(page_ctx *ctx, long long *unit_id) {
    int r = renovation_resident_unit(ctx->arena, ctx->user.id, unit_id, NULL, NULL);
    return r ? page_db_error(ctx, (db_status)r) : 0;
}

static int render_list(page_ctx *ctx, long long unit_id) {
    view *body = page_body(ctx, "portal/renovation.tpl", "装修申请");
    if (!body)
        return 500;
    show_saved(ctx, body);
    view *list = view_add(body, "LIST");
    if (!unit_id) {
        view_show(list, "NO_UNIT");
        return 0;
    }
    renovation_brief *rows = NULL;
    size_t n = 0;
    int r = renovation_list_for_unit(ctx->arena, unit_id, &rows, &n);
    if (r)
        return page_db_error(ctx, (db_status)r);
    bool open = false;
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(list, "CASE");
        view_set_int(row, "ID", rows[i].id);
        view_set(row, "STATE", rows[i].state);
        view_set(row, "STATE_NAME", renovation_state_name(rows[i].state));
        view_set(row, "COMPANY", rows[i].company);
        view_set(row, "PLANNED",
                 arena_printf(ctx->arena, "%s 至 %s", rows[i].planned_start, rows[i].planned_end));
        view_set(row, "CREATED_AT",
                 clock_format(ctx->arena, rows[i].created_at, ctx->user.community_zone, "%Y-%m-%d"));
        open = open || !renovation_state_final(rows[i].state);
    }
    if (!n)
        view_show(list, "EMPTY");
    if (!open)
        view_show(list, "MAY_APPLY");
    return 0;
}

static int render_new(page_ctx *ctx) {
    view *body = page_body(ctx, "portal/renovation.tpl", "申请装修");
    if (!body)
        return 500;
    view *f = view_add(body, "NEW");
    view_set(f, "CSRF", ctx->csrf);
    renovation_form_fill(ctx, view_include(f, "FIELDS", "portal/renovation-fields.tpl"), NULL);
    return 0;
}

static int load_case(page_ctx *ctx, renovation *c) {
    long long unit_id = 0;
    int r = household_unit(ctx, &unit_id);
    if (r)
        return r;
    bool found = false;
    if (unit_id &&
        (r = renovation_load_for_unit(ctx->arena, unit_id, form_int(&ctx->query, "id"), c, &found)) != 0)
        return page_db_error(ctx, (db_status)r);
    /* A previous household's case of the unit is not this household's to see. */
    if (found && (r = renovation_household_case(ctx->arena, unit_id, c->id, &found)) != 0)
        return page_db_error(ctx, (db_status)r);
    if (!found)
        return page_error(ctx, 404, "没有这个装修申请，或它不属于您的房屋。");
    return 0;
}

static int render_case(page_ctx *ctx) {
    renovation c;
    int r = load_case(ctx, &c);
    if (r)
        return r;
    view *body =
        page_body(ctx, "portal/renovation.tpl", arena_printf(ctx->arena, "%s 装修申请", c.unit_code));
    if (!body)
        return 500;
    show_saved(ctx, body);
    view *d = view_add(body, "CASE_VIEW");
    renovation_form_facts(ctx, d, &c);
    if ((r = renovation_form_files(ctx, d, &c, "/portal/renovation-file")) != 0 ||
        (r = renovation_form_steps(ctx, d, &c)) != 0)
        return page_db_error(ctx, (db_status)r);
    bool returned = !strcmp(c.state, "returned");
    if (returned) {
        view *f = view_add(d, "RESUBMIT");
        view_set(f, "CSRF", ctx->csrf);
        view_set_int(f, "ID", c.id);
        view_set_int(f, "VERSION", c.version);
        renovation_form_fill(ctx, view_include(f, "FIELDS", "portal/renovation-fields.tpl"), &c);
    }
    if (returned || !strcmp(c.state, "submitted")) {
        view *w = view_add(d, "WITHDRAW");
        view_set(w, "CSRF", ctx->csrf);
        view_set_int(w, "ID", c.id);
        view_set_int(w, "VERSION", c.version);
    }
    if (!strcmp(c.state, "permitted")) {
        view *a = view_add(d, "ACCEPTANCE");
        view_set(a, "CSRF", ctx->csrf);
        view_set_int(a, "ID", c.id);
        view_set_int(a, "VERSION", c.version);
    }
    return 0;
}

static int renovation_get(page_ctx *ctx) {
    if (form_get(&ctx->query, "id")->present)
        return render_case(ctx);
    long long unit_id = 0;
    int r = household_unit(ctx, &unit_id);
    if (r)
        return r;
    if (form_get(&ctx->query, "new")->present) {
        if (!unit_id)
            return page_error(ctx, 403, "您的账户还没有关联房屋，请先到物业服务中心登记。");
        return render_new(ctx);
    }
    return render_list(ctx, unit_id);
}

static int post_apply(page_ctx *ctx) {
    renovation_form f;
    if (renovation_form_read(ctx, &f)) {
        ctx->resp->status = 422;
        return render_new(ctx);
    }
    renovation_refusal why = {0};
    long long id = 0;
    int r = renovation_apply(ctx, &f, &id, &why);
    if (r)
        return renovation_form_refused(ctx, r, &why, "foreman", render_new);
    return page_redirect(ctx, arena_printf(ctx->arena, "/portal/renovation?id=%lld&saved=apply", id));
}

static int post_change(page_ctx *ctx) {
    const char *action = form_text(&ctx->post, "action");
    if (!*action || form_get(&ctx->post, "action")->error)
        return page_error(ctx, 422, "请选择要办理的事项。");
    if (!form_get(&ctx->post, "version")->present || form_get(&ctx->post, "version")->error)
        return page_error(ctx, 422, "表单缺少版本号，请刷新页面后再操作。");
    renovation c;
    int r = load_case(ctx, &c);
    if (r)
        return r;
    long long id = c.id;
    int version = (int)form_int(&ctx->post, "version");
    renovation_refusal why = {0};
    if (!strcmp(action, "resubmit")) {
        /* The state and the version first: a finished case answers 409 whatever the form says. */
        if (strcmp(c.state, "returned"))
            return page_error(ctx, 409,
                              renovation_state_final(c.state) ? "这个装修申请已结束，不能再办理。"
                                                              : "只有被退回补充的申请可以重新提交。");
        if (version != c.version)
            return page_error(ctx, 409, "这个装修申请刚有变化，请刷新页面后再操作。");
        renovation_form f;
        if (renovation_form_read(ctx, &f)) {
            ctx->resp->status = 422;
            return render_case(ctx);
        }
        r = renovation_resubmit(ctx, id, version, &f, &why);
        if (r)
            return renovation_form_refused(ctx, r, &why, "foreman", render_case);
    } else {
        r = !strcmp(action, "withdraw") ? renovation_withdraw(ctx, id, version, &why)
                                        : renovation_request_acceptance(ctx, id, version, &why);
        if (r < 0)
            return page_db_error(ctx, (db_status)r);
        if (r)
            return page_error(ctx, r, why.message);
    }
    return page_redirect(ctx, arena_printf(ctx->arena, "/portal/renovation?id=%lld&saved=%s", id, action));
}

static int renovation_post(page_ctx *ctx) {
    if (form_get(&ctx->query, "id")->present)
        return post_change(ctx);
    long long unit_id = 0;
    int r = household_unit(ctx, &unit_id);
    if (r)
        return r;
    if (!unit_id)
        return page_error(ctx, 403, "您的账户还没有关联房屋，请先到物业服务中心登记。");
    return post_apply(ctx);
}

static const page renovation_page = {
    .name = "portal/renovation",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = renovation_get,
    .post = renovation_post,
    /* Attachments of 5 MB each; nginx caps a request at 16 MB. */
    .body_max = 16 * 1024 * 1024,
};

int main(void) {
    return page_main(&renovation_page);
}
