/* office/renovation-new.c: /office/renovation-new, a decoration application taken at the
 * counter (客服前台, 装修管理员, 主管, 经理): the unit code, the applicant's name and phone
 * as told, and the same facts as the portal's form. */
#include "../core/page.h"
#include "../domain/renovation_form.h"

static const field post_fields[] = {
    {.name = "unit_code", .kind = FIELD_UNIT_CODE, .flags = FIELD_REQUIRED, .label = "房号"},
    {.name = "applicant_name",
     .kind = FIELD_TEXT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 50,
     .label = "申请人"},
    {.name = "applicant_phone", .kind = FIELD_PHONE, .flags = FIELD_REQUIRED, .label = "申请人电话"},
    RENOVATION_FORM_FIELDS,
    {0},
};

static int may_apply(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_APPLY))
        return page_error(ctx, 403, "您的岗位不能代办装修申请，请联系客服前台或装修管理员。");
    return 0;
}

static int render(page_ctx *ctx) {
    view *body = page_body(ctx, "office/renovation-new.tpl", "代办装修申请");
    if (!body)
        return 500;
    view_set(body, "CSRF", ctx->csrf);
    if (ctx->req->method == METHOD_POST)
        page_form_values(ctx, &ctx->post, body);
    renovation_form_fill(ctx, view_include(body, "FIELDS", "portal/renovation-fields.tpl"), NULL);
    return 0;
}

static int renovation_new_get(page_ctx *ctx) {
    int r = may_apply(ctx);
    return r ? r : render(ctx);
}

static int renovation_new_post(page_ctx *ctx) {
    int r = may_apply(ctx);
    if (r)
        return r;
    renovation_form f;
    if (renovation_form_read(ctx, &f)) {
        ctx->resp->status = 422;
        return render(ctx);
    }
    renovation_refusal why = {0};
    long long id = 0;
    r = renovation_apply(ctx, &f, &id, &why);
    if (r)
        return renovation_form_refused(ctx, r, &why, "unit_code", render);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/renovation?id=%lld&saved=apply", id));
}

static const page renovation_new_page = {
    .name = "office/renovation-new",
    .access = PAGE_STAFF,
    .post_fields = post_fields,
    .get = renovation_new_get,
    .post = renovation_new_post,
    /* Attachments of 5 MB each; nginx caps a request at 16 MB. */
    .body_max = 16 * 1024 * 1024,
};

int main(void) {
    return page_main(&renovation_new_page);
}
