/* b64.h: base64url without padding (RFC 4648 section 5), for cookies, tokens and
 * password hashes. */
#ifndef WUYE_B64_H
#define WUYE_B64_H
#include <stddef.h>

/* The encoded length of n bytes (no padding, no NUL). */
size_t b64_encoded_len(size_t n);
/* Encodes n bytes into out (b64_encoded_len(n) + 1 bytes, NUL-terminated). */
void b64_encode(const unsigned char *in, size_t n, char *out);
/* Decodes s (len characters) into out (at most outcap bytes). Returns the decoded
 * length, or -1 for a character outside the alphabet, a bad length or no room. */
long b64_decode(const char *s, size_t len, unsigned char *out, size_t outcap);

#endif
