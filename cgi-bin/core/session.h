/* session.h: the signed session cookie. Its value names the account, the community
 * and the session epoch; HMAC-SHA256 under the installation's key guards it, so any
 * app host verifies it without shared state. The epoch is checked against the
 * database by the page loop. */
#ifndef WUYE_SESSION_H
#define WUYE_SESSION_H
#include <stdbool.h>
#include <stddef.h>

#define SESSION_KEY_BYTES 32
#define SESSION_COOKIE_MAX 256

typedef enum { ACCOUNT_RESIDENT = 'r', ACCOUNT_STAFF = 's' } account_kind;

typedef struct session {
    char kind;              /* account_kind */
    long long user_id;      /* account.id or staff.id */
    long long community_id; /* the community the session works in */
    long long issued;       /* unix time of login */
    long long expires;      /* unix time after which it is void whatever the activity */
    long long epoch;        /* account's session_epoch at login */
    long long seen;         /* unix time of the last request that refreshed the cookie */
} session;

typedef enum {
    SESSION_OK = 0,
    SESSION_MALFORMED = -1, /* not ours, or tampered with */
    SESSION_EXPIRED = -2,
    SESSION_IDLE = -3,
} session_status;

/* Writes the cookie value for s into out (at least SESSION_COOKIE_MAX bytes). 0 or -1. */
int session_encode(const session *s, const unsigned char key[SESSION_KEY_BYTES], char *out, size_t outlen);
/* Verifies value (constant-time MAC compare) and decodes it into s; then checks the
 * expiry and the idle limit against now. */
session_status session_decode(const char *value, const unsigned char key[SESSION_KEY_BYTES], long long now,
                              long long idle_seconds, session *s);
/* Loads the key from path, creating it (random, mode 0600) when it does not exist.
 * 0, or -1 with errno set. */
int session_key_load(const char *path, unsigned char key[SESSION_KEY_BYTES]);

#endif
