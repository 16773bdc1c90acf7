/* account.h: residents' portal accounts: one-time activation codes (issued by staff at
 * the counter, or by an owner inviting a family member or tenant), activating an account
 * with a code, and staff disabling or enabling an account. All their SQL is in account.c.
 *
 * Functions answer an int like archive.h: 0 when done; a negative db_status when the
 * database failed; or an HTTP status (403, 404, 409, 422) with the refusal's message
 * set, and its field naming the form field at fault. Nothing is written unless 0. */
#ifndef WUYE_ACCOUNT_H
#define WUYE_ACCOUNT_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"

#define ACCOUNT_CODE_CHARS 10     /* the code without its dash */
#define ACCOUNT_CODE_DAYS 14      /* how long a code is valid */
#define ACCOUNT_CODE_SHOWN_MAX 16 /* "ABCDE-FGHJK" and its NUL */

typedef struct account_refusal {
    const char *message; /* in Chinese */
    const char *field;   /* the form field at fault, else NULL */
} account_refusal;

/* --- codes (pure) ------------------------------------------------------------------------ */

/* The code as typed (any case, dashes and spaces) normalised into out (11 bytes): the
 * 10 characters of the alphabet in upper case. False when it cannot be a code. */
bool account_code_normalize(const char *typed, char out[ACCOUNT_CODE_CHARS + 1]);
/* The first characters of what was typed, normalised as far as possible (at most 5), in
 * the arena: what the throttle counts attempts against. */
const char *account_code_prefix(arena *a, const char *typed);

/* --- what the office shows ---------------------------------------------------------------- */

typedef struct account_state {
    long long id; /* 0: the person has no account */
    bool disabled;
    const char *login;         /* phone or e-mail */
    long long last_login;      /* 0: never */
    long long pending_expires; /* an unused code valid until then; 0: none */
} account_state;

/* The portal account of person_id of the community, if any. */
int account_state_load(arena *a, long long community_id, long long person_id, account_state *out);

/* A code just made: shown once, never stored. Strings live in the arena. */
typedef struct account_code {
    const char *code; /* ABCDE-FGHJK */
    long long expires;
    const char *person_name;
    const char *unit_code;
    const char *relation;
} account_code;

/* Staff: a code for person_id of the signed-in staff member's community, for the unit
 * the person occupies now (an owned one first); revokes the person's older unused codes. */
int account_issue(page_ctx *ctx, long long person_id, account_code *out, account_refusal *why);

/* The owner signed in to ctx invites someone to their current unit: the person is found
 * there by name and phone, or added with an occupancy from today; relation is family,
 * tenant or other. 403 when the account does not own its current unit. */
int account_invite(page_ctx *ctx, const char *name, const char *phone, const char *relation,
                   account_code *out, account_refusal *why);
/* 0 when the signed-in resident owns their current unit (and may invite), 403 if not. */
int account_may_invite(page_ctx *ctx, account_refusal *why);

/* What activating made: the account to sign in. */
typedef struct account_activated {
    long long id;
    long long community_id;
    long long epoch;
} account_activated;

/* Uses code (as typed) in one transaction: creates the person's account with login
 * phone and password_hash, or sets the existing account's phone and password and ends
 * its sessions. Refusals: 422 unknown or revoked code (field code), 409 used or expired
 * (field code), 422 phone taken (field phone), 403 a disabled account. */
int account_activate(page_ctx *ctx, const char *code, const char *phone, const char *password_hash,
                     account_activated *out, account_refusal *why);

/* Staff: disables (ending its sessions at once) or enables person_id's account. */
int account_set_disabled(page_ctx *ctx, long long person_id, bool disabled, account_refusal *why);

#endif
