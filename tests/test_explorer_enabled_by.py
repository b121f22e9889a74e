"""The action page's "enabled by" graph in a real Chromium at 1366 and 390 px (issue 14): no relation label is
drawn over a node (its shape or its name), no label is cut (by the canvas' edge, or mid-word without an
ellipsis), a long law name is shown whole or shortened at a word with "…" and its full text at hand, and the
text is drawn at a legible size. Screenshots go to test-artifacts/screenshots/.

The store is real: one designation with its chain (actor, the body above it, two legal bases with long
Federal-Register names, the act one belongs to, the authority it authorizes, the office administering it)
written through the real batch builder into embedded FalkorDB and served by the real app under uvicorn."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_explorer_layout import LABEL_BOXES, WIDTHS, _no_sideways_scroll, _shot
from web_support import SHOTS, page_at, served_store, wait_idle

from graph.batch import build_batch
from ingest.contract import Action, Entity, Extraction, Relation, Span
from ingest.documents import Document

pytestmark = pytest.mark.browser
from playwright.sync_api import Page  # noqa: E402  (after web_support's skip checks)

ACTION = "act-chain"
EO = ("Executive Order 14024 of April 15, 2021, Blocking Property With Respect To Specified Harmful Foreign "
      "Activities of the Government of the Russian Federation")
EO_UKRAINE = "Executive Order 13660 of March 6, 2014, Blocking Property of Certain Persons Contributing to the "\
             "Situation in Ukraine"
ACT = "International Emergency Economic Powers Act"
# Treasury press-release wording (public domain)
TEXT = (f"Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) designated Volga Marine "
        f"Holdings pursuant to {EO} and {EO_UKRAINE}. {EO} was issued under the {ACT}; it authorizes the "
        "Secretary of State, and OFAC administers it.")


def _span(needle: str, after: int = 0) -> Span:
    start = TEXT.index(needle, after)
    return Span(start=start, end=start + len(needle), text=needle)


def _chain_batch():
    doc = Document.from_text(TEXT, source="chain/jy0001.txt", title="Treasury designates Volga Marine Holdings",
                             published="2022-03-11")
    entities = [
        Entity(id="ofac", name="Office of Foreign Assets Control", type="Authority",
               mentions=[_span("Office of Foreign Assets Control")]),
        Entity(id="treasury", name="Department of the Treasury", type="Authority",
               mentions=[_span("Department of the Treasury")]),
        Entity(id="state", name="Secretary of State", type="Authority", mentions=[_span("Secretary of State")]),
        Entity(id="volga", name="Volga Marine Holdings", type="Company", mentions=[_span("Volga Marine Holdings")]),
        Entity(id="eo-14024", name=EO, type="Law", kind="executive_order", mentions=[_span(EO)]),
        Entity(id="eo-13660", name=EO_UKRAINE, type="Law", kind="executive_order", mentions=[_span(EO_UKRAINE)]),
        Entity(id="ieepa", name=ACT, type="Law", kind="statute", mentions=[_span(ACT)]),
    ]
    second = TEXT.index(". ") + 2
    relations = [
        Relation(type="PART_OF", source="ofac", target="treasury", confidence=0.9, evidence=[_span(TEXT[:90])]),
        Relation(type="PART_OF", source="eo-14024", target="ieepa", confidence=0.9, evidence=[_span(ACT, second)]),
        Relation(type="AUTHORIZES", source="eo-14024", target="state", confidence=0.9,
                 evidence=[_span("authorizes the Secretary of State")]),
        Relation(type="ADMINISTERS", source="ofac", target="eo-14024", confidence=0.9,
                 evidence=[_span("OFAC administers it")]),
    ]
    sentence = TEXT[: TEXT.index(". ") + 1]
    action = Action(id=ACTION, kind="designation", status="enacted", date="2022-03-11", by=["ofac"],
                    targets=["volga"], under=["eo-14024", "eo-13660"], confidence=0.9,
                    evidence=[Span(start=0, end=len(sentence), text=sentence)])
    return build_batch([doc], [Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published,
                                          entities=entities, actions=[action], relations=relations)])


@pytest.fixture(scope="module")
def chain_server() -> Iterator[str]:
    with served_store(lambda store, _home: store.write(_chain_batch()), "pg-explorer-chain-") as base:
        yield base


@pytest.fixture(scope="module", params=list(WIDTHS))
def sized_page(request, chain_server: str) -> Iterator[tuple[str, Page]]:
    with page_at(chain_server, *WIDTHS[request.param]) as page:
        yield request.param, page


def test_enabled_by_labels_clear_of_nodes_and_whole(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    page.goto(f"/#/action/{ACTION}")
    wait_idle(page)
    page.wait_for_function("() => document.querySelector('#enabled-graph')?._cy")
    m = page.evaluate(LABEL_BOXES, "#enabled-graph")
    _shot(page, f"14-enabled-by-{name}")
    page.locator("#enabled-graph").screenshot(path=str(SHOTS / f"14-enabled-by-graph-{name}.png"))
    assert len(m["nodes"]) == 7, m["nodes"]  # the action, OFAC, Treasury, three laws, the Secretary of State
    # the relations are named on the graph, in words
    assert {e["label"] for e in m["edges"]} >= {"by", "under", "part of", "authorizes", "administers"}, m["edges"]
    assert not m["overprints"], (m["overprints"], m["nodes"], m["edges"])
    assert not m["clipped"], (m["clipped"], m["W"], m["H"])
    assert m["font"] >= 8, m["font"]  # rendered px: smaller is no label on a phone
    for n in m["nodes"]:
        label = " ".join(n["label"].split())  # wrapping may break lines; the words stay
        full = n["full"] or label
        # whole, or cut at a word with an ellipsis, the full text on the node (hover, list below)
        assert label == full or (label.endswith("…") and full.startswith(label[:-1].rstrip())
                                 and full[len(label[:-1].rstrip())] == " "), (label, full)
    for law in (EO, EO_UKRAINE, ACT):
        assert page.locator(".enabled-list").get_by_text(law, exact=True).count() >= 1, law
    _no_sideways_scroll(page)
