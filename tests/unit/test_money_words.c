/* test_money_words.c: amounts in Chinese capitals (大写) as a receipt prints them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../cgi-bin/domain/money_words.h"

static arena *a;

static void expect(long long fen, const char *words) {
    const char *got = money_words(a, fen);
    assert_non_null(got);
    assert_string_equal(got, words);
}

static void whole_yuan(void **state) {
    (void)state;
    expect(0, "零元整");
    expect(100, "壹元整");
    expect(1000, "壹拾元整");
    expect(10000, "壹佰元整");
    expect(12300, "壹佰贰拾叁元整");
    expect(100500, "壹仟零伍元整");
    expect(101000, "壹仟零壹拾元整");
    expect(1000000, "壹万元整");
    expect(10000000, "壹拾万元整");
    expect(100050000, "壹佰万零伍佰元整");
    expect(100100000, "壹佰万壹仟元整");
    expect(1001000, "壹万零壹拾元整");
    expect(10000000100, "壹亿零壹元整");
    expect(10100000000, "壹亿零壹佰万元整");
    expect(999999999, "玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
}

static void jiao_and_fen(void **state) {
    (void)state;
    expect(12345, "壹佰贰拾叁元肆角伍分");
    expect(12340, "壹佰贰拾叁元肆角");
    expect(12305, "壹佰贰拾叁元零伍分");
    expect(45, "肆角伍分");
    expect(5, "伍分");
    expect(50, "伍角");
    expect(168032, "壹仟陆佰捌拾元叁角贰分");
}

static void negative(void **state) {
    (void)state;
    expect(-12345, "负壹佰贰拾叁元肆角伍分");
    expect(-100, "负壹元整");
}

int main(void) {
    a = arena_new();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_yuan),
        cmocka_unit_test(jiao_and_fen),
        cmocka_unit_test(negative),
    };
    int r = cmocka_run_group_tests_name("money_words", tests, NULL, NULL);
    arena_free(a);
    return r;
}
