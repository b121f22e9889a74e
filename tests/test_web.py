"""The web explorer, driven in a real browser (Debian's chromium through Playwright, no browser download).

The real server (uvicorn, subprocess, free loopback port) serves the real API over the seeds corpus, ingested
by the real pipeline into a fresh embedded store. What the pages must show is read from the API in the same
run, so the checks follow the extraction instead of hard-coding what it finds; the browser must show it.
Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from web_support import (
    API_KEY,
    GRAPH_DRAWN,
    SHOTS,
    Page,
    chromium_context,
    expect,
    fetch,
    ingest_seeds,
    search_word,
    served,
    shot,
    showcase_action,
    wait_idle,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """uvicorn serving create_app() on a free loopback port, over the seeds in a fresh embedded store."""
    home = Path(tempfile.mkdtemp(prefix="pg-web-"))
    try:
        ingest_seeds(home)
        with served(home, {"POLICYGRAPH_API_KEYS": f'["{API_KEY}"]', "POLICYGRAPH_PROCESSES": "1"}) as base:
            yield base
    finally:
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="module")
def api(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def browser_context(server: str):
    with chromium_context(server) as ctx:
        yield ctx


@pytest.fixture
def page(browser_context) -> Iterator[Page]:
    pg = browser_context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # the index sends a Content-Security-Policy: anything it blocks is a bug of the page
    pg.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    pg.set_default_timeout(20_000)
    yield pg
    pg.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def test_home_shows_counts(page: Page, api: httpx.Client) -> None:
    stats = fetch(api, "/stats")
    page.goto("/")
    wait_idle(page)
    expect(page.locator(".stats")).to_contain_text(f"{stats['documents']:,}")
    expect(page.locator(".stats")).to_contain_text("Documents")
    expect(page.locator("#sec-latest-actions")).to_be_visible()
    assert page.locator("section .table tbody tr").count() >= 1
    shot(page, "01-home")


def test_search_entity_action_evidence_document(page: Page, api: httpx.Client) -> None:
    action = showcase_action(api)
    target = action["targets"][0]
    word = search_word(target["name"])
    expected = [e["name"] for e in fetch(api, "/entities", q=word, limit=7)["items"]]
    assert target["name"] in expected or expected, f"API search for {word!r} found {expected}"

    # search: type-ahead over entities and actions, chosen with the arrow keys
    page.goto("/")
    wait_idle(page)
    box = page.locator("#search")
    box.click()
    box.press_sequentially(word, delay=30)
    listbox = page.locator(".ta-list[role=listbox]").first
    expect(listbox).to_be_visible()
    expect(listbox.locator("[role=option]").first).to_contain_text(expected[0])
    expect(listbox).to_contain_text("Entities")
    expect(box).to_have_attribute("aria-expanded", "true")
    shot(page, "02-typeahead")
    names = listbox.locator("[role=option] .ta-label").all_inner_texts()
    index = names.index(target["name"]) if target["name"] in names else 0
    for _ in range(index + 1):
        box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    chosen = page.locator(f"#{active} .ta-label").inner_text()
    box.press("Enter")

    # entity page
    page.wait_for_url(re.compile(r"#/entity/"))
    wait_idle(page)
    entity_id = page.url.split("#/entity/")[1]
    entity = fetch(api, f"/entities/{unquote(entity_id)}")
    assert entity["name"] == chosen
    expect(page.locator("h1")).to_contain_text(entity["name"])
    expect(page.locator("h1 .badge").first).to_have_text(entity["type"])
    for alias in [a for a in entity["aliases"] if a != entity["name"]][:3]:
        expect(page.locator(".aliases")).to_contain_text(alias)
    acts = fetch(api, f"/entities/{entity['id']}/actions")["items"]
    rows = page.locator("#sec-actions + table tbody tr, section:has(#sec-actions) tbody tr")
    expect(rows).to_have_count(len(acts))
    timeline = fetch(api, f"/entities/{entity['id']}/timeline")["items"]
    dated = {t["action_id"] for t in timeline if t.get("date")} | {a["id"] for a in acts if a.get("date")}
    expect(page.locator(".timeline-svg a.mark")).to_have_count(len(dated))
    if entity["mentions"]:
        expect(page.locator(".mentions blockquote").first).to_be_visible()
        expect(page.locator(".mentions mark.hl").first).to_be_visible()
    page.wait_for_function(GRAPH_DRAWN, arg="#entity-network")
    shot(page, "03-entity")

    # action page, from the entity's action table (the showcase action if this entity is in it)
    link = page.locator(f"section:has(#sec-actions) a[href='#/action/{action['id']}']")
    if link.count() == 0:
        link = page.locator("section:has(#sec-actions) tbody a[href^='#/action/']")
    if link.count():
        href = link.first.get_attribute("href")
        link.first.click()
    else:  # the suggestion chosen had no action: go on with the showcase action
        href = f"#/action/{action['id']}"
        page.goto("/" + href)
    wait_idle(page)
    shown = fetch(api, f"/actions/{href.split('#/action/')[1]}")
    kind_words = shown["kind"].replace("_", " ")
    expect(page.locator("h1")).to_contain_text(re.compile(kind_words, re.I))
    expect(page.locator("h1")).to_contain_text(shown["status"])
    for role in ("by", "targets", "under"):
        for r in shown[role]:
            expect(page.locator(f"dd.{role}")).to_contain_text(r["name"])
    if shown["date"]:
        expect(page.locator(".facts")).to_contain_text(shown["date"])
    expect(page.locator("#sec-enabled-by")).to_be_visible()
    expect(page.locator("section:has(#sec-enabled-by)").locator("#enabled-graph canvas, .empty").first).to_be_attached()
    enabled = fetch(api, f"/actions/{shown['id']}/enabled-by")
    for item in enabled["items"][:5]:
        expect(page.locator(".enabled-list")).to_contain_text(item["entity"]["name"])
    shot(page, "04-action")

    # evidence -> document, with the quoted sentence brought into view and marked
    if not shown["evidence"]:
        shown = action
        page.goto(f"/#/action/{action['id']}")
        wait_idle(page)
    ev = shown["evidence"][0]
    quote = page.locator(".evidence blockquote").first
    expect(quote).to_contain_text(ev["quote"][:60])
    page.locator(".evidence-link").first.click()
    page.wait_for_url(re.compile(r"#/document/"))
    wait_idle(page)
    doc = fetch(api, f"/documents/{ev['doc_id']}")
    expect(page.locator("h1")).to_have_text(doc["title"] or Path(doc["source"]).name or doc["id"])
    focus = page.locator(".doc-text .focus-span")
    assert focus.count() >= 1
    focused_text = "".join(focus.all_text_contents())
    assert doc["text"][ev["start"] : ev["end"]].strip()[:40] in focused_text
    expect(page.locator("#focus-span")).to_be_in_viewport()
    # the entities the API lists for the document are highlighted with their type
    for ent in doc["entities"][:8]:
        if ent["spans"]:
            mark = page.locator(f".doc-text a.m[data-entity='{ent['id']}']").first
            expect(mark).to_have_class(re.compile(f"t-{ent['type']}"))
    assert page.locator(".doc-text .ev").count() >= 1
    shot(page, "05-document")


def test_enter_without_choice_opens_results(page: Page, api: httpx.Client) -> None:
    action = showcase_action(api)
    word = search_word(action["by"][0]["name"])
    expected = fetch(api, "/entities", q=word, limit=50)["items"]
    page.goto("/")
    wait_idle(page)
    page.keyboard.press("/")  # the search shortcut
    expect(page.locator("#search")).to_be_focused()
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#/search\?q="))
    wait_idle(page)
    expect(page.locator("h1")).to_contain_text(word)
    expect(page.locator("section:has(#sec-entities) li")).to_have_count(len(expected))
    # /actions?q= answers a bounded window per request: the page follows next_cursor to show every match
    actions, cursor = [], None
    while True:
        data = fetch(api, "/actions", q=word, limit=50, **({"cursor": cursor} if cursor else {}))
        actions += data["items"]
        cursor = data.get("next_cursor")
        if not cursor:
            break
    assert actions, f"no action matches {word!r}"
    expect(page.locator("section:has(#sec-actions) li")).to_have_count(min(len(actions), 50))
    shot(page, "06-search-results")


def test_network_click_expands_neighbours(page: Page, api: httpx.Client) -> None:
    action = showcase_action(api)
    center = action["by"][0]
    net = fetch(api, f"/entities/{center['id']}/network", depth=1)
    page.goto(f"/#/entity/{center['id']}")
    wait_idle(page)
    graph = page.locator("#entity-network")
    page.wait_for_function("() => document.querySelector('#entity-network')?._cy")
    assert int(graph.get_attribute("data-nodes")) == len({n["id"] for n in net["nodes"]} | {center["id"]})
    # a real click on a neighbour's position on the canvas (in view first: the mouse clicks viewport points)
    graph.scroll_into_view_if_needed()
    pos = page.evaluate(
        """(center) => {
            const cy = document.querySelector('#entity-network')._cy;
            const n = cy.nodes().filter(n => n.id() !== center)[0];
            const p = n.renderedPosition();
            return {id: n.id(), x: p.x, y: p.y};
        }""",
        center["id"],
    )
    before = int(graph.get_attribute("data-nodes"))
    box = graph.bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    status = page.locator("section:has(#sec-network) p.hint[role=status]")
    expect(status).to_contain_text(re.compile(r"new node|no further neighbours"))
    theirs = fetch(api, f"/entities/{pos['id']}/network", depth=1)
    union = {n["id"] for n in net["nodes"]} | {n["id"] for n in theirs["nodes"]} | {center["id"]}
    expect(graph).to_have_attribute("data-nodes", str(len(union)))
    assert len(union) >= before
    shot(page, "07-network-expanded")
    # a type filter reloads the view with the neighbours of that type only
    kind = next((n["type"] for n in net["nodes"] if n["id"] != center["id"]), "Person")
    only = fetch(api, f"/entities/{center['id']}/network", depth=1, types=kind)
    page.locator("#net-types").select_option(kind)
    expect(graph).to_have_attribute("data-nodes", str(len({n["id"] for n in only["nodes"]} | {center["id"]})))


def test_path_finder(page: Page, api: httpx.Client) -> None:
    action = showcase_action(api)
    a, b = action["by"][0], action["targets"][0]
    paths = fetch(api, "/paths", **{"from": a["id"], "to": b["id"], "max_hops": 4})["paths"]
    assert paths, "an actor and its target must be connected"
    page.goto("/#/paths")
    wait_idle(page)
    for field, ent in (("#path-from", a), ("#path-to", b)):
        page.locator(field).fill("")
        page.locator(field).press_sequentially(search_word(ent["name"]), delay=20)
        option = page.locator(f"{field} ~ .ta-list [role=option]", has_text=ent["name"]).first
        expect(option).to_be_visible()
        option.click()
        expect(page.locator(field)).to_have_value(ent["name"])
    page.locator("#path-go").click()
    results = page.locator("#path-results")
    expect(results.locator(".path-list li")).to_have_count(len(paths))
    first = results.locator(".path-list li").first
    expect(first).to_contain_text(a["name"])
    expect(first).to_contain_text(b["name"])
    page.wait_for_function("() => document.querySelector('#path-graph')?._cy")
    nodes = {n["id"] for p in paths for n in p["nodes"]}
    expect(page.locator("#path-graph")).to_have_attribute("data-nodes", str(len(nodes)))
    assert "from=" in page.url and "to=" in page.url  # the result is linkable
    shot(page, "08-paths")
    # the link reproduces the result
    page.goto(page.url)
    wait_idle(page)
    expect(page.locator("#path-results .path-list li")).to_have_count(len(paths))


def test_ingest_page(page: Page, api: httpx.Client, tmp_path: Path) -> None:
    text = (
        "WASHINGTON, March 3, 2021 - The Department of the Treasury's Office of Foreign Assets Control (OFAC) "
        "today designated Orion Maritime Holdings, a shipping company based in Panama, pursuant to Executive "
        "Order 13846. Secretary of the Treasury Janet Yellen said the designation targets sanctions evasion."
    )
    page.goto("/#/ingest")
    wait_idle(page)
    # a wrong key is refused in words, and nothing is lost from the form
    page.locator("#api-key").fill("not-the-key")
    page.locator("#doc-text-input").fill(text)
    page.locator("#doc-title").fill("Orion designation")
    page.locator("#ingest-go").click()
    expect(page.locator(".job.failed")).to_contain_text(re.compile(r"failed — Not allowed: .*key", re.I))
    expect(page.locator("#doc-text-input")).to_have_value(text)
    shot(page, "09-ingest-refused")

    upload = tmp_path / "vega-listing.txt"
    upload.write_text(
        "The Commerce Department's Bureau of Industry and Security added Vega Avionics Corp. of Minsk, Belarus, "
        "to the Entity List on June 2, 2022, restricting exports under the Export Administration Regulations.\n",
        encoding="utf-8",
    )
    page.locator("#api-key").fill(API_KEY)
    page.locator("#doc-files").set_input_files(str(upload))
    page.locator("#ingest-go").click()
    expect(page.locator(".job.ok").first).to_contain_text("Orion designation: done", timeout=120_000)
    expect(page.locator(".job.ok").nth(1)).to_contain_text("vega-listing.txt: done", timeout=120_000)
    expect(page.locator("#ingest-bar")).to_have_attribute("value", "2")
    expect(page.locator("#ingest-progress [role=status]")).to_have_text("Ingested 2 of 2.")
    summary = page.locator("#ingest-results .extracted")
    expect(summary).to_have_count(2)
    docs = fetch(api, "/documents", limit=100)["items"]
    doc_id = next(d["id"] for d in docs if d["title"] == "Orion designation")
    doc = fetch(api, f"/documents/{doc_id}")
    expect(summary.first.locator("h3")).to_contain_text(
        f"{len(doc['entities'])} entities, {len(doc['actions'])} actions"
    )
    for ent in doc["entities"]:
        expect(summary.first).to_contain_text(ent["name"])
    uploaded = next(d for d in fetch(api, "/documents", limit=100)["items"] if d["source"].endswith("vega-listing.txt"))
    expect(summary.nth(1).locator("h3")).to_contain_text(uploaded["title"] or "vega-listing")
    shot(page, "10-ingest-done")


def test_errors_are_shown_in_words(page: Page) -> None:
    page.goto("/#/entity/no-such-entity-anywhere")
    wait_idle(page)
    alert = page.locator("[role=alert]")
    expect(alert).to_contain_text("Could not load entity")
    expect(alert).to_contain_text("Not found")
    page.goto("/#/nowhere")
    wait_idle(page)
    expect(page.locator("[role=alert]")).to_contain_text("there is no page")
    shot(page, "11-error")


def test_keyboard_focus_order(page: Page) -> None:
    page.goto("/")
    wait_idle(page)
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".brand")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#search")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".nav a").first).to_be_focused()
    # Escape closes the suggestions, the arrow keys wrap around
    page.locator("#search").fill("")
    page.locator("#search").press_sequentially("a", delay=20)
    expect(page.locator("#search")).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowUp")
    last = page.locator(".ta-list [role=option]").last
    expect(last).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Escape")
    expect(page.locator("#search")).to_have_attribute("aria-expanded", "false")


def test_timeline_marks_and_evidence_link_to_actions(page: Page, api: httpx.Client) -> None:
    action = showcase_action(api)
    who = action["by"][0]
    page.goto(f"/#/entity/{who['id']}")
    wait_idle(page)
    marks = page.locator(".timeline-svg a.mark")
    dated = [a for a in fetch(api, f"/entities/{who['id']}/actions")["items"] if a.get("date")]
    if dated:
        expect(marks.first).to_be_visible()
        marks.first.focus()  # marks are links: reachable with Tab, opened with Enter
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"#/action/"))
        wait_idle(page)
        opened = page.url.split("#/action/")[1]
        assert unquote(opened) in {a["id"] for a in dated}
    # on the document, a click on underlined evidence opens its action; type toggles hide highlights
    ev = action["evidence"][0]
    page.goto(f"/#/document/{ev['doc_id']}")
    wait_idle(page)
    doc = fetch(api, f"/documents/{ev['doc_id']}")
    typed = next(e for e in doc["entities"] if e["spans"])
    mark = page.locator(f".doc-text a.m[data-entity='{typed['id']}']").first
    before = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    page.locator(f".toggles input[data-type='{typed['type']}']").uncheck()
    expect(page.locator(".doc-text")).to_have_class(re.compile(f"hide-{typed['type']}"))
    after = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert before != after and after in ("rgba(0, 0, 0, 0)", "transparent")
    shot(page, "12-document-toggled")
    # click a piece of the evidence that is plain text (not an entity link inside it)
    point = page.evaluate(
        """id => {
            // prefer a sentence shared with other actions: it exercises the chooser
            const piece = [...document.querySelectorAll('.doc-text .ev')]
                .filter(el => el.dataset.actions.split(' ').includes(id) && el.firstChild
                              && el.firstChild.nodeType === 3 && el.textContent.trim().length > 3)
                .sort((a, b) => b.dataset.actions.split(' ').length - a.dataset.actions.split(' ').length)[0];
            if (!piece) return null;
            piece.scrollIntoView({block: 'center'});
            const r = document.createRange();
            r.setStart(piece.firstChild, 1);
            r.setEnd(piece.firstChild, 2);
            const b = r.getBoundingClientRect();
            const ids = piece.dataset.actions.split(' ');
            return {x: b.left + b.width / 2, y: b.top + b.height / 2, shared: ids.length > 1 ? ids.length : 0};
        }""",
        action["id"],
    )
    assert point, "the action's evidence is underlined in the text"
    page.mouse.click(point["x"], point["y"])
    # where several actions are read from one sentence a small menu lists them; pick ours
    menu = page.locator(".popover")
    if point["shared"]:
        expect(menu.locator("a")).to_have_count(point["shared"])
        menu.locator(f"a[href='#/action/{action['id']}']").click()
    page.wait_for_url(re.compile(rf"#/action/{re.escape(action['id'])}$"))
    wait_idle(page)
    expect(page.locator(".facts")).to_contain_text(action["id"])
    expect(menu).to_have_count(0)


def test_actions_browser_filters(page: Page, api: httpx.Client) -> None:
    action = showcase_action(api)
    expected = fetch(api, "/actions", kind=action["kind"], limit=50)
    page.goto("/#/actions")
    wait_idle(page)
    page.locator("#f-kind").select_option(action["kind"])
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(rf"kind={action['kind']}"))
    wait_idle(page)
    rows = page.locator("section:has(#sec-results) tbody tr")
    expect(rows).to_have_count(len(expected["items"]))
    kind_words = action["kind"].replace("_", " ")
    for text in rows.locator("td:nth-child(2)").all_inner_texts():
        assert text.lower() == kind_words
    expect(page.locator("section:has(#sec-results) button", has_text="More")).to_be_visible(
        visible=bool(expected["next_cursor"])
    )
    shot(page, "13-actions-filtered")


def test_sentence_with_several_actions_offers_a_choice(page: Page, api: httpx.Client) -> None:
    shared = None
    for d in fetch(api, "/documents", limit=100)["items"]:
        doc = fetch(api, f"/documents/{d['id']}")
        spans = [(sp["start"], sp["end"], a["id"]) for a in doc["actions"] for sp in a["spans"]]
        pairs = [(x, y) for x in spans for y in spans if x[2] < y[2] and x[0] < y[1] and y[0] < x[1]]
        if pairs:
            shared = (doc, pairs[0])
            break
    if shared is None:
        pytest.skip("no sentence of this corpus is evidence for two actions")
    doc, (first, second) = shared
    page.goto(f"/#/document/{doc['id']}")
    wait_idle(page)
    point = page.evaluate(
        """ids => {
            const piece = [...document.querySelectorAll('.doc-text .ev')].find(el => {
                const mine = el.dataset.actions.split(' ');
                return ids.every(i => mine.includes(i)) && el.firstChild && el.firstChild.nodeType === 3
                       && el.textContent.trim().length > 3;
            });
            if (!piece) return null;
            piece.scrollIntoView({block: 'center'});
            const r = document.createRange();
            r.setStart(piece.firstChild, 1);
            r.setEnd(piece.firstChild, 2);
            const b = r.getBoundingClientRect();
            return {x: b.left + b.width / 2, y: b.top + b.height / 2, n: piece.dataset.actions.split(' ').length};
        }""",
        [first[2], second[2]],
    )
    assert point, "the shared sentence is underlined as evidence of both actions"
    page.mouse.click(point["x"], point["y"])
    menu = page.locator(".popover[role=dialog]")
    expect(menu.locator("a")).to_have_count(point["n"])
    expect(menu.locator("a").first).to_be_focused()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "14-document-several-actions.png"))
    page.keyboard.press("Escape")
    expect(menu).to_have_count(0)
    page.mouse.click(point["x"], point["y"])
    menu.locator(f"a[href='#/action/{second[2]}']").click()
    page.wait_for_url(re.compile(rf"#/action/{re.escape(second[2])}$"))
    wait_idle(page)
    expect(page.locator(".facts")).to_contain_text(second[2])
    expect(menu).to_have_count(0)
