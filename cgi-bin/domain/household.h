/* household.h: what a resident's portal shows about their home: the unit they are
 * working in, the community, and the people of the household. */
#ifndef WUYE_HOUSEHOLD_H
#define WUYE_HOUSEHOLD_H
#include "../core/arena.h"
#include "../core/db.h"

typedef struct household_member {
    const char *name;
    const char *relation; /* owner, tenant, family, other */
    const char *since;    /* YYYY-MM-DD */
    int is_self;
} household_member;

typedef struct household {
    long long unit_id; /* 0: the account is linked to no unit */
    const char *unit_code;
    const char *building_name;
    int floor;
    const char *area_m2;
    const char *unit_type;
    const char *relation; /* the account holder's relation to the unit */
    const char *community_name;
    const char *community_phone;
    const char *community_address;
    long long owed_fen; /* what the unit owes now (fee_account_owed) */
    household_member *members;
    size_t member_count;
} household;

/* Loads the household of resident account_id in its current unit. */
db_status household_load(arena *a, long long account_id, household *out);
/* The Chinese name of a relation code (业主, 租户, 家庭成员, 其他住户). */
const char *household_relation_name(const char *relation);

#endif
