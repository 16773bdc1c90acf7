/* refcache.c: lists kept between requests while their community's version holds. */
#include "refcache.h"

#include "db.h"

static long long noted_community;
static long long noted_version = -1;
static unsigned long long noted_writes; /* db_write_count() when the version was read */

void refcache_note(long long community_id, long long version) {
    noted_community = community_id;
    noted_version = community_id > 0 ? version : -1;
    noted_writes = db_write_count();
}

/* The noted version speaks for the lists until the request writes: after that, its own
 * change may be one the version does not count yet. */
static bool usable(long long community_id) {
    return noted_version >= 0 && community_id == noted_community && db_write_count() == noted_writes;
}

static bool current(const refcache_slot *slot, long long community_id) {
    return usable(community_id) && slot->mem && slot->version == noted_version &&
           slot->community_id == community_id;
}

static bool kept(refcache_slot *slot, long long community_id, void *items, size_t *count) {
    if (!current(slot, community_id))
        return false;
    *(void **)items = slot->items;
    *count = slot->count;
    return true;
}

static arena *fill_arena(refcache_slot *slot, long long community_id) {
    if (!usable(community_id))
        return NULL;
    if (!slot->mem && !(slot->mem = arena_new()))
        return NULL;
    arena_reset(slot->mem);
    slot->version = -1;
    return slot->mem;
}

static void keep(refcache_slot *slot, long long community_id, void *items, size_t count) {
    slot->community_id = community_id;
    slot->version = noted_version;
    slot->items = items;
    slot->count = count;
}

int refcache_read(refcache_slot *slot, refcache_reader read, arena *a, long long community_id, void *items,
                  size_t *count) {
    if (kept(slot, community_id, items, count))
        return 0;
    arena *mem = fill_arena(slot, community_id);
    int s = read(mem ? mem : a, community_id, items, count);
    if (s == 0 && mem)
        keep(slot, community_id, *(void **)items, *count);
    return s;
}
