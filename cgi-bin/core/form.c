/* form.c: parsers for percent-encoding, urlencoded pairs, multipart/form-data (RFC 7578
 * over RFC 2046) and the Cookie header. Strict: malformed input is refused, not repaired. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem: linear-time search, so a hostile body cannot make us quadratic */
#endif
#include "form.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* ---- shared helpers ---------------------------------------------------------------- */

static int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t';
}

static bool ascii_equal_nocase(const char *a, size_t n, const char *lower) {
    size_t i = 0;
    for (; i < n && lower[i] != '\0'; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != lower[i]) {
            return false;
        }
    }
    return i == n && lower[i] == '\0';
}

/* Narrows [*s, *s + *n) to exclude leading and trailing spaces and tabs. */
static void trim(const char **s, size_t *n) {
    while (*n > 0 && is_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && is_space((*s)[*n - 1])) {
        (*n)--;
    }
}

/* A growing array of params inside the arena; the old array is simply abandoned on growth,
 * which at most doubles the memory and is freed with the request. */
typedef struct param_vec {
    param *items;
    size_t count;
    size_t cap;
} param_vec;

static param *param_vec_push(arena *a, param_vec *v) {
    if (v->count == v->cap) {
        size_t cap = v->cap == 0 ? 8 : v->cap * 2;
        if (cap > SIZE_MAX / sizeof(param)) {
            return NULL;
        }
        param *items = arena_alloc(a, cap * sizeof(param));
        if (items == NULL) {
            return NULL;
        }
        if (v->count > 0) {
            memcpy(items, v->items, v->count * sizeof(param));
        }
        v->items = items;
        v->cap = cap;
    }
    param *p = &v->items[v->count++];
    memset(p, 0, sizeof(*p));
    return p;
}

/* ---- percent-encoding and urlencoded pairs ------------------------------------------- */

int form_decode(arena *a, const char *s, size_t n, int plus_is_space, char **out, size_t *out_len) {
    if (n == SIZE_MAX) {
        return -1;
    }
    char *dst = arena_alloc(a, n + 1);
    if (dst == NULL) {
        return -1;
    }
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '%') {
            if (n - i < 3) {
                return -1;
            }
            int hi = hex_value((unsigned char)s[i + 1]);
            int lo = hex_value((unsigned char)s[i + 2]);
            if (hi < 0 || lo < 0) {
                return -1;
            }
            c = (unsigned char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        /* A raw or decoded NUL would silently cut the value short wherever it is used as
         * a C string, so refuse it here, once. */
        if (c == '\0') {
            return -1;
        }
        dst[j++] = (char)c;
    }
    dst[j] = '\0';
    *out = dst;
    *out_len = j;
    return 0;
}

/* Room for every pair of a list split at sep, sized in one pass: at most one pair per
 * separator plus one. NULL when out of memory. */
static param *alloc_pairs(arena *a, const char *s, size_t n, char sep) {
    size_t max = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == sep) {
            max++;
        }
    }
    if (max > SIZE_MAX / sizeof(param)) {
        return NULL;
    }
    return arena_alloc(a, max * sizeof(param));
}

int form_parse_urlencoded(arena *a, const char *s, size_t n, param_list *out) {
    out->items = NULL;
    out->count = 0;
    param *items = alloc_pairs(a, s, n, '&');
    if (items == NULL) {
        return -1;
    }
    size_t count = 0;
    size_t start = 0;
    while (start < n) {
        const char *pair = s + start;
        const char *amp = memchr(pair, '&', n - start);
        size_t pair_len = amp != NULL ? (size_t)(amp - pair) : n - start;
        start += pair_len + 1;
        /* "a=1&&b=2" and a trailing '&' are harmless and common in hand-made links. */
        if (pair_len == 0) {
            continue;
        }
        const char *eq = memchr(pair, '=', pair_len);
        size_t name_len = eq != NULL ? (size_t)(eq - pair) : pair_len;
        const char *value = eq != NULL ? eq + 1 : pair + pair_len;
        size_t value_len = eq != NULL ? pair_len - name_len - 1 : 0;
        param *p = &items[count];
        char *name, *decoded;
        size_t len;
        if (form_decode(a, pair, name_len, 1, &name, &len) != 0) {
            return -1;
        }
        if (form_decode(a, value, value_len, 1, &decoded, &len) != 0) {
            return -1;
        }
        p->name = name;
        p->value = decoded;
        p->len = len;
        p->filename = NULL;
        p->content_type = NULL;
        count++;
    }
    out->items = items;
    out->count = count;
    return 0;
}

const param *param_find(const param_list *list, const char *name) {
    if (list == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < list->count; i++) {
        if (strcmp(list->items[i].name, name) == 0) {
            return &list->items[i];
        }
    }
    return NULL;
}

/* ---- header parameters: Content-Type and Content-Disposition ------------------------- */

/* A cursor over "type; name=value; name="quoted value"" header values. */
typedef struct header_cursor {
    const char *s;
    size_t n;
    size_t pos;
} header_cursor;

/* Reads the next ";name=value" parameter. Returns 1 with name/value set, 0 at the end,
 * -1 when malformed. Quoted strings end at the next '"' with no backslash escapes: the
 * HTML standard has browsers percent-encode '"', CR and LF in names and filenames and
 * send backslashes (Windows paths) as they are, so treating '\' as an escape would
 * corrupt real filenames. */
static int header_next_param(header_cursor *c, const char **name, size_t *name_len, const char **value,
                             size_t *value_len) {
    while (c->pos < c->n && is_space(c->s[c->pos])) {
        c->pos++;
    }
    if (c->pos == c->n) {
        return 0;
    }
    if (c->s[c->pos] != ';') {
        return -1;
    }
    c->pos++;
    while (c->pos < c->n && is_space(c->s[c->pos])) {
        c->pos++;
    }
    if (c->pos == c->n) {
        return 0; /* a trailing ';' is tolerated, as every browser-facing server does */
    }
    size_t start = c->pos;
    while (c->pos < c->n && c->s[c->pos] != '=' && c->s[c->pos] != ';' && !is_space(c->s[c->pos]) &&
           c->s[c->pos] != '"') {
        c->pos++;
    }
    *name = c->s + start;
    *name_len = c->pos - start;
    while (c->pos < c->n && is_space(c->s[c->pos])) {
        c->pos++;
    }
    if (*name_len == 0 || c->pos == c->n || c->s[c->pos] != '=') {
        return -1;
    }
    c->pos++;
    while (c->pos < c->n && is_space(c->s[c->pos])) {
        c->pos++;
    }
    if (c->pos < c->n && c->s[c->pos] == '"') {
        c->pos++;
        const char *close = memchr(c->s + c->pos, '"', c->n - c->pos);
        if (close == NULL) {
            return -1;
        }
        *value = c->s + c->pos;
        *value_len = (size_t)(close - *value);
        c->pos = (size_t)(close - c->s) + 1;
    } else {
        start = c->pos;
        while (c->pos < c->n && c->s[c->pos] != ';' && !is_space(c->s[c->pos]) && c->s[c->pos] != '"') {
            c->pos++;
        }
        *value = c->s + start;
        *value_len = c->pos - start;
        if (*value_len == 0) {
            return -1;
        }
    }
    return 1;
}

/* Positions a cursor after the media type or disposition type of a header value,
 * returning that type (trimmed) in *type. */
static header_cursor header_begin(const char *s, size_t n, const char **type, size_t *type_len) {
    header_cursor c = {s, n, 0};
    const char *semi = memchr(s, ';', n);
    c.pos = semi != NULL ? (size_t)(semi - s) : n;
    *type = s;
    *type_len = c.pos;
    trim(type, type_len);
    return c;
}

/* RFC 2046 section 5.1.1: bcharsnospace plus space, which may not end the boundary. */
static bool is_boundary_char(unsigned char c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        return true;
    }
    return strchr("'()+_,-./:=? ", c) != NULL && c != '\0';
}

const char *form_multipart_boundary(arena *a, const char *content_type) {
    if (content_type == NULL) {
        return NULL;
    }
    const char *type;
    size_t type_len;
    header_cursor c = header_begin(content_type, strlen(content_type), &type, &type_len);
    const char *found = NULL;
    size_t found_len = 0;
    for (;;) {
        const char *name, *value;
        size_t name_len, value_len;
        int r = header_next_param(&c, &name, &name_len, &value, &value_len);
        if (r < 0) {
            return NULL;
        }
        if (r == 0) {
            break;
        }
        if (ascii_equal_nocase(name, name_len, "boundary")) {
            if (found != NULL) {
                return NULL; /* two boundaries: no telling which one the sender meant */
            }
            found = value;
            found_len = value_len;
        }
    }
    if (found == NULL || found_len < 1 || found_len > 70 || found[found_len - 1] == ' ') {
        return NULL;
    }
    for (size_t i = 0; i < found_len; i++) {
        if (!is_boundary_char((unsigned char)found[i])) {
            return NULL;
        }
    }
    return arena_strndup(a, found, found_len);
}

/* ---- multipart/form-data ------------------------------------------------------------- */

/* After a delimiter "--boundary": is it the close delimiter ("--"), or an ordinary one
 * followed by optional transport padding and CRLF? Advances *pos past what it read.
 * Returns 1 for close, 0 for ordinary, -1 when malformed. */
static int multipart_after_delimiter(const char *body, size_t n, size_t *pos) {
    size_t p = *pos;
    if (n - p >= 2 && body[p] == '-' && body[p + 1] == '-') {
        *pos = p + 2;
        return 1;
    }
    while (p < n && is_space(body[p])) {
        p++;
    }
    if (n - p < 2 || body[p] != '\r' || body[p + 1] != '\n') {
        return -1;
    }
    *pos = p + 2;
    return 0;
}

/* Parses the header lines of one part, from *pos up to and including the empty line. */
static int multipart_headers(arena *a, const char *body, size_t n, size_t *pos, param *p) {
    bool have_disposition = false;
    size_t at = *pos;
    for (;;) {
        const char *line = body + at;
        const char *crlf = memmem(line, n - at, "\r\n", 2);
        if (crlf == NULL) {
            return -1;
        }
        size_t len = (size_t)(crlf - line);
        at += len + 2;
        if (len == 0) {
            break;
        }
        /* Bare CR or LF, or NUL, inside a header line means a broken or smuggled header. */
        if (memchr(line, '\r', len) != NULL || memchr(line, '\n', len) != NULL ||
            memchr(line, '\0', len) != NULL) {
            return -1;
        }
        const char *colon = memchr(line, ':', len);
        if (colon == NULL || colon == line || is_space(line[0])) {
            return -1; /* includes obsolete line folding, which browsers never send */
        }
        size_t name_len = (size_t)(colon - line);
        const char *value = colon + 1;
        size_t value_len = len - name_len - 1;
        trim(&value, &value_len);
        if (ascii_equal_nocase(line, name_len, "content-disposition")) {
            if (have_disposition) {
                return -1;
            }
            have_disposition = true;
            const char *type;
            size_t type_len;
            header_cursor c = header_begin(value, value_len, &type, &type_len);
            if (!ascii_equal_nocase(type, type_len, "form-data")) {
                return -1;
            }
            for (;;) {
                const char *pname, *pvalue;
                size_t pname_len, pvalue_len;
                int r = header_next_param(&c, &pname, &pname_len, &pvalue, &pvalue_len);
                if (r < 0) {
                    return -1;
                }
                if (r == 0) {
                    break;
                }
                const char **slot = NULL;
                if (ascii_equal_nocase(pname, pname_len, "name")) {
                    slot = &p->name;
                } else if (ascii_equal_nocase(pname, pname_len, "filename")) {
                    slot = &p->filename;
                } else {
                    continue; /* filename* and others: RFC 7578 says senders must not use them */
                }
                if (*slot != NULL) {
                    return -1;
                }
                *slot = arena_strndup(a, pvalue, pvalue_len);
                if (*slot == NULL) {
                    return -1;
                }
            }
        } else if (ascii_equal_nocase(line, name_len, "content-type")) {
            if (p->content_type != NULL || value_len == 0) {
                return -1;
            }
            p->content_type = arena_strndup(a, value, value_len);
            if (p->content_type == NULL) {
                return -1;
            }
        }
        /* Other headers (Content-Transfer-Encoding and the like) carry nothing we use. */
    }
    if (p->name == NULL) {
        return -1; /* RFC 7578 section 4.2: every part names its field */
    }
    *pos = at;
    return 0;
}

int form_parse_multipart(arena *a, const char *boundary, const char *body, size_t n, size_t max_parts,
                         param_list *out) {
    out->items = NULL;
    out->count = 0;
    size_t blen = strlen(boundary);
    if (blen < 1 || blen > 70) {
        return -1;
    }
    /* The delimiter is CRLF "--" boundary; the very first one may start the body. */
    char delim[2 + 2 + 70];
    memcpy(delim, "\r\n--", 4);
    memcpy(delim + 4, boundary, blen);
    size_t dlen = 4 + blen;

    size_t pos;
    if (n >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
        pos = dlen - 2;
    } else {
        /* A preamble before the first delimiter is allowed by RFC 2046 and ignored. */
        const char *first = memmem(body, n, delim, dlen);
        if (first == NULL) {
            return -1;
        }
        pos = (size_t)(first - body) + dlen;
    }

    param_vec v = {NULL, 0, 0};
    for (;;) {
        int r = multipart_after_delimiter(body, n, &pos);
        if (r < 0) {
            return -1;
        }
        if (r == 1) {
            break; /* the close delimiter; anything after it is epilogue */
        }
        if (v.count == max_parts) {
            return -1;
        }
        param *p = param_vec_push(a, &v);
        if (p == NULL) {
            return -1;
        }
        if (multipart_headers(a, body, n, &pos, p) != 0) {
            return -1;
        }
        /* The content runs to the next delimiter; without one the body was cut short. */
        const char *end = memmem(body + pos, n - pos, delim, dlen);
        if (end == NULL) {
            return -1;
        }
        size_t len = (size_t)(end - (body + pos));
        if (p->filename == NULL && memchr(body + pos, '\0', len) != NULL) {
            return -1; /* text fields are strings; only files are binary */
        }
        char *value = arena_strndup(a, body + pos, len);
        if (value == NULL) {
            return -1;
        }
        p->value = value;
        p->len = len;
        pos += len + dlen;
    }
    out->items = v.items;
    out->count = v.count;
    return 0;
}

/* ---- Cookie header ------------------------------------------------------------------- */

static bool cookie_name_ok(const char *s, size_t n) {
    if (n == 0) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= 0x20 || c >= 0x7F || strchr("()<>@,;:\\\"/[]?={}", c) != NULL) {
            return false;
        }
    }
    return true;
}

static bool cookie_value_ok(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F) {
            return false;
        }
    }
    return true;
}

int form_parse_cookies(arena *a, const char *header, param_list *out) {
    out->items = NULL;
    out->count = 0;
    if (header == NULL) {
        return 0;
    }
    size_t n = strlen(header);
    param *items = alloc_pairs(a, header, n, ';');
    if (items == NULL) {
        return -1;
    }
    size_t count = 0;
    size_t start = 0;
    while (start < n) {
        const char *pair = header + start;
        const char *semi = memchr(pair, ';', n - start);
        size_t pair_len = semi != NULL ? (size_t)(semi - pair) : n - start;
        start += pair_len + 1;
        const char *eq = memchr(pair, '=', pair_len);
        if (eq == NULL) {
            continue;
        }
        const char *name = pair;
        size_t name_len = (size_t)(eq - pair);
        const char *value = eq + 1;
        size_t value_len = pair_len - name_len - 1;
        trim(&name, &name_len);
        trim(&value, &value_len);
        /* RFC 6265 allows the value in double quotes; the quotes are not part of it. */
        if (value_len >= 2 && value[0] == '"' && value[value_len - 1] == '"') {
            value++;
            value_len -= 2;
        }
        if (!cookie_name_ok(name, name_len) || !cookie_value_ok(value, value_len)) {
            continue;
        }
        param *p = &items[count];
        p->name = arena_strndup(a, name, name_len);
        p->value = arena_strndup(a, value, value_len);
        if (p->name == NULL || p->value == NULL) {
            return -1;
        }
        p->len = value_len;
        p->filename = NULL;
        p->content_type = NULL;
        count++;
    }
    out->items = items;
    out->count = count;
    return 0;
}
