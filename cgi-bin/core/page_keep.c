/* page_keep.c: kept page bodies (see page_keep.h). A body is kept as one row of three
 * cells: its title, the second it holds until ("0" for PAGE_KEEP_DATA_ONLY), its text. */
#include "page_keep.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* The template that puts a kept text in the body's place, unescaped: the text is the
 * expansion of an auto-escaped body template. */
#define RAW_TEMPLATE "layout/raw.tpl"
#define COLUMNS 3

static uint64_t mix(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* Adds each file's stamp under the folder fd (closed here) to *sum; depth bounds the walk. */
static void stamp_folder(int fd, const char *path, int depth, uint64_t *sum) {
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, 0) != 0)
            continue;
        char sub[512];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        if (S_ISDIR(st.st_mode)) {
            int child = depth > 0 ? openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
            if (child >= 0)
                stamp_folder(child, sub, depth - 1, sum);
            continue;
        }
        /* Summed, so the order readdir gives does not matter. */
        uint64_t h = mix(14695981039346656037ull, sub, strlen(sub));
        h = mix(h, &st.st_mtim.tv_sec, sizeof st.st_mtim.tv_sec);
        h = mix(h, &st.st_mtim.tv_nsec, sizeof st.st_mtim.tv_nsec);
        h = mix(h, &st.st_size, sizeof st.st_size);
        *sum += h;
    }
    closedir(d);
}

unsigned long long page_keep_stamp(const char *dir) {
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    uint64_t sum = 1;
    stamp_folder(fd, "", 4, &sum);
    return sum;
}

/* The request's key in a buffer the process reuses; NULL when it could not be made. */
static const buf *body_key(const page_ctx *ctx, bool per_user) {
    static buf key;
    buf_reset(&key);
    unsigned long long stamp = ctx->config->template_reload ? page_keep_stamp(ctx->config->template_dir) : 0;
    const char *roles = ctx->user.roles ? ctx->user.roles : "";
    long long user = per_user ? ctx->user.id : 0;
    int failed = buf_append(&key, ctx->page->name, strlen(ctx->page->name) + 1) ||
                 buf_append(&key, ctx->req->query_string, strlen(ctx->req->query_string) + 1) ||
                 buf_append(&key, &ctx->user.kind, 1) || buf_append(&key, roles, strlen(roles) + 1) ||
                 buf_append(&key, &user, sizeof user) || buf_append(&key, &stamp, sizeof stamp);
    return failed ? NULL : &key;
}

int page_kept_body(page_ctx *ctx, bool per_user) {
    const buf *key = body_key(ctx, per_user);
    db_rows r;
    if (!key || !db_kept_find(key->data, key->len, ctx->arena, &r) || r.count != 1 || r.columns != COLUMNS)
        return -1;
    long long until = db_cell_int(&r, 0, 1);
    if (until != PAGE_KEEP_DATA_ONLY && ctx->now >= until)
        return -1;
    view *body = page_body(ctx, RAW_TEMPLATE, db_cell(&r, 0, 0));
    if (!body)
        return 500;
    view_set(body, "HTML", db_cell(&r, 0, 2));
    return 0;
}

void page_keep_body(page_ctx *ctx, bool per_user, long long valid_until) {
    if (!ctx->body || !ctx->body_template || (valid_until != PAGE_KEEP_DATA_ONLY && valid_until <= ctx->now))
        return;
    buf text = {0};
    if (view_expand(ctx->body_template, ctx->body, &text) != 0 || !text.data) {
        buf_free(&text); /* the layout's expansion fails the same way and says so */
        return;
    }
    /* A token of this session in the body (a form's): it is this request's alone. */
    const buf *key = ctx->csrf && strstr(text.data, ctx->csrf) ? NULL : body_key(ctx, per_user);
    if (key) {
        char until[24];
        snprintf(until, sizeof until, "%lld", valid_until);
        char *cells[COLUMNS] = {(char *)ctx->title, until, text.data};
        db_rows r = {.count = 1, .columns = COLUMNS, .cells = cells};
        db_kept_put(key->data, key->len, &r);
    }
    view_set_file(ctx->body, RAW_TEMPLATE);
    view_set(ctx->body, "HTML", text.data);
    buf_free(&text);
}
