/* test_page_keep.c: what keeps page bodies apart and fresh (core/page_keep.h, core/db.h):
 * the template stamp moves with any change to a template file, and kept text is found only
 * under its own key, community and version, never as a statement's answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "../../cgi-bin/core/db_keep.h"
#include "../../cgi-bin/core/page_keep.h"

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Sets path's modification time to seconds (past the epoch), as an editor saving it would. */
static void set_time(const char *path, long seconds) {
    struct timeval times[2] = {{seconds, 0}, {seconds, 0}};
    assert_int_equal(utimes(path, times), 0);
}

static void stamp_moves_with_every_template_change(void **state) {
    (void)state;
    char dir[] = "/tmp/wuye-stamp-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[128], a[128], b[128], c[128];
    snprintf(sub, sizeof sub, "%s/office", dir);
    snprintf(a, sizeof a, "%s/page.tpl", dir);
    snprintf(b, sizeof b, "%s/office/list.tpl", dir);
    snprintf(c, sizeof c, "%s/office/new.tpl", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_file(a, "<p>{{A}}</p>");
    write_file(b, "<li>{{B}}</li>");
    set_time(a, 1000000);
    set_time(b, 1000000);
    unsigned long long first = page_keep_stamp(dir);
    assert_true(first != 0);
    assert_true(page_keep_stamp(dir) == first); /* nothing changed: the same */
    /* A file in a sub-folder saved again (same size, a later time). */
    write_file(b, "<li>{{C}}</li>");
    set_time(b, 1000001);
    unsigned long long edited = page_keep_stamp(dir);
    assert_true(edited != first);
    /* Same time, other size. */
    write_file(b, "<li>{{LONGER}}</li>");
    set_time(b, 1000001);
    unsigned long long resized = page_keep_stamp(dir);
    assert_true(resized != edited);
    /* A file added, then removed again. */
    write_file(c, "x");
    set_time(c, 1000000);
    assert_true(page_keep_stamp(dir) != resized);
    unlink(c);
    assert_true(page_keep_stamp(dir) == resized);
    /* A file renamed, same time and size. */
    char moved[128];
    snprintf(moved, sizeof moved, "%s/moved.tpl", dir);
    assert_int_equal(rename(a, moved), 0);
    assert_true(page_keep_stamp(dir) != resized);
    unlink(moved);
    unlink(b);
    rmdir(sub);
    rmdir(dir);
    assert_true(page_keep_stamp(dir) == 0); /* gone: 0 */
}

static db_rows one_row(char **cells) {
    return (db_rows){.count = 1, .columns = 3, .cells = cells};
}

static void kept_text_only_under_its_key_and_version(void **state) {
    (void)state;
    arena *a = arena_new();
    char *cells[3] = {"工单", "0", "<p>kept</p>"};
    db_rows in = one_row(cells), out;
    /* No version noted (no session): nothing kept, nothing found. */
    db_keep_note(0, 0);
    db_kept_put("body", 4, &in);
    assert_false(db_kept_find("body", 4, a, &out));
    db_keep_note(1, 7);
    db_kept_put("body", 4, &in);
    assert_true(db_kept_find("body", 4, a, &out));
    assert_int_equal(out.count, 1);
    assert_string_equal(db_cell(&out, 0, 2), "<p>kept</p>");
    assert_false(db_kept_find("bodz", 4, a, &out));
    /* The store holds it under more than the caller's key: not found as the bare key. */
    assert_false(db_keep_find(1, 7, "body", 4, a, &out));
    /* Another community, or the same one at a later version: not found. */
    db_keep_note(2, 7);
    assert_false(db_kept_find("body", 4, a, &out));
    db_keep_note(1, 8);
    assert_false(db_kept_find("body", 4, a, &out));
    db_keep_note(1, 7);
    assert_false(db_kept_find("body", 4, a, &out)); /* dropped when the later version asked */
    db_keep_clear();
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stamp_moves_with_every_template_change),
        cmocka_unit_test(kept_text_only_under_its_key_and_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
