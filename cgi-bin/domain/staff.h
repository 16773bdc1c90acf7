/* staff.h: what the back office shows about a staff member: their department, their
 * roles in the community, and their recent sign-ins. */
#ifndef WUYE_STAFF_H
#define WUYE_STAFF_H
#include "../core/arena.h"
#include "../core/db.h"

typedef struct staff_login {
    long long at; /* unix time */
    const char *address;
    int success;
} staff_login;

typedef struct staff_profile {
    const char *name;
    const char *login;
    const char *phone;
    const char *department;
    const char *community_name;
    const char **roles; /* role names in the community */
    size_t role_count;
    staff_login *logins; /* newest first */
    size_t login_count;
} staff_profile;

/* Loads staff_id's profile in community_id, with their last `recent` login attempts. */
db_status staff_load(arena *a, long long staff_id, long long community_id, int recent, staff_profile *out);

#endif
