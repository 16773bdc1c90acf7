/* office/notices.c: /office/notices, 公告: every notice of the community newest first, with
 * its state, importance, audience, times and read rate, and a link to write a new one. */
#include "../core/page.h"
#include "../core/pagination.h"
#include "../domain/notice.h"

static const field query_fields[] = {
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = 100000, .label = "页码"},
    {0},
};

/* "65%" of read households, or "—" when the audience holds none. */
static const char *rate_text(arena *a, long long read, long long households) {
    if (!households)
        return "—";
    return arena_printf(a, "%lld%%", (read * 100 + households / 2) / households);
}

static int notices_get(page_ctx *ctx) {
    long long page_number = form_get(&ctx->query, "page")->present ? form_int(&ctx->query, "page") : 1;
    notice *rows = NULL;
    size_t count = 0;
    long long total = 0;
    int r = notice_list(ctx->arena, ctx->user.community_id, page_number, &rows, &count, &total);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    view *body = page_body(ctx, "office/notices.tpl", "公告");
    if (!body)
        return 500;
    if (notice_may_write(ctx->user.roles))
        view_show(body, "MAY_WRITE");
    for (size_t i = 0; i < count; i++) {
        const notice *n = &rows[i];
        view *row = view_add(body, "NOTICE");
        notice_view_facts(ctx->arena, row, n, ctx->now, ctx->user.community_zone);
        view_set_int(row, "HOUSEHOLDS", n->households);
        view_set_int(row, "READ", n->households_read);
        view_set(row, "RATE", rate_text(ctx->arena, n->households_read, n->households));
    }
    if (!total)
        view_show(body, "EMPTY");
    if (total > NOTICE_PER_PAGE)
        pagination_fill(view_add(body, "PAGER"), page_number, NOTICE_PER_PAGE, total);
    return 0;
}

static const page notices_page = {
    .name = "office/notices",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = notices_get,
};

int main(void) {
    return page_main(&notices_page);
}
