/* csrf.h: tokens that tie a POSTed form to the session (or pre-session cookie) that
 * rendered it, and the Origin check. */
#ifndef WUYE_CSRF_H
#define WUYE_CSRF_H
#include "session.h"
#include <stdbool.h>

#define CSRF_TOKEN_LEN 43 /* base64url of 32 bytes, without padding */

/* The token for binding (e.g. "s:12:1700000000" for a session, "pre:RANDOM" on a login
 * form) into out (CSRF_TOKEN_LEN + 1 bytes). */
void csrf_token(const unsigned char key[SESSION_KEY_BYTES], const char *binding,
                char out[CSRF_TOKEN_LEN + 1]);
/* True when token is the token of binding (constant-time). NULL token is false. */
bool csrf_check(const unsigned char key[SESSION_KEY_BYTES], const char *binding, const char *token);
/* True when origin is absent, or is exactly this site: scheme://host as the request
 * came (https decides the scheme). "null" and any other site are false. */
bool csrf_origin_ok(const char *origin, const char *host, bool https);

#endif
