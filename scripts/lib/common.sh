# shellcheck shell=bash
# Helpers shared by scripts/run, scripts/test and scripts/lib/postgres.sh.
# Source it; it defines functions and MANDAT_ROOT and changes nothing else.
# Safe under `set -euo pipefail`.

if [[ -z "${MANDAT_ROOT:-}" ]]; then
    # The project root is the directory that holds scripts/, found from this
    # file's own path (scripts/lib/common.sh), whatever the caller's cwd.
    MANDAT_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)"
fi

# mandat_say MESSAGE... : a progress line on stderr.
mandat_say() {
    printf '==> %s\n' "$*" >&2
}

# mandat_warn MESSAGE... / mandat_die MESSAGE...
mandat_warn() {
    printf 'warning: %s\n' "$*" >&2
}
mandat_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

mandat_is_root() {
    [[ "$(id -u)" -eq 0 ]]
}

# mandat_apt_install PACKAGE... : installs Debian packages when we are root
# and apt-get exists ("apt-get update" runs at most once per process tree);
# otherwise fails with the command to run by hand.
mandat_apt_install() {
    (($# > 0)) || return 0
    if ! mandat_is_root || ! command -v apt-get >/dev/null 2>&1; then
        printf 'error: missing system packages: %s\n' "$*" >&2
        printf '       install them first, e.g.: sudo apt-get install %s\n' "$*" >&2
        return 1
    fi
    if [[ -z "${MANDAT_APT_UPDATED:-}" ]]; then
        mandat_say "Updating the Debian package lists (apt-get update) ..."
        DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2 ||
            mandat_warn "apt-get update failed; trying to install anyway"
        export MANDAT_APT_UPDATED=1
    fi
    mandat_say "Installing Debian packages: $* ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null >&2
}

# mandat_ensure_build_deps : what `cargo build` needs besides the Rust
# toolchain: a C linker, pkg-config and libpq (diesel links against it).
mandat_ensure_build_deps() {
    local missing=()
    if ! command -v cargo >/dev/null 2>&1 && [[ -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" ]]; then
        export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
    fi
    command -v cargo >/dev/null 2>&1 ||
        mandat_die "cargo not found: install the Rust toolchain first (https://rustup.rs)"
    command -v cc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    if ! _mandat_have_libpq_dev; then
        missing+=(libpq-dev)
    fi
    if ((${#missing[@]} > 0)); then
        mandat_apt_install "${missing[@]}"
    fi
}

_mandat_have_libpq_dev() {
    if command -v dpkg-query >/dev/null 2>&1; then
        dpkg-query -W -f='${Status}' libpq-dev 2>/dev/null | grep -q 'install ok installed'
        return
    fi
    # Not Debian: accept any libpq.so the linker can find.
    local d
    for d in /usr/lib /usr/lib64 /usr/local/lib /usr/lib/*-linux-gnu; do
        [[ -e "$d/libpq.so" ]] && return 0
    done
    [[ -n "${PQ_LIB_DIR:-}" ]]
}
