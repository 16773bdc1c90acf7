/* test_csv.c: the CSV writer of the exports: BOM, quoting, formula cells neutralised
 * (and plain numbers kept when asked), rows, and the two response headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/core/csv.h"

#define BOM "\xEF\xBB\xBF"

static void bom_then_rows(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    csv w;
    csv_begin(&w, &b);
    assert_string_equal(b.data, BOM);
    csv_cell(&w, "编号");
    csv_cell(&w, "类型");
    csv_end_row(&w);
    csv_end_row(&w);
    CSV_ROW(&w, "a", NULL, "");
    assert_int_equal(csv_status(&w), 0);
    assert_string_equal(b.data, BOM "\"编号\",\"类型\"\r\n\r\n\"a\",\"\",\"\"\r\n");
    buf_free(&b);
}

static void quotes_and_separators(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    csv w;
    csv_begin(&w, &b);
    CSV_ROW(&w, "say \"hi\"", "a,b", "two\nlines");
    assert_string_equal(b.data + 3, "\"say \"\"hi\"\"\",\"a,b\",\"two\nlines\"\r\n");
    buf_free(&b);
}

static const char *one_cell(csv *w, buf *b, const char *s) {
    buf_reset(b);
    w->in_row = false;
    csv_cell(w, s);
    return b->data;
}

static void formulas_neutralised(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    csv w;
    csv_begin(&w, &b);
    assert_string_equal(one_cell(&w, &b, "=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_string_equal(one_cell(&w, &b, "+1+1"), "\"'+1+1\"");
    assert_string_equal(one_cell(&w, &b, "-2+3"), "\"'-2+3\"");
    assert_string_equal(one_cell(&w, &b, "@SUM(A1)"), "\"'@SUM(A1)\"");
    assert_string_equal(one_cell(&w, &b, "\tx"), "\"'\tx\"");
    assert_string_equal(one_cell(&w, &b, "\rx"), "\"'\rx\"");
    assert_string_equal(one_cell(&w, &b, "a=b"), "\"a=b\"");
    /* By default even a plain number with a sign is guarded (a phone +86...). */
    assert_string_equal(one_cell(&w, &b, "+8613800000000"), "\"'+8613800000000\"");
    assert_string_equal(one_cell(&w, &b, "-3"), "\"'-3\"");
    buf_free(&b);
}

static void plain_numbers_kept_when_asked(void **state) {
    (void)state;
    buf b;
    buf_init(&b);
    csv w;
    csv_begin(&w, &b);
    w.plain_numbers = true;
    assert_string_equal(one_cell(&w, &b, "-3"), "\"-3\"");
    assert_string_equal(one_cell(&w, &b, "+2"), "\"+2\"");
    assert_string_equal(one_cell(&w, &b, "-33.3%"), "\"-33.3%\"");
    assert_string_equal(one_cell(&w, &b, "150.00"), "\"150.00\"");
    assert_string_equal(one_cell(&w, &b, "-1+2"), "\"'-1+2\"");
    assert_string_equal(one_cell(&w, &b, "-3."), "\"'-3.\"");
    assert_string_equal(one_cell(&w, &b, "+"), "\"'+\"");
    assert_string_equal(one_cell(&w, &b, "=1"), "\"'=1\"");
    buf_free(&b);
}

static void response_headers(void **state) {
    (void)state;
    response r;
    response_init(&r);
    assert_int_equal(csv_response_headers(&r, "analysis-2031-03.csv"), 0);
    assert_string_equal(r.headers.data,
                        "Content-Type: text/csv; charset=utf-8\r\n"
                        "Content-Disposition: attachment; filename=\"analysis-2031-03.csv\"\r\n");
    assert_true(r.has_content_type);
    response_free(&r);
    response_init(&r);
    assert_int_equal(csv_response_headers(&r, "a\".csv"), -1);
    assert_int_equal(csv_response_headers(&r, "a\r\nX: y.csv"), -1);
    response_free(&r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bom_then_rows),        cmocka_unit_test(quotes_and_separators),
        cmocka_unit_test(formulas_neutralised), cmocka_unit_test(plain_numbers_kept_when_asked),
        cmocka_unit_test(response_headers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
