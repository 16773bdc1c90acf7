/* fee_item.h: 收费项目与标准: a community's fee items and their rates. A rate is never
 * edited or deleted; a change is a new rate from a later date, and no rate may start in
 * a month already billed for its item. */
#ifndef WUYE_FEE_ITEM_H
#define WUYE_FEE_ITEM_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/page.h"
#include "fee.h"

/* One rate of an item. Tiers and the vacant price are 0 / false when not set. */
typedef struct fee_rate_row {
    long long id;
    const char *valid_from; /* YYYY-MM-DD */
    fee_tiers tiers;        /* price_e4 and the tiers of a metered item */
    bool has_vacant;
    long long vacant_price_e4;
    const char *note;
    const char *staff_name; /* "" when set up by the system */
    long long created_at;
    bool current; /* in force on the day the list was read for */
} fee_rate_row;

/* One fee item with its rates in date order. */
typedef struct fee_item_row {
    long long id;
    const char *code, *name, *kind, *unit_label;
    const char *unit_types; /* comma list: residence,shop,parking,storage */
    bool active;
    fee_rate_row *rates;
    size_t rate_count;
} fee_item_row;

/* Why a change was refused: the field it is about (NULL: none) and a message in Chinese. */
typedef struct fee_refusal {
    const char *field;
    const char *message;
} fee_refusal;

/* A new fee item as entered (unit_types a comma list). */
typedef struct fee_item_new {
    const char *code, *name, *kind, *unit_label, *unit_types;
} fee_item_new;

/* A new rate; a price not given is -1 (vacant price, tier prices), a tier start 0. */
typedef struct fee_rate_new {
    const char *item_code;
    const char *valid_from;
    long long price_e4;
    long long vacant_price_e4;
    long long tier2_from_c, tier2_price_e4;
    long long tier3_from_c, tier3_price_e4;
    const char *note;
} fee_rate_new;

/* The community's items in their order with every rate, marking the one in force on
 * today (YYYY-MM-DD). Everything in a. 0, or a db_status < 0. */
int fee_items_list(arena *a, long long community_id, const char *today, fee_item_row **out, size_t *count);

/* Adds an item for the signed-in staff member's community (audited). 0; 422 with why
 * (a code already used); or a db_status < 0. */
int fee_item_add(page_ctx *ctx, const fee_item_new *item, fee_refusal *why);

/* Adds a rate (audited). 0; 422 with why (unknown item, fields that do not fit its
 * kind, a date that already has a rate or falls in a billed month); or a db_status < 0. */
int fee_rate_add(page_ctx *ctx, const fee_rate_new *rate, fee_refusal *why);

/* The rate of item_id in force on day (YYYY-MM-DD): *found false when none yet.
 * 0, or a db_status < 0. */
int fee_rate_in_force(arena *a, long long item_id, const char *day, fee_rate_row *out, bool *found);

/* How a price of kind is quoted: "元/㎡·月", "元/户·月", "元/吨" (unit_label), "元/月", "元". */
const char *fee_price_unit(arena *a, const char *kind, const char *unit_label);

#endif
