/* portal/login.c: /portal/login, the resident portal's login form. */
#include "../core/signin.h"

static const page login_page = {
    .name = "portal/login",
    .access = PAGE_PUBLIC,
    .flags = PAGE_LOGIN_FORM,
    .query_fields = signin_query_fields,
    .post_fields = signin_fields,
    .get = signin_get,
    .post = signin_post,
    .body_max = 8192,
};

int main(void) {
    return page_main(&login_page);
}
