/* portal/photo.c: /portal/photo?id=N, a photo of one of the household's tickets. The
 * program only decides who may see it; nginx sends the file (X-Accel-Redirect into the
 * internal /uploads-internal/ location). */
#include <string.h>

#include "../core/page.h"
#include "../domain/ticket.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 1000000000000LL,
     .label = "照片编号"},
    {0},
};

/* The stored name is ours (random hex); anything else must not reach a header or a path. */
static bool safe_file_name(const char *s) {
    if (!s || !*s || strlen(s) > 64)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return false;
    return true;
}

static bool image_type(const char *type) {
    return type && (!strcmp(type, "image/jpeg") || !strcmp(type, "image/png") || !strcmp(type, "image/webp"));
}

static int photo_get(page_ctx *ctx) {
    ticket_photo_view photo;
    ticket_refusal why = {0};
    int r = ticket_photo(ctx->arena, form_int(&ctx->query, "id"), &photo, &why);
    if (r == 0) {
        ticket_view t;
        r = ticket_load_for_resident(ctx->arena, ctx->user.id, photo.ticket_id, &t, &why);
    }
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (r)
        return page_error(ctx, 404, "没有找到这张照片，或它不属于您的房屋的工单。");
    if (!safe_file_name(photo.file_name) || !image_type(photo.content_type))
        return page_error(ctx, 404, "这张照片无法显示，请联系物业服务中心。");
    if (response_header(ctx->resp, "Content-Type", photo.content_type) != 0 ||
        response_header(ctx->resp, "X-Accel-Redirect",
                        arena_printf(ctx->arena, "/uploads-internal/tickets/%s", photo.file_name)) != 0 ||
        response_header(ctx->resp, "Cache-Control", "private, max-age=3600") != 0)
        return 500;
    return 0;
}

static const page photo_page = {
    .name = "portal/photo",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .get = photo_get,
};

int main(void) {
    return page_main(&photo_page);
}
