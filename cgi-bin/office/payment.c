/* office/payment.c: /office/payment, taking a payment at the counter (收款): ?unit=CODE
 * shows the unit's open bills and the form, its POST takes the payment; ?id=N shows the
 * printable receipt (收据), and its POST with action=reverse reverses the payment (冲正). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/fee.h"
#include "../domain/money_words.h"
#include "../domain/payment.h"

#define ID_MAX 999999999999LL

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "收款"},
    {.name = "unit", .kind = FIELD_TEXT, .max = 20, .label = "房号"},
    {0},
};

static const char *const action_choices[] = {"reverse", NULL};

static const field post_fields[] = {
    {.name = "action", .kind = FIELD_ENUM, .choices = action_choices, .label = "操作"},
    {.name = "reason", .kind = FIELD_TEXT, .min = 2, .max = 200, .label = "冲正原因"},
    {.name = "bill",
     .kind = FIELD_INT,
     .flags = FIELD_REPEATED,
     .min = 1,
     .max = ID_MAX,
     .label = "账单",
     .max_count = PAYMENT_MAX_BILLS},
    {.name = "amount", .kind = FIELD_TEXT, .max = 12, .label = "收款金额"},
    {.name = "method", .kind = FIELD_ENUM, .choices = fee_methods, .label = "收款方式"},
    {.name = "payer", .kind = FIELD_TEXT, .max = 50, .label = "交款人"},
    {.name = "form_key", .kind = FIELD_TEXT, .max = PAYMENT_FORM_KEY_LEN, .label = "表单"},
    {0},
};

static const char *fmt_time(page_ctx *ctx, long long t) {
    return clock_format(ctx->arena, t, ctx->user.community_zone, "%Y-%m-%d %H:%M");
}

static bool may_see(page_ctx *ctx) {
    return fee_may(ctx->user.roles, FEE_PAY) || fee_may(ctx->user.roles, FEE_VIEW);
}

/* True when bill id was among the posted bills. */
static bool posted_bill(page_ctx *ctx, long long id) {
    const field_value *v = form_get(&ctx->post, "bill");
    for (size_t i = 0; v->present && v->more && i < v->nmore; i++)
        if (atoll(v->more[i]->value) == id)
            return true;
    return false;
}

static int render_search(page_ctx *ctx, const char *code, const char *error) {
    view *body = page_body(ctx, "office/payment.tpl", "收款");
    if (!body)
        return 500;
    view *s = view_add(body, "SEARCH");
    view_set(s, "UNIT", code);
    if (error)
        view_set(view_add(s, "UNIT_ERROR"), "MESSAGE", error);
    return 0;
}

/* The payment form of unit u; failed: re-rendered from the POST, keeping its key. */
static int render_form(page_ctx *ctx, const payment_unit *u, const char *form_key, bool failed) {
    payment_bill *bills;
    payment_brief *history;
    size_t n, nh;
    int s = payment_open_bills(ctx->arena, u->id, &bills, &n);
    if (s == 0)
        s = payment_unit_history(ctx->arena, u->id, 10, &history, &nh);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/payment.tpl", arena_printf(ctx->arena, "收款 %s", u->code));
    if (!body)
        return 500;
    view *f = view_add(body, "UNIT_FORM");
    view_set_int(f, "UNIT_ID", u->id);
    view_set(f, "UNIT_CODE", u->code);
    view_set(f, "OWNERS", u->owners[0] ? u->owners : "—");
    view_set(f, "CSRF", ctx->csrf);
    view_set(f, "FORM_KEY", form_key);
    if (!n)
        view_show(f, "NO_BILLS");
    view *p = n ? view_add(f, "PAY") : NULL;
    long long owed = 0;
    for (size_t i = 0; i < n; i++) {
        view *r = view_add(p, "BILL");
        view_set_int(r, "ID", bills[i].id);
        view_set(r, "PERIOD", bills[i].period);
        view_set(r, "KIND_NAME", fee_bill_kind_name(bills[i].kind));
        view_set(r, "DUE_DATE", bills[i].due_date);
        view_set(r, "AMOUNT", money_format(ctx->arena, bills[i].amount_fen));
        view_set(r, "PAID", money_format(ctx->arena, bills[i].paid_fen));
        view_set(r, "OWED", money_format(ctx->arena, bills[i].amount_fen - bills[i].paid_fen));
        owed += bills[i].amount_fen - bills[i].paid_fen;
        if (!failed || posted_bill(ctx, bills[i].id))
            view_show(r, "CHECKED");
    }
    if (p) {
        view_set(p, "OWED_TOTAL", money_format(ctx->arena, owed));
        const char *method = "cash";
        if (failed) {
            page_form_values(ctx, &ctx->post, p);
            if (form_get(&ctx->post, "method")->present)
                method = form_text(&ctx->post, "method");
        } else {
            view_set(p, "AMOUNT", money_format(ctx->arena, owed));
        }
        for (size_t i = 0; fee_methods[i]; i++) {
            view *m = view_add(p, "METHOD");
            view_set(m, "CODE", fee_methods[i]);
            view_set(m, "NAME", fee_method_name(fee_methods[i]));
            if (!strcmp(method, fee_methods[i]))
                view_show(m, "SELECTED");
        }
    }
    if (!nh)
        view_show(f, "NO_HISTORY");
    view *t = nh ? view_add(f, "HISTORY_TABLE") : NULL;
    for (size_t i = 0; i < nh; i++) {
        view *r = view_add(t, "HISTORY");
        view_set_int(r, "ID", history[i].id);
        view_set(r, "RECEIPT_NO", history[i].receipt_no);
        view_set(r, "KIND_NAME", fee_payment_kind_name(history[i].kind, history[i].reversed));
        view_set(r, "METHOD_NAME", fee_method_name(history[i].method));
        view_set(r, "AMOUNT", money_format(ctx->arena, history[i].amount_fen));
        view_set(r, "TAKEN_AT", fmt_time(ctx, history[i].taken_at));
        view_set(r, "CASHIER", history[i].cashier);
    }
    return 0;
}

static int render_receipt(page_ctx *ctx, const payment_receipt *p, bool failed) {
    bool reversal = !strcmp(p->kind, "reversal");
    bool refund = !strcmp(p->kind, "refund"); /* money paid out: shown as a positive amount */
    long long sign = refund ? -1 : 1;
    view *body = page_body(ctx, "office/receipt.tpl", arena_printf(ctx->arena, "收据 %s", p->receipt_no));
    if (!body)
        return 500;
    view_set_int(body, "ID", p->id);
    view_set(body, "RECEIPT_NO", p->receipt_no);
    view_set(body, "KIND", p->kind);
    view_set(body, "STATE",
             reversal            ? "reversal"
             : refund            ? "refund"
             : p->reversed_by_id ? "reversed"
                                 : "valid");
    view_set(body, "TITLE", reversal ? "收据（冲正·红字）" : refund ? "退款凭证" : "收据");
    view_set(body, "DATE_LABEL", refund ? "退款日期" : "收款日期");
    view_set(body, "PAYER_LABEL", refund ? "领款人" : "交款人");
    view_set(body, "METHOD_LABEL", refund ? "退款方式" : "收款方式");
    view_set(body, "CASHIER_LABEL", refund ? "经办人" : "收款人");
    if (refund)
        view_set(view_add(body, "REFUND"), "NOTE", p->note);
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "UNIT_CODE", p->unit_code);
    view_set(body, "OWNERS", p->owners[0] ? p->owners : "—");
    view_set(body, "PAYER", p->payer[0] ? p->payer : "—");
    view_set(body, "TAKEN_AT", fmt_time(ctx, p->taken_at));
    view_set(body, "METHOD_NAME", fee_method_name(p->method));
    view_set(body, "CASHIER", p->cashier);
    view_set(body, "TOTAL", money_format(ctx->arena, sign * p->amount_fen));
    const char *words = money_words(ctx->arena, sign * p->amount_fen);
    view_set(body, "TOTAL_WORDS", words ? words : "");
    view_set(body, "PRINTED_AT", fmt_time(ctx, ctx->now));
    for (size_t i = 0; i < p->line_count; i++) {
        const payment_line *l = &p->lines[i];
        view *r = view_add(body, "LINE");
        view_set_int(r, "BILL_ID", l->bill_id);
        view_set(r, "PERIOD", l->period);
        view_set(r, "BILL_KIND_NAME", fee_bill_kind_name(l->bill_kind));
        view_set(r, "ITEM", l->item);
        view_set(r, "DESCRIPTION", strcmp(l->item, l->description) ? l->description : "");
        view_set(r, "AMOUNT", money_format(ctx->arena, sign * l->amount_fen));
    }
    if (reversal) {
        view *r = view_add(body, "REVERSES");
        view_set_int(r, "ID", p->reverses_id);
        view_set(r, "RECEIPT_NO", p->reverses_no);
        view_set(r, "REASON", p->note);
    }
    if (p->reversed_by_id) {
        view *r = view_add(body, "REVERSED");
        view_set_int(r, "ID", p->reversed_by_id);
        view_set(r, "RECEIPT_NO", p->reversed_by_no);
    }
    view_set(body, "UNIT_LINK", p->unit_code);
    if (!reversal && !refund && !p->reversed_by_id && fee_may(ctx->user.roles, FEE_REVERSE)) {
        view *f = view_add(body, "REVERSE_FORM");
        view_set_int(f, "ID", p->id);
        view_set(f, "CSRF", ctx->csrf);
        if (failed) {
            page_form_values(ctx, &ctx->post, f);
            view_show(f, "OPEN");
        }
    }
    return 0;
}

static int load_receipt(page_ctx *ctx, payment_receipt *p) {
    payment_refusal why = {0};
    int s = payment_receipt_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), p, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    return s ? page_error(ctx, s, why.message) : 0;
}

static int find_unit(page_ctx *ctx, payment_unit *u) {
    payment_refusal why = {0};
    int s = payment_unit_find(ctx->arena, ctx->user.community_id, form_text(&ctx->query, "unit"), u, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s) {
        ctx->resp->status = s;
        int r = render_search(ctx, form_text(&ctx->query, "unit"), why.message);
        return r ? r : -1;
    }
    return 0;
}

static int payment_get(page_ctx *ctx) {
    if (form_get(&ctx->query, "id")->present) {
        if (!may_see(ctx))
            return page_error(ctx, 403, "您的岗位不能查看收款记录。");
        payment_receipt p;
        int s = load_receipt(ctx, &p);
        return s ? s : render_receipt(ctx, &p, false);
    }
    if (!fee_may(ctx->user.roles, FEE_PAY))
        return page_error(ctx, 403, "只有收款员、前台和管理处主任可以收款。");
    if (!form_get(&ctx->query, "unit")->present)
        return render_search(ctx, "", NULL);
    const char *code = form_text(&ctx->query, "unit");
    if (!field_unit_code_valid(code)) {
        ctx->resp->status = 422;
        return render_search(ctx, code, "房号应为 楼栋-单元-房号，例如 1-1-101");
    }
    payment_unit u;
    int s = find_unit(ctx, &u);
    if (s)
        return s < 0 ? 0 : s;
    const char *key = payment_form_key_new(ctx->arena);
    return key ? render_form(ctx, &u, key, false) : 500;
}

static int reverse_post(page_ctx *ctx) {
    payment_receipt p;
    int s = load_receipt(ctx, &p);
    if (s)
        return s;
    if (strcmp(form_text(&ctx->post, "action"), "reverse") != 0)
        return page_error(ctx, 400, "请通过收据页的“冲正”按钮操作。");
    if (!fee_may(ctx->user.roles, FEE_REVERSE))
        return page_error(ctx, 403, "只有收款员和管理处主任可以冲正收款。");
    if (!form_get(&ctx->post, "reason")->present && !form_get(&ctx->post, "reason")->error)
        form_set_error(&ctx->post, "reason", "请填写冲正原因");
    if (form_get(&ctx->post, "reason")->error) {
        if (strcmp(p.kind, "payment") || p.reversed_by_id)
            return page_error(ctx, 409, "这笔收款不能再冲正。");
        ctx->resp->status = 422;
        return render_receipt(ctx, &p, true);
    }
    long long reversal_id;
    payment_refusal why = {0};
    s = payment_reverse(ctx, p.id, form_text(&ctx->post, "reason"), &reversal_id, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/payment?id=%lld", reversal_id));
}

/* The bills, amount and method of the POST into req; false when a field is wrong. */
static bool read_request(page_ctx *ctx, payment_request *req) {
    form *f = &ctx->post;
    const field_value *bills = form_get(f, "bill");
    if (!bills->present && !bills->error)
        form_set_error(f, "bill", "请选择要缴的账单");
    long long *ids = arena_alloc(ctx->arena, (bills->nmore ? bills->nmore : 1) * sizeof *ids);
    if (!ids)
        return false;
    for (size_t i = 0; bills->present && !bills->error && i < bills->nmore; i++)
        ids[i] = atoll(bills->more[i]->value);
    req->bill_ids = ids;
    req->bill_count = bills->error ? 0 : bills->nmore;
    const field_value *amount = form_get(f, "amount");
    if (!amount->error && (money_parse_yuan(amount->text, &req->amount_fen) != 0 || req->amount_fen <= 0))
        form_set_error(f, "amount",
                       amount->present ? "金额应为大于 0 的数字，最多两位小数，例如 123.45"
                                       : "请填写收款金额");
    if (!form_get(f, "method")->present && !form_get(f, "method")->error)
        form_set_error(f, "method", "请选择收款方式");
    req->method = form_text(f, "method");
    req->payer = form_text(f, "payer");
    req->form_key = form_text(f, "form_key");
    return f->errors == 0;
}

static int take_post(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_PAY))
        return page_error(ctx, 403, "只有收款员、前台和管理处主任可以收款。");
    const char *key = form_text(&ctx->post, "form_key");
    if (!payment_form_key_valid(key))
        return page_error(ctx, 400, "收款表单已失效，请重新打开收款页面。");
    payment_unit u = {0};
    bool has_unit = form_get(&ctx->query, "unit")->present;
    if (has_unit) {
        if (!field_unit_code_valid(form_text(&ctx->query, "unit")))
            return page_error(ctx, 404, "没有这个房号。");
        int s = find_unit(ctx, &u);
        if (s)
            return s < 0 ? 0 : s;
    }
    payment_request req = {.unit_id = u.id};
    bool ok = read_request(ctx, &req);
    payment_refusal why = {0};
    long long id = 0;
    int s = ok ? payment_take(ctx, &req, &id, &why) : 422;
    if (s < 0)
        return page_db_error(ctx, s);
    if (s == 0)
        return page_redirect(ctx, arena_printf(ctx->arena, "/office/payment?id=%lld", id));
    if (ok && (!why.field || !has_unit))
        return page_error(ctx, s, why.message);
    if (!has_unit)
        return page_error(ctx, s, "请核对账单、金额和收款方式后重新提交。");
    if (ok)
        form_set_error(&ctx->post, why.field, why.message);
    ctx->resp->status = s;
    return render_form(ctx, &u, key, true);
}

static int payment_post(page_ctx *ctx) {
    if (form_get(&ctx->query, "id")->present)
        return reverse_post(ctx);
    return take_post(ctx);
}

static const page payment_page = {
    .name = "office/payment",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = payment_get,
    .post = payment_post,
    .body_max = 16384,
};

int main(void) {
    return page_main(&payment_page);
}
