/* csv.h: CSV exports for spreadsheets: the UTF-8 BOM Excel needs, every cell quoted with
 * its quotes doubled, and a cell a spreadsheet would read as a formula neutralised with a
 * leading '. The writer keeps the first failure, so a caller checks once at the end. */
#ifndef WUYE_CSV_H
#define WUYE_CSV_H
#include "buf.h"
#include "response.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct csv {
    buf *out;
    bool plain_numbers; /* set by the caller: leave numbers such as -3, +2, 33.3% unguarded */
    bool in_row;        /* a cell was written on this row: the next one needs a comma */
    bool failed;        /* an append ran out of memory */
} csv;

/* Starts a document in out (appending) with the UTF-8 BOM; cells starting with = + - @,
 * tab or CR are all guarded until the caller sets plain_numbers. */
void csv_begin(csv *w, buf *out);
/* Appends one cell to the current row; NULL is an empty cell. */
void csv_cell(csv *w, const char *s);
/* Ends the current row; with no cell written it is an empty line. */
void csv_end_row(csv *w);
/* Appends n cells and ends the row. */
void csv_row(csv *w, const char *const *cells, size_t n);
/* 0 when everything was written, -1 when an append failed. */
int csv_status(const csv *w);
/* Sets the response's Content-Type (text/csv, UTF-8) and Content-Disposition (an
 * attachment named filename, which holds no quote, CR or LF). 0, or -1. */
int csv_response_headers(response *r, const char *filename);

/* csv_row over the cells listed: CSV_ROW(&w, "a", "b", c). */
#define CSV_ROW(w, ...)                                                                                      \
    csv_row((w), (const char *const[]){__VA_ARGS__},                                                         \
            sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

#endif
