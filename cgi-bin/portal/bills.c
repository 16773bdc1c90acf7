/* portal/bills.c: /portal/bills, the resident's home's bills: the amount owed now, then
 * the bills newest first, each opening to its lines and the payments on it; ?id=N one
 * bill of the home (another home's bill is 404). */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../core/pagination.h"
#include "../domain/fee.h"
#include "../domain/fee_account.h"
#include "../domain/household.h"

#define BILLS_PER_PAGE 12
#define ID_MAX 999999999999LL

static const field query_fields[] = {
    {.name = "id", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "账单"},
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = 100000, .label = "页码"},
    {0},
};

/* One bill with its lines and payments; open: shown expanded. */
static int fill_bill(page_ctx *ctx, view *body, const fee_bill *b, bool open) {
    arena *a = ctx->arena;
    fee_bill_line *lines;
    fee_bill_payment *pays;
    size_t nl, np;
    int s = fee_account_bill_lines(a, b->id, &lines, &nl);
    if (s || (s = fee_account_bill_payments(a, b->id, &pays, &np)) != 0)
        return s;
    const char *state = fee_bill_state(b);
    view *v = view_add(body, "BILL");
    view_set_int(v, "ID", b->id);
    view_set(v, "PERIOD", b->period);
    view_set(v, "KIND_NAME", fee_bill_kind_name(b->kind));
    view_set(v, "DUE", b->due_date);
    view_set(v, "STATE", state);
    view_set(v, "STATE_NAME", fee_bill_state_name(state));
    view_set_int(v, "AMOUNT_FEN", b->amount_fen);
    view_set(v, "AMOUNT", money_format(a, b->amount_fen));
    view_set_int(v, "PAID_FEN", b->paid_fen);
    view_set(v, "PAID", money_format(a, b->paid_fen));
    view_set_int(v, "OWED_FEN", b->amount_fen - b->paid_fen);
    view_set(v, "OWED", money_format(a, b->amount_fen - b->paid_fen));
    if (open)
        view_show(v, "OPEN");
    for (size_t i = 0; i < nl; i++) {
        view *l = view_add(v, "LINE");
        view_set(l, "NAME", lines[i].item_name[0] ? lines[i].item_name : lines[i].description);
        view_set(l, "DESCRIPTION", lines[i].description);
        if (lines[i].quantity_c >= 0 && lines[i].price_e4 >= 0) {
            view *q = view_add(l, "QUANTITY");
            view_set(q, "QUANTITY", decimal_format(a, lines[i].quantity_c, 2));
            view_set(q, "PRICE", decimal_format(a, lines[i].price_e4, 4));
        }
        view_set_int(l, "AMOUNT_FEN", lines[i].amount_fen);
        view_set(l, "AMOUNT", money_format(a, lines[i].amount_fen));
        view_set(l, "PAID", money_format(a, lines[i].paid_fen));
    }
    for (size_t i = 0; i < np; i++) {
        view *p = view_add(v, "PAYMENT");
        view_set(p, "RECEIPT_NO", pays[i].receipt_no);
        view_set(p, "KIND_NAME",
                 !strcmp(pays[i].kind, "payment") ? "缴费" : fee_payment_kind_name(pays[i].kind, false));
        view_set(p, "METHOD_NAME", fee_method_name(pays[i].method));
        view_set(p, "DATE", clock_format(a, pays[i].taken_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
        view_set_int(p, "AMOUNT_FEN", pays[i].amount_fen);
        view_set(p, "AMOUNT", money_format(a, pays[i].amount_fen));
    }
    if (!np)
        view_show(v, "NO_PAYMENTS");
    return 0;
}

static int bills_get(page_ctx *ctx) {
    arena *a = ctx->arena;
    household h;
    int s = household_load(a, ctx->user.id, &h);
    if (s)
        return page_db_error(ctx, s);
    const field_value *id = form_get(&ctx->query, "id");
    if (!h.unit_id && id->present)
        return page_error(ctx, 404, "没有这张账单。");
    long long page_number = form_get(&ctx->query, "page")->present ? form_int(&ctx->query, "page") : 1;
    fee_bill *bills = NULL;
    fee_bill one;
    size_t n = 0;
    long long total = 0, owed = 0;
    if (h.unit_id && id->present) {
        if ((s = fee_account_bill(a, h.unit_id, id->number, &one)) == 404)
            return page_error(ctx, 404, "没有这张账单，或它不属于您的房屋。");
        bills = &one;
        n = 1;
    } else if (h.unit_id) {
        s = fee_account_bills(a, h.unit_id, (int)page_number, BILLS_PER_PAGE, &bills, &n, &total);
    }
    if (s)
        return page_db_error(ctx, s);
    owed = h.owed_fen;
    view *body = page_body(ctx, "portal/bills.tpl", "我的账单");
    if (!body)
        return 500;
    if (!h.unit_id) {
        view_show(body, "NO_UNIT");
        return 0;
    }
    view *home = view_add(body, "HOME");
    view_set(home, "UNIT_CODE", h.unit_code);
    view_set(home, "COMMUNITY_NAME", h.community_name);
    view_set(home, "PHONE", h.community_phone && h.community_phone[0] ? h.community_phone : "物业服务中心");
    view_set_int(home, "OWED_FEN", owed);
    view_set(home, "OWED", money_format(a, owed));
    view_show(home, owed > 0 ? "OWES" : "SETTLED");
    if (id->present)
        view_show(home, "ONE_BILL");
    for (size_t i = 0; i < n; i++)
        if ((s = fill_bill(ctx, home, &bills[i], id->present)) != 0)
            return page_db_error(ctx, s);
    if (!id->present && !total)
        view_show(home, "EMPTY");
    if (!id->present && total > BILLS_PER_PAGE)
        pagination_fill(view_add(home, "PAGER"), page_number, BILLS_PER_PAGE, total);
    return 0;
}

static const page bills_page = {
    .name = "portal/bills",
    .access = PAGE_RESIDENT,
    .query_fields = query_fields,
    .get = bills_get,
};

int main(void) {
    return page_main(&bills_page);
}
