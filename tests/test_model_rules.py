"""The fast stand-ins for the model's attribute_ruler and lemmatizer give exactly the stock components'
annotations, on real texts of every kind the project ingests (ingest/model_rules.py)."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
import spacy

from ingest.model_rules import FastAttributeRuler, FastLemmatizer, use_fast_rules
from ingest.pipeline import build_nlp
from policygraph.settings import get_settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
TREASURY = SHARED / "corpora" / "treasury-press-releases.jsonl"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    if TREASURY.exists():
        with TREASURY.open(encoding="utf-8") as fh:
            # a spread over the years: older and newer releases are written differently
            texts += [json.loads(line)["text"] for line in islice(fh, 0, 1800, 200)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpora" / "whitehouse").glob("*.md"))[:3]]
    return texts


@pytest.fixture(scope="module")
def pipelines():
    model = get_settings().model
    return spacy.load(model), use_fast_rules(spacy.load(model))


def test_fast_rules_replace_the_stock_components(pipelines):
    stock, fast = pipelines
    assert stock.pipe_names == fast.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    ruler = fast.get_pipe("attribute_ruler")
    # every rule of the model was read: single- and multi-token patterns (and any fallback)
    assert len(ruler.attrs) == len(stock.get_pipe("attribute_ruler").attrs) > 100
    assert ruler._single and ruler._multi


def test_annotations_identical_to_stock_components(pipelines):
    stock, fast = pipelines
    texts = _texts()
    assert len(texts) >= 10
    tokens = 0
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert len(a) == len(b)
        for s, f in zip(a, b, strict=True):
            assert (s.pos_, str(s.morph), s.lemma_, s.tag_) == (f.pos_, str(f.morph), f.lemma_, f.tag_), (
                f"{s.text!r} at {s.idx}"
            )
        tokens += len(a)
    assert tokens > 10_000


def test_lemmatizer_keeps_lemmas_the_ruler_set(pipelines):
    _, fast = pipelines
    doc = fast("There are two reasons: it's been designated and they weren't.")
    # the ruler sets "be" on forms of to be; the lemmatizer leaves those and lemmatizes the rest
    assert [t.lemma_ for t in doc if t.lower_ in {"are", "'s", "been", "were"}] == ["be", "be", "be", "be"]
    assert next(t for t in doc if t.lower_ == "designated").lemma_ == "designate"
    assert next(t for t in doc if t.lower_ == "reasons").lemma_ == "reason"


def test_build_nlp_can_keep_the_stock_components():
    nlp = build_nlp(get_settings().model, fast_rules=False)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp.pipe_names[-3:] == ["pg_entities", "pg_relations", "pg_actions"]
