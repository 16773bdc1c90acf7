/* response.h: the response being built for one request: status, headers, body. The
 * security headers are added to every response by response_send. */
#ifndef WUYE_RESPONSE_H
#define WUYE_RESPONSE_H
#include "buf.h"
#include <stdbool.h>

typedef struct response {
    int status;  /* 200 unless set */
    buf headers; /* "Name: value\r\n" lines other than Status and the security set */
    buf body;
    bool has_content_type;
    bool has_cache_control;
} response;

/* Writes n bytes to the client: 0 or -1. */
typedef int (*response_write_fn)(void *ctx, const char *data, size_t n);

/* A fresh 200 response with no headers and an empty body. */
void response_init(response *r);
/* Frees the header and body buffers. */
void response_free(response *r);
/* Adds a header; name and value must not hold CR or LF (refused with -1). */
int response_header(response *r, const char *name, const char *value);
/* Sets a cookie: HttpOnly, SameSite=Lax, Secure when secure. max_age < 0 leaves it a
 * browser-session cookie; 0 deletes it. */
int response_cookie(response *r, const char *name, const char *value, const char *path, long max_age,
                    bool secure);
/* Turns the response into a 303 See Other to location (a path on this site). */
int response_redirect(response *r, const char *location);
/* The reason phrase of a status ("Not Found"). */
const char *response_reason(int status);
/* Sends status, security headers, headers and body (no body for HEAD). 0 or -1. */
int response_send(response *r, bool head_only, response_write_fn write, void *ctx);

#endif
