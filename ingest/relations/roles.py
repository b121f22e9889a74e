"""HOLDS_ROLE {title}: a person and the body (or country) a title ties them to.

  pre-title      "Secretary of State Mike Pompeo", "White House economic adviser Larry Kudlow",
                 "Huawei CFO Meng Wanzhou", "Chinese President Xi Jinping", "Sen. Hawley"
  apposition     "Robert Lighthizer, the US trade representative", "Meng Wanzhou, the chief financial
                 officer of Huawei", "Liu He, China's economic czar", "Pascal Lamy, former
                 director-general of the World Trade Organization and the former French ... official"
  pre-apposition "China's deputy premier, Liu He", "its Northeast Asia senior adviser, Michael Kovrig"
  "of <country>" "President Xi Jinping of China"
  bare title     "President Trump": a head of state in the persons lexicon, with the title it names
A country is the target only for official titles (president, minister, diplomat...): "Swedish pop
singer Zara Larsson" gives nothing.
"""

from __future__ import annotations

from ingest.extensions import Mention
from ingest.relations.context import POSSESSIVE, Context, Relations
from ingest.relations.role_lists import after_kinship, coordinated_before
from ingest.relations.role_words import (
    BODY_TYPES,
    COPULA,
    OFFICIAL_TITLES,
    QUALIFIERS,
    ROLE_NOUNS,
    TITLE_PARTICIPLES,
    WINDOW,
)


def _bracket_end(ctx: Context, i: int, end: int) -> int | None:
    """ "(CEO)", "(HoR)": a bracketed short form of one or two words at token i; the index after ")"."""
    toks = ctx.tokens
    if toks[i].text != "(":
        return None
    for j in range(i + 1, min(end, i + 4)):
        if toks[j].text == ")":
            return j + 1 if j > i + 1 else None
        if not (toks[j].text[:1].isupper() or toks[j].text in {"-", "&"}):
            return None
    return None


def _group_forms(ctx: Context) -> dict[str, str]:
    """Singular modifier forms of a group named in the plural ("Houthis" -> "a Houthi member", "Houthi financial
    facilitator X"): lower-cased form -> the group's id."""
    forms: dict[str, str] = {}
    for eid, rec in ctx.entities.items():
        if rec.type != "Organization":
            continue
        for alias in (rec.name, *rec.aliases):
            if " " not in alias and len(alias) > 4 and alias.endswith("s") and alias[:1].isupper():
                forms[alias[:-1].lower()] = eid
    return forms


def holds_role(ctx: Context, out: Relations) -> None:
    doc = ctx.doc
    ctx.group_forms = _group_forms(ctx)
    for p in ctx.mentions:
        if ctx.type_of(p) != "Person":
            continue
        found = _pre_title(ctx, p, out)
        found |= _apposition(ctx, p, out)
        found |= _pre_apposition(ctx, p, out)
        found |= _of_country(ctx, p, out)
        found |= _serves_as(ctx, p, out)
        if not found:
            _bare_title(ctx, p, out)
    _plural_copula(ctx, out)
    _ = doc


def _words(ctx: Context, a: int, b: int) -> list[str]:
    return [t.lower_ for t in ctx.doc[a:b] if not t.is_space]


def _emit(ctx: Context, out: Relations, person: Mention, window: tuple[int, int], conf: float) -> bool:
    """Relations from a title phrase toks[window]: its body mentions, else a demonym/country for an
    official title. The title is the phrase minus determiners."""
    a, b = window
    if b <= a:
        return False
    doc = ctx.doc
    toks = ctx.tokens
    words = _words(ctx, a, b)
    bodies: list[Mention] = []
    countries: list[tuple[str, int]] = []
    groups: list[str] = []
    i = a
    while i < b:
        m = ctx.mention_at(i)
        if m is not None and m.entity_id != person.entity_id:
            t = ctx.type_of(m)
            if t in BODY_TYPES:
                bodies.append(m)
            elif t == "Country":
                countries.append((m.entity_id, i))
            i = max(m.token_end, i + 1)
            continue
        low = toks[i].lower_
        if low in ctx.group_forms and toks[i].text[:1].isupper():
            # "a Houthi member", "Houthi financial facilitator": the form modifies the title (not "Houthi-controlled
            # areas" inside another body's description)
            after = [t.lower_ for t in toks[i + 1:min(b, i + 4)] if not t.is_space]
            if after and after[0] != "-" and any(w in ROLE_NOUNS for w in after):
                groups.append(ctx.group_forms[low])
        elif low in ctx.lex.demonyms:
            # a demonym right before a body ("French EU parliament member") only qualifies that body
            nxt = ctx.mention_at(i + 1)
            if not (nxt is not None and ctx.type_of(nxt) in BODY_TYPES):
                countries.append((ctx.lex.demonyms[low], i))
        i += 1
    # a qualifier alone is no title: "the U.S. Government, Barakat ...", "signed by President Biden, Treasury can"
    has_role = any(
        (w in ROLE_NOUNS or w.endswith("s") and w[:-1] in ROLE_NOUNS) and w not in QUALIFIERS for w in words
    ) or any(m.source == "title" for m in bodies)  # plural: "A and B are members of X"
    if not has_role:
        return False
    if any(m.source == "title" for m in bodies):
        bodies = [m for m in bodies if m.source == "title"]  # the title names the body; the rest is its office
    # the most specific body takes the role, its parents are reached by PART_OF ("Treasury's Under Secretary for
    # the Office of Terrorism and Financial Intelligence" -> the Office only)
    named = {m.entity_id for m in bodies}
    bodies = [m for m in bodies if not any(_ancestor(ctx, m.entity_id, o) for o in named if o != m.entity_id)]
    title = _title_text(ctx, a, b)
    done = False
    for m in bodies:
        done |= out.add("HOLDS_ROLE", person.entity_id, m.entity_id, conf, person.token_start, title=title or m.text)
    for gid in groups:
        done |= out.add("HOLDS_ROLE", person.entity_id, gid, conf - 0.1, person.token_start, title=title)
    official = (
        any(w in OFFICIAL_TITLES for w in words)
        or any(w.startswith("former") for w in words)
        and any(w in OFFICIAL_TITLES for w in words)
    )
    if official and (not bodies or any(toks[j + 1].lower_ in {"and", ","} for _, j in countries if j + 1 < len(doc))):
        for cid, _j in countries:
            if cid in ctx.entities or _ensure_country(ctx, cid):
                done |= out.add("HOLDS_ROLE", person.entity_id, cid, conf - 0.1, person.token_start, title=title)
    return done


def _ancestor(ctx: Context, body: str, of: str) -> bool:
    """Is `body` a lexicon parent (at any depth) of `of`?"""
    entry = ctx.lex.get(of)
    for _ in range(5):
        if entry is None or not entry.parent:
            return False
        if entry.parent == body:
            return True
        entry = ctx.lex.get(entry.parent)
    return False


def _ensure_country(ctx: Context, cid: str) -> bool:
    """A demonym-only country ("Chinese President Xi") is not an entity of the document; HOLDS_ROLE
    needs both nodes, so the relation is only made when the country is named somewhere."""
    return cid in ctx.entities


def _title_text(ctx: Context, a: int, b: int) -> str:
    toks = [t for t in ctx.doc[a:b] if not t.is_space]
    while toks and (
        toks[0].lower_ in {"the", "a", "an", "its", "their", "his", "her", ","} or toks[0].text in POSSESSIVE
    ):
        toks = toks[1:]
    while toks and (toks[-1].text in {",", "'s", "\u2019s", "and", "or"} or set(toks[-1].text) <= {"*", "_"}):
        toks = toks[:-1]
    return " ".join(t.text for t in toks)


def _pre_title(ctx: Context, p: Mention, out: Relations) -> bool:
    toks = ctx.tokens
    a = p.token_start
    floor = max(0, ctx.clause_start(p.token_start))
    lo = max(p.token_start - WINDOW, floor)
    i = p.token_start - 1
    while i >= lo:
        t = toks[i]
        m = ctx.mention_at(i)
        if m is not None:
            if ctx.type_of(m) == "Person":
                break
            lo = max(floor, lo - (m.token_end - m.token_start - 1))  # a named body counts as one word
            i = m.token_start - 1
            a = m.token_start
            continue
        if t.text == ")" and i > lo:
            # "President of the House of Representatives (HoR) Agila Saleh Issa": the body's short form
            opening = next((k for k in range(i - 1, max(lo, i - 4) - 1, -1) if toks[k].text == "("), None)
            if opening is not None and _bracket_end(ctx, opening, i + 1) == i + 1:
                lo = max(floor, lo - (i - opening + 1))
                i = opening - 1
                continue
        if any(ch in t.text for ch in ',"\u201c\u201d'):
            break  # '... stable future,\u201dsaid Secretary of the Treasury Scott Bessent': a quote ends the title
        if (
            t.is_space
            or t.text in POSSESSIVE
            or t.lower_ in ROLE_NOUNS
            or t.lower_ in ctx.lex.demonyms
            or t.lower_ in ctx.group_forms
            or t.text in {"-"}
        ):
            a = i
            i -= 1
            continue
        if t.pos_ in {"NOUN", "ADJ", "PROPN"} and t.text[:1].islower():
            a = i
            i -= 1
            continue
        if t.lower_ in {"for", "of", "the"} and i > lo and (ctx.mention_at(i - 1) is not None or any(
                toks[k].lower_ in ROLE_NOUNS for k in range(max(lo, i - 2), i))):
            # "Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian Nelson",
            # "the Assistant Director of the International Department Ali Tarzali"
            a = i
            i -= 1
            continue
        if t.lower_ in {"then", "now"} and a < p.token_start and toks[a].text in {"-", "\u2010"}:
            a = i  # "the CBI's then-Governor Valiollah Seif"
            i -= 1
            continue
        break
    if _emit(ctx, out, p, (a, p.token_start), 0.8):
        return True
    return _party_title(ctx, p, out, (a, p.token_start))


def _party_title(ctx: Context, p: Mention, out: Relations, window: tuple[int, int]) -> bool:
    """ "party chief Chen Quanguo", "party secretary X": the party named in the same sentence."""
    words = _words(ctx, *window)
    if "party" not in words or not any(w in {"chief", "secretary", "leader", "boss", "head"} for w in words):
        return False
    for m in ctx.sent_mentions[ctx.sent_of[p.token_start]]:
        rec = ctx.entities.get(m.entity_id)
        if rec is not None and rec.type == "Organization" and rec.name.split()[-1] == "Party":
            return out.add("HOLDS_ROLE", p.entity_id, m.entity_id, 0.6, p.token_start, title=_title_text(ctx, *window))
    return False


def _apposition(ctx: Context, p: Mention, out: Relations) -> bool:
    doc = ctx.doc
    toks = ctx.tokens
    j = ctx.skip_alias(p.token_end)
    if j >= len(doc) or (toks[j].text != "," and toks[j].lower_ not in COPULA):
        return False
    end = ctx.sents[ctx.sent_of[p.token_start]].end
    k = j + 1
    copular = toks[j].lower_ in COPULA
    if copular:
        # "X is the Secretary of the Security Council", "X serves as Y": only a definite/indefinite title
        while k < end and toks[k].lower_ in {"also", "currently", "now", "as", "been"}:
            k += 1
        if k >= end or toks[k].lower_ not in {"the", "a", "an"}:
            return False
    if k < end and toks[k].lower_ in {"and", "or", "but", "who", "which"}:
        return False  # coordination / relative clause, not an apposition
    k = after_kinship(ctx, k, end)
    b = k
    while b < end and b - k < 16:
        t = toks[b]
        m = ctx.mention_at(b)
        if m is not None:
            if ctx.type_of(m) == "Person":
                return False  # the phrase is the next person's title
            b = m.token_end
            continue
        skip = _bracket_end(ctx, b, end)
        if skip is not None:
            b = skip  # "the Chief Executive Officer (CEO) and founding director of X"
            continue
        if t.text == "," and copular and _title_follows(ctx, b + 1, end):
            b += 1  # "X is the co-founder, CEO, and managing director of FASC": a list of posts
            continue
        if t.text in {",", ";", ".", "(", ")", "\u201c", "\u201d", '"', ":", "\u2014", "--"} or (
            t.pos_ in {"VERB", "AUX"} and not t.text[:1].isupper() and t.lower_ not in TITLE_PARTICIPLES
            and not (t.lower_ in {"based", "owned", "registered", "headquartered"} and toks[b - 1].text == "-")
        ):
            break  # (not "the owner of Russia-based financial services firm Titul")
        if t.lower_ in {"who", "which", "that", "whose", "said", "says"}:
            break
        b += 1
    if b == k:
        return False
    done = _emit(ctx, out, p, (k, b), 0.75)
    if done and not copular:
        for q in coordinated_before(ctx, p):
            _emit(ctx, out, q, (k, b), 0.7)
    return done


def _title_follows(ctx: Context, i: int, end: int) -> bool:
    """Does a post start at token i (after "and" / "or"): "CEO", "and managing director"?"""
    toks = ctx.tokens
    while i < end and (toks[i].is_space or toks[i].lower_ in {"and", "or"}):
        i += 1
    words = [t.lower_ for t in toks[i:min(end, i + 2)]]
    return bool(words) and (words[0] in ROLE_NOUNS or words[0] in TITLE_PARTICIPLES
                            or len(words) > 1 and words[1] in ROLE_NOUNS and toks[i].pos_ in {"ADJ", "VERB", "NOUN"})


def _plural_copula(ctx: Context, out: Relations) -> None:
    """ "**A** (** A**),** B** (** B**), and** C** (** C**) are all senior, Iran-based members of the IRGC-QF": the
    title after a plural copula is each person of the list right before it (read from tokens: emphasis and short
    forms leave no usable parse)."""
    toks = ctx.tokens
    for t in toks:
        if t.lower_ not in {"are", "were"}:
            continue
        lo = ctx.clause_start(t.i)
        persons: list[Mention] = []
        i = t.i - 1
        while i >= lo:
            m = ctx.mention_at(i)
            if m is not None and ctx.type_of(m) == "Person":
                if m.entity_id not in {p.entity_id for p in persons}:
                    persons.append(m)
                i = m.token_start - 1
                continue
            if toks[i].is_space or toks[i].text in {",", "and", "*", "**", "_", ")"} or set(toks[i].text) <= {"*", "_"}:
                i -= 1
                continue
            if toks[i].text == ")" or toks[i].text == "(":
                i -= 1
                continue
            # a short form in brackets: "(** Moshkani**)"
            opening = next((k for k in range(i, max(lo, i - 6) - 1, -1) if toks[k].text == "("), None)
            if opening is not None and all(toks[k].text != ")" for k in range(opening, i)):
                i = opening - 1
                continue
            break
        if len(persons) < 2:
            continue
        end = ctx.sents[ctx.sent_of[t.i]].end
        a = t.i + 1
        while a < end and toks[a].lower_ in {"all", "both", "also", "currently", "each"}:
            a += 1
        b = a
        while b < end and b - a < 16:
            x = toks[b]
            if x.text in {";", ".", ":", "(", ")"} or x.lower_ in {"who", "which", "that", "whose"}:
                break
            if x.lower_ == "and" and b + 1 < end and toks[b + 1].pos_ in {"AUX", "VERB"}:
                break  # "... of the IRGC-QF and are active in ..."
            if x.pos_ in {"VERB", "AUX"} and not x.text[:1].isupper() and not (b and toks[b - 1].text == "-"):
                break
            b += 1
        for p in persons:
            _emit(ctx, out, p, (a, b), 0.7)


_SERVE_VERBS = {"served", "serves", "serving", "serve", "worked", "works", "acted", "acts"}
_SERVE_ADVERBS = {"has", "had", "have", "also", "now", "previously", "currently", "formerly", "since", "then",
                  "who", ","}


def _serves_as(ctx: Context, p: Mention, out: Relations) -> bool:
    """ "Robert Werner, who served as the Director of OFAC until ...", "Werner now serves as the Director of the
    Treasury's FinCEN", "Barbara Hammerle has served as Acting OFAC Director since ...": the title after "served
    as", to the end of its phrase."""
    toks = ctx.tokens
    end = ctx.sents[ctx.sent_of[p.token_start]].end
    k = ctx.skip_alias(p.token_end)
    while k < end and (toks[k].lower_ in _SERVE_ADVERBS or toks[k].is_space):
        k += 1
    if k + 1 >= end:
        return False
    if toks[k].lower_ in {"is", "was"} and toks[k - 1].lower_ == "who" and toks[k + 1].lower_ in {"the", "a", "an"}:
        k += 1  # "Ali Zeaiter who is the General Manager of Stars International Ltd."
    elif toks[k].lower_ in _SERVE_VERBS and toks[k + 1].lower_ == "as":
        k += 2
    else:
        return False
    b = k
    while b < end and b - k < 12:
        m = ctx.mention_at(b)
        if m is not None:
            if ctx.type_of(m) == "Person":
                return False
            b = m.token_end
            continue
        t = toks[b]
        if t.text in {",", ";", ".", "(", ")", ":", "\u2014"} or t.lower_ in {
                "until", "since", "from", "when", "where", "who", "which", "and", "before", "after", "during"}:
            break
        b += 1
    return b > k and _emit(ctx, out, p, (k, b), 0.7)


def _pre_apposition(ctx: Context, p: Mention, out: Relations) -> bool:
    toks = ctx.tokens
    c = p.token_start - 1
    if c < 1 or toks[c].text != ",":
        return False
    lo = max(0, c - 10, ctx.sents[ctx.sent_of[p.token_start]].start)
    i = c - 1
    a = c
    while i >= lo:
        t = toks[i]
        m = ctx.mention_at(i)
        if m is not None:
            if ctx.type_of(m) == "Person":
                return False
            a = m.token_start
            i = m.token_start - 1
            continue
        if (
            t.text in POSSESSIVE
            or t.lower_ in ROLE_NOUNS
            or t.lower_ in ctx.lex.demonyms
            or t.is_space
            or t.text == "-"
        ):
            a = i
            i -= 1
            continue
        if t.lower_ in {"its", "their"}:
            owner = _nearest_body_before(ctx, i)
            if owner is not None:
                _emit_owner(ctx, out, p, owner, (i + 1, c))
                return True
            break
        if t.lower_ in {"the", "a", "an", "former"} or (
            t.pos_ in {"NOUN", "ADJ", "PROPN"} and (t.text[:1].islower() or not t.is_sent_start)
        ):
            a = i
            i -= 1
            continue
        if t.lower_ in {"of", "for"} and any(toks[k].lower_ in ROLE_NOUNS for k in range(max(lo, i - 2), i)):
            a = i  # "Iran's Minister of Intelligence and Security, Mahmoud Alavi"
            i -= 1
            continue
        break
    return _emit(ctx, out, p, (a, c), 0.7)


def _nearest_body_before(ctx: Context, i: int) -> Mention | None:
    lo = ctx.sents[ctx.sent_of[i]].start
    for j in range(i - 1, lo - 1, -1):
        m = ctx.mention_at(j)
        if m is not None and ctx.type_of(m) in BODY_TYPES:
            return m
    return None


def _emit_owner(ctx: Context, out: Relations, p: Mention, owner: Mention, window: tuple[int, int]) -> None:
    words = _words(ctx, *window)
    if any(w in ROLE_NOUNS for w in words):
        out.add("HOLDS_ROLE", p.entity_id, owner.entity_id, 0.6, p.token_start, title=_title_text(ctx, *window))


def _of_country(ctx: Context, p: Mention, out: Relations) -> bool:
    doc = ctx.doc
    toks = ctx.tokens
    j = p.token_end
    if j + 1 >= len(doc) or toks[j].lower_ != "of":
        return False
    m = ctx.mention_at(j + 1) or (ctx.mention_at(j + 2) if toks[j + 1].lower_ == "the" else None)
    if m is None or ctx.type_of(m) not in ("Country", *BODY_TYPES):
        return False
    before = _words(ctx, max(0, p.token_start - 3), p.token_start)
    if not any(w in OFFICIAL_TITLES for w in before):
        return False
    return out.add(
        "HOLDS_ROLE",
        p.entity_id,
        m.entity_id,
        0.75,
        p.token_start,
        title=" ".join(w for w in before if w in ROLE_NOUNS),
    )


def _bare_title(ctx: Context, p: Mention, out: Relations) -> None:
    entry = ctx.lex.get(p.entity_id)
    if entry is None or not entry.title or not entry.country:
        return
    words = _words(ctx, max(0, p.token_start - 2), p.token_start)
    if entry.title.lower().split()[-1] in words and entry.country in ctx.entities:
        out.add("HOLDS_ROLE", p.entity_id, entry.country, 0.7, p.token_start, title=entry.title)
