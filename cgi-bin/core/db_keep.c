/* db_keep.c: kept statement answers, by key, least recently used dropped first. Each
 * answer is one block: the entry, its key, each cell's offset in the text that follows
 * (NO_CELL for SQL NULL), and the text of all cells, each NUL-terminated. */
#include "db_keep.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BUCKETS 256
#define NO_CELL SIZE_MAX

typedef struct entry {
    struct entry *next_in_bucket;
    struct entry *newer, *older; /* the use order */
    uint64_t hash;
    long long community, version;
    size_t bytes; /* of the whole block */
    size_t key_len;
    size_t count, columns;
    size_t text_len;
    /* then: key bytes, count * columns offsets (size_t), text */
} entry;

static entry *buckets[BUCKETS];
static entry *newest, *oldest;
static size_t held_bytes, held_count;

static uint64_t hash_of(long long community, const void *key, size_t len) {
    uint64_t h = 1469598103934665603ull;
    const unsigned char *p = key;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return (h ^ (uint64_t)community) * 1099511628211ull;
}

static size_t offsets_at(const entry *e) {
    size_t at = sizeof *e + e->key_len;
    return (at + sizeof(size_t) - 1) / sizeof(size_t) * sizeof(size_t);
}

static const unsigned char *key_of(const entry *e) {
    return (const unsigned char *)e + sizeof *e;
}

static size_t *offsets_of(entry *e) {
    return (size_t *)((char *)e + offsets_at(e));
}

static char *text_of(entry *e) {
    return (char *)offsets_of(e) + e->count * e->columns * sizeof(size_t);
}

static void unlink_use(entry *e) {
    if (e->newer)
        e->newer->older = e->older;
    else
        newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        oldest = e->newer;
    e->newer = e->older = NULL;
}

static void link_newest(entry *e) {
    e->older = newest;
    e->newer = NULL;
    if (newest)
        newest->newer = e;
    newest = e;
    if (!oldest)
        oldest = e;
}

static void drop(entry *e) {
    entry **at = &buckets[e->hash % BUCKETS];
    while (*at && *at != e)
        at = &(*at)->next_in_bucket;
    if (*at)
        *at = e->next_in_bucket;
    unlink_use(e);
    held_bytes -= e->bytes;
    held_count--;
    free(e);
}

static entry *lookup(uint64_t hash, long long community, const void *key, size_t key_len) {
    for (entry *e = buckets[hash % BUCKETS]; e; e = e->next_in_bucket)
        if (e->hash == hash && e->community == community && e->key_len == key_len &&
            memcmp(key_of(e), key, key_len) == 0)
            return e;
    return NULL;
}

bool db_keep_find(long long community, long long version, const void *key, size_t key_len, arena *a,
                  db_rows *rows) {
    entry *e = lookup(hash_of(community, key, key_len), community, key, key_len);
    if (!e)
        return false;
    if (e->version != version) {
        drop(e);
        return false;
    }
    size_t cells = e->count * e->columns;
    char **out = cells ? arena_alloc(a, cells * sizeof *out) : NULL;
    char *text = e->text_len ? arena_alloc(a, e->text_len) : NULL;
    if ((cells && !out) || (e->text_len && !text))
        return false;
    if (text)
        memcpy(text, text_of(e), e->text_len);
    const size_t *offsets = offsets_of(e);
    for (size_t i = 0; i < cells; i++)
        out[i] = offsets[i] == NO_CELL ? NULL : text + offsets[i];
    memset(rows, 0, sizeof *rows);
    rows->count = e->count;
    rows->columns = e->columns;
    rows->cells = out;
    unlink_use(e);
    link_newest(e);
    return true;
}

void db_keep_put(long long community, long long version, const void *key, size_t key_len,
                 const db_rows *rows) {
    uint64_t hash = hash_of(community, key, key_len);
    entry *old = lookup(hash, community, key, key_len);
    if (old)
        drop(old);
    size_t cells = rows->count * rows->columns;
    size_t text_len = 0;
    for (size_t i = 0; i < cells; i++)
        if (rows->cells[i])
            text_len += strlen(rows->cells[i]) + 1;
    entry probe = {.key_len = key_len, .count = rows->count, .columns = rows->columns};
    size_t bytes = offsets_at(&probe) + cells * sizeof(size_t) + text_len;
    if (bytes > DB_KEEP_BUDGET / 4)
        return;
    while (oldest && held_bytes + bytes > DB_KEEP_BUDGET)
        drop(oldest);
    entry *e = malloc(bytes);
    if (!e)
        return;
    *e = probe;
    e->hash = hash;
    e->community = community;
    e->version = version;
    e->bytes = bytes;
    e->text_len = text_len;
    memcpy((unsigned char *)e + sizeof *e, key, key_len);
    size_t *offsets = offsets_of(e);
    char *text = text_of(e);
    size_t at = 0;
    for (size_t i = 0; i < cells; i++) {
        if (!rows->cells[i]) {
            offsets[i] = NO_CELL;
            continue;
        }
        size_t n = strlen(rows->cells[i]) + 1;
        memcpy(text + at, rows->cells[i], n);
        offsets[i] = at;
        at += n;
    }
    e->next_in_bucket = buckets[hash % BUCKETS];
    buckets[hash % BUCKETS] = e;
    link_newest(e);
    held_bytes += bytes;
    held_count++;
}

size_t db_keep_bytes(void) {
    return held_bytes;
}

size_t db_keep_count(void) {
    return held_count;
}

void db_keep_clear(void) {
    while (oldest)
        drop(oldest);
}
