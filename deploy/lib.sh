# deploy/lib.sh: shell functions shared by deploy/up, deploy/down, deploy/test and
# deploy/migrate. Sourced, never run. Every path it sets is absolute.
# The variables set here are used by the scripts that source this file.
# shellcheck shell=bash disable=SC2034

set -euo pipefail
# mariadbd, nginx and runuser live in sbin, which a non-login root shell may lack.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export LC_ALL=C.UTF-8

WUYE_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

# Debian packages needed to build and run the stack (deploy/test adds its own).
WUYE_PACKAGES=(build-essential autoconf automake pkg-config libfcgi-dev libctemplate-dev
    libmariadb-dev libssl-dev libcmocka-dev mariadb-server mariadb-client nginx-light
    spawn-fcgi multiwatch)

say() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# wuye_settings DEFAULT_STATE DEFAULT_PORT: reads WUYE_PORT, WUYE_STATE, WUYE_PROCS,
# WUYE_DB_BUFFER_POOL, WUYE_DB_QUERY_CACHE, WUYE_DB_REDO_LOG and sets the derived paths. DEFAULT_STATE is
# relative to the repository root; a relative WUYE_STATE given by the user is relative to
# the current directory.
wuye_settings() {
    WUYE_PORT=${WUYE_PORT:-$2}
    if [[ ! $WUYE_PORT =~ ^[1-9][0-9]{0,4}$ ]] || ((WUYE_PORT > 65535)); then
        die "WUYE_PORT must be a port number (1-65535), not '$WUYE_PORT'"
    fi
    local state=${WUYE_STATE:-$WUYE_SRC/$1}
    [[ $state == /* ]] || state=$PWD/$state
    WUYE_STATE=$(realpath -m -- "$state")
    # The paths go into nginx.conf, wuye.conf and sed expressions: keep them plain.
    [[ $WUYE_STATE =~ ^/[A-Za-z0-9._/+-]*$ ]] ||
        die "WUYE_STATE must be a path of letters, digits and . _ / + - only: '$WUYE_STATE'"
    [[ $WUYE_SRC =~ ^/[A-Za-z0-9._/+-]*$ ]] ||
        die "the repository path must be letters, digits and . _ / + - only: '$WUYE_SRC'"
    [[ $WUYE_STATE != / && $WUYE_STATE != "$WUYE_SRC" ]] ||
        die "WUYE_STATE must be a folder of its own, not '$WUYE_STATE'"
    WUYE_PROCS=${WUYE_PROCS:-2}
    [[ $WUYE_PROCS =~ ^[1-9][0-9]?$ ]] || die "WUYE_PROCS must be 1-99, not '$WUYE_PROCS'"
    # MariaDB's buffer pool: small for development and tests; size it to the data in
    # production (and for the benchmark's full data set).
    WUYE_DB_BUFFER_POOL=${WUYE_DB_BUFFER_POOL:-64M}
    [[ $WUYE_DB_BUFFER_POOL =~ ^[1-9][0-9]{0,5}[MG]$ ]] ||
        die "WUYE_DB_BUFFER_POOL must be a size such as 64M or 4G, not '$WUYE_DB_BUFFER_POOL'"
    # MariaDB's query cache: repeated reads of unchanged tables are answered without
    # planning them again; 0 turns it off.
    WUYE_DB_QUERY_CACHE=${WUYE_DB_QUERY_CACHE:-64M}
    [[ $WUYE_DB_QUERY_CACHE =~ ^(0|[1-9][0-9]{0,3}M)$ ]] ||
        die "WUYE_DB_QUERY_CACHE must be 0 or a size such as 64M, not '$WUYE_DB_QUERY_CACHE'"
    # InnoDB's redo log: small for development and tests; where tickets and payments come
    # in all day, a larger one lets MariaDB write changed pages back at leisure instead of
    # in bursts that stall commits (the benchmark's new tickets: p99 37 ms with 1G, 66-86
    # ms with 8M, the same number a second).
    WUYE_DB_REDO_LOG=${WUYE_DB_REDO_LOG:-8M}
    [[ $WUYE_DB_REDO_LOG =~ ^[1-9][0-9]{0,5}[MG]$ ]] ||
        die "WUYE_DB_REDO_LOG must be a size such as 8M or 1G, not '$WUYE_DB_REDO_LOG'"
    export WUYE_PORT WUYE_STATE WUYE_PROCS WUYE_DB_BUFFER_POOL WUYE_DB_QUERY_CACHE WUYE_DB_REDO_LOG

    BUILD=$WUYE_STATE/build
    RUN=$WUYE_STATE/run
    LOGS=$WUYE_STATE/log
    SECRET=$WUYE_STATE/secret
    DB_DIR=$WUYE_STATE/db
    DB_SOCK=$RUN/mysqld.sock
    DB_PID=$RUN/mysqld.pid
    DB_NAME=wuye
    DB_USER=wuye
    DB_PASSWORD_FILE=$SECRET/db.password
    CONF=$WUYE_STATE/wuye.conf
    NGINX_CONF=$WUYE_STATE/nginx.conf
    NGINX_PID=$RUN/nginx.pid
    # The server's own account, authenticated by unix_socket: root, or whoever runs this.
    DB_ADMIN=$(id -un)
    # A unix socket path holds at most 107 bytes (deploy/up checks each page's socket).
    ((${#DB_SOCK} <= 107)) ||
        die "WUYE_STATE is too long for unix socket paths ($DB_SOCK): choose a shorter folder"
}

# pid_running FILE WORD: prints the pid recorded in FILE when that process is alive and
# its command line contains WORD (so a reused pid is never taken for ours).
pid_running() {
    local file=$1 word=$2 pid cmd
    [[ -r $file ]] || return 1
    pid=$(tr -cd '0-9' <"$file")
    [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmd == *"$word"* ]] || return 1
    printf '%s\n' "$pid"
}

# wait_gone PID SECONDS: waits until PID has exited; 1 if it is still there.
wait_gone() {
    local pid=$1 tenths=$(($2 * 10))
    while kill -0 "$pid" 2>/dev/null; do
        # A zombie child of ours counts as gone.
        [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) == Z ]] && return 0
        ((tenths-- > 0)) || return 1
        sleep 0.1
    done
}

# stop_pid PID SECONDS [SIGNAL]: SIGNAL (default TERM), then KILL after SECONDS.
stop_pid() {
    local pid=$1 seconds=$2 signal=${3:-TERM}
    kill "-$signal" "$pid" 2>/dev/null || return 0
    wait_gone "$pid" "$seconds" && return 0
    warn "process $pid did not stop within ${seconds}s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 2 || true
}

# missing_packages NAME...: prints the names among NAME... that dpkg has not installed.
missing_packages() {
    local p
    for p in "$@"; do
        [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] ||
            printf '%s\n' "$p"
    done
}

# install_packages LOGFILE NAME...: installs those of NAME... that are missing.
install_packages() {
    local log=$1
    shift
    local missing
    mapfile -t missing < <(missing_packages "$@")
    if ((${#missing[@]} == 0)); then
        say "packages: all ${#} present"
        return 0
    fi
    say "packages: installing ${missing[*]} (log: $log)"
    ((EUID == 0)) || die "not root: run  sudo apt-get install ${missing[*]}  first"
    if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        --no-install-recommends "${missing[@]}"; } >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        die "apt-get failed (see $log)"
    fi
}

# db_client ARG...: the mariadb client as the server's own account, through the socket.
db_client() {
    mariadb --no-defaults -S "$DB_SOCK" -u "$DB_ADMIN" --default-character-set=utf8mb4 "$@"
}

db_pid() { pid_running "$DB_PID" "--datadir=$DB_DIR"; }
nginx_pid() { pid_running "$NGINX_PID" "$NGINX_CONF"; }

# db_wait_ready SECONDS: 0 when the server answers a ping within SECONDS.
db_wait_ready() {
    local tenths=$(($1 * 10))
    until mariadb-admin --no-defaults -S "$DB_SOCK" -u "$DB_ADMIN" ping >/dev/null 2>&1; do
        ((tenths-- > 0)) || return 1
        sleep 0.1
    done
}

# page_pidfiles: the pid files of running (or crashed) page programs of this state.
page_pidfiles() {
    local f
    for f in "$RUN"/portal-*.pid "$RUN"/office-*.pid "$RUN"/form-*.pid; do
        [[ -e $f ]] && printf '%s\n' "$f"
    done
    return 0
}

# regex_quote TEXT: TEXT with the characters special to an extended regex escaped.
# shellcheck disable=SC2001
regex_quote() { sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$1"; }

# page_leftovers: pids of processes running a page program of this state's build.
page_leftovers() {
    pgrep -f "$(regex_quote "$BUILD")/cgi-bin/(portal|office|form)/" | tr '\n' ' ' || true
}

# stop_pages: stops every page program (multiwatch and its children) of this state.
# Prints how many were stopped.
stop_pages() {
    local f pid n=0 left
    while read -r f; do
        if pid=$(pid_running "$f" "$BUILD/cgi-bin/"); then
            # multiwatch passes TERM on to its children and exits when they have.
            stop_pid "$pid" 5
            n=$((n + 1))
        fi
        rm -f "$f" "${f%.pid}.sock"
    done < <(page_pidfiles)
    # Children that outlived their multiwatch (it was killed, or crashed): by path.
    left=$(page_leftovers)
    if [[ -n $left ]]; then
        warn "page program processes left over: ${left}- terminating them"
        # shellcheck disable=SC2086
        kill -TERM $left 2>/dev/null || true
        sleep 1
        left=$(page_leftovers)
        # shellcheck disable=SC2086
        [[ -z $left ]] || kill -KILL $left 2>/dev/null || true
    fi
    printf '%s\n' "$n"
}
