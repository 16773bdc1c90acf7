/* log.c: the request log and error lines, appended with one write each so lines from
 * the processes of a page never interleave. */
#include "log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int log_fd = 2;
static char page_name[64] = "-";

void log_open(const char *path) {
    if (!path || !*path)
        return;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (fd >= 0)
        log_fd = fd;
}

void log_set_page(const char *page) {
    snprintf(page_name, sizeof page_name, "%s", page);
}

static size_t stamp(char *out, size_t cap) {
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    return strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void emit(char *line, int n, size_t cap) {
    if (n < 0)
        return;
    if ((size_t)n >= cap - 1)
        n = (int)cap - 2;
    line[n++] = '\n';
    ssize_t ignored = write(log_fd, line, (size_t)n);
    (void)ignored;
}

void log_request(const char *page, const char *method, int status, const char *user, double ms) {
    char line[512], ts[32];
    stamp(ts, sizeof ts);
    int n = snprintf(line, sizeof line, "%s page=%s method=%s status=%d user=%s ms=%.1f", ts, page,
                     method ? method : "-", status, user && *user ? user : "-", ms);
    emit(line, n, sizeof line);
}

void log_error(const char *fmt, ...) {
    char line[1024], ts[32];
    stamp(ts, sizeof ts);
    int n = snprintf(line, sizeof line, "%s ERROR page=%s pid=%ld ", ts, page_name, (long)getpid());
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
    va_end(ap);
    /* Control characters from user data would forge log lines. */
    for (char *p = line + n; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = ' ';
    emit(line, m < 0 ? n : n + m, sizeof line);
}
