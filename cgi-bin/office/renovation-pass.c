/* office/renovation-pass.c: /office/renovation-pass?id=P, one 临时出入证 to print: a card
 * of about 85.6 x 54 mm, front (community, number, name, masked ID, photo, unit, company,
 * validity) and back (the rules of the site), for staff who may see decoration cases. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/renovation_pass.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "出入证"},
    {0},
};

static int pass_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修案卷。");
    renovation_pass p;
    bool found = false;
    db_status s =
        renovation_pass_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), &p, &found);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    renovation r;
    if (found &&
        (s = renovation_load(ctx->arena, ctx->user.community_id, p.renovation_id, &r, &found)) != DB_OK)
        return page_db_error(ctx, s);
    if (!found)
        return page_error(ctx, 404, "没有这张出入证，或它不属于本小区。");
    view *body =
        page_body(ctx, "office/renovation-pass.tpl", arena_printf(ctx->arena, "临时出入证 %s", p.pass_no));
    if (!body)
        return 500;
    view_set_int(body, "ID", p.id);
    view_set_int(body, "CASE_ID", r.id);
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "PASS_NO", p.pass_no);
    view_set(body, "NAME", p.name);
    view_set(body, "ID_MASKED", p.id_masked);
    view_set(body, "UNIT_CODE", r.unit_code);
    view_set(body, "COMPANY", r.company);
    view_set(body, "PERMIT_NO", r.permit_no);
    view_set(body, "VALID_FROM", p.valid_from);
    view_set(body, "VALID_TO", p.valid_to);
    view_set(body, "STATE", p.state);
    view_set(body, "ISSUED", clock_format(ctx->arena, p.issued_at, ctx->user.community_zone, "%Y-%m-%d"));
    if (*p.photo_file)
        view_show(body, "PHOTO");
    else
        view_show(body, "NO_PHOTO");
    if (strcmp(p.state, "issued"))
        view_set(view_add(body, "VOID"), "STATE_NAME", renovation_pass_state_name(p.state));
    return 0;
}

static const page renovation_pass_page = {
    .name = "office/renovation-pass",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = pass_get,
};

int main(void) {
    return page_main(&renovation_pass_page);
}
