#!/usr/bin/env bash
# Set up PolicyGraph on a fresh machine: Python venv with the package, the spaCy model and dev tools.
#   scripts/setup.sh            Python only (enough for the embedded store, the CLI and the API)
#   scripts/setup.sh --all      also the Neo4j test server (Java 17 + Maven) and Chromium for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the dependency list changed: a warm re-run takes a second.
stamp=.venv/.policygraph-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[dev]'
  touch "$stamp"
fi

if [ "${1:-}" = "--all" ]; then
  # Ray (the optional 'cluster' extra) for tests/test_cluster_ingest.py
  .venv/bin/python -c "import ray" 2>/dev/null || .venv/bin/pip install -q -e '.[dev,cluster]'
  # Neo4j 5.26 embedded launcher (jars from Maven Central), built once.
  bash scripts/neo4j-server.sh build
  # Debian's Chromium for the browser tests (no browser download by any test tool).
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "chromium missing: sudo apt-get install chromium (browser tests will be skipped)" >&2
    fi
  fi
fi
