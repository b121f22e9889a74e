#!/usr/bin/env bash
# The main job on the embedded default store: set up, ingest corpus/, print one "enabled by" answer with its
# evidence, then serve the API and the explorer on http://127.0.0.1:${PORT:-8000}/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/policygraph ingest corpus/
.venv/bin/policygraph enabled-by
if [ "${NO_SERVE:-}" != 1 ]; then
  exec .venv/bin/policygraph serve --host 127.0.0.1 --port "${PORT:-8000}"
fi
