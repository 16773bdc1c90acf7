/* test_form.c: unit tests for percent-decoding, urlencoded pairs, multipart/form-data,
 * the multipart boundary and the Cookie header (form.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/form.h"

static int setup(void **state) {
    *state = arena_new();
    return *state == NULL ? -1 : 0;
}

static int teardown(void **state) {
    arena_free(*state);
    return 0;
}

/* ---- form_decode --------------------------------------------------------------------- */

static int decode(arena *a, const char *s, int plus, char **out, size_t *len) {
    return form_decode(a, s, strlen(s), plus, out, len);
}

static void test_decode_plain_and_escapes(void **state) {
    arena *a = *state;
    char *out;
    size_t len;
    assert_int_equal(decode(a, "hello", 1, &out, &len), 0);
    assert_string_equal(out, "hello");
    assert_int_equal(len, 5);
    assert_int_equal(decode(a, "%E6%8A%A5%E4%BF%AE", 1, &out, &len), 0);
    assert_string_equal(out, "报修");
    assert_int_equal(len, 6);
    assert_int_equal(decode(a, "%2f%2F%41", 1, &out, &len), 0); /* either case of hex */
    assert_string_equal(out, "//A");
    assert_int_equal(decode(a, "", 1, &out, &len), 0);
    assert_string_equal(out, "");
    assert_int_equal(len, 0);
    assert_int_equal(decode(a, "%25zz", 1, &out, &len), 0); /* an encoded '%' is just a '%' */
    assert_string_equal(out, "%zz");
}

static void test_decode_plus(void **state) {
    arena *a = *state;
    char *out;
    size_t len;
    assert_int_equal(decode(a, "a+b%2Bc", 1, &out, &len), 0);
    assert_string_equal(out, "a b+c");
    assert_int_equal(decode(a, "a+b%2Bc", 0, &out, &len), 0);
    assert_string_equal(out, "a+b+c");
}

static void test_decode_bad_escapes(void **state) {
    arena *a = *state;
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(decode(a, "%zz", 1, &out, &len), -1);
    assert_int_equal(decode(a, "%G1", 1, &out, &len), -1);
    assert_int_equal(decode(a, "%1G", 1, &out, &len), -1);
    assert_int_equal(decode(a, "%", 1, &out, &len), -1);
    assert_int_equal(decode(a, "abc%", 1, &out, &len), -1);
    assert_int_equal(decode(a, "abc%4", 1, &out, &len), -1);
    assert_int_equal(decode(a, "% 41", 1, &out, &len), -1);
    /* Only the first n bytes are looked at: "%4" cut from "%41" is truncated. */
    assert_int_equal(form_decode(a, "%41", 2, 1, &out, &len), -1);
}

static void test_decode_nul_refused(void **state) {
    arena *a = *state;
    char *out;
    size_t len;
    assert_int_equal(decode(a, "%00", 1, &out, &len), -1);
    assert_int_equal(decode(a, "abc%00def", 1, &out, &len), -1);
    assert_int_equal(form_decode(a, "a\0b", 3, 1, &out, &len), -1);
}

/* ---- form_parse_urlencoded ----------------------------------------------------------- */

static param_list urlencoded(arena *a, const char *s, int expect) {
    param_list l;
    assert_int_equal(form_parse_urlencoded(a, s, strlen(s), &l), expect);
    return l;
}

static void test_urlencoded_basic(void **state) {
    arena *a = *state;
    param_list l = urlencoded(a, "a=1&b=%E6%8A%A5%E4%BF%AE&c=x+y", 0);
    assert_int_equal(l.count, 3);
    assert_string_equal(l.items[0].name, "a");
    assert_string_equal(l.items[0].value, "1");
    assert_int_equal(l.items[0].len, 1);
    assert_null(l.items[0].filename);
    assert_null(l.items[0].content_type);
    assert_string_equal(l.items[1].value, "报修");
    assert_int_equal(l.items[1].len, 6);
    assert_string_equal(l.items[2].value, "x y");
    assert_string_equal(param_find(&l, "c")->value, "x y");
    assert_null(param_find(&l, "d"));
}

static void test_urlencoded_empty_and_odd_pairs(void **state) {
    arena *a = *state;
    param_list l = urlencoded(a, "", 0);
    assert_int_equal(l.count, 0);
    assert_null(param_find(&l, "a"));

    l = urlencoded(a, "&&a=&flag&=v&", 0);
    assert_int_equal(l.count, 3);
    assert_string_equal(l.items[0].name, "a");
    assert_string_equal(l.items[0].value, "");
    assert_int_equal(l.items[0].len, 0);
    assert_string_equal(l.items[1].name, "flag");
    assert_string_equal(l.items[1].value, "");
    assert_string_equal(l.items[2].name, "");
    assert_string_equal(l.items[2].value, "v");

    l = urlencoded(a, "a=b=c", 0); /* only the first '=' separates */
    assert_int_equal(l.count, 1);
    assert_string_equal(l.items[0].value, "b=c");

    l = urlencoded(a, "na%6De=v", 0); /* names are decoded too */
    assert_string_equal(l.items[0].name, "name");
}

static void test_urlencoded_repeated_names(void **state) {
    arena *a = *state;
    param_list l = urlencoded(a, "tag=1&other=x&tag=2&tag=3", 0);
    assert_int_equal(l.count, 4);
    assert_string_equal(param_find(&l, "tag")->value, "1");
    assert_string_equal(l.items[2].value, "2");
    assert_string_equal(l.items[3].value, "3");
}

static void test_urlencoded_malformed(void **state) {
    arena *a = *state;
    urlencoded(a, "a=%zz", -1);
    urlencoded(a, "a=1&b=%", -1);
    urlencoded(a, "a=%00", -1);
    urlencoded(a, "%00=1", -1);
    urlencoded(a, "a%G1=1", -1);
}

/* ---- form_multipart_boundary --------------------------------------------------------- */

static void test_boundary_extraction(void **state) {
    arena *a = *state;
    assert_string_equal(
        form_multipart_boundary(a, "multipart/form-data; boundary=----WebKitFormBoundaryAbC123"),
        "----WebKitFormBoundaryAbC123");
    assert_string_equal(form_multipart_boundary(a, "multipart/form-data; boundary=\"quoted: b=1\""),
                        "quoted: b=1");
    assert_string_equal(form_multipart_boundary(a, "multipart/form-data;boundary=abc;charset=utf-8"), "abc");
    assert_string_equal(form_multipart_boundary(a, "multipart/form-data; charset=utf-8; BOUNDARY=x"), "x");
    assert_string_equal(form_multipart_boundary(a, "multipart/form-data; boundary = \"sp\" "), "sp");
    char seventy[120] = "multipart/form-data; boundary=";
    size_t off = strlen(seventy);
    memset(seventy + off, 'b', 70);
    seventy[off + 70] = '\0';
    assert_int_equal(strlen(form_multipart_boundary(a, seventy)), 70);
}

static void test_boundary_invalid(void **state) {
    arena *a = *state;
    assert_null(form_multipart_boundary(a, NULL));
    assert_null(form_multipart_boundary(a, "multipart/form-data"));
    assert_null(form_multipart_boundary(a, "multipart/form-data; boundary="));
    assert_null(form_multipart_boundary(a, "multipart/form-data; boundary=\"\""));
    assert_null(form_multipart_boundary(a, "multipart/form-data; boundary=\"unterminated"));
    assert_null(form_multipart_boundary(a, "multipart/form-data; boundary=\"ends in space \""));
    assert_null(form_multipart_boundary(a, "multipart/form-data; boundary=a b"));
    assert_null(form_multipart_boundary(a, "multipart/form-data; boundary=\"bad\\char\""));
    assert_null(form_multipart_boundary(a, "multipart/form-data; boundary=\"bad\xE6\x8A\xA5\""));
    assert_null(form_multipart_boundary(a, "multipart/form-data; boundary=a; boundary=b"));
    char too_long[120] = "multipart/form-data; boundary=";
    size_t off = strlen(too_long);
    memset(too_long + off, 'b', 71);
    too_long[off + 71] = '\0';
    assert_null(form_multipart_boundary(a, too_long));
}

/* ---- form_parse_multipart ------------------------------------------------------------ */

#define B "----WebKitFormBoundary7MA4YWxkTrZu0gW"

static int multipart(arena *a, const char *body, size_t n, param_list *l) {
    return form_parse_multipart(a, B, body, n, 16, l);
}

#define MULTIPART(a, lit, l) multipart((a), (lit), sizeof(lit) - 1, (l))

static void test_multipart_text_and_file(void **state) {
    arena *a = *state;
    /* A photo with NUL bytes and a CRLF inside, exactly as a browser frames it. */
    static const char body[] = "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"title\"\r\n"
                               "\r\n"
                               "水管漏水\r\n"
                               "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"photo\"; filename=\"漏水.jpg\"\r\n"
                               "Content-Type: image/jpeg\r\n"
                               "\r\n"
                               "\xFF\xD8\x00\x01\r\n\x00--x\xFF\xD9\r\n"
                               "--" B "\r\n"
                               "content-disposition: FORM-DATA; NAME=note\r\n"
                               "\r\n"
                               "line1\r\nline2\r\n"
                               "--" B "--\r\n";
    param_list l;
    assert_int_equal(MULTIPART(a, body, &l), 0);
    assert_int_equal(l.count, 3);
    assert_string_equal(l.items[0].name, "title");
    assert_string_equal(l.items[0].value, "水管漏水");
    assert_null(l.items[0].filename);
    assert_null(l.items[0].content_type);

    assert_string_equal(l.items[1].name, "photo");
    assert_string_equal(l.items[1].filename, "漏水.jpg");
    assert_string_equal(l.items[1].content_type, "image/jpeg");
    assert_int_equal(l.items[1].len, 12);
    assert_memory_equal(l.items[1].value, "\xFF\xD8\x00\x01\r\n\x00--x\xFF\xD9", 12);
    assert_int_equal(l.items[1].value[12], '\0');

    assert_string_equal(l.items[2].name, "note");
    assert_string_equal(l.items[2].value, "line1\r\nline2");
}

static void test_multipart_empty_values(void **state) {
    arena *a = *state;
    /* An empty text field and a file input left empty, as Chrome sends them. */
    static const char body[] = "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"a\"\r\n"
                               "\r\n"
                               "\r\n"
                               "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"photo\"; filename=\"\"\r\n"
                               "Content-Type: application/octet-stream\r\n"
                               "\r\n"
                               "\r\n"
                               "--" B "--";
    param_list l;
    assert_int_equal(MULTIPART(a, body, &l), 0);
    assert_int_equal(l.count, 2);
    assert_string_equal(l.items[0].value, "");
    assert_int_equal(l.items[0].len, 0);
    assert_string_equal(l.items[1].filename, "");
    assert_int_equal(l.items[1].len, 0);
}

static void test_multipart_preamble_epilogue_padding(void **state) {
    arena *a = *state;
    static const char body[] = "This is the preamble.\r\n"
                               "--" B " \t\r\n"
                               "Content-Disposition: form-data; name=\"a\"\r\n"
                               "X-Ignored: yes\r\n"
                               "\r\n"
                               "1\r\n"
                               "--" B "--\r\n"
                               "epilogue, ignored\r\n";
    param_list l;
    assert_int_equal(MULTIPART(a, body, &l), 0);
    assert_int_equal(l.count, 1);
    assert_string_equal(l.items[0].value, "1");
}

static void test_multipart_no_parts(void **state) {
    arena *a = *state;
    param_list l;
    assert_int_equal(MULTIPART(a, "--" B "--\r\n", &l), 0);
    assert_int_equal(l.count, 0);
}

static void test_multipart_boundary_prefix_in_content(void **state) {
    arena *a = *state;
    /* "--" + boundary not at the start of a line is content, not a delimiter. */
    static const char body[] = "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"a\"\r\n"
                               "\r\n"
                               "x--" B "y\r\n"
                               "--" B "--";
    param_list l;
    assert_int_equal(MULTIPART(a, body, &l), 0);
    assert_string_equal(l.items[0].value, "x--" B "y");
}

static void test_multipart_windows_filename(void **state) {
    arena *a = *state;
    /* Old IE sends the whole path; backslashes are not escapes. */
    static const char body[] = "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"f\"; filename=\"C:\\Users\\a.png\"\r\n"
                               "\r\n"
                               "PNG\r\n"
                               "--" B "--";
    param_list l;
    assert_int_equal(MULTIPART(a, body, &l), 0);
    assert_string_equal(l.items[0].filename, "C:\\Users\\a.png");
    assert_null(l.items[0].content_type);
}

static void test_multipart_missing_close_boundary(void **state) {
    arena *a = *state;
    param_list l;
    static const char cut[] = "--" B "\r\n"
                              "Content-Disposition: form-data; name=\"a\"\r\n"
                              "\r\n"
                              "1\r\n";
    assert_int_equal(MULTIPART(a, cut, &l), -1);
    static const char no_dashes[] = "--" B "\r\n"
                                    "Content-Disposition: form-data; name=\"a\"\r\n"
                                    "\r\n"
                                    "1\r\n"
                                    "--" B;
    assert_int_equal(MULTIPART(a, no_dashes, &l), -1);
    static const char in_headers[] = "--" B "\r\n"
                                     "Content-Disposition: form-data; name=\"a\"\r\n";
    assert_int_equal(MULTIPART(a, in_headers, &l), -1);
    assert_int_equal(MULTIPART(a, "", &l), -1);
    assert_int_equal(MULTIPART(a, "--" B, &l), -1);
}

static void test_multipart_text_part_with_nul(void **state) {
    arena *a = *state;
    static const char body[] = "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"title\"\r\n"
                               "\r\n"
                               "ab\0cd\r\n"
                               "--" B "--";
    param_list l;
    assert_int_equal(MULTIPART(a, body, &l), -1);
}

static void test_multipart_malformed_headers(void **state) {
    arena *a = *state;
    param_list l;
    static const char no_name[] = "--" B "\r\n"
                                  "Content-Disposition: form-data; filename=\"a\"\r\n"
                                  "\r\n"
                                  "1\r\n"
                                  "--" B "--";
    assert_int_equal(MULTIPART(a, no_name, &l), -1);
    static const char no_disposition[] = "--" B "\r\n"
                                         "Content-Type: text/plain\r\n"
                                         "\r\n"
                                         "1\r\n"
                                         "--" B "--";
    assert_int_equal(MULTIPART(a, no_disposition, &l), -1);
    static const char attachment[] = "--" B "\r\n"
                                     "Content-Disposition: attachment; name=\"a\"\r\n"
                                     "\r\n"
                                     "1\r\n"
                                     "--" B "--";
    assert_int_equal(MULTIPART(a, attachment, &l), -1);
    static const char unterminated_quote[] = "--" B "\r\n"
                                             "Content-Disposition: form-data; name=\"a\r\n"
                                             "\r\n"
                                             "1\r\n"
                                             "--" B "--";
    assert_int_equal(MULTIPART(a, unterminated_quote, &l), -1);
    static const char bare_lf[] = "--" B "\r\n"
                                  "Content-Disposition: form-data; name=\"a\"\n"
                                  "\r\n"
                                  "1\r\n"
                                  "--" B "--";
    assert_int_equal(MULTIPART(a, bare_lf, &l), -1);
    static const char two_names[] = "--" B "\r\n"
                                    "Content-Disposition: form-data; name=\"a\"; name=\"b\"\r\n"
                                    "\r\n"
                                    "1\r\n"
                                    "--" B "--";
    assert_int_equal(MULTIPART(a, two_names, &l), -1);
    static const char folded[] = "--" B "\r\n"
                                 "Content-Disposition: form-data;\r\n"
                                 " name=\"a\"\r\n"
                                 "\r\n"
                                 "1\r\n"
                                 "--" B "--";
    assert_int_equal(MULTIPART(a, folded, &l), -1);
    static const char junk_after_delimiter[] = "--" B "junk\r\n"
                                               "Content-Disposition: form-data; name=\"a\"\r\n"
                                               "\r\n"
                                               "1\r\n"
                                               "--" B "--";
    assert_int_equal(MULTIPART(a, junk_after_delimiter, &l), -1);
    static const char lf_only[] = "--" B "\n"
                                  "Content-Disposition: form-data; name=\"a\"\n"
                                  "\n"
                                  "1\n"
                                  "--" B "--";
    assert_int_equal(MULTIPART(a, lf_only, &l), -1);
}

static void test_multipart_max_parts(void **state) {
    arena *a = *state;
    static const char body[] = "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                               "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n"
                               "--" B "\r\n"
                               "Content-Disposition: form-data; name=\"c\"\r\n\r\n3\r\n"
                               "--" B "--";
    param_list l;
    assert_int_equal(form_parse_multipart(a, B, body, sizeof(body) - 1, 3, &l), 0);
    assert_int_equal(l.count, 3);
    assert_int_equal(form_parse_multipart(a, B, body, sizeof(body) - 1, 2, &l), -1);
    /* Many parts make the list grow past its first allocation. */
    char big[20000] = "";
    size_t off = 0;
    for (int i = 0; i < 100; i++) {
        off +=
            (size_t)snprintf(big + off, sizeof(big) - off,
                             "--" B "\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nv%d\r\n", i, i);
    }
    off += (size_t)snprintf(big + off, sizeof(big) - off, "--" B "--\r\n");
    assert_int_equal(form_parse_multipart(a, B, big, off, 100, &l), 0);
    assert_int_equal(l.count, 100);
    assert_string_equal(param_find(&l, "f99")->value, "v99");
    assert_string_equal(param_find(&l, "f0")->value, "v0");
}

/* ---- form_parse_cookies -------------------------------------------------------------- */

static void test_cookies(void **state) {
    arena *a = *state;
    param_list l;
    assert_int_equal(form_parse_cookies(a, "wuye_r=abc.def; theme=dark;lang=zh-CN", &l), 0);
    assert_int_equal(l.count, 3);
    assert_string_equal(param_find(&l, "wuye_r")->value, "abc.def");
    assert_string_equal(param_find(&l, "theme")->value, "dark");
    assert_string_equal(param_find(&l, "lang")->value, "zh-CN");
    assert_null(l.items[0].filename);

    assert_int_equal(form_parse_cookies(a, NULL, &l), 0);
    assert_int_equal(l.count, 0);
    assert_int_equal(form_parse_cookies(a, "", &l), 0);
    assert_int_equal(l.count, 0);
}

static void test_cookies_odd_and_malformed(void **state) {
    arena *a = *state;
    param_list l;
    /* Values are not percent-decoded; quotes are stripped; junk pairs are skipped. */
    assert_int_equal(
        form_parse_cookies(a, "a=%41; b=\"q\"; novalue; =anon; c=; d=x=y; ; bad name=1; e=\x01", &l), 0);
    assert_int_equal(l.count, 4);
    assert_string_equal(param_find(&l, "a")->value, "%41");
    assert_string_equal(param_find(&l, "b")->value, "q");
    assert_string_equal(param_find(&l, "c")->value, "");
    assert_string_equal(param_find(&l, "d")->value, "x=y");
    assert_null(param_find(&l, "novalue"));
    assert_null(param_find(&l, "e"));

    /* Two cookies of one name (different paths): the first one sent wins. */
    assert_int_equal(form_parse_cookies(a, "s=first; s=second", &l), 0);
    assert_string_equal(param_find(&l, "s")->value, "first");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_decode_plain_and_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decode_plus, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decode_bad_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decode_nul_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_urlencoded_basic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_urlencoded_empty_and_odd_pairs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_urlencoded_repeated_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_urlencoded_malformed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_boundary_extraction, setup, teardown),
        cmocka_unit_test_setup_teardown(test_boundary_invalid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_text_and_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_empty_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_preamble_epilogue_padding, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_no_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_boundary_prefix_in_content, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_windows_filename, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_missing_close_boundary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_text_part_with_nul, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_malformed_headers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multipart_max_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cookies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cookies_odd_and_malformed, setup, teardown),
    };
    return cmocka_run_group_tests_name("form", tests, NULL, NULL);
}
