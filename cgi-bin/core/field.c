/* field.c: form_validate checks a page's declared fields against the request's params,
 * one validator per field kind, with messages in Chinese that say what to fix. */
#include "field.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

static bool is_alnum(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static const char *field_label(const field *fd) {
    return fd->label != NULL ? fd->label : fd->name;
}

/* A value counts as sent when it is non-empty; for files, when a file was chosen (a file
 * input left empty still sends a part with filename="" and no content). */
static bool param_present(const field *fd, const param *p) {
    if (fd->kind == FIELD_FILE && p->filename != NULL) {
        return p->len > 0 || p->filename[0] != '\0';
    }
    return p->len > 0;
}

/* ---- the validators ------------------------------------------------------------------
 * Each returns 0 when the value passes, 1 after setting v->error, -1 when out of memory. */

/* Sets v->error from a format. Out of memory still marks the value invalid, with a
 * message that needs no allocation: a failed allocation must never let a value pass. */
__attribute__((format(printf, 3, 4))) static int fail(arena *a, field_value *v, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    const char *msg = n >= 0 ? arena_strdup(a, tmp) : NULL;
    v->error = msg != NULL ? msg : "输入有误，请检查后重新提交";
    return 1;
}

/* Multiline text arrives with CRLF from browsers; store LF only, and count a line break
 * as one character, as the browser's maxlength does. */
static char *normalize_newlines(arena *a, const char *s, size_t n, size_t *out_len) {
    char *t = arena_alloc(a, n + 1);
    if (t == NULL) {
        return NULL;
    }
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            t[j++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n') {
                i++;
            }
        } else {
            t[j++] = s[i];
        }
    }
    t[j] = '\0';
    *out_len = j;
    return t;
}

static int check_text(arena *a, const field *fd, field_value *v) {
    const char *label = field_label(fd);
    bool multiline = (fd->flags & FIELD_MULTILINE) != 0;
    for (size_t i = 0; i < v->len; i++) {
        unsigned char c = (unsigned char)v->text[i];
        bool allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
        if ((c < 0x20 || c == 0x7F) && !allowed) {
            return multiline ? fail(a, v, "%s含有无效字符", label)
                             : fail(a, v, "%s只能填写一行，且不能含有控制字符", label);
        }
    }
    if (multiline) {
        size_t len;
        char *t = normalize_newlines(a, v->text, v->len, &len);
        if (t == NULL) {
            return -1;
        }
        v->text = t;
        v->len = len;
    }
    long long chars = (long long)utf8_count(v->text, v->len);
    if (chars > fd->max) {
        return fail(a, v, "%s最多 %lld 个字，现在是 %lld 个字", label, fd->max, chars);
    }
    if (chars < fd->min) {
        return fail(a, v, "%s至少 %lld 个字", label, fd->min);
    }
    return 0;
}

static int check_int(arena *a, const field *fd, field_value *v) {
    const char *label = field_label(fd);
    const char *s = v->text;
    size_t i = s[0] == '-' ? 1 : 0;
    if (s[i] == '\0') {
        return fail(a, v, "%s应为整数", label);
    }
    /* strtoll alone would accept spaces, '+', and trailing junk; check the shape first. */
    for (; s[i] != '\0'; i++) {
        if (!is_digit(s[i])) {
            return fail(a, v, "%s应为整数", label);
        }
    }
    errno = 0;
    char *end;
    long long n = strtoll(s, &end, 10);
    if (errno == ERANGE || *end != '\0' || n < fd->min || n > fd->max) {
        return fail(a, v, "%s应在 %lld 到 %lld 之间", label, fd->min, fd->max);
    }
    v->number = n;
    return 0;
}

static int check_enum(arena *a, const field *fd, field_value *v) {
    for (const char *const *c = fd->choices; c != NULL && *c != NULL; c++) {
        if (strcmp(*c, v->text) == 0) {
            return 0;
        }
    }
    return fail(a, v, "请从列表中选择%s", field_label(fd));
}

/* Is the n bytes at s a phone number (FIELD_PHONE)? */
static bool phone_valid(const char *s, size_t n) {
    bool ok;
    if (s[0] == '1') {
        /* No landline number starts with 1 (area codes start with 0, local numbers with
         * 2-9), so anything starting with 1 has to be a whole mobile number. */
        ok = n == 11 && s[1] >= '3' && s[1] <= '9';
        for (size_t i = 2; ok && i < n; i++) {
            ok = is_digit(s[i]);
        }
    } else {
        ok = n >= 7 && n <= 20 && is_digit(s[0]);
        for (size_t i = 1; ok && i < n; i++) {
            ok = is_digit(s[i]) || s[i] == '-';
        }
    }
    return ok;
}

bool field_phone_valid(const char *s) {
    return phone_valid(s, strlen(s));
}

static int check_phone(arena *a, const field *fd, field_value *v) {
    return phone_valid(v->text, v->len)
               ? 0
               : fail(a, v, "%s不是有效的电话号码，请填写 11 位手机号或带区号的固定电话", field_label(fd));
}

/* The value of n digits at s, or -1 if any is not a digit. */
static int digits(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i])) {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Is s (at least 10 bytes) "YYYY-MM-DD", a real day? Years are those MariaDB's DATE and
 * DATETIME can store. */
static bool date_valid(const char *s) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (s[4] != '-' || s[7] != '-') {
        return false;
    }
    int year = digits(s, 4), month = digits(s + 5, 2), day = digits(s + 8, 2);
    if (year < 1000 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= last;
}

bool field_date_valid(const char *s) {
    return strlen(s) == 10 && date_valid(s);
}

static int check_date(arena *a, const field *fd, field_value *v) {
    if (v->len != 10 || !date_valid(v->text)) {
        return fail(a, v, "%s不是有效的日期，格式为 2024-03-01", field_label(fd));
    }
    return 0;
}

/* The format of <input type="datetime-local"> without seconds, which it omits by default. */
static int check_datetime(arena *a, const field *fd, field_value *v) {
    const char *s = v->text;
    bool ok = v->len == 16 && date_valid(s) && s[10] == 'T' && s[13] == ':';
    if (ok) {
        int hour = digits(s + 11, 2), minute = digits(s + 14, 2);
        ok = hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
    }
    return ok ? 0 : fail(a, v, "%s不是有效的日期和时间", field_label(fd));
}

/* Is [s, s+n) made of min..max ASCII letters and digits? */
static bool alnum_run(const char *s, size_t n, size_t min, size_t max) {
    if (n < min || n > max) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_alnum(s[i])) {
            return false;
        }
    }
    return true;
}

/* Is the n bytes at s a unit code (FIELD_UNIT_CODE)? */
static bool unit_code_valid(const char *s, size_t n) {
    const char *end = s + n;
    const char *d1 = memchr(s, '-', n);
    const char *d2 = d1 != NULL ? memchr(d1 + 1, '-', (size_t)(end - d1 - 1)) : NULL;
    return d2 != NULL && alnum_run(s, (size_t)(d1 - s), 1, 4) &&
           alnum_run(d1 + 1, (size_t)(d2 - d1 - 1), 1, 4) && alnum_run(d2 + 1, (size_t)(end - d2 - 1), 1, 6);
}

bool field_unit_code_valid(const char *s) {
    return unit_code_valid(s, strlen(s));
}

static int check_unit_code(arena *a, const field *fd, field_value *v) {
    return unit_code_valid(v->text, v->len)
               ? 0
               : fail(a, v, "%s应为 楼栋-单元-房号，例如 1-1-101", field_label(fd));
}

static int check_file(arena *a, const field *fd, field_value *v, const param *p) {
    const char *label = field_label(fd);
    if (p->filename == NULL) {
        return fail(a, v, "请为%s选择一个文件上传", label);
    }
    long long max = fd->max < 0 ? 0 : fd->max;
    if (p->len > (unsigned long long)max) {
        if (max >= 1024 * 1024 && max % (1024 * 1024) == 0) {
            return fail(a, v, "%s不能超过 %lld MB", label, max / (1024 * 1024));
        }
        if (max >= 1024 && max % 1024 == 0) {
            return fail(a, v, "%s不能超过 %lld KB", label, max / 1024);
        }
        return fail(a, v, "%s不能超过 %lld 字节", label, max);
    }
    v->part = p;
    return 0;
}

/* Checks one present param against the field; 0 valid, 1 invalid, -1 out of memory. */
static int check_value(arena *a, const field *fd, field_value *v, const param *p) {
    if (fd->kind == FIELD_FILE) {
        return check_file(a, fd, v, p);
    }
    if (p->filename != NULL || !utf8_valid(p->value, p->len)) {
        /* Not text: never echo these bytes back into a page. */
        v->text = "";
        v->len = 0;
        return fail(a, v, "%s含有无效字符", field_label(fd));
    }
    switch (fd->kind) {
    case FIELD_TEXT:
        return check_text(a, fd, v);
    case FIELD_INT:
        return check_int(a, fd, v);
    case FIELD_ENUM:
        return check_enum(a, fd, v);
    case FIELD_PHONE:
        return check_phone(a, fd, v);
    case FIELD_DATETIME:
        return check_datetime(a, fd, v);
    case FIELD_DATE:
        return check_date(a, fd, v);
    case FIELD_UNIT_CODE:
        return check_unit_code(a, fd, v);
    case FIELD_FILE:
        break;
    }
    return fail(a, v, "%s无法识别", field_label(fd));
}

/* Validates one field into v. 0, or -1 when out of memory. */
static int validate_field(arena *a, const field *fd, field_value *v, const param_list *params) {
    const char *label = field_label(fd);
    bool repeated = (fd->flags & FIELD_REPEATED) != 0;
    size_t max_count = fd->max_count > 0 ? (size_t)fd->max_count : 1;
    v->text = "";
    const param *first = NULL;
    size_t sent = 0;
    if (repeated) {
        v->more = arena_alloc(a, max_count * sizeof(*v->more));
        if (v->more == NULL) {
            return -1;
        }
    }
    for (size_t i = 0; params != NULL && i < params->count; i++) {
        const param *p = &params->items[i];
        if (strcmp(p->name, fd->name) != 0) {
            continue;
        }
        if (!repeated) {
            /* The first value only: a second copy of a name is a stale or forged field. */
            if (param_present(fd, p)) {
                first = p;
                sent = 1;
            }
            break;
        }
        if (!param_present(fd, p)) {
            continue;
        }
        if (first == NULL) {
            first = p;
        }
        if (sent < max_count) {
            v->more[sent] = p;
        }
        sent++;
    }

    if (first == NULL) {
        v->more = NULL;
        if (fd->flags & FIELD_REQUIRED) {
            const char *verb = fd->kind == FIELD_FILE   ? "请上传"
                               : fd->kind == FIELD_ENUM ? "请选择"
                                                        : "请填写";
            fail(a, v, "%s%s", verb, label);
        }
        return 0;
    }

    v->present = true;
    /* Kept even when invalid, so the form can show what was typed next to the message. */
    if (fd->kind == FIELD_FILE) {
        v->text = first->filename != NULL ? first->filename : "";
        v->len = strlen(v->text);
    } else {
        v->text = first->value;
        v->len = first->len;
    }
    if (repeated) {
        v->nmore = sent < max_count ? sent : max_count;
        if (sent > max_count) {
            fail(a, v, "%s最多 %zu 项", label, max_count);
            return 0;
        }
    }

    int r = check_value(a, fd, v, first);
    /* Every other value must pass too; only the first one's text is kept for the form. */
    for (size_t i = 1; repeated && r == 0 && i < v->nmore; i++) {
        field_value other = {.present = true, .text = v->more[i]->value, .len = v->more[i]->len};
        r = check_value(a, fd, &other, v->more[i]);
        v->error = other.error;
    }
    if (r < 0) {
        return -1;
    }
    if (r > 0) {
        v->number = 0;
        v->part = NULL;
    }
    return 0;
}

int form_validate(form *f, arena *a, const field *fields, const param_list *params) {
    size_t count = 0;
    while (fields[count].name != NULL) {
        count++;
    }
    f->fields = fields;
    f->count = count;
    f->errors = 0;
    f->values = arena_alloc(a, (count > 0 ? count : 1) * sizeof(field_value));
    if (f->values == NULL) {
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        if (validate_field(a, &fields[i], &f->values[i], params) != 0) {
            return -1;
        }
        if (f->values[i].error != NULL) {
            f->errors++;
        }
    }
    return f->errors;
}

/* The index of the field named name; aborts for an undeclared name, which is a bug in
 * the page, not something a request can cause. */
static size_t form_index(const form *f, const char *name) {
    for (size_t i = 0; f->fields != NULL && i < f->count; i++) {
        if (strcmp(f->fields[i].name, name) == 0) {
            return i;
        }
    }
    fprintf(stderr, "wuye: form field \"%s\" was never declared\n", name);
    abort();
}

bool form_declares(const form *f, const char *name) {
    for (size_t i = 0; name != NULL && f->fields != NULL && i < f->count; i++) {
        if (strcmp(f->fields[i].name, name) == 0) {
            return true;
        }
    }
    return false;
}

const field_value *form_get(const form *f, const char *name) {
    return &f->values[form_index(f, name)];
}

const char *form_text(const form *f, const char *name) {
    const field_value *v = form_get(f, name);
    return v->text != NULL ? v->text : "";
}

long long form_int(const form *f, const char *name) {
    return form_get(f, name)->number;
}

void form_set_error(form *f, const char *name, const char *message) {
    field_value *v = &f->values[form_index(f, name)];
    if (v->error == NULL) {
        f->errors++;
    }
    v->error = message;
}
