/* import_state.h: what an import knows while it runs (the community's records and the
 * file's new ones), shared by import.c (loading, writing) and import_check.c (the rows).
 * Internal to the import: pages use import.h. */
#ifndef WUYE_IMPORT_STATE_H
#define WUYE_IMPORT_STATE_H
#include "../core/strmap.h"
#include "import.h"

/* --- what the import knows: the community's records and the file's new ones --------- */

typedef struct building_entry {
    long long id; /* 0 until a new one is written */
    const char *code;
    bool is_new;
    int max_floor; /* highest floor among the file's new units in it */
} building_entry;

typedef struct unit_entry {
    long long id;
    size_t building; /* index into buildings */
    const char *code, *area, *type, *state;
    int floor;
    bool is_new;
    size_t row; /* the row that brought it (new units) */
} unit_entry;

typedef struct person_entry {
    long long id;
    const char *name, *phone, *id_number;
    bool is_new;
} person_entry;

typedef struct occupancy_entry {
    size_t unit, person;
    const char *relation, *since;
} occupancy_entry;

/* A growing array in the arena (the old copy stays behind: arenas do not free). */
#define GROW(a, array, count, capacity)                                                                      \
    ((count) < (capacity) ? 0 : import_grow((a), (void **)&(array), &(capacity), sizeof *(array), (count)))

/* Doubles *array (count elements of size bytes in use) into a new copy in a; -1 when out of memory. */
int import_grow(arena *a, void **array, size_t *capacity, size_t size, size_t count);

typedef struct import_state {
    arena *a;
    const import_options *o;
    import_report *r;
    building_entry *buildings;
    size_t building_count, building_capacity;
    unit_entry *units;
    size_t unit_count, unit_capacity;
    person_entry *people;
    size_t person_count, person_capacity;
    occupancy_entry *occupancies;
    size_t occupancy_count, occupancy_capacity;
    strmap building_map, unit_map, person_map, occupancy_map;
    int columns[IMPORT_COLUMN_COUNT]; /* the file's column of each of ours, -1: absent */
} import_state;

/* Our columns, in the order of IMPORT_COLUMNS. */
enum { C_BUILDING, C_UNIT, C_FLOOR, C_AREA, C_TYPE, C_STATE, C_NAME, C_PHONE, C_ID, C_RELATION, C_SINCE };

/* Adds a building (id 0 until a new one is written) to s and its map; -1 when out of memory. */
int import_add_building(import_state *s, long long id, const char *code, bool is_new, size_t *index);
/* Adds a copy of *u to s and its map; -1 when out of memory. */
int import_add_unit(import_state *s, const unit_entry *u, size_t *index);
/* Adds a copy of *p to s, known by name and phone and by name and ID number; -1 when out of memory. */
int import_add_person(import_state *s, const person_entry *p, size_t *index);
/* The key a person is known by (in a), or NULL when there is neither phone nor ID number. */
const char *import_person_key(arena *a, const char *name, const char *phone, const char *id_number);
/* The key an occupancy is known by, in s->a. */
const char *import_occupancy_key(import_state *s, size_t unit, size_t person, const char *relation);

/* Maps the file's columns to ours (s->columns); problems go to the report. -1: out of memory. */
int import_map_columns(import_state *s, const import_csv *csv);
/* Checks one row against everything known, adding what it creates. -1: out of memory. */
int import_check_row(import_state *s, const import_csv_row *row);

#endif
