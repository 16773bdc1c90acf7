/* import.c: the CSV import of buildings, units and people (import.h). The community's
 * buildings, units, people and current occupancy are loaded once; every row is checked
 * (import_check.c) against them and against the rows before it; only a file without a
 * single problem is written, in one transaction. The export that reads back in the same
 * layout is here too. */
#include "import.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "import_state.h"

int import_grow(arena *a, void **array, size_t *capacity, size_t size, size_t count) {
    size_t bigger = *capacity ? *capacity * 2 : 64;
    void *p = arena_alloc(a, bigger * size);
    if (!p)
        return -1;
    if (count)
        memcpy(p, *array, count * size);
    *array = p;
    *capacity = bigger;
    return 0;
}

/* --- loading what the community has ------------------------------------------------ */

int import_add_building(import_state *s, long long id, const char *code, bool is_new, size_t *index) {
    if (GROW(s->a, s->buildings, s->building_count, s->building_capacity) != 0)
        return -1;
    *index = s->building_count;
    s->buildings[s->building_count++] = (building_entry){id, code, is_new, 0};
    strmap_put(&s->building_map, code, *index);
    return 0;
}

int import_add_unit(import_state *s, const unit_entry *u, size_t *index) {
    if (GROW(s->a, s->units, s->unit_count, s->unit_capacity) != 0)
        return -1;
    *index = s->unit_count;
    s->units[s->unit_count++] = *u;
    strmap_put(&s->unit_map, u->code, *index);
    return 0;
}

/* The key a person is known by: name and phone, else name and ID number; NULL when the
 * row gives neither (such a person is always a new one). */
const char *import_person_key(arena *a, const char *name, const char *phone, const char *id_number) {
    if (*phone)
        return arena_printf(a, "%s\x1f%s", name, phone);
    if (*id_number)
        return arena_printf(a, "%s\x1f\x1f%s", name, id_number);
    return NULL;
}

int import_add_person(import_state *s, const person_entry *p, size_t *index) {
    if (GROW(s->a, s->people, s->person_count, s->person_capacity) != 0)
        return -1;
    *index = s->person_count;
    s->people[s->person_count++] = *p;
    if (*p->phone)
        strmap_put(&s->person_map, import_person_key(s->a, p->name, p->phone, ""), *index);
    if (*p->id_number)
        strmap_put(&s->person_map, import_person_key(s->a, p->name, "", p->id_number), *index);
    return 0;
}

/* How an occupancy is known: its unit, its person (by id when stored, else by the
 * file's index) and the relation. */
const char *import_occupancy_key(import_state *s, size_t unit, size_t person, const char *relation) {
    const unit_entry *u = &s->units[unit];
    const person_entry *p = &s->people[person];
    char us[32], ps[32];
    if (u->id)
        snprintf(us, sizeof us, "%lld", u->id);
    else
        snprintf(us, sizeof us, "n%lu", (unsigned long)unit);
    if (p->id)
        snprintf(ps, sizeof ps, "%lld", p->id);
    else
        snprintf(ps, sizeof ps, "n%lu", (unsigned long)person);
    return arena_printf(s->a, "%s|%s|%s", us, ps, relation);
}

/* Loads the community's buildings, units, people and current occupancy into s, with
 * maps big enough for them and rows more of each. */
static db_status load_existing(import_state *s, size_t rows) {
    static db_stmt buildings =
        DB_STMT("import_buildings", "SELECT id, code FROM building WHERE community_id = ?");
    static db_stmt units = DB_STMT("import_units", "SELECT u.id, u.code, u.building_id FROM unit u "
                                                   "WHERE u.community_id = ?");
    static db_stmt people = DB_STMT(
        "import_people", "SELECT id, name, phone, id_number FROM person WHERE community_id = ? ORDER BY id");
    static db_stmt occupancies =
        DB_STMT("import_occupancies", "SELECT unit_id, person_id, relation FROM occupancy "
                                      "WHERE community_id = ? AND until IS NULL");
    arena *a = s->a;
    db_arg args[1] = {DB_INT(s->o->community_id)};
    db_rows b, u, p, o;
    db_status st;
    if ((st = db_exec(&buildings, args, 1, a, &b)) != DB_OK ||
        (st = db_exec(&units, args, 1, a, &u)) != DB_OK || (st = db_exec(&people, args, 1, a, &p)) != DB_OK ||
        (st = db_exec(&occupancies, args, 1, a, &o)) != DB_OK)
        return st;
    if (strmap_init(a, &s->building_map, b.count + rows) || strmap_init(a, &s->unit_map, u.count + rows) ||
        strmap_init(a, &s->person_map, 2 * (p.count + rows)) ||
        strmap_init(a, &s->occupancy_map, o.count + rows))
        return DB_ERROR;
    size_t index;
    for (size_t i = 0; i < b.count; i++)
        if (import_add_building(s, db_cell_int(&b, i, 0), db_cell(&b, i, 1), false, &index) != 0)
            return DB_ERROR;
    /* Building ids to indexes, for the units. */
    strmap by_id;
    if (strmap_init(a, &by_id, b.count))
        return DB_ERROR;
    for (size_t i = 0; i < b.count; i++)
        strmap_put(&by_id, db_cell(&b, i, 0), i);
    for (size_t i = 0; i < u.count; i++) {
        size_t building = SIZE_MAX;
        strmap_get(&by_id, db_cell(&u, i, 2), &building);
        unit_entry e = {.id = db_cell_int(&u, i, 0), .building = building, .code = db_cell(&u, i, 1)};
        if (import_add_unit(s, &e, &index) != 0)
            return DB_ERROR;
    }
    strmap unit_ids, person_ids;
    if (strmap_init(a, &unit_ids, u.count) || strmap_init(a, &person_ids, p.count))
        return DB_ERROR;
    for (size_t i = 0; i < u.count; i++)
        strmap_put(&unit_ids, db_cell(&u, i, 0), i);
    for (size_t i = 0; i < p.count; i++) {
        person_entry e = {db_cell_int(&p, i, 0), db_cell(&p, i, 1), db_cell(&p, i, 2), db_cell(&p, i, 3),
                          false};
        if (import_add_person(s, &e, &index) != 0)
            return DB_ERROR;
        strmap_put(&person_ids, db_cell(&p, i, 0), index);
    }
    for (size_t i = 0; i < o.count; i++) {
        size_t unit, person;
        if (strmap_get(&unit_ids, db_cell(&o, i, 0), &unit) &&
            strmap_get(&person_ids, db_cell(&o, i, 1), &person))
            strmap_put(&s->occupancy_map, import_occupancy_key(s, unit, person, db_cell(&o, i, 2)), 0);
    }
    return DB_OK;
}
/* --- writing ----------------------------------------------------------------------- */

static db_status write_all(import_state *s) {
    static db_stmt new_building =
        DB_STMT("import_building_insert",
                "INSERT INTO building (community_id, code, name, floors) VALUES (?, ?, ?, ?)");
    static db_stmt floors =
        DB_STMT("import_building_floors", "UPDATE building SET floors = GREATEST(floors, ?) WHERE id = ?");
    static db_stmt new_unit =
        DB_STMT("import_unit_insert",
                "INSERT INTO unit (community_id, building_id, code, floor, area_m2, type, state) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
    static db_stmt new_person =
        DB_STMT("import_person_insert",
                "INSERT INTO person (community_id, name, phone, id_number) VALUES (?, ?, ?, ?)");
    static db_stmt new_occupancy =
        DB_STMT("import_occupancy_insert",
                "INSERT INTO occupancy (community_id, unit_id, person_id, relation, since) "
                "VALUES (?, ?, ?, ?, ?)");
    arena *a = s->a;
    long long community = s->o->community_id;
    db_rows rows;
    db_status st = db_begin();
    for (size_t i = 0; st == DB_OK && i < s->building_count; i++) {
        building_entry *b = &s->buildings[i];
        int max_floor = b->max_floor > 0 ? b->max_floor : 1;
        if (b->is_new) {
            db_arg args[4] = {DB_INT(community), DB_TEXT(b->code), DB_TEXT(arena_printf(a, "%s栋", b->code)),
                              DB_INT(max_floor)};
            if ((st = db_exec(&new_building, args, 4, a, &rows)) == DB_OK)
                b->id = (long long)rows.insert_id;
        } else if (b->max_floor > 0) {
            db_arg args[2] = {DB_INT(max_floor), DB_INT(b->id)};
            st = db_exec(&floors, args, 2, NULL, NULL);
        }
    }
    for (size_t i = 0; st == DB_OK && i < s->unit_count; i++) {
        unit_entry *u = &s->units[i];
        if (!u->is_new)
            continue;
        db_arg args[7] = {DB_INT(community), DB_INT(s->buildings[u->building].id),
                          DB_TEXT(u->code),  DB_INT(u->floor),
                          DB_TEXT(u->area),  DB_TEXT(u->type),
                          DB_TEXT(u->state)};
        if ((st = db_exec(&new_unit, args, 7, a, &rows)) == DB_OK)
            u->id = (long long)rows.insert_id;
    }
    for (size_t i = 0; st == DB_OK && i < s->person_count; i++) {
        person_entry *p = &s->people[i];
        if (!p->is_new)
            continue;
        db_arg args[4] = {DB_INT(community), DB_TEXT(p->name), DB_TEXT(p->phone), DB_TEXT(p->id_number)};
        if ((st = db_exec(&new_person, args, 4, a, &rows)) == DB_OK)
            p->id = (long long)rows.insert_id;
    }
    for (size_t i = 0; st == DB_OK && i < s->occupancy_count; i++) {
        occupancy_entry *o = &s->occupancies[i];
        db_arg args[5] = {DB_INT(community), DB_INT(s->units[o->unit].id), DB_INT(s->people[o->person].id),
                          DB_TEXT(o->relation), DB_TEXT(o->since)};
        st = db_exec(&new_occupancy, args, 5, NULL, NULL);
    }
    if (st == DB_OK && s->o->before_commit)
        st = s->o->before_commit(s->o->arg, s->r);
    if (st == DB_OK)
        st = db_commit();
    if (st != DB_OK && db_in_transaction())
        db_rollback();
    return st;
}

static double elapsed_ms(const struct timespec *t0) {
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

db_status import_run(arena *a, const char *data, size_t len, const import_options *o, import_report *report) {
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    memset(report, 0, sizeof *report);
    import_state s = {.a = a, .o = o, .r = report};
    import_csv csv;
    if (import_csv_parse(a, data, len, &csv, &report->problems) != 0)
        return DB_ERROR;
    if (!csv.header) {
        report->check_ms = elapsed_ms(&t0);
        return DB_OK;
    }
    if (import_map_columns(&s, &csv) != 0)
        return DB_ERROR;
    if (report->problems.total && (csv.stopped || !csv.row_count)) {
        report->rows = csv.data_rows;
        report->check_ms = elapsed_ms(&t0);
        return DB_OK;
    }
    db_status st = load_existing(&s, csv.row_count);
    if (st != DB_OK)
        return st;
    bool header_ok = s.columns[C_BUILDING] >= 0 && s.columns[C_UNIT] >= 0;
    for (size_t i = 0; header_ok && i < csv.row_count; i++)
        if (import_check_row(&s, &csv.rows[i]) != 0)
            return DB_ERROR;
    report->rows += csv.data_rows - csv.row_count; /* the rows refused by the reader */
    for (size_t i = 0; i < s.building_count; i++)
        report->new_buildings += s.buildings[i].is_new;
    for (size_t i = 0; i < s.unit_count; i++)
        report->new_units += s.units[i].is_new;
    for (size_t i = 0; i < s.person_count; i++)
        report->new_people += s.people[i].is_new;
    report->new_occupancies = s.occupancy_count;
    if (!report->problems.total && !report->rows)
        import_problem_add(a, &report->problems, 0, NULL, "文件里只有表头，没有要导入的行");
    report->check_ms = elapsed_ms(&t0);
    if (report->problems.total || !o->write)
        return DB_OK;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if ((st = write_all(&s)) != DB_OK)
        return st;
    report->written = true;
    report->write_ms = elapsed_ms(&t0);
    return DB_OK;
}

const char *import_summary(arena *a, const import_report *r) {
    return arena_printf(a, "新建 %lu 栋楼、%lu 户、%lu 人、%lu 条入住登记", (unsigned long)r->new_buildings,
                        (unsigned long)r->new_units, (unsigned long)r->new_people,
                        (unsigned long)r->new_occupancies);
}

/* --- the export and the small reads of the pages ----------------------------------- */

db_status import_export_units(arena *a, long long community_id, import_export_row **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "import_export_units",
        "SELECT u.id, b.code, u.code, u.floor, u.area_m2, u.type, u.state, COALESCE(p.name, ''), "
        "COALESCE(p.phone, ''), COALESCE(p.id_number, ''), COALESCE(o.relation, ''), "
        "COALESCE(DATE_FORMAT(o.since, '%Y-%m-%d'), '') FROM unit u JOIN building b ON b.id = u.building_id "
        "LEFT JOIN occupancy o ON o.unit_id = u.id AND o.until IS NULL LEFT JOIN person p ON p.id = "
        "o.person_id "
        "WHERE u.community_id = ? ORDER BY b.id, u.floor, u.code, u.id, "
        "FIELD(o.relation, 'owner', 'tenant', 'family', 'other'), o.id");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        const char **c = (*out)[i].cells;
        bool same_unit = i > 0 && !strcmp(db_cell(&rows, i, 0), db_cell(&rows, i - 1, 0));
        c[C_BUILDING] = db_cell(&rows, i, 1);
        c[C_UNIT] = db_cell(&rows, i, 2);
        for (int k = C_FLOOR; k <= C_STATE; k++)
            c[k] = same_unit ? "" : db_cell(&rows, i, (size_t)k + 1);
        for (int k = C_NAME; k <= C_SINCE; k++)
            c[k] = db_cell(&rows, i, (size_t)k + 1);
    }
    *count = rows.count;
    return DB_OK;
}

db_status import_community_zone(arena *a, long long community_id, const char **zone, bool *found) {
    static db_stmt st = DB_STMT("import_community_zone", "SELECT time_zone FROM community WHERE id = ?");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    *found = rows.count > 0;
    *zone = rows.count ? db_cell(&rows, 0, 0) : NULL;
    return DB_OK;
}

db_status import_last_insert_id(arena *a, long long *id) {
    static db_stmt st = DB_STMT("import_last_insert_id", "SELECT LAST_INSERT_ID()");
    db_rows rows;
    db_status s = db_exec(&st, NULL, 0, a, &rows);
    if (s == DB_OK)
        *id = rows.count ? db_cell_int(&rows, 0, 0) : 0;
    return s;
}

db_status import_result_load(arena *a, long long community_id, long long audit_id, const char **detail,
                             long long *at) {
    static db_stmt st =
        DB_STMT("import_result_load",
                "SELECT detail, UNIX_TIMESTAMP(at) FROM audit_log WHERE id = ? AND community_id = ? "
                "AND action = 'import' AND object_type = 'unit'");
    db_rows rows;
    db_arg args[2] = {DB_INT(audit_id), DB_INT(community_id)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    *detail = rows.count ? db_cell(&rows, 0, 0) : NULL;
    *at = rows.count ? db_cell_int(&rows, 0, 1) : 0;
    return DB_OK;
}

db_status import_audit_system(long long community_id, long long now, const char *detail) {
    static db_stmt st =
        DB_STMT("import_audit_system",
                "INSERT INTO audit_log (at, community_id, actor_kind, action, object_type, detail) "
                "VALUES (FROM_UNIXTIME(?), ?, 'system', 'import', 'unit', ?)");
    db_arg args[3] = {DB_INT(now), DB_INT(community_id), DB_TEXT(detail)};
    return db_exec(&st, args, 3, NULL, NULL);
}
