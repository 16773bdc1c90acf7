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

int decimal_parse(const char *text, int scale, long long *value) {
    long long whole = 0, frac = 0;
    int digits = 0, decimals = 0;
    const char *p = text;
    if (scale < 1 || scale > 6)
        return -1;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (++digits > 9)
            return -1;
        whole = whole * 10 + (*p - '0');
    }
    if (digits == 0)
        return -1;
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (++decimals > scale)
                return -1;
            frac = frac * 10 + (*p - '0');
        }
        if (decimals == 0)
            return -1;
    }
    if (*p != '\0')
        return -1;
    long long unit = 1;
    for (int i = 0; i < scale; i++)
        unit *= 10;
    for (int i = decimals; i < scale; i++)
        frac *= 10;
    *value = whole * unit + frac;
    return 0;
}

const char *decimal_format(arena *a, long long value, int scale) {
    if (scale < 1 || scale > 6)
        return NULL;
    unsigned long long v = value < 0 ? (unsigned long long)(-(value + 1)) + 1 : (unsigned long long)value;
    unsigned long long unit = 1;
    for (int i = 0; i < scale; i++)
        unit *= 10;
    unsigned long long frac = v % unit;
    int shown = scale;
    while (shown > 2 && frac % 10 == 0) {
        frac /= 10;
        shown--;
    }
    if (shown < 2) /* scale 1: pad to two decimals */
        frac *= 10, shown = 2;
    return arena_printf(a, "%s%llu.%0*llu", value < 0 ? "-" : "", v / unit, shown, frac);
}
