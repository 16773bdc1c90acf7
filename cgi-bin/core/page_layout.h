/* page_layout.h: inside the page loop (page.c and page_layout.c only): the area of a page,
 * which its layout, cookies and login follow. page_body (page.h) fills the layout. */
#ifndef WUYE_PAGE_LAYOUT_H
#define WUYE_PAGE_LAYOUT_H
#include "page.h"

/* ACCOUNT_RESIDENT for portal/ pages, ACCOUNT_STAFF for office/ ones, 0 for others. */
char page_area_kind(const page *p);

#endif
