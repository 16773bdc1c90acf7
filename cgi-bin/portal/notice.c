/* portal/notice.c: /portal/notice?id=N, one notice for the household, its paragraphs and
 * links, and its attachments; opening it records that the household read it. A notice that
 * is not live for the household is 404. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/notice.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "公告"},
    {0},
};

static int notice_get(page_ctx *ctx) {
    notice n;
    bool found = false;
    int r =
        notice_open_for_resident(ctx->arena, ctx->user.id, form_int(&ctx->query, "id"), ctx->now, &n, &found);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (!found)
        return page_error(ctx, 404, "没有这条公告，或它不是发给您家的。");
    view *body = page_body(ctx, "portal/notice.tpl", n.title);
    if (!body)
        return 500;
    view_set_int(body, "ID", n.id);
    view_set(body, "TITLE", n.title);
    view_set(body, "IMPORTANCE", n.importance);
    if (!strcmp(n.importance, "urgent"))
        view_show(body, "URGENT");
    view_set(body, "DATE",
             clock_format(ctx->arena, n.publish_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    if (n.expires_at)
        view_set(view_add(body, "EXPIRES"), "AT",
                 clock_format(ctx->arena, n.expires_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    /* Our own markup around escaped text: see notice_body_html. */
    view_set(body, "BODY_HTML", notice_body_html(ctx->arena, n.body));
    for (size_t i = 0; i < n.attachment_count; i++) {
        view *a = view_add(body, "ATTACHMENT");
        view_set_int(a, "ID", n.attachments[i].id);
        view_set(a, "NAME", n.attachments[i].original_name);
        view_set(a, "SIZE", arena_printf(ctx->arena, "%.1f KB", n.attachments[i].size_bytes / 1024.0));
    }
    return 0;
}

static const page notice_page = {
    .name = "portal/notice",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .get = notice_get,
};

int main(void) {
    return page_main(&notice_page);
}
