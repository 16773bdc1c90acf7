/* money.c: fen to and from the yuan text people read and type. */
#include "money.h"

#include <string.h>

const char *money_format(arena *a, long long fen) {
    unsigned long long v = fen < 0 ? (unsigned long long)(-(fen + 1)) + 1 : (unsigned long long)fen;
    return arena_printf(a, "%s%llu.%02llu", fen < 0 ? "-" : "", v / 100, v % 100);
}

int money_parse_yuan(const char *text, long long *fen) {
    long long whole = 0;
    int digits = 0, decimals = 0, cents = 0;
    const char *p = text;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (++digits > 7)
            return -1;
        whole = whole * 10 + (*p - '0');
    }
    if (digits == 0)
        return -1;
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (++decimals > 2)
                return -1;
            cents = cents * 10 + (*p - '0');
        }
        if (decimals == 0)
            return -1;
        if (decimals == 1)
            cents *= 10;
    }
    if (*p != '\0')
        return -1;
    *fen = whole * 100 + cents;
    return 0;
}
