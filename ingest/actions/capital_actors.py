"""A capital named as the subject of a measure stands for its state: "Seoul designated another 11
individuals ...", "Beijing imposed sanctions on ...", "Moscow banned imports of ...".

ONTOLOGY keeps the capital a `Place` ("Beijing said"), but the measure is taken by the state it stands for:
the government Authority of that country when the document names it ("the South Korean government"), else
the Country when the document names it. With neither named, nothing is guessed.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.context import DocContext
from ingest.actions.roles import Roles
from ingest.actions.triggers import Trigger
from ingest.lexicon import load_lexicon

# Capitals whose names news reports use for their governments (place ids of ingest/lexicons/places.yaml;
# their country comes from that lexicon).
CAPITALS = {"washington-dc", "beijing", "moscow", "tokyo", "seoul", "pyongyang", "london", "paris", "berlin",
            "ottawa", "canberra", "tehran", "kyiv", "minsk", "taipei", "new-delhi", "ankara", "caracas", "havana",
            "damascus", "jerusalem", "riyadh", "abu-dhabi", "hanoi", "bern", "wellington"}
# (not Brussels: in the news it stands for the EU as often as for Belgium)


def capital_state(ctx: DocContext, place_id: str) -> str | None:
    """The government Authority, else the Country, that a capital stands for, when the document names it."""
    if place_id not in CAPITALS:
        return None
    entry = load_lexicon().get(place_id)
    country = getattr(entry, "country", None) if entry is not None else None
    if not country:
        return None
    for government in (load_lexicon().government_of.get(country), f"government-of-{country}"):
        if government and ctx.etype_of(government) == "Authority":
            return government
    return country if ctx.etype_of(country) == "Country" else None


def capital_actor(ctx: DocContext, trig: Trigger, roles: Roles) -> None:
    """'Seoul designated another 11 individuals ...': the subject of the measure verb is a capital."""
    verb = trig.token if trig.is_verb else roles.head_verb
    if verb is None:
        return
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        state = _state_of(ctx, subj)
        if state is not None:
            roles.add("by", [state])
            roles.targets = [t for t in roles.targets if ctx.etype_of(t) != "Place" or t not in CAPITALS]
            return


def _state_of(ctx: DocContext, subj: Token) -> str | None:
    m = ctx.mention(subj.i)
    if m is None or ctx.etype(m) != "Place":
        return None
    return capital_state(ctx, m.entity_id)
