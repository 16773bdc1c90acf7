/* analysis_compute.c: the monthly figures computed from the month's requests, one row each
 * (analysis_row), in the orders and with the tie-breaks the page has always shown. */
#include "analysis.h"

#include "ticket_flow.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The weight of a space in utf8mb4_unicode_ci, as HEX(WEIGHT_STRING(' ')) writes it. */
#define SPACE_WEIGHT "0209"

/* The length of a key without the weights of trailing spaces. */
static size_t key_length(const char *key) {
    size_t n = strlen(key);
    while (n >= 4 && !memcmp(key + n - 4, SPACE_WEIGHT, 4))
        n -= 4;
    return n;
}

int analysis_key_compare(const char *a, const char *b) {
    size_t na = key_length(a ? a : ""), nb = key_length(b ? b : "");
    int c = memcmp(a ? a : "", b ? b : "", na < nb ? na : nb);
    if (c)
        return c;
    return na < nb ? -1 : na > nb;
}

static int compare_int(long long a, long long b) {
    return a < b ? -1 : a > b;
}

/* --- categories ---------------------------------------------------------------------------- */

/* Rows by kind and category: the groups of the classification. */
static int by_kind_category(const void *pa, const void *pb) {
    const analysis_row *a = *(const analysis_row *const *)pa, *b = *(const analysis_row *const *)pb;
    int c = compare_int(a->kind, b->kind);
    return c ? c : compare_int(a->category_id, b->category_id);
}

/* The classification's order: kind, the category's sort, its code. */
static int category_order(const analysis_row *a, const analysis_row *b) {
    int c = compare_int(a->kind, b->kind);
    if (!c)
        c = compare_int(a->category_sort, b->category_sort);
    if (!c)
        c = analysis_key_compare(a->category_code_key, b->category_code_key);
    return c ? c : compare_int(a->category_id, b->category_id);
}

typedef struct category_group {
    const analysis_row *row; /* the category's fields */
    long long count, previous;
} category_group;

static int by_category_order(const void *pa, const void *pb) {
    return category_order(((const category_group *)pa)->row, ((const category_group *)pb)->row);
}

static const char *kind_code(int kind) {
    return kind >= 1 && kind <= 5 ? ticket_kinds[kind - 1] : "";
}

static bool compute_categories(arena *a, const analysis_row **sorted, size_t count, analysis_month *out) {
    category_group *groups = arena_alloc(a, (count ? count : 1) * sizeof *groups);
    if (!groups)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        if (i == 0 || by_kind_category(&sorted[i - 1], &sorted[i]))
            groups[n++] = (category_group){sorted[i], 0, 0};
        if (sorted[i]->current)
            groups[n - 1].count++;
        else
            groups[n - 1].previous++;
    }
    qsort(groups, n, sizeof *groups, by_category_order);
    out->categories = arena_alloc(a, (n ? n : 1) * sizeof *out->categories);
    if (!out->categories)
        return false;
    for (size_t i = 0; i < n; i++) {
        const analysis_row *r = groups[i].row;
        out->categories[i] = (analysis_category){kind_code(r->kind), r->category_code, r->category_name,
                                                 groups[i].count, groups[i].previous};
        out->total += groups[i].count;
        out->previous_total += groups[i].previous;
    }
    out->category_count = n;
    return true;
}

/* --- promises ------------------------------------------------------------------------------ */

/* One promise of one request. A promise not yet kept is late once its due has passed,
 * unless the request waits on the resident (its clock stands still) or was withdrawn
 * (nothing is owed any more); until then it is pending. */
static void count_clock(analysis_clock *c, long long due, long long done, const char *status, long long now,
                        long long *until) {
    if (!due)
        return;
    bool waiting = status && !strcmp(status, "waiting"), withdrawn = status && !strcmp(status, "withdrawn");
    if (done && done <= due)
        c->met++;
    else if (done)
        c->late++;
    else if (!waiting && !withdrawn && due < now)
        c->late++;
    else if (waiting || (!withdrawn && due >= now)) {
        c->pending++;
        /* Pending until its due has passed: the figures hold until then. */
        if (!waiting && due < *until)
            *until = due;
    }
}

/* --- units and buildings --------------------------------------------------------------------- */

/* Which place a row counts for: its unit, or its unit's building. */
typedef enum { PLACE_UNIT, PLACE_BUILDING } place_kind;

static long long place_id(const analysis_row *r, place_kind k) {
    if (!r->unit_id || !r->unit_code)
        return 0;
    return k == PLACE_UNIT ? r->unit_id : r->building_id;
}

static int by_place_kind_category(const void *pa, const void *pb, place_kind k) {
    const analysis_row *a = *(const analysis_row *const *)pa, *b = *(const analysis_row *const *)pb;
    int c = compare_int(place_id(a, k), place_id(b, k));
    return c ? c : by_kind_category(pa, pb);
}

static int by_unit_kind_category(const void *pa, const void *pb) {
    return by_place_kind_category(pa, pb, PLACE_UNIT);
}

static int by_building_kind_category(const void *pa, const void *pb) {
    return by_place_kind_category(pa, pb, PLACE_BUILDING);
}

/* A place's requests of one category. */
typedef struct place_entry {
    const analysis_row *row;
    long long n;
} place_entry;

/* "水电×2、门窗×1": most first, then in the order of kinds and of the categories' sort and name. */
static int by_entry_order(const void *pa, const void *pb) {
    const place_entry *a = pa, *b = pb;
    int c = compare_int(b->n, a->n);
    if (!c)
        c = compare_int(a->row->kind, b->row->kind);
    if (!c)
        c = compare_int(a->row->category_sort, b->row->category_sort);
    if (!c)
        c = analysis_key_compare(a->row->category_name_key, b->row->category_name_key);
    return c ? c : compare_int(a->row->category_id, b->row->category_id);
}

typedef struct place_group {
    const analysis_row *row; /* the place's fields */
    const char *key;
    long long count;
    place_entry *entries;
    size_t entry_count;
} place_group;

static int by_place_order(const void *pa, const void *pb) {
    const place_group *a = pa, *b = pb;
    int c = compare_int(b->count, a->count);
    return c ? c : analysis_key_compare(a->key, b->key);
}

/* The text of a place's categories, in the arena; NULL when out of memory. */
static const char *entry_text(arena *a, place_entry *entries, size_t n) {
    static const char times[] = "×", separator[] = "、";
    qsort(entries, n, sizeof *entries, by_entry_order);
    size_t length = 1;
    for (size_t i = 0; i < n; i++)
        length += strlen(entries[i].row->category_name) + sizeof times + 24 + sizeof separator;
    char *text = arena_alloc(a, length), *at = text;
    if (!text)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        size_t left = length - (size_t)(at - text);
        int w = snprintf(at, left, "%s%s%s%lld", i ? separator : "", entries[i].row->category_name, times,
                         entries[i].n);
        if (w < 0 || (size_t)w >= left)
            return NULL;
        at += w;
    }
    *at = '\0';
    return text;
}

/* The places of kind k with their requests in the month, most first, at most ANALYSIS_TOP,
 * those with fewer than least requests left out. rows: the month's rows, any order. */
static bool compute_places(arena *a, const analysis_row **rows, size_t count, place_kind k, long long least,
                           analysis_place **places, size_t *place_count) {
    *place_count = 0;
    *places = arena_alloc(a, ANALYSIS_TOP * sizeof **places);
    place_entry *entries = arena_alloc(a, (count ? count : 1) * sizeof *entries);
    place_group *groups = arena_alloc(a, (count ? count : 1) * sizeof *groups);
    if (!*places || !entries || !groups)
        return false;
    qsort(rows, count, sizeof *rows, k == PLACE_UNIT ? by_unit_kind_category : by_building_kind_category);
    size_t n = 0, e = 0;
    for (size_t i = 0; i < count; i++) {
        const analysis_row *r = rows[i];
        long long id = place_id(r, k);
        if (!id)
            continue;
        bool new_place = i == 0 || place_id(rows[i - 1], k) != id;
        if (new_place)
            groups[n++] =
                (place_group){r, k == PLACE_UNIT ? r->unit_key : r->building_key, 0, &entries[e], 0};
        if (new_place || by_kind_category(&rows[i - 1], &rows[i])) {
            entries[e++] = (place_entry){r, 0};
            groups[n - 1].entry_count++;
        }
        entries[e - 1].n++;
        groups[n - 1].count++;
    }
    qsort(groups, n, sizeof *groups, by_place_order);
    for (size_t i = 0; i < n && *place_count < ANALYSIS_TOP; i++) {
        if (groups[i].count < least)
            break;
        const analysis_row *r = groups[i].row;
        const char *text = entry_text(a, groups[i].entries, groups[i].entry_count);
        if (!text)
            return false;
        (*places)[(*place_count)++] = (analysis_place){
            k == PLACE_UNIT ? r->unit_code : r->building_code,
            k == PLACE_UNIT ? r->unit_code : r->building_name,
            groups[i].count,
            text,
        };
    }
    return true;
}

bool analysis_compute(arena *a, const analysis_row *rows, size_t count, long long now, analysis_month *out) {
    const analysis_row **all = arena_alloc(a, (count ? count : 1) * sizeof *all);
    const analysis_row **month = arena_alloc(a, (count ? count : 1) * sizeof *month);
    if (!all || !month)
        return false;
    size_t month_count = 0;
    out->computed_at = now;
    out->valid_until = LLONG_MAX;
    for (size_t i = 0; i < count; i++) {
        all[i] = &rows[i];
        if (!rows[i].current)
            continue;
        month[month_count++] = &rows[i];
        const analysis_row *r = &rows[i];
        count_clock(&out->respond, r->respond_due, r->responded_at, r->status, now, &out->valid_until);
        /* The on-site promise is a repair's only, as in ticket_apply. */
        if (!strcmp(kind_code(r->kind), "repair"))
            count_clock(&out->onsite, r->onsite_due, r->onsite_at, r->status, now, &out->valid_until);
        count_clock(&out->resolve, r->resolve_due, r->completed_at, r->status, now, &out->valid_until);
    }
    qsort(all, count, sizeof *all, by_kind_category);
    if (!compute_categories(a, all, count, out))
        return false;
    /* A unit is listed once asked about twice; every building with a request is. */
    return compute_places(a, month, month_count, PLACE_UNIT, 2, &out->units, &out->unit_count) &&
           compute_places(a, month, month_count, PLACE_BUILDING, 1, &out->buildings, &out->building_count);
}
