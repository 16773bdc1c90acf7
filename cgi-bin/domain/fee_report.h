/* fee_report.h: 收费报表 for a year: the collection rate of each month's period bills per
 * building, and the income per fee item and month (allocations of payments, reversals
 * negative, by the month the money was taken in the community's zone). */
#ifndef WUYE_FEE_REPORT_H
#define WUYE_FEE_REPORT_H
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"

#define FEE_REPORT_TARGET_PERMILLE 950 /* the seeds' target: at least 95% collected */

/* The period bills of one building and month. */
typedef struct fee_report_collection {
    int month; /* 1..12 */
    long long building_id;
    const char *building_code;
    const char *building_name;
    long long amount_fen, paid_fen;
} fee_report_collection;

/* The period bills of year (e.g. 2026), by month and building. */
int fee_report_collections(arena *a, long long community_id, int year, fee_report_collection **out,
                           size_t *count);

typedef struct fee_report_income {
    long long item_id; /* 0: lines of no fee item */
    const char *item_name;
    int month; /* 1..12 */
    long long amount_fen;
} fee_report_income;

/* The income of year by fee item and month; zone is the community's (months start at its
 * local midnight). 0, a negative db_status, or 422 for a year out of range. */
int fee_report_incomes(arena *a, long long community_id, int year, const char *zone, fee_report_income **out,
                       size_t *count);

/* paid / amount in per-mille, rounded half up; -1 when amount is 0. */
long long fee_report_permille(long long paid_fen, long long amount_fen);

#endif
