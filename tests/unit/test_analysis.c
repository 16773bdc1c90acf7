/* test_analysis.c: the monthly analysis's figures computed from hand-made request rows:
 * the classification with the month before, on-time promises, the repeated units and the
 * busiest buildings with their "水电×2、门窗×1" texts, ties and an empty month; until when
 * the figures hold, and the figures kept as rows. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../cgi-bin/domain/analysis.h"

static arena *a;

/* Categories of the tests. The keys order as a case-blind collation would: "_" before
 * digits before letters, "B" after "a" (strcmp would put "B" and "_" first). */
typedef struct category {
    int kind;
    long long id, sort;
    const char *code, *code_key, *name, *name_key;
} category;

static const category water = {1, 11, 1, "water", "30", "水电", "60"};
static const category door = {1, 12, 2, "door", "20", "门窗", "50"};
static const category b_kind = {1, 13, 5, "B", "42", "B类", "42"};
static const category a_kind = {1, 14, 5, "a", "41", "a类", "41"};
static const category under = {1, 15, 5, "_u", "10", "_类", "10"};
static const category noise = {2, 21, 1, "noise", "30", "噪音", "70"};
static const category praise = {5, 51, 1, "staff", "30", "员工表扬", "80"};

typedef struct place {
    long long unit_id, building_id;
    const char *unit_code, *unit_key, *building_code, *building_name, *building_key;
} place;

static const place common = {0, 0, NULL, NULL, NULL, NULL, NULL};
static const place u101 = {101, 1, "1-1-101", "3132", "1", "1栋", "31"};
static const place u102 = {102, 1, "1-1-102", "3133", "1", "1栋", "31"};
static const place ub = {201, 2, "B-1", "42", "B", "B栋", "42"};
static const place ua = {202, 3, "a-1", "41", "a", "a栋", "41"};
static const place uu = {203, 4, "_-1", "10", "_", "下划线栋", "10"};

static analysis_row row(bool current, const category *c, const place *p, const char *status) {
    return (analysis_row){
        .current = current,
        .kind = c->kind,
        .category_id = c->id,
        .category_sort = c->sort,
        .category_code = c->code,
        .category_code_key = c->code_key,
        .category_name = c->name,
        .category_name_key = c->name_key,
        .unit_id = p->unit_id,
        .unit_code = p->unit_code,
        .unit_key = p->unit_key,
        .building_id = p->building_id,
        .building_code = p->building_code,
        .building_name = p->building_name,
        .building_key = p->building_key,
        .status = status,
    };
}

static analysis_month compute(const analysis_row *rows, size_t n, long long now) {
    analysis_month m;
    memset(&m, 0, sizeof m);
    assert_true(analysis_compute(a, rows, n, now, &m));
    return m;
}

static void expect_category(const analysis_month *m, size_t i, const char *kind, const char *code,
                            long long count, long long previous) {
    assert_true(i < m->category_count);
    assert_string_equal(m->categories[i].kind, kind);
    assert_string_equal(m->categories[i].code, code);
    assert_int_equal(m->categories[i].count, count);
    assert_int_equal(m->categories[i].previous, previous);
}

static void expect_place(const analysis_place *p, const char *code, const char *name, long long count,
                         const char *categories) {
    assert_string_equal(p->code, code);
    assert_string_equal(p->name, name);
    assert_int_equal(p->count, count);
    assert_string_equal(p->categories, categories);
}

static void empty_month(void **state) {
    (void)state;
    analysis_month m = compute(NULL, 0, 1000);
    assert_int_equal(m.category_count, 0);
    assert_int_equal(m.total, 0);
    assert_int_equal(m.previous_total, 0);
    assert_int_equal(m.unit_count, 0);
    assert_int_equal(m.building_count, 0);
    assert_int_equal(m.respond.met + m.respond.late + m.respond.pending, 0);
    assert_int_equal(m.resolve.met + m.resolve.late + m.resolve.pending, 0);
}

/* Kinds in the ENUM's order, then sort, then the code's collation key; a category of the
 * month before only is listed with 0 this month; one without requests in either month
 * is not listed. */
static void classification_with_previous_month(void **state) {
    (void)state;
    analysis_row rows[] = {
        row(true, &praise, &common, "new"),  row(true, &b_kind, &u101, "new"),
        row(false, &noise, &u101, "closed"), row(true, &water, &u101, "new"),
        row(false, &water, &u102, "new"),    row(false, &water, &u102, "new"),
        row(true, &under, &common, "new"),   row(true, &a_kind, &u102, "new"),
        row(true, &water, &u102, "new"),
    };
    analysis_month m = compute(rows, sizeof rows / sizeof rows[0], 1000);
    assert_int_equal(m.category_count, 6);
    expect_category(&m, 0, "repair", "water", 2, 2);
    expect_category(&m, 1, "repair", "_u", 1, 0);
    expect_category(&m, 2, "repair", "a", 1, 0);
    expect_category(&m, 3, "repair", "B", 1, 0);
    expect_category(&m, 4, "complaint", "noise", 0, 1);
    expect_category(&m, 5, "praise", "staff", 1, 0);
    assert_int_equal(m.total, 6);
    assert_int_equal(m.previous_total, 3);
    /* The month before counts in no unit or building. */
    assert_int_equal(m.unit_count, 2);
    expect_place(&m.units[0], "1-1-101", "1-1-101", 2, "水电×1、B类×1");
    expect_place(&m.units[1], "1-1-102", "1-1-102", 2, "水电×1、a类×1");
}

/* Units asked about twice or more, most first, ties by the code's key; the category texts
 * most first, then kind, sort and the name's key. Common areas count nowhere. */
static void units_and_buildings(void **state) {
    (void)state;
    analysis_row rows[] = {
        row(true, &noise, &u101, "new"),   row(true, &b_kind, &u101, "new"),
        row(true, &water, &u101, "new"),   row(true, &water, &u101, "new"),
        row(true, &a_kind, &u101, "new"),  row(true, &under, &u101, "new"),
        row(true, &door, &ub, "new"),      row(true, &door, &ub, "new"),
        row(true, &door, &ua, "new"),      row(true, &praise, &ua, "new"),
        row(true, &water, &uu, "new"),     row(true, &water, &u102, "new"),
        row(true, &water, &common, "new"), row(true, &water, &common, "new"),
        row(true, &water, &common, "new"), row(false, &door, &uu, "new"),
        row(false, &door, &uu, "new"),
    };
    analysis_month m = compute(rows, sizeof rows / sizeof rows[0], 1000);
    assert_int_equal(m.unit_count, 3);
    expect_place(&m.units[0], "1-1-101", "1-1-101", 6, "水电×2、_类×1、a类×1、B类×1、噪音×1");
    expect_place(&m.units[1], "a-1", "a-1", 2, "门窗×1、员工表扬×1");
    expect_place(&m.units[2], "B-1", "B-1", 2, "门窗×2");
    assert_int_equal(m.building_count, 4);
    expect_place(&m.buildings[0], "1", "1栋", 7, "水电×3、_类×1、a类×1、B类×1、噪音×1");
    expect_place(&m.buildings[1], "a", "a栋", 2, "门窗×1、员工表扬×1");
    expect_place(&m.buildings[2], "B", "B栋", 2, "门窗×2");
    expect_place(&m.buildings[3], "_", "下划线栋", 1, "水电×1");
}

/* At most ANALYSIS_TOP places, the first ones in the order. */
static void top_places_only(void **state) {
    (void)state;
    analysis_row rows[2 * (ANALYSIS_TOP + 2)];
    place places[ANALYSIS_TOP + 2];
    char codes[ANALYSIS_TOP + 2][8];
    for (size_t i = 0; i < ANALYSIS_TOP + 2; i++) {
        snprintf(codes[i], sizeof codes[i], "%02x", (unsigned)(0x40 - i));
        places[i] =
            (place){(long long)i + 1, (long long)i + 1, codes[i], codes[i], codes[i], codes[i], codes[i]};
        rows[2 * i] = row(true, &water, &places[i], "new");
        rows[2 * i + 1] = row(true, &door, &places[i], "new");
    }
    analysis_month m = compute(rows, sizeof rows / sizeof rows[0], 1000);
    assert_int_equal(m.unit_count, ANALYSIS_TOP);
    assert_int_equal(m.building_count, ANALYSIS_TOP);
    /* Ties on the count: the smallest key first, the largest two left out. */
    assert_string_equal(m.units[0].code, codes[ANALYSIS_TOP + 1]);
    assert_string_equal(m.units[ANALYSIS_TOP - 1].code, codes[2]);
    assert_string_equal(m.units[0].categories, "水电×1、门窗×1");
}

/* Met, late and pending of each promise: a waiting request's clock stands still, a withdrawn
 * one owes nothing, the on-site promise is a repair's only. */
static void promises(void **state) {
    (void)state;
    const long long now = 1000;
    analysis_row rows[] = {
        row(true, &water, &u101, "completed"), row(true, &water, &u101, "completed"),
        row(true, &water, &u101, "new"),       row(true, &water, &u101, "new"),
        row(true, &water, &u101, "waiting"),   row(true, &water, &u101, "withdrawn"),
        row(true, &noise, &u101, "new"),       row(false, &water, &u101, "new"),
        row(true, &door, &u101, "withdrawn"),
    };
    rows[0].respond_due = 500, rows[0].responded_at = 500; /* met, at the due */
    rows[1].respond_due = 500, rows[1].responded_at = 501; /* late */
    rows[2].respond_due = 999;                             /* late while open */
    rows[3].respond_due = 1000;                            /* pending */
    rows[4].respond_due = 10;                              /* waiting: pending */
    rows[5].respond_due = 10;                              /* withdrawn: nothing */
    rows[8].respond_due = 10, rows[8].responded_at = 11;   /* withdrawn, answered late */
    rows[6].onsite_due = 10, rows[6].respond_due = 2000;   /* no on-site promise */
    rows[7].respond_due = 10;                              /* the month before */
    rows[0].onsite_due = 600, rows[0].onsite_at = 700;     /* late on site */
    rows[1].onsite_due = 600, rows[1].onsite_at = 600;     /* on site in time */
    rows[0].resolve_due = 900, rows[0].completed_at = 800; /* met */
    rows[2].resolve_due = 2000;                            /* pending */
    analysis_month m = compute(rows, sizeof rows / sizeof rows[0], now);
    assert_int_equal(m.respond.met, 1);
    assert_int_equal(m.respond.late, 3);
    assert_int_equal(m.respond.pending, 3);
    assert_int_equal(m.onsite.met, 1);
    assert_int_equal(m.onsite.late, 1);
    assert_int_equal(m.onsite.pending, 0);
    assert_int_equal(m.resolve.met, 1);
    assert_int_equal(m.resolve.late, 0);
    assert_int_equal(m.resolve.pending, 1);
    /* Until row 3's due (1000) has passed; the waiting one turns late at no time. */
    assert_int_equal(m.computed_at, 1000);
    assert_int_equal(m.valid_until, 1000);
    rows[3].respond_due = 0;
    assert_int_equal(compute(rows, sizeof rows / sizeof rows[0], now).valid_until, 2000);
    rows[6].respond_due = rows[2].resolve_due = 0;
    assert_int_equal(compute(rows, sizeof rows / sizeof rows[0], now).valid_until, LLONG_MAX);
}

static void same_place(const analysis_place *x, const analysis_place *y) {
    assert_string_equal(x->code, y->code);
    assert_string_equal(x->name, y->name);
    assert_int_equal(x->count, y->count);
    assert_string_equal(x->categories, y->categories);
}

/* The figures kept as rows come back field for field. */
static void kept_as_rows(void **state) {
    (void)state;
    analysis_row rows[] = {
        row(true, &water, &u101, "new"),    row(true, &water, &u101, "completed"),
        row(true, &door, &ub, "new"),       row(true, &door, &ub, "new"),
        row(true, &noise, &common, "new"),  row(false, &door, &uu, "new"),
        row(true, &praise, &ua, "waiting"),
    };
    rows[0].respond_due = 900, rows[1].respond_due = 500, rows[1].responded_at = 400,
    rows[2].resolve_due = 5000;
    analysis_month m = compute(rows, sizeof rows / sizeof rows[0], 1000);
    m.completed = 7, m.callbacks = 6, m.ratings = 5, m.rating_sum = 21, m.charged = 2, m.charge_fen = -3;
    db_rows kept;
    assert_true(analysis_to_rows(a, &m, &kept));
    analysis_month back;
    assert_true(analysis_from_rows(a, &kept, &back));
    long long want[] = {m.computed_at,  m.valid_until,     m.total,          m.previous_total,  m.respond.met,
                        m.respond.late, m.respond.pending, m.onsite.pending, m.resolve.pending, m.completed,
                        m.callbacks,    m.ratings,         m.rating_sum,     m.charged,         m.charge_fen};
    long long got[] = {back.computed_at,     back.valid_until,  back.total,           back.previous_total,
                       back.respond.met,     back.respond.late, back.respond.pending, back.onsite.pending,
                       back.resolve.pending, back.completed,    back.callbacks,       back.ratings,
                       back.rating_sum,      back.charged,      back.charge_fen};
    assert_memory_equal(want, got, sizeof want);
    assert_int_equal(back.valid_until, 5000);
    assert_int_equal(back.respond.late, 1);
    assert_int_equal(back.category_count, m.category_count);
    assert_true(m.category_count >= 4);
    for (size_t i = 0; i < m.category_count; i++) {
        assert_string_equal(back.categories[i].kind, m.categories[i].kind);
        assert_string_equal(back.categories[i].code, m.categories[i].code);
        assert_string_equal(back.categories[i].name, m.categories[i].name);
        assert_int_equal(back.categories[i].count, m.categories[i].count);
        assert_int_equal(back.categories[i].previous, m.categories[i].previous);
    }
    assert_int_equal(back.unit_count, m.unit_count);
    assert_int_equal(back.unit_count, 2);
    for (size_t i = 0; i < m.unit_count; i++)
        same_place(&back.units[i], &m.units[i]);
    assert_int_equal(back.building_count, m.building_count);
    for (size_t i = 0; i < m.building_count; i++)
        same_place(&back.buildings[i], &m.buildings[i]);
    /* Rows of another kind are refused. */
    kept.columns = 4;
    assert_false(analysis_from_rows(a, &kept, &back));
}

/* Keys order as bytes, trailing spaces ("0209") not counting. */
static void key_order(void **state) {
    (void)state;
    assert_true(analysis_key_compare("0E33", "0E34") < 0);
    assert_true(analysis_key_compare("0E33", "0E330E33") < 0);
    assert_int_equal(analysis_key_compare("0E330209", "0E33"), 0);
    assert_true(analysis_key_compare("0E3302090E33", "0E33") > 0);
    assert_int_equal(analysis_key_compare(NULL, ""), 0);
}

static int setup(void **state) {
    (void)state;
    a = arena_new();
    return a ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    arena_free(a);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_month),
        cmocka_unit_test(classification_with_previous_month),
        cmocka_unit_test(units_and_buildings),
        cmocka_unit_test(top_places_only),
        cmocka_unit_test(promises),
        cmocka_unit_test(key_order),
        cmocka_unit_test(kept_as_rows),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
