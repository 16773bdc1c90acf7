/* survey_form.h: the answer form of a survey (templates/survey/form.tpl), shown and
 * submitted the same way in the portal (/portal/survey) and through a personal link
 * (/form/survey): only who answers differs. */
#ifndef WUYE_SURVEY_FORM_H
#define WUYE_SURVEY_FORM_H
#include "../core/page.h"
#include "survey.h"

/* Who answers and where the form lives. */
typedef struct survey_answerer {
    long long unit_id; /* the household */
    const char *unit_code;
    long long account_id;      /* the resident; 0 through a link */
    const char *channel;       /* portal, link */
    const char *self;          /* this page's URL with its query, e.g. /portal/survey?id=3 */
    const char *zone;          /* the community's time zone */
    const char *page_template; /* the page's body template, which includes {{>FORM}} */
} survey_answerer;

/* GET: the survey with the household's answers in force (pre-filled), or why it takes none
 * (closed, not yet open); done shows the thanks after a submission. 0, or a status. */
int survey_form_get(page_ctx *ctx, const survey *s, const survey_answerer *who, bool done);
/* POST: checks the answers of the request body; 422 with the form re-rendered and each bad
 * question marked, 409 when the survey takes no answers, else saves and answers 303 to
 * who->self with done=1. 0, or a status. */
int survey_form_post(page_ctx *ctx, const survey *s, const survey_answerer *who);

/* Finds the survey and who answers it from the request, or answers a status. */
typedef int (*survey_form_loader)(page_ctx *ctx, survey *s, survey_answerer *who);
/* A survey page's handler for GET and POST: load, then survey_form_get (with the query's
 * done) or survey_form_post. The page declares the query field done. */
int survey_form_handle(page_ctx *ctx, survey_form_loader load);

#endif
