/* renovation_patrol_read.c: what the patrol page and the violation notice show of a case
 * (renovation_patrol.h). */
#include <string.h>

#include "renovation_patrol.h"

static const char *cell(const db_rows *r, size_t row, size_t col) {
    const char *s = db_cell(r, row, col);
    return s ? s : "";
}

static void *rows_alloc(arena *a, size_t count, size_t size) {
    return arena_alloc(a, (count ? count : 1) * size);
}

static db_status load_patrols(arena *a, long long id, renovation_site *out) {
    static db_stmt patrols = DB_STMT("renovation_site_patrols",
                                     "SELECT p.id, DATE_FORMAT(p.patrol_date, '%Y-%m-%d'), s.name, p.result, "
                                     "p.findings FROM renovation_patrol p JOIN staff s ON s.id = p.staff_id "
                                     "WHERE p.renovation_id = ? ORDER BY p.patrol_date DESC, p.id DESC");
    static db_stmt photos =
        DB_STMT("renovation_site_photos",
                "SELECT id, patrol_id, original_name FROM renovation_file WHERE "
                "renovation_id = ? AND kind = 'photo' AND patrol_id IS NOT NULL ORDER BY id");
    db_arg args[1] = {DB_INT(id)};
    db_rows r, ph;
    db_status s = db_exec(&patrols, args, 1, a, &r);
    if (s != DB_OK || (s = db_exec(&photos, args, 1, a, &ph)) != DB_OK)
        return s;
    out->patrols = rows_alloc(a, r.count, sizeof *out->patrols);
    if (!out->patrols)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++) {
        renovation_patrol_row *p = &out->patrols[i];
        *p = (renovation_patrol_row){
            db_cell_int(&r, i, 0), cell(&r, i, 1), cell(&r, i, 2), cell(&r, i, 3), cell(&r, i, 4), NULL, 0};
        p->photos = rows_alloc(a, RENO_PATROL_MAX_PHOTOS, sizeof *p->photos);
        if (!p->photos)
            return DB_ERROR;
        for (size_t k = 0; k < ph.count; k++)
            if (db_cell_int(&ph, k, 1) == p->id && p->photo_count < RENO_PATROL_MAX_PHOTOS)
                p->photos[p->photo_count++] = (renovation_photo){db_cell_int(&ph, k, 0), cell(&ph, k, 2)};
    }
    out->patrol_count = r.count;
    return DB_OK;
}

#define VIOLATION_COLUMNS                                                                                    \
    "v.id, COALESCE(v.patrol_id, 0), v.notice_no, v.rule, v.detail, DATE_FORMAT(v.deadline, '%Y-%m-%d'), "   \
    "v.state, s.name, UNIX_TIMESTAMP(v.issued_at), COALESCE(c.name, ''), v.recheck_note, "                   \
    "COALESCE(UNIX_TIMESTAMP(v.recheck_at), 0), v.renovation_id FROM renovation_violation v JOIN staff s "   \
    "ON "                                                                                                    \
    "s.id = v.issued_by LEFT JOIN staff c ON c.id = v.recheck_by "

static void fill_violation(const db_rows *r, size_t i, renovation_violation_row *v) {
    *v = (renovation_violation_row){.id = db_cell_int(r, i, 0),
                                    .patrol_id = db_cell_int(r, i, 1),
                                    .notice_no = cell(r, i, 2),
                                    .rule = cell(r, i, 3),
                                    .detail = cell(r, i, 4),
                                    .deadline = cell(r, i, 5),
                                    .state = cell(r, i, 6),
                                    .issued_by_name = cell(r, i, 7),
                                    .issued_at = db_cell_int(r, i, 8),
                                    .recheck_by_name = cell(r, i, 9),
                                    .recheck_note = cell(r, i, 10),
                                    .recheck_at = db_cell_int(r, i, 11)};
}

static db_status load_money_and_links(arena *a, long long id, renovation_site *out) {
    static db_stmt deductions =
        DB_STMT("renovation_site_deductions",
                "SELECT d.id, COALESCE(d.violation_id, 0), d.amount_fen, "
                "COALESCE(v.notice_no, ''), d.reason, s.name, UNIX_TIMESTAMP(d.at) FROM "
                "renovation_deduction d JOIN staff s ON s.id = d.staff_id LEFT JOIN "
                "renovation_violation v ON v.id = d.violation_id WHERE d.renovation_id "
                "= ? ORDER BY d.id");
    static db_stmt tickets = DB_STMT("renovation_site_tickets",
                                     "SELECT t.id, t.code, c.name, t.status, LEFT(t.description, 80), "
                                     "UNIX_TIMESTAMP(l.at) FROM renovation_ticket l JOIN ticket t ON t.id = "
                                     "l.ticket_id JOIN ticket_category c ON c.id = t.category_id WHERE "
                                     "l.renovation_id = ? ORDER BY l.at, t.id");
    db_arg args[1] = {DB_INT(id)};
    db_rows r;
    db_status s = db_exec(&deductions, args, 1, a, &r);
    if (s != DB_OK)
        return s;
    out->deductions = rows_alloc(a, r.count, sizeof *out->deductions);
    if (!out->deductions)
        return DB_ERROR;
    out->deducted_fen = 0;
    for (size_t i = 0; i < r.count; i++) {
        out->deductions[i] = (renovation_deduction_row){
            db_cell_int(&r, i, 0), db_cell_int(&r, i, 1), db_cell_int(&r, i, 2), cell(&r, i, 3),
            cell(&r, i, 4),        cell(&r, i, 5),        db_cell_int(&r, i, 6)};
        out->deducted_fen += out->deductions[i].amount_fen;
    }
    out->deduction_count = r.count;
    if ((s = db_exec(&tickets, args, 1, a, &r)) != DB_OK)
        return s;
    out->tickets = rows_alloc(a, r.count, sizeof *out->tickets);
    if (!out->tickets)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        out->tickets[i] =
            (renovation_ticket_row){db_cell_int(&r, i, 0), cell(&r, i, 1), cell(&r, i, 2),
                                    cell(&r, i, 3),        cell(&r, i, 4), db_cell_int(&r, i, 5)};
    out->ticket_count = r.count;
    return DB_OK;
}

db_status renovation_site_load(arena *a, long long id, renovation_site *out) {
    static db_stmt violations = DB_STMT(
        "renovation_site_violations", "SELECT " VIOLATION_COLUMNS "WHERE v.renovation_id = ? ORDER BY v.id");
    memset(out, 0, sizeof *out);
    db_status s = load_patrols(a, id, out);
    if (s != DB_OK)
        return s;
    db_arg args[1] = {DB_INT(id)};
    db_rows r;
    if ((s = db_exec(&violations, args, 1, a, &r)) != DB_OK)
        return s;
    out->violations = rows_alloc(a, r.count, sizeof *out->violations);
    if (!out->violations)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        fill_violation(&r, i, &out->violations[i]);
    out->violation_count = r.count;
    return load_money_and_links(a, id, out);
}

db_status renovation_violation_load(arena *a, long long community_id, long long violation_id,
                                    renovation_violation_row *out, long long *renovation_id, bool *found) {
    static db_stmt one = DB_STMT("renovation_violation_one",
                                 "SELECT " VIOLATION_COLUMNS "WHERE v.id = ? AND v.community_id = ?");
    db_arg args[2] = {DB_INT(violation_id), DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&one, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *found = r.count > 0;
    if (*found) {
        fill_violation(&r, 0, out);
        *renovation_id = db_cell_int(&r, 0, 12);
    }
    return DB_OK;
}
