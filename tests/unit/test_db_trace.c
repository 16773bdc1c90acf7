/* test_db_trace.c: the statement trace of WUYE_SQL_TRACE (tests/bench/plans.mjs EXPLAINs
 * its lines): values in place of the marks, text quoted and escaped onto one line, marks
 * inside quoted SQL left alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../cgi-bin/core/db_trace.h"

static char path[64];

static int make_file(void **state) {
    (void)state;
    snprintf(path, sizeof path, "/tmp/wuye-trace-%ld.sql", (long)getpid());
    unlink(path);
    return 0;
}

static int drop_file(void **state) {
    (void)state;
    unlink(path);
    return 0;
}

static char *read_back(void) {
    static char text[4096];
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    return text;
}

/* Runs first: the variable is read once per process. */
static void values_in_place(void **state) {
    (void)state;
    setenv("WUYE_SQL_TRACE", path, 1);
    db_stmt st =
        DB_STMT("unit_find", "SELECT id, '?' FROM unit\nWHERE community_id = ? AND code = ? AND x = ?");
    db_arg args[3] = {DB_INT(-42), DB_TEXT("1-1'01\\\n"), DB_NULL};
    db_trace(&st, args, 3);
    db_trace(&st, args, 3);
    const char *line =
        "unit_find\tSELECT id, '?' FROM unit WHERE community_id = -42 AND code = '1-1\\'01\\\\\\n' "
        "AND x = NULL\n";
    char want[512];
    snprintf(want, sizeof want, "%s%s", line, line);
    assert_string_equal(read_back(), want);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(values_in_place, make_file, drop_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
