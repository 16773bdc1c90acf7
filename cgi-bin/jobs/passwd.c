/* jobs/passwd.c: wuye-passwd reads a password on stdin and prints its stored hash,
 * for operators creating accounts by hand and for the demo data. */
#include <stdio.h>
#include <string.h>

#include "../core/password.h"

int main(void) {
    char line[512];
    if (!fgets(line, sizeof line, stdin)) {
        fputs("usage: echo PASSWORD | wuye-passwd\n", stderr);
        return 2;
    }
    line[strcspn(line, "\r\n")] = '\0';
    if (!line[0]) {
        fputs("wuye-passwd: empty password\n", stderr);
        return 2;
    }
    char hash[PASSWORD_HASH_MAX];
    if (password_hash(line, hash, sizeof hash) != 0) {
        fputs("wuye-passwd: hashing failed\n", stderr);
        return 1;
    }
    puts(hash);
    return 0;
}
