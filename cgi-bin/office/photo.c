/* office/photo.c: /office/photo?id=N, a ticket's photo for staff of its community. The
 * page checks access; nginx sends the file (X-Accel-Redirect to an internal location). */
#include "../core/page.h"
#include "../domain/ticket.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "照片"},
    {0},
};

/* A technician who holds no desk role sees only the tickets given to them. */
static bool technician_only(const page_ctx *ctx) {
    return ticket_roles_technician_only(ctx->user.roles);
}

static bool hex_name(const char *s) {
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == 32;
}

static int photo_get(page_ctx *ctx) {
    ticket_photo_view photo;
    ticket_refusal why = {0};
    int s = ticket_photo(ctx->arena, form_int(&ctx->query, "id"), &photo, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, "没有这张照片。");
    ticket_view t;
    s = ticket_load(ctx->arena, ctx->user.community_id, photo.ticket_id, &t, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    /* Another community's photo, or a technician's look at someone else's ticket, is
     * answered as if it did not exist. */
    if (s || (technician_only(ctx) && t.assignee_staff_id != ctx->user.id))
        return page_error(ctx, 404, "没有这张照片。");
    /* The name was made by the domain; checked anyway so the header can never point
     * outside the uploads folder. */
    if (!hex_name(photo.file_name))
        return 500;
    response_header(ctx->resp, "Content-Type", photo.content_type);
    response_header(ctx->resp, "X-Accel-Redirect",
                    arena_printf(ctx->arena, "/uploads-internal/tickets/%s", photo.file_name));
    response_header(ctx->resp, "Cache-Control", "private, max-age=3600");
    return 0;
}

static const page photo_page = {
    .name = "office/photo",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = photo_get,
};

int main(void) {
    return page_main(&photo_page);
}
