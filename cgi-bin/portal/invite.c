/* portal/invite.c: /portal/invite, where an owner invites a family member or tenant of
 * their unit: the person is added to the household and gets an activation code, shown
 * once to print or pass on. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/account.h"
#include "../domain/household.h"

static const char *const relation_choices[] = {"family", "tenant", "other", NULL};

static const field post_fields[] = {
    {.name = "name", .kind = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 50, .label = "姓名"},
    {.name = "phone", .kind = FIELD_PHONE, .flags = FIELD_REQUIRED, .label = "手机号"},
    {.name = "relation",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = relation_choices,
     .label = "关系"},
    {0},
};

static int render_form(page_ctx *ctx) {
    view *body = page_body(ctx, "portal/invite.tpl", "邀请家人");
    if (!body)
        return 500;
    view *f = view_add(body, "FORM");
    view_set(f, "CSRF", ctx->csrf);
    if (ctx->req->method == METHOD_POST) {
        page_form_values(ctx, &ctx->post, f);
        const char *rel = form_text(&ctx->post, "relation");
        for (const char *const *c = relation_choices; *c; c++)
            if (!strcmp(rel, *c))
                view_show(f, arena_printf(ctx->arena, "REL_%s", *c));
    } else {
        view_show(f, "REL_family");
    }
    return 0;
}

static int check_owner(page_ctx *ctx) {
    account_refusal why = {0};
    int s = account_may_invite(ctx, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    return s ? page_error(ctx, s, why.message) : 0;
}

static int invite_get(page_ctx *ctx) {
    int s = check_owner(ctx);
    return s ? s : render_form(ctx);
}

static int invite_post(page_ctx *ctx) {
    int s = check_owner(ctx);
    if (s)
        return s;
    if (ctx->post.errors) {
        ctx->resp->status = 422;
        return render_form(ctx);
    }
    account_code code;
    account_refusal why = {0};
    s = account_invite(ctx, form_text(&ctx->post, "name"), form_text(&ctx->post, "phone"),
                       form_text(&ctx->post, "relation"), &code, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s) {
        if (!why.field || !form_declares(&ctx->post, why.field))
            return page_error(ctx, s, why.message);
        ctx->resp->status = s;
        form_set_error(&ctx->post, why.field, why.message);
        return render_form(ctx);
    }
    /* The code is shown in this answer only (never stored, never in a URL): a 200, not
     * a redirect. */
    view *body = page_body(ctx, "portal/invite.tpl", "邀请家人");
    if (!body)
        return 500;
    view *c = view_add(body, "CODE");
    view_set(c, "CODE", code.code);
    view_set(c, "PERSON_NAME", code.person_name);
    view_set(c, "UNIT_CODE", code.unit_code);
    view_set(c, "RELATION_NAME", household_relation_name(code.relation));
    view_set(c, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(c, "EXPIRES",
             clock_format(ctx->arena, code.expires, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    return 0;
}

static const page invite_page = {
    .name = "portal/invite",
    .access = PAGE_RESIDENT,
    .post_fields = post_fields,
    .get = invite_get,
    .post = invite_post,
    .body_max = 8192,
};

int main(void) {
    return page_main(&invite_page);
}
