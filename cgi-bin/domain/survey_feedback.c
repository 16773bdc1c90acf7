/* survey_feedback.c: what residents wrote and scored low in a survey, shown without who
 * wrote it beyond the building; the anonymised answers for the CSV; and a ticket made from
 * a response, linked to it by survey_ticket. */
#include "survey_results.h"

#include <string.h>

#define FEEDBACK_LIMIT 2000 /* rows a page lists at most */
#define TICKET_TEXT_MAX 2000

/* The columns read by feedback_rows, and the survey_ticket made from each row. */
#define FEEDBACK_SELECT                                                                                      \
    "SELECT r.id, q.id, q.position, q.text, q.type, COALESCE(a.value_text, ''), COALESCE(a.value_int, 0), "  \
    "b.name, UNIX_TIMESTAMP(r.submitted_at), COALESCE(t.id, 0), COALESCE(t.code, '') FROM survey_answer a "  \
    "JOIN survey_response r ON r.id = a.response_id JOIN survey_question q ON q.id = a.question_id "         \
    "JOIN unit u ON u.id = r.unit_id JOIN building b ON b.id = u.building_id LEFT JOIN survey_ticket st ON " \
    "st.response_id = r.id AND st.question_id = q.id LEFT JOIN ticket t ON t.id = st.ticket_id "             \
    "WHERE r.survey_id = ? AND r.current_key = 1 AND "

static int feedback_rows(arena *a, db_stmt *st, const db_arg *args, size_t nargs, survey_feedback **out,
                         size_t *count) {
    db_rows r;
    int s = db_exec(st, args, nargs, a, &r);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*out)[i] = (survey_feedback){
            .response_id = db_cell_int(&r, i, 0),
            .question_id = db_cell_int(&r, i, 1),
            .position = (int)db_cell_int(&r, i, 2),
            .question_text = db_cell(&r, i, 3),
            .type = db_cell(&r, i, 4),
            .text = db_cell(&r, i, 5),
            .value = (int)db_cell_int(&r, i, 6),
            .building_name = db_cell(&r, i, 7),
            .submitted_at = db_cell_int(&r, i, 8),
            .ticket_id = db_cell_int(&r, i, 9),
            .ticket_code = db_cell(&r, i, 10),
        };
    *count = r.count;
    return 0;
}

int survey_comments(arena *a, long long survey_id, const char *query, survey_feedback **out, size_t *count) {
    static db_stmt st =
        DB_STMT("survey_comments", FEEDBACK_SELECT "q.type IN ('short', 'long') AND a.value_text <> '' AND "
                                                   "(? = '' OR a.value_text LIKE ?) ORDER BY r.submitted_at "
                                                   "DESC, r.id DESC, q.position LIMIT 2000");
    const char *q = query ? query : "";
    db_arg args[3] = {DB_INT(survey_id), DB_TEXT(q), DB_TEXT(*q ? db_like_contains(a, q) : "")};
    return feedback_rows(a, &st, args, 3, out, count);
}

int survey_low_scores(arena *a, long long survey_id, survey_feedback **out, size_t *count) {
    static db_stmt st = DB_STMT("survey_low_scores", FEEDBACK_SELECT
                                "((q.type = 'rating' AND a.value_int <= 2) OR (q.type = 'nps' "
                                "AND a.value_int <= 3)) ORDER BY r.submitted_at DESC, r.id "
                                "DESC, q.position LIMIT 2000");
    db_arg args[1] = {DB_INT(survey_id)};
    return feedback_rows(a, &st, args, 1, out, count);
}

/* Appends one answer row to the cell of its question: numbers and texts as they are,
 * choices by their text, several joined by "；". */
static const char *add_to_cell(arena *a, const survey_question *q, const char *cell, const db_rows *r,
                               size_t i) {
    const char *value;
    if (!strcmp(q->type, "single") || !strcmp(q->type, "multiple")) {
        long long choice = db_cell_int(r, i, 5);
        if (!db_cell(r, i, 5))
            return cell;
        value = choice >= 1 && (size_t)choice <= q->choice_count ? q->choices[choice - 1]
                                                                 : arena_printf(a, "%lld", choice);
    } else if (!strcmp(q->type, "rating") || !strcmp(q->type, "nps")) {
        value = db_cell(r, i, 4);
    } else {
        value = db_cell(r, i, 6);
    }
    if (!value || !*value)
        return cell;
    return *cell ? arena_printf(a, "%s；%s", cell, value) : value;
}

int survey_export_rows(arena *a, const survey *s, survey_export_row **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "survey_export_rows",
        "SELECT r.id, b.name, UNIX_TIMESTAMP(r.submitted_at), COALESCE(a.question_id, 0), a.value_int, "
        "a.choice, a.value_text FROM survey_response r JOIN unit u ON u.id = r.unit_id JOIN building b ON "
        "b.id = u.building_id LEFT JOIN survey_answer a ON a.response_id = r.id WHERE r.survey_id = ? AND "
        "r.current_key = 1 ORDER BY b.code, r.submitted_at, r.id, a.question_id, a.choice, a.id");
    db_rows r;
    db_arg args[1] = {DB_INT(s->id)};
    int status = db_exec(&st, args, 1, a, &r);
    if (status != DB_OK)
        return status;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    size_t n = 0;
    long long current = 0;
    for (size_t i = 0; i < r.count; i++) {
        if (!n || db_cell_int(&r, i, 0) != current) {
            current = db_cell_int(&r, i, 0);
            survey_export_row *row = &(*out)[n++];
            row->building_name = db_cell(&r, i, 1);
            row->submitted_at = db_cell_int(&r, i, 2);
            row->cells = arena_alloc(a, (s->question_count ? s->question_count : 1) * sizeof *row->cells);
            if (!row->cells)
                return DB_ERROR;
            for (size_t k = 0; k < s->question_count; k++)
                row->cells[k] = "";
        }
        long long question_id = db_cell_int(&r, i, 3);
        for (size_t k = 0; k < s->question_count; k++)
            if (s->questions[k].id == question_id)
                (*out)[n - 1].cells[k] = add_to_cell(a, &s->questions[k], (*out)[n - 1].cells[k], &r, i);
    }
    *count = n;
    return 0;
}

/* --- a ticket from a response --------------------------------------------------------- */

const char *survey_ticket_text(arena *a, const survey *s, const survey_feedback *f) {
    const char *answer = !strcmp(f->type, "rating") ? arena_printf(a, "%d 分（满分 5 分）", f->value)
                         : !strcmp(f->type, "nps") ? arena_printf(a, "%d 分（推荐意愿 0-10）", f->value)
                                                   : f->text;
    const char *text = arena_printf(a, "满意度调查《%s》第 %d 题：%s\n住户回答：%s", s->title, f->position,
                                    f->question_text, answer);
    /* Cut to the ticket's limit on a character boundary. */
    size_t chars = 0, i = 0;
    for (; text[i]; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80 && ++chars > TICKET_TEXT_MAX)
            return arena_strndup(a, text, i);
    return text;
}

/* The category a ticket from a question of area gets: the matching one of the default
 * categories when the community has it, else its first active category of the kind. */
static const char *mapped_category(const char *kind, const char *area) {
    static const char *const areas[] = {"service",  "engineering", "security", "cleaning",
                                        "greening", "elevator",    "fees"};
    static const char *const complaint[] = {"attitude", "repair_quality", "security",     "sanitation",
                                            "greening", "repair_quality", "fee_complaint"};
    static const char *const suggestion[] = {"service",     "facility_improve", "suggestion_other",
                                             "environment", "environment",      "facility_improve",
                                             "service"};
    for (size_t i = 0; area && i < sizeof areas / sizeof areas[0]; i++)
        if (!strcmp(area, areas[i]))
            return !strcmp(kind, "complaint") ? complaint[i] : suggestion[i];
    return "";
}

typedef struct link_data {
    const survey_ticket_request *request;
} link_data;

/* Inside ticket_create's transaction: the response row locked, so two staff members making
 * a ticket from the same answer at once are serialised and the second sees the first. */
static int link_ticket(arena *a, long long ticket_id, void *data, ticket_refusal *why) {
    static db_stmt lock =
        DB_STMT("survey_ticket_lock", "SELECT id FROM survey_response WHERE id = ? FOR UPDATE");
    static db_stmt existing = DB_STMT(
        "survey_ticket_existing", "SELECT t.code FROM survey_ticket st JOIN ticket t ON t.id = st.ticket_id "
                                  "WHERE st.response_id = ? AND st.question_id <=> ?");
    static db_stmt insert = DB_STMT(
        "survey_ticket_insert", "INSERT INTO survey_ticket (response_id, ticket_id, question_id, staff_id, "
                                "at) VALUES (?, ?, ?, ?, FROM_UNIXTIME(?))");
    const survey_ticket_request *r = ((link_data *)data)->request;
    db_rows rows;
    db_arg args[2] = {DB_INT(r->response_id), db_int_or_null(r->question_id)};
    int s = db_exec(&lock, args, 1, a, &rows);
    if (s == DB_OK)
        s = db_exec(&existing, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count)
        return ticket_refuse(
            why, 409, NULL,
            arena_printf(a, "这份答卷的这一题已经转为工单 %s，不再重复登记。", db_cell(&rows, 0, 0)));
    db_arg iargs[5] = {DB_INT(r->response_id), DB_INT(ticket_id), db_int_or_null(r->question_id),
                       DB_INT(r->staff_id), DB_INT(r->now)};
    return db_exec(&insert, iargs, 5, a, NULL);
}

int survey_ticket_create(arena *a, const survey *s, const survey_ticket_request *r, const char *upload_dir,
                         long long *ticket_id, const char **ticket_code, ticket_refusal *why) {
    static db_stmt response =
        DB_STMT("survey_ticket_response", "SELECT unit_id FROM survey_response WHERE id = "
                                          "? AND survey_id = ? AND current_key = 1");
    static db_stmt category = DB_STMT(
        "survey_ticket_category", "SELECT code FROM ticket_category WHERE community_id = ? AND kind = ? AND "
                                  "active = 1 ORDER BY code = ? DESC, sort, id LIMIT 1");
    const survey_question *q = NULL;
    for (size_t i = 0; r->question_id && i < s->question_count; i++)
        if (s->questions[i].id == r->question_id)
            q = &s->questions[i];
    if (r->question_id && !q)
        return ticket_refuse(why, 404, NULL, "这份问卷没有这道题。");
    db_rows rows;
    db_arg args[2] = {DB_INT(r->response_id), DB_INT(s->id)};
    int st = db_exec(&response, args, 2, a, &rows);
    if (st != DB_OK)
        return st;
    if (!rows.count)
        return ticket_refuse(why, 404, NULL, "这份问卷没有这份答卷（或它已被住户重新提交的答卷取代）。");
    long long unit_id = db_cell_int(&rows, 0, 0);
    db_arg cargs[3] = {DB_INT(s->community_id), DB_TEXT(r->kind),
                       DB_TEXT(mapped_category(r->kind, q ? q->area : NULL))};
    if ((st = db_exec(&category, cargs, 3, a, &rows)) != DB_OK)
        return st;
    if (!rows.count)
        return ticket_refuse(why, 422, "kind", "本小区没有这一类型可用的工单类别，请先在类别设置中启用。");
    link_data link = {r};
    ticket_draft d = {
        .community_id = s->community_id,
        .kind = r->kind,
        .category_code = db_cell(&rows, 0, 0),
        .location = "home",
        .unit_id = unit_id,
        .place = "",
        .description = r->text,
        .channel = "other",
        .severity = "normal",
        .reporter_name = "满意度调查",
        .reporter_phone = "",
        .actor_kind = 's',
        .actor_id = r->staff_id,
        .now = r->now,
        .after_insert = link_ticket,
        .after_data = &link,
    };
    return ticket_create(a, &d, upload_dir, ticket_id, ticket_code, why);
}
