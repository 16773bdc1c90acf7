/* office/survey-links.c: /office/survey-links?id=N, the printable link slips of a published
 * survey: one per household of its audience (optionally one building), each with the
 * household's personal link (/form/survey?t=TOKEN) and its QR code, for the front desk to
 * hand out or put in letter boxes. */
#include <string.h>

#include "../core/clock.h"
#include "../core/page.h"
#include "../core/qr.h"
#include "../core/roles.h"
#include "../domain/survey.h"

static const char *const link_roles[] = {"frontdesk", "supervisor", "complaint", "manager", "admin", NULL};

static const field query_fields[] = {
    {.name = "id",
     .kind = FIELD_INT,
     .flags = FIELD_REQUIRED,
     .min = 1,
     .max = 1000000000000LL,
     .label = "调查"},
    {.name = "building", .kind = FIELD_TEXT, .max = 10, .label = "楼栋"},
    {0},
};

/* The QR code's size on screen and paper, in CSS pixels (about 3.4 cm). */
#define QR_PX 128

/* Adds the audience's buildings as the filter's options (households come in building order). */
static void add_buildings(view *body, const survey_household *h, size_t n, const char *building) {
    for (size_t i = 0; i < n; i++) {
        if (i && !strcmp(h[i].building_code, h[i - 1].building_code))
            continue;
        view *o = view_add(body, "BUILDING_OPTION");
        view_set(o, "CODE", h[i].building_code);
        view_set(o, "NAME", h[i].building_name);
        if (!strcmp(h[i].building_code, building))
            view_show(o, "SELECTED");
    }
}

static int links_get(page_ctx *ctx) {
    if (!roles_has_any(ctx->user.roles, link_roles))
        return page_error(ctx, 403,
                          "只有客服前台、客服主管、投诉专员、管理处主任和系统管理员可以打印调查链接。");
    survey s;
    bool found = false;
    survey_household *h = NULL;
    size_t n = 0;
    long long id = form_int(&ctx->query, "id");
    int st = survey_load(ctx->arena, ctx->user.community_id, id, &s, &found);
    if (st == 0 && found && !strcmp(s.state, "published"))
        st = survey_audience(ctx->arena, &s, ctx->user.community_zone, &h, &n);
    if (st != 0)
        return page_db_error(ctx, (db_status)st);
    if (!found)
        return page_error(ctx, 404, "没有这份调查。");
    if (strcmp(s.state, "published") != 0)
        return page_error(ctx, 409, "这份调查还是草稿：发布后才能打印调查链接。");
    const char *building = form_text(&ctx->query, "building");
    view *body = page_body(ctx, "office/survey-links.tpl", "调查链接");
    if (!body)
        return 500;
    const char *closes = clock_format(ctx->arena, s.closes_at, ctx->user.community_zone, "%Y-%m-%d %H:%M");
    view_set_int(body, "ID", s.id);
    view_set(body, "TITLE", s.title);
    view_set(body, "CLOSES", closes);
    view_set(body, "BUILDING", building);
    view_set(body, "COMMUNITY_NAME", ctx->user.community_name);
    if (ctx->now >= s.closes_at)
        view_show(body, "EXPIRED");
    add_buildings(body, h, n, building);
    const char *base = arena_printf(ctx->arena, "%s://%s", ctx->req->https ? "https" : "http",
                                    ctx->req->host ? ctx->req->host : "");
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (building[0] && strcmp(h[i].building_code, building) != 0)
            continue;
        const char *token = survey_token_make(ctx->arena, ctx->config->key, s.id, h[i].unit_id, s.closes_at);
        const char *url = arena_printf(ctx->arena, "%s/form/survey?t=%s", base, token);
        if (!token || !url)
            return 500;
        const char *qr = qr_svg(ctx->arena, url, QR_PX, "调查链接二维码");
        view *slip = view_add(body, "SLIP");
        view_set(slip, "UNIT_CODE", h[i].unit_code);
        view_set(slip, "BUILDING_NAME", h[i].building_name);
        view_set(slip, "URL", url);
        /* qr_svg's own markup (paths and presentation attributes only): printed unescaped. */
        view_set(slip, "QR", qr ? qr : "");
        if (!qr)
            view_show(slip, "NO_QR");
        count++;
    }
    view_set_int(body, "COUNT", (long long)count);
    if (!count)
        view_show(body, "EMPTY");
    return 0;
}

static const page links_page = {
    .name = "office/survey-links",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = links_get,
};

int main(void) {
    return page_main(&links_page);
}
