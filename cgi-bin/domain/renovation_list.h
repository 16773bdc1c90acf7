/* renovation_list.h: the lists of decoration cases: the office's list of the community
 * (filtered by state or the group 待处理, searched by unit code, newest first, 20 a page)
 * and a household's cases for the portal. Functions answer 0 or a negative db_status. */
#ifndef WUYE_RENOVATION_LIST_H
#define WUYE_RENOVATION_LIST_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"

#define RENOVATION_PER_PAGE 20
#define RENOVATION_MAX_PAGE 500

/* The filter choices beyond the states: pending (待处理: submitted). */
extern const char *const renovation_list_filters[]; /* "pending" and every state, NULL-terminated */

/* One case in a list. */
typedef struct renovation_brief {
    long long id;
    const char *unit_code, *state, *source;
    const char *applicant_name, *company, *foreman;
    const char *planned_start, *planned_end, *permit_no;
    int workers;
    long long created_at, updated_at;
} renovation_brief;

/* Page page (1..RENOVATION_MAX_PAGE) of the community's cases, newest first: filter "" for
 * all, pending, or a state; unit a unit code prefix ("" for any). *total: all matches. */
int renovation_list(arena *a, long long community_id, const char *filter, const char *unit,
                    long long page_number, renovation_brief **rows, size_t *count, long long *total);
/* The cases of unit_id that its current household sees, newest first (at most 50): those
 * made since the earliest move-in of its current occupants, or applied for by one of them. */
int renovation_list_for_unit(arena *a, long long unit_id, renovation_brief **rows, size_t *count);
/* Whether case id is one of unit_id's that its current household sees (as above). */
int renovation_household_case(arena *a, long long unit_id, long long id, bool *sees);

#endif
