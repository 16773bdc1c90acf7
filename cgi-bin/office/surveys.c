/* office/surveys.c: /office/surveys, 满意度调查: the community's surveys with their phase,
 * period, audience and responses; editors start a new one from the service-quality
 * template or blank, or copy one (a survey with answers changes only as a copy). */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/survey_edit.h"

#define ID_MAX 999999999999LL

static const char *const actions[] = {"new", "copy", NULL};

static const field post_fields[] = {
    {.name = "action", .kind = FIELD_ENUM, .flags = FIELD_REQUIRED, .choices = actions, .label = "操作"},
    {.name = "template", .kind = FIELD_ENUM, .choices = survey_template_codes, .label = "模板"},
    {.name = "id", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "问卷"},
    {0},
};

static int surveys_get(page_ctx *ctx) {
    survey_list_row *rows;
    size_t n;
    int s = survey_list(ctx->arena, ctx->user.community_id, &rows, &n);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/surveys.tpl", "满意度调查");
    if (!body)
        return 500;
    bool editor = survey_may_edit(ctx->user.roles);
    if (editor) {
        view *f = view_add(body, "NEW");
        view_set(f, "CSRF", ctx->csrf);
    }
    const char *zone = ctx->user.community_zone;
    for (size_t i = 0; i < n; i++) {
        const survey_list_row *r = &rows[i];
        const char *phase = survey_phase(r->state, r->opens_at, r->closes_at, ctx->now);
        view *v = view_add(body, "SURVEY");
        view_set_int(v, "ID", r->id);
        view_set(v, "TITLE", r->title);
        view_set(v, "PHASE", phase);
        view_set(v, "PHASE_NAME", survey_phase_name(phase));
        view_set(v, "OPENS", clock_format(ctx->arena, r->opens_at, zone, "%Y-%m-%d %H:%M"));
        view_set(v, "CLOSES", clock_format(ctx->arena, r->closes_at, zone, "%Y-%m-%d %H:%M"));
        view_set(v, "AUDIENCE", r->audience);
        view_set(v, "AUDIENCE_TEXT",
                 survey_audience_text(ctx->arena, r->audience, r->buildings, r->ticket_from, r->ticket_to));
        view_set_int(v, "RESPONSES", r->responses);
        view_set_int(v, "QUESTIONS", r->questions);
        if (r->copied_from) {
            view *c = view_add(v, "COPIED");
            view_set_int(c, "FROM", r->copied_from);
        }
        if (strcmp(phase, "draft") != 0)
            view_show(v, "RESULTS");
        if (editor) {
            view *e = view_add(v, "EDIT");
            view_set(e, "CSRF", ctx->csrf);
            view_set_int(e, "ID", r->id);
        }
    }
    if (!n)
        view_show(body, "EMPTY");
    return 0;
}

static int surveys_post(page_ctx *ctx) {
    if (!survey_may_edit(ctx->user.roles))
        return page_error(ctx, 403, "只有客服主管、投诉专员、管理处主任和系统管理员可以设计问卷。");
    if (ctx->post.errors)
        return page_error(ctx, 422, "请求无效，请回到问卷列表重新操作。");
    long long id = 0;
    int s;
    if (!strcmp(form_text(&ctx->post, "action"), "new")) {
        survey_draft d;
        const char *code = form_text(&ctx->post, "template");
        if (!code[0])
            return page_error(ctx, 422, "请选择从哪个模板开始：满意度调查模板或空白问卷。");
        if (survey_template_make(ctx->arena, code, ctx->user.community_name, ctx->user.community_zone,
                                 ctx->now, &d) != 0)
            return 500;
        s = survey_create(ctx, &d, &id);
    } else {
        if (!form_get(&ctx->post, "id")->present)
            return page_error(ctx, 422, "请选择要复制的问卷。");
        s = survey_copy(ctx, form_int(&ctx->post, "id"), &id);
    }
    if (s < 0)
        return page_db_error(ctx, s);
    if (s == 404)
        return page_error(ctx, 404, "本小区没有这份问卷。");
    const char *saved = !strcmp(form_text(&ctx->post, "action"), "new") ? "created" : "copied";
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/survey-edit?id=%lld&saved=%s", id, saved));
}

static const page surveys_page = {
    .name = "office/surveys",
    .access = PAGE_STAFF,
    .post_fields = post_fields,
    .get = surveys_get,
    .post = surveys_post,
};

int main(void) {
    return page_main(&surveys_page);
}
