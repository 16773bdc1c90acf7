/* fcgi_io.c: FastCGI or CGI through libfcgi's stdio layer. FCGI_Accept falls back to
 * CGI by itself (FCGX_Accept_r does not), which is why this layer is used. */
#include "fcgi_io.h"

#include <fcgi_stdio.h>
#include <stdlib.h>

int io_accept(void) {
    return FCGI_Accept() >= 0 ? 0 : -1;
}

const char *io_env(void *ctx, const char *name) {
    (void)ctx;
    return getenv(name);
}

long io_read(void *ctx, char *dst, size_t n) {
    (void)ctx;
    size_t got = fread(dst, 1, n, stdin);
    if (got == 0 && ferror(stdin))
        return -1;
    return (long)got;
}

int io_write(void *ctx, const char *data, size_t n) {
    (void)ctx;
    /* libfcgi's fwrite takes a non-const pointer but only reads it. */
    return fwrite((void *)data, 1, n, stdout) == n ? 0 : -1;
}

void io_flush(void) {
    fflush(stdout);
}
