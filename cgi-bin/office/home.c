/* office/home.c: /office/home, the staff member's start page: who they are in this
 * community and their recent sign-ins. */
#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/staff.h"

#define RECENT_LOGINS 5

static int home_get(page_ctx *ctx) {
    staff_profile p;
    db_status s = staff_load(ctx->arena, ctx->user.id, ctx->user.community_id, RECENT_LOGINS, &p);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/home.tpl", "工作台");
    if (!body)
        return 500;
    view_set(body, "NAME", p.name);
    view_set(body, "LOGIN", p.login);
    view_set(body, "PHONE", p.phone);
    view_set(body, "DEPARTMENT", p.department);
    view_set(body, "COMMUNITY_NAME", p.community_name);
    view_set(body, "ROLE_CODE", ctx->user.roles);
    for (size_t i = 0; i < p.role_count; i++)
        view_set(view_add(body, "ROLE"), "NAME", p.roles[i]);
    for (size_t i = 0; i < p.login_count; i++) {
        view *row = view_add(body, "LOGIN_ROW");
        view_set(row, "AT",
                 clock_format(ctx->arena, p.logins[i].at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
        view_set(row, "ADDRESS", p.logins[i].address);
        view_set(row, "RESULT", p.logins[i].success ? "成功" : "失败");
        view_set(row, "RESULT_CLASS", p.logins[i].success ? "ok" : "bad");
    }
    view_set(body, "TODAY", clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y年%m月%d日"));
    return 0;
}

static const page home_page = {
    .name = "office/home",
    .access = PAGE_STAFF,
    .get = home_get,
};

int main(void) {
    return page_main(&home_page);
}
