/* db_text.h: a statement with its values in place of its marks, as SQL text: for the
 * statement trace (db_trace.c) and for writes sent together in one round trip (db.c).
 * Integers are written in decimal, text quoted with its quote, backslash, NUL and line
 * breaks escaped (the connection is utf8mb4 and its sql_mode keeps backslash escapes),
 * NULL as NULL. Marks inside quoted SQL are left alone. */
#ifndef WUYE_DB_TEXT_H
#define WUYE_DB_TEXT_H

#include <stddef.h>

#include "buf.h"
#include "db.h"

/* Appends sql with args in place to out; ends the text there (no ';'). Returns the number
 * of marks found (a count other than nargs means the call was wrong), or -1 when out of
 * memory. */
long db_text_inline(buf *out, const char *sql, const db_arg *args, size_t nargs);

#endif
