/* test_strmap.c: the arena-backed string map: lookups, first value wins, many keys in
 * a table sized for them, keys that differ by one byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/strmap.h"

static void get_finds_what_put_added(void **state) {
    (void)state;
    arena *a = arena_new();
    assert_non_null(a);
    strmap m;
    assert_int_equal(strmap_init(a, &m, 4), 0);
    size_t v = 99;
    assert_false(strmap_get(&m, "1-1-101", &v));
    assert_int_equal(v, 99);
    strmap_put(&m, "1-1-101", 7);
    strmap_put(&m, "", 3);
    assert_true(strmap_get(&m, "1-1-101", &v));
    assert_int_equal(v, 7);
    assert_true(strmap_get(&m, "", &v));
    assert_int_equal(v, 3);
    assert_false(strmap_get(&m, "1-1-10", &v));
    assert_false(strmap_get(&m, "1-1-1011", &v));
    arena_free(a);
}

static void first_value_is_kept(void **state) {
    (void)state;
    arena *a = arena_new();
    assert_non_null(a);
    strmap m;
    assert_int_equal(strmap_init(a, &m, 1), 0);
    strmap_put(&m,
               "张三\x1f"
               "13800000000",
               1);
    strmap_put(&m,
               "张三\x1f"
               "13800000000",
               2);
    size_t v = 0;
    assert_true(strmap_get(&m,
                           "张三\x1f"
                           "13800000000",
                           &v));
    assert_int_equal(v, 1);
    arena_free(a);
}

static void holds_as_many_keys_as_expected(void **state) {
    (void)state;
    enum { N = 5000 };
    arena *a = arena_new();
    assert_non_null(a);
    strmap m;
    assert_int_equal(strmap_init(a, &m, N), 0);
    char *keys[N];
    for (size_t i = 0; i < N; i++) {
        keys[i] = arena_printf(a, "3-2-%zu", i);
        assert_non_null(keys[i]);
        strmap_put(&m, keys[i], i);
    }
    for (size_t i = 0; i < N; i++) {
        char key[32];
        snprintf(key, sizeof key, "3-2-%zu", i);
        size_t v = SIZE_MAX;
        assert_true(strmap_get(&m, key, &v));
        assert_int_equal(v, i);
    }
    size_t v;
    assert_false(strmap_get(&m, "3-2-5000", &v));
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(get_finds_what_put_added),
        cmocka_unit_test(first_value_is_kept),
        cmocka_unit_test(holds_as_many_keys_as_expected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
