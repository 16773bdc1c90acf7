/* ticket_view.h: the ticket pages' view dictionaries filled from what the domain read:
 * the timeline (for staff or for the resident), the staff's facts and time limits of one
 * ticket, a resident's list row, and the words they share. No SQL: the pages load, these
 * only fill. Times are shown in the community's zone. */
#ifndef WUYE_TICKET_VIEW_H
#define WUYE_TICKET_VIEW_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/view.h"
#include "ticket.h"

/* "剩余 3 小时" or "已超时 2 小时" (minutes under an hour) until or since due; "" for 0. */
const char *ticket_due_words(arena *a, long long due, long long now);
/* The first second after now at which the queue shows a due differently: its words
 * (ticket_due_words), past or not, within two hours or not. Never later than the real
 * change; LLONG_MAX for no due (0). */
long long ticket_due_changes_at(long long due, long long now);
/* "已升级至客服主管" (level 1), "已升级至管理处主任" (2 and above), or "" (0). */
const char *ticket_escalation_name(int level);
/* The visit time agreed at the latest dispatch of the timeline, 0 when none. */
long long ticket_latest_visit(const ticket_event_view *events, size_t count);

/* Adds an EVENT section to v per event, oldest first: EVENT_ID, TYPE, NAME, AT, DATETIME,
 * ACTOR, ACTOR_KIND, STATUS_AFTER, INTERNAL, BY_RESIDENT, TEXT{VALUE} and DETAIL{VALUE}
 * lines, worded for staff (staff) or for the resident who reported it. */
void ticket_fill_timeline(view *v, arena *a, const char *zone, const ticket_event_view *events, size_t count,
                          bool staff);
/* Sets the staff's facts of t in v (codes and names, place, people, charge, callback,
 * rating) and its time limits: DUE_ROW per limit, NEXT_DUE, WAITING, BREACHES. */
void ticket_fill_facts(view *v, arena *a, const char *zone, long long now, const ticket_view *t);
/* Sets a resident's list row of t in row: ID, CODE, STATUS, STATUS_NAME, KIND (its
 * name), CATEGORY, DESCRIPTION. */
void ticket_fill_resident_row(view *row, const ticket_row *t);

#endif
