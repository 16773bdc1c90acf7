/* office/arrears.c: /office/arrears, the units in arrears (欠费) of the community with
 * filters and totals by age; ?unit=CODE one unit's overdue bills and follow-ups with the
 * note form; ?notice=1 the printable 缴费通知单. POST action=note appends a follow-up,
 * action=notices records that the notices were sent. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../core/page_keep.h"
#include "../core/pagination.h"
#include "../domain/archive.h"
#include "../domain/arrears.h"
#include "../domain/fee.h"

#define ROWS_PER_PAGE 30
#define NOTICE_DAYS 14

static const char *const age_choices[] = {"1", "3", "6", "12", NULL};
static const char *const one_choices[] = {"1", NULL};
static const char *const action_choices[] = {"note", "notices", NULL};

static const field query_fields[] = {
    {.name = "building", .kind = FIELD_TEXT, .max = 10, .label = "楼栋"},
    {.name = "age", .kind = FIELD_ENUM, .choices = age_choices, .label = "欠费月数"},
    {.name = "reason", .kind = FIELD_ENUM, .choices = fee_reasons, .label = "欠费原因"},
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = 100000, .label = "页码"},
    {.name = "unit", .kind = FIELD_UNIT_CODE, .label = "房号"},
    {.name = "notice", .kind = FIELD_ENUM, .choices = one_choices, .label = "缴费通知单"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "unit", .kind = FIELD_UNIT_CODE, .label = "房号"},
    {.name = "building", .kind = FIELD_TEXT, .max = 10, .label = "楼栋"},
    {.name = "kind", .kind = FIELD_ENUM, .choices = fee_note_kinds, .label = "跟进方式"},
    {.name = "reason", .kind = FIELD_ENUM, .choices = fee_reasons, .label = "欠费原因"},
    {.name = "text", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 500, .label = "情况说明"},
    {.name = "promise_date", .kind = FIELD_DATE, .label = "承诺缴费日期"},
    {0},
};

/* A building code as the archive writes them: letters, digits and '-' (it goes into URLs). */
static bool building_code_ok(const char *s) {
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-')
            return false;
    return true;
}

static const char *today(page_ctx *ctx) {
    return clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d");
}

static arrears_filter base_filter(page_ctx *ctx) {
    arrears_filter f = {
        .community_id = ctx->user.community_id,
        .today = today(ctx),
        .month = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m"),
    };
    return f;
}

static void add_options(view *v, const char *section, const char *const *codes,
                        const char *(*name)(const char *), const char *current) {
    for (size_t i = 0; codes[i]; i++) {
        view *o = view_add(v, section);
        view_set(o, "CODE", codes[i]);
        view_set(o, "NAME", name(codes[i]));
        if (current && !strcmp(current, codes[i]))
            view_show(o, "SELECTED");
    }
}

/* What the latest follow-up says, for the list. */
static const char *follow_up_text(page_ctx *ctx, const arrears_row *r) {
    if (!r->last_kind[0])
        return "—";
    const char *date = clock_format(ctx->arena, r->last_at, ctx->user.community_zone, "%Y-%m-%d");
    return arena_printf(ctx->arena, "%s %s%s%s", date, fee_note_kind_name(r->last_kind),
                        r->last_text[0] ? "：" : "", r->last_text);
}

static void fill_row(page_ctx *ctx, view *v, const arrears_row *r, const char *today_text) {
    arena *a = ctx->arena;
    view_set_int(v, "UNIT_ID", r->unit_id);
    view_set(v, "UNIT_CODE", r->unit_code);
    view_set(v, "BUILDING", r->building_code);
    view_set(v, "OWNERS", r->owners[0] ? r->owners : "—");
    view_set_int(v, "OWED_FEN", r->owed_fen);
    view_set(v, "OWED", money_format(a, r->owed_fen));
    view_set_int(v, "AGE", r->age);
    view_set_int(v, "BILLS", r->bills);
    view_set(v, "OLDEST", r->oldest_period);
    view_set(v, "REASON", r->reason);
    view_set(v, "REASON_NAME", r->reason[0] ? fee_reason_name(r->reason) : "未登记");
    view_set(v, "LAST", follow_up_text(ctx, r));
    if (r->promise_date[0]) {
        view *p = view_add(v, "PROMISE");
        view_set(p, "DATE", r->promise_date);
        if (strcmp(r->promise_date, today_text) < 0)
            view_show(p, "BROKEN");
    }
}

static void fill_totals(page_ctx *ctx, view *body, const arrears_totals *t) {
    view_set_int(body, "TOTAL_UNITS", t->units);
    view_set_int(body, "TOTAL_OWED_FEN", t->owed_fen);
    view_set(body, "TOTAL_OWED", money_format(ctx->arena, t->owed_fen));
    for (int b = 0; b < ARREARS_BUCKETS; b++) {
        view *v = view_add(body, "BUCKET");
        view_set_int(v, "INDEX", b);
        view_set(v, "NAME", arrears_bucket_name(b));
        view_set_int(v, "UNITS", t->bucket_units[b]);
        view_set_int(v, "OWED_FEN", t->bucket_fen[b]);
        view_set(v, "OWED", money_format(ctx->arena, t->bucket_fen[b]));
    }
}

static int render_list(page_ctx *ctx) {
    const char *building = form_text(&ctx->query, "building");
    if (!building_code_ok(building))
        return page_error(ctx, 400, "楼栋编号只含字母、数字和“-”。");
    arrears_filter f = base_filter(ctx);
    f.building = building;
    f.reason = form_text(&ctx->query, "reason");
    f.min_age = atoi(form_text(&ctx->query, "age"));
    arrears_row *rows;
    size_t n;
    arrears_totals t;
    int s = arrears_list(ctx->arena, &f, &rows, &n, &t);
    if (s)
        return page_db_error(ctx, s);
    archive_building *buildings;
    size_t nb;
    if ((s = archive_buildings(ctx->arena, ctx->user.community_id, &buildings, &nb)) != 0)
        return page_db_error(ctx, s);
    view *root = page_body(ctx, "office/arrears.tpl", "欠费管理");
    if (!root)
        return 500;
    view *body = view_add(root, "LIST");
    view_set(body, "BUILDING", building);
    view_set(body, "AGE", form_text(&ctx->query, "age"));
    view_set(body, "REASON", f.reason);
    for (size_t i = 0; i < nb; i++) {
        view *o = view_add(body, "BUILDING_OPTION");
        view_set(o, "CODE", buildings[i].code);
        view_set(o, "NAME", buildings[i].name);
        if (!strcmp(buildings[i].code, building))
            view_show(o, "SELECTED");
    }
    for (size_t i = 0; age_choices[i]; i++) {
        view *o = view_add(body, "AGE_OPTION");
        view_set(o, "CODE", age_choices[i]);
        if (!strcmp(age_choices[i], form_text(&ctx->query, "age")))
            view_show(o, "SELECTED");
    }
    add_options(body, "REASON_OPTION", fee_reasons, fee_reason_name, f.reason);
    fill_totals(ctx, body, &t);
    if (fee_may(ctx->user.roles, FEE_ARREARS))
        view_set(view_add(body, "MAY_NOTICE"), "BUILDING", building);
    long long page_number = form_get(&ctx->query, "page")->present ? form_int(&ctx->query, "page") : 1;
    long long pages = ((long long)n + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE;
    if (page_number > pages)
        page_number = pages ? pages : 1;
    pagination_fill(body, page_number, ROWS_PER_PAGE, (long long)n);
    size_t first = (size_t)(page_number - 1) * ROWS_PER_PAGE;
    const char *today_text = f.today;
    for (size_t i = first; i < n && i < first + ROWS_PER_PAGE; i++)
        fill_row(ctx, view_add(body, "ROW"), &rows[i], today_text);
    if (!n)
        view_show(body, "EMPTY");
    /* The list is of today where the community is: it holds until the next quarter hour,
     * when a day may begin in any time zone (their offsets are whole quarter hours). */
    page_keep_body(ctx, false, ctx->now - ctx->now % 900 + 900);
    return 0;
}

/* One unit's arrears: its overdue bills, its notes and (FEE_ARREARS) the note form;
 * failed: the note form came back with errors (422). */
static int render_detail(page_ctx *ctx, const char *code, bool failed) {
    arena *a = ctx->arena;
    long long unit_id;
    const char *owners;
    int s = arrears_unit_find(a, ctx->user.community_id, code, &unit_id, &owners);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, "本小区没有这个房号。");
    arrears_filter f = base_filter(ctx);
    f.unit = code;
    arrears_row *rows;
    size_t n;
    arrears_totals t;
    arrears_bill *bills;
    size_t nbills;
    arrears_note_row *notes;
    size_t nnotes;
    if ((s = arrears_list(a, &f, &rows, &n, &t)) != 0 || (s = arrears_bills(a, &f, &bills, &nbills)) != 0 ||
        (s = arrears_notes(a, unit_id, &notes, &nnotes)) != 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/arrears.tpl", arena_printf(a, "欠费 %s", code));
    if (!body)
        return 500;
    view *d = view_add(body, "DETAIL");
    view_set_int(d, "UNIT_ID", unit_id);
    view_set(d, "UNIT_CODE", code);
    view_set(d, "OWNERS", owners[0] ? owners : "—");
    view_set_int(d, "OWED_FEN", t.owed_fen);
    view_set(d, "OWED", money_format(a, t.owed_fen));
    if (n)
        view_set_int(view_add(d, "IN_ARREARS"), "AGE", rows[0].age);
    else
        view_show(d, "NOT_IN_ARREARS");
    for (size_t i = 0; i < nbills; i++) {
        view *b = view_add(d, "BILL");
        view_set_int(b, "ID", bills[i].id);
        view_set(b, "PERIOD", bills[i].period);
        view_set(b, "ITEMS", bills[i].items[0] ? bills[i].items : "—");
        view_set(b, "DUE", bills[i].due_date);
        view_set(b, "AMOUNT", money_format(a, bills[i].amount_fen));
        view_set(b, "PAID", money_format(a, bills[i].paid_fen));
        view_set_int(b, "OWED_FEN", bills[i].amount_fen - bills[i].paid_fen);
        view_set(b, "OWED", money_format(a, bills[i].amount_fen - bills[i].paid_fen));
    }
    for (size_t i = 0; i < nnotes; i++) {
        view *v = view_add(d, "NOTE");
        view_set_int(v, "ID", notes[i].id);
        view_set(v, "KIND", notes[i].kind);
        view_set(v, "KIND_NAME", fee_note_kind_name(notes[i].kind));
        view_set(v, "AT", clock_format(a, notes[i].at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
        view_set(v, "STAFF", notes[i].staff_name);
        if (notes[i].reason[0])
            view_set(view_add(v, "WITH_REASON"), "NAME", fee_reason_name(notes[i].reason));
        if (notes[i].promise_date[0])
            view_set(view_add(v, "WITH_PROMISE"), "DATE", notes[i].promise_date);
        view_set(v, "TEXT", notes[i].text);
    }
    if (!nnotes)
        view_show(d, "NO_NOTES");
    if (!fee_may(ctx->user.roles, FEE_ARREARS))
        return 0;
    view *nf = view_add(d, "NOTE_FORM");
    view_set(nf, "CSRF", ctx->csrf);
    view_set(nf, "UNIT_CODE", code);
    view_set(nf, "TODAY", f.today);
    if (failed)
        page_form_values(ctx, &ctx->post, nf);
    add_options(nf, "KIND_OPTION", fee_note_kinds, fee_note_kind_name,
                failed ? form_text(&ctx->post, "kind") : "reason");
    add_options(nf, "REASON_OPTION", fee_reasons, fee_reason_name,
                failed ? form_text(&ctx->post, "reason") : "");
    return 0;
}

static int by_unit_id(const void *x, const void *y) {
    const arrears_bill *a = x, *b = y;
    if (a->unit_id != b->unit_id)
        return a->unit_id < b->unit_id ? -1 : 1;
    int c = strcmp(a->period, b->period);
    return c ? c : (a->id < b->id ? -1 : a->id > b->id);
}

/* The index of the first of unit_id's bills in bills sorted by by_unit_id (n if none). */
static size_t first_bill(const arrears_bill *bills, size_t n, long long unit_id) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (bills[mid].unit_id < unit_id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int by_code(const void *x, const void *y) {
    const arrears_row *a = x, *b = y;
    int c = strcmp(a->building_code, b->building_code);
    return c ? c : strcmp(a->unit_code, b->unit_code);
}

/* The notices' selection: a building, a unit, or every unit in arrears. */
static int notice_filter(page_ctx *ctx, const form *f, arrears_filter *out) {
    *out = base_filter(ctx);
    out->building = form_text(f, "building");
    out->unit = form_text(f, "unit");
    if (!building_code_ok(out->building))
        return page_error(ctx, 400, "楼栋编号只含字母、数字和“-”。");
    return 0;
}

static int render_notices(page_ctx *ctx) {
    arena *a = ctx->arena;
    arrears_filter f;
    int s = notice_filter(ctx, &ctx->query, &f);
    if (s)
        return s;
    arrears_row *rows;
    size_t n, nbills;
    arrears_totals t;
    arrears_bill *bills;
    const char *phone;
    if ((s = arrears_list(a, &f, &rows, &n, &t)) != 0 || (s = arrears_bills(a, &f, &bills, &nbills)) != 0 ||
        (s = arrears_community_phone(a, ctx->user.community_id, &phone)) != 0)
        return page_db_error(ctx, s);
    qsort(rows, n, sizeof *rows, by_code);
    qsort(bills, nbills, sizeof *bills, by_unit_id);
    view *body = page_body(ctx, "office/payment-notice.tpl", "缴费通知单");
    if (!body)
        return 500;
    const char *zone = ctx->user.community_zone;
    const char *date = clock_format(a, ctx->now, zone, "%Y年%m月%d日");
    const char *due = clock_format(a, ctx->now + NOTICE_DAYS * 86400LL, zone, "%Y年%m月%d日");
    view_set_int(body, "COUNT", (long long)n);
    view_set(body, "CSRF", ctx->csrf);
    view_set(body, "BUILDING", f.building);
    view_set(body, "UNIT", f.unit);
    view_set(body, "SCOPE",
             f.unit[0]       ? arena_printf(a, "房号 %s", f.unit)
             : f.building[0] ? arena_printf(a, "%s 号楼", f.building)
                             : "全部欠费房屋");
    if (!n)
        view_show(body, "EMPTY");
    for (size_t i = 0; i < n; i++) {
        view *v = view_add(body, "NOTICE");
        view_set(v, "COMMUNITY_NAME", ctx->user.community_name);
        view_set(v, "UNIT_CODE", rows[i].unit_code);
        view_set(v, "OWNERS", rows[i].owners[0] ? rows[i].owners : "业主");
        view_set_int(v, "OWED_FEN", rows[i].owed_fen);
        view_set(v, "OWED", money_format(a, rows[i].owed_fen));
        view_set(v, "DUE_BY", due);
        view_set(v, "PHONE", phone[0] ? phone : "物业服务中心");
        view_set(v, "DATE", date);
        for (size_t j = first_bill(bills, nbills, rows[i].unit_id);
             j < nbills && bills[j].unit_id == rows[i].unit_id; j++) {
            view *b = view_add(v, "BILL");
            view_set(b, "PERIOD", bills[j].period);
            view_set(b, "ITEMS", bills[j].items[0] ? bills[j].items : "—");
            view_set(b, "AMOUNT", money_format(a, bills[j].amount_fen - bills[j].paid_fen));
        }
    }
    return 0;
}

static int arrears_get(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看欠费。");
    if (form_get(&ctx->query, "notice")->present) {
        if (!fee_may(ctx->user.roles, FEE_ARREARS))
            return page_error(ctx, 403, "您的岗位不能打印缴费通知单。");
        return render_notices(ctx);
    }
    if (form_get(&ctx->query, "unit")->present)
        return render_detail(ctx, form_text(&ctx->query, "unit"), false);
    int kept = page_kept_body(ctx, false);
    if (kept >= 0)
        return kept;
    return render_list(ctx);
}

static int note_post(page_ctx *ctx) {
    const form *p = &ctx->post;
    if (!form_get(p, "unit")->present || form_get(p, "unit")->error)
        return page_error(ctx, 422, "请指定房号。");
    const char *code = form_text(p, "unit");
    long long unit_id;
    const char *owners;
    int s = arrears_unit_find(ctx->arena, ctx->user.community_id, code, &unit_id, &owners);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, "本小区没有这个房号。");
    if (!form_get(p, "kind")->present && !form_get(p, "kind")->error)
        form_set_error(&ctx->post, "kind", "请选择跟进方式");
    arrears_refusal why = {0};
    if (!ctx->post.errors) {
        arrears_note_input in = {
            .unit_id = unit_id,
            .unit_code = code,
            .kind = form_text(p, "kind"),
            .reason = form_text(p, "reason"),
            .text = form_text(p, "text"),
            .promise_date = form_text(p, "promise_date"),
            .today = today(ctx),
        };
        s = arrears_note_add(ctx, &in, &why);
        if (s < 0)
            return page_db_error(ctx, s);
        if (s == 422)
            form_set_error(&ctx->post, why.field, why.message);
        else if (s)
            return page_error(ctx, s, why.message);
    }
    if (ctx->post.errors) {
        ctx->resp->status = 422;
        return render_detail(ctx, code, true);
    }
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/arrears?unit=%s", code));
}

static int notices_post(page_ctx *ctx) {
    arrears_filter f;
    int s = notice_filter(ctx, &ctx->post, &f);
    if (s)
        return s;
    arrears_row *rows;
    size_t n;
    arrears_totals t;
    if ((s = arrears_list(ctx->arena, &f, &rows, &n, &t)) != 0 ||
        (s = arrears_notices_record(ctx, rows, n)) != 0)
        return page_db_error(ctx, s);
    return page_redirect(
        ctx, arena_printf(ctx->arena, "/office/arrears?notice=1&building=%s&unit=%s", f.building, f.unit));
}

static int arrears_post(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_ARREARS))
        return page_error(ctx, 403, "您的岗位不能登记欠费跟进。");
    if (form_get(&ctx->post, "action")->error)
        return page_error(ctx, 422, "未知的操作。");
    if (!strcmp(form_text(&ctx->post, "action"), "notices"))
        return notices_post(ctx);
    return note_post(ctx);
}

static const page arrears_page = {
    .name = "office/arrears",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = arrears_get,
    .post = arrears_post,
};

int main(void) {
    return page_main(&arrears_page);
}
