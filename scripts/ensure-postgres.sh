#!/usr/bin/env bash
# Installs Debian's PostgreSQL server if it is missing (for the store tests and benchmarks).
# Only the binaries are needed: the tests start a throwaway cluster of their own
# (scripts/pg-throwaway.sh), so the packaged cluster is not used.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== postgresql: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-postgres: PostgreSQL is not installed and this is not root: apt-get install postgresql" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends postgresql >/dev/null 2>&1; then
  apt-get update >/dev/null
  apt-get install -y --no-install-recommends postgresql >/dev/null
fi
echo "== postgresql installed: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
