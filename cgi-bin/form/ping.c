/* form/ping.c: /form/ping answers "ok" and does nothing else: no configuration, database,
 * session or template. It is the floor of the stack's cost per request (nginx, the FastCGI
 * socket and libfcgi) that tests/bench/run measures the pages against, and a health check
 * for a load balancer: it answers as long as nginx and the page processes are up. */
#include <fcgi_stdio.h>

/* One constant block, written with fputs: libfcgi's printf is its own formatter (see
 * PITFALLS.md), and there is nothing to format. Security headers as on every page
 * (core/response.c), since nginx adds none on page locations; nothing may load here. */
static const char answer[] = "Status: 200 OK\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n"
                             "Cache-Control: no-store\r\n"
                             "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
                             "X-Content-Type-Options: nosniff\r\n"
                             "X-Frame-Options: DENY\r\n"
                             "Referrer-Policy: same-origin\r\n"
                             "\r\n"
                             "ok\n";

int main(void) {
    /* FCGI_Accept, not FCGX_Accept_r: it falls back to plain CGI (one request). The
     * request body, if any, is left unread; libfcgi discards it at the next accept. */
    while (FCGI_Accept() >= 0)
        fputs(answer, stdout);
    return 0;
}
