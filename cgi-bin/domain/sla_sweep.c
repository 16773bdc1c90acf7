/* sla_sweep.c: the SQL and rules of the time-limit sweep: overdue events, escalation
 * to the supervisors and then the office manager, and their outbox messages. */
#include "sla_sweep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/log.h"

#define BATCH 500

/* Waiting tickets are left out on purpose: their clocks pause while the resident owes
 * an answer. Completed, closed and withdrawn tickets owe nothing. */
#define OPEN_STATUSES "('new','accepted','dispatched','in_progress')"
#define TICKET_COLUMNS                                                                                       \
    "t.id, t.community_id, t.code, t.status, t.breached, t.escalation_level, "                               \
    "UNIX_TIMESTAMP(t.respond_due), UNIX_TIMESTAMP(t.onsite_due), UNIX_TIMESTAMP(t.resolve_due), "           \
    "t.responded_at IS NOT NULL, t.onsite_at IS NOT NULL, t.completed_at IS NOT NULL, "                      \
    "COALESCE(UNIX_TIMESTAMP(t.manager_at), 0)"
/* A ticket without a policy (deleted since) goes to the manager after the schema's
 * default of a day. */
#define MANAGER_AFTER                                                                                        \
    "COALESCE((SELECT p.manager_after_minutes FROM sla_policy p WHERE p.community_id = t.community_id "      \
    "AND p.kind = t.kind AND p.severity = t.severity), 1440)"

static const struct {
    unsigned bit;
    const char *clock;
    const char *text;
} clocks[] = {
    {SLA_BREACH_RESPOND, "respond", "超过首次响应时限"},
    {SLA_BREACH_ONSITE, "onsite", "超过上门时限"},
    {SLA_BREACH_RESOLVE, "resolve", "超过处理完成时限"},
};

static const struct {
    const char *role;
    const char *event_text;
    const char *message; /* printf format: the ticket code */
} levels[3] = {
    {NULL, NULL, NULL},
    {"supervisor", "超时未处理，已升级至客服主管", "工单%s超时未处理，已升级至客服主管，请尽快跟进。"},
    {"manager", "超时仍未处理，已升级至管理处主任", "工单%s超时仍未处理，已升级至管理处主任，请尽快跟进。"},
};

unsigned sla_sweep_missed(const sla_clock_state *t, long long now) {
    unsigned missed = 0;
    if (t->respond_due && t->respond_due < now && !t->responded)
        missed |= SLA_BREACH_RESPOND;
    if (t->onsite_due && t->onsite_due < now && !t->onsite)
        missed |= SLA_BREACH_ONSITE;
    if (t->resolve_due && t->resolve_due < now && !t->completed)
        missed |= SLA_BREACH_RESOLVE;
    return missed & ~t->breached;
}

long long sla_sweep_manager_at(const sla_clock_state *t, unsigned breached) {
    /* A promise kept late no longer needs the manager: only the still-unkept ones count. */
    unsigned open =
        breached & ~((t->responded ? SLA_BREACH_RESPOND : 0u) | (t->onsite ? SLA_BREACH_ONSITE : 0u) |
                     (t->completed ? SLA_BREACH_RESOLVE : 0u));
    long long earliest = 0;
    const long long dues[3] = {t->respond_due, t->onsite_due, t->resolve_due};
    for (int i = 0; i < 3; i++)
        if ((open & clocks[i].bit) && dues[i] && (!earliest || dues[i] < earliest))
            earliest = dues[i];
    return earliest ? earliest + (long long)t->manager_after_minutes * 60 : 0;
}

int sla_sweep_level(const sla_clock_state *t, unsigned missed, long long now) {
    int level = t->escalation_level;
    if (missed && level < 1)
        level = 1;
    if (level != 1)
        return level;
    long long manager_at = sla_sweep_manager_at(t, t->breached | missed);
    return manager_at && now > manager_at ? 2 : 1;
}

/* The status to report of two: a lost database outranks an error, an error outranks OK. */
static db_status worse(db_status first, db_status next) {
    if (first == DB_UNAVAILABLE || next == DB_UNAVAILABLE)
        return DB_UNAVAILABLE;
    return first != DB_OK ? first : next;
}

typedef struct sweep_ticket {
    long long id;
    long long community_id;
    char code[96];
    char status[16];
    sla_clock_state clocks;
    long long manager_at; /* 0: none */
} sweep_ticket;

/* Reads one row of TICKET_COLUMNS (and MANAGER_AFTER when with_manager). */
static void read_ticket(const db_rows *r, size_t row, bool with_manager, sweep_ticket *out) {
    memset(out, 0, sizeof *out);
    out->id = db_cell_int(r, row, 0);
    out->community_id = db_cell_int(r, row, 1);
    snprintf(out->code, sizeof out->code, "%s", db_cell(r, row, 2) ? db_cell(r, row, 2) : "");
    snprintf(out->status, sizeof out->status, "%s", db_cell(r, row, 3) ? db_cell(r, row, 3) : "");
    out->clocks.breached = (unsigned)db_cell_int(r, row, 4);
    out->clocks.escalation_level = (int)db_cell_int(r, row, 5);
    out->clocks.respond_due = db_cell_int(r, row, 6);
    out->clocks.onsite_due = db_cell_int(r, row, 7);
    out->clocks.resolve_due = db_cell_int(r, row, 8);
    out->clocks.responded = db_cell_int(r, row, 9) != 0;
    out->clocks.onsite = db_cell_int(r, row, 10) != 0;
    out->clocks.completed = db_cell_int(r, row, 11) != 0;
    out->manager_at = db_cell_int(r, row, 12);
    if (with_manager)
        out->clocks.manager_after_minutes = (long)db_cell_int(r, row, 13);
}

/* What a sweep at now changes of a ticket: the promises newly missed, the level, and the
 * time a ticket left at level 1 goes to the manager (kept as it is at other levels). */
typedef struct sweep_plan {
    unsigned missed;
    int level;
    long long manager_at;
} sweep_plan;

static sweep_plan plan_of(const sweep_ticket *t, long long now) {
    sweep_plan p = {sla_sweep_missed(&t->clocks, now), 0, t->manager_at};
    p.level = sla_sweep_level(&t->clocks, p.missed, now);
    if (p.level == 1)
        p.manager_at = sla_sweep_manager_at(&t->clocks, t->clocks.breached | p.missed);
    return p;
}

static bool plan_changes(const sweep_ticket *t, const sweep_plan *p) {
    return p->missed || p->level != t->clocks.escalation_level || p->manager_at != t->manager_at;
}

/* Appends a system event to the timeline; *event_id is the new row's id. */
static db_status add_event(const sweep_ticket *t, const char *type, const char *text, const char *clock,
                           int level, long long now, long long *event_id) {
    static db_stmt st =
        DB_STMT("sla_sweep_event",
                "INSERT INTO ticket_event (ticket_id, community_id, type, actor_kind, actor_id, at, "
                "public, text, clock, level, status_after) "
                "VALUES (?, ?, ?, 'system', NULL, FROM_UNIXTIME(?), 0, ?, ?, ?, ?)");
    db_arg args[8] = {DB_INT(t->id),
                      DB_INT(t->community_id),
                      DB_TEXT(type),
                      DB_INT(now),
                      DB_TEXT(text),
                      clock ? DB_TEXT(clock) : DB_NULL,
                      level ? DB_INT(level) : DB_NULL,
                      DB_TEXT(t->status)};
    db_rows rows;
    db_status s = db_exec(&st, args, 8, NULL, &rows);
    if (s == DB_OK)
        *event_id = (long long)rows.insert_id;
    return s;
}

/* One outbox message for each active staff member holding role in the community. */
static db_status notify_role(arena *a, const sweep_ticket *t, const char *role, const char *format,
                             long long event_id, long long now) {
    static db_stmt st = DB_STMT(
        "sla_sweep_outbox",
        "INSERT INTO outbox (community_id, staff_id, phone, ticket_id, event_id, message, created_at) "
        "SELECT g.community_id, s.id, s.phone, ?, ?, ?, FROM_UNIXTIME(?) FROM staff_role g "
        "JOIN role r ON r.id = g.role_id JOIN staff s ON s.id = g.staff_id "
        "WHERE g.community_id = ? AND r.code = ? AND s.disabled = 0 ORDER BY s.id");
    const char *message = arena_printf(a, format, t->code);
    if (!message)
        return DB_ERROR;
    db_arg args[6] = {DB_INT(t->id), DB_INT(event_id),        DB_TEXT(message),
                      DB_INT(now),   DB_INT(t->community_id), DB_TEXT(role)};
    return db_exec(&st, args, 6, NULL, NULL);
}

/* The changes of one ticket, inside the caller's transaction on the locked row. */
static db_status apply_changes(arena *a, const sweep_ticket *t, const sweep_plan *p, long long now) {
    static db_stmt update = DB_STMT(
        "sla_sweep_update", "UPDATE ticket SET breached = ?, escalation_level = ?, last_event_id = ?, "
                            "manager_at = FROM_UNIXTIME(?), updated_at = FROM_UNIXTIME(?) WHERE id = ?");
    /* Only the manager's time moves: no event, and the ticket is not updated for anyone. */
    static db_stmt manager =
        DB_STMT("sla_sweep_manager_at", "UPDATE ticket SET manager_at = FROM_UNIXTIME(?) WHERE id = ?");
    unsigned missed = p->missed;
    int level = p->level;
    if (!missed && level == t->clocks.escalation_level) {
        db_arg margs[2] = {db_int_or_null(p->manager_at), DB_INT(t->id)};
        return db_exec(&manager, margs, 2, NULL, NULL);
    }
    long long event_id = 0;
    db_status s = DB_OK;
    for (size_t i = 0; s == DB_OK && i < sizeof clocks / sizeof clocks[0]; i++)
        if (missed & clocks[i].bit)
            s = add_event(t, "overdue", clocks[i].text, clocks[i].clock, 0, now, &event_id);
    for (int step = t->clocks.escalation_level + 1; s == DB_OK && step <= level && step <= 2; step++) {
        s = add_event(t, "escalated", levels[step].event_text, NULL, step, now, &event_id);
        if (s == DB_OK)
            s = notify_role(a, t, levels[step].role, levels[step].message, event_id, now);
    }
    if (s != DB_OK)
        return s;
    db_arg args[6] = {DB_INT(t->clocks.breached | missed), DB_INT(level), DB_INT(event_id),
                      db_int_or_null(p->manager_at),       DB_INT(now),   DB_INT(t->id)};
    return db_exec(&update, args, 6, NULL, NULL);
}

/* Locks the ticket, decides again on what is stored now (a page may have answered it
 * since the scan, or another sweep marked it), and writes the changes. */
static db_status sweep_one(arena *a, const sweep_ticket *seen, long long now, sla_sweep_counts *counts) {
    static db_stmt lock = DB_STMT("sla_sweep_lock", "SELECT " TICKET_COLUMNS " FROM ticket t WHERE t.id = ? "
                                                    "AND t.status IN " OPEN_STATUSES " FOR UPDATE");
    db_status s = db_begin();
    if (s != DB_OK)
        return s;
    db_rows rows;
    db_arg args[1] = {DB_INT(seen->id)};
    s = db_exec(&lock, args, 1, a, &rows);
    if (s != DB_OK || rows.count == 0) {
        db_rollback();
        return s;
    }
    sweep_ticket t;
    read_ticket(&rows, 0, false, &t);
    t.clocks.manager_after_minutes = seen->clocks.manager_after_minutes;
    sweep_plan p = plan_of(&t, now);
    if (!plan_changes(&t, &p)) {
        db_rollback();
        return DB_OK;
    }
    s = apply_changes(a, &t, &p, now);
    if (s == DB_OK)
        s = db_commit();
    else
        db_rollback();
    if (s != DB_OK)
        return s;
    if (p.missed)
        counts->overdue++;
    if (p.level != t.clocks.escalation_level)
        counts->escalated++;
    return DB_OK;
}

/* Handles a batch already copied out of the arena; stops only when the database is gone. */
static db_status sweep_batch(arena *a, const sweep_ticket *batch, size_t n, long long now,
                             sla_sweep_counts *counts) {
    db_status first = DB_OK;
    for (size_t i = 0; i < n; i++) {
        counts->checked++;
        sweep_plan p = plan_of(&batch[i], now);
        if (!plan_changes(&batch[i], &p))
            continue;
        arena_reset(a);
        db_status s = sweep_one(a, &batch[i], now, counts);
        if (s == DB_OK)
            continue;
        counts->failed++;
        log_error("sla sweep: ticket %lld not updated", batch[i].id);
        first = worse(first, s);
        if (s == DB_UNAVAILABLE)
            break;
    }
    return first;
}

/* The tickets whose sweep_at has passed, BATCH at a time in (sweep_at, id) order, through
 * ticket_sweep: in every community at once. A ticket swept moves on to a later sweep_at (or
 * none), so each is read once. */
static db_status sweep_due(arena *a, sweep_ticket *batch, long long now, sla_sweep_counts *counts) {
    static db_stmt scan =
        DB_STMT("sla_sweep_scan",
                "SELECT " TICKET_COLUMNS ", " MANAGER_AFTER ", UNIX_TIMESTAMP(t.sweep_at) "
                "FROM ticket t WHERE t.sweep_at < FROM_UNIXTIME(?) AND t.status IN " OPEN_STATUSES
                " AND (t.sweep_at > FROM_UNIXTIME(?) OR (t.sweep_at = FROM_UNIXTIME(?) AND t.id > ?)) "
                "ORDER BY t.sweep_at, t.id LIMIT ?");
    db_status first = DB_OK;
    long long after_at = 0, after_id = 0;
    for (;;) {
        arena_reset(a);
        db_rows rows;
        db_arg args[5] = {DB_INT(now), DB_INT(after_at), DB_INT(after_at), DB_INT(after_id), DB_INT(BATCH)};
        db_status s = db_exec(&scan, args, 5, a, &rows);
        if (s != DB_OK)
            return worse(first, s);
        for (size_t i = 0; i < rows.count; i++)
            read_ticket(&rows, i, true, &batch[i]);
        size_t n = rows.count;
        if (n == 0)
            return first;
        after_at = db_cell_int(&rows, n - 1, 14);
        after_id = batch[n - 1].id;
        first = worse(first, sweep_batch(a, batch, n, now, counts));
        if (first == DB_UNAVAILABLE || n < BATCH)
            return first;
    }
}

static db_status sweep_ticket_only(arena *a, sweep_ticket *batch, long long ticket_id, long long now,
                                   sla_sweep_counts *counts) {
    static db_stmt one =
        DB_STMT("sla_sweep_scan_one", "SELECT " TICKET_COLUMNS ", " MANAGER_AFTER
                                      " FROM ticket t WHERE t.id = ? AND t.status IN " OPEN_STATUSES);
    db_rows rows;
    db_arg args[1] = {DB_INT(ticket_id)};
    db_status s = db_exec(&one, args, 1, a, &rows);
    if (s != DB_OK || rows.count == 0)
        return s;
    read_ticket(&rows, 0, true, &batch[0]);
    return sweep_batch(a, batch, 1, now, counts);
}

db_status sla_sweep_run(long long now, long long ticket_id, sla_sweep_counts *counts) {
    memset(counts, 0, sizeof *counts);
    arena *scratch = arena_new();
    sweep_ticket *batch = calloc(BATCH, sizeof *batch);
    db_status first = DB_OK;
    if (!scratch || !batch) {
        log_error("sla sweep: out of memory");
        first = DB_ERROR;
    } else if (ticket_id) {
        first = sweep_ticket_only(scratch, batch, ticket_id, now, counts);
    } else {
        first = sweep_due(scratch, batch, now, counts);
    }
    free(batch);
    arena_free(scratch);
    return first;
}
