/* ticket_form.c: the checks the two new-ticket pages share (see ticket_form.h). */
#include "ticket_form.h"

#include <string.h>

const param *ticket_form_photos(const field_value *photo, ticket_draft *d) {
    if (!photo->present || photo->error)
        return NULL;
    for (size_t i = 0; i < photo->nmore && d->photo_count < TICKET_MAX_PHOTOS; i++) {
        const param *p = photo->more[i];
        if (!ticket_photo_type(p->value, p->len))
            return p;
        d->photos[d->photo_count++] = (ticket_photo_upload){.data = p->value, .len = p->len};
    }
    return NULL;
}

const ticket_category *ticket_form_category(const ticket_category *cats, size_t count, const char *kind,
                                            const char *code) {
    for (size_t i = 0; kind && code && i < count; i++)
        if (!strcmp(cats[i].kind, kind) && !strcmp(cats[i].code, code))
            return &cats[i];
    return NULL;
}
