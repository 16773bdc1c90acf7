/* billing.h: 出账. A billing run makes each unit's bill for a month with its lines:
 * area and fixed fees at the rate in force on the month's first day, metered usage of
 * readings not yet billed, parking leases running in the month, and paid repairs of
 * tickets completed before the month's end and not yet billed. One bill per unit and
 * month, whoever runs it how often: a second run adds nothing. One-off bills (a charge at
 * the counter, a deposit) are made one at a time. */
#ifndef WUYE_BILLING_H
#define WUYE_BILLING_H
#include <stdbool.h>

#include "../core/arena.h"
#include "../core/db.h"

typedef struct billing_result {
    long long run_id;
    long long bills;     /* made by this run */
    long long lines;     /* their lines */
    long long total_fen; /* their sum */
} billing_result;

/* Runs the billing of period (YYYY-MM, valid) for the community whose time zone is zone,
 * in one transaction; staff_id 0 means the job. */
db_status billing_run(arena *a, long long community_id, const char *zone, const char *period,
                      long long staff_id, long long now, billing_result *out);

/* A month that has bills: how many, their sum and what is paid of it. */
typedef struct billing_period {
    const char *period;
    long long bills, amount_fen, paid_fen;
} billing_period;
db_status billing_periods(arena *a, long long community_id, int limit, billing_period **rows, size_t *count);

/* A run as it is listed. */
typedef struct billing_run_row {
    long long id;
    const char *period;
    const char *source; /* page, job */
    const char *staff_name;
    long long started_at, finished_at;
    long long bills, lines, total_fen;
} billing_run_row;
db_status billing_runs(arena *a, long long community_id, int limit, billing_run_row **rows, size_t *count);

/* A bill in the list of a month. */
typedef struct billing_bill {
    long long id;
    const char *unit_code;
    const char *owners;
    const char *kind;
    long long amount_fen, paid_fen, lines;
} billing_bill;
/* The bills of period in the community (building: a building code, "" for all), by unit
 * code, offset/limit; total is the count of all that match. */
db_status billing_bills(arena *a, long long community_id, const char *period, const char *building,
                        long long offset, long long limit, billing_bill **rows, size_t *count,
                        long long *total);

/* A one-off item of the community that a charge can be made for. */
typedef struct billing_item {
    const char *code, *name;
    long long price_e4; /* the usual amount (rate in force), 0 when none */
} billing_item;
db_status billing_oneoff_items(arena *a, long long community_id, billing_item **rows, size_t *count);

/* Why a one-off bill was refused: the field and the message for the form. */
typedef struct billing_refusal {
    const char *field;
    const char *message;
} billing_refusal;
/* Makes a one-off bill of one line for the unit with that code (item: a one-off item's
 * code), due today. Returns DB_OK with *bill_id, or DB_OK with *bill_id 0 and why filled
 * (unknown unit or item). */
db_status billing_oneoff(arena *a, long long community_id, const char *zone, const char *unit_code,
                         const char *item_code, long long amount_fen, const char *description,
                         long long staff_id, long long now, long long *bill_id, billing_refusal *why);

/* The community's time zone for the job (found false: no such community). */
db_status billing_community_zone(arena *a, long long community_id, const char **zone, bool *found);

#endif
