/* payment.h: payments at the counter (收款) and their reversals (冲正), the receipt
 * (收据) of each, and what the payment and bill pages read: a unit's open bills, one bill
 * with its lines and the payments touching it. The writes are in payment.c, the reads in
 * payment_view.c; a bill's lines and payments are read by fee_account.c.
 *
 * Money rules (shared with billing): bill.amount_fen = SUM(lines); a line's paid_fen =
 * SUM(its allocations); bill.paid_fen = SUM(its lines' paid_fen). A payment is spread over
 * the chosen bills oldest period first, then bill id, within a bill over its lines in id
 * order; never more than owed. Functions answer like settlement.h. */
#ifndef WUYE_PAYMENT_H
#define WUYE_PAYMENT_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"
#include "fee_account.h"
#include "settlement.h"

typedef settlement_refusal payment_refusal;

/* A money form's key: 32 hex digits made when the form is shown, so a form counts once. */
#define PAYMENT_FORM_KEY_LEN 32
/* A fresh form key in the arena, or NULL without randomness. */
const char *payment_form_key_new(arena *a);
/* True for 32 lower-case hex digits. */
bool payment_form_key_valid(const char *s);

/* The most bills one payment may cover. */
#define PAYMENT_MAX_BILLS 60

/* --- writes (payment.c) ---------------------------------------------------------------- */

typedef struct payment_request {
    long long unit_id;         /* the unit paying; 0: the unit of the first bill */
    const long long *bill_ids; /* the chosen bills, any order, no more than PAYMENT_MAX_BILLS */
    size_t bill_count;
    long long amount_fen;
    const char *method; /* cash, card, transfer, wechat, alipay */
    const char *payer;
    const char *form_key; /* 32 hex digits from the form: a form counts once */
} payment_request;

/* Takes a payment by the signed-in staff member in one transaction: their open day, the
 * next receipt number, the bills locked, allocations, totals and an audit row. 404 for a
 * bill of another community, 422 (field bill or amount) for a bill of another unit or an
 * amount of 0 or over what the bills owe, 409 for a closed day or a form key used before. */
int payment_take(page_ctx *ctx, const payment_request *req, long long *payment_id, payment_refusal *why);
/* Reverses payment_id with reason, in the signed-in staff member's open day: a negative
 * row with its own receipt number and negated allocations. 404 unknown, 409 when it is a
 * reversal or a refund, or was already reversed, or the day is closed, or it paid the
 * charge bill of a decoration case whose permit was issued (the deposit is in use or was
 * paid back). */
int payment_reverse(page_ctx *ctx, long long payment_id, const char *reason, long long *reversal_id,
                    payment_refusal *why);

/* Shared with the other writers of payments (the renovation refund), inside their
 * transaction, in this order: the day, the receipt number (or the counter's lock), the
 * bills, the row, the allocations. */

/* Locks the signed-in cashier's open day (community time); its id into *settlement_id.
 * 409 when the day is closed. */
int payment_lock_today(page_ctx *ctx, long long *settlement_id, payment_refusal *why);
/* The next receipt number of the community's year "SJ2026-000001", in the arena. The
 * counter row stays locked until the transaction ends, so numbers have no gaps: a
 * rolled-back payment gives its number back. */
db_status payment_next_receipt(page_ctx *ctx, const char **receipt_no);
/* Locks the community's receipt counter of the year without taking a number, for a writer
 * that locks bills before it knows whether it needs one; payment_next_receipt later in the
 * transaction then takes the next number under the same lock. */
db_status payment_lock_receipts(page_ctx *ctx);

/* A payment, reversal or refund row as written. */
typedef struct payment_row {
    long long unit_id;
    const char *receipt_no;
    const char *kind;
    long long reverses_id;
    const char *method;
    long long amount_fen;
    const char *payer;
    const char *note;
    long long settlement_id;
    const char *form_key; /* NULL for a reversal */
} payment_row;

/* Writes the row; its id into *id. DB_DUPLICATE when its form key or the payment it
 * reverses was taken by another. */
db_status payment_insert(page_ctx *ctx, const payment_row *p, long long *id);
/* Writes one allocation and moves the line's and the bill's paid_fen by fen. */
db_status payment_allocate(arena *a, long long payment_id, long long line_id, long long bill_id,
                           long long fen);

/* --- reads (payment_view.c) ------------------------------------------------------------ */

typedef struct payment_unit {
    long long id;
    const char *code;
    const char *owners; /* the current owners' names joined by 、, "" when none */
} payment_unit;

/* The unit of the community with code (404 when none). */
int payment_unit_find(arena *a, long long community_id, const char *code, payment_unit *out,
                      payment_refusal *why);

typedef struct payment_bill {
    long long id;
    const char *period;
    const char *kind; /* period, oneoff */
    const char *due_date;
    long long amount_fen, paid_fen;
} payment_bill;

/* The unit's bills that still owe something, oldest period first. */
int payment_open_bills(arena *a, long long unit_id, payment_bill **out, size_t *count);

/* A payment or reversal in a list. */
typedef struct payment_brief {
    long long id;
    const char *receipt_no;
    const char *kind;
    const char *method;
    const char *cashier;
    long long amount_fen; /* of the payment, or of the part touching one bill */
    long long taken_at;
    bool reversed;
} payment_brief;

/* The unit's latest payments and reversals, newest first. */
int payment_unit_history(arena *a, long long unit_id, int limit, payment_brief **out, size_t *count);

/* One allocation of a receipt: a bill line and what was paid on it. */
typedef struct payment_line {
    long long bill_id;
    const char *period;
    const char *bill_kind;
    const char *item; /* the fee item's name, or the line's description */
    const char *description;
    long long amount_fen;
} payment_line;

typedef struct payment_receipt {
    long long id;
    long long unit_id;
    const char *unit_code;
    const char *owners;
    const char *receipt_no;
    const char *kind; /* payment, reversal, refund */
    const char *method;
    const char *payer;
    const char *note; /* a reversal's reason */
    long long staff_id;
    const char *cashier;
    long long amount_fen;
    long long taken_at;
    long long reverses_id; /* a reversal: what it reverses */
    const char *reverses_no;
    long long reversed_by_id; /* a reversed payment: its reversal, else 0 */
    const char *reversed_by_no;
    payment_line *lines; /* by bill period, bill, line */
    size_t line_count;
} payment_receipt;

/* Payment id of the community with its lines (404 when none). */
int payment_receipt_load(arena *a, long long community_id, long long id, payment_receipt *out,
                         payment_refusal *why);

typedef struct bill_view {
    long long id;
    long long unit_id;
    const char *unit_code;
    const char *owners;
    const char *kind;
    const char *period;
    const char *due_date;
    long long amount_fen, paid_fen;
    long long lines_total_fen; /* SUM of the lines, shown beside amount_fen */
    fee_bill_line *lines;
    size_t line_count;
    fee_bill_payment *payments; /* touching it, in the order taken; amount: the part on this bill */
    size_t payment_count;
} bill_view;

/* Bill id of the community with its lines and payments (404 when none). */
int payment_bill_load(arena *a, long long community_id, long long id, bill_view *out, payment_refusal *why);

#endif
