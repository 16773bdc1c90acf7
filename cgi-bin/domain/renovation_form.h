/* renovation_form.h: what the pages that take a decoration application share (the portal's
 * apply and resubmit forms, the counter's /office/renovation-new): the declared fields,
 * reading them into a renovation_form, marking the problems renovation_form_check finds,
 * and filling the form's values back. No SQL. */
#ifndef WUYE_RENOVATION_FORM_H
#define WUYE_RENOVATION_FORM_H
#include "../core/page.h"
#include "renovation_apply.h"

extern const char *const renovation_form_yes[]; /* {"1", NULL}: a ticked checkbox */

/* The fields of an application for a page's post_fields table (a comma follows). */
/* clang-format off */
#define RENOVATION_FORM_FILE(field_name, field_label)                                                        \
    {.name = (field_name), .kind = FIELD_FILE, .flags = FIELD_REPEATED, .max = RENOVATION_FILE_MAX_BYTES,    \
     .max_count = RENOVATION_MAX_FILES, .label = (field_label)}
#define RENOVATION_FORM_FIELDS                                                                               \
    {.name = "company", .kind = FIELD_TEXT, .min = 0, .max = 100, .label = "装修公司"},                      \
    {.name = "foreman", .kind = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 50,                    \
     .label = "施工负责人"},                                                                                 \
    {.name = "foreman_phone", .kind = FIELD_PHONE, .flags = FIELD_REQUIRED, .label = "负责人电话"},          \
    {.name = "planned_start", .kind = FIELD_DATE, .flags = FIELD_REQUIRED, .label = "计划开工日期"},         \
    {.name = "planned_end", .kind = FIELD_DATE, .flags = FIELD_REQUIRED, .label = "计划完工日期"},           \
    {.name = "scope", .kind = FIELD_ENUM, .flags = FIELD_REPEATED, .choices = renovation_scopes,             \
     .max_count = 6, .label = "装修项目"},                                                                   \
    {.name = "description", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .min = 0, .max = 2000,             \
     .label = "装修说明"},                                                                                   \
    {.name = "no_structural", .kind = FIELD_ENUM, .choices = renovation_form_yes,                            \
     .label = "不改动承重结构的承诺"},                                                                       \
    {.name = "workers", .kind = FIELD_INT, .flags = FIELD_REQUIRED, .min = 1, .max = RENOVATION_MAX_WORKERS, \
     .label = "施工人数"},                                                                                   \
    RENOVATION_FORM_FILE("plan", "施工图纸"),                                                                \
    RENOVATION_FORM_FILE("licence", "营业执照"),                                                             \
    RENOVATION_FORM_FILE("other", "其他材料")
/* clang-format on */

/* Reads the validated post of ctx into out (unit_code and the applicant's name and phone
 * only when the page declares them), then marks on the post every problem of
 * renovation_form_check that the validators left. Answers the post's error count. */
int renovation_form_read(page_ctx *ctx, renovation_form *out);

/* Fills the form dictionary f: after a failed POST what was entered and the errors, else
 * the facts of case c (NULL: a blank form, the undertaking unticked); the scope options
 * (SCOPE with CODE, NAME, CHECKED), CSRF and TODAY. */
void renovation_form_fill(page_ctx *ctx, view *f, const renovation *c);

/* Answers a refusal of the domain: 422 re-renders through render with the message next to
 * its field (or fallback_field), other statuses the error page. */
int renovation_form_refused(page_ctx *ctx, int status, const renovation_refusal *why,
                            const char *fallback_field, int (*render)(page_ctx *ctx));

/* Sets the facts of case c on v: ID, VERSION, UNIT_CODE, STATE, STATE_NAME, SOURCE_NAME,
 * APPLICANT_NAME, APPLICANT_PHONE, COMPANY, FOREMAN, FOREMAN_PHONE, PLANNED_START,
 * PLANNED_END, SCOPE, DESCRIPTION, WORKERS, PERMIT_NO, CREATED_AT, section NO_STRUCTURAL. */
void renovation_form_facts(page_ctx *ctx, view *v, const renovation *c);
/* Adds the steps of case c to v (STEP: ACTION, ACTION_NAME, WHO, BY_STAFF, AT, NOTE,
 * CHECKLIST) oldest first; when c was returned or refused, LAST_REASON with NOTE, KIND
 * (return, refuse) and AT: the office's latest word, shown prominently. */
int renovation_form_steps(page_ctx *ctx, view *v, const renovation *c);
/* Adds the attachments of case c to v (FILE: ID, URL to file_page?id=, NAME, KIND_NAME,
 * SIZE) and FILE_COUNT. */
int renovation_form_files(page_ctx *ctx, view *v, const renovation *c, const char *file_page);

#endif
