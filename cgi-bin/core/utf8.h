/* utf8.h: strict UTF-8 checks for everything a user types. */
#ifndef WUYE_UTF8_H
#define WUYE_UTF8_H
#include <stdbool.h>
#include <stddef.h>

/* True when the n bytes are well-formed UTF-8 with no NUL byte: overlong forms,
 * surrogates, code points past U+10FFFF and truncated sequences are refused. */
bool utf8_valid(const char *s, size_t n);
/* The number of code points in n bytes of valid UTF-8. */
size_t utf8_count(const char *s, size_t n);

#endif
