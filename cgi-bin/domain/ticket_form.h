/* ticket_form.h: what the two new-ticket pages (portal/new-ticket, office/new-ticket)
 * share: the fields of a request and the checks of its photos and category. No SQL and
 * no page context: the pages pass what they validated and loaded. */
#ifndef WUYE_TICKET_FORM_H
#define WUYE_TICKET_FORM_H
#include <stddef.h>

#include "../core/field.h"
#include "ticket.h"

/* The fields of a new request for a page's post_fields table (a comma follows the macro),
 * with the limits the domain keeps (ticket_create). The labels, which the validators'
 * messages quote, are the page's own words for the category, the place, the description
 * and the time. (Not formatted: clang-format folds the last entry of a macro list.) */
/* clang-format off */
#define TICKET_FORM_FIELDS(category_label, place_label, description_label, time_label)                       \
    {.name = "kind", .kind = FIELD_ENUM, .flags = FIELD_REQUIRED, .choices = ticket_kinds, .label = "类型"}, \
    {.name = "category",                                                                                     \
     .kind = FIELD_TEXT,                                                                                     \
     .flags = FIELD_REQUIRED,                                                                                \
     .min = 1,                                                                                               \
     .max = 30,                                                                                              \
     .label = (category_label)},                                                                             \
    {.name = "location",                                                                                     \
     .kind = FIELD_ENUM,                                                                                     \
     .flags = FIELD_REQUIRED,                                                                                \
     .choices = ticket_locations,                                                                            \
     .label = "位置"},                                                                                       \
    {.name = "place", .kind = FIELD_TEXT, .min = 0, .max = 100, .label = (place_label)},                     \
    {.name = "description",                                                                                  \
     .kind = FIELD_TEXT,                                                                                     \
     .flags = FIELD_REQUIRED | FIELD_MULTILINE,                                                              \
     .min = 1,                                                                                               \
     .max = 2000,                                                                                            \
     .label = (description_label)},                                                                          \
    {.name = "phone", .kind = FIELD_PHONE, .label = "联系电话"},                                             \
    {.name = "preferred_time", .kind = FIELD_DATETIME, .label = (time_label)},                               \
    {.name = "photo",                                                                                        \
     .kind = FIELD_FILE,                                                                                     \
     .flags = FIELD_REPEATED,                                                                                \
     .max = TICKET_PHOTO_MAX_BYTES,                                                                          \
     .max_count = TICKET_MAX_PHOTOS,                                                                         \
     .label = "照片"}
/* clang-format on */

/* Copies the photos of the validated field photo into d (up to TICKET_MAX_PHOTOS), each
 * checked by its content. Returns the first part that is not a JPEG, PNG or WebP image,
 * for the page to name in its message (d then holds the ones before it), or NULL. A
 * field that is absent or already invalid adds nothing. */
const param *ticket_form_photos(const field_value *photo, ticket_draft *d);

/* The category of cats with that kind and code, or NULL: what a category select shows
 * as selected and what a resident may choose. */
const ticket_category *ticket_form_category(const ticket_category *cats, size_t count, const char *kind,
                                            const char *code);

#endif
