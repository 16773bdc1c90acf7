/* db_trace.h: every statement a program runs, with its values in place, appended to the
 * file named by the environment variable WUYE_SQL_TRACE (unset: nothing is written). For
 * tools, not for production: tests/bench/plans.mjs runs each benchmarked page once as
 * plain CGI with it and EXPLAINs what the page really ran. Values are written as SQL
 * literals (text quoted and escaped), one statement per line: NAME, a tab, the SQL. */
#ifndef WUYE_DB_TRACE_H
#define WUYE_DB_TRACE_H

#include "db.h"

void db_trace(const db_stmt *st, const db_arg *args, size_t nargs);

#endif
