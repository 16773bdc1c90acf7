/* csrf.c: form tokens are an HMAC of what the form is bound to (the session, or the
 * pre-session cookie of a login form), so they need no storage and die with it. */
#include "csrf.h"

#include <openssl/crypto.h>
#include <stdio.h>
#include <string.h>

#include "b64.h"
#include "mac.h"

void csrf_token(const unsigned char key[SESSION_KEY_BYTES], const char *binding,
                char out[CSRF_TOKEN_LEN + 1]) {
    unsigned char mac[MAC_SHA256_BYTES];
    /* A distinct prefix keeps a token from ever equalling a session MAC. */
    char text[300];
    snprintf(text, sizeof text, "csrf:%s", binding);
    mac_sha256(key, SESSION_KEY_BYTES, text, strlen(text), mac);
    b64_encode(mac, sizeof mac, out);
}

bool csrf_check(const unsigned char key[SESSION_KEY_BYTES], const char *binding, const char *token) {
    if (!token || strlen(token) != CSRF_TOKEN_LEN)
        return false;
    char want[CSRF_TOKEN_LEN + 1];
    csrf_token(key, binding, want);
    return CRYPTO_memcmp(want, token, CSRF_TOKEN_LEN) == 0;
}

bool csrf_origin_ok(const char *origin, const char *host, bool https) {
    if (!origin)
        return true; /* older browsers and same-origin GET-driven forms send none */
    if (!host || !*host)
        return false;
    const char *scheme = https ? "https://" : "http://";
    size_t sl = strlen(scheme), hl = strlen(host);
    return strncmp(origin, scheme, sl) == 0 && strncmp(origin + sl, host, hl) == 0 && origin[sl + hl] == '\0';
}
