#!/usr/bin/env bash
# What `make test` runs: install the browser and CJK fonts (Debian), start the
# local Neo4j test server, run pytest in strict mode (a skipped test fails), and
# stop the server again if this script started it. pytest runs one worker per core
# (pytest-xdist; PYTEST_WORKERS=N sets how many, 0 runs in this process alone);
# extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=${PY:-.venv/bin/python}
PORT=${NEO4J_BOLT_PORT:-7687}

started_here=0
if [ -z "${NEO4J_URI:-}" ] && ! timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then
    started_here=1
fi
stop() { if [ "$started_here" = 1 ]; then bash tools/neo4j-test-server/down.sh; fi; }
trap stop EXIT

# The browser (Debian's packages) and the Neo4j server (Maven's jars, then the JVM) are set up side by side.
bash tools/install-browser.sh & browser=$!
bash tools/neo4j-test-server/up.sh & neo4j=$!
status=0
wait "$browser" || status=$?
wait "$neo4j" || status=$?
[ "$status" = 0 ] || exit "$status"

DUTYGRAPH_STRICT=1 "$PY" -m pytest -n "${PYTEST_WORKERS:-auto}" --dist worksteal "$@"
