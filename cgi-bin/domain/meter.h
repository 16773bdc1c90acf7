/* meter.h: 抄表: meter readings per unit, metered item and month. A reading follows the
 * latest current reading of an earlier month; one lower than it (a new meter) or a usage
 * far above the unit's recent average must be confirmed. A reading is corrected by a new
 * row (the old one kept, current_key NULL) only while it is not billed. */
#ifndef WUYE_METER_H
#define WUYE_METER_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/page.h"

/* A building or a metered item to choose from. */
typedef struct meter_choice {
    long long id;
    const char *code, *name;
    const char *unit_label; /* items only */
} meter_choice;

/* The community's buildings (by code) and active metered items (in their order). */
int meter_buildings(arena *a, long long community_id, meter_choice **out, size_t *count);
int meter_items(arena *a, long long community_id, meter_choice **out, size_t *count);

/* What is known of one unit for a month: the reading it follows and the recent usage. */
typedef struct meter_unit {
    long long unit_id;
    const char *code;
    int floor;
    bool has_previous; /* a current reading of an earlier month */
    long long previous_c;
    const char *previous_period;
    int history; /* earlier readings with a usage, of the last 3 (0..3) */
    long long history_usage_c;
    /* the month's current reading, if any */
    long long reading_id; /* 0: none */
    long long reading_c, usage_c;
    const char *flag, *source, *staff_name;
    long long at;
    bool billed;
    const char *later_period; /* the first later month with a reading (NULL: none): this one is fixed */
} meter_unit;

/* The units of building_id (0: of the whole community) that pay item_id, in floor and
 * code order, with what is known of them for period. 0, or a db_status < 0. */
int meter_units(arena *a, long long community_id, long long building_id, long long item_id,
                const char *period, meter_unit **out, size_t *count);

/* One reading to save: entered on the sheet (line 0) or a row of an imported file. */
typedef struct meter_entry {
    const char *unit_code;
    const char *text; /* the reading as entered */
    bool confirmed;   /* the person confirmed a flagged reading */
    size_t line;      /* the file's row number, 0 on the sheet */
    /* set by meter_save */
    const meter_unit *unit;
    long long reading_c, usage_c;
    bool has_previous;
    const char *flag;    /* "none", "lower" or "jump" */
    const char *problem; /* NULL, or why it cannot be saved as it is */
    int status;          /* with problem: 422, or 409 (the month's reading is billed) */
    bool unchanged;      /* the same as the month's current reading: nothing to write */
} meter_entry;

typedef struct meter_batch {
    long long building_id; /* 0: any unit of the community */
    long long item_id;
    const char *period;
    int jump_factor;
    const char *source; /* "page" or "import" */
    bool write;         /* false: check only */
} meter_batch;

/* Checks every entry against the units and their history, and when write is set and no
 * entry has a problem, writes them all in one transaction with an audit row. *problems
 * counts the entries with one (nothing written then), *written the rows added; units
 * (count) are the units read. 0, or a db_status < 0. */
int meter_save(page_ctx *ctx, const meter_batch *b, meter_entry *entries, size_t n, size_t *problems,
               size_t *written);

#endif
