/* page_keep.h: a page's body kept from one request to the next, in the store of kept
 * answers (db_kept_find, core/db_keep.h), while the community's data version holds.
 *
 * A body is shared by everyone of the community who holds the same roles: the key is the
 * page, the raw query string, the kind of account and its roles, the person too where the
 * page says so (per_user: a technician's queue is their own), and, while templates are
 * reloaded (development), a stamp of the template files. A page may keep its body only when
 * these, its community's data and ctx->now are all the body depends on; it says until when
 * its body holds (valid_until: the first second it would read otherwise). The layout around
 * it (the person's name, the logout form) is made for each request. A body that carries the
 * request's CSRF token is never kept: it belongs to one session.
 *
 * Use: first thing in a GET handler, `int kept = page_kept_body(ctx, per_user); if (kept >=
 * 0) return kept;`; after filling the body from page_body, page_keep_body(ctx, per_user,
 * valid_until) with the same per_user. */
#ifndef WUYE_PAGE_KEEP_H
#define WUYE_PAGE_KEEP_H
#include "page.h"

/* No later second bounds a body (it holds until the data changes). */
#define PAGE_KEEP_DATA_ONLY 0

/* When a body kept for this request is still valid at ctx->now, puts it in the layout
 * (with its title) and returns 0 (500 when that failed): the handler returns that. -1 when
 * none is kept: the handler makes the body. */
int page_kept_body(page_ctx *ctx, bool per_user);
/* Keeps the body the handler filled through page_body (expanding it now; the layout then
 * takes the expanded text). valid_until is PAGE_KEEP_DATA_ONLY or a time after ctx->now;
 * a time not after it keeps nothing. */
void page_keep_body(page_ctx *ctx, bool per_user, long long valid_until);
/* A number that changes when any template file under dir changes (its time or size, a
 * file added or removed); 0 when dir cannot be read. */
unsigned long long page_keep_stamp(const char *dir);

#endif
