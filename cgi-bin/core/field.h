/* field.h: the declared inputs of a page and their validators. A page lists every
 * field it accepts; undeclared inputs are ignored, and a handler reads only values
 * that passed their validator. */
#ifndef WUYE_FIELD_H
#define WUYE_FIELD_H
#include "arena.h"
#include "form.h"
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    FIELD_TEXT,      /* UTF-8 text, min..max characters; single line unless FIELD_MULTILINE */
    FIELD_INT,       /* decimal integer, whole string, min..max */
    FIELD_ENUM,      /* one of choices */
    FIELD_PHONE,     /* mainland mobile 1[3-9]NNNNNNNNN, or landline digits with - (7..20) */
    FIELD_DATETIME,  /* YYYY-MM-DDTHH:MM, a real calendar time */
    FIELD_DATE,      /* YYYY-MM-DD */
    FIELD_UNIT_CODE, /* building-entrance-room such as 1-1-101 or 3-2-1501 */
    FIELD_FILE,      /* multipart file part; max is the byte cap */
} field_kind;

enum {
    FIELD_REQUIRED = 1u << 0,
    FIELD_MULTILINE = 1u << 1, /* text may hold newlines and tabs */
    FIELD_REPEATED = 1u << 2,  /* several values allowed (max_count) */
    FIELD_SECRET = 1u << 3,    /* never echoed back into a re-rendered form */
};

typedef struct field {
    const char *name;
    field_kind kind;
    unsigned flags;
    long long min, max;         /* INT range; TEXT length in characters; FILE max bytes */
    const char *const *choices; /* ENUM: NULL-terminated list */
    const char *label;          /* Chinese name of the field, for messages */
    int max_count;              /* REPEATED: how many values at most (0 = 1) */
} field;

/* The validated value of one field (or, on error, what was entered). */
typedef struct field_value {
    bool present;     /* sent and non-empty */
    const char *text; /* NUL-terminated; "" when absent */
    size_t len;
    long long number;   /* FIELD_INT */
    const param *part;  /* FIELD_FILE: the multipart part */
    const char *error;  /* NULL when valid, else a message in Chinese */
    const param **more; /* REPEATED: all values, count in nmore */
    size_t nmore;
} field_value;

/* A page's fields with their values after validation. */
typedef struct form {
    const field *fields; /* terminated by an entry with name NULL */
    field_value *values; /* one per field */
    size_t count;
    int errors; /* how many fields failed */
} form;

/* Validates params against the NULL-terminated field table into f, allocating in a.
 * Returns the number of invalid fields (0 when all passed), or -1 out of memory. */
int form_validate(form *f, arena *a, const field *fields, const param_list *params);
/* The value of the field named name; aborts if the page never declared it. */
const field_value *form_get(const form *f, const char *name);
/* Shorthands: the text ("" when absent) and the number (0 when absent). */
const char *form_text(const form *f, const char *name);
long long form_int(const form *f, const char *name);
/* True when the form's page declared a field named name (NULL: false): a domain refusal
 * names fields, and only the page's own can show the message next to the input. */
bool form_declares(const form *f, const char *name);
/* Marks a field invalid after a check the validator cannot make (e.g. wrong password). */
void form_set_error(form *f, const char *name, const char *message);

/* The rules of FIELD_PHONE, FIELD_DATE and FIELD_UNIT_CODE for a value that arrives
 * outside a form (e.g. a cell of an imported file): true when s passes. */
bool field_phone_valid(const char *s);
bool field_date_valid(const char *s);
bool field_unit_code_valid(const char *s);

#endif
