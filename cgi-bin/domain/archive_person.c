/* archive_person.c: one person of the archive (view, edit, the audited look at the full
 * ID number) and what is out right now: the cards issued and keys lent, checked against
 * their logs. */
#include "archive.h"

#include <string.h>

#include "audit.h"

int archive_person_load(arena *a, long long community_id, long long id, archive_person *out,
                        archive_refusal *why) {
    static db_stmt st =
        DB_STMT("archive_person_load",
                "SELECT id, name, phone, email, id_number, COALESCE(DATE_FORMAT(birthday, "
                "'%Y-%m-%d'), ''), employer, emergency_contact, notes FROM person WHERE id = ? AND "
                "community_id = ?");
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    if (!r.count) {
        why->message = "没有这位住户，或他不属于您所在的小区。";
        return 404;
    }
    *out = (archive_person){db_cell_int(&r, 0, 0), db_cell(&r, 0, 1), db_cell(&r, 0, 2),
                            db_cell(&r, 0, 3),     db_cell(&r, 0, 4), db_cell(&r, 0, 5),
                            db_cell(&r, 0, 6),     db_cell(&r, 0, 7), db_cell(&r, 0, 8)};
    return 0;
}

int archive_person_save(page_ctx *ctx, const archive_person *p, bool identity, archive_refusal *why) {
    static db_stmt contact =
        DB_STMT("archive_person_save", "UPDATE person SET phone = ?, email = ?, birthday = ?, employer = ?, "
                                       "emergency_contact = ?, notes = ? WHERE id = ? AND community_id = ?");
    static db_stmt ident =
        DB_STMT("archive_person_identity",
                "UPDATE person SET name = ?, id_number = ? WHERE id = ? AND community_id = ?");
    (void)why;
    int s = db_begin();
    if (s != DB_OK)
        return s;
    db_arg args[8] = {DB_TEXT(p->phone),
                      DB_TEXT(p->email),
                      p->birthday && p->birthday[0] ? DB_TEXT(p->birthday) : DB_NULL,
                      DB_TEXT(p->employer),
                      DB_TEXT(p->emergency_contact),
                      DB_TEXT(p->notes),
                      DB_INT(p->id),
                      DB_INT(ctx->user.community_id)};
    if ((s = db_exec(&contact, args, 8, ctx->arena, NULL)) != DB_OK)
        goto fail;
    if (identity) {
        db_arg i[4] = {DB_TEXT(p->name), DB_TEXT(p->id_number), DB_INT(p->id),
                       DB_INT(ctx->user.community_id)};
        if ((s = db_exec(&ident, i, 4, ctx->arena, NULL)) != DB_OK)
            goto fail;
    }
    if ((s = audit_record(ctx, identity ? "person_edit_identity" : "person_edit", "person", p->id, "")) !=
        DB_OK)
        goto fail;
    if ((s = db_commit()) != DB_OK)
        goto fail;
    return 0;
fail:
    db_rollback();
    return s;
}

int archive_person_reveal(page_ctx *ctx, long long person_id) {
    return audit_record(ctx, "view_id_number", "person", person_id, "");
}

int archive_out_now(arena *a, long long community_id, archive_out_item **out, size_t *count,
                    long long *cards_by_log, long long *keys_by_log) {
    static db_stmt items =
        DB_STMT("archive_out_now",
                "SELECT 'card', c.id, c.number, u.id, u.code, COALESCE(p.name, ''), UNIX_TIMESTAMP(c.since) "
                "FROM access_card c JOIN unit u ON u.id = c.unit_id LEFT JOIN person p ON p.id = c.person_id "
                "WHERE c.community_id = ? AND c.state = 'issued' "
                "UNION ALL SELECT 'key', k.id, k.label, u.id, u.code, COALESCE(p.name, k.holder_text), "
                "UNIX_TIMESTAMP(k.since) FROM key_item k JOIN unit u ON u.id = k.unit_id LEFT JOIN person p "
                "ON p.id = "
                "k.holder_person_id WHERE k.community_id = ? AND k.state = 'out' "
                "ORDER BY 5, 1, 3 LIMIT 5000");
    static db_stmt logs = DB_STMT(
        "archive_out_by_log",
        "SELECT (SELECT COALESCE(SUM(action = 'issue') - SUM(action <> 'issue'), 0) FROM access_card_log "
        "WHERE "
        "community_id = ?), (SELECT COALESCE(SUM(action = 'issue') - SUM(action <> 'issue'), 0) FROM key_log "
        "WHERE community_id = ?)");
    db_arg args[2] = {DB_INT(community_id), DB_INT(community_id)};
    db_rows r;
    db_status s = db_exec(&items, args, 2, a, &r);
    if (s != DB_OK)
        return s;
    *out = arena_alloc(a, (r.count ? r.count : 1) * sizeof **out);
    if (!*out)
        return DB_ERROR;
    for (size_t i = 0; i < r.count; i++)
        (*out)[i] = (archive_out_item){db_cell(&r, i, 0),     db_cell_int(&r, i, 1), db_cell(&r, i, 2),
                                       db_cell_int(&r, i, 3), db_cell(&r, i, 4),     db_cell(&r, i, 5),
                                       db_cell_int(&r, i, 6)};
    *count = r.count;
    if ((s = db_exec(&logs, args, 2, a, &r)) != DB_OK)
        return s;
    *cards_by_log = db_cell_int(&r, 0, 0);
    *keys_by_log = db_cell_int(&r, 0, 1);
    return 0;
}
