/* renovation.h: 二次装修管理, what every part of it shares: who may do what, the names of
 * the states, scope items and review checklist, one case as the pages read it, and the
 * locked read and the step record every change goes through. The states and their order
 * are in schema/0011_renovation.sql. The parts: application and review (renovation_apply.c),
 * money and passes (renovation_money.c, renovation_pass.c), patrols and violations
 * (renovation_patrol.c). */
#ifndef WUYE_RENOVATION_H
#define WUYE_RENOVATION_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"
#include "settlement.h"

typedef enum {
    RENO_VIEW,    /* see cases, permits, passes, patrols */
    RENO_APPLY,   /* take an application at the counter */
    RENO_REVIEW,  /* checklist review: return for more documents, refuse */
    RENO_APPROVE, /* approve (the roles of the setting renovation_approve_roles) */
    RENO_PERMIT,  /* issue the permit, worker passes; mark passes returned or lost */
    RENO_PATROL,  /* record patrols, violation notices, re-checks, deductions, acceptance */
    RENO_REFUND,  /* pay the refund out at the counter */
} renovation_act;

/* True when the staff roles allow act; approve_roles is the setting
 * (ctx->config->renovation_approve_roles). */
bool renovation_may(const char *roles, const char *approve_roles, renovation_act act);

/* The codes, NULL-terminated, and their Chinese names ("" for an unknown code). */
extern const char *const renovation_states[];
extern const char *const renovation_scopes[];    /* walls floors lines kitchen_bath windows aircon */
extern const char *const renovation_checklist[]; /* documents licence plan scope structure dates workers */
const char *renovation_state_name(const char *state); /* 待审核 退回补充 ... */
const char *renovation_scope_name(const char *scope); /* 墙面 地面 水电线路 厨卫 门窗 空调机位 */
const char *renovation_checklist_name(const char *item); /* 资料齐全 营业执照 ... */
const char *renovation_action_name(const char *action);  /* 提交申请 退回补充 ... */
/* A SET value ("walls,floors") as names joined by 、 in the arena. */
const char *renovation_set_names(arena *a, const char *set, const char *(*name)(const char *));
/* True for a state that takes no change: refused, closed, withdrawn. */
bool renovation_state_final(const char *state);
/* True while the site is being worked on: permitted, inspecting. */
bool renovation_state_active(const char *state);

/* Why a change was refused: the message and the 422 field; the status is what the
 * change answers (0 done, 403, 404, 409, 422). settlement_refuse fills it in one line and
 * settlement_transaction runs a change with its retries (domain/settlement.h). */
typedef settlement_refusal renovation_refusal;

typedef struct renovation {
    long long id, community_id, unit_id;
    const char *unit_code;
    const char *state;
    const char *source;             /* portal, counter */
    long long applicant_account_id; /* 0: at the counter */
    const char *applicant_name, *applicant_phone;
    const char *company, *foreman, *foreman_phone;
    const char *planned_start, *planned_end; /* YYYY-MM-DD */
    const char *scope;                       /* SET text */
    const char *description;
    bool no_structural;
    int workers;
    long long deposit_fen, pass_fee_fen;
    long long charge_bill_id;
    const char *permit_no;               /* "" until issued */
    const char *permit_from, *permit_to; /* "" until issued */
    const char *prior_unit_state;        /* "" until issued */
    long long refund_bill_id, refund_payment_id, refund_fen;
    int version;
    long long created_at, updated_at, closed_at; /* unix seconds; closed_at 0: open */
} renovation;

/* Case id of the community (found false: none, or another community's). */
db_status renovation_load(arena *a, long long community_id, long long id, renovation *out, bool *found);
/* Case id as the resident of unit_id sees it: only a case of that unit. */
db_status renovation_load_for_unit(arena *a, long long unit_id, long long id, renovation *out, bool *found);

/* Inside a transaction: locks case id of the community (SELECT ... FOR UPDATE) and reads
 * it. Every change to a case goes through this first, then checks state and version. */
db_status renovation_lock(arena *a, long long community_id, long long id, renovation *out, bool *found);

/* Inside a transaction: renovation_lock for a change by staff of the signed-in user's
 * community, with the checks every change makes: 404 for no such case, 409 for a final
 * state, for a state not in states (NULL-terminated; NULL: any other) and for a form
 * whose version is not the case's. Answers 0, a refusal status with why, or a db_status. */
int renovation_lock_change(page_ctx *ctx, long long id, int version, const char *const *states, renovation *r,
                           renovation_refusal *why);

/* Inside the same transaction: appends a step of the signed-in user of ctx (staff or
 * resident) and, when to_state is not NULL, moves the case to it; always raises the
 * version and updated_at. */
db_status renovation_step(page_ctx *ctx, const renovation *r, const char *action, const char *to_state,
                          const char *checklist, const char *note);

typedef struct renovation_step_row {
    const char *action, *from_state, *to_state, *checklist, *note;
    const char *who; /* the staff member's or resident's name */
    bool by_staff;
    long long at;
} renovation_step_row;
/* The steps of case id, oldest first. */
db_status renovation_steps(arena *a, long long id, renovation_step_row **rows, size_t *count);

/* Inside a transaction: the next number of kind (permit, pass, violation) for the
 * community and the current year in zone, e.g. ZX2026-0001, CR2026-0001, WZ2026-0001,
 * into the arena. Gapless: the counter row is locked until the transaction ends. */
db_status renovation_next_no(arena *a, long long community_id, const char *kind, long long now,
                             const char *zone, const char **no);

/* The office case pages' shared head: fills {{>CASE_HEAD}} of v with
 * templates/office/renovation-head.tpl: the unit, state, permit number, dates, company,
 * and the tabs 概况 (/office/renovation), 审批与收费 (/office/renovation-money), 出入证
 * (/office/renovation-passes), 巡查与验收 (/office/renovation-patrol), tab naming the
 * current one: case, money, passes, patrol. Also sets ID, VERSION, STATE and STATE_NAME
 * on v itself for the page's forms. */
void renovation_view_head(arena *a, view *v, const renovation *r, const char *tab);

#endif
