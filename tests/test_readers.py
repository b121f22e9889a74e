"""Readers on real inputs from ../shared (seeds, Treasury releases, Federal Register abstracts) and on broken files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.documents import Document, document_id
from ingest.markdown_text import markdown_to_text
from ingest.published import published_from_text, title_from_text
from ingest.readers import ReadFailure, read_paths
from ingest.unwrap import unwrap

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
TREASURY_MD = SHARED / "corpora" / "treasury" / "2018-04-06-sm0338.md"
TREASURY_JSONL = SHARED / "corpora" / "treasury-press-releases.jsonl"
FR_JSONL = SHARED / "corpora" / "federal-register" / "fr_sanctions_export_control_abstracts_2020-2026.jsonl"

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the checkout")


def _docs(items):
    return [i for i in items if isinstance(i, Document)]


def test_plain_text_seeds_title_and_publication_line():
    docs = {Path(d.source).stem: d for d in _docs(read_paths([SEEDS]))}
    assert len(docs) == 5
    # "This article first appeared in The Hill on 10/11/19 12:00 PM ET" is the only publication line.
    assert docs["000_0c77a62aba8b6941"].published == "2019-10-11"
    assert docs["000_0c77a62aba8b6941"].title is None  # first line is the byline
    assert docs["004_024137be02a5db68"].title.startswith("U.S. Commerce and Treasury Departments")
    assert docs["001_852a3349ab723420"].published is None


def test_markdown_front_matter():
    (doc,) = _docs(read_paths([TREASURY_MD]))
    assert doc.title.startswith("Treasury Designates Russian Oligarchs")
    assert doc.published == "2018-04-06"
    # front matter says "/news/press-releases/sm0338": resolved against Treasury's site (ingest/source_urls.py)
    assert doc.url == "https://home.treasury.gov/news/press-releases/sm0338"
    assert not doc.text.startswith("---")
    assert "Office of Foreign Assets Control (OFAC)" in doc.text


def test_jsonl_metadata_and_record_ids(tmp_path):
    lines = TREASURY_JSONL.read_text(encoding="utf-8").splitlines()[:3]
    src = tmp_path / "three.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = _docs(read_paths([src]))
    assert len(docs) == 3
    first = json.loads(lines[0])
    assert docs[0].title == first["title"]
    assert docs[0].published == first["date"]
    assert docs[0].url == first["source_url"]
    assert Path(docs[0].source).stem == first["id"]  # scorers join on the record id
    assert docs[0].id == document_id(markdown_to_text(first["text"]))


def test_federal_register_abstracts_use_abstract_and_publication_date(tmp_path):
    line = FR_JSONL.read_text(encoding="utf-8").splitlines()[0]
    src = tmp_path / "fr.jsonl"
    src.write_text(line + "\n", encoding="utf-8")
    (doc,) = _docs(read_paths([src]))
    record = json.loads(line)
    assert doc.text == record["abstract"]
    assert doc.published == record["publication_date"]
    assert doc.url == record["federal_register_url"]


def test_html_main_text_and_meta(tmp_path):
    body = TREASURY_MD.read_text(encoding="utf-8").split("---", 2)[2].strip().split("\n\n")[:3]
    html = (
        "<html><head><title>Treasury Designates Russian Oligarchs</title>"
        '<meta property="article:published_time" content="2018-04-06T08:30:00-04:00">'
        "</head><body><nav>Home | Press</nav><article><h1>Treasury Designates Russian Oligarchs</h1>"
        + "".join(f"<p>{p}</p>" for p in body)
        + "</article><footer>Footer links</footer></body></html>"
    )
    src = tmp_path / "release.html"
    src.write_text(html, encoding="utf-8")
    (doc,) = _docs(read_paths([src]))
    assert "Office of Foreign Assets Control" in doc.text
    assert "Footer links" not in doc.text
    assert doc.title == "Treasury Designates Russian Oligarchs"
    assert doc.published == "2018-04-06"


def test_same_text_twice_is_one_document(tmp_path):
    text = (SEEDS / "004_024137be02a5db68.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("\n", "\n\n"), encoding="utf-8")  # whitespace differs only
    ids = {d.id for d in _docs(read_paths([tmp_path]))}
    assert len(ids) == 1


def test_bad_inputs_are_reported_and_the_rest_reads(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((SEEDS / "003_4f4197edc0af993c.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Sanktionen gegen Stra\xdfe".encode("latin-1"))
    (tmp_path / "broken.jsonl").write_text('{"text": "OFAC designated two firms."}\n{"text": oops\n[1, 2]\n',
                                           encoding="utf-8")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody text.\n", encoding="utf-8")
    results = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    failures = {Path(f.source).name: f.reason for f in results if isinstance(f, ReadFailure)}
    docs = _docs(results)
    assert failures["empty.txt"] == "empty file"
    assert "binary" in failures["binary.txt"]
    assert "UTF-8" in failures["latin1.txt"]
    assert "malformed JSON" in failures["broken.jsonl:2"]
    assert "object" in failures["broken.jsonl:3"]
    assert "front matter" in failures["bad.md"]
    assert failures["missing.txt"] == "no such file or directory"
    assert {Path(d.source).name for d in docs} == {"good.txt", "broken.jsonl:1"}


def test_unsupported_file_named_explicitly_is_a_failure_but_skipped_in_directories(tmp_path):
    xml = tmp_path / "rule.xml"
    xml.write_text("<rule/>", encoding="utf-8")
    assert list(read_paths([tmp_path])) == []
    (failure,) = list(read_paths([xml]))
    assert isinstance(failure, ReadFailure) and "unsupported file type .xml" in failure.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, Oct. 5, 2019 – The Treasury Department today designated ...", "2019-10-05"),
        ("Body.\n\nThis article first appeared in The Hill  on 10/11/19 12:00 PM ET\n", "2019-10-11"),
        ("No date anywhere in this text.", None),
    ],
)
def test_publication_dates_from_text(text, expected):
    assert published_from_text(text) == expected


def test_title_heuristic():
    assert title_from_text("BY JANE DOE\n\nText.") is None
    headline = "Treasury Sanctions Cartel Leaders"
    assert title_from_text(headline + "\n\nWASHINGTON - ...") == headline


def test_markdown_links_and_emphasis_become_plain_text():
    (doc,) = _docs(read_paths([TREASURY_MD]))
    # The release reads "General Licenses[General Licenses 12](https://...pdf)and[General Licenses 13](...)".
    assert "General Licenses 12 and General Licenses 13" in doc.text
    assert "](http" not in doc.text
    assert "### Designated Russian Oligarchs" in doc.text  # headings structure lists of designees


def test_glued_links_get_their_spaces_back():
    text = "OFAC[designated](https://home.treasury.gov/news/press-releases/sm0177)the governor. **Today:** done"
    assert markdown_to_text(text) == "OFAC designated the governor. Today: done"



WHITE_HOUSE = SHARED / "corpora" / "whitehouse"
FACT_SHEET = WHITE_HOUSE / ("statements-releases__2022-03__2022-03-03-fact-sheet-the-united-states-continues-to-target-"
                            "russian-oligarchs-enabling-putins-war-of-choice.md")
BURMA_EO = WHITE_HOUSE / ("presidential-actions__2021-02__2021-02-11-executive-order-on-blocking-property-with-respect-"
                          "to-the-situation-in-burma.md")


def test_hard_wrapped_white_house_release_is_read_one_paragraph_a_line():
    # White House releases are wrapped at 72 columns: the line break cut a name in two.
    raw = FACT_SHEET.read_text(encoding="utf-8")
    assert "One of the elites is Alisher\nBurhanovich Usmanov" in raw
    (doc,) = _docs(read_paths([FACT_SHEET]))
    assert "One of the elites is Alisher Burhanovich Usmanov, one of Russia\u2019s wealthiest" in doc.text
    paragraphs = [p for p in doc.text.split("\n") if p.strip()]
    assert paragraphs[0].startswith("Today, the United States, in coordination with Allies")
    assert paragraphs[0].rstrip().endswith("support criminal prosecutions and seizure of assets.")
    assert paragraphs[1].startswith("Today, the United States will sanction an expansive list")
    assert doc.id == document_id(doc.text)


def test_unwrapped_items_stay_apart_and_markdown_escapes_are_plain():
    (doc,) = _docs(read_paths([BURMA_EO]))
    assert "the military overthrew the democratically elected civilian government of Burma and unjustly" in doc.text
    lines = doc.text.split("\n")
    assert any(line.startswith("(ii) ") and line.endswith("any of the following:") for line in lines)
    assert "\\(" not in doc.text


def test_texts_with_a_paragraph_a_line_are_not_rejoined(tmp_path):
    (release,) = _docs(read_paths([TREASURY_MD]))
    body = TREASURY_MD.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert release.text.strip() == markdown_to_text(body).strip() and release.text.count("\n") > 5
    assert unwrap(release.text) == release.text
    seeds = _docs(read_paths([SEEDS]))
    assert all(d.text == (SEEDS / Path(d.source).name).read_text(encoding="utf-8") for d in seeds)


def test_front_matter_with_an_unquoted_colon_in_a_value_is_read(tmp_path):
    # scrapers write titles with ": " unquoted, which YAML refuses; the body must not be lost for that
    path = tmp_path / "release.md"
    path.write_text(
        "---\ntitle: Russia sanctions: Council adopts a 17th package\npublished_date: 2025-05-20T00:00:00\n"
        'description: "Council of the EU\n\n Press release"\n---\n\nThe Council adopted today new listings.\n',
        encoding="utf-8",
    )
    (doc,) = _docs(read_paths([path]))
    assert doc.title == "Russia sanctions: Council adopts a 17th package"
    assert doc.published == "2025-05-20"
    assert doc.text.strip() == "The Council adopted today new listings."


def test_unpaired_emphasis_markers_are_dropped_bullets_kept():
    fact_sheet = WHITE_HOUSE / ("statements-releases__2022-02__2022-02-24-fact-sheet-joined-by-allies-and-partners-"
                                "the-united-states-imposes-devastating-costs-on-russia.md")
    order = WHITE_HOUSE / ("presidential-actions__2021-08__2021-08-09-executive-order-on-blocking-property-of-"
                           "additional-persons-contributing-to-the-situation-in-belarus.md")
    def folded(text: str) -> str:
        return " ".join(text.split())  # str.split() folds no-break spaces too

    assert "Alexander Vedyakhin.** This action" in folded(fact_sheet.read_text(encoding="utf-8"))
    assert "Sec. 6. ** **For the purposes" in folded(order.read_text(encoding="utf-8"))
    (sheet,) = _docs(read_paths([fact_sheet]))
    (eo,) = _docs(read_paths([order]))
    assert "and Alexander Vedyakhin. This action includes" in folded(sheet.text)
    assert "Sec. 6. For the purposes of this order:" in folded(eo.text)
    assert "*" not in sheet.text + eo.text
    bullets = "Intro:\n\n* Russia to Face Massive Costs\n"
    assert markdown_to_text(bullets) == bullets
