/* survey.c: loading a survey, its audience and the personal link token (see survey.h). */
#include "survey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/clock.h"
#include "../core/csrf.h"

const char *const survey_types[] = {"rating", "nps", "single", "multiple", "short", "long", NULL};
const char *const survey_areas[] = {"service",  "engineering", "security", "cleaning",
                                    "greening", "elevator",    "fees",     NULL};
const char *const survey_dimensions[] = {"tangibles", "reliability", "responsiveness",
                                         "assurance", "empathy",     NULL};

static const char *name_of(const char *const *codes, const char *const *names, const char *code) {
    for (size_t i = 0; code && codes[i]; i++)
        if (!strcmp(codes[i], code))
            return names[i];
    return "";
}

const char *survey_type_name(const char *type) {
    static const char *const names[] = {"满意度评分（1-5）", "推荐意愿（0-10）", "单选", "多选",
                                        "简短回答",          "详细意见"};
    return name_of(survey_types, names, type);
}

const char *survey_area_name(const char *area) {
    static const char *const names[] = {"客服", "工程维修", "保安", "保洁", "绿化", "电梯", "收费"};
    return name_of(survey_areas, names, area);
}

const char *survey_dimension_name(const char *dimension) {
    static const char *const names[] = {"有形性", "可靠性", "响应性", "保证性", "移情性"};
    return name_of(survey_dimensions, names, dimension);
}

/* Splits the stored choices (one per line; blank lines and a CR before LF ignored). */
static int split_choices(arena *a, const char *text, survey_question *q) {
    q->choices = NULL;
    q->choice_count = 0;
    if (!text || !*text)
        return 0;
    size_t lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    q->choices = arena_alloc(a, lines * sizeof *q->choices);
    if (!q->choices)
        return -1;
    for (const char *p = text; *p;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        size_t m = n;
        while (m && (p[m - 1] == '\r' || p[m - 1] == ' '))
            m--;
        if (m) {
            char *c = arena_alloc(a, m + 1);
            if (!c)
                return -1;
            memcpy(c, p, m);
            c[m] = '\0';
            q->choices[q->choice_count++] = c;
        }
        p += n + (end ? 1 : 0);
    }
    return 0;
}

int survey_load(arena *a, long long community_id, long long id, survey *out, bool *found) {
    static db_stmt st = DB_STMT(
        "survey_load",
        "SELECT s.id, s.community_id, s.title, s.intro, s.state, UNIX_TIMESTAMP(s.opens_at), "
        "UNIX_TIMESTAMP(s.closes_at), s.audience, COALESCE(DATE_FORMAT(s.ticket_from, '%Y-%m-%d'), ''), "
        "COALESCE(DATE_FORMAT(s.ticket_to, '%Y-%m-%d'), ''), s.target_pct, COALESCE(s.copied_from, 0), "
        "(SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id AND r.current_key = 1) "
        "FROM survey s WHERE s.id = ? AND s.community_id = ?");
    static db_stmt qs = DB_STMT("survey_questions",
                                "SELECT id, position, type, text, COALESCE(choices, ''), COALESCE(area, ''), "
                                "COALESCE(dimension, ''), required FROM survey_question WHERE survey_id = ? "
                                "ORDER BY position");
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_rows r, q;
    db_status s = db_exec(&st, args, 2, a, &r);
    *found = false;
    if (s != DB_OK)
        return s;
    if (!r.count)
        return 0;
    if ((s = db_exec(&qs, args, 1, a, &q)) != DB_OK)
        return s;
    *out = (survey){
        .id = db_cell_int(&r, 0, 0),
        .community_id = db_cell_int(&r, 0, 1),
        .title = db_cell(&r, 0, 2),
        .intro = db_cell(&r, 0, 3),
        .state = db_cell(&r, 0, 4),
        .opens_at = db_cell_int(&r, 0, 5),
        .closes_at = db_cell_int(&r, 0, 6),
        .audience = db_cell(&r, 0, 7),
        .ticket_from = db_cell(&r, 0, 8),
        .ticket_to = db_cell(&r, 0, 9),
        .target_pct = (int)db_cell_int(&r, 0, 10),
        .copied_from = db_cell_int(&r, 0, 11),
        .responses = db_cell_int(&r, 0, 12),
    };
    out->questions = arena_alloc(a, (q.count ? q.count : 1) * sizeof *out->questions);
    if (!out->questions)
        return DB_ERROR;
    for (size_t i = 0; i < q.count; i++) {
        survey_question *x = &out->questions[i];
        *x = (survey_question){
            .id = db_cell_int(&q, i, 0),
            .position = (int)db_cell_int(&q, i, 1),
            .type = db_cell(&q, i, 2),
            .text = db_cell(&q, i, 3),
            .area = db_cell(&q, i, 5),
            .dimension = db_cell(&q, i, 6),
            .required = db_cell_int(&q, i, 7) != 0,
        };
        if (split_choices(a, db_cell(&q, i, 4), x) != 0)
            return DB_ERROR;
    }
    out->question_count = q.count;
    *found = true;
    return 0;
}

bool survey_is_open(const survey *s, long long now) {
    return !strcmp(s->state, "published") && now >= s->opens_at && now < s->closes_at;
}

/* The unix bounds [from, to) of the ticket period of ticket_households, local days. */
static void ticket_bounds(const survey *s, const char *zone, long long *from, long long *to) {
    char text[24];
    *from = 0;
    *to = 0;
    snprintf(text, sizeof text, "%sT00:00", s->ticket_from);
    if (!s->ticket_from[0] || clock_parse_local(text, zone, from) != 0)
        *from = 0;
    /* to: local midnight after the last day */
    struct tm day = {0};
    if (s->ticket_to[0] && sscanf(s->ticket_to, "%d-%d-%d", &day.tm_year, &day.tm_mon, &day.tm_mday) == 3) {
        day.tm_year -= 1900;
        day.tm_mon -= 1;
        day.tm_mday += 1;
        time_t t = timegm(&day);
        struct tm next;
        if (gmtime_r(&t, &next) && strftime(text, sizeof text, "%Y-%m-%dT00:00", &next) &&
            clock_parse_local(text, zone, to) == 0)
            return;
    }
    *to = 0;
}

/* The audience query's conditions after the unit's; its arguments start at the audience. */
#define AUDIENCE_OF_UNIT SURVEY_AUDIENCE_OF_UNIT("?", "?", "?", "?", "?", "?") " "

/* The audience query, for every household (unit 0) or one (read by its key: the portal's
 * home asks it for each open survey). */
static int audience_rows(arena *a, const survey *s, const char *zone, long long unit_id, db_rows *r) {
    static db_stmt all =
        DB_STMT("survey_audience", "SELECT u.id, u.code, b.code, b.name FROM unit u JOIN building b "
                                   "ON b.id = u.building_id WHERE u.community_id = ? AND "
                                   "? = 0 AND " AUDIENCE_OF_UNIT "ORDER BY b.code, u.floor, u.code");
    static db_stmt one =
        DB_STMT("survey_audience_unit", "SELECT u.id, u.code, b.code, b.name FROM unit u JOIN "
                                        "building b ON b.id = u.building_id WHERE u.community_id "
                                        "= ? AND u.id = ? AND " AUDIENCE_OF_UNIT);
    long long from, to;
    ticket_bounds(s, zone, &from, &to);
    db_arg args[8] = {
        DB_INT(s->community_id), DB_INT(unit_id),      DB_TEXT(s->audience), DB_TEXT(s->audience),
        DB_INT(s->id),           DB_TEXT(s->audience), DB_INT(from),         DB_INT(to)};
    return db_exec(unit_id ? &one : &all, args, 8, a, r);
}

int survey_audience(arena *a, const survey *s, const char *zone, survey_household **out, size_t *count) {
    db_rows r;
    db_status st = audience_rows(a, s, zone, 0, &r);
    if (st != DB_OK)
        return st;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*out)[i] = (survey_household){db_cell_int(&r, i, 0), db_cell(&r, i, 1), db_cell(&r, i, 2),
                                       db_cell(&r, i, 3)};
    *count = r.count;
    return 0;
}

int survey_in_audience(arena *a, const survey *s, const char *zone, long long unit_id, bool *in) {
    db_rows r;
    *in = false;
    if (unit_id <= 0)
        return 0;
    db_status st = audience_rows(a, s, zone, unit_id, &r);
    if (st != DB_OK)
        return st;
    *in = r.count > 0;
    return 0;
}

const char *survey_token_make(arena *a, const unsigned char key[SESSION_KEY_BYTES], long long survey_id,
                              long long unit_id, long long expires) {
    char binding[96], mac[CSRF_TOKEN_LEN + 1];
    snprintf(binding, sizeof binding, "survey:%lld:%lld:%lld", survey_id, unit_id, expires);
    csrf_token(key, binding, mac);
    return arena_printf(a, "%lld.%lld.%lld.%s", survey_id, unit_id, expires, mac);
}

/* A positive decimal number ending at '.', advancing *p past the dot. */
static bool read_part(const char **p, long long *v) {
    const char *s = *p;
    long long n = 0;
    int digits = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++digits > 15)
            return false;
        n = n * 10 + (*s - '0');
    }
    if (!digits || *s != '.' || (digits > 1 && **p == '0'))
        return false;
    *p = s + 1;
    *v = n;
    return true;
}

int survey_token_read(const unsigned char key[SESSION_KEY_BYTES], const char *token, long long *survey_id,
                      long long *unit_id, long long *expires) {
    const char *p = token;
    long long s, u, e;
    if (!token || !read_part(&p, &s) || !read_part(&p, &u) || !read_part(&p, &e) ||
        strlen(p) != CSRF_TOKEN_LEN)
        return -1;
    char binding[96];
    snprintf(binding, sizeof binding, "survey:%lld:%lld:%lld", s, u, e);
    if (!csrf_check(key, binding, p))
        return -1;
    *survey_id = s;
    *unit_id = u;
    *expires = e;
    return 0;
}
