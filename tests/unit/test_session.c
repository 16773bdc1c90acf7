/* test_session.c: the signed cookie, CSRF tokens and base64url, as an attacker would
 * poke at them: tampering, re-spelling, expiry, idle time, the key file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../cgi-bin/core/b64.h"
#include "../../cgi-bin/core/csrf.h"
#include "../../cgi-bin/core/mac.h"
#include "../../cgi-bin/core/session.h"

static const unsigned char key[SESSION_KEY_BYTES] = "0123456789abcdef0123456789abcdef";
static const unsigned char other_key[SESSION_KEY_BYTES] = "fedcba9876543210fedcba9876543210";

static session sample(void) {
    session s = {.kind = ACCOUNT_STAFF,
                 .user_id = 42,
                 .community_id = 7,
                 .issued = 1000,
                 .expires = 5000,
                 .epoch = 3,
                 .seen = 1000};
    return s;
}

static void round_trip(void **state) {
    (void)state;
    session s = sample(), d;
    char value[SESSION_COOKIE_MAX];
    assert_int_equal(session_encode(&s, key, value, sizeof value), 0);
    assert_int_equal(session_decode(value, key, 1500, 1800, &d), SESSION_OK);
    assert_int_equal(d.kind, ACCOUNT_STAFF);
    assert_int_equal(d.user_id, 42);
    assert_int_equal(d.community_id, 7);
    assert_int_equal(d.epoch, 3);
    assert_int_equal(d.expires, 5000);
}

static void every_single_byte_change_is_refused(void **state) {
    (void)state;
    session s = sample(), d;
    char value[SESSION_COOKIE_MAX];
    assert_int_equal(session_encode(&s, key, value, sizeof value), 0);
    size_t n = strlen(value);
    for (size_t i = 0; i < n; i++) {
        char copy[SESSION_COOKIE_MAX];
        memcpy(copy, value, n + 1);
        copy[i] = copy[i] == '1' ? '2' : '1';
        assert_int_equal(session_decode(copy, key, 1500, 1800, &d), SESSION_MALFORMED);
    }
}

static void another_key_is_refused(void **state) {
    (void)state;
    session s = sample(), d;
    char value[SESSION_COOKIE_MAX];
    assert_int_equal(session_encode(&s, key, value, sizeof value), 0);
    assert_int_equal(session_decode(value, other_key, 1500, 1800, &d), SESSION_MALFORMED);
}

static void garbage_is_refused(void **state) {
    (void)state;
    session d;
    const char *bad[] = {"", ".", "1.s.1", "abc", "1.s.1.1.1.1.1.1.", "1.s.1.1.1.1.1.1.!!!!", NULL};
    for (int i = 0; bad[i]; i++)
        assert_int_equal(session_decode(bad[i], key, 1500, 1800, &d), SESSION_MALFORMED);
    assert_int_equal(session_decode(NULL, key, 1500, 1800, &d), SESSION_MALFORMED);
    char long_value[600];
    memset(long_value, 'a', sizeof long_value - 1);
    long_value[sizeof long_value - 1] = '\0';
    assert_int_equal(session_decode(long_value, key, 1500, 1800, &d), SESSION_MALFORMED);
}

static void expiry_and_idle(void **state) {
    (void)state;
    session s = sample(), d;
    char value[SESSION_COOKIE_MAX];
    assert_int_equal(session_encode(&s, key, value, sizeof value), 0);
    assert_int_equal(session_decode(value, key, 5000, 0, &d), SESSION_EXPIRED);
    assert_int_equal(session_decode(value, key, 2801, 1800, &d), SESSION_IDLE);
    assert_int_equal(session_decode(value, key, 2800, 1800, &d), SESSION_OK);
}

static void unknown_kind_is_not_encoded(void **state) {
    (void)state;
    session s = sample();
    s.kind = 'x';
    char value[SESSION_COOKIE_MAX];
    assert_int_equal(session_encode(&s, key, value, sizeof value), -1);
}

static void hex(const unsigned char *b, size_t n, char *out) {
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", b[i]);
}

/* RFC 4231's test cases 1 and 2, asked for in turns: the kept context must follow the key. */
static void mac_matches_rfc4231_across_key_changes(void **state) {
    (void)state;
    unsigned char key1[20], out[MAC_SHA256_BYTES];
    memset(key1, 0x0b, sizeof key1);
    const char *want1 = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    const char *want2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    char got[2 * MAC_SHA256_BYTES + 1];
    for (int round = 0; round < 3; round++) {
        mac_sha256(key1, sizeof key1, "Hi There", 8, out);
        hex(out, sizeof out, got);
        assert_string_equal(got, want1);
        mac_sha256((const unsigned char *)"Jefe", 4, "what do ya want for nothing?", 28, out);
        hex(out, sizeof out, got);
        assert_string_equal(got, want2);
        mac_sha256((const unsigned char *)"Jefe", 4, "what do ya want for nothing?", 28, out);
        hex(out, sizeof out, got);
        assert_string_equal(got, want2);
    }
}

static void csrf_tokens(void **state) {
    (void)state;
    char t1[CSRF_TOKEN_LEN + 1], t2[CSRF_TOKEN_LEN + 1];
    csrf_token(key, "s:42:1000", t1);
    csrf_token(key, "s:42:1001", t2);
    assert_int_equal(strlen(t1), CSRF_TOKEN_LEN);
    assert_string_not_equal(t1, t2);
    assert_true(csrf_check(key, "s:42:1000", t1));
    assert_false(csrf_check(key, "s:42:1001", t1));
    assert_false(csrf_check(other_key, "s:42:1000", t1));
    assert_false(csrf_check(key, "s:42:1000", NULL));
    assert_false(csrf_check(key, "s:42:1000", ""));
    t1[5] = t1[5] == 'A' ? 'B' : 'A';
    assert_false(csrf_check(key, "s:42:1000", t1));
}

static void origin_check(void **state) {
    (void)state;
    assert_true(csrf_origin_ok(NULL, "127.0.0.1:8080", false));
    assert_true(csrf_origin_ok("http://127.0.0.1:8080", "127.0.0.1:8080", false));
    assert_false(csrf_origin_ok("https://127.0.0.1:8080", "127.0.0.1:8080", false));
    assert_true(csrf_origin_ok("https://wuye.example", "wuye.example", true));
    assert_false(csrf_origin_ok("http://evil.example", "127.0.0.1:8080", false));
    assert_false(csrf_origin_ok("http://127.0.0.1:8080.evil.example", "127.0.0.1:8080", false));
    assert_false(csrf_origin_ok("null", "127.0.0.1:8080", false));
    assert_false(csrf_origin_ok("http://127.0.0.1:8080", NULL, false));
}

static void base64url(void **state) {
    (void)state;
    const char *cases[][2] = {{"", ""},        {"f", "Zg"},        {"fo", "Zm8"},
                              {"foo", "Zm9v"}, {"foob", "Zm9vYg"}, {"\xfb\xff", "-_8"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[16];
        unsigned char back[16];
        b64_encode((const unsigned char *)cases[i][0], strlen(cases[i][0]), out);
        assert_string_equal(out, cases[i][1]);
        long n = b64_decode(out, strlen(out), back, sizeof back);
        assert_int_equal(n, (long)strlen(cases[i][0]));
        assert_memory_equal(back, cases[i][0], (size_t)n);
    }
    unsigned char out[16];
    assert_int_equal(b64_decode("Zh", 2, out, sizeof out), -1);    /* non-canonical trailing bits */
    assert_int_equal(b64_decode("Z", 1, out, sizeof out), -1);     /* impossible length */
    assert_int_equal(b64_decode("Zm9v=", 5, out, sizeof out), -1); /* padding is not ours */
    assert_int_equal(b64_decode("Zm9vYmFy", 8, out, 3), -1);       /* no room */
}

static void key_file_created_private_and_stable(void **state) {
    (void)state;
    char dir[] = "/tmp/wuye-key-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/session.key", dir);
    unsigned char k1[SESSION_KEY_BYTES], k2[SESSION_KEY_BYTES];
    assert_int_equal(session_key_load(path, k1), 0);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(session_key_load(path, k2), 0);
    assert_memory_equal(k1, k2, SESSION_KEY_BYTES);
    /* A key others can read is refused rather than used. */
    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(session_key_load(path, k2), -1);
    unlink(path);
    rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(every_single_byte_change_is_refused),
        cmocka_unit_test(another_key_is_refused),
        cmocka_unit_test(garbage_is_refused),
        cmocka_unit_test(expiry_and_idle),
        cmocka_unit_test(unknown_kind_is_not_encoded),
        cmocka_unit_test(mac_matches_rfc4231_across_key_changes),
        cmocka_unit_test(csrf_tokens),
        cmocka_unit_test(origin_check),
        cmocka_unit_test(base64url),
        cmocka_unit_test(key_file_created_private_and_stable),
    };
    return cmocka_run_group_tests_name("session", tests, NULL, NULL);
}
