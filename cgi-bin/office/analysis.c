/* office/analysis.c: /office/analysis, the monthly analysis of the community's requests
 * (月盘点, 顾客投诉分类统计表) for supervisors, complaint officers and the office manager;
 * format=csv exports the same figures for Excel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/csv.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../core/page_keep.h"
#include "../domain/analysis.h"
#include "../domain/audit.h"
#include "../domain/ticket_flow.h"

/* The charts' geometry in SVG user units: the bars are sized here, as SVG attributes,
 * because the CSP (style-src 'self') refuses inline styles. */
#define CHART_WIDTH 640
#define BAR_LEFT 88  /* the label column */
#define BAR_SPAN 400 /* the longest bar */
#define BAR_ROW 36   /* one kind or promise */
#define CHART_TOP 6

#define KIND_COUNT 5
#define MONTH_LEN 8 /* "YYYY-MM" and its NUL */

static const char *const format_choices[] = {"csv", NULL};

static const field query_fields[] = {
    {.name = "month", .kind = FIELD_TEXT, .min = 7, .max = 7, .label = "月份"},
    {.name = "format", .kind = FIELD_ENUM, .choices = format_choices, .label = "格式"},
    {0},
};

/* The figures as shown, computed once for the page and the CSV alike. */
typedef struct kind_total {
    const char *kind;
    long long count, previous;
} kind_total;

typedef struct month_view {
    char month[MONTH_LEN], previous[MONTH_LEN], next[MONTH_LEN];
    const char *title; /* 2031年03月 */
    long long start, end;
    analysis_month m;
    kind_total kinds[KIND_COUNT];
    const analysis_category *top[ANALYSIS_TOP];
    size_t top_count;
} month_view;

/* "33.3" for part of whole, rounded half up to a tenth of a percent; "" when whole is 0. */
static const char *percent(arena *a, long long part, long long whole) {
    if (whole <= 0)
        return "";
    long long tenths = (part * 1000 + whole / 2) / whole;
    return arena_printf(a, "%lld.%lld", tenths / 10, tenths % 10);
}

/* percent() with its sign for people: "33.3%", or "—" when there is nothing to divide. */
static const char *percent_text(arena *a, long long part, long long whole) {
    return whole > 0 ? arena_printf(a, "%s%%", percent(a, part, whole)) : "—";
}

/* "+2", "-1" or "0". */
static const char *change_text(arena *a, long long now, long long before) {
    return arena_printf(a, now > before ? "+%lld" : "%lld", now - before);
}

/* The average rating to a tenth ("4.3"), rounded half up; "" without ratings. */
static const char *average_text(arena *a, long long sum, long long count) {
    if (count <= 0)
        return "";
    long long tenths = (sum * 10 + count / 2) / count;
    return arena_printf(a, "%lld.%lld", tenths / 10, tenths % 10);
}

/* The month next to "YYYY-MM" (step -1 or +1), into out. */
static void month_step(const char *month, int step, char out[MONTH_LEN]) {
    int y = atoi(month), m = atoi(month + 5) - 1 + step;
    if (m < 0) {
        m += 12;
        y--;
    } else if (m > 11) {
        m -= 12;
        y++;
    }
    snprintf(out, MONTH_LEN, "%04u-%02u", (unsigned)y % 10000u, (unsigned)(m + 1) % 100u);
}

/* The categories with the most requests this month, most first; ties keep the table's
 * order (kind, then the category's own order). */
static void rank_categories(month_view *v) {
    v->top_count = 0;
    for (size_t i = 0; i < v->m.category_count; i++) {
        const analysis_category *c = &v->m.categories[i];
        if (c->count <= 0)
            continue;
        size_t at = v->top_count;
        while (at > 0 && v->top[at - 1]->count < c->count)
            at--;
        if (at >= ANALYSIS_TOP)
            continue;
        size_t last = v->top_count < ANALYSIS_TOP ? v->top_count : ANALYSIS_TOP - 1;
        memmove(&v->top[at + 1], &v->top[at], (last - at) * sizeof v->top[0]);
        v->top[at] = c;
        if (v->top_count < ANALYSIS_TOP)
            v->top_count++;
    }
}

/* Reads the month of the query (default: this month where the community is), loads its
 * figures. 0, or an HTTP status. */
static int load_month(page_ctx *ctx, month_view *v) {
    const char *zone = ctx->user.community_zone;
    const field_value *month = form_get(&ctx->query, "month");
    snprintf(v->month, sizeof v->month, "%s",
             month->present ? month->text : clock_format(ctx->arena, ctx->now, zone, "%Y-%m"));
    long long previous_start, unused;
    int year = atoi(v->month);
    if (clock_month_range(v->month, zone, &v->start, &v->end) != 0 || year < 2000 || year > 2099)
        return page_error(ctx, 400,
                          "查询参数“月份”无效：请写成 YYYY-MM（如 2031-03），年份在 2000 到 2099 之间。");
    month_step(v->month, -1, v->previous);
    month_step(v->month, +1, v->next);
    if (clock_month_range(v->previous, zone, &previous_start, &unused) != 0)
        return 500;
    v->title = arena_printf(ctx->arena, "%.4s年%.2s月", v->month, v->month + 5);
    db_status s =
        analysis_load(ctx->arena, ctx->user.community_id, previous_start, v->start, v->end, ctx->now, &v->m);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    for (size_t k = 0; k < KIND_COUNT; k++)
        v->kinds[k] = (kind_total){ticket_kinds[k], 0, 0};
    for (size_t i = 0; i < v->m.category_count; i++)
        for (size_t k = 0; k < KIND_COUNT; k++)
            if (!strcmp(v->m.categories[i].kind, ticket_kinds[k])) {
                v->kinds[k].count += v->m.categories[i].count;
                v->kinds[k].previous += v->m.categories[i].previous;
            }
    rank_categories(v);
    return 0;
}

/* --- CSV --------------------------------------------------------------------------- */

static const char *num(arena *a, long long n) {
    return arena_printf(a, "%lld", n);
}

static const char *const clock_names[3] = {"响应", "上门", "办结"};
static const char *const clock_codes[3] = {"respond", "onsite", "resolve"};

static const analysis_clock *clock_of(const month_view *v, size_t i) {
    return i == 0 ? &v->m.respond : i == 1 ? &v->m.onsite : &v->m.resolve;
}

static int export_csv(page_ctx *ctx, const month_view *v) {
    arena *a = ctx->arena;
    const char *file = arena_printf(a, "analysis-%s.csv", v->month);
    db_status s = audit_record(ctx, "export", "analysis", 0, file);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    const char *zone = ctx->user.community_zone;
    const analysis_month *m = &v->m;
    csv w;
    csv_begin(&w, &ctx->resp->body);
    /* Figures keep their sign: +2 and -1 are numbers, not formulas. */
    w.plain_numbers = true;
    CSV_ROW(&w, arena_printf(a, "%s %s 统计分析", ctx->user.community_name, v->title));
    CSV_ROW(&w, "统计区间", clock_format(a, v->start, zone, "%Y-%m-%d %H:%M"),
            clock_format(a, v->end, zone, "%Y-%m-%d %H:%M"), zone);
    csv_end_row(&w);
    CSV_ROW(&w, "一、分类统计（本月登记）");
    CSV_ROW(&w, "类型", "类别", "本月件数", "占比", "上月件数", "增减");
    for (size_t i = 0; i < m->category_count; i++) {
        const analysis_category *c = &m->categories[i];
        CSV_ROW(&w, ticket_kind_name(c->kind), c->name, num(a, c->count), percent_text(a, c->count, m->total),
                num(a, c->previous), change_text(a, c->count, c->previous));
    }
    CSV_ROW(&w, "合计", "", num(a, m->total), percent_text(a, m->total, m->total), num(a, m->previous_total),
            change_text(a, m->total, m->previous_total));
    csv_end_row(&w);
    CSV_ROW(&w, "按类型");
    CSV_ROW(&w, "类型", "本月件数", "占比", "上月件数", "增减");
    for (size_t k = 0; k < KIND_COUNT; k++)
        CSV_ROW(&w, ticket_kind_name(v->kinds[k].kind), num(a, v->kinds[k].count),
                percent_text(a, v->kinds[k].count, m->total), num(a, v->kinds[k].previous),
                change_text(a, v->kinds[k].count, v->kinds[k].previous));
    csv_end_row(&w);
    CSV_ROW(&w, "二、按时率（本月登记工单的限时承诺）");
    CSV_ROW(&w, "时限", "考核件数", "按时", "超时", "未到期", "按时率");
    for (size_t i = 0; i < 3; i++) {
        const analysis_clock *c = clock_of(v, i);
        CSV_ROW(&w, clock_names[i], num(a, c->met + c->late), num(a, c->met), num(a, c->late),
                num(a, c->pending), percent_text(a, c->met, c->met + c->late));
    }
    csv_end_row(&w);
    CSV_ROW(&w, "三、回访、评价与有偿维修（本月完成工单）");
    CSV_ROW(&w, "项目", "件数", "数值");
    CSV_ROW(&w, "本月完成", num(a, m->completed), "");
    CSV_ROW(&w, "已回访（回访率）", num(a, m->callbacks), percent_text(a, m->callbacks, m->completed));
    CSV_ROW(&w, "业主评价（平均分）", num(a, m->ratings), average_text(a, m->rating_sum, m->ratings));
    CSV_ROW(&w, "有偿维修（收入，元）", num(a, m->charged), money_format(a, m->charge_fen));
    csv_end_row(&w);
    CSV_ROW(&w, "四、重复报事的房号（本月 2 次及以上）");
    CSV_ROW(&w, "房号", "件数", "类别");
    for (size_t i = 0; i < m->unit_count; i++)
        CSV_ROW(&w, m->units[i].code, num(a, m->units[i].count), m->units[i].categories);
    csv_end_row(&w);
    CSV_ROW(&w, "报事最多的楼栋");
    CSV_ROW(&w, "楼栋", "件数", "类别");
    for (size_t i = 0; i < m->building_count; i++)
        CSV_ROW(&w, m->buildings[i].name, num(a, m->buildings[i].count), m->buildings[i].categories);
    csv_end_row(&w);
    CSV_ROW(&w, "报事最多的类别");
    CSV_ROW(&w, "名次", "类型", "类别", "件数", "占比");
    for (size_t i = 0; i < v->top_count; i++)
        CSV_ROW(&w, num(a, (long long)i + 1), ticket_kind_name(v->top[i]->kind), v->top[i]->name,
                num(a, v->top[i]->count), percent_text(a, v->top[i]->count, m->total));
    if (csv_status(&w) || csv_response_headers(ctx->resp, file))
        return 500;
    return 0;
}

/* --- the page ------------------------------------------------------------------------ */

/* A bar's length for value of max (at least 2 units when value is not 0). */
static long long bar_length(long long value, long long max) {
    if (value <= 0 || max <= 0)
        return 0;
    long long w = value * BAR_SPAN / max;
    return w < 2 ? 2 : w;
}

/* Sets CHANGE ("+2") and CHANGE_CLASS (up, down or same) of a row. */
static void set_change(arena *a, view *row, long long now, long long before) {
    view_set(row, "CHANGE", change_text(a, now, before));
    view_set(row, "CHANGE_CLASS", now > before ? "up" : now < before ? "down" : "same");
}

static void fill_classification(page_ctx *ctx, view *body, const month_view *v) {
    arena *a = ctx->arena;
    const analysis_month *m = &v->m;
    long long max = 1;
    for (size_t k = 0; k < KIND_COUNT; k++) {
        if (v->kinds[k].count > max)
            max = v->kinds[k].count;
        if (v->kinds[k].previous > max)
            max = v->kinds[k].previous;
    }
    view_set_int(body, "KIND_CHART_HEIGHT", CHART_TOP * 2 + BAR_ROW * KIND_COUNT);
    for (size_t k = 0; k < KIND_COUNT; k++) {
        const kind_total *t = &v->kinds[k];
        view *row = view_add(body, "KIND");
        view_set(row, "KIND", t->kind);
        view_set(row, "KIND_NAME", ticket_kind_name(t->kind));
        view_set_int(row, "COUNT", t->count);
        view_set_int(row, "PREVIOUS", t->previous);
        view_set(row, "SHARE", percent(a, t->count, m->total));
        view_set(row, "SHARE_TEXT", percent_text(a, t->count, m->total));
        set_change(a, row, t->count, t->previous);
        long long y = CHART_TOP + (long long)k * BAR_ROW;
        long long w = bar_length(t->count, max), pw = bar_length(t->previous, max);
        view_set_int(row, "Y", y);
        view_set_int(row, "PREVIOUS_Y", y + 17);
        view_set_int(row, "LABEL_Y", y + 16);
        view_set_int(row, "WIDTH", w);
        view_set_int(row, "PREVIOUS_WIDTH", pw);
        view_set_int(row, "VALUE_X", BAR_LEFT + (w > pw ? w : pw) + 8);
    }
    view_set_int(body, "BAR_LEFT", BAR_LEFT);
    view_set_int(body, "LABEL_X", BAR_LEFT - 10);
    view_set_int(body, "CHART_WIDTH", CHART_WIDTH);
    view_set_int(body, "BAR_SPAN", BAR_SPAN);
    for (size_t i = 0; i < m->category_count; i++) {
        const analysis_category *c = &m->categories[i];
        view *row = view_add(body, "CATEGORY");
        view_set(row, "KIND", c->kind);
        view_set(row, "KIND_NAME", ticket_kind_name(c->kind));
        view_set(row, "CODE", c->code);
        view_set(row, "NAME", c->name);
        view_set_int(row, "COUNT", c->count);
        view_set_int(row, "PREVIOUS", c->previous);
        view_set(row, "SHARE", percent(a, c->count, m->total));
        view_set(row, "SHARE_TEXT", percent_text(a, c->count, m->total));
        set_change(a, row, c->count, c->previous);
    }
    if (!m->category_count)
        view_show(body, "NO_CATEGORY");
    view_set_int(body, "TOTAL", m->total);
    view_set_int(body, "PREVIOUS_TOTAL", m->previous_total);
    view_set(body, "TOTAL_SHARE", percent(a, m->total, m->total));
    view_set(body, "TOTAL_SHARE_TEXT", percent_text(a, m->total, m->total));
    set_change(a, body, m->total, m->previous_total);
}

static void fill_clocks(page_ctx *ctx, view *body, const month_view *v) {
    arena *a = ctx->arena;
    view_set_int(body, "CLOCK_CHART_HEIGHT", CHART_TOP * 2 + BAR_ROW * 3);
    for (size_t i = 0; i < 3; i++) {
        const analysis_clock *c = clock_of(v, i);
        long long decided = c->met + c->late;
        view *row = view_add(body, "CLOCK");
        view_set(row, "CLOCK", clock_codes[i]);
        view_set(row, "NAME", clock_names[i]);
        view_set_int(row, "DECIDED", decided);
        view_set_int(row, "MET", c->met);
        view_set_int(row, "LATE", c->late);
        view_set_int(row, "PENDING", c->pending);
        view_set(row, "RATE", percent(a, c->met, decided));
        view_set(row, "RATE_TEXT", decided ? percent_text(a, c->met, decided) : "无考核件");
        long long y = CHART_TOP + (long long)i * BAR_ROW;
        long long w = bar_length(c->met, decided);
        view_set_int(row, "Y", y + 4);
        view_set_int(row, "LABEL_Y", y + 18);
        view_set_int(row, "WIDTH", w);
        view_set_int(row, "VALUE_X", BAR_LEFT + BAR_SPAN + 8);
        view_set(row, "BAR_CLASS", !decided ? "none" : c->late ? "partly" : "full");
    }
}

static void fill_completed(page_ctx *ctx, view *body, const month_view *v) {
    arena *a = ctx->arena;
    const analysis_month *m = &v->m;
    view_set_int(body, "COMPLETED", m->completed);
    view_set_int(body, "CALLBACKS", m->callbacks);
    view_set(body, "CALLBACK_RATE", percent(a, m->callbacks, m->completed));
    view_set(body, "CALLBACK_RATE_TEXT", percent_text(a, m->callbacks, m->completed));
    view_set_int(body, "RATINGS", m->ratings);
    view_set(body, "RATING_AVERAGE", average_text(a, m->rating_sum, m->ratings));
    view_set(body, "RATING_AVERAGE_TEXT", m->ratings ? average_text(a, m->rating_sum, m->ratings) : "—");
    view_set_int(body, "CHARGED", m->charged);
    view_set_int(body, "CHARGE_FEN", m->charge_fen);
    view_set(body, "CHARGE_TEXT", money_format(a, m->charge_fen));
}

static void fill_places(view *body, const char *section, const analysis_place *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(body, section);
        view_set_int(row, "RANK", (long long)i + 1);
        view_set(row, "CODE", p[i].code);
        view_set(row, "NAME", p[i].name);
        view_set_int(row, "COUNT", p[i].count);
        view_set(row, "CATEGORIES", p[i].categories);
    }
}

static void fill_rankings(page_ctx *ctx, view *body, const month_view *v) {
    fill_places(body, "UNIT", v->m.units, v->m.unit_count);
    if (!v->m.unit_count)
        view_show(body, "NO_UNIT");
    fill_places(body, "BUILDING", v->m.buildings, v->m.building_count);
    if (!v->m.building_count)
        view_show(body, "NO_BUILDING");
    for (size_t i = 0; i < v->top_count; i++) {
        view *row = view_add(body, "TOP_CATEGORY");
        view_set_int(row, "RANK", (long long)i + 1);
        view_set(row, "KIND", v->top[i]->kind);
        view_set(row, "KIND_NAME", ticket_kind_name(v->top[i]->kind));
        view_set(row, "CODE", v->top[i]->code);
        view_set(row, "NAME", v->top[i]->name);
        view_set_int(row, "COUNT", v->top[i]->count);
        view_set(row, "SHARE_TEXT", percent_text(ctx->arena, v->top[i]->count, v->m.total));
    }
    if (!v->top_count)
        view_show(body, "NO_TOP_CATEGORY");
}

static int analysis_get(page_ctx *ctx) {
    if (!page_has_role(ctx, "supervisor") && !page_has_role(ctx, "manager") &&
        !page_has_role(ctx, "complaint"))
        return page_error(ctx, 403,
                          "统计分析仅对客服主管、投诉专员和管理处主任开放；如需查看请联系客服主管。");
    /* The CSV is made each time (it is counted in the audit trail); a page is kept. */
    int kept = form_get(&ctx->query, "format")->present ? -1 : page_kept_body(ctx, false);
    if (kept >= 0)
        return kept;
    month_view v;
    memset(&v, 0, sizeof v);
    int status = load_month(ctx, &v);
    if (status)
        return status;
    if (form_get(&ctx->query, "format")->present)
        return export_csv(ctx, &v);
    view *body = page_body(ctx, "office/analysis.tpl", arena_printf(ctx->arena, "%s 统计分析", v.title));
    if (!body)
        return 500;
    const char *zone = ctx->user.community_zone;
    view_set(body, "MONTH", v.month);
    view_set(body, "MONTH_TITLE", v.title);
    view_set(body, "PREVIOUS_MONTH", v.previous);
    view_set(body, "NEXT_MONTH", v.next);
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(body, "RANGE_FROM", clock_format(ctx->arena, v.start, zone, "%Y-%m-%d %H:%M"));
    view_set(body, "RANGE_TO", clock_format(ctx->arena, v.end, zone, "%Y-%m-%d %H:%M"));
    view_set(body, "ZONE", zone ? zone : "");
    view_set(body, "GENERATED", clock_format(ctx->arena, ctx->now, zone, "%Y-%m-%d %H:%M"));
    fill_classification(ctx, body, &v);
    fill_clocks(ctx, body, &v);
    fill_completed(ctx, body, &v);
    fill_rankings(ctx, body, &v);
    /* It shows the minute it was made at (and, with no month asked for, this month's), and
     * figures that hold until valid_until. */
    long long next_minute = ctx->now - ctx->now % 60 + 60;
    page_keep_body(ctx, false, v.m.valid_until < next_minute - 1 ? v.m.valid_until + 1 : next_minute);
    return 0;
}

static const page analysis_page = {
    .name = "office/analysis",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = analysis_get,
};

int main(void) {
    return page_main(&analysis_page);
}
