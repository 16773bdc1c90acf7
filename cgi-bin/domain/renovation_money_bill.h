/* renovation_money_bill.h: what approval, permit and refund of a decoration case share
 * inside their transaction (renovation_money.c, renovation_refund.c); pages use
 * renovation_money.h. */
#ifndef WUYE_RENOVATION_MONEY_BILL_H
#define WUYE_RENOVATION_MONEY_BILL_H
#include "renovation_money.h"

/* A one-off bill (kind oneoff, this month, due today) of unit_id for amount_fen. */
int renovation_money_bill(page_ctx *ctx, long long unit_id, long long amount_fen, long long *bill_id);
/* A line of bill_id for the community's fee item item_code: quantity x price_fen (either
 * may be negative for a refund); its id into *line_id when not NULL. */
int renovation_money_line(page_ctx *ctx, long long bill_id, const char *item_code, const char *description,
                          long long quantity, long long price_fen, long long *line_id);
/* The sum of the case's deductions, its passes by state and its open violations. */
int renovation_money_counts(arena *a, long long id, long long *deductions_fen, int *issued, int *returned,
                            int *lost, int *violations_open);

#endif
