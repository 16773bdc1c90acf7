/* office/renovation-file.c: /office/renovation-file?id=F, an attachment or patrol photo of
 * one of the community's decoration cases, for staff who may see cases; nginx sends it. */
#include "../core/page.h"
#include "../domain/renovation_apply.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "附件"},
    {0},
};

static int renovation_file_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修资料。");
    return renovation_file_answer(ctx, form_int(&ctx->query, "id"), 0);
}

static const page renovation_file_page = {
    .name = "office/renovation-file",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = renovation_file_get,
};

int main(void) {
    return page_main(&renovation_file_page);
}
