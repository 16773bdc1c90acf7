/* renovation_patrol.h: 装修巡查、违章、扣款、竣工验收 of one case: patrol records with their
 * photos, violation notices (装修违章通知书) and their re-checks, deductions from the
 * deposit, the acceptance check, and the noise or decoration tickets linked to the site.
 * Writes: renovation_patrol.c (patrols, notices, re-checks), renovation_accept.c
 * (deductions, acceptance, ticket links); reads: renovation_patrol_read.c.
 *
 * The writes answer an int: 0 when done; a negative db_status when the database failed;
 * or an HTTP status (404, 409, 422) with the refusal's message (and for 422 the field)
 * set. Each locks the case (renovation_lock), checks its state and the form's version,
 * writes, appends a step and an audit row, in one transaction; nothing is written unless
 * it answers 0. Role checks (RENO_PATROL) are the page's. */
#ifndef WUYE_RENOVATION_PATROL_H
#define WUYE_RENOVATION_PATROL_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/request.h"
#include "renovation.h"

#define RENO_PATROL_MAX_PHOTOS 5
#define RENO_PATROL_PHOTO_MAX_BYTES (5 * 1024 * 1024)
#define RENO_DEADLINE_DAYS 3

/* The common rules a notice names, NULL-terminated (a typed rule is allowed too). */
extern const char *const renovation_violation_rules[];
/* The Chinese name of a violation state (open 待整改, escalated 已升级, rectified 已整改). */
const char *renovation_violation_state_name(const char *state);

/* A violation notice as entered: rule NULL or "" when none is made. */
typedef struct renovation_notice_input {
    const char *rule, *detail;
    const char *deadline; /* YYYY-MM-DD, after today */
} renovation_notice_input;

/* A patrol as entered. */
typedef struct renovation_patrol_input {
    const char *patrol_date; /* YYYY-MM-DD: not in the future, not before the permit */
    bool violation;          /* result violation (else ok) */
    const char *findings;    /* required for a violation */
    const param *const *photos;
    size_t photo_count;
    renovation_notice_input notice; /* optional, only with a violation */
} renovation_patrol_input;

/* Records a patrol of case id (states permitted, inspecting), its photos stored under
 * upload_dir/renovations/ and, when given, its violation notice; *patrol_id set. */
int renovation_patrol_record(page_ctx *ctx, long long id, int version, const renovation_patrol_input *in,
                             const char *upload_dir, long long *patrol_id, renovation_refusal *why);
/* Issues a violation notice on case id later than a patrol; *violation_id set. */
int renovation_violation_issue(page_ctx *ctx, long long id, int version, const renovation_notice_input *in,
                               long long *violation_id, renovation_refusal *why);
/* Re-checks violation_id of case id: rectified closes it, escalate escalates it; note
 * required. */
int renovation_violation_recheck(page_ctx *ctx, long long id, int version, long long violation_id,
                                 bool rectified, const char *note, renovation_refusal *why);
/* Deducts amount_fen from the deposit (states permitted, inspecting, accepted); 422
 * when the deductions would exceed the deposit. violation_id 0: none. */
int renovation_deduct(page_ctx *ctx, long long id, int version, long long amount_fen, const char *reason,
                      long long violation_id, renovation_refusal *why);
/* The acceptance check of an inspecting case: pass -> accepted; fail with the defects
 * (required) -> permitted. */
int renovation_accept(page_ctx *ctx, long long id, int version, bool pass, const char *defects,
                      renovation_refusal *why);
/* Links the community's ticket numbered ticket_code (category noise or decoration) to
 * case id, once. */
int renovation_ticket_link(page_ctx *ctx, long long id, int version, const char *ticket_code,
                           renovation_refusal *why);

typedef struct renovation_photo {
    long long id;
    const char *name;
} renovation_photo;

typedef struct renovation_patrol_row {
    long long id;
    const char *patrol_date, *staff_name, *result, *findings;
    renovation_photo *photos;
    size_t photo_count;
} renovation_patrol_row;

typedef struct renovation_violation_row {
    long long id, patrol_id;
    const char *notice_no, *rule, *detail, *deadline, *state;
    const char *issued_by_name;
    long long issued_at;
    const char *recheck_by_name, *recheck_note; /* "" until re-checked */
    long long recheck_at;                       /* 0 until re-checked */
} renovation_violation_row;

typedef struct renovation_deduction_row {
    long long id, violation_id, amount_fen;
    const char *notice_no; /* of the violation, "" when none */
    const char *reason, *staff_name;
    long long at;
} renovation_deduction_row;

typedef struct renovation_ticket_row {
    long long ticket_id;
    const char *code, *category_name, *status, *description;
    long long at;
} renovation_ticket_row;

/* Everything the patrol page shows of case id: patrols newest first (with photos),
 * violations and deductions oldest first, the deductions' sum, the linked tickets. */
typedef struct renovation_site {
    renovation_patrol_row *patrols;
    size_t patrol_count;
    renovation_violation_row *violations;
    size_t violation_count;
    renovation_deduction_row *deductions;
    size_t deduction_count;
    long long deducted_fen;
    renovation_ticket_row *tickets;
    size_t ticket_count;
} renovation_site;

db_status renovation_site_load(arena *a, long long id, renovation_site *out);

/* Violation violation_id of the community, with its case's unit code and permit number
 * (*found false: none of the community). */
db_status renovation_violation_load(arena *a, long long community_id, long long violation_id,
                                    renovation_violation_row *out, long long *renovation_id, bool *found);

/* The sum of the deductions of case id (inside a transaction after the lock, or not). */
db_status renovation_deducted(arena *a, long long id, long long *fen);

#endif
