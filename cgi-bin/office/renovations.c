/* office/renovations.c: /office/renovations, 装修管理: the community's decoration cases newest
 * first, 20 a page, filtered by state (or 待处理: waiting for review) and searched by unit
 * code; a link to take a new application at the counter for those who may. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../core/pagination.h"
#include "../domain/renovation.h"
#include "../domain/renovation_list.h"

static const field query_fields[] = {
    {.name = "state", .kind = FIELD_ENUM, .choices = renovation_list_filters, .label = "状态"},
    {.name = "unit", .kind = FIELD_TEXT, .min = 0, .max = 20, .label = "房号"},
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = RENOVATION_MAX_PAGE, .label = "页码"},
    {0},
};

static int renovations_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修管理。");
    const char *filter = form_text(&ctx->query, "state");
    const char *unit = form_text(&ctx->query, "unit");
    long long page_number = form_get(&ctx->query, "page")->present ? form_int(&ctx->query, "page") : 1;
    renovation_brief *rows = NULL;
    size_t n = 0;
    long long total = 0;
    int r = renovation_list(ctx->arena, ctx->user.community_id, filter, unit, page_number, &rows, &n, &total);
    if (r)
        return page_db_error(ctx, (db_status)r);
    view *body = page_body(ctx, "office/renovations.tpl", "装修管理");
    if (!body)
        return 500;
    if (renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_APPLY))
        view_show(body, "MAY_APPLY");
    view_set(body, "FILTER", filter);
    view_set(body, "UNIT", unit);
    for (const char *const *f = renovation_list_filters; *f; f++) {
        view *o = view_add(body, "FILTER_OPTION");
        view_set(o, "CODE", *f);
        view_set(o, "NAME", !strcmp(*f, "pending") ? "待处理" : renovation_state_name(*f));
        if (!strcmp(*f, filter))
            view_show(o, "SELECTED");
    }
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(body, "CASE");
        view_set_int(row, "ID", rows[i].id);
        view_set(row, "UNIT_CODE", rows[i].unit_code);
        view_set(row, "STATE", rows[i].state);
        view_set(row, "STATE_NAME", renovation_state_name(rows[i].state));
        view_set(row, "APPLICANT", rows[i].applicant_name);
        view_set(row, "SOURCE_NAME", !strcmp(rows[i].source, "portal") ? "网上" : "柜台");
        view_set(row, "COMPANY", rows[i].company);
        view_set(row, "PLANNED",
                 arena_printf(ctx->arena, "%s 至 %s", rows[i].planned_start, rows[i].planned_end));
        view_set(row, "PERMIT_NO", *rows[i].permit_no ? rows[i].permit_no : "—");
        view_set(row, "CREATED_AT",
                 clock_format(ctx->arena, rows[i].created_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    }
    if (!total)
        view_show(body, "EMPTY");
    if (total > RENOVATION_PER_PAGE) {
        view *p = view_add(body, "PAGER");
        view_set(p, "FILTER", filter);
        view_set(p, "UNIT", unit);
        pagination_fill(p, page_number, RENOVATION_PER_PAGE,
                        total < RENOVATION_PER_PAGE * RENOVATION_MAX_PAGE
                            ? total
                            : RENOVATION_PER_PAGE * RENOVATION_MAX_PAGE);
    }
    return 0;
}

static const page renovations_page = {
    .name = "office/renovations",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = renovations_get,
};

int main(void) {
    return page_main(&renovations_page);
}
