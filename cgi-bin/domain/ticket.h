/* ticket.h: requests (报修, 投诉, 建议, 咨询, 表扬): creating them, reading them with
 * their timelines and photos, and applying the actions of their life. All SQL of
 * tickets lives in ticket*.c.
 *
 * Functions answer an int: 0 when done; a negative db_status when the database
 * failed (the page answers 500 or 503: page_db_error); or an HTTP status (403, 404,
 * 409, 422) with *message set to a sentence in Chinese, and for 422 *field naming the
 * form field at fault. Nothing is written when the answer is not 0. */
#ifndef WUYE_TICKET_H
#define WUYE_TICKET_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "ticket_flow.h"

#define TICKET_MAX_PHOTOS 3
#define TICKET_PHOTO_MAX_BYTES (5 * 1024 * 1024)
#define TICKET_REOPEN_DAYS 7

/* The outcome of a refused request, filled by the functions below. */
typedef struct ticket_refusal {
    const char *message; /* what went wrong, in Chinese */
    const char *field;   /* 422: the field at fault, else NULL */
} ticket_refusal;

/* Fills why (when not NULL) with field and message and answers status: how the
 * functions of ticket*.c refuse. */
int ticket_refuse(ticket_refusal *why, int status, const char *field, const char *message);

typedef struct ticket_category {
    long long id;
    const char *kind;
    const char *code;
    const char *name;
    long long department_id;
    const char *department_name;
} ticket_category;

/* The community's active categories, by kind and sort order. */
int ticket_categories(arena *a, long long community_id, ticket_category **out, size_t *count);

typedef struct ticket_photo_upload {
    const char *data;
    size_t len;
} ticket_photo_upload;

/* The image type of data by its content ("image/jpeg", "image/png", "image/webp"), or
 * NULL: the name and the declared type are never trusted. */
const char *ticket_photo_type(const char *data, size_t len);

/* A new ticket as entered on the portal or at the counter. */
typedef struct ticket_draft {
    long long community_id;
    const char *zone;          /* the community's time zone (the session's), or NULL to read it */
    const char *kind;          /* repair, complaint, suggestion, inquiry, praise */
    const char *category_code; /* a code of ticket_categories for that kind */
    const char *location;      /* home, common */
    long long unit_id;         /* home: the unit (required); common: 0 or the reporter's unit */
    const char *place;         /* common: where (required) */
    const char *description;
    const char *channel;           /* web, phone, visit, letter, other */
    const char *severity;          /* normal, urgent, major */
    long long reporter_account_id; /* 0 when taken by staff for someone without an account */
    const char *reporter_name;
    const char *reporter_phone;
    long long preferred_time; /* unix seconds; 0: none */
    char actor_kind;          /* 'r' resident or 's' staff: who records it */
    long long actor_id;
    long long now;
    ticket_photo_upload photos[TICKET_MAX_PHOTOS];
    size_t photo_count;
    /* Optional: called inside the creating transaction once the ticket's rows are written,
     * to write rows that must stand or fall with it (e.g. survey_ticket). It answers like
     * ticket_create: 0, a db_status < 0, or an HTTP status with why filled (all rolled back). */
    int (*after_insert)(arena *a, long long ticket_id, void *data, ticket_refusal *why);
    void *after_data;
} ticket_draft;

/* Records a new ticket in one transaction: its code (unique in the community, from a
 * locked counter), its time limits, the created event (and, taken by staff, accepted
 * by them: 首问负责), its photos stored under upload_dir/tickets/. */
int ticket_create(arena *a, const ticket_draft *d, const char *upload_dir, long long *id, const char **code,
                  ticket_refusal *why);

/* The unit of a community by its code (1-1-101); *unit_id 0 when there is none. */
int ticket_unit_find(arena *a, long long community_id, const char *code, long long *unit_id);

/* One ticket as the pages show it. Times are unix seconds, 0 when unset. */
typedef struct ticket_view {
    long long id;
    long long community_id;
    const char *code;
    const char *kind;
    long long category_id;
    const char *category_name;
    const char *location;
    long long unit_id;
    const char *unit_code; /* "" when none */
    const char *place;
    const char *description;
    const char *channel;
    const char *severity;
    long long reporter_account_id;
    const char *reporter_name;
    const char *reporter_phone;
    long long preferred_time;
    char created_by_kind;
    const char *created_by_name;
    ticket_status status;
    ticket_status resume_status;
    long long created_at, updated_at;
    long long respond_due, onsite_due, resolve_due, next_due;
    long long responded_at, onsite_at, completed_at, closed_at, waiting_since;
    int breached;         /* bits: 1 respond, 2 onsite, 4 resolve */
    int escalation_level; /* 0, 1 supervisor, 2 office manager */
    long long charge_fen;
    bool callback_done;
    int rating; /* 0: not rated */
    long long last_event_id, last_public_event_id;
    long long owner_staff_id;
    const char *owner_name;
    long long department_id;
    const char *department_name;
    long long assignee_staff_id;
    const char *assignee_name;
    long long seen_event_id; /* ticket_load_for_resident: how far the account has read (0: never) */
    bool has_photos;         /* ticket_photos reads them only then */
} ticket_view;

/* The ticket id of the community, for staff (404 when there is none). */
int ticket_load(arena *a, long long community_id, long long id, ticket_view *out, ticket_refusal *why);
/* The ticket id for a resident: 404 unless it belongs to their household (they
 * reported it, or it is about the unit they act for). */
int ticket_load_for_resident(arena *a, long long account_id, long long id, ticket_view *out,
                             ticket_refusal *why);

typedef struct ticket_event_view {
    long long id;
    ticket_event_type type;
    char actor_kind; /* 'r', 's', or 'y' for the system */
    const char *actor_name;
    long long at;
    bool public;
    const char *text;
    const char *department_name; /* dispatched */
    const char *assignee_name;   /* dispatched */
    long long visit_at;          /* dispatched: agreed visit time, 0 none */
    int score;                   /* callback, rated: 1-5, 0 none */
    int reached;                 /* callback: 1 reached, 0 not, -1 n/a */
    long long charge_fen;        /* completed: -1 n/a */
    const char *clock;           /* overdue: respond, onsite, resolve */
    int level;                   /* escalated */
    ticket_status status_after;
} ticket_event_view;

/* The timeline, oldest first; public_only leaves out what residents do not see. */
int ticket_events(arena *a, long long ticket_id, bool public_only, ticket_event_view **out, size_t *count);

typedef struct ticket_photo_view {
    long long id;
    const char *content_type;
    long long size_bytes;
    const char *file_name; /* under upload_dir/tickets/ */
    long long ticket_id;
} ticket_photo_view;

/* The photos of ticket t (no statement when t->has_photos says it has none). */
int ticket_photos(arena *a, const ticket_view *t, ticket_photo_view **out, size_t *count);
/* One photo by id (404 when there is none); the page then checks access to its ticket. */
int ticket_photo(arena *a, long long photo_id, ticket_photo_view *out, ticket_refusal *why);

/* An action on a ticket: the event to append and its details. */
typedef struct ticket_action {
    ticket_event_type type;
    char actor_kind; /* 'r' or 's' ('y' for the system) */
    long long actor_id;
    const char *actor_roles; /* staff: their role codes in the community, "frontdesk,cashier" */
    long long now;
    const char *text;        /* note, reply, comment, waiting, completed (resolution), callback,
                                reopened (reason), escalated, rated (comment), withdrawn */
    long long department_id; /* dispatched */
    long long assignee_id;   /* dispatched: 0 = the department, no one yet */
    long long visit_at;      /* dispatched: agreed visit time, 0 none */
    int score;               /* callback (0 none), rated (1-5) */
    int reached;             /* callback: 1 or 0 */
    long long charge_fen;    /* completed: paid repair charge, 0 free */
    const char *reasons;     /* rated: chosen reason tags joined by "、", may be "" */
} ticket_action;

/* Applies act to ticket id of the community in one transaction: locks the ticket,
 * refuses what makes no sense (409) or is not the actor's to do (403), appends the
 * event, updates the derived columns, and queues a message for the resident when
 * they should hear of it (outbox). */
int ticket_apply(arena *a, long long community_id, long long id, const ticket_action *act,
                 ticket_refusal *why);

/* Filters of the ticket lists. Unset members (0, NULL, false) do not filter. */
typedef struct ticket_filter {
    long long community_id;
    long long account_id; /* resident lists: the household of this account ... */
    long long unit_id;    /* ... and this unit; without an account: this unit only */
    const char *status;   /* a status code, or "open" (new..waiting) / "closed" (the rest) */
    const char *kind;
    long long category_id;
    long long department_id;
    long long assignee_id;
    bool overdue;      /* next_due before now */
    bool due_soon;     /* next_due within 2 hours */
    bool callbacks;    /* completed and not yet called back, oldest first */
    const char *query; /* a code, a unit code, a phone, or words of the description */
    bool sort_by_due;  /* else newest first */
    long long now;
    int page; /* 1-based */
    int per_page;
    long long count_cap; /* count at most this many and one more (0: count all) */
} ticket_filter;

typedef struct ticket_row {
    long long id;
    const char *code;
    const char *kind;
    const char *category_name;
    ticket_status status;
    const char *severity;
    const char *unit_code;
    const char *place;
    const char *description; /* the first 60 characters */
    const char *reporter_name;
    const char *reporter_phone;
    const char *department_name;
    const char *assignee_name;
    long long created_at, next_due, completed_at;
    int breached, escalation_level, rating;
    long long last_public_event_id;
    long long seen_event_id;   /* resident lists: how far the account has read */
    const char *latest_public; /* resident lists: the latest public event's Chinese name */
} ticket_row;

/* A text search of one character (no pair of characters to look up in ticket_gram) looks
 * among the community's newest this many tickets only; the queue says so. */
#define TICKET_SEARCH_SHORT_WINDOW 2000

/* One page of tickets and the matching count (at most count_cap + 1; total NULL: not
 * counted). */
int ticket_list(arena *a, const ticket_filter *f, ticket_row **rows, size_t *count, long long *total);
/* For the resident's home: the household's open tickets and those with news since the
 * account last looked, newest change first (at most limit), among the household's latest
 * TICKET_HOME_WINDOW tickets by reporter and by unit (the ticket list shows all of them). */
#define TICKET_HOME_WINDOW 100
int ticket_home(arena *a, long long account_id, long long unit_id, int limit, ticket_row **rows,
                size_t *count);
/* The queue's "due soon": a due at most this far ahead. */
#define TICKET_DUE_SOON_SECONDS 7200
/* *at = the earliest next due of the community's tickets at or after from (0: none): when
 * the overdue and due-soon lists take in or let go a ticket with no row changed. */
int ticket_next_due(arena *a, long long community_id, long long from, long long *at);
/* Records that the account has read the ticket's timeline up to last_event_id. */
int ticket_mark_seen(long long account_id, long long ticket_id, long long last_event_id);

/* Staff who may be dispatched to: members of the community with their department. */
typedef struct ticket_staff {
    long long id;
    const char *name;
    long long department_id;
    const char *department_name;
} ticket_staff;
int ticket_dispatch_choices(arena *a, long long community_id, ticket_staff **staff, size_t *count);

typedef struct ticket_department {
    long long id;
    const char *code;
    const char *name;
} ticket_department;
int ticket_departments(arena *a, long long community_id, ticket_department **out, size_t *count);

#endif
