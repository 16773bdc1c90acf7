/* meter.c: what the reading sheet shows: the buildings and metered items to choose
 * from, and each unit's reading of the month with the readings it follows. */
#include "meter.h"

#include <string.h>

#include "../core/strmap.h"

/* Reads id, code, name (and unit_label when columns is 4) rows into out. */
static int choices_of(arena *a, const db_rows *r, meter_choice **out, size_t *count) {
    *out = arena_alloc(a, (r->count ? r->count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r->count; i++)
        (*out)[i] = (meter_choice){db_cell_int(r, i, 0), db_cell(r, i, 1), db_cell(r, i, 2),
                                   r->columns > 3 ? db_cell(r, i, 3) : ""};
    *count = r->count;
    return 0;
}

int meter_buildings(arena *a, long long community_id, meter_choice **out, size_t *count) {
    static db_stmt st =
        DB_STMT("meter_buildings", "SELECT id, code, name FROM building WHERE community_id = ? "
                                   "ORDER BY LENGTH(code), code");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    return s != DB_OK ? s : choices_of(a, &r, out, count);
}

int meter_items(arena *a, long long community_id, meter_choice **out, size_t *count) {
    static db_stmt st = DB_STMT("meter_items", "SELECT id, code, name, unit_label FROM fee_item WHERE "
                                               "community_id = ? AND kind = 'metered' AND active = 1 "
                                               "ORDER BY sort, id");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    return s != DB_OK ? s : choices_of(a, &r, out, count);
}

/* Adds to each unit its last three current readings before period: the latest is the
 * one a new reading follows, and those with a usage give the recent average. */
static int add_history(arena *a, long long community_id, long long building_id, long long item_id,
                       const char *period, meter_unit *units, const strmap *by_id) {
    static db_stmt st = DB_STMT(
        "meter_history",
        "SELECT h.unit_id, h.reading_c, h.period, h.previous_c IS NOT NULL, h.usage_c FROM (SELECT "
        "r.unit_id, "
        "r.reading_c, r.period, r.previous_c, r.usage_c, ROW_NUMBER() OVER (PARTITION BY r.unit_id ORDER BY "
        "r.period DESC) n FROM meter_reading r JOIN unit u ON u.id = r.unit_id WHERE r.community_id = ? AND "
        "r.fee_item_id = ? AND r.period < ? AND r.current_key = 1 AND (? = 0 OR u.building_id = ?)) h WHERE "
        "h.n <= 3 ORDER BY h.unit_id, h.period DESC");
    db_arg args[5] = {DB_INT(community_id), DB_INT(item_id), DB_TEXT(period), DB_INT(building_id),
                      DB_INT(building_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 5, a, &r);
    if (s != DB_OK)
        return s;
    for (size_t i = 0; i < r.count; i++) {
        size_t k;
        if (!strmap_get(by_id, db_cell(&r, i, 0), &k))
            continue; /* a unit that no longer pays the item */
        meter_unit *u = &units[k];
        if (!u->has_previous) { /* rows come latest first */
            u->has_previous = true;
            u->previous_c = db_cell_int(&r, i, 1);
            u->previous_period = db_cell(&r, i, 2);
        }
        if (db_cell_int(&r, i, 3)) {
            u->history++;
            u->history_usage_c += db_cell_int(&r, i, 4);
        }
    }
    return 0;
}

int meter_units(arena *a, long long community_id, long long building_id, long long item_id,
                const char *period, meter_unit **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "meter_units",
        "SELECT u.id, u.code, u.floor, r.id, r.reading_c, r.usage_c, r.flag, r.source, COALESCE(s.name, ''), "
        "UNIX_TIMESTAMP(r.created_at), EXISTS (SELECT 1 FROM bill_line l WHERE l.reading_id = r.id), "
        "(SELECT MIN(m.period) FROM meter_reading m WHERE m.unit_id = u.id AND m.fee_item_id = f.id AND "
        "m.period > ? AND m.current_key = 1) FROM "
        "unit u "
        "JOIN fee_item f ON f.id = ? AND f.community_id = u.community_id LEFT JOIN meter_reading r ON "
        "r.unit_id = u.id AND r.fee_item_id = f.id AND r.period = ? AND r.current_key = 1 LEFT JOIN staff s "
        "ON "
        "s.id = r.staff_id WHERE u.community_id = ? AND (? = 0 OR u.building_id = ?) AND "
        "FIND_IN_SET(u.type, f.unit_types) ORDER BY u.building_id, u.floor, u.code");
    db_arg args[6] = {DB_TEXT(period),      DB_INT(item_id),     DB_TEXT(period),
                      DB_INT(community_id), DB_INT(building_id), DB_INT(building_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 6, a, &r);
    if (s != DB_OK)
        return s;
    meter_unit *units = arena_alloc(a, (r.count ? r.count : 1) * sizeof *units);
    strmap by_id;
    if (!units || strmap_init(a, &by_id, r.count) != 0)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        meter_unit *u = &units[i];
        *u = (meter_unit){0};
        u->unit_id = db_cell_int(&r, i, 0);
        u->code = db_cell(&r, i, 1);
        u->floor = (int)db_cell_int(&r, i, 2);
        u->reading_id = db_cell_int(&r, i, 3);
        u->reading_c = db_cell_int(&r, i, 4);
        u->usage_c = db_cell_int(&r, i, 5);
        u->flag = db_cell(&r, i, 6) ? db_cell(&r, i, 6) : "";
        u->source = db_cell(&r, i, 7) ? db_cell(&r, i, 7) : "";
        u->staff_name = db_cell(&r, i, 8);
        u->at = db_cell_int(&r, i, 9);
        u->billed = db_cell_int(&r, i, 10) != 0;
        u->later_period = db_cell(&r, i, 11);
        strmap_put(&by_id, db_cell(&r, i, 0), i);
    }
    *out = units;
    *count = r.count;
    return add_history(a, community_id, building_id, item_id, period, units, &by_id);
}
