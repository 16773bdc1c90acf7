/* upload.h: uploaded files kept on disk under a random name (32 hex digits), each written
 * in full or not at all; the database row that names a file is written by the caller. */
#ifndef WUYE_UPLOAD_H
#define WUYE_UPLOAD_H
#include <stddef.h>

#define UPLOAD_NAME_LEN 32

/* Writes len bytes of data as a new file under dir with a fresh random name, put into
 * name. 0, or -1 (nothing left behind). */
int upload_store(const char *dir, const char *data, size_t len, char name[UPLOAD_NAME_LEN + 1]);
/* Removes the count files of names under dir (a transaction that named them failed). */
void upload_remove(const char *dir, char names[][UPLOAD_NAME_LEN + 1], size_t count);

/* The name an uploaded file is shown by: the last path part of filename when it is
 * clean UTF-8 without control characters and of 1..max_chars characters, else NULL (the
 * caller names it, e.g. 附件N). */
const char *upload_shown_name(const char *filename, size_t max_chars);

#endif
