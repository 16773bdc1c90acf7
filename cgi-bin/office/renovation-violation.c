/* office/renovation-violation.c: /office/renovation-violation?id=V, the printable 装修违章通知书
 * of one violation: notice number, unit, the rule broken, the deadline for rectification,
 * what follows if it is not rectified, and the lines for the signatures. */
#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/renovation_patrol.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "违章通知书"},
    {0},
};

static int violation_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修案卷。");
    renovation_violation_row v;
    long long case_id = 0;
    bool found = false;
    db_status s = renovation_violation_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"),
                                            &v, &case_id, &found);
    renovation r;
    if (s == DB_OK && found)
        s = renovation_load(ctx->arena, ctx->user.community_id, case_id, &r, &found);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (!found)
        return page_error(ctx, 404, "没有这份违章通知书，或它不属于本小区。");
    view *body = page_body(ctx, "office/renovation-violation.tpl",
                           arena_printf(ctx->arena, "装修违章通知书 %s", v.notice_no));
    if (!body)
        return 500;
    view_set_int(body, "ID", v.id);
    view_set_int(body, "CASE_ID", r.id);
    view_set(body, "NOTICE_NO", v.notice_no);
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "UNIT_CODE", r.unit_code);
    view_set(body, "APPLICANT", r.applicant_name);
    view_set(body, "COMPANY", r.company);
    view_set(body, "FOREMAN", r.foreman);
    view_set(body, "PERMIT_NO", *r.permit_no ? r.permit_no : "—");
    view_set(body, "RULE", v.rule);
    view_set(body, "DETAIL", *v.detail ? v.detail : "—");
    view_set(body, "DEADLINE", v.deadline);
    view_set(body, "STATE", v.state);
    view_set(body, "STATE_NAME", renovation_violation_state_name(v.state));
    view_set(body, "ISSUED_BY", v.issued_by_name);
    view_set(body, "ISSUED_DATE",
             clock_format(ctx->arena, v.issued_at, ctx->user.community_zone, "%Y年%m月%d日"));
    return 0;
}

static const page renovation_violation_page = {
    .name = "office/renovation-violation",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = violation_get,
};

int main(void) {
    return page_main(&renovation_violation_page);
}
