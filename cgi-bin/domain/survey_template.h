/* survey_template.h: the questionnaires a new survey starts from: the service-quality
 * questionnaire (顾客满意度调查问卷) over the five SERVQUAL dimensions and the service
 * areas, and a blank one. */
#ifndef WUYE_SURVEY_TEMPLATE_H
#define WUYE_SURVEY_TEMPLATE_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"

/* One question of a draft: codes as in survey.h, choices one per line ("" for none). */
typedef struct survey_draft_question {
    const char *type;
    const char *text;
    const char *choices;
    const char *area;      /* "" for none */
    const char *dimension; /* "" for none */
    bool required;
} survey_draft_question;

/* What a new survey is made of: its settings and questions (default period and
 * audience filled in by survey_template_make). */
typedef struct survey_draft {
    const char *title, *intro;
    long long opens_at, closes_at;
    const char *audience;
    int target_pct;
    const survey_draft_question *questions;
    size_t question_count;
} survey_draft;

/* The template codes: servqual, blank (NULL-terminated). */
extern const char *const survey_template_codes[];

/* Fills out with template code for community_name at now (zone: the community's, for the
 * half-year named in the title): opens now, closes in 30 days, the whole community.
 * Strings in a. 0, or -1 for an unknown code. */
int survey_template_make(arena *a, const char *code, const char *community_name, const char *zone,
                         long long now, survey_draft *out);

#endif
