# shellcheck shell=bash
# The local OpenID Connect provider of scripts/test and scripts/run --oidc: the certified
# `oidc-provider` npm package, installed into .run/node (git-ignored), run by
# tests/oidc/provider.mjs.
#
#   source scripts/lib/oidc.sh
#   mandat_oidc_ensure        # Node.js from Debian when missing; the package when missing

# shellcheck source=scripts/lib/common.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

MANDAT_OIDC_PACKAGE="oidc-provider@9.13.3"
MANDAT_OIDC_MODULES="$MANDAT_ROOT/.run/node/node_modules"

mandat_oidc_ensure() {
    local missing=()
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if ((${#missing[@]} > 0)); then
        mandat_apt_install "${missing[@]}"
    fi
    if [[ ! -f "$MANDAT_OIDC_MODULES/oidc-provider/package.json" ]]; then
        mandat_say "Installing $MANDAT_OIDC_PACKAGE into .run/node ..."
        mkdir -p -- "$MANDAT_ROOT/.run/node"
        [[ -f "$MANDAT_ROOT/.run/node/package.json" ]] ||
            printf '{"private": true}\n' >"$MANDAT_ROOT/.run/node/package.json"
        npm install --prefix "$MANDAT_ROOT/.run/node" --no-audit --no-fund --loglevel=error \
            "$MANDAT_OIDC_PACKAGE" >&2 ||
            mandat_die "could not install $MANDAT_OIDC_PACKAGE"
    fi
    export MANDAT_OIDC_MODULES
}
