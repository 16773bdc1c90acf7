/* import_csv.h: a strict RFC 4180 CSV reader for uploaded files (pure: no SQL, no I/O).
 * UTF-8 only (a leading BOM is skipped), CRLF or LF line ends, quoted fields with ""
 * escapes and embedded line breaks, a header row, the same column count on every row. */
#ifndef WUYE_IMPORT_CSV_H
#define WUYE_IMPORT_CSV_H
#include "../core/arena.h"
#include <stdbool.h>
#include <stddef.h>

#define IMPORT_CSV_MAX_ROWS 20000   /* data rows, the header not counted */
#define IMPORT_CSV_MAX_FIELD 1000   /* bytes in one field */
#define IMPORT_CSV_MAX_COLUMNS 64   /* columns of the header */
#define IMPORT_CSV_MAX_PROBLEMS 500 /* problems kept; later ones are only counted */

/* One problem found in a file: the row (the header is row 1, as a spreadsheet numbers
 * it; 0 for the file as a whole), the column's name (NULL: the whole row) and a message
 * in Chinese saying what to fix. */
typedef struct import_problem {
    size_t row;
    const char *column;
    const char *message;
} import_problem;

/* The problems of a file, kept in order up to IMPORT_CSV_MAX_PROBLEMS. */
typedef struct import_problems {
    import_problem *items;
    size_t count; /* kept */
    size_t total; /* found, kept or not */
    size_t capacity;
} import_problems;

/* A data row that parsed cleanly: as many cells as the header has columns. */
typedef struct import_csv_row {
    size_t number; /* the row's number in the file (header = 1) */
    const char **cells;
} import_csv_row;

typedef struct import_csv {
    size_t columns;
    const char **header;
    import_csv_row *rows; /* the rows without a problem, in file order */
    size_t row_count;
    size_t data_rows; /* every data row read, those with problems included */
    bool stopped;     /* a problem ended the reading early (the rest is unread) */
} import_csv;

/* Reads len bytes of data into out, everything allocated in a; every row with a
 * problem (bad UTF-8, wrong column count, a stray quote, a field too long) is added to
 * problems and left out of out->rows. Empty lines are skipped. Returns 0, or -1 when
 * out of memory. */
int import_csv_parse(arena *a, const char *data, size_t len, import_csv *out, import_problems *problems);

/* Adds a problem (message copied by reference: keep it alive as long as problems).
 * Returns 0, or -1 when out of memory. */
int import_problem_add(arena *a, import_problems *problems, size_t row, const char *column,
                       const char *message);

#endif
