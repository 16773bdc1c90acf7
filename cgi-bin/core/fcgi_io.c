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
 * when the connection closes.
 *
 * libfcgi's output buffer is 8 KB: a 16 KB page left in three writes, each one more wakeup
 * of nginx, and on this kind of virtual machine a wakeup costs more than the copy. A
 * response that fits the buffer still goes through libfcgi (one write, with the end of the
 * request); a longer one is sent as FCGI_STDOUT records of up to 64 KB in one writev of its
 * own, and libfcgi then adds only its end records. */
#include "fcgi_io.h"

#include <errno.h>
#include <fastcgi.h>
#include <fcgiapp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

/* Below this many bytes the response waits in `pending` for libfcgi's buffer (8 KB, less
 * its record headers). */
#define IO_SMALL 8000
/* The most content a record may carry (the length field is 16 bits). */
#define IO_RECORD_MAX 65535
/* Records per writev: two vectors each, well under IOV_MAX. */
#define IO_RECORDS_PER_CALL 64

static enum { IO_NEW, IO_FASTCGI, IO_CGI } mode = IO_NEW;
static FCGX_Request request;
static bool open_request; /* FastCGI: a request accepted and not finished yet */
static int cgi_served;
/* FastCGI: the response's first bytes, not handed on yet */
static char pending[IO_SMALL];
static size_t pending_len;

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

/* Writes every vector, going on after a partial write or an interruption: 0 or -1. */
static int write_vectors(int fd, struct iovec *v, int count) {
    while (count > 0) {
        ssize_t wrote = writev(fd, v, count);
        if (wrote < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        while (count > 0 && (size_t)wrote >= v->iov_len) {
            wrote -= (ssize_t)v->iov_len;
            v++;
            count--;
        }
        if (count > 0) {
            v->iov_base = (char *)v->iov_base + wrote;
            v->iov_len -= (size_t)wrote;
        }
    }
    return 0;
}

/* Sends a then b (either may be empty) as the request's FCGI_STDOUT records, straight to
 * the connection: 0 or -1. libfcgi's buffer must be empty, as it is while `pending` holds
 * the response. */
static int send_records(const char *a, size_t a_len, const char *b, size_t b_len) {
    FCGI_Header heads[IO_RECORDS_PER_CALL];
    struct iovec v[IO_RECORDS_PER_CALL * 3];
    size_t total = a_len + b_len, done = 0;
    while (done < total) {
        int records = 0, count = 0;
        while (done < total && records < IO_RECORDS_PER_CALL) {
            size_t len = total - done < IO_RECORD_MAX ? total - done : IO_RECORD_MAX;
            heads[records] = (FCGI_Header){
                .version = FCGI_VERSION_1,
                .type = FCGI_STDOUT,
                .requestIdB1 = (unsigned char)(request.requestId >> 8),
                .requestIdB0 = (unsigned char)request.requestId,
                .contentLengthB1 = (unsigned char)(len >> 8),
                .contentLengthB0 = (unsigned char)len,
            };
            v[count++] = (struct iovec){&heads[records++], sizeof(FCGI_Header)};
            /* A record's content may span the end of a and the start of b. */
            for (size_t left = len; left > 0;) {
                const char *from = done < a_len ? a + done : b + (done - a_len);
                size_t room = done < a_len ? a_len - done : total - done;
                size_t take = left < room ? left : room;
                v[count++] = (struct iovec){(void *)from, take};
                done += take;
                left -= take;
            }
        }
        if (write_vectors(request.ipcFd, v, count) != 0)
            return -1;
    }
    return 0;
}

int io_write(void *ctx, const char *data, size_t n) {
    (void)ctx;
    if (mode != IO_FASTCGI)
        return fwrite(data, 1, n, stdout) == n ? 0 : -1;
    if (!open_request)
        return -1;
    if (pending_len + n <= IO_SMALL) {
        if (n)
            memcpy(pending + pending_len, data, n);
        pending_len += n;
        return 0;
    }
    int rc = send_records(pending, pending_len, data, n);
    pending_len = 0;
    return rc;
}

void io_finish(void) {
    if (mode != IO_FASTCGI) {
        fflush(stdout);
        return;
    }
    if (!open_request)
        return;
    if (pending_len)
        FCGX_PutStr(pending, (int)pending_len, request.out);
    pending_len = 0;
    char sink[4096];
    while (FCGX_GetStr(sink, sizeof sink, request.in) > 0) {
    }
    /* A detached request is closed without libfcgi's shutdown-and-wait. */
    FCGX_Detach(&request);
    FCGX_Finish_r(&request);
    open_request = false;
}
