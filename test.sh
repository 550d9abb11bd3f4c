#!/usr/bin/env bash
# The whole test suite on a fresh machine: prerequisites, build, every test against real PostgreSQL
# (throwaway clusters the tests start themselves; SCHEMAPLAN_TEST_DATABASE points them at a server instead).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh
dotnet build SchemaPlanner.sln -c Release -nologo -v q
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test SchemaPlanner.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
sum() { grep -oE "$1: +[0-9]+" "$log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
echo "$(sum Passed) passed, $(sum Failed) failed"
exit "$status"
