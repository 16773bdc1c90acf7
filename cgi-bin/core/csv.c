/* csv.c: the CSV writer of the exports (office/tickets, office/analysis). */
#include "csv.h"

#include <stdio.h>
#include <string.h>

void csv_begin(csv *w, buf *out) {
    w->out = out;
    w->plain_numbers = false;
    w->in_row = false;
    w->failed = buf_puts(out, "\xEF\xBB\xBF") != 0;
}

/* True for a plain number such as 12, -3, +2, 33.3% or 150.00: a spreadsheet reads it as
 * a number, never as a formula. */
static bool plain_number(const char *s) {
    if (*s == '+' || *s == '-')
        s++;
    if (*s < '0' || *s > '9')
        return false;
    while (*s >= '0' && *s <= '9')
        s++;
    if (*s == '.') {
        if (*++s < '0' || *s > '9')
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (*s == '%')
        s++;
    return *s == '\0';
}

void csv_cell(csv *w, const char *s) {
    if (!s)
        s = "";
    int rc = buf_puts(w->out, w->in_row ? ",\"" : "\"");
    if (s[0] && strchr("=+-@\t\r", s[0]) && !(w->plain_numbers && plain_number(s)))
        rc |= buf_puts(w->out, "'");
    for (const char *p = s; *p; p++)
        rc |= *p == '"' ? buf_puts(w->out, "\"\"") : buf_append(w->out, p, 1);
    rc |= buf_puts(w->out, "\"");
    w->in_row = true;
    if (rc)
        w->failed = true;
}

void csv_end_row(csv *w) {
    if (buf_puts(w->out, "\r\n") != 0)
        w->failed = true;
    w->in_row = false;
}

void csv_row(csv *w, const char *const *cells, size_t n) {
    for (size_t i = 0; i < n; i++)
        csv_cell(w, cells[i]);
    csv_end_row(w);
}

int csv_status(const csv *w) {
    return w->failed ? -1 : 0;
}

int csv_response_headers(response *r, const char *filename) {
    char disposition[300];
    int n = snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", filename);
    if (n < 0 || (size_t)n >= sizeof disposition || strchr(filename, '"'))
        return -1;
    if (response_header(r, "Content-Type", "text/csv; charset=utf-8") != 0)
        return -1;
    return response_header(r, "Content-Disposition", disposition);
}
