/* view.h: the C face of the ctemplate shim (view.cc). Dictionaries belong to the
 * request: view_free on the root frees its sections and includes. No C++ exception
 * crosses this boundary. */
#ifndef WUYE_VIEW_H
#define WUYE_VIEW_H
#include "buf.h"
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct view view;

/* Sets the template root folder; reload=true re-reads changed files (development). */
int view_init(const char *root, bool reload);
/* A new root dictionary; NULL on failure. */
view *view_new(void);
/* Sets {{KEY}} to value (copied). */
void view_set(view *v, const char *key, const char *value);
/* Sets {{KEY}} to a decimal integer. */
void view_set_int(view *v, const char *key, long long value);
/* Shows {{#SECTION}} once, with the parent's values. */
void view_show(view *v, const char *section);
/* Adds one repetition of {{#SECTION}}; its own values are set on the result. */
view *view_add(view *v, const char *section);
/* Fills {{>NAME}} with the template file (relative to the root); set values on the result. */
view *view_include(view *v, const char *name, const char *file);
/* Makes an include dictionary (from view_include) fill its place with file instead. */
void view_set_file(view *v, const char *file);
/* Expands template file with v, appending to out. 0, or -1 (missing or broken template). */
int view_expand(const char *file, view *v, buf *out);
/* Frees a root dictionary and everything under it. */
void view_free(view *v);

#ifdef __cplusplus
}
#endif
#endif
