#!/usr/bin/env bash
# Builds the PostgreSQL image `--dev-database docker` uses by default (schemaplanner/postgres:MAJOR) without a
# container registry: debootstrap a minimal Debian from the archive apt already uses, install PostgreSQL in it,
# add an entrypoint that honours POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB (as the official image does,
# which is what Testcontainers.PostgreSql sets) and runs postgres in the foreground, then `docker import` it.
# Skips the build when the image already exists (pass --force to rebuild). Needs root and a Docker engine.
#
#   scripts/build-postgres-image.sh [--force] [MAJOR]      MAJOR defaults to 15 (what Debian bookworm ships)
#
# The Debian release is the one that ships postgresql-MAJOR: 13 bullseye, 15 bookworm, 17 trixie. Other majors are
# only in the PostgreSQL project's own apt repository (apt.postgresql.org): name a suite that has them with
# SCHEMAPLAN_IMAGE_SUITE and its archive with SCHEMAPLAN_IMAGE_MIRROR, or use an image from a registry
# (--dev-database docker:postgres:MAJOR).
# Environment: SCHEMAPLAN_IMAGE_SUITE (default: by MAJOR, as above), SCHEMAPLAN_IMAGE_MIRROR (default: the first
# deb.debian.org style URI apt uses here, else http://deb.debian.org/debian).
set -euo pipefail

force=0
if [ "${1:-}" = "--force" ]; then force=1; shift; fi
major="${1:-15}"
image="schemaplanner/postgres:$major"
case "$major" in
  13) debian_suite=bullseye ;;
  15) debian_suite=bookworm ;;
  17) debian_suite=trixie ;;
  *) debian_suite="" ;;
esac
suite="${SCHEMAPLAN_IMAGE_SUITE:-$debian_suite}"
if [ -z "$suite" ]; then
  echo "build-postgres-image: no Debian release ships postgresql-$major (13: bullseye, 15: bookworm, 17: trixie);" \
    "set SCHEMAPLAN_IMAGE_SUITE and SCHEMAPLAN_IMAGE_MIRROR to an archive that has it, or use a registry's image:" \
    "--dev-database docker:postgres:$major" >&2
  exit 2
fi

if [ "$(id -u)" -ne 0 ]; then echo "build-postgres-image: run as root (debootstrap and chroot need it)" >&2; exit 1; fi
command -v docker >/dev/null 2>&1 || { echo "build-postgres-image: docker (the client) not found" >&2; exit 1; }
docker version >/dev/null 2>&1 || { echo "build-postgres-image: no Docker engine answers (docker version failed)" >&2; exit 1; }

if [ "$force" -eq 0 ] && docker image inspect "$image" >/dev/null 2>&1; then
  echo "build-postgres-image: $image exists; skipping (--force rebuilds it)" >&2
  exit 0
fi

command -v debootstrap >/dev/null 2>&1 || {
  echo "build-postgres-image: installing debootstrap" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

mirror="${SCHEMAPLAN_IMAGE_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror=$(grep -hoE '^(URIs:|deb) +[^ ]*https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | head -n 1 || true)
  mirror="${mirror:-http://deb.debian.org/debian}"
fi

root=$(mktemp -d /var/tmp/schemaplanner-pgimage.XXXXXX)
chmod 755 "$root" # it becomes the image's /, which the postgres user must be able to enter
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

echo "build-postgres-image: debootstrap $suite from $mirror into $root" >&2
debootstrap --variant=minbase "$suite" "$root" "$mirror" >/dev/null

# No service may start inside the chroot, and the package must not make a cluster of its own.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/etc/postgresql-common/createcluster.d"
echo "create_main_cluster = false" > "$root/etc/postgresql-common/createcluster.d/schemaplanner.conf"
mount -t proc proc "$root/proc"
echo "build-postgres-image: installing postgresql-$major in the chroot" >&2
chroot "$root" /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-$major >/dev/null"
chroot "$root" /bin/sh -c "apt-get clean && rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/*"
umount "$root/proc"
rm -f "$root/usr/sbin/policy-rc.d"
rm -rf "$root/var/lib/postgresql/$major" "$root/etc/postgresql/$major" # a cluster the package may still have made

cat > "$root/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
# Starts PostgreSQL in the foreground; on the first start makes the cluster from POSTGRES_USER (default postgres),
# POSTGRES_PASSWORD (host connections need it; without one they are trusted) and POSTGRES_DB (default the user).
set -eu
PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export PGDATA
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
# As in the official image: options alone (Testcontainers passes -c fsync=off ...) are options to postgres.
case "${1:-}" in -*) set -- postgres "$@" ;; esac
if [ "${1:-postgres}" != "postgres" ]; then exec "$@"; fi
[ "$#" -gt 0 ] && shift
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
    initdb --no-sync -D "$PGDATA" -U "$user" -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >/dev/null
    rm -f "$pwfile"
    method=scram-sha-256
  else
    initdb --no-sync -D "$PGDATA" -U "$user" -E UTF8 --locale=C.UTF-8 --auth=trust >/dev/null
    method=trust
  fi
  printf 'host all all 0.0.0.0/0 %s\nhost all all ::/0 %s\n' "$method" "$method" >> "$PGDATA/pg_hba.conf"
  if [ "$db" != "postgres" ]; then
    pg_ctl -D "$PGDATA" -w -s -o "-c listen_addresses='' -k /tmp" start
    psql -h /tmp -U "$user" -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE \"$db\"" >/dev/null
    pg_ctl -D "$PGDATA" -w -s -m fast stop
  fi
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -k /tmp "$@"
EOF
chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"
mkdir -p "$root/var/lib/postgresql/data"
chroot "$root" chown -R postgres:postgres /var/lib/postgresql

echo "build-postgres-image: docker import as $image" >&2
tar -C "$root" -c . | docker import \
  --change "ENV PATH=/usr/lib/postgresql/$major/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV PGDATA=/var/lib/postgresql/data" \
  --change "ENV LANG=C.UTF-8" \
  --change "USER postgres" \
  --change "WORKDIR /var/lib/postgresql" \
  --change "EXPOSE 5432" \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  --change 'CMD ["postgres"]' \
  - "$image" >/dev/null
echo "build-postgres-image: built $image" >&2
