/* office/tickets.c: /office/tickets, the queue of requests with its filters, pages and
 * time limits; format=csv exports the whole filtered list for Excel. */
#include <limits.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/csv.h"
#include "../core/page.h"
#include "../core/page_keep.h"
#include "../core/pagination.h"
#include "../core/utf8.h"
#include "../domain/audit.h"
#include "../domain/ticket.h"
#include "../domain/ticket_view.h"

#define PER_PAGE 30
#define CSV_MAX_ROWS 10000
/* The queue counts and pages this far (bounded pagination); filters narrow the rest. */
#define COUNT_CAP (50 * PER_PAGE)

static const char *const status_choices[] = {"open",        "closed",  "new",       "accepted",  "dispatched",
                                             "in_progress", "waiting", "completed", "withdrawn", NULL};
static const char *const one_choices[] = {"1", NULL};
static const char *const sort_choices[] = {"due", "new", NULL};
static const char *const format_choices[] = {"csv", NULL};

static const field query_fields[] = {
    {.name = "status", .kind = FIELD_ENUM, .choices = status_choices, .label = "状态"},
    {.name = "kind", .kind = FIELD_ENUM, .choices = ticket_kinds, .label = "类型"},
    {.name = "category", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "类别"},
    {.name = "dept", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "部门"},
    {.name = "assignee", .kind = FIELD_INT, .min = 1, .max = 999999999999LL, .label = "处理人"},
    {.name = "overdue", .kind = FIELD_ENUM, .choices = one_choices, .label = "已超时"},
    {.name = "due_soon", .kind = FIELD_ENUM, .choices = one_choices, .label = "即将到期"},
    {.name = "q", .kind = FIELD_TEXT, .max = 50, .label = "搜索"},
    {.name = "sort", .kind = FIELD_ENUM, .choices = sort_choices, .label = "排序"},
    {.name = "page", .kind = FIELD_INT, .min = 1, .max = COUNT_CAP / PER_PAGE, .label = "页码"},
    {.name = "format", .kind = FIELD_ENUM, .choices = format_choices, .label = "格式"},
    {0},
};

/* A technician who holds no desk role sees only the work given to them. */
static bool technician_only(const page_ctx *ctx) {
    return ticket_roles_technician_only(ctx->user.roles);
}

/* The filter of the query, with the technician's restriction applied. */
static ticket_filter read_filter(const page_ctx *ctx) {
    const form *q = &ctx->query;
    ticket_filter f = {
        .community_id = ctx->user.community_id,
        .status = form_get(q, "status")->present ? form_text(q, "status") : NULL,
        .kind = form_get(q, "kind")->present ? form_text(q, "kind") : NULL,
        .category_id = form_int(q, "category"),
        .department_id = form_int(q, "dept"),
        .assignee_id = form_int(q, "assignee"),
        .overdue = form_get(q, "overdue")->present,
        .due_soon = form_get(q, "due_soon")->present,
        .query = form_get(q, "q")->present ? form_text(q, "q") : NULL,
        .sort_by_due = !strcmp(form_text(q, "sort"), "due"),
        .now = ctx->now,
        .page = form_get(q, "page")->present ? (int)form_int(q, "page") : 1,
        .per_page = PER_PAGE,
        .count_cap = COUNT_CAP,
    };
    if (technician_only(ctx))
        f.assignee_id = ctx->user.id;
    return f;
}

static int export_csv(page_ctx *ctx, ticket_filter *f) {
    f->page = 1;
    f->per_page = CSV_MAX_ROWS;
    ticket_row *rows;
    size_t count;
    int s = ticket_list(ctx->arena, f, &rows, &count, NULL);
    if (s < 0)
        return page_db_error(ctx, s);
    if ((s = audit_record(ctx, "export", "ticket", 0, "tickets.csv")) != DB_OK)
        return page_db_error(ctx, s);
    const char *zone = ctx->user.community_zone;
    csv w;
    csv_begin(&w, &ctx->resp->body);
    CSV_ROW(&w, "编号", "类型", "类别", "状态", "紧急程度", "房号", "位置", "内容", "报事人", "联系电话",
            "部门", "处理人", "登记时间", "下一时限", "超时", "升级");
    for (size_t i = 0; i < count; i++) {
        const ticket_row *r = &rows[i];
        bool open = ticket_status_open(r->status);
        CSV_ROW(&w, r->code, ticket_kind_name(r->kind), r->category_name, ticket_status_name(r->status),
                ticket_severity_name(r->severity), r->unit_code, r->place, r->description, r->reporter_name,
                r->reporter_phone, r->department_name, r->assignee_name,
                clock_format(ctx->arena, r->created_at, zone, "%Y-%m-%d %H:%M"),
                open && r->next_due ? clock_format(ctx->arena, r->next_due, zone, "%Y-%m-%d %H:%M") : "",
                open && r->next_due && r->next_due < ctx->now ? "是" : "",
                ticket_escalation_name(r->escalation_level));
    }
    if (csv_status(&w) || csv_response_headers(ctx->resp, "tickets.csv"))
        return 500;
    return 0;
}

/* Adds option rows of a filter select, marking the one equal to current. */
static void add_option(view *body, const char *section, long long id, const char *name, long long current) {
    view *o = view_add(body, section);
    view_set_int(o, "ID", id);
    view_set(o, "NAME", name);
    if (id == current)
        view_show(o, "SELECTED");
}

static void add_code_option(view *body, const char *section, const char *code, const char *name,
                            const char *current) {
    view *o = view_add(body, section);
    view_set(o, "CODE", code);
    view_set(o, "NAME", name);
    if (current && !strcmp(code, current))
        view_show(o, "SELECTED");
}

/* The selects of the filter form: statuses, kinds, categories, departments, staff. */
static int filter_choices(page_ctx *ctx, view *body, const ticket_filter *f, bool tech) {
    add_code_option(body, "STATUS_OPTION", "open", "未办结（全部进行中）", f->status);
    add_code_option(body, "STATUS_OPTION", "closed", "已办结（完成/关闭/撤销）", f->status);
    /* "closed" is also the group of closed and withdrawn (ticket_filter): one option. */
    for (int s = 0; s < ST_COUNT; s++)
        if (s != ST_CLOSED)
            add_code_option(body, "STATUS_OPTION", ticket_status_code((ticket_status)s),
                            ticket_status_name((ticket_status)s), f->status);
    for (size_t i = 0; ticket_kinds[i]; i++)
        add_code_option(body, "KIND_OPTION", ticket_kinds[i], ticket_kind_name(ticket_kinds[i]), f->kind);
    ticket_category *cats;
    size_t ncats;
    int s = ticket_categories(ctx->arena, ctx->user.community_id, &cats, &ncats);
    if (s < 0)
        return s;
    for (size_t i = 0; i < ncats; i++)
        add_option(body, "CATEGORY_OPTION", cats[i].id,
                   arena_printf(ctx->arena, "%s · %s", ticket_kind_name(cats[i].kind), cats[i].name),
                   f->category_id);
    ticket_department *deps;
    size_t ndeps;
    if ((s = ticket_departments(ctx->arena, ctx->user.community_id, &deps, &ndeps)) < 0)
        return s;
    for (size_t i = 0; i < ndeps; i++)
        add_option(body, "DEPT_OPTION", deps[i].id, deps[i].name, f->department_id);
    if (tech)
        return 0;
    ticket_staff *staff;
    size_t nstaff;
    if ((s = ticket_dispatch_choices(ctx->arena, ctx->user.community_id, &staff, &nstaff)) < 0)
        return s;
    view *assignee = view_add(body, "ASSIGNEE_FILTER");
    for (size_t i = 0; i < nstaff; i++)
        add_option(assignee, "ASSIGNEE_OPTION", staff[i].id,
                   arena_printf(ctx->arena, "%s（%s）", staff[i].name, staff[i].department_name),
                   f->assignee_id);
    return 0;
}

/* The first second at which the overdue or due-soon list takes in or lets go a ticket by
 * the clock alone (the rows shown turn at ticket_due_changes_at): a ticket due at d is
 * overdue from d + 1 (next_due < now) and due soon from d - 2 h to d, both ends in. */
static int timed_list_turns(page_ctx *ctx, const ticket_filter *f, long long *turns) {
    long long next, later = 0;
    int s = ticket_next_due(ctx->arena, f->community_id, ctx->now, &next);
    if (s == 0 && f->due_soon)
        s = ticket_next_due(ctx->arena, f->community_id, ctx->now + TICKET_DUE_SOON_SECONDS + 1, &later);
    if (s < 0)
        return s;
    *turns = next ? next + 1 : LLONG_MAX;
    if (later && later - TICKET_DUE_SOON_SECONDS < *turns)
        *turns = later - TICKET_DUE_SOON_SECONDS;
    return 0;
}

static int tickets_get(page_ctx *ctx) {
    ticket_filter f = read_filter(ctx);
    if (form_get(&ctx->query, "format")->present)
        return export_csv(ctx, &f);
    /* A body holds until the data changes or a due shown turns, and for the overdue and
     * due-soon lists until the clock brings a ticket in or takes one out. */
    bool tech = technician_only(ctx); /* their own tickets: their own body */
    int kept = page_kept_body(ctx, tech);
    if (kept >= 0)
        return kept;
    long long until = LLONG_MAX;
    ticket_row *rows;
    size_t count;
    long long total;
    int s = ticket_list(ctx->arena, &f, &rows, &count, &total);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/tickets.tpl", "工单");
    if (!body)
        return 500;
    page_form_values(ctx, &ctx->query, body);
    if ((s = filter_choices(ctx, body, &f, tech)) < 0)
        return page_db_error(ctx, s);
    if (tech)
        view_show(body, "TECHNICIAN");
    if (f.overdue)
        view_show(body, "OVERDUE_ON");
    if (f.due_soon)
        view_show(body, "DUE_SOON_ON");
    view_show(body, f.sort_by_due ? "SORT_DUE" : "SORT_NEW");
    if (ticket_roles_may(ctx->user.roles, EV_CREATED))
        view_show(body, "MAY_CREATE");
    pagination_fill(body, f.page, PER_PAGE, total > COUNT_CAP ? COUNT_CAP : total);
    if (total > COUNT_CAP) {
        /* Counted no further: more pages than the pager goes to; filters narrow it. */
        view_set(body, "TOTAL", arena_printf(ctx->arena, "%d+", COUNT_CAP));
        view_set(body, "PAGES", arena_printf(ctx->arena, "%d+", COUNT_CAP / PER_PAGE));
    }
    if (f.query && f.query[0] && utf8_count(f.query, strlen(f.query)) == 1)
        view_set_int(view_add(body, "SHORT_SEARCH"), "WINDOW", TICKET_SEARCH_SHORT_WINDOW);
    if (!count)
        view_show(body, "EMPTY");
    const char *zone = ctx->user.community_zone;
    for (size_t i = 0; i < count; i++) {
        const ticket_row *r = &rows[i];
        view *row = view_add(body, "ROW");
        bool open = ticket_status_open(r->status);
        view_set_int(row, "ID", r->id);
        view_set(row, "CODE", r->code);
        view_set(row, "KIND", r->kind);
        view_set(row, "KIND_NAME", ticket_kind_name(r->kind));
        view_set(row, "CATEGORY_NAME", r->category_name);
        view_set(row, "STATUS", ticket_status_code(r->status));
        view_set(row, "STATUS_NAME", ticket_status_name(r->status));
        view_set(row, "SEVERITY", r->severity);
        view_set(row, "SEVERITY_NAME", ticket_severity_name(r->severity));
        if (strcmp(r->severity, "normal") != 0)
            view_show(row, "SEVERE");
        view_set(row, "WHERE", r->unit_code[0] ? r->unit_code : r->place);
        if (r->unit_code[0] && r->place[0])
            view_set(view_add(row, "PLACE"), "TEXT", r->place);
        view_set(row, "DESCRIPTION", r->description);
        view_set(row, "REPORTER", r->reporter_name);
        view_set(row, "DEPARTMENT", r->department_name[0] ? r->department_name : "未派工");
        if (r->assignee_name[0])
            view_set(view_add(row, "ASSIGNEE"), "NAME", r->assignee_name);
        view_set(row, "CREATED", clock_format(ctx->arena, r->created_at, zone, "%m-%d %H:%M"));
        if (open && r->next_due) {
            long long turns = ticket_due_changes_at(r->next_due, ctx->now);
            until = turns < until ? turns : until;
            view *due = view_add(row, "DUE");
            view_set(due, "AT", clock_format(ctx->arena, r->next_due, zone, "%m-%d %H:%M"));
            view_set(due, "WORDS", ticket_due_words(ctx->arena, r->next_due, ctx->now));
            if (r->next_due < ctx->now) {
                view_show(row, "OVERDUE");
                view_show(due, "LATE");
            } else if (r->next_due - ctx->now <= TICKET_DUE_SOON_SECONDS) {
                view_show(due, "SOON");
            }
        }
        if (r->breached)
            view_show(row, "BREACHED");
        if (r->escalation_level) {
            view *e = view_add(row, "ESCALATED");
            view_set_int(e, "LEVEL", r->escalation_level);
            view_set(e, "NAME", r->escalation_level >= 2 ? "升级·主任" : "升级·主管");
        }
    }
    if (f.overdue || f.due_soon) {
        long long turns;
        if ((s = timed_list_turns(ctx, &f, &turns)) < 0)
            return page_db_error(ctx, s);
        until = turns < until ? turns : until;
    }
    page_keep_body(ctx, tech, until == LLONG_MAX ? PAGE_KEEP_DATA_ONLY : until);
    return 0;
}

static const page tickets_page = {
    .name = "office/tickets",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .get = tickets_get,
};

int main(void) {
    return page_main(&tickets_page);
}
