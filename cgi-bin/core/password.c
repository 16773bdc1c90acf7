/* password.c: scrypt password hashes through OpenSSL's EVP_PBE_scrypt, with the cost
 * parameters stored beside the salt so they can be raised without a migration. */
#include "password.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b64.h"

#define SALT_BYTES 16
#define HASH_BYTES 32
#define SCRYPT_R 8
#define SCRYPT_P 1

/* 128 * r * N * p bytes plus slack: OpenSSL's default 32 MB cap is too low past 2^15. */
static uint64_t scrypt_maxmem(int log_n, int r, int p) {
    return (uint64_t)128 * (uint64_t)r * ((uint64_t)1 << log_n) * (uint64_t)p + (16u << 20);
}

static int derive(const char *password, const unsigned char *salt, size_t salt_len, int log_n, int r, int p,
                  unsigned char *out, size_t out_len) {
    return EVP_PBE_scrypt(password, strlen(password), salt, salt_len, (uint64_t)1 << log_n, (uint64_t)r,
                          (uint64_t)p, scrypt_maxmem(log_n, r, p), out, out_len) == 1
               ? 0
               : -1;
}

int password_hash(const char *password, char *out, size_t outlen) {
    unsigned char salt[SALT_BYTES], hash[HASH_BYTES];
    char salt64[64], hash64[64];
    if (RAND_bytes(salt, sizeof salt) != 1)
        return -1;
    if (derive(password, salt, sizeof salt, PASSWORD_LOG_N, SCRYPT_R, SCRYPT_P, hash, sizeof hash) != 0)
        return -1;
    b64_encode(salt, sizeof salt, salt64);
    b64_encode(hash, sizeof hash, hash64);
    int n =
        snprintf(out, outlen, "scrypt$%d$%d$%d$%s$%s", PASSWORD_LOG_N, SCRYPT_R, SCRYPT_P, salt64, hash64);
    OPENSSL_cleanse(hash, sizeof hash);
    return n > 0 && (size_t)n < outlen ? 0 : -1;
}

/* Splits "scrypt$LOGN$R$P$SALT$HASH"; parameters are bounded so a stored value
 * cannot ask for gigabytes of memory. 0 or -1. */
static int parse_stored(const char *stored, int *log_n, int *r, int *p, unsigned char *salt, size_t *salt_len,
                        unsigned char *hash, size_t *hash_len) {
    char salt64[64], hash64[64];
    int used = 0;
    if (!stored || sscanf(stored, "scrypt$%2d$%2d$%2d$%63[A-Za-z0-9_-]$%63[A-Za-z0-9_-]%n", log_n, r, p,
                          salt64, hash64, &used) != 5)
        return -1;
    if (stored[used] != '\0' || *log_n < 10 || *log_n > 20 || *r < 1 || *r > 32 || *p < 1 || *p > 2)
        return -1;
    /* A tampered or mistaken row must not make a login take gigabytes. */
    if (scrypt_maxmem(*log_n, *r, *p) > ((uint64_t)256 << 20) + (16u << 20))
        return -1;
    long s = b64_decode(salt64, strlen(salt64), salt, SALT_BYTES * 2);
    long h = b64_decode(hash64, strlen(hash64), hash, HASH_BYTES);
    if (s < 8 || h != HASH_BYTES)
        return -1;
    *salt_len = (size_t)s;
    *hash_len = (size_t)h;
    return 0;
}

bool password_verify(const char *password, const char *stored) {
    int log_n, r, p;
    unsigned char salt[SALT_BYTES * 2], want[HASH_BYTES], got[HASH_BYTES];
    size_t salt_len, want_len;
    if (!password || parse_stored(stored, &log_n, &r, &p, salt, &salt_len, want, &want_len) != 0)
        return false;
    if (derive(password, salt, salt_len, log_n, r, p, got, want_len) != 0)
        return false;
    bool same = CRYPTO_memcmp(got, want, want_len) == 0;
    OPENSSL_cleanse(got, sizeof got);
    return same;
}

bool password_needs_rehash(const char *stored) {
    int log_n, r, p;
    unsigned char salt[SALT_BYTES * 2], hash[HASH_BYTES];
    size_t salt_len, hash_len;
    if (parse_stored(stored, &log_n, &r, &p, salt, &salt_len, hash, &hash_len) != 0)
        return true;
    return log_n < PASSWORD_LOG_N || r < SCRYPT_R;
}
