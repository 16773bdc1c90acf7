/* office/renovation-patrol.c: /office/renovation-patrol?id=N, 巡查与验收 of one decoration
 * case: patrol records with photos, violation notices and their re-checks, deductions
 * from the deposit against it, the acceptance check and the linked tickets. POST action=
 * patrol, violation, recheck, deduct, accept or ticket, each with the case's version. */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/renovation_patrol.h"

#define ID_MAX 999999999999LL

static const char *const action_choices[] = {"patrol", "violation", "recheck", "deduct",
                                             "accept", "ticket",    NULL};
static const char *const result_choices[] = {"ok", "violation", NULL};
static const char *const outcome_choices[] = {"rectified", "escalate", "pass", "fail", NULL};

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .flags = FIELD_REQUIRED, .min = 1, .max = ID_MAX, .label = "装修案卷"},
    {.name = "saved", .kind = FIELD_ENUM, .choices = action_choices, .label = "已保存"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "version",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 2000000000,
     .label = "版本"},
    {.name = "patrol_date", .kind = FIELD_DATE, .label = "巡查日期"},
    {.name = "result", .kind = FIELD_ENUM, .choices = result_choices, .label = "巡查结果"},
    {.name = "findings", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 2000, .label = "巡查情况"},
    {.name = "photo",
     .kind = FIELD_FILE,
     .flags = FIELD_REPEATED,
     .max = RENO_PATROL_PHOTO_MAX_BYTES,
     .max_count = RENO_PATROL_MAX_PHOTOS,
     .label = "照片"},
    {.name = "rule", .kind = FIELD_TEXT, .max = 200, .label = "违反的规定"},
    {.name = "detail", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 1000, .label = "违章情况"},
    {.name = "deadline", .kind = FIELD_DATE, .label = "整改期限"},
    {.name = "violation", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "违章通知书"},
    {.name = "outcome", .kind = FIELD_ENUM, .choices = outcome_choices, .label = "结果"},
    {.name = "note", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 1000, .label = "复查情况"},
    {.name = "amount", .kind = FIELD_TEXT, .max = 12, .label = "扣款金额"},
    {.name = "reason", .kind = FIELD_TEXT, .max = 500, .label = "扣款原因"},
    {.name = "defects", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 1000, .label = "需整改的问题"},
    {.name = "ticket", .kind = FIELD_TEXT, .max = 20, .label = "工单号"},
    {0},
};

static const char *saved_message(const char *saved) {
    return !strcmp(saved, "patrol")      ? "巡查记录已保存。"
           : !strcmp(saved, "violation") ? "违章通知书已开具，可打印后交业主签收。"
           : !strcmp(saved, "recheck")   ? "复查结果已记录。"
           : !strcmp(saved, "deduct")    ? "扣款已记录，退还保证金时将扣除。"
           : !strcmp(saved, "accept")    ? "验收结果已记录。"
                                         : "工单已关联到本装修现场。";
}

/* A form section of the page; the failed POST's values come back into the form it
 * came from (the one of action, and for a re-check the one of its notice). */
static view *add_form(page_ctx *ctx, view *body, const char *section, const char *action, long long violation,
                      const renovation *r) {
    view *f = view_add(body, section);
    view_set(f, "CSRF", ctx->csrf);
    bool posted = ctx->req->method == METHOD_POST && !strcmp(form_text(&ctx->post, "action"), action) &&
                  (!violation || form_int(&ctx->post, "violation") == violation);
    if (posted)
        page_form_values(ctx, &ctx->post, f);
    view_set_int(f, "VERSION", r->version);
    return f;
}

static void render_patrol_form(page_ctx *ctx, view *body, const renovation *r, const char *today) {
    const char *deadline = clock_format(ctx->arena, ctx->now + RENO_DEADLINE_DAYS * 86400LL,
                                        ctx->user.community_zone, "%Y-%m-%d");
    view *f = add_form(ctx, body, "PATROL_FORM", "patrol", 0, r);
    bool posted = ctx->req->method == METHOD_POST && !strcmp(form_text(&ctx->post, "action"), "patrol");
    if (!posted) {
        view_set(f, "PATROL_DATE", today);
        view_set(f, "DEADLINE", deadline);
    }
    view_show(f, posted && !strcmp(form_text(&ctx->post, "result"), "violation") ? "VIOLATION_CHECKED"
                                                                                 : "OK_CHECKED");
    view_set(f, "TODAY", today);
    view_set(f, "PERMIT_FROM", r->permit_from);
    view *n = add_form(ctx, body, "NOTICE_FORM", "violation", 0, r);
    if (!(ctx->req->method == METHOD_POST && !strcmp(form_text(&ctx->post, "action"), "violation")))
        view_set(n, "DEADLINE", deadline);
    for (size_t i = 0; renovation_violation_rules[i]; i++)
        view_set(view_add(body, "RULE_OPTION"), "RULE", renovation_violation_rules[i]);
}

static void render_patrols(page_ctx *ctx, view *body, const renovation_site *s) {
    for (size_t i = 0; i < s->patrol_count; i++) {
        const renovation_patrol_row *p = &s->patrols[i];
        view *row = view_add(body, "PATROL_ROW");
        view_set_int(row, "ID", p->id);
        view_set(row, "DATE", p->patrol_date);
        view_set(row, "STAFF", p->staff_name);
        view_set(row, "RESULT", p->result);
        view_set(row, "RESULT_NAME", !strcmp(p->result, "violation") ? "发现违章" : "正常");
        view_set(row, "FINDINGS", *p->findings ? p->findings : "—");
        for (size_t k = 0; k < p->photo_count; k++) {
            view *ph = view_add(row, "PHOTO");
            view_set_int(ph, "FILE_ID", p->photos[k].id);
            view_set(ph, "NAME", p->photos[k].name);
        }
    }
    if (!s->patrol_count)
        view_show(body, "NO_PATROLS");
    (void)ctx;
}

static void render_violations(page_ctx *ctx, view *body, const renovation *r, const renovation_site *s,
                              const char *today, bool writer) {
    bool open_case = renovation_state_active(r->state) || !strcmp(r->state, "accepted");
    for (size_t i = 0; i < s->violation_count; i++) {
        const renovation_violation_row *v = &s->violations[i];
        view *row = view_add(body, "VIOLATION_ROW");
        view_set_int(row, "ID", v->id);
        view_set(row, "NOTICE_NO", v->notice_no);
        view_set(row, "RULE", v->rule);
        view_set(row, "DETAIL", v->detail);
        view_set(row, "DEADLINE", v->deadline);
        view_set(row, "STATE", v->state);
        view_set(row, "STATE_NAME", renovation_violation_state_name(v->state));
        view_set(row, "ISSUED_BY", v->issued_by_name);
        view_set(row, "ISSUED_AT",
                 clock_format(ctx->arena, v->issued_at, ctx->user.community_zone, "%Y-%m-%d"));
        bool overdue = strcmp(v->state, "rectified") && strcmp(v->deadline, today) < 0;
        view_set(row, "OVERDUE", overdue ? "yes" : "no");
        if (overdue)
            view_show(row, "OVERDUE_MARK");
        if (v->recheck_at) {
            view *c = view_add(row, "RECHECKED");
            view_set(c, "BY", v->recheck_by_name);
            view_set(c, "AT", clock_format(ctx->arena, v->recheck_at, ctx->user.community_zone, "%Y-%m-%d"));
            view_set(c, "NOTE", v->recheck_note);
        }
        if (writer && open_case && strcmp(v->state, "rectified")) {
            view *f = add_form(ctx, row, "RECHECK_FORM", "recheck", v->id, r);
            view_set_int(f, "VIOLATION_ID", v->id);
        }
    }
    if (!s->violation_count)
        view_show(body, "NO_VIOLATIONS");
}

static void render_deductions(page_ctx *ctx, view *body, const renovation *r, const renovation_site *s) {
    long long running = 0;
    view *table = s->deduction_count ? view_add(body, "DEDUCTION_TABLE") : NULL;
    for (size_t i = 0; i < s->deduction_count; i++) {
        const renovation_deduction_row *d = &s->deductions[i];
        running += d->amount_fen;
        view *row = view_add(table, "DEDUCTION_ROW");
        view_set_int(row, "ID", d->id);
        view_set(row, "AMOUNT", money_format(ctx->arena, d->amount_fen));
        view_set(row, "RUNNING", money_format(ctx->arena, running));
        view_set(row, "REASON", d->reason);
        view_set(row, "NOTICE_NO", *d->notice_no ? d->notice_no : "—");
        view_set(row, "STAFF", d->staff_name);
        view_set(row, "AT", clock_format(ctx->arena, d->at, ctx->user.community_zone, "%Y-%m-%d"));
    }
    if (!s->deduction_count)
        view_show(body, "NO_DEDUCTIONS");
    view_set(body, "DEPOSIT", money_format(ctx->arena, r->deposit_fen));
    view_set(body, "DEDUCTED", money_format(ctx->arena, s->deducted_fen));
    view_set(body, "DEPOSIT_LEFT", money_format(ctx->arena, r->deposit_fen - s->deducted_fen));
}

static void render_tickets(page_ctx *ctx, view *body, const renovation_site *s) {
    for (size_t i = 0; i < s->ticket_count; i++) {
        const renovation_ticket_row *t = &s->tickets[i];
        view *row = view_add(body, "TICKET_ROW");
        view_set_int(row, "TICKET_ID", t->ticket_id);
        view_set(row, "CODE", t->code);
        view_set(row, "CATEGORY", t->category_name);
        view_set(row, "DESCRIPTION", t->description);
        view_set(row, "AT", clock_format(ctx->arena, t->at, ctx->user.community_zone, "%Y-%m-%d"));
    }
    if (!s->ticket_count)
        view_show(body, "NO_TICKETS");
}

static int render(page_ctx *ctx, const renovation *r) {
    renovation_site site;
    db_status s = renovation_site_load(ctx->arena, r->id, &site);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/renovation-patrol.tpl",
                           arena_printf(ctx->arena, "%s 巡查与验收", r->unit_code));
    if (!body)
        return 500;
    renovation_view_head(ctx->arena, body, r, "patrol");
    view_set(body, "CSRF", ctx->csrf);
    view_set_int(body, "CASE_ID", r->id);
    const char *saved = form_text(&ctx->query, "saved");
    if (ctx->req->method != METHOD_POST && *saved) {
        view *n = view_add(body, "SAVED");
        view_set(n, "WHAT", saved);
        view_set(n, "MESSAGE", saved_message(saved));
    }
    const char *today = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d");
    if (!today)
        return page_db_error(ctx, DB_ERROR);
    bool writer = renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_PATROL);
    bool active = renovation_state_active(r->state);
    if (writer && active)
        render_patrol_form(ctx, body, r, today);
    else if (!active)
        view_show(body, "NOT_ACTIVE");
    render_patrols(ctx, body, &site);
    render_violations(ctx, body, r, &site, today, writer);
    render_deductions(ctx, body, r, &site);
    if (writer && (active || !strcmp(r->state, "accepted"))) {
        view *f = add_form(ctx, body, "DEDUCT_FORM", "deduct", 0, r);
        for (size_t i = 0; i < site.violation_count; i++) {
            view *o = view_add(f, "VIOLATION_OPTION");
            view_set_int(o, "ID", site.violations[i].id);
            view_set(o, "NOTICE_NO", site.violations[i].notice_no);
            view_set(o, "RULE", site.violations[i].rule);
        }
    }
    if (writer && !strcmp(r->state, "inspecting")) {
        view *f = add_form(ctx, body, "ACCEPT_FORM", "accept", 0, r);
        bool failed = ctx->req->method == METHOD_POST && !strcmp(form_text(&ctx->post, "outcome"), "fail");
        view_show(f, failed ? "FAIL_CHECKED" : "PASS_CHECKED");
    }
    render_tickets(ctx, body, &site);
    if (writer && !renovation_state_final(r->state))
        add_form(ctx, body, "LINK_FORM", "ticket", 0, r);
    return 0;
}

static int load(page_ctx *ctx, renovation *r) {
    bool found = false;
    db_status s = renovation_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), r, &found);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (!found)
        return page_error(ctx, 404, "没有这个装修案卷，或它不属于本小区。");
    return 0;
}

static int patrol_get(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修案卷。");
    renovation r;
    int st = load(ctx, &r);
    return st ? st : render(ctx, &r);
}

/* Requires the text field name, marking it with message when empty. */
static void require(page_ctx *ctx, const char *name, const char *message) {
    const field_value *v = form_get(&ctx->post, name);
    if (!v->present && !v->error)
        form_set_error(&ctx->post, name, message);
}

static int post_patrol(page_ctx *ctx, const renovation *r, int version, renovation_refusal *why) {
    form *f = &ctx->post;
    require(ctx, "patrol_date", "请填写巡查日期");
    require(ctx, "result", "请选择巡查结果");
    bool violation = !strcmp(form_text(f, "result"), "violation");
    if (violation)
        require(ctx, "findings", "发现违章时请写明巡查情况");
    if (violation && form_get(f, "rule")->present)
        require(ctx, "deadline", "请填写整改期限");
    if (f->errors)
        return 422;
    const field_value *photos = form_get(f, "photo");
    renovation_patrol_input in = {
        .patrol_date = form_text(f, "patrol_date"),
        .violation = violation,
        .findings = form_text(f, "findings"),
        .photos = photos->more,
        .photo_count = photos->more ? photos->nmore : 0,
        .notice = {form_text(f, "rule"), form_text(f, "detail"), form_text(f, "deadline")},
    };
    long long patrol_id = 0;
    const char *dir = arena_printf(ctx->arena, "%s/uploads", ctx->config->state_dir);
    return renovation_patrol_record(ctx, r->id, version, &in, dir, &patrol_id, why);
}

static int post_action(page_ctx *ctx, const renovation *r, const char *action, renovation_refusal *why) {
    form *f = &ctx->post;
    int version = (int)form_int(f, "version");
    if (!strcmp(action, "patrol"))
        return post_patrol(ctx, r, version, why);
    if (!strcmp(action, "violation")) {
        require(ctx, "rule", "请选择或填写违反的规定");
        require(ctx, "deadline", "请填写整改期限");
        if (f->errors)
            return 422;
        renovation_notice_input in = {form_text(f, "rule"), form_text(f, "detail"), form_text(f, "deadline")};
        long long vid = 0;
        return renovation_violation_issue(ctx, r->id, version, &in, &vid, why);
    }
    if (!strcmp(action, "recheck")) {
        const char *outcome = form_text(f, "outcome");
        if (!form_get(f, "violation")->present)
            return settlement_refuse(why, 404, NULL, "请从列表中选择要复查的违章通知书。");
        if (strcmp(outcome, "rectified") && strcmp(outcome, "escalate"))
            form_set_error(f, "outcome", "请选择复查结果：已整改或升级处理");
        require(ctx, "note", "请写明复查情况");
        if (f->errors)
            return 422;
        return renovation_violation_recheck(ctx, r->id, version, form_int(f, "violation"),
                                            !strcmp(outcome, "rectified"), form_text(f, "note"), why);
    }
    if (!strcmp(action, "deduct")) {
        long long fen = 0;
        const field_value *a = form_get(f, "amount");
        if (!a->error && (!a->present || money_parse_yuan(a->text, &fen) != 0 || fen <= 0))
            form_set_error(f, "amount", "请填写扣款金额（元，最多两位小数，大于 0）");
        require(ctx, "reason", "请写明扣款原因");
        if (f->errors)
            return 422;
        return renovation_deduct(ctx, r->id, version, fen, form_text(f, "reason"), form_int(f, "violation"),
                                 why);
    }
    if (!strcmp(action, "accept")) {
        const char *outcome = form_text(f, "outcome");
        if (strcmp(outcome, "pass") && strcmp(outcome, "fail"))
            form_set_error(f, "outcome", "请选择验收结果：通过或不通过");
        if (!strcmp(outcome, "fail"))
            require(ctx, "defects", "验收不通过时请列出需整改的问题");
        if (f->errors)
            return 422;
        return renovation_accept(ctx, r->id, version, !strcmp(outcome, "pass"), form_text(f, "defects"), why);
    }
    require(ctx, "ticket", "请填写工单号");
    if (f->errors)
        return 422;
    return renovation_ticket_link(ctx, r->id, version, form_text(f, "ticket"), why);
}

static int patrol_post(page_ctx *ctx) {
    if (!renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_PATROL))
        return page_error(ctx, 403, "您的岗位不能记录装修巡查、违章、扣款或验收，请联系装修管理员。");
    renovation r;
    int st = load(ctx, &r);
    if (st)
        return st;
    if (form_get(&ctx->post, "action")->error || form_get(&ctx->post, "version")->error)
        return page_error(ctx, 422, "表单不完整，请刷新页面后重新提交。");
    const char *action = form_text(&ctx->post, "action");
    renovation_refusal why = {0};
    st = ctx->post.errors ? 422 : post_action(ctx, &r, action, &why);
    if (st < 0)
        return page_db_error(ctx, (db_status)st);
    if (st == 422) {
        if (why.message)
            form_set_error(&ctx->post, form_declares(&ctx->post, why.field) ? why.field : "action",
                           why.message);
        ctx->resp->status = 422;
        return render(ctx, &r);
    }
    if (st)
        return page_error(ctx, st, why.message);
    return page_redirect(
        ctx, arena_printf(ctx->arena, "/office/renovation-patrol?id=%lld&saved=%s", r.id, action));
}

static const page renovation_patrol_page = {
    .name = "office/renovation-patrol",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = patrol_get,
    .post = patrol_post,
    /* Up to five photos of 5 MB each; nginx caps a request at 16 MB. */
    .body_max = 16 * 1024 * 1024,
};

int main(void) {
    return page_main(&renovation_patrol_page);
}
