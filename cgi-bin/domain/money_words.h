/* money_words.h: an amount in Chinese financial capitals (大写), as written on a receipt:
 * 12345 fen is 壹佰贰拾叁元肆角伍分. */
#ifndef WUYE_MONEY_WORDS_H
#define WUYE_MONEY_WORDS_H
#include "../core/arena.h"

/* fen in capitals, in the arena: 零元整 for 0, 壹佰元整, 壹仟零伍元零陆分, 肆角伍分; a
 * negative amount (a reversal) starts with 负. NULL when out of memory. */
const char *money_words(arena *a, long long fen);

#endif
