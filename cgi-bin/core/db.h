/* db.h: the one database connection of a page process. Statements are declared where
 * they are used (in domain/) with DB_STMT, prepared on first use and prepared again
 * after a reconnect. Results are copied into the request's arena as text. */
#ifndef WUYE_DB_H
#define WUYE_DB_H
#include "arena.h"
#include "config.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct db_stmt {
    const char *name; /* for the log */
    const char *sql;
    void *handle; /* MYSQL_STMT *, owned by db.c */
    unsigned generation;
    unsigned flags; /* DB_KEEP */
} db_stmt;

/* The statement's answers may be kept between requests while the community's data version
 * holds (core/db_keep.h says which statements qualify). */
#define DB_KEEP 1u

#define DB_STMT(name, sql)                                                                                   \
    { name, sql, NULL, 0, 0 }
#define DB_STMT_KEPT(name, sql)                                                                              \
    { name, sql, NULL, 0, DB_KEEP }

typedef enum { DB_ARG_NULL, DB_ARG_INT, DB_ARG_TEXT } db_arg_type;

typedef struct db_arg {
    db_arg_type type;
    long long i;
    const char *s;
    size_t len;
} db_arg;

#define DB_INT(v) ((db_arg){DB_ARG_INT, (long long)(v), NULL, 0})
#define DB_TEXT(v) ((db_arg){DB_ARG_TEXT, 0, (v), strlen(v)})
#define DB_TEXTN(v, n) ((db_arg){DB_ARG_TEXT, 0, (v), (n)})
#define DB_NULL ((db_arg){DB_ARG_NULL, 0, NULL, 0})

/* An integer argument that is SQL NULL when v is 0 (an unset time or id). */
db_arg db_int_or_null(long long v);
/* The LIKE pattern "%text%" in the arena, text's own % _ and \ matched literally. */
const char *db_like_contains(arena *a, const char *text);

/* The rows of a result, each cell NUL-terminated text (NULL for SQL NULL). */
typedef struct db_rows {
    size_t count;
    size_t columns;
    char **cells; /* count * columns */
    unsigned long long affected;
    unsigned long long insert_id;
} db_rows;

typedef enum {
    DB_OK = 0,
    DB_ERROR = -1,       /* a statement failed: log names it; the page answers 500 */
    DB_UNAVAILABLE = -2, /* no connection even after one reconnect: 503 */
    DB_DUPLICATE = -3,   /* a unique key refused the row */
    DB_DEADLOCK = -4,    /* the transaction lost a lock race and was rolled back: retry it */
} db_status;

/* Connects with the configured socket, utf8mb4 and strict mode. */
db_status db_open(const config *c);
/* Closes the connection and every prepared statement. */
void db_close(void);
/* Executes st with args; rows (may be NULL for statements without results) are
 * allocated in a. Reconnects once when the server went away outside a transaction. */
db_status db_exec(db_stmt *st, const db_arg *args, size_t nargs, arena *a, db_rows *rows);
/* Writes sent together: while on, a write that the caller runs without rows (it wants
 * only to know that it worked) inside a transaction is kept and sent, as SQL text, in one
 * round trip with the next statement that answers something, or with the COMMIT; a
 * transaction begun while on starts with that round trip too. Its failure is the failure
 * of that next call (the transaction is then to be rolled back, as for any failure), so
 * writes whose caller tells failures apart (DB_DUPLICATE) must pass rows. Off again
 * after the COMMIT or ROLLBACK. */
void db_defer_writes(bool on);
/* Transactions; a request that ends inside one is rolled back by the page loop. */
db_status db_begin(void);
db_status db_commit(void);
db_status db_rollback(void);
bool db_in_transaction(void);
/* Cell text (NULL for SQL NULL); row and column must be in range. */
const char *db_cell(const db_rows *r, size_t row, size_t col);
/* Cell as an integer (0 for NULL). */
long long db_cell_int(const db_rows *r, size_t row, size_t col);
/* How many statements other than a SELECT this process has run, transactions begun
 * included: what was read before the count moved may be older than the process's own
 * writes (core/refcache.c stops serving kept lists then). */
unsigned long long db_write_count(void);
/* The request's community and its data version, read with the session row (page.c);
 * version -1 when no answer may be kept or served (no session, a command-line program).
 * Answers of DB_KEEP statements are kept and served until the request writes. */
void db_keep_note(long long community_id, long long version);
/* Figures computed in C from the answer of st with args, kept the same way as rows: st
 * need not be marked DB_KEEP (its own answer may be too large to keep), but it must meet
 * the rules of a kept statement (db_keep.h), and args must hold every value the figures
 * depend on besides its answer. Found only under the conditions a kept answer is served
 * under; a put keeps nothing when an answer could not be kept now. */
bool db_derived_find(const db_stmt *st, const db_arg *args, size_t nargs, arena *a, db_rows *rows);
void db_derived_put(const db_stmt *st, const db_arg *args, size_t nargs, const db_rows *rows);
/* Text made from kept answers and the request's own values (a page's body,
 * core/page_keep.h), kept under key on the same conditions as an answer: found only while
 * the request has not written and its community's data version still holds. The key is
 * the caller's own (it cannot meet a statement's). */
bool db_kept_find(const void *key, size_t len, arena *a, db_rows *rows);
void db_kept_put(const void *key, size_t len, const db_rows *rows);
/* Pings; reconnects when the server went away. */
db_status db_check(void);

#endif
