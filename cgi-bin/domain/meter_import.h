/* meter_import.h: reading a file of meter readings (UTF-8 CSV, header 房号,读数). */
#ifndef WUYE_METER_IMPORT_H
#define WUYE_METER_IMPORT_H
#include "import_csv.h"
#include "meter.h"

#define METER_IMPORT_COLUMNS_0 "房号"
#define METER_IMPORT_COLUMNS_1 "读数"

/* Reads len bytes into entries (in a) for meter_save, every one confirmed when
 * confirm_all; rows that cannot be read (and a wrong header) go to problems. Rows with no
 * reading are skipped. 0, or -1 when out of memory. */
int meter_import_read(arena *a, const char *data, size_t len, bool confirm_all, meter_entry **out,
                      size_t *count, import_problems *problems);

#endif
