/* office/person.c: /office/person?id=N, one person of the archive: contacts, units,
 * editing; reveal=1 shows the full ID number to the roles allowed to see it, and every
 * such view is written to the audit log. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/account.h"
#include "../domain/archive.h"

#define ID_MAX 999999999999LL

static const char *const one_choices[] = {"1", NULL};

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .flags = FIELD_REQUIRED, .min = 1, .max = ID_MAX, .label = "住户"},
    {.name = "reveal", .kind = FIELD_ENUM, .choices = one_choices, .label = "显示证件号码"},
    {0},
};

/* The account section's buttons; without action the POST is the edit form. */
static const char *const action_choices[] = {"account_code", "account_disable", "account_enable", NULL};

static const field post_fields[] = {
    {.name = "action", .kind = FIELD_ENUM, .choices = action_choices, .label = "操作"},
    {.name = "name", .kind = FIELD_TEXT, .min = 1, .max = 50, .label = "姓名"},
    {.name = "id_number", .kind = FIELD_TEXT, .max = 30, .label = "证件号码"},
    {.name = "phone", .kind = FIELD_PHONE, .label = "电话"},
    {.name = "email", .kind = FIELD_TEXT, .max = 100, .label = "电子邮箱"},
    {.name = "birthday", .kind = FIELD_DATE, .label = "生日"},
    {.name = "employer", .kind = FIELD_TEXT, .max = 100, .label = "工作单位"},
    {.name = "emergency_contact", .kind = FIELD_TEXT, .max = 100, .label = "紧急联系人"},
    {.name = "notes", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 500, .label = "备注"},
    {0},
};

static int render(page_ctx *ctx, const archive_person *p, bool failed) {
    bool see = archive_roles_see_id(ctx->user.roles);
    bool reveal = see && form_get(&ctx->query, "reveal")->present && !failed;
    if (reveal && p->id_number[0]) {
        int s = archive_person_reveal(ctx, p->id);
        if (s < 0)
            return page_db_error(ctx, s);
    }
    archive_occupant *units;
    size_t n;
    int s = archive_person_units(ctx->arena, p->id, &units, &n);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/person.tpl", p->name);
    if (!body)
        return 500;
    view_set_int(body, "ID", p->id);
    view_set(body, "PERSON_NAME", p->name);
    view_set(body, "ID_SHOWN",
             p->id_number[0] ? (reveal ? p->id_number : archive_mask_id(ctx->arena, p->id_number)) : "—");
    view_set(body, "ID_MASKED", reveal ? "0" : "1");
    if (see && !reveal && p->id_number[0])
        view_show(body, "MAY_REVEAL");
    view_set(body, "SHOW_PHONE", p->phone[0] ? p->phone : "—");
    view_set(body, "SHOW_EMAIL", p->email[0] ? p->email : "—");
    view_set(body, "SHOW_BIRTHDAY", p->birthday[0] ? p->birthday : "—");
    view_set(body, "SHOW_EMPLOYER", p->employer[0] ? p->employer : "—");
    view_set(body, "SHOW_EMERGENCY", p->emergency_contact[0] ? p->emergency_contact : "—");
    view_set(body, "SHOW_NOTES", p->notes);
    for (size_t i = 0; i < n; i++) {
        view *r = view_add(body, "UNIT");
        view_set_int(r, "UNIT_OCCUPANCY", units[i].id);
        view_set(r, "CODE", units[i].phone); /* archive_person_units puts the unit code here */
        view_set(r, "RELATION_NAME", archive_relation_name(units[i].relation));
        view_set(r, "PERIOD",
                 units[i].until[0] ? arena_printf(ctx->arena, "%s 至 %s", units[i].since, units[i].until)
                                   : arena_printf(ctx->arena, "%s 起", units[i].since));
        if (!units[i].until[0])
            view_show(r, "CURRENT");
    }
    account_state acc;
    if ((s = account_state_load(ctx->arena, ctx->user.community_id, p->id, &acc)) < 0)
        return page_db_error(ctx, s);
    view *a = view_add(body, "ACCOUNT");
    view_set(a, "ACCOUNT_STATE", !acc.id ? "none" : acc.disabled ? "disabled" : "active");
    view_set(a, "ACCOUNT_STATE_NAME", !acc.id ? "未开通" : acc.disabled ? "已停用" : "正常");
    if (acc.id) {
        view *d = view_add(a, "HAS_ACCOUNT");
        view_set(d, "LOGIN", acc.login);
        view_set(d, "LAST_LOGIN",
                 acc.last_login
                     ? clock_format(ctx->arena, acc.last_login, ctx->user.community_zone, "%Y-%m-%d %H:%M")
                     : "从未登录");
    }
    if (acc.pending_expires)
        view_set(view_add(a, "PENDING"), "UNTIL",
                 clock_format(ctx->arena, acc.pending_expires, ctx->user.community_zone, "%Y-%m-%d"));
    if (archive_roles_may_act(ctx->user.roles)) {
        view *b = view_add(a, "ACCOUNT_ACTIONS");
        view_set(b, "CSRF", ctx->csrf);
        view_set_int(b, "ID", p->id);
        if (acc.id)
            view_show(b, acc.disabled ? "MAY_ENABLE" : "MAY_DISABLE");
    }
    if (!archive_roles_may_act(ctx->user.roles))
        return 0;
    view *f = view_add(body, "EDIT");
    view_set(f, "CSRF", ctx->csrf);
    view_set_int(f, "ID", p->id);
    if (failed) {
        page_form_values(ctx, &ctx->post, f);
        view_show(f, "OPEN");
    } else {
        view_set(f, "NAME", p->name);
        view_set(f, "PHONE", p->phone);
        view_set(f, "EMAIL", p->email);
        view_set(f, "BIRTHDAY", p->birthday);
        view_set(f, "EMPLOYER", p->employer);
        view_set(f, "EMERGENCY_CONTACT", p->emergency_contact);
        view_set(f, "NOTES", p->notes);
    }
    if (see)
        view_show(f, "IDENTITY");
    return 0;
}

static int load(page_ctx *ctx, archive_person *p) {
    archive_refusal why = {0};
    int s = archive_person_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), p, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, why.message);
    return 0;
}

static int person_get(page_ctx *ctx) {
    archive_person p;
    int s = load(ctx, &p);
    return s ? s : render(ctx, &p, false);
}

/* The activation slip: the code is in this one answer only (never stored, never in a
 * URL), so it is a 200 to print now rather than a redirect. */
static int render_slip(page_ctx *ctx, const account_code *code) {
    view *body = page_body(ctx, "office/activation-slip.tpl", "业主服务激活码");
    if (!body)
        return 500;
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "PERSON_NAME", code->person_name);
    view_set(body, "UNIT_CODE", code->unit_code);
    view_set(body, "RELATION_NAME", archive_relation_name(code->relation));
    view_set(body, "CODE", code->code);
    view_set(body, "EXPIRES",
             clock_format(ctx->arena, code->expires, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    view_set(body, "PRINTED_AT",
             clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    view_set(body, "PRINTED_BY", ctx->user.name);
    return 0;
}

static int account_post(page_ctx *ctx, const archive_person *p, const char *action) {
    account_refusal why = {0};
    account_code code;
    int s = !strcmp(action, "account_code")
                ? account_issue(ctx, p->id, &code, &why)
                : account_set_disabled(ctx, p->id, !strcmp(action, "account_disable"), &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, why.message);
    if (!strcmp(action, "account_code"))
        return render_slip(ctx, &code);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/person?id=%lld", p->id));
}

static int person_post(page_ctx *ctx) {
    archive_person p;
    int s = load(ctx, &p);
    if (s)
        return s;
    if (!archive_roles_may_act(ctx->user.roles))
        return page_error(ctx, 403, "您的岗位只能查看住户档案。");
    if (form_get(&ctx->post, "action")->present)
        return account_post(ctx, &p, form_text(&ctx->post, "action"));
    bool identity = archive_roles_see_id(ctx->user.roles);
    const form *f = &ctx->post;
    if (!identity && (form_get(f, "name")->present || form_get(f, "id_number")->present))
        return page_error(ctx, 403, "姓名和证件号码只有资料管理员或管理处主任可以修改。");
    const field_value *email = form_get(f, "email");
    if (email->present && !email->error && !strchr(email->text, '@'))
        form_set_error(&ctx->post, "email", "电子邮箱应包含 @，例如 name@example.com");
    if (identity && !form_get(f, "name")->present && !form_get(f, "name")->error)
        form_set_error(&ctx->post, "name", "请填写姓名");
    if (ctx->post.errors) {
        ctx->resp->status = 422;
        return render(ctx, &p, true);
    }
    archive_person next = p;
    next.phone = form_text(f, "phone");
    next.email = form_text(f, "email");
    next.birthday = form_text(f, "birthday");
    next.employer = form_text(f, "employer");
    next.emergency_contact = form_text(f, "emergency_contact");
    next.notes = form_text(f, "notes");
    if (identity) {
        next.name = form_text(f, "name");
        /* The form never shows the number (that would be an unaudited view): empty keeps it. */
        if (form_get(f, "id_number")->present)
            next.id_number = form_text(f, "id_number");
    }
    archive_refusal why = {0};
    s = archive_person_save(ctx, &next, identity, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/person?id=%lld", p.id));
}

static const page person_page = {
    .name = "office/person",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = person_get,
    .post = person_post,
};

int main(void) {
    return page_main(&person_page);
}
