/* test_fcgi_io.c: the FastCGI side of fcgi_io, spoken to as nginx would: a listening
 * socket on standard input, one connection a request, the response read back record by
 * record. Every length around the edges (libfcgi's 8 KB buffer, a record's 64 KB, many
 * records) must arrive whole, in order, as well-formed records ending in one empty
 * FCGI_STDOUT and one FCGI_END_REQUEST, after which the connection closes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fastcgi.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "../../cgi-bin/core/fcgi_io.h"

static char socket_path[108];

/* What the web server side read until the application closed the connection. */
typedef struct {
    int fd;
    unsigned char *data;
    size_t len, cap;
} reader;

static void *read_to_end(void *arg) {
    reader *r = arg;
    for (;;) {
        if (r->len + 65536 > r->cap) {
            r->cap = (r->cap + 65536) * 2;
            r->data = realloc(r->data, r->cap);
            if (!r->data)
                return NULL;
        }
        ssize_t got = read(r->fd, r->data + r->len, r->cap - r->len);
        if (got <= 0)
            return NULL;
        r->len += (size_t)got;
    }
}

static void put_header(unsigned char *h, int type, int length) {
    FCGI_Header head = {.version = FCGI_VERSION_1,
                        .type = (unsigned char)type,
                        .requestIdB0 = 1,
                        .contentLengthB1 = (unsigned char)(length >> 8),
                        .contentLengthB0 = (unsigned char)length};
    memcpy(h, &head, sizeof head);
}

/* Connects and sends a whole GET request: begin, one parameter, end of parameters, empty
 * body. It fits the socket's buffer, so it can be sent before the application accepts. */
static int send_request(void) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    strcpy(a.sun_path, socket_path);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    unsigned char msg[128];
    size_t n = 0;
    put_header(msg + n, FCGI_BEGIN_REQUEST, 8);
    n += 8;
    FCGI_BeginRequestBody begin = {.roleB0 = FCGI_RESPONDER};
    memcpy(msg + n, &begin, 8);
    n += 8;
    static const char param[] = "\016\003REQUEST_METHODGET";
    int plen = (int)sizeof param - 1;
    put_header(msg + n, FCGI_PARAMS, plen);
    n += 8;
    memcpy(msg + n, param, (size_t)plen);
    n += (size_t)plen;
    put_header(msg + n, FCGI_PARAMS, 0);
    n += 8;
    put_header(msg + n, FCGI_STDIN, 0);
    n += 8;
    assert_int_equal(write(fd, msg, n), (ssize_t)n);
    return fd;
}

/* Parses the records in r: the FCGI_STDOUT content joined into *out, checking the form
 * and that the stream ends once, followed by the end of the request as the last record. */
static void parse_response(const reader *r, unsigned char **out, size_t *out_len) {
    unsigned char *content = malloc(r->len + 1);
    assert_non_null(content);
    size_t len = 0, at = 0;
    int stdout_ended = 0, ended = 0;
    while (at < r->len) {
        assert_true(r->len - at >= 8);
        assert_false(ended); /* nothing after the end of the request */
        const unsigned char *h = r->data + at;
        size_t length = (size_t)h[4] << 8 | h[5], padding = h[6];
        assert_int_equal(h[0], FCGI_VERSION_1);
        assert_int_equal((h[2] << 8) | h[3], 1);
        assert_true(r->len - at >= 8 + length + padding);
        if (h[1] == FCGI_STDOUT) {
            assert_false(stdout_ended);
            if (length == 0)
                stdout_ended = 1;
            memcpy(content + len, h + 8, length);
            len += length;
        } else {
            assert_int_equal(h[1], FCGI_END_REQUEST);
            assert_int_equal(length, 8);
            assert_int_equal(h[8 + 4], FCGI_REQUEST_COMPLETE);
            ended = 1;
        }
        at += 8 + length + padding;
    }
    assert_true(stdout_ended);
    assert_true(ended);
    *out = content;
    *out_len = len;
}

/* Sends a request, starts reading its answer and has fcgi_io accept it. */
static void begin(reader *r, pthread_t *t) {
    *r = (reader){.fd = send_request()};
    assert_int_equal(pthread_create(t, NULL, read_to_end, r), 0);
    assert_int_equal(io_accept(), 0);
}

/* Ends the request and checks that exactly want arrived, as well-formed records. */
static void end_expecting(reader *r, pthread_t t, const void *want, size_t want_len) {
    io_finish();
    pthread_join(t, NULL);
    close(r->fd);
    unsigned char *got;
    size_t got_len;
    parse_response(r, &got, &got_len);
    assert_int_equal(got_len, want_len);
    if (want_len)
        assert_memory_equal(got, want, want_len);
    free(got);
    free(r->data);
}

/* One request whose response is head then a body of n patterned bytes. */
static void round_trip(size_t n) {
    reader r;
    pthread_t t;
    begin(&r, &t);
    assert_string_equal(io_env(NULL, "REQUEST_METHOD"), "GET");
    static const char head[] = "Status: 200 OK\r\nContent-Type: text/plain\r\n\r\n";
    size_t len = sizeof head - 1 + n;
    unsigned char *want = malloc(len);
    assert_non_null(want);
    memcpy(want, head, sizeof head - 1);
    for (size_t i = 0; i < n; i++)
        want[sizeof head - 1 + i] = (unsigned char)(i * 7 + i / 251);
    assert_int_equal(io_write(NULL, head, sizeof head - 1), 0);
    assert_int_equal(io_write(NULL, (const char *)want + sizeof head - 1, n), 0);
    end_expecting(&r, t, want, len);
    free(want);
}

static void every_length_arrives_whole(void **state) {
    (void)state;
    const size_t lengths[] = {0,
                              1,
                              7000,
                              7954,
                              7955,
                              7956,
                              8000,
                              8192,
                              16192,
                              65535 - 45,
                              65535,
                              65536,
                              3 * 65535 + 7,
                              64 * 65535 - 45,
                              64 * 65535,
                              64 * 65535 + 1,
                              5u << 20,
                              130 * 65535 + 3};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
        round_trip(lengths[i]);
}

/* Small pieces that together pass the buffer: the first ones wait, then all leave. */
static void many_small_writes_keep_their_order(void **state) {
    (void)state;
    reader r;
    pthread_t t;
    begin(&r, &t);
    char want[40000];
    size_t len = 0;
    for (int i = 0; len < sizeof want - 16; i++) {
        char piece[16];
        int k = snprintf(piece, sizeof piece, "%d,", i);
        assert_int_equal(io_write(NULL, piece, (size_t)k), 0);
        memcpy(want + len, piece, (size_t)k);
        len += (size_t)k;
    }
    end_expecting(&r, t, want, len);
}

/* Standard input becomes a listening socket, as spawn-fcgi leaves it. */
static int listen_on_stdin(void **state) {
    (void)state;
    snprintf(socket_path, sizeof socket_path, "/tmp/wuye-test-fcgi-%ld.sock", (long)getpid());
    unlink(socket_path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    strcpy(a.sun_path, socket_path);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 8) != 0 || dup2(fd, 0) != 0)
        return -1;
    close(fd);
    return 0;
}

static int remove_socket(void **state) {
    (void)state;
    unlink(socket_path);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_length_arrives_whole),
        cmocka_unit_test(many_small_writes_keep_their_order),
    };
    return cmocka_run_group_tests(tests, listen_on_stdin, remove_socket);
}
