/* analysis_keep.c: a month's figures as rows, so that a page process keeps them with the
 * statements' answers (db_derived_find) while the community's data version holds. Rows of
 * five cells, told apart by the first: "s" the numbers, space-separated, in the second;
 * "c" a category (kind, code, name, "count previous"); "u" a unit and "b" a building
 * (code, name, count, categories). */
#include "analysis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COLUMNS 5
/* computed_at, valid_until, two totals, three promises of three, six completion sums. */
#define NUMBERS 19

static void numbers_of(analysis_month *m, long long *n[NUMBERS]) {
    long long *all[NUMBERS] = {
        &m->computed_at,  &m->valid_until,     &m->total,           &m->previous_total, &m->respond.met,
        &m->respond.late, &m->respond.pending, &m->onsite.met,      &m->onsite.late,    &m->onsite.pending,
        &m->resolve.met,  &m->resolve.late,    &m->resolve.pending, &m->completed,      &m->callbacks,
        &m->ratings,      &m->rating_sum,      &m->charged,         &m->charge_fen,
    };
    memcpy(n, all, sizeof all);
}

static void place_row(arena *a, char **row, char *type, const analysis_place *p) {
    row[0] = type;
    row[1] = (char *)p->code;
    row[2] = (char *)p->name;
    row[3] = arena_printf(a, "%lld", p->count);
    row[4] = (char *)p->categories;
}

bool analysis_to_rows(arena *a, const analysis_month *m, db_rows *rows) {
    size_t count = 1 + m->category_count + m->unit_count + m->building_count;
    char **cells = arena_alloc(a, count * COLUMNS * sizeof *cells);
    char *line = arena_alloc(a, NUMBERS * 21);
    if (!cells || !line)
        return false;
    memset(cells, 0, count * COLUMNS * sizeof *cells);
    long long *n[NUMBERS];
    numbers_of((analysis_month *)m, n);
    char *at = line;
    for (size_t i = 0; i < NUMBERS; i++)
        at += sprintf(at, i ? " %lld" : "%lld", *n[i]);
    cells[0] = "s";
    cells[1] = line;
    size_t r = 1;
    for (size_t i = 0; i < m->category_count; i++, r++) {
        const analysis_category *c = &m->categories[i];
        char **row = &cells[r * COLUMNS];
        row[0] = "c";
        row[1] = (char *)c->kind;
        row[2] = (char *)c->code;
        row[3] = (char *)c->name;
        row[4] = arena_printf(a, "%lld %lld", c->count, c->previous);
    }
    for (size_t i = 0; i < m->unit_count; i++, r++)
        place_row(a, &cells[r * COLUMNS], "u", &m->units[i]);
    for (size_t i = 0; i < m->building_count; i++, r++)
        place_row(a, &cells[r * COLUMNS], "b", &m->buildings[i]);
    *rows = (db_rows){.count = count, .columns = COLUMNS, .cells = cells};
    return true;
}

static analysis_place read_place(const db_rows *r, size_t i) {
    return (analysis_place){db_cell(r, i, 1), db_cell(r, i, 2), db_cell_int(r, i, 3), db_cell(r, i, 4)};
}

bool analysis_from_rows(arena *a, const db_rows *rows, analysis_month *m) {
    memset(m, 0, sizeof *m);
    if (rows->columns != COLUMNS || rows->count == 0 || strcmp(db_cell(rows, 0, 0), "s"))
        return false;
    size_t cats = 0, units = 0, buildings = 0;
    for (size_t i = 1; i < rows->count; i++) {
        char type = db_cell(rows, i, 0)[0];
        cats += type == 'c';
        units += type == 'u';
        buildings += type == 'b';
    }
    m->categories = arena_alloc(a, (cats ? cats : 1) * sizeof *m->categories);
    m->units = arena_alloc(a, (units ? units : 1) * sizeof *m->units);
    m->buildings = arena_alloc(a, (buildings ? buildings : 1) * sizeof *m->buildings);
    if (!m->categories || !m->units || !m->buildings)
        return false;
    long long *n[NUMBERS];
    numbers_of(m, n);
    const char *p = db_cell(rows, 0, 1);
    for (size_t i = 0; i < NUMBERS; i++) {
        char *end;
        *n[i] = strtoll(p, &end, 10);
        if (end == p)
            return false;
        p = end;
    }
    for (size_t i = 1; i < rows->count; i++) {
        char type = db_cell(rows, i, 0)[0];
        if (type == 'c') {
            char *end;
            analysis_category *c = &m->categories[m->category_count++];
            c->kind = db_cell(rows, i, 1);
            c->code = db_cell(rows, i, 2);
            c->name = db_cell(rows, i, 3);
            c->count = strtoll(db_cell(rows, i, 4), &end, 10);
            c->previous = strtoll(end, NULL, 10);
        } else if (type == 'u') {
            m->units[m->unit_count++] = read_place(rows, i);
        } else if (type == 'b') {
            m->buildings[m->building_count++] = read_place(rows, i);
        }
    }
    return true;
}
