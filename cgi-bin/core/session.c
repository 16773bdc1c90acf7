/* session.c: the signed session cookie. The value is readable text
 * "1.KIND.USER.COMMUNITY.ISSUED.EXPIRES.EPOCH.SEEN" followed by ".MAC", the MAC being
 * HMAC-SHA256 of the text under the installation key, in base64url. */
#include "session.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "b64.h"
#include "mac.h"

#define MAC_BYTES MAC_SHA256_BYTES
#define FORMAT_VERSION 1

static void sign(const unsigned char key[SESSION_KEY_BYTES], const char *text, size_t n,
                 unsigned char mac[MAC_BYTES]) {
    mac_sha256(key, SESSION_KEY_BYTES, text, n, mac);
}

int session_encode(const session *s, const unsigned char key[SESSION_KEY_BYTES], char *out, size_t outlen) {
    if (s->kind != ACCOUNT_RESIDENT && s->kind != ACCOUNT_STAFF)
        return -1;
    int n = snprintf(out, outlen, "%d.%c.%lld.%lld.%lld.%lld.%lld.%lld", FORMAT_VERSION, s->kind, s->user_id,
                     s->community_id, s->issued, s->expires, s->epoch, s->seen);
    if (n < 0 || (size_t)n + 1 + b64_encoded_len(MAC_BYTES) + 1 > outlen)
        return -1;
    unsigned char mac[MAC_BYTES];
    sign(key, out, (size_t)n, mac);
    out[n] = '.';
    b64_encode(mac, MAC_BYTES, out + n + 1);
    return 0;
}

/* Reads a non-negative decimal up to the next '.' or the end, advancing *p. */
static int read_number(const char **p, long long *v) {
    const char *s = *p;
    long long x = 0;
    if (*s < '0' || *s > '9')
        return -1;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (x > (9223372036854775807LL - 9) / 10)
            return -1;
        x = x * 10 + (*s - '0');
    }
    if (*s != '.' && *s != '\0')
        return -1;
    *v = x;
    *p = *s ? s + 1 : s;
    return 0;
}

session_status session_decode(const char *value, const unsigned char key[SESSION_KEY_BYTES], long long now,
                              long long idle_seconds, session *s) {
    if (!value)
        return SESSION_MALFORMED;
    size_t len = strnlen(value, SESSION_COOKIE_MAX);
    if (len >= SESSION_COOKIE_MAX)
        return SESSION_MALFORMED;
    const char *dot = strrchr(value, '.');
    if (!dot)
        return SESSION_MALFORMED;
    size_t text_len = (size_t)(dot - value);
    unsigned char given[MAC_BYTES + 3], want[MAC_BYTES];
    if (b64_decode(dot + 1, strlen(dot + 1), given, sizeof given) != MAC_BYTES)
        return SESSION_MALFORMED;
    sign(key, value, text_len, want);
    if (CRYPTO_memcmp(given, want, MAC_BYTES) != 0)
        return SESSION_MALFORMED;

    /* The MAC holds, so the text is ours; parse it strictly all the same. */
    char text[SESSION_COOKIE_MAX];
    memcpy(text, value, text_len);
    text[text_len] = '\0';
    const char *p = text;
    long long version;
    session d = {0};
    if (read_number(&p, &version) != 0 || version != FORMAT_VERSION)
        return SESSION_MALFORMED;
    if ((p[0] != ACCOUNT_RESIDENT && p[0] != ACCOUNT_STAFF) || p[1] != '.')
        return SESSION_MALFORMED;
    d.kind = p[0];
    p += 2;
    if (read_number(&p, &d.user_id) || read_number(&p, &d.community_id) || read_number(&p, &d.issued) ||
        read_number(&p, &d.expires) || read_number(&p, &d.epoch) || read_number(&p, &d.seen) || *p != '\0')
        return SESSION_MALFORMED;
    if (now >= d.expires)
        return SESSION_EXPIRED;
    if (idle_seconds > 0 && now - d.seen > idle_seconds)
        return SESSION_IDLE;
    *s = d;
    return SESSION_OK;
}

int session_key_load(const char *path, unsigned char key[SESSION_KEY_BYTES]) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        /* First start: create it exclusively, so two processes racing agree on one key. */
        unsigned char fresh[SESSION_KEY_BYTES];
        if (RAND_bytes(fresh, sizeof fresh) != 1)
            return -1;
        char tmp[600];
        snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
        int w = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (w < 0)
            return -1;
        ssize_t n = write(w, fresh, sizeof fresh);
        int closed = close(w);
        if (n != (ssize_t)sizeof fresh || closed != 0 || link(tmp, path) != 0) {
            int saved = errno;
            unlink(tmp);
            OPENSSL_cleanse(fresh, sizeof fresh);
            if (saved != EEXIST) {
                errno = saved;
                return -1;
            }
        } else {
            unlink(tmp);
        }
        OPENSSL_cleanse(fresh, sizeof fresh);
        fd = open(path, O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || (st.st_mode & 077) != 0) {
        close(fd);
        errno = EPERM; /* a key others can read is no secret */
        return -1;
    }
    ssize_t n = read(fd, key, SESSION_KEY_BYTES);
    close(fd);
    if (n != SESSION_KEY_BYTES) {
        errno = EINVAL;
        return -1;
    }
    return 0;
}
