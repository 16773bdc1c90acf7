/* ticket_list.c: the lists of tickets: the office queue with its filters, a household's
 * tickets, the callback queue, the resident's home, and what a resident has read. */
#include "ticket.h"

#include <string.h>

#define LIST_COLUMNS                                                                                         \
    "t.id, t.code, t.kind, c.name, t.status, t.severity, COALESCE(u.code, ''), t.place, "                    \
    "LEFT(t.description, 60), "                                                                              \
    "t.reporter_name, t.reporter_phone, COALESCE(d.name, ''), COALESCE(s.name, ''), "                        \
    "UNIX_TIMESTAMP(t.created_at), "                                                                         \
    "COALESCE(UNIX_TIMESTAMP(t.next_due), 0), COALESCE(UNIX_TIMESTAMP(t.completed_at), 0), t.breached, "     \
    "t.escalation_level, COALESCE(t.rating, 0), t.last_public_event_id, COALESCE(sn.last_event_id, 0), "     \
    "COALESCE((SELECT type FROM ticket_event WHERE id = t.last_public_event_id), '') "

#define LIST_FROM                                                                                            \
    "FROM ticket t JOIN ticket_category c ON c.id = t.category_id LEFT JOIN unit u ON u.id = t.unit_id "     \
    "LEFT JOIN department d ON d.id = t.department_id LEFT JOIN staff s ON s.id = t.assignee_staff_id "      \
    "LEFT JOIN ticket_seen sn ON sn.ticket_id = t.id AND sn.account_id = ? "

/* Every filter is always present; an unset one is switched off by its own parameter, so
 * one prepared statement serves every combination. */
#define LIST_WHERE                                                                                           \
    "WHERE t.community_id = ? "                                                                              \
    "AND ((? = 0 AND (? = 0 OR t.unit_id = ?)) OR t.reporter_account_id = ? OR (? <> 0 AND t.unit_id = ?)) " \
    "AND (? = '' OR t.status = ? OR (? = 'open' AND t.status IN "                                            \
    "('new','accepted','dispatched','in_progress',"                                                          \
    "'waiting')) OR (? = 'closed' AND t.status IN ('completed','closed','withdrawn'))) "                     \
    "AND (? = '' OR t.kind = ?) AND (? = 0 OR t.category_id = ?) AND (? = 0 OR t.department_id = ?) "        \
    "AND (? = 0 OR t.assignee_staff_id = ?) AND (? = 0 OR t.next_due < FROM_UNIXTIME(?)) "                   \
    "AND (? = 0 OR t.next_due BETWEEN FROM_UNIXTIME(?) AND FROM_UNIXTIME(? + 7200)) "                        \
    "AND (? = 0 OR (t.status = 'completed' AND t.callback_done = 0)) "                                       \
    "AND (? = '' OR t.code = ? OR u.code = ? OR t.reporter_phone = ? OR t.description LIKE ?) "

#define WHERE_ARGS 33

/* Fills args with the seen-account parameter and the WHERE parameters of f. */
static void where_args(arena *a, const ticket_filter *f, db_arg *args) {
    const char *status = f->status ? f->status : "";
    const char *kind = f->kind ? f->kind : "";
    const char *q = f->query ? f->query : "";
    int i = 0;
    args[i++] = DB_INT(f->account_id); /* ticket_seen join */
    args[i++] = DB_INT(f->community_id);
    args[i++] = DB_INT(f->account_id);
    args[i++] = DB_INT(f->unit_id);
    args[i++] = DB_INT(f->unit_id);
    args[i++] = DB_INT(f->account_id);
    args[i++] = DB_INT(f->unit_id);
    args[i++] = DB_INT(f->unit_id);
    args[i++] = DB_TEXT(status);
    args[i++] = DB_TEXT(status);
    args[i++] = DB_TEXT(status);
    args[i++] = DB_TEXT(status);
    args[i++] = DB_TEXT(kind);
    args[i++] = DB_TEXT(kind);
    args[i++] = DB_INT(f->category_id);
    args[i++] = DB_INT(f->category_id);
    args[i++] = DB_INT(f->department_id);
    args[i++] = DB_INT(f->department_id);
    args[i++] = DB_INT(f->assignee_id);
    args[i++] = DB_INT(f->assignee_id);
    args[i++] = DB_INT(f->overdue ? 1 : 0);
    args[i++] = DB_INT(f->now);
    args[i++] = DB_INT(f->due_soon ? 1 : 0);
    args[i++] = DB_INT(f->now);
    args[i++] = DB_INT(f->now);
    args[i++] = DB_INT(f->callbacks ? 1 : 0);
    args[i++] = DB_TEXT(q);
    args[i++] = DB_TEXT(q);
    args[i++] = DB_TEXT(q);
    args[i++] = DB_TEXT(q);
    args[i++] = DB_TEXT(db_like_contains(a, q));
    /* i == WHERE_ARGS - 2: LIMIT and OFFSET follow. */
}

static int read_rows(arena *a, const db_rows *r, ticket_row **rows, size_t *count) {
    *rows = arena_alloc(a, (r->count ? r->count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r->count; i++) {
        ticket_row *t = &(*rows)[i];
        int c = 0;
        t->id = db_cell_int(r, i, c++);
        t->code = db_cell(r, i, c++);
        t->kind = db_cell(r, i, c++);
        t->category_name = db_cell(r, i, c++);
        ticket_status_parse(db_cell(r, i, c++), &t->status);
        t->severity = db_cell(r, i, c++);
        t->unit_code = db_cell(r, i, c++);
        t->place = db_cell(r, i, c++);
        t->description = db_cell(r, i, c++);
        t->reporter_name = db_cell(r, i, c++);
        t->reporter_phone = db_cell(r, i, c++);
        t->department_name = db_cell(r, i, c++);
        t->assignee_name = db_cell(r, i, c++);
        t->created_at = db_cell_int(r, i, c++);
        t->next_due = db_cell_int(r, i, c++);
        t->completed_at = db_cell_int(r, i, c++);
        t->breached = (int)db_cell_int(r, i, c++);
        t->escalation_level = (int)db_cell_int(r, i, c++);
        t->rating = (int)db_cell_int(r, i, c++);
        t->last_public_event_id = db_cell_int(r, i, c++);
        t->seen_event_id = db_cell_int(r, i, c++);
        ticket_event_type e;
        t->latest_public = ticket_event_parse(db_cell(r, i, c++), &e) ? ticket_event_name(e) : "";
    }
    *count = r->count;
    return 0;
}

int ticket_list(arena *a, const ticket_filter *f, ticket_row **rows, size_t *count, long long *total) {
    static db_stmt newest = DB_STMT("ticket_list_newest", "SELECT " LIST_COLUMNS LIST_FROM LIST_WHERE
                                                          "ORDER BY t.id DESC LIMIT ? OFFSET ?");
    static db_stmt by_due =
        DB_STMT("ticket_list_due", "SELECT " LIST_COLUMNS LIST_FROM LIST_WHERE
                                   "ORDER BY t.next_due IS NULL, t.next_due, t.id LIMIT ? OFFSET ?");
    static db_stmt oldest_done =
        DB_STMT("ticket_list_callbacks",
                "SELECT " LIST_COLUMNS LIST_FROM LIST_WHERE "ORDER BY t.completed_at, t.id LIMIT ? OFFSET ?");
    static db_stmt counted = DB_STMT("ticket_list_count", "SELECT COUNT(*) " LIST_FROM LIST_WHERE);
    db_arg args[WHERE_ARGS];
    where_args(a, f, args);
    int per_page = f->per_page > 0 && f->per_page <= 10000 ? f->per_page : 20;
    int page = f->page > 0 ? f->page : 1;
    args[WHERE_ARGS - 2] = DB_INT(per_page);
    args[WHERE_ARGS - 1] = DB_INT((long long)(page - 1) * per_page);
    db_rows r;
    db_status s = db_exec(&counted, args, WHERE_ARGS - 2, a, &r);
    if (s != DB_OK)
        return s;
    *total = db_cell_int(&r, 0, 0);
    db_stmt *st = f->callbacks ? &oldest_done : f->sort_by_due ? &by_due : &newest;
    if ((s = db_exec(st, args, WHERE_ARGS, a, &r)) != DB_OK)
        return s;
    return read_rows(a, &r, rows, count);
}

int ticket_home(arena *a, long long account_id, long long unit_id, int limit, ticket_row **rows,
                size_t *count) {
    static db_stmt st = DB_STMT(
        "ticket_home", "SELECT " LIST_COLUMNS LIST_FROM "WHERE (t.reporter_account_id = ? OR t.unit_id = ?) "
                       "AND (t.status IN ('new','accepted','dispatched','in_progress','waiting') "
                       "OR t.last_public_event_id > COALESCE(sn.last_event_id, 0) OR (t.status = "
                       "'completed' AND t.rating IS NULL)) "
                       "ORDER BY t.updated_at DESC, t.id DESC LIMIT ?");
    /* A plain OR of the two household columns lets the optimiser merge their indexes
     * (ticket_reporter, ticket_unit) instead of reading the community. Both ids belong to the
     * account's own community, so no community condition is needed; no unit is id 0. */
    db_arg args[4] = {DB_INT(account_id), DB_INT(account_id), DB_INT(unit_id), DB_INT(limit)};
    db_rows r;
    db_status s = db_exec(&st, args, 4, a, &r);
    if (s != DB_OK)
        return s;
    return read_rows(a, &r, rows, count);
}

int ticket_mark_seen(long long account_id, long long ticket_id, long long last_event_id) {
    static db_stmt st =
        DB_STMT("ticket_mark_seen",
                "INSERT INTO ticket_seen (account_id, ticket_id, last_event_id) VALUES (?, ?, ?) "
                "ON DUPLICATE KEY UPDATE last_event_id = GREATEST(last_event_id, VALUES(last_event_id))");
    db_arg args[3] = {DB_INT(account_id), DB_INT(ticket_id), DB_INT(last_event_id)};
    return db_exec(&st, args, 3, NULL, NULL);
}
