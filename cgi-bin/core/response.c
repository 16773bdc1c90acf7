/* response.c: status, headers and body of one response, and how they go on the wire
 * (CGI "Status:" form, which FastCGI uses too). Every response carries the security
 * headers; pages cannot forget them. */
#include "response.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char security_headers[] =
    "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n";

void response_init(response *r) {
    memset(r, 0, sizeof *r);
    r->status = 200;
    buf_init(&r->headers);
    buf_init(&r->body);
}

void response_free(response *r) {
    buf_free(&r->headers);
    buf_free(&r->body);
}

static bool header_safe(const char *s) {
    for (; *s; s++)
        if (*s == '\r' || *s == '\n')
            return false;
    return true;
}

int response_header(response *r, const char *name, const char *value) {
    if (!header_safe(name) || !header_safe(value))
        return -1;
    if (!strcasecmp(name, "Content-Type"))
        r->has_content_type = true;
    if (!strcasecmp(name, "Cache-Control"))
        r->has_cache_control = true;
    return buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

int response_cookie(response *r, const char *name, const char *value, const char *path, long max_age,
                    bool secure) {
    char line[768];
    int n = snprintf(line, sizeof line, "%s=%s; Path=%s; HttpOnly; SameSite=Lax%s", name, value, path,
                     secure ? "; Secure" : "");
    if (n < 0 || (size_t)n >= sizeof line)
        return -1;
    if (max_age >= 0) {
        int m = snprintf(line + n, sizeof line - (size_t)n, "; Max-Age=%ld", max_age);
        if (m < 0 || (size_t)(n + m) >= sizeof line)
            return -1;
    }
    return response_header(r, "Set-Cookie", line);
}

int response_redirect(response *r, const char *location) {
    /* Only paths on this site: an absolute URL here would be an open redirect. */
    if (location[0] != '/' || location[1] == '/' || location[1] == '\\')
        return -1;
    r->status = 303;
    buf_reset(&r->body);
    return response_header(r, "Location", location);
}

const char *response_reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

int response_send(response *r, bool head_only, response_write_fn write, void *ctx) {
    buf head;
    buf_init(&head);
    int rc = buf_printf(&head, "Status: %d %s\r\n", r->status, response_reason(r->status));
    rc |= buf_puts(&head, security_headers);
    if (!r->has_content_type)
        rc |= buf_puts(&head, "Content-Type: text/html; charset=utf-8\r\n");
    /* Pages show personal data: no shared cache may keep them. */
    if (!r->has_cache_control)
        rc |= buf_puts(&head, "Cache-Control: no-store\r\n");
    rc |= buf_printf(&head, "Content-Length: %lu\r\n", (unsigned long)r->body.len);
    if (r->headers.len)
        rc |= buf_append(&head, r->headers.data, r->headers.len);
    rc |= buf_puts(&head, "\r\n");
    if (rc == 0)
        rc = write(ctx, head.data, head.len);
    if (rc == 0 && !head_only && r->body.len)
        rc = write(ctx, r->body.data, r->body.len);
    buf_free(&head);
    return rc;
}
