/* sla_sweep.h: the every-minute check of the time limits: open tickets whose promises
 * ran out get an overdue event, go to the supervisors, and later to the office manager. */
#ifndef WUYE_SLA_SWEEP_H
#define WUYE_SLA_SWEEP_H
#include "../core/db.h"
#include <stdbool.h>

/* The bits of ticket.breached. */
enum { SLA_BREACH_RESPOND = 1, SLA_BREACH_ONSITE = 2, SLA_BREACH_RESOLVE = 4 };

/* What the sweep needs to know of a ticket's clocks (unix seconds; 0: no promise). */
typedef struct sla_clock_state {
    long long respond_due, onsite_due, resolve_due;
    bool responded, onsite, completed; /* the promise was kept, late or not */
    unsigned breached;                 /* SLA_BREACH_* bits already recorded */
    int escalation_level;              /* 0 none, 1 supervisor, 2 office manager */
    long manager_after_minutes;        /* from the ticket's policy */
} sla_clock_state;

/* The breach bits newly missed at now: due passed, promise not kept, bit not yet set. */
unsigned sla_sweep_missed(const sla_clock_state *t, long long now);
/* The escalation level after a sweep at now that records missed: 1 when a new breach
 * finds no escalation yet; 2 once a level-1 ticket's earliest still-unkept breached
 * promise is more than manager_after_minutes past due. Never lower than the current. */
int sla_sweep_level(const sla_clock_state *t, unsigned missed, long long now);
/* When a level-1 ticket with breached bits breached goes to the office manager: its
 * earliest breached promise still not kept, manager_after_minutes later (the sweep sends it
 * once now is past that). 0 when no breached promise is still open. */
long long sla_sweep_manager_at(const sla_clock_state *t, unsigned breached);

typedef struct sla_sweep_counts {
    long checked;   /* open tickets looked at */
    long overdue;   /* tickets that got at least one overdue event */
    long escalated; /* tickets whose escalation level rose */
    long failed;    /* tickets whose transaction failed (logged, rolled back) */
} sla_sweep_counts;

/* Sweeps the open tickets of every community at now (only ticket_id when it is not 0),
 * one transaction per changed ticket; running it again at the same now changes nothing.
 * It reads only the tickets whose sweep_at (schema/0021_sla_sweep_at.sql) has passed, and
 * moves a ticket it leaves at level 1 on to its manager_at.
 * DB_OK, or the first failure: after DB_UNAVAILABLE it stops, after other errors it goes
 * on with the next ticket. */
db_status sla_sweep_run(long long now, long long ticket_id, sla_sweep_counts *counts);

#endif
