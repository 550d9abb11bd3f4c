#!/usr/bin/env bash
# The main job on the bundled sample, with nothing set up by hand: a throwaway PostgreSQL cluster is started,
# samples/current is loaded (schema and rows), `schemaplan diff` compares it with samples/desired, `schemaplan
# plan` writes and rehearses the migration into samples/out, and the cluster is removed (also on error/Ctrl+C).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh
dotnet build src/SchemaPlanner.Tool -c Release -nologo -v q

bin=${SCHEMAPLAN_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
root=$(mktemp -d /tmp/schemaplan-demo-XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$root"
cleanup() { as_pg "$bin/pg_ctl" -D "$root/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$root"; }
trap cleanup EXIT INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$bin/initdb" -D "$root/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$root/data" -l "$root/log" -w -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
server="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
"$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE shop" postgres
cat samples/current/*.sql | "$bin/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres shop
database="Host=127.0.0.1;Port=$port;Username=postgres;Database=shop"

schemaplan() { (cd samples && dotnet ../src/SchemaPlanner.Tool/bin/Release/net10.0/schemaplan.dll "$@"); }
echo "== schemaplan diff"
schemaplan diff --database "$database" --desired desired --dev-database "$server"
echo
echo "== schemaplan plan --out samples/out"
schemaplan plan --database "$database" --desired desired --dev-database "$server" --out out --force
echo
sed -n '1,40p' samples/out/plan.md
echo "... (the whole plan: samples/out/plan.md; the SQL files: samples/out/release-*/)"
