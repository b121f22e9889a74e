"""A small, hand-written policy graph for the API tests: three documents and their extractions.

Written through the real path (graph.batch.build_batch + Store.write) so the API reads exactly what the
ingest writes. Offsets are computed from the texts, never typed in, so the spans are always right.
"""

from __future__ import annotations

from ingest.contract import Action, Entity, Extraction, Relation, Span
from ingest.documents import Document

TEXTS = {
    "bis": (
        "WASHINGTON - The Bureau of Industry and Security (BIS) of the Department of Commerce added Huawei "
        "Technologies to the Entity List on May 16, 2019. BIS administers the Export Administration "
        "Regulations. Commerce Secretary Wilbur Ross said the rule protects national security."
    ),
    "state": (
        "Secretary of State Mike Pompeo announced on July 9, 2020 visa restrictions on Chen Quanguo under "
        "Section 7031(c) of the Department of State, Foreign Operations, and Related Programs Appropriations "
        "Act, 2020. Section 7031(c) authorizes the Department of State to bar entry of officials."
    ),
    "ofac": (
        "The Office of Foreign Assets Control (OFAC) of the Treasury Department designated the Xinjiang Public "
        "Security Bureau under the Global Magnitsky Act on July 9, 2020. The Xinjiang Public Security Bureau is "
        "part of the Xinjiang government. OFAC also designated Chen Quanguo."
    ),
}

DOCS = {
    "bis": Document.from_text(TEXTS["bis"], source="test/bis.txt", title="Commerce adds Huawei to the Entity List",
                              published="2019-05-16", url="https://example.org/bis"),
    "state": Document.from_text(TEXTS["state"], source="test/state.txt", title="State restricts visas",
                                published="2020-07-09", url="https://example.org/state"),
    "ofac": Document.from_text(TEXTS["ofac"], source="test/ofac.txt", title="Treasury sanctions Xinjiang officials",
                               published="2020-07-09", url="https://example.org/ofac"),
}

ENTITY_INFO = {
    "bis": ("Bureau of Industry and Security", "Authority", None, ["BIS"]),
    "commerce": ("Department of Commerce", "Authority", None, ["Commerce"]),
    "huawei": ("Huawei Technologies Co., Ltd.", "Company", None, ["Huawei"]),
    "entity-list": ("Entity List", "Law", "list", []),
    "ear": ("Export Administration Regulations", "Law", "regulation", []),
    "wilbur-ross": ("Wilbur Ross", "Person", None, []),
    "mike-pompeo": ("Mike Pompeo", "Person", None, []),
    "state-department": ("Department of State", "Authority", None, []),
    "chen-quanguo": ("Chen Quanguo", "Person", None, []),
    "section-7031c": ("Section 7031(c)", "Law", "section", []),
    "sfopsa-2020": ("Department of State, Foreign Operations, and Related Programs Appropriations Act, 2020",
                    "Law", "statute", []),
    "ofac": ("Office of Foreign Assets Control", "Authority", None, ["OFAC"]),
    "treasury": ("Treasury Department", "Authority", None, []),
    "xinjiang-psb": ("Xinjiang Public Security Bureau", "Authority", None, []),
    "xinjiang-government": ("Xinjiang government", "Authority", None, []),
    "global-magnitsky-act": ("Global Magnitsky Act", "Law", "statute", []),
}


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle), text=needle)


def _sentence(text: str, needle: str) -> Span:
    """The sentence holding `needle` (sentences end with '. ' here)."""
    at = text.index(needle)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Span(start=start, end=end, text=text[start:end])


def _entities(key: str, surface: dict[str, list[str]]) -> list[Entity]:
    text = TEXTS[key]
    out = []
    for eid, forms in surface.items():
        name, etype, kind, aliases = ENTITY_INFO[eid]
        mentions = [_span(text, f) for f in forms]
        out.append(Entity(id=eid, name=name, type=etype, kind=kind, aliases=aliases, mentions=mentions))
    return out


def extractions() -> list[Extraction]:
    t = TEXTS
    bis = Extraction(
        doc_id=DOCS["bis"].id, source=DOCS["bis"].source, title=DOCS["bis"].title, published="2019-05-16",
        entities=_entities("bis", {
            "bis": ["Bureau of Industry and Security", "BIS"], "commerce": ["Department of Commerce"],
            "huawei": ["Huawei Technologies"], "entity-list": ["Entity List"],
            "ear": ["Export Administration Regulations"], "wilbur-ross": ["Wilbur Ross"],
        }),
        actions=[Action(id="act-huawei-listing", kind="entity_listing", status="enacted", date="2019-05-16",
                        by=["bis"], targets=["huawei"], under=["entity-list"], confidence=0.9,
                        evidence=[_sentence(t["bis"], "added Huawei")])],
        relations=[
            Relation(type="PART_OF", source="bis", target="commerce", confidence=0.8,
                     evidence=[_sentence(t["bis"], "of the Department of Commerce")]),
            Relation(type="ADMINISTERS", source="bis", target="ear", confidence=0.8,
                     evidence=[_sentence(t["bis"], "BIS administers")]),
            Relation(type="ADMINISTERS", source="bis", target="entity-list", confidence=0.7,
                     evidence=[_sentence(t["bis"], "added Huawei")]),
            Relation(type="HOLDS_ROLE", source="wilbur-ross", target="commerce",
                     properties={"title": "Commerce Secretary"}, confidence=0.8,
                     evidence=[_sentence(t["bis"], "Wilbur Ross")]),
        ],
    )
    state = Extraction(
        doc_id=DOCS["state"].id, source=DOCS["state"].source, title=DOCS["state"].title, published="2020-07-09",
        entities=_entities("state", {
            "mike-pompeo": ["Mike Pompeo"], "state-department": ["Department of State"],
            "chen-quanguo": ["Chen Quanguo"], "section-7031c": ["Section 7031(c)"],
            "sfopsa-2020": ["Department of State, Foreign Operations, and Related Programs Appropriations Act, 2020"],
        }),
        actions=[Action(id="act-chen-visa", kind="visa_restriction", status="enacted", date="2020-07-09",
                        by=["state-department"], targets=["chen-quanguo"], under=["section-7031c"],
                        confidence=0.85, evidence=[_sentence(t["state"], "visa restrictions")])],
        relations=[
            Relation(type="HOLDS_ROLE", source="mike-pompeo", target="state-department",
                     properties={"title": "Secretary of State"}, confidence=0.9,
                     evidence=[_sentence(t["state"], "Mike Pompeo")]),
            Relation(type="PART_OF", source="section-7031c", target="sfopsa-2020", confidence=0.8,
                     evidence=[_sentence(t["state"], "visa restrictions")]),
            Relation(type="AUTHORIZES", source="section-7031c", target="state-department", confidence=0.8,
                     evidence=[_sentence(t["state"], "authorizes the Department")]),
        ],
    )
    ofac = Extraction(
        doc_id=DOCS["ofac"].id, source=DOCS["ofac"].source, title=DOCS["ofac"].title, published="2020-07-09",
        entities=_entities("ofac", {
            "ofac": ["Office of Foreign Assets Control", "OFAC"], "treasury": ["Treasury Department"],
            "xinjiang-psb": ["Xinjiang Public Security Bureau"], "xinjiang-government": ["Xinjiang government"],
            "global-magnitsky-act": ["Global Magnitsky Act"], "chen-quanguo": ["Chen Quanguo"],
        }),
        actions=[
            Action(id="act-xpsb-designation", kind="designation", status="enacted", date="2020-07-09",
                   by=["ofac"], targets=["xinjiang-psb"], under=["global-magnitsky-act"], confidence=0.9,
                   evidence=[_sentence(t["ofac"], "designated the Xinjiang")]),
            Action(id="act-chen-designation", kind="designation", status="enacted", date=None,
                   by=["ofac"], targets=["chen-quanguo"], under=["global-magnitsky-act"], confidence=0.7,
                   evidence=[_sentence(t["ofac"], "also designated")]),
        ],
        relations=[
            Relation(type="PART_OF", source="ofac", target="treasury", confidence=0.9,
                     evidence=[_sentence(t["ofac"], "of the Treasury")]),
            Relation(type="PART_OF", source="xinjiang-psb", target="xinjiang-government", confidence=0.8,
                     evidence=[_sentence(t["ofac"], "is part of")]),
        ],
    )
    return [bis, state, ofac]


def documents() -> list[Document]:
    return list(DOCS.values())


def load_sample(store) -> None:
    """Write the sample into `store` through the real batch builder."""
    from graph.batch import build_batch

    store.write(build_batch(documents(), extractions()))
