#!/usr/bin/env bash
# The package as a user installs it: build the wheel, install it into a fresh venv OUTSIDE the repository and
# run the main jobs from there (ingest corpus/, query stats, enabled-by, export, serve + /entities?q=).
# A file the wheel lacks (queries/*.cypher, lexicons, ontology.yaml, the explorer's static files) fails here,
# where the editable install of the dev venv would find it in the checkout.
#   scripts/check_wheel.sh [SOURCE_DIR]      default: this checkout
# The fresh venv reuses the dev venv's installed dependencies (a .pth line, not its editable policygraph)
# instead of downloading them again; `pip check` proves the wheel's requirements are all met by them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SRC="$(cd "${1:-$ROOT}" && pwd)"
PY="$ROOT/.venv/bin/python"
WORK="$(mktemp -d /tmp/policygraph-wheel.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "check_wheel: $*" >&2; }

step "building the wheel of $SRC"
# a copy of the tracked and new files, so the build's scratch dirs (build/, *.egg-info) stay out of the checkout
mkdir "$WORK/src"
if [ -e "$SRC/.git" ]; then
  (cd "$SRC" && git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) \
    | tar -xf - -C "$WORK/src"
else  # an exported tree (git archive)
  cp -r "$SRC/." "$WORK/src/"
fi
"$PY" -m pip wheel -q --no-deps -w "$WORK/dist" "$WORK/src" 2>"$WORK/build.log" || { cat "$WORK/build.log" >&2; exit 1; }
if grep -i "warning" "$WORK/build.log" | grep -iv "editable" >&2; then
  step "the build warned (above)"; exit 1
fi
WHEEL="$(ls "$WORK"/dist/policygraph-*.whl)"

step "installing $(basename "$WHEEL") into a fresh venv in $WORK"
"$PY" -m venv "$WORK/venv"
SITE="$("$WORK/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
"$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' >"$SITE/dev-venv-deps.pth"
"$WORK/venv/bin/python" -m pip install -q --no-deps "$WHEEL"
"$WORK/venv/bin/python" -m pip check >&2

cd "$WORK"  # nothing of the checkout on the path from here on
export POLICYGRAPH_HOME="$WORK/data" POLICYGRAPH_STORE=""
PG="$WORK/venv/bin/policygraph"
"$WORK/venv/bin/python" - <<'EOF'
import sys
import api, graph, ingest, policygraph, queries
for module in (api, graph, ingest, policygraph, queries):
    assert module.__file__.startswith(sys.prefix), f"{module.__name__} imported from {module.__file__}"
EOF
"$PG" --version
step "ingest corpus/"
"$PG" ingest "$SRC/corpus" --json >"$WORK/ingest.json"
step "query stats"
"$PG" query stats --json | "$WORK/venv/bin/python" -c 'import json, sys; s = json.load(sys.stdin); assert s["actions"] > 0, s'
step "enabled-by"
"$PG" enabled-by --json | "$WORK/venv/bin/python" -c 'import json, sys; a = json.load(sys.stdin); assert a["items"], a'
step "export"
"$PG" export --format json --out "$WORK/graph.ftm.json" >&2
test -s "$WORK/graph.ftm.json"
step "serve + GET /entities?q="
PORT="$("$WORK/venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$PG" serve --host 127.0.0.1 --port "$PORT" --log-level warning >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
"$WORK/venv/bin/python" - "$PORT" <<'EOF'
import sys
import time

import httpx

base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(120):
    try:
        if httpx.get(f"{base}/health", timeout=2).status_code == 200:
            break
    except httpx.TransportError:
        time.sleep(0.5)
else:
    sys.exit("the server did not answer /health")
found = httpx.get(f"{base}/entities", params={"q": "treasury"}, timeout=30)
assert found.status_code == 200, (found.status_code, found.text[:500])
assert found.json()["items"], found.text[:500]
page = httpx.get(f"{base}/", timeout=30)
assert page.status_code == 200 and "<html" in page.text.lower(), page.status_code
for asset in ("static/js/views/action.js", "static/vendor/cytoscape.min.js"):  # nested package data
    assert httpx.get(f"{base}/{asset}", timeout=30).status_code == 200, asset
EOF
step "ok"
