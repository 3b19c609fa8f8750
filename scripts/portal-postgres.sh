#!/bin/sh
# Debian's PostgreSQL for the portal's tests (issue 14): installed if missing, its cluster started, a `portal`
# role (password `portal`, allowed to create the test database). Prints the DATABASE_URL to use.
set -e
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
cluster=$(pg_lsclusters -h | head -n 1)
version=$(echo "$cluster" | awk '{print $1}')
name=$(echo "$cluster" | awk '{print $2}')
port=$(echo "$cluster" | awk '{print $3}')
echo "$cluster" | grep -q online || pg_ctlcluster "$version" "$name" start
su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='portal'\"" | grep -q 1 ||
    su postgres -c "psql -p $port -qc \"CREATE ROLE portal LOGIN CREATEDB PASSWORD 'portal'\""
su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='portal'\"" | grep -q 1 ||
    su postgres -c "createdb -p $port -O portal portal"
echo "postgresql://portal:portal@127.0.0.1:$port/portal"
