/* ticket_gram.c: splitting a description into character bigrams and recording them for
 * the office's text search (ticket_list.c reads them). */
#include "ticket_gram.h"

#include <string.h>

#include "../core/buf.h"
#include "../core/db.h"

/* The length in bytes of the UTF-8 character at s (1 for a stray byte). */
static size_t char_length(const unsigned char *s) {
    size_t n = *s < 0x80             ? 1
               : (*s & 0xe0) == 0xc0 ? 2
               : (*s & 0xf0) == 0xe0 ? 3
               : (*s & 0xf8) == 0xf0 ? 4
                                     : 1;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 1;
    return n;
}

/* Copies the character of n bytes at s to out, an ASCII capital lowercased. */
static size_t copy_char(char *out, const char *s, size_t n) {
    memcpy(out, s, n);
    if (n == 1 && out[0] >= 'A' && out[0] <= 'Z')
        out[0] = (char)(out[0] - 'A' + 'a');
    return n;
}

/* FNV-1a of a gram's text. */
static size_t gram_hash(const char *s) {
    size_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

int ticket_gram_split(arena *a, const char *text, ticket_gram **grams, size_t *count) {
    *grams = NULL;
    *count = 0;
    size_t len = strlen(text);
    if (len < 2)
        return 0;
    /* At most one gram per byte: allocate for the worst case. */
    ticket_gram *out = arena_alloc(a, len * sizeof *out);
    /* The grams seen so far, by hash (index + 1; 0 free): a description of 2,000
     * characters compared each gram with every earlier one, in the POST's transaction. */
    size_t slots = 16;
    while (slots < 2 * len)
        slots *= 2;
    size_t *seen = arena_alloc(a, slots * sizeof *seen);
    if (!out || !seen)
        return -1;
    size_t n = 0;
    const char *p = text;
    size_t first = char_length((const unsigned char *)p);
    while (p[first]) {
        size_t second = char_length((const unsigned char *)p + first);
        ticket_gram g;
        size_t used = copy_char(g.text, p, first);
        used += copy_char(g.text + used, p + first, second);
        g.text[used] = '\0';
        size_t h = gram_hash(g.text) & (slots - 1);
        while (seen[h] && strcmp(out[seen[h] - 1].text, g.text))
            h = (h + 1) & (slots - 1);
        if (!seen[h]) {
            out[n++] = g;
            seen[h] = n;
        }
        p += first;
        first = second;
    }
    *grams = n ? out : NULL;
    *count = n;
    return 0;
}

/* The grams as a JSON array of strings, for JSON_TABLE. */
static const char *grams_json(arena *a, const ticket_gram *grams, size_t count) {
    buf b;
    buf_init(&b);
    buf_puts(&b, "[");
    for (size_t i = 0; i < count; i++) {
        buf_puts(&b, i ? ",\"" : "\"");
        for (const unsigned char *c = (const unsigned char *)grams[i].text; *c; c++) {
            if (*c == '"' || *c == '\\')
                buf_printf(&b, "\\%c", *c);
            else if (*c < 0x20)
                buf_printf(&b, "\\u%04x", *c);
            else
                buf_append(&b, c, 1);
        }
        buf_puts(&b, "\"");
    }
    buf_puts(&b, "]");
    const char *json = b.data ? arena_strdup(a, b.data) : NULL;
    buf_free(&b);
    return json;
}

int ticket_gram_write(arena *a, long long community_id, long long ticket_id, const char *description) {
    /* One statement for all the grams: a list of them in JSON, split by the server. */
    static db_stmt st =
        DB_STMT("ticket_gram_write", "INSERT IGNORE INTO ticket_gram (community_id, gram, ticket_id) "
                                     "SELECT ?, j.gram, ? FROM JSON_TABLE(?, '$[*]' COLUMNS (gram VARCHAR(2) "
                                     "CHARACTER SET utf8mb4 PATH '$')) j");
    ticket_gram *grams;
    size_t count;
    if (ticket_gram_split(a, description, &grams, &count))
        return DB_ERROR;
    if (!count)
        return DB_OK;
    const char *json = grams_json(a, grams, count);
    if (!json)
        return DB_ERROR;
    db_arg args[3] = {DB_INT(community_id), DB_INT(ticket_id), DB_TEXT(json)};
    return db_exec(&st, args, 3, a, NULL);
}
