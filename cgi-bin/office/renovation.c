/* office/renovation.c: /office/renovation?id=N, 概况 of a decoration case: the shared head,
 * the applicant, scope, description, the undertaking, the attachments, every step, and for
 * a case waiting for review the checklist review (return for more documents, or refuse);
 * withdrawal of a submitted or returned case. POST action=review (decision, checklist,
 * note) or withdraw, each with the case's version. */
#include <string.h>

#include "../core/page.h"
#include "../domain/renovation_apply.h"
#include "../domain/renovation_form.h"

static const char *const saved_choices[] = {"apply", "return", "refuse", "withdraw", NULL};
static const char *const action_choices[] = {"review", "withdraw", NULL};
static const char *const decision_choices[] = {"return", "refuse", NULL};

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "装修申请"},
    {.name = "saved", .kind = FIELD_ENUM, .choices = saved_choices, .label = "已保存"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "version",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 1000000000,
     .label = "版本"},
    {.name = "decision", .kind = FIELD_ENUM, .choices = decision_choices, .label = "审核结果"},
    {.name = "checklist",
     .kind = FIELD_ENUM,
     .flags = FIELD_REPEATED,
     .choices = renovation_checklist,
     .max_count = 7,
     .label = "核对项目"},
    {.name = "note",
     .kind = FIELD_TEXT,
     .flags = FIELD_MULTILINE,
     .min = 0,
     .max = 1000,
     .label = "审核意见"},
    {0},
};

static const char *saved_message(const char *saved) {
    return !strcmp(saved, "apply")    ? "装修申请已登记，等待审核。"
           : !strcmp(saved, "return") ? "已退回补充，业主会在业主端看到退回原因。"
           : !strcmp(saved, "refuse") ? "已不予批准，申请结束。"
                                      : "装修申请已撤回。";
}

static int load(page_ctx *ctx, renovation *c) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修管理。");
    bool found = false;
    int r = renovation_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), c, &found);
    if (r)
        return page_db_error(ctx, (db_status)r);
    if (!found)
        return page_error(ctx, 404, "没有这个装修申请，或它不属于本小区。");
    return 0;
}

/* True when the comma list set holds code. */
static bool set_has(const char *set, const char *code) {
    size_t n = strlen(code);
    for (const char *p = set; *p;) {
        size_t m = strcspn(p, ",");
        if (m == n && !strncmp(p, code, n))
            return true;
        p += m + (p[m] == ',');
    }
    return false;
}

static void fill_review(page_ctx *ctx, view *d, const renovation *c) {
    view *f = view_add(d, "REVIEW");
    view_set(f, "CSRF", ctx->csrf);
    view_set_int(f, "ID", c->id);
    view_set_int(f, "VERSION", c->version);
    bool posted = ctx->req->method == METHOD_POST && !strcmp(form_text(&ctx->post, "action"), "review");
    const char *checked = "";
    if (posted) {
        page_form_values(ctx, &ctx->post, f);
        const field_value *v = form_get(&ctx->post, "checklist");
        for (size_t i = 0; v->more && i < v->nmore; i++)
            checked = arena_printf(ctx->arena, "%s,%s", checked, v->more[i]->value);
        const char *decision = form_text(&ctx->post, "decision");
        if (*decision)
            view_show(f, !strcmp(decision, "refuse") ? "REFUSE_CHECKED" : "RETURN_CHECKED");
    }
    for (const char *const *k = renovation_checklist; *k; k++) {
        view *o = view_add(f, "CHECK");
        view_set(o, "CODE", *k);
        view_set(o, "NAME", renovation_checklist_name(*k));
        if (set_has(*checked == ',' ? checked + 1 : checked, *k))
            view_show(o, "CHECKED");
    }
}

static int render(page_ctx *ctx) {
    renovation c;
    int r = load(ctx, &c);
    if (r)
        return r;
    view *body = page_body(ctx, "office/renovation.tpl", arena_printf(ctx->arena, "%s 装修", c.unit_code));
    if (!body)
        return 500;
    renovation_view_head(ctx->arena, body, &c, "case");
    const char *saved = form_text(&ctx->query, "saved");
    if (ctx->req->method != METHOD_POST && *saved) {
        view *s = view_add(body, "SAVED");
        view_set(s, "WHAT", saved);
        view_set(s, "MESSAGE", saved_message(saved));
    }
    view *d = view_add(body, "CASE");
    renovation_form_facts(ctx, d, &c);
    if ((r = renovation_form_files(ctx, d, &c, "/office/renovation-file")) != 0 ||
        (r = renovation_form_steps(ctx, d, &c)) != 0)
        return page_db_error(ctx, (db_status)r);
    const char *approve = ctx->config->renovation_approve_roles;
    if (!strcmp(c.state, "submitted") && renovation_may(ctx->user.roles, approve, RENO_REVIEW))
        fill_review(ctx, d, &c);
    if ((!strcmp(c.state, "submitted") || !strcmp(c.state, "returned")) &&
        renovation_may(ctx->user.roles, approve, RENO_APPLY)) {
        view *w = view_add(d, "WITHDRAW");
        view_set(w, "CSRF", ctx->csrf);
        view_set_int(w, "ID", c.id);
        view_set_int(w, "VERSION", c.version);
    }
    return 0;
}

static int renovation_get(page_ctx *ctx) {
    return render(ctx);
}

static int renovation_post(page_ctx *ctx) {
    renovation c;
    int r = load(ctx, &c);
    if (r)
        return r;
    if (form_get(&ctx->post, "action")->error || form_get(&ctx->post, "version")->error)
        return page_error(ctx, 422, "表单不完整，请刷新页面后再操作。");
    const char *action = form_text(&ctx->post, "action");
    int version = (int)form_int(&ctx->post, "version");
    bool review = !strcmp(action, "review");
    const char *approve = ctx->config->renovation_approve_roles;
    /* Who, then the state and the version, before what the form says. */
    if (!renovation_may(ctx->user.roles, approve, review ? RENO_REVIEW : RENO_APPLY))
        return page_error(ctx, 403,
                          review ? "您的岗位不能审核装修申请，请联系装修管理员或主管。"
                                 : "您的岗位不能撤回装修申请。");
    if (renovation_state_final(c.state))
        return page_error(
            ctx, 409,
            arena_printf(ctx->arena, "这个装修申请已%s，不能再办理。", renovation_state_name(c.state)));
    if (version != c.version)
        return page_error(ctx, 409, "这个装修申请刚被他人办理过，请刷新页面后再操作。");
    renovation_refusal why = {0};
    const char *saved = action;
    if (review) {
        const char *checklist = "";
        const field_value *v = form_get(&ctx->post, "checklist");
        for (size_t i = 0; v->more && !v->error && i < v->nmore; i++)
            checklist = *checklist ? arena_printf(ctx->arena, "%s,%s", checklist, v->more[i]->value)
                                   : v->more[i]->value;
        const char *decision =
            form_get(&ctx->post, "decision")->error ? "" : form_text(&ctx->post, "decision");
        r = ctx->post.errors ? settlement_refuse(&why, 422, "note", "请检查审核意见") : 0;
        if (!r)
            r = renovation_review(ctx, c.id, version, decision, checklist, form_text(&ctx->post, "note"),
                                  &why);
        saved = decision;
    } else {
        r = renovation_withdraw(ctx, c.id, version, &why);
    }
    if (r)
        return renovation_form_refused(ctx, r, &why, "note", render);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/renovation?id=%lld&saved=%s", c.id, saved));
}

static const page renovation_page = {
    .name = "office/renovation",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = renovation_get,
    .post = renovation_post,
};

int main(void) {
    return page_main(&renovation_page);
}
