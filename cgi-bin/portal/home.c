/* portal/home.c: /portal/home, the resident's start page: their home and household. */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/household.h"
#include "../domain/notice.h"
#include "../domain/survey_answer.h"
#include "../domain/ticket.h"
#include "../domain/ticket_view.h"

static const char *unit_type_name(const char *type) {
    if (!type)
        return "";
    return !strcmp(type, "shop")      ? "商铺"
           : !strcmp(type, "parking") ? "车位"
           : !strcmp(type, "storage") ? "储藏室"
                                      : "住宅";
}

/* How many tickets the home page lists; the rest are a click away in 我的工单. */
#define HOME_TICKETS 10

/* What the resident should notice about a ticket on the home page, or NULL. */
static const char *ticket_news(const ticket_row *t) {
    if (t->status == ST_COMPLETED && !t->rating)
        return "已完成，待评价";
    if (t->last_public_event_id > t->seen_event_id)
        return t->latest_public && t->latest_public[0] ? t->latest_public : "有新动态";
    return NULL;
}

/* The section 我的报修与投诉: open tickets and those with news. 0, or a status. */
static int home_tickets(page_ctx *ctx, view *body) {
    ticket_row *rows = NULL;
    size_t count = 0;
    int r = ticket_home(ctx->arena, ctx->user.id, ctx->user.unit_id, HOME_TICKETS, &rows, &count);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r)
        return page_error(ctx, r, NULL);
    view *section = view_add(body, "TICKETS");
    if (!count)
        view_show(section, "NO_TICKETS");
    for (size_t i = 0; i < count; i++) {
        const ticket_row *t = &rows[i];
        view *row = view_add(section, "TICKET");
        ticket_fill_resident_row(row, t);
        const char *news = ticket_news(t);
        if (news)
            view_set(view_add(row, "NEWS"), "WHAT", news);
    }
    return 0;
}

/* The section 公告: the live notices not yet opened, urgent ones first. 0, or a status. */
static int home_notices(page_ctx *ctx, view *body) {
    notice *rows = NULL;
    size_t count = 0;
    int r = notice_unread_for_resident(ctx->arena, ctx->user.id, ctx->now, 5, &rows, &count);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    view *section = count ? view_add(body, "NOTICES") : NULL;
    for (size_t i = 0; i < count; i++) {
        view *row = view_add(section, "NOTICE");
        view_set_int(row, "ID", rows[i].id);
        view_set(row, "TITLE", rows[i].title);
        view_set(row, "IMPORTANCE", rows[i].importance);
        if (!strcmp(rows[i].importance, "urgent"))
            view_show(row, "URGENT");
    }
    return 0;
}

/* The section 调查: the open surveys of the household not answered yet. 0, or a status. */
static int home_surveys(page_ctx *ctx, view *body, long long unit_id) {
    survey_item *items;
    size_t count = 0;
    int r = survey_household_list(ctx->arena, ctx->user.community_id, ctx->user.community_zone, unit_id,
                                  ctx->now, true, &items, &count);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    view *section = count ? view_add(body, "SURVEYS") : NULL;
    for (size_t i = 0; i < count; i++) {
        view *row = view_add(section, "SURVEY");
        view_set_int(row, "ID", items[i].id);
        view_set(row, "TITLE", items[i].title);
        view_set(row, "CLOSES",
                 clock_format(ctx->arena, items[i].closes_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    }
    return 0;
}

static int home_get(page_ctx *ctx) {
    household h;
    db_status s = household_load(ctx->arena, ctx->user.id, &h);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "portal/home.tpl", "首页");
    if (!body)
        return 500;
    view_set(body, "USER_NAME", ctx->user.name);
    view_set(body, "COMMUNITY_NAME", h.community_name);
    view_set(body, "COMMUNITY_PHONE", h.community_phone);
    view_set(body, "COMMUNITY_ADDRESS", h.community_address);
    int r = home_notices(ctx, body);
    if (!r)
        r = home_tickets(ctx, body);
    if (r)
        return r;
    if (!h.unit_id) {
        view_show(body, "NO_UNIT");
        return 0;
    }
    long long owed = h.owed_fen;
    view *fees = view_add(body, "FEES");
    view_set_int(fees, "OWED_FEN", owed);
    view_set(fees, "OWED", money_format(ctx->arena, owed));
    view_show(fees, owed > 0 ? "OWES" : "SETTLED");
    if ((r = home_surveys(ctx, body, h.unit_id)) != 0)
        return r;
    view *unit = view_add(body, "UNIT");
    view_set(unit, "UNIT_CODE", h.unit_code);
    view_set(unit, "BUILDING", h.building_name);
    view_set_int(unit, "FLOOR", h.floor);
    view_set(unit, "AREA", h.area_m2);
    view_set(unit, "TYPE", unit_type_name(h.unit_type));
    view_set(unit, "RELATION", household_relation_name(h.relation));
    for (size_t i = 0; i < h.member_count; i++) {
        view *m = view_add(unit, "MEMBER");
        view_set(m, "NAME", h.members[i].name);
        view_set(m, "RELATION", household_relation_name(h.members[i].relation));
        view_set(m, "SINCE", h.members[i].since);
        if (h.members[i].is_self)
            view_show(m, "SELF");
    }
    return 0;
}

static const page home_page = {
    .name = "portal/home",
    .access = PAGE_RESIDENT,
    .get = home_get,
};

int main(void) {
    return page_main(&home_page);
}
