/* renovation_form.c: the shared application form of the decoration pages (renovation_form.h). */
#include "renovation_form.h"

#include <string.h>

#include "../core/clock.h"
#include "settlement.h"

const char *const renovation_form_yes[] = {"1", NULL};

/* The ticked values of a repeated field as SET text "a,b". */
static const char *set_text(arena *a, const field_value *v) {
    const char *out = "";
    for (size_t i = 0; v->more && !v->error && i < v->nmore; i++)
        out = *out ? arena_printf(a, "%s,%s", out, v->more[i]->value) : v->more[i]->value;
    return out;
}

int renovation_form_read(page_ctx *ctx, renovation_form *out) {
    form *p = &ctx->post;
    *out = (renovation_form){0};
    bool counter = form_declares(p, "unit_code");
    out->unit_code = counter ? form_text(p, "unit_code") : "";
    out->applicant_name = counter ? form_text(p, "applicant_name") : "";
    out->applicant_phone = counter ? form_text(p, "applicant_phone") : "";
    out->company = form_text(p, "company");
    out->foreman = form_text(p, "foreman");
    out->foreman_phone = form_text(p, "foreman_phone");
    out->planned_start = form_get(p, "planned_start")->error ? "" : form_text(p, "planned_start");
    out->planned_end = form_get(p, "planned_end")->error ? "" : form_text(p, "planned_end");
    out->scope = set_text(ctx->arena, form_get(p, "scope"));
    out->description = form_text(p, "description");
    out->no_structural = form_get(p, "no_structural")->present && !form_get(p, "no_structural")->error;
    out->workers = form_get(p, "workers")->error ? 0 : (int)form_int(p, "workers");
    for (const char *const *k = renovation_file_kinds; *k; k++) {
        const field_value *v = form_get(p, *k);
        for (size_t i = 0; v->more && !v->error && i < v->nmore; i++) {
            if (out->file_count == RENOVATION_MAX_FILES) {
                form_set_error(p, *k, "每个申请最多 5 个附件");
                break;
            }
            out->files[out->file_count++] = (renovation_upload){*k, v->more[i]};
        }
    }
    renovation_problem problems[16];
    size_t n = renovation_form_check(
        ctx->arena, out, settlement_today(ctx->arena, ctx->now, ctx->user.community_zone), problems, 16);
    for (size_t i = 0; i < n; i++) {
        /* A validator's message says it first (e.g. 请填写计划开工日期). */
        if (!form_get(p, problems[i].field)->error)
            form_set_error(p, problems[i].field, problems[i].message);
    }
    return p->errors;
}

void renovation_form_fill(page_ctx *ctx, view *f, const renovation *c) {
    view_set(f, "CSRF", ctx->csrf);
    view_set(f, "TODAY", settlement_today(ctx->arena, ctx->now, ctx->user.community_zone));
    const char *scope = "";
    if (ctx->req->method == METHOD_POST) {
        page_form_values(ctx, &ctx->post, f);
        scope = set_text(ctx->arena, form_get(&ctx->post, "scope"));
        if (form_get(&ctx->post, "no_structural")->present)
            view_show(f, "NO_STRUCTURAL_CHECKED");
    } else if (c) {
        view_set(f, "COMPANY", strcmp(c->company, "自行装修") ? c->company : "");
        view_set(f, "FOREMAN", c->foreman);
        view_set(f, "FOREMAN_PHONE", c->foreman_phone);
        view_set(f, "PLANNED_START", c->planned_start);
        view_set(f, "PLANNED_END", c->planned_end);
        view_set(f, "DESCRIPTION", c->description);
        view_set_int(f, "WORKERS", c->workers);
        scope = c->scope;
        if (c->no_structural)
            view_show(f, "NO_STRUCTURAL_CHECKED");
    }
    for (const char *const *s = renovation_scopes; *s; s++) {
        view *o = view_add(f, "SCOPE_OPTION");
        view_set(o, "CODE", *s);
        view_set(o, "NAME", renovation_scope_name(*s));
        size_t n = strlen(*s);
        for (const char *p = scope; *p;) {
            size_t m = strcspn(p, ",");
            if (m == n && !strncmp(p, *s, n))
                view_show(o, "CHECKED");
            p += m + (p[m] == ',');
        }
    }
}

int renovation_form_refused(page_ctx *ctx, int status, const renovation_refusal *why,
                            const char *fallback_field, int (*render)(page_ctx *ctx)) {
    if (status < 0)
        return page_db_error(ctx, (db_status)status);
    if (status != 422)
        return page_error(ctx, status, why->message);
    form_set_error(&ctx->post, form_declares(&ctx->post, why->field) ? why->field : fallback_field,
                   why->message ? why->message : "请检查填写的内容");
    ctx->resp->status = 422;
    return render(ctx);
}

int renovation_form_steps(page_ctx *ctx, view *v, const renovation *c) {
    renovation_step_row *steps = NULL;
    size_t n = 0;
    int s = renovation_steps(ctx->arena, c->id, &steps, &n);
    if (s)
        return s;
    const renovation_step_row *last = NULL;
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(v, "STEP");
        view_set(row, "ACTION", steps[i].action);
        view_set(row, "ACTION_NAME", renovation_action_name(steps[i].action));
        view_set(row, "WHO", steps[i].who);
        view_set(row, "BY", steps[i].by_staff ? "物业" : "业主");
        view_set(row, "AT",
                 clock_format(ctx->arena, steps[i].at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
        if (*steps[i].note)
            view_set(view_add(row, "NOTE"), "TEXT", steps[i].note);
        if (*steps[i].checklist)
            view_set(view_add(row, "CHECKLIST"), "TEXT",
                     renovation_set_names(ctx->arena, steps[i].checklist, renovation_checklist_name));
        if (!strcmp(steps[i].action, "return") || !strcmp(steps[i].action, "refuse"))
            last = &steps[i];
    }
    if (last && (!strcmp(c->state, "returned") || !strcmp(c->state, "refused"))) {
        view *r = view_add(v, "LAST_REASON");
        view_set(r, "KIND", last->action);
        view_set(r, "HEADING",
                 !strcmp(last->action, "return") ? "退回原因（请补充后重新提交）" : "不予批准的原因");
        view_set(r, "NOTE", last->note);
        view_set(r, "AT", clock_format(ctx->arena, last->at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    }
    return 0;
}

int renovation_form_files(page_ctx *ctx, view *v, const renovation *c, const char *file_page) {
    renovation_file_row *files = NULL;
    size_t n = 0;
    int r = renovation_files(ctx->arena, c->id, &files, &n);
    if (r)
        return r;
    for (size_t i = 0; i < n; i++) {
        view *row = view_add(v, "FILE");
        view_set_int(row, "ID", files[i].id);
        view_set(row, "URL", arena_printf(ctx->arena, "%s?id=%lld", file_page, files[i].id));
        view_set(row, "NAME", files[i].original_name);
        view_set(row, "KIND", files[i].kind);
        view_set(row, "KIND_NAME", renovation_file_kind_name(files[i].kind));
        view_set(row, "SIZE", arena_printf(ctx->arena, "%.1f KB", files[i].size_bytes / 1024.0));
    }
    view_set_int(v, "FILE_COUNT", (long long)n);
    if (!n)
        view_show(v, "NO_FILES");
    return 0;
}

void renovation_form_facts(page_ctx *ctx, view *v, const renovation *c) {
    view_set_int(v, "ID", c->id);
    view_set_int(v, "VERSION", c->version);
    view_set(v, "UNIT_CODE", c->unit_code);
    view_set(v, "STATE", c->state);
    view_set(v, "STATE_NAME", renovation_state_name(c->state));
    view_set(v, "SOURCE_NAME", !strcmp(c->source, "portal") ? "业主网上申请" : "服务中心代办");
    view_set(v, "APPLICANT_NAME", c->applicant_name);
    view_set(v, "APPLICANT_PHONE", c->applicant_phone);
    view_set(v, "COMPANY", c->company);
    view_set(v, "FOREMAN", c->foreman);
    view_set(v, "FOREMAN_PHONE", c->foreman_phone);
    view_set(v, "PLANNED_START", c->planned_start);
    view_set(v, "PLANNED_END", c->planned_end);
    view_set(v, "SCOPE", renovation_set_names(ctx->arena, c->scope, renovation_scope_name));
    view_set(v, "DESCRIPTION", *c->description ? c->description : "（未填写）");
    view_set_int(v, "WORKERS", c->workers);
    view_set(v, "PERMIT_NO", *c->permit_no ? c->permit_no : "未发证");
    view_set(v, "CREATED_AT",
             clock_format(ctx->arena, c->created_at, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    if (c->no_structural)
        view_show(v, "NO_STRUCTURAL");
}
