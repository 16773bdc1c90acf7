/* auth.h: logins of residents and staff: finding the account, the throttle on failed
 * attempts, the session epoch that voids old cookies, and who a session belongs to. */
#ifndef WUYE_AUTH_H
#define WUYE_AUTH_H
#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"
#include <stdbool.h>

/* An account that may sign in, as stored. Strings live in the arena. */
typedef struct auth_account {
    long long id;
    long long community_id;
    const char *password_hash;
    long long epoch;
    bool disabled;
} auth_account;

/* Looks up a resident by phone or e-mail, or staff by login name (kind is
 * ACCOUNT_RESIDENT or ACCOUNT_STAFF). *found tells whether it exists. */
db_status auth_find(arena *a, char kind, const char *login, auth_account *out, bool *found);
/* Seconds to wait before another attempt for this login or this address (0: go on),
 * counting failures within window seconds before now. */
db_status auth_throttle(arena *a, char kind, const char *login, const char *address, int max_failures,
                        long window_seconds, long long now, long *wait_seconds);
/* The same, counting the account's failures (user_id) whatever login text named it: an
 * account's phone and e-mail share one count. */
db_status auth_throttle_account(arena *a, char kind, const char *login, long long user_id,
                                const char *address, int max_failures, long window_seconds, long long now,
                                long *wait_seconds);
/* Records an attempt (user_id 0 when unknown). */
db_status auth_record_attempt(char kind, const char *login, const char *address, bool success,
                              long long user_id, long long now);
/* Records an attempt as failed before its password is checked, so that attempts running
 * at the same time count against each other (*attempt_id for auth_attempt_succeeded). */
db_status auth_attempt_begin(arena *a, char kind, const char *login, const char *address, long long user_id,
                             long long now, long long *attempt_id);
/* Marks an attempt begun with auth_attempt_begin as a success. */
db_status auth_attempt_succeeded(long long attempt_id);
/* After a good password: stamps the last login and stores an upgraded hash if given. */
db_status auth_signed_in(char kind, long long user_id, const char *new_hash, long long now);
/* Ends every session of the account: its epoch grows, so older cookies fail. */
db_status auth_end_sessions(char kind, long long user_id);
/* Loads who the session belongs to. *valid is false when the account is gone,
 * disabled, has another epoch, or (staff) holds no role in the community. */
db_status auth_session_user(arena *a, const session *s, page_user *user, bool *valid);

#endif
