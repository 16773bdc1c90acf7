/* arena.h: per-request memory. Everything a request allocates comes from one arena,
 * freed in one call when the request ends, so a handler never frees by hand. */
#ifndef WUYE_ARENA_H
#define WUYE_ARENA_H
#include <stddef.h>

typedef struct arena arena;

/* A new, empty arena; NULL when out of memory. Free it with arena_free. */
arena *arena_new(void);
/* Zeroed memory of n bytes, aligned for any type, owned by the arena; NULL on failure. */
void *arena_alloc(arena *a, size_t n);
/* A NUL-terminated copy of the first n bytes of s, owned by the arena. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* A NUL-terminated copy of s, owned by the arena. */
char *arena_strdup(arena *a, const char *s);
/* printf into a new string owned by the arena. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Releases everything allocated so far, keeping the arena for the next request. */
void arena_reset(arena *a);
/* Releases the arena and everything allocated in it. NULL is allowed. */
void arena_free(arena *a);

#endif
