/* test_password.c: scrypt hashes: verify, refuse, parameters kept, malformed stored values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/core/password.h"

static void hash_and_verify(void **state) {
    (void)state;
    char h1[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];
    assert_int_equal(password_hash("wuye-demo-1", h1, sizeof h1), 0);
    assert_int_equal(password_hash("wuye-demo-1", h2, sizeof h2), 0);
    assert_string_not_equal(h1, h2); /* fresh salt each time */
    assert_int_equal(strncmp(h1, "scrypt$15$8$1$", 14), 0);
    assert_true(password_verify("wuye-demo-1", h1));
    assert_true(password_verify("wuye-demo-1", h2));
    assert_false(password_verify("wuye-demo-2", h1));
    assert_false(password_verify("", h1));
    assert_false(password_needs_rehash(h1));
}

static void chinese_password(void **state) {
    (void)state;
    char h[PASSWORD_HASH_MAX];
    assert_int_equal(password_hash("物业密码2026", h, sizeof h), 0);
    assert_true(password_verify("物业密码2026", h));
    assert_false(password_verify("物业密码2025", h));
}

static void malformed_stored_values(void **state) {
    (void)state;
    const char *bad[] = {
        "",
        "plain",
        "scrypt$15$8$1$",
        "scrypt$15$8$1$c2FsdHNhbHRzYWx0$",
        "scrypt$40$8$1$c2FsdHNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /* 2^40: refused, not
                                                                                         run */
        "scrypt$15$8$1$c2FsdHNhbHRzYWx0$AAAA",
        "bcrypt$15$8$1$c2FsdHNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NULL,
    };
    for (int i = 0; bad[i]; i++) {
        assert_false(password_verify("x", bad[i]));
        assert_true(password_needs_rehash(bad[i]));
    }
    assert_false(password_verify("x", NULL));
}

static void weaker_parameters_need_rehash(void **state) {
    (void)state;
    /* A valid hash made with N=2^14 still verifies, and is flagged for an upgrade. */
    char h[PASSWORD_HASH_MAX];
    assert_int_equal(password_hash("abc", h, sizeof h), 0);
    char weak[PASSWORD_HASH_MAX];
    strcpy(weak, h);
    weak[7] = '1';
    weak[8] = '4';
    assert_true(password_needs_rehash(weak));
    assert_false(password_verify("abc", weak)); /* different cost: different hash */
}

static void small_output_buffer(void **state) {
    (void)state;
    char h[20];
    assert_int_equal(password_hash("abc", h, sizeof h), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hash_and_verify),         cmocka_unit_test(chinese_password),
        cmocka_unit_test(malformed_stored_values), cmocka_unit_test(weaker_parameters_need_rehash),
        cmocka_unit_test(small_output_buffer),
    };
    return cmocka_run_group_tests_name("password", tests, NULL, NULL);
}
