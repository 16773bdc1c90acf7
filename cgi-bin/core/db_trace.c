/* db_trace.c: the statement trace of WUYE_SQL_TRACE (db_trace.h). */
#include "db_trace.h"

#include <stdio.h>
#include <stdlib.h>

/* A text value as an SQL literal: quoted, with quotes, backslashes and line breaks
 * escaped so the statement stays on its line. */
static void put_text(FILE *f, const char *s, size_t len) {
    fputc('\'', f);
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\'' || c == '\\')
            fputc('\\', f), fputc(c, f);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\r')
            fputs("\\r", f);
        else if (c == '\0')
            fputs("\\0", f);
        else
            fputc(c, f);
    }
    fputc('\'', f);
}

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
    fprintf(f, "%s\t", st->name);
    size_t n = 0;
    char quote = 0;
    for (const char *p = st->sql; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
        } else if (*p == '?' && n < nargs) {
            const db_arg *a = &args[n++];
            if (a->type == DB_ARG_INT)
                fprintf(f, "%lld", a->i);
            else if (a->type == DB_ARG_TEXT)
                put_text(f, a->s, a->len);
            else
                fputs("NULL", f);
            continue;
        }
        fputc(*p == '\n' ? ' ' : *p, f);
    }
    fputc('\n', f);
    fclose(f);
}
