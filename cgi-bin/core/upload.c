/* upload.c: storing uploaded files (see upload.h). */
#include "upload.h"
#include "utf8.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int upload_store(const char *dir, const char *data, size_t len, char name[UPLOAD_NAME_LEN + 1]) {
    unsigned char random[UPLOAD_NAME_LEN / 2];
    if (RAND_bytes(random, sizeof random) != 1)
        return -1;
    for (size_t i = 0; i < sizeof random; i++)
        snprintf(name + 2 * i, 3, "%02x", random[i]);
    char path[1024];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return -1;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n <= 0) {
            close(fd);
            unlink(path);
            return -1;
        }
        done += (size_t)n;
    }
    if (close(fd) != 0) {
        unlink(path);
        return -1;
    }
    return 0;
}

void upload_remove(const char *dir, char names[][UPLOAD_NAME_LEN + 1], size_t count) {
    char path[1024];
    for (size_t i = 0; i < count; i++)
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) < (int)sizeof path)
            unlink(path);
}

const char *upload_shown_name(const char *filename, size_t max_chars) {
    const char *name = filename ? filename : "";
    const char *slash = strrchr(name, '/'), *back = strrchr(name, '\\');
    if (slash || back)
        name = (slash > back ? slash : back) + 1;
    size_t len = strlen(name);
    if (!len || !utf8_valid(name, len) || utf8_count(name, len) > max_chars)
        return NULL;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
            return NULL;
    return name;
}
