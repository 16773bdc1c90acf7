/* office/survey.c: /office/survey?id=N, the results of a survey (满意度调查结果) for the
 * service-centre staff: response rate, figures per question, area and dimension, the
 * comparison with the previous survey, comments and low scores (anonymous: the building
 * only), format=csv for the anonymised answers, and POST action=ticket turning a response
 * into a complaint or suggestion linked to it. */
#include <stdio.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/csv.h"
#include "../core/page.h"
#include "../core/roles.h"
#include "../domain/audit.h"
#include "../domain/survey_results.h"
#include "../domain/ticket.h"

static const char *const format_choices[] = {"csv", NULL};
static const char *const action_choices[] = {"ticket", NULL};
static const char *const kind_choices[] = {"complaint", "suggestion", NULL};
static const char *const viewer_roles[] = {"supervisor", "complaint", "manager", "admin", "frontdesk", NULL};

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 1000000000000LL,
     .label = "问卷"},
    {.name = "q", .kind = FIELD_TEXT, .max = 50, .label = "搜索"},
    {.name = "format", .kind = FIELD_ENUM, .choices = format_choices, .label = "格式"},
    {.name = "made", .kind = FIELD_INT, .min = 1, .max = 1000000000000LL, .label = "工单"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "response",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 1000000000000LL,
     .label = "答卷"},
    {.name = "question", .kind = FIELD_INT, .min = 1, .max = 1000000000000LL, .label = "题目"},
    {.name = "kind", .kind = FIELD_ENUM, .flags = FIELD_REQUIRED, .choices = kind_choices, .label = "类型"},
    {.name = "text",
     .kind = FIELD_TEXT,
     .flags = FIELD_REQUIRED | FIELD_MULTILINE,
     .min = 1,
     .max = 2000,
     .label = "工单内容"},
    {0},
};

static const char *const forbidden =
    "调查结果仅对客服前台、投诉专员、客服主管、管理处主任和系统管理员开放；如需查看请联系客服主管。";

/* The survey of the query with its figures; 0, or an HTTP status answered. */
static int load(page_ctx *ctx, survey_results *r) {
    bool found;
    int s = survey_results_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"),
                                ctx->user.community_zone, r, &found);
    if (s != 0)
        return page_db_error(ctx, s);
    if (!found)
        return page_error(ctx, 404, "没有这份问卷，或它不属于本小区。请从“满意度调查”列表进入。");
    return 0;
}

/* --- CSV of the anonymised answers ------------------------------------------------------ */

static int export_csv(page_ctx *ctx, const survey *s) {
    arena *a = ctx->arena;
    survey_export_row *rows;
    size_t n;
    int st = survey_export_rows(a, s, &rows, &n);
    if (st != 0)
        return page_db_error(ctx, st);
    const char *file = arena_printf(a, "survey-%lld.csv", s->id);
    if ((st = audit_record(ctx, "export", "survey", s->id, file)) != DB_OK)
        return page_db_error(ctx, st);
    csv w;
    csv_begin(&w, &ctx->resp->body);
    csv_cell(&w, "楼栋");
    csv_cell(&w, "提交日期");
    for (size_t k = 0; k < s->question_count; k++)
        csv_cell(&w, arena_printf(a, "%d. %s", s->questions[k].position, s->questions[k].text));
    csv_end_row(&w);
    for (size_t i = 0; i < n; i++) {
        csv_cell(&w, rows[i].building_name);
        csv_cell(&w, clock_format(a, rows[i].submitted_at, ctx->user.community_zone, "%Y-%m-%d"));
        for (size_t k = 0; k < s->question_count; k++)
            csv_cell(&w, rows[i].cells[k]);
        csv_end_row(&w);
    }
    if (csv_status(&w) || csv_response_headers(ctx->resp, file))
        return 500;
    return 0;
}

/* --- comments and low scores --------------------------------------------------------------- */

/* The ticket made from f, or the form that makes one. */
static void fill_ticket(page_ctx *ctx, view *row, const survey *s, const survey_feedback *f,
                        const char *kind) {
    view *t = view_include(row, "TICKET", "office/survey-ticket.tpl");
    if (!t)
        return;
    if (f->ticket_id) {
        view *made = view_add(t, "MADE");
        view_set_int(made, "TICKET_ID", f->ticket_id);
        view_set(made, "CODE", f->ticket_code);
        return;
    }
    view *ticket_form = view_add(t, "FORM");
    view_set(ticket_form, "CSRF", ctx->csrf);
    view_set_int(ticket_form, "SURVEY_ID", s->id);
    view_set_int(ticket_form, "RESPONSE", f->response_id);
    view_set_int(ticket_form, "QUESTION", f->question_id);
    view_show(ticket_form, !strcmp(kind, "complaint") ? "COMPLAINT" : "SUGGESTION");
    view_set(ticket_form, "TEXT", survey_ticket_text(ctx->arena, s, f));
}

static void fill_feedback_row(page_ctx *ctx, view *row, const survey_feedback *f) {
    view_set_int(row, "RESPONSE", f->response_id);
    view_set_int(row, "QUESTION", f->question_id);
    view_set_int(row, "POSITION", f->position);
    view_set(row, "QUESTION_TEXT", f->question_text);
    view_set(row, "BUILDING", f->building_name);
    view_set(row, "DATE", clock_format(ctx->arena, f->submitted_at, ctx->user.community_zone, "%Y-%m-%d"));
}

static int fill_feedback(page_ctx *ctx, view *body, const survey *s) {
    survey_feedback *low, *comments;
    size_t nlow, ncomments;
    const char *q = form_text(&ctx->query, "q");
    int st = survey_low_scores(ctx->arena, s->id, &low, &nlow);
    if (st == 0)
        st = survey_comments(ctx->arena, s->id, q, &comments, &ncomments);
    if (st != 0)
        return page_db_error(ctx, st);
    for (size_t i = 0; i < nlow; i++) {
        view *row = view_add(body, "LOW");
        fill_feedback_row(ctx, row, &low[i]);
        view_set_int(row, "VALUE", low[i].value);
        if (!strcmp(low[i].type, "nps"))
            view_show(row, "NPS");
        fill_ticket(ctx, row, s, &low[i], "complaint");
    }
    if (!nlow)
        view_show(body, "NO_LOW");
    view_set(body, "Q", q);
    if (*q)
        view_show(body, "SEARCHING");
    view_set_int(body, "COMMENT_COUNT", (long long)ncomments);
    for (size_t i = 0; i < ncomments; i++) {
        view *row = view_add(body, "COMMENT");
        fill_feedback_row(ctx, row, &comments[i]);
        view_set(row, "TEXT", comments[i].text);
        fill_ticket(ctx, row, s, &comments[i], "suggestion");
    }
    if (!ncomments)
        view_show(body, *q ? "NO_MATCH" : "NO_COMMENT");
    return 0;
}

/* The confirmation after a ticket was made (?made=TICKET). */
static int fill_made(page_ctx *ctx, view *body) {
    const field_value *made = form_get(&ctx->query, "made");
    if (!made->present || made->error)
        return 0;
    ticket_view t;
    ticket_refusal why = {0};
    int st = ticket_load(ctx->arena, ctx->user.community_id, made->number, &t, &why);
    if (st < 0)
        return page_db_error(ctx, st);
    if (st == 0) {
        view *m = view_add(body, "MADE");
        view_set_int(m, "ID", t.id);
        view_set(m, "CODE", t.code);
        view_set(m, "KIND_NAME", ticket_kind_name(t.kind));
    }
    return 0;
}

/* The page; after a refused ticket (status 422) its form again at the top with the reason. */
static int render(page_ctx *ctx, const char *notice_field, const char *notice) {
    survey_results r, previous;
    int st = load(ctx, &r);
    if (st)
        return st;
    long long previous_id = 0;
    bool found = false;
    if ((st = survey_results_previous(ctx->arena, &r.s, &previous_id)) == 0 && previous_id)
        st = survey_results_load(ctx->arena, ctx->user.community_id, previous_id, ctx->user.community_zone,
                                 &previous, &found);
    if (st != 0)
        return page_db_error(ctx, st);
    if (ctx->req->method == METHOD_GET && form_get(&ctx->query, "format")->present)
        return export_csv(ctx, &r.s);
    view *body = page_body(ctx, "office/survey.tpl", arena_printf(ctx->arena, "%s 调查结果", r.s.title));
    if (!body)
        return 500;
    survey_results_fill(body, ctx->arena, ctx->user.community_zone, &r, found ? &previous : NULL);
    if (ctx->req->method == METHOD_POST) {
        view *e = view_add(body, "TICKET_ERROR");
        page_form_values(ctx, &ctx->post, e);
        view_set(e, "CSRF", ctx->csrf);
        view_set_int(e, "RESPONSE", form_int(&ctx->post, "response"));
        const field_value *question = form_get(&ctx->post, "question");
        if (question->present && !question->error)
            view_set_int(e, "QUESTION", question->number);
        else
            view_set(e, "QUESTION", "");
        view_show(e,
                  strcmp(form_text(&ctx->post, "kind"), "suggestion") ? "KIND_COMPLAINT" : "KIND_SUGGESTION");
        if (notice) {
            view *n = view_add(e, "NOTICE");
            view_set(n, "FIELD", notice_field ? notice_field : "");
            view_set(n, "MESSAGE", notice);
        }
    }
    if ((st = fill_made(ctx, body)) != 0)
        return st;
    return fill_feedback(ctx, body, &r.s);
}

static int survey_get(page_ctx *ctx) {
    if (!roles_has_any(ctx->user.roles, viewer_roles))
        return page_error(ctx, 403, forbidden);
    return render(ctx, NULL, NULL);
}

static int refuse(page_ctx *ctx, const char *field_name, const char *message) {
    if (field_name && form_declares(&ctx->post, field_name)) {
        form_set_error(&ctx->post, field_name, message);
        message = NULL;
    }
    ctx->resp->status = 422;
    return render(ctx, field_name, message);
}

static int survey_post(page_ctx *ctx) {
    if (!roles_has_any(ctx->user.roles, viewer_roles) || !ticket_roles_may(ctx->user.roles, EV_CREATED))
        return page_error(ctx, 403, "您的岗位不能把答卷转为工单，请转交客服前台或投诉专员。");
    if (ctx->post.errors)
        return refuse(ctx, NULL, NULL);
    survey_results r;
    int st = load(ctx, &r);
    if (st)
        return st;
    survey_ticket_request req = {
        .response_id = form_int(&ctx->post, "response"),
        .question_id = form_int(&ctx->post, "question"),
        .kind = form_text(&ctx->post, "kind"),
        .text = form_text(&ctx->post, "text"),
        .staff_id = ctx->user.id,
        .now = ctx->now,
    };
    long long ticket_id = 0;
    const char *code = NULL;
    ticket_refusal why = {0};
    const char *uploads = arena_printf(ctx->arena, "%s/uploads", ctx->config->state_dir);
    st = survey_ticket_create(ctx->arena, &r.s, &req, uploads, &ticket_id, &code, &why);
    if (st < 0)
        return page_db_error(ctx, st);
    if (st == 422)
        return refuse(ctx, why.field, why.message);
    if (st)
        return page_error(ctx, st, why.message);
    const char *detail = arena_printf(ctx->arena, "survey %lld response %lld question %lld: %s", r.s.id,
                                      req.response_id, req.question_id, code);
    if ((st = audit_record(ctx, "create", "survey_ticket", ticket_id, detail)) != DB_OK)
        return page_db_error(ctx, st);
    return page_redirect(ctx,
                         arena_printf(ctx->arena, "/office/survey?id=%lld&made=%lld", r.s.id, ticket_id));
}

static const page survey_page = {
    .name = "office/survey",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = survey_get,
    .post = survey_post,
};

int main(void) {
    return page_main(&survey_page);
}
