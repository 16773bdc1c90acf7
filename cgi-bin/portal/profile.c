/* portal/profile.c: /portal/profile, the resident's own profile (我的资料): who they are,
 * their household's contacts (the owner edits them), their password, and the units they
 * belong to, with a switch between them. */
#include <string.h>

#include "../core/page.h"
#include "../core/password.h"
#include "../domain/household.h"
#include "../domain/profile.h"

static const char *const saved_choices[] = {"contact", "password", "switch", NULL};
static const field query_fields[] = {
    {.name = "saved", .kind = FIELD_ENUM, .choices = saved_choices, .label = "已保存"},
    {0},
};

static const char *const action_choices[] = {"contact", "password", "switch", NULL};
static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "person", .kind = FIELD_INT, .min = 1, .max = 1000000000000LL, .label = "成员"},
    {.name = "phone", .kind = FIELD_PHONE, .label = "联系电话"},
    {.name = "emergency_contact", .kind = FIELD_TEXT, .min = 0, .max = 100, .label = "紧急联系人"},
    {.name = "current", .kind = FIELD_TEXT, .flags = FIELD_SECRET, .min = 1, .max = 200, .label = "当前密码"},
    {.name = "password", .kind = FIELD_TEXT, .flags = FIELD_SECRET, .min = 8, .max = 200, .label = "新密码"},
    {.name = "password2",
     .kind = FIELD_TEXT,
     .flags = FIELD_SECRET,
     .min = 8,
     .max = 200,
     .label = "再次输入新密码"},
    {.name = "unit", .kind = FIELD_INT, .min = 1, .max = 1000000000000LL, .label = "房屋"},
    {0},
};

static const char *saved_notice(const char *saved) {
    if (!strcmp(saved, "contact"))
        return "已保存：联系方式已更新。";
    if (!strcmp(saved, "password"))
        return "已保存：密码已修改，其他设备上的登录已全部退出。";
    if (!strcmp(saved, "switch"))
        return "已保存：已切换当前房屋，首页和工单将显示这套房屋。";
    return NULL;
}

/* True when the posted form is action's, so its values and errors go back into it. */
static bool posted_as(const page_ctx *ctx, const char *action) {
    return ctx->req->method == METHOD_POST && !strcmp(form_text(&ctx->post, "action"), action);
}

/* Fills a contact form's values: the stored ones, or what was posted for this person. */
static void fill_contact(page_ctx *ctx, view *f, long long person_id, const char *phone,
                         const char *emergency) {
    view_set_int(f, "PERSON_ID", person_id);
    if (posted_as(ctx, "contact") && form_int(&ctx->post, "person") == person_id) {
        page_form_values(ctx, &ctx->post, f);
        view_show(f, "OPEN");
        return;
    }
    view_set(f, "PHONE", phone);
    view_set(f, "EMERGENCY_CONTACT", emergency);
}

static int render(page_ctx *ctx) {
    profile p;
    int r = profile_load(ctx->arena, ctx->user.id, &p);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r)
        return page_error(ctx, r, NULL);
    view *body = page_body(ctx, "portal/profile.tpl", "我的资料");
    if (!body)
        return 500;
    view_set(body, "CSRF", ctx->csrf);
    view_set(body, "UNIT_CODE", p.current_unit_code);
    const field_value *saved = form_get(&ctx->query, "saved");
    if (ctx->req->method == METHOD_GET && saved->present && !saved->error) {
        view *n = view_add(body, "SAVED");
        view_set(n, "WHAT", saved->text);
        view_set(n, "TEXT", saved_notice(saved->text));
    }

    view_set(body, "NAME", p.name);
    view_set(body, "LOGIN", p.login);
    view_set(body, "OWN_PHONE", p.phone && p.phone[0] ? p.phone : "未登记");
    view_set(body, "OWN_EMERGENCY",
             p.emergency_contact && p.emergency_contact[0] ? p.emergency_contact : "未登记");
    fill_contact(ctx, view_add(body, "SELF_FORM"), p.person_id, p.phone, p.emergency_contact);

    if (!p.unit_count)
        view_show(body, "NO_UNITS");
    for (size_t i = 0; i < p.unit_count; i++) {
        view *u = view_add(body, "UNIT");
        view_set_int(u, "ID", p.units[i].id);
        view_set(u, "CODE", p.units[i].code);
        view_set(u, "BUILDING", p.units[i].building_name);
        view_set(u, "RELATION", household_relation_name(p.units[i].relation));
        if (p.units[i].is_current)
            view_show(u, "CURRENT");
        else
            view_show(u, "SWITCH");
    }
    if (posted_as(ctx, "switch"))
        page_form_values(ctx, &ctx->post, view_add(body, "SWITCH_ERRORS"));

    if (p.current_unit_id) {
        view *h = view_add(body, "HOUSEHOLD");
        view_set(h, "HOUSEHOLD_UNIT", p.current_unit_code);
        if (p.is_owner)
            view_show(h, "OWNER_HINT");
        for (size_t i = 0; i < p.member_count; i++) {
            const profile_member *m = &p.members[i];
            view *row = view_add(h, "MEMBER");
            view_set_int(row, "PERSON_ID", m->person_id);
            view_set(row, "NAME", m->name);
            view_set(row, "RELATION", household_relation_name(m->relation));
            view_set(row, "PHONE_SHOWN", m->phone && m->phone[0] ? m->phone : "—");
            view_set(row, "EMERGENCY_SHOWN",
                     m->emergency_contact && m->emergency_contact[0] ? m->emergency_contact : "—");
            if (m->is_self)
                view_show(row, "SELF");
            else if (p.is_owner)
                fill_contact(ctx, view_add(row, "EDIT"), m->person_id, m->phone, m->emergency_contact);
        }
    }

    view *pw = view_add(body, "PASSWORD_FORM");
    if (posted_as(ctx, "password")) {
        page_form_values(ctx, &ctx->post, pw);
        view_show(pw, "OPEN");
    }
    return 0;
}

static int profile_get(page_ctx *ctx) {
    return render(ctx);
}

static int redirect_saved(page_ctx *ctx, const char *what) {
    return page_redirect(ctx, arena_printf(ctx->arena, "/portal/profile?saved=%s", what));
}

static int refused(page_ctx *ctx, int r) {
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r == 403)
        return page_error(ctx, 403, "只有房屋的业主可以修改其他家庭成员的联系方式。");
    if (r == 404)
        return page_error(ctx, 404, "没有找到该成员或房屋，或它不属于您。请返回“我的资料”重新选择。");
    return page_error(ctx, r, NULL);
}

static int post_contact(page_ctx *ctx) {
    form *f = &ctx->post;
    if (!form_get(f, "person")->present && !form_get(f, "person")->error)
        return page_error(ctx, 422, "请从页面上的表单提交。");
    if (f->errors) {
        ctx->resp->status = 422;
        return render(ctx);
    }
    int r = profile_set_contact(ctx, form_int(f, "person"), form_text(f, "phone"),
                                form_text(f, "emergency_contact"));
    if (r)
        return refused(ctx, r);
    return redirect_saved(ctx, "contact");
}

static int post_password(page_ctx *ctx) {
    form *f = &ctx->post;
    static const char *const names[] = {"current", "password", "password2"};
    for (int i = 0; i < 3; i++)
        if (!form_get(f, names[i])->present && !form_get(f, names[i])->error)
            form_set_error(f, names[i], i == 0 ? "请输入当前密码" : "请输入新密码，至少 8 个字符");
    if (!f->errors && strcmp(form_text(f, "password"), form_text(f, "password2")))
        form_set_error(f, "password2", "两次输入的新密码不一致");
    if (f->errors) {
        ctx->resp->status = 422;
        return render(ctx);
    }
    bool matches;
    long wait;
    int r = profile_check_password(ctx, form_text(f, "current"), &matches, &wait);
    if (r)
        return refused(ctx, r);
    if (wait > 0)
        return page_retry_later(ctx, wait, "密码输错次数过多，为保护账户安全已暂停验证当前密码。",
                                "；如忘记密码，请联系物业服务中心。");
    if (!matches) {
        form_set_error(f, "current", "当前密码不正确");
        ctx->resp->status = 422;
        return render(ctx);
    }
    char hash[PASSWORD_HASH_MAX];
    if (password_hash(form_text(f, "password"), hash, sizeof hash) != 0)
        return 500;
    long long epoch = 0;
    if ((r = profile_set_password(ctx, hash, &epoch)) != 0)
        return refused(ctx, r);
    /* Every cookie of the old epoch is void now, this browser's too: sign it in again. */
    if (page_sign_in(ctx, ACCOUNT_RESIDENT, ctx->user.id, ctx->user.community_id, epoch) != 0)
        return 500;
    return redirect_saved(ctx, "password");
}

static int post_switch(page_ctx *ctx) {
    form *f = &ctx->post;
    if (!form_get(f, "unit")->present && !form_get(f, "unit")->error)
        form_set_error(f, "unit", "请选择房屋");
    if (f->errors) {
        ctx->resp->status = 422;
        return render(ctx);
    }
    int r = profile_switch_unit(ctx, form_int(f, "unit"));
    if (r)
        return refused(ctx, r);
    return redirect_saved(ctx, "switch");
}

static int profile_post(page_ctx *ctx) {
    if (form_get(&ctx->post, "action")->error || !form_get(&ctx->post, "action")->present)
        return page_error(ctx, 422, "请从页面上的按钮提交操作。");
    const char *action = form_text(&ctx->post, "action");
    if (!strcmp(action, "contact"))
        return post_contact(ctx);
    if (!strcmp(action, "password"))
        return post_password(ctx);
    return post_switch(ctx);
}

static const page profile_page = {
    .name = "portal/profile",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = profile_get,
    .post = profile_post,
};

int main(void) {
    return page_main(&profile_page);
}
