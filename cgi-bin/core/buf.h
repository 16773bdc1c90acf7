/* buf.h: a growable byte buffer, used to assemble response headers and bodies. */
#ifndef WUYE_BUF_H
#define WUYE_BUF_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct buf {
    char *data; /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
} buf;

/* An empty buffer; no allocation until the first append. */
void buf_init(buf *b);
/* Appends n bytes; 0 on success, -1 when out of memory. */
int buf_append(buf *b, const void *data, size_t n);
/* Appends a NUL-terminated string; 0 or -1. */
int buf_puts(buf *b, const char *s);
/* Appends formatted text; 0 or -1. */
int buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer, keeping its memory. */
void buf_reset(buf *b);
/* Frees the buffer's memory and leaves it empty. */
void buf_free(buf *b);

#ifdef __cplusplus
}
#endif
#endif
