/* ticket_apply.c: the actions of a ticket's life. Each runs in one transaction on the
 * locked ticket row: check the flow and the actor, append the event, write back the
 * derived columns, and queue what the resident should hear. */
#include "ticket.h"

#include <stdio.h>
#include <string.h>

#include "sla_store.h"

/* The ticket row as locked for an action; times in unix seconds, 0 for NULL. */
typedef struct locked {
    ticket_status status, resume;
    const char *kind, *severity, *code;
    long long reporter_account_id, owner_id, department_id, assignee_id;
    long long respond_due, onsite_due, resolve_due;
    long long responded_at, onsite_at, completed_at, closed_at, waiting_since;
    int breached, escalation_level, rating;
    bool callback_done;
    long long charge_fen, last_event_id, last_public_event_id;
} locked;

static db_status lock_ticket(arena *a, long long community_id, long long id, locked *t, bool *found) {
    static db_stmt st = DB_STMT(
        "ticket_apply_lock",
        "SELECT status, COALESCE(resume_status, ''), kind, severity, code, COALESCE(reporter_account_id, 0), "
        "COALESCE(owner_staff_id, 0), COALESCE(department_id, 0), COALESCE(assignee_staff_id, 0), "
        "COALESCE(UNIX_TIMESTAMP(respond_due), 0), COALESCE(UNIX_TIMESTAMP(onsite_due), 0), "
        "COALESCE(UNIX_TIMESTAMP(resolve_due), 0), COALESCE(UNIX_TIMESTAMP(responded_at), 0), "
        "COALESCE(UNIX_TIMESTAMP(onsite_at), 0), COALESCE(UNIX_TIMESTAMP(completed_at), 0), "
        "COALESCE(UNIX_TIMESTAMP(closed_at), 0), COALESCE(UNIX_TIMESTAMP(waiting_since), 0), breached, "
        "escalation_level, COALESCE(rating, 0), callback_done, charge_fen, last_event_id, "
        "last_public_event_id "
        "FROM ticket WHERE id = ? AND community_id = ? FOR UPDATE");
    db_rows r;
    db_arg args[2] = {DB_INT(id), DB_INT(community_id)};
    db_status s = db_exec(&st, args, 2, a, &r);
    *found = s == DB_OK && r.count == 1;
    if (!*found)
        return s;
    int c = 0;
    ticket_status_parse(db_cell(&r, 0, c++), &t->status);
    if (!ticket_status_parse(db_cell(&r, 0, c++), &t->resume))
        t->resume = ST_ACCEPTED;
    t->kind = db_cell(&r, 0, c++);
    t->severity = db_cell(&r, 0, c++);
    t->code = db_cell(&r, 0, c++);
    t->reporter_account_id = db_cell_int(&r, 0, c++);
    t->owner_id = db_cell_int(&r, 0, c++);
    t->department_id = db_cell_int(&r, 0, c++);
    t->assignee_id = db_cell_int(&r, 0, c++);
    t->respond_due = db_cell_int(&r, 0, c++);
    t->onsite_due = db_cell_int(&r, 0, c++);
    t->resolve_due = db_cell_int(&r, 0, c++);
    t->responded_at = db_cell_int(&r, 0, c++);
    t->onsite_at = db_cell_int(&r, 0, c++);
    t->completed_at = db_cell_int(&r, 0, c++);
    t->closed_at = db_cell_int(&r, 0, c++);
    t->waiting_since = db_cell_int(&r, 0, c++);
    t->breached = (int)db_cell_int(&r, 0, c++);
    t->escalation_level = (int)db_cell_int(&r, 0, c++);
    t->rating = (int)db_cell_int(&r, 0, c++);
    t->callback_done = db_cell_int(&r, 0, c++) != 0;
    t->charge_fen = db_cell_int(&r, 0, c++);
    t->last_event_id = db_cell_int(&r, 0, c++);
    t->last_public_event_id = db_cell_int(&r, 0, c++);
    return DB_OK;
}

/* Whether the actor may take this action at all, and the details it needs. */
static int check_actor(arena *a, long long community_id, long long id, const locked *t,
                       const ticket_action *act, ticket_refusal *why) {
    static db_stmt household =
        DB_STMT("ticket_apply_household", "SELECT t.id FROM ticket t JOIN account ac ON ac.id = ? "
                                          "WHERE t.id = ? AND (t.reporter_account_id = ac.id OR "
                                          "(t.unit_id IS NOT NULL AND t.unit_id = ac.current_unit_id))");
    static db_stmt dept =
        DB_STMT("ticket_apply_dept", "SELECT id FROM department WHERE id = ? AND community_id = ?");
    static db_stmt member =
        DB_STMT("ticket_apply_member", "SELECT s.id FROM staff s JOIN staff_role g ON g.staff_id = s.id "
                                       "WHERE s.id = ? AND g.community_id = ? AND s.disabled = 0 LIMIT 1");
    ticket_event_type e = act->type;
    bool has_text = act->text && *act->text;
    if (act->actor_kind == 'r') {
        if (e != EV_COMMENT && e != EV_RATED && e != EV_REOPENED && e != EV_WITHDRAWN)
            return ticket_refuse(why, 403, NULL, "业主不能执行此操作。");
        /* The pages load the ticket for the household first; this holds even if one forgets. */
        db_rows r;
        db_arg hargs[2] = {DB_INT(act->actor_id), DB_INT(id)};
        db_status s = db_exec(&household, hargs, 2, a, &r);
        if (s != DB_OK)
            return s;
        if (r.count == 0)
            return ticket_refuse(why, 404, NULL, "没有这张工单，或它不属于您的家庭。");
    } else if (act->actor_kind == 's') {
        if (e == EV_RATED || e == EV_WITHDRAWN || e == EV_COMMENT || e == EV_CREATED || e == EV_OVERDUE)
            return ticket_refuse(why, 403, NULL, "这是业主的操作。");
        /* Role grants are the domain's rule: a page that forgets to check still cannot. */
        if (!ticket_roles_may(act->actor_roles, e))
            return ticket_refuse(why, 403, NULL, "您的岗位不能执行此操作，请联系客服主管。");
        if (!ticket_roles_desk(act->actor_roles) && t->assignee_id != act->actor_id)
            return ticket_refuse(why, 403, NULL, "这张工单没有派给您，您不能处理。");
    }
    switch (e) {
    case EV_NOTE:
    case EV_REPLY:
    case EV_COMMENT:
    case EV_REOPENED:
        if (!has_text)
            return ticket_refuse(why, 422, "text", e == EV_REOPENED ? "请说明重新打开的原因" : "请填写内容");
        break;
    case EV_COMPLETED:
        if (!has_text)
            return ticket_refuse(why, 422, "resolution", "请填写处理结果");
        if (act->charge_fen < 0 || act->charge_fen > 10000000)
            return ticket_refuse(why, 422, "charge_fen", "收费金额不正确");
        break;
    case EV_CALLBACK:
        if (act->reached != 0 && act->reached != 1)
            return ticket_refuse(why, 422, "reached", "请选择是否联系上业主");
        if (act->score < 0 || act->score > 5)
            return ticket_refuse(why, 422, "score", "满意度为 1 到 5 分");
        break;
    case EV_RATED:
        if (act->score < 1 || act->score > 5)
            return ticket_refuse(why, 422, "score", "请选择 1 到 5 星");
        if (t->rating)
            return ticket_refuse(why, 409, NULL, "这张工单已经评价过了。");
        break;
    case EV_CLOSED:
        if (!t->callback_done)
            return ticket_refuse(why, 409, NULL, "请先完成回访，再关闭工单。");
        break;
    case EV_ESCALATED:
        if (t->escalation_level >= 2)
            return ticket_refuse(why, 409, NULL, "已升级至管理处主任，不能再升级。");
        break;
    case EV_DISPATCHED: {
        db_rows r;
        db_arg dargs[2] = {DB_INT(act->department_id), DB_INT(community_id)};
        db_status s = db_exec(&dept, dargs, 2, a, &r);
        if (s != DB_OK)
            return s;
        if (r.count == 0)
            return ticket_refuse(why, 422, "dept", "请选择本小区的部门");
        if (act->assignee_id) {
            db_arg margs[2] = {DB_INT(act->assignee_id), DB_INT(community_id)};
            if ((s = db_exec(&member, margs, 2, a, &r)) != DB_OK)
                return s;
            if (r.count == 0)
                return ticket_refuse(why, 422, "assignee", "请选择本小区的员工");
        }
        break;
    }
    default:
        break;
    }
    if (e == EV_REOPENED && act->actor_kind == 'r') {
        long long done = t->completed_at ? t->completed_at : t->closed_at;
        if (done && act->now - done > TICKET_REOPEN_DAYS * 86400LL)
            return ticket_refuse(why, 409, NULL, "完成已超过 7 天，不能再重新打开；如仍有问题请新建工单。");
    }
    return 0;
}

/* The earliest promise not yet kept; none while the clock is paused or work is done. */
static long long next_due_of(const locked *t) {
    if (!ticket_status_open(t->status) || t->status == ST_WAITING)
        return 0;
    long long due = 0;
    if (!t->responded_at)
        due = ticket_earliest_due(due, t->respond_due);
    if (!t->onsite_at && !strcmp(t->kind, "repair"))
        due = ticket_earliest_due(due, t->onsite_due);
    if (!t->completed_at)
        due = ticket_earliest_due(due, t->resolve_due);
    return due;
}

/* A reopened ticket gets a fresh resolution clock from its policy. */
static db_status restart_resolution(arena *a, long long community_id, locked *t, long long now) {
    sla_policy policy;
    sla_calendar cal;
    bool found;
    db_status s = sla_load_policy(a, community_id, t->kind, t->severity, &policy, &found);
    if (s != DB_OK || !found)
        return s;
    if ((s = sla_load_calendar(a, community_id, NULL, &cal)) != DB_OK)
        return s;
    t->resolve_due = policy.resolve_minutes ? sla_add(now, policy.resolve_minutes, policy.working, &cal) : 0;
    t->breached &= ~4;
    return DB_OK;
}

/* Changes the locked row as the event says. */
static db_status update_row(arena *a, long long community_id, locked *t, const ticket_action *act,
                            ticket_status next) {
    ticket_status before = t->status;
    long long now = act->now;
    switch (act->type) {
    case EV_ACCEPTED:
        if (!t->owner_id && act->actor_kind == 's')
            t->owner_id = act->actor_id;
        break;
    case EV_DISPATCHED:
        t->department_id = act->department_id;
        t->assignee_id = act->assignee_id;
        if (act->visit_at)
            t->onsite_due = act->visit_at;
        break;
    case EV_STARTED:
        if (!t->onsite_at)
            t->onsite_at = now;
        break;
    case EV_WAITING:
        t->waiting_since = now;
        t->resume = before;
        break;
    case EV_COMPLETED:
        t->completed_at = now;
        t->charge_fen = act->charge_fen;
        if (!t->onsite_at && !strcmp(t->kind, "repair"))
            t->onsite_at = now;
        break;
    case EV_CALLBACK:
        if (act->reached)
            t->callback_done = true;
        break;
    case EV_CLOSED:
        t->closed_at = now;
        break;
    case EV_REOPENED:
        t->completed_at = 0;
        t->closed_at = 0;
        t->callback_done = false;
        t->rating = 0;
        {
            db_status s = restart_resolution(a, community_id, t, now);
            if (s != DB_OK)
                return s;
        }
        break;
    case EV_ESCALATED:
        t->escalation_level++;
        break;
    case EV_RATED:
        t->rating = act->score;
        break;
    default:
        break;
    }
    /* Any staff answer to the resident counts as the first response. */
    if (act->actor_kind == 's' && !t->responded_at &&
        (act->type == EV_ACCEPTED || act->type == EV_REPLY || act->type == EV_DISPATCHED ||
         act->type == EV_STARTED || act->type == EV_COMPLETED))
        t->responded_at = now;
    if (before == ST_WAITING && next != ST_WAITING) {
        /* The clock stood still while the ticket waited on the resident. */
        long long paused = t->waiting_since ? now - t->waiting_since : 0;
        if (t->respond_due && !t->responded_at)
            t->respond_due += paused;
        if (t->onsite_due && !t->onsite_at)
            t->onsite_due += paused;
        if (t->resolve_due && !t->completed_at)
            t->resolve_due += paused;
        t->waiting_since = 0;
    }
    t->status = next;
    return DB_OK;
}

static bool event_public(ticket_event_type e) {
    return e != EV_NOTE && e != EV_ESCALATED && e != EV_OVERDUE && e != EV_CALLBACK;
}

/* What the resident is told of a staff action, or NULL for nothing. */
static const char *resident_message(arena *a, const locked *t, const ticket_action *act) {
    switch (act->type) {
    case EV_ACCEPTED:
        return arena_printf(a, "您的工单 %s 已受理。", t->code);
    case EV_DISPATCHED:
        return arena_printf(a, "您的工单 %s 已派工，维修人员会尽快与您联系。", t->code);
    case EV_STARTED:
        return arena_printf(a, "您的工单 %s 已开始处理。", t->code);
    case EV_REPLY:
        return arena_printf(a, "物业回复了您的工单 %s，请查看。", t->code);
    case EV_WAITING:
        return arena_printf(a, "您的工单 %s 需要您补充信息，请查看。", t->code);
    case EV_COMPLETED:
        return arena_printf(a, "您的工单 %s 已处理完成，欢迎评价。", t->code);
    case EV_CLOSED:
        return arena_printf(a, "您的工单 %s 已关闭，感谢您的支持。", t->code);
    case EV_REOPENED:
        return arena_printf(a, "您的工单 %s 已重新打开。", t->code);
    default:
        return NULL;
    }
}

static db_status write_back(arena *a, long long community_id, long long id, locked *t,
                            const ticket_action *act) {
    static db_stmt event = DB_STMT(
        "ticket_apply_event",
        "INSERT INTO ticket_event (ticket_id, community_id, type, actor_kind, actor_id, at, public, text, "
        "department_id, assignee_staff_id, visit_at, score, reached, charge_fen, level, status_after) "
        "VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?), ?, ?, ?, ?, FROM_UNIXTIME(?), ?, ?, ?, ?, ?)");
    static db_stmt row = DB_STMT(
        "ticket_apply_update",
        "UPDATE ticket SET status = ?, resume_status = ?, owner_staff_id = ?, department_id = ?, "
        "assignee_staff_id = ?, respond_due = FROM_UNIXTIME(?), onsite_due = FROM_UNIXTIME(?), "
        "resolve_due = FROM_UNIXTIME(?), next_due = FROM_UNIXTIME(?), responded_at = FROM_UNIXTIME(?), "
        "onsite_at = FROM_UNIXTIME(?), completed_at = FROM_UNIXTIME(?), closed_at = FROM_UNIXTIME(?), "
        "waiting_since = FROM_UNIXTIME(?), breached = ?, escalation_level = ?, charge_fen = ?, callback_done "
        "= ?, "
        "rating = ?, last_event_id = ?, last_public_event_id = ?, updated_at = FROM_UNIXTIME(?) WHERE id = "
        "?");
    static db_stmt outbox = DB_STMT(
        "ticket_apply_outbox", "INSERT INTO outbox (community_id, account_id, ticket_id, event_id, message, "
                               "created_at) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))");
    const char *actor = act->actor_kind == 's' ? "staff" : act->actor_kind == 'r' ? "resident" : "system";
    bool public = event_public(act->type);
    const char *text = act->text ? act->text : "";
    if (act->type == EV_RATED && act->reasons && *act->reasons)
        text = *text ? arena_printf(a, "%s；%s", act->reasons, text) : act->reasons;
    bool dispatch = act->type == EV_DISPATCHED;
    db_arg eargs[16] = {
        DB_INT(id),
        DB_INT(community_id),
        DB_TEXT(ticket_event_code(act->type)),
        DB_TEXT(actor),
        db_int_or_null(act->actor_id),
        DB_INT(act->now),
        DB_INT(public ? 1 : 0),
        DB_TEXT(text),
        dispatch ? db_int_or_null(act->department_id) : DB_NULL,
        dispatch ? db_int_or_null(act->assignee_id) : DB_NULL,
        dispatch ? db_int_or_null(act->visit_at) : DB_NULL,
        (act->type == EV_CALLBACK || act->type == EV_RATED) && act->score ? DB_INT(act->score) : DB_NULL,
        act->type == EV_CALLBACK ? DB_INT(act->reached) : DB_NULL,
        act->type == EV_COMPLETED ? DB_INT(act->charge_fen) : DB_NULL,
        act->type == EV_ESCALATED ? DB_INT(t->escalation_level) : DB_NULL,
        DB_TEXT(ticket_status_code(t->status)),
    };
    db_rows r;
    db_status s = db_exec(&event, eargs, 16, a, &r);
    if (s != DB_OK)
        return s;
    long long event_id = (long long)r.insert_id;
    t->last_event_id = event_id;
    if (public)
        t->last_public_event_id = event_id;
    db_arg uargs[23] = {
        DB_TEXT(ticket_status_code(t->status)),
        t->status == ST_WAITING ? DB_TEXT(ticket_status_code(t->resume)) : DB_NULL,
        db_int_or_null(t->owner_id),
        db_int_or_null(t->department_id),
        db_int_or_null(t->assignee_id),
        db_int_or_null(t->respond_due),
        db_int_or_null(t->onsite_due),
        db_int_or_null(t->resolve_due),
        db_int_or_null(next_due_of(t)),
        db_int_or_null(t->responded_at),
        db_int_or_null(t->onsite_at),
        db_int_or_null(t->completed_at),
        db_int_or_null(t->closed_at),
        db_int_or_null(t->waiting_since),
        DB_INT(t->breached),
        DB_INT(t->escalation_level),
        DB_INT(t->charge_fen),
        DB_INT(t->callback_done ? 1 : 0),
        t->rating ? DB_INT(t->rating) : DB_NULL,
        DB_INT(t->last_event_id),
        DB_INT(t->last_public_event_id),
        DB_INT(act->now),
        DB_INT(id),
    };
    if ((s = db_exec(&row, uargs, 23, a, NULL)) != DB_OK)
        return s;
    if (act->actor_kind == 'r' && (s = ticket_mark_seen(act->actor_id, id, event_id)) != DB_OK)
        return s;
    const char *message = act->actor_kind == 's' && public ? resident_message(a, t, act) : NULL;
    if (message && t->reporter_account_id) {
        db_arg oargs[6] = {DB_INT(community_id), DB_INT(t->reporter_account_id),
                           DB_INT(id),           DB_INT(event_id),
                           DB_TEXT(message),     DB_INT(act->now)};
        s = db_exec(&outbox, oargs, 6, a, NULL);
    }
    return s;
}

int ticket_apply(arena *a, long long community_id, long long id, const ticket_action *act,
                 ticket_refusal *why) {
    locked t;
    bool found;
    db_status s = db_begin();
    if (s != DB_OK)
        return s;
    int r = lock_ticket(a, community_id, id, &t, &found);
    if (r == 0 && !found)
        r = ticket_refuse(why, 404, NULL, "没有这张工单。");
    ticket_status next = t.status;
    if (r == 0 && !ticket_flow_next(t.status, t.resume, act->type, &next))
        r = ticket_refuse(why, 409, NULL,
                          arena_printf(a, "工单当前状态为“%s”，不能%s。请刷新页面查看最新状态。",
                                       ticket_status_name(t.status), ticket_event_name(act->type)));
    if (r == 0)
        r = check_actor(a, community_id, id, &t, act, why);
    if (r == 0)
        r = update_row(a, community_id, &t, act, next);
    if (r == 0)
        r = write_back(a, community_id, id, &t, act);
    if (r == 0)
        r = db_commit();
    if (r != 0 && db_in_transaction())
        db_rollback();
    return r;
}
