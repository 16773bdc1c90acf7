/* portal/survey.c: /portal/survey?id=N, a survey (满意度调查) answered by the resident for
 * the household of their current unit; a second submission replaces the first until the
 * survey closes. */
#include "../domain/survey.h"
#include "../core/page.h"
#include "../domain/survey_answer.h"
#include "../domain/survey_form.h"

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 1000000000000LL,
     .label = "调查"},
    {.name = "done", .kind = FIELD_INT, .min = 0, .max = 1, .label = "提交结果"},
    {0},
};

/* The survey and who answers it, or a status: 404 for a survey that is not this
 * household's to answer (another community's, not its audience, or no household). */
static int load(page_ctx *ctx, survey *s, survey_answerer *who) {
    long long unit_id = 0;
    const char *unit_code = "";
    bool found = false, in = false;
    int st = survey_resident_unit(ctx->arena, ctx->user.id, &unit_id, &unit_code);
    if (st == 0)
        st = survey_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), s, &found);
    if (st == 0 && found && unit_id)
        st = survey_in_audience(ctx->arena, s, ctx->user.community_zone, unit_id, &in);
    if (st != 0)
        return page_db_error(ctx, (db_status)st);
    if (!unit_id)
        return page_error(ctx, 404, "您的账户尚未关联在住的房屋，无法填写调查。请到物业服务中心办理。");
    if (!found || !in)
        return page_error(ctx, 404, "没有这份调查，或它不是发给您家的。");
    *who = (survey_answerer){
        .unit_id = unit_id,
        .unit_code = unit_code,
        .account_id = ctx->user.id,
        .channel = "portal",
        .self = arena_printf(ctx->arena, "/portal/survey?id=%lld", s->id),
        .zone = ctx->user.community_zone,
        .page_template = "portal/survey.tpl",
    };
    return 0;
}

static int survey_answer(page_ctx *ctx) {
    return survey_form_handle(ctx, load);
}

static const page survey_page = {
    .name = "portal/survey",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .get = survey_answer,
    .post = survey_answer,
    .body_max = 512 * 1024, /* long answers arrive percent-encoded: 9 bytes a character */
};

int main(void) {
    return page_main(&survey_page);
}
