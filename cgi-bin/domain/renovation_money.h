/* renovation_money.h: 审批与收费 of a decoration case, through the fee module: approval
 * with the one-off charge bill of the deposit and the worker passes, the permit (装修许可证)
 * once that bill is paid, and the refund at the close (a one-off bill of negative lines
 * settled in the same transaction by a payment of kind refund). Approval and permit are in
 * renovation_money.c, the refund in renovation_refund.c. Functions answer like
 * settlement.h: 0 done, a negative db_status, or 403/404/409/422 with why set. */
#ifndef WUYE_RENOVATION_MONEY_H
#define WUYE_RENOVATION_MONEY_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"
#include "renovation.h"

/* The usual amounts when the fee item has no rate in force: ¥2,000 and ¥50 a pass. */
#define RENO_DEPOSIT_DEFAULT_FEN 200000LL
#define RENO_PASS_DEFAULT_FEN 5000LL
/* A deposit is 1..100,000 yuan; a pass 0..1,000 yuan. */
#define RENO_DEPOSIT_MAX_FEN 10000000LL
#define RENO_PASS_MAX_FEN 100000LL

/* Adds the fee items reno_deposit and reno_pass to the community when it lacks them
 * (INSERT IGNORE); approval does it inside its transaction. */
int renovation_money_items(arena *a, long long community_id);
/* The usual amounts of those items: the rate in force, else the defaults. */
int renovation_money_defaults(arena *a, long long community_id, long long *deposit_fen, long long *pass_fen);

typedef struct renovation_approval {
    int version;           /* the form's: stale is 409 */
    const char *checklist; /* SET text of the items found in order */
    long long deposit_fen; /* 1..RENO_DEPOSIT_MAX_FEN */
    long long pass_fee_fen;
    const char *note;
} renovation_approval;

/* Approves submitted case id (the caller checked RENO_APPROVE): in one transaction the
 * one-off charge bill (a reno_deposit line and a reno_pass line of quantity workers), the
 * case's amounts and charge_bill_id, the step approve -> approved and an audit row. */
int renovation_approve(page_ctx *ctx, long long id, const renovation_approval *req, renovation_refusal *why);

/* Issues the permit of approved case id (the caller checked RENO_PERMIT): 409 unless the
 * charge bill is fully paid; the permit number, dates (from/to: "" for the planned ones),
 * the unit's state kept and set to renovating, the step permit -> permitted. */
int renovation_permit(page_ctx *ctx, long long id, int version, const char *from, const char *to,
                      renovation_refusal *why);

typedef struct renovation_deduction_row {
    long long amount_fen;
    const char *reason;
    const char *staff;
    long long at;
} renovation_deduction_row;

/* What the money tab shows of a case. */
typedef struct renovation_money_view {
    bool has_bill;
    long long charge_amount_fen, charge_paid_fen;
    renovation_deduction_row *deductions; /* oldest first */
    size_t deduction_count;
    long long deductions_fen;
    int passes_issued, passes_returned, passes_lost; /* by state now */
    int violations_open;                             /* open or escalated */
    long long deposit_back_fen, passes_back_fen;     /* what a refund pays now */
    long long refund_fen;                            /* their sum, never over what was paid */
    const char *refund_receipt_no;                   /* "" until refunded */
} renovation_money_view;

/* The money of case r (loaded by the caller). */
int renovation_money_load(arena *a, const renovation *r, renovation_money_view *out);

/* The deposit less the deductions and the passes less the lost ones, capped at what the
 * charge bill has been paid (the passes part gives way first). */
void renovation_refund_amounts(const renovation *r, long long deductions_fen, int passes_lost,
                               long long paid_fen, long long *deposit_back_fen, long long *passes_back_fen);

typedef struct renovation_refund_request {
    int version;
    const char *method; /* a payment method: cash, transfer, ... */
    const char *payer;  /* who takes the money; "" for the applicant */
    const char *form_key;
} renovation_refund_request;

/* Refunds accepted case id by the signed-in cashier (the caller checked RENO_REFUND) in
 * their open day: 409 while a pass is still issued or a violation open, for a form key
 * used before, a stale version or any other state. The refund bill and payment, the
 * case's refund ids, the unit's state restored, the step refund -> closed. *payment_id is
 * 0 when nothing was left to pay back. */
int renovation_refund(page_ctx *ctx, long long id, const renovation_refund_request *req,
                      long long *payment_id, renovation_refusal *why);

#endif
