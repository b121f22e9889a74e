"""The lane (api.fastlane) answers exactly as FastAPI does: the same requests, with the lane and without it,
on both stores. Also: the lane really serves its routes, and leaves the rest to FastAPI."""

from __future__ import annotations

import asyncio

import pytest
from api_sample import load_sample
from fastapi.testclient import TestClient

import api.responses
from api.app import LANE_ENDPOINTS, _lane_routes, create_app
from api.deps import get_store
from api.fastlane import FastLane
from policygraph.settings import Settings

# (path, query) pairs: good requests, defaults and bounds, unknown ids (404), bad values (422 from FastAPI's
# validation or from the endpoint), extra parameters, repeated keys, a trailing slash (redirect)
REQUESTS: list[tuple[str, dict | list | None]] = [
    ("/entities", None),
    ("/entities", {"q": "huawei"}),
    ("/entities", {"q": "Huawei Technologies Co., Ltd."}),
    ("/entities", {"q": "huawie"}),  # a typo: the fuzzy search
    ("/entities", {"q": "department", "type": "Law"}),
    ("/entities", {"limit": 2}),
    ("/entities", {"limit": 0}),
    ("/entities", {"limit": "two"}),
    ("/entities", {"type": "Planet"}),
    ("/entities", {"q": ""}),
    ("/entities", [("limit", "1"), ("limit", "3")]),
    ("/entities/bis", None),
    ("/entities/bis", {"relations": 0, "mentions": 1}),
    ("/entities/bis", {"relations": -1}),
    ("/entities/bis", {"unknown": "x"}),
    ("/entities/nope", None),
    ("/entities/chen-quanguo/timeline", None),
    ("/entities/chen-quanguo/timeline", {"limit": 1}),
    ("/entities/chen-quanguo/timeline", {"cursor": "not-a-cursor"}),
    ("/entities/chen-quanguo/timeline", {"limit": 501}),
    ("/entities/xinjiang-government/timeline", {"include_children": "true"}),
    ("/entities/xinjiang-government/timeline", {"include_children": "maybe"}),
    ("/entities/nope/timeline", None),
    ("/entities/ofac/network", None),
    ("/entities/ofac/network", {"depth": 2, "types": "Person,Company"}),
    ("/entities/ofac/network", {"depth": 3, "limit": 3}),
    ("/entities/ofac/network", {"depth": 4}),
    ("/entities/ofac/network", {"types": "Planet"}),
    ("/entities/ofac/network/", None),
    ("/entities/nope/network", None),
    ("/actions/act-huawei-listing", None),
    ("/actions/act-chen-visa/enabled-by", None),
    ("/actions/act-huawei-listing/enabled-by", None),
    ("/actions/nope/enabled-by", None),
    ("/actions/nope", None),
    ("/entities/chen-quanguo/actions", {"role": "targets"}),  # not a lane route: FastAPI either way
    ("/actions", {"limit": 2}),
]


@pytest.fixture(autouse=True)
def strict_responses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api.responses, "STRICT", True)


def test_lane_answers_like_fastapi(store, tmp_path):
    load_sample(store)
    settings = Settings(home=tmp_path)
    with_lane = TestClient(create_app(store, settings), follow_redirects=False)
    without = TestClient(create_app(store, settings, lane=False), follow_redirects=False)
    statuses = set()
    for path, params in REQUESTS:
        a, b = with_lane.get(path, params=params), without.get(path, params=params)
        assert (a.status_code, a.headers.get("content-type"), a.content) == (
            b.status_code, b.headers.get("content-type"), b.content), (path, params)
        statuses.add(a.status_code)
    assert statuses >= {200, 404, 422, 307}  # every kind of answer was compared


def _call(app, path: str, query: str = "") -> tuple[int, bytes]:
    messages: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        messages.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query.encode(), "headers": [],
             "root_path": "", "app": app}
    asyncio.run(FastLane(_refuse, _lane_routes(), [get_store])(scope, receive, send))
    return messages[0]["status"], b"".join(m.get("body", b"") for m in messages[1:])


async def _refuse(scope, receive, send) -> None:
    raise AssertionError(f"the lane passed {scope['path']} on")


def test_lane_serves_its_routes_itself(store, tmp_path):
    load_sample(store)
    app = create_app(store, Settings(home=tmp_path))
    assert {r.endpoint for r in _lane_routes()} == LANE_ENDPOINTS
    assert _call(app, "/entities/bis")[0] == 200
    assert _call(app, "/entities/ofac/network", "depth=2")[0] == 200
    assert _call(app, "/actions/act-chen-visa/enabled-by")[0] == 200
    assert _call(app, "/entities/nope")[0] == 404  # the endpoint's error, through the app's handler
    with pytest.raises(AssertionError, match="passed /entities/bis/actions on"):
        _call(app, "/entities/bis/actions")  # not a lane route
    with pytest.raises(AssertionError, match="passed /entities/ofac/network on"):
        _call(app, "/entities/ofac/network", "depth=9")  # invalid: FastAPI answers the 422


def test_keyed_reads_bypass_the_lane(store, tmp_path):
    load_sample(store)
    c = TestClient(create_app(store, Settings(home=tmp_path, read_keys=["reader"])))
    assert c.get("/entities/bis").status_code == 401
    assert c.get("/entities/bis", headers={"X-API-Key": "reader"}).status_code == 200
