/* audit.h: the append-only record of who did what to which record, from where. */
#ifndef WUYE_AUDIT_H
#define WUYE_AUDIT_H
#include "../core/db.h"
#include "../core/page.h"

/* Appends one row for the signed-in user of ctx (or the system when nobody is):
 * action such as "login", object_type such as "account", object_id (0: none). */
db_status audit_record(const page_ctx *ctx, const char *action, const char *object_type, long long object_id,
                       const char *detail);
/* The same for an actor named explicitly (kind 'r' or 's'), e.g. at login, before the
 * session exists. */
db_status audit_record_as(const page_ctx *ctx, char kind, long long actor_id, long long community_id,
                          const char *action, const char *object_type, long long object_id,
                          const char *detail);

#endif
