/* analysis.c: the SQL behind the monthly analysis. Every statement reads one month (or
 * two) of one community through a range on an index: ticket_created (community_id,
 * created_at), or ticket_completed (community_id, completed_at) of 0004_analysis. */
#include "analysis.h"

#include <string.h>

/* The requests created in [?, ?) of community ?: the placeholders of every statement
 * that reads the month's requests, in this order. */
#define CREATED_IN_MONTH                                                                                     \
    "t.community_id = ? AND t.created_at >= FROM_UNIXTIME(?) AND t.created_at < FROM_UNIXTIME(?)"

/* Met, late and pending of one promise, over tickets whose due column is set. A promise
 * not yet kept is late once its due has passed, unless the ticket waits on the resident
 * (its clock stands still) or was withdrawn (nothing is owed any more); until then it is
 * pending. Two placeholders: now, now. */
#define CLOCK_SUMS(done, due, also)                                                                          \
    "SUM(t." due " IS NOT NULL" also " AND t." done " <= t." due "), "                                       \
    "SUM(t." due " IS NOT NULL" also " AND (t." done " > t." due " OR (t." done " IS NULL AND "              \
    "t.status NOT IN ('waiting', 'withdrawn') AND t." due " < FROM_UNIXTIME(?)))), "                         \
    "SUM(t." due " IS NOT NULL" also " AND t." done " IS NULL AND (t.status = 'waiting' OR "                 \
    "(t.status <> 'withdrawn' AND t." due " >= FROM_UNIXTIME(?))))"

/* The three promises of the month's requests: nine sums, six placeholders of now, then
 * those of CREATED_IN_MONTH. */
#define RESPOND_SUMS CLOCK_SUMS("responded_at", "respond_due", "")
#define ONSITE_SUMS CLOCK_SUMS("onsite_at", "onsite_due", " AND t.kind = 'repair'")
#define RESOLVE_SUMS CLOCK_SUMS("completed_at", "resolve_due", "")
#define CLOCKS_SQL                                                                                           \
    "SELECT " RESPOND_SUMS ", " ONSITE_SUMS ", " RESOLVE_SUMS " FROM ticket t WHERE " CREATED_IN_MONTH

/* The counts per kind and category of both months, read in one pass over both. */
static db_status load_categories(arena *a, long long community_id, long long previous_start, long long start,
                                 long long end, analysis_month *out) {
    static db_stmt st =
        DB_STMT("analysis_categories",
                "SELECT t.kind, c.code, c.name, SUM(t.created_at >= FROM_UNIXTIME(?)), "
                "SUM(t.created_at < FROM_UNIXTIME(?)) FROM ticket t JOIN ticket_category c ON c.id = "
                "t.category_id WHERE " CREATED_IN_MONTH " "
                "GROUP BY t.kind, t.category_id, c.code, c.name, c.sort ORDER BY t.kind, c.sort, c.code");
    db_arg args[5] = {DB_INT(start), DB_INT(start), DB_INT(community_id), DB_INT(previous_start),
                      DB_INT(end)};
    db_rows r;
    db_status s = db_exec(&st, args, 5, a, &r);
    if (s != DB_OK)
        return s;
    out->categories = arena_alloc(a, (r.count ? r.count : 1) * sizeof *out->categories);
    if (!out->categories)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        analysis_category *c = &out->categories[i];
        c->kind = db_cell(&r, i, 0);
        c->code = db_cell(&r, i, 1);
        c->name = db_cell(&r, i, 2);
        c->count = db_cell_int(&r, i, 3);
        c->previous = db_cell_int(&r, i, 4);
        out->total += c->count;
        out->previous_total += c->previous;
    }
    out->category_count = r.count;
    return DB_OK;
}

/* On-time figures are over the requests created in the month, judged by their own
 * promises even when a due falls in the next month: the month's requests are one fixed
 * set, read through ticket_created, and the report of a past month stops changing once
 * its requests are done. The on-site promise is a repair's only, as in ticket_apply. */
static db_status load_clocks(arena *a, long long community_id, long long start, long long end, long long now,
                             analysis_month *out) {
    static db_stmt st = DB_STMT("analysis_clocks", CLOCKS_SQL);
    db_arg args[9] = {DB_INT(now), DB_INT(now),          DB_INT(now),   DB_INT(now), DB_INT(now),
                      DB_INT(now), DB_INT(community_id), DB_INT(start), DB_INT(end)};
    db_rows r;
    db_status s = db_exec(&st, args, 9, a, &r);
    if (s != DB_OK || r.count == 0)
        return s;
    analysis_clock *clocks[3] = {&out->respond, &out->onsite, &out->resolve};
    for (size_t i = 0; i < 3; i++) {
        clocks[i]->met = db_cell_int(&r, 0, i * 3);
        clocks[i]->late = db_cell_int(&r, 0, i * 3 + 1);
        clocks[i]->pending = db_cell_int(&r, 0, i * 3 + 2);
    }
    return DB_OK;
}

/* Callbacks, ratings and charges of the requests completed in the month. A reopened
 * request loses its completion, callback and rating, so it counts again when it is
 * completed anew. */
static db_status load_completed(arena *a, long long community_id, long long start, long long end,
                                analysis_month *out) {
    static db_stmt st =
        DB_STMT("analysis_completed", "SELECT COUNT(*), COALESCE(SUM(callback_done), 0), COUNT(rating), "
                                      "COALESCE(SUM(rating), 0), COALESCE(SUM(charge_fen > 0), 0), "
                                      "COALESCE(SUM(charge_fen), 0) FROM ticket WHERE community_id = ? AND "
                                      "completed_at >= FROM_UNIXTIME(?) AND completed_at < FROM_UNIXTIME(?)");
    db_arg args[3] = {DB_INT(community_id), DB_INT(start), DB_INT(end)};
    db_rows r;
    db_status s = db_exec(&st, args, 3, a, &r);
    if (s != DB_OK || r.count == 0)
        return s;
    out->completed = db_cell_int(&r, 0, 0);
    out->callbacks = db_cell_int(&r, 0, 1);
    out->ratings = db_cell_int(&r, 0, 2);
    out->rating_sum = db_cell_int(&r, 0, 3);
    out->charged = db_cell_int(&r, 0, 4);
    out->charge_fen = db_cell_int(&r, 0, 5);
    return DB_OK;
}

/* Copies place rows (code, name, count, categories) into the arena. */
static db_status copy_places(arena *a, const db_rows *r, analysis_place **places, size_t *count) {
    *places = arena_alloc(a, (r->count ? r->count : 1) * sizeof **places);
    if (!*places)
        return DB_ERROR;
    for (size_t i = 0; i < r->count; i++) {
        (*places)[i].code = db_cell(r, i, 0);
        (*places)[i].name = db_cell(r, i, 1);
        (*places)[i].count = db_cell_int(r, i, 2);
        (*places)[i].categories = db_cell(r, i, 3) ? db_cell(r, i, 3) : "";
    }
    *count = r->count;
    return DB_OK;
}

/* A place's requests per category, for the lists of places below: the columns after the
 * place's own, the joins and CREATED_IN_MONTH (units joined for the building). */
#define PER_CATEGORY                                                                                         \
    "t.kind + 0 AS kind_order, c.name, c.sort, COUNT(*) AS n FROM ticket t "                                 \
    "JOIN unit u ON u.id = t.unit_id JOIN ticket_category c ON c.id = t.category_id WHERE " CREATED_IN_MONTH
#define PER_CATEGORY_KEY "t.category_id, t.kind, c.name, c.sort"
/* "水电×2、门窗×1": most first, then in the order of kinds and of the categories. */
#define CATEGORY_LIST                                                                                        \
    "GROUP_CONCAT(CONCAT(x.name, '×', x.n) ORDER BY x.n DESC, x.kind_order, x.sort, x.name SEPARATOR '、')"

/* The units asked about again and again, and the buildings with the most requests. A
 * request about a common area has no unit and counts in neither. */
static db_status load_places(arena *a, long long community_id, long long start, long long end,
                             analysis_month *out) {
    static db_stmt units =
        DB_STMT("analysis_units",
                "SELECT u.code, u.code, SUM(x.n), " CATEGORY_LIST " FROM (SELECT t.unit_id, " PER_CATEGORY
                " GROUP BY t.unit_id, " PER_CATEGORY_KEY ") x "
                "JOIN unit u ON u.id = x.unit_id GROUP BY x.unit_id, u.code HAVING SUM(x.n) >= 2 "
                "ORDER BY SUM(x.n) DESC, u.code LIMIT ?");
    static db_stmt buildings =
        DB_STMT("analysis_buildings",
                "SELECT b.code, b.name, SUM(x.n), " CATEGORY_LIST " FROM (SELECT u.building_id, " PER_CATEGORY
                " GROUP BY u.building_id, " PER_CATEGORY_KEY ") x "
                "JOIN building b ON b.id = x.building_id GROUP BY x.building_id, b.code, b.name "
                "ORDER BY SUM(x.n) DESC, b.code LIMIT ?");
    db_arg args[4] = {DB_INT(community_id), DB_INT(start), DB_INT(end), DB_INT(ANALYSIS_TOP)};
    db_rows r;
    db_status s = db_exec(&units, args, 4, a, &r);
    if (s != DB_OK || (s = copy_places(a, &r, &out->units, &out->unit_count)) != DB_OK)
        return s;
    if ((s = db_exec(&buildings, args, 4, a, &r)) != DB_OK)
        return s;
    return copy_places(a, &r, &out->buildings, &out->building_count);
}

db_status analysis_load(arena *a, long long community_id, long long previous_start, long long start,
                        long long end, long long now, analysis_month *out) {
    memset(out, 0, sizeof *out);
    db_status s = load_categories(a, community_id, previous_start, start, end, out);
    if (s == DB_OK)
        s = load_clocks(a, community_id, start, end, now, out);
    if (s == DB_OK)
        s = load_completed(a, community_id, start, end, out);
    if (s == DB_OK)
        s = load_places(a, community_id, start, end, out);
    return s;
}
