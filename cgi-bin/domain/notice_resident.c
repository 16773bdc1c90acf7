/* notice_resident.c: 公告 as a household sees them: the live notices for the account's
 * current unit, the unread ones for the home page, opening one (which records the
 * reading), and the attachments, which only the notice's audience (or its staff) may get. */
#include <stdio.h>
#include <string.h>

#include "notice_sql.h"

/* A list of notices with the read flag after the notice columns. */
static int fill_list(arena *a, const db_rows *r, notice **out, size_t *count) {
    *out = arena_alloc(a, (r->count ? r->count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r->count; i++) {
        notice_fill_row(r, i, &(*out)[i]);
        (*out)[i].read = db_cell_int(r, i, NOTICE_NCOLUMNS) != 0;
    }
    *count = r->count;
    return 0;
}

#define NOTICE_READ_BY_ACCOUNT                                                                               \
    "EXISTS (SELECT 1 FROM notice_read nr WHERE nr.notice_id = n.id AND nr.account_id = ac.id)"

int notice_list_for_resident(arena *a, long long account_id, long long now, long long page_number,
                             notice **out, size_t *count, long long *total) {
    static db_stmt list =
        DB_STMT("notice_resident_list",
                "SELECT " NOTICE_COLUMNS ", " NOTICE_READ_BY_ACCOUNT " AS is_read " NOTICE_FROM
                " JOIN account ac ON ac.id = ? WHERE " NOTICE_LIVE_FOR_ACCOUNT
                " ORDER BY (NOT " NOTICE_READ_BY_ACCOUNT " AND n.importance = 'urgent') DESC, "
                "n.publish_at DESC, n.id DESC LIMIT ? OFFSET ?");
    static db_stmt counted =
        DB_STMT("notice_resident_count", "SELECT COUNT(*) FROM notice n JOIN account ac ON "
                                         "ac.id = ? WHERE " NOTICE_LIVE_FOR_ACCOUNT);
    db_rows r;
    db_arg cargs[3] = {DB_INT(account_id), DB_INT(now), DB_INT(now)};
    db_status s = db_exec(&counted, cargs, 3, a, &r);
    if (s != DB_OK)
        return s;
    *total = db_cell_int(&r, 0, 0);
    long long offset = (page_number > 1 ? page_number - 1 : 0) * NOTICE_PER_PAGE;
    db_arg args[5] = {DB_INT(account_id), DB_INT(now), DB_INT(now), DB_INT(NOTICE_PER_PAGE), DB_INT(offset)};
    if ((s = db_exec(&list, args, 5, a, &r)) != DB_OK)
        return s;
    return fill_list(a, &r, out, count);
}

int notice_unread_for_resident(arena *a, long long account_id, long long now, size_t limit, notice **out,
                               size_t *count) {
    static db_stmt st =
        DB_STMT_KEPT("notice_resident_unread",
                     "SELECT " NOTICE_COLUMNS ", 0 " NOTICE_FROM
                     " JOIN account ac ON ac.id = ? WHERE " NOTICE_LIVE_FOR_ACCOUNT
                     " AND NOT " NOTICE_READ_BY_ACCOUNT " ORDER BY n.importance = 'urgent' DESC, "
                     "n.publish_at DESC, n.id DESC LIMIT ?");
    db_rows r;
    db_arg args[4] = {DB_INT(account_id), DB_INT(now), DB_INT(now), DB_INT(limit)};
    db_status s = db_exec(&st, args, 4, a, &r);
    if (s != DB_OK)
        return s;
    return fill_list(a, &r, out, count);
}

int notice_open_for_resident(arena *a, long long account_id, long long id, long long now, notice *out,
                             bool *found) {
    static db_stmt st = DB_STMT("notice_resident_open",
                                "SELECT " NOTICE_COLUMNS ", 1 " NOTICE_FROM
                                " JOIN account ac ON ac.id = ? WHERE n.id = ? AND " NOTICE_LIVE_FOR_ACCOUNT);
    static db_stmt mark = DB_STMT(
        "notice_mark_read", "INSERT IGNORE INTO notice_read (notice_id, account_id, unit_id, read_at) "
                            "SELECT ?, id, current_unit_id, FROM_UNIXTIME(?) FROM account WHERE id = ?");
    db_rows r;
    db_arg args[4] = {DB_INT(account_id), DB_INT(id), DB_INT(now), DB_INT(now)};
    db_status s = db_exec(&st, args, 4, a, &r);
    if (s != DB_OK)
        return s;
    *found = r.count > 0;
    if (!*found)
        return 0;
    notice_fill_row(&r, 0, out);
    db_arg margs[3] = {DB_INT(id), DB_INT(now), DB_INT(account_id)};
    if ((s = db_exec(&mark, margs, 3, a, NULL)) != DB_OK)
        return s;
    return notice_load_attachments(a, out);
}

/* An attachment the account may download now (its notice live for the household), or, for
 * staff (account_id 0), one of the community. */
static int attachment_find(arena *a, long long account_id, long long community_id, long long id,
                           long long now, notice_attachment *out, bool *found) {
    static db_stmt resident =
        DB_STMT("notice_attachment_resident", "SELECT t.id, t.file_name, t.original_name, t.content_type, "
                                              "t.size_bytes FROM notice_attachment t JOIN "
                                              "notice n ON n.id = t.notice_id JOIN account ac ON ac.id = ? "
                                              "WHERE t.id = ? AND " NOTICE_LIVE_FOR_ACCOUNT);
    static db_stmt staff = DB_STMT("notice_attachment_staff",
                                   "SELECT id, file_name, original_name, content_type, size_bytes FROM "
                                   "notice_attachment WHERE id = ? AND community_id = ?");
    db_rows r;
    db_status s;
    if (account_id) {
        db_arg args[4] = {DB_INT(account_id), DB_INT(id), DB_INT(now), DB_INT(now)};
        s = db_exec(&resident, args, 4, a, &r);
    } else {
        db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
        s = db_exec(&staff, args, 2, a, &r);
    }
    if (s != DB_OK)
        return s;
    *found = r.count > 0;
    if (*found)
        *out = (notice_attachment){db_cell_int(&r, 0, 0), db_cell(&r, 0, 1), db_cell(&r, 0, 2),
                                   db_cell(&r, 0, 3), db_cell_int(&r, 0, 4)};
    return 0;
}

/* The stored name is ours (32 hex digits); anything else must not reach a header or path. */
static bool stored_name(const char *s) {
    if (!s || strlen(s) != 32)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return false;
    return true;
}

static int send_file(page_ctx *ctx, const notice_attachment *att) {
    if (!stored_name(att->file_name) ||
        (strcmp(att->content_type, "application/pdf") && strcmp(att->content_type, "image/png") &&
         strcmp(att->content_type, "image/jpeg") && strcmp(att->content_type, "image/webp")))
        return page_error(ctx, 404, "这个附件无法下载，请联系物业服务中心。");
    /* The name as RFC 5987 percent-encoding (it may be Chinese), and an ASCII stand-in. */
    const char *ext = strrchr(att->content_type, '/') + 1;
    char encoded[700];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)att->original_name; *p && n + 4 < sizeof encoded;
         p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~", *p))
            encoded[n++] = (char)*p;
        else
            n += (size_t)snprintf(encoded + n, 4, "%%%02X", *p);
    }
    encoded[n] = '\0';
    const char *disposition =
        arena_printf(ctx->arena, "attachment; filename=\"notice-%lld.%s\"; filename*=UTF-8''%s", att->id,
                     !strcmp(ext, "jpeg") ? "jpg" : ext, encoded);
    if (response_header(ctx->resp, "Content-Type", att->content_type) != 0 ||
        response_header(ctx->resp, "Content-Disposition", disposition) != 0 ||
        response_header(ctx->resp, "X-Accel-Redirect",
                        arena_printf(ctx->arena, "/uploads-internal/notices/%s", att->file_name)) != 0 ||
        response_header(ctx->resp, "Cache-Control", "private, max-age=600") != 0)
        return 500;
    return 0;
}

int notice_attachment_answer(page_ctx *ctx, long long id, bool resident) {
    notice_attachment att;
    bool found = false;
    int r = attachment_find(ctx->arena, resident ? ctx->user.id : 0, ctx->user.community_id, id, ctx->now,
                            &att, &found);
    if (r < 0)
        return page_db_error(ctx, (db_status)r);
    if (!found)
        return page_error(ctx, 404,
                          resident ? "没有这个附件，或它所属的公告不是发给您家的。" : "没有这个附件。");
    return send_file(ctx, &att);
}
