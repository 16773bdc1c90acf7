/* survey_results.h: the statistics of a survey (/office/survey?id=N): response rate per
 * building, figures per question, per service area and SERVQUAL dimension, overall
 * satisfaction and NPS, the previous survey to compare with; its comments and low scores
 * (anonymous: the building only), the anonymised answers for the CSV, and turning a
 * response into a ticket. Only responses in force (current_key = 1) count.
 *
 * Rounding, shared by the page, the CSV and the tests: a rate is in per-mille and a mean
 * in hundredths, both rounded half up; NPS is %promoters - %detractors rounded half away
 * from zero to an integer. */
#ifndef WUYE_SURVEY_RESULTS_H
#define WUYE_SURVEY_RESULTS_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/view.h"
#include "survey.h"
#include "ticket.h"

#define SURVEY_AREA_COUNT 7
#define SURVEY_DIMENSION_COUNT 5

/* Households of the audience and responses in force in one building. */
typedef struct survey_building_rate {
    const char *code, *name;
    long long households, responses;
} survey_building_rate;

/* The answers to one question. counts: rating 1..5 at [1..5], nps 0..10 at [0..10];
 * choices: single and multiple, answers per choice (1-based numbers at [0..]). */
typedef struct survey_question_result {
    const survey_question *question;
    long long respondents; /* responses that answered it */
    long long answers;     /* rating, nps: valid answers; text: non-empty texts */
    long long sum;         /* rating, nps: sum of the values */
    long long counts[11];
    long long *choice_counts;
} survey_question_result;

/* Rating answers summed over questions sharing a service area or dimension (or all). */
typedef struct survey_score {
    const char *code; /* an area or dimension code; "" for the overall score */
    long long answers, sum, satisfied;
} survey_score;

typedef struct survey_nps {
    long long answers, promoters, passives, detractors;
} survey_nps;

typedef struct survey_results {
    survey s;
    long long households, responses;
    survey_building_rate *buildings;
    size_t building_count;
    survey_question_result *questions; /* s.question_count, in position order */
    survey_score areas[SURVEY_AREA_COUNT];
    survey_score dimensions[SURVEY_DIMENSION_COUNT];
    survey_score overall; /* every rating answer */
    survey_nps nps;       /* every NPS answer */
} survey_results;

/* Loads survey id of the community with all its figures (zone: the community's, for the
 * audience); *found false when there is none. 0, or a db_status < 0. */
int survey_results_load(arena *a, long long community_id, long long id, const char *zone, survey_results *out,
                        bool *found);
/* The survey to compare s with: the one it was copied from, else the latest published
 * survey of the community that closed before s opened; 0 when none. */
int survey_results_previous(arena *a, const survey *s, long long *previous_id);

/* part of whole in per-mille, half up; 0 when whole is 0. */
long long survey_per_mille(long long part, long long whole);
/* sum / count in hundredths, half up; 0 when count is 0. */
long long survey_mean_hundredths(long long sum, long long count);
/* NPS of n as an integer from -100 to 100 (0 without answers). */
long long survey_nps_value(const survey_nps *n);
/* "85.0%" for a per-mille; "—" when whole is 0 (the caller says whether). */
const char *survey_rate_text(arena *a, long long per_mille, bool any);

/* A text answer, a low score, or both (the answer in its question). */
typedef struct survey_feedback {
    long long response_id, question_id;
    int position;              /* the question's number */
    const char *question_text; /* the question */
    const char *type;          /* the question's type */
    const char *text;          /* text: the answer; rating, nps: "" */
    int value;                 /* rating, nps: the score */
    const char *building_name; /* the only trace of who answered */
    long long submitted_at;
    long long ticket_id; /* the ticket made from it, 0 none */
    const char *ticket_code;
} survey_feedback;

/* The text answers of survey_id, newest first; query: words they contain ("" for all). */
int survey_comments(arena *a, long long survey_id, const char *query, survey_feedback **out, size_t *count);
/* Ratings <= 2 and NPS <= 3 of survey_id, newest response first. */
int survey_low_scores(arena *a, long long survey_id, survey_feedback **out, size_t *count);

/* One response in force as the CSV shows it: its building, date and one cell per question. */
typedef struct survey_export_row {
    const char *building_name;
    long long submitted_at;
    const char **cells; /* question_count cells: a number, choices joined by "；", or text */
} survey_export_row;
/* The anonymised answers of s, by building then time (the order of units is not kept). */
int survey_export_rows(arena *a, const survey *s, survey_export_row **out, size_t *count);

/* A ticket from a response of survey s: kind complaint or suggestion, for the response's
 * unit, recorded by staff_id (channel other) with its survey_ticket link in the same
 * transaction. question_id 0: none. 0 with the ticket's id and code; 404 for an unknown
 * response or question, 409 when the response already has a ticket for that question,
 * 422 (field in why) for a kind without category; or a db_status < 0. */
typedef struct survey_ticket_request {
    long long response_id, question_id;
    const char *kind, *text;
    long long staff_id, now;
} survey_ticket_request;
int survey_ticket_create(arena *a, const survey *s, const survey_ticket_request *r, const char *upload_dir,
                         long long *ticket_id, const char **ticket_code, ticket_refusal *why);
/* The prefilled text of a ticket from a feedback row: the question and the answer. */
const char *survey_ticket_text(arena *a, const survey *s, const survey_feedback *f);

/* View filling of the results page (no SQL): the header, response rate, the questions with
 * their charts, areas, dimensions and overall figures; previous may be NULL. */
void survey_results_fill(view *body, arena *a, const char *zone, const survey_results *r,
                         const survey_results *previous);

#endif
