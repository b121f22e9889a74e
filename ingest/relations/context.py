"""What the relation rules read: the entity mentions of a Doc indexed by token and by sentence, the
lexicon, and a helper that makes contract `Relation` objects with the sentence as evidence."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ingest.contract import Relation, Span
from ingest.extensions import EntityRecord, Mention, doc_text, doc_tokens
from ingest.lexicon import Lexicon
from policygraph.ontology import ONTOLOGY

POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}


@dataclass
class Context:
    doc: Doc
    lex: Lexicon
    entities: dict[str, EntityRecord]
    mentions: list[Mention]
    by_token: list[Mention | None] = field(default_factory=list)
    sent_of: list[int] = field(default_factory=list)  # token -> sentence index
    sents: list[SpacySpan] = field(default_factory=list)
    sent_mentions: list[list[Mention]] = field(default_factory=list)
    paragraph_of_char: list[int] = field(default_factory=list)  # paragraph start offsets (sorted)
    tokens: list = field(default_factory=list)  # doc_tokens(doc): index this, not doc[i] (a new Token per call)
    group_forms: dict[str, str] = field(default_factory=dict)  # "houthi" -> the group named "Houthis" (roles)

    @classmethod
    def build(cls, doc: Doc, lex: Lexicon) -> Context:
        ents = doc._.pg_entities or {}
        mentions = list(doc._.pg_mentions or [])
        ctx = cls(doc, lex, ents, mentions, tokens=doc_tokens(doc))
        ctx.by_token = [None] * len(doc)
        # the outermost mention owns a token (a section owns the tokens of its nested act)
        for m in sorted(mentions, key=lambda m: m.token_end - m.token_start):
            for i in range(m.token_start, m.token_end):
                ctx.by_token[i] = m
        ctx.sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        ctx.sent_of = [0] * len(doc)
        for si, s in enumerate(ctx.sents):
            for i in range(s.start, s.end):
                ctx.sent_of[i] = si
        ctx.sent_mentions = [[] for _ in ctx.sents]
        for m in mentions:
            if m.token_start < len(doc):
                ctx.sent_mentions[ctx.sent_of[m.token_start]].append(m)
        # paragraphs: blank-line separated when the text has blank lines (hard-wrapped documents),
        # else one per line
        text = doc_text(doc)
        sep = re.compile(r"\n[ \t\u00a0]*\n") if re.search(r"\n[ \t\u00a0]*\n", text) else re.compile(r"\n")
        starts = [0] + [m.end() for m in sep.finditer(text)]
        ctx.paragraph_of_char = starts
        return ctx

    def type_of(self, m: Mention) -> str | None:
        rec = self.entities.get(m.entity_id)
        return rec.type if rec else None

    def paragraph(self, char: int) -> int:
        return bisect_right(self.paragraph_of_char, char) - 1

    def skip_markup(self, i: int) -> int:
        """The first token at or after i that is not Markdown emphasis ("**", "_")."""
        while i < len(self.doc) and set(self.tokens[i].text) <= {"*", "_"}:
            i += 1
        return i

    def skip_alias(self, i: int) -> int:
        """Past emphasis and a parenthesised short form right after a name: '**Dmitrii Aleksandrovich
        Beloglazov** (Beloglazov), the owner of ...', '**Alfa Group** (** Alfa**) is ...'."""
        i = self.skip_markup(i)
        n = len(self.doc)
        if i < n and self.tokens[i].text == "(":
            k = i + 1
            while k < min(n, i + 10) and self.tokens[k].text != ")":
                k += 1
            if k < n and self.tokens[k].text == ")":
                i = self.skip_markup(k + 1)
        return i

    def clause_start(self, i: int) -> int:
        """The start of token i's sentence, reaching back over a parser split that follows no sentence end
        ("... House of Representatives (HoR) | Agila Saleh Issa (Issa) pursuant to ...")."""
        si = self.sent_of[i]
        while si > 0:
            start = self.sents[si].start
            prev = next((t for t in reversed(self.tokens[self.sents[si - 1].start:start]) if not t.is_space), None)
            gap = any("\n" in t.text for t in self.tokens[self.sents[si - 1].start:start] if t.is_space)
            if prev is None or gap or prev.text in {".", "!", "?", ":", ";"} or prev.text[-1:] in {".", "!", "?"}:
                break
            si -= 1
        return self.sents[si].start

    def mention_at(self, i: int) -> Mention | None:
        return self.by_token[i] if 0 <= i < len(self.by_token) else None

    def mentions_in(self, tok, etype: str) -> list[Mention]:
        """The mentions of type `etype` in `tok`'s subtree, one an entity, in text order."""
        found: dict[str, Mention] = {}
        for t in tok.subtree:
            m = self.mention_at(t.i)
            if m is not None and self.type_of(m) == etype:
                found.setdefault(m.entity_id, m)
        return list(found.values())

    def sentence_span(self, token: int) -> Span:
        s = self.sents[self.sent_of[token]]
        return Span(start=s.start_char, end=s.end_char, text=s.text)


class Relations:
    """Collects relations, one per (type, source, target), enforcing the ontology signatures."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.items: dict[tuple[str, str, str], Relation] = {}

    def add(self, rtype: str, source: str, target: str, confidence: float, evidence_token: int | None, **props) -> bool:
        if source == target:
            return False
        s, t = self.ctx.entities.get(source), self.ctx.entities.get(target)
        if s is None or t is None or not ONTOLOGY.relation_allowed(rtype, s.type, t.type):
            return False
        key = (rtype, source, target)
        evidence = [self.ctx.sentence_span(evidence_token)] if evidence_token is not None else []
        old = self.items.get(key)
        if old is not None:
            if confidence > old.confidence:
                old.confidence = confidence
            if evidence and evidence[0] not in old.evidence and len(old.evidence) < 3:
                old.evidence.extend(evidence)
            for k, v in props.items():
                old.properties.setdefault(k, v)
            return True
        self.items[key] = Relation(
            type=rtype, source=source, target=target, properties=props, confidence=confidence, evidence=evidence
        )
        return True

    def result(self) -> list[Relation]:
        return list(self.items.values())
