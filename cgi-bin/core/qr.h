/* qr.h: QR codes (ISO/IEC 18004) for the printable notices and survey slips: byte mode,
 * error correction level M, the smallest version 1-10 that holds the text, the best of
 * the eight masks. No library of the stack makes them, so this one does. */
#ifndef WUYE_QR_H
#define WUYE_QR_H
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#define QR_MAX_SIZE 57 /* modules per side of version 10 */

typedef struct qr_code {
    int version;                                  /* 1..10 */
    int size;                                     /* 17 + 4 * version modules per side */
    unsigned char dark[QR_MAX_SIZE][QR_MAX_SIZE]; /* 1: a dark module, [row][column] */
} qr_code;

/* Encodes len bytes of text. 0, or -1 when it does not fit version 10 at level M
 * (213 bytes). */
int qr_encode(const char *text, size_t len, qr_code *out);

/* The code of text as an inline SVG element (a 4-module quiet zone, one path of the dark
 * modules, presentation attributes only: the pages' CSP forbids inline styles), with
 * width and height of px pixels, in the arena; NULL when the text does not fit. label is
 * the aria-label (NULL: none). */
const char *qr_svg(arena *a, const char *text, int px, const char *label);

#endif
