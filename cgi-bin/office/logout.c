/* office/logout.c: /office/logout, POST only: ends the session everywhere. */
#include "../core/signin.h"

static const page logout_page = {
    .name = "office/logout",
    .access = PAGE_STAFF,
    .post = signin_logout,
    .body_max = 4096,
};

int main(void) {
    return page_main(&logout_page);
}
