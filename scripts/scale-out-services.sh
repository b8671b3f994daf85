#!/usr/bin/env bash
# Starts what the scale-out tests need on loopback, idempotently, as root: Debian's PostgreSQL (a
# "dashboard" role that may create databases), Redis, and the nginx binary (the test starts nginx itself
# with its own configuration, because only it knows the two instances' ports).
# Safe to run again: every step checks first. Prints what it did; exits non-zero when a service is not up.
set -uo pipefail

PG_USER="${SCALEOUT_PG_USER:-dashboard}"
PG_PASSWORD="${SCALEOUT_PG_PASSWORD:-dashboard-test}"
REDIS_PORT="${SCALEOUT_REDIS_PORT:-6379}"

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "scale-out-services: needs ${need[*]}; run as root or install them first" >&2
        exit 1
    fi
    echo "scale-out-services: installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || exit 1
fi

# PostgreSQL: the packaged cluster listens on localhost only by default; start it when it is down.
cluster=$(pg_lsclusters --no-header 2>/dev/null | head -n 1)
if [ -z "$cluster" ]; then
    echo "scale-out-services: no PostgreSQL cluster; creating one"
    pg_createcluster "$(ls /usr/lib/postgresql | sort -n | tail -n 1)" main >/dev/null || exit 1
    cluster=$(pg_lsclusters --no-header | head -n 1)
fi
read -r pg_version pg_name pg_port pg_status _ <<<"$cluster"
if [ "$pg_status" != "online" ]; then
    pg_ctlcluster "$pg_version" "$pg_name" start || exit 1
fi
as_postgres() { (cd / && runuser -u postgres -- "$@"); }
for _ in $(seq 1 30); do
    as_postgres psql -p "$pg_port" -tAc "select 1" >/dev/null 2>&1 && break
    sleep 1
done
if ! as_postgres psql -p "$pg_port" -tAc "select 1 from pg_roles where rolname='$PG_USER'" | grep 1 >/dev/null; then
    as_postgres psql -p "$pg_port" -qc "create role \"$PG_USER\" login createdb password '$PG_PASSWORD'" || exit 1
fi
# Each test class drops its database WITH (FORCE). An autovacuum worker busy in it at that moment has no role, so
# PostgreSQL lets only members of pg_signal_backend end it ("42501: must be a member of the role whose process is being
# terminated"): seen twice with two test runs at once on a loaded box. Granting it again is a no-op.
as_postgres psql -p "$pg_port" -qc "grant pg_signal_backend to \"$PG_USER\"" >/dev/null 2>&1 || exit 1

# Redis: a loopback-only server without persistence (the tests own their keys; nothing to keep).
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep PONG >/dev/null; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save "" --appendonly no \
        --logfile /tmp/scale-out-redis.log >/dev/null || exit 1
    for _ in $(seq 1 30); do
        redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep PONG >/dev/null && break
        sleep 0.2
    done
fi

redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep PONG >/dev/null || { echo "scale-out-services: redis is not answering" >&2; exit 1; }
echo "scale-out-services: postgresql on 127.0.0.1:$pg_port (role $PG_USER), redis on 127.0.0.1:$REDIS_PORT, nginx $(/usr/sbin/nginx -v 2>&1 | sed 's/.*\///')"
