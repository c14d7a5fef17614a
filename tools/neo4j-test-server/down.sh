#!/usr/bin/env bash
# Stop the local Neo4j test server started by up.sh: SIGTERM (clean shutdown),
# SIGKILL after 30 s. Exits 0 when nothing runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PIDFILE=$PWD/run/neo4j.pid

pid=$(cat "$PIDFILE" 2>/dev/null || true)
# Only signal the pid if it is still our launcher (pids get reused).
if [ -z "$pid" ] || ! ps -p "$pid" -o args= 2>/dev/null | grep -q Launcher; then
    echo "neo4j-test-server: not running."
    rm -f "$PIDFILE"
    exit 0
fi

kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
    echo "neo4j-test-server: pid $pid still alive after 30 s; sending SIGKILL." >&2
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
fi
rm -f "$PIDFILE"
echo "neo4j-test-server: stopped (pid $pid)."
