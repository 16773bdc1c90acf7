/* buf.c: a growable, always NUL-terminated byte buffer on malloc, for response
 * headers and bodies whose size is not known in advance. */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most headers fit; bodies double from here. */
#define BUF_MIN_CAP 256

void buf_init(buf *b) {
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

/* Makes room for n more bytes plus the terminating NUL. */
static int buf_reserve(buf *b, size_t n) {
    if (n > SIZE_MAX - b->len - 1) {
        return -1;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap) {
        return 0;
    }
    size_t cap = b->cap < BUF_MIN_CAP ? BUF_MIN_CAP : b->cap;
    while (cap < need) {
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    }
    char *data = realloc(b->data, cap);
    if (data == NULL) {
        return -1;
    }
    b->data = data;
    b->cap = cap;
    return 0;
}

int buf_append(buf *b, const void *data, size_t n) {
    if (buf_reserve(b, n) != 0) {
        return -1;
    }
    if (n > 0) {
        memcpy(b->data + b->len, data, n);
    }
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int buf_puts(buf *b, const char *s) {
    return buf_append(b, s, strlen(s));
}

int buf_printf(buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || buf_reserve(b, (size_t)n) != 0) {
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void buf_reset(buf *b) {
    b->len = 0;
    if (b->data != NULL) {
        b->data[0] = '\0';
    }
}

void buf_free(buf *b) {
    free(b->data);
    buf_init(b);
}
