/* fcgi_io.c: FastCGI through libfcgi's request API, or plain CGI (one request from the
 * environment and stdin) when the program was not started on a listening socket: the page
 * programs run as CGI in the tests, the query plans and under valgrind.
 *
 * Each FastCGI request ends in io_finish: the response and the end-of-request record leave
 * in one write, and the connection is closed at once. libfcgi's own end (at the next
 * accept) shuts the socket down for writing and then waits, up to 2 s, until the web
 * server has read everything and closed its side: one more wakeup of nginx and of this
 * process per request, during which the process serves nobody. Reading the request body
 * to its end first does what that wait is for: nothing the server sent is left unread
 * when the connection closes. */
#include "fcgi_io.h"

#include <fcgiapp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static enum { IO_NEW, IO_FASTCGI, IO_CGI } mode = IO_NEW;
static FCGX_Request request;
static bool open_request; /* FastCGI: a request accepted and not finished yet */
static int cgi_served;

int io_accept(void) {
    if (mode == IO_NEW) {
        if (FCGX_Init() != 0)
            return -1;
        mode = FCGX_IsCGI() ? IO_CGI : IO_FASTCGI;
        if (mode == IO_FASTCGI && FCGX_InitRequest(&request, 0, 0) != 0)
            return -1;
    }
    if (mode == IO_CGI)
        return cgi_served++ == 0 ? 0 : -1;
    io_finish();
    if (FCGX_Accept_r(&request) != 0)
        return -1;
    open_request = true;
    return 0;
}

const char *io_env(void *ctx, const char *name) {
    (void)ctx;
    return mode == IO_FASTCGI ? FCGX_GetParam(name, request.envp) : getenv(name);
}

long io_read(void *ctx, char *dst, size_t n) {
    (void)ctx;
    if (mode != IO_FASTCGI) {
        size_t got = fread(dst, 1, n, stdin);
        return got == 0 && ferror(stdin) ? -1 : (long)got;
    }
    if (!open_request)
        return 0;
    int chunk = n > 1 << 20 ? 1 << 20 : (int)n;
    int got = FCGX_GetStr(dst, chunk, request.in);
    return got == 0 && FCGX_GetError(request.in) != 0 ? -1 : got;
}

int io_write(void *ctx, const char *data, size_t n) {
    (void)ctx;
    if (mode != IO_FASTCGI)
        return fwrite(data, 1, n, stdout) == n ? 0 : -1;
    for (size_t done = 0; done < n;) {
        int chunk = n - done > 1 << 20 ? 1 << 20 : (int)(n - done);
        if (!open_request || FCGX_PutStr(data + done, chunk, request.out) != chunk)
            return -1;
        done += (size_t)chunk;
    }
    return 0;
}

void io_finish(void) {
    if (mode != IO_FASTCGI) {
        fflush(stdout);
        return;
    }
    if (!open_request)
        return;
    char sink[4096];
    while (FCGX_GetStr(sink, sizeof sink, request.in) > 0) {
    }
    /* A detached request is closed without libfcgi's shutdown-and-wait. */
    FCGX_Detach(&request);
    FCGX_Finish_r(&request);
    open_request = false;
}
