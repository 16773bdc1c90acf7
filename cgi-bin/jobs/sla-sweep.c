/* jobs/sla-sweep.c: wuye-sla-sweep, run every minute by deploy/up: marks open tickets
 * whose time limits ran out and escalates them (domain/sla_sweep.c does the work). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/config.h"
#include "../core/db.h"
#include "../core/log.h"
#include "../domain/sla_sweep.h"

#define MAX_TIME 253402300799LL /* 9999-12-31T23:59:59Z */

static void usage(void) {
    fputs("usage: wuye-sla-sweep [--now=UNIX_SECONDS|--now=YYYY-MM-DDTHH:MM] [--ticket=ID]\n"
          "  --now     the time to sweep at (UTC; default: the clock)\n"
          "  --ticket  sweep only this ticket\n",
          stderr);
}

/* A whole-string decimal in [min, max]. */
static bool parse_integer(const char *text, long long min, long long max, long long *out) {
    if (!*text || strspn(text, "0123456789") != strlen(text))
        return false;
    errno = 0;
    char *end;
    long long v = strtoll(text, &end, 10);
    if (errno || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* "YYYY-MM-DDTHH:MM" in UTC (a trailing Z allowed); rejects dates that do not exist. */
static bool parse_utc(const char *text, long long *out) {
    static const char pattern[] = "dddd-dd-ddTdd:dd";
    size_t n = strlen(text);
    if (n != 16 && !(n == 17 && text[16] == 'Z'))
        return false;
    for (size_t i = 0; i < 16; i++) {
        bool ok = pattern[i] == 'd' ? text[i] >= '0' && text[i] <= '9' : text[i] == pattern[i];
        if (!ok)
            return false;
    }
    struct tm tm = {0};
    tm.tm_year = atoi(text) - 1900;
    tm.tm_mon = atoi(text + 5) - 1;
    tm.tm_mday = atoi(text + 8);
    tm.tm_hour = atoi(text + 11);
    tm.tm_min = atoi(text + 14);
    struct tm check = tm;
    time_t t = timegm(&check);
    if (t == (time_t)-1 || check.tm_mon != tm.tm_mon || check.tm_mday != tm.tm_mday ||
        check.tm_hour != tm.tm_hour || check.tm_min != tm.tm_min)
        return false;
    *out = (long long)t;
    return true;
}

int main(int argc, char **argv) {
    long long now = (long long)time(NULL), ticket_id = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strncmp(arg, "--now=", 6)) {
            if (!parse_integer(arg + 6, 0, MAX_TIME, &now) && !parse_utc(arg + 6, &now)) {
                fprintf(stderr,
                        "wuye-sla-sweep: --now wants unix seconds or YYYY-MM-DDTHH:MM (UTC), not '%s'\n",
                        arg + 6);
                return 2;
            }
        } else if (!strncmp(arg, "--ticket=", 9)) {
            if (!parse_integer(arg + 9, 1, 9223372036854775807LL, &ticket_id)) {
                fprintf(stderr, "wuye-sla-sweep: --ticket wants a ticket id, not '%s'\n", arg + 9);
                return 2;
            }
        } else {
            usage();
            return 2;
        }
    }

    config c;
    if (config_load(&c) != 0)
        return 1;
    log_open(c.log_path);
    log_set_page("sla-sweep");
    if (db_open(&c) != DB_OK) {
        fprintf(stderr, "sla-sweep: no database connection (see %s)\n", c.log_path);
        return 1;
    }
    sla_sweep_counts counts;
    db_status s = sla_sweep_run(now, ticket_id, &counts);
    db_close();

    char when[32];
    time_t t = (time_t)now;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(when, sizeof when, "%lld", now);
    printf("sla-sweep: %ld tickets checked, %ld overdue, %ld escalated (at %s)\n", counts.checked,
           counts.overdue, counts.escalated, when);
    if (s != DB_OK) {
        fprintf(stderr, "sla-sweep: %ld tickets failed, database error (see %s)\n", counts.failed,
                c.log_path);
        return 1;
    }
    return 0;
}
