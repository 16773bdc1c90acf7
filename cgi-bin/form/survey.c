/* form/survey.c: /form/survey?t=TOKEN, a survey answered through a personal link (a QR code
 * on a slip from the front desk) without logging in. The token names the survey and the
 * household and is signed (survey_token_make); it expires when the survey closes, and a
 * token made for an earlier close date is refused, so moving the close voids old links. */
#include <string.h>

#include "../core/page.h"
#include "../domain/survey.h"
#include "../domain/survey_answer.h"
#include "../domain/survey_form.h"

static const field query_fields[] = {
    {.name = "t", .kind = FIELD_TEXT, .max = 200, .label = "链接"},
    {.name = "done", .kind = FIELD_INT, .min = 0, .max = 1, .label = "提交结果"},
    {0},
};

#define LINK_INVALID                                                                                         \
    "链接无效：这个调查链接不完整或已被改动。请重新扫描二维码，或向物业服务中心索取新的链接。"

/* The survey and household of the link, or 403 with why the link cannot be used. */
static int load(page_ctx *ctx, survey *s, survey_answerer *who) {
    const char *token = form_text(&ctx->query, "t");
    long long survey_id, unit_id, expires;
    if (survey_token_read(ctx->config->key, token, &survey_id, &unit_id, &expires) != 0)
        return page_error(ctx, 403, LINK_INVALID);
    if (ctx->now >= expires)
        return page_error(ctx, 403, "链接已过期：这份调查已经截止，不再接受填写。感谢您的关注。");
    survey_link_place place;
    bool found = false, in = false;
    int st = survey_link_place_load(ctx->arena, survey_id, unit_id, &place, &found);
    if (st == 0 && found)
        st = survey_load(ctx->arena, place.community_id, survey_id, s, &found);
    if (st == 0 && found)
        st = survey_in_audience(ctx->arena, s, place.zone, unit_id, &in);
    if (st != 0)
        return page_db_error(ctx, (db_status)st);
    if (!found || strcmp(s->state, "published") != 0)
        return page_error(ctx, 403, LINK_INVALID);
    if (s->closes_at != expires)
        return page_error(
            ctx, 403,
            "链接已失效：这份调查的截止时间已经调整，旧链接不能再用。请向物业服务中心索取新的链接。");
    if (ctx->now < s->opens_at)
        return page_error(ctx, 403, "这份调查尚未开始，请在开始后再打开此链接。");
    if (!in)
        return page_error(ctx, 403,
                          "这个链接所属的房屋不在本次调查范围内，无法填写。如有疑问请联系物业服务中心。");
    *who = (survey_answerer){
        .unit_id = unit_id,
        .unit_code = place.unit_code,
        .account_id = 0,
        .channel = "link",
        .self = arena_printf(ctx->arena, "/form/survey?t=%s", token),
        .zone = place.zone,
        .page_template = "form/survey.tpl",
    };
    return 0;
}

static int survey_answer(page_ctx *ctx) {
    return survey_form_handle(ctx, load);
}

static const page survey_page = {
    .name = "form/survey",
    .access = PAGE_PUBLIC,
    .flags = PAGE_TOKEN_FORM,
    .query_fields = query_fields,
    .get = survey_answer,
    .post = survey_answer,
    .body_max = 512 * 1024, /* long answers arrive percent-encoded: 9 bytes a character */
};

int main(void) {
    return page_main(&survey_page);
}
