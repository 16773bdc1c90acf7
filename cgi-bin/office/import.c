/* office/import.c: /office/import, the CSV import of buildings, units and people (a dry
 * run that lists every row's problems, then the import in one transaction) and
 * export=units, the units with their people as CSV in the same layout. */
#include <openssl/sha.h>
#include <stdio.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/csv.h"
#include "../core/page.h"
#include "../core/utf8.h"
#include "../domain/audit.h"
#include "../domain/import.h"

#define IMPORT_BODY_MAX (8 * 1024 * 1024)
#define FILE_NAME_MAX 100 /* characters of the uploaded file's name kept in the audit log */

static const char *const export_choices[] = {"units", NULL};
static const char *const mode_choices[] = {"dry_run", "import", NULL};
static const char *const yes_choices[] = {"1", NULL};

static const field query_fields[] = {
    {.name = "export", .kind = FIELD_ENUM, .choices = export_choices, .label = "导出"},
    {.name = "imported", .kind = FIELD_INT, .min = 1, .max = 9223372036854775807LL, .label = "导入记录"},
    {0},
};

static const field post_fields[] = {
    {.name = "file",
     .kind = FIELD_FILE,
     .flags = FIELD_REQUIRED,
     .max = IMPORT_BODY_MAX,
     .label = "CSV 文件"},
    {.name = "mode", .kind = FIELD_ENUM, .flags = FIELD_REQUIRED, .choices = mode_choices, .label = "操作"},
    {.name = "create_buildings", .kind = FIELD_ENUM, .choices = yes_choices, .label = "允许新建楼栋"},
    {.name = "checked", .kind = FIELD_TEXT, .min = 0, .max = 64, .label = "检查记录"},
    {0},
};

static bool may_import(const page_ctx *ctx) {
    return page_has_role(ctx, "clerk") || page_has_role(ctx, "manager") || page_has_role(ctx, "admin") ||
           page_has_role(ctx, "supervisor");
}

static bool may_export(const page_ctx *ctx) {
    return page_has_role(ctx, "clerk") || page_has_role(ctx, "manager") || page_has_role(ctx, "admin");
}

/* The SHA-256 of the file in hex: a clean dry run hands it to the import form, so that
 * the import is of the file that was checked. */
static const char *file_digest(arena *a, const param *file) {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256((const unsigned char *)file->value, file->len, md);
    char *hex = arena_alloc(a, 2 * SHA256_DIGEST_LENGTH + 1);
    for (int i = 0; hex && i < SHA256_DIGEST_LENGTH; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    return hex;
}

/* The uploaded file's name for people and the audit log: valid UTF-8, at most
 * FILE_NAME_MAX characters, else a neutral name. */
static const char *file_name(arena *a, const param *file) {
    const char *name = file && file->filename ? file->filename : "";
    size_t n = strlen(name);
    if (!n || !utf8_valid(name, n) || utf8_count(name, n) > FILE_NAME_MAX)
        return "upload.csv";
    return arena_strdup(a, name);
}

static int export_units(page_ctx *ctx) {
    if (!may_export(ctx))
        return page_error(ctx, 403, "导出房屋资料仅对资料管理员、管理处主任和系统管理员开放。");
    import_export_row *rows;
    size_t count;
    db_status s = import_export_units(ctx->arena, ctx->user.community_id, &rows, &count);
    if (s == DB_OK)
        s = audit_record(ctx, "export", "unit", 0, "units.csv");
    if (s != DB_OK)
        return page_db_error(ctx, s);
    csv w;
    csv_begin(&w, &ctx->resp->body);
    w.plain_numbers = true; /* floors such as -1 stay numbers */
    for (const char *p = IMPORT_COLUMNS; *p;) {
        size_t n = strcspn(p, ",");
        csv_cell(&w, arena_strndup(ctx->arena, p, n));
        p += n + (p[n] == ',');
    }
    csv_end_row(&w);
    for (size_t i = 0; i < count; i++)
        csv_row(&w, rows[i].cells, IMPORT_COLUMN_COUNT);
    if (csv_status(&w) != 0 || csv_response_headers(ctx->resp, "units.csv") != 0)
        return 500;
    return 0;
}

/* Renders the page: the upload form, and the report of a check when there is one.
 * Returns the page's dictionary, or NULL on failure. */
static view *render(page_ctx *ctx, const import_report *r, const char *name, const char *digest) {
    view *body = page_body(ctx, "office/import.tpl", "导入导出");
    if (!body)
        return NULL;
    view_set(body, "CSRF", ctx->csrf);
    view_set(body, "COLUMNS", IMPORT_COLUMNS);
    if (may_export(ctx))
        view_show(body, "CAN_EXPORT");
    bool posted = ctx->req->method == METHOD_POST;
    if (posted && form_get(&ctx->post, "create_buildings")->present)
        view_show(body, "CREATE_BUILDINGS_CHECKED");
    if (posted)
        page_form_values(ctx, &ctx->post, body);
    if (!r)
        return body;
    view *report = view_add(body, "REPORT");
    view_set(report, "FILE_NAME", name);
    view_set_int(report, "ROWS", (long long)r->rows);
    view_set(report, "CHECK_SECONDS", arena_printf(ctx->arena, "%.2f", r->check_ms / 1000));
    if (r->problems.total) {
        view *bad = view_add(report, "PROBLEMS");
        view_set_int(bad, "TOTAL", (long long)r->problems.total);
        for (size_t i = 0; i < r->problems.count; i++) {
            const import_problem *p = &r->problems.items[i];
            view *row = view_add(bad, "PROBLEM");
            view_set_int(row, "ROW", (long long)p->row);
            view_set(row, "ROW_TEXT",
                     p->row ? arena_printf(ctx->arena, "第 %lu 行", (unsigned long)p->row) : "整个文件");
            view_set(row, "COLUMN", p->column ? p->column : "");
            view_set(row, "MESSAGE", p->message);
        }
        if (r->problems.total > r->problems.count) {
            view *more = view_add(bad, "MORE");
            view_set_int(more, "HIDDEN", (long long)(r->problems.total - r->problems.count));
        }
        return body;
    }
    view *clean = view_add(report, "CLEAN");
    view_set_int(clean, "NEW_BUILDINGS", (long long)r->new_buildings);
    view_set_int(clean, "NEW_UNITS", (long long)r->new_units);
    view_set_int(clean, "NEW_PEOPLE", (long long)r->new_people);
    view_set_int(clean, "NEW_OCCUPANCIES", (long long)r->new_occupancies);
    view_set_int(clean, "EXISTING_UNITS", (long long)r->existing_units);
    view_set(clean, "CHECKED", digest);
    if (form_get(&ctx->post, "create_buildings")->present)
        view_show(clean, "CREATE_BUILDINGS");
    return body;
}

static int import_get(page_ctx *ctx) {
    if (form_get(&ctx->query, "export")->present)
        return export_units(ctx);
    if (!may_import(ctx))
        return page_error(ctx, 403, "导入房屋资料仅对资料管理员、客服主管、管理处主任和系统管理员开放。");
    long long imported = form_int(&ctx->query, "imported");
    const char *detail = NULL;
    long long at = 0;
    if (imported) {
        db_status s = import_result_load(ctx->arena, ctx->user.community_id, imported, &detail, &at);
        if (s != DB_OK)
            return page_db_error(ctx, s);
        if (!detail)
            return page_error(ctx, 404, "没有这条导入记录。");
    }
    view *body = render(ctx, NULL, NULL, NULL);
    if (!body)
        return 500;
    if (detail) {
        view *done = view_add(body, "RESULT");
        view_set_int(done, "ID", imported);
        view_set(done, "DETAIL", detail);
        view_set(done, "AT", clock_format(ctx->arena, at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    }
    return 0;
}

/* What the audit hook needs. */
typedef struct audit_arg {
    page_ctx *ctx;
    const char *name;
    long long audit_id;
} audit_arg;

static db_status audit_import(void *arg, const import_report *r) {
    audit_arg *x = arg;
    const char *detail = arena_printf(x->ctx->arena, "%s：%s（%lu 行）", x->name,
                                      import_summary(x->ctx->arena, r), (unsigned long)r->rows);
    db_status s = audit_record(x->ctx, "import", "unit", 0, detail);
    if (s == DB_OK)
        s = import_last_insert_id(x->ctx->arena, &x->audit_id);
    return s;
}

static int import_post(page_ctx *ctx) {
    if (!may_import(ctx))
        return page_error(ctx, 403, "导入房屋资料仅对资料管理员、客服主管、管理处主任和系统管理员开放。");
    if (ctx->post.errors) {
        ctx->resp->status = 422;
        return render(ctx, NULL, NULL, NULL) ? 0 : 500;
    }
    const param *file = form_get(&ctx->post, "file")->part;
    const char *name = file_name(ctx->arena, file);
    const char *digest = file_digest(ctx->arena, file);
    bool write = !strcmp(form_text(&ctx->post, "mode"), "import");
    if (!digest)
        return 500;
    if (write && strcmp(form_text(&ctx->post, "checked"), digest) != 0) {
        form_set_error(&ctx->post, "file", "请先用“检查”试导入这个文件，没有问题后再导入");
        ctx->resp->status = 422;
        return render(ctx, NULL, NULL, NULL) ? 0 : 500;
    }
    audit_arg arg = {ctx, name, 0};
    import_options o = {
        .community_id = ctx->user.community_id,
        .create_buildings = form_get(&ctx->post, "create_buildings")->present,
        .write = write,
        .today = clock_format(ctx->arena, ctx->now, ctx->user.community_zone, "%Y-%m-%d"),
        .before_commit = audit_import,
        .arg = &arg,
    };
    import_report r;
    db_status s = import_run(ctx->arena, file->value, file->len, &o, &r);
    if (s != DB_OK)
        return page_db_error(ctx, s);
    if (r.written)
        return page_redirect(ctx, arena_printf(ctx->arena, "/office/import?imported=%lld", arg.audit_id));
    if (r.problems.total)
        ctx->resp->status = 422;
    return render(ctx, &r, name, digest) ? 0 : 500;
}

static const page import_page = {
    .name = "office/import",
    .access = PAGE_STAFF,
    .query_fields = query_fields,
    .post_fields = post_fields,
    .get = import_get,
    .post = import_post,
    .body_max = IMPORT_BODY_MAX,
};

int main(void) {
    return page_main(&import_page);
}
