/* fee_account.h: one unit's fee account (收费账户): its bills with their lines and the
 * payments allocated to them, and the ledger of bills, payments and reversals with a
 * running balance. Shown on the office's unit page and the resident's bills page. */
#ifndef WUYE_FEE_ACCOUNT_H
#define WUYE_FEE_ACCOUNT_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/page.h"
#include "../core/view.h"

/* One row of the ledger: a bill (+amount), a payment (−amount) or a reversal (+amount,
 * its row being negative), with the balance after it. */
typedef struct fee_ledger_entry {
    const char *kind; /* bill, payment, reversal */
    long long id;
    long long at; /* bill: created; payment: taken (unix) */
    const char *period;
    const char *method;     /* payments */
    const char *receipt_no; /* payments; a one-off bill: its lines' descriptions */
    long long change_fen;   /* what it adds to the balance */
    long long balance_fen;
} fee_ledger_entry;

/* The unit's ledger in date order and owed = SUM(bill.amount_fen - bill.paid_fen). */
int fee_account_ledger(arena *a, long long unit_id, fee_ledger_entry **out, size_t *count,
                       long long *owed_fen);
/* Fills the {{>FEE_ACCOUNT}} include of the office unit page for FEE_VIEW roles
 * (nothing for others). 0, or a negative db_status. */
int fee_account_fill(page_ctx *ctx, view *body, long long unit_id, const char *unit_code);

typedef struct fee_bill {
    long long id;
    const char *kind; /* period, oneoff */
    const char *period;
    const char *due_date;
    long long amount_fen, paid_fen;
    long long created_at;
} fee_bill;

/* What the unit owes now: SUM(bill.amount_fen - bill.paid_fen) over all its bills. */
int fee_account_owed(arena *a, long long unit_id, long long *owed_fen);
/* fee_account_owed's rule as an SQL expression over the unit id expression u, for a
 * statement that reads what a unit owes along with other things (household_load). */
#define FEE_ACCOUNT_OWED_SQL(u)                                                                              \
    "(SELECT COALESCE(SUM(amount_fen - paid_fen), 0) FROM bill WHERE unit_id = " u " AND unpaid = 1)"
/* The unit's bills, newest period first, one page; total: how many bills it has. */
int fee_account_bills(arena *a, long long unit_id, int page_number, int per_page, fee_bill **out,
                      size_t *count, long long *total);
/* One bill of the unit (404 when the bill is not the unit's). */
int fee_account_bill(arena *a, long long unit_id, long long bill_id, fee_bill *out);
/* The state code of a bill: paid, partial, unpaid; and its Chinese name. */
const char *fee_bill_state(const fee_bill *b);
const char *fee_bill_state_name(const char *state);

typedef struct fee_bill_line {
    const char *description;
    const char *item_name; /* "" for a line of no fee item */
    long long quantity_c;  /* -1 when none */
    long long price_e4;    /* -1 when none */
    long long amount_fen, paid_fen;
} fee_bill_line;

/* The lines of a bill in id order. */
int fee_account_bill_lines(arena *a, long long bill_id, fee_bill_line **out, size_t *count);

/* A payment or reversal as it touched one bill. */
typedef struct fee_bill_payment {
    long long id;
    const char *kind; /* payment, reversal */
    const char *receipt_no;
    const char *method;
    const char *cashier; /* the name of the staff member who took it */
    long long taken_at;
    long long amount_fen; /* its allocations to this bill */
    bool reversed;        /* a payment a reversal has undone since */
} fee_bill_payment;

/* The payments and reversals touching a bill, in the order taken. */
int fee_account_bill_payments(arena *a, long long bill_id, fee_bill_payment **out, size_t *count);

#endif
