/* ticket_list.c: the lists of tickets: the office queue with its filters, a household's
 * tickets, the callback queue, the resident's home, and what a resident has read. */
#include "ticket.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "ticket_gram.h"

#define LIST_COLUMNS                                                                                         \
    "t.id, t.code, t.kind, c.name, t.status, t.severity, COALESCE(u.code, ''), t.place, "                    \
    "LEFT(t.description, 60), "                                                                              \
    "t.reporter_name, t.reporter_phone, COALESCE(d.name, ''), COALESCE(s.name, ''), "                        \
    "UNIX_TIMESTAMP(t.created_at), "                                                                         \
    "COALESCE(UNIX_TIMESTAMP(t.next_due), 0), COALESCE(UNIX_TIMESTAMP(t.completed_at), 0), t.breached, "     \
    "t.escalation_level, COALESCE(t.rating, 0), t.last_public_event_id, COALESCE(sn.last_event_id, 0), "     \
    "COALESCE((SELECT type FROM ticket_event WHERE id = t.last_public_event_id), '') "

#define LIST_COLUMN_COUNT 22

#define LIST_FROM "FROM ticket t " LIST_JOINS

#define LIST_JOINS                                                                                           \
    "JOIN ticket_category c ON c.id = t.category_id LEFT JOIN unit u ON u.id = t.unit_id "                   \
    "LEFT JOIN department d ON d.id = t.department_id LEFT JOIN staff s ON s.id = t.assignee_staff_id "      \
    "LEFT JOIN ticket_seen sn ON sn.ticket_id = t.id AND sn.account_id = ? "

/* The queue's statements are built from the filters that are set, so each combination
 * has its own plan: the community's newest tickets come from ticket_newest, a status from
 * ticket_queue, the overdue from ticket_due, a household's from ticket_reporter and
 * ticket_unit. Each text is prepared once per process and kept (a few dozen at most). */
enum {
    F_HOUSEHOLD = 1u << 0, /* a resident: reporter or unit */
    F_UNIT = 1u << 1,      /* the office's view of one unit */
    F_STATUS = 1u << 2,
    F_OPEN = 1u << 3,
    F_CLOSED = 1u << 4,
    F_KIND = 1u << 5,
    F_CATEGORY = 1u << 6,
    F_DEPARTMENT = 1u << 7,
    F_ASSIGNEE = 1u << 8,
    F_OVERDUE = 1u << 9,
    F_DUE_SOON = 1u << 10,
    F_CALLBACKS = 1u << 11,
    F_QUERY = 1u << 12,
    V_COUNT = 1u << 13, /* the count, not the rows */
    V_DUE = 1u << 14,   /* rows by due time */
    V_DONE = 1u << 15,  /* rows by completion, oldest first */
    Q_SHORT = 1u << 16, /* a one-character search: no gram */
    Q_GRAMS = 1u << 17, /* and 2 more bits: the number of grams joined, less one */
    V_TOTAL = 1u << 20, /* rows that carry the count in their last column */
};

/* A search joins at most this many of its grams (spread over it). */
#define SEARCH_GRAMS 4
#define SEARCH_NO_LIMIT 0x7fffffffffffLL

#define MAX_ARGS 96 /* a search repeats the filters in each of its four ways: 62 at most today */

typedef struct built {
    unsigned key;
    db_arg args[MAX_ARGS];
    size_t nargs;
} built;

static unsigned filter_key(const ticket_filter *f) {
    const char *status = f->status ? f->status : "";
    unsigned k = 0;
    if (f->account_id)
        k |= F_HOUSEHOLD;
    else if (f->unit_id)
        k |= F_UNIT;
    if (!strcmp(status, "open"))
        k |= F_OPEN;
    else if (!strcmp(status, "closed"))
        k |= F_CLOSED;
    else if (*status)
        k |= F_STATUS;
    if (f->kind && *f->kind)
        k |= F_KIND;
    if (f->category_id)
        k |= F_CATEGORY;
    if (f->department_id)
        k |= F_DEPARTMENT;
    if (f->assignee_id)
        k |= F_ASSIGNEE;
    if (f->overdue)
        k |= F_OVERDUE;
    if (f->due_soon)
        k |= F_DUE_SOON;
    if (f->callbacks)
        k |= F_CALLBACKS;
    if (f->query && *f->query)
        k |= F_QUERY;
    return k;
}

/* The grams a community search joins: all of the query's distinct grams, or
 * SEARCH_GRAMS of them spread from the first to the last. */
static size_t search_grams(arena *a, const char *query, const char *picked[SEARCH_GRAMS]) {
    ticket_gram *grams;
    size_t n;
    if (ticket_gram_split(a, query, &grams, &n) || !n)
        return 0;
    size_t k = n < SEARCH_GRAMS ? n : SEARCH_GRAMS;
    for (size_t i = 0; i < k; i++)
        picked[i] = grams[k == n ? i : i * (n - 1) / (SEARCH_GRAMS - 1)].text;
    return k;
}

/* The key of a community search: how it finds its description matches. */
static unsigned search_key(arena *a, unsigned key, const ticket_filter *f) {
    if (!(key & F_QUERY) || (key & F_HOUSEHOLD))
        return key;
    const char *picked[SEARCH_GRAMS];
    size_t n = search_grams(a, f->query, picked);
    return n ? key | (unsigned)(n - 1) * Q_GRAMS : key | Q_SHORT;
}

#define OPEN_STATUSES "('new','accepted','dispatched','in_progress','waiting')"
#define CLOSED_STATUSES "('completed','closed','withdrawn')"

static void build_filters(arena *a, unsigned key, const ticket_filter *f, buf *b, built *out);

/* The WHERE text of key into b, and its arguments for f into out (in the same order). */
static void build_where(arena *a, unsigned key, const ticket_filter *f, buf *b, built *out) {
    size_t *n = &out->nargs;
    if (key & F_HOUSEHOLD) {
        /* Both ids belong to the account's own community: no community condition, so the
         * optimiser merges the reporter and unit indexes. No unit is id 0. */
        buf_puts(b, "WHERE (t.reporter_account_id = ? OR t.unit_id = ?)");
        out->args[(*n)++] = DB_INT(f->account_id);
        out->args[(*n)++] = DB_INT(f->unit_id);
    } else {
        buf_puts(b, "WHERE t.community_id = ?");
        out->args[(*n)++] = DB_INT(f->community_id);
        if (key & F_UNIT) {
            buf_puts(b, " AND t.unit_id = ?");
            out->args[(*n)++] = DB_INT(f->unit_id);
        }
    }
    build_filters(a, key, f, b, out);
}

/* The conditions after the household, unit or community: " AND ..." each. */
static void build_filters(arena *a, unsigned key, const ticket_filter *f, buf *b, built *out) {
    size_t *n = &out->nargs;
    if (key & F_STATUS) {
        buf_puts(b, " AND t.status = ?");
        out->args[(*n)++] = DB_TEXT(f->status);
    }
    if (key & F_OPEN)
        buf_puts(b, " AND t.status IN " OPEN_STATUSES);
    if (key & F_CLOSED)
        buf_puts(b, " AND t.status IN " CLOSED_STATUSES);
    if (key & F_KIND) {
        buf_puts(b, " AND t.kind = ?");
        out->args[(*n)++] = DB_TEXT(f->kind);
    }
    if (key & F_CATEGORY) {
        buf_puts(b, " AND t.category_id = ?");
        out->args[(*n)++] = DB_INT(f->category_id);
    }
    if (key & F_DEPARTMENT) {
        buf_puts(b, " AND t.department_id = ?");
        out->args[(*n)++] = DB_INT(f->department_id);
    }
    if (key & F_ASSIGNEE) {
        buf_puts(b, " AND t.assignee_staff_id = ?");
        out->args[(*n)++] = DB_INT(f->assignee_id);
    }
    if (key & F_OVERDUE) {
        buf_puts(b, " AND t.next_due < FROM_UNIXTIME(?)");
        out->args[(*n)++] = DB_INT(f->now);
    }
    if (key & F_DUE_SOON) {
        buf_puts(b, " AND t.next_due BETWEEN FROM_UNIXTIME(?) AND FROM_UNIXTIME(?)");
        out->args[(*n)++] = DB_INT(f->now);
        out->args[(*n)++] = DB_INT(f->now + TICKET_DUE_SOON_SECONDS);
    }
    if (key & F_CALLBACKS)
        buf_puts(b, " AND t.status = 'completed' AND t.callback_done = 0");
    if (key & F_QUERY) {
        /* The unit is found by its code first, so no join is needed to match it. */
        buf_puts(b,
                 " AND (t.code = ? OR t.unit_id = (SELECT uq.id FROM unit uq WHERE uq.community_id = ? AND "
                 "uq.code = ?) OR t.reporter_phone = ? OR t.description LIKE ?)");
        out->args[(*n)++] = DB_TEXT(f->query);
        out->args[(*n)++] = DB_INT(f->community_id);
        out->args[(*n)++] = DB_TEXT(f->query);
        out->args[(*n)++] = DB_TEXT(f->query);
        out->args[(*n)++] = DB_TEXT(db_like_contains(a, f->query));
    }
}

static int page_size(const ticket_filter *f) {
    return f->per_page > 0 && f->per_page <= 10000 ? f->per_page : 20;
}
static int page_number(const ticket_filter *f) {
    return f->page > 0 ? f->page : 1;
}
/* The rows a page of a household's list needs from each index: all up to its end. */
static long long household_need(const ticket_filter *f) {
    return (long long)page_number(f) * page_size(f);
}

/* The ids of a community search's matches, each way of matching from its own index and
 * newest first up to limit: the description through its grams (or, for one character,
 * among the newest TICKET_SEARCH_SHORT_WINDOW), checked by LIKE on those rows only; the code,
 * the unit's code and the reporter's phone. Their union holds the newest limit matches. */
static void build_matches(arena *a, unsigned key, const ticket_filter *f, buf *b, built *out) {
    unsigned rest = key & ~(unsigned)F_QUERY;
    long long need = (long long)page_number(f) * page_size(f);
    long long limit = (key & (V_DUE | V_DONE)) || f->count_cap <= 0 ? SEARCH_NO_LIMIT
                      : need > f->count_cap                         ? need
                                                                    : f->count_cap + 1;
    size_t *n = &out->nargs;
    if (key & Q_SHORT) {
        buf_puts(b,
                 "(SELECT t.id FROM (SELECT w.id FROM ticket w WHERE w.community_id = ? ORDER BY w.id DESC "
                 "LIMIT ?) newest JOIN ticket t ON t.id = newest.id ");
        out->args[(*n)++] = DB_INT(f->community_id);
        out->args[(*n)++] = DB_INT(TICKET_SEARCH_SHORT_WINDOW);
        build_where(a, rest, f, b, out);
    } else {
        const char *picked[SEARCH_GRAMS];
        size_t grams = search_grams(a, f->query, picked);
        buf_puts(b, "(SELECT t.id FROM ticket_gram g0 ");
        for (size_t i = 1; i < grams; i++) {
            buf_printf(b,
                       "JOIN ticket_gram g%lu ON g%lu.community_id = g0.community_id AND g%lu.gram = ? AND "
                       "g%lu.ticket_id = g0.ticket_id ",
                       (unsigned long)i, (unsigned long)i, (unsigned long)i, (unsigned long)i);
            out->args[(*n)++] = DB_TEXT(picked[i]);
        }
        buf_puts(b, "JOIN ticket t ON t.id = g0.ticket_id ");
        build_where(a, rest, f, b, out);
        buf_puts(b, " AND g0.community_id = ? AND g0.gram = ?");
        out->args[(*n)++] = DB_INT(f->community_id);
        out->args[(*n)++] = DB_TEXT(picked[0]);
    }
    buf_puts(b, " AND t.description LIKE ? ORDER BY t.id DESC LIMIT ?) UNION (SELECT t.id FROM ticket t ");
    out->args[(*n)++] = DB_TEXT(db_like_contains(a, f->query));
    out->args[(*n)++] = DB_INT(limit);
    build_where(a, rest, f, b, out);
    buf_puts(b, " AND t.code = ?) UNION (SELECT t.id FROM unit uq JOIN ticket t ON t.unit_id = uq.id ");
    out->args[(*n)++] = DB_TEXT(f->query);
    build_where(a, rest, f, b, out);
    buf_puts(b,
             " AND uq.community_id = ? AND uq.code = ? ORDER BY t.id DESC LIMIT ?) UNION (SELECT t.id FROM "
             "ticket t ");
    out->args[(*n)++] = DB_INT(f->community_id);
    out->args[(*n)++] = DB_TEXT(f->query);
    out->args[(*n)++] = DB_INT(limit);
    build_where(a, rest, f, b, out);
    buf_puts(b, " AND t.reporter_phone = ? ORDER BY t.id DESC LIMIT ?)");
    out->args[(*n)++] = DB_TEXT(f->query);
    out->args[(*n)++] = DB_INT(limit);
}

/* The order of a list's rows, by the ticket of alias t ('t' or 'o'). */
static const char *list_order(unsigned key, char t) {
    if (key & V_DONE)
        return t == 'o' ? " ORDER BY o.completed_at, o.id" : " ORDER BY t.completed_at, t.id";
    if (key & V_DUE)
        return t == 'o' ? " ORDER BY o.next_due IS NULL, o.next_due, o.id"
                        : " ORDER BY t.next_due IS NULL, t.next_due, t.id";
    return t == 'o' ? " ORDER BY o.id DESC" : " ORDER BY t.id DESC";
}

/* A community search: the matches' ids with their count, one page of them, then their
 * rows. The count is of the union's rows, so bounded as its parts are. */
static void build_search(arena *a, unsigned key, const ticket_filter *f, buf *b, built *out) {
    if (key & V_COUNT) {
        buf_puts(b, "SELECT COUNT(*) FROM (SELECT 1 FROM (");
        build_matches(a, key, f, b, out);
        buf_puts(b, ") u LIMIT ?) counted");
        out->args[out->nargs++] = DB_INT(f->count_cap > 0 ? f->count_cap + 1 : SEARCH_NO_LIMIT);
        return;
    }
    buf_puts(b, "SELECT " LIST_COLUMNS ", m.total FROM ticket t " LIST_JOINS
                "JOIN (SELECT o.id, COUNT(*) OVER () total FROM (");
    out->args[out->nargs++] = DB_INT(f->account_id); /* the ticket_seen join */
    build_matches(a, key, f, b, out);
    buf_puts(b, ") u JOIN ticket o ON o.id = u.id");
    buf_puts(b, list_order(key, 'o'));
    buf_puts(b, " LIMIT ? OFFSET ?) m ON m.id = t.id");
    buf_puts(b, list_order(key, 't'));
}

/* The count of key's tickets as a statement: a household's exactly, from the unit's and
 * the account's indexes apart (a merge of the two sorted every row id: 1.8 ms against 0.24
 * for a household of 1,077 tickets); others up to count_cap and one more. */
static void build_count(arena *a, unsigned key, const ticket_filter *f, buf *b, built *args) {
    if (key & F_HOUSEHOLD) {
        buf_puts(b, "SELECT (SELECT COUNT(*) FROM ticket t WHERE t.unit_id = ?");
        args->args[args->nargs++] = DB_INT(f->unit_id);
        build_filters(a, key, f, b, args);
        buf_puts(b, ") + (SELECT COUNT(*) FROM ticket t WHERE t.reporter_account_id = ? AND "
                    "(t.unit_id IS NULL OR t.unit_id <> ?)");
        args->args[args->nargs++] = DB_INT(f->account_id);
        args->args[args->nargs++] = DB_INT(f->unit_id);
        build_filters(a, key, f, b, args);
        buf_puts(b, ")");
        return;
    }
    buf_puts(b, "SELECT COUNT(*) FROM (SELECT 1 FROM ticket t ");
    build_where(a, key, f, b, args);
    buf_puts(b, " LIMIT ?) counted");
    /* Past count_cap the page says "more than". */
    args->args[args->nargs++] = DB_INT(f->count_cap > 0 ? f->count_cap + 1 : SEARCH_NO_LIMIT);
}

/* With V_TOTAL, the count as the rows' last column (one statement instead of two: an
 * uncorrelated subquery runs once). */
static void build_total(arena *a, unsigned key, const ticket_filter *f, buf *b, built *args) {
    if (!(key & V_TOTAL))
        return;
    buf_puts(b, ", (");
    build_count(a, key & ~(unsigned)(V_TOTAL | V_DUE | V_DONE), f, b, args);
    buf_puts(b, ") ");
}

typedef struct cached_stmt {
    unsigned key;
    db_stmt st;
} cached_stmt;

/* The prepared statement of key, built on first use (text kept for the process). */
static db_stmt *statement(arena *a, unsigned key, const ticket_filter *f, built *args) {
    static cached_stmt *cache;
    static size_t used, cap;
    buf b;
    buf_init(&b);
    args->key = key;
    args->nargs = 0;
    if ((key & F_QUERY) && !(key & F_HOUSEHOLD)) {
        build_search(a, key, f, &b, args);
    } else if (key & V_COUNT) {
        build_count(a, key, f, &b, args);
    } else if ((key & F_HOUSEHOLD) && !(key & (V_DUE | V_DONE))) {
        /* A household's newest: the newest ids by reporter and by unit, each from its own
         * index in order and no more than the page needs, then their rows. An OR of the two
         * would read and sort every ticket the household ever had. */
        buf_puts(&b, "SELECT " LIST_COLUMNS);
        build_total(a, key, f, &b, args);
        buf_puts(&b, "FROM ((SELECT t.id FROM ticket t WHERE t.reporter_account_id = ?");
        args->args[args->nargs++] = DB_INT(f->account_id);
        build_filters(a, key, f, &b, args);
        buf_puts(&b, " ORDER BY t.id DESC LIMIT ?) UNION (SELECT t.id FROM ticket t WHERE t.unit_id = ?");
        args->args[args->nargs++] = DB_INT(household_need(f));
        args->args[args->nargs++] = DB_INT(f->unit_id);
        build_filters(a, key, f, &b, args);
        buf_puts(&b, " ORDER BY t.id DESC LIMIT ?)) newest JOIN ticket t ON t.id = newest.id " LIST_JOINS
                     "ORDER BY t.id DESC LIMIT ? OFFSET ?");
        args->args[args->nargs++] = DB_INT(household_need(f));
        args->args[args->nargs++] = DB_INT(f->account_id); /* the ticket_seen join */
    } else {
        buf_puts(&b, "SELECT " LIST_COLUMNS);
        build_total(a, key, f, &b, args);
        /* The community's newest, with at most filters no index serves: walk ticket_newest
         * back from the end. Left to itself, the optimiser walks the primary key of every
         * community's tickets once the table is large (12,441 rows for 30 at 2,000,000). */
        bool walk_newest = !(key & ~(unsigned)(F_KIND | F_CATEGORY | F_DEPARTMENT | V_TOTAL));
        buf_puts(&b, walk_newest ? "FROM ticket t FORCE INDEX (ticket_newest) " LIST_JOINS : LIST_FROM);
        args->args[args->nargs++] = DB_INT(f->account_id); /* the ticket_seen join */
        build_where(a, key, f, &b, args);
        buf_puts(&b, list_order(key, 't'));
        buf_puts(&b, " LIMIT ? OFFSET ?");
    }
    for (size_t i = 0; i < used; i++)
        if (cache[i].key == key) {
            buf_free(&b);
            return &cache[i].st;
        }
    if (used == cap) {
        size_t more = cap ? cap * 2 : 16;
        cached_stmt *grown = realloc(cache, more * sizeof *grown);
        if (!grown) {
            buf_free(&b);
            return NULL;
        }
        cache = grown;
        cap = more;
    }
    if (!b.data)
        return NULL;
    cache[used] =
        (cached_stmt){key, {(key & V_COUNT) ? "ticket_list_count" : "ticket_list", b.data, NULL, 0, DB_KEEP}};
    return &cache[used++].st; /* b's text is kept by the statement */
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

/* The bounded count of the tickets matching key into *total. */
static db_status count_rows(arena *a, unsigned key, const ticket_filter *f, long long *total) {
    built args;
    db_rows r;
    db_stmt *counted = statement(a, key | V_COUNT, f, &args);
    if (!counted)
        return DB_ERROR;
    db_status s = db_exec(counted, args.args, args.nargs, a, &r);
    if (s == DB_OK)
        *total = db_cell_int(&r, 0, 0);
    return s;
}

int ticket_list(arena *a, const ticket_filter *f, ticket_row **rows, size_t *count, long long *total) {
    unsigned key = search_key(a, filter_key(f), f);
    int per_page = page_size(f);
    int page = page_number(f);
    built args;
    db_rows r;
    db_status s;
    /* The rows carry the count (a search's with its own statement, build_search). */
    bool search = (key & F_QUERY) && !(key & F_HOUSEHOLD);
    unsigned view = (f->callbacks ? V_DONE : f->sort_by_due ? V_DUE : 0) | (total && !search ? V_TOTAL : 0);
    db_stmt *st = statement(a, key | view, f, &args);
    if (!st)
        return DB_ERROR;
    args.args[args.nargs++] = DB_INT(per_page);
    args.args[args.nargs++] = DB_INT((long long)(page - 1) * per_page);
    if ((s = db_exec(st, args.args, args.nargs, a, &r)) != DB_OK)
        return s;
    if (total) {
        /* Past the last page there is no row to carry it: count apart. */
        if (r.count)
            *total = db_cell_int(&r, 0, LIST_COLUMN_COUNT);
        else if (page > 1 && (s = count_rows(a, key, f, total)) != DB_OK)
            return s;
        else if (page == 1)
            *total = 0;
        /* The union holds up to four ways' newest: more than the cap is "more than". */
        if (f->count_cap > 0 && *total > f->count_cap + 1)
            *total = f->count_cap + 1;
    }
    return read_rows(a, &r, rows, count);
}

int ticket_home(arena *a, long long account_id, long long unit_id, int limit, ticket_row **rows,
                size_t *count) {
    /* The household's latest tickets by reporter and by unit, each from its own index in id
     * order, then what is open or has news among them: a household with years of tickets
     * costs no more than one with a hundred. Only the tickets shown get their names and
     * latest event joined (1.3 ms against 1.9 for a full window). No unit is id 0. */
    static db_stmt st = DB_STMT_KEPT(
        "ticket_home",
        "SELECT " LIST_COLUMNS
        "FROM (SELECT t.id FROM ((SELECT h.id FROM ticket h WHERE h.reporter_account_id = ? "
        "ORDER BY h.id DESC LIMIT ?) UNION (SELECT h.id FROM ticket h WHERE h.unit_id = ? "
        "ORDER BY h.id DESC LIMIT ?)) latest JOIN ticket t ON t.id = latest.id "
        "LEFT JOIN ticket_seen sn ON sn.ticket_id = t.id AND sn.account_id = ? "
        "WHERE (t.status IN ('new','accepted','dispatched','in_progress','waiting') "
        "OR t.last_public_event_id > COALESCE(sn.last_event_id, 0) OR (t.status = "
        "'completed' AND t.rating IS NULL)) "
        "ORDER BY t.updated_at DESC, t.id DESC LIMIT ?) shown JOIN ticket t ON t.id = shown.id " LIST_JOINS
        "ORDER BY t.updated_at DESC, t.id DESC");
    db_arg args[7] = {DB_INT(account_id),         DB_INT(TICKET_HOME_WINDOW), DB_INT(unit_id),
                      DB_INT(TICKET_HOME_WINDOW), DB_INT(account_id),         DB_INT(limit),
                      DB_INT(account_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 7, a, &r);
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
