/* form/ping.c: /form/ping answers "ok" and does nothing else: no configuration, database,
 * session or template. It is the floor of the stack's cost per request (nginx, the FastCGI
 * socket and libfcgi, through the same core/fcgi_io.c as every page) that tests/bench/run
 * measures the pages against, and a health check for a load balancer: it answers as long
 * as nginx and the page processes are up. */
#include <string.h>

#include "../core/fcgi_io.h"

/* One constant block: there is nothing to format. Security headers as on every page
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
    /* Plain CGI too (one request). A request body, if any, is read and dropped by
     * io_finish. */
    while (io_accept() == 0) {
        io_write(NULL, answer, sizeof answer - 1);
        io_finish();
    }
    return 0;
}
