/* db_text.c: statements with their values in place (db_text.h). */
#include "db_text.h"

static int put_text(buf *out, const char *s, size_t len) {
    int r = buf_append(out, "'", 1);
    size_t from = 0;
    for (size_t i = 0; r == 0 && i < len; i++) {
        const char *esc = NULL;
        switch (s[i]) {
        case '\'':
            esc = "\\'";
            break;
        case '\\':
            esc = "\\\\";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        case '\0':
            esc = "\\0";
            break;
        default:
            continue;
        }
        r = buf_append(out, s + from, i - from);
        if (r == 0)
            r = buf_puts(out, esc);
        from = i + 1;
    }
    if (r == 0)
        r = buf_append(out, s + from, len - from);
    return r == 0 ? buf_append(out, "'", 1) : r;
}

long db_text_inline(buf *out, const char *sql, const db_arg *args, size_t nargs) {
    long marks = 0;
    char quote = 0;
    const char *from = sql;
    for (const char *p = sql; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
            continue;
        }
        if (*p == '\'' || *p == '"' || *p == '`') {
            quote = *p;
            continue;
        }
        if (*p != '?')
            continue;
        if (buf_append(out, from, (size_t)(p - from)) != 0)
            return -1;
        from = p + 1;
        int r = 0;
        if ((size_t)marks < nargs) {
            const db_arg *a = &args[marks];
            if (a->type == DB_ARG_INT)
                r = buf_printf(out, "%lld", a->i);
            else if (a->type == DB_ARG_TEXT)
                r = put_text(out, a->s, a->len);
            else
                r = buf_puts(out, "NULL");
        } else {
            r = buf_append(out, "?", 1);
        }
        if (r != 0)
            return -1;
        marks++;
    }
    return buf_puts(out, from) == 0 ? marks : -1;
}
