/* roles.h: staff roles travel as a comma list of role codes ("frontdesk,cashier"), as
 * the session query builds them; these read such a list. */
#ifndef WUYE_ROLES_H
#define WUYE_ROLES_H
#include <stdbool.h>

/* True when the comma list roles (NULL: none) holds role exactly. */
bool roles_has(const char *roles, const char *role);
/* True when roles holds any of the NULL-terminated list of role codes. */
bool roles_has_any(const char *roles, const char *const *any);

#endif
