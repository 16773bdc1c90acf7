/* ticket.c: creating tickets (codes, time limits, photos) and reading them back with
 * their timelines and photos. The actions of a ticket's life are in ticket_apply.c,
 * the lists in ticket_list.c. */
#include "ticket.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/clock.h"
#include "../core/log.h"
#include "sla_store.h"

/* Answers a refusal: the HTTP status, with its message and field. */
static int refuse(ticket_refusal *why, int status, const char *field, const char *message) {
    if (why) {
        why->field = field;
        why->message = message;
    }
    return status;
}

int ticket_categories(arena *a, long long community_id, ticket_category **out, size_t *count) {
    static db_stmt st = DB_STMT("ticket_categories",
                                "SELECT c.id, c.kind, c.code, c.name, COALESCE(c.department_id, 0), "
                                "COALESCE(d.name, '') FROM ticket_category c "
                                "LEFT JOIN department d ON d.id = c.department_id "
                                "WHERE c.community_id = ? AND c.active = 1 ORDER BY c.kind, c.sort, c.id");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        ticket_category *c = &(*out)[i];
        c->id = db_cell_int(&rows, i, 0);
        c->kind = db_cell(&rows, i, 1);
        c->code = db_cell(&rows, i, 2);
        c->name = db_cell(&rows, i, 3);
        c->department_id = db_cell_int(&rows, i, 4);
        c->department_name = db_cell(&rows, i, 5);
    }
    *count = rows.count;
    return 0;
}

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

int ticket_unit_find(arena *a, long long community_id, const char *code, long long *unit_id) {
    static db_stmt st =
        DB_STMT("ticket_unit_find", "SELECT id FROM unit WHERE community_id = ? AND code = ?");
    db_rows rows;
    db_arg args[2] = {DB_INT(community_id), DB_TEXT(code)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    *unit_id = rows.count ? db_cell_int(&rows, 0, 0) : 0;
    return 0;
}

int ticket_account_unit(arena *a, long long account_id, long long *unit_id) {
    static db_stmt st =
        DB_STMT("ticket_account_unit", "SELECT COALESCE(current_unit_id, 0) FROM account WHERE id = ?");
    db_rows rows;
    db_arg args[1] = {DB_INT(account_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    *unit_id = rows.count ? db_cell_int(&rows, 0, 0) : 0;
    return 0;
}

/* Writes one photo under dir with a fresh random name (32 hex digits) into name. */
static int store_photo(const char *dir, const ticket_photo_upload *photo, char name[33]) {
    unsigned char random[16];
    if (RAND_bytes(random, sizeof random) != 1)
        return -1;
    for (int i = 0; i < 16; i++)
        snprintf(name + 2 * i, 3, "%02x", random[i]);
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < photo->len) {
        ssize_t n = write(fd, photo->data + done, photo->len - done);
        if (n <= 0) {
            close(fd);
            unlink(path);
            return -1;
        }
        done += (size_t)n;
    }
    if (close(fd) != 0) {
        unlink(path);
        return -1;
    }
    return 0;
}

static void remove_photos(const char *dir, char names[][33], size_t count) {
    char path[700];
    for (size_t i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
}

/* The next number of prefix on local day (YYYYMMDD) in the community. The row lock of
 * the counter serialises concurrent creators until their transaction ends. */
static db_status next_number(arena *a, long long community_id, const char *prefix, const char *day,
                             long long *n) {
    static db_stmt bump = DB_STMT("ticket_counter_bump",
                                  "INSERT INTO ticket_counter (community_id, prefix, day, last_number) "
                                  "VALUES (?, ?, ?, LAST_INSERT_ID(1)) "
                                  "ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)");
    static db_stmt read = DB_STMT("ticket_counter_read", "SELECT LAST_INSERT_ID()");
    db_arg args[3] = {DB_INT(community_id), DB_TEXT(prefix), DB_TEXT(day)};
    db_rows rows;
    db_status s = db_exec(&bump, args, 3, a, NULL);
    if (s == DB_OK)
        s = db_exec(&read, NULL, 0, a, &rows);
    if (s == DB_OK)
        *n = db_cell_int(&rows, 0, 0);
    return s;
}

/* Checks the draft against the community's data: the category of its kind, the unit,
 * the place. 0 or a refusal; *category_id and *department_id are set on 0. */
static int check_draft(arena *a, const ticket_draft *d, long long *category_id, long long *department_id,
                       ticket_refusal *why) {
    static db_stmt category =
        DB_STMT("ticket_create_category", "SELECT id, COALESCE(department_id, 0) FROM ticket_category "
                                          "WHERE community_id = ? AND kind = ? AND code = ? AND active = 1");
    static db_stmt unit =
        DB_STMT("ticket_create_unit", "SELECT id FROM unit WHERE id = ? AND community_id = ?");
    db_rows rows;
    if (!ticket_kind_name(d->kind))
        return refuse(why, 422, "kind", "请选择类型");
    db_arg cargs[3] = {DB_INT(d->community_id), DB_TEXT(d->kind), DB_TEXT(d->category_code)};
    db_status s = db_exec(&category, cargs, 3, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return refuse(why, 422, "category", "请选择与类型相符的类别");
    *category_id = db_cell_int(&rows, 0, 0);
    *department_id = db_cell_int(&rows, 0, 1);
    if (!strcmp(d->location, "home") && !d->unit_id)
        return refuse(why, 422, d->actor_kind == 'r' ? "location" : "unit",
                      d->actor_kind == 'r' ? "您的账户尚未关联房屋，请选择公共区域或联系物业"
                                           : "户内报事请填写房号");
    if (!strcmp(d->location, "common") && (!d->place || !*d->place))
        return refuse(why, 422, "place", "请填写公共区域的具体位置");
    if (d->unit_id) {
        db_arg uargs[2] = {DB_INT(d->unit_id), DB_INT(d->community_id)};
        if ((s = db_exec(&unit, uargs, 2, a, &rows)) != DB_OK)
            return s;
        if (rows.count == 0)
            return refuse(why, 422, "unit", "没有这个房号");
    }
    if (d->photo_count > TICKET_MAX_PHOTOS)
        return refuse(why, 422, "photo", "最多上传 3 张照片");
    for (size_t i = 0; i < d->photo_count; i++) {
        if (d->photos[i].len > TICKET_PHOTO_MAX_BYTES)
            return refuse(why, 422, "photo", "每张照片不能超过 5 MB");
        if (!ticket_photo_type(d->photos[i].data, d->photos[i].len))
            return refuse(why, 422, "photo", "照片只能是 JPEG、PNG 或 WebP 图片");
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
    if ((s = sla_load_calendar(a, d->community_id, &cal)) != DB_OK)
        return s;
    *dues = sla_compute(&policy, &cal, d->now, d->preferred_time, !strcmp(d->kind, "repair"));
    return DB_OK;
}

static db_arg time_arg(long long t) {
    return t ? DB_INT(t) : DB_NULL;
}

/* The earliest of the dues, 0 when none. */
static long long earliest(long long a, long long b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return a < b ? a : b;
}

static db_status insert_rows(arena *a, const ticket_draft *d, long long category_id, long long department_id,
                             const char *code, const sla_dues *dues, char names[][33], const char **types,
                             long long *id) {
    static db_stmt ticket = DB_STMT(
        "ticket_insert",
        "INSERT INTO ticket (community_id, code, kind, category_id, location, unit_id, place, description, "
        "channel, "
        "severity, reporter_account_id, reporter_name, reporter_phone, preferred_time, created_by_kind, "
        "created_by_id, owner_staff_id, department_id, status, created_at, updated_at, respond_due, "
        "onsite_due, "
        "resolve_due, responded_at, next_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "FROM_UNIXTIME(?), ?, ?, "
        "?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?), FROM_UNIXTIME(?), FROM_UNIXTIME(?), FROM_UNIXTIME(?), "
        "FROM_UNIXTIME(?), FROM_UNIXTIME(?))");
    static db_stmt event =
        DB_STMT("ticket_insert_event",
                "INSERT INTO ticket_event (ticket_id, community_id, type, actor_kind, actor_id, at, "
                "public, text, status_after) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?), 1, ?, ?)");
    static db_stmt last = DB_STMT(
        "ticket_insert_last", "UPDATE ticket SET last_event_id = ?, last_public_event_id = ? WHERE id = ?");
    static db_stmt photo = DB_STMT(
        "ticket_insert_photo", "INSERT INTO ticket_photo (ticket_id, community_id, file_name, content_type, "
                               "size_bytes, uploaded_by_kind, uploaded_by_id, at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    bool staff = d->actor_kind == 's';
    const char *actor = staff ? "staff" : "resident";
    const char *status = staff ? "accepted" : "new";
    /* Taken at the counter, the ticket is answered the moment it is recorded. */
    long long responded = staff ? d->now : 0;
    long long next_due = earliest(staff ? 0 : dues->respond, earliest(dues->onsite, dues->resolve));
    db_arg targs[26] = {
        DB_INT(d->community_id),
        DB_TEXT(code),
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
        time_arg(d->preferred_time),
        DB_TEXT(actor),
        DB_INT(d->actor_id),
        staff ? DB_INT(d->actor_id) : DB_NULL,
        department_id ? DB_INT(department_id) : DB_NULL,
        DB_TEXT(status),
        DB_INT(d->now),
        DB_INT(d->now),
        time_arg(dues->respond),
        time_arg(dues->onsite),
        time_arg(dues->resolve),
        time_arg(responded),
        time_arg(next_due),
    };
    db_rows rows;
    db_status s = db_exec(&ticket, targs, 26, a, &rows);
    if (s != DB_OK)
        return s;
    *id = (long long)rows.insert_id;
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
    db_arg largs[3] = {DB_INT(last_id), DB_INT(last_id), DB_INT(*id)};
    if ((s = db_exec(&last, largs, 3, a, NULL)) != DB_OK)
        return s;
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
    long long category_id, department_id;
    int r = check_draft(a, d, &category_id, &department_id, why);
    if (r != 0)
        return r;
    sla_dues dues;
    db_status s = draft_dues(a, d, &dues);
    if (s != DB_OK)
        return s;
    db_rows rows;
    db_arg zargs[1] = {DB_INT(d->community_id)};
    if ((s = db_exec(&zone, zargs, 1, a, &rows)) != DB_OK)
        return s;
    if (rows.count == 0)
        return refuse(why, 404, NULL, "没有这个小区");
    const char *day = clock_format(a, d->now, db_cell(&rows, 0, 0), "%Y%m%d");

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
        if (store_photo(dir, &d->photos[i], names[i]) != 0) {
            log_error("ticket photos: cannot write into %s", dir);
            remove_photos(dir, names, i);
            return DB_ERROR;
        }
    }
    long long number = 0;
    const char *prefix = ticket_kind_prefix(d->kind);
    /* The first tickets of a day race to create the counter row; InnoDB resolves that
     * by rolling one back as a deadlock, which is simply tried again. */
    for (int attempt = 0; attempt < 5; attempt++) {
        if ((s = db_begin()) == DB_OK &&
            (s = next_number(a, d->community_id, prefix, day, &number)) == DB_OK) {
            *code = arena_printf(a, "%s%s-%04lld", prefix, day, number);
            if ((s = insert_rows(a, d, category_id, department_id, *code, &dues, names, types, id)) ==
                    DB_OK &&
                (s = notify_recorded(d, *id, *code)) == DB_OK)
                s = db_commit();
        }
        if (s == DB_OK)
            return 0;
        if (db_in_transaction())
            db_rollback();
        if (s != DB_DEADLOCK)
            break;
    }
    remove_photos(dir, names, d->photo_count);
    return s;
}

/* The columns of ticket_view, in the order read_view reads them. */
#define VIEW_COLUMNS                                                                                         \
    "t.id, t.community_id, t.code, t.kind, t.category_id, c.name, t.location, COALESCE(t.unit_id, 0), "      \
    "COALESCE(u.code, ''), t.place, t.description, t.channel, t.severity, COALESCE(t.reporter_account_id, "  \
    "0), "                                                                                                   \
    "t.reporter_name, t.reporter_phone, COALESCE(UNIX_TIMESTAMP(t.preferred_time), 0), t.created_by_kind, "  \
    "IF(t.created_by_kind = 'staff', (SELECT name FROM staff WHERE id = t.created_by_id), "                  \
    "(SELECT p.name FROM account ac JOIN person p ON p.id = ac.person_id WHERE ac.id = t.created_by_id)), "  \
    "t.status, COALESCE(t.resume_status, ''), UNIX_TIMESTAMP(t.created_at), UNIX_TIMESTAMP(t.updated_at), "  \
    "COALESCE(UNIX_TIMESTAMP(t.respond_due), 0), COALESCE(UNIX_TIMESTAMP(t.onsite_due), 0), "                \
    "COALESCE(UNIX_TIMESTAMP(t.resolve_due), 0), COALESCE(UNIX_TIMESTAMP(t.next_due), 0), "                  \
    "COALESCE(UNIX_TIMESTAMP(t.responded_at), 0), COALESCE(UNIX_TIMESTAMP(t.onsite_at), 0), "                \
    "COALESCE(UNIX_TIMESTAMP(t.completed_at), 0), COALESCE(UNIX_TIMESTAMP(t.closed_at), 0), "                \
    "COALESCE(UNIX_TIMESTAMP(t.waiting_since), 0), t.breached, t.escalation_level, t.charge_fen, "           \
    "t.callback_done, "                                                                                      \
    "COALESCE(t.rating, 0), t.last_event_id, t.last_public_event_id, COALESCE(t.owner_staff_id, 0), "        \
    "COALESCE(o.name, ''), COALESCE(t.department_id, 0), COALESCE(d.name, ''), "                             \
    "COALESCE(t.assignee_staff_id, 0), "                                                                     \
    "COALESCE(s.name, '') FROM ticket t JOIN ticket_category c ON c.id = t.category_id "                     \
    "LEFT JOIN unit u ON u.id = t.unit_id LEFT JOIN staff o ON o.id = t.owner_staff_id "                     \
    "LEFT JOIN department d ON d.id = t.department_id LEFT JOIN staff s ON s.id = t.assignee_staff_id "

static void read_view(const db_rows *r, ticket_view *v) {
    int c = 0;
    memset(v, 0, sizeof *v);
    v->id = db_cell_int(r, 0, c++);
    v->community_id = db_cell_int(r, 0, c++);
    v->code = db_cell(r, 0, c++);
    v->kind = db_cell(r, 0, c++);
    v->category_id = db_cell_int(r, 0, c++);
    v->category_name = db_cell(r, 0, c++);
    v->location = db_cell(r, 0, c++);
    v->unit_id = db_cell_int(r, 0, c++);
    v->unit_code = db_cell(r, 0, c++);
    v->place = db_cell(r, 0, c++);
    v->description = db_cell(r, 0, c++);
    v->channel = db_cell(r, 0, c++);
    v->severity = db_cell(r, 0, c++);
    v->reporter_account_id = db_cell_int(r, 0, c++);
    v->reporter_name = db_cell(r, 0, c++);
    v->reporter_phone = db_cell(r, 0, c++);
    v->preferred_time = db_cell_int(r, 0, c++);
    const char *by = db_cell(r, 0, c++);
    v->created_by_kind = by && !strcmp(by, "staff") ? 's' : 'r';
    v->created_by_name = db_cell(r, 0, c++);
    if (!v->created_by_name)
        v->created_by_name = "";
    ticket_status_parse(db_cell(r, 0, c++), &v->status);
    if (!ticket_status_parse(db_cell(r, 0, c++), &v->resume_status))
        v->resume_status = ST_ACCEPTED;
    v->created_at = db_cell_int(r, 0, c++);
    v->updated_at = db_cell_int(r, 0, c++);
    v->respond_due = db_cell_int(r, 0, c++);
    v->onsite_due = db_cell_int(r, 0, c++);
    v->resolve_due = db_cell_int(r, 0, c++);
    v->next_due = db_cell_int(r, 0, c++);
    v->responded_at = db_cell_int(r, 0, c++);
    v->onsite_at = db_cell_int(r, 0, c++);
    v->completed_at = db_cell_int(r, 0, c++);
    v->closed_at = db_cell_int(r, 0, c++);
    v->waiting_since = db_cell_int(r, 0, c++);
    v->breached = (int)db_cell_int(r, 0, c++);
    v->escalation_level = (int)db_cell_int(r, 0, c++);
    v->charge_fen = db_cell_int(r, 0, c++);
    v->callback_done = db_cell_int(r, 0, c++) != 0;
    v->rating = (int)db_cell_int(r, 0, c++);
    v->last_event_id = db_cell_int(r, 0, c++);
    v->last_public_event_id = db_cell_int(r, 0, c++);
    v->owner_staff_id = db_cell_int(r, 0, c++);
    v->owner_name = db_cell(r, 0, c++);
    v->department_id = db_cell_int(r, 0, c++);
    v->department_name = db_cell(r, 0, c++);
    v->assignee_staff_id = db_cell_int(r, 0, c++);
    v->assignee_name = db_cell(r, 0, c++);
}

int ticket_load(arena *a, long long community_id, long long id, ticket_view *out, ticket_refusal *why) {
    static db_stmt st =
        DB_STMT("ticket_load", "SELECT " VIEW_COLUMNS "WHERE t.id = ? AND t.community_id = ?");
    db_rows rows;
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return refuse(why, 404, NULL, "没有这张工单。");
    read_view(&rows, out);
    return 0;
}

int ticket_load_for_resident(arena *a, long long account_id, long long id, ticket_view *out,
                             ticket_refusal *why) {
    /* The household's: reported by this account, or about the unit it acts for. */
    static db_stmt st =
        DB_STMT("ticket_load_resident",
                "SELECT " VIEW_COLUMNS "JOIN account ac ON ac.id = ? AND ac.community_id = t.community_id "
                "WHERE t.id = ? AND (t.reporter_account_id = ac.id OR "
                "(t.unit_id IS NOT NULL AND t.unit_id = ac.current_unit_id))");
    db_rows rows;
    db_arg args[2] = {DB_INT(account_id), DB_INT(id)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return refuse(why, 404, NULL, "没有这张工单，或它不属于您的家庭。");
    read_view(&rows, out);
    return 0;
}

int ticket_events(arena *a, long long ticket_id, bool public_only, ticket_event_view **out, size_t *count) {
    static db_stmt st = DB_STMT(
        "ticket_events",
        "SELECT e.id, e.type, e.actor_kind, CASE e.actor_kind WHEN 'staff' THEN (SELECT name FROM staff "
        "WHERE id = "
        "e.actor_id) WHEN 'resident' THEN (SELECT p.name FROM account ac JOIN person p ON p.id = "
        "ac.person_id WHERE "
        "ac.id = e.actor_id) ELSE '系统' END, UNIX_TIMESTAMP(e.at), e.public, e.text, COALESCE(d.name, ''), "
        "COALESCE(s.name, ''), COALESCE(UNIX_TIMESTAMP(e.visit_at), 0), COALESCE(e.score, 0), "
        "COALESCE(e.reached, -1), "
        "COALESCE(e.charge_fen, -1), COALESCE(e.clock, ''), COALESCE(e.level, 0), e.status_after "
        "FROM ticket_event e LEFT JOIN department d ON d.id = e.department_id "
        "LEFT JOIN staff s ON s.id = e.assignee_staff_id WHERE e.ticket_id = ? AND (? = 0 OR e.public = 1) "
        "ORDER BY e.id LIMIT 1000");
    db_rows rows;
    db_arg args[2] = {DB_INT(ticket_id), DB_INT(public_only ? 1 : 0)};
    db_status s = db_exec(&st, args, 2, a, &rows);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        ticket_event_view *e = &(*out)[i];
        int c = 0;
        e->id = db_cell_int(&rows, i, c++);
        ticket_event_parse(db_cell(&rows, i, c++), &e->type);
        const char *kind = db_cell(&rows, i, c++);
        e->actor_kind = !strcmp(kind, "staff") ? 's' : !strcmp(kind, "resident") ? 'r' : 'y';
        e->actor_name = db_cell(&rows, i, c++);
        if (!e->actor_name)
            e->actor_name = "";
        e->at = db_cell_int(&rows, i, c++);
        e->public = db_cell_int(&rows, i, c++) != 0;
        e->text = db_cell(&rows, i, c++);
        e->department_name = db_cell(&rows, i, c++);
        e->assignee_name = db_cell(&rows, i, c++);
        e->visit_at = db_cell_int(&rows, i, c++);
        e->score = (int)db_cell_int(&rows, i, c++);
        e->reached = (int)db_cell_int(&rows, i, c++);
        e->charge_fen = db_cell_int(&rows, i, c++);
        e->clock = db_cell(&rows, i, c++);
        e->level = (int)db_cell_int(&rows, i, c++);
        ticket_status_parse(db_cell(&rows, i, c++), &e->status_after);
    }
    *count = rows.count;
    return 0;
}

static void read_photo(const db_rows *rows, size_t i, ticket_photo_view *p) {
    p->id = db_cell_int(rows, i, 0);
    p->content_type = db_cell(rows, i, 1);
    p->size_bytes = db_cell_int(rows, i, 2);
    p->file_name = db_cell(rows, i, 3);
    p->ticket_id = db_cell_int(rows, i, 4);
}

int ticket_photos(arena *a, long long ticket_id, ticket_photo_view **out, size_t *count) {
    static db_stmt st =
        DB_STMT("ticket_photos", "SELECT id, content_type, size_bytes, file_name, ticket_id "
                                 "FROM ticket_photo WHERE ticket_id = ? ORDER BY id LIMIT 20");
    db_rows rows;
    db_arg args[1] = {DB_INT(ticket_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++)
        read_photo(&rows, i, &(*out)[i]);
    *count = rows.count;
    return 0;
}

int ticket_photo(arena *a, long long photo_id, ticket_photo_view *out, ticket_refusal *why) {
    static db_stmt st =
        DB_STMT("ticket_photo",
                "SELECT id, content_type, size_bytes, file_name, ticket_id FROM ticket_photo WHERE id = ?");
    db_rows rows;
    db_arg args[1] = {DB_INT(photo_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    if (rows.count == 0)
        return refuse(why, 404, NULL, "没有这张照片。");
    read_photo(&rows, 0, out);
    return 0;
}

int ticket_dispatch_choices(arena *a, long long community_id, ticket_staff **staff, size_t *count) {
    static db_stmt st =
        DB_STMT("ticket_dispatch_choices",
                "SELECT DISTINCT s.id, s.name, COALESCE(s.department_id, 0), COALESCE(d.name, '') "
                "FROM staff s JOIN staff_role g ON g.staff_id = s.id AND g.community_id = ? "
                "LEFT JOIN department d ON d.id = s.department_id WHERE s.disabled = 0 "
                "ORDER BY d.name, s.name LIMIT 500");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    *staff = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof **staff);
    if (!*staff)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        (*staff)[i].id = db_cell_int(&rows, i, 0);
        (*staff)[i].name = db_cell(&rows, i, 1);
        (*staff)[i].department_id = db_cell_int(&rows, i, 2);
        (*staff)[i].department_name = db_cell(&rows, i, 3);
    }
    *count = rows.count;
    return 0;
}

int ticket_departments(arena *a, long long community_id, ticket_department **out, size_t *count) {
    static db_stmt st = DB_STMT("ticket_departments",
                                "SELECT id, code, name FROM department WHERE community_id = ? ORDER BY id");
    db_rows rows;
    db_arg args[1] = {DB_INT(community_id)};
    db_status s = db_exec(&st, args, 1, a, &rows);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (rows.count ? rows.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < rows.count; i++) {
        (*out)[i].id = db_cell_int(&rows, i, 0);
        (*out)[i].code = db_cell(&rows, i, 1);
        (*out)[i].name = db_cell(&rows, i, 2);
    }
    *count = rows.count;
    return 0;
}
