/* office/renovation-money.c: /office/renovation-money?id=N, a decoration case's 审批与收费
 * tab: the charge bill of the deposit and passes, the approval form, the permit, the
 * refund statement and its form; POST action=approve|permit|refund. */
#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/fee.h"
#include "../domain/payment.h"
#include "../domain/renovation_money.h"

#define ID_MAX 999999999999LL

static const char *const saved_choices[] = {"approve", "permit", "refund", NULL};

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .flags = FIELD_REQUIRED, .min = 1, .max = ID_MAX, .label = "装修案卷"},
    {.name = "saved", .kind = FIELD_ENUM, .choices = saved_choices, .label = "已保存"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = saved_choices,
     .label = "操作"},
    {.name = "version",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 2000000000,
     .label = "版本"},
    {.name = "checklist",
     .kind = FIELD_ENUM,
     .flags = FIELD_REPEATED,
     .choices = renovation_checklist,
     .label = "审核项目",
     .max_count = 7},
    {.name = "deposit", .kind = FIELD_TEXT, .max = 12, .label = "装修保证金"},
    {.name = "pass_fee", .kind = FIELD_TEXT, .max = 12, .label = "出入证押金"},
    {.name = "note", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 1000, .label = "审批意见"},
    {.name = "permit_from", .kind = FIELD_DATE, .label = "许可开始日期"},
    {.name = "permit_to", .kind = FIELD_DATE, .label = "许可截止日期"},
    {.name = "method", .kind = FIELD_ENUM, .choices = fee_methods, .label = "退款方式"},
    {.name = "payer", .kind = FIELD_TEXT, .max = 50, .label = "领款人"},
    {.name = "form_key", .kind = FIELD_TEXT, .max = PAYMENT_FORM_KEY_LEN, .label = "表单"},
    {0},
};

static const char *const saved_names[] = {"已审批通过，收费账单已生成，请业主到收款处缴费。",
                                          "装修许可证已发放，房屋状态为装修中。",
                                          "押金已退还，案卷已结案，房屋状态已恢复。"};

static bool may(page_ctx *ctx, renovation_act act) {
    return renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, act);
}

static int load_case(page_ctx *ctx, renovation *r) {
    bool found;
    db_status s = renovation_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), r, &found);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    return found ? 0 : page_error(ctx, 404, "没有这个装修案卷。");
}

/* True when value is among the posted checklist items. */
static bool posted(page_ctx *ctx, const char *value) {
    const field_value *v = form_get(&ctx->post, "checklist");
    for (size_t i = 0; v->present && v->more && i < v->nmore; i++)
        if (!strcmp(v->more[i]->value, value))
            return true;
    return false;
}

static void fill_approve(page_ctx *ctx, view *body, bool failed, long long deposit, long long pass) {
    view *f = view_add(body, "APPROVE_FORM");
    view_set(f, "CSRF", ctx->csrf);
    for (size_t i = 0; renovation_checklist[i]; i++) {
        view *c = view_add(f, "CHECK");
        view_set(c, "CODE", renovation_checklist[i]);
        view_set(c, "NAME", renovation_checklist_name(renovation_checklist[i]));
        if (!failed || posted(ctx, renovation_checklist[i]))
            view_show(c, "CHECKED");
    }
    view_set(f, "DEPOSIT", money_format(ctx->arena, deposit));
    view_set(f, "PASS_FEE", money_format(ctx->arena, pass));
    if (failed && !strcmp(form_text(&ctx->post, "action"), "approve"))
        page_form_values(ctx, &ctx->post, f);
}

static void fill_statement(page_ctx *ctx, view *body, const renovation *r, const renovation_money_view *m) {
    arena *a = ctx->arena;
    view *s = view_add(body, "STATEMENT");
    bool closed = !strcmp(r->state, "closed");
    view_set(s, "TITLE", closed ? "退款结算（已退还）" : "退款结算（按目前记录）");
    view_set(s, "DEPOSIT", money_format(a, r->deposit_fen));
    view_set(s, "DEDUCTIONS", money_format(a, m->deductions_fen));
    view_set(s, "DEPOSIT_BACK", money_format(a, m->deposit_back_fen));
    view_set_int(s, "WORKERS", r->workers);
    view_set_int(s, "LOST", m->passes_lost);
    view_set_int(s, "ISSUED", m->passes_issued);
    view_set(s, "PASS_FEE", money_format(a, r->pass_fee_fen));
    view_set(s, "PASSES_BACK", money_format(a, m->passes_back_fen));
    view_set(s, "PAID", money_format(a, m->charge_paid_fen));
    long long refund = closed ? r->refund_fen : m->refund_fen;
    view_set_int(s, "REFUND_FEN", refund);
    view_set(s, "REFUND", money_format(a, refund));
    if (!m->deduction_count)
        view_show(s, "NO_DEDUCTIONS");
    for (size_t i = 0; i < m->deduction_count; i++) {
        view *d = view_add(s, "DEDUCTION");
        view_set(d, "AMOUNT", money_format(a, m->deductions[i].amount_fen));
        view_set(d, "REASON", m->deductions[i].reason);
        view_set(d, "STAFF", m->deductions[i].staff);
        view_set(d, "DATE", clock_format(a, m->deductions[i].at, ctx->user.community_zone, "%Y-%m-%d"));
    }
    if (closed && r->refund_payment_id) {
        view *l = view_add(s, "RECEIPT");
        view_set_int(l, "ID", r->refund_payment_id);
        view_set(l, "RECEIPT_NO", m->refund_receipt_no);
    }
}

static void fill_refund(page_ctx *ctx, view *body, const renovation_money_view *m, const char *form_key,
                        bool failed) {
    view *f = view_add(body, "REFUND_FORM");
    view_set(f, "CSRF", ctx->csrf);
    view_set(f, "FORM_KEY", form_key);
    view_set(f, "REFUND", money_format(ctx->arena, m->refund_fen));
    if (m->passes_issued)
        view_set_int(view_add(f, "PASSES_OUT"), "COUNT", m->passes_issued);
    if (m->violations_open)
        view_set_int(view_add(f, "VIOLATIONS_OPEN"), "COUNT", m->violations_open);
    bool refund_failed = failed && !strcmp(form_text(&ctx->post, "action"), "refund");
    if (refund_failed)
        page_form_values(ctx, &ctx->post, f);
    const char *method =
        refund_failed && form_get(&ctx->post, "method")->present ? form_text(&ctx->post, "method") : "cash";
    for (size_t i = 0; fee_methods[i]; i++) {
        view *o = view_add(f, "METHOD");
        view_set(o, "CODE", fee_methods[i]);
        view_set(o, "NAME", fee_method_name(fee_methods[i]));
        if (!strcmp(method, fee_methods[i]))
            view_show(o, "SELECTED");
    }
}

/* The tab of case r; failed: a POST's form re-rendered with its values and errors. */
static int render(page_ctx *ctx, const renovation *r, bool failed) {
    arena *a = ctx->arena;
    renovation_money_view m;
    int s = renovation_money_load(a, r, &m);
    bool submitted = !strcmp(r->state, "submitted"), approved = !strcmp(r->state, "approved");
    long long deposit = RENO_DEPOSIT_DEFAULT_FEN, pass = RENO_PASS_DEFAULT_FEN;
    if (!s && submitted && may(ctx, RENO_APPROVE))
        s = renovation_money_defaults(a, ctx->user.community_id, &deposit, &pass);
    if (s)
        return page_db_error(ctx, s);
    view *body =
        page_body(ctx, "office/renovation-money.tpl", arena_printf(a, "%s 装修 · 审批与收费", r->unit_code));
    if (!body)
        return 500;
    renovation_view_head(a, body, r, "money");
    view_set(body, "CSRF", ctx->csrf);
    const field_value *saved = form_get(&ctx->query, "saved");
    for (size_t i = 0; saved->present && saved_choices[i]; i++)
        if (!strcmp(saved->text, saved_choices[i])) {
            view *n = view_add(body, "SAVED");
            view_set(n, "WHAT", saved_choices[i]);
            view_set(n, "MESSAGE", saved_names[i]);
        }
    if (m.has_bill) {
        view *c = view_add(body, "CHARGE");
        bool paid = m.charge_paid_fen >= m.charge_amount_fen;
        view_set_int(c, "BILL_ID", r->charge_bill_id);
        view_set(c, "AMOUNT", money_format(a, m.charge_amount_fen));
        view_set(c, "PAID", money_format(a, m.charge_paid_fen));
        view_set(c, "OWED", money_format(a, paid ? 0 : m.charge_amount_fen - m.charge_paid_fen));
        view_set(c, "DEPOSIT", money_format(a, r->deposit_fen));
        view_set(c, "PASS_FEE", money_format(a, r->pass_fee_fen));
        view_set_int(c, "WORKERS", r->workers);
        view_set(c, "PAID_STATE", paid ? "paid" : "unpaid");
        view_set(c, "PAID_NAME", paid ? "已缴清" : "未缴清");
        if (fee_may(ctx->user.roles, FEE_VIEW)) /* the bill page is the fee pages' */
            view_set_int(view_add(c, "BILL_LINK"), "BILL_ID", r->charge_bill_id);
        if (!paid && fee_may(ctx->user.roles, FEE_PAY))
            view_set(view_add(c, "PAY_LINK"), "UNIT_CODE", r->unit_code);
    }
    if (submitted && may(ctx, RENO_APPROVE))
        fill_approve(ctx, body, failed, deposit, pass);
    else if (submitted)
        view_show(body, "APPROVE_WAIT");
    if (approved && may(ctx, RENO_PERMIT)) {
        view *f = view_add(body, "PERMIT_FORM");
        view_set(f, "CSRF", ctx->csrf);
        view_set(f, "PERMIT_FROM", r->planned_start);
        view_set(f, "PERMIT_TO", r->planned_end);
        if (failed && !strcmp(form_text(&ctx->post, "action"), "permit"))
            page_form_values(ctx, &ctx->post, f);
        if (m.charge_paid_fen < m.charge_amount_fen)
            view_show(f, "UNPAID");
    }
    if (*r->permit_no) {
        view *p = view_add(body, "PERMIT");
        view_set_int(p, "ID", r->id);
        view_set(p, "PERMIT_NO", r->permit_no);
        view_set(p, "FROM", r->permit_from);
        view_set(p, "TO", r->permit_to);
    }
    if (*r->permit_no && m.has_bill)
        fill_statement(ctx, body, r, &m);
    if (!strcmp(r->state, "accepted") && may(ctx, RENO_REFUND)) {
        const char *key = failed ? form_text(&ctx->post, "form_key") : payment_form_key_new(a);
        if (!key)
            return 500;
        fill_refund(ctx, body, &m, key, failed);
    } else if (!strcmp(r->state, "accepted")) {
        view_show(body, "REFUND_WAIT");
    }
    return 0;
}

static int money_get(page_ctx *ctx) {
    if (!may(ctx, RENO_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看装修案卷。");
    renovation r;
    int s = load_case(ctx, &r);
    return s ? s : render(ctx, &r, false);
}

/* The amount field name in yuan into *fen; false (with the field's error) when wrong. */
static bool read_yuan(page_ctx *ctx, const char *name, long long *fen) {
    const field_value *v = form_get(&ctx->post, name);
    if (v->error)
        return false;
    if (!v->present || money_parse_yuan(v->text, fen) != 0) {
        form_set_error(&ctx->post, name,
                       v->present ? "金额应为数字，最多两位小数，例如 2000 或 50.00" : "请填写金额");
        return false;
    }
    return true;
}

/* Runs the posted action on case r; 0 done, else a status with why set or the form marked. */
static int run_action(page_ctx *ctx, const renovation *r, const char *action, renovation_refusal *why) {
    form *f = &ctx->post;
    int version = (int)form_int(f, "version");
    if (!strcmp(action, "approve")) {
        renovation_approval req = {.version = version, .note = form_text(f, "note")};
        bool ok = read_yuan(ctx, "deposit", &req.deposit_fen) & read_yuan(ctx, "pass_fee", &req.pass_fee_fen);
        if (!ok || f->errors)
            return 422;
        const field_value *c = form_get(f, "checklist");
        char *set = arena_alloc(ctx->arena, 128);
        if (!set)
            return DB_ERROR;
        set[0] = '\0';
        for (size_t i = 0; c->present && c->more && i < c->nmore; i++) {
            if (i)
                strcat(set, ",");
            strncat(set, c->more[i]->value, 16);
        }
        req.checklist = set;
        return renovation_approve(ctx, r->id, &req, why);
    }
    if (f->errors)
        return 422;
    if (!strcmp(action, "permit"))
        return renovation_permit(ctx, r->id, version, form_text(f, "permit_from"), form_text(f, "permit_to"),
                                 why);
    if (!payment_form_key_valid(form_text(f, "form_key")))
        return settlement_refuse(why, 400, NULL, "退款表单已失效，请重新打开本页面。");
    renovation_refund_request req = {.version = version,
                                     .method =
                                         form_get(f, "method")->present ? form_text(f, "method") : "cash",
                                     .payer = form_text(f, "payer"),
                                     .form_key = form_text(f, "form_key")};
    long long payment_id;
    return renovation_refund(ctx, r->id, &req, &payment_id, why);
}

static int money_post(page_ctx *ctx) {
    renovation r;
    int s = load_case(ctx, &r);
    if (s)
        return s;
    const char *action = form_text(&ctx->post, "action");
    static const renovation_act acts[] = {RENO_APPROVE, RENO_PERMIT, RENO_REFUND};
    static const char *const states[] = {"submitted", "approved", "accepted"};
    static const char *const who[] = {"您的岗位没有审批装修申请的权限。",
                                      "只有装修管理员、主管和管理处主任可以发放许可证。",
                                      "只有收款员可以办理押金退款。"};
    size_t k = 0;
    while (saved_choices[k] && strcmp(saved_choices[k], action))
        k++;
    if (!saved_choices[k])
        return page_error(ctx, 400, "请通过页面上的按钮操作。");
    if (!may(ctx, acts[k]))
        return page_error(ctx, 403, who[k]);
    if (renovation_state_final(r.state))
        return page_error(
            ctx, 409,
            arena_printf(ctx->arena, "这个装修案卷已%s，不能再更改。", renovation_state_name(r.state)));
    if (strcmp(r.state, states[k]))
        return page_error(ctx, 409,
                          arena_printf(ctx->arena, "案卷现在是“%s”，不能进行这项操作，请刷新页面。",
                                       renovation_state_name(r.state)));
    renovation_refusal why = {0};
    s = run_action(ctx, &r, action, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s == 0)
        return page_redirect(
            ctx, arena_printf(ctx->arena, "/office/renovation-money?id=%lld&saved=%s", r.id, action));
    if (s != 422)
        return page_error(ctx, s, why.message);
    if (why.field && form_declares(&ctx->post, why.field))
        form_set_error(&ctx->post, why.field, why.message);
    ctx->resp->status = 422;
    return render(ctx, &r, true);
}

static const page money_page = {
    .name = "office/renovation-money",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = money_get,
    .post = money_post,
    .body_max = 8192,
};

int main(void) {
    return page_main(&money_page);
}
