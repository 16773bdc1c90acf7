/* password.h: password hashes with scrypt (OpenSSL), stored with their parameters
 * and salt as "scrypt$LOGN$R$P$SALT$HASH" (base64url) so the cost can be raised. */
#ifndef WUYE_PASSWORD_H
#define WUYE_PASSWORD_H
#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_HASH_MAX 160
#define PASSWORD_LOG_N 15 /* N = 2^15: about 0.15 s here */

/* Hashes password with a fresh random salt into out (PASSWORD_HASH_MAX bytes). 0 or -1. */
int password_hash(const char *password, char *out, size_t outlen);
/* True when password matches stored; false for a malformed stored value. */
bool password_verify(const char *password, const char *stored);
/* True when stored uses weaker parameters than the current ones. */
bool password_needs_rehash(const char *stored);

#endif
