/* survey_results.c: the figures of a survey from its responses in force: response rate per
 * building, answers per question, scores per service area and dimension, NPS (see
 * survey_results.h for the rounding). */
#include "survey_results.h"

#include <string.h>

long long survey_per_mille(long long part, long long whole) {
    return whole > 0 ? (part * 2000 + whole) / (2 * whole) : 0;
}

long long survey_mean_hundredths(long long sum, long long count) {
    return count > 0 ? (sum * 200 + count) / (2 * count) : 0;
}

long long survey_nps_value(const survey_nps *n) {
    if (n->answers <= 0)
        return 0;
    long long x = (n->promoters - n->detractors) * 100;
    long long m = ((x < 0 ? -x : x) * 2 + n->answers) / (2 * n->answers);
    return x < 0 ? -m : m;
}

const char *survey_rate_text(arena *a, long long per_mille, bool any) {
    return any ? arena_printf(a, "%lld.%lld%%", per_mille / 10, per_mille % 10) : "—";
}

/* The households of the audience per building, then the responses in force per building
 * (a building with responses but no household left is listed too). */
static int load_buildings(arena *a, const char *zone, survey_results *out) {
    static db_stmt st =
        DB_STMT("survey_results_buildings",
                "SELECT b.code, b.name, COUNT(*) FROM survey_response r JOIN unit u ON u.id = "
                "r.unit_id JOIN building b ON b.id = u.building_id WHERE r.survey_id = ? AND "
                "r.current_key = 1 GROUP BY b.id, b.code, b.name ORDER BY b.code");
    survey_household *h;
    size_t nh;
    int s = survey_audience(a, &out->s, zone, &h, &nh);
    if (s != 0)
        return s;
    db_rows r;
    db_arg args[1] = {DB_INT(out->s.id)};
    if ((s = db_exec(&st, args, 1, a, &r)) != DB_OK)
        return s;
    out->buildings = arena_alloc(a, (nh + r.count + 1) * sizeof *out->buildings);
    if (!out->buildings)
        return DB_ERROR;
    size_t n = 0;
    for (size_t i = 0; i < nh; i++) {
        if (!n || strcmp(out->buildings[n - 1].code, h[i].building_code) != 0)
            out->buildings[n++] = (survey_building_rate){h[i].building_code, h[i].building_name, 0, 0};
        out->buildings[n - 1].households++;
    }
    size_t listed = n;
    for (size_t i = 0; i < r.count; i++) {
        const char *code = db_cell(&r, i, 0);
        survey_building_rate *b = NULL;
        for (size_t j = 0; j < listed && !b; j++)
            if (!strcmp(out->buildings[j].code, code))
                b = &out->buildings[j];
        if (!b) {
            b = &out->buildings[n++];
            *b = (survey_building_rate){code, db_cell(&r, i, 1), 0, 0};
        }
        b->responses = db_cell_int(&r, i, 2);
    }
    out->building_count = n;
    out->households = (long long)nh;
    out->responses = 0;
    for (size_t i = 0; i < n; i++)
        out->responses += out->buildings[i].responses;
    return 0;
}

static survey_question_result *result_of(survey_results *out, long long question_id) {
    for (size_t i = 0; i < out->s.question_count; i++)
        if (out->questions[i].question->id == question_id)
            return &out->questions[i];
    return NULL;
}

/* Counts the answers per question and value. */
static int load_answers(arena *a, survey_results *out) {
    static db_stmt values = DB_STMT(
        "survey_results_values",
        "SELECT a.question_id, COALESCE(a.value_int, -1), COALESCE(a.choice, 0), COUNT(*) FROM survey_answer "
        "a "
        "JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ? AND r.current_key = 1 AND "
        "(a.value_int IS NOT NULL OR a.choice IS NOT NULL) GROUP BY a.question_id, a.value_int, a.choice");
    static db_stmt respondents = DB_STMT(
        "survey_results_respondents",
        "SELECT a.question_id, COUNT(DISTINCT a.response_id), SUM(a.value_text IS NOT NULL AND "
        "a.value_text <> '') FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE "
        "r.survey_id = ? AND r.current_key = 1 AND (a.value_int IS NOT NULL OR a.choice IS NOT NULL OR "
        "(a.value_text IS NOT NULL AND a.value_text <> '')) GROUP BY a.question_id");
    size_t n = out->s.question_count;
    out->questions = arena_alloc(a, (n ? n : 1) * sizeof *out->questions);
    if (!out->questions)
        return DB_ERROR;
    for (size_t i = 0; i < n; i++) {
        const survey_question *q = &out->s.questions[i];
        out->questions[i] = (survey_question_result){.question = q};
        if (q->choice_count) {
            out->questions[i].choice_counts = arena_alloc(a, q->choice_count * sizeof(long long));
            if (!out->questions[i].choice_counts)
                return DB_ERROR;
            memset(out->questions[i].choice_counts, 0, q->choice_count * sizeof(long long));
        }
    }
    db_rows r;
    db_arg args[1] = {DB_INT(out->s.id)};
    int s = db_exec(&values, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    for (size_t i = 0; i < r.count; i++) {
        survey_question_result *x = result_of(out, db_cell_int(&r, i, 0));
        long long value = db_cell_int(&r, i, 1), choice = db_cell_int(&r, i, 2),
                  count = db_cell_int(&r, i, 3);
        if (!x)
            continue;
        const char *type = x->question->type;
        bool rating = !strcmp(type, "rating") && value >= 1 && value <= 5;
        bool nps = !strcmp(type, "nps") && value >= 0 && value <= 10;
        if (rating || nps) {
            x->counts[value] += count;
            x->answers += count;
            x->sum += value * count;
        } else if ((!strcmp(type, "single") || !strcmp(type, "multiple")) && choice >= 1 &&
                   (size_t)choice <= x->question->choice_count) {
            x->choice_counts[choice - 1] += count;
        }
    }
    if ((s = db_exec(&respondents, args, 1, a, &r)) != DB_OK)
        return s;
    for (size_t i = 0; i < r.count; i++) {
        survey_question_result *x = result_of(out, db_cell_int(&r, i, 0));
        if (!x)
            continue;
        x->respondents = db_cell_int(&r, i, 1);
        if (!strcmp(x->question->type, "short") || !strcmp(x->question->type, "long"))
            x->answers = db_cell_int(&r, i, 2);
    }
    return 0;
}

static void add_score(survey_score *score, const survey_question_result *x) {
    for (int v = 1; v <= 5; v++) {
        score->answers += x->counts[v];
        score->sum += v * x->counts[v];
        if (v >= 4)
            score->satisfied += x->counts[v];
    }
}

/* Rating answers per area, per dimension and overall; NPS over every NPS question. */
static void sum_scores(survey_results *out) {
    for (size_t i = 0; i < SURVEY_AREA_COUNT; i++)
        out->areas[i] = (survey_score){.code = survey_areas[i]};
    for (size_t i = 0; i < SURVEY_DIMENSION_COUNT; i++)
        out->dimensions[i] = (survey_score){.code = survey_dimensions[i]};
    out->overall = (survey_score){.code = ""};
    out->nps = (survey_nps){0};
    for (size_t i = 0; i < out->s.question_count; i++) {
        const survey_question_result *x = &out->questions[i];
        const survey_question *q = x->question;
        if (!strcmp(q->type, "nps")) {
            out->nps.answers += x->answers;
            for (int v = 0; v <= 10; v++) {
                if (v >= 9)
                    out->nps.promoters += x->counts[v];
                else if (v >= 7)
                    out->nps.passives += x->counts[v];
                else
                    out->nps.detractors += x->counts[v];
            }
        }
        if (strcmp(q->type, "rating") != 0)
            continue;
        add_score(&out->overall, x);
        for (size_t k = 0; k < SURVEY_AREA_COUNT; k++)
            if (!strcmp(q->area, survey_areas[k]))
                add_score(&out->areas[k], x);
        for (size_t k = 0; k < SURVEY_DIMENSION_COUNT; k++)
            if (!strcmp(q->dimension, survey_dimensions[k]))
                add_score(&out->dimensions[k], x);
    }
}

int survey_results_load(arena *a, long long community_id, long long id, const char *zone, survey_results *out,
                        bool *found) {
    memset(out, 0, sizeof *out);
    int s = survey_load(a, community_id, id, &out->s, found);
    if (s != 0 || !*found)
        return s;
    if ((s = load_buildings(a, zone, out)) != 0 || (s = load_answers(a, out)) != 0)
        return s;
    sum_scores(out);
    return 0;
}

int survey_results_previous(arena *a, const survey *s, long long *previous_id) {
    static db_stmt st = DB_STMT("survey_results_previous",
                                "SELECT id FROM survey WHERE community_id = ? AND id <> ? AND state = "
                                "'published' AND closes_at <= FROM_UNIXTIME(?) ORDER BY closes_at DESC, id "
                                "DESC LIMIT 1");
    *previous_id = 0;
    if (s->copied_from) {
        *previous_id = s->copied_from;
        return 0;
    }
    db_rows r;
    db_arg args[3] = {DB_INT(s->community_id), DB_INT(s->id), DB_INT(s->opens_at)};
    int status = db_exec(&st, args, 3, a, &r);
    if (status != DB_OK)
        return status;
    if (r.count)
        *previous_id = db_cell_int(&r, 0, 0);
    return 0;
}
