/* signin.c: login and logout for both areas. A wrong login and a wrong password get
 * the same answer and take the same time, so the form does not tell which logins exist. */
#include "signin.h"

#include <string.h>

#include "../domain/audit.h"
#include "../domain/auth.h"
#include "log.h"
#include "password.h"

const field signin_fields[] = {
    {.name = "login", .kind = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 100, .label = "账号"},
    {.name = "password",
     .kind = FIELD_TEXT,
     .flags = FIELD_REQUIRED | FIELD_SECRET,
     .min = 1,
     .max = 200,
     .label = "密码"},
    {0},
};

static const char *const bye_choices[] = {"1", NULL};
const field signin_query_fields[] = {
    {.name = "bye", .kind = FIELD_ENUM, .choices = bye_choices, .label = "退出提示"},
    {0},
};

/* A hash of nothing anyone types, verified when the login does not exist so that both
 * paths cost one scrypt. Made at first use. */
static const char *decoy_hash(void) {
    static char hash[PASSWORD_HASH_MAX];
    if (!hash[0] && password_hash("wuye-decoy-password", hash, sizeof hash) != 0)
        hash[0] = '\0';
    return hash;
}

static bool is_staff(const page_ctx *ctx) {
    return !strncmp(ctx->page->name, "office/", 7);
}

static const char *home_path(const page_ctx *ctx) {
    return is_staff(ctx) ? "/office/home" : "/portal/home";
}

static int render_form(page_ctx *ctx, const char *notice) {
    bool staff = is_staff(ctx);
    view *body = page_body(ctx, "layout/login.tpl", staff ? "员工登录" : "业主登录");
    if (!body)
        return 500;
    view_set(body, "ACTION", staff ? "/office/login" : "/portal/login");
    view_set(body, "HEADING", staff ? "物业管理后台 · 员工登录" : "业主服务 · 登录");
    view_set(body, "LOGIN_LABEL", staff ? "用户名" : "手机号或邮箱");
    view_set(body, "LOGIN_HINT", staff ? "由管理处分配的登录名" : "入伙时登记的手机号");
    view_set(body, "CSRF", ctx->csrf);
    if (!staff) /* residents without an account yet start at /portal/activate */
        view_show(body, "ACTIVATE_LINK");
    if (notice)
        view_set(view_add(body, "NOTICE"), "TEXT", notice);
    if (ctx->req->method == METHOD_POST)
        page_form_values(ctx, &ctx->post, body);
    return 0;
}

int signin_get(page_ctx *ctx) {
    if (ctx->signed_in)
        return page_redirect(ctx, home_path(ctx));
    return render_form(ctx, form_get(&ctx->query, "bye")->present ? "您已安全退出。" : NULL);
}

int signin_post(page_ctx *ctx) {
    if (ctx->post.errors) {
        ctx->resp->status = 422;
        return render_form(ctx, NULL);
    }
    char kind = is_staff(ctx) ? ACCOUNT_STAFF : ACCOUNT_RESIDENT;
    const char *login = form_text(&ctx->post, "login");
    const char *address = ctx->req->remote_addr;
    long wait = 0;
    auth_account account;
    bool found;
    db_status s = auth_find(ctx->arena, kind, login, &account, &found);
    if (s == DB_OK)
        s = auth_throttle_account(ctx->arena, kind, login, found ? account.id : 0, address,
                                  ctx->config->login_max_failures, ctx->config->login_window_seconds,
                                  ctx->now, &wait);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (wait > 0)
        return page_retry_later(ctx, wait, "登录失败次数过多，为保护账户安全已暂停登录。",
                                "；如忘记密码，请联系物业服务中心。");
    const char *password = form_text(&ctx->post, "password");
    const char *decoy = decoy_hash();
    if (!found && !*decoy) /* never answer an unknown login faster than a known one */
        return 500;
    /* Recorded as a failure before the password is checked, so that attempts racing on
     * other page processes see it; a good password turns it into a success. */
    long long attempt;
    if ((s = auth_attempt_begin(ctx->arena, kind, login, address, found ? account.id : 0, ctx->now,
                                &attempt)) != DB_OK)
        return page_db_error(ctx, s);
    bool good = password_verify(password, found ? account.password_hash : decoy) && found;
    if (good && (s = auth_attempt_succeeded(attempt)) != DB_OK)
        return page_db_error(ctx, s);
    if (!good) {
        ctx->resp->status = 422;
        form_set_error(&ctx->post, "password",
                       kind == ACCOUNT_STAFF ? "用户名或密码不正确" : "账号或密码不正确");
        return render_form(ctx, NULL);
    }
    if (account.disabled) {
        ctx->resp->status = 403;
        form_set_error(&ctx->post, "login", "该账户已停用，请联系物业服务中心");
        return render_form(ctx, NULL);
    }
    char upgraded[PASSWORD_HASH_MAX];
    const char *new_hash = NULL;
    if (password_needs_rehash(account.password_hash) &&
        password_hash(password, upgraded, sizeof upgraded) == 0)
        new_hash = upgraded;
    if ((s = db_begin()) != DB_OK || (s = auth_signed_in(kind, account.id, new_hash, ctx->now)) != DB_OK ||
        (s = audit_record_as(ctx, kind, account.id, account.community_id, "login",
                             kind == ACCOUNT_STAFF ? "staff" : "account", account.id, NULL)) != DB_OK ||
        (s = db_commit()) != DB_OK)
        return page_db_error(ctx, s);
    if (page_sign_in(ctx, kind, account.id, account.community_id, account.epoch) != 0)
        return 500;
    return page_redirect(ctx, home_path(ctx));
}

int signin_logout(page_ctx *ctx) {
    char kind = is_staff(ctx) ? ACCOUNT_STAFF : ACCOUNT_RESIDENT;
    db_status s;
    if ((s = db_begin()) != DB_OK || (s = auth_end_sessions(kind, ctx->user.id)) != DB_OK ||
        (s = audit_record(ctx, "logout", kind == ACCOUNT_STAFF ? "staff" : "account", ctx->user.id, NULL)) !=
            DB_OK ||
        (s = db_commit()) != DB_OK)
        return page_db_error(ctx, s);
    page_sign_out(ctx);
    return page_redirect(ctx, is_staff(ctx) ? "/office/login?bye=1" : "/portal/login?bye=1");
}
