/* office/meters.c: /office/meters, 抄表: the reading sheet of one building, metered item
 * and month (every unit with the reading it follows, this month's reading and usage),
 * saving the sheet, and importing a month's readings from a CSV file (房号,读数). */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../core/strmap.h"
#include "../domain/fee.h"
#include "../domain/meter.h"
#include "../domain/meter_import.h"

#define METER_BODY_MAX (2 * 1024 * 1024)
#define SHEET_MAX 2000 /* units on one sheet */
#define COUNT_MAX 1000000LL

static const char *const action_choices[] = {"save", "import", NULL};
static const char *const one_choices[] = {"1", NULL};

static const field query_fields[] = {
    {.name = "building", .kind = FIELD_TEXT, .max = 10, .label = "楼栋"},
    {.name = "item", .kind = FIELD_TEXT, .max = 20, .label = "收费项目"},
    {.name = "period", .kind = FIELD_TEXT, .max = 7, .label = "月份"},
    {.name = "saved", .kind = FIELD_INT, .min = 0, .max = COUNT_MAX, .label = "已保存"},
    {.name = "imported", .kind = FIELD_INT, .min = 0, .max = COUNT_MAX, .label = "已导入"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "building", .kind = FIELD_TEXT, .max = 10, .label = "楼栋"},
    {.name = "item", .kind = FIELD_TEXT, .max = 20, .label = "收费项目"},
    {.name = "period", .kind = FIELD_TEXT, .max = 7, .label = "月份"},
    {.name = "unit",
     .kind = FIELD_UNIT_CODE,
     .flags = FIELD_REPEATED,
     .label = "房号",
     .max_count = SHEET_MAX},
    {.name = "reading",
     .kind = FIELD_TEXT,
     .flags = FIELD_REPEATED,
     .max = 16,
     .label = "读数",
     .max_count = SHEET_MAX},
    {.name = "confirm",
     .kind = FIELD_UNIT_CODE,
     .flags = FIELD_REPEATED,
     .label = "确认",
     .max_count = SHEET_MAX},
    {.name = "file", .kind = FIELD_FILE, .max = METER_BODY_MAX, .label = "CSV 文件"},
    {.name = "dry_run", .kind = FIELD_ENUM, .choices = one_choices, .label = "只检查"},
    {.name = "confirm_all", .kind = FIELD_ENUM, .choices = one_choices, .label = "全部确认"},
    {0},
};

/* The sheet chosen: building, item and month, with the lists to choose from. */
typedef struct sheet {
    meter_choice *buildings, *items;
    size_t building_count, item_count;
    const meter_choice *building, *item;
    const char *period;
} sheet;

static const meter_choice *choose(const meter_choice *list, size_t n, const char *code) {
    if (!code[0])
        return n ? &list[0] : NULL;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i].code, code))
            return &list[i];
    return NULL;
}

/* Reads the choice from f (the query or the body), defaulting to the first building,
 * the first metered item and this month. 0, or the status of the error page. */
static int sheet_select(page_ctx *ctx, const form *f, sheet *sh) {
    int s = meter_buildings(ctx->arena, ctx->user.community_id, &sh->buildings, &sh->building_count);
    if (s >= 0)
        s = meter_items(ctx->arena, ctx->user.community_id, &sh->items, &sh->item_count);
    if (s < 0)
        return page_db_error(ctx, s);
    if (form_get(f, "building")->error || form_get(f, "item")->error || form_get(f, "period")->error)
        return page_error(ctx, 400, "楼栋、收费项目或月份的写法不对。");
    const char *period = form_text(f, "period");
    sh->period = period[0] ? period : clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m");
    if (!fee_period_valid(sh->period))
        return page_error(ctx, 400, "月份应写成 YYYY-MM，例如 2026-10。");
    sh->building = choose(sh->buildings, sh->building_count, form_text(f, "building"));
    sh->item = choose(sh->items, sh->item_count, form_text(f, "item"));
    if (form_text(f, "building")[0] && !sh->building)
        return page_error(ctx, 404, "本小区没有这个楼栋。");
    if (form_text(f, "item")[0] && !sh->item)
        return page_error(ctx, 404, "本小区没有这个按表计量的收费项目。");
    return 0;
}

static const char *flag_name(const char *flag) {
    return !strcmp(flag, "lower") ? "已确认换表" : !strcmp(flag, "jump") ? "已确认用量突增" : "";
}

/* One row of the sheet; e is what was entered for the unit on a refused POST. */
static void render_row(page_ctx *ctx, view *row, const meter_unit *u, const meter_entry *e) {
    arena *a = ctx->arena;
    view_set(row, "UNIT_CODE", u->code);
    view_set_int(row, "FLOOR", u->floor);
    view_set(row, "PREVIOUS", u->has_previous ? decimal_format(a, u->previous_c, 2) : "—");
    view_set(row, "PREVIOUS_PERIOD", u->has_previous ? u->previous_period : "");
    if (u->reading_id) {
        view *r = view_add(row, "READ");
        view_set(r, "READING", decimal_format(a, u->reading_c, 2));
        view_set(r, "USAGE", u->has_previous ? decimal_format(a, u->usage_c, 2) : "首次读数");
        view_set(r, "BY", u->staff_name[0] ? u->staff_name : "系统");
        view_set(r, "AT", clock_format(a, u->at, ctx->user.community_zone, "%m-%d %H:%M"));
        view_set(r, "SOURCE", !strcmp(u->source, "import") ? "导入" : "录入");
        view_set(r, "FLAG_NAME", flag_name(u->flag));
        view_set_int(row, "USAGE_C", u->usage_c);
    } else {
        view_show(row, "UNREAD");
        view_set(row, "USAGE_C", "");
    }
    view_set(row, "BILLED", u->billed ? "1" : "0");
    if (u->billed)
        view_show(row, "IS_BILLED");
    view_set(row, "INPUT", e ? e->text : "");
    if (e && e->problem) {
        view *p = view_add(row, "PROBLEM");
        view_set(p, "UNIT_CODE", u->code);
        view_set(p, "MESSAGE", e->problem);
        if (strcmp(e->flag ? e->flag : "none", "none") != 0 && e->status == 422) {
            view *c = view_add(p, "CONFIRM");
            view_set(c, "UNIT_CODE", u->code);
        }
    }
}

/* The page: the choice, the sheet (with entries on a refused save) and the import
 * form. Returns the body dictionary, or NULL with the status in *status. */
static view *render(page_ctx *ctx, const sheet *sh, const meter_entry *entries, size_t n, int *status) {
    meter_unit *units = NULL;
    size_t count = 0;
    *status = 0;
    if (sh->building && sh->item) {
        int s = meter_units(ctx->arena, ctx->user.community_id, sh->building->id, sh->item->id, sh->period,
                            &units, &count);
        if (s < 0) {
            *status = page_db_error(ctx, s);
            return NULL;
        }
    }
    view *body = page_body(ctx, "office/meters.tpl", "抄表");
    if (!body) {
        *status = 500;
        return NULL;
    }
    if (fee_may(ctx->user.roles, FEE_READINGS))
        view_show(body, "MAY_ENTER");
    view_set(body, "CSRF", ctx->csrf);
    view_set(body, "PERIOD", sh->period);
    view_set(body, "BUILDING", sh->building ? sh->building->code : "");
    view_set(body, "ITEM", sh->item ? sh->item->code : "");
    for (size_t i = 0; i < sh->building_count; i++) {
        view *o = view_add(body, "BUILDING_OPTION");
        view_set(o, "VALUE", sh->buildings[i].code);
        view_set(o, "LABEL", sh->buildings[i].name);
        if (&sh->buildings[i] == sh->building)
            view_show(o, "SELECTED");
    }
    for (size_t i = 0; i < sh->item_count; i++) {
        view *o = view_add(body, "ITEM_OPTION");
        view_set(o, "VALUE", sh->items[i].code);
        view_set(o, "LABEL", sh->items[i].name);
        if (&sh->items[i] == sh->item)
            view_show(o, "SELECTED");
    }
    if (!sh->building || !sh->item) {
        view_show(body, sh->item ? "NO_BUILDING" : "NO_ITEM");
        return body;
    }
    strmap entered;
    if (strmap_init(ctx->arena, &entered, n) != 0) {
        *status = 500;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        strmap_put(&entered, entries[i].unit_code, i);
    view *v = view_add(body, "SHEET");
    view_set(v, "CSRF", ctx->csrf);
    view_set(v, "BUILDING", sh->building->code);
    view_set(v, "BUILDING_NAME", sh->building->name);
    view_set(v, "ITEM", sh->item->code);
    view_set(v, "ITEM_NAME", sh->item->name);
    view_set(v, "UNIT_LABEL", sh->item->unit_label);
    view_set(v, "PERIOD", sh->period);
    view_set_int(v, "UNITS", (long long)count);
    if (!count)
        view_show(v, "NO_UNITS");
    size_t read = 0;
    for (size_t i = 0; i < count; i++) {
        size_t k;
        read += units[i].reading_id != 0;
        render_row(ctx, view_add(v, "ROW"), &units[i],
                   strmap_get(&entered, units[i].code, &k) ? &entries[k] : NULL);
    }
    view_set_int(v, "READ_COUNT", (long long)read);
    if (fee_may(ctx->user.roles, FEE_READINGS))
        view_show(v, "SAVE");
    return body;
}

/* The sheet's entries: each unit with the reading that follows it in the body, in the
 * order sent; units left empty are skipped. Confirmed units come from the confirm boxes. */
static meter_entry *sheet_entries(page_ctx *ctx, size_t *n) {
    const param_list *body = &ctx->req->body;
    meter_entry *out = arena_alloc(ctx->arena, (body->count ? body->count : 1) * sizeof *out);
    const field_value *confirm = form_get(&ctx->post, "confirm");
    *n = 0;
    if (!out)
        return NULL;
    meter_entry *last = NULL;
    for (size_t i = 0; i < body->count; i++) {
        const param *p = &body->items[i];
        if (!strcmp(p->name, "unit")) {
            last = &out[*n];
            *last = (meter_entry){.unit_code = p->value, .text = ""};
            for (size_t k = 0; confirm->more && k < confirm->nmore; k++)
                last->confirmed = last->confirmed || !strcmp(confirm->more[k]->value, p->value);
            (*n)++;
        } else if (!strcmp(p->name, "reading") && last && !last->text[0]) {
            last->text = p->value;
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++)
        if (out[i].text[0])
            out[kept++] = out[i];
    *n = kept;
    return out;
}

static const char *sheet_url(page_ctx *ctx, const sheet *sh) {
    return arena_printf(ctx->arena, "/office/meters?building=%s&item=%s&period=%s",
                        sh->building ? sh->building->code : "", sh->item->code, sh->period);
}

static int meters_get(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_READINGS) && !fee_may(ctx->user.roles, FEE_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看抄表数据。");
    sheet sh;
    int s = sheet_select(ctx, &ctx->query, &sh);
    if (s)
        return s;
    view *body = render(ctx, &sh, NULL, 0, &s);
    if (!body)
        return s;
    const field_value *saved = form_get(&ctx->query, "saved");
    const field_value *imported = form_get(&ctx->query, "imported");
    if (saved->present)
        view_set(view_add(body, "DONE"), "MESSAGE",
                 arena_printf(ctx->arena, "已保存 %lld 条读数", saved->number));
    if (imported->present)
        view_set(view_add(body, "DONE"), "MESSAGE",
                 arena_printf(ctx->arena, "已导入 %lld 条读数", imported->number));
    return 0;
}

static int save_post(page_ctx *ctx, sheet *sh) {
    if (!sh->building || !sh->item)
        return page_error(ctx, 422, "请先选择楼栋和收费项目。");
    size_t n, problems, written;
    meter_entry *entries = sheet_entries(ctx, &n);
    if (!entries)
        return 500;
    meter_batch b = {sh->building->id, sh->item->id, sh->period, ctx->config->meter_jump_factor,
                     "page",           true};
    int s = meter_save(ctx, &b, entries, n, &problems, &written);
    if (s < 0)
        return page_db_error(ctx, s);
    for (size_t i = 0; problems && i < n; i++)
        if (entries[i].status == 409)
            return page_error(ctx, 409,
                              arena_printf(ctx->arena, "%s。没有保存任何读数。", entries[i].problem));
    if (!problems)
        return page_redirect(
            ctx, arena_printf(ctx->arena, "%s&saved=%lu", sheet_url(ctx, sh), (unsigned long)written));
    ctx->resp->status = 422;
    view *body = render(ctx, sh, entries, n, &s);
    if (!body)
        return s;
    view_set_int(view_add(body, "REFUSED"), "PROBLEMS", (long long)problems);
    /* A problem of a unit not on the sheet has no row to show it: list it apart. */
    for (size_t i = 0; i < n; i++)
        if (entries[i].problem && !entries[i].unit)
            view_set(view_add(body, "STRAY"), "MESSAGE", entries[i].problem);
    return 0;
}

/* Puts the problems in file order (those of the reader come before those of the checks). */
static void sort_problems(import_problems *bad) {
    for (size_t i = 1; i < bad->count; i++) {
        import_problem p = bad->items[i];
        size_t j = i;
        for (; j > 0 && bad->items[j - 1].row > p.row; j--)
            bad->items[j] = bad->items[j - 1];
        bad->items[j] = p;
    }
}

/* The report of a checked file: its problems by row, or the rows it would write. */
static void render_report(page_ctx *ctx, view *body, import_problems *bad, const meter_entry *e, size_t n,
                          bool dry_run) {
    view *r = view_add(body, "REPORT");
    view_set_int(r, "ROWS", (long long)n);
    if (bad->total) {
        sort_problems(bad);
        view *p = view_add(r, "PROBLEMS");
        view_set_int(p, "TOTAL", (long long)bad->total);
        for (size_t i = 0; i < bad->count; i++) {
            view *row = view_add(p, "PROBLEM");
            view_set_int(row, "LINE", (long long)bad->items[i].row);
            view_set(row, "COLUMN", bad->items[i].column ? bad->items[i].column : "");
            view_set(row, "MESSAGE", bad->items[i].message);
        }
        return;
    }
    if (!dry_run)
        return;
    view *c = view_add(r, "CLEAN");
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(c, "LINE");
        view_set_int(row, "LINE", (long long)e[i].line);
        view_set(row, "UNIT_CODE", e[i].unit_code);
        view_set(row, "PREVIOUS",
                 e[i].has_previous ? decimal_format(ctx->arena, e[i].unit->previous_c, 2) : "—");
        view_set(row, "READING", decimal_format(ctx->arena, e[i].reading_c, 2));
        view_set(row, "USAGE", e[i].has_previous ? decimal_format(ctx->arena, e[i].usage_c, 2) : "首次读数");
        view_set_int(row, "USAGE_C", e[i].usage_c);
        view_set(row, "NOTE",
                 e[i].unchanged          ? "与现有读数相同，不写入"
                 : e[i].unit->reading_id ? "更正本月读数"
                                         : flag_name(e[i].flag));
    }
}

static int import_post(page_ctx *ctx, sheet *sh) {
    const field_value *file = form_get(&ctx->post, "file");
    if (!sh->item)
        return page_error(ctx, 422, "请先选择收费项目。");
    if (!file->present) {
        form_set_error(&ctx->post, "file", "请选择要导入的 CSV 文件");
    }
    bool dry_run = form_get(&ctx->post, "dry_run")->present;
    import_problems bad = {0};
    meter_entry *entries = NULL;
    size_t n = 0, problems = 0, written = 0;
    int s = 0;
    if (!ctx->post.errors) {
        if (meter_import_read(ctx->arena, file->part->value, file->part->len,
                              form_get(&ctx->post, "confirm_all")->present, &entries, &n, &bad) != 0)
            return 500;
        meter_batch b = {0,        sh->item->id,          sh->period, ctx->config->meter_jump_factor,
                         "import", !dry_run && !bad.total};
        if ((s = meter_save(ctx, &b, entries, n, &problems, &written)) < 0)
            return page_db_error(ctx, s);
        for (size_t i = 0; problems && i < n; i++)
            if (entries[i].problem &&
                import_problem_add(ctx->arena, &bad, entries[i].line,
                                   entries[i].unit ? METER_IMPORT_COLUMNS_1 : METER_IMPORT_COLUMNS_0,
                                   entries[i].problem))
                return 500;
        if (!dry_run && !bad.total)
            return page_redirect(
                ctx, arena_printf(ctx->arena, "%s&imported=%lu", sheet_url(ctx, sh), (unsigned long)written));
    }
    if (ctx->post.errors || bad.total)
        ctx->resp->status = 422;
    view *body = render(ctx, sh, NULL, 0, &s);
    if (!body)
        return s;
    view_show(body, "IMPORT_OPEN");
    if (ctx->post.errors)
        view_set(view_add(body, "FILE_ERROR"), "MESSAGE", form_get(&ctx->post, "file")->error);
    else
        render_report(ctx, body, &bad, entries, n, dry_run);
    return 0;
}

static int meters_post(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_READINGS))
        return page_error(ctx, 403, "您的岗位不能录入抄表读数。");
    sheet sh;
    int s = sheet_select(ctx, &ctx->post, &sh);
    if (s)
        return s;
    if (!strcmp(form_text(&ctx->post, "action"), "import"))
        return import_post(ctx, &sh);
    if (ctx->post.errors)
        return page_error(ctx, 422, "房号或读数的写法不对：读数为数字，最多 2 位小数。");
    return save_post(ctx, &sh);
}

static const page meters_page = {
    .name = "office/meters",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = meters_get,
    .post = meters_post,
    .body_max = METER_BODY_MAX + 64 * 1024,
};

int main(void) {
    return page_main(&meters_page);
}
