/* request.h: one HTTP request, copied out of the CGI/FastCGI environment into an
 * arena so nothing points into the environment once the request is parsed. */
#ifndef WUYE_REQUEST_H
#define WUYE_REQUEST_H
#include "arena.h"
#include "form.h"
#include <stdbool.h>
#include <stddef.h>

typedef enum { METHOD_GET, METHOD_HEAD, METHOD_POST, METHOD_OTHER } http_method;

typedef struct request {
    http_method method;
    const char *method_name;  /* as sent, for the log */
    const char *path;         /* DOCUMENT_URI, or SCRIPT_NAME + PATH_INFO; never NULL */
    const char *query_string; /* raw, never NULL */
    const char *remote_addr;  /* never NULL */
    const char *host;         /* HTTP_HOST, NULL if absent */
    const char *origin;       /* HTTP_ORIGIN, NULL if absent */
    const char *content_type; /* NULL if absent */
    const char *user_agent;   /* NULL if absent */
    bool https;               /* HTTPS=on, or REQUEST_SCHEME=https */
    long long content_length; /* -1 when absent */
    param_list query;         /* decoded query string */
    param_list body;          /* decoded urlencoded or multipart body (POST only) */
    param_list cookies;
} request;

/* Reads an environment variable of the current request; NULL when unset. */
typedef const char *(*request_env_fn)(void *ctx, const char *name);
/* Reads up to n body bytes into dst: the count read, 0 at end of input, -1 on error. */
typedef long (*request_read_fn)(void *ctx, char *dst, size_t n);

/* Fills req from the environment and, for POST, the body (at most body_max bytes).
 * Returns 0, or the HTTP status to answer with (400 malformed or short body, 411 no
 * length on a POST, 413 too large, 415 unsupported body type), with *why set to a
 * message in Chinese for the error page. */
int request_parse(request *req, arena *a, request_env_fn env, void *env_ctx, request_read_fn read_body,
                  void *read_ctx, size_t body_max, const char **why);
/* The value of the cookie named name, or NULL. */
const char *request_cookie(const request *req, const char *name);

#endif
