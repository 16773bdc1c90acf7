/* roles.c: membership tests on comma lists of role codes. */
#include "roles.h"

#include <string.h>

bool roles_has(const char *roles, const char *role) {
    size_t n = strlen(role);
    for (const char *p = roles; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && !strncmp(p, role, n))
            return true;
        if (!comma)
            break;
        p = comma + 1;
    }
    return false;
}

bool roles_has_any(const char *roles, const char *const *any) {
    for (; *any; any++)
        if (roles_has(roles, *any))
            return true;
    return false;
}
