/* money.h: amounts are integer fen (分) everywhere; these convert at the edges. */
#ifndef WUYE_MONEY_H
#define WUYE_MONEY_H
#include "arena.h"

/* "12.50" for 1250 fen ("-3.05" for -305), in the arena. */
const char *money_format(arena *a, long long fen);
/* Reads yuan with at most two decimals ("12", "12.5", "12.50") into fen. 0, or -1 for
 * anything else (signs, spaces, more decimals, more than 9 999 999.99). */
int money_parse_yuan(const char *text, long long *fen);

#endif
