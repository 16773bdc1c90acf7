/* analysis.c: the SQL behind the monthly analysis. One statement reads the month's
 * requests and the month before's through ticket_created (community_id, created_at), and
 * sums the requests completed in the month through ticket_completed (community_id,
 * completed_at) of 0004_analysis; analysis_compute.c makes the figures of the rows. */
#include "analysis.h"

#include <string.h>

/* The month's requests (part 1), the month before's (part 2, only what the comparison
 * needs) and one row of sums over the requests completed in the month (part 3), told
 * apart by the first column. Times are unix seconds (the session is in UTC); the keys
 * are the collation's sort keys of codes and names, so that C orders them as ORDER BY
 * did. Placeholders: community, start, end; community, previous start, start;
 * community, start, end. */
#define MONTH_SQL                                                                                            \
    "SELECT 1, t.kind + 0, t.category_id, c.sort, c.code, HEX(WEIGHT_STRING(c.code)), c.name, "              \
    "HEX(WEIGHT_STRING(c.name)), t.unit_id, u.code, HEX(WEIGHT_STRING(u.code)), u.building_id, b.code, "     \
    "b.name, HEX(WEIGHT_STRING(b.code)), t.status, UNIX_TIMESTAMP(t.respond_due), "                          \
    "UNIX_TIMESTAMP(t.responded_at), UNIX_TIMESTAMP(t.onsite_due), UNIX_TIMESTAMP(t.onsite_at), "            \
    "UNIX_TIMESTAMP(t.resolve_due), UNIX_TIMESTAMP(t.completed_at) FROM ticket t "                           \
    "JOIN ticket_category c ON c.id = t.category_id LEFT JOIN unit u ON u.id = t.unit_id "                   \
    "LEFT JOIN building b ON b.id = u.building_id WHERE t.community_id = ? AND "                             \
    "t.created_at >= FROM_UNIXTIME(?) AND t.created_at < FROM_UNIXTIME(?) "                                  \
    "UNION ALL SELECT 0, t.kind + 0, t.category_id, c.sort, c.code, HEX(WEIGHT_STRING(c.code)), c.name, "    \
    "HEX(WEIGHT_STRING(c.name)), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "   \
    "NULL, NULL FROM ticket t JOIN ticket_category c ON c.id = t.category_id WHERE t.community_id = ? AND "  \
    "t.created_at >= FROM_UNIXTIME(?) AND t.created_at < FROM_UNIXTIME(?) "                                  \
    "UNION ALL SELECT 2, COUNT(*), COALESCE(SUM(callback_done), 0), COUNT(rating), COALESCE(SUM(rating), "   \
    "0), "                                                                                                   \
    "COALESCE(SUM(charge_fen > 0), 0), COALESCE(SUM(charge_fen), 0), NULL, NULL, NULL, NULL, NULL, NULL, "   \
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM ticket WHERE community_id = ? AND "           \
    "completed_at >= FROM_UNIXTIME(?) AND completed_at < FROM_UNIXTIME(?)"

/* The columns of MONTH_SQL's parts 1 and 2. */
enum {
    COL_PART,
    COL_KIND,
    COL_CATEGORY_ID,
    COL_CATEGORY_SORT,
    COL_CATEGORY_CODE,
    COL_CATEGORY_CODE_KEY,
    COL_CATEGORY_NAME,
    COL_CATEGORY_NAME_KEY,
    COL_UNIT_ID,
    COL_UNIT_CODE,
    COL_UNIT_KEY,
    COL_BUILDING_ID,
    COL_BUILDING_CODE,
    COL_BUILDING_NAME,
    COL_BUILDING_KEY,
    COL_STATUS,
    COL_RESPOND_DUE,
    COL_RESPONDED_AT,
    COL_ONSITE_DUE,
    COL_ONSITE_AT,
    COL_RESOLVE_DUE,
    COL_COMPLETED_AT,
};

/* Callbacks, ratings and charges of the requests completed in the month, from part 3. A
 * reopened request loses its completion, callback and rating, so it counts again when it
 * is completed anew. */
static void read_completed(const db_rows *r, size_t i, analysis_month *out) {
    out->completed = db_cell_int(r, i, 1);
    out->callbacks = db_cell_int(r, i, 2);
    out->ratings = db_cell_int(r, i, 3);
    out->rating_sum = db_cell_int(r, i, 4);
    out->charged = db_cell_int(r, i, 5);
    out->charge_fen = db_cell_int(r, i, 6);
}

/* A request of part 1 or 2. */
static analysis_row read_row(const db_rows *r, size_t i) {
    return (analysis_row){
        .current = db_cell_int(r, i, COL_PART) == 1,
        .kind = (int)db_cell_int(r, i, COL_KIND),
        .category_id = db_cell_int(r, i, COL_CATEGORY_ID),
        .category_sort = db_cell_int(r, i, COL_CATEGORY_SORT),
        .category_code = db_cell(r, i, COL_CATEGORY_CODE),
        .category_code_key = db_cell(r, i, COL_CATEGORY_CODE_KEY),
        .category_name = db_cell(r, i, COL_CATEGORY_NAME),
        .category_name_key = db_cell(r, i, COL_CATEGORY_NAME_KEY),
        .unit_id = db_cell_int(r, i, COL_UNIT_ID),
        .unit_code = db_cell(r, i, COL_UNIT_CODE),
        .unit_key = db_cell(r, i, COL_UNIT_KEY),
        .building_id = db_cell_int(r, i, COL_BUILDING_ID),
        .building_code = db_cell(r, i, COL_BUILDING_CODE),
        .building_name = db_cell(r, i, COL_BUILDING_NAME),
        .building_key = db_cell(r, i, COL_BUILDING_KEY),
        .status = db_cell(r, i, COL_STATUS),
        .respond_due = db_cell_int(r, i, COL_RESPOND_DUE),
        .responded_at = db_cell_int(r, i, COL_RESPONDED_AT),
        .onsite_due = db_cell_int(r, i, COL_ONSITE_DUE),
        .onsite_at = db_cell_int(r, i, COL_ONSITE_AT),
        .resolve_due = db_cell_int(r, i, COL_RESOLVE_DUE),
        .completed_at = db_cell_int(r, i, COL_COMPLETED_AT),
    };
}

/* On-time figures are over the requests created in the month, judged by their own
 * promises even when a due falls in the next month: the month's requests are one fixed
 * set, and the report of a past month stops changing once its requests are done. */
db_status analysis_load(arena *a, long long community_id, long long previous_start, long long start,
                        long long end, long long now, analysis_month *out) {
    /* Its answer is the month's requests, too large to keep; the figures are kept. */
    static db_stmt st = DB_STMT("analysis_month", MONTH_SQL);
    memset(out, 0, sizeof *out);
    db_arg args[9] = {DB_INT(community_id), DB_INT(start),          DB_INT(end),
                      DB_INT(community_id), DB_INT(previous_start), DB_INT(start),
                      DB_INT(community_id), DB_INT(start),          DB_INT(end)};
    db_rows r;
    if (db_derived_find(&st, args, 9, a, &r) && analysis_from_rows(a, &r, out) && now >= out->computed_at &&
        now <= out->valid_until)
        return DB_OK;
    memset(out, 0, sizeof *out);
    db_status s = db_exec(&st, args, 9, a, &r);
    if (s != DB_OK)
        return s;
    analysis_row *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof *rows);
    if (!rows)
        return DB_ERROR;
    size_t n = 0;
    for (size_t i = 0; i < r.count; i++) {
        if (db_cell_int(&r, i, COL_PART) == 2)
            read_completed(&r, i, out);
        else
            rows[n++] = read_row(&r, i);
    }
    if (!analysis_compute(a, rows, n, now, out))
        return DB_ERROR;
    db_rows kept;
    if (analysis_to_rows(a, out, &kept))
        db_derived_put(&st, args, 9, &kept);
    return DB_OK;
}
