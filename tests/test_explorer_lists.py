"""The explorer shows what the official lists say (issue 13), in a real Chromium at 1366 and 390 px: an action's
corroboration badge with the list entry next to its sentence, the same badge in the entity's action list, and
the entity's timeline shading the intervals in which a measure was in force, without sideways scroll.

The store is real: a designation read from a Treasury release sentence (public domain) written through the real
batch builder into embedded FalkorDB, real rows of OFAC's SDN snapshots imported, linked and corroborated by the
project's own code (graph/list_link.py), served by the real app under uvicorn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_explorer_layout import WIDTHS, _no_sideways_scroll, _shot
from test_lists_store import list_files
from web_support import page_at, served_store, wait_idle

from graph.batch import build_batch
from graph.list_link import corroborate, link_entities
from graph.list_writes import import_entries
from ingest.contract import Action, Entity, Extraction, Span
from ingest.documents import Document
from ingest.lists import read_lists

pytestmark = pytest.mark.browser
from playwright.sync_api import Page, expect  # noqa: E402  (after web_support's skip checks)

ROOT = Path(__file__).resolve().parents[1]
ACTION = "act-semenov"
SENTENCE = ("Department of the Treasury’s Office of Foreign Assets Control (OFAC) sanctioned Roman Semenov, one of "
            "three co-founders of the sanctioned virtual currency mixer Tornado Cash.")


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def _semenov_batch():
    doc = Document.from_text(SENTENCE, source="2023-08-23-jy1702", title="Treasury designates Roman Semenov",
                             published="2023-08-23")
    entities = [Entity(id="ofac", name="Office of Foreign Assets Control", type="Authority",
                       mentions=[_span(SENTENCE, "Office of Foreign Assets Control")]),
                Entity(id="roman-semenov", name="Roman Semenov", type="Person",
                       mentions=[_span(SENTENCE, "Roman Semenov")])]
    action = Action(id=ACTION, kind="designation", status="enacted", date="2023-08-23", by=["ofac"],
                    targets=["roman-semenov"], confidence=0.9, evidence=[Span(start=0, end=len(SENTENCE),
                                                                                   text=SENTENCE)])
    return build_batch([doc], [Extraction(doc_id=doc.id, source=doc.source, title=doc.title,
                                          published=doc.published, entities=entities, actions=[action])])


def _fill(store, home: Path) -> None:
    store.write(_semenov_batch())
    import_entries(store, read_lists([list_files(home / "lists", {"44718"})]).entries)
    link_entities(store)
    corroborate(store)


@pytest.fixture(scope="module")
def lists_server() -> Iterator[str]:
    with served_store(_fill, "pg-explorer-lists-") as base:
        yield base


@pytest.fixture(scope="module", params=list(WIDTHS))
def sized_page(request, lists_server: str) -> Iterator[tuple[str, Page]]:
    with page_at(lists_server, *WIDTHS[request.param]) as page:
        yield request.param, page


def test_action_shows_its_corroboration_and_entry(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    page.goto(f"/#/action/{ACTION}")
    wait_idle(page)
    expect(page.locator("h1 .corroboration")).to_have_text("confirmed")
    entry = page.locator(".list-entry")
    expect(entry).to_have_count(1)
    # the entry next to the sentence: list, entry id, name, dates, reason
    expect(entry).to_contain_text("ofac-sdn:44718")
    expect(entry).to_contain_text("SEMENOV")
    expect(entry).to_contain_text("first seen 2023-09-18")  # the entry history's date, not the release's
    expect(entry).to_contain_text("on the list since")  # the reason
    expect(page.locator("#sec-evidence ~ .quotes, .quotes.evidence").first).to_contain_text("Roman Semenov")
    _no_sideways_scroll(page)
    _shot(page, f"13-action-corroboration-{name}")


def test_entity_lists_badge_and_shades_in_force(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    page.goto("/#/entity/roman-semenov")
    wait_idle(page)
    expect(page.locator("#entity-actions .corroboration").first).to_have_text("confirmed")
    shade = page.locator(".timeline-svg rect.in-force")
    expect(shade.first).to_be_attached()
    # the shade starts at the designation (2023-08-23) and runs to the axis' end: it has a visible width
    box = shade.first.bounding_box()
    assert box is not None and box["width"] > 10, box
    _no_sideways_scroll(page)
    _shot(page, f"13-entity-in-force-{name}")


def test_actions_browser_filters_by_corroboration(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    page.goto("/#/actions")
    wait_idle(page)
    page.locator("#f-corroboration").select_option("confirmed")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#/actions?corroboration=confirmed")
    wait_idle(page)
    row = page.locator("tbody tr", has=page.locator(f"a[href='#/action/{ACTION}']"))
    expect(row.locator(".corroboration")).to_have_text("confirmed")
    _no_sideways_scroll(page)
    page.goto("/#/actions?corroboration=contradicted")
    wait_idle(page)
    expect(page.get_by_text("No action matches these filters.")).to_be_visible()
