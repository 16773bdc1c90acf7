/* office/new-ticket.c: /office/new-ticket, a request taken at the counter or on the
 * phone (来电来访来信). The staff member who records it owns it (首问负责). */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/ticket.h"
#include "../domain/ticket_form.h"

/* Photos plus the text fields and the multipart framing. */
#define NEW_TICKET_BODY_MAX (16u * 1024 * 1024)

static const field query_fields[] = {
    {.name = "kind", .kind = FIELD_ENUM, .choices = ticket_kinds, .label = "类型"},
    {0},
};

static const field post_fields[] = {
    TICKET_FORM_FIELDS("类别", "具体位置", "内容", "预约时间"),
    {.name = "channel", .kind = FIELD_ENUM, .choices = ticket_channels, .label = "来源"},
    {.name = "unit", .kind = FIELD_UNIT_CODE, .label = "房号"},
    {.name = "reporter_name", .kind = FIELD_TEXT, .max = 50, .label = "报事人"},
    {.name = "reporter_phone", .kind = FIELD_PHONE, .label = "报事人电话"},
    {.name = "severity", .kind = FIELD_ENUM, .choices = ticket_severities, .label = "紧急程度"},
    {0},
};

/* A form value, or fallback when it was not sent. */
static const char *value_or(const page_ctx *ctx, const char *name, const char *fallback) {
    const field_value *v = form_get(&ctx->post, name);
    return v->present ? v->text : fallback;
}

/* Adds the options of a code list with their Chinese names, marking current. */
static void add_choices(view *body, const char *section, const char *const codes[],
                        const char *(*name_of)(const char *), const char *current) {
    for (size_t i = 0; codes[i]; i++) {
        view *o = view_add(body, section);
        view_set(o, "CODE", codes[i]);
        view_set(o, "NAME", name_of(codes[i]));
        if (current && !strcmp(current, codes[i]))
            view_show(o, "SELECTED");
    }
}

/* The form, empty (GET) or with what was entered and its errors (a refused POST). */
static int render_form(page_ctx *ctx, const char *kind, const char *notice) {
    ticket_category *cats;
    size_t ncats;
    int s = ticket_categories(ctx->arena, ctx->user.community_id, &cats, &ncats);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/new-ticket.tpl", "登记工单");
    if (!body)
        return 500;
    bool posted = ctx->req->method == METHOD_POST;
    view_set(body, "CSRF", ctx->csrf);
    view_set(body, "KIND", kind);
    view_set(body, "KIND_NAME", ticket_kind_name(kind));
    for (size_t i = 0; ticket_kinds[i]; i++) {
        view *tab = view_add(body, "KIND_TAB");
        view_set(tab, "CODE", ticket_kinds[i]);
        view_set(tab, "NAME", ticket_kind_name(ticket_kinds[i]));
        if (!strcmp(kind, ticket_kinds[i]))
            view_show(tab, "CURRENT");
    }
    const ticket_category *selected =
        ticket_form_category(cats, ncats, kind, posted ? form_text(&ctx->post, "category") : "");
    for (size_t i = 0; i < ncats; i++) {
        if (strcmp(cats[i].kind, kind) != 0)
            continue;
        view *o = view_add(body, "CATEGORY_OPTION");
        view_set(o, "CODE", cats[i].code);
        view_set(o, "NAME", cats[i].name);
        view_set(o, "DEPARTMENT", cats[i].department_name);
        if (&cats[i] == selected)
            view_show(o, "SELECTED");
    }
    add_choices(body, "CHANNEL_OPTION", ticket_channels, ticket_channel_name,
                posted ? value_or(ctx, "channel", "phone") : "phone");
    add_choices(body, "SEVERITY_OPTION", ticket_severities, ticket_severity_name,
                posted ? value_or(ctx, "severity", "normal") : "normal");
    const char *location = posted ? value_or(ctx, "location", "home") : "home";
    view_show(body, strcmp(location, "common") ? "LOCATION_HOME" : "LOCATION_COMMON");
    view_set(body, "NOW", clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%dT%H:%M"));
    if (notice)
        view_set(view_add(body, "NOTICE"), "TEXT", notice);
    if (posted) {
        page_form_values(ctx, &ctx->post, body);
        /* The kind's tab decides the kind; the posted one was already used above. */
        view_set(body, "KIND", kind);
    }
    return 0;
}

static bool may_create(const page_ctx *ctx) {
    return ticket_roles_may(ctx->user.roles, EV_CREATED);
}

static int new_ticket_get(page_ctx *ctx) {
    if (!may_create(ctx))
        return page_error(ctx, 403, "您的岗位不能登记工单，请转交客服前台。");
    const field_value *kind = form_get(&ctx->query, "kind");
    return render_form(ctx, kind->present ? kind->text : "repair", NULL);
}

/* Answers a refused POST: the form again, status 422, the error next to its field. */
static int refuse_form(page_ctx *ctx, const char *field_name, const char *message) {
    const char *notice = NULL;
    if (form_declares(&ctx->post, field_name))
        form_set_error(&ctx->post, field_name, message);
    else
        notice = message;
    ctx->resp->status = 422;
    const field_value *kind = form_get(&ctx->post, "kind");
    int r = render_form(ctx, kind->present && !kind->error ? kind->text : "repair", notice);
    return r ? r : 0;
}

static int new_ticket_post(page_ctx *ctx) {
    if (!may_create(ctx))
        return page_error(ctx, 403, "您的岗位不能登记工单，请转交客服前台。");
    const form *f = &ctx->post;
    const char *location = form_text(f, "location");
    const field_value *unit = form_get(f, "unit");
    if (!strcmp(location, "home") && !unit->present)
        form_set_error(&ctx->post, "unit", "户内报事请填写房号，例如 1-1-101");
    if (!strcmp(location, "common") && !form_get(f, "place")->present)
        form_set_error(&ctx->post, "place", "请填写公共区域的具体位置");
    long long preferred = 0;
    const field_value *pt = form_get(f, "preferred_time");
    if (!pt->error && pt->present && clock_parse_local(pt->text, ctx->user.community_zone, &preferred) != 0)
        form_set_error(&ctx->post, "preferred_time", "这个时间不存在，请重新选择");
    long long unit_id = 0;
    if (!unit->error && unit->present) {
        int s = ticket_unit_find(ctx->arena, ctx->user.community_id, unit->text, &unit_id);
        if (s < 0)
            return page_db_error(ctx, s);
        if (!unit_id)
            form_set_error(&ctx->post, "unit", "本小区没有这个房号，请核对楼栋-单元-房号");
    }
    ticket_draft d = {
        .community_id = ctx->user.community_id,
        .zone = ctx->user.community_zone,
        .kind = form_text(f, "kind"),
        .category_code = form_text(f, "category"),
        .location = location,
        .unit_id = unit_id,
        .place = form_text(f, "place"),
        .description = form_text(f, "description"),
        .channel = value_or(ctx, "channel", "phone"),
        .severity = value_or(ctx, "severity", "normal"),
        .reporter_account_id = 0,
        .reporter_name = form_text(f, "reporter_name"),
        .reporter_phone = value_or(ctx, "reporter_phone", form_text(f, "phone")),
        .preferred_time = preferred,
        .actor_kind = 's',
        .actor_id = ctx->user.id,
        .now = ctx->now,
    };
    if (ticket_form_photos(form_get(f, "photo"), &d))
        form_set_error(&ctx->post, "photo", "照片只能是 JPEG、PNG 或 WebP 图片");
    if (f->errors) {
        ctx->resp->status = 422;
        const field_value *kind = form_get(f, "kind");
        return render_form(ctx, kind->present && !kind->error ? kind->text : "repair", NULL);
    }
    long long id = 0;
    const char *code = NULL;
    ticket_refusal why = {0};
    const char *uploads = arena_printf(ctx->arena, "%s/uploads", ctx->config->state_dir);
    int s = ticket_create(ctx->arena, &d, uploads, &id, &code, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s == 422)
        return refuse_form(ctx, why.field, why.message);
    if (s)
        return page_error(ctx, s, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/ticket?id=%lld", id));
}

static const page new_ticket_page = {
    .name = "office/new-ticket",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = new_ticket_get,
    .post = new_ticket_post,
    .body_max = NEW_TICKET_BODY_MAX,
};

int main(void) {
    return page_main(&new_ticket_page);
}
