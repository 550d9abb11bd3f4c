#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test SchemaPlanner: the PostgreSQL server binaries
# (initdb/pg_ctl/postgres, with the contrib extensions) and checks for the .NET SDK and Node.js (squawk).
set -euo pipefail

have_initdb() {
  [ -n "${SCHEMAPLAN_PG_BIN:-}" ] && [ -x "$SCHEMAPLAN_PG_BIN/initdb" ] && return 0
  command -v initdb >/dev/null 2>&1 && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

if ! have_initdb; then
  echo "prerequisites: PostgreSQL server binaries not found; installing them with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  # The package starts a cluster of its own; the tests start throwaway ones instead.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
fi

command -v dotnet >/dev/null 2>&1 || { echo "prerequisites: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || echo "prerequisites: npm not found; the squawk and migra comparisons need Node.js" >&2
