# shellcheck shell=bash
# A PostgreSQL server for scripts/run and scripts/test.
#
#   source scripts/lib/postgres.sh
#   mandat_pg_ensure [--throwaway] [--fresh] NAME DBNAME   # sets and exports DATABASE_URL
#   ...
#   mandat_pg_stop                                          # stops what mandat_pg_ensure started
#
# If DATABASE_URL is already set and answers `select 1`, it is kept as it is
# (nothing is created in it, nothing is stopped afterwards).  Otherwise a
# private cluster is used: data in .pgdata/NAME under the project root, a Unix
# socket in .run/pgsock-NAME, no TCP at all, trust authentication for the
# user "postgres".  It is created on first use and reused (and started when
# needed) later; the database DBNAME is created when missing.
#
#   --throwaway  start it with fsync, synchronous_commit and full_page_writes
#                off (fast, loses data on a crash: for tests)
#   --fresh      delete an existing private data dir first (never touches an
#                external DATABASE_URL)
#
# As root the cluster runs as the "postgres" system user (initdb refuses
# root); PostgreSQL is installed from Debian when no server is found.
# Safe under `set -euo pipefail`.

# shellcheck source=scripts/lib/common.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

MANDAT_PG_BIN="${MANDAT_PG_BIN:-}"   # directory holding initdb, pg_ctl, psql
MANDAT_PG_DATA=""                    # data dir of the private cluster in use
MANDAT_PG_DISPLAY=""                 # the same, as shown to people
MANDAT_PG_STARTED=""                 # 1: mandat_pg_stop has a cluster to stop
MANDAT_PG_SOCKDIR_TMP=""             # socket dir made with mktemp, removed at stop

# The highest-versioned server binaries, Debian layout first.
_mandat_pg_find_bin() {
    local d best=""
    if [[ -n "$MANDAT_PG_BIN" && -x "$MANDAT_PG_BIN/initdb" ]]; then
        return 0
    fi
    best="$(for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && printf '%s\n' "$d"
    done | sort -V | tail -n 1)"
    if [[ -z "$best" ]] && command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir 2>/dev/null || true)"
        [[ -n "$d" && -x "$d/initdb" ]] && best="$d"
    fi
    if [[ -z "$best" ]] && command -v initdb >/dev/null 2>&1; then
        d="$(dirname -- "$(command -v initdb)")"
        [[ -x "$d/pg_ctl" ]] && best="$d"
    fi
    [[ -n "$best" ]] || return 1
    MANDAT_PG_BIN="$best"
}

_mandat_pg_psql() {
    if [[ -n "$MANDAT_PG_BIN" && -x "$MANDAT_PG_BIN/psql" ]]; then
        "$MANDAT_PG_BIN/psql" "$@"
    else
        psql "$@"
    fi
}

# Major version of the binaries in MANDAT_PG_BIN ("15").
_mandat_pg_major() {
    local v
    v="$("$MANDAT_PG_BIN/pg_ctl" --version 2>/dev/null | awk '{print $NF}')"
    printf '%s\n' "${v%%.*}"
}

# Runs a command as the owner of the cluster: the "postgres" user when we are
# root, ourselves otherwise.  From / so that an unreadable cwd does not matter.
_mandat_pg_as_owner() {
    if mandat_is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Can the cluster owner reach (search) this directory?
_mandat_pg_owner_can_reach() {
    _mandat_pg_as_owner test -x "$1" -a -r "$1" 2>/dev/null
}

_mandat_pg_chown_owner() {
    if mandat_is_root; then
        chown postgres:postgres "$@"
    fi
}

# Percent-encodes a string for a URL query value or path segment ("/" kept).
_mandat_pg_urlencode() {
    local LC_ALL=C s="$1" out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in
            [a-zA-Z0-9/._~-]) out+="$c" ;;
            *) printf -v c '%%%02X' "'$c"; out+="$c" ;;
        esac
    done
    printf '%s' "$out"
}

# Does this URL answer `select 1` within a few seconds?  On failure the first
# line of psql's message is left in MANDAT_PG_ERROR.
MANDAT_PG_ERROR=""
_mandat_pg_reachable() {
    local out
    MANDAT_PG_ERROR=""
    if out="$(PGCONNECT_TIMEOUT=3 _mandat_pg_psql "$1" -X -w -Atqc 'select 1' 2>&1 </dev/null)" &&
        [[ "$out" == 1 ]]; then
        return 0
    fi
    MANDAT_PG_ERROR="$(printf '%s\n' "$out" | head -n 1)"
    return 1
}

# Installs the Debian server package when no binaries are found.
_mandat_pg_install() {
    if ! mandat_is_root || ! command -v apt-get >/dev/null 2>&1; then
        mandat_warn "no PostgreSQL server found (looked in /usr/lib/postgresql/*/bin and PATH)"
        printf '       install one first, e.g.: sudo apt-get install postgresql\n' >&2
        return 1
    fi
    mandat_say "No PostgreSQL server found: installing Debian's postgresql package (its own cluster is not used) ..."
    mandat_apt_install postgresql || true
    _mandat_pg_find_bin || {
        mandat_warn "PostgreSQL is still missing after apt-get install postgresql"
        return 1
    }
}

# The migrations create the pg_trgm and unaccent extensions (the back office's name
# search): they come with the server's contrib modules (part of the postgresql-NN package on
# Debian 12, postgresql-contrib elsewhere). Installs them when missing and root; warns
# otherwise (the migrations would then stop with PostgreSQL's own message).
_mandat_pg_ensure_contrib() {
    local share ext
    share="$("$MANDAT_PG_BIN/pg_config" --sharedir 2>/dev/null || true)"
    [[ -n "$share" ]] || share="/usr/share/postgresql/$(_mandat_pg_major)"
    for ext in pg_trgm unaccent; do
        [[ -f "$share/extension/$ext.control" ]] && continue
        if mandat_is_root && command -v apt-get >/dev/null 2>&1; then
            mandat_say "The PostgreSQL extension $ext is missing: installing postgresql-contrib ..."
            mandat_apt_install postgresql-contrib || true
        fi
        [[ -f "$share/extension/$ext.control" ]] ||
            mandat_warn "the PostgreSQL extension $ext is missing ($share/extension): install postgresql-contrib"
        return 0
    done
}

# As root: makes sure the system user "postgres" exists.
_mandat_pg_ensure_owner_user() {
    mandat_is_root || return 0
    id -u postgres >/dev/null 2>&1 && return 0
    mandat_say "Creating the system user postgres to own the private cluster ..."
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
        --shell /bin/sh postgres
}

# Is the cluster in this data dir running?
_mandat_pg_running() {
    [[ -f "$1/postmaster.pid" ]] || return 1
    _mandat_pg_as_owner "$MANDAT_PG_BIN/pg_ctl" status -D "$1" >/dev/null 2>&1
}

mandat_pg_ensure() {
    local throwaway=0 fresh=0 args=()
    while (($# > 0)); do
        case "$1" in
            --throwaway) throwaway=1 ;;
            --fresh) fresh=1 ;;
            --) shift; args+=("$@"); break ;;
            -*) mandat_warn "mandat_pg_ensure: unknown option $1"; return 2 ;;
            *) args+=("$1") ;;
        esac
        shift
    done
    if ((${#args[@]} != 2)); then
        mandat_warn "usage: mandat_pg_ensure [--throwaway] [--fresh] NAME DBNAME"
        return 2
    fi
    local name="${args[0]}" dbname="${args[1]}"
    if [[ ! "$name" =~ ^[A-Za-z0-9_-]+$ ]]; then
        mandat_warn "mandat_pg_ensure: bad cluster name '$name' (letters, digits, - and _ only)"
        return 2
    fi

    if ! _mandat_pg_find_bin; then
        _mandat_pg_install || return 1
    fi
    _mandat_pg_ensure_contrib

    # 1. An external server given by DATABASE_URL.
    if [[ -n "${DATABASE_URL:-}" ]]; then
        if _mandat_pg_reachable "$DATABASE_URL"; then
            mandat_say "Using the PostgreSQL server given by DATABASE_URL (reachable; left as it is)"
            export DATABASE_URL
            MANDAT_PG_STARTED=""
            MANDAT_PG_DATA=""
            return 0
        fi
        mandat_warn "DATABASE_URL is set but does not answer: using a private cluster instead"
        [[ -z "$MANDAT_PG_ERROR" ]] || printf '       (%s)\n' "$MANDAT_PG_ERROR" >&2
        unset DATABASE_URL
    fi

    # 2. A private cluster.
    _mandat_pg_ensure_owner_user || return 1
    local base="$MANDAT_ROOT/.pgdata"
    mkdir -p -- "$base" "$MANDAT_ROOT/.run" || return 1
    local data="$base/$name" display=".pgdata/$name"
    if mandat_is_root && ! _mandat_pg_owner_can_reach "$base"; then
        # e.g. a project under /root (mode 700): the postgres user cannot get in.
        local key
        key="$(printf '%s' "$MANDAT_ROOT" | cksum | cut -d ' ' -f 1)"
        base="/var/tmp/mandat-pgdata-$key"
        mkdir -p -- "$base" && chmod 755 "$base" || return 1
        data="$base/$name"
        display="$data"
        mandat_warn "the postgres user cannot enter $MANDAT_ROOT: keeping the cluster in $display"
    fi
    MANDAT_PG_DATA="$data"
    MANDAT_PG_DISPLAY="$display"

    if ((fresh)) && [[ -e "$data" ]]; then
        if _mandat_pg_running "$data"; then
            _mandat_pg_as_owner "$MANDAT_PG_BIN/pg_ctl" stop -D "$data" -m immediate -w >/dev/null 2>&1 || true
        fi
        mandat_say "Deleting the previous throwaway cluster $display ..."
        rm -rf -- "$data" || return 1
    fi

    # The binaries must match the data dir's version.
    if [[ -s "$data/PG_VERSION" ]]; then
        local dv
        dv="$(<"$data/PG_VERSION")"
        if [[ "$(_mandat_pg_major)" != "$dv" ]]; then
            if [[ -x "/usr/lib/postgresql/$dv/bin/pg_ctl" ]]; then
                MANDAT_PG_BIN="/usr/lib/postgresql/$dv/bin"
            else
                mandat_warn "$display was made by PostgreSQL $dv, which is not installed (found $(_mandat_pg_major))"
                printf '       delete it (rm -rf %q) to start over with a new, empty cluster\n' "$data" >&2
                return 1
            fi
        fi
    fi
    local major
    major="$(_mandat_pg_major)"

    if mandat_is_root && [[ -d "$data" ]] && [[ "$(stat -c %U -- "$data")" != postgres ]]; then
        chown -R postgres:postgres -- "$data" || return 1
    fi

    # Create it.
    if [[ ! -s "$data/PG_VERSION" ]]; then
        if [[ -e "$data" ]]; then
            mandat_say "Removing the unfinished cluster $display ..."
            rm -rf -- "$data" || return 1
        fi
        mandat_say "Creating a private PostgreSQL $major cluster in $display ..."
        mkdir -p -- "$data" && chmod 700 "$data" && _mandat_pg_chown_owner "$data" || return 1
        local initlog
        initlog="$(mktemp)"
        if ! _mandat_pg_as_owner "$MANDAT_PG_BIN/initdb" -D "$data" -A trust -U postgres \
            -E UTF8 --locale=C.UTF-8 >"$initlog" 2>&1 </dev/null; then
            cat "$initlog" >&2
            rm -f -- "$initlog"
            mandat_warn "initdb failed for $display"
            return 1
        fi
        rm -f -- "$initlog"
        printf "\n# Settings of scripts/lib/postgres.sh, rewritten at each start.\ninclude_if_exists = 'mandat.conf'\n" \
            >>"$data/postgresql.conf"
    fi

    local sock="" port=""
    # Already running (an earlier run that did not stop it)?  Adopt it.
    if _mandat_pg_running "$data"; then
        port="$(sed -n 4p "$data/postmaster.pid" 2>/dev/null || true)"
        sock="$(sed -n 5p "$data/postmaster.pid" 2>/dev/null || true)"
        if [[ -n "$sock" && -n "$port" ]] &&
            _mandat_pg_reachable "postgres://postgres@localhost/postgres?host=$(_mandat_pg_urlencode "$sock")&port=$port"; then
            mandat_say "Reusing the private PostgreSQL $major cluster already running in $display"
            case "$sock" in /tmp/mandat-pg.*) MANDAT_PG_SOCKDIR_TMP="$sock" ;; esac
        else
            mandat_say "Restarting the private PostgreSQL cluster in $display (it does not answer) ..."
            _mandat_pg_as_owner "$MANDAT_PG_BIN/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null 2>&1 ||
                _mandat_pg_as_owner "$MANDAT_PG_BIN/pg_ctl" stop -D "$data" -m immediate -w >/dev/null 2>&1 || true
            sock=""
            port=""
        fi
    fi

    if [[ -z "$port" ]]; then
        # The socket directory; a Unix socket path must stay under 108 bytes
        # including "/.s.PGSQL.NNNNN".
        sock="$MANDAT_ROOT/.run/pgsock-$name"
        if ((${#sock} >= 90)) || { mandat_is_root && ! _mandat_pg_owner_can_reach "$MANDAT_ROOT/.run"; }; then
            sock="$(mktemp -d /tmp/mandat-pg.XXXX)" || return 1
            MANDAT_PG_SOCKDIR_TMP="$sock"
        fi
        mkdir -p -- "$sock" && chmod 755 "$sock" && _mandat_pg_chown_owner "$sock" || return 1
        port=5433
        while [[ -e "$sock/.s.PGSQL.$port" || -e "$sock/.s.PGSQL.$port.lock" ]]; do
            port=$((port + 1))
            if ((port > 5999)); then
                mandat_warn "no free socket name in $sock"
                return 1
            fi
        done

        local conf="$data/mandat.conf" sock_conf="${sock//\'/\'\'}"
        {
            printf '# Written by scripts/lib/postgres.sh at each start: edits are lost.\n'
            printf "listen_addresses = ''\n"
            printf "unix_socket_directories = '%s'\n" "$sock_conf"
            printf 'port = %s\n' "$port"
            printf 'max_connections = 200\n'
            if ((throwaway)); then
                printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'
            fi
        } >"$conf" || return 1
        _mandat_pg_chown_owner "$conf"

        if ((throwaway)); then
            mandat_say "Starting a private PostgreSQL $major cluster in $display (throwaway: fsync off) ..."
        else
            mandat_say "Starting a private PostgreSQL $major cluster in $display ..."
        fi
        if ! _mandat_pg_as_owner "$MANDAT_PG_BIN/pg_ctl" start -D "$data" -l "$data/server.log" \
            -w -t 60 >/dev/null 2>&1 </dev/null; then
            mandat_warn "PostgreSQL did not start; the end of $display/server.log:"
            tail -n 20 "$data/server.log" >&2 2>/dev/null || true
            if [[ -n "$MANDAT_PG_SOCKDIR_TMP" ]]; then
                rm -rf -- "$MANDAT_PG_SOCKDIR_TMP"
                MANDAT_PG_SOCKDIR_TMP=""
            fi
            return 1
        fi
    fi
    MANDAT_PG_STARTED=1

    local hostq
    hostq="host=$(_mandat_pg_urlencode "$sock")&port=$port"
    local admin="postgres://postgres@localhost/postgres?$hostq"
    local exists
    exists="$(_mandat_pg_psql "$admin" -X -w -Atq -v ON_ERROR_STOP=1 -v db="$dbname" \
        <<<"select 1 from pg_database where datname = :'db';")" || {
        mandat_warn "cannot query the private cluster in $display"
        return 1
    }
    if [[ "$exists" != 1 ]]; then
        mandat_say "Creating the database $dbname ..."
        _mandat_pg_psql "$admin" -X -w -q -v ON_ERROR_STOP=1 -v db="$dbname" \
            <<<'create database :"db";' || return 1
    fi

    DATABASE_URL="postgres://postgres@localhost/$(_mandat_pg_urlencode "$dbname")?$hostq"
    export DATABASE_URL
    if ! _mandat_pg_reachable "$DATABASE_URL"; then
        mandat_warn "the private cluster does not answer at $DATABASE_URL: $MANDAT_PG_ERROR"
        return 1
    fi
    mandat_say "PostgreSQL ready: DATABASE_URL=$DATABASE_URL"
}

# Stops the private cluster that mandat_pg_ensure started or adopted; does
# nothing for an external DATABASE_URL or when called twice.  Never fails.
mandat_pg_stop() {
    if [[ "${MANDAT_PG_STARTED:-}" == 1 && -n "$MANDAT_PG_DATA" ]]; then
        MANDAT_PG_STARTED=""
        mandat_say "Stopping the private PostgreSQL cluster in $MANDAT_PG_DISPLAY ..."
        if ! _mandat_pg_as_owner "$MANDAT_PG_BIN/pg_ctl" stop -D "$MANDAT_PG_DATA" -m fast -w -t 60 \
            >/dev/null 2>&1 </dev/null; then
            if _mandat_pg_running "$MANDAT_PG_DATA"; then
                mandat_warn "could not stop the cluster in $MANDAT_PG_DISPLAY (see its server.log)"
            fi
        fi
    fi
    if [[ -n "${MANDAT_PG_SOCKDIR_TMP:-}" ]]; then
        rm -rf -- "$MANDAT_PG_SOCKDIR_TMP" 2>/dev/null || true
        MANDAT_PG_SOCKDIR_TMP=""
    fi
    return 0
}
