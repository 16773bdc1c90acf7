/* settlement.h: 日清, a cashier's day: the row every payment and reversal of the day
 * locks, its list and sums by method, closing by the cashier and checking by a second
 * person. The transaction helper that retries lost lock races lives here too, as every
 * money write of the counter goes through a settlement row.
 *
 * Functions answer an int like archive.h: 0 when done; a negative db_status when the
 * database failed; or an HTTP status (403, 404, 409, 422) with the refusal's message set.
 * Nothing is written unless 0. */
#ifndef WUYE_SETTLEMENT_H
#define WUYE_SETTLEMENT_H
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"

typedef struct settlement_refusal {
    const char *message; /* in Chinese */
    const char *field;   /* 422: the form field at fault, else NULL */
} settlement_refusal;

/* Sets why and answers status, for a refusal in one line. */
int settlement_refuse(settlement_refusal *why, int status, const char *field_name, const char *message);

/* Runs step(arg) inside a transaction and commits when it answers 0; rolls back
 * otherwise. A lost lock race (DB_DEADLOCK) runs it again, a few times. Answers step's
 * result, or the commit's failure. */
int settlement_transaction(int (*step)(void *arg), void *arg);

/* The local date "YYYY-MM-DD" of unix time now in zone, in the arena. */
const char *settlement_today(arena *a, long long now, const char *zone);

/* Inside a transaction: makes staff_id's row of day if needed and locks it; its id into
 * *id. 409 when the day is closed. */
int settlement_lock_open(arena *a, long long community_id, long long staff_id, const char *day, long long *id,
                         settlement_refusal *why);

/* One payment or reversal of a day. */
typedef struct settlement_entry {
    long long id;
    const char *receipt_no;
    const char *kind;   /* payment, reversal */
    const char *method; /* cash, card, ... */
    long long unit_id;
    const char *unit_code;
    const char *payer;
    const char *reverses_no; /* a reversal: the receipt it reverses, else "" */
    long long amount_fen;
    long long taken_at;
} settlement_entry;

typedef struct settlement_sum {
    const char *method;
    long long count;
    long long total_fen;
} settlement_sum;

#define SETTLEMENT_METHODS 5

typedef struct settlement_day {
    long long id; /* 0: the day has no row yet (nothing taken) */
    long long staff_id;
    const char *staff_name;
    const char *day;
    long long closed_at; /* 0: open */
    long long closed_count, closed_total_fen;
    long long checked_by; /* 0: not checked */
    const char *checker_name;
    long long checked_at;
    const char *check_note;
    settlement_entry *entries; /* in the order taken */
    size_t entry_count;
    long long count, total_fen;              /* of the entries */
    settlement_sum sums[SETTLEMENT_METHODS]; /* in the order of fee_methods */
} settlement_day;

/* staff_id's day of the community (404 when the staff member is not of it). */
int settlement_day_load(arena *a, long long community_id, long long staff_id, const char *day,
                        settlement_day *out, settlement_refusal *why);

/* Closes the signed-in staff member's day: counts and sums under the row lock; 409 when
 * already closed. With an audit row. */
int settlement_close(page_ctx *ctx, const char *day, settlement_refusal *why);
/* Checks staff_id's closed day as the signed-in staff member: 403 for one's own day,
 * 404 when there is no such day, 409 when open or already checked. With an audit row. */
int settlement_check(page_ctx *ctx, long long staff_id, const char *day, const char *note,
                     settlement_refusal *why);

/* A day in the list of recent days. */
typedef struct settlement_brief {
    long long staff_id;
    const char *staff_name;
    const char *day;
    long long count, total_fen; /* live sums */
    long long closed_at, checked_at;
} settlement_brief;

/* The community's most recent days (of staff_id only when not 0), newest first. */
int settlement_recent(arena *a, long long community_id, long long staff_id, int limit, settlement_brief **out,
                      size_t *count);

#endif
