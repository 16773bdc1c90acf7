/* mac.h: HMAC-SHA256, the MAC of session cookies and form tokens. */
#ifndef WUYE_MAC_H
#define WUYE_MAC_H
#include <stddef.h>

#define MAC_SHA256_BYTES 32

/* out = HMAC-SHA256(key, text). The process keeps the last key's context: OpenSSL 3's
 * one-call HMAC() looks the algorithm up and keys it anew each time, which was a twentieth
 * of a short page's CPU (two MACs a page: the session and the logout form's token). */
void mac_sha256(const unsigned char *key, size_t key_len, const void *text, size_t n,
                unsigned char out[MAC_SHA256_BYTES]);

#endif
