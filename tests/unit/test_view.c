/* test_view.c: the ctemplate shim: auto-escaping, sections, includes, names kept between
 * pages, a missing template reported as an error rather than an exception or a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/core/view.h"

static int setup(void **state) {
    (void)state;
    const char *root = getenv("WUYE_TEST_TEMPLATES");
    return view_init(root ? root : "tests/unit/templates", false);
}

static void escapes_and_sections(void **state) {
    (void)state;
    view *v = view_new();
    assert_non_null(v);
    view_set(v, "TITLE", "\"><script>alert(1)</script>");
    view_set(v, "TEXT", "<b>报修 & 投诉</b>");
    view_set(v, "Q", "a b&c");
    for (int i = 1; i <= 3; i++)
        view_set_int(view_add(v, "ROW"), "N", i);
    view_show(v, "SHOWN");
    view_set(view_include(v, "PART", "part.tpl"), "INNER", "<i>");
    buf out;
    buf_init(&out);
    assert_int_equal(view_expand("escape.tpl", v, &out), 0);
    assert_null(strstr(out.data, "<script>"));
    assert_non_null(strstr(out.data, "title=\"&quot;&gt;&lt;script&gt;"));
    assert_non_null(strstr(out.data, "&lt;b&gt;报修 &amp; 投诉&lt;/b&gt;"));
    assert_non_null(strstr(out.data, "q=a+b%26c"));
    assert_non_null(strstr(out.data, "<i>1</i><i>2</i><i>3</i>"));
    assert_non_null(strstr(out.data, "shown"));
    assert_null(strstr(out.data, "hidden"));
    assert_non_null(strstr(out.data, "[<b>&lt;i&gt;</b>"));
    buf_free(&out);
    view_free(v);
}

/* The shim keeps each name with its ctemplate id after its first use: the same names,
 * given again from other buffers, in new dictionaries, and after so many other names that
 * its table is full, still fill the same variables and sections. */
static void names_kept_between_pages(void **state) {
    (void)state;
    char first[4096] = "";
    for (int round = 0; round < 3; round++) {
        if (round == 2) {
            view *many = view_new();
            for (int i = 0; i < 2000; i++) {
                char name[16];
                snprintf(name, sizeof name, "NAME%d", i);
                view_set(many, name, "x");
            }
            view_free(many);
        }
        char title[8], row[8], n[8], shown[8];
        strcpy(title, "TITLE");
        strcpy(row, "ROW");
        strcpy(n, "N");
        strcpy(shown, "SHOWN");
        view *v = view_new();
        view_set(v, title, "题目");
        view_set(v, "TEXT", "正文");
        for (int i = 1; i <= 2; i++)
            view_set_int(view_add(v, row), n, i);
        view_show(v, shown);
        buf out;
        buf_init(&out);
        assert_int_equal(view_expand("escape.tpl", v, &out), 0);
        assert_non_null(strstr(out.data, "title=\"题目\""));
        assert_non_null(strstr(out.data, "正文"));
        assert_non_null(strstr(out.data, "<i>1</i><i>2</i>"));
        assert_non_null(strstr(out.data, "shown"));
        if (round == 0)
            snprintf(first, sizeof first, "%s", out.data);
        else
            assert_string_equal(out.data, first);
        buf_free(&out);
        view_free(v);
    }
}

static void missing_template_is_an_error(void **state) {
    (void)state;
    view *v = view_new();
    buf out;
    buf_init(&out);
    assert_int_equal(view_expand("no-such.tpl", v, &out), -1);
    assert_int_equal(out.len, 0);
    buf_free(&out);
    view_free(v);
}

static void null_arguments_are_harmless(void **state) {
    (void)state;
    view_set(NULL, "A", "b");
    view_show(NULL, "A");
    assert_null(view_add(NULL, "A"));
    assert_null(view_include(NULL, "A", "b"));
    view_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_and_sections),
        cmocka_unit_test(names_kept_between_pages),
        cmocka_unit_test(missing_template_is_an_error),
        cmocka_unit_test(null_arguments_are_harmless),
    };
    return cmocka_run_group_tests_name("view", tests, setup, NULL);
}
