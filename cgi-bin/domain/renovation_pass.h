/* renovation_pass.h: 临时出入证, the worker passes of a decoration site: issuing one against
 * the pass money charged (at most `workers` per case), marking it returned (收回) or lost
 * (挂失: its deposit is kept at the refund), and reading them for the pages. The full ID
 * number is checked and masked here and never stored, logged or audited. */
#ifndef WUYE_RENOVATION_PASS_H
#define WUYE_RENOVATION_PASS_H
#include <stdbool.h>
#include <stddef.h>

#include "renovation.h"

#define RENOVATION_PASS_PHOTO_MAX_BYTES (2 * 1024 * 1024)

/* One pass as the pages show it. */
typedef struct renovation_pass {
    long long id, renovation_id;
    const char *pass_no;
    const char *name;
    const char *id_masked; /* 3201**********1234 */
    const char *phone;
    const char *photo_file; /* "" without a photo */
    const char *photo_type;
    const char *valid_from, *valid_to; /* YYYY-MM-DD */
    const char *state;                 /* issued, returned, lost */
    const char *issued_by;             /* the staff member's name */
    long long issued_at, closed_at;    /* unix seconds; closed_at 0 while issued */
} renovation_pass;

/* What the issue form holds, checked by the page for form and length. */
typedef struct renovation_pass_request {
    const char *name;
    const char *id_number;             /* the full number as typed: checked, masked, then forgotten */
    const char *phone;                 /* "" */
    const char *valid_from, *valid_to; /* "" for the permit's dates */
    const char *photo;                 /* NULL without a photo */
    size_t photo_len;
} renovation_pass_request;

/* True when s is an 18-character 居民身份证号: 17 digits, a valid date of birth and the
 * ISO 7064 MOD 11-2 check character (0-9 or X, x accepted). */
bool renovation_id_number_valid(const char *s);
/* The stored form of a valid number: its first 4 and last 4 with 10 asterisks between. */
void renovation_id_number_mask(const char *s, char out[19]);
/* Chinese name of a pass state: 有效, 已收回, 已挂失. */
const char *renovation_pass_state_name(const char *state);

/* The passes of case id, oldest first. */
db_status renovation_passes(arena *a, long long renovation_id, renovation_pass **rows, size_t *count);
/* Pass id of the community (found false: none, or another community's). */
db_status renovation_pass_load(arena *a, long long community_id, long long id, renovation_pass *out,
                               bool *found);

/* Issues a pass on case id of the signed-in staff member's community, posted with the
 * case's version: the photo (if any) written under upload_dir/renovations first; the
 * pass number, the step and the audit row in one transaction. 0 with *pass_id, a negative
 * db_status, or 404, 409 (final or inactive case, stale version, all paid passes
 * issued), 422 (why->field names the field). */
int renovation_pass_issue(page_ctx *ctx, long long id, int version, const renovation_pass_request *req,
                          const char *upload_dir, long long *pass_id, renovation_refusal *why);
/* Marks pass pass_id of case id returned or lost (to_state), from issued only: 0, a
 * negative db_status, or 404, 409. */
int renovation_pass_close(page_ctx *ctx, long long id, int version, long long pass_id, const char *to_state,
                          renovation_refusal *why);

#endif
