"""Legal-citation grammar: numbered and named legal instruments found by regular expressions over the
document text, each with a canonical name, a stable id and a Law kind.

  Executive Order (E.O.) 13851 / E.O. 13818 / EO 14024 / Executive Orders 13660 and 13661 -> eo-NNNNN
  31 CFR part 589 / 15 C.F.R. 744.11                                  -> regulation / section of a part
  50 U.S.C. 1701 / 8 U.S.C. § 1182(a)(3)(C)                           -> section
  Council Regulation (EU) 2022/328 / Regulation (EU) No 833/2014      -> regulation (EU decisions too)
  UN Security Council Resolution 2231 / UNSCR 1718                     -> treaty (binding instrument)
  H.R. 6210 / S. 3744 / Public Law 117-78                              -> bill / statute
  the X Act (of 2020 | , 2019), the X Regulations                      -> statute / regulation
  Section 7031(c) of the X Act, 2019                                   -> section PART_OF the act

Why regexes over text rather than token patterns: citations cross tokenizer boundaries ("7031(c)",
"2022/328", "§ 1182(a)(3)(C)", non-breaking spaces) and are fixed typographic conventions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.law_citation import Citation
from ingest.law_codes import code_citations
from ingest.names import slug

__all__ = ["SECTION", "Citation", "find_citations"]


_WS = r"[\s\u00a0]+"
_EO_NUM = re.compile(r"\d{5}")
_EO = re.compile(
    r"\b(?:Executive" + _WS + r"Orders?|E\.\s?O\.s?|EOs?)" + r"(?:" + _WS + r"\((?:E\.O\.|EO)s?\))?"
    r"(?:"
    + _WS
    + r"(?:No\.|Nos\.|Number))?"
    + _WS
    + r"(\d{5})((?:,?"
    + _WS
    + r"(?:and"
    + _WS
    + r"|or"
    + _WS
    + r")?\d{5})*)"
)
_CFR = re.compile(
    r"\b(\d{1,2})"
    + _WS
    + r"C\.?F\.?R\.?"
    + _WS
    + r"(?:(?:[Pp]arts?|§§?|[Ss]ection)"
    + r"[\s\u00a0]*)?(\d{1,4})(?:\.(\d+[a-z]?))?"
)
_USC = re.compile(
    r"\b(\d{1,2})"
    + _WS
    + r"U\.\s?S\.\s?C\.?"
    + r"[\s\u00a0]*(?:§§?[\s\u00a0]*)?(\d{1,5}[a-z]?)((?:\([a-zA-Z0-9]{1,4}\))*)"
)
_EU = re.compile(
    r"\b(?:(Council|Commission)"
    + _WS
    + r")?(?:(Implementing|Delegated)"
    + _WS
    + r")?(Regulation|Decision)"
    + _WS
    + r"\((EU|EC|CFSP|EEC)\)"
    + r"(?:"
    + _WS
    + r"No\.?)?"
    + _WS
    + r"(\d{2,4})/(\d{1,4})"
)
# the older EU form "Council Decision 2014/145/CFSP", "Common Position 2008/1234/CFSP": the same ids as "Decision
# (CFSP) 2014/145"
_EU_OLD = re.compile(
    r"\b(?:(Council)" + _WS + r")?(?:(Implementing)" + _WS + r")?(Decision|Common" + _WS + r"Position|Joint"
    + _WS + r"Action)" + _WS + r"((?:19|20)\d\d)/(\d{1,4})/(CFSP|EU|EC)\b"
)
_UNSCR = re.compile(
    r"\b(?:(?:UN|U\.N\.|United"
    + _WS
    + r"Nations)"
    + _WS
    + r")?(?:Security"
    + _WS
    + r"Council"
    + _WS
    + r"Resolution|UNSCR)"
    + r"(?:"
    + _WS
    + r"\(UNSCR\))?"  # "UN Security Council Resolution (UNSCR) 2270"
    + r"(?:"
    + _WS
    + r"No\.)?"
    + _WS
    + r"(\d{3,4})"
)
_BILL = re.compile(r"\b(H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.)" + r"[\s\u00a0]?" + r"(\d{1,5})\b(?![./]\d)")
_PUBLIC_LAW = re.compile(
    r"\b(?:Public"
    + _WS
    + r"Law|Pub\."
    + _WS
    + r"L\.|P\.\s?L\.)(?:"
    + _WS
    + r"No\.)?"
    + _WS
    + r"(\d{2,3})[-\u2013](\d{1,4})\b"
)

# OFAC general licenses: "Syria General License (GL) 25", "Russia-related General License 8L", "General License No. 13",
# "Iran General License D-2"; later "GL 25" when the number was cited in full
_GL = re.compile(
    r"\b(?:([A-Z][a-z]+)(-[Rr]elated)?" + _WS + r")?General" + _WS + r"Licen[sc]e" + r"(?:" + _WS + r"\(GL\))?"
    r"(?:" + _WS + r"(?:No\.|Number))?" + _WS + r"(\d{1,3}[A-Z]{0,2}|[A-Z]-\d{1,2})\b"
)
_GL_SHORT = re.compile(r"\bGL" + _WS + r"(\d{1,3}[A-Z]{0,2}|[A-Z]-\d{1,2})\b")
_GL_NOT_PROGRAM = {"The", "A", "This", "That", "Each", "New", "Under", "Pursuant", "Issued", "Amended", "Today"}

# Named acts: capitalised words joined by a few connectors, ending in Act/Regulations, with an
# optional year. The first word must be capitalised, so "Pursuant to the Kingpin Act" starts at
# "Kingpin" ("to the" is not a connector).
# a bracketed word is part of the name: "(OFAC)", and the country or subject of Commonwealth instruments ("Special
# Economic Measures (Russia) Regulations", "Russia (Sanctions) (EU Exit) Regulations 2019")
_CAP = r"(?:[A-Z][\w\u2019'\-\.&]*|\([A-Z]+\)|\([A-Z][a-z]+(?: [A-Z][a-z]+)?\))"
# the first word is a word: "(C) of the Immigration and Nationality Act" is a subsection's letter before the act
_FIRST = r"[A-Z][\w\u2019'\-\.&]*"
# Each way of joining two words must be the only one: " and " once read both as a connector word and as the
# optional "and" after a comma, and "A-B" both as one word and as A "-" B, so a long run of capitalised words
# without an "Act" after it was tried in 2^n splittings (5.6 s on one 7,000-character release).
_CONNECT = (
    r"(?:"
    + _WS
    + r"(?:of|for|on|to|in|with|against|from|(?:of|and|with|on|for|from)"
    + _WS
    + r"the|&)"
    + _WS
    + r"|,?"
    + _WS
    + r"(?:and"
    + _WS
    + r")?)"
)
_NAMED = re.compile(
    r"(?<![\w\-])(?:[Tt]he"
    + _WS
    + r")?("
    + _FIRST
    + r"(?:"
    + _CONNECT
    + _CAP
    + r")*?"
    + _WS
    + r"(Act|Regulations|Law))\b(?:((?:"
    + _WS
    + r"of"
    + _WS
    + r"|,?"
    + _WS
    + r"|"
    + _WS
    + r"for"
    + _WS
    + r"Fiscal"
    + _WS
    + r"Year"
    + _WS
    + r"))((?:19|20)\d\d)\b)?"
)
SECTION = _SECTION = re.compile(
    r"\b(?:[Ss]ection|Sec\.|§)[\s\u00a0]*(\d{1,5}[A-Za-z]?)((?:\([a-zA-Z0-9]{1,5}\))*)((?:"
    + _WS
    + r"of"
    + _WS
    + r")(?:the"
    + _WS
    + r")?(?:annual"  # "Section 7031(c) of the annual Department of State, ... Appropriations Act"
    + _WS
    + r")?)?"
)
# Words that start a capitalised run but are not part of an act's name.
_NAME_STOP = {
    "Under",
    "Pursuant",
    "Today",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "By",
    "As",
    "Its",
    "Their",
    "Section",
    "Sections",
    "Title",
    "Sec",
    "And",
    "Of",
    "For",
    "With",
    "From",
    "To",
    "If",
    "When",
    "While",
    "After",
}
_GENERIC_HEADS = {"Act", "Regulations", "Law"}
# where instruments are published, not instruments
_NOT_INSTRUMENTS = {"Code of Federal Regulations", "Federal Regulations"}
_YEARLESS_ID = ("Appropriations", "Authorization")


def _collapse(s: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", s).strip()


def _eo(num: str) -> tuple[str, str]:
    return f"eo-{num}", f"Executive Order {num}"


def _trim_named(text: str, start: int) -> tuple[int, str]:
    """Drop leading stop words ("Under the ..."), returning the new start and name."""
    words = text.split(" ")
    drop = 0
    while drop < len(words) - 1 and (words[drop] in _NAME_STOP or words[drop].lower() in {"the", "of", "and"}):
        drop += 1
    if drop:
        cut = len(" ".join(words[:drop])) + 1
        return start + cut, " ".join(words[drop:])
    return start, text


# a body owning the instrument: an acronym or a body's head word before the possessive ("OFAC's", "the Commerce
# Department's"), not a word of the name ("Hong Kong People's Freedom and Choice Act")
_OWNER = re.compile(
    r"^(?:[A-Z][\w\-.&]*[\s\u00a0]+){0,3}(?:[A-Z]{2,6}|Department|Ministry|Office|Bureau|Treasury|Commerce|Council"
    r"|Commission)['\u2019]s[\s\u00a0]+(?=[A-Z])"
)
_LEAD = re.compile(r"^(?:(?:" + "|".join(sorted(_NAME_STOP)) + r"|the|of|and)[\s\u00a0]+)+")
_JOINED = re.compile(
    r"(?:\b(?:Act|Regulations)|\b[A-Z]{3,}),?[\s\u00a0]+and[\s\u00a0]+the[\s\u00a0]+|\b(?:Act|Regulations),?[\s\u00a0]+and[\s\u00a0]+"
)
_LEAD_NOUN = re.compile(
    r"^(?:(?:Invocation|Implementation|Repeal|Suspension|Termination|Continuation|Waiver|Amendments?)[\s\u00a0]+of"
    r"[\s\u00a0]+(?:the[\s\u00a0]+)?|[IVXLC]+,?[\s\u00a0]+)"  # "Title LXXV, National Defense Authorization Act"
)


def named_instrument(text: str, start: int, end: int, head: str, sep: str | None, year: str | None) -> Citation | None:
    """A named act/regulation from a _NAMED match: `text` is the name up to its head word."""
    # "OFAC's Weapons of Mass Destruction Proliferators Sanctions Regulations": the owner is no word of the name
    owner = _OWNER.match(text)
    if owner:
        start += owner.end()
        text = text[owner.end() :]
    lead = _LEAD.match(text)
    if lead:
        start += lead.end()
        text = text[lead.end() :]
    # a title-case headline ("Treasury Sanctions Officials Under Global Magnitsky Act"): the name starts
    # after the last stop word inside the run
    inner = list(re.finditer(r"(?:^|[\s\u00a0])(?:" + "|".join(sorted(_NAME_STOP)) + r")[\s\u00a0]+", text))
    if inner:
        cut = inner[-1].end()
        start += cut
        text = text[cut:]
    # two instruments joined ("IEEPA and the Iran Sanctions Act", "the Trade Act and the Tariff Act"): the last one
    joined = list(_JOINED.finditer(text))
    if joined:
        cut = joined[-1].end()
        start += cut
        text = text[cut:]
    # an order's title names what it does to the act ("Invocation of the Alien Enemies Act Regarding ..."), a
    # title's number comes before it ("Title LXXV, National Defense Authorization Act")
    verb = _LEAD_NOUN.match(text)
    if verb:
        start += verb.end()
        text = text[verb.end() :]
    name = _collapse(text)
    words = name.split(" ")
    if len(words) < 2 or words[-1] not in _GENERIC_HEADS or name in _NOT_INSTRUMENTS:
        return None
    if head in ("Law", "Regulations") and len(words) < 3:
        return None
    if head == "Law" and words[-2] == "Public":
        return None  # "UHRPA and Public Law 117-78": a public law's number follows
    kind = "regulation" if head == "Regulations" else "statute"
    full = name
    if year:
        sep = (sep or " ").replace("\u00a0", " ")
        if "Fiscal" in sep:
            full = f"{name} for Fiscal Year {year}"
        else:
            full = f"{name}, {year}" if "," in sep else (f"{name} of {year}" if "of" in sep else f"{name} {year}")
    # the id leaves the year out (the same act is cited with and without it), except for acts that
    # are re-enacted every year under one name (appropriations, authorizations)
    key = f"{name} {year}" if year and any(w in name for w in _YEARLESS_ID) else name
    return Citation(start, end, slug(key), full, kind, short=name if year else None)


def find_citations(text: str) -> list[Citation]:
    """All citations in `text`, sorted by start; overlapping named/section forms are resolved so a
    character belongs to at most one top-level citation (a section's act is its `parent`)."""
    cites: list[Citation] = []
    for m in _EO.finditer(text):
        nums = [m.group(1)] + _EO_NUM.findall(m.group(2) or "")
        first_id, first_name = _eo(nums[0])
        if len(nums) == 1:
            cites.append(
                Citation(m.start(), m.end(), first_id, first_name, "executive_order", short=_collapse(m.group(0)))
            )
            continue
        # a list of orders: the first carries the "Executive Orders" words, the rest only their number
        cites.append(Citation(m.start(), m.start(1) + 5, first_id, first_name, "executive_order"))
        for nm in _EO_NUM.finditer(m.group(2)):
            s = m.start(2) + nm.start()
            eid, ename = _eo(nm.group(0))
            cites.append(Citation(s, s + 5, eid, ename, "executive_order"))
    for m in _CFR.finditer(text):
        title, part, sec = m.group(1), m.group(2), m.group(3)
        part_cite = Citation(m.start(), m.end(), f"cfr-{title}-{part}", f"{title} CFR part {part}", "regulation")
        if sec:
            cites.append(
                Citation(
                    m.start(),
                    m.end(),
                    f"cfr-{title}-{part}-{sec}",
                    f"{title} CFR {part}.{sec}",
                    "section",
                    parent=part_cite,
                )
            )
        else:
            cites.append(part_cite)
    for m in _USC.finditer(text):
        title, sec, sub = m.group(1), m.group(2), m.group(3) or ""
        cites.append(
            Citation(m.start(), m.end(), slug(f"usc-{title}-{sec}{sub}"), f"{title} U.S.C. {sec}{sub}", "section")
        )
    for m in _EU.finditer(text):
        body, mod, what, series, year, num = m.groups()
        if len(year) == 2:
            year, num = num, year  # old style "No 833/2014" is number/year
        name = (
            " ".join(x for x in (body, mod, what) if x)
            + f" ({series}) "
            + (f"No {m.group(5)}/{m.group(6)}" if len(m.group(5)) < 4 else f"{m.group(5)}/{m.group(6)}")
        )
        kind = "regulation"
        cites.append(Citation(m.start(), m.end(), slug(f"eu-{what}-{m.group(5)}-{m.group(6)}"), name, kind))
    for m in _EU_OLD.finditer(text):
        body, mod, what, year, num, series = m.groups()
        what = " ".join(what.split())
        name = " ".join(x for x in (body, mod, what) if x) + f" {year}/{num}/{series}"
        cites.append(Citation(m.start(), m.end(), slug(f"eu-{what}-{year}-{num}"), name, "regulation"))
    for m in _UNSCR.finditer(text):
        n = m.group(1)
        cites.append(Citation(m.start(), m.end(), f"unscr-{n}", f"UN Security Council Resolution {n}", "treaty"))
    for m in _BILL.finditer(text):
        prefix = re.sub(r"\s", "", m.group(1))
        if prefix == "S." and not _looks_like_senate_bill(text, m.start()):
            continue
        label = {"H.R.": "H.R.", "S.": "S.", "H.Res.": "H.Res.", "S.Res.": "S.Res."}.get(prefix, prefix)
        cites.append(Citation(m.start(), m.end(), slug(f"bill-{label}-{m.group(2)}"), f"{label} {m.group(2)}", "bill"))
    for m in _PUBLIC_LAW.finditer(text):
        cites.append(
            Citation(
                m.start(),
                m.end(),
                f"public-law-{m.group(1)}-{m.group(2)}",
                f"Public Law {m.group(1)}-{m.group(2)}",
                "statute",
            )
        )
    gl_names: dict[str, tuple[str, str]] = {}
    for m in _GL.finditer(text):
        prog, related, num = m.group(1), m.group(2), m.group(3)
        start = m.start()
        if prog in _GL_NOT_PROGRAM:
            prog, start = None, m.start() + len(m.group(1)) + 1
        label = f"{prog}{related.lower() if related else ''} " if prog else ""
        name = f"{label}General License {num}"
        gid = slug(f"general-license-{prog or ''}-{num}")
        gl_names.setdefault(num, (gid, name))
        cites.append(Citation(start, m.end(), gid, name, "regulation", short=f"GL {num}"))
    if gl_names:
        for m in _GL_SHORT.finditer(text):
            hit = gl_names.get(m.group(1))
            if hit:
                cites.append(Citation(m.start(), m.end(), hit[0], hit[1], "regulation"))
    cites.extend(code_citations(text))
    named: list[Citation] = []
    for m in _NAMED.finditer(text):
        c = named_instrument(m.group(1), m.start(1), m.end(), m.group(2), m.group(3), m.group(4))
        if c is not None:
            named.append(c)
    cites.extend(named)
    # Sections: "Section 7031(c) of the X Act" -> section PART_OF the act; "section 1(a) of E.O. 13818"
    by_start = {c.start: c for c in cites}
    for m in _SECTION.finditer(text):
        num, sub, of = m.group(1), m.group(2) or "", m.group(3)
        short = f"Section {num}{sub}"
        if not of:
            continue
        parent = by_start.get(m.end())
        if parent is None:
            continue
        sid = f"{parent.id}-section-{slug(num + sub).replace('-', '')}"
        bare = parent.kind == "executive_order" or parent.name.startswith(_BARE_NAMES)
        name = f"{short} of {parent.name}" if bare else f"{short} of the {parent.name}"
        cites.append(Citation(m.start(), parent.end, sid, name, "section", parent=parent, short=short))
    # OFAC directives under an order: "Directive 4 under E.O. 14024", "Directive 2 pursuant to E.O. 13662" ->
    # a regulation PART_OF the order; a later bare "Directive 4" is the same node when its number is unambiguous
    directives: dict[str, set[Citation]] = {}
    for m in _DIRECTIVE.finditer(text):
        parent = by_start.get(m.end())
        if parent is None or parent.kind != "executive_order":
            continue
        num = m.group(2)
        c = Citation(m.start(1), parent.end, f"{parent.id}-directive-{num.lower()}",
                     f"Directive {num} under {parent.name}", "regulation", parent=parent, short=f"Directive {num}")
        cites.append(c)
        directives.setdefault(num, set()).add(replace(c, start=0, end=0, parent=None))
    if directives:
        taken = [(c.start, c.end) for c in cites]
        for m in _DIRECTIVE_SHORT.finditer(text):
            hits = directives.get(m.group(1))
            if not hits or len({h.id for h in hits}) != 1 or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            h = next(iter(hits))
            cites.append(Citation(m.start(), m.end(), h.id, h.name, "regulation"))
    return _top_level(cites)


_DIRECTIVE = re.compile(
    r"\b((?:[A-Z][a-z]+-related" + _WS + r")?Directive" + _WS + r"(?:No\." + _WS + r")?(\d{1,2}[A-Z]?))"
    r"(?:" + _WS + r"\(as" + _WS + r"amended\))?" + _WS + r"(?:under|pursuant" + _WS + r"to|of)" + _WS
)
_DIRECTIVE_SHORT = re.compile(r"\bDirective" + _WS + r"(\d{1,2}[A-Z]?)\b")


_BARE_NAMES = ("Public Law", "Executive Order", "Proclamation")  # "Section 1 of Proclamation 8693", no "the"


def _looks_like_senate_bill(text: str, start: int) -> bool:
    # "S. 3744" is a bill; the "S." of "U.S. 1" is not (a letter or a dot right before it)
    return start == 0 or not (text[start - 1].isalpha() or text[start - 1] == ".")


def _top_level(cites: list[Citation]) -> list[Citation]:
    """Longest citation wins where two overlap; a section absorbs its act (kept as `parent`)."""
    out: list[Citation] = []
    for c in sorted(cites, key=lambda c: (c.start, -(c.end - c.start))):
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start and c.start == out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out
