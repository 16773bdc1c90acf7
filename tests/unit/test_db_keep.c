/* test_db_keep.c: the store of kept statement answers (core/db_keep.h): an answer comes
 * back cell for cell (SQL NULL and empty text told apart) only under its own key, community
 * and version; another version drops it; the byte budget holds by dropping the least
 * recently used; an answer too large for it is not kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/core/db_keep.h"

/* Rows of columns cells in a, each "rR cC" but (1, 1) NULL and (0, 1) empty. */
static db_rows make_rows(arena *a, size_t count, size_t columns) {
    db_rows r = {.count = count, .columns = columns};
    size_t cells = count * columns;
    r.cells = arena_alloc(a, (cells ? cells : 1) * sizeof *r.cells);
    for (size_t i = 0; i < count; i++)
        for (size_t c = 0; c < columns; c++)
            r.cells[i * columns + c] = (i == 1 && c == 1)   ? NULL
                                       : (i == 0 && c == 1) ? arena_strdup(a, "")
                                                            : arena_printf(a, "r%zu 行%zu", i, c);
    return r;
}

static int teardown(void **state) {
    (void)state;
    db_keep_clear();
    return 0;
}

static void answer_comes_back_whole(void **state) {
    (void)state;
    arena *a = arena_new();
    db_rows in = make_rows(a, 3, 4);
    db_keep_put(1, 7, "k1", 2, &in);
    assert_int_equal(db_keep_count(), 1);
    arena *b = arena_new();
    db_rows out;
    assert_true(db_keep_find(1, 7, "k1", 2, b, &out));
    assert_int_equal(out.count, 3);
    assert_int_equal(out.columns, 4);
    for (size_t i = 0; i < 12; i++) {
        if (!in.cells[i]) {
            assert_null(out.cells[i]);
            continue;
        }
        assert_non_null(out.cells[i]);
        assert_string_equal(out.cells[i], in.cells[i]);
        assert_ptr_not_equal(out.cells[i], in.cells[i]); /* a copy in the caller's arena */
    }
    /* What the caller does to its copy does not reach the kept answer. */
    out.cells[0][0] = 'X';
    db_rows again;
    assert_true(db_keep_find(1, 7, "k1", 2, b, &again));
    assert_string_equal(again.cells[0], "r0 行0");
    /* No rows is an answer too. */
    db_rows none = {.count = 0, .columns = 5};
    db_keep_put(1, 7, "empty", 5, &none);
    assert_true(db_keep_find(1, 7, "empty", 5, b, &again));
    assert_int_equal(again.count, 0);
    assert_int_equal(again.columns, 5);
    arena_free(b);
    arena_free(a);
}

static void only_its_key_community_and_version(void **state) {
    (void)state;
    arena *a = arena_new();
    db_rows in = make_rows(a, 2, 2), out;
    db_keep_put(1, 7, "key", 3, &in);
    assert_false(db_keep_find(1, 7, "kez", 3, a, &out));
    assert_false(db_keep_find(1, 7, "ke", 2, a, &out));
    assert_false(db_keep_find(2, 7, "key", 3, a, &out)); /* another community */
    assert_true(db_keep_find(1, 7, "key", 3, a, &out));
    /* A newer version drops the answer: it is not served to an older one either. */
    assert_false(db_keep_find(1, 8, "key", 3, a, &out));
    assert_int_equal(db_keep_count(), 0);
    assert_false(db_keep_find(1, 7, "key", 3, a, &out));
    /* A second answer under a key replaces the first. */
    db_keep_put(1, 8, "key", 3, &in);
    db_rows other = make_rows(a, 1, 1);
    db_keep_put(1, 9, "key", 3, &other);
    assert_int_equal(db_keep_count(), 1);
    assert_true(db_keep_find(1, 9, "key", 3, a, &out));
    assert_int_equal(out.count, 1);
    arena_free(a);
}

static void budget_drops_least_recently_used(void **state) {
    (void)state;
    arena *a = arena_new();
    db_rows in = make_rows(a, 40, 10), out; /* a few KB */
    char key[32];
    size_t kept = 0;
    for (int i = 0; i < 2000; i++) {
        snprintf(key, sizeof key, "k%d", i);
        db_keep_put(1, 1, key, strlen(key), &in);
        /* k0 stays in use: it is found after every put. */
        assert_true(db_keep_find(1, 1, "k0", 2, a, &out));
        assert_true(db_keep_bytes() <= DB_KEEP_BUDGET);
        if (db_keep_count() > kept)
            kept = db_keep_count();
    }
    assert_true(kept > 10);
    assert_true(db_keep_count() < 2000);
    assert_false(db_keep_find(1, 1, "k1", 2, a, &out)); /* dropped long ago */
    assert_true(db_keep_find(1, 1, "k1999", 5, a, &out));
    /* An answer over a quarter of the budget is not kept. */
    db_rows big = make_rows(a, 4000, 10);
    db_keep_put(1, 1, "big", 3, &big);
    assert_false(db_keep_find(1, 1, "big", 3, a, &out));
    db_keep_clear();
    assert_int_equal(db_keep_bytes(), 0);
    assert_int_equal(db_keep_count(), 0);
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(answer_comes_back_whole, teardown),
        cmocka_unit_test_teardown(only_its_key_community_and_version, teardown),
        cmocka_unit_test_teardown(budget_drops_least_recently_used, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
