/* renovation_list.c: the lists of decoration cases (renovation_list.h) and the reads of
 * their files (renovation_files, renovation_file_answer of renovation_apply.h). */
#include "renovation_list.h"

#include <string.h>

#include "renovation_apply.h"

const char *const renovation_list_filters[] = {"pending",  "submitted", "returned",   "refused",
                                               "approved", "permitted", "inspecting", "accepted",
                                               "closed",   "withdrawn", NULL};

#define BRIEF_COLUMNS                                                                                        \
    "r.id, u.code, r.state, r.source, r.applicant_name, r.company, r.foreman, "                              \
    "DATE_FORMAT(r.planned_start, '%Y-%m-%d'), DATE_FORMAT(r.planned_end, '%Y-%m-%d'), "                     \
    "COALESCE(r.permit_no, ''), r.workers, UNIX_TIMESTAMP(r.created_at), UNIX_TIMESTAMP(r.updated_at) "      \
    "FROM renovation r JOIN unit u ON u.id = r.unit_id "

static int read_briefs(arena *a, const db_rows *r, renovation_brief **rows, size_t *count) {
    *rows = arena_alloc(a, (r->count ? r->count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r->count; i++) {
        const char *c[10];
        for (size_t k = 0; k < 10; k++)
            c[k] = db_cell(r, i, k) ? db_cell(r, i, k) : "";
        (*rows)[i] = (renovation_brief){.id = db_cell_int(r, i, 0),
                                        .unit_code = c[1],
                                        .state = c[2],
                                        .source = c[3],
                                        .applicant_name = c[4],
                                        .company = c[5],
                                        .foreman = c[6],
                                        .planned_start = c[7],
                                        .planned_end = c[8],
                                        .permit_no = c[9],
                                        .workers = (int)db_cell_int(r, i, 10),
                                        .created_at = db_cell_int(r, i, 11),
                                        .updated_at = db_cell_int(r, i, 12)};
    }
    *count = r->count;
    return 0;
}

/* A LIKE pattern matching codes that start with text, its wildcards escaped. */
static const char *prefix_pattern(arena *a, const char *text) {
    size_t n = strlen(text);
    char *out = arena_alloc(a, 2 * n + 2);
    if (!out)
        return "%";
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
            out[k++] = '\\';
        out[k++] = text[i];
    }
    out[k++] = '%';
    out[k] = '\0';
    return out;
}

int renovation_list(arena *a, long long community_id, const char *filter, const char *unit,
                    long long page_number, renovation_brief **rows, size_t *count, long long *total) {
    /* The WHERE of both: the state (or none), and the unit code prefix (or none). */
#define LIST_WHERE "WHERE r.community_id = ? AND (? = '' OR r.state = ?) AND (? = '' OR u.code LIKE ?) "
    static db_stmt list =
        DB_STMT("renovation_list", "SELECT " BRIEF_COLUMNS LIST_WHERE "ORDER BY r.id DESC LIMIT ? OFFSET ?");
    static db_stmt counted =
        DB_STMT("renovation_list_count",
                "SELECT COUNT(*) FROM renovation r JOIN unit u ON u.id = r.unit_id " LIST_WHERE);
#undef LIST_WHERE
    const char *state = !strcmp(filter, "pending") ? "submitted" : filter;
    const char *pattern = prefix_pattern(a, unit);
    if (page_number < 1)
        page_number = 1;
    if (page_number > RENOVATION_MAX_PAGE)
        page_number = RENOVATION_MAX_PAGE;
    db_arg args[7] = {DB_INT(community_id),
                      DB_TEXT(state),
                      DB_TEXT(state),
                      DB_TEXT(unit),
                      DB_TEXT(pattern),
                      DB_INT(RENOVATION_PER_PAGE),
                      DB_INT((page_number - 1) * RENOVATION_PER_PAGE)};
    db_rows r;
    db_status s = db_exec(&counted, args, 5, a, &r);
    if (s != DB_OK)
        return s;
    *total = r.count ? db_cell_int(&r, 0, 0) : 0;
    if ((s = db_exec(&list, args, 7, a, &r)) != DB_OK)
        return s;
    return read_briefs(a, &r, rows, count);
}

/* The cases of the unit's current household: made on or after the earliest move-in of
 * its current occupants (occupancy.since, the local date read as UTC midnight), or applied
 * for by one of them. A previous household's cases stay with the office. */
#define HOUSEHOLD_CASE                                                                                       \
    "(r.created_at >= (SELECT MIN(o.since) FROM occupancy o WHERE o.unit_id = r.unit_id AND o.until IS "     \
    "NULL) OR r.applicant_account_id IN (SELECT ac.id FROM account ac JOIN occupancy o ON o.person_id = "    \
    "ac.person_id WHERE o.unit_id = r.unit_id AND o.until IS NULL)) "

int renovation_household_case(arena *a, long long unit_id, long long id, bool *sees) {
    static db_stmt st =
        DB_STMT("renovation_household_case",
                "SELECT r.id FROM renovation r WHERE r.id = ? AND r.unit_id = ? AND " HOUSEHOLD_CASE);
    db_arg args[2] = {DB_INT(id), DB_INT(unit_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *sees = unit_id && r.count > 0;
    return 0;
}

int renovation_list_for_unit(arena *a, long long unit_id, renovation_brief **rows, size_t *count) {
    static db_stmt st =
        DB_STMT("renovation_list_unit", "SELECT " BRIEF_COLUMNS "WHERE r.unit_id = ? AND " HOUSEHOLD_CASE
                                        "ORDER BY r.id DESC LIMIT 50");
    db_arg args[1] = {DB_INT(unit_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    return read_briefs(a, &r, rows, count);
}

#define FILE_COLUMNS                                                                                         \
    "f.id, f.renovation_id, COALESCE(f.patrol_id, 0), f.kind, f.file_name, f.original_name, "                \
    "f.content_type, f.size_bytes, UNIX_TIMESTAMP(f.created_at) "

static void read_file_row(const db_rows *r, size_t i, renovation_file_row *o) {
    *o = (renovation_file_row){.id = db_cell_int(r, i, 0),
                               .renovation_id = db_cell_int(r, i, 1),
                               .patrol_id = db_cell_int(r, i, 2),
                               .kind = db_cell(r, i, 3) ? db_cell(r, i, 3) : "",
                               .file_name = db_cell(r, i, 4) ? db_cell(r, i, 4) : "",
                               .original_name = db_cell(r, i, 5) ? db_cell(r, i, 5) : "",
                               .content_type = db_cell(r, i, 6) ? db_cell(r, i, 6) : "",
                               .size_bytes = db_cell_int(r, i, 7),
                               .created_at = db_cell_int(r, i, 8)};
}

int renovation_files(arena *a, long long id, renovation_file_row **rows, size_t *count) {
    static db_stmt st =
        DB_STMT("renovation_files", "SELECT " FILE_COLUMNS "FROM renovation_file f WHERE "
                                    "f.renovation_id = ? AND f.patrol_id IS NULL ORDER BY f.id");
    db_arg args[1] = {DB_INT(id)};
    db_rows r;
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    *rows = arena_alloc(a, (r.count ? r.count : 1) * sizeof **rows);
    if (!*rows)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        read_file_row(&r, i, &(*rows)[i]);
    *count = r.count;
    return 0;
}

/* The stored name is ours (random hex); anything else must not reach a header or a path. */
static bool stored_name(const char *s) {
    if (!*s || strlen(s) > 64)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return false;
    return true;
}

int renovation_file_answer(page_ctx *ctx, long long id, long long unit_id) {
    static db_stmt st =
        DB_STMT("renovation_file_find",
                "SELECT " FILE_COLUMNS ", r.unit_id FROM renovation_file f JOIN renovation r ON "
                "r.id = f.renovation_id WHERE f.id = ? AND r.community_id = ?");
    db_arg args[2] = {DB_INT(id), DB_INT(ctx->user.community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, ctx->arena, &r);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    /* A resident: an attachment (never a patrol photo) of their household's own case. */
    bool sees = r.count > 0;
    if (sees && unit_id) {
        sees = db_cell_int(&r, 0, 9) == unit_id && db_cell_int(&r, 0, 2) == 0;
        int rc = sees ? renovation_household_case(ctx->arena, unit_id, db_cell_int(&r, 0, 1), &sees) : 0;
        if (rc)
            return page_db_error(ctx, (db_status)rc);
    }
    if (!sees)
        return page_error(ctx, 404,
                          unit_id ? "没有这个附件，或它不属于您房屋的装修申请。" : "没有这个附件。");
    renovation_file_row f;
    read_file_row(&r, 0, &f);
    const char *ext = !strcmp(f.content_type, "application/pdf") ? "pdf"
                      : !strcmp(f.content_type, "image/jpeg")    ? "jpg"
                      : !strcmp(f.content_type, "image/png")     ? "png"
                      : !strcmp(f.content_type, "image/webp")    ? "webp"
                                                                 : NULL;
    if (!ext || !stored_name(f.file_name))
        return page_error(ctx, 404, "这个附件无法打开，请联系物业服务中心。");
    const char *disposition = arena_printf(ctx->arena, "inline; filename=\"renovation-%lld.%s\"", f.id, ext);
    if (response_header(ctx->resp, "Content-Type", f.content_type) != 0 ||
        response_header(ctx->resp, "Content-Disposition", disposition) != 0 ||
        response_header(ctx->resp, "X-Accel-Redirect",
                        arena_printf(ctx->arena, "/uploads-internal/renovations/%s", f.file_name)) != 0 ||
        response_header(ctx->resp, "Cache-Control", "private, max-age=600") != 0)
        return 500;
    return 0;
}
