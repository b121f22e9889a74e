"""Per-document lookup tables the action rules share: token -> mention, clause units, entity types.

Built once per Doc in linear time; every rule then looks tokens up instead of rescanning the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ingest.extensions import EntityRecord, Mention, doc_text, doc_tokens

POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}


@dataclass
class DocContext:
    doc: Doc
    entities: dict[str, EntityRecord]
    tok2mention: dict[int, Mention]
    unit_start: list[int]  # token index of the first token of the token's unit (sentence cut at newlines)
    unit_end: list[int]  # exclusive
    tokens: list  # doc_tokens(doc): index this, not doc[i] (a new Token per call)
    _surnames: dict[str, str] | None = None  # built on first use by person_by_surname

    @classmethod
    def build(cls, doc: Doc) -> DocContext:
        toks = doc_tokens(doc)
        entities = doc._.pg_entities or {}
        tok2mention: dict[int, Mention] = {}
        for m in doc._.pg_mentions or []:
            if m.entity_id not in entities:
                continue
            for i in range(m.token_start, m.token_end):
                old = tok2mention.get(i)
                # Nested mentions: the longer one names the thing ("Central Bank of Iran" over "Iran").
                if old is None or (old.end - old.start) < (m.end - m.start):
                    tok2mention[i] = m
        # A minister's title right before its holder ("Former Minister of Defense Yoav Gallant") is part of the
        # person's phrase: its ministry is reached through HOLDS_ROLE, never a target or actor of its own.
        for m in doc._.pg_mentions or []:
            if m.source == "title" and m.entity_id in entities and entities[m.entity_id].name.startswith("Ministry"):
                nxt = tok2mention.get(m.token_end)
                if nxt is not None and entities[nxt.entity_id].type == "Person":
                    for i in range(m.token_start, m.token_end):
                        tok2mention[i] = nxt
        n = len(doc)
        unit_start, unit_end = [0] * n, [0] * n
        start = 0
        for i, tok in enumerate(toks):
            cut = (tok.is_sent_start and i > 0) or (i > 0 and _paragraph_break(toks[i - 1], tok))
            if cut:
                for j in range(start, i):
                    unit_end[j] = i
                start = i
            unit_start[i] = start
        for j in range(start, n):
            unit_end[j] = n
        return cls(doc, entities, tok2mention, unit_start, unit_end, toks)

    # -- entities --------------------------------------------------------------------------------------
    def mention(self, i: int) -> Mention | None:
        return self.tok2mention.get(i)

    def etype(self, m: Mention) -> str:
        return self.entities[m.entity_id].type

    def etype_of(self, entity_id: str) -> str | None:
        rec = self.entities.get(entity_id)
        return rec.type if rec else None

    def record(self, entity_id: str) -> EntityRecord | None:
        return self.entities.get(entity_id)

    def is_possessor(self, m: Mention) -> bool:
        """'China's XPCC': China qualifies the next noun phrase instead of being its head."""
        end = m.token_end
        if end < len(self.doc) and self.tokens[end].text in POSSESSIVE:
            return True
        last = self.tokens[end - 1]
        return last.text.endswith(("'s", "\u2019s")) or (end - 1 < len(self.doc) and last.tag_ == "POS")

    def names(self, entity_id: str) -> set[str]:
        rec = self.entities.get(entity_id)
        if rec is None:
            return set()
        return {n.lower() for n in [rec.name, *rec.aliases]}

    def person_by_surname(self, word: str) -> str | None:
        """The one Person of the document whose name ends in `word` ('Barakzai' -> Shah Mohammad Barakzai), for a
        bare surname the entity reader left unlinked (a sentence-initial 'Barakzai was arrested ...'); None when
        no Person or several share it."""
        if self._surnames is None:
            table: dict[str, set[str]] = {}
            for rec in self.entities.values():
                if rec.type == "Person":
                    for n in [rec.name, *rec.aliases]:
                        parts = n.split()
                        if len(parts) > 1:
                            table.setdefault(parts[-1], set()).add(rec.id)
            self._surnames = {k: next(iter(v)) for k, v in table.items() if len(v) == 1}
        return self._surnames.get(word)

    def find_entity(self, names: tuple[str, ...]) -> str | None:
        """The first entity of the document whose name or an alias is one of `names` (in that order)."""
        table: dict[str, str] = {}
        for rec in self.entities.values():
            for n in [rec.name, *rec.aliases]:
                table.setdefault(n.lower().strip(), rec.id)
        for n in names:
            if n in table:
                return table[n]
        return None

    # -- text units -------------------------------------------------------------------------------------
    def unit(self, tok: Token) -> tuple[int, int]:
        return self.unit_start[tok.i], self.unit_end[tok.i]

    def unit_chars(self, tok: Token) -> tuple[int, int]:
        s, e = self.unit(tok)
        toks = self.tokens
        while s < e and toks[s].is_space:
            s += 1
        while e > s and toks[e - 1].is_space:
            e -= 1
        if s >= e:
            return tok.idx, tok.idx + len(tok)
        return toks[s].idx, toks[e - 1].idx + len(toks[e - 1])

    def mentions_in(self, indices) -> list[Mention]:
        seen, out = set(), []
        for i in indices:
            m = self.tok2mention.get(i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out


def _paragraph_break(prev: Token, tok: Token) -> bool:
    """A blank line, or a line break before a heading/bullet/table mark, ends a unit. A single line break
    inside a paragraph is only hard wrapping (White House and Federal Register texts wrap lines)."""
    ws = prev.text if prev.is_space else prev.whitespace_
    if "\n" not in ws and not (prev.is_space and "\n" in prev.text):
        return False
    if ws.count("\n") >= 2:
        return True
    if tok.text[:1] in ("#", "-", "*", "\u2022", "|", ">") or tok.text.lower() in ("sec", "section"):
        return True
    # A short line without closing punctuation is a heading ("A Multilateral Approach"); long unpunctuated
    # lines are hard wrapping.
    text = doc_text(tok.doc)
    line_end = prev.idx if prev.is_space else prev.idx + len(prev.text)
    line_start = text.rfind("\n", 0, line_end) + 1
    line = text[line_start:line_end].strip()
    return 0 < len(line) < 60 and not line.endswith((".", ",", ";", ":", "-", "\u2014", "\u2013", "(", "and", "or"))
