/* archive.h: the resident archive (业主档案): units and their state, the people in
 * them (owners with shares, tenants with leases, family), move-in and move-out records,
 * vehicles and parking leases, access cards and keys with their logs. All SQL of the
 * archive lives in archive*.c.
 *
 * Functions answer an int like ticket.h: 0 when done; a negative db_status when the
 * database failed; or an HTTP status (404, 409, 422) with the refusal's message set, and
 * for 422 its field naming the form field at fault. Nothing is written unless 0. */
#ifndef WUYE_ARCHIVE_H
#define WUYE_ARCHIVE_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"

typedef struct archive_refusal {
    const char *message; /* in Chinese */
    const char *field;   /* 422: the field at fault, else NULL */
} archive_refusal;

/* --- roles (pure) ---------------------------------------------------------------------- */

/* Whether roles ("frontdesk,cashier") may act on the archive: frontdesk, clerk,
 * supervisor, manager, admin. */
bool archive_roles_may_act(const char *roles);
/* Whether roles may see full ID numbers and edit names and ID numbers: clerk, manager,
 * admin. */
bool archive_roles_see_id(const char *roles);
/* The ID number masked as 3301**********1234 (first 4 and last 4 kept; a number of 8
 * characters or fewer is all '*'), allocated in a. */
const char *archive_mask_id(arena *a, const char *id_number);
/* The Chinese name of a unit state, relation, card state, key state or checklist item. */
const char *archive_state_name(const char *state);
const char *archive_relation_name(const char *relation);
const char *archive_checklist_name(const char *item);
/* The checklist items of move records, NULL-terminated. */
extern const char *const archive_checklist_items[];

/* --- units ----------------------------------------------------------------------------- */

typedef struct archive_unit_cell {
    long long id;
    long long building_id;
    const char *building_code;
    const char *building_name;
    const char *code;
    int floor;
    const char *state;
    const char *owners; /* current owners' names joined by 、 */
} archive_unit_cell;

typedef struct archive_building {
    long long id;
    const char *code;
    const char *name;
} archive_building;

/* The community's buildings, by code. On a GET the list may be one the process kept
 * (core/refcache.h): read its items, never change them. */
int archive_buildings(arena *a, long long community_id, archive_building **out, size_t *count);
/* The units of the community (of building_id only when not 0), by building, floor from
 * the top, code; at most limit. */
int archive_units_grid(arena *a, long long community_id, long long building_id, int limit,
                       archive_unit_cell **out, size_t *count);
/* Units whose code contains q, or with a past or present occupant whose name contains q
 * or whose phone is q, or with a vehicle or parking lease of plate q; one page. */
int archive_units_search(arena *a, long long community_id, const char *q, int page_number, int per_page,
                         archive_unit_cell **out, size_t *count, long long *total);

typedef struct archive_unit {
    long long id;
    long long community_id;
    const char *code;
    const char *building_name;
    int floor;
    const char *area_m2;
    const char *type;
    const char *state;
} archive_unit;

/* The unit id of the community (404 when there is none). */
int archive_unit_load(arena *a, long long community_id, long long id, archive_unit *out,
                      archive_refusal *why);

typedef struct archive_occupant {
    long long id; /* occupancy row */
    long long person_id;
    const char *name;
    const char *phone;
    const char *relation;
    const char *since, *until; /* YYYY-MM-DD; until "" when current */
    const char *share;         /* owner: "50.00", else "" */
    const char *lease_start, *lease_end;
    long long rent_fen; /* -1 when none */
} archive_occupant;

typedef struct archive_move {
    const char *kind;
    const char *on_date;
    const char *checklist; /* comma-separated item codes */
    const char *notes;
    const char *person_name;
    const char *staff_name;
} archive_move;

typedef struct archive_vehicle {
    long long id;
    const char *plate, *model, *colour, *person_name;
} archive_vehicle;

typedef struct archive_parking {
    const char *space_code, *plate, *start_date, *end_date, *person_name;
    long long fee_fen;
} archive_parking;

typedef struct archive_log {
    long long item_id;
    const char *action;
    const char *holder; /* person name or the free text */
    const char *staff_name;
    long long at;
} archive_log;

typedef struct archive_card {
    long long id;
    const char *number, *state, *holder;
    long long person_id;
    long long since;
} archive_card;

typedef struct archive_key {
    long long id;
    const char *label, *state, *holder;
    long long since;
} archive_key;

/* Everything the unit page shows. */
typedef struct archive_unit_file {
    archive_occupant *occupants; /* current first, then past, newest first */
    size_t occupant_count;
    archive_move *moves;
    size_t move_count;
    archive_vehicle *vehicles;
    size_t vehicle_count;
    archive_parking *parking;
    size_t parking_count;
    archive_card *cards;
    size_t card_count;
    archive_log *card_logs; /* newest first */
    size_t card_log_count;
    archive_key *keys;
    size_t key_count;
    archive_log *key_logs;
    size_t key_log_count;
} archive_unit_file;

int archive_unit_file_load(arena *a, long long unit_id, archive_unit_file *out);

/* --- actions on a unit (archive_unit.c) --------------------------------------------------- */

/* A person named at the counter: found in the community by name and phone, else added. */
typedef struct archive_new_person {
    const char *name;
    const char *phone;
    const char *id_number;
} archive_new_person;

#define ARCHIVE_MAX_OWNERS 3

typedef struct archive_action {
    const char *code; /* move_in, change_owner, new_tenancy, end_tenancy, move_out, card_issue,
                         card_return, card_lost, key_issue, key_return, vehicle_add */
    const char *date; /* YYYY-MM-DD */
    archive_new_person person;
    const char *relation;                          /* move_in */
    long long share_bp;                            /* move_in owner: share in hundredths of a percent */
    archive_new_person owners[ARCHIVE_MAX_OWNERS]; /* change_owner */
    long long owner_share_bp[ARCHIVE_MAX_OWNERS];
    size_t owner_count;
    const char *lease_end; /* new_tenancy (the lease starts on date) */
    long long rent_fen;
    long long occupancy_id;  /* end_tenancy */
    const char *after_state; /* end_tenancy: occupied or vacant, "" to decide by who is left */
    const char *checklist;   /* move_in, move_out: comma-separated item codes */
    const char *notes;
    const char *number;  /* card_issue */
    long long person_id; /* card_issue, key_issue, vehicle_add: an occupant, 0 none */
    long long item_id;   /* card_return, card_lost, key_return */
    const char *label;   /* key_issue */
    const char *holder;  /* key_issue: someone not in the archive */
    const char *plate;   /* vehicle_add */
    const char *model, *colour;
    const char *space_code; /* vehicle_add: a parking lease too when set */
    const char *lease_start;
    long long fee_fen;
} archive_action;

/* Applies act to unit u in one transaction with its audit row (ctx names the actor). */
int archive_unit_apply(page_ctx *ctx, const archive_unit *u, const archive_action *act, archive_refusal *why);

/* --- people and what is out (archive_person.c) -------------------------------------------- */

typedef struct archive_person {
    long long id;
    const char *name, *phone, *email, *id_number, *birthday, *employer, *emergency_contact, *notes;
} archive_person;

/* The person id of the community (404 when there is none). */
int archive_person_load(arena *a, long long community_id, long long id, archive_person *out,
                        archive_refusal *why);
/* The person's occupancy rows (any unit of the community), current first. */
int archive_person_units(arena *a, long long person_id, archive_occupant **out, size_t *count);
/* Saves the person's editable fields (name and id_number too when identity is true),
 * with an audit row. */
int archive_person_save(page_ctx *ctx, const archive_person *p, bool identity, archive_refusal *why);
/* Records that the signed-in staff member saw person_id's full ID number. */
int archive_person_reveal(page_ctx *ctx, long long person_id);

typedef struct archive_out_item {
    const char *kind; /* card, key */
    long long id;
    const char *label; /* card number or key label */
    long long unit_id;
    const char *unit_code;
    const char *holder;
    long long since;
} archive_out_item;

/* Every card issued and key out now in the community, by unit; and what the logs say
 * should be out (issues minus returns and losses), for the accuracy check. */
int archive_out_now(arena *a, long long community_id, archive_out_item **out, size_t *count,
                    long long *cards_by_log, long long *keys_by_log);

/* SQL of the names of the present owners of the unit aliased u, joined with 、 ("" when
 * none), for a select list. */
#define ARCHIVE_OWNERS_SQL                                                                                   \
    "COALESCE((SELECT GROUP_CONCAT(p.name ORDER BY o.id SEPARATOR '、') FROM occupancy o JOIN person p ON " \
    "p.id = o.person_id WHERE o.unit_id = u.id AND o.until IS NULL AND o.relation = 'owner'), '')"

#endif
