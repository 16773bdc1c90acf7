/* renovation_pass.c: 临时出入证 (renovation_pass.h): the ID number check and mask, the
 * passes of a case, issuing one with its optional photo, and marking one returned or
 * lost. Every change locks the case first (renovation_lock), like every other change. */
#include "renovation_pass.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/field.h"
#include "../core/log.h"
#include "../core/upload.h"
#include "audit.h"
#include "ticket.h"

bool renovation_id_number_valid(const char *s) {
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";
    if (!s || strlen(s) != 18)
        return false;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        sum += (s[i] - '0') * weights[i];
    }
    char last = s[17] == 'x' ? 'X' : s[17];
    if (last != checks[sum % 11])
        return false;
    char birth[11];
    snprintf(birth, sizeof birth, "%.4s-%.2s-%.2s", s + 6, s + 10, s + 12);
    return field_date_valid(birth) && strcmp(birth, "1900-01-01") >= 0;
}

void renovation_id_number_mask(const char *s, char out[19]) {
    snprintf(out, 19, "%.4s**********%c%c%c%c", s, s[14], s[15], s[16], s[17] == 'x' ? 'X' : s[17]);
}

const char *renovation_pass_state_name(const char *state) {
    return !strcmp(state, "issued") ? "有效" : !strcmp(state, "returned") ? "已收回" : "已挂失";
}

#define PASS_COLUMNS                                                                                         \
    "p.id, p.renovation_id, p.pass_no, p.name, p.id_masked, p.phone, COALESCE(p.photo_file, ''), "           \
    "COALESCE(p.photo_type, ''), DATE_FORMAT(p.valid_from, '%Y-%m-%d'), DATE_FORMAT(p.valid_to, "            \
    "'%Y-%m-%d'), "                                                                                          \
    "p.state, s.name, UNIX_TIMESTAMP(p.issued_at), COALESCE(UNIX_TIMESTAMP(p.closed_at), 0) FROM "           \
    "renovation_pass p JOIN staff s ON s.id = p.issued_by "

static void fill(const db_rows *r, size_t i, renovation_pass *o) {
    const char *c[12];
    for (size_t k = 2; k < 12; k++)
        c[k] = db_cell(r, i, k) ? db_cell(r, i, k) : "";
    *o = (renovation_pass){db_cell_int(r, i, 0),
                           db_cell_int(r, i, 1),
                           c[2],
                           c[3],
                           c[4],
                           c[5],
                           c[6],
                           c[7],
                           c[8],
                           c[9],
                           c[10],
                           c[11],
                           db_cell_int(r, i, 12),
                           db_cell_int(r, i, 13)};
}

db_status renovation_passes(arena *a, long long renovation_id, renovation_pass **rows, size_t *count) {
    static db_stmt st =
        DB_STMT("renovation_passes", "SELECT " PASS_COLUMNS "WHERE p.renovation_id = ? ORDER BY p.id");
    db_rows r;
    db_arg args[1] = {DB_INT(renovation_id)};
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        fill(&r, i, &(*rows)[i]);
    *count = r.count;
    return DB_OK;
}

db_status renovation_pass_load(arena *a, long long community_id, long long id, renovation_pass *out,
                               bool *found) {
    static db_stmt st =
        DB_STMT("renovation_pass_load", "SELECT " PASS_COLUMNS "WHERE p.id = ? AND p.community_id = ?");
    db_rows r;
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *found = r.count > 0;
    if (*found)
        fill(&r, 0, out);
    return DB_OK;
}

typedef struct issue_job {
    page_ctx *ctx;
    long long id;
    int version;
    const renovation_pass_request *req;
    const char *photo_name, *photo_type; /* NULL without a photo */
    long long *pass_id;
    renovation_refusal *why;
} issue_job;

static int issue_step(void *arg) {
    static db_stmt count =
        DB_STMT("renovation_pass_count", "SELECT COUNT(*) FROM renovation_pass WHERE renovation_id = ?");
    static db_stmt insert =
        DB_STMT("renovation_pass_insert", "INSERT INTO renovation_pass (renovation_id, community_id, "
                                          "pass_no, name, id_masked, phone, photo_file, "
                                          "photo_type, valid_from, valid_to, state, issued_by, issued_at) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                          "'issued', ?, FROM_UNIXTIME(?))");
    issue_job *j = arg;
    page_ctx *ctx = j->ctx;
    arena *a = ctx->arena;
    const renovation_pass_request *q = j->req;
    renovation r;
    int refused = renovation_lock_change(ctx, j->id, j->version, NULL, &r, j->why);
    if (refused)
        return refused;
    if (!renovation_state_active(r.state))
        return settlement_refuse(j->why, 409, NULL,
                                 arena_printf(a, "只有施工中或待验收的装修才能发放出入证（现在：%s）。",
                                              renovation_state_name(r.state)));
    const char *from = *q->valid_from ? q->valid_from : r.permit_from;
    const char *to = *q->valid_to ? q->valid_to : r.permit_to;
    if (strcmp(from, r.permit_from) < 0 || strcmp(from, r.permit_to) > 0)
        return settlement_refuse(
            j->why, 422, "valid_from",
            arena_printf(a, "有效期应在许可证期限 %s 至 %s 之内", r.permit_from, r.permit_to));
    if (strcmp(to, r.permit_to) > 0 || strcmp(to, r.permit_from) < 0)
        return settlement_refuse(
            j->why, 422, "valid_to",
            arena_printf(a, "有效期应在许可证期限 %s 至 %s 之内", r.permit_from, r.permit_to));
    if (strcmp(from, to) > 0)
        return settlement_refuse(j->why, 422, "valid_to", "截止日期不能早于起始日期");
    db_rows c;
    db_arg cargs[1] = {DB_INT(r.id)};
    db_status s = db_exec(&count, cargs, 1, a, &c);
    if (s != DB_OK)
        return s;
    if (db_cell_int(&c, 0, 0) >= r.workers)
        return settlement_refuse(
            j->why, 409, NULL,
            arena_printf(a,
                         "已发放 %lld 张出入证（含已收回、已挂失的），达到登记的施工人数 %d 人，"
                         "出入证押金只收了这么多张。如需增加人数，请先办理变更。",
                         db_cell_int(&c, 0, 0), r.workers));
    const char *no;
    if ((s = renovation_next_no(a, ctx->user.community_id, "pass", ctx->now, ctx->user.community_zone,
                                &no)) != DB_OK)
        return s;
    char masked[19];
    renovation_id_number_mask(q->id_number, masked);
    db_arg args[12] = {DB_INT(r.id),
                       DB_INT(ctx->user.community_id),
                       DB_TEXT(no),
                       DB_TEXT(q->name),
                       DB_TEXT(masked),
                       DB_TEXT(q->phone),
                       j->photo_name ? DB_TEXT(j->photo_name) : DB_NULL,
                       j->photo_type ? DB_TEXT(j->photo_type) : DB_NULL,
                       DB_TEXT(from),
                       DB_TEXT(to),
                       DB_INT(ctx->user.id),
                       DB_INT(ctx->now)};
    db_rows ins;
    if ((s = db_exec(&insert, args, 12, a, &ins)) != DB_OK)
        return s;
    *j->pass_id = (long long)ins.insert_id;
    const char *note = arena_printf(a, "发放出入证 %s %s", no, q->name);
    if ((s = renovation_step(ctx, &r, "note", NULL, "", note)) != DB_OK)
        return s;
    return audit_record(ctx, "renovation_pass_issue", "renovation_pass", *j->pass_id,
                        arena_printf(a, "%s %s %s %s 至 %s", no, q->name, masked, from, to));
}

int renovation_pass_issue(page_ctx *ctx, long long id, int version, const renovation_pass_request *req,
                          const char *upload_dir, long long *pass_id, renovation_refusal *why) {
    if (!renovation_id_number_valid(req->id_number))
        return settlement_refuse(why, 422, "id_number", "身份证号不正确：应为 18 位，最后一位校验码须相符");
    const char *type = NULL;
    if (req->photo) {
        if (req->photo_len > RENOVATION_PASS_PHOTO_MAX_BYTES)
            return settlement_refuse(why, 422, "photo", "照片不能超过 2 MB");
        if (!(type = ticket_photo_type(req->photo, req->photo_len)))
            return settlement_refuse(why, 422, "photo", "照片应为 JPEG、PNG 或 WebP 图片");
    }
    char dir[600];
    snprintf(dir, sizeof dir, "%s/renovations", upload_dir);
    char name[1][UPLOAD_NAME_LEN + 1];
    if (type) {
        if (mkdir(dir, 0755) != 0 && errno != EEXIST)
            log_error("renovation passes: cannot create %s", dir);
        if (upload_store(dir, req->photo, req->photo_len, name[0]) != 0) {
            log_error("renovation passes: cannot write into %s", dir);
            return DB_ERROR;
        }
    }
    issue_job j = {ctx, id, version, req, type ? name[0] : NULL, type, pass_id, why};
    int r = settlement_transaction(issue_step, &j);
    if (r && type)
        upload_remove(dir, name, 1);
    return r;
}

typedef struct close_job {
    page_ctx *ctx;
    long long id, pass_id;
    int version;
    const char *to_state;
    renovation_refusal *why;
} close_job;

static int close_step(void *arg) {
    static db_stmt lock = DB_STMT("renovation_pass_lock", "SELECT pass_no, name, state FROM renovation_pass "
                                                          "WHERE id = ? AND renovation_id = ? FOR UPDATE");
    static db_stmt update =
        DB_STMT("renovation_pass_close", "UPDATE renovation_pass SET state = ?, closed_by = ?, closed_at = "
                                         "FROM_UNIXTIME(?) WHERE id = ? AND state = 'issued'");
    close_job *j = arg;
    page_ctx *ctx = j->ctx;
    arena *a = ctx->arena;
    renovation r;
    int refused = renovation_lock_change(ctx, j->id, j->version, NULL, &r, j->why);
    if (refused)
        return refused;
    db_rows p;
    db_arg largs[2] = {DB_INT(j->pass_id), DB_INT(r.id)};
    db_status s = db_exec(&lock, largs, 2, a, &p);
    if (s != DB_OK)
        return s;
    if (!p.count)
        return settlement_refuse(j->why, 404, NULL, "这个装修案卷没有这张出入证。");
    const char *state = db_cell(&p, 0, 2);
    if (strcmp(state, "issued"))
        return settlement_refuse(j->why, 409, NULL,
                                 arena_printf(a, "出入证 %s %s，不能再%s。", db_cell(&p, 0, 0),
                                              renovation_pass_state_name(state),
                                              !strcmp(j->to_state, "lost") ? "挂失" : "收回"));
    db_arg uargs[4] = {DB_TEXT(j->to_state), DB_INT(ctx->user.id), DB_INT(ctx->now), DB_INT(j->pass_id)};
    if ((s = db_exec(&update, uargs, 4, a, NULL)) != DB_OK)
        return s;
    bool lost = !strcmp(j->to_state, "lost");
    const char *note = arena_printf(a, "%s出入证 %s %s%s", lost ? "挂失" : "收回", db_cell(&p, 0, 0),
                                    db_cell(&p, 0, 1), lost ? "（押金不退）" : "");
    if ((s = renovation_step(ctx, &r, "note", NULL, "", note)) != DB_OK)
        return s;
    return audit_record(ctx, lost ? "renovation_pass_lost" : "renovation_pass_return", "renovation_pass",
                        j->pass_id, note);
}

int renovation_pass_close(page_ctx *ctx, long long id, int version, long long pass_id, const char *to_state,
                          renovation_refusal *why) {
    close_job j = {ctx, id, pass_id, version, to_state, why};
    return settlement_transaction(close_step, &j);
}
