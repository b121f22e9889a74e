"""An order that heads its document is a Law named by its title (ONTOLOGY Law conventions): "Imposing Sanctions
on the International Criminal Court" is the instrument the whole text enacts, though the body calls it only "this
order". The title comes from the document's metadata (doc._.title), so the node has no mention in the body."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.extensions import EntityRecord
from ingest.names import slug

# the opening frame of a presidential order, proclamation or memorandum that acts by the President's authority
_ORDER_FRAME = re.compile(r"\bby\s+the\s+authority\s+vested\s+in\s+me\s+as\s+President\b", re.I)
_WS = re.compile(r"[\s\u00a0]+")


def order_title_record(doc: Doc, text: str) -> EntityRecord | None:
    title = _WS.sub(" ", doc._.title or "").strip().strip("\"“”")
    if len(title.split()) < 3 or not _ORDER_FRAME.search(text[:6000]):
        return None
    # where the body quotes its own title, that form is an alias (a mention is left to the citation grammar)
    aliases = [title] if title in _WS.sub(" ", text) else []
    return EntityRecord(id=slug(title), name=title, type="Law", kind="executive_order", aliases=aliases)


def is_order_title(rec: EntityRecord) -> bool:
    """The Law an order's title names: its only node without a mention (see order_title_record)."""
    return rec.type == "Law" and rec.kind == "executive_order" and not rec.mentions
