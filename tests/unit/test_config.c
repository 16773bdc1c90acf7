/* test_config.c: the configuration file: defaults, values, refusals with a line number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/core/config.h"

static void defaults(void **state) {
    (void)state;
    config c;
    char err[100];
    config_defaults(&c);
    assert_int_equal(config_parse(&c, "state_dir=/srv/wuye\n", err, sizeof err), 0);
    assert_int_equal(c.staff_idle_seconds, 1800);
    assert_true(c.resident_idle_seconds > c.staff_idle_seconds);
    assert_int_equal(c.login_max_failures, 5);
    assert_int_equal(c.login_window_seconds, 900);
    assert_string_equal(c.key_path, "/srv/wuye/secret/session.key");
}

static void values(void **state) {
    (void)state;
    config c;
    char err[100];
    config_defaults(&c);
    const char *text = "# comment\n\ndb_socket=/x/run/mysqld.sock\r\ndb_password=a=b\nbody_max_bytes=2048\n"
                       "staff_idle_seconds=600\ntemplate_reload=1\nfuture_setting=ignored\nkey_path=/k";
    assert_int_equal(config_parse(&c, text, err, sizeof err), 0);
    assert_string_equal(c.db_socket, "/x/run/mysqld.sock");
    assert_string_equal(c.db_password, "a=b");
    assert_int_equal(c.body_max, 2048);
    assert_int_equal(c.staff_idle_seconds, 600);
    assert_true(c.template_reload);
    assert_string_equal(c.key_path, "/k");
}

static void refusals(void **state) {
    (void)state;
    const char *bad[] = {"staff_idle_seconds=10\n", "staff_idle_seconds=30m\n", "body_max_bytes=-1\n",
                         "no equals sign\n",        "template_reload=yes\n",    NULL};
    for (int i = 0; bad[i]; i++) {
        config c;
        char err[100] = "";
        config_defaults(&c);
        assert_int_equal(config_parse(&c, bad[i], err, sizeof err), -1);
        assert_non_null(strstr(err, "line 1"));
    }
}

/* 装修: the patrol interval and the approver roles, their defaults and their limits. */
static void renovation_settings(void **state) {
    (void)state;
    config c;
    char err[100];
    config_defaults(&c);
    assert_int_equal(c.renovation_patrol_days, 7);
    assert_string_equal(c.renovation_approve_roles, "manager");
    assert_int_equal(config_parse(&c,
                                  "renovation_patrol_days=3\nrenovation_approve_roles=manager,supervisor\n",
                                  err, sizeof err),
                     0);
    assert_int_equal(c.renovation_patrol_days, 3);
    assert_string_equal(c.renovation_approve_roles, "manager,supervisor");
    const char *bad[] = {"renovation_patrol_days=0\n", "renovation_patrol_days=91\n",
                         "renovation_approve_roles=\n", "renovation_approve_roles=manager;drop\n",
                         "renovation_approve_roles=Manager\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        config_defaults(&c);
        assert_int_equal(config_parse(&c, bad[i], err, sizeof err), -1);
        assert_string_equal(c.renovation_approve_roles, "manager");
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults),
        cmocka_unit_test(values),
        cmocka_unit_test(refusals),
        cmocka_unit_test(renovation_settings),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
