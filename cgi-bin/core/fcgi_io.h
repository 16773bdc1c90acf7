/* fcgi_io.h: the connection to the web server: FastCGI when started by spawn-fcgi,
 * plain CGI otherwise (one request from the environment and stdin). The only file that
 * includes libfcgi's headers. */
#ifndef WUYE_FCGI_IO_H
#define WUYE_FCGI_IO_H
#include <stddef.h>

/* Waits for the next request: 0 when there is one, -1 when the loop should end. */
int io_accept(void);
/* The request's environment variable name, or NULL (ctx unused). */
const char *io_env(void *ctx, const char *name);
/* Reads up to n body bytes: count, 0 at the end, -1 on error (ctx unused). */
long io_read(void *ctx, char *dst, size_t n);
/* Writes n bytes of the response: 0 or -1 (ctx unused). */
int io_write(void *ctx, const char *data, size_t n);
/* Ends the current request: what was written leaves now, with the end of the request,
 * and the connection closes (FastCGI); the response is flushed (CGI). Nothing may be
 * written after it. */
void io_finish(void);

#endif
