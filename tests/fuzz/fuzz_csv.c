/* fuzz_csv.c: libFuzzer target for the strict CSV reader of uploads: whatever the bytes,
 * every row it keeps has the header's column count, valid UTF-8 cells within the field
 * limit and rising row numbers; and writing those rows out quoted reads back the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/utf8.h"
#include "../../cgi-bin/domain/import_csv.h"

/* The rows of csv written back as CSV, every cell quoted, into a new arena string. */
static char *write_back(arena *a, const import_csv *csv, size_t *len) {
    size_t cap = 16;
    for (size_t c = 0; c < csv->columns; c++)
        cap += 2 * strlen(csv->header[c]) + 3;
    for (size_t r = 0; r < csv->row_count; r++)
        for (size_t c = 0; c < csv->columns; c++)
            cap += 2 * strlen(csv->rows[r].cells[c]) + 3;
    char *out = arena_alloc(a, cap + 2 * (csv->row_count + 1));
    if (out == NULL)
        abort();
    size_t n = 0;
    for (size_t r = 0; r <= csv->row_count; r++) {
        const char **cells = r == 0 ? csv->header : csv->rows[r - 1].cells;
        for (size_t c = 0; c < csv->columns; c++) {
            out[n++] = '"';
            for (const char *p = cells[c]; *p; p++) {
                if (*p == '"')
                    out[n++] = '"';
                out[n++] = *p;
            }
            out[n++] = '"';
            out[n++] = c + 1 < csv->columns ? ',' : '\n';
        }
    }
    *len = n;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static arena *a;
    if (a == NULL && (a = arena_new()) == NULL)
        abort();
    import_csv csv;
    import_problems problems = {0};
    if (import_csv_parse(a, (const char *)data, size, &csv, &problems) != 0)
        abort();
    if (problems.count > IMPORT_CSV_MAX_PROBLEMS || problems.count > problems.total)
        abort();
    if (csv.row_count > IMPORT_CSV_MAX_ROWS || csv.row_count > csv.data_rows)
        abort();
    if (csv.header == NULL) {
        if (csv.row_count != 0 || problems.total == 0)
            abort();
        arena_reset(a);
        return 0;
    }
    if (csv.columns == 0 || csv.columns > IMPORT_CSV_MAX_COLUMNS)
        abort();
    size_t last = 1;
    for (size_t r = 0; r < csv.row_count; r++) {
        if (csv.rows[r].number <= last)
            abort();
        last = csv.rows[r].number;
        for (size_t c = 0; c < csv.columns; c++) {
            const char *cell = csv.rows[r].cells[c];
            size_t n = strlen(cell);
            if (n > IMPORT_CSV_MAX_FIELD || !utf8_valid(cell, n))
                abort();
        }
    }
    /* Quoted, the kept rows read back unchanged (a header cell or an empty one-column
     * row written as "" reads back as a row too, so only files of more than one column). */
    if (csv.columns > 1 && problems.total == 0) {
        size_t len;
        char *again = write_back(a, &csv, &len);
        import_csv back;
        import_problems none = {0};
        if (import_csv_parse(a, again, len, &back, &none) != 0 || none.total != 0 ||
            back.row_count != csv.row_count || back.columns != csv.columns)
            abort();
        for (size_t r = 0; r < csv.row_count; r++)
            for (size_t c = 0; c < csv.columns; c++)
                if (strcmp(back.rows[r].cells[c], csv.rows[r].cells[c]) != 0)
                    abort();
    }
    arena_reset(a);
    return 0;
}
