"""The trigger lexicon (ingest/lexicons/triggers.yaml) loaded once into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from policygraph.ontology import ACTION_KINDS
from policygraph.yamlfile import read_yaml

LEXICON_FILE = Path(__file__).resolve().parents[1] / "lexicons" / "triggers.yaml"
# Internal pseudo-kind: "add X to <list>" whose list decides the real kind.
LIST_ADDITION = "list_addition"
LIST_REMOVAL = "list_removal"  # "removed X from <list>": the list's kind, status lifted


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    kind: str | None
    refine: bool = False
    objects: dict[str, str] = field(default_factory=dict)
    needs_prep: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = ()
    needs_light_verb: bool = False
    veto: tuple[str, ...] = ()
    lifted: bool = False  # the word itself undoes a measure ("unblocked", "unfrozen")
    # a trigger only with a public body as its active subject and a direct object ("Treasury is targeting
    # X"; not "Russian forces targeted civilians", "sanctions targeting X")
    needs_authority_subject: bool = False
    # entity types whose being the passive subject makes the verb no trigger ("OFAC is charged with
    # administering ... sanctions": a body is tasked, not indicted)
    not_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, TriggerEntry]
    nouns: dict[str, TriggerEntry]
    phrases: dict[str, str]
    refiners: dict[str, str]
    light_verbs: frozenset[str]
    target_subject_verbs: frozenset[str]
    designate_as_ok: frozenset[str]
    lists: dict[str, str]
    law_kinds: dict[str, str]
    actor_kinds: dict[str, dict[str, tuple[str, ...]]]
    proposed_aux: frozenset[str]
    advocated_aux: frozenset[str]
    proposed_heads: frozenset[str]
    advocated_heads: frozenset[str]
    lifted_heads: frozenset[str]
    capability_heads: frozenset[str]
    enacting_verbs: frozenset[str]
    proposing_verbs: frozenset[str]
    legislation_nouns: frozenset[str]
    implied_actors: dict[str, tuple[str, ...]]


def _words(items, where: str) -> tuple[str, ...]:
    """YAML 1.1 reads a bare on/off/yes/no as a boolean: insist on strings so that 'on' stays 'on'."""
    out = []
    for x in items or ():
        if not isinstance(x, str):
            raise ValueError(f"{LEXICON_FILE}: {where}: {x!r} is not a string (quote it)")
        out.append(x.lower())
    return tuple(out)


def _entries(raw: dict) -> dict[str, TriggerEntry]:
    out = {}
    for lemma, spec in (raw or {}).items():
        spec = spec or {}
        kind = spec.get("kind")
        _check_kind(kind, lemma)
        for k in (spec.get("objects") or {}).values():
            _check_kind(k, lemma)
        out[lemma] = TriggerEntry(
            lemma=lemma,
            kind=kind,
            refine=bool(spec.get("refine")),
            objects=dict(spec.get("objects") or {}),
            needs_prep=_words(spec.get("needs_prep"), lemma),
            target_preps=_words(spec.get("target_preps"), lemma),
            needs_light_verb=bool(spec.get("needs_light_verb")),
            veto=_words(spec.get("veto"), lemma),
            lifted=bool(spec.get("lifted")),
            needs_authority_subject=bool(spec.get("needs_authority_subject")),
            not_of=tuple(spec.get("not_of") or ()),
        )
    return out


def _check_kind(kind: str | None, where: str) -> None:
    if kind is not None and kind not in (LIST_ADDITION, LIST_REMOVAL) and kind not in ACTION_KINDS:
        raise ValueError(f"{LEXICON_FILE}: unknown action kind {kind!r} for {where!r}")


@cache
def load(path: Path = LEXICON_FILE) -> Lexicon:
    raw = read_yaml(path)
    mod = raw.get("modality") or {}
    for table in ("phrases", "refiners", "lists", "law_kinds"):
        for key, kind in (raw.get(table) or {}).items():
            _check_kind(kind, key)

    def low(items) -> frozenset[str]:
        return frozenset(_words(items, "word list"))

    return Lexicon(
        verbs=_entries(raw.get("verbs")),
        nouns=_entries(raw.get("nouns")),
        phrases={k.lower(): v for k, v in (raw.get("phrases") or {}).items()},
        refiners={k.lower(): v for k, v in (raw.get("refiners") or {}).items()},
        light_verbs=low(raw.get("light_verbs")),
        target_subject_verbs=low(raw.get("target_subject_verbs")),
        designate_as_ok=low(raw.get("designate_as_ok")),
        lists={k.lower(): v for k, v in (raw.get("lists") or {}).items()},
        law_kinds={k.lower(): v for k, v in (raw.get("law_kinds") or {}).items()},
        actor_kinds={
            base: {kind: tuple(n.lower() for n in names) for kind, names in table.items()}
            for base, table in (raw.get("actor_kinds") or {}).items()
        },
        proposed_aux=low(mod.get("proposed_aux")),
        advocated_aux=low(mod.get("advocated_aux")),
        proposed_heads=low(mod.get("proposed_heads")),
        advocated_heads=low(mod.get("advocated_heads")),
        lifted_heads=low(mod.get("lifted_heads")),
        capability_heads=low(mod.get("capability_heads")),
        enacting_verbs=low(mod.get("enacting_legislation_verbs")),
        proposing_verbs=low(mod.get("proposing_legislation_verbs")),
        legislation_nouns=low(raw.get("legislation_nouns")),
        implied_actors={k: tuple(n.lower() for n in v) for k, v in (raw.get("implied_actors") or {}).items()},
    )
