/* portal/surveys.c: /portal/surveys, the surveys (满意度调查) the resident's household is
 * asked: the open ones first, each saying whether the household has answered, then the
 * closed ones. */
#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/survey_answer.h"

static int surveys_get(page_ctx *ctx) {
    long long unit_id = 0;
    const char *unit_code = "";
    survey_item *items = NULL;
    size_t n = 0;
    int st = survey_resident_unit(ctx->arena, ctx->user.id, &unit_id, &unit_code);
    if (st == 0 && unit_id)
        st = survey_household_list(ctx->arena, ctx->user.community_id, ctx->user.community_zone, unit_id,
                                   ctx->now, false, &items, &n);
    if (st != 0)
        return page_db_error(ctx, (db_status)st);
    view *body = page_body(ctx, "portal/surveys.tpl", "满意度调查");
    if (!body)
        return 500;
    if (!unit_id) {
        view_show(body, "NO_UNIT");
        return 0;
    }
    view_set(body, "UNIT_CODE", unit_code);
    size_t open = 0;
    for (size_t i = 0; i < n; i++) {
        const survey_item *it = &items[i];
        open += it->open;
        view *row = view_add(body, it->open ? "OPEN" : "CLOSED");
        view_set_int(row, "ID", it->id);
        view_set(row, "TITLE", it->title);
        view_set(row, "CLOSES",
                 clock_format(ctx->arena, it->closes_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
        view_set(row, "ANSWERED", it->submitted_at ? "yes" : "no");
        if (it->submitted_at)
            view_set(view_add(row, "DONE"), "AT",
                     clock_format(ctx->arena, it->submitted_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
        else
            view_show(row, "TODO");
    }
    if (!open)
        view_show(body, "NO_OPEN");
    if (open == n)
        view_show(body, "NO_CLOSED");
    return 0;
}

static const page surveys_page = {
    .name = "portal/surveys",
    .access = PAGE_RESIDENT,
    .get = surveys_get,
};

int main(void) {
    return page_main(&surveys_page);
}
