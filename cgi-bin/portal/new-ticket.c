/* portal/new-ticket.c: /portal/new-ticket, where a resident reports a repair, a complaint,
 * a suggestion, an inquiry or praise, with up to three photos. */
#include <stdio.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/ticket.h"
#include "../domain/ticket_form.h"

static const field post_fields[] = {
    TICKET_FORM_FIELDS("分类", "具体地点", "问题描述", "期望上门时间"),
    {0},
};

/* True when the resident's login is a mobile number, to offer it as the contact phone. */
static bool looks_like_mobile(const char *s) {
    if (!s || strlen(s) != 11 || s[0] != '1')
        return false;
    for (int i = 0; i < 11; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Renders the form. kind, category and location are what to pre-select; general is a
 * message not tied to one of the page's fields (a domain refusal), or NULL. */
static int render_form(page_ctx *ctx, const ticket_category *cats, size_t ncats, long long unit_id,
                       const char *general_field, const char *general) {
    bool posted = ctx->req->method == METHOD_POST;
    const char *kind = posted ? form_text(&ctx->post, "kind") : "repair";
    const char *category = posted ? form_text(&ctx->post, "category") : "";
    const char *location = posted ? form_text(&ctx->post, "location") : (unit_id ? "home" : "common");
    view *body = page_body(ctx, "portal/new-ticket.tpl", "报事报修");
    if (!body)
        return 500;
    view_set(body, "CSRF", ctx->csrf);
    if (posted) {
        page_form_values(ctx, &ctx->post, body);
    } else if (looks_like_mobile(ctx->user.login)) {
        view_set(body, "PHONE", ctx->user.login);
    }
    if (general) {
        view *g = view_add(body, "GENERAL_ERROR");
        view_set(g, "FIELD", general_field ? general_field : "form");
        view_set(g, "MESSAGE", general);
    }
    for (const char *const *k = ticket_kinds; *k; k++) {
        view *o = view_add(body, "KIND_OPTION");
        view_set(o, "VALUE", *k);
        view_set(o, "NAME", ticket_kind_name(*k));
        if (!strcmp(*k, kind))
            view_show(o, "CHECKED");
    }
    const ticket_category *selected = ticket_form_category(cats, ncats, kind, category);
    view *group = NULL;
    const char *group_kind = NULL;
    for (size_t i = 0; i < ncats; i++) {
        if (!group || strcmp(group_kind, cats[i].kind) != 0) {
            group = view_add(body, "CATEGORY_GROUP");
            group_kind = cats[i].kind;
            const char *name = ticket_kind_name(group_kind);
            view_set(group, "LABEL", name ? name : group_kind);
            view_set(group, "GROUP_KIND", group_kind);
        }
        view *o = view_add(group, "OPTION");
        view_set(o, "VALUE", cats[i].code);
        view_set(o, "NAME", cats[i].name);
        if (&cats[i] == selected)
            view_show(o, "SELECTED");
    }
    if (!category[0])
        view_show(body, "NO_CATEGORY");
    for (const char *const *l = ticket_locations; *l; l++) {
        view *o = view_add(body, "LOCATION_OPTION");
        view_set(o, "VALUE", *l);
        view_set(o, "NAME", !strcmp(*l, "home") ? "户内（我家）" : "公共区域");
        if (!strcmp(*l, location))
            view_show(o, "CHECKED");
    }
    if (!unit_id)
        view_show(body, "NO_UNIT");
    view_set_int(body, "MAX_PHOTOS", TICKET_MAX_PHOTOS);
    view_set_int(body, "PHOTO_MB", TICKET_PHOTO_MAX_BYTES / (1024 * 1024));
    return 0;
}

/* Loads what the form needs: the categories and the unit the resident acts for. */
static int load_choices(page_ctx *ctx, ticket_category **cats, size_t *ncats, long long *unit_id) {
    *unit_id = ctx->user.unit_id;
    return ticket_categories(ctx->arena, ctx->user.community_id, cats, ncats);
}

static int new_ticket_get(page_ctx *ctx) {
    ticket_category *cats = NULL;
    size_t ncats = 0;
    long long unit_id = 0;
    int r = load_choices(ctx, &cats, &ncats, &unit_id);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r)
        return page_error(ctx, r, NULL);
    return render_form(ctx, cats, ncats, unit_id, NULL, NULL);
}

/* The checks the validators cannot make: the category of the kind, a place for a common
 * area, a unit for one's home, the time, the photos' count (their content: the draft's). */
static void check_draft(page_ctx *ctx, const ticket_category *cats, size_t ncats, long long unit_id,
                        long long *preferred) {
    form *f = &ctx->post;
    const char *kind = form_text(f, "kind");
    const field_value *category = form_get(f, "category");
    if (category->present && !category->error && form_get(f, "kind")->present &&
        !ticket_form_category(cats, ncats, kind, category->text))
        form_set_error(f, "category", "请从列表中选择与所选类型相符的分类");
    const char *location = form_text(f, "location");
    if (!strcmp(location, "common") && !form_get(f, "place")->present && !form_get(f, "place")->error)
        form_set_error(f, "place", "公共区域请填写具体地点，例如：3 栋电梯厅");
    if (!strcmp(location, "home") && !unit_id)
        form_set_error(f, "location", "您的账户尚未关联房屋，请选择公共区域，或到物业服务中心办理房屋关联");
    const field_value *when = form_get(f, "preferred_time");
    if (when->present && !when->error) {
        if (clock_parse_local(when->text, ctx->user.community_zone, preferred) != 0)
            form_set_error(f, "preferred_time", "该时间不存在（夏令时调整），请另选一个时间");
        else if (*preferred < ctx->now - 600)
            form_set_error(f, "preferred_time", "期望上门时间不能早于现在");
    }
    /* The validator caps the count too; say it in a resident's words. */
    size_t sent = 0;
    for (size_t i = 0; i < ctx->req->body.count; i++) {
        const param *p = &ctx->req->body.items[i];
        if (!strcmp(p->name, "photo") && p->filename && (p->len > 0 || p->filename[0]))
            sent++;
    }
    if (sent > TICKET_MAX_PHOTOS)
        form_set_error(f, "photo",
                       arena_printf(ctx->arena, "最多上传 %d 张照片，您选择了 %lu 张", TICKET_MAX_PHOTOS,
                                    (unsigned long)sent));
}

static int new_ticket_post(page_ctx *ctx) {
    ticket_category *cats = NULL;
    size_t ncats = 0;
    long long unit_id = 0, preferred = 0;
    int r = load_choices(ctx, &cats, &ncats, &unit_id);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r)
        return page_error(ctx, r, NULL);
    check_draft(ctx, cats, ncats, unit_id, &preferred);
    form *f = &ctx->post;
    ticket_draft d = {
        .community_id = ctx->user.community_id,
        .zone = ctx->user.community_zone,
        .kind = form_text(f, "kind"),
        .category_code = form_text(f, "category"),
        .location = form_text(f, "location"),
        /* A common area is still reported from a household: keep the unit to call back. */
        .unit_id = unit_id,
        .place = form_text(f, "place"),
        .description = form_text(f, "description"),
        .channel = "web",
        .severity = "normal",
        .reporter_account_id = ctx->user.id,
        .reporter_name = ctx->user.name,
        .reporter_phone = form_text(f, "phone"),
        .preferred_time = preferred,
        .actor_kind = 'r',
        .actor_id = ctx->user.id,
        .now = ctx->now,
    };
    const param *bad = ticket_form_photos(form_get(f, "photo"), &d);
    if (bad)
        form_set_error(f, "photo",
                       arena_printf(ctx->arena, "“%s”不是 JPEG、PNG 或 WebP 图片，请重新选择",
                                    bad->filename && bad->filename[0] ? bad->filename : "照片"));
    if (f->errors) {
        ctx->resp->status = 422;
        return render_form(ctx, cats, ncats, unit_id, NULL, NULL);
    }
    const char *upload_dir = arena_printf(ctx->arena, "%s/uploads", ctx->config->state_dir);
    long long id = 0;
    const char *code = NULL;
    ticket_refusal why = {0};
    r = ticket_create(ctx->arena, &d, upload_dir, &id, &code, &why);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r == 422) {
        ctx->resp->status = 422;
        if (form_declares(f, why.field)) {
            form_set_error(f, why.field, why.message);
            return render_form(ctx, cats, ncats, unit_id, NULL, NULL);
        }
        return render_form(ctx, cats, ncats, unit_id, why.field, why.message);
    }
    if (r)
        return page_error(ctx, r, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/portal/ticket?id=%lld", id));
}

static const page new_ticket_page = {
    .name = "portal/new-ticket",
    .access = PAGE_RESIDENT,
    .post_fields = post_fields,
    .get = new_ticket_get,
    .post = new_ticket_post,
    /* Three photos of 5 MB each and the text fields. */
    .body_max = 16 * 1024 * 1024,
};

int main(void) {
    return page_main(&new_ticket_page);
}
