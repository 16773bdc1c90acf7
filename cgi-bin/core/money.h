/* money.h: amounts are integer fen (分) everywhere; these convert at the edges. */
#ifndef WUYE_MONEY_H
#define WUYE_MONEY_H
#include "arena.h"

/* "12.50" for 1250 fen ("-3.05" for -305), in the arena. */
const char *money_format(arena *a, long long fen);
/* Reads yuan with at most two decimals ("12", "12.5", "12.50") into fen. 0, or -1 for
 * anything else (signs, spaces, more decimals, more than 9 999 999.99). */
int money_parse_yuan(const char *text, long long *fen);
/* A non-negative decimal with at most scale (1..6) decimals and 9 whole digits, read
 * into an integer of 10^-scale units: decimal_parse("0.538", 4, &v) gives 5380. 0, or -1
 * for anything else (signs, spaces, exponents, more decimals). */
int decimal_parse(const char *text, int scale, long long *value);
/* value (in 10^-scale units) as text with trailing zeros trimmed down to two decimals:
 * 5380 at scale 4 is "0.538", 25000 is "2.50"; in the arena. */
const char *decimal_format(arena *a, long long value, int scale);

#endif
