/* office/notice-file.c: /office/notice-file?id=N, an attachment of one of the community's
 * notices, for staff; nginx sends the file. */
#include "../core/page.h"
#include "../domain/notice.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 999999999999LL,
     .label = "附件"},
    {0},
};

static int notice_file_get(page_ctx *ctx) {
    return notice_attachment_answer(ctx, form_int(&ctx->query, "id"), false);
}

static const page notice_file_page = {
    .name = "office/notice-file",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = notice_file_get,
};

int main(void) {
    return page_main(&notice_file_page);
}
