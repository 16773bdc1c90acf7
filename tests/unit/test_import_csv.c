/* test_import_csv.c: the strict CSV reader of uploads: quoting, line ends, the BOM,
 * column counts, bad UTF-8 and the limits, each problem naming its row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/domain/import_csv.h"

typedef struct parsed {
    arena *a;
    import_csv csv;
    import_problems problems;
} parsed;

static parsed *parse_n(const char *data, size_t len) {
    parsed *p = calloc(1, sizeof *p);
    assert_non_null(p);
    p->a = arena_new();
    assert_non_null(p->a);
    assert_int_equal(import_csv_parse(p->a, data, len, &p->csv, &p->problems), 0);
    return p;
}

static parsed *parse(const char *data) {
    return parse_n(data, strlen(data));
}

static void done(parsed *p) {
    arena_free(p->a);
    free(p);
}

static void test_plain_lf_and_crlf(void **state) {
    (void)state;
    const char *files[] = {"a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\r\n3,4"};
    for (size_t i = 0; i < 3; i++) {
        parsed *p = parse(files[i]);
        assert_int_equal(p->csv.columns, 2);
        assert_string_equal(p->csv.header[1], "b");
        assert_int_equal(p->csv.row_count, 2);
        assert_int_equal(p->csv.rows[1].number, 3);
        assert_string_equal(p->csv.rows[1].cells[0], "3");
        assert_string_equal(p->csv.rows[1].cells[1], "4");
        assert_int_equal(p->problems.total, 0);
        done(p);
    }
}

static void test_bom_is_skipped(void **state) {
    (void)state;
    parsed *p = parse("\xEF\xBB\xBF"
                      "building,unit\n1,1-1-101\n");
    assert_string_equal(p->csv.header[0], "building");
    assert_int_equal(p->csv.row_count, 1);
    done(p);
}

static void test_quotes_escapes_and_newlines(void **state) {
    (void)state;
    parsed *p = parse("name,note\n\"张,伟\",\"说\"\"好\"\"\"\n\"a\r\nb\",\"\"\nx,y\n");
    assert_int_equal(p->problems.total, 0);
    assert_int_equal(p->csv.row_count, 3);
    assert_string_equal(p->csv.rows[0].cells[0], "张,伟");
    assert_string_equal(p->csv.rows[0].cells[1], "说\"好\"");
    assert_string_equal(p->csv.rows[1].cells[0], "a\r\nb");
    assert_string_equal(p->csv.rows[1].cells[1], "");
    /* The record with a line break inside counts as one row, as a spreadsheet shows it. */
    assert_int_equal(p->csv.rows[2].number, 4);
    done(p);
}

static void test_empty_fields_and_trailing_comma(void **state) {
    (void)state;
    parsed *p = parse("a,b,c\n,,\n1,,\n");
    assert_int_equal(p->csv.row_count, 2);
    assert_string_equal(p->csv.rows[0].cells[2], "");
    assert_string_equal(p->csv.rows[1].cells[0], "1");
    done(p);
}

static void test_empty_lines_skipped_but_counted(void **state) {
    (void)state;
    parsed *p = parse("a,b\n\n1,2\r\n\r\n3,4\n");
    assert_int_equal(p->csv.row_count, 2);
    assert_int_equal(p->csv.rows[0].number, 3);
    assert_int_equal(p->csv.rows[1].number, 5);
    done(p);
}

static void test_wrong_column_count_is_a_row_problem(void **state) {
    (void)state;
    parsed *p = parse("a,b\n1,2,3\n4\n5,6\n");
    assert_int_equal(p->csv.row_count, 1);
    assert_string_equal(p->csv.rows[0].cells[0], "5");
    assert_int_equal(p->problems.total, 2);
    assert_int_equal(p->problems.items[0].row, 2);
    assert_non_null(strstr(p->problems.items[0].message, "3 列"));
    assert_int_equal(p->problems.items[1].row, 3);
    assert_false(p->csv.stopped);
    assert_int_equal(p->csv.data_rows, 3);
    done(p);
}

static void test_invalid_utf8_names_the_row(void **state) {
    (void)state;
    /* 张三 in GBK. */
    parsed *p = parse("name,phone\n\xD5\xC5\xC8\xFD,1\n\xE5\xBC\xA0,2\n");
    assert_int_equal(p->problems.total, 1);
    assert_int_equal(p->problems.items[0].row, 2);
    assert_string_equal(p->problems.items[0].column, "name");
    assert_non_null(strstr(p->problems.items[0].message, "UTF-8"));
    assert_int_equal(p->csv.row_count, 1);
    done(p);
}

static void test_overlong_and_nul_refused(void **state) {
    (void)state;
    parsed *p = parse_n("a\n\xC0\xAF\nx\0y\nok\n", 12);
    assert_int_equal(p->problems.total, 2);
    assert_int_equal(p->problems.items[0].row, 2);
    assert_int_equal(p->problems.items[1].row, 3);
    assert_int_equal(p->csv.row_count, 1);
    done(p);
}

static void test_stray_quotes(void **state) {
    (void)state;
    parsed *p = parse("a,b\nx\"y,1\n\"x\"y,2\n\"ok\",3\n");
    assert_int_equal(p->problems.total, 2);
    assert_int_equal(p->problems.items[0].row, 2);
    assert_string_equal(p->problems.items[0].column, "a");
    assert_int_equal(p->problems.items[1].row, 3);
    assert_int_equal(p->csv.row_count, 1);
    assert_string_equal(p->csv.rows[0].cells[0], "ok");
    done(p);
}

static void test_unclosed_quote_stops(void **state) {
    (void)state;
    parsed *p = parse("a,b\n1,2\n\"open,3\n4,5\n");
    assert_true(p->csv.stopped);
    assert_int_equal(p->problems.total, 1);
    assert_int_equal(p->problems.items[0].row, 3);
    assert_int_equal(p->csv.row_count, 1);
    done(p);
}

static void test_bare_cr_stops(void **state) {
    (void)state;
    parsed *p = parse("a,b\r1,2\r");
    assert_true(p->csv.stopped);
    assert_int_equal(p->problems.total, 1);
    done(p);
}

static void test_empty_file(void **state) {
    (void)state;
    parsed *p = parse("");
    assert_true(p->csv.stopped);
    assert_null(p->csv.header);
    assert_int_equal(p->problems.total, 1);
    assert_int_equal(p->problems.items[0].row, 0);
    done(p);
    p = parse("\xEF\xBB\xBF\n\n");
    assert_null(p->csv.header);
    done(p);
}

static void test_field_too_long(void **state) {
    (void)state;
    size_t n = IMPORT_CSV_MAX_FIELD + 1;
    char *data = malloc(n + 16);
    assert_non_null(data);
    memcpy(data, "a\n", 2);
    memset(data + 2, 'x', n);
    memcpy(data + 2 + n, "\nok\n", 4);
    parsed *p = parse_n(data, n + 6);
    assert_int_equal(p->problems.total, 1);
    assert_int_equal(p->problems.items[0].row, 2);
    assert_int_equal(p->csv.row_count, 1);
    done(p);
    free(data);
}

static void test_row_cap(void **state) {
    (void)state;
    size_t rows = IMPORT_CSV_MAX_ROWS + 5;
    char *data = malloc(rows * 2 + 8);
    assert_non_null(data);
    size_t len = 0;
    data[len++] = 'a';
    data[len++] = '\n';
    for (size_t i = 0; i < rows; i++) {
        data[len++] = '1';
        data[len++] = '\n';
    }
    parsed *p = parse_n(data, len);
    assert_true(p->csv.stopped);
    assert_int_equal(p->csv.row_count, IMPORT_CSV_MAX_ROWS);
    assert_int_equal(p->problems.total, 1);
    assert_int_equal(p->problems.items[0].row, IMPORT_CSV_MAX_ROWS + 2);
    done(p);
    free(data);
}

static void test_problem_cap_counts_the_rest(void **state) {
    (void)state;
    arena *a = arena_new();
    import_problems pr = {0};
    for (size_t i = 0; i < IMPORT_CSV_MAX_PROBLEMS + 10; i++)
        assert_int_equal(import_problem_add(a, &pr, i + 2, NULL, "x"), 0);
    assert_int_equal(pr.count, IMPORT_CSV_MAX_PROBLEMS);
    assert_int_equal(pr.total, IMPORT_CSV_MAX_PROBLEMS + 10);
    assert_int_equal(pr.items[IMPORT_CSV_MAX_PROBLEMS - 1].row, IMPORT_CSV_MAX_PROBLEMS + 1);
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_lf_and_crlf),
        cmocka_unit_test(test_bom_is_skipped),
        cmocka_unit_test(test_quotes_escapes_and_newlines),
        cmocka_unit_test(test_empty_fields_and_trailing_comma),
        cmocka_unit_test(test_empty_lines_skipped_but_counted),
        cmocka_unit_test(test_wrong_column_count_is_a_row_problem),
        cmocka_unit_test(test_invalid_utf8_names_the_row),
        cmocka_unit_test(test_overlong_and_nul_refused),
        cmocka_unit_test(test_stray_quotes),
        cmocka_unit_test(test_unclosed_quote_stops),
        cmocka_unit_test(test_bare_cr_stops),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_field_too_long),
        cmocka_unit_test(test_row_cap),
        cmocka_unit_test(test_problem_cap_counts_the_rest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
