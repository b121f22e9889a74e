#!/usr/bin/env bash
# A real Neo4j 5.26 (Community, embedded, Bolt only) for PolicyGraph's tests and CI.
#
#   scripts/neo4j-server.sh build    build scripts/neo4j-server (skipped when up to date; offline first)
#   scripts/neo4j-server.sh start    build, start in the background, wait until Bolt answers
#   scripts/neo4j-server.sh stop     clean shutdown (SIGTERM, then SIGKILL after NEO4J_STOP_TIMEOUT s)
#   scripts/neo4j-server.sh status   exit 0 when running, 3 when not
#   scripts/neo4j-server.sh run      build, then run in the foreground (exec: the pid is the JVM's)
#
# Environment:
#   NEO4J_HOME_DIR       state dir: pid file, log, Neo4j home (store)   default /tmp/policygraph-neo4j
#   NEO4J_BOLT_PORT      Bolt port on 127.0.0.1                          default 7687
#   NEO4J_HEAP           JVM -Xmx                                        default 512m
#   NEO4J_PAGE_CACHE     Neo4j page cache (off-heap)                     default 256m
#   NEO4J_JAVA_OPTS      extra JVM options, appended
#   NEO4J_READY_TIMEOUT  seconds `start` waits for Bolt                  default 120
#   NEO4J_STOP_TIMEOUT   seconds `stop` waits before SIGKILL             default 60
#   NEO4J_WATCH_PID      the server exits when this pid is gone (used by scripts/neo4j_server.py)
#   NEO4J_CDS            1 (default): make/use a class-data-sharing archive at build time; 0: don't
#
# SECURITY: auth is disabled and Bolt binds to 127.0.0.1 only. This is a loopback test server;
# never expose it or keep data in it that matters.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$ROOT/scripts/neo4j-server"
TARGET="$PROJECT/target"
JAR="$TARGET/neo4j-server.jar"
# Class-data-sharing archive made by a warm-up run at build time: halves startup CPU (see cds_train).
CDS="$TARGET/neo4j-server.jsa"

STATE_DIR="${NEO4J_HOME_DIR:-/tmp/policygraph-neo4j}"
PORT="${NEO4J_BOLT_PORT:-7687}"
HEAP="${NEO4J_HEAP:-512m}"
PAGE_CACHE="${NEO4J_PAGE_CACHE:-256m}"
READY_TIMEOUT="${NEO4J_READY_TIMEOUT:-120}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
PID_FILE="$STATE_DIR/neo4j.pid"
LOG_FILE="$STATE_DIR/neo4j.log"
NEO4J_HOME="$STATE_DIR/home"

log() { echo "neo4j-server.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Why these JVM options: a 2-core machine shared with other jobs. Serial GC and a capped heap keep the
# RSS near 250-400 MiB; the page cache is off-heap and capped by NEO4J_PAGE_CACHE. C1-only JIT
# (TieredStopAtLevel=1) roughly halves the CPU a start costs; tests run short queries, so the slower
# peak speed does not matter there - for benchmarks pass NEO4J_JAVA_OPTS=-XX:TieredStopAtLevel=4.
# The rest mirrors the options the Neo4j server launcher sets (the jar manifest carries --add-opens).
java_opts() {
    JAVA_OPTS=(-Xms64m "-Xmx$HEAP" -XX:+UseSerialGC -XX:TieredStopAtLevel=1
        -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError -Djdk.nio.maxCachedBufferSize=1024
        -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true)
    if [[ "${1:-}" != training && "${NEO4J_CDS:-1}" != 0 && -f "$CDS" && "$CDS" -nt "$JAR" ]]; then
        # A stale or foreign archive (other JDK, changed jars) is ignored by the JVM; keep it quiet.
        JAVA_OPTS+=("-XX:SharedArchiveFile=$CDS" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
    fi
    # shellcheck disable=SC2206  # NEO4J_JAVA_OPTS is a deliberate word list, appended so it wins
    JAVA_OPTS+=(${NEO4J_JAVA_OPTS:-})
}

# Start the server once on a free port, run one query, exit: the JVM dumps the classes it loaded into
# $CDS, which later starts map instead of parsing ~20k classes again. Optional: failure only warns.
cds_train() {
    local tmp started=$SECONDS
    tmp="$(mktemp -d)"
    rm -f "$CDS" "$CDS.tmp"
    java_opts training
    if java "${JAVA_OPTS[@]}" "-XX:ArchiveClassesAtExit=$CDS.tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -jar "$JAR" --port 0 \
        --home "$tmp/home" --page-cache 64m --warmup >"$TARGET/cds-training.log" 2>&1 \
        && [[ -s "$CDS.tmp" ]]; then
        mv "$CDS.tmp" "$CDS"
        log "class-data-sharing archive ready in $((SECONDS - started)) s"
    else
        rm -f "$CDS.tmp"
        log "warning: no class-data-sharing archive (slower starts); see $TARGET/cds-training.log"
    fi
    rm -rf "$tmp"
}

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH (needs: $2)"; }

is_up_to_date() {
    [[ -f "$JAR" && -d "$TARGET/lib" ]] || return 1
    [[ -n "$(ls -A "$TARGET/lib" 2>/dev/null)" ]] || return 1
    [[ -z "$(find "$PROJECT/pom.xml" "$PROJECT/src" -newer "$JAR" -print -quit)" ]]
}

cmd_build() {
    need java "JDK 17+"
    if is_up_to_date; then
        return 0
    fi
    need mvn "Maven 3.8+"
    mkdir -p "$TARGET"
    # Parallel callers (test workers) must not run Maven on the same target/ at once.
    exec 8>"$TARGET/.build.lock"
    flock 8
    if is_up_to_date; then
        exec 8>&-
        return 0
    fi
    local build_log="$TARGET/build.log" started=$SECONDS
    log "building $PROJECT (first build downloads ~130 MB into ~/.m2)"
    # Offline first, so a warm ~/.m2 needs no network at all; online only when something is missing.
    if ! (cd "$PROJECT" && mvn -q -B -o package >"$build_log" 2>&1); then
        if ! (cd "$PROJECT" && mvn -q -B package >"$build_log" 2>&1); then
            tail -n 40 "$build_log" >&2
            exec 8>&-
            die "maven build failed (full log: $build_log)"
        fi
    fi
    # Maven only touches the jar when its content changed; mark it fresh for the up-to-date check
    # (before the CDS run: the archive records the jar's mtime).
    touch "$JAR"
    log "built in $((SECONDS - started)) s"
    if [[ "${NEO4J_CDS:-1}" != 0 ]]; then
        cds_train
    fi
    exec 8>&-
}

# Pid of our running server for this state dir, or nothing (a stale pid file is removed).
running_pid() {
    [[ -f "$PID_FILE" ]] || return 0
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'neo4j-server.jar'; then
        echo "$pid"
    else
        rm -f "$PID_FILE"
    fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

server_args() {
    java_opts
    SERVER_CMD=(java "${JAVA_OPTS[@]}" -jar "$JAR" --port "$PORT" --home "$NEO4J_HOME" --page-cache "$PAGE_CACHE")
}

cmd_start() {
    cmd_build
    mkdir -p "$STATE_DIR"
    local pid
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        log "already running (pid $pid, bolt://127.0.0.1:$PORT, state $STATE_DIR)"
        return 0
    fi
    if port_open "$PORT"; then
        die "port $PORT on 127.0.0.1 is already in use by another process (set NEO4J_BOLT_PORT)"
    fi
    server_args
    : >"$LOG_FILE"
    # setsid: own session/process group, so the server outlives this shell and is signalled alone.
    setsid "${SERVER_CMD[@]}" >>"$LOG_FILE" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PID_FILE"
    local started=$SECONDS
    while ((SECONDS - started < READY_TIMEOUT)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PID_FILE"
            tail -n 40 "$LOG_FILE" >&2
            die "server exited during startup (log: $LOG_FILE, store logs: $NEO4J_HOME/logs/)"
        fi
        if grep -q '^NEO4J_READY' "$LOG_FILE" && port_open "$PORT"; then
            log "ready: bolt://127.0.0.1:$PORT (pid $pid, $((SECONDS - started)) s, log $LOG_FILE)"
            return 0
        fi
        sleep 0.5
    done
    tail -n 40 "$LOG_FILE" >&2
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    die "Bolt did not answer on 127.0.0.1:$PORT within ${READY_TIMEOUT} s (log: $LOG_FILE)"
}

cmd_stop() {
    local pid
    pid="$(running_pid)"
    if [[ -z "$pid" ]]; then
        log "not running (state $STATE_DIR)"
        return 0
    fi
    kill -TERM "$pid"
    local started=$SECONDS
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS - started >= STOP_TIMEOUT)); then
            log "no clean shutdown after ${STOP_TIMEOUT} s; killing pid $pid"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.2
    done
    rm -f "$PID_FILE"
    log "stopped (pid $pid)"
}

cmd_status() {
    local pid
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        if port_open "$PORT"; then
            echo "running: pid $pid, bolt://127.0.0.1:$PORT, state $STATE_DIR"
        else
            echo "starting or unhealthy: pid $pid, port $PORT not answering, state $STATE_DIR"
        fi
        return 0
    fi
    echo "not running (state $STATE_DIR)"
    return 3
}

cmd_run() {
    cmd_build
    mkdir -p "$NEO4J_HOME"
    server_args
    exec "${SERVER_CMD[@]}"
}

case "${1:-}" in
    build) cmd_build ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    run) cmd_run ;;
    *)
        echo "usage: $0 {build|start|stop|status|run}" >&2
        exit 2
        ;;
esac
