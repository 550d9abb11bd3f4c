#!/usr/bin/env bash
# Times `schemaplan diff --desired <DDL file>` on the bench's 1,000-table pair (b-1000.sql: ~3,000 statements),
# with an existing server as --dev-database and with the throwaway cluster, beside psql applying the same file
# and a db <-> db diff (the catalog reads the DDL path adds). Prints medians of RUNS runs of whole processes.
# Usage: bench/ddl-files.sh [CLI_DLL...]   (default: src/SchemaPlanner.Tool/bin/Release/net10.0/schemaplan.dll)
# Server: SCHEMAPLAN_BENCH_SERVER, a keyword connection string to a server where the user may CREATE DATABASE
# (default: the test server, Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres). RUNS defaults to 5.
set -euo pipefail
cd "$(dirname "$0")/.."
server=${SCHEMAPLAN_BENCH_SERVER:-Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres}
runs=${RUNS:-5}
clis=("$@")
[ ${#clis[@]} -gt 0 ] || clis=(src/SchemaPlanner.Tool/bin/Release/net10.0/schemaplan.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

kv() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$server"; }
export PGHOST=$(kv Host) PGPORT=$(kv Port) PGUSER=$(kv Username)
[ -n "$(kv Password)" ] && export PGPASSWORD=$(kv Password)

dotnet build bench/SchemaPlanner.Bench/SchemaPlanner.Bench.csproj -c Release -nologo -v quiet >/dev/null
dotnet bench/SchemaPlanner.Bench/bin/Release/net10.0/SchemaPlanner.Bench.dll --emit-sql "$work/sql" --sizes 1000 >/dev/null
echo "statements in b-1000.sql: $(grep -c ';$' "$work/sql/b-1000.sql")"

current=bench_ddl_current_$$; desired=bench_ddl_desired_$$
cleanup_dbs() { for d in "$current" "$desired" "bench_ddl_psql_$$"; do psql -qX -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true; done; }
trap 'cleanup_dbs; rm -rf "$work"' EXIT
psql -qX -d postgres -c "CREATE DATABASE $current" -c "CREATE DATABASE $desired" >/dev/null
psql -qX -d "$current" -v ON_ERROR_STOP=1 -f "$work/sql/a-1000.sql" >/dev/null
psql -qX -d "$desired" -v ON_ERROR_STOP=1 -f "$work/sql/b-1000.sql" >/dev/null
conn() { echo "$server" | sed "s/Database=[^;]*/Database=$1/"; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() { # label, command...
  local label=$1; shift; local t=()
  for _ in $(seq "$runs"); do
    local s; s=$(date +%s.%N); "$@" >/dev/null 2>"$work/err" || { [ $? -eq 1 ] || { cat "$work/err"; exit 1; }; }; t+=("$(echo "$(date +%s.%N) - $s" | bc)")
  done
  printf '%-70s %6.2f s   (runs: %s)\n' "$label" "$(printf '%s\n' "${t[@]}" | median)" "$(printf '%.2f ' "${t[@]}")"
}
psql_apply() { psql -qX -d postgres -c "CREATE DATABASE bench_ddl_psql_$$" >/dev/null
  psql -qX -d "bench_ddl_psql_$$" -v ON_ERROR_STOP=1 -f "$work/sql/b-1000.sql" >/dev/null
  psql -qX -d postgres -c "DROP DATABASE bench_ddl_psql_$$" >/dev/null; }

time_runs "psql -f b-1000.sql (create db, apply, drop db)" psql_apply
for cli in "${clis[@]}"; do
  echo "CLI: $cli"
  time_runs "  diff db <-> db (the catalog reads)" dotnet "$cli" diff --database "$(conn "$current")" --desired "$(conn "$desired")" --format json
  time_runs "  diff --desired b-1000.sql --dev-database <server>" dotnet "$cli" diff --database "$(conn "$current")" --desired "$work/sql/b-1000.sql" --dev-database "$server" --format json
  time_runs "  diff --desired b-1000.sql (throwaway cluster, start included)" env -u SCHEMAPLAN_DEV_DATABASE dotnet "$cli" diff --database "$(conn "$current")" --desired "$work/sql/b-1000.sql" --format json
done
