/* test_fee.c: the shared arithmetic of 收费: months (YYYY-MM), a line's amount with its one
 * rounding rule (halves away from zero, negatives too), tiered metered amounts at and
 * across the tier boundaries, and the decimal text of prices and quantities. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/money.h"
#include "../../cgi-bin/domain/fee.h"

static void test_period_valid(void **state) {
    (void)state;
    assert_true(fee_period_valid("2026-01"));
    assert_true(fee_period_valid("2026-12"));
    assert_true(fee_period_valid("2000-01"));
    assert_true(fee_period_valid("2099-12"));
    assert_false(fee_period_valid(NULL));
    assert_false(fee_period_valid(""));
    assert_false(fee_period_valid("2026-1"));
    assert_false(fee_period_valid("2026-00"));
    assert_false(fee_period_valid("2026-13"));
    assert_false(fee_period_valid("2026/01"));
    assert_false(fee_period_valid("1999-12"));
    assert_false(fee_period_valid("2100-01"));
    assert_false(fee_period_valid("2026-01x"));
    assert_false(fee_period_valid("20a6-01"));
}

static void test_period_steps(void **state) {
    (void)state;
    char out[8];
    fee_period_next("2026-11", out);
    assert_string_equal(out, "2026-12");
    fee_period_next("2026-12", out);
    assert_string_equal(out, "2027-01");
    fee_period_prev("2026-01", out);
    assert_string_equal(out, "2025-12");
    fee_period_prev("2026-10", out);
    assert_string_equal(out, "2026-09");
    assert_int_equal(fee_period_diff("2025-11", "2026-02"), 3);
    assert_int_equal(fee_period_diff("2026-02", "2025-11"), -3);
    assert_int_equal(fee_period_diff("2026-05", "2026-05"), 0);
    assert_int_equal(fee_period_diff("2020-01", "2026-01"), 72);
}

static void test_amount_rounding(void **state) {
    (void)state;
    assert_int_equal(fee_amount(8800, 25000), 22000); /* 88 m² at ¥2.50: ¥220.00 */
    assert_int_equal(fee_amount(0, 25000), 0);
    assert_int_equal(fee_amount(8800, 0), 0);
    /* Halves go away from zero; just below a half goes down. */
    assert_int_equal(fee_amount(1, 5000), 1);
    assert_int_equal(fee_amount(1, 4999), 0);
    assert_int_equal(fee_amount(3, 5000), 2);
    assert_int_equal(fee_amount(1, 15000), 2);
    assert_int_equal(fee_amount(1, 14999), 1);
    assert_int_equal(fee_amount(100, 5380), 54); /* 1 kWh at ¥0.538: 53.8 fen, 54 */
    assert_int_equal(fee_amount(100, 5350), 54); /* 53.5 fen: 54 */
    assert_int_equal(fee_amount(10, 5350), 5);   /* 5.35 fen: 5 */
    assert_int_equal(fee_amount(1, 5380), 1);    /* 0.538 fen: 1 */
    /* Negatives mirror positives. */
    assert_int_equal(fee_amount(-1, 5000), -1);
    assert_int_equal(fee_amount(-3, 5000), -2);
    assert_int_equal(fee_amount(1, -5000), -1);
    assert_int_equal(fee_amount(-1, 4999), 0);
    assert_int_equal(fee_amount(-8800, 25000), -22000);
    assert_int_equal(fee_amount(-1, -5000), 1);
}

/* The demo water rate: ¥3.45 up to 20 t, ¥4.60 from 20 to 30 t, ¥7.00 above 30 t. */
static const fee_tiers water = {34500, 2000, 46000, 3000, 70000};

static void test_metered_one_tier(void **state) {
    (void)state;
    fee_tiers flat = {5380, 0, 0, 0, 0};
    assert_int_equal(fee_metered_amount(0, &flat), 0);
    assert_int_equal(fee_metered_amount(100, &flat), 54);
    assert_int_equal(fee_metered_amount(123456, &flat), fee_amount(123456, 5380));
    assert_int_equal(fee_metered_amount(1, &flat), 1); /* rounded once, half up */
}

static void test_metered_two_tiers(void **state) {
    (void)state;
    fee_tiers two = {34500, 2000, 46000, 0, 0};
    assert_int_equal(fee_metered_amount(1999, &two), fee_amount(1999, 34500));
    assert_int_equal(fee_metered_amount(2000, &two), 6900); /* exactly at the boundary: all first tier */
    assert_int_equal(fee_metered_amount(2001, &two), 6905); /* 6900 + 4.6 fen, rounded once */
    assert_int_equal(fee_metered_amount(2500, &two), 9200); /* 69.00 + 5 t × 4.60 */
    assert_int_equal(fee_metered_amount(10000, &two), 6900 + 80 * 460);
}

static void test_metered_three_tiers(void **state) {
    (void)state;
    assert_int_equal(fee_metered_amount(0, &water), 0);
    assert_int_equal(fee_metered_amount(1000, &water), 3450);
    assert_int_equal(fee_metered_amount(2000, &water), 6900);
    assert_int_equal(fee_metered_amount(2001, &water), 6905);
    assert_int_equal(fee_metered_amount(2999, &water), 11495); /* 69.00 + 9.99 t × 4.60 = 45.954 */
    assert_int_equal(fee_metered_amount(3000, &water), 11500);
    assert_int_equal(fee_metered_amount(3001, &water), 11507);
    assert_int_equal(fee_metered_amount(3500, &water), 15000);
    /* The parts are summed before rounding: 0.4 fen in each tier is 1.2 fen, so 1 (not 0). */
    fee_tiers tiny = {4000, 1, 4000, 2, 4000};
    assert_int_equal(fee_metered_amount(3, &tiny), 1);
    assert_int_equal(fee_metered_amount(1, &tiny), 0);
}

static void test_decimal_parse(void **state) {
    (void)state;
    long long v = -1;
    assert_int_equal(decimal_parse("0.538", 4, &v), 0);
    assert_int_equal(v, 5380);
    assert_int_equal(decimal_parse("2.5", 4, &v), 0);
    assert_int_equal(v, 25000);
    assert_int_equal(decimal_parse("12", 2, &v), 0);
    assert_int_equal(v, 1200);
    assert_int_equal(decimal_parse("12.5", 2, &v), 0);
    assert_int_equal(v, 1250);
    assert_int_equal(decimal_parse("0.0001", 4, &v), 0);
    assert_int_equal(v, 1);
    assert_int_equal(decimal_parse("999999999.99", 2, &v), 0);
    assert_int_equal(v, 99999999999LL);
    assert_int_equal(decimal_parse("007", 2, &v), 0);
    assert_int_equal(v, 700);
    v = 42;
    const char *bad[] = {"",   "1.005", "-1",  "+1",         "1e3",  " 1", "1 ",
                         "1.", ".5",    "1,5", "1234567890", "0x10", "１"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(decimal_parse(bad[i], 2, &v), -1);
    assert_int_equal(v, 42); /* untouched on failure */
    assert_int_equal(decimal_parse("0.53801", 4, &v), -1);
    assert_int_equal(decimal_parse("1", 0, &v), -1);
    assert_int_equal(decimal_parse("1", 7, &v), -1);
}

static void test_decimal_format(void **state) {
    (void)state;
    arena *a = arena_new();
    assert_non_null(a);
    assert_string_equal(decimal_format(a, 5380, 4), "0.538");
    assert_string_equal(decimal_format(a, 25000, 4), "2.50");
    assert_string_equal(decimal_format(a, 100000, 4), "10.00");
    assert_string_equal(decimal_format(a, 1, 4), "0.0001");
    assert_string_equal(decimal_format(a, 0, 4), "0.00");
    assert_string_equal(decimal_format(a, 8380, 4), "0.838");
    assert_string_equal(decimal_format(a, 1250, 2), "12.50");
    assert_string_equal(decimal_format(a, -305, 2), "-3.05");
    assert_string_equal(decimal_format(a, -5380, 4), "-0.538");
    assert_string_equal(decimal_format(a, 12345, 1), "1234.50");
    assert_null(decimal_format(a, 1, 0));
    /* What it prints reads back as the same value. */
    long long values[] = {0, 1, 99, 5380, 25000, 123456789, 99999999999LL};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        long long back = -1;
        assert_int_equal(decimal_parse(decimal_format(a, values[i], 4), 4, &back), 0);
        assert_int_equal(back, values[i]);
    }
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_valid),      cmocka_unit_test(test_period_steps),
        cmocka_unit_test(test_amount_rounding),   cmocka_unit_test(test_metered_one_tier),
        cmocka_unit_test(test_metered_two_tiers), cmocka_unit_test(test_metered_three_tiers),
        cmocka_unit_test(test_decimal_parse),     cmocka_unit_test(test_decimal_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
