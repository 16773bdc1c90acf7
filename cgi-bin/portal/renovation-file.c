/* portal/renovation-file.c: /portal/renovation-file?id=F, an attachment of one of the
 * household's decoration cases; nginx sends the file. */
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
    long long unit_id = 0;
    int r = renovation_resident_unit(ctx->arena, ctx->user.id, &unit_id, NULL, NULL);
    if (r)
        return page_db_error(ctx, (db_status)r);
    if (!unit_id)
        return page_error(ctx, 404, "没有这个附件，或它不属于您房屋的装修申请。");
    return renovation_file_answer(ctx, form_int(&ctx->query, "id"), unit_id);
}

static const page renovation_file_page = {
    .name = "portal/renovation-file",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .get = renovation_file_get,
};

int main(void) {
    return page_main(&renovation_file_page);
}
