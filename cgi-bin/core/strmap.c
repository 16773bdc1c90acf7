/* strmap.c: the string map of strmap.h, FNV-1a hashing with linear probing in a table
 * at least twice the expected number of keys, so a probe always ends at an empty slot. */
#include "strmap.h"

#include <stdint.h>
#include <string.h>

int strmap_init(arena *a, strmap *m, size_t expected) {
    size_t size = 64;
    while (size < expected * 2 + 16)
        size *= 2;
    m->slots = arena_alloc(a, size * sizeof *m->slots);
    m->mask = size - 1;
    return m->slots ? 0 : -1;
}

static size_t strmap_hash(const char *key) {
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return (size_t)h;
}

/* The slot of key: the one holding it, or the empty one where it would go. */
static strmap_slot *strmap_slot_of(const strmap *m, const char *key) {
    size_t i = strmap_hash(key) & m->mask;
    while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
        i = (i + 1) & m->mask;
    return &m->slots[i];
}

bool strmap_get(const strmap *m, const char *key, size_t *value) {
    const strmap_slot *s = strmap_slot_of(m, key);
    if (!s->key)
        return false;
    *value = s->value;
    return true;
}

void strmap_put(strmap *m, const char *key, size_t value) {
    strmap_slot *s = strmap_slot_of(m, key);
    if (!s->key) {
        s->key = key;
        s->value = value;
    }
}
