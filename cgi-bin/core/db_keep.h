/* db_keep.h: the answers of statements marked DB_KEEP (db.h), kept by a page process from
 * one request to the next while their community's data version stays the same.
 *
 * The version comes with the session row (page_user.data_version), and triggers raise it
 * with every change to a row any page shows (schema/0020_data_version.sql); db.c keeps and
 * serves an answer only while the request has not written (db_write_count() has not moved
 * since the version was read): a kept answer is never older than the session row read at
 * the start of the request, and a request never misses its own change.
 *
 * A statement may be marked DB_KEEP only when everything it reads belongs to the request's
 * own community (or to the tables whose changes raise every community's version), its SQL
 * calls nothing that changes by itself (NOW(), RAND(), CONNECTION_ID(), variables), and the
 * values it is run with are all that its answer depends on: a time is passed as a value.
 *
 * This file is the store alone: answers by key, with the community and version they were
 * read at, least recently used dropped first when over the byte budget. */
#ifndef WUYE_DB_KEEP_H
#define WUYE_DB_KEEP_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "db.h"

/* The most the store holds, in bytes of answers and keys (each entry's own bookkeeping
 * included); an answer over a quarter of it is not kept. */
#define DB_KEEP_BUDGET (512 * 1024)

/* Copies the answer kept under key, when it was read in community at version, into
 * *rows (cells in a). True when found; a kept answer of another version is dropped. */
bool db_keep_find(long long community, long long version, const void *key, size_t key_len, arena *a,
                  db_rows *rows);
/* Keeps a copy of rows under key, read in community at version (replacing an older
 * answer under the same key). Quietly keeps nothing when out of memory or too large. */
void db_keep_put(long long community, long long version, const void *key, size_t key_len,
                 const db_rows *rows);
/* Bytes held now, and how many answers. */
size_t db_keep_bytes(void);
size_t db_keep_count(void);
/* Drops everything (tests; a process that exits need not). */
void db_keep_clear(void);

#endif
