#!/usr/bin/env bash
# Run the tests: sets up what they need (venv, Neo4j launcher, Chromium), lints, checks the built wheel, then pytest.
# The Neo4j tests start their own real server; set POLICYGRAPH_REQUIRE_NEO4J=1 / POLICYGRAPH_REQUIRE_BROWSER=1
# to make "unavailable" a failure instead of a skip (CI does).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --all
.venv/bin/ruff check .
# the built wheel in a fresh venv outside the checkout: ingest, query, enabled-by, export, serve
bash scripts/check_wheel.sh
exec .venv/bin/pytest -q -rs "$@"
