/* utf8.c: strict UTF-8 validation and counting, following Unicode's table of
 * well-formed byte sequences (Table 3-7) so overlongs and surrogates never pass. */
#include "utf8.h"

/* The length of the well-formed sequence at s (at most n bytes), or 0 if it is not. */
static size_t utf8_sequence(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c == 0x00) {
        return 0; /* a NUL would cut the string short in C and in the database */
    }
    if (c < 0x80) {
        return 1;
    }
    /* The lead byte fixes the length and the range allowed for the second byte; that
     * range is what excludes overlong forms, surrogates and code points past U+10FFFF. */
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c == 0xE0) {
        len = 3;
        lo = 0xA0; /* below is overlong */
    } else if (c >= 0xE1 && c <= 0xEC) {
        len = 3;
    } else if (c == 0xED) {
        len = 3;
        hi = 0x9F; /* above is U+D800..U+DFFF */
    } else if (c >= 0xEE && c <= 0xEF) {
        len = 3;
    } else if (c == 0xF0) {
        len = 4;
        lo = 0x90; /* below is overlong */
    } else if (c >= 0xF1 && c <= 0xF3) {
        len = 4;
    } else if (c == 0xF4) {
        len = 4;
        hi = 0x8F; /* above is past U+10FFFF */
    } else {
        return 0; /* continuation byte, C0/C1 overlong lead, or F5..FF */
    }
    if (n < len) {
        return 0;
    }
    if (s[1] < lo || s[1] > hi) {
        return 0;
    }
    for (size_t i = 2; i < len; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF) {
            return 0;
        }
    }
    return len;
}

bool utf8_valid(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t len = utf8_sequence(p + i, n - i);
        if (len == 0) {
            return false;
        }
        i += len;
    }
    return true;
}

size_t utf8_count(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        /* Every code point has exactly one byte that is not a continuation byte. */
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}
