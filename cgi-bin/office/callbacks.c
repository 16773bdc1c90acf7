/* office/callbacks.c: /office/callbacks, completed requests waiting for their callback
 * (回访), oldest first, with the last attempt that did not reach the resident. */
#include "../core/clock.h"
#include "../core/page.h"
#include "../core/pagination.h"
#include "../domain/ticket.h"

#define PER_PAGE 30

static const field query_fields[] = {
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = 100000, .label = "页码"},
    {0},
};

/* The last callback event of a ticket, if any: *found false when there was none. */
static int last_callback(page_ctx *ctx, long long ticket_id, ticket_event_view *out, bool *found) {
    ticket_event_view *ev;
    size_t n;
    int s = ticket_events(ctx->arena, ticket_id, false, &ev, &n);
    if (s < 0)
        return s;
    *found = false;
    for (size_t i = n; i-- > 0;) {
        if (ev[i].type == EV_CALLBACK) {
            *out = ev[i];
            *found = true;
            break;
        }
    }
    return 0;
}

static int callbacks_get(page_ctx *ctx) {
    const field_value *pg = form_get(&ctx->query, "page");
    ticket_filter f = {
        .community_id = ctx->user.community_id,
        .callbacks = true,
        .now = ctx->now,
        .page = pg->present ? (int)pg->number : 1,
        .per_page = PER_PAGE,
    };
    ticket_row *rows;
    size_t count;
    long long total;
    int s = ticket_list(ctx->arena, &f, &rows, &count, &total);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/callbacks.tpl", "回访");
    if (!body)
        return 500;
    const char *zone = ctx->user.community_zone;
    pagination_fill(body, f.page, PER_PAGE, total);
    if (!count)
        view_show(body, "EMPTY");
    if (ticket_roles_may(ctx->user.roles, EV_CALLBACK))
        view_show(body, "MAY_CALL");
    for (size_t i = 0; i < count; i++) {
        const ticket_row *r = &rows[i];
        view *row = view_add(body, "ROW");
        view_set_int(row, "ID", r->id);
        view_set(row, "CODE", r->code);
        view_set(row, "STATUS", ticket_status_code(r->status));
        view_set(row, "KIND_NAME", ticket_kind_name(r->kind));
        view_set(row, "CATEGORY_NAME", r->category_name);
        view_set(row, "WHERE", r->unit_code[0] ? r->unit_code : r->place);
        view_set(row, "DESCRIPTION", r->description);
        view_set(row, "REPORTER", r->reporter_name[0] ? r->reporter_name : "—");
        view_set(row, "PHONE", r->reporter_phone);
        view_set(row, "HANDLED_BY", r->assignee_name[0] ? r->assignee_name : r->department_name);
        view_set(row, "COMPLETED_AT",
                 r->completed_at ? clock_format(ctx->arena, r->completed_at, zone, "%m-%d %H:%M") : "");
        long long waited = r->completed_at ? (ctx->now - r->completed_at) / 3600 : 0;
        view_set(row, "WAITED",
                 waited >= 24 ? arena_printf(ctx->arena, "已等 %lld 天", waited / 24)
                              : arena_printf(ctx->arena, "已等 %lld 小时", waited));
        ticket_event_view last;
        bool found;
        if ((s = last_callback(ctx, r->id, &last, &found)) < 0)
            return page_db_error(ctx, s);
        if (found && last.reached != 1) {
            view *a = view_add(row, "MISSED");
            view_set(a, "AT", clock_format(ctx->arena, last.at, zone, "%m-%d %H:%M"));
            view_set(a, "BY", last.actor_name);
            if (last.text && last.text[0])
                view_set(view_add(a, "NOTE"), "TEXT", last.text);
        }
    }
    return 0;
}

static const page callbacks_page = {
    .name = "office/callbacks",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = callbacks_get,
};

int main(void) {
    return page_main(&callbacks_page);
}
