/* fee.h: what every part of 收费 shares: who may do what, the month a bill is for, the
 * arithmetic of a line's amount, and the Chinese names of the codes. Money is fen,
 * prices are ten-thousandths of a yuan (price_e4), quantities hundredths (_c). */
#ifndef WUYE_FEE_H
#define WUYE_FEE_H
#include <stdbool.h>

typedef enum {
    FEE_PAY,      /* take a payment at the counter; make a one-off bill */
    FEE_REVERSE,  /* reverse a payment (冲正) */
    FEE_RATES,    /* add fee items and rates */
    FEE_BILLING,  /* start a billing run */
    FEE_READINGS, /* enter and import meter readings */
    FEE_CHECK,    /* check another cashier's closed day (复核) */
    FEE_ARREARS,  /* record arrears reasons and follow-ups, print notices */
    FEE_VIEW,     /* see bills, payments, settlements and reports */
} fee_act;

/* True when the comma list of role codes allows act. */
bool fee_may(const char *roles, fee_act act);

/* True for "YYYY-MM" with a year 2000..2099 and a month 01..12. */
bool fee_period_valid(const char *s);
/* The month after / before period (both valid) into out[8]. */
void fee_period_next(const char *period, char out[8]);
void fee_period_prev(const char *period, char out[8]);
/* Whole months from period a to period b (b later: positive). */
int fee_period_diff(const char *a, const char *b);

/* ROUND(quantity_c * price_e4 / 10000), halves away from zero: a line's fen. */
long long fee_amount(long long quantity_c, long long price_e4);

/* A metered rate: the first tier's price, and up to two more from a usage on
 * (from_c 0: no such tier). */
typedef struct fee_tiers {
    long long price_e4;
    long long tier2_from_c, tier2_price_e4;
    long long tier3_from_c, tier3_price_e4;
} fee_tiers;
/* The fen for usage_c under tiers: each part of the usage at its tier's price, the
 * whole rounded once. */
long long fee_metered_amount(long long usage_c, const fee_tiers *t);

/* Chinese names: fee item kinds, payment methods, arrears reasons and follow-up kinds;
 * "" for an unknown code. */
const char *fee_kind_name(const char *kind);
const char *fee_method_name(const char *method);
const char *fee_reason_name(const char *reason);
const char *fee_note_kind_name(const char *kind);
/* The Chinese name of a payment kind: 收款 (payment; 已冲正 when reversed), 冲正
 * (reversal), 退款 (refund: money paid back, e.g. a decoration deposit). */
const char *fee_payment_kind_name(const char *kind, bool reversed);
/* The Chinese name of a bill kind: 临时收费 (oneoff), else 月度账单 (period). */
const char *fee_bill_kind_name(const char *kind);

/* The NULL-terminated codes, for ENUM fields. */
extern const char *const fee_kinds[];
extern const char *const fee_methods[];
extern const char *const fee_reasons[];
extern const char *const fee_note_kinds[];

#endif
