/* import_check.c: the checks of an import's header and rows (import_state.h): each
 * value, each row against the community's records and the rows before it. The rules
 * the forms share are field.c's; those only a file has (area, floor, ID number) are here. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../core/field.h"
#include "import_state.h"

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

static int problem(import_state *s, size_t row, int column, const char *message) {
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

/* A unit code as the ticket forms take it (field.c), building-entrance-room such as
 * 3-2-1501; *building_len gets the length of its building part. */
static bool unit_code_valid(const char *code, size_t *building_len) {
    if (!field_unit_code_valid(code))
        return false;
    *building_len = (size_t)(strchr(code, '-') - code);
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

/* A date as the forms take it (field.c), in the years 1900-2100. */
static bool date_valid(const char *s) {
    if (!field_date_valid(s))
        return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    return year >= 1900 && year <= 2100;
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

/* --- the header and the rows ------------------------------------------------------- */

/* Maps the file's columns to ours; a problem for each unknown, repeated or missing one. */
int import_map_columns(import_state *s, const import_csv *csv) {
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
static int check_unit(import_state *s, size_t n, const char **v, bool have_building, size_t building,
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
    } else if (strmap_get(&s->unit_map, v[C_UNIT], &found)) {
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
        if (import_add_unit(s, &u, unit_index) != 0)
            return -1;
        if (ok && have_building && s->buildings[building].max_floor < u.floor)
            s->buildings[building].max_floor = u.floor;
        *have_unit = ok;
    }
    return 0;
}

/* Checks the person columns of a row for the unit (when have_unit). -1: out of memory. */
static int check_person(import_state *s, size_t n, const char **v, bool have_unit, size_t unit) {
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
    if (*v[C_PHONE] && !field_phone_valid(v[C_PHONE]))
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
    const char *key = import_person_key(a, v[C_NAME], v[C_PHONE], v[C_ID]);
    size_t person;
    if (!key || !strmap_get(&s->person_map, key, &person)) {
        person_entry p = {0, v[C_NAME], v[C_PHONE], v[C_ID], true};
        if (import_add_person(s, &p, &person) != 0)
            return -1;
    }
    const char *okey = import_occupancy_key(s, unit, person, relation);
    size_t earlier;
    if (strmap_get(&s->occupancy_map, okey, &earlier)) {
        if (earlier)
            PROBLEM(C_NAME, "与第 %lu 行重复：%s 已登记为房号 %s 的%s", (unsigned long)earlier, v[C_NAME],
                    v[C_UNIT], relation_name(relation));
        else
            PROBLEM(C_NAME, "%s 已经是房号 %s 的%s，无需再次导入", v[C_NAME], v[C_UNIT],
                    relation_name(relation));
        return 0;
    }
    strmap_put(&s->occupancy_map, okey, n);
    if (GROW(a, s->occupancies, s->occupancy_count, s->occupancy_capacity) != 0)
        return -1;
    s->occupancies[s->occupancy_count++] = (occupancy_entry){unit, person, relation, since};
    return 0;
}

/* Checks one row against everything known, adding what it creates. -1: out of memory. */
int import_check_row(import_state *s, const import_csv_row *row) {
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
    } else if (strmap_get(&s->building_map, v[C_BUILDING], &building)) {
        have_building = true;
    } else if (!s->o->create_buildings) {
        PROBLEM(C_BUILDING, "楼栋 %s 不存在：请先建立该楼栋，或选择“允许新建楼栋”后重新检查", v[C_BUILDING]);
    } else {
        if (import_add_building(s, 0, v[C_BUILDING], true, &building) != 0)
            return -1;
        have_building = true;
    }
    if (check_unit(s, n, v, have_building, building, &unit, &have_unit) != 0)
        return -1;
    if (have_unit && !s->units[unit].is_new && s->units[unit].row == 0)
        s->r->existing_units++;
    return check_person(s, n, v, have_unit, unit);
}
