/* page.h: the page loop every page program runs. A page file declares a page (its
 * access, fields and handlers) and calls page_main; the loop accepts each request,
 * parses and validates it, authenticates, checks CSRF on POST, calls the handler,
 * renders, logs one line and frees the request's memory. */
#ifndef WUYE_PAGE_H
#define WUYE_PAGE_H
#include "arena.h"
#include "config.h"
#include "db.h"
#include "field.h"
#include "request.h"
#include "response.h"
#include "session.h"
#include "view.h"
#include <stdbool.h>

typedef enum {
    PAGE_PUBLIC,   /* anyone; a session is read if present */
    PAGE_RESIDENT, /* a signed-in resident, else 303 to /portal/login */
    PAGE_STAFF,    /* a signed-in staff member, else 303 to /office/login */
} page_access;

enum {
    PAGE_LOGIN_FORM = 1u << 0, /* its POST is checked against the pre-session token */
    PAGE_TOKEN_FORM = 1u << 1, /* a /form/ page: its forms are bound to the link token ?t= */
};

/* The signed-in person, loaded by the loop after the session checks out. */
typedef struct page_user {
    long long id;
    long long community_id;
    char kind; /* account_kind */
    const char *name;
    const char *community_name;
    const char *community_zone; /* e.g. Asia/Shanghai: times are shown in it */
    const char *roles;          /* staff: role codes in the community, "frontdesk,cashier" */
    const char *role_name;      /* staff: the first role's name, e.g. 客服前台 */
    const char *login;
    long long unit_id;      /* resident: the account's current unit (0: none), read with the session */
    long long ref_version;  /* the community's reference lists' version (core/refcache.h) */
    long long data_version; /* the community's data version (core/db_keep.h) */
} page_user;

typedef struct page_ctx page_ctx;

/* A handler answers with 0 after filling the response (page_render, page_redirect),
 * or an HTTP status >= 400, which the loop turns into the error page. */
typedef int (*page_handler)(page_ctx *ctx);

typedef struct page {
    const char *name; /* "portal/login": the log name and the URL */
    page_access access;
    unsigned flags;
    const field *query_fields; /* GET and POST: validated from the query string */
    const field *post_fields;  /* POST: validated from the body */
    page_handler get;          /* NULL: GET answers 405 */
    page_handler post;         /* NULL: POST answers 405 */
    size_t body_max;           /* this page's body cap in bytes; 0: the configured cap */
} page;

struct page_ctx {
    const page *page;
    const config *config;
    arena *arena;
    request *req;
    response *resp;
    form query; /* validated query fields */
    form post;  /* validated body fields (POST only) */
    session session;
    bool signed_in;
    page_user user;
    view *view;       /* the root dictionary of the layout, created by the loop */
    const char *csrf; /* the token every form of this response carries */
    long long now;
    const char *error_message; /* set by page_error for the error page */
    bool layout;               /* page_body was called: expand the layout */
    view *body;                /* page_body's: the body dictionary, its template and title */
    const char *body_template;
    const char *title;
    const char *presession; /* the login form's pre-session value, if any */
};

/* Runs the loop for p until the process is told to stop; returns the exit code. */
int page_main(const page *p);

/* Renders body_template inside the layout with title; the handler fills page_body's
 * values. Returns the body dictionary to fill, or NULL on failure. */
view *page_body(page_ctx *ctx, const char *body_template, const char *title);
/* True when the signed-in staff member holds role (a role code) in the community. */
bool page_has_role(const page_ctx *ctx, const char *role);
/* Answers status with the error page saying message (Chinese, what to do next).
 * Returns status for the handler to return. */
int page_error(page_ctx *ctx, int status, const char *message);
/* Answers 429 with Retry-After: wait_seconds, the message being why, "请在 N 分钟后再试"
 * and then (what else to do). Returns 429 for the handler to return. */
int page_retry_later(page_ctx *ctx, long wait_seconds, const char *why, const char *then);
/* Answers a failed database call: 503 when the database is unreachable, else 500. */
int page_db_error(page_ctx *ctx, db_status status);
/* Answers 303 to location. Returns 0 for the handler to return. */
int page_redirect(page_ctx *ctx, const char *location);
/* Starts a signed-in session for the user (after a good password): sets the cookie. */
int page_sign_in(page_ctx *ctx, char kind, long long user_id, long long community_id, long long epoch);
/* Ends the session cookie in this browser (the caller ends the epoch in the database). */
void page_sign_out(page_ctx *ctx);
/* Copies the entered values and errors of form f into dict d for a re-rendered form:
 * for each field NAME, {{NAME}} holds the value and section {{#NAME_ERROR}} shows with
 * {{MESSAGE}}. Secret fields are not copied back. */
void page_form_values(page_ctx *ctx, const form *f, view *d);

/* The cookie names of the contract. */
#define COOKIE_RESIDENT "wuye_r"
#define COOKIE_STAFF "wuye_s"
#define COOKIE_PRESESSION "wuye_pre"

#endif
