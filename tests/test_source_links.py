"""Provenance a reader can follow (issue 14): every document links to its original (Treasury's relative URLs
resolved against home.treasury.gov, or the record's own base, or the `url_bases` setting), and no answer
shows the path of the file on the server."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.batch import build_batch
from ingest.contract import Extraction
from ingest.readers import read_paths
from policygraph import settings as settings_module
from policygraph.settings import Settings

RELEASE = (
    "---\ntitle: Treasury Sanctions Syrian Officials\ndate: 2017-05-16\nurl: /news/press-release/sm0087\n---\n"
    "Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) designated five "
    "individuals and five entities.\n"
)


@pytest.fixture
def fresh_settings(monkeypatch):
    """get_settings() is cached: clear it around a test that sets the environment."""
    settings_module.get_settings.cache_clear()
    yield monkeypatch
    settings_module.get_settings.cache_clear()


def _read(path):
    [doc] = list(read_paths([path]))
    return doc


def test_treasury_relative_urls_resolve_against_home_treasury_gov(tmp_path, fresh_settings):
    (tmp_path / "treasury").mkdir()
    (tmp_path / "treasury" / "2017-05-16-sm0087.md").write_text(RELEASE)
    assert _read(tmp_path / "treasury" / "2017-05-16-sm0087.md").url == \
        "https://home.treasury.gov/news/press-release/sm0087"
    # elsewhere, with no base known, a relative URL is no link at all
    (tmp_path / "misc.md").write_text(RELEASE)
    assert _read(tmp_path / "misc.md").url is None


def test_the_record_or_the_setting_gives_the_base(tmp_path, fresh_settings):
    record = {"text": "OFAC designated five individuals.", "url": "press/1", "base_url": "https://example.gov/"}
    (tmp_path / "r.jsonl").write_text(json.dumps(record) + "\n")
    assert _read(tmp_path / "r.jsonl").url == "https://example.gov/press/1"
    fresh_settings.setenv("POLICYGRAPH_URL_BASES", json.dumps({"*/wh/*": "https://www.whitehouse.gov"}))
    settings_module.get_settings.cache_clear()
    (tmp_path / "wh").mkdir()
    (tmp_path / "wh" / "a.md").write_text(RELEASE)
    assert _read(tmp_path / "wh" / "a.md").url == "https://www.whitehouse.gov/news/press-release/sm0087"
    absolute = RELEASE.replace("/news/press-release/sm0087", "https://home.treasury.gov/news/press-releases/sm0087")
    (tmp_path / "wh" / "b.md").write_text(absolute)
    assert _read(tmp_path / "wh" / "b.md").url == "https://home.treasury.gov/news/press-releases/sm0087"


def test_documents_show_no_server_path(falkordb_session_store, tmp_path, fresh_settings):
    store = falkordb_session_store
    store.clear()
    (tmp_path / "srv" / "treasury").mkdir(parents=True)
    path = tmp_path / "srv" / "treasury" / "2017-05-16-sm0087.md"
    path.write_text(RELEASE)
    doc = _read(path)
    store.write(build_batch([doc], [Extraction(doc_id=doc.id, source=doc.source, title=doc.title)]))
    client = TestClient(create_app(store, Settings(home=tmp_path / "home")))
    listed = client.get("/documents").json()["items"]
    assert [d["source"] for d in listed] == ["2017-05-16-sm0087.md"]
    assert listed[0]["url"] == "https://home.treasury.gov/news/press-release/sm0087"
    detail = client.get(f"/documents/{doc.id}").json()
    assert detail["source"] == "2017-05-16-sm0087.md" and str(tmp_path) not in json.dumps(detail)
    # the name shown is the name a client filters by
    assert [d["id"] for d in client.get("/documents", params={"source": "2017-05-16-sm0087.md"}).json()["items"]] \
        == [doc.id]
