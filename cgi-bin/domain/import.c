/* import.c: the CSV import of buildings, units and people (import.h). The community's
 * buildings, units, people and current occupancy are loaded once; every row is checked
 * against them and against the rows before it; only a file without a single problem is
 * written, in one transaction. The export that reads back in the same layout is here too. */
#include "import.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* --- a string map (open addressing, sized once, never grows past its size) ---------- */

typedef struct map_slot {
    const char *key;
    size_t value;
} map_slot;

typedef struct map {
    map_slot *slots;
    size_t mask;
} map;

static int map_init(arena *a, map *m, size_t expected) {
    size_t size = 64;
    while (size < expected * 2 + 16)
        size *= 2;
    m->slots = arena_alloc(a, size * sizeof *m->slots);
    m->mask = size - 1;
    return m->slots ? 0 : -1;
}

static size_t map_hash(const char *key) {
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return (size_t)h;
}

/* The slot of key: the one holding it, or the empty one where it would go. */
static map_slot *map_slot_of(const map *m, const char *key) {
    size_t i = map_hash(key) & m->mask;
    while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
        i = (i + 1) & m->mask;
    return &m->slots[i];
}

/* True and *value set when key is in m. */
static bool map_get(const map *m, const char *key, size_t *value) {
    const map_slot *s = map_slot_of(m, key);
    if (!s->key)
        return false;
    *value = s->value;
    return true;
}

/* Adds key (kept by reference) unless it is there already. */
static void map_put(map *m, const char *key, size_t value) {
    map_slot *s = map_slot_of(m, key);
    if (!s->key) {
        s->key = key;
        s->value = value;
    }
}

/* --- what the import knows: the community's records and the file's new ones --------- */

typedef struct building_entry {
    long long id; /* 0 until a new one is written */
    const char *code;
    bool is_new;
    int max_floor; /* highest floor among the file's new units in it */
} building_entry;

typedef struct unit_entry {
    long long id;
    size_t building; /* index into buildings */
    const char *code, *area, *type, *state;
    int floor;
    bool is_new;
    size_t row; /* the row that brought it (new units) */
} unit_entry;

typedef struct person_entry {
    long long id;
    const char *name, *phone, *id_number;
    bool is_new;
} person_entry;

typedef struct occupancy_entry {
    size_t unit, person;
    const char *relation, *since;
} occupancy_entry;

/* A growing array in the arena (the old copy stays behind: arenas do not free). */
#define GROW(a, array, count, capacity)                                                                      \
    ((count) < (capacity) ? 0 : grow((a), (void **)&(array), &(capacity), sizeof *(array), (count)))

static int grow(arena *a, void **array, size_t *capacity, size_t size, size_t count) {
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

typedef struct state {
    arena *a;
    const import_options *o;
    import_report *r;
    building_entry *buildings;
    size_t building_count, building_capacity;
    unit_entry *units;
    size_t unit_count, unit_capacity;
    person_entry *people;
    size_t person_count, person_capacity;
    occupancy_entry *occupancies;
    size_t occupancy_count, occupancy_capacity;
    map building_map, unit_map, person_map, occupancy_map;
    int columns[IMPORT_COLUMN_COUNT]; /* the file's column of each of ours, -1: absent */
} state;

enum { C_BUILDING, C_UNIT, C_FLOOR, C_AREA, C_TYPE, C_STATE, C_NAME, C_PHONE, C_ID, C_RELATION, C_SINCE };

static const char *const column_names[IMPORT_COLUMN_COUNT] = {
    "building",   "unit",        "floor",           "area_m2",  "type", "state",
    "owner_name", "owner_phone", "owner_id_number", "relation", "since"};
/* The same columns as a Chinese spreadsheet heads them. */
static const char *const column_aliases[IMPORT_COLUMN_COUNT] = {
    "楼栋", "房号", "楼层", "面积", "类型", "状态", "姓名", "电话", "证件号码", "关系", "起始日期"};

static const char *const types[] = {"residence", "住宅",    "shop",   "商铺", "parking",
                                    "车位",      "storage", "储藏室", NULL};
static const char *const states[] = {"unsold",     "未售", "vacant", "空置", "occupied", "自住",
                                     "renovating", "装修", "rented", "出租", NULL};
static const char *const relations[] = {"owner", "业主",  "tenant", "租户", "family",
                                        "家属",  "other", "其他",   NULL};

/* The code of value in a {code, 名称, ...} list, or NULL. */
static const char *choice_code(const char *const *list, const char *value) {
    for (size_t i = 0; list[i]; i += 2)
        if (!strcmp(list[i], value) || !strcmp(list[i + 1], value))
            return list[i];
    return NULL;
}

static int problem(state *s, size_t row, int column, const char *message) {
    return import_problem_add(s->a, &s->r->problems, row, column >= 0 ? column_names[column] : NULL, message);
}

/* --- checks of single values ------------------------------------------------------- */

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

static bool alnum_run(const char *p, size_t n, size_t min, size_t max) {
    if (n < min || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_digit(p[i]) && !((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z'))
            return false;
    return true;
}

/* A unit code as the ticket forms take it, building-entrance-room such as 3-2-1501;
 * *building_len gets the length of its building part. */
static bool unit_code_valid(const char *code, size_t *building_len) {
    size_t n = strlen(code);
    const char *d1 = memchr(code, '-', n);
    const char *d2 = d1 ? memchr(d1 + 1, '-', (size_t)(code + n - d1 - 1)) : NULL;
    if (!d2 || !alnum_run(code, (size_t)(d1 - code), 1, 4) ||
        !alnum_run(d1 + 1, (size_t)(d2 - d1 - 1), 1, 4) ||
        !alnum_run(d2 + 1, (size_t)(code + n - d2 - 1), 1, 6))
        return false;
    *building_len = (size_t)(d1 - code);
    return true;
}

/* A floor: -5..199 without 0 (basements are negative). */
static bool floor_parse(const char *s, int *out) {
    const char *p = s + (*s == '-');
    size_t n = strlen(p);
    if (n < 1 || n > 3)
        return false;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(p[i]))
            return false;
        v = v * 10 + (p[i] - '0');
    }
    if (*s == '-')
        v = -v;
    if (v == 0 || v < -5 || v > 199)
        return false;
    *out = v;
    return true;
}

/* An area in m²: up to 8 digits, up to 2 decimals, more than 0 (DECIMAL(10,2)). */
static bool area_valid(const char *s) {
    size_t i = 0, whole = 0, frac = 0;
    bool nonzero = false;
    while (is_digit(s[i])) {
        nonzero |= s[i] != '0';
        i++, whole++;
    }
    if (s[i] == '.') {
        i++;
        while (is_digit(s[i])) {
            nonzero |= s[i] != '0';
            i++, frac++;
        }
        if (frac == 0)
            return false;
    }
    return s[i] == '\0' && whole >= 1 && whole <= 8 && frac <= 2 && nonzero;
}

/* The rule of the forms (field.c): an 11-digit mobile number, or a landline of 7-20
 * digits and dashes. */
static bool phone_valid(const char *s) {
    size_t n = strlen(s);
    if (s[0] == '1') {
        if (n != 11 || s[1] < '3' || s[1] > '9')
            return false;
        for (size_t i = 2; i < n; i++)
            if (!is_digit(s[i]))
                return false;
        return true;
    }
    if (n < 7 || n > 20 || !is_digit(s[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!is_digit(s[i]) && s[i] != '-')
            return false;
    return true;
}

/* A mainland ID number (15 digits, or 18 with its check character), or another
 * document's number of 5-30 letters and digits. */
static bool id_number_valid(const char *s) {
    size_t n = strlen(s), digits = 0;
    while (is_digit(s[digits]))
        digits++;
    bool mainland = digits == n || (digits == n - 1 && (s[n - 1] == 'X' || s[n - 1] == 'x'));
    if (!mainland)
        return alnum_run(s, n, 5, 30);
    if (n == 15)
        return digits == 15;
    if (n != 18)
        return false;
    static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (s[i] - '0') * weight[i];
    char check = "10X98765432"[sum % 11];
    return (s[17] == 'x' ? 'X' : s[17]) == check;
}

static bool date_valid(const char *s) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1)
        return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap);
}

/* A name: 1-50 characters of one line. */
static bool name_valid(const char *s) {
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            return false;
        chars += (*p & 0xC0) != 0x80;
    }
    return chars >= 1 && chars <= 50;
}

/* The cell without the spaces and tabs around it (a copy in the arena when trimmed). */
static const char *trim(arena *a, const char *s) {
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return s[n] ? arena_strndup(a, s, n) : s;
}

/* --- loading what the community has ------------------------------------------------ */

static int add_building(state *s, long long id, const char *code, bool is_new, size_t *index) {
    if (GROW(s->a, s->buildings, s->building_count, s->building_capacity) != 0)
        return -1;
    *index = s->building_count;
    s->buildings[s->building_count++] = (building_entry){id, code, is_new, 0};
    map_put(&s->building_map, code, *index);
    return 0;
}

static int add_unit(state *s, const unit_entry *u, size_t *index) {
    if (GROW(s->a, s->units, s->unit_count, s->unit_capacity) != 0)
        return -1;
    *index = s->unit_count;
    s->units[s->unit_count++] = *u;
    map_put(&s->unit_map, u->code, *index);
    return 0;
}

/* The key a person is known by: name and phone, else name and ID number; NULL when the
 * row gives neither (such a person is always a new one). */
static const char *person_key(arena *a, const char *name, const char *phone, const char *id_number) {
    if (*phone)
        return arena_printf(a, "%s\x1f%s", name, phone);
    if (*id_number)
        return arena_printf(a, "%s\x1f\x1f%s", name, id_number);
    return NULL;
}

static int add_person(state *s, const person_entry *p, size_t *index) {
    if (GROW(s->a, s->people, s->person_count, s->person_capacity) != 0)
        return -1;
    *index = s->person_count;
    s->people[s->person_count++] = *p;
    if (*p->phone)
        map_put(&s->person_map, person_key(s->a, p->name, p->phone, ""), *index);
    if (*p->id_number)
        map_put(&s->person_map, person_key(s->a, p->name, "", p->id_number), *index);
    return 0;
}

/* How an occupancy is known: its unit, its person (by id when stored, else by the
 * file's index) and the relation. */
static const char *occupancy_key(state *s, size_t unit, size_t person, const char *relation) {
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
static db_status load_existing(state *s, size_t rows) {
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
    if (map_init(a, &s->building_map, b.count + rows) || map_init(a, &s->unit_map, u.count + rows) ||
        map_init(a, &s->person_map, 2 * (p.count + rows)) || map_init(a, &s->occupancy_map, o.count + rows))
        return DB_ERROR;
    size_t index;
    for (size_t i = 0; i < b.count; i++)
        if (add_building(s, db_cell_int(&b, i, 0), db_cell(&b, i, 1), false, &index) != 0)
            return DB_ERROR;
    /* Building ids to indexes, for the units. */
    map by_id;
    if (map_init(a, &by_id, b.count))
        return DB_ERROR;
    for (size_t i = 0; i < b.count; i++)
        map_put(&by_id, db_cell(&b, i, 0), i);
    for (size_t i = 0; i < u.count; i++) {
        size_t building = SIZE_MAX;
        map_get(&by_id, db_cell(&u, i, 2), &building);
        unit_entry e = {.id = db_cell_int(&u, i, 0), .building = building, .code = db_cell(&u, i, 1)};
        if (add_unit(s, &e, &index) != 0)
            return DB_ERROR;
    }
    map unit_ids, person_ids;
    if (map_init(a, &unit_ids, u.count) || map_init(a, &person_ids, p.count))
        return DB_ERROR;
    for (size_t i = 0; i < u.count; i++)
        map_put(&unit_ids, db_cell(&u, i, 0), i);
    for (size_t i = 0; i < p.count; i++) {
        person_entry e = {db_cell_int(&p, i, 0), db_cell(&p, i, 1), db_cell(&p, i, 2), db_cell(&p, i, 3),
                          false};
        if (add_person(s, &e, &index) != 0)
            return DB_ERROR;
        map_put(&person_ids, db_cell(&p, i, 0), index);
    }
    for (size_t i = 0; i < o.count; i++) {
        size_t unit, person;
        if (map_get(&unit_ids, db_cell(&o, i, 0), &unit) && map_get(&person_ids, db_cell(&o, i, 1), &person))
            map_put(&s->occupancy_map, occupancy_key(s, unit, person, db_cell(&o, i, 2)), 0);
    }
    return DB_OK;
}

/* --- the header and the rows ------------------------------------------------------- */

/* Maps the file's columns to ours; a problem for each unknown, repeated or missing one. */
static int map_columns(state *s, const import_csv *csv) {
    for (int c = 0; c < IMPORT_COLUMN_COUNT; c++)
        s->columns[c] = -1;
    int rc = 0;
    for (size_t i = 0; i < csv->columns; i++) {
        const char *name = trim(s->a, csv->header[i]);
        int found = -1;
        for (int c = 0; c < IMPORT_COLUMN_COUNT; c++)
            if (!strcmp(name, column_names[c]) || !strcmp(name, column_aliases[c]))
                found = c;
        if (found < 0)
            rc |= import_problem_add(
                s->a, &s->r->problems, 1, NULL,
                arena_printf(s->a, "表头有未知的列“%s”：列名应为 %s", name, IMPORT_COLUMNS));
        else if (s->columns[found] >= 0)
            rc |= import_problem_add(s->a, &s->r->problems, 1, column_names[found],
                                     arena_printf(s->a, "表头中“%s”列出现了两次", name));
        else
            s->columns[found] = (int)i;
    }
    for (int c = C_BUILDING; c <= C_UNIT; c++)
        if (s->columns[c] < 0)
            rc |= import_problem_add(s->a, &s->r->problems, 1, column_names[c],
                                     arena_printf(s->a, "表头缺少“%s”列", column_names[c]));
    return rc;
}

static const char *relation_name(const char *code) {
    for (size_t i = 0; relations[i]; i += 2)
        if (!strcmp(relations[i], code))
            return relations[i + 1];
    return code;
}

#define PROBLEM(column, ...)                                                                                 \
    do {                                                                                                     \
        if (problem(s, n, (column), arena_printf(a, __VA_ARGS__)) != 0)                                      \
            return -1;                                                                                       \
    } while (0)

/* PROBLEM that also marks the row's value bad (ok = false). */
#define FAIL(column, ...)                                                                                    \
    do {                                                                                                     \
        ok = false;                                                                                          \
        PROBLEM(column, __VA_ARGS__);                                                                        \
    } while (0)

/* Checks the unit columns of a row: *unit_index set (true returned) when the row names
 * a unit that exists or that this row creates. -1 when out of memory. */
static int check_unit(state *s, size_t n, const char **v, bool have_building, size_t building,
                      size_t *unit_index, bool *have_unit) {
    arena *a = s->a;
    bool unit_data = *v[C_FLOOR] || *v[C_AREA] || *v[C_TYPE] || *v[C_STATE];
    size_t building_len, found;
    *have_unit = false;
    if (!*v[C_UNIT]) {
        PROBLEM(C_UNIT, "请填写房号");
    } else if (!unit_code_valid(v[C_UNIT], &building_len)) {
        PROBLEM(C_UNIT, "房号“%s”格式不对：应为 楼栋-单元-房号，如 1-1-101", v[C_UNIT]);
    } else if (*v[C_BUILDING] &&
               (strlen(v[C_BUILDING]) != building_len || strncmp(v[C_BUILDING], v[C_UNIT], building_len))) {
        PROBLEM(C_UNIT, "房号 %s 不在 %s 栋：房号的第一段应与楼栋编号相同", v[C_UNIT], v[C_BUILDING]);
    } else if (map_get(&s->unit_map, v[C_UNIT], &found)) {
        const unit_entry *u = &s->units[found];
        if (!u->is_new && have_building && u->building != building)
            PROBLEM(C_UNIT, "房号 %s 已属于另一栋楼（%s 栋），与这一行的楼栋不符", v[C_UNIT],
                    u->building < s->building_count ? s->buildings[u->building].code : "?");
        else if (!u->is_new && unit_data)
            PROBLEM(C_UNIT,
                    "房号 %s 已存在：导入不修改已有房屋；只为它登记人员时，楼层、面积、类型、状态请留空",
                    v[C_UNIT]);
        else if (u->is_new && unit_data)
            PROBLEM(C_UNIT,
                    "房号 %s 与第 %lu "
                    "行重复：同一房屋只在一行写楼层、面积、类型、状态，登记更多人员的行留空这些列",
                    v[C_UNIT], (unsigned long)u->row);
        else {
            *unit_index = found;
            *have_unit = true;
        }
    } else if (!unit_data) {
        PROBLEM(C_UNIT, "房号 %s 不存在：新房屋请填写楼层和面积", v[C_UNIT]);
    } else {
        unit_entry u = {
            .code = v[C_UNIT], .building = have_building ? building : SIZE_MAX, .is_new = true, .row = n};
        bool ok = true;
        if (!*v[C_FLOOR])
            FAIL(C_FLOOR, "请填写楼层");
        else if (!floor_parse(v[C_FLOOR], &u.floor))
            FAIL(C_FLOOR, "楼层“%s”无效：应为 -5 到 199 的整数（不含 0），如 3 或 -1", v[C_FLOOR]);
        if (!*v[C_AREA])
            FAIL(C_AREA, "请填写建筑面积（平方米）");
        else if (!area_valid(v[C_AREA]))
            FAIL(C_AREA, "面积“%s”无效：应为大于 0 的数字，最多两位小数，如 89.50", v[C_AREA]);
        u.area = v[C_AREA];
        u.type = *v[C_TYPE] ? choice_code(types, v[C_TYPE]) : "residence";
        if (!u.type)
            FAIL(C_TYPE,
                 "类型“%s”无效：应为 residence（住宅）、shop（商铺）、parking（车位）或 storage（储藏室）",
                 v[C_TYPE]);
        u.state = *v[C_STATE] ? choice_code(states, v[C_STATE]) : "vacant";
        if (!u.state)
            FAIL(C_STATE,
                 "状态“%s”无效：应为 unsold（未售）、vacant（空置）、occupied（自住）、renovating（装修）或 "
                 "rented（出租）",
                 v[C_STATE]);
        /* Added even when something is wrong, so that later rows of this unit are not
         * refused as well (nothing is written while there is any problem). */
        if (add_unit(s, &u, unit_index) != 0)
            return -1;
        if (ok && have_building && s->buildings[building].max_floor < u.floor)
            s->buildings[building].max_floor = u.floor;
        *have_unit = ok;
    }
    return 0;
}

/* Checks the person columns of a row for the unit (when have_unit). -1: out of memory. */
static int check_person(state *s, size_t n, const char **v, bool have_unit, size_t unit) {
    arena *a = s->a;
    bool person_data = *v[C_PHONE] || *v[C_ID] || *v[C_RELATION] || *v[C_SINCE];
    if (!*v[C_NAME]) {
        if (person_data)
            PROBLEM(C_NAME, "填写了电话、证件号码、关系或日期，但没有姓名");
        else if (have_unit && !s->units[unit].is_new)
            PROBLEM(-1, "这一行没有要导入的内容：房号 %s 已存在，也没有填写人员", v[C_UNIT]);
        else if (have_unit && s->units[unit].row != n)
            PROBLEM(-1, "这一行没有要导入的内容：房号 %s 已在第 %lu 行，这一行也没有填写人员", v[C_UNIT],
                    (unsigned long)s->units[unit].row);
        return 0;
    }
    bool ok = true;
    if (!name_valid(v[C_NAME]))
        FAIL(C_NAME, "姓名应为 1 到 50 个字，不含换行等控制字符");
    if (*v[C_PHONE] && !phone_valid(v[C_PHONE]))
        FAIL(C_PHONE, "电话“%s”无效：应为 11 位手机号或带区号的固定电话，如 13800000000 或 0571-88880000",
             v[C_PHONE]);
    if (*v[C_ID] && !id_number_valid(v[C_ID]))
        FAIL(C_ID,
             "证件号码无效：身份证为 18 位（末位可为 X，校验位须正确），其他证件为 5 到 30 位字母或数字");
    const char *relation = *v[C_RELATION] ? choice_code(relations, v[C_RELATION]) : "owner";
    if (!relation)
        FAIL(C_RELATION, "关系“%s”无效：应为 owner（业主）、tenant（租户）、family（家属）或 other（其他）",
             v[C_RELATION]);
    const char *since = *v[C_SINCE] ? v[C_SINCE] : s->o->today;
    if (!date_valid(since))
        FAIL(C_SINCE, "日期“%s”无效：应为 YYYY-MM-DD，如 2021-06-01", v[C_SINCE]);
    if (!ok || !have_unit)
        return 0;
    const char *key = person_key(a, v[C_NAME], v[C_PHONE], v[C_ID]);
    size_t person;
    if (!key || !map_get(&s->person_map, key, &person)) {
        person_entry p = {0, v[C_NAME], v[C_PHONE], v[C_ID], true};
        if (add_person(s, &p, &person) != 0)
            return -1;
    }
    const char *okey = occupancy_key(s, unit, person, relation);
    size_t earlier;
    if (map_get(&s->occupancy_map, okey, &earlier)) {
        if (earlier)
            PROBLEM(C_NAME, "与第 %lu 行重复：%s 已登记为房号 %s 的%s", (unsigned long)earlier, v[C_NAME],
                    v[C_UNIT], relation_name(relation));
        else
            PROBLEM(C_NAME, "%s 已经是房号 %s 的%s，无需再次导入", v[C_NAME], v[C_UNIT],
                    relation_name(relation));
        return 0;
    }
    map_put(&s->occupancy_map, okey, n);
    if (GROW(a, s->occupancies, s->occupancy_count, s->occupancy_capacity) != 0)
        return -1;
    s->occupancies[s->occupancy_count++] = (occupancy_entry){unit, person, relation, since};
    return 0;
}

/* Checks one row against everything known, adding what it creates. -1: out of memory. */
static int check_row(state *s, const import_csv_row *row) {
    arena *a = s->a;
    size_t n = row->number;
    const char *v[IMPORT_COLUMN_COUNT];
    bool blank = true;
    for (int c = 0; c < IMPORT_COLUMN_COUNT; c++) {
        v[c] = s->columns[c] >= 0 ? trim(a, row->cells[s->columns[c]]) : "";
        if (!v[c])
            return -1;
        blank &= !*v[c];
    }
    if (blank)
        return 0; /* a spreadsheet's trailing ",,,,," line */
    s->r->rows++;
    size_t building = SIZE_MAX, unit = SIZE_MAX;
    bool have_building = false, have_unit = false;
    if (!*v[C_BUILDING]) {
        PROBLEM(C_BUILDING, "请填写楼栋编号");
    } else if (!alnum_run(v[C_BUILDING], strlen(v[C_BUILDING]), 1, 4)) {
        PROBLEM(C_BUILDING, "楼栋编号“%s”无效：应为 1 到 4 位字母或数字，如 1、12、A", v[C_BUILDING]);
    } else if (map_get(&s->building_map, v[C_BUILDING], &building)) {
        have_building = true;
    } else if (!s->o->create_buildings) {
        PROBLEM(C_BUILDING, "楼栋 %s 不存在：请先建立该楼栋，或选择“允许新建楼栋”后重新检查", v[C_BUILDING]);
    } else {
        if (add_building(s, 0, v[C_BUILDING], true, &building) != 0)
            return -1;
        have_building = true;
    }
    if (check_unit(s, n, v, have_building, building, &unit, &have_unit) != 0)
        return -1;
    if (have_unit && !s->units[unit].is_new && s->units[unit].row == 0)
        s->r->existing_units++;
    return check_person(s, n, v, have_unit, unit);
}

/* --- writing ----------------------------------------------------------------------- */

static db_status write_all(state *s) {
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
    state s = {.a = a, .o = o, .r = report};
    import_csv csv;
    if (import_csv_parse(a, data, len, &csv, &report->problems) != 0)
        return DB_ERROR;
    if (!csv.header) {
        report->check_ms = elapsed_ms(&t0);
        return DB_OK;
    }
    if (map_columns(&s, &csv) != 0)
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
        if (check_row(&s, &csv.rows[i]) != 0)
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
