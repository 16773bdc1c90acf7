/* office/bill.c: /office/bill?id=N, one bill: its unit and period, its lines with what
 * was paid on each, and every payment and reversal touching it. */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/fee.h"
#include "../domain/payment.h"

#define ID_MAX 999999999999LL

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .flags = FIELD_REQUIRED, .min = 1, .max = ID_MAX, .label = "账单"},
    {0},
};

static int bill_get(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看账单。");
    bill_view b;
    payment_refusal why = {0};
    int s = payment_bill_load(ctx->arena, ctx->user.community_id, form_int(&ctx->query, "id"), &b, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, why.message);
    arena *a = ctx->arena;
    view *body = page_body(ctx, "office/bill.tpl", arena_printf(a, "账单 %s %s", b.unit_code, b.period));
    if (!body)
        return 500;
    view_set_int(body, "ID", b.id);
    view_set_int(body, "UNIT_ID", b.unit_id);
    view_set(body, "UNIT_CODE", b.unit_code);
    view_set(body, "OWNERS", b.owners[0] ? b.owners : "—");
    view_set(body, "KIND", b.kind);
    view_set(body, "KIND_NAME", fee_bill_kind_name(b.kind));
    view_set(body, "PERIOD", b.period);
    view_set(body, "DUE_DATE", b.due_date);
    view_set(body, "TOTAL", money_format(a, b.amount_fen));
    view_set(body, "LINES_TOTAL", money_format(a, b.lines_total_fen));
    view_set(body, "PAID", money_format(a, b.paid_fen));
    view_set(body, "OWED", money_format(a, b.amount_fen - b.paid_fen));
    const char *state = fee_bill_state(&(fee_bill){.amount_fen = b.amount_fen, .paid_fen = b.paid_fen});
    /* This page has always called an unpaid bill "open". */
    view_set(body, "STATE", strcmp(state, "unpaid") ? state : "open");
    view_set(body, "STATE_NAME", fee_bill_state_name(state));
    if (b.lines_total_fen != b.amount_fen)
        view_show(body, "MISMATCH");
    for (size_t i = 0; i < b.line_count; i++) {
        const fee_bill_line *l = &b.lines[i];
        view *r = view_add(body, "LINE");
        view_set(r, "ITEM", l->item_name[0] ? l->item_name : l->description);
        view_set(r, "DESCRIPTION", l->description);
        view_set(r, "QUANTITY", l->quantity_c >= 0 ? decimal_format(a, l->quantity_c, 2) : "—");
        view_set(r, "PRICE", l->price_e4 >= 0 ? decimal_format(a, l->price_e4, 4) : "—");
        view_set(r, "AMOUNT", money_format(a, l->amount_fen));
        view_set(r, "PAID", money_format(a, l->paid_fen));
    }
    for (size_t i = 0; i < b.payment_count; i++) {
        const fee_bill_payment *p = &b.payments[i];
        view *r = view_add(body, "PAYMENT");
        view_set_int(r, "ID", p->id);
        view_set(r, "KIND", p->kind);
        view_set(r, "RECEIPT_NO", p->receipt_no);
        view_set(r, "KIND_NAME", p->reversed ? "收款（已冲正）" : fee_payment_kind_name(p->kind, false));
        view_set(r, "METHOD_NAME", fee_method_name(p->method));
        view_set(r, "TAKEN_AT", clock_format(a, p->taken_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
        view_set(r, "CASHIER", p->cashier);
        view_set(r, "AMOUNT", money_format(a, p->amount_fen));
    }
    if (!b.payment_count)
        view_show(body, "NO_PAYMENTS");
    if (b.amount_fen > b.paid_fen && fee_may(ctx->user.roles, FEE_PAY))
        view_show(body, "MAY_PAY");
    return 0;
}

static const page bill_page = {
    .name = "office/bill",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = bill_get,
};

int main(void) {
    return page_main(&bill_page);
}
