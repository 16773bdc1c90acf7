/* mac.c: HMAC-SHA256 through one EVP_MAC context per process, keyed once; each MAC only
 * restarts it (EVP_MAC_init with no key keeps the key set before). */
#include "mac.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>

#define MAC_KEY_MAX 64

static EVP_MAC_CTX *keyed;
static unsigned char keyed_with[MAC_KEY_MAX];
static size_t keyed_len;

/* The context keyed with key, or NULL if OpenSSL refuses. */
static EVP_MAC_CTX *context(const unsigned char *key, size_t key_len) {
    if (keyed && keyed_len == key_len && CRYPTO_memcmp(keyed_with, key, key_len) == 0)
        return EVP_MAC_init(keyed, NULL, 0, NULL) == 1 ? keyed : NULL;
    EVP_MAC_CTX_free(keyed);
    keyed = NULL;
    keyed_len = 0;
    if (key_len > MAC_KEY_MAX)
        return NULL;
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (!mac)
        return NULL;
    EVP_MAC_CTX *c = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac); /* the context holds its own reference */
    char digest[] = "SHA256";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    if (!c || EVP_MAC_init(c, key, key_len, params) != 1) {
        EVP_MAC_CTX_free(c);
        return NULL;
    }
    keyed = c;
    memcpy(keyed_with, key, key_len);
    keyed_len = key_len;
    return keyed;
}

void mac_sha256(const unsigned char *key, size_t key_len, const void *text, size_t n,
                unsigned char out[MAC_SHA256_BYTES]) {
    EVP_MAC_CTX *c = context(key, key_len);
    size_t len = 0;
    if (c && EVP_MAC_update(c, text, n) == 1 && EVP_MAC_final(c, out, &len, MAC_SHA256_BYTES) == 1 &&
        len == MAC_SHA256_BYTES)
        return;
    /* Whatever failed above, the one-call form gives the same MAC. */
    unsigned int one = MAC_SHA256_BYTES;
    HMAC(EVP_sha256(), key, (int)key_len, text, n, out, &one);
}
