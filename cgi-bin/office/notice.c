/* office/notice.c: /office/notice, one 公告: without id the form of a new notice; with ?id=N
 * the notice with its read rate per building, for a draft its edit form; print=1 gives the
 * A4 sheet for the notice board (宣传栏) with a QR code of its portal page. POST action=save
 * (a draft), publish or withdraw. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../core/qr.h"
#include "../domain/notice.h"

static const char *const one_choices[] = {"1", NULL};
static const char *const saved_choices[] = {"save", "publish", "withdraw", NULL};
static const char *const action_choices[] = {"save", "publish", "withdraw", NULL};
static const char *const importance_choices[] = {"normal", "urgent", NULL};
static const char *const audience_choices[] = {"community", "buildings", NULL};

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "公告"},
    {.name = "print", .kind = FIELD_ENUM, .choices = one_choices, .label = "打印"},
    {.name = "saved", .kind = FIELD_ENUM, .choices = saved_choices, .label = "已保存"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "title", .kind = FIELD_TEXT, .min = 1, .max = 100, .label = "标题"},
    {.name = "body", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .min = 1, .max = 10000, .label = "正文"},
    {.name = "importance", .kind = FIELD_ENUM, .choices = importance_choices, .label = "重要性"},
    {.name = "audience", .kind = FIELD_ENUM, .choices = audience_choices, .label = "发送范围"},
    {.name = "building",
     .kind = FIELD_TEXT,
     .flags = FIELD_REPEATED,
     .max = 10,
     .max_count = 200,
     .label = "楼栋"},
    {.name = "publish_at", .kind = FIELD_DATETIME, .label = "发布时间"},
    {.name = "expires_at", .kind = FIELD_DATETIME, .label = "过期时间"},
    {.name = "attachment",
     .kind = FIELD_FILE,
     .flags = FIELD_REPEATED,
     .max = NOTICE_ATTACHMENT_MAX_BYTES,
     .max_count = NOTICE_MAX_ATTACHMENTS,
     .label = "附件"},
    {0},
};

static const char *local_time(page_ctx *ctx, long long t, const char *fmt) {
    return clock_format(ctx->arena, t, ctx->user.community_zone, fmt);
}

/* True when the comma list codes holds code. */
static bool list_has(const char *codes, const char *code) {
    size_t n = strlen(code);
    for (const char *p = codes; p && *p;) {
        size_t m = strcspn(p, ",");
        if (m == n && !strncmp(p, code, n))
            return true;
        p += m + (p[m] == ',');
    }
    return false;
}

/* The edit form: a new notice (n NULL) or a draft; a failed POST's values come back. */
static int render_form(page_ctx *ctx, view *body, const notice *n) {
    notice_rate *buildings = NULL;
    size_t nb = 0;
    int r = notice_buildings(ctx->arena, ctx->user.community_id, &buildings, &nb);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    view *f = view_add(body, "FORM");
    view_set(f, "CSRF", ctx->csrf);
    view_set(f, "HEADING", n ? "修改草稿" : "写公告");
    view_set(f, "ACTION", n ? arena_printf(ctx->arena, "/office/notice?id=%lld", n->id) : "/office/notice");
    view_set_int(f, "MAX_FILES", NOTICE_MAX_ATTACHMENTS - (n ? (long long)n->attachment_count : 0));
    bool posted = ctx->req->method == METHOD_POST;
    const char *importance = "normal", *audience = "community", *chosen = "";
    if (posted) {
        page_form_values(ctx, &ctx->post, f);
        importance = form_text(&ctx->post, "importance");
        audience = form_text(&ctx->post, "audience");
        const field_value *b = form_get(&ctx->post, "building");
        for (size_t i = 0; b->more && i < b->nmore; i++)
            chosen = arena_printf(ctx->arena, "%s,%s", chosen, b->more[i]->value);
    } else if (n) {
        view_set(f, "TITLE", n->title);
        view_set(f, "BODY", n->body);
        if (n->publish_at)
            view_set(f, "PUBLISH_AT", local_time(ctx, n->publish_at, "%Y-%m-%dT%H:%M"));
        if (n->expires_at)
            view_set(f, "EXPIRES_AT", local_time(ctx, n->expires_at, "%Y-%m-%dT%H:%M"));
        importance = n->importance;
        audience = n->audience;
        chosen = n->building_codes;
    }
    view_show(f, !strcmp(importance, "urgent") ? "URGENT_CHECKED" : "NORMAL_CHECKED");
    view_show(f, !strcmp(audience, "buildings") ? "BUILDINGS_CHECKED" : "COMMUNITY_CHECKED");
    for (size_t i = 0; i < nb; i++) {
        view *o = view_add(f, "BUILDING_OPTION");
        view_set(o, "CODE", buildings[i].building_code);
        view_set(o, "NAME", buildings[i].building_name);
        if (list_has(chosen, buildings[i].building_code))
            view_show(o, "CHECKED");
    }
    return 0;
}

static void render_rates(page_ctx *ctx, view *d, const notice_rate *rates, size_t n) {
    long long households = 0, read = 0;
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(d, "RATE");
        view_set(row, "CODE", rates[i].building_code);
        view_set(row, "NAME", rates[i].building_name);
        view_set_int(row, "HOUSEHOLDS", rates[i].households);
        view_set_int(row, "READ", rates[i].read);
        view_set(row, "RATE",
                 rates[i].households
                     ? arena_printf(ctx->arena, "%.1f%%", 100.0 * rates[i].read / rates[i].households)
                     : "—");
        households += rates[i].households;
        read += rates[i].read;
    }
    view_set_int(d, "HOUSEHOLDS", households);
    view_set_int(d, "READ", read);
    view_set(d, "RATE", households ? arena_printf(ctx->arena, "%.1f%%", 100.0 * read / households) : "—");
}

static void render_facts(page_ctx *ctx, view *d, const notice *n) {
    notice_view_facts(ctx->arena, d, n, ctx->now, ctx->user.community_zone);
    /* Our own markup around escaped text: see notice_body_html. */
    view_set(d, "BODY_HTML", notice_body_html(ctx->arena, n->body));
    for (size_t i = 0; i < n->attachment_count; i++) {
        view *a = view_add(d, "ATTACHMENT");
        view_set_int(a, "ID", n->attachments[i].id);
        view_set(a, "NAME", n->attachments[i].original_name);
        view_set(a, "SIZE", arena_printf(ctx->arena, "%.1f KB", n->attachments[i].size_bytes / 1024.0));
    }
}

static const char *saved_message(const char *saved) {
    return !strcmp(saved, "save") ? "草稿已保存。检查无误后点“发布”，业主端即可看到。"
           : !strcmp(saved, "publish") ? "公告已发布，发送范围内的住户可在业主端查看。"
                                       : "公告已撤回，业主端不再显示。";
}

/* The page of one notice (n) or of a new one (n NULL). */
static int render(page_ctx *ctx, const notice *n) {
    view *body = page_body(ctx, "office/notice.tpl", n ? n->title : "写公告");
    if (!body)
        return 500;
    bool writer = notice_may_write(ctx->user.roles);
    const char *saved = form_text(&ctx->query, "saved");
    if (ctx->req->method != METHOD_POST && saved[0]) {
        view *s = view_add(body, "SAVED");
        view_set(s, "WHAT", saved);
        view_set(s, "MESSAGE", saved_message(saved));
    }
    if (!n)
        return render_form(ctx, body, NULL);
    view *d = view_add(body, "DETAIL");
    render_facts(ctx, d, n);
    notice_rate *rates = NULL;
    size_t nr = 0;
    int r = notice_read_rates(ctx->arena, ctx->user.community_id, n->id, &rates, &nr);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    render_rates(ctx, d, rates, nr);
    const char *phase = notice_phase(n, ctx->now);
    if (writer && !strcmp(n->state, "draft")) {
        view_set(view_add(d, "PUBLISH"), "CSRF", ctx->csrf);
        return render_form(ctx, body, n);
    }
    if (writer && !strcmp(n->state, "published"))
        view_set(view_add(d, "WITHDRAW"), "CSRF", ctx->csrf);
    if (strcmp(phase, "draft") && strcmp(phase, "withdrawn"))
        view_show(d, "PRINT_LINK");
    return 0;
}

/* The portal address of the notice as a phone reaching this site would open it. */
static const char *portal_url(page_ctx *ctx, long long id) {
    const char *host = ctx->req->host;
    bool ok = host && *host && strlen(host) < 200;
    for (const char *p = host; ok && *p; p++)
        ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
             strchr(".-:[]", *p);
    return arena_printf(ctx->arena, "%s://%s/portal/notice?id=%lld", ctx->req->https ? "https" : "http",
                        ok ? host : "localhost", id);
}

/* The A4 sheet for the notice board. */
static int render_print(page_ctx *ctx, const notice *n) {
    view *body = page_body(ctx, "office/notice-print.tpl", arena_printf(ctx->arena, "公告 %s", n->title));
    if (!body)
        return 500;
    render_facts(ctx, body, n);
    if (!strcmp(n->importance, "urgent"))
        view_show(body, "URGENT");
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "DATE", local_time(ctx, n->publish_at ? n->publish_at : ctx->now, "%Y年%m月%d日"));
    const char *url = portal_url(ctx, n->id);
    view_set(body, "URL", url);
    /* An SVG we generated from the address: only rects and paths, no text of the user's. */
    const char *svg = qr_svg(ctx->arena, url, 160, "公告二维码");
    if (svg)
        view_set(view_add(body, "QR"), "SVG", svg);
    return 0;
}

static int load(page_ctx *ctx, notice *n) {
    bool found = false;
    int r = notice_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), n, &found);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (!found)
        return page_error(ctx, 404, "没有这条公告，或它不属于本小区。");
    return 0;
}

static int notice_get(page_ctx *ctx) {
    if (!form_get(&ctx->query, "id")->present) {
        if (!notice_may_write(ctx->user.roles))
            return page_error(ctx, 403, "您的岗位不能写公告，请联系客服前台或客服主管。");
        return render(ctx, NULL);
    }
    notice n;
    int r = load(ctx, &n);
    if (r)
        return r;
    if (form_get(&ctx->query, "print")->present)
        return render_print(ctx, &n);
    return render(ctx, &n);
}

/* Reads a local time field into *t; marks it when that time does not exist. */
static void read_time(page_ctx *ctx, const char *name, long long *t) {
    const field_value *v = form_get(&ctx->post, name);
    if (v->present && !v->error && clock_parse_local(v->text, ctx->user.community_zone, t) != 0)
        form_set_error(&ctx->post, name, "该时间不存在，请另选一个时间");
}

/* The save action: the checks of the form, then the domain's. 0 with *id, or a status. */
static int post_save(page_ctx *ctx, const notice *n, long long *id, notice_refusal *why) {
    form *f = &ctx->post;
    if (!form_get(f, "title")->present && !form_get(f, "title")->error)
        form_set_error(f, "title", "请填写标题");
    if (!form_get(f, "body")->present && !form_get(f, "body")->error)
        form_set_error(f, "body", "请填写正文");
    const field_value *b = form_get(f, "building");
    bool buildings = !strcmp(form_text(f, "audience"), "buildings");
    if (buildings && !b->present && !b->error)
        form_set_error(f, "building", "发送到指定楼栋时，请至少选择一栋楼");
    notice_draft d = {
        .id = n ? n->id : 0,
        .title = form_text(f, "title"),
        .body = form_text(f, "body"),
        .importance = form_get(f, "importance")->present ? form_text(f, "importance") : "normal",
        .audience = buildings ? "buildings" : "community",
    };
    read_time(ctx, "publish_at", &d.publish_at);
    read_time(ctx, "expires_at", &d.expires_at);
    if (d.expires_at && !form_get(f, "expires_at")->error &&
        d.expires_at <= (d.publish_at ? d.publish_at : ctx->now))
        form_set_error(f, "expires_at", d.publish_at ? "过期时间应晚于发布时间" : "过期时间应晚于现在");
    const field_value *files = form_get(f, "attachment");
    d.files = files->error ? NULL : files->more;
    d.file_count = files->error || !files->more ? 0 : files->nmore;
    for (size_t i = 0; i < d.file_count && !files->error; i++)
        if (!notice_file_type(d.files[i]->value, d.files[i]->len))
            form_set_error(f, "attachment",
                           arena_printf(ctx->arena, "“%s”不是 PDF、PNG、JPEG 或 WebP 文件，请重新选择",
                                        d.files[i]->filename && d.files[i]->filename[0] ? d.files[i]->filename
                                                                                        : "附件"));
    if (f->errors)
        return 422;
    d.building_codes = arena_alloc(ctx->arena, (b->nmore + 1) * sizeof *d.building_codes);
    if (!d.building_codes)
        return 500;
    for (size_t i = 0; buildings && b->more && i < b->nmore; i++)
        d.building_codes[d.building_count++] = b->more[i]->value;
    const char *upload_dir = arena_printf(ctx->arena, "%s/uploads", ctx->config->state_dir);
    return notice_save(ctx, &d, upload_dir, id, why);
}

static int notice_post(page_ctx *ctx) {
    if (!notice_may_write(ctx->user.roles))
        return page_error(ctx, 403, "您的岗位不能写或发布公告，请联系客服前台或客服主管。");
    if (form_get(&ctx->post, "action")->error)
        return page_error(ctx, 422, "请选择要执行的操作：保存、发布或撤回。");
    const char *action = form_text(&ctx->post, "action");
    bool has_id = form_get(&ctx->query, "id")->present;
    notice n;
    int r = has_id ? load(ctx, &n) : 0;
    if (r)
        return r;
    if (strcmp(action, "save") && !has_id)
        return page_error(ctx, 404, "请先保存公告，再发布或撤回。");
    if (!strcmp(action, "save") && has_id && strcmp(n.state, "draft"))
        return page_error(ctx, 409, "这条公告已经发布或撤回，不能再修改。如需更正，请撤回后重新写一条。");
    notice_refusal why = {0};
    long long id = has_id ? n.id : 0;
    if (!strcmp(action, "save"))
        r = post_save(ctx, has_id ? &n : NULL, &id, &why);
    else
        r = notice_set_state(ctx, n.id, !strcmp(action, "publish"), &why);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r == 422) {
        if (why.message)
            form_set_error(&ctx->post, form_declares(&ctx->post, why.field) ? why.field : "title",
                           why.message);
        ctx->resp->status = 422;
        return render(ctx, has_id ? &n : NULL);
    }
    if (r)
        return page_error(ctx, r, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/notice?id=%lld&saved=%s", id, action));
}

static const page notice_page = {
    .name = "office/notice",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = notice_get,
    .post = notice_post,
    /* Attachments of 5 MB each; nginx caps a request at 16 MB. */
    .body_max = 16 * 1024 * 1024,
};

int main(void) {
    return page_main(&notice_page);
}
