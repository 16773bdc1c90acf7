/* portal/notices.c: /portal/notices, 公告: the notices live for the household, urgent
 * unread ones first, then newest first, the unread ones marked; twenty to a page. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../core/pagination.h"
#include "../domain/notice.h"

static const field query_fields[] = {
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = 100000, .label = "页码"},
    {0},
};

static int notices_get(page_ctx *ctx) {
    long long page_number = form_get(&ctx->query, "page")->present ? form_int(&ctx->query, "page") : 1;
    notice *rows = NULL;
    size_t count = 0;
    long long total = 0;
    int r = notice_list_for_resident(ctx->arena, ctx->user.id, ctx->now, page_number, &rows, &count, &total);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    view *body = page_body(ctx, "portal/notices.tpl", "公告");
    if (!body)
        return 500;
    for (size_t i = 0; i < count; i++) {
        const notice *n = &rows[i];
        view *row = view_add(body, "NOTICE");
        view_set_int(row, "ID", n->id);
        view_set(row, "TITLE", n->title);
        view_set(row, "IMPORTANCE", n->importance);
        view_set(row, "READ", n->read ? "1" : "0");
        view_set(row, "DATE", clock_format(ctx->arena, n->publish_at, ctx->user.community_zone, "%Y-%m-%d"));
        if (!n->read)
            view_show(row, "UNREAD");
        if (!strcmp(n->importance, "urgent"))
            view_show(row, "URGENT");
    }
    if (!total)
        view_show(body, "EMPTY");
    if (total > NOTICE_PER_PAGE)
        pagination_fill(view_add(body, "PAGER"), page_number, NOTICE_PER_PAGE, total);
    return 0;
}

static const page notices_page = {
    .name = "portal/notices",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .get = notices_get,
};

int main(void) {
    return page_main(&notices_page);
}
