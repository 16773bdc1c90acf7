/* log.h: one line per request and the errors worth an operator's time, appended to the
 * log file (stderr when none is open). */
#ifndef WUYE_LOG_H
#define WUYE_LOG_H

/* Opens path for appending; on failure logging goes to stderr. */
void log_open(const char *path);
/* "TIME page=P method=M status=S user=U ms=D path=..." */
void log_request(const char *page, const char *method, int status, const char *user, double ms);
/* An error line: "TIME ERROR page=P message". */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Names the page for later lines. */
void log_set_page(const char *page);

#endif
