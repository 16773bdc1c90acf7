/* survey_answer.c: a household's answers to a survey: checking a submission, reading the
 * response in force, saving a new one, and the surveys a household is asked (see
 * survey_answer.h). */
#include "survey_answer.h"

#include <stdio.h>
#include <string.h>

#include "../core/utf8.h"
#include "audit.h"

/* How often a write that lost a lock race is tried. */
#define WRITE_TRIES 3

/* The longest text answers, in characters. */
#define SHORT_MAX 300
#define LONG_MAX 2000

/* A whole-string decimal number of at most 3 digits, else -1. */
static int small_number(const char *s) {
    int n = 0, digits = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || ++digits > 3)
            return -1;
        n = n * 10 + (*s - '0');
    }
    return digits ? n : -1;
}

/* s without leading and trailing ASCII white space, CRLF and CR as LF, in the arena. */
static char *clean_text(arena *a, const char *s, size_t n) {
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    char *t = arena_alloc(a, n + 1);
    if (!t)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            t[j++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else {
            t[j++] = s[i];
        }
    }
    t[j] = '\0';
    return t;
}

/* Control characters other than line breaks and tabs (which only long answers may hold). */
static bool text_clean(const char *s, bool multiline) {
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c < 0x20 || c == 0x7F) && !(multiline && (c == '\n' || c == '\t')))
            return false;
    }
    return true;
}

/* Checks the text answer e of q. 0, or -1 out of memory. */
static int check_text(arena *a, const survey_question *q, survey_entry *e) {
    bool multiline = !strcmp(q->type, "long");
    long long max = multiline ? LONG_MAX : SHORT_MAX;
    if (e->count > 1) {
        e->error = "此题只能填写一个答案";
        return 0;
    }
    if (!text_clean(e->values[0], multiline)) {
        e->values[0] = "";
        e->error = multiline ? "内容含有无效字符" : "只能填写一行文字，且不能含有控制字符";
        return 0;
    }
    long long chars = (long long)utf8_count(e->values[0], strlen(e->values[0]));
    if (chars > max) {
        e->error = arena_printf(a, "最多 %lld 个字，现在是 %lld 个字", max, chars);
        if (!e->error)
            return -1;
    }
    return 0;
}

/* Checks the numbered answer e of q (a score or choice numbers). */
static void check_numbers(const survey_question *q, survey_entry *e) {
    bool multiple = !strcmp(q->type, "multiple");
    bool choice = multiple || !strcmp(q->type, "single");
    int low = !strcmp(q->type, "nps") ? 0 : 1;
    int high = choice ? (int)q->choice_count : !strcmp(q->type, "nps") ? 10 : 5;
    if (e->count > 1 && !multiple) {
        e->error = "此题只能选一项";
        return;
    }
    for (size_t i = 0; i < e->count; i++) {
        int n = small_number(e->values[i]);
        if (n < low || n > high) {
            e->error = choice                    ? "请从所列选项中选择"
                       : !strcmp(q->type, "nps") ? "请选择 0 到 10 分"
                                                 : "请选择 1 到 5 分";
            return;
        }
        for (size_t j = 0; j < i; j++)
            if (e->numbers[j] == n) {
                e->error = "同一选项只能选一次";
                return;
            }
        e->numbers[i] = n;
    }
}

int survey_submission_read(arena *a, const survey *s, const param_list *body, survey_submission *out) {
    out->count = s->question_count;
    out->errors = 0;
    out->entries = arena_alloc(a, (s->question_count ? s->question_count : 1) * sizeof *out->entries);
    if (!out->entries)
        return -1;
    for (size_t i = 0; i < s->question_count; i++) {
        const survey_question *q = &s->questions[i];
        survey_entry *e = &out->entries[i];
        char name[32];
        snprintf(name, sizeof name, "q%lld", q->id);
        size_t sent = 0;
        for (size_t k = 0; body && k < body->count; k++)
            sent += !strcmp(body->items[k].name, name);
        *e = (survey_entry){0};
        e->values = arena_alloc(a, (sent ? sent : 1) * sizeof *e->values);
        e->numbers = arena_alloc(a, (sent ? sent : 1) * sizeof *e->numbers);
        if (!e->values || !e->numbers)
            return -1;
        bool bad_bytes = false;
        for (size_t k = 0; body && k < body->count; k++) {
            const param *p = &body->items[k];
            if (strcmp(p->name, name))
                continue;
            if (p->filename || !utf8_valid(p->value, p->len)) {
                bad_bytes = true;
                continue;
            }
            char *v = clean_text(a, p->value, p->len);
            if (!v)
                return -1;
            if (*v) /* an empty text box or a blank value is no answer */
                e->values[e->count++] = v;
        }
        bool text = !strcmp(q->type, "short") || !strcmp(q->type, "long");
        if (bad_bytes)
            e->error = "内容含有无效字符";
        else if (!e->count && q->required)
            e->error = text ? "此题必答，请填写" : "此题必答，请选择";
        else if (e->count && text && check_text(a, q, e) != 0)
            return -1;
        else if (e->count && !text)
            check_numbers(q, e);
        out->errors += e->error != NULL;
    }
    return out->errors;
}

int survey_submission_current(arena *a, const survey *s, long long unit_id, survey_submission *out,
                              long long *submitted_at) {
    static db_stmt st =
        DB_STMT("survey_response_current",
                "SELECT id, UNIX_TIMESTAMP(submitted_at) FROM survey_response WHERE survey_id = ? "
                "AND unit_id = ? AND current_key = 1");
    static db_stmt answers =
        DB_STMT("survey_response_answers",
                "SELECT question_id, COALESCE(value_int, choice), COALESCE(value_text, '') "
                "FROM survey_answer WHERE response_id = ? ORDER BY id");
    db_arg args[2] = {DB_INT(s->id), DB_INT(unit_id)};
    db_rows r, ans = {0};
    *submitted_at = 0;
    db_status st_ = db_exec(&st, args, 2, a, &r);
    if (st_ != DB_OK)
        return st_;
    if (r.count) {
        *submitted_at = db_cell_int(&r, 0, 1);
        db_arg id[1] = {DB_INT(db_cell_int(&r, 0, 0))};
        if ((st_ = db_exec(&answers, id, 1, a, &ans)) != DB_OK)
            return st_;
    }
    out->count = s->question_count;
    out->errors = 0;
    out->entries = arena_alloc(a, (s->question_count ? s->question_count : 1) * sizeof *out->entries);
    if (!out->entries)
        return DB_ERROR;
    for (size_t i = 0; i < s->question_count; i++) {
        survey_entry *e = &out->entries[i];
        *e = (survey_entry){0};
        size_t n = 0;
        for (size_t k = 0; k < ans.count; k++)
            n += db_cell_int(&ans, k, 0) == s->questions[i].id;
        e->values = arena_alloc(a, (n ? n : 1) * sizeof *e->values);
        e->numbers = arena_alloc(a, (n ? n : 1) * sizeof *e->numbers);
        if (!e->values || !e->numbers)
            return DB_ERROR;
        for (size_t k = 0; k < ans.count; k++) {
            if (db_cell_int(&ans, k, 0) != s->questions[i].id)
                continue;
            bool text = db_cell(&ans, k, 1) == NULL;
            e->numbers[e->count] = (int)db_cell_int(&ans, k, 1);
            e->values[e->count++] = text ? db_cell(&ans, k, 2) : db_cell(&ans, k, 1);
        }
    }
    return 0;
}

/* Inserts the answers of sub to response id. */
static db_status insert_answers(const survey *s, const survey_submission *sub, long long id) {
    static db_stmt st =
        DB_STMT("survey_answer_insert", "INSERT INTO survey_answer (response_id, question_id, "
                                        "value_int, choice, value_text) VALUES (?, ?, ?, ?, ?)");
    for (size_t i = 0; i < s->question_count; i++) {
        const survey_question *q = &s->questions[i];
        const survey_entry *e = &sub->entries[i];
        bool score = !strcmp(q->type, "rating") || !strcmp(q->type, "nps");
        bool text = !strcmp(q->type, "short") || !strcmp(q->type, "long");
        for (size_t k = 0; k < e->count; k++) {
            db_arg args[5] = {DB_INT(id), DB_INT(q->id), score ? DB_INT(e->numbers[k]) : DB_NULL,
                              !score && !text ? DB_INT(e->numbers[k]) : DB_NULL,
                              text ? DB_TEXT(e->values[k]) : DB_NULL};
            db_status r = db_exec(&st, args, 5, NULL, NULL);
            if (r != DB_OK)
                return r;
        }
    }
    return DB_OK;
}

/* Inside the transaction: locks the survey row (the builder changes questions only under
 * its lock) and says whether it still takes answers. */
static db_status lock_open(arena *a, const survey *s, long long now, bool *open) {
    static db_stmt st =
        DB_STMT("survey_lock_open", "SELECT state, UNIX_TIMESTAMP(opens_at), UNIX_TIMESTAMP(closes_at) "
                                    "FROM survey WHERE id = ? LOCK IN SHARE MODE");
    db_arg args[1] = {DB_INT(s->id)};
    db_rows r;
    db_status st_ = db_exec(&st, args, 1, a, &r);
    *open = st_ == DB_OK && r.count && !strcmp(db_cell(&r, 0, 0), "published") &&
            now >= db_cell_int(&r, 0, 1) && now < db_cell_int(&r, 0, 2);
    return st_;
}

/* One attempt of the save transaction. 0, 409, or a db_status. */
static int save_once(page_ctx *ctx, const survey *s, const survey_submission *sub, long long unit_id,
                     long long account_id, const char *channel, long long *response_id) {
    static db_stmt retire =
        DB_STMT("survey_response_retire", "UPDATE survey_response SET current_key = NULL WHERE "
                                          "survey_id = ? AND unit_id = ? AND current_key = 1");
    static db_stmt insert =
        DB_STMT("survey_response_insert",
                "INSERT INTO survey_response (survey_id, community_id, unit_id, account_id, "
                "channel, current_key, submitted_at) VALUES (?, ?, ?, ?, ?, 1, FROM_UNIXTIME(?))");
    bool open = false;
    db_status st = db_begin();
    if (st != DB_OK)
        return st;
    if ((st = lock_open(ctx->arena, s, ctx->now, &open)) != DB_OK || !open)
        return db_rollback(), st != DB_OK ? st : 409;
    db_arg keys[2] = {DB_INT(s->id), DB_INT(unit_id)};
    db_rows r;
    if ((st = db_exec(&retire, keys, 2, NULL, NULL)) != DB_OK)
        return db_rollback(), st;
    db_arg args[6] = {DB_INT(s->id),    DB_INT(s->community_id), DB_INT(unit_id), db_int_or_null(account_id),
                      DB_TEXT(channel), DB_INT(ctx->now)};
    if ((st = db_exec(&insert, args, 6, ctx->arena, &r)) != DB_OK)
        return db_rollback(), st;
    *response_id = (long long)r.insert_id;
    const char *detail = arena_printf(ctx->arena, "survey %lld unit %lld %s", s->id, unit_id, channel);
    if ((st = insert_answers(s, sub, *response_id)) != DB_OK ||
        (st = ctx->signed_in ? audit_record(ctx, "survey_answer", "survey_response", *response_id, detail)
                             : audit_record_as(ctx, 0, 0, s->community_id, "survey_answer", "survey_response",
                                               *response_id, detail)) != DB_OK ||
        (st = db_commit()) != DB_OK)
        return db_rollback(), st;
    return 0;
}

int survey_response_save(page_ctx *ctx, const survey *s, const survey_submission *sub, long long unit_id,
                         long long account_id, const char *channel, long long *response_id) {
    int r = DB_ERROR;
    for (int attempt = 0; attempt < WRITE_TRIES; attempt++) {
        r = save_once(ctx, s, sub, unit_id, account_id, channel, response_id);
        /* A household submitting twice at once: one of them waits or loses and goes again. */
        if (r != DB_DEADLOCK && r != DB_DUPLICATE)
            return r;
    }
    return r;
}

int survey_resident_unit(arena *a, long long account_id, long long *unit_id, const char **unit_code) {
    static db_stmt st =
        DB_STMT("survey_resident_unit",
                "SELECT a.current_unit_id, u.code FROM account a JOIN unit u ON u.id = a.current_unit_id "
                "JOIN occupancy o ON o.unit_id = a.current_unit_id AND o.person_id = a.person_id AND "
                "o.until IS NULL WHERE a.id = ? LIMIT 1");
    db_arg args[1] = {DB_INT(account_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    *unit_id = s == DB_OK && r.count ? db_cell_int(&r, 0, 0) : 0;
    *unit_code = *unit_id ? db_cell(&r, 0, 1) : "";
    return s;
}

/* Whether the household (the unit of the argument) is in the survey's audience, for every
 * audience but ticket_households: that one's ticket period is turned into seconds in the
 * community's zone (survey.c), so it is asked apart. */
#define HOUSEHOLD_IN_AUDIENCE                                                                                \
    "s.audience <> 'ticket_households' AND EXISTS (SELECT 1 FROM unit u WHERE u.id = ? AND "                 \
    "u.community_id = s.community_id AND " SURVEY_AUDIENCE_OF_UNIT("s.audience", "s.audience", "s.id",       \
                                                                   "s.audience", "0", "0") ")"

int survey_household_list(arena *a, long long community_id, const char *zone, long long unit_id,
                          long long now, bool open_unanswered, survey_item **out, size_t *count) {
    static db_stmt st = DB_STMT_KEPT(
        "survey_household_list",
        "SELECT s.id, s.title, UNIX_TIMESTAMP(s.opens_at), UNIX_TIMESTAMP(s.closes_at), s.audience, "
        "COALESCE(DATE_FORMAT(s.ticket_from, '%Y-%m-%d'), ''), COALESCE(DATE_FORMAT(s.ticket_to, "
        "'%Y-%m-%d'), ''), "
        "COALESCE((SELECT UNIX_TIMESTAMP(r.submitted_at) FROM survey_response r WHERE r.survey_id = s.id AND "
        "r.unit_id = ? AND r.current_key = 1), 0), s.closes_at > FROM_UNIXTIME(?), " HOUSEHOLD_IN_AUDIENCE
        " FROM survey s WHERE s.community_id = ? AND s.state = 'published' AND s.opens_at <= "
        "FROM_UNIXTIME(?) "
        "ORDER BY s.closes_at > FROM_UNIXTIME(?) DESC, IF(s.closes_at > FROM_UNIXTIME(?), s.closes_at, "
        "NULL), s.closes_at DESC, s.id DESC LIMIT 200");
    db_arg args[7] = {DB_INT(unit_id), DB_INT(now), DB_INT(unit_id), DB_INT(community_id),
                      DB_INT(now),     DB_INT(now), DB_INT(now)};
    db_rows r;
    *count = 0;
    db_status s = db_exec(&st, args, 7, a, &r);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        survey_item it = {db_cell_int(&r, i, 0), db_cell(&r, i, 1),          db_cell_int(&r, i, 2),
                          db_cell_int(&r, i, 3), db_cell_int(&r, i, 8) != 0, db_cell_int(&r, i, 7)};
        if (open_unanswered && (!it.open || it.submitted_at))
            continue;
        bool in = unit_id > 0 && db_cell_int(&r, i, 9) != 0;
        if (!strcmp(db_cell(&r, i, 4), "ticket_households")) {
            survey one = {.id = it.id,
                          .community_id = community_id,
                          .audience = db_cell(&r, i, 4),
                          .ticket_from = db_cell(&r, i, 5),
                          .ticket_to = db_cell(&r, i, 6)};
            if ((s = survey_in_audience(a, &one, zone, unit_id, &in)) != DB_OK)
                return s;
        }
        if (in)
            (*out)[(*count)++] = it;
    }
    return 0;
}

int survey_link_place_load(arena *a, long long survey_id, long long unit_id, survey_link_place *out,
                           bool *found) {
    static db_stmt st = DB_STMT(
        "survey_link_place", "SELECT s.community_id, c.name, c.time_zone, COALESCE(u.code, '') FROM survey s "
                             "JOIN community c ON c.id = s.community_id LEFT JOIN unit u ON u.id = ? AND "
                             "u.community_id = s.community_id WHERE s.id = ?");
    db_arg args[2] = {DB_INT(unit_id), DB_INT(survey_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    *found = s == DB_OK && r.count;
    if (*found)
        *out = (survey_link_place){db_cell_int(&r, 0, 0), db_cell(&r, 0, 1), db_cell(&r, 0, 2),
                                   db_cell(&r, 0, 3)};
    return s;
}
