/* office/renovation-due.c: /office/renovation-due, 巡查日程: the decoration inspector's day
 * for the community: the open violation notices (past deadline first), then the active
 * sites due for a patrol (every renovation_patrol_days days), each linking its patrol page. */
#include <string.h>

#include "../core/page.h"
#include "../domain/renovation.h"
#include "../domain/renovation_due.h"

static void render_violations(page_ctx *ctx, view *body, const renovation_day *d) {
    for (size_t i = 0; i < d->violation_count; i++) {
        const renovation_due_violation *v = &d->violations[i];
        view *row = view_add(body, "VIOLATION");
        view_set_int(row, "ID", v->id);
        view_set_int(row, "CASE_ID", v->renovation_id);
        view_set(row, "UNIT_CODE", v->unit_code);
        view_set(row, "NOTICE_NO", v->notice_no);
        view_set(row, "RULE", v->rule);
        view_set(row, "DEADLINE", v->deadline);
        view_set(row, "STATE", v->state);
        view_set(row, "STATE_NAME", !strcmp(v->state, "escalated") ? "已升级" : "待整改");
        view_set(row, "OVERDUE", v->days_over > 0 ? "yes" : "no");
        if (v->days_over > 0)
            view_set(view_add(row, "LATE"), "DAYS", arena_printf(ctx->arena, "%d", v->days_over));
        else if (v->days_over == 0)
            view_show(row, "TODAY");
        else
            view_set(view_add(row, "LEFT"), "DAYS", arena_printf(ctx->arena, "%d", -v->days_over));
    }
    if (!d->violation_count)
        view_show(body, "NO_VIOLATIONS");
}

static void render_sites(view *body, const renovation_day *d) {
    for (size_t i = 0; i < d->site_count; i++) {
        const renovation_due_site *t = &d->sites[i];
        view *row = view_add(body, "SITE");
        view_set_int(row, "ID", t->id);
        view_set(row, "UNIT_CODE", t->unit_code);
        view_set(row, "PERMIT_NO", *t->permit_no ? t->permit_no : "—");
        view_set(row, "PERMIT_FROM", t->permit_from);
        view_set(row, "PERMIT_TO", t->permit_to);
        view_set(row, "STATE", t->state);
        view_set(row, "STATE_NAME", renovation_state_name(t->state));
        view_set(row, "LAST", t->last_patrol);
        view_set_int(row, "DAYS", t->days_since);
        view_show(row, *t->last_patrol ? "PATROLLED" : "NEVER");
        if (!strcmp(t->state, "inspecting"))
            view_show(row, "INSPECTING");
    }
    if (!d->site_count)
        view_show(body, "NO_SITES");
}

static int due_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修巡查日程。");
    const char *today = settlement_today(ctx->arena, ctx->now, ctx->user.community_zone);
    int days = ctx->config->renovation_patrol_days;
    renovation_day d;
    db_status s = renovation_day_load(ctx->arena, ctx->user.community_id, today, days, &d);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/renovation-due.tpl", "巡查日程");
    if (!body)
        return 500;
    view_set(body, "TODAY", today);
    view_set_int(body, "PATROL_DAYS", days);
    view_set_int(body, "VIOLATIONS", (long long)d.violation_count);
    view_set_int(body, "OVERDUE", (long long)d.overdue_count);
    view_set_int(body, "SITES_DUE", (long long)d.site_count);
    view_set_int(body, "INSPECTING", (long long)d.inspecting_count);
    view_set_int(body, "ACTIVE", d.active_count);
    render_violations(ctx, body, &d);
    render_sites(body, &d);
    return 0;
}

static const page renovation_due_page = {
    .name = "office/renovation-due",
    .access = PAGE_STAFF,
    .get = due_get,
};

int main(void) {
    return page_main(&renovation_due_page);
}
