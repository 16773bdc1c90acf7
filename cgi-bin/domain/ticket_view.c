/* ticket_view.c: filling the ticket pages' view dictionaries (see ticket_view.h). */
#include "ticket_view.h"

#include <limits.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/money.h"

/* A time as the pages show it; "" for 0. */
static const char *when(arena *a, const char *zone, long long t) {
    return t ? clock_format(a, t, zone, "%Y-%m-%d %H:%M") : "";
}

const char *ticket_due_words(arena *a, long long due, long long now) {
    if (!due)
        return "";
    long long d = due >= now ? due - now : now - due;
    const char *lead = due >= now ? "剩余" : "已超时";
    if (d >= 3600)
        return arena_printf(a, "%s %lld 小时", lead, d / 3600);
    return arena_printf(a, "%s %lld 分钟", lead, d / 60 > 0 ? d / 60 : 1);
}

long long ticket_due_changes_at(long long due, long long now) {
    if (!due)
        return LLONG_MAX;
    if (due < now) {
        /* Late by d: the hours or the minutes go up. */
        long long d = now - due;
        return now + (d >= 3600 ? 3600 - d % 3600 : 60 - d % 60);
    }
    /* d left: the hours or the minutes go down (past the due at d + 1 at the latest), and
     * it turns soon at two hours left. */
    long long d = due - now;
    long long words = now + (d >= 3600 ? d % 3600 : d % 60) + 1;
    long long soon = TICKET_DUE_SOON_SECONDS;
    return d > soon && now + d - soon < words ? now + d - soon : words;
}

const char *ticket_escalation_name(int level) {
    return level >= 2 ? "已升级至管理处主任" : level == 1 ? "已升级至客服主管" : "";
}

long long ticket_latest_visit(const ticket_event_view *events, size_t count) {
    for (size_t i = count; i > 0; i--)
        if (events[i - 1].type == EV_DISPATCHED)
            return events[i - 1].visit_at;
    return 0;
}

/* --- the timeline ---------------------------------------------------------------- */

static void add_detail(view *row, const char *text) {
    if (text)
        view_set(view_add(row, "DETAIL"), "VALUE", text);
}

static const char *clock_name(const char *clock) {
    if (!clock)
        return "";
    return !strcmp(clock, "respond") ? "响应" : !strcmp(clock, "onsite") ? "上门" : "办结";
}

/* Who did it: staff read names ("—" when unknown), residents read who we are. */
static const char *actor_label(const ticket_event_view *e, bool staff) {
    bool named = e->actor_name && e->actor_name[0];
    if (e->actor_kind == 'y')
        return "系统";
    if (staff)
        return named ? e->actor_name : "—";
    if (e->actor_kind == 'r')
        return named ? e->actor_name : "业主";
    return named ? e->actor_name : "物业服务中心";
}

/* The details staff see: dispatch, callback, rating, charge, overdue, escalation. */
static void staff_details(view *row, arena *a, const char *zone, const ticket_event_view *e) {
    switch (e->type) {
    case EV_DISPATCHED:
        add_detail(row,
                   arena_printf(a, "派至 %s%s%s%s%s", e->department_name ? e->department_name : "",
                                e->assignee_name && e->assignee_name[0] ? " · " : "",
                                e->assignee_name ? e->assignee_name : "", e->visit_at ? "，约定上门 " : "",
                                e->visit_at ? when(a, zone, e->visit_at) : ""));
        break;
    case EV_CALLBACK:
        add_detail(row, e->reached == 1
                            ? (e->score ? arena_printf(a, "已接通，满意度 %d 分", e->score) : "已接通")
                            : "未接通，可再次回访");
        break;
    case EV_RATED:
        add_detail(row, arena_printf(a, "业主评价 %d 星", e->score));
        break;
    case EV_COMPLETED:
        if (e->charge_fen > 0)
            add_detail(row, arena_printf(a, "收费 %s 元", money_format(a, e->charge_fen)));
        else if (e->charge_fen == 0)
            add_detail(row, "无偿服务");
        break;
    case EV_OVERDUE:
        add_detail(row, arena_printf(a, "%s时限已过", clock_name(e->clock)));
        break;
    case EV_ESCALATED:
        add_detail(row, e->level >= 2 ? "升级至管理处主任" : "升级至客服主管");
        break;
    default:
        break;
    }
}

/* The details a resident sees: who was sent and when they come, the charge, scores. */
static void resident_details(view *row, arena *a, const char *zone, const ticket_event_view *e) {
    if (e->type == EV_DISPATCHED) {
        const char *who = e->assignee_name && e->assignee_name[0] ? e->assignee_name : NULL;
        const char *dept = e->department_name && e->department_name[0] ? e->department_name : "相关部门";
        add_detail(row, who ? arena_printf(a, "派给 %s %s", dept, who) : arena_printf(a, "派给 %s", dept));
        if (e->visit_at)
            add_detail(row, arena_printf(a, "预约上门时间：%s", when(a, zone, e->visit_at)));
    }
    if (e->type == EV_COMPLETED && e->charge_fen > 0)
        add_detail(row, arena_printf(a, "维修费用：%s 元", money_format(a, e->charge_fen)));
    if ((e->type == EV_RATED || e->type == EV_CALLBACK) && e->score > 0)
        add_detail(row, arena_printf(a, "%s：%d 星", e->type == EV_RATED ? "评分" : "满意度", e->score));
}

void ticket_fill_timeline(view *v, arena *a, const char *zone, const ticket_event_view *events, size_t count,
                          bool staff) {
    for (size_t i = 0; i < count; i++) {
        const ticket_event_view *e = &events[i];
        view *row = view_add(v, "EVENT");
        view_set_int(row, "EVENT_ID", e->id);
        view_set(row, "TYPE", ticket_event_code(e->type));
        view_set(row, "NAME", ticket_event_name(e->type));
        view_set(row, "AT", when(a, zone, e->at));
        view_set(row, "DATETIME", clock_format(a, e->at, zone, "%Y-%m-%dT%H:%M"));
        view_set(row, "ACTOR", actor_label(e, staff));
        view_set(row, "ACTOR_KIND", e->actor_kind == 'r' ? "业主" : e->actor_kind == 's' ? "员工" : "系统");
        view_set(row, "STATUS_AFTER", ticket_status_name(e->status_after));
        if (!e->public)
            view_show(row, "INTERNAL");
        if (e->actor_kind == 'r')
            view_show(row, "BY_RESIDENT");
        if (e->text && e->text[0])
            view_set(view_add(row, "TEXT"), "VALUE", e->text);
        if (staff)
            staff_details(row, a, zone, e);
        else
            resident_details(row, a, zone, e);
    }
}

/* --- the staff's facts -------------------------------------------------------------- */

/* One row of the time limits: its due time, when it was kept, or how late it is. */
static void add_due(view *v, arena *a, const char *zone, long long now, const char *name, long long due,
                    long long done, bool breached, bool open) {
    if (!due)
        return;
    view *d = view_add(v, "DUE_ROW");
    view_set(d, "NAME", name);
    view_set(d, "AT", when(a, zone, due));
    if (done) {
        view_set(d, "STATE",
                 arena_printf(a, "%s于 %s", done > due ? "超时完成" : "已完成", when(a, zone, done)));
        view_set(d, "CLASS", done > due ? "late" : "kept");
    } else if (open) {
        view_set(d, "STATE", ticket_due_words(a, due, now));
        view_set(d, "CLASS", due < now ? "late" : "pending");
    } else {
        view_set(d, "STATE", "—");
        view_set(d, "CLASS", "");
    }
    if (breached)
        view_show(d, "BREACHED");
}

/* The time limits of t: each promise, the next one due, a pause, what was breached. */
static void fill_dues(view *v, arena *a, const char *zone, long long now, const ticket_view *t) {
    bool open = ticket_status_open(t->status);
    add_due(v, a, zone, now, "响应", t->respond_due, t->responded_at, t->breached & 1, open);
    if (!strcmp(t->kind, "repair"))
        add_due(v, a, zone, now, "上门", t->onsite_due, t->onsite_at, t->breached & 2, open);
    add_due(v, a, zone, now, "办结", t->resolve_due, t->completed_at, t->breached & 4, open);
    if (open && t->next_due) {
        view *n = view_add(v, "NEXT_DUE");
        view_set(n, "AT", when(a, zone, t->next_due));
        view_set(n, "WORDS", ticket_due_words(a, t->next_due, now));
        view_set(n, "CLASS",
                 t->next_due < now                              ? "late"
                 : t->next_due - now <= TICKET_DUE_SOON_SECONDS ? "soon"
                                                                : "");
    }
    if (t->status == ST_WAITING && t->waiting_since)
        view_set(view_add(v, "WAITING"), "SINCE", when(a, zone, t->waiting_since));
    if (t->breached) {
        view *b = view_add(v, "BREACHES");
        view_set(b, "TEXT",
                 arena_printf(a, "%s%s%s", t->breached & 1 ? "响应超时 " : "",
                              t->breached & 2 ? "上门超时 " : "", t->breached & 4 ? "办结超时" : ""));
    }
}

/* A name of a code, "" for an unknown one. */
static const char *name_or_empty(const char *name) {
    return name ? name : "";
}

void ticket_fill_facts(view *v, arena *a, const char *zone, long long now, const ticket_view *t) {
    view_set_int(v, "ID", t->id);
    view_set(v, "CODE", t->code);
    view_set(v, "KIND", t->kind);
    view_set(v, "KIND_NAME", ticket_kind_name(t->kind));
    view_set(v, "CATEGORY_NAME", t->category_name);
    view_set(v, "STATUS", ticket_status_code(t->status));
    view_set(v, "STATUS_NAME", ticket_status_name(t->status));
    view_set(v, "SEVERITY", t->severity);
    view_set(v, "SEVERITY_NAME", ticket_severity_name(t->severity));
    view_set(v, "CHANNEL_NAME", name_or_empty(ticket_channel_name(t->channel)));
    view_set(v, "LOCATION_NAME", name_or_empty(ticket_location_name(t->location)));
    view_set(v, "UNIT_CODE", t->unit_code[0] ? t->unit_code : "—");
    view_set(v, "PLACE", t->place);
    if (t->place[0])
        view_show(v, "HAS_PLACE");
    view_set(v, "WHERE", t->unit_code[0] ? t->unit_code : t->place);
    view_set(v, "DESCRIPTION", t->description);
    view_set(v, "REPORTER_NAME", t->reporter_name[0] ? t->reporter_name : "—");
    view_set(v, "REPORTER_PHONE", t->reporter_phone[0] ? t->reporter_phone : "—");
    view_set(v, "PREFERRED_AT", t->preferred_time ? when(a, zone, t->preferred_time) : "未提出");
    view_set(v, "CREATED_AT", when(a, zone, t->created_at));
    view_set(v, "CREATED_BY", t->created_by_name[0] ? t->created_by_name : "—");
    view_set(v, "CREATED_BY_KIND", t->created_by_kind == 'r' ? "业主提交" : "员工登记");
    view_set(v, "OWNER_NAME", t->owner_name[0] ? t->owner_name : "—");
    view_set(v, "DEPARTMENT_NAME", t->department_name[0] ? t->department_name : "未派工");
    view_set(v, "ASSIGNEE_NAME", t->assignee_name[0] ? t->assignee_name : "未指定");
    view_set(v, "CHARGE", money_format(a, t->charge_fen));
    if (t->charge_fen > 0)
        view_show(v, "PAID");
    /* Before completion there is no charge yet, which is not the same as free. */
    view_show(v, t->completed_at || t->charge_fen ? "CHARGED" : "NOT_CHARGED");
    if (t->escalation_level)
        view_set(view_add(v, "ESCALATED"), "NAME", ticket_escalation_name(t->escalation_level));
    if (strcmp(t->severity, "normal") != 0)
        view_show(v, "SEVERE");
    view_set(v, "CALLBACK_STATE", t->callback_done ? "已回访" : t->status == ST_COMPLETED ? "待回访" : "—");
    if (t->rating)
        view_set_int(view_add(v, "RATED"), "SCORE", t->rating);
    fill_dues(v, a, zone, now, t);
}

void ticket_fill_resident_row(view *row, const ticket_row *t) {
    view_set_int(row, "ID", t->id);
    view_set(row, "CODE", t->code);
    view_set(row, "STATUS", ticket_status_code(t->status));
    view_set(row, "STATUS_NAME", ticket_status_name(t->status));
    const char *kind = ticket_kind_name(t->kind);
    view_set(row, "KIND", kind ? kind : t->kind);
    view_set(row, "CATEGORY", t->category_name);
    view_set(row, "DESCRIPTION", t->description);
}
