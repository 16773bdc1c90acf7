/* portal/activate.c: /portal/activate, where a resident turns a one-time activation code
 * into a portal account: the phone that becomes the login and a new password. Throttled
 * like the login form so that codes cannot be guessed. */
#include <string.h>

#include "../core/password.h"
#include "../domain/account.h"
#include "../domain/auth.h"

static const field post_fields[] = {
    {.name = "code", .kind = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 20, .label = "激活码"},
    {.name = "phone", .kind = FIELD_PHONE, .flags = FIELD_REQUIRED, .label = "手机号"},
    {.name = "password",
     .kind = FIELD_TEXT,
     .flags = FIELD_REQUIRED | FIELD_SECRET,
     .min = 8,
     .max = 200,
     .label = "新密码"},
    {.name = "password2",
     .kind = FIELD_TEXT,
     .flags = FIELD_REQUIRED | FIELD_SECRET,
     .min = 8,
     .max = 200,
     .label = "确认新密码"},
    {0},
};

static int render_form(page_ctx *ctx) {
    view *body = page_body(ctx, "portal/activate.tpl", "激活业主账户");
    if (!body)
        return 500;
    view_set(body, "CSRF", ctx->csrf);
    if (ctx->req->method == METHOD_POST)
        page_form_values(ctx, &ctx->post, body);
    return 0;
}

static int activate_get(page_ctx *ctx) {
    return render_form(ctx);
}

static int activate_post(page_ctx *ctx) {
    const form *f = &ctx->post;
    const field_value *p2 = form_get(f, "password2");
    if (!form_get(f, "password")->error && !p2->error && strcmp(form_text(f, "password"), p2->text))
        form_set_error(&ctx->post, "password2", "两次输入的密码不一致");
    if (ctx->post.errors) {
        ctx->resp->status = 422;
        return render_form(ctx);
    }
    /* Attempts count against the code's first characters and the address, as logins do. */
    const char *prefix = account_code_prefix(ctx->arena, form_text(f, "code"));
    const char *address = ctx->req->remote_addr;
    long wait = 0;
    db_status s =
        auth_throttle(ctx->arena, ACCOUNT_RESIDENT, prefix, address, ctx->config->login_max_failures,
                      ctx->config->login_window_seconds, ctx->now, &wait);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (wait > 0)
        return page_retry_later(ctx, wait, "激活码输错次数过多，为保护账户安全已暂停激活。",
                                "，或到物业服务中心领取新的激活码。");
    char hash[PASSWORD_HASH_MAX];
    if (password_hash(form_text(f, "password"), hash, sizeof hash) != 0)
        return 500;
    account_activated done;
    account_refusal why = {0};
    int r = account_activate(ctx, form_text(f, "code"), form_text(f, "phone"), hash, &done, &why);
    if (r < 0)
        return page_db_error(ctx, r);
    bool code_refused = r && why.field && !strcmp(why.field, "code");
    if (!r || code_refused) {
        if ((s = auth_record_attempt(ACCOUNT_RESIDENT, prefix, address, r == 0, r ? 0 : done.id, ctx->now)) !=
            DB_OK)
            return page_db_error(ctx, s);
    }
    if (r) {
        ctx->resp->status = r;
        if (why.field && form_declares(&ctx->post, why.field))
            form_set_error(&ctx->post, why.field, why.message);
        else
            return page_error(ctx, r, why.message);
        return render_form(ctx);
    }
    if (page_sign_in(ctx, ACCOUNT_RESIDENT, done.id, done.community_id, done.epoch) != 0)
        return 500;
    return page_redirect(ctx, "/portal/home");
}

static const page activate_page = {
    .name = "portal/activate",
    .access = PAGE_PUBLIC,
    .flags = PAGE_LOGIN_FORM,
    .post_fields = post_fields,
    .get = activate_get,
    .post = activate_post,
    .body_max = 8192,
};

int main(void) {
    return page_main(&activate_page);
}
