/* form.h: the wire formats of inputs: percent-encoding, urlencoded bodies and query
 * strings, multipart/form-data bodies and the Cookie header. Pure functions over
 * bytes, fuzzed; they reject malformed input instead of guessing. */
#ifndef WUYE_FORM_H
#define WUYE_FORM_H
#include "arena.h"
#include <stddef.h>

/* One name/value pair from a query, a body or a cookie. value is NUL-terminated and
 * may hold NUL bytes only for file parts (filename != NULL); len is its length. */
typedef struct param {
    const char *name;
    const char *value;
    size_t len;
    const char *filename;     /* multipart file parts only, else NULL */
    const char *content_type; /* multipart parts only, else NULL */
} param;

/* A list of params in arrival order, allocated in an arena. */
typedef struct param_list {
    param *items;
    size_t count;
} param_list;

/* Decodes percent-encoding ('+' as space when plus_is_space) of n bytes into a new
 * string in the arena; *out_len gets its length. Returns 0, or -1 for a bad escape
 * or a decoded NUL byte. */
int form_decode(arena *a, const char *s, size_t n, int plus_is_space, char **out, size_t *out_len);
/* Parses "a=1&b=2" (a query string or an urlencoded body). 0, or -1 when malformed. */
int form_parse_urlencoded(arena *a, const char *s, size_t n, param_list *out);
/* Parses a multipart/form-data body with the given boundary. Text parts may not hold
 * NUL bytes; file parts are binary. At most max_parts parts. 0, or -1 when malformed. */
int form_parse_multipart(arena *a, const char *boundary, const char *body, size_t n, size_t max_parts,
                         param_list *out);
/* Extracts the boundary parameter of a multipart Content-Type header into the arena;
 * NULL when absent or invalid (RFC 2046: 1 to 70 characters). */
const char *form_multipart_boundary(arena *a, const char *content_type);
/* Parses a Cookie header ("a=1; b=2"). Malformed pairs are skipped, as browsers send
 * what other sites set; never fails except out of memory (-1). */
int form_parse_cookies(arena *a, const char *header, param_list *out);
/* The first param named name, or NULL. */
const param *param_find(const param_list *list, const char *name);

#endif
