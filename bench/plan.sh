#!/usr/bin/env bash
# Times `schemaplan plan` (rehearsal included) on the bench's 1,000-table pair (a-1000.sql -> b-1000.sql, 98 changes),
# with the server as --dev-database, as a whole process; prints the tool's own slow-phase lines too.
# Usage: bench/plan.sh [CLI_DLL]   (default: src/SchemaPlanner.Tool/bin/Release/net10.0/schemaplan.dll)
# Server: SCHEMAPLAN_BENCH_SERVER (keyword connection string, CREATEDB; default: the test server on 127.0.0.1:55432).
set -euo pipefail
cd "$(dirname "$0")/.."
server=${SCHEMAPLAN_BENCH_SERVER:-Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres}
cli=${1:-src/SchemaPlanner.Tool/bin/Release/net10.0/schemaplan.dll}
work=$(mktemp -d)
kv() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$server"; }
export PGHOST=$(kv Host) PGPORT=$(kv Port) PGUSER=$(kv Username)
[ -n "$(kv Password)" ] && export PGPASSWORD=$(kv Password)
current=bench_plan_current_$$; desired=bench_plan_desired_$$
trap 'for d in "$current" "$desired"; do psql -qX -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT

dotnet build bench/SchemaPlanner.Bench/SchemaPlanner.Bench.csproj -c Release -nologo -v quiet >/dev/null
dotnet bench/SchemaPlanner.Bench/bin/Release/net10.0/SchemaPlanner.Bench.dll --emit-sql "$work/sql" --sizes 1000 >/dev/null
psql -qX -d postgres -c "CREATE DATABASE $current" -c "CREATE DATABASE $desired" >/dev/null
psql -qX -d "$current" -v ON_ERROR_STOP=1 -f "$work/sql/a-1000.sql" >/dev/null
psql -qX -d "$desired" -v ON_ERROR_STOP=1 -f "$work/sql/b-1000.sql" >/dev/null
conn() { echo "$server" | sed "s/Database=[^;]*/Database=$1/"; }

echo "plan of the 1,000-table pair (rehearsal included), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "plan: %e s wall, peak RSS %M KB, CPU %U+%S s" \
  dotnet "$cli" plan --database "$(conn "$current")" --desired "$(conn "$desired")" --dev-database "$server" --out "$work/plan" 2>&1 \
  | grep -v '^/' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
