/* config.c: reads wuye.conf (NAME=value lines) and the session key named in it. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void config_defaults(config *c) {
    memset(c, 0, sizeof *c);
    snprintf(c->state_dir, sizeof c->state_dir, "var");
    snprintf(c->template_dir, sizeof c->template_dir, "templates");
    snprintf(c->db_name, sizeof c->db_name, "wuye");
    snprintf(c->db_user, sizeof c->db_user, "wuye");
    c->body_max = 16u << 20;
    c->staff_idle_seconds = 30 * 60;
    c->resident_idle_seconds = 7 * 24 * 3600;
    c->staff_max_age = 12 * 3600;
    c->resident_max_age = 30 * 24 * 3600;
    c->login_max_failures = 5;
    c->login_window_seconds = 15 * 60;
    c->meter_jump_factor = 3;
    c->renovation_patrol_days = 7;
    snprintf(c->renovation_approve_roles, sizeof c->renovation_approve_roles, "%s", "manager");
}

static int set_text(char *dst, size_t cap, const char *value) {
    size_t n = strlen(value);
    if (n >= cap)
        return -1;
    memcpy(dst, value, n + 1);
    return 0;
}

/* Whole-string decimal in [min, max]. */
static int set_number(long long *dst, const char *value, long long min, long long max) {
    char *end;
    errno = 0;
    long long v = strtoll(value, &end, 10);
    if (errno || end == value || *end || v < min || v > max)
        return -1;
    *dst = v;
    return 0;
}

static int set_one(config *c, const char *name, const char *value) {
    long long v;
    if (!strcmp(name, "state_dir"))
        return set_text(c->state_dir, sizeof c->state_dir, value);
    if (!strcmp(name, "template_dir"))
        return set_text(c->template_dir, sizeof c->template_dir, value);
    if (!strcmp(name, "log_path"))
        return set_text(c->log_path, sizeof c->log_path, value);
    if (!strcmp(name, "key_path"))
        return set_text(c->key_path, sizeof c->key_path, value);
    if (!strcmp(name, "db_socket"))
        return set_text(c->db_socket, sizeof c->db_socket, value);
    if (!strcmp(name, "db_name"))
        return set_text(c->db_name, sizeof c->db_name, value);
    if (!strcmp(name, "db_user"))
        return set_text(c->db_user, sizeof c->db_user, value);
    if (!strcmp(name, "db_password"))
        return set_text(c->db_password, sizeof c->db_password, value);
    if (!strcmp(name, "body_max_bytes")) {
        if (set_number(&v, value, 1024, 1LL << 30))
            return -1;
        c->body_max = (size_t)v;
        return 0;
    }
    struct {
        const char *name;
        long *dst;
        long long min, max;
    } numbers[] = {
        {"staff_idle_seconds", &c->staff_idle_seconds, 60, 86400},
        {"resident_idle_seconds", &c->resident_idle_seconds, 60, 90 * 86400},
        {"staff_max_age", &c->staff_max_age, 300, 7 * 86400},
        {"resident_max_age", &c->resident_max_age, 300, 365 * 86400},
        {"login_window_seconds", &c->login_window_seconds, 10, 86400},
    };
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        if (!strcmp(name, numbers[i].name)) {
            if (set_number(&v, value, numbers[i].min, numbers[i].max))
                return -1;
            *numbers[i].dst = (long)v;
            return 0;
        }
    }
    if (!strcmp(name, "login_max_failures")) {
        if (set_number(&v, value, 1, 1000))
            return -1;
        c->login_max_failures = (int)v;
        return 0;
    }
    if (!strcmp(name, "meter_jump_factor")) {
        if (set_number(&v, value, 2, 100))
            return -1;
        c->meter_jump_factor = (int)v;
        return 0;
    }
    if (!strcmp(name, "renovation_patrol_days")) {
        if (set_number(&v, value, 1, 90))
            return -1;
        c->renovation_patrol_days = (int)v;
        return 0;
    }
    if (!strcmp(name, "renovation_approve_roles")) {
        if (!*value || strlen(value) >= sizeof c->renovation_approve_roles ||
            strspn(value, "abcdefghijklmnopqrstuvwxyz_,") != strlen(value))
            return -1;
        snprintf(c->renovation_approve_roles, sizeof c->renovation_approve_roles, "%s", value);
        return 0;
    }
    if (!strcmp(name, "template_reload")) {
        if (set_number(&v, value, 0, 1))
            return -1;
        c->template_reload = v == 1;
        return 0;
    }
    return 1; /* unknown: ignored, so a newer file works with an older program */
}

int config_parse(config *c, const char *text, char *err, size_t errlen) {
    int lineno = 0;
    const char *p = text;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char line[1200];
        lineno++;
        if (n >= sizeof line) {
            snprintf(err, errlen, "line %d too long", lineno);
            return -1;
        }
        memcpy(line, p, n);
        line[n] = '\0';
        if (n && line[n - 1] == '\r')
            line[n - 1] = '\0';
        p += eol ? n + 1 : n;
        if (line[0] == '\0' || line[0] == '#')
            continue;
        char *eq = strchr(line, '=');
        if (!eq) {
            snprintf(err, errlen, "line %d: expected NAME=value", lineno);
            return -1;
        }
        *eq = '\0';
        if (set_one(c, line, eq + 1) < 0) {
            snprintf(err, errlen, "line %d: bad value for %s", lineno, line);
            return -1;
        }
    }
    if (!c->key_path[0]) {
        int n = snprintf(c->key_path, sizeof c->key_path, "%.480s/secret/session.key", c->state_dir);
        if (n < 0 || (size_t)n >= sizeof c->key_path) {
            snprintf(err, errlen, "state_dir too long");
            return -1;
        }
    }
    return 0;
}

int config_load(config *c) {
    config_defaults(c);
    char path[600];
    const char *named = getenv("WUYE_CONFIG");
    const char *state = getenv("WUYE_STATE");
    if (named)
        snprintf(path, sizeof path, "%s", named);
    else
        snprintf(path, sizeof path, "%s/wuye.conf", state ? state : "var");
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "wuye: cannot open configuration %s: %s\n", path, strerror(errno));
        return -1;
    }
    char text[16384];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    char err[200];
    if (config_parse(c, text, err, sizeof err) != 0) {
        fprintf(stderr, "wuye: %s: %s\n", path, err);
        return -1;
    }
    if (session_key_load(c->key_path, c->key) != 0) {
        fprintf(stderr, "wuye: session key %s: %s\n", c->key_path, strerror(errno));
        return -1;
    }
    return 0;
}
