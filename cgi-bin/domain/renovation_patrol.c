/* renovation_patrol.c: patrols of a site with their photos, violation notices and their
 * re-checks (renovation_patrol.h). */
#include "renovation_patrol.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/clock.h"
#include "../core/log.h"
#include "../core/upload.h"
#include "audit.h"
#include "ticket.h"

const char *const renovation_violation_rules[] = {"擅自改动承重结构",
                                                  "超时施工",
                                                  "装修垃圾未按规定堆放",
                                                  "未办理出入证施工",
                                                  "破坏公共设施",
                                                  "违规搭建",
                                                  "其他",
                                                  NULL};

const char *renovation_violation_state_name(const char *state) {
    return !strcmp(state, "open")        ? "待整改"
           : !strcmp(state, "escalated") ? "已升级"
           : !strcmp(state, "rectified") ? "已整改"
                                         : "";
}

static const char *const active_states[] = {"permitted", "inspecting", NULL};

/* The checks of a notice that need today: a rule, a deadline after today. */
static int check_notice(page_ctx *ctx, const renovation_notice_input *in, renovation_refusal *why) {
    if (!in->rule || !*in->rule)
        return settlement_refuse(why, 422, "rule", "请选择或填写违反的规定");
    const char *today = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d");
    if (!today)
        return DB_ERROR;
    if (!in->deadline || strcmp(in->deadline, today) <= 0)
        return settlement_refuse(why, 422, "deadline", "整改期限应晚于今天");
    return 0;
}

/* Inside the transaction: the notice row; its number from the gapless counter. */
static int write_notice(page_ctx *ctx, const renovation *r, long long patrol_id,
                        const renovation_notice_input *in, long long *violation_id, const char **notice_no) {
    static db_stmt add =
        DB_STMT("renovation_violation_add",
                "INSERT INTO renovation_violation (renovation_id, community_id, patrol_id, "
                "notice_no, rule, detail, deadline, issued_by, issued_at) VALUES (?, ?, ?, ?, "
                "?, ?, ?, ?, FROM_UNIXTIME(?))");
    db_status s = renovation_next_no(ctx->arena, r->community_id, "violation", ctx->now,
                                     ctx->user.community_zone, notice_no);
    if (s != DB_OK)
        return s;
    db_arg args[9] = {DB_INT(r->id),         DB_INT(r->community_id), db_int_or_null(patrol_id),
                      DB_TEXT(*notice_no),   DB_TEXT(in->rule),       DB_TEXT(in->detail ? in->detail : ""),
                      DB_TEXT(in->deadline), DB_INT(ctx->user.id),    DB_INT(ctx->now)};
    db_rows rows;
    if ((s = db_exec(&add, args, 9, ctx->arena, &rows)) != DB_OK)
        return s;
    *violation_id = (long long)rows.insert_id;
    return 0;
}

/* The name a photo keeps: its last path part when short and clean, else 照片N. */
static const char *photo_name(arena *a, const param *p, size_t n) {
    const char *name = upload_shown_name(p->filename, 100);
    return name ? name : arena_printf(a, "照片%lu", (unsigned long)n + 1);
}

typedef struct patrol_job {
    page_ctx *ctx;
    long long id;
    int version;
    const renovation_patrol_input *in;
    char (*names)[UPLOAD_NAME_LEN + 1];
    long long patrol_id;
    renovation_refusal *why;
} patrol_job;

static int patrol_step(void *arg) {
    static db_stmt add = DB_STMT("renovation_patrol_add",
                                 "INSERT INTO renovation_patrol (renovation_id, community_id, patrol_date, "
                                 "staff_id, result, findings, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                                 "FROM_UNIXTIME(?))");
    static db_stmt photo =
        DB_STMT("renovation_patrol_photo",
                "INSERT INTO renovation_file (renovation_id, patrol_id, kind, file_name, "
                "original_name, content_type, size_bytes, created_at) VALUES (?, ?, 'photo', "
                "?, ?, ?, ?, FROM_UNIXTIME(?))");
    patrol_job *j = arg;
    page_ctx *ctx = j->ctx;
    const renovation_patrol_input *in = j->in;
    renovation r;
    int st = renovation_lock_change(ctx, j->id, j->version, active_states, &r, j->why);
    if (st)
        return st;
    if (*r.permit_from && strcmp(in->patrol_date, r.permit_from) < 0)
        return settlement_refuse(j->why, 422, "patrol_date",
                                 arena_printf(ctx->arena, "巡查日期不能早于许可证生效日 %s", r.permit_from));
    db_arg args[7] = {DB_INT(r.id),
                      DB_INT(r.community_id),
                      DB_TEXT(in->patrol_date),
                      DB_INT(ctx->user.id),
                      DB_TEXT(in->violation ? "violation" : "ok"),
                      DB_TEXT(in->findings ? in->findings : ""),
                      DB_INT(ctx->now)};
    db_rows rows;
    db_status s = db_exec(&add, args, 7, ctx->arena, &rows);
    if (s != DB_OK)
        return s;
    j->patrol_id = (long long)rows.insert_id;
    for (size_t i = 0; i < in->photo_count; i++) {
        const param *p = in->photos[i];
        db_arg pargs[7] = {DB_INT(r.id),
                           DB_INT(j->patrol_id),
                           DB_TEXT(j->names[i]),
                           DB_TEXT(photo_name(ctx->arena, p, i)),
                           DB_TEXT(ticket_photo_type(p->value, p->len)),
                           DB_INT((long long)p->len),
                           DB_INT(ctx->now)};
        if ((s = db_exec(&photo, pargs, 7, ctx->arena, NULL)) != DB_OK)
            return s;
    }
    const char *note =
        arena_printf(ctx->arena, "巡查 %s：%s%s%s", in->patrol_date, in->violation ? "发现违章" : "正常",
                     in->findings && *in->findings ? "。" : "", in->findings ? in->findings : "");
    if (in->violation && in->notice.rule && *in->notice.rule) {
        long long vid = 0;
        const char *no = NULL;
        if ((st = write_notice(ctx, &r, j->patrol_id, &in->notice, &vid, &no)) != 0)
            return st;
        note = arena_printf(ctx->arena, "%s 发出违章通知书 %s（%s），整改期限 %s。", note, no,
                            in->notice.rule, in->notice.deadline);
    }
    if ((s = renovation_step(ctx, &r, "note", NULL, NULL, note)) != DB_OK)
        return s;
    return audit_record(ctx, "renovation_patrol", "renovation", r.id, note);
}

int renovation_patrol_record(page_ctx *ctx, long long id, int version, const renovation_patrol_input *in,
                             const char *upload_dir, long long *patrol_id, renovation_refusal *why) {
    const char *today = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d");
    if (!today)
        return DB_ERROR;
    if (!in->patrol_date || strcmp(in->patrol_date, today) > 0)
        return settlement_refuse(why, 422, "patrol_date", "巡查日期不能晚于今天");
    if (in->violation && (!in->findings || !*in->findings))
        return settlement_refuse(why, 422, "findings", "发现违章时请写明巡查情况");
    if (in->photo_count > RENO_PATROL_MAX_PHOTOS)
        return settlement_refuse(why, 422, "photo", "每次巡查最多 5 张照片");
    for (size_t i = 0; i < in->photo_count; i++) {
        if (in->photos[i]->len > RENO_PATROL_PHOTO_MAX_BYTES)
            return settlement_refuse(why, 422, "photo", "每张照片不能超过 5 MB");
        if (!ticket_photo_type(in->photos[i]->value, in->photos[i]->len))
            return settlement_refuse(why, 422, "photo",
                                     arena_printf(ctx->arena, "“%s”不是 JPEG、PNG 或 WebP 图片，请重新选择",
                                                  photo_name(ctx->arena, in->photos[i], i)));
    }
    int r;
    if (in->violation && in->notice.rule && *in->notice.rule &&
        (r = check_notice(ctx, &in->notice, why)) != 0)
        return r;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/renovations", upload_dir);
    char names[RENO_PATROL_MAX_PHOTOS][UPLOAD_NAME_LEN + 1];
    if (in->photo_count && mkdir(dir, 0755) != 0 && errno != EEXIST) {
        log_error("renovation photos: cannot create %s", dir);
        return DB_ERROR;
    }
    /* Files go to disk first; a failed transaction removes them again. */
    for (size_t i = 0; i < in->photo_count; i++)
        if (upload_store(dir, in->photos[i]->value, in->photos[i]->len, names[i]) != 0) {
            log_error("renovation photos: cannot write into %s", dir);
            upload_remove(dir, names, i);
            return DB_ERROR;
        }
    patrol_job j = {ctx, id, version, in, names, 0, why};
    r = settlement_transaction(patrol_step, &j);
    if (r != 0) {
        upload_remove(dir, names, in->photo_count);
        return r;
    }
    *patrol_id = j.patrol_id;
    return 0;
}

typedef struct notice_job {
    page_ctx *ctx;
    long long id;
    int version;
    const renovation_notice_input *in;
    long long violation_id;
    renovation_refusal *why;
} notice_job;

static int notice_step(void *arg) {
    notice_job *j = arg;
    renovation r;
    int st = renovation_lock_change(j->ctx, j->id, j->version, active_states, &r, j->why);
    const char *no = NULL;
    if (st || (st = write_notice(j->ctx, &r, 0, j->in, &j->violation_id, &no)) != 0)
        return st;
    const char *note = arena_printf(j->ctx->arena, "发出违章通知书 %s（%s），整改期限 %s。", no, j->in->rule,
                                    j->in->deadline);
    db_status s = renovation_step(j->ctx, &r, "note", NULL, NULL, note);
    return s != DB_OK ? s : audit_record(j->ctx, "renovation_violation", "renovation", r.id, note);
}

int renovation_violation_issue(page_ctx *ctx, long long id, int version, const renovation_notice_input *in,
                               long long *violation_id, renovation_refusal *why) {
    int r = check_notice(ctx, in, why);
    if (r)
        return r;
    notice_job j = {ctx, id, version, in, 0, why};
    if ((r = settlement_transaction(notice_step, &j)) == 0)
        *violation_id = j.violation_id;
    return r;
}

typedef struct recheck_job {
    page_ctx *ctx;
    long long id, violation_id;
    int version;
    bool rectified;
    const char *note;
    renovation_refusal *why;
} recheck_job;

static int recheck_step(void *arg) {
    static const char *const states[] = {"permitted", "inspecting", "accepted", NULL};
    static db_stmt find = DB_STMT("renovation_violation_find",
                                  "SELECT state, notice_no FROM renovation_violation WHERE id = ? AND "
                                  "renovation_id = ? FOR UPDATE");
    static db_stmt set = DB_STMT("renovation_violation_recheck",
                                 "UPDATE renovation_violation SET state = ?, recheck_by = ?, recheck_at = "
                                 "FROM_UNIXTIME(?), recheck_note = ? WHERE id = ?");
    recheck_job *j = arg;
    page_ctx *ctx = j->ctx;
    renovation r;
    int st = renovation_lock_change(ctx, j->id, j->version, states, &r, j->why);
    if (st)
        return st;
    db_rows rows;
    db_arg fargs[2] = {DB_INT(j->violation_id), DB_INT(r.id)};
    db_status s = db_exec(&find, fargs, 2, ctx->arena, &rows);
    if (s != DB_OK)
        return s;
    if (!rows.count)
        return settlement_refuse(j->why, 404, NULL, "这个案卷没有这份违章通知书。");
    if (!strcmp(db_cell(&rows, 0, 0), "rectified"))
        return settlement_refuse(j->why, 409, NULL, "这份违章通知书已整改关闭，不能再复查。");
    const char *to = j->rectified ? "rectified" : "escalated";
    db_arg args[5] = {DB_TEXT(to), DB_INT(ctx->user.id), DB_INT(ctx->now), DB_TEXT(j->note),
                      DB_INT(j->violation_id)};
    if ((s = db_exec(&set, args, 5, ctx->arena, NULL)) != DB_OK)
        return s;
    const char *note = arena_printf(ctx->arena, "复查违章通知书 %s：%s。%s", db_cell(&rows, 0, 1),
                                    j->rectified ? "已整改，关闭" : "未整改，升级处理", j->note);
    if ((s = renovation_step(ctx, &r, "note", NULL, NULL, note)) != DB_OK)
        return s;
    return audit_record(ctx, "renovation_recheck", "renovation", r.id, note);
}

int renovation_violation_recheck(page_ctx *ctx, long long id, int version, long long violation_id,
                                 bool rectified, const char *note, renovation_refusal *why) {
    if (!note || !*note)
        return settlement_refuse(why, 422, "note", "请写明复查情况");
    recheck_job j = {ctx, id, violation_id, version, rectified, note, why};
    return settlement_transaction(recheck_step, &j);
}
