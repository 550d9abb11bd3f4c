#!/usr/bin/env bash
# Times `schemaplan diff --desired <DDL file>` on the bench's 1,000-table pair (b-1000.sql: ~3,000 statements),
# with an existing server as --dev-database and with the throwaway cluster, beside psql applying the same file
# and a db <-> db diff (the catalog reads the DDL path adds). Prints medians of RUNS runs of whole processes.
# Runs are interleaved and each is preceded by a CHECKPOINT and sync; the last lines say PASS/MISS per target.
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
# Runs are interleaved (psql, then each CLI variant, RUNS rounds) and each starts after a CHECKPOINT and a sync,
# so the disk's write-back of the previous run lands on no one (it once made psql's own runs vary 4.4-9.1 s).
declare -A times
time_once() { # key, command...
  local key=$1; shift
  psql -qX -d postgres -c CHECKPOINT >/dev/null; sync
  local s; s=$(date +%s.%N); "$@" >/dev/null 2>"$work/err" || { [ $? -eq 1 ] || { cat "$work/err"; exit 1; }; }
  times[$key]="${times[$key]:-} $(echo "$(date +%s.%N) - $s" | bc)"
}
report() { # label, key
  local m; m=$(printf '%s\n' ${times[$2]} | median)
  printf '%-70s %6.2f s   (runs: %s)\n' "$1" "$m" "$(printf '%.2f ' ${times[$2]})"
}
psql_apply() { psql -qX -d postgres -c "CREATE DATABASE bench_ddl_psql_$$" >/dev/null
  psql -qX -d "bench_ddl_psql_$$" -v ON_ERROR_STOP=1 -f "$work/sql/b-1000.sql" >/dev/null
  psql -qX -d postgres -c "DROP DATABASE bench_ddl_psql_$$" >/dev/null; }

for _ in $(seq "$runs"); do
  time_once psql psql_apply
  for i in "${!clis[@]}"; do
    cli=${clis[$i]}
    time_once "$i-db" dotnet "$cli" diff --database "$(conn "$current")" --desired "$(conn "$desired")" --format json
    time_once "$i-dev" dotnet "$cli" diff --database "$(conn "$current")" --desired "$work/sql/b-1000.sql" --dev-database "$server" --format json
    time_once "$i-cluster" env -u SCHEMAPLAN_DEV_DATABASE dotnet "$cli" diff --database "$(conn "$current")" --desired "$work/sql/b-1000.sql" --format json
  done
done

report "psql -f b-1000.sql (create db, apply, drop db)" psql
psql_m=$(printf '%s\n' ${times[psql]} | median)
for i in "${!clis[@]}"; do
  echo "CLI: ${clis[$i]}"
  report "  diff db <-> db (the catalog reads)" "$i-db"
  report "  diff --desired b-1000.sql --dev-database <server>" "$i-dev"
  report "  diff --desired b-1000.sql (throwaway cluster, start included)" "$i-cluster"
  db_m=$(printf '%s\n' ${times[$i-db]} | median); dev_m=$(printf '%s\n' ${times[$i-dev]} | median)
  cl_m=$(printf '%s\n' ${times[$i-cluster]} | median)
  ratio=$(echo "scale=2; $dev_m / ($psql_m + $db_m)" | bc)
  verdict() { [ "$(echo "$1" | bc)" = 1 ] && echo PASS || echo MISS; }
  echo "  target --dev-database <= 1.3x (psql + catalog reads): ${ratio}x: $(verdict "$ratio <= 1.3")"
  echo "  target throwaway cluster <= 4 s, start included: $(printf %.2f "$cl_m") s: $(verdict "$cl_m <= 4")"
done
