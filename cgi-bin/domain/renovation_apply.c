/* renovation_apply.c: a decoration case's application, resubmission, withdrawal and the
 * resident's request for acceptance, and the office's review (renovation_apply.h). The
 * lists and the files' reads are in renovation_list.c. */
#include "renovation_apply.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/log.h"
#include "../core/upload.h"
#include "audit.h"
#include "renovation_list.h"
#include "ticket.h"

const char *const renovation_file_kinds[] = {"plan", "licence", "other", NULL};

const char *renovation_file_kind_name(const char *kind) {
    return !strcmp(kind, "plan")      ? "施工图纸"
           : !strcmp(kind, "licence") ? "营业执照、资质"
           : !strcmp(kind, "other")   ? "其他材料"
           : !strcmp(kind, "photo")   ? "巡查照片"
                                      : "";
}

const char *renovation_file_type(const char *data, size_t len) {
    if (len >= 5 && !memcmp(data, "%PDF-", 5))
        return "application/pdf";
    return ticket_photo_type(data, len);
}

/* Days since 1970-01-01 of "YYYY-MM-DD", or false when it is not a date. */
static bool day_number(const char *s, long long *out) {
    int y, m, d;
    char tail;
    if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    /* Howard Hinnant's days_from_civil. */
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = era * 146097 + doe - 719468;
    return true;
}

size_t renovation_form_check(arena *a, const renovation_form *f, const char *today, renovation_problem *out,
                             size_t cap) {
    size_t n = 0;
#define PROBLEM(name, text)                                                                                  \
    do {                                                                                                     \
        if (n < cap)                                                                                         \
            out[n++] = (renovation_problem){(name), (text)};                                                 \
    } while (0)
    long long start = 0, end = 0, now = 0;
    bool has_start = day_number(f->planned_start, &start), has_end = day_number(f->planned_end, &end);
    if (!has_start)
        PROBLEM("planned_start", "请填写计划开工日期");
    else if (day_number(today, &now) && start < now)
        PROBLEM("planned_start", "开工日期不能早于今天");
    if (!has_end)
        PROBLEM("planned_end", "请填写计划完工日期");
    else if (has_start && end < start)
        PROBLEM("planned_end", "完工日期不能早于开工日期");
    else if (has_start && end - start > RENOVATION_MAX_DAYS)
        PROBLEM("planned_end", "装修工期最长 180 天，请分期申请");
    if (!f->scope || !*f->scope)
        PROBLEM("scope", "请至少选择一项装修项目");
    if (!f->no_structural)
        PROBLEM("no_structural", "请勾选“承诺不改动承重结构”，否则不能申请");
    if (f->workers < 1 || f->workers > RENOVATION_MAX_WORKERS)
        PROBLEM("workers", "施工人数应为 1 到 50 人");
    for (size_t i = 0; i < f->file_count; i++) {
        const param *p = f->files[i].part;
        const char *shown = renovation_attachment_name(a, p, i);
        if (p->len > RENOVATION_FILE_MAX_BYTES)
            PROBLEM(f->files[i].kind, arena_printf(a, "“%s”超过 5 MB，请压缩后再上传", shown));
        else if (!renovation_file_type(p->value, p->len))
            PROBLEM(f->files[i].kind,
                    arena_printf(a, "“%s”不是 PDF、JPEG、PNG 或 WebP 文件，请重新选择", shown));
    }
#undef PROBLEM
    return n;
}

const char *renovation_attachment_name(arena *a, const param *p, size_t n) {
    const char *name = upload_shown_name(p->filename, 200);
    return name ? name : arena_printf(a, "附件%lu", (unsigned long)n + 1);
}

int renovation_resident_unit(arena *a, long long account_id, long long *unit_id, const char **name,
                             const char **phone) {
    static db_stmt st = DB_STMT(
        "renovation_resident_unit",
        "SELECT a.current_unit_id, p.name, COALESCE(NULLIF(p.phone, ''), a.login_phone, '') FROM account a "
        "JOIN person p ON p.id = a.person_id JOIN occupancy o ON o.unit_id = a.current_unit_id AND "
        "o.person_id = a.person_id AND o.until IS NULL WHERE a.id = ? LIMIT 1");
    db_rows r;
    db_arg args[1] = {DB_INT(account_id)};
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *unit_id = r.count ? db_cell_int(&r, 0, 0) : 0;
    if (name)
        *name = r.count && db_cell(&r, 0, 1) ? db_cell(&r, 0, 1) : "";
    if (phone)
        *phone = r.count && db_cell(&r, 0, 2) ? db_cell(&r, 0, 2) : "";
    return 0;
}

/* Writes the files to disk before the transaction; a failed one removes them. */
typedef struct stored_files {
    char dir[600];
    char names[RENOVATION_MAX_FILES][UPLOAD_NAME_LEN + 1];
    size_t count;
} stored_files;

static int store_files(page_ctx *ctx, const renovation_form *f, stored_files *out) {
    snprintf(out->dir, sizeof out->dir, "%s/uploads/renovations", ctx->config->state_dir);
    out->count = 0;
    if (f->file_count && mkdir(out->dir, 0755) != 0 && errno != EEXIST)
        log_error("renovation files: cannot create %s", out->dir);
    for (; out->count < f->file_count; out->count++)
        if (upload_store(out->dir, f->files[out->count].part->value, f->files[out->count].part->len,
                         out->names[out->count]) != 0) {
            log_error("renovation files: cannot write into %s", out->dir);
            upload_remove(out->dir, out->names, out->count);
            out->count = 0;
            return DB_ERROR;
        }
    return 0;
}

/* Inside the transaction: the rows of the stored files, after checking the case's count. */
static int insert_files(page_ctx *ctx, long long id, const renovation_form *f, const stored_files *st,
                        renovation_refusal *why) {
    static db_stmt count =
        DB_STMT("renovation_file_count", "SELECT COUNT(*) FROM renovation_file WHERE renovation_id = ? AND "
                                         "patrol_id IS NULL");
    static db_stmt add = DB_STMT(
        "renovation_file_add", "INSERT INTO renovation_file (renovation_id, kind, file_name, original_name, "
                               "content_type, size_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                               "FROM_UNIXTIME(?))");
    if (!f->file_count)
        return 0;
    db_rows r;
    db_arg cargs[1] = {DB_INT(id)};
    db_status s = db_exec(&count, cargs, 1, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    long long have = r.count ? db_cell_int(&r, 0, 0) : 0;
    if (have + (long long)f->file_count > RENOVATION_MAX_FILES)
        return settlement_refuse(
            why, 422, f->files[0].kind,
            arena_printf(ctx->arena, "每个申请最多 %d 个附件，已有 %lld 个", RENOVATION_MAX_FILES, have));
    for (size_t i = 0; i < f->file_count; i++) {
        const param *p = f->files[i].part;
        const char *shown = renovation_attachment_name(ctx->arena, p, i);
        db_arg args[7] = {DB_INT(id),
                          DB_TEXT(f->files[i].kind),
                          DB_TEXT(st->names[i]),
                          DB_TEXT(shown),
                          DB_TEXT(renovation_file_type(p->value, p->len)),
                          DB_INT((long long)p->len),
                          DB_INT(ctx->now)};
        if ((s = db_exec(&add, args, 7, ctx->arena, NULL)) != DB_OK)
            return s;
    }
    return 0;
}

typedef struct apply_job {
    page_ctx *ctx;
    const renovation_form *f;
    const stored_files *files;
    renovation_refusal *why;
    long long id; /* resubmit: the case; apply: the new case */
    int version;
} apply_job;

/* Inside the transaction: the unit to apply for, locked so two applications queue. */
static int lock_unit(apply_job *j, long long *unit_id, const char **name, const char **phone) {
    static db_stmt by_id = DB_STMT("renovation_unit_lock",
                                   "SELECT id, code FROM unit WHERE id = ? AND community_id = ? FOR UPDATE");
    static db_stmt by_code =
        DB_STMT("renovation_unit_code_lock",
                "SELECT id, code FROM unit WHERE code = ? AND community_id = ? FOR UPDATE");
    page_ctx *ctx = j->ctx;
    bool resident = ctx->user.kind != ACCOUNT_STAFF;
    *name = j->f->applicant_name;
    *phone = j->f->applicant_phone;
    long long unit = 0;
    if (resident) {
        int r = renovation_resident_unit(ctx->arena, ctx->user.id, &unit, name, phone);
        if (r)
            return r;
        if (!unit)
            return settlement_refuse(j->why, 403, NULL, "您的账户还没有关联房屋，请先到物业服务中心登记。");
    }
    db_rows r;
    db_arg args[2] = {resident ? DB_INT(unit) : DB_TEXT(j->f->unit_code), DB_INT(ctx->user.community_id)};
    db_status s = db_exec(resident ? &by_id : &by_code, args, 2, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return settlement_refuse(j->why, resident ? 404 : 422, "unit_code", "本小区没有这个房号，请核对");
    *unit_id = db_cell_int(&r, 0, 0);
    return 0;
}

static int apply_step(void *arg) {
    static db_stmt open =
        DB_STMT("renovation_open_case",
                "SELECT r.id, r.state FROM renovation r WHERE r.unit_id = ? AND r.state NOT "
                "IN ('refused', 'closed', 'withdrawn') ORDER BY r.id DESC LIMIT 1 FOR UPDATE");
    static db_stmt insert =
        DB_STMT("renovation_insert",
                "INSERT INTO renovation (community_id, unit_id, state, source, applicant_account_id, "
                "applicant_name, applicant_phone, company, foreman, foreman_phone, planned_start, "
                "planned_end, scope, description, no_structural, workers, created_at, updated_at) VALUES "
                "(?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, FROM_UNIXTIME(?), "
                "FROM_UNIXTIME(?))");
    apply_job *j = arg;
    page_ctx *ctx = j->ctx;
    const renovation_form *f = j->f;
    long long unit_id = 0;
    const char *name = "", *phone = "";
    int rc = lock_unit(j, &unit_id, &name, &phone);
    if (rc)
        return rc;
    /* A locking read: it sees a case committed while this one waited for the unit, which
     * the transaction's snapshot (taken by an earlier plain read) would not. */
    db_rows r;
    db_arg oargs[1] = {DB_INT(unit_id)};
    db_status s = db_exec(&open, oargs, 1, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    if (r.count)
        return settlement_refuse(
            j->why, 409, NULL,
            arena_printf(ctx->arena,
                         "这套房屋已有一个未结束的装修申请（第 %lld 号，%s），请在该申请中继续办理。",
                         db_cell_int(&r, 0, 0), renovation_state_name(db_cell(&r, 0, 1))));
    bool resident = ctx->user.kind != ACCOUNT_STAFF;
    db_arg args[16] = {DB_INT(ctx->user.community_id),
                       DB_INT(unit_id),
                       DB_TEXT(resident ? "portal" : "counter"),
                       resident ? DB_INT(ctx->user.id) : DB_NULL,
                       DB_TEXT(name),
                       DB_TEXT(phone),
                       DB_TEXT(*f->company ? f->company : "自行装修"),
                       DB_TEXT(f->foreman),
                       DB_TEXT(f->foreman_phone),
                       DB_TEXT(f->planned_start),
                       DB_TEXT(f->planned_end),
                       DB_TEXT(f->scope),
                       DB_TEXT(f->description),
                       DB_INT(f->workers),
                       DB_INT(ctx->now),
                       DB_INT(ctx->now)};
    if ((s = db_exec(&insert, args, 16, ctx->arena, &r)) != DB_OK)
        return s;
    j->id = (long long)r.insert_id;
    renovation c = {.id = j->id, .state = "submitted"};
    if ((rc = insert_files(ctx, j->id, f, j->files, j->why)) != 0)
        return rc;
    if ((s = renovation_step(ctx, &c, "submit", NULL, "", "")) != DB_OK)
        return s;
    return audit_record(ctx, "renovation_apply", "renovation", j->id, f->foreman);
}

/* Runs step with the form's files stored, removing them unless it succeeded. */
static int run_with_files(apply_job *j, int (*step)(void *)) {
    stored_files files;
    int r = store_files(j->ctx, j->f, &files);
    if (r)
        return r;
    j->files = &files;
    r = settlement_transaction(step, j);
    if (r)
        upload_remove(files.dir, files.names, files.count);
    return r;
}

int renovation_apply(page_ctx *ctx, const renovation_form *f, long long *id, renovation_refusal *why) {
    renovation_problem p[1];
    if (renovation_form_check(ctx->arena, f, settlement_today(ctx->arena, ctx->now, ctx->user.community_zone),
                              p, 1))
        return settlement_refuse(why, 422, p[0].field, p[0].message);
    apply_job j = {.ctx = ctx, .f = f, .why = why};
    int r = run_with_files(&j, apply_step);
    if (!r)
        *id = j.id;
    return r;
}

/* Inside a transaction: locks case id for a change by the signed-in user: 404 for another
 * community's or (a resident) another unit's, 409 for a final state or a stale version. */
static int lock_for_change(page_ctx *ctx, long long id, int version, renovation *c, renovation_refusal *why) {
    bool found = false;
    int r = renovation_lock(ctx->arena, ctx->user.community_id, id, c, &found);
    if (r)
        return r;
    if (found && ctx->user.kind != ACCOUNT_STAFF) {
        long long unit = 0;
        if ((r = renovation_resident_unit(ctx->arena, ctx->user.id, &unit, NULL, NULL)) != 0)
            return r;
        /* Only a case of the current household: a previous one's stays with the office. */
        found = false;
        if (unit == c->unit_id && (r = renovation_household_case(ctx->arena, unit, c->id, &found)) != 0)
            return r;
    }
    if (!found)
        return settlement_refuse(why, 404, NULL, "没有这个装修申请，或它不属于您的房屋。");
    if (renovation_state_final(c->state))
        return settlement_refuse(
            why, 409, NULL,
            arena_printf(ctx->arena, "这个装修申请已%s，不能再办理。", renovation_state_name(c->state)));
    if (version != c->version)
        return settlement_refuse(why, 409, NULL, "这个装修申请刚被他人办理过，请刷新页面后再操作。");
    return 0;
}

static int resubmit_step(void *arg) {
    static db_stmt update =
        DB_STMT("renovation_resubmit",
                "UPDATE renovation SET company = ?, foreman = ?, foreman_phone = ?, planned_start = ?, "
                "planned_end = ?, scope = ?, description = ?, no_structural = 1, workers = ? WHERE id = ?");
    apply_job *j = arg;
    page_ctx *ctx = j->ctx;
    const renovation_form *f = j->f;
    renovation c;
    int r = lock_for_change(ctx, j->id, j->version, &c, j->why);
    if (r)
        return r;
    if (strcmp(c.state, "returned"))
        return settlement_refuse(j->why, 409, NULL, "只有被退回补充的申请可以重新提交。");
    db_arg args[9] = {DB_TEXT(*f->company ? f->company : "自行装修"),
                      DB_TEXT(f->foreman),
                      DB_TEXT(f->foreman_phone),
                      DB_TEXT(f->planned_start),
                      DB_TEXT(f->planned_end),
                      DB_TEXT(f->scope),
                      DB_TEXT(f->description),
                      DB_INT(f->workers),
                      DB_INT(c.id)};
    db_status s = db_exec(&update, args, 9, ctx->arena, NULL);
    if (s != DB_OK)
        return s;
    if ((r = insert_files(ctx, c.id, f, j->files, j->why)) != 0)
        return r;
    if ((s = renovation_step(ctx, &c, "resubmit", "submitted", "", "")) != DB_OK)
        return s;
    return audit_record(ctx, "renovation_resubmit", "renovation", c.id, f->foreman);
}

int renovation_resubmit(page_ctx *ctx, long long id, int version, const renovation_form *f,
                        renovation_refusal *why) {
    renovation_problem p[1];
    if (renovation_form_check(ctx->arena, f, settlement_today(ctx->arena, ctx->now, ctx->user.community_zone),
                              p, 1))
        return settlement_refuse(why, 422, p[0].field, p[0].message);
    apply_job j = {.ctx = ctx, .f = f, .why = why, .id = id, .version = version};
    return run_with_files(&j, resubmit_step);
}

typedef struct change_job {
    page_ctx *ctx;
    long long id;
    int version;
    const char *action; /* withdraw, request_acceptance, return, refuse */
    const char *checklist, *note;
    renovation_refusal *why;
} change_job;

static int change_step(void *arg) {
    change_job *j = arg;
    page_ctx *ctx = j->ctx;
    renovation c;
    int r = lock_for_change(ctx, j->id, j->version, &c, j->why);
    if (r)
        return r;
    bool staff = ctx->user.kind == ACCOUNT_STAFF;
    const char *to = NULL;
    if (!strcmp(j->action, "withdraw")) {
        if (staff && !renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_APPLY))
            return settlement_refuse(j->why, 403, NULL, "您的岗位不能撤回装修申请。");
        if (strcmp(c.state, "submitted") && strcmp(c.state, "returned"))
            return settlement_refuse(j->why, 409, NULL, "只有待审核或退回补充的申请可以撤回。");
        to = "withdrawn";
    } else if (!strcmp(j->action, "request_acceptance")) {
        if (staff)
            return settlement_refuse(j->why, 403, NULL, "竣工验收由业主申请。");
        if (strcmp(c.state, "permitted"))
            return settlement_refuse(j->why, 409, NULL, "只有施工中的装修可以申请竣工验收。");
        to = "inspecting";
    } else {
        if (!staff || !renovation_may(ctx->user.roles, ctx->config->renovation_approve_roles, RENO_REVIEW))
            return settlement_refuse(j->why, 403, NULL, "您的岗位不能审核装修申请，请联系装修管理员或主管。");
        if (strcmp(c.state, "submitted"))
            return settlement_refuse(j->why, 409, NULL, "只有待审核的申请可以审核。");
        to = !strcmp(j->action, "return") ? "returned" : "refused";
    }
    db_status s = renovation_step(ctx, &c, j->action, to, j->checklist, j->note);
    if (s != DB_OK)
        return s;
    return audit_record(ctx, arena_printf(ctx->arena, "renovation_%s", j->action), "renovation", c.id,
                        j->note);
}

static int change(page_ctx *ctx, change_job *j) {
    j->ctx = ctx;
    if (!j->checklist)
        j->checklist = "";
    if (!j->note)
        j->note = "";
    return settlement_transaction(change_step, j);
}

int renovation_withdraw(page_ctx *ctx, long long id, int version, renovation_refusal *why) {
    change_job j = {.id = id, .version = version, .action = "withdraw", .why = why};
    return change(ctx, &j);
}

int renovation_request_acceptance(page_ctx *ctx, long long id, int version, renovation_refusal *why) {
    change_job j = {.id = id, .version = version, .action = "request_acceptance", .why = why};
    return change(ctx, &j);
}

int renovation_review(page_ctx *ctx, long long id, int version, const char *decision, const char *checklist,
                      const char *note, renovation_refusal *why) {
    bool ret = decision && !strcmp(decision, "return");
    if (!ret && !(decision && !strcmp(decision, "refuse")))
        return settlement_refuse(why, 422, "decision", "请选择审核结果：退回补充或不予批准");
    if (!note || !*note)
        return settlement_refuse(why, 422, "note",
                                 ret ? "请写明需要补充的材料或修改的内容" : "请写明不予批准的原因");
    change_job j = {.id = id,
                    .version = version,
                    .action = ret ? "return" : "refuse",
                    .checklist = checklist,
                    .note = note,
                    .why = why};
    return change(ctx, &j);
}
