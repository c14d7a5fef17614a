#!/usr/bin/env bash
# Start the local Neo4j 5.26 Community test server on 127.0.0.1 (see README.md).
# Fetches the jars on first use, compiles Launcher.java when needed, starts the
# server in the background with a fresh database and waits until Bolt answers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PORT=${NEO4J_BOLT_PORT:-7687}
TIMEOUT=${NEO4J_START_TIMEOUT:-120}
RUN=$PWD/run              # Neo4j home: data/, logs/debug.log
PIDFILE=$RUN/neo4j.pid
OUT=$RUN/neo4j.out        # the launcher's stdout/stderr
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac

if [ -n "${NEO4J_URI:-}" ]; then
    echo "neo4j-test-server: NEO4J_URI is set ($NEO4J_URI); using that server, not starting one."
    exit 0
fi

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; }

# Prints the pid from the pid file if that process is alive and is our launcher.
our_pid() {
    local pid
    pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
    [ -n "$pid" ] && ps -p "$pid" -o args= 2>/dev/null | grep -q Launcher && echo "$pid"
}

started=0   # set once a server process exists; only then are its logs relevant
fail() {
    echo "neo4j-test-server: $1" >&2
    if [ "$started" = 1 ]; then
        echo "--- tail of $OUT" >&2
        tail -n 40 "$OUT" >&2 2>/dev/null || true
        echo "--- tail of $RUN/logs/debug.log" >&2
        tail -n 40 "$RUN/logs/debug.log" >&2 2>/dev/null || true
        if pid=$(our_pid); then kill -KILL "$pid" 2>/dev/null || true; fi
        rm -f "$PIDFILE"
    fi
    exit 1
}

# One up.sh at a time (two concurrent runs would race for the pid file).
# The server itself must not inherit fd 9, or it would hold the lock.
mkdir -p "$RUN"
if command -v flock >/dev/null; then exec 9>"$RUN/up.lock" && flock 9; fi

if port_open; then
    if pid=$(our_pid); then
        echo "neo4j-test-server: already running (pid $pid) on bolt://127.0.0.1:$PORT."
    else
        echo "neo4j-test-server: something already answers on 127.0.0.1:$PORT; not starting another server."
    fi
    exit 0
fi

if pid=$(our_pid); then
    started=1
    echo "neo4j-test-server: server (pid $pid) is still starting; waiting for it."
else
    # 1. Jars: fetched once; lib/.complete is written only after a successful copy.
    if [ ! -f lib/.complete ] || [ pom.xml -nt lib/.complete ]; then
        command -v mvn >/dev/null || fail "mvn not found (Maven 3.6+ is needed to fetch the Neo4j jars)"
        echo "neo4j-test-server: fetching Neo4j jars with Maven into lib/ (first run only)..."
        rm -rf lib
        mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib >"$RUN/maven.log" 2>&1 \
            || { cat "$RUN/maven.log" >&2; fail "Maven could not fetch the jars (see above)"; }
        touch lib/.complete
    fi

    # 2. Java 17 or 21 (Neo4j 5.26 supports nothing else).
    version=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
    case "$version" in
        17|21) ;;
        *) fail "Neo4j 5.26 needs Java 17 or 21, but '$JAVA' is version '${version:-unknown}' (set JAVA_HOME)" ;;
    esac

    # 3. Compile the launcher once, again only when Launcher.java or the jars change.
    if [ ! -f classes/Launcher.class ] || [ Launcher.java -nt classes/Launcher.class ] \
            || [ lib/.complete -nt classes/Launcher.class ]; then
        rm -rf classes
        "$JAVAC" -nowarn -cp 'lib/*' -d classes Launcher.java || fail "javac failed on Launcher.java"
    fi

    # 4. Fresh database (and fresh Neo4j logs) on every start; lib/ and
    #    classes/ are kept.
    rm -rf "$RUN/data" "$RUN/logs"

    JVM_OPTS=(
        -Xms256m -Xmx"${NEO4J_HEAP:-1g}"
        -XX:+ExitOnOutOfMemoryError
        -XX:-OmitStackTraceInFastThrow
        -Djdk.nio.maxCachedBufferSize=1024
        -Dio.netty.tryReflectionSetAccessible=true
        -Dlog4j2.disable.jmx=true
        --add-opens=java.base/java.nio=ALL-UNNAMED
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
        --add-opens=java.base/java.io=ALL-UNNAMED
        --add-opens=java.base/java.lang=ALL-UNNAMED
        --add-opens=java.base/java.util=ALL-UNNAMED
        --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    )
    # NEO4J_JAVA_OPTS is appended last, so it can override the flags above.
    # shellcheck disable=SC2086
    NEO4J_BOLT_PORT=$PORT nohup "$JAVA" "${JVM_OPTS[@]}" ${NEO4J_JAVA_OPTS:-} \
        -cp "classes:lib/*" Launcher "$RUN" >"$OUT" 2>&1 </dev/null 9>&- &
    pid=$!
    started=1
    echo "$pid" >"$PIDFILE"
    echo "neo4j-test-server: starting Neo4j (pid $pid) on 127.0.0.1:$PORT, log: $OUT"
fi

# 5. Wait until the launcher printed its ready line and the Bolt port answers.
start=$SECONDS
while :; do
    if grep -q '^NEO4J READY' "$OUT" 2>/dev/null && port_open; then
        echo "neo4j-test-server: ready on bolt://127.0.0.1:$PORT after $((SECONDS - start)) s"
        exit 0
    fi
    kill -0 "$pid" 2>/dev/null || fail "the server process exited during start-up"
    (( SECONDS - start < TIMEOUT )) || fail "no answer on 127.0.0.1:$PORT after $TIMEOUT s"
    sleep 0.5
done
