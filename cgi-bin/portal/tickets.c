/* portal/tickets.c: /portal/tickets, the household's tickets, newest first, twenty to a
 * page, open or closed ones only on request. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/ticket.h"

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

/* A link to page n of the same filter, as section name of body. */
static void add_page_link(view *body, const char *name, const char *status, long long n) {
    view *l = view_add(body, name);
    view_set_int(l, "PAGE", n);
    if (status[0])
        view_set(view_add(l, "WITH_STATUS"), "CODE", status);
}

static int tickets_get(page_ctx *ctx) {
    const char *status = form_text(&ctx->query, "status");
    long long page_number = form_get(&ctx->query, "page")->present ? form_int(&ctx->query, "page") : 1;
    long long unit_id = 0;
    int r = ticket_account_unit(ctx->arena, ctx->user.id, &unit_id);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
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
        view_set_int(row, "ID", t->id);
        view_set(row, "CODE", t->code);
        view_set(row, "STATUS", ticket_status_code(t->status));
        view_set(row, "STATUS_NAME", ticket_status_name(t->status));
        const char *kind = ticket_kind_name(t->kind);
        view_set(row, "KIND", kind ? kind : t->kind);
        view_set(row, "CATEGORY", t->category_name);
        view_set(row, "DESCRIPTION", t->description);
        view_set(row, "DATE", clock_format(ctx->arena, t->created_at, zone, "%Y-%m-%d"));
        view_set(row, "DATETIME", clock_format(ctx->arena, t->created_at, zone, "%Y-%m-%dT%H:%M"));
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
    long long pages = (total + TICKETS_PER_PAGE - 1) / TICKETS_PER_PAGE;
    if (pages > 1) {
        view *pager = view_add(body, "PAGER");
        view_set_int(pager, "PAGE_NUMBER", page_number);
        view_set_int(pager, "PAGES", pages);
        if (page_number > 1)
            add_page_link(pager, "PREV", status, page_number - 1 < pages ? page_number - 1 : pages);
        if (page_number < pages)
            add_page_link(pager, "NEXT", status, page_number + 1);
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
