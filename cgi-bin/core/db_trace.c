/* db_trace.c: the statement trace of WUYE_SQL_TRACE (db_trace.h). */
#include "db_trace.h"

#include <stdio.h>
#include <stdlib.h>

#include "db_text.h"

void db_trace(const db_stmt *st, const db_arg *args, size_t nargs) {
    static int checked;
    static const char *path;
    if (!checked) {
        checked = 1;
        path = getenv("WUYE_SQL_TRACE");
    }
    if (!path || !path[0])
        return;
    FILE *f = fopen(path, "a");
    if (!f)
        return;
    /* The statement keeps to one line: its own line breaks become spaces (those of its
     * values are escaped already). */
    buf text;
    buf_init(&text);
    if (db_text_inline(&text, st->sql, args, nargs) >= 0) {
        for (size_t i = 0; i < text.len; i++)
            if (text.data[i] == '\n')
                text.data[i] = ' ';
        fprintf(f, "%s\t%s", st->name, text.data);
    }
    buf_free(&text);
    fputc('\n', f);
    fclose(f);
}
