/* money_words.c: amounts in Chinese capitals (see money_words.h). The zeros follow the
 * rules of 《支付结算办法》: one 零 for a run of zeros inside the number, none at its end,
 * and 整 after 元 when there are no 角 and 分. */
#include "money_words.h"

#include <string.h>

static const char *const digits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
static const char *const places[] = {"", "拾", "佰", "仟"};
static const char *const sections[] = {"", "万", "亿", "万亿"};

/* Appends s to out (room for cap bytes, NUL included). */
static void put(char *out, size_t cap, const char *s) {
    size_t n = strlen(out), m = strlen(s);
    if (n + m < cap)
        memcpy(out + n, s, m + 1);
}

/* Appends one group of four digits (1..9999); a zero between its digits is one 零. */
static void put_group(char *out, size_t cap, int group) {
    int d[4] = {group / 1000, group / 100 % 10, group / 10 % 10, group % 10};
    int first = 0;
    while (d[first] == 0)
        first++;
    int zero = 0;
    for (int i = first; i < 4; i++) {
        if (d[i] == 0) {
            zero = 1;
            continue;
        }
        if (zero)
            put(out, cap, digits[0]);
        zero = 0;
        put(out, cap, digits[d[i]]);
        put(out, cap, places[3 - i]);
    }
}

/* Appends the whole yuan (> 0), without 元. */
static void put_yuan(char *out, size_t cap, unsigned long long yuan) {
    int groups[4] = {0};
    int top = 0;
    for (int i = 0; i < 4 && yuan; i++, yuan /= 10000) {
        groups[i] = (int)(yuan % 10000);
        top = i;
    }
    int gap = 0; /* a zero group or leading zeros since the last digit written */
    for (int i = top; i >= 0; i--) {
        if (groups[i] == 0) {
            gap = 1;
            continue;
        }
        if (i != top && (gap || groups[i] < 1000))
            put(out, cap, digits[0]);
        put_group(out, cap, groups[i]);
        put(out, cap, sections[i]);
        gap = 0;
    }
}

const char *money_words(arena *a, long long fen) {
    char out[256] = "";
    unsigned long long v = fen < 0 ? 0ULL - (unsigned long long)fen : (unsigned long long)fen;
    /* Beyond 9999 万亿 yuan the groups run out; no amount here comes near it. */
    if (v / 100 > 9999999999999999ULL)
        return NULL;
    if (fen < 0)
        put(out, sizeof out, "负");
    unsigned long long yuan = v / 100;
    int jiao = (int)(v / 10 % 10), cents = (int)(v % 10);
    if (yuan) {
        put_yuan(out, sizeof out, yuan);
        put(out, sizeof out, "元");
    }
    if (!jiao && !cents) {
        if (!yuan)
            put(out, sizeof out, "零元");
        put(out, sizeof out, "整");
    } else {
        if (jiao) {
            put(out, sizeof out, digits[jiao]);
            put(out, sizeof out, "角");
        }
        if (cents) {
            if (!jiao && yuan)
                put(out, sizeof out, digits[0]);
            put(out, sizeof out, digits[cents]);
            put(out, sizeof out, "分");
        }
    }
    return arena_strdup(a, out);
}
