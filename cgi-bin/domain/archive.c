/* archive.c: the archive's roles and names (pure functions), and reading units: the grid,
 * the search, one unit with its people, records, vehicles, cards and keys. */
#include "archive.h"

#include "../core/refcache.h"
#include "../core/roles.h"

#include <string.h>

bool archive_roles_may_act(const char *roles) {
    return roles_has(roles, "frontdesk") || roles_has(roles, "clerk") || roles_has(roles, "supervisor") ||
           roles_has(roles, "manager") || roles_has(roles, "admin");
}

bool archive_roles_see_id(const char *roles) {
    return roles_has(roles, "clerk") || roles_has(roles, "manager") || roles_has(roles, "admin");
}

const char *archive_mask_id(arena *a, const char *id_number) {
    size_t n = id_number ? strlen(id_number) : 0;
    char *out = arena_alloc(a, n + 1);
    if (!out)
        return "";
    for (size_t i = 0; i < n; i++)
        out[i] = (n > 8 && (i < 4 || i >= n - 4)) ? id_number[i] : '*';
    out[n] = '\0';
    return out;
}

typedef struct code_name {
    const char *code, *name;
} code_name;

static const char *lookup(const code_name *t, const char *code) {
    for (; code && t->code; t++)
        if (!strcmp(t->code, code))
            return t->name;
    return code ? code : "";
}

const char *archive_state_name(const char *state) {
    static const code_name t[] = {
        {"unsold", "未售"},  {"vacant", "空置"},   {"occupied", "已入住"}, {"renovating", "装修中"},
        {"rented", "出租"},  {"issued", "已发放"}, {"returned", "已退还"}, {"lost", "已挂失"},
        {"in", "在管理处"},  {"out", "已借出"},    {"issue", "发放"},      {"return", "退还"},
        {"move_in", "入伙"}, {"move_out", "迁出"}, {NULL, NULL},
    };
    return lookup(t, state);
}

const char *archive_relation_name(const char *relation) {
    static const code_name t[] = {
        {"owner", "业主"}, {"tenant", "租户"}, {"family", "家庭成员"}, {"other", "其他住户"}, {NULL, NULL}};
    return lookup(t, relation);
}

const char *const archive_checklist_items[] = {"keys", "meters", "fees", "documents", "decoration", NULL};

const char *archive_checklist_name(const char *item) {
    static const code_name t[] = {{"keys", "钥匙交接"},           {"meters", "水电表读数"},
                                  {"fees", "费用结清"},           {"documents", "证件复印"},
                                  {"decoration", "装修须知签署"}, {NULL, NULL}};
    return lookup(t, item);
}

/* --- units ------------------------------------------------------------------------------- */

#define CELL_COLUMNS "u.id, b.id, b.code, b.name, u.code, u.floor, u.state, " ARCHIVE_OWNERS_SQL " "

/* Row i of r from column col on: u.id, b.id, b.code, b.name, u.code, u.floor, u.state, owners. */
static void read_cell(const db_rows *r, size_t i, size_t col, archive_unit_cell *c) {
    c->id = db_cell_int(r, i, col);
    c->building_id = db_cell_int(r, i, col + 1);
    c->building_code = db_cell(r, i, col + 2);
    c->building_name = db_cell(r, i, col + 3);
    c->code = db_cell(r, i, col + 4);
    c->floor = (int)db_cell_int(r, i, col + 5);
    c->state = db_cell(r, i, col + 6);
    c->owners = db_cell(r, i, col + 7);
}

static int read_cells(arena *a, const db_rows *r, archive_unit_cell **out, size_t *count) {
    *out = arena_alloc(a, (r->count ? r->count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r->count; i++)
        read_cell(r, i, 0, &(*out)[i]);
    *count = r->count;
    return 0;
}

static int read_buildings(arena *a, long long community_id, void *items, size_t *count) {
    archive_building **out = items;
    static db_stmt st =
        DB_STMT("archive_buildings", "SELECT id, code, name FROM building WHERE community_id = ? "
                                     "ORDER BY LENGTH(code), code");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*out)[i] = (archive_building){db_cell_int(&r, i, 0), db_cell(&r, i, 1), db_cell(&r, i, 2)};
    *count = r.count;
    return 0;
}

/* Kept by the page process while the community's reference version holds (core/refcache.h,
 * schema/0018_ref_building.sql). */
int archive_buildings(arena *a, long long community_id, archive_building **out, size_t *count) {
    static refcache_slot kept;
    return refcache_read(&kept, read_buildings, a, community_id, out, count);
}

int archive_units_grid(arena *a, long long community_id, long long building_id, int limit,
                       archive_unit_cell **out, size_t *count) {
    /* One building: its units through unit_building; the optimiser otherwise also reads every
     * unit of the community through unit_code to filter them (1,000 at full size). */
    static db_stmt one =
        DB_STMT_KEPT("archive_units_grid",
                     "SELECT " CELL_COLUMNS "FROM building b JOIN unit u FORCE INDEX (unit_building) "
                     "ON u.building_id = b.id WHERE b.id = ? AND b.community_id = ? "
                     "AND u.community_id = ? ORDER BY u.floor DESC, LENGTH(u.code), u.code LIMIT ?");
    static db_stmt all =
        DB_STMT_KEPT("archive_units_grid_all",
                     "SELECT " CELL_COLUMNS "FROM unit u JOIN building b ON b.id = u.building_id "
                     "WHERE u.community_id = ? "
                     "ORDER BY LENGTH(b.code), b.code, u.floor DESC, LENGTH(u.code), u.code LIMIT ?");
    db_arg one_args[4] = {DB_INT(building_id), DB_INT(community_id), DB_INT(community_id), DB_INT(limit)};
    db_arg all_args[2] = {DB_INT(community_id), DB_INT(limit)};
    db_rows r;
    db_status s = building_id ? db_exec(&one, one_args, 4, a, &r) : db_exec(&all, all_args, 2, a, &r);
    if (s != DB_OK)
        return s;
    return read_cells(a, &r, out, count);
}

#define SEARCH_WHERE                                                                                         \
    "FROM unit u JOIN building b ON b.id = u.building_id WHERE u.community_id = ? AND (u.code LIKE ? "       \
    "OR EXISTS (SELECT 1 FROM occupancy o JOIN person p ON p.id = o.person_id WHERE o.unit_id = u.id "       \
    "AND (p.name LIKE ? OR p.phone = ?)) "                                                                   \
    "OR EXISTS (SELECT 1 FROM vehicle v WHERE v.unit_id = u.id AND v.plate = ?) "                            \
    "OR EXISTS (SELECT 1 FROM parking_lease l WHERE l.unit_id = u.id AND l.plate = ?)) "

int archive_units_search(arena *a, long long community_id, const char *q, int page_number, int per_page,
                         archive_unit_cell **out, size_t *count, long long *total) {
    static db_stmt counted = DB_STMT("archive_units_search_count", "SELECT COUNT(*) " SEARCH_WHERE);
    static db_stmt st =
        DB_STMT("archive_units_search",
                "SELECT " CELL_COLUMNS SEARCH_WHERE "ORDER BY LENGTH(b.code), b.code, LENGTH(u.code), u.code "
                "LIMIT ? OFFSET ?");
    const char *like = db_like_contains(a, q);
    /* Plates are kept upper-case: 浙a12345 finds 浙A12345. */
    char *plate = arena_strdup(a, q);
    if (!plate)
        return DB_ERROR;
    for (char *p = plate; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
    if (page_number < 1)
        page_number = 1;
    db_arg args[8] = {DB_INT(community_id), DB_TEXT(like),
                      DB_TEXT(like),        DB_TEXT(q),
                      DB_TEXT(plate),       DB_TEXT(plate),
                      DB_INT(per_page),     DB_INT((long long)(page_number - 1) * per_page)};
    db_rows r;
    db_status s = db_exec(&counted, args, 6, a, &r);
    if (s != DB_OK)
        return s;
    *total = db_cell_int(&r, 0, 0);
    if ((s = db_exec(&st, args, 8, a, &r)) != DB_OK)
        return s;
    return read_cells(a, &r, out, count);
}

int archive_unit_load(arena *a, long long community_id, long long id, archive_unit *out,
                      archive_refusal *why) {
    static db_stmt st = DB_STMT("archive_unit_load",
                                "SELECT u.id, u.community_id, u.code, b.name, u.floor, u.area_m2, u.type, "
                                "u.state FROM unit u JOIN building b ON b.id = u.building_id "
                                "WHERE u.id = ? AND u.community_id = ?");
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    if (!r.count) {
        why->message = "没有这个房屋，或它不属于您所在的小区。";
        return 404;
    }
    *out = (archive_unit){db_cell_int(&r, 0, 0), db_cell_int(&r, 0, 1),      db_cell(&r, 0, 2),
                          db_cell(&r, 0, 3),     (int)db_cell_int(&r, 0, 4), db_cell(&r, 0, 5),
                          db_cell(&r, 0, 6),     db_cell(&r, 0, 7)};
    return 0;
}

#define OCCUPANT_COLUMNS                                                                                     \
    "o.id, o.person_id, p.name, p.phone, o.relation, DATE_FORMAT(o.since, '%Y-%m-%d'), "                     \
    "COALESCE(DATE_FORMAT(o.until, '%Y-%m-%d'), ''), COALESCE(o.share_pct, ''), "                            \
    "COALESCE(DATE_FORMAT(o.lease_start, '%Y-%m-%d'), ''), COALESCE(DATE_FORMAT(o.lease_end, '%Y-%m-%d'), "  \
    "''), COALESCE(o.rent_fen, -1) "

static int read_occupants(arena *a, const db_rows *r, archive_occupant **out, size_t *count) {
    *out = arena_alloc(a, (r->count ? r->count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r->count; i++) {
        archive_occupant *o = &(*out)[i];
        o->id = db_cell_int(r, i, 0);
        o->person_id = db_cell_int(r, i, 1);
        o->name = db_cell(r, i, 2);
        o->phone = db_cell(r, i, 3);
        o->relation = db_cell(r, i, 4);
        o->since = db_cell(r, i, 5);
        o->until = db_cell(r, i, 6);
        o->share = db_cell(r, i, 7);
        o->lease_start = db_cell(r, i, 8);
        o->lease_end = db_cell(r, i, 9);
        o->rent_fen = db_cell_int(r, i, 10);
    }
    *count = r->count;
    return 0;
}

int archive_person_units(arena *a, long long person_id, archive_occupant **out, size_t *count) {
    static db_stmt st =
        DB_STMT("archive_person_units",
                "SELECT " OCCUPANT_COLUMNS ", u.code FROM occupancy o JOIN person p ON p.id = "
                "o.person_id JOIN unit u ON u.id = o.unit_id WHERE o.person_id = ? "
                "ORDER BY o.until IS NOT NULL, o.since DESC, o.id DESC LIMIT 200");
    db_arg args[1] = {DB_INT(person_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    int rc = read_occupants(a, &r, out, count);
    /* The unit code stands in for the phone, which the person page shows anyway. */
    for (size_t i = 0; !rc && i < r.count; i++)
        (*out)[i].phone = db_cell(&r, i, 11);
    return rc;
}

/* Fills the logs of the unit's cards (card = true) or keys, newest first. */
static int read_logs(arena *a, const db_rows *r, archive_log **out, size_t *count) {
    *out = arena_alloc(a, (r->count ? r->count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r->count; i++)
        (*out)[i] = (archive_log){db_cell_int(r, i, 0), db_cell(r, i, 1), db_cell(r, i, 2), db_cell(r, i, 3),
                                  db_cell_int(r, i, 4)};
    *count = r->count;
    return 0;
}

int archive_unit_file_load(arena *a, long long unit_id, archive_unit_file *out) {
    static db_stmt occupants =
        DB_STMT("archive_unit_occupants",
                "SELECT " OCCUPANT_COLUMNS "FROM occupancy o JOIN person p ON p.id = "
                "o.person_id WHERE o.unit_id = ? ORDER BY o.until IS NOT NULL, o.until DESC, "
                "FIELD(o.relation, 'owner', 'tenant', 'family', 'other'), o.id LIMIT 200");
    static db_stmt moves = DB_STMT(
        "archive_unit_moves",
        "SELECT m.kind, DATE_FORMAT(m.on_date, '%Y-%m-%d'), m.checklist, m.notes, COALESCE(p.name, ''), "
        "s.name FROM move_record m LEFT JOIN person p ON p.id = m.person_id JOIN staff s ON s.id = "
        "m.staff_id WHERE m.unit_id = ? ORDER BY m.on_date DESC, m.id DESC LIMIT 100");
    static db_stmt vehicles = DB_STMT(
        "archive_unit_vehicles", "SELECT v.id, v.plate, v.model, v.colour, COALESCE(p.name, '') FROM "
                                 "vehicle v LEFT JOIN person p ON p.id = v.person_id WHERE v.unit_id = ? "
                                 "ORDER BY v.id LIMIT 100");
    static db_stmt parking = DB_STMT(
        "archive_unit_parking",
        "SELECT l.space_code, l.plate, DATE_FORMAT(l.start_date, '%Y-%m-%d'), DATE_FORMAT(l.end_date, "
        "'%Y-%m-%d'), COALESCE(p.name, ''), l.fee_fen FROM parking_lease l LEFT JOIN person p ON p.id = "
        "l.person_id WHERE l.unit_id = ? ORDER BY l.end_date DESC, l.id DESC LIMIT 100");
    static db_stmt cards = DB_STMT(
        "archive_unit_cards", "SELECT c.id, c.number, c.state, COALESCE(p.name, ''), COALESCE(c.person_id, "
                              "0), UNIX_TIMESTAMP(c.since) FROM access_card c LEFT JOIN person p ON p.id = "
                              "c.person_id WHERE c.unit_id = ? ORDER BY c.state <> 'issued', c.number "
                              "LIMIT 200");
    static db_stmt card_logs = DB_STMT(
        "archive_unit_card_logs",
        "SELECT l.card_id, l.action, COALESCE(p.name, ''), s.name, UNIX_TIMESTAMP(l.at) FROM "
        "access_card_log l JOIN access_card c ON c.id = l.card_id LEFT JOIN person p ON p.id = "
        "l.person_id JOIN staff s ON s.id = l.staff_id WHERE c.unit_id = ? ORDER BY l.id DESC LIMIT 200");
    static db_stmt keys =
        DB_STMT("archive_unit_keys",
                "SELECT k.id, k.label, k.state, IF(k.state = 'out', COALESCE(p.name, k.holder_text), ''), "
                "UNIX_TIMESTAMP(k.since) FROM key_item k LEFT JOIN person p ON p.id = k.holder_person_id "
                "WHERE k.unit_id = ? ORDER BY k.label, k.id LIMIT 200");
    static db_stmt key_logs = DB_STMT(
        "archive_unit_key_logs",
        "SELECT l.key_id, l.action, COALESCE(p.name, l.holder_text), s.name, UNIX_TIMESTAMP(l.at) FROM "
        "key_log "
        "l JOIN key_item k ON k.id = l.key_id LEFT JOIN person p ON p.id = l.person_id JOIN staff s ON s.id "
        "= l.staff_id WHERE k.unit_id = ? ORDER BY l.id DESC LIMIT 200");
    db_arg args[1] = {DB_INT(unit_id)};
    db_rows r;
    db_status s;
    memset(out, 0, sizeof *out);
    if ((s = db_exec(&occupants, args, 1, a, &r)) != DB_OK ||
        (s = read_occupants(a, &r, &out->occupants, &out->occupant_count)) != 0)
        return s;
    if ((s = db_exec(&moves, args, 1, a, &r)) != DB_OK)
        return s;
    out->moves = arena_alloc(a, (r.count ? r.count : 1) * sizeof *out->moves);
    if (!out->moves)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        out->moves[i] = (archive_move){db_cell(&r, i, 0), db_cell(&r, i, 1), db_cell(&r, i, 2),
                                       db_cell(&r, i, 3), db_cell(&r, i, 4), db_cell(&r, i, 5)};
    out->move_count = r.count;
    if ((s = db_exec(&vehicles, args, 1, a, &r)) != DB_OK)
        return s;
    out->vehicles = arena_alloc(a, (r.count ? r.count : 1) * sizeof *out->vehicles);
    if (!out->vehicles)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        out->vehicles[i] = (archive_vehicle){db_cell_int(&r, i, 0), db_cell(&r, i, 1), db_cell(&r, i, 2),
                                             db_cell(&r, i, 3), db_cell(&r, i, 4)};
    out->vehicle_count = r.count;
    if ((s = db_exec(&parking, args, 1, a, &r)) != DB_OK)
        return s;
    out->parking = arena_alloc(a, (r.count ? r.count : 1) * sizeof *out->parking);
    if (!out->parking)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        out->parking[i] = (archive_parking){db_cell(&r, i, 0), db_cell(&r, i, 1), db_cell(&r, i, 2),
                                            db_cell(&r, i, 3), db_cell(&r, i, 4), db_cell_int(&r, i, 5)};
    out->parking_count = r.count;
    if ((s = db_exec(&cards, args, 1, a, &r)) != DB_OK)
        return s;
    out->cards = arena_alloc(a, (r.count ? r.count : 1) * sizeof *out->cards);
    if (!out->cards)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        out->cards[i] = (archive_card){db_cell_int(&r, i, 0), db_cell(&r, i, 1),     db_cell(&r, i, 2),
                                       db_cell(&r, i, 3),     db_cell_int(&r, i, 4), db_cell_int(&r, i, 5)};
    out->card_count = r.count;
    if ((s = db_exec(&card_logs, args, 1, a, &r)) != DB_OK ||
        (s = read_logs(a, &r, &out->card_logs, &out->card_log_count)) != 0)
        return s;
    if ((s = db_exec(&keys, args, 1, a, &r)) != DB_OK)
        return s;
    out->keys = arena_alloc(a, (r.count ? r.count : 1) * sizeof *out->keys);
    if (!out->keys)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        out->keys[i] = (archive_key){db_cell_int(&r, i, 0), db_cell(&r, i, 1), db_cell(&r, i, 2),
                                     db_cell(&r, i, 3), db_cell_int(&r, i, 4)};
    out->key_count = r.count;
    if ((s = db_exec(&key_logs, args, 1, a, &r)) != DB_OK ||
        (s = read_logs(a, &r, &out->key_logs, &out->key_log_count)) != 0)
        return s;
    return 0;
}
