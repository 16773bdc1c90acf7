/* survey.h: what every part of 满意度调查 shares: a survey with its questions as stored,
 * whether it is open, who it is for (its audience of households), the Chinese names of
 * the codes, and the personal link token (/form/survey?t=TOKEN) that names a survey and a
 * household and expires when the survey closes. */
#ifndef WUYE_SURVEY_H
#define WUYE_SURVEY_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/session.h"

typedef struct survey_question {
    long long id;
    int position;
    const char *type; /* rating, nps, single, multiple, short, long */
    const char *text;
    const char **choices; /* single, multiple: the choices (1-based numbers in answers) */
    size_t choice_count;
    const char *area;      /* a survey_areas code, or "" */
    const char *dimension; /* a survey_dimensions code, or "" */
    bool required;
} survey_question;

typedef struct survey {
    long long id, community_id;
    const char *title, *intro;
    const char *state; /* draft, published */
    long long opens_at, closes_at;
    const char *audience;                /* community, buildings, ticket_households */
    const char *ticket_from, *ticket_to; /* YYYY-MM-DD or "" */
    int target_pct;
    long long copied_from; /* 0: none */
    long long responses;   /* households that answered (responses in force) */
    survey_question *questions;
    size_t question_count;
} survey;

/* Loads survey id of the community with its questions in position order; *found false when
 * there is none (or it is another community's). 0, or a db_status < 0. */
int survey_load(arena *a, long long community_id, long long id, survey *out, bool *found);

/* Published, and now within [opens_at, closes_at). */
bool survey_is_open(const survey *s, long long now);

/* A household of the audience: a unit with at least one person living in it now. */
typedef struct survey_household {
    long long unit_id;
    const char *unit_code;
    const char *building_code;
    const char *building_name;
} survey_household;
/* The survey's audience in building and unit order (zone: the community's, for the dates
 * of ticket_households). 0, or a db_status < 0. */
int survey_audience(arena *a, const survey *s, const char *zone, survey_household **out, size_t *count);
/* Whether unit_id is a household of the audience. 0, or a db_status < 0. */
int survey_in_audience(arena *a, const survey *s, const char *zone, long long unit_id, bool *in);

/* Who a survey asks, as SQL over the unit u: a household that lives there (an occupancy
 * not ended), and in the survey's buildings or among the households that reported in its
 * ticket period, as its audience says. The six are SQL expressions: the audience three
 * times, the survey's id, and the ticket period's bounds in Unix seconds. */
#define SURVEY_AUDIENCE_OF_UNIT(aud1, aud2, id, aud3, from, to)                                              \
    "EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = u.id AND o.until IS NULL) AND "                     \
    "(" aud1 " = 'community' OR (" aud2 " = 'buildings' AND EXISTS (SELECT 1 FROM survey_building sb "       \
    "WHERE sb.survey_id = " id " AND sb.building_id = u.building_id)) OR (" aud3                             \
    " = 'ticket_households' AND EXISTS (SELECT 1 FROM ticket t WHERE t.unit_id = u.id AND t.created_at "     \
    ">= FROM_UNIXTIME(" from ") AND t.created_at < FROM_UNIXTIME(" to "))))"

/* The personal link token of a survey and household, valid until expires (the survey's
 * close), in the arena: "SURVEY.UNIT.EXPIRES.MAC". */
const char *survey_token_make(arena *a, const unsigned char key[SESSION_KEY_BYTES], long long survey_id,
                              long long unit_id, long long expires);
/* Reads a token: 0 with its parts when the MAC is right (whether or not expired), -1 when
 * it is malformed or forged. */
int survey_token_read(const unsigned char key[SESSION_KEY_BYTES], const char *token, long long *survey_id,
                      long long *unit_id, long long *expires);

/* The NULL-terminated codes, and their Chinese names ("" for an unknown code). */
extern const char *const survey_types[];
extern const char *const survey_areas[];
extern const char *const survey_dimensions[];
const char *survey_type_name(const char *type);
const char *survey_area_name(const char *area);
const char *survey_dimension_name(const char *dimension);

#endif
