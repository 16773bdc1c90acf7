/* office/renovation-passes.c: /office/renovation-passes?id=N, the 出入证 tab of a decoration
 * case: its worker passes with state and validity, how many of the paid passes are left,
 * the issue form, and the 收回 / 挂失 buttons. POST action=issue, return or lost. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/renovation_pass.h"

static const char *const saved_choices[] = {"issue", "return", "lost", NULL};

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "装修"},
    {.name = "saved", .kind = FIELD_ENUM, .choices = saved_choices, .label = "已保存"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = saved_choices,
     .label = "操作"},
    {.name = "version",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 2147483647,
     .label = "版本"},
    {.name = "pass", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "出入证"},
    {.name = "name", .kind = FIELD_TEXT, .min = 2, .max = 20, .label = "姓名"},
    /* Never echoed back into the page: the full number leaves only as its mask. */
    {.name = "id_number", .kind = FIELD_TEXT, .flags = FIELD_SECRET, .max = 18, .label = "身份证号"},
    {.name = "phone", .kind = FIELD_PHONE, .label = "电话"},
    {.name = "valid_from", .kind = FIELD_DATE, .label = "有效期起"},
    {.name = "valid_to", .kind = FIELD_DATE, .label = "有效期止"},
    {.name = "photo", .kind = FIELD_FILE, .max = RENOVATION_PASS_PHOTO_MAX_BYTES, .label = "照片"},
    {0},
};

static const char *saved_message(const char *saved) {
    return !strcmp(saved, "issue")    ? "出入证已发放，请在下表中打印后交给施工人员。"
           : !strcmp(saved, "return") ? "出入证已收回。"
                                      : "出入证已挂失，结案退款时这张证的押金不予退还。";
}

static void render_passes(page_ctx *ctx, view *body, const renovation *r, const renovation_pass *p, size_t n,
                          bool may_change) {
    const char *today = settlement_today(ctx->arena, ctx->now, ctx->user.community_zone);
    size_t issued = 0;
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(body, "PASS");
        view_set_int(row, "ID", p[i].id);
        view_set(row, "PASS_NO", p[i].pass_no);
        view_set(row, "NAME", p[i].name);
        view_set(row, "ID_MASKED", p[i].id_masked);
        view_set(row, "PHONE", *p[i].phone ? p[i].phone : "—");
        view_set(row, "VALID_FROM", p[i].valid_from);
        view_set(row, "VALID_TO", p[i].valid_to);
        view_set(row, "STATE", p[i].state);
        view_set(row, "STATE_NAME", renovation_pass_state_name(p[i].state));
        view_set(row, "ISSUED",
                 clock_format(ctx->arena, p[i].issued_at, ctx->user.community_zone, "%m-%d %H:%M"));
        view_set(row, "ISSUED_BY", p[i].issued_by);
        bool open = !strcmp(p[i].state, "issued");
        issued += open;
        if (open && strcmp(p[i].valid_to, today) < 0)
            view_show(row, "EXPIRED");
        if (*p[i].photo_file)
            view_show(row, "PHOTO");
        if (open && may_change && !renovation_state_final(r->state)) {
            view *b = view_add(row, "CLOSE");
            view_set(b, "CSRF", ctx->csrf);
            view_set_int(b, "CASE_ID", r->id);
            view_set_int(b, "VERSION", r->version);
            view_set_int(b, "PASS_ID", p[i].id);
        }
    }
    if (!n)
        view_show(body, "NO_PASSES");
    view_set_int(body, "WORKERS", r->workers);
    view_set_int(body, "TOTAL", (long long)n);
    view_set_int(body, "OUT", (long long)issued);
    view_set_int(body, "LEFT", r->workers > (int)n ? r->workers - (long long)n : 0);
}

/* The issue form, with a failed POST's values kept (never the ID number). */
static void render_form(page_ctx *ctx, view *body, const renovation *r, long long left) {
    if (renovation_state_final(r->state) || !renovation_state_active(r->state)) {
        view_set(view_add(body, "NO_FORM"), "WHY",
                 *r->permit_no ? "案卷不在施工期间，不能再发放出入证。" : "发放装修许可证后才能发放出入证。");
        return;
    }
    if (left <= 0) {
        view_set(view_add(body, "NO_FORM"), "WHY",
                 "已收押金的出入证已全部发放（含收回、挂失的）。如需增加施工人员，请先办理变更。");
        return;
    }
    view *f = view_add(body, "FORM");
    view_set(f, "CSRF", ctx->csrf);
    view_set_int(f, "ID", r->id);
    view_set_int(f, "VERSION", r->version);
    view_set(f, "PERMIT_FROM", r->permit_from);
    view_set(f, "PERMIT_TO", r->permit_to);
    if (ctx->req->method == METHOD_POST && !strcmp(form_text(&ctx->post, "action"), "issue")) {
        page_form_values(ctx, &ctx->post, f);
    } else {
        view_set(f, "VALID_FROM", r->permit_from);
        view_set(f, "VALID_TO", r->permit_to);
    }
}

static int render(page_ctx *ctx, const renovation *r) {
    renovation_pass *passes = NULL;
    size_t n = 0;
    db_status s = renovation_passes(ctx->arena, r->id, &passes, &n);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    view *body =
        page_body(ctx, "office/renovation-passes.tpl", arena_printf(ctx->arena, "%s 出入证", r->unit_code));
    if (!body)
        return 500;
    renovation_view_head(ctx->arena, body, r, "passes");
    const char *saved = form_text(&ctx->query, "saved");
    if (ctx->req->method != METHOD_POST && *saved) {
        view *m = view_add(body, "SAVED");
        view_set(m, "WHAT", saved);
        view_set(m, "MESSAGE", saved_message(saved));
    }
    bool may = renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_PERMIT);
    render_passes(ctx, body, r, passes, n, may);
    if (may)
        render_form(ctx, body, r, (long long)r->workers - (long long)n);
    return 0;
}

static int load(page_ctx *ctx, renovation *r) {
    bool found = false;
    db_status s = renovation_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), r, &found);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (!found)
        return page_error(ctx, 404, "没有这个装修案卷，或它不属于本小区。");
    return 0;
}

static int passes_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修案卷。");
    renovation r;
    int e = load(ctx, &r);
    return e ? e : render(ctx, &r);
}

/* The issue action: the form's checks, then the domain's. */
static int post_issue(page_ctx *ctx, renovation_refusal *why) {
    form *f = &ctx->post;
    if (!form_get(f, "name")->present && !form_get(f, "name")->error)
        form_set_error(f, "name", "请填写施工人员姓名");
    const field_value *idn = form_get(f, "id_number");
    if (!idn->present && !idn->error)
        form_set_error(f, "id_number", "请填写身份证号");
    else if (!idn->error && !renovation_id_number_valid(idn->text))
        form_set_error(f, "id_number", "身份证号不正确：应为 18 位，最后一位校验码须相符");
    const field_value *photo = form_get(f, "photo");
    if (f->errors)
        return 422;
    renovation_pass_request req = {
        .name = form_text(f, "name"),
        .id_number = idn->text,
        .phone = form_text(f, "phone"),
        .valid_from = form_text(f, "valid_from"),
        .valid_to = form_text(f, "valid_to"),
        .photo = photo->present && photo->part ? photo->part->value : NULL,
        .photo_len = photo->present && photo->part ? photo->part->len : 0,
    };
    long long pass_id = 0;
    const char *upload_dir = arena_printf(ctx->arena, "%s/uploads", ctx->config->state_dir);
    return renovation_pass_issue(ctx, form_int(&ctx->query, "id"), (int)form_int(f, "version"), &req,
                                 upload_dir, &pass_id, why);
}

static int passes_post(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_PERMIT))
        return page_error(ctx, 403, "您的岗位不能发放或收回出入证，请联系装修管理员。");
    renovation r;
    int e = load(ctx, &r);
    if (e)
        return e;
    if (form_get(&ctx->post, "action")->error || form_get(&ctx->post, "version")->error)
        return page_error(ctx, 422, "表单不完整，请刷新页面后重试。");
    const char *action = form_text(&ctx->post, "action");
    renovation_refusal why = {0};
    int s;
    if (!strcmp(action, "issue")) {
        s = post_issue(ctx, &why);
    } else {
        if (!form_get(&ctx->post, "pass")->present)
            return page_error(ctx, 422, "请选择要收回或挂失的出入证。");
        s = renovation_pass_close(ctx, r.id, (int)form_int(&ctx->post, "version"),
                                  form_int(&ctx->post, "pass"), !strcmp(action, "lost") ? "lost" : "returned",
                                  &why);
    }
    if (s < 0)
        return page_db_error(ctx, (db_status)s);
    if (s == 422) {
        if (why.message)
            form_set_error(&ctx->post, form_declares(&ctx->post, why.field) ? why.field : "name",
                           why.message);
        ctx->resp->status = 422;
        return render(ctx, &r);
    }
    if (s)
        return page_error(ctx, s, why.message);
    return page_redirect(
        ctx, arena_printf(ctx->arena, "/office/renovation-passes?id=%lld&saved=%s", r.id, action));
}

static const page renovation_passes_page = {
    .name = "office/renovation-passes",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = passes_get,
    .post = passes_post,
    /* A photo of 2 MB and the form around it. */
    .body_max = 3 * 1024 * 1024,
};

int main(void) {
    return page_main(&renovation_passes_page);
}
