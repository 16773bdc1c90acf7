/* office/settlement.c: /office/settlement, 日清: a cashier's payments and reversals of a
 * day with sums by method, closing the day (the cashier) and checking it (a second
 * person), and the recent days. ?day=YYYY-MM-DD&staff=ID shows another day or cashier. */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/fee.h"
#include "../domain/settlement.h"

#define ID_MAX 999999999999LL

static const field query_fields[] = {
    {.name = "day", .kind = FIELD_DATE, .label = "日期"},
    {.name = "staff", .kind = FIELD_INT, .min = 1, .max = ID_MAX, .label = "收款员"},
    {0},
};

static const char *const action_choices[] = {"close", "check", NULL};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "note", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 200, .label = "复核意见"},
    {0},
};

static const char *fmt_time(page_ctx *ctx, long long t) {
    return clock_format(ctx->arena, t, ctx->user.community_zone, "%Y-%m-%d %H:%M");
}

static const char *shown_day(page_ctx *ctx) {
    const field_value *d = form_get(&ctx->query, "day");
    return d->present ? d->text : settlement_today(ctx->arena, ctx->now, ctx->user.community_zone);
}

static long long shown_staff(page_ctx *ctx) {
    const field_value *s = form_get(&ctx->query, "staff");
    return s->present ? s->number : ctx->user.id;
}

static void render_recent(page_ctx *ctx, view *body, const settlement_brief *days, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const settlement_brief *b = &days[i];
        view *r = view_add(body, "RECENT");
        view_set_int(r, "STAFF_ID", b->staff_id);
        view_set(r, "STAFF_NAME", b->staff_name);
        view_set(r, "DAY", b->day);
        view_set_int(r, "COUNT", b->count);
        view_set(r, "TOTAL", money_format(ctx->arena, b->total_fen));
        view_set(r, "STATE", b->checked_at ? "checked" : b->closed_at ? "closed" : "open");
        view_set(r, "STATE_NAME", b->checked_at ? "已复核" : b->closed_at ? "已日清" : "未日清");
    }
    if (!n)
        view_show(body, "NO_RECENT");
}

static int render(page_ctx *ctx, const settlement_day *d, bool failed) {
    settlement_brief *days;
    size_t n;
    bool all = fee_may(ctx->user.roles, FEE_CHECK);
    int s = settlement_recent(ctx->arena, ctx->user.community_id, all ? 0 : ctx->user.id, 30, &days, &n);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/settlement.tpl", arena_printf(ctx->arena, "日清 %s", d->day));
    if (!body)
        return 500;
    bool own = d->staff_id == ctx->user.id;
    const char *state = d->checked_by ? "checked" : d->closed_at ? "closed" : "open";
    view_set(body, "DAY", d->day);
    view_set_int(body, "STAFF_ID", d->staff_id);
    view_set(body, "STAFF_NAME", d->staff_name);
    view_set(body, "STATE", state);
    view_set(body, "STATE_NAME", d->checked_by ? "已复核" : d->closed_at ? "已日清" : "未日清");
    view_set_int(body, "COUNT", d->count);
    view_set(body, "TOTAL", money_format(ctx->arena, d->total_fen));
    if (d->closed_at) {
        view *c = view_add(body, "CLOSED");
        view_set(c, "CLOSED_AT", fmt_time(ctx, d->closed_at));
        view_set_int(c, "CLOSED_COUNT", d->closed_count);
        view_set(c, "CLOSED_TOTAL", money_format(ctx->arena, d->closed_total_fen));
    }
    if (d->checked_by) {
        view *c = view_add(body, "CHECKED");
        view_set(c, "CHECKER", d->checker_name);
        view_set(c, "CHECKED_AT", fmt_time(ctx, d->checked_at));
        view_set(c, "NOTE", d->check_note[0] ? d->check_note : "—");
    }
    for (size_t i = 0; i < d->entry_count; i++) {
        const settlement_entry *e = &d->entries[i];
        view *r = view_add(body, "ENTRY");
        bool reversal = !strcmp(e->kind, "reversal");
        view_set_int(r, "ID", e->id);
        view_set(r, "KIND", e->kind);
        view_set(r, "RECEIPT_NO", e->receipt_no);
        view_set(r, "TIME", clock_format(ctx->arena, e->taken_at, ctx->user.community_zone, "%H:%M"));
        view_set(r, "UNIT_CODE", e->unit_code);
        view_set(r, "KIND_NAME",
                 reversal ? arena_printf(ctx->arena, "冲正 %s", e->reverses_no)
                          : fee_payment_kind_name(e->kind, false));
        view_set(r, "METHOD_NAME", fee_method_name(e->method));
        view_set(r, "AMOUNT", money_format(ctx->arena, e->amount_fen));
    }
    if (!d->entry_count)
        view_show(body, "NO_ENTRIES");
    for (int m = 0; m < SETTLEMENT_METHODS; m++) {
        view *r = view_add(body, "SUM");
        view_set(r, "METHOD", d->sums[m].method);
        view_set(r, "METHOD_NAME", fee_method_name(d->sums[m].method));
        view_set_int(r, "COUNT", d->sums[m].count);
        view_set(r, "TOTAL", money_format(ctx->arena, d->sums[m].total_fen));
    }
    const char *today = settlement_today(ctx->arena, ctx->now, ctx->user.community_zone);
    if (own && !d->closed_at && strcmp(d->day, today) <= 0 && fee_may(ctx->user.roles, FEE_PAY)) {
        view *f = view_add(body, "CLOSE_FORM");
        view_set(f, "CSRF", ctx->csrf);
        view_set(f, "DAY", d->day);
    }
    if (!own && d->closed_at && !d->checked_by && fee_may(ctx->user.roles, FEE_CHECK)) {
        view *f = view_add(body, "CHECK_FORM");
        view_set(f, "CSRF", ctx->csrf);
        view_set(f, "DAY", d->day);
        view_set_int(f, "STAFF_ID", d->staff_id);
        if (failed)
            page_form_values(ctx, &ctx->post, f);
    }
    view_set(body, "RECENT_SCOPE", all ? "全部收款员" : "本人");
    render_recent(ctx, body, days, n);
    return 0;
}

/* The day shown; 403 when another's day is asked for without the right to see it. */
static int load(page_ctx *ctx, settlement_day *d) {
    long long staff = shown_staff(ctx);
    bool own = staff == ctx->user.id;
    if (!(fee_may(ctx->user.roles, FEE_VIEW) || (own && fee_may(ctx->user.roles, FEE_PAY))))
        return page_error(ctx, 403, "您的岗位不能查看日清。");
    settlement_refusal why = {0};
    int s = settlement_day_load(ctx->arena, ctx->user.community_id, staff, shown_day(ctx), d, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    return s ? page_error(ctx, s, why.message) : 0;
}

static int settlement_get(page_ctx *ctx) {
    settlement_day d;
    int s = load(ctx, &d);
    return s ? s : render(ctx, &d, false);
}

static int settlement_post(page_ctx *ctx) {
    if (ctx->post.errors && form_get(&ctx->post, "action")->error)
        return page_error(ctx, 400, "请通过日清页面的按钮操作。");
    const char *day = shown_day(ctx);
    long long staff = shown_staff(ctx);
    settlement_refusal why = {0};
    int s;
    if (!strcmp(form_text(&ctx->post, "action"), "close")) {
        if (staff != ctx->user.id || !fee_may(ctx->user.roles, FEE_PAY))
            return page_error(ctx, 403, "日清只能由收款员本人办理。");
        if (strcmp(day, settlement_today(ctx->arena, ctx->now, ctx->user.community_zone)) > 0)
            return page_error(ctx, 409, "这一天还没到，不能日清。");
        s = settlement_close(ctx, day, &why);
    } else {
        if (!fee_may(ctx->user.roles, FEE_CHECK))
            return page_error(ctx, 403, "您的岗位不能复核日清。");
        if (form_get(&ctx->post, "note")->error) {
            settlement_day d;
            if ((s = load(ctx, &d)) != 0)
                return s;
            ctx->resp->status = 422;
            return render(ctx, &d, true);
        }
        s = settlement_check(ctx, staff, day, form_text(&ctx->post, "note"), &why);
    }
    if (s < 0)
        return page_db_error(ctx, s);
    if (s)
        return page_error(ctx, s, why.message);
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/settlement?day=%s&staff=%lld", day, staff));
}

static const page settlement_page = {
    .name = "office/settlement",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = settlement_get,
    .post = settlement_post,
    .body_max = 8192,
};

int main(void) {
    return page_main(&settlement_page);
}
