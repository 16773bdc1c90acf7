/* test_ticket_view.c: when the queue's due column changes by the clock alone
 * (ticket_due_changes_at): never later than its words or flags really change, and at the
 * change itself where the words are plain hours or minutes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/domain/ticket_view.h"

/* The due column as the queue shows it at t: words, late, soon. */
static void shown(arena *a, long long due, long long t, char *out, size_t size) {
    bool late = due < t;
    bool soon = !late && due - t <= 2 * 3600;
    snprintf(out, size, "%s|%d|%d", ticket_due_words(a, due, t), late, soon);
}

static void never_later_than_the_change(void **state) {
    (void)state;
    arena *a = arena_new();
    const long long now = 1800000000;
    /* Dues from three hours back to three hours ahead, and far ones; every second up to the
     * returned one shows the same. */
    long long offsets[] = {-3 * 86400 - 17,
                           -10801,
                           -3600,
                           -3599,
                           -61,
                           -60,
                           -59,
                           -1,
                           0,
                           1,
                           59,
                           60,
                           61,
                           3599,
                           3600,
                           3601,
                           7199,
                           7200,
                           7201,
                           7260,
                           10800,
                           3 * 86400 + 5};
    for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
        long long due = now + offsets[i];
        long long at = ticket_due_changes_at(due, now);
        assert_true(at > now);
        char first[96], later[96];
        shown(a, due, now, first, sizeof first);
        for (long long t = now + 1; t < at; t++) {
            shown(a, due, t, later, sizeof later);
            assert_string_equal(later, first);
        }
    }
    for (long long d = -4000; d <= 8000; d += 7) {
        long long at = ticket_due_changes_at(now + d, now);
        assert_true(at > now);
        char first[96], later[96];
        shown(a, now + d, now, first, sizeof first);
        for (long long t = now + 1; t < at; t++) {
            shown(a, now + d, t, later, sizeof later);
            assert_string_equal(later, first);
        }
    }
    arena_free(a);
}

static void at_the_change(void **state) {
    (void)state;
    arena *a = arena_new();
    const long long now = 1800000000;
    char before[96], after[96];
    /* 3 h 5 s left: "3 小时" turns "2 小时" in 6 s. */
    assert_int_equal(ticket_due_changes_at(now + 3 * 3600 + 5, now), now + 6);
    /* 2 h 30 s left: soon in 30 s, before the hours turn. */
    assert_int_equal(ticket_due_changes_at(now + 7230, now), now + 30);
    /* 90 s late: "1 分钟" turns "2 分钟" in 30 s. */
    assert_int_equal(ticket_due_changes_at(now - 90, now), now + 30);
    shown(a, now - 90, now + 29, before, sizeof before);
    shown(a, now - 90, now + 30, after, sizeof after);
    assert_string_not_equal(before, after);
    /* Due this very second: late the next. */
    assert_int_equal(ticket_due_changes_at(now, now), now + 1);
    shown(a, now, now, before, sizeof before);
    shown(a, now, now + 1, after, sizeof after);
    assert_string_not_equal(before, after);
    /* 5 h late: "5 小时" turns "6 小时" in an hour. */
    assert_int_equal(ticket_due_changes_at(now - 5 * 3600, now), now + 3600);
    assert_int_equal(ticket_due_changes_at(0, now), LLONG_MAX);
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(never_later_than_the_change),
        cmocka_unit_test(at_the_change),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
