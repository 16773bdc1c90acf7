/* test_archive.c: the archive's pure rules: who may act, who sees ID numbers, masking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/domain/archive.h"

static void roles_that_may_act(void **state) {
    (void)state;
    assert_true(archive_roles_may_act("frontdesk"));
    assert_true(archive_roles_may_act("cashier,clerk"));
    assert_true(archive_roles_may_act("supervisor"));
    assert_true(archive_roles_may_act("technician,manager"));
    assert_true(archive_roles_may_act("admin"));
    assert_false(archive_roles_may_act("technician"));
    assert_false(archive_roles_may_act("cashier,inspector,complaint"));
    assert_false(archive_roles_may_act("frontdesks"));
    assert_false(archive_roles_may_act(""));
    assert_false(archive_roles_may_act(NULL));
}

static void roles_that_see_id_numbers(void **state) {
    (void)state;
    assert_true(archive_roles_see_id("clerk"));
    assert_true(archive_roles_see_id("frontdesk,manager"));
    assert_true(archive_roles_see_id("admin"));
    assert_false(archive_roles_see_id("frontdesk"));
    assert_false(archive_roles_see_id("supervisor,cashier"));
    assert_false(archive_roles_see_id("clerkish"));
    assert_false(archive_roles_see_id(NULL));
}

static void masking(void **state) {
    (void)state;
    arena *a = arena_new();
    assert_non_null(a);
    assert_string_equal(archive_mask_id(a, "330106199001011234"), "3301**********1234");
    assert_string_equal(archive_mask_id(a, "33010619900101123X"), "3301**********123X");
    assert_string_equal(archive_mask_id(a, "G12345678"), "G123*5678");
    assert_string_equal(archive_mask_id(a, "12345678"), "********");
    assert_string_equal(archive_mask_id(a, ""), "");
    arena_free(a);
}

static void names(void **state) {
    (void)state;
    assert_string_equal(archive_state_name("rented"), "出租");
    assert_string_equal(archive_relation_name("owner"), "业主");
    assert_string_equal(archive_checklist_name("meters"), "水电表读数");
    assert_string_equal(archive_state_name("nonsense"), "nonsense");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(roles_that_may_act),
        cmocka_unit_test(roles_that_see_id_numbers),
        cmocka_unit_test(masking),
        cmocka_unit_test(names),
    };
    return cmocka_run_group_tests_name("archive", tests, NULL, NULL);
}
