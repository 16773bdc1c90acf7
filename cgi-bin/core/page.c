/* page.c: the loop every page program runs, in the fixed order of DESIGN.md: accept,
 * parse, method, validate, authenticate, CSRF, handler, render, log, free. */
#include "page.h"

#include <openssl/rand.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../domain/auth.h"
#include "b64.h"
#include "csrf.h"
#include "fcgi_io.h"
#include "log.h"
#include "page_layout.h"
#include "refcache.h"
#include "roles.h"

/* A cookie that is refreshed at most this often, so idle time is measured to the minute. */
#define SESSION_REFRESH_SECONDS 60

static const field no_fields[] = {{0}};

static const char *cookie_name(char kind) {
    return kind == ACCOUNT_STAFF ? COOKIE_STAFF : COOKIE_RESIDENT;
}

static const char *cookie_path(char kind) {
    return kind == ACCOUNT_STAFF ? "/office" : "/portal";
}

static const char *login_path(char kind) {
    return kind == ACCOUNT_STAFF ? "/office/login" : "/portal/login";
}

static long long idle_limit(const page_ctx *ctx, char kind) {
    return kind == ACCOUNT_STAFF ? ctx->config->staff_idle_seconds : ctx->config->resident_idle_seconds;
}

static const char *default_message(int status) {
    switch (status) {
    case 400:
        return "请求格式不正确，请返回上一页重新操作。";
    case 403:
        return "您没有权限进行此操作。";
    case 404:
        return "您要找的页面或记录不存在。";
    case 405:
        return "此页面不支持这种请求方式。";
    case 409:
        return "记录已被他人修改，请刷新后再试。";
    case 411:
        return "请求缺少内容长度。";
    case 413:
        return "提交的内容超过上限，请减小附件后重试。";
    case 415:
        return "不支持的提交格式。";
    case 422:
        return "提交的内容有误，请修改后重试。";
    case 429:
        return "操作过于频繁，请稍后再试。";
    case 503:
        return "系统暂时无法访问数据库，请稍后再试。";
    default:
        return "系统出现错误，请稍后再试；如仍有问题请联系物业服务中心。";
    }
}

bool page_has_role(const page_ctx *ctx, const char *role) {
    return ctx->signed_in && ctx->user.kind == ACCOUNT_STAFF && roles_has(ctx->user.roles, role);
}

int page_error(page_ctx *ctx, int status, const char *message) {
    ctx->error_message = message;
    return status;
}

int page_retry_later(page_ctx *ctx, long wait_seconds, const char *why, const char *then) {
    char retry[32];
    snprintf(retry, sizeof retry, "%ld", wait_seconds);
    response_header(ctx->resp, "Retry-After", retry);
    return page_error(
        ctx, 429, arena_printf(ctx->arena, "%s请在 %ld 分钟后再试%s", why, (wait_seconds + 59) / 60, then));
}

int page_db_error(page_ctx *ctx, db_status status) {
    if (status == DB_DEADLOCK)
        return page_error(ctx, 503, "系统繁忙，请稍后重试。");
    return page_error(ctx, status == DB_UNAVAILABLE ? 503 : 500, NULL);
}

int page_redirect(page_ctx *ctx, const char *location) {
    return response_redirect(ctx->resp, location) == 0 ? 0 : 500;
}

void page_form_values(page_ctx *ctx, const form *f, view *d) {
    for (size_t i = 0; i < f->count; i++) {
        const field *fd = &f->fields[i];
        const field_value *fv = &f->values[i];
        char key[80];
        size_t n = strlen(fd->name);
        if (n + 7 > sizeof key)
            continue;
        for (size_t j = 0; j <= n; j++)
            key[j] = (char)((fd->name[j] >= 'a' && fd->name[j] <= 'z') ? fd->name[j] - 32 : fd->name[j]);
        if (!(fd->flags & FIELD_SECRET) && fd->kind != FIELD_FILE)
            view_set(d, key, fv->text ? fv->text : "");
        if (fv->error) {
            strcat(key, "_ERROR");
            view_set(view_add(d, key), "MESSAGE", fv->error);
        }
    }
    (void)ctx;
}

int page_sign_in(page_ctx *ctx, char kind, long long user_id, long long community_id, long long epoch) {
    session s = {
        .kind = kind,
        .user_id = user_id,
        .community_id = community_id,
        .issued = ctx->now,
        .expires =
            ctx->now + (kind == ACCOUNT_STAFF ? ctx->config->staff_max_age : ctx->config->resident_max_age),
        .epoch = epoch,
        .seen = ctx->now,
    };
    char value[SESSION_COOKIE_MAX];
    if (session_encode(&s, ctx->config->key, value, sizeof value) != 0)
        return -1;
    /* The request log names who just signed in. */
    ctx->user.kind = kind;
    ctx->user.id = user_id;
    return response_cookie(ctx->resp, cookie_name(kind), value, cookie_path(kind), -1, ctx->req->https);
}

void page_sign_out(page_ctx *ctx) {
    char kind = page_area_kind(ctx->page);
    response_cookie(ctx->resp, cookie_name(kind), "", cookie_path(kind), 0, ctx->req->https);
    ctx->signed_in = false;
}

/* Reads and checks the session cookie of the page's area; on success fills ctx->user.
 * Returns 0, or a status for a database failure. */
static int authenticate(page_ctx *ctx) {
    char kind = page_area_kind(ctx->page);
    refcache_note(0, -1);
    db_keep_note(0, -1);
    if (!kind)
        return 0;
    const char *value = request_cookie(ctx->req, cookie_name(kind));
    if (!value)
        return 0;
    session s;
    bool valid = false;
    if (session_decode(value, ctx->config->key, ctx->now, idle_limit(ctx, kind), &s) == SESSION_OK &&
        s.kind == kind) {
        db_status st = auth_session_user(ctx->arena, &s, &ctx->user, &valid);
        if (st != DB_OK)
            return page_db_error(ctx, st);
    }
    if (!valid) {
        /* Tampered, expired, idle or revoked: forget it, as if logged out. */
        response_cookie(ctx->resp, cookie_name(kind), "", cookie_path(kind), 0, ctx->req->https);
        return 0;
    }
    ctx->session = s;
    ctx->signed_in = true;
    /* Lists kept from earlier requests serve until the request writes (core/refcache.h). */
    refcache_note(ctx->user.community_id, ctx->user.ref_version);
    /* So are the answers of kept statements (core/db_keep.h). */
    db_keep_note(ctx->user.community_id, ctx->user.data_version);
    if (ctx->now - s.seen >= SESSION_REFRESH_SECONDS) {
        s.seen = ctx->now;
        char fresh[SESSION_COOKIE_MAX];
        if (session_encode(&s, ctx->config->key, fresh, sizeof fresh) == 0)
            response_cookie(ctx->resp, cookie_name(kind), fresh, cookie_path(kind), -1, ctx->req->https);
    }
    return 0;
}

/* The value a form token is bound to: the link token of a tokenised form (its query
 * parameter t, which the page itself verifies), the session, or the pre-session cookie of
 * a login form (created here when the browser has none). */
static const char *csrf_binding(page_ctx *ctx, bool create) {
    if (ctx->page->flags & PAGE_TOKEN_FORM) {
        const param *t = param_find(&ctx->req->query, "t");
        return t && t->value[0] ? arena_printf(ctx->arena, "tok:%s", t->value) : NULL;
    }
    if (!(ctx->page->flags & PAGE_LOGIN_FORM) && ctx->signed_in)
        return arena_printf(ctx->arena, "%c:%lld:%lld", ctx->session.kind, ctx->session.user_id,
                            ctx->session.issued);
    if (!(ctx->page->flags & PAGE_LOGIN_FORM))
        return NULL;
    const char *pre = request_cookie(ctx->req, COOKIE_PRESESSION);
    if (pre && strlen(pre) == 22) {
        ctx->presession = pre;
    } else if (create) {
        unsigned char random[16];
        char *text = arena_alloc(ctx->arena, 32);
        if (!text || RAND_bytes(random, sizeof random) != 1)
            return NULL;
        b64_encode(random, sizeof random, text);
        response_cookie(ctx->resp, COOKIE_PRESESSION, text, "/", -1, ctx->req->https);
        ctx->presession = text;
    } else {
        return NULL;
    }
    return arena_printf(ctx->arena, "pre:%s", ctx->presession);
}

/* Origin and token of a POST. 0, or 403. */
static int check_csrf(page_ctx *ctx) {
    if (!csrf_origin_ok(ctx->req->origin, ctx->req->host, ctx->req->https))
        return page_error(ctx, 403, "请求来源与本站不符，已拒绝。请从本站页面提交表单。");
    const param *token = param_find(&ctx->req->body, "csrf");
    const char *binding = csrf_binding(ctx, false);
    if (!binding || !token || !csrf_check(ctx->config->key, binding, token->value))
        return page_error(ctx, 403, "表单已过期或无效（可能已退出登录），请刷新页面后重新提交。");
    return 0;
}

/* Replaces whatever the handler built with the error page for status. */
static void render_error(page_ctx *ctx, int status) {
    /* Headers already set stay: a cleared cookie, Retry-After. Only the body is replaced. */
    buf_reset(&ctx->resp->body);
    ctx->resp->status = status;
    if (status == 405)
        response_header(ctx->resp, "Allow",
                        !ctx->page->get   ? "POST"
                        : ctx->page->post ? "GET, HEAD, POST"
                                          : "GET, HEAD");
    view_free(ctx->view);
    ctx->view = view_new();
    const char *message = ctx->error_message ? ctx->error_message : default_message(status);
    char title[64];
    snprintf(title, sizeof title, "%d %s", status, status >= 500 ? "系统错误" : "无法完成请求");
    view *body = page_body(ctx, "layout/error.tpl", title);
    view_set_int(body, "STATUS", status);
    view_set(body, "MESSAGE", message);
    char kind = page_area_kind(ctx->page);
    view_set(body, "HOME",
             ctx->signed_in ? (kind == ACCOUNT_STAFF ? "/office/home" : "/portal/home")
                            : login_path(kind ? kind : ACCOUNT_RESIDENT));
    if (view_expand("layout/page.tpl", ctx->view, &ctx->resp->body) != 0) {
        /* The template itself is broken: a plain page still tells the person something. */
        buf_reset(&ctx->resp->body);
        buf_printf(&ctx->resp->body,
                   "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>%d</title><p>%d "
                   "系统错误，请稍后再试。</p></html>",
                   status, status);
    }
}

/* Everything between parse and send; returns the status to log. */
static int run_handler(page_ctx *ctx) {
    const page *p = ctx->page;
    const char *why = NULL;
    size_t cap = p->body_max ? p->body_max : ctx->config->body_max;
    int status = request_parse(ctx->req, ctx->arena, io_env, NULL, io_read, NULL, cap, &why);
    if (status)
        return page_error(ctx, status, why);
    if (ctx->req->path[0] && strcmp(ctx->req->path + 1, p->name) != 0)
        return 404;
    page_handler handler = ctx->req->method == METHOD_POST                                     ? p->post
                           : ctx->req->method == METHOD_GET || ctx->req->method == METHOD_HEAD ? p->get
                                                                                               : NULL;
    if (!handler)
        return 405;
    if (form_validate(&ctx->query, ctx->arena, p->query_fields ? p->query_fields : no_fields,
                      &ctx->req->query) != 0) {
        for (size_t i = 0; i < ctx->query.count; i++)
            if (ctx->query.values[i].error)
                return page_error(ctx, 400,
                                  arena_printf(ctx->arena, "查询参数“%s”无效：%s", ctx->query.fields[i].label,
                                               ctx->query.values[i].error));
        return 500;
    }
    if ((status = authenticate(ctx)) != 0)
        return status;
    char kind = page_area_kind(p);
    if (p->access != PAGE_PUBLIC && !ctx->signed_in)
        return page_redirect(ctx, login_path(kind));
    if (ctx->req->method == METHOD_POST) {
        if ((status = check_csrf(ctx)) != 0)
            return status;
        if (form_validate(&ctx->post, ctx->arena, p->post_fields ? p->post_fields : no_fields,
                          &ctx->req->body) < 0)
            return 500;
    }
    const char *binding = csrf_binding(ctx, true);
    if (binding) {
        char *token = arena_alloc(ctx->arena, CSRF_TOKEN_LEN + 1);
        if (!token)
            return 500;
        csrf_token(ctx->config->key, binding, token);
        ctx->csrf = token;
    }
    return handler(ctx);
}

/* Serves one request from accept to the log line. */
static void serve(const page *p, const config *cfg, arena *a) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    request req;
    response resp;
    memset(&req, 0, sizeof req);
    req.method_name = "-";
    req.path = "";
    response_init(&resp);
    page_ctx ctx = {
        .page = p, .config = cfg, .arena = a, .req = &req, .resp = &resp, .now = (long long)time(NULL)};
    ctx.view = view_new();
    int status = ctx.view ? run_handler(&ctx) : 500;
    if (db_in_transaction()) {
        log_error("request ended inside a transaction: rolled back");
        db_rollback();
        if (status < 400)
            status = 500;
    }
    if (status >= 400) {
        render_error(&ctx, status);
    } else if (ctx.layout && view_expand("layout/page.tpl", ctx.view, &resp.body) != 0) {
        log_error("template expansion failed");
        render_error(&ctx, 500);
    }
    if (response_send(&resp, req.method == METHOD_HEAD, io_write, NULL) != 0)
        log_error("client went away before the response was sent");
    io_finish();
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    char user[64] = "";
    if (ctx.user.id)
        snprintf(user, sizeof user, "%c%lld", ctx.user.kind, ctx.user.id);
    log_request(p->name, req.method_name, resp.status, user, ms);
    view_free(ctx.view);
    response_free(&resp);
}

/* Keeps the heap a request used for the next one. glibc gives the top of the heap back to
 * the kernel when over 128 KB of it is free, and maps blocks of 128 KB and more apart: a page
 * that builds a few hundred KB then paid, on every request, a brk that shrinks the heap (a
 * TLB flush on every core) and the page faults that grow it again. That was a seventh of all
 * CPU under load on the staff queue (perf, tests/bench). The cost: a process keeps the heap
 * of its largest request, up to the trim threshold. */
static void keep_heap(void) {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
    mallopt(M_TOP_PAD, 1024 * 1024);
#endif
}

int page_main(const page *p) {
    static config cfg;
    keep_heap();
    if (config_load(&cfg) != 0)
        return 1;
    log_open(cfg.log_path);
    log_set_page(p->name);
    if (view_init(cfg.template_dir, cfg.template_reload) != 0) {
        log_error("template folder %s unusable", cfg.template_dir);
        return 1;
    }
    /* A database that is down at start is tried again on each request (503 meanwhile). */
    db_open(&cfg);
    arena *a = arena_new();
    if (!a)
        return 1;
    while (io_accept() == 0) {
        serve(p, &cfg, a);
        arena_reset(a);
    }
    arena_free(a);
    db_close();
    return 0;
}
