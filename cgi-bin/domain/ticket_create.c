/* ticket_create.c: recording a new ticket: the checks against the community's data, its
 * code from the day's counter, its time limits, its first events, and its photos, written
 * to disk before the transaction and removed again when it fails. */
#include "ticket.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/clock.h"
#include "../core/log.h"
#include "../core/upload.h"
#include "sla_store.h"
#include "ticket_form.h"
#include "ticket_gram.h"

const char *ticket_photo_type(const char *data, size_t len) {
    const unsigned char *p = (const unsigned char *)data;
    if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
        return "image/jpeg";
    if (len >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8))
        return "image/png";
    if (len >= 12 && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WEBP", 4))
        return "image/webp";
    return NULL;
}

/* The next number of prefix on local day (YYYYMMDD) in the community. The row lock of
 * the counter serialises concurrent creators until their transaction ends. The number
 * comes back as the statement's insert id: the value given to LAST_INSERT_ID(expr). */
static db_status next_number(arena *a, long long community_id, const char *prefix, const char *day,
                             long long *n) {
    static db_stmt bump = DB_STMT("ticket_counter_bump",
                                  "INSERT INTO ticket_counter (community_id, prefix, day, last_number) "
                                  "VALUES (?, ?, ?, LAST_INSERT_ID(1)) "
                                  "ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)");
    db_arg args[3] = {DB_INT(community_id), DB_TEXT(prefix), DB_TEXT(day)};
    db_rows rows;
    db_status s = db_exec(&bump, args, 3, a, &rows);
    if (s == DB_OK)
        *n = (long long)rows.insert_id;
    return s;
}

/* Checks the draft against the community's data: the category of its kind, the unit,
 * the place. 0 or a refusal; *category_id and *department_id are set on 0. */
static int check_draft(arena *a, const ticket_draft *d, long long *category_id, long long *department_id,
                       ticket_refusal *why) {
    static db_stmt unit =
        DB_STMT("ticket_create_unit", "SELECT id FROM unit WHERE id = ? AND community_id = ?");
    db_rows rows;
    if (!ticket_kind_name(d->kind))
        return ticket_refuse(why, 422, "kind", "请选择类型");
    /* The community's active categories, kept while its reference version holds. */
    ticket_category *cats = NULL;
    size_t ncats = 0;
    db_status s = ticket_categories(a, d->community_id, &cats, &ncats);
    if (s != DB_OK)
        return s;
    const ticket_category *cat = ticket_form_category(cats, ncats, d->kind, d->category_code);
    if (!cat)
        return ticket_refuse(why, 422, "category", "请选择与类型相符的类别");
    *category_id = cat->id;
    *department_id = cat->department_id;
    if (!strcmp(d->location, "home") && !d->unit_id)
        return ticket_refuse(why, 422, d->actor_kind == 'r' ? "location" : "unit",
                             d->actor_kind == 'r' ? "您的账户尚未关联房屋，请选择公共区域或联系物业"
                                                  : "户内报事请填写房号");
    if (!strcmp(d->location, "common") && (!d->place || !*d->place))
        return ticket_refuse(why, 422, "place", "请填写公共区域的具体位置");
    if (d->unit_id) {
        db_arg uargs[2] = {DB_INT(d->unit_id), DB_INT(d->community_id)};
        if ((s = db_exec(&unit, uargs, 2, a, &rows)) != DB_OK)
            return s;
        if (rows.count == 0)
            return ticket_refuse(why, 422, "unit", "没有这个房号");
    }
    if (d->photo_count > TICKET_MAX_PHOTOS)
        return ticket_refuse(why, 422, "photo", "最多上传 3 张照片");
    for (size_t i = 0; i < d->photo_count; i++) {
        if (d->photos[i].len > TICKET_PHOTO_MAX_BYTES)
            return ticket_refuse(why, 422, "photo", "每张照片不能超过 5 MB");
        if (!ticket_photo_type(d->photos[i].data, d->photos[i].len))
            return ticket_refuse(why, 422, "photo", "照片只能是 JPEG、PNG 或 WebP 图片");
    }
    return 0;
}

/* Time limits of the draft from its community's policy; all zero without a policy. */
static db_status draft_dues(arena *a, const ticket_draft *d, sla_dues *dues) {
    sla_policy policy;
    sla_calendar cal;
    bool found;
    memset(dues, 0, sizeof *dues);
    db_status s = sla_load_policy(a, d->community_id, d->kind, d->severity, &policy, &found);
    if (s != DB_OK || !found)
        return s;
    if ((s = sla_load_calendar(a, d->community_id, d->zone, &cal)) != DB_OK)
        return s;
    *dues = sla_compute(&policy, &cal, d->now, d->preferred_time, !strcmp(d->kind, "repair"));
    return DB_OK;
}

static db_status insert_rows(arena *a, const ticket_draft *d, long long category_id, long long department_id,
                             const sla_dues *dues, char names[][33], const char **types, long long *id,
                             long long *last_event_id) {
    static db_stmt ticket = DB_STMT(
        "ticket_insert",
        "INSERT INTO ticket (community_id, code, kind, category_id, location, unit_id, place, description, "
        "channel, "
        "severity, reporter_account_id, reporter_name, reporter_phone, preferred_time, created_by_kind, "
        "created_by_id, owner_staff_id, department_id, status, created_at, updated_at, respond_due, "
        "onsite_due, "
        "resolve_due, responded_at, next_due) VALUES (?, CONCAT('#', CONNECTION_ID()), ?, ?, ?, ?, ?, ?, ?, "
        "?, "
        "?, ?, ?, "
        "FROM_UNIXTIME(?), ?, ?, "
        "?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?), FROM_UNIXTIME(?), FROM_UNIXTIME(?), FROM_UNIXTIME(?), "
        "FROM_UNIXTIME(?), FROM_UNIXTIME(?))");
    static db_stmt event =
        DB_STMT("ticket_insert_event",
                "INSERT INTO ticket_event (ticket_id, community_id, type, actor_kind, actor_id, at, "
                "public, text, status_after) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?), 1, ?, ?)");
    static db_stmt photo = DB_STMT(
        "ticket_insert_photo", "INSERT INTO ticket_photo (ticket_id, community_id, file_name, content_type, "
                               "size_bytes, uploaded_by_kind, uploaded_by_id, at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    bool staff = d->actor_kind == 's';
    const char *actor = staff ? "staff" : "resident";
    const char *status = staff ? "accepted" : "new";
    /* Taken at the counter, the ticket is answered the moment it is recorded. */
    long long responded = staff ? d->now : 0;
    long long next_due =
        ticket_earliest_due(staff ? 0 : dues->respond, ticket_earliest_due(dues->onsite, dues->resolve));
    db_arg targs[25] = {
        DB_INT(d->community_id),
        DB_TEXT(d->kind),
        DB_INT(category_id),
        DB_TEXT(d->location),
        d->unit_id ? DB_INT(d->unit_id) : DB_NULL,
        DB_TEXT(d->place ? d->place : ""),
        DB_TEXT(d->description),
        DB_TEXT(d->channel),
        DB_TEXT(d->severity),
        d->reporter_account_id ? DB_INT(d->reporter_account_id) : DB_NULL,
        DB_TEXT(d->reporter_name ? d->reporter_name : ""),
        DB_TEXT(d->reporter_phone ? d->reporter_phone : ""),
        db_int_or_null(d->preferred_time),
        DB_TEXT(actor),
        DB_INT(d->actor_id),
        staff ? DB_INT(d->actor_id) : DB_NULL,
        department_id ? DB_INT(department_id) : DB_NULL,
        DB_TEXT(status),
        DB_INT(d->now),
        DB_INT(d->now),
        db_int_or_null(dues->respond),
        db_int_or_null(dues->onsite),
        db_int_or_null(dues->resolve),
        db_int_or_null(responded),
        db_int_or_null(next_due),
    };
    db_rows rows;
    db_status s = db_exec(&ticket, targs, 25, a, &rows);
    if (s != DB_OK)
        return s;
    *id = (long long)rows.insert_id;
    if ((s = ticket_gram_write(a, d->community_id, *id, d->description)) != DB_OK)
        return s;
    db_arg eargs[8] = {DB_INT(*id),         DB_INT(d->community_id), DB_TEXT("created"), DB_TEXT(actor),
                       DB_INT(d->actor_id), DB_INT(d->now),          DB_TEXT(""),        DB_TEXT("new")};
    if ((s = db_exec(&event, eargs, 8, a, &rows)) != DB_OK)
        return s;
    long long last_id = (long long)rows.insert_id;
    if (staff) {
        db_arg aargs[8] = {DB_INT(*id),         DB_INT(d->community_id), DB_TEXT("accepted"),
                           DB_TEXT(actor),      DB_INT(d->actor_id),     DB_INT(d->now),
                           DB_TEXT("首问受理"), DB_TEXT(status)};
        if ((s = db_exec(&event, aargs, 8, a, &rows)) != DB_OK)
            return s;
        last_id = (long long)rows.insert_id;
    }
    *last_event_id = last_id;
    /* What residents write themselves is no news to them. */
    if (!staff && d->reporter_account_id &&
        (s = ticket_mark_seen(d->reporter_account_id, *id, last_id)) != DB_OK)
        return s;
    for (size_t i = 0; i < d->photo_count; i++) {
        db_arg pargs[8] = {DB_INT(*id),
                           DB_INT(d->community_id),
                           DB_TEXT(names[i]),
                           DB_TEXT(types[i]),
                           DB_INT(d->photos[i].len),
                           DB_TEXT(actor),
                           DB_INT(d->actor_id),
                           DB_INT(d->now)};
        if ((s = db_exec(&photo, pargs, 8, a, NULL)) != DB_OK)
            return s;
    }
    return DB_OK;
}

/* The ticket's code in place of the one it was inserted with ('#' and the connection's id:
 * unique while its transaction is open, and never seen outside it), and its last event. */
static db_status set_code(long long id, const char *code, long long last_event_id) {
    static db_stmt st = DB_STMT("ticket_set_code", "UPDATE ticket SET code = ?, last_event_id = ?, "
                                                   "last_public_event_id = ? WHERE id = ?");
    db_arg args[4] = {DB_TEXT(code), DB_INT(last_event_id), DB_INT(last_event_id), DB_INT(id)};
    return db_exec(&st, args, 4, NULL, NULL);
}

/* Queues a message for the reporter about a ticket recorded for them by staff. */
static db_status notify_recorded(const ticket_draft *d, long long id, const char *code) {
    static db_stmt st =
        DB_STMT("ticket_outbox_recorded",
                "INSERT INTO outbox (community_id, account_id, phone, ticket_id, message, created_at) "
                "VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    if (!d->reporter_account_id && !(d->reporter_phone && *d->reporter_phone))
        return DB_OK;
    char message[200];
    snprintf(message, sizeof message, "您的%s已登记，单号 %s，我们会尽快处理。", ticket_kind_name(d->kind),
             code);
    db_arg args[6] = {DB_INT(d->community_id),
                      d->reporter_account_id ? DB_INT(d->reporter_account_id) : DB_NULL,
                      DB_TEXT(d->reporter_phone ? d->reporter_phone : ""),
                      DB_INT(id),
                      DB_TEXT(message),
                      DB_INT(d->now)};
    return db_exec(&st, args, 6, NULL, NULL);
}

int ticket_create(arena *a, const ticket_draft *d, const char *upload_dir, long long *id, const char **code,
                  ticket_refusal *why) {
    static db_stmt zone = DB_STMT("ticket_create_zone", "SELECT time_zone FROM community WHERE id = ?");
    long long category_id = 0, department_id = 0;
    int r = check_draft(a, d, &category_id, &department_id, why);
    if (r != 0)
        return r;
    sla_dues dues;
    db_status s = draft_dues(a, d, &dues);
    if (s != DB_OK)
        return s;
    const char *tz = d->zone;
    if (!tz) {
        db_rows rows;
        db_arg zargs[1] = {DB_INT(d->community_id)};
        if ((s = db_exec(&zone, zargs, 1, a, &rows)) != DB_OK)
            return s;
        if (rows.count == 0)
            return ticket_refuse(why, 404, NULL, "没有这个小区");
        tz = db_cell(&rows, 0, 0);
    }
    const char *day = clock_format(a, d->now, tz, "%Y%m%d");

    /* Photos go to disk first; a failed transaction removes them again. */
    char dir[600];
    snprintf(dir, sizeof dir, "%s/tickets", upload_dir);
    if (d->photo_count && mkdir(dir, 0755) != 0 && errno != EEXIST) {
        log_error("ticket photos: cannot create %s", dir);
        return DB_ERROR;
    }
    char names[TICKET_MAX_PHOTOS][33];
    const char *types[TICKET_MAX_PHOTOS];
    for (size_t i = 0; i < d->photo_count; i++) {
        types[i] = ticket_photo_type(d->photos[i].data, d->photos[i].len);
        if (upload_store(dir, d->photos[i].data, d->photos[i].len, names[i]) != 0) {
            log_error("ticket photos: cannot write into %s", dir);
            upload_remove(dir, names, i);
            return DB_ERROR;
        }
    }
    long long number = 0, last_event = 0;
    const char *prefix = ticket_kind_prefix(d->kind);
    /* The first tickets of a day race to create the counter row; InnoDB resolves that
     * by rolling one back as a deadlock, which is simply tried again. */
    for (int attempt = 0; attempt < 5; attempt++) {
        /* The writes in four round trips: those that answer nothing wait for the next that
         * does (the ticket, its first event, the counter) or for the COMMIT. The counter's
         * row lock, which makes every new ticket of the community wait, is taken last: it
         * is held for two round trips and the COMMIT only. */
        db_defer_writes(true);
        if ((s = db_begin()) == DB_OK && (s = insert_rows(a, d, category_id, department_id, &dues, names,
                                                          types, id, &last_event)) == DB_OK) {
            int after = d->after_insert ? d->after_insert(a, *id, d->after_data, why) : 0;
            if (after > 0) {
                db_rollback();
                upload_remove(dir, names, d->photo_count);
                return after;
            }
            s = (db_status)after;
            if (s == DB_OK && (s = next_number(a, d->community_id, prefix, day, &number)) == DB_OK) {
                *code = arena_printf(a, "%s%s-%04lld", prefix, day, number);
                if ((s = set_code(*id, *code, last_event)) == DB_OK &&
                    (s = notify_recorded(d, *id, *code)) == DB_OK)
                    s = db_commit();
            }
        }
        if (s == DB_OK)
            return 0;
        if (db_in_transaction())
            db_rollback();
        if (s != DB_DEADLOCK)
            break;
    }
    upload_remove(dir, names, d->photo_count);
    return s;
}
