/* survey_answer.h: answering a survey (满意度调查) for a household: which surveys a household
 * is asked, a submission checked against the questions, the response in force, and saving
 * a new response that replaces the household's previous one. */
#ifndef WUYE_SURVEY_ANSWER_H
#define WUYE_SURVEY_ANSWER_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/form.h"
#include "../core/page.h"
#include "survey.h"

/* The answer to one question, as sent or as stored. */
typedef struct survey_entry {
    const char **values; /* the values of q<ID>: numbers as text, or the text itself */
    size_t count;
    int *numbers;      /* rating, nps, single, multiple: the values as numbers (count of them) */
    const char *error; /* NULL, or what is wrong, in Chinese */
} survey_entry;

/* A household's answers to a survey: entries[i] answers s->questions[i]. */
typedef struct survey_submission {
    survey_entry *entries;
    size_t count;
    int errors;
} survey_submission;

/* Reads the fields q<QUESTION_ID> of body against the questions of s into out, checking each
 * answer (required, ranges, choice numbers, one value for a single answer, text lengths).
 * Returns the number of refused answers, or -1 out of memory. */
int survey_submission_read(arena *a, const survey *s, const param_list *body, survey_submission *out);

/* The household's response in force into out (empty entries when none); *submitted_at is its
 * time, 0 when the household has not answered. 0, or a db_status < 0. */
int survey_submission_current(arena *a, const survey *s, long long unit_id, survey_submission *out,
                              long long *submitted_at);

/* Saves sub (no errors) as unit_id's response in one transaction: the previous response in
 * force is kept with current_key NULL, the new one inserted with its answers, audited.
 * account_id 0 for a link. 0 saved; 409 when the survey is no longer open; or a db_status. */
int survey_response_save(page_ctx *ctx, const survey *s, const survey_submission *sub, long long unit_id,
                         long long account_id, const char *channel, long long *response_id);

/* The unit a resident answers for: the account's current unit while they live in it (0 and
 * "": none), with its code. 0, or a db_status < 0. */
int survey_resident_unit(arena *a, long long account_id, long long *unit_id, const char **unit_code);

/* A survey as a household sees it in its list. */
typedef struct survey_item {
    long long id;
    const char *title;
    long long opens_at, closes_at;
    bool open;
    long long submitted_at; /* 0: not answered */
} survey_item;
/* The published, opened surveys of the community whose audience includes unit_id: the open
 * ones first (closing soonest first), then the closed ones (latest first); with
 * open_unanswered only the open ones the household has not answered. 0, or a db_status. */
int survey_household_list(arena *a, long long community_id, const char *zone, long long unit_id,
                          long long now, bool open_unanswered, survey_item **out, size_t *count);

/* What a personal link needs before the survey loads: the survey's community (its name and
 * time zone) and the code of the link's unit in that community ("" when it is not one of
 * its units). *found false when there is no such survey. 0, or a db_status < 0. */
typedef struct survey_link_place {
    long long community_id;
    const char *community_name;
    const char *zone;
    const char *unit_code;
} survey_link_place;
int survey_link_place_load(arena *a, long long survey_id, long long unit_id, survey_link_place *out,
                           bool *found);

#endif
