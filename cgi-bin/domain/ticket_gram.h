/* ticket_gram.h: the character bigrams of ticket descriptions (table ticket_gram), which
 * the office's text search reads instead of scanning a community's descriptions. */
#ifndef WUYE_TICKET_GRAM_H
#define WUYE_TICKET_GRAM_H
#include <stddef.h>

#include "../core/arena.h"

/* A gram: two adjacent characters (UTF-8 code points) of the text, ASCII letters
 * lowercased, everything else (punctuation, spaces, digits) kept as it is: the same
 * grams as SUBSTRING(LOWER(description), n, 2) in schema/0014_ticket_gram.sql. The
 * column has the description's collation, so a lookup equates what LIKE equates. */
#define TICKET_GRAM_MAX 8 /* bytes: two four-byte characters */

typedef struct ticket_gram {
    char text[TICKET_GRAM_MAX + 1]; /* NUL-terminated */
} ticket_gram;

/* The distinct grams of text, in order of first appearance, into an array allocated in a
 * (*grams; NULL when none); the count into *count. A text of fewer than two characters
 * has none. Returns 0, or -1 when out of memory. */
int ticket_gram_split(arena *a, const char *text, ticket_gram **grams, size_t *count);

/* Inside the ticket's transaction: records the grams of description for the ticket.
 * Returns a db_status. */
int ticket_gram_write(arena *a, long long community_id, long long ticket_id, const char *description);

#endif
