/* test_pagination.c: the pager values of a paged list: page counts, the first and last
 * pages, an empty list, a page past the end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/core/pagination.h"

static int setup(void **state) {
    (void)state;
    const char *root = getenv("WUYE_TEST_TEMPLATES");
    return view_init(root ? root : "tests/unit/templates", false);
}

/* The pager of page of total at per_page, expanded through pager.tpl, into out. */
static void expand(long long page, long long per_page, long long total, long long pages, char *out,
                   size_t size) {
    view *v = view_new();
    assert_non_null(v);
    assert_int_equal(pagination_fill(v, page, per_page, total), pages);
    buf b;
    buf_init(&b);
    assert_int_equal(view_expand("pager.tpl", v, &b), 0);
    snprintf(out, size, "%s", b.data);
    buf_free(&b);
    view_free(v);
}

static void pages_and_links(void **state) {
    (void)state;
    char out[200];
    expand(1, 30, 61, 3, out, sizeof out);
    assert_string_equal(out, "61 1/3 next=2\n");
    expand(2, 30, 61, 3, out, sizeof out);
    assert_string_equal(out, "61 2/3 prev=1 next=3\n");
    expand(3, 30, 61, 3, out, sizeof out);
    assert_string_equal(out, "61 3/3 prev=2\n");
    expand(1, 20, 20, 1, out, sizeof out);
    assert_string_equal(out, "20 1/1\n");
}

static void empty_and_past_the_end(void **state) {
    (void)state;
    char out[200];
    expand(1, 30, 0, 0, out, sizeof out);
    assert_string_equal(out, "0 1/1\n");
    /* Past the end, "previous" leads back to the last page there is. */
    expand(9, 20, 41, 3, out, sizeof out);
    assert_string_equal(out, "41 9/3 prev=3\n");
    expand(4, 30, 0, 0, out, sizeof out);
    assert_string_equal(out, "0 4/1 prev=1\n");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pages_and_links),
        cmocka_unit_test(empty_and_past_the_end),
    };
    return cmocka_run_group_tests_name("pagination", tests, setup, NULL);
}
