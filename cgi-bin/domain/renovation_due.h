/* renovation_due.h: 巡查日程, the decoration inspector's day for a community: the open
 * violation notices by deadline (past-deadline first) and the active sites due for a
 * patrol (never patrolled, or not for the setting renovation_patrol_days days). */
#ifndef WUYE_RENOVATION_DUE_H
#define WUYE_RENOVATION_DUE_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"

/* An open or escalated violation notice. */
typedef struct renovation_due_violation {
    long long id, renovation_id;
    const char *unit_code, *notice_no, *rule;
    const char *deadline; /* YYYY-MM-DD */
    const char *state;    /* open, escalated */
    int days_over;        /* today minus the deadline: > 0 past it */
} renovation_due_violation;

/* An active site due for a patrol. */
typedef struct renovation_due_site {
    long long id;
    const char *unit_code, *permit_no, *permit_from, *permit_to;
    const char *state;       /* permitted, inspecting (waiting for acceptance) */
    const char *last_patrol; /* YYYY-MM-DD, "" when never patrolled */
    int days_since;          /* since the last patrol, or since the permit's start when never */
} renovation_due_site;

typedef struct renovation_day {
    renovation_due_violation *violations;
    size_t violation_count;
    size_t overdue_count; /* of the violations, past their deadline */
    renovation_due_site *sites;
    size_t site_count;
    size_t inspecting_count; /* of the due sites, waiting for acceptance */
    long long active_count;  /* every active site of the community */
} renovation_day;

/* The day of community_id as of local date today (YYYY-MM-DD), a site being due after
 * patrol_days days without a patrol: the violations past-deadline first then by deadline;
 * the sites never patrolled first, then the longest waiting. */
db_status renovation_day_load(arena *a, long long community_id, const char *today, int patrol_days,
                              renovation_day *out);

#endif
