/* pagination.c: the pager values of the paged lists (office/tickets, office/callbacks,
 * portal/tickets). */
#include "pagination.h"

long long pagination_fill(view *v, long long page, long long per_page, long long total) {
    long long pages = (total + per_page - 1) / per_page;
    long long last = pages ? pages : 1;
    view_set_int(v, "TOTAL", total);
    view_set_int(v, "PAGE", page);
    view_set_int(v, "PAGES", last);
    if (page > 1)
        view_set_int(view_add(v, "PREV"), "NUMBER", page - 1 < last ? page - 1 : last);
    if (page < pages)
        view_set_int(view_add(v, "NEXT"), "NUMBER", page + 1);
    return pages;
}
