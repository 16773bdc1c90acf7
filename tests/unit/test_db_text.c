/* test_db_text.c: statements with their values in place (core/db_text.h), the text that
 * db.c sends for writes kept for one round trip: every value escaped so that it stays one
 * SQL literal, marks inside quoted SQL left alone, and the count of marks reported so a
 * call with the wrong number of values is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/core/db_text.h"

static void values_in_place(void **state) {
    (void)state;
    buf out;
    buf_init(&out);
    db_arg args[4] = {DB_INT(-9223372036854775807LL - 1), DB_TEXT("张伟"), DB_NULL, DB_INT(7)};
    long marks =
        db_text_inline(&out, "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, FROM_UNIXTIME(?))", args, 4);
    assert_int_equal(marks, 4);
    assert_string_equal(
        out.data, "INSERT INTO t (a, b, c, d) VALUES (-9223372036854775808, '张伟', NULL, FROM_UNIXTIME(7))");
    buf_free(&out);
}

static void text_is_escaped(void **state) {
    (void)state;
    buf out;
    buf_init(&out);
    /* A quote, a backslash before a quote, line breaks, a NUL inside the value. */
    static const char value[] = "a'b\\'; DROP TABLE t; --\r\n\0z";
    db_arg args[1] = {DB_TEXTN(value, sizeof value - 1)};
    assert_int_equal(db_text_inline(&out, "SELECT ?", args, 1), 1);
    assert_string_equal(out.data, "SELECT 'a\\'b\\\\\\'; DROP TABLE t; --\\r\\n\\0z'");
    buf_free(&out);
}

static void quoted_marks_are_not_marks(void **state) {
    (void)state;
    buf out;
    buf_init(&out);
    db_arg args[1] = {DB_INT(1)};
    long marks = db_text_inline(&out, "SELECT '?', \"?\", `?` FROM t WHERE id = ?", args, 1);
    assert_int_equal(marks, 1);
    assert_string_equal(out.data, "SELECT '?', \"?\", `?` FROM t WHERE id = 1");
    buf_free(&out);
}

static void wrong_counts_are_reported(void **state) {
    (void)state;
    buf out;
    buf_init(&out);
    db_arg args[2] = {DB_INT(1), DB_INT(2)};
    assert_int_equal(db_text_inline(&out, "UPDATE t SET a = ? WHERE id = ? AND b = ?", args, 2), 3);
    assert_string_equal(out.data, "UPDATE t SET a = 1 WHERE id = 2 AND b = ?");
    buf_reset(&out);
    assert_int_equal(db_text_inline(&out, "UPDATE t SET a = ?", args, 2), 1);
    buf_free(&out);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(values_in_place),
        cmocka_unit_test(text_is_escaped),
        cmocka_unit_test(quoted_marks_are_not_marks),
        cmocka_unit_test(wrong_counts_are_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
