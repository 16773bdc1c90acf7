/* sla_store.h: a community's time-limit policies and working calendar, as stored
 * (sla_policy, work_hours, work_holiday, community.time_zone), for sla.h. */
#ifndef WUYE_SLA_STORE_H
#define WUYE_SLA_STORE_H
#include "../core/arena.h"
#include "../core/db.h"
#include "sla.h"
#include <stdbool.h>

/* The policy of a kind and severity in the community (kind and severity as stored:
 * "repair", "urgent"); *found is false when the community has none. */
db_status sla_load_policy(arena *a, long long community_id, const char *kind, const char *severity,
                          sla_policy *out, bool *found);
/* The community's working hours, holidays, make-up working days and time zone; the
 * arrays and the zone live in the arena. An unknown community gives an empty calendar. */
db_status sla_load_calendar(arena *a, long long community_id, const char *zone, sla_calendar *out);

#endif
