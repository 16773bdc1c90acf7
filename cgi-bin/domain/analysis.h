/* analysis.h: the monthly figures of a community's requests (顾客投诉分类统计表, 月盘点):
 * classification with the previous month, on-time rates, callbacks, ratings, paid-repair
 * income and the places and categories that come up most. */
#ifndef WUYE_ANALYSIS_H
#define WUYE_ANALYSIS_H
#include "../core/arena.h"
#include "../core/db.h"
#include <stdbool.h>
#include <stddef.h>

/* How many rows the "most" lists hold at most. */
#define ANALYSIS_TOP 10

/* One category's requests created in the month and in the month before. */
typedef struct analysis_category {
    const char *kind; /* kind code, "repair" */
    const char *code; /* category code, "water_power" */
    const char *name; /* 水电 */
    long long count;
    long long previous;
} analysis_category;

/* One time-limit promise over the month's requests. met + late are the decided ones;
 * pending are still running (or paused while waiting on the resident). */
typedef struct analysis_clock {
    long long met;
    long long late;
    long long pending;
} analysis_clock;

/* A unit or building with its request count and "水电×2、门窗×1". */
typedef struct analysis_place {
    const char *code; /* unit code "1-1-101", or building code "1" */
    const char *name; /* building name; the unit code for units */
    long long count;
    const char *categories;
} analysis_place;

typedef struct analysis_month {
    analysis_category *categories; /* kinds in their order, then the category's sort */
    size_t category_count;
    long long total, previous_total;
    analysis_clock respond, onsite, resolve;
    long long completed;   /* completed in the month (completed_at in range, still completed) */
    long long callbacks;   /* of those, with a callback that reached the resident */
    long long ratings;     /* of those, rated by the resident */
    long long rating_sum;  /* sum of those ratings (1..5 each) */
    long long charged;     /* of those, with a charge */
    long long charge_fen;  /* sum of their charges, fen */
    analysis_place *units; /* units with at least two requests, most first, ANALYSIS_TOP at most */
    size_t unit_count;
    analysis_place *buildings; /* buildings by requests, most first, ANALYSIS_TOP at most */
    size_t building_count;
    /* The figures are those of any now from computed_at to valid_until (the first due of a
     * pending promise, LLONG_MAX when none): then a pending promise turns late. */
    long long computed_at, valid_until;
} analysis_month;

/* One request as the month's figures need it: every request created in the month, and
 * every one of the month before (of those only current = false, kind and the category).
 * Keys are the collation's sort keys as hex (MariaDB's HEX(WEIGHT_STRING(x))), so that C
 * orders codes and names exactly as ORDER BY does; a time 0 is SQL NULL. */
typedef struct analysis_row {
    bool current; /* created in the month (else in the month before) */
    int kind;     /* 1..5: ticket_kinds[kind - 1], the ENUM's order */
    long long category_id, category_sort;
    const char *category_code, *category_code_key, *category_name, *category_name_key;
    long long unit_id; /* 0: a common area */
    const char *unit_code, *unit_key;
    long long building_id;
    const char *building_code, *building_name, *building_key;
    const char *status;
    long long respond_due, responded_at, onsite_due, onsite_at, resolve_due, completed_at;
} analysis_row;

/* Computes categories, totals, the three promises (now decides which open ones are late),
 * units and buildings of out from rows, as the SQL of earlier versions did; leaves the
 * completed-in-month figures alone. Allocates in a; false when out of memory. */
bool analysis_compute(arena *a, const analysis_row *rows, size_t count, long long now, analysis_month *out);

/* Orders two collation keys (hex of WEIGHT_STRING) as the collation orders their strings:
 * trailing spaces do not count (PAD SPACE). */
int analysis_key_compare(const char *a, const char *b);

/* The figures as rows of text, to be kept between requests (analysis_keep.c), and back;
 * strings stay in the rows' cells. False when out of memory or the rows are not such. */
bool analysis_to_rows(arena *a, const analysis_month *m, db_rows *rows);
bool analysis_from_rows(arena *a, const db_rows *rows, analysis_month *m);

/* Loads the figures of community_id for the month [start, end) (unix seconds), the month
 * before being [previous_start, start); now decides which open promises are already late.
 * Everything is allocated in a. The figures are kept in the page process while the
 * community's data version holds and now is within the range they are valid for. */
db_status analysis_load(arena *a, long long community_id, long long previous_start, long long start,
                        long long end, long long now, analysis_month *out);

#endif
