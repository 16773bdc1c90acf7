/* notice.h: 公告, the office's notices to the whole community or some buildings: writing a
 * draft with its attachments, publishing and withdrawing it, what each household may see,
 * who read it and the read rate per building. A household is a unit with someone living
 * in it now; it has read a notice when an account whose current unit it is opened it. */
#ifndef WUYE_NOTICE_H
#define WUYE_NOTICE_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/page.h"

#define NOTICE_MAX_ATTACHMENTS 5
#define NOTICE_ATTACHMENT_MAX_BYTES (5 * 1024 * 1024)
#define NOTICE_PER_PAGE 20

typedef struct notice_attachment {
    long long id;
    const char *file_name; /* random hex name under uploads/notices/ */
    const char *original_name;
    const char *content_type;
    long long size_bytes;
} notice_attachment;

typedef struct notice {
    long long id;
    const char *title, *body;
    const char *importance; /* normal, urgent */
    const char *audience;   /* community, buildings */
    const char *state;      /* draft, published, withdrawn */
    long long publish_at;   /* 0: not set */
    long long expires_at;   /* 0: never */
    const char *author;     /* the staff member who wrote it */
    long long created_at, updated_at;
    const char *building_codes;     /* buildings audience: "1,2" in code order; else "" */
    const char *building_names;     /* "1栋、2栋"; else "" */
    long long households;           /* office lists: households of the audience now */
    long long households_read;      /* office lists: of them, households that read it */
    bool read;                      /* resident lists: this account opened it */
    notice_attachment *attachments; /* loaded by notice_load and notice_load_for_resident */
    size_t attachment_count;
} notice;

/* One building's line of the read rate. */
typedef struct notice_rate {
    const char *building_code, *building_name;
    long long households, read;
} notice_rate;

/* A notice as written in the form; building_codes of a buildings audience. */
typedef struct notice_draft {
    long long id; /* 0: a new notice */
    const char *title, *body, *importance, *audience;
    const char **building_codes;
    size_t building_count;
    long long publish_at, expires_at; /* 0: not set */
    const param **files;              /* the attachment parts to add */
    size_t file_count;
} notice_draft;

/* Why a change was refused: the HTTP status, the field (NULL: none), a message. */
typedef struct notice_refusal {
    int status;
    const char *field;
    const char *message;
} notice_refusal;

/* True when the staff roles may write, publish and withdraw notices. */
bool notice_may_write(const char *roles);
/* What a notice is now: draft, scheduled, published, withdrawn or expired, and in Chinese. */
const char *notice_phase(const notice *n, long long now);
const char *notice_phase_name(const char *phase);
const char *notice_importance_name(const char *importance);
/* Sets ID, TITLE, STATE (a phase), STATE_NAME, IMPORTANCE, IMPORTANCE_NAME, AUDIENCE,
 * AUTHOR, PUBLISH_AT and EXPIRES_AT of n in v, times in zone. */
void notice_view_facts(arena *a, view *v, const notice *n, long long now, const char *zone);
/* The type of an attachment by its content (PDF, PNG, JPEG, WebP), or NULL. */
const char *notice_file_type(const char *data, size_t len);
/* The body as HTML in the arena: everything escaped, blank lines part paragraphs (<p>),
 * single line breaks <br>, and http(s) addresses wrapped in <a href>. */
const char *notice_body_html(arena *a, const char *text);

/* Office: the community's notices newest first, a page of NOTICE_PER_PAGE, with their
 * read rates; *total counts them all. 0, or a db_status < 0. */
int notice_list(arena *a, long long community_id, long long page_number, notice **out, size_t *count,
                long long *total);
/* Office: notice id of the community with its attachments; *found false when none. */
int notice_load(arena *a, long long community_id, long long id, notice *out, bool *found);
/* The read rate of a notice per building of its audience, in building order. */
int notice_read_rates(arena *a, long long community_id, long long id, notice_rate **out, size_t *count);
/* The community's buildings as codes and names, for the audience choice. */
int notice_buildings(arena *a, long long community_id, notice_rate **out, size_t *count);

/* Saves a draft (new, or id while it is a draft) with its buildings and new attachments,
 * stored under upload_dir/notices. 0 with *id set, a refusal status (404, 409, 422) with
 * why filled, or a db_status < 0. Audited. */
int notice_save(page_ctx *ctx, const notice_draft *d, const char *upload_dir, long long *id,
                notice_refusal *why);
/* Publishes a draft (publish_at now when unset) or withdraws a published notice
 * (publish: true / false). 0, a refusal status (404, 409), or a db_status < 0. Audited. */
int notice_set_state(page_ctx *ctx, long long id, bool publish, notice_refusal *why);

/* Portal: the notices live now for the account's household: published, shown from
 * publish_at, not expired, for the community or the building of its current unit. Urgent
 * unread ones first, then newest first; a page of NOTICE_PER_PAGE. */
int notice_list_for_resident(arena *a, long long account_id, long long now, long long page_number,
                             notice **out, size_t *count, long long *total);
/* Portal home: the live notices the account has not opened, urgent first, at most limit. */
int notice_unread_for_resident(arena *a, long long account_id, long long now, size_t limit, notice **out,
                               size_t *count);
/* Portal: one live notice for the account with its attachments; *found false when it is not
 * one of the household's. Records that the account read it (for its current unit). */
int notice_open_for_resident(arena *a, long long account_id, long long id, long long now, notice *out,
                             bool *found);
/* Answers /AREA/notice-file?id=N: the attachment id when the signed-in resident's household
 * (resident) or the staff member's community may have it, with its type, Content-Disposition
 * and the file sent by nginx from uploads/notices/; else the 404 page. 0, or a status. */
int notice_attachment_answer(page_ctx *ctx, long long id, bool resident);

#endif
