"""Official lists, without a store: the readers on real list files (../shared/reference), the matcher on real
entries, and the verdict rules on real SDN history rows."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from ingest.lists import read_lists
from ingest.lists.matching import Candidate, Linker, words
from ingest.lists.records import fr_citations, iso_date
from ingest.lists.verdicts import EntryDates, action_verdict, entry_verdict

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
SDN = REFERENCE / "ofac-sdn"
US = REFERENCE / "us-lists"
HISTORY = SDN / "sdn_entry_history_2021-05-22_to_2024-07-02.csv"


def real_rows(path: Path, keep) -> list[list[str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return [row for row in csv.reader(fh) if keep(row)]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture(scope="module")
def everything():
    return read_lists([SDN, US])


@pytest.fixture(scope="module")
def linker(everything):
    return Linker(everything.entries)


def by_id(result, entry_id: str):
    return next(e for e in result.entries if e.id == entry_id)


# ---------------------------------------------------------------------------------------------- readers


def test_every_reference_file_is_read(everything) -> None:
    assert not everything.failures
    lists = {e.list_id for e in everything.entries}
    assert {"ofac-sdn", "bis-entity-list", "dhs-uflpa", "cbp-wro", "bis-dpl", "bis-meu"} <= lists
    assert len(everything.entries) > 20_000


def test_sdn_snapshots_and_history_make_one_entry_each(everything) -> None:
    noriega = by_id(everything, "ofac-sdn:1572")  # in the 2021 snapshot, removed in December 2021
    assert (noriega.name, noriega.party, noriega.programs) == ("NORIEGA, Manuel Antonio", "person", ["CUBA"])
    assert (noriega.first_seen, noriega.last_seen, noriega.removed) == ("2021-05-22", "2021-12-23", True)
    assert noriega.snapshots == ["2021-05-22"] and "sdn_2021-05-22.csv" in noriega.files
    bnc = by_id(everything, "ofac-sdn:306")  # remarks: a.k.a. 'BNC'
    assert bnc.aliases == ["BNC"] and bnc.snapshots == ["2021-05-22", "2024-07-02"] and not bnc.removed
    semenov = by_id(everything, "ofac-sdn:44718")  # programmes "DPRK3] [CYBER2", nationality in the remarks
    assert semenov.programs == ["DPRK3", "CYBER2"] and semenov.countries == ["Russia"]
    assert semenov.first_seen == "2023-09-18"


def test_us_list_dates_and_federal_register_citations(everything) -> None:
    aook = next(e for e in everything.entries if e.list_id == "bis-entity-list" and e.name == "AOOK Technology Limited")
    assert aook.federal_register == ["88 FR 12171"] and aook.listed_since == "2023-02-27"
    assert aook.countries == ["China"] and aook.snapshots == ["2026-07-09"]
    uflpa = [e for e in everything.entries if e.list_id == "dhs-uflpa"]
    assert all(e.listed_since and len(e.listed_since) == 10 for e in uflpa)  # "June 21, 2022" -> 2022-06-21
    assert iso_date("June 21, 2022") == "2022-06-21"
    assert fr_citations("46 F.R. 46154 9/17/81 and 46 F.R. 19290 3/30/81") == [
        ("46 FR 46154", "1981-09-17"), ("46 FR 19290", "1981-03-30")]


def test_a_file_of_another_shape_is_named_and_the_rest_read(tmp_path: Path) -> None:
    sdn = write_csv(tmp_path / "sdn_2024-07-02.csv", real_rows(SDN / "sdn_2024-07-02.csv", lambda r: r[0] == "306"))
    (tmp_path / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "unknown.json").write_text(json.dumps({"list_id": "no-such-list", "entities": []}), encoding="utf-8")
    result = read_lists([tmp_path])
    assert [e.id for e in result.entries] == ["ofac-sdn:306"] and result.files[sdn.name] == 1
    assert set(result.failures) == {str(tmp_path / n) for n in ("other.csv", "broken.json", "unknown.json")}


# ---------------------------------------------------------------------------------------------- matching


def links(linker: Linker, etype: str, *names: str, countries: tuple[str, ...] = ()) -> set[str]:
    return {x.entry_id for x in linker.match(Candidate("e", etype, names, countries))}


def test_last_first_order_and_partial_names(linker: Linker) -> None:
    assert links(linker, "Person", "Manuel Antonio Noriega") == {"ofac-sdn:1572"}  # NORIEGA, Manuel Antonio
    assert links(linker, "Person", "Roman Semenov") == {"ofac-sdn:44718"}  # SEMENOV, Roman
    found = linker.match(Candidate("e", "Person", ("Sergey Naryshkin",)))  # NARYSHKIN, Sergey Yevgenyevich
    assert [(x.entry_id, x.method) for x in found] == [("ofac-sdn:16691", "person_partial")]


def test_aliases_legal_forms_and_scripts(linker: Linker) -> None:
    assert links(linker, "Company", "Jam Rolled Ice Cream") == {"ofac-sdn:44472"}  # a.k.a. of BAUM PVT LTD
    assert links(linker, "Company", "BNC") == set()  # a.k.a. of BANCO NACIONAL DE CUBA: 3 letters name no one
    # one word once legal forms are out is a name only as written in full: "Orion" is no "NPO Orion"
    assert links(linker, "Company", "Orion LLC") == set()
    assert links(linker, "Company", "Orion Limited Liability Company") == {"ofac-sdn:48739"}
    assert links(linker, "Organization", "Hizballah") >= {"ofac-sdn:4697"}
    assert words("OOO «Сбербанк»") == words("Sberbank Limited Liability Company") == ("sberbank",)
    assert links(linker, "Person", "Роман Семенов") == {"ofac-sdn:44718"}  # SEMENOV, Roman: transliterated
    assert links(linker, "Company", "Sberbank of Russia") == {"ofac-sdn:17018"}  # PJSC SBERBANK OF RUSSIA
    assert links(linker, "Company", "Sberbank") == set()  # JSC SBERBANK (Ukraine) and a dozen others: no one


def test_near_names_word_by_word(linker: Linker, everything) -> None:
    # transliteration variants of one name, on real SDN entries
    assert links(linker, "Person", "Qassem Soleimani") == {"ofac-sdn:10481"}  # SOLEIMANI, Qasem
    assert links(linker, "Organization", "Beltran Levya Organization") == {"ofac-sdn:10900"}  # LEYVA
    # one word that differs is another body, however close the whole name
    finance = links(linker, "Authority", "Ministry of Finance of the Russian Federation")
    assert not [e for e in finance if "Defence" in by_id(everything, e).name]
    assert links(linker, "Authority", "Iran Prisons Organization") == set()  # not TEHRAN PRISONS ORGANIZATION


def debarred(linker: Linker, name: str) -> str:
    return next(e.entry_id for e in read_lists([US / "state_debarred_admin.json"]).entries if e.name == name)


def test_types_generic_names_and_common_names_link_nothing(linker: Linker) -> None:
    assert links(linker, "Company", "Manuel Antonio Noriega") == set()  # an individual is no company
    assert links(linker, "Person", "Tornado Cash") == set()  # an SDN entity is no person
    # a list that gives no party still writes a person "LAST, First" (State's debarred parties)
    assert links(linker, "Person", "Ryan Adams") == {"state-debarred-admin:" + debarred(linker, "Adams, Ryan")}
    assert links(linker, "Company", "Adams Ryan") == set()
    # entries named only by generic words would find every ministry and every "General Technology"
    assert links(linker, "Authority", "Ministry of Defence") == set()
    assert links(linker, "Company", "General Technology Limited") == set()
    assert links(linker, "Person", "Sergei Ivanov") == set()  # two SDN individuals: father and son
    assert links(linker, "Person", "Choe Un") == set()  # CHOE, Un Jong and CHOE, Un Hyok


# --------------------------------------------------------------------------------------------- verdicts

# Real history rows: TORNADO CASH was designated on 2022-08-08 (ent 38499), removed on 2022-11-08 and
# designated again the same day under a new entry (ent 39796).
OLD = EntryDates("ofac-sdn:38499", "ofac-sdn", "2022-08-09", "2022-11-08", True, None, ("CYBER2",))
NEW = EntryDates("ofac-sdn:39796", "ofac-sdn", "2022-11-09", "2024-07-02", False, None, ("DPRK3", "CYBER2"))
START = "2021-05-22"


def test_verdicts_of_one_entry() -> None:
    assert entry_verdict("enacted", "2022-08-08", OLD, START)[0] == "confirmed"
    verdict, reason = entry_verdict("enacted", "2023-08-23", OLD, START)
    assert verdict == "contradicted" and "2022-11-08" in reason
    assert entry_verdict("enacted", "2023-08-23", NEW, START)[0] == "confirmed"
    assert entry_verdict("enacted", "2022", OLD, START)[0] == "confirmed"  # a year: no removal before it
    assert entry_verdict("proposed", "2022-08-08", OLD, START)[0] == "unverified"
    assert entry_verdict("enacted", None, OLD, START)[0] == "unverified"
    assert entry_verdict("lifted", "2022-11-08", OLD, START)[0] == "confirmed"
    assert entry_verdict("lifted", "2022-11-08", NEW, START)[0] == "contradicted"  # still listed in 2024
    far = EntryDates("x", "ofac-sdn", "2024-06-13", "2024-07-02", False, None)
    assert entry_verdict("enacted", "2021-06-01", far, START)[0] == "unverified"  # listed three years later
    old = EntryDates("x", "ofac-sdn", START, "2024-07-02", False, None)
    assert entry_verdict("enacted", "2019-09-13", old, START)[0] == "confirmed"  # listed on or before 2021-05-22


def test_a_target_confirmed_by_one_entry_is_confirmed() -> None:
    # the re-designation under a new entry bears the 2023 claim out; the old entry alone contradicts it
    assert action_verdict("designation", "enacted", "2023-08-23", {"t": [OLD]}, {}).verdict == "contradicted"
    both = action_verdict("designation", "enacted", "2023-08-23", {"t": [OLD, NEW]}, {})
    assert both.verdict == "confirmed" and {e.verdict for e in both.entries} == {"confirmed", "contradicted"}
    assert action_verdict("entity_listing", "enacted", "2023-08-23", {"t": [NEW]}, {}).verdict == "unverified"


def test_an_entry_first_seen_after_a_gap_was_added_within_it(everything) -> None:
    # The history saw no snapshot between 2023-01-07 and 2023-09-18: TEXEL F.C.G. TECHNOLOGY 2100 LTD,
    # designated on 2023-02-01 (Treasury jy1241), is first seen on 2023-09-18 and was added in between.
    texel = next(e for e in everything.entries if e.name == "TEXEL F.C.G. TECHNOLOGY 2100 LTD")
    assert (texel.added_after, texel.first_seen) == ("2023-01-07", "2023-09-18")
    dates = EntryDates(texel.id, texel.list_id, texel.first_seen, texel.last_seen, texel.removed, None,
                       tuple(texel.programs), texel.added_after, texel.removed_by)
    verdict, reason = entry_verdict("enacted", "2023-02-01", dates, "2021-05-22")
    assert verdict == "confirmed" and "between 2023-01-07 and 2023-09-18" in reason
    assert entry_verdict("enacted", "2022-06-01", dates, "2021-05-22")[0] == "unverified"  # before the gap
    saturn = by_id(everything, "ofac-sdn:45030")  # last seen 2023-11-01, gone from the next snapshot
    assert saturn.removed and saturn.last_seen == "2023-11-01" and saturn.removed_by > "2023-11-01"


SAMPLE = Path(__file__).with_name("data") / "list_links_sample.jsonl"


def test_hand_checked_links_are_precise_and_still_made(linker: Linker) -> None:
    """tests/data/list_links_sample.jsonl: 100 links the matcher made on the 392 Treasury releases between the
    SDN snapshots (bench/lists.py --sample; 40 exact, 30 person, 15 partial, 15 near matches), each judged by
    reading the release title, the names and the entry's programmes."""
    judged = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(judged) == 100 and all(j["correct"] in (True, False) and j["note"] for j in judged)
    assert sum(j["correct"] for j in judged) / len(judged) >= 0.95
    for j in judged:  # the matcher still makes every one of them: the judgement is about today's matcher
        names = tuple(dict.fromkeys([j["entity_name"], *j["entity_aliases"]]))
        assert j["entry_id"] in links(linker, j["entity_type"], *names), j
