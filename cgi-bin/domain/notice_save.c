/* notice_save.c: writing a notice: a draft saved with its buildings and attachments (the
 * files written before the transaction and removed again when it fails), publishing it
 * and withdrawing it. A notice once published is never edited and nothing is deleted. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/log.h"
#include "../core/upload.h"
#include "audit.h"
#include "notice_sql.h"

static int refuse(notice_refusal *why, int status, const char *field_name, const char *message) {
    why->status = status;
    why->field = field_name;
    why->message = message;
    return status;
}

/* The name shown for an uploaded file: its last path part when it is short, clean UTF-8,
 * else 附件N with the extension of its type. */
static const char *shown_name(arena *a, const param *p, const char *type, size_t n) {
    const char *name = upload_shown_name(p->filename, 100);
    if (name)
        return name;
    const char *ext = !strcmp(type, "application/pdf") ? "pdf"
                      : !strcmp(type, "image/png")     ? "png"
                      : !strcmp(type, "image/webp")    ? "webp"
                                                       : "jpg";
    return arena_printf(a, "附件%lu.%s", (unsigned long)n + 1, ext);
}

/* The checks that need the database: the draft's state, its buildings, its files. */
static int check_draft(arena *a, long long community_id, const notice_draft *d, long long *building_ids,
                       notice_refusal *why) {
    static db_stmt state = DB_STMT("notice_save_state",
                                   "SELECT state, (SELECT COUNT(*) FROM notice_attachment WHERE notice_id = "
                                   "n.id) FROM notice n WHERE n.id = ? AND n.community_id = ? FOR UPDATE");
    static db_stmt building =
        DB_STMT("notice_save_building", "SELECT id FROM building WHERE community_id = ? AND code = ?");
    db_rows r;
    db_status s;
    long long attached = 0;
    if (d->id) {
        db_arg args[2] = {DB_INT(d->id), DB_INT(community_id)};
        if ((s = db_exec(&state, args, 2, a, &r)) != DB_OK)
            return s;
        if (!r.count)
            return refuse(why, 404, NULL, "没有这条公告。");
        if (strcmp(db_cell(&r, 0, 0), "draft") != 0)
            return refuse(why, 409, NULL,
                          "这条公告已经发布或撤回，不能再修改。如需更正，请撤回后重新写一条。");
        attached = db_cell_int(&r, 0, 1);
    }
    bool buildings = !strcmp(d->audience, "buildings");
    if (buildings && !d->building_count)
        return refuse(why, 422, "building", "请选择至少一栋楼");
    for (size_t i = 0; buildings && i < d->building_count; i++) {
        db_arg args[2] = {DB_INT(community_id), DB_TEXT(d->building_codes[i])};
        if ((s = db_exec(&building, args, 2, a, &r)) != DB_OK)
            return s;
        if (!r.count)
            return refuse(why, 422, "building", arena_printf(a, "没有楼栋“%s”", d->building_codes[i]));
        building_ids[i] = db_cell_int(&r, 0, 0);
    }
    if (attached + (long long)d->file_count > NOTICE_MAX_ATTACHMENTS)
        return refuse(
            why, 422, "attachment",
            arena_printf(a, "每条公告最多 %d 个附件，已有 %lld 个", NOTICE_MAX_ATTACHMENTS, attached));
    for (size_t i = 0; i < d->file_count; i++) {
        if (d->files[i]->len > NOTICE_ATTACHMENT_MAX_BYTES)
            return refuse(why, 422, "attachment", "每个附件不能超过 5 MB");
        if (!notice_file_type(d->files[i]->value, d->files[i]->len))
            return refuse(why, 422, "attachment",
                          arena_printf(a, "“%s”不是 PDF、PNG、JPEG 或 WebP 文件，请重新选择",
                                       shown_name(a, d->files[i], "application/pdf", i)));
    }
    return 0;
}

static db_status write_rows(page_ctx *ctx, const notice_draft *d, const long long *building_ids,
                            char names[][33], long long *id) {
    static db_stmt insert =
        DB_STMT("notice_insert",
                "INSERT INTO notice (community_id, title, body, importance, audience, state, publish_at, "
                "expires_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'draft', "
                "FROM_UNIXTIME(?), FROM_UNIXTIME(?), ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?))");
    static db_stmt update =
        DB_STMT("notice_update", "UPDATE notice SET title = ?, body = ?, importance = ?, audience = ?, "
                                 "publish_at = FROM_UNIXTIME(?), expires_at = FROM_UNIXTIME(?), "
                                 "updated_at = FROM_UNIXTIME(?) WHERE id = ? AND state = 'draft'");
    static db_stmt clear =
        DB_STMT("notice_buildings_clear", "DELETE FROM notice_building WHERE notice_id = ?");
    static db_stmt add = DB_STMT("notice_building_add",
                                 "INSERT IGNORE INTO notice_building (notice_id, building_id) VALUES (?, ?)");
    static db_stmt attach =
        DB_STMT("notice_attach", "INSERT INTO notice_attachment (notice_id, community_id, "
                                 "file_name, original_name, content_type, size_bytes, "
                                 "staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    arena *a = ctx->arena;
    db_rows r;
    db_status s;
    if (!d->id) {
        db_arg args[10] = {DB_INT(ctx->user.community_id),
                           DB_TEXT(d->title),
                           DB_TEXT(d->body),
                           DB_TEXT(d->importance),
                           DB_TEXT(d->audience),
                           db_int_or_null(d->publish_at),
                           db_int_or_null(d->expires_at),
                           DB_INT(ctx->user.id),
                           DB_INT(ctx->now),
                           DB_INT(ctx->now)};
        if ((s = db_exec(&insert, args, 10, a, &r)) != DB_OK)
            return s;
        *id = (long long)r.insert_id;
    } else {
        *id = d->id;
        db_arg args[8] = {DB_TEXT(d->title),
                          DB_TEXT(d->body),
                          DB_TEXT(d->importance),
                          DB_TEXT(d->audience),
                          db_int_or_null(d->publish_at),
                          db_int_or_null(d->expires_at),
                          DB_INT(ctx->now),
                          DB_INT(*id)};
        db_arg cargs[1] = {DB_INT(*id)};
        if ((s = db_exec(&update, args, 8, a, NULL)) != DB_OK ||
            (s = db_exec(&clear, cargs, 1, a, NULL)) != DB_OK)
            return s;
    }
    for (size_t i = 0; !strcmp(d->audience, "buildings") && i < d->building_count; i++) {
        db_arg args[2] = {DB_INT(*id), DB_INT(building_ids[i])};
        if ((s = db_exec(&add, args, 2, a, NULL)) != DB_OK)
            return s;
    }
    for (size_t i = 0; i < d->file_count; i++) {
        const char *type = notice_file_type(d->files[i]->value, d->files[i]->len);
        db_arg args[8] = {DB_INT(*id),          DB_INT(ctx->user.community_id),
                          DB_TEXT(names[i]),    DB_TEXT(shown_name(a, d->files[i], type, i)),
                          DB_TEXT(type),        DB_INT(d->files[i]->len),
                          DB_INT(ctx->user.id), DB_INT(ctx->now)};
        if ((s = db_exec(&attach, args, 8, a, NULL)) != DB_OK)
            return s;
    }
    return audit_record(ctx, d->id ? "notice_update" : "notice_create", "notice", *id, d->title);
}

int notice_save(page_ctx *ctx, const notice_draft *d, const char *upload_dir, long long *id,
                notice_refusal *why) {
    if (d->expires_at && d->expires_at <= (d->publish_at ? d->publish_at : ctx->now))
        return refuse(why, 422, "expires_at",
                      d->publish_at ? "过期时间应晚于发布时间" : "过期时间应晚于现在");
    long long *building_ids = arena_alloc(ctx->arena, (d->building_count + 1) * sizeof *building_ids);
    if (!building_ids)
        return DB_ERROR;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/notices", upload_dir);
    char names[NOTICE_MAX_ATTACHMENTS][33];
    size_t stored = 0;
    db_status s = DB_OK;
    for (int attempt = 0; attempt < 3; attempt++) {
        if ((s = db_begin()) != DB_OK)
            break;
        int r = check_draft(ctx->arena, ctx->user.community_id, d, building_ids, why);
        if (r > 0) {
            db_rollback();
            upload_remove(dir, names, stored);
            return r;
        }
        s = (db_status)r;
        /* Files go to disk once the checks pass; a failed transaction removes them. */
        if (s == DB_OK && !stored && d->file_count) {
            if (mkdir(dir, 0755) != 0 && errno != EEXIST)
                log_error("notice attachments: cannot create %s", dir);
            for (; stored < d->file_count; stored++)
                if (upload_store(dir, d->files[stored]->value, d->files[stored]->len, names[stored]) != 0) {
                    log_error("notice attachments: cannot write into %s", dir);
                    s = DB_ERROR;
                    break;
                }
        }
        if (s == DB_OK && (s = write_rows(ctx, d, building_ids, names, id)) == DB_OK &&
            (s = db_commit()) == DB_OK)
            return 0;
        if (db_in_transaction())
            db_rollback();
        if (s != DB_DEADLOCK)
            break;
    }
    upload_remove(dir, names, stored);
    return s;
}

int notice_set_state(page_ctx *ctx, long long id, bool publish, notice_refusal *why) {
    static db_stmt state =
        DB_STMT("notice_state", "SELECT state, COALESCE(UNIX_TIMESTAMP(expires_at), 0) FROM "
                                "notice WHERE id = ? AND community_id = ? FOR UPDATE");
    static db_stmt publish_st =
        DB_STMT("notice_publish", "UPDATE notice SET state = 'published', publish_at = "
                                  "COALESCE(publish_at, FROM_UNIXTIME(?)), updated_at = "
                                  "FROM_UNIXTIME(?) WHERE id = ?");
    static db_stmt withdraw_st =
        DB_STMT("notice_withdraw",
                "UPDATE notice SET state = 'withdrawn', updated_at = FROM_UNIXTIME(?) WHERE id = ?");
    db_rows r;
    db_status s = db_begin();
    if (s != DB_OK)
        return s;
    db_arg args[2] = {DB_INT(id), DB_INT(ctx->user.community_id)};
    if ((s = db_exec(&state, args, 2, ctx->arena, &r)) != DB_OK)
        goto fail;
    int refused = 0;
    if (!r.count)
        refused = refuse(why, 404, NULL, "没有这条公告。");
    else if (publish && strcmp(db_cell(&r, 0, 0), "draft") != 0)
        refused = refuse(why, 409, NULL, "只有草稿可以发布，这条公告已经发布或撤回。");
    else if (publish && db_cell_int(&r, 0, 1) && db_cell_int(&r, 0, 1) <= ctx->now)
        refused = refuse(why, 409, NULL, "过期时间已过，请修改过期时间后再发布。");
    else if (!publish && strcmp(db_cell(&r, 0, 0), "published") != 0)
        refused = refuse(why, 409, NULL, "只有已发布的公告可以撤回。");
    if (refused) {
        db_rollback();
        return refused;
    }
    db_arg pargs[3] = {DB_INT(ctx->now), DB_INT(ctx->now), DB_INT(id)};
    db_arg wargs[2] = {DB_INT(ctx->now), DB_INT(id)};
    s = publish ? db_exec(&publish_st, pargs, 3, ctx->arena, NULL)
                : db_exec(&withdraw_st, wargs, 2, ctx->arena, NULL);
    if (s == DB_OK)
        s = audit_record(ctx, publish ? "notice_publish" : "notice_withdraw", "notice", id, NULL);
    if (s == DB_OK)
        s = db_commit();
    if (s == DB_OK)
        return 0;
fail:
    if (db_in_transaction())
        db_rollback();
    return s;
}
