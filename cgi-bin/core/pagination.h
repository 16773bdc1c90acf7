/* pagination.h: the numbers of a paged list for its template: the count, the pages, and
 * the page before and after. The template builds the links itself, so each list keeps its
 * own filters in the query string (escaped with :u). */
#ifndef WUYE_PAGINATION_H
#define WUYE_PAGINATION_H
#include "view.h"

/* Sets TOTAL, PAGE and PAGES (at least 1) in v, and the sections PREV and NEXT, each with
 * NUMBER, when there is a page before page (past the end: the last one) or after it.
 * per_page must be positive. Returns the number of pages, 0 for an empty list. */
long long pagination_fill(view *v, long long page, long long per_page, long long total);

#endif
