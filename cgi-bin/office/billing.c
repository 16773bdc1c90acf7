/* office/billing.c: /office/billing (出账), the months billed with their totals and how
 * much of them is paid, the bills of one month, the billing run for a month, and one-off
 * bills made at the counter (临时收费). */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../core/pagination.h"
#include "../domain/archive.h"
#include "../domain/audit.h"
#include "../domain/billing.h"
#include "../domain/fee.h"

#define PER_PAGE 50

static const char *const actions[] = {"run", "oneoff", NULL};

static const field query_fields[] = {
    {.name = "period", .kind = FIELD_TEXT, .max = 7, .label = "月份"},
    {.name = "building", .kind = FIELD_TEXT, .max = 10, .label = "楼栋"},
    {.name = "run", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "出账记录"},
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = 100000, .label = "页码"},
    {0},
};

static const field post_fields[] = {
    {.name = "action", .kind = FIELD_ENUM, .flags = FIELD_REQUIRED, .choices = actions, .label = "操作"},
    {.name = "period", .kind = FIELD_TEXT, .max = 7, .label = "账期"},
    {.name = "unit", .kind = FIELD_UNIT_CODE, .label = "房号"},
    {.name = "item", .kind = FIELD_TEXT, .max = 20, .label = "收费项目"},
    {.name = "amount", .kind = FIELD_TEXT, .max = 12, .label = "金额"},
    {.name = "description", .kind = FIELD_TEXT, .max = 100, .label = "说明"},
    {0},
};

static void fill_periods(page_ctx *ctx, view *body) {
    billing_period *p;
    size_t n;
    if (billing_periods(ctx->arena, ctx->user.community_id, 24, &p, &n) != DB_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        view *r = view_add(body, "PERIOD_ROW");
        view_set(r, "PERIOD", p[i].period);
        view_set_int(r, "BILLS", p[i].bills);
        view_set(r, "AMOUNT", money_format(ctx->arena, p[i].amount_fen));
        view_set(r, "PAID", money_format(ctx->arena, p[i].paid_fen));
        view_set_int(r, "AMOUNT_FEN", p[i].amount_fen);
        view_set_int(r, "PAID_FEN", p[i].paid_fen);
        long long permille = p[i].amount_fen ? p[i].paid_fen * 1000 / p[i].amount_fen : 1000;
        view_set(r, "RATE", arena_printf(ctx->arena, "%lld.%lld%%", permille / 10, permille % 10));
        if (permille < 950)
            view_show(r, "BELOW_TARGET");
    }
    if (!n)
        view_show(body, "NO_PERIODS");
}

static void fill_runs(page_ctx *ctx, view *body) {
    billing_run_row *r;
    size_t n;
    if (billing_runs(ctx->arena, ctx->user.community_id, 10, &r, &n) != DB_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        view *v = view_add(body, "RUN_ROW");
        view_set_int(v, "ID", r[i].id);
        view_set(v, "PERIOD", r[i].period);
        view_set(v, "WHO", !strcmp(r[i].source, "job") ? "定时任务" : r[i].staff_name);
        view_set(v, "AT",
                 clock_format(ctx->arena, r[i].started_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
        view_set_int(v, "BILLS", r[i].bills);
        view_set_int(v, "LINES", r[i].lines);
        view_set(v, "TOTAL", money_format(ctx->arena, r[i].total_fen));
    }
}

/* The bills of the month in the query, one page. */
static int fill_bills(page_ctx *ctx, view *body, const char *period) {
    const char *building = form_text(&ctx->query, "building");
    const field_value *pg = form_get(&ctx->query, "page");
    long long page_number = pg->present ? pg->number : 1;
    billing_bill *b;
    size_t n;
    long long total;
    db_status s = billing_bills(ctx->arena, ctx->user.community_id, period, building,
                                (page_number - 1) * PER_PAGE, PER_PAGE, &b, &n, &total);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    view *list = view_add(body, "BILLS");
    view_set(list, "PERIOD", period);
    view_set(list, "BUILDING", building);
    archive_building *bs;
    size_t nb;
    if (archive_buildings(ctx->arena, ctx->user.community_id, &bs, &nb) == DB_OK)
        for (size_t i = 0; i < nb; i++) {
            view *o = view_add(list, "BUILDING_OPTION");
            view_set(o, "CODE", bs[i].code);
            view_set(o, "NAME", bs[i].name);
            if (!strcmp(bs[i].code, building))
                view_show(o, "SELECTED");
        }
    for (size_t i = 0; i < n; i++) {
        view *r = view_add(list, "BILL");
        view_set_int(r, "ID", b[i].id);
        view_set(r, "UNIT_CODE", b[i].unit_code);
        view_set(r, "OWNERS", b[i].owners[0] ? b[i].owners : "—");
        view_set(r, "KIND_NAME", fee_bill_kind_name(b[i].kind));
        view_set_int(r, "LINES", b[i].lines);
        view_set(r, "AMOUNT", money_format(ctx->arena, b[i].amount_fen));
        view_set(r, "PAID", money_format(ctx->arena, b[i].paid_fen));
        view_set(r, "OWED", money_format(ctx->arena, b[i].amount_fen - b[i].paid_fen));
        view_set_int(r, "OWED_FEN", b[i].amount_fen - b[i].paid_fen);
        view_show(r, b[i].paid_fen >= b[i].amount_fen ? "SETTLED" : (b[i].paid_fen ? "PARTLY" : "UNPAID"));
    }
    if (!n)
        view_show(list, "EMPTY");
    pagination_fill(list, page_number, PER_PAGE, total);
    return 0;
}

static int render(page_ctx *ctx) {
    view *body = page_body(ctx, "office/billing.tpl", "出账");
    if (!body)
        return 500;
    const char *this_month = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m");
    bool posted = ctx->req->method == METHOD_POST;
    const char *action = posted ? form_text(&ctx->post, "action") : "";
    if (fee_may(ctx->user.roles, FEE_BILLING)) {
        view *f = view_add(body, "RUN_FORM");
        view_set(f, "CSRF", ctx->csrf);
        view_set(f, "PERIOD",
                 posted && !strcmp(action, "run") ? form_text(&ctx->post, "period") : this_month);
        if (posted && !strcmp(action, "run"))
            page_form_values(ctx, &ctx->post, f);
    }
    if (fee_may(ctx->user.roles, FEE_PAY)) {
        view *f = view_add(body, "ONEOFF_FORM");
        view_set(f, "CSRF", ctx->csrf);
        if (posted && !strcmp(action, "oneoff"))
            page_form_values(ctx, &ctx->post, f);
        billing_item *items;
        size_t n;
        if (billing_oneoff_items(ctx->arena, ctx->user.community_id, &items, &n) == DB_OK)
            for (size_t i = 0; i < n; i++) {
                view *o = view_add(f, "ITEM_OPTION");
                view_set(o, "CODE", items[i].code);
                view_set(o, "NAME", items[i].name);
                if (items[i].price_e4 > 0)
                    view_set(o, "USUAL", money_format(ctx->arena, fee_amount(100, items[i].price_e4)));
                if (posted && !strcmp(items[i].code, form_text(&ctx->post, "item")))
                    view_show(o, "SELECTED");
            }
    }
    const field_value *run = form_get(&ctx->query, "run");
    if (!posted && run->present) {
        billing_run_row *r;
        size_t n;
        if (billing_runs(ctx->arena, ctx->user.community_id, 50, &r, &n) == DB_OK)
            for (size_t i = 0; i < n; i++)
                if (r[i].id == run->number) {
                    view *d = view_add(body, "RUN_DONE");
                    view_set(d, "PERIOD", r[i].period);
                    view_set_int(d, "BILLS", r[i].bills);
                    view_set_int(d, "LINES", r[i].lines);
                    view_set(d, "TOTAL", money_format(ctx->arena, r[i].total_fen));
                    view_show(d, r[i].bills ? "MADE" : "NOTHING");
                }
    }
    fill_periods(ctx, body);
    fill_runs(ctx, body);
    const char *period = form_text(&ctx->query, "period");
    return period[0] ? fill_bills(ctx, body, period) : 0;
}

static int billing_get(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看收费账单。");
    const char *period = form_text(&ctx->query, "period");
    if (ctx->query.errors || (period[0] && !fee_period_valid(period)))
        return page_error(ctx, 400, "查询条件有误：月份应为“年-月”，如 2026-11。");
    return render(ctx);
}

static int refuse(page_ctx *ctx, const char *field_name, const char *message) {
    form_set_error(&ctx->post, field_name, message);
    ctx->resp->status = 422;
    return render(ctx);
}

static int post_run(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_BILLING))
        return page_error(ctx, 403, "只有收费员和管理处主任可以出账。");
    const char *period = form_text(&ctx->post, "period");
    if (!fee_period_valid(period))
        return refuse(ctx, "period", "请填写账期，格式为“年-月”，如 2026-11。");
    const char *this_month = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m");
    if (this_month && fee_period_diff(this_month, period) > 1)
        return refuse(ctx, "period", "最多只能预出下一个月的账单。");
    billing_result r;
    db_status s = billing_run(ctx->arena, ctx->user.community_id, ctx->user.community_zone, period,
                              ctx->user.id, ctx->now, &r);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    audit_record(ctx, "billing_run", "billing_run", r.run_id,
                 arena_printf(ctx->arena, "%s：%lld 张账单，合计 %s 元", period, r.bills,
                              money_format(ctx->arena, r.total_fen)));
    return page_redirect(ctx,
                         arena_printf(ctx->arena, "/office/billing?period=%s&run=%lld", period, r.run_id));
}

static int post_oneoff(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_PAY))
        return page_error(ctx, 403, "您的岗位不能开临时收费单。");
    long long amount = 0;
    if (!form_get(&ctx->post, "unit")->present)
        return refuse(ctx, "unit", "请填写房号，如 1-1-101。");
    if (!form_get(&ctx->post, "item")->present)
        return refuse(ctx, "item", "请选择收费项目。");
    if (money_parse_yuan(form_text(&ctx->post, "amount"), &amount) != 0 || amount <= 0)
        return refuse(ctx, "amount", "请填写大于 0 的金额（元），最多两位小数。");
    long long bill_id;
    billing_refusal why = {0};
    db_status s =
        billing_oneoff(ctx->arena, ctx->user.community_id, ctx->user.community_zone,
                       form_text(&ctx->post, "unit"), form_text(&ctx->post, "item"), amount,
                       form_text(&ctx->post, "description"), ctx->user.id, ctx->now, &bill_id, &why);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (!bill_id)
        return refuse(ctx, why.field, why.message);
    audit_record(ctx, "bill_oneoff", "bill", bill_id,
                 arena_printf(ctx->arena, "%s %s %s 元", form_text(&ctx->post, "unit"),
                              form_text(&ctx->post, "item"), money_format(ctx->arena, amount)));
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/bill?id=%lld", bill_id));
}

static int billing_post(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_BILLING) && !fee_may(ctx->user.roles, FEE_PAY))
        return page_error(ctx, 403, "您的岗位不能出账或收费。");
    if (ctx->post.errors) {
        ctx->resp->status = 422;
        return render(ctx);
    }
    return !strcmp(form_text(&ctx->post, "action"), "run") ? post_run(ctx) : post_oneoff(ctx);
}

static const page billing_page = {
    .name = "office/billing",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = billing_get,
    .post = billing_post,
    .body_max = 8192,
};

int main(void) {
    return page_main(&billing_page);
}
