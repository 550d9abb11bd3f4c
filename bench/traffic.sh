#!/usr/bin/env bash
# Everything the bench shows under traffic, in one command:
#   1. the bundled sample (samples/current -> samples/desired, samples/schemaplan.json) planned and rehearsed by the
#      product's rehearsal with both app versions writing: its per-step table and totals;
#   2. the batched backfill of a 1,000,000-row table with a random-row updater and a steady inserter beside it:
#      whether it finishes, its rows/s, the updater's p99 against its baseline, errors, rows inserted.
#
#   bench/traffic.sh            # ~4-5 minutes on 2 shared cores (1,000,000 rows)
#   bench/traffic.sh --quick    # ~1 minute (100,000 rows, 10 s baseline)
# Environment: ROWS, INSERT_RATE, BACKFILL_CAP, BATCH_SIZE, PAUSE_MS, ... as in bench/backfill/run.sh;
# SCHEMAPLAN_BENCH_DATABASE for the rehearsal's server (default: a throwaway cluster).
# Output: stdout and bench/results/last-traffic.txt (git-ignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
case "${1:-}" in
  --quick) export ROWS="${ROWS:-100000}" WRITER_SECONDS="${WRITER_SECONDS:-10}" ;;
  "") ;;
  *) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac
mkdir -p bench/results
out=bench/results/last-traffic.txt
echo "building Release ..."
dotnet build bench/SchemaPlanner.Bench/SchemaPlanner.Bench.csproj -c Release -nologo -v quiet
dotnet build src/SchemaPlanner.Tool/SchemaPlanner.Tool.csproj -c Release -nologo -v quiet
{
  echo "### 1. the bundled sample, rehearsed under traffic"
  # A failed rehearsal is a figure too: it is printed, and the backfill still runs.
  dotnet bench/SchemaPlanner.Bench/bin/Release/net10.0/SchemaPlanner.Bench.dll --rehearse-sample || echo "(a rehearsal failed: see above)"
  echo
  echo "### 2. the backfill under an updater and a steady inserter"
  SKIP_BUILD=1 REPORT="$root/bench/results/last-traffic-backfill.txt" bench/backfill/run.sh --traffic-only
} 2>&1 | tee "$out"
echo "written: $out"
