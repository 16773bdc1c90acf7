/* request.c: request_parse copies one request out of the CGI/FastCGI environment into
 * the arena, reads and decodes its body, and refuses what it cannot accept with a status. */
#include "request.h"

#include <limits.h>
#include <string.h>

/* Enough for any page's fields plus a handful of photos; a body with more parts is not
 * something our forms produce. */
#define REQUEST_MAX_PARTS 256

/* A copy of the variable in the arena; NULL when unset or empty. nginx's fastcgi_params
 * passes CONTENT_TYPE and CONTENT_LENGTH as empty strings when the header is absent, so
 * empty has to mean absent. */
static int env_copy(arena *a, request_env_fn env, void *ctx, const char *name, const char **out) {
    const char *v = env(ctx, name);
    if (v == NULL || v[0] == '\0') {
        *out = NULL;
        return 0;
    }
    *out = arena_strdup(a, v);
    return *out == NULL ? -1 : 0;
}

/* Like env_copy, but "" instead of NULL, for the fields the header promises non-NULL. */
static int env_copy_or_empty(arena *a, request_env_fn env, void *ctx, const char *name, const char **out) {
    if (env_copy(a, env, ctx, name, out) != 0) {
        return -1;
    }
    if (*out == NULL) {
        *out = "";
    }
    return 0;
}

/* A whole non-negative decimal, as Content-Length must be (RFC 9110 section 8.6): no
 * sign, no spaces, no hex, no overflow. Returns -1 when it is anything else. */
static long long parse_content_length(const char *s) {
    if (s[0] == '\0') {
        return -1;
    }
    long long v = 0;
    for (const char *p = s; *p != '\0'; p++) {
        if (*p < '0' || *p > '9') {
            return -1;
        }
        int d = *p - '0';
        if (v > (LLONG_MAX - d) / 10) {
            return -1;
        }
        v = v * 10 + d;
    }
    return v;
}

/* ASCII case-insensitive equality of the first n bytes of a with the lowercase b. */
static bool ascii_equal_nocase(const char *a, size_t n, const char *lower) {
    if (strlen(lower) != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != lower[i]) {
            return false;
        }
    }
    return true;
}

/* Is the media type of content_type (before any ';', case-insensitive) equal to type? */
static bool media_type_is(const char *content_type, const char *type) {
    size_t n = strcspn(content_type, ";");
    while (n > 0 && (content_type[n - 1] == ' ' || content_type[n - 1] == '\t')) {
        n--;
    }
    size_t start = strspn(content_type, " \t");
    if (start > n) {
        return false;
    }
    return ascii_equal_nocase(content_type + start, n - start, type);
}

static int request_fail(const char **why, int status, const char *message) {
    if (why != NULL) {
        *why = message;
    }
    return status;
}

static const char *const out_of_memory = "服务器暂时繁忙，请稍后再试";

/* Reads exactly len bytes into body: 0, or -1 on a short read or a read error. */
static int read_exactly(request_read_fn read_body, void *ctx, char *body, size_t len) {
    size_t got = 0;
    while (got < len) {
        long r = read_body(ctx, body + got, len - got);
        if (r <= 0 || (unsigned long)r > len - got) {
            return -1;
        }
        got += (size_t)r;
    }
    body[len] = '\0';
    return 0;
}

int request_parse(request *req, arena *a, request_env_fn env, void *env_ctx, request_read_fn read_body,
                  void *read_ctx, size_t body_max, const char **why) {
    memset(req, 0, sizeof(*req));
    req->content_length = -1;
    if (why != NULL) {
        *why = NULL;
    }

    const char *method, *document_uri, *script_name, *path_info, *cookie_header, *length, *https, *scheme;
    if (env_copy(a, env, env_ctx, "REQUEST_METHOD", &method) != 0 ||
        env_copy(a, env, env_ctx, "DOCUMENT_URI", &document_uri) != 0 ||
        env_copy_or_empty(a, env, env_ctx, "SCRIPT_NAME", &script_name) != 0 ||
        env_copy_or_empty(a, env, env_ctx, "PATH_INFO", &path_info) != 0 ||
        env_copy_or_empty(a, env, env_ctx, "QUERY_STRING", &req->query_string) != 0 ||
        env_copy_or_empty(a, env, env_ctx, "REMOTE_ADDR", &req->remote_addr) != 0 ||
        env_copy(a, env, env_ctx, "HTTP_HOST", &req->host) != 0 ||
        env_copy(a, env, env_ctx, "HTTP_ORIGIN", &req->origin) != 0 ||
        env_copy(a, env, env_ctx, "CONTENT_TYPE", &req->content_type) != 0 ||
        env_copy(a, env, env_ctx, "HTTP_USER_AGENT", &req->user_agent) != 0 ||
        env_copy(a, env, env_ctx, "HTTP_COOKIE", &cookie_header) != 0 ||
        env_copy(a, env, env_ctx, "CONTENT_LENGTH", &length) != 0 ||
        env_copy(a, env, env_ctx, "HTTPS", &https) != 0 ||
        env_copy(a, env, env_ctx, "REQUEST_SCHEME", &scheme) != 0) {
        return request_fail(why, 500, out_of_memory);
    }

    /* CGI requires REQUEST_METHOD; defaulting to GET lets a page run from a shell. */
    req->method_name = method != NULL ? method : "GET";
    if (strcmp(req->method_name, "GET") == 0) {
        req->method = METHOD_GET;
    } else if (strcmp(req->method_name, "HEAD") == 0) {
        req->method = METHOD_HEAD;
    } else if (strcmp(req->method_name, "POST") == 0) {
        req->method = METHOD_POST;
    } else {
        req->method = METHOD_OTHER;
    }

    if (document_uri != NULL) {
        req->path = document_uri;
    } else {
        req->path = arena_printf(a, "%s%s", script_name, path_info);
        if (req->path == NULL) {
            return request_fail(why, 500, out_of_memory);
        }
        if (req->path[0] == '\0') {
            req->path = "/";
        }
    }

    req->https = (https != NULL && ascii_equal_nocase(https, strlen(https), "on")) ||
                 (scheme != NULL && ascii_equal_nocase(scheme, strlen(scheme), "https"));

    if (form_parse_cookies(a, cookie_header, &req->cookies) != 0) {
        return request_fail(why, 500, out_of_memory);
    }
    if (form_parse_urlencoded(a, req->query_string, strlen(req->query_string), &req->query) != 0) {
        return request_fail(why, 400, "网址中的参数格式有误，请检查链接是否完整");
    }

    if (length != NULL) {
        req->content_length = parse_content_length(length);
    }
    if (req->method != METHOD_POST) {
        return 0; /* only POST carries a form here; any other body is left unread */
    }

    if (length == NULL) {
        return request_fail(why, 411, "请求缺少内容长度，请使用浏览器重新提交");
    }
    if (req->content_length < 0) {
        return request_fail(why, 400, "请求的内容长度无效");
    }
    /* Checked before reading anything, so an oversized upload costs us nothing. */
    if ((unsigned long long)req->content_length > (unsigned long long)body_max) {
        return request_fail(why, 413, "请求内容超过上限，请减少附件的数量或大小后重新提交");
    }
    size_t len = (size_t)req->content_length;

    bool urlencoded = false, multipart = false;
    const char *boundary = NULL;
    if (req->content_type == NULL) {
        if (len > 0) {
            return request_fail(why, 415, "不支持的提交内容类型");
        }
    } else if (media_type_is(req->content_type, "application/x-www-form-urlencoded")) {
        urlencoded = true;
    } else if (media_type_is(req->content_type, "multipart/form-data")) {
        multipart = true;
        boundary = form_multipart_boundary(a, req->content_type);
        if (boundary == NULL) {
            return request_fail(why, 400, "提交的表单缺少分隔标记，请重新提交");
        }
    } else {
        return request_fail(why, 415, "不支持的提交内容类型");
    }

    /* len <= body_max, which the configuration keeps far below SIZE_MAX. */
    char *body = arena_alloc(a, len + 1);
    if (body == NULL) {
        return request_fail(why, 500, out_of_memory);
    }
    if (read_exactly(read_body, read_ctx, body, len) != 0) {
        return request_fail(why, 400, "请求内容不完整，请检查网络后重新提交");
    }
    int r = 0;
    if (urlencoded) {
        r = form_parse_urlencoded(a, body, len, &req->body);
    } else if (multipart) {
        r = form_parse_multipart(a, boundary, body, len, REQUEST_MAX_PARTS, &req->body);
    }
    if (r != 0) {
        return request_fail(why, 400, "提交的表单格式有误，请重新提交");
    }
    return 0;
}

const char *request_cookie(const request *req, const char *name) {
    const param *p = param_find(&req->cookies, name);
    return p != NULL ? p->value : NULL;
}
