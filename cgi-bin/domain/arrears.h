/* arrears.h: 欠费. A unit is in arrears when it has bills due before today that are not
 * paid in full; its age is the months from the oldest such bill's period to this month.
 * The known reason and every follow-up (reminder, call, visit, promise, notice) are
 * appended to arrears_note. All SQL of arrears lives in arrears.c.
 *
 * Functions answer an int like archive.h: 0 when done; a negative db_status when the
 * database failed; or an HTTP status (404, 422) with the refusal set. */
#ifndef WUYE_ARREARS_H
#define WUYE_ARREARS_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"

#define ARREARS_BUCKETS 4

/* Which units: all of the community, of one building, or one unit; by age and reason. */
typedef struct arrears_filter {
    long long community_id;
    const char *today;    /* YYYY-MM-DD in the community's zone: bills due before it count */
    const char *month;    /* YYYY-MM of today */
    const char *building; /* a building code, or NULL/"" for all */
    const char *unit;     /* a unit code, or NULL/"" for all */
    int min_age;          /* months; 0 for any */
    const char *reason;   /* the latest reason's code, or NULL/"" for any */
} arrears_filter;

typedef struct arrears_row {
    long long unit_id;
    const char *unit_code;
    const char *building_code;
    const char *owners; /* current owners' names joined by 、 ("" when none) */
    long long owed_fen; /* overdue bills only */
    long long bills;    /* how many overdue bills */
    const char *oldest_period;
    int age;                  /* months */
    const char *reason;       /* latest reason code, "" when none was recorded */
    const char *reason_text;  /* its text */
    const char *last_kind;    /* latest follow-up's kind, "" when none */
    const char *last_text;    /* its text */
    long long last_at;        /* its time (unix), 0 when none */
    const char *promise_date; /* latest promise's date YYYY-MM-DD, "" when none */
} arrears_row;

typedef struct arrears_totals {
    long long units;
    long long owed_fen;
    long long bucket_units[ARREARS_BUCKETS]; /* 0-3, 4-6, 7-12, over 12 months */
    long long bucket_fen[ARREARS_BUCKETS];
} arrears_totals;

/* The bucket of an age in months: 0 (up to 3), 1 (4-6), 2 (7-12), 3 (over 12). */
int arrears_bucket(int age);
/* The Chinese label of a bucket ("1–3 个月"...). */
const char *arrears_bucket_name(int bucket);

/* Every unit matching f, oldest arrears first then most owed; totals over them. */
int arrears_list(arena *a, const arrears_filter *f, arrears_row **out, size_t *count, arrears_totals *totals);

/* The community's office phone ("" when none is recorded). */
int arrears_community_phone(arena *a, long long community_id, const char **phone);

/* An overdue, not fully paid bill (with the unit's code, for notices of many units). */
typedef struct arrears_bill {
    long long id;
    long long unit_id;
    const char *period;
    const char *kind;
    const char *due_date;
    long long amount_fen, paid_fen;
    const char *items; /* the fee items of its lines joined by 、 */
} arrears_bill;

/* The overdue open bills of the units matching f's building and unit (age and reason are
 * not applied), by unit then period. */
int arrears_bills(arena *a, const arrears_filter *f, arrears_bill **out, size_t *count);

/* The unit of the community with this code (404 when none). */
int arrears_unit_find(arena *a, long long community_id, const char *code, long long *unit_id,
                      const char **owners);

typedef struct arrears_note_row {
    long long id;
    const char *kind;
    const char *reason;
    const char *text;
    const char *promise_date; /* "" when none */
    const char *staff_name;
    long long at;
} arrears_note_row;

/* Every note of the unit, newest first. */
int arrears_notes(arena *a, long long unit_id, arrears_note_row **out, size_t *count);

typedef struct arrears_refusal {
    const char *message;
    const char *field; /* 422: the form field at fault */
} arrears_refusal;

typedef struct arrears_note_input {
    long long unit_id;
    const char *unit_code;
    const char *kind;
    const char *reason;       /* "" unless given */
    const char *text;         /* "" unless given */
    const char *promise_date; /* "" unless given */
    const char *today;        /* YYYY-MM-DD: a promise may not be before it */
} arrears_note_input;

/* Checks the note (422 with why) without writing. */
int arrears_note_check(const arrears_note_input *in, arrears_refusal *why);
/* Checks and appends the note with its audit row, one transaction. */
int arrears_note_add(page_ctx *ctx, const arrears_note_input *in, arrears_refusal *why);
/* Appends a 'notice' note and an audit row for each of the n units, one transaction. */
int arrears_notices_record(page_ctx *ctx, const arrears_row *rows, size_t n);

#endif
