/* ticket_flow.h: the life of a ticket as a state machine over its timeline events, with
 * the codes and Chinese names of kinds, statuses, events, channels and severities.
 * Pure: no SQL, so every transition is unit-tested. */
#ifndef WUYE_TICKET_FLOW_H
#define WUYE_TICKET_FLOW_H
#include <stdbool.h>

typedef enum {
    ST_NEW,
    ST_ACCEPTED,
    ST_DISPATCHED,
    ST_IN_PROGRESS,
    ST_WAITING,
    ST_COMPLETED,
    ST_CLOSED,
    ST_WITHDRAWN,
    ST_COUNT
} ticket_status;

typedef enum {
    EV_CREATED,
    EV_ACCEPTED,
    EV_DISPATCHED,
    EV_STARTED,
    EV_NOTE,
    EV_REPLY,
    EV_COMMENT,
    EV_WAITING,
    EV_COMPLETED,
    EV_CALLBACK,
    EV_CLOSED,
    EV_REOPENED,
    EV_ESCALATED,
    EV_WITHDRAWN,
    EV_RATED,
    EV_OVERDUE,
    EV_COUNT
} ticket_event_type;

/* Status codes as stored and in the contract's data-status ("in_progress"). */
const char *ticket_status_code(ticket_status s);
/* 中文 status names for pages ("处理中"). */
const char *ticket_status_name(ticket_status s);
/* Parses a status code; false when unknown. */
bool ticket_status_parse(const char *code, ticket_status *s);
/* Event codes as stored ("dispatched"), and their Chinese names ("已派工"). */
const char *ticket_event_code(ticket_event_type e);
const char *ticket_event_name(ticket_event_type e);
bool ticket_event_parse(const char *code, ticket_event_type *e);
/* The earlier of two due times (unix seconds), 0 meaning none. */
long long ticket_earliest_due(long long a, long long b);
/* True for statuses in which work is still owed (new .. waiting). */
bool ticket_status_open(ticket_status s);

/* The status after event e on a ticket in status s; resume is where a waiting ticket
 * returns. False when e makes no sense in s (the page answers 409, nothing written). */
bool ticket_flow_next(ticket_status s, ticket_status resume, ticket_event_type e, ticket_status *next);

/* True when a staff member holding role (a role code) may perform e. Technicians act
 * only on tickets assigned to them: the caller checks the assignee. */
bool ticket_role_may(const char *role, ticket_event_type e);

/* True when roles (a comma list) holds a desk role (frontdesk, complaint, supervisor,
 * manager, admin); staff without one work only on tickets assigned to them. */
bool ticket_roles_desk(const char *roles);

/* True when roles holds technician and no role of the desk that takes requests
 * (frontdesk, complaint, supervisor, manager): such staff see and work only on the
 * tickets assigned to them. */
bool ticket_roles_technician_only(const char *roles);

/* Kinds, channels, severities, locations: code <-> Chinese name. NULL for unknown codes. */
const char *ticket_kind_name(const char *kind);
/* The two-letter prefix of a kind's ticket codes: BX 报修, TS 投诉, JY 建议, ZX 咨询, BY 表扬. */
const char *ticket_kind_prefix(const char *kind);
const char *ticket_channel_name(const char *channel);
const char *ticket_severity_name(const char *severity);
const char *ticket_location_name(const char *location);

/* The choices of the contract's fields, NULL-terminated, for field tables. */
extern const char *const ticket_kinds[];
extern const char *const ticket_channels[];
extern const char *const ticket_severities[];
extern const char *const ticket_locations[];
extern const char *const ticket_statuses[];

/* True when any role of roles, a comma list such as "frontdesk,cashier" (page_user's
 * roles), may perform e: ticket_role_may for each. */
bool ticket_roles_may(const char *roles, ticket_event_type e);

#endif
