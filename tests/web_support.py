"""What the browser tests share: the Chromium they drive, a served app over a fresh store, page helpers.

A plain module (not a test file), so the explorer tests import it without collecting test_web.py's tests.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("POLICYGRAPH_CHROMIUM", "/usr/bin/chromium"))
SHOTS = ROOT / "test-artifacts" / "screenshots"
API_KEY = "web-test-key"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Importing this module skips the importing test module when the browser is missing (or fails under
# POLICYGRAPH_REQUIRE_BROWSER=1, as in CI), so every browser test file gets the same checks by importing it.
_REQUIRE = os.environ.get("POLICYGRAPH_REQUIRE_BROWSER") == "1"
if not CHROMIUM.exists():
    if _REQUIRE:
        raise RuntimeError(f"POLICYGRAPH_REQUIRE_BROWSER=1 but {CHROMIUM} is missing (apt-get install -y chromium)")
    pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)
if _REQUIRE:
    from playwright.sync_api import Page, expect, sync_playwright
else:
    pw = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download needed)")
    Page, expect, sync_playwright = pw.Page, pw.expect, pw.sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ingest_seeds(home: Path) -> None:
    """The seeds corpus through the lead's runner into a fresh embedded store (closed again before serving)."""
    from graph.factory import open_store
    from graph.ingest_run import ingest_documents
    from ingest.readers import read_paths
    from policygraph.settings import Settings

    settings = Settings(home=home, store=None)
    store = open_store(settings=settings, home=home)
    try:
        report = ingest_documents(store, read_paths(sorted((ROOT / "corpus").glob("*.txt"))), settings, processes=1)
    finally:
        store.close()
    assert report.documents_new == 5 and report.ok, report


def _wait_healthy(proc: subprocess.Popen, base: str, log_path: Path, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {log_path.read_text()[-3000:]}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server did not come up: {log_path.read_text()[-3000:]}")
        time.sleep(0.3)


@contextmanager
def served(home: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """uvicorn serving create_app() over the store in `home` on a free loopback port; yields its base URL.
    The caller's POLICYGRAPH_STORE and key settings are dropped unless `extra_env` sets them."""
    extra_env = extra_env or {}
    port = _free_port()
    env = {**os.environ, "POLICYGRAPH_HOME": str(home), **extra_env}
    for key in ("POLICYGRAPH_STORE", "POLICYGRAPH_READ_KEYS", "POLICYGRAPH_API_KEYS"):
        if key not in extra_env:
            env.pop(key, None)
    log_path = home / "uvicorn.log"
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app", "--host", "127.0.0.1",
           "--port", str(port)]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_healthy(proc, base, log_path)
            yield base
        finally:
            proc.terminate()  # graceful: the app's lifespan closes the store, which stops the embedded server
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


# a graph container has either a drawn canvas or its empty state
GRAPH_DRAWN = "(sel) => document.querySelector(sel + ' canvas') || document.querySelector(sel + ' .empty')"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")  # a sticky header would otherwise show mid-page in a full-page shot
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def wait_idle(page: Page) -> None:
    """The router sets aria-busy on <main> while a page loads."""
    page.wait_for_function("() => !document.getElementById('view').hasAttribute('aria-busy')")


def fetch(api: httpx.Client, path: str, **params) -> dict:
    """The API's answer, failing with its words when it is not 200 (so a broken endpoint reads as such)."""
    res = api.get(path, params=params)
    assert res.status_code == 200, f"GET {path} {params} -> {res.status_code}: {res.text[:500]}"
    return res.json()


def showcase_action(api: httpx.Client) -> dict:
    """An action with an actor, a target and evidence: the journey's subject, chosen from the real graph."""
    items = fetch(api, "/actions", limit=200)["items"]
    for summary in items:
        if summary["by"] and summary["targets"]:
            full = fetch(api, f"/actions/{summary['id']}")
            if full["evidence"]:
                return full
    pytest.fail(f"no action with by, targets and evidence among {len(items)} actions of the seeds")


def search_word(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w.-]+", name) if w.lower() not in {"the", "of", "and", "for"}]
    return max(words, key=len) if words else name


# --- the journalist's journey -------------------------------------------------------------------------


@contextmanager
def chromium_context(server: str) -> Iterator:
    """A Chromium context at 1366 px whose pages may request nothing off `server` (checked on exit)."""
    profile = tempfile.mkdtemp(prefix="pg-chromium-")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1366, "height": 820},
            base_url=server,
        )
        # the explorer must make no request off this server: anything else fails the test
        outside: list[str] = []

        def guard(route):
            url = route.request.url
            if url.startswith(server) or url.startswith("data:"):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        ctx.route("**/*", guard)
        ctx.outside_requests = outside
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)
    assert not outside, f"the page requested outside URLs: {outside}"


@contextmanager
def served_store(fill, prefix: str = "pg-explorer-") -> Iterator[str]:
    """A fresh embedded store in a temporary home, filled by `fill(store, home)` and closed, then served by
    uvicorn; yields the base URL and removes the home afterwards."""
    from graph.factory import open_store
    from policygraph.settings import Settings

    home = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        store = open_store(settings=Settings(home=home, store=None), home=home)
        try:
            store.setup_schema()
            fill(store, home)
        finally:
            store.close()
        with served(home) as base:
            yield base
    finally:
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def page_at(server: str, width: int, height: int) -> Iterator[Page]:
    """A page of a fresh Chromium at `width` x `height` on `server`; fails on exit if the page threw."""
    profile = tempfile.mkdtemp(prefix="pg-chromium-")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                                   headless=True, viewport={"width": width, "height": height},
                                                   base_url=server)
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.set_default_timeout(20_000)
        yield page
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)
    assert not errors, f"JavaScript errors on the page: {errors}"
