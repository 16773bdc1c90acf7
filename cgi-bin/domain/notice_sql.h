/* notice_sql.h: what the notice*.c files share inside the domain: the columns every query of
 * a notice selects (read by notice_fill_row), the units of its audience, and the rule of
 * what a household sees. Not for pages. */
#ifndef WUYE_NOTICE_SQL_H
#define WUYE_NOTICE_SQL_H
#include "notice.h"

/* Columns 0..12 of notice_fill_row; from NOTICE_FROM. */
#define NOTICE_COLUMNS                                                                                       \
    "n.id, n.title, n.body, n.importance, n.audience, n.state, COALESCE(UNIX_TIMESTAMP(n.publish_at), 0), "  \
    "COALESCE(UNIX_TIMESTAMP(n.expires_at), 0), s.name, UNIX_TIMESTAMP(n.created_at), "                      \
    "UNIX_TIMESTAMP(n.updated_at), COALESCE((SELECT GROUP_CONCAT(b.code ORDER BY b.code) FROM "              \
    "notice_building nb JOIN building b ON b.id = nb.building_id WHERE nb.notice_id = n.id), ''), "          \
    "COALESCE((SELECT GROUP_CONCAT(b.name ORDER BY b.code SEPARATOR '、') FROM notice_building nb JOIN "    \
    "building b ON b.id = nb.building_id WHERE nb.notice_id = n.id), '')"
#define NOTICE_NCOLUMNS 13
#define NOTICE_FROM "FROM notice n JOIN staff s ON s.id = n.created_by"

/* The households of notice n's audience: units lived in now, in its buildings. */
#define NOTICE_AUDIENCE_UNITS                                                                                \
    "FROM unit u WHERE u.community_id = n.community_id AND EXISTS (SELECT 1 FROM occupancy o WHERE "         \
    "o.unit_id = u.id AND o.until IS NULL) AND (n.audience = 'community' OR EXISTS (SELECT 1 FROM "          \
    "notice_building nb WHERE nb.notice_id = n.id AND nb.building_id = u.building_id))"

/* Notice n is live now (the parameter ?, unix seconds, twice) for account ac's household. */
#define NOTICE_LIVE_FOR_ACCOUNT                                                                              \
    "n.community_id = ac.community_id AND n.state = 'published' AND n.publish_at <= FROM_UNIXTIME(?) AND "   \
    "(n.expires_at IS NULL OR n.expires_at > FROM_UNIXTIME(?)) AND (n.audience = 'community' OR EXISTS "     \
    "(SELECT 1 FROM notice_building nb JOIN unit cu ON cu.building_id = nb.building_id WHERE nb.notice_id "  \
    "= "                                                                                                     \
    "n.id AND cu.id = ac.current_unit_id))"

/* Fills n from row i of a result whose first columns are NOTICE_COLUMNS. */
void notice_fill_row(const db_rows *r, size_t i, notice *n);
/* Loads n's attachments in upload order. 0, or a db_status < 0. */
int notice_load_attachments(arena *a, notice *n);

#endif
