#!/usr/bin/env bash
# Builds SchemaPlanner (Release) and the bench, installs @pgkit/migra into bench/.tools if it is missing,
# and runs the bench. Arguments are passed to the bench, e.g.:
#   bench/run.sh                      # 100, 1,000 and 5,000 tables (10-12 minutes on 2 cores)
#   bench/run.sh --quick              # 100 and 1,000 tables only
#   bench/run.sh --sizes 1000 --runs 5 --no-migra
#   bench/run.sh --all                # every figure of issue #13 in one run, into bench/results/last-all.txt:
#                                     # db<->db diff at 1,000 and 5,000 tables beside migra, the DDL-files diff beside
#                                     # psql (ddl-files.sh), plan of the 1,000-table pair (plan.sh), the backfill
#                                     # under traffic (backfill/run.sh --traffic-only)
# SCHEMAPLAN_BENCH_DATABASE=postgresql://user:pw@host/postgres uses that server instead of a throwaway cluster
# (the user needs CREATEDB; statements are counted only if pg_stat_statements is in shared_preload_libraries).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "${1:-}" = "--all" ]; then
  shift
  mkdir -p bench/results
  {
    echo "== bench/run.sh --all, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "== db <-> db diff, 1,000 and 5,000 tables, beside @pgkit/migra"
    "$0" --sizes 1000,5000 "$@"
    echo "== desired schema as DDL files, beside psql -f"
    # The CLI users install: the ReadyToRun build the --sizes run above has just published.
    r2r=src/SchemaPlanner.Tool/bin/Release/net10.0/linux-x64/publish-r2r/schemaplan.dll
    RUNS="${RUNS:-3}" bench/ddl-files.sh "$r2r"
    echo "== plan of the 1,000-table pair, rehearsal included"
    bench/plan.sh "$r2r"
    echo "== backfill under traffic"
    SKIP_BUILD=1 bench/backfill/run.sh --traffic-only
    echo "== done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  } 2>&1 | tee bench/results/last-all.txt
  exit "${PIPESTATUS[0]}"
fi

migra_version="0.6.1"
if [ ! -x bench/.tools/node_modules/.bin/migra ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "installing @pgkit/migra@${migra_version} into bench/.tools ..."
    npm install --prefix bench/.tools --no-audit --no-fund --loglevel=error "@pgkit/migra@${migra_version}" \
      || echo "npm install failed: the bench will run without migra"
  else
    echo "npm not found: the bench will run without migra"
  fi
fi

echo "building Release ..."
dotnet build bench/SchemaPlanner.Bench/SchemaPlanner.Bench.csproj -c Release -nologo -v quiet
# The CLI runs use the ReadyToRun publish (Properties/PublishProfiles/ReadyToRun.pubxml): what a user who
# installs it that way starts; the plain build is the fallback.
cli=src/SchemaPlanner.Tool/bin/Release/net10.0/linux-x64/publish-r2r/schemaplan.dll
if ! dotnet publish src/SchemaPlanner.Tool/SchemaPlanner.Tool.csproj -c Release -p:PublishProfile=ReadyToRun -nologo -v quiet; then
  echo "WARNING: the ReadyToRun publish failed; the CLI runs use the plain build" >&2
  cli=src/SchemaPlanner.Tool/bin/Release/net10.0/schemaplan.dll
fi
if ! dotnet build src/SchemaPlanner.Tool/SchemaPlanner.Tool.csproj -c Release -nologo -v quiet; then
  if [ -f "$cli" ]; then
    echo "WARNING: building the schemaplan CLI failed; the CLI runs use the older $cli" >&2
  else
    echo "WARNING: building the schemaplan CLI failed; the CLI runs are skipped" >&2
  fi
fi

mkdir -p bench/results
exec dotnet bench/SchemaPlanner.Bench/bin/Release/net10.0/SchemaPlanner.Bench.dll --cli "$cli" --out bench/results/last-run.txt "$@"
