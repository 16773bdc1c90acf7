/* fuzz_form.c: libFuzzer target for percent-decoding, urlencoded pairs, the Cookie
 * header, the multipart boundary parameter, UTF-8 checks and field validation. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/field.h"
#include "../../cgi-bin/core/form.h"
#include "../../cgi-bin/core/utf8.h"

/* Every field kind, so each validator sees whatever the parser lets through. */
static const char *const choices[] = {"a", "报修", NULL};
static const field fields[] = {
    {.name = "t", .kind = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 20, .label = "文本"},
    {.name = "m", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE | FIELD_REPEATED, .max = 50, .max_count = 3},
    {.name = "i", .kind = FIELD_INT, .min = -1000, .max = 1000, .label = "整数"},
    {.name = "e", .kind = FIELD_ENUM, .choices = choices, .label = "选项"},
    {.name = "p", .kind = FIELD_PHONE, .label = "电话"},
    {.name = "dt", .kind = FIELD_DATETIME, .label = "时间"},
    {.name = "d", .kind = FIELD_DATE, .label = "日期"},
    {.name = "u", .kind = FIELD_UNIT_CODE, .label = "房号"},
    {.name = "f", .kind = FIELD_FILE, .max = 100, .label = "文件"},
    {0},
};

/* Checks what every parsed list promises: NUL-terminated values with no NUL inside. */
static void check_list(const param_list *l) {
    for (size_t i = 0; i < l->count; i++) {
        const param *p = &l->items[i];
        if (p->name == NULL || p->value == NULL || p->value[p->len] != '\0' || strlen(p->value) != p->len ||
            p->filename != NULL || p->content_type != NULL) {
            abort();
        }
        if (param_find(l, p->name) == NULL) {
            abort();
        }
    }
}

static void check_form(arena *a, const param_list *l) {
    form f;
    int errors = form_validate(&f, a, fields, l);
    if (errors < 0) {
        return;
    }
    int counted = 0;
    for (size_t i = 0; i < f.count; i++) {
        const field_value *v = &f.values[i];
        counted += v->error != NULL;
        if (v->text == NULL || strlen(v->text) != v->len) {
            abort();
        }
        /* A value that passed a text validator is valid UTF-8. */
        if (v->error == NULL && v->present && fields[i].kind != FIELD_FILE && !utf8_valid(v->text, v->len)) {
            abort();
        }
    }
    if (counted != errors) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static arena *a;
    if (a == NULL) {
        a = arena_new();
        if (a == NULL) {
            abort();
        }
    }
    const char *s = (const char *)data;

    for (int plus = 0; plus <= 1; plus++) {
        char *out;
        size_t len;
        if (form_decode(a, s, size, plus, &out, &len) == 0) {
            if (len > size || out[len] != '\0' || memchr(out, '\0', len) != NULL) {
                abort();
            }
        }
    }

    param_list l;
    if (form_parse_urlencoded(a, s, size, &l) == 0) {
        check_list(&l);
        check_form(a, &l);
    }

    /* Headers arrive as C strings: cut at the first NUL as the environment would. */
    char *header = malloc(size + 1);
    if (header == NULL) {
        abort();
    }
    memcpy(header, data, size);
    header[size] = '\0';
    if (form_parse_cookies(a, header, &l) == 0) {
        check_list(&l);
    }
    const char *boundary = form_multipart_boundary(a, header);
    if (boundary != NULL) {
        size_t n = strlen(boundary);
        if (n < 1 || n > 70 || !utf8_valid(boundary, n)) {
            abort();
        }
    }
    free(header);

    if (utf8_valid(s, size) && utf8_count(s, size) > size) {
        abort();
    }
    arena_reset(a);
    return 0;
}
