#!/usr/bin/env bash
# Sets up what the tests need, then runs the command it is given (make test: pytest) with
# DYAD_TEST_PG set, so neither the browser tests nor the PostgreSQL backend is left out.
#
# As root (CI, a fresh Debian machine) it installs Debian's chromium and postgresql when
# missing, starts the cluster and creates the role and database. As anyone else it only
# checks, and stops at once with one line saying what to install or start.
#   DYAD_TEST_PG=postgresql://…  use this server instead of setting one up
#   DYAD_TEST_PG=skip            leave PostgreSQL out (make test-fast does)
# PYTHON is the interpreter that probes the server (the venv's: it has psycopg).
set -euo pipefail

PG_URL_DEFAULT="postgresql://dyad:dyad@127.0.0.1/dyad_test"
PYTHON="${PYTHON:-python3}"
started_cluster=""

stop() {
    echo "make test: $1" >&2
    exit 2
}

is_root() {
    [ "$(id -u)" = 0 ]
}

apt_install() {
    echo "make test: installing $* from Debian's packages (apt-get)" >&2
    if [ -z "${APT_UPDATED:-}" ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Connects to the URL; on failure the reason is left in $pg_error (one line).
pg_reachable() {
    pg_error="$("$PYTHON" - "$1" 2>&1 <<'EOF'
import sys

import psycopg

try:
    psycopg.connect(sys.argv[1], connect_timeout=5).close()
except psycopg.Error as error:
    sys.exit(str(error).strip().splitlines()[-1])
EOF
)" && return
    pg_error="$(printf '%s' "$pg_error" | tail -1)"
    return 1
}

as_postgres() {
    su postgres -c "$1"
}

setup_chromium() {
    # Playwright drives Debian's Chromium; it downloads no browser of its own.
    [ -x /usr/bin/chromium ] && return
    is_root || stop "Chromium is missing for the browser tests: sudo apt-get install chromium"
    apt_install chromium
}

setup_postgresql() {
    if [ "${DYAD_TEST_PG:-}" = skip ]; then
        echo "make test: PostgreSQL left out (DYAD_TEST_PG=skip)" >&2
        return
    fi
    if [ -n "${DYAD_TEST_PG:-}" ]; then
        pg_reachable "$DYAD_TEST_PG" || stop "cannot connect to DYAD_TEST_PG=$DYAD_TEST_PG ($pg_error)"
        return
    fi
    export DYAD_TEST_PG="$PG_URL_DEFAULT"
    pg_reachable "$DYAD_TEST_PG" && return
    if ! is_root; then
        command -v pg_ctlcluster >/dev/null 2>&1 ||
            stop "PostgreSQL is missing: sudo apt-get install postgresql, then run sudo make test once"
        stop "no PostgreSQL at $DYAD_TEST_PG ($pg_error): run sudo make test once (starts the cluster, creates role and database), or set DYAD_TEST_PG=postgresql://… (DYAD_TEST_PG=skip leaves it out)"
    fi
    command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
    local version
    version="$(ls /etc/postgresql | sort -n | tail -1)"
    if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
        echo "make test: starting PostgreSQL $version" >&2
        pg_ctlcluster "$version" main start
        started_cluster="$version"
    fi
    as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'dyad'\"" | grep -q 1 ||
        as_postgres "psql -qc \"CREATE USER dyad WITH PASSWORD 'dyad'\""
    as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'dyad_test'\"" | grep -q 1 ||
        as_postgres "createdb -O dyad dyad_test"
    pg_reachable "$DYAD_TEST_PG" || stop "PostgreSQL is running but refuses $DYAD_TEST_PG ($pg_error)"
}

setup_chromium
setup_postgresql
echo "make test: DYAD_TEST_PG=${DYAD_TEST_PG}" >&2
status=0
"$@" || status=$?
# A cluster this script started is stopped again; one that was running stays up.
if [ -n "$started_cluster" ]; then
    pg_ctlcluster "$started_cluster" main stop
fi
exit "$status"
