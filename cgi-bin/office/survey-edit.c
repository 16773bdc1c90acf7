/* office/survey-edit.c: /office/survey-edit?id=N, 问卷设计: a survey's settings (title,
 * introduction, period, audience, target) and its questions in order, added, changed,
 * moved and removed while nobody has answered, and publishing the draft. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../core/utf8.h"
#include "../domain/archive.h"
#include "../domain/survey.h"
#include "../domain/survey_edit.h"

#define ID_MAX 999999999999LL
#define CHOICES_MIN 2
#define CHOICES_MAX 20
#define CHOICE_CHARS 100

static const char *const saved_choices[] = {"created",         "copied",          "settings",
                                            "question_add",    "question_update", "question_move",
                                            "question_remove", "publish",         NULL};
static const char *const saved_names[] = {"已新建问卷草稿，请检查设置和题目，然后发布。",
                                          "已复制为新的问卷草稿，可以修改题目后发布。",
                                          "已保存问卷设置。",
                                          "已添加题目。",
                                          "已保存题目。",
                                          "已调整题目顺序。",
                                          "已删除题目。",
                                          "问卷已发布：调查时间内住户可以作答。"};
static const char *const actions[] = {
    "settings", "question_add", "question_update", "question_move", "question_remove", "publish", NULL};
static const char *const audiences[] = {"community", "buildings", "ticket_households", NULL};
static const char *const audience_names[] = {"全小区", "部分楼栋", "某段时间内报事的住户"};
static const char *const dirs[] = {"up", "down", NULL};
static const char *const one[] = {"1", NULL};

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .flags = FIELD_REQUIRED, .min = 1, .max = ID_MAX, .label = "问卷"},
    {.name = "saved", .kind = FIELD_ENUM, .choices = saved_choices, .label = "已保存"},
    {0},
};

static const field post_fields[] = {
    {.name = "action", .kind = FIELD_ENUM, .flags = FIELD_REQUIRED, .choices = actions, .label = "操作"},
    {.name = "title", .kind = FIELD_TEXT, .min = 1, .max = 100, .label = "问卷标题"},
    {.name = "intro", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 2000, .label = "问卷说明"},
    {.name = "opens_at", .kind = FIELD_DATETIME, .label = "开始时间"},
    {.name = "closes_at", .kind = FIELD_DATETIME, .label = "结束时间"},
    {.name = "audience", .kind = FIELD_ENUM, .choices = audiences, .label = "调查对象"},
    {.name = "building",
     .kind = FIELD_TEXT,
     .flags = FIELD_REPEATED,
     .max = 10,
     .label = "楼栋",
     .max_count = 100},
    {.name = "ticket_from", .kind = FIELD_DATE, .label = "报事起始日期"},
    {.name = "ticket_to", .kind = FIELD_DATE, .label = "报事截止日期"},
    {.name = "target_pct", .kind = FIELD_INT, .min = 50, .max = 100, .label = "满意率目标"},
    {.name = "question", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "题目"},
    {.name = "dir", .kind = FIELD_ENUM, .choices = dirs, .label = "方向"},
    {.name = "type", .kind = FIELD_ENUM, .choices = survey_types, .label = "题型"},
    {.name = "text", .kind = FIELD_TEXT, .min = 1, .max = 300, .label = "题目内容"},
    {.name = "choices", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 3000, .label = "选项"},
    {.name = "area", .kind = FIELD_ENUM, .choices = survey_areas, .label = "服务项目"},
    {.name = "dimension", .kind = FIELD_ENUM, .choices = survey_dimensions, .label = "服务质量维度"},
    {.name = "required", .kind = FIELD_ENUM, .choices = one, .label = "必答"},
    {0},
};

/* A question's values for its form. */
typedef struct question_values {
    const char *type, *text, *choices, *area, *dimension;
    bool required;
} question_values;

static void add_options(view *f, const char *section, const char *const *codes,
                        const char *(*name)(const char *), const char *chosen) {
    for (size_t i = 0; codes[i]; i++) {
        view *o = view_add(f, section);
        view_set(o, "VALUE", codes[i]);
        view_set(o, "LABEL", name(codes[i]));
        if (chosen && !strcmp(chosen, codes[i]))
            view_show(o, "SELECTED");
    }
}

/* Fills the question form included at KEY in parent; posted: it is the form just refused. */
static void fill_question_form(page_ctx *ctx, view *parent, const char *key, const question_values *v,
                               bool posted) {
    view *f = view_include(parent, key, "office/survey-question.tpl");
    if (!f)
        return;
    if (posted)
        page_form_values(ctx, &ctx->post, f);
    view_set(f, "CSRF", ctx->csrf);
    view_set(f, "TEXT", v->text);
    view_set(f, "CHOICES", v->choices);
    add_options(f, "TYPE_OPTION", survey_types, survey_type_name, v->type);
    add_options(f, "AREA_OPTION", survey_areas, survey_area_name, v->area);
    add_options(f, "DIMENSION_OPTION", survey_dimensions, survey_dimension_name, v->dimension);
    if (v->required)
        view_show(f, "REQUIRED_CHECKED");
}

static question_values posted_question(page_ctx *ctx) {
    const form *p = &ctx->post;
    return (question_values){form_text(p, "type"),      form_text(p, "text"),
                             form_text(p, "choices"),   form_text(p, "area"),
                             form_text(p, "dimension"), form_get(p, "required")->present};
}

static const char *local(page_ctx *ctx, long long t) {
    return clock_format(ctx->arena, t, ctx->user.community_zone, "%Y-%m-%dT%H:%M");
}

static void fill_settings(page_ctx *ctx, view *body, const survey *sv, bool answered, bool posted) {
    view *f = view_add(body, "SETTINGS");
    view_set(f, "CSRF", ctx->csrf);
    view_set_int(f, "ID", sv->id);
    const char *audience = sv->audience;
    const char **codes = NULL;
    size_t ncodes = 0;
    if (survey_building_codes(ctx->arena, sv->id, &codes, &ncodes) != 0)
        ncodes = 0;
    if (posted) {
        page_form_values(ctx, &ctx->post, f);
        audience = form_text(&ctx->post, "audience");
        const field_value *b = form_get(&ctx->post, "building");
        codes = arena_alloc(ctx->arena, (b->nmore ? b->nmore : 1) * sizeof *codes);
        for (ncodes = 0; codes && b->more && ncodes < b->nmore; ncodes++)
            codes[ncodes] = b->more[ncodes]->value;
    } else {
        view_set(f, "TITLE", sv->title);
        view_set(f, "INTRO", sv->intro);
        view_set(f, "OPENS_AT", local(ctx, sv->opens_at));
        view_set(f, "CLOSES_AT", local(ctx, sv->closes_at));
        view_set(f, "TICKET_FROM", sv->ticket_from);
        view_set(f, "TICKET_TO", sv->ticket_to);
        view_set_int(f, "TARGET_PCT", sv->target_pct);
    }
    archive_building *bs;
    size_t nb;
    if (archive_buildings(ctx->arena, ctx->user.community_id, &bs, &nb) != 0)
        nb = 0;
    if (answered) {
        /* The audience stays: sent back as it is, shown as text. */
        view *k = view_add(f, "AUDIENCE_KEPT");
        const char *names = "";
        for (size_t i = 0; i < ncodes; i++) {
            view_set(view_add(k, "KEPT_BUILDING"), "CODE", codes[i]);
            for (size_t j = 0; j < nb; j++)
                if (!strcmp(bs[j].code, codes[i]))
                    names = arena_printf(ctx->arena, "%s%s%s", names, names[0] ? "、" : "", bs[j].name);
        }
        view_set(k, "AUDIENCE", sv->audience);
        view_set(k, "TICKET_FROM", sv->ticket_from);
        view_set(k, "TICKET_TO", sv->ticket_to);
        view_set(k, "TEXT",
                 survey_audience_text(ctx->arena, sv->audience, names, sv->ticket_from, sv->ticket_to));
        return;
    }
    view *a = view_add(f, "AUDIENCE_FORM");
    if (posted)
        page_form_values(ctx, &ctx->post, a);
    view_set(a, "TICKET_FROM", posted ? form_text(&ctx->post, "ticket_from") : sv->ticket_from);
    view_set(a, "TICKET_TO", posted ? form_text(&ctx->post, "ticket_to") : sv->ticket_to);
    for (size_t i = 0; audiences[i]; i++) {
        view *o = view_add(a, "AUDIENCE_OPTION");
        view_set(o, "VALUE", audiences[i]);
        view_set(o, "LABEL", audience_names[i]);
        if (!strcmp(audience, audiences[i]))
            view_show(o, "CHECKED");
    }
    for (size_t j = 0; j < nb; j++) {
        view *o = view_add(a, "BUILDING_OPTION");
        view_set(o, "CODE", bs[j].code);
        view_set(o, "NAME", bs[j].name);
        for (size_t i = 0; i < ncodes; i++)
            if (!strcmp(codes[i], bs[j].code))
                view_show(o, "CHECKED");
    }
}

static void fill_question(page_ctx *ctx, view *body, const survey *sv, size_t i, bool editable) {
    const survey_question *q = &sv->questions[i];
    view *v = view_add(body, "QUESTION");
    view_set_int(v, "ID", q->id);
    view_set_int(v, "POSITION", q->position);
    view_set(v, "TYPE", q->type);
    view_set(v, "TYPE_NAME", survey_type_name(q->type));
    view_set(v, "TEXT", q->text);
    view_set(v, "AREA", q->area);
    view_set(v, "DIMENSION", q->dimension);
    if (q->area[0])
        view_set(view_add(v, "AREA_TAG"), "NAME", survey_area_name(q->area));
    if (q->dimension[0])
        view_set(view_add(v, "DIMENSION_TAG"), "NAME", survey_dimension_name(q->dimension));
    view_set(v, "REQUIRED", q->required ? "1" : "0");
    if (q->required)
        view_show(v, "IS_REQUIRED");
    const char *joined = "";
    view *list = q->choice_count ? view_add(v, "CHOICE_LIST") : NULL;
    for (size_t c = 0; c < q->choice_count; c++) {
        view_set(view_add(list, "CHOICE"), "TEXT", q->choices[c]);
        joined = arena_printf(ctx->arena, "%s%s%s", joined, c ? "\n" : "", q->choices[c]);
    }
    if (!editable)
        return;
    view *e = view_add(v, "EDITABLE");
    view_set(e, "CSRF", ctx->csrf);
    view_set_int(e, "SURVEY", sv->id);
    view_set_int(e, "QUESTION_ID", q->id);
    if (i > 0)
        view_show(e, "CAN_UP");
    if (i + 1 < sv->question_count)
        view_show(e, "CAN_DOWN");
    bool posted = ctx->req->method == METHOD_POST &&
                  !strcmp(form_text(&ctx->post, "action"), "question_update") &&
                  form_int(&ctx->post, "question") == q->id;
    if (posted)
        view_show(e, "OPEN");
    question_values mine = {q->type, q->text, joined, q->area, q->dimension, q->required};
    question_values sent = posted ? posted_question(ctx) : mine;
    fill_question_form(ctx, e, "QFORM", &sent, posted);
}

/* The page; refused: a message shown above everything after a refused publish. */
static int render(page_ctx *ctx, const char *refused) {
    survey sv;
    bool found, answered = false;
    int s = survey_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), &sv, &found);
    if (s == 0 && found)
        s = survey_answered(ctx->arena, sv.id, &answered);
    if (s < 0)
        return page_db_error(ctx, s);
    if (!found)
        return page_error(ctx, 404, "本小区没有这份问卷。");
    view *body = page_body(ctx, "office/survey-edit.tpl", "问卷设计");
    if (!body)
        return 500;
    const char *phase = survey_phase(sv.state, sv.opens_at, sv.closes_at, ctx->now);
    view_set_int(body, "ID", sv.id);
    view_set(body, "TITLE", sv.title);
    view_set(body, "PHASE", phase);
    view_set(body, "PHASE_NAME", survey_phase_name(phase));
    view_set_int(body, "RESPONSES", sv.responses);
    view_set_int(body, "QUESTION_COUNT", (long long)sv.question_count);
    view_set(body, "ANSWERED", answered ? "1" : "0");
    view_set(body, "CSRF", ctx->csrf);
    const char *saved = form_text(&ctx->query, "saved");
    for (size_t i = 0; ctx->req->method != METHOD_POST && saved[0] && saved_choices[i]; i++)
        if (!strcmp(saved, saved_choices[i]))
            view_set(view_add(body, "SAVED"), "MESSAGE", saved_names[i]);
    if (refused)
        view_set(view_add(body, "REFUSED"), "MESSAGE", refused);
    if (strcmp(phase, "draft") != 0)
        view_show(body, "RESULTS");
    const char *action = ctx->req->method == METHOD_POST ? form_text(&ctx->post, "action") : "";
    fill_settings(ctx, body, &sv, answered, !strcmp(action, "settings"));
    if (!strcmp(sv.state, "draft"))
        view_show(body, "PUBLISH");
    if (answered)
        view_show(body, "LOCKED");
    for (size_t i = 0; i < sv.question_count; i++)
        fill_question(ctx, body, &sv, i, !answered);
    if (!sv.question_count)
        view_show(body, "NO_QUESTIONS");
    if (!answered) {
        view *add = view_add(body, "ADD");
        bool posted = !strcmp(action, "question_add");
        question_values blank = {"rating", "", "", "", "", true};
        question_values sent = posted ? posted_question(ctx) : blank;
        fill_question_form(ctx, add, "QFORM", &sent, posted);
        if (posted)
            view_show(add, "OPEN");
    }
    return 0;
}

static int edit_get(page_ctx *ctx) {
    if (!survey_may_edit(ctx->user.roles))
        return page_error(ctx, 403, "只有客服主管、投诉专员、管理处主任和系统管理员可以设计问卷。");
    return render(ctx, NULL);
}

static void require(page_ctx *ctx, const char *name, const char *message) {
    const field_value *v = form_get(&ctx->post, name);
    if (!v->present && !v->error)
        form_set_error(&ctx->post, name, message);
}

/* The local time field name as unix seconds, marking it when it does not exist there. */
static long long read_time(page_ctx *ctx, const char *name) {
    long long t = 0;
    const field_value *v = form_get(&ctx->post, name);
    if (v->present && !v->error && clock_parse_local(v->text, ctx->user.community_zone, &t) != 0)
        form_set_error(&ctx->post, name, "这个时间在本地不存在，请换一个时间");
    return t;
}

static int post_settings(page_ctx *ctx, long long id, survey_refusal *why) {
    require(ctx, "title", "请填写问卷标题");
    require(ctx, "opens_at", "请填写开始时间");
    require(ctx, "closes_at", "请填写结束时间");
    require(ctx, "audience", "请选择调查对象");
    require(ctx, "target_pct", "请填写满意率目标（50-100）");
    const field_value *b = form_get(&ctx->post, "building");
    survey_settings st = {
        .title = form_text(&ctx->post, "title"),
        .intro = form_text(&ctx->post, "intro"),
        .opens_at = read_time(ctx, "opens_at"),
        .closes_at = read_time(ctx, "closes_at"),
        .audience = form_text(&ctx->post, "audience"),
        .ticket_from = form_text(&ctx->post, "ticket_from"),
        .ticket_to = form_text(&ctx->post, "ticket_to"),
        .target_pct = (int)form_int(&ctx->post, "target_pct"),
    };
    if (ctx->post.errors)
        return 422;
    const char **codes = arena_alloc(ctx->arena, (b->nmore ? b->nmore : 1) * sizeof *codes);
    if (!codes)
        return 500;
    for (size_t i = 0; b->more && i < b->nmore; i++)
        codes[i] = b->more[i]->value;
    st.buildings = codes;
    st.building_count = b->more ? b->nmore : 0;
    return survey_settings_save(ctx, id, &st, why);
}

/* The choices one per line, trimmed, without blank lines; marks the field when they do
 * not fit the type (2-20 for single and multiple choice, none for the others). */
static const char *read_choices(page_ctx *ctx, const char *type) {
    const char *text = form_text(&ctx->post, "choices"), *out = "";
    size_t count = 0;
    bool too_long = false;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        const char *start = p;
        size_t m = n;
        while (m && (*start == ' ' || *start == '\t')) {
            start++;
            m--;
        }
        while (m && (start[m - 1] == '\r' || start[m - 1] == ' ' || start[m - 1] == '\t'))
            m--;
        if (m) {
            too_long = too_long || utf8_count(start, m) > CHOICE_CHARS;
            out = arena_printf(ctx->arena, "%s%s%.*s", out, count ? "\n" : "", (int)m, start);
            count++;
        }
        p += n + (p[n] == '\n');
    }
    bool choice = !strcmp(type, "single") || !strcmp(type, "multiple");
    if (choice && (count < CHOICES_MIN || count > CHOICES_MAX))
        form_set_error(&ctx->post, "choices", "单选题和多选题请填写 2-20 个选项，每行一个");
    else if (choice && too_long)
        form_set_error(&ctx->post, "choices", "每个选项最多 100 个字");
    else if (!choice && count)
        form_set_error(&ctx->post, "choices", "只有单选题和多选题有选项，这个题型请不要填写选项");
    return out ? out : "";
}

static int post_question(page_ctx *ctx, long long id, const char *action, survey_refusal *why) {
    bool add = !strcmp(action, "question_add"), update = !strcmp(action, "question_update");
    if (!add)
        require(ctx, "question", "请选择题目");
    if (!strcmp(action, "question_move"))
        require(ctx, "dir", "请选择上移或下移");
    survey_question_input q = {0};
    if (add || update) {
        require(ctx, "type", "请选择题型");
        require(ctx, "text", "请填写题目内容");
        q = (survey_question_input){form_text(&ctx->post, "type"),
                                    form_text(&ctx->post, "text"),
                                    "",
                                    form_text(&ctx->post, "area"),
                                    form_text(&ctx->post, "dimension"),
                                    form_get(&ctx->post, "required")->present};
        q.choices = read_choices(ctx, q.type);
    }
    if (ctx->post.errors)
        return 422;
    long long question = form_int(&ctx->post, "question");
    if (add)
        return survey_question_add(ctx, id, &q, why);
    if (update)
        return survey_question_update(ctx, id, question, &q, why);
    if (!strcmp(action, "question_move"))
        return survey_question_move(ctx, id, question, !strcmp(form_text(&ctx->post, "dir"), "up"), why);
    return survey_question_remove(ctx, id, question, why);
}

static int edit_post(page_ctx *ctx) {
    if (!survey_may_edit(ctx->user.roles))
        return page_error(ctx, 403, "只有客服主管、投诉专员、管理处主任和系统管理员可以设计问卷。");
    long long id = form_int(&ctx->query, "id");
    const char *action = form_text(&ctx->post, "action");
    survey_refusal why = {0};
    int s = !action[0]                    ? 422
            : !strcmp(action, "settings") ? post_settings(ctx, id, &why)
            : !strcmp(action, "publish")  ? survey_publish(ctx, id, &why)
                                          : post_question(ctx, id, action, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s == 404)
        return page_error(ctx, 404, "本小区没有这份问卷，或问卷中没有这道题。");
    if (s == 409 || s == 403)
        return page_error(ctx, s, why.message);
    if (s == 422) {
        const char *refused = NULL;
        if (why.message && why.field && form_declares(&ctx->post, why.field) &&
            strcmp(action, "publish") != 0)
            form_set_error(&ctx->post, why.field, why.message);
        else if (why.message)
            refused = why.message;
        else if (!ctx->post.errors || !action[0])
            refused = "请求无效，请刷新页面后重试。";
        ctx->resp->status = 422;
        return render(ctx, refused);
    }
    if (s)
        return s;
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/survey-edit?id=%lld&saved=%s", id, action));
}

static const page edit_page = {
    .name = "office/survey-edit",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = edit_get,
    .post = edit_post,
};

int main(void) {
    return page_main(&edit_page);
}
