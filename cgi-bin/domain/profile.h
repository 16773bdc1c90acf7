/* profile.h: the resident's own profile (我的资料): the account holder, the household of
 * the current unit with its contacts, the units the person belongs to, and what the
 * resident may change there: contacts, the password, the unit they work in.
 *
 * Functions answer an int like archive.h: 0 when done; a negative db_status when the
 * database failed; or an HTTP status (403, 404). Nothing is written unless 0. */
#ifndef WUYE_PROFILE_H
#define WUYE_PROFILE_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"

typedef struct profile_member {
    long long person_id;
    const char *name;
    const char *relation; /* owner, tenant, family, other */
    const char *phone;
    const char *emergency_contact;
    bool is_self;
} profile_member;

typedef struct profile_unit {
    long long id;
    const char *code;
    const char *building_name;
    const char *relation; /* the person's relation to the unit */
    bool is_current;
} profile_unit;

/* Everything the profile page shows. Strings live in the arena. */
typedef struct profile {
    long long person_id;
    const char *name;
    const char *login;             /* the login phone, else the login e-mail */
    const char *phone;             /* the person's contact phone */
    const char *emergency_contact; /* the person's emergency contact */
    long long current_unit_id;     /* 0 when none */
    const char *current_unit_code; /* "" when none */
    bool is_owner;                 /* a current owner of the current unit */
    profile_member *members;       /* current occupants of the current unit */
    size_t member_count;
    profile_unit *units; /* the person's current occupancies, by unit code */
    size_t unit_count;
} profile;

/* Loads the profile of account_id. */
int profile_load(arena *a, long long account_id, profile *out);
/* Sets phone and emergency contact of person_id for the signed-in resident: their own
 * always; another person's only when that person lives in the current unit (else 404) and
 * the resident is its current owner (else 403). Audited. */
int profile_set_contact(page_ctx *ctx, long long person_id, const char *phone, const char *emergency_contact);
/* True when password is the signed-in resident's current password (false also when the
 * account is gone). Throttled and recorded as a sign-in of the account is (login_attempt):
 * *wait > 0 (seconds) instead of a check after too many failures. */
int profile_check_password(page_ctx *ctx, const char *password, bool *matches, long *wait);
/* Stores new_hash and grows the session epoch in one transaction, ending every session;
 * *epoch gets the new epoch for signing this browser in again. Audited. */
int profile_set_password(page_ctx *ctx, const char *new_hash, long long *epoch);
/* Makes unit_id the account's current unit: only a unit the person occupies now (else
 * 404). Audited. */
int profile_switch_unit(page_ctx *ctx, long long unit_id);

#endif
