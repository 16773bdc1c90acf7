/* office/renovation-pass-photo.c: /office/renovation-pass-photo?id=P, the photo on a
 * worker pass, for staff of its community who may see decoration cases; nginx sends the
 * file (X-Accel-Redirect to the internal uploads location). */
#include <string.h>

#include "../core/page.h"
#include "../domain/renovation_pass.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "出入证"},
    {0},
};

/* The stored name is ours (32 hex digits); anything else must not reach a header. */
static bool stored_name(const char *s) {
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == 32;
}

static int photo_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修案卷。");
    renovation_pass p;
    bool found = false;
    db_status s =
        renovation_pass_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), &p, &found);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (!found || !*p.photo_file)
        return page_error(ctx, 404, "没有这张照片。");
    if (!stored_name(p.photo_file) ||
        (strcmp(p.photo_type, "image/jpeg") && strcmp(p.photo_type, "image/png") &&
         strcmp(p.photo_type, "image/webp")))
        return 500;
    if (response_header(ctx->resp, "Content-Type", p.photo_type) != 0 ||
        response_header(ctx->resp, "X-Accel-Redirect",
                        arena_printf(ctx->arena, "/uploads-internal/renovations/%s", p.photo_file)) != 0 ||
        response_header(ctx->resp, "Cache-Control", "private, max-age=3600") != 0)
        return 500;
    return 0;
}

static const page renovation_pass_photo_page = {
    .name = "office/renovation-pass-photo",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = photo_get,
};

int main(void) {
    return page_main(&renovation_pass_photo_page);
}
