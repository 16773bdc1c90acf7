/* page_layout.c: the layout every page is shown in: its title, who is signed in, the
 * navigation of the area (only the pages the person's roles may use), the logout form. */
#include "page_layout.h"

#include <string.h>

#include "../domain/auth.h"
#include "csrf.h"
#include "roles.h"

/* The navigation of each area: only pages that exist are listed, and only to the roles
 * that may use them (roles NULL: everyone of the area). */
typedef struct nav_item {
    const char *page; /* page name, e.g. "portal/home" */
    const char *label;
    const char *const *roles;
} nav_item;

/* Who sees the fee pages (domain/fee.c fee_may FEE_VIEW, FEE_PAY, FEE_READINGS). */
static const char *const fee_view_roles[] = {"cashier", "frontdesk", "supervisor", "manager",
                                             "admin",   "clerk",     NULL};
static const char *const fee_pay_roles[] = {"cashier", "frontdesk", "manager", "admin", NULL};
static const char *const fee_reading_roles[] = {"cashier", "frontdesk", "technician",
                                                "manager", "admin",     NULL};

/* Who sees the decoration pages (domain/renovation.c renovation_may RENO_VIEW, RENO_APPLY). */
static const char *const reno_view_roles[] = {"frontdesk", "supervisor", "inspector", "cashier", "clerk",
                                              "manager",   "admin",      "complaint", NULL};
static const char *const reno_apply_roles[] = {"frontdesk", "inspector", "supervisor", "manager", NULL};

static const nav_item portal_nav[] = {
    {"portal/home", "首页", NULL},           {"portal/tickets", "我的工单", NULL},
    {"portal/new-ticket", "报事报修", NULL}, {"portal/bills", "我的账单", NULL},
    {"portal/notices", "公告", NULL},        {"portal/surveys", "满意度调查", NULL},
    {"portal/renovation", "装修申请", NULL}, {"portal/profile", "我的资料", NULL},
    {"portal/invite", "邀请家人", NULL},     {NULL, NULL, NULL}};
static const nav_item office_nav[] = {{"office/home", "工作台", NULL},
                                      {"office/tickets", "工单", NULL},
                                      {"office/new-ticket", "登记", NULL},
                                      {"office/callbacks", "回访", NULL},
                                      {"office/analysis", "统计分析", NULL},
                                      {"office/units", "房屋档案", NULL},
                                      {"office/keys", "钥匙门禁", NULL},
                                      {"office/import", "导入导出", NULL},
                                      {"office/billing", "收费", fee_view_roles},
                                      {"office/renovations", "装修", reno_view_roles},
                                      {"office/notices", "公告", NULL},
                                      {"office/surveys", "满意度调查", NULL},
                                      {NULL, NULL, NULL}};
/* The fee pages' own row of links, shown on each of them; the main item 收费 stays marked. */
static const nav_item fee_nav[] = {
    {"office/billing", "出账", fee_view_roles},        {"office/payment", "收款", fee_pay_roles},
    {"office/settlement", "日清", fee_view_roles},     {"office/arrears", "欠费", fee_view_roles},
    {"office/meters", "抄表", fee_reading_roles},      {"office/fees", "收费标准", fee_view_roles},
    {"office/fee-report", "收费报表", fee_view_roles}, {NULL, NULL, NULL}};
static const nav_item reno_nav[] = {{"office/renovations", "装修案卷", reno_view_roles},
                                    {"office/renovation-due", "巡查日程", reno_view_roles},
                                    {"office/renovation-new", "登记申请", reno_apply_roles},
                                    {NULL, NULL, NULL}};

/* The office pages that have their own row of links: the item of office_nav marked on
 * them, the pages that belong (their own items, and the names starting with prefix). */
typedef struct nav_group {
    const char *label; /* of the row, for screen readers */
    const char *main;
    const char *prefix;
    const nav_item *items;
} nav_group;
static const nav_group office_groups[] = {{"收费", "office/billing", "office/bill", fee_nav},
                                          {"装修", "office/renovations", "office/renovation", reno_nav},
                                          {NULL, NULL, NULL, NULL}};

/* The group the page named name belongs to, or NULL. */
static const nav_group *nav_group_of(const char *name) {
    for (const nav_group *g = office_groups; g->main; g++) {
        if (!strncmp(name, g->prefix, strlen(g->prefix)))
            return g;
        for (const nav_item *n = g->items; n->page; n++)
            if (!strcmp(n->page, name))
                return g;
    }
    return NULL;
}

char page_area_kind(const page *p) {
    if (!strncmp(p->name, "portal/", 7))
        return ACCOUNT_RESIDENT;
    if (!strncmp(p->name, "office/", 7))
        return ACCOUNT_STAFF;
    return 0;
}

/* Fills the layout's values common to every page: title, who is signed in, navigation,
 * the logout form's token. */
static void layout_values(page_ctx *ctx, const char *title) {
    view *v = ctx->view;
    char kind = page_area_kind(ctx->page);
    view_set(v, "TITLE", title);
    view_set(v, "AREA", kind == ACCOUNT_STAFF ? "office" : "portal");
    view_set(v, "AREA_NAME", kind == ACCOUNT_STAFF ? "物业管理后台" : "业主服务");
    view_set(v, "CSRF", ctx->csrf ? ctx->csrf : "");
    if (!ctx->signed_in)
        return;
    /* The logout form needs the session's own token even where the page's forms use
     * another (a login form) or none was made (an error before the token). */
    char *logout_token = arena_alloc(ctx->arena, CSRF_TOKEN_LEN + 1);
    if (logout_token)
        csrf_token(ctx->config->key,
                   arena_printf(ctx->arena, "%c:%lld:%lld", ctx->session.kind, ctx->session.user_id,
                                ctx->session.issued),
                   logout_token);
    view *who = view_add(v, "SIGNED_IN");
    view_set(who, "USER_NAME", ctx->user.name);
    view_set(who, "ROLE_NAME", ctx->user.role_name ? ctx->user.role_name : "");
    view_set(who, "COMMUNITY_NAME", ctx->user.community_name);
    view_set(who, "LOGOUT", kind == ACCOUNT_STAFF ? "/office/logout" : "/portal/logout");
    view_set(who, "CSRF", logout_token ? logout_token : "");
    const nav_group *group = kind == ACCOUNT_STAFF ? nav_group_of(ctx->page->name) : NULL;
    for (const nav_item *n = kind == ACCOUNT_STAFF ? office_nav : portal_nav; n->page; n++) {
        if (n->roles && !roles_has_any(ctx->user.roles, n->roles))
            continue;
        view *item = view_add(who, "NAV");
        view_set(item, "HREF", arena_printf(ctx->arena, "/%s", n->page));
        view_set(item, "LABEL", n->label);
        if (!strcmp(n->page, ctx->page->name) || (group && !strcmp(n->page, group->main)))
            view_show(item, "CURRENT");
    }
    if (!group)
        return;
    view *sub = view_add(who, "SUBNAV");
    view_set(sub, "LABEL", group->label);
    for (const nav_item *n = group->items; n->page; n++) {
        if (!roles_has_any(ctx->user.roles, n->roles))
            continue;
        view *item = view_add(sub, "ITEM");
        view_set(item, "HREF", arena_printf(ctx->arena, "/%s", n->page));
        view_set(item, "LABEL", n->label);
        if (!strcmp(n->page, ctx->page->name))
            view_show(item, "CURRENT");
    }
}

view *page_body(page_ctx *ctx, const char *body_template, const char *title) {
    layout_values(ctx, title);
    ctx->layout = true;
    ctx->body_template = body_template;
    ctx->title = title;
    return ctx->body = view_include(ctx->view, "BODY", body_template);
}
