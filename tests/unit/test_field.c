/* test_field.c: unit tests for the declared-field validators (field.c): every kind, the
 * edges of their ranges, required, repeated and file fields, and the form accessors. */
#define _POSIX_C_SOURCE 200809L /* fork and waitpid, to watch form_get abort */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/field.h"
#include "../../cgi-bin/core/form.h"
#include "../../cgi-bin/core/utf8.h"

static int setup(void **state) {
    *state = arena_new();
    return *state == NULL ? -1 : 0;
}

static int teardown(void **state) {
    arena_free(*state);
    return 0;
}

/* A text param, as a query string or urlencoded body gives. */
#define TEXT(n, v)                                                                                           \
    { .name = (n), .value = (v), .len = sizeof(v) - 1 }
/* A multipart file part. */
#define FILEPART(n, file, v)                                                                                 \
    { .name = (n), .value = (v), .len = sizeof(v) - 1, .filename = (file) }

#define LIST(arr)                                                                                            \
    { .items = (arr), .count = sizeof(arr) / sizeof((arr)[0]) }

/* Validates one field against one param value; returns that field's value. */
static const field_value *check_one(arena *a, const field *fd, const char *value, size_t len) {
    field fields[2] = {*fd, {0}};
    field *copy = arena_alloc(a, sizeof(fields));
    memcpy(copy, fields, sizeof(fields));
    param *p = arena_alloc(a, sizeof(*p));
    p->name = fd->name;
    p->value = value;
    p->len = len;
    param_list l = {p, 1};
    form *f = arena_alloc(a, sizeof(*f));
    int errors = form_validate(f, a, copy, &l);
    assert_true(errors == 0 || errors == 1);
    assert_int_equal(errors, f->values[0].error != NULL);
    return &f->values[0];
}

static bool valid(arena *a, const field *fd, const char *value) {
    return check_one(a, fd, value, strlen(value))->error == NULL;
}

/* ---- TEXT ---------------------------------------------------------------------------- */

static const field title = {.name = "title", .kind = FIELD_TEXT, .min = 2, .max = 5, .label = "标题"};

static void test_text_length_in_characters(void **state) {
    arena *a = *state;
    assert_true(valid(a, &title, "报修"));       /* 2 characters, 6 bytes */
    assert_true(valid(a, &title, "水管漏水了")); /* 5 characters, 15 bytes */
    assert_true(valid(a, &title, "ab"));
    assert_true(valid(a, &title, "abcde"));
    const field_value *v = check_one(a, &title, "水管漏水了吗", strlen("水管漏水了吗"));
    assert_string_equal(v->error, "标题最多 5 个字，现在是 6 个字");
    assert_string_equal(v->text, "水管漏水了吗"); /* kept for the re-rendered form */
    assert_true(v->present);
    v = check_one(a, &title, "报", 3);
    assert_string_equal(v->error, "标题至少 2 个字");
    assert_string_equal(v->text, "报");
}

static void test_text_single_line_refuses_controls(void **state) {
    arena *a = *state;
    assert_false(valid(a, &title, "a\nb"));
    assert_false(valid(a, &title, "a\rb"));
    assert_false(valid(a, &title, "a\tb"));
    assert_false(valid(a, &title, "a\x7F\x62"));
    assert_false(valid(a, &title, "a\x1B\x62"));
    assert_true(valid(a, &title, "a b"));
}

static void test_text_invalid_utf8(void **state) {
    arena *a = *state;
    const field_value *v = check_one(a, &title, "ab\xC0\xAF", 4);
    assert_non_null(strstr(v->error, "含有无效字符"));
    assert_string_equal(v->text, ""); /* bytes that are not text are never echoed back */
    v = check_one(a, &title, "ab\xED\xA0\x80", 5);
    assert_non_null(strstr(v->error, "含有无效字符"));
    v = check_one(a, &title, "ab\0cd", 5);
    assert_non_null(strstr(v->error, "含有无效字符"));
}

static void test_text_multiline(void **state) {
    arena *a = *state;
    field note = {
        .name = "note", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .min = 0, .max = 8, .label = "说明"};
    const field_value *v = check_one(a, &note, "一\r\n二\r三\n四\t", strlen("一\r\n二\r三\n四\t"));
    assert_null(v->error);
    /* CRLF and lone CR become LF, each line break one character as in the browser. */
    assert_string_equal(v->text, "一\n二\n三\n四\t");
    assert_int_equal(v->len, strlen("一\n二\n三\n四\t"));
    assert_false(valid(a, &note, "a\x01"));
    assert_false(valid(a, &note, "123456789"));
    assert_true(valid(a, &note, "123\r\n456\r\n")); /* 10 bytes, 8 characters once CRLF is one */
    assert_false(valid(a, &note, "123\r\n456\r\nx"));
}

/* ---- required, absent, repeated ------------------------------------------------------- */

static void test_required_and_absent(void **state) {
    arena *a = *state;
    static const char *const kinds[] = {"repair", "complaint", NULL};
    const field fields[] = {
        {.name = "title", .kind = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 50, .label = "标题"},
        {.name = "kind", .kind = FIELD_ENUM, .flags = FIELD_REQUIRED, .choices = kinds, .label = "类型"},
        {.name = "count", .kind = FIELD_INT, .min = 1, .max = 9, .label = "数量"},
        {.name = "photo", .kind = FIELD_FILE, .flags = FIELD_REQUIRED, .max = 1024, .label = "照片"},
        {.name = "note", .kind = FIELD_TEXT, .min = 5, .max = 50, .label = "备注"},
        {0},
    };
    param items[] = {TEXT("title", ""), TEXT("count", ""), FILEPART("photo", "", ""), TEXT("other", "x")};
    param_list l = LIST(items);
    form f;
    assert_int_equal(form_validate(&f, a, fields, &l), 3);
    assert_int_equal(f.errors, 3);
    assert_int_equal(f.count, 5);
    assert_string_equal(form_get(&f, "title")->error, "请填写标题");
    assert_false(form_get(&f, "title")->present);
    assert_string_equal(form_get(&f, "kind")->error, "请选择类型");
    assert_string_equal(form_get(&f, "photo")->error, "请上传照片");
    /* Optional and absent: valid, empty, zero; min applies only to what was sent. */
    assert_null(form_get(&f, "count")->error);
    assert_false(form_get(&f, "count")->present);
    assert_int_equal(form_int(&f, "count"), 0);
    assert_null(form_get(&f, "note")->error);
    assert_string_equal(form_text(&f, "note"), "");
    assert_int_equal(form_get(&f, "note")->len, 0);
}

static void test_first_value_wins(void **state) {
    arena *a = *state;
    const field fields[] = {{.name = "n", .kind = FIELD_INT, .min = 0, .max = 100, .label = "数"}, {0}};
    param items[] = {TEXT("n", "5"), TEXT("n", "junk")};
    param_list l = LIST(items);
    form f;
    assert_int_equal(form_validate(&f, a, fields, &l), 0);
    assert_int_equal(form_int(&f, "n"), 5);
    assert_null(form_get(&f, "n")->more);
}

static void test_repeated(void **state) {
    arena *a = *state;
    static const char *const tags[] = {"water", "power", "gas", NULL};
    const field fields[] = {
        {.name = "tag",
         .kind = FIELD_ENUM,
         .flags = FIELD_REPEATED,
         .choices = tags,
         .label = "标签",
         .max_count = 2},
        {0},
    };
    form f;
    param two[] = {TEXT("tag", "water"), TEXT("x", "1"), TEXT("tag", ""), TEXT("tag", "gas")};
    param_list l = LIST(two);
    assert_int_equal(form_validate(&f, a, fields, &l), 0);
    const field_value *v = form_get(&f, "tag");
    assert_int_equal(v->nmore, 2);
    assert_string_equal(v->more[0]->value, "water");
    assert_string_equal(v->more[1]->value, "gas");
    assert_string_equal(v->text, "water");

    param three[] = {TEXT("tag", "water"), TEXT("tag", "gas"), TEXT("tag", "power")};
    l = (param_list)LIST(three);
    assert_int_equal(form_validate(&f, a, fields, &l), 1);
    assert_string_equal(form_get(&f, "tag")->error, "标签最多 2 项");

    param bad_second[] = {TEXT("tag", "water"), TEXT("tag", "oil")};
    l = (param_list)LIST(bad_second);
    assert_int_equal(form_validate(&f, a, fields, &l), 1);
    assert_non_null(form_get(&f, "tag")->error);

    l = (param_list){NULL, 0};
    assert_int_equal(form_validate(&f, a, fields, &l), 0);
    assert_int_equal(form_get(&f, "tag")->nmore, 0);
    assert_false(form_get(&f, "tag")->present);
}

/* ---- INT ----------------------------------------------------------------------------- */

static void test_int(void **state) {
    arena *a = *state;
    field floor = {.name = "floor", .kind = FIELD_INT, .min = -3, .max = 33, .label = "楼层"};
    const field_value *v = check_one(a, &floor, "33", 2);
    assert_null(v->error);
    assert_int_equal(v->number, 33);
    v = check_one(a, &floor, "-3", 2);
    assert_null(v->error);
    assert_int_equal(v->number, -3);
    assert_true(valid(a, &floor, "0"));
    assert_true(valid(a, &floor, "-0"));
    assert_true(valid(a, &floor, "007"));
    v = check_one(a, &floor, "34", 2);
    assert_string_equal(v->error, "楼层应在 -3 到 33 之间");
    assert_string_equal(v->text, "34");
    assert_int_equal(v->number, 0);
    assert_false(valid(a, &floor, "-4"));
    const char *bad[] = {"+1", " 1", "1 ", "1.0", "1e2", "0x10", "-", "--1", "1-", "１", "12abc"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        v = check_one(a, &floor, bad[i], strlen(bad[i]));
        assert_string_equal(v->error, "楼层应为整数");
    }
}

static void test_int_extremes(void **state) {
    arena *a = *state;
    field any = {.name = "n", .kind = FIELD_INT, .min = INT64_MIN, .max = INT64_MAX, .label = "数"};
    const field_value *v = check_one(a, &any, "9223372036854775807", 19);
    assert_null(v->error);
    assert_int_equal(v->number, INT64_MAX);
    v = check_one(a, &any, "-9223372036854775808", 20);
    assert_null(v->error);
    assert_true(v->number == INT64_MIN);
    assert_false(valid(a, &any, "9223372036854775808"));
    assert_false(valid(a, &any, "-9223372036854775809"));
    assert_false(valid(a, &any, "99999999999999999999999999"));
}

/* ---- ENUM ---------------------------------------------------------------------------- */

static void test_enum(void **state) {
    arena *a = *state;
    static const char *const status[] = {"open", "done", NULL};
    field st = {.name = "status", .kind = FIELD_ENUM, .choices = status, .label = "状态"};
    assert_true(valid(a, &st, "open"));
    assert_true(valid(a, &st, "done"));
    assert_false(valid(a, &st, "Open"));
    assert_false(valid(a, &st, "open "));
    assert_false(valid(a, &st, "ope"));
    assert_string_equal(check_one(a, &st, "x", 1)->error, "请从列表中选择状态");
}

/* ---- PHONE --------------------------------------------------------------------------- */

static void test_phone(void **state) {
    arena *a = *state;
    field ph = {.name = "phone", .kind = FIELD_PHONE, .label = "电话"};
    assert_true(valid(a, &ph, "13800138000"));
    assert_true(valid(a, &ph, "19912345678"));
    assert_true(valid(a, &ph, "010-12345678"));
    assert_true(valid(a, &ph, "0571-8888888"));
    assert_false(valid(a, &ph, "1234567")); /* starts with 1: must be a mobile, not a landline */
    assert_true(valid(a, &ph, "87654321"));
    assert_true(valid(a, &ph, "0755-1234567-123"));     /* with an extension */
    assert_true(valid(a, &ph, "0123456"));              /* 7: the shortest */
    assert_true(valid(a, &ph, "01234567890123456789")); /* 20: the longest */
    assert_false(valid(a, &ph, "012345"));
    assert_false(valid(a, &ph, "012345678901234567890"));
    assert_false(valid(a, &ph, "12345678901")); /* 1 then 2: no such mobile prefix */
    assert_false(valid(a, &ph, "1380013800"));
    assert_false(valid(a, &ph, "138001380000"));
    assert_false(valid(a, &ph, "+8613800138000"));
    assert_false(valid(a, &ph, "-010-1234567"));
    assert_false(valid(a, &ph, "010 12345678"));
    assert_false(valid(a, &ph, "1380013800a"));
    assert_non_null(strstr(check_one(a, &ph, "x", 1)->error, "电话不是有效的电话号码"));
}

/* ---- DATE and DATETIME --------------------------------------------------------------- */

static void test_date(void **state) {
    arena *a = *state;
    field d = {.name = "d", .kind = FIELD_DATE, .label = "日期"};
    assert_true(valid(a, &d, "2024-02-29")); /* leap year */
    assert_false(valid(a, &d, "2026-02-29"));
    assert_true(valid(a, &d, "2000-02-29"));  /* divisible by 400 */
    assert_false(valid(a, &d, "1900-02-29")); /* divisible by 100 */
    assert_true(valid(a, &d, "2026-12-31"));
    assert_true(valid(a, &d, "2026-04-30"));
    assert_false(valid(a, &d, "2026-04-31"));
    assert_false(valid(a, &d, "2026-13-01"));
    assert_false(valid(a, &d, "2026-00-10"));
    assert_false(valid(a, &d, "2026-01-00"));
    assert_false(valid(a, &d, "2026-1-5"));
    assert_false(valid(a, &d, "2026/01/05"));
    assert_false(valid(a, &d, "2026-01-05 "));
    assert_false(valid(a, &d, "2026-01-05T10:00"));
    assert_false(valid(a, &d, "0999-01-01"));
    assert_false(valid(a, &d, "２０２６-01-01"));
}

static void test_datetime(void **state) {
    arena *a = *state;
    field dt = {.name = "at", .kind = FIELD_DATETIME, .label = "预约时间"};
    assert_true(valid(a, &dt, "2024-02-29T00:00"));
    assert_true(valid(a, &dt, "2024-02-29T23:59"));
    assert_false(valid(a, &dt, "2026-02-29T10:00"));
    assert_false(valid(a, &dt, "2026-03-01T24:00"));
    assert_false(valid(a, &dt, "2026-03-01T23:60"));
    assert_false(valid(a, &dt, "2026-03-01 10:00"));
    assert_false(valid(a, &dt, "2026-03-01T10:00:00"));
    assert_false(valid(a, &dt, "2026-03-01T1:00"));
    assert_false(valid(a, &dt, "2026-03-01T10-00"));
    assert_false(valid(a, &dt, "2026-03-01"));
    const field_value *v = check_one(a, &dt, "2026-02-30T09:00", 16);
    assert_string_equal(v->error, "预约时间不是有效的日期和时间");
    assert_string_equal(v->text, "2026-02-30T09:00");
}

/* ---- UNIT_CODE ----------------------------------------------------------------------- */

static void test_unit_code(void **state) {
    arena *a = *state;
    field u = {.name = "unit", .kind = FIELD_UNIT_CODE, .label = "房号"};
    assert_true(valid(a, &u, "1-1-101"));
    assert_true(valid(a, &u, "3-2-1501"));
    assert_true(valid(a, &u, "A12-B3-B1501a"));
    assert_true(valid(a, &u, "1234-1234-123456"));
    assert_false(valid(a, &u, "12345-1-101"));
    assert_false(valid(a, &u, "1-12345-101"));
    assert_false(valid(a, &u, "1-1-1234567"));
    assert_false(valid(a, &u, "1-1"));
    assert_false(valid(a, &u, "1-1-"));
    assert_false(valid(a, &u, "-1-101"));
    assert_false(valid(a, &u, "1--101"));
    assert_false(valid(a, &u, "1-1-101-2"));
    assert_false(valid(a, &u, "1-1-10 1"));
    assert_false(valid(a, &u, "3号楼-2-1501"));
    assert_non_null(strstr(check_one(a, &u, "x", 1)->error, "1-1-101"));
}

/* ---- FILE ---------------------------------------------------------------------------- */

static void test_file(void **state) {
    arena *a = *state;
    const field fields[] = {
        {.name = "photo", .kind = FIELD_FILE, .max = 8, .label = "照片"},
        {.name = "doc", .kind = FIELD_FILE, .max = 2 * 1024 * 1024, .label = "附件"},
        {0},
    };
    form f;
    param ok[] = {FILEPART("photo", "a.jpg", "\xFF\xD8\x00\x00\x00\x00\xFF\xD9")};
    param_list l = LIST(ok);
    assert_int_equal(form_validate(&f, a, fields, &l), 0);
    const field_value *v = form_get(&f, "photo");
    assert_true(v->present);
    assert_non_null(v->part);
    assert_int_equal(v->part->len, 8);
    assert_string_equal(v->text, "a.jpg");
    assert_false(form_get(&f, "doc")->present);

    param big[] = {FILEPART("photo", "a.jpg", "123456789")};
    l = (param_list)LIST(big);
    assert_int_equal(form_validate(&f, a, fields, &l), 1);
    assert_string_equal(form_get(&f, "photo")->error, "照片不能超过 8 字节");
    assert_null(form_get(&f, "photo")->part);

    /* A text value where a file belongs, e.g. a urlencoded body. */
    param text[] = {TEXT("photo", "a.jpg")};
    l = (param_list)LIST(text);
    assert_int_equal(form_validate(&f, a, fields, &l), 1);
    assert_non_null(form_get(&f, "photo")->error);

    /* An empty file with a name is present: someone chose an empty file. */
    param empty_named[] = {FILEPART("photo", "empty.txt", "")};
    l = (param_list)LIST(empty_named);
    assert_int_equal(form_validate(&f, a, fields, &l), 0);
    assert_true(form_get(&f, "photo")->present);

    /* A file part for a text field is refused. */
    const field text_fields[] = {{.name = "title", .kind = FIELD_TEXT, .max = 50, .label = "标题"}, {0}};
    param file_for_text[] = {FILEPART("title", "x.txt", "hello")};
    l = (param_list)LIST(file_for_text);
    assert_int_equal(form_validate(&f, a, text_fields, &l), 1);
}

static void test_file_size_message_units(void **state) {
    arena *a = *state;
    char *big = arena_alloc(a, 3 * 1024 * 1024);
    const field fields[] = {
        {.name = "a", .kind = FIELD_FILE, .max = 2 * 1024 * 1024, .label = "附件"},
        {.name = "b", .kind = FIELD_FILE, .max = 500 * 1024, .label = "照片"},
        {0},
    };
    param items[] = {
        {.name = "a", .value = big, .len = 3 * 1024 * 1024, .filename = "a.pdf"},
        {.name = "b", .value = big, .len = 500 * 1024 + 1, .filename = "b.jpg"},
    };
    param_list l = LIST(items);
    form f;
    assert_int_equal(form_validate(&f, a, fields, &l), 2);
    assert_string_equal(form_get(&f, "a")->error, "附件不能超过 2 MB");
    assert_string_equal(form_get(&f, "b")->error, "照片不能超过 500 KB");
}

/* ---- form accessors ------------------------------------------------------------------ */

static void test_set_error_counts_once(void **state) {
    arena *a = *state;
    const field fields[] = {
        {.name = "login", .kind = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 32, .label = "账号"},
        {.name = "password",
         .kind = FIELD_TEXT,
         .flags = FIELD_REQUIRED | FIELD_SECRET,
         .min = 8,
         .max = 128,
         .label = "密码"},
        {0},
    };
    param items[] = {TEXT("login", "zhang"), TEXT("password", "short")};
    param_list l = LIST(items);
    form f;
    assert_int_equal(form_validate(&f, a, fields, &l), 1);
    assert_string_equal(form_text(&f, "login"), "zhang");
    form_set_error(&f, "login", "账号或密码错误");
    assert_int_equal(f.errors, 2);
    form_set_error(&f, "login", "账号已停用");
    assert_int_equal(f.errors, 2);
    assert_string_equal(form_get(&f, "login")->error, "账号已停用");
    form_set_error(&f, "password", "密码错误"); /* already invalid: still counted once */
    assert_int_equal(f.errors, 2);
}

static void test_declares(void **state) {
    arena *a = *state;
    const field fields[] = {
        {.name = "place", .kind = FIELD_TEXT, .max = 100, .label = "具体地点"},
        {0},
    };
    form f;
    assert_int_equal(form_validate(&f, a, fields, NULL), 0);
    assert_true(form_declares(&f, "place"));
    assert_false(form_declares(&f, "unit")); /* named by the domain, not on this page */
    assert_false(form_declares(&f, NULL));
}

static void test_no_params_and_no_fields(void **state) {
    arena *a = *state;
    const field none[] = {{0}};
    form f;
    assert_int_equal(form_validate(&f, a, none, NULL), 0);
    assert_int_equal(f.count, 0);
    const field one[] = {{.name = "q", .kind = FIELD_TEXT, .max = 10, .label = "搜索"}, {0}};
    assert_int_equal(form_validate(&f, a, one, NULL), 0);
    assert_string_equal(form_text(&f, "q"), "");
}

/* Runs fn in a child and reports whether it died of SIGABRT. */
static bool aborts(void (*fn)(arena *), arena *a) {
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (freopen("/dev/null", "w", stderr) == NULL) {
            _exit(2);
        }
        fn(a);
        _exit(0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void get_undeclared(arena *a) {
    const field fields[] = {{.name = "title", .kind = FIELD_TEXT, .max = 10, .label = "标题"}, {0}};
    form f;
    form_validate(&f, a, fields, NULL);
    form_get(&f, "titel");
}

static void set_error_undeclared(arena *a) {
    const field fields[] = {{.name = "title", .kind = FIELD_TEXT, .max = 10, .label = "标题"}, {0}};
    form f;
    form_validate(&f, a, fields, NULL);
    form_set_error(&f, "nope", "x");
}

static void get_declared(arena *a) {
    const field fields[] = {{.name = "title", .kind = FIELD_TEXT, .max = 10, .label = "标题"}, {0}};
    form f;
    form_validate(&f, a, fields, NULL);
    form_get(&f, "title");
}

static void test_undeclared_name_aborts(void **state) {
    arena *a = *state;
    assert_true(aborts(get_undeclared, a));
    assert_true(aborts(set_error_undeclared, a));
    assert_false(aborts(get_declared, a));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_text_length_in_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_single_line_refuses_controls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_multiline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_required_and_absent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_first_value_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_repeated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int_extremes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enum, setup, teardown),
        cmocka_unit_test_setup_teardown(test_phone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_datetime, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unit_code, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_size_message_units, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_error_counts_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_declares, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_params_and_no_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_undeclared_name_aborts, setup, teardown),
    };
    return cmocka_run_group_tests_name("field", tests, NULL, NULL);
}
