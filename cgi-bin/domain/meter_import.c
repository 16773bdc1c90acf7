/* meter_import.c: an uploaded file of readings (房号,读数) read into entries for
 * meter_save; the rows it cannot read become problems with their row numbers. */
#include "meter_import.h"

#include <string.h>

#include "../core/field.h"

/* s without the spaces and tabs around it, in a. */
static const char *trim(arena *a, const char *s) {
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return arena_strndup(a, s, n);
}

int meter_import_read(arena *a, const char *data, size_t len, bool confirm_all, meter_entry **out,
                      size_t *count, import_problems *problems) {
    import_csv csv;
    *count = 0;
    if (import_csv_parse(a, data, len, &csv, problems) != 0)
        return -1;
    *out = arena_alloc(a, (csv.row_count ? csv.row_count : 1) * sizeof **out);
    if (!*out)
        return -1;
    if (!csv.header)
        return 0; /* the reader said why */
    const char *h0 = csv.columns == 2 ? trim(a, csv.header[0]) : "";
    const char *h1 = csv.columns == 2 ? trim(a, csv.header[1]) : "";
    if (!h0 || !h1)
        return -1;
    if (strcmp(h0, METER_IMPORT_COLUMNS_0) != 0 || strcmp(h1, METER_IMPORT_COLUMNS_1) != 0)
        return import_problem_add(a, problems, 1, NULL, "表头应为两列：房号,读数");
    for (size_t i = 0; i < csv.row_count; i++) {
        const import_csv_row *row = &csv.rows[i];
        const char *unit = trim(a, row->cells[0]);
        const char *reading = trim(a, row->cells[1]);
        if (!unit || !reading)
            return -1;
        if (!unit[0] && !reading[0])
            continue;
        if (!field_unit_code_valid(unit)) {
            if (import_problem_add(a, problems, row->number, METER_IMPORT_COLUMNS_0,
                                   "房号应为 楼栋-单元-房号，例如 1-1-101") != 0)
                return -1;
            continue;
        }
        if (!reading[0])
            continue; /* no reading this month, as an empty box on the sheet */
        (*out)[(*count)++] =
            (meter_entry){.unit_code = unit, .text = reading, .confirmed = confirm_all, .line = row->number};
    }
    return 0;
}
