#!/bin/sh
# Debian's PostgreSQL for the portal's tests (issue 14): installed if missing, its cluster started, a `portal`
# role (password `portal`, allowed to create the test database). Prints the DATABASE_URL to use, and nothing else
# on stdout: whatever the tools say (pg_ctlcluster's "Removed stale pid file.", apt) goes to stderr.
set -e
exec 3>&1 1>&2
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
cluster=$(pg_lsclusters -h | head -n 1)
version=$(echo "$cluster" | awk '{print $1}')
name=$(echo "$cluster" | awk '{print $2}')
port=$(echo "$cluster" | awk '{print $3}')
# 3>&-: the server it starts must not hold the caller's $(...) open.
# A machine restored from a snapshot may hold a dead server's socket lock: removed when its process is gone.
start() { pg_ctlcluster "$version" "$name" start 3>&-; }
if ! echo "$cluster" | grep -q online && ! start; then
    lock=/var/run/postgresql/.s.PGSQL.$port.lock
    pid=$(head -n 1 "$lock" 2>/dev/null || true)
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then rm -f "$lock"; fi
    start
fi
su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='portal'\"" | grep -q 1 ||
    su postgres -c "psql -p $port -qc \"CREATE ROLE portal LOGIN CREATEDB PASSWORD 'portal'\""
su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='portal'\"" | grep -q 1 ||
    su postgres -c "createdb -p $port -O portal portal"
test -n "$port"
echo "postgresql://portal:portal@127.0.0.1:$port/portal" >&3
