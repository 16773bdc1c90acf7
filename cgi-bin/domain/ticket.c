/* ticket.c: reading tickets back with their timelines and photos, and the lookups the
 * pages need (categories, units, departments, staff). Creating a ticket is in
 * ticket_create.c, the actions of its life in ticket_apply.c, the lists in ticket_list.c. */
#include "ticket.h"

#include "../core/refcache.h"

#include <string.h>

int ticket_refuse(ticket_refusal *why, int status, const char *field, const char *message) {
    if (why) {
        why->field = field;
        why->message = message;
    }
    return status;
}

/* Runs st and allocates one element of size per row in a (at least one element, so the
 * list is never NULL): the start of every list read below. NULL with *s set on failure. */
static void *read_list(arena *a, db_stmt *st, const db_arg *args, size_t nargs, size_t size, db_rows *rows,
                       db_status *s) {
    *s = db_exec(st, args, nargs, a, rows);
    if (*s != DB_OK)
        return NULL;
    void *list = arena_alloc(a, (rows->count ? rows->count : 1) * size);
    if (!list)
        *s = DB_ERROR;
    return list;
}

static int read_categories(arena *a, long long community_id, void *items, size_t *count) {
    ticket_category **out = items;
    static db_stmt st = DB_STMT("ticket_categories",
                                "SELECT c.id, c.kind, c.code, c.name, COALESCE(c.department_id, 0), "
                                "COALESCE(d.name, '') FROM ticket_category c "
                                "LEFT JOIN department d ON d.id = c.department_id "
                                "WHERE c.community_id = ? AND c.active = 1 ORDER BY c.kind, c.sort, c.id");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s;
    if (!(*out = read_list(a, &st, args, 1, sizeof **out, &rows, &s)))
        return s;
    for (size_t i = 0; i < rows.count; i++) {
        ticket_category *c = &(*out)[i];
        c->id = db_cell_int(&rows, i, 0);
        c->kind = db_cell(&rows, i, 1);
        c->code = db_cell(&rows, i, 2);
        c->name = db_cell(&rows, i, 3);
        c->department_id = db_cell_int(&rows, i, 4);
        c->department_name = db_cell(&rows, i, 5);
    }
    *count = rows.count;
    return 0;
}

int ticket_unit_find(arena *a, long long community_id, const char *code, long long *unit_id) {
    static db_stmt st =
        DB_STMT("ticket_unit_find", "SELECT id FROM unit WHERE community_id = ? AND code = ?");
    db_rows rows;
    db_arg args[2] = {DB_INT(community_id), DB_TEXT(code)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    *unit_id = rows.count ? db_cell_int(&rows, 0, 0) : 0;
    return 0;
}

/* The columns of ticket_view, in the order read_view reads them. */
#define VIEW_COLUMNS                                                                                         \
    "t.id, t.community_id, t.code, t.kind, t.category_id, c.name, t.location, COALESCE(t.unit_id, 0), "      \
    "COALESCE(u.code, ''), t.place, t.description, t.channel, t.severity, COALESCE(t.reporter_account_id, "  \
    "0), "                                                                                                   \
    "t.reporter_name, t.reporter_phone, COALESCE(UNIX_TIMESTAMP(t.preferred_time), 0), t.created_by_kind, "  \
    "IF(t.created_by_kind = 'staff', (SELECT name FROM staff WHERE id = t.created_by_id), "                  \
    "(SELECT p.name FROM account ac JOIN person p ON p.id = ac.person_id WHERE ac.id = t.created_by_id)), "  \
    "t.status, COALESCE(t.resume_status, ''), UNIX_TIMESTAMP(t.created_at), UNIX_TIMESTAMP(t.updated_at), "  \
    "COALESCE(UNIX_TIMESTAMP(t.respond_due), 0), COALESCE(UNIX_TIMESTAMP(t.onsite_due), 0), "                \
    "COALESCE(UNIX_TIMESTAMP(t.resolve_due), 0), COALESCE(UNIX_TIMESTAMP(t.next_due), 0), "                  \
    "COALESCE(UNIX_TIMESTAMP(t.responded_at), 0), COALESCE(UNIX_TIMESTAMP(t.onsite_at), 0), "                \
    "COALESCE(UNIX_TIMESTAMP(t.completed_at), 0), COALESCE(UNIX_TIMESTAMP(t.closed_at), 0), "                \
    "COALESCE(UNIX_TIMESTAMP(t.waiting_since), 0), t.breached, t.escalation_level, t.charge_fen, "           \
    "t.callback_done, "                                                                                      \
    "COALESCE(t.rating, 0), t.last_event_id, t.last_public_event_id, COALESCE(t.owner_staff_id, 0), "        \
    "COALESCE(o.name, ''), COALESCE(t.department_id, 0), COALESCE(d.name, ''), "                             \
    "COALESCE(t.assignee_staff_id, 0), "                                                                     \
    "COALESCE(s.name, ''), EXISTS (SELECT 1 FROM ticket_photo ph WHERE ph.ticket_id = t.id) "
/* The tables of VIEW_COLUMNS. */
#define VIEW_FROM                                                                                            \
    "FROM ticket t JOIN ticket_category c ON c.id = t.category_id "                                          \
    "LEFT JOIN unit u ON u.id = t.unit_id LEFT JOIN staff o ON o.id = t.owner_staff_id "                     \
    "LEFT JOIN department d ON d.id = t.department_id LEFT JOIN staff s ON s.id = t.assignee_staff_id "

/* Reads the VIEW_COLUMNS of row 0; returns the number of columns read. */
static int read_view(const db_rows *r, ticket_view *v) {
    int c = 0;
    memset(v, 0, sizeof *v);
    v->id = db_cell_int(r, 0, c++);
    v->community_id = db_cell_int(r, 0, c++);
    v->code = db_cell(r, 0, c++);
    v->kind = db_cell(r, 0, c++);
    v->category_id = db_cell_int(r, 0, c++);
    v->category_name = db_cell(r, 0, c++);
    v->location = db_cell(r, 0, c++);
    v->unit_id = db_cell_int(r, 0, c++);
    v->unit_code = db_cell(r, 0, c++);
    v->place = db_cell(r, 0, c++);
    v->description = db_cell(r, 0, c++);
    v->channel = db_cell(r, 0, c++);
    v->severity = db_cell(r, 0, c++);
    v->reporter_account_id = db_cell_int(r, 0, c++);
    v->reporter_name = db_cell(r, 0, c++);
    v->reporter_phone = db_cell(r, 0, c++);
    v->preferred_time = db_cell_int(r, 0, c++);
    const char *by = db_cell(r, 0, c++);
    v->created_by_kind = by && !strcmp(by, "staff") ? 's' : 'r';
    v->created_by_name = db_cell(r, 0, c++);
    if (!v->created_by_name)
        v->created_by_name = "";
    ticket_status_parse(db_cell(r, 0, c++), &v->status);
    if (!ticket_status_parse(db_cell(r, 0, c++), &v->resume_status))
        v->resume_status = ST_ACCEPTED;
    v->created_at = db_cell_int(r, 0, c++);
    v->updated_at = db_cell_int(r, 0, c++);
    v->respond_due = db_cell_int(r, 0, c++);
    v->onsite_due = db_cell_int(r, 0, c++);
    v->resolve_due = db_cell_int(r, 0, c++);
    v->next_due = db_cell_int(r, 0, c++);
    v->responded_at = db_cell_int(r, 0, c++);
    v->onsite_at = db_cell_int(r, 0, c++);
    v->completed_at = db_cell_int(r, 0, c++);
    v->closed_at = db_cell_int(r, 0, c++);
    v->waiting_since = db_cell_int(r, 0, c++);
    v->breached = (int)db_cell_int(r, 0, c++);
    v->escalation_level = (int)db_cell_int(r, 0, c++);
    v->charge_fen = db_cell_int(r, 0, c++);
    v->callback_done = db_cell_int(r, 0, c++) != 0;
    v->rating = (int)db_cell_int(r, 0, c++);
    v->last_event_id = db_cell_int(r, 0, c++);
    v->last_public_event_id = db_cell_int(r, 0, c++);
    v->owner_staff_id = db_cell_int(r, 0, c++);
    v->owner_name = db_cell(r, 0, c++);
    v->department_id = db_cell_int(r, 0, c++);
    v->department_name = db_cell(r, 0, c++);
    v->assignee_staff_id = db_cell_int(r, 0, c++);
    v->assignee_name = db_cell(r, 0, c++);
    v->has_photos = db_cell_int(r, 0, c++) != 0;
    return c;
}

int ticket_load(arena *a, long long community_id, long long id, ticket_view *out, ticket_refusal *why) {
    static db_stmt st =
        DB_STMT_KEPT("ticket_load", "SELECT " VIEW_COLUMNS VIEW_FROM "WHERE t.id = ? AND t.community_id = ?");
    db_rows rows;
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return ticket_refuse(why, 404, NULL, "没有这张工单。");
    read_view(&rows, out);
    return 0;
}

int ticket_load_for_resident(arena *a, long long account_id, long long id, ticket_view *out,
                             ticket_refusal *why) {
    /* The household's: reported by this account, or about the unit it acts for. */
    static db_stmt st = DB_STMT_KEPT("ticket_load_resident",
                                     "SELECT " VIEW_COLUMNS ", COALESCE(sn.last_event_id, 0) " VIEW_FROM
                                     "JOIN account ac ON ac.id = ? AND ac.community_id = t.community_id "
                                     "LEFT JOIN ticket_seen sn ON sn.account_id = ac.id AND sn.ticket_id "
                                     "= t.id WHERE t.id = ? AND (t.reporter_account_id = ac.id OR "
                                     "(t.unit_id IS NOT NULL AND t.unit_id = ac.current_unit_id))");
    db_rows rows;
    db_arg args[2] = {DB_INT(account_id), DB_INT(id)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return ticket_refuse(why, 404, NULL, "没有这张工单，或它不属于您的家庭。");
    out->seen_event_id = db_cell_int(&rows, 0, read_view(&rows, out));
    return 0;
}

int ticket_events(arena *a, long long ticket_id, bool public_only, ticket_event_view **out, size_t *count) {
    static db_stmt st = DB_STMT_KEPT(
        "ticket_events",
        "SELECT e.id, e.type, e.actor_kind, CASE e.actor_kind WHEN 'staff' THEN (SELECT name FROM staff "
        "WHERE id = "
        "e.actor_id) WHEN 'resident' THEN (SELECT p.name FROM account ac JOIN person p ON p.id = "
        "ac.person_id WHERE "
        "ac.id = e.actor_id) ELSE '系统' END, UNIX_TIMESTAMP(e.at), e.public, e.text, COALESCE(d.name, ''), "
        "COALESCE(s.name, ''), COALESCE(UNIX_TIMESTAMP(e.visit_at), 0), COALESCE(e.score, 0), "
        "COALESCE(e.reached, -1), "
        "COALESCE(e.charge_fen, -1), COALESCE(e.clock, ''), COALESCE(e.level, 0), e.status_after "
        "FROM ticket_event e LEFT JOIN department d ON d.id = e.department_id "
        "LEFT JOIN staff s ON s.id = e.assignee_staff_id WHERE e.ticket_id = ? AND (? = 0 OR e.public = 1) "
        "ORDER BY e.id LIMIT 1000");
    db_rows rows;
    db_arg args[2] = {DB_INT(ticket_id), DB_INT(public_only ? 1 : 0)};
    db_status s;
    if (!(*out = read_list(a, &st, args, 2, sizeof **out, &rows, &s)))
        return s;
    for (size_t i = 0; i < rows.count; i++) {
        ticket_event_view *e = &(*out)[i];
        int c = 0;
        e->id = db_cell_int(&rows, i, c++);
        ticket_event_parse(db_cell(&rows, i, c++), &e->type);
        const char *kind = db_cell(&rows, i, c++);
        e->actor_kind = !strcmp(kind, "staff") ? 's' : !strcmp(kind, "resident") ? 'r' : 'y';
        e->actor_name = db_cell(&rows, i, c++);
        if (!e->actor_name)
            e->actor_name = "";
        e->at = db_cell_int(&rows, i, c++);
        e->public = db_cell_int(&rows, i, c++) != 0;
        e->text = db_cell(&rows, i, c++);
        e->department_name = db_cell(&rows, i, c++);
        e->assignee_name = db_cell(&rows, i, c++);
        e->visit_at = db_cell_int(&rows, i, c++);
        e->score = (int)db_cell_int(&rows, i, c++);
        e->reached = (int)db_cell_int(&rows, i, c++);
        e->charge_fen = db_cell_int(&rows, i, c++);
        e->clock = db_cell(&rows, i, c++);
        e->level = (int)db_cell_int(&rows, i, c++);
        ticket_status_parse(db_cell(&rows, i, c++), &e->status_after);
    }
    *count = rows.count;
    return 0;
}

static void read_photo(const db_rows *rows, size_t i, ticket_photo_view *p) {
    p->id = db_cell_int(rows, i, 0);
    p->content_type = db_cell(rows, i, 1);
    p->size_bytes = db_cell_int(rows, i, 2);
    p->file_name = db_cell(rows, i, 3);
    p->ticket_id = db_cell_int(rows, i, 4);
}

int ticket_photos(arena *a, const ticket_view *t, ticket_photo_view **out, size_t *count) {
    static db_stmt st =
        DB_STMT("ticket_photos", "SELECT id, content_type, size_bytes, file_name, ticket_id "
                                 "FROM ticket_photo WHERE ticket_id = ? ORDER BY id LIMIT 20");
    db_rows rows;
    *out = NULL;
    *count = 0;
    if (!t->has_photos) /* most have none: no statement */
        return 0;
    db_arg args[1] = {DB_INT(t->id)};
    db_status s;
    if (!(*out = read_list(a, &st, args, 1, sizeof **out, &rows, &s)))
        return s;
    for (size_t i = 0; i < rows.count; i++)
        read_photo(&rows, i, &(*out)[i]);
    *count = rows.count;
    return 0;
}

int ticket_photo(arena *a, long long photo_id, ticket_photo_view *out, ticket_refusal *why) {
    static db_stmt st =
        DB_STMT("ticket_photo",
                "SELECT id, content_type, size_bytes, file_name, ticket_id FROM ticket_photo WHERE id = ?");
    db_rows rows;
    db_arg args[1] = {DB_INT(photo_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return ticket_refuse(why, 404, NULL, "没有这张照片。");
    read_photo(&rows, 0, out);
    return 0;
}

static int read_dispatch_choices(arena *a, long long community_id, void *items, size_t *count) {
    ticket_staff **staff = items;
    static db_stmt st =
        DB_STMT("ticket_dispatch_choices",
                "SELECT DISTINCT s.id, s.name, COALESCE(s.department_id, 0), COALESCE(d.name, '') "
                "FROM staff s JOIN staff_role g ON g.staff_id = s.id AND g.community_id = ? "
                "LEFT JOIN department d ON d.id = s.department_id WHERE s.disabled = 0 "
                "ORDER BY d.name, s.name LIMIT 500");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s;
    if (!(*staff = read_list(a, &st, args, 1, sizeof **staff, &rows, &s)))
        return s;
    for (size_t i = 0; i < rows.count; i++) {
        (*staff)[i].id = db_cell_int(&rows, i, 0);
        (*staff)[i].name = db_cell(&rows, i, 1);
        (*staff)[i].department_id = db_cell_int(&rows, i, 2);
        (*staff)[i].department_name = db_cell(&rows, i, 3);
    }
    *count = rows.count;
    return 0;
}

static int read_departments(arena *a, long long community_id, void *items, size_t *count) {
    ticket_department **out = items;
    static db_stmt st = DB_STMT("ticket_departments",
                                "SELECT id, code, name FROM department WHERE community_id = ? ORDER BY id");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s;
    if (!(*out = read_list(a, &st, args, 1, sizeof **out, &rows, &s)))
        return s;
    for (size_t i = 0; i < rows.count; i++) {
        (*out)[i].id = db_cell_int(&rows, i, 0);
        (*out)[i].code = db_cell(&rows, i, 1);
        (*out)[i].name = db_cell(&rows, i, 2);
    }
    *count = rows.count;
    return 0;
}

/* The three lists of the office's forms, kept by the page process while the community's
 * reference version holds (core/refcache.h). */
int ticket_categories(arena *a, long long community_id, ticket_category **out, size_t *count) {
    static refcache_slot kept;
    return refcache_read(&kept, read_categories, a, community_id, out, count);
}

int ticket_dispatch_choices(arena *a, long long community_id, ticket_staff **staff, size_t *count) {
    static refcache_slot kept;
    return refcache_read(&kept, read_dispatch_choices, a, community_id, staff, count);
}

int ticket_departments(arena *a, long long community_id, ticket_department **out, size_t *count) {
    static refcache_slot kept;
    return refcache_read(&kept, read_departments, a, community_id, out, count);
}

int ticket_next_due(arena *a, long long community_id, long long from, long long *at) {
    /* One step into ticket_due (community_id, next_due). */
    static db_stmt st =
        DB_STMT("ticket_next_due", "SELECT COALESCE(UNIX_TIMESTAMP(MIN(next_due)), 0) FROM ticket "
                                   "WHERE community_id = ? AND next_due >= FROM_UNIXTIME(?)");
    db_rows rows;
    db_arg args[2] = {DB_INT(community_id), DB_INT(from)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    *at = rows.count ? db_cell_int(&rows, 0, 0) : 0;
    return 0;
}
