#!/usr/bin/env bash
# Makes a Docker engine answer on this machine for the container-backed tests and `--dev-database docker`:
# installs Debian's docker.io (Docker 20.10, API 1.41) and debootstrap when dockerd is missing, starts dockerd in
# the background when no engine answers (log: $SCHEMAPLAN_DOCKERD_LOG, default /var/log/schemaplanner-dockerd.log;
# overlay2 first, then the vfs storage driver), then builds the PostgreSQL image (skipped when it exists).
# Needs root. Exits non-zero, saying why, when no engine can be made to answer.
set -euo pipefail
cd "$(dirname "$0")/.."

log="${SCHEMAPLAN_DOCKERD_LOG:-/var/log/schemaplanner-dockerd.log}"

engine_answers() { docker version >/dev/null 2>&1; }

wait_for_engine() {
  for _ in $(seq 1 60); do
    engine_answers && return 0
    kill -0 "$1" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

if ! engine_answers; then
  if [ "$(id -u)" -ne 0 ]; then echo "docker-engine: no Docker engine answers, and starting one needs root" >&2; exit 1; fi
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
    echo "docker-engine: installing docker.io and debootstrap with apt-get" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null
  fi
  command -v docker >/dev/null 2>&1 || { echo "docker-engine: no docker client after installing docker.io" >&2; exit 1; }

  started=""
  for options in "" "--storage-driver=vfs"; do
    echo "docker-engine: starting dockerd ${options:-(default storage driver)}; log in $log" >&2
    # shellcheck disable=SC2086 # options is a word list on purpose
    setsid dockerd $options >>"$log" 2>&1 < /dev/null &
    pid=$!
    if wait_for_engine "$pid"; then started=yes; break; fi
    echo "docker-engine: dockerd ${options:-(default)} did not answer within 60 s; last lines of its log:" >&2
    tail -n 5 "$log" >&2 || true
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [ -n "$started" ] || { echo "docker-engine: no Docker engine could be started" >&2; exit 1; }
fi

echo "docker-engine: $(docker version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}')" >&2
bash scripts/build-postgres-image.sh "${SCHEMAPLAN_TEST_PG_MAJOR:-15}"
