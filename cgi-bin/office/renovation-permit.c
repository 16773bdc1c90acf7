/* office/renovation-permit.c: /office/renovation-permit?id=N, the printable 装修许可证 for
 * the door of a decoration case (A4, or A5); 409 before the permit is issued. */
#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/arrears.h"
#include "../domain/renovation.h"

#define ID_MAX 999999999999LL

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .flags = FIELD_REQUIRED, .min = 1, .max = ID_MAX, .label = "装修案卷"},
    {0},
};

static int permit_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修案卷。");
    arena *a = ctx->arena;
    renovation r;
    bool found;
    db_status s = renovation_load(a, ctx->user.community_id, form_int(&ctx->query, "id"), &r, &found);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (!found)
        return page_error(ctx, 404, "没有这个装修案卷。");
    if (!*r.permit_no)
        return page_error(ctx, 409, "这个案卷还没有发放装修许可证：须审批通过并缴清押金后发证。");
    const char *phone;
    int st = arrears_community_phone(a, ctx->user.community_id, &phone);
    if (st)
        return page_db_error(ctx, st);
    view *body =
        page_body(ctx, "office/renovation-permit.tpl", arena_printf(a, "装修许可证 %s", r.permit_no));
    if (!body)
        return 500;
    view_set_int(body, "ID", r.id);
    view_set(body, "PERMIT_NO", r.permit_no);
    view_set(body, "STATE", r.state);
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "UNIT_CODE", r.unit_code);
    view_set(body, "APPLICANT", r.applicant_name);
    view_set(body, "COMPANY", r.company);
    view_set(body, "FOREMAN", r.foreman);
    view_set(body, "FOREMAN_PHONE", r.foreman_phone);
    view_set(body, "FROM", r.permit_from);
    view_set(body, "TO", r.permit_to);
    view_set_int(body, "WORKERS", r.workers);
    const char *scope = renovation_set_names(a, r.scope, renovation_scope_name);
    view_set(body, "SCOPE", *scope ? scope : "—");
    view_set(body, "OFFICE_PHONE", phone && *phone ? phone : "物业服务中心");
    view_set(body, "PRINTED_AT", clock_format(a, ctx->now, ctx->user.community_zone, "%Y-%m-%d"));
    return 0;
}

static const page permit_page = {
    .name = "office/renovation-permit",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = permit_get,
};

int main(void) {
    return page_main(&permit_page);
}
