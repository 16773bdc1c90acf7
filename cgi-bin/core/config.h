/* config.h: the settings of one installation, read once at start from the file named
 * by WUYE_CONFIG (default $WUYE_STATE/wuye.conf): NAME=value lines, # comments. */
#ifndef WUYE_CONFIG_H
#define WUYE_CONFIG_H
#include "session.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct config {
    char state_dir[512];
    char template_dir[512];
    char log_path[512];
    char key_path[512]; /* default $state_dir/secret/session.key */
    char db_socket[512];
    char db_name[64];
    char db_user[64];
    char db_password[128];
    size_t body_max;                    /* body_max_bytes, default 16 MiB, as nginx's client_max_body_size */
    long staff_idle_seconds;            /* default 1800 */
    long resident_idle_seconds;         /* default 7 days */
    long staff_max_age;                 /* default 12 hours */
    long resident_max_age;              /* default 30 days */
    int login_max_failures;             /* per account and per address in the window, default 5 */
    long login_window_seconds;          /* default 900 */
    bool template_reload;               /* development: reload changed templates */
    int meter_jump_factor;              /* 抄表: usage over N times the recent average is confirmed; 3 */
    int renovation_patrol_days;         /* 装修巡查: an active site is due a patrol after N days; 7 */
    char renovation_approve_roles[200]; /* 装修审批: the role codes that may approve; "manager" */
    unsigned char key[SESSION_KEY_BYTES];
} config;

/* Reads the configuration and the session key. 0, or -1 with a message on stderr. */
int config_load(config *c);
/* Parses one NAME=value text into c (used by config_load and the tests). 0 or -1. */
int config_parse(config *c, const char *text, char *err, size_t errlen);
/* Sets every field to its default. */
void config_defaults(config *c);

#endif
