/* renovation_apply.h: 装修申请与审核, the application of a decoration case (by the resident in
 * the portal or at the counter), its attachments, resubmission after a return, withdrawal,
 * the resident's request for acceptance, and the office's checklist review (return for
 * more documents, or refuse). Approval itself is renovation_money's.
 *
 * Changes answer an int like settlement.h: 0 when done; a negative db_status when the
 * database failed; or an HTTP status (403, 404, 409, 422) with the refusal set. Nothing is
 * written unless 0. */
#ifndef WUYE_RENOVATION_APPLY_H
#define WUYE_RENOVATION_APPLY_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/field.h"
#include "renovation.h"

#define RENOVATION_FILE_MAX_BYTES (5 * 1024 * 1024)
#define RENOVATION_MAX_FILES 5
#define RENOVATION_MAX_DAYS 180
#define RENOVATION_MAX_WORKERS 50

/* The file fields of the form, in the order they are listed: plan, licence, other. */
extern const char *const renovation_file_kinds[];
const char *renovation_file_kind_name(const char *kind); /* 施工图纸 营业执照 其他 巡查照片 */

/* One uploaded file of a form, with its kind. */
typedef struct renovation_upload {
    const char *kind; /* plan, licence, other */
    const param *part;
} renovation_upload;

/* What an application or a resubmission says. unit_code, applicant_name and
 * applicant_phone are the counter's; the portal takes them from the resident. */
typedef struct renovation_form {
    const char *unit_code, *applicant_name, *applicant_phone;
    const char *company; /* "" -> 自行装修 */
    const char *foreman, *foreman_phone;
    const char *planned_start, *planned_end; /* YYYY-MM-DD */
    const char *scope;                       /* SET text "walls,floors" */
    const char *description;
    bool no_structural;
    int workers;
    renovation_upload files[RENOVATION_MAX_FILES];
    size_t file_count;
} renovation_form;

/* A field at fault and why. */
typedef struct renovation_problem {
    const char *field, *message;
} renovation_problem;

/* The checks that need no database (today: the community's local date): the dates (start
 * not before today, end not before start, at most 180 days), scope, the undertaking, the
 * workers and each file's type and size. Fills up to cap problems; answers how many. */
size_t renovation_form_check(arena *a, const renovation_form *f, const char *today, renovation_problem *out,
                             size_t cap);

/* The name an attachment keeps (the column's utf8mb4, and error messages): the file name
 * when valid UTF-8 of at most 200 characters without control characters, else 附件N (n + 1). */
const char *renovation_attachment_name(arena *a, const param *p, size_t n);

/* The content type of an attachment judged by its bytes (PDF, JPEG, PNG, WebP), or NULL. */
const char *renovation_file_type(const char *data, size_t len);

/* The resident's unit of their household (0 when none), their name and phone. */
int renovation_resident_unit(arena *a, long long account_id, long long *unit_id, const char **name,
                             const char **phone);

/* Applies: a resident (ctx) for their unit, or staff at the counter for f->unit_code. 409
 * naming the case when the unit has an open one. *id: the new case. */
int renovation_apply(page_ctx *ctx, const renovation_form *f, long long *id, renovation_refusal *why);
/* The resident resubmits their returned case with the edited facts and more files. */
int renovation_resubmit(page_ctx *ctx, long long id, int version, const renovation_form *f,
                        renovation_refusal *why);
/* Withdraws a submitted or returned case (its resident, or staff who may apply). */
int renovation_withdraw(page_ctx *ctx, long long id, int version, renovation_refusal *why);
/* The resident asks for the acceptance check of their permitted case. */
int renovation_request_acceptance(page_ctx *ctx, long long id, int version, renovation_refusal *why);
/* RENO_REVIEW staff: decision return (note: what is missing) or refuse (note: why) of a
 * submitted case, with the checklist items found in order (SET text). */
int renovation_review(page_ctx *ctx, long long id, int version, const char *decision, const char *checklist,
                      const char *note, renovation_refusal *why);

/* One attachment or patrol photo. */
typedef struct renovation_file_row {
    long long id, renovation_id, patrol_id;
    const char *kind, *file_name, *original_name, *content_type;
    long long size_bytes, created_at;
} renovation_file_row;

/* The attachments of case id (no patrol photos), oldest first. */
int renovation_files(arena *a, long long id, renovation_file_row **rows, size_t *count);
/* Sends file id through nginx: staff (unit_id 0) for any file of their community, a
 * resident only for a file of their unit's case; 404 otherwise. */
int renovation_file_answer(page_ctx *ctx, long long id, long long unit_id);

#endif
