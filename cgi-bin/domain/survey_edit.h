/* survey_edit.h: 问卷设计: the community's surveys as a list, a new survey from a template
 * or a copy, its settings, its questions (kept at positions 1..n) and publishing. The
 * questions can change only while the survey has no response at all (current or replaced):
 * the answers refer to them. Every change is one transaction with its audit row. */
#ifndef WUYE_SURVEY_EDIT_H
#define WUYE_SURVEY_EDIT_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/page.h"
#include "survey_template.h"

/* Why a change was refused: the field it is about (NULL: none) and a message in Chinese. */
typedef struct survey_refusal {
    const char *field;
    const char *message;
} survey_refusal;

/* Whether the roles (a comma list) may create, edit, copy and publish surveys. */
bool survey_may_edit(const char *roles);

/* One survey of the list. */
typedef struct survey_list_row {
    long long id;
    const char *title, *state, *audience;
    long long opens_at, closes_at;
    long long responses; /* responses in force */
    long long questions;
    long long copied_from;
    const char *buildings; /* audience buildings: names joined by 、 */
    const char *ticket_from, *ticket_to;
} survey_list_row;

/* The community's surveys, newest period first. 0, or a db_status < 0. */
int survey_list(arena *a, long long community_id, survey_list_row **out, size_t *count);

/* The phase shown to staff: draft 草稿, scheduled 未开始, open 进行中, closed 已结束. */
const char *survey_phase(const char *state, long long opens_at, long long closes_at, long long now);
const char *survey_phase_name(const char *phase);
/* "全小区", "1栋、2栋", "2026-01-01 至 2026-06-30 报事的住户". */
const char *survey_audience_text(arena *a, const char *audience, const char *buildings, const char *from,
                                 const char *to);

/* Creates a draft of the signed-in staff member's community from d; *id the new survey.
 * 0, or a db_status < 0. */
int survey_create(page_ctx *ctx, const survey_draft *d, long long *id);
/* A new draft with the questions, audience and target of survey id, a fresh period.
 * 0, 404 (no such survey here), or a db_status < 0. */
int survey_copy(page_ctx *ctx, long long id, long long *new_id);

/* The audience buildings of survey id: codes, in code order. 0, or a db_status < 0. */
int survey_building_codes(arena *a, long long survey_id, const char ***codes, size_t *count);
/* Whether survey id has any response, current or replaced. 0, or a db_status < 0. */
int survey_answered(arena *a, long long survey_id, bool *answered);

/* The settings form, validated field by field by the page. */
typedef struct survey_settings {
    const char *title, *intro;
    long long opens_at, closes_at;
    const char *audience;
    const char *const *buildings; /* codes, for audience buildings */
    size_t building_count;
    const char *ticket_from, *ticket_to; /* YYYY-MM-DD, for ticket_households */
    int target_pct;
} survey_settings;

/* Saves the settings. 0; 404; 409 (the audience changed after responses); 422 with why
 * (closes not after opens, a building unknown or missing, ticket dates); or < 0. */
int survey_settings_save(page_ctx *ctx, long long id, const survey_settings *s, survey_refusal *why);

/* A question as entered: choices normalised to one per line ("" for none). */
typedef struct survey_question_input {
    const char *type, *text, *choices, *area, *dimension;
    bool required;
} survey_question_input;

/* The question changes: 0; 404 (no such survey or question); 409 with why (the survey has
 * responses; a move past either end); or a db_status < 0. */
int survey_question_add(page_ctx *ctx, long long id, const survey_question_input *q, survey_refusal *why);
int survey_question_update(page_ctx *ctx, long long id, long long question_id, const survey_question_input *q,
                           survey_refusal *why);
int survey_question_move(page_ctx *ctx, long long id, long long question_id, bool up, survey_refusal *why);
int survey_question_remove(page_ctx *ctx, long long id, long long question_id, survey_refusal *why);

/* Publishes a draft. 0; 404; 409 with why (already published, no question); 422 with why
 * (closes not after opens, or already past); or a db_status < 0. */
int survey_publish(page_ctx *ctx, long long id, survey_refusal *why);

/* For the survey_edit files: runs step(ctx, arg, why) inside a transaction, committing on
 * 0 and rolling back otherwise, again on a deadlock. step's answer, or a db_status < 0. */
int survey_edit_transaction(page_ctx *ctx, int (*step)(page_ctx *, void *, survey_refusal *), void *arg,
                            survey_refusal *why);
/* Inside a transaction: locks survey id of the community. 0 with its state and whether it
 * has any response (which the lock keeps true or false until commit), 404, or < 0. */
int survey_edit_lock(page_ctx *ctx, long long id, const char **state, bool *answered);

#endif
