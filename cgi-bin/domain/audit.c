/* audit.c: appends to audit_log. */
#include "audit.h"

#include <string.h>

db_status audit_record_as(const page_ctx *ctx, char kind, long long actor_id, long long community_id,
                          const char *action, const char *object_type, long long object_id,
                          const char *detail) {
    /* detail is cut to the column's 1000 characters (LEFT counts characters): a composed
     * detail may quote a longer text, which its own row keeps whole. */
    static db_stmt st =
        DB_STMT("audit_record",
                "INSERT INTO audit_log (at, community_id, actor_kind, actor_id, action, object_type, "
                "object_id, address, detail) VALUES (FROM_UNIXTIME(?), ?, ?, ?, ?, ?, ?, ?, LEFT(?, 1000))");
    const char *actor = kind == ACCOUNT_STAFF ? "staff" : kind == ACCOUNT_RESIDENT ? "resident" : "system";
    db_arg args[9] = {
        DB_INT(ctx->now),
        community_id ? DB_INT(community_id) : DB_NULL,
        DB_TEXT(actor),
        actor_id ? DB_INT(actor_id) : DB_NULL,
        DB_TEXT(action),
        DB_TEXT(object_type),
        object_id ? DB_INT(object_id) : DB_NULL,
        DB_TEXT(ctx->req->remote_addr),
        DB_TEXT(detail ? detail : ""),
    };
    return db_exec(&st, args, 9, NULL, NULL);
}

db_status audit_record(const page_ctx *ctx, const char *action, const char *object_type, long long object_id,
                       const char *detail) {
    if (!ctx->signed_in)
        return audit_record_as(ctx, 0, 0, 0, action, object_type, object_id, detail);
    return audit_record_as(ctx, ctx->user.kind, ctx->user.id, ctx->user.community_id, action, object_type,
                           object_id, detail);
}
