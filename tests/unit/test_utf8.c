/* test_utf8.c: unit tests for strict UTF-8 validation and character counting (utf8.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/core/utf8.h"

#define VALID(s) utf8_valid((s), sizeof(s) - 1)

static void test_ascii_and_empty(void **state) {
    (void)state;
    assert_true(VALID(""));
    assert_true(VALID("hello, world ~\x7F"));
    assert_true(utf8_valid(NULL, 0));
}

static void test_chinese(void **state) {
    (void)state;
    assert_true(VALID("报修"));
    assert_true(VALID("物业服务中心：3号楼2单元1501室"));
    assert_true(VALID("\xC2\x80"));         /* U+0080, smallest 2-byte */
    assert_true(VALID("\xDF\xBF"));         /* U+07FF */
    assert_true(VALID("\xE0\xA0\x80"));     /* U+0800, smallest 3-byte */
    assert_true(VALID("\xED\x9F\xBF"));     /* U+D7FF, just below the surrogates */
    assert_true(VALID("\xEE\x80\x80"));     /* U+E000, just above them */
    assert_true(VALID("\xEF\xBF\xBD"));     /* U+FFFD */
    assert_true(VALID("\xF0\x90\x80\x80")); /* U+10000, smallest 4-byte */
    assert_true(VALID("\xF0\x9F\x98\x80")); /* an emoji */
    assert_true(VALID("\xF4\x8F\xBF\xBF")); /* U+10FFFF, the largest code point */
}

static void test_overlong_refused(void **state) {
    (void)state;
    assert_false(VALID("\xC0\xAF")); /* '/' in two bytes: the classic path trick */
    assert_false(VALID("\xC1\xBF"));
    assert_false(VALID("\xC0\x80"));         /* "modified UTF-8" NUL */
    assert_false(VALID("\xE0\x80\xAF"));     /* '/' in three bytes */
    assert_false(VALID("\xE0\x9F\xBF"));     /* U+07FF in three bytes */
    assert_false(VALID("\xF0\x80\x80\xAF")); /* '/' in four bytes */
    assert_false(VALID("\xF0\x8F\xBF\xBF")); /* U+FFFF in four bytes */
}

static void test_surrogates_refused(void **state) {
    (void)state;
    assert_false(VALID("\xED\xA0\x80"));             /* U+D800 */
    assert_false(VALID("\xED\xAD\xBF"));             /* U+DB7F */
    assert_false(VALID("\xED\xB0\x80"));             /* U+DC00 */
    assert_false(VALID("\xED\xBF\xBF"));             /* U+DFFF */
    assert_false(VALID("\xED\xA0\xBD\xED\xB8\x80")); /* a CESU-8 surrogate pair */
}

static void test_beyond_max_refused(void **state) {
    (void)state;
    assert_false(VALID("\xF4\x90\x80\x80")); /* U+110000 */
    assert_false(VALID("\xF5\x80\x80\x80"));
    assert_false(VALID("\xF7\xBF\xBF\xBF"));
    assert_false(VALID("\xF8\x88\x80\x80\x80")); /* old 5-byte form */
    assert_false(VALID("\xFC\x84\x80\x80\x80\x80"));
    assert_false(VALID("\xFE"));
    assert_false(VALID("\xFF"));
}

static void test_truncated_and_stray_refused(void **state) {
    (void)state;
    assert_false(VALID("\xE6\x8A"));     /* 报 without its last byte */
    assert_false(VALID("ab\xE6"));       /* lead byte at the very end */
    assert_false(VALID("\xF0\x9F\x98")); /* emoji missing a byte */
    assert_false(VALID("\x80"));         /* lone continuation */
    assert_false(VALID("a\xBFz"));
    assert_false(VALID("\xE6\x8A\x41")); /* ASCII where a continuation belongs */
    assert_false(VALID("\xC3\xC3\xA9"));
    /* The length given is what counts, not the terminating NUL. */
    assert_false(utf8_valid("\xE6\x8A\xA5", 2));
    assert_true(utf8_valid("\xE6\x8A\xA5", 3));
}

static void test_nul_refused(void **state) {
    (void)state;
    assert_false(utf8_valid("a\0b", 3));
    assert_false(utf8_valid("\0", 1));
    assert_true(utf8_valid("a\0b", 1));
}

static void test_count(void **state) {
    (void)state;
    assert_int_equal(utf8_count("", 0), 0);
    assert_int_equal(utf8_count("abc", 3), 3);
    assert_int_equal(utf8_count("报修", strlen("报修")), 2);
    assert_int_equal(strlen("报修"), 6);
    assert_int_equal(utf8_count("3号楼 2单元", strlen("3号楼 2单元")), 7);
    assert_int_equal(utf8_count("\xC2\xA9\xF0\x9F\x98\x80x", 7), 3);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_and_empty),    cmocka_unit_test(test_chinese),
        cmocka_unit_test(test_overlong_refused),   cmocka_unit_test(test_surrogates_refused),
        cmocka_unit_test(test_beyond_max_refused), cmocka_unit_test(test_truncated_and_stray_refused),
        cmocka_unit_test(test_nul_refused),        cmocka_unit_test(test_count),
    };
    return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
