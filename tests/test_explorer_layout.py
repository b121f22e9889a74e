"""The explorer at a desktop (1366 px) and a phone (390 px) width, in a real Chromium (issue 14): no page
scrolls sideways, a hub's network is drawn bounded and readable (at most a limit of nodes, labels that do
not overlap, a legible size), its long action list comes a page at a time, relation types read as words
and an official with several titles is one relation. Screenshots go to test-artifacts/screenshots/.

The graph is written through the real batch builder into a fresh embedded store and served by the real
app under uvicorn: one authority that designates 60 companies (a hub like OFAC in the Treasury corpus)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from web_support import SHOTS, page_at, served_store, wait_idle

from graph.batch import build_batch
from ingest.contract import Action, Entity, Extraction, Relation, Span
from ingest.documents import Document

pytestmark = pytest.mark.browser
from playwright.sync_api import Page, expect  # noqa: E402  (after web_support's skip checks)

ROOT = Path(__file__).resolve().parents[1]
HUB, COMPANIES, PER_DOC = "ofac", 60, 6
MANY = 25  # targets of one action
WIDTHS = {"desktop": (1366, 820), "phone": (390, 844)}
LAW_NAME = "Executive Order 14024 on Specified Harmful Foreign Activities"


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def _hub_batch():
    docs, extractions = [], []
    for d in range(COMPANIES // PER_DOC):
        names = [f"Harbor Trading Company {d * PER_DOC + i:02d}" for i in range(PER_DOC)]
        text = (f"The Office of Foreign Assets Control (OFAC) designated {', '.join(names)} on March {d + 1}, 2021. "
                "Secretary of the Treasury Janet Yellen, the Treasury Secretary, said so.")
        doc = Document.from_text(text, source=f"hub/{d}.txt", title=f"Treasury designates traders {d}",
                                 published=f"2021-03-{d + 1:02d}", url=f"https://home.treasury.gov/news/hub{d}")
        entities = [Entity(id=HUB, name="Office of Foreign Assets Control", type="Authority",
                           mentions=[_span(text, "Office of Foreign Assets Control")]),
                    Entity(id="treasury", name="Treasury", type="Authority", mentions=[_span(text, "Treasury")]),
                    Entity(id="janet-yellen", name="Janet Yellen", type="Person",
                           mentions=[_span(text, "Janet Yellen")])]
        entities += [Entity(id=f"harbor-{d * PER_DOC + i:02d}", name=n, type="Company", mentions=[_span(text, n)])
                     for i, n in enumerate(names)]
        sentence = Span(start=0, end=text.index(". ") + 1, text=text[: text.index(". ") + 1])
        actions = [Action(id=f"act-hub-{d}-{i}", kind="designation", status="enacted", date=f"2021-03-{d + 1:02d}",
                          by=[HUB], targets=[f"harbor-{d * PER_DOC + i:02d}"], confidence=0.9, evidence=[sentence])
                   for i in range(PER_DOC)]
        role = Span(start=text.index("Secretary"), end=len(text), text=text[text.index("Secretary"):])
        relations = [Relation(type="HOLDS_ROLE", source="janet-yellen", target="treasury", confidence=0.9,
                              properties={"title": t}, evidence=[role])
                     for t in ("Secretary of the Treasury", "Treasury Secretary")]
        relations.append(Relation(type="PART_OF", source=HUB, target="treasury", confidence=0.9, evidence=[role]))
        docs.append(doc)
        extractions.append(Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published,
                                      entities=entities, actions=actions, relations=relations))
    # apart from the hub: an action under a law with a long name (its label was cut after 30 characters)
    text = f"The Department of State restricted visas of Acme Law Co under {LAW_NAME}."
    doc = Document.from_text(text, source="law.txt", title="State restricts visas", published="2021-04-15")
    docs.append(doc)
    extractions.append(Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published, entities=[
        Entity(id="state-dept", name="Department of State", type="Authority", mentions=[_span(text, "Department")]),
        Entity(id="acme-law-co", name="Acme Law Co", type="Company", mentions=[_span(text, "Acme Law Co")]),
        Entity(id="eo-14024", name=LAW_NAME, type="Law", kind="executive_order", mentions=[_span(text, LAW_NAME)]),
    ], actions=[Action(id="act-law-demo", kind="visa_restriction", status="enacted", by=["state-dept"],
                       targets=["acme-law-co"], under=["eo-14024"], confidence=0.9,
                       evidence=[Span(start=0, end=len(text), text=text)])]))
    # one action against many targets (a Treasury release naming dozens of vessels): a row of the action lists
    names = [f"Caspian Freight Vessel {i:02d}" for i in range(MANY)]
    text = f"The Department of State blocked {', '.join(names)}."
    doc = Document.from_text(text, source="many.txt", title="State blocks vessels", published="2021-05-01")
    docs.append(doc)
    extractions.append(Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published, entities=[
        Entity(id="state-dept", name="Department of State", type="Authority", mentions=[_span(text, "Department")]),
        *[Entity(id=f"vessel-{i:02d}", name=n, type="Company", mentions=[_span(text, n)]) for i, n in enumerate(names)],
    ], actions=[Action(id="act-many", kind="asset_freeze", status="enacted", date="2021-05-01", by=["state-dept"],
                       targets=[f"vessel-{i:02d}" for i in range(MANY)], confidence=0.9,
                       evidence=[Span(start=0, end=len(text), text=text)])]))
    return build_batch(docs, extractions)


@pytest.fixture(scope="module")
def hub_server() -> Iterator[str]:
    with served_store(lambda store, _home: store.write(_hub_batch()), "pg-explorer-") as base:
        yield base


@pytest.fixture(scope="module", params=list(WIDTHS))
def sized_page(request, hub_server: str) -> Iterator[tuple[str, Page]]:
    with page_at(hub_server, *WIDTHS[request.param]) as page:
        yield request.param, page


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("() => document.documentElement.clientWidth")
    wide = page.evaluate("() => document.documentElement.scrollWidth")
    culprits = page.evaluate(
        """(w) => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table, .graph'))
              .slice(0, 5)
              .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""",
        width)
    assert wide <= width, f"page is {wide} px wide at {width} px: {culprits}"


LABELS = """() => {
  const cy = document.querySelector('#entity-network')._cy;
  const boxes = cy.nodes()
    .map(n => n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true}));
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1), h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
    if (w > 2 && h > 2) overlaps++;
  }
  const ext = cy.extent(), box = cy.elements().boundingBox();
  return {nodes: cy.nodes().length, overlaps, font: 11 * cy.zoom(),
          inside: box.x1 >= ext.x1 - 1 && box.x2 <= ext.x2 + 1 && box.y1 >= ext.y1 - 1 && box.y2 <= ext.y2 + 1};
}"""


# Every drawn label's box (rendered px, inside the graph's box) against every node's box (shape and name) and
# the canvas' edges. Cytoscape gives an edge's label box alone with includeEdges: false.
LABEL_BOXES = """(sel) => {
  const el = document.querySelector(sel), cy = el._cy;
  const W = el.clientWidth, H = el.clientHeight;
  const box = (b) => ({x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2});
  const nodes = cy.nodes().map(n => ({id: n.id(), label: n.data('label'), full: n.data('full'),
    body: box(n.renderedBoundingBox({includeLabels: false, includeOverlays: false})),
    all: box(n.renderedBoundingBox({includeLabels: true, includeOverlays: false}))}));
  const edges = cy.edges().filter(e => e.data('label') && e.style('label') && e.visible() &&
                                       Number(e.style('text-opacity')) > 0)
    .map(e => ({id: e.id(), label: e.data('label'),
                box: box(e.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true,
                                                includeSourceLabels: false, includeTargetLabels: false,
                                                includeOverlays: false}))}));
  const hit = (a, b) => Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5
                      && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;
  const out = (b) => b.x1 < -0.5 || b.y1 < -0.5 || b.x2 > W + 0.5 || b.y2 > H + 0.5;
  const overprints = [];
  for (const e of edges) for (const n of nodes) if (hit(e.box, n.all)) overprints.push(`${e.label} over ${n.id}`);
  const clipped = [...nodes.map(n => ['node ' + n.id, n.all]), ...edges.map(e => ['edge ' + e.label, e.box])]
    .filter(([, b]) => out(b)).map(([k, b]) => `${k} ${JSON.stringify(b)}`);
  const font = Math.min(...cy.nodes().map(n => parseFloat(n.style('font-size')))) * cy.zoom();
  return {nodes, edges, overprints, clipped, W, H, font};
}"""


def test_hub_page_is_bounded_readable_and_fits(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    page.goto(f"/#/entity/{HUB}")
    wait_idle(page)
    page.wait_for_function("() => document.querySelector('#entity-network')?._cy")
    graph = page.locator("#entity-network")
    limit = 6 if name == "phone" else 16
    shown = int(graph.get_attribute("data-nodes"))
    assert shown <= limit + 1 + 1, f"{shown} nodes drawn"  # the centre, the neighbours shown, one group
    assert int(graph.get_attribute("data-total")) == COMPANIES + 1  # 60 companies and Treasury
    assert int(graph.get_attribute("data-hidden")) == COMPANIES + 1 - limit
    layout = page.evaluate(LABELS)
    assert layout["overlaps"] == 0 and layout["inside"], layout
    assert layout["font"] >= 8, layout  # a label drawn smaller than this is no label (on a phone: 5 px was seen)
    # no relation label drawn over a node or its name (the rest show when a node is hovered)
    boxes = page.evaluate(LABEL_BOXES, "#entity-network")
    assert not boxes["overprints"] and not boxes["clipped"], boxes
    # the long list of actions comes a page at a time
    size = 10 if name == "phone" else 20
    assert page.locator("#entity-actions tbody tr").count() == size
    page.get_by_role("button", name=f"Show {size} more").click()
    assert page.locator("#entity-actions tbody tr").count() == 2 * size
    assert page.locator(".mention-doc").count() == size // 2  # 10 documents mention the hub
    _no_sideways_scroll(page)
    _shot(page, f"14-hub-{name}")
    graph.screenshot(path=str(SHOTS / f"14-hub-network-{name}.png"))
    # a group opens on demand
    page.locator("details:has(.node-list) summary").click()
    page.locator(".node-list button", has_text="show more").first.click()
    expect(graph).to_have_attribute("data-nodes", str(shown + (4 if name == "phone" else 8)))


def test_official_with_two_titles_is_one_relation(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    page.goto("/#/entity/janet-yellen")
    wait_idle(page)
    roles = page.locator(".relations li[data-type=HOLDS_ROLE]")
    expect(roles).to_have_count(1)
    expect(roles).to_contain_text("holds a role at")
    expect(roles).to_contain_text("Secretary of the Treasury")
    expect(roles).to_contain_text("Treasury Secretary")
    assert "HOLDS_ROLE" not in page.locator("main").inner_text()
    _no_sideways_scroll(page)
    _shot(page, f"14-official-{name}")


def test_other_pages_fit(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    for path in ("/#/", "/#/entity/treasury", "/#/action/act-hub-0-0", "/#/actions", "/#/search?q=harbor"):
        page.goto(path)
        wait_idle(page)
        _no_sideways_scroll(page)
    _shot(page, f"14-search-{name}")


def test_law_labels_are_not_cut(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    page.goto("/#/action/act-law-demo")
    wait_idle(page)
    page.wait_for_function("() => document.querySelector('#enabled-graph')?._cy")
    label = page.evaluate("() => document.querySelector('#enabled-graph')._cy.$id('eo-14024').data('label')")
    assert label == LAW_NAME
    _no_sideways_scroll(page)



def test_action_rows_ask_their_verdicts_in_one_request(sized_page: tuple[str, Page]) -> None:
    """A page of action rows gets its official-list badges in one request (GET /actions/corroboration?ids=),
    not one request per row: O(1) requests per page shown, whatever the page's length."""
    name, page = sized_page
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/actions/" in r.url and "corroboration" in r.url else None)
    size = 10 if name == "phone" else 20
    for path, rows in ((f"/#/entity/{HUB}", "#entity-actions tbody tr"), ("/#/actions", "tbody tr")):
        page.goto("about:blank")  # a fresh app: no verdict cached from the tests before
        asked.clear()
        page.goto(path)
        wait_idle(page)
        page.wait_for_load_state("networkidle")
        shown = page.locator(rows).count()
        assert shown >= size, (path, shown)
        assert len(asked) == 1, (path, shown, asked)
        assert all("/actions/corroboration?ids=" in u for u in asked), asked
    # the next page of the entity's actions: one more request for its rows
    page.goto("about:blank")
    page.goto(f"/#/entity/{HUB}")
    wait_idle(page)
    page.wait_for_load_state("networkidle")
    asked.clear()
    page.get_by_role("button", name=f"Show {size} more").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#entity-actions tbody tr").count() == 2 * size
    assert len(asked) == 1, asked


def test_paths_read_in_words(sized_page: tuple[str, Page]) -> None:
    name, page = sized_page
    page.goto("/#/paths?from=janet-yellen&to=harbor-00&max_hops=4")
    wait_idle(page)
    page.wait_for_function("() => document.querySelector('#path-graph')?._cy")
    words = page.locator(".edge-word").all_inner_texts()
    assert words and all(w.strip(" —") == w.strip(" —").lower() for w in words), words
    text = page.locator("main").inner_text()
    assert not any(code in text for code in ("HOLDS_ROLE", "PART_OF", "TARGETS", "—BY—")), text
    # drawn as rows from `from` down, labels clear of the nodes, legible on a phone too
    m = page.evaluate(LABEL_BOXES, "#path-graph")
    assert not m["overprints"] and not m["clipped"] and m["font"] >= 8, m
    _no_sideways_scroll(page)
    _shot(page, f"14-paths-{name}")


SQUEEZED = """() => [...document.querySelectorAll('main td, main th')]
  .filter(c => !c.closest('.stack thead'))  // a stacked table's header is hidden on purpose (app.css)
  .filter(c => c.innerText.trim().length > 2 && c.getBoundingClientRect().width < 48)
  .slice(0, 5).map(c => c.innerText.trim().slice(0, 30) + ' ' + Math.round(c.getBoundingClientRect().width))"""


def test_action_tables_read_on_a_phone(sized_page: tuple[str, Page]) -> None:
    """The actions browser and the latest actions: no column squeezed to a letter a line (at 390 px the six
    columns wrapped 'Designation' one letter a line), and a row with many targets stays short."""
    name, page = sized_page
    for path in ("/#/actions", "/#/"):
        page.goto(path)
        wait_idle(page)
        assert not page.evaluate(SQUEEZED), (path, page.evaluate(SQUEEZED))
    page.goto("/#/actions")
    wait_idle(page)
    row = page.locator("tbody tr", has=page.locator("a[href='#/action/act-many']"))
    assert row.bounding_box()["height"] < (500 if name == "phone" else 150), row.bounding_box()
    targets = row.locator("a.chip[href^='#/entity/vessel-']")
    assert targets.evaluate_all("els => els.filter(e => e.checkVisibility()).length") == 5
    row.get_by_text(f"+{MANY - 5} more").click()
    assert targets.evaluate_all("els => els.filter(e => e.checkVisibility()).length") == MANY
    _no_sideways_scroll(page)
    _shot(page, f"14-actions-{name}")


TIMELINE = """() => {
  const svg = document.querySelector('.timeline-svg'), box = svg.getBoundingClientRect();
  const axis = [...svg.querySelectorAll('line.axis')][0].getBoundingClientRect();
  const ticks = [...svg.querySelectorAll('text.tick:not(.crowd)')].map(t => t.getBoundingClientRect());
  const crowds = [...svg.querySelectorAll('text.crowd')].map(t => t.getBoundingClientRect())
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const overlapping = ticks.filter((t, i) => i && t.left < ticks[i - 1].right + 2).length
    + crowds.filter((t, i) => i && t.top === crowds[i - 1].top && t.left < crowds[i - 1].right + 2).length;
  const marks = [...svg.querySelectorAll('circle')].map(c => c.getBoundingClientRect());
  const labels = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect());
  return {overlapping, ticks: ticks.length, font: Math.min(...labels.map(t => t.height)),
          beyond: marks.filter(m => m.right > axis.right + 8 || m.left < box.left).length, marks: marks.length};
}"""


def test_hub_timeline_reads(sized_page: tuple[str, Page]) -> None:
    """The hub's timeline: year or month labels that do not run into each other, text at a legible size, and
    every mark on the axis near its date (dozens of same-day designations were nudged past the axis' end)."""
    name, page = sized_page
    page.goto(f"/#/entity/{HUB}")
    wait_idle(page)
    t = page.evaluate(TIMELINE)
    assert t["ticks"] >= 2 and t["overlapping"] == 0, t
    assert t["font"] >= 9, t  # rendered px
    assert t["beyond"] == 0 and t["marks"] >= 1, t
    page.locator(".timeline-svg").screenshot(path=str(SHOTS / f"14-hub-timeline-{name}.png"))
