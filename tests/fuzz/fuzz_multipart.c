/* fuzz_multipart.c: libFuzzer target for multipart/form-data bodies, and the field
 * validators over the parts they yield. Input: optional "boundary\n" line, then the body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/field.h"
#include "../../cgi-bin/core/form.h"
#include "../../cgi-bin/core/utf8.h"

static const field fields[] = {
    {.name = "title", .kind = FIELD_TEXT, .flags = FIELD_REQUIRED, .min = 1, .max = 50, .label = "标题"},
    {.name = "note", .kind = FIELD_TEXT, .flags = FIELD_MULTILINE, .max = 500, .label = "说明"},
    {.name = "photo",
     .kind = FIELD_FILE,
     .flags = FIELD_REPEATED,
     .max = 4096,
     .label = "照片",
     .max_count = 3},
    {.name = "doc", .kind = FIELD_FILE, .max = 10, .label = "附件"},
    {0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static arena *a;
    if (a == NULL) {
        a = arena_new();
        if (a == NULL) {
            abort();
        }
    }
    /* A first line of 1..70 bytes without NUL names the boundary; otherwise a fixed one,
     * so the fuzzer can both vary boundaries and find structure quickly. */
    char boundary[71] = "XyZ";
    const char *nl = memchr(data, '\n', size < 71 ? size : 71); /* 70 bytes, then the newline */
    if (nl != NULL && nl > (const char *)data &&
        memchr(data, '\0', (size_t)(nl - (const char *)data)) == NULL) {
        size_t n = (size_t)(nl - (const char *)data);
        memcpy(boundary, data, n);
        boundary[n] = '\0';
        data += n + 1;
        size -= n + 1;
    }

    param_list l;
    if (form_parse_multipart(a, boundary, (const char *)data, size, 8, &l) == 0) {
        if (l.count > 8) {
            abort();
        }
        for (size_t i = 0; i < l.count; i++) {
            const param *p = &l.items[i];
            if (p->name == NULL || p->value == NULL || p->value[p->len] != '\0' || p->len > size) {
                abort();
            }
            /* Text parts are strings; only file parts may carry NUL bytes. */
            if (p->filename == NULL && strlen(p->value) != p->len) {
                abort();
            }
        }
        form f;
        int errors = form_validate(&f, a, fields, &l);
        for (size_t i = 0; errors >= 0 && i < f.count; i++) {
            const field_value *v = &f.values[i];
            if (v->error == NULL && v->present && fields[i].kind == FIELD_TEXT &&
                !utf8_valid(v->text, v->len)) {
                abort();
            }
            if (v->error == NULL && v->present && fields[i].kind == FIELD_FILE &&
                (v->part == NULL || v->part->filename == NULL || v->part->len > (size_t)fields[i].max)) {
                abort();
            }
        }
    }
    arena_reset(a);
    return 0;
}
