/* test_response.c: what goes on the wire: status line, security headers on every
 * response, cookies, redirects, header injection refused, HEAD without a body. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/core/response.h"

static int capture(void *ctx, const char *data, size_t n) {
    return buf_append(ctx, data, n);
}

static void send_into(response *r, bool head, buf *out) {
    buf_init(out);
    assert_int_equal(response_send(r, head, capture, out), 0);
}

static void security_headers_always(void **state) {
    (void)state;
    int statuses[] = {200, 303, 404, 500};
    for (size_t i = 0; i < 4; i++) {
        response r;
        buf out;
        response_init(&r);
        r.status = statuses[i];
        send_into(&r, false, &out);
        assert_non_null(strstr(out.data, "Content-Security-Policy: default-src 'self'; script-src 'self'"));
        assert_non_null(strstr(out.data, "frame-ancestors 'none'"));
        assert_non_null(strstr(out.data, "X-Content-Type-Options: nosniff\r\n"));
        assert_non_null(strstr(out.data, "X-Frame-Options: DENY\r\n"));
        assert_non_null(strstr(out.data, "Referrer-Policy: same-origin\r\n"));
        assert_non_null(strstr(out.data, "Cache-Control: no-store\r\n"));
        buf_free(&out);
        response_free(&r);
    }
}

static void status_and_body(void **state) {
    (void)state;
    response r;
    buf out;
    response_init(&r);
    r.status = 404;
    buf_puts(&r.body, "<p>没有</p>");
    send_into(&r, false, &out);
    assert_int_equal(strncmp(out.data, "Status: 404 Not Found\r\n", 23), 0);
    assert_non_null(strstr(out.data, "Content-Type: text/html; charset=utf-8\r\n"));
    assert_non_null(strstr(out.data, "Content-Length: 13\r\n"));
    assert_non_null(strstr(out.data, "\r\n\r\n<p>没有</p>"));
    buf_free(&out);
    send_into(&r, true, &out);
    assert_null(strstr(out.data, "<p>"));
    assert_non_null(strstr(out.data, "Content-Length: 13\r\n"));
    buf_free(&out);
    response_free(&r);
}

static void cookies(void **state) {
    (void)state;
    response r;
    buf out;
    response_init(&r);
    assert_int_equal(response_cookie(&r, "wuye_r", "abc", "/portal", -1, false), 0);
    assert_int_equal(response_cookie(&r, "wuye_s", "", "/office", 0, true), 0);
    send_into(&r, false, &out);
    assert_non_null(strstr(out.data, "Set-Cookie: wuye_r=abc; Path=/portal; HttpOnly; SameSite=Lax\r\n"));
    assert_non_null(
        strstr(out.data, "Set-Cookie: wuye_s=; Path=/office; HttpOnly; SameSite=Lax; Secure; Max-Age=0\r\n"));
    buf_free(&out);
    response_free(&r);
}

static void redirects_stay_on_site(void **state) {
    (void)state;
    response r;
    buf out;
    response_init(&r);
    assert_int_equal(response_redirect(&r, "//evil.example/"), -1);
    assert_int_equal(response_redirect(&r, "/\\evil.example/"), -1);
    assert_int_equal(response_redirect(&r, "https://evil.example/"), -1);
    assert_int_equal(response_redirect(&r, "/portal/home"), 0);
    assert_int_equal(r.status, 303);
    send_into(&r, false, &out);
    assert_int_equal(strncmp(out.data, "Status: 303 See Other\r\n", 23), 0);
    assert_non_null(strstr(out.data, "Location: /portal/home\r\n"));
    buf_free(&out);
    response_free(&r);
}

static void header_injection_refused(void **state) {
    (void)state;
    response r;
    response_init(&r);
    assert_int_equal(response_header(&r, "X-A", "ok\r\nSet-Cookie: x=1"), -1);
    assert_int_equal(response_header(&r, "X-A\n", "ok"), -1);
    assert_int_equal(response_cookie(&r, "a", "b\r\nX: y", "/", -1, false), -1);
    assert_int_equal(r.headers.len, 0);
    response_free(&r);
}

static void own_content_type_kept(void **state) {
    (void)state;
    response r;
    buf out;
    response_init(&r);
    response_header(&r, "Content-Type", "text/csv; charset=utf-8");
    send_into(&r, false, &out);
    assert_null(strstr(out.data, "text/html"));
    assert_non_null(strstr(out.data, "text/csv"));
    buf_free(&out);
    response_free(&r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(security_headers_always),
        cmocka_unit_test(status_and_body),
        cmocka_unit_test(cookies),
        cmocka_unit_test(redirects_stay_on_site),
        cmocka_unit_test(header_injection_refused),
        cmocka_unit_test(own_content_type_kept),
    };
    return cmocka_run_group_tests_name("response", tests, NULL, NULL);
}
