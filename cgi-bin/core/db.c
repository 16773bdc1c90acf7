/* db.c: the page process's one MariaDB connection. Statements are prepared lazily and
 * again after each reconnect (a reconnect voids every prepared statement); results
 * are copied into the caller's arena as text. No MYSQL_OPT_RECONNECT: we reconnect
 * ourselves, once, and only outside a transaction. */
#include "db.h"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "db_keep.h"
#include "db_text.h"
#include "db_trace.h"
#include "log.h"

static MYSQL *conn;
static unsigned generation; /* grows with each connection; statements remember theirs */
static const config *settings;
static bool in_transaction;
static unsigned long long writes;
/* Writes kept for one round trip (db_defer_writes), each ending with ';'. */
static bool defer_next; /* the next transaction keeps its writes */
static bool deferring;  /* this one does */
static buf pending;
static bool pending_begins; /* pending starts the transaction: nothing of it has been sent */
/* The request's community and data version (db_keep_note), and the write count then. */
static long long keep_community;
static long long keep_version = -1;
static unsigned long long keep_writes;
static buf keep_key;

static bool connection_lost(unsigned err) {
    return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST || err == CR_STMT_CLOSED ||
           err == ER_UNKNOWN_STMT_HANDLER || err == ER_CONNECTION_KILLED;
}

static void disconnect(void) {
    if (conn)
        mysql_close(conn);
    conn = NULL;
}

static db_status connect_now(void) {
    disconnect();
    conn = mysql_init(NULL);
    if (!conn)
        return DB_UNAVAILABLE;
    mysql_optionsv(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    /* @wuye_data_later: the data-version triggers of this connection's transactions only note
     * the community; db_commit raises its version with the COMMIT (schema/0020_data_version.sql). */
    mysql_optionsv(conn, MYSQL_INIT_COMMAND,
                   "SET SESSION sql_mode='STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,"
                   "NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION', time_zone='+00:00', @wuye_data_later = 1, "
                   "@wuye_data_community = NULL");
    unsigned timeout = 5;
    mysql_optionsv(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    /* Several statements in one query: only db.c sends them, for writes kept by
     * db_defer_writes, with every value written by db_text_inline. */
    if (!mysql_real_connect(conn, NULL, settings->db_user, settings->db_password, settings->db_name, 0,
                            settings->db_socket[0] ? settings->db_socket : NULL, CLIENT_MULTI_STATEMENTS)) {
        log_error("db connect: %s", mysql_error(conn));
        disconnect();
        return DB_UNAVAILABLE;
    }
    generation++;
    in_transaction = false;
    return DB_OK;
}

db_status db_open(const config *c) {
    settings = c;
    return connect_now();
}

void db_close(void) {
    disconnect();
}

bool db_in_transaction(void) {
    return in_transaction;
}

/* Runs a fixed control statement (no user data). */
static db_status simple(const char *sql) {
    if (!conn && connect_now() != DB_OK)
        return DB_UNAVAILABLE;
    if (mysql_query(conn, sql) == 0)
        return DB_OK;
    unsigned err = mysql_errno(conn);
    log_error("db %s: %s", sql, mysql_error(conn));
    if (connection_lost(err)) {
        disconnect();
        return DB_UNAVAILABLE;
    }
    return DB_ERROR;
}

unsigned long long db_write_count(void) {
    return writes;
}

void db_defer_writes(bool on) {
    defer_next = on;
}

static void drop_pending(void) {
    buf_reset(&pending);
    pending_begins = false;
}

/* The status of a failed statement (err), logged unless the caller expects it. */
static db_status failure(unsigned err, const char *name, const char *message) {
    if (err == ER_DUP_ENTRY)
        return DB_DUPLICATE;
    if (err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT)
        return DB_DEADLOCK;
    log_error("db %s: %u %s", name, err, message);
    if (connection_lost(err)) {
        disconnect();
        return DB_UNAVAILABLE;
    }
    return DB_ERROR;
}

/* Sends the kept writes in one query and reads every answer; rows (may be NULL) gets
 * the last one's. A transaction that was all in the query and never reached the server
 * is sent once more on a fresh connection. */
static db_status flush(db_rows *rows) {
    bool again = pending_begins;
    for (;;) {
        if (!conn && connect_now() != DB_OK)
            break;
        int r = mysql_real_query(conn, pending.data, (unsigned long)pending.len);
        unsigned long long affected = 0, insert_id = 0;
        while (r == 0) {
            MYSQL_RES *res = mysql_store_result(conn);
            if (res)
                mysql_free_result(res);
            affected = (unsigned long long)mysql_affected_rows(conn);
            insert_id = (unsigned long long)mysql_insert_id(conn);
            r = mysql_next_result(conn);
            if (r == -1)
                r = 0;
            else if (r == 0)
                continue;
            break;
        }
        if (r == 0) {
            drop_pending();
            if (rows) {
                memset(rows, 0, sizeof *rows);
                rows->affected = affected;
                rows->insert_id = insert_id;
            }
            return DB_OK;
        }
        unsigned err = mysql_errno(conn);
        if (err == CR_SERVER_GONE_ERROR && again) {
            again = false;
            disconnect();
            continue;
        }
        db_status s = failure(err, "kept writes", mysql_error(conn));
        if (s == DB_UNAVAILABLE)
            in_transaction = false;
        drop_pending();
        return s;
    }
    drop_pending();
    in_transaction = false;
    return DB_UNAVAILABLE;
}

/* Adds st with its values to the kept writes. */
static db_status keep_write(const db_stmt *st, const db_arg *args, size_t nargs) {
    size_t mark = pending.len;
    long marks = db_text_inline(&pending, st->sql, args, nargs);
    if (marks < 0 || (size_t)marks != nargs || buf_append(&pending, ";", 1) != 0) {
        if (pending.data) {
            pending.len = mark;
            pending.data[mark] = '\0';
        }
        log_error("db %s: %ld marks, %lu values", st->name, marks, (unsigned long)nargs);
        return DB_ERROR;
    }
    return DB_OK;
}

db_status db_begin(void) {
    writes++;
    deferring = defer_next;
    defer_next = false;
    if (deferring) {
        drop_pending();
        if (buf_puts(&pending, "START TRANSACTION;") != 0)
            return DB_ERROR;
        pending_begins = true;
        in_transaction = true;
        return DB_OK;
    }
    db_status s = simple("START TRANSACTION");
    if (s == DB_UNAVAILABLE && !in_transaction) /* went away while idle: one more try */
        s = simple("START TRANSACTION");
    if (s == DB_OK)
        in_transaction = true;
    return s;
}

db_status db_commit(void) {
    deferring = false;
    /* The community version the transaction's triggers noted is raised last, in the same
     * round trip as the COMMIT: its row stays locked only while the transaction commits. */
    db_status s = buf_puts(&pending, "CALL data_commit();COMMIT;") == 0 ? flush(NULL) : DB_ERROR;
    in_transaction = false;
    /* A refused COMMIT, or a kept write refused before it, may leave the transaction open
     * on the server: end it, so the next request of this process does not run inside it. */
    if (s != DB_OK && s != DB_UNAVAILABLE && simple("ROLLBACK") != DB_OK)
        disconnect();
    drop_pending();
    return s;
}

db_status db_rollback(void) {
    bool sent = !pending_begins;
    drop_pending();
    deferring = false;
    in_transaction = false;
    return conn && sent ? simple("ROLLBACK") : DB_OK;
}

db_status db_check(void) {
    if (conn && mysql_ping(conn) == 0)
        return DB_OK;
    return connect_now();
}

static db_status prepare(db_stmt *st) {
    if (st->handle && st->generation == generation)
        return DB_OK;
    if (st->handle) {
        /* The old handle belonged to a closed connection: closing it frees client memory only. */
        mysql_stmt_close(st->handle);
        st->handle = NULL;
    }
    MYSQL_STMT *h = mysql_stmt_init(conn);
    if (!h)
        return DB_ERROR;
    if (mysql_stmt_prepare(h, st->sql, (unsigned long)strlen(st->sql)) != 0) {
        unsigned err = mysql_stmt_errno(h);
        log_error("db prepare %s: %s", st->name, mysql_stmt_error(h));
        mysql_stmt_close(h);
        return connection_lost(err) ? DB_UNAVAILABLE : DB_ERROR;
    }
    bool update_max = true;
    mysql_stmt_attr_set(h, STMT_ATTR_UPDATE_MAX_LENGTH, &update_max);
    st->handle = h;
    st->generation = generation;
    return DB_OK;
}

/* Copies every row of the stored result into the arena as text. */
static db_status fetch_all(db_stmt *st, MYSQL_RES *meta, arena *a, db_rows *rows) {
    MYSQL_STMT *h = st->handle;
    size_t columns = mysql_num_fields(meta);
    MYSQL_FIELD *fields = mysql_fetch_fields(meta);
    size_t count = (size_t)mysql_stmt_num_rows(h);
    MYSQL_BIND *bind = calloc(columns ? columns : 1, sizeof *bind);
    unsigned long *lengths = calloc(columns ? columns : 1, sizeof *lengths);
    my_bool *nulls = calloc(columns ? columns : 1, sizeof *nulls);
    my_bool *errors = calloc(columns ? columns : 1, sizeof *errors);
    char **buffers = calloc(columns ? columns : 1, sizeof *buffers);
    db_status status = DB_OK;
    if (!bind || !lengths || !nulls || !errors || !buffers)
        status = DB_ERROR;
    for (size_t c = 0; status == DB_OK && c < columns; c++) {
        unsigned long size = fields[c].max_length > 64 ? fields[c].max_length + 1 : 65;
        buffers[c] = malloc(size);
        if (!buffers[c]) {
            status = DB_ERROR;
            break;
        }
        bind[c].buffer_type = MYSQL_TYPE_STRING;
        bind[c].buffer = buffers[c];
        bind[c].buffer_length = size;
        bind[c].length = &lengths[c];
        bind[c].is_null = &nulls[c];
        bind[c].error = &errors[c];
    }
    rows->count = count;
    rows->columns = columns;
    rows->cells = NULL;
    if (status == DB_OK && count && columns) {
        rows->cells = arena_alloc(a, count * columns * sizeof *rows->cells);
        if (!rows->cells)
            status = DB_ERROR;
    }
    if (status == DB_OK && mysql_stmt_bind_result(h, bind) != 0) {
        log_error("db bind result %s: %s", st->name, mysql_stmt_error(h));
        status = DB_ERROR;
    }
    for (size_t r = 0; status == DB_OK && r < count; r++) {
        int rc = mysql_stmt_fetch(h);
        if (rc == 1 || rc == MYSQL_NO_DATA) {
            log_error("db fetch %s: %s", st->name, mysql_stmt_error(h));
            status = DB_ERROR;
            break;
        }
        for (size_t c = 0; c < columns; c++) {
            char **cell = &rows->cells[r * columns + c];
            if (nulls[c]) {
                *cell = NULL;
                continue;
            }
            if (lengths[c] < bind[c].buffer_length) {
                *cell = arena_strndup(a, buffers[c], lengths[c]);
            } else {
                /* Truncated (MYSQL_DATA_TRUNCATED): fetch the whole value into the arena. */
                char *whole = arena_alloc(a, lengths[c] + 1);
                MYSQL_BIND one = {0};
                unsigned long got = 0;
                one.buffer_type = MYSQL_TYPE_STRING;
                one.buffer = whole;
                one.buffer_length = lengths[c] + 1;
                one.length = &got;
                if (!whole || mysql_stmt_fetch_column(h, &one, (unsigned)c, 0) != 0) {
                    status = DB_ERROR;
                    break;
                }
                whole[got < lengths[c] ? got : lengths[c]] = '\0';
                *cell = whole;
            }
            if (!*cell)
                status = DB_ERROR;
        }
    }
    for (size_t c = 0; buffers && c < columns; c++)
        free(buffers[c]);
    free(buffers);
    free(errors);
    free(nulls);
    free(lengths);
    free(bind);
    return status;
}

/* True for a statement that only reads, which is safe to run twice. */
static bool is_read(const char *sql) {
    while (*sql == ' ' || *sql == '\n')
        sql++;
    return strncasecmp(sql, "SELECT", 6) == 0;
}

/* One try at executing st; *lost tells whether the connection went away. */
static db_status exec_once(db_stmt *st, const db_arg *args, size_t nargs, arena *a, db_rows *rows,
                           bool *lost) {
    *lost = false;
    if (!is_read(st->sql))
        writes++;
    if (!conn && connect_now() != DB_OK) {
        *lost = true;
        return DB_UNAVAILABLE;
    }
    db_status s = prepare(st);
    if (s != DB_OK) {
        *lost = s == DB_UNAVAILABLE;
        return s;
    }
    MYSQL_STMT *h = st->handle;
    if (mysql_stmt_param_count(h) != nargs) {
        log_error("db %s: %lu parameters, %lu given", st->name, (unsigned long)mysql_stmt_param_count(h),
                  (unsigned long)nargs);
        return DB_ERROR;
    }
    MYSQL_BIND bind[nargs ? nargs : 1];
    unsigned long lengths[nargs ? nargs : 1];
    memset(bind, 0, sizeof bind);
    for (size_t i = 0; i < nargs; i++) {
        switch (args[i].type) {
        case DB_ARG_INT:
            bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
            bind[i].buffer = (void *)&args[i].i;
            break;
        case DB_ARG_TEXT:
            lengths[i] = (unsigned long)args[i].len;
            bind[i].buffer_type = MYSQL_TYPE_STRING;
            bind[i].buffer = (void *)args[i].s;
            bind[i].buffer_length = lengths[i];
            bind[i].length = &lengths[i];
            break;
        case DB_ARG_NULL:
            bind[i].buffer_type = MYSQL_TYPE_NULL;
            break;
        }
    }
    if ((nargs && mysql_stmt_bind_param(h, bind) != 0) || mysql_stmt_execute(h) != 0) {
        unsigned err = mysql_stmt_errno(h);
        db_status f = failure(err, st->name, mysql_stmt_error(h));
        /* A write whose connection died mid-way may have been done: trying it again
         * could do it twice. Only reads, and statements that never left, are retried. */
        if (f == DB_UNAVAILABLE)
            *lost = err == CR_SERVER_GONE_ERROR || is_read(st->sql);
        return f;
    }
    MYSQL_RES *meta = mysql_stmt_result_metadata(h);
    if (!meta) {
        if (rows) {
            memset(rows, 0, sizeof *rows);
            rows->affected = (unsigned long long)mysql_stmt_affected_rows(h);
            rows->insert_id = (unsigned long long)mysql_stmt_insert_id(h);
        }
        return DB_OK;
    }
    if (mysql_stmt_store_result(h) != 0) {
        log_error("db store %s: %s", st->name, mysql_stmt_error(h));
        mysql_free_result(meta);
        return DB_ERROR;
    }
    db_rows scratch;
    s = fetch_all(st, meta, a, rows ? rows : &scratch);
    mysql_free_result(meta);
    mysql_stmt_free_result(h);
    return s;
}

void db_keep_note(long long community_id, long long version) {
    keep_community = community_id;
    keep_version = community_id > 0 ? version : -1;
    keep_writes = writes;
}

/* Whether an answer (or what is made from answers) may be kept or served now: a version
 * was noted for the request, which has not written since, and no transaction is open. */
static bool keeping(void) {
    return keep_version >= 0 && writes == keep_writes && !in_transaction;
}

/* The key of st's answer with args in keep_key: the statement's text (by its address: a
 * kept statement's text lives as long as the process), a mark for figures computed from
 * the answer (db_derived_find), then each value. NULL when nothing may be kept or served
 * now. */
static const buf *answer_key(const db_stmt *st, bool derived, const db_arg *args, size_t nargs) {
    if (!keeping())
        return NULL;
    buf_reset(&keep_key);
    /* Value types are 0..2: the mark cannot be mistaken for the first value's. */
    unsigned char mark = 0xFF;
    int failed =
        buf_append(&keep_key, &st->sql, sizeof st->sql) || (derived && buf_append(&keep_key, &mark, 1));
    for (size_t i = 0; !failed && i < nargs; i++) {
        unsigned char type = (unsigned char)args[i].type;
        failed = buf_append(&keep_key, &type, 1);
        if (!failed && args[i].type == DB_ARG_INT)
            failed = buf_append(&keep_key, &args[i].i, sizeof args[i].i);
        else if (!failed && args[i].type == DB_ARG_TEXT)
            failed = buf_append(&keep_key, &args[i].len, sizeof args[i].len) ||
                     buf_append(&keep_key, args[i].s, args[i].len);
    }
    return failed ? NULL : &keep_key;
}

db_status db_exec(db_stmt *st, const db_arg *args, size_t nargs, arena *a, db_rows *rows) {
    bool lost;
    db_trace(st, args, nargs);
    const buf *key = rows && (st->flags & DB_KEEP) ? answer_key(st, false, args, nargs) : NULL;
    if (key && db_keep_find(keep_community, keep_version, key->data, key->len, a, rows))
        return DB_OK;
    if (deferring && in_transaction && !is_read(st->sql)) {
        writes++;
        db_status k = keep_write(st, args, nargs);
        /* A write that answers something (an insert id) goes now, with those before it. */
        return k != DB_OK || !rows ? k : flush(rows);
    }
    if (pending.len) {
        /* A read sees the kept writes: they go first. */
        db_status f = flush(NULL);
        if (f != DB_OK)
            return f;
    }
    db_status s = exec_once(st, args, nargs, a, rows, &lost);
    /* Retry once on a fresh connection, but never inside a transaction: its earlier
     * statements died with the old connection. */
    if (s == DB_UNAVAILABLE && lost && !in_transaction) {
        if (connect_now() == DB_OK)
            s = exec_once(st, args, nargs, a, rows, &lost);
    } else if (s == DB_UNAVAILABLE) {
        in_transaction = false;
    }
    if (key && s == DB_OK)
        db_keep_put(keep_community, keep_version, key->data, key->len, rows);
    return s;
}

bool db_derived_find(const db_stmt *st, const db_arg *args, size_t nargs, arena *a, db_rows *rows) {
    const buf *key = answer_key(st, true, args, nargs);
    return key && db_keep_find(keep_community, keep_version, key->data, key->len, a, rows);
}

void db_derived_put(const db_stmt *st, const db_arg *args, size_t nargs, const db_rows *rows) {
    const buf *key = answer_key(st, true, args, nargs);
    if (key)
        db_keep_put(keep_community, keep_version, key->data, key->len, rows);
}

/* The first bytes of a caller's key: this variable's address, which no statement's text
 * has (answer_key starts with one). */
static const char kept_mark;

static const buf *kept_key(const void *key, size_t len) {
    if (!keeping())
        return NULL;
    const char *mark = &kept_mark;
    buf_reset(&keep_key);
    if (buf_append(&keep_key, &mark, sizeof mark) || buf_append(&keep_key, key, len))
        return NULL;
    return &keep_key;
}

bool db_kept_find(const void *key, size_t len, arena *a, db_rows *rows) {
    const buf *k = kept_key(key, len);
    return k && db_keep_find(keep_community, keep_version, k->data, k->len, a, rows);
}

void db_kept_put(const void *key, size_t len, const db_rows *rows) {
    const buf *k = kept_key(key, len);
    if (k)
        db_keep_put(keep_community, keep_version, k->data, k->len, rows);
}

const char *db_cell(const db_rows *r, size_t row, size_t col) {
    if (row >= r->count || col >= r->columns)
        return NULL;
    return r->cells[row * r->columns + col];
}

long long db_cell_int(const db_rows *r, size_t row, size_t col) {
    const char *s = db_cell(r, row, col);
    return s ? strtoll(s, NULL, 10) : 0;
}

db_arg db_int_or_null(long long v) {
    return v ? DB_INT(v) : DB_NULL;
}

const char *db_like_contains(arena *a, const char *text) {
    size_t n = strlen(text), j = 0;
    char *out = arena_alloc(a, 2 * n + 3);
    if (!out)
        return "%";
    out[j++] = '%';
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
            out[j++] = '\\';
        out[j++] = text[i];
    }
    out[j++] = '%';
    out[j] = '\0';
    return out;
}
