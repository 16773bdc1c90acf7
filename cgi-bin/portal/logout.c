/* portal/logout.c: /portal/logout, POST only: ends the session everywhere. */
#include "../core/signin.h"

static const page logout_page = {
    .name = "portal/logout",
    .access = PAGE_RESIDENT,
    .post = signin_logout,
    .body_max = 4096,
};

int main(void) {
    return page_main(&logout_page);
}
