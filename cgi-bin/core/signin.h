/* signin.h: the login and logout flow shared by the resident portal and the back
 * office; the two differ only in the kind of account and their wording. */
#ifndef WUYE_SIGNIN_H
#define WUYE_SIGNIN_H
#include "page.h"

/* The fields of both login forms: login and password. */
extern const field signin_fields[];
/* The fields of the login page's query string (bye=1 after a logout). */
extern const field signin_query_fields[];

/* GET of a login page: the form, or 303 home when already signed in. */
int signin_get(page_ctx *ctx);
/* POST of a login page: throttle, check the password, record the attempt, sign in. */
int signin_post(page_ctx *ctx);
/* POST of a logout page: ends every session of the account, clears the cookie. */
int signin_logout(page_ctx *ctx);

#endif
