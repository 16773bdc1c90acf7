/* account.c: the SQL of residents' accounts: activation codes (issue, invite, activate)
 * and disabling. A code is 10 characters of an alphabet without 0, O, 1, I and L, shown
 * as ABCDE-FGHJK; only its SHA-256 is stored. */
#include "account.h"

#include <openssl/rand.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <string.h>

#include "../core/clock.h"
#include "audit.h"

static const char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
#define ALPHABET_SIZE (sizeof alphabet - 1)

static int refuse(account_refusal *why, int status, const char *field_name, const char *message) {
    why->message = message;
    why->field = field_name;
    return status;
}

/* A failed step inside a transaction: roll back, answer what failed. */
static int undo(int status) {
    db_rollback();
    return status;
}

bool account_code_normalize(const char *typed, char out[ACCOUNT_CODE_CHARS + 1]) {
    size_t n = 0;
    for (const char *p = typed; *p; p++) {
        char c = *p;
        if (c == '-' || c == ' ')
            continue;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        if (!strchr(alphabet, c) || c == '\0' || n == ACCOUNT_CODE_CHARS)
            return false;
        out[n++] = c;
    }
    out[n] = '\0';
    return n == ACCOUNT_CODE_CHARS;
}

const char *account_code_prefix(arena *a, const char *typed) {
    char *out = arena_alloc(a, 6);
    size_t n = 0;
    if (!out)
        return "";
    for (const char *p = typed; *p && n < 5; p++) {
        char c = *p;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

static void code_hash(const char *code, char hex[65]) {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256((const unsigned char *)code, strlen(code), md);
    for (int i = 0; i < SHA256_DIGEST_LENGTH; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
}

/* A fresh code (uniform over the alphabet: bytes past the last whole multiple are
 * drawn again) into code, its shown form into shown. 0, or -1 without randomness. */
static int code_make(char code[ACCOUNT_CODE_CHARS + 1], char shown[ACCOUNT_CODE_SHOWN_MAX]) {
    size_t n = 0;
    while (n < ACCOUNT_CODE_CHARS) {
        unsigned char r[16];
        if (RAND_bytes(r, sizeof r) != 1)
            return -1;
        for (size_t i = 0; i < sizeof r && n < ACCOUNT_CODE_CHARS; i++)
            if (r[i] < 256 - 256 % ALPHABET_SIZE)
                code[n++] = alphabet[r[i] % ALPHABET_SIZE];
    }
    code[n] = '\0';
    snprintf(shown, ACCOUNT_CODE_SHOWN_MAX, "%.5s-%.5s", code, code + 5);
    return 0;
}

int account_state_load(arena *a, long long community_id, long long person_id, account_state *out) {
    static db_stmt st = DB_STMT(
        "account_state_load",
        "SELECT COALESCE((SELECT id FROM account WHERE person_id = ? AND community_id = ?), 0), "
        "COALESCE((SELECT disabled FROM account WHERE person_id = ? AND community_id = ?), 0), "
        "(SELECT COALESCE(login_phone, login_email) FROM account WHERE person_id = ? AND community_id = ?), "
        "COALESCE((SELECT UNIX_TIMESTAMP(last_login_at) FROM account WHERE person_id = ? AND community_id = "
        "?), 0), "
        "COALESCE((SELECT UNIX_TIMESTAMP(MAX(expires_at)) FROM activation_code WHERE person_id = ? AND "
        "community_id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > UTC_TIMESTAMP()), 0)");
    db_arg args[10];
    for (int i = 0; i < 10; i += 2) {
        args[i] = DB_INT(person_id);
        args[i + 1] = DB_INT(community_id);
    }
    db_rows r;
    db_status s = db_exec(&st, args, 10, a, &r);
    if (s != DB_OK)
        return s;
    out->id = db_cell_int(&r, 0, 0);
    out->disabled = db_cell_int(&r, 0, 1) != 0;
    out->login = db_cell(&r, 0, 2) ? db_cell(&r, 0, 2) : "";
    out->last_login = db_cell_int(&r, 0, 3);
    out->pending_expires = db_cell_int(&r, 0, 4);
    return 0;
}

/* Inside a transaction: revokes the person's unused codes and stores a new one for unit
 * and relation, made by (kind, by_id). Fills out's code and expiry. */
static int code_store(page_ctx *ctx, long long person_id, long long unit_id, const char *relation,
                      const char *by_kind, long long by_id, account_code *out) {
    static db_stmt revoke = DB_STMT(
        "account_code_revoke", "UPDATE activation_code SET revoked_at = FROM_UNIXTIME(?) WHERE person_id = ? "
                               "AND used_at IS NULL AND revoked_at IS NULL");
    static db_stmt insert =
        DB_STMT("account_code_insert", "INSERT INTO activation_code (community_id, person_id, unit_id, "
                                       "relation, code_hash, created_by_kind, "
                                       "created_by_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                       "FROM_UNIXTIME(?), FROM_UNIXTIME(?))");
    char code[ACCOUNT_CODE_CHARS + 1], hex[65];
    char *shown = arena_alloc(ctx->arena, ACCOUNT_CODE_SHOWN_MAX);
    if (!shown || code_make(code, shown) != 0)
        return DB_ERROR;
    code_hash(code, hex);
    long long expires = ctx->now + ACCOUNT_CODE_DAYS * 86400LL;
    db_arg r[2] = {DB_INT(ctx->now), DB_INT(person_id)};
    db_status s = db_exec(&revoke, r, 2, NULL, NULL);
    if (s != DB_OK)
        return s;
    db_arg i[9] = {DB_INT(ctx->user.community_id),
                   DB_INT(person_id),
                   DB_INT(unit_id),
                   DB_TEXT(relation),
                   DB_TEXT(hex),
                   DB_TEXT(by_kind),
                   DB_INT(by_id),
                   DB_INT(ctx->now),
                   DB_INT(expires)};
    if ((s = db_exec(&insert, i, 9, NULL, NULL)) != DB_OK)
        return s;
    memset(code, 0, sizeof code);
    out->code = shown;
    out->expires = expires;
    return 0;
}

int account_issue(page_ctx *ctx, long long person_id, account_code *out, account_refusal *why) {
    /* The unit the person occupies now, owned units first; FOR UPDATE keeps two clicks
     * from leaving two live codes. */
    static db_stmt unit = DB_STMT(
        "account_issue_unit",
        "SELECT o.unit_id, o.relation, u.code, p.name FROM person p JOIN occupancy o ON o.person_id = p.id "
        "AND (o.until IS NULL OR o.until > CURRENT_DATE) JOIN unit u ON u.id = o.unit_id "
        "WHERE p.id = ? AND p.community_id = ? AND o.community_id = ? "
        "ORDER BY o.relation = 'owner' DESC, o.id LIMIT 1 FOR UPDATE");
    int s = db_begin();
    if (s != DB_OK)
        return s;
    db_arg args[3] = {DB_INT(person_id), DB_INT(ctx->user.community_id), DB_INT(ctx->user.community_id)};
    db_rows r;
    if ((s = db_exec(&unit, args, 3, ctx->arena, &r)) != DB_OK)
        return undo(s);
    if (!r.count)
        return undo(
            refuse(why, 409, NULL, "这位住户目前不住在本小区的任何房屋，不能生成激活码。请先办理入伙登记。"));
    out->unit_code = db_cell(&r, 0, 2);
    out->person_name = db_cell(&r, 0, 3);
    out->relation = db_cell(&r, 0, 1);
    if ((s = code_store(ctx, person_id, db_cell_int(&r, 0, 0), out->relation, "staff", ctx->user.id, out)) !=
        0)
        return undo(s);
    if ((s = audit_record(ctx, "activation_code_issue", "person", person_id, out->unit_code)) != DB_OK)
        return undo(s);
    if ((s = db_commit()) != DB_OK)
        return undo(s);
    return 0;
}

/* The signed-in resident's current unit when they own it: unit id and code. */
static int owner_unit(page_ctx *ctx, long long *unit_id, const char **unit_code, account_refusal *why) {
    static db_stmt st = DB_STMT(
        "account_owner_unit",
        "SELECT u.id, u.code FROM account a JOIN occupancy o ON o.person_id = a.person_id AND o.unit_id = "
        "a.current_unit_id AND o.relation = 'owner' AND (o.until IS NULL OR o.until > CURRENT_DATE) "
        "JOIN unit u ON u.id = a.current_unit_id WHERE a.id = ? AND a.community_id = ? LIMIT 1");
    db_arg args[2] = {DB_INT(ctx->user.id), DB_INT(ctx->user.community_id)};
    db_rows r;
    db_status s = db_exec(&st, args, 2, ctx->arena, &r);
    if (s != DB_OK)
        return s;
    if (!r.count)
        return refuse(why, 403, NULL, "只有房屋的业主可以邀请家人或租户。如需帮助，请联系物业服务中心。");
    *unit_id = db_cell_int(&r, 0, 0);
    *unit_code = db_cell(&r, 0, 1);
    return 0;
}

int account_may_invite(page_ctx *ctx, account_refusal *why) {
    long long unit_id;
    const char *code;
    return owner_unit(ctx, &unit_id, &code, why);
}

int account_invite(page_ctx *ctx, const char *name, const char *phone, const char *relation,
                   account_code *out, account_refusal *why) {
    static db_stmt find =
        DB_STMT("account_invite_find",
                "SELECT p.id, (SELECT COUNT(*) FROM account a WHERE a.person_id = p.id) FROM person p JOIN "
                "occupancy o "
                "ON o.person_id = p.id AND o.unit_id = ? AND (o.until IS NULL OR o.until > CURRENT_DATE) "
                "WHERE p.community_id = ? AND p.name = ? AND p.phone = ? ORDER BY p.id LIMIT 1 FOR UPDATE");
    static db_stmt person =
        DB_STMT("account_invite_person", "INSERT INTO person (community_id, name, phone) VALUES (?, ?, ?)");
    static db_stmt occupy = DB_STMT(
        "account_invite_occupancy",
        "INSERT INTO occupancy (community_id, unit_id, person_id, relation, since) VALUES (?, ?, ?, ?, ?)");
    long long unit_id;
    const char *unit_code;
    int s = db_begin();
    if (s != DB_OK)
        return s;
    if ((s = owner_unit(ctx, &unit_id, &unit_code, why)) != 0)
        return undo(s);
    db_arg f[4] = {DB_INT(unit_id), DB_INT(ctx->user.community_id), DB_TEXT(name), DB_TEXT(phone)};
    db_rows r;
    if ((s = db_exec(&find, f, 4, ctx->arena, &r)) != DB_OK)
        return undo(s);
    long long person_id;
    if (r.count) {
        if (db_cell_int(&r, 0, 1) > 0)
            return undo(refuse(why, 409, "phone",
                               "这位家庭成员已经有业主服务账户。忘记密码时请到物业服务中心办理。"));
        person_id = db_cell_int(&r, 0, 0);
    } else {
        db_arg p[3] = {DB_INT(ctx->user.community_id), DB_TEXT(name), DB_TEXT(phone)};
        if ((s = db_exec(&person, p, 3, ctx->arena, &r)) != DB_OK)
            return undo(s);
        person_id = (long long)r.insert_id;
        const char *today = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d");
        db_arg o[5] = {DB_INT(ctx->user.community_id), DB_INT(unit_id), DB_INT(person_id), DB_TEXT(relation),
                       DB_TEXT(today)};
        if ((s = db_exec(&occupy, o, 5, ctx->arena, NULL)) != DB_OK)
            return undo(s);
    }
    out->unit_code = unit_code;
    out->person_name = name;
    out->relation = relation;
    if ((s = code_store(ctx, person_id, unit_id, relation, "resident", ctx->user.id, out)) != 0)
        return undo(s);
    if ((s = audit_record(ctx, "account_invite", "person", person_id, relation)) != DB_OK)
        return undo(s);
    if ((s = db_commit()) != DB_OK)
        return undo(s);
    return 0;
}

int account_activate(page_ctx *ctx, const char *typed, const char *phone, const char *password_hash,
                     account_activated *out, account_refusal *why) {
    static db_stmt find = DB_STMT(
        "account_activate_find",
        "SELECT id, community_id, person_id, unit_id, UNIX_TIMESTAMP(expires_at), used_at IS NOT NULL, "
        "revoked_at IS NOT NULL FROM activation_code WHERE code_hash = ? ORDER BY id DESC LIMIT 1 FOR "
        "UPDATE");
    static db_stmt existing =
        DB_STMT("account_activate_existing",
                "SELECT id, disabled, session_epoch FROM account WHERE person_id = ? FOR UPDATE");
    static db_stmt taken =
        DB_STMT("account_activate_taken", "SELECT id FROM account WHERE login_phone = ? LIMIT 1");
    static db_stmt create =
        DB_STMT("account_activate_create",
                "INSERT INTO account (community_id, person_id, login_phone, password_hash, current_unit_id) "
                "VALUES (?, ?, ?, ?, ?)");
    static db_stmt reset = DB_STMT("account_activate_reset",
                                   "UPDATE account SET login_phone = ?, password_hash = ?, "
                                   "session_epoch = session_epoch + 1, current_unit_id = ? WHERE id = ?");
    static db_stmt used = DB_STMT("account_activate_used",
                                  "UPDATE activation_code SET used_at = FROM_UNIXTIME(?) WHERE id = ?");
    static const char invalid[] = "激活码无效。请核对激活码单上的字符，或到物业服务中心重新领取。";
    char code[ACCOUNT_CODE_CHARS + 1], hex[65];
    if (!account_code_normalize(typed, code))
        return refuse(why, 422, "code", invalid);
    code_hash(code, hex);
    int s = db_begin();
    if (s != DB_OK)
        return s;
    db_arg h[1] = {DB_TEXT(hex)};
    db_rows r;
    if ((s = db_exec(&find, h, 1, ctx->arena, &r)) != DB_OK)
        return undo(s);
    if (!r.count || db_cell_int(&r, 0, 6))
        return undo(refuse(why, 422, "code", invalid));
    if (db_cell_int(&r, 0, 5))
        return undo(
            refuse(why, 409, "code", "此激活码已使用。如需重新设置密码，请到物业服务中心领取新的激活码。"));
    if (db_cell_int(&r, 0, 4) <= ctx->now)
        return undo(refuse(why, 409, "code", "此激活码已过期。请到物业服务中心或请业主重新生成激活码。"));
    long long code_id = db_cell_int(&r, 0, 0);
    long long community_id = db_cell_int(&r, 0, 1);
    long long person_id = db_cell_int(&r, 0, 2);
    long long unit_id = db_cell_int(&r, 0, 3);
    db_arg p[1] = {DB_INT(person_id)};
    if ((s = db_exec(&existing, p, 1, ctx->arena, &r)) != DB_OK)
        return undo(s);
    long long account_id = r.count ? db_cell_int(&r, 0, 0) : 0;
    long long epoch = r.count ? db_cell_int(&r, 0, 2) + 1 : 1;
    if (r.count && db_cell_int(&r, 0, 1))
        return undo(refuse(why, 403, "code", "该账户已停用，请联系物业服务中心。"));
    db_arg t[1] = {DB_TEXT(phone)};
    if ((s = db_exec(&taken, t, 1, ctx->arena, &r)) != DB_OK)
        return undo(s);
    static const char phone_taken[] = "这个手机号已是另一个账户的登录名，请换一个手机号。";
    if (r.count && db_cell_int(&r, 0, 0) != account_id)
        return undo(refuse(why, 422, "phone", phone_taken));
    if (account_id) {
        db_arg u[4] = {DB_TEXT(phone), DB_TEXT(password_hash), DB_INT(unit_id), DB_INT(account_id)};
        s = db_exec(&reset, u, 4, ctx->arena, NULL);
    } else {
        db_arg c[5] = {DB_INT(community_id), DB_INT(person_id), DB_TEXT(phone), DB_TEXT(password_hash),
                       DB_INT(unit_id)};
        s = db_exec(&create, c, 5, ctx->arena, &r);
        account_id = (long long)r.insert_id;
    }
    if (s == DB_DUPLICATE)
        return undo(refuse(why, 422, "phone", phone_taken));
    if (s != DB_OK)
        return undo(s);
    db_arg m[2] = {DB_INT(ctx->now), DB_INT(code_id)};
    if ((s = db_exec(&used, m, 2, ctx->arena, NULL)) != DB_OK)
        return undo(s);
    if ((s = audit_record_as(ctx, ACCOUNT_RESIDENT, account_id, community_id, "account_activate", "account",
                             account_id, NULL)) != DB_OK)
        return undo(s);
    if ((s = db_commit()) != DB_OK)
        return undo(s);
    *out = (account_activated){account_id, community_id, epoch};
    return 0;
}

int account_set_disabled(page_ctx *ctx, long long person_id, bool disabled, account_refusal *why) {
    static db_stmt disable =
        DB_STMT("account_disable", "UPDATE account SET disabled = 1, session_epoch = session_epoch + 1 "
                                   "WHERE person_id = ? AND community_id = ?");
    static db_stmt enable =
        DB_STMT("account_enable", "UPDATE account SET disabled = 0 WHERE person_id = ? AND community_id = ?");
    static db_stmt find = DB_STMT(
        "account_disable_find", "SELECT id FROM account WHERE person_id = ? AND community_id = ? FOR UPDATE");
    int s = db_begin();
    if (s != DB_OK)
        return s;
    db_arg args[2] = {DB_INT(person_id), DB_INT(ctx->user.community_id)};
    db_rows r;
    if ((s = db_exec(&find, args, 2, ctx->arena, &r)) != DB_OK)
        return undo(s);
    if (!r.count)
        return undo(refuse(why, 409, NULL, "这位住户还没有业主服务账户。"));
    long long account_id = db_cell_int(&r, 0, 0);
    if ((s = db_exec(disabled ? &disable : &enable, args, 2, ctx->arena, NULL)) != DB_OK)
        return undo(s);
    if ((s = audit_record(ctx, disabled ? "account_disable" : "account_enable", "account", account_id,
                          NULL)) != DB_OK)
        return undo(s);
    if ((s = db_commit()) != DB_OK)
        return undo(s);
    return 0;
}
