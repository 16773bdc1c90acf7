/* office/units.c: /office/units, the archive's units as a grid per building (floors from
 * the top, each unit coloured by its state) and the search by code, name, phone or plate. */
#include <string.h>

#include "../core/page.h"
#include "../core/page_keep.h"
#include "../domain/archive.h"

#define PER_PAGE 30
#define GRID_MAX 3000

static const field query_fields[] = {
    {.name = "building", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "楼栋"},
    {.name = "q", .kind = FIELD_TEXT, .max = 50, .label = "搜索"},
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = 100000, .label = "页码"},
    {0},
};

static const char *const states[] = {"unsold", "vacant", "occupied", "renovating", "rented", NULL};

static void fill_cell(view *c, const archive_unit_cell *u) {
    view_set_int(c, "ID", u->id);
    view_set(c, "CODE", u->code);
    view_set(c, "STATE", u->state);
    view_set(c, "STATE_NAME", archive_state_name(u->state));
    view_set(c, "OWNERS", u->owners[0] ? u->owners : "—");
    view_set(c, "BUILDING_NAME", u->building_name);
    view_set_int(c, "FLOOR", u->floor);
}

static int search(page_ctx *ctx, view *body, const char *q) {
    int number = form_get(&ctx->query, "page")->present ? (int)form_int(&ctx->query, "page") : 1;
    archive_unit_cell *cells;
    size_t n;
    long long total;
    int s = archive_units_search(ctx->arena, ctx->user.community_id, q, number, PER_PAGE, &cells, &n, &total);
    if (s < 0)
        return s;
    view *res = view_add(body, "RESULTS");
    view_set_int(res, "TOTAL", total);
    long long pages = (total + PER_PAGE - 1) / PER_PAGE;
    view_set_int(res, "PAGE", number);
    view_set_int(res, "PAGES", pages ? pages : 1);
    if (number > 1)
        view_set_int(view_add(res, "PREV"), "NUMBER", number - 1);
    if (number < pages)
        view_set_int(view_add(res, "NEXT"), "NUMBER", number + 1);
    if (!n)
        view_show(res, "EMPTY");
    for (size_t i = 0; i < n; i++)
        fill_cell(view_add(res, "ROW"), &cells[i]);
    return 0;
}

/* One block per building, one row per floor from the top, one cell per unit. */
static int grid(page_ctx *ctx, view *body, long long building_id) {
    archive_unit_cell *cells;
    size_t n;
    int s = archive_units_grid(ctx->arena, ctx->user.community_id, building_id, GRID_MAX, &cells, &n);
    if (s < 0)
        return s;
    view *block = NULL, *floor = NULL;
    long long last_building = 0;
    int last_floor = 0, count = 0;
    for (size_t i = 0; i < n; i++) {
        const archive_unit_cell *u = &cells[i];
        if (!block || u->building_id != last_building) {
            block = view_add(body, "BUILDING");
            view_set_int(block, "ID", u->building_id);
            view_set(block, "NAME", u->building_name);
            view_set(block, "CODE", u->building_code);
            last_building = u->building_id;
            floor = NULL;
        }
        if (!floor || u->floor != last_floor) {
            floor = view_add(block, "FLOOR");
            view_set_int(floor, "NUMBER", u->floor);
            last_floor = u->floor;
        }
        fill_cell(view_add(floor, "UNIT"), u);
        count++;
    }
    if (!n)
        view_show(body, "NO_UNITS");
    if (n >= GRID_MAX)
        view_show(body, "TRUNCATED");
    view_set_int(body, "UNIT_COUNT", count);
    return 0;
}

static int units_get(page_ctx *ctx) {
    int kept = page_kept_body(ctx, false);
    if (kept >= 0)
        return kept;
    const form *q = &ctx->query;
    long long building_id = form_int(q, "building");
    archive_building *buildings;
    size_t nb;
    int s = archive_buildings(ctx->arena, ctx->user.community_id, &buildings, &nb);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/units.tpl", "房屋档案");
    if (!body)
        return 500;
    page_form_values(ctx, q, body);
    for (size_t i = 0; i < nb; i++) {
        view *o = view_add(body, "BUILDING_OPTION");
        view_set_int(o, "ID", buildings[i].id);
        view_set(o, "NAME", buildings[i].name);
        if (buildings[i].id == building_id)
            view_show(o, "SELECTED");
    }
    for (size_t i = 0; states[i]; i++) {
        view *l = view_add(body, "LEGEND");
        view_set(l, "STATE", states[i]);
        view_set(l, "NAME", archive_state_name(states[i]));
    }
    const field_value *text = form_get(q, "q");
    s = text->present ? search(ctx, body, text->text) : grid(ctx, body, building_id);
    if (s < 0)
        return page_db_error(ctx, s);
    /* The archive's rows alone: nothing here changes with the clock. */
    page_keep_body(ctx, false, PAGE_KEEP_DATA_ONLY);
    return 0;
}

static const page units_page = {
    .name = "office/units",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = units_get,
};

int main(void) {
    return page_main(&units_page);
}
