/* survey_edit_questions.c: adding, changing, moving and removing a survey's questions
 * (see survey_edit.h). Positions stay 1..n without gaps: a move swaps two neighbours and a
 * removal closes the gap, each in one transaction under the survey's lock. */
#include <string.h>

#include "audit.h"
#include "survey_edit.h"

#define QUESTIONS_MAX 100

static int refuse(survey_refusal *why, int status, const char *message) {
    why->field = NULL;
    why->message = message;
    return status;
}

/* Locks the survey and refuses when it has any response: the answers refer to the
 * questions. */
static int lock_unanswered(page_ctx *ctx, long long id, survey_refusal *why) {
    const char *state;
    bool answered;
    int r = survey_edit_lock(ctx, id, &state, &answered);
    if (r)
        return r;
    if (answered)
        return refuse(why, 409,
                      "这份问卷已有住户作答，题目不能再修改（否则已收到的答案会对不上题目）。"
                      "如需调整题目，请复制为新问卷再修改。");
    return 0;
}

/* The position of question_id in survey id: 0, 404, or < 0. */
static int position_of(page_ctx *ctx, long long id, long long question_id, long long *position) {
    static db_stmt st =
        DB_STMT("survey_question_position", "SELECT position FROM survey_question WHERE id = ? "
                                            "AND survey_id = ?");
    db_arg args[2] = {DB_INT(question_id), DB_INT(id)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return 404;
    *position = db_cell_int(&r, 0, 0);
    return 0;
}

typedef struct question_step {
    long long id, question_id;
    const survey_question_input *q;
    bool up;
} question_step;

static int add_run(page_ctx *ctx, void *arg, survey_refusal *why) {
    static db_stmt count =
        DB_STMT("survey_question_count", "SELECT COUNT(*), COALESCE(MAX(position), 0) FROM "
                                         "survey_question WHERE survey_id = ?");
    static db_stmt ins = DB_STMT(
        "survey_question_add", "INSERT INTO survey_question (survey_id, position, type, text, choices, area, "
                               "dimension, required) VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), "
                               "NULLIF(?, ''), ?)");
    question_step *c = arg;
    const survey_question_input *q = c->q;
    int r = lock_unanswered(ctx, c->id, why);
    if (r)
        return r;
    db_arg one[1] = {DB_INT(c->id)};
    db_rows n;
    db_status s = db_exec(&count, one, 1, ctx->arena, &n);
    if (s != DB_OK)
        return s;
    if (db_cell_int(&n, 0, 0) >= QUESTIONS_MAX)
        return refuse(why, 409, "一份问卷最多 100 道题。");
    db_arg args[8] = {DB_INT(c->id),         DB_INT(db_cell_int(&n, 0, 1) + 1),
                      DB_TEXT(q->type),      DB_TEXT(q->text),
                      DB_TEXT(q->choices),   DB_TEXT(q->area),
                      DB_TEXT(q->dimension), DB_INT(q->required ? 1 : 0)};
    db_rows done;
    if ((s = db_exec(&ins, args, 8, ctx->arena, &done)) != DB_OK)
        return s;
    c->question_id = (long long)done.insert_id;
    return audit_record(
        ctx, "survey_question_add", "survey", c->id,
        arena_printf(ctx->arena, "第 %lld 题 %s：%s", db_cell_int(&n, 0, 1) + 1, q->type, q->text));
}

int survey_question_add(page_ctx *ctx, long long id, const survey_question_input *q, survey_refusal *why) {
    question_step c = {id, 0, q, false};
    return survey_edit_transaction(ctx, add_run, &c, why);
}

static int update_run(page_ctx *ctx, void *arg, survey_refusal *why) {
    static db_stmt st =
        DB_STMT("survey_question_update",
                "UPDATE survey_question SET type = ?, text = ?, choices = NULLIF(?, ''), area = "
                "NULLIF(?, ''), dimension = NULLIF(?, ''), required = ? WHERE id = ? AND "
                "survey_id = ?");
    question_step *c = arg;
    const survey_question_input *q = c->q;
    long long position;
    int r = lock_unanswered(ctx, c->id, why);
    if (r || (r = position_of(ctx, c->id, c->question_id, &position)) != 0)
        return r;
    db_arg args[8] = {DB_TEXT(q->type),       DB_TEXT(q->text),      DB_TEXT(q->choices),
                      DB_TEXT(q->area),       DB_TEXT(q->dimension), DB_INT(q->required ? 1 : 0),
                      DB_INT(c->question_id), DB_INT(c->id)};
    db_status s = db_exec(&st, args, 8, ctx->arena, NULL);
    if (s != DB_OK)
        return s;
    return audit_record(ctx, "survey_question_update", "survey", c->id,
                        arena_printf(ctx->arena, "第 %lld 题 %s：%s", position, q->type, q->text));
}

int survey_question_update(page_ctx *ctx, long long id, long long question_id, const survey_question_input *q,
                           survey_refusal *why) {
    question_step c = {id, question_id, q, false};
    return survey_edit_transaction(ctx, update_run, &c, why);
}

/* Sets the position of a question (0 parks it while its neighbour takes its place). */
static db_status set_position(page_ctx *ctx, long long id, long long position, long long to) {
    static db_stmt st = DB_STMT("survey_question_place", "UPDATE survey_question SET position = ? WHERE "
                                                         "survey_id = ? AND position = ?");
    db_arg args[3] = {DB_INT(to), DB_INT(id), DB_INT(position)};
    return db_exec(&st, args, 3, ctx->arena, NULL);
}

static int move_run(page_ctx *ctx, void *arg, survey_refusal *why) {
    static db_stmt last = DB_STMT("survey_question_last", "SELECT COALESCE(MAX(position), 0) FROM "
                                                          "survey_question WHERE survey_id = ?");
    question_step *c = arg;
    long long from;
    int r = lock_unanswered(ctx, c->id, why);
    if (r || (r = position_of(ctx, c->id, c->question_id, &from)) != 0)
        return r;
    db_arg one[1] = {DB_INT(c->id)};
    db_rows n;
    db_status s = db_exec(&last, one, 1, ctx->arena, &n);
    if (s != DB_OK)
        return s;
    long long to = c->up ? from - 1 : from + 1;
    if (to < 1 || to > db_cell_int(&n, 0, 0))
        return refuse(why, 409, c->up ? "这已经是第一题。" : "这已经是最后一题。");
    if ((s = set_position(ctx, c->id, from, 0)) != DB_OK ||
        (s = set_position(ctx, c->id, to, from)) != DB_OK || (s = set_position(ctx, c->id, 0, to)) != DB_OK)
        return s;
    return audit_record(ctx, "survey_question_move", "survey", c->id,
                        arena_printf(ctx->arena, "第 %lld 题移到第 %lld 题", from, to));
}

int survey_question_move(page_ctx *ctx, long long id, long long question_id, bool up, survey_refusal *why) {
    question_step c = {id, question_id, NULL, up};
    return survey_edit_transaction(ctx, move_run, &c, why);
}

static int remove_run(page_ctx *ctx, void *arg, survey_refusal *why) {
    static db_stmt del = DB_STMT("survey_question_remove", "DELETE FROM survey_question WHERE id = ? AND "
                                                           "survey_id = ?");
    /* In position order, so that no two questions share a position on the way. */
    static db_stmt close =
        DB_STMT("survey_question_close", "UPDATE survey_question SET position = position - 1 "
                                         "WHERE survey_id = ? AND position > ? ORDER BY "
                                         "position");
    question_step *c = arg;
    long long position;
    int r = lock_unanswered(ctx, c->id, why);
    if (r || (r = position_of(ctx, c->id, c->question_id, &position)) != 0)
        return r;
    db_arg args[2] = {DB_INT(c->question_id), DB_INT(c->id)};
    db_arg gap[2] = {DB_INT(c->id), DB_INT(position)};
    db_status s = db_exec(&del, args, 2, ctx->arena, NULL);
    if (s == DB_OK)
        s = db_exec(&close, gap, 2, ctx->arena, NULL);
    if (s != DB_OK)
        return s;
    return audit_record(ctx, "survey_question_remove", "survey", c->id,
                        arena_printf(ctx->arena, "删除第 %lld 题", position));
}

int survey_question_remove(page_ctx *ctx, long long id, long long question_id, survey_refusal *why) {
    question_step c = {id, question_id, NULL, false};
    return survey_edit_transaction(ctx, remove_run, &c, why);
}
