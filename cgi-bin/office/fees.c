/* office/fees.c: /office/fees, 收费项目与标准: the community's fee items with their rates
 * (the one in force today marked), and for the manager the forms adding an item or a
 * rate from a date. A rate is never changed: a new one from a later date replaces it. */
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"
#include "../core/page.h"
#include "../domain/fee_item.h"

static const char *const saved_choices[] = {"item", "rate", NULL};
static const char *const action_choices[] = {"item", "rate", NULL};
static const char *const unit_types[] = {"residence", "shop", "parking", "storage", NULL};
static const char *const unit_type_names[] = {"住宅", "商铺", "车位", "储藏室", NULL};

static const field query_fields[] = {
    {.name = "saved", .kind = FIELD_ENUM, .choices = saved_choices, .label = "已保存"},
    {.name = "code", .kind = FIELD_TEXT, .max = 20, .label = "项目代码"},
    {.name = "from", .kind = FIELD_DATE, .label = "起始日期"},
    {0},
};

static const field post_fields[] = {
    {.name = "action",
     .kind = FIELD_ENUM,
     .flags = FIELD_REQUIRED,
     .choices = action_choices,
     .label = "操作"},
    {.name = "code", .kind = FIELD_TEXT, .max = 20, .label = "项目代码"},
    {.name = "name", .kind = FIELD_TEXT, .max = 50, .label = "项目名称"},
    {.name = "kind", .kind = FIELD_ENUM, .choices = fee_kinds, .label = "计费方式"},
    {.name = "unit_label", .kind = FIELD_TEXT, .max = 10, .label = "计量单位"},
    {.name = "unit_types",
     .kind = FIELD_ENUM,
     .flags = FIELD_REPEATED,
     .choices = unit_types,
     .label = "收费房屋类型",
     .max_count = 4},
    {.name = "item", .kind = FIELD_TEXT, .max = 20, .label = "收费项目"},
    {.name = "valid_from", .kind = FIELD_DATE, .label = "起始日期"},
    {.name = "price", .kind = FIELD_TEXT, .max = 16, .label = "单价"},
    {.name = "vacant_price", .kind = FIELD_TEXT, .max = 16, .label = "空置单价"},
    {.name = "tier2_from", .kind = FIELD_TEXT, .max = 16, .label = "第二档起始用量"},
    {.name = "tier2_price", .kind = FIELD_TEXT, .max = 16, .label = "第二档单价"},
    {.name = "tier3_from", .kind = FIELD_TEXT, .max = 16, .label = "第三档起始用量"},
    {.name = "tier3_price", .kind = FIELD_TEXT, .max = 16, .label = "第三档单价"},
    {.name = "note", .kind = FIELD_TEXT, .max = 200, .label = "备注"},
    {0},
};

/* "住宅、商铺" for the comma list of unit types. */
static const char *types_text(arena *a, const char *list) {
    const char *out = "";
    for (size_t i = 0; unit_types[i]; i++) {
        size_t n = strlen(unit_types[i]);
        for (const char *p = list; p && *p;) {
            size_t m = strcspn(p, ",");
            if (m == n && !strncmp(p, unit_types[i], n))
                out = out[0] ? arena_printf(a, "%s、%s", out, unit_type_names[i]) : unit_type_names[i];
            p += m + (p[m] == ',');
        }
    }
    return out;
}

/* The tiers of a metered rate in words, "" when it has one price. */
static const char *tiers_text(arena *a, const fee_tiers *t, const char *unit, const char *price_unit) {
    const char *out = "";
    if (t->tier2_from_c)
        out = arena_printf(a, "超过 %s %s：%s %s", decimal_format(a, t->tier2_from_c, 2), unit,
                           decimal_format(a, t->tier2_price_e4, 4), price_unit);
    if (t->tier3_from_c)
        out = arena_printf(a, "%s；超过 %s %s：%s %s", out, decimal_format(a, t->tier3_from_c, 2), unit,
                           decimal_format(a, t->tier3_price_e4, 4), price_unit);
    return out;
}

static void render_rate(page_ctx *ctx, view *row, const fee_item_row *it, const fee_rate_row *r) {
    arena *a = ctx->arena;
    const char *unit = fee_price_unit(a, it->kind, it->unit_label);
    view_set_int(row, "ID", r->id);
    view_set(row, "VALID_FROM", r->valid_from);
    view_set_int(row, "PRICE_E4", r->tiers.price_e4);
    view_set(row, "PRICE", decimal_format(a, r->tiers.price_e4, 4));
    view_set(row, "PRICE_UNIT", unit);
    view_set(row, "VACANT",
             r->has_vacant ? arena_printf(a, "%s %s", decimal_format(a, r->vacant_price_e4, 4), unit) : "—");
    const char *tiers = tiers_text(a, &r->tiers, it->unit_label, unit);
    view_set(row, "TIERS", tiers[0] ? tiers : "—");
    view_set(row, "NOTE", r->note);
    view_set(row, "BY", r->staff_name[0] ? r->staff_name : "系统");
    view_set(row, "AT", clock_format(a, r->created_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    view_set(row, "CURRENT", r->current ? "1" : "0");
    if (r->current)
        view_show(row, "IS_CURRENT");
}

/* The forms of the manager; on a failed POST the posted one gets its values back. */
static void render_forms(page_ctx *ctx, view *body, const fee_item_row *items, size_t n) {
    view *f = view_add(body, "FORMS");
    view_set(f, "CSRF", ctx->csrf);
    bool posted = ctx->req->method == METHOD_POST;
    const char *action = posted ? form_text(&ctx->post, "action") : "";
    view *item = view_add(f, "ITEM_FORM");
    view *rate = view_add(f, "RATE_FORM");
    view_set(item, "CSRF", ctx->csrf);
    view_set(rate, "CSRF", ctx->csrf);
    view *filled = !strcmp(action, "item") ? item : !strcmp(action, "rate") ? rate : NULL;
    if (filled)
        page_form_values(ctx, &ctx->post, filled);
    const field_value *kind = filled == item ? form_get(&ctx->post, "kind") : NULL;
    for (size_t i = 0; fee_kinds[i]; i++) {
        view *o = view_add(item, "KIND_OPTION");
        view_set(o, "VALUE", fee_kinds[i]);
        view_set(o, "LABEL", fee_kind_name(fee_kinds[i]));
        if (kind && !strcmp(kind->text, fee_kinds[i]))
            view_show(o, "SELECTED");
    }
    const field_value *types = filled == item ? form_get(&ctx->post, "unit_types") : NULL;
    for (size_t i = 0; unit_types[i]; i++) {
        view *o = view_add(item, "TYPE_OPTION");
        view_set(o, "VALUE", unit_types[i]);
        view_set(o, "LABEL", unit_type_names[i]);
        bool on = !types && i < 2; /* a new item: residences and shops, as most fees are */
        for (size_t k = 0; types && types->more && k < types->nmore; k++)
            on = on || !strcmp(types->more[k]->value, unit_types[i]);
        if (on)
            view_show(o, "CHECKED");
    }
    const char *chosen = filled == rate ? form_text(&ctx->post, "item") : "";
    for (size_t i = 0; i < n; i++) {
        view *o = view_add(rate, "ITEM_OPTION");
        view_set(o, "VALUE", items[i].code);
        view_set(o, "LABEL",
                 arena_printf(ctx->arena, "%s（%s）", items[i].name, fee_kind_name(items[i].kind)));
        if (!strcmp(chosen, items[i].code))
            view_show(o, "SELECTED");
    }
}

static int render(page_ctx *ctx) {
    const char *today = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d");
    fee_item_row *items;
    size_t n;
    int s = fee_items_list(ctx->arena, ctx->user.community_id, today, &items, &n);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/fees.tpl", "收费项目与标准");
    if (!body)
        return 500;
    view_set(body, "TODAY", today);
    const char *saved = form_text(&ctx->query, "saved");
    const char *code = form_text(&ctx->query, "code");
    if (ctx->req->method != METHOD_POST && saved[0]) {
        view *v = view_add(body, "SAVED");
        view_set(v, "WHAT", saved);
        view_set(v, "MESSAGE",
                 !strcmp(saved, "item")
                     ? arena_printf(ctx->arena, "已添加收费项目 %s，请为它添加收费标准。", code)
                     : arena_printf(ctx->arena, "已保存 %s 自 %s 起执行的收费标准。", code,
                                    form_text(&ctx->query, "from")));
    }
    if (!n)
        view_show(body, "EMPTY");
    for (size_t i = 0; i < n; i++) {
        const fee_item_row *it = &items[i];
        view *v = view_add(body, "ITEM");
        view_set(v, "CODE", it->code);
        view_set(v, "NAME", it->name);
        view_set(v, "KIND", it->kind);
        view_set(v, "KIND_NAME", fee_kind_name(it->kind));
        view_set(v, "UNIT_LABEL", it->unit_label[0] ? it->unit_label : "—");
        view_set(v, "UNIT_TYPES", it->unit_types);
        view_set(v, "UNIT_TYPES_NAME", types_text(ctx->arena, it->unit_types));
        view_set(v, "ACTIVE", it->active ? "1" : "0");
        view_set(v, "ACTIVE_NAME", it->active ? "启用" : "停用");
        if (!it->rate_count)
            view_show(v, "NO_RATE");
        for (size_t j = 0; j < it->rate_count; j++)
            render_rate(ctx, view_add(v, "RATE"), it, &it->rates[j]);
    }
    if (fee_may(ctx->user.roles, FEE_RATES))
        render_forms(ctx, body, items, n);
    return 0;
}

static int fees_get(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_VIEW))
        return page_error(ctx, 403, "您的岗位不能查看收费项目。");
    return render(ctx);
}

/* Reads the decimal field name (scale 2 or 4) into *value; absent leaves *value as is.
 * Marks the field and answers false when it is not a number. */
static bool read_decimal(page_ctx *ctx, const char *name, int scale, long long *value) {
    const field_value *v = form_get(&ctx->post, name);
    if (!v->present || v->error)
        return !v->error;
    if (decimal_parse(v->text, scale, value) == 0)
        return true;
    form_set_error(&ctx->post, name,
                   scale == 4 ? "请填写金额（元），最多 4 位小数，例如 0.538"
                              : "请填写用量，最多 2 位小数，例如 20.5");
    return false;
}

static bool code_valid(const char *s) {
    size_t n = strlen(s);
    if (n < 2 || n > 20)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static void require(page_ctx *ctx, const char *name, const char *message) {
    const field_value *v = form_get(&ctx->post, name);
    if (!v->present && !v->error)
        form_set_error(&ctx->post, name, message);
}

static int post_item(page_ctx *ctx, fee_refusal *why) {
    const form *f = &ctx->post;
    require(ctx, "code", "请填写项目代码");
    require(ctx, "name", "请填写项目名称");
    require(ctx, "kind", "请选择计费方式");
    require(ctx, "unit_types", "请至少选择一种收费房屋类型");
    const field_value *code = form_get(f, "code");
    if (code->present && !code->error && !code_valid(code->text))
        form_set_error(&ctx->post, "code", "项目代码为 2-20 个小写字母、数字或下划线，例如 water");
    if (!strcmp(form_text(f, "kind"), "metered"))
        require(ctx, "unit_label", "按表计量的项目请填写计量单位，例如 吨、度");
    if (ctx->post.errors)
        return 422;
    const field_value *types = form_get(f, "unit_types");
    const char *list = "";
    for (size_t i = 0; i < types->nmore; i++)
        list = arena_printf(ctx->arena, "%s%s%s", list, list[0] ? "," : "", types->more[i]->value);
    fee_item_new n = {code->text, form_text(f, "name"), form_text(f, "kind"), form_text(f, "unit_label"),
                      list};
    return fee_item_add(ctx, &n, why);
}

static int post_rate(page_ctx *ctx, fee_refusal *why) {
    require(ctx, "item", "请选择收费项目");
    require(ctx, "valid_from", "请填写起始日期");
    require(ctx, "price", "请填写单价");
    fee_rate_new n = {form_text(&ctx->post, "item"), form_text(&ctx->post, "valid_from"), 0, -1, 0, -1, 0, -1,
                      form_text(&ctx->post, "note")};
    read_decimal(ctx, "price", 4, &n.price_e4);
    read_decimal(ctx, "vacant_price", 4, &n.vacant_price_e4);
    read_decimal(ctx, "tier2_from", 2, &n.tier2_from_c);
    read_decimal(ctx, "tier2_price", 4, &n.tier2_price_e4);
    read_decimal(ctx, "tier3_from", 2, &n.tier3_from_c);
    read_decimal(ctx, "tier3_price", 4, &n.tier3_price_e4);
    if (form_get(&ctx->post, "tier2_from")->present && !form_get(&ctx->post, "tier2_from")->error &&
        !n.tier2_from_c)
        form_set_error(&ctx->post, "tier2_from", "起始用量应大于 0");
    if (form_get(&ctx->post, "tier3_from")->present && !form_get(&ctx->post, "tier3_from")->error &&
        !n.tier3_from_c)
        form_set_error(&ctx->post, "tier3_from", "起始用量应大于 0");
    if (ctx->post.errors)
        return 422;
    return fee_rate_add(ctx, &n, why);
}

static int fees_post(page_ctx *ctx) {
    if (!fee_may(ctx->user.roles, FEE_RATES))
        return page_error(ctx, 403, "只有管理处主任和系统管理员可以设定收费项目和收费标准。");
    bool item = !strcmp(form_text(&ctx->post, "action"), "item");
    fee_refusal why = {0};
    int s = ctx->post.errors ? 422 : item ? post_item(ctx, &why) : post_rate(ctx, &why);
    if (s < 0)
        return page_db_error(ctx, s);
    if (s == 422) {
        if (why.message)
            form_set_error(&ctx->post, why.field, why.message);
        ctx->resp->status = 422;
        return render(ctx);
    }
    if (s)
        return page_error(ctx, s, why.message);
    const char *code = form_text(&ctx->post, item ? "code" : "item");
    if (item)
        return page_redirect(ctx,
                             arena_printf(ctx->arena, "/office/fees?saved=item&code=%s#item-%s", code, code));
    return page_redirect(ctx, arena_printf(ctx->arena, "/office/fees?saved=rate&code=%s&from=%s#item-%s",
                                           code, form_text(&ctx->post, "valid_from"), code));
}

static const page fees_page = {
    .name = "office/fees",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = fees_get,
    .post = fees_post,
};

int main(void) {
    return page_main(&fees_page);
}
