/* survey_edit.c: the survey list, new surveys (template or copy), settings and publishing
 * (see survey_edit.h); the question changes are in survey_edit_questions.c. */
#include "survey_edit.h"

#include <string.h>
#include <unistd.h>

#include "../core/roles.h"
#include "audit.h"
#include "survey.h"

bool survey_may_edit(const char *roles) {
    static const char *const editors[] = {"supervisor", "complaint", "manager", "admin", NULL};
    return roles_has_any(roles, editors);
}

int survey_list(arena *a, long long community_id, survey_list_row **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "survey_list",
        "SELECT s.id, s.title, s.state, s.audience, UNIX_TIMESTAMP(s.opens_at), UNIX_TIMESTAMP(s.closes_at), "
        "(SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id AND r.current_key = 1), "
        "(SELECT COUNT(*) FROM survey_question q WHERE q.survey_id = s.id), COALESCE(s.copied_from, 0), "
        "COALESCE((SELECT GROUP_CONCAT(b.name ORDER BY LENGTH(b.code), b.code SEPARATOR '、') FROM "
        "survey_building sb JOIN building b ON b.id = sb.building_id WHERE sb.survey_id = s.id), ''), "
        "COALESCE(DATE_FORMAT(s.ticket_from, '%Y-%m-%d'), ''), COALESCE(DATE_FORMAT(s.ticket_to, "
        "'%Y-%m-%d'), "
        "'') FROM survey s WHERE s.community_id = ? ORDER BY s.opens_at DESC, s.id DESC");
    db_arg args[1] = {DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*out)[i] = (survey_list_row){
            .id = db_cell_int(&r, i, 0),
            .title = db_cell(&r, i, 1),
            .state = db_cell(&r, i, 2),
            .audience = db_cell(&r, i, 3),
            .opens_at = db_cell_int(&r, i, 4),
            .closes_at = db_cell_int(&r, i, 5),
            .responses = db_cell_int(&r, i, 6),
            .questions = db_cell_int(&r, i, 7),
            .copied_from = db_cell_int(&r, i, 8),
            .buildings = db_cell(&r, i, 9),
            .ticket_from = db_cell(&r, i, 10),
            .ticket_to = db_cell(&r, i, 11),
        };
    *count = r.count;
    return 0;
}

const char *survey_phase(const char *state, long long opens_at, long long closes_at, long long now) {
    if (strcmp(state, "published") != 0)
        return "draft";
    return now < opens_at ? "scheduled" : now < closes_at ? "open" : "closed";
}

const char *survey_phase_name(const char *phase) {
    return !strcmp(phase, "draft")       ? "草稿"
           : !strcmp(phase, "scheduled") ? "未开始"
           : !strcmp(phase, "open")      ? "进行中"
                                         : "已结束";
}

const char *survey_audience_text(arena *a, const char *audience, const char *buildings, const char *from,
                                 const char *to) {
    if (!strcmp(audience, "buildings"))
        return buildings && buildings[0] ? buildings : "（未选楼栋）";
    if (!strcmp(audience, "ticket_households"))
        return arena_printf(a, "%s 至 %s 报事的住户", from, to);
    return "全小区";
}

int survey_edit_transaction(page_ctx *ctx, int (*step)(page_ctx *, void *, survey_refusal *), void *arg,
                            survey_refusal *why) {
    int r = DB_ERROR;
    for (int attempt = 0; attempt < 5; attempt++) {
        r = db_begin();
        if (r == DB_OK) {
            r = step(ctx, arg, why);
            if (r == 0)
                r = db_commit();
        }
        if (db_in_transaction())
            db_rollback();
        if (r != DB_DEADLOCK)
            return r;
        usleep(1000 + (useconds_t)attempt * 5000);
    }
    return r;
}

int survey_edit_lock(page_ctx *ctx, long long id, const char **state, bool *answered) {
    static db_stmt lock = DB_STMT("survey_edit_lock", "SELECT state FROM survey WHERE id = ? AND "
                                                      "community_id = ? FOR UPDATE");
    /* A locking read: it sees responses committed after the transaction began. */
    static db_stmt any =
        DB_STMT("survey_edit_any", "SELECT COUNT(*) FROM survey_response WHERE survey_id = ? "
                                   "LOCK IN SHARE MODE");
    db_arg args[2] = {DB_INT(id), DB_INT(ctx->user.community_id)};
    db_rows r;
    db_status s = db_exec(&lock, args, 2, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return 404;
    *state = db_cell(&r, 0, 0);
    if ((s = db_exec(&any, args, 1, ctx->arena, &r)) != DB_OK)
        return s;
    *answered = db_cell_int(&r, 0, 0) > 0;
    return 0;
}

int survey_answered(arena *a, long long survey_id, bool *answered) {
    static db_stmt st = DB_STMT("survey_answered", "SELECT EXISTS (SELECT 1 FROM survey_response WHERE "
                                                   "survey_id = ?)");
    db_arg args[1] = {DB_INT(survey_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *answered = db_cell_int(&r, 0, 0) != 0;
    return 0;
}

int survey_building_codes(arena *a, long long survey_id, const char ***codes, size_t *count) {
    static db_stmt st =
        DB_STMT("survey_building_codes",
                "SELECT b.code FROM survey_building sb JOIN building b ON b.id = sb.building_id "
                "WHERE sb.survey_id = ? ORDER BY LENGTH(b.code), b.code");
    db_arg args[1] = {DB_INT(survey_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *codes = arena_alloc(a, (r.count ? r.count : 1) * sizeof **codes);
    if (!*codes)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*codes)[i] = db_cell(&r, i, 0);
    *count = r.count;
    return 0;
}

/* --- new surveys ------------------------------------------------------------------- */

typedef struct create_step {
    const survey_draft *draft;
    long long id;
} create_step;

static int create_run(page_ctx *ctx, void *arg, survey_refusal *why) {
    static db_stmt ins = DB_STMT(
        "survey_create",
        "INSERT INTO survey (community_id, title, intro, state, opens_at, closes_at, audience, target_pct, "
        "created_by, created_at, updated_at) VALUES (?, ?, ?, 'draft', FROM_UNIXTIME(?), FROM_UNIXTIME(?), "
        "?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?))");
    static db_stmt question =
        DB_STMT("survey_create_question",
                "INSERT INTO survey_question (survey_id, position, type, text, choices, area, "
                "dimension, required) VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), "
                "NULLIF(?, ''), ?)");
    create_step *c = arg;
    const survey_draft *d = c->draft;
    (void)why;
    db_arg args[10] = {DB_INT(ctx->user.community_id),
                       DB_TEXT(d->title),
                       DB_TEXT(d->intro),
                       DB_INT(d->opens_at),
                       DB_INT(d->closes_at),
                       DB_TEXT(d->audience),
                       DB_INT(d->target_pct),
                       DB_INT(ctx->user.id),
                       DB_INT(ctx->now),
                       DB_INT(ctx->now)};
    db_rows r;
    db_status s = db_exec(&ins, args, 10, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    c->id = (long long)r.insert_id;
    for (size_t i = 0; i < d->question_count; i++) {
        const survey_draft_question *q = &d->questions[i];
        db_arg qa[8] = {
            DB_INT(c->id),       DB_INT(i + 1),    DB_TEXT(q->type),      DB_TEXT(q->text),
            DB_TEXT(q->choices), DB_TEXT(q->area), DB_TEXT(q->dimension), DB_INT(q->required ? 1 : 0)};
        if ((s = db_exec(&question, qa, 8, ctx->arena, NULL)) != DB_OK)
            return s;
    }
    return audit_record(ctx, "survey_create", "survey", c->id,
                        arena_printf(ctx->arena, "%s（%lu 题）", d->title, (unsigned long)d->question_count));
}

int survey_create(page_ctx *ctx, const survey_draft *d, long long *id) {
    create_step c = {d, 0};
    survey_refusal why = {0};
    int s = survey_edit_transaction(ctx, create_run, &c, &why);
    *id = c.id;
    return s;
}

typedef struct copy_step {
    long long from, id;
} copy_step;

static int copy_run(page_ctx *ctx, void *arg, survey_refusal *why) {
    static db_stmt ins = DB_STMT(
        "survey_copy",
        "INSERT INTO survey (community_id, title, intro, state, opens_at, closes_at, audience, ticket_from, "
        "ticket_to, target_pct, copied_from, created_by, created_at, updated_at) SELECT community_id, title, "
        "intro, 'draft', FROM_UNIXTIME(?), FROM_UNIXTIME(?), audience, ticket_from, ticket_to, target_pct, "
        "id, "
        "?, FROM_UNIXTIME(?), FROM_UNIXTIME(?) FROM survey WHERE id = ? AND community_id = ?");
    static db_stmt questions =
        DB_STMT("survey_copy_questions",
                "INSERT INTO survey_question (survey_id, position, type, text, choices, area, "
                "dimension, required) SELECT ?, position, type, text, choices, area, "
                "dimension, required FROM survey_question WHERE survey_id = ? ORDER BY position");
    static db_stmt buildings =
        DB_STMT("survey_copy_buildings", "INSERT INTO survey_building (survey_id, building_id) SELECT ?, "
                                         "building_id FROM survey_building WHERE survey_id = ?");
    copy_step *c = arg;
    (void)why;
    long long opens = ctx->now - ctx->now % 60;
    db_arg args[7] = {DB_INT(opens),
                      DB_INT(opens + 30LL * 24 * 3600),
                      DB_INT(ctx->user.id),
                      DB_INT(ctx->now),
                      DB_INT(ctx->now),
                      DB_INT(c->from),
                      DB_INT(ctx->user.community_id)};
    db_rows r;
    db_status s = db_exec(&ins, args, 7, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    if (!r.affected)
        return 404;
    c->id = (long long)r.insert_id;
    db_arg pair[2] = {DB_INT(c->id), DB_INT(c->from)};
    if ((s = db_exec(&questions, pair, 2, ctx->arena, NULL)) != DB_OK ||
        (s = db_exec(&buildings, pair, 2, ctx->arena, NULL)) != DB_OK)
        return s;
    return audit_record(ctx, "survey_copy", "survey", c->id,
                        arena_printf(ctx->arena, "复制自问卷 %lld", c->from));
}

int survey_copy(page_ctx *ctx, long long id, long long *new_id) {
    copy_step c = {id, 0};
    survey_refusal why = {0};
    int s = survey_edit_transaction(ctx, copy_run, &c, &why);
    *new_id = c.id;
    return s;
}
