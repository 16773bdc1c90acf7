/* import.h: importing buildings, units and people from one CSV file, and exporting the
 * units with their people in the same layout. Every row is checked before anything is
 * written; the writing is one transaction, all or nothing. */
#ifndef WUYE_IMPORT_H
#define WUYE_IMPORT_H
#include "../core/arena.h"
#include "../core/db.h"
#include "import_csv.h"
#include <stdbool.h>

/* The columns, in the order of the export (an import accepts them in any order). */
#define IMPORT_COLUMNS                                                                                       \
    "building,unit,floor,area_m2,type,state,owner_name,owner_phone,owner_id_number,relation,since"
#define IMPORT_COLUMN_COUNT 11

typedef struct import_report {
    size_t rows; /* data rows read */
    size_t new_buildings, new_units, new_people, new_occupancies;
    size_t existing_units; /* rows that add people to units already there */
    import_problems problems;
    bool written;    /* the transaction committed */
    double check_ms; /* time spent reading and checking */
    double write_ms; /* time spent writing (0 for a dry run) */
} import_report;

typedef struct import_options {
    long long community_id;
    bool create_buildings; /* false: a building not yet in the community is a problem */
    bool write;            /* false: a dry run, nothing is written */
    const char *today;     /* YYYY-MM-DD, the since of rows that leave it empty */
    /* Called inside the transaction after the rows are written and before the commit
     * (e.g. to append the audit row); a status other than DB_OK rolls everything back. */
    db_status (*before_commit)(void *arg, const import_report *report);
    void *arg;
} import_options;

/* Reads and checks the CSV file data (len bytes) for community o->community_id; with
 * o->write and no problem, writes it all in one transaction. Problems go to
 * report->problems (nothing is written then). Returns DB_OK (problems or not), or the
 * status of a failed database call (nothing written). Allocates in a. */
db_status import_run(arena *a, const char *data, size_t len, const import_options *o, import_report *report);

/* One line of the export: unit columns empty on the second and later lines of a unit. */
typedef struct import_export_row {
    const char *cells[IMPORT_COLUMN_COUNT];
} import_export_row;

/* The community's units with their current occupants (owners first), one line per
 * occupant, a unit without any on a line of its own. Allocates in a. */
db_status import_export_units(arena *a, long long community_id, import_export_row **rows, size_t *count);

/* The community's time zone (for "today"); *found false when there is no such community. */
db_status import_community_zone(arena *a, long long community_id, const char **zone, bool *found);

/* The id of the last row this connection inserted (e.g. the audit row of an import). */
db_status import_last_insert_id(arena *a, long long *id);

/* The summary stored with an import's audit row id of community_id: *detail NULL when
 * there is no such import. */
db_status import_result_load(arena *a, long long community_id, long long audit_id, const char **detail,
                             long long *at);

/* Appends the audit row of an import run outside any page (wuye-import: actor system). */
db_status import_audit_system(long long community_id, long long now, const char *detail);

/* The summary sentence of a report: "新建 1 栋楼、5000 户、5000 人、5000 条入住登记". */
const char *import_summary(arena *a, const import_report *r);

#endif
