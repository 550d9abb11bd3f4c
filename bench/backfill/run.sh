#!/usr/bin/env bash
# Backfill benchmark: the batched keyset backfill that `schemaplan plan` generates for a column rename
# (public.articles.text -> body) on a 1,000,000-row table, run while a pgbench writer updates random rows
# through the old shape and a steady inserter adds new rows at a fixed rate; compared with the same writers
# alone and with one plain UPDATE on a fresh copy.
#
#   bench/backfill/run.sh                 # tuned batches (5000 rows, 50 ms pause) + the defaults (1000, 100 ms)
#   bench/backfill/run.sh --no-defaults   # skip the run with the default batch settings (~2.5 minutes less)
#   bench/backfill/run.sh --traffic-only  # only the tuned backfill under traffic (no plain UPDATE, no backfill alone)
#
# Environment (all optional):
#   ROWS=1000000         rows in the table
#   BATCH_SIZE=5000      batchSize for the tuned run     PAUSE_MS=50     batchPauseMs for the tuned run
#   WRITER_SECONDS=30    length of the writer-alone baseline
#   CLIENTS=4 THREADS=2  pgbench writer clients/threads
#   INSERT_RATE=200      new rows per second from the steady inserter (pgbench -R, 1 client); 0 = no inserter
#   BACKFILL_CAP=900     seconds a backfill may run (statement_timeout on its DO block); past it: "finished: no"
#   PG_BIN=/usr/lib/postgresql/15/bin
#   SKIP_BUILD=1         use the schemaplan.dll already built
#   REPORT=FILE          write the figures there instead of bench/backfill/results/last-run.txt
#   KEEP=1               keep the scratch directory (cluster stopped, logs and plans kept) for inspection
#
# Needs: PostgreSQL 15 server binaries, psql, pgbench, python3 (free port), dotnet (to build the tool).
# Figures go to stdout and bench/backfill/results/last-run.txt. Targets print PASS/MISS; they never fail
# the script. A throwaway cluster on a free 127.0.0.1 port is removed on exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

ROWS="${ROWS:-1000000}"
BATCH_SIZE="${BATCH_SIZE:-5000}"
PAUSE_MS="${PAUSE_MS:-50}"
WRITER_SECONDS="${WRITER_SECONDS:-30}"
CLIENTS="${CLIENTS:-4}"
THREADS="${THREADS:-2}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
INSERT_RATE="${INSERT_RATE:-200}"
BACKFILL_CAP="${BACKFILL_CAP:-900}"
CHUNK_SECONDS=3           # the writer beside a backfill runs as back-to-back pgbench runs of this length
RUN_DEFAULTS=1
TRAFFIC_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --no-defaults) RUN_DEFAULTS=0 ;;
    --traffic-only) TRAFFIC_ONLY=1; RUN_DEFAULTS=0 ;;
    -h|--help) sed -n '2,24p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

for b in initdb pg_ctl psql pgbench; do
  [ -x "$PG_BIN/$b" ] || { echo "missing $PG_BIN/$b (set PG_BIN)" >&2; exit 2; }
done
PSQL="$PG_BIN/psql"
PGBENCH="$PG_BIN/pgbench"

work="$(mktemp -d /tmp/schemaplan-backfill-bench.XXXXXX)"
chmod 755 "$work"
data="$work/data"
results_dir="$here/results"
mkdir -p "$results_dir"
report="${REPORT:-$results_dir/last-run.txt}"
partial="$work/report.txt"     # the report is assembled in the scratch directory, then copied
: > "$partial"

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

writer_pids=()
cleanup() {
  set +e
  touch "$work/stop-writer" 2>/dev/null
  for p in "${writer_pids[@]:-}"; do [ -n "$p" ] && { pkill -P "$p" 2>/dev/null; kill "$p" 2>/dev/null; }; done
  if [ -f "$data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1
  fi
  if [ "${KEEP:-0}" = 1 ]; then
    echo "scratch directory kept: $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "$*" | tee -a "$partial"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# ---------------------------------------------------------------------------------------------- build
dll="$root/src/SchemaPlanner.Tool/bin/Release/net10.0/schemaplan.dll"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building schemaplan (Release) ..."
  if ! dotnet build "$root/src/SchemaPlanner.Tool" -c Release -nologo -v quiet >"$work/build.log" 2>&1; then
    tail -20 "$work/build.log" >&2
    if [ -f "$dll" ]; then
      echo "WARNING: the build failed; using the older $dll" | tee -a "$partial" >&2
    else
      echo "the build failed and there is no schemaplan.dll" >&2; exit 1
    fi
  fi
fi
[ -f "$dll" ] || { echo "missing $dll" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------- cluster
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; fi
echo "starting PostgreSQL on 127.0.0.1:$port (data in $data) ..."
as_pg "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-sync >"$work/initdb.log" 2>&1
# A production-like small server: 1 GB of buffers, checkpoints spaced out so that none lands in the middle of
# one measurement and not the other; autovacuum on (and logged); lock waits over 1 s and deadlocks go to the log.
as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_wal_size=8GB \
      -c checkpoint_timeout=30min -c log_lock_waits=on -c deadlock_timeout=1s -c log_autovacuum_min_duration=0 \
      -c log_line_prefix='%m [%p] %d '" start >/dev/null

server="postgresql://postgres@127.0.0.1:$port"
sql() { local db="$1"; shift; "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$server/$db" "$@"; }

# ---------------------------------------------------------------------------------------------- seed
echo "seeding $ROWS rows ..."
t0="$(now)"
sql postgres -c "CREATE DATABASE seed"
sql seed -v rows="$ROWS" -f "$here/seed.sql"
sql seed -c "VACUUM (ANALYZE) articles"
seed_size="$(sql seed -At -c "SELECT pg_size_pretty(pg_total_relation_size('articles'))")"
echo "seeded in $(elapsed "$t0" "$(now)") s ($seed_size)"

fresh_db() {
  PGOPTIONS='-c client_min_messages=warning' sql postgres -c "DROP DATABASE IF EXISTS $1" \
    -c "CREATE DATABASE $1 TEMPLATE seed STRATEGY FILE_COPY"
}

# What the writer's backends wait on, sampled every 50 ms from pg_stat_activity (one session, so the sampler
# itself costs little): Lock:transactionid/tuple means a row lock held by the backfill's open batch.
sql postgres -c "CREATE TABLE wait_samples (tag text, wait text)"
sampler_start() { # tag
  PGAPPNAME=bench-sampler sql postgres -c "DO \$s\$ BEGIN LOOP
      INSERT INTO wait_samples SELECT '$1', coalesce(wait_event_type || ':' || wait_event, 'CPU')
        FROM pg_stat_activity WHERE application_name = 'pgbench' AND state = 'active';
      COMMIT; PERFORM pg_sleep(0.05); END LOOP; END \$s\$" >/dev/null 2>&1 &
  sampler_pid=$!
  local i
  for i in $(seq 50); do   # until it runs, so that sampler_stop cannot miss it
    [ "$(sql postgres -At -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'bench-sampler'")" = 1 ] && break
    sleep 0.1
  done
}
sampler_stop() {
  sql postgres -At -c "SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity WHERE application_name = 'bench-sampler'" >/dev/null
  wait "$sampler_pid" 2>/dev/null || true
}
waits() { # tag -> "Lock:transactionid 12%, CPU 40%, ..." (top 5)
  sql postgres -At -c "SELECT string_agg(wait || ' ' || pct || '%', ', ' ORDER BY n DESC) FROM (
      SELECT wait, count(*) AS n, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
        FROM wait_samples WHERE tag = '$1' GROUP BY wait ORDER BY n DESC LIMIT 5) t"
}

# ---------------------------------------------------------------------------------------------- plans
# Same schema in every copy, so one plan per config serves all of them.
make_plan() { # name batchSize pauseMs(empty = the tool's defaults)
  local name="$1" size="$2" pause="$3" cfg="$work/$1.schemaplan.json"
  if [ -n "$size" ]; then
    printf '{ "hints": [ { "rename": "public.articles.text", "to": "body" } ], "batchSize": %s, "batchPauseMs": %s }\n' \
      "$size" "$pause" > "$cfg"
  else
    printf '{ "hints": [ { "rename": "public.articles.text", "to": "body" } ] }\n' > "$cfg"
  fi
  dotnet "$dll" plan --database "$server/planfrom" --desired "$here/desired.sql" --config "$cfg" \
    --dev-database "$server/postgres" --out "$work/plan-$name" --no-rehearse >"$work/plan-$name.log" 2>&1 \
    || { cat "$work/plan-$name.log" >&2; exit 1; }
}
fresh_db planfrom
make_plan tuned "$BATCH_SIZE" "$PAUSE_MS"
[ "$RUN_DEFAULTS" = 1 ] && make_plan defaults "" ""
sql postgres -c "DROP DATABASE planfrom"

# Step files of release 1 in a phase, with their "transactional" flag, in plan order.
steps() { # plandir phase
  python3 - "$1/plan.json" "$2" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
for s in plan["steps"]:
    if s["release"] == 1 and s["phase"] == sys.argv[2]:
        print(("1" if s["transactional"] else "0") + " " + s["file"])
PY
}
run_phase() { # db plandir phase
  local t f
  while read -r t f; do
    if [ "$t" = 1 ]; then sql "$1" -1 -f "$2/$f"; else sql "$1" -f "$2/$f"; fi >>"$work/steps.log" 2>&1 \
      || { echo "step $f failed:" >&2; tail -20 "$work/steps.log" >&2; exit 1; }
  done < <(steps "$2" "$3")
}
backfill_file() { steps "$1" backfill | awk 'NR == 1 { print $2 }'; }
[ -n "$(backfill_file "$work/plan-tuned")" ] || { echo "the plan has no backfill step" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------- writer
pgbench_run() { # db seconds logprefix
  "$PGBENCH" -n -c "$CLIENTS" -j "$THREADS" -T "$2" -D rows="$ROWS" -f "$here/update.sql" \
    -l --log-prefix="$3" -h 127.0.0.1 -p "$port" -U postgres "$1"
}
# The steady inserter: 1 client at INSERT_RATE transactions per second (pgbench -R), its own application_name so
# that the wait sampler keeps watching the updater alone.
insert_run() { # db seconds logprefix
  PGAPPNAME=pgbench-insert "$PGBENCH" -n -c 1 -j 1 -R "$INSERT_RATE" -T "$2" -f "$here/insert.sql" \
    -l --log-prefix="$3" -h 127.0.0.1 -p "$port" -U postgres "$1"
}
# Writer beside a backfill: back-to-back pgbench runs until told to stop, so each run ends cleanly with its
# summary and its per-transaction log. The inserter (tag "<tag>-ins") runs the same way beside it.
writer_loop() { # db tag [runner]
  local i=0 rc run="${3:-pgbench_run}"
  while [ ! -f "$work/stop-writer" ]; do
    i=$((i + 1))
    rc=0
    "$run" "$1" "$CHUNK_SECONDS" "$work/log-$2.$i" >"$work/pgbench-$2.$i.out" 2>"$work/pgbench-$2.$i.err" || rc=$?
    echo "$rc" > "$work/pgbench-$2.$i.rc"
  done
}
# Latency statistics (ms) from per-transaction logs, for transactions that ended in [from, to].
latency_stats() { # tag from to  -> "n p50 p95 p99 max failed tps"
  local tag="$1" from="$2" to="$3"
  cat "$work"/log-"$tag".* 2>/dev/null | awk -v from="$from" -v to="$to" '
    { t = $5 + $6 / 1e6; if (t < from || t > to) next
      if ($3 == "failed" || $3 == "serialization" || $3 == "deadlock" || $3 == "skipped") { failed++; next }
      print $3 / 1000.0 }
    END { if (failed) print "FAILED " failed > "/dev/stderr" }' 2>"$work/failed-$tag" | sort -g > "$work/lat-$tag"
  local failed=0
  [ -s "$work/failed-$tag" ] && failed="$(awk '{ print $2 }' "$work/failed-$tag")"
  awk -v failed="$failed" -v secs="$(elapsed "$from" "$to")" '
    { v[NR] = $1 }
    function pct(p,  k) { k = int(p * NR); if (k < p * NR) k++; if (k < 1) k = 1; return v[k] }
    END { if (NR == 0) { print "0 0 0 0 0", failed, 0; exit }
          printf "%d %.2f %.2f %.2f %.2f %d %.0f\n", NR, pct(0.50), pct(0.95), pct(0.99), v[NR], failed, NR / secs }' \
    "$work/lat-$tag"
}
# Errors pgbench reported: failed transactions from the summaries plus clients aborted by an error.
writer_errors() { # tag
  local failed aborted
  failed="$(cat "$work"/pgbench-"$1".*.out 2>/dev/null | awk '/number of failed transactions/ { s += $5 } END { print s + 0 }')"
  aborted="$(cat "$work"/pgbench-"$1".*.err 2>/dev/null | grep -c 'aborted in command' || true)"
  echo $((failed + aborted))
}
server_log_count() { grep -c "$1" "$work/server.log" || true; }

# Backfill with the writer (and the inserter) beside it; sets bf_secs, bf_updated, bf_scanned, bf_batches,
# bf_from, bf_to and bf_finished (yes, or why not). The backfill is capped at BACKFILL_CAP seconds: a watchdog
# cancels its backend then (statement_timeout would not do: COMMIT inside the DO block restarts its clock), so the
# run always ends.
backfill_with_writer() { # db plandir tag
  local db="$1" plan="$2" tag="$3" file rc=0 n
  file="$(backfill_file "$plan")"
  sql "$db" -c CHECKPOINT
  rm -f "$work/stop-writer"
  n=${#writer_pids[@]}
  writer_loop "$db" "$tag" &
  writer_pids+=("$!")
  if [ "$INSERT_RATE" != 0 ]; then writer_loop "$db" "$tag-ins" insert_run & writer_pids+=("$!"); fi
  sleep 1
  sampler_start "$tag"
  bf_from="$(now)"
  ( sleep "$BACKFILL_CAP"
    sql postgres -At -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'bench-backfill'" >/dev/null
    touch "$work/backfill-capped" ) >/dev/null 2>&1 &
  local watchdog=$!
  rm -f "$work/backfill-capped"
  PGAPPNAME=bench-backfill sql "$db" -f "$plan/$file" >"$work/backfill-$tag.log" 2>&1 || rc=$?
  bf_to="$(now)"
  # Its sleep first: a sleep left behind would outlive the script (and keep a pipe reading its output open).
  pkill -P "$watchdog" sleep 2>/dev/null || true
  kill "$watchdog" 2>/dev/null || true
  wait "$watchdog" 2>/dev/null || true
  sampler_stop
  touch "$work/stop-writer"
  for p in "${writer_pids[@]:$n}"; do wait "$p"; done
  bf_secs="$(elapsed "$bf_from" "$bf_to")"
  bf_scanned="$(sed -n 's/.*done: \([0-9]*\) rows scanned, [0-9]* updated.*/\1/p' "$work/backfill-$tag.log")"
  bf_updated="$(sed -n 's/.*done: [0-9]* rows scanned, \([0-9]*\) updated.*/\1/p' "$work/backfill-$tag.log")"
  bf_batches="$(grep -c 'rows scanned of' "$work/backfill-$tag.log" || true)"
  if [ "$rc" = 0 ] && [ -n "$bf_updated" ]; then
    bf_finished=yes
  elif [ -f "$work/backfill-capped" ]; then
    bf_finished="no: still running after the ${BACKFILL_CAP} s cap"
  else
    bf_finished="no: $(grep -m1 'ERROR' "$work/backfill-$tag.log" || tail -1 "$work/backfill-$tag.log")"
  fi
  if [ -z "$bf_updated" ]; then   # stopped early: count what its committed batches did
    bf_updated="$(sed -n 's/.*rows scanned of ~[0-9]*, \([0-9]*\) updated.*/\1/p' "$work/backfill-$tag.log" | tail -1)"
    bf_scanned="$(sed -n 's/.*: \([0-9]*\) rows scanned of.*/\1/p' "$work/backfill-$tag.log" | tail -1)"
  fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo MISS; fi; }

# ---------------------------------------------------------------------------------------------- runs
rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%.0f", r / s }'; }
load() { cut -d' ' -f1 /proc/loadavg; }
av_pattern='automatic vacuum of table "bench.public.articles"'

say "SchemaPlanner backfill benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $("$PG_BIN/postgres" --version), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "table: articles, $ROWS rows ($seed_size); writer: pgbench -n -c $CLIENTS -j $THREADS, 1 random-row UPDATE per transaction; inserter: $([ "$INSERT_RATE" = 0 ] && echo none || echo "pgbench -n -c 1 -R $INSERT_RATE, 1 INSERT per transaction")"
say "plan: $(backfill_file "$work/plan-tuned") from the schemaplan.dll in src/SchemaPlanner.Tool/bin/Release"
say ""

p_secs=0
if [ "$TRAFFIC_ONLY" = 0 ]; then
# 1. the plain UPDATE on a fresh copy, alone.
echo "plain UPDATE on a fresh copy ..."
fresh_db plain
sql plain -c "ALTER TABLE articles ADD COLUMN body text" -c CHECKPOINT
p_from="$(now)"
sql plain -c "UPDATE articles SET body = text"
p_secs="$(elapsed "$p_from" "$(now)")"
sql postgres -c "DROP DATABASE plain"
say "== plain UPDATE articles SET body = text on a fresh copy, alone: ${p_secs} s ($(rate "$ROWS" "$p_secs") rows/s; load $(load))"

# 2. the tuned backfill alone on a fresh copy (no writer): separates the cost of batching from contention.
echo "tuned backfill alone on a fresh copy ..."
fresh_db alone
run_phase alone "$work/plan-tuned" pre-deploy
sql alone -c "VACUUM (ANALYZE) articles" -c CHECKPOINT
a_from="$(now)"
sql alone -f "$work/plan-tuned/$(backfill_file "$work/plan-tuned")" >"$work/backfill-alone.log" 2>&1
a_secs="$(elapsed "$a_from" "$(now)")"
sql postgres -c "DROP DATABASE alone"
say "== tuned backfill (batchSize $BATCH_SIZE, batchPauseMs $PAUSE_MS) alone on a fresh copy, no writer: ${a_secs} s" \
    "($(rate "$ROWS" "$a_secs") rows/s; load $(load)) = $(ratio "$a_secs" "$p_secs")x the plain UPDATE"
say ""
fi

# 3. one scenario per batch setting: fresh copy, pre-deploy (sync trigger installed, body still empty), the writer
#    alone for WRITER_SECONDS (its baseline, measured right before so that both see the same machine load), then
#    the writer beside the backfill. The steady inserter runs beside the writer in both, so the baseline differs
#    from the measured run by the backfill alone.
scenario() { # tag plandir label
  local tag="$1" plan="$2" label="$3"
  local b_n b_p50 b_p95 b_p99 b_max b_failed b_tps b_err b_load
  local n p50 p95 p99 max failed tps err dl0 lw0 av0 deadlocks lockwaits autovacs remaining r_time r_p99 bf_load
  local bi_line="" i_line="" max_before inserted ins_pid=""
  echo "$tag: pre-deploy, then the writer alone for ${WRITER_SECONDS}s ..."
  fresh_db bench
  run_phase bench "$plan" pre-deploy
  sql bench -c "VACUUM (ANALYZE) articles" -c CHECKPOINT
  b_load="$(load)"
  sampler_start "base-$tag"
  local from to
  from="$(now)"
  if [ "$INSERT_RATE" != 0 ]; then
    insert_run bench "$WRITER_SECONDS" "$work/log-base-$tag-ins.1" >"$work/pgbench-base-$tag-ins.1.out" 2>"$work/pgbench-base-$tag-ins.1.err" &
    ins_pid=$!
  fi
  pgbench_run bench "$WRITER_SECONDS" "$work/log-base-$tag" >"$work/pgbench-base-$tag.1.out" 2>"$work/pgbench-base-$tag.1.err" || true
  [ -n "$ins_pid" ] && { wait "$ins_pid" || true; }
  to="$(now)"
  sampler_stop
  read -r b_n b_p50 b_p95 b_p99 b_max b_failed b_tps < <(latency_stats "base-$tag" "$from" "$to")
  b_err="$(writer_errors "base-$tag")"
  if [ "$INSERT_RATE" != 0 ]; then
    local in ip50 ip95 ip99 imax ifailed itps
    read -r in ip50 ip95 ip99 imax ifailed itps < <(latency_stats "base-$tag-ins" "$from" "$to")
    bi_line="inserter beside it (${INSERT_RATE}/s target): ${in} rows, ${itps}/s, p50 ${ip50} ms, p99 ${ip99} ms, max ${imax} ms, errors $(writer_errors "base-$tag-ins")"
  fi

  echo "$tag: the backfill with the writer ..."
  dl0="$(server_log_count 'deadlock detected')"; lw0="$(server_log_count 'still waiting for')"; av0="$(server_log_count "$av_pattern")"
  bf_load="$(load)"
  max_before="$(sql bench -At -c "SELECT max(id) FROM articles")"
  backfill_with_writer bench "$plan" "$tag"
  read -r n p50 p95 p99 max failed tps < <(latency_stats "$tag" "$bf_from" "$bf_to")
  err="$(writer_errors "$tag")"
  # Rows the inserter added from its start to its stop, and those committed inside the backfill's window.
  inserted="$(sql bench -At -c "SELECT count(*) FROM articles WHERE id > $max_before")"
  if [ "$INSERT_RATE" != 0 ]; then
    read -r in ip50 ip95 ip99 imax ifailed itps < <(latency_stats "$tag-ins" "$bf_from" "$bf_to")
    i_line="inserter during the backfill (${INSERT_RATE}/s target): ${in} rows inside the backfill's window (${inserted} in all), ${itps}/s, p50 ${ip50} ms, p99 ${ip99} ms, max ${imax} ms, errors $(writer_errors "$tag-ins")"
  fi
  deadlocks=$(( $(server_log_count 'deadlock detected') - dl0 ))
  lockwaits=$(( $(server_log_count 'still waiting for') - lw0 ))
  autovacs=$(( $(server_log_count "$av_pattern") - av0 ))
  remaining="$(sql bench -At -c "SELECT count(*) FROM articles WHERE body IS DISTINCT FROM text")"
  sql postgres -c "DROP DATABASE bench"

  r_time="$(ratio "$bf_secs" "$p_secs")"; r_p99="$(ratio "$p99" "$b_p99")"
  say "== $label"
  say "writer alone (no backfill), ${WRITER_SECONDS} s right before (load $b_load): ${b_n} tx, ${b_tps} tps, p50 ${b_p50} ms, p95 ${b_p95} ms, p99 ${b_p99} ms, max ${b_max} ms, errors ${b_err}"
  [ -n "$bi_line" ] && say "  $bi_line"
  say "  wait events (samples): $(waits "base-$tag")"
  say "backfill finished: ${bf_finished}, in ${bf_secs} s (cap ${BACKFILL_CAP} s; load $bf_load): ${bf_scanned:-?} rows scanned, ${bf_updated:-0} updated in ${bf_batches} batches = $(rate "${bf_updated:-0}" "$bf_secs") rows/s"
  # Keys are dense (bigserial, no deletes), so rows scanned past the seeded max key were inserted before the
  # backfill read its bound; the rest came later and were left to the sync trigger.
  if [ "$INSERT_RATE" != 0 ] && [ "$bf_finished" = yes ]; then
    say "  rows inserted during the run: ${inserted}; $((bf_scanned - max_before)) before the backfill read its bound (scanned), $((inserted - bf_scanned + max_before)) after it (not chased: the sync trigger filled body)"
  fi
  [ "$TRAFFIC_ONLY" = 0 ] && say "backfill vs plain UPDATE: ${bf_secs} s / ${p_secs} s = ${r_time}x"
  say "writer during the backfill: ${n} tx, ${tps} tps, p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms, errors ${err}"
  [ -n "$i_line" ] && say "  $i_line"
  say "  wait events (samples): $(waits "$tag")"
  say "writer p99 vs its baseline: ${p99} ms / ${b_p99} ms = ${r_p99}x; server log: ${deadlocks} deadlocks, ${lockwaits} lock waits > 1 s, ${autovacs} autovacuums of articles"
  if [ "$remaining" != 0 ]; then say "WARNING: $remaining rows still differ after the backfill"; else say "every row (the inserted ones too) has body = text"; fi
  say "targets: backfill finishes: $(verdict "$([ "$bf_finished" = yes ] && echo 1)"), zero writer errors: $(verdict "$([ "$err" = 0 ] && echo 1)")," \
      "writer p99 within 2x of baseline: $(verdict "$(awk -v r="$r_p99" 'BEGIN { print (r != "n/a" && r <= 2) }')")," \
      "backfill within 3x of plain UPDATE: $(if [ "$TRAFFIC_ONLY" = 1 ]; then echo "not measured (--traffic-only)"; else verdict "$(awk -v r="$r_time" 'BEGIN { print (r != "n/a" && r <= 3) }')"; fi)"
  say ""
}

traffic="the writer"; [ "$INSERT_RATE" != 0 ] && traffic="the writer and the inserter (${INSERT_RATE} rows/s)"
scenario tuned "$work/plan-tuned" "tuned: batchSize $BATCH_SIZE, batchPauseMs $PAUSE_MS, with $traffic"
if [ "$RUN_DEFAULTS" = 1 ]; then
  d_file="$work/plan-defaults/$(backfill_file "$work/plan-defaults")"
  d_size="$(sed -n 's/^-- Keyset batches of \([0-9]*\) rows.*/\1/p' "$d_file")"
  d_pause="$(sed -n 's/^-- \([0-9.]*\) s pause between batches.*/\1/p' "$d_file")"
  scenario defaults "$work/plan-defaults" "defaults (no batch settings in schemaplan.json): batchSize $d_size, pause $d_pause s, with $traffic"
fi
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
cp "$partial" "$report"
[ -z "${REPORT:-}" ] && cp "$work/plan-tuned/$(backfill_file "$work/plan-tuned")" "$results_dir/last-run-backfill.sql"
echo "written: $report"
