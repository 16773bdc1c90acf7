/* strmap.h: a map from strings to indexes (open addressing), sized once for the number
 * of keys expected and allocated in an arena; keys are kept by reference. */
#ifndef WUYE_STRMAP_H
#define WUYE_STRMAP_H
#include "arena.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct strmap_slot {
    const char *key;
    size_t value;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t mask;
} strmap;

/* Makes m empty with room for expected keys (it never grows: do not put more); 0, or
 * -1 when out of memory. The slots belong to a. */
int strmap_init(arena *a, strmap *m, size_t expected);
/* True and *value set when key is in m. */
bool strmap_get(const strmap *m, const char *key, size_t *value);
/* Adds key (kept by reference, so it must outlive m) unless it is there already. */
void strmap_put(strmap *m, const char *key, size_t value);

#endif
