/* refcache.h: lists a page process keeps from one request to the next (a community's
 * ticket categories, departments, staff, buildings) while the community's reference version
 * stays the same. The version comes with the session row (page_user.ref_version), and
 * triggers raise it with every change to what the lists show (schema/0015_ref_version.sql,
 * 0018_ref_building.sql): a kept list is never older than the session row read at the
 * start of the request.
 *
 * A request uses kept lists until it writes (db_write_count() moves): a POST checks its
 * form against lists as current as the session row, like the page that showed the form,
 * and once it has written anything, it reads afresh, so it never misses its own change. */
#ifndef WUYE_REFCACHE_H
#define WUYE_REFCACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* One kept list: its community and version, and the memory it lives in. */
typedef struct refcache_slot {
    arena *mem;
    long long community_id;
    long long version; /* -1: nothing kept */
    void *items;
    size_t count;
} refcache_slot;

/* The request's community and its version (page.c, after the session is read); version
 * -1 when lists may not be kept (no session, a command-line program). */
void refcache_note(long long community_id, long long version);

/* Reads a community's list into *items (an array pointer) and *count. */
typedef int (*refcache_reader)(arena *a, long long community_id, void *items, size_t *count);

/* The list of community: the slot's when it is current, else read (into the slot's own
 * memory when it may be kept, else into a) and kept. Returns what read returned. The items
 * of a kept list belong to the slot: read them, never change them. */
int refcache_read(refcache_slot *slot, refcache_reader read, arena *a, long long community_id, void *items,
                  size_t *count);

#endif
