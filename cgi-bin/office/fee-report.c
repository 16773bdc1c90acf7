/* office/fee-report.c: /office/fee-report?year=YYYY, 收费报表: the collection rate of each
 * month's period bills per building against the 95% target, arrears by age today, and the
 * income per fee item and month; format=csv exports the same figures for Excel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/csv.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/arrears.h"
#include "../domain/audit.h"
#include "../domain/fee.h"
#include "../domain/fee_report.h"

static const char *const format_choices[] = {"csv", NULL};

static const field query_fields[] = {
    {.name = "year", .kind = FIELD_INT, .min = 2000, .max = 2099, .label = "年份"},
    {.name = "format", .kind = FIELD_ENUM, .choices = format_choices, .label = "格式"},
    {0},
};

/* Sums per row (building or fee item) and month; column 0 is the whole year. */
typedef struct grid_row {
    long long id;
    const char *code;
    const char *name;
    long long amount[13], paid[13];
} grid_row;

typedef struct report {
    int year;
    grid_row *buildings; /* collection: amount and paid */
    size_t nbuildings;
    grid_row all;    /* every building */
    grid_row *items; /* income: amount only */
    size_t nitems;
    grid_row income_total;
    arrears_totals arrears;
} report;

/* The row of id among the n rows, or NULL. */
static grid_row *row_for(grid_row *rows, size_t n, long long id) {
    for (size_t i = 0; i < n; i++)
        if (rows[i].id == id)
            return &rows[i];
    return NULL;
}

static int report_load(page_ctx *ctx, report *r) {
    arena *a = ctx->arena;
    fee_report_collection *c;
    fee_report_income *in;
    size_t nc, ni;
    int s = fee_report_collections(a, ctx->user.community_id, r->year, &c, &nc);
    if (s)
        return s;
    if ((s = fee_report_incomes(a, ctx->user.community_id, r->year, ctx->user.community_zone, &in, &ni)) != 0)
        return s;
    r->buildings = arena_alloc(a, (nc ? nc : 1) * sizeof *r->buildings);
    r->items = arena_alloc(a, (ni ? ni : 1) * sizeof *r->items);
    if (!r->buildings || !r->items)
        return DB_ERROR;
    memset(r->buildings, 0, (nc ? nc : 1) * sizeof *r->buildings);
    memset(r->items, 0, (ni ? ni : 1) * sizeof *r->items);
    for (size_t i = 0; i < nc; i++) {
        grid_row *g = row_for(r->buildings, r->nbuildings, c[i].building_id);
        if (!g) {
            g = &r->buildings[r->nbuildings++];
            g->id = c[i].building_id;
            g->code = c[i].building_code;
            g->name = c[i].building_name;
        }
        int m = c[i].month >= 1 && c[i].month <= 12 ? c[i].month : 0;
        g->amount[m] += c[i].amount_fen;
        g->paid[m] += c[i].paid_fen;
        g->amount[0] += c[i].amount_fen;
        g->paid[0] += c[i].paid_fen;
        r->all.amount[m] += c[i].amount_fen;
        r->all.paid[m] += c[i].paid_fen;
        r->all.amount[0] += c[i].amount_fen;
        r->all.paid[0] += c[i].paid_fen;
    }
    for (size_t i = 0; i < ni; i++) {
        grid_row *g = row_for(r->items, r->nitems, in[i].item_id);
        if (!g) {
            g = &r->items[r->nitems++];
            g->id = in[i].item_id;
            g->name = in[i].item_name[0] ? in[i].item_name : "其他";
        }
        int m = in[i].month >= 1 && in[i].month <= 12 ? in[i].month : 0;
        g->amount[m] += in[i].amount_fen;
        g->amount[0] += in[i].amount_fen;
        r->income_total.amount[m] += in[i].amount_fen;
        r->income_total.amount[0] += in[i].amount_fen;
    }
    arrears_filter f = {
        .community_id = ctx->user.community_id,
        .today = clock_format(a, ctx->now, ctx->user.community_zone, "%Y-%m-%d"),
        .month = clock_format(a, ctx->now, ctx->user.community_zone, "%Y-%m"),
    };
    arrears_row *rows;
    size_t n;
    return arrears_list(a, &f, &rows, &n, &r->arrears);
}

/* "96.5%" for 965 per-mille, "—" when nothing was billed. */
static const char *rate_text(arena *a, long long permille) {
    if (permille < 0)
        return "—";
    return arena_printf(a, "%lld.%lld%%", permille / 10, permille % 10);
}

static void fill_rate_row(arena *a, view *row, const grid_row *g) {
    for (int m = 1; m <= 13; m++) {
        int k = m == 13 ? 0 : m;
        long long pm = fee_report_permille(g->paid[k], g->amount[k]);
        view *cell = view_add(row, "CELL");
        view_set(cell, "MONTH", k ? arena_printf(a, "%d", k) : "year");
        view_set_int(cell, "VALUE", pm);
        view_set(cell, "TEXT", rate_text(a, pm));
        view_set_int(cell, "AMOUNT_FEN", g->amount[k]);
        view_set_int(cell, "PAID_FEN", g->paid[k]);
        if (pm >= 0 && pm < FEE_REPORT_TARGET_PERMILLE)
            view_show(cell, "BELOW");
    }
}

static void fill_income_row(arena *a, view *row, const grid_row *g) {
    for (int m = 1; m <= 13; m++) {
        int k = m == 13 ? 0 : m;
        view *cell = view_add(row, "CELL");
        view_set(cell, "MONTH", k ? arena_printf(a, "%d", k) : "year");
        view_set_int(cell, "VALUE", g->amount[k]);
        view_set(cell, "TEXT", g->amount[k] ? money_format(a, g->amount[k]) : "—");
    }
}

static int export_csv(page_ctx *ctx, const report *r) {
    arena *a = ctx->arena;
    const char *file = arena_printf(a, "fee-report-%d.csv", r->year);
    db_status s = audit_record(ctx, "export", "fee_report", 0, file);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    csv w;
    csv_begin(&w, &ctx->resp->body);
    w.plain_numbers = true;
    CSV_ROW(&w, arena_printf(a, "%s %d 年收费报表", ctx->user.community_name, r->year));
    csv_end_row(&w);
    CSV_ROW(&w, "一、收缴率（当月账单已收/应收，目标 95%）");
    csv_cell(&w, "楼栋");
    for (int m = 1; m <= 12; m++)
        csv_cell(&w, arena_printf(a, "%d月", m));
    csv_cell(&w, "全年");
    csv_end_row(&w);
    for (size_t i = 0; i <= r->nbuildings; i++) {
        const grid_row *g = i < r->nbuildings ? &r->buildings[i] : &r->all;
        csv_cell(&w, i < r->nbuildings ? g->name : "全部");
        for (int m = 1; m <= 13; m++)
            csv_cell(&w, rate_text(a, fee_report_permille(g->paid[m % 13], g->amount[m % 13])));
        csv_end_row(&w);
    }
    csv_end_row(&w);
    CSV_ROW(&w, "二、欠费账龄（截至今日）");
    CSV_ROW(&w, "欠费时长", "户数", "金额（元）");
    for (int b = 0; b < ARREARS_BUCKETS; b++)
        CSV_ROW(&w, arrears_bucket_name(b), arena_printf(a, "%lld", r->arrears.bucket_units[b]),
                money_format(a, r->arrears.bucket_fen[b]));
    CSV_ROW(&w, "合计", arena_printf(a, "%lld", r->arrears.units), money_format(a, r->arrears.owed_fen));
    csv_end_row(&w);
    CSV_ROW(&w, "三、按收费项目的实收（元，按收款月份，冲正计负数）");
    csv_cell(&w, "收费项目");
    for (int m = 1; m <= 12; m++)
        csv_cell(&w, arena_printf(a, "%d月", m));
    csv_cell(&w, "全年");
    csv_end_row(&w);
    for (size_t i = 0; i <= r->nitems; i++) {
        const grid_row *g = i < r->nitems ? &r->items[i] : &r->income_total;
        csv_cell(&w, i < r->nitems ? g->name : "合计");
        for (int m = 1; m <= 13; m++)
            csv_cell(&w, money_format(a, g->amount[m % 13]));
        csv_end_row(&w);
    }
    if (csv_status(&w) || csv_response_headers(ctx->resp, file))
        return 500;
    return 0;
}

static int fee_report_get(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看收费报表。");
    arena *a = ctx->arena;
    report r = {0};
    const field_value *year = form_get(&ctx->query, "year");
    r.year =
        year->present ? (int)year->number : atoi(clock_format(a, ctx->now, ctx->user.community_zone, "%Y"));
    int s = report_load(ctx, &r);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, "年份无效。");
    if (form_get(&ctx->query, "format")->present)
        return export_csv(ctx, &r);
    view *body = page_body(ctx, "office/fee-report.tpl", arena_printf(a, "%d 年收费报表", r.year));
    if (!body)
        return 500;
    view_set_int(body, "YEAR", r.year);
    view_set_int(body, "PREVIOUS_YEAR", r.year - 1);
    view_set_int(body, "NEXT_YEAR", r.year + 1);
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "GENERATED", clock_format(a, ctx->now, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    view_set_int(body, "TARGET", FEE_REPORT_TARGET_PERMILLE);
    for (int m = 1; m <= 12; m++)
        view_set_int(view_add(body, "MONTH_HEAD"), "MONTH", m);
    for (size_t i = 0; i < r.nbuildings; i++) {
        view *row = view_add(body, "BUILDING");
        view_set(row, "CODE", r.buildings[i].code);
        view_set(row, "NAME", r.buildings[i].name);
        fill_rate_row(a, row, &r.buildings[i]);
    }
    fill_rate_row(a, view_add(body, "ALL_BUILDINGS"), &r.all);
    if (!r.nbuildings)
        view_show(body, "NO_BILLS");
    for (int b = 0; b < ARREARS_BUCKETS; b++) {
        view *v = view_add(body, "BUCKET");
        view_set_int(v, "INDEX", b);
        view_set(v, "NAME", arrears_bucket_name(b));
        view_set_int(v, "UNITS", r.arrears.bucket_units[b]);
        view_set_int(v, "OWED_FEN", r.arrears.bucket_fen[b]);
        view_set(v, "OWED", money_format(a, r.arrears.bucket_fen[b]));
    }
    view_set_int(body, "ARREARS_UNITS", r.arrears.units);
    view_set_int(body, "ARREARS_FEN", r.arrears.owed_fen);
    view_set(body, "ARREARS", money_format(a, r.arrears.owed_fen));
    for (size_t i = 0; i < r.nitems; i++) {
        view *row = view_add(body, "ITEM");
        view_set_int(row, "ID", r.items[i].id);
        view_set(row, "NAME", r.items[i].name);
        fill_income_row(a, row, &r.items[i]);
    }
    fill_income_row(a, view_add(body, "INCOME_TOTAL"), &r.income_total);
    if (!r.nitems)
        view_show(body, "NO_INCOME");
    return 0;
}

static const page fee_report_page = {
    .name = "office/fee-report",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = fee_report_get,
};

int main(void) {
    return page_main(&fee_report_page);
}
