/* portal/tickets.c: /portal/tickets, the household's tickets, newest first, twenty to a
 * page, open or closed ones only on request. */
#include <string.h>

#include "../core/arena.h"
#include "../core/clock.h"
#include "../core/page.h"
#include "../core/pagination.h"
#include "../domain/ticket.h"
#include "../domain/ticket_view.h"

#define TICKETS_PER_PAGE 20

static const char *const status_choices[] = {"open", "closed", NULL};

static const field query_fields[] = {
    {.name = "status", .kind = FIELD_ENUM, .choices = status_choices, .label = "状态"},
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = 100000, .label = "页码"},
    {0},
};

/* Adds a tab of the status filter; code "" is every ticket. */
static void add_tab(view *body, const char *code, const char *label, const char *current) {
    view *t = view_add(body, "TAB");
    view_set(t, "LABEL", label);
    if (code[0]) {
        view_set(view_add(t, "WITH_STATUS"), "CODE", code);
    }
    if (!strcmp(code, current))
        view_show(t, "CURRENT");
}

static int tickets_get(page_ctx *ctx) {
    const char *status = form_text(&ctx->query, "status");
    long long page_number = form_get(&ctx->query, "page")->present ? form_int(&ctx->query, "page") : 1;
    long long unit_id = ctx->user.unit_id;
    int r;
    ticket_filter f = {
        .community_id = ctx->user.community_id,
        .account_id = ctx->user.id,
        .unit_id = unit_id,
        .status = status[0] ? status : NULL,
        .now = ctx->now,
        .page = (int)page_number,
        .per_page = TICKETS_PER_PAGE,
    };
    ticket_row *rows = NULL;
    size_t count = 0;
    long long total = 0;
    r = ticket_list(ctx->arena, &f, &rows, &count, &total);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r)
        return page_error(ctx, r, NULL);
    view *body = page_body(ctx, "portal/tickets.tpl", "我的工单");
    if (!body)
        return 500;
    add_tab(body, "", "全部", status);
    add_tab(body, "open", "处理中", status);
    add_tab(body, "closed", "已结束", status);
    view_set_int(body, "TOTAL", total);
    const char *zone = ctx->user.community_zone;
    for (size_t i = 0; i < count; i++) {
        const ticket_row *t = &rows[i];
        view *row = view_add(body, "TICKET");
        ticket_fill_resident_row(row, t);
        /* One conversion a row: the date is the first ten characters of the time. */
        const char *when = clock_format(ctx->arena, t->created_at, zone, "%Y-%m-%dT%H:%M");
        view_set(row, "DATE", arena_strndup(ctx->arena, when, 10));
        view_set(row, "DATETIME", when);
        if (t->last_public_event_id > t->seen_event_id) {
            view *news = view_add(row, "NEWS");
            view_set(news, "WHAT", t->latest_public && t->latest_public[0] ? t->latest_public : "有新动态");
        }
        if (t->rating)
            view_set_int(view_add(row, "RATED"), "SCORE", t->rating);
    }
    if (!total) {
        view *empty = view_add(body, "EMPTY");
        view_set(empty, "TEXT",
                 !strcmp(status, "open")     ? "目前没有处理中的工单。"
                 : !strcmp(status, "closed") ? "还没有已结束的工单。"
                                             : "您还没有提交过报修或投诉。");
    }
    if (total > TICKETS_PER_PAGE) {
        view *pager = view_add(body, "PAGER");
        pagination_fill(pager, page_number, TICKETS_PER_PAGE, total);
        if (status[0])
            view_set(view_add(pager, "WITH_STATUS"), "CODE", status);
    }
    return 0;
}

static const page tickets_page = {
    .name = "portal/tickets",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .get = tickets_get,
};

int main(void) {
    return page_main(&tickets_page);
}
