/* survey_form.c: the answer form of a survey, shared by /portal/survey and /form/survey
 * (see survey_form.h). */
#include "survey_form.h"

#include <stdio.h>
#include <string.h>

#include "../core/clock.h"
#include "survey_answer.h"

static const char *const rating_labels[] = {"很不满意", "不满意", "一般", "满意", "很满意"};

/* Whether entry e holds value (as text). */
static bool entry_has(const survey_entry *e, const char *value) {
    for (size_t i = 0; e && i < e->count; i++)
        if (!strcmp(e->values[i], value))
            return true;
    return false;
}

/* One radio or checkbox option of a question. */
static void add_option(page_ctx *ctx, view *section, const survey_entry *e, int value, const char *label) {
    view *o = view_add(section, "OPTION");
    const char *text = arena_printf(ctx->arena, "%d", value);
    view_set(o, "VALUE", text);
    view_set(o, "LABEL", label ? label : text);
    if (entry_has(e, text))
        view_show(o, "CHECKED");
}

/* The input of question q, filled with e (NULL: empty). */
static void fill_input(page_ctx *ctx, view *qv, const survey_question *q, const survey_entry *e) {
    const char *type = q->type;
    if (!strcmp(type, "rating") || !strcmp(type, "nps")) {
        bool nps = type[0] == 'n';
        view *sec = view_add(qv, nps ? "NPS" : "RATING");
        for (int v = nps ? 0 : 1; v <= (nps ? 10 : 5); v++)
            add_option(ctx, sec, e, v, nps ? NULL : rating_labels[v - 1]);
    } else if (!strcmp(type, "single") || !strcmp(type, "multiple")) {
        view *sec = view_add(qv, type[0] == 's' ? "SINGLE" : "MULTIPLE");
        for (size_t c = 0; c < q->choice_count; c++)
            add_option(ctx, sec, e, (int)c + 1, q->choices[c]);
    } else {
        view *sec = view_add(qv, !strcmp(type, "long") ? "LONG" : "SHORT");
        view_set(sec, "VALUE", e && e->count ? e->values[0] : "");
    }
}

/* Fills the form template with s and the answers shown (NULL: none); editable false shows
 * them read-only. */
static view *fill_form(page_ctx *ctx, const survey *s, const survey_answerer *who,
                       const survey_submission *shown, bool editable) {
    view *body = page_body(ctx, who->page_template, s->title);
    view *f = body ? view_include(body, "FORM", "survey/form.tpl") : NULL;
    if (!f)
        return NULL;
    view *qs = view_include(f, "QUESTIONS", "survey/questions.tpl");
    if (!qs)
        return NULL;
    view_set_int(f, "SURVEY_ID", s->id);
    view_set(f, "TITLE", s->title);
    view_set(f, "UNIT_CODE", who->unit_code);
    view_set(f, "CLOSES", clock_format(ctx->arena, s->closes_at, who->zone, "%Y-%m-%d %H:%M"));
    view_set(f, "STATE", editable ? "open" : "closed");
    view_set(qs, "INTRO", s->intro);
    view_set(qs, "ACTION", who->self);
    view_set(qs, "CSRF", ctx->csrf ? ctx->csrf : "");
    if (shown && shown->errors)
        view_set_int(view_add(qs, "ERRORS"), "COUNT", shown->errors);
    for (size_t i = 0; i < s->question_count; i++) {
        const survey_question *q = &s->questions[i];
        const survey_entry *e = shown ? &shown->entries[i] : NULL;
        view *qv = view_add(qs, "QUESTION");
        view_set_int(qv, "ID", q->id);
        view_set_int(qv, "NUMBER", (long long)i + 1);
        view_set(qv, "TEXT", q->text);
        view_set(qv, "TYPE", q->type);
        if (q->area[0])
            view_set(view_add(qv, "AREA"), "NAME", survey_area_name(q->area));
        if (q->required)
            view_show(qv, "REQUIRED");
        if (e && e->error)
            view_set(view_add(qv, "ERROR"), "MESSAGE", e->error);
        if (!strcmp(q->type, "multiple"))
            view_show(qv, "MULTI_HINT");
        fill_input(ctx, qv, q, e);
    }
    view_show(qs, editable ? "EDITABLE" : "READ_ONLY");
    if (editable)
        view_show(f, "EDITABLE");
    return f;
}

int survey_form_get(page_ctx *ctx, const survey *s, const survey_answerer *who, bool done) {
    survey_submission current;
    long long submitted_at = 0;
    int st = survey_submission_current(ctx->arena, s, who->unit_id, &current, &submitted_at);
    if (st != 0)
        return page_db_error(ctx, (db_status)st);
    bool open = survey_is_open(s, ctx->now);
    bool started = !strcmp(s->state, "published") && ctx->now >= s->opens_at;
    /* Before it opens (or while a draft) the questions are not shown. */
    if (!started) {
        view *body = page_body(ctx, who->page_template, s->title);
        view *f = body ? view_include(body, "FORM", "survey/form.tpl") : NULL;
        if (!f)
            return 500;
        view_set(f, "TITLE", s->title);
        view_set(f, "STATE", "not-open");
        view_set(view_add(f, "NOT_OPEN"), "OPENS",
                 clock_format(ctx->arena, s->opens_at, who->zone, "%Y-%m-%d %H:%M"));
        return 0;
    }
    view *f = fill_form(ctx, s, who, submitted_at ? &current : NULL, open);
    if (!f)
        return 500;
    const char *closes = clock_format(ctx->arena, s->closes_at, who->zone, "%Y-%m-%d %H:%M");
    if (done)
        view_show(f, "DONE");
    if (submitted_at) {
        view *sub = view_add(f, open ? "SUBMITTED" : "SUBMITTED_CLOSED");
        view_set(sub, "AT", clock_format(ctx->arena, submitted_at, who->zone, "%Y-%m-%d %H:%M"));
        view_set(sub, "UNTIL", closes);
    }
    if (!open)
        view_set(view_add(f, "CLOSED"), "CLOSES", closes);
    return 0;
}

int survey_form_post(page_ctx *ctx, const survey *s, const survey_answerer *who) {
    if (!survey_is_open(s, ctx->now))
        return page_error(ctx, 409, "本调查目前不接受填写（已截止或尚未开始），您的回答没有保存。");
    survey_submission sub;
    int n = survey_submission_read(ctx->arena, s, &ctx->req->body, &sub);
    if (n < 0)
        return 500;
    if (n > 0) {
        ctx->resp->status = 422;
        return fill_form(ctx, s, who, &sub, true) ? 0 : 500;
    }
    long long response_id = 0;
    int st = survey_response_save(ctx, s, &sub, who->unit_id, who->account_id, who->channel, &response_id);
    if (st < 0)
        return page_db_error(ctx, (db_status)st);
    if (st)
        return page_error(ctx, st, "本调查刚刚截止或已停止填写，您的回答没有保存。");
    return page_redirect(ctx, arena_printf(ctx->arena, "%s&done=1", who->self));
}

int survey_form_handle(page_ctx *ctx, survey_form_loader load) {
    survey s;
    survey_answerer who;
    int st = load(ctx, &s, &who);
    if (st)
        return st;
    if (ctx->req->method == METHOD_POST)
        return survey_form_post(ctx, &s, &who);
    return survey_form_get(ctx, &s, &who, form_int(&ctx->query, "done") == 1);
}
