/* test_arena.c: unit tests for the per-request arena (arena.c) and the growable
 * byte buffer (buf.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/buf.h"

static void test_alloc_is_zeroed_and_aligned(void **state) {
    (void)state;
    arena *a = arena_new();
    assert_non_null(a);
    for (size_t n = 1; n < 100; n++) {
        unsigned char *p = arena_alloc(a, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(p[i], 0);
        }
        memset(p, 0xAB, n);
    }
    arena_free(a);
}

static void test_alloc_zero_gives_distinct_pointers(void **state) {
    (void)state;
    arena *a = arena_new();
    void *p = arena_alloc(a, 0);
    void *q = arena_alloc(a, 0);
    assert_non_null(p);
    assert_non_null(q);
    assert_ptr_not_equal(p, q);
    arena_free(a);
}

static void test_many_small_allocations_span_blocks(void **state) {
    (void)state;
    arena *a = arena_new();
    char *ptrs[5000];
    /* 5000 x 40 bytes is well past one block: later blocks must chain in. */
    for (int i = 0; i < 5000; i++) {
        ptrs[i] = arena_printf(a, "value-%d", i);
        assert_non_null(ptrs[i]);
    }
    for (int i = 0; i < 5000; i++) {
        char expect[32];
        snprintf(expect, sizeof(expect), "value-%d", i);
        assert_string_equal(ptrs[i], expect);
    }
    arena_free(a);
}

static void test_large_allocation_gets_its_own_block(void **state) {
    (void)state;
    arena *a = arena_new();
    char *small1 = arena_strdup(a, "before");
    unsigned char *big = arena_alloc(a, 1024 * 1024);
    assert_non_null(big);
    assert_int_equal((uintptr_t)big % 16, 0);
    assert_int_equal(big[0], 0);
    assert_int_equal(big[1024 * 1024 - 1], 0);
    memset(big, 0xFF, 1024 * 1024);
    char *small2 = arena_strdup(a, "after");
    /* The small allocations still share the first block, right next to each other. */
    assert_true(small2 > small1 && small2 - small1 < 64);
    assert_string_equal(small1, "before");
    assert_string_equal(small2, "after");
    arena_free(a);
}

static void test_reset_reuses_first_block(void **state) {
    (void)state;
    arena *a = arena_new();
    char *first = arena_alloc(a, 10);
    memset(first, 'x', 10);
    for (int i = 0; i < 100; i++) {
        assert_non_null(arena_alloc(a, 1000));
    }
    assert_non_null(arena_alloc(a, 100000));
    arena_reset(a);
    char *again = arena_alloc(a, 10);
    assert_ptr_equal(first, again);
    for (int i = 0; i < 10; i++) {
        assert_int_equal(again[i], 0); /* zeroed again after reuse */
    }
    arena_reset(a);
    arena_reset(a);
    arena_free(a);
}

static void test_strndup_copies_binary(void **state) {
    (void)state;
    arena *a = arena_new();
    const char src[] = {'a', '\0', 'b', 'c'};
    char *p = arena_strndup(a, src, 4);
    assert_memory_equal(p, src, 4);
    assert_int_equal(p[4], '\0');
    char *empty = arena_strndup(a, "", 0);
    assert_string_equal(empty, "");
    assert_string_equal(arena_strdup(a, "物业"), "物业");
    arena_free(a);
}

static void test_printf_long_and_chinese(void **state) {
    (void)state;
    arena *a = arena_new();
    char *s = arena_printf(a, "%s最多 %lld 个字", "标题", 50LL);
    assert_string_equal(s, "标题最多 50 个字");
    char longer[10000];
    memset(longer, 'z', sizeof(longer) - 1);
    longer[sizeof(longer) - 1] = '\0';
    char *l = arena_printf(a, "<%s>", longer);
    assert_int_equal(strlen(l), sizeof(longer) + 1);
    assert_int_equal(l[0], '<');
    assert_int_equal(l[sizeof(longer)], '>');
    arena_free(a);
}

static void test_free_null(void **state) {
    (void)state;
    arena_free(NULL);
}

static void test_buf_append_and_terminate(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(buf_puts(&b, "Status: 200\r\n"), 0);
    assert_int_equal(buf_append(&b, "ab\0c", 4), 0);
    assert_int_equal(b.len, 13 + 4);
    assert_memory_equal(b.data + 13, "ab\0c", 4);
    assert_int_equal(b.data[b.len], '\0');
    buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.cap, 0);
}

static void test_buf_empty_append_gives_string(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    assert_int_equal(buf_puts(&b, ""), 0);
    assert_non_null(b.data);
    assert_string_equal(b.data, "");
    buf_free(&b);
}

static void test_buf_grows(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    for (int i = 0; i < 10000; i++) {
        assert_int_equal(buf_printf(&b, "%d,", i % 10), 0);
    }
    assert_int_equal(b.len, 20000);
    assert_true(b.cap > b.len);
    assert_int_equal(strlen(b.data), 20000);
    assert_memory_equal(b.data + 19996, "8,9,", 4);
    buf_free(&b);
}

static void test_buf_printf_exact_fit(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    /* Fill to one byte short of a capacity boundary, then format across it. */
    assert_int_equal(buf_puts(&b, "x"), 0);
    size_t cap = b.cap;
    while (b.len < cap - 2) {
        assert_int_equal(buf_puts(&b, "x"), 0);
    }
    assert_int_equal(b.cap, cap);
    assert_int_equal(buf_printf(&b, "%s", "abc"), 0);
    assert_int_equal(b.len, cap + 1);
    assert_memory_equal(b.data + cap - 2, "abc", 4);
    buf_free(&b);
}

static void test_buf_reset_keeps_memory(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    buf_printf(&b, "Content-Length: %lu\r\n", 123UL);
    assert_string_equal(b.data, "Content-Length: 123\r\n");
    char *data = b.data;
    size_t cap = b.cap;
    buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    assert_ptr_equal(b.data, data);
    assert_int_equal(b.cap, cap);
    buf_puts(&b, "again");
    assert_string_equal(b.data, "again");
    buf_free(&b);
    buf_reset(&b); /* on a freed buffer: must not crash */
    buf_free(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_is_zeroed_and_aligned),
        cmocka_unit_test(test_alloc_zero_gives_distinct_pointers),
        cmocka_unit_test(test_many_small_allocations_span_blocks),
        cmocka_unit_test(test_large_allocation_gets_its_own_block),
        cmocka_unit_test(test_reset_reuses_first_block),
        cmocka_unit_test(test_strndup_copies_binary),
        cmocka_unit_test(test_printf_long_and_chinese),
        cmocka_unit_test(test_free_null),
        cmocka_unit_test(test_buf_append_and_terminate),
        cmocka_unit_test(test_buf_empty_append_gives_string),
        cmocka_unit_test(test_buf_grows),
        cmocka_unit_test(test_buf_printf_exact_fit),
        cmocka_unit_test(test_buf_reset_keeps_memory),
    };
    return cmocka_run_group_tests_name("arena and buf", tests, NULL, NULL);
}
