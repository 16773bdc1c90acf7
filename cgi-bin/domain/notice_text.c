/* notice_text.c: a notice's plain-text body as HTML. Every character is escaped; the only
 * markup added is ours: <p> per paragraph (blank lines part them), <br> per line break,
 * and <a href> around addresses that start with http:// or https://. */
#include <string.h>

#include "../core/buf.h"
#include "notice.h"

static void put_escaped(buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&':
            buf_puts(b, "&amp;");
            break;
        case '<':
            buf_puts(b, "&lt;");
            break;
        case '>':
            buf_puts(b, "&gt;");
            break;
        case '"':
            buf_puts(b, "&quot;");
            break;
        case '\'':
            buf_puts(b, "&#39;");
            break;
        default:
            buf_append(b, s + i, 1);
        }
    }
}

/* Characters an address may hold here: printable ASCII but quotes, angle brackets and
 * backslash. A Chinese character or a space ends it. */
static bool url_char(char c) {
    return c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '\\' && c != '`';
}

/* The length of the http(s) address at s (at most n bytes), or 0 when none starts there.
 * Punctuation that ends a sentence is not part of it. */
static size_t url_length(const char *s, size_t n) {
    size_t scheme = n >= 8 && !strncmp(s, "https://", 8) ? 8 : n >= 7 && !strncmp(s, "http://", 7) ? 7 : 0;
    if (!scheme)
        return 0;
    size_t len = scheme;
    while (len < n && url_char(s[len]))
        len++;
    while (len > scheme && strchr(".,;:!?)]}", s[len - 1]))
        len--;
    return len > scheme ? len : 0;
}

/* One line of a paragraph with its addresses as links. */
static void put_line(buf *b, const char *s, size_t n) {
    size_t plain = 0;
    for (size_t i = 0; i < n;) {
        /* "xhttp://" is not an address; "(http://" and "见http://" are. */
        char before = i ? s[i - 1] : ' ';
        bool word = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                    (before >= '0' && before <= '9');
        size_t len = word ? 0 : url_length(s + i, n - i);
        if (!len) {
            i++;
            continue;
        }
        put_escaped(b, s + plain, i - plain);
        buf_puts(b, "<a href=\"");
        put_escaped(b, s + i, len);
        buf_puts(b, "\" rel=\"noopener noreferrer nofollow\">");
        put_escaped(b, s + i, len);
        buf_puts(b, "</a>");
        i += len;
        plain = i;
    }
    put_escaped(b, s + plain, n - plain);
}

static bool blank_line(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

const char *notice_body_html(arena *a, const char *text) {
    buf b;
    buf_init(&b);
    bool open = false;
    for (const char *p = text ? text : ""; *p;) {
        size_t n = strcspn(p, "\n");
        size_t shown = n && p[n - 1] == '\r' ? n - 1 : n;
        if (blank_line(p, n)) {
            if (open)
                buf_puts(&b, "</p>\n");
            open = false;
        } else {
            buf_puts(&b, open ? "<br>\n" : "<p>");
            open = true;
            put_line(&b, p, shown);
        }
        p += n + (p[n] == '\n');
    }
    if (open)
        buf_puts(&b, "</p>\n");
    const char *out = arena_strdup(a, b.data ? b.data : "");
    buf_free(&b);
    return out;
}
