/* jobs/billing.c: wuye-billing, the monthly billing run of /office/billing for cron and
 * for deploy/migrate (the demo's months): the same run, one transaction per month, the
 * figures printed. A month already billed adds nothing. */
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
#include "../core/money.h"
#include "../domain/billing.h"
#include "../domain/fee.h"

static void usage(void) {
    fputs("usage: wuye-billing --community=ID [--period=YYYY-MM ...]\n"
          "  --community  the community's id\n"
          "  --period     a month to bill (repeatable); without it, the current month in the\n"
          "               community's time zone\n",
          stderr);
}

static db_status audit_run(long long community_id, long long now, long long run_id, const char *detail) {
    static db_stmt st = DB_STMT("billing_job_audit",
                                "INSERT INTO audit_log (at, community_id, actor_kind, action, object_type, "
                                "object_id, detail) VALUES (FROM_UNIXTIME(?), ?, 'system', 'billing_run', "
                                "'billing_run', ?, ?)");
    db_arg args[4] = {DB_INT(now), DB_INT(community_id), DB_INT(run_id), DB_TEXT(detail)};
    return db_exec(&st, args, 4, NULL, NULL);
}

int main(int argc, char **argv) {
    long long community = 0;
    const char *periods[64];
    int nperiods = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strncmp(arg, "--community=", 12)) {
            char *end;
            errno = 0;
            community = strtoll(arg + 12, &end, 10);
            if (errno || *end || end == arg + 12 || community < 1) {
                fprintf(stderr, "wuye-billing: --community wants a community id, not '%s'\n", arg + 12);
                return 2;
            }
        } else if (!strncmp(arg, "--period=", 9) && nperiods < 64) {
            if (!fee_period_valid(arg + 9)) {
                fprintf(stderr, "wuye-billing: --period wants YYYY-MM, not '%s'\n", arg + 9);
                return 2;
            }
            periods[nperiods++] = arg + 9;
        } else {
            usage();
            return 2;
        }
    }
    if (!community) {
        usage();
        return 2;
    }
    config c;
    if (config_load(&c) != 0)
        return 1;
    log_open(c.log_path);
    log_set_page("billing");
    arena *a = arena_new();
    if (!a)
        return 1;
    if (db_open(&c) != DB_OK) {
        fprintf(stderr, "wuye-billing: no database connection (see %s)\n", c.log_path);
        return 1;
    }
    const char *zone;
    bool found;
    db_status s = billing_community_zone(a, community, &zone, &found);
    if (s == DB_OK && !found) {
        fprintf(stderr, "wuye-billing: there is no community %lld\n", community);
        db_close();
        return 1;
    }
    long long now = (long long)time(NULL);
    if (s == DB_OK && !nperiods)
        periods[nperiods++] = clock_format(a, now, zone, "%Y-%m");
    int rc = 0;
    for (int i = 0; s == DB_OK && i < nperiods; i++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        billing_result r;
        s = billing_run(a, community, zone, periods[i], 0, now, &r);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (s != DB_OK)
            break;
        double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        const char *detail = arena_printf(a, "wuye-billing %s：%lld 张账单，%lld 行，合计 %s 元", periods[i],
                                          r.bills, r.lines, money_format(a, r.total_fen));
        s = audit_run(community, now, r.run_id, detail ? detail : "wuye-billing");
        printf("wuye-billing: %s: %lld bills, %lld lines, %s yuan (run %lld, %.0f ms)\n", periods[i], r.bills,
               r.lines, money_format(a, r.total_fen), r.run_id, ms);
    }
    if (s != DB_OK) {
        fprintf(stderr, "wuye-billing: database error, the month was not billed (see %s)\n", c.log_path);
        rc = 1;
    }
    db_close();
    arena_free(a);
    return rc;
}
