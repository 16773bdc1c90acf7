/* ticket_flow.c: which event may follow which status, and the names of things. */
#include "ticket_flow.h"

#include "../core/roles.h"

#include <string.h>

const char *const ticket_kinds[] = {"repair", "complaint", "suggestion", "inquiry", "praise", NULL};
const char *const ticket_channels[] = {"phone", "visit", "letter", "web", "other", NULL};
const char *const ticket_severities[] = {"normal", "urgent", "major", NULL};
const char *const ticket_locations[] = {"home", "common", NULL};
const char *const ticket_statuses[] = {"new",       "accepted", "dispatched", "in_progress", "waiting",
                                       "completed", "closed",   "withdrawn",  NULL};

static const char *const status_names[ST_COUNT] = {"待受理",     "已受理", "已派工", "处理中",
                                                   "待业主回复", "已完成", "已关闭", "已撤销"};

static const char *const event_codes[EV_COUNT] = {
    "created",   "accepted", "dispatched", "started",  "note",      "reply",     "comment", "waiting",
    "completed", "callback", "closed",     "reopened", "escalated", "withdrawn", "rated",   "overdue"};
static const char *const event_names[EV_COUNT] = {
    "提交", "受理", "派工", "开始处理", "内部备注", "回复", "业主留言", "等待业主",
    "完成", "回访", "关闭", "重新打开", "升级",     "撤销", "评价",     "超时"};

const char *ticket_status_code(ticket_status s) {
    return s < ST_COUNT ? ticket_statuses[s] : "";
}

const char *ticket_status_name(ticket_status s) {
    return s < ST_COUNT ? status_names[s] : "";
}

bool ticket_status_parse(const char *code, ticket_status *s) {
    for (int i = 0; code && i < ST_COUNT; i++) {
        if (!strcmp(code, ticket_statuses[i])) {
            *s = (ticket_status)i;
            return true;
        }
    }
    return false;
}

const char *ticket_event_code(ticket_event_type e) {
    return e < EV_COUNT ? event_codes[e] : "";
}

const char *ticket_event_name(ticket_event_type e) {
    return e < EV_COUNT ? event_names[e] : "";
}

bool ticket_event_parse(const char *code, ticket_event_type *e) {
    for (int i = 0; code && i < EV_COUNT; i++) {
        if (!strcmp(code, event_codes[i])) {
            *e = (ticket_event_type)i;
            return true;
        }
    }
    return false;
}

long long ticket_earliest_due(long long a, long long b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return a < b ? a : b;
}

bool ticket_status_open(ticket_status s) {
    return s <= ST_WAITING;
}

/* Statuses as bits, to write each rule as one line. */
#define B(s) (1u << (s))
#define OPEN (B(ST_NEW) | B(ST_ACCEPTED) | B(ST_DISPATCHED) | B(ST_IN_PROGRESS) | B(ST_WAITING))
#define WORKING (B(ST_ACCEPTED) | B(ST_DISPATCHED) | B(ST_IN_PROGRESS))

bool ticket_flow_next(ticket_status s, ticket_status resume, ticket_event_type e, ticket_status *next) {
    static const struct {
        unsigned from; /* statuses the event may follow */
        int to;        /* the status after it; -1: unchanged */
    } rules[EV_COUNT] = {
        [EV_CREATED] = {0, -1}, /* only ever the first event */
        [EV_ACCEPTED] = {B(ST_NEW), ST_ACCEPTED},
        [EV_DISPATCHED] = {B(ST_NEW) | WORKING, ST_DISPATCHED},
        [EV_STARTED] = {B(ST_DISPATCHED), ST_IN_PROGRESS},
        [EV_NOTE] = {~0u, -1},
        [EV_REPLY] = {OPEN | B(ST_COMPLETED), -1},
        [EV_COMMENT] = {OPEN | B(ST_COMPLETED), -1},
        [EV_WAITING] = {WORKING, ST_WAITING},
        [EV_COMPLETED] = {WORKING, ST_COMPLETED},
        [EV_CALLBACK] = {B(ST_COMPLETED), -1},
        [EV_CLOSED] = {B(ST_COMPLETED), ST_CLOSED},
        [EV_REOPENED] = {B(ST_COMPLETED) | B(ST_CLOSED), ST_ACCEPTED},
        [EV_ESCALATED] = {OPEN, -1},
        [EV_WITHDRAWN] = {B(ST_NEW) | B(ST_ACCEPTED) | B(ST_DISPATCHED), ST_WITHDRAWN},
        [EV_RATED] = {B(ST_COMPLETED) | B(ST_CLOSED), -1},
        [EV_OVERDUE] = {OPEN, -1},
    };
    if (s >= ST_COUNT || e >= EV_COUNT || !(rules[e].from & B(s)))
        return false;
    if (e == EV_COMMENT && s == ST_WAITING) {
        /* The resident answered: the ticket goes back to where it was. */
        *next = resume < ST_WAITING ? resume : ST_ACCEPTED;
        return true;
    }
    *next = rules[e].to < 0 ? s : (ticket_status)rules[e].to;
    return true;
}

static const char *lookup(const char *code, const char *const codes[], const char *const names[]) {
    for (int i = 0; code && codes[i]; i++)
        if (!strcmp(code, codes[i]))
            return names[i];
    return NULL;
}

const char *ticket_kind_name(const char *kind) {
    static const char *const names[] = {"报修", "投诉", "建议", "咨询", "表扬"};
    return lookup(kind, ticket_kinds, names);
}

const char *ticket_kind_prefix(const char *kind) {
    static const char *const prefixes[] = {"BX", "TS", "JY", "ZX", "BY"};
    return lookup(kind, ticket_kinds, prefixes);
}

const char *ticket_channel_name(const char *channel) {
    static const char *const names[] = {"电话", "来访", "来信", "网上", "其他"};
    return lookup(channel, ticket_channels, names);
}

const char *ticket_severity_name(const char *severity) {
    static const char *const names[] = {"一般", "紧急", "重大"};
    return lookup(severity, ticket_severities, names);
}

const char *ticket_location_name(const char *location) {
    static const char *const names[] = {"户内", "公共区域"};
    return lookup(location, ticket_locations, names);
}

bool ticket_roles_may(const char *roles, ticket_event_type e) {
    static const char *const granted[] = {"frontdesk",  "complaint", "supervisor", "manager", "admin",
                                          "technician", "cashier",   "inspector",  "clerk",   NULL};
    for (const char *const *r = granted; *r; r++)
        if (roles_has(roles, *r) && ticket_role_may(*r, e))
            return true;
    return false;
}

bool ticket_role_may(const char *role, ticket_event_type e) {
    /* Staff actions only: residents' own (comment, rate, withdraw) are not granted by roles. */
    static const struct {
        const char *role;
        unsigned events;
    } grants[] = {
#define E(x) (1u << (x))
        {"frontdesk", E(EV_CREATED) | E(EV_ACCEPTED) | E(EV_DISPATCHED) | E(EV_NOTE) | E(EV_REPLY) |
                          E(EV_WAITING) | E(EV_COMPLETED) | E(EV_CALLBACK)},
        {"complaint", E(EV_CREATED) | E(EV_ACCEPTED) | E(EV_DISPATCHED) | E(EV_NOTE) | E(EV_REPLY) |
                          E(EV_WAITING) | E(EV_COMPLETED) | E(EV_CALLBACK) | E(EV_CLOSED) | E(EV_REOPENED) |
                          E(EV_ESCALATED)},
        {"supervisor", ~0u},
        {"manager", ~0u},
        {"admin", ~0u},
        {"technician", E(EV_STARTED) | E(EV_COMPLETED) | E(EV_NOTE) | E(EV_REPLY) | E(EV_WAITING)},
        {"cashier", E(EV_CREATED) | E(EV_NOTE)},
        {"inspector", E(EV_CREATED) | E(EV_NOTE)},
        {"clerk", E(EV_CREATED) | E(EV_NOTE)},
#undef E
    };
    if (!role || e >= EV_COUNT || e == EV_COMMENT || e == EV_RATED || e == EV_WITHDRAWN || e == EV_OVERDUE)
        return false;
    for (size_t i = 0; i < sizeof grants / sizeof grants[0]; i++)
        if (!strcmp(role, grants[i].role))
            return (grants[i].events & (1u << e)) != 0;
    return false;
}

bool ticket_roles_desk(const char *roles) {
    static const char *const desk[] = {"frontdesk", "complaint", "supervisor", "manager", "admin"};
    for (size_t i = 0; i < sizeof desk / sizeof desk[0]; i++)
        if (roles_has(roles, desk[i]))
            return true;
    return false;
}

bool ticket_roles_technician_only(const char *roles) {
    return roles_has(roles, "technician") && !roles_has(roles, "frontdesk") &&
           !roles_has(roles, "complaint") && !roles_has(roles, "supervisor") && !roles_has(roles, "manager");
}
