/* test_request.c: unit tests for request_parse and request_cookie (request.c), with a
 * fake environment and a fake body reader in place of FastCGI. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/request.h"

/* The request's environment: NULL-terminated name/value pairs. */
typedef struct fake_env {
    const char *vars[32][2];
} fake_env;

static const char *fake_getenv(void *ctx, const char *name) {
    fake_env *e = ctx;
    for (int i = 0; i < 32 && e->vars[i][0] != NULL; i++) {
        if (strcmp(e->vars[i][0], name) == 0) {
            return e->vars[i][1];
        }
    }
    return NULL;
}

/* The request body, handed out at most chunk bytes at a time like a socket would. */
typedef struct fake_body {
    const char *data;
    size_t len;
    size_t pos;
    size_t chunk; /* 0: no limit */
    int calls;
    int fail; /* return -1 instead of data */
} fake_body;

static long fake_read(void *ctx, char *dst, size_t n) {
    fake_body *b = ctx;
    b->calls++;
    if (b->fail) {
        return -1;
    }
    size_t left = b->len - b->pos;
    if (n > left) {
        n = left;
    }
    if (b->chunk != 0 && n > b->chunk) {
        n = b->chunk;
    }
    memcpy(dst, b->data + b->pos, n);
    b->pos += n;
    return (long)n;
}

static int setup(void **state) {
    *state = arena_new();
    return *state == NULL ? -1 : 0;
}

static int teardown(void **state) {
    arena_free(*state);
    return 0;
}

static int parse(arena *a, request *req, fake_env *env, fake_body *body, size_t body_max, const char **why) {
    return request_parse(req, a, fake_getenv, env, fake_read, body, body_max, why);
}

static void test_get_copies_environment(void **state) {
    arena *a = *state;
    char query[] = "page=2&q=%E6%8A%A5%E4%BF%AE";
    char uri[] = "/office/tickets";
    fake_env env = {{{"REQUEST_METHOD", "GET"},
                     {"DOCUMENT_URI", uri},
                     {"QUERY_STRING", query},
                     {"REMOTE_ADDR", "203.0.113.7"},
                     {"HTTP_HOST", "wuye.example.cn"},
                     {"HTTP_USER_AGENT", "Mozilla/5.0"},
                     {"HTTP_COOKIE", "wuye_s=tok.en; theme=dark"},
                     {"HTTPS", "on"},
                     {"CONTENT_TYPE", ""},
                     {"CONTENT_LENGTH", ""}}};
    fake_body body = {0};
    request req;
    const char *why = "unchanged";
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 0);
    assert_null(why);
    assert_int_equal(body.calls, 0);
    assert_int_equal(req.method, METHOD_GET);
    assert_string_equal(req.method_name, "GET");
    assert_string_equal(req.path, "/office/tickets");
    assert_string_equal(req.remote_addr, "203.0.113.7");
    assert_string_equal(req.host, "wuye.example.cn");
    assert_null(req.origin);
    assert_null(req.content_type); /* nginx sends "" for an absent header */
    assert_int_equal(req.content_length, -1);
    assert_string_equal(req.user_agent, "Mozilla/5.0");
    assert_true(req.https);
    assert_int_equal(req.query.count, 2);
    assert_string_equal(param_find(&req.query, "q")->value, "报修");
    assert_int_equal(req.body.count, 0);
    assert_string_equal(request_cookie(&req, "wuye_s"), "tok.en");
    assert_null(request_cookie(&req, "wuye_r"));

    /* Nothing may point into the environment once parsed. */
    memset(query, 'X', sizeof(query) - 1);
    memset(uri, 'X', sizeof(uri) - 1);
    assert_string_equal(req.query_string, "page=2&q=%E6%8A%A5%E4%BF%AE");
    assert_string_equal(req.path, "/office/tickets");
}

static void test_minimal_environment(void **state) {
    arena *a = *state;
    fake_env env = {{{NULL, NULL}}};
    fake_body body = {0};
    request req;
    const char *why;
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 0);
    assert_int_equal(req.method, METHOD_GET);
    assert_string_equal(req.path, "/");
    assert_string_equal(req.query_string, "");
    assert_string_equal(req.remote_addr, "");
    assert_null(req.host);
    assert_null(req.user_agent);
    assert_false(req.https);
    assert_int_equal(req.query.count, 0);
    assert_int_equal(req.cookies.count, 0);
}

static void test_path_fallback_and_methods(void **state) {
    arena *a = *state;
    fake_env env = {{{"REQUEST_METHOD", "HEAD"},
                     {"SCRIPT_NAME", "/portal/repair"},
                     {"PATH_INFO", "/42"},
                     {"REQUEST_SCHEME", "https"}}};
    fake_body body = {0};
    request req;
    const char *why;
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 0);
    assert_int_equal(req.method, METHOD_HEAD);
    assert_string_equal(req.path, "/portal/repair/42");
    assert_true(req.https);

    fake_env del = {{{"REQUEST_METHOD", "DELETE"}, {"CONTENT_LENGTH", "5"}, {"REQUEST_SCHEME", "http"}}};
    assert_int_equal(parse(a, &req, &del, &body, 1024, &why), 0);
    assert_int_equal(req.method, METHOD_OTHER);
    assert_string_equal(req.method_name, "DELETE");
    assert_false(req.https);
    assert_int_equal(body.calls, 0); /* only POST bodies are read */

    fake_env lower = {{{"REQUEST_METHOD", "post"}}}; /* methods are case-sensitive */
    assert_int_equal(parse(a, &req, &lower, &body, 1024, &why), 0);
    assert_int_equal(req.method, METHOD_OTHER);
}

static void test_bad_query_is_400(void **state) {
    arena *a = *state;
    const char *queries[] = {"q=%zz", "q=%", "q=a%00b", "%G1=1"};
    for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
        fake_env env = {{{"REQUEST_METHOD", "GET"}, {"QUERY_STRING", queries[i]}}};
        fake_body body = {0};
        request req;
        const char *why = NULL;
        assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 400);
        assert_non_null(why);
    }
}

static void test_post_urlencoded(void **state) {
    arena *a = *state;
    const char data[] = "title=%E6%B0%B4%E7%AE%A1+%E6%BC%8F%E6%B0%B4&unit=1-1-101&tag=a&tag=b";
    char length[16];
    snprintf(length, sizeof(length), "%zu", sizeof(data) - 1);
    fake_env env = {{{"REQUEST_METHOD", "POST"},
                     {"CONTENT_TYPE", "application/x-www-form-urlencoded; charset=UTF-8"},
                     {"CONTENT_LENGTH", length},
                     {"QUERY_STRING", "id=7"},
                     {"HTTP_ORIGIN", "https://wuye.example.cn"}}};
    fake_body body = {data, sizeof(data) - 1, 0, 7, 0, 0}; /* arrives in 7-byte pieces */
    request req;
    const char *why;
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 0);
    assert_int_equal(req.method, METHOD_POST);
    assert_int_equal(req.content_length, (long long)(sizeof(data) - 1));
    assert_string_equal(req.origin, "https://wuye.example.cn");
    assert_int_equal(req.body.count, 4);
    assert_string_equal(param_find(&req.body, "title")->value, "水管 漏水");
    assert_string_equal(param_find(&req.body, "unit")->value, "1-1-101");
    assert_string_equal(param_find(&req.query, "id")->value, "7");
    assert_true(body.calls > 1);
}

static void test_post_multipart(void **state) {
    arena *a = *state;
    const char data[] = "--XyZ\r\n"
                        "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                        "报修\r\n"
                        "--XyZ\r\n"
                        "Content-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
                        "Content-Type: image/jpeg\r\n\r\n"
                        "\xFF\xD8\x00\xFF\xD9\r\n"
                        "--XyZ--\r\n";
    char length[16];
    snprintf(length, sizeof(length), "%zu", sizeof(data) - 1);
    fake_env env = {{{"REQUEST_METHOD", "POST"},
                     {"CONTENT_TYPE", "Multipart/Form-Data; boundary=\"XyZ\""},
                     {"CONTENT_LENGTH", length}}};
    fake_body body = {data, sizeof(data) - 1, 0, 0, 0, 0};
    request req;
    const char *why;
    assert_int_equal(parse(a, &req, &env, &body, 4096, &why), 0);
    assert_int_equal(req.body.count, 2);
    assert_string_equal(param_find(&req.body, "title")->value, "报修");
    const param *photo = param_find(&req.body, "photo");
    assert_string_equal(photo->filename, "a.jpg");
    assert_int_equal(photo->len, 5);
    assert_memory_equal(photo->value, "\xFF\xD8\x00\xFF\xD9", 5);
}

static void test_post_without_length_is_411(void **state) {
    arena *a = *state;
    const char *lengths[] = {NULL, ""}; /* unset, or nginx's empty $content_length */
    for (int i = 0; i < 2; i++) {
        fake_env env = {{{"REQUEST_METHOD", "POST"},
                         {"CONTENT_TYPE", "application/x-www-form-urlencoded"},
                         {lengths[i] != NULL ? "CONTENT_LENGTH" : "X_UNUSED", lengths[i]}}};
        fake_body body = {"a=1", 3, 0, 0, 0, 0};
        request req;
        const char *why = NULL;
        assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 411);
        assert_non_null(why);
        assert_int_equal(body.calls, 0);
    }
}

static void test_bad_content_length_is_400(void **state) {
    arena *a = *state;
    const char *lengths[] = {"12x", "-1", "+3", " 3", "3 ", "0x10", "1e3", "99999999999999999999999"};
    for (size_t i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
        fake_env env = {{{"REQUEST_METHOD", "POST"},
                         {"CONTENT_TYPE", "application/x-www-form-urlencoded"},
                         {"CONTENT_LENGTH", lengths[i]}}};
        fake_body body = {"a=1", 3, 0, 0, 0, 0};
        request req;
        const char *why = NULL;
        assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 400);
        assert_non_null(why);
        assert_int_equal(body.calls, 0);
    }
}

static void test_too_large_is_413_without_reading(void **state) {
    arena *a = *state;
    fake_env env = {{{"REQUEST_METHOD", "POST"},
                     {"CONTENT_TYPE", "multipart/form-data; boundary=x"},
                     {"CONTENT_LENGTH", "1025"}}};
    fake_body body = {"irrelevant", 10, 0, 0, 0, 0};
    request req;
    const char *why = NULL;
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 413);
    assert_non_null(strstr(why, "请求内容超过上限"));
    assert_int_equal(body.calls, 0);

    /* Exactly at the cap is fine. */
    char data[1024];
    memset(data, 'a', sizeof(data));
    fake_env at_cap = {{{"REQUEST_METHOD", "POST"},
                        {"CONTENT_TYPE", "application/x-www-form-urlencoded"},
                        {"CONTENT_LENGTH", "1024"}}};
    fake_body full = {data, sizeof(data), 0, 0, 0, 0};
    assert_int_equal(parse(a, &req, &at_cap, &full, 1024, &why), 0);
    assert_int_equal(full.pos, 1024);
    assert_int_equal(req.body.count, 1); /* one name of 1024 'a's with no value */
    assert_int_equal(strlen(req.body.items[0].name), 1024);
}

static void test_short_read_is_400(void **state) {
    arena *a = *state;
    fake_env env = {{{"REQUEST_METHOD", "POST"},
                     {"CONTENT_TYPE", "application/x-www-form-urlencoded"},
                     {"CONTENT_LENGTH", "10"}}};
    fake_body body = {"a=1&b=2", 7, 0, 3, 0, 0}; /* the client went away after 7 bytes */
    request req;
    const char *why = NULL;
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 400);
    assert_non_null(why);
    assert_int_equal(body.pos, 7);

    fake_body broken = {"a=1&b=2", 7, 0, 0, 0, 1}; /* a read error */
    why = NULL;
    assert_int_equal(parse(a, &req, &env, &broken, 1024, &why), 400);
    assert_non_null(why);
}

static void test_unsupported_type_is_415(void **state) {
    arena *a = *state;
    const char *types[] = {"application/json", "text/plain", "multipart/mixed; boundary=x", NULL};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        fake_env env = {{{"REQUEST_METHOD", "POST"},
                         {"CONTENT_LENGTH", "3"},
                         {types[i] != NULL ? "CONTENT_TYPE" : "X_UNUSED", types[i]}}};
        fake_body body = {"a=1", 3, 0, 0, 0, 0};
        request req;
        const char *why = NULL;
        assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 415);
        assert_non_null(why);
        assert_int_equal(body.calls, 0);
    }
}

static void test_empty_post_without_type(void **state) {
    arena *a = *state;
    fake_env env = {{{"REQUEST_METHOD", "POST"}, {"CONTENT_LENGTH", "0"}, {"CONTENT_TYPE", ""}}};
    fake_body body = {"", 0, 0, 0, 0, 0};
    request req;
    const char *why = NULL;
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 0);
    assert_int_equal(req.content_length, 0);
    assert_int_equal(req.body.count, 0);
}

static void test_multipart_without_boundary_is_400(void **state) {
    arena *a = *state;
    fake_env env = {
        {{"REQUEST_METHOD", "POST"}, {"CONTENT_LENGTH", "3"}, {"CONTENT_TYPE", "multipart/form-data"}}};
    fake_body body = {"a=1", 3, 0, 0, 0, 0};
    request req;
    const char *why = NULL;
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 400);
    assert_non_null(why);
}

static void test_malformed_body_is_400(void **state) {
    arena *a = *state;
    fake_env env = {{{"REQUEST_METHOD", "POST"},
                     {"CONTENT_TYPE", "application/x-www-form-urlencoded"},
                     {"CONTENT_LENGTH", "6"}}};
    fake_body body = {"a=%00b", 6, 0, 0, 0, 0};
    request req;
    const char *why = NULL;
    assert_int_equal(parse(a, &req, &env, &body, 1024, &why), 400);
    assert_non_null(why);

    const char cut[] = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";
    char length[16];
    snprintf(length, sizeof(length), "%zu", sizeof(cut) - 1);
    fake_env mp = {{{"REQUEST_METHOD", "POST"},
                    {"CONTENT_TYPE", "multipart/form-data; boundary=b"},
                    {"CONTENT_LENGTH", length}}};
    fake_body mp_body = {cut, sizeof(cut) - 1, 0, 0, 0, 0};
    why = NULL;
    assert_int_equal(parse(a, &req, &mp, &mp_body, 1024, &why), 400);
    assert_non_null(why);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_get_copies_environment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_minimal_environment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_path_fallback_and_methods, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_query_is_400, setup, teardown),
        cmocka_unit_test_setup_teardown(test_post_urlencoded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_post_multipart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_post_without_length_is_411, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_content_length_is_400, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_large_is_413_without_reading, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_read_is_400, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unsupported_type_is_415, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_post_without_type, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_without_boundary_is_400, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_body_is_400, setup, teardown),
    };
    return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
