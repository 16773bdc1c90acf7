/* survey_edit_settings.c: a survey's settings (title, introduction, period, audience,
 * target) and publishing it (see survey_edit.h). */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "survey_edit.h"

static int refuse(survey_refusal *why, int status, const char *field_name, const char *message) {
    why->field = field_name;
    why->message = message;
    return status;
}

/* The *count ids of the audience buildings, also as *list "3,5,7" (ascending), refusing
 * unknown codes: 0, 422 with why, or < 0. */
static int building_ids(page_ctx *ctx, const survey_settings *s, long long **ids, size_t *count,
                        const char **list, survey_refusal *why) {
    static db_stmt st = DB_STMT("survey_settings_building", "SELECT id FROM building WHERE community_id = ? "
                                                            "AND code = ?");
    *list = "";
    *ids = arena_alloc(ctx->arena, (s->building_count ? s->building_count : 1) * sizeof **ids);
    if (!*ids)
        return DB_ERROR;
    size_t n = 0;
    for (size_t i = 0; i < s->building_count; i++) {
        db_arg args[2] = {DB_INT(ctx->user.community_id), DB_TEXT(s->buildings[i])};
        db_rows r;
        db_status found = db_exec(&st, args, 2, ctx->arena, &r);
        if (found != DB_OK)
            return found;
        if (!r.count)
            return refuse(why, 422, "building",
                          arena_printf(ctx->arena, "本小区没有楼栋 %s", s->buildings[i]));
        long long id = db_cell_int(&r, 0, 0);
        size_t k = n;
        bool seen = false;
        for (size_t j = 0; j < n; j++)
            seen = seen || (*ids)[j] == id;
        if (seen)
            continue;
        while (k > 0 && (*ids)[k - 1] > id) {
            (*ids)[k] = (*ids)[k - 1];
            k--;
        }
        (*ids)[k] = id;
        n++;
    }
    for (size_t i = 0; i < n; i++)
        *list = arena_printf(ctx->arena, "%s%s%lld", *list, i ? "," : "", (*ids)[i]);
    *count = n;
    return *list ? 0 : DB_ERROR;
}

/* With responses the audience stays: the same kind, ticket dates and buildings. */
static int audience_kept(page_ctx *ctx, long long id, const survey_settings *s, const char *list,
                         bool *kept) {
    static db_stmt st =
        DB_STMT("survey_settings_audience",
                "SELECT audience, COALESCE(DATE_FORMAT(ticket_from, '%Y-%m-%d'), ''), "
                "COALESCE(DATE_FORMAT(ticket_to, '%Y-%m-%d'), ''), COALESCE((SELECT GROUP_CONCAT(building_id "
                "ORDER BY "
                "building_id) FROM survey_building WHERE survey_id = s.id), '') FROM survey s WHERE id = ?");
    db_arg args[1] = {DB_INT(id)};
    db_rows r;
    db_status got = db_exec(&st, args, 1, ctx->arena, &r);
    if (got != DB_OK)
        return got;
    bool tickets = !strcmp(s->audience, "ticket_households");
    *kept = r.count && !strcmp(db_cell(&r, 0, 0), s->audience) &&
            !strcmp(db_cell(&r, 0, 1), tickets ? s->ticket_from : "") &&
            !strcmp(db_cell(&r, 0, 2), tickets ? s->ticket_to : "") && !strcmp(db_cell(&r, 0, 3), list);
    return 0;
}

typedef struct settings_step {
    long long id;
    const survey_settings *s;
} settings_step;

static int settings_run(page_ctx *ctx, void *arg, survey_refusal *why) {
    static db_stmt update =
        DB_STMT("survey_settings_save",
                "UPDATE survey SET title = ?, intro = ?, opens_at = FROM_UNIXTIME(?), closes_at = "
                "FROM_UNIXTIME(?), audience = ?, ticket_from = ?, ticket_to = ?, target_pct = ?, "
                "updated_at = FROM_UNIXTIME(?) WHERE id = ?");
    static db_stmt clear =
        DB_STMT("survey_settings_clear", "DELETE FROM survey_building WHERE survey_id = ?");
    static db_stmt add =
        DB_STMT("survey_settings_add", "INSERT INTO survey_building (survey_id, building_id) "
                                       "VALUES (?, ?)");
    settings_step *c = arg;
    const survey_settings *s = c->s;
    const char *state;
    bool answered;
    int r = survey_edit_lock(ctx, c->id, &state, &answered);
    if (r)
        return r;
    if (s->closes_at <= s->opens_at)
        return refuse(why, 422, "closes_at", "结束时间应晚于开始时间");
    bool by_building = !strcmp(s->audience, "buildings");
    bool tickets = !strcmp(s->audience, "ticket_households");
    long long *ids = NULL;
    const char *list = "";
    size_t n = 0;
    if (by_building && (r = building_ids(ctx, s, &ids, &n, &list, why)) != 0)
        return r;
    if (by_building && !n)
        return refuse(why, 422, "building", "调查对象为部分楼栋时，请至少选择一栋");
    if (tickets && (!s->ticket_from[0] || !s->ticket_to[0]))
        return refuse(why, 422, s->ticket_from[0] ? "ticket_to" : "ticket_from", "请填写报事的起止日期");
    if (tickets && strcmp(s->ticket_from, s->ticket_to) > 0)
        return refuse(why, 422, "ticket_to", "截止日期不能早于起始日期");
    if (answered) {
        bool kept;
        if ((r = audience_kept(ctx, c->id, s, list, &kept)) != 0)
            return r;
        if (!kept)
            return refuse(why, 409, "audience",
                          "这份问卷已有住户作答，调查对象不能再改；如需调查其他住户，请复制为新问卷。");
    }
    db_arg args[10] = {DB_TEXT(s->title),
                       DB_TEXT(s->intro),
                       DB_INT(s->opens_at),
                       DB_INT(s->closes_at),
                       DB_TEXT(s->audience),
                       tickets ? DB_TEXT(s->ticket_from) : DB_NULL,
                       tickets ? DB_TEXT(s->ticket_to) : DB_NULL,
                       DB_INT(s->target_pct),
                       DB_INT(ctx->now),
                       DB_INT(c->id)};
    db_status st = db_exec(&update, args, 10, ctx->arena, NULL);
    if (st == DB_OK && !answered)
        st = db_exec(&clear, args + 9, 1, ctx->arena, NULL);
    for (size_t i = 0; st == DB_OK && !answered && i < n; i++) {
        db_arg pair[2] = {DB_INT(c->id), DB_INT(ids[i])};
        st = db_exec(&add, pair, 2, ctx->arena, NULL);
    }
    if (st != DB_OK)
        return st;
    return audit_record(ctx, "survey_settings", "survey", c->id,
                        arena_printf(ctx->arena, "%s；对象 %s%s%s；目标 %d%%", s->title, s->audience,
                                     list[0] ? " " : "", list, s->target_pct));
}

int survey_settings_save(page_ctx *ctx, long long id, const survey_settings *s, survey_refusal *why) {
    settings_step c = {id, s};
    return survey_edit_transaction(ctx, settings_run, &c, why);
}

static int publish_run(page_ctx *ctx, void *arg, survey_refusal *why) {
    static db_stmt facts =
        DB_STMT("survey_publish_facts",
                "SELECT UNIX_TIMESTAMP(opens_at), UNIX_TIMESTAMP(closes_at), (SELECT COUNT(*) "
                "FROM survey_question q WHERE q.survey_id = s.id) FROM survey s WHERE id = ?");
    static db_stmt publish = DB_STMT("survey_publish", "UPDATE survey SET state = 'published', updated_at = "
                                                       "FROM_UNIXTIME(?) WHERE id = ?");
    long long id = *(long long *)arg;
    const char *state;
    bool answered;
    int r = survey_edit_lock(ctx, id, &state, &answered);
    if (r)
        return r;
    if (!strcmp(state, "published"))
        return refuse(why, 409, NULL, "这份问卷已经发布。");
    db_arg args[2] = {DB_INT(ctx->now), DB_INT(id)};
    db_rows f;
    db_status st = db_exec(&facts, args + 1, 1, ctx->arena, &f);
    if (st != DB_OK)
        return st;
    if (db_cell_int(&f, 0, 2) == 0)
        return refuse(why, 409, NULL, "问卷还没有题目，请至少添加一道题再发布。");
    if (db_cell_int(&f, 0, 1) <= db_cell_int(&f, 0, 0))
        return refuse(why, 422, "closes_at", "结束时间应晚于开始时间，请先修改调查时间。");
    if (db_cell_int(&f, 0, 1) <= ctx->now)
        return refuse(why, 422, "closes_at", "结束时间已过，请先把结束时间改到以后再发布。");
    if ((st = db_exec(&publish, args, 2, ctx->arena, NULL)) != DB_OK)
        return st;
    return audit_record(ctx, "survey_publish", "survey", id, NULL);
}

int survey_publish(page_ctx *ctx, long long id, survey_refusal *why) {
    return survey_edit_transaction(ctx, publish_run, &id, why);
}
