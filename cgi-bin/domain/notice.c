/* notice.c: 公告 for the office: who may write them, what state a notice is in, the list
 * with read rates, one notice with its attachments, and the read rate per building. */
#include "notice.h"

#include <string.h>

#include "../core/clock.h"
#include "../core/roles.h"
#include "notice_sql.h"
#include "ticket.h"

static const char *const writers[] = {"frontdesk", "supervisor", "complaint", "manager", "admin", NULL};

bool notice_may_write(const char *roles) {
    return roles_has_any(roles, writers);
}

const char *notice_phase(const notice *n, long long now) {
    if (!strcmp(n->state, "draft") || !strcmp(n->state, "withdrawn"))
        return n->state;
    if (n->expires_at && n->expires_at <= now)
        return "expired";
    if (n->publish_at > now)
        return "scheduled";
    return "published";
}

const char *notice_phase_name(const char *phase) {
    return !strcmp(phase, "draft")       ? "草稿"
           : !strcmp(phase, "scheduled") ? "定时发布"
           : !strcmp(phase, "withdrawn") ? "已撤回"
           : !strcmp(phase, "expired")   ? "已过期"
                                         : "已发布";
}

const char *notice_importance_name(const char *importance) {
    return importance && !strcmp(importance, "urgent") ? "紧急" : "普通";
}

const char *notice_file_type(const char *data, size_t len) {
    if (len >= 5 && !memcmp(data, "%PDF-", 5))
        return "application/pdf";
    return ticket_photo_type(data, len);
}

void notice_view_facts(arena *a, view *v, const notice *n, long long now, const char *zone) {
    const char *phase = notice_phase(n, now);
    view_set_int(v, "ID", n->id);
    view_set(v, "TITLE", n->title);
    view_set(v, "STATE", phase);
    view_set(v, "STATE_NAME", notice_phase_name(phase));
    view_set(v, "IMPORTANCE", n->importance);
    view_set(v, "IMPORTANCE_NAME", notice_importance_name(n->importance));
    view_set(v, "AUDIENCE", !strcmp(n->audience, "community") ? "全小区" : n->building_names);
    view_set(v, "AUTHOR", n->author);
    view_set(v, "PUBLISH_AT",
             n->publish_at ? clock_format(a, n->publish_at, zone, "%Y-%m-%d %H:%M") : "发布时");
    view_set(v, "EXPIRES_AT",
             n->expires_at ? clock_format(a, n->expires_at, zone, "%Y-%m-%d %H:%M") : "长期有效");
}

void notice_fill_row(const db_rows *r, size_t i, notice *n) {
    *n = (notice){
        .id = db_cell_int(r, i, 0),
        .title = db_cell(r, i, 1),
        .body = db_cell(r, i, 2),
        .importance = db_cell(r, i, 3),
        .audience = db_cell(r, i, 4),
        .state = db_cell(r, i, 5),
        .publish_at = db_cell_int(r, i, 6),
        .expires_at = db_cell_int(r, i, 7),
        .author = db_cell(r, i, 8),
        .created_at = db_cell_int(r, i, 9),
        .updated_at = db_cell_int(r, i, 10),
        .building_codes = db_cell(r, i, 11),
        .building_names = db_cell(r, i, 12),
    };
}

int notice_list(arena *a, long long community_id, long long page_number, notice **out, size_t *count,
                long long *total) {
    static db_stmt list =
        DB_STMT("notice_list", "SELECT " NOTICE_COLUMNS ", (SELECT COUNT(*) " NOTICE_AUDIENCE_UNITS
                               "), (SELECT COUNT(*) " NOTICE_AUDIENCE_UNITS
                               " AND EXISTS (SELECT 1 FROM notice_read r WHERE r.notice_id = "
                               "n.id AND r.unit_id = u.id)) " NOTICE_FROM
                               " WHERE n.community_id = ? ORDER BY n.id DESC LIMIT ? OFFSET ?");
    static db_stmt counted = DB_STMT("notice_count", "SELECT COUNT(*) FROM notice WHERE community_id = ?");
    db_rows r;
    db_arg cargs[1] = {DB_INT(community_id)};
    db_status s = db_exec(&counted, cargs, 1, a, &r);
    if (s != DB_OK)
        return s;
    *total = db_cell_int(&r, 0, 0);
    long long offset = (page_number > 1 ? page_number - 1 : 0) * NOTICE_PER_PAGE;
    db_arg args[3] = {DB_INT(community_id), DB_INT(NOTICE_PER_PAGE), DB_INT(offset)};
    if ((s = db_exec(&list, args, 3, a, &r)) != DB_OK)
        return s;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        notice_fill_row(&r, i, &(*out)[i]);
        (*out)[i].households = db_cell_int(&r, i, NOTICE_NCOLUMNS);
        (*out)[i].households_read = db_cell_int(&r, i, NOTICE_NCOLUMNS + 1);
    }
    *count = r.count;
    return 0;
}

int notice_load_attachments(arena *a, notice *n) {
    static db_stmt st =
        DB_STMT("notice_attachments", "SELECT id, file_name, original_name, content_type, size_bytes FROM "
                                      "notice_attachment WHERE notice_id = ? ORDER BY id");
    db_rows r;
    db_arg args[1] = {DB_INT(n->id)};
    db_status s = db_exec(&st, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    n->attachments = arena_alloc(a, (r.count ? r.count : 1) * sizeof *n->attachments);
    if (!n->attachments)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        n->attachments[i] = (notice_attachment){db_cell_int(&r, i, 0), db_cell(&r, i, 1), db_cell(&r, i, 2),
                                                db_cell(&r, i, 3), db_cell_int(&r, i, 4)};
    n->attachment_count = r.count;
    return 0;
}

int notice_load(arena *a, long long community_id, long long id, notice *out, bool *found) {
    static db_stmt st = DB_STMT("notice_load", "SELECT " NOTICE_COLUMNS " " NOTICE_FROM
                                               " WHERE n.id = ? AND n.community_id = ?");
    db_rows r;
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *found = r.count > 0;
    if (!*found)
        return 0;
    notice_fill_row(&r, 0, out);
    return notice_load_attachments(a, out);
}

/* Runs st, whose rows are building code, name, households and read, into *out. */
static int rates_query(arena *a, db_stmt *st, const db_arg *args, size_t nargs, notice_rate **out,
                       size_t *count) {
    db_rows r;
    db_status s = db_exec(st, args, nargs, a, &r);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*out)[i] =
            (notice_rate){db_cell(&r, i, 0), db_cell(&r, i, 1), db_cell_int(&r, i, 2), db_cell_int(&r, i, 3)};
    *count = r.count;
    return 0;
}

int notice_read_rates(arena *a, long long community_id, long long id, notice_rate **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "notice_read_rates",
        "SELECT b.code, b.name, COUNT(*), SUM(EXISTS (SELECT 1 FROM notice_read r WHERE r.notice_id = n.id "
        "AND "
        "r.unit_id = u.id)) FROM notice n JOIN unit u ON u.community_id = n.community_id JOIN building b ON "
        "b.id = u.building_id WHERE n.id = ? AND n.community_id = ? AND EXISTS (SELECT 1 FROM occupancy o "
        "WHERE o.unit_id = u.id AND o.until IS NULL) AND (n.audience = 'community' OR EXISTS (SELECT 1 FROM "
        "notice_building nb WHERE nb.notice_id = n.id AND nb.building_id = u.building_id)) GROUP BY b.id, "
        "b.code, b.name ORDER BY b.code");
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    return rates_query(a, &st, args, 2, out, count);
}

int notice_buildings(arena *a, long long community_id, notice_rate **out, size_t *count) {
    static db_stmt st = DB_STMT("notice_buildings",
                                "SELECT code, name, 0, 0 FROM building WHERE community_id = ? ORDER BY code");
    db_arg args[1] = {DB_INT(community_id)};
    return rates_query(a, &st, args, 1, out, count);
}
