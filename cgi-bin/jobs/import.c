/* jobs/import.c: wuye-import, the CSV import of /office/import for operators and for
 * deploy/migrate (the demo community's units): the same checks, the same one transaction,
 * the row problems printed, exit 1 when there is any. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/arena.h"
#include "../core/clock.h"
#include "../core/config.h"
#include "../core/db.h"
#include "../core/log.h"
#include "../domain/import.h"

#define FILE_MAX (64L * 1024 * 1024)

static void usage(void) {
    fputs("usage: wuye-import --community=ID [--create-buildings] [--dry-run] FILE.csv\n"
          "  --community         the community's id\n"
          "  --create-buildings  create the buildings the file names that the community lacks\n"
          "  --dry-run           check every row and print what would be created; write nothing\n"
          "columns: " IMPORT_COLUMNS "\n",
          stderr);
}

/* Reads the whole file into memory from a (NULL on failure, with a message printed). */
static char *read_file(arena *a, const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "wuye-import: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char *data = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size >= 0 && size <= FILE_MAX && fseek(f, 0, SEEK_SET) == 0 &&
            (data = arena_alloc(a, (size_t)size + 1)) != NULL &&
            fread(data, 1, (size_t)size, f) == (size_t)size)
            *len = (size_t)size;
        else
            data = NULL;
    }
    fclose(f);
    if (!data)
        fprintf(stderr, "wuye-import: %s: cannot read it (at most %ld MiB)\n", path, FILE_MAX >> 20);
    return data;
}

typedef struct audit_arg {
    long long community_id;
    const char *name;
    arena *a;
} audit_arg;

static db_status audit_import(void *arg, const import_report *r) {
    audit_arg *x = arg;
    const char *detail = arena_printf(x->a, "wuye-import %s：%s（%lu 行）", x->name, import_summary(x->a, r),
                                      (unsigned long)r->rows);
    return import_audit_system(x->community_id, (long long)time(NULL), detail);
}

int main(int argc, char **argv) {
    long long community = 0;
    bool create = false, dry_run = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strncmp(arg, "--community=", 12)) {
            char *end;
            errno = 0;
            community = strtoll(arg + 12, &end, 10);
            if (errno || *end || end == arg + 12 || community < 1) {
                fprintf(stderr, "wuye-import: --community wants a community id, not '%s'\n", arg + 12);
                return 2;
            }
        } else if (!strcmp(arg, "--create-buildings")) {
            create = true;
        } else if (!strcmp(arg, "--dry-run")) {
            dry_run = true;
        } else if (arg[0] != '-' && !path) {
            path = arg;
        } else {
            usage();
            return 2;
        }
    }
    if (!community || !path) {
        usage();
        return 2;
    }

    config c;
    if (config_load(&c) != 0)
        return 1;
    log_open(c.log_path);
    log_set_page("import");
    arena *a = arena_new();
    if (!a)
        return 1;
    size_t len = 0;
    char *data = read_file(a, path, &len);
    if (!data)
        return 1;
    if (db_open(&c) != DB_OK) {
        fprintf(stderr, "wuye-import: no database connection (see %s)\n", c.log_path);
        return 1;
    }
    const char *zone;
    bool found;
    db_status s = import_community_zone(a, community, &zone, &found);
    if (s == DB_OK && !found) {
        fprintf(stderr, "wuye-import: there is no community %lld\n", community);
        db_close();
        return 1;
    }
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    audit_arg arg = {community, name, a};
    import_options o = {
        .community_id = community,
        .create_buildings = create,
        .write = !dry_run,
        .before_commit = audit_import,
        .arg = &arg,
    };
    import_report r;
    if (s == DB_OK) {
        o.today = clock_format(a, (long long)time(NULL), zone, "%Y-%m-%d");
        s = import_run(a, data, len, &o, &r);
    }
    db_close();
    if (s != DB_OK) {
        fprintf(stderr, "wuye-import: database error, nothing imported (see %s)\n", c.log_path);
        return 1;
    }
    if (r.problems.total) {
        for (size_t i = 0; i < r.problems.count; i++) {
            const import_problem *p = &r.problems.items[i];
            if (p->row)
                fprintf(stderr, "%s:%lu:%s%s %s\n", name, (unsigned long)p->row, p->column ? " " : "",
                        p->column ? p->column : "", p->message);
            else
                fprintf(stderr, "%s: %s\n", name, p->message);
        }
        if (r.problems.total > r.problems.count)
            fprintf(stderr, "%s: %lu more problems not shown\n", name,
                    (unsigned long)(r.problems.total - r.problems.count));
        fprintf(stderr, "wuye-import: %lu problems in %lu rows; nothing imported\n",
                (unsigned long)r.problems.total, (unsigned long)r.rows);
        return 1;
    }
    printf("wuye-import: %s %s: %s (%lu rows; checked in %.0f ms, written in %.0f ms)\n", name,
           dry_run ? "would import" : "imported", import_summary(a, &r), (unsigned long)r.rows, r.check_ms,
           r.write_ms);
    arena_free(a);
    return 0;
}
